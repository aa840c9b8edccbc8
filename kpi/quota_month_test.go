package kpi

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Monthly quota periods and activity records with a count, counted by hand.
func TestQuotasMonthlyAndCounts(t *testing.T) {
	s := QuotaScheme{Name: "m", Items: []QuotaItem{
		{Activity: ActivityOldCall, Period: Daily, Target: 5},
		{Activity: "visit", Period: Monthly, Target: 20},
		{Activity: ActivityNewMessage, Period: Monthly, Target: 3, RequireReply: true},
	}}
	from, to := MustDate(2026, 1, 28), MustDate(2026, 3, 3) // Wed .. Tue
	acts := []ActivityRecord{
		{Person: "amy", Kind: ActivityOldCall, Day: MustDate(2026, 1, 28), Count: 5}, // 5 calls = one record
		{Person: "amy", Kind: ActivityOldCall, Day: MustDate(2026, 1, 29), Count: 3},
		{Person: "amy", Kind: ActivityOldCall, Day: MustDate(2026, 1, 29), Count: 2},
		{Person: "amy", Kind: ActivityOldCall, Day: MustDate(2026, 1, 30)}, // no count: one call
		{Person: "amy", Kind: "visit", Day: MustDate(2026, 1, 30), Count: 4},
		{Person: "amy", Kind: "visit", Day: MustDate(2026, 2, 2), Count: 12},
		{Person: "amy", Kind: "visit", Day: MustDate(2026, 2, 28), Count: 8},
		{Person: "amy", Kind: "visit", Day: MustDate(2026, 3, 2), Count: 1},
		{Person: "amy", Kind: "visit", Day: MustDate(2026, 3, 4), Count: 50}, // after the range
		{Person: "amy", Kind: ActivityNewMessage, Day: MustDate(2026, 2, 3), Count: 3, Replied: true},
		{Person: "amy", Kind: ActivityNewMessage, Day: MustDate(2026, 2, 4), Count: 9}, // not replied: none count
	}
	got, err := EvaluateQuotas(s, []string{"amy"}, from, to, acts)
	require.NoError(t, err)
	pq := got[0]
	require.Len(t, pq.Days, 35) // Jan 28-31 (4) + Feb (28) + Mar 1-3 (3)
	assert.Equal(t, ItemProgress{Activity: ActivityOldCall, Done: 5, Target: 5, Met: true}, pq.Days[0].Items[0])
	assert.Equal(t, ItemProgress{Activity: ActivityOldCall, Done: 5, Target: 5, Met: true}, pq.Days[1].Items[0])
	assert.Equal(t, ItemProgress{Activity: ActivityOldCall, Done: 1, Target: 5, Shortfall: 4}, pq.Days[2].Items[0])
	require.Len(t, pq.Months, 3)
	want := []MonthProgress{
		{Start: MustDate(2026, 1, 1), Partial: true, Items: []ItemProgress{
			{Activity: "visit", Done: 4, Target: 20, Shortfall: 16}, {Activity: ActivityNewMessage, Done: 0, Target: 3, Shortfall: 3}}},
		{Start: MustDate(2026, 2, 1), Items: []ItemProgress{
			{Activity: "visit", Done: 20, Target: 20, Met: true}, {Activity: ActivityNewMessage, Done: 3, Target: 3, Met: true}}, Complete: true},
		{Start: MustDate(2026, 3, 1), Partial: true, Items: []ItemProgress{
			{Activity: "visit", Done: 1, Target: 20, Shortfall: 19}, {Activity: ActivityNewMessage, Done: 0, Target: 3, Shortfall: 3}}},
	}
	assert.Equal(t, want, pq.Months)
	// Shortfalls: the January month first (it starts on the 1st), then the
	// daily ones from January 30; March's month before March's days.
	assert.Equal(t, Shortfall{Monthly, MustDate(2026, 1, 1), "visit", 16}, pq.Shortfalls[0])
	assert.Equal(t, Shortfall{Monthly, MustDate(2026, 1, 1), ActivityNewMessage, 3}, pq.Shortfalls[1])
	assert.Equal(t, Shortfall{Daily, MustDate(2026, 1, 30), ActivityOldCall, 4}, pq.Shortfalls[2])
	var marchDaily, marchMonthly int
	for i, sf := range pq.Shortfalls {
		if sf.Start == MustDate(2026, 3, 1) {
			if sf.Period == Monthly {
				marchMonthly = i
			} else {
				marchDaily = i
			}
		}
	}
	assert.Less(t, marchDaily, marchMonthly, "same start: daily before monthly")
	// No monthly item, no months (weeks still listed as before).
	got, err = EvaluateQuotas(Scheme5512(), []string{"amy"}, from, to, nil)
	require.NoError(t, err)
	assert.Empty(t, got[0].Months)
}

