package inventory

import (
	"math"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// Anchors from the R package inventorize (CRAN, version 1.1.1; github.com/cran/inventorize). Its
// man/*.Rd pages give the example calls but print no output, so each expected number below is
// inventorize's own formula (R/<file>.R, quoted in the comment) evaluated on the example's inputs
// in 40-digit arithmetic (mpmath; R's qnorm, pnorm and dnorm are exact to double precision), and
// the tolerance is relative 1e-12 unless said otherwise. Unit mapping: inventorize takes annual
// demand and deviation with lead times in weeks and scales them by leadtime/52 and √(leadtime/52);
// here the demand is per week (D/52, σ/√52) and the lead time is that many 7-day weeks, which gives
// the same σ_L. inventorize's daily functions map to a Demand per Day.

const week = 7 * Day

// absNear fails unless |got - want| ≤ tol.
func absNear(t *testing.T, name string, got, want, tol float64) {
	t.Helper()
	if !(math.Abs(got-want) <= tol) {
		t.Errorf("%s = %.17g, want %.17g (±%g)", name, got, want, tol)
	}
}

// weekly is inventorize's annual demand D with annual deviation σ as a demand per week.
func weekly(t *testing.T, annual, annualSD float64) Demand {
	t.Helper()
	d, err := NewDemand(annual/52, annualSD/math.Sqrt(52), week)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func ssFor(t *testing.T, r SafetyStock, e Exposure) float64 {
	t.Helper()
	ss, err := r.For(e)
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

// R/eoq.R, R/TRC.R and R/TQpractical.R (man/eoq.Rd, man/TRC.Rd, man/TQpractical.Rd examples).
func TestAnchorInventorizeEOQ(t *testing.T) {
	// eoq(annualdemand=5000, orderingcost=400, purchasecost=140, holdingrate=0.2):
	// EOQ = √(2·D·K/(c·i)), T_years = EOQ/D, T_weeks = 52·T_years.
	q, err := EOQ(5000, 400, 140*0.2)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "eoq EOQ", q, 377.96447300922722721, 1e-12)
	p2, err := PowerOfTwoInterval(5000, 400, 140*0.2, 1.0/52)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "eoq T_years", p2.OptimalInterval, 0.075592894601845445443, 1e-12)
	near(t, "eoq T_weeks", 52*p2.OptimalInterval, 3.930830519295963163, 1e-12)

	// TRC(annualdemand=2500, orderingcost=250, purchasecost=98, holdingrate=0.25): the relevant
	// (ordering + holding) cost at the EOQ, √(2·D·K·c·i).
	q, _ = EOQ(2500, 250, 98*0.25)
	c, err := EOQCost(2500, 250, 98*0.25, q)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "TRC", c, 5533.985905294663831, 1e-12)

	// TQpractical(annualdemand=1000, orderingcost=100, purchasecost=72, holdingrate=0.25):
	// Ts = √(2K/(D·i·c)) years, Tstarweeks = 52·Ts, Qstar = Ts·D, Tpractical =
	// 2^⌈log2(Tstarweeks/√2)⌉ = 4 weeks, Qpractical = Tpractical/52·D. inventorize rounds up from
	// T*/√2, which picks the same power of two as the cost minimum (T in [T*/√2, √2·T*]).
	p2, err = PowerOfTwoInterval(1000, 100, 72*0.25, 1.0/52)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "TQpractical Ts", p2.OptimalInterval, 0.10540925533894597773, 1e-12)
	near(t, "TQpractical Tstarweeks", 52*p2.OptimalInterval, 5.4812812776251908421, 1e-12)
	q, _ = EOQ(1000, 100, 72*0.25)
	near(t, "TQpractical Qstar", q, 105.40925533894597773, 1e-12)
	if p2.Multiple != 4 {
		t.Errorf("TQpractical Tpractical = %d weeks, want 4", p2.Multiple)
	}
	near(t, "TQpractical Qpractical", p2.Interval*1000, 76.923076923076923077, 1e-12)

	// eoqsenstivity(quantity=5400, quantityoptimal=6000) = ½(Q/Q* + Q*/Q): the cost ratio
	// EOQCost(Q)/EOQCost(Q*), here with D = 1.8e6, K = 10, h = 1 (Q* = 6000).
	c1, _ := EOQCost(1.8e6, 10, 1, 5400)
	c0, _ := EOQCost(1.8e6, 10, 1, 6000)
	near(t, "eoqsenstivity", c1/c0, 1.0055555555555555556, 1e-12)

	// total.logistics.cost(quantity=32, expected_annual_demand=1550, sd_annual_demand=110,
	// expected_leadtimeindays=64, sd_leadtime=8, costperunit=107, transportcost=22, holdingrate=0.15,
	// ordering_cost=500, csl=0.95): ordering_cost + cyclestock_cost = 1550/32·500 + 129·0.15·16 =
	// 24528.35; dl = 1550·64/365, sigmadl = √(64·110²/365 + (1550/365)²·8²), saftey_stock =
	// qnorm(0.95)·sigmadl (a year of 365 days, as opskit's Year).
	c, _ = EOQCost(1550, 500, 129*0.15, 32)
	near(t, "total.logistics.cost ordering+cyclestock", c, 24528.35, 1e-12)
	d := MustDemand(1550, 110, Year)
	lead := MustLeadTime(64*Day, 8*Day)
	ss := ssFor(t, must(CycleServiceLeadTimeSafetyStock(0.95)), Exposure{Demand: d, Lead: lead})
	near(t, "total.logistics.cost saftey_stock", ss, 94.1422826927340057825, 1e-12)
	near(t, "total.logistics.cost dl", d.MeanOver(lead.Mean()), 271.780821917808219178, 1e-12)
}

