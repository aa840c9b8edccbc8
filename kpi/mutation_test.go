package kpi

import (
	"encoding"
	"errors"
	"fmt"
	"strconv"
	"testing"
)

// Mutation pass (issue 19, gremlins v0.5.0). Equivalent mutants, which no
// test can kill, with why they cannot change behaviour:
//
//   (filled in below as the survivors are read)

type enumValue interface {
	~uint8
	encoding.TextMarshaler
	fmt.Stringer
}

// checkEnum pins one enumeration's text forms: names[i] is the documented
// name of value i ("" where i is invalid). Every name marshals and parses
// back to its value, an unknown name is ErrInvalidEnum and leaves the
// target unchanged, and a value past the table prints as its number.
func checkEnum[T enumValue, P interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, names ...string) {
	t.Helper()
	for i, n := range names {
		v := T(i)
		b, err := v.MarshalText()
		if n == "" {
			if !errors.Is(err, ErrInvalidEnum) || v.String() != strconv.Itoa(i) {
				t.Errorf("%T(%d): MarshalText = %q, %v; String %q", v, i, b, err, v.String())
			}
			continue
		}
		if err != nil || string(b) != n || v.String() != n {
			t.Errorf("%T(%d): MarshalText = %q, %v; String %q; want %q", v, i, b, err, v.String(), n)
		}
		got := T(200)
		if err := P(&got).UnmarshalText([]byte(n)); err != nil || got != v {
			t.Errorf("%T.UnmarshalText(%q) = %d, %v; want %d", v, n, got, err, i)
		}
		err = P(&got).UnmarshalText([]byte(n + "x"))
		var fe *FieldError
		if !errors.Is(err, ErrInvalidEnum) || !errors.As(err, &fe) || got != v {
			t.Errorf("%T.UnmarshalText(%q) = %d, %v; want ErrInvalidEnum, value kept", v, n+"x", got, err)
		}
	}
	past := T(len(names))
	if _, err := past.MarshalText(); !errors.Is(err, ErrInvalidEnum) || past.String() != strconv.Itoa(len(names)) {
		t.Errorf("%T(%d) = %q, %v", past, len(names), past.String(), err)
	}
}

func TestEveryEnumText(t *testing.T) {
	checkEnum[TierMethod](t, "", "marginal", "whole_amount")
	checkEnum[BoundaryOwner](t, "lower", "upper")
	checkEnum[Direction](t, "", "higher", "lower")
	checkEnum[CurveKind](t, "", "linear", "inverse", "threshold", "bands")
	checkEnum[WeightPolicy](t, "sum_to_one", "normalize")
	checkEnum[MissingPolicy](t, "error", "zero", "exclude")
	checkEnum[Aggregation](t, "", "sum", "mean", "weighted_mean")
	checkEnum[RankMethod](t, "", "competition", "dense")
	checkEnum[RewardKind](t, "", "top_n", "everyone")
	checkEnum[Role](t, "", "customer", "agent", "system")
	checkEnum[QuotaPeriod](t, "", "daily", "weekly")
	checkEnum[RewardOrder](t, "score", "time")
	checkEnum[DSRDimension](t, "", "description", "service", "shipping")
	// The constants are the documented values.
	if Marginal != 1 || UpperBandOwns != 1 || LowerIsBetter != 2 || Bands != 4 || WeightsNormalize != 1 ||
		MissingExcluded != 2 || WeightedMean != 3 || Dense != 2 || RoleAgent != 2 || Weekly != 2 || ByTime != 1 {
		t.Errorf("enum constants moved")
	}
}

