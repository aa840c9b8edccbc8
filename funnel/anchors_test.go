package funnel

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tests in this file reproduce documented results of the anchors:
// ClickHouse's windowFunnel regression test
// tests/queries/0_stateless/00632_aggregation_window_funnel.{sql,reference}
// (quoted as "CH 00632") and PostHog's funnel UDF
// (funnel-udf/src/steps.rs). Each case quotes the anchor's input and its
// level (the number of steps reached); where opskit differs on purpose the
// comment says so and why.

// depth runs f on one actor whose events are the names in seq, one second
// apart from 1 s, and returns the number of steps the actor reached.
func depth(t *testing.T, f Funnel, seq string) int {
	t.Helper()
	var events []Event
	for i, name := range strings.Fields(seq) {
		events = append(events, Event{Actor: "u", Time: base.Add(time.Duration(i+1) * time.Second), Name: name})
	}
	return depthOf(t, f, events)
}

func depthOf(t *testing.T, f Funnel, events []Event) int {
	t.Helper()
	r, err := f.Run(events)
	require.NoError(t, err)
	d := 0
	for _, c := range r.Counts() {
		if c > 0 {
			d++
		}
	}
	return d
}

func steps(names ...string) []Matcher {
	out := make([]Matcher, len(names))
	for i, n := range names {
		out[i] = Matcher{Event: n}
	}
	return out
}

// TestStrictOrderAnchors: CH 00632, table funnel_test_strict_order, window
// 86400 s, steps a, b, c. Default levels [3,3,3,3,3,1]; 'strict_order'
// levels [3,1,3,3,2,1]; user 7 "a c b" with window 10 and 'strict_order'
// reaches 1. Users 3 and 4 are the repeated step just reached: "a a b b c
// c" reaches 3 in strict order (PostHog's strict clears only the steps
// the event did not match, so a repeated b keeps step 2: "a b b c"
// reaches 3 there too).
func TestStrictOrderAnchors(t *testing.T) {
	users := []string{"a b c", "a d b c", "a a b b c c", "a a a a b b c c", "a a b b d c c", "c c b b a a"}
	ordered := MustNew(steps("a", "b", "c"), 86400*time.Second)
	strict := MustNew(steps("a", "b", "c"), 86400*time.Second, WithStepOrder(Strict))
	wantOrdered := []int{3, 3, 3, 3, 3, 1}
	wantStrict := []int{3, 1, 3, 3, 2, 1}
	for i, u := range users {
		assert.Equal(t, wantOrdered[i], depth(t, ordered, u), "ordered %q", u)
		assert.Equal(t, wantStrict[i], depth(t, strict, u), "strict %q", u)
	}
	assert.Equal(t, 1, depth(t, MustNew(steps("a", "b", "c"), 10*time.Second, WithStepOrder(Strict)), "a c b"))
	assert.Equal(t, 3, depth(t, strict, "a b b c"), "the issue's case")
	assert.Equal(t, 3, depth(t, strict, "a a b c"))
	// A step-1 event starts an attempt of its own; the attempt it breaks
	// keeps its depth.
	assert.Equal(t, 2, depth(t, strict, "a b a c"))
}

// TestStrictOrderPredicates: CH 00632, table funnel_test_non_null, user 4
// has rows (a NULL, b 'b1'), (a 'a2', b NULL), (a NULL, b 'b3'); steps "a
// is null", "b = 'b3'": level 2 by default, 1 with 'strict_order' (the
// second row matches no step and breaks the attempt; the third row matches
// both steps but fills one).
func TestStrictOrderPredicates(t *testing.T) {
	rows := []Event{ev("u", 1, "row", "b", "b1"), ev("u", 2, "row", "a", "a2"), ev("u", 3, "row", "b", "b3")}
	st := []Matcher{
		{Name: "a is null", Where: func(e Event) bool { _, ok := e.Props["a"]; return !ok }},
		{Name: "b = b3", Where: func(e Event) bool { return e.Props["b"] == "b3" }},
	}
	assert.Equal(t, 2, depthOf(t, MustNew(st, 86400*time.Second), rows))
	assert.Equal(t, 1, depthOf(t, MustNew(st, 86400*time.Second, WithStepOrder(Strict)), rows))
}

