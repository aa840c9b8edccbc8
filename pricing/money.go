package pricing

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/opskit/opskit/internal/checked"
	"github.com/shopspring/decimal"
)

// Money is an amount in a currency: CNY 12.30 is twelve yuan and thirty fen.
//
// Money is an immutable value, safe for concurrent use; every operation
// returns a new Money. The amount is an exact decimal and may carry more
// digits than the currency's minor unit (a unit price of 10.00/3 rounded to
// four places, say); [Money.Round] brings it to the minor unit with an
// explicit [RoundingMode].
//
// The zero Money has no currency and a zero amount. It is the identity of
// [Money.Add] and [Sum], so a running total can start from it; it is not
// [Money.IsValid] and its String is "0".
type Money struct {
	minor    int64           // the amount in minor units, unless isWide
	wide     decimal.Decimal // the amount, when it is not compact (see repr.go)
	isWide   bool
	currency Currency
}

// New returns the amount parsed from a plain decimal string ("12.30", "-5",
// "0.005") in currency c. Exponents, separators and spaces are rejected.
// Errors: a malformed amount ([ErrInvalidAmount]), one beyond the limits
// ([ErrTooLarge]), an invalid currency ([ErrUnknownCurrency]).
func New(amount string, c Currency) (Money, error) {
	if !c.IsValid() {
		return Money{}, fieldErr("new money", "currency", strconv.Quote(c.Code()), ErrUnknownCurrency, "")
	}
	d, detail, reason := parseDecimal(amount)
	if reason != nil {
		return Money{}, fieldErr("new money", "amount", clip(amount), reason, detail)
	}
	return fromDecimal(d, c), nil
}

// MustNew is like [New] but panics on an error. It is meant for tests,
// examples and package-level variables.
func MustNew(amount string, c Currency) Money {
	m, err := New(amount, c)
	if err != nil {
		panic(fmt.Sprintf("pricing.MustNew(%q, %s): %v", amount, c.Code(), err))
	}
	return m
}

// NewFromMinor returns minor units of currency c as Money: 1230 分 is
// CNY 12.30, 500 yen is JPY 500. Errors: an invalid currency
// ([ErrUnknownCurrency]).
func NewFromMinor(minor int64, c Currency) (Money, error) {
	if !c.IsValid() {
		return Money{}, fieldErr("new money from minor units", "currency", strconv.Quote(c.Code()), ErrUnknownCurrency, "")
	}
	return fromMinor(minor, c), nil
}

// NewFromDecimal returns d in currency c. Errors: d beyond the limits
// ([ErrTooLarge]: a magnitude above 10^[MaxMagnitude] or more than
// [MaxScale] digits after the point); an invalid currency
// ([ErrUnknownCurrency]).
func NewFromDecimal(d decimal.Decimal, c Currency) (Money, error) {
	if !c.IsValid() {
		return Money{}, fieldErr("new money from decimal", "currency", strconv.Quote(c.Code()), ErrUnknownCurrency, "")
	}
	v, detail, reason := checkDecimal(d)
	if reason != nil {
		return Money{}, fieldErr("new money from decimal", "d", decText(d), reason, detail)
	}
	return fromDecimal(v, c), nil
}

// NewFromFloat converts a float64 to Money. It rounds: the float's shortest
// decimal form is rounded half-up to the currency's minor unit, so 0.1+0.2
// (0.30000000000000004) becomes CNY 0.30. Prefer [New] with a string;
// floats cannot hold most decimal amounts exactly. Errors: NaN or ±Inf
// ([ErrInvalidAmount]); a magnitude of 1e20 or more ([ErrTooLarge]); an
// invalid currency ([ErrUnknownCurrency]).
func NewFromFloat(f float64, c Currency) (Money, error) {
	const op = "new money from float"
	if !c.IsValid() {
		return Money{}, fieldErr(op, "currency", strconv.Quote(c.Code()), ErrUnknownCurrency, "")
	}
	v := strconv.FormatFloat(f, 'g', -1, 64)
	d, ok := decimalFromFloat(f)
	if !ok {
		return Money{}, fieldErr(op, "amount", v, ErrInvalidAmount, "not finite")
	}
	if math.Abs(f) >= 1e20 {
		return Money{}, fieldErr(op, "amount", v, ErrTooLarge, "magnitude below 1e20")
	}
	return fromDecimal(roundPlaces(d, c.Digits(), HalfUp), c), nil
}

