package kpi

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Seed-rules INV-17 (seed 001): at the daily check, every order paid the
// day before must have shipped; none may be stranded. The rule is Days 1,
// By 00:00; the check runs on 2026-02-10 at 09:00 in Shanghai. Hand-worked:
//
//	o1 paid 02-08 15:00, shipped 02-09 10:00: due 02-09 00:00, shipped 10 h late
//	o2 paid 02-09 10:00, shipped 02-09 16:00: due 02-10 00:00, on time
//	o3 paid 02-09 23:50, not shipped: stranded, 9 h past due at the check
//	o4 paid 02-10 08:00, not shipped: due 02-11, pending
//	o5 paid 02-09 12:00, shipped 02-10 10:00, after the check: stranded at it
//
// The stranded orders are exactly those paid on or before 02-09 and not
// shipped at the check: o3 and o5.
func TestFulfilmentStrandedOrders(t *testing.T) {
	sh := loadLoc(t, "Asia/Shanghai")
	at := func(d, h, m int) time.Time { return time.Date(2026, 2, d, h, m, 0, 0, sh) }
	ships := []Shipment{
		{Order: "o1", Warehouse: "hz", Staff: "amy", Paid: at(8, 15, 0), Shipped: at(9, 10, 0)},
		{Order: "o2", Warehouse: "hz", Staff: "bo", Paid: at(9, 10, 0), Shipped: at(9, 16, 0)},
		{Order: "o3", Warehouse: "sh", Staff: "amy", Paid: at(9, 23, 50)},
		{Order: "o4", Warehouse: "sh", Staff: "bo", Paid: at(10, 8, 0)},
		{Order: "o5", Warehouse: "sh", Staff: "bo", Paid: at(9, 12, 0), Shipped: at(10, 10, 0)},
	}
	rule := ShipRule{Days: 1, By: Clock(0, 0), Location: sh}
	rep, err := Fulfilment(ships, rule, at(10, 9, 0))
	require.NoError(t, err)
	assert.Equal(t, FulfilmentCounts{Orders: 5, OnTime: 1, ShippedLate: 1, Overdue: 2, Pending: 1, OnTimeRate: 0.25}, rep.Total)
	assert.Equal(t, []FulfilmentCounts{
		{Key: "hz", Orders: 2, OnTime: 1, ShippedLate: 1, OnTimeRate: 0.5},
		{Key: "sh", Orders: 3, Overdue: 2, Pending: 1},
	}, rep.ByWarehouse)
	assert.Equal(t, []FulfilmentCounts{
		{Key: "amy", Orders: 2, ShippedLate: 1, Overdue: 1},
		{Key: "bo", Orders: 3, OnTime: 1, Overdue: 1, Pending: 1, OnTimeRate: 0.5},
	}, rep.ByStaff)
	assert.Equal(t, []LateOrder{
		{Order: "o1", Warehouse: "hz", Staff: "amy", Paid: at(8, 15, 0), Due: at(9, 0, 0), Shipped: at(9, 10, 0), Over: 10 * time.Hour},
		{Order: "o3", Warehouse: "sh", Staff: "amy", Paid: at(9, 23, 50), Due: at(10, 0, 0), Over: 9 * time.Hour},
		{Order: "o5", Warehouse: "sh", Staff: "bo", Paid: at(9, 12, 0), Due: at(10, 0, 0), Over: 9 * time.Hour},
	}, rep.Late)
	goldenJSON(t, "fulfilment_report", rep)
}

