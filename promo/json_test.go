package promo_test

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the tests resolve zone names without the system database

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata")

func jsonCNY(s string) pricing.Money { return pricing.MustNew(s, pricing.CNY) }

func jsonShanghai(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Asia/Shanghai")
	require.NoError(t, err)
	return loc
}

// goldenFiles are the campaign documents in testdata: one per action kind
// and the 双11 campaign of the package doc.
func goldenFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return files
}

func TestCampaignGolden(t *testing.T) {
	kinds := map[string]bool{}
	for _, file := range goldenFiles(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			give, err := os.ReadFile(file)
			require.NoError(t, err)
			c, err := promo.DecodeCampaign(give)
			require.NoError(t, err)
			_, err = promo.NewEngine(c.Currency, c.Promotions)
			require.NoError(t, err, "the campaign builds an engine")
			for _, p := range c.Promotions {
				kinds[p.Action.Kind()] = true
			}
			got, err := promo.EncodeCampaign(c)
			require.NoError(t, err)
			if *updateGolden {
				require.NoError(t, os.WriteFile(file, got, 0o644))
				return
			}
			assert.Equal(t, string(give), string(got), "decode -> encode of %s", file)
		})
	}
	for _, k := range []string{"percent-off", "amount-off", "fixed-price", "threshold", "nth-item", "buy-x-get-y",
		"bundle-price", "combo", "member-price", "gift", "free-shipping"} {
		assert.True(t, kinds[k], "no golden file has a %s action", k)
		_, err := os.Stat(filepath.Join("testdata", k+".json"))
		assert.NoError(t, err, "testdata/%s.json", k)
	}
}

