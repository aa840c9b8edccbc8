package funnel

import (
	"math/bits"
	"slices"
	"sort"
)

// This file is the one engine behind both entry points. Input is always a
// run of events sorted by actor, then time (ties in input order), each with
// a match mask (bit i: step i+1; bit 32+x: exclusion x). The columnar path
// derives masks from step codes; the convenient path from the steps'
// event names and predicates.
//
// Three kernels implement it. fastOrdered serves the default options
// (ordered, restart, unique actors, no exclusions, no breakdown) straight
// from columnar step codes with one state per depth (the ClickHouse
// windowFunnel / PostHog dynamic programme). dpOrdered is the same
// programme on match masks, with exclusions and breakdowns; it serves the
// default order, re-entry and counting on the convenient path and on
// columns with exclusions or a breakdown. scan serves every other option by
// following attempts actor by actor. They agree wherever they overlap; the
// tests check them against each other and against a naive reference.

const exclShift = 32

// tally accumulates the result of one group (all actors, or one breakdown
// value): how many attempts or actors stopped at each depth, and the
// durations between consecutive steps.
type tally struct {
	hist []int64   // hist[l]: counted at depth l (1..k); hist[0] unused
	durs []durList // durs[s], s in 1..k-1: step s -> s+1 (1-based); durs[0]: step 1 -> step k
}

func newTally(k int) *tally {
	return &tally{hist: make([]int64, k+1), durs: make([]durList, k)}
}

// add counts one attempt of depth lvl with fill times t[0:lvl].
func (ta *tally) add(lvl int, t []int64) {
	ta.hist[lvl]++
	for s := 1; s < lvl; s++ {
		ta.durs[s].add(t[s] - t[s-1])
	}
	if k := len(ta.hist) - 1; lvl == k && k > 1 {
		ta.durs[0].add(t[k-1] - t[0])
	}
}

// accum is the state of one run.
type accum struct {
	k      int
	all    *tally
	groups map[int32]*tally // nil without a breakdown
}

func newAccum(k int, breakdown bool) *accum {
	a := &accum{k: k, all: newTally(k)}
	if breakdown {
		a.groups = make(map[int32]*tally)
	}
	return a
}

func (a *accum) add(lvl int, t []int64, group int32) {
	a.all.add(lvl, t)
	if a.groups != nil {
		g := a.groups[group]
		if g == nil {
			g = newTally(a.k)
			a.groups[group] = g
		}
		g.add(lvl, t)
	}
}

// kernel is a funnel compiled for one run: window in ticks and options.
type kernel struct {
	k        int
	window   uint64
	stepBits uint64
	exclBits uint64
	order    StepOrder
	reentry  Reentry
	counting Counting
	attr     Attribution
	excl     []exclusion
	scanOnly bool         // tests: use attempt scans even where dpOrdered applies
	occ      *occurrences // scratch of indexedScan, reused between actors
}

func (f Funnel) kernel(window uint64) kernel {
	kn := kernel{
		k: len(f.steps), window: window,
		order: f.cfg.order, reentry: f.cfg.reentry, counting: f.cfg.counting, attr: f.cfg.attr,
		excl: f.excl,
	}
	kn.stepBits = 1<<uint(kn.k) - 1
	kn.exclBits = (1<<uint(len(f.excl)) - 1) << exclShift
	return kn
}

// attempt is one scanned attempt of one actor.
type attempt struct {
	lvl      int             // steps filled
	excluded bool            // an exclusion fired
	next     int             // where the next sequential attempt may start
	t        [MaxSteps]int64 // time of the n-th fill
	at       [MaxSteps]int32 // event index (within the actor) of the n-th fill
}

