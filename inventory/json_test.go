package inventory

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden JSON files in testdata/json")

// golden compares the indented JSON of v with testdata/json/name.json byte for byte.
func golden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	require.NoError(t, err, name)
	got = append(got, '\n')
	path := filepath.Join("testdata", "json", name+".json")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got), name)
}

// Issue 14: json.Marshal(Suggestion) failed with "unsupported value: +Inf" for a zero-demand SKU with
// stock, and Explanation.Safety marshalled as {}.
func TestSuggestionJSONFindings(t *testing.T) {
	it := testItem(40)
	it.Demand = MustDemand(0, 0, Day)
	s, err := testPlanner(t, nil).Suggest(it, testNow)
	require.NoError(t, err)
	require.True(t, math.IsInf(s.DaysOfCover, 1))
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"days_of_cover":null`)
	assert.Contains(t, string(b), `"safety":{"method":"cycle_service_level","level":0.95}`)
	golden(t, "suggestion_zero_demand", s)
}

func TestGoldenJSON(t *testing.T) {
	p := testPlanner(t, nil)
	reorder, err := p.Suggest(testItem(50), testNow)
	require.NoError(t, err)
	golden(t, "suggestion", reorder)

	out := make([]Suggestion, 2)
	bad := testItem(10)
	bad.ID, bad.Stock.OnHand = "BAD", -1
	_, _ = p.SuggestBatch([]Item{testItem(300), bad}, testNow, out)
	golden(t, "suggestion_batch", out)

	abc, err := ABC([]ABCItem{{"tea", dec("800")}, {"cup", dec("150")}, {"bag", dec("50")}}, DefaultABCCuts())
	require.NoError(t, err)
	golden(t, "abc", abc)

	res, matrix, err := ABCXYZ([]ABCXYZItem{
		{ID: "tea", Value: dec("800"), History: []float64{10, 11, 9, 10}},
		{ID: "cup", Value: dec("150"), History: []float64{0, 8, 0, 9}},
		{ID: "bag", Value: dec("50"), History: []float64{0, 0, 0, 0}},
	}, DefaultABCCuts(), DefaultXYZCuts())
	require.NoError(t, err)
	golden(t, "abc_xyz", struct {
		Results []ABCXYZResult `json:"results"`
		Matrix  ABCXYZMatrix   `json:"matrix"`
	}{res, matrix})

	sq, _ := NewSQPolicy(40, 100)
	ss, _ := NewSSPolicy(40, 150)
	rs, _ := NewRSPolicy(Week, 150)
	mm, _ := NewMinMaxPolicy(40, 150)
	rq, _ := NewRQPolicy(40, 1000, 10, 0.5)
	golden(t, "policies", []Policy{sq, ss, rs, mm, rq})

	plan, err := EOQWithPriceBreaks(5000, 49, 0.2, []PriceBreak{{0, 5}, {1000, 4.8}, {2000, 4.75}})
	require.NoError(t, err)
	golden(t, "price_break_plan", plan)

	n, _ := NewNewsvendor(0.18, 0.70)
	nv, err := n.Normal(50, 8)
	require.NoError(t, err)
	golden(t, "newsvendor_result", nv)

	decision, err := DefaultRestockRule().Evaluate(RestockInput{DailySales: []float64{20, 21, 22, 23, 24, 25, 26},
		SeasonEnd: testNow.Add(60 * Day), At: testNow, ProjectedProfit: 500, Investment: 2000})
	require.NoError(t, err)
	golden(t, "restock_decision", decision)

	pat, err := ClassifyDemand([]float64{0, 3, 0, 0, 5, 0, 4})
	require.NoError(t, err)
	golden(t, "demand_pattern", pat)

	atp, err := NewATP(Stock{OnHand: 30, Backorders: 2}, []Reservation{{Kind: GroupBuy, Qty: 8}},
		[]Receipt{{Qty: 50, ETA: testNow.Add(2 * Day)}}, testNow)
	require.NoError(t, err)
	golden(t, "atp", atp)

	shaped, err := MustShaping(20, 12, 0).Shape(12.3)
	require.NoError(t, err)
	golden(t, "shaped", shaped)

	history := []float64{10, 12, 11, 13, 12}
	fc := mustF(NewHolt(0.5, 0.2))
	next, err := fc.Forecast(history, 1)
	require.NoError(t, err)
	fitted := make([]float64, len(history))
	require.NoError(t, fc.Fitted(history, fitted))
	golden(t, "forecast", struct {
		Forecaster Forecaster `json:"forecaster"`
		Next       float64    `json:"next"`
		Fitted     []float64  `json:"fitted"`
	}{fc, next, fitted})

	// Inputs with a JSON form.
	it := testItem(50)
	it.Shaping = MustShaping(20, 12, 0)
	golden(t, "item", it)
	golden(t, "plan_config", p.Config())
	golden(t, "restock_rule", DefaultRestockRule())
}

// Every input type decodes its own golden form back to an equal value.
func TestJSONInputsRoundTrip(t *testing.T) {
	it := testItem(50)
	it.Shaping = MustShaping(20, 12, 0)
	fill, _ := FillRateSafetyStock(0.98)
	cover, _ := CoverSafetyStock(3 * Day)
	fixed, _ := FixedSafetyStock(30)
	for _, v := range []any{it, testPlanner(t, nil).Config(), DefaultRestockRule(), fill, cover, fixed,
		mustF(NewWMA([]float64{1, 2, 3})), mustF(NewSMA(7)), mustF(NewTSB(0.1, 0.05)), DefaultABCCuts(), MustDemand(12, 3, Day),
		Reservation{Kind: UnpaidOrder, Qty: 2, ExpiresAt: testNow}, Receipt{Qty: 5, ETA: testNow}} {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		ptr := newOf(v)
		require.NoError(t, json.Unmarshal(b, ptr), "%T from %s", v, b)
		b2, err := json.Marshal(ptr)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(b2), "%T", v)
	}
}

func TestJSONDecodeErrors(t *testing.T) {
	tests := []struct {
		name string
		into any
		give string
		want error
	}{
		{"unknown key", &Stock{}, `{"on_hand":1,"onhand":2}`, ErrInvalidJSON},
		{"duplicate key", &Stock{}, `{"on_hand":1,"on_hand":2}`, ErrInvalidJSON},
		{"nested duplicate key", &Item{}, `{"id":"a","stock":{"held":0,"held":1}}`, ErrInvalidJSON},
		{"negative stock", &Stock{}, `{"on_hand":-1}`, ErrNegative},
		{"stock above MaxQty", &Stock{}, `{"backorders":9223372036854775807}`, ErrTooLarge},
		{"unknown enum", &PlanConfig{}, `{"policy":"s_x"}`, ErrInvalidEnum},
		{"bad duration", &LeadTime{}, `{"mean":"5 days","sd":"0s"}`, ErrInvalidJSON},
		{"invalid demand", &Demand{}, `{"mean":-1,"sd":0,"per":"24h0m0s"}`, ErrNegative},
		{"wrong type", &Stock{}, `{"on_hand":"1"}`, ErrInvalidJSON},
		{"safety parameter of another method", &SafetyStock{}, `{"method":"fixed","level":0.9}`, ErrPolicy},
		{"abc value with a hostile exponent", &ABCItem{}, `{"id":"a","value":"1e-40"}`, ErrTooLarge},
		{"planner config", &PlanConfig{}, `{"policy":"s_x","safety_stock":{"method":""}}`, ErrInvalidEnum},
	}
	// Errors in parts name the path.
	err := json.Unmarshal([]byte(`{"id":"a","demand":{"mean":-1,"sd":0,"per":"24h0m0s"}}`), new(Item))
	assert.EqualError(t, err, "inventory: decode item: demand.mean -1: negative")
	err = json.Unmarshal([]byte(`{"policy":"s_s","safety_stock":{"method":"cycle_service_level","level":1.5}}`), new(PlanConfig))
	assert.EqualError(t, err, "inventory: decode plan config: safety_stock.level 1.5: service level not in (0, 1)")
	err = json.Unmarshal([]byte(`{"policy":"s_x"}`), new(PlanConfig))
	assert.EqualError(t, err, `inventory: decode plan config: policy "s_x": invalid enumeration value: one of s_q, s_s, r_s, min_max, r_q, top_up`)
	for _, tt := range tests {
		err := json.Unmarshal([]byte(tt.give), tt.into)
		var fe *FieldError
		assert.True(t, errors.As(err, &fe), "%s: %v is not a *FieldError", tt.name, err)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
	err = new(Receipt).UnmarshalJSON([]byte(`{"qty":1} {}`))
	assert.ErrorIs(t, err, ErrInvalidJSON, "trailing data")
	_, err = json.Marshal(StockStatus(42))
	assert.ErrorIs(t, err, ErrInvalidEnum)
	deep := append(bytes.Repeat([]byte("["), 100000), bytes.Repeat([]byte("]"), 100000)...)
	assert.ErrorIs(t, new(RestockInput).UnmarshalJSON(deep), ErrTooLarge, "deep nesting")
	big := bytes.Repeat([]byte(" "), MaxJSONBytes+1)
	assert.ErrorIs(t, new(Stock).UnmarshalJSON(big), ErrTooLarge)
}

// newOf returns a pointer to a new zero value of v's type.
func newOf(v any) any {
	switch v.(type) {
	case Item:
		return new(Item)
	case PlanConfig:
		return new(PlanConfig)
	case RestockRule:
		return new(RestockRule)
	case SafetyStock:
		return new(SafetyStock)
	case Forecaster:
		return new(Forecaster)
	case ABCCuts:
		return new(ABCCuts)
	case Demand:
		return new(Demand)
	case Reservation:
		return new(Reservation)
	case Receipt:
		return new(Receipt)
	}
	panic("newOf: add the type")
}

// FuzzJSONRoundTrip decodes arbitrary documents into every input type with a JSON form; whatever
// decodes must encode, decode again and encode to the same bytes (decode(encode(x)) == x).
func FuzzJSONRoundTrip(f *testing.F) {
	for _, s := range []string{
		`{"on_hand":5,"held":0,"on_order":3,"backorders":0,"reserved":1}`,
		`{"kind":"group_buy","qty":12,"expires_at":"2025-06-01T10:00:00+08:00"}`,
		`{"mean":10,"sd":3,"per":"168h0m0s"}`, `{"mean":"120h0m0s","sd":"1h"}`,
		`{"moq":20,"pack":12,"cap":48}`, `{"method":"days_of_cover","cover":"72h0m0s"}`, `{"method":"cycle_service_level","level":0.95}`,
		`{"kind":"r_s","reorder_level":150,"order_up_to":150,"order_qty":0,"review":"168h0m0s"}`,
		`{"method":"wma","weights":[1,2,3]}`, `{"a":"0.7","b":"0.2","c":"0.1"}`,
		`{"policy":"s_s","safety_stock":{"method":"fill_rate","level":0.98},"trigger":"strictly_below","review":"0s","order_cover":"336h0m0s","overstock_cover":"0s","slow_moving_after":"0s","dead_after":"0s"}`,
		`{"id":"a","stock":{"on_hand":1},"demand":{"mean":1,"sd":0,"per":"24h0m0s"},"lead":{"mean":"48h0m0s","sd":"0s"},"shaping":{"moq":0,"pack":1,"cap":0},"min_safety_stock":-0}`,
		`{"min_daily_sales":20,"window":7,"min_season_left":"720h0m0s","min_slope":0,"min_roi":0}`,
		`{"daily_sales":[1,2],"season_end":"2025-09-01T00:00:00Z","at":"2025-06-01T00:00:00Z","projected_profit":1,"investment":2}`,
		`{"min_qty":0,"unit_price":5}`, `{"id":"x","value":"12.50"}`, `{"x":0.5,"y":1}`, `{"id":"x","value":"1","history":[0,1e15]}`,
		`{"demand":{"mean":1,"sd":1,"per":"24h0m0s"},"lead":{"mean":"0s","sd":"0s"},"review":"0s","order_qty":5}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, ptr := range []any{new(Stock), new(Reservation), new(Receipt), new(Demand), new(LeadTime),
			new(Shaping), new(SafetyStock), new(Policy), new(Forecaster), new(ABCCuts), new(PlanConfig), new(Item),
			new(RestockRule), new(RestockInput), new(PriceBreak), new(ABCItem), new(XYZCuts), new(ABCXYZItem), new(Exposure)} {
			if err := json.Unmarshal(data, ptr); err != nil {
				continue
			}
			b1, err := json.Marshal(ptr)
			if err != nil {
				t.Fatalf("%T decoded from %q does not encode: %v", ptr, data, err)
			}
			again := reflectNew(ptr)
			if err := json.Unmarshal(b1, again); err != nil {
				t.Fatalf("%T: its own encoding %s does not decode: %v", ptr, b1, err)
			}
			b2, _ := json.Marshal(again)
			if !bytes.Equal(b1, b2) {
				t.Fatalf("%T round trip: %s != %s", ptr, b1, b2)
			}
		}
	})
}

// reflectNew returns a pointer to a new zero value of the type ptr points to.
func reflectNew(ptr any) any { return reflect.New(reflect.TypeOf(ptr).Elem()).Interface() }
