package inventory

import (
	"math"
	"testing"
)

// Snyder & Shen Examples 5.1-5.6 (stockpyl's rq doctests): h = 0.225, p = 7.5, K = 8, λ = 1300,
// τ = 150, L = 1/12.
func example51() RQProblem {
	return RQProblem{HoldingCost: 0.225, StockoutCost: 7.5, OrderCost: 8, DemandRate: 1300,
		LeadMean: 1300.0 / 12, LeadSD: 150 * math.Sqrt(1.0/12)}
}

func TestRQNormalStockpyl(t *testing.T) {
	m := example51()
	c, err := m.CostNormal(126.8, 328.5)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "g(126.8, 328.5)", c, 78.07116250928294, 1e-9) // stockpyl integrates with quad
	c, _ = m.CostNormal(100, 250)
	near(t, "g(100, 250)", c, 87.346478028174985, 1e-9)

	opt, err := m.OptimalNormal()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("optimal %+v", opt)
	// The book rounds the optimum to r = 126.8, Q = 328.5, whose cost is 78.0712; the exact optimum is
	// a little cheaper, and within 1e-9 of the loss-function approximation (which drops n²(r + Q),
	// about 1e-20 here).
	near(t, "r*", opt.ReorderPoint, 126.8, 0.1/126.8)
	near(t, "Q*", opt.OrderQty, 328.5, 0.1/328.5)
	if !(opt.Cost < 78.07116250928294 && opt.Cost > 78.0711) {
		t.Errorf("optimal cost %v, want just below the book's 78.0712", opt.Cost)
	}
	near(t, "r* (LF)", opt.ReorderPoint, 126.8670634479628, 1e-8)
	near(t, "Q* (LF)", opt.OrderQty, 328.4491421980451, 1e-8)
	// Optimality: G(r*) = G(r* + Q*) = g(r*, Q*).
	near(t, "G(r*)", m.g(opt.ReorderPoint), opt.Cost, 1e-9)
	near(t, "G(r*+Q*)", m.g(opt.ReorderPoint+opt.OrderQty), opt.Cost, 1e-9)

	eil, err := m.EIL()
	if err != nil {
		t.Fatal(err)
	}
	near(t, "EIL r", eil.ReorderPoint, 213.97044213580244, 1e-8)
	near(t, "EIL Q", eil.OrderQty, 318.5901810768729, 1e-8)

	b, err := m.EOQB()
	if err != nil {
		t.Fatal(err)
	}
	near(t, "EOQB r", b.ReorderPoint, 128.63781442427097, 1e-8)
	near(t, "EOQB Q", b.OrderQty, 308.5737801203754, 1e-14)

	s, err := m.EOQSS()
	if err != nil {
		t.Fatal(err)
	}
	near(t, "EOQSS r", s.ReorderPoint, 190.3369965715624, 1e-13)
	near(t, "EOQSS Q", s.OrderQty, 304.0467800264368, 1e-14)

	lf, err := m.LossFunction()
	if err != nil {
		t.Fatal(err)
	}
	near(t, "LF r", lf.ReorderPoint, 126.8670634479628, 1e-8)
	near(t, "LF Q", lf.OrderQty, 328.4491421980451, 1e-8)
	for _, a := range []RQSolution{eil, b, s, lf} {
		if a.Cost < opt.Cost {
			t.Errorf("approximation %+v beats the optimum %v", a, opt.Cost)
		}
	}
	// stockpyl test_rq: r(Q) for Q = 318, 150, 750.
	near(t, "r(318)", m.reorderFor(318), 127.7880348669655, 1e-8)
	near(t, "r(150)", m.reorderFor(150), 147.1949581740714, 1e-8)
	near(t, "r(750)", m.reorderFor(750), 99.85377339616528, 1e-8)
}

// With σ = 0 the problem is the deterministic EOQ with backorders.
func TestRQNormalDeterministic(t *testing.T) {
	m := RQProblem{HoldingCost: 0.225, StockoutCost: 5, OrderCost: 8, DemandRate: 1300, LeadMean: 100}
	opt, err := m.OptimalNormal()
	if err != nil {
		t.Fatal(err)
	}
	eb, _ := EOQWithBackorders(1300, 8, 0.225, 5)
	near(t, "Q*", opt.OrderQty, eb.Qty, 1e-9)
	near(t, "g*", opt.Cost, eb.Cost, 1e-9)
	// Backorders peak at x·Q below the lead-time demand: r = μ - x·Q.
	near(t, "r*", opt.ReorderPoint, 100-eb.StockoutFraction*eb.Qty, 1e-9)
	lf, _ := m.LossFunction()
	near(t, "LF Q", lf.OrderQty, eb.Qty, 1e-6)
	near(t, "LF r", lf.ReorderPoint, 100-eb.StockoutFraction*eb.Qty, 1e-6) // n(r) = μ - r = h·Q/(h + p)
	eil, _ := m.EIL()
	near(t, "EIL r", eil.ReorderPoint, 100, 1e-15)
}

