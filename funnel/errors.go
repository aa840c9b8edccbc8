package funnel

import (
	"errors"
	"strconv"

	"github.com/opskit/opskit/internal/fielderr"
)

// Sentinel errors. Every error this package returns for bad input is a
// [*FieldError] wrapping one of these, so callers match with [errors.Is]
// and read the field with [errors.As].
var (
	// ErrNoSteps: a funnel with no steps.
	ErrNoSteps = errors.New("funnel: funnel has no steps")
	// ErrTooManySteps: more than [MaxSteps] steps or [MaxExclusions] exclusions.
	ErrTooManySteps = errors.New("funnel: too many steps")
	// ErrInvalidStep: a step with neither an event name nor a predicate, or
	// an exclusion naming an unknown step or steps in the wrong order.
	ErrInvalidStep = errors.New("funnel: invalid step")
	// ErrDuplicateStep: two steps share a name, so results would be ambiguous.
	ErrDuplicateStep = errors.New("funnel: duplicate step name")
	// ErrInvalidWindow: a conversion window that is zero or negative, or a
	// time unit that is negative or larger than the window.
	ErrInvalidWindow = errors.New("funnel: invalid conversion window")
	// ErrInvalidOption: an option value outside its defined constants.
	ErrInvalidOption = errors.New("funnel: invalid option")
	// ErrInvalidColumns: columns of different lengths, a step code outside
	// the funnel's codes, or a negative actor.
	ErrInvalidColumns = errors.New("funnel: invalid columns")
	// ErrUnsorted: columnar input not sorted by actor, then time.
	ErrUnsorted = errors.New("funnel: columns not sorted by actor then time")
	// ErrAmbiguousEvent: an event matches more than one step or exclusion
	// where a single step code is required ([Funnel.Encode]).
	ErrAmbiguousEvent = errors.New("funnel: event matches more than one step")
	// ErrInvalidEvent: an event with an empty actor or a time outside the
	// range of int64 nanoseconds (years 1678 to 2262).
	ErrInvalidEvent = errors.New("funnel: invalid event")
	// ErrMismatch: results of different funnels (steps, window, options or
	// time unit differ) cannot be merged.
	ErrMismatch = errors.New("funnel: results of different funnels")
	// ErrInvalidRate: a rate that is NaN, infinite, or outside its range.
	ErrInvalidRate = errors.New("funnel: invalid rate")
	// ErrInvalidCount: a count that is negative, or above its base
	// (conversions > visitors).
	ErrInvalidCount = errors.New("funnel: invalid count")
	// ErrInvalidAmount: a money amount that is negative, invalid or in
	// another currency.
	ErrInvalidAmount = errors.New("funnel: invalid amount")
	// ErrInvalidPeriod: a number of days, a period or a time location that is
	// zero, negative or missing.
	ErrInvalidPeriod = errors.New("funnel: invalid period")
	// ErrTooLarge: a documented limit crossed, or an integer result that
	// would overflow int64; the [FieldError]'s Detail gives the limit.
	ErrTooLarge = errors.New("funnel: beyond limits")
	// ErrInvalidJSON: a JSON document that is malformed, has unknown or
	// duplicate keys, or describes an impossible value (a stored result
	// whose counts or durations do not fit together).
	ErrInvalidJSON = errors.New("funnel: invalid JSON")
)

// FieldError reports one bad input value: the operation, the path of the field,
// the value and the sentinel that says what is wrong with it. Its message reads
// "PKG: OP: FIELD VALUE: REASON: DETAIL", leaving out the parts that are empty.
type FieldError struct {
	Op     string // the operation, in lower-case words: "evaluate", "decode campaign", "safety stock"
	Field  string // the path of the field: "lines[3].qty", "promotions[2].action.buy_qty", "service_level"
	Value  string // the offending value as text (strings quoted with %q); empty if there is no single value
	Err    error  // the sentinel of this package (or an error of package pricing) it wraps
	Detail string // a short explanation, with the limit where one was crossed: "at most 10000"; may be empty
}

// Error returns "PKG: OP: FIELD VALUE: REASON: DETAIL" without the empty parts;
// REASON is Err's message without its "PKG: " prefix.
func (e *FieldError) Error() string {
	return fielderr.Message("funnel", e.Op, e.Field, e.Value, e.Err, e.Detail)
}

// Unwrap returns the sentinel, for errors.Is.
func (e *FieldError) Unwrap() error { return e.Err }

// fieldErr builds a *FieldError; value is formatted by its type: integers
// in decimal, floats with 'g' -1, strings quoted, anything with a String
// method by it, nil as no value.
func fieldErr(op, field string, value any, err error, detail string) error {
	return &FieldError{Op: op, Field: field, Value: valueText(value), Err: err, Detail: detail}
}

func valueText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return strconv.Quote(v)
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case int32:
		return strconv.FormatInt(int64(v), 10)
	case uint8:
		return strconv.FormatUint(uint64(v), 10)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case interface{ String() string }:
		return v.String()
	}
	return ""
}

// withOp re-labels an error of a nested call: a *FieldError gets the outer
// operation (its field and sentinel stay); any other error (from package
// pricing) is wrapped in a *FieldError naming field.
func withOp(op, field string, err error) error {
	var fe *FieldError
	if errors.As(err, &fe) {
		c := *fe
		c.Op = op
		return &c
	}
	return &FieldError{Op: op, Field: field, Err: err}
}
