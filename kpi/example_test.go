package kpi_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/opskit/opskit/kpi"
	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// The tier table of issue 7, in both forms.
func ExampleCommissionPlan_Compute() {
	tiers := []kpi.CommissionTier{
		{From: d("0"), To: d("50000"), Rate: d("0.05")},
		{From: d("50000"), To: d("100000"), Rate: d("0.07")},
		{From: d("100000"), Rate: d("0.10")}, // no upper limit
	}
	for _, m := range []kpi.TierMethod{kpi.Marginal, kpi.WholeAmount} {
		plan := kpi.CommissionPlan{Currency: pricing.CNY, Method: m, Tiers: tiers}
		for _, sales := range []string{"175000", "100000"} {
			r, _ := plan.Compute(kpi.Sales{Gross: pricing.MustNew(sales, pricing.CNY)})
			fmt.Printf("%-12s %6s -> %s (tier %d)\n", m, sales, r.Commission.StringAmount(), r.Tier)
		}
	}
	// Output:
	// marginal     175000 -> 13500.00 (tier 2)
	// marginal     100000 -> 6000.00 (tier 1)
	// whole_amount 175000 -> 17500.00 (tier 2)
	// whole_amount 100000 -> 7000.00 (tier 1)
}

// Commission on net sales, with a quota accelerator and a cap.
func ExampleCommissionPlan_Compute_accelerator() {
	plan := kpi.CommissionPlan{
		Currency:     pricing.CNY,
		Method:       kpi.Marginal,
		Tiers:        []kpi.CommissionTier{{From: d("0"), Rate: d("0.08")}},
		Quota:        pricing.MustNew("50000", pricing.CNY),
		Accelerators: []kpi.Accelerator{{Attainment: d("1"), Multiplier: d("1.5")}},
		Cap:          pricing.MustNew("6000", pricing.CNY),
	}
	r, _ := plan.Compute(kpi.Sales{Gross: pricing.MustNew("63000", pricing.CNY), Refunds: pricing.MustNew("3000", pricing.CNY)})
	// 60,000 net: 8% of 50,000 + 1.5 × 8% of 10,000 = 4,000 + 1,200.
	fmt.Println(r.NetSales, r.Base.Round(pricing.HalfUp), r.Commission, r.Capped)
	// Output: CNY 60000.00 CNY 4800.00 CNY 5200.00 false
}

func ExampleCommissionPlan_Validate() {
	plan := kpi.CommissionPlan{Currency: pricing.CNY, Method: kpi.Marginal, Tiers: []kpi.CommissionTier{
		{From: d("0"), To: d("50000"), Rate: d("0.05")},
		{From: d("60000"), Rate: d("0.07")},
	}}
	err := plan.Validate()
	fmt.Println(err)
	fmt.Println(errors.Is(err, kpi.ErrInvalidTiers))
	// Output:
	// kpi: commission: tiers[1].from 60000: invalid tier table: gap after the previous tier
	// true
}

func csScheme() kpi.Scheme {
	return kpi.Scheme{Name: "客服日考核", Metrics: []kpi.Metric{
		{ID: "frt", Name: "首次响应时间", Unit: "s", Direction: kpi.LowerIsBetter, Target: 30, Weight: 0.4,
			Curve: kpi.Curve{Kind: kpi.Inverse, Cap: 1.2}},
		{ID: "conv", Name: "询单转化率", Unit: "%", Direction: kpi.HigherIsBetter, Target: 40, Weight: 0.4,
			Curve: kpi.Curve{Kind: kpi.Linear, Cap: 1.2}},
		{ID: "quiz", Name: "每日考试", Direction: kpi.HigherIsBetter, Target: 100, Weight: 0.2,
			Curve: kpi.Curve{Kind: kpi.Threshold}},
	}}
}

