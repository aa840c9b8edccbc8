package promo_test

// More Shopify anchor cases (see anchors_shopify_test.go for the sources
// and the translation): buy X get Y, amount off products applied to each
// item or once per order, Shopify POS line and cart discounts, and the
// test fixtures of github:Shopify/function-examples.

import (
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
)

// tshirtsHats is 3 T-shirts at 25.00 and the hats given: the example of
// help.shopify.com/manual/discounts/discount-types/buy-x-get-y.
func tshirtsHats(hats int64) promo.Cart {
	lines := []promo.Line{shopLine("tshirt", "tshirts", 3, "25.00")}
	if hats > 0 {
		lines = append(lines, shopLine("hat", "hats", hats, "20.00"))
	}
	return ancCart(lines...)
}

// freeHat is "a free hat when they purchase any T-shirt", at most times
// times per order (0: no limit).
func freeHat(times int64) promo.Promotion {
	hats := shopIn("hats")
	return promo.Promotion{ID: "freehat", Target: shopIn("tshirts"),
		Action: promo.BuyXGetY{BuyQty: 1, Get: &hats, GetQty: 1, Free: true, MaxTimes: times}}
}

// help.shopify.com/manual/discounts/discount-types/buy-x-get-y: "suppose
// that your promotion offers customers a free hat when they purchase any
// T-shirt. With Buy X get Y promotions, you can offer customers one free
// hat for the whole order, or you can offer them one free hat for each
// T-shirt included in their order." The page's usesPerOrderLimit
// (DiscountCodeBxgyInput: "The maximum number of times that the discount
// can be applied to an order") is MaxTimes. With 3 T-shirts and 3 hats at
// 20.00: one hat free (20.00) for the whole order, three (60.00) for each
// T-shirt. "Customers must add all items to their cart manually. The free
// or discounted 'get' item is never automatically added to the cart": with
// no hat in the cart nothing is given, and opskit adds no line or gift
// either (BuyXGetY discounts units in the cart; only a Gift adds one).
func TestShopifyBuyXGetYWholeOrderOrEach(t *testing.T) {
	res := ancRun(t, tshirtsHats(3), freeHat(1))
	assert.Equal(t, "USD 20.00", res.ItemDiscount.String(), "one free hat for the whole order")
	res = ancRun(t, tshirtsHats(3), freeHat(0))
	assert.Equal(t, "USD 60.00", res.ItemDiscount.String(), "one free hat for each T-shirt")
	assert.Equal(t, []string{"0.00", "0.00", "0.00"}, unitsPaid(t, res, "hat"))

	res = ancRun(t, tshirtsHats(0), freeHat(0))
	assert.Equal(t, "USD 0.00", res.ItemDiscount.String())
	assert.Empty(t, res.Gifts)
	assert.Len(t, res.Lines, 1)
	// opskit explains it as saving nothing (the T-shirts are there; no get
	// unit is).
	e := explanation(t, res, "freehat")
	assert.Equal(t, promo.NotApplicable, e.Status)
	assert.Equal(t, promo.NoSaving, e.Reason)
}

// shopify.dev/changelog/the-pricerule-resource-now-supports-an-allocation-limit
// (2018-09-10): "If a "Buy 1 Get 1 For Free" discount has an allocation
// limit of 2, then the discount will only be applied to the cart twice,
// even if there are more than 4 items. If no allocation_limit is
// specified, the discount will default to unlimited uses in a single
// cart." Six units at 10.00: two free (20.00) with the limit, three
// (30.00) without.
func TestShopifyAllocationLimit(t *testing.T) {
	c := ancCart(ancLine("item", 6, "10.00"))
	bogo := func(limit int64) promo.Promotion {
		return promo.Promotion{ID: "bogo", Action: promo.BuyXGetY{BuyQty: 1, GetQty: 1, Free: true, MaxTimes: limit}}
	}
	res := ancRun(t, c, bogo(2))
	assert.Equal(t, "USD 20.00", res.ItemDiscount.String(), "allocation limit 2")
	res = ancRun(t, c, bogo(0))
	assert.Equal(t, "USD 30.00", res.ItemDiscount.String(), "no allocation limit")
}

