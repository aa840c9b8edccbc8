package funnel

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Anchor checks against Mixpanel's documentation (github.com/mixpanel/docs,
// read at commit ba229069b07d3fe952930a12e38d4328a22c7f29, published at
// docs.mixpanel.com):
//
//   - MP-ADV: docs/reports/funnels/funnels-advanced.mdx,
//     https://docs.mixpanel.com/docs/reports/funnels/funnels-advanced
//   - MP-FAQ: docs/reports/funnels/funnels-faq.mdx,
//     https://docs.mixpanel.com/docs/reports/funnels/funnels-faq
//   - MP-RET: docs/reports/retention.mdx,
//     https://docs.mixpanel.com/docs/reports/retention
//   - MP-API: openapi/query.openapi.yaml and reference/retention-query.mdx,
//     https://docs.mixpanel.com/reference/funnels-query and
//     https://docs.mixpanel.com/reference/retention-query
//
// Each test feeds a documented example's events and asserts the documented
// result. Mapping: Mixpanel's default funnel ("Uniques", default re-entry)
// enters a user once, at the first step-1 event, so its attempt is opskit's
// [FirstEntry]; "Totals" is [Attempts] with [FirstEntry] (a user re-enters
// only after the attempt ended); "Optimized Re-entry" evaluates every entry,
// opskit's default [Restart]. Where opskit differs, the case asserts
// opskit's value and then skips, naming both values ("differs from
// Mixpanel").

// mpT is 2024-03-01 at hh:mm UTC: the docs' clock times on one day.
func mpT(hh, mm int) time.Time { return time.Date(2024, 3, 1, hh, mm, 0, 0, time.UTC) }

// mpSeq is actor "u" doing names one minute apart.
func mpSeq(names ...string) []Event {
	out := make([]Event, len(names))
	for i, n := range names {
		out[i] = Event{Actor: "u", Time: mpT(9, i), Name: n}
	}
	return out
}

// mpLevel is the level of actor "u".
func mpLevel(t *testing.T, f Funnel, events []Event) int {
	t.Helper()
	return levelsBy(t, f, events)["u"]
}

// TestMixpanelSpecificOrder: MP-ADV "Ordering" > "Specific Order", steps
// A → B → C → D → E: (1) A B C D E converts; (2) A B F C D E converts
// (other events between steps); (3) A B D C D E converts (a D before C
// is passed over, a later D counts); (4) A B C E drops off after C.
func TestMixpanelSpecificOrder(t *testing.T) {
	f := MustNew(steps("A", "B", "C", "D", "E"), time.Hour)
	for _, c := range []struct {
		give string
		want int
	}{
		{"A B C D E", 5},
		{"A B F C D E", 5},
		{"A B D C D E", 5},
		{"A B C E", 3},
	} {
		var names []string
		for _, r := range c.give {
			if r != ' ' {
				names = append(names, string(r))
			}
		}
		for _, opt := range []Reentry{Restart, FirstEntry} {
			f := MustNew(steps("A", "B", "C", "D", "E"), time.Hour, WithReentry(opt))
			assert.Equal(t, c.want, mpLevel(t, f, mpSeq(names...)), "%s with %v", c.give, opt)
		}
	}
	_ = f
}