// A scorecard says what each metric contributed.
func ExampleScheme_Score() {
	sc, _ := csScheme().Score(kpi.Observation{Person: "amy", Values: map[string]float64{"frt": 40, "conv": 44, "quiz": 100}})
	for _, l := range sc.Lines {
		fmt.Printf("%-4s value %5.1f score %.3f × weight %.1f = %.3f\n", l.MetricID, l.Value, l.Score, l.Weight, l.Points)
	}
	fmt.Printf("total %.3f\n", sc.Total)
	// Output:
	// frt  value  40.0 score 0.750 × weight 0.4 = 0.300
	// conv value  44.0 score 1.100 × weight 0.4 = 0.440
	// quiz value 100.0 score 1.000 × weight 0.2 = 0.200
	// total 0.940
}

// Missing data excluded, weights renormalised over what is present.
func ExampleScheme_Score_missing() {
	s := csScheme()
	s.Missing = kpi.MissingExcluded
	sc, _ := s.Score(kpi.Observation{Person: "bo", Values: map[string]float64{"frt": 30, "conv": 20}})
	fmt.Printf("%.2f %.2f %v %.2f\n", sc.Lines[0].Weight, sc.Lines[1].Weight, sc.Lines[2].Excluded, sc.Total)
	s.Missing = kpi.MissingFails
	_, err := s.Score(kpi.Observation{Person: "bo", Values: map[string]float64{"frt": 30, "conv": 20}})
	fmt.Println(err)
	// Output:
	// 0.50 0.50 true 0.75
	// kpi: scorecard: values["quiz"]: missing data: person bo
}

func ExampleParseScheme() {
	s, err := kpi.ParseScheme([]byte(`{"name":"cs","metrics":[
	  {"id":"frt","direction":"lower","target":30,"weight":0.6,"curve":{"kind":"inverse","cap":1.2}},
	  {"id":"conv","direction":"higher","target":40,"weight":0.4,"curve":{"kind":"linear"}}],
	  "missing":"exclude"}`))
	fmt.Println(s.Name, len(s.Metrics), s.Metrics[0].Direction, s.Missing, err)
	_, err = kpi.ParseScheme([]byte(`{"metrics":[
	  {"id":"frt","direction":"lower","target":30,"weight":0.6,"curve":{"kind":"inverse"}},
	  {"id":"conv","direction":"higher","target":40,"weight":0.3,"curve":{"kind":"linear"}}]}`))
	fmt.Println(err)
	_, err = kpi.ParseScheme([]byte(`{"metrics":[{"id":"a","direction":"higher","target":1,"weight":1,"curve":{"kind":"linear"},"note":"x"}]}`))
	fmt.Println(err)
	// Output:
	// cs 2 lower exclude <nil>
	// kpi: decode scheme: sum of metrics[*].weight 0.8999999999999999: weights do not sum to 1
	// kpi: decode scheme: note: invalid JSON: unknown key
}

func ExampleRollUp() {
	cards, _ := csScheme().ScoreAll([]kpi.Observation{
		{Person: "amy", Values: map[string]float64{"frt": 30, "conv": 40, "quiz": 100}},
		{Person: "bo", Values: map[string]float64{"frt": 60, "conv": 20, "quiz": 0}},
	})
	team, _ := kpi.RollUp("north", cards, kpi.Mean, nil)
	fmt.Printf("%s %d people mean %.2f\n", team.Team, team.People, team.Total)
	for _, m := range team.Metrics {
		fmt.Printf("  %s %.2f\n", m.MetricID, m.Points)
	}
	// Output:
	// north 2 people mean 0.70
	//   frt 0.30
	//   conv 0.30
	//   quiz 0.10
}

func ExampleRank() {
	entries := []kpi.Entry{{ID: "amy", Score: 92}, {ID: "bo", Score: 88}, {ID: "cy", Score: 92}, {ID: "dee", Score: 75}}
	for _, m := range []kpi.RankMethod{kpi.Competition, kpi.Dense} {
		r, _ := kpi.Rank(entries, m)
		fmt.Print(m, ":")
		for _, x := range r {
			fmt.Printf(" %s=%d", x.ID, x.Rank)
		}
		fmt.Println()
	}
	// Output:
	// competition: amy=1 cy=1 bo=3 dee=4
	// dense: amy=1 cy=1 bo=2 dee=3
}