// TestStrictDeduplicationAnchors: CH 00632.
//   - funnel_test_strict: events 1000..1008 at 0, 10, ..., 80 s with 1005
//     at 50 and 51; steps 1000..1006: level 7 by default, 6 with
//     'strict_deduplication' (the second 1005 ends the chain).
//   - strict_BiteTheDDDD: "a b c b d", steps a..d: level 3.
//   - funnel_test_strict_order with 'strict_deduplication' and
//     'strict_order': levels [3,1,2,2,2,1].
func TestStrictDeduplicationAnchors(t *testing.T) {
	var events []Event
	for i, at := range []int{0, 10, 20, 30, 40, 50, 51, 60, 70, 80} {
		code := []string{"1000", "1001", "1002", "1003", "1004", "1005", "1005", "1006", "1007", "1008"}[i]
		events = append(events, Event{Actor: "u", Time: base.Add(time.Duration(at) * time.Second), Name: code})
	}
	seven := steps("1000", "1001", "1002", "1003", "1004", "1005", "1006")
	assert.Equal(t, 7, depthOf(t, MustNew(seven, 10000*time.Second), events))
	assert.Equal(t, 6, depthOf(t, MustNew(seven, 10000*time.Second, WithModes(StrictDeduplication)), events))
	assert.Equal(t, 3, depth(t, MustNew(steps("a", "b", "c", "d"), 86400*time.Second, WithModes(StrictDeduplication)), "a b c b d"))
	both := MustNew(steps("a", "b", "c"), 86400*time.Second, WithStepOrder(Strict), WithModes(StrictDeduplication))
	for i, u := range []string{"a b c", "a d b c", "a a b b c c", "a a a a b b c c", "a a b b d c c", "c c b b a a"} {
		assert.Equal(t, []int{3, 1, 2, 2, 2, 1}[i], depth(t, both, u), "%q", u)
	}
	// A repeated step-1 event is a restart, not a duplicate.
	assert.Equal(t, 3, depth(t, MustNew(steps("a", "b", "c"), time.Hour, WithModes(StrictDeduplication)), "a a b c"))
}

// TestStrictIncreaseAnchors: CH 00632, table funnel_test_strict_increase:
// (0, 1000), (1, 1001), (1, 1002), (1, 1003), (2, 1004). Steps 1000..1004:
// level 5 by default, 2 with 'strict_increase'. Steps 1004, 1004, 1004:
// level 3 by default (one row satisfies the three conditions: opskit's
// SharedEvents), 1 with 'strict_increase' (and 1 with 'strict_once',
// opskit's default of one event per step).
func TestStrictIncreaseAnchors(t *testing.T) {
	var events []Event
	for i, at := range []int{0, 1, 1, 1, 2} {
		events = append(events, Event{Actor: "u", Time: base.Add(time.Duration(at) * time.Second), Name: "100" + string(rune('0'+i))})
	}
	five := steps("1000", "1001", "1002", "1003", "1004")
	assert.Equal(t, 5, depthOf(t, MustNew(five, 10000*time.Second), events))
	assert.Equal(t, 2, depthOf(t, MustNew(five, 10000*time.Second, WithModes(StrictIncrease)), events))
	three := steps("1004", "1004", "1004")
	assert.Equal(t, 3, depthOf(t, MustNew(three, 10000*time.Second, WithModes(SharedEvents)), events))
	assert.Equal(t, 1, depthOf(t, MustNew(three, 10000*time.Second, WithModes(SharedEvents|StrictIncrease)), events))
	assert.Equal(t, 1, depthOf(t, MustNew(three, 10000*time.Second), events))
}