// shopify.dev, Admin GraphQL DiscountEffect (DiscountOnQuantity): "a "Buy
// 4 candles, get 2 candles 50% off (mix and match)" promotion would
// specify a quantity threshold of 2 items that will receive a percentage
// discount effect". Six candles of two scents at 10.00: two at half price,
// 10.00 off. (Shopify does not say which units of differently priced
// candles it discounts; here all cost the same.)
func TestShopifyBuyFourGetTwoHalfPrice(t *testing.T) {
	c := ancCart(shopLine("vanilla", "candles", 3, "10.00"), shopLine("cedar", "candles", 3, "10.00"))
	p := promo.Promotion{ID: "candles", Target: shopIn("candles"), Action: promo.BuyXGetY{BuyQty: 4, GetQty: 2, Rate: rate("5折")}}
	res := ancRun(t, c, p)
	assert.Equal(t, "USD 10.00", res.ItemDiscount.String())
	assert.Equal(t, "USD 50.00", res.Total.String())
}

// necklaces is two necklaces at 40.00 and one at 60.00 (140.00).
func necklaces() promo.Cart {
	c := ancCart(shopLine("chain", "necklaces", 2, "40.00"), shopLine("pendant", "necklaces", 1, "60.00"))
	c.Coupons = []string{"15offnecklaces", "10offOrder"}
	return c
}

// off15Necklaces is the code of help.shopify.com's amount off page: 15.00
// off necklaces, on each item (scope PerUnit) or once per order (PerOrder).
func off15Necklaces(scope promo.Scope) promo.Promotion {
	return promo.Promotion{ID: "15offnecklaces", Coupon: "15offnecklaces", Target: shopIn("necklaces"),
		Action: promo.AmountOff{Amount: usd("15.00"), Scope: scope}}
}

// help.shopify.com/manual/discounts/discount-types/percentage-fixed-amount,
// "Create an amount off discount code" (example code 15offnecklaces): "To
// create a fixed value discount code that can be applied to specific
// products or collections, check Only apply discount once per order ...
// Otherwise, the discount applies to all eligible products in the order."
// shopify.dev DiscountAmount.appliesOnEachItem: "If true, then the
// discount is applied to each of the entitled items. If false, then the
// amount is split across all of the entitled items." Each item: 3 × 15.00
// = 45.00 (30.00 and 15.00 by line). Once per order: 15.00 split over the
// lines in proportion (Shopify states no rounding; opskit's largest
// remainder: 1500 × 80/140 = 857.14, 1500 × 60/140 = 642.86 cents, the
// spare cent to .86: 8.57 and 6.43).
func TestShopifyAmountOffEachOrOncePerOrder(t *testing.T) {
	c := necklaces()
	c.Coupons = c.Coupons[:1]
	res := ancRun(t, c, off15Necklaces(promo.PerUnit))
	assert.Equal(t, []string{"30.00", "15.00"}, lineShares(res, "15offnecklaces"))
	assert.Equal(t, "USD 95.00", res.Total.String())
	res = ancRun(t, c, off15Necklaces(promo.PerOrder))
	assert.Equal(t, []string{"8.57", "6.43"}, lineShares(res, "15offnecklaces"))
	assert.Equal(t, "USD 125.00", res.Total.String())
}

// A once-per-order amount off products is still a product discount in
// Shopify, and "Product discounts apply before the subtotal is calculated,
// and then the order discounts apply to the subtotal" (combining examples,
// "Fixed amount product discount and a percent off order discount"):
// 140.00 - 15.00 = 125.00, then 10offOrder's 10% = 12.50: 112.50. In
// opskit the once-per-order form is order-layer (Scope PerOrder), ordered
// with the other order promotions by Priority, then ID: a higher Priority
// gives Shopify's order. Without it "10offOrder" sorts first: 140.00 ×
// 0.9 = 126.00, less 15.00: 111.00.
func TestShopifyOncePerOrderBeforeOrderDiscount(t *testing.T) {
	once := off15Necklaces(promo.PerOrder)
	once.Priority = 1
	order := off10Order()
	res := ancRun(t, necklaces(), once, order)
	assert.Equal(t, "USD 12.50", explanation(t, res, "10offOrder").Amount.String())
	assert.Equal(t, "USD 112.50", res.Total.String())

	once.Priority = 0
	res = ancRun(t, necklaces(), once, order)
	assert.Equal(t, "USD 14.00", explanation(t, res, "10offOrder").Amount.String())
	assert.Equal(t, "USD 111.00", res.Total.String())
	// Documented (doc.go, Layers): "its "once per order" amount off products is an item discount
	// (here [AmountOff] with PerOrder is order-layer: give it the highest Priority to take it first)".
}

