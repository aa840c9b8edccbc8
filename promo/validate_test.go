package promo_test

import (
	"errors"
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Invalid promotions and carts: each is a *promo.FieldError naming the
// promotion or line and the field, wrapping a sentinel.

func assertFieldError(t *testing.T, err error, sentinel error, path string) {
	t.Helper()
	require.Error(t, err)
	assert.ErrorIs(t, err, sentinel)
	var fe *promo.FieldError
	if assert.True(t, errors.As(err, &fe), "%v is not a *FieldError", err) {
		assert.Equal(t, path, fe.Field)
		assert.Same(t, sentinel, fe.Err)
	}
}

func TestNewEngineErrors(t *testing.T) {
	ok := promo.PercentOff{Rate: rate("9折")}
	p := func(id string, a promo.Action) promo.Promotion { return promo.Promotion{ID: id, Action: a} }
	usd := pricing.MustNew("5.00", pricing.USD)
	start := time.Date(2026, 11, 11, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		give     []promo.Promotion
		want     error
		wantPath string
	}{
		{"empty ID", []promo.Promotion{p("", ok)}, promo.ErrInvalidPromotion, `promotions[0].id`},
		{"duplicate IDs", []promo.Promotion{p("a", ok), p("b", ok), p("a", ok)}, promo.ErrDuplicateID, `promotions[2].id`},
		{"nil action", []promo.Promotion{p("a", nil)}, promo.ErrInvalidPromotion, `promotions[0].action`},
		{"end before start", []promo.Promotion{{ID: "a", Action: ok, Start: start, End: start.Add(-time.Hour)}}, promo.ErrInvalidPromotion, `promotions[0].end`},
		{"end equal to start", []promo.Promotion{{ID: "a", Action: ok, Start: start, End: start}}, promo.ErrInvalidPromotion, `promotions[0].end`},
		{"schedule without location", []promo.Promotion{{ID: "a", Action: ok, Schedule: &promo.Schedule{}}}, promo.ErrInvalidPromotion, `promotions[0].schedule.time_zone`},
		{"schedule hours reversed", []promo.Promotion{{ID: "a", Action: ok, Schedule: &promo.Schedule{TimeZone: time.UTC,
			Hours: []promo.ClockRange{{Start: promo.Clock(17, 0), End: promo.Clock(14, 0)}}}}}, promo.ErrInvalidPromotion, `promotions[0].schedule.hours[0]`},
		{"negative total limit", []promo.Promotion{{ID: "a", Action: ok, Limits: promo.Limits{Total: -1}}}, promo.ErrInvalidPromotion, `promotions[0].limits.total`},
		{"negative per-customer limit", []promo.Promotion{{ID: "a", Action: ok, Limits: promo.Limits{PerCustomer: -1}}}, promo.ErrInvalidPromotion, `promotions[0].limits.per_customer`},
		{"budget in USD", []promo.Promotion{{ID: "a", Action: ok, Limits: promo.Limits{Budget: usd}}}, promo.ErrInvalidAction, `promotions[0].limits.budget`},
		{"coupon of separators only", []promo.Promotion{{ID: "a", Action: ok, Coupon: " - "}}, promo.ErrInvalidPromotion, `promotions[0].coupon`},
		{"non-increasing tiers", []promo.Promotion{p("a", promo.Threshold{Tiers: []promo.Tier{
			{MinAmount: cny("200.00"), Off: cny("30.00")}, {MinAmount: cny("200.00"), Off: cny("50.00")}}})}, promo.ErrInvalidAction, `promotions[0].action.tiers[1].min_amount`},
		{"tiers and every", []promo.Promotion{p("a", promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("100.00"), Off: cny("10.00")}},
			Every: &promo.Step{Amount: cny("300.00"), Off: cny("30.00")}})}, promo.ErrInvalidAction, `promotions[0].action`},
		{"neither tiers nor every", []promo.Promotion{p("a", promo.Threshold{})}, promo.ErrInvalidAction, `promotions[0].action`},
		{"zero every step", []promo.Promotion{p("a", promo.Threshold{Every: &promo.Step{Amount: cny("0.00"), Off: cny("30.00")}})}, promo.ErrInvalidAction, `promotions[0].action.every.amount`},
		{"zero quantity step", []promo.Promotion{p("a", promo.Threshold{Basis: promo.ByQuantity, Every: &promo.Step{Off: cny("5.00")}})}, promo.ErrInvalidAction, `promotions[0].action.every.qty`},
		{"negative max times", []promo.Promotion{p("a", promo.Threshold{Every: &promo.Step{Amount: cny("300.00"), Off: cny("30.00"), MaxTimes: -1}})}, promo.ErrInvalidAction, `promotions[0].action.every.max_times`},
		{"tier without reward", []promo.Promotion{p("a", promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("100.00")}}})}, promo.ErrInvalidAction, `promotions[0].action.tiers[0].rate`},
		{"N below 2", []promo.Promotion{p("a", promo.NthItem{N: 1, Rate: rate("5折")})}, promo.ErrInvalidAction, `promotions[0].action.n`},
		{"rate 10折 takes nothing off", []promo.Promotion{p("a", promo.PercentOff{Rate: rate("10折")})}, promo.ErrInvalidAction, `promotions[0].action.rate`},
		{"zero rate", []promo.Promotion{p("a", promo.PercentOff{})}, promo.ErrInvalidAction, `promotions[0].action.rate`},
		{"rate with five decimals of its fraction", []promo.Promotion{p("a", promo.PercentOff{Rate: rate("8.88885折")})}, promo.ErrInvalidAction, `promotions[0].action.rate`},
		{"amount in USD", []promo.Promotion{p("a", promo.AmountOff{Amount: usd})}, promo.ErrInvalidAction, `promotions[0].action.amount`},
		{"unrounded amount", []promo.Promotion{p("a", promo.AmountOff{Amount: cny("5.005")})}, promo.ErrInvalidAction, `promotions[0].action.amount`},
		{"negative amount", []promo.Promotion{p("a", promo.AmountOff{Amount: cny("-5.00")})}, promo.ErrInvalidAction, `promotions[0].action.amount`},
		{"zero amount off", []promo.Promotion{p("a", promo.AmountOff{Amount: cny("0.00")})}, promo.ErrInvalidAction, `promotions[0].action.amount`},
		{"unknown scope", []promo.Promotion{p("a", promo.AmountOff{Amount: cny("1.00"), Scope: 7})}, promo.ErrInvalidAction, `promotions[0].action.scope`},
		{"cap in USD", []promo.Promotion{p("a", promo.PercentOff{Rate: rate("9折"), Cap: usd})}, promo.ErrInvalidAction, `promotions[0].action.cap`},
		{"buy zero", []promo.Promotion{p("a", promo.BuyXGetY{GetQty: 1, Free: true})}, promo.ErrInvalidAction, `promotions[0].action.buy_qty`},
		{"bundle of one", []promo.Promotion{p("a", promo.BundlePrice{Qty: 1, Price: cny("9.90")})}, promo.ErrInvalidAction, `promotions[0].action.qty`},
		{"combo without parts", []promo.Promotion{p("a", promo.Combo{Price: cny("9.90")})}, promo.ErrInvalidAction, `promotions[0].action.parts`},
		{"member tier twice", []promo.Promotion{p("a", promo.MemberPrice{Tiers: []promo.MemberTier{
			{Tier: "gold", Price: cny("1.00")}, {Tier: "gold", Price: cny("2.00")}}})}, promo.ErrInvalidAction, `promotions[0].action.tiers[1].tier`},
		{"gift without options", []promo.Promotion{p("a", promo.Gift{MinAmount: cny("300.00")})}, promo.ErrInvalidAction, `promotions[0].action.options`},
		{"gift with amount and quantity", []promo.Promotion{p("a", promo.Gift{MinAmount: cny("300.00"), MinQty: 2,
			Options: []promo.GiftOption{{SKU: "cup", Qty: 1}}})}, promo.ErrInvalidAction, `promotions[0].action`},
		{"shipping off in USD", []promo.Promotion{p("a", promo.FreeShipping{Off: usd})}, promo.ErrInvalidAction, `promotions[0].action.off`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := promo.NewEngine(pricing.CNY, tt.give)
			assertFieldError(t, err, tt.want, tt.wantPath)
		})
	}
}

