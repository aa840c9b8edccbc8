package inventory

// Tests that kill the mutants of suggest.go a hand mutation pass left alive (issue 19). Each case
// names the mutant it kills as file:line:column and mutator (line numbers of main at bda67c7).

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// suggest.go:396:18 CONDITIONALS_BOUNDARY: lead time plus review period may be exactly the largest
// time.Duration (292 years); one nanosecond more is an error naming lead.mean. Under (R, S) with a
// 7-day review the longest lead time is MaxInt64 - 7 days.
func TestMutantOldSuggestLongestLead(t *testing.T) {
	for _, tt := range []struct {
		name   string
		review time.Duration
	}{{"continuous", 0}, {"(R, S)", 7 * Day}} {
		p := testPlanner(t, func(c *PlanConfig) {
			if tt.review > 0 {
				c.Policy, c.Review = PolicyRS, tt.review
			}
		})
		it := testItem(30)
		it.Lead = FixedLeadTime(math.MaxInt64 - tt.review)
		_, err := p.Suggest(it, testNow)
		require.NoError(t, err, tt.name)
		if tt.review == 0 {
			continue // no longer lead time exists
		}
		it.Lead = FixedLeadTime(math.MaxInt64 - tt.review + 1)
		_, err = p.Suggest(it, testNow)
		requireTyped(t, err, ErrTooLarge, tt.name)
		var fe *FieldError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, "item.lead.mean", fe.Field, tt.name)
	}
}

// suggest.go:471:19 CONDITIONALS_BOUNDARY: a hand-set max equal to the reorder point is valid (S = s:
// order up to the warning line); a max below it is an error. Warning line 100, max 100, position 60:
// the need is S - position = 40.
func TestMutantOldSuggestMaxAtReorderPoint(t *testing.T) {
	p := testPlanner(t, func(c *PlanConfig) { c.Policy = PolicyMinMax })
	it := testItem(60)
	it.WarningLine, it.MaxStock = 100, 100
	got, err := p.Suggest(it, testNow)
	require.NoError(t, err)
	assert.Equal(t, 100.0, got.Why.ReorderLevel)
	assert.Equal(t, 100.0, got.Why.OrderUpTo)
	assert.Equal(t, int64(40), got.Qty)
	it.MaxStock = 99.5
	_, err = p.Suggest(it, testNow)
	requireTyped(t, err, ErrPolicy, "max 99.5 below the warning line 100")
}

// The status thresholds of Suggest, each at its boundary (testItem: 10 a day, 5-day lead time,
// testPlanner: slow-moving after 30 days, dead after 90, overstock above 90 days of cover = 900 units):
//   - suggest.go:500:10 CONDITIONALS_BOUNDARY: a position equal to the safety stock is not below it
//     (status "position < safety stock"); with a fixed safety stock of 20 the reorder point is
//     10·5 + 20 = 70, so a position of 20 is a reorder, 19 is below safety stock;
//   - suggest.go:504:44 CONDITIONALS_BOUNDARY: exactly 30 days without a sale is slow-moving (≥), one
//     second less is healthy;
//   - suggest.go:504:27 CONDITIONALS_BOUNDARY: SlowMovingAfter 0 switches the check off, whatever the
//     days since the last sale;
//   - suggest.go:506:36 CONDITIONALS_BOUNDARY: a position of exactly 900 = 10·90 is not overstock (>),
//     901 is.
func TestMutantOldSuggestStatusBoundaries(t *testing.T) {
	fixed, err := FixedSafetyStock(20)
	require.NoError(t, err)
	p := testPlanner(t, nil)
	noSlow := testPlanner(t, func(c *PlanConfig) { c.SlowMovingAfter, c.DeadAfter = 0, 0 })
	tests := []struct {
		name    string
		p       Planner
		onHand  int64
		safety  SafetyStock
		since   time.Duration
		want    StockStatus
		wantROP float64
	}{
		{"position = safety stock", p, 20, fixed, 2 * time.Hour, StatusReorder, 70},
		{"position < safety stock", p, 19, fixed, 2 * time.Hour, StatusBelowSafetyStock, 70},
		{"30 days without a sale", p, 300, fixed, 30 * Day, StatusSlowMoving, 70},
		{"30 days less 1s", p, 300, fixed, 30*Day - time.Second, StatusHealthy, 70},
		{"slow-moving check off", noSlow, 300, fixed, 60 * Day, StatusHealthy, 70},
		{"900 units = 90 days", p, 900, fixed, 2 * time.Hour, StatusHealthy, 70},
		{"901 units", p, 901, fixed, 2 * time.Hour, StatusOverstock, 70},
	}
	for _, tt := range tests {
		it := testItem(tt.onHand)
		it.Safety = tt.safety
		it.LastSale = testNow.Add(-tt.since)
		got, err := tt.p.Suggest(it, testNow)
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, got.Status, tt.name)
		assert.Equal(t, tt.wantROP, got.Why.ReorderPoint, tt.name)
	}
}

