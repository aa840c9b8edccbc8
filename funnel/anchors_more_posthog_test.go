package funnel

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// PostHog's funnel tests (posthog/hogql_queries/insights/funnels/test/,
// "PH test_funnel.py" and so on; the UDF results). PostHog's events
// created without a timestamp are one second apart here (amSeq); the
// default conversion window is 14 days.

const phWindow = 14 * 24 * time.Hour

// phActions are the actions of PH test_funnel.py's _basic_funnel: "paid"
// ($autocapture on the button "Pay $10") and "watched movie"
// ($autocapture on a link to /movie), as predicates on properties.
var (
	phPaid  = Matcher{Name: "paid", Event: "$autocapture", Where: func(e Event) bool { return e.Props["text"] == "Pay $10" }}
	phMovie = Matcher{Name: "watched movie", Event: "$autocapture", Where: func(e Event) bool { return e.Props["href"] == "/movie" }}
)

func phEvents(who string, kinds ...string) []Event {
	out := amSeq(who, kinds...)
	for i := range out {
		switch out[i].Name {
		case "pay":
			out[i].Name, out[i].Props = "$autocapture", map[string]string{"text": "Pay $10"}
		case "movie":
			out[i].Name, out[i].Props = "$autocapture", map[string]string{"href": "/movie"}
		}
	}
	return out
}

