package pricing

import (
	"errors"
	"fmt"

	"github.com/opskit/opskit/internal/fielderr"
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
	return fielderr.Message("pricing", e.Op, e.Field, e.Value, e.Err, e.Detail)
}

// Unwrap returns the sentinel, for errors.Is.
func (e *FieldError) Unwrap() error { return e.Err }

// fieldErr returns a *FieldError; detail is formatted with args.
func fieldErr(op, field, value string, err error, detail string, args ...any) error {
	if len(args) > 0 {
		detail = fmt.Sprintf(detail, args...)
	}
	return &FieldError{Op: op, Field: field, Value: value, Err: err, Detail: detail}
}

// Sentinel errors. Every error this package returns for bad input is a
// *[FieldError] wrapping one of these (or a *[CurrencyMismatchError] or
// *[BelowFloorError], which match theirs), so callers can match with
// [errors.Is] and [errors.As].
var (
	// ErrUnknownCurrency: the currency code is not a known ISO 4217 code, or
	// an amount has no currency where one is required.
	ErrUnknownCurrency = errors.New("pricing: unknown currency")
	// ErrCurrencyMismatch: two amounts in different currencies were combined.
	// The FieldError's Err is a *[CurrencyMismatchError], which matches this
	// sentinel.
	ErrCurrencyMismatch = errors.New("pricing: currency mismatch")
	// ErrInvalidAmount: an amount string or JSON form is malformed or not finite.
	ErrInvalidAmount = errors.New("pricing: invalid amount")
	// ErrNotRounded: the amount has more digits than the currency's minor unit
	// where a rounded amount is required (allocation, minor units).
	ErrNotRounded = errors.New("pricing: amount not rounded to the minor unit")
	// ErrInvalidRoundingMode: a RoundingMode outside the defined constants.
	ErrInvalidRoundingMode = errors.New("pricing: invalid rounding mode")
	// ErrInvalidIncrement: a cash increment that is zero, negative, or finer
	// than the currency's minor unit.
	ErrInvalidIncrement = errors.New("pricing: invalid rounding increment")
	// ErrDivisionByZero: a division by a zero amount or a zero rate.
	ErrDivisionByZero = errors.New("pricing: division by zero")
	// ErrNegativeWeight: an allocation weight below zero.
	ErrNegativeWeight = errors.New("pricing: negative weight")
	// ErrNoParts: an allocation asked for zero parts or got no weights.
	ErrNoParts = errors.New("pricing: no parts to allocate to")
	// ErrInvalidRate: a discount rate outside (0折, 10折], or a malformed 折 string.
	ErrInvalidRate = errors.New("pricing: invalid discount rate")
	// ErrInvalidRatio: a ratio (margin, tax rate, floor ratio) outside its allowed range.
	ErrInvalidRatio = errors.New("pricing: invalid ratio")
	// ErrInvalidQuantity: a quantity that is zero or negative where that makes no sense.
	ErrInvalidQuantity = errors.New("pricing: invalid quantity")
	// ErrNegativePrice: a price below zero.
	ErrNegativePrice = errors.New("pricing: negative price")
	// ErrInvalidTiers: a tier, pack or member price table that is empty,
	// unordered, or has repeated or empty entries.
	ErrInvalidTiers = errors.New("pricing: invalid price table")
	// ErrInvalidTierMode: a [TierMode] outside the defined constants.
	ErrInvalidTierMode = errors.New("pricing: invalid tier mode")
	// ErrBelowFloor: a price below its price floor. The error is a
	// *[BelowFloorError], which matches this sentinel.
	ErrBelowFloor = errors.New("pricing: price below floor")
	// ErrAboveList: a member price above the list price it discounts.
	ErrAboveList = errors.New("pricing: member price above list price")
	// ErrNoCombination: no combination of packs (and single units, if sold)
	// makes exactly the quantity asked for.
	ErrNoCombination = errors.New("pricing: no pack combination for the quantity")
	// ErrInvalidCampaign: an empty campaign name where a name is required.
	ErrInvalidCampaign = errors.New("pricing: invalid campaign name")
	// ErrUnknownCampaign: a campaign name that the [FloorPolicy] does not
	// know (neither exempt nor listed as known).
	ErrUnknownCampaign = errors.New("pricing: unknown campaign")
	// ErrInvalidTimeWindow: a [TimeWindow] whose end is not after its start.
	ErrInvalidTimeWindow = errors.New("pricing: invalid time window")
	// ErrUnknownName: a name that is not one of an enumeration's text forms
	// ("list_ratio", "price_differs", ...).
	ErrUnknownName = errors.New("pricing: unknown name")
	// ErrTooLarge: a documented limit was crossed (see the package's Limits:
	// [MaxMagnitude], [MaxScale], [MaxParts], ...) or a result does not fit
	// in int64 minor units. Detail states the limit.
	ErrTooLarge = errors.New("pricing: beyond limits")
)

// CurrencyMismatchError reports an operation on two different currencies.
// It matches [ErrCurrencyMismatch] with errors.Is.
type CurrencyMismatchError struct {
	A, B Currency // the two currencies, in argument order
}

// Error returns "pricing: currency mismatch: CNY and USD".
func (e *CurrencyMismatchError) Error() string {
	return fmt.Sprintf("pricing: currency mismatch: %s and %s", e.A.Code(), e.B.Code())
}

// Is makes errors.Is(err, ErrCurrencyMismatch) true.
func (e *CurrencyMismatchError) Is(target error) bool { return target == ErrCurrencyMismatch }

// mismatch returns the error for currencies a and b meeting in op; value is
// the offending operand.
func mismatch(op, field, value string, a, b Currency) error {
	return &FieldError{Op: op, Field: field, Value: value, Err: &CurrencyMismatchError{A: a, B: b}}
}
