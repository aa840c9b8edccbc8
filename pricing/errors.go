package pricing

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error returned by this package wraps one of these
// or is one of the struct types below, so callers can match with
// [errors.Is] and [errors.As].
var (
	// ErrUnknownCurrency: the currency code is not a known ISO 4217 code.
	ErrUnknownCurrency = errors.New("unknown currency")
	// ErrCurrencyMismatch: two amounts in different currencies were combined.
	// The error is a *[CurrencyMismatchError], which matches this sentinel.
	ErrCurrencyMismatch = errors.New("currency mismatch")
	// ErrInvalidAmount: an amount string is malformed, too long, or not finite.
	ErrInvalidAmount = errors.New("invalid amount")
	// ErrNotRounded: the amount has more digits than the currency's minor unit
	// where a rounded amount is required (allocation, minor units).
	ErrNotRounded = errors.New("amount not rounded to the minor unit")
	// ErrInvalidRoundingMode: a RoundingMode outside the defined constants.
	ErrInvalidRoundingMode = errors.New("invalid rounding mode")
	// ErrInvalidIncrement: a cash increment that is zero, negative, or finer
	// than the currency's minor unit.
	ErrInvalidIncrement = errors.New("invalid rounding increment")
	// ErrDivisionByZero: a division by a zero amount or a zero rate.
	ErrDivisionByZero = errors.New("division by zero")
	// ErrNegativeWeight: an allocation weight below zero.
	ErrNegativeWeight = errors.New("negative weight")
	// ErrNoParts: an allocation asked for zero parts or got no weights.
	ErrNoParts = errors.New("no parts to allocate to")
	// ErrInvalidRate: a discount rate outside (0折, 10折], or a malformed 折 string.
	ErrInvalidRate = errors.New("invalid discount rate")
	// ErrInvalidRatio: a ratio (margin, tax rate, floor ratio) outside its allowed range.
	ErrInvalidRatio = errors.New("invalid ratio")
	// ErrInvalidQuantity: a quantity that is zero or negative where that makes no sense.
	ErrInvalidQuantity = errors.New("invalid quantity")
	// ErrNegativePrice: a price below zero.
	ErrNegativePrice = errors.New("negative price")
	// ErrInvalidTiers: a tier or pack table that is empty, unordered or has gaps.
	ErrInvalidTiers = errors.New("invalid price table")
	// ErrBelowFloor: a price below its price floor. The error is a
	// *[BelowFloorError], which matches this sentinel.
	ErrBelowFloor = errors.New("price below floor")
	// ErrOverflow: a result too large to represent in int64 minor units.
	ErrOverflow = errors.New("amount overflows int64 minor units")
)

// CurrencyMismatchError reports an operation on two different currencies.
// It matches [ErrCurrencyMismatch] with errors.Is.
type CurrencyMismatchError struct {
	A, B Currency // the two currencies, in argument order
}

// Error returns "currency mismatch: CNY and USD".
func (e *CurrencyMismatchError) Error() string {
	return fmt.Sprintf("currency mismatch: %s and %s", e.A.Code(), e.B.Code())
}

// Is makes errors.Is(err, ErrCurrencyMismatch) true.
func (e *CurrencyMismatchError) Is(target error) bool { return target == ErrCurrencyMismatch }
