package promo_test

// Anchor cases from Magento 2 (magento/magento2), app/code/Magento/SalesRule/
// Test/Unit/Model, translated to opskit. Magento's rule actions compute a
// discount per quote item on float prices: by_percent takes the rate off
// price × qty less the discount earlier rules gave the item; to_percent
// leaves the rate of it; by_fixed takes the amount off each unit, at most
// what is left of the item; cart_fixed takes the amount off the cart;
// buy_x_get_y frees Y of every X + Y units (discount_step X,
// discount_amount Y). The unit tests feed the price once as the store
// price, the base price, the original price and the base original price;
// each is a separate row here. The amounts are in currency units; USD
// here. opskit rounds each promotion's discount once per line, half-up
// (promo/doc.go, "Money"); none of these amounts needs rounding except
// the DeltaPriceRound cases.

import (
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
)

// priorThen is a one-line cart of qty units at price whose earlier rule
// took prior off the item, then the rule under test: an order-layer
// promotion applied after it, so it sees price × qty - prior (opskit's
// order layer takes each discount off the running total, promo/doc.go,
// "Layers").
func priorThen(t *testing.T, qty int64, price, prior string, rule promo.Action) promo.Result {
	t.Helper()
	ps := []promo.Promotion{{ID: "rule", Priority: 1, Action: rule}}
	if prior != "0.00" {
		ps = append(ps, promo.Promotion{ID: "prior", Priority: 2, Action: promo.AmountOff{Amount: usd(prior), Scope: promo.PerOrder}})
	}
	return ancRun(t, ancCart(ancLine("item", qty, price)), ps...)
}

// Rule/Action/Discount/ByPercentTest.php, testCalculate, calculateDataProvider:
// qty 3, rule discountAmount 30 (%), discountQty 5 (no cap at 3 units),
// item discountAmount 10 and baseDiscountAmount 50; prices 50 / 45 / 60 /
// 55 -> setAmount(42), setBaseAmount(25.5), setOriginalAmount(51),
// setBaseOriginalAmount(34.5): 30% of price × 3 less the item's discount
// so far ((150 - 10) × 0.3 = 42).
//
// Rule/Action/Discount/ToPercentTest.php, the same data with to_percent ->
// 98, 59.49999999999999, 118.99999999999999, 80.5: the price goes to 30%,
// so 70% comes off ((150 - 10) × 0.7 = 98). Magento's float noise is the
// binary form of 59.50 and 119.00.
func TestMagentoByPercentAndToPercent(t *testing.T) {
	rows := []struct {
		field, price, prior, by, to string
	}{
		{"amount", "50.00", "10.00", "42.00", "98.00"},
		{"baseAmount", "45.00", "50.00", "25.50", "59.50"},
		{"originalAmount", "60.00", "10.00", "51.00", "119.00"},
		{"baseOriginalAmount", "55.00", "50.00", "34.50", "80.50"},
	}
	for _, r := range rows {
		t.Run(r.field, func(t *testing.T) {
			res := priorThen(t, 3, r.price, r.prior, promo.PercentOff{Rate: rate("7折"), Scope: promo.PerOrder})
			assert.Equal(t, "USD "+r.by, explanation(t, res, "rule").Amount.String(), "by_percent 30")
			res = priorThen(t, 3, r.price, r.prior, promo.PercentOff{Rate: rate("3折"), Scope: promo.PerOrder})
			assert.Equal(t, "USD "+r.to, explanation(t, res, "rule").Amount.String(), "to_percent 30")
		})
	}
}

// Rule/Action/Discount/ByFixedTest.php, testCalculate ("fixed discount
// cannot be higher than products price"), first row: qty 2, rule
// discountAmount 100 (each unit), item discountAmount 139, price 139 ->
// setAmount(139): 2 × 100 off, but only 2 × 139 - 139 = 139 is left.
// opskit: the earlier 139.00 as 69.50 off each unit, then 100.00 off each
// unit, both stackable; a unit never goes below zero (promo/doc.go,
// "Money": "Nothing goes below zero").
func TestMagentoByFixedCappedAtItem(t *testing.T) {
	prior := promo.Promotion{ID: "prior", Stackable: true, Priority: 2, Action: promo.AmountOff{Amount: usd("69.50")}}
	rule := promo.Promotion{ID: "rule", Stackable: true, Priority: 1, Action: promo.AmountOff{Amount: usd("100.00")}}
	res := ancRun(t, ancCart(ancLine("item", 2, "139.00")), prior, rule)
	assert.Equal(t, "USD 139.00", explanation(t, res, "rule").Amount.String())
	assert.Equal(t, "USD 0.00", res.Total.String())
}

