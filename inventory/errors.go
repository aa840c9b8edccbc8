package inventory

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/opskit/opskit/internal/fielderr"
)

// Sentinel errors. Every error returned by this package for bad input is a [*FieldError] wrapping one
// of them, so callers can match with [errors.Is] and [errors.As].
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
	// ErrTooLarge reports a value beyond a documented limit (see the package's Limits section), or a
	// result too large to represent: Detail names the limit.
	ErrTooLarge = errors.New("inventory: beyond limits")
	// ErrPolicy reports inconsistent policy or configuration parameters (an order-up-to level below the
	// reorder level, an unknown kind, a missing cost).
	ErrPolicy = errors.New("inventory: inconsistent policy")
	// ErrZeroActual reports a zero actual value where a percentage error is undefined (MAPE).
	ErrZeroActual = errors.New("inventory: zero actual value")
	// ErrLength reports slices whose lengths do not match, or an output slice that is too short.
	ErrLength = errors.New("inventory: length mismatch")
	// ErrDuplicateID reports the same ID twice in one input.
	ErrDuplicateID = errors.New("inventory: duplicate ID")
	// ErrInvalidEnum reports an enumeration value or name this package does not know (a kind, a
	// method, a status).
	ErrInvalidEnum = errors.New("inventory: invalid enumeration value")
	// ErrInvalidJSON reports a JSON document that is malformed, has an unknown or duplicate key, or
	// trailing data.
	ErrInvalidJSON = errors.New("inventory: invalid JSON")
)

// FieldError reports one bad input value: the operation, the path of the field,
// the value and the sentinel that says what is wrong with it. Its message reads
// "inventory: OP: FIELD VALUE: REASON: DETAIL", leaving out the parts that are empty.
type FieldError struct {
	Op     string // the operation, in lower-case words: "evaluate", "decode campaign", "safety stock"
	Field  string // the path of the field: "lines[3].qty", "promotions[2].action.buy_qty", "service_level"
	Value  string // the offending value as text (strings quoted with %q); empty if there is no single value
	Err    error  // the sentinel of this package (or an error of package pricing) it wraps
	Detail string // a short explanation, with the limit where one was crossed: "at most 10000"; may be empty
}

// Error returns "inventory: OP: FIELD VALUE: REASON: DETAIL" without the empty parts;
// REASON is Err's message without its "inventory: " prefix.
func (e *FieldError) Error() string {
	return fielderr.Message("inventory", e.Op, e.Field, e.Value, e.Err, e.Detail)
}

// Unwrap returns the sentinel, for errors.Is.
func (e *FieldError) Unwrap() error { return e.Err }

// text formats a value for FieldError.Value: integers in decimal, floats with 'g' -1, strings
// quoted, durations and decimals with their String.
func text(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return strconv.Quote(v)
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case uint8:
		return strconv.Itoa(int(v))
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case time.Duration:
		return v.String()
	case time.Time:
		return v.Format(time.RFC3339Nano)
	case decimal.Decimal:
		return v.String()
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprint(v)
}

func fieldErr(op, field string, value any, err error) *FieldError {
	return &FieldError{Op: op, Field: field, Value: text(value), Err: err}
}

func detailErr(op, field string, value any, err error, detail string) *FieldError {
	return &FieldError{Op: op, Field: field, Value: text(value), Err: err, Detail: detail}
}

// within returns err as a *FieldError of operation op, its field path under prefix
// ("items[3]" + "stock.on_hand" = "items[3].stock.on_hand"). Other errors are returned unchanged.
func within(err error, op, prefix string) error {
	var fe *FieldError
	if !errors.As(err, &fe) {
		return err
	}
	c := *fe
	c.Op = op
	switch {
	case prefix == "":
	case c.Field == "":
		c.Field = prefix
	case strings.HasPrefix(c.Field, "["):
		c.Field = prefix + c.Field
	default:
		c.Field = prefix + "." + c.Field
	}
	return &c
}

// indexed returns "name[i]".
func indexed(name string, i int) string { return name + "[" + strconv.Itoa(i) + "]" }

// isFinite reports whether x is neither NaN nor infinite.
func isFinite(x float64) bool { return x-x == 0 }

// maxQtyDetail is the Detail of an error for a quantity above MaxQty.
const maxQtyDetail = "at most 1e15 units"

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

// checkQty returns a FieldError unless 0 ≤ x ≤ MaxQty.
func checkQty(op, field string, x float64) error {
	if err := checkNonNeg(op, field, x); err != nil {
		return err
	}
	if x > MaxQty {
		return detailErr(op, field, x, ErrTooLarge, maxQtyDetail)
	}
	return nil
}

// checkLevelQty returns a FieldError unless -MaxQty ≤ x ≤ MaxQty.
func checkLevelQty(op, field string, x float64) error {
	if !isFinite(x) {
		return fieldErr(op, field, x, ErrNotFinite)
	}
	if x > MaxQty || x < -MaxQty {
		return detailErr(op, field, x, ErrTooLarge, "between -1e15 and 1e15 units")
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

// checkSlice returns a FieldError for the first NaN or infinite value; with qty set, also for a
// negative value or one above MaxQty.
func checkSlice(op, field string, xs []float64, qty bool) error {
	for i, x := range xs {
		if qty {
			if err := checkQty(op, indexed(field, i), x); err != nil {
				return err
			}
		} else if !isFinite(x) {
			return fieldErr(op, indexed(field, i), x, ErrNotFinite)
		}
	}
	return nil
}

// checkResult returns a FieldError wrapping ErrTooLarge when a computed result is infinite and
// ErrNotFinite when it is NaN: the inputs were each valid but together leave the float64 range.
func checkResult(op, field string, x float64) error {
	if isFinite(x) {
		return nil
	}
	if math.IsNaN(x) {
		return detailErr(op, field, x, ErrNotFinite, "the inputs give an undefined result")
	}
	return detailErr(op, field, x, ErrTooLarge, "the result is beyond the float64 range")
}
