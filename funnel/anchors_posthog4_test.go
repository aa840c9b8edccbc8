package funnel

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// PostHog's breakdown_cases.py continued (see anchors_posthog3_test.go):
// attribution, group breakdowns and the cases where opskit's one group
// per actor is documented to differ.

// p4Keys lists a result's group values, sorted.
func p4Keys(r Result) []string {
	var out []string
	for _, g := range r.Groups() {
		out = append(out, g.Value)
	}
	slices.Sort(out)
	return out
}

// TestPH4BreakdownPropsChosen: PH breakdown_cases.py
// test_funnel_breakdown_correct_breakdown_props_are_chosen (every order,
// first touch, steps sign up, buy with $version = xyz, window 7 days):
// person1 sign up (Chrome, xyz) 01-01 12:00, buy (Chrome) 13:00 (not step
// 2); person2 sign up 13:00, buy (Safari, xyz) 01-02 13:00; person3 sign up
// (Mac) 01-02 14:00, buy (Mac, xyz) 15:00; person5 sign up 15:00, buy
// 16:00: the groups are "", Chrome, Mac and Safari. PostHog asserts only
// the groups; the counts are by hand (person1 and person5 stop at step 1).
func TestPH4BreakdownPropsChosen(t *testing.T) {
	events := []Event{p3Day("p1", 1, 12, "sign up", "$browser", "Chrome", "$version", "xyz"), p3Day("p1", 1, 13, "buy", "$browser", "Chrome"),
		p3Day("p2", 1, 13, "sign up"), p3Day("p2", 2, 13, "buy", "$browser", "Safari", "$version", "xyz"),
		p3Day("p3", 2, 14, "sign up", "$browser", "Mac"), p3Day("p3", 2, 15, "buy", "$version", "xyz", "$browser", "Mac"),
		p3Day("p5", 2, 15, "sign up"), p3Day("p5", 2, 16, "buy")}
	st := []Matcher{{Event: "sign up"}, p3Prop("buy", "buy", "$version", "xyz")}
	for _, o := range phOrders {
		r := amRun(t, MustNew(st, 7*24*time.Hour, WithStepOrder(o), WithBreakdown("$browser", FirstTouch)), events)
		assert.Equal(t, []string{"", "Chrome", "Mac", "Safari"}, p4Keys(r), "%s", o)
		assert.Equal(t, map[string][]int64{"": {1, 0}, "Chrome": {1, 0}, "Mac": {1, 1}, "Safari": {1, 1}}, amGroups(r), "%s", o)
	}
}

// TestPH4DefaultDaysBreakdown: PH breakdown_cases.py
// test_basic_funnel_default_funnel_days_breakdown_event and ..._action
// (ordered and unordered; PostHog disables them for strict funnels): user_1
// "user signed up" ($current_url .../docs/x) 2020-01-02 14:00, paid 01-10
// 14:00, and 40 more signups at 01-02 14:00 on .../blog/a to .../blog/t;
// step 1 is a signup whose URL contains https://posthog.com/docs, default
// window 14 days, breakdown $current_url: one group, .../docs/x, 1, 1, time
// 691200 s.
func TestPH4DefaultDaysBreakdown(t *testing.T) {
	url := "https://posthog.com/docs/x"
	events := []Event{pe("user_1", utc(2020, time.January, 2, 14, 0, 0), "usu", "$current_url", url),
		pe("user_1", utc(2020, time.January, 10, 14, 0, 0), "paid", "$current_url", url)}
	for c := 'a'; c < 'u'; c++ {
		for range 2 {
			events = append(events, pe("user_1", utc(2020, time.January, 2, 14, 0, 0), "usu", "$current_url", "https://posthog.com/blog/"+string(c)))
		}
	}
	docs := Matcher{Name: "usu", Event: "usu", Where: func(e Event) bool {
		return strings.Contains(e.Props["$current_url"], "https://posthog.com/docs")
	}}
	for _, o := range []StepOrder{Ordered, AnyOrder} {
		r := amRun(t, MustNew([]Matcher{docs, {Event: "paid"}}, phWindow, WithStepOrder(o), WithBreakdown("$current_url", FirstTouch)), events)
		p3Check(t, r, map[string]p3G{url: {[]int64{1, 1}, []time.Duration{691200 * time.Second}}}, o.String())
	}
}

