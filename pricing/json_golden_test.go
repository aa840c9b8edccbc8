package pricing_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden JSON files in testdata/json")

// TestResultJSONGolden: one representative value of every exported result
// type, marshalled with two-space indentation, compared byte for byte with
// testdata/json/NAME.json (rewrite with go test ./pricing -run Golden -update).
func TestResultJSONGolden(t *testing.T) {
	at := time.Date(2024, 11, 12, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	table, err := pricing.NewTierTable(pricing.Tier{MinQty: 1, Price: cny("2.00")}, pricing.Tier{MinQty: 10, Price: cny("1.50")}, pricing.Tier{MinQty: 50, Price: cny("1.60")})
	require.NoError(t, err)
	quote, err := table.Price(12, pricing.Incremental) // 9 × 2.00 + 3 × 1.50 = 22.50
	require.NoError(t, err)
	offer, err := pricing.NewPackOffer(cny("1.80"), pricing.Pack{Qty: 10, Price: cny("15.00")}, pricing.Pack{Qty: 50, Price: cny("80.00")})
	require.NoError(t, err)
	plan, err := offer.Cheapest(53) // seed-rules P-05: 5 × 10-packs + 3 singles = 75.00 + 5.40
	require.NoError(t, err)
	waterfall, err := pricing.Waterfall(decimal.RequireFromString("0.40"),
		pricing.CostRatio{Name: "promotion", Ratio: decimal.RequireFromString("0.10")},
		pricing.CostRatio{Name: "platform commission", Ratio: decimal.RequireFromString("0.05")})
	require.NoError(t, err)
	vat, err := pricing.TaxPercent(13)
	require.NoError(t, err)
	split, err := vat.FromInclusive(cny("113.00"), pricing.HalfUp)
	require.NoError(t, err)
	diffs, err := pricing.CheckParity(
		map[string]pricing.Money{"A1": cny("9.90"), "B2": cny("5.00")},
		map[string]pricing.Money{"A1": cny("10.50"), "C3": cny("7.00")})
	require.NoError(t, err)
	issues, err := pricing.AuditListing(pricing.Listing{
		Displayed: cny("59.00"), Actual: cny("79.00"), List: cny("79.00"),
		Promo:              pricing.TimeWindow{Start: at.AddDate(0, 0, -11), End: at.Add(-10 * time.Hour)},
		InDiscountCategory: true,
	}, at)
	require.NoError(t, err)
	floor, err := pricing.NewFloorPolicy(pricing.MinListRatio(pricing.MustRate("7折")))
	require.NoError(t, err)
	below := floor.Check(cny("69.99"), cny("100.00"), pricing.Money{}, "")
	policy, err := pricing.NewFloorPolicy(pricing.MinListRatio(pricing.MustRate("7折")), pricing.MinMargin(decimal.RequireFromString("0.15")),
		pricing.MinPrice(cny("1.00")), pricing.ExemptCampaigns("双11", "淘金币"), pricing.KnownCampaigns("聚划算"))
	require.NoError(t, err)
	members, err := pricing.NewMemberPrices(cny("19.90"), pricing.HalfEven,
		pricing.MemberRule{Tier: "gold", Rate: pricing.MustRate("8.5折")}, pricing.MemberRule{Tier: "staff", Price: cny("12.00")})
	require.NoError(t, err)
	for name, v := range map[string]any{
		"tier_quote":        quote,
		"tier_warnings":     table.Warnings(),
		"tier_table":        table,
		"pack_plan":         plan,
		"pack_warnings":     offer.Warnings(),
		"pack_offer":        offer,
		"margin_waterfall":  waterfall,
		"tax_split":         split,
		"parity_diffs":      diffs,
		"audit_issues":      issues,
		"below_floor_error": below,
		"floor_policy":      policy,
		"member_prices":     members,
		"member_rules": []pricing.MemberRule{
			{Tier: "gold", Price: cny("79.00")},
			{Tier: "silver", Rate: pricing.MustRate("9折")},
		},
		"rounding_modes": []pricing.RoundingMode{pricing.HalfUp, pricing.HalfEven, pricing.Down, pricing.Up, pricing.Floor, pricing.Ceiling},
	} {
		got, err := json.MarshalIndent(v, "", "  ")
		require.NoError(t, err, name)
		got = append(got, '\n')
		path := filepath.Join("testdata", "json", name+".json")
		if *update {
			require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
			require.NoError(t, os.WriteFile(path, got, 0o644))
			continue
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err, "run with -update to create %s", path)
		if !bytes.Equal(got, want) {
			t.Errorf("%s: got\n%s\nwant\n%s", path, got, want)
		}
	}
}

// FuzzInputJSONRoundTrip: for every input type with a JSON form, whatever
// decodes encodes to JSON that decodes back to the same value (compared by
// re-encoding, which is canonical), and decoding never panics.
func FuzzInputJSONRoundTrip(f *testing.F) {
	seeds := []string{
		`{"min_qty":1,"price":{"amount":"2.00","currency":"CNY"}}`,
		`{"tiers":[{"min_qty":1,"price":{"amount":"2.00","currency":"CNY"}},{"min_qty":10,"price":{"amount":"1.5","currency":"CNY"}}]}`,
		`{"single":{"amount":"1.80","currency":"CNY"},"packs":[{"qty":10,"price":{"amount":"15","currency":"CNY"}}]}`,
		`{"qty":9223372036854775807,"price":{"amount":"99999999999999999999999999999.99","currency":"JPY"}}`,
		`{"tier":"gold","rate":"8.5折"}`,
		`{"name":"tax","ratio":"0.045"}`,
		`{"displayed":{"amount":"59","currency":"CNY"},"actual":{"amount":"79","currency":"CNY"},"list":{"amount":"79","currency":"CNY"},"promo":{"start":"2024-11-01T00:00:00+08:00","end":"2024-11-12T00:00:00+08:00"},"in_discount_category":true}`,
		`{"min_list_ratio":"7折","min_margin":"0.15","min_price":{"amount":"1.00","currency":"CNY"},"exempt_campaigns":["双11"],"known_campaigns":["聚划算"]}`,
		`{"list":{"amount":"19.90","currency":"CNY"},"mode":"half_even","rules":[{"tier":"gold","rate":"8.5折"}]}`,
		`"half_even"`, `"list_ratio"`, `"0.13"`, `"七五折"`, `"cny"`, `null`, `{"amount":1e400,"currency":"CNY"}`,
	}
	// Each seed with the index of its type in newValue below (the two
	// policy seeds come before the enums in seeds but last in newValue).
	kinds := []uint8{0, 1, 2, 3, 4, 5, 6, 18, 19, 7, 8, 9, 10, 11, 12, 12}
	if len(kinds) != len(seeds) {
		f.Fatal("one kind per seed")
	}
	for i, s := range seeds {
		f.Add([]byte(s), kinds[i])
	}
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		if len(data) > 4096 {
			return
		}
		newValue := []func() any{
			func() any { return new(pricing.Tier) },
			func() any { return new(pricing.TierTable) },
			func() any { return new(pricing.PackOffer) },
			func() any { return new(pricing.Pack) },
			func() any { return new(pricing.MemberRule) },
			func() any { return new(pricing.CostRatio) },
			func() any { return new(pricing.Listing) },
			func() any { return new(pricing.RoundingMode) },
			func() any { return new(pricing.FloorRule) },
			func() any { return new(pricing.TaxRate) },
			func() any { return new(pricing.Rate) },
			func() any { return new(pricing.Currency) },
			func() any { return new(pricing.Money) },
			func() any { return new(pricing.TimeWindow) },
			func() any { return new(pricing.TierMode) },
			func() any { return new(pricing.ParityKind) },
			func() any { return new(pricing.AuditCode) },
			func() any { return new(pricing.PackWarningCode) },
			func() any { return new(pricing.FloorPolicy) },
			func() any { return new(pricing.MemberPrices) },
		}
		mk := newValue[int(kind)%len(newValue)]
		v := mk()
		if err := json.Unmarshal(data, v); err != nil {
			return
		}
		first, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("%T %s: encode: %v", v, data, err)
		}
		back := mk()
		if err := json.Unmarshal(first, back); err != nil {
			t.Fatalf("%T: %s does not decode: %v", v, first, err)
		}
		second, err := json.Marshal(back)
		if err != nil || !bytes.Equal(first, second) {
			t.Fatalf("%T: %s came back as %s, %v", v, first, second, err)
		}
	})
}

