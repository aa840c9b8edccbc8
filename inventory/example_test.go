package inventory_test

import (
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/opskit/opskit/inventory"
	"github.com/shopspring/decimal"
)

func ExampleNewDemand() {
	weekly, _ := inventory.NewDemand(14, 0, inventory.Week) // a plain rate: 14 a week
	yearly, _ := weekly.In(inventory.Year)
	fmt.Println(weekly.MeanOver(inventory.Day), weekly.MeanOver(3*inventory.Day), yearly.Mean())
	_, err := inventory.NewDemand(-1, 0, inventory.Day)
	fmt.Println(err)
	// Output:
	// 2 6 730
	// inventory: demand: mean -1: negative
}

func ExampleDemandFromHistory() {
	d, _ := inventory.DemandFromHistory([]float64{10, 12, 14}, inventory.Day)
	fmt.Println(d.Mean(), d.StdDev())
	fmt.Println(d.MeanOver(4*inventory.Day), d.StdDevOver(4*inventory.Day))
	// Output:
	// 12 2
	// 48 4
}

func ExampleNormalQuantile() {
	z, _ := inventory.NormalQuantile(0.95)
	fmt.Println(z)
	_, err := inventory.NormalQuantile(1.2)
	fmt.Println(err)
	// Output:
	// 1.6448536269514722
	// inventory: normal quantile: p 1.2: service level not in (0, 1)
}

func ExampleNormalLoss() {
	fmt.Printf("%.12f\n", inventory.NormalLoss(1.3))
	// Output:
	// 0.045527962087
}

func ExampleNormalLossInverse() {
	k, _ := inventory.NormalLossInverse(0.04552796208651397)
	fmt.Printf("%.6f\n", k)
	// Output: 1.300000
}

// Chopra & Meindl's weekly demand of 2 500 (σ 500), two-week lead time, 90 % cycle service level.
func ExampleCycleServiceSafetyStock() {
	rule, _ := inventory.CycleServiceSafetyStock(0.90)
	weekly := inventory.MustDemand(2500, 500, inventory.Week)
	ss, _ := rule.For(inventory.Exposure{Demand: weekly, Lead: inventory.FixedLeadTime(2 * inventory.Week)})
	fmt.Printf("%s: %.0f\n", rule, ss)
	// Periodic review every 4 weeks protects over R + L = 6 weeks.
	ss, _ = rule.For(inventory.Exposure{Demand: weekly, Lead: inventory.FixedLeadTime(2 * inventory.Week), Review: 4 * inventory.Week})
	fmt.Printf("periodic: %.0f\n", ss)
	// Output:
	// cycle service level 90%: 906
	// periodic: 1570
}

func ExampleCycleServiceLeadTimeSafetyStock() {
	rule, _ := inventory.CycleServiceLeadTimeSafetyStock(0.90)
	daily := inventory.MustDemand(2500, 500, inventory.Day)
	lead := inventory.MustLeadTime(7*inventory.Day, 7*inventory.Day)
	ss, _ := rule.For(inventory.Exposure{Demand: daily, Lead: lead})
	fmt.Printf("%.0f\n", ss)
	// Output: 22491
}

func ExampleFillRateSafetyStock() {
	rule, _ := inventory.FillRateSafetyStock(0.9975)
	ss, _ := rule.For(inventory.Exposure{
		Demand:   inventory.MustDemand(2500, 500, inventory.Week),
		Lead:     inventory.FixedLeadTime(2 * inventory.Week),
		OrderQty: 10000,
	})
	fmt.Printf("%.0f\n", ss)
	// Output: 1002
}

// INV-04: keep 30 units of each hero item.
func ExampleFixedSafetyStock() {
	hero, _ := inventory.FixedSafetyStock(30)
	ss, _ := hero.For(inventory.Exposure{Demand: inventory.MustDemand(20, 5, inventory.Day)})
	fmt.Println(hero, ss)
	// Output: fixed 30 units 30
}

func ExampleCoverSafetyStock() {
	rule, _ := inventory.CoverSafetyStock(3 * inventory.Day)
	ss, _ := rule.For(inventory.Exposure{Demand: inventory.MustDemand(70, 0, inventory.Week)})
	fmt.Println(rule, ss)
	// Output: 3 days of cover 30
}

func ExampleReorderPoint() {
	rop, _ := inventory.ReorderPoint(inventory.MustDemand(10, 3, inventory.Day), inventory.FixedLeadTime(5*inventory.Day), 20)
	fmt.Println(rop)
	// Output: 70
}

