package promo_test

import (
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Conditions, eligibility, layers and the explanations they produce.

var shanghai = mustLoc("Asia/Shanghai")

// mustLoc loads a zone; the test binary embeds the zone database
// (time/tzdata, imported in json_test.go), so it never fails.
func mustLoc(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

// ninety is 9折 on every item: 10.00 off a 100.00 unit.
func ninety(id string) promo.Promotion {
	return promo.Promotion{ID: id, Action: promo.PercentOff{Rate: rate("9折")}}
}

// statusOf evaluates one promotion on one 100.00 unit and returns its
// explanation.
func statusOf(t *testing.T, c promo.Cart, p promo.Promotion) promo.Explanation {
	t.Helper()
	res := run(t, c, []promo.Promotion{p})
	ex := explanation(t, res, p.ID)
	if ex.Status == promo.Applied {
		assert.Equal(t, "CNY 90.00", res.Total.String(), "%s applied: 9折 of 100.00", p.ID)
	} else {
		assert.Equal(t, "CNY 100.00", res.Total.String(), "%s not applied", p.ID)
		assert.Empty(t, res.Redemptions)
	}
	return ex
}

func TestWindow(t *testing.T) {
	// 双11 runs [2026-11-11 00:00, 2026-11-12 00:00) Shanghai time, that is
	// [11-10 16:00, 11-11 16:00) UTC. End is exclusive.
	p := ninety("d11")
	p.Start = time.Date(2026, 11, 11, 0, 0, 0, 0, shanghai)
	p.End = time.Date(2026, 11, 12, 0, 0, 0, 0, shanghai)
	tests := []struct {
		give time.Time
		want promo.Reason
	}{
		{time.Date(2026, 11, 10, 15, 59, 59, 0, time.UTC), promo.NotStarted},
		{time.Date(2026, 11, 10, 16, 0, 0, 0, time.UTC), promo.ReasonNone},
		{time.Date(2026, 11, 11, 15, 59, 59, 999999999, time.UTC), promo.ReasonNone},
		{time.Date(2026, 11, 11, 16, 0, 0, 0, time.UTC), promo.Expired},
	}
	for _, tt := range tests {
		c := cart(line("a", 1, "100.00"))
		c.At = tt.give
		ex := statusOf(t, c, p)
		assert.Equal(t, tt.want, ex.Reason, "at %s", tt.give)
		if tt.want == promo.ReasonNone {
			assert.Equal(t, promo.Applied, ex.Status, "at %s", tt.give)
		} else {
			assert.Equal(t, promo.NotApplicable, ex.Status, "at %s", tt.give)
		}
	}
	c := cart(line("a", 1, "100.00"))
	c.At = p.End
	assert.Equal(t, "d11: not applicable: expired", statusOf(t, c, p).String())
}

func TestScheduleHappyHour(t *testing.T) {
	// 14:00-17:00 on weekdays, Shanghai (UTC+8). 2026-11-11 is a Wednesday.
	p := ninety("happy")
	p.Schedule = &promo.Schedule{
		TimeZone: shanghai,
		Weekdays: []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday},
		Hours:    []promo.ClockRange{{Start: promo.Clock(14, 0), End: promo.Clock(17, 0)}},
	}
	tests := []struct {
		give time.Time
		want promo.Reason
	}{
		{time.Date(2026, 11, 11, 5, 59, 59, 0, time.UTC), promo.OutsideSchedule}, // 13:59:59
		{time.Date(2026, 11, 11, 6, 0, 0, 0, time.UTC), promo.ReasonNone},        // 14:00
		{time.Date(2026, 11, 11, 7, 0, 0, 0, time.UTC), promo.ReasonNone},        // 15:00
		{time.Date(2026, 11, 11, 9, 0, 0, 0, time.UTC), promo.OutsideSchedule},   // 17:00, To is exclusive
		// Whole seconds of the wall clock: 13:59:59.999 is not yet 14:00,
		// 16:59:59.999 is still before 17:00.
		{time.Date(2026, 11, 11, 5, 59, 59, 999_000_000, time.UTC), promo.OutsideSchedule},
		{time.Date(2026, 11, 11, 8, 59, 59, 999_000_000, time.UTC), promo.ReasonNone},
		{time.Date(2026, 11, 14, 7, 0, 0, 0, time.UTC), promo.OutsideSchedule},  // Saturday 15:00
		{time.Date(2026, 11, 10, 22, 0, 0, 0, time.UTC), promo.OutsideSchedule}, // Wed 06:00 local, Tue in UTC
	}
	for _, tt := range tests {
		c := cart(line("a", 1, "100.00"))
		c.At = tt.give
		assert.Equal(t, tt.want, statusOf(t, c, p).Reason, "at %s", tt.give.In(shanghai))
	}
}

func TestScheduleDSTWallClock(t *testing.T) {
	ny := mustLoc("America/New_York") // time/tzdata: always there
	// 2026-03-08 is the day New York moves from EST to EDT at 02:00. A
	// 14:00-17:00 happy hour is 14:00-17:00 on the wall clock that day too:
	// 14:30 EDT is inside, 17:30 EDT outside.
	p := ninety("happy")
	p.Schedule = &promo.Schedule{TimeZone: ny, Hours: []promo.ClockRange{{Start: promo.Clock(14, 0), End: promo.Clock(17, 0)}}}
	c := cart(line("a", 1, "100.00"))
	c.At = time.Date(2026, 3, 8, 14, 30, 0, 0, ny)
	assert.Equal(t, promo.ReasonNone, statusOf(t, c, p).Reason, "14:30 EDT")
	c.At = time.Date(2026, 3, 8, 17, 30, 0, 0, ny)
	assert.Equal(t, promo.OutsideSchedule, statusOf(t, c, p).Reason, "17:30 EDT")
}

func TestChannelsAndCustomer(t *testing.T) {
	app := ninety("app")
	app.Channels = []string{"app", "mini-program"}
	gold := ninety("gold")
	gold.Conditions.Tiers = []string{"gold"}
	first := ninety("first")
	first.Conditions.FirstOrder = true

	tests := []struct {
		name   string
		p      promo.Promotion
		modify func(*promo.Cart)
		want   promo.Reason
		str    string
	}{
		{"app in app", app, func(c *promo.Cart) { c.Channel = "app" }, promo.ReasonNone, "app: applied, 10.00 off on lines a"},
		{"app in store", app, func(c *promo.Cart) { c.Channel = "store" }, promo.WrongChannel, `app: not applicable: wrong channel (channel "store")`},
		{"app without channel", app, func(*promo.Cart) {}, promo.WrongChannel, `app: not applicable: wrong channel (channel "")`},
		{"gold for gold", gold, func(c *promo.Cart) { c.Customer.Tier = "gold" }, promo.ReasonNone, "gold: applied, 10.00 off on lines a"},
		{"gold for silver", gold, func(c *promo.Cart) { c.Customer.Tier = "silver" }, promo.CustomerNotEligible, `gold: not applicable: customer not eligible (tier "silver")`},
		{"first order", first, func(*promo.Cart) {}, promo.ReasonNone, "first: applied, 10.00 off on lines a"},
		{"second order", first, func(c *promo.Cart) { c.Customer.PriorOrders = 1 }, promo.CustomerNotEligible, "first: not applicable: customer not eligible (not a first order)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cart(line("a", 1, "100.00"))
			tt.modify(&c)
			ex := statusOf(t, c, tt.p)
			assert.Equal(t, tt.want, ex.Reason)
			assert.Equal(t, tt.str, ex.String())
		})
	}
}