func TestDecodeCampaign(t *testing.T) {
	sh := jsonShanghai(t)
	tests := []struct {
		name string
		give string
		want promo.Campaign
	}{
		{
			name: "empty campaign",
			give: `{"currency":"CNY"}`,
			want: promo.Campaign{Currency: pricing.CNY},
		},
		{
			name: "nulls are absent keys",
			give: `{"name":null,"currency":"CNY","time_zone":null,"promotions":[{"id":"a","name":null,"target":null,"coupon":null,"action":{"kind":"fixed-price","price":"9.90"}}]}`,
			want: promo.Campaign{Currency: pricing.CNY, Promotions: []promo.Promotion{
				{ID: "a", Action: promo.FixedPrice{Price: jsonCNY("9.90")}}}},
		},
		{
			name: "schedule takes the campaign zone",
			give: `{"currency":"CNY","time_zone":"Asia/Shanghai","promotions":[{"id":"a","schedule":{"weekdays":["friday"],"hours":["00:00-24:00"]},
				"action":{"kind":"percent-off","rate":"八五折","scope":"unit"}}]}`,
			want: promo.Campaign{Currency: pricing.CNY, TimeZone: sh, Promotions: []promo.Promotion{{ID: "a",
				Schedule: &promo.Schedule{TimeZone: sh, Weekdays: []time.Weekday{time.Friday}, Hours: []promo.ClockRange{{Start: promo.Clock(0, 0), End: promo.Clock(24, 0)}}},
				Action:   promo.PercentOff{Rate: pricing.MustRate("8.5折")}}}},
		},
		{
			name: "threshold by quantity",
			give: `{"currency":"JPY","promotions":[{"id":"q","action":{"kind":"threshold","basis":"quantity","every":{"qty":3,"off":"500"}}}]}`,
			want: promo.Campaign{Currency: pricing.JPY, Promotions: []promo.Promotion{{ID: "q",
				Action: promo.Threshold{Basis: promo.ByQuantity, Every: &promo.Step{Qty: 3, Off: pricing.MustNew("500", pricing.JPY)}}}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := promo.DecodeCampaign([]byte(tt.give))
			require.NoError(t, err)
			assertCampaignEqual(t, tt.want, got)
		})
	}
}

// assertCampaignEqual compares the decoded campaign with the expected
// struct field by field (not through EncodeCampaign, which would hide a
// field the encoder drops).
func assertCampaignEqual(t *testing.T, want, got promo.Campaign) {
	t.Helper()
	assert.Equal(t, want, got)
}

// assertSameEncoding compares campaigns that differ in form only (an
// action by value or by pointer) by their canonical encoding.
func assertSameEncoding(t *testing.T, want, got promo.Campaign) {
	t.Helper()
	w, err := promo.EncodeCampaign(want)
	require.NoError(t, err)
	g, err := promo.EncodeCampaign(got)
	require.NoError(t, err)
	assert.Equal(t, string(w), string(g))
}

func TestDecodeCampaignErrors(t *testing.T) {
	const head = `{"currency":"CNY","promotions":[`
	tests := []struct {
		name string
		give string
		want []string // "path: message" of every problem, in order
		is   error
	}{
		{"malformed", `{"currency":`, []string{"malformed JSON: unexpected end of JSON input"}, promo.ErrInvalidCampaign},
		{"not an object", `[]`, []string{"want an object, got a list"}, promo.ErrInvalidPromotion},
		{"no currency", `{"promotions":[]}`, []string{"currency: a currency is required"}, promo.ErrInvalidPromotion},
		{"unknown currency", `{"currency":"XXX"}`, []string{`currency: unknown currency "XXX"`}, pricing.ErrUnknownCurrency},
		{"unknown campaign field", `{"currency":"CNY","currncy":"CNY"}`, []string{"currncy: unknown field"}, promo.ErrInvalidPromotion},
		{"repeated key", `{"currency":"CNY","currency":"CNY"}`, []string{"currency: repeated key"}, promo.ErrInvalidPromotion},
		{"unknown zone", `{"currency":"CNY","time_zone":"Mars/Olympus"}`, []string{`time_zone: unknown time zone "Mars/Olympus"`}, promo.ErrInvalidPromotion},
		{"Local zone", `{"currency":"CNY","time_zone":"Local"}`, []string{`time_zone: want an IANA time zone such as "Asia/Shanghai", got "Local"`}, promo.ErrInvalidPromotion},
		{"promotions not a list", `{"currency":"CNY","promotions":{}}`, []string{"promotions: want a list, got an object"}, promo.ErrInvalidPromotion},
		{"no id and no action", head + `{}]}`, []string{"promotions[0].id: an ID is required", "promotions[0].action: an action is required"}, promo.ErrInvalidPromotion},
		{"unknown kind", head + `{"id":"a","action":{"kind":"half-off","rate":"5折"}}]}`,
			[]string{`promotions[0].action.kind: unknown kind "half-off": want one of percent-off, amount-off, fixed-price, threshold, nth-item, buy-x-get-y, bundle-price, combo, member-price, gift, free-shipping, limited-units, issue-coupon, points-redemption, presale`},
			promo.ErrInvalidAction},
		{"no kind", head + `{"id":"a","action":{"rate":"5折"}}]}`,
			[]string{`promotions[0].action.kind: a kind is required: one of percent-off, amount-off, fixed-price, threshold, nth-item, buy-x-get-y, bundle-price, combo, member-price, gift, free-shipping, limited-units, issue-coupon, points-redemption, presale`},
			promo.ErrInvalidAction},
		{"field of another kind", head + `{"id":"a","action":{"kind":"amount-off","amount":"5.00","rate":"9折"}}]}`,
			[]string{"promotions[0].action.rate: unknown field"}, promo.ErrInvalidAction},
		{"wrong types", head + `{"id":7,"priority":"high","exclusive":"yes","channels":["app",3],"start":"2026-11-11","action":{"kind":"amount-off","amount":5}}]}`,
			[]string{
				"promotions[0].id: want a string, got 7",
				`promotions[0].priority: want a whole number from -2147483648 to 2147483647, got "high"`,
				`promotions[0].exclusive: want true or false, got "yes"`,
				`promotions[0].start: want an RFC 3339 time such as "2026-11-11T00:00:00+08:00", got "2026-11-11"`,
				"promotions[0].channels[1]: want a string, got 3",
				`promotions[0].action.amount: want an amount as a string such as "12.30", got 5`,
			}, promo.ErrInvalidAction},
		{"bad amount and rate", head + `{"id":"a","action":{"kind":"percent-off","rate":"10.5折","cap":"1,000"}}]}`,
			[]string{
				`promotions[0].action.rate: want a rate such as "8.5折" in (0折, 10折], got "10.5折"`,
				`promotions[0].action.cap: want a plain decimal amount such as "12.30", got "1,000"`,
			}, pricing.ErrInvalidRate},
		{"schedule", head + `{"id":"a","schedule":{"time_zone":"UTC","weekdays":["mon"],"hours":["9:00-17:00","17:00-14:00"]},"action":{"kind":"fixed-price","price":"1.00"}}]}`,
			[]string{
				`promotions[0].schedule.weekdays[0]: unknown weekday "mon": want monday, tuesday, wednesday, thursday, friday, saturday or sunday`,
				`promotions[0].schedule.hours[0]: want HH:MM-HH:MM with times 00:00 to 24:00, got "9:00-17:00"`,
				`promotions[0].schedule.hours[1]: want start < end, got "17:00-14:00"`,
			}, promo.ErrInvalidPromotion},
		{"reversed hours", head + `{"id":"a","schedule":{"time_zone":"UTC","hours":["17:00-14:00"]},"action":{"kind":"fixed-price","price":"1.00"}}]}`,
			[]string{`promotions[0].schedule.hours[0]: want start < end, got "17:00-14:00"`}, promo.ErrInvalidPromotion},
		{"hours past midnight", head + `{"id":"a","schedule":{"time_zone":"UTC","hours":["22:00-24:30",14]},"action":{"kind":"fixed-price","price":"1.00"}}]}`,
			[]string{
				`promotions[0].schedule.hours[0]: want HH:MM-HH:MM with times 00:00 to 24:00, got "22:00-24:30"`,
				`promotions[0].schedule.hours[1]: want a clock range such as "14:00-17:00", got 14`,
			}, promo.ErrInvalidPromotion},
		{"schedule without a zone", head + `{"id":"a","schedule":{"weekdays":["saturday"]},"action":{"kind":"fixed-price","price":"1.00"}}]}`,
			[]string{"promotions[0].schedule.time_zone: a time zone is required"}, promo.ErrInvalidPromotion},
		{"tiers out of order", head + `{"id":"a","action":{"kind":"percent-off","rate":"9折"}},{"id":"b","action":{"kind":"percent-off","rate":"9折"}},{"id":"c","action":{"kind":"percent-off","rate":"9折"}},
			{"id":"d","action":{"kind":"threshold","tiers":[{"min_amount":"200.00","off":"20.00"},{"min_amount":"150.00","off":"30.00"},{"min_amount":"150.00","off":"40.00"}]}}]}`,
			[]string{
				"promotions[3].action.tiers[1].min_amount: must be greater than tiers[0].min_amount (200.00)",
				"promotions[3].action.tiers[2].min_amount: must be greater than tiers[1].min_amount (150.00)",
			}, promo.ErrInvalidAction},
		{"quantity tiers out of order", head + `{"id":"a","action":{"kind":"threshold","basis":"quantity","tiers":[{"min_qty":3,"rate":"7折"},{"min_qty":2,"rate":"8折"}]}}]}`,
			[]string{"promotions[0].action.tiers[1].min_qty: must be greater than tiers[0].min_qty (3)"}, promo.ErrInvalidAction},
		{"threshold of the wrong type", head + `{"id":"a","action":{"kind":"threshold","basis":"quantity","tiers":[{"min_qty":"2.00","rate":"8折"},{"off":"1.00"}]}}]}`,
			[]string{
				`promotions[0].action.tiers[0].min_qty: want a whole number from 0 to 100000, got "2.00"`,
				"promotions[0].action.tiers[1].min_qty: a threshold is required",
			}, promo.ErrInvalidAction},
		{"unknown basis and scope", head + `{"id":"a","action":{"kind":"threshold","basis":"weight","every":{"amount":"1.00","off":"1.00"}}},{"id":"b","action":{"kind":"amount-off","amount":"1.00","scope":"line"}}]}`,
			[]string{`promotions[0].action.basis: unknown basis "weight": want amount or quantity`, `promotions[1].action.scope: unknown scope "line": want unit or order`}, promo.ErrInvalidAction},
		{"engine checks, one per promotion", head + `{"id":"a","action":{"kind":"nth-item","n":1,"rate":"5折"}},
			{"id":"b","action":{"kind":"threshold","every":{"amount":"0.00","off":"30.00"}}},
			{"id":"c","limits":{"budget":"-1.00"},"action":{"kind":"fixed-price","price":"1.005"}},
			{"id":"d","action":{"kind":"percent-off","rate":"10折"}}]}`,
			[]string{
				"promotions[0].action.n: must be at least 2, got 1",
				"promotions[1].action.every.amount: the step must be above zero, got 0",
				fmt.Sprintf("promotions[2].limits.budget: must be a non-negative amount rounded to the minor unit, at most %d minor units, got CNY -1.00", int64(promo.MaxMinorUnits)),
				"promotions[3].action.rate: 10折 takes nothing off; set a rate or Free, got 10折",
			}, promo.ErrInvalidAction},
		{"both off and rate", head + `{"id":"a","action":{"kind":"threshold","tiers":[{"min_amount":"100.00","off":"10.00","rate":"9折"}]}},
			{"id":"b","action":{"kind":"nth-item","n":2,"rate":"5折","free":true}},
			{"id":"c","action":{"kind":"buy-x-get-y","buy_qty":1,"get_qty":1,"rate":"5折","free":true}},
			{"id":"d","action":{"kind":"member-price","tiers":[{"tier":"gold","price":"1.00","rate":"9折"}]}}]}`,
			[]string{
				"promotions[0].action.tiers[0]: set off or rate, not both",
				"promotions[1].action: set free or rate, not both",
				"promotions[2].action: set free or rate, not both",
				"promotions[3].action.tiers[0]: set price or rate, not both",
			}, promo.ErrInvalidAction},
		{"duplicate IDs", head + `{"id":"a","action":{"kind":"fixed-price","price":"1.00"}},{"id":"a","action":{"kind":"fixed-price","price":"2.00"}}]}`,
			[]string{`promotions[1].id: "a" is also the ID of promotions[0]`}, promo.ErrDuplicateID},
		{"nested unknown fields", head + `{"id":"a","conditions":{"vip":true},"target":{"sku":["x"]},"limits":{"daily":1},
			"action":{"kind":"combo","parts":[{"items":{"categories":["x"]},"qty":1,"price":"1.00"},3],"price":"5.00"}}]}`,
			[]string{
				"promotions[0].conditions.vip: unknown field",
				"promotions[0].target.sku: unknown field",
				"promotions[0].limits.daily: unknown field",
				"promotions[0].action.parts[0].price: unknown field",
				"promotions[0].action.parts[1]: want an object, got 3",
			}, promo.ErrInvalidAction},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := promo.DecodeCampaign([]byte(tt.give))
			require.Error(t, err)
			assert.Zero(t, got.Currency, "the campaign is zero on error")
			var ce *promo.CampaignError
			require.True(t, errors.As(err, &ce), "%v is not a *CampaignError", err)
			var problems []string
			for _, p := range ce.Problems {
				problems = append(problems, problemText(p))
				assert.Error(t, errors.Unwrap(p))
			}
			assert.Equal(t, tt.want, problems)
			assert.ErrorIs(t, err, tt.is)
			assert.True(t, strings.HasPrefix(err.Error(), "promo: decode campaign: "), err.Error())
			assert.ErrorIs(t, err, promo.ErrInvalidCampaign)
		})
	}
}

