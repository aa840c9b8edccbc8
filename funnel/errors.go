package funnel

import "errors"

// Sentinel errors. Every error returned by this package wraps one of these,
// so callers can match with [errors.Is]. The message around the sentinel
// names the operation, the field and the offending value.
var (
	// ErrNoSteps: a funnel with no steps.
	ErrNoSteps = errors.New("funnel has no steps")
	// ErrTooManySteps: more than [MaxSteps] steps or [MaxExclusions] exclusions.
	ErrTooManySteps = errors.New("too many steps")
	// ErrInvalidStep: a step with neither an event name nor a predicate, or
	// an exclusion naming an unknown step or steps in the wrong order.
	ErrInvalidStep = errors.New("invalid step")
	// ErrDuplicateStep: two steps share a name, so results would be ambiguous.
	ErrDuplicateStep = errors.New("duplicate step name")
	// ErrInvalidWindow: a conversion window that is zero or negative, or a
	// time unit that is negative or larger than the window.
	ErrInvalidWindow = errors.New("invalid conversion window")
	// ErrInvalidOption: an option value outside its defined constants.
	ErrInvalidOption = errors.New("invalid option")
	// ErrInvalidColumns: columns of different lengths, a step code outside
	// the funnel's codes, or a negative actor.
	ErrInvalidColumns = errors.New("invalid columns")
	// ErrUnsorted: columnar input not sorted by actor, then time.
	ErrUnsorted = errors.New("columns not sorted by actor then time")
	// ErrAmbiguousEvent: an event matches more than one step or exclusion
	// where a single step code is required ([Funnel.Encode]).
	ErrAmbiguousEvent = errors.New("event matches more than one step")
	// ErrInvalidEvent: an event with an empty actor or a time outside the
	// range of int64 nanoseconds (years 1678 to 2262).
	ErrInvalidEvent = errors.New("invalid event")
	// ErrMismatch: results of different funnels (steps, window, options or
	// time unit differ) cannot be merged.
	ErrMismatch = errors.New("results of different funnels")
	// ErrInvalidRate: a rate that is NaN, infinite, or outside its range.
	ErrInvalidRate = errors.New("invalid rate")
	// ErrInvalidCount: a count that is negative, or above its base
	// (conversions > visitors).
	ErrInvalidCount = errors.New("invalid count")
	// ErrInvalidAmount: a money amount that is negative, invalid or in
	// another currency.
	ErrInvalidAmount = errors.New("invalid amount")
	// ErrInvalidPeriod: a number of days, a period or a time location that is
	// zero, negative or missing.
	ErrInvalidPeriod = errors.New("invalid period")
)
