package funnel

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Anchor checks of the A/B statistics against GrowthBook's stats engine
// (github.com/growthbook/growthbook, packages/stats, "gbstats"; snapshot
// 8f1db44 of 2026-08-21). Each case quotes a GrowthBook test's inputs and
// its expected numbers. GrowthBook's tests compare values rounded to 5
// decimals (test_tests.py, DECIMALS = 5) or 9 (test_gbstats.py); gbRound
// asserts exactly that comparison.
//
// Mapping. GrowthBook describes an arm by sums: SampleMeanStatistic(sum,
// sum_squares, n) has mean sum/n and variance (sum_squares − sum²/n)/(n − 1)
// (gbstats/models/statistics.py), which gbMean turns into a [MeanSample];
// ProportionStatistic(sum, n) is x = sum conversions of n
// ([ProportionUplift]). GrowthBook's stat_a is the control (opskit's A),
// stat_b the treatment (B); "expected" and uplift.mean are opskit's
// Uplift, uplift.stddev its StdErr, ci its Interval and pValue its PValue
// (difference_type "relative", alpha 0.05, so confidence 0.95).

// gbMean is GrowthBook's SampleMeanStatistic(sum, sum_squares, n) as a
// MeanSample: the sample mean and the standard deviation with n − 1.
func gbMean(n int64, sum, sumSquares float64) MeanSample {
	nf := float64(n)
	return MeanSample{N: n, Mean: sum / nf, StdDev: math.Sqrt((sumSquares - sum*sum/nf) / (nf - 1))}
}

// gbRound asserts that got rounds to want at the given decimals, as
// GrowthBook's tests compare np.round(result, decimals) with the expected.
func gbRound(t *testing.T, want, got float64, decimals int, msg string) {
	t.Helper()
	s := math.Pow(10, float64(decimals))
	assert.Equal(t, want, math.Round(got*s)/s, "%s: got %.12g", msg, got)
}

// gbPhi is the standard normal distribution function.
func gbPhi(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }

// TestGrowthBookTwoSidedTTest: packages/stats/tests/frequentist/test_tests.py
// TestTwoSidedTTest.test_two_sided_ttest, stat_a SampleMeanStatistic(sum
// 1396.87, sum_squares 52377.9767, n 3407), stat_b (2422.7, 134698.29,
// 3461), relative: expected 0.70732, ci (−0.03526, 1.44989), uplift stddev
// 0.37879, pValue 0.06191. The sums give means 0.41 and 0.70 and standard
// deviations 3.9 and 6.2 (uplift_test.go has the same case from those).
func TestGrowthBookTwoSidedTTest(t *testing.T) {
	a, b := gbMean(3407, 1396.87, 52377.9767), gbMean(3461, 2422.7, 134698.29)
	assert.InDelta(t, 3.9, a.StdDev, 1e-9)
	assert.InDelta(t, 6.2, b.StdDev, 1e-9)
	got, err := RelativeUplift(a, b, 0.95)
	require.NoError(t, err)
	gbRound(t, 0.70732, got.Uplift, 5, "expected")
	gbRound(t, -0.03526, got.Interval.Low, 5, "ci low")
	gbRound(t, 1.44989, got.Interval.High, 5, "ci high")
	gbRound(t, 0.37879, got.StdErr, 5, "uplift stddev")
	gbRound(t, 0.06191, got.PValue, 5, "pValue")
}

