package kpi

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nineToFive is Monday-Friday 09:00-17:00 in loc with the given holidays.
func nineToFive(t *testing.T, loc *time.Location, holidays ...Date) Schedule {
	t.Helper()
	s, err := NewSchedule(ScheduleSpec{Location: loc, Holidays: holidays,
		Weekly: MondayToFriday(ClockRange{Start: Clock(9, 0), End: Clock(17, 0)})})
	require.NoError(t, err)
	return s
}

func TestDue(t *testing.T) {
	s := nineToFive(t, time.UTC)
	at := func(day, h, m int) time.Time { return time.Date(2026, 3, day, h, m, 0, 0, time.UTC) }
	for _, c := range []struct {
		name  string
		start time.Time
		d     time.Duration
		want  time.Time
	}{
		// Intercom, "SLAs and office hours", scenario 1: a "1 day" target
		// (24 office hours) on a message at 16:55 on a Friday: 5 minutes
		// on Friday, 8 hours on Monday and Tuesday, 7 h 55 on Wednesday.
		{"Intercom Friday 16:55", at(13, 16, 55), 24 * time.Hour, at(18, 16, 55)},
		// A target that runs out exactly at closing is due at closing.
		{"due at closing", at(9, 9, 0), 8 * time.Hour, at(9, 17, 0)},
		{"one nanosecond past closing", at(9, 9, 0), 8*time.Hour + time.Nanosecond, at(10, 9, 0).Add(time.Nanosecond)},
		// Started on a Saturday: the clock starts on Monday morning.
		{"weekend start", at(14, 10, 0), time.Hour, at(16, 10, 0)},
		// Started before opening on a weekday.
		{"before opening", at(10, 6, 0), 30 * time.Minute, at(10, 9, 30)},
		{"zero", at(14, 10, 0), 0, at(14, 10, 0)},
		{"a second", at(10, 12, 0).Add(500 * time.Millisecond), time.Second, at(10, 12, 0).Add(1500 * time.Millisecond)},
	} {
		got, err := s.Due(c.start, c.d)
		require.NoError(t, err, c.name)
		assert.Equal(t, c.want, got, c.name)
		assert.Equal(t, c.d, s.Between(c.start, got), c.name)
	}

	// A holiday on Monday pushes the due time a day later (Intercom: "the
	// SLA will not count down during holidays").
	h := nineToFive(t, time.UTC, MustDate(2026, 3, 16))
	got, err := h.Due(at(13, 16, 0), 2*time.Hour)
	require.NoError(t, err)
	assert.Equal(t, at(17, 10, 0), got)

	// The result is in the location of start; the schedule's own is used
	// for the working hours: 09:00-17:00 in Shanghai is 01:00-09:00 UTC.
	sh, err := time.LoadLocation("Asia/Shanghai")
	require.NoError(t, err)
	got, err = nineToFive(t, sh).Due(at(10, 0, 0), 2*time.Hour)
	require.NoError(t, err)
	assert.Equal(t, at(10, 3, 0), got)
	assert.Equal(t, time.UTC, got.Location())

	// New York springs forward at 02:00 on 8 March 2026: a range of
	// 01:00-04:00 holds two hours that night, so two hours from 01:00 are
	// due at 04:00 (EDT).
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	night, err := NewSchedule(ScheduleSpec{Location: ny, Weekly: WeeklyHours{Sunday: []ClockRange{{Start: Clock(1, 0), End: Clock(4, 0)}}}})
	require.NoError(t, err)
	one := time.Date(2026, 3, 8, 1, 0, 0, 0, ny)
	got, err = night.Due(one, 2*time.Hour)
	require.NoError(t, err)
	assert.Equal(t, time.Date(2026, 3, 8, 4, 0, 0, 0, ny), got)
	assert.Equal(t, 2*time.Hour, got.Sub(one)) // two real hours, three on the wall clock
}