// TestMixpanelConversionWindowFirstInstance: MP-ADV "Conversion Window":
// A at 1:00 pm, A at 1:30 pm, B at 1:45 pm, C at 2:15 pm; funnel A → B → C,
// window 1 hour. "They convert through Event B at 1:45 pm, and then time
// out of the funnel"; "The second instance of Event A at 1:30 pm does not
// reset the conversion window timer." So the user reaches B (level 2).
func TestMixpanelConversionWindowFirstInstance(t *testing.T) {
	events := []Event{
		{Actor: "u", Time: mpT(13, 0), Name: "A"},
		{Actor: "u", Time: mpT(13, 30), Name: "A"},
		{Actor: "u", Time: mpT(13, 45), Name: "B"},
		{Actor: "u", Time: mpT(14, 15), Name: "C"},
	}
	first := MustNew(steps("A", "B", "C"), time.Hour, WithReentry(FirstEntry))
	assert.Equal(t, 2, mpLevel(t, first, events), "FirstEntry: Mixpanel's documented level")
	assert.Equal(t, []int64{1, 1, 0}, amRun(t, first, events).Counts())
	// The default Restart follows every step-1 event, as PostHog and
	// ClickHouse do (funnel/doc.go: "[Restart] (default): every step-1 event
	// starts an attempt with its own window ... (PostHog and ClickHouse give
	// the same). [FirstEntry]: the first step-1 event holds and repeats
	// inside its window are ignored ... (Mixpanel)"): the 1:30 attempt
	// reaches C at 2:15, 45 minutes later. Mixpanel's Optimized Re-entry
	// mode (MP-ADV) would do the same.
	assert.Equal(t, 3, mpLevel(t, MustNew(steps("A", "B", "C"), time.Hour), events))
}

// TestMixpanelReentryScenario1: MP-ADV "Optimized Re-entry", scenario 1,
// funnel A → B, events A, (A's window ends), A^, B. Default mode: "Since
// event A occurred first and did not convert within its window, we count
// the user as not converted. This mode only considers the user's first
// funnel entry." Optimized re-entry: "We treat A^ → B as a valid
// conversion", the user converts.
func TestMixpanelReentryScenario1(t *testing.T) {
	events := []Event{
		{Actor: "u", Time: mpT(9, 0), Name: "A"},
		{Actor: "u", Time: mpT(11, 0), Name: "A"}, // A's 1-hour window ended at 10:00
		{Actor: "u", Time: mpT(11, 10), Name: "B"},
	}
	// Optimized re-entry, unique users: converted.
	assert.Equal(t, []int64{1, 1}, amRun(t, MustNew(steps("A", "B"), time.Hour), events).Counts())
	// Totals (re-entry after the window ran out, MP-ADV "Counting
	// Methods"): two entries, one conversion.
	tot := MustNew(steps("A", "B"), time.Hour, WithReentry(FirstEntry), WithCounting(Attempts))
	assert.Equal(t, []int64{2, 1}, amRun(t, tot, events).Counts())
	// Default mode, unique users: Mixpanel counts only the first entry,
	// which did not convert: [1, 0]. opskit's FirstEntry with Uniques
	// starts a new attempt after the first ended and counts the actor at
	// its best attempt.
	first := MustNew(steps("A", "B"), time.Hour, WithReentry(FirstEntry))
	got := amRun(t, first, events).Counts()
	assert.Equal(t, []int64{1, 1}, got)
	// Documented difference (doc.go, Re-entry: "Mixpanel's default uniques then count only a user's
	// first entry, where opskit counts the best attempt".)
}

// TestMixpanelReentryScenario2: MP-ADV "Optimized Re-entry", scenario 2,
// funnel A → B, events A, A^, (A's window ends), B. Default mode: A^ is
// ignored, the user did not convert (0%). Optimized re-entry: A^ → B
// converts; "The conversion rate would be 50% from the successful
// conversion for A^ and the drop-off for A. (A^ / [A + A^])".
func TestMixpanelReentryScenario2(t *testing.T) {
	events := []Event{
		{Actor: "u", Time: mpT(9, 0), Name: "A"},
		{Actor: "u", Time: mpT(9, 30), Name: "A"},
		{Actor: "u", Time: mpT(10, 15), Name: "B"}, // 75 min after A, 45 after A^
	}
	first := MustNew(steps("A", "B"), time.Hour, WithReentry(FirstEntry))
	r := amRun(t, first, events)
	assert.Equal(t, []int64{1, 0}, r.Counts(), "default mode: A^ ignored, not converted")
	assert.Zero(t, r.Steps()[1].FromFirst)
	// Optimized re-entry counted per entry: A and A^ enter, A^ converts.
	opt := amRun(t, MustNew(steps("A", "B"), time.Hour, WithCounting(Attempts)), events)
	assert.Equal(t, []int64{2, 1}, opt.Counts())
	assert.Equal(t, 0.5, opt.Steps()[1].FromFirst, "A^ / (A + A^) = 50%")
	// Per user: converted.
	assert.Equal(t, []int64{1, 1}, amRun(t, MustNew(steps("A", "B"), time.Hour), events).Counts())
}

