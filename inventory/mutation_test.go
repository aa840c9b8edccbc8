package inventory

// Tests that kill mutants gremlins v0.5.0 left alive (issue 19). Each test pins a boundary or a
// known answer that the rest of the suite did not.
//
// Equivalent mutants (gremlins reports them as lived; none can change a result):
//   - newsvendor.go check, "n.overage > 0" -> ">= 0" and "n.underage > 0" -> ">= 0": a Newsvendor is
//     either the zero value (both costs 0, which the other half of the test still rejects) or made by
//     a constructor that requires both costs positive; no value has exactly one cost at 0.
//   (The mutants of the normal quantile's tail method, lowerTailQuantile, logSubnormal and
//   logNormalCDF in normal.go, listed here before, went with that code: the quantile is
//   internal/normal's now, whose own mutation tests list its equivalents.)

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opskit/opskit/internal/strictjson"
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

// eoq switches to its overflow-safe form only outside [2⁻¹⁰⁰⁰, 2¹⁰⁰⁰]; at the bounds the textbook
// √(2DK/h) is exact (√2²⁰⁰⁰... = 2^±500) while the safe form √2·√D·√K/√h is one ulp off (√2 rounded,
// squared, is 2.0000000000000004).
func TestMutantEOQFormBounds(t *testing.T) {
	lo, err := EOQ(0x1p-500, 0x1p-501, 1) // 2DK/h = 2⁻¹⁰⁰⁰
	require.NoError(t, err)
	assert.Equal(t, 0x1p-500, lo)
	hi, err := EOQ(0x1p500, 0x1p499, 1) // 2DK/h = 2¹⁰⁰⁰
	require.NoError(t, err)
	assert.Equal(t, 0x1p500, hi)
	// Just outside, the safe form is used and is within an ulp of the exact answer.
	out, err := EOQ(0x1p500, 0x1p500, 1) // 2¹⁰⁰¹: √ = 2^500.5
	require.NoError(t, err)
	assert.InEpsilon(t, 0x1p500*math.Sqrt2, out, 1e-15)
}

// Exactly MaxPriceBreaks breaks are accepted.
func TestMutantMaxPriceBreaks(t *testing.T) {
	breaks := make([]PriceBreak, MaxPriceBreaks)
	for i := range breaks {
		breaks[i] = PriceBreak{MinQty: float64(i), UnitPrice: 10 - float64(i)/1000}
	}
	_, err := EOQWithPriceBreaks(5000, 49, 0.2, breaks)
	require.NoError(t, err)
	_, err = EOQWithPriceBreaks(5000, 49, 0.2, append(breaks, PriceBreak{MinQty: 5000, UnitPrice: 1}))
	requireTyped(t, err, ErrTooLarge, "1001 breaks")
}

// Policy levels may be exactly ±MaxQty.
func TestMutantPolicyLevelBounds(t *testing.T) {
	_, err := NewSSPolicy(-MaxQty, MaxQty)
	require.NoError(t, err)
	_, err = NewMinMaxPolicy(-MaxQty, -MaxQty)
	require.NoError(t, err)
	_, err = NewSQPolicy(-MaxQty, 1)
	require.NoError(t, err)
	_, err = NewRSPolicy(Day, MaxQty)
	require.NoError(t, err)
	_, err = NewSSPolicy(-MaxQty*1.5, 0)
	requireTyped(t, err, ErrTooLarge, "s below -MaxQty")
	_, err = NewSSPolicy(0, MaxQty*1.5)
	requireTyped(t, err, ErrTooLarge, "S above MaxQty")
}

// Every enum refuses to marshal the first value past its names (and does not index out of range).
func TestMutantEnumOnePastTheEnd(t *testing.T) {
	for _, m := range []interface{ MarshalText() ([]byte, error) }{
		StockStatus(len(stockStatusText.names)), QtySource(len(qtySourceText.names)),
		PolicyKind(len(policyKindText.names)), Trigger(len(triggerText.names)),
		SafetyMethod(len(safetyText.names)), ReservationKind(len(reservationText.names)),
		ForecastMethod(len(forecastText.names)), ABCClass(len(abcText.names)),
		XYZClass(len(xyzText.names)), DemandClass(len(demandClassText.names)),
	} {
		_, err := m.MarshalText()
		requireTyped(t, err, ErrInvalidEnum, fmt.Sprintf("%T", m))
	}
	assert.Len(t, demandClassText.names, 5) // "" and the four classes: DemandClass(5) is one past
}

