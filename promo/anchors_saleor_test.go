package promo_test

// Anchor cases from Saleor's discount engine, saleor/saleor at 723cd4eb
// (2026-08-21): its tests under saleor/discount/tests, saleor/checkout/tests,
// saleor/order/tests and saleor/tax/tests, with the fixtures they use.
// Money is USD; the fixtures' prices: product 10.00 (checkout_with_item
// holds 3 of it), product_list 10.00, 20.00, 30.00 (checkout_with_items is
// product + product_list, 70.00), order_with_lines 3 × 10.00 and 2 × 20.00
// with shipping 10.00, the voucher fixture an ENTIRE_ORDER voucher of 20.00
// with code "mirumee".
//
// Translation. Saleor's vouchers are coupons (a Coupon the cart enters):
// ENTIRE_ORDER is PercentOff/AmountOff with Scope PerOrder, SPECIFIC_PRODUCT
// the same per unit on its target, apply_once_per_order LimitedUnits with
// PerCart 1 (one unit of the cheapest line), SHIPPING FreeShipping (Off for
// a fixed value); min_spent is a Threshold tier by amount and
// min_checkout_items_quantity one by quantity; apply_once_per_customer is
// Limits.PerCustomer 1. A catalogue promotion rule is an item promotion; of
// several rules on a variant the best applies (get_best_promotion_discount),
// as with non-stackable item promotions here. Order-promotion rules are
// Threshold (or Gift) promotions in one exclusion Group: Saleor applies the
// single rule that saves most (get_best_rule), a gift counted at its price.
// Saleor rounds half-up (quantize_price, ROUND_HALF_UP), opskit's default.

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// salLine is a USD line; its SKU and product are its ID.
func salLine(id string, qty int64, price string) promo.Line {
	return promo.Line{ID: id, SKU: id, Product: id, Qty: qty, UnitPrice: usd(price)}
}

// salCart is a USD cart entering codes.
func salCart(codes []string, lines ...promo.Line) promo.Cart {
	return promo.Cart{Currency: pricing.USD, At: testNow, Lines: lines, Coupons: codes}
}

// salOrder is order_with_lines: "l1" 3 × 10.00, "l2" 2 × 20.00, shipping
// 10.00.
func salOrder(codes ...string) promo.Cart {
	c := salCart(codes, salLine("l1", 3, "10.00"), salLine("l2", 2, "20.00"))
	c.Shipping = usd("10.00")
	return c
}

// salExpl is promotion id's explanation.
func salExpl(t *testing.T, res promo.Result, id string) promo.Explanation {
	t.Helper()
	x, ok := res.Explanation(id)
	require.True(t, ok, "no explanation for %s", id)
	return x
}

// salVoucher is a coupon promotion with code code.
func salVoucher(code string, target promo.Selector, a promo.Action) promo.Promotion {
	return promo.Promotion{ID: code, Coupon: code, Target: target, Action: a}
}

// salTier is a one-tier threshold by amount: from min, off (an amount) or
// rate.
func salTier(min, off string, rate pricing.Rate) promo.Threshold {
	t := promo.Tier{MinAmount: usd(min), Rate: rate}
	if off != "" {
		t.Off = usd(off)
	}
	return promo.Threshold{Tiers: []promo.Tier{t}}
}

// salRule is an order-promotion rule: a threshold or gift in the group of
// the promotions Saleor chooses one from.
func salRule(id string, a promo.Action) promo.Promotion {
	return promo.Promotion{ID: id, Group: "order-rules", Action: a}
}

func TestSaleorVoucherMinSpent(t *testing.T) {
	// saleor/discount/tests/test_discounts.py
	// test_valid_voucher_min_spent_amount: a SHIPPING voucher, fixed 10,
	// min_spent 7, validated on 7: valid (the minimum is inclusive).
	v := salVoucher("unique", promo.Selector{}, promo.FreeShipping{MinAmount: usd("7.00"), Off: usd("10.00")})
	c := salCart([]string{"unique"}, salLine("p", 1, "7.00"))
	c.Shipping = usd("10.00")
	res := ancRun(t, c, v)
	assert.Equal(t, promo.Applied, salExpl(t, res, "unique").Status)
	assert.Equal(t, "0.00", res.ShippingAfter.StringAmount())
	// test_valid_voucher_min_spent_amount_not_reached: on 5, NotApplicable
	// ("only valid for orders over 7.00 USD").
	c.Lines = []promo.Line{salLine("p", 1, "5.00")}
	res = ancRun(t, c, v)
	x := salExpl(t, res, "unique")
	assert.Equal(t, promo.BelowThreshold, x.Reason)
	assert.Equal(t, "2.00", x.MissingAmount.StringAmount())
	assert.Equal(t, "10.00", res.ShippingAfter.StringAmount())
}

