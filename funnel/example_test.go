package funnel_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/opskit/opskit/funnel"
	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
)

var morning = time.Date(2024, 3, 1, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))

func at(minutes int) time.Time { return morning.Add(time.Duration(minutes) * time.Minute) }

// A store's app funnel for one morning: 浏览 -> 加购 -> 支付 within 30
// minutes.
func Example() {
	f := funnel.MustNew([]funnel.Matcher{
		{Name: "浏览 view", Event: "view"},
		{Name: "加购 cart", Event: "cart"},
		{Name: "支付 pay", Event: "pay"},
	}, 30*time.Minute)
	events := []funnel.Event{
		{Actor: "m1", Time: at(0), Name: "view"}, {Actor: "m1", Time: at(4), Name: "cart"}, {Actor: "m1", Time: at(9), Name: "pay"},
		{Actor: "m2", Time: at(1), Name: "view"}, {Actor: "m2", Time: at(3), Name: "cart"},
		{Actor: "m3", Time: at(2), Name: "view"}, {Actor: "m3", Time: at(50), Name: "cart"},
		{Actor: "m4", Time: at(5), Name: "view"}, {Actor: "m4", Time: at(6), Name: "cart"}, {Actor: "m4", Time: at(20), Name: "pay"},
	}
	r, err := f.Run(events)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range r.Steps() {
		fmt.Printf("%s: %d, from first %.0f%%, drop-off %d, median %s\n", s.Name, s.Count, 100*s.FromFirst, s.DropOff, s.Time.Median)
	}
	fmt.Println("overall median", r.Overall().Median)
	// Output:
	// 浏览 view: 4, from first 100%, drop-off 0, median 0s
	// 加购 cart: 3, from first 75%, drop-off 1, median 2m0s
	// 支付 pay: 2, from first 50%, drop-off 1, median 9m30s
	// overall median 12m0s
}

// The columnar fast path: intern actors, code the steps, sort, run.
func ExampleFunnel_RunColumns() {
	f := funnel.MustNew([]funnel.Matcher{{Event: "view"}, {Event: "cart"}, {Event: "pay"}}, time.Hour)
	var actors funnel.Interner
	c := funnel.Columns{Unit: time.Second}
	add := func(actor string, sec int64, code uint8) {
		c.Actors = append(c.Actors, actors.Intern(actor))
		c.Times = append(c.Times, sec)
		c.Codes = append(c.Codes, code) // 0 other, 1 view, 2 cart, 3 pay
	}
	add("a", 30, 2)
	add("b", 0, 1)
	add("a", 10, 1)
	add("a", 50, 3)
	add("b", 5, 0)
	r, err := f.RunColumns(funnel.SortColumns(c))
	fmt.Println(r.Counts(), err)
	// Output: [2 1 1] <nil>
}

// Shards by actor merge into the one-pass result.
func ExampleMerge() {
	f := funnel.MustNew([]funnel.Matcher{{Event: "view"}, {Event: "pay"}}, time.Hour)
	east, _ := f.Run([]funnel.Event{{Actor: "a", Time: at(0), Name: "view"}, {Actor: "a", Time: at(5), Name: "pay"}})
	west, _ := f.Run([]funnel.Event{{Actor: "b", Time: at(0), Name: "view"}, {Actor: "b", Time: at(15), Name: "pay"}})
	all, err := funnel.Merge(east, west)
	fmt.Println(all.Counts(), all.Steps()[1].Time.Median, err)
	// Output: [2 2] 10m0s <nil>
}

// A shard stores its result as JSON; another process decodes it and
// merges it with its own.
func ExampleResult_UnmarshalJSON() {
	f := funnel.MustNew([]funnel.Matcher{{Event: "view"}, {Event: "pay"}}, time.Hour)
	east, _ := f.Run([]funnel.Event{{Actor: "a", Time: at(0), Name: "view"}, {Actor: "a", Time: at(5), Name: "pay"}})
	stored, _ := json.Marshal(east)
	var back funnel.Result
	err := json.Unmarshal(stored, &back)
	west, _ := f.Run([]funnel.Event{{Actor: "b", Time: at(0), Name: "view"}, {Actor: "b", Time: at(15), Name: "pay"}})
	all, err2 := funnel.Merge(back, west)
	fmt.Println(all.Counts(), all.Steps()[1].Time.Median, err, err2)
	fmt.Println(string(stored[:60]))
	// Output:
	// [2 2] 10m0s <nil> <nil>
	// {"funnel":{"steps":["view","pay"],"window":"1h0m0s","unit":"
}

