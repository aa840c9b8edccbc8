package promo_test

// Anchor cases from Talon.One's documentation (docs.talon.one and the
// older help.talon.one), each cited by URL. Talon.One returns effects
// (setDiscount for the session total, setDiscountPerItem for cart items,
// a discount on an additional cost) that the integration subtracts; it
// flattens every cart item of quantity n into n items of quantity 1
// (docs.talon.one/docs/product/rules/understanding-cart-item-flattening).
// Translation:
//
//	setDiscount, [Session.Total]*p%        PercentOff Scope PerOrder
//	setDiscountPerItem on a filtered list  PercentOff / AmountOff (PerUnit) on a Selector
//	"Discount individual items pro rata"   AmountOff Scope PerOrder on a Selector
//	Session.Total "is greater than" X      Threshold tier MinAmount X + 0.01
//	coupon code condition                  Coupon entered on the cart
//	discount on the shipping additional    FreeShipping with Off (opskit has one
//	  cost                                 shipping fee, no other additional costs)

import (
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// t1Lines are EUR lines of a category, one unit each at the given prices.
func t1Lines(category string, prices ...string) []promo.Line {
	var ls []promo.Line
	for i, p := range prices {
		ls = append(ls, ctLine(category+string(rune('1'+i)), 1, p, category))
	}
	return ls
}

func TestTalonOneProRata(t *testing.T) {
	// docs.talon.one/docs/product/tutorials/coupons/prorata-discount,
	// "Creating a pro rata discount": a total discount of €30 on all pairs
	// of shoes; 3 pairs worth €55, €60 and €115; "the pro rata discounts are
	// €7.17, €7.82, and €15 respectively. This gives us a total discount
	// value of €29.99. The error is fixed by adding the deficit amount to
	// the highest discounted item": 7.17, 7.82, 15.01. The exact shares are
	// 7.1739..., 7.8260..., 15.0000.
	shoes := promo.Promotion{ID: "30-pro-rata", Target: promo.Selector{Categories: []string{"shoes"}},
		Action: promo.AmountOff{Amount: ctEUR("30.00"), Scope: promo.PerOrder}}
	lines := append(t1Lines("shoes", "55.00", "60.00", "115.00"), ctLine("hat", 1, "20.00", "hats"))
	res := ctRun(t, ctCart(lines...), shoes)
	// opskit gives the spare cent to the largest remainder (0.6087 of the
	// €60 pair), not to the highest discounted item: "Largest remainder
	// gives each line its exact share rounded down or up, the spare cents
	// to the largest remainders (ties to the earlier line)" (promo/doc.go,
	// "Money"). Both sum to 30.00.
	assert.Equal(t, []string{"7.17", "7.83", "15.00", "0.00"}, lineShares(res, "30-pro-rata"))
	assert.Equal(t, "30.00", ctOff(t, res, "30-pro-rata"))
}

func TestTalonOneFixedPrice(t *testing.T) {
	// help.talon.one/customer/en/portal/articles/2968051-discount-total-of-
	// a-cart-to-a-fixed-price-: products priced 12€ to 25€ sold for 10€,
	// one item per purchase; the effect returns Session.Total - 10: "If the
	// total of the session is 14€ ... we are returning 4(€) as the value of
	// a discount effect", and the cart pays 10€. In opskit the fixed price
	// is FixedPrice, no formula needed.
	ten := promo.Promotion{ID: "ten", Target: promo.Selector{Categories: []string{"promo"}}, Action: promo.FixedPrice{Price: ctEUR("10.00")}}
	for _, tt := range []struct{ price, off string }{{"12.00", "2.00"}, {"14.00", "4.00"}, {"25.00", "15.00"}} {
		res := ctRun(t, ctCart(ctLine("item", 1, tt.price, "promo")), ten)
		assert.Equal(t, []string{tt.off, "10.00"}, []string{ctOff(t, res, "ten"), res.Total.StringAmount()}, tt.price)
	}
}

func TestTalonOneBuy3Pay2(t *testing.T) {
	// docs.talon.one/docs/product/tutorials/coupons/buy-3-pay-2, "Buying 3
	// and paying for 2": "give our customers the cheapest pack of cookies
	// for free every time they purchase 3 packs ... They will get the 2
	// cheapest packs of cookies for free if they purchase 6, the 3 cheapest
	// if they purchase 9". Prices are ours: packs of 1.00 to 6.00 (and
	// 7.00 to 9.00).
	cookies := promo.Selector{Categories: []string{"cookies"}}
	b2g1 := promo.Promotion{ID: "b3p2", Target: cookies, Action: promo.BuyXGetY{BuyQty: 2, GetQty: 1, Free: true}}
	for _, tt := range []struct {
		prices []string
		free   string // the cheapest n/3 packs
	}{
		{[]string{"3.00", "1.00", "2.00"}, "1.00"},
		{[]string{"6.00", "5.00", "4.00", "3.00", "2.00", "1.00"}, "3.00"},                         // 1 + 2
		{[]string{"9.00", "8.00", "7.00", "6.00", "5.00", "4.00", "3.00", "2.00", "1.00"}, "6.00"}, // 1 + 2 + 3
		{[]string{"6.00", "5.00", "4.00", "3.00", "2.00"}, "2.00"},                                 // one group of 3
	} {
		res := ctRun(t, ctCart(t1Lines("cookies", tt.prices...)...), b2g1)
		assert.Equal(t, tt.free, res.ItemDiscount.StringAmount(), "%v", tt.prices)
	}
	// 第N件 (NthItem N 3, Free) frees the third unit of each group of three
	// taken from the dearest down: on six packs the 4.00 and the 1.00
	// (5.00), not the two cheapest, as its doc says: "in each group of N
	// targeted units the Nth is at Rate, or free ... Units are grouped from
	// the most expensive down" (promo/action.go, NthItem).
	nth := promo.Promotion{ID: "nth", Target: cookies, Action: promo.NthItem{N: 3, Free: true}}
	res := ctRun(t, ctCart(t1Lines("cookies", "6.00", "5.00", "4.00", "3.00", "2.00", "1.00")...), nth)
	assert.Equal(t, "5.00", res.ItemDiscount.StringAmount())
}

func TestTalonOneSessionTotalDiscounts(t *testing.T) {
	// docs.talon.one/docs/product/tutorials/sample-campaigns/always-trigger-
	// discount: "Discount session total" with value [Session.Total]*10%.
	// docs.talon.one/docs/product/tutorials/sample-campaigns/discount-based-
	// on-session-value: [Session.Total]*20% when "Session Total (Current
	// Session) is greater than 200". Carts are ours: 10 % of 100.00 is
	// 10.00; 20 % applies to 250.00 (50.00) and not to exactly 200.00.
	always := promo.Promotion{ID: "always-10", Action: promo.PercentOff{Rate: rate("9折"), Scope: promo.PerOrder}}
	assert.Equal(t, "10.00", ctOff(t, ctRun(t, ctCart(ctLine("a", 1, "100.00", "c")), always), "always-10"))
	over200 := promo.Promotion{ID: "20-over-200", Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: ctEUR("200.01"), Rate: rate("8折")}}}}
	assert.Equal(t, "50.00", ctOff(t, ctRun(t, ctCart(ctLine("a", 1, "250.00", "c")), over200), "20-over-200"))
	res := ctRun(t, ctCart(ctLine("a", 1, "200.00", "c")), over200)
	e, ok := res.Explanation("20-over-200")
	require.True(t, ok)
	assert.Equal(t, []string{"200.00", "0.01"}, []string{res.Total.StringAmount(), e.MissingAmount.StringAmount()})
}

