package kpi

import (
	"math"
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var t0 = time.Date(2026, 2, 9, 9, 30, 0, 0, time.UTC)

func at(min int) time.Time { return t0.Add(time.Duration(min) * time.Minute) }

func ranks(r []Ranked) ([]string, []int) {
	var ids []string
	var rs []int
	for _, x := range r {
		ids = append(ids, x.ID)
		rs = append(rs, x.Rank)
	}
	return ids, rs
}

func TestRankTies(t *testing.T) {
	es := []Entry{
		{ID: "d", Score: 70},
		{ID: "b", Score: 90, At: at(5)},
		{ID: "a", Score: 100},
		{ID: "c", Score: 90, At: at(1)}, // earlier: first inside the tie
	}
	got, err := Rank(es, Competition)
	require.NoError(t, err)
	ids, rs := ranks(got)
	assert.Equal(t, []string{"a", "c", "b", "d"}, ids)
	assert.Equal(t, []int{1, 2, 2, 4}, rs)

	got, err = Rank(es, Dense)
	require.NoError(t, err)
	ids, rs = ranks(got)
	assert.Equal(t, []string{"a", "c", "b", "d"}, ids)
	assert.Equal(t, []int{1, 2, 2, 3}, rs)

	// Same time: ID order; 0.1+0.2 ties 0.3.
	got, err = Rank([]Entry{{ID: "y", Score: 0.1 + 0.2}, {ID: "x", Score: 0.3}}, Competition)
	require.NoError(t, err)
	ids, rs = ranks(got)
	assert.Equal(t, []string{"x", "y"}, ids)
	assert.Equal(t, []int{1, 1}, rs)

	got, err = Rank(nil, Dense)
	require.NoError(t, err)
	assert.Empty(t, got)
}

func TestRankErrors(t *testing.T) {
	tests := []struct {
		name   string
		give   []Entry
		method RankMethod
		want   error
	}{
		{"method", nil, 0, ErrInvalidEnum},
		{"nan", []Entry{{ID: "a", Score: math.NaN()}}, Dense, ErrInvalidNumber},
		{"duplicate", []Entry{{ID: "a"}, {ID: "a"}}, Dense, ErrDuplicate},
	}
	for _, tt := range tests {
		_, err := Rank(tt.give, tt.method)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
}

// quizDay is the PR-22 fixture: seven people post a full score (100), one
// posts 80 before all of them.
func quizDay() []Entry {
	return []Entry{
		{ID: "p80", Score: 80, At: at(0)},
		{ID: "g", Score: 100, At: at(7)},
		{ID: "a", Score: 100, At: at(1)},
		{ID: "b", Score: 100, At: at(2)},
		{ID: "c", Score: 100, At: at(3)},
		{ID: "f", Score: 100, At: at(6)},
		{ID: "d", Score: 100, At: at(4)},
		{ID: "e", Score: 100, At: at(5)},
	}
}

func TestRewardsPR22(t *testing.T) {
	// Source: seed-rules PR-22 / K-04: everyone who takes the quiz gets a
	// 2.88-yuan red packet; the first 5 to post a full score get 6.6 yuan.
	rules := []RewardRule{
		{Name: "quiz 2.88", Kind: Everyone, MinScore: 0, Amount: cny("2.88")},
		{Name: "top5 6.6", Kind: TopN, N: 5, MinScore: 100, Order: ByTime, Amount: cny("6.6")},
	}
	res, err := Rewards(quizDay(), rules)
	require.NoError(t, err)
	require.Len(t, res.Rules, 2)
	assert.Equal(t, int64(8), res.Rules[0].Count)
	assert.Equal(t, "CNY 23.04", res.Rules[0].Amount.String())
	assert.Equal(t, int64(5), res.Rules[1].Count)
	assert.Equal(t, "CNY 33.00", res.Rules[1].Amount.String()) // 5 × 6.6
	var top []string
	for _, a := range res.Awards {
		if a.Rule == "top5 6.6" {
			top = append(top, a.Person)
		}
	}
	assert.Equal(t, []string{"a", "b", "c", "d", "e"}, top) // p80 was first but not full
	require.Len(t, res.Persons, 8)
	assert.Equal(t, "a", res.Persons[0].Person)
	assert.Equal(t, "CNY 9.48", res.Persons[0].Amount.String())
	assert.Equal(t, "g", res.Persons[6].Person)
	assert.Equal(t, "CNY 2.88", res.Persons[6].Amount.String())
	assert.Empty(t, res.Unpaid)
}

func TestRewardsBudgetAndScoreOrder(t *testing.T) {
	es := []Entry{{ID: "a", Score: 90, At: at(3)}, {ID: "b", Score: 95, At: at(9)}, {ID: "c", Score: 90, At: at(1)}, {ID: "d", Score: 50}}
	rules := []RewardRule{{Name: "bonus", Kind: Everyone, MinScore: 90, Amount: cny("10"), Budget: cny("25")}}
	res, err := Rewards(es, rules)
	require.NoError(t, err)
	// By score: b (95), then c and a tied at 90, c earlier. Budget 25 pays two.
	require.Len(t, res.Awards, 2)
	assert.Equal(t, "b", res.Awards[0].Person)
	assert.Equal(t, "c", res.Awards[1].Person)
	require.Len(t, res.Unpaid, 1)
	assert.Equal(t, "a", res.Unpaid[0].Person)
	assert.Equal(t, 3, res.Unpaid[0].Place)
	assert.Equal(t, "CNY 20.00", res.Rules[0].Amount.String())
}

func TestRewardsErrors(t *testing.T) {
	ok := RewardRule{Name: "r", Kind: Everyone, Amount: cny("1")}
	tests := []struct {
		name  string
		give  func(r *RewardRule)
		extra []RewardRule
		want  error
	}{
		{"no name", func(r *RewardRule) { r.Name = "" }, nil, ErrEmpty},
		{"kind", func(r *RewardRule) { r.Kind = 0 }, nil, ErrInvalidEnum},
		{"order", func(r *RewardRule) { r.Order = 9 }, nil, ErrInvalidEnum},
		{"top n zero", func(r *RewardRule) { r.Kind = TopN }, nil, ErrInvalidNumber},
		{"nan min", func(r *RewardRule) { r.MinScore = math.NaN() }, nil, ErrInvalidNumber},
		{"no amount", func(r *RewardRule) { r.Amount = pricing.Money{} }, nil, pricing.ErrUnknownCurrency},
		{"negative amount", func(r *RewardRule) { r.Amount = cny("-1") }, nil, ErrNegativeAmount},
		{"negative budget", func(r *RewardRule) { r.Budget = cny("-1") }, nil, ErrNegativeAmount},
		{"budget currency", func(r *RewardRule) { r.Budget = pricing.MustNew("1", pricing.USD) }, nil, pricing.ErrCurrencyMismatch},
		{"rule currencies", func(r *RewardRule) {}, []RewardRule{{Name: "u", Kind: Everyone, Amount: pricing.MustNew("1", pricing.USD)}}, pricing.ErrCurrencyMismatch},
		{"duplicate rule", func(r *RewardRule) {}, []RewardRule{ok}, ErrDuplicate},
	}
	for _, tt := range tests {
		r := ok
		tt.give(&r)
		_, err := Rewards(quizDay(), append([]RewardRule{r}, tt.extra...))
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
	_, err := Rewards([]Entry{{ID: "x"}, {ID: "x"}}, []RewardRule{ok})
	assert.ErrorIs(t, err, ErrDuplicate)
}
