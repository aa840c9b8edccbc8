package funnel

import (
	"math/bits"
	"slices"
	"sort"
)

// This file is the one engine behind both entry points. Input is always a
// run of events sorted by actor, then time (ties in input order), each with
// a match mask (bit i: step i+1; bit 32+x: exclusion x). The columnar path
// derives masks from step codes or event names; the convenient path from
// the steps' event names and predicates.
//
// Five kernels implement it. fastOrdered serves the default options
// (ordered, restart, unique actors, no exclusions, modes or breakdown)
// straight from columnar step codes with one state per depth (the
// ClickHouse windowFunnel / PostHog dynamic programme). dpOrdered is the
// same programme on match masks, with breakdowns and the modes
// StrictDeduplication and SharedEvents. anyOrderBest is a right-to-left
// sweep for any order when each event matches one step. For everything
// else, restart with unique actors follows the attempt of every start:
// scan, event by event, for actors of a few events, and indexedScan, by
// jumps through per-bit occurrence lists, beyond; first entry and attempts
// follow sequential attempts with scan. scan is also the reference: the
// tests run every option combination through the fast kernels and through
// scan alone and require equal results.

const exclShift = 32

// plainEvents is the size up to which an actor's attempts are scanned event
// by event: at most plainEvents² steps, cheaper than indexing below it.
const plainEvents = 32

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
	levels *ActorLevels     // per-actor output, or nil; add fills its last row
}

func newAccum(k int, breakdown bool) *accum {
	a := &accum{k: k, all: newTally(k)}
	if breakdown {
		a.groups = make(map[int32]*tally)
	}
	return a
}

func (a *accum) add(lvl int, t []int64, group int32) {
	if l := a.levels; l != nil {
		r := len(l.Level) - 1
		l.Level[r] = uint8(lvl)
		copy(l.Times[r*a.k:], t)
	}
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
	empty    int32 // the breakdown code of "" (a missing value), -1 if none
	excl     []exclusion
	modes    Mode
	scanOnly bool         // tests: scan every attempt event by event, the reference
	plainMax int          // actors with at most this many events scan event by event (tests: -1)
	occ      *occurrences // scratch of indexedScan, reused between actors
	work     int64        // tests: events and jumps visited, a bound on the work done
}

func (f Funnel) kernel(window uint64) kernel {
	kn := kernel{
		k: len(f.steps), window: window,
		order: f.cfg.order, reentry: f.cfg.reentry, counting: f.cfg.counting, attr: f.cfg.attr,
		excl: f.excl, modes: f.cfg.modes, plainMax: plainEvents, empty: -1,
	}
	kn.stepBits = 1<<uint(kn.k) - 1
	kn.exclBits = (1<<uint(len(f.excl)) - 1) << exclShift
	return kn
}

// attempt is one scanned attempt of one actor.
type attempt struct {
	lvl      int             // steps filled
	excluded bool            // an exclusion fired
	exclLvl  int             // the depth at which it fired
	exclAt   int32           // the event (within the actor) that fired it
	next     int             // where the next sequential attempt may start
	t        [MaxSteps]int64 // time of the n-th fill
	at       [MaxSteps]int32 // event index (within the actor) of the n-th fill
}

