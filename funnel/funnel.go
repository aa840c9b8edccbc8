package funnel

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// MaxSteps is the largest number of steps in a funnel, and MaxExclusions
// the largest number of exclusions.
const (
	MaxSteps      = 32
	MaxExclusions = 32
)

// Funnel is a validated funnel definition (转化漏斗): steps, a conversion window and
// options. Build it with [New]; run it on events with [Funnel.Run] or on
// columns with [Funnel.RunColumns]. The zero Funnel has no steps and every
// run of it fails with [ErrNoSteps].
//
// A Funnel is immutable and safe for concurrent use (provided the step
// predicates are).
type Funnel struct {
	steps  []Matcher
	names  []string
	excl   []exclusion
	window time.Duration
	cfg    config
}

// exclusion is an Exclusion with its steps resolved to 1-based step
// numbers: it is active while after <= steps reached < before.
type exclusion struct {
	Exclusion
	after, before int
}

// New validates and returns a funnel with the given steps, conversion
// window and options. The window runs from the step-1 event of an attempt
// and its end is inclusive: a step at exactly step-1 time + window counts.
//
// Unnamed steps take their Event as name; an unnamed step repeating an
// earlier unnamed step's event is numbered: "view", "view (2)".
//
// Errors: no steps ([ErrNoSteps]); more than [MaxSteps] steps or
// [MaxExclusions] exclusions ([ErrTooManySteps]); a step or exclusion with
// neither Event nor Where, a step with AnyOf but no Event, or an exclusion
// naming an unknown step or steps out of order ([ErrInvalidStep]); two
// steps with the same name ([ErrDuplicateStep]); a window <= 0
// ([ErrInvalidWindow]); an option outside its constants, or AllowReentry
// without the strict order ([ErrInvalidOption]).
func New(steps []Matcher, window time.Duration, opts ...Option) (Funnel, error) {
	const op = "new"
	var cfg config
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	switch {
	case len(steps) == 0:
		return Funnel{}, fieldErr(op, "steps", nil, ErrNoSteps, "")
	case len(steps) > MaxSteps:
		return Funnel{}, fieldErr(op, "steps", len(steps), ErrTooManySteps, "at most "+strconv.Itoa(MaxSteps))
	case len(cfg.excl) > MaxExclusions:
		return Funnel{}, fieldErr(op, "WithExclusions", len(cfg.excl), ErrTooManySteps, "at most "+strconv.Itoa(MaxExclusions))
	case window <= 0:
		return Funnel{}, fieldErr(op, "window", window, ErrInvalidWindow, "must be positive")
	case cfg.order > AnyOrder:
		return Funnel{}, fieldErr(op, "WithStepOrder", cfg.order, ErrInvalidOption, "")
	case cfg.reentry > FirstEntry:
		return Funnel{}, fieldErr(op, "WithReentry", cfg.reentry, ErrInvalidOption, "")
	case cfg.counting > Attempts:
		return Funnel{}, fieldErr(op, "WithCounting", cfg.counting, ErrInvalidOption, "")
	case cfg.attr > AtLastStep:
		return Funnel{}, fieldErr(op, "WithBreakdown", cfg.attr, ErrInvalidOption, "")
	case cfg.modes&^allModes != 0:
		return Funnel{}, fieldErr(op, "WithModes", int(cfg.modes), ErrInvalidOption, "")
	case cfg.modes&AllowReentry != 0 && cfg.order != Strict:
		return Funnel{}, fieldErr(op, "WithModes", cfg.modes, ErrInvalidOption, "allow_reentry needs the strict order")
	}
	f := Funnel{steps: append([]Matcher(nil), steps...), window: window, cfg: cfg}
	index := make(map[string]int, len(steps))
	for i, s := range f.steps {
		if s.Event == "" && s.Where == nil {
			return Funnel{}, fieldErr(op, fmt.Sprintf("steps[%d]", i), nil, ErrInvalidStep, "neither Event nor Where")
		}
		if s.Event == "" && len(s.AnyOf) > 0 {
			return Funnel{}, fieldErr(op, fmt.Sprintf("steps[%d].any_of", i), nil, ErrInvalidStep, "AnyOf needs Event")
		}
		name := s.Name
		if name == "" {
			// A step repeating an earlier step's event (view -> view) is
			// named after it with its occurrence: "view", "view (2)".
			name = s.Event
			if n := occurrence(steps[:i], s.Event); n > 1 {
				name = s.Event + " (" + strconv.Itoa(n) + ")"
			}
		}
		if name == "" {
			return Funnel{}, fieldErr(op, fmt.Sprintf("steps[%d].name", i), "", ErrInvalidStep, "empty for a predicate step")
		}
		if j, dup := index[name]; dup {
			return Funnel{}, fieldErr(op, fmt.Sprintf("steps[%d].name", i), name, ErrDuplicateStep, fmt.Sprintf("same as steps[%d]", j))
		}
		index[name] = i
		f.names = append(f.names, name)
	}
	for i, e := range cfg.excl {
		if e.Event == "" && e.Where == nil {
			return Funnel{}, fieldErr(op, fmt.Sprintf("WithExclusions[%d]", i), nil, ErrInvalidStep, "neither Event nor Where")
		}
		a, okA := index[e.After]
		b, okB := index[e.Before]
		switch {
		case !okA:
			return Funnel{}, fieldErr(op, fmt.Sprintf("WithExclusions[%d].after", i), e.After, ErrInvalidStep, "no such step")
		case !okB:
			return Funnel{}, fieldErr(op, fmt.Sprintf("WithExclusions[%d].before", i), e.Before, ErrInvalidStep, "no such step")
		case a >= b:
			return Funnel{}, fieldErr(op, fmt.Sprintf("WithExclusions[%d].before", i), e.Before, ErrInvalidStep, fmt.Sprintf("not after step %q", e.After))
		}
		f.excl = append(f.excl, exclusion{e, a + 1, b + 1})
	}
	return f, nil
}

