package pricing

import (
	"cmp"
	"fmt"
	"math"
	"strings"

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
// Errors wrap [ErrInvalidAmount] or [ErrUnknownCurrency].
func New(amount string, c Currency) (Money, error) {
	if !c.IsValid() {
		return Money{}, fmt.Errorf("pricing: new money: currency %q: %w", c.Code(), ErrUnknownCurrency)
	}
	d, err := parseDecimal("amount", amount)
	if err != nil {
		return Money{}, fmt.Errorf("pricing: new money: %w", err)
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
// CNY 12.30, 500 yen is JPY 500.
func NewFromMinor(minor int64, c Currency) (Money, error) {
	if !c.IsValid() {
		return Money{}, fmt.Errorf("pricing: new money from minor units: currency %q: %w", c.Code(), ErrUnknownCurrency)
	}
	return fromMinor(minor, c), nil
}

// NewFromDecimal returns d in currency c. Decimals with more than 40
// significant digits or an exponent beyond ±28 are rejected with
// [ErrInvalidAmount].
func NewFromDecimal(d decimal.Decimal, c Currency) (Money, error) {
	if !c.IsValid() {
		return Money{}, fmt.Errorf("pricing: new money from decimal: currency %q: %w", c.Code(), ErrUnknownCurrency)
	}
	if err := checkDecimal("amount", d); err != nil {
		return Money{}, fmt.Errorf("pricing: new money from decimal: %w", err)
	}
	return fromDecimal(d, c), nil
}

// NewFromFloat converts a float64 to Money. It rounds: the float's shortest
// decimal form is rounded half-up to the currency's minor unit, so 0.1+0.2
// (0.30000000000000004) becomes CNY 0.30. NaN and ±Inf are errors. Prefer
// [New] with a string; floats cannot hold most decimal amounts exactly.
func NewFromFloat(f float64, c Currency) (Money, error) {
	if !c.IsValid() {
		return Money{}, fmt.Errorf("pricing: new money from float: currency %q: %w", c.Code(), ErrUnknownCurrency)
	}
	if math.Abs(f) >= 1e20 {
		return Money{}, fmt.Errorf("pricing: new money from float: amount %v: %w: magnitude 1e20 or more", f, ErrInvalidAmount)
	}
	d, err := decimalFromFloat("amount", f)
	if err != nil {
		return Money{}, fmt.Errorf("pricing: new money from float: %w", err)
	}
	return fromDecimal(roundPlaces(d, c.Digits(), HalfUp), c), nil
}

// Zero returns a zero amount in currency c.
func Zero(c Currency) Money { return Money{currency: c} }

// Parse parses the form printed by [Money.String]: a currency code, spaces,
// and a plain decimal amount ("CNY 12.30", "JPY -500").
func Parse(s string) (Money, error) {
	code, amount, ok := strings.Cut(strings.TrimSpace(s), " ")
	if !ok {
		return Money{}, fmt.Errorf("pricing: parse money %q: %w: want \"CODE AMOUNT\"", clip(s), ErrInvalidAmount)
	}
	c, err := ParseCurrency(code)
	if err != nil {
		return Money{}, fmt.Errorf("pricing: parse money %q: %w", clip(s), err)
	}
	d, err := parseDecimal("amount", strings.TrimLeft(amount, " "))
	if err != nil {
		return Money{}, fmt.Errorf("pricing: parse money %q: %w", clip(s), err)
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
func (m Money) IsValid() bool { return m.currency.IsValid() }

// IsZero reports whether the amount is zero, in any currency.
func (m Money) IsZero() bool { return m.Sign() == 0 }

// IsNegative reports whether the amount is below zero.
func (m Money) IsNegative() bool { return m.Sign() < 0 }

// IsPositive reports whether the amount is above zero.
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
	return Currency{}, fmt.Errorf("pricing: %s %s %s and %s %s: %w", op, m.currency.Code(),
		m.amountString(), o.currency.Code(), o.amountString(),
		&CurrencyMismatchError{A: m.currency, B: o.currency})
}

// Add returns m + o. Different currencies are an error matching
// [ErrCurrencyMismatch]; the zero Money adds as zero in any currency.
func (m Money) Add(o Money) (Money, error) {
	c, err := m.same("add", o)
	if err != nil {
		return Money{}, err
	}
	return add(m, o, c), nil
}

// add returns m + o in currency c.
func add(m, o Money, c Currency) Money {
	if m.compact(o) {
		return fromMinor(m.minor+o.minor, c) // |sum| < 2×10^18: no overflow
	}
	return fromDecimal(m.dec().Add(o.dec()), c)
}

// Sub returns m - o, with the currency rules of [Money.Add].
func (m Money) Sub(o Money) (Money, error) {
	c, err := m.same("subtract", o)
	if err != nil {
		return Money{}, err
	}
	return add(m, o.Neg(), c), nil
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

// Mul returns m × factor, unrounded: CNY 10.10 × 0.85 = CNY 8.585. Round
// the result with [Money.Round]. A factor beyond the package's limits (more
// than 40 digits, exponent beyond ±28) is an error wrapping [ErrInvalidAmount].
func (m Money) Mul(factor decimal.Decimal) (Money, error) {
	if err := checkDecimal("factor", factor); err != nil {
		return Money{}, fmt.Errorf("pricing: multiply %s: %w", m, err)
	}
	return m.mul(factor), nil
}

// MulInt returns m × n, for a unit price times a quantity.
func (m Money) MulInt(n int64) Money {
	if !m.isWide && n > -compactLimit && n < compactLimit {
		if n == 0 || abs64(m.minor) < compactLimit/abs64(n) {
			return Money{minor: m.minor * n, currency: m.currency}
		}
	}
	return fromDecimal(m.dec().Mul(decimal.New(n, 0)), m.currency)
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

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
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

// LessThan reports m < o; different currencies are an error.
func (m Money) LessThan(o Money) (bool, error) {
	c, err := m.Cmp(o)
	return c < 0, err
}

// Min returns the smaller of m and o (m on a tie).
func Min(m, o Money) (Money, error) {
	c, err := m.Cmp(o)
	if err != nil {
		return Money{}, err
	}
	if c <= 0 {
		return m, nil
	}
	return o, nil
}

// Max returns the larger of m and o (m on a tie).
func Max(m, o Money) (Money, error) {
	c, err := m.Cmp(o)
	if err != nil {
		return Money{}, err
	}
	if c >= 0 {
		return m, nil
	}
	return o, nil
}

// Sum returns the total of ms. The sum of nothing is the zero Money; mixed
// currencies are an error naming the first offending index.
func Sum(ms ...Money) (Money, error) {
	var total Money
	for i, m := range ms {
		c, err := total.same("sum", m)
		if err != nil {
			return Money{}, fmt.Errorf("pricing: sum: item %d: %w", i, err)
		}
		total = add(total, m, c)
	}
	return total, nil
}

// Round rounds m to its currency's minor unit with the mode: CNY 1.005
// half-up is CNY 1.01. An invalid mode is treated as [HalfUp]; validate modes
// from untrusted input with [RoundingMode.IsValid] or [ParseRoundingMode].
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
// increment 0.50 half-up is CNY 12.50.
func (m Money) RoundToIncrement(increment decimal.Decimal, mode RoundingMode) (Money, error) {
	if err := m.checkIncrement(increment, mode); err != nil {
		return Money{}, err
	}
	return fromDecimal(roundIncrement(m.dec(), increment, mode), m.currency), nil
}

func (m Money) checkIncrement(inc decimal.Decimal, mode RoundingMode) error {
	if !mode.IsValid() {
		return fmt.Errorf("pricing: round %s: mode %d: %w", m, mode, ErrInvalidRoundingMode)
	}
	if err := checkDecimal("increment", inc); err != nil {
		return fmt.Errorf("pricing: round %s: %w", m, err)
	}
	if inc.Sign() <= 0 || !roundPlaces(inc, m.currency.Digits(), Down).Equal(inc) {
		return fmt.Errorf("pricing: round %s: increment %s: %w: must be a positive whole number of %s minor units",
			m, inc, ErrInvalidIncrement, m.currency.Code())
	}
	return nil
}

// IsRounded reports whether m has no digits beyond its currency's minor unit.
func (m Money) IsRounded() bool {
	if !m.isWide || m.wide.Exponent() >= -m.currency.Digits() {
		return true
	}
	return roundPlaces(m.wide, m.currency.Digits(), Down).Equal(m.wide)
}

// MinorUnits returns m in minor units (分): CNY 12.30 is 1230. The amount
// must be rounded ([ErrNotRounded]) and fit in an int64 ([ErrOverflow]).
func (m Money) MinorUnits() (int64, error) {
	if !m.IsRounded() {
		return 0, fmt.Errorf("pricing: minor units of %s: %w", m, ErrNotRounded)
	}
	if !m.isWide {
		return m.minor, nil
	}
	v := m.wide.Shift(m.currency.Digits())
	if !v.BigInt().IsInt64() {
		return 0, fmt.Errorf("pricing: minor units of %s: %w", m, ErrOverflow)
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
