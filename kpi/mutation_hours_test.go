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
	t.Helper()
	be := binary.BigEndian
	var b []byte
	header := func(timecnt, typecnt, charcnt uint32) {
		b = append(b, "TZif2"...)
		b = append(b, make([]byte, 15)...)
		for _, n := range []uint32{0, 0, 0, timecnt, typecnt, charcnt} {
			b = be.AppendUint32(b, n)
		}
	}
	header(0, 0, 0) // empty 32-bit block
	header(2, 2, 8)
	b = be.AppendUint64(b, uint64(2*3600))                                               // 1970-01-01 02:00 UTC
	b = be.AppendUint64(b, uint64(time.Date(2100, 12, 31, 1, 0, 0, 0, time.UTC).Unix())) // 2100-12-31 01:00 UTC
	b = append(b, 1, 0)                                                                  // to +1, then back to +0
	b = be.AppendUint32(b, 0)
	b = append(b, 0, 0) // type 0: +0, standard, "ZZ0"
	b = be.AppendUint32(b, 3600)
	b = append(b, 1, 4) // type 1: +1, daylight, "ZZ1"
	b = append(b, "ZZ0\x00ZZ1\x00"...)
	loc, err := time.LoadLocationFromTZData("Edge", b)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func allDayWeek() [7][]ClockRange {
	var w [7][]ClockRange
	for i := range w {
		w[i] = []ClockRange{{Start: 0, End: Clock(24, 0)}}
	}
	return w
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
