package promo_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkCatalog is a small store: two shirts, socks, a mug given as a gift
// elsewhere, each with a list price.
func checkCatalog() []promo.CatalogItem {
	return []promo.CatalogItem{
		{SKU: "shirt-red", Product: "shirt", Categories: []string{"apparel"}, ListPrice: cny("199.00"), Cost: cny("80.00")},
		{SKU: "shirt-blue", Product: "shirt", Categories: []string{"apparel"}, ListPrice: cny("189.00"), Cost: cny("80.00")},
		{SKU: "socks", Categories: []string{"apparel"}, ListPrice: cny("29.90"), Cost: cny("9.00")},
		{SKU: "mug", Categories: []string{"home"}, ListPrice: cny("39.00"), Cost: cny("12.00")},
	}
}

func checkCampaign(ps ...promo.Promotion) promo.Campaign {
	return promo.Campaign{Name: "双11", Currency: pricing.CNY, Promotions: ps}
}

func mustCheck(t *testing.T, c promo.Campaign, catalog []promo.CatalogItem, opts ...promo.Option) []promo.Finding {
	t.Helper()
	fs, err := promo.Check(c, catalog, opts...)
	require.NoError(t, err)
	return fs
}

// kinds lists "kind path" of each finding, for compact assertions.
func kinds(fs []promo.Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Kind.String() + " " + f.Path
	}
	return out
}

func tiers(ts ...promo.Tier) promo.Threshold { return promo.Threshold{Tiers: ts} }

func amountTier(min, off string) promo.Tier { return promo.Tier{MinAmount: cny(min), Off: cny(off)} }

func TestCheckCleanCampaign(t *testing.T) {
	c := checkCampaign(
		promo.Promotion{ID: "manjian", Action: tiers(amountTier("200.00", "20.00"), amountTier("400.00", "50.00"))},
		promo.Promotion{ID: "apparel", Target: promo.Selector{Categories: []string{"apparel"}},
			Action: promo.PercentOff{Rate: rate("9折")}},
	)
	assert.Empty(t, mustCheck(t, c, checkCatalog()))
}

func TestCheckTierNotBetter(t *testing.T) {
	cases := []struct {
		name   string
		action promo.Threshold
		want   []string
	}{
		{"amount tier gives the same as the tier below",
			tiers(amountTier("200.00", "20.00"), amountTier("300.00", "20.00")),
			[]string{"tier_not_better promotions[0].action.tiers[1]"}},
		{"amount tier gives less",
			tiers(amountTier("200.00", "30.00"), amountTier("300.00", "25.00"), amountTier("400.00", "50.00")),
			[]string{"tier_not_better promotions[0].action.tiers[1]"}},
		{"one fen more is better", tiers(amountTier("200.00", "20.00"), amountTier("300.00", "20.01")), nil},
		{"rate tier no deeper than the one below",
			tiers(promo.Tier{MinAmount: cny("100.00"), Rate: rate("9折")}, promo.Tier{MinAmount: cny("200.00"), Rate: rate("9折")}),
			[]string{"tier_not_better promotions[0].action.tiers[1]"}},
		{"deeper rate is better",
			tiers(promo.Tier{MinAmount: cny("100.00"), Rate: rate("9折")}, promo.Tier{MinAmount: cny("200.00"), Rate: rate("8.5折")}), nil},
		// 9折 from 100 gives at least 30.00 from 300 on: a tier of 30.00 off
		// at 300 adds nothing; 30.01 off does (at exactly 300.00).
		{"amount tier under the rate below at its minimum",
			tiers(promo.Tier{MinAmount: cny("100.00"), Rate: rate("9折")}, amountTier("300.00", "30.00")),
			[]string{"tier_not_better promotions[0].action.tiers[1]"}},
		{"amount tier above the rate below at its minimum",
			tiers(promo.Tier{MinAmount: cny("100.00"), Rate: rate("9折")}, amountTier("300.00", "30.01")), nil},
		// A rate above an amount grows with the cart: never flagged.
		{"rate tier above an amount tier",
			tiers(amountTier("100.00", "50.00"), promo.Tier{MinAmount: cny("200.00"), Rate: rate("9.9折")}), nil},
		{"by quantity, amounts",
			promo.Threshold{Basis: promo.ByQuantity, Tiers: []promo.Tier{{MinQty: 2, Off: cny("10.00")}, {MinQty: 3, Off: cny("10.00")}}},
			[]string{"tier_not_better promotions[0].action.tiers[1]"}},
		{"by quantity, an amount against a rate is not comparable",
			promo.Threshold{Basis: promo.ByQuantity, Tiers: []promo.Tier{{MinQty: 2, Rate: rate("9折")}, {MinQty: 3, Off: cny("1.00")}}}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := mustCheck(t, checkCampaign(promo.Promotion{ID: "m", Action: tc.action}), nil)
			assert.Equal(t, tc.want, nilIfEmpty(kinds(fs)))
			for _, f := range fs {
				assert.Equal(t, promo.SeverityWarning, f.Severity)
				assert.Equal(t, []string{"m"}, f.Promotions)
			}
		})
	}
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// Tiers out of order are a validation problem; Check names them with their
// own kind and does not repeat them as invalid.
func TestCheckTiersOutOfOrder(t *testing.T) {
	c := checkCampaign(promo.Promotion{ID: "m", Action: tiers(amountTier("300.00", "30.00"), amountTier("200.00", "20.00"))})
	fs := mustCheck(t, c, nil)
	require.Equal(t, []string{"tiers_out_of_order promotions[0].action.tiers[1]"}, kinds(fs))
	assert.Equal(t, promo.SeverityError, fs[0].Severity)
	assert.Equal(t, "tier 1 starts at CNY 200.00, not above tier 0's CNY 300.00", fs[0].Message)
	assert.Error(t, c.Validate(), "the campaign does not validate")

	// Equal minimums are out of order too.
	c = checkCampaign(promo.Promotion{ID: "m", Action: tiers(amountTier("300.00", "30.00"), amountTier("300.00", "40.00"))})
	assert.Equal(t, []string{"tiers_out_of_order promotions[0].action.tiers[1]"}, kinds(mustCheck(t, c, nil)))
	// Minimums of zero are invalid, and not compared.
	c = checkCampaign(promo.Promotion{ID: "m", Action: promo.Threshold{Basis: promo.ByQuantity,
		Tiers: []promo.Tier{{MinQty: 0, Off: cny("1.00")}, {MinQty: 0, Off: cny("1.00")}}}})
	for _, f := range mustCheck(t, c, nil) {
		assert.Equal(t, promo.FindingInvalid, f.Kind, f.String())
	}
	c = checkCampaign(promo.Promotion{ID: "m", Action: tiers(amountTier("0.00", "1.00"), amountTier("0.00", "1.00"))})
	for _, f := range mustCheck(t, c, nil) {
		assert.Equal(t, promo.FindingInvalid, f.Kind, f.String())
	}
}

