package funnel

import (
	"errors"
	"math"
	"slices"
	"testing"
	"time"
)

// kernelFunnel returns the funnel a, b, c (b and a on the same event "x",
// so masks may match several steps) with the options coded in o: order,
// re-entry, counting, modes, exclusions and attribution.
func kernelFunnel(o uint16) Funnel {
	opts := []Option{
		WithStepOrder(StepOrder(o % 3)),
		WithReentry(Reentry(o / 3 % 2)),
		WithCounting(Counting(o / 6 % 2)),
		WithBreakdown("ch", Attribution(o/12%2)),
	}
	m := Mode(o/24) % 16
	if o%3 != uint16(Strict) {
		m &^= AllowReentry
	}
	opts = append(opts, WithModes(m))
	if o/384%2 == 1 {
		opts = append(opts, WithExclusions(Exclusion{Event: "leave", After: "a", Before: "c"}, Exclusion{Event: "quit", After: "b", Before: "c"}))
	}
	return MustNew([]Matcher{{Name: "a", Event: "x"}, {Name: "b", Event: "x"}, {Name: "c", Event: "y"}}, 4*time.Minute, opts...)
}

// FuzzKernelsAgree checks the fast kernels (the dynamic programme, the
// indexed attempt scans, the any-order sweep) against scanning every
// attempt event by event, for every combination of options and modes, on
// one actor's events whose masks may match several steps and exclusions.
func FuzzKernelsAgree(f *testing.F) {
	f.Add([]byte{0, 1, 1, 1, 0, 3, 2, 6, 1, 8, 0, 4}, uint16(0))
	f.Add([]byte{0, 7, 0, 7, 1, 2, 1, 12}, uint16(385))
	f.Add([]byte{0, 1, 0, 1, 0, 3, 1, 2, 0, 2, 2, 4, 1, 17}, uint16(24*5+1))
	f.Add([]byte{0, 1, 1, 2, 0, 1, 0, 2, 1, 4}, uint16(24*4+1))
	f.Fuzz(kernelsAgree)
}

// kernelsAgree is the body of FuzzKernelsAgree.
func kernelsAgree(t *testing.T, data []byte, o uint16) {
	fn := kernelFunnel(o % 768)
	var times []int64
	var masks []uint64
	var bd []int32
	var clock int64
	for i := 0; i+1 < len(data) && i < 400; i += 2 {
		clock += int64(data[i] % 3)
		m := uint64(data[i+1] & 7)
		if data[i+1]&8 != 0 {
			m |= 1 << exclShift
		}
		if data[i+1]&16 != 0 {
			m |= 1 << (exclShift + 1)
		}
		times, masks, bd = append(times, clock), append(masks, m), append(bd, int32(data[i]%4))
	}
	var results [2]Result
	var kn kernel
	for mode := range results {
		kn = fn.kernel(4)
		kn.excl = fn.excl
		kn.scanOnly, kn.plainMax = mode == 1, -1
		acc := newAccum(3, true)
		kn.actor(times, masks, bd, acc)
		results[mode] = fn.result(acc, time.Minute, nil, false)
	}
	if !results[0].Equal(results[1]) {
		t.Fatalf("options %d: fast %v, scan %v", o%768, results[0].Counts(), results[1].Counts())
	}
}

// TestKernelsAgree runs FuzzKernelsAgree's check on every combination of
// options with deterministic pseudo-random actors, so that plain go test
// (and a mutation run) compares the kernels widely, not only on the seeds.
func TestKernelsAgree(t *testing.T) {
	x := uint64(0x9E3779B97F4A7C15)
	for o := uint16(0); o < 768; o++ {
		for rep := 0; rep < 6; rep++ {
			data := make([]byte, 20+rep*16)
			for i := range data {
				x ^= x << 13
				x ^= x >> 7
				x ^= x << 17
				data[i] = byte(x)
			}
			kernelsAgree(t, data, o)
		}
	}
}

