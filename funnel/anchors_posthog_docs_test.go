package funnel

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Anchor checks against the worked examples and stated rules of PostHog's
// user documentation (github.com/PostHog/posthog.com, published at
// posthog.com/docs/product-analytics), complementing the anchors from
// PostHog's test suites (anchors_test.go, anchors_more*_test.go,
// anchors_correlation/retention/lifecycle_test.go):
//
//   - PH-FUN: contents/docs/product-analytics/funnels.mdx (read at commits
//     006cea616d9ccadbe0d33e4085db1257475df1ae and, for the older
//     "Choosing breakdown property behaviour" text,
//     6a77f390e70ac4addb08bb0946fd4343afcbee61),
//     https://posthog.com/docs/product-analytics/funnels
//   - PH-RET: contents/docs/product-analytics/retention.mdx (commit
//     574077e0af171d54339e6752532942ab03603932),
//     https://posthog.com/docs/product-analytics/retention
//   - PH-LIF: contents/docs/product-analytics/lifecycle.mdx (commit
//     3e82f7f7969f2b74cadc09c140aabea0586c078b),
//     https://posthog.com/docs/product-analytics/lifecycle
//   - PH-COR: contents/docs/product-analytics/correlation.mdx (commit
//     7797b6b270894c9f692500d000860afe289e0648),
//     https://posthog.com/docs/product-analytics/correlation

// phdSeq is actor who doing names one minute apart.
func phdSeq(who string, names ...string) []Event {
	out := make([]Event, len(names))
	for i, n := range names {
		out[i] = Event{Actor: who, Time: base.Add(time.Duration(i+1) * time.Minute), Name: n}
	}
	return out
}

// TestPHDocsStepOrders: PH-FUN "Adding steps": "Sequential – Step B must
// happen after Step A, but any number events can happen between A and B.
// Strict order – Step B must happen directly after Step A without any
// events in between. Any order – Steps can be completed in any sequence."
func TestPHDocsStepOrders(t *testing.T) {
	ab := steps("A", "B")
	between := phdSeq("u", "A", "X", "B")
	reversed := phdSeq("u", "B", "A")
	for _, c := range []struct {
		order         StepOrder
		between, back int
	}{
		{Ordered, 2, 1},
		{Strict, 1, 1},
		{AnyOrder, 2, 2},
	} {
		f := MustNew(ab, time.Hour, WithStepOrder(c.order))
		assert.Equal(t, c.between, mpLevel(t, f, between), "%v: A X B", c.order)
		assert.Equal(t, c.back, mpLevel(t, f, reversed), "%v: B A", c.order)
		assert.Equal(t, 2, mpLevel(t, f, phdSeq("u", "A", "B")), "%v: A B", c.order)
	}
}

// TestPHDocsDuplicateSteps: PH-FUN "Duplicate steps": "adding a `clicked
// button` step, then a second `clicked button` step that filters for the
// "Sign Up" button, will require the user to perform two distinct button
// clicks."
func TestPHDocsDuplicateSteps(t *testing.T) {
	signUp := func(e Event) bool { return e.Prop("text") == "Sign Up" }
	f := MustNew([]Matcher{{Event: "clicked button"}, {Event: "clicked button", Where: signUp}}, time.Hour)
	click := func(min int, text string) Event {
		return pe("u", base.Add(time.Duration(min)*time.Minute), "clicked button", "text", text)
	}
	assert.Equal(t, 1, mpLevel(t, f, []Event{click(1, "Sign Up")}), "one click fills one step")
	assert.Equal(t, 2, mpLevel(t, f, []Event{click(1, "Pricing"), click(2, "Sign Up")}))
	assert.Equal(t, 2, mpLevel(t, f, []Event{click(1, "Sign Up"), click(2, "Sign Up")}))
	assert.Equal(t, 1, mpLevel(t, f, []Event{click(1, "Sign Up"), click(2, "Pricing")}), "the Sign Up click must come second")
}

