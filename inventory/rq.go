package inventory

import (
	"math"

	"github.com/opskit/opskit/internal/normal"
)

// MaxSearchSteps bounds the exact discrete searches ([RQProblem.OptimalPoisson], [SSOptimal]): each step
// is O(1) work; a search that would need more returns an error wrapping [ErrTooLarge].
const MaxSearchSteps = 1 << 24

// rqMaxIter bounds the fixed-point iterations of the EIL and loss-function approximations, and
// bisectSteps the bisections of the exact normal optimisation (each halves an interval of floats, so
// 2100 steps reach adjacent floats from any finite bracket).
const (
	rqMaxIter   = 1000
	bisectSteps = 2100
)

// RQProblem is a continuous-review (r, Q) policy problem with backorders (Snyder & Shen, "Fundamentals of
// Supply Chain Theory", 2nd ed., ch. 5; Zipkin, "Foundations of Inventory Management", ch. 6;
// Hadley & Whitin 1963): when the inventory position falls to r, order Q. Costs and demand are per
// unit of time (a year, say); lead-time demand is normal N(μ, σ²) for the Normal methods and Poisson
// with mean μ for the Poisson ones. For demand of λ per unit time with deviation τ and a lead time L
// (in the same unit), μ = λ·L and σ = τ·√L. The expected cost per unit time is
//
//	g(r, Q) = (K·λ + ∫_r^{r+Q} G(y) dy) / Q          (Σ_{y=r+1}^{r+Q} G(y) for discrete demand)
//	G(y)    = h·E[(y - D)⁺] + p·E[(D - y)⁺]          the newsvendor cost of lead-time demand D
//
// (Snyder & Shen eqs. 5.7 and 5.48), computed in closed form through the second-order loss function
// ([NormalLosses], [PoissonLosses]). The costs are continuous model parameters, not amounts to pay.
type RQProblem struct {
	HoldingCost  float64 `json:"holding_cost"`  // h, per unit held per unit time
	StockoutCost float64 `json:"stockout_cost"` // p, per unit backordered per unit time
	OrderCost    float64 `json:"order_cost"`    // K, per order
	DemandRate   float64 `json:"demand_rate"`   // λ, units per unit time
	LeadMean     float64 `json:"lead_mean"`     // μ, mean demand over the lead time (units)
	LeadSD       float64 `json:"lead_sd"`       // σ, its standard deviation (normal methods; 0 is deterministic)
}

// RQSolution is a reorder point, an order quantity and the exact expected cost per unit time of the
// pair under the problem's demand model ([RQProblem.CostNormal] or [RQProblem.CostPoisson]), whichever method chose
// them.
type RQSolution struct {
	ReorderPoint float64 `json:"reorder_point"` // r (an integer for Poisson demand)
	OrderQty     float64 `json:"order_qty"`     // Q (an integer for Poisson demand)
	Cost         float64 `json:"cost"`          // g(r, Q), model units per unit time
}

// check validates the problem: h, p, K and λ positive and finite, μ and σ within [0, MaxQty] (μ at
// most MaxPoissonMean when poisson is set), and K·λ finite.
func (m RQProblem) check(op string, poisson bool) error {
	for _, f := range [...]struct {
		name string
		v    float64
	}{{"holding_cost", m.HoldingCost}, {"stockout_cost", m.StockoutCost}, {"order_cost", m.OrderCost}, {"demand_rate", m.DemandRate}} {
		if err := checkPos(op, f.name, f.v); err != nil {
			return err
		}
	}
	if err := checkQty(op, "lead_mean", m.LeadMean); err != nil {
		return err
	}
	if poisson && m.LeadMean > MaxPoissonMean {
		return detailErr(op, "lead_mean", m.LeadMean, ErrTooLarge, "at most 1e6")
	}
	if err := checkQty(op, "lead_sd", m.LeadSD); err != nil {
		return err
	}
	if !isFinite(m.OrderCost * m.DemandRate) {
		return detailErr(op, "order_cost", m.OrderCost, ErrTooLarge, "K·λ is beyond the float64 range")
	}
	return nil
}

// g returns the newsvendor cost G(y) of normal lead-time demand.
func (m RQProblem) g(y float64) float64 {
	h, p, mu, sd := m.HoldingCost, m.StockoutCost, m.LeadMean, m.LeadSD
	if sd == 0 {
		return h*max(y-mu, 0) + p*max(mu-y, 0)
	}
	return h*(y-mu) + (h+p)*sd*NormalLoss((y-mu)/sd)
}

