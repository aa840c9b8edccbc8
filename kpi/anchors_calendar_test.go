package kpi

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Anchors from the State Council General Office's notices on the holiday
// arrangements (国务院办公厅关于N年部分节假日安排的通知), item by item as
// each notice prints it: the run of days off with the weekday printed
// beside its ends (2025 and 2026 print them; 2024 does not), the stated
// total (共N天) and the make-up working days (上班) with their printed
// weekdays. Sources, checked against the published text:
//
//   - 2024: 国办发明电〔2023〕7号, dated 2023-10-25; People's Daily
//     2023-10-26 page 6 (paper.people.com.cn), State Council Gazette 2023
//     no. 31.
//   - 2025: 国办发明电〔2024〕12号, dated 2024-11-12; Xinhua 2024-11-12
//     (m.gmw.cn/2024-11/12/content_1303894933.htm).
//   - 2026: 国办发明电〔2025〕7号, dated 2025-11-04; Xinhua 2025-11-04
//     (politics.gmw.cn/2025-11/04/content_38391083.htm).
//
// calendar_test.go checks every day of each year against the runs; these
// tests add what the notices state beyond the dates: the festivals'
// names and order, the totals, the printed weekdays, and the sentences
// that name days which are NOT off.

// noticeItem is one numbered item of a notice.
type noticeItem struct {
	name         string
	first, last  string
	wdFirst      time.Weekday // printed beside the first day (2025, 2026); -1 when not printed
	wdLast       time.Weekday
	total        int // 共N天; 0 when the item prints no total (与周末连休, 不调休)
	makeUp       []string
	makeUpWeekdy []time.Weekday
}

const notPrinted = time.Weekday(-1)

var noticeItems = map[int][]noticeItem{
	// 2024 (国办发明电〔2023〕7号):
	// 一、元旦：1月1日放假，与周末连休。
	// 二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。
	// 三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。
	// 四、劳动节：5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
	// 五、端午节：6月10日放假，与周末连休。
	// 六、中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。
	// 七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
	2024: {
		{"元旦", "2024-01-01", "2024-01-01", notPrinted, notPrinted, 0, nil, nil},
		{"春节", "2024-02-10", "2024-02-17", notPrinted, notPrinted, 8,
			[]string{"2024-02-04", "2024-02-18"}, []time.Weekday{time.Sunday, time.Sunday}},
		{"清明节", "2024-04-04", "2024-04-06", notPrinted, notPrinted, 3,
			[]string{"2024-04-07"}, []time.Weekday{time.Sunday}},
		{"劳动节", "2024-05-01", "2024-05-05", notPrinted, notPrinted, 5,
			[]string{"2024-04-28", "2024-05-11"}, []time.Weekday{time.Sunday, time.Saturday}},
		{"端午节", "2024-06-10", "2024-06-10", notPrinted, notPrinted, 0, nil, nil},
		{"中秋节", "2024-09-15", "2024-09-17", notPrinted, notPrinted, 3,
			[]string{"2024-09-14"}, []time.Weekday{time.Saturday}},
		{"国庆节", "2024-10-01", "2024-10-07", notPrinted, notPrinted, 7,
			[]string{"2024-09-29", "2024-10-12"}, []time.Weekday{time.Sunday, time.Saturday}},
	},
	// 2025 (国办发明电〔2024〕12号):
	// 一、元旦：1月1日（周三）放假1天，不调休。
	// 二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
	// 三、清明节：4月4日（周五）至6日（周日）放假，共3天。
	// 四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
	// 五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
	// 六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
	2025: {
		{"元旦", "2025-01-01", "2025-01-01", time.Wednesday, time.Wednesday, 1, nil, nil},
		{"春节", "2025-01-28", "2025-02-04", time.Tuesday, time.Tuesday, 8,
			[]string{"2025-01-26", "2025-02-08"}, []time.Weekday{time.Sunday, time.Saturday}},
		{"清明节", "2025-04-04", "2025-04-06", time.Friday, time.Sunday, 3, nil, nil},
		{"劳动节", "2025-05-01", "2025-05-05", time.Thursday, time.Monday, 5,
			[]string{"2025-04-27"}, []time.Weekday{time.Sunday}},
		{"端午节", "2025-05-31", "2025-06-02", time.Saturday, time.Monday, 3, nil, nil},
		{"国庆节、中秋节", "2025-10-01", "2025-10-08", time.Wednesday, time.Wednesday, 8,
			[]string{"2025-09-28", "2025-10-11"}, []time.Weekday{time.Sunday, time.Saturday}},
	},
	// 2026 (国办发明电〔2025〕7号):
	// 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
	// 二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
	// 三、清明节：4月4日（周六）至6日（周一）放假，共3天。
	// 四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
	// 五、端午节：6月19日（周五）至21日（周日）放假，共3天。
	// 六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
	// 七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
	2026: {
		{"元旦", "2026-01-01", "2026-01-03", time.Thursday, time.Saturday, 3,
			[]string{"2026-01-04"}, []time.Weekday{time.Sunday}},
		{"春节", "2026-02-15", "2026-02-23", time.Sunday, time.Monday, 9,
			[]string{"2026-02-14", "2026-02-28"}, []time.Weekday{time.Saturday, time.Saturday}},
		{"清明节", "2026-04-04", "2026-04-06", time.Saturday, time.Monday, 3, nil, nil},
		{"劳动节", "2026-05-01", "2026-05-05", time.Friday, time.Tuesday, 5,
			[]string{"2026-05-09"}, []time.Weekday{time.Saturday}},
		{"端午节", "2026-06-19", "2026-06-21", time.Friday, time.Sunday, 3, nil, nil},
		{"中秋节", "2026-09-25", "2026-09-27", time.Friday, time.Sunday, 3, nil, nil},
		{"国庆节", "2026-10-01", "2026-10-07", time.Thursday, time.Wednesday, 7,
			[]string{"2026-09-20", "2026-10-10"}, []time.Weekday{time.Sunday, time.Saturday}},
	},
}

