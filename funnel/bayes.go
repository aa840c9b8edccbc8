package funnel

import "math"

// ProbBBeatsA returns P(p_B > p_A) (B 优于 A 的概率) when each rate has the
// Beta posterior of a uniform Beta(1, 1) prior: p ~ Beta(α, β) with
// α = 1 + x and β = 1 + n − x. Its work is bounded by a constant whatever
// the counts (at most 5,616 density or term evaluations, counted in the tests), and it
// is accurate to an absolute error below 1e-9 for every count up to the
// int64 limit.
//
// Exact sum (small counts). When both arms have at most 1,000 conversions
// (α ≤ 1001), or both at most 1,000 non-conversions (β ≤ 1001, by the
// symmetry p → 1 − p), it evaluates the closed form of Evan Miller,
// "Formulas for Bayesian A/B Testing" (2015,
// https://www.evanmiller.org/bayesian-ab-testing.html):
//
//	P(p_B > p_A) = Σ_{i=0}^{α_B−1} t_i,
//	t_i = B(α_A + i, β_A + β_B) / ((β_B + i) B(1 + i, β_B) B(α_A, β_A))
//
// without log-gamma differences (which lose every digit when β is large):
// t_0 = Π_{j<α_A} (β_A + j)/(β_A + β_B + j) and t_{i+1}/t_i =
// (α_A + i)(β_B + i) / ((α_A + β_A + β_B + i)(i + 1)), each factor taken
// as a log1p of a small ratio and summed in log space; the terms are
// probabilities, so underflowing ones are negligible. The rounding error is
// below 1e-12 (tested against the sum in exact rational arithmetic).
//
// Numerical integration (large counts). Otherwise it integrates on the
// logit scale, where p = 1/(1 + e^{−y}) has the log-concave density
// ∝ e^{αy}/(1 + e^y)^{α+β}. Written around its mode c = ln(α/β) with
// q = α/(α+β), the log-density is −(α+β) K_q(y − c), K_q(δ) =
// ln((1 − q)e^{−qδ} + q e^{(1−q)δ}), which is evaluated without
// cancellation (a cumulant series for small δ); the distance between the
// two modes, ln(α_B/α_A) − ln(β_B/β_A), is taken from exact integer
// differences of the counts. Each density is truncated where its
// log-density falls 46 below the mode (the mass cut off is below 1e-18 by
// log-concavity) and integrated by composite 8-point Gauss–Legendre on 64
// panels. P is ∫ f(x) G(x) dx over the narrower posterior, with G the
// distribution function of the wider one, so the integrand is resolved on
// the panels. Compared with the exact sum where both apply (counts in the
// thousands to millions, in the tests) the largest difference is below 1e-9.
//
// Identical arms give exactly 0.5, and P(A, B) + P(B, A) = 1 up to one
// rounding: the function computes one orientation and returns the
// complement for the other.
//
// Errors as [TwoProportionZTest].
func ProbBBeatsA(convA, nA, convB, nB int64) (float64, error) {
	const op = "prob b beats a"
	if err := checkPair(op, convA, nA, convB, nB); err != nil {
		return 0, err
	}
	p, _ := probBBeatsA(convA, nA, convB, nB)
	return p, nil
}

// Switch-over and cost of ProbBBeatsA.
const (
	// bayesExactTerms: the exact sum is used when both α (or both β) are
	// at most this.
	bayesExactTerms = 1001
	// bayesPanels and bayesNodes: the integration grid.
	bayesPanels = 64
	bayesNodes  = 8
	// bayesCut: the log-density drop at which a posterior is truncated.
	bayesCut = 46
	// bayesMaxWork bounds the evaluations of one call: two exact sums of
	// 1001 factors and terms, or the integration's grids and searches.
	bayesMaxWork = 2*bayesPanels*bayesNodes + bayesPanels*bayesNodes*bayesNodes + 4*(64+60)
)

// probBBeatsA validates nothing and returns P and the work done.
func probBBeatsA(convA, nA, convB, nB int64) (float64, int) {
	if convA == convB && nA == nB {
		return 0.5, 0 // the posteriors are equal: exactly one half by symmetry
	}
	// Compute one orientation only, so that P(A, B) + P(B, A) = 1.
	if convA > convB || (convA == convB && nA > nB) {
		p, w := probBBeatsA(convB, nB, convA, nA)
		return 1 - p, w
	}
	aA, bA := float64(convA)+1, float64(nA-convA)+1
	aB, bB := float64(convB)+1, float64(nB-convB)+1
	var p float64
	var work int
	switch {
	case aA <= bayesExactTerms && aB <= bayesExactTerms:
		p, work = millerSum(aA, bA, aB, bB)
	case bA <= bayesExactTerms && bB <= bayesExactTerms:
		// P(p_B > p_A) = P(1 − p_A > 1 − p_B), 1 − p ~ Beta(β, α).
		p, work = millerSum(bB, aB, bA, aA)
	default:
		// ln(α_B/α_A) − ln(β_B/β_A) from exact integer differences.
		d := logRatio(float64(convB-convA), aA, aB) - logRatio(float64((nB-convB)-(nA-convA)), bA, bB)
		p, work = integrate(aA, bA, aB, bB, d)
	}
	return math.Min(1, math.Max(0, p)), work
}

// logRatio returns ln(y/x) for y = x + diff: log1p of the exact
// difference when y and x are close, plain logarithms otherwise (both are
// at least 1, so neither is infinite).
func logRatio(diff, x, y float64) float64 {
	if r := diff / x; math.Abs(r) < 0.5 {
		return math.Log1p(r)
	}
	return math.Log(y) - math.Log(x)
}

