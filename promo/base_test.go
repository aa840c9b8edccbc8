package promo_test

import (
	"strings"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The threshold base (issue 13): which amount 满X is tested on.

// storeAndPlatform is a store coupon 满200减10 applied first (priority 2)
// and a platform 满300减30 (priority 1) whose base is b, after an item
// discount of itemRate on every unit.
func storeAndPlatform(itemRate string, b promo.ThresholdBase) []promo.Promotion {
	return []promo.Promotion{
		{ID: "item", Action: promo.PercentOff{Rate: rate(itemRate)}},
		{ID: "store", Priority: 2, Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("200.00"), Off: cny("10.00")}}}},
		{ID: "platform", Priority: 1, Action: promo.Threshold{Base: b, Tiers: []promo.Tier{{MinAmount: cny("300.00"), Off: cny("30.00")}}}},
	}
}

func TestThresholdBase360(t *testing.T) {
	// The case: 360.16 at 8.5折 is 306.136, rounded 306.14 after
	// item discounts. The store coupon 满200减10 applies first: the running
	// total is 296.14.
	c := cart(line("a", 1, "360.16"))
	tests := []struct {
		base                  promo.ThresholdBase
		total, missing        string
		status                promo.Status
		platformAmount, trace string
	}{
		// After items (the default): 306.14 ≥ 300, the store coupon cannot
		// knock it out: 306.14 - 10 - 30 = 266.14.
		{promo.BaseAfterItems, "CNY 266.14", "", promo.Applied, "CNY 30.00", "platform: applied, 30.00 off on lines a"},
		// List price: 360.16 ≥ 300: 266.14 too.
		{promo.BaseListPrice, "CNY 266.14", "", promo.Applied, "CNY 30.00", "platform: applied, 30.00 off on lines a"},
		// Running total (Vendure/Magento): 296.14 < 300, 3.86 missing:
		// total 296.14.
		{promo.BaseRunningTotal, "CNY 296.14", "CNY 3.86", promo.NotApplicable, "CNY 0.00", "platform: not applicable: below threshold: add 3.86 more to get 30.00 off"},
	}
	for _, tt := range tests {
		t.Run(tt.base.String(), func(t *testing.T) {
			res := run(t, c, storeAndPlatform("8.5折", tt.base))
			assert.Equal(t, tt.total, res.Total.String())
			ex := explanation(t, res, "platform")
			assert.Equal(t, tt.status, ex.Status)
			assert.Equal(t, tt.platformAmount, moneyText(ex.Amount))
			assert.Equal(t, tt.missing, moneyText(ex.MissingAmount))
			assert.Equal(t, tt.trace, ex.String())
			assert.Equal(t, promo.Applied, explanation(t, res, "store").Status)
		})
	}
}

func TestThresholdBaseListVersusItems(t *testing.T) {
	// 360.16 at 7.5折 is 270.12 after items: below 300 after items (29.88
	// missing), above it at list price. Running total after 满200减10:
	// 260.12, 39.88 missing.
	c := cart(line("a", 1, "360.16"))
	tests := []struct {
		base           promo.ThresholdBase
		total, missing string
	}{
		{promo.BaseAfterItems, "CNY 260.12", "CNY 29.88"},
		{promo.BaseListPrice, "CNY 230.12", ""}, // 270.12 - 10 - 30
		{promo.BaseRunningTotal, "CNY 260.12", "CNY 39.88"},
	}
	for _, tt := range tests {
		t.Run(tt.base.String(), func(t *testing.T) {
			res := run(t, c, storeAndPlatform("7.5折", tt.base))
			assert.Equal(t, tt.total, res.Total.String())
			ex := explanation(t, res, "platform")
			assert.Equal(t, tt.missing, moneyText(ex.MissingAmount))
			if tt.missing != "" {
				// Reached at 360.16, not after the item discount.
				assert.Equal(t, promo.BelowThresholdAfterItemDiscounts, ex.Reason)
			}
		})
	}
}

func TestThresholdBaseListPriceField(t *testing.T) {
	// BaseListPrice reads Line.ListPrice: 2 × 90.00 with list 120.00 is
	// 240.00 at list price: 满200减20 applies (180.00 - 20.00 = 160.00);
	// after items (180.00) it does not, 20.00 missing.
	l := line("a", 2, "90.00")
	l.ListPrice = cny("120.00")
	mj := func(b promo.ThresholdBase) []promo.Promotion {
		return one("mj", promo.Threshold{Base: b, Tiers: []promo.Tier{{MinAmount: cny("200.00"), Off: cny("20.00")}}})
	}
	res := run(t, cart(l), mj(promo.BaseListPrice))
	assert.Equal(t, "CNY 160.00", res.Total.String())
	res = run(t, cart(l), mj(promo.BaseAfterItems))
	assert.Equal(t, "CNY 180.00", res.Total.String())
	assert.Equal(t, "CNY 20.00", explanation(t, res, "mj").MissingAmount.String())
}

