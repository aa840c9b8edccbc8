package funnel

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// PostHog's lifecycle tests, posthog/hogql_queries/insights/test/
// test_lifecycle_query_runner.py (PostHog/posthog, read at commit
// 029e61cd0e7a1897f604cc6a56488bc6d1b24846), translated: the inputs and
// the asserted series are PostHog's. The older posthog/queries/test/
// test_lifecycle.py (commit 0c09c3fc9592f62caeeea706aafb078535c3cec4)
// asserts the same series for the same inputs in its test_lifecycle_trend,
// _any_event, _action, _prop_filtering, _person_prop_filtering,
// _distinct_id_repeat, _all_time, _weeks (Monday weeks), _months,
// test_filter_test_accounts and test_timezones; its
// test_lifecycle_trend_people lists the actors: returning on 13 January
// p1 alone, dormant two on 13 January and one on 14 January (the counts
// of TestAnchorLifecycleTrend).
//
// PostHog returns four series over date_from..date_to, dormant as negative
// numbers; opskit returns one [LifecyclePeriod] per period from the first
// to the last activity, dormant as a positive count. The tests compare the
// periods of PostHog's range, dormant negated. Two documented choices
// differ from PostHog (funnel/doc.go, "Decisions where the issue is
// silent"): "Lifecycle "new" means first active in the events given; the
// dormant actors of the period after the last are not reported." PostHog
// calls an actor new in the period of its created_at, which its test
// helper sets to the person's first event, so the two agree except where
// a test says otherwise.

// alPerson is one person's $pageview events at RFC 3339 instants.
func alPerson(t *testing.T, who, name string, at ...string) []Event {
	t.Helper()
	out := make([]Event, 0, len(at))
	for _, s := range at {
		ts, err := time.Parse(time.RFC3339, s)
		require.NoError(t, err)
		out = append(out, Event{Actor: who, Time: ts, Name: name})
	}
	return out
}

// alStandard is _create_test_events: p1 on 11, 12, 13, 15, 17 and 19
// January 2020 at 12:00 UTC, p2 on 9 and 12, p3 on 12, p4 on 15.
func alStandard(t *testing.T) []Event {
	var ev []Event
	ev = append(ev, alPerson(t, "p1", "$pageview", "2020-01-11T12:00:00Z", "2020-01-12T12:00:00Z", "2020-01-13T12:00:00Z",
		"2020-01-15T12:00:00Z", "2020-01-17T12:00:00Z", "2020-01-19T12:00:00Z")...)
	ev = append(ev, alPerson(t, "p2", "$pageview", "2020-01-09T12:00:00Z", "2020-01-12T12:00:00Z")...)
	ev = append(ev, alPerson(t, "p3", "$pageview", "2020-01-12T12:00:00Z")...)
	return append(ev, alPerson(t, "p4", "$pageview", "2020-01-15T12:00:00Z")...)
}

// alSeries is PostHog's four series over a range of periods, dormant
// negative as PostHog gives it.
type alSeries struct{ New, Returning, Resurrecting, Dormant []int64 }

// alRun runs l over ev and returns opskit's rows keyed by the period's
// start date (in l's location), and the dates in order.
func alRun(t *testing.T, l Lifecycle, ev []Event) (map[string]LifecyclePeriod, []string) {
	t.Helper()
	got, err := l.Run(ev)
	require.NoError(t, err)
	rows := map[string]LifecyclePeriod{}
	var days []string
	for _, p := range got {
		d := p.Start.Format("2006-01-02")
		rows[d] = p
		days = append(days, d)
	}
	return rows, days
}

// alCheck asserts that opskit's rows for days give PostHog's series.
func alCheck(t *testing.T, rows map[string]LifecyclePeriod, days []string, want alSeries) {
	t.Helper()
	var got alSeries
	for _, d := range days {
		p, ok := rows[d]
		require.True(t, ok, "no row for %s", d)
		got.New = append(got.New, p.New)
		got.Returning = append(got.Returning, p.Returning)
		got.Resurrecting = append(got.Resurrecting, p.Resurrecting)
		got.Dormant = append(got.Dormant, -p.Dormant)
	}
	assert.Equal(t, want, got)
}

// alDays lists n consecutive dates from the first.
func alDays(first string, n int) []string {
	d0, _ := time.Parse("2006-01-02", first)
	out := make([]string, n)
	for i := range out {
		out[i] = d0.AddDate(0, 0, i).Format("2006-01-02")
	}
	return out
}