func TestFavoriteStoreFiveOff(t *testing.T) {
	// PR-03 收藏店铺减5元: an order AmountOff of 5.00 with a required tag.
	// 120.00 with the tag: 115.00; without: 120.00, customer not eligible.
	p := []promo.Promotion{{ID: "fav5", Name: "收藏店铺减5元", Conditions: promo.Conditions{Tags: []string{"favorited-store"}},
		Action: promo.AmountOff{Amount: cny("5.00"), Scope: promo.PerOrder}}}
	c := cart(line("a", 1, "120.00"))
	c.Customer.Tags = []string{"joined-group", "favorited-store"}
	res := run(t, c, p)
	assert.Equal(t, "CNY 115.00", res.Total.String())
	assert.Equal(t, "CNY 5.00", res.OrderDiscount.String())

	c.Customer.Tags = []string{"joined-group"}
	res = run(t, c, p)
	assert.Equal(t, "CNY 120.00", res.Total.String())
	ex := explanation(t, res, "fav5")
	assert.Equal(t, promo.CustomerNotEligible, ex.Reason)
	assert.Equal(t, `fav5: not applicable: customer not eligible (missing tag "favorited-store")`, ex.String())
}

// joinGroup is PR-05 进群领券: a 10.00 coupon for customers who joined the
// group, one per customer.
func joinGroup() promo.Promotion {
	return promo.Promotion{ID: "group10", Coupon: "JOIN10", Conditions: promo.Conditions{Tags: []string{"joined-group"}},
		Limits: promo.Limits{PerCustomer: 1}, Action: promo.AmountOff{Amount: cny("10.00"), Scope: promo.PerOrder}}
}

