package pricing_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

// TestErrorsShape: a representative bad input of every exported function
// that returns an error yields a *FieldError (errors.As) wrapping the
// package's sentinel (errors.Is), with the "pricing: " prefix once.
func TestErrorsShape(t *testing.T) {
	usd := pricing.MustNew("1.00", pricing.USD)
	cnyOne := cny("1.00")
	floor, _ := pricing.NewFloorPolicy(pricing.MinListRatio(pricing.MustRate("7折")))
	members, _ := pricing.NewMemberPrices(cny("100.00"), pricing.HalfUp, pricing.MemberRule{Tier: "vip", Rate: pricing.MustRate("9折")})
	tiers, _ := pricing.NewTierTable(pricing.Tier{MinQty: 1, Price: cnyOne})
	packs, _ := pricing.NewPackOffer(pricing.Money{}, pricing.Pack{Qty: 10, Price: cny("15.00")})
	vat, _ := pricing.TaxPercent(13)
	second := func(_ any, err error) error { return err }
	third := func(_, _ any, err error) error { return err }
	var m pricing.Money
	var c pricing.Currency
	var mode pricing.RoundingMode
	var r pricing.Rate
	var rule pricing.FloorRule
	var tm pricing.TierMode
	var code pricing.PackWarningCode
	var kind pricing.ParityKind
	var ac pricing.AuditCode
	var tr pricing.TaxRate
	var tt pricing.TierTable
	var po pricing.PackOffer
	var fp pricing.FloorPolicy
	var mp pricing.MemberPrices
	tests := []struct {
		name string
		err  error
		want error
	}{
		{"New", second(pricing.New("1,0", pricing.CNY)), pricing.ErrInvalidAmount},
		{"NewFromMinor", second(pricing.NewFromMinor(1, 0)), pricing.ErrUnknownCurrency},
		{"NewFromDecimal", second(pricing.NewFromDecimal(decimal.New(1, 31), pricing.CNY)), pricing.ErrTooLarge},
		{"NewFromFloat", second(pricing.NewFromFloat(math.NaN(), pricing.CNY)), pricing.ErrInvalidAmount},
		{"Parse", second(pricing.Parse("CNY x")), pricing.ErrInvalidAmount},
		{"ParseCurrency", second(pricing.ParseCurrency("XXX")), pricing.ErrUnknownCurrency},
		{"Money.Add", second(cnyOne.Add(usd)), pricing.ErrCurrencyMismatch},
		{"Money.Sub", second(cnyOne.Sub(usd)), pricing.ErrCurrencyMismatch},
		{"Money.Mul", second(cnyOne.Mul(decimal.New(1, 40))), pricing.ErrTooLarge},
		{"Money.MulInt", second(cny("100000000000000000000").MulInt(1 << 40)), pricing.ErrTooLarge},
		{"Money.Cmp", second(cnyOne.Cmp(usd)), pricing.ErrCurrencyMismatch},
		{"Money.LessThan", second(cnyOne.LessThan(usd)), pricing.ErrCurrencyMismatch},
		{"Sum", second(pricing.Sum(cnyOne, usd)), pricing.ErrCurrencyMismatch},
		{"Money.RoundToIncrement", second(cnyOne.RoundToIncrement(decimal.New(5, -3), pricing.HalfUp)), pricing.ErrInvalidIncrement},
		{"Money.MinorUnits", second(cny("1.005").MinorUnits()), pricing.ErrNotRounded},
		{"Money.Allocate", second(cnyOne.Allocate([]decimal.Decimal{decimal.New(-1, 0)})), pricing.ErrNegativeWeight},
		{"Money.Split", second(cnyOne.Split(0)), pricing.ErrNoParts},
		{"Money.UnmarshalJSON", m.UnmarshalJSON([]byte(`{"amount":"1","currency":"XYZ"}`)), pricing.ErrUnknownCurrency},
		{"AllocateMinor", second(pricing.AllocateMinor(1, nil)), pricing.ErrNoParts},
		{"AllocateMinorTo", second(pricing.AllocateMinorTo(nil, math.MinInt64, []int64{1})), pricing.ErrTooLarge},
		{"RoundDiv", second(pricing.RoundDiv(1, 0, pricing.HalfUp)), pricing.ErrDivisionByZero},
		{"Currency.MarshalText", second(pricing.Currency(99).MarshalText()), pricing.ErrUnknownCurrency},
		{"Currency.UnmarshalText", c.UnmarshalText([]byte("XYZ")), pricing.ErrUnknownCurrency},
		{"ParseRoundingMode", second(pricing.ParseRoundingMode("nearest")), pricing.ErrInvalidRoundingMode},
		{"RoundingMode.MarshalText", second(pricing.RoundingMode(9).MarshalText()), pricing.ErrInvalidRoundingMode},
		{"RoundingMode.UnmarshalText", mode.UnmarshalText([]byte("x")), pricing.ErrInvalidRoundingMode},
		{"NewRate", second(pricing.NewRate(decimal.Zero)), pricing.ErrInvalidRate},
		{"NewRateOff", second(pricing.NewRateOff(decimal.New(1, 0))), pricing.ErrInvalidRate},
		{"PercentOff", second(pricing.PercentOff(100)), pricing.ErrInvalidRate},
		{"PayPercent", second(pricing.PayPercent(0)), pricing.ErrInvalidRate},
		{"ParseZhe", second(pricing.ParseZhe("0折")), pricing.ErrInvalidRate},
		{"Rate.UnmarshalText", r.UnmarshalText([]byte("10.5折")), pricing.ErrInvalidRate},
		{"NewFloorPolicy", second(pricing.NewFloorPolicy(pricing.ExemptCampaigns(""))), pricing.ErrInvalidCampaign},
		{"FloorPolicy.Floor", third(floor.Floor(cnyOne, pricing.Money{}, "double11")), pricing.ErrUnknownCampaign},
		{"FloorPolicy.Check", floor.Check(cny("-1"), cnyOne, pricing.Money{}, ""), pricing.ErrNegativePrice},
		{"FloorRule.MarshalText", second(pricing.FloorRule(9).MarshalText()), pricing.ErrUnknownName},
		{"FloorRule.UnmarshalText", rule.UnmarshalText([]byte("list-ratio")), pricing.ErrUnknownName},
		{"NewMemberPrices", second(pricing.NewMemberPrices(cnyOne, pricing.HalfUp, pricing.MemberRule{})), pricing.ErrInvalidTiers},
		{"MemberPrices.CheckFloor", members.CheckFloor(floor, usd, ""), pricing.ErrCurrencyMismatch},
		{"NewTierTable", second(pricing.NewTierTable()), pricing.ErrInvalidTiers},
		{"TierTable.Price", second(tiers.Price(-1, pricing.AllUnits)), pricing.ErrInvalidQuantity},
		{"TierTable.UnmarshalJSON", tt.UnmarshalJSON([]byte(`{"tiers":[],"x":1}`)), pricing.ErrInvalidTiers},
		{"TierMode.MarshalText", second(pricing.TierMode(7).MarshalText()), pricing.ErrInvalidTierMode},
		{"TierMode.UnmarshalText", tm.UnmarshalText([]byte("all-units")), pricing.ErrInvalidTierMode},
		{"NewPackOffer", second(pricing.NewPackOffer(pricing.Money{})), pricing.ErrInvalidTiers},
		{"PackOffer.Cheapest", second(packs.Cheapest(7)), pricing.ErrNoCombination},
		{"PackOffer.CheapestAtLeast", second(packs.CheapestAtLeast(-1)), pricing.ErrInvalidQuantity},
		{"PackOffer.UnmarshalJSON", po.UnmarshalJSON([]byte(`{"packs":[{"qty":0,"price":{"amount":"1","currency":"CNY"}}]}`)), pricing.ErrInvalidQuantity},
		{"PackWarningCode.MarshalText", second(pricing.PackWarningCode(7).MarshalText()), pricing.ErrUnknownName},
		{"PackWarningCode.UnmarshalText", code.UnmarshalText([]byte("x")), pricing.ErrUnknownName},
		{"GrossMargin", second(pricing.GrossMargin(cny("0"), cnyOne)), pricing.ErrDivisionByZero},
		{"Markup", second(pricing.Markup(cnyOne, cny("0"))), pricing.ErrDivisionByZero},
		{"PriceForMargin", second(pricing.PriceForMargin(cnyOne, decimal.New(1, 0), pricing.HalfUp)), pricing.ErrInvalidRatio},
		{"Waterfall", second(pricing.Waterfall(decimal.New(2, 0))), pricing.ErrInvalidRatio},
		{"NewTaxRate", second(pricing.NewTaxRate(decimal.New(-1, 0))), pricing.ErrInvalidRatio},
		{"TaxPercent", second(pricing.TaxPercent(101)), pricing.ErrInvalidRatio},
		{"TaxRate.FromInclusive", second(vat.FromInclusive(cny("1.001"), pricing.HalfUp)), pricing.ErrNotRounded},
		{"TaxRate.FromExclusive", second(vat.FromExclusive(pricing.Money{}, pricing.HalfUp)), pricing.ErrUnknownCurrency},
		{"TaxRate.UnmarshalText", tr.UnmarshalText([]byte("2")), pricing.ErrInvalidRatio},
		{"CheckParity", second(pricing.CheckParity(map[string]pricing.Money{"A": cnyOne}, map[string]pricing.Money{"A": usd})), pricing.ErrCurrencyMismatch},
		{"ParityKind.MarshalText", second(pricing.ParityKind(7).MarshalText()), pricing.ErrUnknownName},
		{"ParityKind.UnmarshalText", kind.UnmarshalText([]byte("x")), pricing.ErrUnknownName},
		{"AuditListing", second(pricing.AuditListing(pricing.Listing{Actual: cnyOne}, time.Time{})), pricing.ErrUnknownCurrency},
		{"TimeWindow.Validate", pricing.TimeWindow{}.Validate(), pricing.ErrInvalidTimeWindow},
		{"AuditCode.MarshalText", second(pricing.AuditCode(7).MarshalText()), pricing.ErrUnknownName},
		{"AuditCode.UnmarshalText", ac.UnmarshalText([]byte("x")), pricing.ErrUnknownName},
		{"FloorPolicy.UnmarshalJSON", fp.UnmarshalJSON([]byte(`{"min_margin":"1"}`)), pricing.ErrInvalidRatio},
		{"MemberPrices.UnmarshalJSON", mp.UnmarshalJSON([]byte(`{"list":{"amount":"1","currency":"CNY"},"rules":[{"tier":""}]}`)), pricing.ErrInvalidTiers},
		{"CostRatio.UnmarshalJSON", new(pricing.CostRatio).UnmarshalJSON([]byte(`{"name":"x","ratio":"5e-9999"}`)), pricing.ErrTooLarge},
		{"json.Unmarshal Money", json.Unmarshal([]byte(`{"amount":"1e3","currency":"CNY"}`), &m), pricing.ErrInvalidAmount},
	}
	for _, tt := range tests {
		var fe *pricing.FieldError
		if !errors.As(tt.err, &fe) {
			t.Errorf("%s: error %v (%T) is not a *FieldError", tt.name, tt.err, tt.err)
			continue
		}
		assert.ErrorIs(t, tt.err, tt.want, tt.name)
		assert.Regexp(t, `^pricing: [a-z]`, tt.err.Error(), tt.name)
		assert.NotContains(t, tt.err.Error(), "pricing: pricing", tt.name)
	}
}

