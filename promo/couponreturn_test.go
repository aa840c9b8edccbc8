package promo_test

import (
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// IssueCoupon: reaching a threshold earns coupons for a later order;
// nothing is deducted now (满返: spend 300, get a 30 coupon back).

func issue300() promo.Promotion {
	return promo.Promotion{ID: "fan", Action: promo.IssueCoupon{MinAmount: cny("300.00"), Template: "next-30", Qty: 1, Value: cny("30.00")}}
}

func TestIssueCouponReached(t *testing.T) {
	// 2 × 160.00 = 320.00 ≥ 300.00: one coupon next-30; Total stays 320.00.
	c := cart(line("a", 2, "160.00"))
	res := run(t, c, []promo.Promotion{issue300()})
	assert.Equal(t, "CNY 320.00", res.Total.String())
	require.Len(t, res.CouponsIssued, 1)
	assert.Equal(t, promo.IssuedCoupon{PromotionID: "fan", Template: "next-30", Qty: 1, Value: cny("30.00")}, res.CouponsIssued[0])
	ex := explanation(t, res, "fan")
	assert.Equal(t, promo.Applied, ex.Status)
	assert.Equal(t, "fan: applied, issues 1 × coupon next-30", ex.String())
	require.Len(t, res.Redemptions, 1, "the caller records the use")
	assert.False(t, res.Redemptions[0].Amount.IsPositive())
}

func TestIssueCouponBelow(t *testing.T) {
	// 280.00: 20.00 missing.
	c := cart(line("a", 1, "280.00"))
	res := run(t, c, []promo.Promotion{issue300()})
	assert.Empty(t, res.CouponsIssued)
	ex := explanation(t, res, "fan")
	assert.Equal(t, promo.NotApplicable, ex.Status)
	assert.Equal(t, promo.BelowThreshold, ex.Reason)
	assert.Equal(t, "CNY 20.00", ex.MissingAmount.String())
	assert.Equal(t, "fan: not applicable: below threshold: add 20.00 more to get the coupon", ex.String())
}

func TestIssueCouponBase(t *testing.T) {
	// 320.00 with 10% off the order (32.00): after items (the default,
	// before the order layer) it is 320.00, reached; on the running total
	// after the whole order layer 288.00, 12.00 missing.
	c := cart(line("a", 2, "160.00"))
	order := promo.Promotion{ID: "off", Action: promo.PercentOff{Rate: rate("9折"), Scope: promo.PerOrder}}
	res := run(t, c, []promo.Promotion{order, issue300()})
	assert.Len(t, res.CouponsIssued, 1)
	running := issue300()
	running.Action = promo.IssueCoupon{MinAmount: cny("300.00"), Base: promo.BaseRunningTotal, Template: "next-30", Qty: 1}
	res = run(t, c, []promo.Promotion{order, running})
	assert.Empty(t, res.CouponsIssued)
	assert.Equal(t, "CNY 12.00", explanation(t, res, "fan").MissingAmount.String())
	// At list price: 2 × 140.00 (280.00) listed at 200.00 counts 400.00.
	l := line("a", 2, "140.00")
	l.ListPrice = cny("200.00")
	list := issue300()
	list.Action = promo.IssueCoupon{MinAmount: cny("300.00"), Base: promo.BaseListPrice, Template: "next-30", Qty: 1}
	assert.Len(t, run(t, cart(l), []promo.Promotion{list}).CouponsIssued, 1)
	assert.Empty(t, run(t, cart(l), []promo.Promotion{issue300()}).CouponsIssued)
}

func TestIssueCouponClawback(t *testing.T) {
	// 160.00 + 150.00 = 310.00 earns the coupon; returning the 160.00 line
	// leaves 150.00, below 300.00: the coupon is to be revoked
	// (GiftReturned) and the refund is what the line paid, 160.00; under
	// GiftDeducted its 30.00 is deducted: 130.00.
	c := cart(line("a", 1, "160.00"), line("b", 1, "150.00"))
	e, err := promo.NewEngine(c.Currency, []promo.Promotion{issue300()})
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	q, err := e.Refund(c, res, map[string]int64{"a": 1}, promo.RefundPolicy{Clawback: true})
	require.NoError(t, err)
	assert.Equal(t, "CNY 160.00", q.Refund.String())
	require.Len(t, q.CouponsToRevoke, 1)
	assert.Equal(t, "next-30", q.CouponsToRevoke[0].Template)
	q, err = e.Refund(c, res, map[string]int64{"a": 1}, promo.RefundPolicy{Clawback: true, Gift: promo.GiftDeducted})
	require.NoError(t, err)
	assert.Equal(t, "CNY 130.00", q.Refund.String())
	assert.Empty(t, q.CouponsToRevoke)
	require.Len(t, q.Clawbacks, 1)
	assert.Equal(t, "CNY 30.00", q.Clawbacks[0].Amount.String())
	// Returning nothing that matters: the kept part still reaches it.
	c2 := cart(line("a", 1, "160.00"), line("b", 1, "150.00"), line("c", 1, "5.00"))
	res2, err := e.Evaluate(c2)
	require.NoError(t, err)
	q, err = e.Refund(c2, res2, map[string]int64{"c": 1}, promo.RefundPolicy{Clawback: true})
	require.NoError(t, err)
	assert.Empty(t, q.CouponsToRevoke)
	assert.Equal(t, "CNY 5.00", q.Refund.String())
	// A tampered result naming an unknown issuer is refused.
	bad := res
	bad.CouponsIssued = []promo.IssuedCoupon{{PromotionID: "nope", Template: "x", Qty: 1}}
	_, err = e.Refund(c, bad, map[string]int64{"a": 1}, promo.RefundPolicy{Clawback: true})
	assert.ErrorIs(t, err, promo.ErrInvalidReturn)
}

func TestIssueCouponInvalid(t *testing.T) {
	for name, a := range map[string]promo.IssueCoupon{
		"no template": {MinAmount: cny("1.00"), Qty: 1},
		"no qty":      {MinAmount: cny("1.00"), Template: "t"},
		"both":        {MinAmount: cny("1.00"), MinQty: 2, Template: "t", Qty: 1},
		"base":        {MinAmount: cny("1.00"), Template: "t", Qty: 1, Base: 9},
	} {
		_, err := promo.NewEngine(cny("1").Currency(), one("x", a))
		assert.ErrorIs(t, err, promo.ErrInvalidAction, name)
	}
	_, err := promo.NewEngine(cny("1").Currency(), one("x", promo.IssueCoupon{MinQty: 1, Template: "t", Qty: promo.MaxUnits + 1}))
	assert.ErrorIs(t, err, promo.ErrTooLarge)
}

func TestIssueCouponStoredChecks(t *testing.T) {
	// A stored result's coupons: a value that is not an amount of the
	// engine's currency, or a promotion listed twice, is refused.
	c := cart(line("a", 1, "160.00"), line("b", 1, "150.00"))
	e, err := promo.NewEngine(c.Currency, []promo.Promotion{issue300()})
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	bad := res
	bad.CouponsIssued = []promo.IssuedCoupon{{PromotionID: "fan", Template: "next-30", Qty: 1, Value: cny("-30.00")}}
	_, err = e.Refund(c, bad, map[string]int64{"a": 1}, promo.RefundPolicy{Clawback: true})
	var fe *promo.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "result.coupons_issued[0].value", fe.Field)
	bad.CouponsIssued = []promo.IssuedCoupon{res.CouponsIssued[0], res.CouponsIssued[0]}
	_, err = e.Refund(c, bad, map[string]int64{"a": 1}, promo.RefundPolicy{Clawback: true})
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "result.coupons_issued[1].promotion_id", fe.Field)
}
