package inventory

import (
	"math"
)

// SSProblem is a periodic-review (s, S) policy problem with backorders, zero lead time and integer
// demand per period (Snyder & Shen, "Fundamentals of Supply Chain Theory", 2nd ed., §4.5; Zheng &
// Federgruen 1991): at the start of each period, if the inventory position is at or below s, order
// up to S. Costs are per period: h per unit held and p per unit backordered at the end of a period,
// K per order. DemandPMF[d] is the probability of d units in one period (d = 0, 1, ...); it must sum
// to 1 within 1e-9, have at most [MaxPMFLen] values and give some chance of positive demand.
// [PoissonPMF] builds one. For a lead time of L periods the cost per period is that of demand over
// L + 1 periods while the renewal structure uses one period's demand; this type covers L = 0, as the
// source does. The costs are continuous model parameters, not amounts to pay.
type SSProblem struct {
	HoldingCost  float64   `json:"holding_cost"`  // h, per unit per period
	StockoutCost float64   `json:"stockout_cost"` // p, per unit backordered per period
	OrderCost    float64   `json:"order_cost"`    // K, per order
	DemandPMF    []float64 `json:"demand_pmf"`    // P(D = d) for d = 0 .. len - 1
}

// SSSolution is an (s, S) pair with its exact expected cost per period ([SSProblem.Cost]).
type SSSolution struct {
	ReorderPoint int64   `json:"reorder_point"` // s
	OrderUpTo    int64   `json:"order_up_to"`   // S
	Cost         float64 `json:"cost"`          // g(s, S), model units per period
}

// ssEval evaluates (s, S) costs for one valid problem, growing the renewal function m as needed and
// counting work against MaxSearchSteps.
type ssEval struct {
	c     discreteCost
	pmf   []float64
	k     float64
	m, mc []float64 // m[j] and M[j] = Σ_{i<j} m[i]
	work  int
}

func (m SSProblem) check(op string) (*ssEval, error) {
	for _, f := range [...]struct {
		name string
		v    float64
	}{{"holding_cost", m.HoldingCost}, {"stockout_cost", m.StockoutCost}, {"order_cost", m.OrderCost}} {
		if err := checkPos(op, f.name, f.v); err != nil {
			return nil, err
		}
	}
	if len(m.DemandPMF) == 0 {
		return nil, fieldErr(op, "demand_pmf", nil, ErrEmptyHistory)
	}
	if len(m.DemandPMF) > MaxPMFLen {
		return nil, detailErr(op, "demand_pmf", len(m.DemandPMF), ErrTooLarge, "at most 16384 values")
	}
	var sum, mean float64
	for i, f := range m.DemandPMF {
		if !isFinite(f) {
			return nil, fieldErr(op, indexed("demand_pmf", i), f, ErrNotFinite)
		}
		if f < 0 || f > 1 {
			return nil, detailErr(op, indexed("demand_pmf", i), f, ErrPolicy, "a probability is between 0 and 1")
		}
		sum += f
		mean += float64(i) * f
	}
	if math.Abs(sum-1) > 1e-9 {
		return nil, detailErr(op, "demand_pmf", sum, ErrPolicy, "the probabilities must sum to 1")
	}
	if !(m.DemandPMF[0] < 1-1e-12) {
		return nil, detailErr(op, "demand_pmf[0]", m.DemandPMF[0], ErrNoDemand, "demand is 0 in every period")
	}
	e := &ssEval{c: newDiscreteCost(m.HoldingCost, m.StockoutCost, mean, 0, m.DemandPMF), pmf: m.DemandPMF, k: m.OrderCost}
	e.m = append(make([]float64, 0, 64), 1/(1-m.DemandPMF[0]))
	e.mc = append(make([]float64, 0, 65), 0, e.m[0])
	return e, nil
}

