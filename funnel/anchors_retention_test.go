package funnel

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// PostHog's retention tests, posthog/hogql_queries/insights/test/
// test_retention_query_runner.py (PostHog/posthog, read at commit
// 026462be5b694a7b5d31a466dc8b6d3f92bebea3), translated: the inputs (who
// did which event when) and the asserted tables are PostHog's.
//
// How the queries map onto a Retention:
//   - PostHog's _date(day, hour=5, month=0) is 2020-(6+month)-(10+day)
//     hour:00 UTC ([arDate]); the distinct ID "alias1" belongs to person1.
//   - totalIntervals n gives cohorts and periods 0..n-1: Periods = n-1,
//     From = the start of the period n-1 periods before date_to's, and
//     AsOf = the last instant of date_to's period (PostHog reads events to
//     the end of that period; see [Retention]).
//   - PostHog's default retentionType is recurring; "retention_first_time"
//     is Recurring false. "All events" is a Matcher whose Where is always
//     true.
//   - PostHog now pads each row with zeros to a matrix (its pad helper:
//     "changes the old 'triangle' format to the new 'matrix' format");
//     opskit keeps the triangle, a documented choice (funnel/doc.go:
//     "periods not yet observable at the as-of time are left out of
//     [Cohort].Retained and counted in [Cohort].Pending instead of showing
//     as 0 (PostHog's triangle ...)"). The tables below are PostHog's rows
//     before padding, and each row's Pending is the padding.

// arDate is PostHog's _date(day, hour, month) in UTC.
func arDate(day, hour, month int) time.Time {
	return time.Date(2020, time.Month(6+month), 10+day, hour, 0, 0, 0, time.UTC)
}

// arE is one row of the test file's _create_events: a distinct ID, a time
// and optional extra properties.
type arE struct {
	who   string
	at    time.Time
	props map[string]string
}

// arD is the row (who, _date(day)) at PostHog's default hour 5.
func arD(who string, day int) arE { return arE{who: who, at: arDate(day, 5, 0)} }

// arEvents builds the events of one _create_events call: the given event
// name, and "$some_property" = "value" on the rows at even positions of
// the call (as _create_events sets it), plus each row's extra properties.
// "alias1" is person1.
func arEvents(name string, rows ...arE) []Event {
	out := make([]Event, 0, len(rows))
	for i, r := range rows {
		props := map[string]string{}
		if i%2 == 0 {
			props["$some_property"] = "value"
		}
		for k, v := range r.props {
			props[k] = v
		}
		who := r.who
		if who == "alias1" {
			who = "person1"
		}
		out = append(out, Event{Actor: who, Time: r.at, Name: name, Props: props})
	}
	return out
}

// arDaySet is the events of test_day_interval and the tests that reuse it:
// person1 on days 0, 1, 2, 5 (and alias1 at 09:00 on day 5) and 6; person2
// on days 1, 2, 3 and 6. extra adds properties to the row at that index.
func arDaySet(name string, extra map[int]map[string]string) []Event {
	rows := []arE{arD("person1", 0), arD("person1", 1), arD("person1", 2), arD("person1", 5),
		{who: "alias1", at: arDate(5, 9, 0)}, arD("person1", 6),
		arD("person2", 1), arD("person2", 2), arD("person2", 3), arD("person2", 6)}
	for i, p := range extra {
		rows[i].props = p
	}
	return arEvents(name, rows...)
}

// arRange returns From and AsOf for PostHog's date_to and totalIntervals:
// From is the start of the period total-1 periods before date_to's, AsOf
// the last nanosecond of date_to's period (ISO weeks, Monday first).
func arRange(g Granularity, dateTo time.Time, total int) (from, asOf time.Time) {
	y, m, d := dateTo.Date()
	loc := dateTo.Location()
	switch g {
	case ByWeek:
		back := (int(dateTo.Weekday()) + 6) % 7 // days since Monday
		start := time.Date(y, m, d-back, 0, 0, 0, 0, loc)
		return start.AddDate(0, 0, -7*(total-1)), start.AddDate(0, 0, 7).Add(-1)
	case ByMonth:
		start := time.Date(y, m, 1, 0, 0, 0, 0, loc)
		return start.AddDate(0, -(total - 1), 0), start.AddDate(0, 1, 0).Add(-1)
	default:
		start := time.Date(y, m, d, 0, 0, 0, 0, loc)
		return start.AddDate(0, 0, -(total - 1)), start.AddDate(0, 0, 1).Add(-1)
	}
}

