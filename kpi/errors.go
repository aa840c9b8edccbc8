package kpi

import (
	"errors"
	"fmt"

	"github.com/opskit/opskit/internal/fielderr"
)

// Sentinel errors. Every error returned by this package wraps one of these
// (usually inside a *[FieldError]), or wraps an error of package pricing,
// so callers can match with [errors.Is] and [errors.As].
var (
	// ErrInvalidTiers: a commission tier table that is empty, does not start
	// at zero, is out of order, or has a gap or an overlap.
	ErrInvalidTiers = errors.New("kpi: invalid tier table")
	// ErrInvalidRate: a commission rate or multiplier outside its range.
	ErrInvalidRate = errors.New("kpi: invalid rate")
	// ErrNegativeAmount: a money amount below zero where that is meaningless
	// (sales, refunds, a cap, a quota, a reward, a budget).
	ErrNegativeAmount = errors.New("kpi: negative amount")
	// ErrInvalidNumber: NaN, ±Inf, or a number outside the field's range.
	ErrInvalidNumber = errors.New("kpi: invalid number")
	// ErrNegativeWeight: a metric or roll-up weight below zero.
	ErrNegativeWeight = errors.New("kpi: negative weight")
	// ErrWeightSum: metric weights that do not sum to 1 under the
	// sum-to-one policy, or that sum to zero.
	ErrWeightSum = errors.New("kpi: weights do not sum to 1")
	// ErrInvalidTarget: a target that the metric's curve cannot use, such as
	// a zero or negative target for an inverse curve.
	ErrInvalidTarget = errors.New("kpi: invalid target")
	// ErrInvalidCurve: a scoring curve with an unknown kind, a cap below
	// zero, bands out of order, or a kind that does not fit the direction.
	ErrInvalidCurve = errors.New("kpi: invalid scoring curve")
	// ErrInvalidEnum: an enumeration value (direction, method, policy, role,
	// period ...) outside its defined constants.
	ErrInvalidEnum = errors.New("kpi: invalid enumeration value")
	// ErrMissingData: a metric value is missing and the policy is to fail,
	// or every metric of a scorecard is missing.
	ErrMissingData = errors.New("kpi: missing data")
	// ErrUnknownMetric: a value for a metric ID that the scheme does not have.
	ErrUnknownMetric = errors.New("kpi: unknown metric")
	// ErrUnknownActivity: an activity kind that the quota scheme does not have.
	ErrUnknownActivity = errors.New("kpi: unknown activity")
	// ErrDuplicate: an ID, person, date or submission given twice.
	ErrDuplicate = errors.New("kpi: duplicate")
	// ErrEmpty: a required ID, name, list or location is empty.
	ErrEmpty = errors.New("kpi: empty")
	// ErrNoWorkingTime: a business-hours schedule that never works.
	ErrNoWorkingTime = errors.New("kpi: schedule has no working time")
	// ErrInvalidTimeRange: a clock time outside 00:00-24:00, or a range whose
	// end is not after its start, or ranges that overlap.
	ErrInvalidTimeRange = errors.New("kpi: invalid time range")
	// ErrInvalidDate: a calendar date that does not exist (June 31).
	ErrInvalidDate = errors.New("kpi: invalid date")
	// ErrOutOfOrder: messages of one conversation not in time order.
	ErrOutOfOrder = errors.New("kpi: out of order")
	// ErrUnknownRole: a message role outside customer, agent and system.
	ErrUnknownRole = errors.New("kpi: unknown role")
	// ErrInconsistent: records that contradict each other, such as one
	// conversation with two customers.
	ErrInconsistent = errors.New("kpi: inconsistent records")
	// ErrInvalidJSON: a JSON document that is not well formed, has an
	// unknown or repeated key, a value of the wrong type, or trailing data.
	ErrInvalidJSON = errors.New("kpi: invalid JSON")
	// ErrTooLarge: a documented limit crossed, or a sum that would overflow
	// (see the package's Limits section); Detail gives the limit.
	ErrTooLarge = errors.New("kpi: beyond limits")
	// ErrInvalidRating: a DSR score outside 1-5.
	ErrInvalidRating = errors.New("kpi: invalid rating")
)

// FieldError reports one bad input value: the operation, the path of the field,
// the value and the sentinel that says what is wrong with it. Its message reads
// "kpi: OP: FIELD VALUE: REASON: DETAIL", leaving out the parts that are empty.
type FieldError struct {
	Op     string // the operation, in lower-case words: "evaluate", "decode campaign", "safety stock"
	Field  string // the path of the field: "lines[3].qty", "promotions[2].action.buy_qty", "service_level"
	Value  string // the offending value as text (strings quoted with %q); empty if there is no single value
	Err    error  // the sentinel of this package (or an error of package pricing) it wraps
	Detail string // a short explanation, with the limit where one was crossed: "at most 10000"; may be empty
}

// Error returns "kpi: OP: FIELD VALUE: REASON: DETAIL" without the empty parts;
// REASON is Err's message without its "kpi: " prefix.
func (e *FieldError) Error() string {
	return fielderr.Message("kpi", e.Op, e.Field, e.Value, e.Err, e.Detail)
}

// Unwrap returns the sentinel, for errors.Is.
func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(op, field string, value any, err error, detail ...string) error {
	fe := &FieldError{Op: op, Field: field, Err: err}
	switch v := value.(type) {
	case nil:
	case string:
		fe.Value = fmt.Sprintf("%q", v)
	default:
		fe.Value = fmt.Sprint(v)
	}
	if len(detail) > 0 {
		fe.Detail = detail[0]
	}
	return fe
}

// withOp prefixes a nested FieldError's field path, or wraps any other
// error with the operation.
func withOp(op, prefix string, err error) error {
	var fe *FieldError
	if errors.As(err, &fe) {
		c := *fe
		c.Op = op
		if prefix != "" {
			if c.Field != "" {
				c.Field = prefix + "." + c.Field
			} else {
				c.Field = prefix
			}
		}
		return &c
	}
	return &FieldError{Op: op, Field: prefix, Err: err}
}
