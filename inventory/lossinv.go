package inventory

import (
	"math"

	"github.com/opskit/opskit/internal/normal"
)

// lossInverseFast solves L(z) = x for x > 0 and finite, like lossInverse (normal.go), with Halley's
// method: L'(z) = -(1 - Φ(z)) and L”(z) = φ(z), so each step costs one erfc and one exp (Newton on L
// costs two erfc and an exp), and the convergence is cubic. From the left of the root, where
// f = L(z) - x ≥ 0, the iterates increase to it. The fill-rate rule of every SKU of a batch calls it,
// so it sets the batch's speed. It agrees with lossInverse to about 1e-12 (TestLossInverseFast); below
// x = 1e-20 it is lossInverse.
func lossInverseFast(x float64) float64 {
	if x < 1e-20 {
		// z > 9: L = φ - z·(1 - Φ) loses digits to cancellation and both methods stop on noise at
		// different points; keep the established answer there.
		return lossInverse(x)
	}
	var z float64
	if x >= invSqrt2Pi { // the root is at or below 0, and L(-x) = x + L(x) > x
		z = -x
	} else {
		// φ(z0) = x puts z0 right of the root (L < φ for z > 0). With u = z0², L(z) ≈ φ(z)/z² in
		// the upper tail, so the root lies just left of √(u - 2 ln u) for large z0: Halley's step from
		// there (f < 0, f'' > 0) is shorter than Newton's and lands near the root. For small z0 step
		// left until L(z) ≥ x, as lossInverse does.
		u := -2 * math.Log(x/invSqrt2Pi)
		if u > 4 {
			z = math.Sqrt(u - 2*math.Log(u))
		} else {
			z = math.Sqrt(u)
			for NormalLoss(z) < x && z > -1 {
				z -= 0.25
			}
		}
	}
	for range 100 {
		phi := normal.PDF(z)
		s := normal.Survival(z)
		if s == 0 {
			break
		}
		f := max(phi-z*s, 0) - x
		den := 2*s*s - f*phi
		if !(den > 0) {
			den = 2 * s * s // a Newton step (f·φ ≥ 2s² only far from the root)
		}
		step := 2 * f * s / den
		z += step
		// Convergence is cubic: after a step of 1e-6 the error is of the order of 1e-18, so no
		// further step is needed to confirm it.
		if math.Abs(step) <= 1e-6*(1+math.Abs(z)) {
			break
		}
	}
	return z
}