// TestPH4StepAttributionOneGroup: PostHog's step attribution puts a person
// in a group for every value its step-n events carry; opskit puts each
// actor in one group. Package doc (Breakdown): "PostHog's step attribution
// can put one person in several groups, one per value at that step; here
// it is the counted attempt's one". So these cases assert opskit's value.
//   - PH breakdown_cases.py
//     test_funnel_step_breakdown_event_single_person_multiple_breakdowns
//     (step 0, steps sign up, other event, every order): person1 signs up
//     with Chrome 01-01 12:00, Safari 13:00, Mac 01-02 14:00 and 0 15:00.
//     PostHog: groups 0, Chrome, Mac, Safari, each 1, 0. opskit: the first
//     attempt to reach step 1 counts, so Chrome 1, 0.
//   - PH test_funnel_unordered.py test_funnel_step_breakdown_with_step_attribution
//     (step 0; the persons of phTouchEvents without person5): PostHog 6
//     groups (any event may be the first step), person3 in Mac at step 1.
//     opskit: "", 0, Chrome, Mac (each person's first step event), Mac 1.
func TestPH4StepAttributionOneGroup(t *testing.T) {
	events := []Event{p3Day("p1", 1, 12, "sign up", "$browser", "Chrome"), p3Day("p1", 1, 13, "sign up", "$browser", "Safari"),
		p3Day("p1", 2, 14, "sign up", "$browser", "Mac"), p3Day("p1", 2, 15, "sign up", "$browser", "0")}
	for _, o := range phOrders {
		r := amRun(t, MustNew(steps("sign up", "other event"), 7*24*time.Hour, WithStepOrder(o), WithBreakdown("$browser", AtFirstStep)), events)
		assert.Equal(t, map[string][]int64{"Chrome": {1, 0}}, amGroups(r), "%s", o) // PostHog: 0, Chrome, Mac, Safari
	}
	r := amRun(t, MustNew(steps("sign up", "buy"), 7*24*time.Hour, WithStepOrder(AnyOrder), WithBreakdown("$browser", AtFirstStep)), phTouchEvents(false))
	assert.Equal(t, []string{"", "0", "Chrome", "Mac"}, p4Keys(r)) // PostHog: 6 groups
	assert.Equal(t, []int64{1, 1}, amGroups(r)["Mac"])
}

// TestPH4GroupBreakdown: PH breakdown_cases.py funnel_breakdown_group_test_factory
// (every order; window 7 days, steps sign up, play movie, buy; breakdown by
// the industry of group 0: org:5 finance, org:6 technology, here a property
// on each event). person1 (org:5) 01-01 12:00, 13:00, 15:00; person2
// (org:6) sign up 01-02 14:00, play 16:00.
//   - test_funnel_breakdown_group: person3 (org:6) sign up 01-02 14:00;
//     persons counted: finance 1, 1, 1 (3600 s, 7200 s), technology 2, 1,
//     0 (7200 s).
//   - test_funnel_aggregate_by_groups_breakdown_group (and
//     ..._person_on_events): person3 (org:6) buy 01-02 18:00; groups
//     counted: finance 1, 1, 1 (3600 s, 7200 s), technology 1, 1, 1
//     (7200 s, 7200 s).
func TestPH4GroupBreakdown(t *testing.T) {
	industry := map[string]string{"org:5": "finance", "org:6": "technology"}
	ev := func(who, org string, day, hh int, name string) Event {
		return p3Day(who, day, hh, name, "$group_0", org, "industry", industry[org])
	}
	common := []Event{ev("p1", "org:5", 1, 12, "sign up"), ev("p1", "org:5", 1, 13, "play"), ev("p1", "org:5", 1, 15, "buy"),
		ev("p2", "org:6", 2, 14, "sign up"), ev("p2", "org:6", 2, 16, "play")}
	persons := append(append([]Event{}, common...), ev("p3", "org:6", 2, 14, "sign up"))
	groups := append(append([]Event{}, common...), ev("p3", "org:6", 2, 18, "buy"))
	for i := range groups {
		groups[i].Actor = groups[i].Props["$group_0"]
	}
	st := steps("sign up", "play", "buy")
	h := time.Hour
	for _, o := range phOrders {
		f := MustNew(st, 7*24*time.Hour, WithStepOrder(o), WithBreakdown("industry", FirstTouch))
		p3Check(t, amRun(t, f, persons), map[string]p3G{"finance": {[]int64{1, 1, 1}, []time.Duration{h, 2 * h}},
			"technology": {[]int64{2, 1, 0}, []time.Duration{2 * h}}}, "persons "+o.String())
		p3Check(t, amRun(t, f, groups), map[string]p3G{"finance": {[]int64{1, 1, 1}, []time.Duration{h, 2 * h}},
			"technology": {[]int64{1, 1, 1}, []time.Duration{2 * h, 2 * h}}}, "groups "+o.String())
	}
}

