// Command staffkpi is a customer-service team's day (客服团队的一天): response
// times in business hours, the 5512 activity quotas, effective attendance
// (有效出勤), commissions (提成) in both tier forms, quiz ranking and red packets (红包).
//
//	go run ./examples/staffkpi
package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/opskit/opskit/kpi"
	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "staffkpi:", err)
		os.Exit(1)
	}
}

// The team works 08:00-12:00 and 13:00-22:00, Monday to Friday, China
// Standard Time. Saturday 14 February 2026 is a make-up working day (调休上班)
// before the Spring Festival; Monday 16 February is a holiday (节假日).
var (
	cst      = time.FixedZone("CST", 8*3600) // a fixed zone needs no tzdata
	today    = kpi.MustDate(2026, 2, 14)
	hours    = []kpi.ClockRange{{Start: kpi.Clock(8, 0), End: kpi.Clock(12, 0)}, {Start: kpi.Clock(13, 0), End: kpi.Clock(22, 0)}}
	schedule = kpi.MustSchedule(kpi.ScheduleSpec{Location: cst, Holidays: []kpi.Date{kpi.MustDate(2026, 2, 16)},
		Weekly:     kpi.MondayToFriday(hours...),
		MakeUpDays: []kpi.DayHours{{Date: today, Hours: hours}}})
	// chats: customer, agent, asked at, replied on and at, order ("" if none).
	chats = []struct {
		customer, agent, asked string
		repliedOn              kpi.Date
		replied, ordered       string
	}{
		{"u01", "amy", "08:02", today, "08:02:40", "168.00"},
		{"u02", "amy", "09:15", today, "09:15:20", ""},
		{"u03", "bo", "10:40", today, "10:41:30", "89.00"},
		{"u04", "bo", "11:58", today, "13:01", "238.00"}, // lunch: 63 minutes of wall time, 3 of business time
		{"u05", "cai", "14:20", today, "14:20:35", "59.00"},
		{"u06", "cai", "16:05", today, "16:09", ""},
		{"u07", "amy", "19:30", today, "19:30:50", "128.00"},
		{"u08", "bo", "21:55", kpi.MustDate(2026, 2, 17), "08:02", ""}, // over Sunday and the holiday: 7 minutes
	}
)

// at is a clock time ("09:15" or "09:15:20") on a date, in CST.
func at(d kpi.Date, clock string) time.Time {
	return d.At(kpi.MustClock(clock), cst)
}

