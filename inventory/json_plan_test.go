package inventory

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Golden JSON for issue 16's result and input types.
func TestJSONGoldenPlan(t *testing.T) {
	sk := BacktestSKU{ID: "q", Policy: mustPolicy(NewSQPolicy(2, 5)), Shaping: MustShaping(0, 5, 0, WithPackRounding(PackRoundDown)),
		Demand: []int64{2, 8, 0, 3}, OnHand: 4, LeadDays: 1, LeadSequence: []int{1, 2}, HoldingCost: 0.5, OrderCost: 2, ShortageCost: 10}
	golden(t, "backtest_sku", sk)
	out := make([]BacktestResult, 1)
	total, err := Backtest([]BacktestSKU{sk}, Backorders, out)
	require.NoError(t, err)
	golden(t, "backtest_result", struct {
		SKUs  []BacktestResult `json:"skus"`
		Total BacktestResult   `json:"total"`
	}{out, total})
	levels, err := SearchClassLevels(PlanConfig{Policy: PolicySQ}, SafetyCycleService, []float64{0.5, 0.9, 0.999}, 0.97, searchItems(), LostSales)
	require.NoError(t, err)
	golden(t, "class_levels", levels)
	golden(t, "backtest_item", searchItems()[0])
	st, err := Reconcile([]CountLine{{"a", 50, 49, 100}, {"b", 50, 48, 50}, {"c", 0, 3, 0}}, 0.02)
	require.NoError(t, err)
	golden(t, "stocktake", st)
	lc, err := DefaultLifecycleRule().Classify([]float64{0, 3, 5, 5, 5, 5, 6, 6, 6, 6})
	require.NoError(t, err)
	golden(t, "lifecycle", lc)
	start, _ := NewDateForTest(2025, 3, 8)
	in := EventInput{Start: start, Days: 3, UV: 7500, ConversionRate: 0.03, UnitsPerOrder: 1, OnHand: 60, LeadDays: 5}
	golden(t, "event_input", in)
	ev, err := DefaultEventRule().PlanEvent(in)
	require.NoError(t, err)
	golden(t, "event_plan", ev)
	golden(t, "event_rule", DefaultEventRule())
	golden(t, "lifecycle_rule", DefaultLifecycleRule())
}

