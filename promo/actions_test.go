package promo_test

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Worked carts for every action. Each test states the arithmetic in a
// comment; amounts are compared as strings so 1.5 and 1.50 cannot pass for
// each other.

// minorOf returns m in 分, failing the test when m is not a valid rounded
// amount.
func minorOf(t testing.TB, what string, m pricing.Money) int64 {
	t.Helper()
	require.True(t, m.IsValid(), "%s is the zero Money", what)
	v, err := m.MinorUnits()
	require.NoError(t, err, "%s = %s", what, m)
	return v
}

// checkInvariants locks the money invariants every result must hold:
//
//	Σ line After = Total - ShippingAfter
//	Σ UnitPaid of a line = After, one entry per unit
//	Σ PerUnit of an adjustment = Amount, one entry per unit
//	Before - Σ adjustments = After for every line
//	Σ Before = Subtotal
//	Σ adjustments = ItemDiscount + OrderDiscount
//	Total = Subtotal - ItemDiscount - OrderDiscount + ShippingAfter
//	no unit and no amount below zero
func checkInvariants(t *testing.T, res promo.Result) {
	t.Helper()
	subtotal := minorOf(t, "Subtotal", res.Subtotal)
	item := minorOf(t, "ItemDiscount", res.ItemDiscount)
	order := minorOf(t, "OrderDiscount", res.OrderDiscount)
	shipBefore := minorOf(t, "ShippingBefore", res.ShippingBefore)
	shipAfter := minorOf(t, "ShippingAfter", res.ShippingAfter)
	total := minorOf(t, "Total", res.Total)
	var points int64 // PointsDiscount, left out when no points were spent
	if res.PointsDiscount.IsValid() {
		points = minorOf(t, "PointsDiscount", res.PointsDiscount)
	}
	assert.Equal(t, subtotal-item-order-points+shipAfter, total, "Total = Subtotal - ItemDiscount - OrderDiscount - PointsDiscount + ShippingAfter")
	assert.Equal(t, subtotal-item, minorOf(t, "AfterItems", res.AfterItems), "AfterItems = Subtotal - ItemDiscount")
	assert.Equal(t, subtotal+shipBefore-points-total, minorOf(t, "Saved", res.Saved), "Saved = Subtotal + ShippingBefore - PointsDiscount - Total")
	order += points // the adjustments include the points'
	assert.GreaterOrEqual(t, shipAfter, int64(0), "ShippingAfter")
	assert.LessOrEqual(t, shipAfter, shipBefore, "ShippingAfter <= ShippingBefore")
	assert.GreaterOrEqual(t, item, int64(0), "ItemDiscount")
	assert.GreaterOrEqual(t, order, int64(0), "OrderDiscount")
	var sumAfter, sumBefore, sumAdj int64
	for _, l := range res.Lines {
		before := minorOf(t, l.ID+" Before", l.Before)
		after := minorOf(t, l.ID+" After", l.After)
		assert.Equal(t, minorOf(t, l.ID+" UnitPrice", l.UnitPrice)*l.Qty, before, "line %s Before = UnitPrice × Qty", l.ID)
		sumAfter += after
		sumBefore += before
		if assert.Len(t, l.UnitPaid, int(l.Qty), "line %s UnitPaid has one entry per unit", l.ID) {
			var s int64
			for k, u := range l.UnitPaid {
				v := minorOf(t, l.ID+" UnitPaid", u)
				assert.GreaterOrEqual(t, v, int64(0), "line %s unit %d pays %s", l.ID, k, u)
				s += v
			}
			assert.Equal(t, after, s, "line %s: Σ UnitPaid = After", l.ID)
		}
		var lineAdj int64
		for _, a := range l.Adjustments {
			amt := minorOf(t, l.ID+" adjustment "+a.PromotionID, a.Amount)
			assert.Positive(t, amt, "line %s adjustment %s", l.ID, a.PromotionID)
			lineAdj += amt
			if assert.Len(t, a.PerUnit, int(l.Qty), "line %s adjustment %s PerUnit", l.ID, a.PromotionID) {
				var s int64
				for _, u := range a.PerUnit {
					v := minorOf(t, l.ID+" PerUnit", u)
					assert.GreaterOrEqual(t, v, int64(0))
					s += v
				}
				assert.Equal(t, amt, s, "line %s adjustment %s: Σ PerUnit = Amount", l.ID, a.PromotionID)
			}
		}
		assert.Equal(t, before-lineAdj, after, "line %s: Before - Σ adjustments = After", l.ID)
		sumAdj += lineAdj
	}
	assert.Equal(t, total-shipAfter, sumAfter, "Σ line After = Total - ShippingAfter")
	assert.Equal(t, subtotal, sumBefore, "Σ Before = Subtotal")
	assert.Equal(t, item+order, sumAdj, "Σ adjustments = ItemDiscount + OrderDiscount")
	for _, r := range res.Redemptions {
		assert.False(t, r.Amount.IsNegative(), "redemption %s", r.PromotionID)
	}
}

