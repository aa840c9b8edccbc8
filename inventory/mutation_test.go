package inventory

// Tests that kill mutants gremlins v0.5.0 left alive (issue 19). Each test pins a boundary or a
// known answer that the rest of the suite did not.
//
// Equivalent mutants (gremlins reports them as lived; none can change a result):
//   (listed below as they are found)

import (
	"time"

	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkValue's bounds are inclusive on the exponent (-30 and 30 are allowed) and exclusive on the
// value (1e30 itself is too large).
func TestMutantABCValueBounds(t *testing.T) {
	for _, v := range []decimal.Decimal{decimal.New(1, -MaxValueDigits), decimal.New(0, MaxValueDigits), dec("999999999999999999999999999999")} {
		_, err := ABC([]ABCItem{{"a", v}, {"b", dec("1")}}, DefaultABCCuts())
		assert.NoError(t, err, "%s", v)
	}
	_, err := ABC([]ABCItem{{"a", decimal.New(1, MaxValueDigits)}}, DefaultABCCuts())
	requireTyped(t, err, ErrTooLarge, "1e30")
	// The exponent 30 passes the exponent check; the value check rejects it, with its own detail.
	assert.EqualError(t, err, "inventory: abc: items[0].value 1000000000000000000000000000000: beyond limits: below 1e30")
	_, err = ABC([]ABCItem{{"a", decimal.New(1, MaxValueDigits+1)}}, DefaultABCCuts())
	assert.EqualError(t, err, "inventory: abc: items[0].value: beyond limits: below 1e30 with at most 30 decimal places")
	_, err = ABC([]ABCItem{{"a", decimal.New(1, -MaxValueDigits-1)}}, DefaultABCCuts())
	assert.EqualError(t, err, "inventory: abc: items[0].value: beyond limits: below 1e30 with at most 30 decimal places")
}

// Demand.In accepts a converted mean or deviation of exactly MaxQty.
func TestMutantDemandInAtMaxQty(t *testing.T) {
	d := MustDemand(MaxQty, MaxQty, Day)
	got, err := d.In(Day)
	require.NoError(t, err)
	assert.Equal(t, MustDemand(MaxQty, MaxQty, Day), got)
	got, err = MustDemand(0, MaxQty, Day).In(Day)
	require.NoError(t, err)
	assert.Equal(t, float64(MaxQty), got.StdDev())
	_, err = MustDemand(0, MaxQty, Day).In(2 * Day)
	requireTyped(t, err, ErrTooLarge, "sd √2·MaxQty")
}

// SMA and WMA fitted values once the history is longer than the window: the window slides.
func TestMutantMovingAverageBeyondWindow(t *testing.T) {
	y := []float64{10, 12, 14, 16, 30, 2}
	// SMA(2): y(0), then (y(t-2) + y(t-1))/2 once t > 2; forecast (30 + 2)/2.
	sma := mustF(NewSMA(2))
	fitted := make([]float64, len(y))
	require.NoError(t, sma.Fitted(y, fitted))
	assert.Equal(t, []float64{10, 10, 11, 13, 15, 23}, fitted)
	got, err := sma.Forecast(y, 1)
	require.NoError(t, err)
	assert.Equal(t, 16.0, got)
	// WMA(1, 2): (y(t-2) + 2·y(t-1))/3; at t = 1 only y(0) with weight 2.
	wma := mustF(NewWMA([]float64{1, 2}))
	require.NoError(t, wma.Fitted(y, fitted))
	assert.InDeltaSlice(t, []float64{10, 10, 34.0 / 3, 40.0 / 3, 46.0 / 3, 76.0 / 3}, fitted, 1e-12)
	got, err = wma.Forecast(y, 1)
	require.NoError(t, err)
	assert.InDelta(t, 34.0/3, got, 1e-12)
}

// The fill-rate rule with a variable lead time uses σ_T = √(T·σ² + μ²·σ_L²) (Chopra & Meindl's daily
// example: μ 2 500, σ 500, L 7 days, σ_L 7 days, σ_T = √(1 750 000 + 306 250 000) ≈ 17 549.9). A fill
// rate built from a safety stock of 20 000 and Q = 100 000 gives that safety stock back.
func TestMutantFillRateVariableLeadTime(t *testing.T) {
	sigmaT := 17549.928774784245 // √308 000 000
	fill := 1 - sigmaT*NormalLoss(20000/sigmaT)/100000
	rule, err := FillRateSafetyStock(fill)
	require.NoError(t, err)
	got, err := rule.For(Exposure{Demand: MustDemand(2500, 500, Day), Lead: MustLeadTime(7*Day, 7*Day), OrderQty: 100000})
	require.NoError(t, err)
	assert.InDelta(t, 20000, got, 1e-6)
}

// A tier's EOQ that lands exactly on the next tier's MinQty gets that tier's price: D = 5 000, K = 100,
// i = 0.2 and c = 5 give EOQ = √(2·5000·100/1) = 1 000 exactly, at 4.80 from 1 000:
// TC = 5000·4.8 + 5000·100/1000 + 0.2·4.8·1000/2 = 24 000 + 500 + 480 = 24 980.
func TestMutantPriceBreakAtMinQty(t *testing.T) {
	plan, err := EOQWithPriceBreaks(5000, 100, 0.2, []PriceBreak{{MinQty: 0, UnitPrice: 5}, {MinQty: 1000, UnitPrice: 4.8}})
	require.NoError(t, err)
	first := plan.Offers[0]
	assert.Equal(t, 1000.0, first.EOQ)
	assert.Equal(t, 1000.0, first.Qty)
	assert.Equal(t, 4.8, first.UnitPrice)
	assert.InDelta(t, 24980, first.Cost, 1e-9)
}

// Suggest's fill-rate safety stock is the rule's For on the same exposure with the demand per cycle
// it documents: Q under (s, Q), Q = S - μ·L under (s, S) with a hand-set S (here 200 - 10·5 = 150),
// the cycle stock Q under min/max, and μ·R under (R, S).
func TestMutantSuggestFillRateCycle(t *testing.T) {
	fill, _ := FillRateSafetyStock(0.98)
	tests := []struct {
		kind     PolicyKind
		maxStock float64
		review   time.Duration
		q        float64
	}{
		{PolicySQ, 0, 0, 20},
		{PolicySS, 200, 0, 150},
		{PolicySS, 0, 0, 20},
		{PolicyMinMax, 0, 0, 20},
		{PolicyMinMax, 200, 0, 150},
		{PolicyRS, 0, 7 * Day, 0},
	}
	for _, tt := range tests {
		p := testPlanner(t, func(c *PlanConfig) {
			c.Policy, c.SafetyStock, c.OrderCover, c.Review = tt.kind, fill, 2*Day, tt.review
		})
		it := testItem(30)
		it.Demand = MustDemand(10, 3, Day)
		it.Lead = MustLeadTime(5*Day, 2*Day)
		it.MaxStock = tt.maxStock
		got, err := p.Suggest(it, testNow)
		require.NoError(t, err, tt.kind.String())
		want, err := fill.For(Exposure{Demand: it.Demand, Lead: it.Lead, Review: tt.review, OrderQty: max(tt.q, 1)})
		require.NoError(t, err)
		assert.Greater(t, want, 0.0)
		assert.InDelta(t, want, got.Why.SafetyStock, 1e-9, "%s max %v", tt.kind, tt.maxStock)
	}
}