func TestGiftAndShippingBase(t *testing.T) {
	// 2 × 100.00, shipping 10.00; 9折 on items: 180.00 after items;
	// 满150减30: 150.00 after the order layer. List price 200.00.
	c := cart(line("a", 2, "100.00"))
	c.Shipping = cny("10.00")
	promos := func(min string, b promo.ThresholdBase) []promo.Promotion {
		return []promo.Promotion{
			ninety("item"),
			{ID: "order", Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("150.00"), Off: cny("30.00")}}}},
			{ID: "ship", Action: promo.FreeShipping{MinAmount: cny(min), Base: b}},
			{ID: "gift", Action: promo.Gift{MinAmount: cny(min), Base: b, Options: []promo.GiftOption{{SKU: "cup", Qty: 1}}}},
		}
	}
	tests := []struct {
		min     string
		base    promo.ThresholdBase
		reached bool
		missing string
	}{
		{"180.00", promo.BaseAfterItems, true, ""},
		{"180.01", promo.BaseAfterItems, false, "CNY 0.01"},
		{"150.00", promo.BaseRunningTotal, true, ""},
		{"150.01", promo.BaseRunningTotal, false, "CNY 0.01"},
		{"180.00", promo.BaseRunningTotal, false, "CNY 30.00"},
		{"200.00", promo.BaseListPrice, true, ""},
		{"200.01", promo.BaseListPrice, false, "CNY 0.01"},
	}
	for _, tt := range tests {
		t.Run(tt.base.String()+"/"+tt.min, func(t *testing.T) {
			res := run(t, c, promos(tt.min, tt.base))
			if tt.reached {
				assert.Equal(t, "CNY 150.00", res.Total.String()) // shipping waived
				assert.Len(t, res.Gifts, 1)
			} else {
				assert.Equal(t, "CNY 160.00", res.Total.String())
				assert.Empty(t, res.Gifts)
			}
			for _, id := range []string{"ship", "gift"} {
				assert.Equal(t, tt.missing, moneyText(explanation(t, res, id).MissingAmount), id)
			}
		})
	}
}

func TestThresholdBaseText(t *testing.T) {
	for b, name := range map[promo.ThresholdBase]string{promo.BaseAfterItems: "after_items", promo.BaseListPrice: "list_price", promo.BaseRunningTotal: "running_total"} {
		got, err := b.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, name, string(got))
		assert.Equal(t, name, b.String())
		back := promo.ThresholdBase(9)
		require.NoError(t, back.UnmarshalText([]byte(name)))
		assert.Equal(t, b, back)
	}
	assert.Equal(t, promo.ThresholdBase(0), promo.BaseAfterItems, "the zero value is the default")
	_, err := promo.ThresholdBase(3).MarshalText()
	assert.ErrorIs(t, err, promo.ErrUnknownName)
	assert.Equal(t, "ThresholdBase(3)", promo.ThresholdBase(3).String())
	b := promo.BaseRunningTotal
	err = b.UnmarshalText([]byte("discounted"))
	assert.ErrorIs(t, err, promo.ErrUnknownName)
	assert.Equal(t, promo.BaseRunningTotal, b, "an unknown name leaves the value unchanged")
	assert.Equal(t, `promo: unmarshal threshold base: "discounted": unknown name`, err.Error())
}

func TestThresholdBaseValidation(t *testing.T) {
	bad := promo.ThresholdBase(3)
	tier := []promo.Tier{{MinAmount: cny("100.00"), Off: cny("10.00")}}
	for _, a := range []promo.Action{
		promo.Threshold{Base: bad, Tiers: tier},
		promo.Gift{MinAmount: cny("100.00"), Base: bad, Options: []promo.GiftOption{{SKU: "cup", Qty: 1}}},
		promo.FreeShipping{MinAmount: cny("100.00"), Base: bad},
	} {
		_, err := promo.NewEngine(pricing.CNY, one("x", a))
		assertFieldError(t, err, promo.ErrInvalidAction, "promotions[0].action.base")
	}
}

func TestThresholdBaseJSON(t *testing.T) {
	head := `{"currency":"CNY","promotions":[`
	doc := head + `{"id":"a","action":{"kind":"threshold","tiers":[{"min_amount":"300.00","off":"30.00"}],"base":"running_total"}},` +
		`{"id":"b","action":{"kind":"gift","min_amount":"100.00","options":[{"sku":"cup","qty":1}],"base":"list_price"}},` +
		`{"id":"c","action":{"kind":"free-shipping","min_amount":"99.00","base":"after_items"}}]}`
	c, err := promo.DecodeCampaign([]byte(doc))
	require.NoError(t, err)
	want := []promo.Action{
		promo.Threshold{Base: promo.BaseRunningTotal, Tiers: []promo.Tier{{MinAmount: cny("300.00"), Off: cny("30.00")}}},
		promo.Gift{MinAmount: cny("100.00"), Base: promo.BaseListPrice, Options: []promo.GiftOption{{SKU: "cup", Qty: 1}}},
		promo.FreeShipping{MinAmount: cny("99.00")},
	}
	for i, p := range c.Promotions {
		assert.Equal(t, want[i], p.Action)
	}
	out, err := promo.EncodeCampaign(c)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"base": "running_total"`)
	assert.Contains(t, string(out), `"base": "list_price"`)
	assert.Equal(t, 2, strings.Count(string(out), `"base"`), "the default is left out")

	_, err = promo.DecodeCampaign([]byte(head + `{"id":"a","action":{"kind":"free-shipping","min_amount":"99.00","base":"initial"}}]}`))
	assertFieldError(t, err, promo.ErrInvalidAction, "promotions[0].action.base")
	assert.ErrorContains(t, err, `unknown base "initial": want after_items, list_price or running_total`)
}

// moneyText is m's String, empty for the zero Money.
func moneyText(m pricing.Money) string {
	if !m.IsValid() {
		return ""
	}
	return m.String()
}