func TestSaleorVoucherMinCheckoutItemsQuantity(t *testing.T) {
	// test_discounts.py test_valid_voucher_min_checkout_items_quantity: the
	// voucher fixture with min_checkout_items_quantity 3 on 2 items:
	// NotApplicable ("a minimum of 3 quantity").
	v := salVoucher("mirumee", promo.Selector{}, promo.Threshold{Basis: promo.ByQuantity,
		Tiers: []promo.Tier{{MinQty: 3, Off: usd("20.00")}}})
	res := ancRun(t, salCart([]string{"mirumee"}, salLine("p", 2, "10.00")), v)
	x := salExpl(t, res, "mirumee")
	assert.Equal(t, promo.BelowThreshold, x.Reason)
	assert.Equal(t, int64(1), x.MissingQty)
	assert.Equal(t, "20.00", res.Total.StringAmount())
}

func TestSaleorValidateVoucher(t *testing.T) {
	// test_discounts.py test_validate_voucher and
	// test_validate_voucher_not_applicable: an ENTIRE_ORDER voucher of 50
	// (percentage or fixed) on a total of 20 in 2 items. A voucher with
	// both a min_spent and a min_checkout_items_quantity is two conditions
	// opskit cannot join in one promotion; each is checked alone. The
	// amounts are what Saleor's get_discount_amount_for gives when valid:
	// 50 % of 20 = 10, a fixed 50 clipped at 20.
	half := rate("5折")
	tests := []struct {
		name   string
		action promo.Action
		want   string // the discount, "" when NotApplicable
	}{
		{"(20, 20, 2, 2, %) min_spent", salTier("20.00", "", half), "10.00"},
		{"(20, 20, 2, 2, %) min quantity", promo.Threshold{Basis: promo.ByQuantity, Tiers: []promo.Tier{{MinQty: 2, Rate: half}}}, "10.00"},
		{"(20, None, 2, None, %)", promo.PercentOff{Rate: half, Scope: promo.PerOrder}, "10.00"},
		{"(20, 20, 2, 2, fixed) min_spent", salTier("20.00", "50.00", pricing.Rate{}), "20.00"},
		{"(20, None, 2, None, fixed)", promo.AmountOff{Amount: usd("50.00"), Scope: promo.PerOrder}, "20.00"},
		{"not applicable (20, 50, 2, 10, %)", salTier("50.00", "", half), ""},
		{"not applicable (20, None, 2, 10, fixed)", promo.Threshold{Basis: promo.ByQuantity, Tiers: []promo.Tier{{MinQty: 10, Off: usd("50.00")}}}, ""},
	}
	for _, tc := range tests {
		res := ancRun(t, salCart([]string{"unique"}, salLine("p", 2, "10.00")), salVoucher("unique", promo.Selector{}, tc.action))
		x := salExpl(t, res, "unique")
		if tc.want == "" {
			assert.Equal(t, promo.BelowThreshold, x.Reason, tc.name)
			continue
		}
		assert.Equal(t, promo.Applied, x.Status, tc.name)
		assert.Equal(t, tc.want, x.Amount.StringAmount(), tc.name)
	}
}

func TestSaleorVoucherOncePerCustomer(t *testing.T) {
	// test_discounts.py test_validate_voucher_not_applicable_once_per_customer:
	// apply_once_per_customer with a VoucherCustomer row for the customer:
	// NotApplicable. (Saleor's cart there is empty; opskit needs a line.)
	v := salVoucher("mirumee", promo.Selector{}, promo.AmountOff{Amount: usd("20.00"), Scope: promo.PerOrder})
	v.Limits.PerCustomer = 1
	c := salCart([]string{"mirumee"}, salLine("p", 3, "10.00"))
	c.Customer.ID = "test@example.com"
	c.Usage = map[string]promo.Usage{"mirumee": {ByCustomer: 1}}
	assert.Equal(t, promo.UsageLimitReached, salExpl(t, ancRun(t, c, v), "mirumee").Reason)
	c.Usage = nil // never used: the voucher applies
	assert.Equal(t, "10.00", ancRun(t, c, v).Total.StringAmount())
}

