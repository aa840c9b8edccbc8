package kpi

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// Festival is one item of a holiday notice: the festival's name, its days
// off First..Last (both included; a run of days off, weekend days
// included) and the make-up working days (调休上班) the notice moves into
// weekends for it. Days off that are not one run (a substitute day off
// after a weekend) are written as a second Festival of the same name.
type Festival struct {
	Name   string `json:"name"`
	First  Date   `json:"first"`
	Last   Date   `json:"last"`
	MakeUp []Date `json:"make_up,omitempty"`
}

// HolidayNotice is the official holiday arrangement (节假日 and 调休) of one
// year as a government publishes it: the year, the notice's number and the
// date it was issued (so every date can be traced to its source), and the
// festivals. The State Council's General Office publishes China's in the
// autumn of the year before; [ChinaNotices] holds the ones of 2024-2026.
type HolidayNotice struct {
	Year      int        `json:"year"`
	Number    string     `json:"number"`
	Issued    Date       `json:"issued"`
	Festivals []Festival `json:"festivals"`
}

// Calendar is a validated set of holiday notices: for every date it says
// whether the date is a public holiday (no work, whatever its weekday) or
// a make-up working day (a weekend date worked as a weekday). Build it with
// [NewCalendar]; [ChinaCalendar] is the built-in one. A [Schedule] accepts
// it through [ScheduleSpec].Calendar.
//
// A Calendar knows only the years of its notices ([Calendar.Covers]):
// outside them every date is an ordinary day. It is immutable and safe for
// concurrent use; its zero value has no notices.
type Calendar struct {
	notices  []HolidayNotice
	holidays []int64 // day numbers, sorted
	makeUp   []int64 // day numbers, sorted
}

// Limits of a [Calendar], checked by [NewCalendar] ([ErrTooLarge]).
const (
	// MaxCalendarNotices is the number of notices (years) a calendar holds.
	MaxCalendarNotices = 500
	// MaxNoticeFestivals is the number of festivals one notice lists.
	MaxNoticeFestivals = 16
	// MaxFestivalDays is the longest run of days off of one festival, and
	// the most make-up days it may list.
	MaxFestivalDays = 31
)

const opCalendar = "calendar"

// NewCalendar validates the notices and returns their calendar. Each notice
// needs a year in 1-9999 not given twice, a number, a valid issue date and
// 1 to [MaxNoticeFestivals] festivals; each festival a name, First ≤ Last at
// most [MaxFestivalDays] days apart, and dates in its notice's year or the
// year before (a notice may start the new-year holiday on December 30 of
// the year before, as the one for 2019 did). A make-up working day must be a
// Saturday or a Sunday, and no date may appear twice in the calendar: not as
// two holidays, not as two make-up days, not as both.
//
// Errors are *[FieldError] naming the field ("notices[1].festivals[2].
// make_up[0]"): [ErrEmpty], [ErrInvalidDate] (including a make-up day on a
// weekday), [ErrDuplicate], [ErrTooLarge].
//
// To add a year the day its notice is published, pass the built-in notices
// and the new one:
//
//	cal, err := kpi.NewCalendar(append(kpi.ChinaNotices(), notice2027)...)
func NewCalendar(notices ...HolidayNotice) (Calendar, error) {
	if len(notices) > MaxCalendarNotices {
		return Calendar{}, fieldErr(opCalendar, "notices", len(notices), ErrTooLarge, fmt.Sprintf("at most %d notices", MaxCalendarNotices))
	}
	var c Calendar
	years := map[int]int{}
	seen := map[int64]string{}
	add := func(d Date, field string, list *[]int64) error {
		z := dayNumber(d)
		if prev, dup := seen[z]; dup {
			return fieldErr(opCalendar, field, d.String(), ErrDuplicate, "also "+prev)
		}
		seen[z] = field
		*list = append(*list, z)
		return nil
	}
	for i, n := range notices {
		f := fmt.Sprintf("notices[%d]", i)
		if n.Year < 1 || n.Year > 9999 {
			return Calendar{}, fieldErr(opCalendar, f+".year", n.Year, ErrInvalidDate, "want a year in 1-9999")
		}
		if j, dup := years[n.Year]; dup {
			return Calendar{}, fieldErr(opCalendar, f+".year", n.Year, ErrDuplicate, fmt.Sprintf("also notices[%d]", j))
		}
		years[n.Year] = i
		if n.Number == "" {
			return Calendar{}, fieldErr(opCalendar, f+".number", n.Number, ErrEmpty, "cite the notice")
		}
		if !n.Issued.IsValid() {
			return Calendar{}, fieldErr(opCalendar, f+".issued", n.Issued.String(), ErrInvalidDate)
		}
		if len(n.Festivals) == 0 {
			return Calendar{}, fieldErr(opCalendar, f+".festivals", nil, ErrEmpty)
		}
		if len(n.Festivals) > MaxNoticeFestivals {
			return Calendar{}, fieldErr(opCalendar, f+".festivals", len(n.Festivals), ErrTooLarge, fmt.Sprintf("at most %d festivals", MaxNoticeFestivals))
		}
		inYears := func(field string, d Date) error {
			if !d.IsValid() || d.Year < n.Year-1 || d.Year > n.Year {
				return fieldErr(opCalendar, field, d.String(), ErrInvalidDate, fmt.Sprintf("want a date in %d or the end of %d", n.Year, n.Year-1))
			}
			return nil
		}
		for k, fe := range n.Festivals {
			ff := fmt.Sprintf("%s.festivals[%d]", f, k)
			if fe.Name == "" {
				return Calendar{}, fieldErr(opCalendar, ff+".name", fe.Name, ErrEmpty)
			}
			if err := inYears(ff+".first", fe.First); err != nil {
				return Calendar{}, err
			}
			if err := inYears(ff+".last", fe.Last); err != nil {
				return Calendar{}, err
			}
			span := dayNumber(fe.Last) - dayNumber(fe.First) // both in two adjacent years: |span| < 731
			if span < 0 {
				return Calendar{}, fieldErr(opCalendar, ff+".last", fe.Last.String(), ErrInvalidDate, "before first "+fe.First.String())
			}
			if span >= MaxFestivalDays {
				return Calendar{}, fieldErr(opCalendar, ff+".last", fe.Last.String(), ErrTooLarge, fmt.Sprintf("at most %d days off", MaxFestivalDays))
			}
			if len(fe.MakeUp) > MaxFestivalDays {
				return Calendar{}, fieldErr(opCalendar, ff+".make_up", len(fe.MakeUp), ErrTooLarge, fmt.Sprintf("at most %d make-up days", MaxFestivalDays))
			}
			for d := range span + 1 {
				day := fe.First.AddDays(int(d))
				if err := add(day, ff, &c.holidays); err != nil {
					return Calendar{}, err
				}
			}
			for m, d := range fe.MakeUp {
				fm := fmt.Sprintf("%s.make_up[%d]", ff, m)
				if err := inYears(fm, d); err != nil {
					return Calendar{}, err
				}
				if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
					return Calendar{}, fieldErr(opCalendar, fm, d.String(), ErrInvalidDate, "a make-up working day must be a Saturday or Sunday, not a "+wd.String())
				}
				if err := add(d, fm, &c.makeUp); err != nil {
					return Calendar{}, err
				}
			}
		}
		c.notices = append(c.notices, cloneNotice(n))
	}
	slices.Sort(c.holidays)
	slices.Sort(c.makeUp)
	slices.SortFunc(c.notices, func(a, b HolidayNotice) int { return cmp.Compare(a.Year, b.Year) })
	return c, nil
}