// A document of exactly MaxJSONBytes is decoded; one byte more is too large. An unknown key is named
// unquoted in the error's field.
func TestMutantJSONSizeAndUnknownKey(t *testing.T) {
	doc := []byte(`{"on_hand":7}`)
	doc = append(doc, bytes.Repeat([]byte(" "), MaxJSONBytes-len(doc))...)
	var s Stock
	require.NoError(t, s.UnmarshalJSON(doc))
	assert.Equal(t, int64(7), s.OnHand)
	err := s.UnmarshalJSON(append(doc, ' '))
	requireTyped(t, err, ErrTooLarge, "MaxJSONBytes+1")

	err = s.UnmarshalJSON([]byte(`{"on_hnad":7}`))
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "on_hnad", fe.Field)
	assert.EqualError(t, err, "inventory: decode stock: on_hnad: invalid JSON: unknown key")
}

// The strict decoder (internal/strictjson) accepts 64 nested levels (the outer object and 63 arrays, or 64 objects) and
// rejects 65; closing a level pops it, so 70 sibling arrays are one level deep, not 70.
func TestMutantJSONDepth(t *testing.T) {
	nest := func(levels int, open, close string) []byte {
		return []byte(`{"on_hand":` + strings.Repeat(open, levels-1) + "1" + strings.Repeat(close, levels-1) + `}`)
	}
	var s Stock
	for _, form := range [][2]string{{"[", "]"}, {`{"a":`, "}"}} {
		err := s.UnmarshalJSON(nest(strictjson.MaxDepth, form[0], form[1]))
		require.ErrorIs(t, err, ErrInvalidJSON, "64 levels of %s", form[0])
		assert.NotErrorIs(t, err, ErrTooLarge, "64 levels of %s", form[0])
		err = s.UnmarshalJSON(nest(strictjson.MaxDepth+1, form[0], form[1]))
		requireTyped(t, err, ErrTooLarge, "65 levels of "+form[0])
	}
	siblings := []byte(`{"on_hand":[` + strings.Repeat("[],", 69) + `[]]}`)
	err := s.UnmarshalJSON(siblings)
	require.ErrorIs(t, err, ErrInvalidJSON)
	assert.NotErrorIs(t, err, ErrTooLarge)
}

// A top-level scalar is a plain type error, not a crash of the duplicate-key walk.
func TestMutantJSONTopLevelScalar(t *testing.T) {
	var s Stock
	for _, doc := range []string{`7`, `"x"`, `true`} {
		requireTyped(t, s.UnmarshalJSON([]byte(doc)), ErrInvalidJSON, doc)
	}
}

