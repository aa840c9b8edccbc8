package promo_test

// Issue 12's findings on the input side, each a test that failed (a panic,
// a wrong number or unbounded work) before the limits were added.

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requireField asserts a *FieldError with the operation, field and sentinel.
func requireField(t *testing.T, err error, op, field string, sentinel error) *promo.FieldError {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, sentinel)
	var fe *promo.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, op, fe.Op, "op of %v", err)
	assert.Equal(t, field, fe.Field, "field of %v", err)
	return fe
}

// Qty 1 and Qty MaxInt64: the running unit sum wrapped past int64 and
// defeated the MaxUnits check, then Evaluate panicked (slice bounds).
func TestHostileQuantityWrap(t *testing.T) {
	e, err := promo.NewEngine(pricing.CNY, one("p", promo.PercentOff{Rate: rate("9折")}))
	require.NoError(t, err)
	for _, price := range []string{"0.00", "0.02"} {
		c := cart(line("a", 1, price), line("b", math.MaxInt64, price))
		requireField(t, c.Validate(), "validate cart", "lines[1].qty", promo.ErrTooLarge)
		_, err := e.Evaluate(c)
		fe := requireField(t, err, "evaluate", "lines[1].qty", promo.ErrTooLarge)
		assert.Equal(t, "9223372036854775807", fe.Value)
		assert.Equal(t, "the cart holds more than 100000 units", fe.Detail)
	}
	// MaxInt64 alone, and two halves whose sum wraps to a negative number.
	requireField(t, cart(line("a", math.MaxInt64, "1.00")).Validate(), "validate cart", "lines[0].qty", promo.ErrTooLarge)
	requireField(t, cart(line("a", math.MaxInt64/2+1, "0.00"), line("b", math.MaxInt64/2+1, "0.00")).Validate(),
		"validate cart", "lines[0].qty", promo.ErrTooLarge)
	// The subtotal: 100,000 units at 10^8 yuan is 10^15 yuan, beyond
	// MaxMinorUnits (10^13 分).
	requireField(t, cart(line("a", promo.MaxUnits, "100000000.00")).Validate(), "validate cart", "lines[0].unit_price", promo.ErrTooLarge)
	// More lines than MaxLines.
	lines := make([]promo.Line, promo.MaxLines+1)
	for i := range lines {
		lines[i] = line(fmt.Sprint(i), 1, "1.00")
	}
	requireField(t, cart(lines...).Validate(), "validate cart", "lines", promo.ErrTooLarge)
}

// 100,000 or 1,000,000 unknown codes took 2.6 s / 39 s and were all echoed
// back. Now a cart carries at most MaxCoupons codes of at most
// MaxCouponLen bytes, checked before any code is normalised.
func TestHostileCoupons(t *testing.T) {
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{{ID: "c", Coupon: "SAVE5", Action: promo.AmountOff{Amount: cny("5.00"), Scope: promo.PerOrder}}})
	require.NoError(t, err)
	c := cart(line("a", 1, "100.00"))
	c.Coupons = make([]string, 1_000_000)
	for i := range c.Coupons {
		c.Coupons[i] = fmt.Sprintf("BOGUS%d", i)
	}
	_, err = e.Evaluate(c)
	fe := requireField(t, err, "evaluate", "coupons", promo.ErrTooLarge)
	assert.Equal(t, "1000000", fe.Value)

	c.Coupons = []string{strings.Repeat("A", promo.MaxCouponLen+1)}
	_, err = e.Evaluate(c)
	requireField(t, err, "evaluate", "coupons[0]", promo.ErrTooLarge)

	// MaxCoupons codes, the known one in the middle and repeated: one
	// lookup each, the unknown ones echoed once each in entry order.
	c.Coupons = nil
	for i := range promo.MaxCoupons - 1 {
		c.Coupons = append(c.Coupons, fmt.Sprintf("X%d", i%10))
	}
	c.Coupons = append(c.Coupons, "save 5")
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	assert.Equal(t, "CNY 95.00", res.Total.String())
	assert.Equal(t, []string{"X0", "X1", "X2", "X3", "X4", "X5", "X6", "X7", "X8", "X9"}, res.UnknownCoupons)
}

