package kpi

import (
	"fmt"
	"math"
)

// CurveKind names the shape of a scoring curve. The zero value is invalid.
type CurveKind uint8

const (
	// Linear scores (value - zero) / (target - zero), clamped to [0, cap]:
	// 0 at Zero, 1 at the target, growing past it up to the cap. For a
	// higher-is-better metric Zero defaults to 0 (score = value ÷ target,
	// 达成率); for a lower-is-better metric Zero must be set above the target
	// (the value that scores 0, say 300 s for a 60 s response target).
	Linear CurveKind = iota + 1
	// Inverse is for lower-is-better metrics: score = target ÷ value,
	// clamped to [0, cap]; a value of 0 or less scores the cap. A response
	// time of 120 s against a 60 s target scores 0.5. Needs a positive target.
	Inverse
	// Threshold is pass / fail (达标): 1 if the value reaches the target
	// (value ≥ target, or ≤ for lower-is-better), else 0.
	Threshold
	// Bands is a step function (分档): for higher-is-better the score of the
	// band with the largest At ≤ value; for lower-is-better the score of the
	// band with the smallest At ≥ value; 0 when no band applies. A value equal
	// to At belongs to that band.
	Bands
)

// Band is one step of a [Bands] curve: values reaching At score Score.
type Band struct {
	At    float64 `json:"at"`
	Score float64 `json:"score"`
}

// Curve turns a metric's value into a score in [0, cap], where 1 means the
// target is met. Cap is the highest score (0 means 1; 1.2 lets a metric
// earn 120%); it must be at least 1.
type Curve struct {
	Kind  CurveKind `json:"kind"`
	Cap   float64   `json:"cap,omitempty"`
	Zero  float64   `json:"zero,omitempty"`  // Linear only: the value scoring 0
	Bands []Band    `json:"bands,omitempty"` // Bands only, At strictly increasing
}

// MaxScore returns the curve's cap: Cap, or 1 when Cap is zero.
func (c Curve) MaxScore() float64 {
	if c.Cap == 0 {
		return 1
	}
	return c.Cap
}

// MaxCap is the largest scoring cap ([Curve].Cap): a score is at most a
// million times "target met", which keeps every total and roll-up finite.
const MaxCap = 1_000_000

// validate checks the curve for a metric with direction d and target t.
// Field paths are relative to the curve.
func (c Curve) validate(d Direction, t float64) error {
	const op = "curve"
	if !finite(c.Cap) || (c.Cap != 0 && c.Cap < 1) {
		return fieldErr(op, "cap", c.Cap, ErrInvalidCurve, "must be at least 1 (0 means 1)")
	}
	if c.Cap > MaxCap {
		return fieldErr(op, "cap", c.Cap, ErrTooLarge, fmt.Sprintf("at most %g", float64(MaxCap)))
	}
	if !finite(c.Zero) {
		return fieldErr(op, "zero", c.Zero, ErrInvalidNumber)
	}
	if c.Kind != Bands && len(c.Bands) > 0 {
		return fieldErr(op, "bands", len(c.Bands), ErrInvalidCurve, "only a bands curve has bands")
	}
	if c.Kind != Linear && c.Zero != 0 {
		return fieldErr(op, "zero", c.Zero, ErrInvalidCurve, "only a linear curve has a zero point")
	}
	switch c.Kind {
	case Linear:
		if d == HigherIsBetter && !(t > c.Zero) {
			return fieldErr(op, "target", t, ErrInvalidTarget, fmt.Sprintf("must be above the zero point %v", c.Zero))
		}
		if d == LowerIsBetter && !(c.Zero > t) {
			return fieldErr(op, "zero", c.Zero, ErrInvalidCurve, fmt.Sprintf("lower-is-better needs a zero point above the target %v", t))
		}
	case Inverse:
		if d != LowerIsBetter {
			return fieldErr(op, "kind", c.Kind.String(), ErrInvalidCurve, "inverse is for lower-is-better metrics")
		}
		if !(t > 0) {
			return fieldErr(op, "target", t, ErrInvalidTarget, "inverse needs a positive target")
		}
	case Threshold:
	case Bands:
		if len(c.Bands) == 0 {
			return fieldErr(op, "bands", nil, ErrInvalidCurve, "no bands")
		}
		for i, b := range c.Bands {
			f := fmt.Sprintf("bands[%d]", i)
			if !finite(b.At) {
				return fieldErr(op, f+".at", b.At, ErrInvalidNumber)
			}
			if i > 0 && !(b.At > c.Bands[i-1].At) {
				return fieldErr(op, f+".at", b.At, ErrInvalidCurve, "must be above the previous band")
			}
			if !finite(b.Score) || b.Score < 0 || b.Score > c.MaxScore() {
				return fieldErr(op, f+".score", b.Score, ErrInvalidCurve, fmt.Sprintf("must be within [0, cap %v]", c.MaxScore()))
			}
		}
	default:
		return fieldErr(op, "kind", int(c.Kind), ErrInvalidEnum)
	}
	return nil
}

// score applies a validated curve; v is finite.
func (c Curve) score(d Direction, t, v float64) float64 {
	top := c.MaxScore()
	var s float64
	switch c.Kind {
	case Linear:
		// Halves first: v - zero can overflow to ±Inf for finite values
		// near ±1.8e308 (and Inf/Inf is NaN); halving is exact and the
		// difference of two halves is finite.
		s = (v/2 - c.Zero/2) / (t/2 - c.Zero/2)
	case Inverse:
		if v <= 0 {
			return top
		}
		s = t / v
	case Threshold:
		if (d == HigherIsBetter && v >= t) || (d == LowerIsBetter && v <= t) {
			s = 1
		}
	case Bands:
		if d == HigherIsBetter {
			for i := len(c.Bands) - 1; i >= 0; i-- {
				if c.Bands[i].At <= v {
					return c.Bands[i].Score
				}
			}
		} else {
			for _, b := range c.Bands {
				if b.At >= v {
					return b.Score
				}
			}
		}
		return 0
	}
	// NaN can come out of extreme values (Inf - Inf); it scores 0.
	if !(s > 0) {
		return 0
	}
	if s > top {
		return top
	}
	return s
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
