package inventory

import (
	"math"
)

// MaxPMFLen is the longest demand distribution (probabilities of 0, 1, ..., n - 1 units) that
// [SSProblem] accepts; [PoissonPMF] refuses a mean whose table would be longer.
const MaxPMFLen = 1 << 14

// discreteCost tabulates the newsvendor cost G(y) = h·E[(y - D)⁺] + p·E[(D - y)⁺] of an integer
// demand D whose probabilities are pmf[i] = P(D = lo + i) (the mass outside is below 1e-300), with
// prefix sums for sums of G over a range. Outside the table G is linear: p·(μ - y) below, h·(y - μ)
// above.
type discreteCost struct {
	h, p, mean float64
	lo         int64
	g          []float64 // g[i] = G(lo + i)
	cum        []float64 // cum[i] = Σ_{j<i} g[j]
}

// newDiscreteCost builds the table. E[(y - D)⁺] is summed from the left (it grows by F(y) a unit) and
// E[(D - y)⁺] from the right (by P(D > y)), so neither loses digits to cancellation.
func newDiscreteCost(h, p, mean float64, lo int64, pmf []float64) discreteCost {
	n := len(pmf)
	c := discreteCost{h: h, p: p, mean: mean, lo: lo, g: make([]float64, n), cum: make([]float64, n+1)}
	over := make([]float64, n) // E[(y - D)⁺] at y = lo + i
	var cdf float64
	for i := range n {
		if i > 0 {
			over[i] = over[i-1] + cdf
		}
		cdf += pmf[i]
	}
	var under, sf float64 // E[(D - y)⁺] and P(D > y) at y = lo + i
	for i := n - 1; i >= 0; i-- {
		c.g[i] = h*over[i] + p*under
		sf += pmf[i]
		under += sf
	}
	for i, v := range c.g {
		c.cum[i+1] = c.cum[i] + v
	}
	return c
}

// at returns G(y).
func (c discreteCost) at(y int64) float64 {
	switch i := y - c.lo; {
	case i < 0:
		return c.p * (c.mean - float64(y))
	case i >= int64(len(c.g)):
		return c.h * (float64(y) - c.mean)
	default:
		return c.g[i]
	}
}

// sum returns Σ_{y=a}^{b} G(y) for a ≤ b: linear pieces by the arithmetic series, the table by its
// prefix sums.
func (c discreteCost) sum(a, b int64) float64 {
	hi := c.lo + int64(len(c.g)) - 1
	var s float64
	if a < c.lo { // y in [a, min(b, lo - 1)]: p·(μ - y)
		e := min(b, c.lo-1)
		s += c.p * float64(e-a+1) * (c.mean - (float64(a)+float64(e))/2)
	}
	if a <= hi && b >= c.lo {
		i, j := max(a, c.lo)-c.lo, min(b, hi)-c.lo
		s += c.cum[j+1] - c.cum[i]
	}
	if b > hi { // y in [max(a, hi + 1), b]: h·(y - μ)
		f := max(a, hi+1)
		s += c.h * float64(b-f+1) * ((float64(f)+float64(b))/2 - c.mean)
	}
	return s
}

// argmin returns the smallest y minimising G: the smallest y with F(y) ≥ p/(p + h) (the newsvendor
// level; G(y + 1) - G(y) = (h + p)·F(y) - p).
func (c discreteCost) argmin(pmf []float64) int64 {
	ratio := 1 / (1 + c.h/c.p)
	var cdf float64
	for i, f := range pmf {
		cdf += f
		if cdf >= ratio {
			return c.lo + int64(i)
		}
	}
	return c.lo + int64(len(pmf)) - 1
}

// PoissonPMF returns the probabilities P(D = 0), ..., P(D = n - 1) of Poisson demand with mean λ,
// cut where the remaining tail is below 1e-300 (n = ⌈λ + 40·√λ + 20⌉ + 1), for [SSProblem]. It
// returns an error for a λ that is negative, NaN or infinite, or one whose table would be longer than
// [MaxPMFLen] (λ above about 11 000).
func PoissonPMF(mean float64) ([]float64, error) {
	const op = "poisson pmf"
	if err := checkNonNeg(op, "mean", mean); err != nil {
		return nil, err
	}
	n := math.Ceil(mean+40*math.Sqrt(mean)+20) + 1
	if n > MaxPMFLen {
		return nil, detailErr(op, "mean", mean, ErrTooLarge, "the table would exceed 16384 values")
	}
	pmf := make([]float64, int(n))
	for i := range pmf {
		pmf[i] = poissonPMF(float64(i), mean)
	}
	return pmf, nil
}
