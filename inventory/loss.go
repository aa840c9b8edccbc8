package inventory

import (
	"math"

	"github.com/opskit/opskit/internal/normal"
)

// Losses holds the first- and second-order loss functions of a demand distribution D at one point x
// and their complements (Snyder & Shen, "Fundamentals of Supply Chain Theory", 2nd ed., App. C.3):
//
//	n(x)  = E[(D - x)⁺]                 expected shortage            First
//	n̄(x)  = E[(x - D)⁺]                 expected leftover            FirstComplement
//	n²(x) = ½·E[(D - x)⁺·(D - x - 1)⁺]  discrete (½·E[((D - x)⁺)²] continuous)   Second
//	n̄²(x) = ½·E[(x - D)⁺·(x + 1 - D)⁺]  discrete (½·E[((x - D)⁺)²] continuous)   SecondComplement
//
// They satisfy n̄(x) = x - E[D] + n(x). The second-order loss is the integral (or sum) of the first:
// it prices the backorders of an (r, Q) policy ([RQProblem]).
type Losses struct {
	First            float64 `json:"first"`
	FirstComplement  float64 `json:"first_complement"`
	Second           float64 `json:"second"`
	SecondComplement float64 `json:"second_complement"`
}

// NormalLosses returns the standard normal loss functions at z (Snyder & Shen eqs. C.22-C.28, as
// implemented by stockpyl's loss_functions.standard_normal_loss and standard_normal_second_loss):
//
//	L(z) = φ(z) - z·(1 - Φ(z)),      L̄(z) = z + L(z),
//	L²(z) = ½·[(z² + 1)·(1 - Φ(z)) - z·φ(z)],   L̄²(z) = ½·(z² + 1) - L²(z).
//
// For demand N(μ, σ²) the losses at x are σ·L(z) and σ²·L²(z) with z = (x - μ)/σ. Known answers
// (ExampleNormalLosses): L(1.3) = 0.04552796209, L̄(1.3) = 1.345527962, L²(1.3) = 0.01880706694 and
// L̄²(1.3) = 1.326192933 (stockpyl's examples). It returns an error for a NaN or infinite z and
// for |z| above 1e100, where z² leaves the float64 range.
func NormalLosses(z float64) (Losses, error) {
	const op = "normal losses"
	if !isFinite(z) {
		return Losses{}, fieldErr(op, "z", z, ErrNotFinite)
	}
	if math.Abs(z) > 1e100 {
		return Losses{}, detailErr(op, "z", z, ErrTooLarge, "|z| at most 1e100")
	}
	l := NormalLoss(z)
	l2 := normalSecondLoss(z)
	return Losses{First: l, FirstComplement: z + l, Second: l2, SecondComplement: 0.5*(z*z+1) - l2}, nil
}

// normalSecondLoss returns L²(z) = ½·[(z² + 1)·(1 - Φ(z)) - z·φ(z)] ≥ 0. For z < 0 it uses
// L²(z) = ½(z² + 1) - L̄²(z) with L̄²(z) = L²(-z) (the normal is symmetric), which keeps the small
// upper-tail value accurate, and is 0 where the tail underflows.
func normalSecondLoss(z float64) float64 {
	if z < 0 {
		return 0.5*(z*z+1) - normalSecondLoss(-z)
	}
	return max(0.5*((z*z+1)*normal.Survival(z)-z*normal.PDF(z)), 0)
}

