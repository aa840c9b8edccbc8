package funnel

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Anchor checks of Wilson, the two-proportion z-test, the Agresti–Caffo and
// Wald difference intervals and SampleSize against statsmodels' documented
// results (github.com/statsmodels/statsmodels, snapshot 82c59e3 of
// 2026-08-22), which quote R (binom, PropCIs, prop.test) and Stata. Where
// statsmodels compares a difference p1 − p2 of its first sample minus its
// second, opskit's A is statsmodels' second sample and B its first
// (opskit's intervals are for p_B − p_A).

// TestStatsmodelsWilson: statsmodels/stats/tests/test_proportion.py
// test_confint_proportion with method "wilson" against
// results/results_proportion.py res_binom (R binom.confint, last column
// "wilson"; compared there to 6 decimals); test_confint_proportion_wilson_clip
// (19 of 38: (0.348499283643951, 0.651500716356049), rtol 1e-12; 38 of 38
// and 0 of 77 stay inside [0, 1]); test_proportion_confint with count 100,
// nobs 200, "wilson" (R DescTools BinomCI): two-sided 95% [0.4313609,
// 0.5686391], one-sided "larger" 95% upper 0.557765 and "smaller" lower
// 0.442235, which are the ends of the two-sided 90% interval (opskit has no
// one-sided form); TestProportion res_prop_test_1 (R prop.test(73, 86, p =
// 0.9, correct = FALSE), whose interval is Wilson's): [0.758364348004061,
// 0.9094787701686766].
func TestStatsmodelsWilson(t *testing.T) {
	for _, c := range []struct {
		x, n    int64
		conf    float64
		lo, hi  float64
		epsilon float64
	}{
		{18, 20, 0.95, 0.6989663547715128, 0.972133518786232, 1e-12},
		{4, 20, 0.95, 0.0806576625797981, 0.4160174322518935, 1e-12},
		{4, 200, 0.95, 0.00780442641634947, 0.05028708690582643, 1e-12},
		{190, 200, 0.95, 0.910421851861224, 0.972617354399236, 1e-12},
		{1, 30, 0.95, 5.908590e-03, 0.16670391, 5e-9},
		{29, 30, 0.95, 0.8332961, 0.9940914, 5e-8},
		{0, 30, 0.95, 0, 0.11351339, 5e-9},
		{30, 30, 0.95, 0.8864866, 1, 5e-8},
		{19, 38, 0.95, 0.348499283643951, 0.651500716356049, 1e-12},
		{100, 200, 0.95, 0.4313609, 0.5686391, 5e-8},
		{100, 200, 0.90, 0.442235, 0.557765, 5e-7},
		{73, 86, 0.95, 0.758364348004061, 0.9094787701686766, 1e-12},
	} {
		got, err := Wilson(c.x, c.n, c.conf)
		require.NoError(t, err)
		assert.InDelta(t, c.lo, got.Low, c.epsilon, "%d/%d low", c.x, c.n)
		assert.InDelta(t, c.hi, got.High, c.epsilon, "%d/%d high", c.x, c.n)
	}
	for _, c := range [][2]int64{{38, 38}, {0, 77}} {
		got, err := Wilson(c[0], c[1], 0.95)
		require.NoError(t, err)
		assert.True(t, 0 <= got.Low && got.Low <= got.High && got.High <= 1, "%v: %+v", c, got)
	}
}

// TestStatsmodelsTwoProportionZTest: test_proportion.py
// TestProportion.test_default_values (GH 2969): proportions_ztest([5, 12],
// [83, 99]) gives z −1.4078304151258787 and p 0.15918129181156992 (p1 − p2:
// A = 12/99, B = 5/83); test_pairwiseproptest: the pooled tests of every pair
// of 73/86, 90/93, 114/136, 75/82 (R prop.test without continuity
// correction, whose chi-square is z²) have raw p-values res_ppt_pvals_raw
// (compared there to 7 decimals).
func TestStatsmodelsTwoProportionZTest(t *testing.T) {
	got, err := TwoProportionZTest(12, 99, 5, 83)
	require.NoError(t, err)
	assert.InDelta(t, -1.4078304151258787, got.Z, 1e-12)
	assert.InDelta(t, 0.15918129181156992, got.PValue, 1e-12)
	x := []int64{73, 90, 114, 75}
	n := []int64{86, 93, 136, 82}
	want := []float64{0.00533824886503131, 0.8327574849753566, 0.1880573726722516, 0.002026764254350234, 0.1309487516334318, 0.1076118730631731}
	k := 0
	for i := range x {
		for j := i + 1; j < len(x); j++ {
			got, err := TwoProportionZTest(x[i], n[i], x[j], n[j])
			require.NoError(t, err)
			assert.InDelta(t, want[k], got.PValue, 1e-12, "pair %d, %d", i, j)
			k++
		}
	}
}

// TestStatsmodelsDiffIntervals: test_proportion.py
// test_confint_2indep_propcis, 7 of 34 against 1 of 34 (p1 − p2, so A =
// 1/34, B = 7/34), R PropCIs: wald2ci(7, 34, 1, 34, 0.95, adjust = "AC")
// (0.01161167, 0.32172166) and adjust = "Wald" (0.02916942, 0.32377176),
// atol 6e-7; test_confint_2indep quotes Fagerland et al. 2015 for the same
// data: Wald 0.029 to 0.32, Agresti–Caffo 0.012 to 0.32.
func TestStatsmodelsDiffIntervals(t *testing.T) {
	ac, err := DiffInterval(1, 34, 7, 34, 0.95)
	require.NoError(t, err)
	assert.InDelta(t, 0.01161167, ac.Low, 6e-9)
	assert.InDelta(t, 0.32172166, ac.High, 6e-9)
	wald, err := WaldDiffInterval(1, 34, 7, 34, 0.95)
	require.NoError(t, err)
	assert.InDelta(t, 0.02916942, wald.Low, 6e-9)
	assert.InDelta(t, 0.32377176, wald.High, 6e-9)
}

// TestStatsmodelsSampleSize: test_proportion.py test_power_2indep,
// samplesize_proportions_2indep_onetail(diff, prop2, power, ratio 1, alpha
// 0.05, two-sided), whose formula is SampleSize's (pooled variance under the
// null, unpooled under the alternative, alpha/2 in one tail), continuous
// where opskit rounds up: (−0.25, 0.75, 0.9) gives 76.70692 ("test against
// R"), so 77; (−0.15, 0.65, 0.5) gives 83.4373 (atol 0.05; 83.44502 by
// mpmath at 30 digits), so 84; the Stata example (−0.014, 0.015, power
// 0.7415600) gives 550 (atol 0.05; 550.00308 by mpmath, Stata's power at
// n = 550 rounded to 7 digits), so 551. Baseline is prop2, mde the diff.
// Unequal arms (ratio 2) are not expressible.
func TestStatsmodelsSampleSize(t *testing.T) {
	for _, c := range []struct {
		baseline, mde, power float64
		want                 int64
	}{
		{0.75, -0.25, 0.9, 77},
		{0.65, -0.15, 0.5, 84},
		{0.015, -0.014, 0.7415600, 551},
	} {
		got, err := SampleSize(c.baseline, c.mde, 0.05, c.power)
		require.NoError(t, err)
		assert.Equal(t, c.want, got, "%+v", c)
	}
}
