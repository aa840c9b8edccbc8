package promo_test

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Boundaries of the newer forms' limits: the limit itself is accepted,
// one past it refused.
func TestFormsLimitsBoundaries(t *testing.T) {
	c := cart(line("a", 1, "1.00"))
	c.Points = promo.MaxPoints
	assert.NoError(t, c.Validate(), "MaxPoints points")
	c.Points = 0
	assert.NoError(t, c.Validate())

	c.Delivery = &promo.Delivery{DistanceMeters: promo.MaxDistanceMeters, Fees: promo.DeliveryFees{
		Bands: []promo.DeliveryBand{{UpToMeters: promo.MaxDistanceMeters, Fee: cny("1.00")}}}}
	assert.NoError(t, c.Validate(), "MaxDistanceMeters")
	c.Delivery.Fees.Bands[0].UpToMeters = promo.MaxDistanceMeters + 1
	assert.ErrorIs(t, c.Validate(), promo.ErrInvalidCart)
	c.Delivery.Fees.Bands = make([]promo.DeliveryBand, promo.MaxActionList)
	for i := range c.Delivery.Fees.Bands {
		c.Delivery.Fees.Bands[i] = promo.DeliveryBand{UpToMeters: int64(i + 1), Fee: cny("1.00")}
	}
	c.Delivery.DistanceMeters = 0
	assert.NoError(t, c.Validate(), "MaxActionList bands")
	c.Delivery.Fees.Bands[0].Tiers = make([]promo.DeliveryTier, promo.MaxActionList+1)
	assert.ErrorIs(t, c.Validate(), promo.ErrTooLarge)
	c.Delivery.Fees.MinOrder = cny("-1.00")
	c.Delivery.Fees.Bands[0].Tiers = nil
	assert.ErrorIs(t, c.Validate(), promo.ErrInvalidCart, "a negative minimum order")

	for _, ok := range []promo.Action{
		promo.PointsRedemption{Points: promo.MaxPoints, Value: cny("1.00"), MaxPercent: 100},
		promo.PointsRedemption{Points: 1, Value: cny("0.01")},
		promo.LimitedUnits{Rate: rate("8折"), PerLine: promo.MaxUnits, PerCart: promo.MaxUnits},
		promo.IssueCoupon{MinQty: promo.MaxUnits, Template: "t", Qty: promo.MaxUnits},
		promo.Presale{Deposit: cny("1.00"), Credit: cny("1.00"), BalanceFrom: balanceFrom},
	} {
		_, err := promo.NewEngine(c.Currency, one("x", ok))
		assert.NoError(t, err, "%T", ok)
	}
	_, err := promo.NewEngine(c.Currency, one("x", promo.PointsRedemption{Points: 100, Value: cny("1.00"), MaxPercent: -1}))
	assert.ErrorIs(t, err, promo.ErrInvalidAction)
}

func TestPointsShareBoundary(t *testing.T) {
	// MaxPercent 100 lets points pay the whole of the goods: 1.00.
	c := cart(line("a", 1, "1.00"))
	c.Points = 1000
	res := run(t, c, []promo.Promotion{points100(100, "")})
	assert.Equal(t, "CNY 0.00", res.Total.String())
	// MaxPercent 1 of 1.00 is 0.01: 1 point.
	res = run(t, c, []promo.Promotion{points100(1, "")})
	assert.Equal(t, int64(1), res.PointsUsed)
	// Exactly the balance: 100 points for 1.00.
	c.Points = 100
	res = run(t, c, []promo.Promotion{points100(0, "")})
	assert.Equal(t, int64(100), res.PointsUsed)
	// 99 points of a 100-point step pay nothing.
	res = run(t, c, []promo.Promotion{{ID: "pts", Action: promo.PointsRedemption{Points: 100, Value: cny("0.01")}}})
	assert.Equal(t, int64(100), res.PointsUsed)
	c.Points = 99
	res = run(t, c, []promo.Promotion{{ID: "pts", Action: promo.PointsRedemption{Points: 100, Value: cny("0.01")}}})
	assert.Equal(t, int64(0), res.PointsUsed)
	require.False(t, res.PointsDiscount.IsValid())
}

