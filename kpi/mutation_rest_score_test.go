package kpi

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests written from the survivors of the gremlins run over the rest of
// kpi (issue 19), for scorecard.go and metric.go.

// Under MissingExcluded an observation with every metric present is not
// renormalised: each line's weight is the metric's weight ÷ the sum of the
// weights (the scheme's doc), exactly. For csScheme's 0.4, 0.3, 0.2, 0.1
// the sum is 0.9999999999999999 in float64 and the four quotients add up
// to 1.0000000000000002, so dividing them again by that "present" weight
// would move each by an ulp.
func TestMissingExcludedAllPresentKeepsWeights(t *testing.T) {
	s := csScheme()
	s.Missing = MissingExcluded
	sc, err := s.Score(Observation{Values: map[string]float64{"frt": 30, "conv": 40, "reception": 100, "quiz": 100}})
	require.NoError(t, err)
	ws := []float64{0.4, 0.3, 0.2, 0.1}
	sum := 0.0 // in float64, left to right as the scheme adds (a constant expression would be exact)
	for _, w := range ws {
		sum += w
	}
	for i, w := range ws {
		assert.Equal(t, w/sum, sc.Lines[i].Weight, "line %d", i)
		assert.False(t, sc.Lines[i].Excluded, "line %d", i)
	}
}

// Under MissingExcluded the metrics present must carry weight: a card whose
// only present metric weighs 0 has nothing to renormalise over and is
// ErrMissingData, not a division by zero.
func TestMissingExcludedOnlyZeroWeightPresent(t *testing.T) {
	s := csScheme()
	s.Missing = MissingExcluded
	s.Metrics[0].Weight, s.Metrics[3].Weight = 0.5, 0 // sum still 1
	_, err := s.Score(Observation{Person: "dee", Values: map[string]float64{"quiz": 100}})
	assert.ErrorIs(t, err, ErrMissingData)
	sc, err := s.Score(Observation{Person: "dee", Values: map[string]float64{"quiz": 100, "conv": 40}})
	require.NoError(t, err)
	assert.Equal(t, 1.0, sc.Lines[1].Weight) // 0.3 ÷ 0.3, the only weighted metric present
	assert.Equal(t, 0.0, sc.Lines[3].Weight)
}
