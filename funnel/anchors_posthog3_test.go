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
	// test_funnel_events_with_person_on_events_v2: the persons of
	// test_funnel_events, one second apart, with stopped_after_signup merged
	// into stopped_after_pay (the actor is the merged person): 3, 2, 1.
	merged := phJoin(phEvents("merged", "signup", "signup", "pay"), phEvents("anon", "signup", "pay", "movie"),
		phEvents("just_movie", "movie"), phEvents("wrong", "pay", "signup", "movie"))
	assert.Equal(t, []int64{3, 2, 1}, amRun(t, MustNew([]Matcher{{Event: "signup"}, phPaid, phMovie}, phWindow), merged).Counts())
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

// p3G is one breakdown group's expected counts and, from step 2 on, the
// time to convert (mean and median: each is one person's time here).
type p3G struct {
	counts []int64
	times  []time.Duration
}

// p3Check compares r's groups with want (a zero time is not checked).
func p3Check(t *testing.T, r Result, want map[string]p3G, msg string) {
	t.Helper()
	got := map[string][]int64{}
	for _, g := range r.Groups() {
		got[g.Value] = g.Result.Counts()
		w, ok := want[g.Value]
		if !ok {
			continue
		}
		s := g.Result.Steps()
		for i, d := range w.times {
			if d != 0 && i+1 < len(s) {
				assert.Equal(t, []time.Duration{d, d}, []time.Duration{s[i+1].Time.Mean, s[i+1].Time.Median}, "%s: group %q step %d", msg, g.Value, i+2)
			}
		}
	}
	wantCounts := map[string][]int64{}
	for k, w := range want {
		wantCounts[k] = w.counts
	}
	assert.Equal(t, wantCounts, got, msg)
}

// p3Day is an event on 2020-01-day at hh:00 with properties as pairs.
func p3Day(who string, day, hh int, name string, kv ...string) Event {
	return pe(who, utc(2020, time.January, day, hh, 0, 0), name, kv...)
}

