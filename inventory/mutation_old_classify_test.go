package inventory

// Tests that kill the mutants of abc.go (XYZ) and classify.go a hand mutation pass left alive
// (issue 19). Each case names the mutant it kills as file:line:column and mutator (line numbers of
// main at bda67c7).

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// XYZ's cuts are inclusive: X is CV ≤ cuts.x, Y is CV ≤ cuts.y (the package doc). The sample
// standard deviation of 1, 2, 3 is 1 and its mean 2: CV 0.5 exactly; of 0, 1, 2 it is 1 with mean 1:
// CV 1 exactly.
//   - abc.go:269:10 CONDITIONALS_BOUNDARY: CV = 0.5 = cuts.x is X;
//   - abc.go:271:10 CONDITIONALS_BOUNDARY: CV = 1 = cuts.y is Y;
//   - abc.go:254:12 CONDITIONALS_BOUNDARY: cuts.x = cuts.y is allowed (no class Y); cuts.y below
//     cuts.x is an error naming cuts.y.
func TestMutantOldXYZInclusiveCuts(t *testing.T) {
	tests := []struct {
		name    string
		history []float64
		cuts    XYZCuts
		want    XYZClass
		wantCV  float64
	}{
		{"CV 0.5 = x", []float64{1, 2, 3}, DefaultXYZCuts(), ClassX, 0.5},
		{"CV 1 = y", []float64{0, 1, 2}, DefaultXYZCuts(), ClassY, 1},
		{"equal cuts, CV 0.5", []float64{1, 2, 3}, XYZCuts{X: 0.5, Y: 0.5}, ClassX, 0.5},
		{"equal cuts, CV 1", []float64{0, 1, 2}, XYZCuts{X: 0.5, Y: 0.5}, ClassZ, 1},
	}
	for _, tt := range tests {
		got, cv, err := XYZ(tt.history, tt.cuts)
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, got, tt.name)
		assert.Equal(t, tt.wantCV, cv, tt.name)
	}
	_, _, err := XYZ([]float64{1, 2, 3}, XYZCuts{X: 0.5, Y: 0.4})
	requireTyped(t, err, ErrPolicy, "y below x")
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "cuts.y", fe.Field)
}

// classify.go:86:11 and 88:11 CONDITIONALS_BOUNDARY: Syntetos, Boylan & Croston (2005) call demand
// intermittent or lumpy from ADI = 1.32 on ("ADI < 1.32" is smooth or erratic). 33 periods with 25
// demands give ADI = 33/25 = 1.32 exactly (the same double as the literal): intermittent for
// constant sizes (CV² = 0), lumpy for sizes alternating 1 and 10 (13 ones and 12 tens: mean 5.32,
// s² = 505.44/24 = 21.06, CV² ≈ 0.74). 26 demands give ADI ≈ 1.27: smooth, and erratic (CV² ≈ 0.70).
func TestMutantOldClassifyADIBoundary(t *testing.T) {
	history := func(demands int, sizes ...float64) []float64 {
		h := make([]float64, 33)
		for i := range demands {
			h[i] = sizes[i%len(sizes)]
		}
		return h
	}
	tests := []struct {
		name    string
		history []float64
		want    DemandClass
	}{
		{"ADI 1.32, CV² 0", history(25, 5), Intermittent},
		{"ADI 1.32, CV² 0.74", history(25, 1, 10), Lumpy},
		{"ADI 1.27, CV² 0", history(26, 5), Smooth},
		{"ADI 1.27, CV² 0.70", history(26, 1, 10), Erratic},
	}
	for _, tt := range tests {
		got, err := ClassifyDemand(tt.history)
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, got.Class, "%s: ADI %v CV² %v", tt.name, got.ADI, got.CV2)
	}
	got, err := ClassifyDemand(history(25, 5))
	require.NoError(t, err)
	assert.Equal(t, ADICutoff, got.ADI)
}