// Decoding rejects repeated keys at any depth (encoding/json alone keeps
// the last one silently).
func TestDecodeRejectsRepeatedKeys(t *testing.T) {
	for _, tt := range []struct {
		give string
		into any
	}{
		{`{"tiers":[],"tiers":[{"min_qty":1,"price":{"amount":"1","currency":"CNY"}}]}`, new(pricing.TierTable)},
		{`{"tiers":[{"min_qty":1,"min_qty":2,"price":{"amount":"1","currency":"CNY"}}]}`, new(pricing.TierTable)},
		{`{"packs":[{"qty":10,"price":{"amount":"1","currency":"CNY"}}],"single":null,"single":{"amount":"1","currency":"CNY"}}`, new(pricing.PackOffer)},
		{`{"exempt_campaigns":["双11"],"exempt_campaigns":[]}`, new(pricing.FloorPolicy)},
		{`{"name":"a","ratio":"0.1","name":"b"}`, new(pricing.CostRatio)},
	} {
		assert.Error(t, json.Unmarshal([]byte(tt.give), tt.into), tt.give)
	}
	var tab pricing.TierTable
	require.NoError(t, json.Unmarshal([]byte(`{"tiers":[{"min_qty":1,"price":{"amount":"1","currency":"CNY"}},{"min_qty":2,"price":{"amount":"0.9","currency":"CNY"}}]}`), &tab))
	assert.Len(t, tab.Tiers(), 2, "the same key in two objects is fine")
}