// TestGrowthBookTwoSidedTTestBinom: test_tests.py
// TestTwoSidedTTest.test_two_sided_ttest_binom, ProportionStatistic(sum 14,
// n 28) against (16, 30), relative: expected (16/30 − 0.5)/0.5 = 0.06667,
// ci (−0.47767, 0.61101), uplift stddev 0.2717, pValue 0.80707. The rates
// use the variance p(1 − p) and Welch's t (ν = 55.7); the normal would give
// p = 0.80617, so this case checks doc.go's "Student's t with Welch's
// degrees of freedom for rates too (as GrowthBook does)".
func TestGrowthBookTwoSidedTTestBinom(t *testing.T) {
	got, err := ProportionUplift(14, 28, 16, 30, 0.95)
	require.NoError(t, err)
	gbRound(t, math.Round((16.0/30-0.5)/0.5*1e5)/1e5, got.Uplift, 5, "expected")
	gbRound(t, -0.47767, got.Interval.Low, 5, "ci low")
	gbRound(t, 0.61101, got.Interval.High, 5, "ci high")
	gbRound(t, 0.2717, got.StdErr, 5, "uplift stddev")
	gbRound(t, 0.80707, got.PValue, 5, "pValue")
	// The normal's p-value, erfc(|u|/SE/√2), rounds elsewhere.
	assert.NotEqual(t, 0.80707, math.Round(math.Erfc(got.Uplift/got.StdErr/math.Sqrt2)*1e5)/1e5)
}

// TestGrowthBookOneSidedTTest: test_tests.py TestOneSidedGreaterTTest and
// TestOneSidedLesserTTest test_one_sided_ttest, stat_a (1396.87, 52377.9767,
// n 3000), stat_b (2422.7, 134698.29, 3461), relative, alpha 0.05. opskit
// has no one-sided test; the one-sided bound at α is the end of the
// two-sided interval at 1 − 2α, and the one-sided p-value is half the
// two-sided one (treatment greater, as the estimate is positive) or its
// complement (treatment lesser). GrowthBook: expected 0.5033610858562358,
// stddev 0.3334122146400735; greater: ci (−0.045136675850396046, ∞), p
// 0.06558262868467746; lesser: ci (−∞, 1.0518588475628676), p
// 0.9344173713153225 (compared at 5 decimals there; opskit agrees to 1e-9).
func TestGrowthBookOneSidedTTest(t *testing.T) {
	a, b := gbMean(3000, 1396.87, 52377.9767), gbMean(3461, 2422.7, 134698.29)
	got, err := RelativeUplift(a, b, 0.90)
	require.NoError(t, err)
	assert.InDelta(t, 0.5033610858562358, got.Uplift, 1e-12)
	assert.InDelta(t, 0.3334122146400735, got.StdErr, 1e-12)
	assert.InDelta(t, -0.045136675850396046, got.Interval.Low, 1e-9)
	assert.InDelta(t, 1.0518588475628676, got.Interval.High, 1e-9)
	assert.InDelta(t, 0.06558262868467746, got.PValue/2, 1e-9)
	assert.InDelta(t, 0.9344173713153225, 1-got.PValue/2, 1e-9)
	gbRound(t, 0.06558, got.PValue/2, 5, "greater pValue")
	gbRound(t, 0.93442, 1-got.PValue/2, 5, "lesser pValue")
}

// TestGrowthBookSequentialMoments: the sequential tests of test_tests.py
// (TestSequentialTTest, TestSequentialOneSided*) widen only the interval
// and change the p-value (asymptotic confidence sequences, which opskit
// does not have); their estimate and its standard error are the plain
// delta method's, which opskit reproduces:
// test_sequential_test_runs (means, stat_a n 3000): expected 0.50336,
// stddev 0.33341; test_sequential_test_runs_prop (ProportionStatistic 1396
// of 3000 against 2422 of 3461): expected 0.50386, stddev 0.03386.
func TestGrowthBookSequentialMoments(t *testing.T) {
	got, err := RelativeUplift(gbMean(3000, 1396.87, 52377.9767), gbMean(3461, 2422.7, 134698.29), 0.95)
	require.NoError(t, err)
	gbRound(t, 0.50336, got.Uplift, 5, "expected")
	gbRound(t, 0.33341, got.StdErr, 5, "uplift stddev")
	got, err = ProportionUplift(1396, 3000, 2422, 3461, 0.95)
	require.NoError(t, err)
	gbRound(t, 0.50386, got.Uplift, 5, "expected")
	gbRound(t, 0.03386, got.StdErr, 5, "uplift stddev")
}