// p4Levels runs f.Levels and gives the numbers of actors reached at each
// step and dropped off at steps 2..n.
func p4Levels(t *testing.T, f Funnel, events []Event) (reached, dropped []int) {
	t.Helper()
	l, err := f.Levels(events)
	assert.NoError(t, err)
	for s := 1; s <= l.Steps; s++ {
		reached = append(reached, len(l.Reached(s)))
		if s > 1 {
			dropped = append(dropped, len(l.DroppedOff(s)))
		}
	}
	return reached, dropped
}

// TestPH4PersonLists: the persons per step (Funnel.Levels), window 7 days,
// steps step one, two, three.
//   - PH test_funnel_strict_persons.py (strict): users 0-4 one 2021-05-01,
//     "step fake" 05-02, two 05-03, three 05-05; users 5-14 one, two; users
//     15-34 one. test_first_step 35, test_second_step 10,
//     test_second_step_dropoff 25, test_third_step 0.
//   - PH test_funnel_unordered_persons.py (any order): users 0-4 one 05-01,
//     three 05-03, two 05-05; users 5-14 two 05-01, one 05-03; users 15-34
//     one. test_first_step 35, test_last_step 5,
//     test_second_step_dropoff 20, test_last_step_dropoff 10.
//   - test_strict_funnel_person_recordings (strict): user_1 one, two a day
//     later, "interupting step" two days later, three three days later:
//     user_1 at steps 1 and 2 and among the drop-offs at step 3;
//     test_funnel_person_recordings (ordered): one, two a day later: the
//     same; test_unordered_funnel_does_not_return_recordings: two, then one
//     a day later: user_1 at step 1.
//   - PH test_funnel_persons.py test_basic_offset: 110 users do all three
//     steps: 110 at step 1 (PostHog pages them 100 and 10).
func TestPH4PersonLists(t *testing.T) {
	day := func(who string, d int, name string) Event { return pe(who, utc(2021, time.May, d, 0, 0, 0), name) }
	st := steps("step one", "step two", "step three")
	week := 7 * 24 * time.Hour
	var strict, unordered []Event
	for i := range 35 {
		who := "user_" + itoa(i)
		switch {
		case i < 5:
			strict = append(strict, day(who, 1, "step one"), day(who, 2, "step fake"), day(who, 3, "step two"), day(who, 5, "step three"))
			unordered = append(unordered, day(who, 1, "step one"), day(who, 3, "step three"), day(who, 5, "step two"))
		case i < 15:
			strict = append(strict, day(who, 1, "step one"), day(who, 3, "step two"))
			unordered = append(unordered, day(who, 1, "step two"), day(who, 3, "step one"))
		default:
			strict = append(strict, day(who, 1, "step one"))
			unordered = append(unordered, day(who, 1, "step one"))
		}
	}
	reached, dropped := p4Levels(t, MustNew(st, week, WithStepOrder(Strict)), strict)
	assert.Equal(t, []int{35, 10, 0}, reached)
	assert.Equal(t, 25, dropped[0])
	reached, dropped = p4Levels(t, MustNew(st, week, WithStepOrder(AnyOrder)), unordered)
	assert.Equal(t, []int{35, 5}, []int{reached[0], reached[2]})
	assert.Equal(t, []int{20, 10}, dropped)
	rec := []Event{pe("user_1", utc(2021, time.January, 2, 0, 0, 0), "step one"), pe("user_1", utc(2021, time.January, 3, 0, 0, 0), "step two"),
		pe("user_1", utc(2021, time.January, 4, 0, 0, 0), "interupting step"), pe("user_1", utc(2021, time.January, 5, 0, 0, 0), "step three")}
	reached, dropped = p4Levels(t, MustNew(st, week, WithStepOrder(Strict)), rec)
	assert.Equal(t, []int{1, 1, 0}, reached)
	assert.Equal(t, 1, dropped[1])
	reached, dropped = p4Levels(t, MustNew(st, week), rec[:2])
	assert.Equal(t, []int{1, 1, 0}, reached)
	assert.Equal(t, 1, dropped[1])
	rec = []Event{pe("user_1", utc(2021, time.January, 2, 0, 0, 0), "step two"), pe("user_1", utc(2021, time.January, 3, 0, 0, 0), "step one")}
	assert.Equal(t, []string{"user_1"}, amReached(t, MustNew(st, week, WithStepOrder(AnyOrder)), rec, 1))
	var all []Event
	for i := range 110 {
		all = append(all, day("user_"+itoa(i), 1, "step one"), day("user_"+itoa(i), 3, "step two"), day("user_"+itoa(i), 5, "step three"))
	}
	reached, _ = p4Levels(t, MustNew(st, week), all)
	assert.Equal(t, []int{110, 110, 110}, reached)
}

