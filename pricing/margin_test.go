package pricing

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestGrossMarginAndMarkup(t *testing.T) {
	tests := []struct {
		price, cost            string
		wantMargin, wantMarkup string
	}{
		{"100.00", "60.00", "0.4", "0.6666666667"},
		{"100.00", "50.00", "0.5", "1"},
		{"3.00", "1.00", "0.6666666667", "2"},
		{"50.00", "60.00", "-0.2", "-0.1666666667"},
	}
	for _, tt := range tests {
		m, err := GrossMargin(ruleCNY(tt.price), ruleCNY(tt.cost))
		require.NoError(t, err)
		assert.True(t, m.Equal(dec(tt.wantMargin)), "GrossMargin(%s, %s) = %s, want %s", tt.price, tt.cost, m, tt.wantMargin)
		k, err := Markup(ruleCNY(tt.price), ruleCNY(tt.cost))
		require.NoError(t, err)
		assert.True(t, k.Equal(dec(tt.wantMarkup)), "Markup(%s, %s) = %s, want %s", tt.price, tt.cost, k, tt.wantMarkup)
	}
}

func TestGrossMarginErrors(t *testing.T) {
	tests := []struct {
		name        string
		price, cost Money
		want        error
	}{
		{"zero price", ruleCNY("0"), ruleCNY("1"), ErrDivisionByZero},
		{"no currency", Money{}, ruleCNY("1"), ErrUnknownCurrency},
		{"negative cost", ruleCNY("1"), ruleCNY("-1"), ErrNegativePrice},
		{"mismatch", ruleCNY("1"), MustNew("1", USD), ErrCurrencyMismatch},
	}
	for _, tt := range tests {
		_, err := GrossMargin(tt.price, tt.cost)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
	_, err := Markup(ruleCNY("1"), ruleCNY("0"))
	assert.ErrorIs(t, err, ErrDivisionByZero)
	_, err = Markup(Money{}, ruleCNY("1"))
	assert.ErrorIs(t, err, ErrUnknownCurrency)
}

func TestPriceForMargin(t *testing.T) {
	tests := []struct {
		cost, margin string
		mode         RoundingMode
		want         string
	}{
		{"30.00", "0.5", HalfUp, "60.00"}, // seed-rules P-08: 2 × cost
		{"10.00", "0.3", HalfUp, "14.29"}, // 14.2857...
		{"10.00", "0.3", Down, "14.28"},
		{"10.00", "0.3", Ceiling, "14.29"},
		{"10.00", "0.3", Floor, "14.28"},
		{"10.00", "0.3", Up, "14.29"},
		{"10.00", "0", HalfEven, "10.00"},
		{"10.00", "-0.25", HalfUp, "8.00"},
		{"0.01", "0.8", HalfEven, "0.05"},
		{"1.00", "0.2", HalfEven, "1.25"},
		{"0.45", "0.2", HalfEven, "0.56"}, // 0.5625 exactly: not a tie at 0.01
		{"0.09", "0.2", HalfEven, "0.11"}, // 0.1125
		{"0.01", "0.6", HalfEven, "0.02"}, // 0.025 tie -> even 0.02
		{"0.03", "0.6", HalfEven, "0.08"}, // 0.075 tie -> even 0.08
		{"0.01", "0.6", HalfUp, "0.03"},   // 0.025 tie -> away
	}
	for _, tt := range tests {
		got, err := PriceForMargin(ruleCNY(tt.cost), dec(tt.margin), tt.mode)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got.StringAmount(), "PriceForMargin(%s, %s, %s)", tt.cost, tt.margin, tt.mode)
	}
}

func TestPriceForMarginErrors(t *testing.T) {
	tests := []struct {
		name   string
		cost   Money
		margin string
		mode   RoundingMode
		want   error
	}{
		{"margin 1", ruleCNY("1"), "1", HalfUp, ErrInvalidRatio},
		{"margin 2", ruleCNY("1"), "2", HalfUp, ErrInvalidRatio},
		{"mode", ruleCNY("1"), "0.5", 9, ErrInvalidRoundingMode},
		{"no currency", Money{}, "0.5", HalfUp, ErrUnknownCurrency},
		{"negative", ruleCNY("-1"), "0.5", HalfUp, ErrNegativePrice},
	}
	for _, tt := range tests {
		_, err := PriceForMargin(tt.cost, dec(tt.margin), tt.mode)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
}

func TestQuoRoundNegative(t *testing.T) {
	tests := []struct {
		n, d string
		mode RoundingMode
		want string
	}{
		{"-1", "3", HalfUp, "-0.33"},
		{"-2", "3", HalfUp, "-0.67"},
		{"-2", "3", Down, "-0.66"},
		{"-2", "3", Up, "-0.67"},
		{"-2", "3", Floor, "-0.67"},
		{"-2", "3", Ceiling, "-0.66"},
		{"-0.025", "1", HalfEven, "-0.02"},
		{"-0.035", "1", HalfEven, "-0.04"},
		{"1", "-8", HalfUp, "-0.13"},
	}
	for _, tt := range tests {
		got := quoRound(dec(tt.n), dec(tt.d), 2, tt.mode)
		assert.True(t, got.Equal(dec(tt.want)), "quoRound(%s, %s, %s) = %s, want %s", tt.n, tt.d, tt.mode, got, tt.want)
	}
}

// seed-rules WE-5 / X-05: 40 − (10+6+5+5+4.5+2) = 7.5 %.
func TestWaterfallWE5(t *testing.T) {
	w, err := Waterfall(dec("0.40"),
		CostRatio{"推广成本 promotion", dec("0.10")},
		CostRatio{"人员成本 staff", dec("0.06")},
		CostRatio{"天猫扣点 platform commission", dec("0.05")},
		CostRatio{"运费+包装 shipping and packing", dec("0.05")},
		CostRatio{"税收 tax", dec("0.045")},
		CostRatio{"其他 other", dec("0.02")},
	)
	require.NoError(t, err)
	assert.Equal(t, "0.0750", w.Net.StringFixed(4))
	require.Len(t, w.Steps, 6)
	assert.Equal(t, "0.30", w.Steps[0].After.StringFixed(2))
	assert.Equal(t, "0.095", w.Steps[4].After.StringFixed(3))
	assert.True(t, w.Steps[5].Before.Equal(w.Steps[4].After))
	loss, err := Waterfall(dec("0.1"), CostRatio{"ads", dec("0.2")})
	require.NoError(t, err)
	assert.True(t, loss.Net.Equal(dec("-0.1")))
}

func TestWaterfallErrors(t *testing.T) {
	tests := []struct {
		name  string
		gross string
		costs []CostRatio
	}{
		{"gross above 1", "1.01", nil},
		{"negative cost", "0.4", []CostRatio{{"x", dec("-0.1")}}},
		{"cost above 1", "0.4", []CostRatio{{"x", dec("1.5")}}},
	}
	for _, tt := range tests {
		_, err := Waterfall(dec(tt.gross), tt.costs...)
		assert.ErrorIs(t, err, ErrInvalidRatio, tt.name)
	}
}
