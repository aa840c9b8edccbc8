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
