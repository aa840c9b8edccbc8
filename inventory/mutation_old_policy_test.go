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