// Hours after payment, on the wall clock and in business hours.
func TestFulfilmentWithin(t *testing.T) {
	paid := time.Date(2026, 2, 9, 10, 0, 0, 0, time.UTC)
	rule := ShipRule{Within: 48 * time.Hour}
	cases := []struct {
		shipped, asOf time.Time
		onTime, late  int64
		overdue, pend int64
	}{
		{paid.Add(48 * time.Hour), paid.Add(72 * time.Hour), 1, 0, 0, 0},             // at the deadline: on time
		{paid.Add(48*time.Hour + time.Second), paid.Add(72 * time.Hour), 0, 1, 0, 0}, // one second late
		{time.Time{}, paid.Add(48 * time.Hour), 0, 0, 1, 0},                          // unshipped at the deadline: overdue
		{time.Time{}, paid.Add(48*time.Hour - time.Second), 0, 0, 0, 1},              // not yet due
		{paid.Add(49 * time.Hour), paid.Add(48*time.Hour - time.Second), 0, 0, 0, 1}, // shipped after the check: unknown
	}
	for i, c := range cases {
		rep, err := Fulfilment([]Shipment{{Order: "o", Paid: paid, Shipped: c.shipped}}, rule, c.asOf)
		require.NoError(t, err)
		got := rep.Total
		assert.Equal(t, []int64{c.onTime, c.late, c.overdue, c.pend}, []int64{got.OnTime, got.ShippedLate, got.Overdue, got.Pending}, "case %d", i)
	}
	rep, err := Fulfilment([]Shipment{{Order: "o", Paid: paid, Shipped: paid.Add(50 * time.Hour)}}, rule, paid.Add(72*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, []LateOrder{{Order: "o", Paid: paid, Due: paid.Add(48 * time.Hour), Shipped: paid.Add(50 * time.Hour), Over: 2 * time.Hour}}, rep.Late)
	// Business hours (Mon-Fri 09:00-18:00, Saturday 02-14 a make-up day):
	// paid Friday 17:00, shipped Monday 10:00 = 1 h + 9 h + 1 h = 11 h of
	// working time, 2 h over a 9 h rule.
	s := shanghaiSchedule(t)
	sh := s.Location()
	ship := Shipment{Order: "o", Paid: time.Date(2026, 2, 13, 17, 0, 0, 0, sh), Shipped: time.Date(2026, 2, 16, 10, 0, 0, 0, sh)}
	rep, err = Fulfilment([]Shipment{ship}, ShipRule{Within: 9 * time.Hour, Schedule: &s}, ship.Shipped)
	require.NoError(t, err)
	require.Len(t, rep.Late, 1)
	assert.Equal(t, 2*time.Hour, rep.Late[0].Over)
	assert.True(t, rep.Late[0].Due.IsZero())
	rep, err = Fulfilment([]Shipment{ship}, ShipRule{Within: 11 * time.Hour, Schedule: &s}, ship.Shipped)
	require.NoError(t, err)
	assert.Equal(t, int64(1), rep.Total.OnTime)
}

func TestFulfilmentErrors(t *testing.T) {
	t0 := time.Date(2026, 2, 9, 10, 0, 0, 0, time.UTC)
	ok := ShipRule{Within: time.Hour}
	s := MustSchedule(ScheduleSpec{Location: time.UTC, Weekly: weekdays(nineToSix())})
	cases := []struct {
		ships []Shipment
		rule  ShipRule
		asOf  time.Time
		want  error
		field string
	}{
		{nil, ShipRule{Within: -1}, t0, ErrInvalidNumber, "rule.within"},
		{nil, ShipRule{Days: -1}, t0, ErrInvalidNumber, "rule.days"},
		{nil, ShipRule{}, t0, ErrInvalidNumber, "rule"},
		{nil, ShipRule{Within: 1, Days: 1, Location: time.UTC}, t0, ErrInvalidNumber, "rule"},
		{nil, ShipRule{Days: MaxShipDays + 1, Location: time.UTC}, t0, ErrTooLarge, "rule.days"},
		{nil, ShipRule{Days: 1}, t0, ErrEmpty, "rule.location"},
		{nil, ShipRule{Days: 1, Location: time.UTC, Schedule: &s}, t0, ErrInvalidNumber, "rule.schedule"},
		{nil, ShipRule{Days: 1, Location: time.UTC, By: -1}, t0, ErrInvalidTimeRange, "rule.by"},
		{nil, ok, time.Time{}, ErrEmpty, "as_of"},
		{[]Shipment{{}}, ok, t0, ErrEmpty, "shipments[0].paid"},
		{[]Shipment{{Paid: t0.Add(1)}}, ok, t0, ErrOutOfOrder, "shipments[0].paid"},
		{[]Shipment{{Paid: t0, Shipped: t0.Add(-1)}}, ok, t0, ErrOutOfOrder, "shipments[0].shipped"},
	}
	for _, tt := range cases {
		_, err := Fulfilment(tt.ships, tt.rule, tt.asOf)
		var fe *FieldError
		require.ErrorAs(t, err, &fe, tt.field)
		assert.ErrorIs(t, err, tt.want, tt.field)
		assert.Equal(t, tt.field, fe.Field)
	}
	// A deadline after year 9999 is never reached.
	far := time.Date(9999, 12, 31, 12, 0, 0, 0, time.UTC)
	rep, err := Fulfilment([]Shipment{{Paid: far}}, ShipRule{Days: 1, Location: time.UTC}, far)
	require.NoError(t, err)
	assert.Equal(t, int64(1), rep.Total.Pending)
}

func TestFulfilmentJSON(t *testing.T) {
	r := ShipRule{Days: 1, By: Clock(9, 30), Location: time.UTC}
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Equal(t, `{"within":"0s","days":1,"by":"09:30","location":"UTC"}`, string(b))
	var back ShipRule
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, r, back)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"within":"48h","days":0,"days":1}`), &back), ErrInvalidJSON)
	var s Shipment
	require.NoError(t, json.Unmarshal([]byte(`{"order":"o1","warehouse":"hz","staff":"amy","paid":"2026-02-09T10:00:00Z"}`), &s))
	assert.Equal(t, "hz", s.Warehouse)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"order":"o1","x":1}`), &s), ErrInvalidJSON)
}