// arQuery is a PostHog retention query: target and returning entity,
// period, date_to, totalIntervals and retentionType.
type arQuery struct {
	start, ret Matcher
	period     Granularity
	loc        *time.Location
	dateTo     time.Time
	total      int
	firstTime  bool
}

func (q arQuery) retention() Retention {
	from, asOf := arRange(q.period, q.dateTo, q.total)
	return Retention{Start: q.start, Return: q.ret, Period: q.period, Location: q.loc, Periods: q.total - 1,
		Recurring: !q.firstTime, From: from, AsOf: asOf}
}

// arCheck runs q over ev and asserts PostHog's triangle: row i is want[i],
// with the rest of the row pending.
func arCheck(t *testing.T, q arQuery, ev []Event, want [][]int64) RetentionTable {
	t.Helper()
	tab, err := q.retention().Run(ev)
	require.NoError(t, err)
	rows, pending := retainedRows(tab)
	require.Equal(t, want, rows)
	for i, row := range want {
		assert.Equal(t, q.total-len(row), pending[i], "pending of cohort %d", i)
	}
	return tab
}

var (
	arPageview = Matcher{Event: "$pageview"}
	arAll      = Matcher{Name: "All events", Where: func(Event) bool { return true }}
)

// arZeros is a triangle row of n zeros.
func arZeros(n int) []int64 { return make([]int64, n) }

// TestAnchorRetentionMonthInterval: test_month_interval. person1 and
// person2 view pages on the 10th of months -5..5 (Jan..Nov 2020): person1
// in Jan, Feb, Mar, May, Jun, Sep; person2 in Jan, Feb, Mar, Jun, Jul,
// Nov; period Month, 11 intervals, date_to _date(15, month=5, hour=0)
// (25 Nov). Cohorts 1 Jan .. 1 Nov 2020.
func TestAnchorRetentionMonthInterval(t *testing.T) {
	m := func(who string, month int) arE { return arE{who: who, at: arDate(0, 5, month)} }
	ev := arEvents("$pageview", m("person1", -5), m("person2", -5), m("person1", -4), m("person2", -4),
		m("person1", -3), m("person2", -3), m("person1", -1), m("person1", 0), m("person2", 0),
		m("person2", 1), m("person1", 3), m("person2", 5))
	q := arQuery{start: arPageview, ret: arPageview, period: ByMonth, dateTo: arDate(15, 0, 5), total: 11}
	tab := arCheck(t, q, ev, [][]int64{
		{2, 2, 2, 0, 1, 2, 1, 0, 1, 0, 1},
		{2, 2, 0, 1, 2, 1, 0, 1, 0, 1},
		{2, 0, 1, 2, 1, 0, 1, 0, 1},
		{0, 0, 0, 0, 0, 0, 0, 0},
		{1, 1, 0, 0, 1, 0, 0},
		{2, 1, 0, 1, 0, 1},
		{1, 0, 0, 0, 1},
		{0, 0, 0, 0},
		{1, 0, 0},
		{0, 0},
		{1},
	})
	for i, c := range tab.Cohorts {
		assert.Equal(t, time.Date(2020, time.Month(1+i), 1, 0, 0, 0, 0, time.UTC), c.Start)
	}
}

// TestAnchorRetentionWeekMonday: test_week_interval with week_start_day
// Monday (its second half), and test_interval_rounding. Events: person1
// and person2 on _date(0), _date(1), _date(7); person1 on _date(14);
// both on _date(-6, month=1) (4 July); both on _date(1, month=1);
// person2 on _date(15, month=1) (25 July). Period Week, 7 intervals,
// date_to _date(10, month=1) (20 July), or _date(14, month=1) (24 July)
// in test_interval_rounding: the same weeks. PostHog's Monday weeks are
// ISO weeks, so no shift is needed: cohorts 8 June .. 20 July.
func TestAnchorRetentionWeekMonday(t *testing.T) {
	w := func(who string, day, month int) arE { return arE{who: who, at: arDate(day, 5, month)} }
	ev := arEvents("$pageview", w("person1", 0, 0), w("person2", 0, 0), w("person1", 1, 0), w("person2", 1, 0),
		w("person1", 7, 0), w("person2", 7, 0), w("person1", 14, 0), w("person1", -6, 1), w("person2", -6, 1),
		w("person2", 1, 1), w("person1", 1, 1), w("person2", 15, 1))
	want := [][]int64{{2, 2, 1, 2, 2, 0, 1}, {2, 1, 2, 2, 0, 1}, {1, 1, 1, 0, 0}, {2, 2, 0, 1}, {2, 0, 1}, {0, 0}, {1}}
	for _, dateTo := range []time.Time{arDate(10, 0, 1), arDate(14, 0, 1)} {
		q := arQuery{start: arPageview, ret: arPageview, period: ByWeek, dateTo: dateTo, total: 7}
		tab := arCheck(t, q, ev, want)
		for i, c := range tab.Cohorts {
			assert.Equal(t, time.Date(2020, 6, 8+7*i, 0, 0, 0, 0, time.UTC), c.Start)
		}
	}
}