// Usage.BudgetSpent of 100.001 or 1e18 yuan was read as 0 spent (the budget
// paid out again), a negative spent enlarged the budget, and a spent in
// another currency was ignored by eligibility but used by the cap.
func TestHostileBudgetSpent(t *testing.T) {
	ps := []promo.Promotion{{ID: "b", Limits: promo.Limits{Budget: cny("100.00")}, Action: promo.AmountOff{Amount: cny("10.00"), Scope: promo.PerOrder}}}
	e, err := promo.NewEngine(pricing.CNY, ps)
	require.NoError(t, err)
	for _, tt := range []struct {
		name     string
		spent    pricing.Money
		sentinel error
	}{
		{"unrounded", cny("100.001"), promo.ErrInvalidCart},
		{"beyond the limit", cny("1000000000000000000"), promo.ErrTooLarge},
		{"negative", cny("-50.00"), promo.ErrInvalidCart},
		{"another currency", pricing.MustNew("100.00", pricing.USD), promo.ErrInvalidCart},
	} {
		c := cart(line("a", 1, "100.00"))
		c.Usage = map[string]promo.Usage{"b": {BudgetSpent: tt.spent}}
		_, err := e.Evaluate(c)
		fe := requireField(t, err, "evaluate", `usage["b"].budget_spent`, tt.sentinel)
		assert.Equal(t, tt.spent.String(), fe.Value, tt.name)
	}
	c := cart(line("a", 1, "100.00"))
	c.Usage = map[string]promo.Usage{"b": {Total: -1}}
	_, err = e.Evaluate(c)
	requireField(t, err, "evaluate", `usage["b"].total`, promo.ErrInvalidCart)
	// Several bad entries: the smallest promotion ID is reported, whatever
	// the map's order.
	for range 20 {
		c.Usage = map[string]promo.Usage{"z": {ByCustomer: -1}, "m": {Total: -2}, "q": {BudgetSpent: cny("0.001")}}
		requireField(t, c.Validate(), "validate cart", `usage["m"].total`, promo.ErrInvalidCart)
	}
	// A budget spent in full, in the cart's currency, still exhausts it.
	c.Usage = map[string]promo.Usage{"b": {BudgetSpent: cny("100.00")}}
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	assert.Equal(t, promo.BudgetExhausted, explanation(t, res, "b").Reason)
}

