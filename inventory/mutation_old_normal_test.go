package inventory

// Tests that kill the mutants of normal.go a hand mutation pass left alive (issue 19). Each case
// names the mutant it kills as file:line:column and mutator (line numbers of main at bda67c7).

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// normal.go:40:9 and 42:9 CONDITIONALS_BOUNDARY: the switch points p = 1e-3 and p = 0.999 use the
// tail method, within one ulp of the 40-digit references (mpmath: √2·erfinv(2p - 1) at the doubles
// 0.001 and 0.999: -3.090232306167813541540 and 3.090232306167813277758). The erfinv form was
// 2.8 and 2.2 ulps off there; the boundary now belongs to the tails (a behaviour change).
func TestMutantOldQuantileSwitchPoint(t *testing.T) {
	const ulp = 0x1p-51 // the spacing of doubles in [2, 4)
	for _, tt := range []struct{ p, want float64 }{
		{0.001, -3.0902323061678136}, // the double nearest -3.090232306167813541540
		{0.999, 3.090232306167813},   // the double nearest 3.090232306167813277758
	} {
		got, err := NormalQuantile(tt.p)
		require.NoError(t, err)
		assert.LessOrEqual(t, math.Abs(got-tt.want), ulp, "Φ⁻¹(%v) = %.17g", tt.p, got)
	}
}

// normal.go:124:7 CONDITIONALS_BOUNDARY: L(0) = φ(0) - 0·(1 - Φ(0)) = 1/√(2π) (the definition of the
// loss function), so the inverse at 1/√(2π) is exactly 0; Newton's method from -x stopped at
// 2.65e-17 (a behaviour change: that x now starts at the root).
func TestMutantOldLossInverseAtZero(t *testing.T) {
	got, err := NormalLossInverse(invSqrt2Pi)
	require.NoError(t, err)
	assert.Equal(t, 0.0, got)
	got, err = NormalLossInverse(math.Nextafter(invSqrt2Pi, 1))
	require.NoError(t, err)
	assert.Less(t, got, 0.0)
	assert.Greater(t, got, -1e-15)
}

// normal.go:40:22 and 42:24 CONDITIONALS_BOUNDARY: Φ⁻¹(0) = -Inf and Φ⁻¹(1) = +Inf. (r, Q)'s EOQ+SS
// reorder point is μ + σ·Φ⁻¹(p/(p + h)); when h/p overflows or underflows the level rounds to 0 or 1
// and the error names the reorder point -Inf or +Inf (not NaN).
func TestMutantOldQuantileAtZeroAndOne(t *testing.T) {
	assert.Equal(t, math.Inf(-1), quantile(0))
	assert.Equal(t, math.Inf(1), quantile(1))
	for _, tt := range []struct {
		h, p float64
		want string
	}{
		{1e-300, 1e300, "reorder_point +Inf"},
		{1e300, 1e-300, "reorder_point -Inf"},
	} {
		m := RQProblem{HoldingCost: tt.h, StockoutCost: tt.p, OrderCost: 10, DemandRate: 100, LeadMean: 50, LeadSD: 5}
		_, err := m.EOQSS()
		requireTyped(t, err, ErrNotFinite, tt.want)
		assert.Contains(t, err.Error(), tt.want)
	}
}
