package pricing

import (
	"math"
	"testing"

	"github.com/shopspring/decimal"
)

// FuzzCompactForm checks the two forms of Money against plain decimal
// arithmetic: whatever the amounts, the compact int64 path and the decimal
// path give the same values, the same comparisons and the same text, and
// every value is in its canonical form.
func FuzzCompactForm(f *testing.F) {
	f.Add(int64(1230), int8(-2), int64(95), int8(-2), int64(3), uint8(0))
	f.Add(int64(85), int8(-2), int64(1000), int8(-3), int64(-7), uint8(1))
	f.Add(int64(999_999_999_999_999_999), int8(-2), int64(1), int8(-2), int64(10), uint8(2))
	f.Add(int64(math.MinInt64), int8(0), int64(math.MaxInt64), int8(-5), int64(math.MinInt64), uint8(0))
	f.Add(int64(100_000_000_000_000_000), int8(1), int64(-1), int8(-20), int64(1e17), uint8(1))
	currencies := []Currency{CNY, JPY, builtinCurrencies["KWD"]}
	f.Fuzz(func(t *testing.T, ac int64, ae int8, bc int64, be int8, n int64, ci uint8) {
		c := currencies[int(ci)%len(currencies)]
		a, b := decimal.New(ac, int32(ae%24)), decimal.New(bc, int32(be%24))
		ma, mb := fromDecimal(a, c), fromDecimal(b, c)
		for _, x := range []struct {
			m Money
			d decimal.Decimal
		}{{ma, a}, {mb, b}} {
			if !x.m.dec().Equal(x.d) {
				t.Fatalf("fromDecimal(%s) holds %s", x.d, x.m.dec())
			}
			minor := x.d.Shift(c.Digits())
			compact := minor.IsInteger() && minor.Abs().Cmp(decimal.New(compactLimit, 0)) < 0
			if compact != !x.m.isWide {
				t.Fatalf("%s in %s: compact form %v, want %v", x.d, c.Code(), !x.m.isWide, compact)
			}
			if got, want := x.m.amountString(), formatAmount(x.d, c.Digits()); got != want {
				t.Fatalf("%s formats as %q, want %q", x.d, got, want)
			}
			if got, want := x.m.Round(HalfEven).dec(), roundPlaces(x.d, c.Digits(), HalfEven); !got.Equal(want) {
				t.Fatalf("Round(%s) = %s, want %s", x.d, got, want)
			}
			v, err := x.m.MinorUnits()
			if fits := minor.IsInteger() && minor.BigInt().IsInt64(); fits != (err == nil) || x.m.IsRounded() != minor.IsInteger() {
				t.Fatalf("MinorUnits(%s) = %d, %v", x.d, v, err)
			}
			if err == nil && !decimal.New(v, -c.Digits()).Equal(x.d) {
				t.Fatalf("MinorUnits(%s) = %d", x.d, v)
			}
			if !x.m.Neg().dec().Equal(x.d.Neg()) || x.m.Sign() != x.d.Sign() {
				t.Fatalf("Neg or Sign of %s", x.d)
			}
			prod, err := x.m.MulInt(n)
			want := x.d.Mul(decimal.New(n, 0))
			if fits := withinMagnitude(want); fits != (err == nil) || fits && !prod.dec().Equal(want) {
				t.Fatalf("%s × %d = %s, %v", x.d, n, prod.dec(), err)
			}
		}
		sum, errSum := ma.Add(mb)
		diff, errDiff := ma.Sub(mb)
		cmp, _ := ma.Cmp(mb)
		switch {
		case withinMagnitude(a.Add(b)) != (errSum == nil) || errSum == nil && !sum.dec().Equal(a.Add(b)):
			t.Fatalf("%s + %s = %s, %v", a, b, sum.dec(), errSum)
		case withinMagnitude(a.Sub(b)) != (errDiff == nil) || errDiff == nil && !diff.dec().Equal(a.Sub(b)):
			t.Fatalf("%s - %s = %s, %v", a, b, diff.dec(), errDiff)
		case cmp != a.Cmp(b) || ma.Equal(mb) != a.Equal(b):
			t.Fatalf("compare %s and %s: %d, %v", a, b, cmp, ma.Equal(mb))
		}
		if _, _, reason := checkDecimal(b); reason == nil && a.Mul(b).Exponent() >= -MaxScale && withinMagnitude(a.Mul(b)) {
			prod, err := ma.Mul(b)
			if err != nil || !prod.dec().Equal(a.Mul(b)) {
				t.Fatalf("%s × %s = %s, %v", a, b, prod.dec(), err)
			}
			if prod.isWide != fromDecimal(a.Mul(b), c).isWide {
				t.Fatalf("%s × %s is not in canonical form", a, b)
			}
		}
	})
}