// FuzzRunMatchesColumns is the differential test of the two entry points:
// Run on events and RunColumns on the same events encoded per name give
// equal results (Result.Equal: counts, every duration, groups and their
// labels), for every combination of options, with events that match
// several steps (view -> cart -> view) and exclusions.
func FuzzRunMatchesColumns(f *testing.F) {
	f.Add([]byte{0, 1, 1, 1, 0, 3, 2, 6, 1, 8, 0, 4}, uint16(0))
	f.Add([]byte{3, 7, 0, 7, 1, 2, 1, 12, 9, 9, 4, 1}, uint16(12+385))
	f.Fuzz(runMatchesColumns)
}

// runMatchesColumns is the body of FuzzRunMatchesColumns.
func runMatchesColumns(t *testing.T, data []byte, o uint16) {
	o %= 1536
	opts := []Option{
		WithStepOrder(StepOrder(o % 3)),
		WithReentry(Reentry(o / 3 % 2)),
		WithCounting(Counting(o / 6 % 2)),
	}
	if o/12%2 == 1 {
		opts = append(opts, WithBreakdown("ch", Attribution(o/24%2)))
	}
	m := Mode(o/48) % 16
	if o%3 != uint16(Strict) {
		m &^= AllowReentry
	}
	opts = append(opts, WithModes(m))
	if o/768%2 == 1 {
		opts = append(opts, WithExclusions(Exclusion{Event: "leave", After: "view", Before: "view (2)"}))
	}
	fn := MustNew([]Matcher{{Event: "view"}, {Event: "cart"}, {Event: "view"}}, 3*time.Minute, opts...)
	names := []string{"view", "cart", "leave", "other"}
	var events []Event
	for i := 0; i+1 < len(data) && i < 300; i += 2 {
		e := ev("u"+itoa(int(data[i]%5)), int(data[i+1]%8), names[data[i+1]/8%4])
		if data[i]&8 != 0 {
			e.Props = map[string]string{"ch": names[data[i]/16%4]}
		}
		events = append(events, e)
	}
	r, err := fn.Run(events)
	if err != nil {
		t.Fatal(err)
	}
	c, _, _, err := fn.Encode(events)
	if err != nil {
		t.Fatal(err)
	}
	rc, err := fn.RunColumns(c)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Equal(rc) {
		t.Fatalf("options %d: Run %v, RunColumns %v", o, r.Counts(), rc.Counts())
	}
	// The sequence path (one pass) and shards merged give the same.
	seq, err := fn.RunSeq(slices.Values(events))
	if err != nil || !seq.Equal(r) {
		t.Fatalf("options %d: RunSeq %v differs (%v)", o, seq.Counts(), err)
	}
	var parts []Result
	for _, p := range ShardEvents(events, 3) {
		pr, err := fn.Run(p)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, pr)
	}
	if m, err := Merge(parts...); err != nil || !m.Equal(r) {
		t.Fatalf("options %d: merged shards differ (%v)", o, err)
	}
	// Per-actor levels: the same on both paths, and with unique actors
	// their histogram is the result's.
	l, err := fn.Levels(events)
	if err != nil {
		t.Fatal(err)
	}
	lc, err := fn.LevelsColumns(c)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(l.Level, lc.Level) || !slices.Equal(l.Times, lc.Times) {
		t.Fatalf("options %d: levels %v, columns %v", o, l.Level, lc.Level)
	}
	if fn.cfg.counting == Uniques {
		hist := make([]int64, 4)
		for _, lvl := range l.Level {
			hist[lvl]++
		}
		if !slices.Equal(hist[1:], r.all.hist[1:]) {
			t.Fatalf("options %d: levels %v, result %v", o, hist, r.all.hist)
		}
	}
}

// TestRunMatchesColumns runs FuzzRunMatchesColumns's checks on every
// combination of options with a deterministic pseudo-random log.
func TestRunMatchesColumns(t *testing.T) {
	x := uint64(0x2545F4914F6CDD1D)
	for o := uint16(0); o < 1536; o++ {
		data := make([]byte, 60)
		for i := range data {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			data[i] = byte(x)
		}
		runMatchesColumns(t, data, o)
	}
}

