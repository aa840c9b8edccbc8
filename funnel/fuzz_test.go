package funnel

import (
	"slices"
	"testing"
	"time"
)

// fuzzColumns decodes bytes into sorted columns: each byte triple is an
// event (actor 0..4, time step 0..3 minutes, code 0..4 for the view, cart,
// pay funnel with one exclusion code 4). distinct makes times strictly
// increasing within an actor.
func fuzzColumns(data []byte, distinct bool) Columns {
	c := Columns{Unit: time.Minute, Breakdown: []int32{}}
	var clock [5]int64
	for i := 0; i+2 < len(data); i += 3 {
		a := int32(data[i] % 5)
		dt := int64(data[i+1] % 4)
		if distinct {
			dt++
		}
		clock[a] += dt
		c.Actors = append(c.Actors, a)
		c.Times = append(c.Times, clock[a])
		c.Codes = append(c.Codes, data[i+2]%5)
		c.Breakdown = append(c.Breakdown, int32(data[i+1]%3))
	}
	return SortColumns(c)
}

// fuzzFunnel picks options from a byte.
func fuzzFunnel(o byte) Funnel {
	opts := []Option{WithStepOrder(StepOrder(o % 3)), WithReentry(Reentry(o / 3 % 2)), WithCounting(Counting(o / 6 % 2))}
	if o/12%2 == 1 {
		opts = append(opts, WithExclusions(Exclusion{Event: "leave", After: "view", Before: "pay"}))
	}
	return MustNew(vcp, 5*time.Minute, opts...)
}

// fitCodes makes exclusion code 4 a plain event when fn has no exclusion.
func fitCodes(c Columns, fn Funnel) Columns {
	if len(fn.excl) > 0 {
		return c
	}
	c.Codes = slices.Clone(c.Codes)
	for i := range c.Codes {
		if c.Codes[i] == 4 {
			c.Codes[i] = 0
		}
	}
	return c
}

var fuzzSeeds = [][]byte{
	{0, 0, 1, 0, 1, 2, 0, 1, 3},
	{0, 0, 1, 0, 1, 2, 0, 1, 1, 0, 1, 3, 1, 0, 1, 1, 2, 4, 1, 0, 2},
	{3, 3, 1, 3, 0, 1, 3, 0, 2, 2, 2, 2, 3, 1, 3, 4, 0, 0},
}

func FuzzCountsNeverIncrease(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, byte(0))
		f.Add(s, byte(23))
	}
	f.Fuzz(func(t *testing.T, data []byte, o byte) {
		fn := fuzzFunnel(o)
		c := fitCodes(fuzzColumns(data, false), fn)
		for _, bd := range []bool{false, true} {
			cc := c
			if !bd {
				cc.Breakdown = nil
			}
			r, err := fn.RunColumns(cc)
			if err != nil {
				t.Fatal(err)
			}
			counts := r.Counts()
			for i := 1; i < len(counts); i++ {
				if counts[i] > counts[i-1] {
					t.Fatalf("counts %v increase at step %d", counts, i+1)
				}
			}
			for i, s := range r.Steps() {
				if i > 0 && int64(len(r.Durations(i+1))) != s.Count {
					t.Fatalf("step %d: %d durations for count %d", i+1, len(r.Durations(i+1)), s.Count)
				}
			}
		}
	})
}

