package promo

import (
	"errors"
	"fmt"

	"github.com/opskit/opskit/internal/fielderr"
)

// Sentinel errors of the engine. Every error it returns for bad input is a
// *[FieldError] that names the operation and the field and wraps one of
// these (or an error of package pricing), so callers match with errors.Is
// and read the field with errors.As.
var (
	// ErrInvalidPromotion: a promotion definition is incomplete or
	// contradictory (no action, an empty ID, a window ending before it
	// starts, a campaign the floor policy does not know).
	ErrInvalidPromotion = errors.New("promo: invalid promotion")
	// ErrInvalidAction: an action's parameters are out of range
	// (non-increasing tiers, a zero per-every step, N below 2, ...).
	ErrInvalidAction = errors.New("promo: invalid action")
	// ErrInvalidCart: a cart is malformed (no currency, an empty line ID,
	// a quantity below 1, a negative price, an unrounded price, a usage
	// in another currency).
	ErrInvalidCart = errors.New("promo: invalid cart")
	// ErrDuplicateID: two promotions, or two cart lines, share an ID.
	ErrDuplicateID = errors.New("promo: duplicate ID")
	// ErrTooLarge: a count, an amount or a document beyond the package's
	// limits (see the package doc's Limits section); the FieldError's
	// Detail says which limit.
	ErrTooLarge = errors.New("promo: beyond limits")
	// ErrUnknownName: the text of an enum ([Status], [Reason],
	// [GiftPolicy]) is not one of its names, or the value has no name.
	ErrUnknownName = errors.New("promo: unknown name")
	// ErrInvalidOption: an [Option] was given a value it cannot take (a
	// work budget below 1, a nil time-zone resolver); the FieldError's
	// Field names the option ("WithWorkBudget").
	ErrInvalidOption = errors.New("promo: invalid option")
)

// FieldError reports one bad input value: the operation, the path of the field,
// the value and the sentinel that says what is wrong with it. Its message reads
// "promo: OP: FIELD VALUE: REASON: DETAIL", leaving out the parts that are empty.
type FieldError struct {
	Op     string // the operation, in lower-case words: "evaluate", "decode campaign", "safety stock"
	Field  string // the path of the field: "lines[3].qty", "promotions[2].action.buy_qty", "service_level"
	Value  string // the offending value as text (strings quoted with %q); empty if there is no single value
	Err    error  // the sentinel of this package (or an error of package pricing) it wraps
	Detail string // a short explanation, with the limit where one was crossed: "at most 10000"; may be empty
}

// Error returns "promo: OP: FIELD VALUE: REASON: DETAIL" without the empty parts;
// REASON is Err's message without its "promo: " prefix.
func (e *FieldError) Error() string {
	return fielderr.Message("promo", e.Op, e.Field, e.Value, e.Err, e.Detail)
}

// Unwrap returns the sentinel, for errors.Is.
func (e *FieldError) Unwrap() error { return e.Err }

// fieldErr builds a *FieldError without its Op, which the entry point sets
// with withOp. path is the field's path in JSON key names.
func fieldErr(path, value string, err error, why string, args ...any) *FieldError {
	if len(args) > 0 {
		why = fmt.Sprintf(why, args...)
	}
	return &FieldError{Field: path, Value: value, Err: err, Detail: why}
}

// Operations named in errors, one per entry point.
const (
	opNewEngine      = "new engine"
	opEvaluate       = "evaluate"
	opRefund         = "refund"
	opValidateCart   = "validate cart"
	opDecodeCampaign = "decode campaign"
	opEncodeCampaign = "encode campaign"
	opValidate       = "validate campaign"
	opCheck          = "check campaign"
)

// withOp sets op on every *FieldError in err (through errors.Join and
// other multi-error wrappers) that has none yet, and returns err. The
// errors are the ones this call just built, never shared values.
func withOp(op string, err error) error {
	setOp(op, err, 0)
	return err
}

func setOp(op string, err error, depth int) {
	if err == nil || depth > 8 {
		return
	}
	switch e := err.(type) {
	case *FieldError:
		if e.Op == "" {
			e.Op = op
		}
	case interface{ Unwrap() []error }:
		for _, x := range e.Unwrap() {
			setOp(op, x, depth+1)
		}
	}
}
