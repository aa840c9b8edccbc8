package funnel

import (
	"fmt"
	"slices"
	"strconv"
	"time"
)

// Columns is the columnar fast path's input (列式事件): one event per index, sorted by
// actor, then time, with equal times in the order they happened.
//
//   - Actors: interned actor IDs (see [Interner]).
//   - Times: integer times in ticks of Unit (zero Unit means nanoseconds).
//   - Events and Names: the encoding per event name that [Funnel.Encode]
//     produces: Events[i] is the index in Names of event i's name. One such
//     encoding serves every funnel over the same log: each funnel maps the
//     names to its steps (a step is the set of names it matches), and an
//     event may match several steps.
//   - Codes: instead of Events, the step code of each event for one
//     funnel: 0 for another tracked event, 1..k for step 1..k, k+1..k+x
//     for exclusion 1..x. Exactly one of Events and Codes is set.
//   - Breakdown: optional interned breakdown value of each event; nil for
//     no breakdown. Values: optional labels of the Breakdown values; with
//     them, results are keyed by value, as [Funnel.Run]'s are.
//
// The funnel reads Columns and never modifies them.
type Columns struct {
	Actors    []int32
	Times     []int64
	Events    []int32
	Names     []string
	Codes     []uint8
	Breakdown []int32
	Values    []string
	Unit      time.Duration
}

// check validates lengths and unit and returns the window in ticks.
func (c Columns) check(op string, window time.Duration) (uint64, time.Duration, error) {
	n := len(c.Actors)
	codes := len(c.Codes)
	if c.Events != nil {
		codes = len(c.Events)
	}
	if len(c.Times) != n || codes != n || (c.Events != nil && c.Codes != nil) || (c.Breakdown != nil && len(c.Breakdown) != n) {
		return 0, 0, fieldErr(op, "columns", nil, ErrInvalidColumns,
			fmt.Sprintf("lengths actors %d, times %d, events %d, codes %d, breakdown %d (one of events and codes)", n, len(c.Times), len(c.Events), len(c.Codes), len(c.Breakdown)))
	}
	unit := c.Unit
	if unit == 0 {
		unit = time.Nanosecond
	}
	if unit < 0 || unit > window {
		return 0, 0, fieldErr(op, "unit", c.Unit, ErrInvalidWindow, "must be positive and at most the window "+window.String())
	}
	return uint64(window / unit), unit, nil
}

// RunColumns runs the funnel on columnar input. It is the fast path: with
// the default options and no breakdown it makes one pass over the columns
// with one small state per actor and allocates only for the result
// (O(actors x steps) durations; with Events, one byte per event for the
// step codes). Other options use the general engine, one actor at a time,
// with a buffer as large as the busiest actor.
//
// Errors: columns of different lengths, both or neither of Events and
// Codes, a step code above the funnel's codes, an event index outside
// Names or a breakdown code outside Values ([ErrInvalidColumns]); a funnel
// with a predicate (Where) on columns encoded per name ([ErrInvalidStep]);
// a unit that is negative or longer than the window ([ErrInvalidWindow]);
// events not sorted by actor, then time ([ErrUnsorted]). The error names
// the index.
func (f Funnel) RunColumns(c Columns) (Result, error) {
	const op = "funnel: run columns"
	if len(f.steps) == 0 {
		return Result{}, fieldErr(op, "steps", nil, ErrNoSteps, "the zero Funnel")
	}
	window, unit, err := c.check(op, f.window)
	if err != nil {
		return Result{}, err
	}
	if c.Values != nil {
		for i, v := range c.Breakdown {
			if v < 0 || int(v) >= len(c.Values) {
				return Result{}, fieldErr(op, fmt.Sprintf("breakdown[%d]", i), v, ErrInvalidColumns, fmt.Sprintf("a code below %d (len values)", len(c.Values)))
			}
		}
	}
	k := len(f.steps)
	hasBD := c.Breakdown != nil
	acc := newAccum(k, hasBD)
	var table []uint64 // masks of the codes, or of the names
	if c.Events != nil {
		if table, err = f.nameTable(op, c.Names); err != nil {
			return Result{}, err
		}
	} else {
		table = f.codeTable()
	}
	if f.cfg.order == Ordered && f.cfg.reentry == Restart && f.cfg.counting == Uniques && len(f.excl) == 0 && f.cfg.modes&^DeepestClean == 0 && !hasBD {
		codes, ok := c.Codes, true
		if c.Events != nil {
			codes, ok = stepCodes(c.Events, table)
		}
		if ok {
			if bad, badCode := fastOrdered(c.Actors, c.Times, codes, k, window, acc); bad >= 0 {
				if badCode {
					return Result{}, badCodeErr(op, c, bad, len(table)-1)
				}
				return Result{}, unsorted(op, bad, c.Actors[bad], c.Times[bad])
			}
			return f.result(acc, unit, nil, false), nil
		}
	}
	kn := f.kernel(window)
	kn.empty = int32(slices.Index(c.Values, "")) // -1 without labels: every code is a value
	if c.Events != nil {
		err = runGeneral(op, c, c.Events, table, kn, acc)
	} else {
		err = runGeneral(op, c, c.Codes, table, kn, acc)
	}
	if err != nil {
		return Result{}, err
	}
	return f.result(acc, unit, c.Values, c.Values != nil && hasBD), nil
}