func TestCampaignErrorMatching(t *testing.T) {
	doc := `{"currency":"CNY","promotions":[{"id":"a","action":{"kind":"nth-item","n":1,"rate":"5折"}},{"id":"a","action":{"kind":"gift"}}]}`
	_, err := promo.DecodeCampaign([]byte(doc))
	var ce *promo.CampaignError
	require.True(t, errors.As(err, &ce))
	require.Len(t, ce.Problems, 3)
	assert.ErrorIs(t, ce.Problems[0], promo.ErrInvalidAction)
	var fe *promo.FieldError
	require.True(t, errors.As(ce.Problems[0], &fe), "an engine problem carries the engine's *FieldError")
	assert.Equal(t, `promotions[0].action.n`, fe.Field)
	assert.Equal(t, "promotions[1].action.options", ce.Problems[1].Field)
	assert.ErrorIs(t, ce.Problems[2], promo.ErrDuplicateID)
	assert.ErrorIs(t, err, promo.ErrDuplicateID)
	assert.Equal(t, `promo: decode campaign: 3 problems: promotions[0].action.n 1: invalid action: must be at least 2; `+
		`promotions[1].action.options: invalid action: a gift needs at least one option; promotions[1].id: duplicate ID: "a" is also the ID of promotions[0]`, err.Error())
}

