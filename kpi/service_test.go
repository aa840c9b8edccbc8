package kpi

import (
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var day = time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC) // a Tuesday

func hms(h, m, s int) time.Time {
	return day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(s)*time.Second)
}

// serviceLog is a hand-worked conversation log; the expected figures are
// worked out in TestServiceMetricsHandWorked.
func serviceLog() ([]Message, []PaidOrder) {
	msgs := []Message{
		{Conversation: "c1", Customer: "u1", Role: RoleCustomer, At: hms(10, 0, 0)},
		{Conversation: "c2", Customer: "u2", Role: RoleCustomer, At: hms(10, 2, 0)},
		{Conversation: "c1", Customer: "u1", Role: RoleCustomer, At: hms(10, 0, 20)}, // same turn
		{Conversation: "c1", Customer: "u1", Role: RoleSystem, At: hms(10, 0, 45)},   // auto-reply: ignored
		{Conversation: "c1", Customer: "u1", Role: RoleAgent, Agent: "amy", At: hms(10, 1, 30)},
		{Conversation: "c1", Customer: "u1", Role: RoleCustomer, At: hms(10, 5, 0)},
		{Conversation: "c2", Customer: "u2", Role: RoleAgent, Agent: "bo", At: hms(10, 6, 0)},
		{Conversation: "c1", Customer: "u1", Role: RoleAgent, Agent: "amy", At: hms(10, 7, 0)},
		{Conversation: "c1", Customer: "u1", Role: RoleAgent, Agent: "amy", At: hms(10, 8, 0)}, // follow-up
		{Conversation: "c2", Customer: "u2", Role: RoleCustomer, At: hms(10, 10, 0)},           // never answered
		{Conversation: "c3", Customer: "u3", Role: RoleAgent, Agent: "amy", At: hms(11, 0, 0)}, // proactive
		{Conversation: "c3", Customer: "u3", Role: RoleCustomer, At: hms(11, 5, 0)},
		{Conversation: "c3", Customer: "u3", Role: RoleAgent, Agent: "bo", At: hms(11, 6, 0)},
	}
	orders := []PaidOrder{
		{ID: "o1", Customer: "u1", At: hms(12, 0, 0), Amount: cny("100.00")},
		{ID: "o2", Customer: "u1", At: hms(13, 0, 0), Amount: cny("50.00")},
		{ID: "o3", Customer: "u2", At: hms(10, 2, 0).Add(49 * time.Hour), Amount: cny("30.00")}, // outside 24 h
		{ID: "o4", Customer: "u9", At: hms(12, 0, 0), Amount: cny("99.00")},                     // never asked
		{ID: "o5", Customer: "u3", At: hms(11, 30, 0), Amount: cny("80.00"), Agent: "amy"},      // amy took no inquiry from u3
		{ID: "o6", Customer: "u3", At: hms(11, 40, 0), Amount: cny("20.00")},
		{ID: "o7", Customer: "u1", At: hms(9, 0, 0), Amount: cny("10.00")}, // before any inquiry
	}
	return msgs, orders
}

