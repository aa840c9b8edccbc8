// Command campaigncheck checks a 双11 campaign before it goes live, the
// three ways package promo offers: a lint of the campaign against the
// store's catalog (no carts needed), the worst cart a customer holding the
// coupons could build (proven by enumerating every cart of up to six
// units), and a backtest over 300 past orders replayed under the campaign.
//
//	go run ./examples/campaigncheck
package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "campaigncheck:", err)
		os.Exit(1)
	}
}

// campaign is the draft as the back office stored it. It has mistakes a
// reviewer might miss: a second tier no better than the first, a store
// coupon another one beats on every cart, a budget smaller than one use, a
// gift the store does not stock, a weekend-only offer in a weekday
// campaign, and 第二件半价 on a tea sold at a thin margin.
const campaign = `{
  "name": "双11", "currency": "CNY",
  "promotions": [
    {"id": "every-300", "name": "满300减30 / 满600减30", "campaign": "双11",
     "action": {"kind": "threshold", "tiers": [{"min_amount": "300.00", "off": "30.00"}, {"min_amount": "600.00", "off": "30.00"}]}},
    {"id": "store-199-20", "name": "店铺券 满199减20", "coupon": "STORE20", "group": "store-coupons",
     "action": {"kind": "threshold", "tiers": [{"min_amount": "199.00", "off": "20.00"}]}},
    {"id": "store-299-20", "name": "店铺券 满299减20", "coupon": "STORE299", "group": "store-coupons",
     "action": {"kind": "threshold", "tiers": [{"min_amount": "299.00", "off": "20.00"}]}},
    {"id": "vip-8", "name": "会员8折券", "coupon": "VIP8", "limits": {"budget": "5.00"},
     "action": {"kind": "percent-off", "rate": "8折", "scope": "order"}},
    {"id": "tea-2nd-half", "name": "茶叶第二件半价", "target": {"categories": ["tea"]},
     "action": {"kind": "nth-item", "n": 2, "rate": "5折"}},
    {"id": "gift-500", "name": "满500送保温杯",
     "action": {"kind": "gift", "min_amount": "500.00", "options": [{"sku": "MUG-T", "qty": 1, "value": "59.00"}]}},
    {"id": "weekend-cups", "name": "周末杯具9折", "target": {"categories": ["ware"]},
     "schedule": {"time_zone": "Asia/Shanghai", "weekdays": ["saturday", "sunday"]},
     "action": {"kind": "percent-off", "rate": "9折"}}
  ]
}`

// catalog is what the store sells, with list prices and unit costs.
var catalog = []promo.CatalogItem{
	{SKU: "TEA-LJ", Product: "longjing", Categories: []string{"tea"}, ListPrice: cny("128.00"), Cost: cny("78.00")},
	{SKU: "TEA-PU", Product: "puer", Categories: []string{"tea"}, ListPrice: cny("98.00"), Cost: cny("52.00")},
	{SKU: "CUP", Categories: []string{"ware"}, ListPrice: cny("69.00"), Cost: cny("21.00")},
	{SKU: "POT", Categories: []string{"ware"}, ListPrice: cny("239.00"), Cost: cny("96.00")},
}

func cny(s string) pricing.Money { return pricing.MustNew(s, pricing.CNY) }

// beijing is UTC+8 without the system's zone database.
var beijing = time.FixedZone("Asia/Shanghai", 8*3600)

func fixedZones(name string) (*time.Location, error) {
	if name != "Asia/Shanghai" {
		return nil, fmt.Errorf("unknown zone %q", name)
	}
	return beijing, nil
}

