package pricing_test

// Anchor cases from Saleor's money arithmetic, translated to package
// pricing: saleor/saleor at 723cd4eb (2026-08-21) and the prices library
// it uses (mirumee/prices at 95fd4436, 2022-10-07). Saleor rounds with
// quantize_price (saleor/core/prices.py: Money.quantize to the currency's
// digits, ROUND_HALF_UP unless told), which is pricing's Round(HalfUp).
// prices' percentage_discount rounds the discount, ROUND_DOWN by default
// and ROUND_HALF_UP wherever Saleor calls it. The prices tests use the
// code "BTC", which babel gives 2 digits; USD has the same digits.

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func slUSD(s string) pricing.Money { return pricing.MustNew(s, pricing.USD) }

// slPercentDiscount is prices' percentage_discount on a Money: the
// discount base × pct / 100 rounded to the minor unit with mode.
func slPercentDiscount(t *testing.T, base pricing.Money, pct string, mode pricing.RoundingMode) pricing.Money {
	t.Helper()
	d, err := base.Mul(decimal.RequireFromString(pct).Shift(-2))
	require.NoError(t, err)
	return d.Round(mode)
}

// mirumee/prices tests/test_percentage_discount.py
// test_precision_when_default_rounding (1.01 at 50 % pays 0.51: the
// discount 0.505 rounds down to 0.50) and test_precision_when_half_up_rounding
// (pays 0.50: the discount rounds half-up to 0.51); the same numbers in
// tests/test_fractional_discount.py with fraction 0.5.
func TestSaleorPricesPercentageDiscountRounding(t *testing.T) {
	base := slUSD("1.01")
	down := slPercentDiscount(t, base, "50", pricing.Down)
	paid, err := base.Sub(down)
	require.NoError(t, err)
	assert.Equal(t, "0.51", paid.StringAmount())
	up := slPercentDiscount(t, base, "50", pricing.HalfUp)
	paid, err = base.Sub(up)
	require.NoError(t, err)
	assert.Equal(t, "0.50", paid.StringAmount())
	// test_discount: 10 % off 100 pays 90.
	off := slPercentDiscount(t, slUSD("100"), "10", pricing.Down)
	paid, err = slUSD("100").Sub(off)
	require.NoError(t, err)
	assert.Equal(t, "90.00", paid.StringAmount())
}

// mirumee/prices tests/test_money.py test_quantize: Money(1, USD) is 1.00,
// Money(1, JPY) is 1, Money("1.9", JPY) quantizes to 2 (half-up, the
// default) and to 1 with ROUND_DOWN.
func TestSaleorPricesQuantize(t *testing.T) {
	assert.Equal(t, "1.00", slUSD("1").Round(pricing.HalfUp).StringAmount())
	assert.Equal(t, "1", pricing.MustNew("1", pricing.JPY).Round(pricing.HalfUp).StringAmount())
	yen := pricing.MustNew("1.9", pricing.JPY)
	assert.Equal(t, "2", yen.Round(pricing.HalfUp).StringAmount())
	assert.Equal(t, "1", yen.Round(pricing.Down).StringAmount())
}

// mirumee/prices tests/test_fixed_discount.py test_zero_clipping: 30 off
// 10 leaves 0, never below. pricing has no clipping subtraction; the
// caller takes min(discount, price), as promo's AmountOff does.
func TestSaleorPricesFixedDiscountClipping(t *testing.T) {
	price, off := slUSD("10"), slUSD("30")
	if pricing.Compare(off, price) > 0 {
		off = price
	}
	left, err := price.Sub(off)
	require.NoError(t, err)
	assert.Equal(t, "0.00", left.StringAmount())
}

