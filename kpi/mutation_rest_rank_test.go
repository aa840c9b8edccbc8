package kpi

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests written from the survivors of the gremlins run over the rest of
// kpi (issue 19), for rank.go, rating.go and reward.go.

// Scores above 1e9 in magnitude are compared as they are, those up to 1e9
// rounded to 9 decimals; the order is by score either way: 2e9 ranks above
// 5e8 and 1e9 (hand check: 2,000,000,000 > 1,000,000,000 > 500,000,000).
func TestRankAcrossTheRoundingLimit(t *testing.T) {
	got, err := Rank([]Entry{{ID: "small", Score: 5e8}, {ID: "big", Score: 2e9}, {ID: "edge", Score: 1e9}}, Competition)
	require.NoError(t, err)
	ids, rs := ranks(got)
	assert.Equal(t, []string{"big", "edge", "small"}, ids)
	assert.Equal(t, []int{1, 2, 3}, rs)
}

// Industry averages of exactly 1 and 5 are valid (the DSR scale is 1-5,
// RollingDSR's doc); the comparison is (average - industry) ÷ industry ×
// 100: one rating of 3 gives (3-1)/1×100 = +200 % against 1 and
// (3-5)/5×100 = -40 % against 5.
func TestRollingDSRIndustryEdges(t *testing.T) {
	asOf := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	rs := []Rating{{At: asOf, Description: 3, Service: 3, Shipping: 3}}
	rep, err := RollingDSR(rs, asOf, 24*time.Hour, DSR{Description: 1, Service: 5})
	require.NoError(t, err)
	assert.InDelta(t, 200.0, rep.VsIndustry.Description, 1e-12)
	assert.InDelta(t, -40.0, rep.VsIndustry.Service, 1e-12)
	assert.Zero(t, rep.VsIndustry.Shipping) // industry 0: no comparison
	for _, bad := range []float64{0.999, 5.001} {
		_, err := RollingDSR(rs, asOf, 24*time.Hour, DSR{Shipping: bad})
		assert.ErrorIs(t, err, ErrInvalidRating, "industry %v", bad)
	}
}

// DSRDrops skips a dimension without ratings in either report (its doc):
// a current window with no shipping ratings is not a drop to 0, and a
// previous report that counts no service ratings compares with nothing,
// whatever average it carries (a hand-built report).
func TestDSRDropsSkipsUnrated(t *testing.T) {
	prev := DSRReport{Count: [3]int64{4, 0, 2}, Average: DSR{Description: 4.5, Service: 4.9, Shipping: 4.5}}
	cur := DSRReport{Count: [3]int64{3, 3, 0}, Average: DSR{Description: 4.0, Service: 4.0, Shipping: 0}}
	assert.Equal(t, []DSRDimension{DSRDescription}, DSRDrops(prev, cur))
	assert.Empty(t, DSRDrops(cur, cur))
}

// Scores tie when equal to 9 decimal places (Rank's doc): 0.1+0.2 computed
// at run time is 0.30000000000000004 and ties 0.3, so both rank 1 and the
// tie is broken by ID. (A constant expression 0.1 + 0.2 is exactly 0.3 in
// Go and would not test this: TestRankTies' case does not.) In Rewards the
// minimum score is compared the same way: 0.3 meets a minimum of 0.1+0.2.
func TestRankFloatSumTies(t *testing.T) {
	a, b := 0.1, 0.2
	sum := a + b
	require.NotEqual(t, 0.3, sum, "float64 0.1+0.2 is not 0.3")
	got, err := Rank([]Entry{{ID: "y", Score: sum}, {ID: "x", Score: 0.3}, {ID: "z", Score: 0.3 - 1e-8}}, Competition)
	require.NoError(t, err)
	ids, rs := ranks(got)
	assert.Equal(t, []string{"x", "y", "z"}, ids)
	assert.Equal(t, []int{1, 1, 3}, rs)

	res, err := Rewards([]Entry{{ID: "x", Score: 0.3}}, []RewardRule{{Name: "r", Kind: Everyone, MinScore: sum, Amount: cny("1")}})
	require.NoError(t, err)
	assert.Len(t, res.Awards, 1)
}
