package main

import (
	"fmt"
	"io"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

// storePromotions are the store's promotions this week, evaluated by the
// promotion engine (促销引擎) on every delivery order.
func storePromotions() []promo.Promotion {
	sku := func(s ...string) promo.Selector { return promo.Selector{SKUs: s} }
	var ps []promo.Promotion
	// Gold members' prices (会员价), one promotion per item, from the price list.
	for _, it := range catalogue {
		tier := promo.MemberTier{Tier: it.member.Tier, Price: it.member.Price, Rate: it.member.Rate}
		ps = append(ps, promo.Promotion{ID: "member-" + it.sku, Name: "会员价 " + it.name, Target: sku(it.sku),
			Action: promo.MemberPrice{Tiers: []promo.MemberTier{tier}}})
	}
	return append(ps,
		// 第二件半价 on rice balls, a member-day offer exempt from the floor:
		// it competes with the member price for the same units, and the
		// engine keeps whichever saves more.
		promo.Promotion{ID: "rice-2nd-half", Name: "饭团第二件半价", Target: sku("RICE"), Campaign: "会员日",
			Action: promo.NthItem{N: 2, Rate: pricing.MustRate("5折")}},
		// 满减 on the whole order, tested after item discounts.
		promo.Promotion{ID: "manjian", Name: "满60减5 / 满100减12", Priority: 1,
			Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: pricing.MustParse("CNY 60"), Off: pricing.MustParse("CNY 5")},
				{MinAmount: pricing.MustParse("CNY 100"), Off: pricing.MustParse("CNY 12")}}}},
		// A store coupon (优惠券) handed out in the WeChat group: 满50减6.
		promo.Promotion{ID: "group-coupon", Name: "进群券 满50减6", Coupon: "WX6",
			Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: pricing.MustParse("CNY 50"), Off: pricing.MustParse("CNY 6")}}}},
		// Free delivery (满包邮) from 49.00 after discounts.
		promo.Promotion{ID: "free-delivery", Name: "满49免配送费",
			Action: promo.FreeShipping{MinAmount: pricing.MustParse("CNY 49")}},
		// A gift (满赠) from 70.00: a tote bag while stocks last.
		promo.Promotion{ID: "tote", Name: "满70送环保袋",
			Action: promo.Gift{MinAmount: pricing.MustParse("CNY 70"), Options: []promo.GiftOption{
				{SKU: "TOTE", Name: "tote bag", Qty: 1, Value: pricing.MustParse("CNY 3.00")}}}},
	)
}

// checkout prices a gold member's delivery order through the engine, with
// the store's price floor, and prints what each promotion did and why.
func checkout(w io.Writer) error {
	heading(w, "5. A delivery order through the promotion engine (促销引擎)")
	floor, err := storeFloor()
	if err != nil {
		return err
	}
	engine, err := promo.NewEngine(pricing.CNY, storePromotions(), promo.WithFloor(floor))
	if err != nil {
		return err
	}
	cart := promo.Cart{Currency: pricing.CNY, At: closingTime, Channel: "app",
		Customer: promo.Customer{ID: "u-8848", Tier: "gold"},
		Shipping: pricing.MustParse("CNY 5.00"),
		Coupons:  []string{"ｗｘ６", "SAVE50"}, // typed with a Chinese input method, and a code that does not exist
	}
	for _, l := range []struct {
		sku string
		qty int64
	}{{"MILK", 1}, {"RICE", 4}, {"COFFEE", 2}, {"NOODLE", 3}, {"W550", 6}} {
		it := find(l.sku)
		cart.Lines = append(cart.Lines, promo.Line{ID: it.sku, SKU: it.sku, Qty: l.qty,
			UnitPrice: pricing.MustParse("CNY " + it.list), Cost: it.costMoney()})
	}
	res, err := engine.Evaluate(cart)
	if err != nil {
		return err
	}
	tw := table(w)
	fmt.Fprintln(tw, "Line\tQty\tBefore\tAfter\tPromotions")
	for _, l := range res.Lines {
		applied := ""
		for i, a := range l.Adjustments {
			if i > 0 {
				applied += ", "
			}
			applied += a.PromotionID + " -" + a.Amount.StringAmount()
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", l.ID, l.Qty, l.Before.StringAmount(), l.After.StringAmount(), applied)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "Subtotal %s - item discounts %s - order discounts %s + delivery %s (was %s) = %s\n",
		res.Subtotal.StringAmount(), res.ItemDiscount.StringAmount(), res.OrderDiscount.StringAmount(),
		res.ShippingAfter.StringAmount(), res.ShippingBefore.StringAmount(), res.Total)
	for _, g := range res.Gifts {
		fmt.Fprintf(w, "Gift: %d × %s (%s)\n", g.Qty, g.Name, g.SKU)
	}
	fmt.Fprintf(w, "Unknown coupon codes: %v; best combination proven: %v\n", res.UnknownCoupons, res.Optimal)
	fmt.Fprintln(w, "\nWhy (one line per promotion):")
	for _, e := range res.Explanations {
		fmt.Fprintln(w, " ", e)
	}
	return nil
}