func phJoin(parts ...[]Event) []Event {
	var out []Event
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// TestPHFunnelEvents: PH test_funnel.py test_funnel_events: steps "user
// signed up", paid, watched movie; persons signup; signup pay; signup pay
// movie (two distinct IDs of one person); movie; pay signup movie: counts
// 4, 2, 1. test_funnel_skipped_step: signup movie -> 0 at steps 2 and 3.
// test_funnel_with_any_event: three steps matching any event, persons
// signup; signup movie; signup movie; movie; movie signup movie: counts
// 5, 3, 1.
func TestPHFunnelEvents(t *testing.T) {
	st := []Matcher{{Event: "signup"}, phPaid, phMovie}
	events := phJoin(phEvents("a", "signup"), phEvents("b", "signup", "pay"), phEvents("c", "signup", "pay", "movie"),
		phEvents("d", "movie"), phEvents("e", "pay", "signup", "movie"))
	assert.Equal(t, []int64{4, 2, 1}, amRun(t, MustNew(st, phWindow), events).Counts())
	assert.Equal(t, []int64{1, 0, 0}, amRun(t, MustNew(st, phWindow), phEvents("x", "signup", "movie")).Counts())
	anyEvent := func(name string) Matcher { return Matcher{Name: name, Where: func(Event) bool { return true }} }
	anyF := MustNew([]Matcher{anyEvent("any 1"), anyEvent("any 2"), anyEvent("any 3")}, phWindow)
	events = phJoin(phEvents("a", "signup"), phEvents("b", "signup", "movie"), phEvents("c", "signup", "movie"),
		phEvents("d", "movie"), phEvents("e", "movie", "signup", "movie"))
	assert.Equal(t, []int64{5, 3, 1}, amRun(t, anyF, events).Counts())
}

// TestPHRepeatSteps: PH test_funnel.py.
//   - test_basic_funnel_with_repeat_steps: steps signup, signup; person 1
//     signs up twice, person 2 once: counts 2, 1; person 1 at step 2.
//   - test_advanced_funnel_with_repeat_steps: signup then $pageview four
//     times; persons signup; signup pv; signup pv x pv; signup pv x pv pv x;
//     signup pv pv pv pv: counts 5, 4, 3, 2, 1.
//   - ..._out_of_order_events: persons pv signup; signup pv; pv signup x
//     pv; x pv x pv signup pv; signup pv x pv pv pv; pv x pv pv pv: counts
//     5, 4, 1, 1, 1.
func TestPHRepeatSteps(t *testing.T) {
	two := MustNew(steps("signup", "signup"), phWindow)
	events := phJoin(amSeq("p1", "signup", "signup"), amSeq("p2", "signup"))
	assert.Equal(t, []int64{2, 1}, amRun(t, two, events).Counts())
	assert.Equal(t, []string{"p1"}, amReached(t, two, events, 2))
	five := MustNew(steps("signup", "pv", "pv", "pv", "pv"), phWindow)
	events = phJoin(amSeq("a", "signup"), amSeq("b", "signup", "pv"), amSeq("c", "signup", "pv", "x", "pv"),
		amSeq("d", "signup", "pv", "x", "pv", "pv", "x"), amSeq("e", "signup", "pv", "pv", "pv", "pv"))
	assert.Equal(t, []int64{5, 4, 3, 2, 1}, amRun(t, five, events).Counts())
	events = phJoin(amSeq("a", "pv", "signup"), amSeq("b", "signup", "pv"), amSeq("c", "pv", "signup", "x", "pv"),
		amSeq("d", "x", "pv", "x", "pv", "signup", "pv"), amSeq("e", "signup", "pv", "x", "pv", "pv", "pv"),
		amSeq("f", "pv", "x", "pv", "pv", "pv"))
	assert.Equal(t, []int64{5, 4, 1, 1, 1}, amRun(t, five, events).Counts())
	assert.Equal(t, []string{"e"}, amReached(t, five, events, 3))
}

// TestPHMatchingProperties: PH test_funnel.py
// test_funnel_with_matching_properties: steps signup, $pageview with url
// aloha.com, $pageview aloha2.com, $pageview aloha2.com, $pageview (any
// url); persons signup; signup pv(aloha); signup pv(aloha) x pv(aloha2);
// signup pv(aloha) pv(aloha2) pv(aloha2) x; signup pv(aloha) x pv(aloha2)
// pv(aloha) pv(aloha2): counts 5, 4, 3, 2, 0.
func TestPHMatchingProperties(t *testing.T) {
	url := func(name, u string) Matcher {
		return Matcher{Name: name, Event: "pv", Where: func(e Event) bool { return e.Props["url"] == u }}
	}
	f := MustNew([]Matcher{{Event: "signup"}, url("aloha", "aloha.com"), url("aloha2", "aloha2.com"), url("aloha2 again", "aloha2.com"), {Name: "pv", Event: "pv"}}, phWindow)
	seq := func(who string, urls ...string) []Event {
		out := []Event{pe(who, base, "signup")}
		for i, u := range urls {
			name := "pv"
			if u == "x" {
				name = "x"
			}
			out = append(out, pe(who, base.Add(time.Duration(i+1)*time.Second), name, "url", u))
		}
		return out
	}
	events := phJoin(seq("a"), seq("b", "aloha.com"), seq("c", "aloha.com", "x", "aloha2.com"),
		seq("d", "aloha.com", "aloha2.com", "aloha2.com", "x"), seq("e", "aloha.com", "x", "aloha2.com", "aloha.com", "aloha2.com"))
	assert.Equal(t, []int64{5, 4, 3, 2, 0}, amRun(t, f, events).Counts())
}

// TestPHConversionWindow: PH test_funnel.py test_funnel_conversion_window:
// 10 persons step one 2021-05-01, step two a day later; 15 persons step
// two nine days later; window 7 days, steps one, two, three: counts 25,
// 10, 0. ..._seconds: step two 10 s or 20 s later, window 15 s: 25, 10, 0.
func TestPHConversionWindow(t *testing.T) {
	st := steps("step one", "step two", "step three")
	for _, tt := range []struct {
		window, fast, slow time.Duration
	}{{7 * 24 * time.Hour, 24 * time.Hour, 9 * 24 * time.Hour}, {15 * time.Second, 10 * time.Second, 20 * time.Second}} {
		var events []Event
		start := utc(2021, time.May, 1, 0, 0, 0)
		for i := range 25 {
			who, later := itoa(i+1), tt.slow
			if i < 10 {
				later = tt.fast
			}
			events = append(events, pe(who, start, "step one"), pe(who, start.Add(later), "step two"))
		}
		assert.Equal(t, []int64{25, 10, 0}, amRun(t, MustNew(st, tt.window), events).Counts(), "window %v", tt.window)
	}
}

// TestPHExclusionsNoEndEvent: PH test_funnel.py, steps signup, paid (or
// step one, step two), exclusion between step 0 and step 1.
//   - test_funnel_exclusion_no_end_event, window 1 day: person1 signup
//     01:00 paid 02:00; person2 signup 03:00 x 03:30 paid 04:00; person3
//     signup 05:00 x 06:00; person4 signup 07:00, x the next day 08:00
//     (outside the window): counts 2, 1; persons 1 and 4 at step 1.
//   - ..._multiple_possible_no_end_event1, window 10 s: one 0 s, x 1 s,
//     one 31 s: 1, 0. ...2: one 0 s, one 31 s, x 32 s: 1, 0. ...3: one 0 s,
//     one 1 s, x 2 s: 0, 0 (every attempt excluded).
func TestPHExclusionsNoEndEvent(t *testing.T) {
	h := func(who string, hh, mm int, name string) Event {
		return pe(who, utc(2021, time.May, 1, hh, mm, 0), name)
	}
	f := MustNew(steps("signup", "paid"), 24*time.Hour, WithExclusions(Exclusion{Event: "x", After: "signup", Before: "paid"}))
	events := []Event{h("person1", 1, 0, "signup"), h("person1", 2, 0, "paid"),
		h("person2", 3, 0, "signup"), h("person2", 3, 30, "x"), h("person2", 4, 0, "paid"),
		h("person3", 5, 0, "signup"), h("person3", 6, 0, "x"),
		h("person4", 7, 0, "signup"), pe("person4", utc(2021, time.May, 2, 8, 0, 0), "x")}
	assert.Equal(t, []int64{2, 1}, amRun(t, f, events).Counts())
	assert.Equal(t, []string{"person1", "person4"}, amReached(t, f, events, 1))
	g := MustNew(steps("step one", "step two"), 10*time.Second, WithExclusions(Exclusion{Event: "exclusion", After: "step one", Before: "step two"}))
	s := func(sec int, name string) Event { return pe("user_one", utc(2021, time.May, 1, 0, 0, sec), name) }
	for i, tt := range []struct {
		events []Event
		want   []int64
	}{
		{[]Event{s(0, "step one"), s(1, "exclusion"), s(31, "step one")}, []int64{1, 0}},
		{[]Event{s(0, "step one"), s(31, "step one"), s(32, "exclusion")}, []int64{1, 0}},
		{[]Event{s(0, "step one"), s(1, "step one"), s(2, "exclusion")}, []int64{0, 0}},
	} {
		assert.Equal(t, tt.want, amRun(t, g, tt.events).Counts(), "no_end_event%d", i+1)
	}
}

// TestPHExclusionsWithPredicates: PH test_funnel.py.
//   - test_funnel_exclusions_with_actions: the exclusion is the action
//     "sign up" with key = val; person2 signup 03:00, sign up (key val)
//     03:30, paid 04:00 is excluded; persons 1 and 3 convert: 2, 2.
//   - test_exclusion_with_property_filter, window 10 s: exclusions
//     "exclusion" with exclude_me = true and with exclude_me = yes; persons
//     one, exclusion(true), two; one, exclusion(yes), two; one; one,
//     exclusion(false), two: counts 2, 1.
func TestPHExclusionsWithPredicates(t *testing.T) {
	h := func(who string, hh, mm int, name string, kv ...string) Event {
		return pe(who, utc(2021, time.May, 1, hh, mm, 0), name, kv...)
	}
	f := MustNew(steps("signup", "paid"), phWindow, WithExclusions(Exclusion{Event: "sign up", Where: func(e Event) bool { return e.Props["key"] == "val" }, After: "signup", Before: "paid"}))
	events := []Event{h("person1", 1, 0, "signup"), h("person1", 2, 0, "paid"),
		h("person2", 3, 0, "signup"), h("person2", 3, 30, "sign up", "key", "val"), h("person2", 4, 0, "paid"),
		h("person3", 5, 0, "signup"), h("person3", 6, 0, "paid")}
	assert.Equal(t, []int64{2, 2}, amRun(t, f, events).Counts())
	assert.Equal(t, []string{"person1", "person3"}, amReached(t, f, events, 2))
	excl := func(v string) Exclusion {
		return Exclusion{Event: "exclusion", Where: func(e Event) bool { return e.Props["exclude_me"] == v }, After: "step one", Before: "step two"}
	}
	g := MustNew(steps("step one", "step two"), 10*time.Second, WithExclusions(excl("true"), excl("yes")))
	s := func(who string, sec int, name string, kv ...string) Event {
		return pe(who, utc(2021, time.May, 1, 0, 0, sec), name, kv...)
	}
	events = []Event{s("excluded", 0, "step one"), s("excluded", 1, "exclusion", "exclude_me", "true"), s("excluded", 2, "step two"),
		s("also", 0, "step one"), s("also", 1, "exclusion", "exclude_me", "yes"), s("also", 2, "step two"),
		s("first", 0, "step one"),
		s("included", 0, "step one"), s("included", 1, "exclusion", "exclude_me", "false"), s("included", 2, "step two")}
	assert.Equal(t, []int64{2, 1}, amRun(t, g, events).Counts())
}

// TestPHMultipleExclusions: PH test_funnel.py
// test_advanced_funnel_multiple_exclusions_between_steps: steps signup,
// $pageview, insight viewed, invite teammate, pageview2 at 01:00, 02:00,
// 04:00, 05:00, 06:00 (person1's pageview at 03:00); person1 x 02:00, y
// 04:30; person2 y 01:30, y 04:30, x 05:30; person3 x 01:30, x 05:30;
// person4 clean. Exclusions x 0-1 and y 2-3, then x 0-1 and y 0-1, then x
// 0-4 and y 0-4: each time only person4, counts 1 at steps 1 and 5.
func TestPHMultipleExclusions(t *testing.T) {
	h := func(who string, hh, mm int, name string) Event {
		return pe(who, utc(2021, time.May, 1, hh, mm, 0), name)
	}
	main := func(who string, pv int) []Event {
		return []Event{h(who, 1, 0, "signup"), h(who, pv, 0, "pageview"), h(who, 4, 0, "insight"), h(who, 5, 0, "invite"), h(who, 6, 0, "pageview2")}
	}
	events := phJoin(main("person1", 3), []Event{h("person1", 2, 0, "x"), h("person1", 4, 30, "y")},
		main("person2", 2), []Event{h("person2", 1, 30, "y"), h("person2", 4, 30, "y"), h("person2", 5, 30, "x")},
		main("person3", 2), []Event{h("person3", 1, 30, "x"), h("person3", 5, 30, "x")},
		main("person4", 2))
	names := []string{"signup", "pageview", "insight", "invite", "pageview2"}
	st := steps(names...)
	ex := func(event string, from, to int) Exclusion {
		return Exclusion{Event: event, After: names[from], Before: names[to]}
	}
	for _, set := range [][]Exclusion{
		{ex("x", 0, 1), ex("y", 2, 3)},
		{ex("x", 0, 1), ex("y", 0, 1)},
		{ex("x", 0, 4), ex("y", 0, 4)},
	} {
		f := MustNew(st, phWindow, WithExclusions(set...))
		assert.Equal(t, []int64{1, 1, 1, 1, 1}, amRun(t, f, events).Counts(), "%v", set)
		assert.Equal(t, []string{"person4"}, amReached(t, f, events, 1))
	}
}

// TestPHShortExclusions: PH test_funnel.py test_short_exclusions, window
// 30 s: step one 00:00:00, exclusion 00:00:01, step two 00:00:31, step
// one 01:00:00, step two 01:00:29: 1 at step two, average time 29 s.
func TestPHShortExclusions(t *testing.T) {
	f := MustNew(steps("step one", "step two"), 30*time.Second, WithExclusions(Exclusion{Event: "exclusion", After: "step one", Before: "step two"}))
	events := []Event{pe("u", utc(2021, time.May, 1, 0, 0, 0), "step one"), pe("u", utc(2021, time.May, 1, 0, 0, 1), "exclusion"),
		pe("u", utc(2021, time.May, 1, 0, 0, 31), "step two"), pe("u", utc(2021, time.May, 1, 1, 0, 0), "step one"),
		pe("u", utc(2021, time.May, 1, 1, 0, 29), "step two")}
	s := amRun(t, f, events).Steps()
	assert.Equal(t, int64(1), s[1].Count)
	assert.Equal(t, 29*time.Second, s[1].Time.Mean)
}

// TestPHExcludedCompletion: PH test_funnel.py test_excluded_completion,
// window 10 s, exclusion between steps 0 and 1: step one 0 s, exclusion
// 11 s (after the first window), step one 12 s, exclusion 13 s, step two
// 14 s. PostHog reports no one (counts 0, 0).
//
// opskit agrees: the attempt from 12 s is excluded at step 1 and still
// reaches step 2 at 14 s, deeper than the clean attempt from 0 s, so it is
// the one kept, and an excluded kept attempt drops the person
// (funnel-udf/src/steps.rs; opskit gave 1, 0 before, and gives it with
// DeepestClean).
func TestPHExcludedCompletion(t *testing.T) {
	f := MustNew(steps("step one", "step two"), 10*time.Second, WithExclusions(Exclusion{Event: "exclusion", After: "step one", Before: "step two"}))
	s := func(sec int, name string) Event { return pe("user_one", utc(2021, time.May, 1, 0, 0, sec), name) }
	events := []Event{s(0, "step one"), s(11, "exclusion"), s(12, "step one"), s(13, "exclusion"), s(14, "step two")}
	assert.Equal(t, []int64{0, 0}, amRun(t, f, events).Counts())
	clean := MustNew(steps("step one", "step two"), 10*time.Second, WithExclusions(Exclusion{Event: "exclusion", After: "step one", Before: "step two"}), WithModes(DeepestClean))
	assert.Equal(t, []int64{1, 0}, amRun(t, clean, events).Counts())
}

// TestPHSameTimestamp: PH test_funnel.py.
//   - test_same_event_same_timestamp: 20 "step one" at one instant, step
//     two a day later: 1 at step two.
//   - test_multiple_events_same_timestamp_doesnt_blow_up (in
//     test_funnel_strict.py, ordered funnel): 30 step one, step two, step
//     three at one instant: 1 at step three.
//   - test_multiple_events_same_timestamp_exclusions: step zero 12:00; 30
//     step one, exclusion, step two at 12:01; step three 12:02. With the
//     exclusion between steps 0 and 1, and between steps 1 and 2: 1 at the
//     last step both times.
//
// opskit differs on purpose for the exclusion between steps 1 and 2
// (package doc: "Equal timestamps keep input order"): the exclusion comes
// after step one and before step two in the input, so the attempt is
// excluded (0); PostHog ignores exclusions among events of one timestamp.
func TestPHSameTimestamp(t *testing.T) {
	noon := utc(2024, time.January, 10, 12, 1, 0)
	var events []Event
	for range 20 {
		events = append(events, pe("test", noon, "step one"))
	}
	events = append(events, pe("test", noon.Add(24*time.Hour), "step two"))
	assert.Equal(t, []int64{1, 1}, amRun(t, MustNew(steps("step one", "step two"), phWindow), events).Counts())
	events = events[:0]
	for range 30 {
		events = append(events, pe("test", noon, "step one"))
	}
	events = append(events, pe("test", noon, "step two"), pe("test", noon, "step three"))
	assert.Equal(t, []int64{1, 1, 1}, amRun(t, MustNew(steps("step one", "step two", "step three"), phWindow), events).Counts())
	events = []Event{pe("test", noon.Add(-time.Minute), "step zero")}
	for range 30 {
		events = append(events, pe("test", noon, "step one"))
	}
	events = append(events, pe("test", noon, "exclusion"), pe("test", noon, "step two"), pe("test", noon.Add(time.Minute), "step three"))
	four := steps("step zero", "step one", "step two", "step three")
	f01 := MustNew(four, phWindow, WithExclusions(Exclusion{Event: "exclusion", After: "step zero", Before: "step one"}))
	assert.Equal(t, int64(1), amRun(t, f01, events).Counts()[3])
	f12 := MustNew(four, phWindow, WithExclusions(Exclusion{Event: "exclusion", After: "step one", Before: "step two"}))
	assert.Equal(t, int64(0), amRun(t, f12, events).Counts()[3]) // PostHog: 1
}

// TestPHAggregationTargets: the actor is whatever PostHog aggregates by.
//   - test_funnel_aggregation_with_groups (by group $group_0): org:5 signs
//     up 2020-01-02 14:00 and pays 2020-01-03 14:00 (two different
//     persons), org:6 signs up 2020-01-10: counts 2, 1, average time
//     86400 s.
//   - test_hogql_aggregation: steps signup, added to cart, checked out;
//     person "user" does signup, cart, checkout in session 1 and signup,
//     cart in session 2; person "second" signup in session 3. By person
//     2, 1, 1; by $session_id 3, 2, 1.
func TestPHAggregationTargets(t *testing.T) {
	f := MustNew(steps("signup", "paid"), phWindow)
	events := []Event{pe("org:5", utc(2020, time.January, 2, 14, 0, 0), "signup"), pe("org:6", utc(2020, time.January, 10, 14, 0, 0), "signup"),
		pe("org:5", utc(2020, time.January, 3, 14, 0, 0), "paid")}
	s := amRun(t, f, events).Steps()
	assert.Equal(t, []int64{2, 1}, []int64{s[0].Count, s[1].Count})
	assert.Equal(t, 86400*time.Second, s[1].Time.Mean)
	g := MustNew(steps("signup", "cart", "checkout"), phWindow)
	log := phJoin(amSeq("1", "signup", "cart", "checkout"), amSeq("2", "signup", "cart"), amSeq("3", "signup"))
	bySession := amRun(t, g, log).Counts()
	for i := range log {
		log[i].Actor = map[string]string{"1": "user", "2": "user", "3": "second"}[log[i].Actor]
	}
	for i := 3; i < 5; i++ { // session 2 comes after session 1
		log[i].Time = log[i].Time.Add(time.Minute)
	}
	assert.Equal(t, []int64{3, 2, 1}, bySession)
	assert.Equal(t, []int64{2, 1, 1}, amRun(t, g, log).Counts())
}
