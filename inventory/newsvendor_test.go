package inventory

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewsvendorNormal(t *testing.T) {
	tests := []struct {
		name       string
		h, p       float64
		mean, sd   float64
		wantQ      float64
		wantCost   float64
		costWithin float64
	}{
		// stockpyl's README: newsvendor_normal(holding_cost=2, stockout_cost=18, demand_mean=120,
		// demand_sd=10) returns S = 132.815515655446 and cost 35.09966638649737.
		{"stockpyl README", 2, 18, 120, 10, 132.815515655446, 35.09966638649737, 1e-9},
		// Snyder & Shen's h = 0.18, p = 0.70, μ = 50, σ = 8; recomputed with Python's
		// statistics.NormalDist: Q* = 56.60395592743389, g = 1.9976051931766445.
		{"Snyder & Shen", 0.18, 0.70, 50, 8, 56.60395592743389, 1.9976051931766445, 1e-9},
		{"no uncertainty", 1, 3, 40, 0, 40, 0, 1e-12},
	}
	for _, tt := range tests {
		n, err := NewNewsvendor(tt.h, tt.p)
		require.NoError(t, err)
		got, err := n.Normal(tt.mean, tt.sd)
		require.NoError(t, err, tt.name)
		assert.InDelta(t, tt.wantQ, got.Qty, 1e-9, "%s: Qty", tt.name)
		assert.InDelta(t, tt.wantCost, got.ExpectedCost, tt.costWithin, "%s: cost", tt.name)
		assert.InDelta(t, tt.p/(tt.p+tt.h), got.CriticalRatio, 1e-15)
	}
	// A critical ratio below 50 % with a small mean can give a negative quantity: order nothing.
	n, _ := NewNewsvendor(10, 1)
	got, err := n.Normal(1, 10)
	require.NoError(t, err)
	assert.Equal(t, 0.0, got.Qty)
	// g(0) = h·σ·(L(z) + z) + p·σ·L(z) with z = (0 - 1)/10, and L(-0.1) - 0.1 = L(0.1).
	assert.InDelta(t, 10*10*NormalLoss(0.1)+1*10*NormalLoss(-0.1), got.ExpectedCost, 1e-12)
}

// Poisson demand with mean 50 and h = 0.18, p = 0.70: the critical ratio 0.7955 is first reached at
// Q = 56 (F(56) = 0.8221); expected cost 1.7972352118092116. Both recomputed independently in Python
// from the Poisson pmf. A small case by hand: λ = 2, ratio 1/2: F(1) = 0.406, F(2) = 0.677 → Q = 2.
func TestNewsvendorPoisson(t *testing.T) {
	n, err := NewNewsvendor(0.18, 0.70)
	require.NoError(t, err)
	got, err := n.Poisson(50)
	require.NoError(t, err)
	assert.Equal(t, 56.0, got.Qty)
	assert.InDelta(t, 1.7972352118092116, got.ExpectedCost, 1e-9)

	half, _ := NewNewsvendor(1, 1)
	got, err = half.Poisson(2)
	require.NoError(t, err)
	assert.Equal(t, 2.0, got.Qty)

	got, err = half.Poisson(0)
	require.NoError(t, err)
	assert.Equal(t, 0.0, got.Qty)
	assert.Equal(t, 0.0, got.ExpectedCost)

	// Large means do not underflow; the answer is near the normal approximation.
	got, err = half.Poisson(5000)
	require.NoError(t, err)
	assert.InDelta(t, 5000, got.Qty, 1)

	// A critical ratio of 1 in floating point ends at the top of the distribution.
	extreme, _ := NewNewsvendor(1e-30, 1)
	got, err = extreme.Poisson(3)
	require.NoError(t, err)
	assert.False(t, math.IsNaN(got.Qty) || math.IsInf(got.Qty, 0))
}

func TestNewsvendorFromPrices(t *testing.T) {
	// Bought at 6, sold at 10, cleared at 2 after the event: p = 4, h = 4, ratio 1/2 → Q = μ.
	n, err := NewsvendorFromPrices(10, 6, 2)
	require.NoError(t, err)
	assert.Equal(t, Newsvendor{overage: 4, underage: 4}, n)
	got, err := n.Normal(300, 50)
	require.NoError(t, err)
	assert.InDelta(t, 300, got.Qty, 1e-9)
}

func TestNewsvendorErrors(t *testing.T) {
	for _, give := range [][2]float64{{0, 1}, {1, 0}, {math.NaN(), 1}, {1, math.Inf(1)}, {-1, 1}} {
		_, err := NewNewsvendor(give[0], give[1])
		assert.Error(t, err, "NewNewsvendor(%v)", give)
	}
	for _, give := range [][3]float64{{5, 6, 2}, {10, 6, 6}, {math.NaN(), 1, 0}, {10, math.Inf(1), 0}, {10, 5, math.NaN()}} {
		_, err := NewsvendorFromPrices(give[0], give[1], give[2])
		assert.Error(t, err, "NewsvendorFromPrices(%v)", give)
	}
	n, _ := NewNewsvendor(1, 1)
	_, err := n.Normal(-1, 1)
	assert.ErrorIs(t, err, ErrNegative)
	_, err = n.Normal(1, math.NaN())
	assert.ErrorIs(t, err, ErrNotFinite)
	_, err = n.Poisson(-1)
	assert.ErrorIs(t, err, ErrNegative)
	_, err = n.Poisson(MaxPoissonMean * 2)
	assert.ErrorIs(t, err, ErrTooLarge)
	_, err = Newsvendor{}.Normal(1, 1)
	assert.ErrorIs(t, err, ErrNotPositive)
	_, err = Newsvendor{}.Poisson(1)
	assert.ErrorIs(t, err, ErrNotPositive)
	tiny, _ := NewNewsvendor(1e-300, 1)
	_, err = tiny.Normal(10, 1)
	assert.ErrorIs(t, err, ErrServiceLevel, "a critical ratio that rounds to 1")
}

// INV-06: an event buy is decided at least a week before the event.
func TestEventOrderDeadline(t *testing.T) {
	start := time.Date(2025, 11, 11, 0, 0, 0, 0, time.UTC)
	assert.Equal(t, time.Date(2025, 11, 4, 0, 0, 0, 0, time.UTC), EventOrderDeadline(start))
}
