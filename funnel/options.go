package funnel

import "fmt"

// Order says how steps must follow each other.
type Order int8

const (
	// Ordered (the zero value and default): steps in sequence; other events
	// may occur between them. PostHog "sequential", Mixpanel default,
	// ClickHouse windowFunnel default.
	Ordered Order = iota
	// Strict: steps in sequence with no other tracked event of the actor in
	// between. PostHog "strict order", ClickHouse windowFunnel 'strict_order'.
	Strict
	// AnyOrder: every step must occur inside the window, in any order; the
	// count at step n is the actors that did n distinct steps. PostHog
	// "any order".
	AnyOrder
)

// String returns the option's name.
func (o Order) String() string {
	switch o {
	case Ordered:
		return "ordered"
	case Strict:
		return "strict"
	case AnyOrder:
		return "any order"
	}
	return fmt.Sprintf("Order(%d)", int8(o))
}

// Reentry says what a repeated step-1 event does to an attempt under way.
type Reentry int8

const (
	// Restart (the zero value and default): every step-1 event starts a new
	// attempt with its own window, as in PostHog and ClickHouse windowFunnel.
	// A later start replaces an earlier one only where it gets at least as
	// far, so progress made by an earlier attempt is not lost.
	Restart Reentry = iota
	// FirstEntry: the first step-1 event holds; repeats inside its window are
	// ignored. A new attempt starts only after the attempt completed or its
	// window ended, as in Mixpanel.
	FirstEntry
)

// String returns the option's name.
func (r Reentry) String() string {
	switch r {
	case Restart:
		return "restart"
	case FirstEntry:
		return "first entry"
	}
	return fmt.Sprintf("Reentry(%d)", int8(r))
}

// Counting says what a step count counts.
type Counting int8

const (
	// Uniques (the zero value and default): each actor counts once, at the
	// deepest step of its best attempt, as PostHog and Mixpanel "uniques"
	// count persons.
	Uniques Counting = iota
	// Attempts: each attempt counts; attempts of one actor do not share
	// events (Mixpanel "totals").
	Attempts
)

// String returns the option's name.
func (c Counting) String() string {
	switch c {
	case Uniques:
		return "uniques"
	case Attempts:
		return "attempts"
	}
	return fmt.Sprintf("Counting(%d)", int8(c))
}

// Attribution says which event of an attempt gives its breakdown value.
type Attribution int8

const (
	// AtFirstStep (the zero value and default): the property of the step-1
	// event. PostHog "first touch" on step 1.
	AtFirstStep Attribution = iota
	// AtLastStep: the property of the event of the deepest step reached.
	// PostHog "last touch".
	AtLastStep
)

// String returns the option's name.
func (a Attribution) String() string {
	switch a {
	case AtFirstStep:
		return "first step"
	case AtLastStep:
		return "last step"
	}
	return fmt.Sprintf("Attribution(%d)", int8(a))
}

// config holds the options of a funnel.
type config struct {
	order     Order
	reentry   Reentry
	counting  Counting
	attr      Attribution
	breakdown string
	hasBD     bool
	excl      []Exclusion
}

// Option configures a funnel in [New].
type Option func(*config)

// WithOrder sets the step order (default [Ordered]).
func WithOrder(o Order) Option { return func(c *config) { c.order = o } }

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
// says (default [AtFirstStep]). Events without the property fall in the
// group with the empty value. For columnar input the property name is only
// a label: the values come from [Columns].Breakdown.
func WithBreakdown(prop string, a Attribution) Option {
	return func(c *config) { c.breakdown, c.hasBD, c.attr = prop, true, a }
}