// Zero returns a zero amount in currency c; for an invalid c it is the zero
// Money.
func Zero(c Currency) Money {
	if !c.IsValid() {
		return Money{}
	}
	return Money{currency: c}
}

// Parse parses the form printed by [Money.String]: a currency code, spaces,
// and a plain decimal amount ("CNY 12.30", "JPY -500"). Every Money's
// String parses back to an equal Money. Errors are those of [New], and a
// string without a space ([ErrInvalidAmount]).
func Parse(s string) (Money, error) {
	code, amount, ok := strings.Cut(strings.TrimSpace(s), " ")
	if !ok {
		return Money{}, fieldErr("parse money", "", clip(s), ErrInvalidAmount, `want "CODE AMOUNT"`)
	}
	c, err := ParseCurrency(code)
	if err != nil {
		return Money{}, fieldErr("parse money", "currency", clip(code), ErrUnknownCurrency, "")
	}
	amount = strings.TrimLeft(amount, " ")
	d, detail, reason := parseDecimal(amount)
	if reason != nil {
		return Money{}, fieldErr("parse money", "amount", clip(amount), reason, detail)
	}
	return fromDecimal(d, c), nil
}

// MustParse is like [Parse] but panics on an error. It is meant for tests,
// examples and package-level variables.
func MustParse(s string) Money {
	m, err := Parse(s)
	if err != nil {
		panic(fmt.Sprintf("pricing.MustParse(%q): %v", s, err))
	}
	return m
}

// Amount returns the decimal amount.
func (m Money) Amount() decimal.Decimal { return m.dec() }

// Currency returns the currency (the zero Currency for the zero Money).
func (m Money) Currency() Currency { return m.currency }

// IsValid reports whether m has a currency, that is, whether it is not the
// zero Money.
//
// Money has no IsZero method on purpose: encoding/json's omitzero then
// omits exactly the zero Money (no currency), never an amount of 0.00 in a
// currency. Test a zero amount with m.Sign() == 0.
func (m Money) IsValid() bool { return m.currency.IsValid() }

// IsNegative reports whether the amount is below zero.
func (m Money) IsNegative() bool { return m.Sign() < 0 }

// IsPositive reports whether the amount is above zero; zero is not.
func (m Money) IsPositive() bool { return m.Sign() > 0 }

// Sign returns -1, 0 or +1 as the amount is negative, zero or positive.
func (m Money) Sign() int {
	switch {
	case m.isWide:
		return m.wide.Sign()
	case m.minor < 0:
		return -1
	case m.minor > 0:
		return 1
	}
	return 0
}

// same returns the currency of an operation on m and o. The zero Money
// takes the other operand's currency.
func (m Money) same(op string, o Money) (Currency, error) {
	switch {
	case m.currency == o.currency:
		return m.currency, nil
	case !m.currency.IsValid():
		return o.currency, nil
	case !o.currency.IsValid():
		return m.currency, nil
	}
	return 0, mismatch(op, "", o.String(), m.currency, o.currency)
}

// Add returns m + o. Different currencies are an error matching
// [ErrCurrencyMismatch]; the zero Money adds as zero in any currency. A sum
// beyond 10^[MaxMagnitude] is [ErrTooLarge].
func (m Money) Add(o Money) (Money, error) {
	c, err := m.same("add", o)
	if err != nil {
		return Money{}, err
	}
	return add("add", m, o, c)
}

// add returns m + o in currency c.
func add(op string, m, o Money, c Currency) (Money, error) {
	if m.compact(o) {
		return fromMinor(m.minor+o.minor, c), nil // |sum| < 2×10^18: no overflow
	}
	return bounded(op, m.dec().Add(o.dec()), c)
}