// ByFixedTest.php, second row: the rule applies to qty 1 of an item of
// 13 units at 9000 whose discount so far is 9100; rule discountAmount
// 1000 -> setAmount(1000) (min(1 × 1000, 13 × 9000 - 9100)). The quantity
// the rule applies to is Magento's "Maximum Qty Discount is Applied To":
// opskit's LimitedUnits with PerLine 1. The earlier 9100 (700.00 a unit)
// does not bind: 1000.00 off one unit of 8300.00.
func TestMagentoByFixedOneUnit(t *testing.T) {
	prior := promo.Promotion{ID: "prior", Stackable: true, Priority: 2, Action: promo.AmountOff{Amount: usd("700.00")}}
	rule := promo.Promotion{ID: "rule", Stackable: true, Priority: 1, Action: promo.LimitedUnits{Amount: usd("1000.00"), PerLine: 1}}
	res := ancRun(t, ancCart(ancLine("item", 13, "9000.00")), prior, rule)
	assert.Equal(t, "USD 1000.00", explanation(t, res, "rule").Amount.String())
	assert.Equal(t, "USD 9100.00", explanation(t, res, "prior").Amount.String())
	assert.Equal(t, "USD 106900.00", res.Total.String()) // 117000 - 9100 - 1000
}

// Rule/Action/Discount/CartFixedTest.php, testCalculate: rule
// discount_amount 10.0, one item at 100 -> getAmount() 10, and the rule's
// remaining amount set to 0.0 (setCartFixedRules([1 => 0.0])).
func TestMagentoCartFixed(t *testing.T) {
	res := ancRun(t, ancCart(ancLine("item", 1, "100.00")), orderFixed("rule", "10.00"))
	assert.Equal(t, "USD 10.00", explanation(t, res, "rule").Amount.String())
	assert.Equal(t, "USD 90.00", res.Total.String())
}

// Rule/Action/Discount/BuyXGetYTest.php, testCalculate, calculateDataProvider
// (discountStep X bought, discountAmount Y free, one item):
//
//	buy 2 get 1, qty 3, price 10 -> amount 10   ("Standard case")
//	buy 1 get 5, qty 6, price 20 -> amount 100  ("Y > X")
//	buy 1 get 5, qty 4, price 20 -> amount 60   ("partial": 3 × 20)
//	buy 1 get 5, qty 1, price 20 -> amount 0
//
// opskit's BuyXGetY with PartialGroups is Magento's rule ("a last group
// with its BuyQty units bought but fewer than GetQty get units rewards the
// get units it has (Magento's rule)"). (a) Without it opskit rewards whole
// groups only ("Only whole groups are rewarded (Medusa's rule) unless
// PartialGroups is set"): 4 units of buy 1 get 5 free nothing.
func TestMagentoBuyXGetY(t *testing.T) {
	tests := []struct {
		name              string
		buy, get, qty     int64
		price             string
		partial, wholeOff string
	}{
		{"standard buy 2 get 1", 2, 1, 3, "10.00", "10.00", "10.00"},
		{"buy 1 get 5 on 6", 1, 5, 6, "20.00", "100.00", "100.00"},
		{"buy 1 get 5 on 4", 1, 5, 4, "20.00", "60.00", "0.00"},
		{"buy 1 get 5 on 1", 1, 5, 1, "20.00", "0.00", "0.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ancCart(ancLine("item", tt.qty, tt.price))
			act := promo.BuyXGetY{BuyQty: tt.buy, GetQty: tt.get, Free: true, PartialGroups: true}
			res := ancRun(t, c, promo.Promotion{ID: "bxgy", Action: act})
			assert.Equal(t, "USD "+tt.partial, res.ItemDiscount.String(), "PartialGroups (Magento)")
			act.PartialGroups = false
			res = ancRun(t, c, promo.Promotion{ID: "bxgy", Action: act})
			assert.Equal(t, "USD "+tt.wholeOff, res.ItemDiscount.String(), "whole groups (opskit default)")
		})
	}
}

// ValidatorTest.php, testProcessShippingAmountActions, dataProviderActions:
// shipping 5.0, subtotal 10.0, a rule applied to shipping:
// [BY_FIXED_ACTION, 5, 5] -> getShippingDiscountAmount() 5; and
// testProcessShippingAmountWithFullFixedPercentDiscount, 'verify shipping
// discount when shipping amount is greater than zero': [BY_PERCENT_ACTION,
// 100.00, 5.0, 5.0, 10.0] -> 5.0. opskit: FreeShipping with Off 5.00, and
// FreeShipping waiving the fee. (The 50% rows have no opskit form: a
// FreeShipping reduces by an amount, not a rate.)
func TestMagentoShippingDiscount(t *testing.T) {
	c := ancCart(ancLine("item", 1, "10.00"))
	c.Shipping = usd("5.00")
	for name, a := range map[string]promo.FreeShipping{
		"by_fixed 5":     {Off: usd("5.00")},
		"by_percent 100": {},
	} {
		res := ancRun(t, c, promo.Promotion{ID: "ship", Action: a})
		assert.Equal(t, "USD 0.00", res.ShippingAfter.String(), name)
		assert.Equal(t, "USD 5.00", explanation(t, res, "ship").Amount.String(), name)
		assert.Equal(t, "USD 10.00", res.Total.String(), name)
	}
}

