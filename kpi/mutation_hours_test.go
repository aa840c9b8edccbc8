package kpi

import (
	"encoding/binary"
	"testing"
	"time"
)

// edgeZone is a made-up zone (TZif version 2, RFC 8536) whose only offset
// changes sit on the edges of the years NewSchedule caches: +0 until
// 1970-01-01 02:00 UTC, then +1 (the 1970-01-01 wall clock skips 02:00 to
// 03:00: a 23-hour day), back to +0 at 2100-12-31 01:00 UTC (02:00 local
// falls back to 01:00: a 25-hour day). No real zone changes offset on
// those days.
func edgeZone(t testing.TB) *time.Location {
	return tzif(t, "Edge", []int32{0, 3600},
		[]int64{2 * 3600, time.Date(2100, 12, 31, 1, 0, 0, 0, time.UTC).Unix()}, []byte{1, 0})
}

// tzif builds a location from TZif version 2 data (RFC 8536): offsets[0]
// is in force before the first transition, at[i] (Unix seconds) switches to
// offsets[to[i]]. Abbreviations are "Z0", "Z1", ...
func tzif(t testing.TB, name string, offsets []int32, at []int64, to []byte) *time.Location {
	t.Helper()
	be := binary.BigEndian
	var abbr []byte
	for i := range offsets {
		abbr = append(abbr, 'Z', byte('0'+i), 0)
	}
	var b []byte
	header := func(timecnt, typecnt, charcnt int) {
		b = append(b, "TZif2"...)
		b = append(b, make([]byte, 15)...)
		for _, n := range []int{0, 0, 0, timecnt, typecnt, charcnt} {
			b = be.AppendUint32(b, uint32(n))
		}
	}
	header(0, 0, 0) // an empty 32-bit block
	header(len(at), len(offsets), len(abbr))
	for _, u := range at {
		b = be.AppendUint64(b, uint64(u))
	}
	b = append(b, to...)
	for i, off := range offsets {
		b = be.AppendUint32(b, uint32(off))
		b = append(b, byte(min(i, 1)), byte(3*i)) // type 0 standard, the others daylight
	}
	b = append(b, abbr...)
	loc, err := time.LoadLocationFromTZData(name, b)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func allDayWeek() WeeklyHours {
	var w [7][]ClockRange
	for i := range w {
		w[i] = []ClockRange{{Start: 0, End: Clock(24, 0)}}
	}
	return byIndex(w)
}

// With working time all day every day, Between(a, b) is the real time
// elapsed, b - a, whatever the offset changes in between: a known answer
// for every path of Between (one to three days, the cached corrections of
// 1970-2100 and the walked ones outside them, and their edges).
func TestBetweenAllDayIsElapsed(t *testing.T) {
	edge := edgeZone(t)
	ny := loadLoc(t, "America/New_York")
	lh := loadLoc(t, "Australia/Lord_Howe") // 30-minute DST
	// The made-up zone's two days, checked against time.Date itself.
	if d := time.Date(1970, 1, 2, 0, 0, 0, 0, edge).Sub(time.Date(1970, 1, 1, 0, 0, 0, 0, edge)); d != 23*time.Hour {
		t.Fatalf("edge zone 1970-01-01 has %v", d)
	}
	if d := time.Date(2101, 1, 1, 0, 0, 0, 0, edge).Sub(time.Date(2100, 12, 31, 0, 0, 0, 0, edge)); d != 25*time.Hour {
		t.Fatalf("edge zone 2100-12-31 has %v", d)
	}
	at := func(loc *time.Location, y int, m time.Month, d, h int) time.Time {
		return time.Date(y, m, d, h, 0, 0, 0, loc)
	}
	spans := []struct{ a, b time.Time }{
		// Cache edge at 1970: the interior days end exactly on day 0, run
		// past it, and start on it.
		{at(edge, 1969, 12, 25, 12), at(edge, 1970, 1, 2, 12)},
		{at(edge, 1969, 12, 25, 12), at(edge, 1970, 1, 10, 12)},
		{at(edge, 1969, 12, 31, 12), at(edge, 1970, 1, 5, 12)},
		{at(edge, 1969, 12, 30, 12), at(edge, 1970, 1, 1, 12)},
		// Cache edge at 2100: interior days ending on, running past and
		// starting on day 47846 (2100-12-31).
		{at(edge, 2100, 12, 20, 12), at(edge, 2101, 1, 1, 12)},
		{at(edge, 2100, 12, 20, 12), at(edge, 2101, 1, 10, 12)},
		{at(edge, 2100, 12, 30, 12), at(edge, 2101, 1, 3, 12)},
		{at(edge, 2100, 12, 29, 12), at(edge, 2101, 1, 1, 12)},
		{at(edge, 1960, 1, 1, 0), at(edge, 2110, 1, 1, 0)},
		// New York before 1970 (DST began 1969-04-27) and after 2100 (DST
		// begins 2101-03-13): changes just after the first interior day.
		{at(ny, 1969, 4, 25, 12), at(ny, 1969, 5, 10, 12)},
		{at(ny, 1969, 4, 22, 12), at(ny, 1969, 5, 10, 12)},
		{at(ny, 1969, 10, 20, 12), at(ny, 1969, 10, 30, 12)},
		{at(ny, 2101, 3, 10, 12), at(ny, 2101, 3, 20, 12)},
		{at(ny, 2101, 11, 1, 12), at(ny, 2101, 11, 10, 12)},
		{at(ny, 1950, 1, 1, 0), at(ny, 1969, 12, 1, 0)},
		{at(ny, 2101, 1, 1, 0), at(ny, 2130, 1, 1, 0)},
		{at(ny, 2026, 3, 7, 12), at(ny, 2026, 3, 9, 12)},
		{at(ny, 2026, 3, 6, 12), at(ny, 2026, 3, 10, 12)},
		{at(lh, 2026, 4, 1, 12), at(lh, 2026, 4, 10, 12)},
		{at(lh, 1990, 1, 1, 0), at(lh, 2030, 1, 1, 0)},
	}
	for _, loc := range []*time.Location{edge, ny, lh} {
		s := MustSchedule(ScheduleSpec{Location: loc, Weekly: allDayWeek()})
		for _, sp := range spans {
			a, b := sp.a.In(loc), sp.b.In(loc)
			if got := s.Between(a, b); got != b.Sub(a) {
				t.Errorf("%s: Between(%v, %v) = %v, want %v", loc, a, b, got, b.Sub(a))
			}
		}
	}
}

// The work of one walked offset change, counted by hand: New York,
// 1969-04-20 to 1969-05-10 (before the cached years). Zone lookups: a, b
// (in another period) = 2; the first and last days = 2; the walk: its first
// lookup 1, the change of 1969-04-27 1 and its five days 5 (04-25..04-29,
// inside the interior 04-21..05-09); the next change (October) lies past
// the walk's end. Total 11.
func TestBetweenWalkWork(t *testing.T) {
	ny := loadLoc(t, "America/New_York")
	s := MustSchedule(ScheduleSpec{Location: ny, Weekly: allDayWeek()})
	a, b := time.Date(1969, 4, 20, 12, 0, 0, 0, ny), time.Date(1969, 5, 10, 12, 0, 0, 0, ny)
	d, work := s.between(a, b)
	if d != b.Sub(a) || work != 11 {
		t.Errorf("between = %v, work %d; want %v, 11", d, work, b.Sub(a))
	}
}

// A walked change at local midnight in a zone east of UTC: +3 until
// 1969-06-01 00:00 local (1969-05-31 21:00 UTC), then +4, so 1969-06-01
// starts at 01:00 and has 23 hours. The walk must look before the first
// interior day to find it (its UTC instant lies on the day before).
func TestBetweenWalkFindsChangeAtMidnight(t *testing.T) {
	loc := tzif(t, "East", []int32{3 * 3600, 4 * 3600}, []int64{time.Date(1969, 5, 31, 21, 0, 0, 0, time.UTC).Unix()}, []byte{1})
	if d := time.Date(1969, 6, 2, 0, 0, 0, 0, loc).Sub(time.Date(1969, 6, 1, 0, 0, 0, 0, loc)); d != 23*time.Hour {
		t.Fatalf("1969-06-01 has %v", d)
	}
	s := MustSchedule(ScheduleSpec{Location: loc, Weekly: allDayWeek()})
	for _, sp := range []struct{ a, b time.Time }{
		{time.Date(1969, 5, 31, 12, 0, 0, 0, loc), time.Date(1969, 6, 10, 12, 0, 0, 0, loc)},
		{time.Date(1969, 5, 30, 12, 0, 0, 0, loc), time.Date(1969, 6, 3, 12, 0, 0, 0, loc)},
		{time.Date(1969, 5, 20, 12, 0, 0, 0, loc), time.Date(1969, 5, 31, 23, 30, 0, 0, loc)},
	} {
		if got := s.Between(sp.a, sp.b); got != sp.b.Sub(sp.a) {
			t.Errorf("Between(%v, %v) = %v, want %v", sp.a, sp.b, got, sp.b.Sub(sp.a))
		}
	}
}

// Between's work, counted by hand (1 per zone lookup, 1 per day computed
// range by range, 2 per binary search of the cached corrections), New York
// with all-day working time, where the result is the elapsed time.
func TestBetweenWorkCounts(t *testing.T) {
	ny := loadLoc(t, "America/New_York")
	s := MustSchedule(ScheduleSpec{Location: ny, Weekly: allDayWeek()})
	at := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, ny) }
	for _, tt := range []struct {
		name string
		a, b time.Time
		work int
	}{
		// b is exactly the end of a's offset period (2026-03-08 07:00 UTC,
		// 02:00 EST becomes 03:00 EDT): a's lookup, b's lookup, two days.
		{"b at a change", at(2026, 3, 7, 12), time.Date(2026, 3, 8, 7, 0, 0, 0, time.UTC), 4},
		// Three days (zb - za = 2) are computed one by one: 1 + 3.
		{"three days", at(2026, 2, 9, 12), at(2026, 2, 11, 12), 4},
		// Go's ZoneBounds ends the period at or before an instant on the
		// last day of a leap year past the zone's last explicit transition
		// (2040-12-31 in New York); zoneAt reads the next day's bounds, same
		// offset, so the period runs on to 2041-03-10: 1 lookup + 2 days.
		{"leap-year end", at(2040, 12, 31, 12), at(2041, 1, 1, 6), 3},
		// Interior days 1970-01-01..01-03 start on the first cached day:
		// 1 lookup + 2 end days + 2 for the cached sum, no walk.
		{"interior from day 0", at(1969, 12, 31, 12), at(1970, 1, 4, 12), 5},
		// Interior days 2100-12-29..12-31 end on the last cached day. Past
		// its last explicit transition (2037) Go splits a zone's periods at
		// 1 January 00:00 UTC, so b needs its own lookup: 2 + 2 + 2.
		{"interior to day 47846", at(2100, 12, 28, 12), at(2101, 1, 1, 12), 6},
	} {
		d, work := s.between(tt.a, tt.b)
		if d != tt.b.Sub(tt.a) || work != tt.work {
			t.Errorf("%s: between = %v, work %d; want %v, %d", tt.name, d, work, tt.b.Sub(tt.a), tt.work)
		}
	}
}

