package kpi

import "fmt"

// Direction says whether more of a metric is better (sales, conversion
// 转化率) or less (response time 响应时间, refund rate). The zero value is
// invalid: every metric states its direction.
type Direction uint8

const (
	// HigherIsBetter: a larger value scores higher.
	HigherIsBetter Direction = iota + 1
	// LowerIsBetter: a smaller value scores higher.
	LowerIsBetter
)

// Metric is one appraisal indicator (考核指标): what is measured, which way
// is better, the target (目标值), its weight (权重) in a scheme and the curve
// that turns a value into a score.
//
// A metric's contribution (得分) to a scorecard is weight × score, where the
// score is the curve's value in [0, cap] and 1 means the target is met.
type Metric struct {
	ID        string    `json:"id"`
	Name      string    `json:"name,omitempty"`
	Unit      string    `json:"unit,omitempty"`
	Direction Direction `json:"direction"`
	Target    float64   `json:"target"`
	Weight    float64   `json:"weight"`
	Curve     Curve     `json:"curve"`
}

// Validate checks the metric: a non-empty ID, a known direction, a finite
// target and weight, a weight of at least 0, and a curve that fits the
// direction and target (see [CurveKind]). Errors are *[FieldError] values.
func (m Metric) Validate() error { return m.validate("metric", "") }

func (m Metric) validate(op, prefix string) error {
	p := func(f string) string {
		if prefix == "" {
			return f
		}
		return prefix + "." + f
	}
	if m.ID == "" {
		return fieldErr(op, p("id"), m.ID, ErrEmpty)
	}
	if m.Direction != HigherIsBetter && m.Direction != LowerIsBetter {
		return fieldErr(op, p("direction"), int(m.Direction), ErrInvalidEnum)
	}
	if !finite(m.Target) {
		return fieldErr(op, p("target"), m.Target, ErrInvalidNumber)
	}
	if !finite(m.Weight) {
		return fieldErr(op, p("weight"), m.Weight, ErrInvalidNumber)
	}
	if m.Weight < 0 {
		return fieldErr(op, p("weight"), m.Weight, ErrNegativeWeight)
	}
	if err := m.Curve.validate(m.Direction, m.Target); err != nil {
		return withOp(op, p("curve"), err)
	}
	return nil
}

// Score returns the metric's score for value v, in [0, cap]. Errors: an
// invalid metric; a NaN or infinite value ([ErrInvalidNumber]).
func (m Metric) Score(v float64) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if !finite(v) {
		return 0, fieldErr("metric", fmt.Sprintf("value of %q", m.ID), v, ErrInvalidNumber)
	}
	return m.Curve.score(m.Direction, m.Target, v), nil
}
