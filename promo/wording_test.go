package promo_test

import (
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
)

// The quantity forms against their platform wording (the package doc's
// "The quantity forms read as the platforms word them").

func TestWordingManJianZhe(t *testing.T) {
	// 满2件8折 (also written 2件8折): from the second targeted unit on,
	// every targeted unit at 8折, once, not per pair. 3 units of 50.00:
	// 150.00 × 20% = 30.00 off (not 20.00, as a repeating pair would
	// give); 1 unit: nothing, 1 item missing.
	a := promo.Threshold{Basis: promo.ByQuantity, Tiers: []promo.Tier{{MinQty: 2, Rate: rate("8折")}}}
	res := run(t, cart(line("a", 3, "50.00")), one("m2", a))
	assert.Equal(t, "CNY 30.00", res.OrderDiscount.String())
	res = run(t, cart(line("a", 1, "50.00")), one("m2", a))
	ex := explanation(t, res, "m2")
	assert.Equal(t, int64(1), ex.MissingQty)
	assert.Equal(t, "m2: not applicable: below threshold: add 1 more item to reach the next tier", ex.String())
}

func TestWordingRenXuan(t *testing.T) {
	// 任选3件99元: units of 50, 40, 30, 20: the dearest three (120.00)
	// for 99.00, 21.00 off; the 20.00 unit at its price. Total 119.00.
	// Seven units: two groups of the six dearest, the seventh at its
	// price, at most MaxTimes groups.
	c := cart(line("a", 1, "50.00"), line("b", 1, "40.00"), line("c", 1, "30.00"), line("d", 1, "20.00"))
	res := run(t, c, one("r3", promo.BundlePrice{Qty: 3, Price: cny("99.00")}))
	assert.Equal(t, "CNY 119.00", res.Total.String())
	assert.Equal(t, "20.00", lineResult(t, res, "d").After.StringAmount())
	// Three units of 30.00 (90.00) would not save: no group is formed.
	res = run(t, cart(line("a", 3, "30.00")), one("r3", promo.BundlePrice{Qty: 3, Price: cny("99.00")}))
	assert.Equal(t, "CNY 90.00", res.Total.String())
	// 7 units of 40.00, at most 1 time: one group (120 → 99), 4 × 40 = 160: 259.00.
	res = run(t, cart(line("a", 7, "40.00")), one("r3", promo.BundlePrice{Qty: 3, Price: cny("99.00"), MaxTimes: 1}))
	assert.Equal(t, "CNY 259.00", res.Total.String())
}
