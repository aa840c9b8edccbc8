package funnel

import (
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// memLog is a log like the benchmarks' (scaled down): actors "member-N"
// with about 10 events each in time order, names uniform over the 5-step
// funnel and "other".
func memLog(actors int) []Event {
	c := genColumns(actors, 10, 5, 7)
	names := []string{"other", "view", "detail", "cart", "order", "pay"}
	perm := make([]int, len(c.Actors))
	for i := range perm {
		perm[i] = i
	}
	slices.SortStableFunc(perm, func(a, b int) int { return int(c.Times[a] - c.Times[b]) })
	out := make([]Event, len(perm))
	for i, p := range perm {
		out[i] = Event{Actor: "member-" + strconv.Itoa(100000+int(c.Actors[p])), Time: base.Add(time.Duration(c.Times[p]) * time.Second), Name: names[c.Codes[p]]}
	}
	return out
}

// allocated returns the bytes and the number of allocations of run (the
// least of three calls: deterministic counts, not a timing).
func allocated(run func()) (bytes, allocs uint64) {
	bytes, allocs = ^uint64(0), ^uint64(0)
	for range 3 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		run()
		runtime.ReadMemStats(&after)
		bytes, allocs = min(bytes, after.TotalAlloc-before.TotalAlloc), min(allocs, after.Mallocs-before.Mallocs)
	}
	return bytes, allocs
}

// TestRunTransientBytes pins the memory target of issue 15: Run keeps at
// most 16 bytes per event beyond its input (everything it allocates,
// the result included), on the benchmarks' shape: 1,000,000 events of
// 100,000 actors with 13-byte IDs. By hand: 12 bytes per event (a 4-byte
// actor ID in input order; the time and mask ID packed in 8 bytes in
// actor order, an array that first holds the actor table's slots) and
// about 30 per actor (the ID with its length and 4-byte ID, 4 bytes to
// count its events, the result's durations), that is 15 bytes per event.
// RunSeq, reading its events once, keeps 14 more per event in input order
// and its own slots: at most 32 (about 30).
func TestRunTransientBytes(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000,000 events")
	}
	events := memLog(100_000)
	f := MustNew(five, 30*time.Minute)
	var r Result
	var err error
	bytes, allocs := allocated(func() { r, err = f.Run(events) })
	perEvent := float64(bytes) / float64(len(events))
	require.NoError(t, err)
	assert.Less(t, allocs, uint64(200), "Run: allocations (none per event or per actor)")
	require.NotZero(t, r.Counts()[0])
	t.Logf("Run: %.2f bytes per event", perEvent)
	assert.LessOrEqual(t, perEvent, 16.0, "Run: bytes per event")
	assert.Greater(t, perEvent, 12.0, "Run: the 12 bytes per event must show (or the measure is broken)")
	bytes, allocs = allocated(func() { r, err = f.RunSeq(slices.Values(events)) })
	perEvent = float64(bytes) / float64(len(events))
	require.NoError(t, err)
	assert.Less(t, allocs, uint64(400), "RunSeq: allocations (blocks of up to 65,536 events)")
	t.Logf("RunSeq: %.2f bytes per event", perEvent)
	assert.LessOrEqual(t, perEvent, 32.0, "RunSeq: bytes per event")
}

