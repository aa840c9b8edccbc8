package kpi

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// noticeCase is one year of the State Council's notices as the notice text
// writes it: the runs of days off and the make-up working days with the
// weekday the notice prints beside each.
type noticeCase struct {
	year   int
	number string
	issued string
	off    [][2]string       // first, last (inclusive)
	makeUp map[string]string // date -> weekday printed in the notice
	// working days of the year for a Monday-Friday business, by hand:
	// weekdays - holidays on weekdays + make-up days.
	workingDays int
}

var noticeCases = []noticeCase{
	// 国办发明电〔2023〕7号, 2023-10-25 (People's Daily 2023-10-26 p.6): 元旦
	// 1/1; 春节 2/10-17, work 2/4 (星期日), 2/18 (星期日); 清明 4/4-6, work
	// 4/7 (星期日); 劳动节 5/1-5, work 4/28 (星期日), 5/11 (星期六); 端午 6/10;
	// 中秋 9/15-17, work 9/14 (星期六); 国庆 10/1-7, work 9/29 (星期日),
	// 10/12 (星期六).
	// Working days: 2024 starts on a Monday and has 366 days, 52 weeks and
	// Mon+Tue: 262 weekdays. Holidays on weekdays: 1/1; 2/12-16 (5);
	// 4/4-5 (2); 5/1-3 (3); 6/10; 9/16-17 (2); 10/1-4, 10/7 (5) = 19.
	// 262 - 19 + 8 make-up days = 251.
	{2024, "国办发明电〔2023〕7号", "2023-10-25",
		[][2]string{{"2024-01-01", "2024-01-01"}, {"2024-02-10", "2024-02-17"}, {"2024-04-04", "2024-04-06"},
			{"2024-05-01", "2024-05-05"}, {"2024-06-10", "2024-06-10"}, {"2024-09-15", "2024-09-17"}, {"2024-10-01", "2024-10-07"}},
		map[string]string{"2024-02-04": "Sunday", "2024-02-18": "Sunday", "2024-04-07": "Sunday", "2024-04-28": "Sunday",
			"2024-05-11": "Saturday", "2024-09-14": "Saturday", "2024-09-29": "Sunday", "2024-10-12": "Saturday"},
		251},
	// 国办发明电〔2024〕12号, 2024-11-12 (Xinhua): 元旦 1/1 (周三); 春节 1/28
	// (周二) - 2/4 (周二), work 1/26 (周日), 2/8 (周六); 清明 4/4-6; 劳动节
	// 5/1-5, work 4/27 (周日); 端午 5/31-6/2; 国庆节、中秋节 10/1-8, work 9/28
	// (周日), 10/11 (周六).
	// Working days: 2025 starts on a Wednesday, 365 days: 261 weekdays.
	// Holidays on weekdays: 1/1; 1/28-31, 2/3-4 (6); 4/4; 5/1-2, 5/5 (3);
	// 6/2; 10/1-3, 10/6-8 (6) = 18. 261 - 18 + 5 = 248.
	{2025, "国办发明电〔2024〕12号", "2024-11-12",
		[][2]string{{"2025-01-01", "2025-01-01"}, {"2025-01-28", "2025-02-04"}, {"2025-04-04", "2025-04-06"},
			{"2025-05-01", "2025-05-05"}, {"2025-05-31", "2025-06-02"}, {"2025-10-01", "2025-10-08"}},
		map[string]string{"2025-01-26": "Sunday", "2025-02-08": "Saturday", "2025-04-27": "Sunday",
			"2025-09-28": "Sunday", "2025-10-11": "Saturday"},
		248},
	// 国办发明电〔2025〕7号, 2025-11-04 (Xinhua): 元旦 1/1 (周四) - 3 (周六),
	// work 1/4 (周日); 春节 2/15 (周日) - 23 (周一), work 2/14 (周六), 2/28
	// (周六); 清明 4/4-6; 劳动节 5/1-5, work 5/9 (周六); 端午 6/19-21; 中秋
	// 9/25-27; 国庆 10/1-7, work 9/20 (周日), 10/10 (周六).
	// Working days: 2026 starts on a Thursday, 365 days: 261 weekdays.
	// Holidays on weekdays: 1/1-2 (2); 2/16-20, 2/23 (6); 4/6; 5/1, 5/4-5
	// (3); 6/19; 9/25; 10/1-2, 10/5-7 (5) = 19. 261 - 19 + 6 = 248.
	{2026, "国办发明电〔2025〕7号", "2025-11-04",
		[][2]string{{"2026-01-01", "2026-01-03"}, {"2026-02-15", "2026-02-23"}, {"2026-04-04", "2026-04-06"},
			{"2026-05-01", "2026-05-05"}, {"2026-06-19", "2026-06-21"}, {"2026-09-25", "2026-09-27"}, {"2026-10-01", "2026-10-07"}},
		map[string]string{"2026-01-04": "Sunday", "2026-02-14": "Saturday", "2026-02-28": "Saturday", "2026-05-09": "Saturday",
			"2026-09-20": "Sunday", "2026-10-10": "Saturday"},
		248},
}

