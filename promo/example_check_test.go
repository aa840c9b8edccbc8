package promo_test

import (
	"fmt"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

// A draft whose second tier gives nothing more and whose two store coupons
// overlap: the second coupon is beaten on every cart.
func ExampleCheck() {
	c := promo.Campaign{Name: "双11", Currency: pricing.CNY, Promotions: []promo.Promotion{
		{ID: "mj", Action: promo.Threshold{Tiers: []promo.Tier{
			{MinAmount: exampleCNY("300.00"), Off: exampleCNY("30.00")},
			{MinAmount: exampleCNY("600.00"), Off: exampleCNY("30.00")},
		}}},
		{ID: "s20", Coupon: "S20", Group: "store", Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: exampleCNY("199.00"), Off: exampleCNY("20.00")}}}},
		{ID: "s299", Coupon: "S299", Group: "store", Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: exampleCNY("299.00"), Off: exampleCNY("20.00")}}}},
	}}
	findings, err := promo.Check(c, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range findings {
		fmt.Println(f)
	}
	// Output:
	// warning tier_not_better promotions[0].action.tiers[1]: tier 1 (from CNY 600.00) gives no more than tier 0 on every cart that reaches it
	// warning dominated_coupon promotions[2].coupon: coupon "S299" gives no more than coupon "S20" of the same group "store" on every cart, so it is never the better pick
}

// 第二件半价 on a tea with a thin margin, plus 满300减50: the worst cart
// for margin, proven over every cart of up to four units. Four teas pay
// 100 + 50 + 100 + 50 = 300.00 after 第二件半价, reach 满300 and share its
// 50.00 in proportion: the half-price units pay 41.67, each 18.33 below
// the 60.00 cost.
func ExampleEngine_WorstCart() {
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
		{ID: "mj", Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: exampleCNY("300.00"), Off: exampleCNY("50.00")}}}},
		{ID: "half", Target: promo.Selector{SKUs: []string{"tea"}}, Action: promo.NthItem{N: 2, Rate: pricing.MustRate("5折")}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	w, err := e.WorstCart(promo.WorstCartQuery{
		Catalog: []promo.CatalogItem{
			{SKU: "tea", ListPrice: exampleCNY("100.00"), Cost: exampleCNY("60.00")},
			{SKU: "cup", ListPrice: exampleCNY("40.00"), Cost: exampleCNY("10.00")},
		},
		Loss: promo.LossBelowCost, MaxUnits: 4, At: time.Date(2026, 11, 11, 10, 0, 0, 0, time.UTC),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("proven:", w.Proven, "carts:", w.Carts)
	for _, l := range w.Result.Lines {
		fmt.Println(l.Qty, "×", l.ID, "units pay", l.UnitPaid)
	}
	fmt.Println("below cost:", w.BelowCost)
	// Output:
	// proven: true carts: 14
	// 4 × tea units pay [CNY 83.33 CNY 41.67 CNY 83.33 CNY 41.67]
	// below cost: CNY 36.66
}

// Three past orders replayed under 满200减20: two reach it, one is 30.00
// short, a near miss under 50.00.
func ExampleEngine_Backtest() {
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
		{ID: "mj", Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: exampleCNY("200.00"), Off: exampleCNY("20.00")}}}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	at := time.Date(2026, 11, 11, 9, 0, 0, 0, time.UTC)
	var orders []promo.Cart
	for _, p := range []string{"250.00", "170.00", "200.00"} {
		orders = append(orders, promo.Cart{Currency: pricing.CNY, At: at,
			Lines: []promo.Line{{ID: "a", SKU: "a", Qty: 1, UnitPrice: exampleCNY(p), Cost: exampleCNY("100.00")}}})
	}
	r, err := e.Backtest(promo.BacktestQuery{Orders: orders, NearMiss: exampleCNY("50.00")})
	if err != nil {
		fmt.Println(err)
		return
	}
	mj := r.Promotions[0]
	fmt.Println("GMV", r.GMV, "discount", r.Discount, "margin", r.MarginBefore, "→", r.MarginAfter)
	fmt.Println(mj.PromotionID, "applied", mj.Applied, "near misses", mj.NearMisses, "lacking", mj.NearMissGap)
	// Output:
	// GMV CNY 620.00 discount CNY 40.00 margin CNY 320.00 → CNY 280.00
	// mj applied 2 near misses 1 lacking CNY 30.00
}