func TestCheckInvalid(t *testing.T) {
	c := checkCampaign(promo.Promotion{ID: "n", Action: promo.NthItem{N: 1, Rate: rate("5折")}})
	fs := mustCheck(t, c, nil)
	require.Len(t, fs, 1)
	assert.Equal(t, promo.FindingInvalid, fs[0].Kind)
	assert.Equal(t, promo.SeverityError, fs[0].Severity)
	assert.Equal(t, "promotions[0].action.n", fs[0].Path)
	assert.Equal(t, []string{"n"}, fs[0].Promotions)
	assert.Contains(t, fs[0].Message, "at least 2")
}

// A campaign-level problem names no promotion; past MaxPromotions only
// the validation problem is reported.
func TestCheckCampaignLevel(t *testing.T) {
	c := promo.Campaign{Promotions: []promo.Promotion{{ID: "a", Action: promo.AmountOff{Amount: cny("1.00")}}}}
	fs := mustCheck(t, c, nil)
	require.NotEmpty(t, fs)
	assert.Equal(t, promo.FindingInvalid, fs[0].Kind)
	assert.Equal(t, "currency", fs[0].Path)
	assert.Nil(t, fs[0].Promotions)

	notBetter := promo.Promotion{Action: tiers(amountTier("200.00", "20.00"), amountTier("300.00", "20.00"))}
	many := make([]promo.Promotion, promo.MaxPromotions)
	for i := range many {
		many[i] = notBetter
		many[i].ID = fmt.Sprint("p", i)
	}
	fs = mustCheck(t, checkCampaign(many...), nil)
	assert.Len(t, fs, promo.MaxPromotions, "every promotion linted at the limit")
	fs = mustCheck(t, checkCampaign(append(many, promo.Promotion{ID: "last", Action: promo.AmountOff{Amount: cny("1.00")}})...), nil)
	require.Len(t, fs, 1, "beyond the limit: the one problem")
	assert.Equal(t, promo.FindingInvalid, fs[0].Kind)
	assert.Contains(t, fs[0].Message, "at most 10000")
}

func TestCheckMatchesNothing(t *testing.T) {
	c := checkCampaign(
		promo.Promotion{ID: "shoes", Target: promo.Selector{Categories: []string{"shoes"}}, Action: promo.PercentOff{Rate: rate("8折")}},
		promo.Promotion{ID: "bxgy", Target: promo.Selector{Products: []string{"shirt"}},
			Action: promo.BuyXGetY{BuyQty: 1, GetQty: 1, Free: true, Get: &promo.Selector{SKUs: []string{"hat"}}}},
		promo.Promotion{ID: "combo", Action: promo.Combo{Price: cny("199.00"), Parts: []promo.ComboPart{
			{Items: promo.Selector{Products: []string{"shirt"}}, Qty: 1}, {Items: promo.Selector{SKUs: []string{"belt"}}, Qty: 1}}}},
		// Excluding every apparel item and the mug leaves nothing.
		promo.Promotion{ID: "none", Target: promo.Selector{ExcludeCategories: []string{"apparel", "home"}}, Action: promo.AmountOff{Amount: cny("1.00")}},
	)
	fs := mustCheck(t, c, checkCatalog())
	assert.Equal(t, []string{
		"matches_nothing promotions[0].target",
		"matches_nothing promotions[1].action.get",
		"matches_nothing promotions[2].action.parts[1].items",
		"matches_nothing promotions[3].target",
	}, kinds(fs))
	assert.Contains(t, fs[0].Message, "4 items")
	// Without a catalog nothing can be said.
	assert.Empty(t, mustCheck(t, c, nil))
}

