package inventory

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustPolicy(p Policy, err error) Policy {
	if err != nil {
		panic(err)
	}
	return p
}

func runOne(t *testing.T, sk BacktestSKU, unmet Unmet) BacktestResult {
	t.Helper()
	out := make([]BacktestResult, 1)
	total, err := Backtest([]BacktestSKU{sk}, unmet, out)
	require.NoError(t, err)
	r := out[0]
	tt := r
	tt.ID = "total"
	assert.Equal(t, tt, total, "the total of one SKU is the SKU")
	return r
}

// Min/max s = 5, S = 10, lead 2 days, 10 on hand, 3 a day for 6 days. By hand (end-of-day on hand,
// position, order): day 0: 7, no order; day 1: 4 ≤ 5, order 6 (due day 3); day 2: 1, position 7;
// day 3: receive 6 → 7, serve → 4, order 6 (due day 5); day 4: 1; day 5: receive → 7, serve → 4,
// order 6 (due day 7, after the history). On hand sums to 7+4+1+4+1+4 = 21.
func TestBacktestMinMaxByHand(t *testing.T) {
	r := runOne(t, BacktestSKU{
		ID: "m", Policy: mustPolicy(NewMinMaxPolicy(5, 10)), Demand: []int64{3, 3, 3, 3, 3, 3},
		OnHand: 10, LeadDays: 2, HoldingCost: 1, OrderCost: 10, ShortageCost: 5,
	}, LostSales)
	assert.Equal(t, BacktestResult{
		ID: "m", Days: 6, Demand: 18, Served: 18, Short: 0, FillRate: 1, Cycles: 3, StockoutCycles: 0,
		CycleServiceLevel: 1, StockoutDays: 0, AvgOnHand: 3.5, PeakOnHand: 10, Orders: 3, OrderedUnits: 18,
		EndOnHand: 4, EndOnOrder: 6, EndBackorders: 0, HoldingCost: 21, OrderingCost: 30, ShortageCost: 0, TotalCost: 51,
	}, r)
}

// (s, Q) s = 2, Q = 5, lead 1 day, 4 on hand, demand 2, 8, 0, 3.
// Lost sales: day 0: serve 2 → 2, position 2 ≤ 2: order 5 (due day 1). Day 1: receive → 7 (cycle 2),
// demand 8: serve 7, 1 lost; position 0: order 5. Day 2: receive → 5 (cycle 3; cycle 2 stocked out).
// Day 3: serve 3 → 2, order 5. On hand 2+0+5+2 = 9; fill 12/13; CSL 2/3.
// Backorders: day 1 backorders 1, position -1: order 5 (n = ⌊(2+1)/5⌋ + 1 = 1); day 2: receive 5,
// serve the backorder → 4; day 3: serve 3 → 1. On hand 2+0+4+1 = 7.
func TestBacktestSQLostAndBackordered(t *testing.T) {
	sk := BacktestSKU{ID: "q", Policy: mustPolicy(NewSQPolicy(2, 5)), Demand: []int64{2, 8, 0, 3},
		OnHand: 4, LeadDays: 1, HoldingCost: 0.5, OrderCost: 2, ShortageCost: 10}
	r := runOne(t, sk, LostSales)
	assert.Equal(t, BacktestResult{
		ID: "q", Days: 4, Demand: 13, Served: 12, Short: 1, FillRate: 12.0 / 13, Cycles: 3, StockoutCycles: 1,
		CycleServiceLevel: 2.0 / 3, StockoutDays: 1, AvgOnHand: 2.25, PeakOnHand: 7, Orders: 3, OrderedUnits: 15,
		EndOnHand: 2, EndOnOrder: 5, HoldingCost: 4.5, OrderingCost: 6, ShortageCost: 10, TotalCost: 20.5,
	}, r)
	r = runOne(t, sk, Backorders)
	assert.Equal(t, BacktestResult{
		ID: "q", Days: 4, Demand: 13, Served: 12, Short: 1, FillRate: 12.0 / 13, Cycles: 3, StockoutCycles: 1,
		CycleServiceLevel: 2.0 / 3, StockoutDays: 1, AvgOnHand: 1.75, PeakOnHand: 7, Orders: 3, OrderedUnits: 15,
		EndOnHand: 1, EndOnOrder: 5, HoldingCost: 3.5, OrderingCost: 6, ShortageCost: 10, TotalCost: 19.5,
	}, r)
	// A backorder left at the end: nothing arrives in time.
	sk2 := BacktestSKU{ID: "b", Policy: mustPolicy(NewSQPolicy(0, 5)), Demand: []int64{3, 3}, OnHand: 2, LeadDays: 5}
	r = runOne(t, sk2, Backorders)
	assert.Equal(t, int64(4), r.EndBackorders) // day 0: 1 short; day 1: 3 more
	assert.Equal(t, int64(2), r.StockoutDays)
	assert.Equal(t, int64(1), r.Orders) // day 0: position -1 ≤ 0 → 5; day 1: position 5 - 4 = 1 > 0
	assert.Equal(t, int64(1), r.Cycles)
	assert.Equal(t, int64(1), r.StockoutCycles, "the last cycle's stockout counts")
	assert.Equal(t, 0.0, r.CycleServiceLevel)
}

