package pricing

import (
	"math/bits"
	"strconv"

	"github.com/shopspring/decimal"
)

// A Money holds its amount in one of two forms, chosen by the value alone:
//
//   - compact: a whole number of minor units below 10^18 in magnitude, kept
//     as an int64 in minor. Nearly every price, total and discount is
//     compact, and compact arithmetic allocates nothing.
//   - wide (isWide): any other amount (digits beyond the minor unit, or
//     10^18 minor units and more), kept as a decimal in wide.
//
// Every Money is built by fromMinor or fromDecimal, so each amount has
// exactly one form; operations on two compact values stay in int64, the
// rest go through decimal and come back to the compact form when they can.
const compactLimit = 1_000_000_000_000_000_000 // 10^18 minor units

var compactLimitDecimal = decimal.New(compactLimit, 0)

// fromMinor returns v minor units of c.
func fromMinor(v int64, c Currency) Money {
	if v <= -compactLimit || v >= compactLimit {
		d := decimal.New(v, -c.Digits())
		return Money{wide: d, isWide: true, currency: c}
	}
	return Money{minor: v, currency: c}
}

// fromDecimal returns d in c, compact when d is a whole number of minor
// units below the limit.
func fromDecimal(d decimal.Decimal, c Currency) Money {
	if v, ok := compactOf(d, c.Digits()); ok {
		return Money{minor: v, currency: c}
	}
	return Money{wide: d, isWide: true, currency: c}
}

// compactOf returns d in units of 10^-digits when that is a whole number
// below compactLimit in magnitude.
func compactOf(d decimal.Decimal, digits int32) (int64, bool) {
	if d.IsZero() {
		return 0, true
	}
	// NumDigits is exact above 2^53 and at most one digit off below it,
	// so 18 digits or fewer means the coefficient fits in an int64 and is
	// below 10^18. A longer coefficient may still be a compact amount
	// followed by zeros: that rare case takes the exact decimal check.
	if d.NumDigits() > 18 {
		s := d.Shift(digits)
		if !s.IsInteger() || s.Abs().Cmp(compactLimitDecimal) >= 0 {
			return 0, false
		}
		return s.IntPart(), true
	}
	return scaleCompact(d.CoefficientInt64(), d.Exponent()+digits)
}

// scaleCompact returns coef × 10^shift when that is a whole number below
// compactLimit in magnitude.
func scaleCompact(coef int64, shift int32) (int64, bool) {
	if shift >= 0 {
		for ; shift > 0; shift-- {
			if coef >= compactLimit/10 || coef <= -compactLimit/10 {
				return 0, false
			}
			coef *= 10
		}
		return coef, coef > -compactLimit && coef < compactLimit
	}
	if shift < -18 {
		return 0, false // 0 < |coef| < 10^19 ≤ 10^-shift: digits beyond the unit
	}
	p := pow10[-shift]
	if coef%p != 0 {
		return 0, false
	}
	coef /= p
	return coef, coef > -compactLimit && coef < compactLimit
}

// mul returns m × f, exact up to MaxScale places and rounded to odd beyond
// (see roundToOdd); a compact m times a factor of at most 18 digits whose
// product is a whole number of minor units stays in int64. The magnitude is
// not checked: callers check it or multiply by at most 1.
func (m Money) mul(f decimal.Decimal) Money {
	if !m.isWide && f.NumDigits() <= 18 {
		if m.minor == 0 || f.IsZero() {
			return Money{currency: m.currency}
		}
		fc := f.CoefficientInt64()
		hi, lo := bits.Mul64(uint64(abs64(m.minor)), uint64(abs64(fc)))
		if hi == 0 && lo < 1<<63 {
			p := int64(lo)
			if (m.minor < 0) != (fc < 0) {
				p = -p
			}
			if v, ok := scaleCompact(p, f.Exponent()); ok {
				return Money{minor: v, currency: m.currency}
			}
		}
	}
	return fromDecimal(roundToOdd(m.dec().Mul(f)), m.currency)
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// dec returns the amount as a decimal.
func (m Money) dec() decimal.Decimal {
	if m.isWide {
		return m.wide
	}
	return decimal.New(m.minor, -m.currency.Digits())
}

// compact reports whether both amounts are in the compact form.
func (m Money) compact(o Money) bool { return !m.isWide && !o.isWide }

// amountString formats the amount as String does, without the code.
func (m Money) amountString() string {
	if m.isWide {
		return formatAmount(m.wide, m.currency.Digits())
	}
	return formatMinor(m.minor, m.currency.Digits())
}

// formatMinor writes v minor units with the given digits after the point:
// 1230, 2 -> "12.30"; -5, 2 -> "-0.05"; 500, 0 -> "500".
func formatMinor(v int64, digits int32) string {
	var buf [48]byte
	b := strconv.AppendInt(buf[:0], v, 10)
	if digits <= 0 {
		return string(b)
	}
	neg := v < 0
	if neg {
		b = b[1:]
	}
	var out [48]byte
	o := out[:0]
	if neg {
		o = append(o, '-')
	}
	n, d := len(b), int(digits)
	if n <= d {
		o = append(o, '0', '.')
		for range d - n {
			o = append(o, '0')
		}
		o = append(o, b...)
		return string(o)
	}
	o = append(o, b[:n-d]...)
	o = append(o, '.')
	o = append(o, b[n-d:]...)
	return string(o)
}