// arDayTable is test_day_interval's table (11 intervals from 10 June).
var arDayTable = [][]int64{
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
}

// TestAnchorRetentionAllEvents: test_all_events. The day set, target "All
// events", returning $pageview, date_to _date(10, hour=6), 11 intervals:
// test_day_interval's table. Its second query (an action whose first step
// matches any event) gives the same.
func TestAnchorRetentionAllEvents(t *testing.T) {
	q := arQuery{start: arAll, ret: arPageview, dateTo: arDate(10, 6, 0), total: 11}
	tab := arCheck(t, q, arDaySet("$pageview", nil), arDayTable)
	assert.Equal(t, arDate(0, 0, 0), tab.Cohorts[0].Start)
}

// TestAnchorRetentionAllEventsTargetFirstTime:
// test_all_events_target_first_time. person1 does event1 on days 0, 1, 2
// and event2 on days 2 and 3; first time, target event2, returning "All
// events" or event2, date_to _date(2, hour=6), 4 intervals:
// [[0,0,0,0],[0,0,0],[0,0],[1]] for both (event2 on day 3 is after the
// table's end).
func TestAnchorRetentionAllEventsTargetFirstTime(t *testing.T) {
	ev := append(arEvents("event1", arD("person1", 0), arD("person1", 1), arD("person1", 2)),
		arEvents("event2", arD("person1", 2), arD("person1", 3))...)
	want := [][]int64{{0, 0, 0, 0}, {0, 0, 0}, {0, 0}, {1}}
	for _, ret := range []Matcher{arAll, {Event: "event2"}} {
		q := arQuery{start: Matcher{Event: "event2"}, ret: ret, dateTo: arDate(2, 6, 0), total: 4, firstTime: true}
		tab := arCheck(t, q, ev, want)
		assert.Equal(t, arDate(-1, 0, 0), tab.Cohorts[0].Start)
	}
}

// arMultiSet is the events of test_retention_multiple_events and
// test_retention_any_event: $some_event by person1 and person2 on days
// 0..3 and by person3 on day 5; $pageview by person1 on days 5 and 6 and
// by person2 on day 5.
func arMultiSet() []Event {
	ev := arEvents("$some_event", arD("person1", 0), arD("person1", 1), arD("person1", 2), arD("person1", 3),
		arD("person2", 0), arD("person2", 1), arD("person2", 2), arD("person2", 3), arD("person3", 5))
	return append(ev, arEvents("$pageview", arD("person1", 5), arD("person1", 6), arD("person2", 5))...)
}

// TestAnchorRetentionMultipleEvents: test_retention_multiple_events.
// Target $some_event, returning $pageview, Day, 7 intervals, date_to
// _date(6, hour=6).
func TestAnchorRetentionMultipleEvents(t *testing.T) {
	q := arQuery{start: Matcher{Event: "$some_event"}, ret: arPageview, dateTo: arDate(6, 6, 0), total: 7}
	arCheck(t, q, arMultiSet(), [][]int64{
		{2, 0, 0, 0, 0, 2, 1}, {2, 0, 0, 0, 2, 1}, {2, 0, 0, 2, 1}, {2, 0, 2, 1}, {0, 0, 0}, {1, 0}, {0}})
}

// TestAnchorRetentionAnyEvent: test_retention_any_event, the same events
// with any event as target and returning event.
func TestAnchorRetentionAnyEvent(t *testing.T) {
	q := arQuery{start: arAll, ret: arAll, dateTo: arDate(6, 6, 0), total: 7}
	arCheck(t, q, arMultiSet(), [][]int64{
		{2, 2, 2, 2, 0, 2, 1}, {2, 2, 2, 0, 2, 1}, {2, 2, 0, 2, 1}, {2, 0, 2, 1}, {0, 0, 0}, {3, 1}, {1}})
}