// Curve validation at its edges: the cap limit is inclusive, and a linear
// curve whose zero point equals the target (which would divide by zero) is
// rejected in both directions (issue 19, kpi/curve.go ~77).
func TestCurveEdges(t *testing.T) {
	m := func(d Direction, target float64, c Curve) Metric {
		return Metric{ID: "m", Direction: d, Target: target, Weight: 1, Curve: c}
	}
	if err := m(HigherIsBetter, 100, Curve{Kind: Linear, Cap: MaxCap}).Validate(); err != nil {
		t.Errorf("cap = MaxCap: %v", err)
	}
	if err := m(HigherIsBetter, 100, Curve{Kind: Linear, Cap: MaxCap + 1}).Validate(); !errors.Is(err, ErrTooLarge) {
		t.Errorf("cap = MaxCap+1: %v, want ErrTooLarge", err)
	}
	if err := m(HigherIsBetter, 100, Curve{Kind: Linear, Cap: 1}).Validate(); err != nil {
		t.Errorf("cap = 1: %v", err)
	}
	if err := m(HigherIsBetter, 100, Curve{Kind: Linear, Cap: 0.999}).Validate(); !errors.Is(err, ErrInvalidCurve) {
		t.Errorf("cap = 0.999: %v, want ErrInvalidCurve", err)
	}
	if err := m(LowerIsBetter, 60, Curve{Kind: Linear, Zero: 60}).Validate(); !errors.Is(err, ErrInvalidCurve) {
		t.Errorf("lower-is-better, zero = target: %v, want ErrInvalidCurve", err)
	}
	if err := m(HigherIsBetter, 50, Curve{Kind: Linear, Zero: 50}).Validate(); !errors.Is(err, ErrInvalidTarget) {
		t.Errorf("higher-is-better, zero = target: %v, want ErrInvalidTarget", err)
	}
	// Hand arithmetic: lower-is-better, zero 300 s, target 60 s: a 120 s
	// response scores (120-300)/(60-300) = 0.75; 30 s scores 1.125 capped at
	// 1.1; 300 s and beyond score 0.
	lin := m(LowerIsBetter, 60, Curve{Kind: Linear, Zero: 300, Cap: 1.1})
	for v, want := range map[float64]float64{120: 0.75, 30: 1.1, 45: 1.0625, 300: 0, 400: 0} {
		if got, err := lin.Score(v); err != nil || got != want {
			t.Errorf("linear lower Score(%v) = %v, %v; want %v", v, got, err, want)
		}
	}
	// Inverse: 60/120 = 0.5; 60/40 = 1.5 capped at 1.2; 0 and below score the cap.
	inv := m(LowerIsBetter, 60, Curve{Kind: Inverse, Cap: 1.2})
	for v, want := range map[float64]float64{120: 0.5, 40: 1.2, 0: 1.2, -5: 1.2, 60: 1} {
		if got, err := inv.Score(v); err != nil || got != want {
			t.Errorf("inverse Score(%v) = %v, %v; want %v", v, got, err, want)
		}
	}
	// Threshold: reaching the target exactly passes, in both directions.
	for _, tt := range []struct {
		d       Direction
		v, want float64
	}{{HigherIsBetter, 100, 1}, {HigherIsBetter, 99.9, 0}, {LowerIsBetter, 100, 1}, {LowerIsBetter, 100.1, 0}} {
		if got, err := m(tt.d, 100, Curve{Kind: Threshold}).Score(tt.v); err != nil || got != tt.want {
			t.Errorf("threshold %v Score(%v) = %v, %v; want %v", tt.d, tt.v, got, err, tt.want)
		}
	}
	// Bands: a value equal to At belongs to that band.
	bands := []Band{{50, 0.5}, {80, 0.8}, {100, 1}}
	for _, tt := range []struct {
		d       Direction
		v, want float64
	}{
		{HigherIsBetter, 80, 0.8}, {HigherIsBetter, 79.9, 0.5}, {HigherIsBetter, 49, 0}, {HigherIsBetter, 1e9, 1},
		{LowerIsBetter, 80, 0.8}, {LowerIsBetter, 80.1, 1}, {LowerIsBetter, 101, 0}, {LowerIsBetter, -1, 0.5},
	} {
		if got, err := m(tt.d, 100, Curve{Kind: Bands, Bands: bands}).Score(tt.v); err != nil || got != tt.want {
			t.Errorf("bands %v Score(%v) = %v, %v; want %v", tt.d, tt.v, got, err, tt.want)
		}
	}
}
