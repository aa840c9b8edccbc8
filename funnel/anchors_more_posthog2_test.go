package funnel

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// PostHog's strict, any-order, breakdown and conversion-time tests (see
// anchors_more_posthog_test.go).

// TestPHAdvancedStrict: PH test_funnel_strict.py test_advanced_strict_funnel:
// steps "user signed up", the action "sign up" (key = val), "$pageview",
// the action "pageview" (key = val); strict order, every event counts.
// Counts 8, 6, 5, 1 (person8, "blah usu usu signup $pv pageview", alone at
// step 4).
func TestPHAdvancedStrict(t *testing.T) {
	val := func(name string) Matcher {
		return Matcher{Name: name, Event: name, Where: func(e Event) bool { return e.Props["key"] == "val" }}
	}
	f := MustNew([]Matcher{{Event: "usu"}, val("sign up"), {Event: "$pv"}, val("pageview")}, phWindow, WithStepOrder(Strict))
	person := func(who string, seq ...string) []Event {
		out := amSeq(who)
		for i, s := range seq {
			name, v := s, ""
			if n := len(s); n > 4 && s[n-4] == '(' {
				name, v = s[:n-5], s[n-3:n-1]
			} else if n > 5 && s[n-5] == '(' {
				name, v = s[:n-6], s[n-4:n-1]
			}
			e := pe(who, base.Add(time.Duration(i+1)*time.Second), name)
			if v != "" {
				e.Props = map[string]string{"key": map[string]string{"va": "val", "v2": "val2", "v1": "val1"}[v]}
			}
			out = append(out, e)
		}
		return out
	}
	events := phJoin(person("p1", "usu"), person("p2", "usu", "$pv"),
		person("p3", "usu", "sign up (va)", "sign up (v2)", "$pv", "blah", "insight"),
		person("p4", "blah", "usu", "sign up (va)", "$pv (va)", "blah"),
		person("p5", "blah", "usu", "sign up (va)", "$pv", "blah"),
		person("p6", "blah", "usu", "sign up (va)", "$pv", "pageview (v1)"),
		person("p7", "blah", "usu", "sign up (va)", "$pv", "usu", "pageview (va)"),
		person("p8", "blah", "usu", "usu", "sign up (va)", "$pv", "pageview (va)"))
	assert.Equal(t, []int64{8, 6, 5, 1}, amRun(t, f, events).Counts())
	assert.Equal(t, []string{"p8"}, amReached(t, f, events, 4))
}

// TestPHStrictConversionTimes: PH test_funnel_strict.py
// test_basic_strict_funnel_conversion_times: person1 signs up 2021-05-02;
// person2 signs up 00:00, $pageview 01:00; person3 signs up 00:00,
// $pageview 02:00, insight viewed 04:00: average 5400 s at step 2, 7200 s
// at step 3.
func TestPHStrictConversionTimes(t *testing.T) {
	h := func(who string, hh int, name string) Event { return pe(who, utc(2021, time.May, 2, hh, 0, 0), name) }
	events := []Event{h("p1", 0, "usu"), h("p2", 0, "usu"), h("p2", 1, "pv"), h("p3", 0, "usu"), h("p3", 2, "pv"), h("p3", 4, "insight")}
	s := amRun(t, MustNew(steps("usu", "pv", "insight"), phWindow, WithStepOrder(Strict)), events).Steps()
	assert.Equal(t, []time.Duration{5400 * time.Second, 7200 * time.Second}, []time.Duration{s[1].Time.Mean, s[2].Time.Mean})
}

// TestPHStrictBreakdown: PH test_funnel_strict.py
// test_strict_breakdown_events_with_multiple_properties: steps sign up,
// play movie, window 7 days, breakdown $browser; person1 (Chrome) sign up
// 12:00, blah 13:00, play movie 14:00; person2 (Safari) sign up 13:00, play
// movie 14:00 the next day: Safari 1, 1 (3600 s), Chrome 1, 0.
func TestPHStrictBreakdown(t *testing.T) {
	b := func(who string, d, hh int, name, browser string) Event {
		return pe(who, utc(2020, time.January, d, hh, 0, 0), name, "$browser", browser)
	}
	events := []Event{b("p1", 1, 12, "sign up", "Chrome"), b("p1", 1, 13, "blah", "Chrome"), b("p1", 1, 14, "play movie", "Chrome"),
		b("p2", 2, 13, "sign up", "Safari"), b("p2", 2, 14, "play movie", "Safari")}
	r := amRun(t, MustNew(steps("sign up", "play movie"), 7*24*time.Hour, WithStepOrder(Strict), WithBreakdown("$browser", AtFirstStep)), events)
	assert.Equal(t, map[string][]int64{"Safari": {1, 1}, "Chrome": {1, 0}}, amGroups(r))
	for _, g := range r.Groups() {
		if g.Value == "Safari" {
			assert.Equal(t, time.Hour, g.Result.Steps()[1].Time.Mean)
		}
	}
}

