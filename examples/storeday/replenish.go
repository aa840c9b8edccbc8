package main

import (
	"fmt"
	"io"
	"time"

	"github.com/opskit/opskit/inventory"
)

// closingTime is when the store runs its replenishment list (补货单): 22:00
// in China Standard Time. A fixed zone keeps the tour free of tzdata.
var closingTime = time.Date(2026, 11, 23, 22, 0, 0, 0, time.FixedZone("CST", 8*3600))

// stockItem is one SKU's stock at closing time and its last week of sales.
type stockItem struct {
	sku      string
	sales    []float64 // units sold per day, last 7 days
	stock    inventory.Stock
	lead     time.Duration // supplier lead time
	shaping  inventory.Shaping
	heroMin  float64 // hero items keep at least 30 units (主推款, seed-rules INV-04)
	lastSale time.Duration
}

// replenishment prints tomorrow's order list with the reason for each line,
// and the full explanation of the first.
func replenishment(w io.Writer) error {
	heading(w, "6. Tomorrow's replenishment (补货单) at closing, 22:00")
	csl, err := inventory.CycleServiceSafetyStock(0.95) // z = 1.645
	if err != nil {
		return err
	}
	planner, err := inventory.NewPlanner(inventory.PlanConfig{
		Policy:          inventory.PolicySS, // (s, S): order up to S when at or below s
		SafetyStock:     csl,
		OrderCover:      7 * inventory.Day, // S = s + one week of mean demand
		OverstockCover:  45 * inventory.Day,
		SlowMovingAfter: 14 * inventory.Day,
		DeadAfter:       60 * inventory.Day,
	})
	if err != nil {
		return err
	}
	// Noodles: a neighbourhood group-buy (社区团购) presold 12 cups for pickup
	// tomorrow; presold stock is not available to sell (INV-07).
	groupBuy, err := inventory.ReservedAt([]inventory.Reservation{{Kind: inventory.GroupBuy, Qty: 12}}, closingTime)
	if err != nil {
		return err
	}
	stock := []stockItem{
		{"W550", []float64{40, 36, 44, 38, 52, 61, 47}, inventory.Stock{OnHand: 96}, 2 * inventory.Day,
			inventory.MustShaping(24, 24, 0), 30, 2 * time.Hour},
		{"MILK", []float64{9, 11, 8, 12, 10, 14, 13}, inventory.Stock{OnHand: 12}, 1 * inventory.Day,
			inventory.MustShaping(6, 6, 36), 0, time.Hour},
		{"RICE", []float64{25, 22, 30, 27, 24, 33, 29}, inventory.Stock{OnHand: 70, OnOrder: 60}, 1 * inventory.Day,
			inventory.MustShaping(20, 10, 0), 0, 3 * time.Hour},
		{"NOODLE", []float64{6, 4, 7, 5, 6, 8, 5}, inventory.Stock{OnHand: 30, Reserved: groupBuy}, 3 * inventory.Day,
			inventory.MustShaping(12, 12, 0), 0, 5 * time.Hour},
		{"TOAST", []float64{3, 0, 2, 1, 0, 2, 1}, inventory.Stock{OnHand: 70, Held: 2}, 2 * inventory.Day,
			inventory.Shaping{}, 0, 20 * time.Hour},
		{"COFFEE", []float64{14, 12, 16, 15, 13, 19, 17}, inventory.Stock{OnHand: 120}, 5 * inventory.Day,
			inventory.MustShaping(50, 25, 0), 0, time.Hour},
	}
	items := make([]inventory.Item, len(stock))
	for i, s := range stock {
		demand, err := inventory.DemandFromHistory(s.sales, inventory.Day)
		if err != nil {
			return fmt.Errorf("%s: %w", s.sku, err)
		}
		items[i] = inventory.Item{
			ID: s.sku, Stock: s.stock, Demand: demand, Lead: inventory.FixedLeadTime(s.lead),
			Shaping: s.shaping, MinSafetyStock: s.heroMin, LastSale: closingTime.Add(-s.lastSale),
		}
	}
	out := make([]inventory.Suggestion, len(items))
	if _, err := planner.SuggestBatch(items, closingTime, out); err != nil {
		return err
	}
	tw := table(w)
	fmt.Fprintln(tw, "SKU\tStatus\tOrder\tDays of cover\tOrder by")
	for _, s := range out {
		orderBy := "-"
		switch {
		case s.OrderBy.IsZero():
		case !s.OrderBy.After(closingTime):
			orderBy = "now"
		default:
			orderBy = s.OrderBy.Format("Mon Jan 2 15:04")
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%.1f\t%s\n", s.ID, s.Status, s.Qty, s.DaysOfCover, orderBy)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, s := range out {
		if s.Qty > 0 {
			fmt.Fprintf(w, "\nWhy %s:\n%s\n", s.ID, s.Why)
			break
		}
	}
	return nil
}