// (R, S) with R = 2 days, S = 10, lead 1, 5 on hand, 1 a day: reviews on days 0, 2, 4 order 6, 2, 2;
// on hand 4, 9, 8, 9, 8 (sum 38).
func TestBacktestRSByHand(t *testing.T) {
	r := runOne(t, BacktestSKU{ID: "r", Policy: mustPolicy(NewRSPolicy(2*Day, 10)), Demand: []int64{1, 1, 1, 1, 1},
		OnHand: 5, LeadDays: 1}, LostSales)
	assert.Equal(t, int64(3), r.Orders)
	assert.Equal(t, int64(10), r.OrderedUnits)
	assert.Equal(t, 7.6, r.AvgOnHand)
	assert.Equal(t, int64(10), r.PeakOnHand)
	assert.Equal(t, int64(8), r.EndOnHand)
	assert.Equal(t, int64(2), r.EndOnOrder)
	assert.Equal(t, int64(3), r.Cycles)
}

// A sampled lead-time sequence 3, 1, 3, 1, ... with min/max s = 4, S = 6, 6 on hand, 2 a day: the order
// placed on day 1 (lead 1) arrives on day 2, before the one placed on day 0 (lead 3, day 3).
// End-of-day on hand 4, 2, 2, 2, 2; an order of 2 every day; receipts on days 2, 3, 4.
func TestBacktestLeadSequenceCrossing(t *testing.T) {
	r := runOne(t, BacktestSKU{ID: "x", Policy: mustPolicy(NewMinMaxPolicy(4, 6)), Demand: []int64{2, 2, 2, 2, 2},
		OnHand: 6, LeadSequence: []int{3, 1}}, LostSales)
	assert.Equal(t, int64(5), r.Orders)
	assert.Equal(t, int64(10), r.OrderedUnits)
	assert.Equal(t, 2.4, r.AvgOnHand)
	assert.Equal(t, int64(4), r.Cycles)
	assert.Equal(t, int64(4), r.EndOnOrder) // placed on day 2 (due 5) and day 4 (due 7)
	assert.Equal(t, 1.0, r.FillRate)
}

// The top-up policy and shaping in a backtest: level 3, qty 4, pack 5 (round up), lead 1, 5 on hand,
// demand 2 a day. Day 0: 3 ≤ 3 → max(4, 0) = 4 → pack 5; day 1: receive → 8, serve → 6; day 2: 4;
// day 3: 2 → max(4, 1) = 4 → 5.
func TestBacktestTopUpShaped(t *testing.T) {
	r := runOne(t, BacktestSKU{ID: "t", Policy: mustPolicy(NewTopUpPolicy(3, 4)), Shaping: MustShaping(0, 5, 0),
		Demand: []int64{2, 2, 2, 2}, OnHand: 5, LeadDays: 1}, LostSales)
	assert.Equal(t, int64(2), r.Orders)
	assert.Equal(t, int64(10), r.OrderedUnits)
	assert.Equal(t, (3.0+6+4+2)/4, r.AvgOnHand)
	// StrictlyBelow: 3 is not below 3, so no order on day 0; day 1: 1 < 3 → max(4, 2) = 4 → 5.
	r = runOne(t, BacktestSKU{ID: "t", Policy: mustPolicy(NewTopUpPolicy(3, 4)), Trigger: StrictlyBelow,
		Shaping: MustShaping(0, 5, 0), Demand: []int64{2, 2, 2, 2}, OnHand: 5, LeadDays: 1}, LostSales)
	// Day 2: receive → 6, serve → 4; day 3: 2 < 3 → max(4, 1) = 4 → 5.
	assert.Equal(t, int64(2), r.Orders)
	assert.Equal(t, int64(0), r.Short)
	assert.Equal(t, (3.0+1+4+2)/4, r.AvgOnHand)
}

