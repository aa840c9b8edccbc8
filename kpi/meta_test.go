package kpi

import (
	"encoding"
	"encoding/json"
	"errors"
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
	names := map[string]string{
		Marginal.String(): "marginal", WholeAmount.String(): "whole_amount",
		LowerBandOwns.String(): "lower", UpperBandOwns.String(): "upper",
		HigherIsBetter.String(): "higher", LowerIsBetter.String(): "lower",
		Sum.String(): "sum", WeightedMean.String(): "weighted_mean",
		Competition.String(): "competition", Dense.String(): "dense",
		RoleAgent.String(): "agent", Weekly.String(): "weekly",
		TopN.String(): "top_n", ByTime.String(): "time",
		WeightsNormalize.String(): "normalize", MissingExcluded.String(): "exclude",
	}
	for got, want := range names {
		assert.Equal(t, want, got)
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
