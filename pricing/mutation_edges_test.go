package pricing

// More tests written from the mutants gremlins v0.5.0 left alive in a full
// run of the package (issue 19). The equivalent mutants are listed at the
// end of mutation_test.go.

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAllocateWeightSumPastUint64: decimal weights that each fit in int64
// but whose sum overflows uint64 leave the int64 path for the big one, with
// the same answer. 19 weights of 999999999999999999 (18 digits) sum to
// about 1.9·10^19 > 2^64-1 ≈ 1.8·10^19. By hand: CNY 1.00 = 100 分 in 19
// equal parts is 5 r5; the 5 分 left go to the first five (equal
// remainders, earlier part first): 0.06 × 5, then 0.05 × 14.
func TestAllocateWeightSumPastUint64(t *testing.T) {
	w := make([]decimal.Decimal, 19)
	for i := range w {
		w[i] = decimal.RequireFromString("999999999999999999")
	}
	ints, ok := scaleWeights(w)
	require.True(t, ok, "each weight fits in int64")
	_, err := AllocateMinor(100, ints)
	require.ErrorIs(t, err, ErrTooLarge, "their sum does not fit in uint64")

	got, err := ruleCNY("1.00").Allocate(w)
	require.NoError(t, err)
	want := make([]string, 19)
	for i := range want {
		want[i] = "CNY 0.05"
		if i < 5 {
			want[i] = "CNY 0.06"
		}
	}
	assert.Equal(t, want, moneyStrings(got))
	got, err = ruleCNY("-1.00").Allocate(w)
	require.NoError(t, err)
	assert.Equal(t, "CNY -0.06", got[0].String(), "a refund mirrors the split")
	assert.Equal(t, "CNY -0.05", got[18].String())
}

// TestAllocateMinor64PartsNoAlloc: AllocateMinorTo promises no allocation
// with a reused dst for up to 64 weights, 64 included, also when more than
// four units are left over (the selection path). By hand: 100 分 over 64
// equal weights is 1 r36: the first 36 parts get 2, the other 28 get 1.
func TestAllocateMinor64PartsNoAlloc(t *testing.T) {
	weights := make([]int64, 64)
	for i := range weights {
		weights[i] = 7
	}
	dst := make([]int64, 0, 64)
	allocs := testing.AllocsPerRun(50, func() { dst, _ = AllocateMinorTo(dst, 100, weights) })
	assert.Zero(t, allocs, "64 weights, reused dst")
	for i, p := range dst {
		want := int64(1)
		if i < 36 {
			want = 2
		}
		require.Equal(t, want, p, "part %d", i)
	}
}

// TestAmountInputLength: an amount string of 80 characters (maxInputLen)
// is read, one of 81 is ErrTooLarge before any digit is looked at.
func TestAmountInputLength(t *testing.T) {
	s80 := strings.Repeat("0", 76) + "1.50"
	require.Len(t, s80, 80)
	m, err := New(s80, CNY)
	require.NoError(t, err)
	assert.Equal(t, "CNY 1.50", m.String())
	_, err = New("0"+s80, CNY)
	require.ErrorIs(t, err, ErrTooLarge)
	assert.True(t, strings.HasSuffix(err.Error(), ": at most 80 characters"), err.Error())
	_, err = New("x"+s80, CNY)
	assert.ErrorIs(t, err, ErrTooLarge, "the length is checked first")
}

// TestFormatAmountTrailingZeros: formatAmount keeps at least places digits
// and drops only the zeros beyond them (its doc: 12.300 -> "12.30",
// 1.005 -> "1.005" for places 2).
func TestFormatAmountTrailingZeros(t *testing.T) {
	for _, tt := range []struct {
		give   string
		places int32
		want   string
	}{
		{"12.300", 2, "12.30"},
		{"1.0000", 2, "1.00"},
		{"1.005", 2, "1.005"},
		{"1.0050", 2, "1.005"},
		{"12.3", 2, "12.30"},
		{"5.000", 0, "5"},
		{"0.100", 0, "0.1"},
		{"7.0000", 3, "7.000"},
		{"-3.2100", 1, "-3.21"},
	} {
		assert.Equal(t, tt.want, formatAmount(decimal.RequireFromString(tt.give), tt.places), "%s at %d places", tt.give, tt.places)
	}
	m, err := New("12.300", CNY)
	require.NoError(t, err)
	assert.Equal(t, "CNY 12.30", m.String())
}

