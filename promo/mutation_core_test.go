package promo_test

// The core engine's mutants (issue 19: gremlins v0.5.0 over action, cart,
// choice, engine, errors, eval, evaluate, item, match, options, order,
// promotion, refund, result, rule and work .go): the tests that kill them
// are in mutation_core_*_test.go, grouped by the file they pin (cart,
// choice, eval, item, order, refund, rule); this file keeps the list of
// the survivors that no input can tell apart.
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
//   - choice.go nodeMemo.lookup, `m.used[e*m.np:...]` to `e/m.np`: a
//     remembered combination after the first gets a wrong set of used
//     promotions, which decides only a tie in saving with it; the memo
//     exists only after a greedy start (a search that might not fit).
