package inventory_test

import (
	"fmt"
	"time"

	"github.com/opskit/opskit/inventory"
)

// A tea shop's morning replenishment list. The rules come from the source documents: replenish
// when stock is below the warning line (INV-01, strictly below), keep at least 30 units of the hero
// item (INV-04), take presold group-buy stock off what is available (INV-07), and keep returned goods
// on quality hold out of stock until inspected (INV-26).
func Example_storeMorning() {
	now := time.Date(2025, 6, 2, 7, 30, 0, 0, time.UTC)
	csl, _ := inventory.CycleServiceSafetyStock(0.95)
	planner, err := inventory.NewPlanner(inventory.PlanConfig{
		Policy:          inventory.PolicySS,
		SafetyStock:     csl,
		Trigger:         inventory.StrictlyBelow,
		OrderCover:      14 * inventory.Day,
		OverstockCover:  60 * inventory.Day,
		SlowMovingAfter: 30 * inventory.Day,
		DeadAfter:       90 * inventory.Day,
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	// The hero gift box: last week's daily sales, and a group-buy that presold 25 boxes.
	heroDemand, _ := inventory.DemandFromHistory([]float64{18, 22, 20, 19, 21, 23, 20}, inventory.Day)
	groupBuy, _ := inventory.ReservedAt([]inventory.Reservation{
		{Kind: inventory.GroupBuy, Qty: 25},
		{Kind: inventory.UnpaidOrder, Qty: 3, ExpiresAt: now.Add(-time.Hour)}, // lapsed overnight
	}, now)

	// The kettle sells now and then: classify the demand and forecast it with the suggested method.
	kettleSales := []float64{0, 0, 2, 0, 0, 1, 0, 3, 0, 0, 0, 2, 0, 0}
	pattern, _ := inventory.ClassifyDemand(kettleSales)
	forecaster := inventory.DefaultForecaster(pattern.Class)
	rate, _ := forecaster.Forecast(kettleSales, 1)
	spread, _ := inventory.DemandFromHistory(kettleSales, inventory.Day)
	kettleDemand, _ := inventory.NewDemand(rate, spread.StdDev(), inventory.Day)
	fmt.Printf("kettle demand is %s: %s forecasts %.2f a day\n\n", pattern.Class, forecaster, rate)

	items := []inventory.Item{
		{
			ID: "gift-box", Stock: inventory.Stock{OnHand: 70, Reserved: groupBuy},
			Demand: heroDemand, Lead: inventory.FixedLeadTime(4 * inventory.Day),
			Shaping: inventory.MustShaping(20, 10, 0), MinSafetyStock: 30, LastSale: now.Add(-10 * time.Hour),
		},
		{
			ID: "cups", Stock: inventory.Stock{OnHand: 15, Held: 5, OnOrder: 12},
			Demand: inventory.MustDemand(6, 2, inventory.Day), Lead: inventory.FixedLeadTime(3 * inventory.Day),
			Shaping: inventory.MustShaping(0, 6, 0), LastSale: now.Add(-12 * time.Hour),
		},
		{
			ID: "kettle", Stock: inventory.Stock{OnHand: 4},
			Demand: kettleDemand, Lead: inventory.FixedLeadTime(7 * inventory.Day),
			WarningLine: 5, LastSale: now.Add(-3 * inventory.Day),
		},
		{
			ID: "calendar-2024", Stock: inventory.Stock{OnHand: 40},
			Demand: inventory.MustDemand(0.1, 0.3, inventory.Day), Lead: inventory.FixedLeadTime(10 * inventory.Day),
			LastSale: now.Add(-120 * inventory.Day),
		},
	}
	out := make([]inventory.Suggestion, len(items))
	if _, err := planner.SuggestBatch(items, now, out); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%-14s %-26s %5s %6s  %s\n", "SKU", "status", "order", "cover", "order by")
	for _, s := range out {
		orderBy := "-"
		switch {
		case s.OrderBy.IsZero():
		case s.OrderBy.Before(now):
			orderBy = "now (late since " + s.OrderBy.Format("Jan 2 15:04") + ")"
		default:
			orderBy = s.OrderBy.Format("Jan 2 15:04")
		}
		fmt.Printf("%-14s %-26s %5d %6.1f  %s\n", s.ID, s.Status, s.Qty, s.DaysOfCover, orderBy)
	}
	fmt.Println()
	fmt.Println(out[0].Why)
	// Output:
	// kettle demand is intermittent: SBA(α=0.1) forecasts 0.63 a day
	//
	// SKU            status                     order  cover  order by
	// gift-box       at or below reorder point    360    2.2  now (late since May 31 12:22)
	// cups           at or below reorder point     90    1.7  now (late since May 31 23:30)
	// kettle         below safety stock            10    6.3  now (late since Jun 1 14:54)
	// calendar-2024  dead                           0  400.0  Jun 27 07:30
	//
	// rule: reorder: position 45 < reorder point 111.71
	// demand 20.43/day (σ 1.72), lead time 4 days (σ 0)
	// safety stock 30 (cycle service level 95%: z 1.64 × σ 1.72 × √4 days = 5.65, raised to the item's floor)
	// reorder point 111.71 = 20.43/day × 4 days + 30
	// policy (s, S): s 111.71, S 397.71 = s + 286 (order cover)
	// stock: on hand 70 (held 0), on order 0, backorders 0, reserved 25 → position 45, available 45
	// order: need 352.71 → 353 units → pack multiple 360 → order 360
}
