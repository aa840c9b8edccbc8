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
