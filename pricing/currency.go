package pricing

import (
	"fmt"
	"slices"
	"strings"
)

// Currency is an ISO 4217 currency: a three-letter code and the number of
// digits of its minor unit (CNY has 2, the 分; JPY has 0; KWD has 3).
//
// Currency is a small comparable value, safe for concurrent use. The zero
// Currency has no code; it is not valid (see [Currency.IsValid]) and is used
// only by the zero [Money].
type Currency struct {
	id uint8 // index in currencyTable; 0 is the zero Currency
}

// currencyTable is the read-only table of known currencies with their ISO
// 4217 minor units; a Currency is an index into it, so Money stays small.
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

// builtinCurrencies finds a currency by its code.
var builtinCurrencies = func() map[string]Currency {
	m := make(map[string]Currency, len(currencyTable)-1)
	for i := 1; i < len(currencyTable); i++ {
		m[currencyTable[i].code] = Currency{uint8(i)}
	}
	return m
}()

// Frequently used currencies.
var (
	CNY = builtinCurrencies["CNY"] // Chinese yuan renminbi (人民币), 2 digits: 元 and 分.
	HKD = builtinCurrencies["HKD"] // Hong Kong dollar, 2 digits.
	TWD = builtinCurrencies["TWD"] // New Taiwan dollar, 2 digits (ISO 4217).
	MOP = builtinCurrencies["MOP"] // Macanese pataca, 2 digits.
	USD = builtinCurrencies["USD"] // US dollar, 2 digits.
	EUR = builtinCurrencies["EUR"] // Euro, 2 digits.
	GBP = builtinCurrencies["GBP"] // Pound sterling, 2 digits.
	JPY = builtinCurrencies["JPY"] // Japanese yen, 0 digits.
	KRW = builtinCurrencies["KRW"] // South Korean won, 0 digits.
	SGD = builtinCurrencies["SGD"] // Singapore dollar, 2 digits.
)

// ParseCurrency returns the currency with the given ISO 4217 code. The code
// is matched case-insensitively after trimming spaces ("cny" is CNY).
// An unknown code returns an error wrapping [ErrUnknownCurrency].
func ParseCurrency(code string) (Currency, error) {
	c, ok := lookupCurrency(code)
	if !ok {
		return Currency{}, fmt.Errorf("pricing: currency %q: %w", code, ErrUnknownCurrency)
	}
	return c, nil
}

// MustParseCurrency is like [ParseCurrency] but panics on an unknown code.
// It is meant for tests and package-level variables.
func MustParseCurrency(code string) Currency {
	c, err := ParseCurrency(code)
	if err != nil {
		panic(fmt.Sprintf("pricing.MustParseCurrency(%q): %v", code, err))
	}
	return c
}

func lookupCurrency(code string) (Currency, bool) {
	if c, ok := builtinCurrencies[code]; ok {
		return c, true
	}
	if len(code) > 8 {
		return Currency{}, false
	}
	c, ok := builtinCurrencies[strings.ToUpper(strings.TrimSpace(code))]
	return c, ok
}

// Code returns the three-letter ISO 4217 code, or "" for the zero Currency.
func (c Currency) Code() string { return currencyTable[c.id].code }

// Digits returns the number of digits of the minor unit (2 for CNY's 分).
func (c Currency) Digits() int32 { return currencyTable[c.id].digits }

// IsValid reports whether c is a known currency (not the zero Currency).
func (c Currency) IsValid() bool { return c.id != 0 }

// String returns the code.
func (c Currency) String() string { return currencyTable[c.id].code }

// Currencies returns the codes of all built-in currencies, sorted.
func Currencies() []string {
	codes := make([]string, 0, len(builtinCurrencies))
	for code := range builtinCurrencies {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	return codes
}