// TestClipRawEdge: a number's text of 32 characters is shown whole, 33 are
// cut to 32 and "...".
func TestClipRawEdge(t *testing.T) {
	s32 := "12345678901234567890123456789012"
	assert.Equal(t, s32, clipRaw(s32))
	assert.Equal(t, s32+"...", clipRaw(s32+"3"))
	assert.Equal(t, s32, decText(decimal.RequireFromString(s32)))
}

// TestCurrencyIndexEdges: the built-in currencies are 1 ... len(Currencies());
// the last is VND (the table is sorted by code) and one past it is not a
// currency.
func TestCurrencyIndexEdges(t *testing.T) {
	n := len(Currencies())
	require.Equal(t, 22, n, "the built-in currencies listed in currency.go")
	last := Currency(n)
	assert.True(t, last.IsValid())
	assert.Equal(t, "VND", last.Code())
	past := Currency(n + 1)
	assert.False(t, past.IsValid())
	assert.Equal(t, "", past.Code())
	assert.Equal(t, int32(0), past.Digits())
	assert.False(t, Currency(0).IsValid())
}

// TestMoneyDecodeMalformedDirect: UnmarshalJSON called directly (not
// through encoding/json, which checks the syntax first) refuses a broken
// document, and bytes after the object whether or not they are a JSON
// value. The old code took `{...} x` and `{...}}` as CNY 1.00: it refused
// only trailing data that was a whole JSON token.
func TestMoneyDecodeMalformedDirect(t *testing.T) {
	for _, tt := range []struct{ give, want string }{
		{`{"amount":`, `pricing: decode money: amount: invalid amount: malformed JSON`},
		{`{"amount" "1"}`, `pricing: decode money: amount: invalid amount: malformed JSON`},
		{`{1:2}`, `pricing: decode money: invalid amount: malformed JSON`},
		{`{"amount":"1","currency":"CNY"`, `pricing: decode money: invalid amount: malformed JSON`},
		{`{"amount":"1","currency":"CNY"]`, `pricing: decode money: invalid amount: malformed JSON`},
		{`{"amount":"1","currency":"CNY"} x`, `pricing: decode money: invalid amount: data after the object`},
		{`{"amount":"1","currency":"CNY"}}`, `pricing: decode money: invalid amount: data after the object`},
		{`{"amount":"1","currency":"CNY"} 5`, `pricing: decode money: invalid amount: data after the object`},
	} {
		m := ruleCNY("9.99")
		err := m.UnmarshalJSON([]byte(tt.give))
		require.ErrorIs(t, err, ErrInvalidAmount, tt.give)
		assert.Equal(t, tt.want, err.Error(), tt.give)
		assert.Equal(t, "CNY 9.99", m.String(), "unchanged: %s", tt.give)
	}
	var m Money
	require.NoError(t, m.UnmarshalJSON([]byte(" {\"amount\":\"1\",\"currency\":\"CNY\"}\n")), "surrounding space is fine")
	assert.Equal(t, "CNY 1.00", m.String())
}

// TestNullForms: each rule type's zero value encodes as null (a zero
// FloorPolicy as {}, every key left out), and null decodes to the zero
// value whatever the value held before (their docs).
func TestNullForms(t *testing.T) {
	tiers, err := NewTierTable(Tier{MinQty: 1, Price: ruleCNY("2.00")})
	require.NoError(t, err)
	packs, err := NewPackOffer(ruleCNY("1.00"), Pack{6, ruleCNY("5.00")})
	require.NoError(t, err)
	members, err := NewMemberPrices(ruleCNY("10.00"), HalfUp)
	require.NoError(t, err)
	floor := seedFloor(t)
	for _, tt := range []struct {
		name   string
		enc    string // the zero value's JSON
		zero   any    // the zero value, to encode
		filled any    // a pointer to a non-zero value, to decode null into
		isZero func() bool
	}{
		{"TierTable", "null", TierTable{}, &tiers, func() bool { return len(tiers.tiers) == 0 }},
		{"PackOffer", "null", PackOffer{}, &packs, func() bool { return len(packs.items) == 0 }},
		{"MemberPrices", "null", MemberPrices{}, &members, func() bool { return !members.list.IsValid() }},
		{"FloorPolicy", "{}", FloorPolicy{}, &floor, func() bool { return len(floor.campaigns) == 0 && !floor.hasRatio }},
	} {
		b, err := json.Marshal(tt.zero)
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.enc, string(b), tt.name)
		require.False(t, tt.isZero(), tt.name)
		require.NoError(t, tt.filled.(json.Unmarshaler).UnmarshalJSON([]byte(" null ")), tt.name)
		assert.True(t, tt.isZero(), tt.name)
	}
	c := USD
	require.NoError(t, c.UnmarshalText(nil))
	assert.Equal(t, Currency(0), c, "empty text is the zero Currency")
	assert.Equal(t, Money{}, Zero(Currency(200)), "Zero of an unknown currency is the zero Money")
}

