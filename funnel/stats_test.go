package funnel

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWilson(t *testing.T) {
	// Reference values computed from the formula in double precision and
	// matching published tables (0/10 at 95%: [0, 0.2775]).
	tests := []struct {
		x, n   int64
		conf   float64
		lo, hi float64
	}{
		{82, 4747, 0.95, 0.013938989670088529, 0.02138979582517773}, // WE-9
		{0, 10, 0.95, 0, 0.2775327998628892},
		{10, 10, 0.95, 0.7224672001371107, 1},
	}
	for _, tt := range tests {
		got, err := Wilson(tt.x, tt.n, tt.conf)
		require.NoError(t, err)
		assert.InDelta(t, tt.lo, got.Low, 1e-12, "Wilson(%d, %d) low", tt.x, tt.n)
		assert.InDelta(t, tt.hi, got.High, 1e-12, "Wilson(%d, %d) high", tt.x, tt.n)
		assert.True(t, got.Contains(float64(tt.x)/float64(tt.n)))
	}
}

func TestStatsErrors(t *testing.T) {
	tests := []struct {
		name string
		give func() error
		want error
	}{
		{"wilson trials 0", func() error { _, err := Wilson(0, 0, 0.95); return err }, ErrInvalidCount},
		{"wilson above base", func() error { _, err := Wilson(11, 10, 0.95); return err }, ErrInvalidCount},
		{"wilson negative", func() error { _, err := Wilson(-1, 10, 0.95); return err }, ErrInvalidCount},
		{"wilson NaN", func() error { _, err := Wilson(1, 10, math.NaN()); return err }, ErrInvalidRate},
		{"wilson conf 1", func() error { _, err := Wilson(1, 10, 1); return err }, ErrInvalidRate},
		{"z above base", func() error { _, err := TwoProportionZTest(5, 4, 1, 10); return err }, ErrInvalidCount},
		{"z B above base", func() error { _, err := TwoProportionZTest(1, 4, 11, 10); return err }, ErrInvalidCount},
		{"z empty", func() error { _, err := TwoProportionZTest(0, 0, 1, 10); return err }, ErrInvalidCount},
		{"diff conf", func() error { _, err := DiffInterval(1, 10, 1, 10, 0); return err }, ErrInvalidRate},
		{"diff counts", func() error { _, err := DiffInterval(1, -10, 1, 10, 0.9); return err }, ErrInvalidCount},
		{"uplift zero A", func() error { _, err := Uplift(0, 10, 1, 10); return err }, ErrInvalidRate},
		{"uplift counts", func() error { _, err := Uplift(3, 2, 1, 10); return err }, ErrInvalidCount},
		{"beats counts", func() error { _, err := ProbBBeatsA(3, 2, 1, 10); return err }, ErrInvalidCount},
		{"size baseline", func() error { _, err := SampleSize(0, 0.01, 0.05, 0.8); return err }, ErrInvalidRate},
		{"size mde 0", func() error { _, err := SampleSize(0.1, 0, 0.05, 0.8); return err }, ErrInvalidRate},
		{"size mde out", func() error { _, err := SampleSize(0.9, 0.2, 0.05, 0.8); return err }, ErrInvalidRate},
		{"size alpha", func() error { _, err := SampleSize(0.1, 0.01, 1.5, 0.8); return err }, ErrInvalidRate},
		{"size power", func() error { _, err := SampleSize(0.1, 0.01, 0.05, math.NaN()); return err }, ErrInvalidRate},
		{"size huge", func() error { _, err := SampleSize(0.5, 1e-300, 0.05, 0.8); return err }, ErrTooLarge},
	}
	for _, tt := range tests {
		assert.ErrorIs(t, tt.give(), tt.want, tt.name)
	}
}

func TestTwoProportionZTest(t *testing.T) {
	// A 200/1000, B 250/1000: pooled p 0.225, SE 0.018675, z 2.6774,
	// two-sided p 0.00742.
	got, err := TwoProportionZTest(200, 1000, 250, 1000)
	require.NoError(t, err)
	assert.InDelta(t, 2.677397763008329, got.Z, 1e-9)
	assert.InDelta(t, 0.007419649261025693, got.PValue, 1e-9)
	assert.InDelta(t, 0.2, got.RateA, 1e-15)
	assert.InDelta(t, 0.25, got.RateB, 1e-15)
	// No conversions at all: no evidence, p = 1.
	got, err = TwoProportionZTest(0, 100, 0, 100)
	require.NoError(t, err)
	assert.Equal(t, ZTest{PValue: 1}, got)
}

func TestDiffInterval(t *testing.T) {
	// Agresti–Caffo: (251/1002 − 201/1002) ± 1.96 √(...) = [0.013368, 0.086432].
	got, err := DiffInterval(200, 1000, 250, 1000, 0.95)
	require.NoError(t, err)
	assert.InDelta(t, 0.013368376887440206, got.Low, 1e-9)
	assert.InDelta(t, 0.08643202231415663, got.High, 1e-9)
}

