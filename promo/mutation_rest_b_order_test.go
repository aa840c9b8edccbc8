package promo_test

// Tests that kill mutants of order.go (issue 19, the gremlins run over the
// rest of package promo); the equivalent ones are listed in
// mutation_rest_b_test.go.

import (
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
)

// order.go spreadOrder and spreadLine: a line under a floor spreads its
// share of an order discount over its units by water-filling past their
// floors, even when the line alone takes the discount. Under the P-01
// floor (7折 of list) every unit listed at 100.00 keeps 70.00. 25.00 off
// one unit of line a (LimitedUnits) leaves units of 75.00 and 100.00,
// with 5.00 and 30.00 of room. Hand arithmetic:
//
//   - a alone, 30.00 off the order: by price the 75.00 unit would take
//     12.86, past its room: it takes 5.00 and the other 25.00, paying
//     70.00 and 75.00.
//   - a and b (one unit of 100.00, room 30.00): 30.00 splits by the line
//     totals 175:100, 19.09 and 10.91 (largest remainder); a's 19.09 would
//     give the 75.00 unit 8.18, past its room: 5.00 and 14.09, paying
//     70.00 and 85.91; b pays 89.09.
func TestOrderShareFilledPastUnitFloors(t *testing.T) {
	listed := func(id string, qty int64) promo.Line {
		l := line(id, qty, "100.00")
		l.ListPrice = cny("100.00")
		return l
	}
	ps := []promo.Promotion{
		{ID: "lim", Target: promo.Selector{SKUs: []string{"a"}}, Action: promo.LimitedUnits{Amount: cny("25.00"), PerCart: 1}},
		{ID: "off", Action: promo.AmountOff{Amount: cny("30.00"), Scope: promo.PerOrder}},
	}
	res := run(t, cart(listed("a", 2)), ps, p01Floor(t))
	assert.Equal(t, "CNY 145.00", res.Total.String())
	assert.Equal(t, []string{"70.00", "75.00"}, unitsPaid(t, res, "a"))

	res = run(t, cart(listed("a", 2), listed("b", 1)), ps, p01Floor(t))
	assert.Equal(t, "CNY 245.00", res.Total.String())
	assert.Equal(t, []string{"70.00", "85.91"}, unitsPaid(t, res, "a"))
	assert.Equal(t, []string{"89.09"}, unitsPaid(t, res, "b"))
}

// order.go fill: the parts are walked in the order of the level at which
// each fills up, so a full part in the middle of the lines still gives
// the others an even level. Under the P-01 floor, lines a and c (100.00,
// listed at 100.00) have 30.00 of room each, b (80.00, listed at 100.00)
// 10.00. 40.00 off the order: the level 40/280 is above b's 10/80, so b
// is full at 10.00 and a and c share the other 30.00 by their totals,
// 15.00 each (hand arithmetic): a and c pay 85.00, b 70.00.
func TestOrderFillFullPartInTheMiddle(t *testing.T) {
	listed := func(id, price string) promo.Line {
		l := line(id, 1, price)
		l.ListPrice = cny("100.00")
		return l
	}
	res := run(t, cart(listed("a", "100.00"), listed("b", "80.00"), listed("c", "100.00")),
		one("off", promo.AmountOff{Amount: cny("40.00"), Scope: promo.PerOrder}), p01Floor(t))
	assert.Equal(t, "CNY 240.00", res.Total.String())
	assert.Equal(t, []string{"85.00"}, unitsPaid(t, res, "a"))
	assert.Equal(t, []string{"70.00"}, unitsPaid(t, res, "b"))
	assert.Equal(t, []string{"85.00"}, unitsPaid(t, res, "c"))
}