// TestTierDecodeErrors: a decoded table is validated as NewTierTable does,
// and a bad price inside it comes back as Money's own error.
func TestTierDecodeErrors(t *testing.T) {
	var tt TierTable
	err := json.Unmarshal([]byte(`{"tiers":[{"min_qty":0,"price":{"amount":"1","currency":"CNY"}}]}`), &tt)
	require.ErrorIs(t, err, ErrInvalidTiers)
	assert.Equal(t, "pricing: new tier table: tiers[0].min_qty 0: invalid price table: the first break must be at 1", err.Error())
	err = json.Unmarshal([]byte(`{"tiers":[{"min_qty":1,"price":{"amount":"x","currency":"CNY"}}]}`), &tt)
	require.ErrorIs(t, err, ErrInvalidAmount)
	assert.Equal(t, `pricing: decode money: amount "x": invalid amount: unexpected 'x': want a plain decimal`, err.Error())
	assert.Empty(t, tt.tiers, "unchanged")
	// Nesting past strictjson.MaxDepth (64) is ErrTooLarge, not a
	// malformed table.
	deep := `{"tiers":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`
	err = json.Unmarshal([]byte(deep), &tt)
	assert.ErrorIs(t, err, ErrTooLarge)
	var m MemberPrices
	err = json.Unmarshal([]byte(`{"list":{"amount":"1","currency":"CNY"},"bogus":1}`), &m)
	assert.ErrorIs(t, err, ErrInvalidTiers, "an unknown key")
}

// TestMulRoundToOddSigns: a product with more than 28 places is rounded to
// odd at place 28, away from zero for a negative product too; a product
// whose extra places are zeros is exact and kept. By hand (10^-28 = one
// unit at place 28): -0.05 × 1.3·10^-26 = -6.5·10^-28 -> truncated -6
// units (even) -> -7 units; +0.05 gives +7; 1.5·10^-26 gives 7.5 -> 7 (odd,
// kept); 1.2·10^-26 gives exactly 6 units (the product 60·10^-29 has a
// zero 29th place); 0.10 × 1.0·10^-26 = 10^-27 exactly.
func TestMulRoundToOddSigns(t *testing.T) {
	unit := "0.000000000000000000000000000" // 27 zeros after the point: add the 28th digit
	for _, tt := range []struct{ m, f, want string }{
		{"-0.05", "0.000000000000000000000000013", "CNY -" + unit + "7"},
		{"0.05", "0.000000000000000000000000013", "CNY " + unit + "7"},
		{"-0.05", "-0.000000000000000000000000013", "CNY " + unit + "7"},
		{"-0.05", "0.000000000000000000000000015", "CNY -" + unit + "7"},
		{"-0.05", "0.000000000000000000000000012", "CNY -" + unit + "6"},
		{"0.10", "0.000000000000000000000000010", "CNY 0.000000000000000000000000001"},
	} {
		got, err := ruleCNY(tt.m).Mul(decimal.RequireFromString(tt.f))
		require.NoError(t, err)
		assert.Equal(t, tt.want, got.String(), "%s × %s", tt.m, tt.f)
	}
}

