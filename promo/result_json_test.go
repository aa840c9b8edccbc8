package promo_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goldenOrder is a representative order: a 满减 tier, 第二件半价, a coupon
// and an unknown code, free shipping and a gift, on three lines.
func goldenOrder(t *testing.T) (promo.Engine, promo.Cart, promo.Result) {
	t.Helper()
	ps := []promo.Promotion{
		{ID: "manjian", Name: "满200减20", Action: promo.Threshold{Tiers: []promo.Tier{
			{MinAmount: cny("200.00"), Off: cny("20.00")}, {MinAmount: cny("400.00"), Off: cny("50.00")}}}},
		{ID: "snacks-2nd-half", Name: "零食第二件半价", Target: promo.Selector{Categories: []string{"snacks"}},
			Action: promo.NthItem{N: 2, Rate: rate("5折")}},
		{ID: "coupon5", Coupon: "SAVE5", Action: promo.AmountOff{Amount: cny("5.00"), Scope: promo.PerOrder}},
		{ID: "ship99", Action: promo.FreeShipping{MinAmount: cny("99.00")}},
		{ID: "gift300", Action: promo.Gift{MinAmount: cny("300.00"), Base: promo.BaseRunningTotal, Options: []promo.GiftOption{{SKU: "mug", Name: "保温杯", Qty: 1, Value: cny("59.00")}}}},
	}
	e, err := promo.NewEngine(pricing.CNY, ps)
	require.NoError(t, err)
	c := cart(
		promo.Line{ID: "coat", SKU: "coat", Qty: 1, UnitPrice: cny("199.00")},
		promo.Line{ID: "chips", SKU: "chips", Categories: []string{"snacks"}, Qty: 2, UnitPrice: cny("12.50")},
		promo.Line{ID: "tea", SKU: "tea", Qty: 3, UnitPrice: cny("30.00")},
	)
	c.Shipping = cny("10.00")
	c.Coupons = []string{"save5", "NOPE"}
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	return e, c, res
}

// checkGolden compares v's indented JSON with testdata/results/name, or
// rewrites the file under -update.
func checkGolden(t *testing.T, name string, v any) []byte {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	require.NoError(t, err)
	got = append(got, '\n')
	file := filepath.Join("testdata", "results", name)
	if *updateGolden {
		require.NoError(t, os.WriteFile(file, got, 0o644))
	}
	want, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "%s (run go test -update to rewrite)", file)
	return got
}

// The Result's JSON form, byte for byte; decoding it gives a Result that
// encodes the same and refunds the same (a stored order is JSON).
func TestResultJSONGolden(t *testing.T) {
	e, c, res := goldenOrder(t)
	// Hand arithmetic: 199.00 + 2 × 12.50 + 3 × 30.00 = 314.00; the second
	// chips unit at 5折 saves 6.25, leaving 307.75 >= 200: 20.00 off, then
	// the coupon 5.00: 282.75, shipping 10.00 waived (>= 99), no gift
	// (282.75 < 300 on the running total). 满400减50 is 400.00 - 307.75 =
	// 92.25 away (after items).
	require.Equal(t, "CNY 282.75", res.Total.String())
	data := checkGolden(t, "result.json", res)
	assert.Contains(t, string(data), `"status": "applied"`)
	assert.Contains(t, string(data), `"reason": "below_threshold"`)
	assert.Equal(t, "CNY 92.25", explanation(t, res, "manjian").MissingAmount.String())

	var back promo.Result
	require.NoError(t, json.Unmarshal(data, &back))
	again, err := json.MarshalIndent(back, "", "  ")
	require.NoError(t, err)
	assert.Equal(t, string(data), string(again)+"\n", "decode -> encode")
	all := map[string]int64{"coat": 1, "chips": 1}
	q1, err := e.Refund(c, res, all, promo.RefundPolicy{Clawback: true})
	require.NoError(t, err)
	q2, err := e.Refund(c, back, all, promo.RefundPolicy{Clawback: true})
	require.NoError(t, err)
	assert.Equal(t, q1.Refund.String(), q2.Refund.String())
}

// The RefundQuote's JSON form: returning the coat (199.00) loses the 满减
// tier and free shipping for the kept units.
func TestRefundQuoteJSONGolden(t *testing.T) {
	e, c, res := goldenOrder(t)
	q, err := e.Refund(c, res, map[string]int64{"coat": 1}, promo.RefundPolicy{Clawback: true, Gift: promo.GiftDeducted})
	require.NoError(t, err)
	data := checkGolden(t, "refund_quote.json", q)
	assert.Contains(t, string(data), `"clawbacks"`)
}

