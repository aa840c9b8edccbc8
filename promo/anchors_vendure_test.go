package promo_test

// Anchor cases from Vendure (vendure-ecommerce/vendure, HEAD 1633446f,
// 2026-02-21), translated to opskit. Vendure keeps money in integer minor
// units (cents); its DefaultMoneyStrategy rounds with Math.round, which
// sends a half toward +∞, so a negative adjustment of -4166.5 becomes
// -4166 (the customer pays the half cent). opskit rounds each promotion's
// discount once per line with the cart's RoundingMode, half-up (away from
// zero) by default (promo/doc.go, "Money"). Vendure's tests that run with
// taxes excluded assert subTotal / total before tax; where an e2e test
// asserts only totalWithTax, the pre-tax amount is that divided by 1.2
// (the e2e default channel's 20% standard tax), stated per case. opskit
// has no taxes, so only the tax-excluded forms are translated.

import (
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func usd(s string) pricing.Money { return pricing.MustNew(s, pricing.USD) }

// ancLine is a USD line whose SKU is its ID.
func ancLine(id string, qty int64, price string) promo.Line {
	return promo.Line{ID: id, SKU: id, Qty: qty, UnitPrice: usd(price)}
}

func ancCart(lines ...promo.Line) promo.Cart {
	return promo.Cart{Currency: pricing.USD, At: time.Date(2026, 2, 21, 12, 0, 0, 0, time.UTC), Lines: lines}
}

// ancRun evaluates c under promos in USD and checks the invariants.
func ancRun(t *testing.T, c promo.Cart, promos ...promo.Promotion) promo.Result {
	t.Helper()
	e, err := promo.NewEngine(pricing.USD, promos)
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	checkInvariants(t, res)
	return res
}

// orderPct is Vendure's orderPercentageDiscount: pct off the order.
func orderPct(id, zhe string) promo.Promotion {
	return promo.Promotion{ID: id, Action: promo.PercentOff{Rate: rate(zhe), Scope: promo.PerOrder}}
}

// orderFixed is Vendure's orderFixedDiscount: amount off the order.
func orderFixed(id, amount string) promo.Promotion {
	return promo.Promotion{ID: id, Action: promo.AmountOff{Amount: usd(amount), Scope: promo.PerOrder}}
}

// lineShares is each line's share of promotion id, in cart order.
func lineShares(res promo.Result, id string) []string {
	var out []string
	for i := range res.Lines {
		out = append(out, adjustment(res, i, id))
	}
	return out
}

// packages/core/src/service/helpers/order-calculator/prorate.spec.ts:
// prorate(weights, total) splits an order discount over lines by largest
// remainder (floor each share, then one cent each to the largest
// fractional parts, the first on ties). opskit allocates an order-layer
// discount to lines in proportion to their current totals by largest
// remainder, in cart order (promo/doc.go, "Money"): the same rule. The
// weights are the lines' totals in cents.
func TestVendureProrate(t *testing.T) {
	tests := []struct {
		name   string
		totals []string // line totals (weights, in cents, as money)
		off    string   // the total to distribute
		want   []string // prorate's result
	}{
		// it('distributes positive integer'): [4000, 2000, 2000], 300 -> [150, 75, 75]
		{"distributes positive integer", []string{"40.00", "20.00", "20.00"}, "3.00", []string{"1.50", "0.75", "0.75"}},
		// it('handles non-neatly divisible total'): [4300, 1400, 2300], 299 -> [161, 52, 86]
		{"handles non-neatly divisible total", []string{"43.00", "14.00", "23.00"}, "2.99", []string{"1.61", "0.52", "0.86"}},
		// it('distributes over equal weights'): [1000, 1000, 1000], 299 -> [100, 100, 99]
		{"distributes over equal weights", []string{"10.00", "10.00", "10.00"}, "2.99", []string{"1.00", "1.00", "0.99"}},
		// it('many weights'): [10, 20, 10, 30, 50, 20, 10, 40], 95 -> [5, 10, 5, 15, 25, 10, 5, 20]
		{"many weights", []string{"0.10", "0.20", "0.10", "0.30", "0.50", "0.20", "0.10", "0.40"}, "0.95",
			[]string{"0.05", "0.10", "0.05", "0.15", "0.25", "0.10", "0.05", "0.20"}},
		// it('many weights non-neatly divisible'): same weights, 93 -> [5, 10, 5, 15, 24, 10, 5, 19]
		{"many weights non-neatly divisible", []string{"0.10", "0.20", "0.10", "0.30", "0.50", "0.20", "0.10", "0.40"}, "0.93",
			[]string{"0.05", "0.10", "0.05", "0.15", "0.24", "0.10", "0.05", "0.19"}},
		// it('single weight'): [123], 300 -> [300]
		{"single weight", []string{"1.23"}, "3.00", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var lines []promo.Line
			for i, tot := range tt.totals {
				lines = append(lines, ancLine(string(rune('a'+i)), 1, tot))
			}
			res := ancRun(t, ancCart(lines...), orderFixed("off", tt.off))
			if tt.want == nil {
				// opskit never discounts below zero (promo/doc.go, "Money":
				// "Nothing goes below zero"): 3.00 off a 1.23 order takes
				// 1.23. Vendure's prorate is a bare splitter; its
				// orderFixedDiscount action caps the amount at the subtotal
				// too (Math.min(discount, subTotal)).
				assert.Equal(t, []string{"1.23"}, lineShares(res, "off"))
				assert.Equal(t, "USD 0.00", res.Total.String())
				return
			}
			assert.Equal(t, tt.want, lineShares(res, "off"))
		})
	}
}

