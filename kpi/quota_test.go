package kpi

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestQuotas5512(t *testing.T) {
	// Source: seed-rules K-01 and F-22. Week of Monday 2026-02-09.
	mon := MustDate(2026, 2, 9)
	var acts []ActivityRecord
	add := func(p, kind string, d Date, n int, mod func(*ActivityRecord)) {
		for i := 0; i < n; i++ {
			a := ActivityRecord{Person: p, Kind: kind, Day: d}
			if mod != nil {
				mod(&a)
			}
			acts = append(acts, a)
		}
	}
	valid := func(a *ActivityRecord) { a.Replied, a.Interacted = true, true }
	repliedOnly := func(a *ActivityRecord) { a.Replied = true }
	// amy completes Monday-Wednesday, misses Thursday (4 valid messages,
	// one more only replied), completes Friday.
	for d := 0; d < 5; d++ {
		day := mon.AddDays(d)
		add("amy", ActivityMeeting, day, 3, nil)
		add("amy", ActivityOldCall, day, 5, nil)
		if d == 3 {
			add("amy", ActivityNewMessage, day, 4, valid)
			add("amy", ActivityNewMessage, day, 1, repliedOnly)
		} else {
			add("amy", ActivityNewMessage, day, 5, valid)
		}
	}
	add("amy", ActivityGroup, mon.AddDays(1), 1, func(a *ActivityRecord) { a.Size = 59 }) // too small
	add("amy", ActivityGroup, mon.AddDays(2), 1, func(a *ActivityRecord) { a.Size = 60 })
	add("amy", ActivityClientSeminar, mon.AddDays(4), 2, nil)
	add("bob", ActivityOldCall, mon.AddDays(40), 5, nil) // outside the range: ignored

	res, err := EvaluateQuotas(Scheme5512(), []string{"amy", "bob"}, mon, mon.AddDays(4), acts)
	require.NoError(t, err)
	require.Len(t, res, 2)
	amy := res[0]
	assert.Equal(t, int64(4), amy.CompleteDays)
	assert.InDelta(t, 0.8, amy.CompletionRate, 1e-12)
	assert.Equal(t, int64(3), amy.LongestStreak)
	assert.Equal(t, int64(1), amy.CurrentStreak)
	assert.Equal(t, []Shortfall{{Daily, mon.AddDays(3), ActivityNewMessage, 1}}, amy.Shortfalls)
	require.Len(t, amy.Weeks, 1)
	assert.True(t, amy.Weeks[0].Partial, "Monday-Friday of a Monday-Sunday week")
	assert.True(t, amy.Weeks[0].Complete)
	assert.Equal(t, int64(4), amy.Days[3].Items[2].Done)

	bob := res[1]
	assert.Equal(t, int64(0), bob.CompleteDays)
	assert.Equal(t, int64(0), bob.LongestStreak)
	// 5 days × 3 daily items + 2 weekly items.
	assert.Len(t, bob.Shortfalls, 17)
	assert.Equal(t, Shortfall{Daily, mon, ActivityMeeting, 3}, bob.Shortfalls[0])
	assert.Equal(t, Shortfall{Weekly, mon, ActivityGroup, 1}, bob.Shortfalls[3])
}

func TestQuotaWeeksSpanning(t *testing.T) {
	s := QuotaScheme{Items: []QuotaItem{{Activity: "visit", Period: Weekly, Target: 2}}}
	sun := MustDate(2026, 2, 15)
	acts := []ActivityRecord{{Person: "a", Kind: "visit", Day: sun}, {Person: "a", Kind: "visit", Day: sun.AddDays(1)}, {Person: "a", Kind: "visit", Day: sun.AddDays(2)}}
	res, err := EvaluateQuotas(s, []string{"a"}, MustDate(2026, 2, 9), MustDate(2026, 2, 22), acts)
	require.NoError(t, err)
	require.Len(t, res[0].Weeks, 2)
	assert.Equal(t, MustDate(2026, 2, 9), res[0].Weeks[0].Start)
	assert.False(t, res[0].Weeks[0].Partial)
	assert.Equal(t, int64(1), res[0].Weeks[0].Items[0].Done)
	assert.Equal(t, int64(2), res[0].Weeks[1].Items[0].Done)
	// No daily items: every day is complete.
	assert.Equal(t, int64(14), res[0].CompleteDays)
	assert.Equal(t, int64(14), res[0].CurrentStreak)
}

func TestQuotaErrors(t *testing.T) {
	mon := MustDate(2026, 2, 9)
	s := Scheme5512()
	tests := []struct {
		name   string
		scheme QuotaScheme
		roster []string
		from   Date
		to     Date
		acts   []ActivityRecord
		want   error
		msg    string
	}{
		{"no items", QuotaScheme{}, nil, mon, mon, nil, ErrEmpty, "scheme.items"},
		{"no activity", QuotaScheme{Items: []QuotaItem{{Period: Daily, Target: 1}}}, nil, mon, mon, nil, ErrEmpty, "items[0].activity"},
		{"period", QuotaScheme{Items: []QuotaItem{{Activity: "x", Target: 1}}}, nil, mon, mon, nil, ErrInvalidEnum, "items[0].period"},
		{"target", QuotaScheme{Items: []QuotaItem{{Activity: "x", Period: Daily}}}, nil, mon, mon, nil, ErrInvalidTarget, "items[0].target 0"},
		{"min size", QuotaScheme{Items: []QuotaItem{{Activity: "x", Period: Daily, Target: 1, MinSize: -1}}}, nil, mon, mon, nil, ErrInvalidNumber, "min_size"},
		{"duplicate item", QuotaScheme{Items: []QuotaItem{{Activity: "x", Period: Daily, Target: 1}, {Activity: "x", Period: Daily, Target: 2}}}, nil, mon, mon, nil, ErrDuplicate, "items[1].activity"},
		{"bad from", s, nil, Date{Year: 2026, Month: 2, Day: 30}, mon, nil, ErrInvalidDate, "from"},
		{"to before from", s, nil, mon, mon.AddDays(-1), nil, ErrInvalidDate, "to"},
		{"too long", s, nil, mon, mon.AddDays(4000), nil, ErrTooLarge, "at most 3660 days"},
		{"empty roster name", s, []string{""}, mon, mon, nil, ErrEmpty, "roster[0]"},
		{"duplicate roster", s, []string{"a", "a"}, mon, mon, nil, ErrDuplicate, "roster[1]"},
		{"unknown person", s, []string{"a"}, mon, mon, []ActivityRecord{{Person: "b", Kind: ActivityMeeting, Day: mon}}, ErrInconsistent, "activities[0].person"},
		{"unknown kind", s, []string{"a"}, mon, mon, []ActivityRecord{{Person: "a", Kind: "lunch", Day: mon}}, ErrUnknownActivity, "activities[0].kind \"lunch\""},
		{"bad day", s, []string{"a"}, mon, mon, []ActivityRecord{{Person: "a", Kind: ActivityMeeting}}, ErrInvalidDate, "activities[0].day"},
	}
	for _, tt := range tests {
		_, err := EvaluateQuotas(tt.scheme, tt.roster, tt.from, tt.to, tt.acts)
		require.Error(t, err, tt.name)
		assert.ErrorIs(t, err, tt.want, tt.name)
		assert.Contains(t, err.Error(), tt.msg, tt.name)
	}
}
