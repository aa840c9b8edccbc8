package funnel

import (
	"math"
)

// MeanSample summarises one arm of an experiment on a mean metric (revenue
// per visitor, items per order): the number of units, the sample mean and
// the sample standard deviation. A conversion rate is the mean of 0/1
// values ([ProportionUplift] builds the samples).
type MeanSample struct {
	N      int64   `json:"n"`
	Mean   float64 `json:"mean"`
	StdDev float64 `json:"std_dev"`
}

// UpliftTest is the inference on a relative uplift (提升率) of B over A.
// Every field is finite.
type UpliftTest struct {
	Uplift   float64  `json:"uplift"`   // (μ_B − μ_A) / |μ_A|
	StdErr   float64  `json:"std_err"`  // its standard error by the delta method
	Interval Interval `json:"interval"` // Uplift ± t_{1−α/2, DoF} × StdErr
	PValue   float64  `json:"p_value"`  // two-sided, H₀: no uplift
	DoF      float64  `json:"dof"`      // Welch–Satterthwaite degrees of freedom
}

// RelativeUplift infers the relative uplift (μ_B − μ_A)/|μ_A| of the mean
// of B over that of A by the delta method, with the formulas of
// GrowthBook's frequentist engine (gbstats, TwoSidedTTest with relative
// effects; Deng, Knoblich and Lu 2018, "Applying the delta method in
// metric analytics", KDD):
//
//	u = (μ_B − μ_A) / |μ_A|
//	Var(u) = s_B² / (μ_A² n_B) + s_A² μ_B² / (μ_A⁴ n_A)
//	ν = (s_B²/n_B + s_A²/n_A)² / (s_B⁴/(n_B²(n_B − 1)) + s_A⁴/(n_A²(n_A − 1)))
//	interval u ± t_{1−α/2, ν} √Var(u),   p = 2(1 − T_ν(|u| / √Var(u)))
//
// with Student's t of ν (Welch–Satterthwaite) degrees of freedom, computed
// from the regularised incomplete beta function (a continued fraction of
// at most 10,000 terms, and the quantile by bisection, at most 200 of
// them: bounded work whatever the inputs). For ν of at least 10⁴ the
// quantile is the Cornish–Fisher expansion of t about the normal's to the
// 1/ν⁴ term (Abramowitz and Stegun 26.7.5; within 2e-15 of t relative, for
// any tail down to 5e-17), below it the bisection (within 1e-11);
// for ν above 10⁷ the p-value is the normal's (within 1e-7).
// GrowthBook's test:
// A mean 0.41, sd 3.9, n 3407, B mean 0.70, sd 6.2, n 3461 gives uplift
// 0.70732, standard error 0.37879, 95% interval [−0.03526, 1.44989] and
// p = 0.06191.
//
// The baseline enters by its size, as in GrowthBook (frequentist_diff), so
// that a rise is positive when the metric can be negative (profit per
// visitor): −10 → −5 is +0.5, −10 → −15 is −0.5.
//
// Errors: N below 2, a mean or standard deviation that is NaN or infinite,
// a negative standard deviation, μ_A = 0, a standard deviation of 0 in
// either arm (no variance: GrowthBook's ZERO_NEGATIVE_VARIANCE, where it
// returns an uninformative result), or a variance beyond float64
// ([ErrInvalidRate], [ErrInvalidCount]); confidence outside (0, 1)
// ([ErrInvalidRate]).
func RelativeUplift(a, b MeanSample, confidence float64) (UpliftTest, error) {
	const op = "relative uplift"
	for _, s := range []struct {
		name string
		m    MeanSample
	}{{"a", a}, {"b", b}} {
		if s.m.N < 2 {
			return UpliftTest{}, fieldErr(op, s.name+".n", s.m.N, ErrInvalidCount, "at least 2")
		}
		if math.IsNaN(s.m.Mean) || math.IsInf(s.m.Mean, 0) {
			return UpliftTest{}, fieldErr(op, s.name+".mean", s.m.Mean, ErrInvalidRate, "must be finite")
		}
		if !(s.m.StdDev > 0) || math.IsInf(s.m.StdDev, 0) {
			return UpliftTest{}, fieldErr(op, s.name+".std_dev", s.m.StdDev, ErrInvalidRate, "must be finite and positive (no variance: nothing to infer)")
		}
	}
	if a.Mean == 0 {
		return UpliftTest{}, fieldErr(op, "a.mean", a.Mean, ErrInvalidRate, "no relative change from a zero mean")
	}
	if err := checkLevel(op, "confidence", confidence); err != nil {
		return UpliftTest{}, err
	}
	return upliftTest(op, a.Mean, a.StdDev*a.StdDev, float64(a.N), b.Mean, b.StdDev*b.StdDev, float64(b.N), confidence)
}