// Each notice's items against ChinaNotices(): same festivals in the same
// order, same runs and make-up days, and the printed totals and weekdays
// agree with the calendar.
func TestAnchorChinaNoticesItemByItem(t *testing.T) {
	numbers := map[int][2]string{
		2024: {"国办发明电〔2023〕7号", "2023-10-25"},
		2025: {"国办发明电〔2024〕12号", "2024-11-12"},
		2026: {"国办发明电〔2025〕7号", "2025-11-04"},
	}
	notices := ChinaNotices()
	require.Len(t, notices, len(noticeItems))
	for _, n := range notices {
		t.Run(fmt.Sprint(n.Year), func(t *testing.T) {
			items, ok := noticeItems[n.Year]
			require.True(t, ok, "year %d has no notice in this test", n.Year)
			assert.Equal(t, numbers[n.Year][0], n.Number)
			assert.Equal(t, numbers[n.Year][1], n.Issued.String())
			require.Len(t, n.Festivals, len(items))
			for i, it := range items {
				f := n.Festivals[i]
				assert.Equal(t, it.name, f.Name, "item %d", i+1)
				first, last := mustParse(t, it.first), mustParse(t, it.last)
				assert.Equal(t, first, f.First, "%s first day", it.name)
				assert.Equal(t, last, f.Last, "%s last day", it.name)
				if it.wdFirst != notPrinted {
					assert.Equal(t, it.wdFirst, first.Weekday(), "%s: weekday printed beside %s", it.name, it.first)
					assert.Equal(t, it.wdLast, last.Weekday(), "%s: weekday printed beside %s", it.name, it.last)
				}
				days := 0
				for d := first; d.Compare(last) <= 0; d = d.AddDays(1) {
					days++
				}
				if it.total > 0 {
					assert.Equal(t, it.total, days, "%s: the notice's total", it.name)
				}
				require.Len(t, f.MakeUp, len(it.makeUp), "%s make-up days", it.name)
				for j, s := range it.makeUp {
					d := mustParse(t, s)
					assert.Equal(t, d, f.MakeUp[j], "%s make-up day %d", it.name, j+1)
					assert.Equal(t, it.makeUpWeekdy[j], d.Weekday(), "%s: weekday printed beside %s", it.name, s)
				}
			}
		})
	}
}