// codeTable returns the match mask of each step code (see Columns).
func (f Funnel) codeTable() []uint64 {
	k := len(f.steps)
	table := make([]uint64, 1+k+len(f.excl))
	for code := 1; code < len(table); code++ {
		if code <= k {
			table[code] = 1 << uint(code-1)
		} else {
			table[code] = 1 << uint(exclShift+code-k-1)
		}
	}
	return table
}

// nameTable returns the match mask of each event name, or an error when a
// step or exclusion has a predicate, which names alone cannot decide.
func (f Funnel) nameTable(op string, names []string) ([]uint64, error) {
	for i, s := range f.steps {
		if s.Where != nil {
			return nil, fieldErr(op, fmt.Sprintf("steps[%d]", i), nil, ErrInvalidStep, "a predicate needs the events' properties: use Run")
		}
	}
	for i, x := range f.excl {
		if x.Where != nil {
			return nil, fieldErr(op, fmt.Sprintf("WithExclusions[%d]", i), nil, ErrInvalidStep, "a predicate needs the events' properties: use Run")
		}
	}
	table := make([]uint64, len(names))
	for i, name := range names {
		table[i] = f.stepMask(&Event{Name: name})
	}
	return table, nil
}

// stepCodes turns event-name indices into step codes through table, or
// reports false when a name matches several steps or an exclusion (the
// one-code kernel cannot take it). An index outside table becomes a code
// above every step, which fastOrdered reports.
func stepCodes(events []int32, table []uint64) ([]uint8, bool) {
	code := make([]uint8, len(table))
	for i, m := range table {
		switch {
		case m == 0:
		case m&(m-1) != 0 || m>>exclShift != 0:
			return nil, false
		default:
			code[i] = uint8(trailingZeros(m) + 1)
		}
	}
	out := make([]uint8, len(events))
	for i, e := range events {
		if uint(e) < uint(len(code)) {
			out[i] = code[e]
		} else {
			out[i] = MaxSteps + 1
		}
	}
	return out, true
}

// badCodeErr is the error for an invalid code or event index at i; max is
// the largest valid one.
func badCodeErr(op string, c Columns, i, max int) error {
	if c.Events != nil {
		return fieldErr(op, fmt.Sprintf("events[%d]", i), c.Events[i], ErrInvalidColumns, fmt.Sprintf("an index below %d (len names)", max+1))
	}
	return fieldErr(op, fmt.Sprintf("codes[%d]", i), c.Codes[i], ErrInvalidColumns, "at most "+strconv.Itoa(max))
}