// TestAllowReentryAnchors: CH 00632 (allow_reentry, PR #86916), window
// 86400 s, steps a, b, c, users "a b a c", "a b a b c", "a b c b d", "a c
// b", "a b c a b c d"; and the checkout funnel, window 600 s, steps
// begin_checkout, view_product_detail, complete_payment.
//
// ClickHouse's test exists in two versions. The one merged with the
// feature (tests funnel_test_reentry; src/AggregateFunctions/
// AggregateFunctionWindowFunnel.cpp as of PR #99003, whose
// getEventLevelNonStrictOnce these levels are traced through) gives, in
// 'strict_order', [3, 3, 3, 1, 3] and checkout [3, 3, 3], and with
// 'allow_reentry' [3, 3, 3, 2, 3] and checkout [3, 3, 3]: a step-1 event
// never ends ClickHouse's chain, and allow_reentry passes over an event
// whose previous step is not reached ("a c b": c is passed over, b fills
// step 2). An earlier draft of the test (commit 0882b32b, tables
// funnel_test_allow_reentry and funnel_test_ecommerce) had 'strict_order'
// [2, 2, 3, 1, 3], checkout [2, 2, 3], and 'allow_reentry' 1 for "a c b";
// its source is not the one released.
//
// opskit's AllowReentry gives the released levels. Its strict order
// differs where its doc says so: "a step-1 event starts an attempt of its
// own ("a b a c" reaches 2, as in PostHog; ClickHouse keeps its steps
// across a step-1 event and says 3)", so "a b a c" and the first two
// checkout users give 2.
func TestAllowReentryAnchors(t *testing.T) {
	users := []string{"a b a c", "a b a b c", "a b c b d", "a c b", "a b c a b c d"}
	strict := MustNew(steps("a", "b", "c"), 86400*time.Second, WithStepOrder(Strict))
	reentry := MustNew(steps("a", "b", "c"), 86400*time.Second, WithStepOrder(Strict), WithModes(AllowReentry))
	wantStrict := []int{2, 3, 3, 1, 3} // ClickHouse: 3 for user 1
	wantReentry := []int{3, 3, 3, 2, 3}
	for i, u := range users {
		assert.Equal(t, wantStrict[i], depth(t, strict, u), "strict %q", u)
		assert.Equal(t, wantReentry[i], depth(t, reentry, u), "allow_reentry %q", u)
	}
	shop := steps("begin_checkout", "view_product_detail", "complete_payment")
	strictShop := MustNew(shop, 600*time.Second, WithStepOrder(Strict))
	reentryShop := MustNew(shop, 600*time.Second, WithStepOrder(Strict), WithModes(AllowReentry))
	for i, u := range []string{
		"begin_checkout view_product_detail begin_checkout complete_payment",
		"begin_checkout view_product_detail view_product_detail begin_checkout complete_payment",
		"begin_checkout view_product_detail complete_payment",
	} {
		assert.Equal(t, []int{2, 2, 3}[i], depth(t, strictShop, u), "strict %q", u) // ClickHouse: 3 for users 1 and 2
		assert.Equal(t, 3, depth(t, reentryShop, u), "allow_reentry %q", u)
	}
}

// TestRepeatedEventSteps: steps that repeat an event need no invented
// names: view -> view is named "view", "view (2)". One view fills one
// step (ClickHouse 'strict_once'); with SharedEvents it fills both
// (ClickHouse's default: CH 00632 gives 3 for three conditions on one row).
func TestRepeatedEventSteps(t *testing.T) {
	f := MustNew(steps("view", "view", "cart"), time.Hour, WithExclusions(Exclusion{Event: "leave", After: "view", Before: "view (2)"}))
	r, err := f.Run([]Event{ev("u1", 0, "view"), ev("u2", 0, "view"), ev("u2", 1, "view"), ev("u2", 2, "cart"),
		ev("u3", 0, "view"), ev("u3", 1, "leave"), ev("u3", 2, "view")})
	require.NoError(t, err)
	names := []string{}
	for _, s := range r.Steps() {
		names = append(names, s.Name)
	}
	assert.Equal(t, []string{"view", "view (2)", "cart"}, names)
	// u1 one view: 1; u2 view view cart: 3. u3's attempt from view0 is
	// excluded by leave1 and still reaches step 2 at view2, deeper than the
	// clean attempt view2 starts: PostHog keeps the deeper, excluded one
	// and drops u3 (funnel-udf/src/steps.rs: max_step takes any deeper
	// step; an excluded max_step drops the person). With DeepestClean u3
	// counts at its clean attempt, 1 step.
	assert.Equal(t, []int64{2, 1, 1}, r.Counts())
	clean := MustNew(steps("view", "view", "cart"), time.Hour, WithExclusions(Exclusion{Event: "leave", After: "view", Before: "view (2)"}), WithModes(DeepestClean))
	r, err = clean.Run([]Event{ev("u1", 0, "view"), ev("u2", 0, "view"), ev("u2", 1, "view"), ev("u2", 2, "cart"),
		ev("u3", 0, "view"), ev("u3", 1, "leave"), ev("u3", 2, "view")})
	require.NoError(t, err)
	assert.Equal(t, []int64{3, 1, 1}, r.Counts())
	shared := MustNew(steps("view", "view"), time.Hour, WithModes(SharedEvents))
	assert.Equal(t, 2, depth(t, shared, "view"))
	assert.Equal(t, 1, depth(t, MustNew(steps("view", "view"), time.Hour), "view"))
}

