package inventory

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// searchItems: an A item, demand 10/day σ 4, lead 1 day, Q = 20, 20 on hand, history 10, 10, 25; a
// B item, demand 5/day σ 1, 100 on hand, history 5, 5, 5. Holding 365 a year (1 a unit-day), 10 an
// order, 2 a unit short.
func searchItems() []BacktestItem {
	a := Item{ID: "a", Class: ClassA, Stock: Stock{OnHand: 20}, Demand: MustDemand(10, 4, Day), Lead: FixedLeadTime(Day),
		OrderQty: 20, OrderCost: 10, HoldingCost: 365}
	b := Item{ID: "b", Class: ClassB, Stock: Stock{OnHand: 100}, Demand: MustDemand(5, 1, Day), Lead: FixedLeadTime(Day),
		OrderQty: 20, OrderCost: 10, HoldingCost: 365}
	return []BacktestItem{
		{Item: a, Demand: []int64{10, 10, 25}, ShortageCost: 2},
		{Item: b, Demand: []int64{5, 5, 5}, ShortageCost: 2},
	}
}

// By hand, for A under (s, Q) with s = 10 + 4z:
//   - 50 % and 90 % (s = 10 and 15.13): day 0 on hand 10, order 20; day 1 on hand 20 (no order: 20 > s);
//     day 2 demand 25 meets 20, 5 short, order 20. Fill 40/45; holding 10 + 20 + 0 = 30, ordering 20,
//     shortage 10: cost 60.
//   - 99.9 % (s = 10 + 4·3.0902 = 22.36): day 1 also orders (20 ≤ 22.36), so day 2 receives 20 and
//     meets 25 from 40. Fill 1; holding 10 + 20 + 15 = 45, ordering 30: cost 75.
//
// B never reorders (on hand 95, 90, 85 above s ≤ 8.1): fill 1 and cost 270 at every level.
func TestSearchClassLevels(t *testing.T) {
	cfg := PlanConfig{Policy: PolicySQ}
	levels := []float64{0.5, 0.9, 0.999}
	got, err := SearchClassLevels(cfg, SafetyCycleService, levels, 0.97, searchItems(), LostSales)
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, ClassA, got[0].Class)
	assert.Equal(t, 0.999, got[0].Level, "only 99.9 % meets 97 %")
	assert.True(t, got[0].Met)
	assert.Equal(t, 1.0, got[0].Result.FillRate)
	assert.Equal(t, 75.0, got[0].Result.TotalCost)
	assert.Equal(t, int64(3), got[0].Result.Orders)
	assert.Equal(t, "class A", got[0].Result.ID)
	assert.Equal(t, ClassB, got[1].Class)
	assert.Equal(t, 0.5, got[1].Level, "every level meets the target at one cost: the lowest level")
	assert.True(t, got[1].Met)
	assert.Equal(t, 270.0, got[1].Result.TotalCost)

	// A target of 85 %: all three meet it for A; 50 % and 90 % cost 60, the lower level wins the tie.
	got, err = SearchClassLevels(cfg, SafetyCycleService, levels, 0.85, searchItems(), LostSales)
	require.NoError(t, err)
	assert.Equal(t, 0.5, got[0].Level)
	assert.Equal(t, 60.0, got[0].Result.TotalCost)
	assert.Equal(t, 40.0/45, got[0].Result.FillRate)

	// Without 99.9 % nothing meets 97 %: the best fill rate (a tie), then the cheapest, then the lower level.
	got, err = SearchClassLevels(cfg, SafetyCycleService, []float64{0.9, 0.5}, 0.97, searchItems(), LostSales)
	require.NoError(t, err)
	assert.False(t, got[0].Met)
	assert.Equal(t, 0.5, got[0].Level)

	// The grid order does not matter.
	got, err = SearchClassLevels(cfg, SafetyCycleService, []float64{0.999, 0.9, 0.5}, 0.97, searchItems(), LostSales)
	require.NoError(t, err)
	assert.Equal(t, 0.999, got[0].Level)

	noClass := searchItems()
	noClass[1].Item.Class = 0
	long := make([]float64, MaxSearchLevels+1)
	for i := range long {
		long[i] = 0.5
	}
	badLead := searchItems()
	badLead[0].Item.Lead = FixedLeadTime(400 * Day)
	badDemand := searchItems()
	badDemand[0].Demand = nil
	for _, tc := range []struct {
		name string
		err  error
		want error
	}{
		{"bad config", second(SearchClassLevels(PlanConfig{}, SafetyCycleService, levels, 0.97, searchItems(), LostSales)), ErrInvalidEnum},
		{"not a level method", second(SearchClassLevels(cfg, SafetyFixed, levels, 0.97, searchItems(), LostSales)), ErrPolicy},
		{"empty grid", second(SearchClassLevels(cfg, SafetyFillRate, nil, 0.97, searchItems(), LostSales)), ErrEmptyHistory},
		{"long grid", second(SearchClassLevels(cfg, SafetyFillRate, long, 0.97, searchItems(), LostSales)), ErrTooLarge},
		{"level 1", second(SearchClassLevels(cfg, SafetyCycleService, []float64{1}, 0.97, searchItems(), LostSales)), ErrServiceLevel},
		{"target 0", second(SearchClassLevels(cfg, SafetyCycleService, levels, 0, searchItems(), LostSales)), ErrServiceLevel},
		{"unmet", second(SearchClassLevels(cfg, SafetyCycleService, levels, 0.97, searchItems(), 5)), ErrInvalidEnum},
		{"no class", second(SearchClassLevels(cfg, SafetyCycleService, levels, 0.97, noClass, LostSales)), ErrPolicy},
		{"lead beyond 365 days", second(SearchClassLevels(cfg, SafetyCycleService, levels, 0.97, badLead, LostSales)), ErrTooLarge},
		{"empty history", second(SearchClassLevels(cfg, SafetyCycleService, levels, 0.97, badDemand, LostSales)), ErrEmptyHistory},
	} {
		var fe *FieldError
		assert.ErrorAs(t, tc.err, &fe, tc.name)
		assert.ErrorIs(t, tc.err, tc.want, tc.name)
	}
	// A target of exactly 1 is allowed.
	got, err = SearchClassLevels(cfg, SafetyCycleService, levels, 1, searchItems(), Backorders)
	require.NoError(t, err)
	assert.True(t, got[0].Met)
}

