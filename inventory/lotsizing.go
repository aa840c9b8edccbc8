package inventory

import (
	"math"
)

// MaxLotPeriods is the longest demand plan [WagnerWhitin] and [SilverMeal] accept: their work is
// quadratic in the number of periods (at most 12.5 million steps).
const MaxLotPeriods = 5000

// LotPlan is a dynamic lot-sizing plan: how much to order at the start of each period
// so that every period's demand is met from stock, and what the plan costs.
type LotPlan struct {
	Orders  []float64 `json:"orders"`  // quantity ordered at the start of each period, 0 when none
	Setups  int64     `json:"setups"`  // number of orders placed
	Holding float64   `json:"holding"` // Σ h·(stock left at the end of each period), model units
	Cost    float64   `json:"cost"`    // Setups·K + Holding, model units
}

// checkLot validates a lot-sizing input.
func checkLot(op string, demand []float64, orderCost, holdingCost float64) error {
	if len(demand) == 0 {
		return fieldErr(op, "demand", nil, ErrEmptyHistory)
	}
	if len(demand) > MaxLotPeriods {
		return detailErr(op, "demand", len(demand), ErrTooLarge, "at most 5000 periods")
	}
	for i, d := range demand { // the field name is built only for a bad value
		if !(d >= 0 && d <= MaxQty) {
			return checkQty(op, indexed("demand", i), d)
		}
	}
	if err := checkNonNeg(op, "order_cost", orderCost); err != nil {
		return err
	}
	return checkNonNeg(op, "holding_cost", holdingCost)
}

// lotPlan builds the LotPlan whose order at period i covers [i, next[i]), starting from period 0,
// and checks it.
func lotPlan(op string, demand []float64, orderCost, holdingCost float64, next []int) (LotPlan, error) {
	p := LotPlan{Orders: make([]float64, len(demand))}
	for i := 0; i < len(demand); {
		j := next[i] // the order at i covers [i, j)
		var q, hold float64
		for k := i; k < j; k++ {
			q += demand[k]
			hold += float64(k-i) * demand[k]
		}
		if q > 0 {
			p.Orders[i] = q
			p.Setups++
			p.Holding += holdingCost * hold
		}
		i = j
	}
	p.Cost = float64(p.Setups)*orderCost + p.Holding
	for i, q := range p.Orders {
		if q > MaxQty {
			return LotPlan{}, detailErr(op, indexed("orders", i), q, ErrTooLarge, maxQtyDetail)
		}
	}
	if err := checkResult(op, "cost", p.Cost); err != nil {
		return LotPlan{}, err
	}
	return p, nil
}

// WagnerWhitin returns the cheapest lot-sizing plan for known, time-varying demand per period, by
// the dynamic programme of Wagner & Whitin (1958, "Dynamic version of the economic lot size model",
// Management Science 5(1); Snyder & Shen, "Fundamentals of Supply Chain Theory", 2nd ed., §3.7, as
// stockpyl's wagner_whitin): an order arrives only when stock runs out, so with F(0) = 0,
//
//	F(j) = min_{1≤i≤j} F(i - 1) + c(i, j),   c(i, j) = K + h·Σ_{k=i}^{j} (k - i)·d_k  (0 if d_i..d_j are all 0),
//
// where K is the cost per order and h the holding cost per unit left at the end of a period. Ties go
// to the later order (less stock held). Known answer (ExampleWagnerWhitin): K = 500, h = 2, demand 90, 120, 80, 70 gives
// orders 210, 0, 150, 0 at a cost of 1380 (Snyder & Shen Example 3.9). The work is O(T²) for T
// periods. It returns an error for no demand or more than [MaxLotPeriods] periods, a demand that is
// negative, NaN, infinite or above [MaxQty], a negative, NaN or infinite K or h, or a cost beyond the
// float64 range.
func WagnerWhitin(demand []float64, orderCost, holdingCost float64) (LotPlan, error) {
	const op = "wagner whitin"
	if err := checkLot(op, demand, orderCost, holdingCost); err != nil {
		return LotPlan{}, err
	}
	n := len(demand)
	f := make([]float64, n+1) // f[j] = cheapest cost of periods [0, j)
	from := make([]int, n+1)  // from[j] = the start of the last order in that plan
	for j := 1; j <= n; j++ { // cover [i, j) with one order at i
		var hold, after float64 // Σ (k - i)·d_k over [i, j), and Σ d_k over (i, j) before adding d_i
		f[j] = math.Inf(1)
		for i := j - 1; i >= 0; i-- {
			hold += after      // moving the order one period earlier holds everything after it one period more
			after += demand[i] // now Σ d_k over [i, j)
			c := f[i] + holdingCost*hold
			if after > 0 {
				c += orderCost
			}
			if c < f[j] {
				f[j], from[j] = c, i
			}
		}
	}
	next := make([]int, n) // next[i] = the end of the order starting at i
	for j := n; j > 0; j = from[j] {
		next[from[j]] = j
	}
	return lotPlan(op, demand, orderCost, holdingCost, next)
}