func TestCoupons(t *testing.T) {
	base := func(codes ...string) promo.Cart {
		c := cart(line("a", 1, "100.00"))
		c.Customer = promo.Customer{ID: "u1", Tags: []string{"joined-group"}}
		c.Coupons = codes
		return c
	}
	p := []promo.Promotion{joinGroup()}

	// Not entered: not applicable.
	res := run(t, base(), p)
	assert.Equal(t, promo.CouponNotEntered, explanation(t, res, "group10").Reason)
	assert.Equal(t, "CNY 100.00", res.Total.String())

	// Entered exactly, in lower case, in full width (Chinese input method),
	// with a separator: 100.00 - 10.00 = 90.00 each time; the redemption
	// records the normalised code.
	for _, code := range []string{"JOIN10", "join10", "ｊｏｉｎ１０", "JOIN-10", " join 10 "} {
		res = run(t, base(code), p)
		assert.Equal(t, "CNY 90.00", res.Total.String(), "code %q", code)
		assert.Empty(t, res.UnknownCoupons, "code %q", code)
		if assert.Len(t, res.Redemptions, 1, "code %q", code) {
			assert.Equal(t, promo.Redemption{PromotionID: "group10", Coupon: "JOIN10", Amount: cny("10.00")}.Coupon, res.Redemptions[0].Coupon)
			assert.Equal(t, "CNY 10.00", res.Redemptions[0].Amount.String())
		}
	}

	// An unknown code is listed, as entered; the known one still applies.
	res = run(t, base("nope-1", "join10"), p)
	assert.Equal(t, []string{"nope-1"}, res.UnknownCoupons)
	assert.Equal(t, "CNY 90.00", res.Total.String())

	// Already used once by this customer: limit reached.
	c := base("JOIN10")
	c.Usage = map[string]promo.Usage{"group10": {Total: 500, ByCustomer: 1}}
	res = run(t, c, p)
	ex := explanation(t, res, "group10")
	assert.Equal(t, promo.UsageLimitReached, ex.Reason)
	assert.Equal(t, "group10: not applicable: usage limit reached (1 of 1 per customer used)", ex.String())

	// Entered but not in the group: not eligible.
	c = base("JOIN10")
	c.Customer.Tags = nil
	res = run(t, c, p)
	assert.Equal(t, promo.CustomerNotEligible, explanation(t, res, "group10").Reason)
}

func TestUsageAndBudget(t *testing.T) {
	limited := func(l promo.Limits) promo.Promotion { p := ninety("lim"); p.Limits = l; return p }
	withUsage := func(u promo.Usage) promo.Cart {
		c := cart(line("a", 1, "100.00"))
		c.Usage = map[string]promo.Usage{"lim": u}
		return c
	}
	tests := []struct {
		name string
		p    promo.Promotion
		u    promo.Usage
		want promo.Reason
	}{
		{"total left", limited(promo.Limits{Total: 100}), promo.Usage{Total: 99}, promo.ReasonNone},
		{"total used up", limited(promo.Limits{Total: 100}), promo.Usage{Total: 100}, promo.UsageLimitReached},
		{"per customer used up", limited(promo.Limits{PerCustomer: 2}), promo.Usage{Total: 5, ByCustomer: 2}, promo.UsageLimitReached},
		{"budget left", limited(promo.Limits{Budget: cny("1000.00")}), promo.Usage{BudgetSpent: cny("990.00")}, promo.ReasonNone},
		{"budget spent", limited(promo.Limits{Budget: cny("1000.00")}), promo.Usage{BudgetSpent: cny("1000.00")}, promo.BudgetExhausted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, statusOf(t, withUsage(tt.u), tt.p).Reason)
		})
	}

	// A budget capping the discount: 1000.00 budget, 990.00 spent, 9折 on
	// 3 × 100.00 would give 30.00; 10.00 is left, 20.00 capped. Total 290.00.
	c := cart(line("a", 3, "100.00"))
	c.Usage = map[string]promo.Usage{"lim": {BudgetSpent: cny("990.00")}}
	res := run(t, c, []promo.Promotion{limited(promo.Limits{Budget: cny("1000.00")})})
	ex := explanation(t, res, "lim")
	assert.Equal(t, "CNY 290.00", res.Total.String())
	assert.Equal(t, promo.Applied, ex.Status)
	assert.Equal(t, "CNY 10.00", ex.Amount.String())
	assert.Equal(t, "CNY 20.00", ex.Capped.String())
	require.Len(t, res.Redemptions, 1)
	assert.Equal(t, "CNY 10.00", res.Redemptions[0].Amount.String())
}

