package promo_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Behaviour issue 19's mutation pass found unpinned; each answer is hand
// arithmetic.

// tens is n lines of one unit each, priced 10.00, 20.00, ... n × 10.00,
// with IDs "u10", "u20", ...
func tens(n int) promo.Cart {
	var ls []promo.Line
	for i := 1; i <= n; i++ {
		p := fmt.Sprintf("%d.00", 10*i)
		ls = append(ls, promo.Line{ID: fmt.Sprintf("u%d", 10*i), SKU: "s", Qty: 1, UnitPrice: cny(p)})
	}
	return cart(ls...)
}

func TestNthItemThird(t *testing.T) {
	// 第3件免费 on 10.00 ... 70.00: groups from the most expensive down,
	// (70, 60, 50) and (40, 30, 20), 10 left over; 50.00 and 20.00 are free.
	// 280.00 - 70.00 = 210.00.
	res := run(t, tens(7), one("n3", promo.NthItem{N: 3, Free: true}))
	assert.Equal(t, "CNY 210.00", res.Total.String())
	for id, want := range map[string]string{"u70": "70.00", "u60": "60.00", "u50": "0.00", "u40": "40.00", "u30": "30.00", "u20": "0.00", "u10": "10.00"} {
		l, ok := res.Line(id)
		require.True(t, ok)
		assert.Equal(t, want, l.After.StringAmount(), id)
	}
	// 第4件5折 on 3 × 30.00: no full group, 1 unit missing.
	res = run(t, cart(line("a", 3, "30.00")), one("n4", promo.NthItem{N: 4, Rate: rate("5折")}))
	assert.Equal(t, "CNY 90.00", res.Total.String())
	ex := explanation(t, res, "n4")
	assert.Equal(t, promo.NoQualifyingUnits, ex.Reason)
	assert.Equal(t, int64(1), ex.MissingQty)
	// 4 units: the fourth at 5折, 15.00 off: 105.00.
	res = run(t, cart(line("a", 4, "30.00")), one("n4", promo.NthItem{N: 4, Rate: rate("5折")}))
	assert.Equal(t, "CNY 105.00", res.Total.String())
	assert.Equal(t, []string{"30.00", "30.00", "30.00", "15.00"}, unitsPaid(t, res, "a"))
}

func TestBuyXGetYMany(t *testing.T) {
	// 买2送2 on 10.00 ... 90.00 (9 units, 4 per time: at most 2 times): the
	// cheapest 10, 20, 30, 40 are free, paid for by 90, 80, 70, 60; 50
	// is left. 450.00 - 100.00 = 350.00.
	res := run(t, tens(9), one("b2g2", promo.BuyXGetY{BuyQty: 2, GetQty: 2, Free: true}))
	assert.Equal(t, "CNY 350.00", res.Total.String())
	assert.Equal(t, "CNY 100.00", explanation(t, res, "b2g2").Amount.String())
	for id, want := range map[string]string{"u10": "0.00", "u20": "0.00", "u30": "0.00", "u40": "0.00", "u50": "50.00", "u90": "90.00"} {
		l, _ := res.Line(id)
		assert.Equal(t, want, l.After.StringAmount(), id)
	}
	// MaxTimes 1: only 10 and 20 free: 420.00.
	res = run(t, tens(9), one("b2g2", promo.BuyXGetY{BuyQty: 2, GetQty: 2, Free: true, MaxTimes: 1}))
	assert.Equal(t, "CNY 420.00", res.Total.String())

	// 买1送3 of a separate get set at 5折: 2 × A (100.00) buy, G at 10.00.
	// 5 G: 1 time (3 G at 5折, 15.00 off): 200 + 50 - 15 = 235.00.
	// 6 G: 2 times (6 G, 30.00 off): 200 + 60 - 30 = 230.00.
	// 7 G with one A: 1 time: 100 + 70 - 15 = 155.00.
	get := promo.Selector{SKUs: []string{"G"}}
	b1g3 := one("b1g3", promo.BuyXGetY{BuyQty: 1, Get: &get, GetQty: 3, Rate: rate("5折")})
	b1g3[0].Target = promo.Selector{SKUs: []string{"A"}}
	for _, tt := range []struct {
		a, g  int64
		total string
	}{{2, 5, "CNY 235.00"}, {2, 6, "CNY 230.00"}, {1, 7, "CNY 155.00"}} {
		res = run(t, cart(line("A", tt.a, "100.00"), line("G", tt.g, "10.00")), b1g3)
		assert.Equal(t, tt.total, res.Total.String(), "%d A, %d G", tt.a, tt.g)
	}
}