// INV-01: the warning line fires when stock is strictly below it; the default fires at it too.
func ExampleTrigger_Fires() {
	fmt.Println(inventory.StrictlyBelow.Fires(30, 30), inventory.StrictlyBelow.Fires(29, 30))
	fmt.Println(inventory.AtOrBelow.Fires(30, 30))
	// Output:
	// false true
	// true
}

func ExamplePolicy_Need() {
	sq, _ := inventory.NewSQPolicy(40, 100)
	ss, _ := inventory.NewSSPolicy(40, 150)
	rs, _ := inventory.NewRSPolicy(inventory.Week, 150)
	mm, _ := inventory.NewMinMaxPolicy(40, 150)
	rq, _ := inventory.NewRQPolicy(40, 1000, 10, 0.5)
	for _, p := range []inventory.Policy{sq, ss, rs, mm, rq} {
		need, _ := p.Need(35, inventory.AtOrBelow)
		fmt.Printf("%s: need %g\n", p, need)
	}
	// Output:
	// (s, Q) s=40 Q=100: need 100
	// (s, S) s=40 S=150: need 115
	// (R, S) R=168h0m0s S=150: need 115
	// min/max min=40 max=150: need 115
	// (r, Q) with EOQ s=40 Q=200: need 200
}

// Heizer & Render's Sharp, Inc.: D = 1 000, K = 10, h = 0.50.
func ExampleEOQ() {
	q, _ := inventory.EOQ(1000, 10, 0.5)
	cost, _ := inventory.EOQCost(1000, 10, 0.5, q)
	fmt.Println(q, cost)
	// Output: 200 100
}

// Heizer & Render's Wohl's Discount Store: all-units discounts at 1 000 and 2 000 units.
func ExampleEOQWithPriceBreaks() {
	plan, _ := inventory.EOQWithPriceBreaks(5000, 49, 0.2, []inventory.PriceBreak{
		{MinQty: 0, UnitPrice: 5.00}, {MinQty: 1000, UnitPrice: 4.80}, {MinQty: 2000, UnitPrice: 4.75},
	})
	for _, o := range plan.Offers {
		fmt.Printf("from %4.0f at %.2f: EOQ %3.0f → order %4.0f, cost %.2f\n", o.Break.MinQty, o.Break.UnitPrice, o.EOQ, o.Qty, o.Cost)
	}
	fmt.Printf("best: %.0f\n", plan.Best.Qty)
	// Output:
	// from    0 at 5.00: EOQ 700 → order  700, cost 25700.00
	// from 1000 at 4.80: EOQ 714 → order 1000, cost 24725.00
	// from 2000 at 4.75: EOQ 718 → order 2000, cost 24822.50
	// best: 1000
}

// stockpyl's README example: overage 2, underage 18, demand N(120, 10²).
func ExampleNewsvendor_Normal() {
	n, _ := inventory.NewNewsvendor(2, 18)
	r, _ := n.Normal(120, 10)
	fmt.Printf("ratio %.2f, buy %.4f, expected cost %.4f\n", r.CriticalRatio, r.Qty, r.ExpectedCost)
	// Output: ratio 0.90, buy 132.8155, expected cost 35.0997
}

func ExampleNewsvendor_Poisson() {
	n, _ := inventory.NewNewsvendor(0.18, 0.70)
	r, _ := n.Poisson(50)
	fmt.Println(r.Qty)
	// Output: 56
}

// A 双11 buy: bought at 60, sold at 100, cleared at 30 after the event.
func ExampleNewsvendorFromPrices() {
	n, _ := inventory.NewsvendorFromPrices(100, 60, 30)
	r, _ := n.Normal(500, 120)
	event := time.Date(2025, 11, 11, 0, 0, 0, 0, time.UTC)
	fmt.Printf("ratio %.4f, buy %.0f, decide by %s\n", r.CriticalRatio, r.Qty, inventory.EventOrderDeadline(event).Format("2006-01-02"))
	// Output: ratio 0.5714, buy 522, decide by 2025-11-04
}

func ExampleStock_Position() {
	s := inventory.Stock{OnHand: 50, Held: 5, OnOrder: 40, Backorders: 3, Reserved: 12}
	position, _ := s.Position()
	available, _ := s.Available()
	fmt.Println(position, available)
	_, err := inventory.Stock{Backorders: math.MaxInt64, Reserved: 10}.Position()
	fmt.Println(err)
	// Output:
	// 70 30
	// inventory: position: backorders 9223372036854775807: beyond limits: at most 1e15 units
}