// fastOrdered runs the default funnel over step codes (1..k, 0 = another
// tracked event). It keeps, for each depth l, the fill times of the attempt
// with the latest start that reached depth l; a step-l event extends the
// depth l-1 attempt if its window still holds. The actor's result is the
// first attempt to reach the deepest depth (first: a copy made when deep
// grows). It reports the index of the first unsorted event, or -1.
//
// A depth-l attempt is replaced only by one with a later start, so each
// depth keeps the greedy (earliest) fill times of its attempt, as the
// general kernel's scan does.
//
// runPacked repeats this loop's per-event step and per-actor tail on Run's
// packed values: change both together. A shared method for the step is
// not inlined by the compiler and made this kernel 23 % slower, so the two
// copies stay.
func fastOrdered(actors []int32, times []int64, codes []uint8, k int, window uint64, acc *accum) (bad int, badCode bool) {
	var lv [MaxSteps][MaxSteps]int64
	var startAt [MaxSteps]int // index of the step-1 event of each depth's attempt
	var hist [MaxSteps + 1]int64
	var first [MaxSteps]int64 // the fill times of the first attempt that reached depth deep
	var badCodes uint8        // the OR of the codes beyond k: 0 unless one is invalid
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
			s := uint(c) - 1
			if s >= uk {
				badCodes |= c // 0 for another event; an invalid code is reported below
				continue
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
		if i < n && actors[i] < a {
			return i, false
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
	}
	if badCodes != 0 {
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
	if kn.counting == Uniques && kn.reentry == Restart {
		if !kn.scanOnly {
			switch {
			case kn.order == Ordered && len(kn.excl) == 0 && kn.modes&StrictIncrease == 0:
				kn.dpOrdered(times, masks, bd, acc)
				return
			case kn.order == AnyOrder && len(kn.excl) == 0 && kn.modes&^DeepestClean == 0 && kn.singleStep(masks):
				kn.anyOrderBest(times, masks, bd, acc)
				return
			}
		}
		// Every start is a candidate. Attempts of different starts overlap:
		// beyond a few events, follow them through per-bit occurrence
		// lists, not event by event.
		plain := kn.scanOnly || n <= kn.plainMax
		if !plain {
			kn.index(masks)
		}
		var best, cur attempt
		for i := 0; i < n; i++ {
			if masks[i]&startBits == 0 {
				continue
			}
			if plain {
				kn.scan(times, masks, i, false, &cur)
			} else {
				kn.indexedScan(times, masks, i, &cur)
			}
			if better(&cur, &best, kn.order != AnyOrder && kn.modes&DeepestClean == 0, true) {
				best = cur
			}
		}
		kn.record(&best, masks, bd, acc)
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
			kn.record(&cur, masks, bd, acc)
		} else if better(&cur, &best, false, false) {
			best = cur
		}
		i = cur.next
	}
	if kn.counting == Uniques {
		kn.record(&best, masks, bd, acc)
	}
}

// better reports whether attempt cur, which started after best, is the
// better one for its actor.
//
// With posthog set (Restart, unique actors, in order or strict order) it
// follows PostHog's funnel,
// which keeps the deepest step reached and replaces it only by a deeper
// one, or by one as deep when the kept one is excluded by then: cur is
// better when it reaches a greater depth (see reach), when it reaches the
// same depth at the same event (PostHog follows the latest step-1 event
// into each step), or when best was excluded before cur reached that
// depth. An actor whose kept attempt is excluded is dropped (record), even
// if a shallower attempt was clean.
//
// Otherwise (any order, FirstEntry) an excluded attempt is never better:
// the actor counts at its deepest attempt that was not excluded, the first
// of equally deep ones to reach that depth; with restart set (any order) a
// later start that reached it at the same event replaces it.
func better(cur, best *attempt, posthog, restart bool) bool {
	if !posthog {
		if cur.excluded {
			return false
		}
		if cur.lvl != best.lvl {
			return cur.lvl > best.lvl
		}
		return restart && cur.lvl > 0 && cur.at[cur.lvl-1] == best.at[best.lvl-1]
	}
	cl, cat := reach(cur)
	bl, bat := reach(best)
	if cl != bl {
		return cl > bl
	}
	return cl > 0 && (cat == bat || (best.excluded && best.exclAt < cat))
}

// reach returns the depth that attempt a competes with when an actor's
// attempt is chosen, and the event at which it reached it. An excluded
// attempt competes up to one step past the depth at which its exclusion
// fired: in PostHog's funnel an excluded attempt still moves on once, as
// the deepest step reached, but is not followed further.
func reach(a *attempt) (int, int32) {
	lvl := a.lvl
	if a.excluded {
		lvl = min(lvl, a.exclLvl+1)
	}
	if lvl == 0 {
		return 0, -1
	}
	return lvl, a.at[lvl-1]
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
// It keeps the deepest attempt and, of equally deep ones, the first to
// reach that depth (the latest start of those reaching it at the same
// event), as the scan does (the tests compare the two).
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
		if cur.lvl > best.lvl || (cur.lvl == best.lvl && cur.at[cur.lvl-1] < best.at[best.lvl-1]) {
			best = cur // deeper, or as deep and reached first (starts go right to left)
		}
		next[s0] = i
	}
	kn.record(&best, masks, bd, acc)
}