func TestLimitedUnitsBoundaries(t *testing.T) {
	// PerCart equal to the units: every unit; PerLine equal to the line.
	c := cart(line("a", 2, "10.00"), line("b", 1, "10.00"))
	res := run(t, c, one("x", promo.LimitedUnits{Amount: cny("1.00"), PerCart: 3}))
	assert.Equal(t, "CNY 3.00", res.ItemDiscount.String())
	res = run(t, c, one("x", promo.LimitedUnits{Amount: cny("1.00"), PerLine: 2}))
	assert.Equal(t, "CNY 3.00", res.ItemDiscount.String())
	res = run(t, c, one("x", promo.LimitedUnits{Amount: cny("1.00"), PerLine: 1}))
	assert.Equal(t, "CNY 2.00", res.ItemDiscount.String())
	// Ties cheapest first go to the earlier line: a's first unit.
	res = run(t, c, one("x", promo.LimitedUnits{Amount: cny("1.00"), PerCart: 1}))
	assert.Equal(t, []string{"9.00", "10.00"}, unitsPaid(t, res, "a"))
	// And dearest first too.
	res = run(t, c, one("x", promo.LimitedUnits{Amount: cny("1.00"), PerCart: 1, Pick: promo.DearestFirst}))
	assert.Equal(t, []string{"9.00", "10.00"}, unitsPaid(t, res, "a"))
}

func TestIssueCouponQuantity(t *testing.T) {
	// 满3件返券 by quantity: 2 units, 1 missing; 3 units, issued.
	p := promo.Promotion{ID: "q", Action: promo.IssueCoupon{MinQty: 3, Template: "t", Qty: 2}}
	res := run(t, cart(line("a", 2, "5.00")), []promo.Promotion{p})
	assert.Equal(t, int64(1), explanation(t, res, "q").MissingQty)
	res = run(t, cart(line("a", 3, "5.00")), []promo.Promotion{p})
	require.Len(t, res.CouponsIssued, 1)
	assert.Equal(t, int64(2), res.CouponsIssued[0].Qty)
	// Exactly the minimum amount is reached.
	p.Action = promo.IssueCoupon{MinAmount: cny("10.00"), Template: "t", Qty: 1}
	res = run(t, cart(line("a", 2, "5.00")), []promo.Promotion{p})
	assert.Len(t, res.CouponsIssued, 1)
}

func TestIssueCouponValueCountsTowardSaving(t *testing.T) {
	// In one group with "20.00 off the order", a coupon returned worth
	// 30.00 wins (30 > 20); worth 10.00 it loses. Without a Value it is
	// worth nothing and loses too.
	c := cart(line("a", 1, "300.00"))
	off := promo.Promotion{ID: "off", Group: "g", Action: promo.AmountOff{Amount: cny("20.00"), Scope: promo.PerOrder}}
	for value, winner := range map[string]string{"30.00": "fan", "10.00": "off", "": "off"} {
		a := promo.IssueCoupon{MinAmount: cny("100.00"), Template: "t", Qty: 1}
		if value != "" {
			a.Value = cny(value)
		}
		res := run(t, c, []promo.Promotion{off, {ID: "fan", Group: "g", Action: a}})
		assert.Equal(t, promo.Applied, explanation(t, res, winner).Status, "value %q", value)
	}
}

func TestIssueCouponDeductedWithoutValue(t *testing.T) {
	// Under GiftDeducted a coupon without a declared Value cannot be
	// deducted: it is listed to revoke instead.
	c := cart(line("a", 1, "160.00"), line("b", 1, "150.00"))
	e, err := promo.NewEngine(c.Currency, []promo.Promotion{{ID: "fan", Action: promo.IssueCoupon{MinAmount: cny("300.00"), Template: "t", Qty: 1}}})
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	q, err := e.Refund(c, res, map[string]int64{"a": 1}, promo.RefundPolicy{Clawback: true, Gift: promo.GiftDeducted})
	require.NoError(t, err)
	assert.Len(t, q.CouponsToRevoke, 1)
	assert.Equal(t, "CNY 160.00", q.Refund.String())
}