func TestNewEngineOptionErrors(t *testing.T) {
	_, err := promo.NewEngine(pricing.CNY, nil, promo.WithWorkBudget(0))
	assertFieldError(t, err, promo.ErrInvalidOption, "WithWorkBudget")
	_, err = promo.NewEngine(pricing.Currency(0), nil)
	assertFieldError(t, err, promo.ErrInvalidPromotion, "currency")
}

func TestNewEngineValid(t *testing.T) {
	// The definitions the error table breaks, in valid form, build.
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
		{ID: "b", Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("100.00"), Off: cny("10.00")}, {MinAmount: cny("200.00"), Off: cny("30.00")}}}},
		{ID: "a", Priority: 1, Action: promo.FixedPrice{Price: cny("0.00")}},
		{ID: "c", Action: promo.PercentOff{Rate: rate("8.75折")}},
	})
	require.NoError(t, err)
	var ids []string
	for _, p := range e.Promotions() {
		ids = append(ids, p.ID)
	}
	// a and c are item promotions (a first by priority), b is an order one.
	assert.Equal(t, []string{"a", "c", "b"}, ids, "application order: layer, then priority, then ID")
}

func TestCartErrors(t *testing.T) {
	valid := func() promo.Cart { return cart(line("a", 1, "10.00"), line("b", 2, "5.00")) }
	with := func(f func(*promo.Cart)) promo.Cart { c := valid(); f(&c); return c }
	tests := []struct {
		name     string
		give     promo.Cart
		want     error
		wantPath string
	}{
		{"no currency", with(func(c *promo.Cart) { c.Currency = pricing.Currency(0) }), promo.ErrInvalidCart, "currency"},
		{"another currency than the engine", with(func(c *promo.Cart) {
			c.Currency = pricing.USD
			c.Lines = []promo.Line{{ID: "a", SKU: "a", Qty: 1, UnitPrice: pricing.MustNew("1.00", pricing.USD)}}
		}), promo.ErrInvalidCart, "currency"},
		{"zero time", with(func(c *promo.Cart) { c.At = time.Time{} }), promo.ErrInvalidCart, "at"},
		{"unknown rounding", with(func(c *promo.Cart) { c.Rounding = 99 }), promo.ErrInvalidCart, "rounding"},
		{"negative shipping", with(func(c *promo.Cart) { c.Shipping = cny("-1.00") }), promo.ErrInvalidCart, "shipping"},
		{"empty line ID", with(func(c *promo.Cart) { c.Lines[1].ID = "" }), promo.ErrInvalidCart, `lines[1].id`},
		{"duplicate line IDs", with(func(c *promo.Cart) { c.Lines[1].ID = "a" }), promo.ErrDuplicateID, `lines[1].id`},
		{"qty 0", with(func(c *promo.Cart) { c.Lines[1].Qty = 0 }), promo.ErrInvalidCart, `lines[1].qty`},
		{"negative qty", with(func(c *promo.Cart) { c.Lines[0].Qty = -1 }), promo.ErrInvalidCart, `lines[0].qty`},
		{"negative price", with(func(c *promo.Cart) { c.Lines[1].UnitPrice = cny("-5.00") }), promo.ErrInvalidCart, `lines[1].unit_price`},
		{"unrounded price", with(func(c *promo.Cart) { c.Lines[1].UnitPrice = cny("5.001") }), promo.ErrInvalidCart, `lines[1].unit_price`},
		{"price in USD", with(func(c *promo.Cart) { c.Lines[0].UnitPrice = pricing.MustNew("5.00", pricing.USD) }), promo.ErrInvalidCart, `lines[0].unit_price`},
		{"missing price", with(func(c *promo.Cart) { c.Lines[0].UnitPrice = pricing.Money{} }), promo.ErrInvalidCart, `lines[0].unit_price`},
		{"unrounded list price", with(func(c *promo.Cart) { c.Lines[0].ListPrice = cny("12.345") }), promo.ErrInvalidCart, `lines[0].list_price`},
		{"more than MaxUnits in one line", with(func(c *promo.Cart) { c.Lines[0].Qty = promo.MaxUnits + 1 }), promo.ErrTooLarge, `lines[0].qty`},
		{"more than MaxUnits across lines", with(func(c *promo.Cart) { c.Lines[0].Qty = promo.MaxUnits - 1 }), promo.ErrTooLarge, `lines[1].qty`},
		{"subtotal beyond MaxMinorUnits", with(func(c *promo.Cart) { c.Lines[1].UnitPrice = cny("60000000000.00") }), promo.ErrTooLarge, `lines[1].unit_price`},
	}
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{ninety("p")})
	require.NoError(t, err)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.Evaluate(tt.give)
			assertFieldError(t, err, tt.want, tt.wantPath)
		})
	}
	// Cart.Validate gives the same errors without an engine.
	assertFieldError(t, with(func(c *promo.Cart) { c.Lines[1].Qty = 0 }).Validate(), promo.ErrInvalidCart, `lines[1].qty`)
	assert.NoError(t, valid().Validate())
	assert.NoError(t, with(func(c *promo.Cart) { c.Lines[0].Qty = promo.MaxUnits - 2 }).Validate(), "exactly MaxUnits units")
}

