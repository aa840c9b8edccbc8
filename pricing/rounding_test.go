package pricing_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The table of the package doc: each mode on ties and near-ties, both signs.
func TestRound(t *testing.T) {
	modes := []pricing.RoundingMode{pricing.HalfUp, pricing.HalfEven, pricing.Down, pricing.Up, pricing.Floor, pricing.Ceiling}
	tests := []struct {
		give string
		want [6]string // in the order of modes
	}{
		{"1.005", [6]string{"1.01", "1.00", "1.00", "1.01", "1.00", "1.01"}},
		{"-1.005", [6]string{"-1.01", "-1.00", "-1.00", "-1.01", "-1.01", "-1.00"}},
		{"1.015", [6]string{"1.02", "1.02", "1.01", "1.02", "1.01", "1.02"}},
		{"1.0049", [6]string{"1.00", "1.00", "1.00", "1.01", "1.00", "1.01"}},
		{"-1.0051", [6]string{"-1.01", "-1.01", "-1.00", "-1.01", "-1.01", "-1.00"}},
		{"2.50", [6]string{"2.50", "2.50", "2.50", "2.50", "2.50", "2.50"}},
		{"7", [6]string{"7.00", "7.00", "7.00", "7.00", "7.00", "7.00"}},
	}
	for _, tt := range tests {
		for i, mode := range modes {
			got := cny(tt.give).Round(mode)
			assert.Equal(t, "CNY "+tt.want[i], got.String(), "Round(%s, %s)", tt.give, mode)
			byIncrement, err := cny(tt.give).RoundToIncrement(decimal.New(1, -2), mode)
			require.NoError(t, err)
			assertMoney(t, got, byIncrement, "increment 0.01 agrees with Round", tt.give, mode)
		}
	}
}

func TestRoundJPY(t *testing.T) {
	m := pricing.MustNew("100.5", pricing.JPY)
	assert.Equal(t, "JPY 101", m.Round(pricing.HalfUp).String())
	assert.Equal(t, "JPY 100", m.Round(pricing.HalfEven).String())
}

func TestRoundToIncrement(t *testing.T) {
	tests := []struct {
		give, inc string
		mode      pricing.RoundingMode
		want      string
	}{
		{"12.34", "0.10", pricing.Down, "12.30"},     // 抹分
		{"12.34", "1.00", pricing.Down, "12.00"},     // 抹角
		{"12.34", "0.50", pricing.HalfUp, "12.50"},   // to 5 角
		{"12.25", "0.50", pricing.HalfUp, "12.50"},   // tie away from zero
		{"12.25", "0.50", pricing.HalfEven, "12.00"}, // tie to even quotient (24)
		{"12.75", "0.50", pricing.HalfEven, "13.00"}, // tie to even quotient (26)
		{"-12.34", "0.10", pricing.Down, "-12.30"},
		{"-12.34", "0.10", pricing.Floor, "-12.40"},
		{"-12.34", "0.10", pricing.Ceiling, "-12.30"},
		{"-12.34", "0.10", pricing.Up, "-12.40"},
		{"12.31", "0.10", pricing.Ceiling, "12.40"},
		{"12.31", "0.10", pricing.Floor, "12.30"},
		{"12.35", "0.10", pricing.HalfUp, "12.40"},
		{"-12.35", "0.10", pricing.HalfUp, "-12.40"},
		{"12.30", "0.10", pricing.Up, "12.30"},
		{"99.99", "5", pricing.HalfUp, "100.00"},
	}
	for _, tt := range tests {
		got, err := cny(tt.give).RoundToIncrement(decimal.RequireFromString(tt.inc), tt.mode)
		require.NoError(t, err)
		assertMoney(t, cny(tt.want), got, tt.give, tt.inc, tt.mode)
	}
}

func TestRoundToIncrementErrors(t *testing.T) {
	tests := []struct {
		inc  decimal.Decimal
		mode pricing.RoundingMode
		want error
	}{
		{decimal.Zero, pricing.HalfUp, pricing.ErrInvalidIncrement},
		{decimal.RequireFromString("-0.10"), pricing.HalfUp, pricing.ErrInvalidIncrement},
		{decimal.RequireFromString("0.005"), pricing.HalfUp, pricing.ErrInvalidIncrement},
		{decimal.New(1, 50), pricing.HalfUp, pricing.ErrTooLarge},
		{decimal.RequireFromString("0.10"), pricing.RoundingMode(42), pricing.ErrInvalidRoundingMode},
	}
	for _, tt := range tests {
		_, err := cny("1").RoundToIncrement(tt.inc, tt.mode)
		assert.ErrorIs(t, err, tt.want, "increment %s mode %d", tt.inc, tt.mode)
	}
}

