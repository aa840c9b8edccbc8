package promo_test

import (
	"errors"
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Medusa's application method: allocation "each, across, once: Is the
// discounted amount applied to each item, split between the applicable
// items, or applied on specific number of items?", and max_quantity, the
// most units of an item the value is applied to
// (docs.medusajs.com/resources/commerce-modules/promotion/application-method).
// LimitedUnits.PerLine is "each" with max_quantity, PerCart is "once".

func TestLimitedUnitsPerLine(t *testing.T) {
	// 8折, at most 2 units of each line (Medusa each, max_quantity 2).
	// a: 3 × 100.00: two units 80.00, one 100.00: 40.00 off.
	// b: 1 × 35.50: 7.10 off (28.40).
	// Item discount 47.10; total 335.50 - 47.10 = 288.40.
	c := cart(line("a", 3, "100.00"), line("b", 1, "35.50"))
	res := run(t, c, one("cap", promo.LimitedUnits{Rate: rate("8折"), PerLine: 2}))
	assert.Equal(t, []string{"80.00", "80.00", "100.00"}, unitsPaid(t, res, "a"))
	assert.Equal(t, []string{"28.40"}, unitsPaid(t, res, "b"))
	assert.Equal(t, "CNY 47.10", res.ItemDiscount.String())
	assert.Equal(t, "CNY 288.40", res.Total.String())
	ex := explanation(t, res, "cap")
	assert.Equal(t, promo.Applied, ex.Status)
	assert.Equal(t, "cap: applied, 47.10 off on lines a, b", ex.String())
}

func TestLimitedUnitsPerCartCheapestFirst(t *testing.T) {
	// 10.00 off at most 3 units of the cart, cheapest first (Medusa once).
	// Units: a 2 × 50.00, b 2 × 8.00, c 1 × 30.00. Cheapest: b, b (8.00
	// each, so 8.00 off each: never below zero), then c (30.00 → 20.00).
	// 8 + 8 + 10 = 26.00 off; a untouched.
	c := cart(line("a", 2, "50.00"), line("b", 2, "8.00"), line("c", 1, "30.00"))
	res := run(t, c, one("once", promo.LimitedUnits{Amount: cny("10.00"), PerCart: 3}))
	assert.Equal(t, []string{"50.00", "50.00"}, unitsPaid(t, res, "a"))
	assert.Equal(t, []string{"0.00", "0.00"}, unitsPaid(t, res, "b"))
	assert.Equal(t, []string{"20.00"}, unitsPaid(t, res, "c"))
	assert.Equal(t, "CNY 26.00", res.ItemDiscount.String())
}

func TestLimitedUnitsPerCartDearestFirst(t *testing.T) {
	// 5折 on at most 3 units, dearest first, at most 1 of each line:
	// a 2 × 50.00 gives one unit (25.00 off), c 30.00 (15.00 off), then b
	// 8.00 (4.00 off): 44.00 off; the second unit of a is capped by PerLine.
	c := cart(line("a", 2, "50.00"), line("b", 2, "8.00"), line("c", 1, "30.00"))
	res := run(t, c, one("dear", promo.LimitedUnits{Rate: rate("5折"), PerCart: 3, PerLine: 1, Pick: promo.DearestFirst}))
	assert.Equal(t, []string{"25.00", "50.00"}, unitsPaid(t, res, "a"))
	assert.Equal(t, []string{"4.00", "8.00"}, unitsPaid(t, res, "b"))
	assert.Equal(t, []string{"15.00"}, unitsPaid(t, res, "c"))
	assert.Equal(t, "CNY 44.00", res.ItemDiscount.String())
	// Without PerLine the two units of a come first: 25 + 25 + 15 = 65.00.
	res = run(t, c, one("dear", promo.LimitedUnits{Rate: rate("5折"), PerCart: 3, Pick: promo.DearestFirst}))
	assert.Equal(t, "CNY 65.00", res.ItemDiscount.String())
}

func TestLimitedUnitsLeavesOtherUnitsFree(t *testing.T) {
	// The cap claims only the units it discounts: a 9折 on every unit
	// takes the rest. a: 3 × 100.00; "cap" 5折 on 1 unit (50.00 off),
	// "all" 9折 on the other two (10.00 off each). Both apply (the cap is
	// an item group promotion, so the two are a choice; together they save
	// 70.00, more than 9折 alone, 30.00, or the cap alone, 50.00).
	c := cart(line("a", 3, "100.00"))
	res := run(t, c, []promo.Promotion{
		{ID: "cap", Action: promo.LimitedUnits{Rate: rate("5折"), PerCart: 1}},
		{ID: "all", Action: promo.PercentOff{Rate: rate("9折")}},
	})
	assert.Equal(t, "CNY 70.00", res.ItemDiscount.String())
	assert.Equal(t, []string{"50.00", "90.00", "90.00"}, unitsPaid(t, res, "a"))
}

func TestLimitedUnitsRefund(t *testing.T) {
	// 5折 on 1 unit of a 2 × 100.00 line: units pay 50.00 and 100.00.
	// Returning one unit returns the lowest-paid first (Engine.Refund):
	// 50.00 back, the kept unit paid 100.00, no clawback.
	c := cart(line("a", 2, "100.00"))
	promos := one("cap", promo.LimitedUnits{Rate: rate("5折"), PerLine: 1})
	e, err := promo.NewEngine(c.Currency, promos)
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	q, err := e.Refund(c, res, map[string]int64{"a": 1}, promo.RefundPolicy{Clawback: true})
	require.NoError(t, err)
	assert.Equal(t, "CNY 50.00", q.Refund.String())
	assert.Equal(t, "CNY 0.00", q.ClawbackTotal.String())
}

func TestLimitedUnitsInvalid(t *testing.T) {
	for name, a := range map[string]promo.LimitedUnits{
		"no cap":      {Rate: rate("8折")},
		"both":        {Rate: rate("8折"), Amount: cny("1.00"), PerLine: 1},
		"neither":     {PerLine: 1},
		"zero amount": {Amount: cny("0.00"), PerLine: 1},
		"negative":    {Rate: rate("8折"), PerLine: -1},
		"pick":        {Rate: rate("8折"), PerLine: 1, Pick: 2},
	} {
		_, err := promo.NewEngine(cny("1").Currency(), one("x", a))
		var fe *promo.FieldError
		assert.True(t, errors.As(err, &fe), name)
		assert.ErrorIs(t, err, promo.ErrInvalidAction, name)
	}
	_, err := promo.NewEngine(cny("1").Currency(), one("x", promo.LimitedUnits{Rate: rate("8折"), PerCart: promo.MaxUnits + 1}))
	assert.ErrorIs(t, err, promo.ErrTooLarge)
}

func TestUnitPickText(t *testing.T) {
	for _, p := range []promo.UnitPick{promo.CheapestFirst, promo.DearestFirst} {
		b, err := p.MarshalText()
		require.NoError(t, err)
		var back promo.UnitPick
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, p, back)
	}
	b, _ := promo.DearestFirst.MarshalText()
	assert.Equal(t, "dearest_first", string(b))
	_, err := promo.UnitPick(2).MarshalText()
	assert.ErrorIs(t, err, promo.ErrUnknownName)
	var p promo.UnitPick
	assert.ErrorIs(t, p.UnmarshalText([]byte("cheapest")), promo.ErrUnknownName)
}
