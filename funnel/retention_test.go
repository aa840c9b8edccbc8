package funnel

import (
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var cst = time.FixedZone("CST", 8*3600)

// at is a time in China Standard Time: March day, hour, minute 2024.
func at(day, hour, minute int) time.Time { return time.Date(2024, 3, day, hour, minute, 0, 0, cst) }

func evAt(actor string, t time.Time, name string) Event {
	return Event{Actor: actor, Time: t, Name: name}
}

// retentionEvents: u1 signs up 1 Mar 10:00 and pays 2 Mar (twice) and 4 Mar,
// and signs up again 3 Mar; u2 signs up 1 Mar 23:30 and pays 3 Mar 00:30;
// u3 signs up 2 Mar and pays 3 Mar; u4 only pays.
var retentionEvents = []Event{
	evAt("u1", at(1, 10, 0), "signup"), evAt("u1", at(2, 12, 0), "pay"), evAt("u1", at(2, 13, 0), "pay"),
	evAt("u1", at(4, 12, 0), "pay"), evAt("u1", at(3, 9, 0), "signup"),
	evAt("u2", at(1, 23, 30), "signup"), evAt("u2", at(3, 0, 30), "pay"),
	evAt("u3", at(2, 12, 0), "signup"), evAt("u3", at(3, 12, 0), "pay"),
	evAt("u4", at(2, 12, 0), "pay"),
}

func cohortRows(t RetentionTable) map[string][]int64 {
	out := map[string][]int64{}
	for _, c := range t.Cohorts {
		out[c.Start.Format("2006-01-02 15:04 MST")] = c.Retained
	}
	return out
}

func TestRetentionHandBuilt(t *testing.T) {
	tests := []struct {
		name string
		give Retention
		want map[string][]int64
	}{
		{
			// In CST: 1 Mar cohort u1, u2. Day 1: u1 (2 Mar). Day 2: u2 (3 Mar
			// 00:30). Day 3: u1 (4 Mar). 2 Mar cohort u3, back on day 1.
			name: "first time, CST",
			give: Retention{Location: cst},
			want: map[string][]int64{"2024-03-01 00:00 CST": {2, 1, 1, 1}, "2024-03-02 00:00 CST": {1, 1, 0, 0}},
		},
		{
			// Recurring adds u1's second signup (3 Mar), back on 4 Mar (day 1).
			name: "recurring, CST",
			give: Retention{Location: cst, Recurring: true},
			want: map[string][]int64{"2024-03-01 00:00 CST": {2, 1, 1, 1}, "2024-03-02 00:00 CST": {1, 1, 0, 0},
				"2024-03-03 00:00 CST": {1, 1, 0, 0}},
		},
		{
			// In UTC u2 signs up 1 Mar 15:30 and pays 2 Mar 16:30: day 1, not 2.
			// u3 signs up 2 Mar 04:00 UTC, pays 3 Mar 04:00.
			name: "first time, UTC",
			give: Retention{},
			want: map[string][]int64{"2024-03-01 00:00 UTC": {2, 2, 0, 1}, "2024-03-02 00:00 UTC": {1, 1, 0, 0}},
		},
		{
			// Weeks: 1-4 Mar 2024 span the ISO weeks of Mon 26 Feb and Mon 4 Mar.
			// Cohort of 26 Feb: u1, u2, u3. Week 1 (4 Mar): u1 pays.
			name: "weekly",
			give: Retention{Location: cst, Period: ByWeek},
			want: map[string][]int64{"2024-02-26 00:00 CST": {3, 1, 0, 0}},
		},
		{
			name: "monthly",
			give: Retention{Location: cst, Period: ByMonth},
			want: map[string][]int64{"2024-03-01 00:00 CST": {3, 0, 0, 0}},
		},
	}
	for _, tt := range tests {
		r := tt.give
		r.Start, r.Return, r.Periods = Matcher{Event: "signup"}, Matcher{Event: "pay"}, 3
		got, err := r.Run(retentionEvents)
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, cohortRows(got), tt.name)
	}
}

