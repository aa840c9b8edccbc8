// Command storeday is the opskit tour: one day of a small O2O convenience
// store (便利店), computed with the opskit packages and printed as tables.
//
// Run it from the repository root:
//
//	go run ./examples/storeday
//
// Every number printed is computed; the store's data below is all there is.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "storeday:", err)
		os.Exit(1)
	}
}

// item is one line of the store's price list (价目表).
type item struct {
	sku, name string
	list      string // list price (标价), CNY
	cost      string // purchase cost (进价), CNY
	member    pricing.MemberRule
}

// The store's price list. Gold members pay a member price (会员价), set
// either as a fixed price or as a 折 of the list price.
var catalogue = []item{
	{"W550", "Mineral water 550ml", "2.00", "0.90", pricing.MemberRule{Tier: "gold", Rate: pricing.MustRate("9折")}},
	{"MILK", "Fresh milk 950ml", "13.90", "9.20", pricing.MemberRule{Tier: "gold", Price: pricing.MustParse("CNY 12.90")}},
	{"TOAST", "Toast bread", "8.50", "4.80", pricing.MemberRule{Tier: "gold", Rate: pricing.MustRate("95折")}},
	{"RICE", "Rice ball, tuna", "6.90", "3.60", pricing.MemberRule{Tier: "gold", Rate: pricing.MustRate("8.5折")}},
	{"COFFEE", "Iced latte", "15.00", "4.50", pricing.MemberRule{Tier: "gold", Rate: pricing.MustRate("7折")}},
	{"NOODLE", "Cup noodles", "5.50", "3.90", pricing.MemberRule{Tier: "gold", Rate: pricing.MustRate("8折")}},
}

// run prints the tour to w.
func run(w io.Writer) error {
	prices := make(map[string]pricing.MemberPrices, len(catalogue))
	for _, it := range catalogue {
		// Member prices are rounded once, half-up (四舍五入), to the 分.
		mp, err := pricing.NewMemberPrices(pricing.MustParse("CNY "+it.list), pricing.HalfUp, it.member)
		if err != nil {
			return fmt.Errorf("%s: %w", it.sku, err)
		}
		prices[it.sku] = mp
	}
	if err := priceList(w, prices); err != nil {
		return err
	}
	memberPrice, err := floorCheck(w, prices)
	if err != nil {
		return err
	}
	water, err := packPrices(w)
	if err != nil {
		return err
	}
	if err := basket(w, memberPrice, water); err != nil {
		return err
	}
	if err := checkout(w); err != nil {
		return err
	}
	if err := replenishment(w); err != nil {
		return err
	}
	if err := staff(w); err != nil {
		return err
	}
	return appFunnel(w)
}

// heading prints a title underlined to its display width (a Chinese
// character takes two columns).
func heading(w io.Writer, title string) {
	width := 0
	for _, r := range title {
		width++
		if r >= 0x1100 {
			width++
		}
	}
	fmt.Fprintf(w, "\n%s\n%s\n", title, strings.Repeat("=", width))
}

func table(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
}

func percent(d decimal.Decimal) string { return d.Shift(2).StringFixed(1) + "%" }

func (it item) costMoney() pricing.Money { return pricing.MustParse("CNY " + it.cost) }

// priceList prints the list and member prices with the gross margin
// (毛利率 = (price - cost) / price) at each.
func priceList(w io.Writer, prices map[string]pricing.MemberPrices) error {
	heading(w, "1. Price list (价目表) and gold member prices (会员价)")
	tw := table(w)
	fmt.Fprintln(tw, "SKU\tItem\tList\tMember\tCost\tMargin at list\tMargin at member\tMember rule")
	for _, it := range catalogue {
		mp := prices[it.sku]
		member := mp.Price("gold")
		rule := it.member.Rate.Zhe()
		if it.member.Price.IsValid() {
			rule = "fixed"
		}
		atList, err := pricing.GrossMargin(mp.List(), it.costMoney())
		if err != nil {
			return err
		}
		atMember, err := pricing.GrossMargin(member, it.costMoney())
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", it.sku, it.name, mp.List().StringAmount(),
			member.StringAmount(), it.cost, percent(atList), percent(atMember), rule)
	}
	return tw.Flush()
}

// floorCheck applies the store's price floor (最低价控制): never below 7折
// of list, and never below a 15% gross margin, except in the 双11 campaign.
// A member price below its floor is raised to the floor; the prices the
// till will charge are returned.
func floorCheck(w io.Writer, prices map[string]pricing.MemberPrices) (map[string]pricing.Money, error) {
	heading(w, "2. Price floor (最低价控制): at least 7折 of list and a 15% margin")
	policy, err := storeFloor()
	if err != nil {
		return nil, err
	}
	charged := make(map[string]pricing.Money, len(prices))
	tw := table(w)
	fmt.Fprintln(tw, "SKU\tMember\tFloor\tSet by\tVerdict\tCharged")
	for _, it := range catalogue {
		mp := prices[it.sku]
		floor, rule, err := policy.Floor(mp.List(), it.costMoney(), "")
		if err != nil {
			return nil, err
		}
		verdict, price := "ok", mp.Price("gold")
		var below *pricing.BelowFloorError
		switch err := mp.CheckFloor(policy, it.costMoney(), ""); {
		case errors.As(err, &below):
			short, _ := below.Floor.Sub(below.Price)
			verdict, price = "below by "+short.StringAmount()+", raised", below.Floor
		case err != nil:
			return nil, err
		}
		charged[it.sku] = price
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", it.sku, mp.Price("gold").StringAmount(), floor.StringAmount(), rule, verdict, price.StringAmount())
	}
	return charged, tw.Flush()
}

