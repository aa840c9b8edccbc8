package promo_test

// Tests that kill the core engine's mutants (issue 19: gremlins v0.5.0 over
// action, cart, choice, engine, errors, eval, evaluate, item, match,
// options, order, promotion, refund, result, rule and work .go), grouped
// per file, and the list of the survivors that no input can tell apart.
//
// Equivalent mutants of the core engine. Each cannot change behaviour:
//
//   - action.go, `layer = iota + 1` to `iota - 1` (NOT COVERED, a
//     constant): the mutant does not compile (-1 overflows uint8).
//   - cart.go checkUsage, `id >= badID` to `id > badID`: id ranges over
//     a map's keys and badID is an earlier key, so they are never equal.
//   - choice.go follows, `pi < len(c.e.same)` to `<=`: same has one entry
//     per promotion (engine.go) and pi is a promotion's index, so both
//     are true.
//   - choice.go points, `len(choices) > 16` to `>= 16` or `<= 16`: the
//     group's point is found through the map instead of the scan, or the
//     other way round; both find the same point.
//   - choice.go points, `n := len(pt.run) + 1` to `- 1`: a run's option
//     list gets two places fewer; append moves it to a new array when it
//     outgrows them, with the same options, and the next point's list
//     starts in the spare room, which no other list uses.
//   - choice.go memoHash, `* 1099511628211` to `/`: a weaker hash; lookup
//     compares every entry's choices, so a collision is never a hit.
//   - choice.go sharpRest, `left >= 0 && d > left` to `left > 0` or to
//     `d >= left`: at d == left the bound is left either way; with
//     nothing left (0) the promotion saved nothing alone, and the bound
//     is min(alone, ub) = 0 either way.
//   - choice.go choose, `bestSaving := -1` to `1` (both mutators): it is
//     read only after keep has set it (a node is kept before any bound
//     or comparison reads bestSaving; found guards keep itself).
//   - errors.go fieldErr, `len(args) > 0` to `>= 0`: every detail passed
//     without arguments is free of % verbs, and Sprintf returns such a
//     string unchanged.
//   - errors.go setOp, `depth > 8` to `>= 8`, and `depth+1` to `depth-1`:
//     the library's errors nest at most two joins deep (a promotion's
//     problems in the engine's or campaign's list), far from depth 8.
//   - eval.go reuse and sizePass, `cap(s) < n` to `<=`: at cap == n a
//     fresh zeroed buffer replaces the cleared old one; the contents are
//     the same (only an allocation more).
//   - eval.go reset, `ps.owner[i] = -1` to `1` (both mutators): owner is
//     read (item.go free) only for a claimed unit, and claim sets it.
//   - eval.go nextStamp, `ps.stamp++` to `--`: counting down from 0 gives
//     2^32 - 1 distinct stamps before 0, like counting up; a fresh stamp
//     differs from every mark either way.
//   - eval.go nextStamp, `ps.stamp == 0` to `!= 0`: every call clears the
//     marks and returns 1, still a stamp no unit carries (slower only).
//   - eval.go give, `room < 0` to `room <= 0`: both set room to 0.
//   - eval.go budgetLeft, `p.budget >= 0` to `> 0`, and `left < 0` to
//     `left <= 0`: a budget with nothing left (0, or all spent) makes the
//     promotion BudgetExhausted before any pass (evaluate.go eligibility),
//     and budgetLeft is asked only about candidates and applied ones.
//   - eval.go budgetLeft, `p.r.cap < left` to `<=`: at equality left is
//     the same value either way.
//   - eval.go spread, `total > left` to `>=`: at equality the rounded
//     parts already sum to left, so allocating left by them gives them
//     back, and nothing is capped.
//   - eval.go byPriceDesc, `keys[k-1] <= key` to `<`: a key holds its
//     unit's index in the low bits, so no two keys are equal.
//   - evaluate.go excluder, `q < by` to `q <= by`: at q == by the same
//     promotion is named either way.
//   - evaluate.go result, `linesOf[pi+1]++` to `--`: no count is above
//     zero, so no explanation gets a slice of the shared array and each
//     builds its line list by append instead, with the same IDs.
//   - evaluate.go result, `c.first[li+1] - c.first[li]` to `+` in sizing
//     the per-unit array: a larger array, the same amounts.
//   - evaluate.go result, `redeemed++` to `--`: the count only sizes the
//     redemptions list; appended to, it holds the same.
//   - evaluate.go sortAdjustments, `a.unit - b.unit` to `+`: within one
//     promotion on one line the unit order does not matter, each amount
//     is added at its unit's place in PerUnit.
//   - evaluate.go result, `ps.gift[pi] >= 0` to `> 0` in counting the
//     redemptions: the count only sizes the list; a gift redemption
//     left out of it is appended all the same.
//   - evaluate.go thresholdReached, `len(r.tiers) > 0` to `>= 0`: it is
//     asked only about 满减 (kThreshold), whose rule has Every or at least
//     one tier (rule.go rejects neither), and with Every it returns first.
//   - evaluate.go better, `sa > sb` to `>=` and `na < nb` to `<=`: each
//     is reached only when the two differ (sa != sb, na != nb).
//   - item.go claim, `ps.claimed[u] < 0` to `<= 0`: claim is given only
//     units free for pi, so a unit promotion 0 holds is stacked and pi
//     stackable; re-claiming it sets stacked to st (true), as the
//     original's true && st does, and claimed is only compared with 0.
//   - item.go unitExact, the final `return -1` to `1` (both mutators):
//     unitExact is asked only about per-unit promotions, and a 会员价
//     whose tiers miss the customer's is CustomerNotEligible before any
//     pass (evaluate.go), so a listed tier always returns first.
//   - item.go spreadUnits, `keys[i-1] <= key` to `<`: a key holds its
//     position in the low bits, so no two keys are equal.
//   - item.go nthItem, `j < full` to `j <= full`: full is a multiple of N
//     (N ≥ 2), so (full+1) % N != 0 and the extra step does nothing.
//   - item.go perUnit, `d <= 0` to `d < 0`: unitExact does not decrease
//     with the price (p·off, min(amount, p), max(p - price, 0)), so when
//     d = 0 the chain's dd at a price no higher is 0 too: neither best
//     (d > best fails) nor the chain changes.
//   - item.go perUnit, `dd > 0` to `dd >= 0`: a chain member giving 0
//     adds nothing to chainSum; with one real member the chain loses to
//     best (chainSum ≤ best), with more it is assigned and the extra
//     member claims an already stacked unit and spreads 0 (no adjustment).
//   - item.go perUnit, `len(chain) > 1` to `>= 1`: a chain of one member
//     sums its own d (the chain starts at the unit's price), which is at
//     most best, so `chainSum > best` fails either way.
//   - match.go setOf, `len(list) <= shortList` to `<`: a list of exactly
//     8 entries is matched through a set instead of a scan; both answer
//     the same.
//   - order.go aloneOrder and the other `left >= 0 && d > left` caps
//     (shippingPromo, spreadOrder), `d > left` to `>=`: at d == left, d is
//     set to the same value.
//   - order.go shippingPromo, `left >= 0` to `left > 0`: 满包邮 has no cap
//     and a budget with nothing left makes it BudgetExhausted before any
//     pass, so left is -1 or above zero there.
//   - order.go spreadOrder, `room > 0` to `>= 0`: a line with no room
//     joins the active lines and gets 0 (by weight 0 without a floor,
//     by its room 0 in fill); the one-line and no-line cases give the
//     same take and trimmed amount.
//   - order.go spreadOrder, `d <= 0` to `< 0`, and `take > 0`,
//     `parts[k] > 0` to `>= 0`: a zero discount spreads zeros, and take
//     ignores an amount of 0.
//   - order.go fill, `cmpRatio(...) > 0` to `>= 0`: a part exactly at
//     the level joins the shared rest, where its share λ·weight is its
//     room exactly (an integer, no remainder), the others' shares as
//     before.
//   - order.go fill, `p < 0` to `p <= 0` (both loops): a full part is its
//     room, and only lines and units with room above zero take part.
//   - order.go allocFill, `parts[k] > rooms[k]` to `>=`: at equality
//     nothing is held back either way.
//   - order.go allocFill, `back += parts[k] - rooms[k]` to `+`, and the
//     give-back loop's `k++` to `--` and `rooms[k] - parts[k]` to `+`:
//     allocFill is given d below the level at which any share passes
//     its room, so nothing is ever held back and the loop never runs.
//   - order.go fill, the sort's tie-break `a - b` to `a + b`: slices.SortFunc
//     reads only "less than 0", so parts at the same level become equal
//     in order; parts at one level are all full or all not, and the rest
//     is shared in the original order either way.
//   - order.go allocFill, `back > 0` to `>= 0` and `k < len(parts)` to
//     `<=`: with nothing held back the loop adds 0; the rooms' sum exceeds
//     d, so what is held back is all given before k reaches the end.
//   - order.go spreadLine, `room > 0` to `>= 0`: a unit at its floor
//     joins fill with room 0, is full at once with a share of 0, and
//     leaves the level of the others as it was.
//   - order.go take, `amt <= 0` to `< 0`: take gets 0 only for some units
//     of a line whose share is above zero (an even split's or an
//     allocation's zero shares); the recorded 0 merges into that line's
//     adjustment for the promotion and changes no amount.
//   - order.go reaches, `min > 0` to `min >= 0`: with min = 0 the other
//     operand, measure < 0, is false (amounts and counts are not negative).
//   - order.go thresholdReward, `times >= e.maxTimes` to `>`: at equality
//     times is set to the value it has.
//   - order.go thresholdReward, `t.off >= 0` to `> 0`: a tier's Off is -1
//     (a rate) or above zero (rule.go rejects 0.00).
//   - refund.go Refund, `id < unknown` to `<=`: the ids are a map's keys,
//     never equal.
//   - refund.go Refund, `deducted > 0` to `>= 0`: AllocateMinor of 0 over
//     the returned units' paid amounts (non-negative; all zero splits
//     evenly) is all zeros, as the cuts were; with no returned unit its
//     error leaves cuts unread (no refund line).
//   - refund.go returnOrder, `pa < pb` to `<=`: reached only when pa != pb.
//   - result.go Reason.MarshalText, either `>= len(...)` to `>`, and
//     UnmarshalText, `i < len(reasonText)` to `<=`: reasonNames and
//     reasonText have the same length (17), so the other bound catches
//     the same values and i never reaches it.
//   - rule.go Threshold.compile, `i > 0 && prev >= 0` to `i >= 0`: at
//     i = 0 prev is -1, so the other operand is false.
//   - work.go allocator.to, `total < 0` to `<= 0`, and allocate,
//     `len(weights) <= 64` to `<`: the input goes to the other of two
//     allocators that give the same parts (package pricing's and to, one
//     largest-remainder rule; TestAllocatorMatchesPricing compares them).
//   - evaluate.go hintDirect (`min > 0`, `measure < min`) and setHint
//     (`missing <= 0`, `next > 0`): listed with their reasons in
//     mutation_sem_test.go.
//
// Survivors not killed. Each changes only the work of an evaluation
// (Result.Work, Evaluated) or what a search that runs out of its budget
// returns, never what a finished search picks; no test pins that work by
// hand:
//
//   - choice.go choose, `len(points) <= sharpPoints` to `<`: with exactly
//     64 points the search uses the plain bound instead of the sharper
//     one; both are valid bounds.
//   - choice.go points, `j >= 0` to `j > 0`: a run's empty option is left
//     out. The search and the greedy start skip empty options anyway; only
//     searchFits counts fewer nodes, so a search near the budget's edge
//     may skip the greedy start.
//   - choice.go choose, the greedy start's `len(opt) == 0` to `!= 0`: the
//     greedy start keeps only the fixed promotions; the search then finds
//     the same best when it finishes, and only a search that runs out of
//     budget can end below the greedy combination.
//   - choice.go visit, `pb = rk[j] - rk[j+1]` to `+` (both mutators): a
//     larger bound of point j under the sharper bound; still a valid
//     bound, so the search visits more nodes and picks the same.
//   - choice.go choose, the arithmetic of `c.unitCost(pi) +
//     2*(c.tunits[pi]+1)` (three mutants): the work reserved before
//     keeping on a candidate that saves nothing alone; it matters only
//     when the budget is nearly spent.
//   - choice.go sharpRest, `d > left` to `d <= left`: the bound becomes
//     left where it was d ≤ left, a looser bound (it is read as
//     min(alone, ub), alone ≤ left); the search visits more nodes.
//   - evaluate.go plan, the arithmetic of the matching work's selector
//     count `1 + b2i(...) + len(parts)` (two mutants): it changes only
//     Result.Work and the budget check before matching.
//   - match.go lineValues, `len(Categories) + len(Tags)` to `-`: the
//     matching work estimate (Result.Work) only.
//   - order.go base, `qty += c.first[li+1] - c.first[li]` to `+` (the
//     path after line 44): found at the end of the session, not analysed
//     (the default base's count is pinned by
//     TestFreeShippingCountsAndBudget, which does not reach it).
//   - choice.go nodeMemo.lookup, `m.used[e*m.np:...]` to `e/m.np`: a
//     remembered combination after the first gets a wrong set of used
//     promotions, which decides only a tie in saving with it; the memo
//     exists only after a greedy start (a search that might not fit).

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every limit of a promotion amount and of a cart is inclusive: a value at
// the limit is accepted, one past it is a *FieldError (cart.go's doc:
// "at most MaxLines lines", "at most MaxLabels", ...; action.go minorOf
// "at most MaxMinorUnits minor units").
func TestLimitsInclusive(t *testing.T) {
	// 10^13 分 (MaxMinorUnits) is 100,000,000,000.00 yuan.
	const maxYuan, pastYuan = "100000000000.00", "100000000000.01"

	t.Run("action amount", func(t *testing.T) {
		_, err := promo.NewEngine(pricing.CNY, one("a", promo.AmountOff{Amount: cny(maxYuan), Scope: promo.PerOrder}))
		require.NoError(t, err, "exactly MaxMinorUnits")
		_, err = promo.NewEngine(pricing.CNY, one("a", promo.AmountOff{Amount: cny(pastYuan), Scope: promo.PerOrder}))
		require.ErrorIs(t, err, promo.ErrInvalidAction)
	})

	labels := func(n int) []string {
		s := make([]string, n)
		for i := range s {
			s[i] = "t" + strconv.Itoa(i)
		}
		return s
	}
	atLimit := []struct {
		name string
		give func(*promo.Cart)
	}{
		{"MaxLabels customer tags", func(c *promo.Cart) { c.Customer.Tags = labels(promo.MaxLabels) }},
		{"MaxSelectorList out-of-stock SKUs", func(c *promo.Cart) { c.OutOfStock = labels(promo.MaxSelectorList) }},
		{"MaxLabels line categories", func(c *promo.Cart) { c.Lines[0].Categories = labels(promo.MaxLabels) }},
		{"MaxLabels line tags", func(c *promo.Cart) { c.Lines[0].Tags = labels(promo.MaxLabels) }},
		{"MaxCoupons codes", func(c *promo.Cart) { c.Coupons = labels(promo.MaxCoupons) }},
		{"a code of MaxCouponLen bytes", func(c *promo.Cart) { c.Coupons = []string{string(make([]byte, promo.MaxCouponLen))} }},
		{"MaxUnits units in one line", func(c *promo.Cart) { c.Lines = []promo.Line{line("a", promo.MaxUnits, "0.01")} }},
		{"a unit price of MaxMinorUnits", func(c *promo.Cart) { c.Lines = []promo.Line{line("a", 1, maxYuan)} }},
		{"a subtotal of MaxMinorUnits over two lines", func(c *promo.Cart) {
			c.Lines = []promo.Line{line("a", 1, "99999999999.99"), line("b", 1, "0.01")}
		}},
		{"a list price and cost of MaxMinorUnits", func(c *promo.Cart) { c.Lines[0].ListPrice, c.Lines[0].Cost = cny(maxYuan), cny(maxYuan) }},
		{"shipping of MaxMinorUnits", func(c *promo.Cart) { c.Shipping = cny(maxYuan) }},
		{"MaxRedemptions uses", func(c *promo.Cart) {
			c.Usage = map[string]promo.Usage{"p": {Total: promo.MaxRedemptions, ByCustomer: promo.MaxRedemptions}}
		}},
		{"MaxPoints points", func(c *promo.Cart) { c.Points = promo.MaxPoints }},
	}
	for _, tt := range atLimit {
		t.Run(tt.name, func(t *testing.T) {
			c := cart(line("a", 1, "1.00"))
			tt.give(&c)
			assert.NoError(t, c.Validate())
		})
	}

	pastLimit := []struct {
		name, field string
		give        func(*promo.Cart)
		want        error
	}{
		{"a subtotal one 分 past MaxMinorUnits", "lines[1].unit_price", func(c *promo.Cart) {
			c.Lines = []promo.Line{line("a", 1, "99999999999.99"), line("b", 1, "0.02")}
		}, promo.ErrTooLarge},
		{"a list price one 分 past MaxMinorUnits", "lines[0].list_price", func(c *promo.Cart) { c.Lines[0].ListPrice = cny(pastYuan) }, promo.ErrTooLarge},
		{"shipping one 分 past MaxMinorUnits", "shipping", func(c *promo.Cart) { c.Shipping = cny(pastYuan) }, promo.ErrTooLarge},
		{"uses past MaxRedemptions", `usage["p"].by_customer`, func(c *promo.Cart) {
			c.Usage = map[string]promo.Usage{"p": {ByCustomer: promo.MaxRedemptions + 1}}
		}, promo.ErrTooLarge},
		{"points past MaxPoints", "points", func(c *promo.Cart) { c.Points = promo.MaxPoints + 1 }, promo.ErrTooLarge},
		// The error names the list that is too long, not the other one
		// at its limit.
		{"categories past MaxLabels, tags at it", "lines[0].categories", func(c *promo.Cart) {
			c.Lines[0].Categories, c.Lines[0].Tags = labels(promo.MaxLabels+1), labels(promo.MaxLabels)
		}, promo.ErrTooLarge},
		{"tags past MaxLabels", "lines[0].tags", func(c *promo.Cart) { c.Lines[0].Tags = labels(promo.MaxLabels + 1) }, promo.ErrTooLarge},
		{"negative points", "points", func(c *promo.Cart) { c.Points = -1 }, promo.ErrInvalidCart},
		// Of two bad usage entries, the smaller promotion ID is reported,
		// whatever the map's order.
		{"two bad usage entries", `usage["a"].total`, func(c *promo.Cart) {
			c.Usage = map[string]promo.Usage{"b": {Total: -1}, "a": {Total: -1}, "c": {Total: -1}}
		}, promo.ErrInvalidCart},
	}
	for _, tt := range pastLimit {
		t.Run(tt.name, func(t *testing.T) {
			c := cart(line("a", 1, "1.00"))
			tt.give(&c)
			for range 5 { // map order varies between runs
				requireField(t, c.Validate(), "validate cart", tt.field, tt.want)
			}
		})
	}

	// MaxLines lines pass the count check; the first (zero) line is then
	// the error. Checking the lines themselves keeps this test cheap.
	c := cart()
	c.Lines = make([]promo.Line, promo.MaxLines)
	requireField(t, c.Validate(), "validate cart", "lines[0].id", promo.ErrInvalidCart)
	c.Lines = make([]promo.Line, promo.MaxLines+1)
	requireField(t, c.Validate(), "validate cart", "lines", promo.ErrTooLarge)
}

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

