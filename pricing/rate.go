package pricing

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Rate is a discount rate: the fraction of the price the customer pays, in
// the Chinese notation X折 = pay X/10. 7折 pays 70% (30% off), 8.5折 pays
// 85%, 75折 is 7.5折 and pays 75%.
//
// The name is pricing's: a discount rate, the fraction paid. A demand rate
// (units per period) is a different idea and has a different name in
// inventory.
//
// A Rate is always in (0折, 10折]: it pays more than nothing and at most the
// full price. The zero Rate is 10折, no discount. Rate is a comparable value,
// safe for concurrent use; compare with [Rate.Equal], since 0.7 and 0.70 are
// the same rate with different representations.
type Rate struct {
	off decimal.Decimal // fraction taken off, in [0, 1)
}

// NewRate returns the rate that pays the given fraction of the price:
// NewRate(0.85) is 8.5折. The fraction must be in (0, 1].
func NewRate(pay decimal.Decimal) (Rate, error) {
	p, detail, reason := checkDecimal(pay)
	if reason != nil {
		return Rate{}, fieldErr("new rate", "pay", decText(pay), reason, detail)
	}
	if p.Sign() <= 0 || p.Cmp(one) > 0 {
		return Rate{}, fieldErr("new rate", "pay", plainString(p), ErrInvalidRate, "must be in (0, 1]")
	}
	return Rate{off: one.Sub(p)}, nil
}

// NewRateOff returns the rate that takes the given fraction off:
// NewRateOff(0.3) is 7折. The fraction must be in [0, 1).
func NewRateOff(off decimal.Decimal) (Rate, error) {
	o, detail, reason := checkDecimal(off)
	if reason != nil {
		return Rate{}, fieldErr("new rate off", "off", decText(off), reason, detail)
	}
	if o.Sign() < 0 || o.Cmp(one) >= 0 {
		return Rate{}, fieldErr("new rate off", "off", plainString(o), ErrInvalidRate, "must be in [0, 1)")
	}
	return Rate{off: o}, nil
}

// PercentOff returns the rate that takes percent % off: PercentOff(30) is
// 7折. percent must be in [0, 100).
func PercentOff(percent int64) (Rate, error) {
	if percent < 0 || percent >= 100 {
		return Rate{}, fieldErr("percent off", "percent", strconv.FormatInt(percent, 10), ErrInvalidRate, "must be in [0, 100)")
	}
	return Rate{off: decimal.New(percent, -2)}, nil
}

// PayPercent returns the rate that pays percent % of the price:
// PayPercent(85) is 8.5折. percent must be in (0, 100].
func PayPercent(percent int64) (Rate, error) {
	if percent <= 0 || percent > 100 {
		return Rate{}, fieldErr("pay percent", "percent", strconv.FormatInt(percent, 10), ErrInvalidRate, "must be in (0, 100]")
	}
	return Rate{off: one.Sub(decimal.New(percent, -2))}, nil
}

// MustRate is like [ParseZhe] but panics on an error; for tests, examples
// and package-level variables.
func MustRate(zhe string) Rate {
	r, err := ParseZhe(zhe)
	if err != nil {
		panic(fmt.Sprintf("pricing.MustRate(%q): %v", zhe, err))
	}
	return r
}

// zheDigits maps the characters a 折 string may use to ASCII: Chinese
// numerals, full-width digits (as typed with a Chinese input method), and 点
// or a full-width point for the decimal point.
var zheDigits = map[rune]byte{
	'〇': '0', '零': '0', '一': '1', '二': '2', '两': '2', '三': '3', '四': '4', '五': '5',
	'六': '6', '七': '7', '八': '8', '九': '9', '点': '.', '．': '.', '.': '.',
}

