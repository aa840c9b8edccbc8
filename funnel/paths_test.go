package funnel

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSharedEventsEveryKernel: with SharedEvents one "view" fills both
// steps of view -> view in every kernel (ClickHouse's default, CH 00632:
// three conditions on one row give level 3); without, it fills one.
func TestSharedEventsEveryKernel(t *testing.T) {
	vv := steps("view", "view", "pay")
	leave := WithExclusions(Exclusion{Event: "leave", After: "view", Before: "pay"})
	for _, opts := range [][]Option{
		{WithStepOrder(Strict)},
		{WithStepOrder(AnyOrder)},
		{leave},
		{WithReentry(FirstEntry)},
		{WithCounting(Attempts)},
		{WithModes(StrictDeduplication)},
	} {
		f := MustNew(vv, time.Hour, append(opts, WithModes(SharedEvents))...)
		sig := f.key(1, false, false).signature()
		// u: view pay -> 3 steps; v: view view pay -> 3; w: view -> 2.
		events := []Event{ev("u", 0, "view"), ev("u", 1, "pay"), ev("v", 0, "view"), ev("v", 1, "view"), ev("v", 2, "pay"), ev("w", 0, "view")}
		r, err := f.Run(events)
		require.NoError(t, err)
		want := []int64{3, 3, 2}
		if f.cfg.counting == Attempts {
			want = []int64{4, 4, 2} // v's second view starts an attempt of its own
		}
		assert.Equal(t, want, r.Counts(), sig)
		// The indexed scans agree with the event-by-event scans.
		for _, e := range [][]Event{events[:2], events[2:5], events[5:]} {
			times, masks := make([]int64, len(e)), make([]uint64, len(e))
			for i := range e {
				times[i], masks[i] = e[i].Time.UnixNano(), f.stepMask(&e[i])
			}
			var got [2]Result
			for mode := range got {
				kn := f.kernel(uint64(time.Hour))
				kn.scanOnly, kn.plainMax = mode == 1, -1
				acc := newAccum(3, false)
				kn.actor(times, masks, nil, acc)
				got[mode] = f.result(acc, 1, nil, false)
			}
			assert.True(t, got[0].Equal(got[1]), sig)
		}
		// One view, one step, without the mode.
		g := MustNew(vv, time.Hour, opts...)
		r, err = g.Run(events[5:])
		require.NoError(t, err)
		assert.Equal(t, []int64{1, 0, 0}, r.Counts(), sig)
	}
	// A single event completing the funnel at its start.
	f := MustNew(steps("view", "view"), time.Hour, WithStepOrder(Strict), WithModes(SharedEvents))
	assert.Equal(t, 2, depth(t, f, "view"))
	kn := f.kernel(uint64(time.Hour))
	kn.plainMax = -1
	acc := newAccum(2, false)
	kn.actor([]int64{0}, []uint64{3}, nil, acc)
	assert.Equal(t, []int64{0, 0, 1}, acc.all.hist)
}

// TestLongUnsortedActor: an actor with more than 32 events out of time
// order (the general sort of sortRun), with a breakdown, gives the result
// of the one-pass path (RunSeq) and of the sorted input.
func TestLongUnsortedActor(t *testing.T) {
	var events []Event
	for i := 0; i < 80; i++ {
		name := []string{"view", "cart", "pay", "other"}[i%4]
		events = append(events, ev("u", (i*37)%80, name, "ch", []string{"a", "b", "c"}[i%3]))
	}
	events = append(events, ev("v", 3, "view"), ev("v", 1, "cart"), ev("v", 2, "view"))
	f := MustNew(vcp, 5*time.Minute, WithBreakdown("ch", AtLastStep))
	got, err := f.Run(events)
	require.NoError(t, err)
	seq, err := f.RunSeq(slices.Values(events))
	require.NoError(t, err)
	assert.True(t, got.Equal(seq))
	sorted := slices.Clone(events)
	slices.SortStableFunc(sorted, func(a, b Event) int { return a.Time.Compare(b.Time) })
	want, err := f.Run(sorted)
	require.NoError(t, err)
	assert.True(t, want.Equal(got))
	// The counts against the reference implementation of the default
	// funnel (the breakdown does not change them).
	c := f.mustCounts(t, sorted)
	assert.Equal(t, c, got.Counts())
}

// mustCounts runs the reference implementation of the default funnel
// (helpers_test.go) on events.
func (f Funnel) mustCounts(t *testing.T, events []Event) []int64 {
	t.Helper()
	counts, _ := refDefault(events, []string{"view", "cart", "pay"}, f.window)
	return counts
}

