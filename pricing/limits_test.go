package pricing_test

import (
	"encoding/json"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 12: Split(math.MaxInt) panicked in makeslice and Split(5e6)
// allocated 190 MB. Both are now ErrTooLarge before any allocation.
func TestSplitLimit(t *testing.T) {
	for _, n := range []int{math.MaxInt, 5_000_000, pricing.MaxParts + 1} {
		allocs := testing.AllocsPerRun(5, func() {
			_, err := cny("1.00").Split(n)
			require.ErrorIs(t, err, pricing.ErrTooLarge)
		})
		assert.LessOrEqual(t, allocs, 8.0, "Split(%d) allocates only its error", n)
	}
	parts, err := cny("1.00").Split(pricing.MaxParts)
	require.NoError(t, err)
	assert.Len(t, parts, pricing.MaxParts)
	assertMoney(t, cny("0.00"), parts[pricing.MaxParts-1]) // 100 分 over 100,000 parts: the first 100 get 1 分
	assertMoney(t, cny("0.01"), parts[99])
}

// Issue 12: Parse and UnmarshalJSON refused amounts the package produced
// (1e38 + 0.01 via Add, a 28-place fraction). Now everything produced is
// within one rule (|x| ≤ 10^30, at most 28 places), and what is beyond it
// is refused where it is produced.
func TestProducedAmountsParseBack(t *testing.T) {
	top := strings.Repeat("9", 30) // 10^30 - 1
	big1, err := pricing.New(top+".99", pricing.CNY)
	require.NoError(t, err)
	sum, err := big1.Add(cny("0.01")) // exactly 10^30: the limit itself
	require.NoError(t, err)
	assert.Equal(t, "CNY 1"+strings.Repeat("0", 30)+".00", sum.String())
	roundTrip(t, sum)
	_, err = sum.Add(cny("0.01"))
	assert.ErrorIs(t, err, pricing.ErrTooLarge, "10^30 + 0.01 is beyond the limit")
	_, err = sum.Neg().Sub(cny("0.01"))
	assert.ErrorIs(t, err, pricing.ErrTooLarge)
	_, err = pricing.Sum(sum, sum)
	assert.ErrorIs(t, err, pricing.ErrTooLarge)

	// The finding's 1e38 is beyond the rule, so 1e38 + 0.01 can no longer be
	// produced: it is refused where it would enter.
	_, err = pricing.New("1"+strings.Repeat("0", 38), pricing.CNY)
	assert.ErrorIs(t, err, pricing.ErrTooLarge)
	_, err = pricing.NewFromDecimal(decimal.New(1, 38), pricing.CNY)
	assert.ErrorIs(t, err, pricing.ErrTooLarge)

	// A 28-place fraction, from parsing and from a product.
	frac := "0." + strings.Repeat("1234567", 4) // 28 places
	m, err := pricing.New(frac, pricing.CNY)
	require.NoError(t, err)
	roundTrip(t, m)
	p, err := m.Mul(decimal.RequireFromString(frac))
	require.NoError(t, err)
	roundTrip(t, p)
	// The largest magnitude with the longest fraction: 61 characters.
	long, err := pricing.New("-"+top+"."+strings.Repeat("9", 28), pricing.CNY)
	require.NoError(t, err)
	roundTrip(t, long)
}

// roundTrip checks that String and MarshalJSON parse back to an equal Money.
func roundTrip(t *testing.T, m pricing.Money) {
	t.Helper()
	back, err := pricing.Parse(m.String())
	require.NoError(t, err, m.String())
	assert.True(t, back.Equal(m), "Parse(%s) = %s", m, back)
	b, err := json.Marshal(m)
	require.NoError(t, err)
	var j pricing.Money
	require.NoError(t, json.Unmarshal(b, &j), string(b))
	assert.True(t, j.Equal(m), "JSON %s gave %s", b, j)
}

// Issue 12: repeated Mul by 1.01 grew to thousands of digits. Products keep
// at most MaxScale places (rounded to odd), so 1,000 steps stay short.
func TestRepeatedMulBounded(t *testing.T) {
	m := cny("100.00")
	f := decimal.RequireFromString("1.01")
	for i := range 1000 {
		var err error
		m, err = m.Mul(f)
		require.NoError(t, err, "step %d", i)
	}
	// 100 × 1.01^1000 = 2,095,915.56378136600644412457889448907719...
	// (exact rational arithmetic in Python's fractions module).
	assert.Equal(t, "CNY 2095915.56", m.Round(pricing.HalfUp).String())
	assert.True(t, strings.HasPrefix(m.StringAmount(), "2095915.563781366006444124578"), m.StringAmount())
	s := m.StringAmount()
	assert.LessOrEqual(t, len(s[strings.IndexByte(s, '.')+1:]), pricing.MaxScale)
	roundTrip(t, m)
	// Growth stops at the magnitude limit with an error, not a long number.
	g := cny("1")
	var err error
	for i := 0; i < 200 && err == nil; i++ {
		var next pricing.Money
		if next, err = g.Mul(decimal.New(10, 0)); err == nil {
			g = next
		}
	}
	assert.ErrorIs(t, err, pricing.ErrTooLarge)
	assert.Equal(t, "CNY 1"+strings.Repeat("0", 30)+".00", g.String())
}

// Rounding to odd at 28 places keeps a later rounding exact: the true
// product 0.004999...9 (30 places) must round half-up to 0.00, and
// 0.005000...01 to 0.01, although both are 0.005 at 28 places when rounded
// to nearest.
func TestMulRoundToOdd(t *testing.T) {
	f := decimal.RequireFromString("1.0000000000000000000000000001") // 1 + 10^-28
	a := cny("0.0049999999999999999999999999")                       // 28 places
	p, err := a.Mul(f)
	require.NoError(t, err)
	// exact: 0.0049999999999999999999999999 × (1 + 10^-28) < 0.005: half-up gives 0.00.
	assert.Equal(t, "CNY 0.00", p.Round(pricing.HalfUp).String())
	b := cny("0.005")
	q, err := b.Mul(f)
	require.NoError(t, err)
	// exact: 0.005 + 0.005×10^-28 = 0.0050000000000000000000000000005 > 0.005:
	// half-even must go up (rounding to nearest at 28 places would give the
	// tie 0.005 and then 0.00).
	assert.Equal(t, "CNY 0.01", q.Round(pricing.HalfEven).String())
	assert.Equal(t, "CNY 0.0050000000000000000000000001", q.String(), "the odd last digit records the dropped part")
}

// MulInt: compact products go through checked int64 arithmetic; beyond
// 10^18 minor units the product is exact in decimal; beyond 10^30 it is
// ErrTooLarge. Known answers by hand.
func TestMulIntBoundaries(t *testing.T) {
	tests := []struct {
		give pricing.Money
		n    int64
		want string
	}{
		{cny("100000000000000"), 1000, "CNY 100000000000000000.00"},  // 1e14 × 1000 = 1e17 yuan = 1e19 分, past int64 minor units
		{cny("100000000000000"), 999, "CNY 99900000000000000.00"},    // 9.99e18 分: wide
		{cny("100000000000000"), 1001, "CNY 100100000000000000.00"},  // 1.001e19 分
		{cny("9999999999999999.99"), 1, "CNY 9999999999999999.99"},   // 10^18 - 1 分: the largest compact amount
		{cny("1000000000000000.00"), 10, "CNY 10000000000000000.00"}, // 10^18 分: the first wide amount
		{pricing.MustNew("-0.01", pricing.CNY), math.MinInt64, "CNY 92233720368547758.08"},
		{pricing.MustNew("0.01", pricing.CNY), math.MinInt64, "CNY -92233720368547758.08"},
		{cny("10000000000000000000000000000"), 100, "CNY 1" + strings.Repeat("0", 30) + ".00"}, // exactly the limit
		{cny("12.30"), 0, "CNY 0.00"},
	}
	for _, tt := range tests {
		got, err := tt.give.MulInt(tt.n)
		require.NoError(t, err, "%s × %d", tt.give, tt.n)
		assert.Equal(t, tt.want, got.String(), "%s × %d", tt.give, tt.n)
	}
	for _, tt := range []struct {
		give pricing.Money
		n    int64
	}{
		{cny("10000000000000000000000000000"), 101},
		{cny("1"), math.MaxInt64}, // 9.2e18: fine
	}[:1] {
		_, err := tt.give.MulInt(tt.n)
		assert.ErrorIs(t, err, pricing.ErrTooLarge, "%s × %d", tt.give, tt.n)
	}
	huge := pricing.MustNew("92233720368547758.07", pricing.CNY) // MaxInt64 分
	_, err := huge.MulInt(math.MaxInt64)                         // 8.5e34: beyond 10^30
	assert.ErrorIs(t, err, pricing.ErrTooLarge)
	got, err := huge.MulInt(2) // wraps in int64, exact in decimal
	require.NoError(t, err)
	assert.Equal(t, "CNY 184467440737095516.14", got.String())
}

// Rate and percentage edges (issue 19): the ends of each range.
func TestRateEdges(t *testing.T) {
	r, err := pricing.NewRate(decimal.New(1, 0))
	require.NoError(t, err)
	assert.Equal(t, "10折", r.Zhe())
	assert.True(t, r.IsZero(), "NewRate(1) is no discount")
	r, err = pricing.NewRateOff(decimal.Zero)
	require.NoError(t, err)
	assert.True(t, r.IsZero())
	r, err = pricing.PayPercent(100)
	require.NoError(t, err)
	assert.True(t, r.IsZero())
	r, err = pricing.PayPercent(1)
	require.NoError(t, err)
	assert.Equal(t, "0.1折", r.Zhe())
	r, err = pricing.PercentOff(0)
	require.NoError(t, err)
	assert.True(t, r.IsZero())
	for _, f := range []func() (pricing.Rate, error){
		func() (pricing.Rate, error) { return pricing.NewRate(decimal.Zero) },
		func() (pricing.Rate, error) { return pricing.NewRateOff(decimal.New(1, 0)) },
		func() (pricing.Rate, error) { return pricing.PayPercent(0) },
		func() (pricing.Rate, error) { return pricing.PayPercent(101) },
		func() (pricing.Rate, error) { return pricing.PercentOff(100) },
		func() (pricing.Rate, error) { return pricing.PercentOff(-1) },
	} {
		_, err := f()
		assert.ErrorIs(t, err, pricing.ErrInvalidRate)
	}
}

// Currencies are constants: each names the table entry of its code.
func TestCurrencyConstants(t *testing.T) {
	for want, c := range map[string]pricing.Currency{
		"CNY": pricing.CNY, "EUR": pricing.EUR, "GBP": pricing.GBP, "HKD": pricing.HKD, "JPY": pricing.JPY,
		"KRW": pricing.KRW, "MOP": pricing.MOP, "SGD": pricing.SGD, "TWD": pricing.TWD, "USD": pricing.USD,
	} {
		assert.Equal(t, want, c.Code())
		parsed, err := pricing.ParseCurrency(want)
		require.NoError(t, err)
		assert.Equal(t, c, parsed)
	}
	assert.Equal(t, int32(0), pricing.JPY.Digits())
	bogus := pricing.Currency(200)
	assert.False(t, bogus.IsValid())
	assert.Equal(t, "", bogus.Code(), "an index outside the table has no code, and no panic")
	_, err := pricing.NewFromMinor(1, bogus)
	assert.ErrorIs(t, err, pricing.ErrUnknownCurrency)
	_, err = json.Marshal(bogus)
	assert.Error(t, err)
}

// The zero Money: null in JSON, omitted by omitzero; an amount of 0.00 in a
// currency is neither.
func TestZeroMoneyJSON(t *testing.T) {
	type doc struct {
		A pricing.Money `json:"a,omitzero"`
		B pricing.Money `json:"b,omitzero"`
		C pricing.Money `json:"c"`
	}
	b, err := json.Marshal(doc{B: pricing.Zero(pricing.CNY)})
	require.NoError(t, err)
	assert.Equal(t, `{"b":{"amount":"0.00","currency":"CNY"},"c":null}`, string(b))
	var back doc
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, doc{B: pricing.Zero(pricing.CNY)}, back)
}

