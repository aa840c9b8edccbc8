package inventory_test

import (
	"fmt"
	"math"

	"github.com/opskit/opskit/inventory"
)

// The known answers in the doc comments of these functions are these examples' output, so that they
// cannot drift (TestDocNumbersInExamples checks it).

// Snyder & Shen Example 3.8: K = 8, h = 0.225, p = 5, D = 1300.
func ExampleEOQWithBackorders() {
	r, _ := inventory.EOQWithBackorders(1300, 8, 0.225, 5)
	fmt.Printf("Q* = %.10g, x* = %.10g, g* = %.10g\n", r.Qty, r.StockoutFraction, r.Cost)
	// Output: Q* = 310.8125552, x* = 0.04306220096, g* = 66.92136355
}

func ExampleEOQWithBackordersCost() {
	g, _ := inventory.EOQWithBackordersCost(1300, 8, 0.225, 5, 300, 0.05)
	fmt.Printf("g(300, 0.05) = %.10g\n", g)
	// Output: g(300, 0.05) = 67.00104167
}

// stockpyl's economic_production_quantity example: K = 8, h = 0.225, D = 1300, P = 1700.
func ExampleEPQ() {
	q, _ := inventory.EPQ(1300, 8, 0.225, 1700)
	g, _ := inventory.EPQCost(1300, 8, 0.225, 1700, q)
	fmt.Printf("Q* = %.10g, g* = %.10g\n", q, g)
	// Output: Q* = 626.8084946, g* = 33.18397913
}

// stockpyl's incremental-discount example: K = 150, i = 0.25, D = 2400, prices 100 / 90 from 300 /
// 80 from 600.
func ExampleEOQWithIncrementalDiscounts() {
	breaks := []inventory.PriceBreak{{MinQty: 0, UnitPrice: 100}, {MinQty: 300, UnitPrice: 90}, {MinQty: 600, UnitPrice: 80}}
	plan, _ := inventory.EOQWithIncrementalDiscounts(2400, 150, 0.25, breaks)
	fmt.Printf("Q = %.10g in the region from %g, cost %.10g\n", plan.Best.Qty, plan.Best.Break.MinQty, plan.Best.Cost)
	c, _ := inventory.PriceBreakCost(2400, 150, 0.25, breaks, 600, true)
	fmt.Printf("TC(600) = %g\n", c)
	// Output:
	// Q = 1481.890684 in the region from 600, cost 222762.8137
	// TC(600) = 235725
}

func ExampleNormalLosses() {
	l, _ := inventory.NormalLosses(1.3)
	fmt.Printf("L = %.10g, L̄ = %.10g, L² = %.10g, L̄² = %.10g\n", l.First, l.FirstComplement, l.Second, l.SecondComplement)
	// Output: L = 0.04552796209, L̄ = 1.345527962, L² = 0.01880706694, L̄² = 1.326192933
}

func ExamplePoissonLosses() {
	l, _ := inventory.PoissonLosses(18, 15)
	fmt.Printf("n = %.10g, n̄ = %.10g, n² = %.10g, n̄² = %.10g\n", l.First, l.FirstComplement, l.Second, l.SecondComplement)
	// Output: n = 0.5176095283, n̄ = 3.517609528, n² = 0.8483403029, n̄² = 12.6516597
}

func ExampleServiceFromSafetyFactor() {
	s, _ := inventory.ServiceFromSafetyFactor(1.3, 100, 500)
	fmt.Printf("CSL %.10g, short %.10g a cycle, fill rate %.10g\n", s.CycleServiceLevel, s.ExpectedShortage, s.FillRate)
	// Output: CSL 0.9031995154, short 4.552796209 a cycle, fill rate 0.9908944076
}

// The safety factor of a fill-rate rule, and the service it buys.
func ExampleSafetyStock_SafetyFactor() {
	d, _ := inventory.NewDemand(10, 3, inventory.Day)
	lt, _ := inventory.NewLeadTime(4*inventory.Day, inventory.Day)
	e := inventory.Exposure{Demand: d, Lead: lt, OrderQty: 100}
	rule, _ := inventory.FillRateSafetyStock(0.98)
	k, _ := rule.SafetyFactor(e)
	s, _ := inventory.ServiceFromSafetyFactor(k, math.Sqrt(136), 100)
	fmt.Printf("k = %.4f, CSL %.4f, fill rate %.4f\n", k, s.CycleServiceLevel, s.FillRate)
	// Output: k = 0.5898, CSL 0.7223, fill rate 0.9800
}

// Snyder & Shen Example 5.1: h = 0.225, p = 7.5, K = 8, λ = 1300 a year, τ = 150, L = 1/12 year.
func exampleRQ() inventory.RQProblem {
	return inventory.RQProblem{HoldingCost: 0.225, StockoutCost: 7.5, OrderCost: 8, DemandRate: 1300,
		LeadMean: 1300.0 / 12, LeadSD: 150 * math.Sqrt(1.0/12)}
}

func ExampleRQProblem_CostNormal() {
	g, _ := exampleRQ().CostNormal(126.8, 328.5)
	fmt.Printf("g(126.8, 328.5) = %.10g\n", g)
	// Output: g(126.8, 328.5) = 78.07116251
}