func TestRoundingModeText(t *testing.T) {
	for m := pricing.HalfUp; m <= pricing.Ceiling; m++ {
		require.True(t, m.IsValid())
		b, err := json.Marshal(m)
		require.NoError(t, err)
		var back pricing.RoundingMode
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, m, back)
	}
	var zero pricing.RoundingMode
	assert.Equal(t, pricing.HalfUp, zero, "the zero value is HalfUp")
	assert.Equal(t, "half-even", pricing.HalfEven.String())
	assert.Equal(t, "RoundingMode(9)", pricing.RoundingMode(9).String())
	_, err := pricing.RoundingMode(9).MarshalText()
	assert.ErrorIs(t, err, pricing.ErrInvalidRoundingMode)
	m, err := pricing.ParseRoundingMode("down")
	require.NoError(t, err)
	assert.Equal(t, pricing.Down, m)
	for give, want := range map[string]pricing.RoundingMode{"half_up": pricing.HalfUp, "half-even": pricing.HalfEven, "half_even": pricing.HalfEven} {
		m, err := pricing.ParseRoundingMode(give)
		require.NoError(t, err, give)
		assert.Equal(t, want, m, give)
	}
	b, err := json.Marshal(pricing.HalfEven)
	require.NoError(t, err)
	assert.Equal(t, `"half_even"`, string(b), "snake_case text form")
	_, err = pricing.ParseRoundingMode(" Down ")
	assert.ErrorIs(t, err, pricing.ErrInvalidRoundingMode, "names are exact")
	// An out-of-range mode is invalid everywhere.
	assert.False(t, pricing.RoundingMode(6).IsValid())
	_, err = cny("1").RoundToIncrement(decimal.RequireFromString("0.10"), pricing.RoundingMode(6))
	assert.ErrorIs(t, err, pricing.ErrInvalidRoundingMode)
	_, err = pricing.RoundDiv(1, 2, pricing.RoundingMode(255))
	assert.ErrorIs(t, err, pricing.ErrInvalidRoundingMode)
	_, err = pricing.ParseRoundingMode("nearest")
	assert.ErrorIs(t, err, pricing.ErrInvalidRoundingMode)
	var bad pricing.RoundingMode
	assert.Error(t, json.Unmarshal([]byte(`"sideways"`), &bad))
}

func TestIsRounded(t *testing.T) {
	assert.True(t, cny("1.10").IsRounded())
	assert.True(t, cny("1.100000").IsRounded())
	assert.False(t, cny("1.105").IsRounded())
	assert.True(t, pricing.MustNew("100", pricing.JPY).IsRounded())
	assert.False(t, pricing.MustNew("100.5", pricing.JPY).IsRounded())
}

func TestRoundDiv(t *testing.T) {
	tests := []struct {
		num, den int64
		mode     pricing.RoundingMode
		want     int64
	}{
		{1065, 10, pricing.HalfUp, 107},
		{1065, 10, pricing.HalfEven, 106},
		{1075, 10, pricing.HalfEven, 108},
		{-1065, 10, pricing.HalfUp, -107},
		{-1065, 10, pricing.HalfEven, -106},
		{-5, 2, pricing.HalfEven, -2},
		{1064, 10, pricing.HalfUp, 106},
		{1069, 10, pricing.Down, 106},
		{-1069, 10, pricing.Down, -106},
		{1061, 10, pricing.Up, 107},
		{-1061, 10, pricing.Up, -107},
		{-1061, 10, pricing.Floor, -107},
		{1069, 10, pricing.Floor, 106},
		{1061, 10, pricing.Ceiling, 107},
		{-1069, 10, pricing.Ceiling, -106},
		{40, 10, pricing.Up, 4},
		{math.MaxInt64, math.MaxInt64, pricing.HalfUp, 1},
		{math.MaxInt64 - 1, math.MaxInt64, pricing.HalfUp, 1},
		{math.MaxInt64 / 2, math.MaxInt64, pricing.HalfUp, 0},
	}
	for _, tt := range tests {
		got, err := pricing.RoundDiv(tt.num, tt.den, tt.mode)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, "RoundDiv(%d, %d, %s)", tt.num, tt.den, tt.mode)
	}
	_, err := pricing.RoundDiv(1, 0, pricing.HalfUp)
	assert.ErrorIs(t, err, pricing.ErrDivisionByZero)
	_, err = pricing.RoundDiv(1, -2, pricing.HalfUp)
	assert.ErrorIs(t, err, pricing.ErrDivisionByZero)
	_, err = pricing.RoundDiv(math.MinInt64, 2, pricing.HalfUp)
	assert.ErrorIs(t, err, pricing.ErrTooLarge)
	_, err = pricing.RoundDiv(1, 2, pricing.RoundingMode(7))
	assert.ErrorIs(t, err, pricing.ErrInvalidRoundingMode)
}