func TestDecodeCampaignTimeZones(t *testing.T) {
	doc := []byte(`{"currency":"CNY","time_zone":"Store/Local","promotions":[
		{"id":"a","schedule":{"hours":["09:00-10:00"]},"action":{"kind":"fixed-price","price":"1.00"}},
		{"id":"b","schedule":{"time_zone":"Store/Local","hours":["09:00-10:00"]},"action":{"kind":"fixed-price","price":"1.00"}}]}`)
	calls := 0
	store := time.FixedZone("Store/Local", 8*3600)
	resolve := func(name string) (*time.Location, error) {
		calls++
		if name == "Store/Local" {
			return store, nil
		}
		return nil, errors.New("unknown")
	}
	c, err := promo.DecodeCampaign(doc, promo.WithTimeZones(resolve), nil)
	require.NoError(t, err)
	assert.Equal(t, 1, calls, "each name is resolved once per decode")
	assert.Same(t, store, c.TimeZone)
	assert.Same(t, store, c.Promotions[0].Schedule.TimeZone)
	assert.Same(t, store, c.Promotions[1].Schedule.TimeZone)

	out, err := promo.EncodeCampaign(c)
	require.NoError(t, err)
	assert.Equal(t, 1, strings.Count(string(out), "Store/Local"), "a schedule in the campaign's zone does not repeat it:\n%s", out)

	_, err = promo.DecodeCampaign(doc) // the default: time.LoadLocation
	assert.ErrorContains(t, err, `time_zone: invalid promotion: unknown time zone "Store/Local"`)
}