// TestPH4UnorderedMore: PH test_funnel_unordered.py.
//   - test_basic_unordered_funnel, the persons who dropped off (the events
//     of TestPHUnorderedCounts): at step 2 persons 1, 6 and 7, at step 3
//     persons 2 and 8.
//   - test_funnel_unordered_all_events_with_properties: steps signup, any
//     event with is_saved = true; signup, added to card (is_saved): 1, 1.
//   - test_unordered_trend_with_partial_steps_and_exclusion (the full
//     funnel; window 6 hours, exclusion over the whole funnel): user_1 step
//     1 10:00, step 2 11:00, exclusion 12:00, step 3 13:00; user_2 steps at
//     10:00, 11:00, 12:00: counts 2, 1, 1 (the excluded user stays at step
//     1, as in test_funnel_exclusions_full_window).
func TestPH4UnorderedMore(t *testing.T) {
	three := MustNew(steps("signup", "pv", "insight"), phWindow, WithStepOrder(AnyOrder))
	events := phJoin(amSeq("1", "signup"), amSeq("2", "pv", "signup"), amSeq("3", "signup", "pv", "x", "insight"),
		amSeq("4", "insight", "pv", "signup"), amSeq("5", "pv", "signup", "x", "insight"), amSeq("6", "x", "insight"),
		amSeq("7", "pv", "x"), amSeq("8", "insight", "pv"))
	l, err := three.Levels(events)
	assert.NoError(t, err)
	names := func(rows []int) []string {
		var out []string
		for _, r := range rows {
			out = append(out, l.Names[l.Actor[r]])
		}
		slices.Sort(out)
		return out
	}
	assert.Equal(t, []string{"1", "6", "7"}, names(l.DroppedOff(2)))
	assert.Equal(t, []string{"2", "8"}, names(l.DroppedOff(3)))
	saved := Matcher{Name: "All events", Where: func(e Event) bool { return e.Props["is_saved"] == "true" }}
	events = []Event{pe("user", base, "usu"), pe("user", base.Add(time.Second), "added to card", "is_saved", "true")}
	assert.Equal(t, []int64{1, 1}, amRun(t, MustNew([]Matcher{{Event: "usu"}, saved}, phWindow, WithStepOrder(AnyOrder)), events).Counts())
	h := func(who string, hh int, name string) Event { return pe(who, utc(2024, time.March, 1, hh, 0, 0), name) }
	events = []Event{h("user_1", 10, "step 1"), h("user_1", 11, "step 2"), h("user_1", 12, "exclusion event"), h("user_1", 13, "step 3"),
		h("user_2", 10, "step 1"), h("user_2", 11, "step 2"), h("user_2", 12, "step 3")}
	f := MustNew(steps("step 1", "step 2", "step 3"), 6*time.Hour, WithStepOrder(AnyOrder),
		WithExclusions(Exclusion{Event: "exclusion event", After: "step 1", Before: "step 3"}))
	assert.Equal(t, []int64{2, 1, 1}, amRun(t, f, events).Counts())
}

