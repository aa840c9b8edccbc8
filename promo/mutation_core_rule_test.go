package promo_test

// Tests that kill the core engine's mutants (issue 19), split from
// mutation_core_test.go (which keeps the list of equivalent survivors):
// rule.go, promotion.go, options.go and result.go: the limits of a promotion's rule and options, and the text forms.

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// options.go: each option's least valid value is 1 (its doc: "must be at
// least 1"); 0 is an ErrInvalidOption naming the option.
func TestOptionsLeastValid(t *testing.T) {
	doc := []byte(`{"currency":"CNY","promotions":[]}`)
	engine := func(o promo.Option) error { _, err := promo.NewEngine(pricing.CNY, nil, o); return err }
	decode := func(o promo.Option) error { _, err := promo.DecodeCampaign(doc, o); return err }
	check := func(o promo.Option) error {
		_, err := promo.Check(promo.Campaign{Currency: pricing.CNY}, nil, o)
		return err
	}
	for _, tt := range []struct {
		name      string
		call      func(promo.Option) error
		one, zero promo.Option
	}{
		{"WithWorkBudget", engine, promo.WithWorkBudget(1), promo.WithWorkBudget(0)},
		{"WithMaxCampaignBytes", decode, promo.WithMaxCampaignBytes(1), promo.WithMaxCampaignBytes(0)},
		{"WithMaxProblems", decode, promo.WithMaxProblems(1), promo.WithMaxProblems(0)},
		{"WithWorkBudget", check, promo.WithWorkBudget(1), promo.WithWorkBudget(0)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.NotErrorIs(t, tt.call(tt.one), promo.ErrInvalidOption, "1 is valid")
			assertFieldError(t, tt.call(tt.zero), promo.ErrInvalidOption, tt.name)
		})
	}
}

// promotion.go: a promotion's limits are inclusive as well: MaxRedemptions
// uses, a coupon code of MaxCouponLen bytes, MaxLabels channels,
// MaxSelectorList SKUs, and the weekdays Sunday (0) to Saturday (6).
func TestPromotionLimitsInclusive(t *testing.T) {
	labels := func(n int) []string {
		s := make([]string, n)
		for i := range s {
			s[i] = "x" + strconv.Itoa(i)
		}
		return s
	}
	base := func() promo.Promotion { return ninety("p") }
	week := func(d ...time.Weekday) *promo.Schedule { return &promo.Schedule{TimeZone: time.UTC, Weekdays: d} }
	valid := []struct {
		name string
		give func(*promo.Promotion)
	}{
		{"MaxRedemptions uses", func(p *promo.Promotion) {
			p.Limits.Total, p.Limits.PerCustomer = promo.MaxRedemptions, promo.MaxRedemptions
		}},
		{"a code of MaxCouponLen bytes", func(p *promo.Promotion) { p.Coupon = strings.Repeat("A", promo.MaxCouponLen) }},
		{"MaxLabels channels", func(p *promo.Promotion) { p.Channels = labels(promo.MaxLabels) }},
		{"MaxSelectorList SKUs", func(p *promo.Promotion) { p.Target.SKUs = labels(promo.MaxSelectorList) }},
		{"Sunday and Saturday", func(p *promo.Promotion) { p.Schedule = week(time.Sunday, time.Saturday) }},
	}
	for _, tt := range valid {
		t.Run(tt.name, func(t *testing.T) {
			p := base()
			tt.give(&p)
			_, err := promo.NewEngine(pricing.CNY, []promo.Promotion{p})
			assert.NoError(t, err)
		})
	}
	invalid := []struct {
		name, field string
		give        func(*promo.Promotion)
		want        error
	}{
		{"uses past MaxRedemptions", "promotions[0].limits.per_customer", func(p *promo.Promotion) {
			p.Limits.PerCustomer = promo.MaxRedemptions + 1
		}, promo.ErrTooLarge},
		{"weekday 7", "promotions[0].schedule.weekdays[0]", func(p *promo.Promotion) { p.Schedule = week(7) }, promo.ErrInvalidPromotion},
		{"weekday -1", "promotions[0].schedule.weekdays[1]", func(p *promo.Promotion) { p.Schedule = week(time.Monday, -1) }, promo.ErrInvalidPromotion},
	}
	for _, tt := range invalid {
		t.Run(tt.name, func(t *testing.T) {
			p := base()
			tt.give(&p)
			_, err := promo.NewEngine(pricing.CNY, []promo.Promotion{p})
			requireField(t, err, "new engine", tt.field, tt.want)
		})
	}
}