func TestTargets(t *testing.T) {
	// NotPromotable: a (100.00) takes no promotion, b (50.00) takes 9折:
	// 5.00 off, Total 145.00.
	c := cart(promo.Line{ID: "a", SKU: "a", Qty: 1, UnitPrice: cny("100.00"), NotPromotable: true}, line("b", 1, "50.00"))
	res := run(t, c, []promo.Promotion{ninety("p")})
	assert.Equal(t, "CNY 145.00", res.Total.String())
	assert.Equal(t, []string{"b"}, explanation(t, res, "p").Lines)

	// Every line NotPromotable: no targeted items.
	c.Lines = c.Lines[:1]
	res = run(t, c, []promo.Promotion{ninety("p")})
	assert.Equal(t, promo.NoTargetedItems, explanation(t, res, "p").Reason)

	// Include shoes, exclude clearance: s1 (shoes, 200.00) takes 20.00 off;
	// s2 (shoes, clearance) and h (hats) do not. Total 200+150+80 - 20 = 410.00.
	c = cart(
		promo.Line{ID: "s1", SKU: "s1", Categories: []string{"shoes"}, Qty: 1, UnitPrice: cny("200.00")},
		promo.Line{ID: "s2", SKU: "s2", Categories: []string{"shoes"}, Tags: []string{"clearance"}, Qty: 1, UnitPrice: cny("150.00")},
		promo.Line{ID: "h", SKU: "h", Categories: []string{"hats"}, Qty: 1, UnitPrice: cny("80.00")},
	)
	p := ninety("shoes")
	p.Target = promo.Selector{Categories: []string{"shoes"}, ExcludeTags: []string{"clearance"}}
	res = run(t, c, []promo.Promotion{p})
	assert.Equal(t, "CNY 410.00", res.Total.String())
	assert.Equal(t, []string{"s1"}, explanation(t, res, "shoes").Lines)

	// Selector.Matches directly.
	assert.True(t, p.Target.Matches(c.Lines[0]))
	assert.False(t, p.Target.Matches(c.Lines[1]))
	assert.False(t, p.Target.Matches(c.Lines[2]))
	assert.True(t, promo.Selector{}.Matches(c.Lines[2]))
	assert.False(t, promo.Selector{SKUs: []string{"h"}, ExcludeCategories: []string{"hats"}}.Matches(c.Lines[2]))
}

func TestThresholdAfterItemDiscounts(t *testing.T) {
	mj := promo.Promotion{ID: "mj", Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("300.00"), Off: cny("30.00")}}}}
	c := cart(line("a", 1, "320.00"))
	// 320.00 at 9折 is 288.00: 满300减30 is reached at the original price
	// but not after the item discount; 12.00 missing. Total 288.00.
	res := run(t, c, []promo.Promotion{ninety("item"), mj})
	ex := explanation(t, res, "mj")
	assert.Equal(t, "CNY 288.00", res.Total.String())
	assert.Equal(t, promo.NotApplicable, ex.Status)
	assert.Equal(t, promo.BelowThresholdAfterItemDiscounts, ex.Reason)
	assert.Equal(t, "CNY 12.00", ex.MissingAmount.String())
	assert.Equal(t, "mj: not applicable: below threshold after item discounts: add 12.00 more to get 30.00 off", ex.String())

	// BaseListPrice: the threshold is tested on 320.00: 288.00 - 30.00 = 258.00.
	mj.Action = promo.Threshold{Base: promo.BaseListPrice, Tiers: []promo.Tier{{MinAmount: cny("300.00"), Off: cny("30.00")}}}
	res = run(t, c, []promo.Promotion{ninety("item"), mj})
	assert.Equal(t, "CNY 258.00", res.Total.String())
	assert.Equal(t, promo.Applied, explanation(t, res, "mj").Status)
}