func run(w io.Writer) error {
	opts := []promo.Option{promo.WithTimeZones(fixedZones)}
	c, err := promo.DecodeCampaign([]byte(campaign), opts...)
	if err != nil {
		return err
	}
	// 1. Lint: 双11 runs from the evening of 10 November (a Tuesday) to the
	// end of the 11th, both Beijing time.
	start := time.Date(2026, 11, 10, 20, 0, 0, 0, beijing)
	end := time.Date(2026, 11, 12, 0, 0, 0, 0, beijing)
	findings, err := promo.Check(c, catalog, promo.WithCheckPeriod(start, end))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "1. Lint: %d findings\n", len(findings))
	for _, f := range findings {
		fmt.Fprintf(w, "   %-7s %-24s %s\n", f.Severity, f.Kind, f.Path)
		fmt.Fprintf(w, "           %s\n", f.Message)
	}

	engine, err := promo.NewEngine(c.Currency, c.Promotions)
	if err != nil {
		return err
	}
	// 2. The worst cart for margin: a VIP member holding every coupon,
	// buying at most six units.
	worst, err := engine.WorstCart(promo.WorstCartQuery{
		Catalog:  catalog,
		Shoppers: []promo.Shopper{{Customer: promo.Customer{ID: "vip-1", Tier: "vip"}, Coupons: []string{"STORE20", "STORE299", "VIP8"}}},
		Loss:     promo.LossBelowCost,
		MaxUnits: 6,
		At:       time.Date(2026, 11, 11, 10, 0, 0, 0, beijing),
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n2. Worst cart for margin (proven over every cart of at most 6 units: %v, %d carts)\n", worst.Proven, worst.Carts)
	for _, l := range worst.Cart.Lines {
		fmt.Fprintf(w, "   %d × %s at %s\n", l.Qty, l.SKU, l.UnitPrice.StringAmount())
	}
	fmt.Fprintf(w, "   pays %s; the units sold below their cost lose %s in all\n", worst.Result.Total.StringAmount(), worst.BelowCost.StringAmount())
	for _, l := range worst.Result.Lines {
		fmt.Fprintf(w, "   %s units pay", l.ID)
		for _, u := range l.UnitPaid {
			fmt.Fprintf(w, " %s", u.StringAmount())
		}
		fmt.Fprintln(w)
	}
	for _, ex := range worst.Result.Explanations {
		if ex.Status == promo.Applied {
			fmt.Fprintf(w, "   why: %s\n", ex)
		}
	}

	// 3. Backtest: 300 orders from last year's 双11, replayed.
	report, err := engine.Backtest(promo.BacktestQuery{Orders: pastOrders(300), NearMiss: cny("30.00")})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n3. Backtest over %d orders: GMV %s, discount %s (%.1f %%), margin %s before and %s after\n",
		report.Orders, report.GMV.StringAmount(), report.Discount.StringAmount(), 100*report.DiscountShare,
		report.MarginBefore.StringAmount(), report.MarginAfter.StringAmount())
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "   promotion\torders\tby tier\tamount\tcoupons\tnear misses\tlacking\tbudget out\t")
	for _, p := range report.Promotions {
		out := "-"
		if !p.BudgetOut.IsZero() {
			out = p.BudgetOut.In(beijing).Format("01-02 15:04")
		}
		tiers := "-"
		if len(p.Levels) > 0 {
			tiers = strings.Trim(fmt.Sprint(p.Levels), "[]")
		}
		fmt.Fprintf(tw, "   %s\t%d\t%s\t%s\t%d\t%d\t%s\t%s\t\n", p.PromotionID, p.Applied, tiers, p.Amount.StringAmount(), p.Coupons,
			p.NearMisses, p.NearMissGap.StringAmount(), out)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "   discount depth (share of each order):")
	for _, b := range report.Depth {
		if b.Orders == 0 {
			continue
		}
		label := "none"
		switch {
		case b.To == nil:
			label = fmt.Sprintf("above %.0f %%", 100*b.From)
		case *b.To > 0:
			label = fmt.Sprintf("%.0f-%.0f %%", 100*b.From, 100**b.To)
		}
		fmt.Fprintf(w, "   %12s %4d orders\n", label, b.Orders)
	}
	return nil
}

// pastOrders makes n orders of 1-3 lines spread over 11 November, from a
// fixed linear congruential sequence (the same orders on every run).
func pastOrders(n int) []promo.Cart {
	x := uint64(20251111)
	next := func(k uint64) uint64 { x = x*6364136223846793005 + 1442695040888963407; return (x >> 33) % k }
	day := time.Date(2026, 11, 11, 0, 0, 0, 0, beijing)
	coupons := [][]string{nil, {"STORE20"}, {"STORE299"}, {"VIP8"}, {"STORE20", "VIP8"}}
	orders := make([]promo.Cart, n)
	for i := range orders {
		c := promo.Cart{Currency: pricing.CNY, At: day.Add(time.Duration(next(24*60)) * time.Minute),
			Customer: promo.Customer{ID: fmt.Sprintf("c%03d", next(150))}, Coupons: coupons[next(uint64(len(coupons)))]}
		lines := 1 + int(next(3))
		for j := range lines {
			it := catalog[(int(next(uint64(len(catalog))))+j)%len(catalog)]
			if slices.ContainsFunc(c.Lines, func(l promo.Line) bool { return l.SKU == it.SKU }) {
				continue // one line per SKU
			}
			c.Lines = append(c.Lines, promo.Line{ID: it.SKU, SKU: it.SKU, Product: it.Product, Categories: it.Categories,
				Qty: 1 + int64(next(3)), UnitPrice: it.ListPrice, Cost: it.Cost})
		}
		orders[i] = c
	}
	return orders
}