// TestMixpanelReentryNotes: MP-ADV "Optimized Re-entry", PLEASE NOTE:
//  1. Uniques with A → B → A^ → B^: "We only consider the first A → B as
//     the user conversion" (its time to convert is B − A).
//  2. "For every subsequent step, we pick the first instance of the step":
//     A B B C times B from the first B.
//  3. A → A^ → A^^ → B inside the window: optimized re-entry records
//     A^^ → B (TTC from A^^); the default mode computes TTC for A → B.
func TestMixpanelReentryNotes(t *testing.T) {
	at := func(mins []int, names ...string) []Event {
		out := make([]Event, len(names))
		for i, n := range names {
			out[i] = Event{Actor: "u", Time: mpT(9, mins[i]), Name: n}
		}
		return out
	}
	ab := steps("A", "B")
	// Note 1: A 0, B 5, A^ 20, B^ 22.
	twice := at([]int{0, 5, 20, 22}, "A", "B", "A", "B")
	for _, opt := range []Reentry{Restart, FirstEntry} {
		r := amRun(t, MustNew(ab, time.Hour, WithReentry(opt)), twice)
		assert.Equal(t, []int64{1, 1}, r.Counts(), "%v", opt)
		assert.Equal(t, []time.Duration{5 * time.Minute}, r.Durations(2), "%v: the first conversion, A → B", opt)
	}
	// Note 2: A 0, B 10, B 20, C 30: B from its first instance.
	abc := MustNew(steps("A", "B", "C"), time.Hour)
	r := amRun(t, abc, at([]int{0, 10, 20, 30}, "A", "B", "B", "C"))
	assert.Equal(t, []time.Duration{10 * time.Minute}, r.Durations(2))
	assert.Equal(t, []time.Duration{20 * time.Minute}, r.Durations(3))
	// Note 3: A 0, A^ 10, A^^ 20, B 25.
	three := at([]int{0, 10, 20, 25}, "A", "A", "A", "B")
	opt := amRun(t, MustNew(ab, time.Hour), three)
	assert.Equal(t, []time.Duration{5 * time.Minute}, opt.Durations(2), "optimized re-entry: A^^ → B")
	def := amRun(t, MustNew(ab, time.Hour, WithReentry(FirstEntry)), three)
	assert.Equal(t, []time.Duration{25 * time.Minute}, def.Durations(2), "default mode: A → B")
}

// TestMixpanelTotals: MP-ADV "Counting Methods": "Totals: Users can
// re-enter a totals funnel after they have exited their previous attempt
// through the funnel. Users exit in three ways: successful conversion
// through the funnel, time out of the conversion window, or track an
// exclusion step." MP-FAQ ("Why do I get differing numbers when comparing
// Funnels and Insights?"): "let's say a user tracked Step 1 → Step 1 →
// Step 2. This user would only enter the funnel once".
func TestMixpanelTotals(t *testing.T) {
	tot := MustNew(steps("Step 1", "Step 2"), time.Hour, WithReentry(FirstEntry), WithCounting(Attempts))
	faq := mpSeq("Step 1", "Step 1", "Step 2")
	assert.Equal(t, []int64{1, 1}, amRun(t, tot, faq).Counts(), "MP-FAQ: one entry")
	// Exit by conversion: two full runs are two entries and two conversions.
	assert.Equal(t, []int64{2, 2}, amRun(t, tot, mpSeq("Step 1", "Step 2", "Step 1", "Step 2")).Counts())
	// Exit by time-out: Step 1 at 9:00, Step 1 at 10:30 (after the window),
	// Step 2 at 10:40: two entries, one conversion.
	out := []Event{
		{Actor: "u", Time: mpT(9, 0), Name: "Step 1"},
		{Actor: "u", Time: mpT(10, 30), Name: "Step 1"},
		{Actor: "u", Time: mpT(10, 40), Name: "Step 2"},
	}
	assert.Equal(t, []int64{2, 1}, amRun(t, tot, out).Counts())
	// With the default Restart, Attempts is PostHog-like re-entry at every
	// step-1 event (funnel/doc.go: "with Restart in ordered or strict
	// order, at a step-1 event that does not fill the next step, which
	// starts the next attempt"): the FAQ's sequence enters twice.
	assert.Equal(t, []int64{2, 1}, amRun(t, MustNew(steps("Step 1", "Step 2"), time.Hour, WithCounting(Attempts)), faq).Counts())
}