// order-calculator.spec.ts, describe('percentage items discount'),
// it('prices exclude tax'): one line of 8333 at "50% off each item";
// expect(order.subTotal).toBe(4167). The discount is 4166.5 cents; Vendure
// rounds the adjustment with Math.round(-4166.5) = -4166, so 41.66 off.
// (a) opskit rounds the discount half-up by default ("Each promotion's
// discount is computed per line, rounded once to the minor unit with the
// cart's [pricing.RoundingMode]"; Cart.Rounding: "the zero value is
// half-up"): 41.67 off, 41.66 to pay, one cent under Vendure. Banker's
// rounding (HalfEven) happens to give Vendure's 41.67 here.
func TestVendurePercentItemRounding(t *testing.T) {
	half := promo.Promotion{ID: "half", Action: promo.PercentOff{Rate: rate("5折")}}
	c := ancCart(ancLine("a", 1, "83.33"))
	res := ancRun(t, c, half)
	assert.Equal(t, "USD 41.66", res.Total.String(), "opskit default: half-up on the discount")
	assert.Equal(t, "USD 41.67", res.ItemDiscount.String())
	c.Rounding = pricing.HalfEven
	res = ancRun(t, c, half)
	assert.Equal(t, "USD 41.67", res.Total.String(), "Vendure's subTotal 4167")
}

// order-calculator.spec.ts, Order-level discounts, prices exclude tax:
// describe('single line with order fixed discount action'): 1230 less
// 500 -> expect(order.subTotal).toBe(730); describe('percentage order
// discount'): 100 at 50% -> expect(order.subTotal).toBe(50).
func TestVendureOrderLevelSingleLine(t *testing.T) {
	res := ancRun(t, ancCart(ancLine("a", 1, "12.30")), orderFixed("five", "5.00"))
	assert.Equal(t, "USD 7.30", res.Total.String())
	res = ancRun(t, ancCart(ancLine("a", 1, "1.00")), orderPct("half", "5折"))
	assert.Equal(t, "USD 0.50", res.Total.String())
}

// order-calculator.spec.ts, it('correct proration'): two lines of 500
// and "$5 off order" (fixedDiscountOrderAction, -500):
// expect(order.lines[0].proratedLinePriceWithTax).toBe(250), lines[1]
// 250 too (one line is zero-rated, so the tax-inclusive prices are the
// weights). Tax-free here: 2.50 off each line, 5.00 to pay.
func TestVendureCorrectProration(t *testing.T) {
	res := ancRun(t, ancCart(ancLine("a", 1, "5.00"), ancLine("b", 1, "5.00")), orderFixed("five", "5.00"))
	assert.Equal(t, []string{"2.50", "2.50"}, afters(res))
	assert.Equal(t, "USD 5.00", res.Total.String())
}

// buy3Half and spend10 are the spec's buy3Get50pcOffOrder (any line of at
// least 3 units: 50% off the order; a one-line cart here, so a quantity
// threshold) and spend1000Get10pcOffOrder (subTotal >= 1000 at the time it
// is tested: 10% off), applied in that order.
func buy3Half() promo.Promotion {
	return promo.Promotion{ID: "buy3", Priority: 2, Action: promo.Threshold{Basis: promo.ByQuantity,
		Tiers: []promo.Tier{{MinQty: 3, Rate: rate("5折")}}}}
}