// dpOrdered is the default order, re-entry and counting on match masks,
// without exclusions, with breakdowns and the modes StrictDeduplication
// and SharedEvents, in O(events × steps): for each depth d it keeps the
// attempt with the latest start that reached d (rows[d]: its fill times;
// startAt, lastAt: its first and last events; dead: a duplicate ended it).
// The steps an event matches are taken from the last to the first, so an
// event moves each attempt at most one step (with SharedEvents from the
// first to the last, so it may move one attempt several steps). The
// actor's result is the attempt in rows[d] when d first became the
// deepest (first, firstStart, firstLast). It equals scanning every attempt
// and keeping the deepest, of equally deep ones the first to reach that
// depth: an attempt dropped here for a later start at the same depth
// reaches each further depth at the same event as the later one, or not
// at all, so the scan would choose the later start.
func (kn *kernel) dpOrdered(times []int64, masks []uint64, bd []int32, acc *accum) {
	var rows [MaxSteps + 1][MaxSteps]int64
	var startAt, lastAt [MaxSteps + 1]int
	var dead [MaxSteps + 1]bool
	shared, dedup := kn.modes&SharedEvents != 0, kn.modes&StrictDeduplication != 0
	deep := 0
	// The first attempt that reached depth deep: its fill times and its
	// first and last events (the one the result reports).
	var first [MaxSteps]int64
	var firstStart, firstLast int
	for i, m := range masks {
		m &= kn.stepBits
		if m == 0 {
			continue
		}
		kn.work++
		t := times[i]
		var touched uint64 // bit d: the attempt at depth d moved on, or was written, at this event
		for x := m; x != 0; {
			s := 63 - bits.LeadingZeros64(x)
			if shared {
				s = bits.TrailingZeros64(x)
			}
			x &^= 1 << uint(s)
			if s == 0 {
				rows[1][0], startAt[1], lastAt[1], dead[1] = t, i, i, false
				if deep == 0 {
					deep, first[0], firstStart, firstLast = 1, t, i, i
				}
				touched |= 1 << 1
				continue
			}
			if s > deep || dead[s] || uint64(t-rows[s][0]) > kn.window || (s < deep && startAt[s] <= startAt[s+1]) {
				continue
			}
			copy(rows[s+1][:s], rows[s][:s])
			rows[s+1][s] = t
			startAt[s+1], lastAt[s+1], dead[s+1] = startAt[s], i, false
			if s+1 > deep {
				deep, firstStart, firstLast = s+1, startAt[s], i
				copy(first[:deep], rows[deep][:deep])
			}
			touched |= 1<<uint(s) | 1<<uint(s+1)
		}
		if dedup {
			// A repeat of a step in 2..d ends the attempt at depth d,
			// unless the event moved it on.
			for d := 2; d <= deep; d++ {
				if touched>>uint(d)&1 == 0 && m&(1<<uint(d)-2) != 0 {
					dead[d] = true
				}
			}
		}
	}
	if deep == 0 {
		return
	}
	var g int32
	if bd != nil {
		g = kn.group(masks, bd, firstStart, firstLast)
	}
	acc.add(deep, first[:deep], g)
}

// record counts a scanned attempt unless it is empty or excluded, in the
// breakdown group its attribution gives: for unique actors with FirstTouch
// or LastTouch the actor's touch (see touch); otherwise the value at the
// attempt's step 1 (AtFirstStep, and FirstTouch for Attempts) or at its
// deepest step (AtLastStep, and LastTouch for Attempts).
func (kn *kernel) record(a *attempt, masks []uint64, bd []int32, acc *accum) {
	if a.lvl == 0 || a.excluded {
		return
	}
	var g int32
	if bd != nil {
		g = kn.group(masks, bd, int(a.at[0]), int(a.at[a.lvl-1]))
	}
	acc.add(a.lvl, a.t[:a.lvl], g)
}

// group returns the breakdown group of a counted attempt whose step-1 and
// deepest events are start and last: for unique actors with FirstTouch or
// LastTouch the actor's touch (see touch); otherwise, or when the actor has
// no value, the value at start (AtFirstStep, FirstTouch) or at last
// (AtLastStep, LastTouch).
func (kn *kernel) group(masks []uint64, bd []int32, start, last int) int32 {
	if kn.counting == Uniques && (kn.attr == FirstTouch || kn.attr == LastTouch) {
		if g, ok := kn.touch(masks, bd); ok {
			return g
		}
	}
	if kn.attr == AtLastStep || kn.attr == LastTouch {
		return bd[last]
	}
	return bd[start]
}