// TestModeText: the text form of Mode.
func TestModeText(t *testing.T) {
	m := StrictDeduplication | StrictIncrease | AllowReentry | SharedEvents | DeepestClean
	b, err := m.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "strict_deduplication+strict_increase+allow_reentry+shared_events+deepest_clean", string(b))
	var got Mode
	require.NoError(t, got.UnmarshalText(b))
	assert.Equal(t, m, got)
	require.NoError(t, got.UnmarshalText(nil))
	assert.Equal(t, Mode(0), got)
	got = StrictIncrease
	for _, bad := range []string{"strict", "strict_increase+strict_increase", "+"} {
		assert.ErrorIs(t, got.UnmarshalText([]byte(bad)), ErrInvalidOption, bad)
		assert.Equal(t, StrictIncrease, got, "unchanged on error")
	}
	assert.Equal(t, "Mode(32)", Mode(32).String())
	_, err = Mode(32).MarshalText()
	assert.ErrorIs(t, err, ErrInvalidOption)
	assert.Equal(t, "", Mode(0).String())
}

// TestStepSetOfNames: a step is a set of names (Event and AnyOf) and a
// condition; on columns encoded per name the set needs no predicate.
func TestStepSetOfNames(t *testing.T) {
	f := MustNew([]Matcher{{Name: "browse", Event: "view", AnyOf: []string{"search", "detail"}}, {Event: "pay"}}, time.Hour)
	events := []Event{ev("u", 0, "search"), ev("u", 1, "pay"), ev("v", 0, "detail"), ev("w", 0, "cart"), ev("w", 1, "pay"), ev("x", 0, "view")}
	r, err := f.Run(events)
	require.NoError(t, err)
	assert.Equal(t, []int64{3, 1}, r.Counts())
	c, _, _, err := f.Encode(events)
	require.NoError(t, err)
	rc, err := f.RunColumns(c)
	require.NoError(t, err)
	assert.True(t, r.Equal(rc))
	_, err = New([]Matcher{{AnyOf: []string{"a"}, Where: func(Event) bool { return true }, Name: "p"}}, time.Hour)
	assert.ErrorIs(t, err, ErrInvalidStep)
	// The other analyses read AnyOf too (through stepMatches).
	m := Matcher{Event: "signup", AnyOf: []string{"register"}}
	assert.True(t, stepMatches(&m, &Event{Name: "register"}))
	assert.True(t, stepMatches(&m, &Event{Name: "signup"}))
	assert.False(t, stepMatches(&m, &Event{Name: "login"}))
}

