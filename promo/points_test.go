package promo_test

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Points redemption (积分抵现): N points pay 1 yuan, capped at a share of
// the order and an amount, after every coupon.

func points100(maxPercent int64, maxAmount string) promo.Promotion {
	a := promo.PointsRedemption{Points: 100, Value: cny("1.00"), MaxPercent: maxPercent}
	if maxAmount != "" {
		a.MaxAmount = cny(maxAmount)
	}
	return promo.Promotion{ID: "pts", Action: a}
}

func TestPointsAfterCoupons(t *testing.T) {
	// Lines 150.00 and 50.00 = 200.00; 满200减20 leaves 180.00. Points
	// pay at most 50% of it, 90.00; the customer offers 12,345 points,
	// worth 123.45: 9,000 points pay 90.00. Total 200 - 20 - 90 = 90.00.
	// Allocation by largest remainder over the lines' 135.00 and 45.00
	// (after the 满减's 15.00 and 5.00): 9000 steps × 135/180 = 6750 and
	// 2250 steps of 0.01: 67.50 and 22.50.
	c := cart(line("a", 1, "150.00"), line("b", 1, "50.00"))
	c.Points = 12345
	manjian := promo.Promotion{ID: "mj", Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("200.00"), Off: cny("20.00")}}}}
	res := run(t, c, []promo.Promotion{manjian, points100(50, "")})
	assert.Equal(t, "CNY 20.00", res.OrderDiscount.String())
	assert.Equal(t, "CNY 90.00", res.PointsDiscount.String())
	assert.Equal(t, int64(9000), res.PointsUsed)
	assert.Equal(t, "CNY 90.00", res.Total.String())
	assert.Equal(t, []string{"67.50", "22.50"}, afters(res))
	ex := explanation(t, res, "pts")
	assert.Equal(t, "pts: applied, 9000 points pay 90.00 on lines a, b; 33.45 cut by the budget or cap", ex.String())
	assert.Equal(t, int64(9000), ex.Points)
}

func TestPointsCaps(t *testing.T) {
	c := cart(line("a", 2, "100.00"))
	// The balance binds: 1,999 points pay 19.99.
	c.Points = 1999
	res := run(t, c, []promo.Promotion{points100(0, "")})
	assert.Equal(t, "CNY 19.99", res.PointsDiscount.String())
	assert.Equal(t, []string{"90.00", "90.01"}, unitsPaid(t, res, "a"), "1,999 steps over two equal units: 1,000 and 999")
	// The amount cap binds: at most 15.00.
	c.Points = 1_000_000
	res = run(t, c, []promo.Promotion{points100(0, "15.00")})
	assert.Equal(t, "CNY 15.00", res.PointsDiscount.String())
	assert.Equal(t, int64(1500), res.PointsUsed)
	// Without caps the goods bind: 200.00 for 20,000 points; total 0.00.
	res = run(t, c, []promo.Promotion{points100(0, "")})
	assert.Equal(t, "CNY 0.00", res.Total.String())
	assert.Equal(t, int64(20000), res.PointsUsed)
	// No points offered: nothing, and the explanation says no saving.
	c.Points = 0
	res = run(t, c, []promo.Promotion{points100(0, "")})
	assert.False(t, res.PointsDiscount.IsValid())
	assert.Equal(t, promo.NotApplicable, explanation(t, res, "pts").Status)
}

func TestPointsWholeSteps(t *testing.T) {
	// 150 points = 1.00 reduces to steps of 3 points for 0.02. 1,000
	// points offered: 333 steps = 999 points for 6.66. Units of 0.01 have
	// no room (a step is 0.02): line b takes nothing.
	c := cart(line("a", 1, "100.00"), line("b", 3, "0.01"))
	c.Points = 1000
	res := run(t, c, []promo.Promotion{{ID: "pts", Action: promo.PointsRedemption{Points: 150, Value: cny("1.00")}}})
	assert.Equal(t, int64(999), res.PointsUsed)
	assert.Equal(t, "CNY 6.66", res.PointsDiscount.String())
	assert.Equal(t, []string{"93.34", "0.03"}, afters(res))
}

func TestPointsRefund(t *testing.T) {
	// 2 × 100.00 with 3,001 points (30.01): units pay 84.99 and 85.00
	// (1,501 and 1,500 steps: the earlier unit takes the remainder).
	// Returning one unit returns the lower-paid first: 84.99 back and
	// 1,501 points; the other, 85.00 and 1,500 points: 3,001 in all.
	// The kept unit is priced again without points: no clawback.
	c := cart(line("a", 2, "100.00"))
	c.Points = 3001
	e, err := promo.NewEngine(c.Currency, []promo.Promotion{points100(0, "")})
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	assert.Equal(t, []string{"84.99", "85.00"}, unitsPaid(t, res, "a"))
	q, err := e.Refund(c, res, map[string]int64{"a": 1}, promo.RefundPolicy{Clawback: true})
	require.NoError(t, err)
	assert.Equal(t, "CNY 84.99", q.Refund.String())
	assert.Equal(t, int64(1501), q.Points)
	assert.Empty(t, q.Clawbacks)
	q, err = e.Refund(c, res, map[string]int64{"a": 2}, promo.RefundPolicy{Clawback: true})
	require.NoError(t, err)
	assert.Equal(t, "CNY 169.99", q.Refund.String())
	assert.Equal(t, int64(3001), q.Points)
}

