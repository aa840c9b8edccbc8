package kpi

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests written from the survivors of the gremlins run over the rest of
// kpi (issue 19), for service.go.

// An order placed exactly at the end of the attribution window counts
// (ServiceOptions' doc: "an order exactly at the end counts"); a
// nanosecond later it is a silent order. Inquiry at 10:00:00, window 24 h.
func TestAttributionWindowInclusive(t *testing.T) {
	msgs := []Message{
		{Conversation: "c", Customer: "u", Role: RoleCustomer, At: hms(10, 0, 0)},
		{Conversation: "c", Customer: "u", Role: RoleAgent, Agent: "amy", At: hms(10, 1, 0)},
	}
	end := hms(10, 0, 0).Add(24 * time.Hour)
	rep, err := ServiceMetrics(msgs, []PaidOrder{{ID: "o", Customer: "u", At: end, Amount: cny("10.00")}}, ServiceOptions{})
	require.NoError(t, err)
	assert.Equal(t, int64(0), rep.SilentOrder)
	assert.Equal(t, int64(1), rep.Agents[0].Orders)

	rep, err = ServiceMetrics(msgs, []PaidOrder{{ID: "o", Customer: "u", At: end.Add(time.Nanosecond), Amount: cny("10.00")}}, ServiceOptions{})
	require.NoError(t, err)
	assert.Equal(t, int64(1), rep.SilentOrder)
	assert.Equal(t, int64(0), rep.Agents[0].Orders)
}

// An agent who took no inquiry (only a proactive message, which closes no
// turn) has a conversion of 0, not 0/0; so has a team that answered
// nothing.
func TestConversionWithoutInquiries(t *testing.T) {
	msgs := []Message{
		{Conversation: "c", Customer: "u", Role: RoleAgent, Agent: "amy", At: hms(9, 0, 0)}, // proactive
		{Conversation: "c", Customer: "u", Role: RoleCustomer, At: hms(9, 5, 0)},            // never answered
	}
	rep, err := ServiceMetrics(msgs, nil, ServiceOptions{})
	require.NoError(t, err)
	require.Len(t, rep.Agents, 1)
	assert.Equal(t, int64(1), rep.Agents[0].Reception)
	assert.Equal(t, int64(0), rep.Agents[0].Inquiries)
	assert.Equal(t, 0.0, rep.Agents[0].Conversion)
	assert.Equal(t, 0.0, rep.Team.Conversion)
	assert.Equal(t, int64(1), rep.Unanswered)
}

// An order goes to the customer's latest inquiry at or before it, by
// inquiry time (the turn's first customer message), not by the order the
// turns were answered in: amy's turn opens at 10:00 but is answered at
// 10:30, after bo answered the turn opened at 10:10, so an order at 10:20
// is bo's (ServiceMetrics' doc).
func TestOrderCreditedToLatestInquiryByTime(t *testing.T) {
	msgs := []Message{
		{Conversation: "a", Customer: "u", Role: RoleCustomer, At: hms(10, 0, 0)},
		{Conversation: "b", Customer: "u", Role: RoleCustomer, At: hms(10, 10, 0)},
		{Conversation: "b", Customer: "u", Role: RoleAgent, Agent: "bo", At: hms(10, 15, 0)},
		{Conversation: "a", Customer: "u", Role: RoleAgent, Agent: "amy", At: hms(10, 30, 0)},
	}
	rep, err := ServiceMetrics(msgs, []PaidOrder{{ID: "o", Customer: "u", At: hms(10, 20, 0), Amount: cny("10.00")}}, ServiceOptions{})
	require.NoError(t, err)
	require.Len(t, rep.Agents, 2)
	assert.Equal(t, "amy", rep.Agents[0].Agent)
	assert.Equal(t, int64(0), rep.Agents[0].Orders)
	assert.Equal(t, "bo", rep.Agents[1].Agent)
	assert.Equal(t, int64(1), rep.Agents[1].Orders)
}