// checkFloor asserts that no unit of the cart pays below ratio × its list
// price (rounded up to the 分) unless a promotion whose campaign is in
// exempt discounted it.
func checkFloor(t *testing.T, c promo.Cart, promos []promo.Promotion, res promo.Result, payPercent int64, exempt ...string) {
	t.Helper()
	campaign := map[string]string{}
	for _, p := range promos {
		campaign[p.ID] = p.Campaign
	}
	require.Len(t, res.Lines, len(c.Lines))
	for i, l := range c.Lines {
		list := l.ListPrice
		if !list.IsValid() {
			list = l.UnitPrice
		}
		floor := (minorOf(t, "list", list)*payPercent + 99) / 100
		for k, u := range res.Lines[i].UnitPaid {
			exemptUnit := false
			for _, a := range res.Lines[i].Adjustments {
				if a.PerUnit[k].IsPositive() {
					for _, e := range exempt {
						exemptUnit = exemptUnit || campaign[a.PromotionID] == e
					}
				}
			}
			if !exemptUnit {
				assert.GreaterOrEqual(t, minorOf(t, "unit", u), floor, "line %s unit %d pays %s, floor %d分", l.ID, k, u, floor)
			}
		}
	}
}

// run evaluates and checks the invariants.
func run(t *testing.T, c promo.Cart, promos []promo.Promotion, opts ...promo.Option) promo.Result {
	t.Helper()
	res := evaluate(t, c, promos, opts...)
	checkInvariants(t, res)
	return res
}

func lineResult(t *testing.T, res promo.Result, id string) promo.LineResult {
	t.Helper()
	for _, l := range res.Lines {
		if l.ID == id {
			return l
		}
	}
	t.Fatalf("no line %s", id)
	return promo.LineResult{}
}

// unitsPaid renders what each unit of line id pays: "48.00 48.00".
func unitsPaid(t *testing.T, res promo.Result, id string) []string {
	t.Helper()
	var out []string
	for _, u := range lineResult(t, res, id).UnitPaid {
		out = append(out, u.StringAmount())
	}
	return out
}

// afters renders every line's After in cart order.
func afters(res promo.Result) []string {
	var out []string
	for _, l := range res.Lines {
		out = append(out, l.After.StringAmount())
	}
	return out
}

func rate(zhe string) pricing.Rate { return pricing.MustRate(zhe) }

func one(id string, a promo.Action) []promo.Promotion {
	return []promo.Promotion{{ID: id, Action: a}}
}

func TestPercentOffPerUnit(t *testing.T) {
	// a: 2 × 100.00 at 8折: 20.00 off each, 40.00 on the line.
	// b: 1 × 35.50 at 8折: 7.10 off.
	// Subtotal 235.50, ItemDiscount 47.10, Total 188.40.
	c := cart(line("a", 2, "100.00"), line("b", 1, "35.50"))
	res := run(t, c, one("p", promo.PercentOff{Rate: rate("8折")}))
	assert.Equal(t, "CNY 235.50", res.Subtotal.String())
	assert.Equal(t, "CNY 47.10", res.ItemDiscount.String())
	assert.Equal(t, "CNY 0.00", res.OrderDiscount.String())
	assert.Equal(t, "CNY 188.40", res.Total.String())
	assert.Equal(t, []string{"80.00", "80.00"}, unitsPaid(t, res, "a"))
	assert.Equal(t, []string{"28.40"}, unitsPaid(t, res, "b"))
	ex := explanation(t, res, "p")
	assert.Equal(t, promo.Applied, ex.Status)
	assert.Equal(t, "CNY 47.10", ex.Amount.String())
	assert.Equal(t, []string{"a", "b"}, ex.Lines)
	require.Len(t, res.Redemptions, 1)
	assert.Equal(t, "CNY 47.10", res.Redemptions[0].Amount.String())
}

func TestPercentOffCap(t *testing.T) {
	// 8折 would take 47.10 off 235.50; the cap 最高优惠30元 holds it to 30.00,
	// 17.10 capped. Total 235.50 - 30.00 = 205.50.
	c := cart(line("a", 2, "100.00"), line("b", 1, "35.50"))
	res := run(t, c, one("p", promo.PercentOff{Rate: rate("8折"), Cap: cny("30.00")}))
	assert.Equal(t, "CNY 205.50", res.Total.String())
	ex := explanation(t, res, "p")
	assert.Equal(t, promo.Applied, ex.Status)
	assert.Equal(t, "CNY 30.00", ex.Amount.String())
	assert.Equal(t, "CNY 17.10", ex.Capped.String())
	assert.Equal(t, "p: applied, 30.00 off on lines a, b; 17.10 cut by the budget or cap", ex.String())
}

func TestPercentOffPerOrder(t *testing.T) {
	// 整单8折 on 235.50: 47.10 off, rounded once, an order discount.
	// Allocated by line totals: a 200.00/235.50 × 47.10 = 40.00 (20.00 a
	// unit), b 35.50/235.50 × 47.10 = 7.10. Total 188.40.
	c := cart(line("a", 2, "100.00"), line("b", 1, "35.50"))
	res := run(t, c, one("p", promo.PercentOff{Rate: rate("8折"), Scope: promo.PerOrder}))
	assert.Equal(t, "CNY 0.00", res.ItemDiscount.String())
	assert.Equal(t, "CNY 47.10", res.OrderDiscount.String())
	assert.Equal(t, "CNY 188.40", res.Total.String())
	assert.Equal(t, []string{"160.00", "28.40"}, afters(res))
	assert.Equal(t, []string{"80.00", "80.00"}, unitsPaid(t, res, "a"))

	// With a cap of 10.00: 47.10 → 10.00, 37.10 capped; a gets
	// 10 × 200/235.5 = 8.49..., b 1.50...; the sum is exact.
	res = run(t, c, one("p", promo.PercentOff{Rate: rate("8折"), Scope: promo.PerOrder, Cap: cny("10.00")}))
	assert.Equal(t, "CNY 225.50", res.Total.String())
	assert.Equal(t, "CNY 37.10", explanation(t, res, "p").Capped.String())
}

