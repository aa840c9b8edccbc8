package inventory

import (
	"errors"
	"math"
	"testing"
)

// near fails unless got is within rel (relative, with an absolute floor of rel) of want.
func near(t *testing.T, name string, got, want, rel float64) {
	t.Helper()
	if math.IsNaN(got) || math.Abs(got-want) > rel*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %.17g, want %.17g (±%g)", name, got, want, rel)
	}
}

// wantErr fails unless err is a *FieldError wrapping sentinel.
func wantErr(t *testing.T, name string, err, sentinel error) {
	t.Helper()
	var fe *FieldError
	if !errors.As(err, &fe) || !errors.Is(err, sentinel) {
		t.Errorf("%s: err = %v, want a *FieldError wrapping %v", name, err, sentinel)
	}
}

// Snyder & Shen Example 3.8 as stockpyl's doctest gives it.
func TestEOQWithBackordersStockpyl(t *testing.T) {
	got, err := EOQWithBackorders(1300, 8, 0.225, 5)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "Q", got.Qty, 310.81255515896464, 1e-14)
	near(t, "x", got.StockoutFraction, 0.0430622009569378, 1e-14)
	near(t, "g", got.Cost, 66.92136355097325, 1e-14)
	c, err := EOQWithBackordersCost(1300, 8, 0.225, 5, got.Qty, got.StockoutFraction)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "g(Q*, x*)", c, 66.92136355097325, 1e-14)
	// Hand arithmetic: x = 0 is the plain EOQ cost, 1300·8/200 + 0.225·200/2 = 52 + 22.5.
	c, _ = EOQWithBackordersCost(1300, 8, 0.225, 5, 200, 0)
	near(t, "g(200, 0)", c, 74.5, 1e-15)
	// x = 1: all backordered, 5·200/2 + 52 = 552.
	c, _ = EOQWithBackordersCost(1300, 8, 0.225, 5, 200, 1)
	near(t, "g(200, 1)", c, 552, 1e-15)
	// A huge p tends to the EOQ √(2·1300·8/0.225) = 304.0467800264368 (stockpyl Example 3.1).
	big, _ := EOQWithBackorders(1300, 8, 0.225, 1e300)
	near(t, "Q(p→∞)", big.Qty, 304.0467800264368, 1e-14)
	near(t, "x(p→∞)", big.StockoutFraction, 0.225e-300, 1e-14)
	zero, _ := EOQWithBackorders(0, 8, 0.225, 5)
	if zero.Qty != 0 || zero.Cost != 0 {
		t.Errorf("zero demand: %+v", zero)
	}
	for name, err := range map[string]error{
		"p=0":    errOnly(EOQWithBackorders(1300, 8, 0.225, 0)),
		"h=0":    errOnly(EOQWithBackorders(1300, 8, 0, 5)),
		"cost q": errOnly(EOQWithBackordersCost(1300, 8, 0.225, 5, 0, 0.5)),
		"cost p": errOnly(EOQWithBackordersCost(1300, 8, 0.225, -5, 1, 0.5)),
		"cost h": errOnly(EOQWithBackordersCost(1300, 8, -1, 5, 1, 0.5)),
	} {
		wantErr(t, name, err, ErrNotPositive)
		_ = name
	}
	wantErr(t, "D<0", errOnly(EOQWithBackorders(-1, 8, 0.225, 5)), ErrNegative)
	wantErr(t, "K nan", errOnly(EOQWithBackorders(1, math.NaN(), 0.225, 5)), ErrNotFinite)
	wantErr(t, "x>1", errOnly(EOQWithBackordersCost(1300, 8, 0.225, 5, 1, 1.0000001)), ErrPolicy)
	wantErr(t, "x<0", errOnly(EOQWithBackordersCost(1300, 8, 0.225, 5, 1, -1e-300)), ErrPolicy)
	wantErr(t, "x nan", errOnly(EOQWithBackordersCost(1300, 8, 0.225, 5, 1, math.NaN())), ErrNotFinite)
	wantErr(t, "overflow", errOnly(EOQWithBackorders(1e308, 1e308, 1e-308, 1e-308)), ErrTooLarge)
	wantErr(t, "cost overflow", errOnly(EOQWithBackordersCost(1e308, 1e308, 1, 1, 1e-300, 0.5)), ErrTooLarge)
	wantErr(t, "underflow", errOnly(EOQWithBackorders(1, 1, 5e-324, 5e-324)), ErrNotFinite)
}

func errOnly[T any](_ T, err error) error { return err }