func TestRetentionDST(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	// DST starts 10 Mar 2024 at 02:00 in New York: that day has 23 hours.
	// Sign up 9 Mar 23:30, return 10 Mar 23:30 (24h later in UTC minus one
	// hour of local clock): day 1.
	ev := []Event{
		{Actor: "a", Time: time.Date(2024, 3, 9, 23, 30, 0, 0, ny), Name: "signup"},
		{Actor: "a", Time: time.Date(2024, 3, 10, 23, 30, 0, 0, ny), Name: "pay"},
		{Actor: "b", Time: time.Date(2024, 3, 10, 0, 30, 0, 0, ny), Name: "signup"},
		{Actor: "b", Time: time.Date(2024, 3, 11, 0, 15, 0, 0, ny), Name: "pay"},
	}
	got, err := Retention{Start: Matcher{Event: "signup"}, Return: Matcher{Event: "pay"}, Periods: 2, Location: ny}.Run(ev)
	require.NoError(t, err)
	assert.Equal(t, map[string][]int64{"2024-03-09 00:00 EST": {1, 1, 0}, "2024-03-10 00:00 EST": {1, 1, 0}}, cohortRows(got))
	assert.InDelta(t, 1.0, got.Cohorts[0].Rate(1), 1e-12)
	assert.Equal(t, 0.0, got.Cohorts[0].Rate(9))
	assert.Equal(t, 0.0, Cohort{}.Rate(0))
}

func TestRetentionErrors(t *testing.T) {
	ok := Retention{Start: Matcher{Event: "s"}, Return: Matcher{Event: "r"}, Periods: 3}
	tests := []struct {
		name string
		give Retention
		want error
	}{
		{"start", Retention{Return: Matcher{Event: "r"}, Periods: 3}, ErrInvalidStep},
		{"return", Retention{Start: Matcher{Event: "s"}, Periods: 3}, ErrInvalidStep},
		{"periods", Retention{Start: Matcher{Event: "s"}, Return: Matcher{Event: "r"}}, ErrInvalidPeriod},
		{"granularity", Retention{Start: Matcher{Event: "s"}, Return: Matcher{Event: "r"}, Periods: 1, Period: 7}, ErrInvalidOption},
	}
	for _, tt := range tests {
		_, err := tt.give.Run(nil)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
	_, err := ok.Run([]Event{{Actor: "", Time: base, Name: "s"}})
	assert.ErrorIs(t, err, ErrInvalidEvent)
	_, err = ok.RunColumns([]int32{0}, nil, nil)
	assert.ErrorIs(t, err, ErrInvalidColumns)
	_, err = ok.RunColumns([]int32{-1}, []int64{0}, []uint8{1})
	assert.ErrorIs(t, err, ErrInvalidColumns)
	_, err = ok.RunColumns([]int32{1 << 30}, []int64{0}, []uint8{1})
	assert.ErrorIs(t, err, ErrInvalidColumns)
	tab, err := ok.RunColumns(nil, nil, nil)
	require.NoError(t, err)
	assert.Empty(t, tab.Cohorts)
}

func TestRetentionWideRange(t *testing.T) {
	// Times a century apart skip the bucket table and compute exactly.
	r := Retention{Start: Matcher{Event: "s"}, Return: Matcher{Event: "r"}, Periods: 1, Period: ByMonth}
	ns := func(y int) int64 { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).UnixNano() }
	got, err := r.RunColumns([]int32{0, 0, 1}, []int64{ns(1900), ns(1900) + int64(40*24*time.Hour), ns(2100)}, []uint8{FlagStart, FlagReturn, FlagStart | FlagReturn})
	require.NoError(t, err)
	assert.Equal(t, map[string][]int64{"1900-01-01 00:00 UTC": {1, 1}, "2100-01-01 00:00 UTC": {1, 0}}, cohortRows(got))
}

func TestPeriodHelpers(t *testing.T) {
	assert.Equal(t, "day", ByDay.String())
	assert.Equal(t, "week", ByWeek.String())
	assert.Equal(t, "month", ByMonth.String())
	assert.Equal(t, "Granularity(9)", Granularity(9).String())
	// 1969-12-31 is day -1 and in the week of Monday 1969-12-29 (week 0).
	d := time.Date(1969, 12, 31, 12, 0, 0, 0, time.UTC)
	assert.Equal(t, int64(-1), periodIndex(d, ByDay))
	assert.Equal(t, int64(0), periodIndex(d, ByWeek))
	assert.Equal(t, time.Date(1969, 12, 29, 0, 0, 0, 0, time.UTC), periodStart(0, ByWeek, time.UTC))
	assert.Equal(t, time.Date(1969, 12, 1, 0, 0, 0, 0, time.UTC), periodStart(periodIndex(d, ByMonth), ByMonth, time.UTC))
	assert.Equal(t, int64(-1), floorDiv(-1, 7))
}

