package funnel

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tests in this file extend anchors_test.go and anchors_more_test.go
// with ClickHouse windowFunnel results they did not cover:
//   - tests/queries/0_stateless/00632_aggregation_window_funnel, the
//     funnel_test_reentry block ("CH 00632 reentry"; .sql and .reference as
//     mirrored in hanzoai/datastore at b1c80298). Its levels are those of
//     src/AggregateFunctions/AggregateFunctionWindowFunnel.cpp at ClickHouse
//     commit 0215c755 (after PR #99003). A different version of the same
//     test (ClickHouse commit 0882b32b: funnel_test_allow_reentry and
//     funnel_test_ecommerce, asserted in anchors_test.go and
//     anchors_more_test.go) is not reproduced by that source: for "a b a b
//     c" in 'strict_order' the source gives 3, that reference 2;
//   - tests/queries/0_stateless/00678_shard_funnel_window ("CH 00678");
//   - the regression test of issue #37177 (PR #99003, strict_deduplication
//     returns the level reached) and the one of issue #124071
//     (strict_deduplication with strict_once on rows matching several
//     conditions), whose expected levels are stated in the test's comments;
//   - the examples of docs/en/sql-reference/aggregate-functions/
//     parametric-functions.md, windowFunnel ("CH docs").
//
// Each case feeds opskit the anchor's events and asserts the anchor's level.
// Where opskit differs and its package doc says so, the case asserts
// opskit's value and quotes the doc; where the doc is silent the case
// asserts opskit's value and is skipped with "differs from ClickHouse".

// chAt is actor who doing name at sec seconds after base: a UInt32 or
// DateTime timestamp of ClickHouse's tests.
func chAt(who string, sec int, name string) Event {
	return pe(who, base.Add(time.Duration(sec)*time.Second), name)
}

// chRow is one row of a table with UInt8 condition columns: the row has
// property c = "1" for each condition c that holds on it.
func chRow(sec int, conds ...string) Event {
	kv := make([]string, 0, 2*len(conds))
	for _, c := range conds {
		kv = append(kv, c, "1")
	}
	return pe("u", base.Add(time.Duration(sec)*time.Second), "row", kv...)
}

// chCond is the step "condition column c is 1".
func chCond(c string) Matcher {
	return Matcher{Name: c, Where: func(e Event) bool { return e.Props[c] == "1" }}
}

// TestCHReentryBlock: CH 00632 reentry, table funnel_test_reentry, window
// 100: uid 1 a@10 a@20 b@30 a@40 c@50; uid 2 a@10 c@20 b@30 c@40; uid 3 a@10
// c@20.
//   - uid 1, steps a, b, a, c: 'strict_order' 1, with 'allow_reentry' 4.
//     opskit gives 4 in both: package doc, Order: "An event that matches
//     several steps fills the one the attempt can take next, as in PostHog;
//     ClickHouse splits such a row into one entry per step, in step order,
//     so in 'strict_order' a row matching steps 1 and 3 breaks its own
//     chain" (a@10 matches steps 1 and 3).
//   - uid 2, steps a, b, c: 'strict_order' 1 (c@20 skips b); uid 3 with
//     'allow_reentry' 1.
//   - uid 2 with 'allow_reentry': 3 (c@20, a step ahead of the next, is
//     passed over).
func TestCHReentryBlock(t *testing.T) {
	events := []Event{
		chAt("1", 10, "a"), chAt("1", 20, "a"), chAt("1", 30, "b"), chAt("1", 40, "a"), chAt("1", 50, "c"),
		chAt("2", 10, "a"), chAt("2", 20, "c"), chAt("2", 30, "b"), chAt("2", 40, "c"),
		chAt("3", 10, "a"), chAt("3", 20, "c"),
	}
	w := 100 * time.Second
	abac := steps("a", "b", "a", "c")
	assert.Equal(t, 4, levelsBy(t, MustNew(abac, w, WithStepOrder(Strict)), events)["1"]) // ClickHouse: 1
	assert.Equal(t, 4, levelsBy(t, MustNew(abac, w, WithStepOrder(Strict), WithModes(AllowReentry)), events)["1"])
	strict := levelsBy(t, MustNew(steps("a", "b", "c"), w, WithStepOrder(Strict)), events)
	assert.Equal(t, 1, strict["2"])
	reentry := levelsBy(t, MustNew(steps("a", "b", "c"), w, WithStepOrder(Strict), WithModes(AllowReentry)), events)
	assert.Equal(t, 1, reentry["3"])
	assert.Equal(t, 3, reentry["2"]) // c@20 is passed over, as in ClickHouse
}

