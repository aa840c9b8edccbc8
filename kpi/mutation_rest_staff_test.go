package kpi

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests written from survivors of the gremlins run over the rest of kpi
// (issue 19), for staffing.go (found ahead of the run's log by applying
// the mutant by hand).

// With Erlang C and agents equal to the load the queue has no steady state:
// StaffingPerformance reports a wait chance of exactly 1, service level 0,
// occupancy 1 and ASA math.MaxInt64 (its doc), not the Erlang C formula at
// n = a, which in float64 gives a wait chance of 1 ± a few ulps (for 7
// agents and 7 Erlangs, 1.0000000000000002). One contact a second with a
// one-second handle time is a load of exactly n Erlangs.
func TestStaffingPerformanceAgentsEqualLoad(t *testing.T) {
	for _, n := range []int64{3, 7, 13} {
		line, err := StaffingPerformance(n, Interval{Length: time.Second, Contacts: n, AHT: time.Second}, StaffingTarget{})
		require.NoError(t, err)
		assert.Equal(t, float64(n), line.Load, "n=%d", n)
		assert.Equal(t, 1.0, line.Wait, "n=%d", n)
		assert.Equal(t, 0.0, line.ServiceLevel, "n=%d", n)
		assert.Equal(t, 1.0, line.Occupancy, "n=%d", n)
		assert.Equal(t, time.Duration(math.MaxInt64), line.ASA, "n=%d", n)
	}
}