func TestCheckNeverOpens(t *testing.T) {
	sh := time.FixedZone("CST", 8*3600)
	start := time.Date(2026, 11, 10, 20, 0, 0, 0, sh) // 双11 presale evening to the end of 11.11
	end := time.Date(2026, 11, 12, 0, 0, 0, 0, sh)
	period := promo.WithCheckPeriod(start, end)
	off := promo.AmountOff{Amount: cny("5.00"), Scope: promo.PerOrder}
	cases := []struct {
		name string
		p    promo.Promotion
		want []string
	}{
		{"window before the period", promo.Promotion{End: start}, []string{"never_opens promotions[0].start"}},
		{"window after the period", promo.Promotion{Start: end}, []string{"never_opens promotions[0].start"}},
		{"window meets the period's last second", promo.Promotion{Start: end.Add(-time.Second)}, nil},
		// 10 and 11 November 2026 are a Tuesday and a Wednesday.
		{"weekend schedule in a Tuesday-Wednesday period",
			promo.Promotion{Schedule: &promo.Schedule{TimeZone: sh, Weekdays: []time.Weekday{time.Saturday, time.Sunday}}},
			[]string{"never_opens promotions[0].schedule"}},
		{"Wednesday schedule", promo.Promotion{Schedule: &promo.Schedule{TimeZone: sh, Weekdays: []time.Weekday{time.Wednesday}}}, nil},
		// A Tuesday happy hour 14:00-17:00 ends before the period starts at 20:00 on Tuesday.
		{"Tuesday afternoon before a Tuesday-evening start",
			promo.Promotion{Schedule: &promo.Schedule{TimeZone: sh, Weekdays: []time.Weekday{time.Tuesday},
				Hours: []promo.ClockRange{{Start: promo.Clock(14, 0), End: promo.Clock(17, 0)}}}},
			[]string{"never_opens promotions[0].schedule"}},
		{"Tuesday until 20:00 closes as the period opens",
			promo.Promotion{Schedule: &promo.Schedule{TimeZone: sh, Weekdays: []time.Weekday{time.Tuesday},
				Hours: []promo.ClockRange{{Start: promo.Clock(14, 0), End: promo.Clock(20, 0)}}}},
			[]string{"never_opens promotions[0].schedule"}},
		{"Tuesday until 20:01 opens for a minute",
			promo.Promotion{Schedule: &promo.Schedule{TimeZone: sh, Weekdays: []time.Weekday{time.Tuesday},
				Hours: []promo.ClockRange{{Start: promo.Clock(14, 0), End: promo.Clock(20, 1)}}}}, nil},
		// In UTC the period runs from Tuesday 12:00 to Wednesday 16:00.
		{"a schedule in another zone", promo.Promotion{Schedule: &promo.Schedule{TimeZone: time.UTC,
			Weekdays: []time.Weekday{time.Wednesday}, Hours: []promo.ClockRange{{Start: promo.Clock(16, 0), End: promo.Clock(24, 0)}}}},
			[]string{"never_opens promotions[0].schedule"}},
		{"a schedule in another zone, opening", promo.Promotion{Schedule: &promo.Schedule{TimeZone: time.UTC,
			Weekdays: []time.Weekday{time.Wednesday}, Hours: []promo.ClockRange{{Start: promo.Clock(15, 59), End: promo.Clock(24, 0)}}}}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.p.ID, tc.p.Action = "p", off
			fs := mustCheck(t, checkCampaign(tc.p), nil, period)
			assert.Equal(t, tc.want, nilIfEmpty(kinds(fs)))
			// Without a period nothing is judged.
			assert.Empty(t, mustCheck(t, checkCampaign(tc.p), nil))
		})
	}
	// A long period: every weekday appears within the first eight days.
	p := promo.Promotion{ID: "p", Action: off, Schedule: &promo.Schedule{TimeZone: sh, Weekdays: []time.Weekday{time.Monday}}}
	assert.Empty(t, mustCheck(t, checkCampaign(p), nil, promo.WithCheckPeriod(start, start.AddDate(1, 0, 0))))
	assert.Empty(t, mustCheck(t, checkCampaign(p), nil, promo.WithCheckPeriod(start, start.AddDate(0, 0, 6))),
		"Tuesday 20:00 + 6 days reaches Monday 16 November")
	assert.NotEmpty(t, mustCheck(t, checkCampaign(p), nil, promo.WithCheckPeriod(start, start.Add(5*24*time.Hour+4*time.Hour))),
		"up to Monday 00:00 excluded")
}

