// Command replenish shows how a small store decides what to reorder: it
// classifies a catalogue by value (ABC) and by demand variability (XYZ),
// gives each class its own service level, and turns two weeks of sales into
// safety stock (安全库存), reorder points (再订货点) and shaped orders.
//
//	go run ./examples/replenish
package main

import (
	"fmt"
	"io"
	"os"
	"text/tabwriter"
	"time"

	"github.com/opskit/opskit/inventory"
	"github.com/shopspring/decimal"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "replenish:", err)
		os.Exit(1)
	}
}

// sku is one catalogue line: unit cost, two weeks of daily sales, stock,
// the supplier's lead time and order rules (起订量 MOQ, 箱规 pack, cap).
type sku struct {
	id        string
	unitCost  string
	sales     []float64
	stock     inventory.Stock
	lead      time.Duration
	moq, pack int64
}

var now = time.Date(2026, 11, 23, 21, 0, 0, 0, time.FixedZone("CST", 8*3600))

var catalogue = []sku{
	{"water-550", "0.45", []float64{40, 36, 44, 38, 52, 61, 47, 42, 39, 45, 41, 55, 63, 50}, inventory.Stock{OnHand: 140}, 2 * inventory.Day, 24, 24},
	{"milk-950", "9.20", []float64{9, 11, 8, 12, 10, 14, 13, 10, 9, 12, 11, 13, 15, 12}, inventory.Stock{OnHand: 14}, inventory.Day, 6, 6},
	{"rice-ball", "3.60", []float64{25, 22, 30, 27, 24, 33, 29, 26, 23, 28, 27, 25, 34, 30}, inventory.Stock{OnHand: 60, OnOrder: 40}, inventory.Day, 20, 10},
	{"latte", "4.50", []float64{14, 12, 16, 15, 13, 19, 17, 15, 13, 14, 16, 12, 20, 18}, inventory.Stock{OnHand: 90}, 5 * inventory.Day, 50, 25},
	// A community group-buy (社区团购) presold 20 cups for pickup: that stock
	// is spoken for and is not available (seed-rules INV-07).
	{"noodles", "3.90", []float64{4, 3, 4, 3, 4, 5, 3, 4, 3, 4, 3, 4, 5, 3}, inventory.Stock{OnHand: 30, Reserved: 20}, 3 * inventory.Day, 12, 12},
	{"umbrella", "9.00", []float64{0, 0, 5, 0, 0, 0, 1, 0, 0, 7, 0, 0, 0, 2}, inventory.Stock{OnHand: 6}, 7 * inventory.Day, 10, 10},
	{"batteries", "4.00", []float64{1, 0, 2, 1, 0, 3, 1, 0, 1, 2, 0, 1, 2, 1}, inventory.Stock{OnHand: 25}, 4 * inventory.Day, 10, 5},
	// Three returned cartons wait on quality hold (质量回检, INV-26): on hand,
	// but not sellable until inspected.
	{"eggs-10", "7.80", []float64{2, 3, 2, 2, 3, 3, 2, 2, 2, 3, 2, 2, 3, 2}, inventory.Stock{OnHand: 9, Held: 3}, inventory.Day, 12, 12},
}

// serviceLevel is the cycle service level (the chance of no stockout in a
// replenishment cycle) each ABC class buys with its safety stock.
var serviceLevel = map[inventory.ABCClass]float64{inventory.ClassA: 0.98, inventory.ClassB: 0.95, inventory.ClassC: 0.90}

func run(w io.Writer) error {
	// 1. ABC by two weeks of sales at cost, XYZ by the coefficient of variation.
	items := make([]inventory.ABCXYZItem, len(catalogue))
	for i, s := range catalogue {
		total := 0.0
		for _, q := range s.sales {
			total += q
		}
		value := decimal.RequireFromString(s.unitCost).Mul(decimal.NewFromFloat(total))
		items[i] = inventory.ABCXYZItem{ID: s.id, Value: value, History: s.sales}
	}
	classes, matrix, err := inventory.ABCXYZ(items, inventory.DefaultABCCuts(), inventory.DefaultXYZCuts())
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "ABC (80/15/5 of value) and XYZ (coefficient of variation) over 14 days")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Rank\tSKU\tValue\tCumulative\tABC\tCV\tXYZ")
	class := map[string]inventory.ABCClass{}
	for _, c := range classes {
		class[c.ID] = c.Class
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s%%\t%s\t%.2f\t%s\n", c.Rank, c.ID, c.Value.StringFixed(2),
			c.CumulativeShare.Shift(2).StringFixed(1), c.Class, c.CV, c.XYZ)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nABC-XYZ matrix (items per cell)")
	fmt.Fprintln(w, "    X  Y  Z")
	for _, a := range []inventory.ABCClass{inventory.ClassA, inventory.ClassB, inventory.ClassC} {
		fmt.Fprintf(w, "%s  %2d %2d %2d\n", a, matrix.Count(a, inventory.ClassX), matrix.Count(a, inventory.ClassY), matrix.Count(a, inventory.ClassZ))
	}
	fmt.Fprintln(w)

	// 2. One planner per class: (s, S) with a week of cycle stock, and the
	// class's service level in the safety stock z·σ·√L.
	fmt.Fprintln(w, "Reorder list: (s, S) policy, safety stock by class service level")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SKU\tClass\tCSL\tSafety\tROP\tPosition\tStatus\tOrder (need -> MOQ -> pack)")
	for _, s := range catalogue {
		csl := serviceLevel[class[s.id]]
		safety, err := inventory.CycleServiceSafetyStock(csl)
		if err != nil {
			return err
		}
		planner, err := inventory.NewPlanner(inventory.PlanConfig{
			Policy: inventory.PolicySS, SafetyStock: safety, OrderCover: 7 * inventory.Day,
		})
		if err != nil {
			return err
		}
		demand, err := inventory.DemandFromHistory(s.sales, inventory.Day)
		if err != nil {
			return err
		}
		shaping, err := inventory.NewShaping(s.moq, s.pack, 0)
		if err != nil {
			return err
		}
		sug, err := planner.Suggest(inventory.Item{
			ID: s.id, Stock: s.stock, Demand: demand, Lead: inventory.FixedLeadTime(s.lead), Shaping: shaping,
		}, now)
		if err != nil {
			return err
		}
		why := sug.Why
		fmt.Fprintf(tw, "%s\t%s\t%.0f%%\t%.1f\t%.1f\t%d\t%s\t%s\n", s.id, class[s.id], csl*100,
			why.SafetyStock, why.ReorderPoint, why.Position, sug.Status, orderText(sug))
	}
	return tw.Flush()
}

// orderText shows the order with each shaping step.
func orderText(s inventory.Suggestion) string {
	if s.Qty == 0 {
		return "-"
	}
	return s.Why.Shaped.String()
}