// Walked changes in a zone west of UTC (before 1970, so not cached): -10
// springs to -9 at 1969-06-14 23:00 local, an hour before midnight, so the
// change's UTC instant (06-15 09:00) lies a day past the local day it
// corrects; then -9 falls back to -10 at 1969-06-20 12:00 and springs to -9
// again at 06-21 12:00, one day apart, so the days around the two changes
// overlap and each must be corrected once.
func TestBetweenWalkWestOfUTC(t *testing.T) {
	at := func(d, h int) int64 { return time.Date(1969, 6, d, h, 0, 0, 0, time.UTC).Unix() }
	loc := tzif(t, "West", []int32{-10 * 3600, -9 * 3600}, []int64{at(15, 9), at(20, 21), at(21, 22)}, []byte{1, 0, 1})
	if d := time.Date(1969, 6, 15, 0, 0, 0, 0, loc).Sub(time.Date(1969, 6, 14, 0, 0, 0, 0, loc)); d != 23*time.Hour {
		t.Fatalf("1969-06-14 has %v", d)
	}
	s := MustSchedule(ScheduleSpec{Location: loc, Weekly: allDayWeek()})
	local := func(d, h int) time.Time { return time.Date(1969, 6, d, h, 0, 0, 0, loc) }
	for _, sp := range []struct{ a, b time.Time }{
		{local(10, 12), local(15, 12)},
		{local(17, 12), local(25, 12)},
		{local(19, 12), local(23, 12)},
		{local(1, 0), local(30, 0)},
	} {
		if got := s.Between(sp.a, sp.b); got != sp.b.Sub(sp.a) {
			t.Errorf("Between(%v, %v) = %v, want %v", sp.a, sp.b, got, sp.b.Sub(sp.a))
		}
	}
}

// The end of [a, b) inside a second: b half a microsecond after 18:00:00
// adds nothing past the 09:00-18:00 range, and b half a microsecond before
// it stops there.
func TestBetweenNanosecondsAtRangeEnd(t *testing.T) {
	s := MustSchedule(ScheduleSpec{Location: time.UTC, Weekly: weekdays(nineToSix())})
	mon := func(h, m, sec, ns int) time.Time { return time.Date(2026, 2, 9, h, m, sec, ns, time.UTC) }
	for _, tt := range []struct {
		a, b time.Time
		want time.Duration
	}{
		{mon(9, 0, 0, 0), mon(18, 0, 0, 500), 9 * time.Hour},
		{mon(9, 0, 0, 0), mon(17, 59, 59, 999_999_500), 9*time.Hour - 500},
		{mon(8, 59, 59, 999_999_500), mon(9, 0, 0, 500), 500},
		{mon(18, 0, 0, 0), mon(18, 0, 0, 1), 0},
	} {
		if got := s.Between(tt.a, tt.b); got != tt.want {
			t.Errorf("Between(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
