package funnel

// Equivalent mutants of a whole-package scan of funnel (issue 19): every
// mutant of gremlins v0.5.0's default mutators (conditionals boundary and
// negation, arithmetic, increment/decrement, inverted negatives) on the
// covered lines, each applied to bda67c7 and run against `go test -short
// ./funnel/`; positions are those of bda67c7, before the tests in
// mutation_run_*_test.go and the fixes they brought. Each survived and
// cannot change a result, an error or a work counter (at most a result's
// last bits, where said):
//   - actors.go:326:48 ARITHMETIC_BASE (nameSlot, "int(name[n/2])*3" ->
//     "/3"): the hash only picks a cache slot and stays non-negative; the
//     slot's name is compared before its mask or ID is used, so only the
//     hit rate changes, and the names of TestNameSlotsOfCommonNames stay
//     in distinct slots. (The "+" before it, which could go negative, is
//     killed by TestNameSlotOfHostileBytes.)
//   - columns.go:54:10 CONDITIONALS_BOUNDARY ("unit < 0" -> "<="): a zero
//     Unit was replaced by one nanosecond just before, so unit is never 0.
//   - columns.go:214:27 CONDITIONALS_BOUNDARY ("c.Actors[j] < a" -> "<="):
//     the loop before stops at the first j whose actor is not a, so the
//     actors are never equal there.
//   - engine.go:181:25 CONDITIONALS_BOUNDARY (fastOrdered, "actors[i] < a"
//     -> "<="): the same loop exit as columns.go:214.
//   - engine.go:195:18 CONDITIONALS_BOUNDARY (fastOrdered, "int(maxCode) >
//     k" -> ">="): at maxCode = k the search for a code above k finds none
//     and the run returns -1 as without it (one more pass over the codes).
//   - engine.go:229:29 CONDITIONALS_BOUNDARY (actor, "n <= kn.plainMax" ->
//     "<"): an actor of exactly 32 events goes to the indexed scan instead
//     of the event-by-event one; the two give the same attempt (the tests
//     force either and compare), and next, where they could differ, is not
//     read on this path (restart with unique actors).
//   - correlation.go:184:46 CONDITIONALS_BOUNDARY (span, "next <
//     len(f.steps)" -> "<="): since the one-step span returns before the
//     loop (TestCorrelationOneStepSpanIsEmpty, a fix), next starts below
//     the step count and the loop returns as soon as it reaches it.
//   - intern.go:92:10 CONDITIONALS_BOUNDARY, 92:14 and 92:23
//     ARITHMETIC_BASE (sortPerm, "span <= 2*int64(n)+16" -> "<", "2/n",
//     "-16"): they only choose between the counting sort and the stable
//     sort by actor, which give the same stable permutation, and the same
//     runs of one actor; n is at least 1 there (no division by zero).
//   - intern.go:131:21 CONDITIONALS_BOUNDARY (sortRun, "times[run[i]] <
//     times[run[i-1]]" -> "<="): equal times also trigger the stable sort
//     by time, which keeps them in order: the same run.
//   - levels.go:98:108 ARITHMETIC_BASE (Levels, "c.nActors*k" -> "/k"):
//     the capacity hint of the Times column; appends grow it, the rows are
//     the same.
//   - lmdi.go:162:7 CONDITIONALS_BOUNDARY (sign, "x < 0" -> "<="): sign
//     is called only with the remainder r inside "for ; r != 0", never 0.
//   - period.go:41:19 CONDITIONALS_BOUNDARY (floorDiv, "a < 0" -> "<="):
//     at a = 0 the other operand of the &&, a%b != 0, is false.
//   - period.go:104:30 ARITHMETIC_BASE (newPeriodMapper, "uint64(hi-min) /
//     bucketNanos" -> "*"): the bucket count only decides whether the
//     precomputed table of periods is built; past 2^16 more buckets than
//     times it is not, and every time takes the exact computation, which
//     the table's entries equal.
//   - period.go:105:13 CONDITIONALS_BOUNDARY ("buckets > len+2^16" ->
//     ">="): at exactly 2^16 more buckets than times the table is skipped
//     and the exact computation gives the same periods (memory stays
//     bounded either way; TestPeriodMapperWideRangeMemory kills the
//     negation and the "-" in the bound).
//   - period.go:112:32 ARITHMETIC_BASE ("start+bucketNanos-1" -> "+1"):
//     also marks as straddling the buckets that end exactly at a period
//     boundary; their times take the exact computation, the same period
//     (TestPeriodBucketAcrossMidnight kills the negation).
//   - retention.go:327:35 CONDITIONALS_BOUNDARY (firstTime, "p <
//     first[a]" -> "<="): at equality it stores the same period again.
//   - run.go:189:21 CONDITIONALS_BOUNDARY (sortByTime, "run[i].t >=
//     run[i-1].t" -> ">"): equal times then count as unsorted and the
//     stable insertion or merge sort keeps them in order: the same run.
//   - runfast.go:85:34 ARITHMETIC_BASE and 85:54 CONDITIONALS_NEGATION
//     (runWide, "checkEvent(op, lo+i, ...)" -> "lo-i", "err != nil" ->
//     "=="): runWide runs only from runTwoPass, whose first pass checked
//     every event, so no error can arise there; with "==" every run
//     returns "not handled" and Run takes its one-pass path, which gives
//     the same result.
//   - runfast.go:121:36 ARITHMETIC_BASE (runWide, "slices.Grow(masks[:0],
//     hi-lo)" -> "hi+lo"): a larger capacity for the mask buffer, the same
//     masks.
//   - runfast.go:139:17 CONDITIONALS_BOUNDARY (sortRun, "t[i] >= t[i-1]" ->
//     ">"): as run.go:189, equal times are re-sorted stably, in order.
//   - runpacked.go:57:11 CONDITIONALS_NEGATION (runTwoPass, "shift == 0"
//     -> "!="): every input with a span under 2^63 ns goes to the wide
//     path, which gives the same result; with shift 0 the packed path
//     allows mask ID 0 only (a second mask sends the run to the wide path)
//     and the packed value is then the unsigned time offset, sorted and
//     decoded as unsigned (TestRunPackedTopBit; a run of events 500 years
//     apart gave the same durations).
//   - runpacked.go:87:9 CONDITIONALS_NEGATION (runTwoPass, "id > maxID"
//     -> "<="): the first event's ID is 0, so every run goes to the wide
//     path: the same result, more work (">=" is listed in
//     mutation_test.go; TestRunPackedMaskIDBits kills a maxID one too
//     large).
//   - runpacked.go:253:34 CONDITIONALS_BOUNDARY (sortPacked, ">=" -> ">"):
//     as run.go:189, equal times are re-sorted stably, in order.
//   - seq.go:144:26 CONDITIONALS_NEGATION (finish, "shift == 0" -> "!="):
//     as runpacked.go:57, every usual input goes to the one-pass builder
//     (the same result), and with shift 0 the packed path is kept only for
//     one mask ID.
//   - stats.go:120:8 CONDITIONALS_BOUNDARY (TwoProportionZTest, "se > 0"
//     -> ">="): since 1 − p is taken from the failures
//     (TestZTestHugeArmAllConverted, a fix), SE is 0 only with no
//     conversions or no failures at all, where both rates are equal and
//     "pa != pb" is false.
//   - uplift.go:213:7 CONDITIONALS_BOUNDARY (betaInc, "y <= 0" -> "<"): at
//     y = 0 (x = 1) the prefactor is e^-Inf = 0 and the complement branch
//     returns 1 − 0 = 1, as the early return does.
//   - uplift.go:237:18 and 256:22 CONDITIONALS_BOUNDARY (betaCF, "|v| <
//     tiny", "|del−1| < eps" -> "<="): they differ only when a denominator
//     is exactly ±1e-300 or a step exactly 1e-16 from 1, where the result
//     moves by rounding only.
//   - uplift.go:245:10 CONDITIONALS_BOUNDARY (betaCF, "m <= maxBetaTerms"
//     -> "<"): the fraction converges in about 2,300 terms at the largest
//     ν it is used for (10^7), far from the 10,000th.
//
// Survivors that only an input of exactly 2^31 − 1 events could kill (over
// 100 GB of Event values, 16 GB of columns; correlation.go's is listed in
// mutation_ana_test.go):
//   - columns.go:248:17 CONDITIONALS_BOUNDARY (Encode, "len(events) >
//     MaxEvents" -> ">=").
//   - intern.go:50:7 CONDITIONALS_BOUNDARY (SortColumns, "n > MaxEvents"
//     -> ">="; the columns are then copied unsorted, and RunColumns
//     reports them).
//   - levels.go:86:25 CONDITIONALS_BOUNDARY (Levels, "n > MaxEvents" ->
//     ">=").
//   - repurchase.go:69:17 CONDITIONALS_BOUNDARY (Repurchase, "len(actors)
//     > MaxEvents" -> ">=").
//   - run.go:24:25 CONDITIONALS_BOUNDARY (Run, "n > MaxEvents" -> ">=").
//   - segment.go:177:20 CONDITIONALS_BOUNDARY (Segmentation.Run,
//     "len(purchases) > MaxEvents" -> ">=").
