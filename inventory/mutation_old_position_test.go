package inventory

// Tests that kill the mutants of position.go a hand mutation pass left alive (issue 19). Each case
// names the mutant it kills as file:line:column and mutator (line numbers of main at bda67c7).

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// position.go:134:12 CONDITIONALS_BOUNDARY: a reservation of 0 units is valid (an unpaid order for a
// line since cancelled to 0) and reserves nothing; -1 is an error naming the reservation's qty.
func TestMutantOldReservationZeroQty(t *testing.T) {
	got, err := ReservedAt([]Reservation{{Kind: UnpaidOrder, Qty: 0}, {Kind: Presale, Qty: 3}}, testNow)
	require.NoError(t, err)
	assert.Equal(t, int64(3), got)
	_, err = ReservedAt([]Reservation{{Kind: Presale, Qty: 3}, {Kind: UnpaidOrder, Qty: -1}}, testNow)
	requireTyped(t, err, ErrNegative, "qty -1")
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "reservations[1].qty", fe.Field)
}

// position.go:199:19 CONDITIONALS_BOUNDARY: a receipt may arrive in year 9999 (the last year RFC 3339
// writes); year 10000 is an error naming the receipt's eta.
// position.go:248:12 CONDITIONALS_BOUNDARY: Earliest finds the first point with at least qty units:
// 5 available now, 10 more on 1 July: 5 units now, 15 units on 1 July, 16 never.
func TestMutantOldATPReceiptYearAndEarliest(t *testing.T) {
	july := testNow.AddDate(0, 1, 0)
	atp, err := NewATP(Stock{OnHand: 5}, nil, []Receipt{{Qty: 10, ETA: july}, {Qty: 0, ETA: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)}}, testNow)
	require.NoError(t, err)
	for _, tt := range []struct {
		qty    int64
		want   time.Time
		wantOK bool
	}{{5, testNow, true}, {6, july, true}, {15, july, true}, {16, time.Time{}, false}} {
		got, ok := atp.Earliest(tt.qty)
		assert.Equal(t, tt.wantOK, ok, "%d units", tt.qty)
		assert.Equal(t, tt.want, got, "%d units", tt.qty)
	}
	_, err = NewATP(Stock{OnHand: 5}, nil, []Receipt{{Qty: 1, ETA: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}}, testNow)
	requireTyped(t, err, ErrTooLarge, "year 10000")
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "receipts[0].eta", fe.Field)
}
