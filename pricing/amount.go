package pricing

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Limits on the decimals this package accepts. They keep every operation
// cheap and far from shopspring/decimal's int32 exponent limits, whatever the
// input: an amount has at most maxDigits significant digits and a scale
// (digits after the point) of at most maxScale; its exponent is within
// [-maxScale, maxScale].
const (
	maxDigits   = 40
	maxScale    = 28
	maxInputLen = 64
)

// parseDecimal parses a plain decimal number: an optional sign, digits, an
// optional point and digits. Exponents, spaces, thousands separators,
// "NaN" and "Inf" are rejected. field names the input in the error.
func parseDecimal(field, s string) (decimal.Decimal, error) {
	if len(s) == 0 || len(s) > maxInputLen {
		return decimal.Decimal{}, fmt.Errorf("%s %q: %w: want a plain decimal of 1 to %d characters", field, clip(s), ErrInvalidAmount, maxInputLen)
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
			return decimal.Decimal{}, fmt.Errorf("%s %q: %w: unexpected %q", field, clip(s), ErrInvalidAmount, c)
		}
	}
	if digits == 0 {
		return decimal.Decimal{}, fmt.Errorf("%s %q: %w: no digits", field, clip(s), ErrInvalidAmount)
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%s %q: %w", field, clip(s), ErrInvalidAmount)
	}
	return d, checkDecimal(field, d)
}

// checkDecimal reports whether d is within the package's limits.
func checkDecimal(field string, d decimal.Decimal) error {
	if d.IsZero() {
		return nil
	}
	exp := d.Exponent()
	if exp < -maxScale || exp > maxScale || d.NumDigits() > maxDigits {
		return fmt.Errorf("%s %s: %w: more than %d digits or a scale beyond %d", field, clip(d.String()), ErrInvalidAmount, maxDigits, maxScale)
	}
	return nil
}

// decimalFromFloat converts a finite float64 through its shortest decimal
// representation (0.1 becomes 0.1, not 0.1000000000000000055...).
func decimalFromFloat(field string, f float64) (decimal.Decimal, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return decimal.Decimal{}, fmt.Errorf("%s %v: %w: not finite", field, f, ErrInvalidAmount)
	}
	d, err := decimal.NewFromString(strconv.FormatFloat(f, 'f', -1, 64))
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%s %v: %w", field, f, ErrInvalidAmount)
	}
	return d, nil
}

// formatAmount writes d with at least places digits after the point and
// more only if d has more significant digits: 12.3 -> "12.30", 1.005 ->
// "1.005", 12.300 -> "12.30" for places 2.
func formatAmount(d decimal.Decimal, places int32) string {
	if -d.Exponent() > places {
		plain := d.String() // shopspring drops trailing zeros here
		if dot := strings.IndexByte(plain, '.'); dot >= 0 && int32(len(plain)-dot-1) > places {
			return plain
		}
	}
	return d.StringFixed(places)
}

// clip shortens a string for an error message.
func clip(s string) string {
	if len(s) > 32 {
		return s[:32] + "..."
	}
	return s
}
