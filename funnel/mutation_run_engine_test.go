package funnel

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests written from the survivors of the whole-package mutant scan of
// funnel (issue 19), for the engine (engine.go) and its columnar entry
// (columns.go). Equivalent mutants of this run are listed in
// mutation_run_test.go.

// TestOneStepFunnelHasNoOverallTime: a one-step funnel has no time to
// convert (Result.Overall's doc: "A one-step funnel has none"), whatever
// kernel runs it: the tally records the step-1 -> step-k duration only for
// k > 1 (engine.go tally.add and fastOrdered, "k > 1"). u1 views twice,
// u2 once: 2 actors (3 attempts with Attempts), no durations.
func TestOneStepFunnelHasNoOverallTime(t *testing.T) {
	events := []Event{ev("u1", 0, "view", "ch", "a"), ev("u1", 5, "view", "ch", "b"), ev("u2", 1, "view", "ch", "a")}
	cases := []struct {
		name string
		opts []Option
		want int64
	}{
		{"default", nil, 2},
		{"attempts", []Option{WithCounting(Attempts)}, 3},
		{"first entry", []Option{WithReentry(FirstEntry)}, 2},
		{"strict", []Option{WithStepOrder(Strict)}, 2},
		{"any order", []Option{WithStepOrder(AnyOrder)}, 2},
		{"breakdown", []Option{WithBreakdown("ch", AtFirstStep)}, 2},
		{"strict increase", []Option{WithModes(StrictIncrease)}, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := MustNew([]Matcher{{Event: "view"}}, time.Hour, tc.opts...)
			r, err := f.Run(events)
			require.NoError(t, err)
			assert.Equal(t, []int64{tc.want}, r.Counts())
			assert.Empty(t, r.OverallDurations())
			assert.Equal(t, Timing{}, r.Overall())
			c, _, _, err := f.Encode(events)
			require.NoError(t, err)
			rc, err := f.RunColumns(c)
			require.NoError(t, err)
			assert.Equal(t, []int64{tc.want}, rc.Counts())
			assert.Empty(t, rc.OverallDurations())
		})
	}
}

// TestRunColumnsUnitEqualToWindow: a unit as long as the window is allowed
// (columns.go check, "unit > window"; doc: "at most the window"), and the
// window is then one tick: u0's steps one tick apart convert, u1's two
// ticks apart reach step 1 only. One nanosecond more is ErrInvalidWindow
// naming the unit.
func TestRunColumnsUnitEqualToWindow(t *testing.T) {
	f := MustNew([]Matcher{{Event: "a"}, {Event: "b"}}, time.Hour)
	c := Columns{Actors: []int32{0, 0, 1, 1}, Times: []int64{0, 1, 0, 2}, Codes: []uint8{1, 2, 1, 2}, Unit: time.Hour}
	r, err := f.RunColumns(c)
	require.NoError(t, err)
	assert.Equal(t, []int64{2, 1}, r.Counts())
	assert.Equal(t, []time.Duration{time.Hour}, r.OverallDurations())
	c.Unit = time.Hour + 1
	_, err = f.RunColumns(c)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.ErrorIs(t, err, ErrInvalidWindow)
	assert.Equal(t, "unit", fe.Field)
}

// TestRunColumnsBadCodeAfterCompletion: a code one above the steps (k + 1,
// which would be exclusion 1 of a funnel that has none) right after an
// actor completes the funnel is reported as an invalid code, not taken as
// a step past the last (engine.go fastOrdered, "s >= uk": the code must be
// skipped before the depth logic, which would count a depth k + 1).
func TestRunColumnsBadCodeAfterCompletion(t *testing.T) {
	f := MustNew([]Matcher{{Event: "a"}, {Event: "b"}}, time.Hour)
	c := Columns{Actors: []int32{0, 0, 0}, Times: []int64{0, 1, 2}, Codes: []uint8{1, 2, 3}, Unit: time.Minute}
	_, err := f.RunColumns(c)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.ErrorIs(t, err, ErrInvalidColumns)
	assert.Equal(t, "codes[2]", fe.Field)
	assert.Equal(t, "3", fe.Value)
}