// better orders candidate levels: meeting the target first; among those that meet it the cheaper,
// among those that do not the higher fill rate, then the cheaper; then the lower level.
func TestBetterLevel(t *testing.T) {
	c := func(level float64, met bool, fill, cost float64) ClassLevel {
		return ClassLevel{Level: level, Met: met, Result: BacktestResult{FillRate: fill, TotalCost: cost}}
	}
	for _, tc := range []struct {
		name string
		a, b ClassLevel
		want bool
	}{
		{"met beats unmet", c(0.9, true, 0.97, 100), c(0.5, false, 0.96, 1), true},
		{"unmet loses to met", c(0.5, false, 0.96, 1), c(0.9, true, 0.97, 100), false},
		{"both met: cheaper", c(0.99, true, 0.99, 50), c(0.9, true, 0.98, 60), true},
		{"both met: dearer loses even with a higher fill", c(0.99, true, 0.999, 70), c(0.9, true, 0.98, 60), false},
		{"neither met: higher fill", c(0.9, false, 0.95, 90), c(0.5, false, 0.90, 10), true},
		{"neither met: lower fill loses", c(0.5, false, 0.90, 10), c(0.9, false, 0.95, 90), false},
		{"neither met, same fill: cheaper", c(0.9, false, 0.9, 5), c(0.5, false, 0.9, 6), true},
		{"same everything: lower level", c(0.5, true, 0.98, 6), c(0.9, true, 0.98, 6), true},
		{"same everything: higher level loses", c(0.9, true, 0.98, 6), c(0.5, true, 0.98, 6), false},
		{"a duplicate level does not replace the first", c(0.5, true, 0.98, 6), c(0.5, true, 0.98, 6), false},
	} {
		assert.Equal(t, tc.want, better(tc.a, tc.b), tc.name)
	}
}

// (r, Q) replays as (s, Q) with the EOQ: D = 1000, K = 2, h = 10 give Q = √(2·1000·2/10) = 20.
func TestBacktestRQ(t *testing.T) {
	rq, err := NewRQPolicy(10, 1000, 2, 10)
	require.NoError(t, err)
	assert.Equal(t, 20.0, rq.OrderQty())
	sq := mustPolicy(NewSQPolicy(10, 20))
	demand := []int64{10, 10, 25, 3, 0, 12, 9}
	out := make([]BacktestResult, 2)
	_, err = Backtest([]BacktestSKU{
		{ID: "x", Policy: rq, Demand: demand, OnHand: 20, LeadDays: 1},
		{ID: "x", Policy: sq, Demand: demand, OnHand: 20, LeadDays: 1},
	}, LostSales, out)
	require.NoError(t, err)
	assert.Equal(t, out[1], out[0])
	// By hand (s = 10, Q = 20, lead 1): day 0: 10, order; day 1: 30 → 20; day 2: 25 asked, 20
	// served, order; day 3: 20 → 17; day 4: 17; day 5: 5, order; day 6: 25 → 16.
	assert.Equal(t, int64(3), out[0].Orders)
	assert.Equal(t, int64(5), out[0].Short)
}
