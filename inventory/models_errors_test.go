package inventory

import "math"

// modelErrorCases are TestErrorShape's cases for the textbook models (EOQ family, loss functions,
// (r, Q), (s, S), lot sizing, SBJ): one representative bad input each.
func modelErrorCases() []struct {
	name string
	err  error
	want error
} {
	csl, _ := CycleServiceSafetyStock(0.95)
	rq := RQProblem{HoldingCost: 1, StockoutCost: 1, OrderCost: 1, DemandRate: 1, LeadMean: -1}
	ss := SSProblem{HoldingCost: 1, StockoutCost: 1, OrderCost: 1}
	return []struct {
		name string
		err  error
		want error
	}{
		{"EOQWithBackorders", second(EOQWithBackorders(1, 1, 1, 0)), ErrNotPositive},
		{"EOQWithBackordersCost", second(EOQWithBackordersCost(1, 1, 1, 1, 1, 2)), ErrPolicy},
		{"EPQ", second(EPQ(2, 1, 1, 1)), ErrPolicy},
		{"EPQCost", second(EPQCost(1, 1, 1, 2, 0)), ErrNotPositive},
		{"EOQWithIncrementalDiscounts", second(EOQWithIncrementalDiscounts(1, 1, 1, nil)), ErrEmptyHistory},
		{"PriceBreakCost", second(PriceBreakCost(1, 1, 1, []PriceBreak{{0, 1}}, math.NaN(), false)), ErrNotFinite},
		{"NormalLosses", second(NormalLosses(math.NaN())), ErrNotFinite},
		{"PoissonLosses", second(PoissonLosses(1, -1)), ErrNegative},
		{"ServiceFromSafetyFactor", second(ServiceFromSafetyFactor(1, 1, 0)), ErrNotPositive},
		{"SafetyStock.SafetyFactor", second(csl.SafetyFactor(Exposure{})), ErrNotPositive},
		{"RQProblem.CostNormal", second(rq.CostNormal(1, 1)), ErrNegative},
		{"RQProblem.OptimalNormal", second(rq.OptimalNormal()), ErrNegative},
		{"RQProblem.EOQSS", second(rq.EOQSS()), ErrNegative},
		{"RQProblem.EOQB", second(rq.EOQB()), ErrNegative},
		{"RQProblem.EIL", second(rq.EIL()), ErrNegative},
		{"RQProblem.LossFunction", second(rq.LossFunction()), ErrNegative},
		{"RQProblem.CostPoisson", second(rq.CostPoisson(1, 1)), ErrNegative},
		{"RQProblem.OptimalPoisson", second(rq.OptimalPoisson()), ErrNegative},
		{"SSProblem.Cost", second(ss.Cost(0, 1)), ErrEmptyHistory},
		{"SSProblem.Optimal", second(ss.Optimal()), ErrEmptyHistory},
		{"SSPowerApproximation", third(SSPowerApproximation(1, 1, 1, 1, 0, 0)), ErrNotPositive},
		{"PoissonPMF", second(PoissonPMF(math.Inf(1))), ErrNotFinite},
		{"WagnerWhitin", second(WagnerWhitin(nil, 1, 1)), ErrEmptyHistory},
		{"SilverMeal", second(SilverMeal([]float64{-1}, 1, 1)), ErrNegative},
		{"PowerOfTwoInterval", second(PowerOfTwoInterval(1, 1, 1, 0)), ErrNotPositive},
		{"NewSBJ", second(NewSBJ(0)), ErrSmoothing},
		{"RQProblem.UnmarshalJSON", new(RQProblem).UnmarshalJSON([]byte(`{"zz":1}`)), ErrInvalidJSON},
		{"SSProblem.UnmarshalJSON", new(SSProblem).UnmarshalJSON([]byte(`{"zz":1}`)), ErrInvalidJSON},
	}
}