func TestCheckDominatedCoupon(t *testing.T) {
	coupon := func(id, code string, a promo.Action) promo.Promotion {
		return promo.Promotion{ID: id, Coupon: code, Group: "store-coupons", Action: a}
	}
	cases := []struct {
		name string
		ps   []promo.Promotion
		want []string
	}{
		{"满300减30 beaten by 满200减30",
			[]promo.Promotion{coupon("a", "A", tiers(amountTier("300.00", "30.00"))), coupon("b", "B", tiers(amountTier("200.00", "30.00")))},
			[]string{"dominated_coupon promotions[0].coupon"}},
		{"满200减30 against 满300减40: each better somewhere",
			[]promo.Promotion{coupon("a", "A", tiers(amountTier("200.00", "30.00"))), coupon("b", "B", tiers(amountTier("300.00", "40.00")))}, nil},
		{"two tiers against one covering both",
			[]promo.Promotion{
				coupon("a", "A", tiers(amountTier("200.00", "20.00"), amountTier("400.00", "50.00"))),
				coupon("b", "B", tiers(amountTier("200.00", "25.00"), amountTier("350.00", "50.00")))},
			[]string{"dominated_coupon promotions[0].coupon"}},
		{"a second tier the other lacks",
			[]promo.Promotion{
				coupon("a", "A", tiers(amountTier("200.00", "20.00"), amountTier("400.00", "50.00"))),
				coupon("b", "B", tiers(amountTier("200.00", "25.00")))}, nil},
		{"identical coupons: the later one is reported",
			[]promo.Promotion{coupon("a", "A", tiers(amountTier("200.00", "20.00"))), coupon("b", "B", tiers(amountTier("200.00", "20.00")))},
			[]string{"dominated_coupon promotions[1].coupon"}},
		{"8折 beats 9折", []promo.Promotion{coupon("a", "A", promo.PercentOff{Rate: rate("9折")}), coupon("b", "B", promo.PercentOff{Rate: rate("8折")})},
			[]string{"dominated_coupon promotions[0].coupon"}},
		{"a capped 8折 does not beat an uncapped 9折", []promo.Promotion{
			coupon("a", "A", promo.PercentOff{Rate: rate("9折")}), coupon("b", "B", promo.PercentOff{Rate: rate("8折"), Cap: cny("10.00")})}, nil},
		{"different groups", []promo.Promotion{coupon("a", "A", promo.AmountOff{Amount: cny("5.00")}),
			{ID: "b", Coupon: "B", Group: "other", Action: promo.AmountOff{Amount: cny("6.00")}}}, nil},
		{"different targets", []promo.Promotion{coupon("a", "A", promo.AmountOff{Amount: cny("5.00")}),
			{ID: "b", Coupon: "B", Group: "store-coupons", Target: promo.Selector{SKUs: []string{"socks"}}, Action: promo.AmountOff{Amount: cny("6.00")}}}, nil},
		{"the better one is limited per customer", []promo.Promotion{coupon("a", "A", promo.AmountOff{Amount: cny("5.00")}),
			{ID: "b", Coupon: "B", Group: "store-coupons", Limits: promo.Limits{PerCustomer: 1}, Action: promo.AmountOff{Amount: cny("6.00")}}}, nil},
		// On [300, 400) an amount of 40.00 beats 9折 of at most 399.99
		// (39.999); 39.99 does not.
		{"an amount tier beats a rate tier on a bounded interval",
			[]promo.Promotion{coupon("a", "A", tiers(promo.Tier{MinAmount: cny("300.00"), Rate: rate("9折")}, amountTier("400.00", "50.00"))),
				coupon("b", "B", tiers(amountTier("300.00", "40.00"), amountTier("400.00", "50.00")))},
			[]string{"dominated_coupon promotions[0].coupon"}},
		{"an amount tier one fen short of a rate tier's top",
			[]promo.Promotion{coupon("a", "A", tiers(promo.Tier{MinAmount: cny("300.00"), Rate: rate("9折")}, amountTier("400.00", "50.00"))),
				coupon("b", "B", tiers(amountTier("300.00", "39.99"), amountTier("400.00", "50.00")))}, nil},
		{"equal per-customer limits", []promo.Promotion{
			{ID: "a", Coupon: "A", Group: "store-coupons", Limits: promo.Limits{PerCustomer: 1}, Action: promo.AmountOff{Amount: cny("5.00")}},
			{ID: "b", Coupon: "B", Group: "store-coupons", Limits: promo.Limits{PerCustomer: 1}, Action: promo.AmountOff{Amount: cny("6.00")}}},
			[]string{"dominated_coupon promotions[0].coupon"}},
		{"the better one allows more per customer", []promo.Promotion{
			{ID: "a", Coupon: "A", Group: "store-coupons", Limits: promo.Limits{PerCustomer: 1}, Action: promo.AmountOff{Amount: cny("5.00")}},
			{ID: "b", Coupon: "B", Group: "store-coupons", Limits: promo.Limits{PerCustomer: 2}, Action: promo.AmountOff{Amount: cny("6.00")}}},
			[]string{"dominated_coupon promotions[0].coupon"}},
		{"the better one allows fewer in total", []promo.Promotion{
			{ID: "a", Coupon: "A", Group: "store-coupons", Limits: promo.Limits{Total: 100}, Action: promo.AmountOff{Amount: cny("5.00")}},
			{ID: "b", Coupon: "B", Group: "store-coupons", Limits: promo.Limits{Total: 99}, Action: promo.AmountOff{Amount: cny("6.00")}}}, nil},
		{"equal rates: the later one", []promo.Promotion{coupon("a", "A", promo.PercentOff{Rate: rate("9折")}), coupon("b", "B", promo.PercentOff{Rate: rate("9折")})},
			[]string{"dominated_coupon promotions[1].coupon"}},
		{"rates of different scopes", []promo.Promotion{coupon("a", "A", promo.PercentOff{Rate: rate("9折")}),
			coupon("b", "B", promo.PercentOff{Rate: rate("8折"), Scope: promo.PerOrder})}, nil},
		{"equal amounts: the later one", []promo.Promotion{coupon("a", "A", promo.AmountOff{Amount: cny("5.00")}), coupon("b", "B", promo.AmountOff{Amount: cny("5.00")})},
			[]string{"dominated_coupon promotions[1].coupon"}},
		{"amounts of different scopes", []promo.Promotion{coupon("a", "A", promo.AmountOff{Amount: cny("5.00")}),
			coupon("b", "B", promo.AmountOff{Amount: cny("6.00"), Scope: promo.PerOrder})}, nil},
		{"a rate against an amount", []promo.Promotion{coupon("a", "A", promo.AmountOff{Amount: cny("5.00")}),
			coupon("b", "B", promo.PercentOff{Rate: rate("1折")})}, nil},
		// A's second tier gives less than B from 350.00 on: neither wins
		// everywhere.
		{"a later tier of the better one gives less",
			[]promo.Promotion{coupon("a", "A", tiers(amountTier("200.00", "30.00"), amountTier("350.00", "10.00"))),
				coupon("b", "B", tiers(amountTier("200.00", "25.00")))},
			[]string{"tier_not_better promotions[0].action.tiers[1]"}},
		// Tiers out of order are not compared.
		{"invalid tiers",
			[]promo.Promotion{coupon("a", "A", tiers(amountTier("200.00", "20.00"), amountTier("200.00", "30.00"))),
				coupon("b", "B", tiers(amountTier("200.00", "30.00")))},
			[]string{"tiers_out_of_order promotions[0].action.tiers[1]"}},
		{"the dominating coupon is not the next one", []promo.Promotion{coupon("a", "A", promo.AmountOff{Amount: cny("5.00")}),
			{ID: "x", Coupon: "X", Group: "store-coupons", Target: promo.Selector{SKUs: []string{"socks"}}, Action: promo.AmountOff{Amount: cny("9.00")}},
			coupon("b", "B", promo.AmountOff{Amount: cny("6.00")})},
			[]string{"dominated_coupon promotions[0].coupon"}},
		{"rate tier beats an amount tier from its minimum",
			[]promo.Promotion{coupon("a", "A", tiers(amountTier("300.00", "30.00"))),
				coupon("b", "B", tiers(promo.Tier{MinAmount: cny("300.00"), Rate: rate("9折")}))},
			[]string{"dominated_coupon promotions[0].coupon"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := mustCheck(t, checkCampaign(tc.ps...), nil)
			assert.Equal(t, tc.want, nilIfEmpty(kinds(fs)))
			for _, f := range fs {
				if f.Kind == promo.FindingDominatedCoupon {
					assert.Len(t, f.Promotions, 2, "the dominated coupon and the one that beats it")
				}
			}
		})
	}
}

