package inventory

import (
	"math"
	"testing"
)

// Snyder & Shen Example 4.7 (stockpyl's ss doctests): h = 1, p = 4, K = 5, Poisson(6) demand.
func example47(t *testing.T) SSProblem {
	pmf, err := PoissonPMF(6)
	if err != nil {
		t.Fatal(err)
	}
	return SSProblem{HoldingCost: 1, StockoutCost: 4, OrderCost: 5, DemandPMF: pmf}
}

func TestSSStockpyl(t *testing.T) {
	m := example47(t)
	c, err := m.Cost(4, 10)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "g(4, 10)", c, 8.034111561471642, 1e-13)
	opt, err := m.Optimal()
	if err != nil {
		t.Fatal(err)
	}
	if opt.ReorderPoint != 4 || opt.OrderUpTo != 10 {
		t.Errorf("optimum %+v, want (4, 10)", opt)
	}
	near(t, "g*", opt.Cost, 8.034111561471642, 1e-13)
	// Brute force over a box: nothing is cheaper.
	for s := int64(-5); s < 20; s++ {
		for S := s + 1; S <= 30; S++ {
			c, err := m.Cost(s, S)
			if err != nil {
				t.Fatal(err)
			}
			if c < opt.Cost-1e-12 {
				t.Errorf("g(%d, %d) = %v beats %v", s, S, c, opt.Cost)
			}
		}
	}
	// Hand arithmetic: demand 1 or 2 with probability ½ each, h = 1, p = 4, K = 5. With s = 0, S = 2
	// each order follows 1 or 2 periods; m(0) = 1, m(1) = ½, M(2) = 1.5; G(2) = ½·1 = 0.5, G(1) =
	// ½·4 = 2; g = (5 + 1·0.5 + ½·2) / 1.5 = 6.5/1.5.
	two := SSProblem{HoldingCost: 1, StockoutCost: 4, OrderCost: 5, DemandPMF: []float64{0, 0.5, 0.5}}
	c, _ = two.Cost(0, 2)
	near(t, "two-point", c, 6.5/1.5, 1e-15)
}

func TestSSPowerApproximationStockpyl(t *testing.T) {
	s, S, err := SSPowerApproximation(0.18, 0.70, 2.5, 50, 8, 0)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "s", s, 40.19461695647407, 1e-14)
	near(t, "S", S, 74.29017010980579, 1e-14)
	// A lead time of 3 periods is the same as demand of 4 periods in μ_L and σ_L, but Q keeps μ per period.
	s3, S3, _ := SSPowerApproximation(0.18, 0.70, 2.5, 50, 8, 3)
	q := 1.30 * math.Pow(50, 0.494) * math.Pow(2.5/0.18, 0.506) * math.Pow(1+256/2500.0, 0.116)
	z := math.Sqrt(q / 16 * 0.18 / 0.70)
	near(t, "s(L=3)", s3, 0.973*200+16*(0.183/z+1.063-2.192*z), 1e-14)
	near(t, "S-s", S3-s3, q, 1e-13)
	for name, c := range map[string]struct {
		args [6]float64
		want error
	}{
		"h":  {[6]float64{0, 1, 1, 1, 1, 0}, ErrNotPositive},
		"p":  {[6]float64{1, -1, 1, 1, 1, 0}, ErrNotPositive},
		"K":  {[6]float64{1, 1, math.NaN(), 1, 1, 0}, ErrNotFinite},
		"μ":  {[6]float64{1, 1, 1, 0, 1, 0}, ErrNotPositive},
		"σ":  {[6]float64{1, 1, 1, 1, 0, 0}, ErrNotPositive},
		"μ+": {[6]float64{1, 1, 1, 2e15, 1, 0}, ErrTooLarge},
		"L":  {[6]float64{1, 1, 1, 1, 1, -1}, ErrNegative},
		"z":  {[6]float64{1, 1e300, 1e-300, 1, 1e15, 0}, ErrTooLarge},
	} {
		a := c.args
		_, _, err := SSPowerApproximation(a[0], a[1], a[2], a[3], a[4], a[5])
		wantErr(t, name, err, c.want)
	}
}

