package promo_test

import (
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var testNow = time.Date(2026, 11, 11, 10, 0, 0, 0, time.UTC)

func cny(s string) pricing.Money { return pricing.MustNew(s, pricing.CNY) }

func line(id string, qty int64, price string) promo.Line {
	return promo.Line{ID: id, SKU: id, Qty: qty, UnitPrice: cny(price)}
}

func cart(lines ...promo.Line) promo.Cart {
	return promo.Cart{Currency: pricing.CNY, At: testNow, Lines: lines}
}

func evaluate(t *testing.T, c promo.Cart, promos []promo.Promotion, opts ...promo.Option) promo.Result {
	t.Helper()
	e, err := promo.NewEngine(pricing.CNY, promos, opts...)
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	return res
}

func explanation(t *testing.T, res promo.Result, id string) promo.Explanation {
	t.Helper()
	for _, e := range res.Explanations {
		if e.PromotionID == id {
			return e
		}
	}
	t.Fatalf("no explanation for %s", id)
	return promo.Explanation{}
}

// The pricing issue's known answer: 1000.00 with "100.00 off the order" and
// "10% off the order" applied in priority order on the running total.
func TestOrderPriorityOrder(t *testing.T) {
	hundred := promo.Promotion{ID: "hundred", Action: promo.AmountOff{Amount: cny("100.00"), Scope: promo.PerOrder}}
	tenPct := promo.Promotion{ID: "ten", Action: promo.PercentOff{Rate: pricing.MustRate("9折"), Scope: promo.PerOrder}}
	c := cart(line("a", 1, "1000.00"))

	tenPct.Priority = 2
	res := evaluate(t, c, []promo.Promotion{hundred, tenPct})
	assert.Equal(t, "CNY 800.00", res.Total.String(), "10%% first: 1000 × 0.9 - 100")

	tenPct.Priority, hundred.Priority = 1, 2
	res = evaluate(t, c, []promo.Promotion{hundred, tenPct})
	assert.Equal(t, "CNY 810.00", res.Total.String(), "100 off first: (1000 - 100) × 0.9")
}

// The promo issue's known answers on per-line rounding.
func TestPerLineRounding(t *testing.T) {
	ten := promo.Promotion{ID: "ten", Action: promo.PercentOff{Rate: pricing.MustRate("9折")}}
	res := evaluate(t, cart(line("a", 1, "1.06"), line("b", 1, "2.06"), line("c", 1, "3.06"), line("d", 1, "4.06")), []promo.Promotion{ten})
	var got []string
	for _, l := range res.Lines {
		require.Len(t, l.Adjustments, 1)
		got = append(got, l.Adjustments[0].Amount.StringAmount())
	}
	assert.Equal(t, []string{"0.11", "0.21", "0.31", "0.41"}, got)

	res = evaluate(t, cart(line("a", 10, "0.01")), []promo.Promotion{ten})
	assert.Equal(t, "CNY 0.09", res.Lines[0].After.String(), "ten units of 0.01 with 10% off: one 分 off the line")
}

func TestThresholdTiers(t *testing.T) {
	tiers := promo.Promotion{ID: "manjian", Action: promo.Threshold{Tiers: []promo.Tier{
		{MinAmount: cny("100"), Off: cny("10")}, {MinAmount: cny("200"), Off: cny("30")}, {MinAmount: cny("300"), Off: cny("50")},
	}}}
	res := evaluate(t, cart(line("a", 1, "150.00"), line("b", 1, "126.50")), []promo.Promotion{tiers})
	assert.Equal(t, "CNY 246.50", res.Total.String(), "276.50 reaches 200: 30 off")
	ex := explanation(t, res, "manjian")
	assert.Equal(t, promo.Applied, ex.Status)
	assert.Equal(t, "CNY 23.50", ex.MissingAmount.String())
	assert.Equal(t, "manjian: applied, 30.00 off on lines a, b: add 23.50 more to get 50.00 off in total", ex.String())
}

// A pointer to an action works like the action; a nil pointer is an error,
// never a panic.
func TestPointerActions(t *testing.T) {
	res := evaluate(t, cart(line("a", 1, "100.00")), []promo.Promotion{{ID: "p", Action: &promo.PercentOff{Rate: pricing.MustRate("9折")}}})
	assert.Equal(t, "CNY 90.00", res.Total.String())
	var nilAction *promo.PercentOff
	_, err := promo.NewEngine(pricing.CNY, []promo.Promotion{{ID: "p", Action: nilAction}})
	require.ErrorIs(t, err, promo.ErrInvalidPromotion)
	assert.Contains(t, err.Error(), "nil *promo.PercentOff")
}
