package inventory

// planShapeCases are TestErrorShape's cases for the functions of issue 16 (planner ergonomics,
// order shaping modes, the policy backtest and the seed rules), kept apart to keep that file short.
func planShapeCases() []struct {
	name string
	err  error
	want error
} {
	ses := mustF(NewSES(0.2))
	return []struct {
		name string
		err  error
		want error
	}{
		{"DemandFromForecast", second(DemandFromForecast(ses, []float64{3}, Day)), ErrShortHistory},
		{"NewTopUpPolicy", second(NewTopUpPolicy(10, 0)), ErrNotPositive},
		{"Shaping.ShapeWithin", second(Shaping{}.ShapeWithin(1, -1)), ErrNegative},
		{"PackRounding.UnmarshalText", new(PackRounding).UnmarshalText([]byte("zz")), ErrInvalidEnum},
		{"ABCBoundary.UnmarshalText", new(ABCBoundary).UnmarshalText([]byte("zz")), ErrInvalidEnum},
		{"Backtest", second(Backtest(nil, 9, nil)), ErrInvalidEnum},
		{"Planner.Policy", second(Planner{}.Policy(Item{})), ErrPolicy},
		{"SearchClassLevels", second(SearchClassLevels(PlanConfig{}, 0, nil, 0, nil, 0)), ErrInvalidEnum},
		{"BacktestSKU.UnmarshalJSON", new(BacktestSKU).UnmarshalJSON([]byte(`{"zz":1}`)), ErrInvalidJSON},
		{"BacktestItem.UnmarshalJSON", new(BacktestItem).UnmarshalJSON([]byte(`{"zz":1}`)), ErrInvalidJSON},
		{"Reconcile", second(Reconcile(nil, 0.02)), ErrEmptyHistory},
		{"LifecycleRule.Classify", second(LifecycleRule{}.Classify([]float64{1})), ErrNotPositive},
		{"EventRule.PlanEvent", second(EventRule{}.PlanEvent(EventInput{})), ErrPolicy},
		{"LifecycleStage.UnmarshalText", new(LifecycleStage).UnmarshalText([]byte("zz")), ErrInvalidEnum},
		{"CountLine.UnmarshalJSON", new(CountLine).UnmarshalJSON([]byte(`{"zz":1}`)), ErrInvalidJSON},
		{"LifecycleRule.UnmarshalJSON", new(LifecycleRule).UnmarshalJSON([]byte(`{"zz":1}`)), ErrInvalidJSON},
		{"EventRule.UnmarshalJSON", new(EventRule).UnmarshalJSON([]byte(`{"zz":1}`)), ErrInvalidJSON},
		{"EventInput.UnmarshalJSON", new(EventInput).UnmarshalJSON([]byte(`{"zz":1}`)), ErrInvalidJSON},
		{"LastSaleIn", third(LastSaleIn(nil, testNow, Day)), ErrEmptyHistory},
		{"ClassSafetyStock.UnmarshalJSON", new(ClassSafetyStock).UnmarshalJSON([]byte(`{"zz":1}`)), ErrInvalidJSON},
	}
}