func TestThresholdAfterOrderDiscountReason(t *testing.T) {
	// 立减50 (priority 2) then 满300减30 (priority 1, on the running total)
	// on 320.00: the running total is 270.00, 30.00 short. No item promotion
	// exists, so the reason is BelowThreshold. Total 270.00.
	off := promo.Promotion{ID: "off50", Priority: 2, Action: promo.AmountOff{Amount: cny("50.00"), Scope: promo.PerOrder}}
	mj := promo.Promotion{ID: "mj", Priority: 1, Action: promo.Threshold{Base: promo.BaseRunningTotal, Tiers: []promo.Tier{{MinAmount: cny("300.00"), Off: cny("30.00")}}}}
	res := run(t, cart(line("a", 1, "320.00")), []promo.Promotion{off, mj})
	assert.Equal(t, "CNY 270.00", res.Total.String())
	ex := explanation(t, res, "mj")
	assert.Equal(t, promo.BelowThreshold, ex.Reason)
	assert.Equal(t, "CNY 30.00", ex.MissingAmount.String())

	// After items (the default) 320.00 reaches it: 320.00 - 50.00 - 30.00.
	mj.Action = promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("300.00"), Off: cny("30.00")}}}
	res = run(t, cart(line("a", 1, "320.00")), []promo.Promotion{off, mj})
	assert.Equal(t, "CNY 240.00", res.Total.String())
}

func TestLayerOrder(t *testing.T) {
	// 2 × 100.00, shipping 10.00.
	// item:     9折 → 180.00
	// order:    满150减30 on 180.00 → 150.00
	// shipping: 满150包邮 on 150.00 → fee waived
	// gift:     满150送 on 150.00 → gift
	// Total 150.00; ItemDiscount 20.00, OrderDiscount 30.00.
	layered := func(shipMin, giftMin string) []promo.Promotion {
		return []promo.Promotion{
			ninety("item"),
			{ID: "order", Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("150.00"), Off: cny("30.00")}}}},
			{ID: "ship", Action: promo.FreeShipping{MinAmount: cny(shipMin), Base: promo.BaseRunningTotal}},
			{ID: "gift", Action: promo.Gift{MinAmount: cny(giftMin), Base: promo.BaseRunningTotal, Options: []promo.GiftOption{{SKU: "cup", Qty: 1}}}},
		}
	}
	c := cart(line("a", 2, "100.00"))
	c.Shipping = cny("10.00")
	res := run(t, c, layered("150.00", "150.00"))
	assert.Equal(t, "CNY 20.00", res.ItemDiscount.String())
	assert.Equal(t, "CNY 30.00", res.OrderDiscount.String())
	assert.Equal(t, "CNY 0.00", res.ShippingAfter.String())
	assert.Equal(t, "CNY 150.00", res.Total.String())
	require.Len(t, res.Gifts, 1)
	require.Len(t, lineResult(t, res, "a").Adjustments, 2)
	assert.Equal(t, "item", lineResult(t, res, "a").Adjustments[0].PromotionID)
	assert.Equal(t, "order", lineResult(t, res, "a").Adjustments[1].PromotionID)
	var ids []string
	for _, r := range res.Redemptions {
		ids = append(ids, r.PromotionID)
	}
	assert.Equal(t, []string{"gift", "item", "order", "ship"}, ids)

	// Shipping and gift thresholds on the running total at 150.01 see
	// 150.00 after the order layer: fee kept, no gift, 0.01 missing each. Total 160.00.
	res = run(t, c, layered("150.01", "150.01"))
	assert.Equal(t, "CNY 160.00", res.Total.String())
	assert.Empty(t, res.Gifts)
	assert.Equal(t, "CNY 0.01", explanation(t, res, "ship").MissingAmount.String())
	assert.Equal(t, "CNY 0.01", explanation(t, res, "gift").MissingAmount.String())
	assert.Equal(t, promo.BelowThreshold, explanation(t, res, "gift").Reason)
}