// The dominance finding is a claim about every cart: evaluating carts with
// each coupon entered alone, the dominating one always saves at least as
// much.
func TestCheckDominatedCouponHoldsOnCarts(t *testing.T) {
	a := promo.Promotion{ID: "a", Coupon: "A", Group: "g", Action: tiers(amountTier("200.00", "20.00"), amountTier("400.00", "50.00"))}
	b := promo.Promotion{ID: "b", Coupon: "B", Group: "g", Action: tiers(amountTier("200.00", "25.00"), amountTier("350.00", "50.00"))}
	require.Equal(t, []string{"dominated_coupon promotions[0].coupon"}, kinds(mustCheck(t, checkCampaign(a, b), nil)))
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{a, b})
	require.NoError(t, err)
	for fen := int64(15000); fen <= 50000; fen += 1237 {
		price, _ := pricing.NewFromMinor(fen, pricing.CNY)
		c := cart(promo.Line{ID: "x", SKU: "x", Qty: 1, UnitPrice: price})
		c.Coupons = []string{"A"}
		ra, err := e.Evaluate(c)
		require.NoError(t, err)
		c.Coupons = []string{"B"}
		rb, err := e.Evaluate(c)
		require.NoError(t, err)
		cmp, err := rb.OrderDiscount.Cmp(ra.OrderDiscount)
		if ra.OrderDiscount.IsValid() {
			require.NoError(t, err)
			assert.GreaterOrEqual(t, cmp, 0, "at %s: B saves %s, A %s", price, rb.OrderDiscount, ra.OrderDiscount)
		}
	}
}

func TestCheckBudgetBelowRedemption(t *testing.T) {
	withBudget := func(b string, a promo.Action) promo.Promotion {
		return promo.Promotion{ID: "p", Limits: promo.Limits{Budget: cny(b)}, Action: a}
	}
	cases := []struct {
		name string
		p    promo.Promotion
		want []string
	}{
		{"budget under the lowest tier", withBudget("19.99", tiers(amountTier("200.00", "20.00"), amountTier("400.00", "50.00"))),
			[]string{"budget_below_redemption promotions[0].limits.budget"}},
		{"budget equal to the lowest tier", withBudget("20.00", tiers(amountTier("200.00", "20.00"))), nil},
		// 9折 from 100.00 gives at least 10.00.
		{"a rate tier at its minimum", withBudget("9.99", tiers(promo.Tier{MinAmount: cny("100.00"), Rate: rate("9折")})),
			[]string{"budget_below_redemption promotions[0].limits.budget"}},
		{"a rate tier at its minimum, enough", withBudget("10.00", tiers(promo.Tier{MinAmount: cny("100.00"), Rate: rate("9折")})), nil},
		{"每满 step", withBudget("29.99", promo.Threshold{Every: &promo.Step{Amount: cny("300.00"), Off: cny("30.00")}}),
			[]string{"budget_below_redemption promotions[0].limits.budget"}},
		// AmountOff: the least is the amount or the cheapest targeted item,
		// whichever is less (socks list at 29.90).
		{"amount off bounded by the cheapest item", withBudget("29.89", promo.AmountOff{Amount: cny("50.00"), Scope: promo.PerOrder}),
			[]string{"budget_below_redemption promotions[0].limits.budget"}},
		{"amount off, budget at the cheapest item", withBudget("29.90", promo.AmountOff{Amount: cny("50.00"), Scope: promo.PerOrder}), nil},
		{"a rate off has no least", withBudget("0.01", promo.PercentOff{Rate: rate("9折")}), nil},
		// The least tier is not always the first: 9折 from 100.00 gives
		// 10.00, the 200.00 tier only 8.00.
		// (a second tier that gives less, which Check also reports).
		{"the least of the tiers", withBudget("7.99", tiers(promo.Tier{MinAmount: cny("100.00"), Rate: rate("9折")}, amountTier("200.00", "8.00"))),
			[]string{"tier_not_better promotions[0].action.tiers[1]", "budget_below_redemption promotions[0].limits.budget"}},
		{"the least of the tiers, enough", withBudget("8.00", tiers(promo.Tier{MinAmount: cny("100.00"), Rate: rate("9折")}, amountTier("200.00", "8.00"))),
			[]string{"tier_not_better promotions[0].action.tiers[1]"}},
		{"by quantity, amounts", withBudget("4.99", promo.Threshold{Basis: promo.ByQuantity, Tiers: []promo.Tier{{MinQty: 2, Off: cny("5.00")}}}),
			[]string{"budget_below_redemption promotions[0].limits.budget"}},
		{"by quantity, a rate has no least", withBudget("0.01", promo.Threshold{Basis: promo.ByQuantity, Tiers: []promo.Tier{{MinQty: 2, Rate: rate("9折")}}}), nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, nilIfEmpty(kinds(mustCheck(t, checkCampaign(tc.p), checkCatalog()))))
		})
	}
}

