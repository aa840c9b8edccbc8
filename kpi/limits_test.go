package kpi

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 12: Date.AddDays(math.MaxInt) gave year -25,252,734,927,764,529 and
// an invalid Date{2026, 2, 30} + 1 gave 2026-03-03. Both now give the zero,
// invalid Date.
func TestDateArithmeticIsBounded(t *testing.T) {
	d := MustDate(2026, 2, 14)
	for _, n := range []int{math.MaxInt, math.MinInt, 1 << 40, -(1 << 40)} {
		got := d.AddDays(n)
		assert.False(t, got.IsValid(), "AddDays(%d) = %v", n, got)
		assert.Equal(t, Date{}, got)
	}
	assert.Equal(t, Date{}, Date{Year: 2026, Month: 2, Day: 30}.AddDays(1))
	assert.Equal(t, Date{}, MustDate(9999, 12, 31).AddDays(1))
	_, err := NewDate(10000, 1, 1)
	assert.ErrorIs(t, err, ErrInvalidDate)
}

// A linear curve between finite extremes: v - zero overflowed to +Inf and
// Inf/Inf gave NaN, which scored 0 instead of 1 (target met).
func TestLinearCurveExtremes(t *testing.T) {
	m := Metric{ID: "a", Direction: HigherIsBetter, Target: 1e308, Weight: 1, Curve: Curve{Kind: Linear, Zero: -1e308}}
	got, err := m.Score(1e308)
	require.NoError(t, err)
	assert.Equal(t, 1.0, got) // (1e308 - -1e308) / (1e308 - -1e308) = 1
	got, err = m.Score(0)
	require.NoError(t, err)
	assert.Equal(t, 0.5, got) // halfway between zero and target
}

func TestScoreLimits(t *testing.T) {
	m := Metric{ID: "a", Direction: HigherIsBetter, Target: 1, Weight: 1, Curve: Curve{Kind: Linear, Cap: 1e308}}
	_, err := m.Score(1)
	assert.ErrorIs(t, err, ErrTooLarge)
	// Hand-built scorecards whose roll-up overflows.
	card := Scorecard{Person: "p", Total: 1e308, Lines: []Contribution{{MetricID: "a", Points: 1e308}}}
	_, err = RollUp("t", []Scorecard{card, card}, Sum, nil)
	assert.ErrorIs(t, err, ErrTooLarge)
	// Weighted mean with huge weights stays finite: w/Σw ≤ 1 first.
	ts, err := RollUp("t", []Scorecard{{Total: 1, Lines: []Contribution{{MetricID: "a", Points: 1}}}, {Total: 3, Lines: []Contribution{{MetricID: "a", Points: 3}}}}, WeightedMean, []float64{1e308, 5e307})
	require.NoError(t, err)
	assert.InDelta(t, 5.0/3, ts.Total, 1e-15) // (1e308·1 + 5e307·3) / 1.5e308; w·total first gave +Inf
}

func TestQuotaWorkIsBounded(t *testing.T) {
	roster := make([]string, 2000)
	for i := range roster {
		roster[i] = string(rune('a'+i%26)) + string(rune('A'+i/26%26)) + string(rune('0'+i/676))
	}
	// 2,000 people × 5 items × 3,660 days = 36.6 million cells: beyond MaxQuotaCells.
	mon := MustDate(2026, 2, 9)
	_, err := EvaluateQuotas(Scheme5512(), roster, mon, mon.AddDays(3659), nil)
	assert.ErrorIs(t, err, ErrTooLarge)
	_ = time.Second
}

// EvaluateQuotas with extreme targets, sizes and dates: no panic, no
// wrapped shortfall, and ranges beyond the limits are errors.
func FuzzQuotasExtreme(f *testing.F) {
	f.Add(int64(math.MaxInt64), int64(math.MinInt64), int64(60), 0, 6)
	f.Add(int64(1), int64(math.MaxInt64), int64(math.MaxInt64), -5, math.MaxInt)
	f.Add(int64(3), int64(0), int64(0), math.MinInt, 3659)
	f.Fuzz(func(t *testing.T, target, size, minSize int64, dayOff, span int) {
		s := QuotaScheme{Name: "x", Items: []QuotaItem{
			{Activity: "a", Period: Daily, Target: target},
			{Activity: "g", Period: Weekly, Target: 2, MinSize: minSize},
		}}
		from := MustDate(2026, 2, 9)
		acts := []ActivityRecord{
			{Person: "p", Kind: "a", Day: from.AddDays(dayOff)},
			{Person: "p", Kind: "g", Day: from, Size: size},
		}
		res, err := EvaluateQuotas(s, []string{"p"}, from, from.AddDays(span), acts)
		if err != nil {
			return
		}
		for _, d := range res[0].Days {
			for _, it := range d.Items {
				if it.Shortfall < 0 || it.Done < 0 || (it.Met != (it.Shortfall == 0)) {
					t.Fatalf("bad progress %+v", it)
				}
			}
		}
	})
}
