package kpi

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The calendar's limits and year range are inclusive: 500 notices, years 1
// and 9999, 16 festivals, 31 make-up days of one festival.
func TestCalendarLimitsInclusive(t *testing.T) {
	notice := func(y int) HolidayNotice {
		return HolidayNotice{Year: y, Number: "n", Issued: MustDate(y, 1, 1),
			Festivals: []Festival{{Name: "f", First: MustDate(y, 1, 1), Last: MustDate(y, 1, 1)}}}
	}
	many := make([]HolidayNotice, MaxCalendarNotices)
	for i := range many {
		many[i] = notice(1 + i)
	}
	c, err := NewCalendar(many...)
	require.NoError(t, err)
	assert.True(t, c.Covers(1) && c.Covers(500) && !c.Covers(501))
	_, err = NewCalendar(notice(9999))
	require.NoError(t, err)
	sixteen := notice(2030)
	sixteen.Festivals = nil
	for i := range MaxNoticeFestivals {
		sixteen.Festivals = append(sixteen.Festivals, Festival{Name: "f", First: MustDate(2030, 3, 1+i), Last: MustDate(2030, 3, 1+i)})
	}
	_, err = NewCalendar(sixteen)
	require.NoError(t, err)
	// 31 weekend days of 2030 from Saturday 2030-01-05 on, as make-up days.
	weekends := notice(2030)
	for d := MustDate(2030, 1, 5); len(weekends.Festivals[0].MakeUp) < MaxFestivalDays; d = d.AddDays(1) {
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			weekends.Festivals[0].MakeUp = append(weekends.Festivals[0].MakeUp, d)
		}
	}
	c, err = NewCalendar(weekends)
	require.NoError(t, err)
	assert.True(t, c.IsMakeUpDay(MustDate(2030, 1, 6)))
	// The message of a date outside the notice's years names them.
	bad := notice(2030)
	bad.Festivals[0].Last = MustDate(2031, 1, 1)
	_, err = NewCalendar(bad)
	assert.EqualError(t, err, `kpi: calendar: notices[0].festivals[0].last "2031-01-01": invalid date: want a date in 2030 or the end of 2029`)
}

// Make-up hours default to the first of Monday-Friday with hours, Friday
// included; a calendar without make-up days needs no make-up hours.
func TestCalendarMakeUpHoursDefault(t *testing.T) {
	sh := time.FixedZone("CST", 8*3600)
	friOnly := WeeklyHours{Friday: []ClockRange{{Start: Clock(14, 0), End: Clock(17, 0)}}, Saturday: []ClockRange{nineToSix()}}
	s := MustSchedule(ScheduleSpec{Location: sh, Weekly: friOnly, Calendar: ChinaCalendar()})
	sun := time.Date(2026, 1, 4, 0, 0, 0, 0, sh) // a make-up Sunday
	assert.Equal(t, 3*time.Hour, s.Between(sun, sun.AddDate(0, 0, 1)))
	noMakeUp := MustCalendar(HolidayNotice{Year: 2030, Number: "n", Issued: MustDate(2029, 11, 1),
		Festivals: []Festival{{Name: "x", First: MustDate(2030, 1, 5), Last: MustDate(2030, 1, 5)}}})
	weekendOnly := WeeklyHours{Saturday: []ClockRange{nineToSix()}}
	s, err := NewSchedule(ScheduleSpec{Location: sh, Weekly: weekendOnly, Calendar: noMakeUp})
	require.NoError(t, err)
	sat := time.Date(2030, 1, 5, 0, 0, 0, 0, sh) // the holiday Saturday is closed
	assert.Equal(t, time.Duration(0), s.Between(sat, sat.AddDate(0, 0, 1)))
	assert.Equal(t, 9*time.Hour, s.Between(sat, sat.AddDate(0, 0, 8)))
}

// A calendar may list more make-up days than days off (a made-up notice: one
// day off, Monday 2026-02-09, and both days of the weekend after it worked).
// Hand count for Monday 02-09 to Sunday 02-15 on 09:00-18:00 weekdays:
// Tuesday to Friday and the two make-up days, 6 days of 9 h = 54 h
// (issue 19: the exception list's capacity len(holidays)-len(makeUp) would
// be negative).
func TestCalendarMoreMakeUpThanDaysOff(t *testing.T) {
	d := MustDate
	c := MustCalendar(HolidayNotice{Year: 2026, Number: "test", Issued: d(2025, 11, 4), Festivals: []Festival{
		{Name: "x", First: d(2026, 2, 9), Last: d(2026, 2, 9), MakeUp: []Date{d(2026, 2, 14), d(2026, 2, 15)}},
	}})
	s, err := NewSchedule(ScheduleSpec{Location: time.UTC, Weekly: MondayToFriday(nineToSix()), Calendar: c})
	require.NoError(t, err)
	mon := time.Date(2026, 2, 9, 0, 0, 0, 0, time.UTC)
	assert.Equal(t, 54*time.Hour, s.Between(mon, mon.AddDate(0, 0, 7)))
}

