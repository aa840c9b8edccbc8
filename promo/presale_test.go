package promo_test

import (
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Presale with a growing deposit (定金膨胀, "付20抵50"): 20.00 paid in the
// deposit stage counts as 50.00 off in the balance stage.

var (
	presaleStart   = time.Date(2026, 10, 20, 20, 0, 0, 0, time.FixedZone("CST", 8*3600))
	balanceFrom    = time.Date(2026, 11, 11, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
	depositStageAt = time.Date(2026, 10, 25, 12, 0, 0, 0, time.FixedZone("CST", 8*3600))
)

func presale(refundable bool) promo.Promotion {
	return promo.Promotion{ID: "ps", Start: presaleStart, Target: promo.Selector{SKUs: []string{"cream"}},
		Action: promo.Presale{Deposit: cny("20.00"), Credit: cny("50.00"), BalanceFrom: balanceFrom, Refundable: refundable}}
}

func creamCart(qty int64, at time.Time) promo.Cart {
	l := line("cream", qty, "300.00")
	l.SKU = "cream"
	c := cart(l, line("other", 1, "40.00"))
	c.At = at
	return c
}

func TestPresaleDepositStage(t *testing.T) {
	// Before the balance stage: 2 creams pay 2 × 20.00 = 40.00 now, to
	// count 100.00 later; the other line pays no deposit.
	c := creamCart(2, depositStageAt)
	e, err := promo.NewEngine(c.Currency, []promo.Promotion{presale(false)})
	require.NoError(t, err)
	q, err := e.Deposits(c)
	require.NoError(t, err)
	assert.Equal(t, "CNY 40.00", q.Total.String())
	require.Len(t, q.Lines, 1)
	assert.Equal(t, promo.DepositLine{LineID: "cream", PromotionID: "ps", Qty: 2, Deposit: cny("40.00"), Credit: cny("100.00")}, q.Lines[0])
	// Evaluated now, the credit does not apply yet.
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	ex := explanation(t, res, "ps")
	assert.Equal(t, promo.NotStarted, ex.Reason)
	assert.Contains(t, ex.Detail, "deposit stage")
	// In the balance stage there is no deposit to pay.
	q, err = e.Deposits(creamCart(2, balanceFrom))
	require.NoError(t, err)
	assert.Empty(t, q.Lines)
	// Before the presale starts: none either.
	q, err = e.Deposits(creamCart(2, presaleStart.Add(-time.Hour)))
	require.NoError(t, err)
	assert.Empty(t, q.Lines)
}

func TestPresaleBalanceStage(t *testing.T) {
	// One cream at 300.00: the deposit counts 50.00, the balance is
	// 250.00; with the other line (40.00) the balance due is 290.00 and
	// 20.00 was paid before: 310.00 in all, 30.00 less than 340.00.
	c := creamCart(1, balanceFrom)
	res := run(t, c, []promo.Promotion{presale(false)})
	assert.Equal(t, "CNY 290.00", res.Total.String())
	assert.Equal(t, "CNY 20.00", res.DepositPaid.String())
	assert.Equal(t, []string{"250.00"}, unitsPaid(t, res, "cream"))
}

func TestPresaleThresholdOnBalance(t *testing.T) {
	// 满300减40 on the cream alone. Balance stage, default base (after
	// items): the cream counts its balance, 250.00: 50.00 missing, nothing
	// off. On the list price (300.00) it is reached: 40.00 off the
	// balance, due 210.00 + 40.00 (other line) = 250.00.
	target := promo.Selector{SKUs: []string{"cream"}}
	mj := promo.Promotion{ID: "mj", Target: target, Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("300.00"), Off: cny("40.00")}}}}
	c := creamCart(1, balanceFrom)
	res := run(t, c, []promo.Promotion{presale(false), mj})
	assert.Equal(t, "CNY 290.00", res.Total.String())
	assert.Equal(t, "CNY 50.00", explanation(t, res, "mj").MissingAmount.String())
	mj.Action = promo.Threshold{Base: promo.BaseListPrice, Tiers: []promo.Tier{{MinAmount: cny("300.00"), Off: cny("40.00")}}}
	res = run(t, c, []promo.Promotion{presale(false), mj})
	assert.Equal(t, "CNY 250.00", res.Total.String())
	assert.Equal(t, []string{"210.00"}, unitsPaid(t, res, "cream"))
	// Two creams: balance 500.00 ≥ 300.00 on the default base: 40.00 off.
	res = run(t, creamCart(2, balanceFrom), []promo.Promotion{presale(false), mj})
	assert.Equal(t, "CNY 40.00", res.OrderDiscount.String())
	assert.Equal(t, "CNY 40.00", res.DepositPaid.String())
}

