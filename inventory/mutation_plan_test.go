package inventory

// Equivalent mutants of issue 16's code (gremlins v0.5.0, `--diff main`, and hand-applied mutants for
// the files its 50-minute run did not reach): each survivor below cannot change behaviour, for the
// reason given. Every other survivor has a killing test (plan_boundary_test.go, backtest_test.go,
// backtest_search_test.go, ergonomics_test.go, seeds_test.go).
//
//   - backtest.go, `if d < 0 {` inside `if d < 0 || d > MaxQty` → `d <= 0`: the inner branch is only
//     reached with d < 0 or d > MaxQty, never with d == 0.
//   - backtest.go, `if backlog > 0 {` → `backlog >= 0`: with no backlog, min(0, on hand) = 0 is
//     served and nothing changes.
//   - backtest.go, `position > 3*MaxQty || position < -3*MaxQty` (both boundaries): a guard. An order
//     is placed only at a position at or below a level of at most MaxQty and is at most MaxQty (plus a
//     pack), the start is at most MaxQty, and every policy orders once the position falls below its
//     level, so the position stays within about ±2·MaxQty and never reaches ±3·MaxQty.
//   - backtest.go, `if !(need > 0) {` → `!(need >= 0)`: a need of 0 shapes to an order of 0, which the
//     `q <= 0` check skips the same way.
//   - backtest.go, the overflow branches of checked.Add on on hand, backorders, demand, on order and
//     ordered units (NOT COVERED): demand per day and every order are at most 1e15 over at most 36 600
//     days, so only a history of about 9 200 days of 1e15 units reaches them; FuzzBacktestJSON feeds
//     such values.
//   - backtest_search.go, better's `a.Result.TotalCost < b.Result.TotalCost` → `<=`: it is reached
//     only when the costs differ.
//   - event.go, ceilUnits' `math.Abs(x-r) <= 1e-9*max(1, r)` → `<`: differs only when the distance
//     equals the tolerance exactly, which no product of binary fractions near a whole number hits.
//   - lossinv.go, the choice of the starting point (`u > 4`, its negation and boundary): Halley's
//     method converges to the same root from either start (TestLossInverseFast compares with the
//     Newton solver to 1e-12 over 1e-20 to 1e3); only the number of steps changes.
//   - abc.go, `cuts.boundary == CrossingDown` (NOT COVERED in gremlins' coverage of switch case
//     expressions; TestABCBoundary runs both rules and fails under each negation).
//   - backtest.go, Unmet.String's default branch (NOT COVERED): only for an invalid value.
