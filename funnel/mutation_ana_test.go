package funnel

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opskit/opskit/pricing"
)

// Boundary tests for the survivors issue 19 names in this package's
// analysis files (the boundary mutants > to >=).

// TestSampleSizeAtTheLimit: a result of exactly MaxSampleSize (2^53) is
// returned; one visitor more is ErrTooLarge (stats.go, "n > MaxSampleSize").
// The mde was found by stepping float64 values until the formula gave
// 2^53 exactly.
func TestSampleSizeAtTheLimit(t *testing.T) {
	const mde = 2.0873436466701086e-08
	n, err := SampleSize(0.5, mde, 0.05, 0.8)
	require.NoError(t, err)
	assert.Equal(t, int64(MaxSampleSize), n)
	_, err = SampleSize(0.5, mde*(1-1e-9), 0.05, 0.8)
	assert.ErrorIs(t, err, ErrTooLarge)
}

// TestDecomposeEffectAtTheLimit: an effect of exactly 2^62 minor units is
// allowed (lmdi.go, "math.Abs(e) > maxGMVMinor"). UV falls to a quarter and
// AOV quadruples, so GMV is unchanged, w = GMV and the AOV effect is
// GMV × ln 4 × 100 fen; u = 8316570686152702 makes it 2^62 exactly in
// float64 (found by search), a larger u passes the limit.
func TestDecomposeEffectAtTheLimit(t *testing.T) {
	one := decimal.NewFromInt(1)
	run := func(u int64) (Decomposition, error) {
		return Decompose(GMVFactors{UV: 4 * u, CR: one, AOV: pricing.MustNew("1.00", pricing.CNY)},
			GMVFactors{UV: u, CR: one, AOV: pricing.MustNew("4.00", pricing.CNY)})
	}
	d, err := run(8316570686152702)
	require.NoError(t, err)
	aov, err := d.AOV.MinorUnits()
	require.NoError(t, err)
	uv, err := d.UV.MinorUnits()
	require.NoError(t, err)
	assert.Equal(t, [2]int64{1 << 62, -1 << 62}, [2]int64{aov, uv})
	_, err = run(8316570686152702 + 1000)
	assert.ErrorIs(t, err, ErrTooLarge)
}

// TestDecodeUnitEqualToWindow: a stored result whose time unit equals its
// window decodes; a zero window or unit, or a unit above the window, does
// not (json.go, "k.Unit > k.Window" and the two "<= 0").
func TestDecodeUnitEqualToWindow(t *testing.T) {
	doc := func(window, unit string) []byte {
		return []byte(`{"funnel":{"steps":["a"],"window":"` + window + `","unit":"` + unit + `","order":"ordered","reentry":"restart",` +
			`"counting":"uniques","attribution":"first_step","breakdown":"none","exclusions":[]},` +
			`"steps":[{"name":"a","count":1,"from_previous":1,"from_first":1,"drop_off":0,"drop_off_rate":0,` +
			`"time":{"n":0,"mean":"0s","median":"0s","p90":"0s"},"durations":[]}],` +
			`"overall":{"n":0,"mean":"0s","median":"0s","p90":"0s"},"overall_durations":[]}`)
	}
	var r Result
	require.NoError(t, json.Unmarshal(doc("1s", "1s"), &r))
	assert.Equal(t, []int64{1}, r.Counts())
	for _, c := range [][2]string{{"0s", "1s"}, {"1s", "0s"}, {"1s", "2s"}, {"-1s", "-1s"}} {
		assert.ErrorIs(t, json.Unmarshal(doc(c[0], c[1]), &r), ErrInvalidJSON, "%v", c)
	}
	_ = time.Second
}