// R/reorderpoint_normal.R, R/reorderpoint_ltv.R and R/dl.sigmadl.R.
func TestAnchorInventorizeReorderPoint(t *testing.T) {
	// reorderpoint(dailydemand=50, dailystandarddeviation=5, leadtimein_days=6, csl=0.90)
	// (man/reorderpoint.Rd; distribution "normal", the default): dl = 300, sigmadl = 5·√6,
	// saftey_stock = sigmadl·qnorm(0.9), reorder_point = dl + saftey_stock.
	d := MustDemand(50, 5, Day)
	lead := FixedLeadTime(6 * Day)
	ss := ssFor(t, must(CycleServiceSafetyStock(0.90)), Exposure{Demand: d, Lead: lead})
	near(t, "reorderpoint saftey_stock", ss, 15.695737073246113026, 1e-12)
	rop, err := ReorderPoint(d, lead, ss)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "reorderpoint reorder_point", rop, 315.69573707324611303, 1e-12)

	// reorderpoint_leadtime_variability(dailydemand=50, dailystandarddeviation=5,
	// leadtimein_days=6, sd_leadtime_days=2, csl=0.90, distribution="normal"):
	// sigmadl = √(L·σ² + μ²·σ_L²) = √10150, safteystock = sigmadl·qnorm(0.9). The Rd example uses
	// the default distribution "nbinom" (reorder point 434, safety stock 134, from a negative
	// binomial search), which opskit has no rule for: only the normal branch is an anchor here.
	lead = MustLeadTime(6*Day, 2*Day)
	ss = ssFor(t, must(CycleServiceLeadTimeSafetyStock(0.90)), Exposure{Demand: d, Lead: lead})
	near(t, "ltv safteystock", ss, 129.11274264676835656, 1e-12)
	rop, _ = ReorderPoint(d, lead, ss)
	near(t, "ltv reorder_point", rop, 429.11274264676835656, 1e-12)

	// dl.sigmadl(expected_demand=100, sd_demand=22, expected_leadtime=12, sd_leadtime=3):
	// DL = 1200, sigmadl = √(12·22² + 100²·3²) = √95808, read here as SS/z of the rule.
	d = MustDemand(100, 22, Day)
	lead = MustLeadTime(12*Day, 3*Day)
	r := must(CycleServiceLeadTimeSafetyStock(0.95))
	ss = ssFor(t, r, Exposure{Demand: d, Lead: lead})
	near(t, "dl.sigmadl sigmadl", ss/r.Z(), 309.52867395444965464, 1e-12)
	near(t, "dl.sigmadl DL", d.MeanOver(lead.Mean()), 1200, 1e-12)
}