func TestSSErrors(t *testing.T) {
	m := example47(t)
	wantErr(t, "s = S", errOnly(m.Cost(4, 4)), ErrPolicy)
	wantErr(t, "s big", errOnly(m.Cost(-MaxQty-1, 4)), ErrTooLarge)
	wantErr(t, "S big", errOnly(m.Cost(1, MaxQty+1)), ErrTooLarge)
	wantErr(t, "spread", errOnly(m.Cost(-MaxSearchSteps, 1)), ErrTooLarge)
	wantErr(t, "work", errOnly(m.Cost(-1000000, 1)), ErrTooLarge)
	for name, c := range map[string]struct {
		m    SSProblem
		want error
	}{
		"h":     {SSProblem{StockoutCost: 1, OrderCost: 1, DemandPMF: []float64{0, 1}}, ErrNotPositive},
		"p":     {SSProblem{HoldingCost: 1, OrderCost: 1, DemandPMF: []float64{0, 1}}, ErrNotPositive},
		"K":     {SSProblem{HoldingCost: 1, StockoutCost: 1, DemandPMF: []float64{0, 1}}, ErrNotPositive},
		"empty": {SSProblem{HoldingCost: 1, StockoutCost: 1, OrderCost: 1}, ErrEmptyHistory},
		"long":  {SSProblem{HoldingCost: 1, StockoutCost: 1, OrderCost: 1, DemandPMF: make([]float64, MaxPMFLen+1)}, ErrTooLarge},
		"nan":   {SSProblem{HoldingCost: 1, StockoutCost: 1, OrderCost: 1, DemandPMF: []float64{0, math.NaN()}}, ErrNotFinite},
		"neg":   {SSProblem{HoldingCost: 1, StockoutCost: 1, OrderCost: 1, DemandPMF: []float64{1.5, -0.5}}, ErrPolicy},
		"sum":   {SSProblem{HoldingCost: 1, StockoutCost: 1, OrderCost: 1, DemandPMF: []float64{0.5, 0.4}}, ErrPolicy},
		"zero":  {SSProblem{HoldingCost: 1, StockoutCost: 1, OrderCost: 1, DemandPMF: []float64{1, 0}}, ErrNoDemand},
		"work":  {SSProblem{HoldingCost: 1e-9, StockoutCost: 1e-9, OrderCost: 1e9, DemandPMF: []float64{0.5, 0.5}}, ErrTooLarge},
	} {
		wantErr(t, name, errOnly(c.m.Optimal()), c.want)
		if name != "work" {
			wantErr(t, name+" cost", errOnly(c.m.Cost(0, 1)), c.want)
		}
	}
	wantErr(t, "pmf mean", errOnly(PoissonPMF(-1)), ErrNegative)
	wantErr(t, "pmf big", errOnly(PoissonPMF(20000)), ErrTooLarge)
	pmf, _ := PoissonPMF(0)
	if pmf[0] != 1 || len(pmf) != 21 {
		t.Errorf("PoissonPMF(0) = %v", pmf)
	}
}

// The newsvendor cost table outside its window is linear, and at agrees with sum there; argmin
// falls back to the last value when the probabilities sum to just below the critical ratio.
func TestDiscreteCostEdges(t *testing.T) {
	c := newDiscreteCost(2, 3, 1.5, 5, []float64{0.5, 0.5}) // D ∈ {5, 6}; mean given as 1.5 on purpose
	for _, y := range []int64{-7, 0, 4} {
		near(t, "below", c.at(y), 3*(1.5-float64(y)), 1e-15)
		near(t, "sum below", c.sum(y, y), c.at(y), 1e-15)
	}
	for _, y := range []int64{7, 100} {
		near(t, "above", c.at(y), 2*(float64(y)-1.5), 1e-15)
		near(t, "sum above", c.sum(y, y), c.at(y), 1e-15)
	}
	// Inside: G(5) = 3·E[(D - 5)⁺] = 3·0.5, G(6) = 2·E[(6 - D)⁺] = 2·0.5.
	near(t, "G(5)", c.at(5), 1.5, 1e-15)
	near(t, "G(6)", c.at(6), 1, 1e-15)
	near(t, "sum", c.sum(4, 7), c.at(4)+1.5+1+c.at(7), 1e-15)
	// Ranges that start or end exactly at the table's edges (lo = 5, hi = 6).
	for _, r := range [][2]int64{{5, 5}, {6, 6}, {4, 5}, {6, 7}, {5, 6}, {-3, 9}} {
		var want float64
		for y := r[0]; y <= r[1]; y++ {
			want += c.at(y)
		}
		near(t, "sum edge", c.sum(r[0], r[1]), want, 1e-15)
	}
	if y := c.argmin([]float64{0.5, 0.5}); y != 6 { // ratio 3/5: F(5) = 0.5 < 0.6
		t.Errorf("argmin %d, want 6", y)
	}
	// h = p: ratio ½ = F(5) exactly; G(5) = G(6) = ½ and the smaller level wins.
	even := newDiscreteCost(1, 1, 5.5, 5, []float64{0.5, 0.5})
	if y := even.argmin([]float64{0.5, 0.5}); y != 5 {
		t.Errorf("argmin on a tie %d, want 5", y)
	}
	short := newDiscreteCost(1e-30, 1, 0.5, 0, []float64{0.5, 0.4999999999})
	if y := short.argmin([]float64{0.5, 0.4999999999}); y != 1 {
		t.Errorf("argmin fallback %d, want 1", y)
	}
	m := SSProblem{HoldingCost: 1e-30, StockoutCost: 1, OrderCost: 1, DemandPMF: []float64{0.5, 0.4999999999}}
	// Holding is almost free, so S runs away: the work bound stops it.
	wantErr(t, "runaway", errOnly(m.Optimal()), ErrTooLarge)
}