// TestRunPathsAgree: the packed path (default kernel on packed values, and
// the general kernels on decoded runs), RunSeq and RunColumns over Encode
// give one result on a shuffled log, for the default options, an option
// that leaves the fast kernel, and a breakdown.
func TestRunPathsAgree(t *testing.T) {
	events := memLog(300)
	x := uint64(1)
	for i := len(events) - 1; i > 0; i-- {
		x = x*6364136223846793005 + 1442695040888963407
		j := int(x>>33) % (i + 1)
		events[i], events[j] = events[j], events[i]
	}
	for i := range events {
		events[i].Attrs = []Attr{{Key: "ch", Value: strconv.Itoa(i % 3)}}
	}
	for name, f := range map[string]Funnel{
		"default":   MustNew(five, 30*time.Minute),
		"strict":    MustNew(five, 30*time.Minute, WithStepOrder(Strict)),
		"breakdown": MustNew(five, 30*time.Minute, WithBreakdown("ch", AtFirstStep)),
		"one step":  MustNew(five[:1], 30*time.Minute),
	} {
		got, err := f.Run(events)
		require.NoError(t, err, name)
		seq, err := f.RunSeq(slices.Values(events))
		require.NoError(t, err, name)
		assert.True(t, got.Equal(seq), name)
		c, _, _, err := f.Encode(events)
		require.NoError(t, err, name)
		want, err := f.RunColumns(c)
		require.NoError(t, err, name)
		assert.True(t, want.Equal(got), name)
		if name == "default" || name == "strict" {
			assert.Equal(t, f.mustCounts5(t, events), got.Counts(), name)
		}
	}
}

// mustCounts5 is mustCounts for the five-step funnel of the benchmarks,
// with strict order when f has it (both by the reference of
// reference_test.go when default).
func (f Funnel) mustCounts5(t *testing.T, events []Event) []int64 {
	t.Helper()
	if f.cfg.order != Ordered {
		r, err := f.RunSeq(slices.Values(events))
		require.NoError(t, err)
		return r.Counts()
	}
	counts, _ := refDefault(events, []string{"view", "detail", "cart", "order", "pay"}, f.window)
	return counts
}

// TestRunWideSpans: events spanning more nanoseconds than a packed value
// leaves room for beside the mask IDs take the 14-byte path, with the same
// answer. Worked by hand: u views at 0 and carts 10 minutes later (a
// 2-step conversion in the 1-hour window); v only views; w views 200 years
// earlier (1 bit left for mask IDs: view, cart and "other" are 3 masks) or
// 340 years earlier (no bit left: more than 2^63 ns, 292 years).
func TestRunWideSpans(t *testing.T) {
	f := MustNew(vcp, time.Hour)
	for _, years := range []int{0, 200, 340} {
		far := base.AddDate(-years, 0, 0)
		events := []Event{
			ev("u", 0, "view"), ev("v", 1, "view"), ev("u", 10, "cart"), ev("v", 2, "other"),
			{Actor: "w", Time: far, Name: "view"},
		}
		got, err := f.Run(events)
		require.NoError(t, err, years)
		assert.Equal(t, []int64{3, 1, 0}, got.Counts(), "%d years", years)
		assert.Equal(t, 10*time.Minute, got.Steps()[1].Time.Median, "%d years", years)
		seq, err := f.RunSeq(slices.Values(events))
		require.NoError(t, err, years)
		assert.True(t, got.Equal(seq), "%d years", years)
	}
}

// TestPackShift: the mask-ID bits left by a span, by hand: 2^48-1 ns
// leaves 16 bits (capped), 2^48 leaves 15, 2^62 leaves 1, 2^63 none.
func TestPackShift(t *testing.T) {
	for _, c := range []struct {
		first, last int64
		want        uint
	}{
		{0, 0, 16}, {0, 1<<48 - 1, 16}, {0, 1 << 48, 15}, {-1 << 61, 1 << 61, 1},
		{0, 1<<63 - 1, 1}, {-1, 1<<63 - 1, 0}, {-1 << 63, 1<<63 - 1, 0},
	} {
		assert.Equal(t, c.want, packShift(2, c.first, c.last), "%d..%d", c.first, c.last)
	}
	assert.Equal(t, uint(16), packShift(0, 1<<62, -1<<62), "no events")
}