// BuyQty of 2^61 or 2^62, through Go or JSON, was accepted and a product
// wrapped (one shirt got 4 socks free); 每满0.01减100000000000.00 on a
// 10,000.00 cart gave 0.00 off (times × off wrapped).
func TestHostileConfigurationCounts(t *testing.T) {
	for _, q := range []int64{1 << 61, 1 << 62, math.MaxInt64, promo.MaxUnits + 1} {
		_, err := promo.NewEngine(pricing.CNY, one("b1g1", promo.BuyXGetY{BuyQty: q, GetQty: 1, Free: true}))
		fe := requireField(t, err, "new engine", "promotions[0].action.buy_qty", promo.ErrTooLarge)
		assert.Equal(t, fmt.Sprint(q), fe.Value)
		assert.Equal(t, "at most 100000", fe.Detail)

		doc := fmt.Sprintf(`{"currency":"CNY","promotions":[{"id":"b1g1","action":{"kind":"buy-x-get-y","buy_qty":%d,"get_qty":1,"free":true}}]}`, q)
		_, err = promo.DecodeCampaign([]byte(doc))
		requireField(t, err, "decode campaign", "promotions[0].action.buy_qty", promo.ErrTooLarge)
	}
	// Every other count of an action, one past its bound.
	big := int64(promo.MaxUnits + 1)
	for _, tt := range []struct {
		a     promo.Action
		field string
	}{
		{promo.BuyXGetY{BuyQty: 1, GetQty: big, Free: true}, "action.get_qty"},
		{promo.BuyXGetY{BuyQty: 1, GetQty: 1, Free: true, MaxTimes: big}, "action.max_times"},
		{promo.NthItem{N: big, Free: true}, "action.n"},
		{promo.BundlePrice{Qty: big, Price: cny("1.00")}, "action.qty"},
		{promo.BundlePrice{Qty: 2, Price: cny("1.00"), MaxTimes: big}, "action.max_times"},
		{promo.Combo{Parts: []promo.ComboPart{{Qty: big}}, Price: cny("1.00")}, "action.parts[0].qty"},
		{promo.Combo{Parts: []promo.ComboPart{{Qty: 1}}, Price: cny("1.00"), MaxTimes: big}, "action.max_times"},
		{promo.Threshold{Basis: promo.ByQuantity, Tiers: []promo.Tier{{MinQty: big, Off: cny("1.00")}}}, "action.tiers[0].min_qty"},
		{promo.Threshold{Basis: promo.ByQuantity, Every: &promo.Step{Qty: big, Off: cny("1.00")}}, "action.every.qty"},
		{promo.Threshold{Every: &promo.Step{Amount: cny("1.00"), Off: cny("1.00"), MaxTimes: big}}, "action.every.max_times"},
		{promo.Gift{MinQty: big, Options: []promo.GiftOption{{SKU: "g", Qty: 1}}}, "action.min_qty"},
		{promo.Gift{Options: []promo.GiftOption{{SKU: "g", Qty: big}}}, "action.options[0].qty"},
		{promo.FreeShipping{MinQty: big}, "action.min_qty"},
		{promo.Threshold{Tiers: make([]promo.Tier, promo.MaxActionList+1)}, "action.tiers"},
		{promo.Gift{Options: make([]promo.GiftOption, promo.MaxActionList+1)}, "action.options"},
		{promo.Combo{Parts: make([]promo.ComboPart, promo.MaxActionList+1), Price: cny("1.00")}, "action.parts"},
		{promo.MemberPrice{Tiers: make([]promo.MemberTier, promo.MaxActionList+1)}, "action.tiers"},
	} {
		_, err := promo.NewEngine(pricing.CNY, one("p", tt.a))
		requireField(t, err, "new engine", "promotions[0]."+tt.field, promo.ErrTooLarge)
	}
	// A combo of parts each within the bound but together beyond it.
	parts := []promo.ComboPart{{Qty: promo.MaxUnits}, {Qty: 1}}
	_, err := promo.NewEngine(pricing.CNY, one("p", promo.Combo{Parts: parts, Price: cny("1.00")}))
	requireField(t, err, "new engine", "promotions[0].action.parts", promo.ErrTooLarge)

	// 每满0.01减100000000000.00: a step cannot take more than itself off.
	_, err = promo.NewEngine(pricing.CNY, one("m", promo.Threshold{Every: &promo.Step{Amount: cny("0.01"), Off: cny("100000000000.00")}}))
	requireField(t, err, "new engine", "promotions[0].action.every.off", promo.ErrInvalidAction)
	// 每满300减300 is allowed: the step itself off.
	res := evaluate(t, cart(line("a", 1, "10000.00")), one("m", promo.Threshold{Every: &promo.Step{Amount: cny("300.00"), Off: cny("300.00")}}))
	assert.Equal(t, "CNY 100.00", res.Total.String(), "33 steps of 300.00 off 10,000.00 leave 100.00")

	// Usage limits and lists.
	for _, tt := range []struct {
		p     promo.Promotion
		field string
	}{
		{promo.Promotion{Limits: promo.Limits{Total: promo.MaxRedemptions + 1}}, "limits.total"},
		{promo.Promotion{Limits: promo.Limits{PerCustomer: math.MaxInt64}}, "limits.per_customer"},
		{promo.Promotion{Channels: make([]string, promo.MaxSelectorList+1)}, "channels"},
		{promo.Promotion{Conditions: promo.Conditions{Tags: make([]string, promo.MaxSelectorList+1)}}, "conditions.tags"},
		{promo.Promotion{Target: promo.Selector{ExcludeSKUs: make([]string, promo.MaxSelectorList+1)}}, "target.exclude_skus"},
		{promo.Promotion{Coupon: strings.Repeat("C", promo.MaxCouponLen+1)}, "coupon"},
	} {
		tt.p.ID, tt.p.Action = "p", promo.PercentOff{Rate: rate("9折")}
		_, err := promo.NewEngine(pricing.CNY, []promo.Promotion{tt.p})
		requireField(t, err, "new engine", "promotions[0]."+tt.field, promo.ErrTooLarge)
	}
}

