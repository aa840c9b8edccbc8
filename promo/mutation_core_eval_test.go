package promo_test

// Tests that kill the core engine's mutants (issue 19), split from
// mutation_core_test.go (which keeps the list of equivalent survivors):
// eval.go and evaluate.go: a pass's caps and budgets, and the result it builds.

import (
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
)

// eval.go give: a unit a promotion takes nothing from gets no adjustment.
// Under the P-01 floor (no unit below 7折 of list), a unit listed at
// 120.00 selling at 80.00 is already below its floor (84.00): 9折 takes
// nothing from it and trims all 8.00; line "a" (100.00) gets 10.00 off
// (hand arithmetic). Line "under" has no adjustment and the explanation
// names only line "a".
func TestNothingTakenNoAdjustment(t *testing.T) {
	under := promo.Line{ID: "under", SKU: "under", Qty: 1, UnitPrice: cny("80.00"), ListPrice: cny("120.00")}
	res := run(t, cart(line("a", 1, "100.00"), under), []promo.Promotion{ninety("p")}, p01Floor(t))
	assert.Equal(t, "CNY 170.00", res.Total.String())
	assert.Nil(t, lineResult(t, res, "under").Adjustments)
	ex := explanation(t, res, "p")
	assert.Equal(t, []string{"a"}, ex.Lines)
	assert.Equal(t, "CNY 8.00", ex.Trimmed.String())
}

// eval.go budgetLeft: a cap of 0.00 (最高优惠 0) bounds the discount to
// nothing, like any cap: 9折 on 100.00 capped at 0.00 pays 100.00, the
// 10.00 it would give is reported as capped (hand arithmetic).
func TestZeroCap(t *testing.T) {
	res := run(t, cart(line("a", 1, "100.00")), one("p", promo.PercentOff{Rate: rate("9折"), Cap: cny("0.00")}))
	assert.Equal(t, "CNY 100.00", res.Total.String())
	assert.Equal(t, "CNY 10.00", explanation(t, res, "p").Capped.String())
}

// eval.go budgetLeft: a promotion gives at most the smaller of its cap
// and what its budget has left. 9折 on 1,000.00 would give 100.00; capped
// at 50.00 with a 100.00 budget of which 90.00 is spent, it gives 10.00
// (hand arithmetic): 990.00.
func TestCapAndBudgetTheSmaller(t *testing.T) {
	ps := []promo.Promotion{{ID: "p", Limits: promo.Limits{Budget: cny("100.00")},
		Action: promo.PercentOff{Rate: rate("9折"), Cap: cny("50.00")}}}
	c := cart(line("a", 1, "1000.00"))
	c.Usage = map[string]promo.Usage{"p": {BudgetSpent: cny("90.00")}}
	res := run(t, c, ps)
	assert.Equal(t, "CNY 990.00", res.Total.String())
}

// evaluate.go eligibility: a budget of 0.00 is exhausted from the start
// (预算 0: nothing may be given), reported as such.
func TestZeroBudgetExhausted(t *testing.T) {
	ps := []promo.Promotion{{ID: "b", Limits: promo.Limits{Budget: cny("0.00")}, Action: promo.AmountOff{Amount: cny("10.00"), Scope: promo.PerOrder}}}
	res := run(t, cart(line("a", 1, "100.00")), ps)
	assert.Equal(t, "CNY 100.00", res.Total.String())
	assert.Equal(t, promo.BudgetExhausted, explanation(t, res, "b").Reason)
}

// evaluate.go result: the lists of a result are nil when empty, as after a
// JSON round trip (they are omitempty). 满100减10 on a 50.00 cart is on
// but gives nothing: no redemption, no line adjusted, no adjustment.
func TestResultEmptyListsNil(t *testing.T) {
	ps := one("mj", promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("100.00"), Off: cny("10.00")}}})
	res := run(t, cart(line("a", 1, "50.00")), ps)
	assert.Equal(t, "CNY 50.00", res.Total.String())
	assert.Nil(t, res.Redemptions)
	assert.Nil(t, res.Lines[0].Adjustments)
	ex := explanation(t, res, "mj")
	assert.Equal(t, promo.BelowThreshold, ex.Reason)
	assert.Nil(t, ex.Lines)
}

// evaluate.go thresholdReached: a threshold is reached at exactly its
// amount. A 300.00 unit at 9折 pays 270.00: 满300减30 (a tier, or 每满300减30)
// is reached at the original 300.00 but not after the item discount, so
// the reason is BelowThresholdAfterItemDiscounts, 30.00 missing (hand
// arithmetic, as TestThresholdAfterItemDiscounts with 320.00).
func TestThresholdReachedExactly(t *testing.T) {
	for _, tt := range []struct {
		name string
		give promo.Threshold
	}{
		{"tier", promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("300.00"), Off: cny("30.00")}}}},
		{"every", promo.Threshold{Every: &promo.Step{Amount: cny("300.00"), Off: cny("30.00")}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := run(t, cart(line("a", 1, "300.00")), []promo.Promotion{ninety("item"), {ID: "mj", Action: tt.give}})
			assert.Equal(t, "CNY 270.00", res.Total.String())
			ex := explanation(t, res, "mj")
			assert.Equal(t, promo.BelowThresholdAfterItemDiscounts, ex.Reason)
			assert.Equal(t, "CNY 30.00", ex.MissingAmount.String())
		})
	}
}

// evaluate.go sortAdjustments: a line's adjustments are listed by
// promotion in application order (priority first), whatever order the
// layer recorded them in. Stackable 第2件5折 takes 50.00 off the second
// 100.00 unit (item groups are formed first); stackable 9折 then takes
// 10.00 and 5.00 off what the units pay (100.00, 50.00): 135.00 in all
// (hand arithmetic). 9折 has the higher priority, so it is listed first.
func TestAdjustmentsInApplicationOrder(t *testing.T) {
	ps := []promo.Promotion{
		{ID: "ten", Priority: 2, Stackable: true, Action: promo.PercentOff{Rate: rate("9折")}},
		{ID: "nth", Priority: 1, Stackable: true, Action: promo.NthItem{N: 2, Rate: rate("5折")}},
	}
	res := run(t, cart(line("a", 2, "100.00")), ps)
	assert.Equal(t, "CNY 135.00", res.Total.String())
	var got []string
	for _, a := range res.Lines[0].Adjustments {
		got = append(got, a.PromotionID+" "+a.Amount.StringAmount())
	}
	assert.Equal(t, []string{"ten 15.00", "nth 50.00"}, got)
}

// evaluate.go thresholdReached: the original amount of the second line is
// its price times its own units. 满200减20 on 10.00 + 100.00 = 110.00 is
// below its threshold at the original prices too: BelowThreshold, 90.00
// missing (hand arithmetic), not "after item discounts".
func TestBelowThresholdAtOriginalPrices(t *testing.T) {
	mj := one("mj", promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("200.00"), Off: cny("20.00")}}})
	res := run(t, cart(line("a", 1, "10.00"), line("b", 1, "100.00")), mj)
	ex := explanation(t, res, "mj")
	assert.Equal(t, promo.BelowThreshold, ex.Reason)
	assert.Equal(t, "CNY 90.00", ex.MissingAmount.String())
}