// suggest.go:536:22 CONDITIONALS_BOUNDARY: 365 000 units at 10 a day last exactly 36 500 days, which
// is not "more than 100 years away": the stockout date is set, and the order-by date 5 days before it.
func TestMutantOldSuggestCoverHorizon(t *testing.T) {
	p := testPlanner(t, func(c *PlanConfig) { c.OverstockCover = 0 })
	it := testItem(365000)
	got, err := p.Suggest(it, testNow)
	require.NoError(t, err)
	assert.Equal(t, 36500.0, got.DaysOfCover)
	assert.Equal(t, testNow.Add(36500*Day), got.StockoutAt)
	assert.Equal(t, testNow.Add(36495*Day), got.OrderBy)
	it.Stock.OnHand = 365001
	got, err = p.Suggest(it, testNow)
	require.NoError(t, err)
	assert.True(t, got.StockoutAt.IsZero(), "36 500.1 days: %v", got.StockoutAt)
}

// Found while checking suggest.go:534:10 (mu > 0 -> mu >= 0): NewDemand accepted a mean of -0 (it is
// not negative; JSON "-0" decodes to it) and kept its sign, so the explanation read "demand -0/day"
// and "S 0 = s + -0", and the mutant turned the cover into 30/-0 = -Inf days. A demand's mean and
// deviation are now never -0; zero demand has a cover of +Inf and no stockout date.
func TestDemandNegativeZero(t *testing.T) {
	negZero := math.Copysign(0, -1)
	d, err := NewDemand(negZero, negZero, Day)
	require.NoError(t, err)
	assert.False(t, math.Signbit(d.Mean()), "mean -0")
	assert.False(t, math.Signbit(d.StdDev()), "sd -0")
	d, err = DemandFromHistory([]float64{negZero, negZero}, Day)
	require.NoError(t, err)
	assert.False(t, math.Signbit(d.Mean()), "mean -0 from history")
	var j Demand
	require.NoError(t, j.UnmarshalJSON([]byte(`{"mean":-0,"sd":-0,"per":"24h0m0s"}`)))
	assert.False(t, math.Signbit(j.Mean()), "mean -0 from JSON")

	p := testPlanner(t, nil)
	it := testItem(30)
	it.Demand = MustDemand(negZero, 0, Day)
	got, err := p.Suggest(it, testNow)
	require.NoError(t, err)
	assert.True(t, math.IsInf(got.DaysOfCover, 1), "cover %v", got.DaysOfCover)
	assert.True(t, got.StockoutAt.IsZero(), "stockout %v", got.StockoutAt)
	assert.NotContains(t, got.String(), "-0")
}

// suggest.go:588:18 ARITHMETIC_BASE: under (R, S) the explanation's protection interval is the lead
// time plus the review period, 5 + 7 = 12 days: SS = 1.645·3·√12 = 17.09.
func TestMutantOldExplanationProtectionInterval(t *testing.T) {
	p := testPlanner(t, func(c *PlanConfig) { c.Policy, c.Review = PolicyRS, 7*Day })
	got, err := p.Suggest(testItem(30), testNow)
	require.NoError(t, err)
	assert.Contains(t, got.Why.String(), "safety stock 17.09 (cycle service level 95%: z 1.64 × σ 3 × √12 days)")
}

// suggest.go:439:20 and 439:42 CONDITIONALS_BOUNDARY: the EOQ needs both costs positive; with only
// one of them the order quantity is the order cover, 10 a day × 14 days = 140 (not an EOQ of 0 for
// K = 0, nor an infinite one for h = 0). With both, EOQ = √(2·3650·50/2) = √182 500 ≈ 427.2.
func TestMutantOldSuggestEOQNeedsBothCosts(t *testing.T) {
	p := testPlanner(t, nil)
	for _, tt := range []struct {
		name    string
		k, h    float64
		want    float64
		wantSrc QtySource
	}{
		{"order cost only", 50, 0, 140, QtyCover},
		{"holding cost only", 0, 2, 140, QtyCover},
		{"both", 50, 2, math.Sqrt(182500), QtyEOQ},
	} {
		it := testItem(30)
		it.OrderCost, it.HoldingCost = tt.k, tt.h
		got, err := p.Suggest(it, testNow)
		require.NoError(t, err, tt.name)
		assert.InDelta(t, tt.want, got.Why.CycleQty, 1e-9, tt.name)
		assert.Equal(t, tt.wantSrc, got.Why.QtySource, tt.name)
	}
}

// suggest.go:444:17 and 444:43 CONDITIONALS_NEGATION: a hand-set max (MaxStock) replaces the cycle
// stock only under (s, S) and min/max, whose S it is (Q = 0, source "none", S = 300); (s, Q) has no S
// and keeps Q = 10 a day × 14 days of order cover = 140.
func TestMutantOldSuggestMaxStockOnlyForOrderUpTo(t *testing.T) {
	for _, tt := range []struct {
		kind    PolicyKind
		wantQ   float64
		wantSrc QtySource
		wantS   float64
	}{
		{PolicySS, 0, QtyNone, 300},
		{PolicyMinMax, 0, QtyNone, 300},
		{PolicySQ, 140, QtyCover, 0},
	} {
		p := testPlanner(t, func(c *PlanConfig) { c.Policy = tt.kind })
		it := testItem(60)
		it.MaxStock = 300
		got, err := p.Suggest(it, testNow)
		require.NoError(t, err, tt.kind.String())
		assert.Equal(t, tt.wantQ, got.Why.CycleQty, tt.kind.String())
		assert.Equal(t, tt.wantSrc, got.Why.QtySource, tt.kind.String())
		assert.Equal(t, tt.wantS, got.Why.OrderUpTo, tt.kind.String())
	}
}
