package inventory

import (
	"math"
	"time"

	"github.com/opskit/opskit/internal/normal"
)

// Newsvendor is the single-period buy (一次性备货) for a one-off event such as a 双11 campaign whose
// quantity must be fixed a week ahead (seed rule INV-06): each unit left over costs the overage cost
// h = cost - salvage, each unit short costs the underage cost p = price - cost (the lost margin).
// The optimal quantity meets demand with probability equal to the critical ratio p/(p + h)
// (Snyder & Shen, "Fundamentals of Supply Chain Theory", 2nd ed., §4.3; Nahmias §5.3).
//
// The costs are continuous model parameters in any one currency unit, not amounts to pay (see the
// package's Money section). The zero value is invalid. Newsvendor is a comparable value, safe for
// concurrent use.
type Newsvendor struct {
	overage, underage float64
}

// NewNewsvendor returns the newsvendor with overage cost h and underage cost p per unit. It returns
// an error unless both are positive and finite.
func NewNewsvendor(overage, underage float64) (Newsvendor, error) {
	if err := checkPos("newsvendor", "overage", overage); err != nil {
		return Newsvendor{}, err
	}
	if err := checkPos("newsvendor", "underage", underage); err != nil {
		return Newsvendor{}, err
	}
	return Newsvendor{overage: overage, underage: underage}, nil
}

// NewsvendorFromPrices returns the newsvendor for a unit bought at cost, sold at price and salvaged
// (cleared, 清仓) at salvage after the event: h = cost - salvage, p = price - cost. It returns an
// error unless salvage < cost < price, all finite.
func NewsvendorFromPrices(price, cost, salvage float64) (Newsvendor, error) {
	for _, f := range [...]struct {
		name string
		v    float64
	}{{"price", price}, {"cost", cost}, {"salvage", salvage}} {
		if !isFinite(f.v) {
			return Newsvendor{}, fieldErr("newsvendor", f.name, f.v, ErrNotFinite)
		}
	}
	if !(price > cost) {
		return Newsvendor{}, detailErr("newsvendor", "price", price, ErrNotPositive, "price - cost is not positive")
	}
	if !(cost > salvage) {
		return Newsvendor{}, detailErr("newsvendor", "salvage", salvage, ErrNotPositive, "cost - salvage is not positive")
	}
	h, p := cost-salvage, price-cost
	if !isFinite(h) || !isFinite(p) {
		return Newsvendor{}, detailErr("newsvendor", "price", price, ErrTooLarge, "a price difference is beyond the float64 range")
	}
	return Newsvendor{overage: h, underage: p}, nil
}

// CriticalRatio returns p/(p + h), the optimal probability of meeting all demand, computed as
// 1/(1 + h/p) so that p + h cannot overflow.
func (n Newsvendor) CriticalRatio() float64 {
	if !(n.underage > 0) {
		return 0
	}
	return 1 / (1 + n.overage/n.underage)
}

// NewsvendorResult is an optimal newsvendor quantity and its expected cost.
type NewsvendorResult struct {
	Qty           float64 `json:"qty"`            // order quantity (an integer for Poisson demand)
	CriticalRatio float64 `json:"critical_ratio"` // p/(p + h)
	ExpectedCost  float64 `json:"expected_cost"`  // expected overage plus underage cost at Qty (model units)
}

