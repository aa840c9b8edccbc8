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

// forecast.go:358:11 and 392:11 CONDITIONALS_BOUNDARY: Croston and TSB on a history whose first
// period has demand (index 0 is a demand, not "no demand at all"). Hand arithmetic on 3, 0, 0, 6:
//   - Croston (α 0.1): z = 3, p = 1; at t = 3 (3 periods since the last demand) z = 3 + 0.1·(6 - 3) = 3.3,
//     p = 1 + 0.1·(3 - 1) = 1.2; forecast z/p = 2.75; fitted 0, then z/p = 3 before the update;
//   - TSB (α 0.1, β 0.2): z = 3, P = 1; zeros give P = 0.8, 0.64; the demand P = 0.64 + 0.2·0.36 =
//     0.712 and z = 3.3; forecast 0.712·3.3 = 2.3496; fitted 0, 3, 2.4, 1.92.
func TestMutantOldIntermittentFirstPeriod(t *testing.T) {
	y := []float64{3, 0, 0, 6}
	for _, tt := range []struct {
		f          Forecaster
		want       float64
		wantFitted []float64
	}{
		{mustF(NewCroston(0.1)), 2.75, []float64{0, 3, 3, 3}},
		{mustF(NewTSB(0.1, 0.2)), 2.3496, []float64{0, 3, 2.4, 1.92}},
	} {
		got, err := tt.f.Forecast(y, 1)
		require.NoError(t, err, tt.f.String())
		assert.InDelta(t, tt.want, got, 1e-12, tt.f.String())
		fitted := make([]float64, len(y))
		require.NoError(t, tt.f.Fitted(y, fitted))
		assert.InDeltaSlice(t, tt.wantFitted, fitted, 1e-12, tt.f.String())
	}
}
