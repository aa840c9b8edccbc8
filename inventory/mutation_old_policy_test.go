package inventory

// Tests that kill the mutants of policy.go a hand mutation pass left alive (issue 19). Each case
// names the mutant it kills as file:line:column and mutator (line numbers of main at bda67c7).

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// policy.go:184:7 CONDITIONALS_BOUNDARY: an EOQ of exactly MaxQty is a valid (r, Q) order quantity:
// D = 5e29, K = 1, h = 1 give √(2·5e29) = √1e30 = 1e15 (the double nearest 1e30 has the exact
// root 1e15 after rounding: its relative error 2⁻⁵³ halves under the root, below half an ulp of
// 1e15). A demand 1 % larger gives an EOQ above MaxQty, an error naming annual_demand.
func TestMutantOldRQPolicyEOQAtMaxQty(t *testing.T) {
	p, err := NewRQPolicy(10, 5e29, 1, 1)
	require.NoError(t, err)
	assert.Equal(t, float64(MaxQty), p.OrderQty())
	_, err = NewRQPolicy(10, 5.05e29, 1, 1)
	requireTyped(t, err, ErrTooLarge, "EOQ √1.01e30")
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "annual_demand", fe.Field)
}

// policy.go:262:37 CONDITIONALS_BOUNDARY: a planner under (s, Q) with zero demand has Q = μ·cover = 0
// and reorder point 0; the trigger fires at position 0, and the need is 0 (no multiple of Q = 0 can
// lift the position), not (0 - 0)/0 = NaN, which Suggest would reject as a need above MaxQty.
func TestMutantOldSQZeroQ(t *testing.T) {
	p := testPlanner(t, func(c *PlanConfig) { c.Policy = PolicySQ })
	it := testItem(0)
	it.Demand = MustDemand(0, 0, Day)
	got, err := p.Suggest(it, testNow)
	require.NoError(t, err)
	assert.Equal(t, StatusStockout, got.Status)
	assert.Equal(t, int64(0), got.Qty)
	assert.Equal(t, 0.0, got.Why.CycleQty)
	assert.Equal(t, QtyCover, got.Why.QtySource)
}