// TestCHStrictDeduplicationLevel: ClickHouse issue #37177 and its
// regression test (PR #99003): install@0 start@5 login@10 install@15
// start@20 install@25 start@30 login@35 end@40, window 60, steps install,
// start, login, end, with 'strict_deduplication' and with
// 'strict_deduplication', 'strict_once': level 3 ("install→start→login
// matched before duplicate install stops the chain"; in the source the
// stop is start@20, a second step 2 after the restart at install@15).
//
// opskit gives 4, the attempt from install@25 (package doc, Modes:
// "ClickHouse stops its whole computation at the first break or
// duplicate; opskit ends that attempt and keeps following the others (as
// PostHog does)"). The reporter of #37177 expected 4 as well.
func TestCHStrictDeduplicationLevel(t *testing.T) {
	var events []Event
	for i, n := range []string{"install", "start", "login", "install", "start", "install", "start", "login", "end"} {
		events = append(events, chAt("u", 5*i, n))
	}
	st := steps("install", "start", "login", "end")
	assert.Equal(t, 4, depthOf(t, MustNew(st, 60*time.Second, WithModes(StrictDeduplication)), events))              // ClickHouse: 3
	assert.Equal(t, 4, depthOf(t, MustNew(st, 60*time.Second, WithModes(StrictDeduplication|SharedEvents)), events)) // ClickHouse: 3
	// The attempt that reaches 4 starts at install@25 (25 s after base).
	l, err := MustNew(st, 60*time.Second, WithModes(StrictDeduplication)).Levels(events)
	require.NoError(t, err)
	at, ok := l.StepTime(0, 1)
	require.True(t, ok)
	assert.Equal(t, base.Add(25*time.Second).UnixNano(), at)
	// Without the mode both give 4: install@0 ... end@40 fits the window of
	// 60 s (hand trace of AggregateFunctionWindowFunnel.cpp; no anchor test).
	assert.Equal(t, 4, depthOf(t, MustNew(st, 60*time.Second), events))
}