// runGeneral runs the general kernel over columns, actor by actor; codes
// are c.Codes or c.Events, table their masks.
func runGeneral[C uint8 | int32](op string, c Columns, codes []C, table []uint64, kn kernel, acc *accum) error {
	var masks []uint64
	n := len(c.Actors)
	for i := 0; i < n; {
		a := c.Actors[i]
		j := i
		masks = masks[:0]
		for ; j < n && c.Actors[j] == a; j++ {
			if j > i && c.Times[j] < c.Times[j-1] {
				return unsorted(op, j, a, c.Times[j])
			}
			if uint64(codes[j]) >= uint64(len(table)) { // a negative index too
				return badCodeErr(op, c, j, len(table)-1)
			}
			masks = append(masks, table[codes[j]])
		}
		if j < n && c.Actors[j] < a {
			return unsorted(op, j, c.Actors[j], c.Times[j])
		}
		var bd []int32
		if c.Breakdown != nil {
			bd = c.Breakdown[i:j]
		}
		if acc.levels != nil {
			acc.levels.newRow(a)
		}
		kn.actor(c.Times[i:j], masks, bd, acc)
		i = j
	}
	return nil
}

// Encode turns events into columns, sorted stably by actor and time:
// actors interned in order of first appearance (their IDs index the
// returned actors), times in nanoseconds, and breakdown values (when the
// funnel has a breakdown) interned into values, which also become the
// columns' Values.
//
// When every step and exclusion matches by event name alone, the events
// are encoded per name (Events and Names): the columns serve every funnel
// over the same names, and an event may match several steps. A funnel
// with a predicate (Where) is encoded into step codes (Codes) instead,
// for this funnel only; there an event matching two or more steps or
// exclusions cannot have one code: an error wrapping [ErrAmbiguousEvent]
// ([Funnel.Run] handles such funnels). Invalid events are errors wrapping
// [ErrInvalidEvent]; more than [MaxEvents] events, or more than
// [MaxNames] distinct names, or distinct actor IDs beyond the package
// doc's Limits, wrap [ErrTooLarge].
func (f Funnel) Encode(events []Event) (c Columns, actors, values []string, err error) {
	const op = "funnel: encode"
	if len(events) > MaxEvents {
		return Columns{}, nil, nil, tooManyEvents(op, len(events))
	}
	if f.byName() {
		return f.encodeNames(op, events, MaxNames)
	}
	var ai, vi Interner
	c.Actors = make([]int32, len(events))
	c.Times = make([]int64, len(events))
	c.Codes = make([]uint8, len(events))
	if f.cfg.hasBD {
		c.Breakdown = make([]int32, len(events))
	}
	for i, e := range events {
		t, err := checkEvent(op, i, &e)
		if err != nil {
			return Columns{}, nil, nil, err
		}
		m := f.stepMask(&e)
		if m&(m-1) != 0 {
			return Columns{}, nil, nil, fieldErr(op, fmt.Sprintf("events[%d].name", i), e.Name, ErrAmbiguousEvent, "")
		}
		var code uint8
		if m != 0 {
			b := trailingZeros(m)
			if b < exclShift {
				code = uint8(b + 1)
			} else {
				code = uint8(len(f.steps) + b - exclShift + 1)
			}
		}
		c.Actors[i], c.Times[i], c.Codes[i] = ai.Intern(e.Actor), t, code
		if f.cfg.hasBD {
			c.Breakdown[i] = vi.Intern(e.Prop(f.cfg.breakdown))
		}
	}
	if f.cfg.hasBD {
		c.Values = append([]string{}, vi.Names()...) // not nil: results keyed by value
	}
	return SortColumns(c), ai.Names(), vi.Names(), nil
}

// byName reports whether every step and exclusion matches by name alone.
func (f Funnel) byName() bool {
	for _, s := range f.steps {
		if s.Where != nil {
			return false
		}
	}
	for _, x := range f.excl {
		if x.Where != nil {
			return false
		}
	}
	return true
}

// MaxNames is the largest number of distinct event names in columns
// encoded per name ([Funnel.Encode]).
const MaxNames = 1 << 20

