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
// infinity with a nil error, probabilities inside [0, 1], and real
// properties: the z-test is antisymmetric in the variants, the intervals
// hold their point estimates (Wilson the rate, Agresti–Caffo the adjusted
// difference, mirrored on a swap, Wald the difference), the uplift has the
// sign of the difference, P(B > A) + P(A > B) = 1, and a larger effect
// needs no larger sample.
func FuzzStatsNoPanic(f *testing.F) {
	f.Add(int64(10), int64(100), int64(15), int64(100), 0.95, 0.1)
	f.Add(int64(0), int64(0), int64(-1), int64(5), math.NaN(), 2.0)
	f.Add(int64(math.MaxInt64), int64(math.MaxInt64), int64(math.MaxInt64-1), int64(math.MaxInt64), 5e-324, math.Inf(1))
	f.Add(int64(1<<53+1), int64(1<<62), int64(0), int64(1), 1-1e-16, -1e-300)
	f.Add(int64(math.MinInt64), int64(math.MaxInt64), int64(0), int64(math.MinInt64), math.Inf(-1), 0.0)
	f.Fuzz(func(t *testing.T, xa, na, xb, nb int64, conf, mde float64) {
		z, err := TwoProportionZTest(xa, na, xb, nb)
		finite(t, "TwoProportionZTest", err, z.RateA, z.RateB, z.Z, z.PValue)
		if err == nil {
			// Swapping the variants negates z and keeps the p-value.
			zs, err := TwoProportionZTest(xb, nb, xa, na)
			if err != nil || zs.Z != -z.Z || zs.PValue != z.PValue || z.PValue < 0 || z.PValue > 1 {
				t.Fatalf("z-test %+v, swapped %+v, %v", z, zs, err)
			}
		}
		iv, err := DiffInterval(xa, na, xb, nb, conf)
		finite(t, "DiffInterval", err, iv.Low, iv.High)
		if err == nil {
			// The interval holds the adjusted difference and mirrors on a swap.
			d := (float64(xb)+1)/(float64(nb)+2) - (float64(xa)+1)/(float64(na)+2)
			sw, err := DiffInterval(xb, nb, xa, na, conf)
			if err != nil || !iv.Contains(d) || math.Abs(sw.Low+iv.High) > 1e-12 || math.Abs(sw.High+iv.Low) > 1e-12 {
				t.Fatalf("DiffInterval %+v (swapped %+v) does not hold %v", iv, sw, d)
			}
		}
		if wd, err := WaldDiffInterval(xa, na, xb, nb, conf); err == nil {
			d := float64(xb)/float64(nb) - float64(xa)/float64(na)
			if !wd.Contains(math.Max(-1, math.Min(1, d))) || wd.Low < -1 || wd.High > 1 {
				t.Fatalf("WaldDiffInterval %+v does not hold %v", wd, d)
			}
		}
		w, err := Wilson(xa, na, conf)
		finite(t, "Wilson", err, w.Low, w.High)
		if err == nil && (!w.Contains(float64(xa)/float64(na)) || w.Low < 0 || w.High > 1) {
			t.Fatalf("Wilson %+v does not hold %d/%d", w, xa, na)
		}
		u, err := Uplift(xa, na, xb, nb)
		finite(t, "Uplift", err, u)
		if err == nil {
			// The sign of the uplift is the sign of p_B − p_A.
			pa, pb := float64(xa)/float64(na), float64(xb)/float64(nb)
			if (u > 0) != (pb > pa) || (u < 0) != (pb < pa) {
				t.Fatalf("Uplift %v with rates %v, %v", u, pa, pb)
			}
		}
		if p, err := ProbBBeatsA(xa, na, xb, nb); err == nil {
			// P(B > A) + P(A > B) = 1 (continuous posteriors: no ties).
			q, err := ProbBBeatsA(xb, nb, xa, na)
			if p < 0 || p > 1 || math.IsNaN(p) || err != nil || math.Abs(p+q-1) > 1e-8 {
				t.Fatalf("ProbBBeatsA = %v, swapped %v, %v", p, q, err)
			}
		}
		if n, err := SampleSize(conf, mde, 0.05, 0.8); err == nil {
			if n < 1 || n > MaxSampleSize {
				t.Fatalf("SampleSize = %d", n)
			}
			// A larger effect needs no more visitors (same direction, same baseline).
			if n2, err := SampleSize(conf, 2*mde, 0.05, 0.8); err == nil && n2 > n {
				t.Fatalf("SampleSize(%v, %v) = %d < SampleSize(2×) = %d", conf, mde, n, n2)
			}
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