// INV-07: presold group-buy stock is reserved; an unpaid order frees its stock when it expires.
func ExampleReservedAt() {
	now := time.Date(2025, 6, 1, 10, 0, 0, 0, time.UTC)
	rs := []inventory.Reservation{
		{Kind: inventory.GroupBuy, Qty: 20},
		{Kind: inventory.UnpaidOrder, Qty: 2, ExpiresAt: now.Add(30 * time.Minute)},
	}
	before, _ := inventory.ReservedAt(rs, now)
	after, _ := inventory.ReservedAt(rs, now.Add(30*time.Minute))
	fmt.Println(before, after)
	// Output: 22 20
}

func ExampleNewATP() {
	now := time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)
	atp, _ := inventory.NewATP(
		inventory.Stock{OnHand: 30, Held: 4},
		[]inventory.Reservation{{Kind: inventory.Presale, Qty: 40}},
		[]inventory.Receipt{{Qty: 50, ETA: now.Add(5 * inventory.Day)}, {Qty: 20, ETA: now.Add(2 * inventory.Day)}},
		now)
	for _, p := range atp.Points() {
		fmt.Println(p.Date.Format("Jan 2"), p.Qty)
	}
	when, _ := atp.Earliest(30)
	fmt.Println("promise 30 on", when.Format("Jan 2"), "- promisable on Jun 4:", atp.At(now.Add(3*inventory.Day)))
	// Output:
	// Jun 1 -14
	// Jun 3 6
	// Jun 6 56
	// promise 30 on Jun 6 - promisable on Jun 4: 6
}

func ExampleShaping_Shape() {
	s, _ := inventory.NewShaping(20, 12, 48) // MOQ 20, packs of 12, at most 48
	for _, need := range []float64{0.3, 12.3, 100} {
		r, _ := s.Shape(need)
		fmt.Println(r)
	}
	_, err := inventory.NewShaping(20, 1, 10)
	fmt.Println(err)
	// Output:
	// need 0.3 → 1 units → MOQ 20 → pack multiple 24 → order 24
	// need 12.3 → 13 units → MOQ 20 → pack multiple 24 → order 24
	// need 100 → pack multiple 108 → cap 48 → order 48
	// inventory: shaping: cap 10: cap below the smallest allowed order: smallest order 20 (moq 20, pack 1)
}

func ExamplePlanner_Suggest() {
	csl, _ := inventory.CycleServiceSafetyStock(0.95)
	planner, _ := inventory.NewPlanner(inventory.PlanConfig{
		Policy: inventory.PolicySS, SafetyStock: csl, OrderCover: 14 * inventory.Day,
	})
	now := time.Date(2025, 6, 1, 8, 0, 0, 0, time.UTC)
	s, _ := planner.Suggest(inventory.Item{
		ID:      "tea-500g",
		Stock:   inventory.Stock{OnHand: 60, Reserved: 5},
		Demand:  inventory.MustDemand(10, 3, inventory.Day),
		Lead:    inventory.FixedLeadTime(5 * inventory.Day),
		Shaping: inventory.MustShaping(24, 12, 0),
	}, now)
	fmt.Println(s)
	// Output:
	// tea-500g: at or below reorder point, order 156, cover 5.5 days, stockout 2025-06-06 20:00, order by 2025-06-01 20:00
	// rule: reorder: position 55 ≤ reorder point 61.03
	// demand 10/day (σ 3), lead time 5 days (σ 0)
	// safety stock 11.03 (cycle service level 95%: z 1.64 × σ 3 × √5 days)
	// reorder point 61.03 = 10/day × 5 days + 11.03
	// policy (s, S): s 61.03, S 201.03 = s + 140 (order cover)
	// stock: on hand 60 (held 0), on order 0, backorders 0, reserved 5 → position 55, available 55
	// order: need 146.03 → 147 units → pack multiple 156 → order 156
}