func TestUplift(t *testing.T) {
	got, err := Uplift(200, 1000, 250, 1000)
	require.NoError(t, err)
	assert.InDelta(t, 0.25, got, 1e-12)
}

func TestProbBBeatsA(t *testing.T) {
	// A 10/100, B 15/100: 0.85328 by numerical integration of
	// ∫ f_B(x) F_A(x) dx on a 20,000-point grid.
	got, err := ProbBBeatsA(10, 100, 15, 100)
	require.NoError(t, err)
	assert.InDelta(t, 0.8532837663782312, got, 1e-6)
	// Swapped roles give the complement (the sum runs over the smaller α).
	rev, err := ProbBBeatsA(15, 100, 10, 100)
	require.NoError(t, err)
	assert.InDelta(t, 1-got, rev, 1e-12)
	// Equal data: one half.
	eq, err := ProbBBeatsA(30, 200, 30, 200)
	require.NoError(t, err)
	assert.InDelta(t, 0.5, eq, 1e-9)
	// Zero conversions on both: one half by symmetry.
	z, err := ProbBBeatsA(0, 50, 0, 50)
	require.NoError(t, err)
	assert.InDelta(t, 0.5, z, 1e-12)
}

func TestSampleSize(t *testing.T) {
	got, err := SampleSize(0.10, 0.02, 0.05, 0.8)
	require.NoError(t, err)
	assert.Equal(t, int64(3841), got)
	// A drop is as hard to detect as a rise of the same size around p̄.
	down, err := SampleSize(0.12, -0.02, 0.05, 0.8)
	require.NoError(t, err)
	assert.Equal(t, got, down)
}

func FuzzWilson(f *testing.F) {
	f.Add(int64(82), int64(4747), 0.95)
	f.Add(int64(0), int64(1), 0.5)
	f.Add(int64(1), int64(1), 0.999999)
	f.Fuzz(func(t *testing.T, x, n int64, conf float64) {
		got, err := Wilson(x, n, conf)
		if err != nil {
			return
		}
		p := float64(x) / float64(n)
		if got.Low < 0 || got.High > 1 || got.Low > got.High || !got.Contains(p) {
			t.Fatalf("Wilson(%d, %d, %v) = %+v, rate %v", x, n, conf, got, p)
		}
	})
}

// finite fails t when a result with a nil error is NaN or infinite.
func finite(t *testing.T, name string, err error, xs ...float64) {
	t.Helper()
	if err != nil {
		return
	}
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			t.Fatalf("%s = %v with a nil error", name, xs)
		}
	}
}

// FuzzStatsNoPanic drives every statistics entry point with extreme
// values (int64 edges, NaN, infinities, subnormals): no panic, no NaN or
// infinity with a nil error, probabilities inside [0, 1].
func FuzzStatsNoPanic(f *testing.F) {
	f.Add(int64(10), int64(100), int64(15), int64(100), 0.95, 0.1)
	f.Add(int64(0), int64(0), int64(-1), int64(5), math.NaN(), 2.0)
	f.Add(int64(math.MaxInt64), int64(math.MaxInt64), int64(math.MaxInt64-1), int64(math.MaxInt64), 5e-324, math.Inf(1))
	f.Add(int64(1<<53+1), int64(1<<62), int64(0), int64(1), 1-1e-16, -1e-300)
	f.Add(int64(math.MinInt64), int64(math.MaxInt64), int64(0), int64(math.MinInt64), math.Inf(-1), 0.0)
	f.Fuzz(func(t *testing.T, xa, na, xb, nb int64, conf, mde float64) {
		z, err := TwoProportionZTest(xa, na, xb, nb)
		finite(t, "TwoProportionZTest", err, z.RateA, z.RateB, z.Z, z.PValue)
		iv, err := DiffInterval(xa, na, xb, nb, conf)
		finite(t, "DiffInterval", err, iv.Low, iv.High)
		w, err := Wilson(xa, na, conf)
		finite(t, "Wilson", err, w.Low, w.High)
		u, err := Uplift(xa, na, xb, nb)
		finite(t, "Uplift", err, u)
		if p, err := ProbBBeatsA(xa, na, xb, nb); err == nil && (p < 0 || p > 1 || math.IsNaN(p)) {
			t.Fatalf("ProbBBeatsA = %v", p)
		}
		if n, err := SampleSize(conf, mde, 0.05, 0.8); err == nil && (n < 1 || n > MaxSampleSize) {
			t.Fatalf("SampleSize = %d", n)
		}
		if n, err := SampleSize(0.1, 0.01, conf, math.Abs(mde)); err == nil && (n < 1 || n > MaxSampleSize) {
			t.Fatalf("SampleSize = %d", n)
		}
		for _, fn := range []func(int64, int64) (float64, error){ConversionRate, RepurchaseRate, LoyaltyRate, BounceRate} {
			r, err := fn(xa, na)
			finite(t, "rate", err, r)
		}
		_, checks, err := PopularItem(ItemMetrics{conf, mde, conf * mde, mde}, ItemMetrics{mde, conf, float64(xa), float64(nb)})
		if err == nil && len(checks) != 4 {
			t.Fatal("PopularItem checks")
		}
	})
}
