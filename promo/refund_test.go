package promo_test

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func refund(t *testing.T, c promo.Cart, ps []promo.Promotion, returned map[string]int64, policy promo.RefundPolicy) (promo.Result, promo.RefundQuote) {
	t.Helper()
	e, err := promo.NewEngine(pricing.CNY, ps)
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	q, err := e.Refund(c, res, returned, policy)
	require.NoError(t, err)
	return res, q
}

// Issue 4's known answer: lines 150.00 and 60.00, 20% off the order
// (42.00, allocated 30.00 and 12.00), paid 168.00; returning the 150.00
// line refunds 120.00, with or without clawback (20% has no threshold).
func TestRefundOrderDiscount(t *testing.T) {
	c := cart(line("a", 1, "150.00"), line("b", 1, "60.00"))
	ps := []promo.Promotion{{ID: "20off", Action: promo.PercentOff{Rate: pricing.MustRate("8折"), Scope: promo.PerOrder}}}
	res, q := refund(t, c, ps, map[string]int64{"a": 1}, promo.RefundPolicy{Clawback: true})
	require.Equal(t, "CNY 168.00", res.Total.String())
	assert.Equal(t, "CNY 120.00", q.Refund.String())
	assert.Equal(t, "CNY 0.00", q.ClawbackTotal.String())
	require.Len(t, q.Lines, 1)
	assert.Equal(t, "a", q.Lines[0].LineID)
}

// 满200减30 on 150.00 + 80.00 = 230.00 pays 200.00; the 80.00 line's share
// of the 30.00 is 10.43 (3000 × 8000 / 23000 = 1043.4), so it paid 69.57.
// Returned, the kept 150.00 no longer reaches 200: it paid 130.43 and now
// costs 150.00, a clawback of 19.57, so the refund is 50.00 (the customer
// ends up paying 150.00 for what they kept). Without clawback: 69.57.
func TestRefundThresholdClawback(t *testing.T) {
	c := cart(line("coat", 1, "150.00"), line("hat", 1, "80.00"))
	ps := []promo.Promotion{{ID: "manjian", Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("200"), Off: cny("30")}}}}}
	_, q := refund(t, c, ps, map[string]int64{"hat": 1}, promo.RefundPolicy{Clawback: true})
	assert.Equal(t, "CNY 69.57", q.Paid.String())
	assert.Equal(t, "CNY 19.57", q.ClawbackTotal.String())
	assert.Equal(t, "CNY 50.00", q.Refund.String())
	require.Len(t, q.Clawbacks, 1)
	assert.Equal(t, "manjian", q.Clawbacks[0].PromotionID)
	assert.Equal(t, "CNY 19.57", q.Clawbacks[0].Before.String())
	assert.Equal(t, "CNY 0.00", q.Clawbacks[0].After.String())

	_, q = refund(t, c, ps, map[string]int64{"hat": 1}, promo.RefundPolicy{})
	assert.Equal(t, "CNY 69.57", q.Refund.String())
	assert.Empty(t, q.Clawbacks)
}

// Three units of 10.00 with 满25减3 pay 9.00 each. Returning one refunds
// 9.00 without clawback; with it, the two kept units (20.00) lose the 满减:
// they paid 18.00 and now cost 20.00, so the refund is 7.00.
func TestRefundPartialQuantity(t *testing.T) {
	c := cart(line("a", 3, "10.00"))
	ps := []promo.Promotion{{ID: "m", Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("25"), Off: cny("3")}}}}}
	_, q := refund(t, c, ps, map[string]int64{"a": 1}, promo.RefundPolicy{})
	assert.Equal(t, "CNY 9.00", q.Refund.String())
	_, q = refund(t, c, ps, map[string]int64{"a": 1}, promo.RefundPolicy{Clawback: true})
	assert.Equal(t, "CNY 7.00", q.Refund.String())
	require.Len(t, q.Lines, 1)
	assert.Equal(t, []string{"CNY 7.00"}, moneyStrings(q.Lines[0].Refund))
}

// 第二件半价: two 20.00 units pay 20.00 and 10.00. Returning one returns
// the half-price unit (the lowest paid) and refunds 10.00; the kept unit
// paid full price, so there is nothing to claw back.
func TestRefundNthItemReturnsTheCheaperUnit(t *testing.T) {
	c := cart(line("a", 2, "20.00"))
	ps := []promo.Promotion{{ID: "2nd", Action: promo.NthItem{N: 2, Rate: pricing.MustRate("5折")}}}
	_, q := refund(t, c, ps, map[string]int64{"a": 1}, promo.RefundPolicy{Clawback: true})
	assert.Equal(t, "CNY 10.00", q.Refund.String())
	assert.Equal(t, "CNY 0.00", q.ClawbackTotal.String())
}