// fastOrdered runs the default funnel over step codes (1..k, 0 = another
// tracked event). It keeps, for each depth l, the fill times of the attempt
// with the latest start that reached depth l; a step-l event extends the
// depth l-1 attempt if its window still holds. It reports the index of the
// first unsorted event, or -1.
//
// A depth-l attempt is replaced only by one with a later start, so each
// depth keeps the greedy (earliest) fill times of its attempt, as the
// general kernel's scan does.
func fastOrdered(actors []int32, times []int64, codes []uint8, k int, window uint64, acc *accum) (bad int, badCode bool) {
	var lv [MaxSteps][MaxSteps]int64
	var startAt [MaxSteps]int // index of the step-1 event of each depth's attempt
	var hist [MaxSteps + 1]int64
	var maxCode uint8
	n := len(actors)
	times, codes = times[:n], codes[:n]
	uk := uint(k)
	ta := acc.all
	i := 0
	for i < n {
		a := actors[i]
		deep := 0
		prev := times[i]
		for ; i < n && actors[i] == a; i++ {
			t := times[i]
			if t < prev {
				return i, false
			}
			prev = t
			c := codes[i]
			maxCode = max(maxCode, c)
			s := uint(c) - 1
			if s >= uk {
				continue // another event, or an invalid code reported below
			}
			if s == 0 {
				lv[0][0], startAt[0] = t, i
				deep = max(deep, 1)
			} else if int(s) <= deep && uint64(t-lv[s-1][0]) <= window && (int(s) == deep || startAt[s-1] > startAt[s]) {
				row, from := &lv[s&(MaxSteps-1)], &lv[(s-1)&(MaxSteps-1)]
				copy(row[:s], from[:s])
				row[s&(MaxSteps-1)], startAt[s] = t, startAt[s-1]
				if int(s) == deep {
					deep++
				}
			}
		}
		if i < n && actors[i] < a {
			return i, false
		}
		if deep > 0 {
			hist[deep]++
			row := &lv[deep-1]
			for s := 1; s < deep; s++ {
				ta.durs[s].add(row[s] - row[s-1])
			}
			if deep == k && k > 1 {
				ta.durs[0].add(row[k-1] - row[0])
			}
		}
	}
	if int(maxCode) > k {
		for i, c := range codes {
			if int(c) > k {
				return i, true
			}
		}
	}
	for l := 1; l <= k; l++ {
		ta.hist[l] += hist[l]
	}
	return -1, false
}

// actor runs every option on the events of one actor.
func (kn *kernel) actor(times []int64, masks []uint64, bd []int32, acc *accum) {
	n := len(times)
	startBits := uint64(1)
	if kn.order == AnyOrder {
		startBits = kn.stepBits
	}
	if kn.order == Ordered && kn.counting == Uniques && kn.reentry == Restart && !kn.scanOnly {
		kn.dpOrdered(times, masks, bd, acc)
		return
	}
	if kn.counting == Uniques && kn.reentry == Restart {
		if kn.order == AnyOrder && len(kn.excl) == 0 && !kn.scanOnly && kn.singleStep(masks) {
			kn.anyOrderBest(times, masks, bd, acc)
			return
		}
		// Every start is a candidate; keep the deepest, the latest on a tie.
		// In any order the attempts of different starts overlap: follow
		// them through per-bit occurrence lists, not event by event.
		indexed := kn.order == AnyOrder && !kn.scanOnly
		if indexed {
			kn.index(masks)
		}
		var best, cur attempt
		for i := 0; i < n; i++ {
			if masks[i]&startBits == 0 {
				continue
			}
			if indexed {
				kn.indexedScan(times, masks, i, &cur)
			} else {
				kn.scan(times, masks, i, false, &cur)
			}
			if cur.lvl >= best.lvl {
				best = cur
			}
		}
		kn.record(&best, bd, acc)
		return
	}
	// Sequential attempts that share no events.
	segment := kn.counting == Attempts && kn.reentry == Restart && kn.order != AnyOrder
	var best, cur attempt
	for i := 0; i < n; {
		if masks[i]&startBits == 0 {
			i++
			continue
		}
		kn.scan(times, masks, i, segment, &cur)
		if kn.counting == Attempts {
			kn.record(&cur, bd, acc)
		} else if cur.lvl > best.lvl {
			best = cur
		}
		i = cur.next
	}
	if kn.counting == Uniques {
		kn.record(&best, bd, acc)
	}
}

// singleStep reports whether every event matches at most one step.
func (kn *kernel) singleStep(masks []uint64) bool {
	for _, m := range masks {
		if m &= kn.stepBits; m&(m-1) != 0 {
			return false
		}
	}
	return true
}

