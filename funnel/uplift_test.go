package funnel

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRelativeUpliftGrowthBook reproduces the expected result of
// GrowthBook's frequentist test_two_sided_ttest
// (packages/stats/tests/frequentist/test_tests.py): control mean 0.41, sd
// 3.9, n 3407; treatment mean 0.70, sd 6.2, n 3461; rounded to 5 decimals
// there: expected 0.70732, stddev 0.37879, ci [-0.03526, 1.44989],
// p 0.06191. More digits from mpmath at 30 digits (same formulas).
func TestRelativeUpliftGrowthBook(t *testing.T) {
	got, err := RelativeUplift(MeanSample{N: 3407, Mean: 0.41, StdDev: 3.9}, MeanSample{N: 3461, Mean: 0.70, StdDev: 6.2}, 0.95)
	require.NoError(t, err)
	assert.InDelta(t, 0.70732, got.Uplift, 5e-6)
	assert.InDelta(t, 0.37879, got.StdErr, 5e-6)
	assert.InDelta(t, -0.03526, got.Interval.Low, 5e-6)
	assert.InDelta(t, 1.44989, got.Interval.High, 5e-6)
	assert.InDelta(t, 0.06191, got.PValue, 5e-6)
	assert.InDelta(t, 0.378794361668142796, got.StdErr, 1e-12)
	assert.InDelta(t, -0.035260089066117775, got.Interval.Low, 1e-9)
	assert.InDelta(t, 1.449894235407581190, got.Interval.High, 1e-9)
	assert.InDelta(t, 0.061911827456183551, got.PValue, 1e-10)
	assert.InDelta(t, 5841.74203209356444, got.DoF, 1e-6)
}

func TestProportionUplift(t *testing.T) {
	// 200/1000 vs 250/1000: u = 0.25; Var = .1875/(.04·1000) + .16·.0625/(.0016·1000)
	// = 0.0046875 + 0.00625 = 0.0109375, SE 0.1045825; mpmath: ν 1985.565,
	// interval [0.044897034, 0.455102966], p 0.016920101.
	got, err := ProportionUplift(200, 1000, 250, 1000, 0.95)
	require.NoError(t, err)
	assert.InDelta(t, 0.25, got.Uplift, 1e-15)
	assert.InDelta(t, math.Sqrt(0.0109375), got.StdErr, 1e-15)
	assert.InDelta(t, 0.0448970343248964466, got.Interval.Low, 1e-9)
	assert.InDelta(t, 0.4551029656751035534, got.Interval.High, 1e-9)
	assert.InDelta(t, 0.0169201012911039875, got.PValue, 1e-10)
	assert.InDelta(t, 1985.56516819257278, got.DoF, 1e-6)
	// Small samples, where t and the normal differ: 3/10 vs 6/12 (mpmath:
	// ν 19.78392, interval [-1.291099390, 2.624432723], p 0.485492987).
	got, err = ProportionUplift(3, 10, 6, 12, 0.95)
	require.NoError(t, err)
	assert.InDelta(t, -1.29109938985894320, got.Interval.Low, 1e-9)
	assert.InDelta(t, 2.62443272319227653, got.Interval.High, 1e-9)
	assert.InDelta(t, 0.485492987055328952, got.PValue, 1e-10)
	// B equal to A: no uplift, p = 1, interval symmetric around 0.
	got, err = ProportionUplift(30, 100, 30, 100, 0.9)
	require.NoError(t, err)
	assert.Equal(t, 0.0, got.Uplift)
	assert.InDelta(t, 1, got.PValue, 1e-15)
	assert.InDelta(t, -got.Interval.Low, got.Interval.High, 1e-15)
	// A higher confidence widens the interval.
	wide, err := ProportionUplift(30, 100, 30, 100, 0.99)
	require.NoError(t, err)
	assert.Greater(t, wide.Interval.High, got.Interval.High)
}

