package kpi

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func loadLoc(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("time zone %s: %v", name, err) // time/tzdata is linked in (fuzz_test.go)
	}
	return loc
}

func weekdays(r ...ClockRange) WeeklyHours { return MondayToFriday(r...) }

func nineToSix() ClockRange { return ClockRange{Start: Clock(9, 0), End: Clock(18, 0)} }

// shanghaiSchedule is Monday-Friday 09:00-18:00 with Tuesday 2026-02-17 a
// holiday and Saturday 2026-02-14 a make-up working day (调休).
func shanghaiSchedule(t testing.TB) Schedule {
	loc := loadLoc(t, "Asia/Shanghai")
	s, err := NewSchedule(ScheduleSpec{
		Location:   loc,
		Weekly:     weekdays(nineToSix()),
		Holidays:   []Date{MustDate(2026, 2, 17)},
		MakeUpDays: []DayHours{{Date: MustDate(2026, 2, 14), Hours: []ClockRange{nineToSix()}}},
	})
	require.NoError(t, err)
	return s
}

func TestBetweenHandWorked(t *testing.T) {
	s := shanghaiSchedule(t)
	loc := s.Location()
	d := func(day, h, m int) time.Time { return time.Date(2026, 2, day, h, m, 0, 0, loc) }
	tests := []struct {
		name string
		a, b time.Time
		want time.Duration
	}{
		{"same day", d(9, 10, 0), d(9, 11, 30), 90 * time.Minute},
		{"before opening", d(9, 7, 0), d(9, 9, 30), 30 * time.Minute},
		{"after closing", d(9, 18, 0), d(9, 23, 0), 0},
		{"overnight", d(9, 17, 0), d(10, 10, 0), 2 * time.Hour},
		// Fri 13th 17:00 -> Mon 16th 10:00 with the 调休 Saturday: 1 + 9 + 1.
		{"make-up Saturday", d(13, 17, 0), d(16, 10, 0), 11 * time.Hour},
		// Mon 16th 17:00 -> Wed 18th 10:00 with Tuesday a holiday: 1 + 1.
		{"holiday", d(16, 17, 0), d(18, 10, 0), 2 * time.Hour},
		// A plain weekend: Fri 20th 17:00 -> Mon 23rd 10:00.
		{"weekend", d(20, 17, 0), d(23, 10, 0), 2 * time.Hour},
		{"whole week with the make-up Saturday", d(9, 0, 0), d(16, 0, 0), 54 * time.Hour},
		{"week with the holiday", d(16, 0, 0), d(23, 0, 0), 36 * time.Hour},
		{"empty", d(9, 10, 0), d(9, 10, 0), 0},
		{"reversed", d(9, 11, 30), d(9, 10, 0), -90 * time.Minute},
		{"half-open end", d(9, 17, 59), d(9, 18, 0), time.Minute},
		{"nanoseconds", d(9, 10, 0).Add(time.Nanosecond), d(9, 10, 0).Add(3 * time.Nanosecond), 2},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, s.Between(tt.a, tt.b), tt.name)
	}
	assert.True(t, s.IsOpen(d(14, 9, 0)), "make-up Saturday 09:00 open")
	assert.False(t, s.IsOpen(d(17, 10, 0)), "holiday closed")
	assert.False(t, s.IsOpen(d(9, 18, 0)), "18:00 excluded")
	assert.True(t, s.IsOpen(d(9, 9, 0)), "09:00 included")
	assert.Equal(t, time.Duration(0), Schedule{}.Between(d(9, 0, 0), d(10, 0, 0)))
	assert.False(t, Schedule{}.IsOpen(d(9, 10, 0)))
}

