package promo_test

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The choice among conflicting promotions (最优组合), on worked carts.

func orderOff(id, amount string) promo.Promotion {
	return promo.Promotion{ID: id, Action: promo.AmountOff{Amount: cny(amount), Scope: promo.PerOrder}}
}

func applied(res promo.Result) []string {
	var out []string
	for _, e := range res.Explanations {
		if e.Status == promo.Applied {
			out = append(out, e.PromotionID)
		}
	}
	return out
}

func TestChoiceGroup(t *testing.T) {
	// One exclusion group: 9折 (10.00 off 100.00) and 直降15 (15.00). At most
	// one applies; 直降15 saves more: Total 85.00, 9折 excluded by it.
	a := ninety("a9")
	b := promo.Promotion{ID: "b15", Action: promo.AmountOff{Amount: cny("15.00")}}
	a.Group, b.Group = "store", "store"
	res := run(t, cart(line("x", 1, "100.00")), []promo.Promotion{a, b})
	assert.Equal(t, "CNY 85.00", res.Total.String())
	assert.True(t, res.Optimal)
	assert.Equal(t, []string{"b15"}, applied(res))
	ex := explanation(t, res, "a9")
	assert.Equal(t, promo.Excluded, ex.Status)
	assert.Equal(t, promo.ExcludedByPromotion, ex.Reason)
	assert.Equal(t, "b15", ex.ExcludedBy)
	assert.False(t, ex.Amount.IsPositive())
	assert.Equal(t, "a9: excluded by b15", ex.String())
}

func TestChoiceExclusiveSavesMore(t *testing.T) {
	// Exclusive 立减50 against 9折 on the same 100.00 line: 50.00 > 10.00, the
	// exclusive wins, Total 50.00; 9折 is excluded by it.
	e := orderOff("e50", "50.00")
	e.Exclusive = true
	res := run(t, cart(line("x", 1, "100.00")), []promo.Promotion{e, ninety("a9")})
	assert.Equal(t, "CNY 50.00", res.Total.String())
	assert.Equal(t, []string{"e50"}, applied(res))
	ex := explanation(t, res, "a9")
	assert.Equal(t, promo.Excluded, ex.Status)
	assert.Equal(t, "e50", ex.ExcludedBy)
	assert.True(t, res.Optimal)
}

// exclusiveLoses is an exclusive 立减50 against 7折 (30.00 off 100.00) and
// an order 立减30 on the same line: together 100 → 70 → 40 save 60.00,
// more than the exclusive's 50.00.
func exclusiveLoses() []promo.Promotion {
	e := orderOff("e50", "50.00")
	e.Exclusive = true
	return []promo.Promotion{e, {ID: "a7", Action: promo.PercentOff{Rate: rate("7折")}}, orderOff("b30", "30.00")}
}

func TestChoiceExclusiveSavesLess(t *testing.T) {
	res := run(t, cart(line("x", 1, "100.00")), exclusiveLoses())
	assert.Equal(t, "CNY 40.00", res.Total.String())
	assert.Equal(t, []string{"a7", "b30"}, applied(res))
	ex := explanation(t, res, "e50")
	assert.Equal(t, promo.Excluded, ex.Status)
	assert.Equal(t, "a7", ex.ExcludedBy, "the first chosen promotion in application order sharing its line")
	assert.True(t, res.Optimal)
}

