package funnel

import "fmt"

// Run runs the funnel on events in any order: the convenient path. It
// validates the events, interns actors (and breakdown values), matches each
// event against every step and exclusion (so one event may match several
// steps, as in view -> cart -> view), sorts stably by actor and time, and
// runs the engine actor by actor. Events is not modified.
//
// Errors: an event with an empty actor or a time outside int64 nanoseconds,
// or more than [MaxEvents] events ([ErrInvalidEvent], naming the index); a
// zero Funnel ([ErrNoSteps]).
func (f Funnel) Run(events []Event) (Result, error) {
	const op = "funnel: run"
	if len(f.steps) == 0 {
		return Result{}, fmt.Errorf("%s: %w", op, ErrNoSteps)
	}
	n := len(events)
	if n > MaxEvents {
		return Result{}, fmt.Errorf("%s: %d events > %d: %w", op, n, MaxEvents, ErrInvalidEvent)
	}
	var actorIDs, valueIDs Interner
	actors := make([]int32, n)
	times := make([]int64, n)
	masks := make([]uint64, n)
	var bd []int32
	if f.cfg.hasBD {
		bd = make([]int32, n)
	}
	lastActor, lastID := "", int32(-1)
	for i := range events {
		e := &events[i]
		if e.Actor == "" {
			return Result{}, fmt.Errorf("%s: events[%d]: actor empty: %w", op, i, ErrInvalidEvent)
		}
		t, ok := nanos(e.Time)
		if !ok {
			return Result{}, fmt.Errorf("%s: events[%d]: %w", op, i, checkTime(e.Time))
		}
		if e.Actor != lastActor || lastID < 0 {
			lastActor, lastID = e.Actor, actorIDs.Intern(e.Actor)
		}
		actors[i], times[i], masks[i] = lastID, t, f.stepMask(e)
		if bd != nil {
			bd[i] = valueIDs.Intern(e.Props[f.cfg.breakdown])
		}
	}
	perm := sortPerm(actors, times)
	kn := f.kernel(uint64(f.window))
	acc := newAccum(len(f.steps), bd != nil)
	// Gather each actor's events into small reused buffers.
	var tb []int64
	var mb []uint64
	var gb []int32
	for i := 0; i < n; {
		a := actors[perm[i]]
		j := i + 1
		for j < n && actors[perm[j]] == a {
			j++
		}
		tb, mb = tb[:0], mb[:0]
		for _, p := range perm[i:j] {
			tb, mb = append(tb, times[p]), append(mb, masks[p])
		}
		var g []int32
		if bd != nil {
			gb = gb[:0]
			for _, p := range perm[i:j] {
				gb = append(gb, bd[p])
			}
			g = gb
		}
		kn.actor(tb, mb, g, acc)
		i = j
	}
	var names []string
	if bd != nil {
		names = valueIDs.Names()
	}
	return f.result(acc, 1, names, bd != nil), nil
}
