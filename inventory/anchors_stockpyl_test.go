package inventory

import (
	"math"
	"testing"
)

// Anchors from stockpyl's own unit tests (github.com/LarrySnyder/stockpyl, tests/*.py), for the
// cases the older tests of this package do not cover. Each test names the stockpyl file, test and
// instance (instance data from stockpyl's datasets/stockpyl_instances.json, loaded by
// stockpyl.instances.load_instance), quotes the inputs and the asserted outputs, and compares with
// stockpyl's tolerance: assertAlmostEqual's default of 7 decimal places (|got - want| < 5e-8)
// unless the stockpyl test gives places=.

// almost fails unless got rounds to want at the given number of decimal places, as Python's
// assertAlmostEqual(got, want, places) does: |got - want| < ½·10^-places.
func almost(t *testing.T, name string, got, want float64, places int) {
	t.Helper()
	if !(math.Abs(got-want) < 0.5*math.Pow(10, -float64(places))) {
		t.Errorf("%s = %.17g, want %.17g (%d places)", name, got, want, places)
	}
}

// tests/test_eoq.py, TestEconomicOrderQuantity.
func TestAnchorStockpylEOQ(t *testing.T) {
	// test_example_3_1 and test_order_quantity, instance "example_3_1": fixed_cost 8, holding_cost
	// 0.225, demand_rate 1300 → Q = 304.0467800264368, cost 68.410525505948272; cost at Q = 250 is
	// 69.724999999999994.
	q, err := EOQ(1300, 8, 0.225)
	if err != nil {
		t.Fatal(err)
	}
	almost(t, "example_3_1 Q", q, 304.0467800264368, 7)
	c, _ := EOQCost(1300, 8, 0.225, q)
	almost(t, "example_3_1 cost", c, 68.410525505948272, 7)
	c, _ = EOQCost(1300, 8, 0.225, 304.0467800264368)
	almost(t, "cost(304.0467800264368)", c, 68.410525505948272, 7)
	c, _ = EOQCost(1300, 8, 0.225, 250)
	almost(t, "cost(250)", c, 69.724999999999994, 7)
	// test_problem_3_1, instance "problem_3_1": fixed_cost 2250, holding_cost 275, demand_rate
	// 182500 → Q = 1728.109844993551, cost 475230.2073732266.
	q, _ = EOQ(182500, 2250, 275)
	almost(t, "problem_3_1 Q", q, 1728.109844993551, 7)
	c, _ = EOQCost(182500, 2250, 275, q)
	almost(t, "problem_3_1 cost", c, 475230.2073732266, 7)
	// test_negative_parameter: fixed_cost -8 raises ValueError.
	wantErr(t, "K = -8", errOnly(EOQ(1300, -8, 0.225)), ErrNegative)
}

// tests/test_eoq.py, TestEconomicOrderQuantityWithAllUnitsDiscounts. stockpyl returns the region
// index (0-based) of the chosen quantity; here it is the break whose MinQty the quantity reaches.
func TestAnchorStockpylAllUnits(t *testing.T) {
	for _, c := range []struct {
		name    string
		k, i, d float64
		breaks  []PriceBreak
		q       float64
		region  float64 // MinQty of stockpyl's region
		cost    float64
	}{
		// test_example_3_6, instance "example_3_5": fixed_cost 8, holding_cost_rate 0.3, demand_rate
		// 1300, breakpoints [0, 400, 800], unit_costs [0.75, 0.72, 0.68] → 800, region 2, 978.60.
		{"example_3_6", 8, 0.3, 1300, []PriceBreak{{0, 0.75}, {400, 0.72}, {800, 0.68}}, 800, 800, 978.60},
		// test_problem_3_12a, instance "problem_3_12": 2250, 0.25, 182500, [0, 1200, 2400],
		// [1490, 1220, 1100] → 2400, region 2, 201251093.75.
		{"problem_3_12a", 2250, 0.25, 182500, []PriceBreak{{0, 1490}, {1200, 1220}, {2400, 1100}}, 2400, 2400, 201251093.75},
		// test_docstring_example: 200, 0.2, 1000, [0, 200, 500], [500, 475, 450] → 500, region 2, 472900.0.
		{"docstring", 200, 0.2, 1000, []PriceBreak{{0, 500}, {200, 475}, {500, 450}}, 500, 500, 472900},
	} {
		plan, err := EOQWithPriceBreaks(c.d, c.k, c.i, c.breaks)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if plan.Best.Qty != c.q || plan.Best.Break.MinQty != c.region {
			t.Errorf("%s: Q = %v in the break from %v, want %v in region from %v", c.name, plan.Best.Qty, plan.Best.Break.MinQty, c.q, c.region)
		}
		almost(t, c.name+" cost", plan.Best.Cost, c.cost, 7)
	}
	// test_negative_parameter: fixed_cost -8 raises ValueError.
	wantErr(t, "K = -8", errOnly(EOQWithPriceBreaks(1300, -8, 0.3, []PriceBreak{{0, 0.75}, {400, 0.72}, {800, 0.68}})), ErrNegative)
	// test_bad_breapoints: breakpoints [0, -400, 700] (a negative break) and unit_costs
	// [0.75, 0.72, -0.68] (a negative price) raise ValueError. ([500, 600, 700], no break at 0, is
	// also an error here: the lowest MinQty must be 0 or 1.)
	wantErr(t, "negative break", errOnly(EOQWithPriceBreaks(1300, 8, 0.3, []PriceBreak{{0, 0.75}, {-400, 0.72}, {700, 0.68}})), ErrNegative)
	if _, err := EOQWithPriceBreaks(1300, 8, 0.3, []PriceBreak{{500, 0.75}, {600, 0.72}, {700, 0.68}}); err == nil {
		t.Error("breaks from 500: no error")
	}
	if _, err := EOQWithPriceBreaks(1300, 8, 0.3, []PriceBreak{{0, 0.75}, {400, 0.72}, {800, -0.68}}); err == nil {
		t.Error("negative price: no error")
	}
}

