package inventory

import (
	"testing"
	"time"
)

// issue 19, forecast.go ~292: SMA fitted values beyond n periods drop the oldest value from the running
// sum. SMA(2) on [1, 2, 3, 4, 10]: fitted 1 (y₀), 1, (1+2)/2, (2+3)/2, (3+4)/2; forecast (4+10)/2.
func TestSMAFittedBeyondWindow(t *testing.T) {
	f, _ := NewSMA(2)
	y := []float64{1, 2, 3, 4, 10}
	out := make([]float64, len(y))
	if err := f.Fitted(y, out); err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{1, 1, 1.5, 2.5, 3.5} {
		if out[i] != want {
			t.Errorf("fitted[%d] = %v, want %v", i, out[i], want)
		}
	}
	if v, _ := f.Forecast(y, 1); v != 7 {
		t.Errorf("forecast %v, want 7", v)
	}
}

// issue 19, suggest.go ~324-330: an unknown last sale (the zero time) is -1 days ago, never "old", even
// against a slow-moving age under one day; a sale exactly at the evaluation time is 0 days ago and
// allowed.
func TestSuggestLastSaleEdges(t *testing.T) {
	p := testPlanner(t, func(c *PlanConfig) { c.SlowMovingAfter = 12 * time.Hour; c.DeadAfter = 18 * time.Hour })
	it := testItem(100)
	it.LastSale = time.Time{}
	s, err := p.Suggest(it, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if s.Status == StatusSlowMoving || s.Status == StatusDead || s.Why.DaysSinceSale != -1 {
		t.Errorf("unknown last sale: status %v, days since sale %v", s.Status, s.Why.DaysSinceSale)
	}
	it.LastSale = testNow
	s, err = p.Suggest(it, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if s.Why.DaysSinceSale != 0 || s.Status == StatusSlowMoving {
		t.Errorf("sale now: status %v, days since sale %v", s.Status, s.Why.DaysSinceSale)
	}
	it.LastSale = testNow.Add(-13 * time.Hour)
	if s, _ = p.Suggest(it, testNow); s.Status != StatusSlowMoving {
		t.Errorf("13 h ago: status %v, want slow-moving", s.Status)
	}
	it.LastSale = testNow.Add(-18 * time.Hour)
	if s, _ = p.Suggest(it, testNow); s.Status != StatusDead {
		t.Errorf("18 h ago: status %v, want dead", s.Status)
	}
}

// The documented limits are inclusive: exactly at each limit is valid.
func TestModelLimitsInclusive(t *testing.T) {
	ok := func(name string, err error) {
		t.Helper()
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	ok("PoissonLosses +", errOnly(PoissonLosses(MaxQty, 1)))
	ok("PoissonLosses -", errOnly(PoissonLosses(-MaxQty, 1)))
	ok("PoissonLosses mean", errOnly(PoissonLosses(1, MaxPoissonMean)))
	m := RQProblem{HoldingCost: 20, StockoutCost: 150, OrderCost: 100, DemandRate: 1.5, LeadMean: 3}
	ok("CostPoisson r+", errOnly(m.CostPoisson(MaxQty, 1)))
	ok("CostPoisson r-", errOnly(m.CostPoisson(-MaxQty, MaxQty)))
	ok("CostNormal", errOnly(example51().CostNormal(-MaxQty, MaxQty)))
	big := m
	big.LeadMean = MaxPoissonMean
	ok("Poisson mean", errOnly(big.CostPoisson(1, 1)))
	ok("ServiceFromSafetyFactor", errOnly(ServiceFromSafetyFactor(-1e100, MaxQty, MaxQty)))
	ok("NormalLosses", errOnly(NormalLosses(-1e100)))
	pmf, _ := PoissonPMF(6)
	s := SSProblem{HoldingCost: 1, StockoutCost: 4, OrderCost: 5, DemandPMF: pmf}
	ok("SS Cost", errOnly(s.Cost(MaxQty-1, MaxQty)))
	ok("SS Cost -", errOnly(s.Cost(-MaxQty, -MaxQty+1)))
	ok("PMF len", errOnly(SSProblem{HoldingCost: 1, StockoutCost: 1, OrderCost: 1, DemandPMF: append(make([]float64, MaxPMFLen-1), 1)}.Cost(0, 1)))
	ok("lot periods", errOnly(SilverMeal(make([]float64, MaxLotPeriods), 1, 1)))
	ok("lot demand", errOnly(SilverMeal([]float64{MaxQty}, 1, 1)))
	ok("power k=62", errOnly(PowerOfTwoInterval(2, 1, 1, 0x1p-62))) // T* = 1 = 2⁶²·B
	breaks := make([]PriceBreak, MaxPriceBreaks)
	for i := range breaks {
		breaks[i] = PriceBreak{MinQty: float64(i), UnitPrice: float64(2000 - i)}
	}
	ok("incremental breaks", errOnly(EOQWithIncrementalDiscounts(1, 1, 0.1, breaks)))
	ok("all-units breaks", errOnly(PriceBreakCost(1, 1, 0.1, breaks, 5, false)))
	ok("pmf 11k", errOnly(PoissonPMF(11000)))
	// ⌈11984 + 40·√11984 + 20⌉ + 1 = 16384 values: exactly MaxPMFLen.
	if pmf, err := PoissonPMF(11984); err != nil || len(pmf) != MaxPMFLen {
		t.Errorf("PoissonPMF(11984): %d values, %v", len(pmf), err)
	}
	if _, err := PoissonPMF(11985); err == nil {
		t.Error("PoissonPMF(11985) fits")
	}
}
