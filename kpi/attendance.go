package kpi

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/opskit/opskit/internal/civil"
)

// ClosedClockRange is a closed range of wall-clock time in a day,
// [Start, End], used for the attendance windows: both ends count, so a
// sign-in at exactly 09:00:00 is inside 08:00-09:00 (a [ClockRange] is
// half-open and would exclude it). A valid one has
// 00:00 ≤ Start ≤ End ≤ 24:00; its text and JSON form is "08:00-09:00".
// The seeds give the windows without saying (seed-rules K-03); the closed
// form is the reading a person checking in on the minute expects.
// Attendance times are compared at whole-second precision: 09:00:00.999
// is still 09:00:00.
type ClosedClockRange struct {
	Start ClockTime `json:"start"`
	End   ClockTime `json:"end"`
}

// String returns "08:00-09:00".
func (w ClosedClockRange) String() string { return w.Start.String() + "-" + w.End.String() }

// Contains reports whether Start ≤ c ≤ End.
func (w ClosedClockRange) Contains(c ClockTime) bool { return c >= w.Start && c <= w.End }

// MarshalText returns "08:00-09:00"; an invalid range is an error.
func (w ClosedClockRange) MarshalText() ([]byte, error) {
	if err := w.validate("marshal clock range", ""); err != nil {
		return nil, err
	}
	return []byte(w.String()), nil
}

// UnmarshalText parses "08:00-09:00" (start ≤ end; each end "15:04" or
// "15:04:05").
func (w *ClosedClockRange) UnmarshalText(b []byte) error {
	start, end, err := civil.ParseClockPair(string(b))
	if err != nil {
		return civilErr("decode clock range", "", err)
	}
	v := ClosedClockRange{Start: start, End: end}
	if err := v.validate("decode clock range", ""); err != nil {
		return err
	}
	*w = v
	return nil
}

// overlaps reports whether the two closed windows share a moment. The 5512
// timetable overlaps itself (seed-rules T-23): the sign-out 10:00-11:00
// lies inside the exam window 09:30-11:00.
func (w ClosedClockRange) overlaps(o ClosedClockRange) bool {
	return w.Start <= o.End && o.Start <= w.End
}

func (w ClosedClockRange) validate(op, field string) error {
	if !w.Start.IsValid() || !w.End.IsValid() || w.End < w.Start {
		return fieldErr(op, field, w.String(), ErrInvalidTimeRange, "want 00:00 <= start <= end <= 24:00")
	}
	return nil
}

// AttendanceRules are the daily windows of effective attendance (有效出勤):
// sign-in (签到), sign-out (签退) and the daily exam (每日考试), read on the
// wall clock of Location.
type AttendanceRules struct {
	Location *time.Location   `json:"location"`
	SignIn   ClosedClockRange `json:"sign_in"`
	SignOut  ClosedClockRange `json:"sign_out"`
	Exam     ClosedClockRange `json:"exam"`
}

// Rules5512 returns the windows of the 5512 scheme (seed-rules K-03):
// sign-in 08:00-09:00 (问卷星签到), daily exam 09:30-11:00, sign-out
// 10:00-11:00 (问卷星签退), all closed.
func Rules5512(loc *time.Location) AttendanceRules {
	return AttendanceRules{
		Location: loc,
		SignIn:   ClosedClockRange{Start: Clock(8, 0), End: Clock(9, 0)},
		Exam:     ClosedClockRange{Start: Clock(9, 30), End: Clock(11, 0)},
		SignOut:  ClosedClockRange{Start: Clock(10, 0), End: Clock(11, 0)},
	}
}

// AttendanceRecord is one rostered person's day: when they signed in, signed
// out and finished the exam. A zero time means not done. Pass one record for
// every person on the roster that day, done or not: the roster is the
// denominator of the attendance rate.
type AttendanceRecord struct {
	Person  string    `json:"person"`
	Team    string    `json:"team"`
	Day     Date      `json:"day"`
	SignIn  time.Time `json:"sign_in"`
	SignOut time.Time `json:"sign_out"`
	Exam    time.Time `json:"exam"`
}

