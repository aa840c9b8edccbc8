// Package normal is the one standard normal distribution of the library:
// its density, distribution function, survival function and quantile, used
// by inventory (safety factors, the newsvendor, (r, Q)) and funnel
// (confidence intervals, sample sizes).
//
//	φ(z) = e^{−z²/2} / √(2π)
//	Φ(z) = P(Z ≤ z) = erfc(−z/√2) / 2 = 1/2 + erf(z/√2) / 2
//	1 − Φ(z) = Φ(−z) = erfc(z/√2) / 2
//	Φ⁻¹(p) = the z with Φ(z) = p
//
// (Abramowitz & Stegun, "Handbook of Mathematical Functions", 26.2.1-26.2.3
// for φ, Φ and 1 − Φ, 7.1.1-7.1.2 for erf and erfc.)
//
// # The quantile
//
// [Quantile] solves Φ(z) = p for p below 1/2 by Newton's method and returns
// −Quantile(1 − p) above it (1 − p is exact there, by Sterbenz's lemma, so
// Φ⁻¹(p) = −Φ⁻¹(1 − p) holds bit for bit). Each Newton step is
// z ← z − (Φ(z) − p)/φ(z); what matters is how the residual Φ(z) − p is
// computed, since the answer can be no closer than the residual's error
// divided by φ(z). By range of p:
//
//   - 1e-5 ≤ p < 1/2 (|z| ≤ 4.27): the start is √2·erfinv(2p − 1) from
//     math.Erfinv (after Wichura 1988, algorithm AS 241, Applied
//     Statistics 37), within a few ulps plus the
//     rounding of 2p − 1, below 2e-13 relative; one Newton step follows
//     whose residual is computed in double-double arithmetic (about 32
//     digits): (Φ(z) − 1/2) from the Taylor series of Abramowitz & Stegun
//     26.2.10, Σ (−1)ⁿ z^{2n+1}/(2ⁿ n! (2n + 1))/√(2π), plus 1/2 − p, exact
//     as a sum of two float64 (Fast2Sum, Dekker 1971). Newton's error after
//     the step is |z|·e²/2 for a start e off (below 1e-24), the residual's
//     below 1e-25/φ(z), so z − step is the correctly rounded Φ⁻¹(p) unless
//     the true value lies within 1e-5 ulp of a midpoint between two
//     float64.
//   - 1e-300 ≤ p < 1e-5: the start is Abramowitz & Stegun 26.2.23, a
//     rational function of t = √(−2 ln p) within 4.5e-4 of the root; the
//     residual is erfc(−z/√2)/2 − p from math.Erfc, relative to p in the
//     tail, with the rounding of the argument added back: y = fl(z/√2) is
//     the argument of √2·y, not of z, and c = z − √2·y (computed with a
//     fused multiply-add and √2 split into two float64) adds φ(z)·c to the
//     residual. The rounding is worth z²/2 ulps of Φ, and z was 1.8 ulps
//     off at worst without the correction.
//   - p < 1e-300, down to the smallest subnormal (z below −37): the same
//     start from ln p (taken from p·2⁶⁴, exact, as math.Log loses a
//     subnormal's exponent), and the step as Φ(z)/φ(z) − p/φ(z), both near
//     1/|z|: Φ(z)/φ(z) from the asymptotic series of Abramowitz & Stegun
//     26.2.12, 1/(−z)·(1 − 1/z² + 3/z⁴ − ... + 15!!/z¹⁶), and
//     p/φ(z) = √(2π)·p·e^{z²/2}, with z² split exactly and p multiplied in
//     before e^{z²/2} could overflow. Φ(z) itself would be subnormal;
//     Newton's method on ln Φ instead was up to 1.05 ulps off, from the
//     rounding of ln p and ln Φ near −744.
//
// The tail iterations stop when a step is below 1e-12·|z| (the next would
// be below an ulp): 2 to 4 steps, never more than 8; the Taylor series
// takes at most 59 terms, never more than 80.
//
// # Accuracy
//
// Measured against mpmath 1.3.0 at 60 digits (Newton's method on mpmath's
// ncdf from the exact binary64 p) on 176,000 values of p: log-spaced from
// 5e-324 to 1/2, uniform in (0, 1), random bit patterns, subnormals, and
// the neighbourhoods of 1e-5 and 1/2, with mirrors 1 − p. Quantile is
// within 0.543 ulps of the true value everywhere. It is correctly rounded
// on all of the 108,600 values with 1e-5 ≤ p ≤ 1 − 1e-5, on all of the
// 9,800 below 1e-300, and on 99.8% of the 57,600 between (the others are
// off by 0.500 to 0.543 ulps, from math.Erfc's own error).
// Φ⁻¹(5e-324) = −38.467405617144344 (also
// written −38.467405617144346: the same float64), Φ⁻¹(0.95) =
// 1.6448536269514722 and Φ⁻¹(0.99) = 2.3263478740408408.
//
// [CDF], [Survival] and [PDF] are the plain formulas above with
// math.Erfc and math.Exp: a relative error of about |z|²/2 ulps in the
// tails, from the rounding of the argument (z/√2 or z²/2), which is the
// conditioning of Φ there.
//
// # Limits
//
// Every float64 is accepted (NaN and ±Inf included) and none is an error:
// the functions return NaN, 0, 1 or ±Inf where documented. The work is
// bounded: Quantile takes at most 8 Newton steps, or one step with at most
// 80 terms of a series, and allocates nothing. Every function is a pure
// function of its argument, safe for concurrent use and free of panics.
package normal