// The verdict of FloorPolicy.Check is the *BelowFloorError itself, not a
// FieldError (the price is valid; it is below the floor).
func TestBelowFloorErrorShape(t *testing.T) {
	floor, err := pricing.NewFloorPolicy(pricing.MinListRatio(pricing.MustRate("7折")))
	assert.NoError(t, err)
	err = floor.Check(cny("69.99"), cny("100.00"), pricing.Money{}, "")
	var bf *pricing.BelowFloorError
	assert.ErrorAs(t, err, &bf)
	assert.ErrorIs(t, err, pricing.ErrBelowFloor)
	assert.Equal(t, `pricing: price CNY 69.99 below floor CNY 70.00 (rule list-ratio, campaign "")`, err.Error())
}

// Every sentinel carries the package prefix.
func TestSentinelsPrefixed(t *testing.T) {
	for _, e := range []error{
		pricing.ErrUnknownCurrency, pricing.ErrCurrencyMismatch, pricing.ErrInvalidAmount, pricing.ErrNotRounded,
		pricing.ErrInvalidRoundingMode, pricing.ErrInvalidIncrement, pricing.ErrDivisionByZero, pricing.ErrNegativeWeight,
		pricing.ErrNoParts, pricing.ErrInvalidRate, pricing.ErrInvalidRatio, pricing.ErrInvalidQuantity,
		pricing.ErrNegativePrice, pricing.ErrInvalidTiers, pricing.ErrInvalidTierMode, pricing.ErrBelowFloor,
		pricing.ErrAboveList, pricing.ErrNoCombination, pricing.ErrInvalidCampaign, pricing.ErrUnknownCampaign,
		pricing.ErrInvalidTimeWindow, pricing.ErrUnknownName, pricing.ErrTooLarge,
	} {
		assert.Regexp(t, `^pricing: `, e.Error())
	}
	assert.Equal(t, "pricing: beyond limits", pricing.ErrTooLarge.Error())
	assert.Equal(t, "pricing: currency mismatch: CNY and USD", (&pricing.CurrencyMismatchError{A: pricing.CNY, B: pricing.USD}).Error())
}