func TestCheckGiftShippingPriorityCampaign(t *testing.T) {
	floor, err := pricing.NewFloorPolicy(pricing.MinListRatio(rate("7折")), pricing.ExemptCampaigns("双11"))
	require.NoError(t, err)
	c := checkCampaign(
		promo.Promotion{ID: "gift", Action: promo.Gift{MinAmount: cny("300.00"), Options: []promo.GiftOption{{SKU: "mug", Qty: 1}, {SKU: "tote", Qty: 1}}}},
		promo.Promotion{ID: "ship", Action: promo.FreeShipping{MinAmount: cny("29.90")}},
		promo.Promotion{ID: "ship2", Action: promo.FreeShipping{MinAmount: cny("29.91")}},
		promo.Promotion{ID: "ship3", Action: promo.FreeShipping{MinQty: 1}},
		promo.Promotion{ID: "ship4", Action: promo.FreeShipping{MinAmount: cny("0.00")}}, // no threshold: meant to be free
		promo.Promotion{ID: "home", Priority: 5, Target: promo.Selector{Categories: []string{"home"}}, Action: promo.PercentOff{Rate: rate("9折")}},
		promo.Promotion{ID: "shirts", Priority: 5, Target: promo.Selector{Products: []string{"shirt"}}, Action: promo.AmountOff{Amount: cny("10.00")}},
		promo.Promotion{ID: "socks", Target: promo.Selector{SKUs: []string{"socks", "shirt-red"}}, Action: promo.AmountOff{Amount: cny("1.00")}},
		promo.Promotion{ID: "d11", Campaign: "double11", Action: promo.AmountOff{Amount: cny("3.00"), Scope: promo.PerOrder}},
	)
	fs := mustCheck(t, c, checkCatalog(), promo.WithFloor(floor))
	assert.Equal(t, []string{
		"gift_not_in_catalog promotions[0].action.options[1].sku",
		"shipping_always_free promotions[1].action.min_amount",
		"shipping_always_free promotions[3].action.min_qty",
		"priority_no_effect promotions[5].priority",
		"unknown_campaign promotions[8].campaign",
	}, kinds(fs))
	sev := map[promo.FindingKind]promo.Severity{}
	for _, f := range fs {
		sev[f.Kind] = f.Severity
	}
	assert.Equal(t, promo.SeverityWarning, sev[promo.FindingGiftNotInCatalog])
	assert.Equal(t, promo.SeverityInfo, sev[promo.FindingShippingAlwaysFree])
	assert.Equal(t, promo.SeverityInfo, sev[promo.FindingPriorityNoEffect])
	assert.Equal(t, promo.SeverityError, sev[promo.FindingUnknownCampaign])
	assert.Contains(t, fs[4].Message, `"double11"`)
	assert.Contains(t, fs[1].Message, "CNY 29.90")
	assert.Contains(t, fs[4].Message, "双11")
}

