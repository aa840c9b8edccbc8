package promo_test

// Equivalent mutants of the whole-package run over promo's remaining files
// (issue 19: gremlins v0.5.0, `GOFLAGS=-short`, backtest.go to
// json_forms.go), those not already listed in mutation_core_test.go,
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