// TestNanosEdges: the fast test of nanos agrees with the full one at the
// edges of int64 nanoseconds (1677-09-21T00:12:43.145224192Z and
// 2262-04-11T23:47:16.854775807Z) and one nanosecond past them.
func TestNanosEdges(t *testing.T) {
	for _, c := range []struct {
		t  time.Time
		ok bool
	}{
		{minNano, true}, {minNano.Add(-1), false}, {maxNano, true}, {maxNano.Add(1), false},
		{time.Unix(minNanoSec+1, 0), true}, {time.Unix(maxNanoSec-1, 999_999_999), true},
		{time.Unix(maxNanoSec, 0), true}, {time.Unix(minNanoSec, 999_999_999), true},
		{time.Unix(minNanoSec, 0), false}, {time.Unix(maxNanoSec+1, 0), false},
	} {
		got, ok := nanos(c.t)
		require.Equal(t, c.ok, ok, c.t.Format(time.RFC3339Nano))
		if ok {
			assert.Equal(t, c.t.UnixNano(), got, c.t.Format(time.RFC3339Nano))
		}
	}
}

// TestActorTableFull: past its chunks the table reports the first event
// it could not intern (ErrTooLarge), for Run, RunSeq and Encode alike.
func TestActorTableFull(t *testing.T) {
	tab := newActorTable(0, nil)
	tab.maxChunks = 1
	events := make([]Event, 300)
	for i := range events {
		events[i].Actor = "a-" + strconv.Itoa(i) // 6 bytes per record and more: 256 bytes hold about 40
	}
	ids := make([]int32, internBatchLen)
	tab.internBatch(events[:internBatchLen], ids)
	require.True(t, tab.full)
	first := slices.Index(ids, -1)
	require.Greater(t, first, 20)
	require.Less(t, first, 60)
	for i := range first {
		assert.Equal(t, int32(i), ids[i])
	}
	err := actorsFull("funnel: run", 256, ids)
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), "events["+strconv.Itoa(256+first)+"].actor")
}

// TestActorTableLongIDs: IDs whose length takes two uvarint bytes, and
// IDs longer than a chunk, intern and name back.
func TestActorTableLongIDs(t *testing.T) {
	tab := newActorTable(0, nil)
	keys := []string{string(make([]byte, 127)), string(make([]byte, 128)), string(make([]byte, 5000)), "x", string(make([]byte, 70000))}
	for round := range 2 {
		for i, k := range keys {
			assert.Equal(t, int32(i), tab.intern(k, tab.hash(k)), "round %d key %d", round, i)
		}
	}
	assert.Equal(t, keys, tab.names())
}

// TestRunPackedTopBit: packed values whose top bit is set sort after those
// without it (they are unsigned, kept in int64). By hand: the events span
// 124 years (2^61 < 3.9e18 ns < 2^62), leaving 2 bits for mask IDs, so the
// 2024 event's packed value has its top bit set and the 1900 one's not;
// u views in 1900 and carts in 2024, given in the other order: inside the
// 200-year window it converts (counts 1, 1), which it would not if the
// 2024 event sorted first.
func TestRunPackedTopBit(t *testing.T) {
	f := MustNew(steps("view", "cart"), 200*365*24*time.Hour)
	events := []Event{
		{Actor: "u", Time: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Name: "cart"},
		{Actor: "u", Time: time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), Name: "view"},
	}
	require.Equal(t, uint(2), packShift(2, events[1].Time.UnixNano(), events[0].Time.UnixNano()))
	got, err := f.Run(events)
	require.NoError(t, err)
	assert.Equal(t, []int64{1, 1}, got.Counts())
	seq, err := f.RunSeq(slices.Values(events))
	require.NoError(t, err)
	assert.Equal(t, []int64{1, 1}, seq.Counts())
	// Over 32 events of one actor (the general sort), the same.
	long := slices.Clone(events)
	for i := range 40 {
		long = append(long, Event{Actor: "u", Time: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(-i) * time.Hour), Name: "other"})
	}
	got, err = f.Run(long)
	require.NoError(t, err)
	assert.Equal(t, []int64{1, 1}, got.Counts())
}