// TestResultPastLimit: results past 10^30 are ErrTooLarge. By hand: a cost
// of 6·10^29 at a 50% margin is priced 1.2·10^30; 10^30 plus 13% tax is
// 1.13·10^30. At exactly 10^30 both are fine (5·10^29 × 2; 10^30 at 0%).
func TestResultPastLimit(t *testing.T) {
	zeros29 := strings.Repeat("0", 29)
	_, err := PriceForMargin(ruleCNY("6"+zeros29), decimal.New(5, -1), HalfUp)
	assert.ErrorIs(t, err, ErrTooLarge)
	p, err := PriceForMargin(ruleCNY("5"+zeros29), decimal.New(5, -1), HalfUp)
	require.NoError(t, err)
	assert.Equal(t, "CNY 1"+zeros29+"0.00", p.String())

	r13, err := TaxPercent(13)
	require.NoError(t, err)
	_, err = r13.FromExclusive(ruleCNY("1"+zeros29+"0"), HalfUp)
	assert.ErrorIs(t, err, ErrTooLarge)
	r0, err := TaxPercent(0)
	require.NoError(t, err)
	s, err := r0.FromExclusive(ruleCNY("1"+zeros29+"0"), HalfUp)
	require.NoError(t, err)
	assert.Equal(t, "CNY 1"+zeros29+"0.00", s.Inclusive.String())
}

// TestMemberFixedPriceAtList: a fixed member price equal to the list price
// is allowed ("not above the list price"); one 分 more is ErrAboveList.
func TestMemberFixedPriceAtList(t *testing.T) {
	list := ruleCNY("10.00")
	mp, err := NewMemberPrices(list, HalfUp, MemberRule{Tier: "gold", Price: ruleCNY("10.00")})
	require.NoError(t, err)
	assert.Equal(t, "CNY 10.00", mp.Price("gold").String())
	_, err = NewMemberPrices(list, HalfUp, MemberRule{Tier: "gold", Price: ruleCNY("10.01")})
	assert.ErrorIs(t, err, ErrAboveList)
}

// TestPackDuplicateNames: a repeated size names what it repeats: the
// single price (index -1) or the earlier pack, packs[0] included.
func TestPackDuplicateNames(t *testing.T) {
	for _, tt := range []struct {
		single Money
		packs  []Pack
		want   string
	}{
		{Money{}, []Pack{{2, ruleCNY("1")}, {3, ruleCNY("1")}, {2, ruleCNY("1")}}, "packs[2].qty 2: invalid price table: same size as packs[0]"},
		{ruleCNY("1"), []Pack{{2, ruleCNY("1")}, {3, ruleCNY("1")}, {3, ruleCNY("1")}}, "packs[2].qty 3: invalid price table: same size as packs[1]"},
		{ruleCNY("1"), []Pack{{2, ruleCNY("1")}, {1, ruleCNY("1")}}, "packs[1].qty 1: invalid price table: same size as the single price"},
	} {
		_, err := NewPackOffer(tt.single, tt.packs...)
		require.ErrorIs(t, err, ErrInvalidTiers)
		assert.Equal(t, "pricing: new pack offer: "+tt.want, err.Error())
	}
}

// TestPackReductionBound: the solver's table covers (s-1)·M amounts past
// which the best pack is always bought (s the best unit price's size, M
// the largest other size; see solve), so its work does not grow with q.
// By hand: 1.00 single, 6 for 5.00 (0.833 a unit, the best), 4 for 3.80:
// R = 5 × 4 = 20. q = 10^12 = 6 × 166666666666 + 4: the 4 left are one
// 4-pack (3.80 < 4 × 1.00; dropping a 6-pack to fill 10 costs more), total
// 166666666666 × 5.00 + 3.80 = 833333333333.80.
func TestPackReductionBound(t *testing.T) {
	o, err := NewPackOffer(ruleCNY("1.00"), Pack{6, ruleCNY("5.00")}, Pack{4, ruleCNY("3.80")})
	require.NoError(t, err)
	assert.Equal(t, int64(20), o.reduce)
	p, err := o.Cheapest(1_000_000_000_000)
	require.NoError(t, err)
	assert.Equal(t, "CNY 833333333333.80", p.Total.String())
	assert.Equal(t, map[int64]int64{6: 166666666666, 4: 1}, planCounts(p))
}

