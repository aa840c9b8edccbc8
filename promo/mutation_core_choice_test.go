package promo_test

// Tests that kill the core engine's mutants (issue 19), split from
// mutation_core_test.go (which keeps the list of equivalent survivors):
// choice.go and work.go: the search over combinations, its bounds, ties and budget.

import (
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// choice.go: the search's bounds must never prune the best combination.
//
// Three coupons off the whole order (the sharper bound applies): A 10.00
// off, applied first (priority 3); B 25.00 off, exclusive; C 20.00 off.
// B alone saves 25.00, A with C 30.00 (hand arithmetic), so 200.00 pays
// 170.00. The search tries B first (the largest alone) and must still
// reach A with C: the bound of the points after B includes A, the first
// order-layer promotion (sharpRest's loop runs down to it).
func TestChoiceSharpBoundFirstOrderPromotion(t *testing.T) {
	off := func(yuan string) promo.Action { return promo.AmountOff{Amount: cny(yuan), Scope: promo.PerOrder} }
	ps := []promo.Promotion{
		{ID: "A", Coupon: "A", Priority: 3, Action: off("10.00")},
		{ID: "B", Coupon: "B", Priority: 2, Exclusive: true, Action: off("25.00")},
		{ID: "C", Coupon: "C", Priority: 1, Action: off("20.00")},
	}
	c := cart(line("a", 1, "200.00"))
	c.Coupons = []string{"A", "B", "C"}
	res := run(t, c, ps)
	assert.Equal(t, "CNY 170.00", res.Total.String())
	assert.True(t, res.Optimal)
	// The nodes by hand: the points by best are B, C, A. The empty
	// combination; {B} (25.00; C and A do not fit beside it); {C} (its
	// bound 20 + 10 reaches 25); {C, A} (30.00); then A alone is pruned
	// (0 + 10 < 30): 4 combinations evaluated.
	assert.Equal(t, int64(4), res.Evaluated)
}

// choice.go used: a gift counts as a promotion used, even its first option
// (index 0). In exclusion group "g", 10.00 off the order and a gift worth
// 10.00 save the same and use one promotion each, so the higher priority
// wins (the package doc's tie-break: larger saving, then fewer promotions,
// then higher priority, then smaller ID): 100.00 pays 90.00, no gift.
func TestChoiceGiftCountsAsUsed(t *testing.T) {
	ps := []promo.Promotion{
		{ID: "off", Group: "g", Priority: 2, Action: promo.AmountOff{Amount: cny("10.00"), Scope: promo.PerOrder}},
		{ID: "cup", Group: "g", Priority: 1, Action: promo.Gift{MinAmount: cny("50.00"), Options: []promo.GiftOption{{SKU: "cup", Qty: 1, Value: cny("10.00")}}}},
	}
	res := run(t, cart(line("a", 1, "100.00")), ps)
	assert.Equal(t, "CNY 90.00", res.Total.String())
	assert.Empty(t, res.Gifts)
	assert.Equal(t, promo.Applied, explanation(t, res, "off").Status)
}

// choice.go used: a promotion that is on but gives nothing is not "used"
// in the tie-break. The same 100.00-off coupon entered as C1 and C2 on a
// 100.00 cart is one run; the search tries both copies first (the package
// doc: k from the run's length down to 0). Both copies and C1 alone save
// 100.00 and use one promotion (C2 finds nothing left), a full tie, so
// the first found is kept: C2 is in the combination with 0.00 and is
// explained as saving alone but beaten; only C1 is redeemed.
func TestChoiceZeroGiverNotUsed(t *testing.T) {
	off := promo.AmountOff{Amount: cny("100.00"), Scope: promo.PerOrder}
	ps := []promo.Promotion{{ID: "c1", Coupon: "C1", Action: off}, {ID: "c2", Coupon: "C2", Action: off}}
	c := cart(line("a", 1, "100.00"))
	c.Coupons = []string{"C1", "C2"}
	res := run(t, c, ps)
	assert.Equal(t, "CNY 0.00", res.Total.String())
	require.Len(t, res.Redemptions, 1)
	assert.Equal(t, "c1", res.Redemptions[0].PromotionID)
	ex := explanation(t, res, "c2")
	assert.Equal(t, promo.BetterAlternative, ex.Reason)
	assert.Equal(t, "CNY 0.00", ex.Amount.String(), "on, giving nothing")
}

// choice.go classify: candidates that conflict with nothing are always on,
// without a search (the package doc: Evaluated is the number of
// combinations tried). An exclusive 9折 on line "a" and 10.00 off line
// "b" share no line: both apply, nothing is searched. Hand arithmetic:
// 100.00 - 10.00 + 50.00 - 10.00 = 130.00.
func TestExclusiveAloneIsNoChoice(t *testing.T) {
	ps := []promo.Promotion{
		{ID: "excl", Exclusive: true, Target: promo.Selector{SKUs: []string{"a"}}, Action: promo.PercentOff{Rate: rate("9折")}},
		{ID: "ten", Target: promo.Selector{SKUs: []string{"b"}}, Action: promo.AmountOff{Amount: cny("10.00")}},
	}
	res := run(t, cart(line("a", 1, "100.00"), line("b", 1, "50.00")), ps)
	assert.Equal(t, "CNY 130.00", res.Total.String())
	assert.Equal(t, int64(0), res.Evaluated)
	assert.True(t, res.Optimal)
}

// choice.go choose: of an exclusion group's members that save nothing
// alone, only the first is kept on (a group has at most one member on);
// the others are explained as excluded by it. One unit: 第2件 and 第3件
// both need more units (hand count: 1 and 2 more).
func TestGroupKeepsOneZeroSaverOn(t *testing.T) {
	ps := []promo.Promotion{
		{ID: "n2", Group: "g", Priority: 2, Action: promo.NthItem{N: 2, Rate: rate("5折")}},
		{ID: "n3", Group: "g", Priority: 1, Action: promo.NthItem{N: 3, Rate: rate("5折")}},
	}
	res := run(t, cart(line("a", 1, "100.00")), ps)
	assert.Equal(t, "CNY 100.00", res.Total.String())
	n2 := explanation(t, res, "n2")
	assert.Equal(t, promo.NoQualifyingUnits, n2.Reason)
	assert.Equal(t, int64(1), n2.MissingQty)
	n3 := explanation(t, res, "n3")
	assert.Equal(t, promo.Excluded, n3.Status)
	assert.Equal(t, "n2", n3.ExcludedBy)
}

// work.go afford: the work budget is inclusive. An evaluation that did W
// steps under the default budget does the same under WithWorkBudget(W):
// the same total, still optimal, the same W.
func TestWorkBudgetInclusive(t *testing.T) {
	off := func(yuan string) promo.Action { return promo.AmountOff{Amount: cny(yuan), Scope: promo.PerOrder} }
	ps := []promo.Promotion{
		{ID: "A", Coupon: "A", Action: off("10.00")},
		{ID: "B", Coupon: "B", Exclusive: true, Action: off("25.00")},
		{ID: "C", Coupon: "C", Action: off("20.00")},
	}
	c := cart(line("a", 1, "200.00"))
	c.Coupons = []string{"A", "B", "C"}
	first := run(t, c, ps)
	require.True(t, first.Optimal)
	again := run(t, c, ps, promo.WithWorkBudget(first.Work))
	assert.Equal(t, first.Total.String(), again.Total.String())
	assert.True(t, again.Optimal)
	assert.Equal(t, first.Work, again.Work)
}