// tests/test_eoq.py, TestEconomicOrderQuantityWithIncrementalDiscounts (test_docstring_example is
// in TestIncrementalDiscountsStockpyl).
func TestAnchorStockpylIncremental(t *testing.T) {
	// test_example_3_7, instance "example_3_5": 8, 0.3, 1300, [0, 400, 800], [0.75, 0.72, 0.68] →
	// Q = 304.04678003, region 0, cost 1043.41052551.
	plan, err := EOQWithIncrementalDiscounts(1300, 8, 0.3, []PriceBreak{{0, 0.75}, {400, 0.72}, {800, 0.68}})
	if err != nil {
		t.Fatal(err)
	}
	almost(t, "example_3_7 Q", plan.Best.Qty, 304.04678003, 7)
	almost(t, "example_3_7 cost", plan.Best.Cost, 1043.41052551, 7)
	if plan.Best.Break.MinQty != 0 {
		t.Errorf("example_3_7 region from %v, want 0", plan.Best.Break.MinQty)
	}
	// test_problem_3_12b, instance "problem_3_12": 2250, 0.25, 182500, [0, 1200, 2400],
	// [1490, 1220, 1100] → Q = 28553.06065428, region 2, cost 208678591.67992835.
	plan, err = EOQWithIncrementalDiscounts(182500, 2250, 0.25, []PriceBreak{{0, 1490}, {1200, 1220}, {2400, 1100}})
	if err != nil {
		t.Fatal(err)
	}
	almost(t, "problem_3_12b Q", plan.Best.Qty, 28553.06065428, 7)
	almost(t, "problem_3_12b cost", plan.Best.Cost, 208678591.67992835, 7)
	if plan.Best.Break.MinQty != 2400 {
		t.Errorf("problem_3_12b region from %v, want 2400", plan.Best.Break.MinQty)
	}
	// test_negative_parameter: fixed_cost -8 raises ValueError.
	wantErr(t, "K = -8", errOnly(EOQWithIncrementalDiscounts(1300, -8, 0.3, []PriceBreak{{0, 0.75}, {400, 0.72}, {800, 0.68}})), ErrNegative)
}

// tests/test_eoq.py, TestEconomicOrderQuantityWithBackorders (test_example_3_8 is in
// TestEOQWithBackordersStockpyl).
func TestAnchorStockpylEOQB(t *testing.T) {
	// test_problem_3_2b, instance "problem_3_2b": fixed_cost 40, holding_cost 40.05, stockout_cost 60,
	// demand_rate 2080 → Q = 83.235448128898042, x = 0.400299850074962, cost 1999.148244415212.
	got, err := EOQWithBackorders(2080, 40, 40.05, 60)
	if err != nil {
		t.Fatal(err)
	}
	almost(t, "problem_3_2b Q", got.Qty, 83.235448128898042, 7)
	almost(t, "problem_3_2b x", got.StockoutFraction, 0.400299850074962, 7)
	almost(t, "problem_3_2b cost", got.Cost, 1999.148244415212, 7)
	// test_order_quantity: cost at (83.235448128898042, 0.400299850074962) is 1999.148244415212, at
	// (100, 0.3) 2083.225.
	c, _ := EOQWithBackordersCost(2080, 40, 40.05, 60, 83.235448128898042, 0.400299850074962)
	almost(t, "cost(Q*, x*)", c, 1999.148244415212, 7)
	c, _ = EOQWithBackordersCost(2080, 40, 40.05, 60, 100, 0.3)
	almost(t, "cost(100, 0.3)", c, 2083.225, 7)
	// test_negative_parameter: fixed_cost -8 raises ValueError.
	wantErr(t, "K = -8", errOnly(EOQWithBackorders(1300, -8, 0.225, 5)), ErrNegative)
}

