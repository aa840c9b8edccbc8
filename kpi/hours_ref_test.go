package kpi

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// refBetween is the day-by-day walk that Between used before issue 12: it
// maps every day's ranges to instants one by one. Between must agree with
// it everywhere (it is the definition); it costs O(days).
func refBetween(s Schedule, a, b time.Time) time.Duration {
	a, b = clampTime(a), clampTime(b)
	switch a.Compare(b) {
	case 0:
		return 0
	case 1:
		return -refBetween(s, b, a)
	}
	as, an := a.Unix(), int64(a.Nanosecond())
	bs, bn := b.Unix(), int64(b.Nanosecond())
	_, aoff := a.In(s.loc).Zone()
	_, boff := b.In(s.loc).Zone()
	var total int64
	for z := floorDiv(as+int64(aoff), secondsPerDay); z <= floorDiv(bs+int64(boff), secondsPerDay); z++ {
		local := z * secondsPerDay
		ps := periodsAround(s.loc, local, make([]period, 0, 8))
		for _, x := range s.spansAt(z) {
			us, ue := wallInstant(ps, local+x.start), wallInstant(ps, local+x.end)
			ls, ln := as, an
			if as < us {
				ls, ln = us, 0
			}
			hs, hn := bs, bn
			if bs >= ue {
				hs, hn = ue, 0
			}
			if hs < ls || (hs == ls && hn <= ln) {
				continue
			}
			total += (hs-ls)*int64(time.Second) + (hn - ln)
		}
	}
	return time.Duration(total)
}

func TestBetweenMatchesDayByDay(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 12))
	for _, name := range []string{"America/New_York", "Europe/Berlin", "Asia/Shanghai", "Australia/Lord_Howe", "UTC"} {
		loc := loadLoc(t, name)
		week := weekdays(ClockRange{Start: Clock(1, 0), End: Clock(4, 0)}, ClockRange{Start: Clock(9, 0), End: Clock(18, 0)})
		week.Sunday = []ClockRange{{Start: Clock(2, 0), End: Clock(3, 0)}, {Start: Clock(22, 0), End: Clock(24, 0)}}
		s := MustSchedule(ScheduleSpec{Location: loc, Weekly: week,
			Holidays:   []Date{MustDate(2026, 3, 8), MustDate(2026, 3, 29), MustDate(2026, 10, 1), MustDate(2027, 1, 1)},
			MakeUpDays: []DayHours{{Date: MustDate(2026, 11, 1), Hours: []ClockRange{{Start: Clock(0, 30), End: Clock(3, 30)}}}, {Date: MustDate(2026, 10, 4), Hours: []ClockRange{nineToSix()}}}})
		base := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC).Unix()
		for i := 0; i < 60; i++ {
			a := time.Unix(base+rng.Int64N(3*365*86400), rng.Int64N(1e9))
			b := a.Add(time.Duration(rng.Int64N(int64(400 * 24 * time.Hour))))
			if i%4 == 0 {
				b = a.Add(time.Duration(rng.Int64N(int64(5 * 24 * time.Hour))))
			}
			require.Equal(t, refBetween(s, a, b), s.Between(a, b), "%s: Between(%v, %v)", name, a, b)
		}
	}
}

// Issue 12: ServiceMetrics with a schedule walked every day of a turn (20k
// turns spanning 50 years: 3.3 s). Between's work is now bounded by the
// offset changes in the span, not its days: a 50-year span in Shanghai (no
// DST since 1991) is a handful of lookups; in New York (2 changes a year)
// about 100 changes and 7 days each, against 18,263 days walked before.
func TestBetweenWorkIsBounded(t *testing.T) {
	a := time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)
	b := time.Date(2045, 1, 1, 0, 0, 0, 0, time.UTC)
	sh := MustSchedule(ScheduleSpec{Location: loadLoc(t, "Asia/Shanghai"), Weekly: weekdays(nineToSix())})
	d, work := sh.between(a, b)
	assert.LessOrEqual(t, work, 10, "Shanghai, 50 years")
	// 18,263 days = 2,609 weeks: 13,045 weekdays (hand count: 2,609 × 5 from
	// Sunday 1995-01-01, the remaining day 2045-01-01 a Sunday), each 9 hours.
	assert.Equal(t, 13045*9*time.Hour, d)

	ny := MustSchedule(ScheduleSpec{Location: loadLoc(t, "America/New_York"), Weekly: weekdays(nineToSix())})
	_, work = ny.between(a, b)
	assert.LessOrEqual(t, work, 10, "New York, 50 years: the corrections of 1970-2100 are cached")

	// Extreme instants are clamped to years 1-9999; 9,998 years of 24-hour
	// days exceed time.Duration and saturate.
	all := MustSchedule(ScheduleSpec{Location: time.UTC, Weekly: byIndex([7][]ClockRange{{{Start: 0, End: Clock(24, 0)}}, {{Start: 0, End: Clock(24, 0)}}, {{Start: 0, End: Clock(24, 0)}}, {{Start: 0, End: Clock(24, 0)}}, {{Start: 0, End: Clock(24, 0)}}, {{Start: 0, End: Clock(24, 0)}}, {{Start: 0, End: Clock(24, 0)}}})})
	d, work = all.between(time.Unix(math.MinInt64/2, 0), time.Unix(math.MaxInt64/2, 0))
	assert.Equal(t, time.Duration(math.MaxInt64), d)
	assert.LessOrEqual(t, work, 10)
}

