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