func TestAmountOffPerUnit(t *testing.T) {
	// 直降10 per unit: a 2 × 25.00 → 15.00 each (20.00 off); b 1 × 6.00
	// cannot go below zero: 6.00 off, pays 0.00. Subtotal 56.00, off 26.00,
	// Total 30.00.
	c := cart(line("a", 2, "25.00"), line("b", 1, "6.00"))
	res := run(t, c, one("p", promo.AmountOff{Amount: cny("10.00")}))
	assert.Equal(t, "CNY 30.00", res.Total.String())
	assert.Equal(t, []string{"15.00", "15.00"}, unitsPaid(t, res, "a"))
	assert.Equal(t, []string{"0.00"}, unitsPaid(t, res, "b"))
	assert.Equal(t, "CNY 26.00", explanation(t, res, "p").Amount.String())
}

func TestAmountOffPerOrder(t *testing.T) {
	// 立减20 on the order of 56.00: allocated a 50/56 × 20 = 17.857 → 17.86,
	// b 6/56 × 20 = 2.142 → 2.14 (largest remainder), Total 36.00.
	c := cart(line("a", 2, "25.00"), line("b", 1, "6.00"))
	res := run(t, c, one("p", promo.AmountOff{Amount: cny("20.00"), Scope: promo.PerOrder}))
	assert.Equal(t, "CNY 36.00", res.Total.String())
	assert.Equal(t, "CNY 20.00", res.OrderDiscount.String())
	assert.Equal(t, []string{"32.14", "3.86"}, afters(res))

	// 立减100 on 56.00: never below zero, 56.00 off, Total 0.00.
	res = run(t, c, one("p", promo.AmountOff{Amount: cny("100.00"), Scope: promo.PerOrder}))
	assert.Equal(t, "CNY 0.00", res.Total.String())
	assert.Equal(t, "CNY 56.00", explanation(t, res, "p").Amount.String())
}

func TestFixedPrice(t *testing.T) {
	// 一口价59: a at 79.00 → 59.00 (20.00 off each, 40.00 for 2); b at 49.00
	// is already cheaper and keeps its price. Total 118.00 + 49.00 = 167.00.
	c := cart(line("a", 2, "79.00"), line("b", 1, "49.00"))
	res := run(t, c, one("p", promo.FixedPrice{Price: cny("59.00")}))
	assert.Equal(t, "CNY 167.00", res.Total.String())
	assert.Equal(t, []string{"59.00", "59.00"}, unitsPaid(t, res, "a"))
	assert.Empty(t, lineResult(t, res, "b").Adjustments)
	ex := explanation(t, res, "p")
	assert.Equal(t, "CNY 40.00", ex.Amount.String())
	assert.Equal(t, []string{"a"}, ex.Lines)

	// Every unit already cheaper: nothing to save.
	res = run(t, cart(line("b", 1, "49.00")), one("p", promo.FixedPrice{Price: cny("59.00")}))
	ex = explanation(t, res, "p")
	assert.Equal(t, promo.NotApplicable, ex.Status)
	assert.Equal(t, promo.NoSaving, ex.Reason)
}

func manjianTiers() promo.Threshold {
	return promo.Threshold{Tiers: []promo.Tier{
		{MinAmount: cny("100.00"), Off: cny("10.00")},
		{MinAmount: cny("200.00"), Off: cny("30.00")},
		{MinAmount: cny("300.00"), Off: cny("50.00")},
	}}
}

func TestThresholdTiersByAmount(t *testing.T) {
	// 300.00 reaches the top tier exactly (满 is inclusive): 50.00 off,
	// Total 250.00, nothing missing.
	res := run(t, cart(line("a", 1, "300.00")), one("mj", manjianTiers()))
	ex := explanation(t, res, "mj")
	assert.Equal(t, "CNY 250.00", res.Total.String())
	assert.Equal(t, "CNY 50.00", ex.Amount.String())
	assert.False(t, ex.MissingAmount.IsPositive())
	assert.Equal(t, "mj: applied, 50.00 off on lines a", ex.String())

	// 99.99 reaches nothing: 0.01 missing to get 10.00 off.
	res = run(t, cart(line("a", 1, "99.99")), one("mj", manjianTiers()))
	ex = explanation(t, res, "mj")
	assert.Equal(t, "CNY 99.99", res.Total.String())
	assert.Equal(t, promo.NotApplicable, ex.Status)
	assert.Equal(t, promo.BelowThreshold, ex.Reason)
	assert.Equal(t, "CNY 0.01", ex.MissingAmount.String())
	assert.Equal(t, "CNY 10.00", ex.NextReward.String())
	assert.Equal(t, "mj: not applicable: below threshold: add 0.01 more to get 10.00 off", ex.String())
	assert.Empty(t, res.Redemptions)
}