// The dense exception table: built when the exceptions lie fewer than
// maxDenseDays apart (one slot per day and one past the last), not at
// maxDenseDays; Between agrees either way.
func TestScheduleDenseTable(t *testing.T) {
	first := MustDate(2000, 1, 3)
	build := func(span int) Schedule {
		return MustSchedule(ScheduleSpec{Location: time.UTC, Weekly: MondayToFriday(nineToSix()),
			Holidays: []Date{first, first.AddDays(span)}})
	}
	dense := build(maxDenseDays - 1)
	require.NotNil(t, dense.exRank)
	assert.Len(t, dense.exRank, maxDenseDays+1)
	assert.Equal(t, dayNumber(first), dense.exLo)
	sparse := build(maxDenseDays)
	assert.Nil(t, sparse.exRank)
	none := MustSchedule(ScheduleSpec{Location: time.UTC, Weekly: MondayToFriday(nineToSix())})
	assert.Nil(t, none.exRank)
	for _, s := range []Schedule{dense, sparse} {
		for _, z := range []int64{dayNumber(first) - 1, dayNumber(first), dayNumber(first) + 1, dayNumber(first) + maxDenseDays - 1, dayNumber(first) + maxDenseDays, dayNumber(first) + maxDenseDays + 1} {
			want := 0
			for _, e := range s.exceptions {
				if e.day < z {
					want++
				}
			}
			assert.Equal(t, want, s.rank(z), "rank(%d)", z)
		}
	}
	// A holiday Monday closes its day in both forms.
	a := first.At(0, time.UTC)
	assert.Equal(t, 4*9*time.Hour, dense.Between(a, a.AddDate(0, 0, 7)))
	assert.Equal(t, 4*9*time.Hour, sparse.Between(a, a.AddDate(0, 0, 7)))
}

// Equivalent mutants of the calendar code (gremlins cannot change behaviour
// through them):
//   - calendar_schedule.go, make([]exception, 0, len(holidays)+len(makeUp))
//     as `*`: the capacity only; append grows the slice whatever it is. (As
//     `-` it is not equivalent: the capacity goes negative and make panics
//     when the make-up days outnumber the days off, which
//     TestCalendarMoreMakeUpThanDaysOff kills.)
//   - hours.go, rank: "case z <= s.exLo" as "z < s.exLo": at z == exLo the
//     table's first slot, exRank[0], is 0 too.
//
// gremlins v0.5.0 reports the case conditions of a tagless switch as NOT
// COVERED (Go's coverage blocks start after the colon); those of rank
// (hours.go) and EvaluateQuotas (period check, count < 0, count == 0) were
// mutated by hand and are killed, except the one above.

// The notice for 2019 (国办发明电〔2018〕15号, issued 2018-12-04) began the
// new-year holiday in the year before: 元旦 2018-12-30 to 2019-01-01, with
// Saturday 2018-12-29 worked; 春节 2/4-10 with Saturday 2/2 and Sunday 2/3
// worked. NewCalendar accepts dates of the year before.
func TestCalendarNotice2019(t *testing.T) {
	d := MustDate
	c, err := NewCalendar(HolidayNotice{Year: 2019, Number: "国办发明电〔2018〕15号", Issued: d(2018, 12, 4), Festivals: []Festival{
		{Name: "元旦", First: d(2018, 12, 30), Last: d(2019, 1, 1), MakeUp: []Date{d(2018, 12, 29)}},
		{Name: "春节", First: d(2019, 2, 4), Last: d(2019, 2, 10), MakeUp: []Date{d(2019, 2, 2), d(2019, 2, 3)}},
	}})
	require.NoError(t, err)
	sh := time.FixedZone("CST", 8*3600)
	s := MustSchedule(ScheduleSpec{Location: sh, Weekly: MondayToFriday(nineToSix()), Calendar: c})
	// The week of Saturday 2018-12-29 to Friday 2019-01-04: Saturday works,
	// Monday 31 and Tuesday 1 are off, Wednesday to Friday work: 4 days.
	a := time.Date(2018, 12, 29, 0, 0, 0, 0, sh)
	assert.Equal(t, 4*9*time.Hour, s.Between(a, a.AddDate(0, 0, 7)))
}
