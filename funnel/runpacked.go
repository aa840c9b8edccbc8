package funnel

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
)

// This file is Run's usual path for a slice of events: the two passes of
// runfast.go with 12 bytes per event. Each event's time and match-mask ID
// share one uint64: the time since the earliest event of the run in the
// high bits, the mask ID in the low ones. That fits whenever the events
// span less than 2^(64-b) nanoseconds for b bits of mask IDs: 8 bits
// (256 distinct masks) over 2.28 years, 16 bits (the most maskIDs gives)
// under 3.26 days. Otherwise Run takes runWide (14 bytes per event).
//
//  1. Intern the actors in batches, check every event, note the earliest
//     and latest time.
//  2. Count the events of each actor, then walk the events again and
//     write each one's packed time and mask ID straight into the next free
//     place of its actor's run (a stable counting sort without a
//     permutation), in the array that held the actor table's slots.
//  3. Sort each run by time (most are already: a stable sort on the high
//     bits) and run the engine on it. With the default options, no
//     breakdown and at most one step per event, runPacked follows
//     fastOrdered straight on the packed values, without decoding them.

// runTwoPass is Run by two passes over the events. It reports false (and
// no error) when the events have more distinct match masks than mask IDs;
// Run then takes the one-pass path.
func (f Funnel) runTwoPass(op string, events []Event) (Result, bool, error) {
	n := len(events)
	actors := make([]int32, n)
	packed := make([]int64, n) // first the actor table's slots, when long enough
	table := newActorTable(n, packed)
	first, last := int64(math.MaxInt64), int64(math.MinInt64)
	for lo := 0; lo < n; lo += internBatchLen {
		batch := events[lo:min(lo+internBatchLen, n)]
		ids := actors[lo : lo+len(batch)]
		table.internBatch(batch, ids)
		if table.full {
			return Result{}, false, actorsFull(op, lo, ids)
		}
		for i := range batch {
			e := &batch[i]
			if !plainEvent(e) {
				if _, err := checkEvent(op, lo+i, e); err != nil {
					return Result{}, false, err
				}
			}
			t := e.Time.UnixNano()
			first, last = min(first, t), max(last, t)
		}
	}
	shift := packShift(n, first, last)
	if shift == 0 {
		return f.runWide(op, events)
	}
	nActors := table.len()
	ends := make([]uint32, nActors+1)
	for _, a := range actors {
		ends[a]++
	}
	var sum uint32
	for a, k := range ends[:nActors] {
		ends[a] = sum // the start of a's run, then its next free slot
		sum += k
	}
	var bd []int32
	var values Interner
	if f.cfg.hasBD {
		bd = make([]int32, n)
	}
	ids := newMaskIDs(&f)
	maxID := uint16(1<<shift - 1)
	ok := true
	for i := range events {
		e := &events[i]
		// ids.id(e), its cache hit inlined.
		var id uint16
		if sl := &ids.slots[nameSlot(e.Name)]; sl.set && sl.name == e.Name { // set only when masks depend on names alone
			id = sl.id
		} else if id, ok = ids.id(e); !ok {
			return f.runWide(op, events)
		}
		if id > maxID {
			return f.runWide(op, events)
		}
		p := ends[actors[i]]
		ends[actors[i]]++
		packed[p] = int64((uint64(e.Time.UnixNano())-uint64(first))<<shift | uint64(id)) // checked in the first pass
		if bd != nil {
			bd[p] = values.Intern(e.Prop(f.cfg.breakdown))
		}
	}
	// Now ends[a] is the end of a's run, which starts where a-1's ends.
	return f.runRuns(packedRuns{ends[:nActors], packed, shift, first, ids.table, bd, &values}), true, nil
}

// packedRuns are the events of one run by actor, then time: the runs of
// packed values (time since first << shift | mask ID) that end at ends,
// with their breakdown values (nil without a breakdown).
type packedRuns struct {
	ends   []uint32
	packed []int64 // uint64 values, stored as int64 (the array first holds int64 slots)
	shift  uint
	first  int64
	masks  []uint64 // by mask ID
	bd     []int32
	values *Interner // the breakdown values
}

// runRuns sorts each run by time and runs the engine on it.
func (f Funnel) runRuns(r packedRuns) Result {
	acc := newAccum(len(f.steps), r.bd != nil)
	if codes, ok := f.fastCodes(r.masks, r.bd != nil); ok {
		runPacked(r.ends, r.packed, r.shift, codes, len(f.steps), uint64(f.window), acc)
		return f.result(acc, 1, nil, false)
	}
	kn := f.kernel(uint64(f.window))
	kn.empty = r.values.code("")
	var times []int64
	var masks []uint64
	idMask := uint64(1)<<r.shift - 1
	lo := 0
	for _, end := range r.ends {
		hi := int(end)
		var g []int32
		if r.bd != nil {
			g = r.bd[lo:hi]
		}
		run := r.packed[lo:hi]
		sortPacked(run, r.shift, g)
		times, masks = slices.Grow(times[:0], len(run))[:len(run)], slices.Grow(masks[:0], len(run))[:len(run)]
		for j, w := range run {
			v := uint64(w)
			times[j], masks[j] = int64(uint64(r.first)+v>>r.shift), r.masks[v&idMask]
		}
		kn.actor(times, masks, g, acc)
		lo = hi
	}
	var names []string
	if r.bd != nil {
		names = r.values.Names()
	}
	return f.result(acc, 1, names, r.bd != nil)
}

// packShift returns how many low bits of a packed value hold the mask ID
// for n events from first to last (at most 16; 0 when the span leaves
// none).
func packShift(n int, first, last int64) uint {
	if n == 0 {
		return 16
	}
	return uint(min(64-bits.Len64(uint64(last)-uint64(first)), 16))
}

