package normal

// Mutation pass (issue 19, gremlins v0.5.0 on this package: 10 of 147
// mutants lived before TestQuantileDeepTail, which killed the two in
// solveDeep's p/φ(z), at 231:33 and 231:36). The rest cannot change a
// result (line numbers of normal.go at the commit of this list):
//
//   - 174:16, 197:16, 222:16 CONDITIONALS_BOUNDARY ("n <= maxTerms",
//     "k <= maxSteps" -> "<"): the bounds are never reached. centre needs at
//     most 59 terms (|z| ≤ 4.27) of its 80, solveTail and solveDeep at most
//     4 Newton steps of their 8 (TestQuantileSteps, and the 176,000 values
//     measured against mpmath); the loops end by their stop rules.
//   - 178:21 CONDITIONALS_BOUNDARY ("|t| < 1e-25" -> "<="): differs only
//     for a term of exactly 1e-25, and then adds one more term below it,
//     which moves z by less than 1e-25/φ(z) ≤ 3e-21, a millionth of an ulp.
//   - 202:21, 233:21 CONDITIONALS_BOUNDARY ("|step| <= 1e-12·|z|" -> "<"):
//     differs only for a step of exactly 1e-12·|z|, and then takes one more
//     Newton step from an iterate already far below an ulp from the root.
//   - 226:17 CONDITIONALS_BOUNDARY ("j <= 8" -> "<"): drops the eighth term
//     of the asymptotic series, 15!!/z¹⁶ ≤ 2027025/37¹⁶ = 2e-19 of the sum
//     (z < −37 there); Φ/φ = s/|z| moves by 5e-21, z by as much, against an
//     ulp of 7e-15.
//   - 233:29 ARITHMETIC_BASE (solveDeep's stop "1e-12·|z|" -> "1e-12/|z|"):
//     a tolerance 1400 times tighter, but from the start the deep-tail steps
//     fall from about 1e-9 to 1e-18 in one step, so both stop after the same
//     step (checked at the 48 deepRefs and at p = 10^k for k from −323 to
//     −300 in steps of 0.01).
//
// Two INCREMENT_DECREMENT mutants (174:30 "n++" and 226:24 "j++" -> "--")
// loop forever and time out: counted as killed.