func TestRQErrors(t *testing.T) {
	good := example51()
	for name, c := range map[string]struct {
		m    RQProblem
		want error
	}{
		"h":       {RQProblem{StockoutCost: 1, OrderCost: 1, DemandRate: 1}, ErrNotPositive},
		"p":       {RQProblem{HoldingCost: 1, OrderCost: 1, DemandRate: 1}, ErrNotPositive},
		"K":       {RQProblem{HoldingCost: 1, StockoutCost: 1, DemandRate: 1}, ErrNotPositive},
		"λ":       {RQProblem{HoldingCost: 1, StockoutCost: 1, OrderCost: 1}, ErrNotPositive},
		"μ":       {RQProblem{HoldingCost: 1, StockoutCost: 1, OrderCost: 1, DemandRate: 1, LeadMean: -1}, ErrNegative},
		"σ":       {RQProblem{HoldingCost: 1, StockoutCost: 1, OrderCost: 1, DemandRate: 1, LeadSD: math.NaN()}, ErrNotFinite},
		"σ big":   {RQProblem{HoldingCost: 1, StockoutCost: 1, OrderCost: 1, DemandRate: 1, LeadSD: 2e15}, ErrTooLarge},
		"Kλ":      {RQProblem{HoldingCost: 1, StockoutCost: 1, OrderCost: 1e300, DemandRate: 1e300}, ErrTooLarge},
		"huge EQ": {RQProblem{HoldingCost: 1e-300, StockoutCost: 1e-300, OrderCost: 1e300, DemandRate: 1}, ErrTooLarge},
	} {
		for i, f := range []func() (RQSolution, error){c.m.OptimalNormal, c.m.EIL, c.m.EOQB, c.m.EOQSS, c.m.LossFunction} {
			_, err := f()
			if name == "huge EQ" && i == 1 {
				wantErr(t, name, err, ErrServiceLevel) // Q·h ≥ p·λ at the first step
				continue
			}
			wantErr(t, name, err, c.want)
		}
		if name == "huge EQ" {
			continue
		}
		wantErr(t, name+" cost", errOnly(c.m.CostNormal(1, 1)), c.want)
	}
	wantErr(t, "r", errOnly(good.CostNormal(math.Inf(-1), 1)), ErrNotFinite)
	wantErr(t, "r big", errOnly(good.CostNormal(-2e15, 1)), ErrTooLarge)
	wantErr(t, "q", errOnly(good.CostNormal(1, 0)), ErrNotPositive)
	wantErr(t, "q big", errOnly(good.CostNormal(1, 2e15)), ErrTooLarge)
	// EIL: with p·λ ≤ Q·h the first equation has no solution.
	eil := RQProblem{HoldingCost: 10, StockoutCost: 0.001, OrderCost: 100, DemandRate: 1, LeadMean: 5, LeadSD: 1}
	wantErr(t, "eil", errOnly(eil.EIL()), ErrServiceLevel)
}

// Snyder & Shen Example 5.8 (stockpyl's rq_poisson doctests).
func TestRQPoissonStockpyl(t *testing.T) {
	m := RQProblem{HoldingCost: 20, StockoutCost: 150, OrderCost: 100, DemandRate: 1.5, LeadMean: 3}
	c, err := m.CostPoisson(3, 5)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "g(3, 5)", c, 107.92358063314975, 1e-13)
	opt, err := m.OptimalPoisson()
	if err != nil {
		t.Fatal(err)
	}
	if opt.ReorderPoint != 3 || opt.OrderQty != 5 {
		t.Errorf("optimum %+v, want r = 3, Q = 5", opt)
	}
	near(t, "g*", opt.Cost, 107.92358063314975, 1e-13)
	// Brute force: no (r, Q) in a box around it is cheaper, and CostPoisson agrees with a direct sum
	// of G from PoissonLosses.
	G := map[int64]float64{}
	for y := int64(-10); y <= 1000; y++ {
		l, _ := PoissonLosses(y, 3)
		G[y] = 20*l.FirstComplement + 150*l.First
	}
	for r := int64(-5); r <= 12; r++ {
		for q := int64(1); q <= 20; q++ {
			got, err := m.CostPoisson(r, q)
			if err != nil {
				t.Fatal(err)
			}
			want := m.OrderCost * m.DemandRate
			for y := r + 1; y <= r+q; y++ {
				want += G[y]
			}
			near(t, "g", got, want/float64(q), 1e-12)
			if got < opt.Cost-1e-12 {
				t.Errorf("g(%d, %d) = %v beats the optimum", r, q, got)
			}
		}
	}
	// Far outside the table G is linear: r = -1000, Q = 1 costs Kλ + p·(μ - (-999)).
	c, _ = m.CostPoisson(-1000, 1)
	near(t, "far below", c, 150+150*(3+999), 1e-14)
	c, _ = m.CostPoisson(1000, 1)
	near(t, "far above", c, 150+20*(1001-3), 1e-14)
	// A Q spanning the whole table: Σ over [-10, 1000].
	c, _ = m.CostPoisson(-11, 1011)
	var want float64 = 150
	for y := int64(-10); y <= 1000; y++ {
		want += G[y]
	}
	near(t, "wide", c, want/1011, 1e-12)

	wantErr(t, "q", errOnly(m.CostPoisson(1, 0)), ErrNotPositive)
	wantErr(t, "q big", errOnly(m.CostPoisson(1, MaxQty+1)), ErrTooLarge)
	wantErr(t, "r big", errOnly(m.CostPoisson(-MaxQty-1, 1)), ErrTooLarge)
	wantErr(t, "r big+", errOnly(m.CostPoisson(MaxQty+1, 1)), ErrTooLarge)
	big := m
	big.LeadMean = 2e6
	wantErr(t, "μ", errOnly(big.OptimalPoisson()), ErrTooLarge)
	wantErr(t, "μ cost", errOnly(big.CostPoisson(1, 1)), ErrTooLarge)
	steps := RQProblem{HoldingCost: 1e-10, StockoutCost: 1e-10, OrderCost: 1e10, DemandRate: 1e10, LeadMean: 3}
	wantErr(t, "steps", errOnly(steps.OptimalPoisson()), ErrTooLarge)
	wantErr(t, "invalid", errOnly(RQProblem{}.OptimalPoisson()), ErrNotPositive)
}