// saleor/discount/tests/test_discounts.py test_split_manual_discount: a
// staff (manual) order discount is split between the subtotal and the
// shipping price in proportion to them: subtotal_discount = subtotal /
// total × discount, shipping = discount - that, each quantized half-up
// (saleor/discount/utils/manual_discount.py split_manual_discount). The
// discount is a fixed value capped at the total (prices' fixed_discount
// never goes below zero), or the total × value / 100 rounded half-up. Here
// the split is pricing's Money.Allocate by the weights [subtotal,
// shipping] (largest remainder); on every case of the test it gives
// Saleor's parts.
func TestSaleorSplitManualDiscount(t *testing.T) {
	tests := []struct {
		value    string
		percent  bool
		subtotal string
		shipping string
		want     [2]string
	}{
		{"20", false, "30", "10", [2]string{"15.00", "5.00"}},
		{"100", false, "30", "10", [2]string{"30.00", "10.00"}},
		// 13.77 × 30/40 = 10.3275 → 10.33; 13.77 - 10.3275 = 3.4425 → 3.44.
		{"13.77", false, "30", "10", [2]string{"10.33", "3.44"}},
		{"0", false, "30", "10", [2]string{"0.00", "0.00"}},
		{"20", false, "0", "10", [2]string{"0.00", "10.00"}},
		{"50", false, "30", "0", [2]string{"30.00", "0.00"}},
		{"50", false, "0", "0", [2]string{"0.00", "0.00"}},
		{"0", true, "30", "10", [2]string{"0.00", "0.00"}},
		{"50", true, "30", "10", [2]string{"15.00", "5.00"}},
		// 33.33 % of 40 = 13.332 → 13.33; × 30/40 = 9.9975 → 10.00; 3.3325 → 3.33.
		{"33.33", true, "30", "10", [2]string{"10.00", "3.33"}},
		{"100", true, "30", "10", [2]string{"30.00", "10.00"}},
		{"50", true, "0", "10", [2]string{"0.00", "5.00"}},
		{"50", true, "30", "0", [2]string{"15.00", "0.00"}},
		{"50", true, "0", "0", [2]string{"0.00", "0.00"}},
	}
	for _, tc := range tests {
		sub, ship := slUSD(tc.subtotal), slUSD(tc.shipping)
		total, err := sub.Add(ship)
		require.NoError(t, err)
		var off pricing.Money
		if tc.percent {
			off = slPercentDiscount(t, total, tc.value, pricing.HalfUp)
		} else {
			off = slUSD(tc.value)
			if pricing.Compare(off, total) > 0 {
				off = total
			}
		}
		parts, err := off.Allocate([]decimal.Decimal{sub.Amount(), ship.Amount()})
		require.NoError(t, err)
		assert.Equal(t, tc.want, [2]string{parts[0].StringAmount(), parts[1].StringAmount()},
			"%s%s on %s + %s", tc.value, map[bool]string{true: "%", false: ""}[tc.percent], tc.subtotal, tc.shipping)
	}
}

// saleor/tax/tests/test_calculations.py test_calculate_flat_tax_rate:
// 10.00 at 23 % with prices entered without tax is net 10.00, gross 12.30;
// entered with tax, net 8.13 (10 / 1.23 = 8.1301, quantized), gross 10.00.
// Saleor divides and quantizes the net half-up (calculate_flat_rate_tax),
// as TaxRate.FromInclusive rounds the exclusive part.
func TestSaleorFlatRateTax(t *testing.T) {
	r, err := pricing.TaxPercent(23)
	require.NoError(t, err)
	ex, err := r.FromExclusive(slUSD("10.00"), pricing.HalfUp)
	require.NoError(t, err)
	assert.Equal(t, [2]string{"10.00", "12.30"}, [2]string{ex.Exclusive.StringAmount(), ex.Inclusive.StringAmount()})
	in, err := r.FromInclusive(slUSD("10.00"), pricing.HalfUp)
	require.NoError(t, err)
	assert.Equal(t, [2]string{"8.13", "10.00"}, [2]string{in.Exclusive.StringAmount(), in.Inclusive.StringAmount()})
}

// saleor/tax/tests/test_checkout_calculations.py test_calculate_checkout_total
// (flat rates, 23 %): checkout_with_item is 3 × 10.00 and shipping 10.00.
// Entered without tax and no voucher: net 40.00, gross 49.20. Entered with
// tax and a 3.00 entire-order discount: gross 37.00, net 30.08, the line
// (27.00 → 21.95) and the shipping (10.00 → 8.13) each taxed and quantized
// on their own (saleor/tax/calculations/checkout.py).
func TestSaleorCheckoutTotalFlatRates(t *testing.T) {
	r, err := pricing.TaxPercent(23)
	require.NoError(t, err)
	split := func(m string, inclusive bool) pricing.TaxSplit {
		var s pricing.TaxSplit
		var err error
		if inclusive {
			s, err = r.FromInclusive(slUSD(m), pricing.HalfUp)
		} else {
			s, err = r.FromExclusive(slUSD(m), pricing.HalfUp)
		}
		require.NoError(t, err)
		return s
	}
	sum := func(a, b pricing.Money) string {
		s, err := a.Add(b)
		require.NoError(t, err)
		return s.StringAmount()
	}
	line, ship := split("30.00", false), split("10.00", false)
	assert.Equal(t, "40.00", sum(line.Exclusive, ship.Exclusive))
	assert.Equal(t, "49.20", sum(line.Inclusive, ship.Inclusive))
	line, ship = split("27.00", true), split("10.00", true)
	assert.Equal(t, "30.08", sum(line.Exclusive, ship.Exclusive))
	assert.Equal(t, "37.00", sum(line.Inclusive, ship.Inclusive))
}
