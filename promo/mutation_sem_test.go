package promo_test

// Equivalent mutants of the issue 13 code (gremlins v0.5.0, `--diff` against
// the commit before issue 13; see BENCHMARKS.md). Each cannot change
// behaviour:
//
//   - evaluate.go setHint, `missing <= 0` to `missing < 0`: a missing
//     amount or count is never 0 (thresholdHint returns t.min - measure
//     only when measure < t.min, (n+1)·size - measure > 0 for 每满; a
//     gift's min - measure only when measure < min; the pass records
//     the same), so 0 never reaches it.
//   - evaluate.go setHint, `next > 0` to `next >= 0`: a next reward is a
//     tier's Off (validated above zero), (n+1)·Off > 0, or -1 (a rate).
//   - evaluate.go hintDirect, `measure < min` to `measure <= min`: at
//     equality the missing amount would be 0, which setHint ignores.
//   - evaluate.go hintDirect, `min > 0` to `min >= 0`: with min = 0 the
//     other operand, measure < 0, is false (amounts and counts are not
//     negative).
//   - rule.go Gift.compile, `cap: -1` to `cap: 1`: a gift's cap is never
//     read (gifts are not held to budgets or caps: giftPromo does not call
//     budgetLeft, and the sharper bound and aloneOrder skip gifts).
//   - order.go thresholdHint, the default `next = -1` to `1`: next is read
//     only with a positive missing amount, and then it was set: (n+1)·Off
//     cannot overflow (Off ≤ the step ≤ MaxMinorUnits by amount; Off ≤
//     MaxMinorUnits and n+1 ≤ MaxUnits+1 by quantity).
//
// gremlins reports the conditions of switch cases (order.go base,
// evaluate.go hintDirect) as NOT COVERED although the tests run them
// (TestThresholdBase360, TestLeftOutThresholdExplained): it maps coverage
// by block, and a case's condition is outside its block.
