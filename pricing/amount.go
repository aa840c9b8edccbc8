package pricing

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Limits on the decimals this package accepts and produces: every amount,
// factor, weight and ratio has a magnitude of at most 10^[MaxMagnitude] and
// at most [MaxScale] digits after the point. Every Money the package returns
// obeys the same rule, so whatever [Money.String] or [Money.MarshalJSON]
// writes, [Parse] and [Money.UnmarshalJSON] read back. See the package's
// Limits section for how each operation keeps to it.
const (
	// MaxMagnitude bounds the size of amounts: |amount| ≤ 10^MaxMagnitude
	// (10^30, a 1 and thirty zeros). Beyond it is [ErrTooLarge].
	MaxMagnitude = 30
	// MaxScale is the most digits after the point: 28. Parsed amounts with
	// more are [ErrTooLarge]; products with more are rounded to it (see
	// [Money.Mul]).
	MaxScale = 28
	// maxInputLen bounds an amount string: a sign, 31 integer digits, a
	// point and 28 decimals are 61 characters; the rest is room for
	// leading and trailing zeros.
	maxInputLen = 80
)

// maxMagnitude is 10^MaxMagnitude.
var maxMagnitude = decimal.New(1, MaxMagnitude)

// parseDecimal parses a plain decimal number: an optional sign, digits, an
// optional point and digits. Exponents, spaces, thousands separators,
// "NaN" and "Inf" are rejected ([ErrInvalidAmount]); a number beyond the
// limits is [ErrTooLarge]. The error's reason and detail are returned for
// the caller's *FieldError.
func parseDecimal(s string) (decimal.Decimal, string, error) {
	if len(s) == 0 {
		return decimal.Decimal{}, "empty", ErrInvalidAmount
	}
	if len(s) > maxInputLen {
		return decimal.Decimal{}, "at most " + strconv.Itoa(maxInputLen) + " characters", ErrTooLarge
	}
	i := 0
	if s[0] == '+' || s[0] == '-' {
		i++
	}
	digits, point := 0, false
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !point:
			point = true
		default:
			return decimal.Decimal{}, "unexpected " + strconv.QuoteRune(rune(c)) + ": want a plain decimal", ErrInvalidAmount
		}
	}
	if digits == 0 {
		return decimal.Decimal{}, "no digits", ErrInvalidAmount
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, "want a plain decimal", ErrInvalidAmount
	}
	return checkDecimal(d)
}

// checkDecimal checks d against the limits and returns it with a scale of
// at most MaxScale (trailing zeros beyond it dropped), or the reason and
// the detail of the error.
func checkDecimal(d decimal.Decimal) (decimal.Decimal, string, error) {
	if d.IsZero() {
		return decimal.Zero, "", nil
	}
	if exp := int64(d.Exponent()); exp < -MaxScale {
		// Only trailing zeros may go: the coefficient must have more digits
		// than the places to drop, which also bounds the work of Truncate
		// (an exponent of -10^9 is refused here, not divided by 10^10^9).
		if -exp-MaxScale >= int64(d.NumDigits()) {
			return decimal.Decimal{}, "at most " + strconv.Itoa(MaxScale) + " digits after the point", ErrTooLarge
		}
		t := d.Truncate(MaxScale)
		if !t.Equal(d) {
			return decimal.Decimal{}, "at most " + strconv.Itoa(MaxScale) + " digits after the point", ErrTooLarge
		}
		d = t
	}
	if !withinMagnitude(d) {
		return decimal.Decimal{}, "magnitude at most 10^" + strconv.Itoa(MaxMagnitude), ErrTooLarge
	}
	return d, "", nil
}

