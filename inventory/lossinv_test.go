package inventory

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// lossInverseFast agrees with lossInverse (Newton, normal.go) over 1e-300 to 1e3, and L of its
// answer is x.
func TestLossInverseFast(t *testing.T) {
	// Known answer (Silver, Pyke & Thomas, Table II.1 of the normal loss function): L(1) = 0.0833.
	assert.InDelta(t, 1.0, lossInverseFast(NormalLoss(1)), 1e-12)
	for e := -20.0; e <= 3; e += 0.002 {
		x := math.Pow(10, e)
		fast, slow := lossInverseFast(x), lossInverse(x)
		if math.Abs(fast-slow) > 1e-12*(1+math.Abs(slow)) {
			t.Fatalf("x = %g: fast %.17g, Newton %.17g", x, fast, slow)
		}
	}
	for _, x := range []float64{1e-300, 1e-100, 1e-21} { // below 1e-20: lossInverse itself
		assert.Equal(t, lossInverse(x), lossInverseFast(x))
	}
	for _, x := range []float64{0.001, 0.01, 0.1, 0.3, 0.39, 0.4, 1, 5} {
		z := lossInverseFast(x)
		assert.InDelta(t, x, NormalLoss(z), 1e-12*x, "x = %g", x)
	}
}

func BenchmarkLossInverseFast(b *testing.B) {
	b.ReportAllocs()
	x := 0.001
	for b.Loop() {
		sinkFloat += lossInverseFast(x)
	}
}
