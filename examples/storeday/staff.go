package main

import (
	"fmt"
	"io"
	"time"

	"github.com/opskit/opskit/kpi"
	"github.com/opskit/opskit/pricing"
)

// chat is one customer's conversation with the store's online service
// (线上客服) in the delivery app: when they asked, who answered and how
// long after, and what they ordered afterwards.
type chat struct {
	customer, agent string
	asked           string // HH:MM
	replyAfter      time.Duration
	ordered         string // order amount, "" if none
}

var chats = []chat{
	{"u01", "amy", "08:05", 25 * time.Second, "45.80"},
	{"u02", "amy", "09:40", 70 * time.Second, ""},
	{"u03", "bo", "10:15", 20 * time.Second, "32.50"},
	{"u04", "amy", "11:30", 15 * time.Second, "18.90"},
	{"u05", "bo", "12:10", 4 * time.Minute, ""},
	{"u06", "bo", "13:45", 50 * time.Second, "66.00"},
	{"u07", "amy", "15:20", 30 * time.Second, ""},
	{"u08", "bo", "17:55", 2 * time.Minute, "27.40"},
	{"u09", "amy", "19:30", 40 * time.Second, "51.20"},
	// Asked ten minutes before closing, answered at 08:05 the next morning:
	// 10h15m of wall time, but only 15 minutes of business hours.
	{"u10", "bo", "21:50", 10*time.Hour + 15*time.Minute, ""},
}

func at(clock string) time.Time {
	return kpi.DateOf(closingTime, nil).At(kpi.MustClock(clock), closingTime.Location())
}

// staff prints the customer-service metrics (客服绩效) measured in business
// hours, the daily scorecards, the ranking and the red-packet rewards.
func staff(w io.Writer) error {
	heading(w, "7. Customer service (客服绩效) in business hours, 08:00-22:00")
	open := []kpi.ClockRange{{Start: kpi.Clock(8, 0), End: kpi.Clock(22, 0)}}
	hours, err := kpi.NewSchedule(kpi.ScheduleSpec{Location: closingTime.Location(), Weekly: kpi.WeeklyHours{Monday: open, Tuesday: open, Wednesday: open, Thursday: open, Friday: open, Saturday: open, Sunday: open}})
	if err != nil {
		return err
	}
	var msgs []kpi.Message
	var orders []kpi.PaidOrder
	for _, c := range chats {
		asked := at(c.asked)
		msgs = append(msgs,
			kpi.Message{Conversation: c.customer, Customer: c.customer, Role: kpi.RoleCustomer, At: asked},
			kpi.Message{Conversation: c.customer, Customer: c.customer, Role: kpi.RoleAgent, Agent: c.agent, At: asked.Add(c.replyAfter)})
		if c.ordered != "" {
			orders = append(orders, kpi.PaidOrder{Customer: c.customer, At: asked.Add(10 * time.Minute), Amount: pricing.MustParse("CNY " + c.ordered)})
		}
	}
	report, err := kpi.ServiceMetrics(msgs, orders, kpi.ServiceOptions{Schedule: &hours, FastWithin: time.Minute})
	if err != nil {
		return err
	}
	tw := table(w)
	fmt.Fprintln(tw, "Agent\tReception\tFirst response (mean)\tp90\tWithin 1 min\tConversion\tSales\tAOV")
	for _, a := range append(report.Agents, report.Team) {
		name := a.Agent
		if name == "" {
			name = "team"
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%.0f%%\t%.0f%%\t%s\t%s\n", name, a.Reception, a.FirstResponse.Mean, a.FirstResponse.P90,
			a.FastShare*100, a.Conversion*100, a.Sales.StringAmount(), a.AOV.StringAmount())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return scorecards(w, report)
}

// scorecards scores each agent on a daily scheme, ranks the whole shift on
// the daily quiz, and pays the red packets of seed-rules PR-22.
func scorecards(w io.Writer, report kpi.ServiceReport) error {
	scheme := kpi.Scheme{Name: "客服日考核", Metrics: []kpi.Metric{
		{ID: "frt", Name: "first response (s)", Direction: kpi.LowerIsBetter, Target: 30, Weight: 0.4, Curve: kpi.Curve{Kind: kpi.Inverse, Cap: 1.2}},
		{ID: "conv", Name: "conversion (%)", Direction: kpi.HigherIsBetter, Target: 50, Weight: 0.4, Curve: kpi.Curve{Kind: kpi.Linear, Cap: 1.2}},
		{ID: "quiz", Name: "daily quiz", Direction: kpi.HigherIsBetter, Target: 100, Weight: 0.2, Curve: kpi.Curve{Kind: kpi.Threshold}},
	}}
	quiz := map[string]float64{"amy": 100, "bo": 100, "cai": 100, "dan": 80, "eve": 100, "fay": 100, "gus": 100}
	var obs []kpi.Observation
	for _, a := range report.Agents {
		obs = append(obs, kpi.Observation{Person: a.Agent, Values: map[string]float64{
			"frt": a.FirstResponse.Mean.Seconds(), "conv": a.Conversion * 100, "quiz": quiz[a.Agent],
		}})
	}
	cards, err := scheme.ScoreAll(obs)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nScorecards (score = points toward a total of 1.00 when every target is met):")
	tw := table(w)
	fmt.Fprintln(tw, "Agent\tFirst response\tConversion\tQuiz\tTotal")
	for _, c := range cards {
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%.2f\n", c.Person, c.Lines[0].Points, c.Lines[1].Points, c.Lines[2].Points, c.Total)
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	// The whole shift took the morning quiz (每日考试); submission times
	// order the full scores.
	var entries []kpi.Entry
	for i, id := range []string{"cai", "amy", "eve", "dan", "bo", "gus", "fay"} {
		entries = append(entries, kpi.Entry{ID: id, Score: quiz[id], At: at("09:30").Add(time.Duration(i) * 3 * time.Minute)})
	}
	ranked, err := kpi.Rank(entries, kpi.Competition)
	if err != nil {
		return err
	}
	fmt.Fprint(w, "\nQuiz ranking (competition ranking, ties by submission time): ")
	for i, r := range ranked {
		if i > 0 {
			fmt.Fprint(w, ", ")
		}
		fmt.Fprintf(w, "%d %s", r.Rank, r.ID)
	}
	fmt.Fprintln(w)
	rewards, err := kpi.Rewards(entries, []kpi.RewardRule{
		{Name: "quiz red packet (答题红包)", Kind: kpi.Everyone, Amount: pricing.MustParse("CNY 2.88")},
		{Name: "first five full scores (满分前5名)", Kind: kpi.TopN, N: 5, MinScore: 100, Order: kpi.ByTime, Amount: pricing.MustParse("CNY 6.60")},
	})
	if err != nil {
		return err
	}
	for _, r := range rewards.Rules {
		fmt.Fprintf(w, "%s: %d paid, %s\n", r.Rule, r.Count, r.Amount)
	}
	fmt.Fprint(w, "Paid per person:")
	for _, p := range rewards.Persons {
		fmt.Fprintf(w, " %s %s", p.Person, p.Amount.StringAmount())
	}
	fmt.Fprintln(w)
	return nil
}