func spend10(b promo.ThresholdBase) promo.Promotion {
	return promo.Promotion{ID: "spend10", Priority: 1, Action: promo.Threshold{Base: b,
		Tiers: []promo.Tier{{MinAmount: usd("10.00"), Rate: rate("9折")}}}}
}

// order-calculator.spec.ts, describe('interaction amongst promotion
// actions'). Vendure tests each order promotion on the subtotal the earlier
// ones left: opskit's BaseRunningTotal ("the running total after the
// order-layer promotions applied before it ... the Vendure/Magento rule").
func TestVendureOrderPromotionsInteract(t *testing.T) {
	run := func(qty int64, price string, b promo.ThresholdBase) promo.Result {
		return ancRun(t, ancCart(ancLine("a", qty, price)), buy3Half(), spend10(b))
	}
	// it('two order-level percentage discounts, one invalidates the
	// other'): 2 x 500: only the 10% applies, subTotal 900; 3 x 500: the
	// 50% leaves 750 < 1000, so expect(order.subTotal).toBe(750) with one
	// discount.
	assert.Equal(t, "USD 9.00", run(2, "5.00", promo.BaseRunningTotal).Total.String())
	res := run(3, "5.00", promo.BaseRunningTotal)
	assert.Equal(t, "USD 7.50", res.Total.String())
	assert.Equal(t, promo.NotApplicable, explanation(t, res, "spend10").Status)
	// (a) Under opskit's default base, BaseAfterItems ("order promotions
	// never knock each other out"), 15.00 after items reaches 10.00 and
	// both apply: 15.00 - 7.50 - 0.75 = 6.75.
	assert.Equal(t, "USD 6.75", run(3, "5.00", promo.BaseAfterItems).Total.String())

	// describe('two order-level percentage discounts at the same time'),
	// it('prices exclude tax'): 2 x 800 -> subTotal 1440; 3 x 800 -> 1080
	// (2400 at 50% is 1200, still >= 1000, then 10% off).
	assert.Equal(t, "USD 14.40", run(2, "8.00", promo.BaseRunningTotal).Total.String())
	assert.Equal(t, "USD 10.80", run(3, "8.00", promo.BaseRunningTotal).Total.String())
}

// order-calculator.spec.ts, describe('item-level & order-level percentage
// discounts'), it('prices exclude tax'): one line of 155880; "10% off
// item" -> expect(order.subTotal).toBe(140292); then "10% off order" ->
// expect(order.subTotal).toBe(126263) (14029.2 off, rounded to 14029).
func TestVendureItemThenOrderPercent(t *testing.T) {
	item := promo.Promotion{ID: "item10", Coupon: "ITEM10", Action: promo.PercentOff{Rate: rate("9折")}}
	order := orderPct("order10", "9折")
	order.Coupon = "ORDER10"
	c := ancCart(ancLine("a", 1, "1558.80"))
	c.Coupons = []string{"ITEM10"}
	assert.Equal(t, "USD 1402.92", ancRun(t, c, item, order).Total.String())
	c.Coupons = []string{"ITEM10", "ORDER10"}
	assert.Equal(t, "USD 1262.63", ancRun(t, c, item, order).Total.String())
}

// order-calculator.spec.ts, describe('item-level & order-level mixed
// discounts with multiple tax rates'), it('prices exclude tax'): lines
// 2 x 1000 (15% off lines listed at 1000 only), 1 x 3499, 4 x 255, and
// "$5 off order" -> expect(order.subTotal).toBe(5719):
// 2000 - 300 + 3499 + 1020 - 500.
func TestVendureMixedDiscounts(t *testing.T) {
	fifteen := promo.Promotion{ID: "item15", Target: promo.Selector{SKUs: []string{"a"}},
		Action: promo.PercentOff{Rate: rate("8.5折")}}
	c := ancCart(ancLine("a", 2, "10.00"), ancLine("b", 1, "34.99"), ancLine("c", 4, "2.55"))
	res := ancRun(t, c, fifteen, orderFixed("five", "5.00"))
	assert.Equal(t, "USD 57.19", res.Total.String())
}

// order-calculator.spec.ts, it('clear previous promotion state before
// testing'): 2 x 500 with 50 off each undiscounted unit ->
// expect(order.subTotal).toBe(900); at quantity 3 -> 1350.
func TestVendureAmountOffEachUnit(t *testing.T) {
	fifty := promo.Promotion{ID: "fifty", Action: promo.AmountOff{Amount: usd("0.50")}}
	assert.Equal(t, "USD 9.00", ancRun(t, ancCart(ancLine("a", 2, "5.00")), fifty).Total.String())
	assert.Equal(t, "USD 13.50", ancRun(t, ancCart(ancLine("a", 3, "5.00")), fifty).Total.String())
}