// TestPHDocsExclusionRemovesPerson: PH-FUN "Excluding steps": "You can
// also exclude people who completed certain events between two specific
// steps ... These people are completely excluded from the entire funnel."
// Steps A → B → C with exclusion X between B and C: the person doing
// A B X C is in no step; a person doing X before A is not excluded.
func TestPHDocsExclusionRemovesPerson(t *testing.T) {
	f := MustNew(steps("A", "B", "C"), time.Hour, WithExclusions(Exclusion{Event: "X", After: "B", Before: "C"}))
	events := append(phdSeq("excluded", "A", "B", "X", "C"), phdSeq("clean", "X", "A", "B")...)
	assert.Equal(t, []int64{1, 1, 0}, amRun(t, f, events).Counts())
}

// TestPHDocsConversionRates: PH-FUN "Conversion rate calculation":
// "Overall conversion – for each step, this shows the conversion relative
// to the first step. Relative to the previous step – for each step, this
// shows the conversion relative to the previous step." 8 people enter, 4
// reach step 2, 1 reaches step 3 (hand arithmetic): overall 1, 0.5,
// 0.125; relative 1, 0.5, 0.25; drop-off 0, 4, 3.
func TestPHDocsConversionRates(t *testing.T) {
	var events []Event
	for i := 0; i < 8; i++ {
		names := []string{"A"} // p4..p7
		switch {
		case i == 0:
			names = []string{"A", "B", "C"}
		case i < 4:
			names = []string{"A", "B"}
		}
		events = append(events, phdSeq("p"+strconv.Itoa(i), names...)...)
	}
	st := amRun(t, MustNew(steps("A", "B", "C"), time.Hour), events).Steps()
	require.Len(t, st, 3)
	var overall, relative []float64
	var drop []int64
	for _, s := range st {
		overall, relative, drop = append(overall, s.FromFirst), append(relative, s.FromPrevious), append(drop, s.DropOff)
	}
	assert.Equal(t, []float64{1, 0.5, 0.125}, overall)
	assert.Equal(t, []float64{1, 0.5, 0.25}, relative)
	assert.Equal(t, []int64{0, 4, 3}, drop)
}

// TestPHDocsTouchpoints: PH-FUN "Attribution types": `$pageview` with
// browser = Chrome, then `user signed up` with browser = Firefox. "First
// touchpoint" gives Chrome, "Last touchpoint" gives Firefox; "one person
// will always only have one value".
func TestPHDocsTouchpoints(t *testing.T) {
	events := []Event{
		pe("u", base, "$pageview", "browser", "Chrome"),
		pe("u", base.Add(time.Minute), "user signed up", "browser", "Firefox"),
	}
	st := steps("$pageview", "user signed up")
	for a, want := range map[Attribution]string{FirstTouch: "Chrome", LastTouch: "Firefox"} {
		f := MustNew(st, time.Hour, WithBreakdown("browser", a))
		assert.Equal(t, map[string][]int64{want: {1, 1}}, amGroups(amRun(t, f, events)), "%v", a)
	}
}

// TestPHDocsSpecificStep: PH-FUN "Specific step": "$pageview with browser
// = Chrome, $pageview with browser = Firefox: Then the person would have
// both Chrome and Firefox as their breakdown values" (step 1); the older
// text (commit 6a77f390): $pageview Chrome, user signed up Chrome,
// $pageview Firefox, user signed up Firefox: "for both step 1 and 2
// attribution, the person would have both Chrome and Firefox". opskit puts
// a person in one group, documented in funnel/doc.go: "An actor (or
// attempt) belongs to one group: ... with [AtFirstStep] (PostHog's "step"
// attribution at step 1) or [AtLastStep], the value at the step-1 event or
// at the deepest step of the counted attempt". The counted attempt is the
// first to reach its depth, so Chrome.
func TestPHDocsSpecificStep(t *testing.T) {
	st := steps("$pageview", "user signed up")
	two := []Event{
		pe("u", base, "$pageview", "browser", "Chrome"),
		pe("u", base.Add(time.Minute), "$pageview", "browser", "Firefox"),
	}
	f := MustNew(st, time.Hour, WithBreakdown("browser", AtFirstStep))
	assert.Equal(t, map[string][]int64{"Chrome": {1, 0}}, amGroups(amRun(t, f, two)))
	four := []Event{
		pe("u", base, "$pageview", "browser", "Chrome"),
		pe("u", base.Add(time.Minute), "user signed up", "browser", "Chrome"),
		pe("u", base.Add(2*time.Minute), "$pageview", "browser", "Firefox"),
		pe("u", base.Add(3*time.Minute), "user signed up", "browser", "Firefox"),
	}
	for _, a := range []Attribution{AtFirstStep, AtLastStep} {
		f := MustNew(st, time.Hour, WithBreakdown("browser", a))
		assert.Equal(t, map[string][]int64{"Chrome": {1, 1}}, amGroups(amRun(t, f, four)), "%v", a)
	}
	// With Attempts each attempt has its group: both values appear.
	f = MustNew(st, time.Hour, WithCounting(Attempts), WithBreakdown("browser", AtFirstStep))
	assert.Equal(t, map[string][]int64{"Chrome": {1, 1}, "Firefox": {1, 1}}, amGroups(amRun(t, f, four)))
}

