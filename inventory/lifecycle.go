package inventory

import (
	"fmt"
	"math"
)

// LifecycleStage is a product lifecycle stage: new, growth, mature or decline. Its text form is
// "new", "growth", "mature" or "decline".
type LifecycleStage uint8

// Lifecycle stages. The zero value is not a stage.
const (
	StageNew LifecycleStage = iota + 1
	StageGrowth
	StageMature
	StageDecline
)

// String returns the stage's name.
func (s LifecycleStage) String() string {
	switch s {
	case StageNew:
		return "new"
	case StageGrowth:
		return "growth"
	case StageMature:
		return "mature"
	case StageDecline:
		return "decline"
	}
	return fmt.Sprintf("LifecycleStage(%d)", uint8(s))
}

// LifecycleRule classifies a product's lifecycle stage from its sales per period (the seeds name the
// four stages but give no rule; this one is the package's, documented and testable):
//
//  1. The age is the number of periods from the first period with a sale to the end of the series.
//     A product younger than NewPeriods periods, or younger than 2·Window (too young to compare two
//     windows), is new. A series without any sale is new too (it has not started selling).
//  2. Otherwise compare the sales of the last Window periods (recent) with the Window periods before
//     them (previous): recent ≥ (1 + Growth)·previous is the growth stage, recent ≤ (1 - Decline)·
//     previous is decline, anything between is mature. With no previous sales, recent sales are
//     growth and no sales at all are decline.
//
// [DefaultLifecycleRule] is 8 periods new, windows of 4 and ±20 %: with weekly sales, two months
// new, then the last four weeks against the four before.
type LifecycleRule struct {
	NewPeriods int     `json:"new_periods"` // a product younger than this is new; at least 1
	Window     int     `json:"window"`      // periods in each compared window; at least 1
	Growth     float64 `json:"growth"`      // the growth rate from which a product is growing, > 0
	Decline    float64 `json:"decline"`     // the fall (as a positive share) from which it declines, in (0, 1]
}

// DefaultLifecycleRule returns NewPeriods 8, Window 4, Growth 0.2, Decline 0.2.
func DefaultLifecycleRule() LifecycleRule {
	return LifecycleRule{NewPeriods: 8, Window: 4, Growth: 0.2, Decline: 0.2}
}

// Lifecycle is the answer of [LifecycleRule.Classify] with the numbers behind it.
type Lifecycle struct {
	Stage    LifecycleStage `json:"stage"`
	Age      int            `json:"age"`      // periods since the first sale, counting it; 0 when none
	Recent   float64        `json:"recent"`   // sales in the last window (0 for a new product)
	Previous float64        `json:"previous"` // sales in the window before (0 for a new product)
	// Growth is (recent - previous)/previous, capped at the largest float64 (never +Inf); 0 for a new
	// product or when both windows are empty; with no previous sales and some recent sales it is
	// reported as 1 (100 %).
	Growth float64 `json:"growth"`
}

// Classify returns the lifecycle stage of sales, one value per period, oldest first. It returns an
// error for an invalid rule (NewPeriods or Window below 1, Growth not positive and finite, Decline
// outside (0, 1]), an empty series, or a value that is negative, NaN, infinite or above [MaxQty].
func (r LifecycleRule) Classify(sales []float64) (Lifecycle, error) {
	const op = "lifecycle"
	switch {
	case r.NewPeriods < 1:
		return Lifecycle{}, fieldErr(op, "new_periods", r.NewPeriods, ErrNotPositive)
	case r.Window < 1:
		return Lifecycle{}, fieldErr(op, "window", r.Window, ErrNotPositive)
	}
	if err := checkPos(op, "growth", r.Growth); err != nil {
		return Lifecycle{}, err
	}
	if err := checkPos(op, "decline", r.Decline); err != nil {
		return Lifecycle{}, err
	}
	if r.Decline > 1 {
		return Lifecycle{}, detailErr(op, "decline", r.Decline, ErrPolicy, "a fall of at most 100 %")
	}
	if len(sales) == 0 {
		return Lifecycle{}, fieldErr(op, "sales", nil, ErrEmptyHistory)
	}
	if err := checkSlice(op, "sales", sales, true); err != nil {
		return Lifecycle{}, err
	}
	first := -1
	for i, v := range sales {
		if v > 0 {
			first = i
			break
		}
	}
	if first < 0 {
		return Lifecycle{Stage: StageNew}, nil
	}
	age := len(sales) - first
	if age < r.NewPeriods || age/2 < r.Window {
		return Lifecycle{Stage: StageNew, Age: age}, nil
	}
	n := len(sales)
	var recent, previous float64 // at most Window·MaxQty each: finite
	for _, v := range sales[n-r.Window:] {
		recent += v
	}
	for _, v := range sales[n-2*r.Window : n-r.Window] {
		previous += v
	}
	l := Lifecycle{Age: age, Recent: recent, Previous: previous}
	switch {
	case previous > 0:
		// A previous window of a few subnormal units makes the ratio overflow: cap it (fuzzing found
		// 126 against 3e-323).
		l.Growth = min((recent-previous)/previous, math.MaxFloat64)
	case recent > 0:
		l.Growth = 1
	default:
		l.Stage = StageDecline // no sales in either window
		return l, nil
	}
	// Compared as recent ≥ (1 + Growth)·previous, not through the rounded ratio, so that 24 against 20
	// is exactly +20 %.
	switch {
	case previous == 0 || recent >= (1+r.Growth)*previous:
		l.Stage = StageGrowth
	case recent <= (1-r.Decline)*previous:
		l.Stage = StageDecline
	default:
		l.Stage = StageMature
	}
	return l, nil
}
