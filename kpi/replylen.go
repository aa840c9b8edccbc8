package kpi

import (
	"cmp"
	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"
)

// ReplyLength is one agent's average reply length (seed-rules K-15: an
// early customer-service KPI beside response time): the written replies,
// their characters and Average = Characters ÷ Replies.
type ReplyLength struct {
	Agent      string  `json:"agent"`
	Replies    int64   `json:"replies"`
	Characters int64   `json:"characters"`
	Average    float64 `json:"average"`
}

// ReplyLengths returns the average reply length of each agent, sorted by
// agent. A reply is a message of [RoleAgent] whose Text has at least one
// character; characters are counted as Unicode code points, not bytes (a
// Chinese character is one, as a reader counts it, though UTF-8 takes 3
// bytes for it), leaving out white space: a greeting of two Chinese
// characters, a full-width comma and two more characters is 5 characters
// (15 bytes), "ok  " is 2. Customer and system
// messages (auto-replies are not the agent's words) and agent messages
// without text (a picture, a sticker) are left out. An agent with no
// written reply is not listed, so no average is NaN. Invalid UTF-8 counts
// one character per bad byte.
//
// Errors (*[FieldError]): an unknown role ([ErrUnknownRole]); an agent
// message without an agent ([ErrEmpty]).
func ReplyLengths(msgs []Message) ([]ReplyLength, error) {
	const op = "reply lengths"
	idx := map[string]int{}
	var out []ReplyLength
	for i, m := range msgs {
		if m.Role < RoleCustomer || m.Role > RoleSystem {
			return nil, fieldErr(op, fmt.Sprintf("messages[%d].role", i), int(m.Role), ErrUnknownRole)
		}
		if m.Role != RoleAgent {
			continue
		}
		if m.Agent == "" {
			return nil, fieldErr(op, fmt.Sprintf("messages[%d].agent", i), m.Agent, ErrEmpty)
		}
		n := characters(m.Text)
		if n == 0 {
			continue
		}
		k, ok := idx[m.Agent]
		if !ok {
			k = len(out)
			idx[m.Agent] = k
			out = append(out, ReplyLength{Agent: m.Agent})
		}
		// Both sums are bounded by the bytes and messages held in memory.
		out[k].Replies++
		out[k].Characters += n
	}
	for i := range out {
		out[i].Average = float64(out[i].Characters) / float64(out[i].Replies)
	}
	slices.SortFunc(out, func(a, b ReplyLength) int { return cmp.Compare(a.Agent, b.Agent) })
	return out, nil
}

// characters counts the code points of s that are not white space.
func characters(s string) int64 {
	var n int64
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}