// TestPH4TimesMore: conversion times PostHog asserts beyond
// TestPHConversionTimeCases and TestPHTimeToConvert.
//   - PH conversion_time_cases.py test_funnel_step_conversion_times: step 1
//     has no conversion time (None): here no durations at step 1, every
//     order.
//   - PH test_funnel_time_to_convert.py test_auto_bin_count_total (skipped
//     by PostHog for a ClickHouse version, its numbers documented): users
//     a-c of test_auto_bin_count_single_step, from step 1 to step 3: only
//     user a (18:00 to 21:00), average 10800 s.
//   - funnel-udf/src/e2e_tests.rs rowbinary_steps_round_trip_strict_wire and
//     json_path_still_works_for_same_fixture: three steps at 1, 2, 3 s,
//     window 3600 s, ordered: the last step (index 2) reached, two timings
//     (1 s each), steps bitfield 0b111.
func TestPH4TimesMore(t *testing.T) {
	h := func(who string, d, hh, mm int, name string) Event {
		return pe(who, utc(2020, time.January, d, hh, mm, 0), name)
	}
	times := []Event{h("1", 1, 12, 0, "sign up"), h("1", 1, 13, 0, "play"), h("1", 1, 15, 0, "buy"),
		h("2", 2, 14, 0, "sign up"), h("2", 2, 16, 0, "play"), h("3", 2, 14, 0, "sign up"), h("3", 2, 16, 0, "play"), h("3", 2, 17, 0, "buy")}
	for _, o := range phOrders {
		s := amRun(t, MustNew(steps("sign up", "play", "buy"), 7*24*time.Hour, WithStepOrder(o)), times).Steps()
		assert.Equal(t, Timing{}, s[0].Time, "%s", o)
	}
	j := func(who string, d, hh, mm int, name string) Event {
		return pe(who, utc(2021, time.June, d, hh, mm, 0), name)
	}
	events := []Event{j("a", 8, 18, 0, "one"), j("a", 8, 19, 0, "two"), j("a", 8, 21, 0, "three"),
		j("b", 9, 13, 0, "one"), j("b", 9, 13, 37, "two"), j("c", 11, 7, 0, "one"), j("c", 12, 6, 0, "two")}
	r := amRun(t, MustNew(steps("one", "two", "three"), 7*24*time.Hour), events)
	assert.Equal(t, int64(1), r.Overall().N)
	assert.Equal(t, 10800*time.Second, r.Overall().Mean)
	udf := []Event{pe("u", base.Add(time.Second), "1"), pe("u", base.Add(2*time.Second), "2"), pe("u", base.Add(3*time.Second), "3")}
	s := amRun(t, MustNew(steps("1", "2", "3"), 3600*time.Second), udf).Steps()
	assert.Equal(t, []int64{1, 1, 1}, []int64{s[0].Count, s[1].Count, s[2].Count})
	assert.Equal(t, []time.Duration{time.Second, time.Second}, []time.Duration{s[1].Time.Mean, s[2].Time.Mean})
}

// TestPH4ExclusionValidation: PH test_funnel.py and test_funnel_unordered.py
// test_funnel_exclusions_invalid_params, steps signup, paid (and blah).
// PostHog rejects an exclusion from step 1 to step 1, from 2 to 1, and
// (ordered) to a step past the last: opskit rejects After not before
// Before, and a step name the funnel does not have. PostHog also rejects
// a partial window (from 0 to 1) in an unordered funnel; opskit accepts it
// on purpose, package doc (Exclusions): "In any order, After and Before
// are read as step counts (after n steps, before m steps)."
func TestPH4ExclusionValidation(t *testing.T) {
	ex := func(after, before string) Option {
		return WithExclusions(Exclusion{Event: "x", After: after, Before: before})
	}
	for _, o := range phOrders {
		for _, bad := range [][2]string{{"paid", "paid"}, {"paid", "signup"}, {"signup", "step 3"}} {
			_, err := New(steps("signup", "paid"), phWindow, WithStepOrder(o), ex(bad[0], bad[1]))
			assert.Error(t, err, "%s %v", o, bad)
		}
	}
	_, err := New(steps("signup", "paid", "blah"), phWindow, WithStepOrder(AnyOrder), ex("signup", "paid"))
	assert.NoError(t, err) // PostHog: ValidationError
}

