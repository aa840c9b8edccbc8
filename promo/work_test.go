package promo_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// engineOrLimit builds an engine, or reports (true) that the definition was
// refused as out of range, which is as correct as the right discount: a
// campaign number beyond a documented bound may be refused.
func engineOrLimit(t *testing.T, ps []promo.Promotion) (promo.Engine, bool) {
	t.Helper()
	e, err := promo.NewEngine(pricing.CNY, ps)
	if err != nil {
		require.True(t, errors.Is(err, promo.ErrInvalidAction) || errors.Is(err, promo.ErrTooLarge), "%v", err)
		var fe *promo.FieldError
		require.ErrorAs(t, err, &fe)
		return promo.Engine{}, true
	}
	return e, false
}

// Issue 12: 每满0.01减100000000000.00 on a 10,000.00 cart gave 0.00 off,
// because 1,000,000 steps × 10^13 分 wraps int64. Every step reached gives
// more than the cart is worth, so the reward is the whole targeted amount
// (the discount never exceeds what it applies to): 10,000.00 off, 0.00 to
// pay. Fails on the code before the work budget (0.00 off).
func TestEveryStepProductDoesNotWrap(t *testing.T) {
	e, refused := engineOrLimit(t, []promo.Promotion{{ID: "every", Action: promo.Threshold{
		Every: &promo.Step{Amount: cny("0.01"), Off: cny("100000000000.00")}}}})
	if refused {
		return
	}
	res, err := e.Evaluate(cart(line("a", 1, "10000.00")))
	require.NoError(t, err)
	checkInvariants(t, res)
	assert.Equal(t, "CNY 10000.00", res.OrderDiscount.String())
	assert.Equal(t, "CNY 0.00", res.Total.String())
}

// Issue 12: a BuyQty of 2^61 (or 2^62) made times × BuyQty wrap, and one
// shirt in the cart got 4 socks free. One unit bought is never 2^61 units:
// no sock is free. Fails on the old code (4 socks free).
func TestBuyQtyProductDoesNotWrap(t *testing.T) {
	socks := promo.Selector{Categories: []string{"socks"}}
	for _, buy := range []int64{1 << 61, 1 << 62, math.MaxInt64} {
		e, refused := engineOrLimit(t, []promo.Promotion{{ID: "b", Target: promo.Selector{Categories: []string{"shirts"}},
			Action: promo.BuyXGetY{BuyQty: buy, Get: &socks, GetQty: 1, Free: true}}})
		if refused {
			continue
		}
		shirt, sock := line("shirt", 1, "99.00"), line("socks", 4, "10.00")
		shirt.Categories, sock.Categories = []string{"shirts"}, []string{"socks"}
		res, err := e.Evaluate(cart(shirt, sock))
		require.NoError(t, err, "buy %d", buy)
		checkInvariants(t, res)
		assert.Equal(t, "CNY 139.00", res.Total.String(), "buy %d: 99.00 + 4 × 10.00, nothing free", buy)
	}
	// Without a Get selector the group is BuyQty + GetQty units, a sum that
	// wraps for 2^62 + 2^62: no group fits in a cart.
	e, refused := engineOrLimit(t, []promo.Promotion{{ID: "b",
		Action: promo.BuyXGetY{BuyQty: 1 << 62, GetQty: 1 << 62, Free: true}}})
	if !refused {
		res, err := e.Evaluate(cart(line("a", 5, "10.00")))
		require.NoError(t, err)
		assert.Equal(t, "CNY 50.00", res.Total.String())
	}
}

// The hostile shapes of issue 12 (bench_adversarial_test.go), each within
// the default work budget: no error, the money invariants, and Work at most
// DefaultWorkBudget. Work is deterministic, so this holds on any machine.
func TestAdversarialWork(t *testing.T) {
	if testing.Short() {
		t.Skip("builds carts of 100,000 lines")
	}
	for _, f := range adversarialShapes() {
		s := f()
		t.Run(s.name, func(t *testing.T) {
			e, err := promo.NewEngine(pricing.CNY, s.promos)
			require.NoError(t, err)
			res, err := e.Evaluate(s.cart)
			require.NoError(t, err)
			checkInvariants(t, res)
			assert.Positive(t, res.Work)
			assert.LessOrEqual(t, res.Work, int64(promo.DefaultWorkBudget))
		})
	}
}