var alPageview = Lifecycle{Active: Matcher{Event: "$pageview"}}

// TestAnchorLifecycleWholeRange: test_lifecycle_query_whole_range, date
// 9..19 January by day: new [1,0,1,1,0,0,1,0,0,0,0] (p2, p1, p3, p4),
// returning p1 on 12 and 13, resurrecting p2 on 12 and p1 on 15, 17, 19,
// dormant [0,-1,0,0,-2,-1,0,-2,0,-1,0]. And test_events_query_whole_range,
// which lists the same (period, count, status) triples plus (20 January,
// 1, dormant) for p1: opskit stops at the last activity (doc: "the
// dormant actors of the period after the last are not reported").
func TestAnchorLifecycleWholeRange(t *testing.T) {
	rows, days := alRun(t, alPageview, alStandard(t))
	alCheck(t, rows, alDays("2020-01-09", 11), alSeries{
		New:          []int64{1, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0},
		Returning:    []int64{0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0},
		Resurrecting: []int64{0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 1},
		Dormant:      []int64{0, -1, 0, 0, -2, -1, 0, -2, 0, -1, 0},
	})
	assert.Equal(t, alDays("2020-01-09", 11), days, "no row for 20 January")
}

// TestAnchorLifecyclePartialRange: test_events_query_partial_range, date
// 12..14 January (PostHog also reads the period before date_from): the
// triples (11, 1, new) p1; (12, 1, new) p3, (12, 1, resurrecting) p2,
// (12, 1, returning) p1; (13, 1, returning) p1, (13, 2, dormant) p2, p3;
// (14, 1, dormant) p1, and no others.
func TestAnchorLifecyclePartialRange(t *testing.T) {
	rows, _ := alRun(t, alPageview, alStandard(t))
	alCheck(t, rows, alDays("2020-01-11", 4), alSeries{
		New:          []int64{1, 1, 0, 0},
		Returning:    []int64{0, 1, 1, 0},
		Resurrecting: []int64{0, 1, 0, 0},
		Dormant:      []int64{0, 0, -2, -1},
	})
}

// alTrend is test_lifecycle_trend's series over 12..19 January.
var alTrend = alSeries{
	New:          []int64{1, 0, 0, 1, 0, 0, 0, 0},
	Returning:    []int64{1, 1, 0, 0, 0, 0, 0, 0},
	Resurrecting: []int64{1, 0, 0, 1, 0, 1, 0, 1},
	Dormant:      []int64{0, -2, -1, 0, -2, 0, -1, 0},
}

// TestAnchorLifecycleTrend: test_lifecycle_trend and
// test_lifecycle_trend_action (an action on $pageview), date_from
// 2020-01-12, date_to 2020-01-19, by day; and test_lifecycle_trend_all_events,
// where p3 and p4 do "$other" instead and the series is "All events".
func TestAnchorLifecycleTrend(t *testing.T) {
	rows, _ := alRun(t, alPageview, alStandard(t))
	alCheck(t, rows, alDays("2020-01-12", 8), alTrend)

	ev := alStandard(t)
	for i := range ev {
		if ev[i].Actor == "p3" || ev[i].Actor == "p4" {
			ev[i].Name = "$other"
		}
	}
	rows, _ = alRun(t, Lifecycle{Active: Matcher{Name: "All events", Where: func(Event) bool { return true }}}, ev)
	alCheck(t, rows, alDays("2020-01-12", 8), alTrend)
}

// TestAnchorLifecyclePropFiltering: test_lifecycle_trend_prop_filtering
// and test_lifecycle_trend_person_prop_filtering: only p1's events carry
// $number = 1 (and only p1 has name p1), so the filtered series are p1's:
// returning on 12 and 13, resurrecting on 15, 17, 19, dormant on 14, 16,
// 18, never new in 12..19 (p1 was active on 11).
func TestAnchorLifecyclePropFiltering(t *testing.T) {
	ev := alStandard(t)
	for i := range ev {
		if ev[i].Actor == "p1" {
			ev[i].Props = map[string]string{"$number": "1"}
		}
	}
	l := Lifecycle{Active: Matcher{Event: "$pageview", Where: func(e Event) bool { return e.Props["$number"] == "1" }}}
	rows, _ := alRun(t, l, ev)
	alCheck(t, rows, alDays("2020-01-12", 8), alSeries{
		New:          []int64{0, 0, 0, 0, 0, 0, 0, 0},
		Returning:    []int64{1, 1, 0, 0, 0, 0, 0, 0},
		Resurrecting: []int64{0, 0, 0, 1, 0, 1, 0, 1},
		Dormant:      []int64{0, 0, -1, 0, -1, 0, -1, 0},
	})
}