// tail returns ∫_y^∞ (h + p)·E[(D - t)⁺] dt = (h + p)·σ²·L²((y - μ)/σ).
func (m RQProblem) tail(y float64) float64 {
	hp, mu, sd := m.HoldingCost+m.StockoutCost, m.LeadMean, m.LeadSD
	if sd == 0 {
		d := max(mu-y, 0)
		return hp * d * d / 2
	}
	return hp * sd * sd * normalSecondLoss((y-mu)/sd)
}

// area returns ∫_a^b G(y) dy = h·(b - a)·((a + b)/2 - μ) + tail(a) - tail(b).
func (m RQProblem) area(a, b float64) float64 {
	return m.HoldingCost*(b-a)*((a+b)/2-m.LeadMean) + m.tail(a) - m.tail(b)
}

// costNormal returns g(r, Q) for valid inputs.
func (m RQProblem) costNormal(r, q float64) float64 {
	return (m.OrderCost*m.DemandRate + m.area(r, r+q)) / q
}

// CostNormal returns the exact expected cost per unit time g(r, Q) of the policy (r, q) under normal
// lead-time demand (Snyder & Shen eq. 5.7, as stockpyl's rq.r_q_cost, which integrates numerically;
// here the integral is closed-form). Known answer (ExampleRQProblem_CostNormal): h = 0.225, p = 7.5,
// K = 8, λ = 1300, τ = 150, L = 1/12 (μ = 108.33…, σ = 43.30…) at r = 126.8, Q = 328.5 costs
// 78.07116251 (Snyder & Shen Example 5.1). It returns an error for an invalid problem, an r that is NaN, infinite or beyond
// ±[MaxQty], a q that is not positive or is above MaxQty, or a cost beyond the float64 range.
func (m RQProblem) CostNormal(r, q float64) (float64, error) {
	const op = "rq cost normal"
	if err := m.check(op, false); err != nil {
		return 0, err
	}
	if err := checkRQPoint(op, r, q); err != nil {
		return 0, err
	}
	c := m.costNormal(r, q)
	if err := checkResult(op, "cost", c); err != nil {
		return 0, err
	}
	return c, nil
}

func checkRQPoint(op string, r, q float64) error {
	if err := checkLevelQty(op, "reorder_point", r); err != nil {
		return err
	}
	if err := checkPos(op, "order_qty", q); err != nil {
		return err
	}
	if q > MaxQty {
		return detailErr(op, "order_qty", q, ErrTooLarge, maxQtyDetail)
	}
	return nil
}

// newsvendorPoint returns S* = μ + σ·Φ⁻¹(p/(p + h)), the minimiser of G.
func (m RQProblem) newsvendorPoint() float64 {
	if m.LeadSD == 0 {
		return m.LeadMean
	}
	return m.LeadMean + m.LeadSD*normal.Quantile(1/(1+m.HoldingCost/m.StockoutCost))
}