func TestThresholdTiersByQuantity(t *testing.T) {
	// 满2件8折, 满3件7折: two units (100.00 + 50.00) reach 满2件: 20% of
	// 150.00 = 30.00 off, Total 120.00; one more item reaches 7折 (a rate,
	// so no amount is promised). Allocation: a 100/150 × 30 = 20.00, b 10.00.
	th := promo.Threshold{Basis: promo.ByQuantity, Tiers: []promo.Tier{
		{MinQty: 2, Rate: rate("8折")},
		{MinQty: 3, Rate: rate("7折")},
	}}
	res := run(t, cart(line("a", 1, "100.00"), line("b", 1, "50.00")), one("mz", th))
	ex := explanation(t, res, "mz")
	assert.Equal(t, "CNY 120.00", res.Total.String())
	assert.Equal(t, "CNY 30.00", res.OrderDiscount.String())
	assert.Equal(t, []string{"80.00", "40.00"}, afters(res))
	assert.Equal(t, int64(1), ex.MissingQty)
	assert.False(t, ex.NextReward.IsPositive())
	assert.Equal(t, "mz: applied, 30.00 off on lines a, b: add 1 more item to reach the next tier", ex.String())

	// Three units (100 + 50 + 30 = 180.00) at 7折: 54.00 off, Total 126.00.
	res = run(t, cart(line("a", 1, "100.00"), line("b", 1, "50.00"), line("c", 1, "30.00")), one("mz", th))
	assert.Equal(t, "CNY 126.00", res.Total.String())
	assert.Equal(t, int64(0), explanation(t, res, "mz").MissingQty)

	// One unit: 1 more item missing, below threshold.
	res = run(t, cart(line("a", 1, "100.00")), one("mz", th))
	ex = explanation(t, res, "mz")
	assert.Equal(t, promo.BelowThreshold, ex.Reason)
	assert.Equal(t, "mz: not applicable: below threshold: add 1 more item to reach the next tier", ex.String())
}

func TestThresholdEvery(t *testing.T) {
	every := func(max int64) promo.Threshold {
		return promo.Threshold{Every: &promo.Step{Amount: cny("300.00"), Off: cny("30.00"), MaxTimes: max}}
	}
	// 每满300减30 on 650.00: two full steps, 60.00 off, Total 590.00; the
	// third step needs 900 - 650 = 250.00 more, and there the reward is
	// 3 × 30.00 = 90.00 in total (NextReward is the whole reward, as for
	// tiers, not the increase of 30.00).
	res := run(t, cart(line("a", 1, "650.00")), one("ev", every(0)))
	ex := explanation(t, res, "ev")
	assert.Equal(t, "CNY 590.00", res.Total.String())
	assert.Equal(t, "CNY 250.00", ex.MissingAmount.String())
	assert.Equal(t, "CNY 90.00", ex.NextReward.String())
	assert.Equal(t, "ev: applied, 60.00 off on lines a: add 250.00 more to get 90.00 off in total", ex.String())

	// MaxTimes 2 on 950.00: three steps capped at two, 60.00 off, Total
	// 890.00, nothing more to gain so nothing missing.
	res = run(t, cart(line("a", 1, "950.00")), one("ev", every(2)))
	ex = explanation(t, res, "ev")
	assert.Equal(t, "CNY 890.00", res.Total.String())
	assert.False(t, ex.MissingAmount.IsPositive())
	assert.Equal(t, "ev: applied, 60.00 off on lines a", ex.String())

	// 每满2件减10, by quantity: 5 units of 20.00 → two steps, 20.00 off, 80.00.
	byQty := promo.Threshold{Basis: promo.ByQuantity, Every: &promo.Step{Qty: 2, Off: cny("10.00")}}
	res = run(t, cart(line("a", 5, "20.00")), one("q", byQty))
	assert.Equal(t, "CNY 80.00", res.Total.String())
	assert.Equal(t, int64(1), explanation(t, res, "q").MissingQty)
}

func TestNthItemSecondHalfPrice(t *testing.T) {
	nth := one("nth", promo.NthItem{N: 2, Rate: rate("5折")})
	// 第二件半价 with different prices: 100.00 and 60.00 pair up, the cheaper
	// is at half: 30.00 off, Total 130.00.
	res := run(t, cart(line("a", 1, "100.00"), line("b", 1, "60.00")), nth)
	assert.Equal(t, "CNY 130.00", res.Total.String())
	assert.Equal(t, []string{"100.00", "30.00"}, afters(res))

	// A third unit (40.00) is left alone: groups from the most expensive
	// down are (100, 60) and 40 alone. 30.00 off, Total 170.00.
	res = run(t, cart(line("a", 1, "100.00"), line("b", 1, "60.00"), line("c", 1, "40.00")), nth)
	assert.Equal(t, "CNY 170.00", res.Total.String())
	assert.Equal(t, []string{"100.00", "30.00", "40.00"}, afters(res))

	// One unit: no group, not enough qualifying units.
	res = run(t, cart(line("a", 1, "100.00")), nth)
	ex := explanation(t, res, "nth")
	assert.Equal(t, promo.NotApplicable, ex.Status)
	assert.Equal(t, promo.NoQualifyingUnits, ex.Reason)
}