// TestAnchorLifecycleDistinctIDRepeat: test_lifecycle_trends_distinct_id_repeat.
// One person with distinct IDs p1 and another_p1, active on 12 (p1), 14
// (another_p1), 15, 17 and 19 (p1); 12..19 January.
func TestAnchorLifecycleDistinctIDRepeat(t *testing.T) {
	ev := alPerson(t, "p1", "$pageview", "2020-01-12T12:00:00Z", "2020-01-14T12:00:00Z", "2020-01-15T12:00:00Z",
		"2020-01-17T12:00:00Z", "2020-01-19T12:00:00Z")
	rows, _ := alRun(t, alPageview, ev)
	alCheck(t, rows, alDays("2020-01-12", 8), alSeries{
		New:          []int64{1, 0, 0, 0, 0, 0, 0, 0},
		Returning:    []int64{0, 0, 0, 1, 0, 0, 0, 0},
		Resurrecting: []int64{0, 0, 1, 0, 0, 1, 0, 1},
		Dormant:      []int64{0, -1, 0, 0, -1, 0, -1, 0},
	})
}

// TestAnchorLifecycleAllTime: test_lifecycle_trend_all_time, the standard
// events, date_from "all", read at 2020-01-17T13:01:01Z: nine days, 9..17
// January. opskit has no as-of time for lifecycle; the events after that
// instant are left out of the input.
func TestAnchorLifecycleAllTime(t *testing.T) {
	now := time.Date(2020, 1, 17, 13, 1, 1, 0, time.UTC)
	var ev []Event
	for _, e := range alStandard(t) {
		if !e.Time.After(now) {
			ev = append(ev, e)
		}
	}
	rows, days := alRun(t, alPageview, ev)
	assert.Equal(t, alDays("2020-01-09", 9), days)
	alCheck(t, rows, days, alSeries{
		New:          []int64{1, 0, 1, 1, 0, 0, 1, 0, 0},
		Returning:    []int64{0, 0, 0, 1, 1, 0, 0, 0, 0},
		Resurrecting: []int64{0, 0, 0, 1, 0, 0, 1, 0, 1},
		Dormant:      []int64{0, -1, 0, 0, -2, -1, 0, -2, 0},
	})
}

// TestAnchorLifecycleWeeksMonday: test_lifecycle_trend_weeks_monday. p1 on
// 1, 5, 10, 15, 27 February and 2 March 2020; p2 on 11 and 18 February;
// p3 on 12 February; p4 on 27 February; by week (Monday first) from
// 2020-02-05 to 2020-03-09: weeks of 3, 10, 17, 24 February, 2 and 9
// March; dormant [0,0,-2,-1,-1,-1], new [0,2,0,1,0,0], resurrecting
// [0,0,0,1,0,0], returning [1,1,1,0,1,0]. The last week's dormant p1
// follows the last activity and is not reported by opskit (documented:
// "the dormant actors of the period after the last are not reported").
func TestAnchorLifecycleWeeksMonday(t *testing.T) {
	var ev []Event
	ev = append(ev, alPerson(t, "p1", "$pageview", "2020-02-01T12:00:00Z", "2020-02-05T12:00:00Z", "2020-02-10T12:00:00Z",
		"2020-02-15T12:00:00Z", "2020-02-27T12:00:00Z", "2020-03-02T12:00:00Z")...)
	ev = append(ev, alPerson(t, "p2", "$pageview", "2020-02-11T12:00:00Z", "2020-02-18T12:00:00Z")...)
	ev = append(ev, alPerson(t, "p3", "$pageview", "2020-02-12T12:00:00Z")...)
	ev = append(ev, alPerson(t, "p4", "$pageview", "2020-02-27T12:00:00Z")...)
	l := alPageview
	l.Period = ByWeek
	rows, days := alRun(t, l, ev)
	alCheck(t, rows, []string{"2020-02-03", "2020-02-10", "2020-02-17", "2020-02-24", "2020-03-02"}, alSeries{
		New:          []int64{0, 2, 0, 1, 0},
		Returning:    []int64{1, 1, 1, 0, 1},
		Resurrecting: []int64{0, 0, 0, 1, 0},
		Dormant:      []int64{0, 0, -2, -1, -1},
	})
	assert.Equal(t, "2020-03-02", days[len(days)-1], "PostHog's week of 9 March (dormant 1) is not reported")
}