// TestPH4UDFOnly: PH test_funnel_udf.py, the cases only the UDF funnel runs.
//   - test_events_same_timestamp_no_exclusions: ten events at 2024-01-10
//     12:01, in this order: "step one, ten", two x "step two, three,
//     seven", two x "step four, five, eight", "step six, nine", "step two,
//     three, seven", "step four, five, eight", "step six, nine", "step one,
//     ten"; ten steps on those events in that order: 1 at step 10 (opskit:
//     equal timestamps keep input order, package doc).
//   - test_excluded_after_time_expires, window 10 s, exclusion between
//     steps 1 and 2: step one 0 s, exclusion 11 s, step two 12 s: 1, 0.
func TestPH4UDFOnly(t *testing.T) {
	names := []string{"one", "two", "two", "four", "four", "six", "two", "four", "six", "one"}
	noon := utc(2024, time.January, 10, 12, 1, 0)
	var events []Event
	for _, n := range names {
		events = append(events, pe("test", noon, n))
	}
	assert.Equal(t, int64(1), amRun(t, MustNew(steps(names...), phWindow), events).Counts()[9])
	s := func(sec int, name string) Event { return pe("user_one", utc(2021, time.May, 1, 0, 0, sec), name) }
	f := MustNew(steps("step one", "step two"), 10*time.Second, WithExclusions(Exclusion{Event: "exclusion", After: "step one", Before: "step two"}))
	assert.Equal(t, []int64{1, 0}, amRun(t, f, []Event{s(0, "step one"), s(11, "exclusion"), s(12, "step two")}).Counts())
}

// p4AllEvents runs f once per value of prop over the events that carry
// that value: PostHog's "all_events" attribution, which filters the
// person's events by the breakdown value (funnel-udf steps.rs) and so can
// count one person in several groups. opskit's breakdown puts an actor in
// one group; the caller gets all_events by running one funnel per value.
func p4AllEvents(t *testing.T, f Funnel, prop string, values []string, events []Event) map[string]p3G {
	t.Helper()
	out := map[string]p3G{}
	for _, v := range values {
		s := amRun(t, f, p3Keep(events, func(e Event) bool { return e.Props[prop] == v })).Steps()
		g := p3G{}
		for i, st := range s {
			g.counts = append(g.counts, st.Count)
			if i > 0 {
				g.times = append(g.times, st.Time.Mean)
			}
		}
		out[v] = g
	}
	return out
}

// TestPH4AllEventsAttribution: PostHog's all_events attribution, by one
// funnel per value (p4AllEvents).
//   - PH breakdown_cases.py
//     test_funnel_step_breakdown_event_single_person_events_with_multiple_properties
//     (ordered and strict; steps sign up, play movie, window 7 days):
//     person1 sign up (Chrome) 01-01 12:00, play (Safari) 01-02 12:30, sign
//     up (Safari) 13:00, play (Safari) 14:00: Chrome 1, 0; Safari 1, 1
//     (3600 s). The override in test_funnel_unordered.py (sign up Chrome
//     01-01 12:00, sign up Safari 01-02 13:00, play Safari 14:00) gives the
//     same.
//   - PH test_funnel_strict_udf.py test_different_prop_val_in_strict_filter,
//     all events: first (one), first (two), unmatched (one), unmatched
//     (two), second (one), second (two): groups one and two, each 0 at step
//     2.
func TestPH4AllEventsAttribution(t *testing.T) {
	b := func(d, hh, mm int, name, browser string) Event {
		return pe("p1", utc(2020, time.January, d, hh, mm, 0), name, "$browser", browser)
	}
	events := []Event{b(1, 12, 0, "sign up", "Chrome"), b(2, 12, 30, "play", "Safari"), b(2, 13, 0, "sign up", "Safari"), b(2, 14, 0, "play", "Safari")}
	want := map[string]p3G{"Chrome": {[]int64{1, 0}, []time.Duration{0}}, "Safari": {[]int64{1, 1}, []time.Duration{time.Hour}}}
	for _, o := range []StepOrder{Ordered, Strict} {
		f := MustNew(steps("sign up", "play"), 7*24*time.Hour, WithStepOrder(o))
		assert.Equal(t, want, p4AllEvents(t, f, "$browser", []string{"Chrome", "Safari"}, events), "%s", o)
	}
	unordered := []Event{events[0], events[2], events[3]}
	f := MustNew(steps("sign up", "play"), 7*24*time.Hour, WithStepOrder(AnyOrder))
	assert.Equal(t, want, p4AllEvents(t, f, "$browser", []string{"Chrome", "Safari"}, unordered))
	seq := amSeq("p", "first", "first", "unmatched", "unmatched", "second", "second")
	for i := range seq {
		seq[i].Props = map[string]string{"bd": []string{"one", "two"}[i%2]}
	}
	got := p4AllEvents(t, MustNew(steps("first", "second"), phWindow, WithStepOrder(Strict)), "bd", []string{"one", "two"}, seq)
	assert.Equal(t, []int64{0, 0}, []int64{got["one"].counts[1], got["two"].counts[1]})
}