// stockpyl's eoq.economic_production_quantity example.
func TestEPQStockpyl(t *testing.T) {
	q, err := EPQ(1300, 8, 0.225, 1700)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "Q", q, 626.8084945889684, 1e-14)
	c, err := EPQCost(1300, 8, 0.225, 1700, q)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "g", c, 33.183979125298336, 1e-14)
	// Hand arithmetic: D = 100, P = 200 halves h: g(10) = 100·2/10 + 1·0.5·10/2 = 22.5.
	c, _ = EPQCost(100, 2, 1, 200, 10)
	near(t, "g(10)", c, 22.5, 1e-15)
	wantErr(t, "D = P", errOnly(EPQ(1700, 8, 0.225, 1700)), ErrPolicy)
	var fe *FieldError
	if err := errOnly(EPQ(1700, 8, 0.225, 1700)); !errors.As(err, &fe) || fe.Detail != "must exceed annual_demand" || fe.Field != "production_rate" {
		t.Errorf("D = P: %v", err)
	}
	wantErr(t, "P = 0", errOnly(EPQ(0, 8, 0.225, 0)), ErrNotPositive)
	wantErr(t, "h = 0", errOnly(EPQ(1, 8, 0, 10)), ErrNotPositive)
	wantErr(t, "q = 0", errOnly(EPQCost(1, 8, 1, 10, 0)), ErrNotPositive)
	wantErr(t, "cost D=P", errOnly(EPQCost(10, 8, 1, 10, 1)), ErrPolicy)
	wantErr(t, "eff underflow", errOnly(EPQ(1, 1, 5e-324, 1.5)), ErrPolicy)
	wantErr(t, "Q overflow", errOnly(EPQ(1e300, 1e300, 1e-300, 1e301)), ErrTooLarge)
	wantErr(t, "cost overflow", errOnly(EPQCost(1e300, 1e300, 1, 1e301, 1e-300)), ErrTooLarge)
	// Just below P the quantity grows without bound.
	q1, _ := EPQ(1699, 8, 0.225, 1700)
	if !(q1 > q) {
		t.Errorf("EPQ at D = 1699 is %v, not above %v", q1, q)
	}
}

// stockpyl's eoq.economic_order_quantity_with_incremental_discounts example.
func TestIncrementalDiscountsStockpyl(t *testing.T) {
	breaks := []PriceBreak{{600, 80}, {0, 100}, {300, 90}}
	plan, err := EOQWithIncrementalDiscounts(2400, 150, 0.25, breaks)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "Q", plan.Best.Qty, 1481.8906842274164, 1e-14)
	near(t, "cost", plan.Best.Cost, 222762.8136845483, 1e-14)
	if plan.Best.Break.MinQty != 600 || len(plan.Offers) != 3 {
		t.Errorf("best %+v", plan)
	}
	// Region 0: Q*_0 = √(2·150·2400/25) = 169.7056274847714 is inside [0, 300).
	near(t, "Q*_0", plan.Offers[0].EOQ, 169.7056274847714, 1e-14)
	near(t, "Qty_0", plan.Offers[0].Qty, 169.7056274847714, 1e-14)
	// Region 1: c̄_1 = 100·300 - 90·300 = 3000; Q*_1 = √(2·3150·2400/22.5) = 819.756...: above 600, clamped.
	near(t, "Q*_1", plan.Offers[1].EOQ, math.Sqrt(2*3150*2400/22.5), 1e-14)
	if plan.Offers[1].Qty != 600 {
		t.Errorf("region 1 qty %v, want 600", plan.Offers[1].Qty)
	}
	// C(600) = 100·300 + 90·300 = 57000, average price 95.
	near(t, "avg price", plan.Offers[1].UnitPrice, 95, 1e-15)
	c, err := PriceBreakCost(2400, 150, 0.25, breaks, 600, true)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "TC(600)", c, 235725, 1e-15)
	near(t, "offer 1 cost", plan.Offers[1].Cost, 235725, 1e-15)
	c, _ = PriceBreakCost(2400, 150, 0.25, breaks, plan.Best.Qty, true)
	near(t, "TC(Q*)", c, 222762.8136845483, 1e-14)
	// Hand arithmetic in region 0: TC(100) = 2400·100 + 2400·150/100 + 0.25·100·100/2 = 240000 + 3600 + 1250.
	c, _ = PriceBreakCost(2400, 150, 0.25, breaks, 100, true)
	near(t, "TC(100)", c, 244850, 1e-15)
	wantErr(t, "min 1", errOnly(EOQWithIncrementalDiscounts(1, 1, 0.1, []PriceBreak{{1, 5}})), ErrPolicy)
	wantErr(t, "cost min 1", errOnly(PriceBreakCost(1, 1, 0.1, []PriceBreak{{1, 5}}, 3, true)), ErrPolicy)
	wantErr(t, "dup", errOnly(EOQWithIncrementalDiscounts(1, 1, 0.1, []PriceBreak{{0, 5}, {0, 4}})), ErrDuplicateID)
	wantErr(t, "empty", errOnly(EOQWithIncrementalDiscounts(1, 1, 0.1, nil)), ErrEmptyHistory)
	wantErr(t, "q", errOnly(PriceBreakCost(1, 1, 0.1, breaks, 0, false)), ErrNotPositive)
	wantErr(t, "overflow", errOnly(EOQWithIncrementalDiscounts(1e308, 1, 0.1, []PriceBreak{{0, 1e10}})), ErrTooLarge)
	wantErr(t, "cost overflow", errOnly(PriceBreakCost(1e308, 1, 0.1, []PriceBreak{{0, 1e10}}, 1, false)), ErrTooLarge)
	many := make([]PriceBreak, MaxPriceBreaks+1)
	wantErr(t, "many", errOnly(EOQWithIncrementalDiscounts(1, 1, 0.1, many)), ErrTooLarge)
}

