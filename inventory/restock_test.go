package inventory

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The seed document's tests for INV-08 (seed-rules.md): 19 a day → no; 20 a day with 29 days left → no;
// 20+ a day, 31 days left, flat trend → no; rising with profit ≥ 0 → yes.
func TestRestockRuleINV08(t *testing.T) {
	rule := DefaultRestockRule()
	now := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	rising := []float64{20, 21, 22, 23, 24, 25, 26}
	tests := []struct {
		name      string
		sales     []float64
		daysLeft  int
		profit    float64
		want      bool
		wantPass  [4]bool
		wantValue [4]float64
	}{
		{"19 a day", []float64{19, 20, 21, 22, 23, 24, 25}, 60, 100, false, [4]bool{false, true, true, true}, [4]float64{19, 60, 1, 1}},
		{"29 days left", rising, 29, 100, false, [4]bool{true, false, true, true}, [4]float64{20, 29, 1, 1}},
		{"30 days left", rising, 30, 100, true, [4]bool{true, true, true, true}, [4]float64{20, 30, 1, 1}},
		{"flat trend", []float64{20, 20, 20, 20, 20, 20, 20}, 31, 100, false, [4]bool{true, true, false, true}, [4]float64{20, 31, 0, 1}},
		{"loses money", rising, 31, -1, false, [4]bool{true, true, true, false}, [4]float64{20, 31, 1, -0.01}},
		{"breaks even", rising, 31, 0, true, [4]bool{true, true, true, true}, [4]float64{20, 31, 1, 0}},
		{"only the last 7 days count", append([]float64{0, 0, 0}, rising...), 31, 5, true, [4]bool{true, true, true, true}, [4]float64{20, 31, 1, 0.05}},
	}
	for _, tt := range tests {
		got, err := rule.Evaluate(RestockInput{
			DailySales: tt.sales, At: now, SeasonEnd: now.Add(time.Duration(tt.daysLeft) * Day),
			ProjectedProfit: tt.profit, Investment: 100,
		})
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, got.Restock, tt.name)
		for i, c := range got.Conditions {
			assert.Equal(t, tt.wantPass[i], c.Pass, "%s: %s", tt.name, c.Name)
			assert.InDelta(t, tt.wantValue[i], c.Value, 1e-12, "%s: %s", tt.name, c.Name)
		}
	}
	got, err := rule.Evaluate(RestockInput{DailySales: rising, At: now, SeasonEnd: now.Add(40 * Day), ProjectedProfit: 10, Investment: 100})
	require.NoError(t, err)
	assert.Equal(t, "restock: yes; stable daily sales (minimum) 20 (threshold 20): pass; days to season end 40 (threshold 30): pass; "+
		"sales trend (slope per day) 1 (threshold 0): pass; projected ROI 0.1 (threshold 0): pass", got.String())
	got.Restock = false
	assert.Contains(t, got.String(), "restock: no")
}

func TestRestockRuleErrors(t *testing.T) {
	now := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	ok := RestockInput{DailySales: []float64{20, 21, 22, 23, 24, 25, 26}, At: now, SeasonEnd: now, Investment: 1}
	tests := []struct {
		name string
		rule func(*RestockRule)
		in   func(*RestockInput)
		want error
	}{
		{"window 1", func(r *RestockRule) { r.Window = 1 }, func(*RestockInput) {}, ErrShortHistory},
		{"negative min sales", func(r *RestockRule) { r.MinDailySales = -1 }, func(*RestockInput) {}, ErrNegative},
		{"negative season", func(r *RestockRule) { r.MinSeasonLeft = -Day }, func(*RestockInput) {}, ErrNegative},
		{"NaN slope", func(r *RestockRule) { r.MinSlope = math.NaN() }, func(*RestockInput) {}, ErrNotFinite},
		{"Inf ROI", func(r *RestockRule) { r.MinROI = math.Inf(1) }, func(*RestockInput) {}, ErrNotFinite},
		{"short history", func(*RestockRule) {}, func(in *RestockInput) { in.DailySales = []float64{20} }, ErrShortHistory},
		{"negative sales", func(*RestockRule) {}, func(in *RestockInput) { in.DailySales = []float64{20, 21, 22, -1, 24, 25, 26} }, ErrNegative},
		{"NaN profit", func(*RestockRule) {}, func(in *RestockInput) { in.ProjectedProfit = math.NaN() }, ErrNotFinite},
		{"zero investment", func(*RestockRule) {}, func(in *RestockInput) { in.Investment = 0 }, ErrNotPositive},
	}
	for _, tt := range tests {
		r := DefaultRestockRule()
		tt.rule(&r)
		in := ok
		tt.in(&in)
		_, err := r.Evaluate(in)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
}