// MustCalendar is like [NewCalendar] but panics on an error; for tests,
// examples and package-level variables.
func MustCalendar(notices ...HolidayNotice) Calendar {
	c, err := NewCalendar(notices...)
	if err != nil {
		panic(fmt.Sprintf("kpi.MustCalendar: %v", err))
	}
	return c
}

func cloneNotice(n HolidayNotice) HolidayNotice {
	n.Festivals = slices.Clone(n.Festivals)
	for i := range n.Festivals {
		n.Festivals[i].MakeUp = slices.Clone(n.Festivals[i].MakeUp)
	}
	return n
}

// IsZero reports whether the calendar has no notices (the zero Calendar).
func (c Calendar) IsZero() bool { return len(c.notices) == 0 }

// Notices returns a copy of the calendar's notices, in year order.
func (c Calendar) Notices() []HolidayNotice {
	out := make([]HolidayNotice, len(c.notices))
	for i, n := range c.notices {
		out[i] = cloneNotice(n)
	}
	return out
}

// Covers reports whether the calendar has the notice of year y. Outside the
// covered years [Calendar.IsHoliday] and [Calendar.IsMakeUpDay] report
// false for every date: the calendar does not guess years not yet
// published.
func (c Calendar) Covers(y int) bool {
	_, ok := slices.BinarySearchFunc(c.notices, y, func(n HolidayNotice, y int) int { return cmp.Compare(n.Year, y) })
	return ok
}

// IsHoliday reports whether d is a day off of one of the calendar's
// festivals.
func (c Calendar) IsHoliday(d Date) bool {
	_, ok := slices.BinarySearch(c.holidays, dayNumber(d))
	return ok && d.IsValid()
}

// IsMakeUpDay reports whether d is a make-up working day (调休上班) of the
// calendar.
func (c Calendar) IsMakeUpDay(d Date) bool {
	_, ok := slices.BinarySearch(c.makeUp, dayNumber(d))
	return ok && d.IsValid()
}

// MarshalJSON writes {"notices": [...]}, each notice with its year,
// number, issue date and festivals, dates as "2006-01-02".
func (c Calendar) MarshalJSON() ([]byte, error) {
	return json.Marshal(calendarJSON{Notices: c.notices})
}

// UnmarshalJSON reads the form of [Calendar.MarshalJSON] strictly and
// validates it with [NewCalendar], so a decoded Calendar is always valid.
// It also accepts the string "china" for [ChinaCalendar], so a schedule in
// JSON need not copy the notices ({"calendar": "china", ...}); marshalling
// writes the notices out, so stored data keeps the dates it was made with.
func (c *Calendar) UnmarshalJSON(b []byte) error {
	const op = "decode calendar"
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] == '"' {
		var name string
		if err := decodeStrict(t, &name); err != nil {
			return jsonErr(op, err)
		}
		if name != "china" {
			return &FieldError{Op: op, Value: quote(name), Err: ErrInvalidJSON, Detail: `want "china" or {"notices": [...]}`}
		}
		*c = ChinaCalendar()
		return nil
	}
	var j calendarJSON
	if err := decodeStrict(b, &j); err != nil {
		return jsonErr(op, err)
	}
	v, err := NewCalendar(j.Notices...)
	if err != nil {
		return withOp(op, "", err)
	}
	*c = v
	return nil
}

type calendarJSON struct {
	Notices []HolidayNotice `json:"notices"`
}