func ExamplePlanner_SuggestBatch() {
	csl, _ := inventory.CycleServiceSafetyStock(0.95)
	planner, _ := inventory.NewPlanner(inventory.PlanConfig{Policy: inventory.PolicySS, SafetyStock: csl, OrderCover: 7 * inventory.Day})
	now := time.Date(2025, 6, 1, 8, 0, 0, 0, time.UTC)
	items := []inventory.Item{
		{ID: "a", Stock: inventory.Stock{OnHand: 5}, Demand: inventory.MustDemand(4, 1, inventory.Day), Lead: inventory.FixedLeadTime(2 * inventory.Day)},
		{ID: "b", Stock: inventory.Stock{OnHand: 80}, Demand: inventory.MustDemand(4, 1, inventory.Day), Lead: inventory.FixedLeadTime(2 * inventory.Day)},
		{ID: "c", Stock: inventory.Stock{OnHand: -1}, Demand: inventory.MustDemand(4, 1, inventory.Day)},
	}
	out := make([]inventory.Suggestion, len(items)) // reuse between runs: no allocation per SKU
	invalid, err := planner.SuggestBatch(items, now, out)
	for _, s := range out {
		fmt.Println(s.ID, s.Status, s.Qty)
	}
	fmt.Println(invalid, err)
	// Output:
	// a at or below reorder point 34
	// b healthy 0
	// c invalid 0
	// 1 inventory: suggest batch: items[2].stock.on_hand -1: negative: item "c"
}

// INV-08: restock a distributed style only when all four conditions hold.
func ExampleRestockRule_Evaluate() {
	now := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	d, _ := inventory.DefaultRestockRule().Evaluate(inventory.RestockInput{
		DailySales:      []float64{22, 21, 23, 24, 26, 25, 27},
		At:              now,
		SeasonEnd:       time.Date(2025, 5, 31, 0, 0, 0, 0, time.UTC),
		ProjectedProfit: 1200, Investment: 8000,
	})
	fmt.Println(d.Restock)
	for _, c := range d.Conditions {
		fmt.Printf("%-28s %6.3f ≥ %g: %v\n", c.Name, c.Value, c.Threshold, c.Pass)
	}
	// Output:
	// true
	// stable daily sales (minimum) 21.000 ≥ 20: true
	// days to season end           30.000 ≥ 30: true
	// sales trend (slope per day)   0.929 ≥ 0: true
	// projected ROI                 0.150 ≥ 0: true
}

func ExampleABC() {
	items := []inventory.ABCItem{
		{ID: "tea", Value: decimal.NewFromInt(500)}, {ID: "cups", Value: decimal.NewFromInt(300)},
		{ID: "kettle", Value: decimal.NewFromInt(120)}, {ID: "spoon", Value: decimal.NewFromInt(50)},
		{ID: "tray", Value: decimal.NewFromInt(30)},
	}
	rs, _ := inventory.ABC(items, inventory.DefaultABCCuts())
	for _, r := range rs {
		fmt.Println(r.Rank, r.ID, r.Class, r.CumulativeShare.StringFixed(2))
	}
	// Output:
	// 1 tea A 0.50
	// 2 cups A 0.80
	// 3 kettle B 0.92
	// 4 spoon B 0.97
	// 5 tray C 1.00
}

func ExampleXYZ() {
	c, cv, _ := inventory.XYZ([]float64{10, 12, 14}, inventory.DefaultXYZCuts())
	fmt.Printf("%s %.3f\n", c, cv)
	// Output: X 0.167
}

func ExampleABCXYZ() {
	items := []inventory.ABCXYZItem{
		{ID: "hero", Value: decimal.NewFromInt(800), History: []float64{20, 22, 21, 19}},
		{ID: "gift", Value: decimal.NewFromInt(150), History: []float64{0, 12, 0, 12}},
		{ID: "tail", Value: decimal.NewFromInt(50), History: []float64{0, 0, 9, 0}},
	}
	rs, m, _ := inventory.ABCXYZ(items, inventory.DefaultABCCuts(), inventory.DefaultXYZCuts())
	for _, r := range rs {
		fmt.Printf("%s %s%s\n", r.ID, r.Class, r.XYZ)
	}
	fmt.Println("AX:", m.Count(inventory.ClassA, inventory.ClassX))
	// Output:
	// hero AX
	// gift BZ
	// tail CZ
	// AX: 1
}

func ExampleTurnover() {
	avg, _ := inventory.AverageInventory([]float64{250000, 350000})
	turns, _ := inventory.Turnover(1200000, avg)
	doi, _ := inventory.DaysOfInventory(1200000, avg, inventory.Year)
	fmt.Println(turns, doi)
	// Output: 4 91.25
}

func ExampleActiveRate() {
	r, _ := inventory.ActiveRate([]float64{0, 5, 1, 0, 12}) // units sold per SKU this month
	fmt.Println(r)
	// Output: 0.6
}

func ExampleSellThrough() {
	st, _ := inventory.SellThrough(60, 80, 20)
	fmt.Println(st)
	// Output: 0.6
}