func TestServiceMetricsHandWorked(t *testing.T) {
	msgs, orders := serviceLog()
	rep, err := ServiceMetrics(msgs, orders, ServiceOptions{})
	require.NoError(t, err)
	require.Len(t, rep.Agents, 2)
	amy, bo := rep.Agents[0], rep.Agents[1]
	require.Equal(t, "amy", amy.Agent)

	// amy: c1 first turn 10:00:00 -> 10:01:30 (90 s); second turn 10:05 ->
	// 10:07 (120 s). Reception u1 and u3 (proactive), inquiries u1 only.
	assert.Equal(t, int64(2), amy.Reception)
	assert.Equal(t, int64(1), amy.Inquiries)
	assert.Equal(t, ResponseStats{Count: 1, Mean: 90 * time.Second, P50: 90 * time.Second, P90: 90 * time.Second, Max: 90 * time.Second}, amy.FirstResponse)
	// Type 7 on [90 s, 120 s] (hand arithmetic): p50 = 90 + 0.5·30 = 105 s,
	// p90 = 90 + 0.9·30 = 117 s.
	assert.Equal(t, ResponseStats{Count: 2, Mean: 105 * time.Second, P50: 105 * time.Second, P90: 117 * time.Second, Max: 120 * time.Second}, amy.Response)
	assert.Equal(t, int64(1), amy.FastFirstResponses)
	assert.InDelta(t, 1.0, amy.FastShare, 1e-12)
	assert.Equal(t, int64(1), amy.Buyers)
	assert.Equal(t, int64(2), amy.Orders)
	assert.Equal(t, "CNY 150.00", amy.Sales.String())
	assert.Equal(t, "CNY 150.00", amy.AOV.String())
	assert.InDelta(t, 1.0, amy.Conversion, 1e-12)

	// bo: c2 10:02 -> 10:06 (240 s, slow), c3 11:05 -> 11:06 (60 s, fast).
	assert.Equal(t, int64(2), bo.Reception)
	assert.Equal(t, int64(2), bo.Inquiries)
	// Type 7 on [60 s, 240 s]: p50 = 60 + 0.5·180 = 150 s, p90 = 60 + 0.9·180 = 222 s.
	assert.Equal(t, ResponseStats{Count: 2, Mean: 150 * time.Second, P50: 150 * time.Second, P90: 222 * time.Second, Max: 240 * time.Second}, bo.FirstResponse)
	assert.InDelta(t, 0.5, bo.FastShare, 1e-12)
	assert.Equal(t, int64(1), bo.Buyers)
	assert.Equal(t, "CNY 20.00", bo.Sales.String())
	assert.InDelta(t, 0.5, bo.Conversion, 1e-12)

	team := rep.Team
	assert.Equal(t, int64(3), team.Reception)
	assert.Equal(t, int64(3), team.Inquiries)
	assert.Equal(t, int64(2), team.Buyers)
	assert.Equal(t, int64(3), team.Orders)
	assert.Equal(t, "CNY 170.00", team.Sales.String())
	assert.Equal(t, "CNY 85.00", team.AOV.String())
	assert.InDelta(t, 2.0/3, team.Conversion, 1e-12)
	assert.Equal(t, 130*time.Second, team.FirstResponse.Mean)
	assert.InDelta(t, 2.0/3, team.FastShare, 1e-12)
	assert.Equal(t, int64(1), rep.Unanswered)
	assert.Equal(t, int64(4), rep.SilentOrder) // o3, o4, o5, o7
}

func TestServiceMetricsOptions(t *testing.T) {
	msgs, orders := serviceLog()
	// A 60-second fast limit makes only bo's 60 s first response fast; a
	// 50-hour window brings o3 in for bo.
	rep, err := ServiceMetrics(msgs, orders, ServiceOptions{FastWithin: time.Minute, AttributionWindow: 50 * time.Hour})
	require.NoError(t, err)
	assert.Equal(t, int64(0), rep.Agents[0].FastFirstResponses)
	assert.Equal(t, int64(1), rep.Agents[1].FastFirstResponses)
	assert.Equal(t, int64(2), rep.Agents[1].Buyers)
	assert.Equal(t, int64(3), rep.SilentOrder)
}

func TestServiceMetricsBusinessHours(t *testing.T) {
	// A question at 17:59 answered at 09:01 the next morning waits 15 h 2 min
	// on the wall clock and 2 minutes in business hours (09:00-18:00).
	s := MustSchedule(ScheduleSpec{Location: time.UTC, Weekly: weekdays(nineToSix())})
	msgs := []Message{
		{Conversation: "c", Customer: "u", Role: RoleCustomer, At: hms(17, 59, 0)},
		{Conversation: "c", Customer: "u", Role: RoleAgent, Agent: "amy", At: hms(33, 1, 0)},
	}
	rep, err := ServiceMetrics(msgs, nil, ServiceOptions{Schedule: &s})
	require.NoError(t, err)
	assert.Equal(t, 2*time.Minute, rep.Agents[0].FirstResponse.Mean)
	assert.Equal(t, int64(1), rep.Agents[0].FastFirstResponses)
	rep, err = ServiceMetrics(msgs, nil, ServiceOptions{})
	require.NoError(t, err)
	assert.Equal(t, 15*time.Hour+2*time.Minute, rep.Agents[0].FirstResponse.Mean)
	assert.Equal(t, int64(0), rep.Agents[0].FastFirstResponses)
	assert.False(t, rep.Team.Sales.IsValid(), "no orders: the zero Money")
}

