package inventory

import "math"

// invSqrt2Pi is 1/√(2π).
const invSqrt2Pi = 0.3989422804014327

// NormalPDF returns the standard normal density φ(z) = exp(-z²/2)/√(2π).
func NormalPDF(z float64) float64 { return invSqrt2Pi * math.Exp(-0.5*z*z) }

// NormalCDF returns the standard normal distribution function Φ(z) = P(Z ≤ z) = erfc(-z/√2)/2.
// It uses [math.Erfc] so that the lower tail keeps its relative precision. Φ(NaN) is NaN.
func NormalCDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }

// normalSurvival returns 1 - Φ(z) = erfc(z/√2)/2 without cancellation in the upper tail.
func normalSurvival(z float64) float64 { return 0.5 * math.Erfc(z/math.Sqrt2) }

// NormalQuantile returns the safety factor z = Φ⁻¹(p) = √2·erfinv(2p-1) (the inverse of
// [NormalCDF], computed with [math.Erfinv]). For a cycle service level p it is the z of the
// safety-stock formula SS = z·σ (Silver, Pyke & Thomas, §6.7.4). Known answers:
// Φ⁻¹(0.95) = 1.6448536269514722, Φ⁻¹(0.99) = 2.3263478740408408.
//
// It returns an error wrapping [ErrServiceLevel] unless 0 < p < 1.
func NormalQuantile(p float64) (float64, error) {
	if err := checkLevel("normal quantile", "p", p); err != nil {
		return 0, err
	}
	return quantile(p), nil
}

// quantile returns Φ⁻¹(p) without checking p: ±Inf at 0 and 1, NaN outside [0, 1].
func quantile(p float64) float64 { return math.Sqrt2 * math.Erfinv(2*p-1) }

// NormalLoss returns the standard normal first-order loss function
//
//	L(z) = E[(Z - z)⁺] = φ(z) - z·(1 - Φ(z)),
//
// the expected shortage per unit of standard deviation when the safety factor is z (Silver, Pyke &
// Thomas, App. III, G_u(k); Snyder & Shen, "Fundamentals of Supply Chain Theory", 2nd ed., §C.3.1,
// L(z)). Known answer: L(1.3) = 0.04552796208651397. L is positive, decreasing and convex, with
// L(-z) = z + L(z).
func NormalLoss(z float64) float64 {
	return NormalPDF(z) - z*normalSurvival(z)
}

// NormalLoss2 returns the standard normal second-order loss function
//
//	L⁽²⁾(z) = ½·E[((Z - z)⁺)²] = ½·[(z² + 1)·(1 - Φ(z)) - z·φ(z)],
//
// used for expected backorders in (r, Q) models (Snyder & Shen, §C.3.1; Zipkin, "Foundations of
// Inventory Management", §6.2).
func NormalLoss2(z float64) float64 {
	return 0.5 * ((z*z+1)*normalSurvival(z) - z*NormalPDF(z))
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
	if x >= invSqrt2Pi { // the root is at or below 0, and L(-x) = x + L(x) > x
		z = -x
	} else {
		// φ(z0) = x puts z0 right of the root (L < φ for z > 0); step left until L(z) ≥ x.
		z = math.Sqrt(-2 * math.Log(x/invSqrt2Pi))
		for NormalLoss(z) < x && z > -1 {
			z -= 0.25
		}
	}
	for range 200 {
		s := normalSurvival(z)
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
