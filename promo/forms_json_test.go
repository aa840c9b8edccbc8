package promo_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// formsOrder is a representative order of the newer forms: a presale line
// in its balance stage, a unit cap, a coupon returned, points and an O2O
// delivery.
func formsOrder(t *testing.T) (promo.Engine, promo.Cart, promo.Result) {
	t.Helper()
	ps := []promo.Promotion{
		{ID: "pre", Target: promo.Selector{SKUs: []string{"cream"}}, Action: promo.Presale{Deposit: cny("20.00"), Credit: cny("50.00"),
			BalanceFrom: time.Date(2026, 11, 11, 0, 0, 0, 0, time.UTC), Refundable: true}},
		{ID: "cap", Target: promo.Selector{SKUs: []string{"tea"}}, Action: promo.LimitedUnits{Rate: rate("5折"), PerLine: 1}},
		{ID: "fan", Action: promo.IssueCoupon{MinAmount: cny("200.00"), Template: "next-20", Name: "下单返20", Qty: 1, Value: cny("20.00")}},
		{ID: "pts", Action: promo.PointsRedemption{Points: 100, Value: cny("1.00"), MaxAmount: cny("10.00")}},
	}
	e, err := promo.NewEngine(pricing.CNY, ps)
	require.NoError(t, err)
	c := cart(promo.Line{ID: "cream", SKU: "cream", Qty: 1, UnitPrice: cny("300.00")},
		promo.Line{ID: "tea", SKU: "tea", Qty: 2, UnitPrice: cny("30.00")})
	c.Points = 5000
	c.Delivery = &promo.Delivery{DistanceMeters: 2500, Fees: promo.DeliveryFees{MinOrder: cny("20.00"),
		Bands: []promo.DeliveryBand{{UpToMeters: 3000, Fee: cny("6.00")}}}}
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	return e, c, res
}

func TestFormsResultJSONGolden(t *testing.T) {
	// Hand arithmetic: cream 300.00 - 50.00 credit = 250.00; tea 30.00 +
	// 15.00 (5折 on one unit) = 45.00; goods 295.00 ≥ 200.00 after items:
	// the coupon is issued. Points: 10.00 at most, 1,000 of the 5,000
	// offered, spread 250:45 (8.47 and 1.53). Delivery 6.00. Total
	// 295.00 - 10.00 + 6.00 = 291.00; deposit 20.00 paid before.
	e, c, res := formsOrder(t)
	require.Equal(t, "CNY 291.00", res.Total.String())
	assert.Equal(t, "CNY 20.00", res.DepositPaid.String())
	assert.Equal(t, int64(1000), res.PointsUsed)
	data := checkGolden(t, "result_forms.json", res)
	var back promo.Result
	require.NoError(t, json.Unmarshal(data, &back))
	again, err := json.MarshalIndent(back, "", "  ")
	require.NoError(t, err)
	assert.Equal(t, string(data), string(again)+"\n", "decode -> encode")
	// Returning the cream: 241.53 paid back (250.00 - 8.47 points), 847
	// points, the refundable deposit 20.00; the kept tea (45.00) no longer
	// earns the coupon.
	q, err := e.Refund(c, back, map[string]int64{"cream": 1}, promo.RefundPolicy{Clawback: true})
	require.NoError(t, err)
	assert.Equal(t, "CNY 241.53", q.Refund.String())
	assert.Equal(t, int64(847), q.Points)
	assert.Equal(t, "CNY 20.00", q.DepositRefund.String())
	require.Len(t, q.CouponsToRevoke, 1)
	checkGolden(t, "refund_quote_forms.json", q)
}

func TestDepositQuoteJSONGolden(t *testing.T) {
	e, c, _ := formsOrder(t)
	c.At = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	q, err := e.Deposits(c)
	require.NoError(t, err)
	require.Equal(t, "CNY 20.00", q.Total.String())
	data := checkGolden(t, "deposit_quote.json", q)
	var back promo.DepositQuote
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, q, back)
}

// The golden campaign of every newer kind exists and decodes to its kind.
func TestFormsCampaignGolden(t *testing.T) {
	for _, k := range []string{"limited-units", "issue-coupon", "points-redemption", "presale", "buy-x-get-y-partial"} {
		data, err := os.ReadFile(filepath.Join("testdata", k+".json"))
		require.NoError(t, err, k)
		c, err := promo.DecodeCampaign(data)
		require.NoError(t, err, k)
		require.NotEmpty(t, c.Promotions)
		if k != "buy-x-get-y-partial" {
			assert.Equal(t, k, c.Promotions[0].Action.Kind())
		}
	}
	// Strict decoding: an unknown pick and an unknown key are refused.
	_, err := promo.DecodeCampaign([]byte(`{"currency":"CNY","promotions":[{"id":"a","action":{"kind":"limited-units","rate":"8折","per_line":1,"pick":"random"}}]}`))
	assert.ErrorIs(t, err, promo.ErrInvalidAction)
	_, err = promo.DecodeCampaign([]byte(`{"currency":"CNY","promotions":[{"id":"a","action":{"kind":"points-redemption","points":100,"value":"1.00","share":5}}]}`))
	assert.ErrorIs(t, err, promo.ErrInvalidAction)
	_, err = promo.DecodeCampaign([]byte(`{"currency":"CNY","promotions":[{"id":"a","action":{"kind":"presale","deposit":"1.00","credit":"2.00"}}]}`))
	assert.ErrorIs(t, err, promo.ErrInvalidAction, "balance_from is required")
}
