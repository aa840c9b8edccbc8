package inventory

import "math"

// invSqrt2Pi is 1/√(2π).
const invSqrt2Pi = 0.3989422804014327

// normalPDF returns the standard normal density φ(z) = exp(-z²/2)/√(2π).
func normalPDF(z float64) float64 { return invSqrt2Pi * math.Exp(-0.5*z*z) }

// normalCDF returns the standard normal distribution function Φ(z) = P(Z ≤ z) = erfc(-z/√2)/2.
// It uses [math.Erfc] so that the lower tail keeps its relative precision. Φ(NaN) is NaN.
func normalCDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }

// normalSurvival returns 1 - Φ(z) = erfc(z/√2)/2 without cancellation in the upper tail.
func normalSurvival(z float64) float64 { return 0.5 * math.Erfc(z/math.Sqrt2) }

// NormalQuantile returns the safety factor z = Φ⁻¹(p) = √2·erfinv(2p-1) (the inverse of
// Φ(z) = P(Z ≤ z) = erfc(-z/√2)/2, computed with [math.Erfinv]). For a cycle service level p it is the z of the
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

// tailP is where quantile switches from erfinv to the tail method: below it 2p - 1 loses too many
// of p's digits.
const tailP = 1e-3

// quantile returns Φ⁻¹(p) without checking p: ±Inf at 0 and 1, NaN outside [0, 1]. In the tails
// (p or 1 - p at most 1e-3) it solves ln Φ(z) = ln p by Newton's method, so that it stays accurate
// down to the smallest subnormal p (Φ⁻¹(5e-324) = -38.467405617144346). The switch point itself
// belongs to the tails: at p = 1e-3 the erfinv form is 2.8 ulps off, the tail method 0.8.
func quantile(p float64) float64 {
	switch {
	case p <= tailP && p > 0:
		return lowerTailQuantile(p)
	case p >= 1-tailP && p < 1:
		return -lowerTailQuantile(1 - p) // exact: 1 - p has no rounding for p ≥ 0.5
	}
	return math.Sqrt2 * math.Erfinv(2*p-1)
}

// lowerTailQuantile solves ln Φ(z) = ln p for 0 < p ≤ tailP (and a hair above: 1 - p for
// p ≥ 1 - tailP) by Newton's method, starting from Abramowitz & Stegun 26.2.23 (error below
// 4.5e-4). ln Φ is concave, so the iteration converges quickly; it stops when the step is below
// 1e-15·|z|.
func lowerTailQuantile(p float64) float64 {
	lp := logSubnormal(p)
	t := math.Sqrt(-2 * lp)
	z := -(t - (2.515517+0.802853*t+0.010328*t*t)/(1+1.432788*t+0.189269*t*t+0.001308*t*t*t))
	for range 50 {
		lphi := logNormalCDF(z)
		ratio := math.Exp(-0.5*z*z - lnSqrt2Pi - lphi) // φ(z)/Φ(z)
		step := (lphi - lp) / ratio
		z -= step
		if math.Abs(step) <= 1e-15*math.Abs(z) {
			break
		}
	}
	return z
}

// logSubnormal returns ln p for p > 0, also for a subnormal p, where math.Log loses the exponent
// (math.Log(5e-324) gives -709.09, not -744.44): p is first scaled by 2⁶⁴, exactly.
func logSubnormal(p float64) float64 {
	if p < 0x1p-1022 {
		return math.Log(p*0x1p64) - 64*math.Ln2
	}
	return math.Log(p)
}

// lnSqrt2Pi is ln √(2π).
const lnSqrt2Pi = 0.9189385332046728

// logNormalCDF returns ln Φ(z) for z < 0: from erfc above -30, and below it from the asymptotic
// series Φ(z) = φ(z)/(-z)·(1 - 1/z² + 3/z⁴ - 15/z⁶ + ...) (Abramowitz & Stegun 26.2.12), whose
// terms past the seventh are below 1e-16 there.
func logNormalCDF(z float64) float64 {
	if z > -30 {
		return math.Log(0.5 * math.Erfc(-z/math.Sqrt2))
	}
	inv := 1 / (z * z)
	sum, term := 1.0, 1.0
	for k := 1; k <= 8; k++ {
		term *= -float64(2*k-1) * inv
		sum += term
	}
	return -0.5*z*z - lnSqrt2Pi - math.Log(-z) + math.Log(sum)
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
	return max(normalPDF(z)-z*normalSurvival(z), 0)
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