// Between against the day-by-day walk, with instants anywhere in two years
// around New York's DST changes, and extreme instants clamped.
func FuzzBetweenReference(f *testing.F) {
	ny := loadLoc(f, "America/New_York")
	week := weekdays(ClockRange{Start: Clock(1, 0), End: Clock(4, 0)})
	week.Sunday = []ClockRange{{Start: 0, End: Clock(2, 30)}, {Start: Clock(23, 0), End: Clock(24, 0)}}
	s := MustSchedule(ScheduleSpec{Location: ny, Weekly: week, Holidays: []Date{MustDate(2026, 3, 9)},
		MakeUpDays: []DayHours{{Date: MustDate(2026, 11, 7), Hours: []ClockRange{{Start: Clock(2, 0), End: Clock(3, 0)}}}}})
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	f.Add(int64(0), int64(86400*400), int64(5))
	f.Add(int64(86400*304+5*3600), int64(86400*304+6*3600+71), int64(3))
	f.Fuzz(func(t *testing.T, x, y, ns int64) {
		const span = 2 * 366 * 86400
		a := time.Unix(base+floorMod(x, span), floorMod(ns, 1e9))
		b := time.Unix(base+floorMod(y, span), floorMod(ns/7, 1e9))
		if got, want := s.Between(a, b), refBetween(s, a, b); got != want {
			t.Fatalf("Between(%v, %v) = %v, want %v", a, b, got, want)
		}
	})
}

// Spans across the edges of the cached years (1970 and 2100) and far
// outside them agree with the day-by-day walk.
func TestBetweenAcrossCacheEdges(t *testing.T) {
	ny := loadLoc(t, "America/New_York")
	week := weekdays(ClockRange{Start: Clock(1, 0), End: Clock(4, 0)}, nineToSix())
	week.Sunday = []ClockRange{{Start: 0, End: Clock(3, 0)}}
	s := MustSchedule(ScheduleSpec{Location: ny, Weekly: week, Holidays: []Date{MustDate(1969, 10, 26), MustDate(2100, 3, 14)}})
	for _, tt := range []struct{ a, b time.Time }{
		{time.Date(1966, 3, 1, 7, 0, 0, 0, time.UTC), time.Date(1973, 6, 1, 0, 0, 0, 5, time.UTC)},
		{time.Date(2096, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2104, 12, 1, 13, 0, 0, 0, time.UTC)},
		{time.Date(1969, 12, 31, 1, 0, 0, 0, ny), time.Date(1970, 1, 3, 1, 0, 0, 0, ny)},
		{time.Date(2100, 12, 29, 1, 0, 0, 0, ny), time.Date(2101, 1, 2, 2, 0, 0, 0, ny)},
		{time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1905, 1, 1, 0, 0, 0, 0, time.UTC)},
	} {
		assert.Equal(t, refBetween(s, tt.a, tt.b), s.Between(tt.a, tt.b), "Between(%v, %v)", tt.a, tt.b)
	}
}

// NewSchedule computes the DST corrections of 1970-2100 once: bounded,
// and a few hundred offset changes for New York.
func BenchmarkNewScheduleNewYork(b *testing.B) {
	ny := loadLoc(b, "America/New_York")
	for b.Loop() {
		sinkSchedule, sinkErr = NewSchedule(ScheduleSpec{Location: ny, Weekly: weekdays(nineToSix())})
	}
}

var sinkSchedule Schedule