func TestBetweenDST(t *testing.T) {
	ny := loadLoc(t, "America/New_York")
	allDay := [7][]ClockRange{}
	night := [7][]ClockRange{}
	office := [7][]ClockRange{}
	for i := range allDay {
		allDay[i] = []ClockRange{{Start: 0, End: Clock(24, 0)}}
		night[i] = []ClockRange{{Start: Clock(1, 0), End: Clock(4, 0)}}
		office[i] = []ClockRange{nineToSix()}
	}
	d := func(m time.Month, day, h int) time.Time { return time.Date(2026, m, day, h, 0, 0, 0, ny) }
	tests := []struct {
		name string
		week [7][]ClockRange
		a, b time.Time
		want time.Duration
	}{
		// 2026-03-08: clocks go from 02:00 to 03:00; the day has 23 hours.
		{"spring day 24/7", allDay, d(3, 8, 0), d(3, 9, 0), 23 * time.Hour},
		{"spring night range", night, d(3, 8, 0), d(3, 9, 0), 2 * time.Hour},
		{"spring office", office, d(3, 8, 0), d(3, 9, 0), 9 * time.Hour},
		// 2026-11-01: clocks go from 02:00 back to 01:00; 25 hours.
		{"fall day 24/7", allDay, d(11, 1, 0), d(11, 2, 0), 25 * time.Hour},
		{"fall night range", night, d(11, 1, 0), d(11, 2, 0), 4 * time.Hour},
		{"fall office", office, d(11, 1, 0), d(11, 2, 0), 9 * time.Hour},
		{"week over spring 24/7", allDay, d(3, 5, 12), d(3, 12, 12), 7*24*time.Hour - time.Hour},
	}
	for _, tt := range tests {
		s, err := NewSchedule(ScheduleSpec{Location: ny, Weekly: byIndex(tt.week)})
		require.NoError(t, err)
		assert.Equal(t, tt.want, s.Between(tt.a, tt.b), tt.name)
	}
	// Inside the repeated hour: from the first 01:30 to the second 01:30 is
	// one real hour, all of it inside the 01:00-04:00 range.
	s, err := NewSchedule(ScheduleSpec{Location: ny, Weekly: byIndex(night)})
	require.NoError(t, err)
	first := time.Date(2026, 11, 1, 5, 30, 0, 0, time.UTC)  // 01:30 EDT
	second := time.Date(2026, 11, 1, 6, 30, 0, 0, time.UTC) // 01:30 EST
	assert.Equal(t, time.Hour, s.Between(first, second))
}

func TestBetweenBerlinReference(t *testing.T) {
	// Differential: against a minute-by-minute count with IsOpen, over the
	// Berlin spring change (2026-03-29) and autumn change (2026-10-25).
	berlin := loadLoc(t, "Europe/Berlin")
	s, err := NewSchedule(ScheduleSpec{
		Location: berlin,
		Weekly: byIndex([7][]ClockRange{
			time.Saturday: {{Start: Clock(10, 0), End: Clock(14, 0)}},
			time.Sunday:   {{Start: Clock(8, 0), End: Clock(12, 0)}, {Start: Clock(13, 0), End: Clock(20, 30)}},
			time.Monday:   {nineToSix()}, time.Tuesday: {nineToSix()},
		}),
		Holidays: []Date{MustDate(2026, 10, 26)},
	})
	require.NoError(t, err)
	for _, start := range []time.Time{
		time.Date(2026, 3, 27, 7, 13, 0, 0, berlin),
		time.Date(2026, 10, 23, 16, 47, 0, 0, berlin),
	} {
		for _, hours := range []int{1, 7, 30, 77, 120} {
			end := start.Add(time.Duration(hours) * time.Hour)
			var want time.Duration
			for x := start; x.Before(end); x = x.Add(time.Minute) {
				if s.IsOpen(x) {
					want += time.Minute
				}
			}
			assert.Equal(t, want, s.Between(start, end), "Between(%v, %v)", start, end)
		}
	}
}