// R/saftey_stock_normal.R, R/safteystock_CSL_normal.R and R/inventorymetricsCSL.R: cycle service
// level rules, with the expected units short σ_L·G(k) and the fill rate 1 - eus/Q.
func TestAnchorInventorizeCSL(t *testing.T) {
	for _, c := range []struct {
		name                          string
		csl, q, demand, sd, leadWeeks float64
		ss, rop, eus, fill            float64 // fill 0: not in the example's output
	}{
		// saftey_stock_normal(annualdemand=8000, annualstandarddeviation=600, leadtimeinweeks=4,
		// csl=0.92): safteystock = qnorm(0.92)·600·√(4/52), cyclestock+safteystock = 8000·4/52 + SS.
		{"saftey_stock_normal", 0.92, 0, 8000, 600, 4, 233.81804106427261001, 849.20265644888799463, 0, 0},
		// safteystock_CSL_normal(rate=0.95, quantity=30000, demand=28000, standerddeviation=5000,
		// leadtime=8): safteystock, min (= reorder point), eus, fillrate.
		{"safteystock_CSL_normal", 0.95, 30000, 28000, 5000, 8, 3225.8233618574716749, 7533.5156695497793673,
			40.974463761321089823, 0.99863418454128929701},
		// inventorymetricsCSL(csl=0.95, demand=20000, standerddeviation=1200, quantity=4500,
		// leadtime=3, cost=100, holdingrate=0.15): safteystock, reorder_point, eus, fillrate (its
		// implied costs CIS and CSOE have no counterpart here).
		{"inventorymetricsCSL", 0.95, 4500, 20000, 1200, 3, 474.09727421401350837, 1627.9434280601673545,
			6.0219917219638229096, 0.99866177961734137269},
	} {
		d := weekly(t, c.demand, c.sd)
		lead := FixedLeadTime(time.Duration(c.leadWeeks) * week)
		r := must(CycleServiceSafetyStock(c.csl))
		ss := ssFor(t, r, Exposure{Demand: d, Lead: lead})
		near(t, c.name+" safety stock", ss, c.ss, 1e-12)
		rop, err := ReorderPoint(d, lead, ss)
		if err != nil {
			t.Fatal(err)
		}
		near(t, c.name+" reorder point", rop, c.rop, 1e-12)
		if c.q == 0 {
			continue
		}
		sv, err := ServiceFromSafetyFactor(r.Z(), d.StdDevOver(lead.Mean()), c.q)
		if err != nil {
			t.Fatal(err)
		}
		near(t, c.name+" eus", sv.ExpectedShortage, c.eus, 1e-12)
		near(t, c.name+" fillrate", sv.FillRate, c.fill, 1e-12)
		near(t, c.name+" csl", sv.CycleServiceLevel, c.csl, 1e-12)
	}
}

