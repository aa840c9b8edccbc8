package funnel

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// More of PostHog's funnel tests (posthog/hogql_queries/insights/funnels/
// test/; see anchors_more_posthog_test.go for the mapping: events created
// without a timestamp are one second apart, the default window is 14
// days). Filters PostHog applies before the funnel (a global property
// filter, a person or cohort filter, test accounts) become a condition on
// every step or a filter of the input; a person or group property is put
// on the actor's events; "aggregation by group" makes the group the actor.

// p3Any matches every event (PostHog's "All events" step, id None).
func p3Any(name string) Matcher {
	return Matcher{Name: name, Where: func(Event) bool { return true }}
}

// p3Prop is a step on event with property key equal to val.
func p3Prop(name, event, key, val string) Matcher {
	return Matcher{Name: name, Event: event, Where: func(e Event) bool { return e.Props[key] == val }}
}

// p3Keep keeps the events for which keep reports true.
func p3Keep(events []Event, keep func(Event) bool) []Event {
	var out []Event
	for _, e := range events {
		if keep(e) {
			out = append(out, e)
		}
	}
	return out
}

// TestPH3MessedUpOrder: PH test_funnel.py test_funnel_with_messed_up_order,
// test_funnel_with_sampling (sampling factor 1) and
// test_funnel_with_new_entities_that_mess_up_order (the same persons):
// steps "user signed up", "watched movie"; persons signup; signup; one
// person with two IDs: movie, signup, movie; movie; movie signup. Counts
// 4, 1.
func TestPH3MessedUpOrder(t *testing.T) {
	f := MustNew([]Matcher{{Event: "signup"}, phMovie}, phWindow)
	events := phJoin(phEvents("after_signup", "signup"), phEvents("after_pay", "signup"),
		phEvents("anon", "movie", "signup", "movie"), phEvents("just_movie", "movie"), phEvents("wrong", "movie", "signup"))
	assert.Equal(t, []int64{4, 1}, amRun(t, f, events).Counts())
	assert.Equal(t, []string{"anon"}, amReached(t, f, events, 2))
}

// TestPH3PropertyFilters: PH test_funnel.py, steps "user signed up",
// paid, watched movie (phPaid, phMovie).
//   - test_funnel_prop_filters: $browser = Safari on every event (a global
//     filter); with_property signup, pay (Safari); without_property signup,
//     pay; half_property signup (Safari), pay: counts 2, 1, 0.
//   - test_funnel_prop_filters_per_entity: signup with Safari (and not
//     Chrome), paid with Safari, movie with Firefox; with_property signup
//     (Safari), pay (Safari), movie; without_property signup, pay (Safari);
//     half_property signup, pay, movie: counts 1, 1, 0.
func TestPH3PropertyFilters(t *testing.T) {
	safari := func(m Matcher) Matcher {
		w := m.Where
		m.Where = func(e Event) bool { return e.Props["$browser"] == "Safari" && (w == nil || w(e)) }
		return m
	}
	with := func(events []Event, idx ...int) []Event {
		for _, i := range idx {
			if events[i].Props == nil {
				events[i].Props = map[string]string{}
			}
			events[i].Props["$browser"] = "Safari"
		}
		return events
	}
	st := []Matcher{safari(Matcher{Event: "signup"}), safari(phPaid), safari(phMovie)}
	events := phJoin(with(phEvents("with", "signup", "pay"), 0, 1), phEvents("without", "signup", "pay"), with(phEvents("half", "signup", "pay"), 0))
	assert.Equal(t, []int64{2, 1, 0}, amRun(t, MustNew(st, phWindow), events).Counts())
	firefox := phMovie
	firefox.Where = func(e Event) bool { return e.Props["href"] == "/movie" && e.Props["$browser"] == "Firefox" }
	st = []Matcher{safari(Matcher{Event: "signup"}), safari(phPaid), firefox}
	events = phJoin(with(phEvents("with", "signup", "pay", "movie"), 0, 1), with(phEvents("without", "signup", "pay"), 1),
		phEvents("half", "signup", "pay", "movie"))
	assert.Equal(t, []int64{1, 1, 0}, amRun(t, MustNew(st, phWindow), events).Counts())
}

