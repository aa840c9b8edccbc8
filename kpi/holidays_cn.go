package kpi

import "time"

// ChinaNotices returns the State Council General Office's holiday notices
// (节假日 and 调休) for 2024, 2025 and 2026, a fresh copy on every call:
//
//   - 2024: number 7 of 2023 (the "Guobanfa Mingdian" series), issued
//     2023-10-25; People's Daily, 2023-10-26, page 6.
//   - 2025: number 12 of 2024, issued 2024-11-12, the first under the
//     holiday rules revised in November 2024 (two more days off: the eve of
//     the Spring Festival and a fifth day in May); Xinhua, 2024-11-12.
//   - 2026: number 7 of 2025, issued 2025-11-04; Xinhua, 2025-11-04.
//
// Each festival lists its days off as the notice writes them (a run that
// includes the weekend days inside it) and its make-up working days. The
// tests check every date against the notice, weekday included.
//
// When the next notice is published (each autumn), add its year with
// [NewCalendar]: append a [HolidayNotice] with the new dates to
// ChinaNotices() (see the package example), or, in this library, add the
// year to this function and a test citing the notice.
func ChinaNotices() []HolidayNotice {
	d := func(y int, m time.Month, day int) Date { return Date{Year: y, Month: m, Day: day} }
	return []HolidayNotice{
		{Year: 2024, Number: "国办发明电〔2023〕7号", Issued: d(2023, 10, 25), Festivals: []Festival{
			{Name: "元旦", First: d(2024, 1, 1), Last: d(2024, 1, 1)},
			{Name: "春节", First: d(2024, 2, 10), Last: d(2024, 2, 17), MakeUp: []Date{d(2024, 2, 4), d(2024, 2, 18)}},
			{Name: "清明节", First: d(2024, 4, 4), Last: d(2024, 4, 6), MakeUp: []Date{d(2024, 4, 7)}},
			{Name: "劳动节", First: d(2024, 5, 1), Last: d(2024, 5, 5), MakeUp: []Date{d(2024, 4, 28), d(2024, 5, 11)}},
			{Name: "端午节", First: d(2024, 6, 10), Last: d(2024, 6, 10)},
			{Name: "中秋节", First: d(2024, 9, 15), Last: d(2024, 9, 17), MakeUp: []Date{d(2024, 9, 14)}},
			{Name: "国庆节", First: d(2024, 10, 1), Last: d(2024, 10, 7), MakeUp: []Date{d(2024, 9, 29), d(2024, 10, 12)}},
		}},
		{Year: 2025, Number: "国办发明电〔2024〕12号", Issued: d(2024, 11, 12), Festivals: []Festival{
			{Name: "元旦", First: d(2025, 1, 1), Last: d(2025, 1, 1)},
			{Name: "春节", First: d(2025, 1, 28), Last: d(2025, 2, 4), MakeUp: []Date{d(2025, 1, 26), d(2025, 2, 8)}},
			{Name: "清明节", First: d(2025, 4, 4), Last: d(2025, 4, 6)},
			{Name: "劳动节", First: d(2025, 5, 1), Last: d(2025, 5, 5), MakeUp: []Date{d(2025, 4, 27)}},
			{Name: "端午节", First: d(2025, 5, 31), Last: d(2025, 6, 2)},
			{Name: "国庆节、中秋节", First: d(2025, 10, 1), Last: d(2025, 10, 8), MakeUp: []Date{d(2025, 9, 28), d(2025, 10, 11)}},
		}},
		{Year: 2026, Number: "国办发明电〔2025〕7号", Issued: d(2025, 11, 4), Festivals: []Festival{
			{Name: "元旦", First: d(2026, 1, 1), Last: d(2026, 1, 3), MakeUp: []Date{d(2026, 1, 4)}},
			{Name: "春节", First: d(2026, 2, 15), Last: d(2026, 2, 23), MakeUp: []Date{d(2026, 2, 14), d(2026, 2, 28)}},
			{Name: "清明节", First: d(2026, 4, 4), Last: d(2026, 4, 6)},
			{Name: "劳动节", First: d(2026, 5, 1), Last: d(2026, 5, 5), MakeUp: []Date{d(2026, 5, 9)}},
			{Name: "端午节", First: d(2026, 6, 19), Last: d(2026, 6, 21)},
			{Name: "中秋节", First: d(2026, 9, 25), Last: d(2026, 9, 27)},
			{Name: "国庆节", First: d(2026, 10, 1), Last: d(2026, 10, 7), MakeUp: []Date{d(2026, 9, 20), d(2026, 10, 10)}},
		}},
	}
}

// ChinaCalendar returns the calendar of [ChinaNotices]: China's public
// holidays and make-up working days of 2024-2026. Other years are not
// covered ([Calendar.Covers]).
func ChinaCalendar() Calendar { return MustCalendar(ChinaNotices()...) }
