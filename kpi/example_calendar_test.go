package kpi_test

import (
	"fmt"
	"time"

	"github.com/opskit/opskit/kpi"
)

// A Monday-to-Friday customer-service team in Shanghai with the official
// calendar: the Spring Festival week of 2026 is closed, the make-up
// Saturday before it works weekday hours.
func ExampleChinaCalendar() {
	sh := time.FixedZone("CST", 8*3600)
	s := kpi.MustSchedule(kpi.ScheduleSpec{
		Location: sh,
		Weekly:   kpi.MondayToFriday(kpi.ClockRange{Start: kpi.Clock(9, 0), End: kpi.Clock(18, 0)}),
		Calendar: kpi.ChinaCalendar(),
	})
	for _, day := range []int{13, 14, 16, 24} {
		t := time.Date(2026, 2, day, 10, 0, 0, 0, sh)
		fmt.Println(t.Format("Mon 2006-01-02"), s.IsOpen(t))
	}
	feb := time.Date(2026, 2, 1, 0, 0, 0, 0, sh)
	fmt.Println("February:", s.Between(feb, feb.AddDate(0, 1, 0)))
	for _, n := range kpi.ChinaCalendar().Notices() {
		fmt.Println(n.Year, n.Number, n.Issued)
	}
	// Output:
	// Fri 2026-02-13 true
	// Sat 2026-02-14 true
	// Mon 2026-02-16 false
	// Tue 2026-02-24 true
	// February: 144h0m0s
	// 2024 国办发明电〔2023〕7号 2023-10-25
	// 2025 国办发明电〔2024〕12号 2024-11-12
	// 2026 国办发明电〔2025〕7号 2025-11-04
}

// Adding a year the day its notice is published: the built-in notices and
// the new one, validated together (a make-up day must be a weekend, no date
// twice). The 2027 dates here are made up for the example; copy the real
// notice's.
func ExampleNewCalendar() {
	d := kpi.MustDate
	y2027 := kpi.HolidayNotice{Year: 2027, Number: "(number of the 2027 notice)", Issued: d(2026, 11, 1),
		Festivals: []kpi.Festival{{Name: "元旦", First: d(2027, 1, 1), Last: d(2027, 1, 3)}}}
	cal, err := kpi.NewCalendar(append(kpi.ChinaNotices(), y2027)...)
	fmt.Println(err, cal.Covers(2027), cal.IsHoliday(d(2027, 1, 1)))

	bad := y2027
	bad.Festivals = []kpi.Festival{{Name: "元旦", First: d(2027, 1, 1), Last: d(2027, 1, 1), MakeUp: []kpi.Date{d(2027, 1, 4)}}}
	_, err = kpi.NewCalendar(bad)
	fmt.Println(err)
	// Output:
	// <nil> true true
	// kpi: calendar: notices[0].festivals[0].make_up[0] "2027-01-04": invalid date: a make-up working day must be a Saturday or Sunday, not a Monday
}
