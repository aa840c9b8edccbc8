package pricing

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seedFloor is seed-rules P-01: 商城正常销售最低折扣不低于7折(淘金币、双11大促除外).
func seedFloor(t testing.TB) FloorPolicy {
	t.Helper()
	p, err := NewFloorPolicy(MinListRatio(MustRate("7折")), ExemptCampaigns("淘金币", "双11"), KnownCampaigns("聚划算", "清仓"))
	require.NoError(t, err)
	return p
}

func TestFloorCheckP01(t *testing.T) {
	p := seedFloor(t)
	list := ruleCNY("100.00")
	pass := []struct {
		give     string
		campaign string
	}{
		{"70.00", ""},
		{"100.00", ""},
		{"60.00", "双11"},
		{"1.00", "淘金币"},
	}
	for _, tt := range pass {
		assert.NoError(t, p.Check(ruleCNY(tt.give), list, Money{}, tt.campaign), "%s under %q", tt.give, tt.campaign)
	}
	fail := []struct {
		give     string
		campaign string
	}{
		{"69.99", ""},
		{"60.00", "聚划算"}, // not exempt
		{"60.00", "清仓"},  // P-22: clearance is not exempt (a known campaign)
	}
	for _, tt := range fail {
		err := p.Check(ruleCNY(tt.give), list, Money{}, tt.campaign)
		require.ErrorIs(t, err, ErrBelowFloor, "%s under %q", tt.give, tt.campaign)
		var bf *BelowFloorError
		require.True(t, errors.As(err, &bf))
		assert.Equal(t, "70.00", bf.Floor.StringAmount())
		assert.Equal(t, RuleListRatio, bf.Rule)
		assert.Equal(t, tt.campaign, bf.Campaign)
	}
	err := p.Check(ruleCNY("69.99"), list, Money{}, "聚划算")
	assert.EqualError(t, err, `pricing: price CNY 69.99 below floor CNY 70.00 (rule list-ratio, campaign "聚划算")`)
}

func TestFloorRules(t *testing.T) {
	p, err := NewFloorPolicy(MinListRatio(MustRate("7折")), MinMargin(decimal.RequireFromString("0.5")), MinPrice(ruleCNY("5.00")))
	require.NoError(t, err)
	tests := []struct {
		name     string
		list     string
		cost     Money
		want     string
		wantRule FloorRule
	}{
		{"ratio wins", "100.00", ruleCNY("30.00"), "70.00", RuleListRatio},
		// P-08: a 50% margin floor is 2 × cost.
		{"margin wins", "100.00", ruleCNY("40.00"), "80.00", RuleMinMargin},
		{"tie keeps ratio", "100.00", ruleCNY("35.00"), "70.00", RuleListRatio},
		{"no cost", "100.00", Money{}, "70.00", RuleListRatio},
		{"absolute wins", "6.00", ruleCNY("1.00"), "5.00", RuleMinPrice},
		{"ratio rounds up", "99.99", Money{}, "70.00", RuleListRatio},         // 69.993 -> 70.00
		{"margin rounds up", "1.00", ruleCNY("3.333"), "6.67", RuleMinMargin}, // 6.666 -> 6.67
		// On a tie with the minimum price the earlier rule is named (doc:
		// list ratio, min margin, min price): 7.14 × 0.7 = 4.998 -> 5.00;
		// 2.50 / (1 - 0.5) = 5.00 (list 1.00: ratio 0.70).
		{"tie with min price keeps ratio", "7.14", Money{}, "5.00", RuleListRatio},
		{"tie with min price keeps margin", "1.00", ruleCNY("2.50"), "5.00", RuleMinMargin},
	}
	for _, tt := range tests {
		f, rule, err := p.Floor(ruleCNY(tt.list), tt.cost, "")
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, f.StringAmount(), tt.name)
		assert.Equal(t, tt.wantRule, rule, tt.name)
	}
	f, rule, err := FloorPolicy{}.Floor(ruleCNY("10"), Money{}, "")
	require.NoError(t, err)
	assert.True(t, f.Equal(Zero(CNY)))
	assert.Equal(t, RuleNone, rule)
	f, rule, err = seedFloor(t).Floor(ruleCNY("10"), Money{}, "双11")
	require.NoError(t, err)
	assert.Equal(t, 0, f.Sign())
	assert.Equal(t, RuleExempt, rule)
	only, err := NewFloorPolicy(MinMargin(decimal.RequireFromString("0.2")))
	require.NoError(t, err)
	_, rule, err = only.Floor(ruleCNY("10"), ruleCNY("0"), "")
	require.NoError(t, err)
	assert.Equal(t, RuleMinMargin, rule)
	abs, err := NewFloorPolicy(MinPrice(ruleCNY("0")), nil)
	require.NoError(t, err)
	_, rule, err = abs.Floor(ruleCNY("10"), Money{}, "")
	require.NoError(t, err)
	assert.Equal(t, RuleMinPrice, rule)
}

