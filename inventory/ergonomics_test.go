package inventory

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 16: Turnover(cogs, avgInventory) and DaysOfInventory took their first two arguments in
// opposite orders. Both now take COGS first: with COGS 1 200 000 and average inventory 300 000 a year,
// turnover is 4 and days of inventory 365/4 = 91.25 (the old order read this call as 1460 days).
func TestDaysOfInventoryArgumentOrder(t *testing.T) {
	turns, err := Turnover(1200000, 300000)
	require.NoError(t, err)
	doi, err := DaysOfInventory(1200000, 300000, Year)
	require.NoError(t, err)
	assert.Equal(t, 4.0, turns)
	assert.InDelta(t, 91.25, doi, 1e-12)
	assert.InDelta(t, 365/turns, doi, 1e-12)
	_, err = DaysOfInventory(0, 300000, Year) // COGS, the first argument, must be positive
	assert.ErrorIs(t, err, ErrNotPositive)
	_, err = DaysOfInventory(1, -1, Year)
	assert.ErrorIs(t, err, ErrNegative)
}

func TestDemandFromForecast(t *testing.T) {
	// Holt α = β = 0.5 on a falling history 20, 12, 4: ℓ₁ = 12, b₁ = -8; at t = 2 the fitted value is
	// 12 - 8 = 4, ℓ₂ = 0.5·4 + 0.5·4 = 4, b₂ = 0.5·(4 - 12) + 0.5·(-8) = -8, so the forecast is
	// 4 - 8 = -4. The bridge clamps it to 0, which NewDemand accepts; the one residual (t = 2) is 0.
	holt := mustF(NewHolt(0.5, 0.5))
	raw, err := holt.Forecast([]float64{20, 12, 4}, 1)
	require.NoError(t, err)
	assert.Equal(t, -4.0, raw)
	_, err = NewDemand(raw, 0, Day)
	assert.ErrorIs(t, err, ErrNegative, "the failure the bridge avoids")
	d, err := DemandFromForecast(holt, []float64{20, 12, 4}, Day)
	require.NoError(t, err)
	assert.Equal(t, 0.0, d.Mean())
	assert.Equal(t, 0.0, d.StdDev())
	assert.Equal(t, Day, d.Per())

	// SES α = 0.5 on 10, 20, 10: fitted 10, 10, 15; residuals from t = 1: 10 and -5, so
	// σ = √((100 + 25)/2) = √62.5; the next forecast is 0.5·10 + 0.5·15 = 12.5.
	d, err = DemandFromForecast(mustF(NewSES(0.5)), []float64{10, 20, 10}, Week)
	require.NoError(t, err)
	assert.Equal(t, 12.5, d.Mean())
	assert.InDelta(t, math.Sqrt(62.5), d.StdDev(), 1e-12)
	assert.Equal(t, Week, d.Per())

	// Holt: a falling fitted value below zero is clamped before the error is taken. History 20, 12,
	// 4, 0: the fitted value at t = 3 is ℓ₂ + b₂ = -4, clamped to 0, so the error is 0 - 0 = 0 (not 4).
	d, err = DemandFromForecast(holt, []float64{20, 12, 4, 0}, Day)
	require.NoError(t, err)
	assert.Equal(t, 0.0, d.StdDev())

	for _, tc := range []struct {
		name string
		f    Forecaster
		h    []float64
		per  time.Duration
		want error
	}{
		{"one value gives no error", mustF(NewSES(0.5)), []float64{3}, Day, ErrShortHistory},
		{"Holt needs three", holt, []float64{3, 4}, Day, ErrShortHistory},
		{"zero period", mustF(NewSES(0.5)), []float64{3, 4}, 0, ErrNotPositive},
		{"zero forecaster", Forecaster{}, []float64{3, 4}, Day, ErrPolicy},
		{"negative value", mustF(NewSES(0.5)), []float64{3, -4}, Day, ErrNegative},
		{"steep trend", mustF(NewHolt(1, 1)), []float64{0, 6e14, 1e15}, Day, ErrTooLarge},
	} {
		_, err := DemandFromForecast(tc.f, tc.h, tc.per)
		assert.ErrorIs(t, err, tc.want, tc.name)
	}
}