// upliftTest computes the delta-method test from means, variances and
// sizes that are finite, with sizes at least 2, ma != 0 and variances
// positive.
func upliftTest(op string, ma, va, na, mb, vb, nb, confidence float64) (UpliftTest, error) {
	u := (mb - ma) / math.Abs(ma)
	ma2 := ma * ma
	variance := vb/(ma2*nb) + va*mb*mb/(ma2*ma2*na)
	if !(variance > 0) || math.IsInf(variance, 0) || math.IsInf(u, 0) {
		return UpliftTest{}, fieldErr(op, "std_dev", variance, ErrInvalidRate, "the uplift's variance must be positive and finite")
	}
	ea, eb := va/na, vb/nb
	dof := (ea + eb) * (ea + eb) / (eb*eb/(nb-1) + ea*ea/(na-1))
	if math.IsNaN(dof) || math.IsInf(dof, 0) || dof < 1 {
		// Underflow of tiny variances: the sizes bound ν from below.
		dof = min(na, nb) - 1
	}
	se := math.Sqrt(variance)
	q := tQuantileUpper((1-confidence)/2, dof)
	tstat := u / se
	return UpliftTest{
		Uplift: u, StdErr: se, DoF: dof,
		Interval: Interval{u - q*se, u + q*se},
		PValue:   tTwoSided(math.Abs(tstat), dof),
	}, nil
}

// ProportionUplift infers the relative uplift of B's conversion rate over
// A's, (p_B − p_A)/p_A, as [RelativeUplift] does for means, each arm being
// x conversions of n with mean p = x/n and variance p(1 − p), as
// GrowthBook's proportion statistic has it. Errors as
// [TwoProportionZTest], plus n below 2 ([ErrInvalidCount]), p_A = 0, and
// an arm with no variance, that is with p = 0 or 1 ([ErrInvalidRate]; as
// GrowthBook, which returns an uninformative result), and a confidence
// outside (0, 1) ([ErrInvalidRate]).
func ProportionUplift(convA, nA, convB, nB int64, confidence float64) (UpliftTest, error) {
	const op = "proportion uplift"
	if err := checkPair(op, convA, nA, convB, nB); err != nil {
		return UpliftTest{}, err
	}
	if nA < 2 {
		return UpliftTest{}, fieldErr(op, "n_a", nA, ErrInvalidCount, "at least 2")
	}
	if nB < 2 {
		return UpliftTest{}, fieldErr(op, "n_b", nB, ErrInvalidCount, "at least 2")
	}
	if convA == 0 {
		return UpliftTest{}, fieldErr(op, "conv_a", convA, ErrInvalidRate, "no relative change from a zero rate")
	}
	if err := checkLevel(op, "confidence", confidence); err != nil {
		return UpliftTest{}, err
	}
	if convA == nA {
		return UpliftTest{}, fieldErr(op, "conv_a", convA, ErrInvalidRate, "a rate of 1 has no variance")
	}
	if convB == 0 || convB == nB {
		return UpliftTest{}, fieldErr(op, "conv_b", convB, ErrInvalidRate, "a rate of 0 or 1 has no variance")
	}
	pa, pb := float64(convA)/float64(nA), float64(convB)/float64(nB)
	return upliftTest(op, pa, pa*(1-pa), float64(nA), pb, pb*(1-pb), float64(nB), confidence)
}

// WaldDiffInterval returns the Wald interval for p_B − p_A, the textbook
// interval beside [DiffInterval]'s Agresti–Caffo adjustment (Agresti,
// "Categorical Data Analysis", 3rd ed., §1.4 and §3.1):
//
//	(p_B − p_A) ± z √(p_A(1 − p_A)/n_A + p_B(1 − p_B)/n_B)
//
// clamped to [−1, 1]. Its coverage falls below the nominal level for small
// samples and rates near 0 or 1 (at 0 or n conversions in both arms it has
// width 0); prefer Agresti–Caffo there. A 200/1000, B 250/1000 at 95%
// gives [0.013464, 0.086536]. Errors as [DiffInterval].
func WaldDiffInterval(convA, nA, convB, nB int64, confidence float64) (Interval, error) {
	const op = "wald difference interval"
	if err := checkPair(op, convA, nA, convB, nB); err != nil {
		return Interval{}, err
	}
	if err := checkLevel(op, "confidence", confidence); err != nil {
		return Interval{}, err
	}
	na, nb := float64(nA), float64(nB)
	pa, pb := float64(convA)/na, float64(convB)/nb
	z := zUpper((1 - confidence) / 2)
	half := z * math.Sqrt(pa*(1-pa)/na+pb*(1-pb)/nb)
	d := pb - pa
	return Interval{math.Max(-1, d-half), math.Min(1, d+half)}, nil
}

// maxBetaDoF is the largest ν for which tTwoSided computes the p-value
// from the incomplete beta function; above it the normal's is within 1e-7.
const maxBetaDoF = 1e7