// tests/test_eoq.py, TestEconomicProductionQuantity.
func TestAnchorStockpylEPQ(t *testing.T) {
	// test_example_3_1 and test_order_quantity, instance "example_3_1" with production_rate 2000 →
	// Q = 513.9328595516969, cost 40.472212689696120; cost at 350 is 43.495535714285715.
	q, err := EPQ(1300, 8, 0.225, 2000)
	if err != nil {
		t.Fatal(err)
	}
	almost(t, "example_3_1 Q", q, 513.9328595516969, 7)
	c, _ := EPQCost(1300, 8, 0.225, 2000, q)
	almost(t, "example_3_1 cost", c, 40.472212689696120, 7)
	c, _ = EPQCost(1300, 8, 0.225, 2000, 513.9328595516969)
	almost(t, "cost(513.93...)", c, 40.472212689696120, 7)
	c, _ = EPQCost(1300, 8, 0.225, 2000, 350)
	almost(t, "cost(350)", c, 43.495535714285715, 7)
	// test_problem_3_22, instance "problem_3_22": fixed_cost 4, holding_cost 0.08, demand_rate 80,
	// production_rate 110 → Q = 171.2697677155351, cost 3.736794931975310.
	q, _ = EPQ(80, 4, 0.08, 110)
	almost(t, "problem_3_22 Q", q, 171.2697677155351, 7)
	c, _ = EPQCost(80, 4, 0.08, 110, q)
	almost(t, "problem_3_22 cost", c, 3.736794931975310, 7)
	// test_bad_producition_rate: example_3_1 with production_rate 1000 < demand_rate 1300 raises ValueError.
	wantErr(t, "P < D", errOnly(EPQ(1300, 8, 0.225, 1000)), ErrPolicy)
	// test_negative_parameter: fixed_cost -8 raises ValueError.
	wantErr(t, "K = -8", errOnly(EPQ(1300, -8, 0.225, 2000)), ErrNegative)
}

// tests/test_newsvendor.py. stockpyl's newsvendor_normal with lead_time L protects L + 1 periods:
// N((L + 1)·μ, (L + 1)·σ²); newsvendor_poisson with lead_time L uses Poisson((L + 1)·μ).
func TestAnchorStockpylNewsvendor(t *testing.T) {
	for _, c := range []struct {
		name         string
		h, p, mu, sd float64
		q, cost      float64
	}{
		// TestNewsvendorNormal.test_example_4_3, instance "example_4_3": holding_cost 0.18,
		// stockout_cost 0.7, demand_mean 50, demand_sd 8 → 56.603955927433887, 1.997605193176645.
		{"example_4_3", 0.18, 0.7, 50, 8, 56.603955927433887, 1.997605193176645},
		// test_problem_4_1, instance "problem_4_1": 43, 79, 900, 60 → 922.7214038234755, 2718.196781782411.
		{"problem_4_1", 43, 79, 900, 60, 9.227214038234755e+02, 2.718196781782411e+03},
		// test_example_4_4, instance "example_4_4": 0.18, 0.7, 50, 8, lead_time 4 →
		// 264.7668943741548, 4.466781004149578 (here μ = 5·50, σ = √5·8).
		{"example_4_4", 0.18, 0.7, 250, 8 * math.Sqrt(5), 2.647668943741548e+02, 4.466781004149578},
	} {
		n, err := NewNewsvendor(c.h, c.p)
		if err != nil {
			t.Fatal(err)
		}
		got, err := n.Normal(c.mu, c.sd)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		almost(t, c.name+" S", got.Qty, c.q, 7)
		almost(t, c.name+" cost", got.ExpectedCost, c.cost, 7)
	}
	for _, c := range []struct {
		name       string
		h, p, mean float64
		q          float64
		cost       float64
	}{
		// TestNewsvendorPoisson.test_example_4_7, instance "example_4_7": holding_cost 1,
		// stockout_cost 4, demand_mean 6 → 8, 3.570106945770946 (also TestNewsvendorDiscrete with
		// poisson(6) and TestNewsvendorPoissonCost).
		{"example_4_7", 1, 4, 6, 8, 3.570106945770946},
		// test_problem_4_8a, instance "problem_4_8a": 200, 270, 18 → 19, 786.0884409351115.
		{"problem_4_8a", 200, 270, 18, 19, 7.860884409351115e+02},
		// test_problem_4_19_SCMO: demand_mean 18, lead_time 4, holding_cost 0.08, stockout_cost 1.25
		// → 105, 1.5450188691551778 (here mean 5·18 = 90).
		{"problem_4_19_SCMO", 0.08, 1.25, 90, 105, 1.5450188691551778},
	} {
		n, err := NewNewsvendor(c.h, c.p)
		if err != nil {
			t.Fatal(err)
		}
		got, err := n.Poisson(c.mean)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got.Qty != c.q {
			t.Errorf("%s: S = %v, want %v", c.name, got.Qty, c.q)
		}
		almost(t, c.name+" cost", got.ExpectedCost, c.cost, 7)
	}
	// test_negative_parameter (normal and Poisson): a negative cost raises ValueError.
	wantErr(t, "h < 0", errOnly(NewNewsvendor(-0.18, 0.7)), ErrNotPositive)
}

