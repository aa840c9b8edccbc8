package funnel

import "slices"

// This file is Run's wide path for a slice of events (the usual path,
// runpacked.go, packs time and mask ID in 8 bytes; this one is for events
// whose span leaves too few bits for that): two passes over the events,
// so that the engine keeps 14 bytes per event (an actor ID, a time and a
// 2-byte match-mask ID) plus a few per actor, instead of building columns
// in input order and moving them into actor order.
//
//  1. Intern the actors in batches (see actorTable.internBatch), check
//     every event, count the events of each actor.
//  2. Walk the events again and write each one's time and mask ID
//     straight into the next free slot of its actor's run, so that the
//     runs keep input order (a stable counting sort without a
//     permutation).
//
// Then each run is sorted by time (most are already) and goes to the
// engine with its masks looked up from the IDs.

// maskIDs numbers the distinct match masks of one run (at most 65,535;
// beyond, Run falls back to the one-pass path). Names map to IDs through a
// slot cache as in nameMasks when no step or exclusion has a predicate.
type maskIDs struct {
	f      *Funnel
	byName bool
	ids    map[uint64]uint16
	table  []uint64
	slots  [nameSlots]struct {
		name string
		id   uint16
		set  bool
	}
}

func newMaskIDs(f *Funnel) *maskIDs {
	return &maskIDs{f: f, byName: f.byName(), ids: map[uint64]uint16{}}
}

// id returns the ID of e's match mask, or false when there are too many.
func (m *maskIDs) id(e *Event) (uint16, bool) {
	if !m.byName {
		return m.idOf(m.f.stepMask(e))
	}
	name := e.Name
	s := &m.slots[nameSlot(name)]
	if s.set && s.name == name {
		return s.id, true
	}
	id, ok := m.idOf(m.f.stepMask(e))
	s.name, s.id, s.set = name, id, ok
	return id, ok
}

func (m *maskIDs) idOf(mask uint64) (uint16, bool) {
	if id, ok := m.ids[mask]; ok {
		return id, true
	}
	if len(m.table) == 1<<16-1 {
		return 0, false
	}
	id := uint16(len(m.table))
	m.ids[mask] = id
	m.table = append(m.table, mask)
	return id, true
}

// runWide is runTwoPass with a time column and a 2-byte mask-ID column
// (14 bytes per event), for events whose times and mask IDs do not fit
// one uint64 (see runTwoPass). It reports false (and no error) when the
// events have more distinct match masks than mask IDs; Run then takes the
// one-pass path.
func (f Funnel) runWide(op string, events []Event) (Result, bool, error) {
	n := len(events)
	actors := make([]int32, n)
	table := newActorTable(n, nil)
	for lo := 0; lo < n; lo += internBatchLen {
		batch := events[lo:min(lo+internBatchLen, n)]
		table.internBatch(batch, actors[lo:lo+len(batch)])
		if table.full {
			return Result{}, false, actorsFull(op, lo, actors[lo:lo+len(batch)])
		}
		for i := range batch {
			if _, err := checkEvent(op, lo+i, &batch[i]); err != nil {
				return Result{}, false, err
			}
		}
	}
	starts, next := runStarts(actors, table.len())
	times, mids := make([]int64, n), make([]uint16, n)
	var bd []int32
	var values Interner
	if f.cfg.hasBD {
		bd = make([]int32, n)
	}
	ids := newMaskIDs(&f)
	for i := range events {
		e := &events[i]
		p := next[actors[i]]
		next[actors[i]]++
		id, ok := ids.id(e)
		if !ok {
			return Result{}, false, nil
		}
		times[p], mids[p] = e.Time.UnixNano(), id // checked in the first pass
		if bd != nil {
			bd[p] = values.Intern(e.Prop(f.cfg.breakdown))
		}
	}
	kn := f.kernel(uint64(f.window))
	kn.empty = values.code("")
	acc := newAccum(len(f.steps), bd != nil)
	var masks []uint64
	for a := 0; a+1 < len(starts); a++ {
		lo, hi := int(starts[a]), int(starts[a+1])
		var g []int32
		if bd != nil {
			g = bd[lo:hi]
		}
		sortRun(times[lo:hi], mids[lo:hi], g)
		masks = slices.Grow(masks[:0], hi-lo)[:hi-lo]
		for j, id := range mids[lo:hi] {
			masks[j] = ids.table[id]
		}
		kn.actor(times[lo:hi], masks, g, acc)
	}
	var names []string
	if bd != nil {
		names = values.Names()
	}
	return f.result(acc, 1, names, bd != nil), true, nil
}

// sortRun sorts one actor's times, and their mask IDs and breakdown
// values (g, if not nil) alongside, keeping the order of equal times.
func sortRun[M uint16 | int32](t []int64, m []M, g []int32) {
	sorted := true
	for i := 1; i < len(t) && sorted; i++ {
		sorted = t[i] >= t[i-1]
	}
	switch {
	case sorted:
	case len(t) <= 32:
		for i := 1; i < len(t); i++ {
			for j := i; j > 0 && t[j] < t[j-1]; j-- {
				t[j], t[j-1] = t[j-1], t[j]
				m[j], m[j-1] = m[j-1], m[j]
				if g != nil {
					g[j], g[j-1] = g[j-1], g[j]
				}
			}
		}
	default:
		perm := make([]int32, len(t))
		for i := range perm {
			perm[i] = int32(i)
		}
		slices.SortStableFunc(perm, func(x, y int32) int {
			switch {
			case t[x] < t[y]:
				return -1
			case t[x] > t[y]:
				return 1
			}
			return 0
		})
		ts, ms := slices.Clone(t), slices.Clone(m)
		for i, p := range perm {
			t[i], m[i] = ts[p], ms[p]
		}
		if g != nil {
			gs := slices.Clone(g)
			for i, p := range perm {
				g[i] = gs[p]
			}
		}
	}
}