// anyOrderBest is the any-order, restart, unique-actor attempt scan for
// events that each match at most one step and no exclusions, in
// O(events × steps) instead of O(events × events in a window). With one
// step per event, the greedy attempt from start i fills each other step
// with its first event after i inside the window, so a right-to-left sweep
// that keeps the next event of every step gives each attempt in O(steps).
// It keeps the deepest attempt, the latest start on a tie, as the scan
// does (the tests compare the two).
func (kn *kernel) anyOrderBest(times []int64, masks []uint64, bd []int32, acc *accum) {
	var next [MaxSteps]int
	for s := range next {
		next[s] = -1
	}
	var best, cur attempt
	var idx [MaxSteps]int
	for i := len(masks) - 1; i >= 0; i-- {
		m := masks[i] & kn.stepBits
		if m == 0 {
			continue
		}
		s0 := trailingZeros(m)
		n := 0
		for s := 0; s < kn.k; s++ {
			if j := next[s]; s != s0 && j >= 0 && uint64(times[j]-times[i]) <= kn.window {
				// Insertion in index order: at most MaxSteps − 1 fills.
				p := n
				for ; p > 0 && idx[p-1] > j; p-- {
					idx[p] = idx[p-1]
				}
				idx[p] = j
				n++
			}
		}
		cur.lvl, cur.excluded = n+1, false
		cur.t[0], cur.at[0] = times[i], int32(i)
		for f, j := range idx[:n] {
			cur.t[f+1], cur.at[f+1] = times[j], int32(j)
		}
		if cur.lvl > best.lvl {
			best = cur
		}
		next[s0] = i
	}
	kn.record(&best, bd, acc)
}

// dpOrdered is the default semantics (ordered, restart, unique actors) on
// match masks, with exclusions and breakdowns, in O(events × steps): for
// each depth d it keeps the attempt with the latest start that reached d
// (rows[d]: its fill times; startAt, lastAt: its first and last events;
// excl: whether an exclusion fired inside it). The steps an event matches
// are taken from the last to the first, so an event moves each attempt at
// most one step. The result equals scanning every attempt and keeping the
// deepest, latest-started one: a later start at the same depth reaches at
// least as far, so the attempts dropped here are never the chosen one.
func (kn *kernel) dpOrdered(times []int64, masks []uint64, bd []int32, acc *accum) {
	var rows [MaxSteps + 1][MaxSteps]int64
	var startAt, lastAt [MaxSteps + 1]int
	var excl [MaxSteps + 1]bool
	deep := 0
	for i, m := range masks {
		t := times[i]
		var wrote uint64
		for x := m & kn.stepBits; x != 0; {
			s := 63 - bits.LeadingZeros64(x)
			x &^= 1 << uint(s)
			if s == 0 {
				rows[1][0], startAt[1], lastAt[1], excl[1] = t, i, i, false
				deep = max(deep, 1)
				wrote |= 1 << 1
				continue
			}
			if s > deep || uint64(t-rows[s][0]) > kn.window || (s < deep && startAt[s] <= startAt[s+1]) {
				continue
			}
			copy(rows[s+1][:s], rows[s][:s])
			rows[s+1][s] = t
			startAt[s+1], lastAt[s+1], excl[s+1] = startAt[s], i, excl[s]
			deep = max(deep, s+1)
			wrote |= 1 << uint(s+1)
		}
		if m&kn.exclBits == 0 {
			continue
		}
		for d := 1; d <= deep; d++ {
			if wrote>>uint(d)&1 != 0 || excl[d] || uint64(t-rows[d][0]) > kn.window {
				continue
			}
			excl[d] = kn.active(m, d)
		}
	}
	if deep == 0 || excl[deep] {
		return
	}
	var g int32
	if bd != nil {
		if kn.attr == AtLastStep {
			g = bd[lastAt[deep]]
		} else {
			g = bd[startAt[deep]]
		}
	}
	acc.add(deep, rows[deep][:deep], g)
}

// record counts a scanned attempt unless it is empty or excluded.
func (kn *kernel) record(a *attempt, bd []int32, acc *accum) {
	if a.lvl == 0 || a.excluded {
		return
	}
	var g int32
	if bd != nil {
		if kn.attr == AtLastStep {
			g = bd[a.at[a.lvl-1]]
		} else {
			g = bd[a.at[0]]
		}
	}
	acc.add(a.lvl, a.t[:a.lvl], g)
}

