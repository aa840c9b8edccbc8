package pricing

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func seedTiers(t testing.TB) TierTable {
	t.Helper()
	tt, err := NewTierTable(Tier{1, ruleCNY("2.00")}, Tier{10, ruleCNY("1.50")}, Tier{50, ruleCNY("1.20")})
	require.NoError(t, err)
	return tt
}

func TestTierPrice(t *testing.T) {
	tests := []struct {
		give      int64
		mode      TierMode
		wantTotal string
		wantLines int
	}{
		{0, AllUnits, "0.00", 0},
		{1, AllUnits, "2.00", 1},
		{9, AllUnits, "18.00", 1},
		{10, AllUnits, "15.00", 1}, // all-units price cliff: 10 cost less than 9
		{12, AllUnits, "18.00", 1},
		{60, AllUnits, "72.00", 1},
		{9, Incremental, "18.00", 1},
		{12, Incremental, "22.50", 2}, // 9 × 2.00 + 3 × 1.50
		// 9 × 2.00 + 40 × 1.50 + 11 × 1.20 = 18 + 60 + 13.20
		{60, Incremental, "91.20", 3},
	}
	tab := seedTiers(t)
	for _, tt := range tests {
		q, err := tab.Price(tt.give, tt.mode)
		require.NoError(t, err)
		assert.Equal(t, tt.wantTotal, q.Total.StringAmount(), "Price(%d, %s)", tt.give, tt.mode)
		assert.Len(t, q.Lines, tt.wantLines)
		var units int64
		sum := Zero(CNY)
		for _, l := range q.Lines {
			units += l.Qty
			sum = ruleAdd(t, sum, l.Amount)
		}
		assert.Equal(t, tt.give, units)
		assert.True(t, sum.Equal(q.Total) || tt.give == 0)
	}
	q, err := tab.Price(12, Incremental)
	require.NoError(t, err)
	assert.Equal(t, TierLine{Index: 1, MinQty: 10, Qty: 3, UnitPrice: ruleCNY("1.50"), Amount: q.Lines[1].Amount}, q.Lines[1])
	assert.Equal(t, "4.50", q.Lines[1].Amount.StringAmount())
}

func TestTierPriceErrors(t *testing.T) {
	tab := seedTiers(t)
	tests := []struct {
		name string
		tab  TierTable
		qty  int64
		mode TierMode
		want error
	}{
		{"negative", tab, -1, AllUnits, ErrInvalidQuantity},
		{"mode 0", tab, 1, 0, ErrInvalidTierMode},
		{"zero table", TierTable{}, 1, AllUnits, ErrInvalidTiers},
	}
	for _, tt := range tests {
		_, err := tt.tab.Price(tt.qty, tt.mode)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
}

func TestNewTierTableErrors(t *testing.T) {
	tests := []struct {
		name string
		give []Tier
		want error
	}{
		{"empty", nil, ErrInvalidTiers},
		{"first not 1", []Tier{{2, ruleCNY("1")}}, ErrInvalidTiers},
		{"not increasing", []Tier{{1, ruleCNY("2")}, {10, ruleCNY("1")}, {10, ruleCNY("1")}}, ErrInvalidTiers},
		{"decreasing", []Tier{{1, ruleCNY("2")}, {10, ruleCNY("1")}, {5, ruleCNY("1")}}, ErrInvalidTiers},
		{"no currency", []Tier{{1, Money{}}}, ErrUnknownCurrency},
		{"mixed", []Tier{{1, ruleCNY("2")}, {10, MustNew("1", USD)}}, ErrCurrencyMismatch},
		{"negative", []Tier{{1, ruleCNY("-2")}}, ErrNegativePrice},
	}
	for _, tt := range tests {
		_, err := NewTierTable(tt.give...)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
	_, err := NewTierTable(Tier{1, ruleCNY("2")}, Tier{10, ruleCNY("1")}, Tier{5, ruleCNY("1")})
	assert.EqualError(t, err, "pricing: new tier table: tiers[2].min_qty 5: invalid price table: breaks must strictly increase (previous 10)")
}

func TestTierTableAccessorsAndWarnings(t *testing.T) {
	give := []Tier{{1, ruleCNY("2.00")}, {10, ruleCNY("2.10")}}
	tab, err := NewTierTable(give...)
	require.NoError(t, err)
	give[0].MinQty = 7
	assert.Equal(t, int64(1), tab.Tiers()[0].MinQty)
	assert.Equal(t, CNY, tab.currency())
	assert.Equal(t, Currency(0), TierTable{}.currency())
	ws := tab.Warnings()
	require.Len(t, ws, 1)
	assert.Equal(t, "tiers[1] from 10 at CNY 2.10 is dearer than tiers[0] from 1 at CNY 2.00", ws[0].String())
	assert.Empty(t, seedTiers(t).Warnings())
	assert.Equal(t, "all-units", AllUnits.String())
	assert.Equal(t, "incremental", Incremental.String())
	assert.Equal(t, "TierMode(0)", TierMode(0).String())
}