// WE-2: the February plan states 3,300-6,000 a day, but 1,500-2,000 UV at 3%
// and 110 yuan gives 4,950-6,600.
func ExampleCheckPlan() {
	plan := funnel.StatedPlan{
		Plan: funnel.Plan{UVLow: 1500, UVHigh: 2000, CR: decimal.RequireFromString("0.03"),
			AOV: pricing.MustNew("110", pricing.CNY), Days: 30},
		DailyLow:  pricing.MustNew("3300", pricing.CNY),
		DailyHigh: pricing.MustNew("6000", pricing.CNY),
	}
	findings, err := funnel.CheckPlan(plan, decimal.RequireFromString("0.02"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range findings {
		fmt.Printf("%s stated %s expected %s deviation %s ok %t\n", f.Field, f.Stated.StringAmount(), f.Expected.StringAmount(), f.Deviation, f.OK)
	}
	// Output:
	// daily_low stated 3300.00 expected 4950.00 deviation -0.3333 ok false
	// daily_high stated 6000.00 expected 6600.00 deviation -0.0909 ok false
}

// Which of traffic, conversion and order value moved the day's sales.
func ExampleDecompose() {
	d, err := funnel.Decompose(
		funnel.GMVFactors{UV: 1000, CR: decimal.RequireFromString("0.03"), AOV: pricing.MustNew("100", pricing.CNY)},
		funnel.GMVFactors{UV: 1200, CR: decimal.RequireFromString("0.025"), AOV: pricing.MustNew("110", pricing.CNY)},
	)
	fmt.Println(d.Before, "->", d.After, "change", d.Change, err)
	fmt.Println("UV", d.UV, "CR", d.CR, "AOV", d.AOV)
	// Output:
	// CNY 3000.00 -> CNY 3300.00 change CNY 300.00 <nil>
	// UV CNY 573.88 CR CNY -573.88 AOV CNY 300.00
}

// WE-9: 82 orders from 4,747 visits.
func ExampleWilson() {
	iv, err := funnel.Wilson(82, 4747, 0.95)
	fmt.Printf("%.3f%% to %.3f%% %v\n", 100*iv.Low, 100*iv.High, err)
	// Output: 1.394% to 2.139% <nil>
}

// An A/B comparison of two product pages.
func ExampleTwoProportionZTest() {
	z, _ := funnel.TwoProportionZTest(200, 1000, 250, 1000)
	diff, _ := funnel.DiffInterval(200, 1000, 250, 1000, 0.95)
	up, _ := funnel.Uplift(200, 1000, 250, 1000)
	pb, _ := funnel.ProbBBeatsA(200, 1000, 250, 1000)
	fmt.Printf("z %.3f p %.4f\n", z.Z, z.PValue)
	fmt.Printf("difference %.4f to %.4f, uplift %.0f%%, P(B beats A) %.4f\n", diff.Low, diff.High, 100*up, pb)
	// Output:
	// z 2.677 p 0.0074
	// difference 0.0134 to 0.0864, uplift 25%, P(B beats A) 0.9963
}

func ExampleSampleSize() {
	n, err := funnel.SampleSize(0.10, 0.02, 0.05, 0.8)
	fmt.Println(n, err)
	// Output: 3841 <nil>
}

func ExampleRetention_Run() {
	day := func(d int) time.Time { return time.Date(2024, 3, d, 10, 0, 0, 0, time.UTC) }
	r := funnel.Retention{Start: funnel.Matcher{Event: "signup"}, Return: funnel.Matcher{Event: "pay"}, Periods: 2}
	t, err := r.Run([]funnel.Event{
		{Actor: "a", Time: day(1), Name: "signup"}, {Actor: "a", Time: day(2), Name: "pay"},
		{Actor: "b", Time: day(1), Name: "signup"}, {Actor: "b", Time: day(3), Name: "pay"},
		{Actor: "c", Time: day(2), Name: "signup"},
	})
	for _, c := range t.Cohorts {
		fmt.Println(c.Start.Format("Jan 2"), c.Retained, fmt.Sprintf("%.0f%%", 100*c.Rate(1)))
	}
	fmt.Println(err)
	// Output:
	// Mar 1 [2 1 1] 50%
	// Mar 2 [1 0 0] 0%
	// <nil>
}

// The four user stages (咨询 -> 购买 -> 复买 -> 忠诚), loyal meaning three
// orders within 90 days.
func ExampleStages_On() {
	s := funnel.Stages{Consult: funnel.Matcher{Event: "ask"}, Order: funnel.Matcher{Event: "order"},
		LoyalOrders: 3, LoyalWindow: 90 * 24 * time.Hour}
	day := func(d int) time.Time { return time.Date(2024, 3, d, 10, 0, 0, 0, time.UTC) }
	c, err := s.On([]funnel.Event{
		{Actor: "a", Time: day(1), Name: "ask"},
		{Actor: "b", Time: day(1), Name: "order"},
		{Actor: "c", Time: day(1), Name: "order"}, {Actor: "c", Time: day(5), Name: "order"},
		{Actor: "d", Time: day(1), Name: "order"}, {Actor: "d", Time: day(2), Name: "order"}, {Actor: "d", Time: day(3), Name: "order"},
	}, day(10))
	for st := funnel.StageConsult; st <= funnel.StageLoyal; st++ {
		fmt.Println(st, c[st])
	}
	fmt.Println(err)
	// Output:
	// consult 1
	// buyer 1
	// repeat 1
	// loyal 1
	// <nil>
}

// F-05: bounce rate must be lower than average, not greater.
func ExamplePopularItem() {
	pass, checks, _ := funnel.PopularItem(
		funnel.ItemMetrics{Conversion: 0.031, Bounce: 0.40, Favourites: 180, Rating: 4.8},
		funnel.ItemMetrics{Conversion: 0.020, Bounce: 0.50, Favourites: 120, Rating: 4.7},
	)
	for _, c := range checks {
		fmt.Println(c.Metric, c.Better)
	}
	fmt.Println("popular:", pass)
	// Output:
	// conversion true
	// bounce true
	// favourites true
	// rating true
	// popular: true
}

// WE-1: 600 visitors a day at 3% and 101 yuan.
func ExampleSales() {
	gmv, err := funnel.Sales(600, decimal.RequireFromString("0.03"), pricing.MustNew("101", pricing.CNY))
	fmt.Println(gmv, err)
	// Output: CNY 1818.00 <nil>
}

// WE-3 reversed: the visitors needed for 9,000 yuan a day at 3% and 120.
func ExampleRequiredUV() {
	uv, err := funnel.RequiredUV(pricing.MustNew("9000", pricing.CNY), decimal.RequireFromString("0.03"), pricing.MustNew("120", pricing.CNY))
	fmt.Println(uv, err)
	// Output: 2500 <nil>
}

// WE-3: the March plan, daily and over a 30-day month.
func ExamplePlan_Project() {
	p, err := funnel.Plan{UVLow: 2500, UVHigh: 3000, CR: decimal.RequireFromString("0.03"),
		AOV: pricing.MustNew("120", pricing.CNY), Days: 30}.Project()
	fmt.Println("orders", p.OrdersLow, "-", p.OrdersHigh)
	fmt.Println("daily", p.DailyLow, "-", p.DailyHigh)
	fmt.Println("monthly", p.MonthlyLow, "-", p.MonthlyHigh, err)
	// Output:
	// orders 75 - 90
	// daily CNY 9000.00 - CNY 10800.00
	// monthly CNY 270000.00 - CNY 324000.00 <nil>
}

// Encode turns events into columns for repeated fast runs: encoded per
// event name, they serve every funnel over the same names.
func ExampleFunnel_Encode() {
	f := funnel.MustNew([]funnel.Matcher{{Event: "view"}, {Event: "pay"}}, time.Hour)
	c, actors, _, err := f.Encode([]funnel.Event{
		{Actor: "b", Time: at(3), Name: "pay"},
		{Actor: "a", Time: at(0), Name: "view"},
		{Actor: "b", Time: at(1), Name: "view"},
	})
	fmt.Println(actors, c.Actors, c.Events, c.Names, err)
	r, _ := f.RunColumns(c)
	fmt.Println(r.Counts())
	g := funnel.MustNew([]funnel.Matcher{{Event: "pay"}}, time.Hour)
	r, _ = g.RunColumns(c)
	fmt.Println(r.Counts())
	// Output:
	// [b a] [0 0 1] [1 0 1] [pay view] <nil>
	// [2 1]
	// [1]
}

func ExampleInterner() {
	var in funnel.Interner
	fmt.Println(in.Intern("member-7"), in.Intern("member-3"), in.Intern("member-7"))
	fmt.Println(in.Names())
	// Output:
	// 0 1 0
	// [member-7 member-3]
}

func ExampleLifecycle_Run() {
	day := func(d int) time.Time { return time.Date(2024, 3, d, 10, 0, 0, 0, time.UTC) }
	periods, err := funnel.Lifecycle{Active: funnel.Matcher{Event: "open"}}.Run([]funnel.Event{
		{Actor: "a", Time: day(1), Name: "open"}, {Actor: "a", Time: day(2), Name: "open"}, {Actor: "a", Time: day(4), Name: "open"},
		{Actor: "b", Time: day(2), Name: "open"},
	})
	for _, p := range periods {
		fmt.Printf("%s new %d returning %d resurrecting %d dormant %d\n", p.Start.Format("Jan 2"), p.New, p.Returning, p.Resurrecting, p.Dormant)
	}
	fmt.Println(err)
	// Output:
	// Mar 1 new 1 returning 0 resurrecting 0 dormant 0
	// Mar 2 new 1 returning 1 resurrecting 0 dormant 0
	// Mar 3 new 0 returning 0 resurrecting 0 dormant 2
	// Mar 4 new 0 returning 0 resurrecting 1 dormant 0
	// <nil>
}

func ExampleRepurchase_Run() {
	day := func(d int) time.Time { return time.Date(2024, 3, d, 10, 0, 0, 0, time.UTC) }
	rep, err := funnel.Repurchase{Purchase: funnel.Matcher{Event: "pay"}, From: day(1), To: day(31)}.Run([]funnel.Event{
		{Actor: "a", Time: day(1), Name: "pay"}, {Actor: "a", Time: day(8), Name: "pay"},
		{Actor: "b", Time: day(2), Name: "pay"},
		{Actor: "c", Time: day(3), Name: "pay"}, {Actor: "c", Time: day(4), Name: "pay"},
	})
	fmt.Printf("%d of %d repurchased (%.0f%%), median interval %s, %v\n", rep.Repeaters, rep.Customers, 100*rep.Rate, rep.Interval.Median, err)
	// Output: 2 of 3 repurchased (67%), median interval 96h0m0s, <nil>
}

// How actors moved between the four stages over a week.
func ExampleStages_Between() {
	s := funnel.Stages{Consult: funnel.Matcher{Event: "ask"}, Order: funnel.Matcher{Event: "order"},
		LoyalOrders: 3, LoyalWindow: 90 * 24 * time.Hour}
	day := func(d int) time.Time { return time.Date(2024, 3, d, 10, 0, 0, 0, time.UTC) }
	tr, err := s.Between([]funnel.Event{
		{Actor: "a", Time: day(1), Name: "ask"}, {Actor: "a", Time: day(5), Name: "order"},
		{Actor: "b", Time: day(1), Name: "ask"},
	}, day(2), day(9))
	fmt.Println("consult -> buyer", tr[funnel.StageConsult][funnel.StageBuyer], "rate", tr.Rate(funnel.StageConsult, funnel.StageBuyer), err)
	// Output: consult -> buyer 1 rate 0.5 <nil>
}
