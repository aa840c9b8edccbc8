package promo_test

import (
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
)

// Magento's "Buy X get Y" (SalesRule BuyXGetY::calculate) rewards
// floor(qty/(x+y))·y units plus, of the rest, the units beyond x; Medusa's
// buyget rewards whole groups (buy_rules_min_quantity bought, then
// apply_to_quantity rewarded). BuyXGetY follows Medusa unless
// PartialGroups is set.

func TestBuyXGetYPartialGroups(t *testing.T) {
	tests := []struct {
		name             string
		buy, get, qty    int64
		whole, partial   string // item discount on units of 10.00
		wholeN, partialN int    // free units
	}{
		// x=1, y=2, 5 units: floor(5/3)·2 = 2, rest 2 > 1 gives 1 more: 3.
		{"buy1 get2 of 5", 1, 2, 5, "20.00", "30.00", 2, 3},
		// x=2, y=1, 5 units: floor(5/3)·1 = 1, rest 2 is not > 2: 1, both ways.
		{"buy2 get1 of 5", 2, 1, 5, "10.00", "10.00", 1, 1},
		// x=2, y=2, 7 units: floor(7/4)·2 = 2, rest 3 > 2 gives 1: 3.
		{"buy2 get2 of 7", 2, 2, 7, "20.00", "30.00", 2, 3},
		// x=1, y=3, 2 units: no whole group; partially 1 bought, 1 free.
		{"buy1 get3 of 2", 1, 3, 2, "0.00", "10.00", 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cart(line("a", tt.qty, "10.00"))
			whole := run(t, c, one("b", promo.BuyXGetY{BuyQty: tt.buy, GetQty: tt.get, Free: true}))
			assert.Equal(t, tt.whole, whole.ItemDiscount.StringAmount(), "whole groups (Medusa)")
			part := run(t, c, one("b", promo.BuyXGetY{BuyQty: tt.buy, GetQty: tt.get, Free: true, PartialGroups: true}))
			assert.Equal(t, tt.partial, part.ItemDiscount.StringAmount(), "partial groups (Magento)")
			free := 0
			for _, u := range part.Lines[0].UnitPaid {
				if !u.IsPositive() {
					free++
				}
			}
			assert.Equal(t, tt.partialN, free)
		})
	}
}

func TestBuyXGetYPartialCheapestRewarded(t *testing.T) {
	// Buy 1 get 2 free, partial, on 30.00, 20.00, 10.00, 5.00: the walk
	// rewards the cheapest: k=3 (5, 10, 20) needs ⌈3/2⌉·1 = 2 buy units
	// outside them, there is 1 (30.00): no; k=2 (5, 10) needs 1: yes.
	// 15.00 off; 20.00 belongs to no group and pays in full.
	c := cart(line("a", 1, "30.00"), line("b", 1, "20.00"), line("c", 1, "10.00"), line("d", 1, "5.00"))
	res := run(t, c, one("b", promo.BuyXGetY{BuyQty: 1, GetQty: 2, Free: true, PartialGroups: true}))
	assert.Equal(t, "15.00", res.ItemDiscount.StringAmount())
	assert.Equal(t, []string{"30.00", "20.00", "0.00", "0.00"}, afters(res))
	// MaxTimes 1 caps the rewarded units at 1·GetQty = 2: the same here.
	res = run(t, c, one("b", promo.BuyXGetY{BuyQty: 1, GetQty: 2, Free: true, PartialGroups: true, MaxTimes: 1}))
	assert.Equal(t, "15.00", res.ItemDiscount.StringAmount())
}