// TestPackTotalAtInt64Limit: a plan costing exactly 2^63-1 minor units is
// returned, one more unit is ErrTooLarge. By hand: 2^63-1 =
// 7²·73·127·337·92737·649657, so singles at 7·73·127·337 = 21870289 分
// (CNY 218702.89) and q = 7·92737·649657 = 421730688463 cost exactly
// 9223372036854775807 分.
func TestPackTotalAtInt64Limit(t *testing.T) {
	o, err := NewPackOffer(ruleMinor(21870289, CNY))
	require.NoError(t, err)
	p, err := o.Cheapest(421730688463)
	require.NoError(t, err)
	assert.Equal(t, "CNY 92233720368547758.07", p.Total.String())
	assert.Equal(t, int64(421730688463), p.Singles)
	_, err = o.Cheapest(421730688464)
	assert.ErrorIs(t, err, ErrTooLarge)
}

// TestZheTextLength: the number before 折 may be 48 bytes long, not 49.
// By hand: 7.5 followed by zeros is 0.75 paid, 25% off.
func TestZheTextLength(t *testing.T) {
	r, err := ParseZhe("7.5" + strings.Repeat("0", 45) + "折") // 48 bytes before 折
	require.NoError(t, err)
	assert.Equal(t, "0.75", r.Pay().String())
	_, err = ParseZhe("7.5" + strings.Repeat("0", 46) + "折")
	require.ErrorIs(t, err, ErrInvalidRate)
	assert.True(t, strings.HasSuffix(err.Error(), ": too long"), err.Error())
	// Full-width digits, both ends of ０-９, read as their ASCII digits
	// (ParseZhe's doc: X/10, "0.5折" = 0.05).
	for s, pay := range map[string]string{"９折": "0.9", "１０折": "1", "０.５折": "0.05", "９.９折": "0.99"} {
		r, err := ParseZhe(s)
		require.NoError(t, err, s)
		assert.Equal(t, pay, r.Pay().String(), s)
	}
}

// TestMoneyFormBoundaries pins repr.go's rule that each amount has exactly
// one form: compact (int64 minor units) when it is a whole number of minor
// units below 10^18 in magnitude, wide otherwise, whichever way it was
// built; so a compact amount built two ways is ==, and compact arithmetic
// stays allocation-free.
func TestMoneyFormBoundaries(t *testing.T) {
	const lim = int64(1_000_000_000_000_000_000) // 10^18 分 = CNY 10^16
	ten := decimal.New(10, 0)                    // coefficient 10, exponent 0
	type row struct {
		name string
		m    Money
		wide bool
	}
	mulTen := func(minor int64) Money { return ruleMinor(minor, CNY).mul(ten) }
	rows := []row{
		{"fromMinor 10^18-1", fromMinor(lim-1, CNY), false},
		{"fromMinor 10^18", fromMinor(lim, CNY), true},
		{"fromMinor -(10^18-1)", fromMinor(-lim+1, CNY), false},
		{"fromMinor -10^18", fromMinor(-lim, CNY), true},
		// 19-digit coefficients take compactOf's exact check.
		{"New 10^16.00 (19 digits)", ruleCNY("10000000000000000.00"), true},
		{"New -10^16.00 (19 digits)", ruleCNY("-10000000000000000.00"), true},
		{"New 9999999999999999.990 (19 digits)", ruleCNY("9999999999999999.990"), false},
		// mul's int64 product at exactly ±10^18 分, exponent 0.
		{"10^17 分 × 10", mulTen(lim / 10), true},
		{"-10^17 分 × 10", mulTen(-lim / 10), true},
		{"(10^17-1) 分 × 10", mulTen(lim/10 - 1), false},
	}
	for _, r := range rows {
		assert.Equal(t, r.wide, r.m.isWide, r.name)
	}
	// Compact values of one amount are the same struct, however built.
	assert.True(t, ruleCNY("9999999999999999.990") == fromMinor(lim-1, CNY))
	assert.True(t, mulTen(lim/10-1) == fromMinor(lim-10, CNY))
}