// A search cut short keeps at least the greedy start: with 20 9.5折
// coupons on 100,000 units, the budget does not allow proving the best,
// but the customer still gets coupons, and the explanation of any coupon
// left out says the search ran out of budget.
func TestBudgetExhaustedKeepsGreedy(t *testing.T) {
	if testing.Short() {
		t.Skip("100,000 units")
	}
	s := shapeCoupons(100_000)
	e, err := promo.NewEngine(pricing.CNY, s.promos)
	require.NoError(t, err)
	res, err := e.Evaluate(s.cart)
	require.NoError(t, err)
	assert.LessOrEqual(t, res.Work, int64(promo.DefaultWorkBudget))
	assert.NotEmpty(t, res.Redemptions, "the greedy start applies coupons")
	if !res.Optimal {
		for _, ex := range res.Explanations {
			if ex.Status == promo.NotChosen {
				assert.Equal(t, promo.SearchBudgetExhausted, ex.Reason)
			}
		}
	}
}

// Symmetry: 20 identical whole-order 9.5折 coupons are one choice with a
// multiplicity, proven optimal in a handful of evaluations. All 20 apply:
// 1,000.00 × 0.95^20 = 358.49 (0.95^20 = 0.358485922...; each coupon's
// discount rounds half-up to the 分, and the total checked below is the
// engine's own sum, while the known answer is the count of coupons).
func TestSymmetricPercentCoupons(t *testing.T) {
	c := cart(line("a", 1, "1000.00"))
	var ps []promo.Promotion
	for k := range 20 {
		code := fmt.Sprintf("P%02d", k)
		c.Coupons = append(c.Coupons, code)
		ps = append(ps, promo.Promotion{ID: "coupon-" + code, Coupon: code,
			Action: promo.PercentOff{Rate: rate("9.5折"), Scope: promo.PerOrder}})
	}
	res := run(t, c, ps)
	assert.True(t, res.Optimal)
	assert.Len(t, res.Redemptions, 20)
	// 1000.00 → 950.00 → 902.50 → 857.38 (857.375 half-up) → ...: the
	// result stays within a cent per step of 358.49.
	paid := minorOf(t, "total", res.Total)
	assert.InDelta(t, 35849, paid, 20)
	assert.LessOrEqual(t, res.Evaluated, int64(25), "one node per multiplicity at most")
}

// Symmetry: 20 identical 满100减10 coupons on 150.00, where any 6 of the 20
// fit (150, 140, 130, 120, 110, 100 each reach 100; then 90 does not):
// 60.00 off, 90.00 to pay, proven optimal in a few evaluations.
func TestSymmetricThresholdCoupons(t *testing.T) {
	coupons := func(b promo.ThresholdBase) (promo.Cart, []promo.Promotion) {
		c := cart(line("a", 1, "150.00"))
		var ps []promo.Promotion
		for k := range 20 {
			code := fmt.Sprintf("T%02d", k)
			c.Coupons = append(c.Coupons, code)
			ps = append(ps, promo.Promotion{ID: "coupon-" + code, Coupon: code,
				Action: promo.Threshold{Base: b, Tiers: []promo.Tier{{MinAmount: cny("100.00"), Off: cny("10.00")}}}})
		}
		return c, ps
	}
	// On the running total each coupon lowers the next one's base: 6 fit
	// (150 - 6·10 = 90 < 100 stops the 7th).
	c, ps := coupons(promo.BaseRunningTotal)
	res := run(t, c, ps)
	assert.True(t, res.Optimal)
	assert.Equal(t, "CNY 90.00", res.Total.String())
	assert.Len(t, res.Redemptions, 6)
	assert.LessOrEqual(t, res.Evaluated, int64(25))
	assert.Less(t, res.Work, int64(100_000))
	// After items (the default) every coupon sees 150.00: 15 take the
	// whole 150.00, a 16th would give nothing (fewer promotions win).
	c, ps = coupons(promo.BaseAfterItems)
	res = run(t, c, ps)
	assert.True(t, res.Optimal)
	assert.Equal(t, "CNY 0.00", res.Total.String())
	assert.Len(t, res.Redemptions, 15)
	assert.LessOrEqual(t, res.Evaluated, int64(25))
}

