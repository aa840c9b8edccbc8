package funnel

import (
	"time"

	"github.com/opskit/opskit/internal/checked"
)

// Granularity is the length of a calendar period for cohorts and
// lifecycles: a day, an ISO week (Monday to Sunday) or a calendar month, in
// a time.Location.
type Granularity uint8

const (
	// ByDay (the zero value) groups by calendar day (日留存).
	ByDay Granularity = iota
	// ByWeek groups by ISO week, Monday first (周留存).
	ByWeek
	// ByMonth groups by calendar month (月留存).
	ByMonth
)

var granularityNames = []string{"day", "week", "month"}

// String returns "day", "week" or "month", also its text form.
func (g Granularity) String() string { return enumString("Granularity", granularityNames, g) }

// MarshalText returns the name, or an error for a value outside the constants.
func (g Granularity) MarshalText() ([]byte, error) {
	return enumMarshal("Granularity", granularityNames, g)
}

// UnmarshalText parses a name as returned by String.
func (g *Granularity) UnmarshalText(b []byte) error {
	return enumUnmarshal("Granularity", granularityNames, g, b)
}

// floorDiv is a/b rounded toward −∞ for b > 0.
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// periodIndex numbers the period containing t (already in its location):
// days since 1970-01-01, weeks since the Monday 1969-12-29, or months since
// January of year 0.
func periodIndex(t time.Time, g Granularity) int64 {
	y, m, d := t.Date()
	days := floorDiv(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix(), 86400)
	switch g {
	case ByWeek:
		return floorDiv(days+3, 7)
	case ByMonth:
		return int64(y)*12 + int64(m) - 1
	}
	return days
}

// periodStart returns the first instant of period p in loc.
func periodStart(p int64, g Granularity, loc *time.Location) time.Time {
	switch g {
	case ByWeek:
		return time.Date(1970, 1, 1+int(p*7-3), 0, 0, 0, 0, loc)
	case ByMonth:
		return time.Date(int(floorDiv(p, 12)), time.Month(p-floorDiv(p, 12)*12+1), 1, 0, 0, 0, 0, loc)
	}
	return time.Date(1970, 1, 1+int(p), 0, 0, 0, 0, loc)
}

// periodMapper maps Unix-nanosecond times to period indices in a location.
// Over a compact time range it precomputes the period of every 15-minute
// bucket (UTC offsets are whole quarter hours since the 1970s), falling
// back to the exact computation for buckets that straddle a boundary and
// for wide ranges.
type periodMapper struct {
	g     Granularity
	loc   *time.Location
	min   int64
	table []int64 // period of each bucket, or noPeriod if it straddles
}

const (
	bucketNanos = int64(15 * time.Minute)
	noPeriod    = int64(-1 << 62)
)

func newPeriodMapper(g Granularity, loc *time.Location, times []int64) periodMapper {
	pm := periodMapper{g: g, loc: loc}
	if len(times) == 0 {
		return pm
	}
	lo, hi := times[0], times[0]
	for _, t := range times {
		lo, hi = min(lo, t), max(hi, t)
	}
	m, ok := checked.Mul(floorDiv(lo, bucketNanos), bucketNanos)
	if !ok {
		return pm // times near the int64 limit: exact computation only
	}
	pm.min = m
	buckets := uint64(hi-pm.min)/uint64(bucketNanos) + 1
	if buckets > uint64(len(times))+1<<16 {
		return pm
	}
	pm.table = make([]int64, buckets)
	for b := range pm.table {
		start := pm.min + int64(b)*bucketNanos
		p := pm.exact(start)
		if pm.exact(start+bucketNanos-1) != p {
			p = noPeriod
		}
		pm.table[b] = p
	}
	return pm
}

func (pm *periodMapper) exact(t int64) int64 {
	return periodIndex(time.Unix(0, t).In(pm.loc), pm.g)
}

// of returns the period of time t (Unix nanoseconds).
func (pm *periodMapper) of(t int64) int64 {
	if pm.table != nil {
		if p := pm.table[uint64(t-pm.min)/uint64(bucketNanos)]; p != noPeriod {
			return p
		}
	}
	return pm.exact(t)
}
