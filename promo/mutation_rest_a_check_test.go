package promo_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rateTier is a tier of a rate off from a minimum amount (满min打rate).
func rateTier(min, zhe string) promo.Tier { return promo.Tier{MinAmount: cny(min), Rate: rate(zhe)} }

// Tier comparisons at the edges of check_rules.go atLeast: a tier that
// gives nothing (0.00 off, 10折) is compared like any other. Each case
// lists the findings by hand: a tier that gives no more than the tier
// below it is tier_not_better; a 0.00 off or a 10折 is also invalid (the
// first such problem of a promotion is the one reported).
func TestMutationRestTierNotBetterEdges(t *testing.T) {
	qtyTier := func(n int64, zhe string) promo.Tier { return promo.Tier{MinQty: n, Rate: rate(zhe)} }
	for _, tt := range []struct {
		name string
		give promo.Threshold
		want []string
	}{
		{"减10 then 减0.00: nothing more", tiers(amountTier("100.00", "10.00"), amountTier("200.00", "0.00")),
			[]string{"invalid promotions[0].action.tiers[1].off", "tier_not_better promotions[0].action.tiers[1]"}},
		{"减0.00 then 减0.00", tiers(amountTier("100.00", "0.00"), amountTier("200.00", "0.00")),
			[]string{"invalid promotions[0].action.tiers[0].off", "tier_not_better promotions[0].action.tiers[1]"}},
		{"10折 then 9折 by amount: better", tiers(rateTier("100.00", "10折"), rateTier("200.00", "9折")),
			[]string{"invalid promotions[0].action.tiers[0].rate"}},
		{"10折 then 减0.00: nothing more", tiers(rateTier("100.00", "10折"), amountTier("200.00", "0.00")),
			[]string{"invalid promotions[0].action.tiers[0].rate", "tier_not_better promotions[0].action.tiers[1]"}},
		{"满2件9折 then 满3件10折: less", promo.Threshold{Basis: promo.ByQuantity, Tiers: []promo.Tier{qtyTier(2, "9折"), qtyTier(3, "10折")}},
			[]string{"invalid promotions[0].action.tiers[1].rate", "tier_not_better promotions[0].action.tiers[1]"}},
	} {
		got := kinds(mustCheck(t, checkCampaign(promo.Promotion{ID: "m", Action: tt.give}), nil))
		assert.Equal(t, tt.want, nilIfEmpty(got), tt.name)
	}
}

// A campaign-level problem comes before the promotions' findings and names
// no promotion (check.go promotionOf: a path outside promotions[i] belongs
// to the campaign). time.Local has no portable name (the campaign form
// writes IANA names), and 第1件 is no 第N件 (N at least 2).
func TestMutationRestCampaignFindingFirst(t *testing.T) {
	c := checkCampaign(
		promo.Promotion{ID: "n", Action: promo.NthItem{N: 1, Rate: rate("5折")}},
		promo.Promotion{ID: "m", Action: promo.NthItem{N: 1, Rate: rate("5折")}},
	)
	c.TimeZone = time.Local
	fs := mustCheck(t, c, nil)
	assert.Equal(t, []string{"invalid time_zone", "invalid promotions[0].action.n", "invalid promotions[1].action.n"}, kinds(fs))
	require.Len(t, fs, 3)
	assert.Empty(t, fs[0].Promotions)
	assert.Equal(t, []string{"n"}, fs[1].Promotions)
}

// An amount coupon that gives exactly what a rate coupon gives at the top
// of an interval still gives at least as much (check_rules.go atLeast,
// `>=`). X: 满50减10, 满100.01减20; Y: 满50打9折, 满100.01减20. From 50.00
// to 100.00 (the last amount below 100.01) 9折 gives at most 10.00, what X
// gives; from 100.01 both give 20.00 (hand arithmetic): Y is dominated.
func TestMutationRestDominatedAtIntervalTop(t *testing.T) {
	coupon := func(id, code string, a promo.Action) promo.Promotion {
		return promo.Promotion{ID: id, Coupon: code, Group: "g", Action: a}
	}
	c := checkCampaign(
		coupon("x", "X", tiers(amountTier("50.00", "10.00"), amountTier("100.01", "20.00"))),
		coupon("y", "Y", tiers(rateTier("50.00", "9折"), amountTier("100.01", "20.00"))),
	)
	fs := mustCheck(t, c, nil)
	assert.Equal(t, []string{"dominated_coupon promotions[1].coupon"}, kinds(fs))
	// One cent less on X's first tier and it no longer dominates.
	c.Promotions[0].Action = tiers(amountTier("50.00", "9.99"), amountTier("100.01", "20.00"))
	assert.Empty(t, mustCheck(t, c, nil))
}