// TestPHFirstTouchIsPerPerson: PostHog's first touch takes the first
// non-empty value among the person's events, whichever attempt counts.
//   - PH breakdown_cases.py test_funnel_step_breakdown_with_first_touch_attribution
//     (steps sign up, buy, window 7 days): person2 signs up without a
//     browser and buys with Safari a day later: group Safari 1, 1 (86400
//     s); person4 0 then alakazam: group "0"; person5 no browser: "".
//     Groups "", "0", Chrome, Mac, Safari, each 1, 1.
//   - ..._with_last_touch_attribution: person1 signs up with Chrome and
//     buys without a browser: group Chrome (the last non-empty value);
//     person4: Alakazam. Groups "", Alakazam, Chrome, Mac, Safari, each 1, 1.
//   - PH test_funnel_strict.py test_different_prop_val_in_strict_filter:
//     first (bd one), first (two), unmatched (one), unmatched (two), second
//     (one), second (two), strict order: one group "one", counts 1, 0.
//
// opskit's FirstTouch and LastTouch (its AtFirstStep and AtLastStep read
// one event of the counted attempt instead, as PostHog's "step"
// attribution does: next test).
func TestPHFirstTouchIsPerPerson(t *testing.T) {
	events := phTouchEvents(true)
	first := amRun(t, MustNew(steps("sign up", "buy"), 7*24*time.Hour, WithBreakdown("$browser", FirstTouch)), events)
	assert.Equal(t, map[string][]int64{"": {1, 1}, "0": {1, 1}, "Chrome": {1, 1}, "Mac": {1, 1}, "Safari": {1, 1}}, amGroups(first))
	events[7].Props["$browser"] = "Alakazam" // person4's buy
	last := amRun(t, MustNew(steps("sign up", "buy"), 7*24*time.Hour, WithBreakdown("$browser", LastTouch)), events)
	assert.Equal(t, map[string][]int64{"": {1, 1}, "Alakazam": {1, 1}, "Chrome": {1, 1}, "Mac": {1, 1}, "Safari": {1, 1}}, amGroups(last))
	strict := MustNew(steps("first", "second"), phWindow, WithStepOrder(Strict), WithBreakdown("bd", FirstTouch))
	seq := amSeq("p", "first", "first", "unmatched", "unmatched", "second", "second")
	for i := range seq {
		seq[i].Props = map[string]string{"bd": []string{"one", "two"}[i%2]}
	}
	assert.Equal(t, map[string][]int64{"one": {1, 0}}, amGroups(amRun(t, strict, seq)))
}

// phTouchEvents is the journey of PH breakdown_cases.py's attribution
// tests: person1 sign up (Chrome) 2020-01-01 12:00, buy 13:00; person2
// sign up 01-01 13:00, buy (Safari) 01-02 13:00; person3 sign up (Mac)
// 01-02 14:00, buy 15:00; person4 sign up (0) 01-02 15:00, buy
// (alakazam) 16:00; with person5 (no browser) sign up 15:00, buy 16:00.
func phTouchEvents(person5 bool) []Event {
	e := func(who string, d, hh int, name string, browser ...string) Event {
		if len(browser) > 0 {
			return pe(who, utc(2020, time.January, d, hh, 0, 0), name, "$browser", browser[0])
		}
		return pe(who, utc(2020, time.January, d, hh, 0, 0), name)
	}
	out := []Event{e("p1", 1, 12, "sign up", "Chrome"), e("p1", 1, 13, "buy"), e("p2", 1, 13, "sign up"), e("p2", 2, 13, "buy", "Safari"),
		e("p3", 2, 14, "sign up", "Mac"), e("p3", 2, 15, "buy"), e("p4", 2, 15, "sign up", "0"), e("p4", 2, 16, "buy", "alakazam")}
	if person5 {
		out = append(out, e("p5", 2, 15, "sign up"), e("p5", 2, 16, "buy"))
	}
	return out
}

