package kpi

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEffectiveAttendance(t *testing.T) {
	sh := loadLoc(t, "Asia/Shanghai")
	d := MustDate(2026, 2, 9)
	at := func(h, m, s int) time.Time { return time.Date(2026, 2, 9, h, m, s, 0, sh) }
	recs := []AttendanceRecord{
		// All three inside their windows; the boundaries are included (K-03).
		{Person: "ann", Team: "A", Day: d, SignIn: at(9, 0, 0), Exam: at(9, 30, 0), SignOut: at(11, 0, 0)},
		// Sign-in and exam but no sign-out: not counted (K-02).
		{Person: "ben", Team: "A", Day: d, SignIn: at(8, 10, 0), Exam: at(10, 0, 0)},
		// Signed in one second late.
		{Person: "cai", Team: "A", Day: d, SignIn: at(9, 0, 1), Exam: at(10, 0, 0), SignOut: at(10, 30, 0)},
		// Everything done, but the exam time is on the next day.
		{Person: "dan", Team: "B", Day: d, SignIn: at(8, 0, 0), Exam: at(9, 45, 0).Add(24 * time.Hour), SignOut: at(10, 0, 0)},
		// Absent: rostered, nothing done.
		{Person: "eve", Team: "B", Day: d},
		{Person: "fay", Team: "B", Day: d, SignIn: at(8, 30, 0), Exam: at(10, 59, 59), SignOut: at(10, 59, 59)},
		// The same instant given in UTC counts on the Shanghai wall clock.
		{Person: "gus", Team: "B", Day: d, SignIn: at(8, 30, 0).UTC(), Exam: at(10, 0, 0).UTC(), SignOut: at(10, 1, 0).UTC()},
	}
	rep, err := EffectiveAttendance(recs, Rules5512(sh))
	require.NoError(t, err)
	eff := map[string]bool{}
	for _, c := range rep.Checks {
		eff[c.Person] = c.Effective
	}
	assert.Equal(t, map[string]bool{"ann": true, "ben": false, "cai": false, "dan": false, "eve": false, "fay": true, "gus": true}, eff)
	require.Len(t, rep.Teams, 2)
	assert.Equal(t, TeamDay{Team: "A", Day: d, Rostered: 3, Effective: 1, Rate: 1.0 / 3}, rep.Teams[0])
	assert.Equal(t, TeamDay{Team: "B", Day: d, Rostered: 4, Effective: 2, Rate: 0.5}, rep.Teams[1])
	assert.True(t, rep.Checks[1].SignIn && !rep.Checks[1].SignOut && rep.Checks[1].Exam, "ben")
}

func TestWindowsOverlapT23(t *testing.T) {
	// Source: seed-rules T-23, the 5512 timetable overlaps itself.
	r := Rules5512(time.UTC)
	secondMorning := ClosedClockRange{Clock(10, 30), Clock(11, 0)} // 二早 (K-06)
	assert.True(t, r.SignOut.overlaps(r.Exam))
	assert.True(t, secondMorning.overlaps(r.SignOut))
	assert.False(t, r.SignIn.overlaps(r.Exam))
	assert.True(t, r.SignIn.overlaps(ClosedClockRange{Clock(9, 0), Clock(9, 0)}), "closed windows touch at 09:00")
	assert.Equal(t, "08:00-09:00", r.SignIn.String())
}

func TestEffectiveAttendanceErrors(t *testing.T) {
	d := MustDate(2026, 2, 9)
	good := Rules5512(time.UTC)
	bad := good
	bad.Exam = ClosedClockRange{Clock(11, 0), Clock(9, 30)}
	tests := []struct {
		name  string
		recs  []AttendanceRecord
		rules AttendanceRules
		want  error
		msg   string
	}{
		{"no location", nil, AttendanceRules{}, ErrEmpty, "rules.location"},
		{"window", nil, bad, ErrInvalidTimeRange, "rules.exam \"11:00-09:30\""},
		{"no person", []AttendanceRecord{{Day: d}}, good, ErrEmpty, "records[0].person"},
		{"bad day", []AttendanceRecord{{Person: "a", Day: Date{Year: 2026, Month: 6, Day: 31}}}, good, ErrInvalidDate, "records[0].day"},
		{"duplicate", []AttendanceRecord{{Person: "a", Day: d}, {Person: "a", Day: d}}, good, ErrDuplicate, "records[1]"},
	}
	for _, tt := range tests {
		_, err := EffectiveAttendance(tt.recs, tt.rules)
		require.Error(t, err, tt.name)
		assert.ErrorIs(t, err, tt.want, tt.name)
		assert.Contains(t, err.Error(), tt.msg, tt.name)
	}
}

// The report's order is day, then team, then person, whatever the input
// order (issue 19: a comparator that skipped a key survived). The records
// are given so that each later key disagrees with the earlier one: the
// earlier day has the later team, and in one team-day the later team has
// the earlier person.
func TestEffectiveAttendanceOrder(t *testing.T) {
	d1, d2 := MustDate(2026, 2, 9), MustDate(2026, 2, 10)
	recs := []AttendanceRecord{
		{Person: "a", Team: "A", Day: d2},
		{Person: "y", Team: "B", Day: d1},
		{Person: "z", Team: "A", Day: d1},
		{Person: "x", Team: "A", Day: d1},
	}
	rep, err := EffectiveAttendance(recs, Rules5512(time.UTC))
	require.NoError(t, err)
	var got []string
	for _, c := range rep.Checks {
		got = append(got, c.Day.String()+" "+c.Team+" "+c.Person)
	}
	assert.Equal(t, []string{"2026-02-09 A x", "2026-02-09 A z", "2026-02-09 B y", "2026-02-10 A a"}, got)
	var teams []string
	for _, td := range rep.Teams {
		teams = append(teams, fmt.Sprintf("%v %s %d", td.Day, td.Team, td.Rostered))
	}
	assert.Equal(t, []string{"2026-02-09 A 2", "2026-02-09 B 1", "2026-02-10 A 1"}, teams)
}
