package inventory

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Stocktake by hand, threshold 2 %: a is 1 short of 50 (exactly 2 %, not flagged), b 2 short of 50
// (4 %, flagged), c has 3 units the books do not know (book 0: flagged), d 2 over a book of 10.
func TestReconcile(t *testing.T) {
	r, err := Reconcile([]CountLine{
		{"a", 50, 49, 100}, {"b", 50, 48, 50}, {"c", 0, 3, 0}, {"d", 10, 12, 0},
	}, 0.02)
	require.NoError(t, err)
	assert.Equal(t, []CountResult{
		{ID: "a", Book: 50, Counted: 49, Variance: -1, VarianceRate: -0.02, Shrinkage: 1, ShrinkageRate: 0.01, Flagged: false},
		{ID: "b", Book: 50, Counted: 48, Variance: -2, VarianceRate: -0.04, Shrinkage: 2, ShrinkageRate: 0.04, Flagged: true},
		{ID: "c", Book: 0, Counted: 3, Variance: 3, Flagged: true},
		{ID: "d", Book: 10, Counted: 12, Variance: 2, VarianceRate: 0.2, Flagged: true},
	}, r.Lines)
	assert.Equal(t, int64(110), r.Book)
	assert.Equal(t, int64(112), r.Counted)
	assert.Equal(t, int64(2), r.Variance)
	assert.Equal(t, 2.0/110, r.VarianceRate)
	assert.Equal(t, int64(3), r.Shrinkage, "the overages of c and d do not hide the losses of a and b")
	assert.Equal(t, int64(150), r.Sold)
	assert.Equal(t, 0.02, r.ShrinkageRate)
	assert.Equal(t, int64(3), r.Flagged)

	// The flag is exact at the edge for huge books: 2 % of 1e15 is 2e13; 2e13 is not flagged, one more is.
	r, err = Reconcile([]CountLine{{"x", 1e15, 1e15 - 2e13, 0}, {"y", 1e15, 1e15 - 2e13 - 1, 0}}, 0.02)
	require.NoError(t, err)
	assert.False(t, r.Lines[0].Flagged)
	assert.True(t, r.Lines[1].Flagged)
	// Threshold 0 flags any variance; 1 flags only a count above twice the book.
	r, err = Reconcile([]CountLine{{"x", 7, 6, 0}, {"y", 7, 14, 0}, {"z", 7, 15, 0}, {"w", 7, 0, 0}}, 1)
	require.NoError(t, err)
	assert.Equal(t, []bool{false, false, true, false}, []bool{r.Lines[0].Flagged, r.Lines[1].Flagged, r.Lines[2].Flagged, r.Lines[3].Flagged})
	r, err = Reconcile([]CountLine{{"x", 7, 6, 0}, {"y", 7, 7, 0}}, 0)
	require.NoError(t, err)
	assert.True(t, r.Lines[0].Flagged)
	assert.False(t, r.Lines[1].Flagged)

	// Nothing on the books and nothing sold: the total rates are 0, not NaN.
	r, err = Reconcile([]CountLine{{"z", 0, 0, 0}}, 0.02)
	require.NoError(t, err)
	assert.Equal(t, StocktakeReport{Lines: []CountResult{{ID: "z"}}}, r)

	for _, tc := range []struct {
		name      string
		lines     []CountLine
		threshold float64
		want      error
	}{
		{"no lines", nil, 0.02, ErrEmptyHistory},
		{"negative count", []CountLine{{"a", 1, -1, 0}}, 0.02, ErrNegative},
		{"huge book", []CountLine{{"a", MaxQty + 1, 1, 0}}, 0.02, ErrTooLarge},
		{"huge sold", []CountLine{{"a", 1, 1, MaxQty + 1}}, 0.02, ErrTooLarge},
		{"duplicate", []CountLine{{"a", 1, 1, 0}, {"a", 2, 2, 0}}, 0.02, ErrDuplicateID},
		{"threshold NaN", []CountLine{{"a", 1, 1, 0}}, math.NaN(), ErrServiceLevel},
		{"threshold above 1", []CountLine{{"a", 1, 1, 0}}, 1.5, ErrServiceLevel},
		{"threshold negative", []CountLine{{"a", 1, 1, 0}}, -0.1, ErrServiceLevel},
	} {
		_, err := Reconcile(tc.lines, tc.threshold)
		assert.ErrorIs(t, err, tc.want, tc.name)
	}
	// Totals beyond int64: 10 000 lines of 1e15 units.
	big := make([]CountLine, 10000)
	for i := range big {
		big[i] = CountLine{ID: string(rune('a'+i%26)) + string(rune(i)), Book: MaxQty, Counted: MaxQty}
	}
	_, err = Reconcile(big, 0.02)
	assert.ErrorIs(t, err, ErrTooLarge)
}