// The quiz red packets of seed-rules PR-22: 2.88 yuan for everyone who
// took the quiz, 6.6 yuan for the first five full scores.
func ExampleRewards() {
	start := time.Date(2026, 2, 9, 9, 30, 0, 0, time.UTC)
	var entries []kpi.Entry
	for i, id := range []string{"p1", "p2", "p3", "p4", "p5", "p6", "p7"} {
		score := 100.0
		if id == "p2" {
			score = 80
		}
		entries = append(entries, kpi.Entry{ID: id, Score: score, At: start.Add(time.Duration(i) * time.Minute)})
	}
	res, _ := kpi.Rewards(entries, []kpi.RewardRule{
		{Name: "答题红包", Kind: kpi.Everyone, Amount: pricing.MustNew("2.88", pricing.CNY)},
		{Name: "满分前5名", Kind: kpi.TopN, N: 5, MinScore: 100, Order: kpi.ByTime, Amount: pricing.MustNew("6.6", pricing.CNY)},
	})
	for _, r := range res.Rules {
		fmt.Printf("%s: %d paid, %s\n", r.Rule, r.Count, r.Amount)
	}
	for _, a := range res.Awards[len(res.Awards)-5:] {
		fmt.Print(a.Person, " ")
	}
	fmt.Println()
	// Output:
	// 答题红包: 7 paid, CNY 20.16
	// 满分前5名: 5 paid, CNY 33.00
	// p1 p3 p4 p5 p6
}

// Working time between two instants, with a holiday and a make-up day.
func ExampleSchedule_Between() {
	sh, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		fmt.Println(err)
		return
	}
	work := []kpi.ClockRange{{Start: kpi.Clock(9, 0), End: kpi.Clock(18, 0)}}
	s, _ := kpi.NewSchedule(kpi.ScheduleSpec{
		Location:   sh,
		Weekly:     kpi.MondayToFriday(work...),
		Holidays:   []kpi.Date{kpi.MustDate(2026, 2, 17)},                          // a Tuesday off
		MakeUpDays: []kpi.DayHours{{Date: kpi.MustDate(2026, 2, 14), Hours: work}}, // 调休 Saturday
	})
	friday := time.Date(2026, 2, 13, 17, 0, 0, 0, sh)
	wednesday := time.Date(2026, 2, 18, 10, 0, 0, 0, sh)
	fmt.Println(s.Between(friday, wednesday)) // 1 + 9 (Sat) + 9 (Mon) + 1
	// Output: 20h0m0s
}

func ExampleServiceMetrics() {
	t := func(h, m, s int) time.Time { return time.Date(2026, 2, 10, h, m, s, 0, time.UTC) }
	msgs := []kpi.Message{
		{Conversation: "c1", Customer: "u1", Role: kpi.RoleCustomer, At: t(10, 0, 0)},
		{Conversation: "c1", Customer: "u1", Role: kpi.RoleSystem, At: t(10, 0, 1)}, // auto-reply: ignored
		{Conversation: "c1", Customer: "u1", Role: kpi.RoleAgent, Agent: "amy", At: t(10, 0, 40)},
		{Conversation: "c1", Customer: "u1", Role: kpi.RoleCustomer, At: t(10, 2, 0)},
		{Conversation: "c1", Customer: "u1", Role: kpi.RoleAgent, Agent: "amy", At: t(10, 6, 0)},
		{Conversation: "c2", Customer: "u2", Role: kpi.RoleCustomer, At: t(10, 1, 0)},
		{Conversation: "c2", Customer: "u2", Role: kpi.RoleAgent, Agent: "amy", At: t(10, 5, 0)},
	}
	orders := []kpi.PaidOrder{
		{Customer: "u1", At: t(11, 0, 0), Amount: pricing.MustNew("128.00", pricing.CNY)},
		{Customer: "u3", At: t(11, 0, 0), Amount: pricing.MustNew("59.00", pricing.CNY)}, // silent order
	}
	rep, _ := kpi.ServiceMetrics(msgs, orders, kpi.ServiceOptions{})
	a := rep.Agents[0]
	fmt.Println("接待人数", a.Reception, "询单人数", a.Inquiries, "下单人数", a.Buyers)
	fmt.Println("first response mean", a.FirstResponse.Mean, "p90", a.FirstResponse.P90)
	fmt.Println("per-turn mean", a.Response.Mean)
	fmt.Printf("3-minute rate %.2f, 询单转化率 %.2f, sales %s, AOV %s, silent %d\n", a.FastShare, a.Conversion, a.Sales, a.AOV, rep.SilentOrder)
	// Output:
	// 接待人数 2 询单人数 2 下单人数 1
	// first response mean 2m20s p90 3m40s
	// per-turn mean 2m53.333333333s
	// 3-minute rate 0.50, 询单转化率 0.50, sales CNY 128.00, AOV CNY 128.00, silent 1
}