// ParseZhe parses the Chinese discount notation X折:
//
//   - one digit d: d/10 ("7折" = 0.70, "9折" = 0.90);
//   - "10折": 1.00, the full price;
//   - two digits ab, other than 10, with a ≠ 0: ab/100 ("75折" = 0.75,
//     "95折" = 0.95, "85折" = 0.85);
//   - a number with a point: X/10 ("8.5折" = 0.85, "0.5折" = 0.05);
//   - "半价" (half price) = 5折.
//
// Chinese numerals (七五折, 八点五折) and full-width digits (７折) are
// accepted; spaces around are ignored. The result must be in (0折, 10折]:
// "0折", "10.5折", "100折", "07折", "7" (without 折) and anything else are
// errors wrapping [ErrInvalidRate].
func ParseZhe(s string) (Rate, error) {
	fail := func(why string) (Rate, error) {
		return Rate{}, fieldErr("parse 折", "", clip(s), ErrInvalidRate, why)
	}
	t := strings.TrimSpace(s)
	if t == "半价" {
		return Rate{off: decimal.New(5, -1)}, nil
	}
	num, ok := strings.CutSuffix(t, "折")
	if !ok {
		return fail("want a number followed by 折")
	}
	if len(num) > 48 {
		return fail("too long")
	}
	var b strings.Builder
	for _, r := range strings.TrimSpace(num) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteByte(byte(r))
		case r >= '０' && r <= '９':
			b.WriteByte(byte('0' + r - '０'))
		default:
			c, ok := zheDigits[r]
			if !ok {
				return fail(fmt.Sprintf("unexpected %q", r))
			}
			b.WriteByte(c)
		}
	}
	n := b.String()
	if n == "" || n[0] == '.' || n[len(n)-1] == '.' || strings.Count(n, ".") > 1 {
		return fail("malformed number")
	}
	var pay decimal.Decimal
	switch {
	case strings.Contains(n, "."):
		d, err := decimal.NewFromString(n)
		if err != nil {
			return fail("malformed number")
		}
		pay = d.Shift(-1)
	case n == "10":
		pay = one
	case len(n) == 1:
		pay = decimal.New(int64(n[0]-'0'), -1)
	case len(n) == 2 && n[0] != '0':
		pay = decimal.New(int64(n[0]-'0')*10+int64(n[1]-'0'), -2)
	default:
		return fail("want one digit, two digits, or a number with a point")
	}
	if pay.Sign() <= 0 || pay.Cmp(one) > 0 {
		return fail("must be above 0折 and at most 10折")
	}
	pay, _, reason := checkDecimal(pay)
	if reason != nil {
		return fail("at most " + strconv.Itoa(MaxScale) + " digits after the point of the fraction paid")
	}
	return Rate{off: one.Sub(pay)}, nil
}

// Pay returns the fraction paid: 0.85 for 8.5折.
func (r Rate) Pay() decimal.Decimal { return one.Sub(r.off) }

// Off returns the fraction taken off: 0.15 for 8.5折.
func (r Rate) Off() decimal.Decimal { return r.off }

// PercentOff returns the percentage taken off: 15 for 8.5折.
func (r Rate) PercentOff() decimal.Decimal { return r.off.Shift(2) }

// IsZero reports whether r is 10折, no discount (the zero Rate).
func (r Rate) IsZero() bool { return r.off.IsZero() }

// Equal reports whether r and o pay the same fraction.
func (r Rate) Equal(o Rate) bool { return r.off.Equal(o.off) }

// Compare orders rates by the fraction paid: a deeper discount (7折) sorts
// before a shallower one (9折).
func (r Rate) Compare(o Rate) int { return o.off.Cmp(r.off) }

// Zhe formats r in 折 notation with the shortest exact number: "7折",
// "8.5折", "9.95折", "10折" for no discount.
func (r Rate) Zhe() string {
	return plainString(r.Pay().Shift(1)) + "折"
}

// String returns the 折 form and the percentage off: "8.5折 (15% off)".
func (r Rate) String() string {
	return r.Zhe() + " (" + plainString(r.PercentOff()) + "% off)"
}

// Apply returns the price after the discount, unrounded: 8.5折 of CNY 19.90
// is CNY 16.9150; round it with [Money.Round]. Like [Money.Mul], a product
// with more than [MaxScale] places is rounded to odd at MaxScale; the
// result is never larger than m, so it is within the limits.
func (r Rate) Apply(m Money) Money { return m.mul(r.Pay()) }

// Discount returns the amount taken off, unrounded: 8.5折 of CNY 19.90 is
// CNY 2.9850.
func (r Rate) Discount(m Money) Money { return m.mul(r.off) }

// MarshalText encodes r in 折 notation ("8.5折"), so a rate is a JSON string.
func (r Rate) MarshalText() ([]byte, error) { return []byte(r.Zhe()), nil }

// UnmarshalText decodes the 折 notation accepted by [ParseZhe].
func (r *Rate) UnmarshalText(b []byte) error {
	v, err := ParseZhe(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}