// FuzzMoneyArithmeticRoundTrip: any Money reachable by Add, Sub, Mul,
// MulInt and Neg from parsed inputs prints and marshals to text that parses
// back Equal, and a single Mul then Round equals the rounding of the exact
// product (rounding to odd at 28 places loses nothing a currency can see).
func FuzzMoneyArithmeticRoundTrip(f *testing.F) {
	f.Add("99999999999999999999999999999.99", "0.01", "1.01", int64(3), []byte{0, 1, 2, 3, 4})
	f.Add("0.0000000000000000000000000001", "-0.3333333333333333333333333333", "0.7777777777777777777777777777", int64(-7), []byte{2, 2, 2, 2})
	f.Add("12.30", "1000000000000000000", "100000000000", int64(math.MaxInt64), []byte{3, 3, 0, 2, 4})
	f.Fuzz(func(t *testing.T, a, b, factor string, n int64, ops []byte) {
		x, err1 := pricing.New(a, pricing.CNY)
		y, err2 := pricing.New(b, pricing.CNY)
		fd, err3 := decimal.NewFromString(factor)
		if err1 != nil || err2 != nil || err3 != nil || len(ops) > 64 {
			return
		}
		m := x
		for _, op := range ops {
			var next pricing.Money
			var err error
			switch op % 5 {
			case 0:
				next, err = m.Add(y)
			case 1:
				next, err = m.Sub(y)
			case 2:
				exact := new(big.Rat).Mul(m.Amount().Rat(), fd.Rat())
				next, err = m.Mul(fd)
				if err == nil {
					for _, mode := range []pricing.RoundingMode{pricing.HalfUp, pricing.HalfEven, pricing.Down, pricing.Up, pricing.Floor, pricing.Ceiling} {
						want := roundRat(exact, 2, mode)
						if got := next.Round(mode).Amount().Rat(); got.Cmp(want) != 0 {
							t.Fatalf("%s × %s rounded %s = %s, want %s", m, fd, mode, got.FloatString(2), want.FloatString(2))
						}
					}
				}
			case 3:
				next, err = m.MulInt(n)
			case 4:
				next = m.Neg()
			}
			if err != nil {
				continue // beyond the limits: refused, m unchanged
			}
			m = next
			back, err := pricing.Parse(m.String())
			if err != nil || !back.Equal(m) {
				t.Fatalf("Parse(%q) = %s, %v", m.String(), back, err)
			}
			j, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			var jm pricing.Money
			if err := json.Unmarshal(j, &jm); err != nil || !jm.Equal(m) {
				t.Fatalf("JSON %s gave %s, %v", j, jm, err)
			}
		}
	})
}

