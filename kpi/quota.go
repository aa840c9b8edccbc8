package kpi

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/opskit/opskit/internal/checked"
	"github.com/opskit/opskit/internal/civil"
)

// QuotaPeriod is how often a quota resets. The zero value is invalid.
type QuotaPeriod uint8

const (
	// Daily quotas are counted per calendar day.
	Daily QuotaPeriod = iota + 1
	// Weekly quotas are counted per calendar week, Monday to Sunday (the
	// Chinese working week).
	Weekly
	// Monthly quotas are counted per calendar month.
	Monthly
)

// QuotaItem is one activity quota (活动量指标): at least Target activities of
// kind Activity per QuotaPeriod. An activity counts only if it meets the item's
// conditions: RequireReply and RequireInteraction (F-22: a valid WeChat to
// a new client is one the client replied to and interacted with,
// 有效=客户回复+互动) and MinSize (a WeChat group of at least 60 members).
type QuotaItem struct {
	Activity           string      `json:"activity"`
	Name               string      `json:"name"`
	Period             QuotaPeriod `json:"period"`
	Target             int64       `json:"target"`
	RequireReply       bool        `json:"require_reply"`
	RequireInteraction bool        `json:"require_interaction"`
	MinSize            int64       `json:"min_size"`
}

// QuotaScheme is a set of activity quotas, such as the 5512 model.
type QuotaScheme struct {
	Name  string      `json:"name"`
	Items []QuotaItem `json:"items"`
}

// Activity kinds of the 5512 model.
const (
	ActivityMeeting       = "meeting"        // 会议 (早会, 二早, 夕会)
	ActivityOldCall       = "old-call"       // 老客户电话
	ActivityNewMessage    = "new-message"    // 新客户微信
	ActivityGroup         = "group"          // 建立微信群
	ActivityClientSeminar = "client-seminar" // 小交会
)

// Scheme5512 returns the "(3)5512" activity model (seed-rules K-01, F-22):
// daily 3 meetings, 5 calls to existing clients, 5 valid WeChat messages to
// new clients (replied and interacted); weekly 1 WeChat group of at least 60
// members and 2 small client meetings (小交会; the seed does not give their
// period, weekly is the reading of K-01).
func Scheme5512() QuotaScheme {
	return QuotaScheme{Name: "5512", Items: []QuotaItem{
		{Activity: ActivityMeeting, Name: "参加会议", Period: Daily, Target: 3},
		{Activity: ActivityOldCall, Name: "老客户电话", Period: Daily, Target: 5},
		{Activity: ActivityNewMessage, Name: "新客户微信(有效)", Period: Daily, Target: 5, RequireReply: true, RequireInteraction: true},
		{Activity: ActivityGroup, Name: "建立微信群(60人)", Period: Weekly, Target: 1, MinSize: 60},
		{Activity: ActivityClientSeminar, Name: "小交会", Period: Weekly, Target: 2},
	}}
}

// ActivityRecord is Count activities of one kind done by a person on a day
// (five calls can be one record with Count 5; a Count of 0 means 1, so a
// record without it is one activity). Replied, Interacted and Size matter
// only for items with conditions and hold for all Count activities of the
// record: record the ones that differ separately.
type ActivityRecord struct {
	Person     string `json:"person"`
	Kind       string `json:"kind"`
	Day        Date   `json:"day"`
	Count      int64  `json:"count,omitempty"`
	Replied    bool   `json:"replied"`
	Interacted bool   `json:"interacted"`
	Size       int64  `json:"size"`
}

// ItemProgress is one quota item in one period: valid activities done, the
// target, the shortfall max(0, target - done) and whether it was met.
type ItemProgress struct {
	Activity  string `json:"activity"`
	Done      int64  `json:"done"`
	Target    int64  `json:"target"`
	Shortfall int64  `json:"shortfall"`
	Met       bool   `json:"met"`
}

// DayProgress is a person's daily items on one day; Complete when every
// daily item is met (a scheme without daily items makes every day complete).
type DayProgress struct {
	Day      Date           `json:"day"`
	Items    []ItemProgress `json:"items"`
	Complete bool           `json:"complete"`
}

// WeekProgress is a person's weekly items in one Monday-Sunday week.
// Partial marks a week cut by the evaluation range: only activities inside
// the range count, the target stays whole.
type WeekProgress struct {
	Start    Date           `json:"start"`
	Partial  bool           `json:"partial"`
	Items    []ItemProgress `json:"items"`
	Complete bool           `json:"complete"`
}

// MonthProgress is a person's monthly items in one calendar month, Start
// its first day. Partial marks a month cut by the evaluation range: only
// activities inside the range count, the target stays whole.
type MonthProgress struct {
	Start    Date           `json:"start"`
	Partial  bool           `json:"partial"`
	Items    []ItemProgress `json:"items"`
	Complete bool           `json:"complete"`
}

// Shortfall is a missed quota: the period start, the activity and how many
// are missing (the "未达成" list for one-to-one coaching, K-10).
type Shortfall struct {
	Period   QuotaPeriod `json:"period"`
	Start    Date        `json:"start"`
	Activity string      `json:"activity"`
	Missing  int64       `json:"missing"`
}