// TestEncodePredicateFunnel: a funnel with a predicate is encoded into step
// codes (exclusions and breakdown included) and gives Run's result.
func TestEncodePredicateFunnel(t *testing.T) {
	big := func(e Event) bool { return e.Prop("amount") == "big" }
	f := MustNew([]Matcher{{Event: "view"}, {Name: "big pay", Event: "pay", Where: big}}, time.Hour,
		WithExclusions(Exclusion{Event: "leave", After: "view", Before: "big pay"}), WithBreakdown("ch", AtFirstStep))
	events := []Event{ev("u", 0, "view", "ch", "ad"), ev("u", 1, "pay", "amount", "big"),
		ev("v", 0, "view", "ch", "seo"), ev("v", 1, "leave"), ev("v", 2, "pay", "amount", "big"),
		ev("w", 0, "view"), ev("w", 1, "pay", "amount", "small")}
	r, err := f.Run(events)
	require.NoError(t, err)
	// u converts; v's only attempt is excluded; w stops at view.
	assert.Equal(t, []int64{2, 1}, r.Counts())
	c, _, values, err := f.Encode(events)
	require.NoError(t, err)
	assert.Nil(t, c.Events)
	assert.Equal(t, []string{"ad", "", "seo"}, values) // in order of first appearance
	assert.Equal(t, []uint8{1, 2, 1, 3, 2, 1, 0}, c.Codes)
	rc, err := f.RunColumns(c)
	require.NoError(t, err)
	assert.True(t, r.Equal(rc))
	_, _, _, err = f.Encode([]Event{ev("u", 0, "view"), {Actor: "", Name: "pay"}})
	assert.ErrorIs(t, err, ErrInvalidEvent)
	// Per-name columns cannot run a predicate exclusion.
	g := MustNew(vcp, time.Hour, WithExclusions(Exclusion{Where: big, After: "view", Before: "pay"}))
	_, err = g.RunColumns(Columns{Actors: []int32{0}, Times: []int64{0}, Events: []int32{0}, Names: []string{"view"}})
	assert.ErrorIs(t, err, ErrInvalidStep)
	assert.False(t, g.byName())
}

// TestFunnelTimingPast104Days: a funnel's step times are exact past 2^53 ns
// (104.25 days), where float64 loses nanoseconds. Two actors convert view
// -> cart in d1 = 200 days + 1 ns and d2 = 300 days + 2 ns; by hand
// (type 7): mean 250 days + 1.5 ns, half up 250 days + 2 ns; median the
// same; p90 = d1 + 0.9 (d2 − d1) = 290 days + 1.9 ns, rounded 290 days +
// 2 ns.
func TestFunnelTimingPast104Days(t *testing.T) {
	day := 24 * time.Hour
	f := MustNew(steps("view", "cart"), 400*day)
	r, err := f.Run([]Event{
		{Actor: "a", Time: base, Name: "view"}, {Actor: "a", Time: base.Add(200*day + 1), Name: "cart"},
		{Actor: "b", Time: base, Name: "view"}, {Actor: "b", Time: base.Add(300*day + 2), Name: "cart"},
	})
	require.NoError(t, err)
	assert.Equal(t, Timing{N: 2, Mean: 250*day + 2, Median: 250*day + 2, P90: 290*day + 2}, r.Steps()[1].Time)
	assert.Equal(t, r.Steps()[1].Time, r.Overall())
}

// TestIndexedScansAcrossActors: one kernel runs many busy actors (more
// than 32 events each, so attempts are followed through occurrence lists
// and, in strict order, rows built per depth), and must give what
// scanning every attempt event by event gives: nothing may leak from one
// actor's lists to the next.
func TestIndexedScansAcrossActors(t *testing.T) {
	c := genColumns(60, 50, 4, 17)
	for _, opts := range [][]Option{
		{WithStepOrder(Strict)},
		{WithStepOrder(Strict), WithModes(AllowReentry | StrictDeduplication)},
		{WithStepOrder(Strict), WithExclusions(Exclusion{Event: "leave", After: "view", Before: "pay"})},
		{WithExclusions(Exclusion{Event: "leave", After: "view", Before: "pay"})},
		{WithStepOrder(AnyOrder), WithModes(StrictIncrease)},
	} {
		f := MustNew(vcp, 20*time.Minute, opts...)
		c := c
		if len(f.excl) == 0 { // code 4 is the exclusion: another event here
			c.Codes = slices.Clone(c.Codes)
			for i, code := range c.Codes {
				if code == 4 {
					c.Codes[i] = 0
				}
			}
		}
		var got [2]Result
		for mode := range got {
			kn := f.kernel(20)
			kn.scanOnly = mode == 1
			acc := newAccum(3, false)
			require.NoError(t, runGeneral("test", c, c.Codes, f.codeTable(), kn, acc))
			got[mode] = f.result(acc, time.Minute, nil, false)
		}
		assert.True(t, got[0].Equal(got[1]), "%s: indexed %v, scan %v", f.key(1, false, false).signature(), got[0].Counts(), got[1].Counts())
	}
}

