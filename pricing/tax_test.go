package pricing

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTaxFromInclusive(t *testing.T) {
	tests := []struct {
		percent int64
		give    string
		mode    RoundingMode
		wantEx  string
		wantTax string
	}{
		{13, "113.00", HalfUp, "100.00", "13.00"},
		{13, "10.00", HalfUp, "8.85", "1.15"}, // 8.8495...
		{13, "10.00", Up, "8.85", "1.15"},
		{13, "10.00", Down, "8.84", "1.16"},
		{9, "109.00", HalfUp, "100.00", "9.00"},
		{6, "1.00", HalfUp, "0.94", "0.06"}, // 0.9433...
		{6, "-1.00", HalfUp, "-0.94", "-0.06"},
		{0, "5.00", HalfUp, "5.00", "0.00"},
	}
	for _, tt := range tests {
		r, err := TaxPercent(tt.percent)
		require.NoError(t, err)
		s, err := r.FromInclusive(ruleCNY(tt.give), tt.mode)
		require.NoError(t, err)
		assert.Equal(t, tt.wantEx, s.Exclusive.StringAmount(), "%s FromInclusive(%s, %s)", r, tt.give, tt.mode)
		assert.Equal(t, tt.wantTax, s.Tax.StringAmount())
		assert.True(t, ruleAdd(t, s.Exclusive, s.Tax).Equal(s.Inclusive))
	}
}

func TestTaxFromExclusive(t *testing.T) {
	tests := []struct {
		rate    string
		give    string
		mode    RoundingMode
		wantTax string
		wantIn  string
	}{
		{"0.13", "100.00", HalfUp, "13.00", "113.00"},
		{"0.13", "8.85", HalfUp, "1.15", "10.00"},  // 1.1505
		{"0.06", "0.25", HalfEven, "0.02", "0.27"}, // 0.015 -> 0.02
		{"0.06", "0.75", HalfEven, "0.04", "0.79"}, // 0.045 -> 0.04
		{"0.09", "1.00", Down, "0.09", "1.09"},
	}
	for _, tt := range tests {
		r, err := NewTaxRate(dec(tt.rate))
		require.NoError(t, err)
		s, err := r.FromExclusive(ruleCNY(tt.give), tt.mode)
		require.NoError(t, err)
		assert.Equal(t, tt.wantTax, s.Tax.StringAmount(), "%s FromExclusive(%s, %s)", r, tt.give, tt.mode)
		assert.Equal(t, tt.wantIn, s.Inclusive.StringAmount())
		assert.True(t, s.Rate.Equal(r))
	}
}

func TestTaxErrors(t *testing.T) {
	for _, give := range []string{"-0.01", "1.01"} {
		_, err := NewTaxRate(dec(give))
		assert.ErrorIs(t, err, ErrInvalidRatio, give)
	}
	for _, give := range []int64{-1, 101} {
		_, err := TaxPercent(give)
		assert.ErrorIs(t, err, ErrInvalidRatio)
	}
	r, err := TaxPercent(13)
	require.NoError(t, err)
	tests := []struct {
		name string
		give Money
		mode RoundingMode
		want error
	}{
		{"no currency", Money{}, HalfUp, ErrUnknownCurrency},
		{"not rounded", ruleCNY("1.005"), HalfUp, ErrNotRounded},
		{"mode", ruleCNY("1"), 7, ErrInvalidRoundingMode},
	}
	for _, tt := range tests {
		_, err := r.FromInclusive(tt.give, tt.mode)
		assert.ErrorIs(t, err, tt.want, tt.name)
		_, err = r.FromExclusive(tt.give, tt.mode)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
}

func TestTaxRateValue(t *testing.T) {
	r, err := NewTaxRate(dec("0.015"))
	require.NoError(t, err)
	assert.Equal(t, "1.5%", r.String())
	assert.True(t, r.Rate().Equal(dec("0.015")))
	assert.Equal(t, "0%", TaxRate{}.String())
	s, err := TaxRate{}.FromExclusive(ruleCNY("5"), HalfUp)
	require.NoError(t, err)
	assert.Equal(t, "0.00", s.Tax.StringAmount())
}