// PoissonLosses returns the loss functions of Poisson demand with mean λ at the integer x (Snyder &
// Shen eqs. C.41-C.42, as implemented by stockpyl's loss_functions.poisson_loss and
// poisson_second_loss):
//
//	n(x) = -(x - λ)·(1 - F(x)) + λ·f(x),   n̄(x) = (x - λ)·F(x) + λ·f(x),
//	n²(x) = ½·[((x - λ)² + x)·(1 - F(x)) - λ·(x - λ)·f(x)],   n̄²(x) = ½·[((x - λ)² + x)·F(x) + λ·(x - λ)·f(x)].
//
// Known answers (ExamplePoissonLosses): λ = 15, x = 18 gives n = 0.5176095283, n̄ = 3.517609528,
// n² = 0.8483403029 and n̄² = 12.6516597 (stockpyl's examples). F and 1 - F are each summed
// from their own tail, so neither loses digits to cancellation; the work is O(√λ). It returns an
// error for a λ that is negative, NaN, infinite or above [MaxPoissonMean], or an x beyond ±[MaxQty].
func PoissonLosses(x int64, mean float64) (Losses, error) {
	const op = "poisson losses"
	if err := checkNonNeg(op, "mean", mean); err != nil {
		return Losses{}, err
	}
	if mean > MaxPoissonMean {
		return Losses{}, detailErr(op, "mean", mean, ErrTooLarge, "at most 1e6")
	}
	if x > MaxQty || x < -MaxQty {
		return Losses{}, detailErr(op, "x", x, ErrTooLarge, "between -1e15 and 1e15 units")
	}
	t := newPoissonTable(mean)
	return t.losses(x), nil
}

// poissonTable holds the pmf of Poisson(λ) over the window [lo, lo + len(pmf)), outside of which the
// probabilities sum to below 1e-300, with the lower and upper cumulative sums.
type poissonTable struct {
	mean  float64
	lo    int64
	pmf   []float64
	cdf   []float64 // cdf[i] = P(D ≤ lo + i), summed from the left
	upper []float64 // upper[i] = P(D > lo + i), summed from the right
}

// newPoissonTable tabulates Poisson(λ) for 0 ≤ λ ≤ MaxPoissonMean: at most 80·√λ + 41 entries.
func newPoissonTable(mean float64) poissonTable {
	spread := 40*math.Sqrt(mean) + 20
	lo := int64(math.Max(0, math.Floor(mean-spread)))
	hi := int64(math.Ceil(mean + spread))
	n := int(hi - lo + 1)
	t := poissonTable{mean: mean, lo: lo, pmf: make([]float64, n), cdf: make([]float64, n), upper: make([]float64, n)}
	var s float64
	for i := range t.pmf {
		t.pmf[i] = poissonPMF(float64(lo+int64(i)), mean)
		s += t.pmf[i]
		t.cdf[i] = s
	}
	s = 0
	for i := n - 1; i >= 0; i-- {
		t.upper[i] = s
		s += t.pmf[i]
	}
	return t
}

// at returns f(x), F(x) and 1 - F(x).
func (t poissonTable) at(x int64) (f, cdf, sf float64) {
	switch i := x - t.lo; {
	case i < 0: // below the window (lo ≥ 0, so every x < 0 is): F(x) < 1e-300
		return 0, 0, 1
	case i >= int64(len(t.pmf)):
		return 0, 1, 0
	default:
		return t.pmf[i], t.cdf[i], t.upper[i]
	}
}

func (t poissonTable) losses(x int64) Losses {
	f, cdf, sf := t.at(x)
	d := float64(x) - t.mean
	mf := t.mean * f
	l := Losses{
		First:            max(-d*sf+mf, 0),
		FirstComplement:  max(d*cdf+mf, 0),
		Second:           max(0.5*((d*d+float64(x))*sf-d*mf), 0),
		SecondComplement: max(0.5*((d*d+float64(x))*cdf+d*mf), 0),
	}
	return l // for x < 0, F(x) = f(x) = 0 makes n̄ = n̄² = 0 exactly
}

// ServiceLevels is what a safety factor k achieves over one replenishment cycle ([ServiceFromSafetyFactor]).
type ServiceLevels struct {
	SafetyFactor      float64 `json:"safety_factor"`       // k = SS/σ_T
	CycleServiceLevel float64 `json:"cycle_service_level"` // Φ(k): the probability of no stockout in a cycle
	ExpectedShortage  float64 `json:"expected_shortage"`   // σ_T·L(k): units short per cycle (ESPRC)
	FillRate          float64 `json:"fill_rate"`           // 1 - σ_T·L(k)/Q, at least 0: the share of demand met from stock
}