func run(out io.Writer) error {
	// One tabwriter aligns all tables: tab-ended cells on consecutive lines form
	// columns; a line without tabs (a title, a blank line) ends a table.
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)

	// 1. Response times count only business hours: a question just before lunch
	// is no one-hour failure. 询单转化率 = buyers ÷ askers; 客单价 = sales ÷ buyers.
	var msgs []kpi.Message
	var orders []kpi.PaidOrder
	for _, c := range chats {
		asked := at(today, c.asked)
		msgs = append(msgs,
			kpi.Message{Conversation: c.customer, Customer: c.customer, Role: kpi.RoleCustomer, At: asked},
			kpi.Message{Conversation: c.customer, Customer: c.customer, Role: kpi.RoleAgent, Agent: c.agent, At: at(c.repliedOn, c.replied)})
		if c.ordered != "" {
			orders = append(orders, kpi.PaidOrder{Customer: c.customer, At: asked.Add(20 * time.Minute), Amount: pricing.MustNew(c.ordered, pricing.CNY)})
		}
	}
	report, err := kpi.ServiceMetrics(msgs, orders, kpi.ServiceOptions{Schedule: &schedule, FastWithin: time.Minute})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "1. Customer service on %s (a 调休 Saturday), business hours %s and %s\n", today, hours[0], hours[1])
	fmt.Fprintln(w, "Agent\tReception\tFirst response\tp90\tWithin 1 min\tConversion\tSales\tAOV")
	for _, a := range append(report.Agents, report.Team) {
		fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%.0f%%\t%.0f%%\t%s\t%s\n", cmp.Or(a.Agent, "team"), a.Reception, a.FirstResponse.Mean.Round(time.Second),
			a.FirstResponse.P90, 100*a.FastShare, 100*a.Conversion, a.Sales.StringAmount(), a.AOV.StringAmount())
	}
	asked, replied := at(today, "21:55"), at(chats[7].repliedOn, "08:02")
	fmt.Fprintf(w, "Open at 12:30? %t. u08's 21:55 question waited %s on the clock, %s in business hours.\n",
		schedule.IsOpen(at(today, "12:30")), replied.Sub(asked), schedule.Between(asked, replied))

	// 2. The week's 5512 activities (K-01): every day 3 meetings, 5 calls to
	// existing clients (老客户电话) and 5 valid WeChats to new clients (新客户微信,
	// valid = replied and interacted); every week 1 WeChat group of 60 or more
	// and 2 small client meetings (小交会). days: meetings, calls, valid WeChats.
	days := map[string]string{
		"amy": "355 355 355 355 355 355",
		"bo":  "355 355 354 355 255 355",
		"cai": "355 355 355 355 355 344",
	}
	roster := []string{"amy", "bo", "cai"}
	monday := today.AddDays(-5)
	var acts []kpi.ActivityRecord
	add := func(p, kind string, d kpi.Date, n int, r kpi.ActivityRecord) {
		r.Person, r.Kind, r.Day = p, kind, d
		acts = append(acts, slices.Repeat([]kpi.ActivityRecord{r}, n)...) // n copies of r
	}
	for _, p := range roster {
		for i, counts := range strings.Fields(days[p]) {
			d := monday.AddDays(i)
			add(p, kpi.ActivityMeeting, d, int(counts[0]-'0'), kpi.ActivityRecord{})
			add(p, kpi.ActivityOldCall, d, int(counts[1]-'0'), kpi.ActivityRecord{})
			add(p, kpi.ActivityNewMessage, d, int(counts[2]-'0'), kpi.ActivityRecord{Replied: true, Interacted: true})
			add(p, kpi.ActivityNewMessage, d, 1, kpi.ActivityRecord{Replied: true}) // replied, no interaction: not valid
		}
		add(p, kpi.ActivityClientSeminar, monday.AddDays(2), 2, kpi.ActivityRecord{})
	}
	add("amy", kpi.ActivityGroup, monday, 1, kpi.ActivityRecord{Size: 64})
	add("bo", kpi.ActivityGroup, monday.AddDays(3), 1, kpi.ActivityRecord{Size: 41}) // under 60: not counted
	results, err1 := kpi.EvaluateQuotas(kpi.Scheme5512(), roster, monday, today, acts)
	// Effective attendance (每日有效出勤, K-02) needs all three: sign-in
	// 08:00-09:00, exam 09:30-11:00 and sign-out 10:00-11:00, ends included.
	att, err2 := kpi.EffectiveAttendance([]kpi.AttendanceRecord{
		{Person: "amy", Team: "cs", Day: today, SignIn: at(today, "07:58"), Exam: at(today, "09:35"), SignOut: at(today, "10:30")},
		{Person: "bo", Team: "cs", Day: today, SignIn: at(today, "09:00"), Exam: at(today, "09:50"), SignOut: at(today, "11:00")},
		{Person: "cai", Team: "cs", Day: today, SignIn: at(today, "08:40"), Exam: at(today, "10:10")}, // forgot to sign out
	}, kpi.Rules5512(cst))
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n2. The 5512 activity quotas (活动量), %s to %s\n", monday, today)
	fmt.Fprintln(w, "Person\tComplete days\tRate\tLongest streak\tShortfalls (for coaching, 单独辅导)")
	for _, r := range results {
		var miss []string
		for _, s := range r.Shortfalls {
			miss = append(miss, fmt.Sprintf("%s %s %s -%d", s.Period, s.Start, s.Activity, s.Missing))
		}
		fmt.Fprintf(w, "%s\t%d of %d\t%.0f%%\t%d\t%s\n", r.Person, r.CompleteDays, len(r.Days), 100*r.CompletionRate,
			r.LongestStreak, cmp.Or(strings.Join(miss, "; "), "-"))
	}
	fmt.Fprintln(w, "\nEffective attendance (有效出勤): sign-in, exam and sign-out each in its window")
	fmt.Fprintln(w, "Person\tSign-in\tExam\tSign-out\tEffective")
	for _, c := range att.Checks {
		fmt.Fprintf(w, "%s\t%t\t%t\t%t\t%t\n", c.Person, c.SignIn, c.Exam, c.SignOut, c.Effective)
	}
	t := att.Teams[0]
	fmt.Fprintf(w, "Team %s: %d of %d effective, %.0f%%. amy's 07:58 sign-in is early; bo's 09:00 is on time.\n", t.Team, t.Effective, t.Rostered, 100*t.Rate)

	// 3. Tiers of issue 7: 5% to 50,000, 7% to 100,000, 10% above; a boundary is
	// in the lower band. Marginal (超额累进) pays each band's rate on the part in
	// it; whole-amount (全额累进) pays the reached band's rate on everything.
	d := decimal.RequireFromString
	tiers := []kpi.CommissionTier{{From: d("0"), To: d("50000"), Rate: d("0.05")}, {From: d("50000"), To: d("100000"), Rate: d("0.07")},
		{From: d("100000"), Rate: d("0.10")}}
	fmt.Fprintln(w, "\n3. February commissions (提成) on net sales (gross - refunds)")
	fmt.Fprintln(w, "Agent\tGross\tRefunds\tNet\tRate reached\tMarginal\tWhole-amount")
	for _, s := range []struct{ agent, gross, refunds string }{{"amy", "178000", "3000"}, {"bo", "100000", "0"}, {"cai", "48000", "1200"}} {
		sales := kpi.Sales{Gross: pricing.MustNew(s.gross, pricing.CNY), Refunds: pricing.MustNew(s.refunds, pricing.CNY)}
		marginal, err1 := kpi.CommissionPlan{Currency: pricing.CNY, Method: kpi.Marginal, Tiers: tiers}.Compute(sales)
		whole, err2 := kpi.CommissionPlan{Currency: pricing.CNY, Method: kpi.WholeAmount, Tiers: tiers}.Compute(sales)
		if err := errors.Join(err1, err2); err != nil {
			return err
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s%%\t%s\t%s\n", s.agent, s.gross, s.refunds, marginal.NetSales.StringAmount(),
			tiers[marginal.Tier].Rate.Shift(2), marginal.Commission.StringAmount(), whole.Commission.StringAmount())
	}

	// 4. The morning quiz (每日考试), one submission every two minutes from 09:31;
	// seed-rules PR-22 pays 2.88 to all and 6.6 more to the first five full scores.
	entries := []kpi.Entry{{ID: "cai", Score: 100}, {ID: "amy", Score: 100}, {ID: "dan", Score: 80},
		{ID: "eve", Score: 100}, {ID: "bo", Score: 100}, {ID: "fay", Score: 100}, {ID: "gus", Score: 100}}
	for i := range entries {
		entries[i].At = at(today, "09:31").Add(time.Duration(2*i) * time.Minute)
	}
	ranked, err1 := kpi.Rank(entries, kpi.Dense)
	res, err2 := kpi.Rewards(entries, []kpi.RewardRule{
		{Name: "quiz red packet (答题红包)", Kind: kpi.Everyone, Amount: pricing.MustNew("2.88", pricing.CNY)},
		{Name: "first five full scores (满分前5名)", Kind: kpi.TopN, N: 5, MinScore: 100, Order: kpi.ByTime, Amount: pricing.MustNew("6.60", pricing.CNY)},
	})
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	var ranks []string
	for _, r := range ranked {
		ranks = append(ranks, fmt.Sprintf("%d %s", r.Rank, r.ID))
	}
	fmt.Fprintf(w, "\n4. Quiz ranking (排名, dense; ties by submission time): %s\n", strings.Join(ranks, ", "))
	for _, r := range res.Rules {
		fmt.Fprintf(w, "%s: %d paid, %s\n", r.Rule, r.Count, r.Amount)
	}
	fmt.Fprint(w, "Paid per person:")
	for _, p := range res.Persons {
		fmt.Fprintf(w, " %s %s", p.Person, p.Amount.StringAmount())
	}
	fmt.Fprintln(w, "\n(gus also scored 100 but submitted sixth: the 6.6 stops at five; dan's 80 never qualifies.)")
	return w.Flush()
}