// Policy.UnmarshalJSON: every kind decodes its own numbers and rejects the ones it does not use,
// naming the first such key; (R, S) needs reorder_level = order_up_to; only (R, S) has a review.
func TestMutantPolicyJSON(t *testing.T) {
	ok := []struct {
		doc  string
		want Policy
	}{
		{`{"kind":"","reorder_level":0,"order_up_to":0,"order_qty":0,"review":"0s"}`, Policy{}},
		{`{"kind":"s_q","reorder_level":-5,"order_up_to":0,"order_qty":20,"review":"0s"}`, Policy{kind: PolicySQ, s: -5, q: 20}},
		{`{"kind":"r_q","reorder_level":5,"order_up_to":0,"order_qty":20,"review":"0s"}`, Policy{kind: PolicyRQ, s: 5, q: 20}},
		{`{"kind":"s_s","reorder_level":40,"order_up_to":150,"order_qty":0,"review":"0s"}`, Policy{kind: PolicySS, s: 40, big: 150}},
		{`{"kind":"min_max","reorder_level":40,"order_up_to":40,"order_qty":0,"review":"0s"}`, Policy{kind: PolicyMinMax, s: 40, big: 40}},
		{`{"kind":"r_s","reorder_level":90,"order_up_to":90,"order_qty":0,"review":"168h0m0s"}`, Policy{kind: PolicyRS, s: 90, big: 90, review: Week}},
	}
	for _, tt := range ok {
		p := Policy{kind: PolicySQ, s: 1, q: 1} // overwritten by a successful decode
		require.NoError(t, p.UnmarshalJSON([]byte(tt.doc)), tt.doc)
		assert.Equal(t, tt.want, p, tt.doc)
	}
	bad := []struct {
		doc, field string
	}{
		{`{"kind":"","reorder_level":1,"order_up_to":2,"order_qty":0,"review":"0s"}`, "reorder_level"},
		{`{"kind":"","reorder_level":0,"order_up_to":2,"order_qty":3,"review":"0s"}`, "order_up_to"},
		{`{"kind":"","reorder_level":0,"order_up_to":0,"order_qty":3,"review":"0s"}`, "order_qty"},
		{`{"kind":"","reorder_level":0,"order_up_to":0,"order_qty":0,"review":"1h0m0s"}`, "review"},
		{`{"kind":"s_q","reorder_level":1,"order_up_to":3,"order_qty":5,"review":"0s"}`, "order_up_to"},
		{`{"kind":"s_q","reorder_level":1,"order_up_to":0,"order_qty":5,"review":"1h0m0s"}`, "review"},
		{`{"kind":"s_s","reorder_level":1,"order_up_to":3,"order_qty":5,"review":"0s"}`, "order_qty"},
		{`{"kind":"s_s","reorder_level":5,"order_up_to":3,"order_qty":0,"review":"0s"}`, "big_s"},
		{`{"kind":"min_max","reorder_level":1,"order_up_to":3,"order_qty":5,"review":"0s"}`, "order_qty"},
		{`{"kind":"r_s","reorder_level":1,"order_up_to":3,"order_qty":5,"review":"1h0m0s"}`, "order_qty"},
		{`{"kind":"r_s","reorder_level":1,"order_up_to":3,"order_qty":0,"review":"1h0m0s"}`, "reorder_level"},
		{`{"kind":"r_s","reorder_level":3,"order_up_to":3,"order_qty":0,"review":"0s"}`, "review"},
	}
	for _, tt := range bad {
		var p Policy
		err := p.UnmarshalJSON([]byte(tt.doc))
		var fe *FieldError
		require.ErrorAs(t, err, &fe, tt.doc)
		assert.Equal(t, tt.field, fe.Field, tt.doc)
		assert.Equal(t, Policy{}, p, tt.doc)
	}
}

// SafetyStock.UnmarshalJSON names the JSON key "level" for a bad service level or fill rate.
func TestMutantSafetyStockJSONLevel(t *testing.T) {
	for _, m := range []string{"cycle_service_level", "cycle_service_level_lead_time", "fill_rate"} {
		var s SafetyStock
		err := s.UnmarshalJSON([]byte(`{"method":"` + m + `","level":1.5}`))
		var fe *FieldError
		require.ErrorAs(t, err, &fe, m)
		assert.Equal(t, "level", fe.Field, m)
		assert.ErrorIs(t, err, ErrServiceLevel, m)
	}
}

// Forecaster.UnmarshalJSON rejects a parameter the method does not use, and decodes a valid one.
func TestMutantForecasterJSON(t *testing.T) {
	var f Forecaster
	err := f.UnmarshalJSON([]byte(`{"method":"ses","alpha":0.2,"n":3}`))
	requireTyped(t, err, ErrPolicy, "ses with n")
	assert.Equal(t, Forecaster{}, f)
	require.NoError(t, f.UnmarshalJSON([]byte(`{"method":"holt","alpha":0.5,"beta":0.25}`)))
	assert.Equal(t, mustF(NewHolt(0.5, 0.25)), f)
	err = f.UnmarshalJSON([]byte(`{"method":"sma","n":0}`))
	requireTyped(t, err, ErrNotPositive, "sma n 0")
}

// A receipt of 0 or MaxQty units decodes; -1 and MaxQty+1 do not.
func TestMutantReceiptJSONZero(t *testing.T) {
	var r Receipt
	require.NoError(t, r.UnmarshalJSON([]byte(`{"qty":0,"eta":"2025-06-01T08:00:00Z"}`)))
	assert.Equal(t, Receipt{ETA: testNow}, r)
	requireTyped(t, r.UnmarshalJSON([]byte(`{"qty":-1,"eta":"2025-06-01T08:00:00Z"}`)), ErrTooLarge, "qty -1")
	require.NoError(t, r.UnmarshalJSON([]byte(`{"qty":1000000000000000,"eta":"2025-06-01T08:00:00Z"}`)))
	assert.Equal(t, int64(MaxQty), r.Qty)
	requireTyped(t, r.UnmarshalJSON([]byte(`{"qty":1000000000000001,"eta":"2025-06-01T08:00:00Z"}`)), ErrTooLarge, "qty MaxQty+1")
}

