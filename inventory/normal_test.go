package inventory

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opskit/opskit/internal/normal"
)

// The quantiles are the known answers (z(0.95), z(0.99)), the familiar 1.96 for 97.5 % and
// Φ⁻¹(Φ(1)), each the correctly rounded value of mpmath 1.3.0 (60 digits, Newton's method on ncdf from
// the exact double p): 1.6448536269514722843, 2.3263478740408407676, 1.9599639845400538556,
// -1.6448536269514726880 (the double 0.05 is not 1 - 0.95) and 0.99999999999999990574.
func TestNormalQuantile(t *testing.T) {
	tests := []struct {
		give float64
		want float64
	}{
		{0.5, 0},
		{0.95, 1.6448536269514722},
		{0.99, 2.3263478740408408},
		{0.975, 1.9599639845400538},
		{0.05, -1.6448536269514726},
		{0.8413447460685429, 0.9999999999999999}, // Φ(1)
	}
	for _, tt := range tests {
		got, err := NormalQuantile(tt.give)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, "NormalQuantile(%v)", tt.give)
		assert.InDelta(t, tt.give, normal.CDF(got), 1e-14, "normal.CDF(NormalQuantile(%v))", tt.give)
	}
}

func TestNormalQuantileErrors(t *testing.T) {
	for _, give := range []float64{0, 1, -0.1, 1.2, math.NaN(), math.Inf(1)} {
		_, err := NormalQuantile(give)
		assert.Error(t, err, "NormalQuantile(%v)", give)
	}
	_, err := NormalQuantile(1.2)
	assert.ErrorIs(t, err, ErrServiceLevel)
	assert.EqualError(t, err, "inventory: normal quantile: p 1.2: service level not in (0, 1)")
	var fe *FieldError
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, "p", fe.Field)
	assert.Equal(t, "1.2", fe.Value)
}

// Loss function values: the L(1.3); the others agree with the printed table of Silver, Pyke &
// Thomas (App. III: G_u(1.00) = 0.0833, G_u(2.00) = 0.0085) and were computed independently to full
// precision in Python from the definition, exp(-z²/2)/√(2π) - z·erfc(z/√2)/2.
func TestNormalLoss(t *testing.T) {
	tests := []struct {
		give float64
		want float64
	}{
		{1.3, 0.04552796208651397},
		{0, 0.3989422804014327},
		{1, 0.08331547058768},
		{-1, 1.08331547058768}, // L(-z) = z + L(z)
		{2, 0.008490702616829},
	}
	for _, tt := range tests {
		assert.InDelta(t, tt.want, NormalLoss(tt.give), 1e-12, "NormalLoss(%v)", tt.give)
	}
	assert.InDelta(t, 0.3989422804014327, normal.PDF(0), 1e-16)
	assert.InDelta(t, 0.5, normal.CDF(0), 1e-16)
}

func TestNormalLossInverse(t *testing.T) {
	for _, z := range []float64{-30, -5, -1, 0, 0.5, 1.3, 2.5, 4, 6, 8} {
		x := NormalLoss(z)
		got, err := NormalLossInverse(x)
		require.NoError(t, err)
		assert.InDelta(t, z, got, 1e-9*(1+math.Abs(z)), "NormalLossInverse(L(%v))", z)
	}
	got, err := NormalLossInverse(1e-300)
	require.NoError(t, err)
	assert.False(t, math.IsNaN(got) || math.IsInf(got, 0), "NormalLossInverse(1e-300) = %v", got)
	for _, give := range []float64{0, -1, math.NaN(), math.Inf(1)} {
		_, err := NormalLossInverse(give)
		assert.Error(t, err, "NormalLossInverse(%v)", give)
	}
}