// TestPHStepAttribution: PH breakdown_cases.py (persons 1-4 of
// phTouchEvents, steps sign up, buy, window 7 days).
//   - test_funnel_step_breakdown_with_step_attribution (step 0): groups ""
//     (person2, 86400 s), "0", Chrome, Mac, each 1, 1: opskit's AtFirstStep.
//   - ..._with_step_one_attribution (step 1): "" 2, 2 (persons 1 and 3,
//     3600 s), Safari 1, 1 (86400 s), alakazam 1, 1: opskit's AtLastStep
//     (every person completes).
//   - PH test_funnel.py test_breakdown_step_attributions (window 30 s):
//     step one (Chrome), step two (Safari) 1 s, step two (Chrome) 2 s, step
//     three (Chrome) 3 s: one group Chrome 1, 1, 1 by first touch and by
//     attribution to step 2 (the deepest step).
func TestPHStepAttribution(t *testing.T) {
	events := phTouchEvents(false)
	f := func(a Attribution) Result {
		return amRun(t, MustNew(steps("sign up", "buy"), 7*24*time.Hour, WithBreakdown("$browser", a)), events)
	}
	first := f(AtFirstStep)
	assert.Equal(t, map[string][]int64{"": {1, 1}, "0": {1, 1}, "Chrome": {1, 1}, "Mac": {1, 1}}, amGroups(first))
	last := f(AtLastStep)
	assert.Equal(t, map[string][]int64{"": {2, 2}, "Safari": {1, 1}, "alakazam": {1, 1}}, amGroups(last))
	for _, g := range append(first.Groups(), last.Groups()...) {
		want := time.Hour
		if g.Value == "Safari" || (g.Value == "" && g.Result.Counts()[0] == 1) {
			want = 24 * time.Hour
		}
		assert.Equal(t, want, g.Result.Steps()[1].Time.Mean, "group %q", g.Value)
	}
	s := func(sec int, name, browser string) Event {
		return pe("user_one", utc(2021, time.May, 1, 0, 0, sec), name, "$browser", browser)
	}
	seq := []Event{s(0, "step one", "Chrome"), s(1, "step two", "Safari"), s(2, "step two", "Chrome"), s(3, "step three", "Chrome")}
	for _, a := range []Attribution{AtFirstStep, AtLastStep} {
		r := amRun(t, MustNew(steps("step one", "step two", "step three"), 30*time.Second, WithBreakdown("$browser", a)), seq)
		assert.Equal(t, map[string][]int64{"Chrome": {1, 1, 1}}, amGroups(r), "%s", a)
	}
}

// TestPHStringBreakdown: PH breakdown_cases.py
// test_funnel_step_breakdown_event_with_string_only_breakdown: steps sign
// up, play movie, buy, window 7 days; person1 (Chrome) 12:00, 13:00,
// 15:00; person2 (Safari) sign up 14:00, play 16:00; person3 (Safari) sign
// up 14:00. Chrome 1, 1, 1 (3600 s, 7200 s); Safari 2, 1, 0 (7200 s).
func TestPHStringBreakdown(t *testing.T) {
	b := func(who string, d, hh int, name, browser string) Event {
		return pe(who, utc(2020, time.January, d, hh, 0, 0), name, "$browser", browser)
	}
	events := []Event{b("p1", 1, 12, "sign up", "Chrome"), b("p1", 1, 13, "play", "Chrome"), b("p1", 1, 15, "buy", "Chrome"),
		b("p2", 2, 14, "sign up", "Safari"), b("p2", 2, 16, "play", "Safari"), b("p3", 2, 14, "sign up", "Safari")}
	r := amRun(t, MustNew(steps("sign up", "play", "buy"), 7*24*time.Hour, WithBreakdown("$browser", AtFirstStep)), events)
	assert.Equal(t, map[string][]int64{"Chrome": {1, 1, 1}, "Safari": {2, 1, 0}}, amGroups(r))
	for _, g := range r.Groups() {
		s := g.Result.Steps()
		if g.Value == "Chrome" {
			assert.Equal(t, []time.Duration{time.Hour, 2 * time.Hour}, []time.Duration{s[1].Time.Mean, s[2].Time.Mean})
		} else {
			assert.Equal(t, 2*time.Hour, s[1].Time.Mean)
		}
	}
}