// bounded returns d in c, or ErrTooLarge if its magnitude is beyond the
// limit. d's scale must already be at most MaxScale.
func bounded(op string, d decimal.Decimal, c Currency) (Money, error) {
	if !withinMagnitude(d) {
		return Money{}, fieldErr(op, "result", "", ErrTooLarge, tooLargeDetail)
	}
	return fromDecimal(d, c), nil
}

// Sub returns m - o, with the currency rules and limits of [Money.Add].
func (m Money) Sub(o Money) (Money, error) {
	c, err := m.same("subtract", o)
	if err != nil {
		return Money{}, err
	}
	return add("subtract", m, o.Neg(), c)
}

// Neg returns -m.
func (m Money) Neg() Money {
	if !m.isWide {
		return Money{minor: -m.minor, currency: m.currency}
	}
	return fromDecimal(m.wide.Neg(), m.currency)
}

// Abs returns |m|.
func (m Money) Abs() Money {
	if m.Sign() >= 0 {
		return m
	}
	return m.Neg()
}

// Mul returns m × factor: CNY 10.10 × 0.85 = CNY 8.585. The product is
// exact when it has at most [MaxScale] digits after the point; otherwise it
// is rounded to MaxScale places by rounding to odd, which makes a later
// [Money.Round] give exactly the rounding of the true product, so repeated
// Mul by 1.01 never grows beyond MaxScale places. Errors: a factor beyond
// the limits, or a product above 10^[MaxMagnitude] ([ErrTooLarge]).
func (m Money) Mul(factor decimal.Decimal) (Money, error) {
	f, detail, reason := checkDecimal(factor)
	if reason != nil {
		return Money{}, fieldErr("multiply", "factor", decText(factor), reason, detail)
	}
	p := m.mul(f)
	if p.isWide && !withinMagnitude(p.wide) {
		return Money{}, fieldErr("multiply", "factor", plainString(f), ErrTooLarge, "product "+tooLargeDetail)
	}
	return p, nil
}

// MulInt returns m × n, for a unit price times a quantity. Errors: a
// product above 10^[MaxMagnitude] ([ErrTooLarge]).
func (m Money) MulInt(n int64) (Money, error) {
	if !m.isWide {
		if p, ok := checked.Mul(m.minor, n); ok {
			return fromMinor(p, m.currency), nil
		}
	}
	return bounded("multiply", m.dec().Mul(decimal.New(n, 0)), m.currency)
}

// Cmp compares m and o: -1 if m < o, 0 if equal, +1 if m > o. Different
// currencies are an error matching [ErrCurrencyMismatch].
func (m Money) Cmp(o Money) (int, error) {
	if _, err := m.same("compare", o); err != nil {
		return 0, err
	}
	return cmpAmount(m, o), nil
}

// cmpAmount compares the amounts of m and o, ignoring the currencies.
func cmpAmount(m, o Money) int {
	if m.compact(o) {
		return cmp.Compare(m.minor, o.minor)
	}
	return m.dec().Cmp(o.dec())
}

// Compare is a total order for sorting: by currency code first, then by
// amount. Unlike [Money.Cmp] it never fails.
func Compare(a, b Money) int {
	if c := strings.Compare(a.currency.Code(), b.currency.Code()); c != 0 {
		return c
	}
	return cmpAmount(a, b)
}

// Equal reports whether m and o have the same currency and the same value;
// 1.5 and 1.50 are equal.
func (m Money) Equal(o Money) bool {
	if m.currency != o.currency {
		return false
	}
	if m.compact(o) {
		return m.minor == o.minor
	}
	return m.dec().Equal(o.dec())
}

// LessThan reports m < o (so LessThan(m, m) is false); different
// currencies are an error matching [ErrCurrencyMismatch].
func (m Money) LessThan(o Money) (bool, error) {
	c, err := m.Cmp(o)
	return c < 0, err
}

