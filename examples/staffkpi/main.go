// Command staffkpi is a customer-service team's day (客服团队的一天) in
// numbers: response times in business hours, the 5512 activity quotas,
// effective attendance (有效出勤), the month's commissions (提成) in both
// tier forms, and the morning quiz's ranking and red packets (红包).
//
//	go run ./examples/staffkpi
package main

import (
	"fmt"
	"io"
	"os"
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

// The team works 08:00-12:00 and 13:00-22:00, Monday to Friday, in China
// Standard Time (a fixed zone needs no tzdata). Saturday 14 February 2026 is
// a make-up working day (调休上班) before the Spring Festival, and Monday 16
// February is a holiday (节假日).
var (
	cst   = time.FixedZone("CST", 8*3600)
	today = kpi.MustDate(2026, 2, 14)
	hours = []kpi.TimeRange{{Start: kpi.Clock(8, 0), End: kpi.Clock(12, 0)}, {Start: kpi.Clock(13, 0), End: kpi.Clock(22, 0)}}
)

func at(d kpi.Date, clock string) time.Time {
	c := kpi.MustClock(clock)
	return time.Date(d.Year, d.Month, d.Day, 0, 0, int(c), 0, cst)
}

// chats: customer, agent, when the customer asked, when the agent replied
// (on the given date), and the order that followed ("" for none).
var chats = []struct {
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

func run(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	var week [7][]kpi.TimeRange
	for d := time.Monday; d <= time.Friday; d++ {
		week[d] = hours
	}
	schedule, err := kpi.NewSchedule(kpi.ScheduleSpec{Location: cst, Weekly: week,
		Holidays:   []kpi.Date{kpi.MustDate(2026, 2, 16)},
		MakeUpDays: []kpi.DayHours{{Date: today, Hours: hours}}})
	if err != nil {
		return err
	}

	// 1. Customer service. Response times count only business hours, so a
	// question asked just before lunch is not a one-hour failure. 询单转化率
	// = customers who ordered ÷ customers who asked; 客单价 = sales ÷ buyers.
	var msgs []kpi.Message
	var orders []kpi.Order
	for _, c := range chats {
		asked := at(today, c.asked)
		msgs = append(msgs,
			kpi.Message{Conversation: c.customer, Customer: c.customer, Role: kpi.Customer, At: asked},
			kpi.Message{Conversation: c.customer, Customer: c.customer, Role: kpi.Agent, Agent: c.agent, At: at(c.repliedOn, c.replied)})
		if c.ordered != "" {
			orders = append(orders, kpi.Order{Customer: c.customer, At: asked.Add(20 * time.Minute), Amount: pricing.MustNew(c.ordered, pricing.CNY)})
		}
	}
	report, err := kpi.ServiceMetrics(msgs, orders, kpi.ServiceOptions{Schedule: &schedule, FastWithin: time.Minute})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "1. Customer service on %s (a 调休 Saturday), business hours %s and %s\n", today, hours[0], hours[1])
	fmt.Fprintln(tw, "Agent\tReception\tFirst response\tp90\tWithin 1 min\tConversion\tSales\tAOV")
	for _, a := range append(report.Agents, report.Team) {
		name := a.Agent
		if name == "" {
			name = "team"
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%.0f%%\t%.0f%%\t%s\t%s\n", name, a.Reception, a.FirstResponse.Mean.Round(time.Second), a.FirstResponse.P90,
			100*a.FastShare, 100*a.Conversion, a.Sales.StringAmount(), a.AOV.StringAmount())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "Open at 12:30? %t. u08's 21:55 question waited %s on the clock, %s in business hours.\n",
		schedule.IsOpen(at(today, "12:30")), at(chats[7].repliedOn, "08:02").Sub(at(today, "21:55")),
		schedule.Between(at(today, "21:55"), at(chats[7].repliedOn, "08:02")))

	if err := quotas(w, tw); err != nil {
		return err
	}
	if err := commissions(w, tw); err != nil {
		return err
	}
	return quiz(w)
}

// quotas checks the week's 5512 activities (K-01): every day 3 meetings, 5
// calls to existing clients (老客户电话) and 5 valid WeChats to new clients
// (新客户微信, valid = replied and interacted); every week 1 WeChat group of
// 60 or more and 2 small client meetings (小交会). Then today's attendance.
func quotas(w io.Writer, tw *tabwriter.Writer) error {
	// Per person and day, Monday to Saturday: meetings, calls, valid WeChats.
	days := map[string]string{
		"amy": "355 355 355 355 355 355",
		"bo":  "355 355 354 355 255 355",
		"cai": "355 355 355 355 355 344",
	}
	roster := []string{"amy", "bo", "cai"}
	monday := today.AddDays(-5)
	var acts []kpi.ActivityRecord
	add := func(p, kind string, d kpi.Date, n int, r kpi.ActivityRecord) {
		for i := 0; i < n; i++ {
			r.Person, r.Kind, r.Day = p, kind, d
			acts = append(acts, r)
		}
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
	results, err := kpi.EvaluateQuotas(kpi.Scheme5512(), roster, monday, today, acts)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n2. The 5512 activity quotas (活动量), %s to %s\n", monday, today)
	fmt.Fprintln(tw, "Person\tComplete days\tRate\tLongest streak\tShortfalls (for coaching, 单独辅导)")
	for _, r := range results {
		miss := []string{"-"}
		if len(r.Shortfalls) > 0 {
			miss = nil
		}
		for _, s := range r.Shortfalls {
			miss = append(miss, fmt.Sprintf("%s %s %s -%d", s.Period, s.Start, s.Activity, s.Missing))
		}
		fmt.Fprintf(tw, "%s\t%d of %d\t%.0f%%\t%d\t%s\n", r.Person, r.CompleteDays, len(r.Days), 100*r.CompletionRate, r.LongestStreak, strings.Join(miss, "; "))
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	// Effective attendance (每日有效出勤, K-02) needs all three: sign-in
	// 08:00-09:00, exam 09:30-11:00 and sign-out 10:00-11:00, ends included.
	att, err := kpi.EffectiveAttendance([]kpi.AttendanceRecord{
		{Person: "amy", Team: "cs", Day: today, SignIn: at(today, "07:58"), Exam: at(today, "09:35"), SignOut: at(today, "10:30")},
		{Person: "bo", Team: "cs", Day: today, SignIn: at(today, "09:00"), Exam: at(today, "09:50"), SignOut: at(today, "11:00")},
		{Person: "cai", Team: "cs", Day: today, SignIn: at(today, "08:40"), Exam: at(today, "10:10")}, // forgot to sign out
	}, kpi.Rules5512(cst))
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nEffective attendance (有效出勤): sign-in, exam and sign-out each in its window")
	fmt.Fprintln(tw, "Person\tSign-in\tExam\tSign-out\tEffective")
	for _, c := range att.Checks {
		fmt.Fprintf(tw, "%s\t%t\t%t\t%t\t%t\n", c.Person, c.SignIn, c.Exam, c.SignOut, c.Effective)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	t := att.Teams[0]
	fmt.Fprintf(w, "Team %s: %d of %d effective, %.0f%%. amy's 07:58 sign-in is early; bo's 09:00 is on time.\n", t.Team, t.Effective, t.Rostered, 100*t.Rate)
	return nil
}

// commissions pays February's sales on the tier table of issue 7: 5% up to
// 50,000, 7% up to 100,000, 10% above. Marginal (超额累进) pays each band's
// rate on the part inside it; whole-amount (全额累进) pays the reached band's
// rate on everything. A boundary belongs to the lower band.
func commissions(w io.Writer, tw *tabwriter.Writer) error {
	d := decimal.RequireFromString
	tiers := []kpi.Tier{{From: d("0"), To: d("50000"), Rate: d("0.05")}, {From: d("50000"), To: d("100000"), Rate: d("0.07")}, {From: d("100000"), Rate: d("0.10")}}
	fmt.Fprintln(w, "\n3. February commissions (提成) on net sales (gross - refunds)")
	fmt.Fprintln(tw, "Agent\tGross\tRefunds\tNet\tRate reached\tMarginal\tWhole-amount")
	for _, s := range []struct{ agent, gross, refunds string }{{"amy", "178000", "3000"}, {"bo", "100000", "0"}, {"cai", "48000", "1200"}} {
		sales := kpi.Sales{Gross: pricing.MustNew(s.gross, pricing.CNY), Refunds: pricing.MustNew(s.refunds, pricing.CNY)}
		var pay [2]kpi.CommissionResult
		for i, m := range []kpi.TierMethod{kpi.Marginal, kpi.WholeAmount} {
			r, err := kpi.CommissionPlan{Currency: pricing.CNY, Method: m, Tiers: tiers}.Compute(sales)
			if err != nil {
				return err
			}
			pay[i] = r
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s%%\t%s\t%s\n", s.agent, s.gross, s.refunds, pay[0].NetSales.StringAmount(),
			tiers[pay[0].Tier].Rate.Shift(2), pay[0].Commission.StringAmount(), pay[1].Commission.StringAmount())
	}
	return tw.Flush()
}

// quiz ranks the morning quiz (每日考试) and pays seed-rules PR-22: 2.88 to
// everyone who took it, 6.6 more to the first five full scores by time.
func quiz(w io.Writer) error {
	// Scores in submission order, one every two minutes from 09:31.
	scores := []struct {
		id    string
		score float64
	}{{"cai", 100}, {"amy", 100}, {"dan", 80}, {"eve", 100}, {"bo", 100}, {"fay", 100}, {"gus", 100}}
	var entries []kpi.Entry
	for i, s := range scores {
		entries = append(entries, kpi.Entry{ID: s.id, Score: s.score, At: at(today, "09:31").Add(time.Duration(2*i) * time.Minute)})
	}
	ranked, err := kpi.Rank(entries, kpi.Dense)
	if err != nil {
		return err
	}
	fmt.Fprint(w, "\n4. Quiz ranking (排名, dense; ties by submission time):")
	for i, r := range ranked {
		sep := ","
		if i == 0 {
			sep = ""
		}
		fmt.Fprintf(w, "%s %d %s", sep, r.Rank, r.ID)
	}
	res, err := kpi.Rewards(entries, []kpi.RewardRule{
		{Name: "quiz red packet (答题红包)", Kind: kpi.Everyone, Amount: pricing.MustNew("2.88", pricing.CNY)},
		{Name: "first five full scores (满分前5名)", Kind: kpi.TopN, N: 5, MinScore: 100, Order: kpi.ByTime, Amount: pricing.MustNew("6.60", pricing.CNY)},
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(w)
	for _, r := range res.Rules {
		fmt.Fprintf(w, "%s: %d paid, %s\n", r.Rule, r.Count, r.Amount)
	}
	fmt.Fprint(w, "Paid per person:")
	for _, p := range res.Persons {
		fmt.Fprintf(w, " %s %s", p.Person, p.Amount.StringAmount())
	}
	fmt.Fprintln(w, "\n(gus also scored 100 but submitted sixth: the 6.6 stops at five; dan's 80 never qualifies.)")
	return nil
}