func TestLifecycle(t *testing.T) {
	rule := DefaultLifecycleRule()
	for _, tc := range []struct {
		name   string
		sales  []float64
		stage  LifecycleStage
		growth float64
	}{
		{"7 periods since the first sale: new", []float64{0, 0, 5, 5, 5, 5, 5, 5, 5}, StageNew, 0},
		{"never sold: new", []float64{0, 0, 0}, StageNew, 0},
		{"+20 % exactly: growth", []float64{5, 5, 5, 5, 6, 6, 6, 6}, StageGrowth, 0.2},
		{"flat: mature", []float64{5, 5, 5, 5, 5, 5, 5, 5}, StageMature, 0},
		{"-20 % exactly: decline", []float64{5, 5, 5, 5, 4, 4, 4, 4}, StageDecline, -0.2},
		{"-15 %: mature", []float64{5, 5, 5, 5, 4, 4, 4, 5}, StageMature, -0.15},
		{"+15 %: mature", []float64{20, 20, 20, 20, 23, 23, 23, 23}, StageMature, 0.15},
		{"sales after an empty window: growth", []float64{1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3}, StageGrowth, 1},
		{"no sales in either window: decline", []float64{5, 0, 0, 0, 0, 0, 0, 0, 0}, StageDecline, 0},
		{"stopped selling: decline", []float64{5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0}, StageDecline, -1},
	} {
		l, err := rule.Classify(tc.sales)
		require.NoError(t, err, tc.name)
		assert.Equal(t, tc.stage, l.Stage, tc.name)
		assert.InDelta(t, tc.growth, l.Growth, 1e-12, tc.name)
	}
	l, err := rule.Classify([]float64{0, 3, 5, 5, 5, 5, 6, 6, 6, 6})
	require.NoError(t, err)
	assert.Equal(t, Lifecycle{Stage: StageGrowth, Age: 9, Recent: 24, Previous: 20, Growth: 0.2}, l)
	// Too young to compare two windows of 4, though older than NewPeriods 2: new.
	l, err = LifecycleRule{NewPeriods: 2, Window: 4, Growth: 0.2, Decline: 0.2}.Classify([]float64{1, 1, 1, 1, 1, 1, 1})
	require.NoError(t, err)
	assert.Equal(t, StageNew, l.Stage)
	assert.Equal(t, 7, l.Age)
	l, err = LifecycleRule{NewPeriods: 2, Window: 4, Growth: 0.2, Decline: 0.2}.Classify([]float64{1, 1, 1, 1, 1, 1, 1, 1})
	require.NoError(t, err)
	assert.Equal(t, StageMature, l.Stage)

	for _, tc := range []struct {
		name string
		r    LifecycleRule
		s    []float64
		want error
	}{
		{"new periods 0", LifecycleRule{0, 4, 0.2, 0.2}, []float64{1}, ErrNotPositive},
		{"window 0", LifecycleRule{8, 0, 0.2, 0.2}, []float64{1}, ErrNotPositive},
		{"growth 0", LifecycleRule{8, 4, 0, 0.2}, []float64{1}, ErrNotPositive},
		{"decline NaN", LifecycleRule{8, 4, 0.2, math.NaN()}, []float64{1}, ErrNotFinite},
		{"decline above 1", LifecycleRule{8, 4, 0.2, 1.5}, []float64{1}, ErrPolicy},
		{"empty", rule, nil, ErrEmptyHistory},
		{"negative", rule, []float64{1, -1}, ErrNegative},
	} {
		_, err := tc.r.Classify(tc.s)
		assert.ErrorIs(t, err, tc.want, tc.name)
	}
	assert.Equal(t, "decline", StageDecline.String())
	b, err := json.Marshal(StageGrowth)
	require.NoError(t, err)
	assert.Equal(t, `"growth"`, string(b))
}

