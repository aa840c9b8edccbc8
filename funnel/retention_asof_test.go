package funnel

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rows returns each cohort's Retained, and the Pending counts.
func retainedRows(t RetentionTable) ([][]int64, []int) {
	var rows [][]int64
	var pending []int
	for _, c := range t.Cohorts {
		rows = append(rows, c.Retained)
		pending = append(pending, c.Pending)
	}
	return rows, pending
}

// TestRetentionAsOfPostHogDayInterval reproduces PostHog's
// test_day_interval (posthog/queries/test/test_retention.py): person1 is
// active on days 0, 1, 2, 5 (twice) and 6 from 2020-06-10, person2 on
// days 1, 2, 3 and 6; recurring retention of the same event, date_to day
// 10 at 06:00, 11 intervals. PostHog's table is a triangle: the cohort of
// day d shows periods 0..10-d, and the empty cohorts of days 4, 7, 8, 9
// and 10 are present with zeros. The expected counts are PostHog's.
func TestRetentionAsOfPostHogDayInterval(t *testing.T) {
	day := func(d, h int) time.Time { return time.Date(2020, 6, 10+d, h, 0, 0, 0, time.UTC) }
	var ev []Event
	for _, d := range []int{0, 1, 2, 5, 6} {
		ev = append(ev, Event{Actor: "person1", Time: day(d, 0), Name: "$pageview"})
	}
	ev = append(ev, Event{Actor: "person1", Time: day(5, 9), Name: "$pageview"})
	for _, d := range []int{1, 2, 3, 6} {
		ev = append(ev, Event{Actor: "person2", Time: day(d, 0), Name: "$pageview"})
	}
	// An event after the as-of time has not happened yet: ignored.
	ev = append(ev, Event{Actor: "person2", Time: day(10, 7), Name: "$pageview"})
	pv := Matcher{Event: "$pageview"}
	r := Retention{Start: pv, Return: pv, Periods: 10, Recurring: true, From: day(0, 0), AsOf: day(10, 6)}
	tab, err := r.Run(ev)
	require.NoError(t, err)
	rows, pending := retainedRows(tab)
	assert.Equal(t, [][]int64{
		{1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0},
		{2, 2, 1, 0, 1, 2, 0, 0, 0, 0},
		{2, 1, 0, 1, 2, 0, 0, 0, 0},
		{1, 0, 0, 1, 0, 0, 0, 0},
		{0, 0, 0, 0, 0, 0, 0},
		{1, 1, 0, 0, 0, 0},
		{2, 0, 0, 0, 0},
		{0, 0, 0, 0},
		{0, 0, 0},
		{0, 0},
		{0},
	}, rows)
	assert.Equal(t, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, pending)
	assert.Equal(t, day(0, 0), tab.Cohorts[0].Start)
	assert.Equal(t, day(10, 0), tab.Cohorts[10].Start)
	assert.Equal(t, day(10, 6), tab.AsOf)
	assert.Equal(t, 10, tab.Periods)
	assert.True(t, tab.Recurring)
	// A period not yet observable has no rate (0, with Pending saying why).
	assert.Equal(t, 0.0, tab.Cohorts[10].Rate(1))
}

// TestRetentionAsOfPostHogWeekInterval reproduces PostHog's
// test_week_interval: weeks start on Sunday there and on Monday here, so
// the events are placed one day later to fall in the same weeks (PostHog's
// week of Sunday 7 June 2020 is our week of Monday 8 June). Expected
// counts are PostHog's: [[2,2,1,2,2,0,1],[2,1,2,2,0,1],[1,1,1,0,0],
// [2,2,0,1],[2,0,1],[0,0],[1]].
func TestRetentionAsOfPostHogWeekInterval(t *testing.T) {
	// PostHog's _date(d, month=m) is 2020-(6+m)-(10+d); shifted by a day.
	date := func(m, d int) time.Time { return time.Date(2020, time.Month(6+m), 10+d+1, 0, 0, 0, 0, time.UTC) }
	type e struct {
		who  string
		m, d int
	}
	var ev []Event
	for _, x := range []e{{"p1", 0, 0}, {"p2", 0, 0}, {"p1", 0, 1}, {"p2", 0, 1}, {"p1", 0, 7}, {"p2", 0, 7}, {"p1", 0, 14},
		{"p1", 1, -6}, {"p2", 1, -6}, {"p2", 1, 1}, {"p1", 1, 1}, {"p2", 1, 15}} {
		ev = append(ev, Event{Actor: x.who, Time: date(x.m, x.d), Name: "$pageview"})
	}
	pv := Matcher{Event: "$pageview"}
	// date_to 2020-07-20 and 7 intervals: first cohort 6 weeks earlier.
	// PostHog reads the whole period containing date_to (p2's last visit,
	// 25 July, counts), so the equivalent as-of time is the last instant of
	// that week: Sunday 26 July here.
	r := Retention{Start: pv, Return: pv, Period: ByWeek, Periods: 6, Recurring: true,
		From: time.Date(2020, 6, 8, 0, 0, 0, 0, time.UTC), AsOf: time.Date(2020, 7, 26, 23, 59, 59, 0, time.UTC)}
	tab, err := r.Run(ev)
	require.NoError(t, err)
	rows, _ := retainedRows(tab)
	assert.Equal(t, [][]int64{{2, 2, 1, 2, 2, 0, 1}, {2, 1, 2, 2, 0, 1}, {1, 1, 1, 0, 0}, {2, 2, 0, 1}, {2, 0, 1}, {0, 0}, {1}}, rows)
}

