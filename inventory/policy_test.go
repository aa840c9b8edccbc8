package inventory

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// INV-01: "when stock falls below the warning line, trigger replenishment" (低于 = strictly below):
// stock equal to the line does not fire under StrictlyBelow; the default AtOrBelow fires.
func TestTriggerINV01(t *testing.T) {
	const line = 30
	tests := []struct {
		give    float64
		trigger Trigger
		want    bool
	}{
		{29, StrictlyBelow, true},
		{30, StrictlyBelow, false},
		{31, StrictlyBelow, false},
		{29, AtOrBelow, true},
		{30, AtOrBelow, true},
		{31, AtOrBelow, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.trigger.Fires(tt.give, line), "%s.Fires(%v, %v)", tt.trigger, tt.give, line)
	}
	var zero Trigger
	assert.Equal(t, AtOrBelow, zero, "the default trigger is at-or-below")
}

func TestReorderPoint(t *testing.T) {
	// 10 a day over a 5-day lead time plus 20 units of safety stock.
	got, err := ReorderPoint(MustDemand(70, 7, Week), FixedLeadTime(5*Day), 20)
	require.NoError(t, err)
	assert.InDelta(t, 70.0, got, 1e-12)
	_, err = ReorderPoint(Demand{}, FixedLeadTime(Day), 0)
	assert.ErrorIs(t, err, ErrNotPositive)
	_, err = ReorderPoint(MustDemand(1, 0, Day), FixedLeadTime(Day), -1)
	assert.ErrorIs(t, err, ErrNegative)
}

func TestPolicyNeed(t *testing.T) {
	sq, err := NewSQPolicy(40, 100)
	require.NoError(t, err)
	ss, err := NewSSPolicy(40, 150)
	require.NoError(t, err)
	mm, err := NewMinMaxPolicy(40, 150)
	require.NoError(t, err)
	rs, err := NewRSPolicy(Week, 150)
	require.NoError(t, err)
	// Heizer & Render's Sharp, Inc.: D = 1000, K = 10, h = 0.5 → Q = 200.
	rq, err := NewRQPolicy(40, 1000, 10, 0.5)
	require.NoError(t, err)
	assert.InDelta(t, 200.0, rq.OrderQty(), 1e-12)

	tests := []struct {
		policy   Policy
		give     int64
		trigger  Trigger
		wantNeed float64
	}{
		{sq, 41, AtOrBelow, 0},
		{sq, 40, AtOrBelow, 100},
		{sq, 40, StrictlyBelow, 0},
		{sq, -70, AtOrBelow, 200}, // one Q leaves the position at 30 ≤ 40: order 2Q
		{sq, -60, AtOrBelow, 200}, // one Q leaves it at exactly 40: still at or below
		{ss, 40, AtOrBelow, 110},
		{ss, 39, StrictlyBelow, 111},
		{ss, 41, AtOrBelow, 0},
		{mm, 10, AtOrBelow, 140},
		{rs, 100, AtOrBelow, 50}, // periodic review orders up to S whatever the trigger
		{rs, 150, StrictlyBelow, 0},
		{rs, 200, AtOrBelow, 0},
		{rq, 30, AtOrBelow, 200},
		{Policy{}, 0, AtOrBelow, 0},
	}
	for _, tt := range tests {
		got, err := tt.policy.Need(tt.give, tt.trigger)
		require.NoError(t, err)
		assert.InDelta(t, tt.wantNeed, got, 1e-12, "%s.Need(%v, %s)", tt.policy, tt.give, tt.trigger)
	}
	assert.Equal(t, "(s, Q) s=40 Q=100", sq.String())
	assert.Equal(t, "(s, S) s=40 S=150", ss.String())
	assert.Equal(t, "min/max min=40 max=150", mm.String())
	assert.Equal(t, "(R, S) R=168h0m0s S=150", rs.String())
	assert.Equal(t, "(r, Q) with EOQ s=40 Q=200", rq.String())
	assert.Equal(t, "no policy", Policy{}.String())
	assert.Equal(t, PolicyRS, rs.Kind())
	assert.Equal(t, Week, rs.Review())
	assert.Equal(t, 150.0, ss.OrderUpTo())
	assert.Equal(t, 40.0, ss.ReorderLevel())
	assert.Equal(t, "PolicyKind(0)", PolicyKind(0).String())
	assert.Equal(t, "strictly below", StrictlyBelow.String())
}

func TestPolicyErrors(t *testing.T) {
	tests := []struct {
		name string
		make func() (Policy, error)
		want error
	}{
		{"(s, Q) NaN s", func() (Policy, error) { return NewSQPolicy(math.NaN(), 1) }, ErrNotFinite},
		{"(s, Q) zero Q", func() (Policy, error) { return NewSQPolicy(1, 0) }, ErrNotPositive},
		{"(s, S) S < s", func() (Policy, error) { return NewSSPolicy(10, 5) }, ErrPolicy},
		{"(s, S) Inf", func() (Policy, error) { return NewSSPolicy(math.Inf(-1), 5) }, ErrNotFinite},
		{"(s, S) NaN S", func() (Policy, error) { return NewSSPolicy(1, math.NaN()) }, ErrNotFinite},
		{"min/max max < min", func() (Policy, error) { return NewMinMaxPolicy(10, 5) }, ErrPolicy},
		{"(R, S) R = 0", func() (Policy, error) { return NewRSPolicy(0, 5) }, ErrNotPositive},
		{"(R, S) NaN S", func() (Policy, error) { return NewRSPolicy(time.Hour, math.NaN()) }, ErrNotFinite},
		{"(r, Q) NaN r", func() (Policy, error) { return NewRQPolicy(math.NaN(), 1, 1, 1) }, ErrNotFinite},
		{"(r, Q) h = 0", func() (Policy, error) { return NewRQPolicy(1, 1, 1, 0) }, ErrNotPositive},
		{"(r, Q) D = 0", func() (Policy, error) { return NewRQPolicy(1, 0, 1, 1) }, ErrNotPositive},
	}
	for _, tt := range tests {
		_, err := tt.make()
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
}
