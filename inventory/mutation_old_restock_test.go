package inventory

// Tests that kill the mutants of restock.go a hand mutation pass left alive (issue 19). Each case
// names the mutant it kills as file:line:column and mutator (line numbers of main at bda67c7).

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// restock.go:148:18 ARITHMETIC_BASE: the trend is the least-squares slope Σ(x - x̄)(y - ȳ)/Σ(x - x̄)²,
// with the mean taken out of y as well as x. Σ(x - x̄)·ȳ is 0 in exact arithmetic, but not in floating
// point when ȳ is large and inexact: sales of 3e14 plus 0, 1, 2, 3, 4, 5, 7 (ȳ = 3e14 + 22/7) have
// the slope (−2 − 2 + 4 + 10 + 21)/28 = 31/28 (hand arithmetic), which y - ȳ (exact by Sterbenz's
// lemma) keeps to the last bit and y + ȳ (rounded at 6e14) gives 1.0982, 9e-3 off.
func TestMutantOldRestockSlopeLargeSales(t *testing.T) {
	now := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	sales := []float64{3e14, 3e14 + 1, 3e14 + 2, 3e14 + 3, 3e14 + 4, 3e14 + 5, 3e14 + 7}
	got, err := DefaultRestockRule().Evaluate(RestockInput{DailySales: sales, At: now, SeasonEnd: now.Add(40 * Day), ProjectedProfit: 10, Investment: 100})
	require.NoError(t, err)
	assert.InDelta(t, 31.0/28, got.Conditions[2].Value, 1e-12)
	assert.True(t, got.Restock)
}