// help.shopify.com/manual/sell-in-person/shopify-pos/discount-management/
// combined-discounts, "Combine percentage and monetary discounts": "the
// monetary line-item discount is applied before the percentage cart
// discount": 20.00 - 5.00 = 15.00, 10% of 15.00 = 1.50, 13.50. "Sell
// multiple quantities of a discounted item": "the discount is applied
// only once: Product Price = (Quantity x Pre-discount price) - (Monetary
// discount)": 3 × 20.00 - 5.00 = 55.00, and with the 10% cart discount
// 49.50 (hand arithmetic). A monetary line-item discount applied once is
// LimitedUnits with PerLine 1 (5.00 off one unit of the line, item layer);
// the cart discount is an order-layer PercentOff.
func TestShopifyPOSLineThenCartDiscount(t *testing.T) {
	line := promo.Promotion{ID: "line5", Action: promo.LimitedUnits{Amount: usd("5.00"), PerLine: 1}}
	cartPct := orderPct("cart10", "9折")
	for _, tt := range []struct {
		qty         int64
		line, total string
	}{
		{1, "15.00", "USD 13.50"},
		{3, "55.00", "USD 49.50"},
	} {
		res := ancRun(t, ancCart(ancLine("item", tt.qty, "20.00")), line)
		assert.Equal(t, tt.line, afters(res)[0], "qty %d", tt.qty)
		res = ancRun(t, ancCart(ancLine("item", tt.qty, "20.00")), line, cartPct)
		assert.Equal(t, tt.total, res.Total.String(), "qty %d", tt.qty)
	}
}

// github:Shopify/function-examples sample-apps/discounts/extensions/
// product-discount-rust/src/run.rs (and product-discount-js run.test.js),
// a volume discount configured {"quantity":2,"percentage":5}: every cart
// line whose quantity reaches 2 is targeted at 5% off.
// test_quantity_met_discounts_variants: lines of quantity 2 (variant
// 123456789) and 3 (987654321), both targeted; test_quantity_unmet_...:
// quantity 1, no discount. The fixtures carry no prices (10.00 here:
// 1.00 and 1.50 off). opskit counts a threshold's targeted units across
// lines, so the per-line rule is one ByQuantity Threshold per variant.
func TestShopifyFunctionVolumeDiscount(t *testing.T) {
	volume := func(variant string) promo.Promotion {
		return promo.Promotion{ID: "volume-" + variant, Target: promo.Selector{SKUs: []string{variant}},
			Action: promo.Threshold{Basis: promo.ByQuantity, Tiers: []promo.Tier{{MinQty: 2, Rate: rate("9.5折")}}}}
	}
	ps := []promo.Promotion{volume("123456789"), volume("987654321")}
	res := ancRun(t, ancCart(ancLine("123456789", 2, "10.00"), ancLine("987654321", 3, "10.00")), ps...)
	assert.Equal(t, []string{"1.00", "0.00"}, lineShares(res, "volume-123456789"))
	assert.Equal(t, []string{"0.00", "1.50"}, lineShares(res, "volume-987654321"))
	res = ancRun(t, ancCart(ancLine("123456789", 1, "10.00")), ps...)
	assert.Equal(t, "USD 10.00", res.Total.String(), "quantity unmet")
}

// github:Shopify/function-examples discounts/javascript/discount/default/
// src/cart_lines_discounts_generate_run.test.liquid: one cart line
// (gid://shopify/CartLine/0, subtotal 100); the order class gives "10% OFF
// ORDER" on the order subtotal, the product class "20% OFF PRODUCT" on the
// line of largest subtotal. The fixture asserts the operations; the
// amounts follow Shopify's rule that product discounts apply first and
// order discounts to the subtotal after them (combining examples): order
// only 90.00, product only 80.00, both 72.00. The delivery function
// (cart_delivery_options_discounts_generate_run) gives 100% off the first
// delivery group: a FreeShipping.
func TestShopifyFunctionTemplateClasses(t *testing.T) {
	order := orderPct("10% OFF ORDER", "9折")
	product := promo.Promotion{ID: "20% OFF PRODUCT", Target: promo.Selector{SKUs: []string{"gid://shopify/CartLine/0"}},
		Action: promo.PercentOff{Rate: rate("8折")}}
	delivery := promo.Promotion{ID: "FREE DELIVERY", Action: promo.FreeShipping{}}
	c := ancCart(ancLine("gid://shopify/CartLine/0", 1, "100.00"))
	c.Shipping = usd("8.00")
	for _, tt := range []struct {
		name  string
		ps    []promo.Promotion
		total string
	}{
		{"order class only", []promo.Promotion{order}, "USD 98.00"},
		{"product class only", []promo.Promotion{product}, "USD 88.00"},
		{"both classes", []promo.Promotion{order, product}, "USD 80.00"},
		{"both classes and delivery", []promo.Promotion{order, product, delivery}, "USD 72.00"},
	} {
		res := ancRun(t, c, tt.ps...)
		assert.Equal(t, tt.total, res.Total.String(), tt.name)
	}
}