// tTwoSided returns P(|T| >= t) for Student's t with nu degrees of
// freedom, t >= 0: I_x(ν/2, 1/2) with x = ν/(ν + t²).
func tTwoSided(t, nu float64) float64 {
	if nu > maxBetaDoF {
		return math.Erfc(t / math.Sqrt2)
	}
	t2 := t * t
	p, _ := betaInc(nu/2, 0.5, nu/(nu+t2), t2/(nu+t2))
	return min(1, max(0, p))
}

// minExpansionDoF is the least ν for which tQuantileUpper takes the
// Cornish–Fisher expansion: there its next term, of 1/ν⁵, is below 1e-15
// of t for every tail down to 5e-17 (checked against mpmath), and the
// bisection's rounding (which grows with ν, as ln x nears 0) is larger.
const minExpansionDoF = 1e4

// tQuantileUpper returns t with P(T > t) = tail, 0 < tail < 1/2, for
// Student's t with nu >= 1 degrees of freedom. From minExpansionDoF on it
// is the Cornish–Fisher expansion in w = z², z the normal quantile
// (Abramowitz and Stegun 26.7.5):
//
//	t = z + g₁/ν + g₂/ν² + g₃/ν³ + g₄/ν⁴
//	g₁ = z(w + 1)/4
//	g₂ = z(5w² + 16w + 3)/96
//	g₃ = z(3w³ + 19w² + 17w − 15)/384
//	g₄ = z(79w⁴ + 776w³ + 1482w² − 1920w − 945)/92160
//
// Below, it bisects on ln x, x = ν/(ν + t²), halving [−1500, 0] until the
// bracket is within 1e-15 of its end (at most 200 halvings, each one
// incomplete beta evaluation).
func tQuantileUpper(tail, nu float64) float64 {
	z := zUpper(tail)
	if nu >= minExpansionDoF {
		w := z * z
		g1 := z * (w + 1) / 4
		g2 := z * ((5*w+16)*w + 3) / 96
		g3 := z * (((3*w+19)*w+17)*w - 15) / 384
		g4 := z * ((((79*w+776)*w+1482)*w-1920)*w - 945) / 92160
		return z + (g1+(g2+(g3+g4/nu)/nu)/nu)/nu
	}
	// Two-sided tail 2·tail = I_x(ν/2, 1/2), increasing in x.
	target := 2 * tail
	lo, hi := -1500.0, 0.0
	for range 200 {
		mid := (lo + hi) / 2
		x := math.Exp(mid)
		if p, _ := betaInc(nu/2, 0.5, x, -math.Expm1(mid)); p < target {
			lo = mid
		} else {
			hi = mid
		}
		if hi-lo <= -lo*1e-15 {
			break
		}
	}
	x := math.Exp((lo + hi) / 2)
	// t² = ν(1 − x)/x.
	return math.Sqrt(nu * -math.Expm1((lo+hi)/2) / x)
}

// betaInc returns the regularised incomplete beta function I_x(a, b) for
// a, b > 0 and x in [0, 1], given also y = 1 − x computed without
// cancellation, by the continued fraction of Numerical Recipes (Press et
// al., 3rd ed., §6.4), and the number of its terms.
func betaInc(a, b, x, y float64) (float64, int) {
	if x <= 0 {
		return 0, 0
	}
	if y <= 0 {
		return 1, 0
	}
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	front := math.Exp(lab - la - lb + a*math.Log(x) + b*math.Log(y))
	if x < (a+1)/(a+b+2) {
		cf, n := betaCF(a, b, x)
		return front * cf / a, n
	}
	cf, n := betaCF(b, a, y)
	return 1 - front*cf/b, n
}

// maxBetaTerms bounds the continued fraction; it converges in
// O(√max(a, b)) terms, about 2,300 at ν = 10⁷.
const maxBetaTerms = 10000

// betaCF evaluates the continued fraction for I_x(a, b) by the modified
// Lentz method, returning it and the terms used.
func betaCF(a, b, x float64) (float64, int) {
	const tiny, eps = 1e-300, 1e-16
	fix := func(v float64) float64 {
		if math.Abs(v) < tiny {
			return tiny
		}
		return v
	}
	c, d := 1.0, 1/fix(1-(a+b)*x/(a+1))
	h := d
	m := 1
	for ; m <= maxBetaTerms; m++ {
		fm := float64(m)
		aa := fm * (b - fm) * x / ((a + 2*fm - 1) * (a + 2*fm))
		d = 1 / fix(1+aa*d)
		c = fix(1 + aa/c)
		h *= d * c
		aa = -(a + fm) * (a + b + fm) * x / ((a + 2*fm) * (a + 2*fm + 1))
		d = 1 / fix(1+aa*d)
		c = fix(1 + aa/c)
		del := d * c
		h *= del
		if math.Abs(del-1) < eps {
			break
		}
	}
	return h, m
}