// occurrence returns 1 + the number of unnamed steps in earlier with event
// name ev.
func occurrence(earlier []Matcher, ev string) int {
	n := 1
	for _, s := range earlier {
		if s.Name == "" && s.Event == ev {
			n++
		}
	}
	return n
}

// MustNew is like [New] but panics on an error. It is meant for tests,
// examples and package-level variables.
func MustNew(steps []Matcher, window time.Duration, opts ...Option) Funnel {
	f, err := New(steps, window, opts...)
	if err != nil {
		panic(fmt.Sprintf("funnel.MustNew(%d steps, %s): %v", len(steps), window, err))
	}
	return f
}

// resultKey identifies the funnel a result comes from, so that only
// results of the same funnel merge. It is also the "funnel" object of a
// Result's JSON form.
type resultKey struct {
	Steps       []string       `json:"steps"`
	Window      durationText   `json:"window"`
	Unit        durationText   `json:"unit"`
	Order       StepOrder      `json:"order"`
	Reentry     Reentry        `json:"reentry"`
	Counting    Counting       `json:"counting"`
	Attribution Attribution    `json:"attribution"`
	Breakdown   string         `json:"breakdown"` // "none", "value" (Run) or "code" (RunColumns)
	Exclusions  []exclusionKey `json:"exclusions"`
	Modes       Mode           `json:"modes,omitempty"`
}

// exclusionKey is an exclusion as results know it: the event name and the
// 1-based steps it applies between (a predicate is not part of it).
type exclusionKey struct {
	Event  string `json:"event"`
	After  int    `json:"after"`
	Before int    `json:"before"`
}

// key returns the result key of f for a run in ticks of unit.
func (f Funnel) key(unit time.Duration, breakdown, byValue bool) *resultKey {
	k := &resultKey{Steps: slices.Clone(f.names), Window: durationText(f.window), Unit: durationText(unit),
		Order: f.cfg.order, Reentry: f.cfg.reentry, Counting: f.cfg.counting, Attribution: f.cfg.attr,
		Breakdown: "none", Exclusions: []exclusionKey{}, Modes: f.cfg.modes}
	if breakdown {
		k.Breakdown = "code"
		if byValue {
			k.Breakdown = "value"
		}
	}
	for _, e := range f.excl {
		k.Exclusions = append(k.Exclusions, exclusionKey{e.Event, e.after, e.before})
	}
	return k
}

// signature is k as a comparable string.
func (k *resultKey) signature() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q|%d|%d|%d|%d|%d|%d|%s|%d", k.Steps, k.Window, k.Unit, k.Order, k.Reentry, k.Counting, k.Attribution, k.Breakdown, len(k.Exclusions))
	for _, e := range k.Exclusions {
		fmt.Fprintf(&b, "|%q:%d-%d", e.Event, e.After, e.Before)
	}
	if k.Modes != 0 {
		fmt.Fprintf(&b, "|modes %d", k.Modes)
	}
	return b.String()
}

// stepMask returns the match bits of e: bit i for step i, bit 32+x for
// exclusion x.
func (f Funnel) stepMask(e *Event) uint64 {
	var m uint64
	for i := range f.steps {
		s := &f.steps[i]
		if s.named(e.Name) && (s.Where == nil || s.Where(*e)) {
			m |= 1 << uint(i)
		}
	}
	for x := range f.excl {
		ex := &f.excl[x]
		if (ex.Event == "" || ex.Event == e.Name) && (ex.Where == nil || ex.Where(*e)) {
			m |= 1 << uint(32+x)
		}
	}
	return m
}