func TestChoiceWorkBudget(t *testing.T) {
	// The same set under every work budget from 1 up to what the full
	// search needs: a budget too small for one pass over the candidates is
	// ErrTooLarge; otherwise the work stays within the budget, and when the
	// search stops early it keeps the best combination found, not proven
	// optimal, and says so in the explanation of what it left out. Whatever
	// was kept is a feasible combination: nothing (100.00), the exclusive
	// alone (50.00) or the optimum (40.00), never 7折 or 立减30 with the
	// exclusive.
	c := cart(line("x", 1, "100.00"))
	full := run(t, c, exclusiveLoses())
	require.True(t, full.Optimal)
	require.Positive(t, full.Work)
	stopped := 0
	for budget := int64(1); budget <= 3*full.Work; budget++ {
		e, err := promo.NewEngine(pricing.CNY, exclusiveLoses(), promo.WithWorkBudget(budget))
		require.NoError(t, err)
		res, err := e.Evaluate(c)
		if err != nil {
			assert.ErrorIs(t, err, promo.ErrTooLarge)
			continue
		}
		checkInvariants(t, res)
		assert.LessOrEqual(t, res.Work, budget)
		assert.Contains(t, []string{"CNY 100.00", "CNY 50.00", "CNY 40.00"}, res.Total.String())
		if res.Total.String() == "CNY 50.00" {
			assert.Equal(t, []string{"e50"}, applied(res))
		}
		if !res.Optimal {
			stopped++
			for _, ex := range res.Explanations {
				if ex.Status == promo.NotChosen {
					assert.Equal(t, promo.SearchBudgetExhausted, ex.Reason, "budget %d: %v", budget, ex)
				}
			}
		}
		if budget == 3*full.Work { // enough for the greedy start and the whole search
			assert.True(t, res.Optimal)
			assert.Equal(t, full.Total, res.Total)
		}
	}
	assert.Positive(t, stopped, "some budget stops the search early")

	// Nothing in conflict: optimal with just the budget for one pass.
	full = run(t, c, []promo.Promotion{ninety("a9")})
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{ninety("a9")}, promo.WithWorkBudget(full.Work))
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	assert.True(t, res.Optimal)
	assert.Equal(t, "CNY 90.00", res.Total.String())
}

func TestChoiceCouponsBestSubsetNotGreedy(t *testing.T) {
	// Three entered coupons on a (100.00) and b (100.00):
	//	X: exclusive 立减50 on the order (largest alone)
	//	Y: 立减40 on a, Z: 立减40 on b
	// Greedy by size takes X and stops at 50.00; Y + Z save 80.00. Total
	// 200.00 - 80.00 = 120.00; X is excluded by Y (first in application
	// order sharing a line with it).
	x := orderOff("x50", "50.00")
	x.Exclusive, x.Coupon = true, "X50"
	y := orderOff("y40", "40.00")
	y.Coupon, y.Target = "Y40", promo.Selector{SKUs: []string{"a"}}
	z := orderOff("z40", "40.00")
	z.Coupon, z.Target = "Z40", promo.Selector{SKUs: []string{"b"}}
	c := cart(line("a", 1, "100.00"), line("b", 1, "100.00"))
	c.Coupons = []string{"x50", "y40", "z40"}
	res := run(t, c, []promo.Promotion{x, y, z})
	assert.Equal(t, "CNY 120.00", res.Total.String())
	assert.Equal(t, []string{"60.00", "60.00"}, afters(res))
	assert.Equal(t, []string{"y40", "z40"}, applied(res))
	assert.Equal(t, "y40", explanation(t, res, "x50").ExcludedBy)
	require.Len(t, res.Redemptions, 2)
	assert.Equal(t, "Y40", res.Redemptions[0].Coupon)
	assert.Equal(t, "Z40", res.Redemptions[1].Coupon)
	assert.True(t, res.Optimal)

	// Only X and Y entered: X (50.00) beats Y (40.00). Total 150.00.
	c.Coupons = []string{"X50", "Y40"}
	res = run(t, c, []promo.Promotion{x, y, z})
	assert.Equal(t, "CNY 150.00", res.Total.String())
	assert.Equal(t, []string{"x50"}, applied(res))
	assert.Equal(t, promo.CouponNotEntered, explanation(t, res, "z40").Reason)
}

func TestChoiceCouponNotWorthUsing(t *testing.T) {
	// A coupon that would save nothing (满300减30 on 100.00) is not used and
	// not redeemed.
	p := promo.Promotion{ID: "c300", Coupon: "C300", Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("300.00"), Off: cny("30.00")}}}}
	c := cart(line("a", 1, "100.00"))
	c.Coupons = []string{"C300"}
	res := run(t, c, []promo.Promotion{p})
	assert.Equal(t, "CNY 100.00", res.Total.String())
	assert.Empty(t, res.Redemptions)
	assert.NotEqual(t, promo.Applied, explanation(t, res, "c300").Status)
}