func TestScheduleErrors(t *testing.T) {
	loc := time.UTC
	tests := []struct {
		name string
		give ScheduleSpec
		want error
		msg  string
	}{
		{"no location", ScheduleSpec{Weekly: weekdays(nineToSix())}, ErrEmpty, "location"},
		{"no working time", ScheduleSpec{Location: loc}, ErrNoWorkingTime, "weekly"},
		{"holidays only", ScheduleSpec{Location: loc, Holidays: []Date{MustDate(2026, 1, 1)}}, ErrNoWorkingTime, "weekly"},
		{"end before start", ScheduleSpec{Location: loc, Weekly: weekdays(ClockRange{Start: Clock(18, 0), End: Clock(9, 0)})}, ErrInvalidTimeRange, "weekly.monday[0] \"18:00-09:00\""},
		{"past midnight", ScheduleSpec{Location: loc, Weekly: weekdays(ClockRange{Start: Clock(9, 0), End: Clock(25, 0)})}, ErrInvalidTimeRange, "weekly.monday[0]"},
		{"overlap", ScheduleSpec{Location: loc, Weekly: weekdays(nineToSix(), ClockRange{Start: Clock(12, 0), End: Clock(20, 0)})}, ErrInvalidTimeRange, "weekly.monday[1]"},
		{"bad holiday", ScheduleSpec{Location: loc, Weekly: weekdays(nineToSix()), Holidays: []Date{{Year: 2026, Month: 6, Day: 31}}}, ErrInvalidDate, "holidays[0] \"2026-06-31\""},
		{"duplicate holiday", ScheduleSpec{Location: loc, Weekly: weekdays(nineToSix()), Holidays: []Date{MustDate(2026, 1, 1), MustDate(2026, 1, 1)}}, ErrDuplicate, "holidays[1]"},
		{"holiday and make-up", ScheduleSpec{Location: loc, Weekly: weekdays(nineToSix()), Holidays: []Date{MustDate(2026, 1, 1)},
			MakeUpDays: []DayHours{{Date: MustDate(2026, 1, 1), Hours: []ClockRange{nineToSix()}}}}, ErrDuplicate, "make_up_days[0].date"},
		{"make-up without hours", ScheduleSpec{Location: loc, Weekly: weekdays(nineToSix()), MakeUpDays: []DayHours{{Date: MustDate(2026, 1, 3)}}}, ErrEmpty, "make_up_days[0].hours"},
		{"make-up bad date", ScheduleSpec{Location: loc, MakeUpDays: []DayHours{{Date: Date{Year: 2026, Month: 2, Day: 30}, Hours: []ClockRange{nineToSix()}}}}, ErrInvalidDate, "make_up_days[0].date"},
		{"make-up bad hours", ScheduleSpec{Location: loc, MakeUpDays: []DayHours{{Date: MustDate(2026, 2, 14), Hours: []ClockRange{{Start: Clock(9, 0), End: Clock(9, 0)}}}}}, ErrInvalidTimeRange, "make_up_days[0].hours[0]"},
	}
	for _, tt := range tests {
		_, err := NewSchedule(tt.give)
		require.Error(t, err, tt.name)
		assert.ErrorIs(t, err, tt.want, tt.name)
		assert.Contains(t, err.Error(), tt.msg, tt.name)
	}
	// Only make-up days: valid, and touching ranges merge.
	s, err := NewSchedule(ScheduleSpec{Location: loc, MakeUpDays: []DayHours{{Date: MustDate(2026, 2, 14), Hours: []ClockRange{{Start: Clock(9, 0), End: Clock(12, 0)}, {Start: Clock(12, 0), End: Clock(13, 0)}}}}})
	require.NoError(t, err)
	assert.Equal(t, 4*time.Hour, s.Between(time.Date(2026, 2, 1, 0, 0, 0, 0, loc), time.Date(2026, 3, 1, 0, 0, 0, 0, loc)))
	assert.Panics(t, func() { MustSchedule(ScheduleSpec{}) })
}