func mustParse(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	require.NoError(t, err)
	return d
}

// Every day of 2024, 2025 and 2026 against the notices' text.
func TestChinaCalendarMatchesNotices(t *testing.T) {
	cal := ChinaCalendar()
	notices := cal.Notices()
	require.Len(t, notices, len(noticeCases))
	for i, nc := range noticeCases {
		t.Run(fmt.Sprint(nc.year), func(t *testing.T) {
			n := notices[i]
			assert.Equal(t, nc.year, n.Year)
			assert.Equal(t, nc.number, n.Number)
			assert.Equal(t, nc.issued, n.Issued.String())
			assert.True(t, cal.Covers(nc.year))
			off := map[Date]bool{}
			for _, r := range nc.off {
				for d := mustParse(t, r[0]); d.Compare(mustParse(t, r[1])) <= 0; d = d.AddDays(1) {
					off[d] = true
				}
			}
			for s, wd := range nc.makeUp {
				assert.Equal(t, wd, mustParse(t, s).Weekday().String(), "the weekday the notice prints for %s", s)
			}
			working := 0
			for d := MustDate(nc.year, 1, 1); d.Year == nc.year; d = d.AddDays(1) {
				_, mk := nc.makeUp[d.String()]
				assert.Equal(t, off[d], cal.IsHoliday(d), "IsHoliday(%s)", d)
				assert.Equal(t, mk, cal.IsMakeUpDay(d), "IsMakeUpDay(%s)", d)
				wd := d.Weekday()
				if mk || (!off[d] && wd != time.Saturday && wd != time.Sunday) {
					working++
				}
			}
			assert.Equal(t, nc.workingDays, working)
			// The same count through a Schedule: Monday-Friday 09:00-18:00
			// in Shanghai with the calendar, over the whole year.
			sh := loadLoc(t, "Asia/Shanghai")
			s := MustSchedule(ScheduleSpec{Location: sh, Weekly: MondayToFriday(nineToSix()), Calendar: cal})
			a := time.Date(nc.year, 1, 1, 0, 0, 0, 0, sh)
			assert.Equal(t, time.Duration(nc.workingDays)*9*time.Hour, s.Between(a, a.AddDate(1, 0, 0)))
		})
	}
	assert.False(t, cal.Covers(2023))
	assert.False(t, cal.Covers(2027))
	assert.False(t, cal.IsHoliday(MustDate(2027, 1, 1)), "2027 is not published: not guessed")
	assert.False(t, cal.IsHoliday(Date{}))
	assert.False(t, cal.IsMakeUpDay(Date{}))
}