// Months across a year end and a whole month in range.
func TestQuotaMonthsAcrossYearEnd(t *testing.T) {
	s := QuotaScheme{Items: []QuotaItem{{Activity: "visit", Period: Monthly, Target: 1}}}
	got, err := EvaluateQuotas(s, []string{"a"}, MustDate(2025, 11, 1), MustDate(2026, 2, 28),
		[]ActivityRecord{{Person: "a", Kind: "visit", Day: MustDate(2025, 12, 31)}, {Person: "a", Kind: "visit", Day: MustDate(2026, 1, 1)}})
	require.NoError(t, err)
	var starts []string
	for _, m := range got[0].Months {
		starts = append(starts, m.Start.String())
		assert.False(t, m.Partial, m.Start.String()) // Nov 1 .. Feb 28 2026 are whole months
	}
	assert.Equal(t, []string{"2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01"}, starts)
	assert.Equal(t, []int64{0, 1, 1, 0}, []int64{got[0].Months[0].Items[0].Done, got[0].Months[1].Items[0].Done,
		got[0].Months[2].Items[0].Done, got[0].Months[3].Items[0].Done})
	// One day short of February's end: partial.
	got, err = EvaluateQuotas(s, []string{"a"}, MustDate(2026, 2, 1), MustDate(2026, 2, 27), nil)
	require.NoError(t, err)
	assert.True(t, got[0].Months[0].Partial)
	got, err = EvaluateQuotas(s, []string{"a"}, MustDate(2026, 2, 2), MustDate(2026, 2, 28), nil)
	require.NoError(t, err)
	assert.True(t, got[0].Months[0].Partial)
}

func TestQuotaCountErrors(t *testing.T) {
	s := QuotaScheme{Items: []QuotaItem{{Activity: "visit", Period: Monthly, Target: 1}, {Activity: "visit", Period: Daily, Target: 1}}}
	d := MustDate(2026, 2, 2)
	_, err := EvaluateQuotas(s, []string{"a"}, d, d, []ActivityRecord{{Person: "a", Kind: "visit", Day: d, Count: -1}})
	assertFieldErr(t, err, ErrInvalidNumber, "activities[0].count")
	_, err = EvaluateQuotas(s, []string{"a"}, d, d, []ActivityRecord{
		{Person: "a", Kind: "visit", Day: d, Count: math.MaxInt64}, {Person: "a", Kind: "visit", Day: d, Count: 1}})
	assertFieldErr(t, err, ErrTooLarge, "activities[1].count")
	got, err := EvaluateQuotas(s, []string{"a"}, d, d, []ActivityRecord{{Person: "a", Kind: "visit", Day: d, Count: math.MaxInt64}})
	require.NoError(t, err)
	assert.Equal(t, int64(math.MaxInt64), got[0].Months[0].Items[0].Done)
	assert.Equal(t, int64(math.MaxInt64), got[0].Days[0].Items[0].Done)
	// The period is checked: 4 is not a period.
	bad := QuotaScheme{Items: []QuotaItem{{Activity: "visit", Period: 4, Target: 1}}}
	_, err = EvaluateQuotas(bad, []string{"a"}, d, d, nil)
	assertFieldErr(t, err, ErrInvalidEnum, "scheme.items[0].period")
	// JSON: "monthly" and "count".
	var qs QuotaScheme
	require.NoError(t, json.Unmarshal([]byte(`{"name":"m","items":[{"activity":"visit","period":"monthly","target":20}]}`), &qs))
	assert.Equal(t, Monthly, qs.Items[0].Period)
	var ar ActivityRecord
	require.NoError(t, json.Unmarshal([]byte(`{"person":"a","kind":"old-call","day":"2026-02-02","count":5}`), &ar))
	assert.Equal(t, int64(5), ar.Count)
	b, err := json.Marshal(ActivityRecord{Person: "a", Kind: "k", Day: d})
	require.NoError(t, err)
	assert.NotContains(t, string(b), "count", "a count of 0 (one activity) is left out")
}
