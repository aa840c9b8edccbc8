package funnel_test

import (
	"fmt"
	"time"

	"github.com/opskit/opskit/funnel"
	"github.com/opskit/opskit/pricing"
)

// A retention table read on 20 June at 06:00: PostHog's test_day_interval.
// The cohort of day d shows periods 0..10-d; later periods are pending,
// not zero, and the empty cohorts are present.
func ExampleRetention_asOf() {
	day := func(d, h int) time.Time { return time.Date(2020, 6, 10+d, h, 0, 0, 0, time.UTC) }
	var ev []funnel.Event
	for _, d := range []int{0, 1, 2, 5, 6} {
		ev = append(ev, funnel.Event{Actor: "person1", Time: day(d, 0), Name: "$pageview"})
	}
	for _, d := range []int{1, 2, 3, 6} {
		ev = append(ev, funnel.Event{Actor: "person2", Time: day(d, 0), Name: "$pageview"})
	}
	pv := funnel.Matcher{Event: "$pageview"}
	tab, err := funnel.Retention{Start: pv, Return: pv, Periods: 10, Recurring: true, From: day(0, 0), AsOf: day(10, 6)}.Run(ev)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range tab.Cohorts[:5] {
		fmt.Println(c.Start.Format("Jan 2"), c.Retained, "pending", c.Pending)
	}
	// Output:
	// Jun 10 [1 1 1 0 0 1 1 0 0 0 0] pending 0
	// Jun 11 [2 2 1 0 1 2 0 0 0 0] pending 1
	// Jun 12 [2 1 0 1 2 0 0 0 0] pending 2
	// Jun 13 [1 0 0 1 0 0 0 0] pending 3
	// Jun 14 [0 0 0 0 0 0 0] pending 4
}

// The relative uplift of 25% from 20% to 25% conversion, with its
// delta-method interval and p-value.
func ExampleProportionUplift() {
	u, err := funnel.ProportionUplift(200, 1000, 250, 1000, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("uplift %.1f%%, 95%% interval [%.1f%%, %.1f%%], p = %.4f\n", 100*u.Uplift, 100*u.Interval.Low, 100*u.Interval.High, u.PValue)
	// Output: uplift 25.0%, 95% interval [4.5%, 45.5%], p = 0.0169
}

// RFM scores on three levels (high is 3 only), segments and VIPs by
// cumulative spend. a and c tie on two orders and share F = 2.
func ExampleSegmentation() {
	asOf := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	cny := func(s string) pricing.Money { return pricing.MustNew(s, pricing.CNY) }
	ps := []funnel.Purchase{
		{Customer: "a", Time: asOf.AddDate(0, 0, -2), Amount: cny("600")},
		{Customer: "a", Time: asOf.AddDate(0, 0, -12), Amount: cny("100")},
		{Customer: "b", Time: asOf.AddDate(0, 0, -1), Amount: cny("50")},
		{Customer: "c", Time: asOf.AddDate(0, -2, 0), Amount: cny("2000")},
		{Customer: "c", Time: asOf.AddDate(0, -3, 0), Amount: cny("900")},
	}
	segs, err := funnel.Segmentation{AsOf: asOf, Scores: 3, VIPSpend: cny("1000")}.Run(ps)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range segs {
		fmt.Println(s.Customer, s.Orders, s.Spend, s.R, s.F, s.M, s.Segment, s.Type)
	}
	// Output:
	// a 2 CNY 700.00 2 2 2 lost_low_value returning
	// b 1 CNY 50.00 3 1 1 new_low_value new
	// c 2 CNY 2900.00 1 2 3 lost_high_value vip
}

// Shards by actor, stored in their binary form and merged, give the
// one-pass table.
func ExampleMergeCorrelation() {
	t0 := time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)
	f := funnel.MustNew([]funnel.Matcher{{Event: "start"}, {Event: "signup"}}, time.Hour)
	shard := func(actors ...string) funnel.CorrelationTable {
		var ev []funnel.Event
		for i, a := range actors {
			ev = append(ev, funnel.Event{Actor: a, Time: t0, Name: "start"}, funnel.Event{Actor: a, Time: t0.Add(time.Minute), Name: "watched video"})
			if i%2 == 0 {
				ev = append(ev, funnel.Event{Actor: a, Time: t0.Add(2 * time.Minute), Name: "signup"})
			}
		}
		t, _ := funnel.Correlation{Funnel: f}.Run(ev)
		b, _ := t.MarshalBinary() // stored by a worker
		var back funnel.CorrelationTable
		if err := back.UnmarshalBinary(b); err != nil {
			fmt.Println(err)
		}
		return back
	}
	merged, err := funnel.MergeCorrelation(shard("a", "b", "c"), shard("d", "e"))
	if err != nil {
		fmt.Println(err)
		return
	}
	s, fl := merged.Totals()
	fmt.Println("converted", s, "dropped", fl, merged.Counts())
	// Output: converted 3 dropped 2 [{watched video   3 2}]
}