func TestChoiceTies(t *testing.T) {
	c := cart(line("a", 1, "100.00"), line("b", 1, "100.00"))

	// Fewer promotions: exclusive X (20.00) against Y (10.00 on a) + Z
	// (10.00 on b): both save 20.00; X uses one promotion. Total 180.00.
	x := orderOff("x20", "20.00")
	x.Exclusive = true
	y := orderOff("y10", "10.00")
	y.Target = promo.Selector{SKUs: []string{"a"}}
	z := orderOff("z10", "10.00")
	z.Target = promo.Selector{SKUs: []string{"b"}}
	res := run(t, c, []promo.Promotion{x, y, z})
	assert.Equal(t, "CNY 180.00", res.Total.String())
	assert.Equal(t, []string{"x20"}, applied(res))

	// Higher priority: a group of two 10.00 promotions; "n" has priority 5
	// and wins over "m" (priority 1) although "m" has the smaller ID.
	m, n := orderOff("m", "10.00"), orderOff("n", "10.00")
	m.Group, n.Group = "g", "g"
	m.Priority, n.Priority = 1, 5
	res = run(t, c, []promo.Promotion{m, n})
	assert.Equal(t, "CNY 190.00", res.Total.String())
	assert.Equal(t, []string{"n"}, applied(res))
	assert.Equal(t, "n", explanation(t, res, "m").ExcludedBy)

	// Same priority: the smaller ID wins.
	m.Priority, n.Priority = 0, 0
	res = run(t, c, []promo.Promotion{n, m})
	assert.Equal(t, []string{"m"}, applied(res))
	assert.Equal(t, "m", explanation(t, res, "n").ExcludedBy)
}

func TestChoiceItemGroupVsPerUnit(t *testing.T) {
	// 第二件半价 against 8折 on 3 × 100.00: the 第N件 group claims two units
	// (one at half: 50.00 off), the third takes 8折 (20.00). 70.00 off beats
	// 8折 on all three (60.00) and the 第N件 alone (50.00). Total 230.00.
	nth := promo.Promotion{ID: "nth", Action: promo.NthItem{N: 2, Rate: rate("5折")}}
	pct := promo.Promotion{ID: "pct", Action: promo.PercentOff{Rate: rate("8折")}}
	res := run(t, cart(line("a", 3, "100.00")), []promo.Promotion{nth, pct})
	assert.Equal(t, "CNY 230.00", res.Total.String())
	assert.ElementsMatch(t, []string{"100.00", "50.00", "80.00"}, unitsPaid(t, res, "a"))
	assert.Equal(t, "CNY 50.00", explanation(t, res, "nth").Amount.String())
	assert.Equal(t, "CNY 20.00", explanation(t, res, "pct").Amount.String())
	assert.True(t, res.Optimal)

	// At 6折 the per-unit promotion alone (3 × 40.00 = 120.00) beats the
	// combination (50.00 + 40.00 = 90.00): the 第N件 is not used. Total 180.00.
	pct.Action = promo.PercentOff{Rate: rate("6折")}
	res = run(t, cart(line("a", 3, "100.00")), []promo.Promotion{nth, pct})
	assert.Equal(t, "CNY 180.00", res.Total.String())
	assert.Equal(t, []string{"pct"}, applied(res))
	assert.Equal(t, promo.NotChosen, explanation(t, res, "nth").Status)
	assert.Equal(t, promo.BetterAlternative, explanation(t, res, "nth").Reason)
}

func TestChoiceGiftValueCounts(t *testing.T) {
	// A group of a gift worth 30.00 and 立减20: the gift saves more by its
	// declared value. Total stays 300.00, the gift is given.
	g := promo.Promotion{ID: "gift", Group: "g", Action: promo.Gift{MinAmount: cny("300.00"),
		Options: []promo.GiftOption{{SKU: "cup", Qty: 1, Value: cny("30.00")}}}}
	o := orderOff("off20", "20.00")
	o.Group = "g"
	res := run(t, cart(line("a", 1, "300.00")), []promo.Promotion{g, o})
	assert.Equal(t, "CNY 300.00", res.Total.String())
	require.Len(t, res.Gifts, 1)
	assert.Equal(t, "CNY 30.00", res.Gifts[0].Value.String())
	assert.Equal(t, "gift", explanation(t, res, "off20").ExcludedBy)
}