// TestAnchorRetentionEventAction: test_retention_event_action. "sign up"
// by person1 and person2 on days 0..3; $some_event by person1 on day 3
// and person2 on day 5. Target the "sign up" action, returning
// $some_event, 7 intervals, date_to _date(6, hour=0). Period 0 is the
// cohort size even where nobody did the returning event that day.
func TestAnchorRetentionEventAction(t *testing.T) {
	ev := arEvents("sign up", arD("person1", 0), arD("person1", 1), arD("person1", 2), arD("person1", 3),
		arD("person2", 0), arD("person2", 1), arD("person2", 2), arD("person2", 3))
	ev = append(ev, arEvents("$some_event", arD("person1", 3), arD("person2", 5))...)
	q := arQuery{start: Matcher{Event: "sign up"}, ret: Matcher{Event: "$some_event"}, dateTo: arDate(6, 0, 0), total: 7}
	tab := arCheck(t, q, ev, [][]int64{
		{2, 0, 0, 1, 0, 1, 0}, {2, 0, 1, 0, 1, 0}, {2, 1, 0, 1, 0}, {2, 0, 1, 0}, {0, 0, 0}, {0, 0}, {0}})
	assert.Equal(t, arDate(0, 0, 0), tab.Cohorts[0].Start)
}

// arFirstTimeSet is _create_first_time_retention_events: $user_signed_up
// by shouldnt_include on days -5 and -1, person1 on days -1, 1, 2, 3, 4
// and person2 on day -1; the day set's $pageview; person3 signs up on day
// 0 and views on days 1, 3, 4, 5; person4 signs up on day 2 and views on
// days 3 and 5.
func arFirstTimeSet() []Event {
	ev := arEvents("$user_signed_up", arD("shouldnt_include", -5), arD("shouldnt_include", -1),
		arD("person1", -1), arD("person1", 1), arD("person1", 2), arD("person1", 3), arD("person1", 4),
		arD("person2", -1))
	ev = append(ev, arDaySet("$pageview", nil)...)
	ev = append(ev, arEvents("$user_signed_up", arD("person3", 0))...)
	ev = append(ev, arEvents("$pageview", arD("person3", 1), arD("person3", 3), arD("person3", 4), arD("person3", 5))...)
	ev = append(ev, arEvents("$user_signed_up", arD("person4", 2))...)
	return append(ev, arEvents("$pageview", arD("person4", 3), arD("person4", 5))...)
}

// TestAnchorRetentionFirstTime: test_first_time_retention. Day, 7
// intervals, first time, target $user_signed_up, returning $pageview,
// date_to _date(5, hour=6): cohorts 9..15 June. shouldnt_include first
// signed up on day -5, before the range, so is in no cohort.
func TestAnchorRetentionFirstTime(t *testing.T) {
	q := arQuery{start: Matcher{Event: "$user_signed_up"}, ret: arPageview, dateTo: arDate(5, 6, 0), total: 7, firstTime: true}
	arCheck(t, q, arFirstTimeSet(), [][]int64{
		{2, 1, 2, 2, 1, 0, 1}, {1, 1, 0, 1, 1, 1}, {0, 0, 0, 0, 0}, {1, 1, 0, 1}, {0, 0, 0}, {0, 0}, {0}})
}

// TestAnchorRetentionFirstTimeWeeks: test_first_time_retention_weeks, the
// same query by Week: [[0]*7, [0]*6, [0]*5, [0]*4, [1,0,0], [4,4], [0]].
// PostHog's weeks start on Sunday (cohorts 3 May .. 14 June); in ISO
// weeks (4 May .. 15 June) every event falls in the corresponding week
// (the first signups, 5, 9, 10 and 12 June, and the views of 14 June fall
// before the week of date_to; the returns of 15 and 16 June in it), so
// the counts are PostHog's.
func TestAnchorRetentionFirstTimeWeeks(t *testing.T) {
	q := arQuery{start: Matcher{Event: "$user_signed_up"}, ret: arPageview, period: ByWeek, dateTo: arDate(5, 6, 0), total: 7, firstTime: true}
	tab := arCheck(t, q, arFirstTimeSet(), [][]int64{arZeros(7), arZeros(6), arZeros(5), arZeros(4), {1, 0, 0}, {4, 4}, {0}})
	assert.Equal(t, time.Date(2020, 5, 4, 0, 0, 0, 0, time.UTC), tab.Cohorts[0].Start)
}

