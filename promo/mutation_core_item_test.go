package promo_test

// Tests that kill the core engine's mutants (issue 19), split from
// mutation_core_test.go (which keeps the list of equivalent survivors):
// item.go: the item layer (任选, 套餐, 会员价, per-unit ties, 买X送Y).

import (
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// item.go groupPrice: a 任选 group that would cost exactly its price saves
// nothing and is not formed, so its units stay free for other promotions.
// 任选2件20元 on two 10.00 units saves 0.00 (20.00 = 20.00); 9折 on the
// same units saves 2.00. The search keeps 9折, and the bundle, saving
// nothing alone, stays on beside it (choice.go: so that its explanation
// says why), applied first by priority: it must not take the units.
// Total 18.00 (hand arithmetic).
func TestBundleAtItsPriceFormsNoGroup(t *testing.T) {
	ps := []promo.Promotion{
		{ID: "bundle", Priority: 2, Action: promo.BundlePrice{Qty: 2, Price: cny("20.00")}},
		{ID: "ten", Priority: 1, Action: promo.PercentOff{Rate: rate("9折")}},
	}
	res := run(t, cart(line("a", 2, "10.00")), ps)
	assert.Equal(t, "CNY 18.00", res.Total.String())
	assert.Equal(t, "CNY 2.00", explanation(t, res, "ten").Amount.String())
}

// item.go combo: MaxTimes bounds the combos formed. 2 × A (60.00) and 2 ×
// B (40.00) make two 套餐 of 100.00 for 80.00; with MaxTimes 1 only one is
// formed: 20.00 off, Total 180.00 (hand arithmetic, as TestCombo).
func TestComboMaxTimesOne(t *testing.T) {
	p := comboAB()
	p[0].Action = promo.Combo{Price: cny("80.00"), MaxTimes: 1, Parts: p[0].Action.(promo.Combo).Parts}
	res := run(t, cart(line("a", 2, "60.00"), line("b", 2, "40.00")), p)
	assert.Equal(t, "CNY 180.00", res.Total.String())
}

// item.go unitExact: a member price of 0.00 (会员价 0, a free item for the
// tier) is a price, not "unset, use the rate": a gold member pays 0.00
// for a 25.00 unit.
func TestMemberPriceZero(t *testing.T) {
	c := cart(line("a", 1, "25.00"))
	c.Customer.Tier = "gold"
	res := run(t, c, one("vip", promo.MemberPrice{Tiers: []promo.MemberTier{{Tier: "gold", Price: cny("0.00")}}}))
	assert.Equal(t, "CNY 0.00", res.Total.String())
}

// item.go perUnit: each unit takes its best per-unit promotion; on a tie
// the fewer promotions, then the first in application order (the package
// doc's tie-break). Hand arithmetic on one 100.00 unit:
//   - 9折 "hi" (priority 2) and 9折 "lo" (priority 1) tie at 10.00: "hi".
//   - 10.00 off "single" ties with the stackable chain 5.00 off + 5.00
//     off (10.00 in all): "single", one promotion.
func TestPerUnitTies(t *testing.T) {
	amount := func(yuan string) promo.Action { return promo.AmountOff{Amount: cny(yuan)} }
	tests := []struct {
		name    string
		give    []promo.Promotion
		applied string
	}{
		{"equal rates", []promo.Promotion{
			{ID: "hi", Priority: 2, Action: promo.PercentOff{Rate: rate("9折")}},
			{ID: "lo", Priority: 1, Action: promo.PercentOff{Rate: rate("9折")}},
		}, "hi"},
		{"a single against a chain", []promo.Promotion{
			{ID: "s1", Priority: 3, Stackable: true, Action: amount("5.00")},
			{ID: "s2", Priority: 2, Stackable: true, Action: amount("5.00")},
			{ID: "single", Priority: 1, Action: amount("10.00")},
		}, "single"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(t, cart(line("a", 1, "100.00")), tt.give)
			assert.Equal(t, "CNY 90.00", res.Total.String())
			adj := lineResult(t, res, "a").Adjustments
			require.Len(t, adj, 1)
			assert.Equal(t, tt.applied, adj[0].PromotionID)
		})
	}
}

// item.go buyGet: a unit cannot be both the one bought and the one given.
// 买1送1 with the get set inside the buy set (buy a or b, get b): one b
// alone is bought, nothing is given, 10.00 to pay; with a second b, one
// is free (hand count).
func TestBuyGetOverlapNeedsTwoUnits(t *testing.T) {
	get := promo.Selector{SKUs: []string{"b"}}
	ps := []promo.Promotion{{ID: "b1g1", Target: promo.Selector{SKUs: []string{"a", "b"}},
		Action: promo.BuyXGetY{BuyQty: 1, Get: &get, GetQty: 1, Free: true}}}
	res := run(t, cart(line("b", 1, "10.00")), ps)
	assert.Equal(t, "CNY 10.00", res.Total.String())
	res = run(t, cart(line("b", 2, "10.00")), ps)
	assert.Equal(t, "CNY 10.00", res.Total.String())
}
