package inventory

import (
	"math"
	"testing"
)

// finiteOK fails when a nil error comes with a NaN or infinite result.
func finiteOK(t *testing.T, name string, err error, xs ...float64) {
	t.Helper()
	if err != nil {
		return
	}
	for _, x := range xs {
		if !isFinite(x) {
			t.Fatalf("%s: %v with a nil error", name, xs)
		}
	}
}

// FuzzEOQFamily: the optimum of each model costs no more than any other quantity (a bound), the
// cost function agrees with the optimiser, and backorders never shrink the EOQ (monotonicity).
func FuzzEOQFamily(f *testing.F) {
	f.Add(1300.0, 8.0, 0.225, 5.0, 1700.0, 250.0, 0.1)
	f.Add(1e300, 1e300, 1e-300, 1e-300, 1e301, 1.0, 0.5)
	f.Add(0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 0.0)
	f.Fuzz(func(t *testing.T, d, k, h, p, prod, q, x float64) {
		tol := func(v float64) float64 { return v * (1 + 1e-9) }
		eb, err := EOQWithBackorders(d, k, h, p)
		finiteOK(t, "EOQWithBackorders", err, eb.Qty, eb.StockoutFraction, eb.Cost)
		if err == nil && eb.Qty > 0 {
			g, err := EOQWithBackordersCost(d, k, h, p, eb.Qty, eb.StockoutFraction)
			finiteOK(t, "EOQWithBackordersCost", err, g)
			if err == nil && math.Abs(g-eb.Cost) > 1e-9*eb.Cost {
				t.Fatalf("g(Q*, x*) = %v, optimiser says %v", g, eb.Cost)
			}
			if gq, err := EOQWithBackordersCost(d, k, h, p, q, x); err == nil && gq < eb.Cost/(1+1e-9) {
				t.Fatalf("g(%v, %v) = %v beats the optimum %v", q, x, gq, eb.Cost)
			}
			if e, err := EOQ(d, k, h); err == nil && tol(eb.Qty) < e {
				t.Fatalf("EOQB %v below EOQ %v", eb.Qty, e)
			}
		}
		qe, err := EPQ(d, k, h, prod)
		finiteOK(t, "EPQ", err, qe)
		if err == nil && qe > 0 {
			best, err := EPQCost(d, k, h, prod, qe)
			finiteOK(t, "EPQCost", err, best)
			if g, err2 := EPQCost(d, k, h, prod, q); err == nil && err2 == nil && g < best/(1+1e-9) {
				t.Fatalf("EPQ cost at %v = %v beats Q* %v at %v", q, g, qe, best)
			}
			if e, err := EOQ(d, k, h); err == nil && tol(qe) < e {
				t.Fatalf("EPQ %v below EOQ %v", qe, e)
			}
		}
	})
}

// FuzzIncrementalDiscounts: the chosen quantity costs no more than any quantity on a grid, priced by
// PriceBreakCost (a brute force over Q), and each offer's cost is PriceBreakCost at its quantity.
func FuzzIncrementalDiscounts(f *testing.F) {
	f.Add([]byte{100, 90, 80}, []byte{0, 30, 60}, 2400.0, 150.0, 0.25)
	f.Add([]byte{5, 9}, []byte{0, 1}, 10.0, 1.0, 1.0)
	f.Fuzz(func(t *testing.T, prices, mins []byte, d, k, i float64) {
		n := min(len(prices), len(mins), 6)
		if n == 0 || !(d > 0 && d < 1e6) || !(k >= 0 && k < 1e6) || !(i > 1e-3 && i < 10) {
			return
		}
		breaks := make([]PriceBreak, n)
		for j := range n {
			breaks[j] = PriceBreak{MinQty: float64(mins[j]) * 10, UnitPrice: 1 + float64(prices[j])}
		}
		breaks[0].MinQty = 0
		for _, incremental := range []bool{true, false} {
			var plan PriceBreakPlan
			var err error
			if incremental {
				plan, err = EOQWithIncrementalDiscounts(d, k, i, breaks)
			} else {
				plan, err = EOQWithPriceBreaks(d, k, i, breaks)
			}
			if err != nil {
				return // a repeated MinQty
			}
			if incremental {
				for _, o := range plan.Offers {
					c, err := PriceBreakCost(d, k, i, breaks, o.Qty, true)
					if err != nil || math.Abs(c-o.Cost) > 1e-9*c {
						t.Fatalf("offer %+v: PriceBreakCost %v, %v", o, c, err)
					}
				}
			}
			for q := 1.0; q < 5000; q *= 1.07 {
				c, err := PriceBreakCost(d, k, i, breaks, q, incremental)
				if err != nil {
					t.Fatal(err)
				}
				if c < plan.Best.Cost*(1-1e-9) {
					t.Fatalf("incremental=%v: TC(%v) = %v beats the plan %+v", incremental, q, c, plan.Best)
				}
			}
		}
	})
}