// roundRat rounds r to places decimal places with the mode, by the
// textbook definitions (a reference independent of the package).
func roundRat(r *big.Rat, places int, mode pricing.RoundingMode) *big.Rat {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	x := new(big.Rat).Mul(r, new(big.Rat).SetInt(scale))
	num, den := x.Num(), x.Denom()
	q, rem := new(big.Int).QuoRem(num, den, new(big.Int)) // truncated toward zero
	if rem.Sign() != 0 {
		neg := x.Sign() < 0
		twice := new(big.Int).Mul(new(big.Int).Abs(rem), big.NewInt(2))
		c := twice.Cmp(den)
		away := false
		switch mode {
		case pricing.Down:
		case pricing.Up:
			away = true
		case pricing.Floor:
			away = neg
		case pricing.Ceiling:
			away = !neg
		case pricing.HalfEven:
			away = c > 0 || (c == 0 && q.Bit(0) == 1)
		default:
			away = c >= 0
		}
		if away {
			if neg {
				q.Sub(q, big.NewInt(1))
			} else {
				q.Add(q, big.NewInt(1))
			}
		}
	}
	return new(big.Rat).SetFrac(q, scale)
}

// A decimal with an extreme exponent is refused at once: neither checked by
// expanding 10^1000000000 nor printed in full in the error.
func TestExtremeExponents(t *testing.T) {
	for _, d := range []decimal.Decimal{decimal.New(5, -1_000_000_000), decimal.New(5, 1_000_000_000), decimal.New(-7, math.MaxInt32), decimal.New(3, math.MinInt32)} {
		_, err := pricing.NewFromDecimal(d, pricing.CNY)
		require.ErrorIs(t, err, pricing.ErrTooLarge, "%d", d.Exponent())
		assert.Less(t, len(err.Error()), 200)
		_, err = cny("1").Mul(d)
		assert.ErrorIs(t, err, pricing.ErrTooLarge)
		_, err = cny("1").Allocate([]decimal.Decimal{d})
		assert.Error(t, err)
		_, err = pricing.NewRate(d)
		assert.Error(t, err)
		_, err = pricing.NewFloorPolicy(pricing.MinMargin(d))
		assert.Error(t, err)
		var fp pricing.FloorPolicy
		assert.Error(t, json.Unmarshal([]byte(`{"min_margin":"5e-1000000000"}`), &fp))
	}
	// Trailing zeros beyond 28 places are dropped, not refused.
	m, err := pricing.NewFromDecimal(decimal.New(5000, -31), pricing.CNY)
	require.NoError(t, err)
	assert.Equal(t, "CNY 0.0000000000000000000000000005", m.String())
}
