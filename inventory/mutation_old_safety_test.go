package inventory

// Tests that kill the mutants of safety.go a hand mutation pass left alive (issue 19). Each case
// names the mutant it kills as file:line:column and mutator (line numbers of main at bda67c7).

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// safety.go:79:11 CONDITIONALS_BOUNDARY: a cover of 0 is a valid days-of-cover rule (only a negative
// cover is an error) and gives no safety stock: SS = μ·0 = 0.
func TestMutantOldCoverSafetyStockZero(t *testing.T) {
	rule, err := CoverSafetyStock(0)
	require.NoError(t, err)
	assert.Equal(t, SafetyDaysOfCover, rule.Method())
	got, err := rule.For(Exposure{Demand: MustDemand(10, 3, Day), Lead: FixedLeadTime(5 * Day)})
	require.NoError(t, err)
	assert.Equal(t, 0.0, got)
	_, err = CoverSafetyStock(-1)
	requireTyped(t, err, ErrNegative, "cover -1ns")
}

// safety.go:218:10 CONDITIONALS_BOUNDARY: a service level below 50 % has z < 0, and with σ = 0 the
// product z·0·√T is -0 in IEEE arithmetic. Safety stock is never negative, not even -0 (which prints
// as "-0" and marshals as -0).
func TestMutantOldSafetyStockNoNegativeZero(t *testing.T) {
	rule, err := CycleServiceSafetyStock(0.4)
	require.NoError(t, err)
	got, err := rule.For(Exposure{Demand: MustDemand(10, 0, Day), Lead: FixedLeadTime(5 * Day)})
	require.NoError(t, err)
	assert.Equal(t, 0.0, got)
	assert.False(t, math.Signbit(got), "safety stock %v has its sign bit set", got)
}

// safety.go:177:17 CONDITIONALS_BOUNDARY: under continuous review the fill-rate rule accepts an order
// quantity of exactly MaxQty and rejects the next float64 above it. With Q = 1e15 the target shortage
// (1 - 0.98)·1e15 dwarfs σ_T = 3·√5, so L(k) = 0.02·Q/σ_T needs k far below 0: safety stock 0.
func TestMutantOldFillRateOrderQtyAtMaxQty(t *testing.T) {
	rule, err := FillRateSafetyStock(0.98)
	require.NoError(t, err)
	e := Exposure{Demand: MustDemand(10, 3, Day), Lead: FixedLeadTime(5 * Day), OrderQty: MaxQty}
	got, err := rule.For(e)
	require.NoError(t, err)
	assert.Equal(t, 0.0, got)
	e.OrderQty = math.Nextafter(MaxQty, math.Inf(1))
	_, err = rule.For(e)
	requireTyped(t, err, ErrTooLarge, "order_qty just above MaxQty")
}