// SilverMeal returns the lot-sizing plan of the Silver-Meal heuristic (Silver & Meal 1973, "A
// heuristic for selecting lot size quantities for the case of a deterministic time-varying demand
// rate and discrete opportunities for replenishment", Production and Inventory Management 14(2);
// Silver, Pyke & Thomas, "Inventory and Production Management in Supply Chains", 4th ed., §6.6.2):
// an order at period t covers the next T periods, T growing while the cost per period covered,
//
//	(K + h·Σ_{k=1}^{T-1} k·d_{t+k}) / T,
//
// does not rise; the next order is at the first uncovered period with demand. Known answer
// (ExampleWagnerWhitin): K = 500,
// h = 2, demand 90, 120, 80, 70 gives averages 500, 370, 353.3, 370, so orders 290, 0, 0, 70 at a
// cost of 1560, above the optimum 1380 of [WagnerWhitin] (hand arithmetic). The errors, limits and
// work are those of WagnerWhitin.
func SilverMeal(demand []float64, orderCost, holdingCost float64) (LotPlan, error) {
	const op = "silver meal"
	if err := checkLot(op, demand, orderCost, holdingCost); err != nil {
		return LotPlan{}, err
	}
	n := len(demand)
	next := make([]int, n)
	for t := 0; t < n; {
		if demand[t] == 0 { // nothing to order: the period is its own empty lot
			next[t] = t + 1
			t++
			continue
		}
		cost, avg, end := orderCost, orderCost, t+1
		for end < n {
			c := cost + holdingCost*float64(end-t)*demand[end]
			a := c / float64(end-t+1)
			if a > avg {
				break
			}
			cost, avg, end = c, a, end+1
		}
		next[t] = end
		t = end
	}
	return lotPlan(op, demand, orderCost, holdingCost, next)
}

// PowerOfTwo is a reorder interval rounded to a power-of-two multiple of a base period
// ([PowerOfTwoInterval]).
type PowerOfTwo struct {
	Multiple        int64   `json:"multiple"`         // 2ᵏ, k ≥ 0
	Interval        float64 `json:"interval"`         // Multiple·base, in the time unit of the rates
	OptimalInterval float64 `json:"optimal_interval"` // T* = √(2K/(h·D)) = EOQ/D
	CostRatio       float64 `json:"cost_ratio"`       // c(T)/c(T*) = (T/T* + T*/T)/2, at most 1.0607 when T* ≥ base/√2
}

// PowerOfTwoInterval rounds the EOQ reorder interval T* = √(2K/(h·D)) to T = 2ᵏ·B, a power-of-two
// multiple of the base period B, with k ≥ 0 chosen to minimise the cost c(T) = K/T + h·D·T/2 (Roundy
// 1985, "98%-effective integer-ratio lot-sizing for one-warehouse multi-retailer systems",
// Management Science 31(11); Muckstadt & Roundy 1993). Such intervals nest, so items ordered every 1,
// 2, 4, ... base periods can share deliveries; the cost is then within 6.07 % of the EOQ's
// (c(T)/c(T*) = (T/T* + T*/T)/2 ≤ (√2 + 1/√2)/2), except when T* < B/√2, where k = 0 is forced.
// Rates and B are in one time unit (D per year, h per unit per year, B = 1/52 for a week).
// Known answer: D = 1000, K = 10, h = 0.5 (T* = 0.2 years = 10.4 weeks) with B = 1/52 gives 8 weeks
// at a cost ratio of (8/10.4 + 10.4/8)/2 = 1.034615385 (hand arithmetic; ExamplePowerOfTwoInterval).
//
// It returns an error unless D, K, h and B are positive and finite, or when 2ᵏ would exceed 2⁶²
// (wrapping [ErrTooLarge]).
func PowerOfTwoInterval(demandRate, orderCost, holdingCost, base float64) (PowerOfTwo, error) {
	const op = "power of two interval"
	for _, f := range [...]struct {
		name string
		v    float64
	}{{"demand_rate", demandRate}, {"order_cost", orderCost}, {"holding_cost", holdingCost}, {"base", base}} {
		if err := checkPos(op, f.name, f.v); err != nil {
			return PowerOfTwo{}, err
		}
	}
	tstar := eoq(demandRate, orderCost, holdingCost) / demandRate
	if !isFinite(tstar) || !(tstar > 0) {
		return PowerOfTwo{}, detailErr(op, "order_cost", orderCost, ErrTooLarge, "T* is beyond the float64 range")
	}
	ratio := func(m float64) float64 { x := m * base / tstar; return (x + 1/x) / 2 }
	// The cost is unimodal in k: step up while doubling does not cost more.
	k := 0
	for ; ratio(math.Ldexp(1, k+1)) < ratio(math.Ldexp(1, k)); k++ {
		if k+1 > 62 {
			return PowerOfTwo{}, detailErr(op, "base", base, ErrTooLarge, "the multiple would exceed 2^62")
		}
	}
	m := math.Ldexp(1, k)
	r := ratio(m)
	if err := checkResult(op, "cost_ratio", r); err != nil {
		return PowerOfTwo{}, err
	}
	return PowerOfTwo{Multiple: int64(1) << k, Interval: m * base, OptimalInterval: tstar, CostRatio: r}, nil
}
