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
//   - normal.go:128:20 and 128:32 ARITHMETIC_BASE, 129:21 and 129:30 CONDITIONALS_BOUNDARY, 129:32
//     INVERT_NEGATIVES, 140:21 CONDITIONALS_BOUNDARY (lossInverse: x/φ(0) -> x·φ(0) and -2·ln ->
//     -2/ln in the starting point, "L(z) < x" -> "<=", "z > -1" -> ">=" and -> "z > 1" in the walk
//     to the left, "|step| <=" -> "<" in the stop rule) — each changes only where Newton's method
//     starts or whether it takes one more step from a converged iterate; L is convex and
//     decreasing, so Newton converges to the same root from either side (from the right the first
//     step lands left of the root, then the iterates increase to it). NormalLossInverse is documented to about 1e-12, and the agreement of
//     lossInverseFast (Halley) with it within 1e-12 over 1e-300 to 1e3 (lossinv_test.go) and
//     L(z) = x within 1e-12·x still hold; the result can move by an ulp, which no test can pin
//     without pinning rounding noise.
//
// (Also lived in this pass: four mutants of the quantile's tail method, normal.go:60:21, 70:7, 83:7
// and 88:16; that code has since been replaced by internal/normal.)
