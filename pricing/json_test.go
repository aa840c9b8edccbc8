package pricing_test

import (
	"encoding/json"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMoneyJSON(t *testing.T) {
	tests := []struct {
		give pricing.Money
		want string
	}{
		{cny("12.3"), `{"amount":"12.30","currency":"CNY"}`},
		{cny("-0.005"), `{"amount":"-0.005","currency":"CNY"}`},
		{pricing.MustNew("500", pricing.JPY), `{"amount":"500","currency":"JPY"}`},
		{pricing.Money{}, `null`},
		{pricing.Zero(pricing.CNY), `{"amount":"0.00","currency":"CNY"}`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.give)
		require.NoError(t, err)
		assert.Equal(t, tt.want, string(b))
		var back pricing.Money
		require.NoError(t, json.Unmarshal(b, &back))
		assert.True(t, tt.give.Equal(back), "round trip of %s gave %s", tt.give, back)
	}
}

func TestMoneyJSONInput(t *testing.T) {
	tests := []struct{ give, want string }{
		{`{"amount":12.3,"currency":"CNY"}`, "CNY 12.30"},
		{`{"currency":"cny","amount":"7"}`, "CNY 7.00"},
		{` {"amount": "-1.5", "currency": "USD"} `, "USD -1.50"},
	}
	for _, tt := range tests {
		var m pricing.Money
		require.NoError(t, json.Unmarshal([]byte(tt.give), &m), tt.give)
		assert.Equal(t, tt.want, m.String())
	}
	m := cny("1")
	require.NoError(t, json.Unmarshal([]byte(`null`), &m))
	assert.Equal(t, pricing.Money{}, m, "null is the zero Money")
}

func TestMoneyJSONErrors(t *testing.T) {
	tests := []struct {
		give string
		want error
	}{
		{`{"amount":"1e3","currency":"CNY"}`, pricing.ErrInvalidAmount},
		{`{"amount":1e3,"currency":"CNY"}`, pricing.ErrInvalidAmount},
		{`{"amount":"12.30","currency":"XYZ"}`, pricing.ErrUnknownCurrency},
		{`{"amount":"12.30"}`, pricing.ErrUnknownCurrency},
		{`{"currency":"CNY"}`, pricing.ErrInvalidAmount},
		{`{"amount":true,"currency":"CNY"}`, pricing.ErrInvalidAmount},
	}
	for _, tt := range tests {
		var m pricing.Money
		assert.ErrorIs(t, json.Unmarshal([]byte(tt.give), &m), tt.want, tt.give)
	}
	for _, give := range []string{
		`{"amount":"1","currency":"CNY","note":"x"}`, // unknown field
		`{"amount":"1","currency":"CNY"`,             // truncated
		`[1,2]`,
		`{"amount":"\u0031x","currency":"CNY"}`,
		`{"amount":"1","amount":"2","currency":"CNY"}`, // repeated key
		`{"amount":"1","currency":"CNY"} {}`,           // trailing data
		`{"amount":"0","currency":""}`,                 // the old zero form: no currency
	} {
		var m pricing.Money
		assert.Error(t, json.Unmarshal([]byte(give), &m), give)
	}
}

func TestCurrencyJSON(t *testing.T) {
	b, err := json.Marshal(pricing.HKD)
	require.NoError(t, err)
	assert.Equal(t, `"HKD"`, string(b))
	var c pricing.Currency
	require.NoError(t, json.Unmarshal([]byte(`"mop"`), &c))
	assert.Equal(t, pricing.MOP, c)
	assert.ErrorIs(t, json.Unmarshal([]byte(`"ABC"`), &c), pricing.ErrUnknownCurrency)
}
