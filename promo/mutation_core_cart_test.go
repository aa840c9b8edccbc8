package promo_test

// Tests that kill the core engine's mutants (issue 19), split from
// mutation_core_test.go (which keeps the list of equivalent survivors):
// cart.go and engine.go: the limits of a cart and an engine, and what a cart's fields mean.

import (
	"strconv"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every limit of a promotion amount and of a cart is inclusive: a value at
// the limit is accepted, one past it is a *FieldError (cart.go's doc:
// "at most MaxLines lines", "at most MaxLabels", ...; action.go minorOf
// "at most MaxMinorUnits minor units").
func TestLimitsInclusive(t *testing.T) {
	// 10^13 分 (MaxMinorUnits) is 100,000,000,000.00 yuan.
	const maxYuan, pastYuan = "100000000000.00", "100000000000.01"

	t.Run("action amount", func(t *testing.T) {
		_, err := promo.NewEngine(pricing.CNY, one("a", promo.AmountOff{Amount: cny(maxYuan), Scope: promo.PerOrder}))
		require.NoError(t, err, "exactly MaxMinorUnits")
		_, err = promo.NewEngine(pricing.CNY, one("a", promo.AmountOff{Amount: cny(pastYuan), Scope: promo.PerOrder}))
		require.ErrorIs(t, err, promo.ErrInvalidAction)
	})

	labels := func(n int) []string {
		s := make([]string, n)
		for i := range s {
			s[i] = "t" + strconv.Itoa(i)
		}
		return s
	}
	atLimit := []struct {
		name string
		give func(*promo.Cart)
	}{
		{"MaxLabels customer tags", func(c *promo.Cart) { c.Customer.Tags = labels(promo.MaxLabels) }},
		{"MaxSelectorList out-of-stock SKUs", func(c *promo.Cart) { c.OutOfStock = labels(promo.MaxSelectorList) }},
		{"MaxLabels line categories", func(c *promo.Cart) { c.Lines[0].Categories = labels(promo.MaxLabels) }},
		{"MaxLabels line tags", func(c *promo.Cart) { c.Lines[0].Tags = labels(promo.MaxLabels) }},
		{"MaxCoupons codes", func(c *promo.Cart) { c.Coupons = labels(promo.MaxCoupons) }},
		{"a code of MaxCouponLen bytes", func(c *promo.Cart) { c.Coupons = []string{string(make([]byte, promo.MaxCouponLen))} }},
		{"MaxUnits units in one line", func(c *promo.Cart) { c.Lines = []promo.Line{line("a", promo.MaxUnits, "0.01")} }},
		{"a unit price of MaxMinorUnits", func(c *promo.Cart) { c.Lines = []promo.Line{line("a", 1, maxYuan)} }},
		{"a subtotal of MaxMinorUnits over two lines", func(c *promo.Cart) {
			c.Lines = []promo.Line{line("a", 1, "99999999999.99"), line("b", 1, "0.01")}
		}},
		{"a list price and cost of MaxMinorUnits", func(c *promo.Cart) { c.Lines[0].ListPrice, c.Lines[0].Cost = cny(maxYuan), cny(maxYuan) }},
		{"shipping of MaxMinorUnits", func(c *promo.Cart) { c.Shipping = cny(maxYuan) }},
		{"MaxRedemptions uses", func(c *promo.Cart) {
			c.Usage = map[string]promo.Usage{"p": {Total: promo.MaxRedemptions, ByCustomer: promo.MaxRedemptions}}
		}},
		{"MaxPoints points", func(c *promo.Cart) { c.Points = promo.MaxPoints }},
	}
	for _, tt := range atLimit {
		t.Run(tt.name, func(t *testing.T) {
			c := cart(line("a", 1, "1.00"))
			tt.give(&c)
			assert.NoError(t, c.Validate())
		})
	}

	pastLimit := []struct {
		name, field string
		give        func(*promo.Cart)
		want        error
	}{
		{"a subtotal one 分 past MaxMinorUnits", "lines[1].unit_price", func(c *promo.Cart) {
			c.Lines = []promo.Line{line("a", 1, "99999999999.99"), line("b", 1, "0.02")}
		}, promo.ErrTooLarge},
		{"a list price one 分 past MaxMinorUnits", "lines[0].list_price", func(c *promo.Cart) { c.Lines[0].ListPrice = cny(pastYuan) }, promo.ErrTooLarge},
		{"shipping one 分 past MaxMinorUnits", "shipping", func(c *promo.Cart) { c.Shipping = cny(pastYuan) }, promo.ErrTooLarge},
		{"uses past MaxRedemptions", `usage["p"].by_customer`, func(c *promo.Cart) {
			c.Usage = map[string]promo.Usage{"p": {ByCustomer: promo.MaxRedemptions + 1}}
		}, promo.ErrTooLarge},
		{"points past MaxPoints", "points", func(c *promo.Cart) { c.Points = promo.MaxPoints + 1 }, promo.ErrTooLarge},
		// The error names the list that is too long, not the other one
		// at its limit.
		{"categories past MaxLabels, tags at it", "lines[0].categories", func(c *promo.Cart) {
			c.Lines[0].Categories, c.Lines[0].Tags = labels(promo.MaxLabels+1), labels(promo.MaxLabels)
		}, promo.ErrTooLarge},
		{"tags past MaxLabels", "lines[0].tags", func(c *promo.Cart) { c.Lines[0].Tags = labels(promo.MaxLabels + 1) }, promo.ErrTooLarge},
		{"negative points", "points", func(c *promo.Cart) { c.Points = -1 }, promo.ErrInvalidCart},
		// Of two bad usage entries, the smaller promotion ID is reported,
		// whatever the map's order.
		{"two bad usage entries", `usage["a"].total`, func(c *promo.Cart) {
			c.Usage = map[string]promo.Usage{"b": {Total: -1}, "a": {Total: -1}, "c": {Total: -1}}
		}, promo.ErrInvalidCart},
	}
	for _, tt := range pastLimit {
		t.Run(tt.name, func(t *testing.T) {
			c := cart(line("a", 1, "1.00"))
			tt.give(&c)
			for range 5 { // map order varies between runs
				requireField(t, c.Validate(), "validate cart", tt.field, tt.want)
			}
		})
	}

	// MaxLines lines pass the count check; the first (zero) line is then
	// the error. Checking the lines themselves keeps this test cheap.
	c := cart()
	c.Lines = make([]promo.Line, promo.MaxLines)
	requireField(t, c.Validate(), "validate cart", "lines[0].id", promo.ErrInvalidCart)
	c.Lines = make([]promo.Line, promo.MaxLines+1)
	requireField(t, c.Validate(), "validate cart", "lines", promo.ErrTooLarge)
}

// cart.go prepare and eval.go: an unknown cost is not a cost of 0.01. Under
// seed-rules P-08's margin floor (0.5: at least twice the cost), 10.00 off
// each unit takes line "a" (cost unknown) to 0.00, and line "b" (cost
// 0.01, the same list price right after it) only to 0.02, its floor
// (2 × 0.01): 9.98 off, 0.02 trimmed, 0.02 to pay (hand arithmetic).
func TestUnknownCostFloor(t *testing.T) {
	f, err := pricing.NewFloorPolicy(pricing.MinMargin(decimal.RequireFromString("0.5")))
	require.NoError(t, err)
	b := line("b", 1, "10.00")
	b.Cost = cny("0.01")
	res := run(t, cart(line("a", 1, "10.00"), b), one("p", promo.AmountOff{Amount: cny("10.00")}), promo.WithFloor(f))
	assert.Equal(t, "CNY 0.00", lineResult(t, res, "a").After.String())
	assert.Equal(t, "CNY 0.02", lineResult(t, res, "b").After.String())
	assert.Equal(t, "CNY 0.02", explanation(t, res, "p").Trimmed.String())
}

// engine.go and eval.go: the engine's limits are inclusive too. MaxPromotions
// promotions pass the count check (the first, without an ID, is then the
// error), and a cart of exactly MaxUnits units is laid
// out and evaluated: 100,000 units of 0.01 at 9折 is 1,000.00 less 10%,
// 900.00 (hand arithmetic).
func TestEngineLimitsInclusive(t *testing.T) {
	ps := make([]promo.Promotion, promo.MaxPromotions+1)
	for i := range ps {
		ps[i] = promo.Promotion{ID: strconv.Itoa(i), Action: promo.AmountOff{Amount: cny("1.00")}}
	}
	ps[0].ID = ""
	_, err := promo.NewEngine(pricing.CNY, ps[:promo.MaxPromotions])
	requireField(t, err, "new engine", "promotions[0].id", promo.ErrInvalidPromotion)
	_, err = promo.NewEngine(pricing.CNY, ps)
	requireField(t, err, "new engine", "promotions", promo.ErrTooLarge)

	res := evaluate(t, cart(line("a", promo.MaxUnits, "0.01")), []promo.Promotion{ninety("p")})
	assert.Equal(t, "CNY 900.00", res.Total.String())
}

// engine.go getCtx and putCtx: the zero Engine (no scratch pool) answers
// with an error, never a panic: its currency is unknown, and so is the
// zero cart's.
func TestZeroEngineEvaluate(t *testing.T) {
	var e promo.Engine
	_, err := e.Evaluate(promo.Cart{})
	assert.ErrorIs(t, err, promo.ErrInvalidCart)
}
