package promo_test

import (
	"fmt"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

// show evaluates one promotion on a cart of (sku, qty, price) lines and
// prints each line's total after promotions and the explanation.
func show(p promo.Promotion, shipping string, lines ...any) {
	c := promo.Cart{Currency: pricing.CNY, At: time.Date(2026, 11, 11, 20, 0, 0, 0, time.UTC),
		Customer: promo.Customer{Tier: "gold"}}
	if shipping != "" {
		c.Shipping = pricing.MustParse("CNY " + shipping)
	}
	for i := 0; i+2 < len(lines); i += 3 {
		sku := lines[i].(string)
		c.Lines = append(c.Lines, promo.Line{ID: sku, SKU: sku, Categories: []string{"snacks"}, Qty: int64(lines[i+1].(int)),
			UnitPrice: pricing.MustParse("CNY " + lines[i+2].(string))})
	}
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{p})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := e.Evaluate(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range res.Lines {
		fmt.Printf("%s %s -> %s\n", l.ID, l.Before.StringAmount(), l.After.StringAmount())
	}
	if res.ShippingBefore.IsPositive() {
		fmt.Printf("shipping %s -> %s\n", res.ShippingBefore.StringAmount(), res.ShippingAfter.StringAmount())
	}
	fmt.Println(res.Explanations[0])
}

func ExamplePercentOff() {
	// 打折: 8折 on every unit.
	show(promo.Promotion{ID: "8zhe", Action: promo.PercentOff{Rate: pricing.MustRate("8折")}}, "", "tea", 2, "25.00")
	// Output:
	// tea 50.00 -> 40.00
	// 8zhe: applied, 10.00 off on lines tea
}

func ExampleAmountOff() {
	// 直降: 3.00 off each unit, never below zero.
	show(promo.Promotion{ID: "minus3", Action: promo.AmountOff{Amount: pricing.MustParse("CNY 3")}}, "", "tea", 2, "25.00", "gum", 1, "2.50")
	// Output:
	// tea 50.00 -> 44.00
	// gum 2.50 -> 0.00
	// minus3: applied, 8.50 off on lines tea, gum
}

func ExampleFixedPrice() {
	// 一口价: every unit at 9.90; cheaper units keep their price.
	show(promo.Promotion{ID: "9.9", Action: promo.FixedPrice{Price: pricing.MustParse("CNY 9.90")}}, "", "cup", 1, "15.00", "gum", 1, "2.50")
	// Output:
	// cup 15.00 -> 9.90
	// gum 2.50 -> 2.50
	// 9.9: applied, 5.10 off on lines cup
}

func ExampleThreshold() {
	// 满100减10 / 满200减30 / 满300减50: the highest tier reached.
	show(promo.Promotion{ID: "manjian", Action: promo.Threshold{Tiers: []promo.Tier{
		{MinAmount: pricing.MustParse("CNY 100"), Off: pricing.MustParse("CNY 10")},
		{MinAmount: pricing.MustParse("CNY 200"), Off: pricing.MustParse("CNY 30")},
		{MinAmount: pricing.MustParse("CNY 300"), Off: pricing.MustParse("CNY 50")},
	}}}, "", "tea", 2, "88.00", "cup", 1, "50.00")
	// 30.00 is spread over the units by price: 11.68 on each 88.00 tea,
	// 6.64 on the cup (1168 + 1168 + 664 = 3000 分).
	// Output:
	// tea 176.00 -> 152.64
	// cup 50.00 -> 43.36
	// manjian: applied, 30.00 off on lines tea, cup: add 74.00 more to get 50.00 off in total
}

func ExampleThreshold_every() {
	// 每满300减30, at most twice (上限2次).
	show(promo.Promotion{ID: "every300", Action: promo.Threshold{Every: &promo.Step{
		Amount: pricing.MustParse("CNY 300"), Off: pricing.MustParse("CNY 30"), MaxTimes: 2,
	}}}, "", "coat", 1, "699.00")
	// Output:
	// coat 699.00 -> 639.00
	// every300: applied, 60.00 off on lines coat
}

func ExampleThreshold_quantity() {
	// 满2件8折: two or more targeted units at 8折.
	show(promo.Promotion{ID: "2pcs", Action: promo.Threshold{Basis: promo.ByQuantity, Tiers: []promo.Tier{
		{MinQty: 2, Rate: pricing.MustRate("8折")},
	}}}, "", "sock", 2, "19.90")
	// Output:
	// sock 39.80 -> 31.84
	// 2pcs: applied, 7.96 off on lines sock
}

func ExampleNthItem() {
	// 第二件半价: pairs from the most expensive down; the cheaper unit of each
	// pair at 5折, a unit without a pair at full price.
	show(promo.Promotion{ID: "2nd-half", Action: promo.NthItem{N: 2, Rate: pricing.MustRate("5折")}}, "",
		"a", 1, "30.00", "b", 1, "20.00", "c", 1, "10.00")
	// Output:
	// a 30.00 -> 30.00
	// b 20.00 -> 10.00
	// c 10.00 -> 10.00
	// 2nd-half: applied, 10.00 off on lines b
}

func ExampleBuyXGetY() {
	// 买2送1: of every three units, the cheapest is free.
	show(promo.Promotion{ID: "b2g1", Action: promo.BuyXGetY{BuyQty: 2, GetQty: 1, Free: true}}, "",
		"a", 2, "12.00", "b", 1, "8.00")
	// Output:
	// a 24.00 -> 24.00
	// b 8.00 -> 0.00
	// b2g1: applied, 8.00 off on lines b
}

func ExampleBundlePrice() {
	// 任选3件99元: the three most expensive units form the bundle.
	show(promo.Promotion{ID: "3for99", Action: promo.BundlePrice{Qty: 3, Price: pricing.MustParse("CNY 99")}}, "",
		"a", 2, "45.00", "b", 2, "30.00")
	// Output:
	// a 90.00 -> 74.25
	// b 60.00 -> 54.75
	// 3for99: applied, 21.00 off on lines a, b
}

func ExampleCombo() {
	// 套餐: a burger and a drink for 25.00.
	show(promo.Promotion{ID: "meal", Action: promo.Combo{Price: pricing.MustParse("CNY 25"), Parts: []promo.ComboPart{
		{Items: promo.Selector{SKUs: []string{"burger"}}, Qty: 1}, {Items: promo.Selector{SKUs: []string{"cola"}}, Qty: 1},
	}}}, "", "burger", 1, "22.00", "cola", 1, "8.00")
	// Output:
	// burger 22.00 -> 18.33
	// cola 8.00 -> 6.67
	// meal: applied, 5.00 off on lines burger, cola
}

func ExampleMemberPrice() {
	// 会员价: gold members pay 9.5折.
	show(promo.Promotion{ID: "gold", Action: promo.MemberPrice{Tiers: []promo.MemberTier{
		{Tier: "gold", Rate: pricing.MustRate("95折")},
	}}}, "", "tea", 1, "88.00")
	// Output:
	// tea 88.00 -> 83.60
	// gold: applied, 4.40 off on lines tea
}

func ExampleGift() {
	// 满300送: one of two gifts from 300.00; the first available by default.
	show(promo.Promotion{ID: "gift300", Action: promo.Gift{MinAmount: pricing.MustParse("CNY 300"), Options: []promo.GiftOption{
		{SKU: "bra", Qty: 1}, {SKU: "slippers", Qty: 2},
	}}}, "", "dress", 1, "299.99")
	// Output:
	// dress 299.99 -> 299.99
	// gift300: not applicable: below threshold: add 0.01 more to get the gift
}

func ExampleFreeShipping() {
	// 满99包邮 on a 109.00 order with a 10.00 fee.
	show(promo.Promotion{ID: "ship99", Action: promo.FreeShipping{MinAmount: pricing.MustParse("CNY 99")}}, "10.00", "tea", 1, "109.00")
	// Output:
	// tea 109.00 -> 109.00
	// shipping 10.00 -> 0.00
	// ship99: applied, 10.00 off
}

func ExampleSelector_Matches() {
	s := promo.Selector{Categories: []string{"snacks"}, ExcludeTags: []string{"clearance"}}
	fmt.Println(s.Matches(promo.Line{Categories: []string{"snacks"}}),
		s.Matches(promo.Line{Categories: []string{"snacks"}, Tags: []string{"clearance"}}),
		s.Matches(promo.Line{Categories: []string{"drinks"}}))
	// Output: true false false
}

func ExampleEngine_Refund() {
	// 满200减30 on a 150.00 coat and an 80.00 hat: the order paid 200.00.
	e, _ := promo.NewEngine(pricing.CNY, []promo.Promotion{{ID: "manjian", Action: promo.Threshold{
		Tiers: []promo.Tier{{MinAmount: pricing.MustParse("CNY 200"), Off: pricing.MustParse("CNY 30")}}}}})
	c := promo.Cart{Currency: pricing.CNY, At: time.Date(2026, 11, 11, 20, 0, 0, 0, time.UTC), Lines: []promo.Line{
		{ID: "coat", SKU: "coat", Qty: 1, UnitPrice: pricing.MustParse("CNY 150.00")},
		{ID: "hat", SKU: "hat", Qty: 1, UnitPrice: pricing.MustParse("CNY 80.00")},
	}}
	res, _ := e.Evaluate(c)
	// The hat comes back. It paid 69.57; the coat kept alone no longer
	// reaches 满200, so its share of the 30.00 (19.57) is clawed back.
	q, _ := e.Refund(c, res, map[string]int64{"hat": 1}, promo.RefundPolicy{Clawback: true})
	fmt.Println("paid", res.Total, "returned units paid", q.Paid, "clawback", q.ClawbackTotal, "refund", q.Refund)
	for _, cb := range q.Clawbacks {
		fmt.Printf("%s gave the kept units %s, now %s\n", cb.PromotionID, cb.Before.StringAmount(), cb.After.StringAmount())
	}
	// Output:
	// paid CNY 200.00 returned units paid CNY 69.57 clawback CNY 19.57 refund CNY 50.00
	// manjian gave the kept units 19.57, now 0.00
}
