package kpi

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Boundaries of the issue-17 code, each on the value where a flipped
// comparison would change the answer (issue 19).
//
// Equivalent mutants, which cannot change behaviour (or only below the
// precision the models promise; the gallop's lower bounds, asaDuration at
// 2^63 ns and the upward gallop's `lo > MaxAgents`, once listed here, are
// killed in mutation_tail_test.go):
//   - coverage.go, `i > 0 && r.Start.Before(prevEnd)` as `i >= 0`: at i = 0
//     prevEnd is the zero time, and no valid start lies before year 1.
//   - erlang.go, the uniformisation rate L larger than the largest exit
//     rate (for example `*theta` as `/theta`): uniformisation is exact for
//     any L at or above it; only the Poisson truncation moves.
//   - erlang.go, `float64(jmax+1)*theta` in L as `jmax-1`: L then falls
//     2θ short of the exit rate of the last two queue places only, whose
//     stationary probability is below 1e-16 of the total.
//   - erlang.go, the truncation margins `lt + 10*math.Sqrt(lt)` (as `-`,
//     or `10/`) and
//     the stop `k > n && lp < logTotal+tiny` (as `k >= n`, `<=`): they drop
//     at most 1e-14 of probability mass, below the 1e-9 the tests and the
//     model's inputs (forecasts) can tell apart.
//   - erlang.go, the loops over steps and queue places `s <= steps`,
//     `j <= jmax` (as `<`): they leave out one Poisson term beyond the
//     margin or the last queue place, both below 1e-16.
//   - erlang.go, `k > maxChainStates` and the budget comparison as `>=`:
//     they differ only at exactly 1,048,576 states or 50,000,000 steps.
func TestStaffBoundaries(t *testing.T) {
	t0 := time.Date(2026, 2, 9, 10, 0, 0, 0, time.UTC)
	// A plan with no tiers marshals without a last tier to mark.
	b, err := json.Marshal(CommissionPlan{Method: Marginal})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"tiers":null`)

	// Fulfilment: the longest calendar rule is accepted; a shipment at the
	// instant of payment is fine and on time.
	rep, err := Fulfilment([]Shipment{{Paid: t0, Shipped: t0}}, ShipRule{Days: MaxShipDays, Location: time.UTC}, t0)
	require.NoError(t, err)
	assert.Equal(t, int64(1), rep.Total.OnTime)
	assert.Equal(t, 1.0, rep.Total.OnTimeRate)

	// Staff rules: a minimum share without a maximum sets no budget cap; no
	// supervisor rule means no supervisor finding; a team may be all
	// supervisors.
	got, err := CheckStaffPlan(StaffPlan{Revenue: cny("100"), Teams: []Team{{Name: "a", Staff: 5, Cost: cny("50")}, {Name: "b", Staff: 1, Supervisors: 1}}},
		StaffRules{CostShareMin: dec("0.06")})
	require.NoError(t, err)
	assert.Empty(t, got.Findings)
	assert.Equal(t, "6.0000", got.BudgetMin.Amount().StringFixed(4))
	assert.True(t, got.BudgetMax.Amount().IsZero())
	assert.True(t, got.CostShare.Equal(dec("0.5")))

	// Service levels: one abandon exactly at the grace is not short.
	r, err := ServiceLevels([]Contact{{Offered: t0, Abandoned: t0.Add(5 * time.Second)}}, ServiceLevelOptions{Threshold: time.Second, Grace: 5 * time.Second})
	require.NoError(t, err)
	assert.Equal(t, int64(0), r.ShortAbandoned)
	assert.Equal(t, int64(0), r.AbandonedWithin)
	assert.Equal(t, 0.0, r.ExcludingShortAbandons)
	assert.Equal(t, 1.0, r.AbandonRate)
	r, err = ServiceLevels([]Contact{{Offered: t0, Abandoned: t0.Add(5*time.Second - 1)}}, ServiceLevelOptions{Threshold: time.Second, Grace: 5 * time.Second})
	require.NoError(t, err)
	assert.Equal(t, int64(1), r.ShortAbandoned)

	// Staffing: a target of exactly 1 is allowed (occupancy cap 1 means
	// none in practice).
	lines, err := Staffing([]Interval{halfHour()}, StaffingTarget{MaxOccupancy: 1, MaxAbandon: 1, Patience: time.Hour})
	require.NoError(t, err)
	assert.GreaterOrEqual(t, lines[0].Agents, int64(1))
}

// Staffing at the edges of its search: a service-level target met with
// equality, an Erlang A answer of one agent, and an Erlang C answer of
// exactly MaxAgents (50,000 Erlangs under a 50% occupancy cap).
func TestStaffingSearchEdges(t *testing.T) {
	p14, err := StaffingPerformance(14, halfHour(), StaffingTarget{AnswerWithin: 20 * time.Second})
	require.NoError(t, err)
	lines, err := Staffing([]Interval{halfHour()}, StaffingTarget{ServiceLevel: p14.ServiceLevel, AnswerWithin: 20 * time.Second})
	require.NoError(t, err)
	assert.Equal(t, int64(14), lines[0].Agents)

	tiny := Interval{Length: 30 * time.Minute, Contacts: 1, AHT: time.Minute}
	lines, err = Staffing([]Interval{tiny}, StaffingTarget{ServiceLevel: 0.8, AnswerWithin: 20 * time.Second, Patience: 5 * time.Minute})
	require.NoError(t, err)
	assert.Equal(t, int64(1), lines[0].Agents)

	huge := Interval{Length: time.Second, Contacts: 50_000, AHT: time.Second}
	lines, err = Staffing([]Interval{huge}, StaffingTarget{MaxOccupancy: 0.5})
	require.NoError(t, err)
	assert.Equal(t, int64(MaxAgents), lines[0].Agents)
	_, err = Staffing([]Interval{huge}, StaffingTarget{MaxOccupancy: 0.49})
	assert.ErrorIs(t, err, ErrTooLarge)
}