// TestMulCompactNoAlloc: a compact amount times a factor of at most 18
// digits whose product is whole minor units stays in int64 (repr.go mul),
// negative amounts and an 18-digit factor with exponent -18 included. By
// hand: -10.10 × 0.5 = -5.05; 0.02 × 0.500000000000000000 = 0.01;
// -0.04 × -0.250000000000000000 = 0.01.
func TestMulCompactNoAlloc(t *testing.T) {
	for _, tt := range []struct{ m, f, want string }{
		{"-10.10", "0.5", "CNY -5.05"},
		{"0.02", "0.500000000000000000", "CNY 0.01"},
		{"-0.04", "-0.250000000000000000", "CNY 0.01"},
	} {
		m, f := ruleCNY(tt.m), decimal.RequireFromString(tt.f)
		got, err := m.Mul(f)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got.String(), "%s × %s", tt.m, tt.f)
		assert.False(t, got.isWide)
		assert.Zero(t, testing.AllocsPerRun(50, func() { _, _ = m.Mul(f) }), "%s × %s", tt.m, tt.f)
	}
}

// TestTierWarningsTies: a tier priced the same as the one before it is no
// warning; only a strictly higher price is (Warnings' doc: "priced above").
func TestTierWarningsTies(t *testing.T) {
	tt, err := NewTierTable(
		Tier{MinQty: 1, Price: ruleCNY("2.00")},
		Tier{MinQty: 10, Price: ruleCNY("2.00")}, // same: fine
		Tier{MinQty: 20, Price: ruleCNY("2.01")}, // one 分 above: warning
		Tier{MinQty: 50, Price: ruleCNY("1.90")},
	)
	require.NoError(t, err)
	ws := tt.Warnings()
	require.Len(t, ws, 1)
	assert.Equal(t, 2, ws[0].Index)
	assert.Equal(t, int64(10), ws[0].Prev.MinQty)
}

// TestPolicyDecodeGolden decodes the golden FloorPolicy and MemberPrices
// documents and checks what the decoded values do, against answers worked
// by hand; an invalid document is refused and leaves the value as it was.
func TestPolicyDecodeGolden(t *testing.T) {
	var p FloorPolicy
	b, err := os.ReadFile("testdata/json/floor_policy.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &p))
	for _, tt := range []struct {
		list     string
		cost     Money
		campaign string
		want     string
		rule     FloorRule
	}{
		{"100.00", ruleCNY("40.00"), "", "CNY 70.00", RuleListRatio},    // 100 × 0.7 = 70 > 40/0.85 = 47.06
		{"100.00", ruleCNY("60.00"), "聚划算", "CNY 70.59", RuleMinMargin}, // 60/0.85 = 70.588… -> 70.59
		{"1.00", Money{}, "", "CNY 1.00", RuleMinPrice},                 // 0.70 < 1.00
		{"100.00", ruleCNY("60.00"), "淘金币", "CNY 0.00", RuleExempt},
	} {
		f, rule, err := p.Floor(ruleCNY(tt.list), tt.cost, tt.campaign)
		require.NoError(t, err, tt.list)
		assert.Equal(t, tt.want, f.String(), "%s %s %q", tt.list, tt.cost, tt.campaign)
		assert.Equal(t, tt.rule, rule, "%s %s %q", tt.list, tt.cost, tt.campaign)
	}
	_, _, err = p.Floor(ruleCNY("1.00"), Money{}, "618")
	assert.ErrorIs(t, err, ErrUnknownCampaign)
	err = json.Unmarshal([]byte(`{"min_margin":"1"}`), &p)
	require.ErrorIs(t, err, ErrInvalidRatio)
	assert.True(t, p.IsExempt("双11"), "unchanged after a refused document")

	var m MemberPrices
	b, err = os.ReadFile("testdata/json/member_prices.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &m))
	// 19.90 × 0.85 = 16.915, half-even to 16.92 (1 is odd: up to 2).
	assert.Equal(t, "CNY 16.92", m.Price("gold").String())
	assert.Equal(t, "CNY 12.00", m.Price("staff").String())
	assert.Equal(t, "CNY 19.90", m.Price("guest").String(), "no rule: the list price")
	err = json.Unmarshal([]byte(`{"list":{"amount":"10","currency":"CNY"},"mode":"half_up","rules":[{"tier":"x","price":{"amount":"10.01","currency":"CNY"}}]}`), &m)
	require.ErrorIs(t, err, ErrAboveList)
	assert.Equal(t, "CNY 12.00", m.Price("staff").String(), "unchanged after a refused document")
}
