package promo_test

// Tests that kill the core engine's mutants (issue 19), split from
// mutation_core_test.go (which keeps the list of equivalent survivors):
// order.go: the order layer (满包邮, order discounts under a floor, caps alone).

import (
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
)

// order.go shippingPromo: Off set to 0.00 reduces the fee by nothing; only
// an unset Off waives it (FreeShipping's doc: "reduced by Off when Off is
// set"). A 10.00 fee on a 100.00 cart stays 10.00: total 110.00.
func TestFreeShippingOffZero(t *testing.T) {
	c := cart(line("a", 1, "100.00"))
	c.Shipping = cny("10.00")
	res := run(t, c, one("ship", promo.FreeShipping{MinAmount: cny("99.00"), Off: cny("0.00")}))
	assert.Equal(t, "CNY 10.00", res.ShippingAfter.String())
	assert.Equal(t, "CNY 110.00", res.Total.String())
}

// order.go fill: a discount that fills every line's room exactly. Under
// the P-01 floor (7折 of list), line "a" (list and price 100.00) has 30.00
// of room and line "b" (list 100.00, selling at 80.00) 10.00; 40.00 off
// the order takes both to their floors, 70.00 each: 140.00, nothing
// trimmed. 20.00 off stays below b's level (10/80 > 20/180) and splits
// by the line totals 100:80: 11.11 and 8.89 (hand arithmetic).
func TestOrderDiscountFillsEveryRoom(t *testing.T) {
	b := promo.Line{ID: "b", SKU: "b", Qty: 1, UnitPrice: cny("80.00"), ListPrice: cny("100.00")}
	for _, tt := range []struct{ off, a, b, total string }{
		{"40.00", "70.00", "70.00", "CNY 140.00"},
		{"20.00", "88.89", "71.11", "CNY 160.00"},
	} {
		res := run(t, cart(line("a", 1, "100.00"), b), one("p", promo.AmountOff{Amount: cny(tt.off), Scope: promo.PerOrder}), p01Floor(t))
		assert.Equal(t, tt.total, res.Total.String(), tt.off)
		assert.Equal(t, []string{tt.a}, unitsPaid(t, res, "a"), tt.off)
		assert.Equal(t, []string{tt.b}, unitsPaid(t, res, "b"), tt.off)
		assert.False(t, explanation(t, res, "p").Trimmed.IsPositive(), tt.off)
	}
}

// order.go aloneOrder: a coupon's standalone saving is held to its cap like
// its saving in a pass. 9折 off the order capped at 0.00 saves nothing
// alone, so it is explained as saving nothing, not as beaten by a better
// combination.
func TestCappedCouponSavesNothingAlone(t *testing.T) {
	c := cart(line("a", 1, "100.00"))
	c.Coupons = []string{"Z"}
	res := run(t, c, []promo.Promotion{{ID: "z", Coupon: "Z", Action: promo.PercentOff{Rate: rate("9折"), Scope: promo.PerOrder, Cap: cny("0.00")}}})
	assert.Equal(t, "CNY 100.00", res.Total.String())
	ex := explanation(t, res, "z")
	assert.Equal(t, promo.NotApplicable, ex.Status)
	assert.Equal(t, promo.NoSaving, ex.Reason)
}

// order.go base and shippingPromo: 满3件包邮 counts each line's own units
// (1 + 1 = 2, not reached: the 10.00 fee stays); a 5.00 budget on a
// waived 10.00 fee gives 5.00 and reports 5.00 capped (hand arithmetic).
func TestFreeShippingCountsAndBudget(t *testing.T) {
	c := cart(line("a", 1, "10.00"), line("b", 1, "10.00"))
	c.Shipping = cny("10.00")
	res := run(t, c, one("ship", promo.FreeShipping{MinQty: 3}))
	assert.Equal(t, "CNY 10.00", res.ShippingAfter.String())
	res = run(t, c, []promo.Promotion{{ID: "ship", Limits: promo.Limits{Budget: cny("5.00")}, Action: promo.FreeShipping{MinQty: 2}}})
	assert.Equal(t, "CNY 5.00", res.ShippingAfter.String())
	assert.Equal(t, "CNY 5.00", explanation(t, res, "ship").Capped.String())
}
