package funnel

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Retention anchors from Mixpanel's documentation (sources and commit as in
// anchors_mixpanel_test.go: MP-RET is docs/reports/retention.mdx, MP-API
// the query API's reference/retention-query.mdx and
// openapi/query.openapi.yaml).
//
// Mapping: Mixpanel's default retention is rolling (interval k is
// [k, k+1) × 24 hours after the user's birth event) and "On or After";
// opskit's periods are calendar periods ("Calendar Retention Mode" in
// MP-RET) counted "On" the period. A rolling day equals a calendar day
// for a birth at 00:00 UTC, which the API example below uses. Mixpanel's
// "First time" is retention_type=birth (Recurring false); "Recurring" is
// retention_type=compounded (Recurring true).

// mpRetention runs a first-time or recurring table with start and return
// events named start and ret.
func mpRetention(t *testing.T, g Granularity, periods int, recurring bool, start, ret string, events []Event) RetentionTable {
	t.Helper()
	r := Retention{Start: Matcher{Event: start}, Return: Matcher{Event: ret}, Period: g, Periods: periods, Recurring: recurring}
	tab, err := r.Run(events)
	require.NoError(t, err)
	return tab
}

// mpCohort returns the cohort starting at day in tab.
func mpCohort(t *testing.T, tab RetentionTable, day time.Time) Cohort {
	t.Helper()
	for _, c := range tab.Cohorts {
		if c.Start.Equal(day) {
			return c
		}
	}
	require.Failf(t, "no cohort", "%v", day)
	return Cohort{}
}

// TestMixpanelRetentionAPIExample: MP-API GET /retention, the example
// response for born_event "event integration" and event "viewed report":
// 2012-01-01 first 2, counts [2, 1, 2]; 2012-01-02 first 10, counts
// [9, 7, 6]; 2012-01-03 first 10, counts [9, 6, 4]. "9 of those users did
// event within 24 hours (the "0th" interval) ... Seven of those did event
// between 24 and 48 hours (interval 1) ... These 7 are a subset of the
// initial 10, but not necessarily a subset of the 9". Users are born at
// 00:00 UTC, so each 24-hour interval is a calendar day; returns are at
// 12:00. In the second cohort the 7 of interval 1 include the one user
// who did not return in interval 0.
func TestMixpanelRetentionAPIExample(t *testing.T) {
	var events []Event
	add := func(day int, counts []int, users int, outsider int) {
		born := time.Date(2012, 1, day, 0, 0, 0, 0, time.UTC)
		for u := 0; u < users; u++ {
			who := strconv.Itoa(day) + "-" + strconv.Itoa(u)
			events = append(events, Event{Actor: who, Time: born, Name: "event integration"})
			for k, n := range counts {
				// users 0..n-1 return in interval k, except that the
				// outsider (if any) replaces the last of them from k = 1.
				in := u < n
				if outsider >= 0 && k >= 1 && n > 0 {
					in = u < n-1 || u == outsider
				}
				if in {
					events = append(events, Event{Actor: who, Time: born.Add(time.Duration(k)*24*time.Hour + 12*time.Hour), Name: "viewed report"})
				}
			}
		}
	}
	add(1, []int{2, 1, 2}, 2, -1)
	add(2, []int{9, 7, 6}, 10, 9) // user 9 skips interval 0, returns in 1 and 2
	add(3, []int{9, 6, 4}, 10, -1)
	tab := mpRetention(t, ByDay, 2, false, "event integration", "viewed report", events)
	require.Len(t, tab.Cohorts, 3)
	want := map[int][]int64{1: {2, 1, 2}, 2: {10, 7, 6}, 3: {10, 6, 4}}
	for day, w := range want {
		c := mpCohort(t, tab, time.Date(2012, 1, day, 0, 0, 0, 0, time.UTC))
		assert.Equal(t, w[0], c.Size, "first, 2012-01-%02d", day)
		// Intervals 1 and 2 are Mixpanel's counts; interval 0 is the size
		// in opskit (funnel/retention.go: "Period 0 is the cohort itself
		// and always equals the cohort size").
		assert.Equal(t, w, c.Retained, "2012-01-%02d", day)
	}
	// Documented difference (retention.go: "Period 0 is the cohort itself and always equals the cohort
	// size, as in PostHog (Mixpanel's period 0 counts instead those who did the return event in the
	// cohort's own period).")
}

// TestMixpanelCalendarWeekBuckets: MP-RET "Calendar Retention Mode", the
// weekly example: "In the < Week 1 bucket, 6 users did "Sign Up" at any
// point of the week of Dec 23 - Dec 30, and returned to do "Post Content"
// in that same week ... In the Week 1 bucket, 10 users did "Sign Up" in
// the same Dec 23 - Dec 30 interval, but returned to do "Post Content"
// only sometime between Dec 30 - Jan 6." Dec 23, 2024 is a Monday: the
// weeks are ISO weeks. A cohort of 16: 6 post in the week of sign-up, 10
// only in the next week.
func TestMixpanelCalendarWeekBuckets(t *testing.T) {
	var events []Event
	for u := 0; u < 16; u++ {
		who := "w" + strconv.Itoa(u)
		events = append(events, Event{Actor: who, Time: time.Date(2024, 12, 24, 10, 0, 0, 0, time.UTC), Name: "Sign Up"})
		post := time.Date(2024, 12, 27, 10, 0, 0, 0, time.UTC) // same week
		if u >= 6 {
			post = time.Date(2025, 1, 2, 10, 0, 0, 0, time.UTC) // the next week
		}
		events = append(events, Event{Actor: who, Time: post, Name: "Post Content"})
	}
	tab := mpRetention(t, ByWeek, 1, false, "Sign Up", "Post Content", events)
	require.Len(t, tab.Cohorts, 1)
	c := tab.Cohorts[0]
	assert.True(t, c.Start.Equal(time.Date(2024, 12, 23, 0, 0, 0, 0, time.UTC)), "week of Dec 23")
	assert.Equal(t, []int64{16, 10}, c.Retained, "Week 1: 10")
	// Documented difference (retention.go: "Period 0 is the cohort itself and always equals the cohort
	// size, as in PostHog (Mixpanel's period 0 counts instead those who did the return event in the
	// cohort's own period).")
}