// R/safteystock_IFR_normal.R and R/inventorymetricsIFR.R: the item fill rate rule. inventorize
// solves G(k) = Q·(1 - β)/σ_L with uniroot(f, lower=0.1, upper=1e8) at R's default tolerance
// .Machine$double.eps^0.25 ≈ 1.22e-4, so its k is that root only to about 1e-5: its values (ssR
// below: R's zeroin algorithm, R_zeroin2, replayed step by step) differ from the exact root's in the
// fifth significant digit. opskit solves to double precision: it is asserted against the exact root at
// 1e-9 and against inventorize within uniroot's tolerance on k (1.22e-4·σ_L on the safety stock).
func TestAnchorInventorizeIFR(t *testing.T) {
	for _, c := range []struct {
		name                           string
		fill, q, demand, sd, leadWeeks float64
		ss, ssR, min, csl              float64
	}{
		// safteystock_IFR_normal(rate=0.97, quantity=9000, demand=100000, standerddeviation=5000,
		// leadtime=4): safteystock, min, cycleservicelevel.
		{"safteystock_IFR_normal", 0.97, 9000, 100000, 5000, 4,
			707.37454192257526272, 707.3802617680055, 8399.6822342302675704, 0.6950075587649340866},
		// inventorymetricsIFR(fillrate=0.90, demand=35000, standerddeviation=9000, quantity=5000,
		// leadtime=3, cost=50, holdingrate=0.15): safteystock, reorder_point, csl.
		{"inventorymetricsIFR", 0.90, 5000, 35000, 9000, 3,
			859.32031406251678362, 859.3342679478268, 2878.5510832932860144, 0.65450616743810791894},
	} {
		d := weekly(t, c.demand, c.sd)
		lead := FixedLeadTime(time.Duration(c.leadWeeks) * week)
		e := Exposure{Demand: d, Lead: lead, OrderQty: c.q}
		r := must(FillRateSafetyStock(c.fill))
		ss := ssFor(t, r, e)
		near(t, c.name+" safety stock (exact root)", ss, c.ss, 1e-9)
		sigmaL := d.StdDevOver(lead.Mean())
		absNear(t, c.name+" safety stock (inventorize)", ss, c.ssR, 1.22e-4*sigmaL)
		rop, _ := ReorderPoint(d, lead, ss)
		near(t, c.name+" min", rop, c.min, 1e-9)
		k, err := r.SafetyFactor(e)
		if err != nil {
			t.Fatal(err)
		}
		sv, err := ServiceFromSafetyFactor(k, sigmaL, c.q)
		if err != nil {
			t.Fatal(err)
		}
		near(t, c.name+" cycleservicelevel", sv.CycleServiceLevel, c.csl, 1e-9)
		near(t, c.name+" fill rate round trip", sv.FillRate, c.fill, 1e-9)
	}
}

// R/CriticalRatio.R, R/MPN_singleperiod.R, R/EUSnorm_singleperiod.R, R/EPN_singleperiod.R and
// R/MPP_singleperiod.R: the newsvendor. inventorize's price p, cost c, salvage g and shortage
// penalty b map to the overage h = c - g and the underage p - c + b.
func TestAnchorInventorizeNewsvendor(t *testing.T) {
	// CriticalRatio(sellingprice=80, cost=60, salvage=45, penality=25) = (p - c + b)/(p - c + b + c - g)
	// = 45/60.
	nv := must(NewNewsvendor(60-45, 80-60+25))
	near(t, "CriticalRatio", nv.CriticalRatio(), 0.75, 1e-15)

	// MPN_singleperiod(mean=32000, standerddeviation=11000, p=24, c=10.9, g=7, b=0): quantity =
	// qnorm(CR, μ, σ), CR = 13.1/17; profit = (p - g)·μ - (c - g)·Q - (p - g + b)·eus. With b = 0
	// the profit is (p - c)·μ minus opskit's expected cost h·E[(Q-D)⁺] + (p - c)·E[(D-Q)⁺], so the
	// cost is 13.1·32000 - 362499.18803956899618.
	nv = must(NewsvendorFromPrices(24, 10.9, 7))
	res, err := nv.Normal(32000, 11000)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "MPN CR", res.CriticalRatio, 0.77058823529411764706, 1e-15)
	near(t, "MPN quantity", res.Qty, 40148.640117246971191, 1e-12)
	near(t, "MPN profit", 13.1*32000-res.ExpectedCost, 362499.18803956899618, 1e-12)

	// EUSnorm_singleperiod(quantity=35000, demand=32000, standerddeviation=12000): k = 0.25,
	// gk = G(k), eus = σ·G(k); EPN_singleperiod(quantity=40149, ...) unitshort = 11000·G(8149/11000).
	near(t, "EUSnorm gk", NormalLoss(0.25), 0.286344698223580138, 1e-12)
	near(t, "EUSnorm eus", 12000*NormalLoss(0.25), 3436.136378682961656, 1e-12)
	near(t, "EPN unitshort", 11000*NormalLoss((40149.0-32000)/11000), 1465.8654112221397782, 1e-12)

	// MPP_singleperiod(lambda=32000, p=24, c=10.9, g=7, b=0): quantity = qpois(CR, λ) = 32132;
	// lost_sales = λ - λ·F(Q-1) - Q·(1 - F(Q)) = 23.99544181289759299, so opskit's expected cost
	// is 3.9·(Q - λ + lost_sales) + 13.1·lost_sales. (inventorize's expectedprofit is not
	// comparable: a line break in R/MPP_singleperiod.R drops "+ (p-c+b)·quantity - b·lambda" from
	// it, so it returns (p - g + b)·Q·F(Q-1) - Q·F(Q) = 395294.23.)
	res, err = nv.Poisson(32000)
	if err != nil {
		t.Fatal(err)
	}
	if res.Qty != 32132 {
		t.Errorf("MPP quantity = %v, want 32132", res.Qty)
	}
	near(t, "MPP cost", res.ExpectedCost, 3.9*(32132-32000+23.99544181289759299)+13.1*23.99544181289759299, 1e-9)
}