import "math"

const (
	// invSqrt2Pi is 1/√(2π), correctly rounded, and invSqrt2PiLo the rest.
	invSqrt2Pi   = 0.3989422804014327
	invSqrt2PiLo = -2.49232720227773e-17
	// sqrt2Pi is √(2π), correctly rounded.
	sqrt2Pi = 2.5066282746310007
	// sqrt2Lo is √2 − math.Sqrt2 (mpmath): with it √2 is known to about 1e-32.
	sqrt2Lo = -9.667293313452913e-17
	// centreFrom is the p from which Quantile polishes erfinv's answer.
	centreFrom = 1e-5
	// deepTail is the p below which Quantile takes Φ/φ from its asymptotic series.
	deepTail = 1e-300
	// maxSteps bounds the Newton iterations of Quantile in the tails (4 are
	// needed at most).
	maxSteps = 8
	// maxTerms bounds the Taylor series of centre (59 are needed at most).
	maxTerms = 80
)

// PDF returns the standard normal density φ(z) = e^{−z²/2}/√(2π). φ(±Inf) = 0
// and φ(NaN) = NaN.
func PDF(z float64) float64 { return invSqrt2Pi * math.Exp(-0.5*z*z) }

// CDF returns the standard normal distribution function Φ(z) = P(Z ≤ z) =
// erfc(−z/√2)/2, computed with math.Erfc so that the lower tail keeps its
// relative precision (Φ(−38) = 2.9e-316, not 0). Φ(−Inf) = 0, Φ(+Inf) = 1,
// Φ(NaN) = NaN.
func CDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }

// Survival returns 1 − Φ(z) = Φ(−z) = erfc(z/√2)/2 without the cancellation
// of 1 − Φ(z) in the upper tail.
func Survival(z float64) float64 { return 0.5 * math.Erfc(z/math.Sqrt2) }

// Quantile returns the standard normal quantile Φ⁻¹(p), the z with
// Φ(z) = p: correctly rounded for 1e-5 ≤ p ≤ 1 − 1e-5 as measured, and
// within 2 ulps of the true value for every p in (0, 1) (0.543 at worst as
// measured; see the package documentation), subnormal p included:
// Φ⁻¹(5e-324) = −38.467405617144344. Quantile(0) = −Inf,
// Quantile(1) = +Inf, Quantile(1/2) = 0; a p outside [0, 1], or NaN, gives
// NaN. Quantile(p) = −Quantile(1 − p) exactly wherever 1 − p is exact.
func Quantile(p float64) float64 {
	if p > 0.5 {
		z, _ := lower(1 - p) // exact for p ≥ 1/2 (Sterbenz); below 0 when p > 1
		return -z
	}
	z, _ := lower(p)
	return z
}

// lower returns Φ⁻¹(p) for p ≤ 1/2 and the number of Newton steps taken:
// −Inf at 0, 0 at 1/2, NaN below 0 and for NaN.
func lower(p float64) (float64, int) {
	switch {
	case p == 0.5:
		return 0, 0
	case p >= centreFrom:
		return polish(math.Sqrt2*math.Erfinv(2*p-1), p), 1
	case p >= deepTail:
		return solveTail(p)
	case p > 0:
		return solveDeep(p)
	case p == 0:
		return math.Inf(-1), 0
	}
	return math.NaN(), 0
}

// polish is one Newton step on Φ(z) = p, centreFrom ≤ p < 1/2, with the
// residual Φ(z) − p = (Φ(z) − 1/2) + (1/2 − p) in double-double.
func polish(z, p float64) float64 {
	r := centre(z).add(fastTwoSum(0.5, -p))
	return z - r.hi/PDF(z)
}