func TestTieBreaks(t *testing.T) {
	c := cart(line("x", 1, "100.00"))
	ten := promo.AmountOff{Amount: cny("10.00"), Scope: promo.PerOrder}
	pct := promo.PercentOff{Rate: rate("9折"), Scope: promo.PerOrder} // 10.00 too
	chosen := func(ps []promo.Promotion) []string {
		res := run(t, c, ps)
		var ids []string
		for _, r := range res.Redemptions {
			ids = append(ids, r.PromotionID)
		}
		return ids
	}
	// Equal savings in a group, equal priority: the smaller ID wins.
	assert.Equal(t, []string{"a"}, chosen([]promo.Promotion{{ID: "b", Group: "g", Action: ten}, {ID: "a", Group: "g", Action: pct}}))
	// Higher priority beats the smaller ID.
	assert.Equal(t, []string{"b"}, chosen([]promo.Promotion{{ID: "b", Group: "g", Priority: 1, Action: ten}, {ID: "a", Group: "g", Action: pct}}))
	// Fewer promotions beat priority: an exclusive 20.00 off against two
	// 10.00 off of higher priority saves the same; one promotion wins.
	twenty := promo.AmountOff{Amount: cny("20.00"), Scope: promo.PerOrder}
	assert.Equal(t, []string{"solo"}, chosen([]promo.Promotion{
		{ID: "solo", Exclusive: true, Action: twenty},
		{ID: "p1", Priority: 5, Action: ten},
		{ID: "p2", Priority: 5, Action: promo.AmountOff{Amount: cny("10.00"), Scope: promo.PerOrder}},
	}))
}

func TestLeftOutThresholdExplained(t *testing.T) {
	// Each threshold shares a group with a 5.00 off that wins; alone it
	// would give nothing, so it is explained as below its threshold, with
	// what it lacks in the chosen combination with it in place of the 5.00.
	five := promo.Promotion{ID: "five", Group: "g", Action: promo.AmountOff{Amount: cny("5.00"), Scope: promo.PerOrder}}
	c := cart(line("a", 2, "100.00"))
	c.Shipping = cny("8.00")
	tests := []struct {
		name        string
		action      promo.Action
		reason      promo.Reason
		amount      string
		qty         int64
		next, trace string
	}{
		{"by amount", promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("300.00"), Off: cny("30.00")}}},
			promo.BelowThreshold, "CNY 100.00", 0, "CNY 30.00", "t: not applicable: below threshold: add 100.00 more to get 30.00 off"},
		{"by quantity", promo.Threshold{Basis: promo.ByQuantity, Tiers: []promo.Tier{{MinQty: 3, Off: cny("6.00")}}},
			promo.BelowThreshold, "", 1, "CNY 6.00", "t: not applicable: below threshold: add 1 more item to get 6.00 off"},
		{"rate", promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("250.00"), Rate: rate("9折")}}},
			promo.BelowThreshold, "CNY 50.00", 0, "", "t: not applicable: below threshold: add 50.00 more to reach the next tier"},
		{"gift", promo.Gift{MinQty: 5, Options: []promo.GiftOption{{SKU: "mug", Qty: 1}}},
			promo.BelowThreshold, "", 3, "", "t: not applicable: below threshold: add 3 more items to get the gift"},
		{"shipping", promo.FreeShipping{MinAmount: cny("299.00")},
			promo.BelowThreshold, "CNY 99.00", 0, "", "t: not applicable: below threshold: add 99.00 more for free shipping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(t, c, []promo.Promotion{five, {ID: "t", Group: "g", Action: tt.action}})
			ex := explanation(t, res, "t")
			assert.Equal(t, promo.NotApplicable, ex.Status)
			assert.Equal(t, tt.reason, ex.Reason)
			assert.Equal(t, tt.amount, moneyText(ex.MissingAmount))
			assert.Equal(t, tt.qty, ex.MissingQty)
			assert.Equal(t, tt.next, moneyText(ex.NextReward))
			assert.False(t, ex.Amount.IsPositive())
			assert.Equal(t, tt.trace, ex.String())
		})
	}
	// The hint is the same measured without a pass (after items, list
	// price) or with one (running total): 100.00 on every base here, the
	// group's 5.00 off being out of the way.
	for _, b := range []promo.ThresholdBase{promo.BaseAfterItems, promo.BaseListPrice, promo.BaseRunningTotal} {
		for _, a := range []promo.Action{
			promo.Threshold{Base: b, Tiers: []promo.Tier{{MinAmount: cny("300.00"), Off: cny("30.00")}}},
			promo.Gift{Base: b, MinAmount: cny("300.00"), Options: []promo.GiftOption{{SKU: "mug", Qty: 1}}},
		} {
			res := run(t, c, []promo.Promotion{five, {ID: "t", Group: "g", Action: a}})
			assert.Equal(t, "CNY 100.00", explanation(t, res, "t").MissingAmount.String(), "%s %s", b, a.Kind())
		}
	}
	// Measured without a pass, the hint costs less work than with one.
	work := func(b promo.ThresholdBase) int64 {
		return run(t, c, []promo.Promotion{five, {ID: "t", Group: "g", Action: promo.Threshold{Base: b, Tiers: []promo.Tier{{MinAmount: cny("300.00"), Off: cny("30.00")}}}}}).Work
	}
	assert.Less(t, work(promo.BaseAfterItems), work(promo.BaseRunningTotal))
	// Free shipping on a cart without a fee saves nothing, and has no hint.
	c.Shipping = cny("0.00")
	res := run(t, c, []promo.Promotion{five, {ID: "t", Group: "g", Action: promo.FreeShipping{MinAmount: cny("299.00")}}})
	assert.Equal(t, promo.NoSaving, explanation(t, res, "t").Reason)
	assert.False(t, explanation(t, res, "t").MissingAmount.IsValid())
}