// ABCXYZItem.UnmarshalJSON keeps a valid item and rejects a value of 1e30.
func TestMutantABCXYZItemJSON(t *testing.T) {
	var it ABCXYZItem
	require.NoError(t, it.UnmarshalJSON([]byte(`{"id":"a","value":"12.5","history":[1,2]}`)))
	assert.Equal(t, "a", it.ID)
	assert.True(t, it.Value.Equal(dec("12.5")))
	assert.Equal(t, []float64{1, 2}, it.History)
	var bad ABCXYZItem
	requireTyped(t, bad.UnmarshalJSON([]byte(`{"id":"b","value":"1e30","history":[1]}`)), ErrTooLarge, "1e30")
	assert.Equal(t, ABCXYZItem{}, bad)
}

// A level of 0 is a valid inventory level: (0 + 4)/2 = 2.
func TestMutantAverageInventoryZero(t *testing.T) {
	got, err := AverageInventory([]float64{0, 4})
	require.NoError(t, err)
	assert.Equal(t, 2.0, got)
}

// The zero Newsvendor has a critical ratio of 0, not NaN (0/0).
func TestMutantNewsvendorZeroCriticalRatio(t *testing.T) {
	assert.Equal(t, 0.0, Newsvendor{}.CriticalRatio())
}

// The tail quantile against 60-digit references (mpmath: findroot of ln Φ(z) = ln p, rounded to
// float64), within 2 ulps, down to the smallest subnormal p; the upper tail by symmetry at p = 1 - 2⁻ᵏ,
// where 1 - p is exact.
func TestMutantTailQuantileReference(t *testing.T) {
	lower := []struct{ p, z float64 }{
		{0.000999, -3.090529434893351},
		{0.0007, -3.1946510537632866},
		{0.0002, -3.540083799206145},
		{0.0001, -3.7190164854556804},
		{1e-05, -4.264890793922825},
		{1e-06, -4.753424308822899},
		{1e-08, -5.612001244174789},
		{1e-10, -6.361340902404057},
		{1e-15, -7.941345326170997},
		{1e-20, -9.262340089798407},
		{1e-30, -11.464024688443615},
		{1e-50, -14.933337534788489},
		{1e-100, -21.273453560965326},
		{1e-200, -30.20559417957964},
		{1e-300, -37.0470962993612},
		{1e-307, -37.479332564321574},
		{1e-310, -37.663060331949524},
		{1e-320, -38.26912534303265},
		{5e-324, -38.467405617144344},
	}
	for _, tt := range lower {
		got, err := NormalQuantile(tt.p)
		require.NoError(t, err)
		assert.InEpsilon(t, tt.z, got, 4.5e-16, "Φ⁻¹(%g)", tt.p)
	}
	upper := []struct {
		k int
		z float64 // Φ⁻¹(2⁻ᵏ)
	}{{11, -3.2971933456919635}, {20, -4.7630010342678135}, {40, -7.047700256664409}, {52, -8.125890664701906}}
	for _, tt := range upper {
		p := math.Ldexp(1, -tt.k)
		lo, err := NormalQuantile(p)
		require.NoError(t, err)
		hi, err := NormalQuantile(1 - p)
		require.NoError(t, err)
		assert.InEpsilon(t, tt.z, lo, 4.5e-16, "Φ⁻¹(2^-%d)", tt.k)
		assert.InEpsilon(t, -tt.z, hi, 4.5e-16, "Φ⁻¹(1 - 2^-%d)", tt.k)
	}
}

// A zero lead time is valid: the reorder point is the safety stock alone.
func TestMutantReorderPointZeroLead(t *testing.T) {
	got, err := ReorderPoint(MustDemand(10, 2, Day), LeadTime{}, 5)
	require.NoError(t, err)
	assert.Equal(t, 5.0, got)
}