// result.go and rule.go: the text forms of the enums take exactly their
// named values. Status 1..4 (0 is no status), Reason 0..16
// (SearchBudgetExhausted the last), Scope 0..1, Basis 0..1; one past is an
// ErrUnknownName, never a name read past the end of a list.
func TestEnumTextBounds(t *testing.T) {
	for _, tt := range []struct {
		name      string
		last      interface{ MarshalText() ([]byte, error) }
		lastText  string
		pastLast  interface{ MarshalText() ([]byte, error) }
		unmarshal func([]byte) error
	}{
		{"status", promo.Excluded, "excluded", promo.Excluded + 1, func(b []byte) error { var s promo.Status; return s.UnmarshalText(b) }},
		{"reason", promo.SearchBudgetExhausted, "search_budget_exhausted", promo.SearchBudgetExhausted + 1, func(b []byte) error { var r promo.Reason; return r.UnmarshalText(b) }},
		{"scope", promo.PerOrder, "order", promo.PerOrder + 1, func(b []byte) error { var s promo.Scope; return s.UnmarshalText(b) }},
		{"basis", promo.ByQuantity, "quantity", promo.ByQuantity + 1, func(b []byte) error { var s promo.Basis; return s.UnmarshalText(b) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.last.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.lastText, string(b))
			_, err = tt.pastLast.MarshalText()
			assert.ErrorIs(t, err, promo.ErrUnknownName)
			assert.ErrorIs(t, tt.unmarshal([]byte("")), promo.ErrUnknownName, "the empty name")
		})
	}
	_, err := promo.Status(0).MarshalText()
	assert.ErrorIs(t, err, promo.ErrUnknownName)
	assert.Equal(t, "Reason(17)", (promo.SearchBudgetExhausted + 1).String())
}

// result.go Explanation.String: a points redemption that names no lines
// says no "on lines" (the sentence as the other applied forms build it).
func TestPointsExplanationWithoutLines(t *testing.T) {
	ex := promo.Explanation{PromotionID: "pts", Status: promo.Applied, Points: 100, Amount: cny("1.00")}
	assert.Equal(t, "pts: applied, 100 points pay 1.00", ex.String())
	ex.Lines = []string{"a"}
	assert.Equal(t, "pts: applied, 100 points pay 1.00 on lines a", ex.String())
}

// rule.go Threshold.compile: a 每满 step of 0.00 is one problem, the step;
// "a step cannot take more than itself off" is not added for it.
func TestEveryZeroStepOneProblem(t *testing.T) {
	_, err := promo.NewEngine(pricing.CNY, one("p", promo.Threshold{Every: &promo.Step{Amount: cny("0.00"), Off: cny("10.00")}}))
	assert.EqualError(t, err, "promo: new engine: promotions[0].action.every.amount 0: invalid action: the step must be above zero")
}

// rule.go: every action list takes MaxActionList (100) entries, and one
// more is ErrTooLarge: threshold tiers, combo parts, member tiers and gift
// options. Tiers must rise: two tiers at 0.00 are out of order.
func TestActionListsInclusive(t *testing.T) {
	n := promo.MaxActionList
	tiers := func(n int) promo.Action {
		ts := make([]promo.Tier, n)
		for i := range ts {
			ts[i] = promo.Tier{MinAmount: cny(strconv.Itoa(100*(i+1)) + ".00"), Off: cny("1.00")}
		}
		return promo.Threshold{Tiers: ts}
	}
	parts := func(n int) promo.Action {
		ps := make([]promo.ComboPart, n)
		for i := range ps {
			ps[i] = promo.ComboPart{Items: promo.Selector{SKUs: []string{"s" + strconv.Itoa(i)}}, Qty: 1}
		}
		return promo.Combo{Parts: ps, Price: cny("1.00")}
	}
	members := func(n int) promo.Action {
		ts := make([]promo.MemberTier, n)
		for i := range ts {
			ts[i] = promo.MemberTier{Tier: "t" + strconv.Itoa(i), Rate: rate("9折")}
		}
		return promo.MemberPrice{Tiers: ts}
	}
	options := func(n int) promo.Action {
		os := make([]promo.GiftOption, n)
		for i := range os {
			os[i] = promo.GiftOption{SKU: "g" + strconv.Itoa(i), Qty: 1}
		}
		return promo.Gift{MinAmount: cny("10.00"), Options: os}
	}
	for _, tt := range []struct {
		name  string
		build func(int) promo.Action
		field string
	}{
		{"threshold tiers", tiers, "promotions[0].action.tiers"},
		{"combo parts", parts, "promotions[0].action.parts"},
		{"member tiers", members, "promotions[0].action.tiers"},
		{"gift options", options, "promotions[0].action.options"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := promo.NewEngine(pricing.CNY, one("p", tt.build(n)))
			assert.NoError(t, err)
			_, err = promo.NewEngine(pricing.CNY, one("p", tt.build(n+1)))
			requireField(t, err, "new engine", tt.field, promo.ErrTooLarge)
		})
	}
	_, err := promo.NewEngine(pricing.CNY, one("p", promo.Threshold{Tiers: []promo.Tier{
		{MinAmount: cny("0.00"), Off: cny("1.00")}, {MinAmount: cny("0.00"), Off: cny("2.00")},
	}}))
	requireField(t, err, "new engine", "promotions[0].action.tiers[1].min_amount", promo.ErrInvalidAction)
}

// rule.go Combo.compile: a combo holds at most MaxUnits units over its
// parts: 50,000 + 50,000 is accepted, 50,000 + 50,001 is ErrTooLarge.
func TestComboUnitsInclusive(t *testing.T) {
	combo := func(a, b int64) []promo.Promotion {
		return one("c", promo.Combo{Price: cny("1.00"), Parts: []promo.ComboPart{
			{Items: promo.Selector{SKUs: []string{"a"}}, Qty: a}, {Items: promo.Selector{SKUs: []string{"b"}}, Qty: b},
		}})
	}
	_, err := promo.NewEngine(pricing.CNY, combo(50_000, 50_000))
	assert.NoError(t, err)
	_, err = promo.NewEngine(pricing.CNY, combo(50_000, 50_001))
	requireField(t, err, "new engine", "promotions[0].action.parts", promo.ErrTooLarge)
}