// Enums are their snake_case names in JSON; unknown names are errors.
func TestEnumText(t *testing.T) {
	for _, tt := range []struct {
		give any
		want string
	}{
		{promo.Applied, `"applied"`}, {promo.NotApplicable, `"not_applicable"`}, {promo.NotChosen, `"not_chosen"`},
		{promo.Excluded, `"excluded"`}, {promo.ReasonNone, `"none"`}, {promo.BelowThresholdAfterItemDiscounts, `"below_threshold_after_item_discounts"`},
		{promo.NoQualifyingUnits, `"no_qualifying_units"`}, {promo.ExcludedByPromotion, `"excluded_by_promotion"`},
		{promo.GiftReturned, `"gift_returned"`}, {promo.GiftDeducted, `"gift_deducted"`},
		{promo.PerUnit, `"unit"`}, {promo.PerOrder, `"order"`}, {promo.ByAmount, `"amount"`}, {promo.ByQuantity, `"quantity"`},
	} {
		got, err := json.Marshal(tt.give)
		require.NoError(t, err)
		assert.Equal(t, tt.want, string(got))
	}
	var s promo.Status
	assert.Error(t, json.Unmarshal([]byte(`"applied "`), &s))
	assert.Error(t, json.Unmarshal([]byte(`"not applicable"`), &s))
	var r promo.Reason
	assert.Error(t, json.Unmarshal([]byte(`"below threshold"`), &r))
	require.NoError(t, json.Unmarshal([]byte(`"budget_exhausted"`), &r))
	assert.Equal(t, promo.BudgetExhausted, r)
	_, err := json.Marshal(promo.Status(0))
	assert.Error(t, err, "the zero Status has no name")
	_, err = json.Marshal(promo.Reason(200))
	assert.Error(t, err)
	var g promo.GiftPolicy
	assert.Error(t, json.Unmarshal([]byte(`"returned"`), &g))
}

// FuzzRefundPolicyJSON: the one small input type with a JSON form round
// trips; unknown names are errors, never a silent zero.
func FuzzRefundPolicyJSON(f *testing.F) {
	f.Add([]byte(`{"clawback":true,"gift":"gift_deducted"}`))
	f.Add([]byte(`{"gift":"nope"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var p promo.RefundPolicy
		if json.Unmarshal(data, &p) != nil {
			return
		}
		out, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		var back promo.RefundPolicy
		if err := json.Unmarshal(out, &back); err != nil || back != p {
			t.Fatalf("%s -> %+v -> %s -> %+v, %v", data, p, out, back, err)
		}
		if !bytes.Contains(out, []byte(`"gift_`)) {
			t.Fatalf("gift policy not by name: %s", out)
		}
	})
}

// FuzzCartJSON: a cart's JSON form is a fixed point (encode, decode,
// encode gives the same bytes), and a valid cart decoded from its JSON
// evaluates to the same total.
func FuzzCartJSON(f *testing.F) {
	f.Add("a", int64(2), int64(1250), "SAVE5", int64(3), int64(500), true)
	f.Add("", int64(0), int64(-1), "", int64(-1), int64(0), false)
	f.Fuzz(func(t *testing.T, id string, qty, price int64, code string, used, spent int64, claw bool) {
		if !utf8.ValidString(id) || !utf8.ValidString(code) {
			return // encoding/json writes invalid UTF-8 as U+FFFD: not a fixed point by design
		}
		m := func(v int64) pricing.Money { x, _ := pricing.NewFromMinor(v, pricing.CNY); return x }
		c := cart(promo.Line{ID: id, SKU: id, Qty: qty, UnitPrice: m(price), Categories: []string{id}})
		c.Coupons = []string{code}
		c.Customer = promo.Customer{ID: id, PriorOrders: used}
		c.Usage = map[string]promo.Usage{id: {Total: used, BudgetSpent: m(spent)}}
		data, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		var back promo.Cart
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		again, err := json.Marshal(back)
		if err != nil || !bytes.Equal(data, again) {
			t.Fatalf("%s -> %s (%v)", data, again, err)
		}
		if (c.Validate() == nil) != (back.Validate() == nil) && price != 0 && spent != 0 {
			t.Fatalf("valid %v, decoded valid %v: %s", c.Validate(), back.Validate(), data)
		}
	})
}