func TestNthItemFree(t *testing.T) {
	// 第二件0元 on one line of 2 × 80.00: one unit free, 80.00 off, Total
	// 80.00; the units pay 80.00 and 0.00.
	res := run(t, cart(line("a", 2, "80.00")), one("nth", promo.NthItem{N: 2, Free: true}))
	assert.Equal(t, "CNY 80.00", res.Total.String())
	assert.ElementsMatch(t, []string{"80.00", "0.00"}, unitsPaid(t, res, "a"))
}

// sixUnits is one unit each at 100, 80, 60, 40, 30, 20 (330.00).
func sixUnits() promo.Cart {
	return cart(line("a", 1, "100.00"), line("b", 1, "80.00"), line("c", 1, "60.00"),
		line("d", 1, "40.00"), line("e", 1, "30.00"), line("f", 1, "20.00"))
}

func TestBuyXGetYSameSet(t *testing.T) {
	// 买2送1 on six units: two multiples; the cheapest two (30 and 20) are
	// free: 50.00 off, Total 280.00.
	res := run(t, sixUnits(), one("b2g1", promo.BuyXGetY{BuyQty: 2, GetQty: 1, Free: true}))
	assert.Equal(t, "CNY 280.00", res.Total.String())
	assert.Equal(t, []string{"100.00", "80.00", "60.00", "40.00", "0.00", "0.00"}, afters(res))

	// MaxTimes 1: only the cheapest (20) is free: Total 310.00.
	res = run(t, sixUnits(), one("b2g1", promo.BuyXGetY{BuyQty: 2, GetQty: 1, Free: true, MaxTimes: 1}))
	assert.Equal(t, "CNY 310.00", res.Total.String())
	assert.Equal(t, []string{"100.00", "80.00", "60.00", "40.00", "30.00", "0.00"}, afters(res))

	// Rate 5折 instead of free: 30 → 15, 20 → 10, 25.00 off, Total 305.00.
	res = run(t, sixUnits(), one("b2g1", promo.BuyXGetY{BuyQty: 2, GetQty: 1, Rate: rate("5折")}))
	assert.Equal(t, "CNY 305.00", res.Total.String())
	assert.Equal(t, []string{"100.00", "80.00", "60.00", "40.00", "15.00", "10.00"}, afters(res))

	// Two units: not a full multiple of 3.
	res = run(t, cart(line("a", 2, "10.00")), one("b2g1", promo.BuyXGetY{BuyQty: 2, GetQty: 1, Free: true}))
	assert.Equal(t, promo.NoQualifyingUnits, explanation(t, res, "b2g1").Reason)
}

func TestBuyXGetYOtherGet(t *testing.T) {
	// Buy 2 of a (3 × 50.00), get 1 of b (2 × 20.00) free: the a units
	// cover one multiple only (3 / 2 = 1), so one b is free: 20.00 off,
	// Total 150 + 40 - 20 = 170.00.
	c := cart(line("a", 3, "50.00"), line("b", 2, "20.00"))
	p := promo.Promotion{ID: "bg", Target: promo.Selector{SKUs: []string{"a"}},
		Action: promo.BuyXGetY{BuyQty: 2, GetQty: 1, Free: true, Get: &promo.Selector{SKUs: []string{"b"}}}}
	res := run(t, c, []promo.Promotion{p})
	assert.Equal(t, "CNY 170.00", res.Total.String())
	assert.Equal(t, []string{"150.00", "20.00"}, afters(res))
	assert.ElementsMatch(t, []string{"20.00", "0.00"}, unitsPaid(t, res, "b"))

	// Four a: two multiples, both b free: 40.00 off, Total 200.00.
	res = run(t, cart(line("a", 4, "50.00"), line("b", 2, "20.00")), []promo.Promotion{p})
	assert.Equal(t, "CNY 200.00", res.Total.String())
}

func TestBundlePrice(t *testing.T) {
	// 任选3件99元 with 7 units: 50, 45, 40, 38, 35, 30, 20 (258.00). The most
	// expensive form the groups: (50+45+40) = 135 → 99 saves 36.00;
	// (38+35+30) = 103 → 99 saves 4.00; 20 is left. 40.00 off, Total 218.00.
	// Group 1 saving by price: 36 × 50/135 = 13.33, 36 × 45/135 = 12.00,
	// 36 × 40/135 = 10.67; group 2: 4 × 38/103 = 1.48, 4 × 35/103 = 1.36,
	// 4 × 30/103 = 1.165 → 1.16 (largest remainder: 398 分 floored, the 2 left
	// go to d and e, whose remainders are largest).
	c := cart(line("a", 1, "50.00"), line("b", 1, "45.00"), line("c", 1, "40.00"), line("d", 1, "38.00"),
		line("e", 1, "35.00"), line("f", 1, "30.00"), line("g", 1, "20.00"))
	res := run(t, c, one("rx", promo.BundlePrice{Qty: 3, Price: cny("99.00")}))
	assert.Equal(t, "CNY 258.00", res.Subtotal.String())
	assert.Equal(t, "CNY 218.00", res.Total.String())
	assert.Equal(t, []string{"36.67", "33.00", "29.33", "36.52", "33.64", "28.84", "20.00"}, afters(res))
	assert.Equal(t, []string{"a", "b", "c", "d", "e", "f"}, explanation(t, res, "rx").Lines)

	// MaxTimes 1: only the first group, 36.00 off, Total 222.00.
	res = run(t, c, one("rx", promo.BundlePrice{Qty: 3, Price: cny("99.00"), MaxTimes: 1}))
	assert.Equal(t, "CNY 222.00", res.Total.String())
}