// TestPH3BreakdownAllOrders: PH breakdown_cases.py, which PostHog runs for
// the ordered, strict and unordered funnels alike (window 7 days, steps
// sign up, play movie, buy; default attribution first touch).
//   - test_funnel_step_breakdown_event (also ..._no_type and
//     ..._with_string_only_breakdown): person1 (Chrome) 01-01 12:00, 13:00,
//     15:00; person2 (Safari) sign up 01-02 14:00, play 16:00; person3
//     (Safari) sign up 14:00: Chrome 1, 1, 1 (3600 s, 7200 s), Safari 2, 1,
//     0 (7200 s).
//   - test_funnel_step_breakdown_person: the same journeys for person1 and
//     person2, $browser a person property (here on every event): Chrome 1,
//     1, 1 (3600 s, 7200 s), Safari 1, 1, 0 (7200 s).
//   - test_funnel_step_multi_property_breakdown_event: breakdown $browser and
//     $browser_version (here one property "browser|version"); person1 Chrome
//     95, person2 Safari 15, person3 Safari 14: Chrome|95 1, 1, 1 (3600 s,
//     7200 s), Safari|15 1, 1, 0 (7200 s), Safari|14 1, 0, 0.
//   - test_funnel_step_custom_breakdown_limit_with_nulls_included (limit 6,
//     so no "Other"): num persons with some_breakdown_val num (1..4) and
//     person_null without it, each sign up 12:00, play 13:00, buy 15:00:
//     groups "", 1, 2, 3, 4 with num persons at step 3 ("" one).
func TestPH3BreakdownAllOrders(t *testing.T) {
	journey := func(person3 bool, browser func(who string) []string) []Event {
		b := func(who string) []string { return browser(who) }
		out := []Event{p3Day("p1", 1, 12, "sign up", b("p1")...), p3Day("p1", 1, 13, "play", b("p1")...), p3Day("p1", 1, 15, "buy", b("p1")...),
			p3Day("p2", 2, 14, "sign up", b("p2")...), p3Day("p2", 2, 16, "play", b("p2")...)}
		if person3 {
			out = append(out, p3Day("p3", 2, 14, "sign up", b("p3")...))
		}
		return out
	}
	browser := map[string]string{"p1": "Chrome", "p2": "Safari", "p3": "Safari"}
	version := map[string]string{"p1": "95", "p2": "15", "p3": "14"}
	st := steps("sign up", "play", "buy")
	for _, o := range phOrders {
		f := MustNew(st, 7*24*time.Hour, WithStepOrder(o), WithBreakdown("$browser", FirstTouch))
		events := journey(true, func(who string) []string { return []string{"key", "val", "$browser", browser[who]} })
		p3Check(t, amRun(t, f, events), map[string]p3G{"Chrome": {[]int64{1, 1, 1}, []time.Duration{time.Hour, 2 * time.Hour}},
			"Safari": {[]int64{2, 1, 0}, []time.Duration{2 * time.Hour}}}, "event "+o.String())
		events = journey(false, func(who string) []string { return []string{"$browser", browser[who]} })
		p3Check(t, amRun(t, f, events), map[string]p3G{"Chrome": {[]int64{1, 1, 1}, []time.Duration{time.Hour, 2 * time.Hour}},
			"Safari": {[]int64{1, 1, 0}, []time.Duration{2 * time.Hour}}}, "person "+o.String())
		multi := MustNew(st, 7*24*time.Hour, WithStepOrder(o), WithBreakdown("bd", FirstTouch))
		events = journey(true, func(who string) []string { return []string{"bd", browser[who] + "|" + version[who]} })
		p3Check(t, amRun(t, multi, events), map[string]p3G{"Chrome|95": {[]int64{1, 1, 1}, []time.Duration{time.Hour, 2 * time.Hour}},
			"Safari|15": {[]int64{1, 1, 0}, []time.Duration{2 * time.Hour}}, "Safari|14": {[]int64{1, 0, 0}, nil}}, "multi "+o.String())
		var nulls []Event
		for num := 1; num <= 4; num++ {
			for i := range num {
				who := "person_" + itoa(num) + "_" + itoa(i)
				v := []string{"some_breakdown_val", itoa(num)}
				nulls = append(nulls, p3Day(who, 1, 12, "sign up", v...), p3Day(who, 1, 13, "play", v...), p3Day(who, 1, 15, "buy", v...))
			}
		}
		nulls = append(nulls, p3Day("person_null", 1, 12, "sign up"), p3Day("person_null", 1, 13, "play"), p3Day("person_null", 1, 15, "buy"))
		lim := MustNew(st, 7*24*time.Hour, WithStepOrder(o), WithBreakdown("some_breakdown_val", FirstTouch))
		p3Check(t, amRun(t, lim, nulls), map[string]p3G{"": {[]int64{1, 1, 1}, nil}, "1": {[]int64{1, 1, 1}, nil},
			"2": {[]int64{2, 2, 2}, nil}, "3": {[]int64{3, 3, 3}, nil}, "4": {[]int64{4, 4, 4}, nil}}, "nulls "+o.String())
	}
}