func TestRetentionRange(t *testing.T) {
	d := func(n int) time.Time { return time.Date(2024, 3, n, 12, 0, 0, 0, time.UTC) }
	ev := []Event{evAt("a", d(1), "s"), evAt("a", d(2), "r"), evAt("b", d(4), "s"), evAt("b", d(5), "r"), evAt("c", d(6), "s")}
	base := Retention{Start: Matcher{Event: "s"}, Return: Matcher{Event: "r"}, Periods: 2}

	// No range: only the periods with a start (1, 4, 6 March).
	tab, err := base.Run(ev)
	require.NoError(t, err)
	assert.Len(t, tab.Cohorts, 3)

	// From alone: every day from 2 March to the last cohort; a's start on 1
	// March is before the range, so a is in no cohort.
	r := base
	r.From = d(2)
	tab, err = r.Run(ev)
	require.NoError(t, err)
	rows, pending := retainedRows(tab)
	assert.Equal(t, [][]int64{{0, 0, 0}, {0, 0, 0}, {1, 1, 0}, {0, 0, 0}, {1, 0, 0}}, rows)
	assert.Equal(t, []int{0, 0, 0, 0, 0}, pending)

	// AsOf alone, at 5 March 00:00: b's return and c's start have not
	// happened; the last cohort is 5 March, with period 0 only.
	r = base
	r.AsOf = time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	tab, err = r.Run(ev)
	require.NoError(t, err)
	rows, pending = retainedRows(tab)
	assert.Equal(t, [][]int64{{1, 1, 0}, {0, 0, 0}, {0, 0, 0}, {1, 0}, {0}}, rows)
	assert.Equal(t, []int{0, 0, 0, 1, 2}, pending)

	// The as-of instant itself is observed (at or before).
	r.AsOf = d(5)
	tab, err = r.Run(ev)
	require.NoError(t, err)
	assert.Equal(t, []int64{1, 1}, tab.Cohorts[3].Retained)

	// An as-of time before every start: no cohort.
	r.AsOf = d(1).Add(-time.Hour)
	tab, err = r.Run(ev)
	require.NoError(t, err)
	assert.Empty(t, tab.Cohorts)
	// From after every start and no AsOf: no cohort.
	r = base
	r.From = d(7)
	tab, err = r.Run(ev)
	require.NoError(t, err)
	assert.Empty(t, tab.Cohorts)
	// From and AsOf with no events: the empty cohorts of the range.
	r.AsOf = d(8)
	tab, err = r.Run(nil)
	require.NoError(t, err)
	rows, pending = retainedRows(tab)
	assert.Equal(t, [][]int64{{0, 0}, {0}}, rows)
	assert.Equal(t, []int{1, 2}, pending)
}

func TestRetentionRangeErrors(t *testing.T) {
	base := Retention{Start: Matcher{Event: "s"}, Return: Matcher{Event: "r"}, Periods: 2}
	at := func(y int) time.Time { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name     string
		from, to time.Time
		want     error
	}{
		{"from after as_of", at(2025), at(2024), ErrInvalidPeriod},
		{"from before 1678", at(1600), at(2024), ErrInvalidPeriod},
		{"as_of after 2262", time.Time{}, at(2300), ErrInvalidPeriod},
		// 3661 days from 2000-01-01 is past the limit; 3660 days is not.
		{"too many cohorts", at(2000), at(2000).AddDate(0, 0, MaxRetentionCohorts), ErrTooLarge},
		{"limit", at(2000), at(2000).AddDate(0, 0, MaxRetentionCohorts-1), nil},
	}
	for _, tt := range tests {
		r := base
		r.From, r.AsOf = tt.from, tt.to
		tab, err := r.Run(nil)
		if tt.want == nil {
			require.NoError(t, err, tt.name)
			assert.Len(t, tab.Cohorts, MaxRetentionCohorts)
			continue
		}
		require.ErrorIs(t, err, tt.want, tt.name)
		var fe *FieldError
		require.ErrorAs(t, err, &fe)
	}
	// Data spanning more than the limit with AsOf alone: too large.
	r := base
	r.AsOf = at(2100)
	_, err := r.RunColumns([]int32{0}, []int64{at(1900).UnixNano()}, []uint8{FlagStart})
	assert.ErrorIs(t, err, ErrTooLarge)
	_, err = r.RunColumns([]int32{0}, []int64{math.MaxInt64}, []uint8{FlagStart})
	assert.NoError(t, err, "an event after as_of is ignored")
}