func TestEncodeCampaign(t *testing.T) {
	c := promo.Campaign{Name: "<demo> & co", Currency: pricing.CNY, Promotions: []promo.Promotion{
		{ID: "a", Action: &promo.AmountOff{Amount: jsonCNY("5"), Scope: promo.PerOrder}},
		{ID: "b", Start: time.Date(2026, 11, 11, 0, 0, 0, 0, time.UTC), Action: promo.BuyXGetY{BuyQty: 1, GetQty: 1, Free: true, Get: &promo.Selector{}}},
	}}
	got, err := promo.EncodeCampaign(c)
	require.NoError(t, err)
	want := `{
  "name": "<demo> & co",
  "currency": "CNY",
  "promotions": [
    {
      "id": "a",
      "action": {
        "kind": "amount-off",
        "amount": "5.00",
        "scope": "order"
      }
    },
    {
      "id": "b",
      "start": "2026-11-11T00:00:00Z",
      "action": {
        "kind": "buy-x-get-y",
        "buy_qty": 1,
        "get": {},
        "get_qty": 1,
        "free": true
      }
    }
  ]
}
`
	assert.Equal(t, want, string(got))

	m, err := c.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, want, string(m))
	var back promo.Campaign
	require.NoError(t, back.UnmarshalJSON(m))
	assertSameEncoding(t, c, back)

	empty, err := promo.EncodeCampaign(promo.Campaign{Currency: pricing.USD})
	require.NoError(t, err)
	assert.Equal(t, "{\n  \"currency\": \"USD\",\n  \"promotions\": []\n}\n", string(empty))
}