func TestCheckErrors(t *testing.T) {
	// Two promotions: the work is promotions × items.
	c := checkCampaign(promo.Promotion{ID: "p", Action: promo.AmountOff{Amount: cny("1.00")}},
		promo.Promotion{ID: "q", Action: promo.AmountOff{Amount: cny("2.00")}})
	t0 := time.Date(2026, 11, 11, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name    string
		catalog []promo.CatalogItem
		opts    []promo.Option
		field   string
		err     error
	}{
		{"end before start", nil, []promo.Option{promo.WithCheckPeriod(t0, t0)}, "WithCheckPeriod", promo.ErrInvalidOption},
		{"only an end", nil, []promo.Option{promo.WithCheckPeriod(time.Time{}, t0)}, "WithCheckPeriod", promo.ErrInvalidOption},
		{"bad budget", nil, []promo.Option{promo.WithWorkBudget(0)}, "WithWorkBudget", promo.ErrInvalidOption},
		{"catalog too large", make([]promo.CatalogItem, promo.MaxCatalogItems+1), nil, "catalog", promo.ErrTooLarge},
		{"beyond the work budget", make([]promo.CatalogItem, 6), []promo.Option{promo.WithWorkBudget(10)}, "catalog", promo.ErrTooLarge},
		{"price in dollars", []promo.CatalogItem{{SKU: "x", ListPrice: pricing.MustNew("1.00", pricing.USD)}}, nil,
			"catalog[0].list_price", promo.ErrInvalidPromotion},
		{"cost in dollars", []promo.CatalogItem{{SKU: "x", Cost: pricing.MustNew("1.00", pricing.USD)}}, nil,
			"catalog[0].cost", promo.ErrInvalidPromotion},
		{"too many tags", []promo.CatalogItem{{SKU: "x", Tags: make([]string, promo.MaxLabels+1)}}, nil, "catalog[0].tags", promo.ErrTooLarge},
		{"too many categories", []promo.CatalogItem{{SKU: "x", Categories: make([]string, promo.MaxLabels+1)}}, nil, "catalog[0].categories", promo.ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := promo.Check(c, tc.catalog, tc.opts...)
			var fe *promo.FieldError
			require.True(t, errors.As(err, &fe), "%v", err)
			assert.Equal(t, "check campaign", fe.Op)
			assert.Equal(t, tc.field, fe.Field)
			assert.ErrorIs(t, err, tc.err)
		})
	}
	// At the limits: exactly the budget, exactly MaxLabels.
	_, err := promo.Check(c, make([]promo.CatalogItem, 5), promo.WithWorkBudget(10))
	assert.NoError(t, err, "2 × 5 is the budget")
	_, err = promo.Check(checkCampaign(), make([]promo.CatalogItem, promo.MaxCatalogItems))
	assert.NoError(t, err, "MaxCatalogItems items")
	_, err = promo.Check(c, []promo.CatalogItem{{SKU: "x", Tags: make([]string, promo.MaxLabels)}})
	assert.NoError(t, err)
}

func TestFindingJSON(t *testing.T) {
	f := promo.Finding{Kind: promo.FindingDominatedCoupon, Severity: promo.SeverityWarning, Promotions: []string{"a", "b"},
		Path: "promotions[0].coupon", Message: "m"}
	b, err := json.Marshal(f)
	require.NoError(t, err)
	assert.JSONEq(t, `{"kind":"dominated_coupon","severity":"warning","promotions":["a","b"],"path":"promotions[0].coupon","message":"m"}`, string(b))
	var g promo.Finding
	require.NoError(t, json.Unmarshal(b, &g))
	assert.Equal(t, f, g)
	assert.Equal(t, "warning dominated_coupon promotions[0].coupon: m", f.String())
	for _, bad := range []string{`{"kind":"nope"}`, `{"severity":"fatal"}`, `{"kind":""}`, `{"severity":""}`} {
		g := promo.Finding{Kind: promo.FindingInvalid, Severity: promo.SeverityInfo}
		assert.Error(t, json.Unmarshal([]byte(bad), &g), bad)
		assert.Equal(t, promo.FindingInvalid, g.Kind, "unchanged on an unknown name")
		assert.Equal(t, promo.SeverityInfo, g.Severity, "unchanged on an unknown name")
	}
	for k := promo.FindingInvalid; k <= promo.FindingUnknownCampaign; k++ {
		b, err := k.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, k.String(), string(b))
		assert.NotContains(t, string(b), "FindingKind")
	}
	for _, bad := range []promo.FindingKind{0, promo.FindingUnknownCampaign + 1} {
		_, err := bad.MarshalText()
		assert.ErrorIs(t, err, promo.ErrUnknownName)
		assert.True(t, strings.HasPrefix(bad.String(), "FindingKind("))
	}
	for _, bad := range []promo.Severity{0, promo.SeverityError + 1} {
		_, err := bad.MarshalText()
		assert.ErrorIs(t, err, promo.ErrUnknownName)
		assert.True(t, strings.HasPrefix(bad.String(), "Severity("))
	}
	assert.Equal(t, "info", promo.SeverityInfo.String())
	assert.Equal(t, "error", promo.SeverityError.String())
}

// Check on a hostile campaign (extreme numbers, many coupons in one group)
// ends quickly and never panics.
func TestCheckHostileCampaign(t *testing.T) {
	var ps []promo.Promotion
	for i := range 600 {
		ps = append(ps, promo.Promotion{ID: "c" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26)),
			Coupon: "C", Group: "g", Action: tiers(amountTier("300.00", "30.00"), amountTier("600.00", "70.00"))})
	}
	ps = append(ps, promo.Promotion{ID: "big", Action: promo.Threshold{Basis: promo.ByQuantity,
		Tiers: []promo.Tier{{MinQty: math.MaxInt64, Off: cny("1.00")}, {MinQty: math.MinInt64, Off: cny("2.00")}}}})
	fs, err := promo.Check(checkCampaign(ps...), checkCatalog())
	require.NoError(t, err)
	dominated := 0
	for _, f := range fs {
		if f.Kind == promo.FindingDominatedCoupon {
			dominated++
		}
	}
	assert.Equal(t, 599, dominated, "600 identical coupons: each but the first is beaten by its neighbour")
}