// 9 MB of one repeated key gave 999,999 problems, 751 MB and 4.7 s. Now the
// size limit stops it before parsing, and under the size limit the problem
// limit stops it after DefaultMaxProblems.
func TestHostileDecodeSize(t *testing.T) {
	repeated := func(n int) []byte {
		var b bytes.Buffer
		b.WriteString(`{"currency":"CNY","promotions":[{"id":"a","action":{"kind":"percent-off","rate":"9折"}`)
		for range n {
			b.WriteString(`,"x":1`)
		}
		b.WriteString(`}]}`)
		return b.Bytes()
	}
	doc := repeated(9 << 20 / 6)
	require.Greater(t, len(doc), 9<<20)
	_, err := promo.DecodeCampaign(doc)
	var ce *promo.CampaignError
	require.ErrorAs(t, err, &ce)
	require.Len(t, ce.Problems, 1)
	requireField(t, ce.Problems[0], "decode campaign", "", promo.ErrTooLarge)
	assert.ErrorIs(t, err, promo.ErrInvalidCampaign)

	// 3 MB: under the size limit, stopped by the problem limit.
	_, err = promo.DecodeCampaign(repeated(3 << 20 / 6))
	require.ErrorAs(t, err, &ce)
	require.Len(t, ce.Problems, promo.DefaultMaxProblems+1)
	last := ce.Problems[len(ce.Problems)-1]
	assert.ErrorIs(t, last, promo.ErrTooLarge)
	assert.Equal(t, "stopped after 100 problems", last.Detail)

	// The options move both limits.
	_, err = promo.DecodeCampaign(repeated(10), promo.WithMaxCampaignBytes(50))
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "150 bytes, at most 50", ce.Problems[0].Detail)
	_, err = promo.DecodeCampaign(repeated(10), promo.WithMaxProblems(3))
	require.ErrorAs(t, err, &ce)
	assert.Len(t, ce.Problems, 4)
}

// 20,000 distinct unknown zone names called time.LoadLocation 20,000 times
// (897 MB). Now a name is resolved once, and resolution stops with decoding
// at the problem limit.
func TestHostileDecodeZones(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"currency":"CNY","promotions":[`)
	for i := range promo.MaxPromotions {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id":"p%d","schedule":{"time_zone":"Nowhere/Z%d"},"action":{"kind":"percent-off","rate":"9折"}}`, i, i)
	}
	b.WriteString(`]}`)
	calls := 0
	resolve := func(name string) (*time.Location, error) {
		calls++
		return nil, errors.New("unknown zone")
	}
	_, err := promo.DecodeCampaign([]byte(b.String()), promo.WithTimeZones(resolve))
	var ce *promo.CampaignError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, promo.DefaultMaxProblems, calls, "the loader is called at most once per problem")
	assert.ErrorIs(t, err, promo.ErrTooLarge, "decoding stopped")
	// More promotions than MaxPromotions: one problem, no zone looked up.
	calls = 0
	doc := `{"currency":"CNY","promotions":[` + strings.Repeat(`{"schedule":{"time_zone":"Nowhere/X"}},`, promo.MaxPromotions) + `{}]}`
	_, err = promo.DecodeCampaign([]byte(doc), promo.WithTimeZones(resolve))
	requireField(t, err, "decode campaign", "promotions", promo.ErrTooLarge)
	assert.Zero(t, calls)

	// The same unknown name many times: one call.
	calls = 0
	doc = `{"currency":"CNY","time_zone":"Nowhere/X","promotions":[` +
		strings.Repeat(`{"id":"a","schedule":{"time_zone":"Nowhere/X"},"action":{"kind":"percent-off","rate":"9折"}},`, 50) +
		`{"id":"b","action":{"kind":"percent-off","rate":"9折"}}]}`
	_, err = promo.DecodeCampaign([]byte(doc), promo.WithTimeZones(resolve))
	require.Error(t, err)
	assert.Equal(t, 1, calls)
}