func TestPointsAmountCapZeroAndBudget(t *testing.T) {
	c := cart(line("a", 1, "100.00"))
	c.Points = 10_000
	// A MaxAmount of 0.00 lets points pay nothing.
	res := run(t, c, []promo.Promotion{points100(0, "0.00")})
	assert.Equal(t, int64(0), res.PointsUsed)
	// A budget of 5.00 with 4.00 spent leaves 1.00: 100 points.
	p := points100(0, "")
	p.Limits.Budget = cny("5.00")
	c.Usage = map[string]promo.Usage{"pts": {BudgetSpent: cny("4.00")}}
	res = run(t, c, []promo.Promotion{p})
	assert.Equal(t, int64(100), res.PointsUsed)
}

func TestDeliveryBoundaries(t *testing.T) {
	// Exactly the minimum order is deliverable.
	c := cart(line("a", 1, "20.00"))
	c.Delivery = store(100)
	res := run(t, c, nil)
	assert.True(t, res.Delivery.Deliverable)
	assert.False(t, res.Delivery.MissingAmount.IsValid())
	// Two tiers from the same amount are refused.
	c.Delivery.Fees.Bands[0].Tiers = append(c.Delivery.Fees.Bands[0].Tiers, promo.DeliveryTier{FromAmount: cny("50.00"), Fee: cny("1.00")})
	assert.ErrorIs(t, c.Validate(), promo.ErrInvalidCart)
	// On list price the fee does not depend on the promotions: the
	// choice stays proven.
	c = cart(line("a", 1, "55.00"))
	c.Delivery = store(1000)
	c.Delivery.Fees.Base = promo.BaseListPrice
	c.Coupons = []string{"SIX", "THREE"}
	res = run(t, c, []promo.Promotion{
		{ID: "six", Group: "g", Coupon: "SIX", Action: promo.AmountOff{Amount: cny("6.00"), Scope: promo.PerOrder}},
		{ID: "three", Group: "g", Coupon: "THREE", Action: promo.AmountOff{Amount: cny("3.50"), Scope: promo.PerOrder}},
	})
	assert.True(t, res.Optimal)
	assert.Equal(t, "CNY 51.00", res.Total.String(), "55 - 6 + 2")
}

func TestDeliveryStoredShippingChecked(t *testing.T) {
	// A stored result whose shipping exceeds what the schedule can charge
	// at the distance (5.00 in the first band) is refused.
	c := cart(line("a", 1, "30.00"))
	c.Delivery = store(1000)
	e, err := promo.NewEngine(c.Currency, nil)
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	res.ShippingAfter = cny("5.01")
	_, err = e.Refund(c, res, map[string]int64{"a": 1}, promo.RefundPolicy{})
	assert.ErrorIs(t, err, promo.ErrInvalidReturn)
	res.ShippingAfter = cny("5.00")
	_, err = e.Refund(c, res, map[string]int64{"a": 1}, promo.RefundPolicy{})
	assert.NoError(t, err)
}

func TestDepositsTooLarge(t *testing.T) {
	// 2 units at a deposit of half the amount limit each, and a third
	// line: the deposits pass MaxMinorUnits.
	half := cny("50000000000.00") // 5·10^12 分
	p := promo.Promotion{ID: "ps", Start: presaleStart, Action: promo.Presale{Deposit: half, Credit: half, BalanceFrom: balanceFrom}}
	e, err := promo.NewEngine(cny("1").Currency(), []promo.Promotion{p})
	require.NoError(t, err)
	c := cart(line("a", 2, "1.00"), line("b", 1, "1.00"))
	c.At = depositStageAt
	_, err = e.Deposits(c)
	assert.ErrorIs(t, err, promo.ErrTooLarge)
	c = cart(line("a", 2, "1.00"))
	c.At = depositStageAt
	q, err := e.Deposits(c)
	require.NoError(t, err)
	assert.Equal(t, "CNY 100000000000.00", q.Total.String(), "exactly MaxMinorUnits")
}

