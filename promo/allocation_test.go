package promo_test

import (
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
)

// adjustment returns promotion id's discount on line li of res.
func adjustment(res promo.Result, li int, id string) string {
	for _, a := range res.Lines[li].Adjustments {
		if a.PromotionID == id {
			return a.Amount.StringAmount()
		}
	}
	return "0.00"
}

// An order discount goes to lines in proportion to their current totals,
// then to each line's units (promo/doc.go, "Money"). One fen over a line of
// two 1.00 units and a line of one 2.00 unit: the lines weigh 2.00 each, the
// remainders tie, and the earlier line gets the fen. (Spread over units
// directly, the 2.00 unit's larger remainder would have taken it.)
func TestOrderDiscountByLineTotals(t *testing.T) {
	c := cart(line("a", 2, "1.00"), line("b", 1, "2.00"))
	res := run(t, c, one("fen", promo.AmountOff{Amount: cny("0.01"), Scope: promo.PerOrder}))
	assert.Equal(t, "0.01", adjustment(res, 0, "fen"))
	assert.Equal(t, "0.00", adjustment(res, 1, "fen"))

	// 10.00 over lines of 30.00, 20.00 and 50.00: 3.00, 2.00 and 5.00.
	c = cart(line("a", 3, "10.00"), line("b", 2, "10.00"), line("c", 1, "50.00"))
	res = run(t, c, one("ten", promo.AmountOff{Amount: cny("10.00"), Scope: promo.PerOrder}))
	assert.Equal(t, []string{"3.00", "2.00", "5.00"},
		[]string{adjustment(res, 0, "ten"), adjustment(res, 1, "ten"), adjustment(res, 2, "ten")})
	// Within line a, three equal units share 3.00 evenly.
	for _, u := range res.Lines[0].Adjustments[0].PerUnit {
		assert.Equal(t, "CNY 1.00", u.String())
	}
}

// A line weighs its whole current total, including units at their floor;
// within the line the share goes to the units that still have room. P-01's
// 7折 floor: line r is 10.00 + 5.00 (a half-price unit below the floor,
// exempt campaign), line m is 15.00. 3.00 off the order: the lines weigh
// 15.00 each, 1.50 each; in line r only the 10.00 unit has room (3.00), so
// it takes the 1.50.
func TestOrderDiscountLineWeightIncludesFlooredUnits(t *testing.T) {
	c := cart(line("r", 2, "10.00"), line("m", 1, "15.00"))
	c.Lines[0].Tags = []string{"rice"}
	promos := []promo.Promotion{
		{ID: "half", Campaign: "双11", Target: promo.Selector{Tags: []string{"rice"}}, Action: promo.NthItem{N: 2, Rate: rate("5折")}},
		{ID: "three", Action: promo.AmountOff{Amount: cny("3.00"), Scope: promo.PerOrder}},
	}
	res := run(t, c, promos, p01Floor(t))
	assert.Equal(t, "1.50", adjustment(res, 0, "three"))
	assert.Equal(t, "1.50", adjustment(res, 1, "three"))
	var perUnit []string
	for _, a := range res.Lines[0].Adjustments {
		if a.PromotionID == "three" {
			for _, u := range a.PerUnit {
				perUnit = append(perUnit, u.StringAmount())
			}
		}
	}
	assert.Equal(t, []string{"1.50", "0.00"}, perUnit, "the floored half-price unit takes nothing")
	assert.Equal(t, "CNY 27.00", res.Total.String(), "35.00 - 5.00 - 3.00")

	// Water-filling: 12.00 off. Line r has room 3.00 (10.00 - 7.00), line m
	// 4.50: shares 6.00 / 6.00 exceed both, so both give their room and
	// 4.50 is trimmed.
	promos[1].Action = promo.AmountOff{Amount: cny("12.00"), Scope: promo.PerOrder}
	res = run(t, c, promos, p01Floor(t))
	assert.Equal(t, "3.00", adjustment(res, 0, "three"))
	assert.Equal(t, "4.50", adjustment(res, 1, "three"))
	assert.Equal(t, "CNY 4.50", explanation(t, res, "three").Trimmed.String())
}