// actorsFull is the error of an actor table out of chunks (see
// actorTable.maxChunks) at the first event of ids (the batch from lo) that
// it could not intern.
func actorsFull(op string, lo int, ids []int32) error {
	i := max(0, slices.Index(ids, -1))
	return fieldErr(op, fmt.Sprintf("events[%d].actor", lo+i), nil, ErrTooLarge,
		"the distinct actor IDs of one run take at most 65,535 chunks of 64 KiB (IDs over 4 KiB take one each): shard by actor (ShardEvents)")
}

// fastCodes returns the step code of each mask ID (0: no step; s: step s)
// when the funnel runs with fastOrdered's options (ordered, restart,
// unique actors, no exclusions, modes or breakdown) and every mask has at
// most one step.
func (f Funnel) fastCodes(table []uint64, breakdown bool) ([]uint8, bool) {
	if f.cfg.order != Ordered || f.cfg.reentry != Restart || f.cfg.counting != Uniques || len(f.excl) != 0 || f.cfg.modes&^DeepestClean != 0 || breakdown {
		return nil, false
	}
	codes := make([]uint8, len(table))
	for id, m := range table {
		m &= 1<<uint(len(f.steps)) - 1
		if bits.OnesCount64(m) > 1 {
			return nil, false
		}
		if m != 0 {
			codes[id] = uint8(bits.TrailingZeros64(m) + 1)
		}
	}
	return codes, true
}

// runPacked is fastOrdered (see there) on the runs of packed values that
// end at ends, each sorted by time first: a run found out of order is
// sorted and walked again.
func runPacked(ends []uint32, packed []int64, shift uint, codes []uint8, k int, window uint64, acc *accum) {
	var lv [MaxSteps][MaxSteps]int64
	var startAt [MaxSteps]int // index of the step-1 event of each depth's attempt
	var hist [MaxSteps + 1]int64
	var first [MaxSteps]int64 // the fill times of the first attempt that reached depth deep
	uk := uint(k)
	idMask := uint64(1)<<shift - 1
	ta := acc.all
	lo := 0
	for _, end := range ends {
		hi := int(end)
		deep := 0
		prev := int64(-1)
		resorted := false // at most once per run: bounded work whatever happens
		for i := lo; i < hi; i++ {
			v := uint64(packed[i])
			t := int64(v >> shift) // time since the earliest event: below 2^63
			if t < prev && !resorted {
				sortPacked(packed[lo:hi], shift, nil)
				i, deep, prev, resorted = lo-1, 0, -1, true
				continue
			}
			prev = t
			s := uint(codes[v&idMask]) - 1
			if s >= uk {
				continue // another event
			}
			if s == 0 {
				lv[0][0], startAt[0] = t, i
				if deep == 0 {
					deep, first[0] = 1, t
				}
			} else if int(s) <= deep && uint64(t-lv[s-1][0]) <= window && (int(s) == deep || startAt[s-1] > startAt[s]) {
				row, from := &lv[s&(MaxSteps-1)], &lv[(s-1)&(MaxSteps-1)]
				if int(s) == deep { // a new depth: its first attempt is kept in first too
					for j := range s {
						v := from[j&(MaxSteps-1)]
						row[j&(MaxSteps-1)], first[j&(MaxSteps-1)] = v, v
					}
					row[s&(MaxSteps-1)], first[s&(MaxSteps-1)] = t, t
					deep++
				} else {
					for j := range s {
						row[j&(MaxSteps-1)] = from[j&(MaxSteps-1)]
					}
					row[s&(MaxSteps-1)] = t
				}
				startAt[s] = startAt[s-1]
			}
		}
		if deep > 0 {
			hist[deep]++
			row := &first
			for s := 1; s < deep; s++ {
				ta.durs[s].add(row[s] - row[s-1])
			}
			if deep == k && k > 1 {
				ta.durs[0].add(row[k-1] - row[0])
			}
		}
		lo = hi
	}
	for l := 1; l <= k; l++ {
		ta.hist[l] += hist[l]
	}
}

// sortPacked sorts one actor's packed values (uint64 in int64) by time
// (the bits above shift), and their breakdown values g alongside if not nil, keeping the
// order of equal times.
func sortPacked(run []int64, shift uint, g []int32) {
	sorted := true
	for i := 1; i < len(run) && sorted; i++ {
		sorted = uint64(run[i])>>shift >= uint64(run[i-1])>>shift
	}
	switch {
	case sorted:
	case len(run) <= 32 && g == nil:
		// Insertion sort: stable, and the fastest on a few values.
		for i := 1; i < len(run); i++ {
			v := run[i]
			j := i
			for ; j > 0 && uint64(v)>>shift < uint64(run[j-1])>>shift; j-- {
				run[j] = run[j-1]
			}
			run[j] = v
		}
	case len(run) <= 32:
		for i := 1; i < len(run); i++ {
			for j := i; j > 0 && uint64(run[j])>>shift < uint64(run[j-1])>>shift; j-- {
				run[j], run[j-1] = run[j-1], run[j]
				g[j], g[j-1] = g[j-1], g[j]
			}
		}
	case g == nil:
		slices.SortStableFunc(run, func(x, y int64) int { return cmpUint(uint64(x)>>shift, uint64(y)>>shift) })
	default:
		perm := make([]int32, len(run))
		for i := range perm {
			perm[i] = int32(i)
		}
		slices.SortStableFunc(perm, func(x, y int32) int { return cmpUint(uint64(run[x])>>shift, uint64(run[y])>>shift) })
		vs, gs := slices.Clone(run), slices.Clone(g)
		for i, p := range perm {
			run[i], g[i] = vs[p], gs[p]
		}
	}
}

// cmpUint is cmp.Compare for uint64.
func cmpUint(x, y uint64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}