func TestTalonOnePerItemDiscountFlattened(t *testing.T) {
	// docs.talon.one/docs/product/rules/understanding-cart-item-flattening:
	// 3 candles (SKU1241028) at 15.99 are flattened into three items, and
	// "if you use per-item effects, like a per-item discount applied to all
	// items of the session, you receive three effects instead of one." A
	// per-item 10 % (ours) is 1.599 → 1.60 on each unit: 4.80 in all, which
	// opskit gives by rounding the line's 4.797 once and allocating 1.60 to
	// each unit.
	res := ctRun(t, ctCart(ctLine("SKU1241028", 3, "15.99", "candles")), promo.Promotion{ID: "item-10", Action: promo.PercentOff{Rate: rate("9折")}})
	adj := lineResult(t, res, "SKU1241028").Adjustments
	require.Len(t, adj, 1)
	var per []string
	for _, m := range adj[0].PerUnit {
		per = append(per, m.StringAmount())
	}
	assert.Equal(t, []string{"1.60", "1.60", "1.60"}, per)
	assert.Equal(t, "43.17", res.Total.StringAmount())
}

func TestTalonOneCouponAndShippingCost(t *testing.T) {
	// docs.talon.one (tag "rule"): "a promotion rule that provides a 30%
	// discount to customers who enter the SUMMER2023 coupon code". Ours:
	// 30 % of 80.00 is 24.00 with the code, nothing without it.
	summer := promo.Promotion{ID: "summer", Coupon: "SUMMER2023", Action: promo.PercentOff{Rate: rate("7折"), Scope: promo.PerOrder}}
	c := ctCart(ctLine("a", 1, "80.00", "c"))
	res := ctRun(t, c, summer)
	e, _ := res.Explanation("summer")
	assert.Equal(t, []string{"80.00", "coupon not entered"}, []string{res.Total.StringAmount(), e.Reason.String()})
	c.Coupons = []string{"SUMMER2023"}
	assert.Equal(t, "56.00", ctRun(t, c, summer).Total.StringAmount())
	// docs.talon.one/docs/product/rules/effects/using-effects, "Discounting
	// individual items": Discount scope "Additional cost" (the
	// setDiscountPerAdditionalCost effect). opskit's one additional cost is
	// the shipping fee: 5.00 off a 4.99 fee (ours) leaves nothing, never
	// below zero.
	c.Shipping = ctEUR("4.99")
	res = ctRun(t, c, promo.Promotion{ID: "ship-5", Action: promo.FreeShipping{MinQty: 1, Off: ctEUR("5.00")}})
	assert.Equal(t, []string{"4.99", "0.00"}, []string{res.ShippingBefore.StringAmount(), res.ShippingAfter.StringAmount()})
}