// Past 500 coupons in a group, each is compared with its neighbours only:
// a coupon beaten only by a distant one is not reported.
func TestCheckLargeGroupNeighbours(t *testing.T) {
	var ps []promo.Promotion
	for i := range 501 {
		ps = append(ps, promo.Promotion{ID: fmt.Sprint("c", i), Coupon: fmt.Sprint("C", i), Group: "g",
			Target: promo.Selector{SKUs: []string{fmt.Sprint("sku", i)}}, Action: promo.AmountOff{Amount: cny("5.00")}})
	}
	ps[500].Target = ps[0].Target
	ps[500].Action = promo.AmountOff{Amount: cny("6.00")}
	assert.Empty(t, mustCheck(t, checkCampaign(ps...), nil), "c500 beats c0, 500 places away")
	ps = ps[1:]
	ps[0].Target = ps[499].Target // 500 coupons: all pairs compared
	assert.Equal(t, []string{"dominated_coupon promotions[0].coupon"}, kinds(mustCheck(t, checkCampaign(ps...), nil)))
}

// FuzzCheckThresholdClaims builds two coupons of two tiers each from the
// fuzzer's numbers and tests Check's claims against the engine on carts at
// every tier minimum and a fen either side: a coupon reported dominated
// never saves more than the one that beats it, and a tier reported as not
// better never makes its promotion save more than the tier below would.
func FuzzCheckThresholdClaims(f *testing.F) {
	f.Add(int64(20000), int64(2000), int64(40000), int64(5000), int64(20000), int64(2500), int64(35000), int64(5000), uint8(0))
	f.Add(int64(30000), int64(3000), int64(40000), int64(3000), int64(20000), int64(3000), int64(50000), int64(900), uint8(3))
	f.Add(int64(10000), int64(1000), int64(30000), int64(3000), int64(10000), int64(1000), int64(30000), int64(3001), uint8(1))
	f.Fuzz(func(t *testing.T, m1, o1, m2, o2, n1, p1, n2, p2 int64, rates uint8) {
		clampAmount := func(v, lo, hi int64) int64 { return lo + (v%(hi-lo+1)+(hi-lo+1))%(hi-lo+1) }
		tier := func(min, off int64, asRate bool) promo.Tier {
			mm, _ := pricing.NewFromMinor(clampAmount(min, 1, 100000), pricing.CNY)
			if asRate {
				r, _ := pricing.NewRateOff(decimal.New(clampAmount(off, 1, 9999), -4))
				return promo.Tier{MinAmount: mm, Rate: r}
			}
			oo, _ := pricing.NewFromMinor(clampAmount(off, 1, 100000), pricing.CNY)
			return promo.Tier{MinAmount: mm, Off: oo}
		}
		a := promo.Promotion{ID: "a", Coupon: "A", Group: "g", Action: tiers(tier(m1, o1, rates&1 != 0), tier(m2, o2, rates&2 != 0))}
		b := promo.Promotion{ID: "b", Coupon: "B", Group: "g", Action: tiers(tier(n1, p1, rates&4 != 0), tier(n2, p2, rates&8 != 0))}
		c := checkCampaign(a, b)
		fs, err := promo.Check(c, nil)
		require.NoError(t, err)
		if c.Validate() != nil {
			return
		}
		e, err := promo.NewEngine(pricing.CNY, c.Promotions)
		require.NoError(t, err)
		saving := func(code string, fen int64, promos ...promo.Promotion) int64 {
			eng := e
			if len(promos) > 0 {
				eng, err = promo.NewEngine(pricing.CNY, promos)
				require.NoError(t, err)
			}
			price, _ := pricing.NewFromMinor(fen, pricing.CNY)
			ct := cart(promo.Line{ID: "x", SKU: "x", Qty: 1, UnitPrice: price})
			ct.Coupons = []string{code}
			res, err := eng.Evaluate(ct)
			require.NoError(t, err)
			if !res.OrderDiscount.IsValid() {
				return 0
			}
			v, _ := res.OrderDiscount.MinorUnits()
			return v
		}
		var points []int64
		for _, p := range c.Promotions {
			for _, tr := range p.Action.(promo.Threshold).Tiers {
				v, _ := tr.MinAmount.MinorUnits()
				points = append(points, v-1, v, v+1, 2*v)
			}
		}
		for _, fd := range fs {
			switch fd.Kind {
			case promo.FindingDominatedCoupon:
				loser, winner := map[string]string{"a": "A", "b": "B"}[fd.Promotions[0]], map[string]string{"a": "A", "b": "B"}[fd.Promotions[1]]
				for _, fen := range points {
					if fen > 0 {
						assert.GreaterOrEqual(t, saving(winner, fen), saving(loser, fen), "at %d fen", fen)
					}
				}
			case promo.FindingTierNotBetter:
				pi := map[string]int{"a": 0, "b": 1}[fd.Promotions[0]]
				p := c.Promotions[pi]
				cut := p
				cut.Action = tiers(p.Action.(promo.Threshold).Tiers[0])
				for _, fen := range points {
					if fen > 0 {
						assert.LessOrEqual(t, saving(p.Coupon, fen, p), saving(p.Coupon, fen, cut), "at %d fen", fen)
					}
				}
			}
		}
	})
}

// Equivalent mutants (gremlins v0.5.0) of Check, which cannot change a
// finding:
//   - check_rules.go cheapest, `v < best` as `<=`: equal prices, same least.
//   - check_rules.go opensIn, `n < 8` as `<= 8`: a ninth day repeats the
//     first day's weekday, already judged.
//   - check_rules.go leastReward, `r.off < 0` as `<= 0`: an amount tier of
//     0.00 off does not validate (reported as invalid); its least is moot.
//   - check.go promotionOf, `i >= len(...)` as `>`: validation paths name
//     existing promotions only.