// TestPH3StepConditions: PH test_funnel.py, steps with conditions.
//   - test_funnel_multiple_actions: person1 event1, event2 (test_propX = a);
//     steps event1, event2 with a, event2 with c: 1, 1, 0.
//   - test_funnel_with_elements_chain: steps "user signed up", $autocapture
//     on an img (then on an svg) element; test signup, autocapture (img in
//     svg); test2 signup: 2, 1 both times, test at step 2.
//   - test_funnel_all_events_with_properties: steps signup, any event with
//     is_saved = true; signup, added to cart (is_saved true): 1, 1.
//   - test_funnel_all_events_via_action: step 2 the action "checked out" or
//     any event; signup, added to cart: 1, 1.
//   - test_basic_funnel_with_derivative_steps: steps "user signed up" with
//     key = val, "user signed up"; person1 signup (val), signup; person2
//     signup (val): 2, 1, person1 at step 2.
//   - test_funnel_with_actions (math dau, weekly_active ignored): the
//     action "sign up" (key = val) twice; person1 twice, person2 once: 2, 1.
//   - test_funnel_parses_event_names_correctly: steps "test'1", any event;
//     events test'1, test'2: 1 at step 1.
func TestPH3StepConditions(t *testing.T) {
	events := []Event{pe("p1", base, "event1"), pe("p1", base.Add(time.Second), "event2", "test_propX", "a")}
	f := MustNew([]Matcher{{Event: "event1"}, p3Prop("a", "event2", "test_propX", "a"), p3Prop("c", "event2", "test_propX", "c")}, phWindow)
	assert.Equal(t, []int64{1, 1, 0}, amRun(t, f, events).Counts())
	events = []Event{pe("test", base, "usu"), pe("test", base.Add(time.Second), "$autocapture", "elements", "img svg", "$current_url", "http://example.com/something_else"),
		pe("test2", base.Add(2*time.Second), "usu")}
	for _, tag := range []string{"img", "svg"} {
		el := Matcher{Name: "$autocapture", Event: "$autocapture", Where: func(e Event) bool { return strings.Contains(" "+e.Props["elements"]+" ", " "+tag+" ") }}
		g := MustNew([]Matcher{{Event: "usu"}, el}, phWindow)
		assert.Equal(t, []int64{2, 1}, amRun(t, g, events).Counts(), tag)
		assert.Equal(t, []string{"test"}, amReached(t, g, events, 2), tag)
	}
	events = []Event{pe("user", base, "usu"), pe("user", base.Add(time.Second), "cart", "is_saved", "true")}
	saved := Matcher{Name: "All events", Where: func(e Event) bool { return e.Props["is_saved"] == "true" }}
	assert.Equal(t, []int64{1, 1}, amRun(t, MustNew([]Matcher{{Event: "usu"}, saved}, phWindow), events).Counts())
	assert.Equal(t, []int64{1, 1}, amRun(t, MustNew([]Matcher{{Event: "usu"}, p3Any("checked out or any")}, phWindow), events).Counts())
	derived := MustNew([]Matcher{p3Prop("signup val", "usu", "key", "val"), {Event: "usu"}}, phWindow)
	events = []Event{pe("p1", base, "usu", "key", "val"), pe("p1", base.Add(time.Second), "usu"), pe("p2", base.Add(2*time.Second), "usu", "key", "val")}
	assert.Equal(t, []int64{2, 1}, amRun(t, derived, events).Counts())
	assert.Equal(t, []string{"p1"}, amReached(t, derived, events, 2))
	signUp := p3Prop("sign up", "sign up", "key", "val")
	twice := signUp
	twice.Name = "sign up (2)"
	events = []Event{pe("p1", base, "sign up", "key", "val"), pe("p1", base.Add(time.Second), "sign up", "key", "val"), pe("p2", base.Add(2*time.Second), "sign up", "key", "val")}
	assert.Equal(t, []int64{2, 1}, amRun(t, MustNew([]Matcher{signUp, twice}, phWindow), events).Counts())
	events = amSeq("u", "test'1", "test'2")
	assert.Equal(t, int64(1), amRun(t, MustNew([]Matcher{{Event: "test'1"}, p3Any("any")}, phWindow), events).Counts()[0])
}

