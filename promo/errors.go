package promo

import (
	"errors"
	"fmt"
)

// Sentinel errors of the engine. Every error it returns wraps one of these
// (or a pricing sentinel) inside a *[FieldError] that names where the problem
// is, so callers match with errors.Is and read the path with errors.As.
var (
	// ErrInvalidPromotion: a promotion definition is incomplete or
	// contradictory (no action, an empty ID, a window ending before it starts).
	ErrInvalidPromotion = errors.New("invalid promotion")
	// ErrInvalidAction: an action's parameters are out of range
	// (non-increasing tiers, a zero per-every step, N below 2, ...).
	ErrInvalidAction = errors.New("invalid action")
	// ErrInvalidCart: a cart is malformed (no currency, an empty line ID,
	// a quantity below 1, a negative price, an unrounded price).
	ErrInvalidCart = errors.New("invalid cart")
	// ErrDuplicateID: two promotions, or two cart lines, share an ID.
	ErrDuplicateID = errors.New("duplicate ID")
	// ErrTooLarge: an amount or a unit count beyond the engine's limits
	// (see [MaxUnits] and [MaxMinorUnits]).
	ErrTooLarge = errors.New("beyond the engine's limits")
)

// FieldError locates a problem in the input: the promotion or line and the
// field ("promotions[3] \"double11\": action.tiers[1].min"), the value, and
// the sentinel it wraps.
type FieldError struct {
	Path  string // where: promotions[i] "id": field, or lines[i] "id": field
	Value string // the offending value, formatted
	Err   error  // the sentinel
	Why   string // a short explanation, may be empty
}

// Error returns "promo: path value: sentinel: why".
func (e *FieldError) Error() string {
	msg := "promo: " + e.Path
	if e.Value != "" {
		msg += " " + e.Value
	}
	msg += ": " + e.Err.Error()
	if e.Why != "" {
		msg += ": " + e.Why
	}
	return msg
}

// Unwrap returns the sentinel.
func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(path, value string, err error, why string, args ...any) *FieldError {
	return &FieldError{Path: path, Value: value, Err: err, Why: fmt.Sprintf(why, args...)}
}