// scan follows the attempt that starts at event i greedily: each event
// fills at most one step, the earliest step it can fill. It stops at
// completion, at the first event past the window, at a break in strict
// order, or (segment) at a step-1 event that fills nothing.
func (kn *kernel) scan(times []int64, masks []uint64, i int, segment bool, a *attempt) {
	n := len(times)
	t0 := times[i]
	var filled uint64
	first := masks[i] & kn.stepBits
	if kn.order != AnyOrder {
		first = 1
	}
	first &= -first
	filled = first
	a.lvl, a.excluded, a.next = 1, false, n
	a.t[0], a.at[0] = t0, int32(i)
	if kn.k == 1 {
		a.next = i + 1
		return
	}
	for j := i + 1; j < n; j++ {
		t := times[j]
		if uint64(t-t0) > kn.window {
			a.next = j
			return
		}
		m := masks[j]
		var fill uint64
		if kn.order == AnyOrder {
			fill = m & kn.stepBits &^ filled
			fill &= -fill
		} else {
			fill = m & (1 << uint(a.lvl))
		}
		if fill != 0 {
			filled |= fill
			a.t[a.lvl], a.at[a.lvl] = t, int32(j)
			a.lvl++
			if a.lvl == kn.k {
				a.next = j + 1
				return
			}
			continue
		}
		if m&kn.exclBits != 0 {
			kn.exclude(m, a)
		}
		if kn.order == Strict || (segment && m&1 != 0) {
			a.next = j
			return
		}
	}
}

// occurrences lists, for each match bit (step i, or exclusion at
// exclShift + x), the indices of one actor's events that have it, in
// order.
type occurrences struct {
	at [64][]int32
}

// index fills kn.occ for one actor's masks: O(events × bits set).
func (kn *kernel) index(masks []uint64) {
	if kn.occ == nil {
		kn.occ = &occurrences{}
	}
	for b := range kn.occ.at {
		kn.occ.at[b] = kn.occ.at[b][:0]
	}
	for j, m := range masks {
		for x := m & (kn.stepBits | kn.exclBits); x != 0; x &= x - 1 {
			b := trailingZeros(x)
			kn.occ.at[b] = append(kn.occ.at[b], int32(j))
		}
	}
}

// firstFrom returns the first index >= pos of an event with bit b, or end.
func (o *occurrences) firstFrom(b int, pos, end int) int {
	list := o.at[b]
	k, _ := slices.BinarySearch(list, int32(pos))
	if k < len(list) && int(list[k]) < end {
		return int(list[k])
	}
	return end
}

// indexedScan is scan (any order, not segmented) on kn.occ: instead of
// reading every event of the window it jumps to the next event that fills
// an unfilled step (the first occurrence of any unfilled step's bit) and
// asks whether an exclusion active at the current depth occurs before it.
// With at most k fills, a start costs O(k × (k + exclusions) × log events)
// whatever the number of events in its window.
func (kn *kernel) indexedScan(times []int64, masks []uint64, i int, a *attempt) {
	n := len(times)
	t0 := times[i]
	// end: the first event past the window (times are sorted).
	end := i + 1 + sort.Search(n-i-1, func(d int) bool { return uint64(times[i+1+d]-t0) > kn.window })
	filled := masks[i] & kn.stepBits
	filled &= -filled
	a.lvl, a.excluded, a.next = 1, false, n
	a.t[0], a.at[0] = t0, int32(i)
	if kn.k == 1 {
		a.next = i + 1
		return
	}
	for pos := i + 1; ; {
		nxt := end
		for x := kn.stepBits &^ filled; x != 0; x &= x - 1 {
			nxt = kn.occ.firstFrom(trailingZeros(x), pos, nxt)
		}
		if !a.excluded {
			for x := kn.exclBits >> exclShift; x != 0; x &= x - 1 {
				b := trailingZeros(x)
				if e := kn.excl[b]; a.lvl >= e.after && a.lvl < e.before && kn.occ.firstFrom(exclShift+b, pos, nxt) < nxt {
					a.excluded = true
					break
				}
			}
		}
		if nxt == end {
			a.next = end
			return
		}
		fill := masks[nxt] & kn.stepBits &^ filled
		fill &= -fill
		filled |= fill
		a.t[a.lvl], a.at[a.lvl] = times[nxt], int32(nxt)
		a.lvl++
		if a.lvl == kn.k {
			a.next = nxt + 1
			return
		}
		pos = nxt + 1
	}
}

// exclude marks a excluded when one of m's exclusions is active at a's depth.
func (kn *kernel) exclude(m uint64, a *attempt) {
	if kn.active(m, a.lvl) {
		a.excluded = true
	}
}

// active reports whether one of the exclusions in m applies at depth lvl.
func (kn *kernel) active(m uint64, lvl int) bool {
	for x := m & kn.exclBits >> exclShift; x != 0; x &= x - 1 {
		e := kn.excl[bits.TrailingZeros64(x)]
		if lvl >= e.after && lvl < e.before {
			return true
		}
	}
	return false
}