// engine.go and eval.go: the engine's limits are inclusive too. MaxPromotions
// promotions pass the count check (the first, without an ID, is then the
// error), and a cart of exactly MaxUnits units is laid
// out and evaluated: 100,000 units of 0.01 at 9折 is 1,000.00 less 10%,
// 900.00 (hand arithmetic).
func TestEngineLimitsInclusive(t *testing.T) {
	ps := make([]promo.Promotion, promo.MaxPromotions+1)
	for i := range ps {
		ps[i] = promo.Promotion{ID: strconv.Itoa(i), Action: promo.AmountOff{Amount: cny("1.00")}}
	}
	ps[0].ID = ""
	_, err := promo.NewEngine(pricing.CNY, ps[:promo.MaxPromotions])
	requireField(t, err, "new engine", "promotions[0].id", promo.ErrInvalidPromotion)
	_, err = promo.NewEngine(pricing.CNY, ps)
	requireField(t, err, "new engine", "promotions", promo.ErrTooLarge)

	res := evaluate(t, cart(line("a", promo.MaxUnits, "0.01")), []promo.Promotion{ninety("p")})
	assert.Equal(t, "CNY 900.00", res.Total.String())
}

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

// cart.go prepare and eval.go: an unknown cost is not a cost of 0.01. Under
// seed-rules P-08's margin floor (0.5: at least twice the cost), 10.00 off
// each unit takes line "a" (cost unknown) to 0.00, and line "b" (cost
// 0.01, the same list price right after it) only to 0.02, its floor
// (2 × 0.01): 9.98 off, 0.02 trimmed, 0.02 to pay (hand arithmetic).
func TestUnknownCostFloor(t *testing.T) {
	f, err := pricing.NewFloorPolicy(pricing.MinMargin(decimal.RequireFromString("0.5")))
	require.NoError(t, err)
	b := line("b", 1, "10.00")
	b.Cost = cny("0.01")
	res := run(t, cart(line("a", 1, "10.00"), b), one("p", promo.AmountOff{Amount: cny("10.00")}), promo.WithFloor(f))
	assert.Equal(t, "CNY 0.00", lineResult(t, res, "a").After.String())
	assert.Equal(t, "CNY 0.02", lineResult(t, res, "b").After.String())
	assert.Equal(t, "CNY 0.02", explanation(t, res, "p").Trimmed.String())
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

// evaluate.go eligibility: a budget of 0.00 is exhausted from the start
// (预算 0: nothing may be given), reported as such.
func TestZeroBudgetExhausted(t *testing.T) {
	ps := []promo.Promotion{{ID: "b", Limits: promo.Limits{Budget: cny("0.00")}, Action: promo.AmountOff{Amount: cny("10.00"), Scope: promo.PerOrder}}}
	res := run(t, cart(line("a", 1, "100.00")), ps)
	assert.Equal(t, "CNY 100.00", res.Total.String())
	assert.Equal(t, promo.BudgetExhausted, explanation(t, res, "b").Reason)
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

// options.go: each option's least valid value is 1 (its doc: "must be at
// least 1"); 0 is an ErrInvalidOption naming the option.
func TestOptionsLeastValid(t *testing.T) {
	doc := []byte(`{"currency":"CNY","promotions":[]}`)
	engine := func(o promo.Option) error { _, err := promo.NewEngine(pricing.CNY, nil, o); return err }
	decode := func(o promo.Option) error { _, err := promo.DecodeCampaign(doc, o); return err }
	check := func(o promo.Option) error {
		_, err := promo.Check(promo.Campaign{Currency: pricing.CNY}, nil, o)
		return err
	}
	for _, tt := range []struct {
		name      string
		call      func(promo.Option) error
		one, zero promo.Option
	}{
		{"WithWorkBudget", engine, promo.WithWorkBudget(1), promo.WithWorkBudget(0)},
		{"WithMaxCampaignBytes", decode, promo.WithMaxCampaignBytes(1), promo.WithMaxCampaignBytes(0)},
		{"WithMaxProblems", decode, promo.WithMaxProblems(1), promo.WithMaxProblems(0)},
		{"WithWorkBudget", check, promo.WithWorkBudget(1), promo.WithWorkBudget(0)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.NotErrorIs(t, tt.call(tt.one), promo.ErrInvalidOption, "1 is valid")
			assertFieldError(t, tt.call(tt.zero), promo.ErrInvalidOption, tt.name)
		})
	}
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

// order.go aloneOrder: a coupon's standalone saving is held to its cap like
// its saving in a pass. 9折 off the order capped at 0.00 saves nothing
// alone, so it is explained as saving nothing, not as beaten by a better
// combination.
func TestCappedCouponSavesNothingAlone(t *testing.T) {
	c := cart(line("a", 1, "100.00"))
	c.Coupons = []string{"Z"}
	res := run(t, c, []promo.Promotion{{ID: "z", Coupon: "Z", Action: promo.PercentOff{Rate: rate("9折"), Scope: promo.PerOrder, Cap: cny("0.00")}}})
	assert.Equal(t, "CNY 100.00", res.Total.String())
	ex := explanation(t, res, "z")
	assert.Equal(t, promo.NotApplicable, ex.Status)
	assert.Equal(t, promo.NoSaving, ex.Reason)
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

// promotion.go: a promotion's limits are inclusive as well: MaxRedemptions
// uses, a coupon code of MaxCouponLen bytes, MaxLabels channels,
// MaxSelectorList SKUs, and the weekdays Sunday (0) to Saturday (6).
func TestPromotionLimitsInclusive(t *testing.T) {
	labels := func(n int) []string {
		s := make([]string, n)
		for i := range s {
			s[i] = "x" + strconv.Itoa(i)
		}
		return s
	}
	base := func() promo.Promotion { return ninety("p") }
	week := func(d ...time.Weekday) *promo.Schedule { return &promo.Schedule{TimeZone: time.UTC, Weekdays: d} }
	valid := []struct {
		name string
		give func(*promo.Promotion)
	}{
		{"MaxRedemptions uses", func(p *promo.Promotion) {
			p.Limits.Total, p.Limits.PerCustomer = promo.MaxRedemptions, promo.MaxRedemptions
		}},
		{"a code of MaxCouponLen bytes", func(p *promo.Promotion) { p.Coupon = strings.Repeat("A", promo.MaxCouponLen) }},
		{"MaxLabels channels", func(p *promo.Promotion) { p.Channels = labels(promo.MaxLabels) }},
		{"MaxSelectorList SKUs", func(p *promo.Promotion) { p.Target.SKUs = labels(promo.MaxSelectorList) }},
		{"Sunday and Saturday", func(p *promo.Promotion) { p.Schedule = week(time.Sunday, time.Saturday) }},
	}
	for _, tt := range valid {
		t.Run(tt.name, func(t *testing.T) {
			p := base()
			tt.give(&p)
			_, err := promo.NewEngine(pricing.CNY, []promo.Promotion{p})
			assert.NoError(t, err)
		})
	}
	invalid := []struct {
		name, field string
		give        func(*promo.Promotion)
		want        error
	}{
		{"uses past MaxRedemptions", "promotions[0].limits.per_customer", func(p *promo.Promotion) {
			p.Limits.PerCustomer = promo.MaxRedemptions + 1
		}, promo.ErrTooLarge},
		{"weekday 7", "promotions[0].schedule.weekdays[0]", func(p *promo.Promotion) { p.Schedule = week(7) }, promo.ErrInvalidPromotion},
		{"weekday -1", "promotions[0].schedule.weekdays[1]", func(p *promo.Promotion) { p.Schedule = week(time.Monday, -1) }, promo.ErrInvalidPromotion},
	}
	for _, tt := range invalid {
		t.Run(tt.name, func(t *testing.T) {
			p := base()
			tt.give(&p)
			_, err := promo.NewEngine(pricing.CNY, []promo.Promotion{p})
			requireField(t, err, "new engine", tt.field, tt.want)
		})
	}
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

// order.go shippingPromo: Off set to 0.00 reduces the fee by nothing; only
// an unset Off waives it (FreeShipping's doc: "reduced by Off when Off is
// set"). A 10.00 fee on a 100.00 cart stays 10.00: total 110.00.
func TestFreeShippingOffZero(t *testing.T) {
	c := cart(line("a", 1, "100.00"))
	c.Shipping = cny("10.00")
	res := run(t, c, one("ship", promo.FreeShipping{MinAmount: cny("99.00"), Off: cny("0.00")}))
	assert.Equal(t, "CNY 10.00", res.ShippingAfter.String())
	assert.Equal(t, "CNY 110.00", res.Total.String())
}

// order.go fill: a discount that fills every line's room exactly. Under
// the P-01 floor (7折 of list), line "a" (list and price 100.00) has 30.00
// of room and line "b" (list 100.00, selling at 80.00) 10.00; 40.00 off
// the order takes both to their floors, 70.00 each: 140.00, nothing
// trimmed. 20.00 off stays below b's level (10/80 > 20/180) and splits
// by the line totals 100:80: 11.11 and 8.89 (hand arithmetic).
func TestOrderDiscountFillsEveryRoom(t *testing.T) {
	b := promo.Line{ID: "b", SKU: "b", Qty: 1, UnitPrice: cny("80.00"), ListPrice: cny("100.00")}
	for _, tt := range []struct{ off, a, b, total string }{
		{"40.00", "70.00", "70.00", "CNY 140.00"},
		{"20.00", "88.89", "71.11", "CNY 160.00"},
	} {
		res := run(t, cart(line("a", 1, "100.00"), b), one("p", promo.AmountOff{Amount: cny(tt.off), Scope: promo.PerOrder}), p01Floor(t))
		assert.Equal(t, tt.total, res.Total.String(), tt.off)
		assert.Equal(t, []string{tt.a}, unitsPaid(t, res, "a"), tt.off)
		assert.Equal(t, []string{tt.b}, unitsPaid(t, res, "b"), tt.off)
		assert.False(t, explanation(t, res, "p").Trimmed.IsPositive(), tt.off)
	}
}

// refund.go Refund: the clawback is measured even when the returned units
// paid nothing (a bug the mutation pass found: Refund skipped it, hiding
// the loss). 满2件减10 by quantity on 50.00 and a free 0.00 sample: 10.00
// off, all on the 50.00 unit (weights by price), which pays 40.00.
// Returning the sample leaves one unit: it now costs 50.00 and paid
// 40.00, so ClawbackTotal is 10.00 (RefundQuote's doc: what the kept units
// cost now less what they paid); nothing is paid back to deduct it from,
// so all of it is Undeducted, for the caller to settle.
func TestRefundFreeUnitClawback(t *testing.T) {
	ps := one("two", promo.Threshold{Basis: promo.ByQuantity, Tiers: []promo.Tier{{MinQty: 2, Off: cny("10.00")}}})
	c := cart(line("a", 1, "50.00"), line("free", 1, "0.00"))
	e, err := promo.NewEngine(pricing.CNY, ps)
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	require.Equal(t, []string{"40.00"}, unitsPaid(t, res, "a"))
	q, err := e.Refund(c, res, map[string]int64{"free": 1}, promo.RefundPolicy{Clawback: true})
	require.NoError(t, err)
	assert.Equal(t, "CNY 0.00", q.Refund.String())
	assert.Equal(t, "CNY 10.00", q.ClawbackTotal.String())
	assert.Equal(t, "CNY 0.00", q.Deducted.String())
	assert.Equal(t, "CNY 10.00", q.Undeducted.String())
}

// refund.go GiftPolicy.MarshalText: the policies are 0 and 1; 2 is an
// unknown policy, an error, not a name read past the end of the list.
func TestGiftPolicyTextBounds(t *testing.T) {
	b, err := promo.GiftDeducted.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "gift_deducted", string(b))
	_, err = promo.GiftPolicy(2).MarshalText()
	assert.ErrorIs(t, err, promo.ErrUnknownName)
}

// refund.go storedAmount: a stored amount of exactly MaxMinorUnits is
// valid. A unit at 100,000,000,000.00 (10^13 分) with no promotion is
// refunded in full.
func TestRefundAtMaxMinorUnits(t *testing.T) {
	c := cart(line("a", 1, "100000000000.00"))
	e, err := promo.NewEngine(pricing.CNY, nil)
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	q, err := e.Refund(c, res, map[string]int64{"a": 1}, promo.RefundPolicy{})
	require.NoError(t, err)
	assert.Equal(t, "CNY 100000000000.00", q.Refund.String())
}

// result.go and rule.go: the text forms of the enums take exactly their
// named values. Status 1..4 (0 is no status), Reason 0..16
// (SearchBudgetExhausted the last), Scope 0..1, Basis 0..1; one past is an
// ErrUnknownName, never a name read past the end of a list.
func TestEnumTextBounds(t *testing.T) {
	for _, tt := range []struct {
		name      string
		last      interface{ MarshalText() ([]byte, error) }
		lastText  string
		pastLast  interface{ MarshalText() ([]byte, error) }
		unmarshal func([]byte) error
	}{
		{"status", promo.Excluded, "excluded", promo.Excluded + 1, func(b []byte) error { var s promo.Status; return s.UnmarshalText(b) }},
		{"reason", promo.SearchBudgetExhausted, "search_budget_exhausted", promo.SearchBudgetExhausted + 1, func(b []byte) error { var r promo.Reason; return r.UnmarshalText(b) }},
		{"scope", promo.PerOrder, "order", promo.PerOrder + 1, func(b []byte) error { var s promo.Scope; return s.UnmarshalText(b) }},
		{"basis", promo.ByQuantity, "quantity", promo.ByQuantity + 1, func(b []byte) error { var s promo.Basis; return s.UnmarshalText(b) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.last.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.lastText, string(b))
			_, err = tt.pastLast.MarshalText()
			assert.ErrorIs(t, err, promo.ErrUnknownName)
			assert.ErrorIs(t, tt.unmarshal([]byte("")), promo.ErrUnknownName, "the empty name")
		})
	}
	_, err := promo.Status(0).MarshalText()
	assert.ErrorIs(t, err, promo.ErrUnknownName)
	assert.Equal(t, "Reason(17)", (promo.SearchBudgetExhausted + 1).String())
}

// result.go Explanation.String: a points redemption that names no lines
// says no "on lines" (the sentence as the other applied forms build it).
func TestPointsExplanationWithoutLines(t *testing.T) {
	ex := promo.Explanation{PromotionID: "pts", Status: promo.Applied, Points: 100, Amount: cny("1.00")}
	assert.Equal(t, "pts: applied, 100 points pay 1.00", ex.String())
	ex.Lines = []string{"a"}
	assert.Equal(t, "pts: applied, 100 points pay 1.00 on lines a", ex.String())
}

// rule.go Threshold.compile: a 每满 step of 0.00 is one problem, the step;
// "a step cannot take more than itself off" is not added for it.
func TestEveryZeroStepOneProblem(t *testing.T) {
	_, err := promo.NewEngine(pricing.CNY, one("p", promo.Threshold{Every: &promo.Step{Amount: cny("0.00"), Off: cny("10.00")}}))
	assert.EqualError(t, err, "promo: new engine: promotions[0].action.every.amount 0: invalid action: the step must be above zero")
}

// rule.go: every action list takes MaxActionList (100) entries, and one
// more is ErrTooLarge: threshold tiers, combo parts, member tiers and gift
// options. Tiers must rise: two tiers at 0.00 are out of order.
func TestActionListsInclusive(t *testing.T) {
	n := promo.MaxActionList
	tiers := func(n int) promo.Action {
		ts := make([]promo.Tier, n)
		for i := range ts {
			ts[i] = promo.Tier{MinAmount: cny(strconv.Itoa(100*(i+1)) + ".00"), Off: cny("1.00")}
		}
		return promo.Threshold{Tiers: ts}
	}
	parts := func(n int) promo.Action {
		ps := make([]promo.ComboPart, n)
		for i := range ps {
			ps[i] = promo.ComboPart{Items: promo.Selector{SKUs: []string{"s" + strconv.Itoa(i)}}, Qty: 1}
		}
		return promo.Combo{Parts: ps, Price: cny("1.00")}
	}
	members := func(n int) promo.Action {
		ts := make([]promo.MemberTier, n)
		for i := range ts {
			ts[i] = promo.MemberTier{Tier: "t" + strconv.Itoa(i), Rate: rate("9折")}
		}
		return promo.MemberPrice{Tiers: ts}
	}
	options := func(n int) promo.Action {
		os := make([]promo.GiftOption, n)
		for i := range os {
			os[i] = promo.GiftOption{SKU: "g" + strconv.Itoa(i), Qty: 1}
		}
		return promo.Gift{MinAmount: cny("10.00"), Options: os}
	}
	for _, tt := range []struct {
		name  string
		build func(int) promo.Action
		field string
	}{
		{"threshold tiers", tiers, "promotions[0].action.tiers"},
		{"combo parts", parts, "promotions[0].action.parts"},
		{"member tiers", members, "promotions[0].action.tiers"},
		{"gift options", options, "promotions[0].action.options"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := promo.NewEngine(pricing.CNY, one("p", tt.build(n)))
			assert.NoError(t, err)
			_, err = promo.NewEngine(pricing.CNY, one("p", tt.build(n+1)))
			requireField(t, err, "new engine", tt.field, promo.ErrTooLarge)
		})
	}
	_, err := promo.NewEngine(pricing.CNY, one("p", promo.Threshold{Tiers: []promo.Tier{
		{MinAmount: cny("0.00"), Off: cny("1.00")}, {MinAmount: cny("0.00"), Off: cny("2.00")},
	}}))
	requireField(t, err, "new engine", "promotions[0].action.tiers[1].min_amount", promo.ErrInvalidAction)
}

// engine.go getCtx and putCtx: the zero Engine (no scratch pool) answers
// with an error, never a panic: its currency is unknown, and so is the
// zero cart's.
func TestZeroEngineEvaluate(t *testing.T) {
	var e promo.Engine
	_, err := e.Evaluate(promo.Cart{})
	assert.ErrorIs(t, err, promo.ErrInvalidCart)
}

// rule.go Combo.compile: a combo holds at most MaxUnits units over its
// parts: 50,000 + 50,000 is accepted, 50,000 + 50,001 is ErrTooLarge.
func TestComboUnitsInclusive(t *testing.T) {
	combo := func(a, b int64) []promo.Promotion {
		return one("c", promo.Combo{Price: cny("1.00"), Parts: []promo.ComboPart{
			{Items: promo.Selector{SKUs: []string{"a"}}, Qty: a}, {Items: promo.Selector{SKUs: []string{"b"}}, Qty: b},
		}})
	}
	_, err := promo.NewEngine(pricing.CNY, combo(50_000, 50_000))
	assert.NoError(t, err)
	_, err = promo.NewEngine(pricing.CNY, combo(50_000, 50_001))
	requireField(t, err, "new engine", "promotions[0].action.parts", promo.ErrTooLarge)
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

// order.go base and shippingPromo: 满3件包邮 counts each line's own units
// (1 + 1 = 2, not reached: the 10.00 fee stays); a 5.00 budget on a
// waived 10.00 fee gives 5.00 and reports 5.00 capped (hand arithmetic).
func TestFreeShippingCountsAndBudget(t *testing.T) {
	c := cart(line("a", 1, "10.00"), line("b", 1, "10.00"))
	c.Shipping = cny("10.00")
	res := run(t, c, one("ship", promo.FreeShipping{MinQty: 3}))
	assert.Equal(t, "CNY 10.00", res.ShippingAfter.String())
	res = run(t, c, []promo.Promotion{{ID: "ship", Limits: promo.Limits{Budget: cny("5.00")}, Action: promo.FreeShipping{MinQty: 2}}})
	assert.Equal(t, "CNY 5.00", res.ShippingAfter.String())
	assert.Equal(t, "CNY 5.00", explanation(t, res, "ship").Capped.String())
}