func TestStacking(t *testing.T) {
	off5 := promo.Promotion{ID: "off5", Action: promo.AmountOff{Amount: cny("5.00")}}
	c := cart(line("a", 1, "100.00"))

	// Neither stackable: the unit takes the one that saves most, 9折 (10.00).
	res := run(t, c, []promo.Promotion{ninety("nine"), off5})
	assert.Equal(t, "CNY 90.00", res.Total.String())
	assert.Len(t, lineResult(t, res, "a").Adjustments, 1)
	assert.NotEqual(t, promo.Applied, explanation(t, res, "off5").Status)

	// Both stackable: 9折 then 直降5 on 90.00 (application order: same
	// priority, ID "nine" < "off5"): 85.00.
	nine := ninety("nine")
	nine.Stackable, off5.Stackable = true, true
	res = run(t, c, []promo.Promotion{nine, off5})
	assert.Equal(t, "CNY 85.00", res.Total.String())
	adj := lineResult(t, res, "a").Adjustments
	require.Len(t, adj, 2)
	assert.Equal(t, "CNY 10.00", adj[0].Amount.String())
	assert.Equal(t, "CNY 5.00", adj[1].Amount.String())

	// With 直降5 first (higher priority) the chain is 95.00 × 0.9 = 85.50.
	off5.Priority = 1
	res = run(t, c, []promo.Promotion{nine, off5})
	assert.Equal(t, "CNY 85.50", res.Total.String())

	// Only one stackable: no chain, the better single one.
	off5.Priority, off5.Stackable = 0, false
	res = run(t, c, []promo.Promotion{nine, off5})
	assert.Equal(t, "CNY 90.00", res.Total.String())
}

func TestPerUnitLoserExplanation(t *testing.T) {
	// 9折 (10.00) and 直降5 (5.00) on one 100.00 unit, neither stackable:
	// 9折 wins; 直降5 was eligible and would have saved 5.00.
	off5 := promo.Promotion{ID: "off5", Action: promo.AmountOff{Amount: cny("5.00")}}
	res := run(t, cart(line("a", 1, "100.00")), []promo.Promotion{ninety("nine"), off5})
	ex := explanation(t, res, "off5")
	assert.Equal(t, promo.NotChosen, ex.Status)
	assert.Equal(t, promo.BetterAlternative, ex.Reason)
}

func TestExplanationOrderAndStatusStrings(t *testing.T) {
	// Explanations come in application order: priority descending, then ID.
	ps := []promo.Promotion{ninety("b"), ninety("a"), ninety("z")}
	ps[2].Priority = 3
	ps[0].Stackable, ps[1].Stackable, ps[2].Stackable = true, true, true
	res := run(t, cart(line("x", 1, "100.00")), ps)
	var ids []string
	for _, e := range res.Explanations {
		ids = append(ids, e.PromotionID)
	}
	assert.Equal(t, []string{"z", "a", "b"}, ids)
	// 100 × 0.9 × 0.9 × 0.9 = 72.90.
	assert.Equal(t, "CNY 72.90", res.Total.String())

	assert.Equal(t, "applied", promo.Applied.String())
	assert.Equal(t, "not chosen", promo.NotChosen.String())
	assert.Equal(t, "excluded", promo.Excluded.String())
	assert.Equal(t, "Status(9)", promo.Status(9).String())
	assert.Equal(t, "below threshold after item discounts", promo.BelowThresholdAfterItemDiscounts.String())
	assert.Equal(t, "Reason(99)", promo.Reason(99).String())
	ex := promo.Explanation{PromotionID: "q", Status: promo.NotApplicable, Reason: promo.BelowThreshold,
		MissingQty: 2, NextReward: pricing.MustNew("5.00", pricing.CNY)}
	assert.Equal(t, "q: not applicable: below threshold: add 2 more items to get 5.00 off", ex.String())
}

func TestEnteredCouponBelowThresholdExplained(t *testing.T) {
	// The doc's own example: coupon199 满199减20, entered, on 175.50: the
	// customer should read "add 23.50 more to get 20.00 off in total". No other
	// combination is better; the coupon simply is not reached.
	p := promo.Promotion{ID: "coupon199", Coupon: "SAVE20", Action: promo.Threshold{Tiers: []promo.Tier{
		{MinAmount: cny("199.00"), Off: cny("20.00")}}}}
	fav := promo.Promotion{ID: "fav5", Action: promo.AmountOff{Amount: cny("5.00"), Scope: promo.PerOrder}}
	c := cart(line("a", 1, "175.50"))
	c.Coupons = []string{"save20"}
	res := run(t, c, []promo.Promotion{p, fav})
	assert.Equal(t, "CNY 170.50", res.Total.String())
	ex := explanation(t, res, "coupon199")
	assert.Equal(t, promo.NotApplicable, ex.Status)
	assert.Equal(t, promo.BelowThreshold, ex.Reason)
	assert.Equal(t, "CNY 23.50", ex.MissingAmount.String())
	assert.Equal(t, "coupon199: not applicable: below threshold: add 23.50 more to get 20.00 off", ex.String())
}
