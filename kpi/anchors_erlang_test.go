package kpi

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Anchors from pyworkforce's own test suite (github.com/rodrigo-arenas/
// pyworkforce), beyond the README case that staffing_test.go already
// checks:
//
//   - pyworkforce/queuing/tests/test_erlang.py: ErlangC(transactions=100,
//     asa=0.33, aht=3, interval=30, shrinkage=0.3); the answer target is
//     0.33 minutes = 19.8 s, not 20 s;
//   - pyworkforce/queuing/tests/test_multi_erlang.py: the same with the
//     service-level grid [0.8, 0.9];
//   - pyworkforce/queuing/tests/test_abandonment.py: ErlangA(transactions=100,
//     aht=3, asa=20/60, interval=30, patience=5, shrinkage=0).
//
// pyworkforce's assertions are rounded to 3 (Erlang C) or 5-6 (Erlang A)
// decimals; the tests here assert to half a unit of the last digit.

// pyworkforceInterval is 100 transactions in 30 minutes, AHT 3 minutes.
func pyworkforceInterval() Interval {
	return Interval{Start: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), Length: 30 * time.Minute,
		Contacts: 100, AHT: 3 * time.Minute}
}

// asa=0.33 minutes.
const pyworkforceASA = 19800 * time.Millisecond

// test_erlang.py, test_expected_erlangc_results: service_level 0.8,
// max_occupancy 0.85 → raw_positions 14, service_level 0.888, occupancy
// 0.714, waiting_probability 0.174 (and positions 20 with shrinkage 0.3).
func TestAnchorPyworkforceErlangC80(t *testing.T) {
	lines, err := Staffing([]Interval{pyworkforceInterval()},
		StaffingTarget{ServiceLevel: 0.8, AnswerWithin: pyworkforceASA, MaxOccupancy: 0.85})
	require.NoError(t, err)
	l := lines[0]
	assert.Equal(t, int64(14), l.Agents)
	assert.InDelta(t, 0.888, l.ServiceLevel, 0.0005)
	assert.InDelta(t, 0.714, l.Occupancy, 0.0005)
	assert.InDelta(t, 0.174, l.Wait, 0.0005)
	// By hand: C(14, 10) = 0.174132 (the 20 s case's), and with 19.8 s
	// SL = 1 - 0.174132·exp(-4·19.8/180) = 1 - 0.174132·0.644036 = 0.887853.
	assert.InDelta(t, 1-0.17413193359504983*math.Exp(-4*19.8/180), l.ServiceLevel, 1e-12)
	// Shrinkage is the caller's (doc.go: "Shrinkage (breaks, training) is
	// the caller's: divide by 1 - shrinkage"): ⌈14 / 0.7⌉ = 20 positions,
	// pyworkforce's positions; in integers ⌈14·10 / 7⌉.
	assert.Equal(t, int64(20), ceilDiv(l.Agents*10, 7))
}

// test_erlang.py, test_over_occupancy_erlangc: max_occupancy 0.7 →
// raw_positions 15 (10/14 = 0.714 is over the cap), positions 22 with
// shrinkage 0.3, service_level 0.941, occupancy 0.667, waiting_probability
// 0.102. test_multi_erlang.py, test_expected_multierlangc_grid: service
// level 0.9 with max_occupancy 0.85 gives the same 15 / 22 / 0.941 /
// 0.667 / 0.102 (14 agents answer only 88.8%).
func TestAnchorPyworkforceErlangC15(t *testing.T) {
	for name, target := range map[string]StaffingTarget{
		"occupancy 0.7": {ServiceLevel: 0.8, AnswerWithin: pyworkforceASA, MaxOccupancy: 0.7},
		"SL 0.9":        {ServiceLevel: 0.9, AnswerWithin: pyworkforceASA, MaxOccupancy: 0.85},
	} {
		t.Run(name, func(t *testing.T) {
			lines, err := Staffing([]Interval{pyworkforceInterval()}, target)
			require.NoError(t, err)
			l := lines[0]
			assert.Equal(t, int64(15), l.Agents)
			assert.InDelta(t, 0.941, l.ServiceLevel, 0.0005)
			assert.InDelta(t, 0.667, l.Occupancy, 0.0005)
			assert.InDelta(t, 0.102, l.Wait, 0.0005)
			// By hand: C(15, 10) = 0.102042; SL = 1 - 0.102042·exp(-5·19.8/180)
			// = 1 - 0.102042·0.576950 = 0.941127; occupancy 10/15.
			assert.InDelta(t, erlangCRef(15, 10), l.Wait, 1e-12)
			assert.InDelta(t, 0.10204236700798801, l.Wait, 1e-12)
			assert.InDelta(t, 1-0.10204236700798801*math.Exp(-5*19.8/180), l.ServiceLevel, 1e-12)
			assert.InDelta(t, 10.0/15, l.Occupancy, 1e-15)
			assert.Equal(t, int64(22), ceilDiv(l.Agents*10, 7), "⌈15 / 0.7⌉ = ⌈21.43⌉")
		})
	}
}