// TestAnchorLifecycleMonths: test_lifecycle_trend_months. p1 on 11 Jan,
// 12 Feb, 13 Mar, 15 May, 17 Jul, 19 Sep 2020; p2 on 9 Dec 2019 and 12
// Feb; p3 on 12 Feb; p4 on 15 May; by month, February to September: the
// same shape as the daily trend.
func TestAnchorLifecycleMonths(t *testing.T) {
	var ev []Event
	ev = append(ev, alPerson(t, "p1", "$pageview", "2020-01-11T12:00:00Z", "2020-02-12T12:00:00Z", "2020-03-13T12:00:00Z",
		"2020-05-15T12:00:00Z", "2020-07-17T12:00:00Z", "2020-09-19T12:00:00Z")...)
	ev = append(ev, alPerson(t, "p2", "$pageview", "2019-12-09T12:00:00Z", "2020-02-12T12:00:00Z")...)
	ev = append(ev, alPerson(t, "p3", "$pageview", "2020-02-12T12:00:00Z")...)
	ev = append(ev, alPerson(t, "p4", "$pageview", "2020-05-15T12:00:00Z")...)
	l := alPageview
	l.Period = ByMonth
	rows, _ := alRun(t, l, ev)
	var months []string
	for m := 2; m <= 9; m++ {
		months = append(months, time.Date(2020, time.Month(m), 1, 0, 0, 0, 0, time.UTC).Format("2006-01-02"))
	}
	alCheck(t, rows, months, alTrend)
}

// TestAnchorLifecycleFilterTestAccounts: test_filter_test_accounts
// (lifecycle). p1 is a test account and is filtered out; the others give,
// over 12..19 January, dormant [0,-2,0,0,-1,0,0,0], new [1,0,0,1,0,0,0,0],
// resurrecting [1,0,0,0,0,0,0,0], returning zeros. opskit's rows end at
// the last activity, 15 January (p4): the dormant p4 of the 16th and the
// empty 17..19 are PostHog's only (documented: "the dormant actors of the
// period after the last are not reported").
func TestAnchorLifecycleFilterTestAccounts(t *testing.T) {
	var ev []Event
	for _, e := range alStandard(t) {
		if e.Actor != "p1" {
			ev = append(ev, e)
		}
	}
	rows, days := alRun(t, alPageview, ev)
	alCheck(t, rows, alDays("2020-01-12", 4), alSeries{
		New:          []int64{1, 0, 0, 1},
		Returning:    []int64{0, 0, 0, 0},
		Resurrecting: []int64{1, 0, 0, 0},
		Dormant:      []int64{0, -2, 0, 0},
	})
	assert.Equal(t, "2020-01-15", days[len(days)-1])
}

// TestAnchorLifecycleTimezones: test_timezones (lifecycle). p1's first two
// events are at 2020-01-11T23:00Z and 2020-01-12T01:00Z, the rest as in
// the standard events. In UTC the series are the daily trend's. In
// US/Pacific (UTC-8 in January) both fall on 11 January and p2, p3, p4's
// noon events at 04:00 the same day: dormant [-1,-2,-1,0,-2,0,-1,0], new
// [1,0,0,1,0,0,0,0], resurrecting [1,1,0,1,0,1,0,1], returning zeros.
func TestAnchorLifecycleTimezones(t *testing.T) {
	ev := alStandard(t)
	ev[0].Time = time.Date(2020, 1, 11, 23, 0, 0, 0, time.UTC)
	ev[1].Time = time.Date(2020, 1, 12, 1, 0, 0, 0, time.UTC)
	rows, _ := alRun(t, alPageview, ev)
	alCheck(t, rows, alDays("2020-01-12", 8), alTrend)

	la, err := time.LoadLocation("America/Los_Angeles") // US/Pacific
	require.NoError(t, err)
	l := alPageview
	l.Location = la
	rows, _ = alRun(t, l, ev)
	alCheck(t, rows, alDays("2020-01-12", 8), alSeries{
		New:          []int64{1, 0, 0, 1, 0, 0, 0, 0},
		Returning:    []int64{0, 0, 0, 0, 0, 0, 0, 0},
		Resurrecting: []int64{1, 1, 0, 1, 0, 1, 0, 1},
		Dormant:      []int64{-1, -2, -1, 0, -2, 0, -1, 0},
	})
	assert.Equal(t, "2020-01-12T00:00:00-08:00", rows["2020-01-12"].Start.Format(time.RFC3339))
}

