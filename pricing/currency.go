package pricing

import (
	"strings"
)

// Currency is an ISO 4217 currency: a three-letter code and the number of
// digits of its minor unit (CNY has 2, the 分; JPY has 0; KWD has 3).
//
// A Currency is an index into the package's read-only table of known
// currencies, so the frequently used ones are constants ([CNY], [USD], ...)
// that nobody can reassign, and Money stays small. The zero Currency has no
// code; it is not valid (see [Currency.IsValid]) and is used only by the
// zero [Money]. A number that is not an index of the table is not valid
// either; its Code is "".
type Currency uint8

// currencyTable is the read-only table of known currencies with their ISO
// 4217 minor units, sorted by code; a Currency is an index into it.
var currencyTable = [...]struct {
	code   string
	digits int32
}{
	{"", 0},
	{"AUD", 2}, {"BHD", 3}, {"CAD", 2}, {"CHF", 2}, {"CNY", 2}, {"EUR", 2},
	{"GBP", 2}, {"HKD", 2}, {"IDR", 2}, {"INR", 2}, {"JPY", 0}, {"KRW", 0},
	{"KWD", 3}, {"MOP", 2}, {"MYR", 2}, {"NZD", 2}, {"PHP", 2}, {"SGD", 2},
	{"THB", 2}, {"TWD", 2}, {"USD", 2}, {"VND", 0},
}

// builtinCurrencies finds a currency by its code. It is built once and
// only read.
var builtinCurrencies = func() map[string]Currency {
	m := make(map[string]Currency, len(currencyTable)-1)
	for i := 1; i < len(currencyTable); i++ {
		m[currencyTable[i].code] = Currency(i)
	}
	return m
}()

// Frequently used currencies, as constants (indexes into the table; a
// test checks each against its code). Others: [ParseCurrency].
const (
	CNY Currency = 5  // Chinese yuan renminbi (人民币), 2 digits: 元 and 分.
	EUR Currency = 6  // Euro, 2 digits.
	GBP Currency = 7  // Pound sterling, 2 digits.
	HKD Currency = 8  // Hong Kong dollar, 2 digits.
	JPY Currency = 11 // Japanese yen, 0 digits.
	KRW Currency = 12 // South Korean won, 0 digits.
	MOP Currency = 14 // Macanese pataca, 2 digits.
	SGD Currency = 18 // Singapore dollar, 2 digits.
	TWD Currency = 20 // New Taiwan dollar, 2 digits (ISO 4217).
	USD Currency = 21 // US dollar, 2 digits.
)

// ParseCurrency returns the currency with the given ISO 4217 code. The code
// is matched case-insensitively after trimming spaces ("cny" is CNY).
// An unknown code returns an error wrapping [ErrUnknownCurrency].
func ParseCurrency(code string) (Currency, error) {
	c, ok := lookupCurrency(code)
	if !ok {
		return 0, fieldErr("parse currency", "", clip(code), ErrUnknownCurrency, "")
	}
	return c, nil
}

func lookupCurrency(code string) (Currency, bool) {
	if c, ok := builtinCurrencies[code]; ok {
		return c, true
	}
	if len(code) > 8 {
		return 0, false
	}
	c, ok := builtinCurrencies[strings.ToUpper(strings.TrimSpace(code))]
	return c, ok
}

// Code returns the three-letter ISO 4217 code, or "" for the zero Currency
// and any other invalid one.
func (c Currency) Code() string {
	if !c.IsValid() {
		return ""
	}
	return currencyTable[c].code
}

// Digits returns the number of digits of the minor unit (2 for CNY's 分),
// 0 for an invalid Currency.
func (c Currency) Digits() int32 {
	if !c.IsValid() {
		return 0
	}
	return currencyTable[c].digits
}

// IsValid reports whether c is a known currency (not the zero Currency).
func (c Currency) IsValid() bool { return c != 0 && int(c) < len(currencyTable) }

// String returns the code.
func (c Currency) String() string { return c.Code() }

// Currencies returns the codes of all built-in currencies, sorted.
func Currencies() []string {
	codes := make([]string, 0, len(currencyTable)-1)
	for _, e := range currencyTable[1:] {
		codes = append(codes, e.code)
	}
	return codes
}