// reorderFor returns r(Q), the r with G(r) = G(r + Q), which minimises g(r, Q) for that Q (Snyder &
// Shen eq. 5.9), by bisection on [S* - Q, S*], where G(r + Q) - G(r) rises from ≤ 0 to ≥ 0.
func (m RQProblem) reorderFor(q float64) float64 {
	hi := m.newsvendorPoint()
	lo := hi - q
	for range bisectSteps {
		mid := lo + (hi-lo)/2
		if mid == lo || mid == hi {
			break
		}
		if m.g(mid+q) < m.g(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + (hi-lo)/2
}

// OptimalNormal returns the exact optimal (r, Q) for normal lead-time demand. At the optimum
// g(r*, Q*) = G(r*) = G(r* + Q*) (Zheng 1992, "On properties of stochastic inventory systems",
// Management Science 38(1); Snyder & Shen §5.2.3): for each Q, r(Q) solves G(r) = G(r + Q), and Q*
// solves ∫_{r(Q)}^{r(Q)+Q} (G(r(Q)) - G(y)) dy = K·λ, whose left side rises with Q; both are found by
// bisection to adjacent floats (at most 2100 steps each). Known answer (ExampleRQProblem_OptimalNormal):
// Snyder & Shen Example 5.1 (see [RQProblem.CostNormal]) gives the optimum as r* = 126.8, Q* = 328.5
// at a cost of 78.0712; unrounded it is r* = 126.8671, Q* = 328.4491 at 78.071146 (the loss-function
// approximation's r and Q to 1e-8).
// With σ = 0 it is the deterministic EOQ with backorders: Q* = [EOQWithBackorders]. It returns an
// error for an invalid problem or a result beyond the float64 range or [MaxQty].
func (m RQProblem) OptimalNormal() (RQSolution, error) {
	const op = "rq optimal normal"
	if err := m.check(op, false); err != nil {
		return RQSolution{}, err
	}
	excess := func(q float64) float64 { // ∫ (G(r) - G(y)) dy - Kλ over [r, r + q], r = r(q)
		r := m.reorderFor(q)
		return m.g(r)*q - m.area(r, r+q) - m.OrderCost*m.DemandRate
	}
	lo, hi := 0.0, m.eoqb()
	for range bisectSteps {
		if !(hi <= MaxQty) {
			return RQSolution{}, detailErr(op, "order_qty", hi, ErrTooLarge, maxQtyDetail)
		}
		if excess(hi) >= 0 {
			break
		}
		lo, hi = hi, 2*hi
	}
	for range bisectSteps {
		mid := lo + (hi-lo)/2
		if mid == lo || mid == hi {
			break
		}
		if excess(mid) < 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return m.solution(op, m.reorderFor(hi), hi)
}

// eoqb returns the EOQ with backorders √(2Kλ(h + p)/(hp)), at least the smallest positive float.
func (m RQProblem) eoqb() float64 {
	eff := m.HoldingCost / (1 + m.HoldingCost/m.StockoutCost)
	return max(eoq(m.DemandRate, m.OrderCost, eff), math.SmallestNonzeroFloat64)
}

// solution checks r and q and costs them.
func (m RQProblem) solution(op string, r, q float64) (RQSolution, error) {
	if err := checkLevelQty(op, "reorder_point", r); err != nil {
		return RQSolution{}, err
	}
	if !(q > 0 && q <= MaxQty) {
		return RQSolution{}, detailErr(op, "order_qty", q, ErrTooLarge, "the order quantity is outside (0, 1e15]")
	}
	c := m.costNormal(r, q)
	if err := checkResult(op, "cost", c); err != nil {
		return RQSolution{}, err
	}
	return RQSolution{ReorderPoint: r, OrderQty: q, Cost: c}, nil
}

// EOQSS returns the EOQ plus safety stock approximation: Q = [EOQ] and r = μ + σ·Φ⁻¹(p/(p + h)), the
// newsvendor level of lead-time demand (Snyder & Shen §5.2.4, eqs. 3.4 and 5.21, as stockpyl's
// rq.r_q_eoqss_approximation). Known answer (ExampleRQProblem_OptimalNormal): Example 5.5 (the data of
// [RQProblem.CostNormal]) gives r = 190.336997, Q = 304.04678 at an exact cost of 87.0484. Its Cost is the exact g(r, Q). It returns the errors of
// [RQProblem.OptimalNormal].
func (m RQProblem) EOQSS() (RQSolution, error) {
	const op = "rq eoq+ss"
	if err := m.check(op, false); err != nil {
		return RQSolution{}, err
	}
	return m.solution(op, m.newsvendorPoint(), eoq(m.DemandRate, m.OrderCost, m.HoldingCost))
}

// EOQB returns the EOQB approximation: Q = the EOQ with planned backorders ([EOQWithBackorders]) and
// r = r(Q), the best reorder point for that Q, G(r) = G(r + Q) (Zheng 1992; Snyder & Shen §5.2.4, as
// stockpyl's rq.r_q_eoqb_approximation). Known answer (ExampleRQProblem_OptimalNormal): Example 5.4 (the
// data of [RQProblem.CostNormal]) gives r = 128.637814, Q = 308.57378. Its Cost is the exact g(r, Q). It returns the
// errors of [RQProblem.OptimalNormal]. r(Q) is the root of G(r) = G(r + Q) to adjacent floats, while
// stockpyl's bisection stops once |G(r) - G(r + Q)| <= 1e-6, so the two can differ in the seventh decimal
// (by about 2e-7 in Snyder & Shen's problem 5.3, where this package agrees with the root to 1e-13).
func (m RQProblem) EOQB() (RQSolution, error) {
	const op = "rq eoqb"
	if err := m.check(op, false); err != nil {
		return RQSolution{}, err
	}
	q := m.eoqb()
	return m.solution(op, m.reorderFor(q), q)
}

// EIL returns the expected-inventory-level approximation (Whitin 1953; Hadley & Whitin 1963; Snyder &
// Shen §5.2.4, Algorithm 5.1, as stockpyl's rq.r_q_eil_approximation), iterating from Q = EOQ, r = 0:
//
//	r = F⁻¹(1 - Q·h/(p·λ)),   Q = √(2·λ·(K + p·n(r)) / h),
//
// with F and n the distribution and loss function of lead-time demand, until r and Q move by at most
// 1e-6. Known answer (ExampleRQProblem_OptimalNormal): Example 5.2 (the data of [RQProblem.CostNormal])
// gives r = 213.970442, Q = 318.590181. Its Cost is the exact g(r, Q), not the approximation's own. It returns the
// errors of [RQProblem.OptimalNormal], and one wrapping [ErrServiceLevel] when Q·h ≥ p·λ (no r satisfies the
// first equation) or [ErrTooLarge] when 1000 iterations do not converge.
func (m RQProblem) EIL() (RQSolution, error) {
	const op = "rq eil"
	if err := m.check(op, false); err != nil {
		return RQSolution{}, err
	}
	h, p, lam, mu, sd := m.HoldingCost, m.StockoutCost, m.DemandRate, m.LeadMean, m.LeadSD
	q, r := eoq(lam, m.OrderCost, h), 0.0
	for range rqMaxIter {
		prevQ, prevR := q, r
		level := 1 - q*h/(p*lam)
		if !(level > 0) {
			return RQSolution{}, detailErr(op, "stockout_cost", p, ErrServiceLevel, "Q·h ≥ p·λ: no reorder point satisfies the EIL condition")
		}
		r = mu
		n := 0.0
		if sd > 0 {
			z := normal.Quantile(level)
			r = mu + sd*z
			n = sd * NormalLoss(z)
		}
		q = math.Sqrt(2 * lam * (m.OrderCost + p*n) / h)
		if math.Abs(q-prevQ) <= 1e-6 && math.Abs(r-prevR) <= 1e-6 {
			return m.solution(op, r, q)
		}
	}
	return RQSolution{}, detailErr(op, "order_qty", q, ErrTooLarge, "no convergence in 1000 iterations")
}

// LossFunction returns the loss-function approximation (Hadley & Whitin 1963; Snyder & Shen §5.2.4,
// eqs. 5.28-5.29, as stockpyl's rq.r_q_loss_function_approximation), iterating from Q = EOQ:
//
//	n(r) = h·Q/(h + p),   Q = √(2·(K·λ + (h + p)·n²(r)) / h),
//
// with n and n² the first- and second-order loss functions of lead-time demand, until r and Q move
// by at most 1e-6. It drops only the term n²(r + Q) of the exact cost, so it is close to
// [RQProblem.OptimalNormal]. Known answer (ExampleRQProblem_OptimalNormal): Example 5.6 (the data of
// [RQProblem.CostNormal]) gives r = 126.867063, Q = 328.449142. Its Cost is the exact g(r, Q). It returns the errors of
// [RQProblem.OptimalNormal] and one wrapping [ErrTooLarge] when 1000 iterations do not converge.
func (m RQProblem) LossFunction() (RQSolution, error) {
	const op = "rq loss function"
	if err := m.check(op, false); err != nil {
		return RQSolution{}, err
	}
	h, p, mu, sd := m.HoldingCost, m.StockoutCost, m.LeadMean, m.LeadSD
	q, r := eoq(m.DemandRate, m.OrderCost, h), 0.0
	for range rqMaxIter {
		prevQ, prevR := q, r
		target := h * q / (h + p) // n(r); h + p is finite: check bounds Kλ, and h·q/(h+p) ≤ q
		var n2 float64
		if sd > 0 {
			z := lossInverse(target / sd)
			r = mu + sd*z
			n2 = sd * sd * normalSecondLoss(z)
		} else {
			r = mu - target
			n2 = target * target / 2
		}
		q = math.Sqrt(2 * (m.OrderCost*m.DemandRate + (h+p)*n2) / h)
		if !isFinite(q) || !isFinite(r) {
			return RQSolution{}, detailErr(op, "order_qty", q, ErrTooLarge, "beyond the float64 range")
		}
		if math.Abs(q-prevQ) <= 1e-6 && math.Abs(r-prevR) <= 1e-6 {
			return m.solution(op, r, q)
		}
	}
	return RQSolution{}, detailErr(op, "order_qty", q, ErrTooLarge, "no convergence in 1000 iterations")
}

// poissonCost returns the newsvendor cost table of Poisson lead-time demand.
func (m RQProblem) poissonCost() (discreteCost, []float64) {
	t := newPoissonTable(m.LeadMean)
	return newDiscreteCost(m.HoldingCost, m.StockoutCost, m.LeadMean, t.lo, t.pmf), t.pmf
}

// CostPoisson returns the exact expected cost per unit time of the policy (r, q) under Poisson
// lead-time demand with mean μ = LeadMean (LeadSD is ignored),
//
//	g(r, Q) = (K·λ + Σ_{y=r+1}^{r+Q} G(y)) / Q
//
// (Snyder & Shen eq. 5.48, as stockpyl's rq.r_q_cost_poisson). Known answer
// (ExampleRQProblem_OptimalPoisson): h = 20, p = 150, K = 100, λ = 1.5, L = 2 (μ = 3) at r = 3, Q = 5
// costs 107.9235806 (Snyder & Shen Example 5.8).
// The work is O(√μ) whatever r and Q. It returns an error for an invalid problem (μ at most
// [MaxPoissonMean]), an r beyond ±[MaxQty], a q below 1 or above MaxQty, or a cost beyond the float64 range.
func (m RQProblem) CostPoisson(r, q int64) (float64, error) {
	const op = "rq cost poisson"
	if err := m.check(op, true); err != nil {
		return 0, err
	}
	if r > MaxQty || r < -MaxQty {
		return 0, detailErr(op, "reorder_point", r, ErrTooLarge, "between -1e15 and 1e15 units")
	}
	if q < 1 {
		return 0, fieldErr(op, "order_qty", q, ErrNotPositive)
	}
	if q > MaxQty {
		return 0, detailErr(op, "order_qty", q, ErrTooLarge, maxQtyDetail)
	}
	c, _ := m.poissonCost()
	cost := (m.OrderCost*m.DemandRate + c.sum(r+1, r+q)) / float64(q)
	if err := checkResult(op, "cost", cost); err != nil {
		return 0, err
	}
	return cost, nil
}

// OptimalPoisson returns the exact optimal integer (r, Q) under Poisson lead-time demand with mean μ
// = LeadMean (LeadSD is ignored), by the algorithm of Federgruen & Zheng (1992, "An efficient
// algorithm for computing an optimal (r, Q) policy in continuous review stochastic inventory
// systems", Operations Research 40(4)), as stockpyl's rq.r_q_poisson_exact: G is convex, so the best
// Q levels {r + 1, ..., r + Q} are the Q cheapest consecutive ones; starting from the newsvendor
// level, add the cheaper neighbour (the upper one on a tie) while its G is below the current average
// cost. Known answer (ExampleRQProblem_OptimalPoisson): Example 5.8 (see [RQProblem.CostPoisson])
// gives r = 3, Q = 5 at 107.9235806.
// It returns an error for an invalid problem, and one wrapping [ErrTooLarge] when Q would exceed
// [MaxSearchSteps].
func (m RQProblem) OptimalPoisson() (RQSolution, error) {
	const op = "rq optimal poisson"
	if err := m.check(op, true); err != nil {
		return RQSolution{}, err
	}
	c, pmf := m.poissonCost()
	kl := m.OrderCost * m.DemandRate
	a := c.argmin(pmf)
	b := a
	sum := c.at(a)
	for q := int64(1); ; q++ {
		cost := (kl + sum) / float64(q)
		ga, gb := c.at(a-1), c.at(b+1)
		next := min(ga, gb)
		if !(next < cost) {
			// The cost as CostPoisson sums it (the search's running sum
			// adds the levels in another order, a few ulps away).
			cost = (kl + c.sum(a, b)) / float64(q)
			if err := checkResult(op, "cost", cost); err != nil {
				return RQSolution{}, err
			}
			return RQSolution{ReorderPoint: float64(a - 1), OrderQty: float64(q), Cost: cost}, nil
		}
		if q >= MaxSearchSteps {
			return RQSolution{}, detailErr(op, "order_qty", q, ErrTooLarge, "at most 16777216 search steps")
		}
		if gb <= ga {
			b++
		} else {
			a--
		}
		sum += next
	}
}