// Policy.Need accepts positions of exactly ±3·MaxQty and a need of exactly MaxQty.
func TestMutantNeedBounds(t *testing.T) {
	ss, err := NewSSPolicy(0, MaxQty)
	require.NoError(t, err)
	got, err := ss.Need(0, AtOrBelow)
	require.NoError(t, err)
	assert.Equal(t, float64(MaxQty), got)
	_, err = ss.Need(-1, AtOrBelow)
	requireTyped(t, err, ErrTooLarge, "need MaxQty+1")

	got, err = ss.Need(3*MaxQty, AtOrBelow)
	require.NoError(t, err)
	assert.Equal(t, 0.0, got)
	// -3·MaxQty is a valid position whose need (4e15) is too large: the need, not the position, is
	// what the error names.
	_, err = ss.Need(-3*MaxQty, AtOrBelow)
	assert.EqualError(t, err, "inventory: need: position -3000000000000000: beyond limits: the need is above 1e15 units")
	_, err = ss.Need(-3*MaxQty-1, AtOrBelow)
	assert.EqualError(t, err, "inventory: need: position -3000000000000001: beyond limits: between -3e15 and 3e15 units")
	_, err = ss.Need(3*MaxQty+1, AtOrBelow)
	requireTyped(t, err, ErrTooLarge, "position 3e15+1")
}

// Stock fields and receipts may be exactly MaxQty; a receipt may be 0; ATP accepts the years 1 and 9999.
func TestMutantStockAndATPBounds(t *testing.T) {
	require.NoError(t, Stock{OnHand: MaxQty, Held: MaxQty, OnOrder: MaxQty, Backorders: MaxQty, Reserved: MaxQty}.Validate())
	requireTyped(t, Stock{OnOrder: MaxQty + 1}.Validate(), ErrTooLarge, "on_order MaxQty+1")

	atp, err := NewATP(Stock{OnHand: 5}, nil, []Receipt{{Qty: 0, ETA: testNow}, {Qty: MaxQty, ETA: testNow.Add(Day)}}, testNow)
	require.NoError(t, err)
	assert.Equal(t, int64(5+MaxQty), atp.At(testNow.Add(2*Day)))
	for _, at := range []time.Time{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)} {
		atp, err := NewATP(Stock{OnHand: 5}, nil, nil, at)
		require.NoError(t, err, "%v", at)
		assert.Equal(t, int64(5), atp.At(at))
	}
	_, err = NewATP(Stock{OnHand: 5}, nil, nil, time.Date(0, 12, 31, 0, 0, 0, 0, time.UTC))
	requireTyped(t, err, ErrTooLarge, "year 0")
}

// The restock rule accepts a window of exactly 2 days and no season left required.
func TestMutantRestockRuleBounds(t *testing.T) {
	rule := RestockRule{MinDailySales: 1, Window: 2, MinSeasonLeft: 0}
	got, err := rule.Evaluate(RestockInput{DailySales: []float64{2, 3}, At: testNow, SeasonEnd: testNow, ProjectedProfit: 10, Investment: 100})
	require.NoError(t, err)
	assert.True(t, got.Restock, got.String())
}

// A protection interval of exactly the largest time.Duration is accepted; one nanosecond more is not.
func TestMutantSafetyStockLongestProtection(t *testing.T) {
	csl, _ := CycleServiceSafetyStock(0.95)
	e := Exposure{Demand: MustDemand(1, 1, Day), Lead: FixedLeadTime(math.MaxInt64 - Day), Review: Day}
	got, err := csl.For(e)
	require.NoError(t, err)
	// z·σ·√T with T = (2⁶³ - 1) ns in days.
	assert.InEpsilon(t, 1.6448536269514722*math.Sqrt(float64(math.MaxInt64)/float64(Day)), got, 1e-12)
	e.Review++
	_, err = csl.For(e)
	requireTyped(t, err, ErrTooLarge, "lead + review beyond MaxInt64")
}

// Shaping accepts moq, pack and cap of exactly MaxQty.
func TestMutantShapingAtMaxQty(t *testing.T) {
	_, err := NewShaping(MaxQty, 1, 0)
	require.NoError(t, err)
	_, err = NewShaping(0, MaxQty, 0)
	require.NoError(t, err)
	_, err = NewShaping(0, 1, MaxQty)
	require.NoError(t, err)
	_, err = NewShaping(0, 1, MaxQty+1)
	requireTyped(t, err, ErrTooLarge, "cap MaxQty+1")
}