func TestDateAndClock(t *testing.T) {
	good := []struct {
		give string
		want Date
	}{
		{"2026-02-09", Date{Year: 2026, Month: 2, Day: 9}},
		{"2024-02-29", Date{Year: 2024, Month: 2, Day: 29}},
		{"2000-02-29", Date{Year: 2000, Month: 2, Day: 29}},
	}
	for _, tt := range good {
		got, err := ParseDate(tt.give)
		require.NoError(t, err, tt.give)
		assert.Equal(t, tt.want, got)
		assert.Equal(t, tt.give, got.String())
	}
	for _, give := range []string{"2026-06-31", "2026-04-31", "1900-02-29", "2026-2-9", "2026-13-01", "abcd-ef-gh", "2026-00-10", "0000-01-01", "2026-+1-01"} {
		_, err := ParseDate(give)
		assert.ErrorIs(t, err, ErrInvalidDate, give)
	}
	_, err := NewDate(2026, 6, 31) // seed-rules T-01 / K-50
	assert.ErrorIs(t, err, ErrInvalidDate)
	assert.Panics(t, func() { MustDate(2026, 4, 31) }) // T-02
	d := MustDate(2026, 2, 28)
	assert.Equal(t, MustDate(2026, 3, 1), d.AddDays(1))
	assert.Equal(t, MustDate(2025, 12, 31), MustDate(2026, 1, 1).AddDays(-1))
	assert.Equal(t, time.Saturday, MustDate(2026, 2, 14).Weekday())
	assert.Equal(t, -1, d.Compare(d.AddDays(1)))
	assert.Equal(t, 1, d.Compare(d.AddDays(-1)))
	assert.Equal(t, 0, d.Compare(d))
	for z := int64(-719162); z <= 2932896; z += 997 { // 0001-01-01 to 9999-12-31
		assert.Equal(t, z, dayNumber(dateOfDays(z)))
	}
	assert.Equal(t, MustDate(2026, 2, 9), DateOf(time.Date(2026, 2, 8, 20, 0, 0, 0, time.UTC), loadLoc(t, "Asia/Shanghai")))

	clocks := []struct {
		give string
		want ClockTime
	}{{"09:00", Clock(9, 0)}, {"24:00", Clock(24, 0)}, {"18:30:15", Clock(18, 30) + 15}, {"00:00", 0}}
	for _, tt := range clocks {
		got, err := ParseClock(tt.give)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got)
		assert.Equal(t, tt.give, got.String())
	}
	for _, give := range []string{"9:00", "24:01", "12:60", "12", "ab:cd", "12:00:00:00", "-1:00"} {
		_, err := ParseClock(give)
		assert.ErrorIs(t, err, ErrInvalidTimeRange, give)
	}
	assert.Equal(t, "ClockTime(-5)", ClockTime(-5).String())
	assert.Equal(t, Clock(8, 0), MustClock("08:00"))
	assert.Panics(t, func() { MustClock("8") })
}

func TestBetweenExtremes(t *testing.T) {
	s := MustSchedule(ScheduleSpec{Location: time.UTC, Weekly: byIndex([7][]ClockRange{time.Monday: {{Start: Clock(9, 0), End: Clock(10, 0)}}})})
	far := time.Date(200000, 1, 1, 0, 0, 0, 0, time.UTC)
	early := time.Date(-5000, 1, 1, 0, 0, 0, 0, time.UTC)
	got := s.Between(early, far)
	// About one hour a week over 9,999 years, computed without hanging.
	assert.InDelta(t, 9998*52.18, got.Hours(), 60)
	assert.Equal(t, -got, s.Between(far, early))
	allDay := MustSchedule(ScheduleSpec{Location: time.UTC, Weekly: byIndex([7][]ClockRange{{{Start: 0, End: Clock(24, 0)}}, {{Start: 0, End: Clock(24, 0)}}, {{Start: 0, End: Clock(24, 0)}}, {{Start: 0, End: Clock(24, 0)}}, {{Start: 0, End: Clock(24, 0)}}, {{Start: 0, End: Clock(24, 0)}}, {{Start: 0, End: Clock(24, 0)}}})})
	assert.Equal(t, time.Duration(1<<63-1), allDay.Between(early, far), "saturates")
}

func TestBetweenAllocs(t *testing.T) {
	ny := loadLoc(t, "America/New_York")
	s := MustSchedule(ScheduleSpec{Location: ny, Weekly: weekdays(nineToSix())})
	a := time.Date(2026, 3, 6, 17, 0, 0, 0, ny)
	b := time.Date(2026, 3, 10, 10, 0, 0, 0, ny)
	allocs := testing.AllocsPerRun(100, func() { sinkDuration = s.Between(a, b) })
	assert.Zero(t, allocs, "Between allocates")
}