func TestBacktestTotalsAndErrors(t *testing.T) {
	a := BacktestSKU{ID: "a", Policy: mustPolicy(NewMinMaxPolicy(5, 10)), Demand: []int64{3, 3, 3, 3, 3, 3},
		OnHand: 10, LeadDays: 2, HoldingCost: 1, OrderCost: 10, ShortageCost: 5}
	b := BacktestSKU{ID: "b", Policy: mustPolicy(NewSQPolicy(2, 5)), Demand: []int64{2, 8, 0, 3},
		OnHand: 4, LeadDays: 1, HoldingCost: 0.5, OrderCost: 2, ShortageCost: 10}
	out := make([]BacktestResult, 2)
	total, err := Backtest([]BacktestSKU{a, b}, LostSales, out)
	require.NoError(t, err)
	assert.Equal(t, int64(10), total.Days)
	assert.Equal(t, int64(31), total.Demand)
	assert.Equal(t, int64(30), total.Served)
	assert.Equal(t, 30.0/31, total.FillRate)
	assert.Equal(t, int64(6), total.Cycles)
	assert.Equal(t, 5.0/6, total.CycleServiceLevel)
	assert.Equal(t, 3.5+2.25, total.AvgOnHand)
	assert.Equal(t, int64(17), total.PeakOnHand)
	assert.Equal(t, 51+20.5, total.TotalCost)
	// The whole total, field by field: the sums of the two hand-checked results above.
	assert.Equal(t, BacktestResult{ID: "total", Days: 10, Demand: 31, Served: 30, Short: 1, FillRate: 30.0 / 31,
		Cycles: 6, StockoutCycles: 1, CycleServiceLevel: 5.0 / 6, StockoutDays: 1, AvgOnHand: 5.75, PeakOnHand: 17,
		Orders: 6, OrderedUnits: 33, EndOnHand: 6, EndOnOrder: 11, EndBackorders: 0,
		HoldingCost: 25.5, OrderingCost: 36, ShortageCost: 10, TotalCost: 71.5}, total)
	// Deterministic: a second run gives the same bytes.
	out2 := make([]BacktestResult, 2)
	total2, err := Backtest([]BacktestSKU{a, b}, LostSales, out2)
	require.NoError(t, err)
	assert.Equal(t, total, total2)
	assert.Equal(t, out, out2)

	// An empty batch: a total of nothing, with the ratios of no demand.
	total, err = Backtest(nil, LostSales, nil)
	require.NoError(t, err)
	assert.Equal(t, BacktestResult{ID: "total", FillRate: 1, CycleServiceLevel: 1}, total)

	bad := func(mod func(*BacktestSKU)) BacktestSKU { s := a; mod(&s); return s }
	for _, tc := range []struct {
		name  string
		sk    BacktestSKU
		field string
		want  error
	}{
		{"zero policy", bad(func(s *BacktestSKU) { s.Policy = Policy{} }), "skus[0].policy", ErrPolicy},
		{"empty history", bad(func(s *BacktestSKU) { s.Demand = nil }), "skus[0].demand", ErrEmptyHistory},
		{"long history", bad(func(s *BacktestSKU) { s.Demand = make([]int64, MaxBacktestDays+1) }), "skus[0].demand", ErrTooLarge},
		{"negative demand", bad(func(s *BacktestSKU) { s.Demand = []int64{1, -1} }), "skus[0].demand[1]", ErrNegative},
		{"huge demand", bad(func(s *BacktestSKU) { s.Demand = []int64{MaxQty + 1} }), "skus[0].demand[0]", ErrTooLarge},
		{"negative stock", bad(func(s *BacktestSKU) { s.OnHand = -1 }), "skus[0].on_hand", ErrNegative},
		{"huge stock", bad(func(s *BacktestSKU) { s.OnHand = MaxQty + 1 }), "skus[0].on_hand", ErrTooLarge},
		{"zero lead", bad(func(s *BacktestSKU) { s.LeadDays = 0 }), "skus[0].lead_days", ErrNotPositive},
		{"long lead", bad(func(s *BacktestSKU) { s.LeadDays = MaxLeadDays + 1 }), "skus[0].lead_days", ErrTooLarge},
		{"bad sampled lead", bad(func(s *BacktestSKU) { s.LeadSequence = []int{2, 0} }), "skus[0].lead_sequence[1]", ErrNotPositive},
		{"long sequence", bad(func(s *BacktestSKU) { s.LeadSequence = make([]int, MaxBacktestDays+1) }), "skus[0].lead_sequence", ErrTooLarge},
		{"NaN cost", bad(func(s *BacktestSKU) { s.ShortageCost = math.NaN() }), "skus[0].shortage_cost", ErrNotFinite},
		{"negative cost", bad(func(s *BacktestSKU) { s.HoldingCost = -1 }), "skus[0].holding_cost", ErrNegative},
		{"bad trigger", bad(func(s *BacktestSKU) { s.Trigger = 2 }), "skus[0].trigger", ErrInvalidEnum},
		{"review not whole days", bad(func(s *BacktestSKU) { s.Policy = mustPolicy(NewRSPolicy(36*60*60*1e9, 10)) }), "skus[0].policy.review", ErrPolicy},
		{"cost overflow", bad(func(s *BacktestSKU) { s.HoldingCost = math.MaxFloat64 }), "skus[0].total_cost", ErrTooLarge},
		{"order above MaxQty", bad(func(s *BacktestSKU) { s.Policy = mustPolicy(NewSQPolicy(MaxQty, MaxQty)); s.OnHand = 0 }), "skus[0].need", ErrTooLarge},
	} {
		_, err := Backtest([]BacktestSKU{tc.sk}, LostSales, make([]BacktestResult, 1))
		var fe *FieldError
		if assert.ErrorAs(t, err, &fe, tc.name) {
			assert.Equal(t, tc.field, fe.Field, tc.name)
			assert.Contains(t, fe.Detail, `item "a"`, tc.name)
		}
		assert.ErrorIs(t, err, tc.want, tc.name)
	}
	_, err = Backtest([]BacktestSKU{a}, LostSales, nil)
	assert.ErrorIs(t, err, ErrLength)
	_, err = Backtest([]BacktestSKU{a}, 2, make([]BacktestResult, 1))
	assert.ErrorIs(t, err, ErrInvalidEnum)
	assert.Equal(t, "backorders", Backorders.String())
	assert.Equal(t, "lost sales", LostSales.String())
}