func TestSaleorCatalogueDiscounts(t *testing.T) {
	every := promo.Selector{Products: []string{"product"}}
	cat := func(a promo.Action) promo.Promotion { return promo.Promotion{ID: "rule", Target: every, Action: a} }
	// test_discounts.py test_percentage_discounts: 50 % of 10 pays 5;
	// test_fixed_discounts: 5 off 10 pays 5.
	res := ancRun(t, salCart(nil, salLine("product", 1, "10.00")), cat(promo.PercentOff{Rate: rate("5折")}))
	assert.Equal(t, "5.00", res.Total.StringAmount())
	res = ancRun(t, salCart(nil, salLine("product", 1, "10.00")), cat(promo.AmountOff{Amount: usd("5.00")}))
	assert.Equal(t, "5.00", res.Total.StringAmount())
	// test_create_or_update_discount_objects_from_promotion_for_order.py
	// test_create_catalogue_discount_fixed: 3 off each of 3 × 10: amount 9;
	// test_create_catalogue_discount_percentage: 50 %: amount 15.
	res = ancRun(t, salCart(nil, salLine("product", 3, "10.00")), cat(promo.AmountOff{Amount: usd("3.00")}))
	assert.Equal(t, "9.00", adjusted(t, res, "product", "rule"))
	res = ancRun(t, salCart(nil, salLine("product", 3, "10.00")), cat(promo.PercentOff{Rate: rate("5折")}))
	assert.Equal(t, "15.00", adjusted(t, res, "product", "rule"))
	// test_create_or_update_discount_objects_from_promotion_for_checkout.py
	// test_create_fixed_discount_multiple_quantity_in_lines: 2 off each of
	// 5 units: 10; ..._discount_bigger_than_total: 15 off a 10.00 unit
	// takes the unit's price, 50 on 5 units; test_create_percentage_discount_
	// multiple_quantity_in_lines: 10 % of 5 × 10: 5.
	for _, tc := range []struct {
		a    promo.Action
		want string
	}{
		{promo.AmountOff{Amount: usd("2.00")}, "10.00"},
		{promo.AmountOff{Amount: usd("15.00")}, "50.00"},
		{promo.PercentOff{Rate: rate("9折")}, "5.00"},
	} {
		res = ancRun(t, salCart(nil, salLine("product", 5, "10.00"), salLine("other", 5, "20.00")), cat(tc.a))
		assert.Equal(t, tc.want, adjusted(t, res, "product", "rule"))
		assert.Equal(t, "0.00", adjusted(t, res, "other", "rule"))
	}
}

func TestSaleorBestCatalogueRule(t *testing.T) {
	// saleor/discount/tests/test_utils/test_calculate_discounted_price_for_promotions.py
	// test_variant_discounts_multiple_promotions: rules of 10 % and 50 % on
	// the variant (10.00): the 50 % rule applies, 5 off.
	// test_variant_discounts_multiple_promotions_and_rules: fixed 1, 5 %
	// and 50 %: the 50 % rule.
	rule := func(id string, a promo.Action) promo.Promotion { return promo.Promotion{ID: id, Action: a} }
	res := ancRun(t, salCart(nil, salLine("product", 1, "10.00")),
		rule("low", promo.PercentOff{Rate: rate("9折")}), rule("high", promo.PercentOff{Rate: rate("5折")}))
	assert.Equal(t, []string{"0.00", "5.00"}, []string{adjusted(t, res, "product", "low"), adjusted(t, res, "product", "high")})
	res = ancRun(t, salCart(nil, salLine("product", 1, "10.00")), rule("low1", promo.AmountOff{Amount: usd("1.00")}),
		rule("low2", promo.PercentOff{Rate: rate("9.5折")}), rule("high1", promo.PercentOff{Rate: rate("5折")}))
	assert.Equal(t, "5.00", adjusted(t, res, "product", "high1"))
	assert.Equal(t, "5.00", res.Total.StringAmount())
}

