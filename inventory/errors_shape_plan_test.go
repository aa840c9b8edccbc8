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
		{"LastSaleIn", third(LastSaleIn(nil, testNow, Day)), ErrEmptyHistory},
		{"ClassSafetyStock.UnmarshalJSON", new(ClassSafetyStock).UnmarshalJSON([]byte(`{"zz":1}`)), ErrInvalidJSON},
	}
}
