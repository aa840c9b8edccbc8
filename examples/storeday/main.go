// Command storeday is the opskit tour: one day of a small O2O convenience
// store (便利店), computed with the opskit packages and printed as tables.
// This file prices the shelf; checkout.go, replenish.go, staff.go and
// funnel.go follow the rest of the day. Every number printed is computed.
//
//	go run ./examples/storeday
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

// item is a line of the price list (价目表): list price (标价) and cost (进价)
// in CNY, and the gold member price (会员价): a fixed price or a 折 of list.
type item struct {
	sku, name, list, cost string
	member                pricing.MemberRule
}

var catalogue = []item{
	{"W550", "Mineral water 550ml", "2.00", "0.90", pricing.MemberRule{Tier: "gold", Rate: pricing.MustRate("9折")}},
	{"MILK", "Fresh milk 950ml", "13.90", "9.20", pricing.MemberRule{Tier: "gold", Price: pricing.MustParse("CNY 12.90")}},
	{"TOAST", "Toast bread", "8.50", "4.80", pricing.MemberRule{Tier: "gold", Rate: pricing.MustRate("95折")}},
	{"RICE", "Rice ball, tuna", "6.90", "3.60", pricing.MemberRule{Tier: "gold", Rate: pricing.MustRate("8.5折")}},
	{"COFFEE", "Iced latte", "15.00", "4.50", pricing.MemberRule{Tier: "gold", Rate: pricing.MustRate("7折")}},
	{"NOODLE", "Cup noodles", "5.50", "3.90", pricing.MemberRule{Tier: "gold", Rate: pricing.MustRate("8折")}},
}

// run prints the tour to w, section by section.
func run(w io.Writer) error {
	charged, err := priceList(w)
	if err != nil {
		return err
	}
	if err := basket(w, charged); err != nil {
		return err
	}
	for _, section := range []func(io.Writer) error{checkout, replenishment, staff, appFunnel} {
		if err := section(w); err != nil {
			return err
		}
	}
	return nil
}

// heading prints a title underlined to its width (a Chinese character is two
// columns wide).
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

// table aligns tab-separated cells in columns two spaces apart.
func table(w io.Writer) *tabwriter.Writer { return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0) }

func percent(d decimal.Decimal) string { return d.Shift(2).StringFixed(1) + "%" }

func (it item) costMoney() pricing.Money { return pricing.MustParse("CNY " + it.cost) }

func find(sku string) item {
	for _, it := range catalogue {
		if it.sku == sku {
			return it
		}
	}
	return item{}
}

// priceList prints list and member prices (rounded once, half-up 四舍五入, to
// the 分) with the gross margin (毛利率 = (price - cost) / price) at each, then
// applies the store's price floor (最低价控制, see storeFloor) and returns the
// prices the till charges. One pass fills both tables: a tabwriter keeps its
// rows until Flush, so each table prints under its own heading.
func priceList(w io.Writer) (map[string]pricing.Money, error) {
	policy, err := storeFloor()
	if err != nil {
		return nil, err
	}
	prices := make(map[string]pricing.Money, len(catalogue))
	list, floors := table(w), table(w)
	fmt.Fprintln(list, "SKU\tItem\tList\tMember\tCost\tMargin at list\tMargin at member\tMember rule")
	fmt.Fprintln(floors, "SKU\tMember\tFloor\tSet by\tVerdict\tCharged")
	for _, it := range catalogue {
		mp, err := pricing.NewMemberPrices(pricing.MustParse("CNY "+it.list), pricing.HalfUp, it.member)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", it.sku, err)
		}
		member := mp.Price("gold")
		atList, err1 := pricing.GrossMargin(mp.List(), it.costMoney())
		atMember, err2 := pricing.GrossMargin(member, it.costMoney())
		floor, setBy, err3 := policy.Floor(mp.List(), it.costMoney(), "")
		if err := errors.Join(err1, err2, err3); err != nil {
			return nil, err
		}
		rule := it.member.Rate.Zhe()
		if it.member.Price.IsValid() {
			rule = "fixed"
		}
		fmt.Fprintf(list, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", it.sku, it.name, mp.List().StringAmount(),
			member.StringAmount(), it.cost, percent(atList), percent(atMember), rule)
		verdict, charged := "ok", member
		var below *pricing.BelowFloorError
		switch err := mp.CheckFloor(policy, it.costMoney(), ""); {
		case errors.As(err, &below):
			short, _ := below.Floor.Sub(below.Price)
			verdict, charged = "below by "+short.StringAmount()+", raised", below.Floor
		case err != nil:
			return nil, err
		}
		prices[it.sku] = charged
		fmt.Fprintf(floors, "%s\t%s\t%s\t%s\t%s\t%s\n", it.sku, member.StringAmount(), floor.StringAmount(), setBy, verdict, charged.StringAmount())
	}
	heading(w, "1. Price list (价目表) and gold member prices (会员价)")
	if err := list.Flush(); err != nil {
		return nil, err
	}
	heading(w, "2. Price floor (最低价控制): at least 7折 of list and a 15% margin")
	return prices, floors.Flush()
}