// abcOf runs ABC and returns the classes in the items' input order.
func abcOf(t *testing.T, values []int64, cuts ABCCuts) string {
	t.Helper()
	items := make([]ABCItem, len(values))
	for i, v := range values {
		items[i] = ABCItem{ID: string(rune('a' + i)), Value: decimal.NewFromInt(v)}
	}
	res, err := ABC(items, cuts)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]byte, len(values))
	for _, r := range res {
		out[r.ID[0]-'a'] = r.Class.String()[0]
	}
	return string(out)
}

// inventorizeCuts is inventorize's ABC: the items sorted by value, class A while the cumulative
// share (of the item included) is below 0.8, B below 0.95, else C, so the item that crosses a cut
// is in the lower class: [CrossingDown].
func inventorizeCuts(t *testing.T) ABCCuts {
	t.Helper()
	return must(NewABCCuts(decimal.RequireFromString("0.8"), decimal.RequireFromString("0.15"),
		decimal.RequireFromString("0.05"), WithABCBoundary(CrossingDown)))
}

// R/ABC.R (man/ABC.Rd, whose example draws runif values: the data here is fixed) and
// R/product_mix.R.
func TestAnchorInventorizeABC(t *testing.T) {
	cuts := inventorizeCuts(t)
	// ABC(data.frame(SKU=1:6, demand=c(50,25,10,8,4,3))): cumulative 0.5, 0.75, 0.85, 0.93, 0.97, 1
	// → A A B B C C. (opskit's default, CrossingUp, would make the third item A.)
	if got := abcOf(t, []int64{50, 25, 10, 8, 4, 3}, cuts); got != "AABBCC" {
		t.Errorf("ABC = %s, want AABBCC", got)
	}
	// productmix(SKUs=1:6, sales=c(50,25,10,8,4,3), revenue=c(3,4,8,10,25,50)): sales_category and
	// revenue_category are two such ABCs, product_mix "sales_revenue": A_C A_C B_B B_B C_A C_A.
	// (R/product_mix.R compares the cumulative revenue with the strings '0.8' and '0.95', which
	// orders them as text; for these shares the order is the numeric one.)
	sales := abcOf(t, []int64{50, 25, 10, 8, 4, 3}, cuts)
	revenue := abcOf(t, []int64{3, 4, 8, 10, 25, 50}, cuts)
	want := []string{"A_C", "A_C", "B_B", "B_B", "C_A", "C_A"}
	for i := range want {
		if got := sales[i:i+1] + "_" + revenue[i:i+1]; got != want[i] {
			t.Errorf("productmix SKU %d = %s, want %s", i+1, got, want[i])
		}
	}
}

// R/ABC.R at a cut: inventorize tests cumsum(x/sum(x)) < 0.8 and < 0.95 in floating point, so an
// item whose cumulative share is exactly a cut goes to the lower class, and a float rounding
// decides the rest. opskit compares exactly, cum ≤ cut·total (CrossingDown doc: "it belongs to the
// class in which its cumulative value ends (cum ≤ cut·total)"), as scmgo does.
func TestAnchorInventorizeABCAtCut(t *testing.T) {
	cuts := inventorizeCuts(t)
	// c(60,20,10,5,5): cumsum 0.6, 0.8, 0.9, 0.95, 1 (R's cumsum adds in long double; summed in
	// double the fourth is 0.9500000000000001, C as well) → inventorize A B B C C.
	got1 := abcOf(t, []int64{60, 20, 10, 5, 5}, cuts)
	// c(70,10,10,5,3,2): cumsum 0.7, 0.7999999999999999, 0.8999999999999999, 0.95, 0.98, 1 (both ways) →
	// inventorize A A B C C C (0.95 is not < 0.95).
	got2 := abcOf(t, []int64{70, 10, 10, 5, 3, 2}, cuts)
	if got1 != "AABBC" || got2 != "AABBCC" {
		t.Errorf("opskit at the cuts = %s, %s, want AABBC, AABBCC", got1, got2)
	}
	// Documented ([ABC]): "R's inventorize tests its cumulative share < cut in floating point, so an
	// item ending exactly on a cut lands in either class by rounding".
}