// millerSum is Evan Miller's sum for P(X_B > X_A), X ~ Beta(α, β), for
// integer α_A, α_B ≤ bayesExactTerms, in log space.
func millerSum(aA, bA, aB, bB float64) (float64, int) {
	var l float64 // ln t_0
	for j := 0.0; j < aA; j++ {
		l -= math.Log1p(bB / (bA + j))
	}
	var sum float64
	for i := 0.0; i < aB; i++ {
		sum += math.Exp(l)
		// ln t_{i+1} − ln t_i
		l += math.Log((aA+i)/(i+1)) - math.Log1p((aA+bA)/(bB+i))
	}
	return sum, int(aA + aB)
}

// logitBeta is a Beta(α, β) posterior on the logit scale, around its mode.
type logitBeta struct {
	s, q, p, v float64 // α + β, α/(α + β), β/(α + β) (not 1 − q, which rounds to 0), qp
	k3, k4, k5 float64 // Bernoulli(q) cumulants κ3..κ5 over κ2 = v
	k6         float64
	lo, h      float64 // grid start and panel width
}

func newLogitBeta(a, b float64) logitBeta {
	s := a + b
	q, p := a/s, b/s
	v := q * p
	g := logitBeta{s: s, q: q, p: p, v: v}
	g.k3 = p - q
	g.k4 = 1 - 6*v
	g.k5 = (p - q) * (1 - 12*v)
	g.k6 = 1 - 30*v + 120*v*v
	return g
}

// logDensity is the log-density at mode + δ minus its value at the mode.
func (g *logitBeta) logDensity(d float64) float64 {
	var k float64
	if math.Abs(d) < 1e-3 {
		d2 := d * d
		k = g.v * d2 * (0.5 + d*(g.k3/6+d*(g.k4/24+d*(g.k5/120+d*g.k6/720))))
	} else {
		k = math.Log1p(g.p*math.Expm1(-g.q*d) + g.q*math.Expm1(g.p*d))
	}
	return -g.s * k
}

// edge returns the δ on the side sign where the log-density falls to
// −bayesCut: doubling from the scale, then bisection. It counts its work.
func (g *logitBeta) edge(sign float64, work *int) float64 {
	sigma := math.Sqrt(1/(g.s*g.q) + 1/(g.s*g.p))
	in, out := 0.0, sign*sigma
	for i := 0; i < 64 && g.logDensity(out) > -bayesCut; i++ {
		in, out = out, 2*out
		*work++
	}
	for i := 0; i < 60; i++ {
		mid := (in + out) / 2
		if g.logDensity(mid) > -bayesCut {
			in = mid
		} else {
			out = mid
		}
		*work++
	}
	return out
}

// Gauss–Legendre 8-point nodes and weights on [−1, 1] (Abramowitz and
// Stegun, Table 25.4).
var (
	glNodes   = [bayesNodes]float64{-0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498, 0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363}
	glWeights = [bayesNodes]float64{0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620, 0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763}
)

// gl integrates e^{logDensity} over [a, b] with one 8-point rule.
func (g *logitBeta) gl(a, b float64, work *int) float64 {
	c, r := (a+b)/2, (b-a)/2
	var s float64
	for k, x := range glNodes {
		s += glWeights[k] * math.Exp(g.logDensity(c+r*x))
	}
	*work += bayesNodes
	return s * r
}

// integrate returns P(Y_B > Y_A) for the logit-scale posteriors whose
// modes are d apart (mode_B − mode_A).
func integrate(aA, bA, aB, bB, d float64) (float64, int) {
	work := 0
	A, B := newLogitBeta(aA, bA), newLogitBeta(aB, bB)
	for _, g := range []*logitBeta{&A, &B} {
		lo, hi := g.edge(-1, &work), g.edge(1, &work)
		g.lo, g.h = lo, (hi-lo)/bayesPanels
	}
	// Outer: the narrower posterior. Inner: the wider one's distribution
	// function, from cumulative panel masses and one partial panel.
	narrow, wide := &A, &B
	// shift maps a δ of the narrow posterior to a δ of the wide one.
	shift := -d
	bIsNarrow := B.h < A.h
	if bIsNarrow {
		narrow, wide, shift = &B, &A, d
	}
	var cum [bayesPanels + 1]float64
	for k := 0; k < bayesPanels; k++ {
		a := wide.lo + float64(k)*wide.h
		cum[k+1] = cum[k] + wide.gl(a, a+wide.h, &work)
	}
	total := cum[bayesPanels]
	cdf := func(x float64) float64 {
		pos := (x - wide.lo) / wide.h
		if !(pos > 0) {
			return 0
		}
		if !(pos < bayesPanels) {
			return 1
		}
		k := min(int(pos), bayesPanels-1)
		a := wide.lo + float64(k)*wide.h
		return (cum[k] + wide.gl(a, min(x, a+wide.h), &work)) / total
	}
	var num, den float64
	for k := 0; k < bayesPanels; k++ {
		a := narrow.lo + float64(k)*narrow.h
		c, r := a+narrow.h/2, narrow.h/2
		for j, x := range glNodes {
			t := c + r*x
			w := glWeights[j] * math.Exp(narrow.logDensity(t))
			den += w
			num += w * cdf(t+shift)
		}
		work += bayesNodes
	}
	f := num / den // P(wide < narrow) in the scale of the logits
	if bIsNarrow {
		return f, work // P(Y_A < Y_B)
	}
	return 1 - f, work // P(Y_B > Y_A) = 1 − P(Y_B < Y_A)
}
