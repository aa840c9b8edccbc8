package pricing_test

import (
	"encoding/json"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseZhe(t *testing.T) {
	// X折 = pay X tenths (seed-rules, conventions; DESIGN "Chinese discount notation").
	tests := []struct {
		give string
		pay  string // fraction paid
		zhe  string // canonical form
	}{
		{"7折", "0.7", "7折"},
		{"8.5折", "0.85", "8.5折"},
		{"75折", "0.75", "7.5折"},
		{"95折", "0.95", "9.5折"},
		{"9折", "0.9", "9折"},
		{"85折", "0.85", "8.5折"},
		{"10折", "1", "10折"},
		{"1折", "0.1", "1折"},
		{"0.5折", "0.05", "0.5折"},
		{"9.95折", "0.995", "9.95折"},
		{"七折", "0.7", "7折"},
		{"七五折", "0.75", "7.5折"},
		{"八点五折", "0.85", "8.5折"},
		{"７折", "0.7", "7折"},
		{"８．５折", "0.85", "8.5折"},
		{" 半价 ", "0.5", "5折"},
		{" 6 折", "0.6", "6折"},
	}
	for _, tt := range tests {
		r, err := pricing.ParseZhe(tt.give)
		require.NoError(t, err, tt.give)
		assert.True(t, r.Pay().Equal(decimal.RequireFromString(tt.pay)), "ParseZhe(%q).Pay() = %s, want %s", tt.give, r.Pay(), tt.pay)
		assert.Equal(t, tt.zhe, r.Zhe(), "ParseZhe(%q).Zhe()", tt.give)
	}
}

func TestParseZheErrors(t *testing.T) {
	for _, give := range []string{
		"0折", "0.0折", "10.5折", "11.0折", "100折", "07折", "7", "折", "", "7.折", ".7折",
		"7..5折", "8.5.1折", "-7折", "七十折", "abc折", "1e1折", "999999999999999999999999999999999999999999999999999折",
	} {
		_, err := pricing.ParseZhe(give)
		assert.ErrorIs(t, err, pricing.ErrInvalidRate, "ParseZhe(%q)", give)
	}
	_, err := pricing.ParseZhe("0折")
	assert.Contains(t, err.Error(), `"0折"`)
}

func TestRateConstructors(t *testing.T) {
	seven := pricing.MustRate("7折")
	off30, err := pricing.PercentOff(30)
	require.NoError(t, err)
	assert.True(t, seven.Equal(off30), "PercentOff(30) equals 7折")
	pay70, err := pricing.PayPercent(70)
	require.NoError(t, err)
	assert.True(t, seven.Equal(pay70))
	r, err := pricing.NewRate(decimal.RequireFromString("0.70"))
	require.NoError(t, err)
	assert.True(t, seven.Equal(r))
	r, err = pricing.NewRateOff(decimal.RequireFromString("0.3"))
	require.NoError(t, err)
	assert.True(t, seven.Equal(r))
	assert.Equal(t, "30", seven.PercentOff().String())
	assert.Equal(t, "0.3", seven.Off().String())
	assert.Equal(t, "7折 (30% off)", seven.String())

	var zero pricing.Rate
	assert.True(t, zero.IsZero(), "the zero Rate is no discount")
	assert.Equal(t, "10折", zero.Zhe())
	full, err := pricing.PercentOff(0)
	require.NoError(t, err)
	assert.True(t, full.Equal(zero))
}

func TestRateConstructorErrors(t *testing.T) {
	errs := []error{}
	_, err := pricing.PercentOff(100)
	errs = append(errs, err)
	_, err = pricing.PercentOff(-1)
	errs = append(errs, err)
	_, err = pricing.PayPercent(0)
	errs = append(errs, err)
	_, err = pricing.PayPercent(101)
	errs = append(errs, err)
	_, err = pricing.NewRate(decimal.Zero)
	errs = append(errs, err)
	_, err = pricing.NewRate(decimal.RequireFromString("1.01"))
	errs = append(errs, err)
	_, err = pricing.NewRateOff(decimal.New(1, 0))
	errs = append(errs, err)
	_, err = pricing.NewRateOff(decimal.RequireFromString("-0.1"))
	errs = append(errs, err)
	for i, err := range errs {
		assert.ErrorIs(t, err, pricing.ErrInvalidRate, "case %d", i)
	}
	_, err = pricing.NewRate(decimal.New(1, -40))
	assert.ErrorIs(t, err, pricing.ErrTooLarge)
	_, err = pricing.NewRateOff(decimal.New(1, -40))
	assert.ErrorIs(t, err, pricing.ErrTooLarge)
}

func TestRateApply(t *testing.T) {
	r := pricing.MustRate("8.5折")
	assert.Equal(t, "CNY 16.915", r.Apply(cny("19.90")).String())
	assert.Equal(t, "CNY 2.985", r.Discount(cny("19.90")).String())
	assert.Equal(t, "CNY 16.92", r.Apply(cny("19.90")).Round(pricing.HalfUp).String())
	assert.Equal(t, -1, pricing.MustRate("7折").Compare(pricing.MustRate("9折")), "deeper discount sorts first")
	assert.Equal(t, 0, pricing.MustRate("75折").Compare(pricing.MustRate("7.5折")))
}

func TestRateJSON(t *testing.T) {
	type promo struct {
		Rate pricing.Rate `json:"rate"`
	}
	b, err := json.Marshal(promo{pricing.MustRate("75折")})
	require.NoError(t, err)
	assert.Equal(t, `{"rate":"7.5折"}`, string(b))
	var back promo
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, back.Rate.Equal(pricing.MustRate("7.5折")))
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"rate":"0折"}`), &back), pricing.ErrInvalidRate)
}