func TestDueErrors(t *testing.T) {
	s := nineToFive(t, time.UTC)
	start := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	var fe *FieldError
	_, err := s.Due(start, -time.Nanosecond)
	require.ErrorAs(t, err, &fe)
	assert.ErrorIs(t, err, ErrInvalidTimeRange)
	assert.Equal(t, "d", fe.Field)
	_, err = Schedule{}.Due(start, time.Hour)
	assert.ErrorIs(t, err, ErrNoWorkingTime)
	// 1,000 working hours from December 9999 are not reached before the
	// end of the years Between counts; 40 are (five days).
	late := time.Date(9999, 12, 1, 9, 0, 0, 0, time.UTC)
	_, err = s.Due(late, 1000*time.Hour)
	require.ErrorAs(t, err, &fe)
	assert.ErrorIs(t, err, ErrTooLarge)
	got, err := s.Due(late, 40*time.Hour)
	require.NoError(t, err)
	assert.Equal(t, time.Date(9999, 12, 7, 17, 0, 0, 0, time.UTC), got)
	// Before the year 1 Between counts from 0001-01-02 (a Tuesday): an hour
	// is due at 10:00 that day.
	got, err = s.Due(time.Date(-5000, 1, 1, 0, 0, 0, 0, time.UTC), time.Hour)
	require.NoError(t, err)
	assert.Equal(t, time.Date(1, 1, 2, 10, 0, 0, 0, time.UTC), got)
	_, err = s.Due(time.Unix(-1<<62, 0), time.Hour)
	require.NoError(t, err)
	// Past the last instant Between counts nothing is reached.
	_, err = s.Due(time.Date(10000, 1, 3, 0, 0, 0, 0, time.UTC), time.Nanosecond)
	assert.ErrorIs(t, err, ErrTooLarge)
}

// TestDueWork: the evaluations of Between stay within the documented
// bound: about 50 for a due time days ahead, at most about 160.
func TestDueWork(t *testing.T) {
	s := nineToFive(t, time.UTC)
	start := time.Date(2026, 3, 13, 16, 55, 0, 0, time.UTC)
	_, work, err := s.due(start, 24*time.Hour)
	require.NoError(t, err)
	assert.LessOrEqual(t, work, 55)
	assert.Greater(t, work, 30) // the nanosecond search alone takes 30
	for _, c := range []struct {
		start time.Time
		d     time.Duration
	}{
		{time.Date(-5000, 1, 1, 0, 0, 0, 0, time.UTC), time.Nanosecond},
		{time.Date(1, 1, 2, 17, 0, 0, 0, time.UTC), time.Duration(1<<63 - 1)},
		{start, time.Duration(1<<63 - 1)},
		{time.Date(9999, 12, 1, 0, 0, 0, 0, time.UTC), 1000 * time.Hour},
	} {
		_, work, _ := s.due(c.start, c.d)
		assert.LessOrEqual(t, work, 160, "%v %v", c.start, c.d)
	}
}

func TestSearch(t *testing.T) {
	for n := int64(0); n < 40; n++ {
		for want := int64(0); want <= n; want++ {
			calls := 0
			got := search(n, func(i int64) bool { calls++; return i >= want })
			require.Equal(t, want, got)
			assert.LessOrEqual(t, calls, 7) // ⌈log₂ 40⌉ + 1
		}
	}
	// The largest span Due searches, seconds from year 1 to 9999: 39 calls.
	calls := 0
	search(maxTime.Unix()-minTime.Unix(), func(i int64) bool { calls++; return i >= 123456789 })
	assert.LessOrEqual(t, calls, 39)
}

// FuzzDue: the due time is the first instant at which d of working time
// has passed: Between(start, due) = d and one nanosecond earlier it is less.
func FuzzDue(f *testing.F) {
	f.Add(int64(0), int64(time.Hour), byte(0))
	f.Add(int64(86400*3+3600*16), int64(24*time.Hour), byte(1))
	f.Add(int64(-86400*365*2000), int64(time.Nanosecond), byte(2))
	sh, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		f.Fatal(err)
	}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		f.Fatal(err)
	}
	schedules := make([]Schedule, 3)
	for i, loc := range []*time.Location{time.UTC, sh, ny} {
		s, err := NewSchedule(ScheduleSpec{Location: loc, Holidays: []Date{MustDate(2026, 3, 16)},
			Weekly: MondayToFriday(ClockRange{Start: Clock(9, 0), End: Clock(17, 30)})})
		if err != nil {
			f.Fatal(err)
		}
		schedules[i] = s
	}
	base := time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, offset, d int64, which byte) {
		s := schedules[int(which)%len(schedules)]
		start := base.Add(time.Duration(offset))
		due, err := s.Due(start, time.Duration(d))
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("%v is not a *FieldError", err)
			}
			if d >= 0 && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("Due(%v, %v): %v", start, time.Duration(d), err)
			}
			return
		}
		if got := s.Between(start, due); got != time.Duration(d) {
			t.Fatalf("Between(%v, Due = %v) = %v, want %v", start, due, got, time.Duration(d))
		}
		if d > 0 && s.Between(start, due.Add(-time.Nanosecond)) >= time.Duration(d) {
			t.Fatalf("Due(%v, %v) = %v is not the first such instant", start, time.Duration(d), due)
		}
	})
}
