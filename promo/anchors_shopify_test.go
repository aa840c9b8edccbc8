package promo_test

// Anchor cases from Shopify's documented discount behaviour, translated to
// opskit. Shopify publishes no engine source; the anchors are its help
// pages and API reference (stored copies read through the search tool,
// 2026-12) and the test fixtures of github:Shopify/function-examples
// (HEAD 19ccafc). Each test names its page and section.
//
// Translation. Shopify's discount classes map to opskit's layers: a
// product discount (amount off products, buy X get Y) is an item-layer
// promotion, an order discount (amount off orders) an order-layer one
// (Scope PerOrder or a Threshold), a shipping discount a FreeShipping. A
// discount code is a promotion with a Coupon the cart enters; an
// automatic discount has none. A minimum purchase requirement
// (DiscountMinimumSubtotal.greaterThanOrEqualToSubtotal, "greater than or
// equal to") is a Threshold tier's MinAmount or a FreeShipping MinAmount,
// both inclusive; a minimum quantity (DiscountMinimumQuantity) is MinQty
// ByQuantity. Amounts are USD, as in the examples. Shopify states no
// rounding for these examples; none of their numbers needs any.

import (
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shopLine is a USD line of qty units whose SKU is its ID and whose one
// category is cat (Shopify's collection).
func shopLine(id, cat string, qty int64, price string) promo.Line {
	l := ancLine(id, qty, price)
	l.Categories = []string{cat}
	return l
}

// shopCart is the cart of help.shopify.com's combination examples: Pants
// 100, Shirts 50, Boots 200 (one unit each), shipping 20, the codes
// entered.
func shopCart(codes ...string) promo.Cart {
	c := ancCart(shopLine("pants", "pants", 1, "100.00"), shopLine("shirts", "shirts", 1, "50.00"),
		shopLine("boots", "boots", 1, "200.00"))
	c.Shipping = usd("20.00")
	c.Coupons = codes
	return c
}

// shopIn is a selector of one collection.
func shopIn(cat string) promo.Selector { return promo.Selector{Categories: []string{cat}} }

// off20Pants is the examples' 20offPants code: 20 USD off any pants (an
// amount off products, on each item).
func off20Pants() promo.Promotion {
	return promo.Promotion{ID: "20offPants", Coupon: "20offPants", Target: shopIn("pants"), Action: promo.AmountOff{Amount: usd("20.00")}}
}

// off10Order is the examples' 10offOrder code: 10% off the order (in the
// later examples, of a customer's first order: Conditions.FirstOrder).
func off10Order() promo.Promotion {
	return promo.Promotion{ID: "10offOrder", Coupon: "10offOrder", Conditions: promo.Conditions{FirstOrder: true},
		Action: promo.PercentOff{Rate: rate("9折"), Scope: promo.PerOrder}}
}

// help.shopify.com/manual/discounts/combining-discounts/examples (also
// docs.shopify.com/docs/apps/selling-strategies/discounts/
// discount-function-examples), "Multiple fixed amount product discounts and
// a free shipping discount": 20offPants (code), 10offShirts (10 USD off any
// shirt), Freeship100 (automatic free shipping on orders over 100 USD);
// shipping 20. Cart after discounts: Pants 80, Shirts 40, Boots 200,
// subtotal 320, shipping free, total 320.
func TestShopifyProductDiscountsAndFreeShipping(t *testing.T) {
	shirts := promo.Promotion{ID: "10offShirts", Target: shopIn("shirts"), Action: promo.AmountOff{Amount: usd("10.00")}}
	ship := promo.Promotion{ID: "Freeship100", Action: promo.FreeShipping{MinAmount: usd("100.00")}}
	res := ancRun(t, shopCart("20offPants"), off20Pants(), shirts, ship)
	assert.Equal(t, []string{"80.00", "40.00", "200.00"}, afters(res))
	assert.Equal(t, "USD 320.00", res.AfterItems.String(), "subtotal after discounts")
	assert.Equal(t, "USD 0.00", res.ShippingAfter.String(), "shipping free")
	assert.Equal(t, "USD 320.00", res.Total.String())
}

// Same page, "Fixed amount product discount and a percent off order
// discount": 20offPants and 10offOrder (10% off the order); shipping 20.
// Pants 80, Shirts 50, Boots 200; subtotal 297 (10% of 330 off), total
// 317. The product discount applies first and the order discount to the
// subtotal after it, as opskit's layers do (promo/doc.go, "Layers": "a
// later layer sees the prices the earlier ones left"). Shopify does not
// show the 33 per line; opskit's split is in proportion to the lines
// (80 : 50 : 200 of 330, exact: 8, 5, 20).
func TestShopifyProductThenPercentOrder(t *testing.T) {
	res := ancRun(t, shopCart("20offPants", "10offOrder"), off20Pants(), off10Order())
	assert.Equal(t, "USD 330.00", res.AfterItems.String())
	assert.Equal(t, "USD 33.00", res.OrderDiscount.String())
	assert.Equal(t, []string{"8.00", "5.00", "20.00"}, lineShares(res, "10offOrder"))
	assert.Equal(t, "USD 20.00", res.ShippingAfter.String())
	assert.Equal(t, "USD 317.00", res.Total.String())
}

// Same page, "Multiple percent off order discounts": 10offOrder (code, 10%
// off a first order) and 15offOver200 (automatic, 15% off orders over 200
// USD); shipping 20. "If two or more order discounts that provide a
// percentage off are applied to the same order, then each percentage
// discount is calculated based on the original subtotal": 350 - 35 -
// 52.50 = 262.50 USD, total 282.50 USD.
//
// opskit compounds: "Each order promotion takes its discount off the
// running total: 1000.00 with "10% off" (priority 2) and "100.00 off"
// (priority 1) pays 800.00" (promo/doc.go, "Layers"). 10offOrder applies
// first (equal priority, smaller ID): 315.00, then 15% of 315.00 = 47.25:
// 267.75, total 287.75; 5.25 more than Shopify.
func TestShopifyPercentOrderDiscountsOnOriginalSubtotal(t *testing.T) {
	over200 := promo.Promotion{ID: "15offOver200", Action: promo.Threshold{
		Tiers: []promo.Tier{{MinAmount: usd("200.00"), Rate: rate("8.5折")}}}}
	res := ancRun(t, shopCart("10offOrder"), off10Order(), over200)
	assert.Equal(t, "USD 35.00", explanation(t, res, "10offOrder").Amount.String())
	assert.Equal(t, "USD 47.25", explanation(t, res, "15offOver200").Amount.String())
	goods, err := res.AfterItems.Sub(res.OrderDiscount)
	require.NoError(t, err)
	assert.Equal(t, "USD 267.75", goods.String())
	assert.Equal(t, "USD 287.75", res.Total.String())
	// Documented (doc.go, Layers): "it takes every percentage order discount off the subtotal before
	// the order discounts (350 with 10% and 15% off: 262.50 there, 267.75 here)".
}

// Same page, "Percentage order discount and fixed amount order discount":
// 10offOrder (code, 10% off a first order) and 20offOrder (automatic, 20
// USD off orders over 200 USD). "The percentage order discount is applied
// first, and then the fixed amount order discount": 350 - 35 = 315, then
// 315 - 20 = 295, total 315 with the 20 shipping (hand arithmetic; the
// stored page breaks off after "for this cart, first on the 350 USD
// subtotal"). Fixed first would give (350 - 20) × 0.9 = 297.
//
// opskit orders one layer by Priority, then ID, not by kind: Shopify's
// rule is a higher Priority on every percentage order discount. With equal
// priorities the order follows the IDs.
func TestShopifyPercentBeforeFixedOrderDiscount(t *testing.T) {
	fixed := promo.Promotion{ID: "20offOrder", Action: promo.Threshold{
		Tiers: []promo.Tier{{MinAmount: usd("200.00"), Off: usd("20.00")}}}}
	pct := off10Order()
	pct.Priority = 1 // Shopify: percentage order discounts first
	res := ancRun(t, shopCart("10offOrder"), pct, fixed)
	assert.Equal(t, "USD 35.00", explanation(t, res, "10offOrder").Amount.String())
	assert.Equal(t, "USD 20.00", explanation(t, res, "20offOrder").Amount.String())
	assert.Equal(t, "USD 315.00", res.Total.String())

	// Without the priority, the page's IDs happen to sort the percentage
	// first ("10offOrder" < "20offOrder"); a fixed discount whose ID sorts
	// first applies first: (350 - 20) × 0.9 = 297, total 317.
	pct.Priority = 0
	fixed.ID = "05offOrder"
	res = ancRun(t, shopCart("10offOrder"), pct, fixed)
	assert.Equal(t, "USD 33.00", explanation(t, res, "10offOrder").Amount.String())
	assert.Equal(t, "USD 317.00", res.Total.String())
	// Documented (doc.go, Layers): "it applies percentages before fixed amounts whatever their
	// order (give the percentage promotions a higher Priority for that)".
}

// help.shopify.com/manual/discounts/combining-discounts, "Considerations":
// "No more than one discount ever applies to any single item in an order";
// "if you have an uncombinable 20% off discount for your Socks collection
// and an uncombinable $30 off discount for your Christmas Socks collection,
// and then a customer applies both to their cart, then the better discount
// for the customer applies." The page gives no prices; on a pair of
// Christmas socks at 100.00 the 30.00 is better (20% is 20.00), at 200.00
// the 20% (40.00). opskit: "A unit gets at most one item promotion unless
// every promotion on it is Stackable", and each unit takes "the per-unit
// promotion that saves most on it" (promo/doc.go, "Layers").
func TestShopifyBetterProductDiscountOnOneItem(t *testing.T) {
	for _, tt := range []struct {
		price, winner, amount string
	}{
		{"100.00", "XMAS30", "30.00"},
		{"200.00", "SOCKS20", "40.00"},
	} {
		socks := ancLine("xmas-socks", 1, tt.price)
		socks.Categories = []string{"socks", "christmas-socks"}
		c := ancCart(socks)
		c.Coupons = []string{"SOCKS20", "XMAS30"}
		res := ancRun(t, c,
			promo.Promotion{ID: "SOCKS20", Coupon: "SOCKS20", Target: shopIn("socks"), Action: promo.PercentOff{Rate: rate("8折")}},
			promo.Promotion{ID: "XMAS30", Coupon: "XMAS30", Target: shopIn("christmas-socks"), Action: promo.AmountOff{Amount: usd("30.00")}})
		require.Len(t, res.Lines[0].Adjustments, 1, tt.price)
		assert.Equal(t, tt.amount, adjustment(res, 0, tt.winner), tt.price)
	}
}

// help.shopify.com/manual/discounts/combining-discounts: "If there are
// active automatic discounts on your store, and a customer also uses
// discount codes, then the best discount or combination of discounts is
// automatically applied to the customer's cart. Whether the discount is
// automatic or it's a code, the best discount for the customer is always
// selected." Two order discounts that do not combine (one exclusion
// Group): an automatic 10% and a code for 20.00 off. On 150.00 the code
// saves more (20.00 against 15.00); on 300.00 the automatic one (30.00),
// although the code was entered.
func TestShopifyBestOfAutomaticAndCode(t *testing.T) {
	auto := promo.Promotion{ID: "AUTO10", Group: "order", Action: promo.PercentOff{Rate: rate("9折"), Scope: promo.PerOrder}}
	code := promo.Promotion{ID: "SAVE20", Group: "order", Coupon: "SAVE20", Action: promo.AmountOff{Amount: usd("20.00"), Scope: promo.PerOrder}}
	for _, tt := range []struct {
		price, winner, loser, total string
	}{
		{"150.00", "SAVE20", "AUTO10", "USD 130.00"},
		{"300.00", "AUTO10", "SAVE20", "USD 270.00"},
	} {
		c := ancCart(ancLine("item", 1, tt.price))
		c.Coupons = []string{"SAVE20"}
		res := ancRun(t, c, auto, code)
		assert.Equal(t, promo.Applied, explanation(t, res, tt.winner).Status, tt.price)
		loser := explanation(t, res, tt.loser)
		assert.Equal(t, promo.Excluded, loser.Status, tt.price)
		assert.Equal(t, tt.winner, loser.ExcludedBy, tt.price)
		assert.Equal(t, tt.total, res.Total.String(), tt.price)
		assert.True(t, res.Optimal, tt.price)
	}
}

// Shipping discounts do not combine with each other: the combinations
// Shopify lists (help.shopify.com/manual/discounts/discount-combinations,
// "Types of discount combinations") are order with free shipping, product
// with free shipping, product with product, product with order and order
// with order; never shipping with shipping. In opskit that is one
// exclusion Group for every shipping discount, and the engine keeps the
// best: of 5.00 and 10.00 off a 20.00 fee, 10.00.
func TestShopifyOneShippingDiscount(t *testing.T) {
	c := ancCart(ancLine("item", 1, "50.00"))
	c.Shipping = usd("20.00")
	res := ancRun(t, c,
		promo.Promotion{ID: "5offShipping", Group: "shipping", Action: promo.FreeShipping{Off: usd("5.00")}},
		promo.Promotion{ID: "10offShipping", Group: "shipping", Action: promo.FreeShipping{Off: usd("10.00")}})
	assert.Equal(t, "USD 10.00", res.ShippingAfter.String())
	assert.Equal(t, promo.Applied, explanation(t, res, "10offShipping").Status)
	assert.Equal(t, "USD 60.00", res.Total.String())
}

// shopPerUnit renders the per-unit amounts promotion id took off line li.
func shopPerUnit(res promo.Result, li int, id string) []string {
	var out []string
	for _, a := range res.Lines[li].Adjustments {
		if a.PromotionID == id {
			for _, u := range a.PerUnit {
				out = append(out, u.StringAmount())
			}
		}
	}
	return out
}

// shopify.dev, Admin GraphQL FinancialSummaryDiscountAllocation,
// approximateAllocatedAmountPerItem: "if the associated line had a
// quantity of 3 with a discount of 4 cents, then the discount distribution
// would be [0.01, 0.01, 0.02]. This field returns the highest number of
// the distribution": 0.02. opskit spreads a line's share over its units by
// largest remainder (promo/doc.go, "Money"), the same cents; its spare
// cent goes to the earlier unit ("ties to the earlier line"), so the
// order is [0.02, 0.01, 0.01]. Units of a line are interchangeable: the
// amounts agree, the listing order is opskit's.
func TestShopifyPerUnitDistribution(t *testing.T) {
	res := ancRun(t, ancCart(ancLine("item", 3, "1.00")), orderFixed("four-cents", "0.04"))
	got := shopPerUnit(res, 0, "four-cents")
	assert.ElementsMatch(t, []string{"0.01", "0.01", "0.02"}, got)
	assert.Equal(t, []string{"0.02", "0.01", "0.01"}, got)
	assert.Equal(t, []string{"0.98", "0.99", "0.99"}, unitsPaid(t, res, "item"))
	// Documented (doc.go, Money): "the spare cents to the largest remainders (ties to the earlier
	// line)"; the amounts agree with Shopify's, the listing order is opskit's.
}

// shopify.dev, Admin GraphQL DiscountMinimumSubtotal: "The minimum
// subtotal that's required for the discount to be applied"
// (greaterThanOrEqualToSubtotal): 200.00 qualifies for "15% off orders
// over 200 USD" (15offOver200 of the combination examples), 199.99 does
// not. DiscountMinimumQuantity: "a "Buy 3, Get 10% Off" promotion would
// set the minimum quantity to 3 items": 3 items qualify, 2 do not.
func TestShopifyMinimumRequirementsInclusive(t *testing.T) {
	over200 := promo.Promotion{ID: "15offOver200", Action: promo.Threshold{
		Tiers: []promo.Tier{{MinAmount: usd("200.00"), Rate: rate("8.5折")}}}}
	res := ancRun(t, ancCart(ancLine("item", 1, "200.00")), over200)
	assert.Equal(t, "USD 30.00", explanation(t, res, "15offOver200").Amount.String())
	res = ancRun(t, ancCart(ancLine("item", 1, "199.99")), over200)
	e := explanation(t, res, "15offOver200")
	assert.Equal(t, promo.BelowThreshold, e.Reason)
	assert.Equal(t, "USD 0.01", e.MissingAmount.String())

	buy3 := promo.Promotion{ID: "buy3", Action: promo.Threshold{Basis: promo.ByQuantity,
		Tiers: []promo.Tier{{MinQty: 3, Rate: rate("9折")}}}}
	res = ancRun(t, ancCart(ancLine("item", 3, "10.00")), buy3)
	assert.Equal(t, "USD 3.00", explanation(t, res, "buy3").Amount.String())
	res = ancRun(t, ancCart(ancLine("item", 2, "10.00")), buy3)
	assert.Equal(t, promo.BelowThreshold, explanation(t, res, "buy3").Reason)
}

// shopify.dev, Admin GraphQL PriceRuleInput.prerequisiteSubtotalRange:
// "The sum of the entitled items subtotal prices must fall within this
// range for the price rule to be applicable." Only the entitled items
// count: 150.00 of them and 100.00 of other goods miss a 200.00 minimum.
// opskit tests a threshold on its targeted units (promo/doc.go,
// "Threshold base").
func TestShopifyMinimumOnEntitledItems(t *testing.T) {
	p := promo.Promotion{ID: "pants10", Target: shopIn("pants"), Action: promo.Threshold{
		Tiers: []promo.Tier{{MinAmount: usd("200.00"), Off: usd("10.00")}}}}
	res := ancRun(t, ancCart(shopLine("pants", "pants", 1, "150.00"), shopLine("boots", "boots", 1, "100.00")), p)
	e := explanation(t, res, "pants10")
	assert.Equal(t, promo.BelowThreshold, e.Reason)
	assert.Equal(t, "USD 50.00", e.MissingAmount.String())
}