// kernelDepths runs f's general kernel on one actor whose events are the
// names in seq, one second apart, twice: with the indexed scan forced
// (plainMax -1) and with the event-by-event scan (the reference). It
// returns the depth each reached.
func kernelDepths(t *testing.T, f Funnel, seq string) [2]int {
	t.Helper()
	var times []int64
	var masks []uint64
	for i, name := range strings.Fields(seq) {
		e := Event{Actor: "u", Time: base.Add(time.Duration(i+1) * time.Second), Name: name}
		times, masks = append(times, e.Time.UnixNano()), append(masks, f.stepMask(&e))
	}
	var out [2]int
	for mode := range out {
		kn := f.kernel(uint64(f.window))
		kn.scanOnly, kn.plainMax = mode == 1, -1
		acc := newAccum(len(f.steps), false)
		kn.actor(times, masks, nil, acc)
		for l := len(acc.all.hist) - 1; l > 0; l-- {
			if acc.all.hist[l] > 0 {
				out[mode] = l
				break
			}
		}
	}
	return out
}

// TestExclusionEndsAtBefore: an exclusion with After a and Before b is
// active while a <= steps reached < b (funnel.go; doc.go: "after step
// After was reached and before step Before was reached"): an x once b is
// reached does not remove the attempt, an x between a and b does (PostHog's
// exclusion steps). Both scans agree (engine.go indexedScan, "a.lvl <
// e.before"; active, the same test).
func TestExclusionEndsAtBefore(t *testing.T) {
	f := MustNew(steps("a", "b", "c"), time.Hour, WithExclusions(Exclusion{Event: "x", After: "a", Before: "b"}))
	for _, tc := range []struct {
		seq  string
		want int
	}{
		{"a b x c", 3},
		{"a b c x", 3},
		{"a x b c", 0},
		{"x a b c", 3},
	} {
		assert.Equal(t, [2]int{tc.want, tc.want}, kernelDepths(t, f, tc.seq), tc.seq)
		assert.Equal(t, tc.want, depth(t, f, tc.seq), tc.seq)
	}
}

// TestScanWorkCountsEvents: the event-by-event scan counts every event it
// reads in the kernel's work counter, the measure the work-bound tests
// rely on (engine.go scan, "kn.work++"). In "a x x b c" the one start
// reads the 4 events after it and completes at c; in "a x b" it reads x
// and b, and the actor's events end.
func TestScanWorkCountsEvents(t *testing.T) {
	f := MustNew(steps("a", "b", "c"), time.Hour)
	for _, tc := range []struct {
		seq  string
		work int64
	}{
		{"a x x b c", 4},
		{"a x b", 2},
	} {
		var times []int64
		var masks []uint64
		for i, name := range strings.Fields(tc.seq) {
			e := Event{Name: name}
			times, masks = append(times, int64(i)), append(masks, f.stepMask(&e))
		}
		kn := f.kernel(uint64(time.Hour))
		kn.scanOnly = true
		kn.actor(times, masks, nil, newAccum(3, false))
		assert.Equal(t, tc.work, kn.work, tc.seq)
	}
}

// TestMergeRefusesOtherModes: results of funnels that differ only in their
// modes do not merge (funnel.go signature, "k.Modes != 0": the modes are
// part of a result's identity), and results of one mode merge.
func TestMergeRefusesOtherModes(t *testing.T) {
	events := []Event{ev("u", 0, "view"), ev("u", 1, "cart"), ev("u", 2, "pay")}
	run := func(m Mode) Result {
		r, err := MustNew(vcp, time.Hour, WithModes(m)).Run(events)
		require.NoError(t, err)
		return r
	}
	dedup, strict := run(StrictDeduplication), run(StrictIncrease)
	_, err := Merge(dedup, strict)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.ErrorIs(t, err, ErrMismatch)
	assert.Equal(t, "results[1]", fe.Field)
	m, err := Merge(dedup, run(StrictDeduplication))
	require.NoError(t, err)
	assert.Equal(t, []int64{2, 2, 2}, m.Counts())
}

// TestRunWideSpanBreakdown: events spanning 150 years leave one bit for a
// mask ID in the packed path (runpacked.go packShift: 64 bits less the
// span's 63), too few for the three masks here (none, view, pay), so Run
// takes its wide path; its breakdown groups are keyed by value and
// numbered in value order as on the other paths (runfast.go runWide, "bd
// != nil", twice): u views in channel b and pays, v views in a 150 years
// later. Groups: a (code 0) [1 0], b (code 1) [1 1].
func TestRunWideSpanBreakdown(t *testing.T) {
	f := MustNew(steps("view", "pay"), time.Hour, WithBreakdown("ch", AtFirstStep))
	later := Event{Actor: "v", Name: "view", Time: base.AddDate(150, 0, 0), Props: map[string]string{"ch": "a"}}
	r, err := f.Run([]Event{ev("u", 0, "view", "ch", "b"), ev("u", 1, "pay"), ev("u", 2, "other"), later})
	require.NoError(t, err)
	assert.Equal(t, []int64{2, 1}, r.Counts())
	g := r.Groups()
	require.Len(t, g, 2)
	assert.Equal(t, [2]string{"a", "b"}, [2]string{g[0].Value, g[1].Value})
	assert.Equal(t, [2]int32{0, 1}, [2]int32{g[0].Code, g[1].Code})
	assert.Equal(t, []int64{1, 0}, g[0].Result.Counts())
	assert.Equal(t, []int64{1, 1}, g[1].Result.Counts())
}