// TestPHDocsFirstOccurrenceMatchingFilters: PH-FUN "Filtering for first
// occurrence", option 2: a step for pageviews to /about; "A user first
// visits /pricing and then later visits /about. PostHog ignores the
// /pricing view and matches the /about view". (Option 1, "first-ever
// occurrence", which drops this user, has no opskit counterpart.)
func TestPHDocsFirstOccurrenceMatchingFilters(t *testing.T) {
	about := func(e Event) bool { return e.Prop("url") == "/about" }
	f := MustNew([]Matcher{{Event: "$pageview", Where: about}, {Event: "signed up"}}, time.Hour)
	events := []Event{
		pe("u", base, "$pageview", "url", "/pricing"),
		pe("u", base.Add(time.Minute), "$pageview", "url", "/about"),
		pe("u", base.Add(3*time.Minute), "signed up"),
	}
	r := amRun(t, f, events)
	assert.Equal(t, []int64{1, 1}, r.Counts())
	assert.Equal(t, []time.Duration{2 * time.Minute}, r.Durations(2), "timed from the /about view")
}

// TestPHDocsRetentionTable: PH-RET "Understanding retention tables": "Day
// 0 is the day represented under the column 'Cohort', so it will always be
// 100%"; "Looking at the row for "Feb 5", 15 users visited the website on
// that day (Day 0). Then, two days later (Day 2), 33% of those users
// visited again. In other words, five of the distinct users who visited
// the website on the 5th also visited on the 7th. Six of those distinct
// 15 users also visited again on Day 5 (i.e. 5 days after the 5th ->
// 10th)." Start and return are the page view (recurring retention, the
// table's cohorts being "how many users visited your page on that day");
// the year is not given (2024 here).
func TestPHDocsRetentionTable(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 2, d, 12, 0, 0, 0, time.UTC) }
	var events []Event
	for u := 0; u < 15; u++ {
		who := "v" + strconv.Itoa(u)
		events = append(events, Event{Actor: who, Time: day(5), Name: "$pageview"})
		if u < 5 {
			events = append(events, Event{Actor: who, Time: day(7), Name: "$pageview"})
		}
		if u >= 5 && u < 11 {
			events = append(events, Event{Actor: who, Time: day(10), Name: "$pageview"})
		}
	}
	tab := mpRetention(t, ByDay, 5, true, "$pageview", "$pageview", events)
	c := mpCohort(t, tab, time.Date(2024, 2, 5, 0, 0, 0, 0, time.UTC))
	assert.Equal(t, int64(15), c.Size)
	assert.Equal(t, []int64{15, 0, 5, 0, 0, 6}, c.Retained)
	assert.Equal(t, 1.0, c.Rate(0), "Day 0 is always 100%")
	assert.InDelta(t, 0.33, c.Rate(2), 0.005, "33%")
}