// simRun replays one SKU under lost sales.
func simRun(t *testing.T, p Policy, demand []int64, onHand int64, lead int) BacktestResult {
	t.Helper()
	out := make([]BacktestResult, 1)
	if _, err := Backtest([]BacktestSKU{{ID: "x", Policy: p, Demand: demand, OnHand: onHand, LeadDays: lead}}, LostSales, out); err != nil {
		t.Fatal(err)
	}
	return out[0]
}

// R/sim_min_max.R (man/sim_min_max.Rd; its example draws rpois demand, so the demand here is fixed
// and inventorize's output comes from running its loop by hand, Backlogs = FALSE, with min and Max
// given). Mapping: inventorize's row t + 1 serves demand t; the order of row t is decided on the
// position at the end of row t - 1 and arrives in row t + L, so it is opskit's end-of-day review
// with LeadDays = L + 1. Its loop stops at row N, so the last demand is never replayed: opskit
// replays the first N - 1 demands. Its average_inventory_level averages N levels, the starting
// one included, and cycle_service_level is 1 - (periods with lost sales)/N.
func TestAnchorInventorizeSimMinMax(t *testing.T) {
	for _, c := range []struct {
		demand                   []int64
		lead                     int
		minimum, maximum, onHand int64
		lost, stockouts, orders  int64
		units                    int64
		fill, csl, avgInv        float64
	}{
		// sim_min_max(demand=c(4,6,3,5,7,2,8,4,6,5,3,7,9), leadtime=2, service_level=0.95, min=10,
		// Max=25, initial_inventory_level=20): total_lost_sales 3, Item_fill_rate 0.95,
		// cycle_service_level 12/13, total_orders 3 (15, 15, 20), average_inventory_level 102/13.
		{[]int64{4, 6, 3, 5, 7, 2, 8, 4, 6, 5, 3, 7, 9}, 2, 10, 25, 20, 3, 1, 3, 50, 0.95, 12.0 / 13, 102.0 / 13},
		// sim_min_max(demand=c(9,8,7,9,8,9,7,8,9,8,7,9,5), leadtime=3, min=15, Max=30,
		// initial_inventory_level=30): total_lost_sales 29, Item_fill_rate 69/98, cycle_service_level
		// 8/13, total_orders 3 (17, 22, 16), average_inventory_level 100/13.
		{[]int64{9, 8, 7, 9, 8, 9, 7, 8, 9, 8, 7, 9, 5}, 3, 15, 30, 30, 29, 5, 3, 55, 69.0 / 98, 8.0 / 13, 100.0 / 13},
	} {
		n := len(c.demand)
		r := simRun(t, must(NewMinMaxPolicy(float64(c.minimum), float64(c.maximum))), c.demand[:n-1], c.onHand, c.lead+1)
		if r.Short != c.lost || r.StockoutDays != c.stockouts || r.Orders != c.orders || r.OrderedUnits != c.units {
			t.Errorf("min/max L=%d: short %d, stockout days %d, orders %d of %d units; want %d, %d, %d, %d",
				c.lead, r.Short, r.StockoutDays, r.Orders, r.OrderedUnits, c.lost, c.stockouts, c.orders, c.units)
		}
		near(t, "Item_fill_rate", r.FillRate, c.fill, 1e-12)
		near(t, "cycle_service_level", 1-float64(r.StockoutDays)/float64(n), c.csl, 1e-12)
		near(t, "average_inventory_level", (float64(c.onHand)+float64(n-1)*r.AvgOnHand)/float64(n), c.avgInv, 1e-12)
	}
}