// February 2026 by hand: 20 weekdays; 春节 closes Mon 16 to Fri 20 and Mon
// 23 (6); Saturdays 14 and 28 work (2): 16 days of 9 hours = 144 hours.
// Without the calendar: 20 × 9 = 180 hours.
func TestScheduleWithCalendarFebruary2026(t *testing.T) {
	sh := loadLoc(t, "Asia/Shanghai")
	a := time.Date(2026, 2, 1, 0, 0, 0, 0, sh)
	b := time.Date(2026, 3, 1, 0, 0, 0, 0, sh)
	with := MustSchedule(ScheduleSpec{Location: sh, Weekly: MondayToFriday(nineToSix()), Calendar: ChinaCalendar()})
	without := MustSchedule(ScheduleSpec{Location: sh, Weekly: MondayToFriday(nineToSix())})
	assert.Equal(t, 144*time.Hour, with.Between(a, b))
	assert.Equal(t, 180*time.Hour, without.Between(a, b))
	// A holiday on a weekday is closed; a make-up Saturday opens 09:00-18:00.
	assert.False(t, with.IsOpen(time.Date(2026, 2, 16, 10, 0, 0, 0, sh)))
	assert.True(t, with.IsOpen(time.Date(2026, 2, 14, 10, 0, 0, 0, sh)))
	assert.False(t, with.IsOpen(time.Date(2026, 2, 14, 18, 0, 0, 0, sh)))
	// A 7-day business: the calendar closes its weekend holidays too
	// (Sat 21, Sun 22, Sun 15), and the make-up Saturdays keep weekday hours.
	every := nineToSix()
	seven := MustSchedule(ScheduleSpec{Location: sh, Calendar: ChinaCalendar(), Weekly: WeeklyHours{
		Monday: []ClockRange{every}, Tuesday: []ClockRange{every}, Wednesday: []ClockRange{every}, Thursday: []ClockRange{every},
		Friday: []ClockRange{every}, Saturday: []ClockRange{{Start: Clock(10, 0), End: Clock(12, 0)}}, Sunday: []ClockRange{{Start: Clock(10, 0), End: Clock(12, 0)}}}})
	// 28 days - 9 days off = 19 open: 14 weekdays × 9 h + Sat 14 and 28 at
	// 9 h (make-up) + Sat 7, Sun 1, 8 at 2 h = 126 + 18 + 6 = 150 h.
	assert.Equal(t, 150*time.Hour, seven.Between(a, b))
}

func TestScheduleCalendarMakeUpHours(t *testing.T) {
	sh := loadLoc(t, "Asia/Shanghai")
	sat := time.Date(2026, 2, 14, 0, 0, 0, 0, sh) // a make-up Saturday
	day := func(s Schedule) time.Duration { return s.Between(sat, sat.AddDate(0, 0, 1)) }
	// Monday is closed: the make-up day takes Tuesday's hours, the first
	// weekday that has any.
	tue := WeeklyHours{Tuesday: []ClockRange{{Start: Clock(8, 0), End: Clock(12, 0)}}, Wednesday: []ClockRange{nineToSix()}}
	assert.Equal(t, 4*time.Hour, day(MustSchedule(ScheduleSpec{Location: sh, Weekly: tue, Calendar: ChinaCalendar()})))
	// Explicit make-up hours win.
	assert.Equal(t, 2*time.Hour, day(MustSchedule(ScheduleSpec{Location: sh, Weekly: tue, Calendar: ChinaCalendar(),
		MakeUpHours: []ClockRange{{Start: Clock(13, 0), End: Clock(15, 0)}}})))
	// A weekend-only business needs make-up hours.
	weekend := WeeklyHours{Saturday: []ClockRange{nineToSix()}}
	_, err := NewSchedule(ScheduleSpec{Location: sh, Weekly: weekend, Calendar: ChinaCalendar()})
	assertFieldErr(t, err, ErrEmpty, "make_up_hours")
	s, err := NewSchedule(ScheduleSpec{Location: sh, Weekly: weekend, Calendar: ChinaCalendar(), MakeUpHours: []ClockRange{nineToSix()}})
	require.NoError(t, err)
	assert.Equal(t, 9*time.Hour, day(s))
	// ...and only make-up days: the calendar's make-up days are its working time.
	s, err = NewSchedule(ScheduleSpec{Location: sh, Calendar: ChinaCalendar(), MakeUpHours: []ClockRange{nineToSix()}})
	require.NoError(t, err)
	assert.Equal(t, 9*time.Hour, day(s))
	// Make-up hours without a calendar, and bad make-up hours.
	_, err = NewSchedule(ScheduleSpec{Location: sh, Weekly: tue, MakeUpHours: []ClockRange{nineToSix()}})
	assertFieldErr(t, err, ErrInconsistent, "make_up_hours")
	_, err = NewSchedule(ScheduleSpec{Location: sh, Weekly: tue, Calendar: ChinaCalendar(), MakeUpHours: []ClockRange{{Start: Clock(9, 0), End: Clock(8, 0)}}})
	assertFieldErr(t, err, ErrInvalidTimeRange, "make_up_hours[0]")
	// The business's own dates win over the calendar's: open on the first
	// day of 春节 (a Sunday listed as its own make-up day), closed on the
	// make-up Saturday.
	own := MustSchedule(ScheduleSpec{Location: sh, Weekly: MondayToFriday(nineToSix()), Calendar: ChinaCalendar(),
		Holidays:   []Date{MustDate(2026, 2, 14)},
		MakeUpDays: []DayHours{{Date: MustDate(2026, 2, 15), Hours: []ClockRange{{Start: Clock(10, 0), End: Clock(11, 0)}}}}})
	assert.Equal(t, time.Duration(0), day(own))
	assert.Equal(t, time.Hour, own.Between(sat.AddDate(0, 0, 1), sat.AddDate(0, 0, 2)))
	// No working time at all: a calendar without make-up days and no week.
	noMakeUp := MustCalendar(HolidayNotice{Year: 2030, Number: "n", Issued: MustDate(2029, 11, 1),
		Festivals: []Festival{{Name: "x", First: MustDate(2030, 1, 1), Last: MustDate(2030, 1, 1)}}})
	_, err = NewSchedule(ScheduleSpec{Location: sh, Calendar: noMakeUp, MakeUpHours: []ClockRange{nineToSix()}})
	assertFieldErr(t, err, ErrNoWorkingTime, "weekly")
	// Every make-up day overridden by the business: no working time either.
	one := MustCalendar(HolidayNotice{Year: 2030, Number: "n", Issued: MustDate(2029, 11, 1),
		Festivals: []Festival{{Name: "x", First: MustDate(2030, 1, 1), Last: MustDate(2030, 1, 1), MakeUp: []Date{MustDate(2030, 1, 5)}}}})
	_, err = NewSchedule(ScheduleSpec{Location: sh, Calendar: one, MakeUpHours: []ClockRange{nineToSix()}, Holidays: []Date{MustDate(2030, 1, 5)}})
	assertFieldErr(t, err, ErrNoWorkingTime, "weekly")
}