// Issue 12's scaling target: the typical 12 promotions on 10,000 lines do
// at most 12 times the work of 1,000 lines (the same combinations are
// searched; everything per combination is linear in the lines and units).
func TestWorkScalesWithLines(t *testing.T) {
	work := func(n int) int64 {
		s := shapeTypical(n)
		res := run(t, s.cart, s.promos)
		require.True(t, res.Optimal)
		return res.Work
	}
	small, large := work(1_000), work(10_000)
	assert.LessOrEqual(t, large, 12*small, "%d vs %d", large, small)
}

// Disjoint promotions are no choice and cost one pass each: no pairwise
// comparison. 20 第二件半价 on disjoint sets of 5,000 lines leave nothing
// to choose: no combination is searched, the final pass is the only one,
// and the work is linear in the lines.
func TestDisjointPromotionsEvaluateOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("100,000 lines")
	}
	s := shapeSecondHalf20()
	res := run(t, s.cart, s.promos)
	assert.True(t, res.Optimal)
	assert.Equal(t, int64(0), res.Evaluated)
	// (20 promotions + 8) × 100,000 lines of validation and matching, then
	// the recording pass, 2 × 100,000 + 20 + 20 × (8 × 5,000 + 1) steps
	// and 20 × 2 × (5,000 + 1) to record, plus bookkeeping (4 per target
	// line).
	assert.Equal(t, int64(28*100_000+(2*100_000+20+20*40_001)+20*2*5_001+4*100_000), res.Work)
}

// 20 stacking whole-order percent coupons of different rates (9折 to 9.9折,
// each rate twice, not adjacent) are no symmetric run: the search proves
// the best combination with its bound alone, within the default budget.
// Every coupon takes a positive amount off what the others leave, so the
// best uses all 20.
func TestDistinctPercentCouponsProven(t *testing.T) {
	s := shapeDistinctCoupons()
	res := run(t, s.cart, s.promos)
	assert.True(t, res.Optimal)
	assert.Len(t, res.Redemptions, 20)
	assert.LessOrEqual(t, res.Work, int64(promo.DefaultWorkBudget))
	// With the bound of the sum of standalone savings the search evaluated
	// 2,562 combinations (3,243,374 steps, 14.5 ms of CPU). Every coupon
	// here acts on the whole order, so a node bounds each coupon left off
	// by what it would take from the node's own running total: a model of
	// the search in exact arithmetic (the rates multiply) evaluates 254
	// combinations; allow rounding some slack.
	assert.LessOrEqual(t, res.Evaluated, int64(300))
	assert.Less(t, res.Work, int64(500_000))
}

// The sharper bound is used only where it holds: the same 20 coupons with
// a threshold among the promotions in play (a 满减 can give less on a lower
// total, so the running total is no longer monotone) are searched with
// the plain bound, and still proven.
func TestDistinctPercentCouponsWithThreshold(t *testing.T) {
	s := shapeDistinctCoupons()
	s.promos = append(s.promos, promo.Promotion{ID: "tiers", Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("100.00"), Off: cny("10.00")}}}})
	res := run(t, s.cart, s.promos)
	assert.True(t, res.Optimal)
	assert.Greater(t, res.Evaluated, int64(300), "the plain bound: many more combinations")
}
