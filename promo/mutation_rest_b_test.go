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