// TestCHDeduplicationRowsOfSeveralConditions: the regression test of
// ClickHouse issue #124071, window 1 s, DateTime t, conditions c1, c2, c3:
// rows R1 (t=2: c2), R2 (t=2: c1, c2, c3), R3 (t=3: c3). Its comments state:
// with 'strict_once' alone level 3 in the orders R1 R2 R3 and R2 R1 R3;
// with 'strict_deduplication' alone 2 in both ("due to duplicate c2 at
// t=2"); with both and R1, R2, R1-like c2 row, R3 ("genuine duplicate") 2.
//
// opskit differs on purpose: ClickHouse splits R2 into one entry per
// condition and sorts entries of one instant by condition, so R1's c2
// lands after R2's c1 whatever the input order. Package doc: "Equal
// timestamps keep input order ... ClickHouse orders equal timestamps by
// step instead", and "ClickHouse splits such a row into one entry per
// step, in step order". 'strict_once' is opskit's default (one event per
// step); ClickHouse's default is SharedEvents.
func TestCHDeduplicationRowsOfSeveralConditions(t *testing.T) {
	cs := []Matcher{chCond("c1"), chCond("c2"), chCond("c3")}
	r1, r2, r3 := chRow(2, "c2"), chRow(2, "c1", "c2", "c3"), chRow(3, "c3")
	r123, r213 := []Event{r1, r2, r3}, []Event{r2, r1, r3}
	once := MustNew(cs, time.Second)
	// R1 first: R2 opens the attempt after R1 and nothing after R2 matches
	// c2, so 1; R2 first: R1 fills c2 and R3 (1 s later, the window end is
	// inclusive) c3.
	assert.Equal(t, 1, depthOf(t, once, r123)) // ClickHouse: 3
	assert.Equal(t, 3, depthOf(t, once, r213))
	dedup := MustNew(cs, time.Second, WithModes(StrictDeduplication|SharedEvents))
	assert.Equal(t, 3, depthOf(t, dedup, r123)) // ClickHouse: 2 (R2 fills c1, c2, c3 at once)
	assert.Equal(t, 3, depthOf(t, dedup, r213)) // ClickHouse: 2
	both := MustNew(cs, time.Second, WithModes(StrictDeduplication))
	genuine := []Event{r1, r2, chRow(2, "c2"), r3}
	assert.Equal(t, 3, depthOf(t, both, genuine)) // ClickHouse: 2 (R1's c2 is read as step 2, the next c2 as its duplicate)
	// Input order R2 first, two c2 rows after it: ClickHouse's reading of
	// the instant (c1, then the c2s) is opskit's, and the second c2 stops
	// both at 2 (for ClickHouse a hand trace of the source, no anchor test).
	assert.Equal(t, 2, depthOf(t, both, []Event{r2, chRow(2, "c2"), chRow(2, "c2"), r3}))
}

// TestCHShardFunnelWindow: CH 00678, uid = number, its = number % 3,
// action_code = toString(number % 3) for number 0..9999, read twice
// (remote over two replicas of one table, so every user has two identical
// rows), window 3600, steps "action_code is not empty" and action_code = '2':
// levels 1 for 6,667 users and 2 for 3,333. With one event per step
// (opskit's default) the second copy of a "2" row fills step 2; with
// SharedEvents (ClickHouse's default) one row fills both steps, so one
// copy suffices.
func TestCHShardFunnelWindow(t *testing.T) {
	var twice, once []Event
	for n := 0; n < 10000; n++ {
		e := chAt(strconv.Itoa(n), n%3, strconv.Itoa(n%3))
		twice = append(twice, e, e)
		once = append(once, e)
	}
	st := []Matcher{
		{Name: "any", Where: func(e Event) bool { return e.Name != "" }},
		{Name: "two", Where: func(e Event) bool { return e.Name == "2" }},
	}
	hist := func(f Funnel, events []Event) map[int]int {
		out := map[int]int{}
		for _, lvl := range levelsBy(t, f, events) {
			out[lvl]++
		}
		return out
	}
	want := map[int]int{1: 6667, 2: 3333}
	assert.Equal(t, want, hist(MustNew(st, time.Hour), twice))
	assert.Equal(t, want, hist(MustNew(st, time.Hour, WithModes(SharedEvents)), once))
	assert.Equal(t, want, hist(MustNew(st, time.Hour, WithModes(SharedEvents)), twice))
	r, err := MustNew(st, time.Hour).Run(twice)
	require.NoError(t, err)
	assert.Equal(t, []int64{10000, 3333}, r.Counts())
	// One copy, one event per step: a row cannot fill both steps.
	assert.Equal(t, map[int]int{1: 10000}, hist(MustNew(st, time.Hour), once))
	// The same on the columnar path, the steps as sets of names.
	named := MustNew([]Matcher{{Name: "any", Event: "0", AnyOf: []string{"1", "2"}}, {Event: "2"}}, time.Hour)
	c, _, _, err := named.Encode(twice)
	require.NoError(t, err)
	l, err := named.LevelsColumns(c)
	require.NoError(t, err)
	colHist := map[int]int{}
	for _, lvl := range l.Level {
		colHist[int(lvl)]++
	}
	assert.Equal(t, want, colHist)
}

