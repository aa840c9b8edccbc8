package inventory

// Tests that kill the mutants of normal.go a hand mutation pass left alive (issue 19). Each case
// names the mutant it kills as file:line:column and mutator (line numbers of main at bda67c7).

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opskit/opskit/internal/normal"
)

// The old switch points of the quantile, p = 1e-3 and p = 0.999 (normal.go:40:9 and 42:9 at
// bda67c7, code since replaced by internal/normal): the quantile is now correctly rounded there
// (mpmath: -3.090232306167813535358 and 3.090232306167813277758 at the doubles 0.001 and 0.999);
// the erfinv form of that code was 2.8 and 2.2 ulps off, and 17 ulps just above 1e-3.
func TestMutantOldQuantileSwitchPoint(t *testing.T) {
	for _, tt := range []struct{ p, want float64 }{
		{0.001, -3.0902323061678136}, // the double nearest -3.090232306167813541540
		{0.999, 3.090232306167813},   // the double nearest 3.090232306167813277758
	} {
		got, err := NormalQuantile(tt.p)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, "Φ⁻¹(%v) = %.17g", tt.p, got)
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

// Φ⁻¹(0) = -Inf and Φ⁻¹(1) = +Inf (normal.go:40:22 and 42:24 at bda67c7; internal/normal now, whose
// tests pin them too). (r, Q)'s EOQ+SS
// reorder point is μ + σ·Φ⁻¹(p/(p + h)); when h/p overflows or underflows the level rounds to 0 or 1
// and the error names the reorder point -Inf or +Inf (not NaN).
func TestMutantOldQuantileAtZeroAndOne(t *testing.T) {
	assert.Equal(t, math.Inf(-1), normal.Quantile(0))
	assert.Equal(t, math.Inf(1), normal.Quantile(1))
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