func TestServiceMetricsErrors(t *testing.T) {
	ok := Message{Conversation: "c", Customer: "u", Role: RoleCustomer, At: hms(10, 0, 0)}
	tests := []struct {
		name   string
		msgs   []Message
		orders []PaidOrder
		opt    ServiceOptions
		want   error
		msg    string
	}{
		{"no conversation", []Message{{Customer: "u", Role: RoleCustomer}}, nil, ServiceOptions{}, ErrEmpty, "messages[0].conversation"},
		{"no customer", []Message{{Conversation: "c", Role: RoleCustomer}}, nil, ServiceOptions{}, ErrEmpty, "messages[0].customer"},
		{"unknown role", []Message{{Conversation: "c", Customer: "u", Role: 9}}, nil, ServiceOptions{}, ErrUnknownRole, "messages[0].role 9"},
		{"agent without id", []Message{ok, {Conversation: "c", Customer: "u", Role: RoleAgent, At: hms(10, 1, 0)}}, nil, ServiceOptions{}, ErrEmpty, "messages[1].agent"},
		{"two customers", []Message{ok, {Conversation: "c", Customer: "v", Role: RoleCustomer, At: hms(10, 1, 0)}}, nil, ServiceOptions{}, ErrInconsistent, "messages[1].customer"},
		{"out of order", []Message{ok, {Conversation: "c", Customer: "u", Role: RoleCustomer, At: hms(9, 0, 0)}}, nil, ServiceOptions{}, ErrOutOfOrder, "messages[1].at"},
		{"negative fast", nil, nil, ServiceOptions{FastWithin: -1}, ErrInvalidNumber, "fast_within"},
		{"negative window", nil, nil, ServiceOptions{AttributionWindow: -1}, ErrInvalidNumber, "attribution_window"},
		{"order customer", nil, []PaidOrder{{Amount: cny("1")}}, ServiceOptions{}, ErrEmpty, "orders[0].customer"},
		{"order amount", nil, []PaidOrder{{Customer: "u"}}, ServiceOptions{}, pricing.ErrUnknownCurrency, "orders[0].amount"},
		{"order negative", nil, []PaidOrder{{Customer: "u", Amount: cny("-1")}}, ServiceOptions{}, ErrNegativeAmount, "orders[0].amount"},
		{"order currency", nil, []PaidOrder{{Customer: "u", Amount: cny("1")}, {Customer: "u", Amount: pricing.MustNew("1", pricing.USD)}}, ServiceOptions{}, pricing.ErrCurrencyMismatch, "orders[1].amount"},
		{"order id", nil, []PaidOrder{{ID: "o", Customer: "u", Amount: cny("1")}, {ID: "o", Customer: "u", Amount: cny("1")}}, ServiceOptions{}, ErrDuplicate, "orders[1].id"},
	}
	for _, tt := range tests {
		_, err := ServiceMetrics(tt.msgs, tt.orders, tt.opt)
		require.Error(t, err, tt.name)
		assert.ErrorIs(t, err, tt.want, tt.name)
		assert.Contains(t, err.Error(), tt.msg, tt.name)
	}
	// Orders without IDs never clash; an explicit unknown agent is silent.
	rep, err := ServiceMetrics(nil, []PaidOrder{{Customer: "u", Amount: cny("1")}, {Customer: "u", Amount: cny("1"), Agent: "zed"}}, ServiceOptions{})
	require.NoError(t, err)
	assert.Equal(t, int64(2), rep.SilentOrder)
	assert.Equal(t, ResponseStats{}, stats(nil))
}