func ExampleEffectiveAttendance() {
	loc := time.FixedZone("CST", 8*3600)
	day := kpi.MustDate(2026, 2, 9)
	at := func(h, m int) time.Time { return time.Date(2026, 2, 9, h, m, 0, 0, loc) }
	rep, _ := kpi.EffectiveAttendance([]kpi.AttendanceRecord{
		{Person: "ann", Team: "A", Day: day, SignIn: at(9, 0), Exam: at(9, 40), SignOut: at(10, 30)},
		{Person: "ben", Team: "A", Day: day, SignIn: at(8, 5), Exam: at(9, 50)}, // no sign-out
	}, kpi.Rules5512(loc))
	for _, c := range rep.Checks {
		fmt.Println(c.Person, c.SignIn, c.SignOut, c.Exam, c.Effective)
	}
	fmt.Printf("team %s: %d of %d, %.0f%%\n", rep.Teams[0].Team, rep.Teams[0].Effective, rep.Teams[0].Rostered, rep.Teams[0].Rate*100)
	// Output:
	// ann true true true true
	// ben true false true false
	// team A: 1 of 2, 50%
}

func ExampleEvaluateQuotas() {
	mon := kpi.MustDate(2026, 2, 9)
	var acts []kpi.ActivityRecord
	for i := 0; i < 5; i++ {
		acts = append(acts,
			kpi.ActivityRecord{Person: "amy", Kind: kpi.ActivityOldCall, Day: mon},
			kpi.ActivityRecord{Person: "amy", Kind: kpi.ActivityNewMessage, Day: mon, Replied: true, Interacted: i < 3},
		)
	}
	for i := 0; i < 3; i++ {
		acts = append(acts, kpi.ActivityRecord{Person: "amy", Kind: kpi.ActivityMeeting, Day: mon})
	}
	res, _ := kpi.EvaluateQuotas(kpi.Scheme5512(), []string{"amy"}, mon, mon, acts)
	for _, s := range res[0].Shortfalls {
		fmt.Println(s.Period, s.Start, s.Activity, "missing", s.Missing)
	}
	// Output:
	// daily 2026-02-09 new-message missing 2
	// weekly 2026-02-09 group missing 1
	// weekly 2026-02-09 client-seminar missing 2
}

func ExampleRollingDSR() {
	asOf := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	rep, _ := kpi.RollingDSR([]kpi.Rating{
		{At: asOf.AddDate(0, 0, -1), Description: 5, Service: 5, Shipping: 4},
		{At: asOf.AddDate(0, 0, -30), Description: 4, Service: 5, Shipping: 5},
		{At: asOf.AddDate(0, 0, -200), Description: 1, Service: 1, Shipping: 1}, // outside 180 days
	}, asOf, 180*24*time.Hour, kpi.DSR{Description: 4.8, Service: 4.8, Shipping: 4.8})
	fmt.Printf("描述 %.2f (%+.2f%%) 服务 %.2f (%+.2f%%) 物流 %.2f (%+.2f%%)\n",
		rep.Average.Description, rep.VsIndustry.Description,
		rep.Average.Service, rep.VsIndustry.Service,
		rep.Average.Shipping, rep.VsIndustry.Shipping)
	// Output: 描述 4.50 (-6.25%) 服务 5.00 (+4.17%) 物流 4.50 (-6.25%)
}