// The seeds' March plan (WE-3): 2 500 UV a day at 3 % is 75 orders a day. A three-day event from
// 2025-03-08 with one unit per order needs 225 units; 60 are on hand, so 165 are bought; a third,
// 75, is pre-packed by 03-07 (INV-30); the decision is due a week before, 03-01 (INV-06); with a
// 5-day lead time the order goes out on 03-02; the after-sales peak runs from 3 days after the last
// day (03-10 + 3 = 03-13, X-20) for a week, to 03-19.
func TestPlanEvent(t *testing.T) {
	start, err := NewDateForTest(2025, time.March, 8)
	require.NoError(t, err)
	p, err := DefaultEventRule().PlanEvent(EventInput{Start: start, Days: 3, UV: 7500, ConversionRate: 0.03,
		UnitsPerOrder: 1, OnHand: 60, LeadDays: 5})
	require.NoError(t, err)
	d := func(m time.Month, day int) Date { x, _ := NewDateForTest(2025, m, day); return x }
	assert.Equal(t, EventPlan{Orders: 225, Units: 225, ToBuy: 165, DecideBy: d(3, 1), OrderBy: d(3, 2), StockBy: d(3, 7),
		Prepack: 75, PrepackBy: d(3, 7), LastDay: d(3, 10), AfterSalesFrom: d(3, 13), AfterSalesTo: d(3, 19)}, p)

	// A forecast instead of a plan, 1.5 units per order, and more on hand than needed: ⌈101 × 1.5⌉ =
	// 152 units, nothing to buy, ⌈152/3⌉ = 51 pre-packed.
	p, err = DefaultEventRule().PlanEvent(EventInput{Start: start, Days: 1, Orders: 101, UnitsPerOrder: 1.5, OnHand: 500})
	require.NoError(t, err)
	assert.Equal(t, int64(152), p.Units)
	assert.Equal(t, int64(0), p.ToBuy)
	assert.Equal(t, int64(51), p.Prepack)
	assert.Equal(t, d(3, 7), p.OrderBy, "no lead time: order by the stock date")

	// 100 UV at 7 % is 7.000000000000001 orders in floating point: 7 units, not 8.
	p, err = DefaultEventRule().PlanEvent(EventInput{Start: start, Days: 1, UV: 100, ConversionRate: 0.07, UnitsPerOrder: 1})
	require.NoError(t, err)
	assert.Equal(t, int64(7), p.Units)
	assert.Equal(t, int64(3), p.Prepack) // ⌈7/3⌉
	p, err = DefaultEventRule().PlanEvent(EventInput{Start: start, Days: 1, Orders: 7.01, UnitsPerOrder: 1})
	require.NoError(t, err)
	assert.Equal(t, int64(8), p.Units)

	// The tolerance is relative: 1 000 000.0005 orders is within 1e-9 of 1 000 000 and needs 1 000 000 units.
	p, err = DefaultEventRule().PlanEvent(EventInput{Start: start, Days: 1, Orders: 1000000.0005, UnitsPerOrder: 1})
	require.NoError(t, err)
	assert.Equal(t, int64(1000000), p.Units)

	ok := EventInput{Start: start, Days: 1, Orders: 10, UnitsPerOrder: 1}
	mod := func(f func(*EventInput)) EventInput { x := ok; f(&x); return x }
	for _, tc := range []struct {
		name string
		r    EventRule
		in   EventInput
		want error
	}{
		{"both sources", DefaultEventRule(), mod(func(x *EventInput) { x.UV = 100; x.ConversionRate = 0.1 }), ErrPolicy},
		{"no conversion", DefaultEventRule(), mod(func(x *EventInput) { x.Orders = 0; x.UV = 100 }), ErrServiceLevel},
		{"negative UV", DefaultEventRule(), mod(func(x *EventInput) { x.UV = -1 }), ErrNegative},
		{"bad date", DefaultEventRule(), mod(func(x *EventInput) { x.Start = Date{} }), ErrPolicy},
		{"zero days", DefaultEventRule(), mod(func(x *EventInput) { x.Days = 0 }), ErrPolicy},
		{"long lead", DefaultEventRule(), mod(func(x *EventInput) { x.LeadDays = 400 }), ErrPolicy},
		{"negative stock", DefaultEventRule(), mod(func(x *EventInput) { x.OnHand = -1 }), ErrNegative},
		{"huge stock", DefaultEventRule(), mod(func(x *EventInput) { x.OnHand = MaxQty + 1 }), ErrTooLarge},
		{"no units per order", DefaultEventRule(), mod(func(x *EventInput) { x.UnitsPerOrder = 0 }), ErrNotPositive},
		{"NaN orders", DefaultEventRule(), mod(func(x *EventInput) { x.Orders = math.NaN() }), ErrNotFinite},
		{"too many units", DefaultEventRule(), mod(func(x *EventInput) { x.Orders = 1e15; x.UnitsPerOrder = 2 }), ErrTooLarge},
		{"before year 1", DefaultEventRule(), mod(func(x *EventInput) { x.Start, _ = NewDateForTest(1, time.January, 3) }), ErrTooLarge},
		{"after 9999", DefaultEventRule(), mod(func(x *EventInput) { x.Start, _ = NewDateForTest(9999, time.December, 30) }), ErrTooLarge},
		{"prepack 4/3", EventRule{7, 4, 3, 3, 7}, ok, ErrPolicy},
		{"prepack den 0", EventRule{7, 0, 0, 3, 7}, ok, ErrPolicy},
		{"negative decision", EventRule{-1, 1, 3, 3, 7}, ok, ErrPolicy},
		{"negative delay", EventRule{7, 1, 3, -1, 7}, ok, ErrPolicy},
		{"empty window", EventRule{7, 1, 3, 3, 0}, ok, ErrPolicy},
	} {
		_, err := tc.r.PlanEvent(tc.in)
		assert.ErrorIs(t, err, tc.want, tc.name)
	}
	var in EventInput
	require.NoError(t, json.Unmarshal([]byte(`{"start":"2025-03-08","days":3,"uv":7500,"conversion_rate":0.03,"orders":0,"units_per_order":1,"on_hand":60,"lead_days":5}`), &in))
	assert.Equal(t, start, in.Start)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"start":"2025-03-08","zz":1}`), &in), ErrInvalidJSON)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"days":1}`), &in), ErrInvalidJSON, "start is required")
}