func assertFieldErr(t *testing.T, err error, sentinel error, field string) {
	t.Helper()
	var fe *FieldError
	if assert.True(t, errors.As(err, &fe), "%v is not a *FieldError", err) {
		assert.ErrorIs(t, err, sentinel)
		assert.Equal(t, field, fe.Field, "%v", err)
	}
}

func TestNewCalendarErrors(t *testing.T) {
	d := MustDate
	good := func() HolidayNotice {
		return HolidayNotice{Year: 2030, Number: "No. 1", Issued: d(2029, 11, 1), Festivals: []Festival{
			{Name: "a", First: d(2030, 1, 1), Last: d(2030, 1, 2), MakeUp: []Date{d(2030, 1, 5)}}, // Tue-Wed, Sat
			{Name: "b", First: d(2030, 2, 1), Last: d(2030, 2, 1)},
		}}
	}
	_, err := NewCalendar(good())
	require.NoError(t, err)
	tests := []struct {
		name     string
		edit     func(n *HolidayNotice)
		sentinel error
		field    string
	}{
		{"year 0", func(n *HolidayNotice) { n.Year = 0 }, ErrInvalidDate, "notices[0].year"},
		{"year 10000", func(n *HolidayNotice) { n.Year = 10000 }, ErrInvalidDate, "notices[0].year"},
		{"no number", func(n *HolidayNotice) { n.Number = "" }, ErrEmpty, "notices[0].number"},
		{"no issue date", func(n *HolidayNotice) { n.Issued = Date{} }, ErrInvalidDate, "notices[0].issued"},
		{"no festivals", func(n *HolidayNotice) { n.Festivals = nil }, ErrEmpty, "notices[0].festivals"},
		{"17 festivals", func(n *HolidayNotice) {
			n.Festivals = nil
			for i := range 17 {
				n.Festivals = append(n.Festivals, Festival{Name: "f", First: d(2030, 3, 1+i), Last: d(2030, 3, 1+i)})
			}
		}, ErrTooLarge, "notices[0].festivals"},
		{"no name", func(n *HolidayNotice) { n.Festivals[1].Name = "" }, ErrEmpty, "notices[0].festivals[1].name"},
		{"first invalid", func(n *HolidayNotice) { n.Festivals[1].First = Date{Year: 2030, Month: 2, Day: 30} }, ErrInvalidDate, "notices[0].festivals[1].first"},
		{"first two years back", func(n *HolidayNotice) { n.Festivals[1].First = d(2028, 12, 31) }, ErrInvalidDate, "notices[0].festivals[1].first"},
		{"last next year", func(n *HolidayNotice) { n.Festivals[1].Last = d(2031, 1, 1) }, ErrInvalidDate, "notices[0].festivals[1].last"},
		{"last before first", func(n *HolidayNotice) { n.Festivals[1].Last = d(2030, 1, 31) }, ErrInvalidDate, "notices[0].festivals[1].last"},
		{"32 days off", func(n *HolidayNotice) { n.Festivals[1].Last = d(2030, 3, 4) }, ErrTooLarge, "notices[0].festivals[1].last"},
		{"make-up on a Friday", func(n *HolidayNotice) { n.Festivals[0].MakeUp = []Date{d(2030, 1, 4)} }, ErrInvalidDate, "notices[0].festivals[0].make_up[0]"},
		{"make-up invalid", func(n *HolidayNotice) { n.Festivals[0].MakeUp = []Date{{}} }, ErrInvalidDate, "notices[0].festivals[0].make_up[0]"},
		{"make-up next year", func(n *HolidayNotice) { n.Festivals[0].MakeUp = []Date{d(2031, 1, 4)} }, ErrInvalidDate, "notices[0].festivals[0].make_up[0]"},
		{"32 make-up days", func(n *HolidayNotice) { n.Festivals[0].MakeUp = make([]Date, 32) }, ErrTooLarge, "notices[0].festivals[0].make_up"},
		{"make-up twice", func(n *HolidayNotice) { n.Festivals[1].MakeUp = []Date{d(2030, 1, 5)} }, ErrDuplicate, "notices[0].festivals[1].make_up[0]"},
		{"holiday and make-up", func(n *HolidayNotice) {
			n.Festivals[1].First, n.Festivals[1].Last = d(2030, 1, 5), d(2030, 1, 6)
		}, ErrDuplicate, "notices[0].festivals[1]"},
		{"holiday twice", func(n *HolidayNotice) { n.Festivals[1].First, n.Festivals[1].Last = d(2030, 1, 2), d(2030, 1, 2) }, ErrDuplicate, "notices[0].festivals[1]"},
	}
	for _, tt := range tests {
		n := good()
		tt.edit(&n)
		_, err := NewCalendar(n)
		assertFieldErr(t, err, tt.sentinel, tt.field)
		if !strings.HasPrefix(fmt.Sprint(err), "kpi: calendar: ") {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
	// The last day of the year before is allowed (the 2019 notice began
	// the new-year holiday on 2018-12-30, with 2018-12-29 worked).
	n := good()
	n.Festivals[0] = Festival{Name: "a", First: d(2029, 12, 30), Last: d(2030, 1, 1), MakeUp: []Date{d(2029, 12, 29)}}
	c, err := NewCalendar(n)
	require.NoError(t, err)
	assert.True(t, c.IsHoliday(d(2029, 12, 30)))
	assert.True(t, c.IsMakeUpDay(d(2029, 12, 29)))
	// 31 days off and 31 make-up days are the inclusive limits.
	n = good()
	n.Festivals[1].Last = d(2030, 3, 3)
	_, err = NewCalendar(n)
	require.NoError(t, err)
	// A year twice; a date in two notices; too many notices.
	_, err = NewCalendar(good(), good())
	assertFieldErr(t, err, ErrDuplicate, "notices[1].year")
	other := good()
	other.Year = 2031
	other.Festivals = []Festival{{Name: "x", First: d(2030, 2, 1), Last: d(2030, 2, 1)}}
	_, err = NewCalendar(good(), other)
	assertFieldErr(t, err, ErrDuplicate, "notices[1].festivals[0]")
	many := make([]HolidayNotice, MaxCalendarNotices+1)
	_, err = NewCalendar(many...)
	assertFieldErr(t, err, ErrTooLarge, "notices")
	assert.Panics(t, func() { MustCalendar(HolidayNotice{}) })
}

// Adding a year the day its notice is published: the built-in notices plus
// the new one (made-up dates for 2027 here; the real notice decides).
func TestCalendarAddYear(t *testing.T) {
	y2027 := HolidayNotice{Year: 2027, Number: "(the 2027 notice)", Issued: MustDate(2026, 11, 1), Festivals: []Festival{
		{Name: "元旦", First: MustDate(2027, 1, 1), Last: MustDate(2027, 1, 3)},
	}}
	cal, err := NewCalendar(append(ChinaNotices(), y2027)...)
	require.NoError(t, err)
	assert.True(t, cal.Covers(2027))
	assert.True(t, cal.IsHoliday(MustDate(2027, 1, 1)))
	assert.True(t, cal.IsHoliday(MustDate(2026, 2, 16)))
	// Notices come back in year order, as copies.
	ns := cal.Notices()
	assert.Equal(t, []int{2024, 2025, 2026, 2027}, []int{ns[0].Year, ns[1].Year, ns[2].Year, ns[3].Year})
	ns[2].Festivals[1].MakeUp[0] = MustDate(2026, 3, 7)
	assert.True(t, cal.IsMakeUpDay(MustDate(2026, 2, 14)))
	assert.Equal(t, MustDate(2026, 2, 14), cal.Notices()[2].Festivals[1].MakeUp[0])
	// Out-of-order input is sorted.
	rev, err := NewCalendar(y2027, ChinaNotices()[0])
	require.NoError(t, err)
	assert.Equal(t, 2024, rev.Notices()[0].Year)
	assert.True(t, Calendar{}.IsZero())
	assert.False(t, rev.IsZero())
}

func TestCalendarJSON(t *testing.T) {
	cal := ChinaCalendar()
	b, err := json.Marshal(cal)
	require.NoError(t, err)
	assert.Contains(t, string(b), `{"notices":[{"year":2024,"number":"国办发明电〔2023〕7号","issued":"2023-10-25","festivals":[{"name":"元旦","first":"2024-01-01","last":"2024-01-01"},{"name":"春节","first":"2024-02-10","last":"2024-02-17","make_up":["2024-02-04","2024-02-18"]}`)
	var back Calendar
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, cal.Notices(), back.Notices())
	assert.True(t, back.IsMakeUpDay(MustDate(2026, 10, 10)))
	// Decoding validates: a make-up day on a Friday.
	err = json.Unmarshal([]byte(`{"notices":[{"year":2030,"number":"n","issued":"2029-11-01","festivals":[{"name":"a","first":"2030-01-01","last":"2030-01-01","make_up":["2030-01-04"]}]}]}`), &back)
	assertFieldErr(t, err, ErrInvalidDate, "notices[0].festivals[0].make_up[0]")
	var fe *FieldError
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, "decode calendar", fe.Op)
	err = json.Unmarshal([]byte(`{"notices":[],"x":1}`), &back)
	assert.ErrorIs(t, err, ErrInvalidJSON)
	// A schedule carries its calendar through JSON.
	sh := loadLoc(t, "Asia/Shanghai")
	s := MustSchedule(ScheduleSpec{Location: sh, Weekly: MondayToFriday(nineToSix()), Calendar: cal})
	b, err = json.Marshal(s)
	require.NoError(t, err)
	var s2 Schedule
	require.NoError(t, json.Unmarshal(b, &s2))
	a := time.Date(2026, 2, 1, 0, 0, 0, 0, sh)
	assert.Equal(t, 144*time.Hour, s2.Between(a, a.AddDate(0, 1, 0)))
	// Without a calendar the key is left out.
	b, err = json.Marshal(ScheduleSpec{Location: sh, Weekly: MondayToFriday(nineToSix())})
	require.NoError(t, err)
	assert.JSONEq(t, `{"location":"Asia/Shanghai","weekly":{"monday":["09:00-18:00"],"tuesday":["09:00-18:00"],"wednesday":["09:00-18:00"],"thursday":["09:00-18:00"],"friday":["09:00-18:00"]},"holidays":null,"make_up_days":null}`, string(b))
}