// TestNewActorTableSizes: the slots start at events/5 rounded up to a
// power of two, at least 64 (by hand: 320 → 64, 325 → 128, 1000 → 256,
// 5120 → 1024, 5125 → 2048), in spare when it holds that many (cleared),
// and the chunk limit leaves the last chunk's last offset, plus one,
// inside 32 bits.
func TestNewActorTableSizes(t *testing.T) {
	for _, c := range []struct{ events, slots int }{{0, 64}, {320, 64}, {324, 64}, {325, 128}, {1000, 256}, {5120, 1024}, {5125, 2048}} {
		assert.Len(t, newActorTable(c.events, nil).slots, c.slots, "%d events", c.events)
	}
	spare := []int64{7, 7, 7}
	spare = append(spare, make([]int64, 61)...) // exactly 64
	tab := newActorTable(0, spare)
	require.Len(t, tab.slots, 64)
	assert.Same(t, &spare[0], &tab.slots[0], "lent, not allocated")
	assert.Equal(t, int64(0), tab.slots[0], "cleared")
	tab = newActorTable(0, spare[:63])
	assert.NotSame(t, &spare[0], &tab.slots[0], "too short to lend")
	assert.Equal(t, 65535, tab.maxChunks)
	assert.Less(t, uint64(tab.maxChunks-1)<<16|(chunkMax-1)+1, uint64(1)<<32)
}

// TestFastCodes: the step code of each mask ID for fastOrdered's options,
// by hand: masks none, step 1, step 3, step 5 give codes 0, 1, 3, 5; a
// mask of two steps, a breakdown or any other option leaves the fast
// kernel.
func TestFastCodes(t *testing.T) {
	f := MustNew(five, time.Hour)
	table := []uint64{0, 1 << 0, 1 << 2, 1 << 4}
	codes, ok := f.fastCodes(table, false)
	require.True(t, ok)
	assert.Equal(t, []uint8{0, 1, 3, 5}, codes)
	_, ok = f.fastCodes(append(table, 1<<1|1<<2), false)
	assert.False(t, ok, "two steps in one mask")
	_, ok = f.fastCodes(table, true)
	assert.False(t, ok, "breakdown")
	for name, g := range map[string]Funnel{
		"strict":     MustNew(five, time.Hour, WithStepOrder(Strict)),
		"any order":  MustNew(five, time.Hour, WithStepOrder(AnyOrder)),
		"first":      MustNew(five, time.Hour, WithReentry(FirstEntry)),
		"attempts":   MustNew(five, time.Hour, WithCounting(Attempts)),
		"modes":      MustNew(five, time.Hour, WithModes(StrictIncrease)),
		"exclusions": MustNew(five, time.Hour, WithExclusions(Exclusion{Event: "other", After: "view", Before: "pay"})),
	} {
		_, ok = g.fastCodes(table, false)
		assert.False(t, ok, name)
	}
}

// TestRunSeqMasksOverflowMidBatch: RunSeq hands its events to the one-pass
// path when the 65,536th distinct mask appears in the middle of a batch;
// the events before and after stay aligned with their actors. Fifty
// actors m0..m49 take the events i = 1..2^17-1 with mask i (actor i mod
// 50); step 1 is bit 0, set only for odd i, and i mod 50 is odd for 25
// actors; then z has 300 events that match no step, so by hand exactly 25
// actors enter (an event of z carrying an earlier mask would add one).
func TestRunSeqMasksOverflowMidBatch(t *testing.T) {
	var st []Matcher
	for b := 0; b < 17; b++ {
		st = append(st, Matcher{Name: "bit" + itoa(b+1), Where: func(e Event) bool { return e.Attrs[0].Value[b] == '1' }})
	}
	f := MustNew(st, time.Hour)
	var events []Event
	bitsText := func(i int) string {
		text := make([]byte, 17)
		for b := range text {
			text[b] = byte('0' + i>>b&1)
		}
		return string(text)
	}
	for i := 1; i < 1<<17; i++ {
		events = append(events, Event{Actor: "m" + itoa(i%50), Time: base.Add(time.Duration(i) * time.Millisecond), Name: "e", Attrs: []Attr{{"n", bitsText(i)}}})
	}
	for i := range 300 {
		events = append(events, Event{Actor: "z", Time: base.Add(time.Duration(1<<17+i) * time.Millisecond), Name: "e", Attrs: []Attr{{"n", bitsText(0)}}})
	}
	seq, err := f.RunSeq(slices.Values(events))
	require.NoError(t, err)
	assert.Equal(t, int64(25), seq.Counts()[0])
	run, err := f.Run(events)
	require.NoError(t, err)
	assert.True(t, run.Equal(seq))
}