// TestPHDocsRetentionTypes: PH-RET: "Users are distinct on each cohort,
// but not across cohorts. A user from the 4th who came back on the 11th
// will be represented in both rows" (recurring); "Recurring Retention
// counts a user as part of a cohort if they performed the cohortizing
// event on that time period, irrespective of it was their first time or
// not"; "First time retention cohortizes users based on when they did an
// event for the first time".
func TestPHDocsRetentionTypes(t *testing.T) {
	events := []Event{
		{Actor: "u", Time: time.Date(2024, 2, 4, 9, 0, 0, 0, time.UTC), Name: "$pageview"},
		{Actor: "u", Time: time.Date(2024, 2, 4, 10, 0, 0, 0, time.UTC), Name: "$pageview"},
		{Actor: "u", Time: time.Date(2024, 2, 11, 9, 0, 0, 0, time.UTC), Name: "$pageview"},
	}
	rec := mpRetention(t, ByDay, 7, true, "$pageview", "$pageview", events)
	require.Len(t, rec.Cohorts, 2, "rows of the 4th and the 11th")
	assert.Equal(t, int64(1), rec.Cohorts[0].Size, "distinct on each cohort")
	assert.Equal(t, []int64{1, 0, 0, 0, 0, 0, 0, 1}, rec.Cohorts[0].Retained, "the 4th: back on day 7")
	assert.Equal(t, int64(1), rec.Cohorts[1].Size, "the 11th")
	first := mpRetention(t, ByDay, 7, false, "$pageview", "$pageview", events)
	require.Len(t, first.Cohorts, 1, "first time: the 4th only")
	assert.Equal(t, []int64{1, 0, 0, 0, 0, 0, 0, 1}, first.Cohorts[0].Retained)
}

// TestPHDocsLifecycleStates: PH-LIF "Interpreting your lifecycle", grouped
// by day: "New - ... (e.g. Created an account and sent a message today)";
// "Returning - ... (e.g. sent a message yesterday and also sent a message
// today)"; "Resurrecting - ... (e.g. did not send any messages for 10
// days, but sent one today)"; "Dormant - ... (e.g. someone who has not
// sent a message today, but sent one yesterday)". PostHog's "new" reads
// the person's creation time; opskit's is the first activity in the
// events given (funnel/doc.go: "Lifecycle "new" means first active in the
// events given"), which agrees here: the new user's first message is
// today. Today is 12 March 2024; the resurrecting user last sent on 1
// March.
func TestPHDocsLifecycleStates(t *testing.T) {
	d := func(day int) time.Time { return time.Date(2024, 3, day, 12, 0, 0, 0, time.UTC) }
	msg := func(who string, day int) Event { return Event{Actor: who, Time: d(day), Name: "sent a message"} }
	events := []Event{
		msg("new", 12),
		msg("returning", 11), msg("returning", 12),
		msg("resurrecting", 1), msg("resurrecting", 12),
		msg("dormant", 11),
	}
	rows, err := Lifecycle{Active: Matcher{Event: "sent a message"}, Period: ByDay}.Run(events)
	require.NoError(t, err)
	require.Len(t, rows, 12, "1 to 12 March")
	today := rows[11]
	assert.True(t, today.Start.Equal(time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC)))
	assert.Equal(t, LifecyclePeriod{Start: today.Start, New: 1, Returning: 1, Resurrecting: 1, Dormant: 1}, today)
}

// TestPHDocsCorrelationCounts: PH-COR "What to do with this newfound
// knowledge?": for an event row, ""Completed" means the users fully
// completed the funnel, where as "Dropped off" users will include users
// who entered the funnel, but failed to make it through to the end", and
// both did the event. Steps A → B → C; "opted into navigation redesign"
// (R) done by one person who completes and by two who drop off (one at
// step 1, one at step 2); a fourth person converts without R.
func TestPHDocsCorrelationCounts(t *testing.T) {
	const r = "opted into navigation redesign"
	var events []Event
	events = append(events, phdSeq("done", "A", r, "B", "C")...)
	events = append(events, phdSeq("stuck1", "A", r)...)
	events = append(events, phdSeq("stuck2", "A", "B", r)...)
	events = append(events, phdSeq("plain", "A", "B", "C")...)
	tab, err := Correlation{Funnel: MustNew(steps("A", "B", "C"), time.Hour)}.Run(events)
	require.NoError(t, err)
	s, f := tab.Totals()
	assert.Equal(t, [2]int64{2, 2}, [2]int64{s, f}, "completed, dropped off")
	assert.Equal(t, []CorrelationCount{{Event: r, Success: 1, Failure: 2}}, tab.Counts())
}