func TestFloorErrors(t *testing.T) {
	p, err := NewFloorPolicy(MinListRatio(MustRate("7折")), MinPrice(ruleCNY("1.00")))
	require.NoError(t, err)
	tests := []struct {
		name        string
		price, list Money
		cost        Money
		want        error
	}{
		{"list no currency", ruleCNY("1"), Money{}, Money{}, ErrUnknownCurrency},
		{"list negative", ruleCNY("1"), ruleCNY("-1"), Money{}, ErrNegativePrice},
		{"cost currency", ruleCNY("1"), ruleCNY("1"), MustNew("1", USD), ErrCurrencyMismatch},
		{"cost negative", ruleCNY("1"), ruleCNY("1"), ruleCNY("-1"), ErrNegativePrice},
		{"min price currency", MustNew("1", USD), MustNew("1", USD), Money{}, ErrCurrencyMismatch},
		{"price no currency", Money{}, ruleCNY("1"), Money{}, ErrUnknownCurrency},
		{"price currency", MustNew("1", HKD), ruleCNY("1"), Money{}, ErrCurrencyMismatch},
		{"price negative", ruleCNY("-1"), ruleCNY("1"), Money{}, ErrNegativePrice},
	}
	for _, tt := range tests {
		err := p.Check(tt.price, tt.list, tt.cost, "")
		assert.ErrorIs(t, err, tt.want, tt.name)
		assert.NotErrorIs(t, err, ErrBelowFloor, tt.name)
	}
}

func TestNewFloorPolicyErrors(t *testing.T) {
	tests := []struct {
		name string
		give Option
		want error
	}{
		{"margin 1", MinMargin(decimal.New(1, 0)), ErrInvalidRatio},
		{"margin negative", MinMargin(decimal.New(-1, -1)), ErrInvalidRatio},
		{"min no currency", MinPrice(Money{}), ErrUnknownCurrency},
		{"min negative", MinPrice(ruleCNY("-1")), ErrNegativePrice},
		{"min not rounded", MinPrice(ruleCNY("1.001")), ErrNotRounded},
		{"empty campaign", ExemptCampaigns("双11", ""), ErrInvalidCampaign},
	}
	for _, tt := range tests {
		_, err := NewFloorPolicy(tt.give)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
}

func TestFloorPolicyAccessors(t *testing.T) {
	p := seedFloor(t)
	assert.Equal(t, []string{"双11", "淘金币", "清仓", "聚划算"}, p.Campaigns())
	assert.True(t, p.KnowsCampaign("聚划算"))
	assert.False(t, p.IsExempt("聚划算"))
	assert.False(t, p.KnowsCampaign("double11"))
	assert.True(t, p.IsExempt("双11"))
	assert.False(t, p.IsExempt(""))
	assert.False(t, FloorPolicy{}.IsExempt("双11"))
	assert.True(t, FloorPolicy{}.KnowsCampaign(""))
	assert.False(t, FloorPolicy{}.KnowsCampaign("双11"))
	names := []string{"none", "exempt", "list-ratio", "min-margin", "min-price", "FloorRule(9)"}
	for i, want := range names {
		if i == 5 {
			i = 9
		}
		assert.Equal(t, want, FloorRule(i).String())
	}
}

func TestFloorAllocs(t *testing.T) {
	p, err := NewFloorPolicy(MinListRatio(MustRate("7折")), MinMargin(decimal.RequireFromString("0.3")), ExemptCampaigns("双11"))
	require.NoError(t, err)
	list, cost := ruleCNY("99.90"), ruleCNY("41.30")
	allocs := testing.AllocsPerRun(100, func() { _, _, _ = p.Floor(list, cost, "") })
	assert.LessOrEqual(t, allocs, 20.0)
}

// NewFloorPolicy names the offending option in the FieldError's Field.
func TestNewFloorPolicyNamesOption(t *testing.T) {
	for _, tt := range []struct {
		give Option
		want string
	}{
		{MinMargin(decimal.New(1, 0)), "MinMargin"},
		{MinPrice(ruleCNY("-1")), "MinPrice"},
		{ExemptCampaigns(""), "ExemptCampaigns"},
		{KnownCampaigns("ok", ""), "KnownCampaigns"},
	} {
		_, err := NewFloorPolicy(MinListRatio(MustRate("7折")), tt.give)
		var fe *FieldError
		require.True(t, errors.As(err, &fe), "%v", err)
		assert.Equal(t, tt.want, fe.Field)
		assert.Equal(t, "new floor policy", fe.Op)
	}
	// Options return nothing and are applied in order; a later one of a kind wins.
	p, err := NewFloorPolicy(MinListRatio(MustRate("5折")), MinListRatio(MustRate("7折")))
	require.NoError(t, err)
	f, _, err := p.Floor(ruleCNY("100.00"), Money{}, "")
	require.NoError(t, err)
	assert.Equal(t, "70.00", f.StringAmount())
}