func TestPointsRefundKeepsThresholdClawback(t *testing.T) {
	// 满200减20 on 150.00 + 50.00, then 1,000 points (10.00): a pays
	// 150 - 15 - 7.50 = 127.50, b 50 - 5 - 2.50 = 42.50. Returning b: the
	// kept 150.00 loses the 满减 (15.00 clawed back, priced without
	// points), so the refund is 42.50 - 15.00 = 27.50 and 250 points.
	c := cart(line("a", 1, "150.00"), line("b", 1, "50.00"))
	c.Points = 1000
	manjian := promo.Promotion{ID: "mj", Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("200.00"), Off: cny("20.00")}}}}
	e, err := promo.NewEngine(c.Currency, []promo.Promotion{manjian, points100(0, "")})
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	assert.Equal(t, []string{"127.50", "42.50"}, afters(res))
	q, err := e.Refund(c, res, map[string]int64{"b": 1}, promo.RefundPolicy{Clawback: true})
	require.NoError(t, err)
	assert.Equal(t, "CNY 15.00", q.ClawbackTotal.String())
	assert.Equal(t, "CNY 27.50", q.Refund.String())
	assert.Equal(t, int64(250), q.Points)
}

func TestPointsInvalid(t *testing.T) {
	for name, p := range map[string]promo.Promotion{
		"no points":   {ID: "x", Action: promo.PointsRedemption{Value: cny("1.00")}},
		"no value":    {ID: "x", Action: promo.PointsRedemption{Points: 100}},
		"zero value":  {ID: "x", Action: promo.PointsRedemption{Points: 100, Value: cny("0.00")}},
		"percent 101": {ID: "x", Action: promo.PointsRedemption{Points: 100, Value: cny("1.00"), MaxPercent: 101}},
	} {
		_, err := promo.NewEngine(cny("1").Currency(), []promo.Promotion{p})
		assert.ErrorIs(t, err, promo.ErrInvalidAction, name)
	}
	_, err := promo.NewEngine(cny("1").Currency(), []promo.Promotion{{ID: "x", Group: "g", Action: promo.PointsRedemption{Points: 100, Value: cny("1.00")}}})
	assert.ErrorIs(t, err, promo.ErrInvalidPromotion, "a points redemption is no choice")
	_, err = promo.NewEngine(cny("1").Currency(), []promo.Promotion{{ID: "x", Action: promo.PointsRedemption{Points: promo.MaxPoints + 1, Value: cny("1.00")}}})
	assert.ErrorIs(t, err, promo.ErrTooLarge)
	c := cart(line("a", 1, "1.00"))
	c.Points = -1
	assert.ErrorIs(t, c.Validate(), promo.ErrInvalidCart)
	c.Points = promo.MaxPoints + 1
	assert.ErrorIs(t, c.Validate(), promo.ErrTooLarge)
}

func TestPointsRefundTamper(t *testing.T) {
	// Moving money into the points adjustment would return more points
	// than the cart offered (1,000): refused; so is a part of a step.
	c := cart(line("a", 1, "100.00"))
	c.Points = 1000
	e, err := promo.NewEngine(c.Currency, []promo.Promotion{{ID: "pts", Action: promo.PointsRedemption{Points: 150, Value: cny("1.00")}}})
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	require.Equal(t, "CNY 6.66", res.PointsDiscount.String()) // 333 steps of 3 points for 0.02
	tamper := func(amount, paid string) promo.Result {
		r := res
		r.Lines = []promo.LineResult{res.Lines[0]}
		l := &r.Lines[0]
		l.Adjustments = []promo.Adjustment{{PromotionID: "pts", Amount: cny(amount), PerUnit: []pricing.Money{cny(amount)}}}
		l.UnitPaid, l.After = []pricing.Money{cny(paid)}, cny(paid)
		return r
	}
	_, err = e.Refund(c, tamper("6.68", "93.32"), map[string]int64{"a": 1}, promo.RefundPolicy{})
	assert.ErrorIs(t, err, promo.ErrInvalidReturn, "334 steps: 1,002 points of 1,000")
	_, err = e.Refund(c, tamper("6.65", "93.35"), map[string]int64{"a": 1}, promo.RefundPolicy{})
	assert.ErrorIs(t, err, promo.ErrInvalidReturn, "not whole steps")
	q, err := e.Refund(c, res, map[string]int64{"a": 1}, promo.RefundPolicy{})
	require.NoError(t, err)
	assert.Equal(t, int64(999), q.Points)
}

func TestPointsNotSpentDetail(t *testing.T) {
	c := cart(line("a", 1, "100.00"))
	res := run(t, c, []promo.Promotion{points100(0, "")})
	assert.Equal(t, "pts: not applicable: no saving (the cart offers no points)", explanation(t, res, "pts").String())
	c.Points = 2
	res = run(t, c, []promo.Promotion{{ID: "pts", Action: promo.PointsRedemption{Points: 3, Value: cny("0.01")}}})
	assert.Equal(t, "2 points offered, a step takes 3", explanation(t, res, "pts").Detail)
	c.Points = 100
	res = run(t, c, []promo.Promotion{points100(0, "0.00")})
	assert.Equal(t, "nothing left to pay with points", explanation(t, res, "pts").Detail)
}