func TestBundlePriceNoSaving(t *testing.T) {
	// 任选3件99元 on three units of 30.00 (90.00): the group would cost more
	// than the units, so nothing applies. There are enough units, so the
	// reason is NoSaving ("it would save nothing on these items"), not
	// NoQualifyingUnits ("not enough units for its groups").
	res := run(t, cart(line("a", 3, "30.00")), one("rx", promo.BundlePrice{Qty: 3, Price: cny("99.00")}))
	assert.Equal(t, "CNY 90.00", res.Total.String())
	ex := explanation(t, res, "rx")
	assert.Equal(t, promo.NotApplicable, ex.Status)
	assert.Equal(t, promo.NoSaving, ex.Reason)
}

func TestBundlePriceGroupWithoutSavingNotFormed(t *testing.T) {
	// 任选3件99元 on 50, 45, 40, 30, 30, 30: group 1 (135) saves 36.00, group
	// 2 (90) would cost 9.00 more and is not formed. Total 225 - 36 = 189.00.
	c := cart(line("a", 1, "50.00"), line("b", 1, "45.00"), line("c", 1, "40.00"), line("d", 3, "30.00"))
	res := run(t, c, one("rx", promo.BundlePrice{Qty: 3, Price: cny("99.00")}))
	assert.Equal(t, "CNY 189.00", res.Total.String())
	assert.Empty(t, lineResult(t, res, "d").Adjustments)
}

func comboAB() []promo.Promotion {
	return []promo.Promotion{{ID: "combo", Action: promo.Combo{Price: cny("80.00"), Parts: []promo.ComboPart{
		{Items: promo.Selector{SKUs: []string{"a"}}, Qty: 1},
		{Items: promo.Selector{SKUs: []string{"b"}}, Qty: 1},
	}}}}
}

func TestCombo(t *testing.T) {
	// 套餐 A + B for 80.00 with 2 × A (60.00) and 2 × B (40.00): two combos,
	// each 100.00 → 80.00 saves 20.00, allocated 60:40 → 12.00 and 8.00.
	// Units pay A 48.00, B 32.00; 40.00 off, Total 160.00.
	res := run(t, cart(line("a", 2, "60.00"), line("b", 2, "40.00")), comboAB())
	assert.Equal(t, "CNY 160.00", res.Total.String())
	assert.Equal(t, []string{"48.00", "48.00"}, unitsPaid(t, res, "a"))
	assert.Equal(t, []string{"32.00", "32.00"}, unitsPaid(t, res, "b"))

	// 2 × A and 1 × B: one combo, the second A pays 60.00: Total 140.00.
	res = run(t, cart(line("a", 2, "60.00"), line("b", 1, "40.00")), comboAB())
	assert.Equal(t, "CNY 140.00", res.Total.String())
	assert.ElementsMatch(t, []string{"48.00", "60.00"}, unitsPaid(t, res, "a"))

	// A only: no combo.
	res = run(t, cart(line("a", 2, "60.00")), comboAB())
	assert.Equal(t, promo.NoQualifyingUnits, explanation(t, res, "combo").Reason)
}

func TestComboStackableMaxTimes(t *testing.T) {
	// One A (60.00) and one B (40.00) make one combo: 100 → 80, 20.00 off,
	// Total 80.00, however large MaxTimes is.
	p := comboAB()
	p[0].Stackable = true
	p[0].Action = promo.Combo{Price: cny("80.00"), MaxTimes: 3, Parts: p[0].Action.(promo.Combo).Parts}
	res := run(t, cart(line("a", 1, "60.00"), line("b", 1, "40.00")), p)
	assert.Equal(t, "CNY 80.00", res.Total.String())
	assert.Equal(t, "CNY 20.00", explanation(t, res, "combo").Amount.String())
}

func TestMemberPrice(t *testing.T) {
	mp := one("vip", promo.MemberPrice{Tiers: []promo.MemberTier{
		{Tier: "gold", Price: cny("80.00")},
		{Tier: "silver", Rate: rate("9.5折")},
	}})
	c := cart(line("a", 2, "100.00"))
	// gold: fixed 80.00 a unit, 40.00 off, Total 160.00.
	c.Customer = promo.Customer{ID: "u1", Tier: "gold"}
	res := run(t, c, mp)
	assert.Equal(t, "CNY 160.00", res.Total.String())
	// silver: 9.5折, 5.00 off a unit, Total 190.00.
	c.Customer.Tier = "silver"
	res = run(t, c, mp)
	assert.Equal(t, "CNY 190.00", res.Total.String())
	// no tier: not eligible, Total 200.00.
	c.Customer.Tier = ""
	res = run(t, c, mp)
	assert.Equal(t, "CNY 200.00", res.Total.String())
	ex := explanation(t, res, "vip")
	assert.Equal(t, promo.NotApplicable, ex.Status)
	assert.Equal(t, promo.CustomerNotEligible, ex.Reason)
}

// pr01 is seed PR-01: 满300送隐形文胸一个, 或送婚房拖鞋二双.
func pr01() []promo.Promotion {
	return one("gift300", promo.Gift{MinAmount: cny("300.00"), Options: []promo.GiftOption{
		{SKU: "bra", Name: "隐形文胸", Qty: 1},
		{SKU: "slippers", Name: "婚房拖鞋", Qty: 2},
	}})
}

