package promo_test

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Three per-unit promotions on one 100.00 unit, none stackable, none
// exclusive, no group: 8折 saves 20.00, 9折 10.00, 直降5 5.00, and only one
// can take the unit, so 8折 wins (hand arithmetic) and the other two are
// not chosen because a better combination won, excluded by nobody
// (evaluate.go indexOn: a line without an exclusive promotion has no
// excluder, whatever the promotion's position).
func TestMutationRestLosersExcludedByNobody(t *testing.T) {
	ps := []promo.Promotion{
		{ID: "a8", Action: promo.PercentOff{Rate: rate("8折")}},
		{ID: "b9", Action: promo.PercentOff{Rate: rate("9折")}},
		{ID: "c5", Action: promo.AmountOff{Amount: cny("5.00")}},
	}
	res := run(t, cart(line("a", 1, "100.00")), ps)
	assert.Equal(t, "CNY 80.00", res.Total.String())
	assert.Equal(t, []string{"a8"}, applied(res))
	for _, id := range []string{"b9", "c5"} {
		ex := explanation(t, res, id)
		assert.Equal(t, promo.NotChosen, ex.Status, id)
		assert.Equal(t, promo.BetterAlternative, ex.Reason, id)
		assert.Empty(t, ex.ExcludedBy, id)
		assert.Equal(t, "CNY 0.00", ex.Amount.String(), id)
	}
}

// An exclusive promotion left out names the promotion that beat it on the
// line they share, not one on another line (evaluate.go indexOn: a line
// no chosen promotion targets has no first promotion). Lines a, b, c at
// 100.00 each: "a-excl" (exclusive, 直降5 on a and b) against "c-half" (5折
// on a): {c-half, b-other} saves 50.00 + 10.00 against {a-excl, b-other}
// 10.00 + 10.00, so a-excl is excluded by c-half, though "b-other" (9折 on
// c) comes before c-half in application order (hand arithmetic).
func TestMutationRestExclusiveExcludedBySharer(t *testing.T) {
	ps := []promo.Promotion{
		{ID: "a-excl", Exclusive: true, Target: promo.Selector{SKUs: []string{"a", "b"}}, Action: promo.AmountOff{Amount: cny("5.00")}},
		{ID: "b-other", Target: promo.Selector{SKUs: []string{"c"}}, Action: promo.PercentOff{Rate: rate("9折")}},
		{ID: "c-half", Target: promo.Selector{SKUs: []string{"a"}}, Action: promo.PercentOff{Rate: rate("5折")}},
	}
	res := run(t, cart(line("a", 1, "100.00"), line("b", 1, "100.00"), line("c", 1, "100.00")), ps)
	assert.Equal(t, "CNY 240.00", res.Total.String())
	assert.Equal(t, []string{"b-other", "c-half"}, applied(res))
	ex := explanation(t, res, "a-excl")
	assert.Equal(t, promo.Excluded, ex.Status)
	assert.Equal(t, promo.ExcludedByPromotion, ex.Reason)
	assert.Equal(t, "c-half", ex.ExcludedBy)
}

// The original amount of a line of several units is its price times its
// units (evaluate.go thresholdReached): 2 × 100.00 = 200.00 reaches
// 满200减20 at the original prices, 8折 brings it to 160.00, below: the
// reason is BelowThresholdAfterItemDiscounts, 40.00 missing (hand
// arithmetic). TestThresholdReachedExactly has one unit only.
func TestMutationRestThresholdReachedSeveralUnits(t *testing.T) {
	ps := []promo.Promotion{
		{ID: "item", Action: promo.PercentOff{Rate: rate("8折")}},
		{ID: "mj", Action: tiers(amountTier("200.00", "20.00"))},
	}
	res := run(t, cart(line("a", 2, "100.00")), ps)
	assert.Equal(t, "CNY 160.00", res.Total.String())
	ex := explanation(t, res, "mj")
	assert.Equal(t, promo.BelowThresholdAfterItemDiscounts, ex.Reason)
	assert.Equal(t, "CNY 40.00", ex.MissingAmount.String())
}

// The matching work an evaluation needs first is counted as the package
// doc's plan says (evaluate.go plan): per selector (each target, a 买X送Y's
// get set, each combo part) one step per category and tag of each line, at
// least one per line, and 8 steps per line. Selectors: 9折 1, 买1送1 with
// a get set 2, a two-part 套餐 3: 6. Values: a line with two categories
// and a tag 3, a bare line 1: 4. 6 × 4 + 8 × 2 = 40 steps (hand count),
// which a budget of 39 refuses, naming the need; a budget of 40 does not
// refuse it for matching (the error, if any, names more).
func TestMutationRestMatchingWork(t *testing.T) {
	get := promo.Selector{SKUs: []string{"g"}}
	ps := []promo.Promotion{
		{ID: "nine", Action: promo.PercentOff{Rate: rate("9折")}},
		{ID: "b1g1", Action: promo.BuyXGetY{BuyQty: 1, Get: &get, GetQty: 1, Free: true}},
		{ID: "set", Action: promo.Combo{Price: cny("15.00"), Parts: []promo.ComboPart{
			{Items: promo.Selector{SKUs: []string{"a"}}, Qty: 1}, {Items: promo.Selector{SKUs: []string{"b"}}, Qty: 1}}}},
	}
	a := line("a", 1, "10.00")
	a.Categories, a.Tags = []string{"food", "snacks"}, []string{"new"}
	c := cart(a, line("b", 1, "10.00"))
	e, err := promo.NewEngine(pricing.CNY, ps, promo.WithWorkBudget(39))
	require.NoError(t, err)
	_, err = e.Evaluate(c)
	require.ErrorIs(t, err, promo.ErrTooLarge)
	assert.Contains(t, err.Error(), "needs 40 steps of work, beyond the budget of 39")
	e, err = promo.NewEngine(pricing.CNY, ps, promo.WithWorkBudget(40))
	require.NoError(t, err)
	if _, err = e.Evaluate(c); err != nil {
		assert.NotContains(t, err.Error(), "needs 40 steps")
	}
}