func TestLeftOutHintWithoutItsConflicts(t *testing.T) {
	// An exclusive 满300减30 conflicts with the 9折 on the same line: the
	// 9折 wins (25.00 vs nothing), and the threshold's hint is measured
	// with the 9折 out of the way: 300.00 - 250.00 = 50.00, not 75.00.
	for _, b := range []promo.ThresholdBase{promo.BaseAfterItems, promo.BaseRunningTotal} {
		res := run(t, cart(line("a", 1, "250.00")), []promo.Promotion{ninety("item"),
			{ID: "t", Exclusive: true, Action: promo.Threshold{Base: b, Tiers: []promo.Tier{{MinAmount: cny("300.00"), Off: cny("30.00")}}}}})
		assert.Equal(t, "CNY 225.00", res.Total.String())
		ex := explanation(t, res, "t")
		assert.Equal(t, promo.BelowThreshold, ex.Reason, b)
		assert.Equal(t, "CNY 50.00", ex.MissingAmount.String(), b)
	}
}

func TestScheduleMinutes(t *testing.T) {
	// 14:30-17:15 in Shanghai (UTC+8): minutes count on both ends.
	p := ninety("hh")
	p.Schedule = &promo.Schedule{TimeZone: shanghai, Hours: []promo.ClockRange{{Start: promo.Clock(14, 30), End: promo.Clock(17, 15)}}}
	for _, tt := range []struct {
		h, m, s int
		want    promo.Reason
	}{
		{14, 29, 59, promo.OutsideSchedule},
		{14, 30, 0, promo.ReasonNone},
		{14, 0, 0, promo.OutsideSchedule},
		{17, 14, 59, promo.ReasonNone},
		{17, 15, 0, promo.OutsideSchedule},
		{17, 0, 0, promo.ReasonNone},
	} {
		c := cart(line("a", 1, "100.00"))
		c.At = time.Date(2026, 11, 11, tt.h, tt.m, tt.s, 0, shanghai)
		assert.Equal(t, tt.want, statusOf(t, c, p).Reason, "%02d:%02d:%02d", tt.h, tt.m, tt.s)
	}
}