func TestSaleorRoundingIssue(t *testing.T) {
	// saleor/discount/tests/test_rounding_issue.py
	// test_rounding_issue_with_percentage_promotion: a 10 % catalogue
	// promotion on lines of 1.06, 2.06, 3.06, 4.06 gives 0.11, 0.21, 0.31,
	// 0.41 (each line rounded on its own); on 1.04 ... 4.04, 0.1 ... 0.4.
	// promo/doc.go, Money: "four lines of 1.06, 2.06, 3.06 and 4.06 at 9折
	// get 0.11, 0.21, 0.31 and 0.41 off".
	for _, tc := range []struct{ prices, want []string }{
		{[]string{"1.06", "2.06", "3.06", "4.06"}, []string{"0.11", "0.21", "0.31", "0.41"}},
		{[]string{"1.04", "2.04", "3.04", "4.04"}, []string{"0.10", "0.20", "0.30", "0.40"}},
	} {
		var lines []promo.Line
		for i, p := range tc.prices {
			lines = append(lines, salLine(string(rune('a'+i)), 1, p))
		}
		res := ancRun(t, salCart(nil, lines...), promo.Promotion{ID: "promotion_10_percentage", Action: promo.PercentOff{Rate: rate("9折")}})
		assert.Equal(t, tc.want, lineShares(res, "promotion_10_percentage"))
	}
	// saleor/checkout/tests/test_base_calculations.py
	// test_calculate_base_line_total_price_with_1_cent_variant_on_10_percentage_discount:
	// 10 units of 0.01 at 10 % total 0.09 (promo/doc.go: "ten units of
	// 0.01 at 9折 pay 0.09").
	// test_create_or_update_discount_objects_from_promotion_for_checkout.py
	// test_create_percentage_discount_1_cent_variant_on_10_percentage_discount:
	// the line's discount is 0.001 × 10 = 0.01. (Both tests store the
	// unit's discount unrounded, 0.001; see TestSaleorCatalogueUnitRounding.)
	res := ancRun(t, salCart(nil, salLine("cent", 10, "0.01")), promo.Promotion{ID: "rule", Action: promo.PercentOff{Rate: rate("9折")}})
	assert.Equal(t, "0.09", res.Total.StringAmount())
	assert.Equal(t, "0.01", adjusted(t, res, "cent", "rule"))
}

func TestSaleorVoucherEligibility(t *testing.T) {
	v := func() promo.Promotion {
		return salVoucher("unique", promo.Selector{}, promo.PercentOff{Rate: rate("5折"), Scope: promo.PerOrder})
	}
	c := salCart([]string{"unique"}, salLine("p", 2, "50.00"))
	// test_discounts.py test_valid_voucher_min_spent_amount_voucher_not_assigned_to_channel:
	// a voucher listed in channel_USD only, checked in channel_PLN:
	// NotApplicable. (An engine here has one currency; the channel carries
	// the difference.)
	p := v()
	p.Channels = []string{"channel-USD"}
	c.Channel = "channel-PLN"
	assert.Equal(t, promo.WrongChannel, salExpl(t, ancRun(t, c, p), "unique").Reason)
	c.Channel = ""
	// test_validate_staff_voucher_for_anonymous, ..._for_normal_customer:
	// only_for_staff refuses both; ..._for_staff_customer: 50 % of 100.
	// Staff is a customer tag here.
	p = v()
	p.Conditions.Tags = []string{"staff"}
	assert.Equal(t, promo.CustomerNotEligible, salExpl(t, ancRun(t, c, p), "unique").Reason)
	c.Customer = promo.Customer{ID: "test@example.com"}
	assert.Equal(t, promo.CustomerNotEligible, salExpl(t, ancRun(t, c, p), "unique").Reason)
	c.Customer.Tags = []string{"staff"}
	assert.Equal(t, "50.00", salExpl(t, ancRun(t, c, p), "unique").Amount.StringAmount())
	// test_voucher_queryset_active: a voucher starting now is not active a
	// day earlier.
	p = v()
	p.Start = testNow.AddDate(0, 0, 1)
	assert.Equal(t, promo.NotStarted, salExpl(t, ancRun(t, c, p), "unique").Reason)
}

func TestSaleorVoucherDropsOrderPromotion(t *testing.T) {
	// test_create_or_update_discount_objects_from_promotion_for_checkout.py
	// test_create_or_update_discount_from_promotion_voucher_code_set_checkout_discount:
	// with a voucher code on the checkout (the voucher fixture, 20 off) an
	// order promotion of 25 % from 10 is removed ("Discount from order
	// rules is applied only when the voucher is not set",
	// saleor/discount/utils/checkout.py). Mapped to one exclusion group,
	// the voucher wins here because it saves more (20 against 17.50 on 70);
	// Saleor's voucher wins whatever the amounts.
	c := salCart([]string{"mirumee"}, salLine("product", 1, "10.00"), salLine("p1", 1, "10.00"), salLine("p2", 1, "20.00"), salLine("p3", 1, "30.00"))
	voucher := salVoucher("mirumee", promo.Selector{}, promo.AmountOff{Amount: usd("20.00"), Scope: promo.PerOrder})
	voucher.Group = "order-rules"
	res := ancRun(t, c, voucher, salRule("rule", salTier("10.00", "", rate("7.5折"))))
	assert.Equal(t, "20.00", res.OrderDiscount.StringAmount())
	assert.NotEqual(t, promo.Applied, salExpl(t, res, "rule").Status)
}