// encodeNames is Encode per event name, by the two passes of Run (see
// runfast.go): intern and check, then write each event straight into its
// actor's run and sort each run by time.
func (f Funnel) encodeNames(op string, events []Event, maxNames int) (Columns, []string, []string, error) {
	n := len(events)
	ids := make([]int32, n)
	times := make([]int64, n) // first the actor table's slots, when long enough
	actors := newActorTable(n, times)
	for lo := 0; lo < n; lo += internBatchLen {
		batch := events[lo:min(lo+internBatchLen, n)]
		actors.internBatch(batch, ids[lo:lo+len(batch)])
		if actors.full {
			return Columns{}, nil, nil, actorsFull(op, lo, ids[lo:lo+len(batch)])
		}
		for i := range batch {
			if !plainEvent(&batch[i]) {
				if _, err := checkEvent(op, lo+i, &batch[i]); err != nil {
					return Columns{}, nil, nil, err
				}
			}
		}
	}
	starts, next := runStarts(ids, actors.len())
	c := Columns{Times: times, Events: make([]int32, n)}
	names, values := newNameIDs(), newNameIDs()
	if f.cfg.hasBD {
		c.Breakdown = make([]int32, n)
	}
	for i := range events {
		e := &events[i]
		p := next[ids[i]]
		next[ids[i]]++
		var id int32
		if sl := &names.slots[nameSlot(e.Name)]; sl.set && sl.name == e.Name { // names.id's cache hit, inlined
			id = sl.id
		} else {
			id = names.id(e.Name) // numbered in order of first appearance
			if len(names.names) > maxNames {
				return Columns{}, nil, nil, fieldErr(op, fmt.Sprintf("events[%d].name", i), e.Name, ErrTooLarge, "at most "+strconv.Itoa(maxNames)+" distinct names")
			}
		}
		c.Times[p], c.Events[p] = e.Time.UnixNano(), id // times checked in the first pass
		if c.Breakdown != nil {
			c.Breakdown[p] = values.id(e.Prop(f.cfg.breakdown))
		}
	}
	c.Actors = ids // the IDs in input order are no longer needed: their array takes the sorted ones
	for a := 0; a+1 < len(starts); a++ {
		lo, hi := int(starts[a]), int(starts[a+1])
		var g []int32
		if c.Breakdown != nil {
			g = c.Breakdown[lo:hi]
		}
		sortRun(c.Times[lo:hi], c.Events[lo:hi], g)
		for j := lo; j < hi; j++ {
			c.Actors[j] = int32(a)
		}
	}
	c.Names = names.names
	var vals []string
	if c.Breakdown != nil {
		vals = values.names
		c.Values = slices.Clone(vals)
		if vals == nil {
			vals, c.Values = []string{}, []string{} // not nil: results keyed by value
		}
	}
	return c, actors.names(), vals, nil
}

// runStarts returns where each actor's run starts in actor order (and, last,
// the number of events), and a copy of the starts to fill the runs with.
func runStarts(ids []int32, actors int) (starts, next []int32) {
	starts = make([]int32, actors+1)
	for _, a := range ids {
		starts[a+1]++
	}
	for a := 1; a < len(starts); a++ {
		starts[a] += starts[a-1]
	}
	return starts, slices.Clone(starts[:actors])
}

// plainEvent reports checkEvent's usual case without calling it: an actor,
// and a time whose Unix second lies strictly inside int64 nanoseconds.
// When false, checkEvent decides.
func plainEvent(e *Event) bool {
	sec := e.Time.Unix()
	return e.Actor != "" && sec > minNanoSec && sec < maxNanoSec
}

// checkEvent validates events[i] and returns its time in nanoseconds.
func checkEvent(op string, i int, e *Event) (int64, error) {
	if e.Actor == "" {
		return 0, fieldErr(op, fmt.Sprintf("events[%d].actor", i), "", ErrInvalidEvent, "empty")
	}
	t, ok := nanos(e.Time)
	if !ok {
		return 0, fieldErr(op, fmt.Sprintf("events[%d].time", i), e.Time.Format(time.RFC3339), ErrInvalidEvent, "outside int64 nanoseconds (years 1678 to 2262)")
	}
	return t, nil
}

// unsorted is the error for columns out of order at index i.
func unsorted(op string, i int, actor int32, t int64) error {
	return fieldErr(op, fmt.Sprintf("times[%d]", i), t, ErrUnsorted, fmt.Sprintf("actor %d", actor))
}

// tooManyEvents is the error for more than MaxEvents events.
func tooManyEvents(op string, n int) error {
	return fieldErr(op, "events", n, ErrTooLarge, "at most "+strconv.Itoa(MaxEvents)+" events")
}