// packages/core/e2e/order-promotion.e2e-spec.ts, describe('default
// PromotionActions'), default channel (prices exclude tax, 20% tax), one
// item-5000 (50.00).
func TestVendureE2EOrderActions(t *testing.T) {
	c := ancCart(ancLine("item-5000", 1, "50.00"))
	// orderPercentageDiscount, it('prices exclude tax'): discount 20 ->
	// totalWithTax 4800, so 40.00 before tax.
	assert.Equal(t, "USD 40.00", ancRun(t, c, orderPct("p20", "8折")).Total.String())
	// it('decimal percentage'): discount 10.5 -> totalWithTax 5370, so
	// 44.75 before tax (5000 - 525).
	assert.Equal(t, "USD 44.75", ancRun(t, c, orderPct("p105", "8.95折")).Total.String())
	// orderFixedDiscount, it('prices exclude tax'): discount 1000 ->
	// expect(applyCouponCode.total).toBe(4000).
	assert.Equal(t, "USD 40.00", ancRun(t, c, orderFixed("f10", "10.00")).Total.String())
	// productsPercentageDiscount on item-5000, discount 50 ->
	// expect(applyCouponCode.total).toBe(2500).
	p50 := promo.Promotion{ID: "p50", Target: promo.Selector{SKUs: []string{"item-5000"}},
		Action: promo.PercentOff{Rate: rate("5折")}}
	assert.Equal(t, "USD 25.00", ancRun(t, c, p50).Total.String())
}

// order-promotion.e2e-spec.ts, orderFixedDiscount, it('does not result in
// negative total when shipping is included'): item-100 (1.00) with
// shipping 5.00 and $10 off the order: expect(subTotalWithTax).toBe(0),
// expect(totalWithTax).toBe(500) // shipping price. opskit takes order
// discounts off the goods only and never below zero.
func TestVendureE2EFixedDiscountKeepsShipping(t *testing.T) {
	c := ancCart(ancLine("item-100", 1, "1.00"))
	c.Shipping = usd("5.00")
	res := ancRun(t, c, orderFixed("f10", "10.00"))
	assert.Equal(t, []string{"0.00"}, afters(res), "goods")
	assert.Equal(t, "USD 5.00", res.ShippingAfter.String())
	assert.Equal(t, "USD 5.00", res.Total.String())
}

// order-promotion.e2e-spec.ts, describe('orderLineFixedDiscount'): 3 x
// item-1000 with 1000 off the order line: total 3000 -> 2000. opskit has
// no per-line amount; a targeted AmountOff PerOrder takes the amount off
// the targeted subtotal, which here is the line.
func TestVendureE2EOrderLineFixed(t *testing.T) {
	p := promo.Promotion{ID: "line10", Target: promo.Selector{SKUs: []string{"item-1000"}},
		Action: promo.AmountOff{Amount: usd("10.00"), Scope: promo.PerOrder}}
	res := ancRun(t, ancCart(ancLine("item-1000", 3, "10.00")), p)
	assert.Equal(t, "USD 20.00", res.Total.String())
}

// sale50 is "50% off sale items" (discountOnItemWithFacets, the Sale facet
// as a tag).
func sale50() promo.Promotion {
	return promo.Promotion{ID: "sale50", Target: promo.Selector{Tags: []string{"sale"}},
		Action: promo.PercentOff{Rate: rate("5折")}}
}

func saleLine(id string, qty int64, price string) promo.Line {
	l := ancLine(id, qty, price)
	l.Tags = []string{"sale"}
	return l
}

// order-promotion.e2e-spec.ts, describe('discountOnItemWithFacets'), it('prices
// exclude tax'): item-1000, item-sale-1000, 2 x item-sale-100: total
// 2200 -> 1600 with 50% off the sale items.
func TestVendureE2EFacetDiscount(t *testing.T) {
	c := ancCart(ancLine("item-1000", 1, "10.00"), saleLine("item-sale-1000", 1, "10.00"), saleLine("item-sale-100", 2, "1.00"))
	assert.Equal(t, "USD 22.00", ancRun(t, c).Total.String())
	assert.Equal(t, "USD 16.00", ancRun(t, c, sale50()).Total.String())
}