// touch returns an actor's breakdown group as PostHog's first and last
// touch attribute it (argMinIf and argMaxIf of the value over the person's
// funnel events): the first (FirstTouch) or last (LastTouch) value that is
// not missing ("") among the actor's events that match a step, in strict
// order among all its events (PostHog's strict funnel reads every event of
// the person). It reports false when every such value is missing: the
// group is then "".
func (kn *kernel) touch(masks []uint64, bd []int32) (int32, bool) {
	last := kn.attr == LastTouch
	found, g := false, int32(0)
	for i, m := range masks {
		if (m&kn.stepBits == 0 && kn.order != Strict) || bd[i] == kn.empty {
			continue
		}
		found, g = true, bd[i]
		if !last {
			break
		}
	}
	return g, found
}

// scan follows the attempt that starts at event i greedily, event by
// event: each event fills at most one step (with SharedEvents, each
// following step it also matches), the earliest step it can fill. It stops
// at completion, at the first event past the window, at an event that
// ends the attempt (see ends), or (segment) at a step-1 event that fills
// nothing.
func (kn *kernel) scan(times []int64, masks []uint64, i int, segment bool, a *attempt) {
	n := len(times)
	t0 := times[i]
	first := masks[i] & kn.stepBits
	if kn.order != AnyOrder {
		first = 1
	}
	first &= -first
	filled := first
	a.lvl, a.excluded, a.next = 1, false, n
	a.t[0], a.at[0] = t0, int32(i)
	if kn.fillShared(masks[i], t0, i, &filled, a) {
		a.next = i + 1
		return
	}
	for j := i + 1; j < n; j++ {
		kn.work++
		t := times[j]
		if uint64(t-t0) > kn.window {
			a.next = j
			return
		}
		m := masks[j]
		if fill := kn.fillBit(m, t, filled, a); fill != 0 {
			filled |= fill
			a.t[a.lvl], a.at[a.lvl] = t, int32(j)
			a.lvl++
			if kn.fillShared(m, t, j, &filled, a) {
				a.next = j + 1
				return
			}
			continue
		}
		if m&kn.exclBits != 0 && !a.excluded && kn.active(m, a.lvl) {
			a.excluded, a.exclLvl, a.exclAt = true, a.lvl, int32(j)
		}
		if kn.ends(m, filled&^first, a.lvl) || (segment && m&1 != 0) {
			a.next = j
			return
		}
	}
}

// fillBit returns the step bit that an event with mask m at time t fills
// in attempt a with steps filled (0 for none): the next step in order, the
// first unfilled step it matches in any order; with StrictIncrease only
// after the time of the last fill.
func (kn *kernel) fillBit(m uint64, t int64, filled uint64, a *attempt) uint64 {
	if kn.modes&StrictIncrease != 0 && t <= a.t[a.lvl-1] {
		return 0
	}
	if kn.order == AnyOrder {
		f := m & kn.stepBits &^ filled
		return f & -f
	}
	return m & (1 << uint(a.lvl))
}

// fillShared is called after event j (mask m, time t) filled a step of a:
// with SharedEvents it lets the event fill every further step it can. It
// reports whether the attempt is complete.
func (kn *kernel) fillShared(m uint64, t int64, j int, filled *uint64, a *attempt) bool {
	for a.lvl < kn.k {
		if kn.modes&SharedEvents == 0 {
			return false
		}
		f := kn.fillBit(m, t, *filled, a)
		if f == 0 {
			return false
		}
		*filled |= f
		a.t[a.lvl], a.at[a.lvl] = t, int32(j)
		a.lvl++
	}
	return true
}

// ends reports whether an event with mask m that fills nothing ends an
// attempt at depth lvl whose steps after the first are dup: with
// StrictDeduplication when it repeats one of them; in strict order unless
// it continues the attempt (see continues).
func (kn *kernel) ends(m, dup uint64, lvl int) bool {
	if kn.modes&StrictDeduplication != 0 && m&dup != 0 {
		return true
	}
	return kn.order == Strict && !kn.continues(m, lvl)
}

// continues reports whether, in strict order, an event with mask m that
// fills nothing lets an attempt at depth lvl go on: it repeats step lvl
// (PostHog and ClickHouse: "a b b c" reaches 3), or it is an event of any
// step and AllowReentry is set (a re-entry into an earlier step, or a step
// ahead of the next, is passed over as ClickHouse's allow_reentry passes
// over an event whose previous step is not reached); an event matching an
// exclusion never continues an attempt. (A duplicate under StrictDeduplication ends the attempt
// before this is asked: see ends, and indexedScan's stop.)
func (kn *kernel) continues(m uint64, lvl int) bool {
	if m&kn.exclBits != 0 {
		return false
	}
	return m&(1<<uint(lvl-1)) != 0 || (kn.modes&AllowReentry != 0 && m&kn.stepBits != 0)
}

