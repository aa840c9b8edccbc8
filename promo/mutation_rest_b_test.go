package promo_test

// Equivalent mutants of the gremlins run over the rest of package promo
// (issue 19), in match, options, order, partial, points, presale,
// promotion, refund, result, rule, unitcap, work and worstcart(_search) .go.
// The tests that kill the others are in mutation_rest_b_*_test.go. Each
// cannot change behaviour:
//
//   - worstcart_search.go spaceSize, `total > 0` to `total >= 0`, and to
//     `total <= 0` (CONDITIONALS_NEGATION), and `(limit+1)/shoppers` to
//     `*`: the result is only compared with the budget (spaceSize(budget)
//     <= budget), and total·shoppers (at most (MaxWorstCartBudget+1) ·
//     MaxShoppers, no overflow) is above the budget exactly when total is
//     above ⌊(limit+1)/shoppers⌋; with the guard off, the exact product
//     decides the same. total = 0 fails `total > ...` either way.
//   - worstcart_search.go climb, `s.carts < s.budget` to `<=`: at carts
//     == budget every move's consider returns before evaluating, so next
//     stays nil and the climb returns as the original does.
//   - worstcart_search.go quantities, `n >= 1` to `n > 1`: 1 is always a
//     seed already (k runs from 1, and every cap is at least 1); `n <= c`
//     to `<` and `k <= c` to `<` (the amount seeds): c itself is always a
//     seed, and the list is sorted and compacted, so the seeds are the
//     same.
//   - worstcart_search.go measure, `s.cost[i] < 0` to `<= 0`, `v <
//     s.cost[i]` to `<=`, and the gifts' `s.cost[i] > 0` to `>= 0`: a cost
//     of 0 adds nothing below cost (no unit pays less than 0, and 0 ×
//     Qty is 0), and a unit paying exactly its cost adds cost - v = 0.
//   - result.go Reason.MarshalText, `int(r) >= len(reasonNames)` and
//     `int(r) >= len(reasonText)` to `>` (each alone): the two tables have
//     the same length, so at r == len the other comparison still rejects
//     it. Reason.UnmarshalText, `i < len(reasonText)` to `<=`: i indexes
//     reasonNames, as long as reasonText, so both are always true.
//   - rule.go compile, the tiers' `i > 0` to `i >= 0`: at i = 0, prev is
//     still -1 and `prev >= 0` is false either way.
//   - order.go thresholdHint, the second `-1` of `missing, next = -1, -1`
//     (INVERT_NEGATIVES and ARITHMETIC_BASE): next keeps that value only
//     where missing does too (at the last tier or MaxTimes, or when
//     (times+1)·size - measure overflows), and setHint reads next only
//     when missing > 0; where missing is set, next is set as well, since
//     (times+1)·off ≤ measure + size < 2^63 (a step takes off at most its
//     size).
//   - order.go spreadOrder, `err != nil` to `err == nil` after the
//     allocation without floors: every room is its line's total then (no
//     floor, or an exempt promotion), so fill finds one level for all
//     parts and allocates by the same largest remainder, min(d, Σ rooms)
//     over the totals, with the same excess d - Σ rooms.
//   - order.go fill, `cmpRatio(...) == 0` to `!= 0` in computing same: the
//     one-level shortcut is never taken, and the walk it skips finds no
//     part full at once (all parts fill at the same level, above d/W as
//     d < Σ rooms), so it allocates d over all of them by allocFill, as
//     the shortcut does.
//   - match.go setOf, `len(list) <= shortList` to `>`: short lists are
//     matched through a set and long ones by a scan, the other way round;
//     has answers the same either way (the set holds the list's values).
//   - order.go allocFill, `back > 0` to `back <= 0`: nothing is ever held
//     back (the core list's allocFill entry: d is below the level at
//     which a share passes its room), so the give-back loop, now run,
//     gives min(0, room - part) = 0 to each part.
//   - order.go allocFill, `k < len(parts)` to `k >= len(parts)`: the
//     give-back loop does not run, and with nothing held back it had
//     nothing to give.
//   - order.go spreadLine, `err == nil` to `err != nil` after the
//     allocation of an unfloored line: the allocation never fails
//     (non-negative prices, bounded), so the mutant always takes the fill
//     path, whose rooms are the prices (no floor): fill finds one level
//     and allocates t over the units' prices by the same largest
//     remainder (allocFill calls the same allocator), and the units it
//     leaves out (price 0, no room) got 0 there.
//   - order.go spreadLine, `hi-lo == 1` to `hi+lo == 1` (ARITHMETIC_BASE
//     and INVERT_NEGATIVES): hi+lo is 1 only for a one-unit first line
//     (lo 0, hi 1), as before; any other one-unit line now takes the even
//     split, which over one unit (q = t, r = 0) gives it all of t, as the
//     direct take does.
//   - work.go allocate, `len(weights) <= 64` to `> 64`: each input goes
//     to the other of the two allocators, which give the same parts (the
//     core list's entry for `<`; TestAllocatorMatchesPricing).