func TestDeliveryScheduleEdges(t *testing.T) {
	// A band of MaxActionList tiers is accepted; a tier from 0.00 too (it
	// then replaces the band's fee for every order).
	c := cart(line("a", 1, "0.00"))
	tiers := make([]promo.DeliveryTier, promo.MaxActionList)
	for i := range tiers {
		m, _ := pricing.NewFromMinor(int64(i), pricing.CNY)
		tiers[i] = promo.DeliveryTier{FromAmount: m, Fee: cny("1.00")}
	}
	c.Delivery = &promo.Delivery{DistanceMeters: 10, Fees: promo.DeliveryFees{Bands: []promo.DeliveryBand{{UpToMeters: 10, Fee: cny("5.00"), Tiers: tiers}}}}
	require.NoError(t, c.Validate())
	// Free goods without a minimum order are deliverable, at the tier
	// from 0.00: fee 1.00.
	res := run(t, c, nil)
	assert.True(t, res.Delivery.Deliverable)
	assert.Equal(t, "CNY 1.00", res.ShippingBefore.String())
}

func TestPointsAreNoSaving(t *testing.T) {
	// In one group: 10.00 off, or a coupon returned worth 6.00. Points
	// (50% of the goods) pay 45.00 after the 10.00 off, 50.00 without:
	// were points a saving, the coupon returned would win 56 to 55; they
	// are payment, so 10.00 off wins 10 to 6.
	c := cart(line("a", 1, "100.00"))
	c.Points = 100_000
	res := run(t, c, []promo.Promotion{
		{ID: "off", Group: "g", Action: promo.AmountOff{Amount: cny("10.00"), Scope: promo.PerOrder}},
		{ID: "fan", Group: "g", Action: promo.IssueCoupon{MinAmount: cny("50.00"), Template: "t", Qty: 1, Value: cny("6.00")}},
		points100(50, ""),
	})
	assert.Equal(t, promo.Applied, explanation(t, res, "off").Status)
	assert.Equal(t, "CNY 45.00", res.Total.String())
}

func TestDeliveryOptimalWhenFeeFixed(t *testing.T) {
	// With a choice and a schedule without amount tiers, or with tiers
	// but nothing to choose, the choice stays proven.
	c := cart(line("a", 1, "55.00"))
	c.Delivery = &promo.Delivery{DistanceMeters: 100, Fees: promo.DeliveryFees{Base: promo.BaseRunningTotal,
		Bands: []promo.DeliveryBand{{UpToMeters: 1000, Fee: cny("5.00")}}}}
	c.Coupons = []string{"C"}
	choice := []promo.Promotion{{ID: "c", Coupon: "C", Action: promo.AmountOff{Amount: cny("1.00"), Scope: promo.PerOrder}}}
	res := run(t, c, choice)
	assert.True(t, res.Optimal)
	assert.Positive(t, res.Evaluated)
	c.Delivery = store(100)
	c.Delivery.Fees.Base = promo.BaseRunningTotal
	res = run(t, c, []promo.Promotion{{ID: "o", Action: promo.AmountOff{Amount: cny("1.00"), Scope: promo.PerOrder}}})
	assert.True(t, res.Optimal)
	assert.Zero(t, res.Evaluated)
	res = run(t, c, choice)
	assert.False(t, res.Optimal, "tiers on the running total and a choice")
}