// occurrences lists, for each match bit (step i, or exclusion at
// exclShift + x), the indices of one actor's events that have it, in
// order; in strict order brk[l][j] is the first event at or after j that
// ends an attempt at depth l unless it fills a step (see continues).
type occurrences struct {
	at    [64][]int32
	brk   [MaxSteps][]int32
	built uint64 // bit l: brk[l] holds the current actor's row
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
	kn.occ.built = 0 // strict order: brk is built per depth when first needed
}

// brkFrom returns brk[lvl][pos] for the actor's masks, building brk[lvl]
// the first time the actor needs it (most attempts end early, so the
// deep rows are seldom built).
func (kn *kernel) brkFrom(masks []uint64, lvl, pos int) int {
	o := kn.occ
	if o.built&(1<<uint(lvl)) == 0 {
		n := len(masks)
		brk := slices.Grow(o.brk[lvl][:0], n+1)[:n+1]
		brk[n] = int32(n)
		for j := n - 1; j >= 0; j-- {
			brk[j] = int32(j)
			if kn.continues(masks[j], lvl) {
				brk[j] = brk[j+1]
			}
		}
		o.brk[lvl] = brk
		o.built |= 1 << uint(lvl)
	}
	return int(o.brk[lvl][pos])
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

// indexedScan is scan (not segmented) on kn.occ: instead of reading every
// event of the window it jumps to the next event that fills a step (the
// first occurrence of a fillable step's bit) and asks whether an event
// before it ends the attempt (a duplicate, a break in strict order) and
// whether an exclusion active at the current depth occurs up to there.
// With at most k fills, a start costs O(k × (k + exclusions) × log events)
// whatever the number of events in its window.
func (kn *kernel) indexedScan(times []int64, masks []uint64, i int, a *attempt) {
	n := len(times)
	t0 := times[i]
	// end: the first event past the window (times are sorted).
	end := i + 1 + sort.Search(n-i-1, func(d int) bool { return uint64(times[i+1+d]-t0) > kn.window })
	first := masks[i] & kn.stepBits
	if kn.order != AnyOrder {
		first = 1
	}
	first &= -first
	filled := first
	a.lvl, a.excluded, a.next = 1, false, n
	a.t[0], a.at[0] = t0, int32(i)
	if kn.fillShared(masks[i], t0, i, &filled, a) {
		return
	}
	for pos := i + 1; ; {
		kn.work++
		// from: the first event that may fill a step.
		from := pos
		if kn.modes&StrictIncrease != 0 {
			last := a.t[a.lvl-1]
			from += sort.Search(end-pos, func(d int) bool { return times[pos+d] > last })
		}
		nxt := end
		if kn.order == AnyOrder {
			for x := kn.stepBits &^ filled; x != 0; x &= x - 1 {
				nxt = kn.occ.firstFrom(trailingZeros(x), from, nxt)
			}
		} else {
			nxt = kn.occ.firstFrom(a.lvl, from, end)
		}
		// stop: the first event before nxt that ends the attempt, or nxt.
		stop := nxt
		if kn.modes&StrictDeduplication != 0 {
			for x := filled &^ first; x != 0; x &= x - 1 {
				stop = kn.occ.firstFrom(trailingZeros(x), pos, stop)
			}
		}
		if kn.order == Strict {
			stop = min(stop, kn.brkFrom(masks, a.lvl, pos))
		}
		lim := stop // exclusions count up to the event that ends the attempt
		if stop < nxt {
			lim = stop + 1
		}
		if !a.excluded {
			// The first exclusion event active at this depth.
			for x := kn.exclBits >> exclShift; x != 0; x &= x - 1 {
				b := trailingZeros(x)
				if e := kn.excl[b]; a.lvl >= e.after && a.lvl < e.before {
					if at := kn.occ.firstFrom(exclShift+b, pos, lim); at < lim && (!a.excluded || int32(at) < a.exclAt) {
						a.excluded, a.exclLvl, a.exclAt = true, a.lvl, int32(at)
					}
				}
			}
		}
		if stop < nxt || nxt == end {
			a.next = stop
			return
		}
		f := kn.fillBit(masks[nxt], times[nxt], filled, a)
		filled |= f
		a.t[a.lvl], a.at[a.lvl] = times[nxt], int32(nxt)
		a.lvl++
		if kn.fillShared(masks[nxt], times[nxt], nxt, &filled, a) {
			a.next = nxt + 1
			return
		}
		pos = nxt + 1
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