// R/sim_min_q.R (sim_min_Q: order Quantity when the position is at or below min; opskit's (s, Q),
// which orders one Q here since Q covers the gap) and R/periodic_policy.R (order up to Max in rows
// R, 2R, ..., Backlogs = FALSE; with R = 3 those rows are opskit's review days 0, 3, 6, ... of
// (R, S)), mapped as sim_min_max above. Demand c(9,8,7,9,8,9,7,8,9,8,7,9,5), leadtime = 2:
//   - sim_min_Q(min=12, Quantity=25, initial_inventory_level=20): total_lost_sales 19 in 4
//     periods, Item_fill_rate 79/98, cycle_service_level 9/13, 3 orders of 25, average
//     inventory 99/13;
//   - periodic_policy(Max=30, Review_period=3, initial_inventory_level=25, Backlogs=FALSE):
//     total_lost_sales 22 in 4 periods, Item_fill_rate 76/98, cycle_service_level 9/13, 4 orders
//     of 76 units, average inventory 87/13.
func TestAnchorInventorizeSimMinQPeriodic(t *testing.T) {
	demand := []int64{9, 8, 7, 9, 8, 9, 7, 8, 9, 8, 7, 9}
	for _, c := range []struct {
		name                                   string
		p                                      Policy
		onHand, lost, stockouts, orders, units int64
		fill, avgInv                           float64
	}{
		{"sim_min_Q", must(NewSQPolicy(12, 25)), 20, 19, 4, 3, 75, 79.0 / 98, 99.0 / 13},
		{"periodic_policy", must(NewRSPolicy(3*Day, 30)), 25, 22, 4, 4, 76, 76.0 / 98, 87.0 / 13},
	} {
		r := simRun(t, c.p, demand, c.onHand, 3)
		if r.Short != c.lost || r.StockoutDays != c.stockouts || r.Orders != c.orders || r.OrderedUnits != c.units {
			t.Errorf("%s: short %d, stockout days %d, orders %d of %d units; want %d, %d, %d, %d", c.name,
				r.Short, r.StockoutDays, r.Orders, r.OrderedUnits, c.lost, c.stockouts, c.orders, c.units)
		}
		near(t, c.name+" Item_fill_rate", r.FillRate, c.fill, 1e-12)
		near(t, c.name+" cycle_service_level", 1-float64(r.StockoutDays)/13, 9.0/13, 1e-12)
		near(t, c.name+" average_inventory_level", (float64(c.onHand)+12*r.AvgOnHand)/13, c.avgInv, 1e-12)
	}
}

// R/sim_base_stock_policy.R (Base given, ordering_delay = FALSE, so the order of row t is that
// row's sales, placed after them: opskit's (R, S) with R = 1 day, S = Base and LeadDays = L).
// sim_base_stock_policy(demand=c(9,8,7,9,8,9,7,8,9,8,7,9,d13), leadtime=2, Base=16): rows 3, 6
// and 10 lose 1 unit each, 12 orders of 95 units, average_inventory_level 27/13.
func TestAnchorInventorizeSimBaseStock(t *testing.T) {
	demand := []int64{9, 8, 7, 9, 8, 9, 7, 8, 9, 8, 7, 9}
	r := simRun(t, must(NewRSPolicy(Day, 16)), demand, 16, 2)
	if r.Short != 3 || r.StockoutDays != 3 || r.Orders != 12 || r.OrderedUnits != 95 {
		t.Errorf("base stock: short %d, stockout days %d, orders %d of %d units; want 3, 3, 12, 95",
			r.Short, r.StockoutDays, r.Orders, r.OrderedUnits)
	}
	near(t, "average_inventory_level", (16+12*r.AvgOnHand)/13, 27.0/13, 1e-12)
	// With d13 = 0: Item_fill_rate 1 - 3/98, cycle_service_level 10/13.
	near(t, "Item_fill_rate", r.FillRate, 1-3.0/98, 1e-12)
	near(t, "cycle_service_level", 1-float64(r.StockoutDays)/13, 10.0/13, 1e-12)
	// With d13 = 5, inventorize's sales vector starts at 0 rather than NA, so the never-replayed
	// last demand counts as lost: total_lost_sales 8, Item_fill_rate 1 - 8/98, csl 9/13.
	t.Skip("differs from inventorize: opskit fill rate 1 - 3/98 on the replayed days, inventorize 1 - 8/98 " +
		"when the last demand is 5: sim_base_stock_policy counts its never-simulated last period as lost sales")
}

