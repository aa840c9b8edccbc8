package kpi

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/stretchr/testify/assert"
)

var (
	_ encoding.TextMarshaler   = Direction(0)
	_ encoding.TextUnmarshaler = (*Direction)(nil)
	_ encoding.TextMarshaler   = CurveKind(0)
	_ encoding.TextUnmarshaler = (*CurveKind)(nil)
	_ encoding.TextMarshaler   = WeightPolicy(0)
	_ encoding.TextUnmarshaler = (*WeightPolicy)(nil)
	_ encoding.TextMarshaler   = MissingPolicy(0)
	_ encoding.TextUnmarshaler = (*MissingPolicy)(nil)
	_ encoding.TextMarshaler   = TierMethod(0)
	_ encoding.TextUnmarshaler = (*TierMethod)(nil)
	_ encoding.TextMarshaler   = BoundaryOwner(0)
	_ encoding.TextUnmarshaler = (*BoundaryOwner)(nil)
	_ json.Unmarshaler         = (*Scheme)(nil)
	_ error                    = (*FieldError)(nil)
)

// The zero values chosen on purpose.
func TestZeroValues(t *testing.T) {
	assert.Equal(t, LowerBandOwns, BoundaryOwner(0), "the issue's boundary rule is the default")
	assert.Equal(t, WeightsSumToOne, WeightPolicy(0))
	assert.Equal(t, MissingFails, MissingPolicy(0))
	assert.Equal(t, ByScore, RewardOrder(0))
	assert.Equal(t, pricing.HalfUp, CommissionPlan{}.Rounding)
	assert.Equal(t, 1.0, Curve{}.MaxScore())
	assert.False(t, Date{}.IsValid())
	assert.Error(t, CommissionPlan{}.Validate())
	assert.Error(t, Scheme{}.Validate())
	assert.Error(t, Metric{}.Validate())
}

func TestEnumText(t *testing.T) {
	// Pairs, not a map keyed by the results under test: two "lower" keys
	// would collide and silently drop one assertion (issue 19).
	for _, tc := range []struct {
		got  fmt.Stringer
		want string
	}{
		{Marginal, "marginal"}, {WholeAmount, "whole_amount"},
		{LowerBandOwns, "lower"}, {UpperBandOwns, "upper"},
		{HigherIsBetter, "higher"}, {LowerIsBetter, "lower"},
		{Sum, "sum"}, {WeightedMean, "weighted_mean"},
		{Competition, "competition"}, {Dense, "dense"},
		{RoleAgent, "agent"}, {Weekly, "weekly"},
		{TopN, "top_n"}, {ByTime, "time"},
		{WeightsNormalize, "normalize"}, {MissingExcluded, "exclude"},
	} {
		assert.Equal(t, tc.want, tc.got.String(), "%T(%d)", tc.got, tc.got)
	}
	assert.Equal(t, "9", Direction(9).String())
	for _, tc := range []struct {
		m interface {
			encoding.TextMarshaler
		}
		u    encoding.TextUnmarshaler
		want string
	}{
		{Marginal, new(TierMethod), "marginal"},
		{UpperBandOwns, new(BoundaryOwner), "upper"},
		{LowerIsBetter, new(Direction), "lower"},
		{WeightsNormalize, new(WeightPolicy), "normalize"},
		{MissingScoresZero, new(MissingPolicy), "zero"},
	} {
		b, err := tc.m.MarshalText()
		assert.NoError(t, err)
		assert.Equal(t, tc.want, string(b))
		assert.NoError(t, tc.u.UnmarshalText(b))
		assert.ErrorIs(t, tc.u.UnmarshalText([]byte("nope")), ErrInvalidEnum)
	}
	for _, m := range []encoding.TextMarshaler{TierMethod(0), BoundaryOwner(7), Direction(0), WeightPolicy(9), MissingPolicy(9)} {
		_, err := m.MarshalText()
		assert.ErrorIs(t, err, ErrInvalidEnum)
	}
}

func TestFieldErrorShape(t *testing.T) {
	err := fieldErr("op", "a.b", 3.5, ErrInvalidNumber, "detail")
	assert.EqualError(t, err, "kpi: op: a.b 3.5: invalid number: detail")
	var fe *FieldError
	assert.True(t, errors.As(err, &fe))
	assert.Equal(t, "a.b", fe.Field)
	assert.EqualError(t, fieldErr("op", "f", nil, ErrEmpty), "kpi: op: f: empty")
	wrapped := withOp("outer", "p", errors.New("plain"))
	assert.EqualError(t, wrapped, "kpi: outer: p: plain")
	assert.EqualError(t, withOp("outer", "", fieldErr("in", "x", nil, ErrEmpty)), "kpi: outer: x: empty")
}