// TestPH3SameInstantAndWindows: PH test_funnel.py.
//   - test_funnel_with_different_actions_at_same_time_count_as_converted:
//     person1 "sign up" (key val) and $pageview at one instant (in that
//     order), person2 sign up: 2, 1, person1 at step 2 (opskit: equal
//     timestamps keep input order, package doc).
//   - test_basic_funnel_default_funnel_days: signup 2020-01-02 14:00, paid
//     01-10 14:00, default window 14 days: 1, 1.
//   - test_basic_funnel_with_repeat_step_updated_param: steps signup,
//     signup; person1 twice, person2 once; window 14 days, 2 weeks, 1 hour:
//     2, 1 each time.
//   - test_funnel_with_long_interval_no_first_step: window 3,122,064,000 s
//     (99 years); only "added to cart": no one (0, 0).
//   - test_funnel_personless_events_are_supported: $pageview 13:00, sign up
//     14:00: 1, 1.
func TestPH3SameInstantAndWindows(t *testing.T) {
	at := utc(2020, time.January, 3, 0, 0, 0)
	events := []Event{pe("p1", at, "sign up", "key", "val"), pe("p1", at, "$pageview", "key", "val"), pe("p2", at, "sign up", "key", "val")}
	f := MustNew([]Matcher{p3Prop("sign up", "sign up", "key", "val"), {Event: "$pageview"}}, phWindow)
	assert.Equal(t, []int64{2, 1}, amRun(t, f, events).Counts())
	assert.Equal(t, []string{"p1"}, amReached(t, f, events, 2))
	events = []Event{pe("user_1", utc(2020, time.January, 2, 14, 0, 0), "usu"), pe("user_1", utc(2020, time.January, 10, 14, 0, 0), "paid")}
	assert.Equal(t, []int64{1, 1}, amRun(t, MustNew(steps("usu", "paid"), phWindow), events).Counts())
	events = phJoin(amSeq("p1", "usu", "usu"), amSeq("p2", "usu"))
	for _, w := range []time.Duration{phWindow, 2 * 7 * 24 * time.Hour, time.Hour} {
		assert.Equal(t, []int64{2, 1}, amRun(t, MustNew(steps("usu", "usu"), w), events).Counts(), "window %v", w)
	}
	long := MustNew(steps("usu", "cart"), 3122064000*time.Second)
	assert.Equal(t, []int64{0, 0}, amRun(t, long, []Event{pe("only_second", utc(2021, time.May, 2, 0, 0, 0), "cart")}).Counts())
	events = []Event{pe("x", utc(2024, time.March, 22, 13, 0, 0), "$pageview"), pe("x", utc(2024, time.March, 22, 14, 0, 0), "sign up")}
	assert.Equal(t, []int64{1, 1}, amRun(t, MustNew(steps("$pageview", "sign up"), phWindow), events).Counts())
}

// TestPH3PersonFilters: PH test_funnel.py, person properties as filters
// (here a filter of the persons before the funnel).
//   - test_funnel_with_property_groups: persons whose (email contains .com
//     and age 20) or (email contains .org or age 28); steps signup,
//     $pageview aloha.com, $pageview aloha2.com; signup1 (b.com, 18)
//     signup; pageview1 (b.org, 28) signup; pageview2 (b.com, 28) signup,
//     aloha; pageview3 (b.com, 28) signup, aloha, aloha2; pageview4 (b.org,
//     18) aloha, aloha2, aloha2: counts 3, 2, 1.
//   - test_funnel_filter_test_accounts: person1 (test@posthog.com, a test
//     account) and person2 do event1; steps event1, event1: 1 at step 1.
//   - test_funnel_with_entity_person_property_filters: step event1 for
//     persons with an email; person1, person2 have one, person3 not: 2.
func TestPH3PersonFilters(t *testing.T) {
	type person struct{ email, age string }
	people := map[string]person{"signup1": {"test@b.com", "18"}, "pageview1": {"test@b.org", "28"},
		"pageview2": {"test2@b.com", "28"}, "pageview3": {"test3@b.com", "28"}, "pageview4": {"test4@b.org", "18"}}
	in := func(e Event) bool {
		p := people[e.Actor]
		return (strings.Contains(p.email, ".com") && p.age == "20") || strings.Contains(p.email, ".org") || p.age == "28"
	}
	d := func(who string, day int, name, url string) Event {
		if url == "" {
			return pe(who, utc(2020, time.May, day, 0, 0, 0), name)
		}
		return pe(who, utc(2020, time.May, day, 0, 0, 0), name, "$current_url", url)
	}
	events := []Event{d("signup1", 1, "usu", ""), d("pageview1", 1, "usu", ""),
		d("pageview2", 1, "usu", ""), d("pageview2", 2, "$pageview", "aloha.com"),
		d("pageview3", 1, "usu", ""), d("pageview3", 2, "$pageview", "aloha.com"), d("pageview3", 3, "$pageview", "aloha2.com"),
		d("pageview4", 2, "$pageview", "aloha.com"), d("pageview4", 3, "$pageview", "aloha2.com"), d("pageview4", 4, "$pageview", "aloha2.com")}
	f := MustNew([]Matcher{{Event: "usu"}, p3Prop("aloha", "$pageview", "$current_url", "aloha.com"), p3Prop("aloha2", "$pageview", "$current_url", "aloha2.com")}, phWindow)
	assert.Equal(t, []int64{3, 2, 1}, amRun(t, f, p3Keep(events, in)).Counts())
	assert.Equal(t, []string{"pageview1", "pageview2", "pageview3"}, amReached(t, f, p3Keep(events, in), 1))
	events = []Event{pe("person1", base, "event1"), pe("person2", base, "event1")}
	notTest := func(e Event) bool { return e.Actor != "person1" }
	assert.Equal(t, int64(1), amRun(t, MustNew(steps("event1", "event1"), phWindow), p3Keep(events, notTest)).Counts()[0])
	events = append(events, pe("person3", base, "event1"))
	hasEmail := Matcher{Name: "event1", Event: "event1", Where: func(e Event) bool { return e.Actor != "person3" }}
	assert.Equal(t, int64(2), amRun(t, MustNew([]Matcher{hasEmail, p3Any("any")}, phWindow), events).Counts()[0])
}