// Sum returns the total of ms. The sum of nothing is the zero Money. Errors:
// mixed currencies ([ErrCurrencyMismatch], naming the first offending
// index); a total beyond 10^[MaxMagnitude] ([ErrTooLarge]).
func Sum(ms ...Money) (Money, error) {
	var total Money
	for i, m := range ms {
		c, err := total.same("sum", m)
		if err == nil {
			total, err = add("sum", total, m, c)
		}
		if err != nil {
			fe := err.(*FieldError)
			fe.Field, fe.Value = "ms["+strconv.Itoa(i)+"]", m.String()
			return Money{}, fe
		}
	}
	return total, nil
}

// Round rounds m to its currency's minor unit with the mode: CNY 1.005
// half-up is CNY 1.01. An invalid mode is treated as [HalfUp]; validate modes
// from untrusted input with [RoundingMode.IsValid] or [ParseRoundingMode].
// Rounding never leaves the limits: 10^[MaxMagnitude] is a whole number of
// minor units.
func (m Money) Round(mode RoundingMode) Money {
	if !m.isWide {
		return m
	}
	return fromDecimal(roundPlaces(m.wide, m.currency.Digits(), mode), m.currency)
}

// RoundToIncrement rounds m to a whole multiple of a cash increment with the
// mode: increment 0.10 drops the 分 (抹分), 1.00 drops the 角 (抹角), and with
// [Down] this is the cashier's 抹零. The increment must be positive and a
// whole number of minor units (0.005 is refused for CNY). CNY 12.34 with
// increment 0.50 half-up is CNY 12.50. Errors: an invalid mode
// ([ErrInvalidRoundingMode]) or increment ([ErrInvalidIncrement],
// [ErrTooLarge]); a result beyond the limits ([ErrTooLarge]).
func (m Money) RoundToIncrement(increment decimal.Decimal, mode RoundingMode) (Money, error) {
	const op = "round to increment"
	if !mode.IsValid() {
		return Money{}, fieldErr(op, "mode", strconv.Itoa(int(mode)), ErrInvalidRoundingMode, "")
	}
	inc, detail, reason := checkDecimal(increment)
	if reason != nil {
		return Money{}, fieldErr(op, "increment", decText(increment), reason, detail)
	}
	if inc.Sign() <= 0 || !roundPlaces(inc, m.currency.Digits(), Down).Equal(inc) {
		return Money{}, fieldErr(op, "increment", plainString(inc), ErrInvalidIncrement,
			"must be a positive whole number of %s minor units", m.currency.Code())
	}
	return bounded(op, roundIncrement(m.dec(), inc, mode), m.currency)
}

// IsRounded reports whether m has no digits beyond its currency's minor unit.
func (m Money) IsRounded() bool {
	if !m.isWide || m.wide.Exponent() >= -m.currency.Digits() {
		return true
	}
	return roundPlaces(m.wide, m.currency.Digits(), Down).Equal(m.wide)
}

// MinorUnits returns m in minor units (分): CNY 12.30 is 1230. Errors: m
// not rounded ([ErrNotRounded]); m beyond int64 minor units ([ErrTooLarge]).
func (m Money) MinorUnits() (int64, error) {
	if !m.isWide {
		return m.minor, nil
	}
	if !m.IsRounded() {
		return 0, fieldErr("minor units", "", m.String(), ErrNotRounded, "")
	}
	v := m.wide.Shift(m.currency.Digits())
	if !v.BigInt().IsInt64() {
		return 0, fieldErr("minor units", "", m.String(), ErrTooLarge, "at most 2^63-1 minor units")
	}
	return v.IntPart(), nil
}

// String returns the currency code and the amount with at least the
// currency's digits: "CNY 12.30", "JPY 500", "CNY 3.3333" (unrounded
// digits are kept, so [Parse] gives back an equal Money). The zero Money is
// "0".
func (m Money) String() string {
	if !m.currency.IsValid() {
		return "0"
	}
	return m.currency.Code() + " " + m.amountString()
}

// StringAmount returns the amount alone, as in [Money.String]: "12.30".
func (m Money) StringAmount() string { return m.amountString() }
