package inventory_test

import (
	"fmt"
	"time"

	"github.com/opskit/opskit/inventory"
)

// A Holt forecast of a falling series goes below zero; the bridge clamps it, so the planner gets a
// valid demand.
func ExampleDemandFromForecast() {
	holt, _ := inventory.NewHolt(0.5, 0.5)
	raw, _ := holt.Forecast([]float64{20, 12, 4}, 1)
	d, _ := inventory.DemandFromForecast(holt, []float64{20, 12, 4}, inventory.Day)
	fmt.Println(raw, d.Mean())
	// Output: -4 0
}

// Min/max 5/10, two days of lead time, three a day: three orders of 6 over six days, no stockout.
func ExampleBacktest() {
	policy, _ := inventory.NewMinMaxPolicy(5, 10)
	skus := []inventory.BacktestSKU{{
		ID: "milk", Policy: policy, Demand: []int64{3, 3, 3, 3, 3, 3}, OnHand: 10, LeadDays: 2,
		HoldingCost: 1, OrderCost: 10, ShortageCost: 5,
	}}
	out := make([]inventory.BacktestResult, len(skus))
	total, _ := inventory.Backtest(skus, inventory.LostSales, out)
	r := out[0]
	fmt.Printf("fill %.0f%%, orders %d, avg on hand %.1f, cost %.0f (total %.0f)\n", r.FillRate*100, r.Orders, r.AvgOnHand, r.TotalCost, total.TotalCost)
	// Output: fill 100%, orders 3, avg on hand 3.5, cost 51 (total 51)
}

// ERPNext's reorder rule: at or below the level, the reorder qty or the deficiency if larger.
func ExampleNewTopUpPolicy() {
	p, _ := inventory.NewTopUpPolicy(20, 50)
	a, _ := p.Need(5, inventory.AtOrBelow)
	b, _ := p.Need(-40, inventory.AtOrBelow)
	fmt.Println(a, b)
	// Output: 50 60
}

// Odoo 18: an order up to the max is rounded down to the multiple rather than past the max.
func ExampleShaping_ShapeWithin() {
	s := inventory.MustShaping(0, 5, 0, inventory.WithPackRounding(inventory.PackRoundUpWithinMax))
	r, _ := s.ShapeWithin(22, 22) // max 25, forecast 3
	fmt.Println(r.Qty)
	// Output: 20
}

// A stocktake with a 2 % threshold: 1 missing of 50 is exactly 2 % and not flagged.
func ExampleReconcile() {
	r, _ := inventory.Reconcile([]inventory.CountLine{{ID: "a", Book: 50, Counted: 49, Sold: 100}, {ID: "b", Book: 50, Counted: 48, Sold: 50}}, 0.02)
	fmt.Println(r.Shrinkage, r.ShrinkageRate, r.Flagged)
	// Output: 3 0.02 1
}

// Weekly sales up 20 % over the last four weeks: growth.
func ExampleLifecycleRule_Classify() {
	l, _ := inventory.DefaultLifecycleRule().Classify([]float64{5, 5, 5, 5, 6, 6, 6, 6})
	fmt.Println(l.Stage, l.Growth)
	// Output: growth 0.2
}

// The seeds' March plan: 2 500 UV a day at 3 % for three days.
func ExampleEventRule_PlanEvent() {
	start := inventory.Date{Year: 2025, Month: time.March, Day: 8}
	p, _ := inventory.DefaultEventRule().PlanEvent(inventory.EventInput{Start: start, Days: 3, UV: 7500,
		ConversionRate: 0.03, UnitsPerOrder: 1, OnHand: 60, LeadDays: 5})
	fmt.Println(p.Units, p.ToBuy, p.Prepack, p.OrderBy, p.AfterSalesFrom, p.AfterSalesTo)
	// Output: 225 165 75 2025-03-02 2025-03-13 2025-03-19
}