// TestPH3GroupAggregation: PH test_funnel.py, aggregation by the group
// $group_0 (the group is the actor; events without a group are left out,
// as PostHog filters them).
//   - test_funnel_aggregation_with_groups_with_cohort_filtering: step 1
//     "user signed up" by a person in the cohort (user_1, user_2); user_1
//     $pageview and signup (org:5) 2020-01-02 14:00, signup (org:6) 01-10;
//     user_2 paid (org:5) 01-03; user_3 (not in the cohort) signup (org:7)
//     01-02, paid (org:7) 01-03: counts 2, 1.
//   - ..._across_persons: groups filtered to industry finance (org:5);
//     user_1 signup (org:5) 01-02, paid (org:6) 01-03; user_2 signup
//     (org:6) 01-02, paid (org:5) 01-03: 1, 1.
//   - ..._and_ungrouped_events: user_1 signup, paid (org:5); user_2 signup,
//     user_3 paid, user_4 signup and paid, without a group: 1, 1.
//   - test_hogql_aggregation, by person.properties.common_prop ("yes" for
//     both persons): 1, 1, 1.
func TestPH3GroupAggregation(t *testing.T) {
	g := func(who string, day int, name, group string) Event {
		e := pe(who, utc(2020, time.January, day, 14, 0, 0), name, "person", who)
		if group != "" {
			e.Actor = group
		}
		return e
	}
	grouped := func(e Event) bool { return e.Actor != e.Props["person"] }
	inCohort := Matcher{Name: "usu", Event: "usu", Where: func(e Event) bool { return e.Props["person"] != "user_3" }}
	f := MustNew([]Matcher{inCohort, {Event: "paid"}}, phWindow)
	events := []Event{g("user_1", 2, "$pageview", "org:5"), g("user_1", 2, "usu", "org:5"), g("user_1", 10, "usu", "org:6"),
		g("user_2", 3, "paid", "org:5"), g("user_3", 2, "usu", "org:7"), g("user_3", 3, "paid", "org:7")}
	assert.Equal(t, []int64{2, 1}, amRun(t, f, events).Counts())
	finance := func(e Event) bool { return e.Actor == "org:5" }
	events = []Event{g("user_1", 2, "usu", "org:5"), g("user_1", 3, "paid", "org:6"), g("user_2", 2, "usu", "org:6"), g("user_2", 3, "paid", "org:5")}
	two := MustNew(steps("usu", "paid"), phWindow)
	assert.Equal(t, []int64{1, 1}, amRun(t, two, p3Keep(events, finance)).Counts())
	events = []Event{g("user_1", 2, "usu", "org:5"), g("user_1", 3, "paid", "org:5"), g("user_2", 2, "usu", ""), g("user_3", 3, "paid", ""),
		g("user_4", 2, "usu", ""), g("user_4", 3, "paid", "")}
	assert.Equal(t, []int64{1, 1}, amRun(t, two, p3Keep(events, grouped)).Counts())
	log := phJoin(amSeq("yes", "usu", "cart", "checkout"), amSeq("yes", "usu", "cart"), amSeq("yes", "usu"))
	for i := range log {
		log[i].Time = log[i].Time.Add(time.Duration(i) * time.Minute) // created one after another
	}
	assert.Equal(t, []int64{1, 1, 1}, amRun(t, MustNew(steps("usu", "cart", "checkout"), phWindow), log).Counts())
}