// withinMagnitude reports |d| ≤ 10^MaxMagnitude, cheaply when the
// coefficient is short.
func withinMagnitude(d decimal.Decimal) bool {
	// 10^(n-1+exp) ≤ |d| < 10^(n+exp) for n = NumDigits > 0: decide from n
	// and the exponent, and compare exactly only in the one decade where
	// that cannot (so a huge exponent never expands the coefficient).
	switch n := int64(d.NumDigits()) + int64(d.Exponent()); {
	case n <= MaxMagnitude:
		return true
	case n > MaxMagnitude+1:
		return false
	}
	return d.Abs().Cmp(maxMagnitude) <= 0
}

// decText writes a decimal for an error message: plain when short, else
// as coefficient and exponent ("5e-1000000000"), never expanding a huge
// exponent into a huge string.
func decText(d decimal.Decimal) string {
	if e := d.Exponent(); e >= -64 && e <= 64 && d.NumDigits() <= 64 {
		return clipRaw(plainString(d))
	}
	return clipRaw(d.Coefficient().String()) + "e" + strconv.Itoa(int(d.Exponent()))
}

// tooLargeDetail is the detail of ErrTooLarge for an amount's magnitude.
var tooLargeDetail = "magnitude at most 10^" + strconv.Itoa(MaxMagnitude)

// roundToOdd brings d to at most MaxScale places by rounding to odd: the
// digits beyond are dropped, and if any was non-zero the last kept digit is
// made odd (moved one unit away from zero when it is even). Rounding the
// result to 26 places or fewer, in any mode, gives the same answer as
// rounding d itself (Boldo and Melquiond, "Emulation of FMA and correctly
// rounded sums: proved algorithms using rounding to odd", IEEE Trans.
// Computers 57(4), 2008: the kept odd digit records that d was inexact, and
// two spare digits keep every tie and every grid point of the coarser
// rounding apart). A currency has at most 3 digits.
func roundToOdd(d decimal.Decimal) decimal.Decimal {
	if d.Exponent() >= -MaxScale {
		return d
	}
	t := d.Truncate(MaxScale)
	if t.Equal(d) {
		return t
	}
	coef := t.Shift(MaxScale).BigInt()
	if coef.Bit(0) == 0 { // Bit reads |coef| for a negative big.Int
		step := big.NewInt(1)
		if d.Sign() < 0 {
			step.Neg(step)
		}
		t = decimal.NewFromBigInt(coef.Add(coef, step), -MaxScale)
	}
	return t
}

// decimalFromFloat converts a finite float64 through its shortest decimal
// representation (0.1 becomes 0.1, not 0.1000000000000000055...).
func decimalFromFloat(f float64) (decimal.Decimal, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return decimal.Decimal{}, false
	}
	d, err := decimal.NewFromString(strconv.FormatFloat(f, 'f', -1, 64))
	return d, err == nil
}

// formatAmount writes d with at least places digits after the point and
// more only if d has more significant digits: 12.3 -> "12.30", 1.005 ->
// "1.005", 12.300 -> "12.30" for places 2. It never uses shopspring's
// package-level String settings (scientific notation, trailing zeros), so
// its output is the same whatever they are set to.
func formatAmount(d decimal.Decimal, places int32) string {
	if -d.Exponent() <= places {
		return d.StringFixed(places)
	}
	s := d.StringFixed(-d.Exponent())
	dot := strings.IndexByte(s, '.')
	end := len(s)
	for end > dot+1+int(places) && s[end-1] == '0' {
		end--
	}
	if end == dot+1 { // places is 0 and only zeros followed the point
		end = dot
	}
	return s[:end]
}

// plainString writes d without trailing zeros after the point and without
// an exponent: 0.850 -> "0.85", 10 -> "10".
func plainString(d decimal.Decimal) string { return formatAmount(d, 0) }

// clip shortens a string for an error message and quotes it.
func clip(s string) string { return strconv.Quote(clipRaw(s)) }

// clipRaw shortens a number's text for an error message.
func clipRaw(s string) string {
	if len(s) > 32 {
		return s[:32] + "..."
	}
	return s
}