// centre returns Φ(z) − 1/2 in double-double, from the Taylor series of
// Abramowitz & Stegun 26.2.10,
//
//	Φ(z) − 1/2 = (1/√(2π)) Σ uₙ/(2n + 1),  u₀ = z,  uₙ = uₙ₋₁·(−z²/2)/n,
//
// summed until a term is below 1e-25 (at most 59 terms for |z| ≤ 4.27, the
// range it serves; the largest term is below 5e3 there, so the
// cancellation costs at most 4 of the 32 digits). Terms below 1e-17 need
// only float64, whose rounding is then below 1e-32: they are summed apart,
// which saves a fifth of the time at p = 0.95.
func centre(z float64) dd {
	h := z * z
	w := dd{-0.5 * h, -0.5 * math.FMA(z, z, -h)} // −z²/2, exactly
	u := dd{z, 0}
	s := u
	n := 1
	for ; n <= maxTerms; n++ {
		u = u.mul(w).div(float64(n))
		t := u.div(float64(2*n + 1))
		s = s.add(t)
		if math.Abs(t.hi) < 1e-17 {
			break
		}
	}
	v, r := u.hi, 0.0
	for n++; n <= maxTerms; n++ {
		v *= w.hi / float64(n)
		t := v / float64(2*n+1)
		r += t
		if math.Abs(t) < 1e-25 {
			break
		}
	}
	return s.add(dd{r, 0}).mul(dd{invSqrt2Pi, invSqrt2PiLo})
}

// start is Abramowitz & Stegun 26.2.23: for 0 < p ≤ 1/2 and lp = ln p,
// t = √(−2 lp) and z = −(t − (c₀ + c₁t + c₂t²)/(1 + d₁t + d₂t² + d₃t³)) is
// within 4.5e-4 of Φ⁻¹(p).
func start(lp float64) float64 {
	t := math.Sqrt(-2 * lp)
	return -(t - (2.515517+0.802853*t+0.010328*t*t)/(1+1.432788*t+0.189269*t*t+0.001308*t*t*t))
}

// solveTail is Newton's method on Φ(z) = p for deepTail ≤ p < centreFrom,
// the residual from math.Erfc with the rounding of z/√2 added back.
func solveTail(p float64) (float64, int) {
	z := start(math.Log(p))
	for k := 1; k <= maxSteps; k++ {
		y := z / math.Sqrt2
		c := math.FMA(-y, math.Sqrt2, z) - y*sqrt2Lo // z − √2·y
		step := (0.5*math.Erfc(-y)-p)/PDF(z) + c
		z -= step
		if math.Abs(step) <= 1e-12*math.Abs(z) {
			return z, k
		}
	}
	return z, maxSteps
}

// solveDeep is Newton's method on Φ(z) = p for 0 < p < deepTail, where
// z < −37. Its step (Φ(z) − p)/φ(z) is taken as Φ(z)/φ(z) − p/φ(z), both
// near 1/|z|:
//
//	Φ(z)/φ(z) = s/(−z),  s = 1 − 1/z² + 3/z⁴ − 15/z⁶ + ... + 15!!/z¹⁶
//
// (the asymptotic series of Abramowitz & Stegun 26.2.12, whose next term
// is below 1e-20 here), and p/φ(z) = √(2π)·(p·E)·E·(1 + l/2), with
// z² = h + l exactly (a fused multiply-add) and E = e^{h/4}: p·E is normal
// even for a subnormal p, and E² = e^{h/2} would overflow for the smallest
// p if taken first.
func solveDeep(p float64) (float64, int) {
	z := start(math.Log(p*0x1p64) - 64*math.Ln2) // math.Log loses a subnormal's exponent
	for k := 1; k <= maxSteps; k++ {
		h := z * z
		inv := 1 / h
		s, term := 1.0, 1.0
		for j := 1; j <= 8; j++ {
			term *= -float64(2*j-1) * inv
			s += term
		}
		e := math.Exp(0.25 * h)
		step := s/-z - sqrt2Pi*(p*e)*e*(1+0.5*math.FMA(z, z, -h))
		z -= step
		if math.Abs(step) <= 1e-12*math.Abs(z) {
			return z, k
		}
	}
	return z, maxSteps
}

// dd is a double-double number, the unevaluated sum hi + lo with
// |lo| ≤ ulp(hi)/2: about 32 significant digits (Dekker 1971).
type dd struct{ hi, lo float64 }

// twoSum returns a + b exactly (Knuth's TwoSum).
func twoSum(a, b float64) dd {
	s := a + b
	v := s - a
	return dd{s, (a - (s - v)) + (b - v)}
}

// fastTwoSum returns a + b exactly when |a| ≥ |b| (Dekker's Fast2Sum).
func fastTwoSum(a, b float64) dd {
	s := a + b
	return dd{s, b - (s - a)}
}

// add returns x + y.
func (x dd) add(y dd) dd {
	s := twoSum(x.hi, y.hi)
	return fastTwoSum(s.hi, s.lo+x.lo+y.lo)
}

// mul returns x·y; x.hi·y.hi's rounding error is exact with a fused multiply-add.
func (x dd) mul(y dd) dd {
	p := x.hi * y.hi
	return fastTwoSum(p, math.FMA(x.hi, y.hi, -p)+x.hi*y.lo+x.lo*y.hi)
}

// div returns x/b; the remainder x.hi − q·b is exact with a fused multiply-add.
func (x dd) div(b float64) dd {
	q := x.hi / b
	return fastTwoSum(q, (math.FMA(-q, b, x.hi)+x.lo)/b)
}
