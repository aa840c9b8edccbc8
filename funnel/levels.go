package funnel

import (
	"time"
)

// ActorLevels is the funnel's outcome per actor: ClickHouse's
// per-user windowFunnel level and PostHog's "persons who reached or dropped
// off at step n", computed by the engine's one pass over all the events
// (the pass that builds a [Result]), not by running actors one by one.
// Row r describes one actor; rows follow the
// actors' IDs in order (for [Funnel.Levels], the order of first appearance;
// for [Funnel.LevelsColumns], the order of the sorted columns).
//
// The outcome of an actor is its counted attempt, as for unique actors
// (the deepest, of equally deep ones the first to reach that depth; for
// exclusions see the package doc), whatever the funnel's counting option.
// An actor whose counted attempt is excluded, or who never did step 1, has
// level 0.
type ActorLevels struct {
	Steps int           // steps of the funnel
	Unit  time.Duration // the unit of Times: 1 ns for Levels, the columns' unit for LevelsColumns
	Actor []int32       // Actor[r]: the actor's ID (an index into Names for Levels)
	Names []string      // Levels: the actors' names by ID; nil for LevelsColumns
	Level []uint8       // Level[r]: the steps the actor reached, 0..Steps
	// Times[r*Steps+s]: the time of step s+1 of the actor's counted attempt
	// (Unix nanoseconds for Levels, ticks for LevelsColumns), for s <
	// Level[r]; 0 beyond.
	Times []int64
}

// Reached returns the rows of the actors that reached step (1-based), in
// row order; nil for a step outside 1..Steps.
func (l ActorLevels) Reached(step int) []int {
	return l.rows(func(lvl int) bool { return lvl >= step }, step)
}

// DroppedOff returns the rows of the actors that reached step − 1 but not
// step (2..Steps): PostHog's persons who dropped off at step; nil outside
// 2..Steps.
func (l ActorLevels) DroppedOff(step int) []int {
	if step < 2 {
		return nil
	}
	return l.rows(func(lvl int) bool { return lvl == step-1 }, step)
}

func (l ActorLevels) rows(keep func(int) bool, step int) []int {
	if step < 1 || step > l.Steps {
		return nil
	}
	var out []int
	for r, lvl := range l.Level {
		if keep(int(lvl)) {
			out = append(out, r)
		}
	}
	return out
}

// StepTime returns the time of step (1-based) for row r in ticks of Unit,
// and false when the actor did not reach it or r or step is out of range.
func (l ActorLevels) StepTime(r, step int) (int64, bool) {
	if r < 0 || r >= len(l.Level) || step < 1 || step > int(l.Level[r]) {
		return 0, false
	}
	return l.Times[r*l.Steps+step-1], true
}

// newRow appends a row for actor, level 0.
func (l *ActorLevels) newRow(actor int32) {
	l.Actor = append(l.Actor, actor)
	l.Level = append(l.Level, 0)
	for range l.Steps {
		l.Times = append(l.Times, 0)
	}
}

// Levels is [Funnel.Run] per actor: each actor's level and step times.
// Errors are Run's.
func (f Funnel) Levels(events []Event) (ActorLevels, error) {
	const op = "funnel: levels"
	if len(f.steps) == 0 {
		return ActorLevels{}, fieldErr(op, "steps", nil, ErrNoSteps, "the zero Funnel")
	}
	if n := len(events); n > MaxEvents {
		return ActorLevels{}, tooManyEvents(op, n)
	}
	c, err := f.columnsOf(op, events)
	if err != nil {
		return ActorLevels{}, err
	}
	starts := c.sortByActor()
	kn := f.kernel(uint64(f.window))
	kn.counting = Uniques
	k := len(f.steps)
	l := &ActorLevels{Steps: k, Unit: time.Nanosecond, Names: c.table.names(),
		Actor: make([]int32, 0, c.nActors), Level: make([]uint8, 0, c.nActors), Times: make([]int64, 0, c.nActors*k)}
	acc := newAccum(k, false)
	acc.levels = l
	for a := 0; a+1 < len(starts); a++ {
		lo, hi := starts[a], starts[a+1]
		l.newRow(int32(a))
		kn.actor(c.times[lo:hi], c.masks[lo:hi], nil, acc)
	}
	return *l, nil
}

// LevelsColumns is [Funnel.RunColumns] per actor: each actor's level and
// step times, one row per actor of the columns. Errors are RunColumns'.
func (f Funnel) LevelsColumns(c Columns) (ActorLevels, error) {
	const op = "funnel: levels columns"
	if len(f.steps) == 0 {
		return ActorLevels{}, fieldErr(op, "steps", nil, ErrNoSteps, "the zero Funnel")
	}
	window, unit, err := c.check(op, f.window)
	if err != nil {
		return ActorLevels{}, err
	}
	var table []uint64
	if c.Events != nil {
		if table, err = f.nameTable(op, c.Names); err != nil {
			return ActorLevels{}, err
		}
	} else {
		table = f.codeTable()
	}
	k := len(f.steps)
	kn := f.kernel(window)
	kn.counting = Uniques
	l := &ActorLevels{Steps: k, Unit: unit}
	acc := newAccum(k, false)
	acc.levels = l
	c.Breakdown = nil
	if c.Events != nil {
		err = runGeneral(op, c, c.Events, table, kn, acc)
	} else {
		err = runGeneral(op, c, c.Codes, table, kn, acc)
	}
	if err != nil {
		return ActorLevels{}, err
	}
	return *l, nil
}