func ExampleRQProblem_OptimalNormal() {
	m := exampleRQ()
	opt, _ := m.OptimalNormal()
	fmt.Printf("optimal:       r = %.4f, Q = %.4f, g = %.6f\n", opt.ReorderPoint, opt.OrderQty, opt.Cost)
	lf, _ := m.LossFunction()
	fmt.Printf("loss function: r = %.9g, Q = %.9g\n", lf.ReorderPoint, lf.OrderQty)
	eil, _ := m.EIL()
	fmt.Printf("EIL:           r = %.9g, Q = %.9g\n", eil.ReorderPoint, eil.OrderQty)
	b, _ := m.EOQB()
	fmt.Printf("EOQB:          r = %.9g, Q = %.9g\n", b.ReorderPoint, b.OrderQty)
	s, _ := m.EOQSS()
	fmt.Printf("EOQ+SS:        r = %.9g, Q = %.9g, g = %.4f\n", s.ReorderPoint, s.OrderQty, s.Cost)
	// Output:
	// optimal:       r = 126.8671, Q = 328.4491, g = 78.071146
	// loss function: r = 126.867063, Q = 328.449142
	// EIL:           r = 213.970442, Q = 318.590181
	// EOQB:          r = 128.637814, Q = 308.57378
	// EOQ+SS:        r = 190.336997, Q = 304.04678, g = 87.0484
}

// Snyder & Shen Example 5.8: h = 20, p = 150, K = 100, λ = 1.5, L = 2 (μ = 3).
func ExampleRQProblem_OptimalPoisson() {
	m := inventory.RQProblem{HoldingCost: 20, StockoutCost: 150, OrderCost: 100, DemandRate: 1.5, LeadMean: 3}
	opt, _ := m.OptimalPoisson()
	g, _ := m.CostPoisson(3, 5)
	fmt.Printf("r = %g, Q = %g, g = %.10g; g(3, 5) = %.10g\n", opt.ReorderPoint, opt.OrderQty, opt.Cost, g)
	// Output: r = 3, Q = 5, g = 107.9235806; g(3, 5) = 107.9235806
}

// Snyder & Shen Example 4.7: h = 1, p = 4, K = 5, Poisson demand with mean 6 a period.
func ExampleSSProblem_Optimal() {
	pmf, _ := inventory.PoissonPMF(6)
	m := inventory.SSProblem{HoldingCost: 1, StockoutCost: 4, OrderCost: 5, DemandPMF: pmf}
	opt, _ := m.Optimal()
	g, _ := m.Cost(4, 10)
	fmt.Printf("s = %d, S = %d, g = %.10g; g(4, 10) = %.10g\n", opt.ReorderPoint, opt.OrderUpTo, opt.Cost, g)
	// Output: s = 4, S = 10, g = 8.034111561; g(4, 10) = 8.034111561
}

func ExampleSSPowerApproximation() {
	s, S, _ := inventory.SSPowerApproximation(0.18, 0.70, 2.5, 50, 8, 0)
	fmt.Printf("s = %.10g, S = %.10g\n", s, S)
	// Output: s = 40.19461696, S = 74.29017011
}

// Snyder & Shen Example 3.9: K = 500, h = 2, demand 90, 120, 80, 70.
func ExampleWagnerWhitin() {
	demand := []float64{90, 120, 80, 70}
	ww, _ := inventory.WagnerWhitin(demand, 500, 2)
	sm, _ := inventory.SilverMeal(demand, 500, 2)
	fmt.Println("Wagner-Whitin:", ww.Orders, ww.Cost)
	fmt.Println("Silver-Meal:  ", sm.Orders, sm.Cost)
	// Output:
	// Wagner-Whitin: [210 0 150 0] 1380
	// Silver-Meal:   [290 0 0 70] 1560
}

func ExamplePowerOfTwoInterval() {
	p, _ := inventory.PowerOfTwoInterval(1000, 10, 0.5, 1.0/52) // a week as the base period
	fmt.Printf("T* = %.1f weeks, order every %d weeks, cost ratio %.10g\n", p.OptimalInterval*52, p.Multiple, p.CostRatio)
	// Output: T* = 10.4 weeks, order every 8 weeks, cost ratio 1.034615385
}

func ExampleNewSBJ() {
	f, _ := inventory.NewSBJ(0.1)
	v, _ := f.Forecast([]float64{0, 4, 0, 0, 6}, 1)
	fmt.Printf("%s: %.10g a period\n", f, v)
	// Output: SBJ(α=0.1): 1.894736842 a period
}

// Snyder & Shen Example 4.2: h = 0.18, p = 0.70, demand N(50, 8²).
func ExampleNewsvendor_Normal_snyderShen() {
	n, _ := inventory.NewNewsvendor(0.18, 0.70)
	r, _ := n.Normal(50, 8)
	fmt.Printf("Q* = %.10g, g = %.10g\n", r.Qty, r.ExpectedCost)
	// Output: Q* = 56.60395593, g = 1.997605193
}