func TestSaleorVoucherDiscountForCheckout(t *testing.T) {
	// saleor/checkout/tests/test_checkout.py, get_voucher_discount_for_checkout.
	// test_get_discount_for_checkout_value_entire_order_voucher: subtotal
	// 20 (here 2 × 10.00, the cheapest unit 10): 50 % → 10, fixed 5 → 5;
	// apply_once_per_order, 50 % → 5, fixed 5 → 5 (the rows with min_spent
	// 20 and min quantity 2 reach both minimums and give the same).
	// test_get_discount_for_checkout_value_specific_product_voucher: line
	// prices 10 and 20: 50 % → 15, fixed 5 → 10 (5 a line of one unit);
	// once per order, 50 % → 5 and fixed 5 → 5 (the cheapest, 10).
	pct, fixed := rate("5折"), usd("5.00")
	for _, tc := range []struct {
		name  string
		lines []promo.Line
		a     promo.Action
		want  string
	}{
		{"entire order 50%", []promo.Line{salLine("p", 2, "10.00")}, promo.PercentOff{Rate: pct, Scope: promo.PerOrder}, "10.00"},
		{"entire order fixed 5", []promo.Line{salLine("p", 2, "10.00")}, promo.AmountOff{Amount: fixed, Scope: promo.PerOrder}, "5.00"},
		{"entire order once 50%", []promo.Line{salLine("p", 2, "10.00")}, promo.LimitedUnits{Rate: pct, PerCart: 1}, "5.00"},
		{"entire order once fixed 5", []promo.Line{salLine("p", 2, "10.00")}, promo.LimitedUnits{Amount: fixed, PerCart: 1}, "5.00"},
		{"specific product 50%", []promo.Line{salLine("a", 1, "10.00"), salLine("b", 1, "20.00")}, promo.PercentOff{Rate: pct}, "15.00"},
		{"specific product fixed 5", []promo.Line{salLine("a", 1, "10.00"), salLine("b", 1, "20.00")}, promo.AmountOff{Amount: fixed}, "10.00"},
		{"specific product once 50%", []promo.Line{salLine("a", 1, "10.00"), salLine("b", 1, "20.00")}, promo.LimitedUnits{Rate: pct, PerCart: 1}, "5.00"},
		{"specific product once fixed 5", []promo.Line{salLine("a", 1, "10.00"), salLine("b", 1, "20.00")}, promo.LimitedUnits{Amount: fixed, PerCart: 1}, "5.00"},
	} {
		res := ancRun(t, salCart([]string{"unique"}, tc.lines...), salVoucher("unique", promo.Selector{}, tc.a))
		assert.Equal(t, tc.want, salExpl(t, res, "unique").Amount.StringAmount(), tc.name)
	}
	// test_get_discount_for_checkout_specific_products_voucher:
	// priced_checkout_with_items (product 10, product_list 10, 20, 30), a
	// voucher on product_list: fixed 5 → 15, 10 % → 6.
	// ..._apply_only_once: fixed 5 → 5, fixed 10000 → 10 (the cheapest
	// unit), 10 % → 1.
	items := salCart([]string{"unique"}, salLine("product", 1, "10.00"), salLine("p1", 1, "10.00"), salLine("p2", 1, "20.00"), salLine("p3", 1, "30.00"))
	list := promo.Selector{Products: []string{"p1", "p2", "p3"}}
	for _, tc := range []struct {
		a    promo.Action
		want string
	}{
		{promo.AmountOff{Amount: fixed}, "15.00"},
		{promo.PercentOff{Rate: rate("9折")}, "6.00"},
		{promo.LimitedUnits{Amount: fixed, PerCart: 1}, "5.00"},
		{promo.LimitedUnits{Amount: usd("10000.00"), PerCart: 1}, "10.00"},
		{promo.LimitedUnits{Rate: rate("9折"), PerCart: 1}, "1.00"},
	} {
		res := ancRun(t, items, salVoucher("unique", list, tc.a))
		assert.Equal(t, tc.want, salExpl(t, res, "unique").Amount.StringAmount(), "%#v", tc.a)
		assert.Equal(t, "0.00", adjusted(t, res, "product", "unique"))
	}
	// test_get_discount_for_checkout_entire_order_voucher_not_applicable
	// (and ..._specific_products_voucher_not_applicable): 10 off with
	// min_spent 100 on 99, or min quantity 10 on 9 items: NotApplicable.
	nine := salCart([]string{"unique"}, salLine("p", 9, "11.00")) // 99.00
	res := ancRun(t, nine, salVoucher("unique", promo.Selector{}, salTier("100.00", "10.00", pricing.Rate{})))
	assert.Equal(t, "1.00", salExpl(t, res, "unique").MissingAmount.StringAmount())
	res = ancRun(t, nine, salVoucher("unique", promo.Selector{}, promo.Threshold{Basis: promo.ByQuantity, Tiers: []promo.Tier{{MinQty: 10, Off: usd("10.00")}}}))
	assert.Equal(t, int64(1), salExpl(t, res, "unique").MissingQty)
}