func TestEncodeCampaignErrors(t *testing.T) {
	ok := promo.FixedPrice{Price: jsonCNY("1.00")}
	lmt := time.Date(1900, 1, 1, 0, 0, 0, 0, jsonShanghai(t)) // local mean time, +08:05:43
	var nilAction *promo.PercentOff
	tests := []struct {
		name string
		give promo.Campaign
		want string
	}{
		{"no currency", promo.Campaign{}, "currency: a known currency is required"},
		{"Local zone", promo.Campaign{Currency: pricing.CNY, TimeZone: time.Local}, `time_zone: the zone "Local" has no portable name; use an IANA zone such as Asia/Shanghai`},
		{"nil action pointer", promo.Campaign{Currency: pricing.CNY, Promotions: []promo.Promotion{{ID: "a", Action: nilAction}}}, "promotions[0].action: an action is required"},
		{"amount in another currency", promo.Campaign{Currency: pricing.USD, Promotions: []promo.Promotion{{ID: "a", Action: ok}}}, "promotions[0].action.price: currency differs from USD, got CNY 1.00"},
		{"year 10000", promo.Campaign{Currency: pricing.CNY, Promotions: []promo.Promotion{{ID: "a", Action: ok, Start: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}}},
			"promotions[0].start: not representable in RFC 3339"},
		{"offset in seconds", promo.Campaign{Currency: pricing.CNY, Promotions: []promo.Promotion{{ID: "a", Action: ok, Start: lmt}}},
			"promotions[0].start: the offset 29143s is not whole minutes, which RFC 3339 cannot write"},
		{"empty clock range", promo.Campaign{Currency: pricing.CNY, Promotions: []promo.Promotion{{ID: "a", Action: ok,
			Schedule: &promo.Schedule{TimeZone: time.UTC, Hours: []promo.ClockRange{{Start: promo.Clock(17, 0), End: promo.Clock(17, 0)}}}}}},
			`promotions[0].schedule.hours[0]: want 00:00 <= start < end <= 24:00, got "17:00-17:00"`},
		{"schedule in Local", promo.Campaign{Currency: pricing.CNY, Promotions: []promo.Promotion{{ID: "a", Action: ok,
			Schedule: &promo.Schedule{TimeZone: time.Local}}}},
			`promotions[0].schedule.time_zone: the zone "Local" has no portable name; use an IANA zone such as Asia/Shanghai`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := promo.EncodeCampaign(tt.give)
			assert.Nil(t, got)
			var ce *promo.CampaignError
			require.True(t, errors.As(err, &ce), "%v", err)
			require.NotEmpty(t, ce.Problems)
			assert.Equal(t, tt.want, problemText(ce.Problems[0]))
			var ve *promo.CampaignError
			require.ErrorAs(t, tt.give.Validate(), &ve)
			require.Len(t, ve.Problems, len(ce.Problems), "Validate reports what EncodeCampaign refuses")
			for i, p := range ce.Problems {
				assert.Equal(t, "encode campaign", p.Op)
				assert.Equal(t, "validate campaign", ve.Problems[i].Op)
				assert.Equal(t, problemText(p), problemText(ve.Problems[i]))
			}
		})
	}
}

func TestDecodeCampaignEngineAgrees(t *testing.T) {
	// Every golden campaign builds an engine, and Validate agrees with
	// DecodeCampaign.
	for _, file := range goldenFiles(t) {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		c, err := promo.DecodeCampaign(data)
		require.NoError(t, err)
		assert.NoError(t, c.Validate(), file)
		e, err := promo.NewEngine(c.Currency, c.Promotions)
		require.NoError(t, err, file)
		assert.Len(t, e.Promotions(), len(c.Promotions))
	}
}

func TestDouble11ExampleIsGolden(t *testing.T) {
	c, err := promo.DecodeCampaign([]byte(double11JSON))
	require.NoError(t, err)
	got, err := promo.EncodeCampaign(c)
	require.NoError(t, err)
	want, err := os.ReadFile(filepath.Join("testdata", "double11.json"))
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "the example's document is testdata/double11.json")
}