// Fuzz: any JSON that decodes to a Calendar round-trips, and the decoded
// calendar keeps the invariants NewCalendar promises: every make-up day is
// a Saturday or Sunday, no date is both a holiday and a make-up day, and
// every listed date is answered by IsHoliday / IsMakeUpDay.
func FuzzCalendarJSON(f *testing.F) {
	b, err := json.Marshal(ChinaCalendar())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`{"notices":[{"year":2019,"number":"n","issued":"2018-12-06","festivals":[{"name":"a","first":"2018-12-30","last":"2019-01-01","make_up":["2018-12-29"]}]}]}`))
	f.Add([]byte(`{"notices":[{"year":9999,"number":"n","issued":"9999-12-31","festivals":[{"name":"a","first":"9999-12-01","last":"9999-12-31","make_up":["9998-01-03"]}]}]}`))
	f.Add([]byte(`{"notices":[{"year":1,"number":"n","issued":"0001-01-01","festivals":[{"name":"a","first":"0001-01-01","last":"0001-01-31"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Calendar
		if err := c.UnmarshalJSON(data); err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a *FieldError", err)
			}
			return
		}
		enc, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		var c2 Calendar
		if err := json.Unmarshal(enc, &c2); err != nil {
			t.Fatalf("decode of own encoding %s: %v", enc, err)
		}
		if enc2, _ := json.Marshal(c2); string(enc2) != string(enc) {
			t.Fatalf("round trip %s -> %s", enc, enc2)
		}
		for _, n := range c.Notices() {
			if !c.Covers(n.Year) {
				t.Fatalf("Covers(%d) false", n.Year)
			}
			for _, fe := range n.Festivals {
				for d := fe.First; d.IsValid() && d.Compare(fe.Last) <= 0; d = d.AddDays(1) {
					if !c.IsHoliday(d) || c.IsMakeUpDay(d) {
						t.Fatalf("%s: holiday %v, make-up %v", d, c.IsHoliday(d), c.IsMakeUpDay(d))
					}
				}
				for _, d := range fe.MakeUp {
					if wd := d.Weekday(); !c.IsMakeUpDay(d) || c.IsHoliday(d) || (wd != time.Saturday && wd != time.Sunday) {
						t.Fatalf("make-up %s (%v): make-up %v, holiday %v", d, wd, c.IsMakeUpDay(d), c.IsHoliday(d))
					}
				}
			}
		}
	})
}

func TestCalendarJSONByName(t *testing.T) {
	var c Calendar
	require.NoError(t, json.Unmarshal([]byte(` "china" `), &c))
	assert.Equal(t, ChinaNotices(), c.Notices())
	err := c.UnmarshalJSON([]byte(`"japan"`))
	assertFieldErr(t, err, ErrInvalidJSON, "")
	assert.EqualError(t, err, `kpi: decode calendar: "japan": invalid JSON: want "china" or {"notices": [...]}`)
	assert.ErrorIs(t, c.UnmarshalJSON([]byte(`"china`)), ErrInvalidJSON)
	assert.ErrorIs(t, c.UnmarshalJSON([]byte(" \n")), ErrInvalidJSON) // empty: an error, not an index out of range
	assert.ErrorIs(t, c.UnmarshalJSON(nil), ErrInvalidJSON)
	// In a schedule.
	var s Schedule
	require.NoError(t, json.Unmarshal([]byte(`{"location":"Asia/Shanghai","weekly":{"monday":["09:00-18:00"],"tuesday":["09:00-18:00"],"wednesday":["09:00-18:00"],"thursday":["09:00-18:00"],"friday":["09:00-18:00"]},"calendar":"china"}`), &s))
	a := time.Date(2026, 2, 1, 0, 0, 0, 0, s.Location())
	assert.Equal(t, 144*time.Hour, s.Between(a, a.AddDate(0, 1, 0)))
	// Marshalling writes the notices out.
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"calendar":{"notices":[{"year":2024,`)
}