// order-promotion.e2e-spec.ts, describe('multiple promotions
// simultaneously'), it('prices exclude tax'): 2 x item-sale-1000 and
// item-5000; the item promo (50% off sale items) -> total 6000; plus the
// order promo (15% off) -> total 5100.
func TestVendureE2EItemAndOrderPromotions(t *testing.T) {
	c := ancCart(saleLine("item-sale-1000", 2, "10.00"), ancLine("item-5000", 1, "50.00"))
	assert.Equal(t, "USD 60.00", ancRun(t, c, sale50()).Total.String())
	assert.Equal(t, "USD 51.00", ancRun(t, c, sale50(), orderPct("order15", "8.5折")).Total.String())
}

// order-promotion.e2e-spec.ts, describe('freeShipping'), it('prices exclude
// tax'): item-5000 with a 345 shipping method: shipping 345, total 5345;
// with the free-shipping coupon: shipping 0, total 5000.
func TestVendureE2EFreeShipping(t *testing.T) {
	free := promo.Promotion{ID: "free", Coupon: "FREE_SHIPPING", Action: promo.FreeShipping{}}
	c := ancCart(ancLine("item-5000", 1, "50.00"))
	c.Shipping = usd("3.45")
	assert.Equal(t, "USD 53.45", ancRun(t, c, free).Total.String())
	c.Coupons = []string{"FREE_SHIPPING"}
	res := ancRun(t, c, free)
	assert.Equal(t, "USD 0.00", res.ShippingAfter.String())
	assert.Equal(t, "USD 50.00", res.Total.String())
}

// order-promotion.e2e-spec.ts, it('correctly handles pro-ration of variants
// with 0 price'): item-100 and item-0 with 20% off the order ->
// totalWithTax 96, so 0.80 before tax; the 0.00 line takes no share.
func TestVendureE2EZeroPriceProration(t *testing.T) {
	res := ancRun(t, ancCart(ancLine("item-100", 1, "1.00"), ancLine("item-0", 1, "0.00")), orderPct("p20", "8折"))
	assert.Equal(t, "USD 0.80", res.Total.String())
	assert.Equal(t, []string{"0.20", "0.00"}, lineShares(res, "p20"))
}

// order-promotion.e2e-spec.ts, describe('prevents negative line price'),
// it('prices exclude tax'): item-1000 with a 100% product discount, then
// also a 20% one: discountedUnitPriceWithTax 0 and totalWithTax 0 both
// times. A pricing.Rate takes off less than 100% (NewRateOff: "must be in
// [0, 1)"), so 100% off is a FixedPrice of 0.00 here; both stack.
func TestVendureE2ENoNegativeLinePrice(t *testing.T) {
	free := promo.Promotion{ID: "free", Stackable: true, Priority: 2, Target: promo.Selector{SKUs: []string{"item-1000"}},
		Action: promo.FixedPrice{Price: usd("0.00")}}
	p20 := promo.Promotion{ID: "p20", Stackable: true, Priority: 1, Target: promo.Selector{SKUs: []string{"item-1000"}},
		Action: promo.PercentOff{Rate: rate("8折")}}
	c := ancCart(ancLine("item-1000", 1, "10.00"))
	assert.Equal(t, "USD 0.00", ancRun(t, c, free).Total.String())
	res := ancRun(t, c, free, p20)
	assert.Equal(t, "USD 0.00", res.Total.String())
	assert.Equal(t, []string{"0.00"}, unitsPaid(t, res, "item-1000"))
}

// order-promotion.e2e-spec.ts, describe('default PromotionConditions'),
// it('minimumOrderAmount'): minOrderAmountCondition(10000) (taxInclusive)
// with freeOrderAction (orderPercentageDiscount 100); item-5000 is 60.00
// with tax: one unit -> totalWithTax 6000, no discount; two units ->
// totalWithTax 0, discount amountWithTax -12000. Tax-inclusive prices are
// the line prices here. 100% is not a pricing.Rate (NewRateOff: "must be
// in [0, 1)"); a threshold whose Off exceeds any cart takes the whole order,
// since nothing goes below zero (promo/doc.go, "Money").
func TestVendureE2EMinimumOrderAmountFree(t *testing.T) {
	free := promo.Promotion{ID: "free100", Action: promo.Threshold{
		Tiers: []promo.Tier{{MinAmount: usd("100.00"), Off: usd("1000000.00")}}}}
	assert.Equal(t, "USD 60.00", ancRun(t, ancCart(ancLine("item-5000", 1, "60.00")), free).Total.String())
	res := ancRun(t, ancCart(ancLine("item-5000", 2, "60.00")), free)
	assert.Equal(t, "USD 0.00", res.Total.String())
	assert.Equal(t, "USD 120.00", explanation(t, res, "free100").Amount.String())
}