// TestMixpanelExclusionTotals: MP-ADV "Exclusion Steps", note 1: events
// (1) A (2) A (3) A (4) B, a Totals funnel A → B with exclusion step A:
// "The user enters the funnel when they track (1). They then drop off
// when they track (2) since Event A is excluded. With the totals
// conversion criteria, the user will re-enter the funnel at (3) and then
// convert with (4). Overall, there will be two entries and one
// conversion."
func TestMixpanelExclusionTotals(t *testing.T) {
	events := mpSeq("A", "A", "A", "B")
	ex := WithExclusions(Exclusion{Event: "A", After: "A", Before: "B"})
	first := MustNew(steps("A", "B"), time.Hour, ex, WithReentry(FirstEntry), WithCounting(Attempts))
	got := amRun(t, first, events).Counts()
	// FirstEntry: (2) excludes the attempt, which goes on (an exclusion does
	// not end an attempt outside strict order, funnel/doc.go "An attempt
	// ends when ..."), ignores (3) and completes at (4): removed.
	assert.Equal(t, []int64{0, 0}, got)
	// Restart: (2) excludes the attempt of (1) and starts its own, which
	// (3) excludes; the attempt of (3) converts. Excluded attempts are
	// removed from every step.
	restart := amRun(t, MustNew(steps("A", "B"), time.Hour, ex, WithCounting(Attempts)), events).Counts()
	assert.Equal(t, []int64{1, 1}, restart)
	// Documented difference (doc.go, Exclusions: "Mixpanel ... ends the entry there and keeps the
	// steps reached before it"; Counting: Attempts is "Mixpanel totals with FirstEntry and no
	// exclusions".)
}

// TestMixpanelExclusionKeepsEarlierSteps: MP-ADV "Exclusion Steps", note
// 2: "A user will qualify for each step in the funnel until they track
// the exclusion step. This means users who tracked the exclusion step
// are still able to enter the funnel and convert through the steps."
// Steps A → B → C, exclusion X between B and C: A B X C counts at A and
// B (Mixpanel [1 1 0]); X A B C converts (the exclusion came before the
// entry).
func TestMixpanelExclusionKeepsEarlierSteps(t *testing.T) {
	ex := WithExclusions(Exclusion{Event: "X", After: "B", Before: "C"})
	for _, opt := range []Reentry{Restart, FirstEntry} {
		f := MustNew(steps("A", "B", "C"), time.Hour, ex, WithReentry(opt))
		assert.Equal(t, []int64{1, 1, 1}, amRun(t, f, mpSeq("X", "A", "B", "C")).Counts(), "%v", opt)
	}
	f := MustNew(steps("A", "B", "C"), time.Hour, ex, WithReentry(FirstEntry))
	got := amRun(t, f, mpSeq("A", "B", "X", "C")).Counts()
	assert.Equal(t, []int64{0, 0, 0}, got)
	// Documented difference (doc.go, Exclusions: "Mixpanel ... ends the entry there and keeps the
	// steps reached before it, so "A B X C" counts A and B there and nothing here".)
}

