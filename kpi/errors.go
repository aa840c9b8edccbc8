package kpi

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error returned by this package wraps one of these
// (usually inside a *[FieldError]), or wraps an error of package pricing,
// so callers can match with [errors.Is] and [errors.As].
var (
	// ErrInvalidTiers: a commission tier table that is empty, does not start
	// at zero, is out of order, or has a gap or an overlap.
	ErrInvalidTiers = errors.New("invalid tier table")
	// ErrInvalidRate: a commission rate or multiplier outside its range.
	ErrInvalidRate = errors.New("invalid rate")
	// ErrNegativeAmount: a money amount below zero where that is meaningless
	// (sales, refunds, a cap, a quota, a reward, a budget).
	ErrNegativeAmount = errors.New("negative amount")
	// ErrInvalidNumber: NaN, ±Inf, or a number outside the field's range.
	ErrInvalidNumber = errors.New("invalid number")
	// ErrNegativeWeight: a metric or roll-up weight below zero.
	ErrNegativeWeight = errors.New("negative weight")
	// ErrWeightSum: metric weights that do not sum to 1 under the
	// sum-to-one policy, or that sum to zero.
	ErrWeightSum = errors.New("weights do not sum to 1")
	// ErrInvalidTarget: a target that the metric's curve cannot use, such as
	// a zero or negative target for an inverse curve.
	ErrInvalidTarget = errors.New("invalid target")
	// ErrInvalidCurve: a scoring curve with an unknown kind, a cap below
	// zero, bands out of order, or a kind that does not fit the direction.
	ErrInvalidCurve = errors.New("invalid scoring curve")
	// ErrInvalidEnum: an enumeration value (direction, method, policy, role,
	// period ...) outside its defined constants.
	ErrInvalidEnum = errors.New("invalid enumeration value")
	// ErrMissingData: a metric value is missing and the policy is to fail,
	// or every metric of a scorecard is missing.
	ErrMissingData = errors.New("missing data")
	// ErrUnknownMetric: a value for a metric ID that the scheme does not have.
	ErrUnknownMetric = errors.New("unknown metric")
	// ErrUnknownActivity: an activity kind that the quota scheme does not have.
	ErrUnknownActivity = errors.New("unknown activity")
	// ErrDuplicate: an ID, person, date or submission given twice.
	ErrDuplicate = errors.New("duplicate")
	// ErrEmpty: a required ID, name, list or location is empty.
	ErrEmpty = errors.New("empty")
	// ErrNoWorkingTime: a business-hours schedule that never works.
	ErrNoWorkingTime = errors.New("schedule has no working time")
	// ErrInvalidTimeRange: a clock time outside 00:00-24:00, or a range whose
	// end is not after its start, or ranges that overlap.
	ErrInvalidTimeRange = errors.New("invalid time range")
	// ErrInvalidDate: a calendar date that does not exist (June 31).
	ErrInvalidDate = errors.New("invalid date")
	// ErrOutOfOrder: messages of one conversation not in time order.
	ErrOutOfOrder = errors.New("out of order")
	// ErrUnknownRole: a message role outside customer, agent and system.
	ErrUnknownRole = errors.New("unknown role")
	// ErrInconsistent: records that contradict each other, such as one
	// conversation with two customers.
	ErrInconsistent = errors.New("inconsistent records")
	// ErrInvalidRating: a DSR score outside 1-5.
	ErrInvalidRating = errors.New("invalid rating")
)

// FieldError reports bad input: the operation, the path of the offending
// field ("metrics[2].weight") and its value as text. It wraps the sentinel
// that says what is wrong, so errors.Is(err, ErrNegativeWeight) works, and
// callers that need the field path use errors.As.
type FieldError struct {
	Op     string // the operation, such as "scorecard" or "commission"
	Field  string // the field path, such as "metrics[2].weight"
	Value  string // the offending value as text
	Err    error  // the sentinel (or pricing error) wrapped
	Detail string // optional explanation
}

// Error formats "kpi: OP: FIELD VALUE: ERR[: DETAIL]".
func (e *FieldError) Error() string {
	s := "kpi: " + e.Op + ": " + e.Field
	if e.Value != "" {
		s += " " + e.Value
	}
	s += ": " + e.Err.Error()
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

// Unwrap returns the wrapped sentinel.
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
	return fmt.Errorf("kpi: %s: %s: %w", op, prefix, err)
}