// ServiceFromSafetyFactor is the forward direction of the safety-stock rules: given a safety factor
// k (safety stock in standard deviations of demand over the protection interval), the deviation
// σ_T of that demand and the demand per replenishment cycle Q, it returns
//
//	CSL = Φ(k),   ESPRC = σ_T·L(k),   fill rate β = 1 - ESPRC/Q
//
// (Silver, Pyke & Thomas, "Inventory and Production Management in Supply Chains", 4th ed., §6.7.2
// and §6.7.4, P₁ and P₂; the fill rate is the traditional approximation, floored at 0). Known answer
// (ExampleServiceFromSafetyFactor): k = 1.3, σ_T = 100, Q = 500 gives CSL = 0.9031995154, ESPRC =
// 4.552796209 and β = 0.9908944076 (L(1.3) from stockpyl).
// [SafetyStock.SafetyFactor] gives the k of any rule. It returns an error for a NaN or infinite k or
// |k| above 1e100, a negative, NaN or infinite σ_T or one above [MaxQty], and a Q that is not
// positive and finite or is above [MaxQty].
func ServiceFromSafetyFactor(k, sd, cycleDemand float64) (ServiceLevels, error) {
	const op = "service from safety factor"
	if !isFinite(k) {
		return ServiceLevels{}, fieldErr(op, "safety_factor", k, ErrNotFinite)
	}
	if math.Abs(k) > 1e100 {
		return ServiceLevels{}, detailErr(op, "safety_factor", k, ErrTooLarge, "|k| at most 1e100")
	}
	if err := checkQty(op, "sd", sd); err != nil {
		return ServiceLevels{}, err
	}
	if err := checkPos(op, "cycle_demand", cycleDemand); err != nil {
		return ServiceLevels{}, err
	}
	if cycleDemand > MaxQty {
		return ServiceLevels{}, detailErr(op, "cycle_demand", cycleDemand, ErrTooLarge, maxQtyDetail)
	}
	esprc := sd * NormalLoss(k)
	return ServiceLevels{
		SafetyFactor:      k,
		CycleServiceLevel: normal.CDF(k),
		ExpectedShortage:  esprc,
		FillRate:          max(1-esprc/cycleDemand, 0),
	}, nil
}

// SafetyFactor returns the safety factor k = SS/σ_T of the rule for the exposure e, for every method:
// the z of a cycle-service rule, the k solved by the fill-rate rule, and the implied k of a fixed
// or days-of-cover rule, k = SS/σ_T with σ_T = √(T·σ² + μ²·σ_L²) the standard deviation of demand
// over the protection interval. A cycle-service rule returns its z = Φ⁻¹(CSL) even where the safety
// stock is floored at 0 (a level below 50 %). Feed k to [ServiceFromSafetyFactor] to see the service
// a rule buys. It returns the errors of [SafetyStock.For], and for the fixed, cover and fill-rate
// rules one wrapping [ErrNotPositive] when σ_T is 0 (k is then undefined).
func (s SafetyStock) SafetyFactor(e Exposure) (float64, error) {
	const op = "safety factor"
	ss, err := s.For(e)
	if err != nil {
		return 0, within(err, op, "")
	}
	if s.method == SafetyCycleService || s.method == SafetyCycleServiceLeadTime {
		return s.z, nil // exact, also below 50 % where the safety stock is floored at 0
	}
	d := e.Demand
	t, sdL := d.periods(e.protection()), d.periods(e.Lead.sd)
	sigma := math.Sqrt(t*d.sd*d.sd + d.mean*d.mean*sdL*sdL)
	if !(sigma > 0) || !isFinite(sigma) {
		return 0, detailErr(op, "demand.sd", d.sd, ErrNotPositive, "no demand variability over the protection interval")
	}
	return ss / sigma, nil
}