// Model/DeltaPriceRoundTest.php, testRound, roundDataProvider: Magento
// rounds the item discounts of one rule in turn, carrying each rounding
// error to the next item: [1.004, 1.004] -> [1.00, 1.01] and [1.005,
// 1.005] -> [1.01, 1.00], so the items' discounts add up to the rounded
// sum (2.01 both times). Two lines of 10.04 (or 10.05) at 10% off give
// those raw discounts.
//
// (a) opskit rounds each line's item discount on its own: "Each
// promotion's discount is computed per line, rounded once to the minor
// unit with the cart's [pricing.RoundingMode]" (half-up by default):
// [1.00, 1.00] = 2.00 and [1.01, 1.01] = 2.02, a cent under and over
// Magento. The order-layer form rounds the promotion's total once ("An
// order-layer discount is rounded once and allocated to lines ... by
// largest remainder", ties to the earlier line): 2.01 both times, split
// [1.01, 1.00].
func TestMagentoDeltaPriceRound(t *testing.T) {
	tests := []struct {
		price             string
		perLine, perOrder []string
	}{
		{"10.04", []string{"1.00", "1.00"}, []string{"1.01", "1.00"}}, // Magento [1.00, 1.01]
		{"10.05", []string{"1.01", "1.01"}, []string{"1.01", "1.00"}}, // Magento [1.01, 1.00]
	}
	for _, tt := range tests {
		t.Run(tt.price, func(t *testing.T) {
			c := ancCart(ancLine("a", 1, tt.price), ancLine("b", 1, tt.price))
			res := ancRun(t, c, promo.Promotion{ID: "p10", Action: promo.PercentOff{Rate: rate("9折")}})
			assert.Equal(t, tt.perLine, lineShares(res, "p10"), "per line (item layer)")
			res = ancRun(t, c, orderPct("p10", "9折"))
			assert.Equal(t, tt.perOrder, lineShares(res, "p10"), "once per promotion (order layer)")
			assert.Equal(t, "USD 2.01", res.OrderDiscount.String(), "Magento's sum")
		})
	}
}

// dev/tests/integration/testsuite/Magento/SalesRule/Model/Rule/Action/
// Discount/CartFixedTest.php, testApplyFixedDiscount, with the fixture
// _files/coupon_cart_fixed_discount.php (cart_fixed, discount_amount 15,
// condition base_subtotal > 45): one unit each of products at 22, 14, 43,
// 7.50 and 0.00 ('prices when discount had wrong value 15.01'), and of 47,
// 33, 9.50, 42 and 0.00 ('... 14.99') -> getBaseDiscountAmount() '-15.00'
// both times. opskit rounds the order discount once and splits it by
// largest remainder, so the lines always add up to 15.00; Magento asserts
// only the total, the shares below are opskit's (hand arithmetic: 1500
// cents × 22/86.50 = 381.50, × 14/86.50 = 242.77, × 43/86.50 = 745.66,
// × 7.50/86.50 = 130.06: floors 1498, the two cents to 242.77 and 745.66).
// "> 45" in cents is a minimum of 45.01.
func TestMagentoCartFixedSumsExactly(t *testing.T) {
	rule := promo.Promotion{ID: "cart15", Coupon: "CART_FIXED_DISCOUNT_15", Action: promo.Threshold{
		Tiers: []promo.Tier{{MinAmount: usd("45.01"), Off: usd("15.00")}}}}
	tests := []struct {
		prices []string
		shares []string
	}{
		{[]string{"22.00", "14.00", "43.00", "7.50", "0.00"}, []string{"3.81", "2.43", "7.46", "1.30", "0.00"}},
		// 1500 × 47/131.50 = 536.12, × 33/131.50 = 376.43, × 9.50/131.50 =
		// 108.37, × 42/131.50 = 479.09: floors 1499, the cent to 376.43.
		{[]string{"47.00", "33.00", "9.50", "42.00", "0.00"}, []string{"5.36", "3.77", "1.08", "4.79", "0.00"}},
	}
	for _, tt := range tests {
		var lines []promo.Line
		for i, p := range tt.prices {
			lines = append(lines, ancLine(string(rune('a'+i)), 1, p))
		}
		c := ancCart(lines...)
		c.Coupons = []string{"CART_FIXED_DISCOUNT_15"}
		res := ancRun(t, c, rule)
		assert.Equal(t, "USD 15.00", res.OrderDiscount.String(), tt.prices)
		assert.Equal(t, tt.shares, lineShares(res, "cart15"), tt.prices)
	}
}