// PersonQuota is one person's quota completion over a range of days:
// per-day, per-week and per-month progress (Months is empty when the
// scheme has no monthly item), CompletionRate = complete days ÷ days,
// the longest run of complete days and the run ending on the last day
// (连续达标天数), and every shortfall in date order.
type PersonQuota struct {
	Person         string          `json:"person"`
	Days           []DayProgress   `json:"days"`
	Weeks          []WeekProgress  `json:"weeks"`
	Months         []MonthProgress `json:"months"`
	CompleteDays   int64           `json:"complete_days"`
	CompletionRate float64         `json:"completion_rate"`
	LongestStreak  int64           `json:"longest_streak"`
	CurrentStreak  int64           `json:"current_streak"`
	Shortfalls     []Shortfall     `json:"shortfalls"`
}

// MaxQuotaCells bounds the work and the result of [EvaluateQuotas]: people
// × quota items × days in the range may be at most 10 million.
const MaxQuotaCells = 10_000_000

// MaxQuotaDays is the longest range [EvaluateQuotas] accepts, in days.
const MaxQuotaDays = 3660

// EvaluateQuotas measures each person of the roster against the scheme for
// the days from..to inclusive. Activities outside the range are ignored.
// Results follow the roster's order.
//
// Errors (*[FieldError]): a scheme without items, an item with an empty or
// repeated activity, an unknown period, a target below 1 or a negative
// MinSize; an empty or repeated roster name; an invalid range or one longer
// than 3,660 days; an activity of a person not on the roster, of a kind
// not in the scheme ([ErrUnknownActivity]), with an invalid day or a
// negative count; counts adding up beyond int64 ([ErrTooLarge]).
func EvaluateQuotas(s QuotaScheme, roster []string, from, to Date, acts []ActivityRecord) ([]PersonQuota, error) {
	const op = "quotas"
	if len(s.Items) == 0 {
		return nil, fieldErr(op, "scheme.items", nil, ErrEmpty)
	}
	kinds := map[string][]int{}
	for i, it := range s.Items {
		f := fmt.Sprintf("scheme.items[%d]", i)
		switch {
		case it.Activity == "":
			return nil, fieldErr(op, f+".activity", it.Activity, ErrEmpty)
		case it.Period != Daily && it.Period != Weekly && it.Period != Monthly:
			return nil, fieldErr(op, f+".period", int(it.Period), ErrInvalidEnum)
		case it.Target < 1:
			return nil, fieldErr(op, f+".target", it.Target, ErrInvalidTarget, "must be at least 1")
		case it.MinSize < 0:
			return nil, fieldErr(op, f+".min_size", it.MinSize, ErrInvalidNumber)
		}
		for _, j := range kinds[it.Activity] {
			if s.Items[j].Period == it.Period {
				return nil, fieldErr(op, f+".activity", it.Activity, ErrDuplicate, "same activity and period")
			}
		}
		kinds[it.Activity] = append(kinds[it.Activity], i)
	}
	if !from.IsValid() {
		return nil, fieldErr(op, "from", from.String(), ErrInvalidDate)
	}
	if !to.IsValid() || to.Compare(from) < 0 {
		return nil, fieldErr(op, "to", to.String(), ErrInvalidDate, "must be a valid date not before from "+from.String())
	}
	nDays := int(dayNumber(to)-dayNumber(from)) + 1
	if nDays > MaxQuotaDays {
		return nil, fieldErr(op, "to", to.String(), ErrTooLarge, fmt.Sprintf("at most %d days from %s", MaxQuotaDays, from))
	}
	people := map[string]int{}
	for i, p := range roster {
		if p == "" {
			return nil, fieldErr(op, fmt.Sprintf("roster[%d]", i), p, ErrEmpty)
		}
		if _, dup := people[p]; dup {
			return nil, fieldErr(op, fmt.Sprintf("roster[%d]", i), p, ErrDuplicate)
		}
		people[p] = i
	}
	// people ≤ len(roster), items and days are bounded by memory and
	// 3,660; the product is checked against MaxQuotaCells before any
	// allocation.
	if cells, ok := checked.Mul(int64(len(roster))*int64(len(s.Items)), int64(nDays)); !ok || cells > MaxQuotaCells {
		return nil, fieldErr(op, "roster", len(roster), ErrTooLarge,
			fmt.Sprintf("people × items × days = %d × %d × %d; at most %d", len(roster), len(s.Items), nDays, MaxQuotaCells))
	}
	// Weeks: Monday-based, indexed from the week holding `from`.
	first := dayNumber(from) - int64((from.Weekday()+6)%7)
	nWeeks := int((dayNumber(to)-first)/7) + 1
	// Months: indexed from the month holding `from`.
	monthOf := func(d Date) int { return (d.Year-from.Year)*12 + int(d.Month) - int(from.Month) }
	nMonths := monthOf(to) + 1
	hasMonthly := slices.ContainsFunc(s.Items, func(it QuotaItem) bool { return it.Period == Monthly })
	// counts[person][item][period index]
	counts := make([][][]int64, len(roster))
	for p := range counts {
		counts[p] = make([][]int64, len(s.Items))
		for i, it := range s.Items {
			switch it.Period {
			case Daily:
				counts[p][i] = make([]int64, nDays)
			case Weekly:
				counts[p][i] = make([]int64, nWeeks)
			default:
				counts[p][i] = make([]int64, nMonths)
			}
		}
	}
	for i, a := range acts {
		f := fmt.Sprintf("activities[%d]", i)
		p, ok := people[a.Person]
		if !ok {
			return nil, fieldErr(op, f+".person", a.Person, ErrInconsistent, "not on the roster")
		}
		items, ok := kinds[a.Kind]
		if !ok {
			return nil, fieldErr(op, f+".kind", a.Kind, ErrUnknownActivity)
		}
		if !a.Day.IsValid() {
			return nil, fieldErr(op, f+".day", a.Day.String(), ErrInvalidDate)
		}
		n := a.Count
		switch {
		case n < 0:
			return nil, fieldErr(op, f+".count", n, ErrInvalidNumber, "must not be negative")
		case n == 0:
			n = 1
		}
		z := dayNumber(a.Day)
		if z < dayNumber(from) || z > dayNumber(to) {
			continue
		}
		for _, ii := range items {
			it := s.Items[ii]
			if (it.RequireReply && !a.Replied) || (it.RequireInteraction && !a.Interacted) || a.Size < it.MinSize {
				continue
			}
			var c *int64
			switch it.Period {
			case Daily:
				c = &counts[p][ii][z-dayNumber(from)]
			case Weekly:
				c = &counts[p][ii][(z-first)/7]
			default:
				c = &counts[p][ii][monthOf(a.Day)]
			}
			sum, ok := checked.Add(*c, n)
			if !ok {
				return nil, fieldErr(op, f+".count", a.Count, ErrTooLarge, "the count of "+a.Kind+" activities overflows int64")
			}
			*c = sum
		}
	}
	out := make([]PersonQuota, len(roster))
	for p, name := range roster {
		pq := PersonQuota{Person: name}
		var run int64
		for d := 0; d < nDays; d++ {
			day := from.AddDays(d)
			dp := DayProgress{Day: day}
			dp.Items, dp.Complete = periodProgress(&pq, s.Items, counts[p], Daily, d, day)
			if dp.Complete {
				pq.CompleteDays++
				run++
				pq.LongestStreak = max(pq.LongestStreak, run)
			} else {
				run = 0
			}
			pq.Days = append(pq.Days, dp)
		}
		pq.CurrentStreak = run
		pq.CompletionRate = float64(pq.CompleteDays) / float64(nDays)
		for w := 0; w < nWeeks; w++ {
			start := dateOfDays(first + int64(7*w))
			wp := WeekProgress{Start: start,
				Partial: start.Compare(from) < 0 || start.AddDays(6).Compare(to) > 0}
			wp.Items, wp.Complete = periodProgress(&pq, s.Items, counts[p], Weekly, w, start)
			pq.Weeks = append(pq.Weeks, wp)
		}
		for mo := 0; mo < nMonths && hasMonthly; mo++ {
			y, m := from.Year+(int(from.Month)-1+mo)/12, time.Month((int(from.Month)-1+mo)%12+1)
			start := Date{Year: y, Month: m, Day: 1}
			end := Date{Year: y, Month: m, Day: civil.DaysIn(y, m)}
			mp := MonthProgress{Start: start,
				Partial: start.Compare(from) < 0 || end.Compare(to) > 0}
			mp.Items, mp.Complete = periodProgress(&pq, s.Items, counts[p], Monthly, mo, start)
			pq.Months = append(pq.Months, mp)
		}
		sortShortfalls(pq.Shortfalls)
		out[p] = pq
	}
	return out, nil
}