// TestGrowthBookAnalyzeMetricDf: packages/stats/tests/test_gbstats.py
// TestAnalyzeMetricDfFrequentist.test_get_metric_dfs_frequentist, dimension
// "one" (the only one asserted): variation "zero" main_sum 270,
// main_sum_squares 848.79, 100 users (mean 2.7, sd 1.1); "one" 300, 869,
// 120 users (mean 2.5, sd 1): expected −0.074074074, pValue 0.145219005
// (9 decimals). TestAnalyzeMetricDfBayesian.test_get_metric_dfs_new, same
// data, default improper prior: expected −0.074074074, chanceToWin
// 0.071834168, and with inverse=True 1 − 0.071834168. With the improper
// prior GrowthBook's posterior is N(Uplift, StdErr²) (gbstats/bayesian/
// tests.py), so its chance to win is Φ(Uplift/StdErr), computed here from
// opskit's outputs (opskit has no Bayesian test on means).
func TestGrowthBookAnalyzeMetricDf(t *testing.T) {
	got, err := RelativeUplift(gbMean(100, 270, 848.79), gbMean(120, 300, 869), 0.95)
	require.NoError(t, err)
	gbRound(t, -0.074074074, got.Uplift, 9, "expected")
	gbRound(t, 0.145219005, got.PValue, 9, "pValue")
	gbRound(t, 0.071834168, gbPhi(got.Uplift/got.StdErr), 9, "chanceToWin")
	gbRound(t, 1-0.071834168, 1-gbPhi(got.Uplift/got.StdErr), 9, "chanceToWin inverse")
}

// TestGrowthBookBayesianMoments: packages/stats/tests/bayesian/test_tests.py.
// GrowthBook's Bayesian engine with its default improper prior takes the
// frequentist delta-method estimate and standard error as the posterior's
// mean and standard deviation; its interval is the normal's (not t) and
// its chance to win Φ(mean/sd). TestNorm.test_bayesian_gaussian_ab_test:
// SampleMeanStatistic(100, 1002.25, 10) against (105, 1111.5, 10) (means 10
// and 10.5, sd 0.5 and 1): expected 0.05, uplift stddev 0.03572, ci (−0.02,
// 0.12), chanceToWin 0.91923. TestBinom.test_bayesian_binomial_ab_test:
// ProportionStatistic 49 of 100 against 51 of 100: expected 0.04082, stddev
// 0.14725, ci (−0.24779, 0.32943), chanceToWin 0.60918. opskit's intervals
// use Student's t (RelativeUplift), so the credible intervals and chances
// to win are computed here from Uplift and StdErr with the normal.
func TestGrowthBookBayesianMoments(t *testing.T) {
	z := zUpper(0.025)
	got, err := RelativeUplift(gbMean(10, 100, 1002.25), gbMean(10, 105, 1111.5), 0.95)
	require.NoError(t, err)
	gbRound(t, 0.05, got.Uplift, 5, "expected")
	gbRound(t, 0.03572, got.StdErr, 5, "uplift stddev")
	gbRound(t, -0.02, got.Uplift-z*got.StdErr, 5, "ci low")
	gbRound(t, 0.12, got.Uplift+z*got.StdErr, 5, "ci high")
	gbRound(t, 0.91923, gbPhi(got.Uplift/got.StdErr), 5, "chanceToWin")
	got, err = ProportionUplift(49, 100, 51, 100, 0.95)
	require.NoError(t, err)
	gbRound(t, 0.04082, got.Uplift, 5, "expected")
	gbRound(t, 0.14725, got.StdErr, 5, "uplift stddev")
	gbRound(t, -0.24779, got.Uplift-z*got.StdErr, 5, "ci low")
	gbRound(t, 0.32943, got.Uplift+z*got.StdErr, 5, "ci high")
	gbRound(t, 0.60918, gbPhi(got.Uplift/got.StdErr), 5, "chanceToWin")
}

