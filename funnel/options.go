package funnel

import (
	"slices"
	"strconv"
	"strings"
)

// StepOrder says how steps must follow each other. Its text form is
// "ordered", "strict" or "any_order".
type StepOrder uint8

const (
	// Ordered (the zero value and default): steps in sequence; other events
	// may occur between them. PostHog "sequential", Mixpanel default,
	// ClickHouse windowFunnel default.
	Ordered StepOrder = iota
	// Strict: steps in sequence; between two steps the actor may only
	// repeat the step just reached ("a b b c" reaches 3), any other tracked
	// event ends the attempt. PostHog "strict order", ClickHouse
	// windowFunnel 'strict_order' (see the package doc for where ClickHouse
	// differs).
	Strict
	// AnyOrder: every step must occur inside the window, in any order; the
	// count at step n is the actors that did n distinct steps. PostHog
	// "any order".
	AnyOrder
)

var stepOrderNames = []string{"ordered", "strict", "any_order"}

// String returns the option's name: "ordered", "strict" or "any_order".
func (o StepOrder) String() string { return enumString("StepOrder", stepOrderNames, o) }

// MarshalText returns the name, or an error for a value outside the constants.
func (o StepOrder) MarshalText() ([]byte, error) { return enumMarshal("StepOrder", stepOrderNames, o) }

// UnmarshalText parses a name as returned by String.
func (o *StepOrder) UnmarshalText(b []byte) error {
	return enumUnmarshal("StepOrder", stepOrderNames, o, b)
}

// Reentry says what a repeated step-1 event does to an attempt under way.
type Reentry uint8

const (
	// Restart (the zero value and default): every step-1 event starts a new
	// attempt with its own window, as in PostHog and ClickHouse windowFunnel.
	// An actor counts at its deepest attempt, of equally deep ones the first
	// to reach that depth (PostHog), so a later start never undoes progress
	// an earlier attempt made.
	Restart Reentry = iota
	// FirstEntry: the first step-1 event holds; repeats inside its window are
	// ignored. A new attempt starts only after the attempt ended (completed,
	// broken, or past its window), as Mixpanel's entries do (Mixpanel's
	// default uniques then count only the first entry; opskit's Uniques the
	// best attempt).
	FirstEntry
)

var reentryNames = []string{"restart", "first_entry"}

// String returns the option's name: "restart" or "first_entry".
func (r Reentry) String() string { return enumString("Reentry", reentryNames, r) }

// MarshalText returns the name, or an error for a value outside the constants.
func (r Reentry) MarshalText() ([]byte, error) { return enumMarshal("Reentry", reentryNames, r) }

// UnmarshalText parses a name as returned by String.
func (r *Reentry) UnmarshalText(b []byte) error { return enumUnmarshal("Reentry", reentryNames, r, b) }

// Counting says what a step count counts.
type Counting uint8

const (
	// Uniques (the zero value and default): each actor counts once, at the
	// deepest step of its best attempt, as PostHog counts persons and
	// Mixpanel "uniques" with optimized re-entry.
	Uniques Counting = iota
	// Attempts: each attempt counts; attempts of one actor do not share
	// events (Mixpanel "totals" with [FirstEntry]).
	Attempts
)

var countingNames = []string{"uniques", "attempts"}

// String returns the option's name: "uniques" or "attempts".
func (c Counting) String() string { return enumString("Counting", countingNames, c) }

// MarshalText returns the name, or an error for a value outside the constants.
func (c Counting) MarshalText() ([]byte, error) { return enumMarshal("Counting", countingNames, c) }

// UnmarshalText parses a name as returned by String.
func (c *Counting) UnmarshalText(b []byte) error {
	return enumUnmarshal("Counting", countingNames, c, b)
}

// Attribution says which event gives an actor's (or attempt's) breakdown
// value.
type Attribution uint8

const (
	// FirstTouch (the zero value and default; PostHog "first touch"): the
	// actor's first value that is not missing, among its events that match a
	// step (in strict order among all its events, as PostHog's strict
	// funnel reads every event), whichever attempt is counted. A person who
	// signs up without a browser and buys with Safari is in Safari. With
	// Attempts, as AtFirstStep. A value that is present but "" counts as
	// missing (PostHog skips only null).
	FirstTouch Attribution = iota
	// LastTouch (PostHog "last touch"): the actor's last value that is not
	// missing, among the same events. With Attempts, as AtLastStep.
	LastTouch
	// AtFirstStep (PostHog "step" attribution at step 1): the value of the
	// counted attempt's step-1 event, missing or not; one group per actor,
	// where PostHog may count a person under each of its step-1 values.
	AtFirstStep
	// AtLastStep: the value of the event of the deepest step the counted
	// attempt reached.
	AtLastStep
)

var attributionNames = []string{"first_touch", "last_touch", "first_step", "last_step"}

// String returns the option's name: "first_touch", "last_touch",
// "first_step" or "last_step".
func (a Attribution) String() string { return enumString("Attribution", attributionNames, a) }

// MarshalText returns the name, or an error for a value outside the constants.
func (a Attribution) MarshalText() ([]byte, error) {
	return enumMarshal("Attribution", attributionNames, a)
}

// UnmarshalText parses a name as returned by String.
func (a *Attribution) UnmarshalText(b []byte) error {
	return enumUnmarshal("Attribution", attributionNames, a, b)
}

// config holds the options of a funnel.
type config struct {
	order     StepOrder
	reentry   Reentry
	counting  Counting
	attr      Attribution
	breakdown string
	hasBD     bool
	excl      []Exclusion
	modes     Mode
}