// A schedule without weekdays runs every day (check_rules.go opensIn):
// 14:00-17:00 in a period from Tuesday 10 November 2026 20:00 to Thursday
// 00:00 (Shanghai time) opens on Wednesday afternoon; 21:00-22:00 opens on
// Tuesday evening. Neither is a never_opens finding.
func TestMutationRestScheduleWithoutWeekdays(t *testing.T) {
	sh := time.FixedZone("CST", 8*3600)
	period := promo.WithCheckPeriod(time.Date(2026, 11, 10, 20, 0, 0, 0, sh), time.Date(2026, 11, 12, 0, 0, 0, 0, sh))
	for _, h := range []promo.ClockRange{{Start: promo.Clock(14, 0), End: promo.Clock(17, 0)}, {Start: promo.Clock(21, 0), End: promo.Clock(22, 0)}} {
		p := promo.Promotion{ID: "p", Action: promo.AmountOff{Amount: cny("5.00"), Scope: promo.PerOrder},
			Schedule: &promo.Schedule{TimeZone: sh, Hours: []promo.ClockRange{h}}}
		assert.Empty(t, mustCheck(t, checkCampaign(p), nil, period), "%v", h)
	}
}

// Free shipping's least redemption is its Off (check_rules.go
// leastReward): a budget of 5.00 below a 10.00 waiver is spent by the
// first use; a budget of 10.00 is not below it.
func TestMutationRestShippingBudgetBelowOff(t *testing.T) {
	for _, tt := range []struct {
		budget string
		want   []string
	}{
		{"5.00", []string{"budget_below_redemption promotions[0].limits.budget"}},
		{"10.00", nil},
	} {
		p := promo.Promotion{ID: "ship", Limits: promo.Limits{Budget: cny(tt.budget)},
			Action: promo.FreeShipping{MinAmount: cny("99.00"), Off: cny("10.00")}}
		assert.Equal(t, tt.want, nilIfEmpty(kinds(mustCheck(t, checkCampaign(p), nil))), tt.budget)
	}
}

// A 折 coupon with a cap dominates a smaller discount only when its cap is
// at least the other's (check_rules.go atLeastMoney, `c >= 0`): 8折 capped
// at 50.00 or at 30.00 beats 9折 capped at 30.00 on every cart; 8折 capped
// at 20.00 gives less than 9折 capped at 30.00 from 300.00 up (hand
// arithmetic: 9折 of 300.00 is 30.00).
func TestMutationRestDominatedCaps(t *testing.T) {
	coupon := func(id, code, zhe, cap string) promo.Promotion {
		return promo.Promotion{ID: id, Coupon: code, Group: "g", Action: promo.PercentOff{Rate: rate(zhe), Cap: cny(cap)}}
	}
	for _, tt := range []struct {
		capX string
		want []string
	}{
		{"50.00", []string{"dominated_coupon promotions[1].coupon"}},
		{"30.00", []string{"dominated_coupon promotions[1].coupon"}},
		{"20.00", nil},
	} {
		c := checkCampaign(coupon("x", "X", "8折", tt.capX), coupon("y", "Y", "9折", "30.00"))
		assert.Equal(t, tt.want, nilIfEmpty(kinds(mustCheck(t, c, nil))), tt.capX)
	}
}

// In a group of more than 500 coupons each is compared with both its
// neighbours in promotion order (check_rules.go dominated). 501 coupons of
// 1.00, 1.01, ..., 6.00 off: each but the last is beaten by the next one.
func TestMutationRestLargeGroupNeighbours(t *testing.T) {
	var ps []promo.Promotion
	for i := range 501 {
		code := fmt.Sprintf("C%03d", i)
		ps = append(ps, promo.Promotion{ID: code, Coupon: code, Group: "g",
			Action: promo.AmountOff{Amount: cny(fmt.Sprintf("%d.%02d", (100+i)/100, (100+i)%100)), Scope: promo.PerOrder}})
	}
	fs := mustCheck(t, checkCampaign(ps...), nil)
	require.Len(t, fs, 500)
	for i, f := range fs {
		assert.Equal(t, promo.FindingDominatedCoupon, f.Kind)
		assert.Equal(t, []string{ps[i].ID, ps[i+1].ID}, f.Promotions)
	}
}
