package inventory

// Tests that kill mutants gremlins v0.5.0 left alive in the textbook models (issue 19), and the
// mutants that cannot be killed because they cannot change a result:
//
//   - discrete.go sum, "a < c.lo" -> "<=" and "b > hi" -> ">=": at the edge the linear segment is
//     empty, its count e - a + 1 is 0 and it adds 0.
//   - eoq_variants.go EOQWithIncrementalDiscounts, "fixed > 0" -> ">=": at K + c̄ = 0, eoq(D, 0, h) is
//     0, the value the other branch leaves.
//   - rq.go OptimalPoisson, "gb <= ga" -> "<": only an exact floating-point tie between the two
//     neighbouring levels tells them apart, and either choice adds the same cost.
//   - rq.go reorderFor and OptimalNormal, the comparisons of the bisections ("<" -> "<=", ">= 0" ->
//     "> 0") and the range guard "hi <= MaxQty" -> "<": they differ only when a float lands exactly on
//     the root or the limit; the bracket still closes on the same adjacent floats.
//   - rq.go EIL and LossFunction, the stop rule "<= 1e-6" -> "< 1e-6": one more iteration of a
//     converged fixed point (the tests compare to 1e-8 of stockpyl's values).
//   - rq.go EIL, "sd > 0" -> ">=": with σ = 0 both branches give r = μ and n = 0 (for a finite z);
//     "!(level > 0)" -> ">=": at a level of exactly 0 the step gives Q = +Inf and the next iteration
//     reports the same ErrServiceLevel.
//   - rq.go solution, "q <= MaxQty" -> "<": no search ends exactly on 10¹⁵.
//   - rq.go OptimalPoisson, "q >= MaxSearchSteps" -> ">": one more step before the same error.
//   - loss.go newPoissonTable, "hi - lo + 1" -> "hi - lo - 1" or "hi + lo + 1": the window is 40σ + 20
//     wide on each side, so dropping its last two values or adding more changes nothing above 1e-300.
//   - lotsizing.go PowerOfTwoInterval, "<" -> "<=" between the costs of 2ᵏ and 2ᵏ⁺¹: they tie only when
//     T* = √2·2ᵏ·B exactly, which no pair of floats T* and B gives.
//   - ss.go check, "> 1e-9" on the probability sum and "< 1 - 1e-12" on P(D = 0): a boundary only an
//     exact float on the tolerance reaches; grow, "j < n" -> "<=": one more renewal value, unused.
//   - ss.go grow and cost, the work counter's increments ("+ 1", "len - 1") and "work > MaxSearchSteps"
//     -> ">=": they move the budget by a few steps; the tests hit it by millions.
//   - ss.go Optimal, the ties of Zheng and Federgruen's comparisons ("c <= G(s)", "G(S) <= best",
//     "c < best", "c2 > G(s + 1)", each with or without "="), and "S := S0 + 1" -> "S0 - 1": equal
//     costs pick an equally cheap policy, and no S below y* improves (Zheng & Federgruen 1991, Lemma 1).

import (
	"errors"
	"testing"
)

// EIL's first step with Q = EOQ = 1 and Q·h = p·λ: the level 1 - Q·h/(p·λ) is exactly 0, which has no
// reorder point.
func TestMutantEILLevelZero(t *testing.T) {
	m := RQProblem{HoldingCost: 1, StockoutCost: 1, OrderCost: 0.5, DemandRate: 1, LeadMean: 5, LeadSD: 1}
	wantErr(t, "level 0", errOnly(m.EIL()), ErrServiceLevel)
}

// Poisson(0) demand (always 0) with h = p = 1 and K·λ = 1: G(y) = |y|. From the newsvendor level 0 the
// average cost of Q = 1 is 1 and both neighbours cost 1 as well: no improvement, so the search stops
// at r = -1, Q = 1 (continuing on a tie would end at Q = 3, at the same cost).
func TestMutantRQPoissonStopsOnTie(t *testing.T) {
	m := RQProblem{HoldingCost: 1, StockoutCost: 1, OrderCost: 1, DemandRate: 1}
	opt, err := m.OptimalPoisson()
	if err != nil {
		t.Fatal(err)
	}
	if opt.ReorderPoint != -1 || opt.OrderQty != 1 || opt.Cost != 1 {
		t.Errorf("optimum %+v, want r = -1, Q = 1 at 1", opt)
	}
	// K·λ = 3: Q = 1 costs 3; add 1 (a tie, the upper level), then -1: Q = 3 costs 5/3 and the next
	// levels cost 2. The window is {-1, 0, 1}: r = -2.
	m.OrderCost = 3
	opt, _ = m.OptimalPoisson()
	if opt.ReorderPoint != -2 || opt.OrderQty != 3 {
		t.Errorf("optimum %+v, want r = -2, Q = 3", opt)
	}
	near(t, "cost", opt.Cost, 5.0/3, 1e-15)
}

// The all-units models accept a lowest break at 1 unit (a quantity below 1 is never ordered); the
// incremental ones need 0.
func TestMutantLowestBreakAtOne(t *testing.T) {
	c, err := PriceBreakCost(100, 10, 0.2, []PriceBreak{{1, 5}, {50, 4}}, 3, false)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "TC(3)", c, 100*5+100*10/3.0+0.2*5*3/2, 1e-15)
	wantErr(t, "incremental", errOnly(PriceBreakCost(100, 10, 0.2, []PriceBreak{{1, 5}}, 3, true)), ErrPolicy)
	wantErr(t, "above 1", errOnly(PriceBreakCost(100, 10, 0.2, []PriceBreak{{1.5, 5}}, 3, false)), ErrPolicy)
}

