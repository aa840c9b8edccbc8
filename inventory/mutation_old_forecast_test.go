package inventory

// Tests that kill the mutants of forecast.go a hand mutation pass left alive (issue 19). Each case
// names the mutant it kills as file:line:column and mutator (line numbers of main at bda67c7).

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// forecast.go:69:7 CONDITIONALS_BOUNDARY: SMA(1) is valid, the naive forecast: the forecast is the
// last value and each fitted value the one before it (Hyndman & Athanasopoulos, FPP3 §5.2, "naive
// method"); SMA(0) is an error naming n.
func TestMutantOldSMAOne(t *testing.T) {
	f, err := NewSMA(1)
	require.NoError(t, err)
	y := []float64{3, 7, 4, 9}
	got, err := f.Forecast(y, 2)
	require.NoError(t, err)
	assert.Equal(t, 9.0, got)
	fitted := make([]float64, len(y))
	require.NoError(t, f.Fitted(y, fitted))
	assert.Equal(t, []float64{3, 3, 7, 4}, fitted)
	_, err = NewSMA(0)
	requireTyped(t, err, ErrNotPositive, "n 0")
}