// storeFloor is the store's price floor: never below 7折 of list, never
// below a 15% gross margin, except in the 双11 campaign and on member day
// (会员日) offers, which the store funds on purpose.
func storeFloor() (pricing.FloorPolicy, error) {
	return pricing.NewFloorPolicy(
		pricing.MinListRatio(pricing.MustRate("7折")),
		pricing.MinMargin(decimal.RequireFromString("0.15")),
		pricing.ExemptCampaigns("双11", "会员日"),
	)
}

// packPrices shows the cheapest way to buy water from singles and packs
// ("N for P", 组合装).
func packPrices(w io.Writer) (pricing.PackOffer, error) {
	heading(w, "3. Pack prices (组合装): water as singles, 6 for 10.00, 24 for 36.00")
	offer, err := pricing.NewPackOffer(pricing.MustParse("CNY 2.00"),
		pricing.Pack{Qty: 6, Price: pricing.MustParse("CNY 10.00")},
		pricing.Pack{Qty: 24, Price: pricing.MustParse("CNY 36.00")},
	)
	if err != nil {
		return pricing.PackOffer{}, err
	}
	for _, warning := range offer.Warnings() {
		fmt.Fprintln(w, "warning:", warning)
	}
	tw := table(w)
	fmt.Fprintln(tw, "Bottles\tExactly\tAt least (surplus allowed)")
	for _, q := range []int64{5, 12, 23, 30} {
		exact, err := offer.Cheapest(q)
		if err != nil {
			return pricing.PackOffer{}, err
		}
		atLeast, err := offer.CheapestAtLeast(q)
		if err != nil {
			return pricing.PackOffer{}, err
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\n", q, exact, atLeast)
	}
	return offer, tw.Flush()
}

// basket prices a gold member's basket, rounds the bill at the till by
// dropping the 分 (抹分), and checks the basket's gross margin.
func basket(w io.Writer, memberPrice map[string]pricing.Money, water pricing.PackOffer) error {
	heading(w, "4. A gold member's basket, rounded at the till (抹分)")
	type line struct {
		sku string
		qty int64
	}
	lines := []line{{"MILK", 2}, {"TOAST", 1}, {"RICE", 3}, {"COFFEE", 1}, {"NOODLE", 4}}
	tw := table(w)
	fmt.Fprintln(tw, "SKU\tQty\tUnit\tAmount\tCost")
	var total, cost pricing.Money
	add := func(sku string, qty int64, unit, amount, lineCost pricing.Money) error {
		var err error
		if total, err = total.Add(amount); err != nil {
			return err
		}
		if cost, err = cost.Add(lineCost); err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", sku, qty, unit.StringAmount(), amount.StringAmount(), lineCost.StringAmount())
		return nil
	}
	for _, l := range lines {
		it := find(l.sku)
		unit := memberPrice[l.sku]
		if err := add(l.sku, l.qty, unit, unit.MulInt(l.qty), it.costMoney().MulInt(l.qty)); err != nil {
			return err
		}
	}
	// Water is bought by the case: the pack offer beats the member price.
	plan, err := water.Cheapest(30)
	if err != nil {
		return err
	}
	unit, err := plan.Total.Mul(decimal.New(1, 0).DivRound(decimal.NewFromInt(plan.Units), 8))
	if err != nil {
		return err
	}
	if err := add("W550", plan.Units, unit.Round(pricing.HalfUp), plan.Total, find("W550").costMoney().MulInt(plan.Units)); err != nil {
		return err
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	paid, err := total.RoundToIncrement(decimal.RequireFromString("0.10"), pricing.Down)
	if err != nil {
		return err
	}
	waived, err := total.Sub(paid)
	if err != nil {
		return err
	}
	margin, err := pricing.GrossMargin(paid, cost)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "(W550's unit is the pack plan's average: %s.)\n", plan)
	fmt.Fprintf(w, "Subtotal %s; 抹分 waives %s; the member pays %s.\n", total, waived.StringAmount(), paid)
	fmt.Fprintf(w, "Basket cost %s, gross margin %s.\n", cost, percent(margin))
	// Shelf prices include VAT (增值税) at 13%; the receipt shows its split.
	vat, err := pricing.TaxPercent(13)
	if err != nil {
		return err
	}
	split, err := vat.FromInclusive(paid, pricing.HalfUp)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Receipt: %s excluding VAT + %s VAT at %s = %s.\n", split.Exclusive, split.Tax, vat, split.Inclusive)
	return nil
}

func find(sku string) item {
	for _, it := range catalogue {
		if it.sku == sku {
			return it
		}
	}
	return item{}
}