func FuzzMergeEqualsOnePass(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, byte(0), byte(1))
		f.Add(s, byte(19), byte(6))
	}
	f.Fuzz(func(t *testing.T, data []byte, o, split byte) {
		fn := fuzzFunnel(o)
		c := fitCodes(fuzzColumns(data, false), fn)
		whole, err := fn.RunColumns(c)
		if err != nil {
			t.Fatal(err)
		}
		// Partition actors by the bits of split.
		var parts [2]Columns
		for p := range parts {
			parts[p].Unit = c.Unit
			parts[p].Breakdown = []int32{}
		}
		for i := range c.Actors {
			p := int(split>>uint(c.Actors[i]%8)) & 1
			parts[p].Actors = append(parts[p].Actors, c.Actors[i])
			parts[p].Times = append(parts[p].Times, c.Times[i])
			parts[p].Codes = append(parts[p].Codes, c.Codes[i])
			parts[p].Breakdown = append(parts[p].Breakdown, c.Breakdown[i])
		}
		var rs []Result
		for _, p := range parts {
			r, err := fn.RunColumns(p)
			if err != nil {
				t.Fatal(err)
			}
			rs = append(rs, r)
		}
		merged, err := Merge(rs...)
		if err != nil {
			t.Fatal(err)
		}
		if !merged.Equal(whole) {
			t.Fatalf("merge %v != one pass %v", merged.Counts(), whole.Counts())
		}
		// The convenient path with a breakdown merges by value: each shard
		// interns its values in its own order.
		fb := MustNew(vcp, 5*time.Minute, WithStepOrder(fn.cfg.order), WithReentry(fn.cfg.reentry), WithCounting(fn.cfg.counting),
			WithExclusions(fn.cfg.excl...), WithBreakdown("ch", Attribution(split%2)))
		toEvents := func(c Columns) []Event {
			events := columnsToEvents(c)
			for i := range events {
				events[i].Props = map[string]string{"ch": string(rune('a' + c.Breakdown[i]))}
			}
			return events
		}
		wholeEv, err := fb.Run(toEvents(c))
		if err != nil {
			t.Fatal(err)
		}
		var evParts []Result
		for _, p := range parts {
			r, err := fb.Run(toEvents(p))
			if err != nil {
				t.Fatal(err)
			}
			evParts = append(evParts, r)
		}
		mergedEv, err := Merge(evParts[1], evParts[0])
		if err != nil {
			t.Fatal(err)
		}
		if !mergedEv.Equal(wholeEv) {
			t.Fatalf("convenient merge %v != one pass %v", mergedEv.Counts(), wholeEv.Counts())
		}
	})
}

func FuzzFastPathMatchesReference(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := fuzzColumns(data, false)
		c.Breakdown = nil
		for i := range c.Codes {
			if c.Codes[i] == 4 {
				c.Codes[i] = 0
			}
		}
		fn := MustNew(vcp, 5*time.Minute)
		fast, err := fn.RunColumns(c)
		if err != nil {
			t.Fatal(err)
		}
		events := columnsToEvents(c)
		general, err := fn.Run(events)
		if err != nil {
			t.Fatal(err)
		}
		counts, durs := refDefault(events, []string{"view", "cart", "pay"}, 5*time.Minute)
		for _, r := range []Result{fast, general} {
			if !slices.Equal(r.Counts(), counts) {
				t.Fatalf("counts %v, reference %v", r.Counts(), counts)
			}
			for s := 2; s <= 3; s++ {
				want := slices.Clone(durs[s-1])
				slices.Sort(want)
				if !slices.Equal(r.Durations(s), want) {
					t.Fatalf("step %d durations %v, reference %v", s, r.Durations(s), want)
				}
			}
			want := slices.Clone(durs[0])
			slices.Sort(want)
			if !slices.Equal(r.OverallDurations(), want) {
				t.Fatalf("overall %v, reference %v", r.OverallDurations(), want)
			}
		}
	})
}