// FuzzLosses: Poisson losses equal a brute-force sum over the distribution for small means; the
// complement identities n̄ - n = x - μ hold; the normal second-order loss is non-negative and
// non-increasing.
func FuzzLosses(f *testing.F) {
	f.Add(int64(18), 15.0, 1.3)
	f.Add(int64(-3), 0.0, -40.0)
	f.Add(int64(1<<50), 1e6, 1e100)
	f.Fuzz(func(t *testing.T, x int64, mean, z float64) {
		if l, err := PoissonLosses(x, mean); err == nil {
			finiteOK(t, "PoissonLosses", nil, l.First, l.FirstComplement, l.Second, l.SecondComplement)
			if d := l.FirstComplement - l.First - (float64(x) - mean); math.Abs(d) > 1e-9*(1+math.Abs(float64(x))+mean) {
				t.Fatalf("n̄ - n - (x - μ) = %v at x = %d, μ = %v", d, x, mean)
			}
			if mean <= 30 && x >= -5 && x <= 100 {
				var n, n2 float64
				for dd := int64(0); dd < 300; dd++ {
					p := poissonPMF(float64(dd), mean)
					a := float64(dd - x)
					n += max(a, 0) * p
					n2 += 0.5 * max(a, 0) * max(a-1, 0) * p
				}
				if math.Abs(n-l.First) > 1e-9*(1+n) || math.Abs(n2-l.Second) > 1e-9*(1+n2) {
					t.Fatalf("x = %d, μ = %v: %+v, brute force n = %v, n² = %v", x, mean, l, n, n2)
				}
			}
		}
		if l, err := NormalLosses(z); err == nil {
			finiteOK(t, "NormalLosses", nil, l.First, l.FirstComplement, l.Second, l.SecondComplement)
			if l.Second < 0 || l.SecondComplement < 0 {
				t.Fatalf("negative second-order loss at %v: %+v", z, l)
			}
			if math.Abs(z) < 1e6 {
				next, _ := NormalLosses(z + 0.5)
				if next.Second > l.Second || next.First > l.First {
					t.Fatalf("losses rise from %v to %v: %+v, %+v", z, z+0.5, l, next)
				}
			}
		}
	})
}