func ExampleGMROI() {
	g, _ := inventory.GMROI(90000, 30000)
	s, _ := inventory.StockToSales(400000, 100000)
	fmt.Println(g, s)
	// Output: 3 4
}

func ExampleNewSES() {
	f, _ := inventory.NewSES(0.25)
	next, _ := f.Forecast([]float64{10, 12, 14, 16}, 1)
	fmt.Println(f, next)
	// Output: SES(α=0.25) 12.53125
}

func ExampleNewHolt() {
	f, _ := inventory.NewHolt(0.5, 0.3)
	in3, _ := f.Forecast([]float64{10, 12, 14, 16}, 3)
	fmt.Println(in3)
	// Output: 22
}

func ExampleNewSMA() {
	sma, _ := inventory.NewSMA(3)
	wma, _ := inventory.NewWMA([]float64{1, 2, 3})
	a, _ := sma.Forecast([]float64{10, 12, 14, 16}, 1)
	b, _ := wma.Forecast([]float64{10, 12, 14, 16}, 1)
	fmt.Printf("%g %.4f\n", a, b)
	// Output: 14 14.6667
}

func ExampleNewCroston() {
	y := []float64{0, 0, 3, 0, 5}
	for _, f := range []inventory.Forecaster{
		func() inventory.Forecaster { f, _ := inventory.NewCroston(0.1); return f }(),
		func() inventory.Forecaster { f, _ := inventory.NewSBA(0.1); return f }(),
		func() inventory.Forecaster { f, _ := inventory.NewTSB(0.1, 0.2); return f }(),
	} {
		v, _ := f.Forecast(y, 1)
		fmt.Printf("%s %.4f\n", f, v)
	}
	// Output:
	// Croston(α=0.1) 1.1034
	// SBA(α=0.1) 1.0483
	// TSB(α=0.1, β=0.2) 1.3227
}

func ExampleForecaster_Fitted() {
	f, _ := inventory.NewSES(0.5)
	y := []float64{4, 8, 6, 6}
	fitted := make([]float64, len(y))
	_ = f.Fitted(y, fitted)
	mae, _ := inventory.MAE(y[1:], fitted[1:])
	fmt.Println(fitted, mae)
	// Output: [4 4 6 6] 1.3333333333333333
}

func ExampleClassifyDemand() {
	p, _ := inventory.ClassifyDemand([]float64{0, 5, 0, 5, 0, 6})
	fmt.Printf("%s ADI %.2f CV² %.4f → %s\n", p.Class, p.ADI, p.CV2, inventory.DefaultForecaster(p.Class))
	// Output: intermittent ADI 2.00 CV² 0.0117 → SBA(α=0.1)
}

func ExampleMASE() {
	actual := []float64{10, 20, 30, 40}
	forecast := []float64{12, 18, 33, 40}
	mae, _ := inventory.MAE(actual, forecast)
	rmse, _ := inventory.RMSE(actual, forecast)
	bias, _ := inventory.Bias(actual, forecast)
	mape, _ := inventory.MAPE(actual, forecast)
	mase, _ := inventory.MASE(actual, forecast, []float64{1, 3, 2, 6})
	fmt.Printf("MAE %.2f RMSE %.3f bias %.2f MAPE %.2f MASE %.2f\n", mae, rmse, bias, mape, mase)
	_, err := inventory.MAPE([]float64{5, 0}, []float64{1, 1})
	fmt.Println(err)
	// Output:
	// MAE 1.75 RMSE 2.062 bias 0.75 MAPE 0.10 MASE 0.75
	// inventory: mape: actual[1] 0: zero actual value
}

// A SKU with stock and no demand never runs out: its days of cover are +Inf, written as null.
func ExampleSuggestion_MarshalJSON() {
	csl, _ := inventory.CycleServiceSafetyStock(0.95)
	planner, _ := inventory.NewPlanner(inventory.PlanConfig{Policy: inventory.PolicySS, SafetyStock: csl, OrderCover: 7 * inventory.Day})
	s, _ := planner.Suggest(inventory.Item{
		ID:     "umbrella",
		Stock:  inventory.Stock{OnHand: 12},
		Demand: inventory.MustDemand(0, 0, inventory.Day),
		Lead:   inventory.FixedLeadTime(3 * inventory.Day),
	}, time.Date(2025, 6, 1, 8, 0, 0, 0, time.UTC))
	b, _ := json.Marshal(s)
	fmt.Println(string(b)[:97])
	// Output: {"id":"umbrella","status":"healthy","qty":0,"days_of_cover":null,"why":{"rule":"healthy","policy"
}