func TestStudentT(t *testing.T) {
	// Quantiles t_{0.975,1} = tan(0.475π) = 12.7062047, t_{0.975,2} =
	// 4.3026527, t_{0.995,5} = 4.0321430 (any t table; mpmath to 30 digits).
	assert.InDelta(t, math.Tan(0.475*math.Pi), tQuantileUpper(0.025, 1), 1e-9)
	assert.InDelta(t, 4.30265272974946385, tQuantileUpper(0.025, 2), 1e-10)
	assert.InDelta(t, 4.03214298355522808, tQuantileUpper(0.005, 5), 1e-10)
	// P(|T_3| >= 2) = 0.139325968558843177.
	assert.InDelta(t, 0.139325968558843177, tTwoSided(2, 3), 1e-13)
	assert.Equal(t, 1.0, tTwoSided(0, 3))
	// At large ν: the quantile from the Cornish–Fisher expansion (its first
	// term dominates at 10¹²), the p-value from the normal beyond 10⁷.
	z := 1.959963984540054
	assert.InDelta(t, z+(z*z*z+z)/4e12, tQuantileUpper(0.025, 1e12), 1e-15)
	assert.InDelta(t, math.Erfc(2/math.Sqrt2), tTwoSided(2, 2e7), 1e-15)
	// Either side of the quantile's switch (10⁴) and the p-value's (10⁷) the
	// forms agree.
	assert.InDelta(t, tQuantileUpper(0.025, 9999.999), tQuantileUpper(0.025, 1e4), 1e-10) // t itself moves 2.4e-11 over that step
	assert.InDelta(t, tQuantileUpper(0.025, 1e7), tQuantileUpper(0.025, 1.0000001e7), 1e-9)
	assert.InDelta(t, tTwoSided(2.5, 1e7), tTwoSided(2.5, 1.0000001e7), 1e-7)
	// The continued fraction stays within its bound at the threshold.
	_, n := betaInc(5e6, 0.5, 1e7/(1e7+4), 4/(1e7+4))
	assert.Less(t, n, maxBetaTerms)
	p, n := betaInc(2, 3, 0, 1)
	assert.Equal(t, [2]float64{0, 0}, [2]float64{p, float64(n)})
	p, _ = betaInc(2, 3, 1, 0)
	assert.Equal(t, 1.0, p)
	// I_0.5(2, 3) = 11/16 (the binomial sum P(Bin(4, 1/2) >= 2)).
	p, _ = betaInc(2, 3, 0.5, 0.5)
	assert.InDelta(t, 11.0/16, p, 1e-15)
	// x above (a+1)/(a+b+2) takes the complement: I_0.9(2, 3) = 0.9963.
	p, _ = betaInc(2, 3, 0.9, 0.1)
	assert.InDelta(t, 0.9963, p, 1e-14)
}

func TestWaldDiffInterval(t *testing.T) {
	// 200/1000 vs 250/1000: SE = √(.16/1000 + .1875/1000) = 0.018641352,
	// half width 1.959964 × SE = 0.036536; by hand.
	got, err := WaldDiffInterval(200, 1000, 250, 1000, 0.95)
	require.NoError(t, err)
	half := 1.959963984540054 * math.Sqrt(0.0003475)
	assert.InDelta(t, 0.05-half, got.Low, 1e-15)
	assert.InDelta(t, 0.05+half, got.High, 1e-15)
	assert.InDelta(t, 0.013464, got.Low, 5e-7)
	// Agresti–Caffo shrinks toward 1/2 and differs; Wald is degenerate at 0/n.
	ac, err := DiffInterval(200, 1000, 250, 1000, 0.95)
	require.NoError(t, err)
	assert.NotEqual(t, ac, got)
	got, err = WaldDiffInterval(0, 10, 0, 10, 0.95)
	require.NoError(t, err)
	assert.Equal(t, Interval{0, 0}, got)
	// Clamped to [-1, 1].
	got, err = WaldDiffInterval(10, 10, 0, 2, 0.999999)
	require.NoError(t, err)
	assert.Equal(t, -1.0, got.Low)
	got, err = WaldDiffInterval(0, 2, 10, 10, 0.999999)
	require.NoError(t, err)
	assert.Equal(t, 1.0, got.High)
}

