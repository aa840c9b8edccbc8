package inventory

import (
	"math"

	"github.com/opskit/opskit/internal/normal"
)

// invSqrt2Pi is 1/√(2π) = φ(0) = L(0).
const invSqrt2Pi = 0.3989422804014327

// NormalQuantile returns the safety factor z = Φ⁻¹(p) = √2·erfinv(2p-1), the inverse of
// Φ(z) = P(Z ≤ z) = erfc(-z/√2)/2. For a cycle service level p it is the z of the safety-stock
// formula SS = z·σ (Silver, Pyke & Thomas, §6.7.4). It is the library's one normal quantile
// (internal/normal): Newton's method with a residual accurate to about 32 digits, correctly rounded
// for 1e-5 ≤ p ≤ 1 - 1e-5 as measured against mpmath, within 0.543 ulps below and above, subnormal
// p included (Φ⁻¹(5e-324) = -38.467405617144344). Known answers: Φ⁻¹(0.95) = 1.6448536269514722,
// Φ⁻¹(0.99) = 2.3263478740408408.
//
// It returns an error wrapping [ErrServiceLevel] unless 0 < p < 1.
func NormalQuantile(p float64) (float64, error) {
	if err := checkLevel("normal quantile", "p", p); err != nil {
		return 0, err
	}
	return normal.Quantile(p), nil
}

// NormalLoss returns the standard normal first-order loss function
//
//	L(z) = E[(Z - z)⁺] = φ(z) - z·(1 - Φ(z)),
//
// the expected shortage per unit of standard deviation when the safety factor is z (Silver, Pyke &
// Thomas, App. III, G_u(k); Snyder & Shen, "Fundamentals of Supply Chain Theory", 2nd ed., §C.3.1,
// L(z)). Known answer: L(1.3) = 0.04552796208651397. L is positive, decreasing and convex, with
// L(-z) = z + L(z).
func NormalLoss(z float64) float64 {
	// Beyond z ≈ 38 both terms are subnormal and their rounded difference can be below 0.
	return max(normal.PDF(z)-z*normal.Survival(z), 0)
}

// NormalLossInverse returns the z with [NormalLoss](z) = x, the safety factor k that gives an expected
// shortage of x standard deviations per cycle (the fill-rate method, Silver, Pyke & Thomas §7.3.2).
// It solves by Newton's method from the left of the root, where the convexity of L makes the
// iterates increase monotonically to it; the result is accurate to about 1e-12.
//
// It returns an error unless x is positive and finite.
func NormalLossInverse(x float64) (float64, error) {
	if err := checkPos("normal loss inverse", "x", x); err != nil {
		return 0, err
	}
	return lossInverse(x), nil
}

// lossInverse solves L(z) = x for x > 0 and finite.
func lossInverse(x float64) float64 {
	var z float64
	if x > invSqrt2Pi { // the root is below 0, and L(-x) = x + L(x) > x
		z = -x
	} else {
		// φ(z0) = x puts z0 right of the root (L < φ for z > 0); step left until L(z) ≥ x. At
		// x = φ(0) = L(0), z0 = 0 is the root itself and the result is exactly 0.
		z = math.Sqrt(-2 * math.Log(x/invSqrt2Pi))
		for NormalLoss(z) < x && z > -1 {
			z -= 0.25
		}
	}
	for range 200 {
		s := normal.Survival(z)
		if s == 0 {
			break
		}
		step := (NormalLoss(z) - x) / s
		z += step
		if math.Abs(step) <= 1e-15*(1+math.Abs(z)) {
			break
		}
	}
	return z
}
