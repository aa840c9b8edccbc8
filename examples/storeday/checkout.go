package main

import (
	"fmt"
	"io"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

// storeCampaign is this week's promotions as the store's back office keeps
// them: a JSON document (活动配置), decoded and validated by promo. Member
// prices (会员价) follow the price list; 第二件半价 on rice balls is a
// member-day (会员日) offer the floor policy exempts; 满减 is tested after
// item discounts; the coupon code was handed out in the WeChat group.
const storeCampaign = `{
  "name": "便利店本周活动",
  "currency": "CNY",
  "promotions": [
    {"id": "member-W550", "name": "会员价 水", "target": {"skus": ["W550"]},
     "action": {"kind": "member-price", "tiers": [{"tier": "gold", "rate": "9折"}]}},
    {"id": "member-MILK", "name": "会员价 牛奶", "target": {"skus": ["MILK"]},
     "action": {"kind": "member-price", "tiers": [{"tier": "gold", "price": "12.90"}]}},
    {"id": "member-TOAST", "name": "会员价 吐司", "target": {"skus": ["TOAST"]},
     "action": {"kind": "member-price", "tiers": [{"tier": "gold", "rate": "9.5折"}]}},
    {"id": "member-RICE", "name": "会员价 饭团", "target": {"skus": ["RICE"]},
     "action": {"kind": "member-price", "tiers": [{"tier": "gold", "rate": "8.5折"}]}},
    {"id": "member-COFFEE", "name": "会员价 拿铁", "target": {"skus": ["COFFEE"]},
     "action": {"kind": "member-price", "tiers": [{"tier": "gold", "rate": "7折"}]}},
    {"id": "member-NOODLE", "name": "会员价 杯面", "target": {"skus": ["NOODLE"]},
     "action": {"kind": "member-price", "tiers": [{"tier": "gold", "rate": "8折"}]}},
    {"id": "rice-2nd-half", "name": "饭团第二件半价", "campaign": "会员日", "target": {"skus": ["RICE"]},
     "action": {"kind": "nth-item", "n": 2, "rate": "5折"}},
    {"id": "manjian", "name": "满60减5 / 满100减12", "priority": 1,
     "action": {"kind": "threshold", "tiers": [{"min_amount": "60.00", "off": "5.00"}, {"min_amount": "100.00", "off": "12.00"}]}},
    {"id": "group-coupon", "name": "进群券 满50减6", "coupon": "WX6",
     "action": {"kind": "threshold", "tiers": [{"min_amount": "50.00", "off": "6.00"}]}},
    {"id": "free-delivery", "name": "满49免配送费",
     "action": {"kind": "free-shipping", "min_amount": "49.00"}},
    {"id": "tote", "name": "满70送环保袋",
     "action": {"kind": "gift", "min_amount": "70.00", "options": [{"sku": "TOTE", "name": "tote bag", "qty": 1, "value": "3.00"}]}}
  ]
}`

// checkout prices a gold member's delivery order through the engine, with
// the store's price floor, and prints what each promotion did and why.
func checkout(w io.Writer) error {
	heading(w, "5. A delivery order through the promotion engine (促销引擎)")
	floor, err := storeFloor()
	if err != nil {
		return err
	}
	// The floor is given to the decoder too, which then refuses a campaign
	// name the policy does not know (an exemption that would silently miss).
	opts := []promo.Option{promo.WithFloor(floor)}
	campaign, err := promo.DecodeCampaign([]byte(storeCampaign), opts...)
	if err != nil {
		return err
	}
	engine, err := promo.NewEngine(campaign.Currency, campaign.Promotions, opts...)
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
	return returnCoffee(w, engine, cart, res)
}

// returnCoffee handles an after-sale return (售后退款): the customer sends
// back both iced lattes. The kept goods no longer reach 满60 or the
// 满70 gift, so the store claws back what they lose, as its policy says,
// and asks for the tote bag back.
func returnCoffee(w io.Writer, engine promo.Engine, cart promo.Cart, res promo.Result) error {
	q, err := engine.Refund(cart, res, map[string]int64{"COFFEE": 2}, promo.RefundPolicy{Clawback: true})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nReturn of 2 × COFFEE: the units paid %s; clawback %s; refund %s.\n", q.Paid, q.ClawbackTotal, q.Refund)
	for _, c := range q.Clawbacks {
		fmt.Fprintf(w, "  %s gave the kept goods %s in the order, %s now\n", c.PromotionID, c.Before.StringAmount(), c.After.StringAmount())
	}
	for _, g := range q.GiftsToReturn {
		fmt.Fprintf(w, "  the gift %s (%s) comes back with the return\n", g.Name, g.SKU)
	}
	return nil
}
