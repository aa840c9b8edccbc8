package pricing

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMemberPrices(t *testing.T) {
	mp, err := NewMemberPrices(ruleCNY("19.90"), HalfUp,
		MemberRule{Tier: "silver", Rate: MustRate("95折")},
		MemberRule{Tier: "gold", Rate: MustRate("8.5折")},
		MemberRule{Tier: "staff", Price: ruleCNY("12.00")},
		MemberRule{Tier: "plain"},
	)
	require.NoError(t, err)
	tests := []struct {
		give      string
		want      string
		wantKnown bool
	}{
		{"gold", "16.92", true},   // 19.90 × 0.85 = 16.915 -> 16.92 half-up
		{"silver", "18.91", true}, // 19.90 × 0.95 = 18.905 -> 18.91
		{"staff", "12.00", true},
		{"plain", "19.90", true}, // the zero Rate is 10折
		{"bronze", "19.90", false},
		{"", "19.90", false},
	}
	for _, tt := range tests {
		got := mp.Price(tt.give)
		assert.Equal(t, tt.want, got.StringAmount(), "Price(%q)", tt.give)
	}
	assert.Equal(t, []string{"gold", "plain", "silver", "staff"}, tierNames(mp.Rules()))
	assert.Equal(t, "19.90", mp.List().StringAmount())
	down, err := NewMemberPrices(ruleCNY("19.90"), Down, MemberRule{Tier: "gold", Rate: MustRate("8.5折")})
	require.NoError(t, err)
	assert.Equal(t, "16.91", down.Price("gold").StringAmount())
}

func tierNames(rs []MemberRule) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Tier)
	}
	return out
}

func TestNewMemberPricesErrors(t *testing.T) {
	list := ruleCNY("10.00")
	tests := []struct {
		name  string
		list  Money
		mode  RoundingMode
		rules []MemberRule
		want  error
	}{
		{"mode", list, 42, nil, ErrInvalidRoundingMode},
		{"list no currency", Money{}, HalfUp, nil, ErrUnknownCurrency},
		{"list negative", ruleCNY("-1"), HalfUp, nil, ErrNegativePrice},
		{"list not rounded", ruleCNY("1.001"), HalfUp, nil, ErrNotRounded},
		{"empty tier", list, HalfUp, []MemberRule{{Tier: ""}}, ErrInvalidTiers},
		{"repeated tier", list, HalfUp, []MemberRule{{Tier: "a"}, {Tier: "a"}}, ErrInvalidTiers},
		{"above list", list, HalfUp, []MemberRule{{Tier: "a", Price: ruleCNY("10.01")}}, ErrAboveList},
		{"other currency", list, HalfUp, []MemberRule{{Tier: "a", Price: MustNew("1", USD)}}, ErrCurrencyMismatch},
		{"negative", list, HalfUp, []MemberRule{{Tier: "a", Price: ruleCNY("-1")}}, ErrNegativePrice},
		{"not rounded", list, HalfUp, []MemberRule{{Tier: "a", Price: ruleCNY("1.001")}}, ErrNotRounded},
	}
	for _, tt := range tests {
		_, err := NewMemberPrices(tt.list, tt.mode, tt.rules...)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
}

// P-02: the VIP price obeys the 7折 floor by default.
func TestMemberPricesCheckFloor(t *testing.T) {
	floor, err := NewFloorPolicy(MinListRatio(MustRate("7折")), ExemptCampaigns("双11"))
	require.NoError(t, err)
	mp, err := NewMemberPrices(ruleCNY("100.00"), HalfUp,
		MemberRule{Tier: "gold", Rate: MustRate("8折")},
		MemberRule{Tier: "vip", Rate: MustRate("6.5折")})
	require.NoError(t, err)
	err = mp.CheckFloor(floor, Money{}, "")
	var bf *BelowFloorError
	require.True(t, errors.As(err, &bf))
	assert.Equal(t, "65.00", bf.Price.StringAmount())
	assert.Equal(t, "70.00", bf.Floor.StringAmount())
	assert.EqualError(t, err, `pricing: check member floor: tier "vip": price CNY 65.00 below floor CNY 70.00 (rule list-ratio, campaign "")`)
	assert.NoError(t, mp.CheckFloor(floor, Money{}, "双11"))
}
