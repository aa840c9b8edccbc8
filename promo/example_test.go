package promo_test

import (
	"fmt"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

func exampleCNY(s string) pricing.Money { return pricing.MustNew(s, pricing.CNY) }

func ExampleNewEngine() {
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
		{ID: "manjian", Name: "满200减30", Action: promo.Threshold{Tiers: []promo.Tier{
			{MinAmount: exampleCNY("200.00"), Off: exampleCNY("30.00")},
		}}},
	})
	fmt.Println(len(e.Promotions()), err)

	_, err = promo.NewEngine(pricing.CNY, []promo.Promotion{{ID: "half", Action: promo.NthItem{N: 1, Rate: pricing.MustRate("5折")}}})
	fmt.Println(err)
	// Output:
	// 1 <nil>
	// promo: new engine: promotions[0].action.n 1: invalid action: must be at least 2
}

// A 双11 cart: 每满300减30 store-wide, 第二件半价 on socks, 满99包邮, and
// a 满500 gift. The socks pair 39.00 + 29.00 gets 14.50 off; the order,
// 650.00 - 14.50 = 635.50, holds two full 300.00 steps: 60.00 off.
func ExampleEngine_Evaluate() {
	at := time.Date(2026, 11, 11, 20, 0, 0, 0, time.FixedZone("CST", 8*3600))
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
		{ID: "d11", Name: "双11 每满300减30", Campaign: "双11",
			Start: time.Date(2026, 11, 11, 0, 0, 0, 0, at.Location()), End: time.Date(2026, 11, 12, 0, 0, 0, 0, at.Location()),
			Action: promo.Threshold{Every: &promo.Step{Amount: exampleCNY("300.00"), Off: exampleCNY("30.00")}}},
		{ID: "socks", Name: "袜子第二件半价", Target: promo.Selector{Categories: []string{"socks"}},
			Action: promo.NthItem{N: 2, Rate: pricing.MustRate("半价")}},
		{ID: "ship", Name: "满99包邮", Action: promo.FreeShipping{MinAmount: exampleCNY("99.00")}},
		{ID: "gift", Name: "满500送帆布袋", Action: promo.Gift{MinAmount: exampleCNY("500.00"),
			Options: []promo.GiftOption{{SKU: "tote", Name: "帆布袋", Qty: 1}}}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := e.Evaluate(promo.Cart{
		Currency: pricing.CNY,
		At:       at,
		Shipping: exampleCNY("12.00"),
		Lines: []promo.Line{
			{ID: "coat", SKU: "coat-m", Qty: 1, UnitPrice: exampleCNY("582.00")},
			{ID: "sock1", SKU: "sock-grey", Categories: []string{"socks"}, Qty: 1, UnitPrice: exampleCNY("39.00")},
			{ID: "sock2", SKU: "sock-navy", Categories: []string{"socks"}, Qty: 1, UnitPrice: exampleCNY("29.00")},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("subtotal", res.Subtotal.StringAmount())
	fmt.Println("item    ", res.ItemDiscount.StringAmount())
	fmt.Println("order   ", res.OrderDiscount.StringAmount())
	fmt.Println("shipping", res.ShippingBefore.StringAmount(), "->", res.ShippingAfter.StringAmount())
	fmt.Println("total   ", res.Total.StringAmount())
	for _, l := range res.Lines {
		fmt.Println(l.ID, l.Before.StringAmount(), "->", l.After.StringAmount())
	}
	for _, g := range res.Gifts {
		fmt.Println("gift", g.Qty, g.SKU)
	}
	fmt.Println("optimal", res.Optimal)
	// Output:
	// subtotal 650.00
	// item     14.50
	// order    60.00
	// shipping 12.00 -> 0.00
	// total    575.50
	// coat 582.00 -> 527.05
	// sock1 39.00 -> 35.32
	// sock2 29.00 -> 13.13
	// gift 1 tote
	// optimal true
}

func ExampleExplanation_String() {
	e, _ := promo.NewEngine(pricing.CNY, []promo.Promotion{
		{ID: "coupon199", Action: promo.Threshold{Tiers: []promo.Tier{
			{MinAmount: exampleCNY("199.00"), Off: exampleCNY("20.00")},
		}}},
		{ID: "fav5", Conditions: promo.Conditions{Tags: []string{"favorited-store"}},
			Action: promo.AmountOff{Amount: exampleCNY("5.00"), Scope: promo.PerOrder}},
		{ID: "vip", Conditions: promo.Conditions{Tiers: []string{"gold"}}, Action: promo.PercentOff{Rate: pricing.MustRate("95折")}},
	})
	res, _ := e.Evaluate(promo.Cart{
		Currency: pricing.CNY,
		At:       time.Date(2026, 11, 11, 12, 0, 0, 0, time.UTC),
		Lines:    []promo.Line{{ID: "a", SKU: "a", Qty: 1, UnitPrice: exampleCNY("175.50")}},
		Customer: promo.Customer{Tags: []string{"favorited-store"}},
		Coupons:  []string{"BOGUS"},
	})
	for _, ex := range res.Explanations {
		fmt.Println(ex)
	}
	fmt.Println("unknown", res.UnknownCoupons)
	fmt.Println("total", res.Total.StringAmount())
	// Output:
	// vip: not applicable: customer not eligible (tier "")
	// coupon199: not applicable: below threshold: add 23.50 more to get 20.00 off
	// fav5: applied, 5.00 off on lines a
	// unknown [BOGUS]
	// total 170.50
}

// P-01: no sale below 7折 of the list price, except 淘金币 and 双11.
func ExampleWithFloor() {
	floor, err := pricing.NewFloorPolicy(pricing.MinListRatio(pricing.MustRate("7折")), pricing.ExemptCampaigns("淘金币", "双11"))
	if err != nil {
		fmt.Println(err)
		return
	}
	c := promo.Cart{
		Currency: pricing.CNY,
		At:       time.Date(2026, 11, 11, 12, 0, 0, 0, time.UTC),
		Lines:    []promo.Line{{ID: "a", SKU: "a", Qty: 1, UnitPrice: exampleCNY("100.00")}},
	}
	// A normal sale names no campaign; a name the policy does not know
	// ("double11" for "双11") is an error, never a silent miss.
	for _, campaign := range []string{"", "双11", "double11"} {
		e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
			{ID: "half", Campaign: campaign, Action: promo.PercentOff{Rate: pricing.MustRate("5折")}},
		}, promo.WithFloor(floor))
		if err != nil {
			fmt.Println(err)
			continue
		}
		res, _ := e.Evaluate(c)
		fmt.Printf("%q %s %v\n", campaign, res.Total.StringAmount(), res.Explanations[0])
	}
	// Output:
	// "" 70.00 half: applied, 30.00 off on lines a; 20.00 trimmed by the price floor
	// "双11" 50.00 half: applied, 50.00 off on lines a; campaign 双11 is exempt from the price floor
	// promo: new engine: promotions[0].campaign "double11": campaign unknown to the floor policy: promotion "half": the floor policy knows "双11", "淘金币"
}
