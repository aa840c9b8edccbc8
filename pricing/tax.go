package pricing

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// TaxRate is a value-added tax rate (增值税税率) as a fraction: 0.13, 0.09,
// 0.06 are China's general VAT rates, 0.03 the small-scale rate. A TaxRate
// is in [0, 1]. It is an immutable value, safe for concurrent use; the zero
// TaxRate is 0% (tax-exempt, 免税).
type TaxRate struct {
	r decimal.Decimal
}

// NewTaxRate returns the tax rate r, a fraction in [0, 1]: 0.13 for 13%.
// Errors: r negative or above 1 ([ErrInvalidRatio]); r beyond the limits
// ([ErrTooLarge]).
func NewTaxRate(r decimal.Decimal) (TaxRate, error) {
	v, detail, reason := checkDecimal(r)
	if reason == nil && (v.Sign() < 0 || v.Cmp(one) > 0) {
		reason, detail = ErrInvalidRatio, "must be in [0, 1]"
	}
	if reason != nil {
		return TaxRate{}, fieldErr("new tax rate", "r", decText(r), reason, detail)
	}
	return TaxRate{v}, nil
}

// TaxPercent returns the tax rate of percent %: TaxPercent(13) is 0.13.
// Errors: percent outside [0, 100] ([ErrInvalidRatio]).
func TaxPercent(percent int64) (TaxRate, error) {
	if percent < 0 || percent > 100 {
		return TaxRate{}, fieldErr("tax percent", "percent", strconv.FormatInt(percent, 10), ErrInvalidRatio, "must be in [0, 100]")
	}
	return TaxRate{decimal.New(percent, -2)}, nil
}

// Rate returns the rate as a fraction: 0.13.
func (t TaxRate) Rate() decimal.Decimal { return t.r }

// Equal reports whether t and o are the same rate (0.13 equals 0.130).
func (t TaxRate) Equal(o TaxRate) bool { return t.r.Equal(o.r) }

// String returns the rate as a percentage: "13%", "6%", "1.5%".
func (t TaxRate) String() string { return plainString(t.r.Shift(2)) + "%" }

// MarshalText encodes the rate as a decimal fraction ("0.13"), so a rate is
// a JSON string.
func (t TaxRate) MarshalText() ([]byte, error) { return []byte(plainString(t.r)), nil }

// UnmarshalText decodes a fraction in [0, 1] as [NewTaxRate] does.
func (t *TaxRate) UnmarshalText(b []byte) error {
	d, detail, reason := parseDecimal(string(b))
	if reason != nil {
		return fieldErr("decode tax rate", "", clip(string(b)), reason, detail)
	}
	v, err := NewTaxRate(d)
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// TaxSplit is an amount split into its tax-exclusive part (不含税金额), the
// tax (税额) and the tax-inclusive total (含税金额, 价税合计), all rounded
// to the minor unit, with Inclusive = Exclusive + Tax exactly.
type TaxSplit struct {
	Rate      TaxRate `json:"rate"`
	Exclusive Money   `json:"exclusive"`
	Tax       Money   `json:"tax"`
	Inclusive Money   `json:"inclusive"`
}

// FromInclusive splits a tax-inclusive amount (含税价 → 不含税价):
//
//	exclusive = round(inclusive / (1 + r), mode)
//	tax       = inclusive - exclusive
//
// The exclusive part is rounded (exactly, from the true quotient) and the
// tax derived, so the amount the customer pays is kept to the 分. CNY
// 113.00 at 13% is 100.00 + 13.00, and CNY 10.00 contains CNY 1.15 of tax
// (10.00 - 8.85). Negative amounts (refunds, 红字) split symmetrically with
// the symmetric modes.
//
// Errors: an amount without currency ([ErrUnknownCurrency]) or not rounded
// to the minor unit ([ErrNotRounded]); an invalid mode
// ([ErrInvalidRoundingMode]).
func (t TaxRate) FromInclusive(inclusive Money, mode RoundingMode) (TaxSplit, error) {
	if err := checkTaxInput("tax from inclusive", "inclusive", inclusive, mode); err != nil {
		return TaxSplit{}, err
	}
	cur := inclusive.currency
	ex := quoRound(inclusive.dec(), one.Add(t.r), cur.Digits(), mode)
	return TaxSplit{Rate: t, Exclusive: fromDecimal(ex, cur), Tax: fromDecimal(inclusive.dec().Sub(ex), cur), Inclusive: inclusive}, nil
}

// FromExclusive adds tax to a tax-exclusive amount (不含税价 → 含税价):
//
//	tax       = round(exclusive × r, mode)
//	inclusive = exclusive + tax
//
// The tax is rounded and the inclusive total derived, as on a VAT invoice
// (税额 = 金额 × 税率). CNY 100.00 at 13% is 100.00 + 13.00 = 113.00.
// Errors are those of [TaxRate.FromInclusive], and an inclusive total
// beyond 10^[MaxMagnitude] ([ErrTooLarge]).
func (t TaxRate) FromExclusive(exclusive Money, mode RoundingMode) (TaxSplit, error) {
	const op = "tax from exclusive"
	if err := checkTaxInput(op, "exclusive", exclusive, mode); err != nil {
		return TaxSplit{}, err
	}
	cur := exclusive.currency
	tax := fromDecimal(roundPlaces(exclusive.dec().Mul(t.r), cur.Digits(), mode), cur)
	inc, err := add(op, exclusive, tax, cur)
	if err != nil {
		return TaxSplit{}, fieldErr(op, "exclusive", exclusive.String(), ErrTooLarge, "the inclusive total: "+tooLargeDetail)
	}
	return TaxSplit{Rate: t, Exclusive: exclusive, Tax: tax, Inclusive: inc}, nil
}

func checkTaxInput(op, field string, m Money, mode RoundingMode) error {
	if !mode.IsValid() {
		return fieldErr(op, "mode", strconv.Itoa(int(mode)), ErrInvalidRoundingMode, "")
	}
	if !m.IsValid() {
		return fieldErr(op, field, m.String(), ErrUnknownCurrency, "")
	}
	if !m.IsRounded() {
		return fieldErr(op, field, m.String(), ErrNotRounded, "")
	}
	return nil
}
