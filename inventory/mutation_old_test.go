package inventory

// Equivalent mutants of the hand mutation pass over the files no recent gremlins run covered
// (safety, suggest, policy, position, restock, forecast, eoq, demand, abc, classify, metrics,
// accuracy, normal; issue 19). Each mutant was applied by hand and survived the whole suite; none can
// change a result. Format: file.go:LINE:COL MUTATOR — why (lines of main at bda67c7).
//
//   - suggest.go:534:10 CONDITIONALS_BOUNDARY — "mu > 0" -> "mu >= 0" only differs at μ = 0 with
//     stock available, where available/0 = +Inf is what the default branch sets, and +Inf is beyond
//     the 36 500-day horizon, so no stockout date either. μ = -0 (which would give -Inf) no longer
//     exists: NewDemand turns -0 into 0 (TestDemandNegativeZero).
//   - demand.go:116:7 CONDITIONALS_BOUNDARY — "p <= 0" -> "p < 0" in StdDevOver lets p = 0 through to
//     σ·√0 = σ·0, which is 0 for every valid σ (finite, not negative, never -0): the same 0 as the
//     early return.
//   - classify.go:81:44 CONDITIONALS_BOUNDARY — "mean > 0" -> "mean >= 0": the sizes are the positive
//     demands and their mean is their sum (at least the largest size) over their count, at least the
//     smallest size, 2⁻¹⁰⁷⁴ or more: never 0, so the two conditions agree.
//   - classify.go:86:30 and 90:11 CONDITIONALS_BOUNDARY — "cv2 < CV2Cutoff" -> "<=" differs only at
//     CV² = 0.49 exactly, and CV² is r·r for a double r = s/x̄ (or 0): no double squares to the double
//     0.49 (0.69999999999999995559² rounds to 0.48999999999999993561, the next double 0.70000000000000006661
//     to 0.49000000000000010214; checked over the 40 doubles around 0.7).