// Option configures a funnel in [New]. Options return nothing; New
// validates the resulting configuration and reports a bad value as a
// [*FieldError] whose Field names the option ("WithStepOrder").
type Option func(*config)

// WithStepOrder sets the step order (default [Ordered]).
func WithStepOrder(o StepOrder) Option { return func(c *config) { c.order = o } }

// WithReentry sets what a repeated step-1 event does (default [Restart]).
func WithReentry(r Reentry) Option { return func(c *config) { c.reentry = r } }

// WithCounting sets what is counted (default [Uniques]).
func WithCounting(k Counting) Option { return func(c *config) { c.counting = k } }

// WithExclusions adds exclusion steps. The slice is copied.
func WithExclusions(ex ...Exclusion) Option {
	ex = append([]Exclusion(nil), ex...)
	return func(c *config) { c.excl = append(c.excl, ex...) }
}

// WithBreakdown splits results by the event property prop, attributed as a
// says ([FirstTouch] is PostHog's default). Events without the property fall in the
// group with the empty value. For columnar input the property name is only
// a label: the values come from [Columns].Breakdown.
func WithBreakdown(prop string, a Attribution) Option {
	return func(c *config) { c.breakdown, c.hasBD, c.attr = prop, true, a }
}

// enum is the base type of the package's enumerations.
type enum interface{ ~uint8 }

func enumString[E enum](typ string, names []string, v E) string {
	if int(v) < len(names) {
		return names[v]
	}
	return typ + "(" + strconv.Itoa(int(v)) + ")"
}

func enumMarshal[E enum](typ string, names []string, v E) ([]byte, error) {
	if int(v) < len(names) {
		return []byte(names[v]), nil
	}
	return nil, fieldErr("marshal", strings.ToLower(typ), int(v), ErrInvalidOption, "")
}

func enumUnmarshal[E enum](typ string, names []string, v *E, b []byte) error {
	for i, n := range names {
		if n == string(b) {
			*v = E(i)
			return nil
		}
	}
	return fieldErr("unmarshal", strings.ToLower(typ), string(b), ErrInvalidOption, "one of "+strings.Join(names, ", "))
}

// Mode is a set of matching modes, the windowFunnel parameters of
// ClickHouse, for ordered and strict funnels ([WithModes]). The zero Mode
// is none of them. Its text form is the names joined by "+":
// "strict_deduplication+strict_increase"; the empty set is "".
type Mode uint8

const (
	// StrictDeduplication (ClickHouse 'strict_deduplication'): an event
	// that repeats a step the attempt already reached, other than step 1,
	// ends the attempt unless it fills the next step. "A B C B D" on steps
	// A..D reaches 3.
	StrictDeduplication Mode = 1 << iota
	// StrictIncrease (ClickHouse 'strict_increase'): a step fills only at a
	// time strictly after the previous step's; equal timestamps do not
	// advance.
	StrictIncrease
	// AllowReentry (ClickHouse 'allow_reentry'; only with [Strict]): an
	// event of a step other than the next does not end a strict attempt
	// but is passed over (a step-1 event starts another attempt as well),
	// so "A B A C" and "A C B C" reach 3 and "A B C B D" reaches 4.
	AllowReentry
	// SharedEvents (ClickHouse's default): one event may fill several
	// consecutive steps of one attempt, so one "view" fills both steps of
	// view -> view. Without it an event fills at most one step.
	SharedEvents
	// DeepestClean (not a ClickHouse parameter; for exclusions in order or
	// strict order with Restart): an actor whose kept attempt is excluded
	// counts at its deepest attempt that was not excluded, the first of
	// equally deep ones, instead of being dropped as PostHog drops it. Any
	// order and FirstEntry always work this way.
	DeepestClean

	allModes = StrictDeduplication | StrictIncrease | AllowReentry | SharedEvents | DeepestClean
)

var modeNames = []string{"strict_deduplication", "strict_increase", "allow_reentry", "shared_events", "deepest_clean"}

// String returns the text form: the names joined by "+", "" for none, and
// "Mode(n)" for bits outside the constants.
func (m Mode) String() string {
	if m&^allModes != 0 {
		return "Mode(" + strconv.Itoa(int(m)) + ")"
	}
	var parts []string
	for i, n := range modeNames {
		if m&(1<<uint(i)) != 0 {
			parts = append(parts, n)
		}
	}
	return strings.Join(parts, "+")
}

// MarshalText returns the text form, or an error for bits outside the
// constants.
func (m Mode) MarshalText() ([]byte, error) {
	if m&^allModes != 0 {
		return nil, fieldErr("marshal", "mode", int(m), ErrInvalidOption, "")
	}
	return []byte(m.String()), nil
}

// UnmarshalText parses the text form; an unknown or repeated name is an
// error and leaves m unchanged.
func (m *Mode) UnmarshalText(b []byte) error {
	var out Mode
	if len(b) > 0 {
		for _, part := range strings.Split(string(b), "+") {
			i := slices.Index(modeNames, part)
			if i < 0 || out&(1<<uint(i)) != 0 {
				return fieldErr("unmarshal", "mode", part, ErrInvalidOption, "names from "+strings.Join(modeNames, ", ")+", each once, joined by +")
			}
			out |= 1 << uint(i)
		}
	}
	*m = out
	return nil
}

// WithModes adds matching modes (default none). [AllowReentry] needs
// [Strict] order; [New] rejects it otherwise, as ClickHouse does.
func WithModes(m Mode) Option { return func(c *config) { c.modes |= m } }