func TestPointsOnePoint(t *testing.T) {
	// 1 point = 0.01: 250 points pay 2.50.
	c := cart(line("a", 1, "10.00"))
	c.Points = 250
	res := run(t, c, []promo.Promotion{{ID: "pts", Action: promo.PointsRedemption{Points: 1, Value: cny("0.01")}}})
	assert.Equal(t, "CNY 7.50", res.Total.String())
	assert.Equal(t, int64(250), res.PointsUsed)
}

func TestPointsStepsOfTwoFen(t *testing.T) {
	// 150 points = 1.00: steps of 3 points for 0.02. Three units of 0.03
	// take one step each (0.06, 9 points): the units' room binds, not the
	// goods' 0.09.
	c := cart(line("a", 3, "0.03"))
	c.Points = 1000
	pts := promo.Promotion{ID: "pts", Action: promo.PointsRedemption{Points: 150, Value: cny("1.00")}}
	res := run(t, c, []promo.Promotion{pts})
	assert.Equal(t, int64(9), res.PointsUsed)
	assert.Equal(t, "CNY 0.06", res.PointsDiscount.String())
	// 1.00 with 300 points offered (100 steps, 50 of room) and at most
	// 50%: 25 steps (0.50); the cap held back 25 steps, 0.50.
	c = cart(line("a", 1, "1.00"))
	c.Points = 300
	pts.Action = promo.PointsRedemption{Points: 150, Value: cny("1.00"), MaxPercent: 50}
	res = run(t, c, []promo.Promotion{pts})
	assert.Equal(t, int64(75), res.PointsUsed)
	assert.Equal(t, "CNY 0.50", explanation(t, res, "pts").Capped.String())
}

// Equivalent mutants of the newer forms (gremlins, issue 19), which no test
// can kill because they cannot change behaviour:
//
//   - couponreturn.go, IssueCoupon.compile, `cap: -1` (INVERT_NEGATIVES,
//     ARITHMETIC_BASE): an IssueCoupon's cap is never read (budgetLeft is
//     not called for it).
//   - unitcap.go, limitedUnits, `cap(ps.fx.lineCount) < len(c.unitLine)`
//     (CONDITIONALS_BOUNDARY): `<=` only reallocates the scratch; and
//     `r.amount >= 0`: an amount form's amount is at least 1 and a rate
//     form's -1, so `> 0` decides the same.
//   - presale.go, Presale.compile, `cap: -1` (INVERT_NEGATIVES,
//     ARITHMETIC_BASE): presales take their credit without budgetLeft.
//   - delivery.go, distanceSentinel, and points.go, pointsSentinel, `n < 0`
//     (CONDITIONALS_BOUNDARY): each is called only for a value below 0 or
//     above its limit, never for 0.
//   - eval.go, saving, the 0 of `max(..., 0)` (INVERT_NEGATIVES): -0 is 0.
//   - points.go, PointsRedemption.compile, `v > 0` (CONDITIONALS_BOUNDARY):
//     a zero value is already an error.
//   - points.go, pointsPromo, `len(ps.fx.points) < len(c.e.promos)`
//     (CONDITIONALS_BOUNDARY): `<=` only reallocates the scratch.
//   - points.go, pointsPromo, `offered <= 0` (CONDITIONALS_BOUNDARY): with
//     no points offered the steps are 0 and nothing is spent either way.
//   - points.go, pointsPromo, `steps > 0` (CONDITIONALS_BOUNDARY): a line
//     without room takes no step from the water-filling either way.
//   - points.go, pointsPromo, `left >= 0` (CONDITIONALS_BOUNDARY): a budget
//     with nothing left makes the promotion BudgetExhausted before it runs.
//   - points.go, pointsPromo, `k <= 0` and `lineSteps[j] > 0`, and
//     pointsLine's `s > 0` (CONDITIONALS_BOUNDARY): zero steps, or a unit
//     without room, give nothing through the water-filling either way.
//
// gremlins reports the `case` lines of checkDelivery's band-count switch as
// NOT COVERED (it maps a case expression to no coverage block); both cases
// are tested (TestDeliveryInvalid, TestFormsLimitsBoundaries).
