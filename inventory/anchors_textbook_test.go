package inventory

import (
	"math"
	"testing"
	"time"

	_ "github.com/shopspring/decimal"
)

// Anchors from scmgo (github.com/motah-fard/scmgo, a Go supply-chain library; its unit tests'
// expected numbers, each at the test's own tolerance, citing <package>/<file>_test.go and the case
// name), from statsmodels' tests of Hyndman & Athanasopoulos' exponential smoothing
// (statsmodels/tsa/tests/test_holtwinters.py, whose values come from "Forecasting: principles and
// practice") and from Hyndman's R package forecast (R/croston.R, tests/testthat/test-croston.R).

// scmgoSafety is scmgo's daily demand, lead time in days and service level as an opskit rule.
func scmgoSafety(t *testing.T, r SafetyStock, mean, sd, lead float64) (ss, rop float64) {
	t.Helper()
	d := MustDemand(mean, sd, Day)
	l := FixedLeadTime(time.Duration(lead * float64(Day)))
	ss = ssFor(t, r, Exposure{Demand: d, Lead: l})
	rop, err := ReorderPoint(d, l, ss)
	if err != nil {
		t.Fatal(err)
	}
	return ss, rop
}

// scmgo inventory/eoq_test.go, eoq_quantity_discounts_test.go, epq_test.go and eoi_test.go.
func TestAnchorScmgoEOQ(t *testing.T) {
	for _, c := range []struct {
		name       string
		d, k, h, q float64
	}{
		{"valid input", 10000, 50, 2, 707.1067811865476},
		{"very large values", 1e9, 1e4, 25, 894427.1909999159},
		{"zero annual demand", 0, 50, 2, 0},
		{"zero ordering cost", 10000, 0, 2, 0},
	} {
		q, err := EOQ(c.d, c.k, c.h)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		absNear(t, "EOQ "+c.name, q, c.q, 1e-6)
	}
	wantErr(t, "negative annual demand", errOnly(EOQ(-1, 50, 2)), ErrNegative)
	wantErr(t, "negative ordering cost", errOnly(EOQ(10000, -1, 2)), ErrNegative)
	wantErr(t, "zero holding cost", errOnly(EOQ(10000, 50, 0)), ErrNotPositive)
	wantErr(t, "negative holding cost", errOnly(EOQ(10000, 50, -1)), ErrNotPositive)

	// TestEOQWithQuantityDiscounts "classic textbook example": D = 10000, S = 20, i = 0.2, tiers
	// 1+ at 5.00, 500+ at 4.50, 1000+ at 3.90 → 1000 units at 3.90, total annual cost 39590;
	// "single tier behaves like plain EOQ": S = 50, 1+ at 10 → 707.1067811865476, 101414.2135623731.
	plan, err := EOQWithPriceBreaks(10000, 20, 0.2, []PriceBreak{{1, 5}, {500, 4.5}, {1000, 3.9}})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Best.Qty != 1000 || plan.Best.Break.UnitPrice != 3.9 {
		t.Errorf("classic: %v units at %v, want 1000 at 3.90", plan.Best.Qty, plan.Best.Break.UnitPrice)
	}
	absNear(t, "classic cost", plan.Best.Cost, 39590, 1e-6)
	plan, err = EOQWithPriceBreaks(10000, 50, 0.2, []PriceBreak{{1, 10}})
	if err != nil {
		t.Fatal(err)
	}
	absNear(t, "single tier Q", plan.Best.Qty, 707.1067811865476, 1e-6)
	absNear(t, "single tier cost", plan.Best.Cost, 101414.2135623731, 1e-6)
	for name, breaks := range map[string][]PriceBreak{
		"empty tiers": nil, "tiers not strictly ascending": {{1, 5}, {1, 4.5}},
		"price increases with quantity": {{1, 5}, {500, 5.5}}, "zero unit price": {{1, 0}},
		"NaN in tier price": {{1, math.NaN()}},
	} {
		if _, err := EOQWithPriceBreaks(10000, 20, 0.2, breaks); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	// "first tier min quantity not above zero" ({0, 5}) is an error in scmgo; opskit takes a first
	// break at 0 (EOQWithPriceBreaks doc: "the lowest MinQty must be 0 or 1 so that every quantity
	// has a price"), as stockpyl's breakpoints do.
	if _, err := EOQWithPriceBreaks(10000, 20, 0.2, []PriceBreak{{0, 5}}); err != nil {
		t.Errorf("a first break at 0: %v", err)
	}

	// TestEPQ "valid input": D = 10000, K = 50, h = 2, P = 40000 → 816.496580927726; P = D and
	// P < D are errors.
	q, err := EPQ(10000, 50, 2, 40000)
	if err != nil {
		t.Fatal(err)
	}
	absNear(t, "EPQ", q, 816.496580927726, 1e-6)
	for _, p := range []float64{10000, 5000, math.NaN()} {
		if _, err := EPQ(10000, 50, 2, p); err == nil {
			t.Errorf("EPQ with P = %v: no error", p)
		}
	}
	// TestEOI "valid input": the economic order interval EOQ/D·365 = 25.809397513308983 days.
	p2, err := PowerOfTwoInterval(10000, 50, 2, 1.0/365)
	if err != nil {
		t.Fatal(err)
	}
	absNear(t, "EOI days", 365*p2.OptimalInterval, 25.809397513308983, 1e-6)
}

// scmgo inventory/newsvendor_test.go, unit_normal_loss_test.go, fill_rate_test.go,
// fill_rate_safety_stock_test.go and zscore_test.go.
func TestAnchorScmgoNewsvendorLossFill(t *testing.T) {
	// TestNewsvendor "valid input": μ 500, σ 100, underage 18, overage 7 → 558.2841507271216, CR
	// 0.72; "balanced costs": 200, 30, 10, 10 → 200, 0.5 (tolerance 1e-6).
	for _, c := range []struct{ mean, sd, under, over, q, cr float64 }{
		{500, 100, 18, 7, 558.2841507271216, 0.72}, {200, 30, 10, 10, 200, 0.5},
	} {
		res, err := must(NewNewsvendor(c.over, c.under)).Normal(c.mean, c.sd)
		if err != nil {
			t.Fatal(err)
		}
		absNear(t, "newsvendor Q", res.Qty, c.q, 1e-6)
		absNear(t, "newsvendor CR", res.CriticalRatio, c.cr, 1e-6)
	}
	wantErr(t, "negative mean demand", errOnly(must(NewNewsvendor(7, 18)).Normal(-1, 100)), ErrNegative)
	wantErr(t, "negative sd", errOnly(must(NewNewsvendor(7, 18)).Normal(500, -1)), ErrNegative)
	wantErr(t, "zero underage", errOnly(NewNewsvendor(7, 0)), ErrNotPositive)
	wantErr(t, "zero overage", errOnly(NewNewsvendor(0, 18)), ErrNotPositive)

	// TestUnitNormalLoss (tolerance 1e-9).
	for z, want := range map[float64]float64{0: 0.3989422804014327, 1: 0.08331547058768629,
		-1: 1.0833154705876864, 2: 0.008490702616829646, -2: 2.0084907026168297} {
		absNear(t, "L(z)", NormalLoss(z), want, 1e-9)
	}
	if _, err := NormalLosses(math.NaN()); err == nil {
		t.Error("NormalLosses(NaN): no error")
	}

	// TestExpectedFillRate: safety stock 50, -10 and 0 with σ_L 50 and Q 200 (k = SS/σ_L) →
	// 0.9791711323530784, 0.8732763410341808, 0.9002644298996418 (tolerance 1e-9).
	for ss, want := range map[float64]float64{50: 0.9791711323530784, -10: 0.8732763410341808, 0: 0.9002644298996418} {
		sv, err := ServiceFromSafetyFactor(ss/50, 50, 200)
		if err != nil {
			t.Fatal(err)
		}
		absNear(t, "fill rate", sv.FillRate, want, 1e-9)
	}
	wantErr(t, "zero order quantity", errOnly(ServiceFromSafetyFactor(1, 50, 0)), ErrNotPositive)

	// TestFillRateSafetyStock: (β, σ_L, Q) → SS; here σ_L is a daily σ over a one-day lead time.
	for _, c := range []struct{ fill, sd, q, ss, tol float64 }{
		{0.98, 50, 200, 51.061943877150576, 1e-6},
		{0.95, 100, 500, 34.48674639990238, 1e-6},
		{0.999999999999, 100, 1, 738.4662067647073, 1e-3},
		// "not achievable within bisection bound" (0.5, 10, 1000) is ErrFillRateNotAchievable in
		// scmgo; opskit gives 0 (SafetyStock doc: "a fill rate that cycle stock alone achieves gives 0").
		{0.5, 10, 1000, 0, 0},
	} {
		e := Exposure{Demand: MustDemand(0, c.sd, Day), Lead: FixedLeadTime(Day), OrderQty: c.q}
		absNear(t, "fill-rate safety stock", ssFor(t, must(FillRateSafetyStock(c.fill)), e), c.ss, c.tol)
	}
	wantErr(t, "fill rate 0", errOnly(FillRateSafetyStock(0)), ErrServiceLevel)
	wantErr(t, "fill rate 1", errOnly(FillRateSafetyStock(1)), ErrServiceLevel)
	wantErr(t, "fill rate NaN", errOnly(FillRateSafetyStock(math.NaN())), ErrNotFinite)
	_, err := must(FillRateSafetyStock(0.95)).For(Exposure{Demand: MustDemand(0, 50, Day), Lead: FixedLeadTime(Day)})
	wantErr(t, "zero order quantity", err, ErrNotPositive)

	// TestZScoreForServiceLevel (values to 10 decimals).
	for p, want := range map[float64]float64{0.90: 1.2815515655, 0.95: 1.6448536269, 0.975: 1.9599639845, 0.99: 2.3263478740} {
		z, err := NormalQuantile(p)
		if err != nil {
			t.Fatal(err)
		}
		absNear(t, "z", z, want, 1e-9)
	}
	for _, p := range []float64{0, 1, -0.1, 1.1} {
		wantErr(t, "service level", errOnly(CycleServiceSafetyStock(p)), ErrServiceLevel)
	}
}

// scmgo inventory/safety_stock_test.go, reorder_point_test.go, reorder_point_basic_test.go,
// safety_stock_variable_lead_time_test.go, reorder_point_variable_lead_time_test.go,
// stddev_demand_during_lead_time_test.go and demand_during_lead_time_test.go. scmgo's service-level
// values are given to 9 decimals and compared at 1e-4.
func TestAnchorScmgoSafetyStock(t *testing.T) {
	for _, c := range []struct {
		name                string
		mean, sd, lead, csl float64
		ss, rop             float64
	}{
		{"valid 95 percent service level", 50, 10, 4, 0.95, 32.897072538, 232.897072538},
		{"valid 90 percent service level", 20, 8, 9, 0.90, 30.757237572, 210.757237572},
		{"zero average demand", 0, 10, 5, 0.95, 36.780044795, 36.780044795},
		{"zero lead time", 50, 10, 0, 0.95, 0, 0},
		{"zero standard deviation", 40, 0, 3, 0.95, 0, 120},
	} {
		ss, rop := scmgoSafety(t, must(CycleServiceSafetyStock(c.csl)), c.mean, c.sd, c.lead)
		absNear(t, c.name+" safety stock", ss, c.ss, 1e-4)
		absNear(t, c.name+" reorder point", rop, c.rop, 1e-4)
	}
	// TestSafetyStockWithVariableLeadTime: μ 100, σ 10, L 5 ± 1 days, 95 % → 168.54734132581814
	// (1e-6); σ_L = 0 → 36.78004522900573 (1e-9); TestReorderPointWithVariableLeadTime → 668.5473413258181.
	d := MustDemand(100, 10, Day)
	r := must(CycleServiceLeadTimeSafetyStock(0.95))
	ss := ssFor(t, r, Exposure{Demand: d, Lead: MustLeadTime(5*Day, Day)})
	absNear(t, "variable lead time safety stock", ss, 168.54734132581814, 1e-6)
	rop, _ := ReorderPoint(d, MustLeadTime(5*Day, Day), ss)
	absNear(t, "variable lead time reorder point", rop, 668.5473413258181, 1e-6)
	absNear(t, "fixed lead time safety stock", ssFor(t, r, Exposure{Demand: d, Lead: FixedLeadTime(5 * Day)}), 36.78004522900573, 1e-9)

	// TestReorderPoint (basic, safety stock given): exact.
	for _, c := range []struct{ mean, lead, ss, want float64 }{
		{100, 5, 50, 550}, {0, 0, 0, 0}, {0, 5, 25, 25}, {100, 0, 40, 40}, {1_000_000, 365, 10_000_000, 375_000_000},
	} {
		got, err := ReorderPoint(MustDemand(c.mean, 0, Day), FixedLeadTime(time.Duration(c.lead)*Day), c.ss)
		if err != nil || got != c.want {
			t.Errorf("ReorderPoint(%v, %v, %v) = %v, %v; want %v", c.mean, c.lead, c.ss, got, err, c.want)
		}
	}
	wantErr(t, "negative safety stock", errOnly(ReorderPoint(MustDemand(10, 0, Day), FixedLeadTime(5*Day), -1)), ErrNegative)
	wantErr(t, "negative demand", errOnly(NewDemand(-1, 0, Day)), ErrNegative)
	wantErr(t, "negative sd", errOnly(NewDemand(50, -2, Day)), ErrNegative)

	// TestDemandDuringLeadTime (100 a day over 5 days → 500) and TestStdDevDemandDuringLeadTime
	// (10 over 4 days → 20; 12 over 2.25 days → 18; tolerance 1e-9).
	absNear(t, "demand during lead time", MustDemand(100, 0, Day).MeanOver(5*Day), 500, 0)
	absNear(t, "σ over 4 days", MustDemand(0, 10, Day).StdDevOver(4*Day), 20, 1e-9)
	absNear(t, "σ over 2.25 days", MustDemand(0, 12, Day).StdDevOver(54*time.Hour), 18, 1e-9)
}

// scmgo inventory/minmax_service_level_test.go and policy_summary_test.go, through the planner.
func TestAnchorScmgoPolicies(t *testing.T) {
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	why := func(cfg PlanConfig, it Item) Explanation {
		t.Helper()
		p, err := NewPlanner(cfg)
		if err != nil {
			t.Fatal(err)
		}
		s, err := p.Suggest(it, at)
		if err != nil {
			t.Fatal(err)
		}
		return s.Why
	}
	// TestMinMaxLevelsWithServiceLevel: min = μL + z·σ·√L, max = min + Q (tolerance 1e-4).
	for _, c := range []struct{ mean, lead, sd, csl, q, min, max float64 }{
		{50, 4, 10, 0.95, 200, 232.897072538, 432.897072538},
		{20, 9, 8, 0.90, 100, 210.757237572, 310.757237572},
	} {
		w := why(PlanConfig{Policy: PolicyMinMax, SafetyStock: must(CycleServiceSafetyStock(c.csl))},
			Item{ID: "x", Demand: MustDemand(c.mean, c.sd, Day), Lead: FixedLeadTime(time.Duration(c.lead) * Day), OrderQty: c.q})
		absNear(t, "min", w.ReorderLevel, c.min, 1e-4)
		absNear(t, "max", w.OrderUpTo, c.max, 1e-4)
	}
	// TestBuildPolicySummary: ROP = μL + SS, target = μ(L + R) + SS for a given SS ("valid full
	// case" 100/day, L 5, R 7, SS 50 → 550 and 1250; "zero safety stock" 20, 3, 2, 0 → 60, 100;
	// "zero lead time" 10, 0, 6, 5 → 5, 65). ("zero review period" is continuous review, which has
	// no order-up-to level under (R, S) here.)
	for _, c := range []struct{ mean, lead, review, ss, rop, target float64 }{
		{100, 5, 7, 50, 550, 1250}, {20, 3, 2, 0, 60, 100}, {10, 0, 6, 5, 5, 65},
	} {
		w := why(PlanConfig{Policy: PolicyRS, Review: time.Duration(c.review) * Day, SafetyStock: must(FixedSafetyStock(c.ss))},
			Item{ID: "x", Demand: MustDemand(c.mean, 0, Day), Lead: FixedLeadTime(time.Duration(c.lead) * Day)})
		absNear(t, "policy summary ROP", w.ReorderPoint, c.rop, 1e-9)
		absNear(t, "policy summary target", w.OrderUpTo, c.target, 1e-9)
	}
	// TestBuildPolicySummaryWithServiceLevel (and ExampleBuildPolicySummaryWithServiceLevel): 100
	// a day, σ 20, L 5, R 7, 95 % → scmgo safety stock 73.56 and ROP 573.56 over L, target 1273.56
	// = μ(L + R) + the safety stock over L. opskit protects the whole interval R + L (doc.go,
	// "(R, S): S = μ·(R + L) + SS with SS over R + L; the status uses μ·L + SS as the reorder
	// point"), so its S is 1200 + z·20·√12 = 1313.9588021157558 and its reorder point 500 +
	// z·20·√12 = 613.9588021157558; scmgo's ROP 573.56 is opskit's min/max reorder level.
	w := why(PlanConfig{Policy: PolicyRS, Review: 7 * Day, SafetyStock: must(CycleServiceSafetyStock(0.95))},
		Item{ID: "x", Demand: MustDemand(100, 20, Day), Lead: FixedLeadTime(5 * Day)})
	absNear(t, "(R, S) S", w.OrderUpTo, 1313.9588021157558, 1e-9)
	absNear(t, "(R, S) reorder point", w.ReorderPoint, 613.9588021157558, 1e-9)
	w = why(PlanConfig{Policy: PolicyMinMax, SafetyStock: must(CycleServiceSafetyStock(0.95))},
		Item{ID: "x", Demand: MustDemand(100, 20, Day), Lead: FixedLeadTime(5 * Day), OrderQty: 700})
	absNear(t, "min/max min", w.ReorderLevel, 573.560090458011463, 1e-9)
	absNear(t, "min/max safety stock", w.SafetyStock, 73.560090458011463, 1e-9)
}

// scmgo inventory/turnover_test.go, days_on_hand_test.go and gmroi_test.go (tolerance 1e-9).
func TestAnchorScmgoMetrics(t *testing.T) {
	for _, c := range []struct {
		name      string
		got, want float64
		err       error
	}{
		{"turnover", must(Turnover(120000, 20000)), 6, nil},
		{"turnover zero COGS", must(Turnover(0, 20000)), 0, nil},
		{"days on hand", must(DaysOfInventory(120000, 20000, Year)), 60.83333333333333, nil},
		{"days on hand zero inventory", must(DaysOfInventory(120000, 0, Year)), 0, nil},
		{"GMROI", must(GMROI(50000, 20000)), 2.5, nil},
		{"GMROI negative margin", must(GMROI(-10000, 20000)), -0.5, nil},
	} {
		absNear(t, c.name, c.got, c.want, 1e-9)
	}
	for name, err := range map[string]error{
		"turnover negative COGS":          errOnly(Turnover(-1, 20000)),
		"turnover zero inventory":         errOnly(Turnover(120000, 0)),
		"turnover negative inventory":     errOnly(Turnover(120000, -1)),
		"turnover NaN COGS":               errOnly(Turnover(math.NaN(), 20000)),
		"days on hand negative inventory": errOnly(DaysOfInventory(120000, -1, Year)),
		"days on hand zero COGS":          errOnly(DaysOfInventory(0, 20000, Year)),
		"days on hand zero period":        errOnly(DaysOfInventory(120000, 20000, 0)),
		"GMROI zero inventory":            errOnly(GMROI(50000, 0)),
		"GMROI negative inventory":        errOnly(GMROI(50000, -1)),
		"GMROI NaN margin":                errOnly(GMROI(math.NaN(), 20000)),
	} {
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