func TestPresaleRefund(t *testing.T) {
	// Returning the cream (balance 250.00 paid): 250.00 back, and the
	// deposit 20.00 back when refundable, else kept.
	c := creamCart(1, balanceFrom)
	for _, refundable := range []bool{true, false} {
		e, err := promo.NewEngine(c.Currency, []promo.Promotion{presale(refundable)})
		require.NoError(t, err)
		res, err := e.Evaluate(c)
		require.NoError(t, err)
		q, err := e.Refund(c, res, map[string]int64{"cream": 1}, promo.RefundPolicy{Clawback: true})
		require.NoError(t, err)
		assert.Equal(t, "CNY 250.00", q.Refund.String())
		if refundable {
			assert.Equal(t, "CNY 20.00", q.DepositRefund.String())
			assert.False(t, q.DepositKept.IsValid())
		} else {
			assert.Equal(t, "CNY 20.00", q.DepositKept.String())
			assert.False(t, q.DepositRefund.IsValid())
		}
	}
}

func TestPresaleOverridesItemPromotions(t *testing.T) {
	// A 9折 on every item does not discount the cream: the presale claims
	// it, and is no choice (it applies whatever the 9折 would save). The
	// other line takes the 9折: 36.00.
	c := creamCart(1, balanceFrom)
	res := run(t, c, []promo.Promotion{presale(false), {ID: "nine", Action: promo.PercentOff{Rate: rate("9折")}}})
	assert.Equal(t, []string{"250.00"}, unitsPaid(t, res, "cream"))
	assert.Equal(t, []string{"36.00"}, unitsPaid(t, res, "other"))
}

func TestPresaleInvalid(t *testing.T) {
	base := promo.Presale{Deposit: cny("20.00"), Credit: cny("50.00"), BalanceFrom: balanceFrom}
	for name, a := range map[string]promo.Presale{
		"no deposit":      {Credit: cny("50.00"), BalanceFrom: balanceFrom},
		"credit < dep":    {Deposit: cny("20.00"), Credit: cny("10.00"), BalanceFrom: balanceFrom},
		"no balance_from": {Deposit: cny("20.00"), Credit: cny("50.00")},
	} {
		_, err := promo.NewEngine(cny("1").Currency(), one("x", a))
		assert.ErrorIs(t, err, promo.ErrInvalidAction, name)
	}
	for name, p := range map[string]promo.Promotion{
		"group":  {ID: "x", Group: "g", Action: base},
		"coupon": {ID: "x", Coupon: "C", Action: base},
		"budget": {ID: "x", Limits: promo.Limits{Budget: cny("100.00")}, Action: base},
	} {
		_, err := promo.NewEngine(cny("1").Currency(), []promo.Promotion{p})
		assert.ErrorIs(t, err, promo.ErrInvalidPromotion, name)
	}
}

func TestForcedFormsBesideExclusive(t *testing.T) {
	// An exclusive 8折 on every line does not exclude the presale credit
	// or the points: cream 300 - 50 credit = 250.00 (claimed by the
	// presale, no 8折), other 40.00 at 8折 = 32.00; then 1,000 points pay
	// 10.00 of 282.00 (allocated 250:32 by largest remainder: 8.87 and
	// 1.13): total 272.00.
	c := creamCart(1, balanceFrom)
	c.Points = 1000
	res := run(t, c, []promo.Promotion{presale(false), points100(0, ""),
		{ID: "excl", Exclusive: true, Action: promo.PercentOff{Rate: rate("8折")}}})
	assert.Equal(t, "CNY 272.00", res.Total.String())
	assert.Equal(t, []string{"241.13", "30.87"}, afters(res))
}

func TestPresaleRefundTamper(t *testing.T) {
	// A stored result that moves 0.01 of the other line into a presale
	// adjustment would return a 20.00 deposit never paid: refused.
	c := creamCart(1, balanceFrom)
	e, err := promo.NewEngine(c.Currency, []promo.Promotion{presale(true)})
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	other := &res.Lines[1]
	other.Adjustments = []promo.Adjustment{{PromotionID: "ps", Amount: cny("0.01"), PerUnit: []pricing.Money{cny("0.01")}}}
	other.UnitPaid = []pricing.Money{cny("39.99")}
	other.After = cny("39.99")
	_, err = e.Refund(c, res, map[string]int64{"other": 1}, promo.RefundPolicy{})
	assert.ErrorIs(t, err, promo.ErrInvalidReturn)
}

func TestPresaleCreditsSecondLine(t *testing.T) {
	// The presale's line second in the cart, and a unit at 0.00 (nothing
	// to credit, no deposit counted): 2 × 300.00 at 250.00 each, deposits
	// 40.00; the 0.00 sample line targeted too adds nothing.
	other := line("other", 1, "40.00")
	cream := line("cream", 2, "300.00")
	cream.SKU = "cream"
	sample := line("sample", 1, "0.00")
	sample.SKU = "cream"
	c := cart(other, cream, sample)
	c.At = balanceFrom
	res := run(t, c, []promo.Promotion{presale(false)})
	assert.Equal(t, []string{"250.00", "250.00"}, unitsPaid(t, res, "cream"))
	assert.Equal(t, "CNY 40.00", res.DepositPaid.String())
	assert.Equal(t, "CNY 540.00", res.Total.String())
}
