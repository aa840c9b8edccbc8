package promo_test

import (
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
)

// A capped reward is spread over the rewarded units in line order
// (item.go spreadUnits sorts the units before spreading). 第2件半价 on 2 ×
// 10.00 (line a) and 2 × 30.00 (line b): the dearer pair comes first, so
// the rewarded units arrive as (b's second, a's second), 15.00 and 5.00
// off, 20.00 in all. A budget of 1.02 leaves 1.02 to share 3:1: 0.765 and
// 0.255, floors 0.76 + 0.25 = 1.01; the last cent goes to the earlier
// part on a tie of remainders (pricing.AllocateMinor), which in line
// order is line a: a's second unit pays 9.74, b's 29.24 (hand arithmetic).
func TestMutationRestCappedNthSpreadInLineOrder(t *testing.T) {
	ps := []promo.Promotion{{ID: "nth", Limits: promo.Limits{Budget: cny("1.02")}, Action: promo.NthItem{N: 2, Rate: rate("5折")}}}
	res := run(t, cart(line("a", 2, "10.00"), line("b", 2, "30.00")), ps)
	assert.Equal(t, "CNY 78.98", res.Total.String())
	assert.Equal(t, []string{"10.00", "9.74"}, unitsPaid(t, res, "a"))
	assert.Equal(t, []string{"30.00", "29.24"}, unitsPaid(t, res, "b"))
	assert.Equal(t, "CNY 1.02", explanation(t, res, "nth").Amount.String())
}

// 买2送1 claims its paying units too (item.go buyGet: best·BuyQty payers),
// so a per-unit 9折 on the same SKU, not stackable, finds no unit left.
// 3 × 10.00: the 买2送1 gives one unit free (10.00 off, 20.00 to pay);
// 9折 alone saves 3.00, less; together the 9折 finds every unit taken
// (hand arithmetic). With BuyQty 2 the payers are two units, not one.
func TestMutationRestBuyTwoClaimsPayers(t *testing.T) {
	ps := []promo.Promotion{
		{ID: "b2g1", Action: promo.BuyXGetY{BuyQty: 2, GetQty: 1, Free: true}},
		{ID: "nine", Action: promo.PercentOff{Rate: rate("9折")}},
	}
	res := run(t, cart(line("a", 3, "10.00")), ps)
	assert.Equal(t, "CNY 20.00", res.Total.String())
	assert.Equal(t, []string{"b2g1"}, applied(res))
	assert.Equal(t, []string{"10.00", "10.00", "0.00"}, unitsPaid(t, res, "a"))
}