// AttendanceCheck is the verdict on one record: which of the three steps
// happened on the day inside its window, and Effective = SignIn ∧ SignOut ∧
// Exam (K-02: "签到+签退+每日考试" means all three, not a sum).
type AttendanceCheck struct {
	Person    string `json:"person"`
	Team      string `json:"team"`
	Day       Date   `json:"day"`
	SignIn    bool   `json:"sign_in"`
	SignOut   bool   `json:"sign_out"`
	Exam      bool   `json:"exam"`
	Effective bool   `json:"effective"`
}

// TeamDay is one team's effective attendance (每日有效出勤人力) on one day:
// Rate = Effective ÷ Rostered.
type TeamDay struct {
	Team      string  `json:"team"`
	Day       Date    `json:"day"`
	Rostered  int64   `json:"rostered"`
	Effective int64   `json:"effective"`
	Rate      float64 `json:"rate"`
}

// AttendanceReport lists the checks sorted by day, team and person, and
// the team days sorted by day and team.
type AttendanceReport struct {
	Checks []AttendanceCheck `json:"checks"`
	Teams  []TeamDay         `json:"teams"`
}

// EffectiveAttendance checks each record against the rules. A step counts
// when its time is on the record's day in the rules' location and inside its
// closed window.
//
// Errors (*[FieldError]): no location ([ErrEmpty]); a window out of range
// or ending before it starts ([ErrInvalidTimeRange]); a record without a
// person ([ErrEmpty]), with an invalid day ([ErrInvalidDate]), or repeating
// a person and day ([ErrDuplicate]).
func EffectiveAttendance(recs []AttendanceRecord, rules AttendanceRules) (AttendanceReport, error) {
	const op = "attendance"
	if rules.Location == nil {
		return AttendanceReport{}, fieldErr(op, "rules.location", nil, ErrEmpty)
	}
	for _, w := range []struct {
		name string
		w    ClosedClockRange
	}{{"rules.sign_in", rules.SignIn}, {"rules.sign_out", rules.SignOut}, {"rules.exam", rules.Exam}} {
		if err := w.w.validate(op, w.name); err != nil {
			return AttendanceReport{}, err
		}
	}
	type key struct {
		person string
		day    Date
	}
	seen := make(map[key]bool, len(recs))
	checks := make([]AttendanceCheck, 0, len(recs))
	for i, r := range recs {
		f := fmt.Sprintf("records[%d]", i)
		if r.Person == "" {
			return AttendanceReport{}, fieldErr(op, f+".person", r.Person, ErrEmpty)
		}
		if !r.Day.IsValid() {
			return AttendanceReport{}, fieldErr(op, f+".day", r.Day.String(), ErrInvalidDate)
		}
		k := key{r.Person, r.Day}
		if seen[k] {
			return AttendanceReport{}, fieldErr(op, f, r.Person+" "+r.Day.String(), ErrDuplicate)
		}
		seen[k] = true
		c := AttendanceCheck{Person: r.Person, Team: r.Team, Day: r.Day,
			SignIn:  inWindow(r.SignIn, r.Day, rules.SignIn, rules.Location),
			SignOut: inWindow(r.SignOut, r.Day, rules.SignOut, rules.Location),
			Exam:    inWindow(r.Exam, r.Day, rules.Exam, rules.Location),
		}
		c.Effective = c.SignIn && c.SignOut && c.Exam
		checks = append(checks, c)
	}
	slices.SortFunc(checks, func(a, b AttendanceCheck) int {
		if c := a.Day.Compare(b.Day); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Team, b.Team); c != 0 {
			return c
		}
		return cmp.Compare(a.Person, b.Person)
	})
	var teams []TeamDay
	for _, c := range checks {
		n := len(teams)
		if n == 0 || teams[n-1].Team != c.Team || teams[n-1].Day != c.Day {
			teams = append(teams, TeamDay{Team: c.Team, Day: c.Day})
			n++
		}
		teams[n-1].Rostered++
		if c.Effective {
			teams[n-1].Effective++
		}
	}
	for i := range teams {
		teams[i].Rate = float64(teams[i].Effective) / float64(teams[i].Rostered)
	}
	return AttendanceReport{Checks: checks, Teams: teams}, nil
}

func inWindow(t time.Time, d Date, w ClosedClockRange, loc *time.Location) bool {
	if t.IsZero() {
		return false
	}
	lt := t.In(loc)
	if DateOf(lt, nil) != d {
		return false
	}
	return w.Contains(clockOf(lt))
}