// 满99包邮 waives a 10.00 fee on 60.00 + 50.00; returning the 50.00 line
// leaves 60.00, which would pay the fee: 10.00 is clawed back.
func TestRefundFreeShippingClawback(t *testing.T) {
	c := cart(line("a", 1, "60.00"), line("b", 1, "50.00"))
	c.Shipping = cny("10.00")
	ps := []promo.Promotion{{ID: "ship", Action: promo.FreeShipping{MinAmount: cny("99")}}}
	_, q := refund(t, c, ps, map[string]int64{"b": 1}, promo.RefundPolicy{Clawback: true})
	assert.Equal(t, "CNY 40.00", q.Refund.String())
	require.Len(t, q.Clawbacks, 1)
	assert.Equal(t, "ship", q.Clawbacks[0].PromotionID)
	assert.Equal(t, "CNY 10.00", q.Clawbacks[0].Amount.String())
}

// A gift at 100.00 (value 5.00) on 60.00 + 50.00: returning 50.00 loses it.
// GiftReturned lists it to send back; GiftDeducted deducts its value.
func TestRefundGift(t *testing.T) {
	c := cart(line("a", 1, "60.00"), line("b", 1, "50.00"))
	ps := []promo.Promotion{{ID: "tote", Action: promo.Gift{MinAmount: cny("100"), Options: []promo.GiftOption{{SKU: "TOTE", Qty: 1, Value: cny("5.00")}}}}}
	_, q := refund(t, c, ps, map[string]int64{"b": 1}, promo.RefundPolicy{Clawback: true})
	assert.Equal(t, "CNY 50.00", q.Refund.String())
	require.Len(t, q.GiftsToReturn, 1)
	assert.Equal(t, "TOTE", q.GiftsToReturn[0].SKU)
	_, q = refund(t, c, ps, map[string]int64{"b": 1}, promo.RefundPolicy{Clawback: true, Gift: promo.GiftDeducted})
	assert.Equal(t, "CNY 45.00", q.Refund.String())
	assert.Empty(t, q.GiftsToReturn)
}

// The refund never goes negative: a 1.00 unit returned from an order whose
// kept part loses a 50.00 tier refunds 0.00 and reports the rest.
func TestRefundNeverNegative(t *testing.T) {
	c := cart(line("a", 1, "199.50"), line("b", 1, "1.00"))
	ps := []promo.Promotion{{ID: "m", Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("200"), Off: cny("50")}}}}}
	_, q := refund(t, c, ps, map[string]int64{"b": 1}, promo.RefundPolicy{Clawback: true})
	assert.Equal(t, "CNY 0.00", q.Refund.String())
	assert.Equal(t, q.Paid.String(), q.Deducted.String())
	assert.True(t, q.Undeducted.IsPositive())
}

// Returning everything refunds exactly what the lines paid.
func TestRefundEverything(t *testing.T) {
	c := cart(line("a", 3, "33.33"), line("b", 2, "10.01"))
	c.Shipping = cny("6.00")
	ps := []promo.Promotion{
		{ID: "m", Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("100"), Off: cny("7")}}}},
		{ID: "p", Action: promo.PercentOff{Rate: pricing.MustRate("9.5折")}},
	}
	res, q := refund(t, c, ps, map[string]int64{"a": 3, "b": 2}, promo.RefundPolicy{Clawback: true})
	goods, _ := res.Total.Sub(res.ShippingAfter)
	assert.Equal(t, goods.String(), q.Refund.String())
}

func TestRefundErrors(t *testing.T) {
	c := cart(line("a", 2, "10.00"))
	e, err := promo.NewEngine(pricing.CNY, nil)
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	tests := []struct {
		name     string
		give     map[string]int64
		cart     promo.Cart
		res      promo.Result
		wantPath string
	}{
		{"unknown line", map[string]int64{"zz": 1}, c, res, `returned["zz"]`},
		{"too many", map[string]int64{"a": 3}, c, res, `returned["a"]`},
		{"negative", map[string]int64{"a": -1}, c, res, `returned["a"]`},
		{"other cart", map[string]int64{"a": 1}, cart(line("x", 2, "10.00")), res, "result.lines[0].id"},
		{"other currency", map[string]int64{"a": 1}, c, promo.Result{Currency: pricing.USD}, "result.currency"},
	}
	for _, tt := range tests {
		_, err := e.Refund(tt.cart, tt.res, tt.give, promo.RefundPolicy{})
		require.ErrorIs(t, err, promo.ErrInvalidReturn, tt.name)
		var fe *promo.FieldError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, tt.wantPath, fe.Field, tt.name)
	}
}

func moneyStrings(ms []pricing.Money) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.String()
	}
	return out
}
