package normal

// Mutation pass (issue 19, gremlins v0.5.0 on this package). The first run
// left 10 of 147 mutants alive; TestQuantileDeepTail killed the two in
// solveDeep's p/φ(z) (√2π·(p·E)·E·(1+l/2): "*" -> "/" and "+" -> "-"
// before the correction for the rounding of z²). After centre's split into
// a double-double and a float64 part, the run gives 149 killed (2 by
// timing out) and 10 lived, each of which cannot change a result (line
// numbers of normal.go at the commit of this list):
//
//   - 177:10, 186:13, 209:16, 234:16 CONDITIONALS_BOUNDARY ("n <= maxTerms"
//     in both loops of centre, "k <= maxSteps" -> "<"): the bounds are never
//     reached. centre needs at most 59 terms (|z| ≤ 4.27) of its 80,
//     solveTail and solveDeep at most 4 Newton steps of their 8
//     (TestQuantileSteps, and the 176,000 values measured against mpmath);
//     the loops end by their stop rules.
//   - 181:21 and 190:18 CONDITIONALS_BOUNDARY ("|t| < 1e-17" and
//     "|t| < 1e-25" -> "<="): differ only for a term of exactly 1e-17 (then
//     summed in float64 rather than double-double, either way within 1e-32)
//     or exactly 1e-25 (then one more term below it is added, which moves z
//     by less than 1e-25/φ(z) ≤ 3e-21, a millionth of an ulp).
//   - 214:21, 245:21 CONDITIONALS_BOUNDARY ("|step| <= 1e-12·|z|" -> "<"):
//     differs only for a step of exactly 1e-12·|z|, and then takes one more
//     Newton step from an iterate already far below an ulp from the root.
//   - 238:17 CONDITIONALS_BOUNDARY ("j <= 8" -> "<"): drops the eighth term
//     of the asymptotic series, 15!!/z¹⁶ ≤ 2027025/37¹⁶ = 2e-19 of the sum
//     (z < −37 there); Φ/φ = s/|z| moves by 5e-21, z by as much, against an
//     ulp of 7e-15.
//   - 245:29 ARITHMETIC_BASE (solveDeep's stop "1e-12·|z|" -> "1e-12/|z|"):
//     a tolerance 1400 times tighter, but from the start the deep-tail steps
//     fall from about 1e-9 to 1e-18 in one step, so both stop after the same
//     step (checked at the 48 deepRefs and at p = 10^k for k from −323 to
//     −300 in steps of 0.01).
//
// The two that time out are 177:24 ("n++") and 238:24 ("j++") -> "--",
// loops that never end: counted as killed.