// grow extends m to n values: m(j) = m(0)·Σ_{l=1}^{j} f(l)·m(j - l) (Snyder & Shen eqs. 4.71-4.75).
func (e *ssEval) grow(n int) bool {
	for j := len(e.m); j < n; j++ {
		var s float64
		for l := 1; l <= min(j, len(e.pmf)-1); l++ {
			s += e.pmf[l] * e.m[j-l]
		}
		e.work += min(j, len(e.pmf)-1) + 1
		if e.work > MaxSearchSteps {
			return false
		}
		e.m = append(e.m, e.m[0]*s)
		e.mc = append(e.mc, e.mc[j]+e.m[j])
	}
	return true
}

// cost returns g(s, S) = (K + Σ_{d=0}^{S-s-1} m(d)·G(S - d)) / M(S - s) for s < S, or false when
// the work budget is spent.
func (e *ssEval) cost(s, S int64) (float64, bool) {
	n := int(S - s)
	if !e.grow(n) {
		return 0, false
	}
	e.work += n
	if e.work > MaxSearchSteps {
		return 0, false
	}
	c := e.k
	for d := range n {
		c += e.m[d] * e.c.at(S-int64(d))
	}
	return c / e.mc[n], true
}

// Cost returns the exact expected cost per period of the policy (s, S), s < S,
//
//	g(s, S) = (K + Σ_{d=0}^{S-s-1} m(d)·G(S - d)) / M(S - s),
//
// where G is the one-period newsvendor cost and m, M the renewal functions of demand (Zheng &
// Federgruen 1991, "Finding optimal (s, S) policies is about as simple as evaluating a single policy",
// Operations Research 39(4); Snyder & Shen eq. 4.70, as stockpyl's ss.s_s_cost_discrete). Known
// answer (ExampleSSProblem_Optimal): h = 1, p = 4, K = 5, Poisson demand with mean 6, s = 4, S = 10
// costs 8.034111561 (Snyder & Shen Example 4.7). The work is O((S - s)·min(S - s, len(DemandPMF))). It returns an error
// for an invalid problem, s ≥ S, s or S beyond ±[MaxQty], or work beyond [MaxSearchSteps] (wrapping
// [ErrTooLarge]).
func (m SSProblem) Cost(s, S int64) (float64, error) {
	const op = "ss cost"
	e, err := m.check(op)
	if err != nil {
		return 0, err
	}
	for _, f := range [...]struct {
		name string
		v    int64
	}{{"reorder_point", s}, {"order_up_to", S}} {
		if f.v > MaxQty || f.v < -MaxQty {
			return 0, detailErr(op, f.name, f.v, ErrTooLarge, "between -1e15 and 1e15 units")
		}
	}
	if s >= S {
		return 0, detailErr(op, "order_up_to", S, ErrPolicy, "must exceed reorder_point")
	}
	c, ok := e.cost(s, S)
	if !ok {
		return 0, detailErr(op, "order_up_to", S, ErrTooLarge, "beyond 16777216 steps of work")
	}
	if err := checkResult(op, "cost", c); err != nil {
		return 0, err
	}
	return c, nil
}

