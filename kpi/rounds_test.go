package kpi

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// 三分钟响应率 over first responses and over every round, on serviceLog
// (hand-worked): the answered rounds are amy c1 #1 90 s, bo c2 #1 240 s,
// amy c1 #2 120 s, bo c3 #1 60 s (amy's proactive message in c3 opened no
// turn, so bo's answer is c3's round 1).
func TestResponseRounds(t *testing.T) {
	msgs, orders := serviceLog()
	rep, err := ServiceMetrics(msgs, orders, ServiceOptions{ListRounds: true})
	require.NoError(t, err)
	want := []ResponseRound{
		{Conversation: "c1", Customer: "u1", Agent: "amy", Round: 1, Asked: hms(10, 0, 0), Answered: hms(10, 1, 30), Wait: 90 * time.Second, Fast: true},
		{Conversation: "c2", Customer: "u2", Agent: "bo", Round: 1, Asked: hms(10, 2, 0), Answered: hms(10, 6, 0), Wait: 240 * time.Second, Fast: false},
		{Conversation: "c1", Customer: "u1", Agent: "amy", Round: 2, Asked: hms(10, 5, 0), Answered: hms(10, 7, 0), Wait: 120 * time.Second, Fast: true},
		{Conversation: "c3", Customer: "u3", Agent: "bo", Round: 1, Asked: hms(11, 5, 0), Answered: hms(11, 6, 0), Wait: 60 * time.Second, Fast: true},
	}
	assert.Equal(t, want, rep.Rounds)
	goldenJSON(t, "response_rounds", rep.Rounds)
	// Default 3 minutes: first responses 2 of 3 fast (240 s is slow), rounds 3 of 4.
	assert.Equal(t, int64(2), rep.Team.FastFirstResponses)
	assert.Equal(t, int64(3), rep.Team.FastResponses)
	assert.InDelta(t, 0.75, rep.Team.FastResponseShare, 1e-15)
	assert.Equal(t, int64(2), rep.Agents[0].FastResponses)
	assert.Equal(t, 1.0, rep.Agents[0].FastResponseShare)
	assert.Equal(t, 0.5, rep.Agents[1].FastResponseShare)

	// A 100 s limit: amy's first response (90 s) is fast, her second round
	// (120 s) is not, so the two rates differ: 1/1 first, 1/2 rounds.
	rep, err = ServiceMetrics(msgs, orders, ServiceOptions{FastWithin: 100 * time.Second})
	require.NoError(t, err)
	amy := rep.Agents[0]
	assert.Equal(t, []int64{1, 1}, []int64{amy.FastFirstResponses, amy.FastResponses})
	assert.Equal(t, 1.0, amy.FastShare)
	assert.Equal(t, 0.5, amy.FastResponseShare)
	assert.Nil(t, rep.Rounds, "rounds are listed only on request")
	// Exactly at the limit is fast: 120 s.
	rep, err = ServiceMetrics(msgs, orders, ServiceOptions{FastWithin: 120 * time.Second, ListRounds: true})
	require.NoError(t, err)
	assert.Equal(t, int64(2), rep.Agents[0].FastResponses)
	assert.True(t, rep.Rounds[2].Fast)
	assert.False(t, rep.Rounds[1].Fast)

	b, err := json.Marshal(want[0])
	require.NoError(t, err)
	assert.Equal(t, `{"conversation":"c1","customer":"u1","agent":"amy","round":1,"asked":"2026-02-10T10:00:00Z","answered":"2026-02-10T10:01:30Z","wait":"1m30s","fast":true}`, string(b))
	var back ResponseRound
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, want[0], back)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"wait":"soon"}`), &back), ErrInvalidJSON)
}
