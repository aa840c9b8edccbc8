package inventory

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStockPosition(t *testing.T) {
	s := Stock{OnHand: 50, Held: 5, OnOrder: 40, Backorders: 3, Reserved: 12}
	require.NoError(t, s.Validate())
	avail, err := s.Available()
	require.NoError(t, err)
	assert.Equal(t, int64(30), avail, "50 - 5 held - 3 backordered - 12 reserved")
	pos, err := s.Position()
	require.NoError(t, err)
	assert.Equal(t, int64(70), pos, "45 usable + 40 on order - 3 - 12")
	assert.NoError(t, Stock{}.Validate(), "the zero value is an empty record")
}

func TestStockValidate(t *testing.T) {
	tests := []struct {
		give Stock
		want error
	}{
		{Stock{OnHand: -1}, ErrNegative},
		{Stock{Held: -1}, ErrNegative},
		{Stock{OnOrder: -1}, ErrNegative},
		{Stock{Backorders: -1}, ErrNegative},
		{Stock{Reserved: -1}, ErrNegative},
		{Stock{OnHand: 1, Held: 2}, ErrPolicy},
	}
	for _, tt := range tests {
		assert.ErrorIs(t, tt.give.Validate(), tt.want, "%+v.Validate()", tt.give)
	}
}

// INV-07: presold group-buy quantities come off the stock; an unpaid order frees its stock at expiry.
func TestReservedAt(t *testing.T) {
	now := time.Date(2025, 6, 1, 10, 0, 0, 0, time.UTC)
	rs := []Reservation{
		{Kind: Presale, Qty: 20},
		{Kind: GroupBuy, Qty: 15, ExpiresAt: now.Add(48 * time.Hour)},
		{Kind: UnpaidOrder, Qty: 2, ExpiresAt: now.Add(30 * time.Minute)},
		{Kind: UnpaidOrder, Qty: 3, ExpiresAt: now.Add(-time.Minute)},
	}
	tests := []struct {
		give time.Time
		want int64
	}{
		{now, 37},
		{now.Add(30 * time.Minute), 35}, // expiry instant: free again
		{now.Add(29 * time.Minute), 37},
		{now.Add(72 * time.Hour), 20},
		{now.Add(-2 * time.Minute), 40},
	}
	for _, tt := range tests {
		got, err := ReservedAt(rs, tt.give)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, "ReservedAt(%s)", tt.give)
	}
	_, err := ReservedAt([]Reservation{{Kind: 0, Qty: 1}}, now)
	assert.ErrorIs(t, err, ErrInvalidEnum)
	_, err = ReservedAt([]Reservation{{Kind: Presale, Qty: -1}}, now)
	assert.ErrorIs(t, err, ErrNegative)
	assert.Equal(t, "group-buy", GroupBuy.String())
	assert.Equal(t, "ReservationKind(9)", ReservationKind(9).String())
}

func TestATP(t *testing.T) {
	now := time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)
	day := func(n int) time.Time { return now.Add(time.Duration(n) * Day) }
	stock := Stock{OnHand: 30, Held: 4, Backorders: 2, Reserved: 999} // Reserved is ignored
	res := []Reservation{{Kind: Presale, Qty: 40}, {Kind: UnpaidOrder, Qty: 5, ExpiresAt: now.Add(time.Hour)}}
	receipts := []Receipt{{Qty: 50, ETA: day(5)}, {Qty: 10, ETA: day(2)}, {Qty: 5, ETA: day(2)}, {Qty: 7, ETA: day(-1)}}
	atp, err := NewATP(stock, res, receipts, now)
	require.NoError(t, err)
	want := []ATPPoint{
		{Date: now, Qty: 30 - 4 - 2 - 45 + 7}, // -14: the late receipt counts from now
		{Date: day(2), Qty: 1},
		{Date: day(5), Qty: 51},
	}
	assert.Equal(t, want, atp.Points())
	assert.Equal(t, int64(0), atp.At(now), "a shortfall promises nothing")
	assert.Equal(t, int64(0), atp.At(now.Add(-time.Hour)), "before the evaluation time")
	assert.Equal(t, int64(1), atp.At(day(3)))
	assert.Equal(t, int64(51), atp.At(day(5)))
	assert.Equal(t, int64(51), atp.At(day(50)))
	d, ok := atp.Earliest(20)
	assert.True(t, ok)
	assert.Equal(t, day(5), d)
	_, ok = atp.Earliest(100)
	assert.False(t, ok)
	assert.Equal(t, int64(0), ATP{}.At(now))
	assert.Equal(t, int64(50), receipts[0].Qty, "input not modified")
	assert.Equal(t, day(5), receipts[0].ETA, "input not modified")
}

func TestATPErrors(t *testing.T) {
	now := time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)
	_, err := NewATP(Stock{OnHand: -1}, nil, nil, now)
	assert.ErrorIs(t, err, ErrNegative)
	_, err = NewATP(Stock{}, []Reservation{{Kind: Presale, Qty: -1}}, nil, now)
	assert.ErrorIs(t, err, ErrNegative)
	_, err = NewATP(Stock{}, nil, []Receipt{{Qty: -5, ETA: now}}, now)
	assert.ErrorIs(t, err, ErrNegative)
}