// TestMixpanelBreakdownUserCount: MP-ADV "Breakdowns" > "User Count in
// Breakdown": Browse Product item=shirt, Browse Product item=jeans, Add to
// Cart, Browse Product item=shoes; funnel Browse Product → Add to Cart,
// breakdown on item attributed at Step 1. "Overall, the funnel would show
// two entries, "shirt" and "shoes", with one conversion on "shirt"."
func TestMixpanelBreakdownUserCount(t *testing.T) {
	events := []Event{
		pe("u", mpT(9, 0), "Browse Product", "item", "shirt"),
		pe("u", mpT(9, 1), "Browse Product", "item", "jeans"),
		pe("u", mpT(9, 2), "Add to Cart"),
		pe("u", mpT(9, 3), "Browse Product", "item", "shoes"),
	}
	st := steps("Browse Product", "Add to Cart")
	want := map[string][]int64{"shirt": {1, 1}, "shoes": {1, 0}}
	tot := MustNew(st, 7*24*time.Hour, WithReentry(FirstEntry), WithCounting(Attempts), WithBreakdown("item", AtFirstStep))
	assert.Equal(t, want, amGroups(amRun(t, tot, events)), "attempts: Mixpanel's entries")
	// Uniques: Mixpanel lets a user enter "up to once per segment" (MP-ADV
	// Counting Methods); opskit puts an actor in one group.
	uni := MustNew(st, 7*24*time.Hour, WithReentry(FirstEntry), WithBreakdown("item", AtFirstStep))
	got := amGroups(amRun(t, uni, events))
	assert.Equal(t, map[string][]int64{"shirt": {1, 1}}, got)
	// Documented difference (doc.go, Counting: "in a breakdown an actor is in one group, where
	// Mixpanel lets a user enter each segment once".)
}

// TestMixpanelPropertyAttribution: MP-ADV "Property Attribution": funnel
// Page View → View Item → Add to Cart → Checkout broken down by color,
// red on View Item and blue on Add to Cart (the other steps have none).
// "First Step Defined": "red"; "Last Step Defined": "blue"; per-step
// attribution at step 1: "you may see an "undefined" null value".
func TestMixpanelPropertyAttribution(t *testing.T) {
	events := []Event{
		pe("u", mpT(9, 0), "Page View"),
		pe("u", mpT(9, 1), "View Item", "color", "red"),
		pe("u", mpT(9, 2), "Add to Cart", "color", "blue"),
		pe("u", mpT(9, 3), "Checkout"),
	}
	st := steps("Page View", "View Item", "Add to Cart", "Checkout")
	full := []int64{1, 1, 1, 1}
	for _, c := range []struct {
		attr Attribution
		want string
	}{
		{FirstTouch, "red"},
		{LastTouch, "blue"},
		{AtFirstStep, ""},
	} {
		f := MustNew(st, time.Hour, WithReentry(FirstEntry), WithBreakdown("color", c.attr))
		assert.Equal(t, map[string][]int64{c.want: full}, amGroups(amRun(t, f, events)), "%v", c.attr)
	}
}

// TestMixpanelFilters: MP-ADV "Filters". View Item → Add to Cart →
// Purchase in one hour. The user's first View Item (Chrome) is more than
// an hour before Add to Cart: one entry, no conversion. An inline filter
// Browser = Safari on View Item lets the later Safari View Item enter, and
// the user converts fully; with the filter on every step the user reaches
// only Add to Cart ("the "Purchase" event doesn't have a browser set"). A
// global filter Browser = Safari on "First Step Defined" removes the whole
// entry (its first defined value is Chrome). Times chosen: Chrome view
// 9:00, Safari view 9:30 (inside the first entry's window, so Mixpanel's
// and opskit's first entry agree), cart 10:15, purchase 10:20.
func TestMixpanelFilters(t *testing.T) {
	events := []Event{
		pe("u", mpT(9, 0), "View Item", "Browser", "Chrome"),
		pe("u", mpT(9, 30), "View Item", "Browser", "Safari"),
		pe("u", mpT(10, 15), "Add to Cart", "Browser", "Safari"),
		pe("u", mpT(10, 20), "Purchase"),
	}
	safari := func(e Event) bool { return e.Prop("Browser") == "Safari" }
	plain := steps("View Item", "Add to Cart", "Purchase")
	first := WithReentry(FirstEntry)
	assert.Equal(t, []int64{1, 0, 0}, amRun(t, MustNew(plain, time.Hour, first), events).Counts())
	inline := []Matcher{{Event: "View Item", Where: safari}, {Event: "Add to Cart"}, {Event: "Purchase"}}
	assert.Equal(t, []int64{1, 1, 1}, amRun(t, MustNew(inline, time.Hour, first), events).Counts())
	every := []Matcher{{Event: "View Item", Where: safari}, {Event: "Add to Cart", Where: safari}, {Event: "Purchase", Where: safari}}
	assert.Equal(t, []int64{1, 1, 0}, amRun(t, MustNew(every, time.Hour, first), events).Counts())
	global := MustNew(plain, time.Hour, first, WithBreakdown("Browser", FirstTouch))
	groups := amGroups(amRun(t, global, events))
	assert.NotContains(t, groups, "Safari", "global filter Safari on First Step Defined: no entry")
	assert.Equal(t, []int64{1, 0, 0}, groups["Chrome"])
}