// A backtest allocates nothing, however long the history: testing.AllocsPerRun over 10 and 10 000 days.
func TestBacktestAllocs(t *testing.T) {
	for _, n := range []int{10, 10000} {
		sk := benchBacktestSKUs(1, n)
		out := make([]BacktestResult, 1)
		allocs := testing.AllocsPerRun(20, func() {
			if _, err := Backtest(sk, Backorders, out); err != nil {
				t.Fatal(err)
			}
		})
		assert.Equal(t, 0.0, allocs, "%d days", n)
	}
}

// Planner.Policy gives the levels Suggest uses: (s, S) with s = 10·5 + 1.645·3·√5 and S = s + 14·10.
func TestPlannerPolicy(t *testing.T) {
	p := testPlanner(t, nil)
	pol, err := p.Policy(testItem(1e6)) // the stock plays no part
	require.NoError(t, err)
	s := 50 + z95*3*math.Sqrt(5)
	assert.Equal(t, PolicySS, pol.Kind())
	assert.InDelta(t, s, pol.ReorderLevel(), 1e-9)
	assert.InDelta(t, s+140, pol.OrderUpTo(), 1e-9)
	rs, err := testPlanner(t, func(c *PlanConfig) { c.Policy = PolicyRS; c.Review = 7 * Day }).Policy(testItem(0))
	require.NoError(t, err)
	assert.Equal(t, 7*Day, rs.Review())
	assert.InDelta(t, 120+z95*3*math.Sqrt(12), rs.OrderUpTo(), 1e-9) // μ·(R + L) + z·σ·√(R + L)
	bad := testItem(0)
	bad.Demand = Demand{}
	_, err = p.Policy(bad)
	assert.ErrorIs(t, err, ErrNotPositive)
	b, err := json.Marshal(pol)
	require.NoError(t, err)
	var back Policy
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, pol, back)
}

// Odoo's rounding in a backtest: the order-up-to policies round 6 down to 4 (a pack of 4 within the
// room S - position = 6), the fixed-quantity policies have no maximum and round 6 up to 8.
func TestBacktestRoundingRoom(t *testing.T) {
	odoo := MustShaping(0, 4, 0, WithPackRounding(PackRoundUpWithinMax))
	for _, tc := range []struct {
		name string
		pol  Policy
		want int64
	}{
		{"min/max", mustPolicy(NewMinMaxPolicy(5, 10)), 4},
		{"(s, S)", mustPolicy(NewSSPolicy(5, 10)), 4},
		{"(R, S)", mustPolicy(NewRSPolicy(Day, 10)), 4},
		{"(s, Q)", mustPolicy(NewSQPolicy(5, 6)), 8},
		{"top-up", mustPolicy(NewTopUpPolicy(5, 6)), 8},
	} {
		r := runOne(t, BacktestSKU{ID: "o", Policy: tc.pol, Shaping: odoo, Demand: []int64{2}, OnHand: 6, LeadDays: 5}, LostSales)
		assert.Equal(t, tc.want, r.OrderedUnits, tc.name)
	}
	// Rounding a need of 6 down to a pack of 10 orders nothing: no order is placed or counted.
	r := runOne(t, BacktestSKU{ID: "d", Policy: mustPolicy(NewMinMaxPolicy(5, 10)), Shaping: MustShaping(0, 10, 0, WithPackRounding(PackRoundDown)),
		Demand: []int64{2, 0}, OnHand: 6, LeadDays: 1}, LostSales)
	assert.Equal(t, int64(0), r.Orders)
	assert.Equal(t, int64(0), r.OrderedUnits)
}
