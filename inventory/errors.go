package inventory

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every error returned by this package wraps one of them, so callers can match with
// [errors.Is]. Errors about one input value are [*FieldError] values that name the field and the value.
var (
	// ErrNotFinite reports a NaN or infinite number.
	ErrNotFinite = errors.New("inventory: not a finite number")
	// ErrNegative reports a negative quantity, cost, rate or duration where only zero or more makes sense.
	ErrNegative = errors.New("inventory: negative")
	// ErrNotPositive reports zero or a negative value where a strictly positive value is required
	// (a demand period, a pack size, a cost in a denominator).
	ErrNotPositive = errors.New("inventory: not positive")
	// ErrServiceLevel reports a cycle service level, fill rate or critical ratio outside the open interval (0, 1).
	ErrServiceLevel = errors.New("inventory: service level not in (0, 1)")
	// ErrSmoothing reports a smoothing constant outside (0, 1].
	ErrSmoothing = errors.New("inventory: smoothing constant not in (0, 1]")
	// ErrEmptyHistory reports an empty demand history or an empty list of values.
	ErrEmptyHistory = errors.New("inventory: empty history")
	// ErrShortHistory reports a history shorter than a method needs.
	ErrShortHistory = errors.New("inventory: history too short")
	// ErrNoDemand reports a history with no positive demand where a method needs some.
	ErrNoDemand = errors.New("inventory: no positive demand in history")
	// ErrCapBelowMOQ reports an order cap below the smallest order the MOQ and pack size allow.
	ErrCapBelowMOQ = errors.New("inventory: cap below the smallest allowed order")
	// ErrTooLarge reports a quantity too large to represent exactly as an integer order quantity.
	ErrTooLarge = errors.New("inventory: quantity too large")
	// ErrPolicy reports inconsistent policy or configuration parameters (an order-up-to level below the
	// reorder level, an unknown kind, a missing cost).
	ErrPolicy = errors.New("inventory: inconsistent policy")
	// ErrZeroActual reports a zero actual value where a percentage error is undefined (MAPE).
	ErrZeroActual = errors.New("inventory: zero actual value")
	// ErrLength reports slices whose lengths do not match, or an output slice that is too short.
	ErrLength = errors.New("inventory: length mismatch")
	// ErrDuplicateID reports the same ID twice in one input.
	ErrDuplicateID = errors.New("inventory: duplicate ID")
)

// FieldError is the error for one bad input value: the operation, the field and the value, wrapping
// the sentinel that says what is wrong with it. Its message reads
// "inventory: safety stock: service level 1.2: service level not in (0, 1)".
type FieldError struct {
	Op    string // the operation, such as "safety stock"
	Field string // the field or argument, such as "service level" or "items[3].stock.on hand"
	Value any    // the offending value
	Err   error  // one of the package's sentinel errors
}

// Error implements the error interface.
func (e *FieldError) Error() string {
	reason := strings.TrimPrefix(e.Err.Error(), "inventory: ")
	return fmt.Sprintf("inventory: %s: %s %v: %s", e.Op, e.Field, e.Value, reason)
}

// Unwrap returns the sentinel error, for [errors.Is].
func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(op, field string, value any, err error) error {
	return &FieldError{Op: op, Field: field, Value: value, Err: err}
}

// isFinite reports whether x is neither NaN nor infinite.
func isFinite(x float64) bool { return x-x == 0 }

// checkNonNeg returns a FieldError unless x is finite and at least zero.
func checkNonNeg(op, field string, x float64) error {
	if !isFinite(x) {
		return fieldErr(op, field, x, ErrNotFinite)
	}
	if x < 0 {
		return fieldErr(op, field, x, ErrNegative)
	}
	return nil
}

// checkPos returns a FieldError unless x is finite and strictly positive.
func checkPos(op, field string, x float64) error {
	if !isFinite(x) {
		return fieldErr(op, field, x, ErrNotFinite)
	}
	if x <= 0 {
		return fieldErr(op, field, x, ErrNotPositive)
	}
	return nil
}

// checkLevel returns a FieldError unless 0 < p < 1.
func checkLevel(op, field string, p float64) error {
	if !isFinite(p) {
		return fieldErr(op, field, p, ErrNotFinite)
	}
	if p <= 0 || p >= 1 {
		return fieldErr(op, field, p, ErrServiceLevel)
	}
	return nil
}

// checkFiniteSlice returns a FieldError for the first NaN or infinite value, and for a negative one
// when nonNeg is set.
func checkSlice(op, field string, xs []float64, nonNeg bool) error {
	for i, x := range xs {
		if !isFinite(x) {
			return fieldErr(op, fmt.Sprintf("%s[%d]", field, i), x, ErrNotFinite)
		}
		if nonNeg && x < 0 {
			return fieldErr(op, fmt.Sprintf("%s[%d]", field, i), x, ErrNegative)
		}
	}
	return nil
}
