package pricing_test

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCurrencies(t *testing.T) {
	// ISO 4217 minor units.
	tests := []struct {
		code   string
		digits int32
	}{
		{"CNY", 2}, {"HKD", 2}, {"TWD", 2}, {"MOP", 2}, {"USD", 2}, {"EUR", 2},
		{"GBP", 2}, {"JPY", 0}, {"KRW", 0}, {"SGD", 2}, {"KWD", 3}, {"VND", 0},
	}
	for _, tt := range tests {
		c, err := pricing.ParseCurrency(tt.code)
		require.NoError(t, err)
		assert.Equal(t, tt.code, c.Code())
		assert.Equal(t, tt.code, c.String())
		assert.Equal(t, tt.digits, c.Digits(), tt.code)
		assert.True(t, c.IsValid())
	}
	assert.Contains(t, pricing.Currencies(), "CNY")
	assert.IsIncreasing(t, pricing.Currencies())
}

func TestParseCurrencyErrors(t *testing.T) {
	for _, give := range []string{"", "RMB", "CN", "yuan", "CNY1", "XXXXXXXXXXXXXX"} {
		_, err := pricing.ParseCurrency(give)
		assert.ErrorIs(t, err, pricing.ErrUnknownCurrency, give)
	}
	c, err := pricing.ParseCurrency(" cny ")
	require.NoError(t, err)
	assert.Equal(t, pricing.CNY, c)
	var zero pricing.Currency
	assert.False(t, zero.IsValid())
}