// Days the notices name without making them days off.
//
//   - 2024 item 二 ends "鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）
//     休息": the eve (Friday 2024-02-09) is only encouraged, so it is a
//     working day in the calendar.
//   - 2024 items 一 and 五 read "与周末连休" (joined to the weekend): only
//     1 January and 10 June are listed; the adjacent weekend days
//     (Saturday-Sunday 2023-12-30/31, 2024-06-08/09) are ordinary weekend
//     days, not holidays. kpi's doc.go: "Each festival lists its days off
//     as the notice writes them".
//   - 2025 item 一 "1月1日（周三）放假1天，不调休": one day, no make-up day,
//     the revised rule "如逢周三则只在当日放假" (a Wednesday festival is off
//     that day only).
//   - From 2025 the eve of the Spring Festival is a day off (the 2024
//     revision of the national holiday rules, quoted in the 2025 notice):
//     2025-01-28 is 农历除夕 and the first day of the run.
func TestAnchorChinaNoticesNamedDays(t *testing.T) {
	cal := ChinaCalendar()
	eve2024 := MustDate(2024, 2, 9)
	assert.Equal(t, time.Friday, eve2024.Weekday())
	assert.False(t, cal.IsHoliday(eve2024), "2024's eve is only encouraged")
	assert.False(t, cal.IsMakeUpDay(eve2024))
	for _, d := range []Date{MustDate(2024, 6, 8), MustDate(2024, 6, 9)} {
		assert.False(t, cal.IsHoliday(d), "%s joins 端午 as a weekend day, not a listed day off", d)
	}
	// A Monday-Friday business is closed on the eve's neighbours but works
	// the eve itself: 09:00-18:00 on Friday 9 February 2024.
	sh := loadLoc(t, "Asia/Shanghai")
	s := MustSchedule(ScheduleSpec{Location: sh, Weekly: MondayToFriday(nineToSix()), Calendar: cal})
	day := func(y int, m time.Month, d int) time.Duration {
		a := time.Date(y, m, d, 0, 0, 0, 0, sh)
		return s.Between(a, a.AddDate(0, 0, 1))
	}
	assert.Equal(t, 9*time.Hour, day(2024, 2, 9))
	assert.Equal(t, time.Duration(0), day(2024, 2, 12), "Monday of the 2024 春节 run")
	assert.Equal(t, 9*time.Hour, day(2024, 2, 18), "Sunday make-up day")
	// 2025: 元旦 Wednesday alone; Thursday 2 January works.
	assert.True(t, cal.IsHoliday(MustDate(2025, 1, 1)))
	assert.False(t, cal.IsHoliday(MustDate(2025, 1, 2)))
	assert.Equal(t, time.Duration(0), day(2025, 1, 1))
	assert.Equal(t, 9*time.Hour, day(2025, 1, 2))
	// 2025's eve (Tuesday 28 January) is off.
	assert.True(t, cal.IsHoliday(MustDate(2025, 1, 28)))
	assert.Equal(t, time.Duration(0), day(2025, 1, 28))
}

// The notices' totals summed per year: 2024 has 8+3+5+3+7 = 26 days in
// runs that print a total, plus 元旦 and 端午 (1 each) = 28 listed days;
// 2025: 1+8+3+5+3+8 = 28; 2026: 3+9+3+5+3+3+7 = 33. Make-up days: 8, 5
// and 6.
func TestAnchorChinaNoticesYearTotals(t *testing.T) {
	want := map[int][2]int{2024: {28, 8}, 2025: {28, 5}, 2026: {33, 6}}
	cal := ChinaCalendar()
	for y, w := range want {
		off, mk := 0, 0
		for d := MustDate(y, 1, 1); d.Year == y; d = d.AddDays(1) {
			if cal.IsHoliday(d) {
				off++
			}
			if cal.IsMakeUpDay(d) {
				mk++
			}
		}
		assert.Equal(t, w[0], off, "%d listed days off", y)
		assert.Equal(t, w[1], mk, "%d make-up days", y)
	}
}