func TestHintAtATierExactly(t *testing.T) {
	// 满200减20 / 满400减50 on exactly 200.00: the first tier is reached,
	// and the hint is to the second: 200.00 more for 50.00 in total.
	res := run(t, cart(line("a", 1, "200.00")), one("mj", promo.Threshold{Tiers: []promo.Tier{
		{MinAmount: cny("200.00"), Off: cny("20.00")}, {MinAmount: cny("400.00"), Off: cny("50.00")}}}))
	ex := explanation(t, res, "mj")
	assert.Equal(t, "CNY 20.00", ex.Amount.String())
	assert.Equal(t, "CNY 200.00", ex.MissingAmount.String())
	assert.Equal(t, "CNY 50.00", ex.NextReward.String())
}

func TestLeftOutGiftReached(t *testing.T) {
	// A gift worth 1.00 loses to 5.00 off in its group; it is reached
	// (200.00 ≥ 100.00), so it has no hint at all.
	five := promo.Promotion{ID: "five", Group: "g", Action: promo.AmountOff{Amount: cny("5.00"), Scope: promo.PerOrder}}
	gift := promo.Promotion{ID: "gift", Group: "g", Action: promo.Gift{MinAmount: cny("100.00"), Options: []promo.GiftOption{{SKU: "mug", Qty: 1, Value: cny("1.00")}}}}
	res := run(t, cart(line("a", 2, "100.00")), []promo.Promotion{five, gift})
	ex := explanation(t, res, "gift")
	assert.Equal(t, promo.Excluded, ex.Status)
	assert.False(t, ex.MissingAmount.IsValid())
	assert.Zero(t, ex.MissingQty)
	assert.False(t, ex.NextReward.IsValid())
}

func TestLeftOutHintWork(t *testing.T) {
	// The hint of a left-out 满300减30 in a group with a 5.00 off, on one
	// line of 2 units: with a pass (running total) it costs a pass over the
	// combination {t}: 2n + P + (units targeted + 1) = 4 + 2 + 3 = 9 steps
	// (doc.go's cost table); without one (after items) one step per
	// targeted unit plus one, 3 steps. The difference is 6.
	five := promo.Promotion{ID: "five", Group: "g", Action: promo.AmountOff{Amount: cny("5.00"), Scope: promo.PerOrder}}
	work := func(b promo.ThresholdBase) int64 {
		return run(t, cart(line("a", 2, "100.00")), []promo.Promotion{five,
			{ID: "t", Group: "g", Action: promo.Threshold{Base: b, Tiers: []promo.Tier{{MinAmount: cny("300.00"), Off: cny("30.00")}}}}}).Work
	}
	assert.Equal(t, int64(6), work(promo.BaseRunningTotal)-work(promo.BaseAfterItems))
}

func TestAloneOnTheBase(t *testing.T) {
	// One unit at 90.00, list price 120.00, and a 5.00 off in a group with
	// a 满100减10. On list price the 满100减10 saves 10.00 alone (120.00 ≥
	// 100) and wins: 80.00. After items (90.00) it saves nothing alone: the
	// 5.00 off wins (85.00) and the threshold is below it by 10.00.
	l := line("a", 1, "90.00")
	l.ListPrice = cny("120.00")
	five := promo.Promotion{ID: "five", Group: "g", Action: promo.AmountOff{Amount: cny("5.00"), Scope: promo.PerOrder}}
	mj := func(b promo.ThresholdBase) promo.Promotion {
		return promo.Promotion{ID: "t", Group: "g", Action: promo.Threshold{Base: b, Tiers: []promo.Tier{{MinAmount: cny("100.00"), Off: cny("10.00")}}}}
	}
	res := run(t, cart(l), []promo.Promotion{five, mj(promo.BaseListPrice)})
	assert.Equal(t, "CNY 80.00", res.Total.String())
	assert.Equal(t, promo.Applied, explanation(t, res, "t").Status)
	res = run(t, cart(l), []promo.Promotion{five, mj(promo.BaseAfterItems)})
	assert.Equal(t, "CNY 85.00", res.Total.String())
	ex := explanation(t, res, "t")
	assert.Equal(t, promo.NotApplicable, ex.Status)
	assert.Equal(t, promo.BelowThreshold, ex.Reason)
	assert.Equal(t, "CNY 10.00", ex.MissingAmount.String())
}