// TestAnchorLifecycleDormantOnDST: test_dormant_on_dst. US/Pacific; p1 is
// active once, at 2025-03-09T12:00Z (05:00 PDT, the day clocks go
// forward); PostHog's days 8..11 March give new [0,1,0,0] and dormant
// [0,0,-1,0]. opskit reports the one period with activity, 9 March, new 1;
// the dormant p1 of 10 March follows the last activity and is not
// reported (documented: "the dormant actors of the period after the last
// are not reported"). The same holds for
// test_lifecycle_virtual_person_property_filter (p1 once on 12 January:
// new [1,0,...], dormant [0,-1,0,...]).
//
// Not PostHog's: with a second actor active on 11 March, the 10 March row
// exists, starts at local midnight after the 23-hour day, and holds p1's
// dormancy.
func TestAnchorLifecycleDormantOnDST(t *testing.T) {
	la, err := time.LoadLocation("America/Los_Angeles")
	require.NoError(t, err)
	l := alPageview
	l.Location = la
	ev := alPerson(t, "p1", "$pageview", "2025-03-09T12:00:00Z")
	got, err := l.Run(ev)
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, LifecyclePeriod{Start: time.Date(2025, 3, 9, 0, 0, 0, 0, la), New: 1}, got[0])

	ev = append(ev, alPerson(t, "x", "$pageview", "2025-03-11T19:00:00Z")...)
	rows, _ := alRun(t, l, ev)
	alCheck(t, rows, alDays("2025-03-09", 3), alSeries{
		New: []int64{1, 0, 1}, Returning: []int64{0, 0, 0}, Resurrecting: []int64{0, 0, 0}, Dormant: []int64{0, -1, 0},
	})
	assert.Equal(t, "2025-03-10T00:00:00-07:00", rows["2025-03-10"].Start.Format(time.RFC3339))

	single := alPerson(t, "p1", "$pageview", "2020-01-12T12:00:00Z")
	got, err = alPageview.Run(single)
	require.NoError(t, err)
	assert.Equal(t, []LifecyclePeriod{{Start: time.Date(2020, 1, 12, 0, 0, 0, 0, time.UTC), New: 1}}, got)
}

// alGroupEvents is the events of the group-aggregation tests with the
// actor taken from the group property: p1 on 11 (c1), 12, 13, 15, 17
// (c2) and 19 (c1) January; p2 on 9 and 12 (c1); p3 on 12 (c2); p4 on
// p4's days and companies. Every event is in org:5.
func alGroupEvents(t *testing.T, key string, p4 []string, p4Companies []string) []Event {
	type row struct{ who, at, company string }
	rows := []row{{"p1", "2020-01-11T12:00:00Z", "company:1"}, {"p1", "2020-01-12T12:00:00Z", "company:2"},
		{"p1", "2020-01-13T12:00:00Z", "company:2"}, {"p1", "2020-01-15T12:00:00Z", "company:2"},
		{"p1", "2020-01-17T12:00:00Z", "company:2"}, {"p1", "2020-01-19T12:00:00Z", "company:1"},
		{"p2", "2020-01-09T12:00:00Z", "company:1"}, {"p2", "2020-01-12T12:00:00Z", "company:1"},
		{"p3", "2020-01-12T12:00:00Z", "company:2"}}
	for i, at := range p4 {
		rows = append(rows, row{"p4", at, p4Companies[i]})
	}
	var ev []Event
	for _, r := range rows {
		e := alPerson(t, r.who, "$pageview", r.at)[0]
		e.Actor = map[string]string{"$group_0": "org:5", "$group_1": r.company}[key]
		ev = append(ev, e)
	}
	return ev
}