func TestGift(t *testing.T) {
	// 299.99: no gift, 0.01 missing.
	res := run(t, cart(line("a", 1, "299.99")), pr01())
	ex := explanation(t, res, "gift300")
	assert.Empty(t, res.Gifts)
	assert.Equal(t, promo.NotApplicable, ex.Status)
	assert.Equal(t, promo.BelowThreshold, ex.Reason)
	assert.Equal(t, "CNY 0.01", ex.MissingAmount.String())

	// 300.00: the first option, the total unchanged.
	res = run(t, cart(line("a", 1, "300.00")), pr01())
	require.Len(t, res.Gifts, 1)
	assert.Equal(t, promo.GiftLine{PromotionID: "gift300", SKU: "bra", Name: "隐形文胸", Qty: 1}, res.Gifts[0])
	assert.Equal(t, "CNY 300.00", res.Total.String())
	ex = explanation(t, res, "gift300")
	assert.Equal(t, promo.Applied, ex.Status)
	require.NotNil(t, ex.Gift)
	assert.Equal(t, "gift300: applied, gift 1 × bra", ex.String())
	require.Len(t, res.Redemptions, 1)
	assert.Equal(t, "CNY 0.00", res.Redemptions[0].Amount.String())

	// 600.00 still gives one gift (满, not 每满).
	res = run(t, cart(line("a", 2, "300.00")), pr01())
	require.Len(t, res.Gifts, 1)
	assert.Equal(t, int64(1), res.Gifts[0].Qty)

	// The customer names the slippers.
	c := cart(line("a", 1, "300.00"))
	c.GiftChoices = map[string]string{"gift300": "slippers"}
	res = run(t, c, pr01())
	require.Len(t, res.Gifts, 1)
	assert.Equal(t, "slippers", res.Gifts[0].SKU)
	assert.Equal(t, int64(2), res.Gifts[0].Qty)

	// The bra is out of stock: the first available option is the slippers.
	c = cart(line("a", 1, "300.00"))
	c.OutOfStock = []string{"bra"}
	res = run(t, c, pr01())
	require.Len(t, res.Gifts, 1)
	assert.Equal(t, "slippers", res.Gifts[0].SKU)

	// The named option out of stock: the first available instead.
	c.GiftChoices = map[string]string{"gift300": "bra"}
	res = run(t, c, pr01())
	require.Len(t, res.Gifts, 1)
	assert.Equal(t, "slippers", res.Gifts[0].SKU)

	// Every option out of stock: no gift.
	c.OutOfStock = []string{"bra", "slippers"}
	res = run(t, c, pr01())
	assert.Empty(t, res.Gifts)
	assert.NotEqual(t, promo.Applied, explanation(t, res, "gift300").Status)
}

func TestFreeShipping(t *testing.T) {
	ship := one("ship99", promo.FreeShipping{MinAmount: cny("99.00")})
	// 满99包邮 on 99.00 with a 10.00 fee: waived, Total 99.00.
	c := cart(line("a", 1, "99.00"))
	c.Shipping = cny("10.00")
	res := run(t, c, ship)
	assert.Equal(t, "CNY 10.00", res.ShippingBefore.String())
	assert.Equal(t, "CNY 0.00", res.ShippingAfter.String())
	assert.Equal(t, "CNY 99.00", res.Total.String())
	ex := explanation(t, res, "ship99")
	assert.Equal(t, promo.Applied, ex.Status)
	assert.Equal(t, "CNY 10.00", ex.Amount.String())
	require.Len(t, res.Redemptions, 1)
	assert.Equal(t, "CNY 10.00", res.Redemptions[0].Amount.String())

	// A reduction: 运费减5 on a 10.00 fee leaves 5.00, Total 104.00.
	res = run(t, c, one("ship5", promo.FreeShipping{MinAmount: cny("99.00"), Off: cny("5.00")}))
	assert.Equal(t, "CNY 5.00", res.ShippingAfter.String())
	assert.Equal(t, "CNY 104.00", res.Total.String())

	// 98.99: below, 0.01 missing, Total 108.99.
	c.Lines = []promo.Line{line("a", 1, "98.99")}
	res = run(t, c, ship)
	ex = explanation(t, res, "ship99")
	assert.Equal(t, "CNY 108.99", res.Total.String())
	assert.Equal(t, promo.BelowThreshold, ex.Reason)
	assert.Equal(t, "CNY 0.01", ex.MissingAmount.String())

	// No fee: nothing to save.
	c.Shipping = pricing.Money{}
	c.Lines = []promo.Line{line("a", 1, "120.00")}
	res = run(t, c, ship)
	assert.Equal(t, promo.NoSaving, explanation(t, res, "ship99").Reason)
}