func TestLastSaleIn(t *testing.T) {
	end := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	// Seven days, the last sale on the fifth (index 4): it ended 2 days before end.
	got, sold, err := LastSaleIn([]float64{3, 0, 1, 0, 2, 0, 0}, end, Day)
	require.NoError(t, err)
	assert.True(t, sold)
	assert.Equal(t, end.Add(-2*Day), got)
	got, sold, err = LastSaleIn([]float64{0, 0, 5}, end, Day)
	require.NoError(t, err)
	assert.True(t, sold)
	assert.Equal(t, end, got, "a sale in the last period is dated at its end")
	got, sold, err = LastSaleIn([]float64{0, 0, 0}, end, Week)
	require.NoError(t, err)
	assert.False(t, sold)
	assert.Equal(t, end.Add(-3*Week), got, "no sale: the start of the history")

	// In a planner, 100 days without a sale is dead stock (DeadAfter 90 days).
	h := make([]float64, 100)
	last, _, err := LastSaleIn(h, testNow, Day)
	require.NoError(t, err)
	it := testItem(100)
	it.LastSale = last
	s, err := testPlanner(t, nil).Suggest(it, testNow)
	require.NoError(t, err)
	assert.Equal(t, StatusDead, s.Status)

	for _, tc := range []struct {
		name string
		h    []float64
		end  time.Time
		per  time.Duration
		want error
	}{
		{"empty", nil, end, Day, ErrEmptyHistory},
		{"NaN", []float64{math.NaN()}, end, Day, ErrNotFinite},
		{"zero period", []float64{1}, end, 0, ErrNotPositive},
		{"before year 1", []float64{0, 0}, time.Date(1, 1, 1, 12, 0, 0, 0, time.UTC), Day, ErrTooLarge},
		{"beyond a duration", []float64{0, 0, 0}, end, math.MaxInt64 / 2, ErrTooLarge},
	} {
		_, _, err := LastSaleIn(tc.h, tc.end, tc.per)
		assert.ErrorIs(t, err, tc.want, tc.name)
	}
}

// A planner without a safety-stock rule runs on hand-set warning lines (预警线, INV-01).
func TestPlannerWithoutSafetyRule(t *testing.T) {
	p := testPlanner(t, func(c *PlanConfig) { c.SafetyStock = SafetyStock{}; c.Trigger = StrictlyBelow })
	it := testItem(30)
	it.WarningLine = 30
	s, err := p.Suggest(it, testNow)
	require.NoError(t, err)
	// Position 30 is not below the line 30 (低于 is strict), and safety stock is 0.
	assert.Equal(t, StatusHealthy, s.Status)
	assert.Equal(t, 0.0, s.Why.SafetyStock)
	assert.Equal(t, 30.0, s.Why.ReorderPoint)
	it.Stock.OnHand = 29
	s, err = p.Suggest(it, testNow)
	require.NoError(t, err)
	assert.Equal(t, StatusReorder, s.Status)
	// (s, S) with S = 30 + 14 days × 10 = 170: order 170 - 29 = 141.
	assert.Equal(t, int64(141), s.Qty)
	assert.Contains(t, s.Why.String(), "no safety stock rule")
	// Without a warning line the reorder point is the lead-time demand alone, 5 × 10 = 50.
	it.WarningLine = 0
	s, err = p.Suggest(it, testNow)
	require.NoError(t, err)
	assert.Equal(t, 50.0, s.Why.ReorderPoint)
}