// periodProgress is the progress of one person in the period of kind
// period numbered idx (a day, week or month from the range's first),
// starting on start: one ItemProgress per item of that kind, in the
// scheme's order, whether all are met, and a Shortfall added to pq for each
// item that is not. counts holds the person's counts per item and period.
func periodProgress(pq *PersonQuota, items []QuotaItem, counts [][]int64, period QuotaPeriod, idx int, start Date) ([]ItemProgress, bool) {
	var out []ItemProgress
	complete := true
	for ii, it := range items {
		if it.Period != period {
			continue
		}
		ip := progress(it, counts[ii][idx])
		out = append(out, ip)
		if !ip.Met {
			complete = false
			pq.Shortfalls = append(pq.Shortfalls, Shortfall{period, start, it.Activity, ip.Shortfall})
		}
	}
	return out, complete
}

func progress(it QuotaItem, done int64) ItemProgress {
	return ItemProgress{Activity: it.Activity, Done: done, Target: it.Target,
		Shortfall: max(0, it.Target-done), Met: done >= it.Target}
}

// sortShortfalls orders by period start, then daily before weekly before
// monthly, keeping
// the scheme's item order inside.
func sortShortfalls(s []Shortfall) {
	slices.SortStableFunc(s, func(a, b Shortfall) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.Period, b.Period)
	})
}