func TestNineNineFreeShipping(t *testing.T) {
	// PR-07/08 9.9元包邮: the 9.90 item ships free, no threshold. Fee 8.00
	// waived, Total 9.90.
	c := cart(promo.Line{ID: "n", SKU: "n", Tags: []string{"9.9包邮"}, Qty: 1, UnitPrice: cny("9.90")})
	c.Shipping = cny("8.00")
	p := []promo.Promotion{{ID: "99by", Target: promo.Selector{Tags: []string{"9.9包邮"}}, Action: promo.FreeShipping{}}}
	res := run(t, c, p)
	assert.Equal(t, "CNY 9.90", res.Total.String())
	assert.Equal(t, "CNY 0.00", res.ShippingAfter.String())

	// Without a tagged item: no targeted items, fee kept.
	c.Lines = []promo.Line{line("x", 1, "9.90")}
	res = run(t, c, p)
	assert.Equal(t, "CNY 17.90", res.Total.String())
	assert.Equal(t, promo.NoTargetedItems, explanation(t, res, "99by").Reason)
}

func p01Floor(t *testing.T) promo.Option {
	t.Helper()
	f, err := pricing.NewFloorPolicy(pricing.MinListRatio(rate("7折")), pricing.ExemptCampaigns("淘金币", "双11"))
	require.NoError(t, err)
	return promo.WithFloor(f)
}

func TestFloor(t *testing.T) {
	// P-01: no unit below 7折 of list unless the campaign is 淘金币 or 双11.
	// 5折 on a 100.00 unit would pay 50.00; the floor holds it at 70.00:
	// 30.00 off, 20.00 trimmed.
	c := cart(line("a", 1, "100.00"))
	promos := one("half", promo.PercentOff{Rate: rate("5折")})
	res := run(t, c, promos, p01Floor(t))
	checkFloor(t, c, promos, res, 70, "双11", "淘金币")
	ex := explanation(t, res, "half")
	assert.Equal(t, "CNY 70.00", res.Total.String())
	assert.Equal(t, "CNY 30.00", ex.Amount.String())
	assert.Equal(t, "CNY 20.00", ex.Trimmed.String())
	assert.Equal(t, "half: applied, 30.00 off on lines a; 20.00 trimmed by the price floor", ex.String())

	// The same under 双11: exempt, pays 50.00, nothing trimmed.
	promos[0].Campaign = "双11"
	res = run(t, c, promos, p01Floor(t))
	checkFloor(t, c, promos, res, 70, "双11", "淘金币")
	assert.Equal(t, "CNY 50.00", res.Total.String())
	assert.False(t, explanation(t, res, "half").Trimmed.IsPositive())

	// 聚划算 is a name the policy does not know: an exemption meant for it
	// would silently miss, so the engine refuses it (issue 14), naming the
	// promotion, the name and the names the policy knows.
	promos[0].Campaign = "聚划算"
	_, err := promo.NewEngine(pricing.CNY, promos, p01Floor(t))
	require.ErrorIs(t, err, promo.ErrUnknownCampaign)
	assert.EqualError(t, err, `promo: new engine: promotions[0].campaign "聚划算": campaign unknown to the floor policy: promotion "half": the floor policy knows "双11", "淘金币"`)
	// The doc's JSON once used "double11" against a policy exempting "双11".
	promos[0].Campaign = "double11"
	_, err = promo.NewEngine(pricing.CNY, promos, p01Floor(t))
	require.ErrorIs(t, err, promo.ErrUnknownCampaign)

	// The floor is measured from the list price: list 120.00, selling at
	// 100.00, floor 84.00; 5折 of 100.00 would pay 50.00: 16.00 off, 34.00
	// trimmed.
	c = cart(promo.Line{ID: "b", SKU: "b", Qty: 1, UnitPrice: cny("100.00"), ListPrice: cny("120.00")})
	promos[0].Campaign = ""
	res = run(t, c, promos, p01Floor(t))
	checkFloor(t, c, promos, res, 70, "双11", "淘金币")
	assert.Equal(t, "CNY 84.00", res.Total.String())
	assert.Equal(t, "CNY 34.00", explanation(t, res, "half").Trimmed.String())
}

func TestFloorOrderLayer(t *testing.T) {
	// An order discount against the floor: 立减100 on 2 × 100.00. Each unit
	// gets 50.00, but may only go to 70.00: 30.00 each given, 40.00
	// trimmed and not moved elsewhere. Total 140.00. A 双11 item promotion
	// on the same cart takes 8折 first (exempt), then the order discount
	// has no room left above the floor: 80.00 is 10.00 above 70.00 each.
	c := cart(line("a", 2, "100.00"))
	promos := one("off100", promo.AmountOff{Amount: cny("100.00"), Scope: promo.PerOrder})
	res := run(t, c, promos, p01Floor(t))
	checkFloor(t, c, promos, res, 70, "双11")
	assert.Equal(t, "CNY 140.00", res.Total.String())
	assert.Equal(t, "CNY 40.00", explanation(t, res, "off100").Trimmed.String())

	promos = append(promos, promo.Promotion{ID: "d11", Campaign: "双11", Action: promo.PercentOff{Rate: rate("8折")}})
	// 8折 (exempt): 200 → 160; 立减100 held at 70 a unit: 10.00 each, 20.00
	// given, 80.00 trimmed. Total 140.00.
	res = run(t, c, promos, p01Floor(t))
	checkFloor(t, c, promos, res, 70, "双11")
	assert.Equal(t, "CNY 140.00", res.Total.String())
	assert.Equal(t, "CNY 20.00", explanation(t, res, "off100").Amount.String())
	assert.Equal(t, "CNY 80.00", explanation(t, res, "off100").Trimmed.String())
}