// TestMixpanelSimultaneousEvents: MP-FAQ "How does the Funnel handle
// simultaneous events?": "Funnels include a built-in two-second grace
// period ... In a funnel with step A → B, if a user completes event B
// first and then performs event A within two seconds, the Funnel will
// count this as a conversion". opskit orders by time, equal times by
// input order (funnel/doc.go), with no grace period.
func TestMixpanelSimultaneousEvents(t *testing.T) {
	t0 := mpT(9, 0)
	events := []Event{{Actor: "u", Time: t0, Name: "B"}, {Actor: "u", Time: t0.Add(time.Second), Name: "A"}}
	got := amRun(t, MustNew(steps("A", "B"), time.Hour, WithReentry(FirstEntry)), events).Counts()
	assert.Equal(t, []int64{1, 0}, got)
	// Documented difference (doc.go, Exclusions: "Steps fill in time order, with no grace period
	// (Mixpanel takes events up to two seconds out of order as in order)".)
}

// TestMixpanelAnyOrder: MP-ADV "Ordering" > "Any Order": "users can
// complete unanchored funnel steps in any particular sequence and still
// convert", the job application (name, email, job title in any order).
func TestMixpanelAnyOrder(t *testing.T) {
	f := MustNew(steps("name", "email", "title", "submit"), time.Hour, WithStepOrder(AnyOrder))
	assert.Equal(t, 4, mpLevel(t, f, mpSeq("email", "title", "name", "submit")))
	assert.Equal(t, 4, mpLevel(t, f, mpSeq("submit", "title", "email", "name")))
	assert.Equal(t, 3, mpLevel(t, f, mpSeq("title", "name", "email")))
}

// TestMixpanelFunnelQueryRatios: MP-API GET /funnels, the example
// response: App Open → Game Played, week 2016-09-12 counts 32688 and
// 20524 with step_conv_ratio 0.627875673029858 (and overall_conv_ratio
// the same); 2016-09-19 32486 and 20809, 0.6405528535369082; 2016-09-26
// 16103 and 12679, 0.7873688132646091. Actors are built to give those
// counts.
func TestMixpanelFunnelQueryRatios(t *testing.T) {
	f := MustNew(steps("App Open", "Game Played"), time.Hour)
	for _, c := range []struct {
		entered, converted int
		ratio              float64
	}{
		{32688, 20524, 0.627875673029858},
		{32486, 20809, 0.6405528535369082},
		{16103, 12679, 0.7873688132646091},
	} {
		events := make([]Event, 0, c.entered+c.converted)
		for i := 0; i < c.entered; i++ {
			who := strconv.Itoa(i)
			events = append(events, Event{Actor: who, Time: mpT(9, 0), Name: "App Open"})
			if i < c.converted {
				events = append(events, Event{Actor: who, Time: mpT(9, 2), Name: "Game Played"})
			}
		}
		st := amRun(t, f, events).Steps()
		require.Len(t, st, 2)
		assert.Equal(t, int64(c.entered), st[0].Count)
		assert.Equal(t, int64(c.converted), st[1].Count)
		assert.Equal(t, c.ratio, st[1].FromPrevious, "step_conv_ratio")
		assert.Equal(t, c.ratio, st[1].FromFirst, "overall_conv_ratio")
		assert.Equal(t, 1.0, st[0].FromPrevious, "step 1's step_conv_ratio")
	}
}