func TestEncodeCampaignPointerActions(t *testing.T) {
	// A pointer to an action encodes like the action.
	sel := &promo.Selector{Categories: []string{"x"}}
	values := []promo.Action{
		promo.PercentOff{Rate: pricing.MustRate("9折")}, promo.AmountOff{Amount: jsonCNY("1.00")}, promo.FixedPrice{Price: jsonCNY("1.00")},
		promo.Threshold{Every: &promo.Step{Amount: jsonCNY("100.00"), Off: jsonCNY("10.00")}}, promo.NthItem{N: 2, Free: true},
		promo.BuyXGetY{BuyQty: 1, GetQty: 1, Free: true, Get: sel}, promo.BundlePrice{Qty: 2, Price: jsonCNY("10.00")},
		promo.Combo{Parts: []promo.ComboPart{{Items: *sel, Qty: 1}}, Price: jsonCNY("5.00")},
		promo.MemberPrice{Tiers: []promo.MemberTier{{Tier: "gold", Rate: pricing.MustRate("9折")}}},
		promo.Gift{Options: []promo.GiftOption{{SKU: "g", Qty: 1}}}, promo.FreeShipping{},
	}
	pointers := []promo.Action{
		&promo.PercentOff{Rate: pricing.MustRate("9折")}, &promo.AmountOff{Amount: jsonCNY("1.00")}, &promo.FixedPrice{Price: jsonCNY("1.00")},
		&promo.Threshold{Every: &promo.Step{Amount: jsonCNY("100.00"), Off: jsonCNY("10.00")}}, &promo.NthItem{N: 2, Free: true},
		&promo.BuyXGetY{BuyQty: 1, GetQty: 1, Free: true, Get: sel}, &promo.BundlePrice{Qty: 2, Price: jsonCNY("10.00")},
		&promo.Combo{Parts: []promo.ComboPart{{Items: *sel, Qty: 1}}, Price: jsonCNY("5.00")},
		&promo.MemberPrice{Tiers: []promo.MemberTier{{Tier: "gold", Rate: pricing.MustRate("9折")}}},
		&promo.Gift{Options: []promo.GiftOption{{SKU: "g", Qty: 1}}}, &promo.FreeShipping{},
	}
	byValue, byPointer := promo.Campaign{Currency: pricing.CNY}, promo.Campaign{Currency: pricing.CNY}
	for i := range values {
		id := fmt.Sprint("p", i)
		byValue.Promotions = append(byValue.Promotions, promo.Promotion{ID: id, Action: values[i]})
		byPointer.Promotions = append(byPointer.Promotions, promo.Promotion{ID: id, Action: pointers[i]})
	}
	assertSameEncoding(t, byValue, byPointer)
	_, err := promo.NewEngine(byPointer.Currency, byPointer.Promotions)
	assert.NoError(t, err)

	var nilAction *promo.Gift
	_, err = promo.NewEngine(pricing.CNY, []promo.Promotion{{ID: "a", Action: nilAction}})
	assert.ErrorIs(t, err, promo.ErrInvalidPromotion, "a nil action pointer is no action, not a panic")
}

func TestDecodeCampaignStrings(t *testing.T) {
	// Escapes, invalid UTF-8 (read as U+FFFD, as encoding/json does) and
	// long values in messages.
	long := strings.Repeat("长", 30)
	c, err := promo.DecodeCampaign([]byte("{\"currency\":\"CNY\",\"name\":\"a\\\"b\\u00e9\xff\",\"promotions\":[]}"))
	require.NoError(t, err)
	assert.Equal(t, "a\"bé\ufffd", c.Name)

	_, err = promo.DecodeCampaign([]byte(`{"currency":"CNY","promotions":[{"id":"a","schedule":{"time_zone":"UTC","weekdays":[1]},` +
		`"action":{"kind":"fixed-price","price":"` + long + `"}}]}`))
	assert.ErrorContains(t, err, `promotions[0].schedule.weekdays[0]: invalid promotion: want a weekday name such as "monday"`)
	assert.ErrorContains(t, err, `promotions[0].action.price "`+strings.Repeat("长", 13)+`..."`)

	var u promo.Campaign
	assert.Error(t, u.UnmarshalJSON([]byte(`{}`)))
	assert.ErrorIs(t, u.UnmarshalJSON([]byte(`{"currency":"CNY","promotions":[{"id":"a","action":{"kind":"gift"}}]}`)), promo.ErrInvalidAction)
	assert.Zero(t, u.Currency)
}

// problemText is a problem as "field: detail", with the value when the
// problem has one: the part of the message that says what is wrong where.
func problemText(p *promo.FieldError) string {
	s := p.Field + ": " + p.Detail
	if p.Field == "" {
		s = p.Detail
	}
	if p.Value != "" {
		s += ", got " + p.Value
	}
	return s
}
