package funnel

import (
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests written from the survivors of the whole-package mutant scan of
// funnel (issue 19) in period.go, the mapping of times to periods.

// TestPeriodBucketAcrossMidnight: in a zone 7 minutes east of UTC, local
// midnight is 23:53 UTC, inside the 15-minute bucket 23:45-24:00 UTC, so
// that bucket holds two days. A return at 23:55 UTC (00:02 local, the next
// day) is retained on day 1, one at 23:50 UTC (23:57 local) on day 0
// (period.go: a bucket whose end lies in another period than its start is
// marked noPeriod, newPeriodMapper's "!= p", and its times are computed
// exactly, of's "p != noPeriod").
func TestPeriodBucketAcrossMidnight(t *testing.T) {
	zone := time.FixedZone("+00:07", 7*60)
	day := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	r := Retention{Start: Matcher{Event: "s"}, Return: Matcher{Event: "r"}, Period: ByDay, Location: zone, Periods: 1}
	late := time.Date(2024, 3, 1, 23, 55, 0, 0, time.UTC)
	early := time.Date(2024, 3, 1, 23, 50, 0, 0, time.UTC)
	tab, err := r.Run([]Event{
		{Actor: "u", Name: "s", Time: day}, {Actor: "u", Name: "r", Time: late},
		{Actor: "v", Name: "s", Time: day}, {Actor: "v", Name: "r", Time: early},
		{Actor: "w", Name: "s", Time: day}, {Actor: "w", Name: "r", Time: late.Add(time.Hour)},
	})
	require.NoError(t, err)
	require.Len(t, tab.Cohorts, 1)
	c := tab.Cohorts[0]
	assert.True(t, c.Start.Equal(time.Date(2024, 3, 1, 0, 0, 0, 0, zone)), c.Start)
	assert.Equal(t, int64(3), c.Size)
	assert.Equal(t, []int64{3, 2}, c.Retained) // u and w return on day 1
}

// TestPeriodMapperWideRangeMemory: two actors five centuries apart take
// about 17.5 million 15-minute buckets; the table of periods is built only
// when the buckets are at most 2^16 more than the times (period.go
// newPeriodMapper, "buckets > uint64(len(times))+1<<16"), so the run
// allocates a few kilobytes (checked under 16 MB), not the 140 MB such a
// table would take.
func TestPeriodMapperWideRangeMemory(t *testing.T) {
	r := Retention{Start: Matcher{Event: "s"}, Return: Matcher{Event: "r"}, Period: ByMonth, Periods: 1}
	events := []Event{
		{Actor: "u", Name: "s", Time: time.Date(1700, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Actor: "v", Name: "s", Time: time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Actor: "v", Name: "r", Time: time.Date(2200, 2, 1, 0, 0, 0, 0, time.UTC)},
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	tab, err := r.Run(events)
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	require.Len(t, tab.Cohorts, 2)
	assert.Equal(t, []int64{1, 1}, tab.Cohorts[1].Retained)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(16<<20)) // with room for other tests running in parallel
}

// TestCohortRateEdges: Rate(0) is 1 for a non-empty cohort (every member
// counts at period 0), Rate past the last observable period and below 0
// is 0 (retention.go Rate, "k < 0 || k >= len(c.Retained)"): 4 members, 1
// back a period later.
func TestCohortRateEdges(t *testing.T) {
	c := Cohort{Size: 4, Retained: []int64{4, 1}}
	assert.Equal(t, 1.0, c.Rate(0))
	assert.Equal(t, 0.25, c.Rate(1))
	assert.Equal(t, 0.0, c.Rate(2))
	assert.Equal(t, 0.0, c.Rate(-1))
}

// TestRetentionMaxPeriods: MaxRetentionPeriods periods are allowed, one
// more is ErrInvalidPeriod naming periods (retention.go check, "r.Periods >
// MaxRetentionPeriods").
func TestRetentionMaxPeriods(t *testing.T) {
	r := Retention{Start: Matcher{Event: "s"}, Return: Matcher{Event: "r"}, Periods: MaxRetentionPeriods}
	tab, err := r.Run([]Event{{Actor: "u", Name: "s", Time: base}, {Actor: "u", Name: "r", Time: base.AddDate(0, 0, 2)}})
	require.NoError(t, err)
	require.Len(t, tab.Cohorts, 1)
	assert.Len(t, tab.Cohorts[0].Retained, MaxRetentionPeriods+1)
	assert.Equal(t, int64(1), tab.Cohorts[0].Retained[2])
	r.Periods++
	_, err = r.Run(nil)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.ErrorIs(t, err, ErrInvalidPeriod)
	assert.Equal(t, "periods", fe.Field)
}

// TestRetentionManyPeriodsBits: with 100 periods each actor's returns take
// two 64-bit words (retention.go firstTime: "int(a)*words+int(k>>6)",
// "bits[a*words:(a+1)*words]", "w*64"). u starts on day 0 and returns on
// days 3 and 70, v starts on day 0 and returns on day 65, w starts on day 1
// and returns 99 days later: cohort 0 has 2 members, back at 3, 65 and 70
// (1 each); cohort 1 has w, back at 99.
func TestRetentionManyPeriodsBits(t *testing.T) {
	day := func(d int) time.Time { return base.AddDate(0, 0, d) }
	r := Retention{Start: Matcher{Event: "s"}, Return: Matcher{Event: "r"}, Periods: 100}
	tab, err := r.Run([]Event{
		{Actor: "u", Name: "s", Time: day(0)}, {Actor: "u", Name: "r", Time: day(3)}, {Actor: "u", Name: "r", Time: day(70)},
		{Actor: "v", Name: "s", Time: day(0)}, {Actor: "v", Name: "r", Time: day(65)},
		{Actor: "w", Name: "s", Time: day(1)}, {Actor: "w", Name: "r", Time: day(100)},
	})
	require.NoError(t, err)
	require.Len(t, tab.Cohorts, 2)
	want0, want1 := make([]int64, 101), make([]int64, 101)
	want0[0], want0[3], want0[65], want0[70] = 2, 1, 1, 1
	want1[0], want1[99] = 1, 1
	assert.Equal(t, want0, tab.Cohorts[0].Retained)
	assert.Equal(t, want1, tab.Cohorts[1].Retained)
}

// TestRetentionBinaryMaxPeriods: a table of MaxRetentionPeriods periods
// with an as-of time on its last cohort's day keeps 367 entries for the
// first cohort and 1 with 366 pending for the last, and comes back equal
// from its binary form (retention_merge.go UnmarshalBinary, "m >
// MaxRetentionPeriods+1", "pending > MaxRetentionPeriods").
func TestRetentionBinaryMaxPeriods(t *testing.T) {
	asOf := base.AddDate(0, 0, 400)
	r := Retention{Start: Matcher{Event: "s"}, Return: Matcher{Event: "r"}, Periods: MaxRetentionPeriods, AsOf: asOf}
	tab, err := r.Run([]Event{{Actor: "u", Name: "s", Time: base}, {Actor: "v", Name: "s", Time: asOf}})
	require.NoError(t, err)
	first, last := tab.Cohorts[0], tab.Cohorts[len(tab.Cohorts)-1]
	require.Len(t, first.Retained, MaxRetentionPeriods+1)
	require.Equal(t, MaxRetentionPeriods, last.Pending)
	b, err := tab.MarshalBinary()
	require.NoError(t, err)
	var back RetentionTable
	require.NoError(t, back.UnmarshalBinary(b))
	assert.Equal(t, len(tab.Cohorts), len(back.Cohorts))
	assert.Equal(t, first.Retained, back.Cohorts[0].Retained)
	assert.Equal(t, MaxRetentionPeriods, back.Cohorts[len(back.Cohorts)-1].Pending)
}