// TestPostHogBasicStrictFunnel: PostHog's test_basic_strict_funnel
// (posthog/hogql_queries/insights/funnels/test/test_funnel_strict.py),
// steps "user signed up", "$pageview", "insight viewed", each person's
// events in order: counts 7 at step 1, 2 at step 2 (person 3 and person
// 7), 1 at step 3 (person 7); a person who only does insight viewed then
// $pageview is not counted.
func TestPostHogBasicStrictFunnel(t *testing.T) {
	people := map[string]string{
		"stopped_after_signup1":      "signup",
		"stopped_after_pageview1":    "pageview signup",
		"stopped_after_insightview":  "signup pageview blah insight",
		"stopped_after_insightview2": "insight blah pageview signup",
		"stopped_after_insightview3": "pageview signup blah pageview insight",
		"person6":                    "blah signup blah pageview",
		"person7":                    "blah signup pageview insight blah",
		"stopped_after_insightview6": "insight pageview",
	}
	var events []Event
	for person, seq := range people {
		for i, name := range strings.Fields(seq) {
			events = append(events, Event{Actor: person, Time: base.Add(time.Duration(i) * time.Second), Name: name})
		}
	}
	f := MustNew([]Matcher{{Event: "signup"}, {Event: "pageview"}, {Event: "insight"}}, 14*24*time.Hour, WithStepOrder(Strict))
	r, err := f.Run(events)
	require.NoError(t, err)
	assert.Equal(t, []int64{7, 2, 1}, r.Counts())
	l, err := f.Levels(events)
	require.NoError(t, err)
	var reached3 []string
	for _, row := range l.Reached(3) {
		reached3 = append(reached3, l.Names[l.Actor[row]])
	}
	assert.Equal(t, []string{"person7"}, reached3)
}

// TestPostHogExclusionsBetweenSteps: PostHog's
// test_advanced_funnel_exclusions_between_steps (funnels/test/test_funnel.py),
// steps signed up, $pageview, insight viewed, invite teammate, pageview2
// and an exclusion "x" between two steps (PostHog's 0-based
// funnel_from_step/funnel_to_step; here the step names): 0-1 keeps
// persons 1 and 2 (count 2 at step 1 and at step 5); 1-2 keeps 2 and 3;
// 2-3 keeps 3 (count 1); 3-4 keeps nobody; 1-3 keeps 3.
func TestPostHogExclusionsBetweenSteps(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2021, 5, 1, h, m, 0, 0, time.UTC) }
	type e struct {
		when time.Time
		name string
	}
	people := map[string][]e{
		"person1": {{at(1, 0), "signup"}, {at(2, 0), "pageview"}, {at(3, 0), "x"}, {at(4, 0), "insight"}, {at(4, 30), "x"}, {at(5, 0), "invite"}, {at(5, 30), "x"}, {at(6, 0), "pageview2"}},
		"person2": {{at(1, 0), "signup"}, {at(2, 0), "pageview"}, {at(4, 0), "insight"}, {at(4, 30), "x"}, {at(5, 0), "invite"}, {at(5, 30), "x"}, {at(6, 0), "pageview2"}},
		"person3": {{at(1, 0), "signup"}, {at(1, 30), "x"}, {at(2, 0), "pageview"}, {at(4, 0), "insight"}, {at(5, 0), "invite"}, {at(5, 30), "x"}, {at(6, 0), "pageview2"}},
	}
	var events []Event
	for p, evs := range people {
		for _, x := range evs {
			events = append(events, Event{Actor: p, Time: x.when, Name: x.name})
		}
	}
	st := steps("signup", "pageview", "insight", "invite", "pageview2")
	names := []string{"signup", "pageview", "insight", "invite", "pageview2"}
	for _, tt := range []struct {
		from, to int
		want     []string
	}{
		{0, 1, []string{"person1", "person2"}},
		{1, 2, []string{"person2", "person3"}},
		{2, 3, []string{"person3"}},
		{3, 4, nil},
		{1, 3, []string{"person3"}},
	} {
		f := MustNew(st, 14*24*time.Hour, WithExclusions(Exclusion{Event: "x", After: names[tt.from], Before: names[tt.to]}))
		l, err := f.Levels(events)
		require.NoError(t, err)
		var kept []string
		for _, row := range l.Reached(1) {
			kept = append(kept, l.Names[l.Actor[row]])
		}
		slices.Sort(kept)
		assert.Equal(t, tt.want, kept, "exclusion %d-%d", tt.from, tt.to)
		r, err := f.Run(events)
		require.NoError(t, err)
		n := int64(len(tt.want))
		assert.Equal(t, []int64{n, n, n, n, n}, r.Counts(), "exclusion %d-%d", tt.from, tt.to)
	}
}