// All-units cost at any Q, against the Wohl's example of EOQWithPriceBreaks (Heizer & Render).
func TestPriceBreakCostAllUnits(t *testing.T) {
	breaks := []PriceBreak{{0, 5}, {1000, 4.8}, {2000, 4.75}}
	for _, c := range []struct{ q, want float64 }{
		{1000, 24725},            // the book's answer
		{700, 25000 + 350 + 350}, // 5000·5 + 5000·49/700 + 0.2·5·700/2
		{999.5, 5000*5 + 5000*49/999.5 + 0.2*5*999.5/2},
		{2000, 5000*4.75 + 5000*49/2000.0 + 0.2*4.75*2000/2},
	} {
		got, err := PriceBreakCost(5000, 49, 0.2, breaks, c.q, false)
		if err != nil {
			t.Fatal(err)
		}
		near(t, "TC", got, c.want, 1e-14)
	}
}

// issue 19, eoq.go ~135: a quantity exactly at a later break's MinQty gets that break's price.
// D = 1000, K = 10, h = 0.1·5 = 0.5: the first tier's EOQ is exactly 200, the second tier's MinQty.
func TestPriceBreakExactlyAtMinQty(t *testing.T) {
	plan, err := EOQWithPriceBreaks(1000, 10, 0.1, []PriceBreak{{0, 5}, {200, 4}})
	if err != nil {
		t.Fatal(err)
	}
	o := plan.Offers[0]
	if o.EOQ != 200 || o.Qty != 200 || o.UnitPrice != 4 {
		t.Errorf("offer 0 = %+v, want EOQ 200 at the second tier's price 4", o)
	}
	// 1000·4 + 1000·10/200 + 0.1·4·100 = 4000 + 50 + 40.
	near(t, "cost", o.Cost, 4090, 1e-15)
}

// FuzzIncrementalDiscounts found that EOQWithPriceBreaks answered 121290 for prices 1 below 480 and
// 49 from 480 (D = 2400, K = 150, i = 0.25): the first tier's EOQ 1697 falls in the dearer tier, and
// 479 units at price 1 cost 3210. A rising price is now an error.
func TestPriceBreaksRisingPrice(t *testing.T) {
	_, err := EOQWithPriceBreaks(2400, 150, 0.25, []PriceBreak{{0, 1}, {480, 49}})
	wantErr(t, "rising", err, ErrPolicy)
	// Equal prices are fine.
	if _, err := EOQWithPriceBreaks(2400, 150, 0.25, []PriceBreak{{0, 5}, {480, 5}}); err != nil {
		t.Error(err)
	}
	c, _ := PriceBreakCost(2400, 150, 0.25, []PriceBreak{{0, 1}, {480, 49}}, 479, false)
	near(t, "TC(479)", c, 2400+2400*150/479.0+0.25*479/2, 1e-15)
}

// A tie between two regions at their shared break: D = 1000, K = 10, i·c = 0.4·5 = 2 puts both
// regions' candidates at Q = 100 (the EOQ is exactly the break), at equal cost; the earlier region wins.
func TestIncrementalTie(t *testing.T) {
	plan, err := EOQWithIncrementalDiscounts(1000, 10, 0.4, []PriceBreak{{0, 5}, {100, 5}})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Offers[0].Qty != 100 || plan.Offers[1].Qty != 100 || plan.Offers[0].Cost != plan.Offers[1].Cost {
		t.Fatalf("offers %+v", plan.Offers)
	}
	if plan.Best.Break.MinQty != 0 {
		t.Errorf("best %+v, want the first region", plan.Best)
	}
	// 1000·5 + 1000·10/100 + 0.4·5·100/2 = 5000 + 100 + 100.
	near(t, "cost", plan.Best.Cost, 5200, 1e-15)
}