// shopify.dev, Functions API DiscountApplicationStrategy: "MAXIMUM Only
// apply the discount that offers the maximum reduction." Two candidates of
// one function, 10% and 5.00 off, are one exclusion Group in opskit: on
// 40.00 the 5.00 (10% is 4.00), on 80.00 the 10% (8.00). (FIRST, "Only
// apply the first discount with conditions that are satisfied", has no
// opskit form: a group always keeps the larger saving.)
func TestShopifyMaximumStrategy(t *testing.T) {
	pct := promo.Promotion{ID: "pct10", Group: "function", Action: promo.PercentOff{Rate: rate("9折")}}
	amt := promo.Promotion{ID: "off5", Group: "function", Action: promo.AmountOff{Amount: usd("5.00")}}
	for _, tt := range []struct{ price, winner, total string }{
		{"40.00", "off5", "USD 35.00"},
		{"80.00", "pct10", "USD 72.00"},
	} {
		res := ancRun(t, ancCart(ancLine("item", 1, tt.price)), pct, amt)
		assert.Equal(t, promo.Applied, explanation(t, res, tt.winner).Status, tt.price)
		assert.Equal(t, tt.total, res.Total.String(), tt.price)
	}
}

// shopify.dev/docs/apps/selling-strategies/discounts/discount-function-examples/
// discounts-allocator: "If the discount is 50 percent off, then a max
// amount can be set to not exceed X number of dollars"; Discounts
// Allocator API, use cases: "Apply discounts to line items
// proportionally, where each item in the cart receives an equal
// percentage of the total discount." The pages give no amounts. A 50% off
// the order capped at 100.00 (PercentOff Cap) on lines of 100.00 and
// 200.00: 150.00 is cut to 100.00, and each line gives the same third of
// its price (33.33 and 66.67 by largest remainder, the spare cent to the
// larger remainder .67).
func TestShopifyCappedPercentProportional(t *testing.T) {
	p := promo.Promotion{ID: "half-capped", Action: promo.PercentOff{Rate: rate("5折"), Cap: usd("100.00"), Scope: promo.PerOrder}}
	res := ancRun(t, ancCart(ancLine("a", 1, "100.00"), ancLine("b", 1, "200.00")), p)
	assert.Equal(t, "USD 100.00", res.OrderDiscount.String())
	assert.Equal(t, []string{"33.33", "66.67"}, lineShares(res, "half-capped"))
}

// help.shopify.com/manual/discounts/discount-types/percentage-fixed-amount
// (and DiscountCodeBxgyInput): "Limit number of times this discount can be
// used in total" (usageLimit) and "Limit to one use per customer"
// (appliesOncePerCustomer) are Limits.Total and Limits.PerCustomer,
// checked against the Usage the caller passes: the 100th use of a code
// limited to 100 applies, the 101st does not; a customer who used a
// once-per-customer code cannot use it again.
func TestShopifyUsageLimits(t *testing.T) {
	code := promo.Promotion{ID: "WELCOME", Coupon: "WELCOME", Limits: promo.Limits{Total: 100, PerCustomer: 1},
		Action: promo.AmountOff{Amount: usd("5.00"), Scope: promo.PerOrder}}
	for _, tt := range []struct {
		name      string
		usage     promo.Usage
		applied   bool
		wantTotal string
	}{
		{"99 used", promo.Usage{Total: 99}, true, "USD 45.00"},
		{"100 used", promo.Usage{Total: 100}, false, "USD 50.00"},
		{"used by this customer", promo.Usage{Total: 5, ByCustomer: 1}, false, "USD 50.00"},
	} {
		c := ancCart(ancLine("item", 1, "50.00"))
		c.Coupons = []string{"WELCOME"}
		c.Customer = promo.Customer{ID: "c1"}
		c.Usage = map[string]promo.Usage{"WELCOME": tt.usage}
		res := ancRun(t, c, code)
		e := explanation(t, res, "WELCOME")
		if tt.applied {
			assert.Equal(t, promo.Applied, e.Status, tt.name)
		} else {
			assert.Equal(t, promo.UsageLimitReached, e.Reason, tt.name)
		}
		assert.Equal(t, tt.wantTotal, res.Total.String(), tt.name)
	}
}