func TestUpliftErrors(t *testing.T) {
	ok := MeanSample{N: 10, Mean: 1, StdDev: 1}
	cases := []struct {
		name string
		a, b MeanSample
		conf float64
		want error
	}{
		{"n", MeanSample{N: 1, Mean: 1, StdDev: 1}, ok, 0.95, ErrInvalidCount},
		{"n b", ok, MeanSample{N: 1, Mean: 1, StdDev: 1}, 0.95, ErrInvalidCount},
		{"nan mean", MeanSample{N: 5, Mean: math.NaN()}, ok, 0.95, ErrInvalidRate},
		{"inf mean", ok, MeanSample{N: 5, Mean: math.Inf(1)}, 0.95, ErrInvalidRate},
		{"negative sd", ok, MeanSample{N: 5, Mean: 1, StdDev: -1}, 0.95, ErrInvalidRate},
		{"nan sd", ok, MeanSample{N: 5, Mean: 1, StdDev: math.NaN()}, 0.95, ErrInvalidRate},
		{"inf sd", ok, MeanSample{N: 5, Mean: 1, StdDev: math.Inf(1)}, 0.95, ErrInvalidRate},
		{"zero mean", MeanSample{N: 5, Mean: 0, StdDev: 1}, ok, 0.95, ErrInvalidRate},
		{"confidence", ok, ok, 1, ErrInvalidRate},
		{"no variance", MeanSample{N: 5, Mean: 1}, MeanSample{N: 5, Mean: 2}, 0.95, ErrInvalidRate},
		{"variance beyond float64", MeanSample{N: 5, Mean: 1e-300, StdDev: 1e300}, ok, 0.95, ErrInvalidRate},
	}
	for _, c := range cases {
		_, err := RelativeUplift(c.a, c.b, c.conf)
		assert.ErrorIs(t, err, c.want, c.name)
		var fe *FieldError
		assert.ErrorAs(t, err, &fe, c.name)
	}
	// One arm without variance is an error too, in either arm (GrowthBook's
	// ZERO_NEGATIVE_VARIANCE), and the error names that arm.
	for _, c := range []struct {
		a, b  MeanSample
		field string
	}{
		{MeanSample{N: 5, Mean: 1}, MeanSample{N: 8, Mean: 2, StdDev: 1}, "a.std_dev"},
		{MeanSample{N: 8, Mean: 2, StdDev: 1}, MeanSample{N: 5, Mean: 1}, "b.std_dev"},
	} {
		_, err := RelativeUplift(c.a, c.b, 0.95)
		var fe *FieldError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, c.field, fe.Field)
		assert.ErrorIs(t, err, ErrInvalidRate)
	}
	// The smallest variance above 0 in one arm still infers: ν falls back
	// to the sizes when the Welch ratio underflows.
	got, err := RelativeUplift(MeanSample{N: 5, Mean: 1, StdDev: 5e-324}, MeanSample{N: 8, Mean: 2, StdDev: 1}, 0.95)
	require.NoError(t, err)
	assert.InDelta(t, 7, got.DoF, 1e-12)
	for _, c := range []struct {
		xa, na, xb, nb int64
		conf           float64
		want           error
	}{
		{1, 0, 1, 5, 0.95, ErrInvalidCount},
		{1, 1, 1, 5, 0.95, ErrInvalidCount},
		{1, 5, 1, 1, 0.95, ErrInvalidCount},
		{0, 5, 1, 5, 0.95, ErrInvalidRate},
		{5, 5, 5, 5, 0.95, ErrInvalidRate},
		{5, 5, 2, 5, 0.95, ErrInvalidRate}, // p_A = 1: no variance in A
		{2, 5, 0, 5, 0.95, ErrInvalidRate}, // p_B = 0: no variance in B
		{2, 5, 5, 5, 0.95, ErrInvalidRate}, // p_B = 1
		{1, 5, 1, 5, math.NaN(), ErrInvalidRate},
	} {
		_, err := ProportionUplift(c.xa, c.na, c.xb, c.nb, c.conf)
		assert.ErrorIs(t, err, c.want, "%+v", c)
	}
	_, err = WaldDiffInterval(2, 1, 1, 1, 0.95)
	assert.ErrorIs(t, err, ErrInvalidCount)
	_, err = WaldDiffInterval(1, 1, 1, 1, 0)
	assert.ErrorIs(t, err, ErrInvalidRate)
}

// FuzzUplift: the interval contains the estimate and is symmetric about
// it; the p-value is in [0, 1] and below 1 − confidence exactly when the
// interval excludes 0 (the test and the interval agree, as they must for
// the same t and standard error).
func FuzzUplift(f *testing.F) {
	f.Add(int64(200), int64(1000), int64(250), int64(1000), 0.95)
	f.Add(int64(3), int64(10), int64(6), int64(12), 0.5)
	f.Add(int64(1), int64(1<<62), int64(1<<61), int64(1<<62), 0.999999)
	f.Fuzz(func(t *testing.T, xa, na, xb, nb int64, conf float64) {
		got, err := ProportionUplift(xa, na, xb, nb, conf)
		if err != nil {
			return
		}
		for _, v := range []float64{got.Uplift, got.StdErr, got.Interval.Low, got.Interval.High, got.PValue, got.DoF} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("%+v", got)
			}
		}
		if got.PValue < 0 || got.PValue > 1 || !got.Interval.Contains(got.Uplift) || got.DoF < 1 {
			t.Fatalf("%+v", got)
		}
		alpha := 1 - conf
		excl := got.Interval.Low > 0 || got.Interval.High < 0
		// Away from the boundary (rounding), the two decisions agree.
		if math.Abs(got.PValue-alpha) > 1e-6*alpha && math.Abs(math.Abs(got.Uplift)-(got.Uplift-got.Interval.Low)) > 1e-9*got.StdErr && excl != (got.PValue < alpha) {
			t.Fatalf("p %v, alpha %v, interval %+v", got.PValue, alpha, got.Interval)
		}
	})
}