// Refund trusted the stored Result: an adjustment's per-unit list dropped
// panicked; per-unit paid amounts in USD were refunded as CNY; unrounded
// ones gave a silent 0.00; a negative one gave Paid -500.00; an inflated
// one refunded 999,977.18 on a 190.00 order. Each is now an
// ErrInvalidReturn naming the field, before any of the result is used.
func TestHostileRefundTamperedResult(t *testing.T) {
	// 满200减10 on two lines of 100.00: each line pays 95.00, 190.00 in all.
	c := cart(line("a", 1, "100.00"), line("b", 1, "100.00"))
	ps := one("m", promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("200.00"), Off: cny("10.00")}}})
	e, err := promo.NewEngine(pricing.CNY, ps)
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	require.Equal(t, "CNY 190.00", res.Total.String())
	all := map[string]int64{"a": 1, "b": 1}
	q, err := e.Refund(c, res, all, promo.RefundPolicy{Clawback: true})
	require.NoError(t, err)
	require.Equal(t, "CNY 190.00", q.Refund.String())

	// tamper returns a deep copy of res changed by f.
	tamper := func(f func(r *promo.Result)) promo.Result {
		r := res
		r.Lines = make([]promo.LineResult, len(res.Lines))
		for i, l := range res.Lines {
			l.UnitPaid = append([]pricing.Money(nil), l.UnitPaid...)
			adj := make([]promo.Adjustment, len(l.Adjustments))
			for j, a := range l.Adjustments {
				a.PerUnit = append([]pricing.Money(nil), a.PerUnit...)
				adj[j] = a
			}
			l.Adjustments = adj
			r.Lines[i] = l
		}
		f(&r)
		return r
	}
	for _, tt := range []struct {
		name     string
		res      promo.Result
		field    string
		sentinel error
	}{
		{"per-unit list dropped", tamper(func(r *promo.Result) { r.Lines[0].Adjustments[0].PerUnit = nil }),
			"result.lines[0].adjustments[0].per_unit", promo.ErrInvalidReturn},
		{"unit paid in USD", tamper(func(r *promo.Result) { r.Lines[0].UnitPaid[0] = pricing.MustNew("95.00", pricing.USD) }),
			"result.lines[0].unit_paid[0]", promo.ErrInvalidReturn},
		{"unrounded unit paid", tamper(func(r *promo.Result) { r.Lines[1].UnitPaid[0] = cny("95.001") }),
			"result.lines[1].unit_paid[0]", promo.ErrInvalidReturn},
		{"negative unit paid", tamper(func(r *promo.Result) { r.Lines[0].UnitPaid[0] = cny("-500.00") }),
			"result.lines[0].unit_paid[0]", promo.ErrInvalidReturn},
		{"inflated unit paid", tamper(func(r *promo.Result) { r.Lines[0].UnitPaid[0] = cny("999882.18") }),
			"result.lines[0].unit_paid[0]", promo.ErrInvalidReturn},
		{"inflated consistently: paid and after", tamper(func(r *promo.Result) {
			r.Lines[0].UnitPaid[0], r.Lines[0].After = cny("999882.18"), cny("999882.18")
		}), "result.lines[0].unit_paid[0]", promo.ErrInvalidReturn},
		{"negative adjustment", tamper(func(r *promo.Result) {
			r.Lines[0].Adjustments[0].PerUnit[0], r.Lines[0].Adjustments[0].Amount = cny("-999787.18"), cny("-999787.18")
		}), "result.lines[0].adjustments[0].amount", promo.ErrInvalidReturn},
		{"adjustment above the price", tamper(func(r *promo.Result) {
			r.Lines[0].Adjustments[0].PerUnit[0], r.Lines[0].Adjustments[0].Amount = cny("100.01"), cny("100.01")
		}), "result.lines[0].adjustments[0].per_unit[0]", promo.ErrInvalidReturn},
		{"adjustment sum", tamper(func(r *promo.Result) { r.Lines[0].Adjustments[0].Amount = cny("1.00") }),
			"result.lines[0].adjustments[0].amount", promo.ErrInvalidReturn},
		{"unknown promotion", tamper(func(r *promo.Result) { r.Lines[0].Adjustments[0].PromotionID = "x" }),
			"result.lines[0].adjustments[0].promotion_id", promo.ErrInvalidReturn},
		{"unit list dropped", tamper(func(r *promo.Result) { r.Lines[1].UnitPaid = nil }),
			"result.lines[1].unit_paid", promo.ErrInvalidReturn},
		{"other quantity", tamper(func(r *promo.Result) { r.Lines[1].Qty = 2 }),
			"result.lines[1].qty", promo.ErrInvalidReturn},
		{"other price", tamper(func(r *promo.Result) { r.Lines[1].UnitPrice = cny("1000.00") }),
			"result.lines[1].unit_price", promo.ErrInvalidReturn},
		{"amount beyond int64 minor units", tamper(func(r *promo.Result) { r.Lines[1].UnitPaid[0] = cny("1000000000000000000000000000000.00") }),
			"result.lines[1].unit_paid[0]", promo.ErrTooLarge},
		{"shipping after above the fee", tamper(func(r *promo.Result) { r.ShippingAfter = cny("12.00") }),
			"result.shipping_after", promo.ErrInvalidReturn},
		{"gift value unrounded", tamper(func(r *promo.Result) {
			r.Gifts = []promo.GiftLine{{PromotionID: "m", SKU: "g", Qty: 1, Value: cny("0.001")}}
		}),
			"result.gifts[0].value", promo.ErrInvalidReturn},
		{"other currency", tamper(func(r *promo.Result) { r.Currency = pricing.USD }),
			"result.currency", promo.ErrInvalidReturn},
	} {
		for _, claw := range []bool{false, true} {
			_, err := e.Refund(c, tt.res, all, promo.RefundPolicy{Clawback: claw})
			fe := requireField(t, err, "refund", tt.field, tt.sentinel)
			assert.NotEmpty(t, fe.Detail, tt.name)
		}
	}
	// An invalid cart is refused as Evaluate would refuse it.
	bad := cart(line("a", 1, "100.00"), line("b", math.MaxInt64, "100.00"))
	_, err = e.Refund(bad, res, all, promo.RefundPolicy{})
	requireField(t, err, "refund", "lines[1].qty", promo.ErrTooLarge)
}