// TestCHDocExamples: the windowFunnel examples and mode descriptions of the
// CH docs.
//   - Table trend, user 1: 1003 at 2019-01-29 10:00, 1007 at 2019-01-31
//     09:00, 1009 at 2019-01-30 08:00, 1010 at 2019-02-01 08:00 (inserted
//     in that order), window 6048000000000000 s (here the largest
//     duration), steps 1003, 1009, 1007, 1010: level 4, count 1.
//   - 'strict_order': "in the case of A->B->D->C, it stops finding A->B->C
//     at the D and the max event level is 2".
//   - 'allow_reentry': "in the case of A->A->B->C, it finds A->B->C ... and
//     the max event level is 3" (with 'strict_order'; opskit's strict order
//     gives 3 with or without AllowReentry, as a repeat of the step just
//     reached).
//   - The allow_reentry example, steps begin_checkout, view_product_detail,
//     begin_checkout, complete_payment over "checkout -> product detail ->
//     checkout again -> payment": "With allow_reentry: reaches level 4";
//     "Without allow_reentry: stops at level 2". opskit gives 4 in both (see
//     TestCHReentryBlock for the doc sentence; ClickHouse's source gives
//     1 without allow_reentry, not the 2 the example states).
func TestCHDocExamples(t *testing.T) {
	trend := []Event{
		pe("1", utc(2019, time.January, 29, 10, 0, 0), "1003"), pe("1", utc(2019, time.January, 31, 9, 0, 0), "1007"),
		pe("1", utc(2019, time.January, 30, 8, 0, 0), "1009"), pe("1", utc(2019, time.February, 1, 8, 0, 0), "1010"),
	}
	f := MustNew(steps("1003", "1009", "1007", "1010"), time.Duration(1<<63-1))
	r, err := f.Run(trend)
	require.NoError(t, err)
	assert.Equal(t, []int64{1, 1, 1, 1}, r.Counts())
	abc := steps("a", "b", "c")
	assert.Equal(t, 2, depth(t, MustNew(abc, time.Hour, WithStepOrder(Strict)), "a b d c"))
	assert.Equal(t, 3, depth(t, MustNew(abc, time.Hour, WithStepOrder(Strict), WithModes(AllowReentry)), "a a b c"))
	assert.Equal(t, 3, depth(t, MustNew(abc, time.Hour, WithStepOrder(Strict)), "a a b c"))
	shop := steps("begin_checkout", "view_product_detail", "begin_checkout", "complete_payment")
	seq := "begin_checkout view_product_detail begin_checkout complete_payment"
	assert.Equal(t, 4, depth(t, MustNew(shop, time.Hour, WithStepOrder(Strict), WithModes(AllowReentry)), seq))
	assert.Equal(t, 4, depth(t, MustNew(shop, time.Hour, WithStepOrder(Strict)), seq)) // CH docs: 2
}

// TestCHArgumentLimits: AggregateFunctionWindowFunnel.cpp rejects more than
// MAX_EVENTS = 32 conditions ("Too many event arguments") and
// 'allow_reentry' without 'strict_order' ("allow_reentry option requires
// strict_order"); opskit's New does the same (MaxSteps, ErrInvalidOption).
func TestCHArgumentLimits(t *testing.T) {
	names := make([]string, 33)
	for i := range names {
		names[i] = "e" + strconv.Itoa(i)
	}
	_, err := New(steps(names[:32]...), time.Hour)
	require.NoError(t, err)
	_, err = New(steps(names...), time.Hour)
	assert.ErrorIs(t, err, ErrTooManySteps)
	_, err = New(steps("a", "b"), time.Hour, WithModes(AllowReentry))
	assert.ErrorIs(t, err, ErrInvalidOption)
	_, err = New(steps("a", "b"), time.Hour, WithStepOrder(Strict), WithModes(AllowReentry))
	assert.NoError(t, err)
}
