package funnel

import (
	"fmt"
	"strconv"
	"time"
)

// Columns is the columnar fast path's input (列式事件): one event per index, sorted by
// actor, then time, with equal times in the order they happened.
//
//   - Actors: interned actor IDs (see [Interner]).
//   - Times: integer times in ticks of Unit (zero Unit means nanoseconds).
//   - Codes: the step code of each event for one funnel: 0 for another
//     tracked event, 1..k for step 1..k, k+1..k+x for exclusion 1..x
//     (see [Funnel.Encode]).
//   - Breakdown: optional interned breakdown value of each event; nil for no
//     breakdown.
//
// The funnel reads Columns and never modifies them.
type Columns struct {
	Actors    []int32
	Times     []int64
	Codes     []uint8
	Breakdown []int32
	Unit      time.Duration
}

// check validates lengths and unit and returns the window in ticks.
func (c Columns) check(op string, window time.Duration) (uint64, time.Duration, error) {
	n := len(c.Actors)
	if len(c.Times) != n || len(c.Codes) != n || (c.Breakdown != nil && len(c.Breakdown) != n) {
		return 0, 0, fieldErr(op, "columns", nil, ErrInvalidColumns,
			fmt.Sprintf("lengths actors %d, times %d, codes %d, breakdown %d", n, len(c.Times), len(c.Codes), len(c.Breakdown)))
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
// (O(actors x steps) durations). Other options use the general engine, one
// actor at a time, with a buffer as large as the busiest actor.
//
// Errors: columns of different lengths or a step code above the funnel's
// codes ([ErrInvalidColumns]); a unit that is negative or longer than the
// window ([ErrInvalidWindow]); events not sorted by actor, then time
// ([ErrUnsorted]). The error names the index.
func (f Funnel) RunColumns(c Columns) (Result, error) {
	const op = "funnel: run columns"
	if len(f.steps) == 0 {
		return Result{}, fieldErr(op, "steps", nil, ErrNoSteps, "the zero Funnel")
	}
	window, unit, err := c.check(op, f.window)
	if err != nil {
		return Result{}, err
	}
	k := len(f.steps)
	hasBD := c.Breakdown != nil
	acc := newAccum(k, hasBD)
	if f.cfg.order == Ordered && f.cfg.reentry == Restart && f.cfg.counting == Uniques && len(f.excl) == 0 && f.cfg.modes == 0 && !hasBD {
		if bad, badCode := fastOrdered(c.Actors, c.Times, c.Codes, k, window, acc); bad >= 0 {
			if badCode {
				return Result{}, fieldErr(op, fmt.Sprintf("codes[%d]", bad), c.Codes[bad], ErrInvalidColumns, "at most "+strconv.Itoa(k))
			}
			return Result{}, unsorted(op, bad, c.Actors[bad], c.Times[bad])
		}
		return f.result(acc, unit, nil, false), nil
	}
	if err := f.runGeneral(op, c, f.kernel(window), acc); err != nil {
		return Result{}, err
	}
	return f.result(acc, unit, nil, false), nil
}

// runGeneral runs the general kernel over columns, actor by actor.
func (f Funnel) runGeneral(op string, c Columns, kn kernel, acc *accum) error {
	k := len(f.steps)
	var table [256]uint64
	maxCode := k + len(f.excl)
	for code := 1; code <= maxCode; code++ {
		if code <= k {
			table[code] = 1 << uint(code-1)
		} else {
			table[code] = 1 << uint(exclShift+code-k-1)
		}
	}
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
			if int(c.Codes[j]) > maxCode {
				return fieldErr(op, fmt.Sprintf("codes[%d]", j), c.Codes[j], ErrInvalidColumns, "at most "+strconv.Itoa(maxCode))
			}
			masks = append(masks, table[c.Codes[j]])
		}
		if j < n && c.Actors[j] < a {
			return unsorted(op, j, c.Actors[j], c.Times[j])
		}
		var bd []int32
		if c.Breakdown != nil {
			bd = c.Breakdown[i:j]
		}
		kn.actor(c.Times[i:j], masks, bd, acc)
		i = j
	}
	return nil
}

// Encode turns events into columns for this funnel: actors interned in
// order of first appearance (their IDs index the returned names), times in
// nanoseconds, codes from the steps and exclusions, breakdown values (when
// the funnel has a breakdown) interned into the second names slice; then
// sorted stably by actor and time. An event matching two or more steps or
// exclusions cannot have one code: that is an error wrapping
// [ErrAmbiguousEvent] ([Funnel.Run] handles such funnels). Invalid events
// are errors wrapping [ErrInvalidEvent].
func (f Funnel) Encode(events []Event) (c Columns, actors, values []string, err error) {
	const op = "funnel: encode"
	if len(events) > MaxEvents {
		return Columns{}, nil, nil, tooManyEvents(op, len(events))
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
			b := 0
			for m>>uint(b)&1 == 0 {
				b++
			}
			if b < exclShift {
				code = uint8(b + 1)
			} else {
				code = uint8(len(f.steps) + b - exclShift + 1)
			}
		}
		c.Actors[i], c.Times[i], c.Codes[i] = ai.Intern(e.Actor), t, code
		if f.cfg.hasBD {
			c.Breakdown[i] = vi.Intern(e.Props[f.cfg.breakdown])
		}
	}
	return SortColumns(c), ai.Names(), vi.Names(), nil
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