// arProp matches a $pageview whose property key is "value".
func arProp(key string) Matcher {
	return Matcher{Event: "$pageview", Where: func(e Event) bool { return e.Props[key] == "value" }}
}

// TestAnchorRetentionWithProperties: test_retention_with_properties. The
// day set, with "$some_property" = "value" on the rows at even positions
// (person1 days 0 and 2, alias1 day 5, person2 days 1 and 3); the query
// filters every event on it. date_to _date(10, hour=0), 11 intervals.
func TestAnchorRetentionWithProperties(t *testing.T) {
	p := arProp("$some_property")
	q := arQuery{start: p, ret: p, dateTo: arDate(10, 0, 0), total: 11}
	arCheck(t, q, arDaySet("$pageview", nil), [][]int64{
		{1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0},
		{1, 0, 1, 0, 0, 0, 0, 0, 0, 0},
		{1, 0, 0, 1, 0, 0, 0, 0, 0},
		{1, 0, 0, 0, 0, 0, 0, 0},
		arZeros(7), {1, 0, 0, 0, 0, 0}, arZeros(5), arZeros(4), arZeros(3), arZeros(2), arZeros(1),
	})
}

var arTarget = map[string]string{"$target_event_property": "value"}

// TestAnchorRetentionPropertiesOnStartEvent:
// test_retention_with_properties_on_start_event. Only person1's day-0
// view has $target_event_property = value; target $pageview with it,
// returning any $pageview (recurring). Only the first cohort is non-empty.
func TestAnchorRetentionPropertiesOnStartEvent(t *testing.T) {
	q := arQuery{start: arProp("$target_event_property"), ret: arPageview, dateTo: arDate(10, 0, 0), total: 11}
	want := [][]int64{{1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0}}
	for n := 10; n >= 1; n-- {
		want = append(want, arZeros(n))
	}
	arCheck(t, q, arDaySet("$pageview", map[int]map[string]string{0: arTarget}), want)
}

// TestAnchorRetentionPropertiesOnStartEventFirstTime:
// test_retention_with_properties_on_start_event_for_first_time. The
// property is on person1's views of days 2 and 5; first time: person1's
// cohort is day 2 (returns on days 5 and 6), person2 has no start.
func TestAnchorRetentionPropertiesOnStartEventFirstTime(t *testing.T) {
	q := arQuery{start: arProp("$target_event_property"), ret: arPageview, dateTo: arDate(10, 0, 0), total: 11, firstTime: true}
	want := [][]int64{arZeros(11), arZeros(10), {1, 0, 0, 1, 1, 0, 0, 0, 0}}
	for n := 8; n >= 1; n-- {
		want = append(want, arZeros(n))
	}
	arCheck(t, q, arDaySet("$pageview", map[int]map[string]string{2: arTarget, 3: arTarget}), want)
}

