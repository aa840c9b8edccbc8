package promo_test

// Tests that kill mutants of refund.go (issue 19, the gremlins run over the
// rest of package promo); the equivalent ones are listed in
// mutation_rest_b_test.go.

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// refund.go returnOrder: of units that paid the same, the later is
// returned first (Refund's doc). Two stackable LimitedUnits take 10.00
// off line a's units: x the cheapest (unit 0, the first on the tie), y
// the dearest then (unit 1, 100.00 against 90.00): both pay 90.00. One
// unit returned is unit 1, so the kept unit 0 carries x's 10.00 and none
// of y's. Priced again alone, it gets both (x 10.00, then y 10.00 off
// 90.00): x is unchanged and y goes from 0.00 to 10.00, the one
// clawback line, -10.00; the kept unit pays 80.00 now against 90.00, so
// nothing is clawed back (hand arithmetic).
func TestRefundTieReturnsLaterUnit(t *testing.T) {
	ps := []promo.Promotion{
		{ID: "x", Priority: 2, Stackable: true, Action: promo.LimitedUnits{Amount: cny("10.00"), PerCart: 1}},
		{ID: "y", Priority: 1, Stackable: true, Action: promo.LimitedUnits{Amount: cny("10.00"), PerCart: 1, Pick: promo.DearestFirst}},
	}
	c := cart(line("a", 2, "100.00"))
	e, err := promo.NewEngine(pricing.CNY, ps)
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	require.Equal(t, []string{"90.00", "90.00"}, unitsPaid(t, res, "a"))
	q, err := e.Refund(c, res, map[string]int64{"a": 1}, promo.RefundPolicy{Clawback: true})
	require.NoError(t, err)
	assert.Equal(t, "CNY 90.00", q.Refund.String())
	assert.Equal(t, "CNY 0.00", q.ClawbackTotal.String())
	require.Len(t, q.Clawbacks, 1)
	assert.Equal(t, "y", q.Clawbacks[0].PromotionID)
	assert.Equal(t, "CNY -10.00", q.Clawbacks[0].Amount.String())
}

// refund.go checkResult: a stored line whose After is not what its units
// paid is refused, naming the field. 100.00 with nothing off pays 100.00;
// After edited to 99.99 (a valid amount) is ErrInvalidReturn at
// result.lines[0].after.
func TestRefundAfterMustMatchUnitsPaid(t *testing.T) {
	c := cart(line("a", 1, "100.00"))
	e, err := promo.NewEngine(pricing.CNY, nil)
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	res.Lines[0].After = cny("99.99")
	_, err = e.Refund(c, res, map[string]int64{"a": 1}, promo.RefundPolicy{})
	requireField(t, err, "refund", "result.lines[0].after", promo.ErrInvalidReturn)
}

// TestRefundKeepsAppliedFreeShipping pins Refund's check of a stored
// free-shipping explanation (refund.go): a result whose shipping was
// waived (包邮 from 99.00, shipping 8.00, one line of 150.00) is a valid
// stored result, so returning the line refunds its 150.00 without error.
func TestRefundKeepsAppliedFreeShipping(t *testing.T) {
	c := cart(line("a", 1, "150.00"))
	c.Shipping = cny("8.00")
	ps := []promo.Promotion{{ID: "ship", Action: promo.FreeShipping{MinAmount: cny("99.00")}}}
	res, q := refund(t, c, ps, map[string]int64{"a": 1}, promo.RefundPolicy{})
	require.Equal(t, "CNY 150.00", res.Total.String())
	assert.Equal(t, "CNY 150.00", q.Refund.String())
}

// TestRefundChecksGiftsAfterFreeShipping: Refund checks every part of a
// stored result, the gifts after the free-shipping explanations, so a gift
// value tampered into another currency is rejected even when shipping was
// waived (a check that stopped at the first valid free-shipping
// explanation would let it through).
func TestRefundChecksGiftsAfterFreeShipping(t *testing.T) {
	c := cart(line("a", 1, "300.00"))
	c.Shipping = cny("8.00")
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
		{ID: "ship", Action: promo.FreeShipping{MinAmount: cny("99.00")}},
		{ID: "gift", Action: promo.Gift{MinAmount: cny("300.00"), Options: []promo.GiftOption{{SKU: "cup", Qty: 1}}}},
	})
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	require.Len(t, res.Gifts, 1)
	res.Gifts[0].Value = pricing.MustNew("1.00", pricing.USD)
	_, err = e.Refund(c, res, map[string]int64{"a": 1}, promo.RefundPolicy{})
	require.ErrorIs(t, err, promo.ErrInvalidReturn)
	assert.Contains(t, err.Error(), "gifts[0].value")
}
