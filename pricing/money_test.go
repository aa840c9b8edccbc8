package pricing_test

import (
	"errors"
	"math"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNew(t *testing.T) {
	kwd, err := pricing.ParseCurrency("KWD")
	require.NoError(t, err)
	tests := []struct {
		give     string
		currency pricing.Currency
		want     string
	}{
		{"12.30", pricing.CNY, "CNY 12.30"},
		{"12.3", pricing.CNY, "CNY 12.30"},
		{"-5", pricing.CNY, "CNY -5.00"},
		{"+0.005", pricing.CNY, "CNY 0.005"},
		{"500", pricing.JPY, "JPY 500"},
		{"0.125", kwd, "KWD 0.125"},
		{"3.30000", pricing.CNY, "CNY 3.30"},
		{".5", pricing.CNY, "CNY 0.50"},
	}
	for _, tt := range tests {
		m, err := pricing.New(tt.give, tt.currency)
		require.NoError(t, err, tt.give)
		assert.Equal(t, tt.want, m.String(), "New(%q, %s)", tt.give, tt.currency)
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		give     string
		currency pricing.Currency
		want     error
	}{
		{"", pricing.CNY, pricing.ErrInvalidAmount},
		{"1e3", pricing.CNY, pricing.ErrInvalidAmount},
		{"1,000.00", pricing.CNY, pricing.ErrInvalidAmount},
		{"12.30 ", pricing.CNY, pricing.ErrInvalidAmount},
		{"NaN", pricing.CNY, pricing.ErrInvalidAmount},
		{"Inf", pricing.CNY, pricing.ErrInvalidAmount},
		{"-", pricing.CNY, pricing.ErrInvalidAmount},
		{"1.2.3", pricing.CNY, pricing.ErrInvalidAmount},
		{"0.00000000000000000000000000001", pricing.CNY, pricing.ErrTooLarge},    // scale 29
		{"1000000000000000000000000000000.01", pricing.CNY, pricing.ErrTooLarge}, // above 10^30
		{"12345678901234567890123456789012345678901", pricing.CNY, pricing.ErrTooLarge},
		{"1.00", pricing.Currency(0), pricing.ErrUnknownCurrency},
	}
	for _, tt := range tests {
		_, err := pricing.New(tt.give, tt.currency)
		assert.ErrorIs(t, err, tt.want, "New(%q)", tt.give)
	}
}

func TestNewErrorNamesValue(t *testing.T) {
	_, err := pricing.New("12,30", pricing.CNY)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"12,30"`)
	assert.Contains(t, err.Error(), "amount")
}

func TestNewFromMinor(t *testing.T) {
	tests := []struct {
		give     int64
		currency pricing.Currency
		want     string
	}{
		{1230, pricing.CNY, "CNY 12.30"},
		{-1, pricing.CNY, "CNY -0.01"},
		{500, pricing.JPY, "JPY 500"},
		{math.MaxInt64, pricing.USD, "USD 92233720368547758.07"},
	}
	for _, tt := range tests {
		m, err := pricing.NewFromMinor(tt.give, tt.currency)
		require.NoError(t, err)
		assert.Equal(t, tt.want, m.String())
		back, err := m.MinorUnits()
		require.NoError(t, err)
		assert.Equal(t, tt.give, back)
	}
	_, err := pricing.NewFromMinor(1, pricing.Currency(0))
	assert.ErrorIs(t, err, pricing.ErrUnknownCurrency)
}

func TestNewFromFloat(t *testing.T) {
	tests := []struct {
		give float64
		want string
	}{
		{0.1 + 0.2, "CNY 0.30"},
		{1.005, "CNY 1.01"}, // shortest form "1.005" rounds half-up
		{-2.675, "CNY -2.68"},
		{19.9, "CNY 19.90"},
	}
	for _, tt := range tests {
		m, err := pricing.NewFromFloat(tt.give, pricing.CNY)
		require.NoError(t, err)
		assert.Equal(t, tt.want, m.String(), "NewFromFloat(%v)", tt.give)
	}
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		_, err := pricing.NewFromFloat(bad, pricing.CNY)
		assert.ErrorIs(t, err, pricing.ErrInvalidAmount, "NewFromFloat(%v)", bad)
	}
	_, err := pricing.NewFromFloat(1e25, pricing.CNY)
	assert.ErrorIs(t, err, pricing.ErrTooLarge)
	_, err = pricing.NewFromFloat(1, pricing.Currency(0))
	assert.ErrorIs(t, err, pricing.ErrUnknownCurrency)
}

func TestNewFromDecimal(t *testing.T) {
	m, err := pricing.NewFromDecimal(decimal.New(1999, -2), pricing.CNY)
	require.NoError(t, err)
	assertMoney(t, cny("19.99"), m)
	_, err = pricing.NewFromDecimal(decimal.New(1, 100), pricing.CNY)
	assert.ErrorIs(t, err, pricing.ErrTooLarge)
	_, err = pricing.NewFromDecimal(decimal.New(1, 0), pricing.Currency(0))
	assert.ErrorIs(t, err, pricing.ErrUnknownCurrency)
}

func TestArithmetic(t *testing.T) {
	a, b := cny("10.10"), cny("0.95")
	sum, err := a.Add(b)
	require.NoError(t, err)
	assertMoney(t, cny("11.05"), sum)
	diff, err := b.Sub(a)
	require.NoError(t, err)
	assertMoney(t, cny("-9.15"), diff)
	assertMoney(t, cny("-10.10"), a.Neg())
	assertMoney(t, cny("9.15"), diff.Abs())
	assertMoney(t, cny("9.15"), diff.Abs().Abs())
	prod, err := a.Mul(decimal.RequireFromString("0.85"))
	require.NoError(t, err)
	assert.Equal(t, "CNY 8.585", prod.String(), "Mul keeps every digit")
	tripled, err := a.MulInt(3)
	require.NoError(t, err)
	assertMoney(t, cny("30.30"), tripled)
	_, err = a.Mul(decimal.New(1, 40))
	assert.ErrorIs(t, err, pricing.ErrTooLarge)
}

func TestCurrencyMismatch(t *testing.T) {
	a, b := cny("1"), pricing.MustNew("1", pricing.USD)
	_, err := a.Add(b)
	require.ErrorIs(t, err, pricing.ErrCurrencyMismatch)
	var mm *pricing.CurrencyMismatchError
	require.ErrorAs(t, err, &mm)
	assert.Equal(t, pricing.CNY, mm.A)
	assert.Equal(t, pricing.USD, mm.B)
	assert.Contains(t, err.Error(), "USD 1.00: currency mismatch: CNY and USD")

	_, err = a.Sub(b)
	assert.ErrorIs(t, err, pricing.ErrCurrencyMismatch)
	_, err = a.Cmp(b)
	assert.ErrorIs(t, err, pricing.ErrCurrencyMismatch)
	_, err = a.LessThan(b)
	assert.ErrorIs(t, err, pricing.ErrCurrencyMismatch)
	_, err = pricing.Sum(a, a, b)
	assert.ErrorIs(t, err, pricing.ErrCurrencyMismatch)
	assert.Contains(t, err.Error(), "ms[2]")
}

func TestZeroMoney(t *testing.T) {
	var z pricing.Money
	assert.False(t, z.IsValid())
	assert.Equal(t, 0, z.Sign())
	assert.Equal(t, "0", z.String())
	got, err := z.Add(cny("2.50"))
	require.NoError(t, err)
	assertMoney(t, cny("2.50"), got)
	got, err = cny("2.50").Sub(z)
	require.NoError(t, err)
	assertMoney(t, cny("2.50"), got)
	total, err := pricing.Sum()
	require.NoError(t, err)
	assert.Equal(t, 0, total.Sign())
	assert.False(t, total.IsValid())
	assert.False(t, z.Equal(pricing.Zero(pricing.CNY)), "the zero Money has no currency")
}

func TestCompareAndPredicates(t *testing.T) {
	a, b := cny("1.5"), cny("1.50")
	assert.True(t, a.Equal(b))
	c, err := a.Cmp(cny("2"))
	require.NoError(t, err)
	assert.Equal(t, -1, c)
	less, err := a.LessThan(cny("2"))
	require.NoError(t, err)
	assert.True(t, less)
	less, err = a.LessThan(a)
	require.NoError(t, err)
	assert.False(t, less, "LessThan(x, x)")
	assert.False(t, cny("0").IsPositive(), "IsPositive(0)")
	assert.False(t, cny("0").IsNegative(), "IsNegative(0)")

	assert.Equal(t, -1, pricing.Compare(cny("9"), pricing.MustNew("1", pricing.USD)), "CNY sorts before USD")
	assert.Equal(t, 1, pricing.Compare(cny("9"), cny("1")))
	assert.Equal(t, 0, pricing.Compare(a, b))

	assert.True(t, cny("-1").IsNegative())
	assert.True(t, cny("1").IsPositive())
	assert.Equal(t, 0, cny("0").Sign())
	assert.True(t, cny("1").IsValid())
	assert.Equal(t, pricing.CNY, cny("1").Currency())
	assert.Equal(t, "1.5", a.Amount().String())
	assert.Equal(t, "1.50", a.StringAmount())
}

func TestSum(t *testing.T) {
	// seed-rules WE-10: 3,369.11 + 1,491.90 = 4,861.01 exactly (万元).
	total, err := pricing.Sum(cny("3369.11"), cny("1491.90"))
	require.NoError(t, err)
	assertMoney(t, cny("4861.01"), total)
	total, err = pricing.Sum(cny("2144.17"), cny("1335.94"))
	require.NoError(t, err)
	assertMoney(t, cny("3480.11"), total)
}

func TestMinorUnitsErrors(t *testing.T) {
	_, err := cny("1.005").MinorUnits()
	assert.ErrorIs(t, err, pricing.ErrNotRounded)
	_, err = cny("100000000000000000000").MinorUnits()
	assert.ErrorIs(t, err, pricing.ErrTooLarge)
}

func TestParse(t *testing.T) {
	tests := []struct{ give, want string }{
		{"CNY 12.30", "CNY 12.30"},
		{"  cny   7 ", "CNY 7.00"},
		{"JPY -500", "JPY -500"},
		{"CNY 3.3333", "CNY 3.3333"},
	}
	for _, tt := range tests {
		m, err := pricing.Parse(tt.give)
		require.NoError(t, err, tt.give)
		assert.Equal(t, tt.want, m.String())
	}
	bad := []struct {
		give string
		want error
	}{
		{"12.30", pricing.ErrInvalidAmount},
		{"XXX 12.30", pricing.ErrUnknownCurrency},
		{"CNY twelve", pricing.ErrInvalidAmount},
		{"CNY", pricing.ErrInvalidAmount},
		{"", pricing.ErrInvalidAmount},
	}
	for _, tt := range bad {
		_, err := pricing.Parse(tt.give)
		assert.ErrorIs(t, err, tt.want, "Parse(%q)", tt.give)
	}
}

func TestMustPanics(t *testing.T) {
	assert.PanicsWithValue(t, `pricing.MustParse("bad"): pricing: parse money: "bad": invalid amount: want "CODE AMOUNT"`,
		func() { pricing.MustParse("bad") })
	assert.Panics(t, func() { pricing.MustNew("x", pricing.CNY) })
	assert.Panics(t, func() { pricing.MustRate("0折") })
	assert.NotPanics(t, func() { pricing.MustParse("CNY 1") })
}

func TestErrorsAreWrapped(t *testing.T) {
	_, err := pricing.New("1", pricing.Currency(0))
	assert.True(t, errors.Is(err, pricing.ErrUnknownCurrency))
}

// TestCompactAllocations: amounts that are whole minor units below 10^18
// are held as int64, so arithmetic on them allocates nothing; an amount
// with digits beyond the minor unit costs a decimal.
func TestCompactAllocations(t *testing.T) {
	a, b := cny("10.10"), cny("0.95")
	f := decimal.RequireFromString("0.85")
	ten := cny("10.00")
	for name, op := range map[string]func(){
		"Add":          func() { _, _ = a.Add(b) },
		"Sub":          func() { _, _ = a.Sub(b) },
		"MulInt":       func() { _, _ = a.MulInt(7) },
		"Mul compact":  func() { _, _ = ten.Mul(f) }, // 8.50
		"Cmp":          func() { _, _ = a.Cmp(b) },
		"Equal":        func() { _ = a.Equal(b) },
		"Round":        func() { _ = a.Round(pricing.HalfEven) },
		"MinorUnits":   func() { _, _ = a.MinorUnits() },
		"NewFromMinor": func() { _, _ = pricing.NewFromMinor(1234, pricing.CNY) },
	} {
		assert.Zero(t, testing.AllocsPerRun(100, op), name)
	}
	allocs := testing.AllocsPerRun(100, func() { _, _ = a.Mul(f) }) // 8.585
	assert.LessOrEqual(t, allocs, 2.0, "Money.Mul allocations, unrounded result")
}
