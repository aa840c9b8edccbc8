package kpi

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// K-15: average reply length in characters, by hand.
func TestReplyLengths(t *testing.T) {
	msgs := []Message{
		{Conversation: "c1", Role: RoleCustomer, Text: "在吗？这个有货吗"},
		{Conversation: "c1", Role: RoleSystem, Text: "您好，欢迎光临本店，客服马上就来"},             // auto-reply: left out
		{Conversation: "c1", Role: RoleAgent, Agent: "amy", Text: "您好，在的"},           // 5 (15 bytes)
		{Conversation: "c1", Role: RoleAgent, Agent: "amy", Text: "有货，今天下单\n明天发货"},   // 11 (the newline is white space)
		{Conversation: "c2", Role: RoleAgent, Agent: "bo", Text: "ok  "},             // 2
		{Conversation: "c2", Role: RoleAgent, Agent: "bo", Text: " \t "},             // white space only: not a reply
		{Conversation: "c2", Role: RoleAgent, Agent: "bo", Text: ""},                 // a picture: not a reply
		{Conversation: "c2", Role: RoleAgent, Agent: "bo", Text: "好的\xff"},           // 2 + 1 bad byte
		{Conversation: "c3", Role: RoleAgent, Agent: "cy"},                           // no written reply: not listed
		{Conversation: "c3", Role: RoleAgent, Agent: "aaron", Text: "\u3000亲\u00a0"}, // ideographic and no-break spaces: 1
	}
	got, err := ReplyLengths(msgs)
	require.NoError(t, err)
	assert.Equal(t, []ReplyLength{
		{Agent: "aaron", Replies: 1, Characters: 1, Average: 1},
		{Agent: "amy", Replies: 2, Characters: 16, Average: 8},
		{Agent: "bo", Replies: 2, Characters: 5, Average: 2.5},
	}, got)
	got, err = ReplyLengths(nil)
	require.NoError(t, err)
	assert.Empty(t, got)
	_, err = ReplyLengths([]Message{{Role: RoleCustomer}, {Role: 4}})
	assertFieldErr(t, err, ErrUnknownRole, "messages[1].role")
	_, err = ReplyLengths([]Message{{Role: 0}})
	assertFieldErr(t, err, ErrUnknownRole, "messages[0].role")
	_, err = ReplyLengths([]Message{{Role: RoleSystem}, {Role: RoleAgent, Text: "x"}})
	assertFieldErr(t, err, ErrEmpty, "messages[1].agent")
}

func TestGoldenCalendarAndReplyLengths(t *testing.T) {
	goldenJSON(t, "china_calendar", ChinaCalendar())
	got, err := ReplyLengths([]Message{{Conversation: "c", Role: RoleAgent, Agent: "amy", Text: "hello there"}})
	require.NoError(t, err)
	goldenJSON(t, "reply_lengths", got)
}