// TestPH4TouchOtherOrders: PH breakdown_cases.py first-touch, last-touch and
// step-0 attribution cases (see TestPHFirstTouchIsPerPerson and
// TestPHStepAttribution) in the strict and unordered runs PostHog makes of
// the same factory (its unordered step-0 case is overridden: see
// TestPH4StepAttributionOneGroup). Times: Safari and person2's "" 86400 s,
// every other group 3600 s.
func TestPH4TouchOtherOrders(t *testing.T) {
	h, d := []time.Duration{time.Hour}, []time.Duration{24 * time.Hour}
	first := map[string]p3G{"": {[]int64{1, 1}, h}, "0": {[]int64{1, 1}, h}, "Chrome": {[]int64{1, 1}, h}, "Mac": {[]int64{1, 1}, h}, "Safari": {[]int64{1, 1}, d}}
	last := map[string]p3G{"": {[]int64{1, 1}, h}, "Alakazam": {[]int64{1, 1}, h}, "Chrome": {[]int64{1, 1}, h}, "Mac": {[]int64{1, 1}, h}, "Safari": {[]int64{1, 1}, d}}
	step0 := map[string]p3G{"": {[]int64{1, 1}, d}, "0": {[]int64{1, 1}, h}, "Chrome": {[]int64{1, 1}, h}, "Mac": {[]int64{1, 1}, h}}
	run := func(o StepOrder, a Attribution, events []Event) Result {
		return amRun(t, MustNew(steps("sign up", "buy"), 7*24*time.Hour, WithStepOrder(o), WithBreakdown("$browser", a)), events)
	}
	for _, o := range []StepOrder{Strict, AnyOrder} {
		p3Check(t, run(o, FirstTouch, phTouchEvents(true)), first, "first "+o.String())
		events := phTouchEvents(true)
		events[7].Props["$browser"] = "Alakazam"
		p3Check(t, run(o, LastTouch, events), last, "last "+o.String())
	}
	p3Check(t, run(Strict, AtFirstStep, phTouchEvents(false)), step0, "step 0 strict")
}

// TestPH4WindowFallback: PH test_funnel_conversion_window.py
// test_window_interval_falls_back_for_non_positive: no window, 0 or -1 days
// fall back to 14 days (7 stays 7); test_conversion_window_limit_is_never_negative.
// opskit has no default window and rejects a non-positive one, as New's
// doc says: "a window <= 0 ([ErrInvalidWindow])"; the caller passes 14
// days (phWindow) where PostHog would fall back.
func TestPH4WindowFallback(t *testing.T) {
	for _, w := range []time.Duration{0, -time.Second, -3 * 24 * time.Hour} {
		_, err := New(steps("step one", "step two"), w)
		assert.ErrorIs(t, err, ErrInvalidWindow, "window %v", w)
	}
	_, err := New(steps("step one", "step two"), 7*24*time.Hour)
	assert.NoError(t, err)
}