// FuzzColumnsHostile feeds the columnar entry points hostile columns:
// event indices outside Names (negative too), times at the int64 edges,
// breakdown codes outside Values, both or neither of Events and Codes.
// Every failure is a *FieldError; every success agrees across RunColumns,
// LevelsColumns and the merge of ShardColumns parts.
func FuzzColumnsHostile(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8}, uint16(0))
	f.Add([]byte{0, 255, 0, 0, 128, 1, 1, 0, 2, 2, 127, 3}, uint16(7))
	f.Add([]byte{1, 0, 0, 1, 1, 1, 2, 9, 2}, uint16(96))
	f.Fuzz(func(t *testing.T, data []byte, o uint16) {
		fn := kernelFunnel(o % 768)
		c := Columns{Names: []string{"x", "y", "leave", "quit", "other"}[:1+int(o/768)%5]}
		edges := []int64{math.MinInt64, -1, 0, 1, math.MaxInt64}
		for i := 0; i+2 < len(data) && i < 300; i += 3 {
			c.Actors = append(c.Actors, int32(data[i]%4))
			tm := int64(data[i+1])
			if data[i+1] >= 251 {
				tm = edges[data[i+1]-251]
			}
			c.Times = append(c.Times, tm)
			c.Events = append(c.Events, int32(data[i+2]%8)-1)
			c.Breakdown = append(c.Breakdown, int32(data[i+2]/8%3))
		}
		if o/3840%2 == 1 {
			c.Values = []string{"a", "b"}
		}
		if o/7680%2 == 1 {
			c.Codes = make([]uint8, len(c.Actors))
		}
		c = SortColumns(c)
		r, err := fn.RunColumns(c)
		l, lerr := fn.LevelsColumns(c)
		for _, e := range []error{err, lerr} {
			var fe *FieldError
			if e != nil && !errors.As(e, &fe) {
				t.Fatalf("not a FieldError: %v", e)
			}
		}
		if err != nil {
			return
		}
		if lerr != nil && c.Values == nil {
			t.Fatalf("RunColumns succeeded, LevelsColumns failed: %v", lerr)
		}
		if fn.cfg.counting == Uniques && lerr == nil {
			hist := make([]int64, 4)
			for _, lvl := range l.Level {
				hist[lvl]++
			}
			if !slices.Equal(hist[1:], r.all.hist[1:]) {
				t.Fatalf("levels %v, result %v", hist, r.all.hist)
			}
		}
		var parts []Result
		for _, p := range ShardColumns(c, 3) {
			pr, err := fn.RunColumns(p)
			if err != nil {
				t.Fatalf("a shard failed where the whole ran: %v", err)
			}
			parts = append(parts, pr)
		}
		m, err := Merge(parts...)
		if err != nil || !m.Equal(r) {
			t.Fatalf("merged shards differ from one pass: %v", err)
		}
	})
}

// Equivalent mutants of the issue-15 engine (gremlins v0.5.0 reports them
// as lived; none can change a result):
//   - engine.go better, "cur.lvl > best.lvl" -> ">=": it runs only when
//     cur.lvl != best.lvl, where the two tests agree.
//   - engine.go indexedScan, "a.next = stop" and "a.next = nxt + 1": see
//     mutation_test.go; next is read only after scan.
//   - engine.go brkFrom, "o.built |= 1 << uint(lvl)" -> "|= 0" (or the
//     test of built negated to always build): the row is rebuilt from the
//     same masks each time, the same values at more cost.
//   - engine.go brkFrom, "j >= 0" -> "j > 0": brk[lvl][0] is never read
//     (a scan reads brk from pos = start + 1 >= 1).
//   - columns.go encodeNames, "lo < n" -> "lo <= n": the extra batch is
//     empty.
