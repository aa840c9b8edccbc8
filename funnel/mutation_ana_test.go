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
// analysis files (the boundary mutants > to >=), and tests for survivors
// of gremlins on the analyses added for issue 15.
//
// Survivors that cannot be killed or cannot change behaviour:
//   - correlation.go Run, "len(events) > MaxEvents" -> ">=": a test needs
//     2^31 − 1 events (16 GB of Event values); the limit is the one Run
//     checks with the same comparison.
//   - retention.go RunColumns, "seen < int64(len(ret))" -> "<=": at
//     equality both keep the whole row with Pending 0.
//   - retention.go RunColumns, "last >= first" -> ">": at equality the
//     second condition (0 >= MaxRetentionCohorts) is false either way.
//   - retention.go until, first loop "t <= asOf" -> "<": that loop only
//     decides whether to copy; the copy keeps the same events.
//   - uplift.go upliftTest, "dof < 1" -> "<= 1": Welch's ν is at least
//     min(n_A, n_B) − 1, so ν = 1 means the fallback gives 1 too.
//   - uplift.go betaInc, "x < (a+1)/(a+b+2)" -> "<=", tQuantileUpper
//     "p < target" -> "<=" and "hi-lo <= -lo*1e-15" -> "<": at equality
//     both branches compute the same value (the continued fraction and its
//     complement agree there; the bisection ends within the same 1e-15).