// TestAnchorRetentionPropertiesOnReturnEvent:
// test_retention_with_properties_on_return_event. The property is on
// person1's day-1 view only, and only such views are returns (recurring):
// "only one match, 1 day after for person 1".
func TestAnchorRetentionPropertiesOnReturnEvent(t *testing.T) {
	q := arQuery{start: arPageview, ret: arProp("$target_event_property"), dateTo: arDate(10, 0, 0), total: 11}
	arCheck(t, q, arDaySet("$pageview", map[int]map[string]string{1: arTarget}), [][]int64{
		{1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		{2, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		{2, 0, 0, 0, 0, 0, 0, 0, 0},
		{1, 0, 0, 0, 0, 0, 0, 0},
		arZeros(7), {1, 0, 0, 0, 0, 0}, {2, 0, 0, 0, 0}, arZeros(4), arZeros(3), arZeros(2), arZeros(1),
	})
}

// TestAnchorRetentionPropertiesOnReturnEventFirstTime:
// test_retention_with_properties_on_return_event_with_first_time. The
// property is on person1's day-5 view; first time: "only one match, 5
// days after for person 1".
func TestAnchorRetentionPropertiesOnReturnEventFirstTime(t *testing.T) {
	q := arQuery{start: arPageview, ret: arProp("$target_event_property"), dateTo: arDate(10, 0, 0), total: 11, firstTime: true}
	want := [][]int64{{1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0}, {1, 0, 0, 0, 0, 0, 0, 0, 0, 0}}
	for n := 9; n >= 1; n-- {
		want = append(want, arZeros(n))
	}
	arCheck(t, q, arDaySet("$pageview", map[int]map[string]string{3: arTarget}), want)
}

// TestAnchorRetentionUserProperties: test_retention_with_user_properties
// (a person filter keeping person1's events) and
// test_retention_action_start_point (the day set as "sign up" events,
// the action as target and returning event); 7 intervals, date_to
// _date(6, hour=0).
func TestAnchorRetentionUserProperties(t *testing.T) {
	var p1 []Event
	for _, e := range arDaySet("$pageview", nil) {
		if e.Actor == "person1" {
			p1 = append(p1, e)
		}
	}
	q := arQuery{start: arPageview, ret: arPageview, dateTo: arDate(6, 0, 0), total: 7}
	arCheck(t, q, p1, [][]int64{{1, 1, 1, 0, 0, 1, 1}, {1, 1, 0, 0, 1, 1}, {1, 0, 0, 1, 1}, {0, 0, 0, 0}, {0, 0, 0}, {1, 1}, {1}})

	su := Matcher{Event: "sign up"}
	q = arQuery{start: su, ret: su, dateTo: arDate(6, 0, 0), total: 7}
	arCheck(t, q, arDaySet("sign up", nil), [][]int64{
		{1, 1, 1, 0, 0, 1, 1}, {2, 2, 1, 0, 1, 2}, {2, 1, 0, 1, 2}, {1, 0, 0, 1}, {0, 0, 0}, {1, 1}, {2}})
}

// TestAnchorRetentionTimezones: test_timezones. person1 views at 01:00
// UTC on days -1, 0 and 1; person2 at 01:00 and 09:00 UTC on day 6;
// date_to _date(10, hour=6), 11 intervals. In UTC person2 is one day; in
// US/Pacific (UTC-7 in June) person1's views fall on days -2, -1 and 0
// and person2's on days 5 and 6 ("person 2 is across two dates in
// US/Pacific"), and the first cohort starts 2020-06-10T00:00:00-07:00.
func TestAnchorRetentionTimezones(t *testing.T) {
	ev := arEvents("$pageview", arE{who: "person1", at: arDate(-1, 1, 0)}, arE{who: "person1", at: arDate(0, 1, 0)},
		arE{who: "person1", at: arDate(1, 1, 0)}, arE{who: "person2", at: arDate(6, 1, 0)}, arE{who: "person2", at: arDate(6, 9, 0)})
	q := arQuery{start: arPageview, ret: arPageview, dateTo: arDate(10, 6, 0), total: 11}
	arCheck(t, q, ev, [][]int64{
		{1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {1, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		arZeros(9), arZeros(8), arZeros(7), arZeros(6), {1, 0, 0, 0, 0}, arZeros(4), arZeros(3), arZeros(2), arZeros(1),
	})

	la, err := time.LoadLocation("America/Los_Angeles") // US/Pacific
	require.NoError(t, err)
	q.loc = la
	q.dateTo = time.Date(2020, 6, 20, 6, 0, 0, 0, la) // date_to is read in the team's zone
	tab := arCheck(t, q, ev, [][]int64{
		{1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, arZeros(10), arZeros(9), arZeros(8), arZeros(7),
		{1, 1, 0, 0, 0, 0}, {1, 0, 0, 0, 0}, arZeros(4), arZeros(3), arZeros(2), arZeros(1),
	})
	assert.Equal(t, "2020-06-10T00:00:00-07:00", tab.Cohorts[0].Start.Format(time.RFC3339))
}

// TestAnchorRetentionBreakdownByPerson:
// test_retention_with_breakdown_with_person_properties. A breakdown by a
// person property splits the actors: opskit runs the table per group.
// US: person1 on days 0, 1, 3 and person3 on days 0, 2; UK: person2 on
// days 0, 1, 4; Germany: person4 on days 0 and 5. Day, 6 intervals,
// date_to _date(5, hour=0).
func TestAnchorRetentionBreakdownByPerson(t *testing.T) {
	q := arQuery{start: arPageview, ret: arPageview, dateTo: arDate(5, 0, 0), total: 6}
	us := arEvents("$pageview", arD("person1", 0), arD("person1", 1), arD("person1", 3), arD("person3", 0), arD("person3", 2))
	arCheck(t, q, us, [][]int64{{2, 1, 1, 1, 0, 0}, {1, 0, 1, 0, 0}, {1, 0, 0, 0}, {1, 0, 0}, {0, 0}, {0}})
	uk := arEvents("$pageview", arD("person2", 0), arD("person2", 1), arD("person2", 4))
	arCheck(t, q, uk, [][]int64{{1, 1, 0, 0, 1, 0}, {1, 0, 0, 1, 0}, {0, 0, 0, 0}, {0, 0, 0}, {1, 0}, {0}})
	de := arEvents("$pageview", arD("person4", 0), arD("person4", 5))
	arCheck(t, q, de, [][]int64{{1, 0, 0, 0, 0, 1}, {0, 0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0}, {0, 0}, {1}})
}

// TestAnchorRetentionPeopleInPeriod: test_retention_people_in_period and
// test_retention_people_in_period_first_time, which list the actors of a
// cohort with the periods they appear in. The day set plus person2 on
// day 7, date_to _date(10, hour=6), 11 intervals: the cohort of day 2
// (interval=2) is person2 with appearances [0, 1, 4, 5] and person1 with
// [0, 3, 4], so its row is [2, 1, 0, 1, 2, 1, 0, 0, 0]. In the first-time
// events (target $user_signed_up, returning $pageview) the cohort of day
// 0 (interval=0) is person3 alone (person1 and person2 first signed up on
// day -1, before the range), appearances [0, 1, 3, 4, 5]: row [1, 1, 0, 1, 1, 1,
// 0, 0, 0, 0, 0].
func TestAnchorRetentionPeopleInPeriod(t *testing.T) {
	ev := append(arDaySet("$pageview", nil), arEvents("$pageview", arD("person2", 7))...)
	q := arQuery{start: arPageview, ret: arPageview, dateTo: arDate(10, 6, 0), total: 11}
	tab, err := q.retention().Run(ev)
	require.NoError(t, err)
	assert.Equal(t, []int64{2, 1, 0, 1, 2, 1, 0, 0, 0}, tab.Cohorts[2].Retained)

	q = arQuery{start: Matcher{Event: "$user_signed_up"}, ret: arPageview, dateTo: arDate(10, 6, 0), total: 11, firstTime: true}
	tab, err = q.retention().Run(arFirstTimeSet())
	require.NoError(t, err)
	assert.Equal(t, arDate(0, 0, 0), tab.Cohorts[0].Start)
	assert.Equal(t, []int64{1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0}, tab.Cohorts[0].Retained)
}

// TestAnchorRetentionBreakdownDifferentEntities:
// test_retention_with_breakdown_different_entities. A breakdown by the
// event property "category" where a return counts only with the start
// event's value ("this event ignored as doesn't have same breakdown value
// as start event"): opskit runs one table per value, with the value
// required on both the start and the return matcher. signup: person1 and
// person2 on day 0 (clothing), person3 on day 0 and person4 on day 1
// (electronics); purchase: person1 day 1 clothing, day 3 no category, day
// 5 electronics; person2 day 2 clothing; person3 days 1 and 4
// electronics; person4 days 1 and 2 electronics, day 3 clothing. Day, 6
// intervals, date_to _date(5, hour=0).
func TestAnchorRetentionBreakdownDifferentEntities(t *testing.T) {
	cat := func(who string, day int, c string) arE {
		r := arD(who, day)
		if c != "" {
			r.props = map[string]string{"category": c}
		}
		return r
	}
	ev := arEvents("signup", cat("person1", 0, "clothing"), cat("person2", 0, "clothing"),
		cat("person3", 0, "electronics"), cat("person4", 1, "electronics"))
	ev = append(ev, arEvents("purchase", cat("person1", 1, "clothing"), cat("person1", 3, ""), cat("person1", 5, "electronics"),
		cat("person2", 2, "clothing"), cat("person3", 1, "electronics"), cat("person3", 4, "electronics"),
		cat("person4", 1, "electronics"), cat("person4", 2, "electronics"), cat("person4", 3, "clothing"))...)
	with := func(name, value string) Matcher {
		return Matcher{Event: name, Where: func(e Event) bool { return e.Props["category"] == value }}
	}
	q := arQuery{start: with("signup", "clothing"), ret: with("purchase", "clothing"), dateTo: arDate(5, 0, 0), total: 6}
	arCheck(t, q, ev, [][]int64{{2, 1, 1, 0, 0, 0}, arZeros(5), arZeros(4), arZeros(3), arZeros(2), arZeros(1)})
	q.start, q.ret = with("signup", "electronics"), with("purchase", "electronics")
	arCheck(t, q, ev, [][]int64{{1, 1, 0, 0, 1, 0}, {1, 1, 0, 0, 0}, arZeros(4), arZeros(3), arZeros(2), arZeros(1)})
}

// TestAnchorRetentionGroupsAggregating: test_groups_aggregating
// (TestClickhouseRetentionGroupAggregation). The week-interval events
// carry $group_0 (org:5 for person1, org:6 for person2; person3's day-0
// event has none) and some $group_1 (company:1 on person1's _date(0) and
// _date(-6, month=1), person2's _date(15, month=1)). Aggregated by group,
// the actor is the group and events without one are left out. Week, 7
// intervals, date_to _date(10, month=1, hour=0): by group type 0 the
// week test's table; by type 1 [[1,0,0,1,0,0,1],[0]*6,[0]*5,[1,0,0,1],
// [0]*3,[0]*2,[1]] (PostHog's Sunday weeks; in ISO weeks the same events
// fall in the corresponding weeks).
func TestAnchorRetentionGroupsAggregating(t *testing.T) {
	type row struct {
		who       string
		day, mon  int
		org, comp string
	}
	rows := []row{{"person1", 0, 0, "org:5", "company:1"}, {"person2", 0, 0, "org:6", ""}, {"person3", 0, 0, "", ""},
		{"person1", 1, 0, "org:5", ""}, {"person2", 1, 0, "org:6", ""}, {"person1", 7, 0, "org:5", ""},
		{"person2", 7, 0, "org:6", ""}, {"person1", 14, 0, "org:5", ""}, {"person1", -6, 1, "org:5", "company:1"},
		{"person2", -6, 1, "org:6", ""}, {"person2", 1, 1, "org:6", ""}, {"person1", 1, 1, "org:5", ""},
		{"person2", 15, 1, "org:6", "company:1"}}
	byGroup := func(comp bool) []Event {
		var ev []Event
		for _, r := range rows {
			g := r.org
			if comp {
				g = r.comp
			}
			if g != "" {
				ev = append(ev, Event{Actor: g, Time: arDate(r.day, 5, r.mon), Name: "$pageview"})
			}
		}
		return ev
	}
	q := arQuery{start: arPageview, ret: arPageview, period: ByWeek, dateTo: arDate(10, 0, 1), total: 7}
	arCheck(t, q, byGroup(false), [][]int64{{2, 2, 1, 2, 2, 0, 1}, {2, 1, 2, 2, 0, 1}, {1, 1, 1, 0, 0}, {2, 2, 0, 1}, {2, 0, 1}, {0, 0}, {1}})
	arCheck(t, q, byGroup(true), [][]int64{{1, 0, 0, 1, 0, 0, 1}, arZeros(6), arZeros(5), {1, 0, 0, 1}, arZeros(3), arZeros(2), {1}})
}

// TestAnchorRetentionBreakdownOnStartEvent:
// test_retention_with_breakdown_on_start_event. signup on day 0: person1
// and person2 with category clothing, person3 electronics; the purchases
// (person1 days 1, 3, 5; person2 day 2; person3 days 1, 4; person4 days 1,
// 4) have no category, so "none of the return events have the same
// breakdown value": clothing [[2,0,0,0,0,0],[0]*5,...].
func TestAnchorRetentionBreakdownOnStartEvent(t *testing.T) {
	c := func(who, category string) arE {
		r := arD(who, 0)
		r.props = map[string]string{"category": category}
		return r
	}
	ev := arEvents("signup", c("person1", "clothing"), c("person2", "clothing"), c("person3", "electronics"))
	ev = append(ev, arEvents("purchase", arD("person1", 1), arD("person1", 3), arD("person1", 5), arD("person2", 2),
		arD("person3", 1), arD("person3", 4), arD("person4", 1), arD("person4", 4))...)
	with := func(name string) Matcher {
		return Matcher{Event: name, Where: func(e Event) bool { return e.Props["category"] == "clothing" }}
	}
	q := arQuery{start: with("signup"), ret: with("purchase"), dateTo: arDate(5, 0, 0), total: 6}
	arCheck(t, q, ev, [][]int64{{2, 0, 0, 0, 0, 0}, arZeros(5), arZeros(4), arZeros(3), arZeros(2), arZeros(1)})
}