func TestLifecycle(t *testing.T) {
	// Days 1..5 of March (UTC): a active 1, 2, 4; b active 2, 3; c active 5.
	// Day 1: a new. Day 2: a returning, b new. Day 3: b returning, a dormant.
	// Day 4: a resurrecting, b dormant. Day 5: c new, a dormant.
	day := func(d int) time.Time { return time.Date(2024, 3, d, 12, 0, 0, 0, time.UTC) }
	ev := []Event{evAt("a", day(1), "open"), evAt("a", day(2), "open"), evAt("a", day(2), "open"), evAt("a", day(4), "open"),
		evAt("b", day(2), "open"), evAt("b", day(3), "open"), evAt("c", day(5), "open"), evAt("c", day(5), "close")}
	got, err := Lifecycle{Active: Matcher{Event: "open"}}.Run(ev)
	require.NoError(t, err)
	type row struct{ New, Returning, Resurrecting, Dormant int64 }
	var rows []row
	for _, p := range got {
		rows = append(rows, row{p.New, p.Returning, p.Resurrecting, p.Dormant})
	}
	assert.Equal(t, []row{{1, 0, 0, 0}, {1, 1, 0, 0}, {0, 1, 0, 1}, {0, 0, 1, 1}, {1, 0, 0, 1}}, rows)
	assert.Equal(t, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), got[0].Start)
	none, err := Lifecycle{Active: Matcher{Event: "open"}}.Run(nil)
	require.NoError(t, err)
	assert.Nil(t, none)
	_, err = Lifecycle{}.Run(nil)
	assert.ErrorIs(t, err, ErrInvalidStep)
	_, err = Lifecycle{Active: Matcher{Event: "x"}, Period: 5}.Run(nil)
	assert.ErrorIs(t, err, ErrInvalidOption)
	_, err = Lifecycle{Active: Matcher{Event: "x"}}.Run([]Event{{Name: "x"}})
	assert.ErrorIs(t, err, ErrInvalidEvent)
}

func TestRepurchase(t *testing.T) {
	// March window. a buys 1, 4 and 11 Mar (intervals 3d, 7d); b buys 2 Mar;
	// c buys 5 Mar twice at the same instant (0d) and 28 Feb (outside).
	// Customers 3, repeaters 2 (a, c): rate 2/3.
	day := func(m time.Month, d int) time.Time { return time.Date(2024, m, d, 10, 0, 0, 0, time.UTC) }
	ev := []Event{evAt("a", day(3, 11), "pay"), evAt("a", day(3, 1), "pay"), evAt("a", day(3, 4), "pay"),
		evAt("b", day(3, 2), "pay"), evAt("b", day(3, 2), "view"),
		evAt("c", day(3, 5), "pay"), evAt("c", day(3, 5), "pay"), evAt("c", day(2, 28), "pay")}
	r := Repurchase{Purchase: Matcher{Event: "pay"}, From: day(3, 1).Add(-10 * time.Hour), To: day(4, 1)}
	got, err := r.Run(ev)
	require.NoError(t, err)
	h := 24 * time.Hour
	assert.Equal(t, int64(3), got.Customers)
	assert.Equal(t, int64(2), got.Repeaters)
	assert.InDelta(t, 2.0/3, got.Rate, 1e-12)
	assert.Equal(t, []time.Duration{0, 3 * h, 7 * h}, got.Intervals)
	assert.Equal(t, Timing{N: 3, Mean: 10 * h / 3, Median: 3 * h, P90: time.Duration(6.2 * float64(h))}, got.Interval)
	hist, err := got.Histogram([]time.Duration{h, 7 * h})
	require.NoError(t, err)
	assert.Equal(t, []int64{1, 1, 1}, hist, "below 1d, [1d, 7d), 7d and above")
	_, err = got.Histogram([]time.Duration{h, h})
	assert.ErrorIs(t, err, ErrInvalidPeriod)
	_, err = Repurchase{From: day(3, 1), To: day(4, 1)}.Run(nil)
	assert.ErrorIs(t, err, ErrInvalidStep)
	_, err = Repurchase{Purchase: Matcher{Event: "pay"}, From: day(3, 1), To: day(3, 1)}.Run(nil)
	assert.ErrorIs(t, err, ErrInvalidPeriod)
	_, err = r.Run([]Event{{Name: "pay"}})
	assert.ErrorIs(t, err, ErrInvalidEvent)
	empty, err := r.Run(nil)
	require.NoError(t, err)
	assert.Equal(t, 0.0, empty.Rate)
}
