package promo_test

import (
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Results a service can use directly (issue 13).

func TestResultLookupsAndTotals(t *testing.T) {
	// A: 2 × 100.00 at 9折 (20.00 off, 180.00 after items); B: 50.00.
	// 满200减20 on 230.00 after items: 20.00 off. Shipping 10.00, 满200包邮
	// waives it. Total 210.00; saved 20.00 + 20.00 + 10.00 = 50.00.
	c := cart(line("A", 2, "100.00"), line("B", 1, "50.00"))
	c.Shipping = cny("10.00")
	res := run(t, c, []promo.Promotion{
		{ID: "zhe", Target: promo.Selector{SKUs: []string{"A"}}, Action: promo.PercentOff{Rate: rate("9折")}},
		{ID: "manjian", Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("200.00"), Off: cny("20.00")}}}},
		{ID: "ship", Action: promo.FreeShipping{MinAmount: cny("200.00")}},
	})
	assert.Equal(t, "CNY 210.00", res.Total.String())
	assert.Equal(t, "CNY 230.00", res.AfterItems.String())
	assert.Equal(t, "CNY 50.00", res.Saved.String())

	a, ok := res.Line("A")
	require.True(t, ok)
	assert.Equal(t, "A", a.ID)
	assert.Equal(t, int64(2), a.Qty)
	b, ok := res.Line("B")
	require.True(t, ok)
	assert.Equal(t, "B", b.ID)
	_, ok = res.Line("C")
	assert.False(t, ok)

	ex, ok := res.Explanation("manjian")
	require.True(t, ok)
	assert.Equal(t, "manjian", ex.PromotionID)
	assert.Equal(t, "CNY 20.00", ex.Amount.String())
	ex, ok = res.Explanation("ship")
	require.True(t, ok)
	assert.Equal(t, "ship", ex.PromotionID)
	_, ok = res.Explanation("nope")
	assert.False(t, ok)
	assert.Equal(t, promo.Explanation{}, func() promo.Explanation { e, _ := res.Explanation("nope"); return e }())
	assert.Equal(t, promo.LineResult{}, func() promo.LineResult { l, _ := res.Line("nope"); return l }())
}

func TestRefundUndeductedSign(t *testing.T) {
	// 满100减50 on 90.00 + 20.00 = 110.00: the 50.00 is allocated 40.91
	// (5000 × 9000 / 11000 = 4090.9) and 9.09, so A paid 49.09 and B 10.91.
	// Return B: the kept 90.00 no longer reaches 100, a clawback of 40.91
	// of which B's 10.91 is deducted; 30.00 stays undeducted (positive),
	// and the refund is 0.00.
	c := cart(line("A", 1, "90.00"), line("B", 1, "20.00"))
	ps := one("mj", promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("100.00"), Off: cny("50.00")}}})
	res, q := refund(t, c, ps, map[string]int64{"B": 1}, promo.RefundPolicy{Clawback: true})
	require.Equal(t, "CNY 60.00", res.Total.String())
	assert.Equal(t, "CNY 10.91", q.Paid.String())
	assert.Equal(t, "CNY 40.91", q.ClawbackTotal.String())
	assert.Equal(t, "CNY 10.91", q.Deducted.String())
	assert.Equal(t, "CNY 30.00", q.Undeducted.String())
	assert.Equal(t, "CNY 0.00", q.Refund.String())
}