// NewPlanner: DeadAfter 0 means never dead whatever SlowMovingAfter is, and DeadAfter may equal
// SlowMovingAfter.
func TestMutantPlannerDeadAfter(t *testing.T) {
	base := testPlanner(t, nil).Config()
	cfg := base
	cfg.DeadAfter, cfg.SlowMovingAfter = 0, 30*Day
	_, err := NewPlanner(cfg)
	require.NoError(t, err)
	cfg.DeadAfter = 30 * Day
	_, err = NewPlanner(cfg)
	require.NoError(t, err)
	cfg.DeadAfter = 30*Day - 1
	_, err = NewPlanner(cfg)
	requireTyped(t, err, ErrPolicy, "dead before slow")
}

// Suggest accepts evaluation years 300 to 9898; the (r, Q) policy names the missing cost; a fixed
// order quantity of exactly MaxQty is accepted.
func TestMutantSuggestBounds(t *testing.T) {
	p := testPlanner(t, nil)
	for _, y := range []int{300, 9898} {
		at := time.Date(y, 6, 1, 8, 0, 0, 0, time.UTC)
		it := testItem(30)
		it.LastSale = at.Add(-time.Hour)
		_, err := p.Suggest(it, at)
		require.NoError(t, err, y)
	}
	for _, y := range []int{299, 9899} {
		at := time.Date(y, 6, 1, 8, 0, 0, 0, time.UTC)
		it := testItem(30)
		it.LastSale = at.Add(-time.Hour)
		_, err := p.Suggest(it, at)
		requireTyped(t, err, ErrTooLarge, fmt.Sprint(y))
	}

	rq := testPlanner(t, func(c *PlanConfig) { c.Policy = PolicyRQ })
	it := testItem(30)
	it.OrderCost, it.HoldingCost = 0, 2
	_, err := rq.Suggest(it, testNow)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "item.order_cost", fe.Field)
	assert.ErrorIs(t, err, ErrNotPositive)
	it.OrderCost, it.HoldingCost = 50, 0
	_, err = rq.Suggest(it, testNow)
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "item.holding_cost", fe.Field)
	assert.ErrorIs(t, err, ErrNotPositive)

	sq := testPlanner(t, func(c *PlanConfig) { c.Policy = PolicySQ })
	it = testItem(0)
	it.OrderQty = MaxQty
	got, err := sq.Suggest(it, testNow)
	require.NoError(t, err)
	assert.Equal(t, float64(MaxQty), got.Why.CycleQty)
	assert.Equal(t, int64(MaxQty), got.Qty)
}

// An order quantity above MaxQty is reported with all its digits: 14 days of 1e15 a day is 1.4e16.
func TestMutantSuggestOrderQtyMessage(t *testing.T) {
	p := testPlanner(t, nil) // OrderCover 14 days
	it := testItem(0)
	it.Demand = MustDemand(MaxQty, 0, Day)
	_, err := p.Suggest(it, testNow)
	requireTyped(t, err, ErrTooLarge, "order cover of MaxQty a day")
	assert.Contains(t, err.Error(), "the order quantity 1.4e+16 (order cover) is above 1e15 units")
}

// Found by FuzzNormal's new property: far in the upper tail φ(z) and z·(1 - Φ(z)) are both subnormal
// and their difference rounded to -2.5e-323 at z = 38.33; the loss is never negative.
func TestNormalLossNeverNegative(t *testing.T) {
	for z := 30.0; z < 40; z += 1.0 / 3 {
		assert.GreaterOrEqual(t, NormalLoss(z), 0.0, "NormalLoss(%v)", z)
	}
	assert.Equal(t, 0.0, NormalLoss(38.33333333333333))
}

// An unknown name leaves an enum as it was (as in kpi and funnel): a
// decode that fails must not turn a set value into its zero default.
func TestEnumUnmarshalKeepsValueOnError(t *testing.T) {
	k, tr, m, r, f, a, x, d := PolicyRQ, StrictlyBelow, SafetyDaysOfCover, GroupBuy, MethodCroston, ClassB, ClassZ, Lumpy
	for name, u := range map[string]interface {
		UnmarshalText([]byte) error
		MarshalText() ([]byte, error)
	}{"policy kind": &k, "trigger": &tr, "safety method": &m, "reservation kind": &r, "forecast method": &f, "abc class": &a, "xyz class": &x, "demand class": &d} {
		before, err := u.MarshalText()
		require.NoError(t, err, name)
		require.ErrorIs(t, u.UnmarshalText([]byte("no such name")), ErrInvalidEnum, name)
		after, err := u.MarshalText()
		require.NoError(t, err, name)
		assert.Equal(t, string(before), string(after), name)
	}
}