func TestBacktestJSONRoundTrip(t *testing.T) {
	sk := BacktestSKU{ID: "x", Policy: mustPolicy(NewTopUpPolicy(3, 4)), Trigger: StrictlyBelow, Shaping: MustShaping(6, 6, 60),
		Demand: []int64{1, 2}, OnHand: 3, LeadDays: 2}
	b, err := json.Marshal(sk)
	require.NoError(t, err)
	var back BacktestSKU
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, sk, back)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"id":"x","zz":1}`), &back), ErrInvalidJSON)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"id":"x","policy":{"kind":"s_q","reorder_level":1,"order_up_to":0,"order_qty":0,"review":"0s"}}`), &back), ErrNotPositive)
	bi := searchItems()[1]
	bi.Item.Shaping = MustShaping(0, 1, 0) // the zero Shaping decodes with its minimum set
	b, err = json.Marshal(bi)
	require.NoError(t, err)
	var biBack BacktestItem
	require.NoError(t, json.Unmarshal(b, &biBack))
	assert.Equal(t, bi, biBack)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"item":{},"zz":1}`), &biBack), ErrInvalidJSON)

	// An empty lead_sequence is the absent one: it decodes to nil, the form the encoder omits, so a
	// stored document round-trips to the value it decoded to (found by FuzzBacktestJSON).
	require.NoError(t, json.Unmarshal([]byte(`{"id":"e","lead_sequence":[]}`), &back))
	assert.Nil(t, back.LeadSequence)
	require.NoError(t, json.Unmarshal([]byte(`{"item":{},"lead_sequence":[]}`), &biBack))
	assert.Nil(t, biBack.LeadSequence)
	require.NoError(t, json.Unmarshal([]byte(`{"id":"e","lead_sequence":[2]}`), &back))
	assert.Equal(t, []int{2}, back.LeadSequence)
}

// FuzzBacktestJSON: any document that decodes into a BacktestSKU re-encodes to one that decodes to
// the same value, and a backtest of it either fails with a *FieldError or gives ratios in [0, 1],
// Served + Short = Demand and finite costs.
func FuzzBacktestJSON(f *testing.F) {
	f.Add(`{"id":"q","policy":{"kind":"s_q","reorder_level":2,"order_up_to":0,"order_qty":5,"review":"0s"},"trigger":"at_or_below","shaping":{"moq":0,"pack":5,"cap":0},"demand":[2,8,0,3],"on_hand":4,"lead_days":1,"holding_cost":0.5,"order_cost":2,"shortage_cost":10}`)
	f.Add(`{"id":"r","policy":{"kind":"r_s","reorder_level":9,"order_up_to":9,"order_qty":0,"review":"48h0m0s"},"demand":[9223372036854775807],"on_hand":1,"lead_sequence":[365,1]}`)
	f.Add(`{"id":"t","policy":{"kind":"top_up","reorder_level":-5,"order_up_to":0,"order_qty":1e15,"review":"0s"},"demand":[1000000000000000,1000000000000000],"on_hand":0,"lead_days":365}`)
	f.Add(`{"policy":{"kind":"r_s","reorder_level":0,"order_up_to":0,"order_qty":0,"review":"1s"},"demand":[0],"lead_sequence":[]}`)
	f.Fuzz(func(t *testing.T, doc string) {
		var sk BacktestSKU
		if json.Unmarshal([]byte(doc), &sk) != nil {
			return
		}
		b, err := json.Marshal(sk)
		if err != nil {
			t.Fatalf("marshal %+v: %v", sk, err)
		}
		var back BacktestSKU
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("re-decode %s: %v", b, err)
		}
		assert.Equal(t, sk, back)
		for _, u := range []Unmet{LostSales, Backorders} {
			out := make([]BacktestResult, 1)
			total, err := Backtest([]BacktestSKU{sk}, u, out)
			if err != nil {
				var fe *FieldError
				if !assert.ErrorAs(t, err, &fe) {
					t.FailNow()
				}
				continue
			}
			r := out[0]
			if r.Served+r.Short != r.Demand || r.Served < 0 || r.Short < 0 || r.FillRate < 0 || r.FillRate > 1 ||
				r.CycleServiceLevel < 0 || r.CycleServiceLevel > 1 || r.StockoutCycles > r.Cycles ||
				r.StockoutDays > r.Days || !isFinite(r.TotalCost) || r.TotalCost < 0 || r.EndOnHand < 0 || r.EndOnOrder < 0 {
				t.Fatalf("bad result %+v", r)
			}
			if u == LostSales && r.EndBackorders != 0 {
				t.Fatalf("backorders under lost sales: %+v", r)
			}
			if total.Demand != r.Demand {
				t.Fatalf("total %+v of one SKU %+v", total, r)
			}
		}
	})
}

// FuzzPlanJSONRoundTrip: for each input type of issue 16 with a JSON form, a document that decodes
// re-encodes to one that decodes to the same value.
func FuzzPlanJSONRoundTrip(f *testing.F) {
	f.Add(byte(0), `{"id":"a","book":50,"counted":49,"sold":100}`)
	f.Add(byte(1), `{"new_periods":8,"window":4,"growth":0.2,"decline":0.2}`)
	f.Add(byte(2), `{"decision_days":7,"prepack_num":1,"prepack_den":3,"after_sales_delay":3,"after_sales_days":7}`)
	f.Add(byte(3), `{"start":"2025-03-08","days":3,"uv":7500,"conversion_rate":0.03,"orders":0,"units_per_order":1,"on_hand":60,"lead_days":5}`)
	f.Add(byte(4), `{"a":{"method":"fill_rate","level":0.97},"c":{"method":"fixed","qty":3}}`)
	f.Add(byte(5), `{"item":{"id":"a","class":"a","stock":{"on_hand":20},"demand":{"mean":10,"sd":4,"per":"24h0m0s"}},"demand":[10,10,25],"shortage_cost":2}`)
	f.Fuzz(func(t *testing.T, kind byte, doc string) {
		news := []func() any{
			func() any { return new(CountLine) }, func() any { return new(LifecycleRule) }, func() any { return new(EventRule) },
			func() any { return new(EventInput) }, func() any { return new(ClassSafetyStock) }, func() any { return new(BacktestItem) },
		}
		mk := news[int(kind)%len(news)]
		v := mk()
		if json.Unmarshal([]byte(doc), v) != nil {
			return
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("marshal %+v: %v", v, err)
		}
		back := mk()
		if err := json.Unmarshal(b, back); err != nil {
			t.Fatalf("re-decode %s: %v", b, err)
		}
		assert.Equal(t, v, back)
	})
}
