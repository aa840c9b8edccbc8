package kpi

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests written from the last kpi mutants no gremlins run had reached
// (issue 19): servicelevel.go:230 to the end of the package in gremlins'
// file order (staffing.go, staffjson.go, staffrules.go; util.go and
// weekly.go have no mutant positions), each applied by hand to 8591b99
// and run against `go test -short ./kpi/`. Five survived; all five are
// killed here (the mutants of the Erlang A search only change which agent
// counts are evaluated, but the work budget is over all of an interval's
// evaluations, so an extra evaluation turns an answer into ErrTooLarge).
// staffing.go:184:31 (the arrival rate's `/` as `*`) passed the harness's
// 120 s limit; with -failfast it fails at once (TestCoverageFromStaffing,
// ExampleStaffing: "needs more than 100000 agents").
//
// Equivalent mutants: none. Not viable (they do not build, for gremlins
// either): the string concatenations in error fields (staffing.go:75:41,
// 96:32, 98:32, 100:32, 105:32; staffrules.go:154:39, 158:40, 162:40,
// 176:40; attendance.go:27:75, listed last by gremlins) and the `iota + 1`
// of staffrules.go:59:37 (`iota - 1` is -1, which overflows the uint8
// StaffFindingKind). INVERT_NEGATIVES on a
// binary minus (staffing.go:280:21, 310:18; staffrules.go:175:51) is, in
// gremlins v0.5.0, the same `-` to `+` as ARITHMETIC_BASE there, which is
// killed.

// asaDuration at the end of the Duration range: the float64 nearest
// 2^63/10^9 s times 10^9 is exactly 2^63 ns (float64(math.MaxInt64)),
// which is one past the largest Duration and must give math.MaxInt64 (the
// function's doc), not a conversion of 2^63 to int64 (math.MinInt64 on
// amd64: a negative ASA). The float64 just below gives 2^63 − 1024 ns, the
// largest float64 below 2^63, which fits.
func TestASADurationAtTwoToThe63(t *testing.T) {
	sec := 9223372036.854775808 // 2^63 / 10^9
	require.Equal(t, float64(math.MaxInt64), sec*float64(time.Second))
	assert.Equal(t, time.Duration(math.MaxInt64), asaDuration(sec))
	assert.Equal(t, time.Duration(1<<63-1024), asaDuration(math.Nextafter(sec, 0)))
	assert.Equal(t, time.Duration(math.MaxInt64), asaDuration(math.Inf(1)))
	assert.Equal(t, 7800*time.Millisecond, asaDuration(7.8))
}

// An Erlang A answer of exactly MaxAgents found by the upward gallop: a
// load of 99,998.5 Erlangs (199,997 contacts of 1 s in 2 s) has the
// Erlang C guess floor(a) + 1 = 99,999 agents; with a patience of 1 s and
// the abandonment cap set to the rate of 100,000 agents, 99,999 fail and
// 100,000 is the fewest that meet it (staffing.go, the upward gallop's
// `lo > MaxAgents`: at lo = MaxAgents the last count is still tried). The
// rates are StaffingPerformance's (about 0.001259 and 0.001254).
func TestStaffingErlangAAnswerOfMaxAgents(t *testing.T) {
	iv := Interval{Length: 2 * time.Second, Contacts: 199_997, AHT: time.Second}
	noCap := StaffingTarget{Patience: time.Second}
	at := func(n int64) float64 {
		p, err := StaffingPerformance(n, iv, noCap)
		require.NoError(t, err)
		return p.Abandon
	}
	limit := at(MaxAgents)
	require.Greater(t, at(MaxAgents-1), limit)
	lines, err := Staffing([]Interval{iv}, StaffingTarget{MaxAbandon: limit, Patience: time.Second})
	require.NoError(t, err)
	assert.Equal(t, 99_998.5, lines[0].Load)
	assert.Equal(t, int64(MaxAgents), lines[0].Agents)
	assert.Equal(t, limit, lines[0].Abandon)
}

// The Erlang A search evaluates no agent count twice, so an interval whose
// evaluations fit MaxStaffingWork (50,000,000 steps, counted over all of
// the interval's evaluations) gets its answer. 100,000 contacts an hour
// of 180 s is 5,000 Erlangs; with a patience of 5 minutes and no service
// target the Erlang C guess is 5,001 agents, and the abandonment cap (set
// to StaffingPerformance's rate at the answer, the rate one agent fewer
// being above it) makes the answer 5,001 (the gallop down fails at
// once), 5,002 (the gallop up succeeds at once) or 5,003 (it fails once
// more). An answer target of 800 s makes one evaluation about 19.0
// million steps (erlang.go: steps × queue places, 18,956,385 at 5,001
// agents), 650 s about 15.5 million (15,425,562 at 5,003): the search
// makes two evaluations (38 M) or three (46 M), and one more, of a count
// already known to fail, would pass the budget. Killed mutants
// (staffing.go): the gallop's lower bounds `lo = cand + 1` (down and up)
// and `lo = guess + 1` made `- 1`.
func TestStaffingSearchEvaluatesOnce(t *testing.T) {
	iv := Interval{Length: time.Hour, Contacts: 100_000, AHT: 180 * time.Second}
	noCap := StaffingTarget{Patience: 5 * time.Minute}
	at := func(n int64) float64 {
		p, err := StaffingPerformance(n, iv, noCap)
		require.NoError(t, err)
		return p.Abandon
	}
	for _, c := range []struct {
		want   int64
		within time.Duration
	}{
		{5001, 800 * time.Second}, // 5,001 meets, 5,000 fails: lo = cand + 1 going down
		{5002, 800 * time.Second}, // 5,001 fails, 5,002 meets: lo = guess + 1
		{5003, 650 * time.Second}, // 5,001 and 5,002 fail: lo = cand + 1 going up
	} {
		limit := at(c.want)
		require.Greater(t, at(c.want-1), limit)
		lines, err := Staffing([]Interval{iv}, StaffingTarget{AnswerWithin: c.within, MaxAbandon: limit, Patience: 5 * time.Minute})
		require.NoError(t, err, "answer %d", c.want)
		assert.Equal(t, c.want, lines[0].Agents)
		assert.Equal(t, limit, lines[0].Abandon)
	}
}