// Optimal returns the optimal (s, S) by the algorithm of Zheng & Federgruen (1991) (Snyder & Shen
// Algorithm 4.2, as stockpyl's ss.s_s_discrete_exact): from S = y* (the newsvendor level), find s by
// lowering it until g(s, S) ≤ G(s); then raise S while G(S) ≤ the best cost, and after each
// improvement raise s while g(s, S) ≤ G(s + 1). Known answer (ExampleSSProblem_Optimal): Example 4.7
// (see [SSProblem.Cost]) gives s = 4, S = 10 at 8.034111561. It returns an error for an invalid problem or work beyond
// [MaxSearchSteps] (wrapping [ErrTooLarge]).
func (m SSProblem) Optimal() (SSSolution, error) {
	const op = "ss optimal"
	e, err := m.check(op)
	if err != nil {
		return SSSolution{}, err
	}
	tooLarge := detailErr(op, "demand_pmf", len(m.DemandPMF), ErrTooLarge, "beyond 16777216 steps of work")
	ystar := e.c.argmin(m.DemandPMF)
	S0, s := ystar, ystar
	for {
		s--
		c, ok := e.cost(s, S0)
		if !ok {
			return SSSolution{}, tooLarge
		}
		if c <= e.c.at(s) {
			break
		}
	}
	best := SSSolution{ReorderPoint: s, OrderUpTo: S0}
	best.Cost, _ = e.cost(s, S0) // already computed once: within the budget
	for S := S0 + 1; e.c.at(S) <= best.Cost; S++ {
		c, ok := e.cost(s, S)
		if !ok {
			return SSSolution{}, tooLarge
		}
		if c < best.Cost {
			best.OrderUpTo = S
			for {
				c2, ok := e.cost(s, S)
				if !ok {
					return SSSolution{}, tooLarge
				}
				if c2 > e.c.at(s+1) {
					break
				}
				s++
			}
			best.ReorderPoint = s
			best.Cost, _ = e.cost(s, S)
		}
	}
	if err := checkResult(op, "cost", best.Cost); err != nil {
		return SSSolution{}, err
	}
	return best, nil
}

// SSPowerApproximation returns the revised power approximation of the optimal (s, S) for normal demand
// (Ehrhardt & Mosier 1984, "A revision of the power approximation for computing (s, S) policies",
// Management Science 30(5); Snyder & Shen eqs. 4.77-4.80, as stockpyl's ss.s_s_power_approximation):
//
//	Q = 1.30·μ^0.494·(K/h)^0.506·(1 + σ_L²/μ²)^0.116,   z = √(Q·h/(σ_L·p)),
//	s = 0.973·μ_L + σ_L·(0.183/z + 1.063 - 2.192·z),     S = s + Q,
//
// with μ and σ the mean and deviation of demand per period and μ_L = (L + 1)·μ, σ_L = √(L + 1)·σ over
// the lead time of L periods plus the review period. Ehrhardt & Mosier's adjustment for Q/μ ≤ 1.5
// (capping at the newsvendor level) is not applied, as in the source. Known answer
// (ExampleSSPowerApproximation): h = 0.18, p = 0.70, K = 2.5, μ = 50, σ = 8, L = 0 gives s =
// 40.19461696, S = 74.29017011 (stockpyl's example). It returns an error unless h, p, K, μ and σ are positive and finite and L ≥ 0 (μ, σ and L
// at most [MaxQty]), or when s or S is beyond the float64 range.
func SSPowerApproximation(holdingCost, stockoutCost, orderCost, mean, sd, leadPeriods float64) (s, S float64, err error) {
	const op = "ss power approximation"
	for _, f := range [...]struct {
		name string
		v    float64
	}{{"holding_cost", holdingCost}, {"stockout_cost", stockoutCost}, {"order_cost", orderCost}, {"mean", mean}, {"sd", sd}} {
		if err := checkPos(op, f.name, f.v); err != nil {
			return 0, 0, err
		}
	}
	for _, f := range [...]struct {
		name string
		v    float64
	}{{"mean", mean}, {"sd", sd}, {"lead_periods", leadPeriods}} {
		if err := checkQty(op, f.name, f.v); err != nil {
			return 0, 0, err
		}
	}
	muL, sdL := (leadPeriods+1)*mean, math.Sqrt(leadPeriods+1)*sd
	cv := sdL / mean
	q := 1.30 * math.Pow(mean, 0.494) * math.Pow(orderCost/holdingCost, 0.506) * math.Pow(1+cv*cv, 0.116)
	z := math.Sqrt(q / sdL * (holdingCost / stockoutCost))
	s = 0.973*muL + sdL*(0.183/z+1.063-2.192*z)
	S = s + q
	if err := checkResult(op, "reorder_point", s); err != nil {
		return 0, 0, err
	}
	if err := checkResult(op, "order_up_to", S); err != nil {
		return 0, 0, err
	}
	return s, S, nil
}