func TestFieldErrorMessage(t *testing.T) {
	_, err := promo.NewEngine(pricing.CNY, []promo.Promotion{{ID: "a", Action: promo.NthItem{N: 1, Rate: rate("5折")}}})
	require.Error(t, err)
	assert.Equal(t, `promo: new engine: promotions[0].action.n 1: invalid action: must be at least 2`, err.Error())
}

// Every problem is reported at once: two in one promotion, one in another,
// and a duplicate ID, joined in one error that errors.Is and errors.As see.
func TestNewEngineCollectsEveryProblem(t *testing.T) {
	_, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
		{ID: "a", Action: promo.NthItem{N: 1, Rate: pricing.Rate{}}},
		{ID: "b", Limits: promo.Limits{Total: -1}, Action: promo.AmountOff{Amount: cny("1.00")}},
		{ID: "b", Action: promo.AmountOff{Amount: cny("1.00")}},
	})
	require.Error(t, err)
	msg := err.Error()
	for _, want := range []string{
		`promotions[0].action.n 1`, `promotions[0].action.rate`,
		`promotions[1].limits.total -1`, `promotions[2].id`,
	} {
		assert.Contains(t, msg, want)
	}
	assert.ErrorIs(t, err, promo.ErrInvalidAction)
	assert.ErrorIs(t, err, promo.ErrInvalidPromotion)
	assert.ErrorIs(t, err, promo.ErrDuplicateID)
	var fe *promo.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, `promotions[0].action.n`, fe.Field, "errors.As finds the first problem")
}