// test_erlang.py, test_erlang_methods_require_stable_system: with 10
// positions for 10 Erlangs, pyworkforce's waiting_probability,
// service_level and achieved_occupancy raise "positions must be greater
// than traffic intensity". opskit reports the unstable queue instead of an
// error, as StaffingPerformance's documentation says: "With Erlang C and
// agents ≤ load the queue grows without bound: the line reports a wait
// chance of 1, service level 0, occupancy 1 and an ASA of math.MaxInt64
// (no finite mean)." A documented choice.
func TestAnchorPyworkforceErlangCUnstable(t *testing.T) {
	for _, n := range []int64{9, 10} {
		p, err := StaffingPerformance(n, pyworkforceInterval(), StaffingTarget{AnswerWithin: pyworkforceASA})
		require.NoError(t, err)
		assert.Equal(t, 1.0, p.Wait)
		assert.Equal(t, 0.0, p.ServiceLevel)
		assert.Equal(t, 1.0, p.Occupancy)
		assert.Equal(t, time.Duration(math.MaxInt64), p.ASA)
	}
	// Staffing never picks an unstable number: 11 is the first stable one.
	lines, err := Staffing([]Interval{pyworkforceInterval()}, StaffingTarget{AnswerWithin: pyworkforceASA})
	require.NoError(t, err)
	assert.Equal(t, int64(11), lines[0].Agents)
}

// test_abandonment.py, test_erlanga_regression_metrics: 14 positions give
// waiting_probability 0.14526, abandonment_probability 0.013984, occupancy
// 0.704297, average_speed_of_answer 0.069919 minutes and service_level
// 0.916792. Occupancy by hand: served load ÷ agents = 10·(1 - 0.013984)
// / 14 = 0.704297.
func TestAnchorPyworkforceErlangARegression(t *testing.T) {
	target := StaffingTarget{AnswerWithin: 20 * time.Second, Patience: 5 * time.Minute}
	p, err := StaffingPerformance(14, pyworkforceInterval(), target)
	require.NoError(t, err)
	assert.InDelta(t, 0.14526, p.Wait, 0.000005)
	assert.InDelta(t, 0.013984, p.Abandon, 0.0000005)
	assert.InDelta(t, 0.704297, p.Occupancy, 0.0000005)
	assert.InDelta(t, 0.069919*60, p.ASA.Seconds(), 0.0000005*60)
	assert.InDelta(t, 0.916792, p.ServiceLevel, 0.0000005)
	assert.InDelta(t, 10*(1-p.Abandon)/14, p.Occupancy, 1e-12)
}

// test_abandonment.py, test_erlanga_matches_erlangc_in_patient_limit: with
// patience 1,000,000 minutes Erlang A matches Erlang C at 15, 20 and 25
// positions: waiting probability and occupancy within 1e-4, service level
// within 1e-3 (pyworkforce's tolerances).
func TestAnchorPyworkforceErlangAPatientLimit(t *testing.T) {
	for _, n := range []int64{15, 20, 25} {
		c, err := StaffingPerformance(n, pyworkforceInterval(), StaffingTarget{AnswerWithin: 20 * time.Second})
		require.NoError(t, err)
		a, err := StaffingPerformance(n, pyworkforceInterval(),
			StaffingTarget{AnswerWithin: 20 * time.Second, Patience: 1_000_000 * time.Minute})
		require.NoError(t, err)
		assert.InDelta(t, c.Wait, a.Wait, 1e-4, "agents %d", n)
		assert.InDelta(t, c.Occupancy, a.Occupancy, 1e-4, "agents %d", n)
		assert.InDelta(t, c.ServiceLevel, a.ServiceLevel, 1e-3, "agents %d", n)
		// And Erlang C itself against the factorial form: C(20, 10) =
		// 0.003731, C(25, 10) = 0.0000488.
		assert.InDelta(t, erlangCRef(int(n), 10), c.Wait, 1e-12, "agents %d", n)
	}
}

// test_abandonment.py, test_erlanga_less_patience_more_abandonment and
// test_erlanga_monotonic_service_level: at 14 positions callers with a
// mean patience of 1 minute abandon more than those with 20; the service
// level does not fall from 14 to 21 positions.
func TestAnchorPyworkforceErlangAMonotone(t *testing.T) {
	iv := pyworkforceInterval()
	imp, err := StaffingPerformance(14, iv, StaffingTarget{AnswerWithin: 20 * time.Second, Patience: time.Minute})
	require.NoError(t, err)
	pat, err := StaffingPerformance(14, iv, StaffingTarget{AnswerWithin: 20 * time.Second, Patience: 20 * time.Minute})
	require.NoError(t, err)
	assert.Greater(t, imp.Abandon, pat.Abandon)
	prev := -1.0
	for n := int64(14); n < 22; n++ {
		p, err := StaffingPerformance(n, iv, StaffingTarget{AnswerWithin: 20 * time.Second, Patience: 5 * time.Minute})
		require.NoError(t, err)
		assert.GreaterOrEqual(t, p.ServiceLevel, prev-1e-9, "agents %d", n)
		prev = p.ServiceLevel
	}
}

// ceilDiv is ⌈a / b⌉ for a ≥ 0, b > 0: the caller's shrinkage step.
func ceilDiv(a, b int64) int64 { return (a + b - 1) / b }
