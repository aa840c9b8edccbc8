package funnel

import (
	"cmp"
	"slices"
)

// Run runs the funnel on events in any order: the convenient path. It
// validates the events, interns actors (and breakdown values), matches each
// event against every step and exclusion (so one event may match several
// steps, as in view -> cart -> view), sorts stably by actor and time, and
// runs the engine actor by actor, keeping about 12 bytes per event and 30
// per actor (see the package doc's Performance). Events is not modified.
//
// Errors: an event with an empty actor or a time outside int64 nanoseconds
// ([ErrInvalidEvent], naming the index); more than [MaxEvents] events, or
// distinct actor IDs beyond the package doc's Limits ([ErrTooLarge]); a
// zero Funnel ([ErrNoSteps]).
func (f Funnel) Run(events []Event) (Result, error) {
	const op = "funnel: run"
	if len(f.steps) == 0 {
		return Result{}, fieldErr(op, "steps", nil, ErrNoSteps, "the zero Funnel")
	}
	if n := len(events); n > MaxEvents {
		return Result{}, tooManyEvents(op, n)
	}
	if r, ok, err := f.runTwoPass(op, events); ok || err != nil {
		return r, err
	}
	c, err := f.columnsOf(op, events)
	if err != nil {
		return Result{}, err
	}
	return f.runEvents(c), nil
}

// runEvents sorts the columns of Run and runs the engine on them.
func (f Funnel) runEvents(c *eventColumns) Result {
	starts := c.sortByActor()
	kn := f.kernel(uint64(f.window))
	kn.empty = c.values.code("")
	acc := newAccum(len(f.steps), c.bd != nil)
	for a := 0; a+1 < len(starts); a++ {
		lo, hi := starts[a], starts[a+1]
		var g []int32
		if c.bd != nil {
			g = c.bd[lo:hi]
		}
		kn.actor(c.times[lo:hi], c.masks[lo:hi], g, acc)
	}
	var names []string
	if c.bd != nil {
		names = c.values.Names()
	}
	return f.result(acc, 1, names, c.bd != nil)
}

// eventColumns are the convenient path's events as columns: in input order
// after columnsOf, by actor then time after sortByActor.
type eventColumns struct {
	actors  []int32     // actor IDs, in order of first appearance
	times   []int64     // Unix nanoseconds
	masks   []uint64    // match bits (see Funnel.stepMask)
	bd      []int32     // breakdown value IDs; nil without a breakdown
	nActors int         // distinct actors
	values  Interner    // breakdown values
	table   *actorTable // the actors' names
}

// columnsOf validates the events, interns their actors and breakdown values
// and computes their match masks, in input order.
func (f Funnel) columnsOf(op string, events []Event) (*eventColumns, error) {
	n := len(events)
	b := f.newBuilder(n)
	for lo := 0; lo < n; lo += internBatchLen {
		if err := b.add(op, events[lo:min(lo+internBatchLen, n)]); err != nil {
			return nil, err
		}
	}
	return b.done(), nil
}

// builder fills eventColumns a batch of events at a time.
type builder struct {
	f      *Funnel
	c      *eventColumns
	actors *actorTable
	names  *nameMasks
}

// newBuilder returns a builder with room for n events.
func (f Funnel) newBuilder(n int) *builder {
	c := &eventColumns{actors: make([]int32, 0, n), times: make([]int64, 0, n), masks: make([]uint64, 0, n)}
	if f.cfg.hasBD {
		c.bd = make([]int32, 0, n)
	}
	return &builder{f: &f, c: c, actors: newActorTable(n, nil), names: newNameMasks(&f)}
}

// add appends a batch of at most internBatchLen events.
func (b *builder) add(op string, batch []Event) error {
	c := b.c
	lo := len(c.actors)
	c.actors = slices.Grow(c.actors, len(batch))[:lo+len(batch)]
	// An empty actor gets an ID too, before the error below.
	b.actors.internBatch(batch, c.actors[lo:])
	if b.actors.full {
		return actorsFull(op, lo, c.actors[lo:])
	}
	for i := range batch {
		e := &batch[i]
		t, err := checkEvent(op, lo+i, e)
		if err != nil {
			return err
		}
		c.times, c.masks = append(c.times, t), append(c.masks, b.names.mask(e))
		if c.bd != nil {
			c.bd = append(c.bd, c.values.Intern(e.Prop(b.f.cfg.breakdown)))
		}
	}
	return nil
}

// done returns the columns.
func (b *builder) done() *eventColumns {
	b.c.nActors, b.c.table = b.actors.len(), b.actors
	return b.c
}

// byActorEvent is the time and match mask of one event while sortByActor
// moves it: 16 bytes, so that moving an event writes to one cache line.
type byActorEvent struct {
	t int64
	m uint64
}

// sortByActor reorders the columns stably by actor, then time, and returns
// where each actor's events start (and, last, the number of events).
//
// A counting sort on the dense actor IDs moves each event once, as one
// record (one cache line written per event, instead of a permutation whose
// columns are then read back in random order); it keeps input order within
// an actor, so a stable sort of each actor's few events by time finishes
// the job. The sorted records are then written back into the columns.
func (c *eventColumns) sortByActor() []int32 {
	next := make([]int32, c.nActors) // first the events of each actor, then the next free slot
	for _, a := range c.actors {
		next[a]++
	}
	starts := make([]int32, c.nActors+1)
	for a, k := range next {
		starts[a+1] = starts[a] + k
	}
	copy(next, starts)
	recs := make([]byActorEvent, len(c.actors))
	var bd []int32 // the breakdown values, moved alongside
	if c.bd != nil {
		bd = make([]int32, len(c.bd))
	}
	for i, a := range c.actors {
		p := next[a]
		recs[p] = byActorEvent{c.times[i], c.masks[i]}
		if bd != nil {
			bd[p] = c.bd[i]
		}
		next[a]++
	}
	for a := 0; a+1 < len(starts); a++ {
		lo, hi := starts[a], starts[a+1]
		var g []int32
		if bd != nil {
			g = bd[lo:hi]
		}
		sortByTime(recs[lo:hi], g)
	}
	for i, r := range recs {
		c.times[i], c.masks[i] = r.t, r.m
	}
	c.bd = bd
	c.actors = nil // no longer matches the columns
	return starts
}

// sortByTime sorts one actor's events, and their breakdown values g if not
// nil, by time, keeping the order of equal times. Most actors have few
// events, often already in order.
func sortByTime(run []byActorEvent, g []int32) {
	sorted := true
	for i := 1; i < len(run) && sorted; i++ {
		sorted = run[i].t >= run[i-1].t
	}
	switch {
	case sorted:
	case len(run) <= 32:
		// Insertion sort: stable, and faster than a general sort on a
		// handful of elements.
		for i := 1; i < len(run); i++ {
			for j := i; j > 0 && run[j].t < run[j-1].t; j-- {
				run[j], run[j-1] = run[j-1], run[j]
				if g != nil {
					g[j], g[j-1] = g[j-1], g[j]
				}
			}
		}
	default:
		// Sort a permutation, then apply it to both.
		perm := make([]int32, len(run))
		for i := range perm {
			perm[i] = int32(i)
		}
		slices.SortStableFunc(perm, func(x, y int32) int { return cmp.Compare(run[x].t, run[y].t) })
		recs := slices.Clone(run)
		for i, p := range perm {
			run[i] = recs[p]
		}
		if g != nil {
			vals := slices.Clone(g)
			for i, p := range perm {
				g[i] = vals[p]
			}
		}
	}
}