// The parser builds at most 256 keys per object and 10,001 entries per
// list; the rest is scanned, not built, and reported; what follows is read
// as usual.
func TestHostileDecodeWideDocuments(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"promotions":[`)
	vals := []string{`{"a":[1,"x\"y]}",{"b":null}]}`, `"s\\"`, `-1.5e3`, `true`, `[]`, `{}`, `null`}
	for i := range 10_005 {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(vals[i%len(vals)])
	}
	b.WriteString(`] ,"currency":"CNY","name":"n"}`)
	_, err := promo.DecodeCampaign([]byte(b.String()))
	var ce *promo.CampaignError
	require.ErrorAs(t, err, &ce)
	require.Len(t, ce.Problems, 1, "%v", err)
	fe := requireField(t, ce.Problems[0], "decode campaign", "promotions", promo.ErrTooLarge)
	assert.Equal(t, "10005 entries, at most 10000", fe.Detail)

	b.Reset()
	b.WriteString(`{"currency":"CNY","promotions":[{"id":"a"`)
	for i := range 300 {
		fmt.Fprintf(&b, `,"k%d":{"x":["}",{"y":"\"{"}]}`, i)
	}
	b.WriteString(`},{"id":"b","action":{"kind":"percent-off","rate":"9折"}}]}`)
	_, err = promo.DecodeCampaign([]byte(b.String()))
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "promotions[0]", ce.Problems[0].Field)
	assert.Equal(t, "301 keys, at most 256 read", ce.Problems[0].Detail)
	for _, p := range ce.Problems {
		assert.NotContains(t, p.Field, "promotions[1]", "the next promotion is read as usual: %v", p)
	}
}

// Issue 14: the doc's JSON used "double11" while the policy exempted
// "双11", and the floor silently applied. With the policy passed to
// DecodeCampaign, the unknown name is a problem naming the promotion, the
// name and the known names; the known name decodes, and its explanation
// says the floor exempts it.
func TestDecodeCampaignFloorNames(t *testing.T) {
	floor, err := pricing.NewFloorPolicy(pricing.MinListRatio(rate("7折")), pricing.ExemptCampaigns("双11", "淘金币"))
	require.NoError(t, err)
	doc := func(name string) []byte {
		return []byte(`{"currency":"CNY","promotions":[{"id":"half","campaign":"` + name + `","action":{"kind":"percent-off","rate":"5折"}}]}`)
	}
	_, err = promo.DecodeCampaign(doc("double11"), promo.WithFloor(floor))
	var ce *promo.CampaignError
	require.ErrorAs(t, err, &ce)
	require.Len(t, ce.Problems, 1)
	fe := requireField(t, ce.Problems[0], "decode campaign", "promotions[0].campaign", promo.ErrUnknownCampaign)
	assert.Equal(t, `"double11"`, fe.Value)
	assert.Equal(t, `promotion "half": the floor policy knows "双11", "淘金币"`, fe.Detail)
	// Without the policy the decoder cannot know the names.
	_, err = promo.DecodeCampaign(doc("double11"))
	require.NoError(t, err)

	c, err := promo.DecodeCampaign(doc("双11"), promo.WithFloor(floor))
	require.NoError(t, err)
	e, err := promo.NewEngine(c.Currency, c.Promotions, promo.WithFloor(floor))
	require.NoError(t, err)
	res, err := e.Evaluate(cart(line("a", 1, "100.00")))
	require.NoError(t, err)
	ex := explanation(t, res, "half")
	assert.True(t, ex.FloorExempt)
	assert.Equal(t, "双11", ex.Campaign)
	assert.Equal(t, "CNY 50.00", res.Total.String(), "exempt: 5折 of 100.00, below the 7折 floor")
	// Without floor rules, no name is checked and none is exempt.
	e, err = promo.NewEngine(c.Currency, c.Promotions)
	require.NoError(t, err)
	res, err = e.Evaluate(cart(line("a", 1, "100.00")))
	require.NoError(t, err)
	assert.False(t, explanation(t, res, "half").FloorExempt)
}

// A return naming 200,000 lines the order does not have: one error, the
// smallest unknown ID, in time linear in the request.
func TestHostileRefundRequest(t *testing.T) {
	e, err := promo.NewEngine(pricing.CNY, one("p", promo.PercentOff{Rate: rate("9折")}))
	require.NoError(t, err)
	lines := make([]promo.Line, 1000)
	for i := range lines {
		lines[i] = line(fmt.Sprintf("l%04d", i), 1, "1.00")
	}
	c := cart(lines...)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	returned := map[string]int64{"l0001": 1}
	for i := range 200_000 {
		returned[fmt.Sprintf("x%07d", i)] = 1
	}
	_, err = e.Refund(c, res, returned, promo.RefundPolicy{})
	requireField(t, err, "refund", `returned["x0000000"]`, promo.ErrInvalidReturn)
	_, err = e.Refund(c, res, map[string]int64{"l0002": 2, "l0001": -1}, promo.RefundPolicy{})
	requireField(t, err, "refund", `returned["l0001"]`, promo.ErrInvalidReturn)
}

// Matching through the sets an engine builds for long selector lists
// agrees with matching the lists: a differential fuzz over lists of up to
// 40 entries (indexed from 16) of a small alphabet.
func FuzzSelectorIndex(f *testing.F) {
	f.Add(uint64(1), uint8(20), uint8(3))
	f.Add(uint64(7), uint8(40), uint8(17))
	f.Fuzz(func(t *testing.T, seed uint64, n, m uint8) {
		r := seed
		next := func(k int) int { r = r*6364136223846793005 + 1442695040888963407; return int(r>>33) % k }
		word := func() string { return fmt.Sprintf("w%d", next(30)) }
		list := func(max int) []string {
			out := make([]string, next(max+1))
			for i := range out {
				out[i] = word()
			}
			return out
		}
		sel := promo.Selector{SKUs: list(int(n % 41)), Categories: list(int(m % 41)), Tags: list(20),
			ExcludeSKUs: list(int(m % 41)), ExcludeCategories: list(int(n % 41)), ExcludeTags: list(3)}
		e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{{ID: "p", Target: sel, Action: promo.PercentOff{Rate: rate("9折")}}})
		if err != nil {
			t.Fatal(err)
		}
		indexed := e.Promotions()[0].Target
		for range 50 {
			l := promo.Line{ID: "l", SKU: word(), Product: word(), Categories: list(4), Tags: list(4)}
			if got, want := indexed.Matches(l), sel.Matches(l); got != want {
				t.Fatalf("indexed %v, lists %v for %+v and %+v", got, want, l, sel)
			}
		}
	})
}

// A line's labels are bounded: matching costs a lookup per label.
func TestHostileLabels(t *testing.T) {
	l := line("a", 1, "1.00")
	l.Categories = make([]string, promo.MaxLabels+1)
	requireField(t, cart(l).Validate(), "validate cart", "lines[0].categories", promo.ErrTooLarge)
	c := cart(line("a", 1, "1.00"))
	c.Customer.Tags = make([]string, promo.MaxLabels+1)
	requireField(t, c.Validate(), "validate cart", "customer.tags", promo.ErrTooLarge)
}

// The lists eligibility reads for every promotion at every evaluation
// (channels, condition tiers and tags, schedule hours and weekdays) take at
// most MaxLabels entries, so 10,000 promotions cannot make an evaluation
// compare 10,000 × 10,000 strings; MaxLabels entries are accepted.
func TestHostilePromotionLabelLists(t *testing.T) {
	many := func(n int) []string {
		s := make([]string, n)
		for i := range s {
			s[i] = fmt.Sprint("v", i)
		}
		return s
	}
	hours := func(n int) []promo.ClockRange {
		h := make([]promo.ClockRange, n)
		for i := range h {
			h[i] = promo.ClockRange{Start: promo.Clock(0, i%60), End: promo.Clock(1, 0)}
		}
		return h
	}
	weekdays := make([]time.Weekday, promo.MaxLabels+1)
	for _, c := range []struct {
		field string
		set   func(p *promo.Promotion, n int)
	}{
		{"channels", func(p *promo.Promotion, n int) { p.Channels = many(n) }},
		{"conditions.tiers", func(p *promo.Promotion, n int) { p.Conditions.Tiers = many(n) }},
		{"conditions.tags", func(p *promo.Promotion, n int) { p.Conditions.Tags = many(n) }},
		{"schedule.hours", func(p *promo.Promotion, n int) {
			p.Schedule = &promo.Schedule{TimeZone: time.UTC, Hours: hours(n)}
		}},
		{"schedule.weekdays", func(p *promo.Promotion, n int) {
			p.Schedule = &promo.Schedule{TimeZone: time.UTC, Weekdays: weekdays[:n]}
		}},
	} {
		ok := one("p", promo.AmountOff{Amount: cny("1.00"), Scope: promo.PerOrder})
		c.set(&ok[0], promo.MaxLabels)
		_, err := promo.NewEngine(pricing.CNY, ok)
		require.NoError(t, err, c.field)
		bad := one("p", promo.AmountOff{Amount: cny("1.00"), Scope: promo.PerOrder})
		c.set(&bad[0], promo.MaxLabels+1)
		_, err = promo.NewEngine(pricing.CNY, bad)
		require.ErrorIs(t, err, promo.ErrTooLarge, c.field)
		var fe *promo.FieldError
		require.ErrorAs(t, err, &fe, c.field)
		assert.Contains(t, fe.Field, c.field)
	}
}

// A customer's tags are looked up whatever their order: the condition tags
// "vip" and "group" are both held by a customer tagged in another order.
func TestConditionTagsAnyOrder(t *testing.T) {
	p := one("fav", promo.AmountOff{Amount: cny("5.00"), Scope: promo.PerOrder})
	p[0].Conditions.Tags = []string{"vip", "group"}
	e, err := promo.NewEngine(pricing.CNY, p)
	require.NoError(t, err)
	c := cart(line("a", 1, "50.00"))
	c.Customer.Tags = []string{"zz", "vip", "aa", "group"}
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	assert.Equal(t, "CNY 45.00", res.Total.String(), "both tags held: 5.00 off")
	c.Customer.Tags = []string{"zz", "vip", "aa"}
	res, err = e.Evaluate(c)
	require.NoError(t, err)
	assert.Equal(t, "CNY 50.00", res.Total.String(), "group missing: nothing off")
}