// Per-item and per-class service levels in one planner: the item's own rule wins, then its class's,
// then the planner's default.
func TestPerItemAndClassSafety(t *testing.T) {
	a98 := mustSafety(CycleServiceSafetyStock(0.98))
	c90 := mustSafety(CycleServiceSafetyStock(0.90))
	fixed := mustSafety(FixedSafetyStock(7))
	p := testPlanner(t, func(c *PlanConfig) { c.ClassSafety = ClassSafetyStock{A: a98, C: c90} })
	sigma := 3 * math.Sqrt(5) // σ over the 5-day lead time
	for _, tc := range []struct {
		name  string
		class ABCClass
		own   SafetyStock
		want  float64
	}{
		{"A uses its class rule", ClassA, SafetyStock{}, 2.0537489106318225 * sigma}, // Φ⁻¹(0.98)
		{"B has no class rule: the default 95 %", ClassB, SafetyStock{}, z95 * sigma},
		{"C uses its class rule", ClassC, SafetyStock{}, 1.2815515655446004 * sigma}, // Φ⁻¹(0.90)
		{"no class: the default", 0, SafetyStock{}, z95 * sigma},
		{"the item's own rule wins over its class", ClassA, fixed, 7},
	} {
		it := testItem(100)
		it.Class, it.Safety = tc.class, tc.own
		s, err := p.Suggest(it, testNow)
		require.NoError(t, err, tc.name)
		assert.InDelta(t, tc.want, s.Why.SafetyStock, 1e-9, tc.name)
		want := tc.own
		if want.method == 0 {
			want = p.cfg.ClassSafety.For(tc.class)
		}
		if want.method == 0 {
			want = p.cfg.SafetyStock
		}
		assert.Equal(t, want, s.Why.Safety, tc.name)
	}
	bad := testItem(100)
	bad.Class = 4
	_, err := p.Suggest(bad, testNow)
	assert.ErrorIs(t, err, ErrInvalidEnum)
	bad = testItem(100)
	bad.Safety = SafetyStock{method: 9}
	_, err = p.Suggest(bad, testNow)
	assert.ErrorIs(t, err, ErrInvalidEnum)
	assert.Equal(t, SafetyStock{}, ClassSafetyStock{A: a98}.For(7))

	// JSON: the class rules and the item's class and rule round-trip; unknown keys are errors.
	b, err := json.Marshal(p.Config())
	require.NoError(t, err)
	assert.Contains(t, string(b), `"class_safety":{"a":{"method":"cycle_service_level","level":0.98},"c":{"method":"cycle_service_level","level":0.9}}`)
	var cfg PlanConfig
	require.NoError(t, json.Unmarshal(b, &cfg))
	assert.Equal(t, p.Config(), cfg)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"policy":"s_s","safety_stock":{"method":""},"class_safety":{"d":{}}}`), &cfg), ErrInvalidJSON)
	it := testItem(5)
	it.Class, it.Safety, it.Shaping = ClassB, fixed, MustShaping(0, 1, 0)
	b, err = json.Marshal(it)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"class":"b","safety":{"method":"fixed","qty":7}`)
	var back Item
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, it, back)
}

func mustSafety(s SafetyStock, err error) SafetyStock {
	if err != nil {
		panic(err)
	}
	return s
}

// Edges of the bridge and of LastSaleIn (mutation pass).
func TestPlanHelpersEdges(t *testing.T) {
	ses1 := mustF(NewSES(1))
	// A forecast of exactly MaxQty is allowed: SES(1) forecasts the last value.
	d, err := DemandFromForecast(ses1, []float64{MaxQty, MaxQty}, Day)
	require.NoError(t, err)
	assert.Equal(t, float64(MaxQty), d.Mean())
	// An error of exactly MaxQty is allowed: SES(1) on 0, 1e15 misses by 1e15 at t = 1.
	d, err = DemandFromForecast(ses1, []float64{0, MaxQty}, Day)
	require.NoError(t, err)
	assert.Equal(t, float64(MaxQty), d.StdDev())
	_, err = DemandFromForecast(mustF(NewHolt(0.5, 0.5)), []float64{3, 4}, Day)
	assert.EqualError(t, err, "inventory: demand from forecast: history: history too short: 2 values, at least 3 to measure a forecast error")
	// A sale in the very first period is found.
	end := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	got, sold, err := LastSaleIn([]float64{5, 0, 0}, end, Day)
	require.NoError(t, err)
	assert.True(t, sold)
	assert.Equal(t, end.Add(-2*Day), got)
}