// TestPH3MultiBreakdownFirstTouch: PH breakdown_cases.py
// test_funnel_step_multiple_breakdown_with_first_touch_attribution (steps
// sign up, buy, window 7 days, breakdown $browser and $version, here one
// property "browser|version" present when either is): person1 sign up
// (Chrome, xyz) 01-01 12:00, buy 13:00; person2 sign up 13:00, buy
// (Safari, xyz) 01-02 13:00; person3 sign up (Mac) 01-02 14:00, buy
// (version no-mac) 15:00; person4 sign up (0, 0) 15:00, buy (alakazam)
// 16:00; person5 sign up 15:00, buy 16:00. Groups "" (["", ""]), 0|0,
// Chrome|xyz, Mac| each 1, 1 (3600 s), Safari|xyz 1, 1 (86400 s). In
// ..._incomplete_funnel persons 3 and 4 do not buy: Mac| and 0|0 1, 0.
// Run for every order, as PostHog does.
func TestPH3MultiBreakdownFirstTouch(t *testing.T) {
	bd := func(browser, version string) []string {
		if browser == "" && version == "" {
			return nil
		}
		return []string{"bd", browser + "|" + version}
	}
	full := []Event{p3Day("p1", 1, 12, "sign up", bd("Chrome", "xyz")...), p3Day("p1", 1, 13, "buy"),
		p3Day("p2", 1, 13, "sign up"), p3Day("p2", 2, 13, "buy", bd("Safari", "xyz")...),
		p3Day("p3", 2, 14, "sign up", bd("Mac", "")...), p3Day("p3", 2, 15, "buy", bd("", "no-mac")...),
		p3Day("p4", 2, 15, "sign up", bd("0", "0")...), p3Day("p4", 2, 16, "buy", bd("alakazam", "")...),
		p3Day("p5", 2, 15, "sign up"), p3Day("p5", 2, 16, "buy")}
	incomplete := append(append([]Event{}, full[:5]...), full[6], full[8], full[9])
	hour, day := []time.Duration{time.Hour}, []time.Duration{24 * time.Hour}
	for _, o := range phOrders {
		f := MustNew(steps("sign up", "buy"), 7*24*time.Hour, WithStepOrder(o), WithBreakdown("bd", FirstTouch))
		p3Check(t, amRun(t, f, full), map[string]p3G{"": {[]int64{1, 1}, hour}, "0|0": {[]int64{1, 1}, hour},
			"Chrome|xyz": {[]int64{1, 1}, hour}, "Mac|": {[]int64{1, 1}, hour}, "Safari|xyz": {[]int64{1, 1}, day}}, o.String())
		p3Check(t, amRun(t, f, incomplete), map[string]p3G{"": {[]int64{1, 1}, hour}, "0|0": {[]int64{1, 0}, nil},
			"Chrome|xyz": {[]int64{1, 1}, hour}, "Mac|": {[]int64{1, 0}, nil}, "Safari|xyz": {[]int64{1, 1}, day}}, "incomplete "+o.String())
	}
}

// TestPH3NormalizedURLBreakdown: PH test_funnel_breakdowns_by_current_url.py,
// steps watched movie, terminate funnel, breakdown with
// breakdown_normalize_url (here the caller trims trailing "/", "?" and "#",
// "" becoming "/"); person1 .com, .com?; person2 .com/, .com#; person3
// .com/home; person4 .com/home/, .com/home#, .com/home/?#; each then
// terminates. By $pathname: "/" 2, 2 and "/home" 2, 2; by $current_url:
// https://example.com and https://example.com/home, each 2, 2.
func TestPH3NormalizedURLBreakdown(t *testing.T) {
	norm := func(s string) string {
		if s = strings.TrimRight(s, "/?#"); s == "" {
			return "/"
		}
		return s
	}
	paths := map[string][]string{"p1": {"", "?"}, "p2": {"/", "#"}, "p3": {"/home"}, "p4": {"/home/", "/home#", "/home/?#"}}
	var events []Event
	for who, ps := range paths {
		for i, p := range ps {
			events = append(events, pe(who, utc(2020, time.January, 2, 12, i+1, 0), "watched movie", "$pathname", norm(p), "$current_url", norm("https://example.com"+p)))
		}
		events = append(events, pe(who, utc(2020, time.January, 2, 12, len(ps)+1, 0), "terminate funnel"))
	}
	for prop, want := range map[string]map[string][]int64{"$pathname": {"/": {2, 2}, "/home": {2, 2}},
		"$current_url": {"https://example.com": {2, 2}, "https://example.com/home": {2, 2}}} {
		r := amRun(t, MustNew(steps("watched movie", "terminate funnel"), phWindow, WithBreakdown(prop, FirstTouch)), events)
		assert.Equal(t, want, amGroups(r), prop)
	}
}
