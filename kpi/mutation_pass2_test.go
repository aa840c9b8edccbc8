package kpi

import (
	"errors"
	"math"
	"testing"
)

// Tests written from the survivors of the whole-package gremlins run of
// issue 19, grouped by the file they pin.

// curve.go

// Curve validation on the values where a flipped comparison changes the
// answer (issue 19): an inverse curve's target must be above 0 (60/v is
// undefined for a zero target), a band may score exactly 0 but not below.
func TestCurveValidateBoundaries(t *testing.T) {
	m := func(d Direction, target float64, c Curve) Metric {
		return Metric{ID: "m", Direction: d, Target: target, Weight: 1, Curve: c}
	}
	for _, tt := range []struct {
		name string
		give Metric
		want error
	}{
		{"inverse target 0", m(LowerIsBetter, 0, Curve{Kind: Inverse}), ErrInvalidTarget},
		{"inverse target 0.001", m(LowerIsBetter, 0.001, Curve{Kind: Inverse}), nil},
		{"band score 0", m(HigherIsBetter, 1, Curve{Kind: Bands, Bands: []Band{{1, 0}, {2, 1}}}), nil},
		{"band score below 0", m(HigherIsBetter, 1, Curve{Kind: Bands, Bands: []Band{{1, -0.1}}}), ErrInvalidCurve},
	} {
		if err := tt.give.Validate(); !errors.Is(err, tt.want) || (tt.want == nil && err != nil) {
			t.Errorf("%s: Validate = %v, want %v", tt.name, err, tt.want)
		}
	}
}

// A linear lower-is-better curve scores +0 at its zero point, not -0: the
// quotient (300-300)/(60-300) is -0 in floating point, which JSON would
// print as "-0" (issue 19).
func TestCurveScoreZeroIsPositive(t *testing.T) {
	lin := Metric{ID: "m", Direction: LowerIsBetter, Target: 60, Weight: 1, Curve: Curve{Kind: Linear, Zero: 300}}
	got, err := lin.Score(300)
	if err != nil || got != 0 || math.Signbit(got) {
		t.Errorf("Score(300) = %v (signbit %v), %v; want +0", got, math.Signbit(got), err)
	}
}

// enum.go

// An unknown name's error lists the names that are accepted, leaving out
// the invalid zero value's empty name.
func TestEnumParseErrorListsNames(t *testing.T) {
	var m TierMethod
	err := m.UnmarshalText([]byte("flat"))
	want := `kpi: decode: tier method "flat": invalid enumeration value: want one of ["marginal" "whole_amount"]`
	if !errors.Is(err, ErrInvalidEnum) || err.Error() != want {
		t.Errorf("UnmarshalText(flat) = %v\nwant %s", err, want)
	}
}
