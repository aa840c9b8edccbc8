package promo_test

// Equivalent mutants of promo's remaining files (issue 19): every mutant
// gremlins v0.5.0 lists (`unleash --dry-run`) for backtest.go to
// json_forms.go, run against the -short suite of bda67c7 (each mutant
// switched on in turn in one instrumented test binary; a few checked by
// hand as well), those not already listed in mutation_core_test.go,
// mutation_sem_test.go, check_test.go, backtest_test.go or
// forms_bounds_test.go. One line each, `file.go:LINE:COL MUTATOR` (lines of
// bda67c7), with why it cannot change behaviour:
//
//   - code.go:316:8 CONDITIONALS_BOUNDARY (`hi >= CodeSparsity` to `>`):
//     hi = ⌊31^BodyLen / 2^64⌋ is 0, 1, 41, 1272, ... for BodyLen 6..24,
//     never exactly 1000, so both sides take the same branch.
//   - code.go:360:8 CONDITIONALS_BOUNDARY (`r < utf8.RuneSelf` to `<=`):
//     at r == 0x80, codeValue[0x80] is -1 (the alphabet is ASCII), the
//     same v = -1 the original keeps; the table has 256 entries.
//   - code.go:549:31 ARITHMETIC_BASE (`int(n)*l` to `/` in Generate's
//     buffer): a capacity hint; append grows the buffer and writes the
//     same bytes, and Generate returns no size or work figure.
//   - json.go:240:9 CONDITIONALS_BOUNDARY (`end < 0` to `<=` in
//     promotionIndex): at end == 0 the index text is empty, Atoi fails,
//     and the function returns -1 either way.
//   - json.go:519:15 CONDITIONALS_BOUNDARY (`len(args) > 0` to `>=` in
//     decoder.add): every detail passed without arguments is a literal
//     free of % (or one with ", got an object" / ", got a list" added),
//     which Sprintf returns unchanged.
//   - json.go:557:56 CONDITIONALS_BOUNDARY (`len(d.problems) >= d.max` to
//     `>` in full): every append of a problem is followed by stopIfFull,
//     which adds the "stopped" note when the count reaches max, so full()
//     never sees exactly max problems (max is at least 1).
//   - json.go:1157:10, 1164:9, 1173:11, 1200:11 and 1238:10
//     CONDITIONALS_BOUNDARY (`p.i < len(p.b)` to `<=`, `p.i >= len(p.b)`
//     to `>` in jsonParser.ws, value and skip): the parser reads only
//     documents json.Valid accepted; there ws, value and skip are called
//     only before a value or inside a container whose closing bracket is
//     still ahead, so p.i == len(p.b) never holds at these checks (a bare
//     number, where it does, ends in the loop of 1227, which is tested).
//   - json.go:1250:13 CONDITIONALS_BOUNDARY (`depth <= 0` to `< 0` in
//     skip): after the bracket closing the skipped value the mutant steps
//     past it and then returns at the next byte, which in a valid document
//     is white space, ',', '}' or ']': the same position as the original.
//   - json.go:1260:24 CONDITIONALS_BOUNDARY (`p.i < len(p.b)` to `<=` in
//     skip) and json.go:1269:10 (the same in skipString): skip runs only
//     inside a container and strings are closed in a valid document, so
//     the end of the document is never reached there.
//   - json.go:1260:80 CONDITIONALS_BOUNDARY (`IndexByte(...) >= 0` to
//     `> 0`): a ',' (index 0) after a skipped scalar no longer ends the
//     loop there, but the next turn reads that ',' at depth 0 and returns
//     at the same position.
//   - json.go:1282:10 CONDITIONALS_BOUNDARY (`p.i < len(p.b)` to `<=` in
//     str): every string of a valid document has its closing quote, found
//     before the end.
//   - check.go:277:9 INVERT_NEGATIVES and ARITHMETIC_BASE (`k.add(-1, ...`
//     to `1` in invalid): Campaign.Validate returns a *CampaignError or
//     nil, so the branch for another error type is never taken.
//   - check.go:298:10 INVERT_NEGATIVES and ARITHMETIC_BASE (`return -1` to
//     `1` for a bad index in promotionOf): validation names only
//     promotions[i] paths with i a promotion's index, so this return is
//     not reached (as the listed `i >= len` of the same line).
//   - check_rules.go:94:13 CONDITIONALS_BOUNDARY (`hi >= 0` to `>` in
//     atLeast): hi is -1 (unbounded) or a tier minimum, which tierMin
//     accepts only above 0, so hi is never 0.
//   - check_rules.go:196:29 CONDITIONALS_BOUNDARY (`r.off < 0` to `<=` in
//     leastReward; check_test.go lists the one of line 200): a 0.00-off
//     tier (invalid) makes the least 0, and no budget is below 0, so no
//     finding either way.
//   - check_rules.go:203:16 CONDITIONALS_BOUNDARY (`v < least` to `<=`):
//     equal values give the same least.
//   - check_rules.go:217:33 CONDITIONALS_BOUNDARY (`off > 0` to `>=` in
//     leastReward): a free shipping of 0.00 off gives a least of 0, and no
//     budget is below 0.
//   - check_rules.go:358:54 CONDITIONALS_BOUNDARY (`j < i` to `<=` in
//     dominated): i == j is skipped two lines above.
//   - check_rules.go:435:12 CONDITIONALS_BOUNDARY (`t.min > ty[0].min` to
//     `>=` in thresholdDominates): a point equal to ty[0].min is already in
//     the list and slices.Compact drops the copy.