// Normal returns the optimal quantity for normal demand N(μ, σ²),
//
//	Q* = μ + σ·Φ⁻¹(p/(p + h)),  expected cost g(Q*) = (p + h)·σ·φ(Φ⁻¹(p/(p + h))),
//
// (Snyder & Shen §4.3.2, eqs. 4.21-4.24). Known answer (ExampleNewsvendor_Normal_snyderShen): h =
// 0.18, p = 0.70, μ = 50, σ = 8 gives Q* = 56.60395593 and g = 1.997605193 (Snyder & Shen Example
// 4.2; stockpyl newsvendor_normal). A quantity below zero is returned as 0 with the cost of ordering nothing.
// It returns an error for an invalid newsvendor, a negative, NaN or infinite μ or σ or one above
// [MaxQty], or an expected cost beyond the float64 range.
func (n Newsvendor) Normal(mean, sd float64) (NewsvendorResult, error) {
	const op = "newsvendor normal"
	if err := n.check(op); err != nil {
		return NewsvendorResult{}, err
	}
	if err := checkQty(op, "mean", mean); err != nil {
		return NewsvendorResult{}, err
	}
	if err := checkQty(op, "sd", sd); err != nil {
		return NewsvendorResult{}, err
	}
	cr := n.CriticalRatio()
	z := normal.Quantile(cr)
	if !isFinite(z) { // p/(p + h) rounds to 0 or 1
		return NewsvendorResult{}, fieldErr(op, "critical_ratio", cr, ErrServiceLevel)
	}
	q := mean + sd*z
	if q < 0 {
		q = 0
	}
	// g(Q) = h·E[(Q-D)⁺] + p·E[(D-Q)⁺] = σ·[h·(L(z) + z) + p·L(z)] with z = (Q-μ)/σ.
	var cost float64
	if sd > 0 {
		zq := (q - mean) / sd
		l := NormalLoss(zq)
		cost = sd * (n.overage*(l+zq) + n.underage*l)
	} else {
		cost = n.overage*max(q-mean, 0) + n.underage*max(mean-q, 0)
	}
	if err := checkResult(op, "expected_cost", cost); err != nil {
		return NewsvendorResult{}, err
	}
	return NewsvendorResult{Qty: q, CriticalRatio: cr, ExpectedCost: cost}, nil
}

// MaxPoissonMean is the largest mean [Newsvendor.Poisson] accepts; above it, use [Newsvendor.Normal]
// with σ = √μ, which is then accurate to well under one unit.
const MaxPoissonMean = 1e6

// Poisson returns the optimal quantity for Poisson demand with mean λ: the smallest integer Q with
// F(Q) ≥ p/(p + h) (Snyder & Shen §4.3.3, Theorem 4.2), and its expected cost
// g(Q) = h·Σ_{d≤Q}(Q - d)·f(d) + p·(λ - Q + Σ_{d≤Q}(Q - d)·f(d)). Probabilities are summed in log
// space so a large λ does not underflow. It returns an error for an invalid newsvendor or a λ that is
// negative, NaN, infinite or above [MaxPoissonMean], or an expected cost beyond the float64 range.
func (n Newsvendor) Poisson(mean float64) (NewsvendorResult, error) {
	const op = "newsvendor poisson"
	if err := n.check(op); err != nil {
		return NewsvendorResult{}, err
	}
	if err := checkNonNeg(op, "mean", mean); err != nil {
		return NewsvendorResult{}, err
	}
	if mean > MaxPoissonMean {
		return NewsvendorResult{}, detailErr(op, "mean", mean, ErrTooLarge, "at most 1e6; use Normal")
	}
	cr := n.CriticalRatio()
	var cdf, partial float64 // F(k) and Σ_{d≤k} d·f(d)
	// Below λ - 40√λ the probabilities sum to less than 1e-300: start there.
	start := math.Floor(max(0, mean-40*math.Sqrt(mean)-10))
	k := start
	for ; ; k++ {
		f := poissonPMF(k, mean)
		cdf += f
		partial += k * f
		if cdf >= cr || f == 0 && k > mean {
			break
		}
	}
	over := k*cdf - partial // E[(Q - D)⁺]
	under := mean - k + over
	cost := n.overage*over + n.underage*max(under, 0)
	if err := checkResult(op, "expected_cost", cost); err != nil {
		return NewsvendorResult{}, err
	}
	return NewsvendorResult{Qty: k, CriticalRatio: cr, ExpectedCost: cost}, nil
}

// poissonPMF returns P(D = k) for D ~ Poisson(λ), computed in log space.
func poissonPMF(k, lambda float64) float64 {
	if lambda == 0 {
		if k == 0 {
			return 1
		}
		return 0
	}
	lg, _ := math.Lgamma(k + 1)
	return math.Exp(k*math.Log(lambda) - lambda - lg)
}

func (n Newsvendor) check(op string) error {
	if !(n.overage > 0) || !(n.underage > 0) {
		return detailErr(op, "newsvendor", nil, ErrNotPositive, "the zero Newsvendor; use NewNewsvendor")
	}
	return nil
}

// EventOrderDeadline returns the date by which an event buy must be decided: seven calendar days
// before the event starts (活动前一个星期内必须有决定, seed rule INV-06). It uses [time.Time.AddDate],
// so the wall-clock time is kept across a daylight-saving change.
func EventOrderDeadline(eventStart time.Time) time.Time { return eventStart.AddDate(0, 0, -7) }