// TestMixpanelCalendarIntervals: MP-RET "[Advanced] Calendar interval
// retention": "If a person did an activity at 8 pm on Monday and then 6
// am on Tuesday, the person is counted under Day 1 retention even though
// it's just 10 hrs later"; "If a person did an activity on Friday and
// then Monday, the person is counted under Week 1 retention"; "if a
// person made a purchase on 25th Feb and then again on 3rd March, the
// person will be counted under Month 1". ("All the above cases would NOT
// qualify under Day 1, Week 1, or Month 1 rolling interval retention":
// opskit has no rolling intervals.)
func TestMixpanelCalendarIntervals(t *testing.T) {
	for _, c := range []struct {
		g        Granularity
		from, to time.Time
	}{
		{ByDay, time.Date(2024, 3, 4, 20, 0, 0, 0, time.UTC), time.Date(2024, 3, 5, 6, 0, 0, 0, time.UTC)},    // Mon 8 pm, Tue 6 am
		{ByWeek, time.Date(2024, 3, 8, 12, 0, 0, 0, time.UTC), time.Date(2024, 3, 11, 12, 0, 0, 0, time.UTC)}, // Fri, Mon
		{ByMonth, time.Date(2024, 2, 25, 12, 0, 0, 0, time.UTC), time.Date(2024, 3, 3, 12, 0, 0, 0, time.UTC)},
	} {
		events := []Event{{Actor: "u", Time: c.from, Name: "act"}, {Actor: "u", Time: c.to, Name: "act"}}
		tab := mpRetention(t, c.g, 1, false, "act", "act", events)
		require.Len(t, tab.Cohorts, 1, "%v", c.g)
		assert.Equal(t, []int64{1, 1}, tab.Cohorts[0].Retained, "%v: counted in period 1", c.g)
	}
}

// TestMixpanelRecurringBuckets: MP-RET "User Cohort Buckets": "A customer
// can only be counted once per bucket, but can be included in more than
// one bucket ... if you are bucketing based on your "Item Purchased" event
// and creating weekly buckets, a customer who purchased at least one item
// each week will be in every bucket, not just the bucket of their first
// purchase." That is recurring retention; first-time retention
// (retention_type=birth, MP-API) puts the customer in the first bucket
// only. A customer buying twice in each of three weeks (Mon 4, 11 and
// 18 March 2024).
func TestMixpanelRecurringBuckets(t *testing.T) {
	var events []Event
	for w := 0; w < 3; w++ {
		day := time.Date(2024, 3, 4+7*w, 10, 0, 0, 0, time.UTC)
		events = append(events,
			Event{Actor: "c", Time: day, Name: "Item Purchased"},
			Event{Actor: "c", Time: day.Add(time.Hour), Name: "Item Purchased"})
	}
	rec := mpRetention(t, ByWeek, 2, true, "Item Purchased", "Item Purchased", events)
	require.Len(t, rec.Cohorts, 3)
	for i, c := range rec.Cohorts {
		assert.Equal(t, int64(1), c.Size, "week %d: once per bucket", i)
	}
	assert.Equal(t, []int64{1, 1, 1}, rec.Cohorts[0].Retained)
	first := mpRetention(t, ByWeek, 2, false, "Item Purchased", "Item Purchased", events)
	require.Len(t, first.Cohorts, 1)
	assert.Equal(t, int64(1), first.Cohorts[0].Size)
	assert.Equal(t, []int64{1, 1, 1}, first.Cohorts[0].Retained)
}

// TestMixpanelOnRetention: MP-RET "'On' time interval": "day 5 retention
// is the percentage of users who "came back and did B" exactly on the
// fifth day after they did the A event"; "'On or After'" (the default,
// and the API's unbounded_retention: "day N is equal to users who
// retained on day N and any day after") counts them on every earlier day
// as well. A user born on 1 March who comes back only on day 5: "On"
// gives day 1..4 = 0 and day 5 = 1, which opskit reproduces; "On or
// After" (1 on days 1..5) is not an opskit option.
func TestMixpanelOnRetention(t *testing.T) {
	born := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	events := []Event{
		{Actor: "u", Time: born, Name: "A"},
		{Actor: "u", Time: born.Add(5*24*time.Hour + time.Hour), Name: "B"},
	}
	tab := mpRetention(t, ByDay, 6, false, "A", "B", events)
	require.Len(t, tab.Cohorts, 1)
	assert.Equal(t, []int64{1, 0, 0, 0, 0, 1, 0}, tab.Cohorts[0].Retained)
}