// TestGrowthBookChanceToWinBeta: the same binomial case
// (test_bayesian_binomial_ab_test, 49/100 against 51/100, chanceToWin
// 0.60918) given to [ProbBBeatsA], whose P(p_B > p_A) is exact under
// Beta(1 + x, 1 + n − x) posteriors ("ProbBBeatsA is P(p_B > p_A) under
// Beta(1+x, 1+n−x) posteriors", doc.go) where GrowthBook's is the normal
// approximation of the relative uplift's posterior. Evan Miller's sum in
// exact arithmetic (mpmath, 30 digits) gives 0.610770522687839.
func TestGrowthBookChanceToWinBeta(t *testing.T) {
	p, err := ProbBBeatsA(49, 100, 51, 100)
	require.NoError(t, err)
	assert.InDelta(t, 0.610770522687839, p, 1e-12)
	// Documented difference (doc.go: "GrowthBook's Bayesian chance to win is
	// the normal approximation Φ(u/SE) of the uplift's posterior (49 of 100
	// against 51 of 100: 0.61077 here, 0.60918 there)"); GrowthBook's number
	// from ProportionUplift's outputs, as the doc says the caller can form it:
	u, err := ProportionUplift(49, 100, 51, 100, 0.95)
	require.NoError(t, err)
	gbRound(t, 0.60918, gbPhi(u.Uplift/u.StdErr), 5, "chanceToWin")
}

// TestGrowthBookPowerVariance: packages/shared/test/power.test.ts "delta
// method variance relative correct": frequentistVariance(varA 2, meanA 7,
// nA 4, varB 0.5, meanB 5, nB 15, relative) = 0.00589 (toFixed(5)), the
// variance of the relative uplift, opskit's StdErr².
func TestGrowthBookPowerVariance(t *testing.T) {
	got, err := RelativeUplift(MeanSample{N: 4, Mean: 7, StdDev: math.Sqrt(2)}, MeanSample{N: 15, Mean: 5, StdDev: math.Sqrt(0.5)}, 0.95)
	require.NoError(t, err)
	gbRound(t, 0.00589, got.StdErr*got.StdErr, 5, "variance")
	// By hand: 0.5/(49·15) + 2·25/(2401·4) = 0.000680272 + 0.005206164.
	assert.InDelta(t, 0.5/(49*15.0)+2*25/(2401*4.0), got.StdErr*got.StdErr, 1e-17)
}

// TestGrowthBookNoInference: GrowthBook returns an uninformative result
// (expected 0, ci (0, 0), pValue 1, an error message) where opskit
// returns an error, as doc.go decides: "a zero baseline or no variance in
// either arm is an error, not an uninformative result" and RelativeUplift's
// "Errors: N below 2, ...".
//   - test_tests.py test_two_sided_ttest_missing_variance: stat_a
//     SampleMeanStatistic(1396.87, 52377.9767, n 2) has a negative variance
//     (52377.9767 − 1396.87²/2 < 0), so no standard deviation (NaN).
//   - test_gbstats.py test_get_metric_dfs_zero_val (frequentist and
//     Bayesian): variation "one" has 1 user (sum 1, sum_squares 1), control
//     3 users (20, 443): expected 0, pValue 1, chanceToWin 0.5.
//   - bayesian/test_tests.py TestBinom.test_missing_data: 0 of 0 against 0
//     of 0: chanceToWin 0.5, expected 0.
func TestGrowthBookNoInference(t *testing.T) {
	b := gbMean(3461, 2422.7, 134698.29)
	a := gbMean(2, 1396.87, 52377.9767)
	assert.True(t, math.IsNaN(a.StdDev))
	_, err := RelativeUplift(a, b, 0.95)
	assert.ErrorIs(t, err, ErrInvalidRate)
	_, err = RelativeUplift(gbMean(3, 20, 443), MeanSample{N: 1, Mean: 1}, 0.95)
	assert.ErrorIs(t, err, ErrInvalidCount)
	_, err = ProportionUplift(0, 0, 0, 0, 0.95)
	assert.ErrorIs(t, err, ErrInvalidCount)
	// GrowthBook's BASELINE_VARIATION_ZERO_MESSAGE (a control mean of 0).
	_, err = ProportionUplift(0, 100, 5, 100, 0.95)
	assert.ErrorIs(t, err, ErrInvalidRate)
}