// tests/test_loss_functions.py: the standard normal, normal and Poisson losses (TestStandardNormalLoss,
// TestStandardNormalSecondLoss, TestNormalLoss, TestNormalSecondLoss, TestPoissonLoss,
// TestPoissonSecondLoss). normal_loss(x, μ, σ) = σ·L((x - μ)/σ) and normal_second_loss = σ²·L²(·).
func TestAnchorStockpylLosses(t *testing.T) {
	for _, c := range []struct {
		x, mean, sd        float64
		n, nbar, n2, n2bar float64
	}{
		{-1.4, 0, 1, 1.436668142708465, 0.036668142708465, 1.465289370279040, 0.014710629720960},
		{0.3, 0, 1, 0.266761242117210, 0.566761242117210, 0.151030102587942, 0.393969897412058},
		{3.1, 0, 1, 2.672490952231408e-04, 3.100267249095223, 6.956550901328958e-05, 5.304930434490987},
		{11.0, 8, 3, 0.249946411763059, 3.249946411763059, 0.339029025046969, 8.660970974953031},
		{10.5, 15, 5, 5.002155685433356, 0.502155685433356, 21.454098725390558, 1.170901274609442},
	} {
		l, err := NormalLosses((c.x - c.mean) / c.sd)
		if err != nil {
			t.Fatal(err)
		}
		almost(t, "n", c.sd*l.First, c.n, 7)
		almost(t, "n̄", c.sd*l.FirstComplement, c.nbar, 7)
		almost(t, "n²", c.sd*c.sd*l.Second, c.n2, 7)
		almost(t, "n̄²", c.sd*c.sd*l.SecondComplement, c.n2bar, 7)
	}
	for _, c := range []struct {
		x                  int64
		mean               float64
		n, nbar, n2, n2bar float64 // n2 = n2bar = -1: not asserted by stockpyl
	}{
		{220, 200, 0.536005857158494, 20.536005857158482, -1, -1},
		{5, 7, 2.292600125697305, 0.292600125697305, 4.040829435261403, 0.459170564738597},
		{50, 47, 1.514546939496945, 4.514546939496945, 5.192979532973098, 24.307020467026899},
		{18, 15, -1, -1, 0.848340302917794, 12.651659697082206},
	} {
		l, err := PoissonLosses(c.x, c.mean)
		if err != nil {
			t.Fatal(err)
		}
		if c.n >= 0 {
			almost(t, "poisson n", l.First, c.n, 7)
			almost(t, "poisson n̄", l.FirstComplement, c.nbar, 7)
		}
		if c.n2 >= 0 {
			almost(t, "poisson n²", l.Second, c.n2, 7)
			almost(t, "poisson n̄²", l.SecondComplement, c.n2bar, 7)
		}
	}
	// TestStandardNormalLossDict.test_loss: the table's L(z) to 4 places at -3.71, -0.77, 1.12,
	// 2.34, -0.3, 1.1, 2.3, and test_complementary_loss's L̄(z).
	for _, c := range []struct{ z, l, lbar float64 }{
		{-3.71, 3.7100, 2.486423864755949e-05}, {-0.77, 0.8967, 0.12669429630997542},
		{1.12, 0.0659, 1.1859494400078596}, {2.34, 0.0033, 2.343254599799449},
		{-0.3, 0.5668, 0.2667612421172099}, {1.1, 0.0686, 1.1686195099915297}, {2.3, 0.0037, 2.3036615846917465},
	} {
		l, _ := NormalLosses(c.z)
		almost(t, "table L", l.First, c.l, 4)
		almost(t, "table L̄", l.FirstComplement, c.lbar, 4)
	}
}