func TestBuyXGetYPartialSeparateGetSet(t *testing.T) {
	// Buy 2 cakes, get 2 coffees at 5折; partial: 2 cakes and 1 coffee
	// (12.00) give the coffee at 6.00 off. Whole groups only: nothing,
	// and the explanation says a unit is missing.
	cake := line("cake", 2, "25.00")
	cake.Categories = []string{"cake"}
	coffee := line("coffee", 1, "12.00")
	coffee.Categories = []string{"coffee"}
	c := cart(cake, coffee)
	get := &promo.Selector{Categories: []string{"coffee"}}
	target := promo.Selector{Categories: []string{"cake"}}
	res := run(t, c, []promo.Promotion{{ID: "b", Target: target, Action: promo.BuyXGetY{BuyQty: 2, Get: get, GetQty: 2, Rate: rate("5折"), PartialGroups: true}}})
	assert.Equal(t, "6.00", res.ItemDiscount.StringAmount())
	res = run(t, c, []promo.Promotion{{ID: "b", Target: target, Action: promo.BuyXGetY{BuyQty: 2, Get: get, GetQty: 2, Rate: rate("5折")}}})
	assert.Equal(t, "0.00", res.ItemDiscount.StringAmount())
}

func TestBuyXGetYPartialMissingQty(t *testing.T) {
	// Buy 2 get 2, one set, 2 units: whole groups need 4 (2 missing);
	// partial groups need 3 (1 missing).
	c := cart(line("a", 2, "10.00"))
	ex := explanation(t, run(t, c, one("b", promo.BuyXGetY{BuyQty: 2, GetQty: 2, Free: true})), "b")
	assert.Equal(t, int64(2), ex.MissingQty)
	ex = explanation(t, run(t, c, one("b", promo.BuyXGetY{BuyQty: 2, GetQty: 2, Free: true, PartialGroups: true})), "b")
	assert.Equal(t, int64(1), ex.MissingQty)
	assert.Equal(t, promo.NoQualifyingUnits, ex.Reason)
}

func TestBuyXGetYPartialClaimsPayers(t *testing.T) {
	// 4 × 10.00, buy 1 get 2 free with partial groups: 2 units free (a
	// third would need a second unit bought), 1 unit paid for them; the
	// fourth is left to the 9折: 20.00 + 1.00 off, 19.00. The paying unit
	// is the promotion's: the 9折 does not discount it too (18.00), and
	// with 2 groups' worth of payers (2 units) it would take nothing.
	c := cart(line("a", 4, "10.00"))
	res := run(t, c, []promo.Promotion{
		{ID: "b1g2", Action: promo.BuyXGetY{BuyQty: 1, GetQty: 2, Free: true, PartialGroups: true}},
		{ID: "nine", Action: promo.PercentOff{Rate: rate("9折")}},
	})
	assert.Equal(t, "CNY 19.00", res.Total.String())
	assert.Equal(t, []string{"10.00", "9.00", "0.00", "0.00"}, unitsPaid(t, res, "a"))
	// 7 units: k=4 (two groups, 2 paid, 3 outside ≥ 2): 4 free, 2 paid,
	// 1 left at 9折: 40.00 + 1.00 off, 29.00.
	res = run(t, cart(line("a", 7, "10.00")), []promo.Promotion{
		{ID: "b1g2", Action: promo.BuyXGetY{BuyQty: 1, GetQty: 2, Free: true, PartialGroups: true}},
		{ID: "nine", Action: promo.PercentOff{Rate: rate("9折")}},
	})
	assert.Equal(t, "CNY 29.00", res.Total.String())
}

func TestBuyXGetYPartialPayersOfTwo(t *testing.T) {
	// Buy 2 get 2, partial, on 7 × 10.00 with a 9折 beside it: 3 free
	// (floor(7/4)·2 = 2, rest 3 > 2 gives 1), paid for by ⌈3/2⌉·2 = 4
	// units: all 7 are the promotion's, the 9折 takes none: 40.00.
	res := run(t, cart(line("a", 7, "10.00")), []promo.Promotion{
		{ID: "b2g2", Action: promo.BuyXGetY{BuyQty: 2, GetQty: 2, Free: true, PartialGroups: true}},
		{ID: "nine", Action: promo.PercentOff{Rate: rate("9折")}},
	})
	assert.Equal(t, "CNY 40.00", res.Total.String())
}