func TestSaleorShippingVoucherForCheckout(t *testing.T) {
	// test_checkout.py test_get_discount_for_checkout_shipping_voucher:
	// shipping 10.00, fixed 20 → 10 (never above the fee); shipping 5.00,
	// fixed 5 → 5. (The 50 % row has no form here: FreeShipping waives the
	// fee or takes an amount off it.)
	for _, tc := range []struct{ fee, off, want string }{{"10.00", "20.00", "10.00"}, {"5.00", "5.00", "5.00"}} {
		c := salCart([]string{"unique"}, salLine("p", 1, "10.00"))
		c.Shipping = usd(tc.fee)
		res := ancRun(t, c, salVoucher("unique", promo.Selector{}, promo.FreeShipping{Off: usd(tc.off)}))
		assert.Equal(t, tc.want, salExpl(t, res, "unique").Amount.StringAmount())
	}
	// ..._shipping_voucher_not_applicable_spent_not_enough: checkout_with_items
	// (70) with min_spent 160: "only valid for orders over 160.00 USD".
	// ..._minimum_quantity_not_reached: 4 items, minimum 10.
	items := salCart([]string{"unique"}, salLine("product", 1, "10.00"), salLine("p1", 1, "10.00"), salLine("p2", 1, "20.00"), salLine("p3", 1, "30.00"))
	items.Shipping = usd("10.00")
	res := ancRun(t, items, salVoucher("unique", promo.Selector{}, promo.FreeShipping{MinAmount: usd("160.00"), Off: usd("10.00")}))
	assert.Equal(t, []string{"90.00", "10.00"}, []string{salExpl(t, res, "unique").MissingAmount.StringAmount(), res.ShippingAfter.StringAmount()})
	res = ancRun(t, items, salVoucher("unique", promo.Selector{}, promo.FreeShipping{MinQty: 10, Off: usd("10.00")}))
	assert.Equal(t, int64(6), salExpl(t, res, "unique").MissingQty)
	// test_recalculate_checkout_discount_free_shipping_subtotal_less_than_shipping
	// and ..._bigger_than_shipping: a free-shipping voucher (100 %) on
	// checkout_with_items with a fee of 80 or 60: the discount is the fee,
	// the total the subtotal, 70.
	for _, fee := range []string{"80.00", "60.00"} {
		items.Shipping = usd(fee)
		res = ancRun(t, items, salVoucher("unique", promo.Selector{}, promo.FreeShipping{}))
		assert.Equal(t, []string{fee, "70.00"}, []string{salExpl(t, res, "unique").Amount.StringAmount(), res.Total.StringAmount()})
	}
}

func TestSaleorDocsExamples(t *testing.T) {
	// docs.saleor.io developer/discounts/promotions, "Catalogue promotions":
	// a product at $9 with a 10 % discount is available for $8.1.
	res := ancRun(t, salCart(nil, salLine("p", 1, "9.00")), promo.Promotion{ID: "rule", Action: promo.PercentOff{Rate: rate("9折")}})
	assert.Equal(t, "8.10", res.Total.StringAmount())
	// docs.saleor.io developer/discounts/apply-vouchers, "Entire Order
	// Voucher": a fixed $5 voucher on lines of $4 and $45. (The page's
	// result block was not legible to us; the shares are Saleor's rule,
	// 5 × 4/49 = 0.408 → 0.41 and the last 4.59, which largest remainder
	// also gives.)
	assert.Equal(t, []string{"0.41", "4.59"}, salPropagate(t, "5.00", "4.00", "45.00"))
}