func FuzzShuffleInvariance(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, byte(0), uint64(1))
		f.Add(s, byte(17), uint64(99))
	}
	f.Fuzz(func(t *testing.T, data []byte, o byte, seed uint64) {
		c := fuzzColumns(data, true)
		events := columnsToEvents(c)
		for i := range events {
			events[i].Props = map[string]string{"ch": string(rune('a' + c.Breakdown[i]))}
		}
		fn := fuzzFunnel(o)
		fn = MustNew(vcp, 5*time.Minute, WithStepOrder(fn.cfg.order), WithReentry(fn.cfg.reentry), WithCounting(fn.cfg.counting),
			WithExclusions(fn.cfg.excl...), WithBreakdown("ch", Attribution(o%2)))
		want, err := fn.Run(events)
		if err != nil {
			t.Fatal(err)
		}
		x := seed | 1
		for i := len(events) - 1; i > 0; i-- {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			j := int(x % uint64(i+1))
			events[i], events[j] = events[j], events[i]
		}
		got, err := fn.Run(events)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.Counts(), want.Counts()) {
			t.Fatalf("shuffled counts %v, want %v", got.Counts(), want.Counts())
		}
		if !got.Equal(want) {
			t.Fatalf("shuffled result differs in durations or groups")
		}
		gv, wv := map[string][]int64{}, map[string][]int64{}
		for _, g := range got.Groups() {
			gv[g.Value] = g.Result.Counts()
		}
		for _, g := range want.Groups() {
			wv[g.Value] = g.Result.Counts()
		}
		for k, v := range wv {
			if !slices.Equal(gv[k], v) {
				t.Fatalf("group %q: shuffled %v, want %v", k, gv[k], v)
			}
		}
	})
}

// FuzzDPMatchesScan checks the default kernel on masks (dpOrdered) against
// scanning every attempt, with exclusions and breakdowns.
func FuzzDPMatchesScan(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, byte(0))
		f.Add(s, byte(1))
	}
	f.Fuzz(func(t *testing.T, data []byte, o byte) {
		opts := []Option{WithBreakdown("ch", Attribution(o%2))}
		if o/2%2 == 0 {
			opts = append(opts, WithExclusions(Exclusion{Event: "leave", After: "view", Before: "pay"}))
		}
		fn := MustNew(vcp, 5*time.Minute, opts...)
		c := fitCodes(fuzzColumns(data, false), fn)
		window := uint64(5)
		var results [2]Result
		for mode := range results {
			kn := fn.kernel(window)
			kn.scanOnly, kn.plainMax = mode == 1, -1
			acc := newAccum(len(fn.steps), true)
			if err := runGeneral("test", c, c.Codes, fn.codeTable(), kn, acc); err != nil {
				t.Fatal(err)
			}
			results[mode] = fn.result(acc, time.Minute, nil, false)
		}
		if !results[0].Equal(results[1]) {
			t.Fatalf("dp %v, scan %v", results[0].Counts(), results[1].Counts())
		}
	})
}

// FuzzDPMatchesScanMasks does the same on one actor's events whose masks may
// match several steps at once (as in view -> view -> cart).
func FuzzDPMatchesScanMasks(f *testing.F) {
	f.Add([]byte{0, 1, 1, 1, 0, 3, 2, 6, 1, 8, 0, 4}, byte(0))
	f.Add([]byte{0, 7, 0, 7, 1, 2, 1, 12}, byte(3))
	f.Fuzz(func(t *testing.T, data []byte, o byte) {
		var times []int64
		var masks []uint64
		var bd []int32
		var clock int64
		for i := 0; i+1 < len(data); i += 2 {
			clock += int64(data[i] % 3)
			m := uint64(data[i+1] & 7)
			if data[i+1]&8 != 0 {
				m |= 1 << exclShift
			}
			times, masks, bd = append(times, clock), append(masks, m), append(bd, int32(data[i]%4))
		}
		opts := []Option{WithBreakdown("ch", Attribution(o%2))}
		if o/2%2 == 0 {
			opts = append(opts, WithExclusions(Exclusion{Event: "leave", After: "a", Before: "c"}))
		}
		fn := MustNew([]Matcher{{Name: "a", Event: "x"}, {Name: "b", Event: "x"}, {Name: "c", Event: "y"}}, 4*time.Minute, opts...)
		var results [2]Result
		for mode := range results {
			kn := fn.kernel(4)
			kn.scanOnly, kn.plainMax = mode == 1, -1
			acc := newAccum(3, true)
			kn.actor(times, masks, bd, acc)
			results[mode] = fn.result(acc, time.Minute, nil, false)
		}
		if !results[0].Equal(results[1]) {
			t.Fatalf("dp %v, scan %v", results[0].Counts(), results[1].Counts())
		}
	})
}