// TestRunMoreMasksThanIDs: 65,537 events, each its own actor, with 65,537
// distinct match masks (17 predicate steps, step i matching when bit
// 16 − i of the event's number is set, the number written in binary as
// its name): one more than the 65,536 mask IDs of the two-pass paths, so
// Run takes the one-pass path (runfast.go idOf, "len(m.table) ==
// 1<<16-1": a 65,537th ID would wrap to 0 and give the last event the
// mask of event 0, which matches nothing). Step 1 is bit 16, set only for
// event 65,536: 1 actor, who reaches no further with one event.
func TestRunMoreMasksThanIDs(t *testing.T) {
	const n, k = 1<<16 + 1, 17
	st := make([]Matcher, k)
	for i := range st {
		st[i] = Matcher{Name: fmt.Sprintf("bit %d", k-1-i), Where: func(e Event) bool { return e.Name[i] == '1' }}
	}
	events := make([]Event, n)
	for i := range events {
		events[i] = Event{Actor: strconv.Itoa(i), Name: fmt.Sprintf("%017b", i), Time: base}
	}
	r, err := MustNew(st, time.Hour).Run(events)
	require.NoError(t, err)
	want := make([]int64, k)
	want[0] = 1
	assert.Equal(t, want, r.Counts())
	// With a breakdown the one-pass path keys the groups by value and
	// numbers them in value order (run.go runEvents, "c.bd != nil", twice):
	// the last event in channel b, one more actor at step 1 in a.
	events[n-1].Props = map[string]string{"ch": "b"}
	events = append(events, Event{Actor: "x", Name: fmt.Sprintf("%017b", n), Time: base, Props: map[string]string{"ch": "a"}})
	r, err = MustNew(st, time.Hour, WithBreakdown("ch", AtFirstStep)).Run(events)
	require.NoError(t, err)
	g := r.Groups()
	require.Len(t, g, 2)
	assert.Equal(t, [2]string{"a", "b"}, [2]string{g[0].Value, g[1].Value})
	assert.Equal(t, [2]int32{0, 1}, [2]int32{g[0].Code, g[1].Code})
	assert.Equal(t, want, g[0].Result.Counts())
}

// TestRunPackedMaskIDBits: 32,769 events 10 s apart span 3.8 days, 49 bits
// of nanoseconds, which leaves 15 bits for a mask ID in Run's packed path
// (runpacked.go packShift): IDs 0 to 32,767. The events, each its own
// actor, have 32,769 distinct masks (16 predicate steps, step i matching
// bit 15 − i of the event's number, written in binary as its name), so the
// last one's ID, 32,768, does not fit and Run takes its wide path
// (runTwoPass, "maxID := 1<<shift - 1"; packed with one bit too many, the
// ID would turn into the time's lowest bit and mask ID 0, event 0's mask,
// which matches nothing). Step 1 is bit 15, set only for the last event.
func TestRunPackedMaskIDBits(t *testing.T) {
	const n, k = 1<<15 + 1, 16
	st := make([]Matcher, k)
	for i := range st {
		st[i] = Matcher{Name: fmt.Sprintf("bit %d", k-1-i), Where: func(e Event) bool { return e.Name[i] == '1' }}
	}
	events := make([]Event, n)
	for i := range events {
		events[i] = Event{Actor: strconv.Itoa(i), Name: fmt.Sprintf("%016b", i), Time: base.Add(time.Duration(i) * 10 * time.Second)}
	}
	f := MustNew(st, time.Hour)
	r, err := f.Run(events)
	require.NoError(t, err)
	want := make([]int64, k)
	want[0] = 1
	assert.Equal(t, want, r.Counts())
	// RunSeq likewise leaves the packed path for more masks than 2^15 (seq.go
	// finish, "len(s.ids.table) > 1<<shift").
	r, err = f.RunSeq(slices.Values(events))
	require.NoError(t, err)
	assert.Equal(t, want, r.Counts())
}