// Ties in the lot-sizing rules. Wagner-Whitin with K = h = 0: every plan costs 0 and the later order
// wins, so each period orders its own demand. Silver-Meal with K = 2, h = 1, demand 1, 2: covering two
// periods averages (2 + 2)/2 = 2, equal to one period's 2, and an equal average still extends the lot.
func TestMutantLotTies(t *testing.T) {
	ww, _ := WagnerWhitin([]float64{1, 1}, 0, 0)
	if ww.Orders[0] != 1 || ww.Orders[1] != 1 || ww.Setups != 2 {
		t.Errorf("Wagner-Whitin tie: %+v", ww)
	}
	sm, _ := SilverMeal([]float64{1, 2}, 2, 1)
	if sm.Orders[0] != 3 || sm.Orders[1] != 0 || sm.Cost != 4 {
		t.Errorf("Silver-Meal tie: %+v", sm)
	}
}

// Silver-Meal over two cycles of Example 3.9's demand (K = 500, h = 2), hand arithmetic: the lot at
// period 0 covers 3 periods (averages 500, 370, 353.3, then 370); at period 3: 500, (500 + 2·90)/2 =
// 340, then (680 + 2·2·120)/3 = 386.7, so 2 periods; at period 5: 500, (500 + 2·80)/2 = 330,
// (660 + 2·2·70)/3 = 313.3 to the end. Costs 1060 + 680 + 940.
func TestMutantSilverMealLaterLots(t *testing.T) {
	sm, err := SilverMeal([]float64{90, 120, 80, 70, 90, 120, 80, 70}, 500, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{290, 0, 0, 160, 0, 270, 0, 0}
	for i := range want {
		if sm.Orders[i] != want[i] {
			t.Fatalf("orders %v, want %v", sm.Orders, want)
		}
	}
	if sm.Cost != 2680 || sm.Setups != 3 || sm.Holding != 1180 {
		t.Errorf("plan %+v", sm)
	}
}

// Power-of-two edges: T* = 2⁶³ base periods needs k = 63, beyond the limit; a T* that underflows to 0
// is reported on order_cost (not as a cost ratio).
func TestMutantPowerOfTwoEdges(t *testing.T) {
	wantErr(t, "2^63", errOnly(PowerOfTwoInterval(1, 0x1p125, 1, 1)), ErrTooLarge)
	p, err := PowerOfTwoInterval(1, 0x1p123, 1, 1) // T* = 2⁶²
	if err != nil || p.Multiple != 1<<62 || p.CostRatio != 1 {
		t.Errorf("2^62: %+v, %v", p, err)
	}
	_, err = PowerOfTwoInterval(1e300, 1e-300, 1e300, 1)
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "order_cost" || !errors.Is(err, ErrTooLarge) {
		t.Errorf("T* = 0: %v", err)
	}
}

// An EOQ that underflows to 0 (λ = K = 1e-300, h = 1e300) is not a usable order quantity: EOQSS
// reports it as out of range rather than costing Q = 0.
func TestMutantRQZeroQuantity(t *testing.T) {
	m := RQProblem{HoldingCost: 1e300, StockoutCost: 1, OrderCost: 1e-300, DemandRate: 1e-300, LeadMean: 1, LeadSD: 1}
	wantErr(t, "Q = 0", errOnly(m.EOQSS()), ErrTooLarge)
}

// Zheng-Federgruen against a brute force on several problems, some of which raise s after S improves.
func TestMutantSSBrute(t *testing.T) {
	for _, mean := range []float64{0.7, 2, 6, 10, 18} {
		for _, k := range []float64{1, 5, 40, 300} {
			pmf, _ := PoissonPMF(mean)
			m := SSProblem{HoldingCost: 1, StockoutCost: 4, OrderCost: k, DemandPMF: pmf}
			opt, err := m.Optimal()
			if err != nil {
				t.Fatal(err)
			}
			best := opt.Cost
			for s := opt.ReorderPoint - 12; s <= opt.ReorderPoint+12; s++ {
				for S := s + 1; S <= opt.OrderUpTo+25; S++ {
					c, _ := m.Cost(s, S)
					if c < best*(1-1e-12) {
						t.Fatalf("mean %v, K %v: g(%d, %d) = %v beats %+v", mean, k, s, S, c, opt)
					}
				}
			}
		}
	}
}

// A Poisson mean large enough that the table starts above 0 (λ = 2000: lo = 191): the losses still
// match a brute-force sum.
func TestMutantPoissonLossesShiftedTable(t *testing.T) {
	for _, x := range []int64{1800, 1999, 2000, 2100} {
		got, err := PoissonLosses(x, 2000)
		if err != nil {
			t.Fatal(err)
		}
		var n, nb float64
		for d := int64(1500); d < 2600; d++ {
			p := poissonPMF(float64(d), 2000)
			n += max(float64(d-x), 0) * p
			nb += max(float64(x-d), 0) * p
		}
		near(t, "n", got.First, n, 1e-9)
		near(t, "n̄", got.FirstComplement, nb, 1e-9)
	}
}