// storeFloor is the store's price floor: never below 7折 of list or a 15%
// gross margin, except 双11 and member-day (会员日) offers, which it funds.
func storeFloor() (pricing.FloorPolicy, error) {
	return pricing.NewFloorPolicy(pricing.MinListRatio(pricing.MustRate("7折")),
		pricing.MinMargin(decimal.RequireFromString("0.15")), pricing.ExemptCampaigns("双11", "会员日"))
}

// basket shows the cheapest way to buy water as singles and packs ("N for P",
// 组合装), then prices a gold member's basket at the charged prices, water by
// the case (the packs beat the member price); it drops the 分 from the bill
// (抹分) and checks the basket's gross margin.
func basket(w io.Writer, prices map[string]pricing.Money) error {
	heading(w, "3. Pack prices (组合装): water as singles, 6 for 10.00, 24 for 36.00")
	water, err1 := pricing.NewPackOffer(pricing.MustParse("CNY 2.00"),
		pricing.Pack{Qty: 6, Price: pricing.MustParse("CNY 10.00")}, pricing.Pack{Qty: 24, Price: pricing.MustParse("CNY 36.00")})
	plan, err2 := water.Cheapest(30) // the basket's water, below
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	for _, warning := range water.Warnings() { // e.g. a pack dearer than its singles
		fmt.Fprintln(w, "warning:", warning)
	}
	tw := table(w)
	fmt.Fprintln(tw, "Bottles\tExactly\tAt least (surplus allowed)")
	for _, q := range []int64{5, 12, 23, 30} {
		exact, err1 := water.Cheapest(q)
		atLeast, err2 := water.CheapestAtLeast(q)
		if err := errors.Join(err1, err2); err != nil {
			return err
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\n", q, exact, atLeast)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	heading(w, "4. A gold member's basket, rounded at the till (抹分)")
	tw = table(w)
	fmt.Fprintln(tw, "SKU\tQty\tUnit\tAmount\tCost")
	var amounts, costs []pricing.Money
	add := func(sku string, qty int64, amount pricing.Money) {
		unit := amount.Amount().DivRound(decimal.NewFromInt(qty), 2) // the average, for a pack plan
		cost, _ := find(sku).costMoney().MulInt(qty)                 // shop-sized: within the limits
		amounts, costs = append(amounts, amount), append(costs, cost)
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", sku, qty, unit.StringFixed(2), amount.StringAmount(), cost.StringAmount())
	}
	for _, l := range []struct {
		sku string
		qty int64
	}{{"MILK", 2}, {"TOAST", 1}, {"RICE", 3}, {"COFFEE", 1}, {"NOODLE", 4}} {
		amount, _ := prices[l.sku].MulInt(l.qty) // shop-sized: within the limits
		add(l.sku, l.qty, amount)
	}
	add("W550", plan.Units, plan.Total)
	total, err1 := pricing.Sum(amounts...)
	cost, err2 := pricing.Sum(costs...)
	paid, err3 := total.RoundToIncrement(decimal.RequireFromString("0.10"), pricing.Down)
	waived, err4 := total.Sub(paid)
	margin, err5 := pricing.GrossMargin(paid, cost)
	// Shelf prices include VAT (增值税) at 13%; the receipt shows its split.
	vat, err6 := pricing.TaxPercent(13)
	split, err7 := vat.FromInclusive(paid, pricing.HalfUp)
	if err := errors.Join(err1, err2, err3, err4, err5, err6, err7, tw.Flush()); err != nil {
		return err
	}
	fmt.Fprintf(w, "(W550's unit is the pack plan's average: %s.)\n", plan)
	fmt.Fprintf(w, "Subtotal %s; 抹分 waives %s; the member pays %s.\n", total, waived.StringAmount(), paid)
	fmt.Fprintf(w, "Basket cost %s, gross margin %s.\n", cost, percent(margin))
	fmt.Fprintf(w, "Receipt: %s excluding VAT + %s VAT at %s = %s.\n", split.Exclusive, split.Tax, vat, split.Inclusive)
	return nil
}