// TestSampleSizeAtTheLimit: a result of exactly MaxSampleSize (2^53) is
// returned; one visitor more is ErrTooLarge (stats.go, "n > MaxSampleSize").
// The mde was found by stepping float64 values until the formula gave
// 2^53 exactly (at baseline 0.3: at 0.5 the nearest results are 2^53 − 2
// and beyond the limit, with zUpper's quantiles then and now).
func TestSampleSizeAtTheLimit(t *testing.T) {
	const mde = 1.9130820698782005e-08
	n, err := SampleSize(0.3, mde, 0.05, 0.8)
	require.NoError(t, err)
	assert.Equal(t, int64(MaxSampleSize), n)
	_, err = SampleSize(0.3, mde*(1-1e-9), 0.05, 0.8)
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

// TestTAtTheThreshold: at ν = 10⁷ exactly t still comes from the
// incomplete beta function: P(|T| >= 2.5) = 0.0124193465366 (mpmath, 40
// digits), while the normal gives 0.0124193306516.
func TestTAtTheThreshold(t *testing.T) {
	assert.InDelta(t, 0.012419346536578470, tTwoSided(2.5, 1e7), 1e-10)
	assert.InDelta(t, 0.012419330651552270, tTwoSided(2.5, 1e7+1), 1e-15)
}

// TestCorrelationOddsRatioOne: an odds ratio of exactly 1 goes with
// dropping off (PostHog: "success" only when above 1).
func TestCorrelationOddsRatioOne(t *testing.T) {
	ev := []Event{}
	for i, a := range []string{"a", "b", "c", "d"} {
		ev = append(ev, Event{Actor: a, Time: base, Name: "start"})
		if i < 2 {
			ev = append(ev, Event{Actor: a, Time: base.Add(time.Second), Name: "x"})
		}
		if i%2 == 0 {
			ev = append(ev, Event{Actor: a, Time: base.Add(2 * time.Second), Name: "signup"})
		}
	}
	tab, err := signupCorrelation().Run(ev)
	require.NoError(t, err)
	rep, err := tab.Report(1, 0)
	require.NoError(t, err)
	require.Len(t, rep.Items, 1)
	// s = f = 1, S = F = 2: (2 × 2)/(2 × 2) = 1.
	assert.Equal(t, 1.0, rep.Items[0].OddsRatio)
	assert.False(t, rep.Items[0].Converting)
	assert.Equal(t, 0.0, rep.Items[0].Z)
	assert.Equal(t, 1.0, rep.Items[0].PValue)
}

// TestCorrelationTiesByName: equal odds ratios sort by event name, in
// both directions.
func TestCorrelationTiesByName(t *testing.T) {
	var ev []Event
	for i, a := range []string{"a", "b", "c"} {
		ev = append(ev, Event{Actor: a, Time: base, Name: "start"})
		names := []string{"up2", "up1"}
		if i > 0 {
			names = []string{"down2", "down1"}
		}
		for k, n := range names {
			ev = append(ev, Event{Actor: a, Time: base.Add(time.Duration(k+1) * time.Second), Name: n})
		}
		if i == 0 {
			ev = append(ev, Event{Actor: a, Time: base.Add(time.Minute), Name: "signup"})
		}
	}
	tab, err := signupCorrelation().Run(ev)
	require.NoError(t, err)
	rep, err := tab.Report(1, 0)
	require.NoError(t, err)
	var names []string
	for _, it := range rep.Items {
		names = append(names, it.Event)
	}
	// up: (2 × 3)/(1 × 1) = 6; down: (1 × 1)/(2 × 3) = 1/6.
	assert.Equal(t, []string{"up1", "up2", "down1", "down2"}, names)
	assert.Equal(t, 6.0, rep.Items[0].OddsRatio)
}

// TestRetentionTableLimits: a table of MaxRetentionPeriods periods
// decodes; the pending detail names the expected count; the binary times
// stop at a nanosecond below 1e9 and an offset a minute inside a day.
func TestRetentionTableLimits(t *testing.T) {
	var tab RetentionTable
	require.NoError(t, json.Unmarshal([]byte(`{"period":"day","periods":366,"recurring":false,"cohorts":[]}`), &tab))
	err := json.Unmarshal([]byte(`{"period":"day","periods":2,"recurring":false,"cohorts":[{"start":"2024-01-01T00:00:00Z","size":2,"retained":[2,1],"pending":0}]}`), &tab)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "periods + 1 − observable periods: 1", fe.Detail)

	asOf := func(sec int64, nsec uint64, off int64) []byte {
		w := newBinWriter('T')
		w.uint(0)
		w.uint(1)
		w.bool(false)
		w.bool(true)
		w.int(sec)
		w.uint(nsec)
		w.int(off)
		w.uint(0)
		return w.b
	}
	require.NoError(t, tab.UnmarshalBinary(asOf(0, 999999999, 86340)))
	assert.Equal(t, time.Unix(0, 999999999).UnixNano(), tab.AsOf.UnixNano())
	require.NoError(t, tab.UnmarshalBinary(asOf(0, 0, -86340)))
	requireBinaryError(t, tab.UnmarshalBinary(asOf(0, 1e9, 0)), "nanoseconds")
	requireBinaryError(t, tab.UnmarshalBinary(asOf(0, 0, 86400)), "offset")
	requireBinaryError(t, tab.UnmarshalBinary(asOf(0, 0, -86400)), "offset")
	requireBinaryError(t, tab.UnmarshalBinary(asOf(0, 0, 30)), "offset seconds")
	// Years 1600 to 2299: the first and the last second in, one beyond out.
	require.NoError(t, tab.UnmarshalBinary(asOf(-11676096000, 0, 0)))
	require.NoError(t, tab.UnmarshalBinary(asOf(10413792000-1, 0, 0)))
	requireBinaryError(t, tab.UnmarshalBinary(asOf(-11676096000-1, 0, 0)), "before 1600")
	requireBinaryError(t, tab.UnmarshalBinary(asOf(10413792000, 0, 0)), "2300")
}

// TestRetentionBinaryHeaderLimits: month and 366 periods decode; one more
// of either does not.
func TestRetentionBinaryHeaderLimits(t *testing.T) {
	form := func(period, periods uint64) []byte {
		w := newBinWriter('T')
		w.uint(period)
		w.uint(periods)
		w.bool(false)
		w.bool(false)
		w.uint(0)
		return w.b
	}
	var tab RetentionTable
	require.NoError(t, tab.UnmarshalBinary(form(uint64(ByMonth), MaxRetentionPeriods)))
	assert.Equal(t, ByMonth, tab.Period)
	assert.Equal(t, MaxRetentionPeriods, tab.Periods)
	requireBinaryError(t, tab.UnmarshalBinary(form(uint64(ByMonth)+1, 1)), "period")
	requireBinaryError(t, tab.UnmarshalBinary(form(0, MaxRetentionPeriods+1)), "periods")
}