// R/sim_min_max.R with Backlogs = TRUE is no backorder model: its cumulative backlog
// (comu_backlogs) grows by each period's new shortage, d - I[t-1], and is never drawn down by the
// receipts that serve it; it resets to 0 only after a period with no new shortage, and sales ignore
// that period's receipts. Run by hand on c(9,8,7,9,8,9,7,8,9,8,7,9,5), leadtime = 3, min = 15,
// Max = 30, initial_inventory_level = 30, its backlog reaches 68 and it orders 17, 24, 16, 41, 65
// and 33 units against a Max of 30. opskit's Backorders replay (doc: receipts serve the backlog
// first; the position nets backorders) orders 6 times 98 units in all (17, 16, 17, 15, 17, 16:
// its policy by hand), leaves 44 units short on their day and ends with 3 backordered and 33 on
// order.
func TestAnchorInventorizeSimBacklogs(t *testing.T) {
	out := make([]BacktestResult, 1)
	_, err := Backtest([]BacktestSKU{{ID: "x", Policy: must(NewMinMaxPolicy(15, 30)),
		Demand: []int64{9, 8, 7, 9, 8, 9, 7, 8, 9, 8, 7, 9}, OnHand: 30, LeadDays: 4}}, Backorders, out)
	if err != nil {
		t.Fatal(err)
	}
	r := out[0]
	if r.Orders != 6 || r.OrderedUnits != 98 || r.Short != 44 || r.EndBackorders != 3 || r.EndOnOrder != 33 {
		t.Errorf("backorders: %d orders of %d units, short %d, end backorders %d, on order %d; want 6, 98, 44, 3, 33",
			r.Orders, r.OrderedUnits, r.Short, r.EndBackorders, r.EndOnOrder)
	}
	t.Skip("differs from inventorize: its Backlogs = TRUE bookkeeping never draws the backlog down " +
		"(6 orders of 196 units, backlog 68, against opskit's 6 of 98 and 3 backordered)")
}

// The demand class of inventorize's simulations (classfication() in R/sim_min_max.R and the other
// sim_* files): Lumpy/Intermittent when ADI > 4/3, Erratic/Lumpy when CV² > 0.5 (sample sd of
// the nonzero sizes). opskit uses Syntetos-Boylan's 1.32 and 0.49 with a value on a cut-off in the
// class above ([ClassifyDemand] doc).
func TestAnchorInventorizeDemandClass(t *testing.T) {
	// c(4,6,3,5,7,2,8,4,6,5,3,7,9) (sim_min_max above): no zeros, CV² = 0.156095 → "Smooth".
	p, err := ClassifyDemand([]float64{4, 6, 3, 5, 7, 2, 8, 4, 6, 5, 3, 7, 9})
	if err != nil || p.Class != Smooth {
		t.Errorf("class = %v, %v; want smooth", p.Class, err)
	}
	near(t, "CV²", p.CV2, 0.15609465798501715, 1e-12)
	// c(10, 29.8): ADI 1, CV² = 2·19.8²/39.8² = 0.494988, not > 0.5 → inventorize "Smooth"; ≥ 0.49
	// → opskit erratic. (c(1, 3), CV² = 0.5, is no example: R's (sd/mean)² rounds to 0.5000000000000001
	// > 0.5, Erratic in both.)
	p, err = ClassifyDemand([]float64{10, 29.8})
	if err != nil || p.Class != Erratic {
		t.Errorf("class = %v, %v; want erratic", p.Class, err)
	}
	near(t, "CV²", p.CV2, 0.49498750031564875, 1e-12)
	// Documented ([ClassifyDemand]): "R's inventorize cuts at ADI > 4/3 and CV² > 0.5 with its own
	// ADI, so a CV² of 0.495 is erratic here and smooth there".
}