// TestAnchorLifecycleGroup0: test_lifecycle_query_group_0, aggregated by
// group type 0: org:5 is the only actor, active on 9, 11, 12, 13, 15, 17,
// 18 and 19 January (p4 on 15 and 18): new [1,0,...], returning on 12,
// 13, 18, 19, resurrecting on 11, 15, 17, dormant on 10, 14, 16.
func TestAnchorLifecycleGroup0(t *testing.T) {
	ev := alGroupEvents(t, "$group_0", []string{"2020-01-15T12:00:00Z", "2020-01-18T12:00:00Z"}, []string{"company:1", "company:1"})
	rows, _ := alRun(t, alPageview, ev)
	alCheck(t, rows, alDays("2020-01-09", 11), alSeries{
		New:          []int64{1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		Returning:    []int64{0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1},
		Resurrecting: []int64{0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0},
		Dormant:      []int64{0, -1, 0, 0, 0, -1, 0, -1, 0, 0, 0},
	})
}

// TestAnchorLifecycleGroup1: test_lifecycle_query_group_1, aggregated by
// group type 1 (p4 on 13 (company:1), 16 (company:2) and 18 (company:1)):
// company:1 is active on 9, 11, 12, 13, 18, 19 and company:2 on 12, 13,
// 15, 16, 17. PostHog: new [1,0,0,0,0,0,0,0,0,0,0], returning
// [0,0,0,1,2,0,0,1,1,0,1], resurrecting [0,0,1,1,0,0,1,0,0,1,0], dormant
// [0,-1,0,0,0,-2,0,0,0,-1,0]. The one difference is company:2 on 12
// January: PostHog calls it resurrecting. Its events query (lifecycle_query_runner.py)
// takes an actor's created_at as the earliest created_at of the persons
// behind its events (the helper creates each person at its first event:
// p1 on 11 January for company:2) and calls the first activity new only
// in created_at's period, otherwise resurrecting (never returning), so
// company:2, "created" the day before its first activity, is
// resurrecting. opskit calls it new, as documented: "Lifecycle "new"
// means first active in the events given".
func TestAnchorLifecycleGroup1(t *testing.T) {
	ev := alGroupEvents(t, "$group_1", []string{"2020-01-13T12:00:00Z", "2020-01-16T12:00:00Z", "2020-01-18T12:00:00Z"},
		[]string{"company:1", "company:2", "company:1"})
	rows, _ := alRun(t, alPageview, ev)
	alCheck(t, rows, alDays("2020-01-09", 11), alSeries{
		New:          []int64{1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0}, // PostHog: 0 on the 12th
		Returning:    []int64{0, 0, 0, 1, 2, 0, 0, 1, 1, 0, 1},
		Resurrecting: []int64{0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0}, // PostHog: 1 on the 12th
		Dormant:      []int64{0, -1, 0, 0, 0, -2, 0, 0, 0, -1, 0},
	})
}

// TestAnchorLifecycleGroupCreatedAt:
// test_lifecycle_query_group_with_different_created_at. org:early is
// created on 5 January and active on 11 and 13; org:new is created on 12
// January and active on 12 (13:00) and 14. PostHog's new series over 9..19
// January is 1 on the 12th only: org:early, created before the range, is
// resurrecting on the 11th (PostHog asserts only the new series; the
// other series here are hand-derived). opskit has no created_at and calls org:early
// new on the 11th (documented: "Lifecycle "new" means first active in the
// events given, so pass history back to the start of the business").
func TestAnchorLifecycleGroupCreatedAt(t *testing.T) {
	var ev []Event
	ev = append(ev, alPerson(t, "org:early", "$pageview", "2020-01-11T12:00:00Z", "2020-01-13T12:00:00Z")...)
	ev = append(ev, alPerson(t, "org:new", "$pageview", "2020-01-12T13:00:00Z", "2020-01-14T12:00:00Z")...)
	rows, _ := alRun(t, alPageview, ev)
	alCheck(t, rows, alDays("2020-01-11", 4), alSeries{
		New:          []int64{1, 1, 0, 0}, // PostHog: 0, 1, 0, 0
		Returning:    []int64{0, 0, 0, 0},
		Resurrecting: []int64{0, 0, 1, 1}, // by PostHog's rule 1, 0, 1, 1 (not asserted there)
		Dormant:      []int64{0, -1, -1, -1},
	})
}
