package promo_test

import (
	"testing"

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