// TestColumnsFastPathGuards: the one-code kernel of RunColumns takes only
// the default options; exclusions and modes go to the general engine, on
// step codes and on per-name columns alike.
func TestColumnsFastPathGuards(t *testing.T) {
	// Exclusion "leave" (code 4) between view and pay: actor 0 does view,
	// leave, cart, pay and is removed; actor 1 does view, cart.
	f := MustNew(vcp, time.Hour, WithExclusions(Exclusion{Event: "leave", After: "view", Before: "pay"}))
	c := Columns{Actors: []int32{0, 0, 0, 0, 1, 1}, Times: []int64{0, 1, 2, 3, 0, 1}, Codes: []uint8{1, 4, 2, 3, 1, 2}, Unit: time.Minute}
	r, err := f.RunColumns(c)
	require.NoError(t, err)
	assert.Equal(t, []int64{1, 1, 0}, r.Counts())
	// StrictDeduplication, "a b c b d" on steps a..d reaches 3 (CH 00632,
	// strict_BiteTheDDDD), on codes and on names.
	g := MustNew(steps("a", "b", "c", "d"), time.Hour, WithModes(StrictDeduplication))
	c = Columns{Actors: []int32{0, 0, 0, 0, 0}, Times: []int64{1, 2, 3, 4, 5}, Codes: []uint8{1, 2, 3, 2, 4}, Unit: time.Second}
	r, err = g.RunColumns(c)
	require.NoError(t, err)
	assert.Equal(t, []int64{1, 1, 1, 0}, r.Counts())
	c.Codes, c.Events, c.Names = nil, []int32{0, 1, 2, 1, 3}, []string{"a", "b", "c", "d"}
	r, err = g.RunColumns(c)
	require.NoError(t, err)
	assert.Equal(t, []int64{1, 1, 1, 0}, r.Counts())
}

// TestSequentialAttemptsAfterCompletion: a completed attempt ends at its
// last step, so with first entry and attempts counting the next journey in
// the same window is an attempt of its own: view0 cart1 pay2 view3 cart4
// pay5 are two complete attempts. And in strict order with first entry a
// repeated view keeps the first attempt: view0 view1 cart2 converts in 2
// minutes (with deduplication too: a step-1 repeat is not a duplicate).
func TestSequentialAttemptsAfterCompletion(t *testing.T) {
	f := MustNew(vcp, 10*time.Minute, WithReentry(FirstEntry), WithCounting(Attempts))
	r, err := f.Run([]Event{ev("u", 0, "view"), ev("u", 1, "cart"), ev("u", 2, "pay"), ev("u", 3, "view"), ev("u", 4, "cart"), ev("u", 5, "pay")})
	require.NoError(t, err)
	assert.Equal(t, []int64{2, 2, 2}, r.Counts())
	for _, m := range []Mode{0, StrictDeduplication} {
		g := MustNew(vcp, 10*time.Minute, WithStepOrder(Strict), WithReentry(FirstEntry), WithModes(m))
		r, err = g.Run([]Event{ev("u", 0, "view"), ev("u", 1, "view"), ev("u", 2, "cart")})
		require.NoError(t, err)
		assert.Equal(t, []time.Duration{2 * time.Minute}, r.Durations(2), "modes %v", m)
	}
}

// TestFastPathNameIndexBounds: on the one-code kernel an event index equal
// to the number of names, or any bad index with 32 steps (where the
// stand-in code must still be above every step), is an error.
func TestFastPathNameIndexBounds(t *testing.T) {
	f := MustNew(vcp, time.Hour)
	_, err := f.RunColumns(Columns{Actors: []int32{0}, Times: []int64{0}, Events: []int32{1}, Names: []string{"view"}})
	assert.ErrorIs(t, err, ErrInvalidColumns)
	var many []Matcher
	var names []string
	for i := 0; i < MaxSteps; i++ {
		many = append(many, Matcher{Event: "s" + itoa(i)})
		names = append(names, "s"+itoa(i))
	}
	g := MustNew(many, time.Hour)
	_, err = g.RunColumns(Columns{Actors: []int32{0, 0}, Times: []int64{0, 1}, Events: []int32{0, 40}, Names: names})
	assert.ErrorIs(t, err, ErrInvalidColumns)
	r, err := g.RunColumns(Columns{Actors: []int32{0, 0}, Times: []int64{0, 1}, Events: []int32{0, 1}, Names: names})
	require.NoError(t, err)
	assert.Equal(t, int64(1), r.Counts()[1])
}

// TestEncodeErrorIndexPastFirstBatch: a bad event after the first intern
// batch is named by its own index.
func TestEncodeErrorIndexPastFirstBatch(t *testing.T) {
	events := columnsToEvents(genColumns(100, 5, 3, 3))
	events[300].Actor = ""
	_, _, _, err := MustNew(vcp, time.Hour).Encode(events)
	assert.ErrorIs(t, err, ErrInvalidEvent)
	assert.Contains(t, err.Error(), "events[300].actor")
}