// FuzzRQ: the exact optimum costs no more than any approximation or a nearby point (normal), and no
// more than any (r, Q) in a box around it (Poisson, a brute force).
func FuzzRQ(f *testing.F) {
	f.Add(0.225, 7.5, 8.0, 1300.0, 108.3, 43.3)
	f.Add(20.0, 150.0, 100.0, 1.5, 3.0, 0.0)
	f.Add(1.0, 1e6, 1e-3, 1e3, 0.0, 1e-9)
	f.Fuzz(func(t *testing.T, h, p, k, lam, mu, sd float64) {
		m := RQProblem{h, p, k, lam, mu, sd}
		// Any input, extremes included: a result or an error, never NaN or ±Inf with a nil error.
		for _, f := range []func() (RQSolution, error){m.OptimalNormal, m.EIL, m.EOQB, m.EOQSS, m.LossFunction} {
			a, err := f()
			finiteOK(t, "rq", err, a.ReorderPoint, a.OrderQty, a.Cost)
		}
		if c, err := m.CostNormal(mu, k); err == nil {
			finiteOK(t, "CostNormal", nil, c)
		}
		if c, err := m.CostPoisson(int64(mu), 1+int64(lam)%1000); err == nil {
			finiteOK(t, "CostPoisson", nil, c)
		}
		if m.check("x", false) != nil || h < 1e-6 || p < 1e-6 || k < 1e-6 || lam < 1e-6 || h > 1e6 || p > 1e6 || k > 1e6 || lam > 1e6 || mu > 1e6 || sd > 1e5 {
			return
		}
		opt, err := m.OptimalNormal()
		if err != nil {
			t.Fatalf("%+v: %v", m, err)
		}
		finiteOK(t, "OptimalNormal", nil, opt.ReorderPoint, opt.OrderQty, opt.Cost)
		bound := opt.Cost * (1 - 1e-9)
		for _, f := range []func() (RQSolution, error){m.EIL, m.EOQB, m.EOQSS, m.LossFunction} {
			a, err := f()
			finiteOK(t, "approximation", err, a.ReorderPoint, a.OrderQty, a.Cost)
			if err == nil && a.Cost < bound {
				t.Fatalf("%+v: approximation %+v beats the optimum %+v", m, a, opt)
			}
		}
		for _, d := range [][2]float64{{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {1, 1}} {
			r, q := opt.ReorderPoint+d[0]*0.01*opt.OrderQty, opt.OrderQty*(1+d[1]*0.01)
			if c, err := m.CostNormal(r, q); err == nil && c < bound {
				t.Fatalf("%+v: g(%v, %v) = %v beats %+v", m, r, q, c, opt)
			}
		}
		if mu > 50 || k*lam > 1e4 {
			return
		}
		po, err := m.OptimalPoisson()
		if err != nil {
			t.Fatalf("%+v: %v", m, err)
		}
		r0, q0 := int64(po.ReorderPoint), int64(po.OrderQty)
		for r := r0 - 3; r <= r0+3; r++ {
			for q := max(1, q0-3); q <= q0+3; q++ {
				if c, err := m.CostPoisson(r, q); err != nil || c < po.Cost*(1-1e-9) {
					t.Fatalf("%+v: g(%d, %d) = %v (%v) beats %+v", m, r, q, c, err, po)
				}
			}
		}
	})
}

// FuzzSS: Zheng-Federgruen's optimum costs no more than any (s, S) in a box (a brute force).
func FuzzSS(f *testing.F) {
	f.Add([]byte{1, 2, 3, 2, 1}, 1.0, 4.0, 5.0)
	f.Add([]byte{9, 0, 0, 1}, 0.5, 10.0, 50.0)
	f.Fuzz(func(t *testing.T, raw []byte, h, p, k float64) {
		if len(raw) < 2 || len(raw) > 8 {
			return
		}
		if s, S, err := SSPowerApproximation(h, p, k, float64(raw[0]), float64(raw[1]), 0); err == nil {
			finiteOK(t, "SSPowerApproximation", nil, s, S)
		}
		if !(h > 0.01 && h < 100) || !(p > 0.01 && p < 100) || !(k > 0.01 && k < 100) {
			if pmf, err := PoissonPMF(float64(raw[0])); err == nil {
				opt, err := SSProblem{h, p, k, pmf}.Optimal()
				finiteOK(t, "Optimal", err, opt.Cost)
			}
			return
		}
		var sum float64
		for _, c := range raw {
			sum += float64(c)
		}
		if sum == 0 {
			return
		}
		pmf := make([]float64, len(raw))
		for i, c := range raw {
			pmf[i] = float64(c) / sum
		}
		m := SSProblem{h, p, k, pmf}
		opt, err := m.Optimal()
		if err != nil {
			return // no demand
		}
		finiteOK(t, "Optimal", nil, opt.Cost)
		for s := opt.ReorderPoint - 15; s <= opt.ReorderPoint+15; s++ {
			for S := s + 1; S <= opt.OrderUpTo+15; S++ {
				c, err := m.Cost(s, S)
				if err != nil || c < opt.Cost*(1-1e-9) {
					t.Fatalf("%+v: g(%d, %d) = %v (%v) beats %+v", m, s, S, c, err, opt)
				}
			}
		}
	})
}

// FuzzLotSizing: Wagner-Whitin equals a brute force over every set of order periods, Silver-Meal
// costs no less, and both plans order exactly the demand.
func FuzzLotSizing(f *testing.F) {
	f.Add([]byte{90, 120, 80, 70}, 500.0, 2.0)
	f.Add([]byte{0, 0, 5, 0, 0, 9}, 3.0, 0.5)
	f.Fuzz(func(t *testing.T, raw []byte, k, h float64) {
		if len(raw) == 0 || len(raw) > 10 {
			return
		}
		if !(k >= 0 && k < 1e4) || !(h >= 0 && h < 1e3) {
			d := []float64{float64(raw[0]), 0, 1e15}
			for _, f := range []func([]float64, float64, float64) (LotPlan, error){WagnerWhitin, SilverMeal} {
				p, err := f(d, k, h)
				finiteOK(t, "lot", err, p.Cost, p.Holding)
			}
			return
		}
		d := make([]float64, len(raw))
		var total float64
		for i, c := range raw {
			d[i] = float64(c % 50)
			total += d[i]
		}
		ww, err := WagnerWhitin(d, k, h)
		if err != nil {
			t.Fatal(err)
		}
		sm, err := SilverMeal(d, k, h)
		if err != nil {
			t.Fatal(err)
		}
		want := lotBrute(d, k, h)
		if math.Abs(ww.Cost-want) > 1e-9*(1+want) {
			t.Fatalf("%v K=%v h=%v: Wagner-Whitin %v, brute force %v", d, k, h, ww.Cost, want)
		}
		if sm.Cost < ww.Cost*(1-1e-12) {
			t.Fatalf("Silver-Meal %v beats Wagner-Whitin %v", sm.Cost, ww.Cost)
		}
		for _, p := range []LotPlan{ww, sm} {
			var sum float64
			for _, q := range p.Orders {
				sum += q
			}
			if sum != total {
				t.Fatalf("%+v orders %v of %v", p, sum, total)
			}
		}
	})
}

// FuzzPowerOfTwo: the rounded interval is within 6.07 % of the EOQ's cost whenever T* ≥ B/√2, and is
// the cheapest power of two (neither neighbour is cheaper).
func FuzzPowerOfTwo(f *testing.F) {
	f.Add(1000.0, 10.0, 0.5, 1.0/52)
	f.Add(1e-300, 1e300, 1e-300, 1e-300)
	f.Fuzz(func(t *testing.T, d, k, h, b float64) {
		p, err := PowerOfTwoInterval(d, k, h, b)
		finiteOK(t, "PowerOfTwoInterval", err, p.Interval, p.OptimalInterval, p.CostRatio)
		if err != nil {
			return
		}
		if p.CostRatio < 1-1e-12 {
			t.Fatalf("ratio %v below 1", p.CostRatio)
		}
		if p.OptimalInterval >= b/math.Sqrt2*(1+1e-9) && p.CostRatio > 1.0606601717798214*(1+1e-12) {
			t.Fatalf("%+v: ratio above the 6.07 %% bound", p)
		}
		x := p.Interval / p.OptimalInterval
		up := (2*x + 1/(2*x)) / 2
		if up < p.CostRatio*(1-1e-12) {
			t.Fatalf("%+v: doubling is cheaper (%v)", p, up)
		}
		if p.Multiple > 1 {
			if down := (x/2 + 2/x) / 2; down < p.CostRatio*(1-1e-12) {
				t.Fatalf("%+v: halving is cheaper (%v)", p, down)
			}
		}
	})
}
