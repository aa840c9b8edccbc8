package promo_test

import (
	"fmt"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

// A store coupon 满200减10 applies before a platform 满300减30 on a 360.16
// item at 8.5折 (306.14 after item discounts). By default (after item
// discounts, the Tmall rule) both apply; on the running total the store
// coupon leaves 296.14 and the platform coupon is 3.86 short.
func ExampleThresholdBase() {
	for _, base := range []promo.ThresholdBase{promo.BaseAfterItems, promo.BaseRunningTotal} {
		e, _ := promo.NewEngine(pricing.CNY, []promo.Promotion{
			{ID: "item", Action: promo.PercentOff{Rate: pricing.MustRate("8.5折")}},
			{ID: "store", Priority: 2, Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: exampleCNY("200.00"), Off: exampleCNY("10.00")}}}},
			{ID: "platform", Priority: 1, Action: promo.Threshold{Base: base, Tiers: []promo.Tier{{MinAmount: exampleCNY("300.00"), Off: exampleCNY("30.00")}}}},
		})
		res, _ := e.Evaluate(promo.Cart{Currency: pricing.CNY, At: time.Date(2026, 11, 11, 20, 0, 0, 0, time.UTC),
			Lines: []promo.Line{{ID: "coat", SKU: "coat", Qty: 1, UnitPrice: exampleCNY("360.16")}}})
		ex, _ := res.Explanation("platform")
		fmt.Println(base, res.Total, "|", ex)
	}
	// Output:
	// after_items CNY 266.14 | platform: applied, 30.00 off on lines coat
	// running_total CNY 296.14 | platform: not applicable: below threshold: add 3.86 more to get 30.00 off
}

// The issue's 350.00 cart: 满100打9折, then 满200减20 / 满400减50. The hint
// is in goods to add: 50.00 more reaches 400.00 after item discounts.
func ExampleResult_Explanation() {
	e, _ := promo.NewEngine(pricing.CNY, []promo.Promotion{
		{ID: "zhe", Priority: 2, Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: exampleCNY("100.00"), Rate: pricing.MustRate("9折")}}}},
		{ID: "mj", Priority: 1, Action: promo.Threshold{Tiers: []promo.Tier{
			{MinAmount: exampleCNY("200.00"), Off: exampleCNY("20.00")}, {MinAmount: exampleCNY("400.00"), Off: exampleCNY("50.00")}}}},
	})
	res, _ := e.Evaluate(promo.Cart{Currency: pricing.CNY, At: time.Date(2026, 11, 11, 20, 0, 0, 0, time.UTC),
		Lines: []promo.Line{{ID: "a", SKU: "a", Qty: 1, UnitPrice: exampleCNY("350.00")}}})
	ex, _ := res.Explanation("mj")
	fmt.Println(ex)
	fmt.Println("total", res.Total, "saved", res.Saved, "after items", res.AfterItems)
	// Output:
	// mj: applied, 20.00 off on lines a: add 50.00 more to get 50.00 off in total
	// total CNY 295.00 saved CNY 55.00 after items CNY 350.00
}