// TestGrowthBookOneArmWithoutVariance: gbstats/models/tests.py
// EffectMoments.compute_result returns the uninformative default
// (ZERO_NEGATIVE_VARIANCE_MESSAGE) when EITHER arm's variance is 0
// (stat_a._has_zero_variance or stat_b._has_zero_variance); GrowthBook has
// no test with numbers for it. opskit errs for either arm too ("an arm
// without variance (either one, as in GrowthBook) is an error", doc.go):
// 100 of 100 against 50 of 100, and a mean arm with sd 0.
func TestGrowthBookOneArmWithoutVariance(t *testing.T) {
	_, err := ProportionUplift(100, 100, 50, 100, 0.95)
	assert.ErrorIs(t, err, ErrInvalidRate)
	_, err = ProportionUplift(50, 100, 0, 100, 0.95)
	assert.ErrorIs(t, err, ErrInvalidRate)
	_, err = RelativeUplift(MeanSample{N: 100, Mean: 3}, MeanSample{N: 100, Mean: 4, StdDev: 1}, 0.95)
	assert.ErrorIs(t, err, ErrInvalidRate)
	_, err = RelativeUplift(MeanSample{N: 100, Mean: 3, StdDev: 1}, MeanSample{N: 100, Mean: 4}, 0.95)
	assert.ErrorIs(t, err, ErrInvalidRate)
}

// TestGrowthBookNegativeBaseline: packages/stats/tests/test_utils.py
// TestFrequentistDiff.test_relative_negative_baseline_keeps_direction:
// frequentist_diff(mean_a −10, mean_b −5, relative) = 0.5 ("−10 → −5 is an
// increase"), (−10 → −15) = −0.5, and crossing zero (−2 → 3) = 2.5:
// GrowthBook divides by |μ_A|, as opskit's u = (μ_B − μ_A)/|μ_A|. The
// variance is the same either way (μ_A enters squared).
func TestGrowthBookNegativeBaseline(t *testing.T) {
	sd := MeanSample{StdDev: 1, N: 10}
	for _, c := range []struct{ ma, mb, growthbook float64 }{
		{-10, -5, 0.5},
		{-10, -15, -0.5},
		{-2, 3, 2.5},
		{10, 15, 0.5}, // test_relative_positive_baseline
		{10, 5, -0.5},
	} {
		a, b := sd, sd
		a.Mean, b.Mean = c.ma, c.mb
		got, err := RelativeUplift(a, b, 0.95)
		require.NoError(t, err)
		assert.InDelta(t, c.growthbook, got.Uplift, 1e-15, "%v -> %v", c.ma, c.mb)
		// The interval is centred on the uplift and the p-value follows its sign-free size.
		assert.InDelta(t, c.growthbook, (got.Interval.Low+got.Interval.High)/2, 1e-12)
		// Var(u) = s_B²/(μ_A² n_B) + s_A² μ_B²/(μ_A⁴ n_A), the same for ±μ_A.
		want := math.Sqrt(1/(c.ma*c.ma*10) + c.mb*c.mb/(c.ma*c.ma*c.ma*c.ma*10))
		assert.InDelta(t, want, got.StdErr, 1e-15)
	}
}