// TestRunTimeEdges: Run's and Encode's inlined check of the time (the Unix second
// strictly inside those of int64 nanoseconds, else the full test) accepts
// the first and last representable nanoseconds and rejects one past
// either, naming the event, as nanos does (TestNanosEdges).
func TestRunTimeEdges(t *testing.T) {
	f := MustNew(vcp, time.Hour)
	for _, c := range []struct {
		t  time.Time
		ok bool
	}{{minNano, true}, {minNano.Add(-1), false}, {maxNano, true}, {maxNano.Add(1), false}} {
		events := []Event{ev("u", 0, "view"), {Actor: "v", Time: c.t, Name: "view"}}
		r, err := f.Run(events)
		if c.ok {
			require.NoError(t, err, c.t.Format(time.RFC3339Nano))
			assert.Equal(t, []int64{2, 0, 0}, r.Counts())
			continue
		}
		require.ErrorIs(t, err, ErrInvalidEvent, c.t.Format(time.RFC3339Nano))
		var fe *FieldError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, "events[1].time", fe.Field)
		_, _, _, err = f.Encode(events) // the same check in Encode's first pass
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, "events[1].time", fe.Field)
	}
	_, _, _, err := f.Encode([]Event{{Actor: "u", Time: minNano, Name: "view"}, {Actor: "v", Time: maxNano, Name: "view"}})
	require.NoError(t, err)
}

// TestActorTableLoad: the table keeps at most half its slots taken: 32
// IDs fit 64 slots, the 33rd doubles them.
func TestActorTableLoad(t *testing.T) {
	tab := newActorTable(0, nil)
	for i := range 32 {
		k := "a" + itoa(i)
		tab.intern(k, tab.hash(k))
	}
	assert.Len(t, tab.slots, 64)
	tab.intern("b", tab.hash("b"))
	assert.Len(t, tab.slots, 128)
	assert.Equal(t, 33, tab.len())
}

// TestPackedOffsetsFromFirst: packed times are offsets from the earliest
// event, not sums with it: u views and carts 30 minutes apart at a moment
// chosen so that (time + earliest) mod 2^48 ns would wrap between the two
// (10 minutes before the wrap), which would put the cart first and lose
// the conversion. By hand: 1 view, then 1 cart within the hour: counts
// 1, 1 (the earliest event, w's view, counts at step 1 too: 2, 1).
func TestPackedOffsetsFromFirst(t *testing.T) {
	const wrap = int64(1) << 48
	t0 := base.UnixNano()
	lead := int64(10 * time.Minute)
	d := ((wrap-lead-2*t0)%wrap + wrap) % wrap // (t0 + d + t0) mod 2^48 = 2^48 - 10 min
	require.Less(t, d+int64(30*time.Minute), wrap, "span under 2^48 ns: 16 bits of mask IDs")
	t1 := time.Unix(0, t0+d)
	events := []Event{
		{Actor: "w", Time: time.Unix(0, t0), Name: "view"},
		{Actor: "u", Time: t1, Name: "view"},
		{Actor: "u", Time: t1.Add(30 * time.Minute), Name: "cart"},
	}
	f := MustNew(steps("view", "cart"), time.Hour)
	got, err := f.Run(events)
	require.NoError(t, err)
	assert.Equal(t, []int64{2, 1}, got.Counts())
	seq, err := f.RunSeq(slices.Values(events))
	require.NoError(t, err)
	assert.Equal(t, []int64{2, 1}, seq.Counts())
}
