package kpi

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests written from the survivors of the gremlins run over the rest of
// kpi (issue 19), for hours.go.

// IsOpen reads the wall clock to the second: 09:00:30 is 30 s into a
// 09:00-18:00 range (hand arithmetic: 9·3600 + 0·60 + 30 = 32,430 s after
// midnight, past the start at 32,400 s), 08:59:30 is 30 s before it.
func TestIsOpenSeconds(t *testing.T) {
	s := shanghaiSchedule(t)
	loc := s.Location()
	assert.True(t, s.IsOpen(time.Date(2026, 2, 9, 9, 0, 30, 0, loc)), "09:00:30 open")
	assert.False(t, s.IsOpen(time.Date(2026, 2, 9, 8, 59, 30, 0, loc)), "08:59:30 closed")
	assert.True(t, s.IsOpen(time.Date(2026, 2, 9, 17, 59, 59, 0, loc)), "17:59:59 open")
}

// denseZone is a made-up zone (TZif version 2, RFC 8536) whose offset flips
// between +0 and +1 every three hours for ten days from 2026-06-01 00:00
// UTC: eighty changes, eight a day, far more than any real zone has.
func denseZone(t testing.TB) *time.Location {
	base := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC).Unix()
	var at []int64
	var to []byte
	for k := range 80 {
		at = append(at, base+int64(k)*3*3600)
		to = append(to, byte(1-k%2)) // +1, +0, +1, ...
	}
	return tzif(t, "Dense", []int32{0, 3600}, at, to)
}

// With working time all day every day, Between(a, b) is the real time
// elapsed, b - a, however many offset changes lie near a day (issue 19:
// the periods around a day were cut at eight, so a day preceded by eight
// changes in the three days before it mapped its ranges with a wrong
// offset and lost an hour: 2026-06-01 03:00 +01 to 06-04 02:00 +01 gave
// 70 h, not the 71 h elapsed).
func TestBetweenDenseZoneIsElapsed(t *testing.T) {
	loc := denseZone(t)
	s := MustSchedule(ScheduleSpec{Location: loc, Weekly: allDayWeek()})
	start := time.Date(2026, 5, 30, 0, 0, 0, 0, time.UTC)
	for h := 0; h < 24*14; h += 5 {
		for _, l := range []time.Duration{time.Hour, 11 * time.Hour, 29 * time.Hour, 71 * time.Hour, 100 * time.Hour} {
			a := start.Add(time.Duration(h) * time.Hour).In(loc)
			b := a.Add(l)
			if got := s.Between(a, b); got != l {
				t.Fatalf("Between(%v, %v) = %v, want %v", a, b, got, l)
			}
		}
	}
}

// TestBetweenAtTheFallBackHour pins wallInstant at the wall time the clock
// turns back to: in New York on 2026-11-01, 02:00 EDT (06:00 UTC) becomes
// 01:00 EST, so the wall time 02:00 is first shown at 02:00 EST (07:00
// UTC). A range 02:00-04:00 is then 2 real hours, and 00:00-02:00 is 3 (it
// holds the repeated hour). Read 02:00 as the instant of the change and
// they come out 3 and 2.
func TestBetweenAtTheFallBackHour(t *testing.T) {
	ny := loadLoc(t, "America/New_York")
	day := func(h0, m0, h1, m1 int) [7][]ClockRange {
		var w [7][]ClockRange
		for i := range w {
			w[i] = []ClockRange{{Start: Clock(h0, m0), End: Clock(h1, m1)}}
		}
		return w
	}
	from := time.Date(2026, 11, 1, 0, 0, 0, 0, ny)
	to := time.Date(2026, 11, 2, 0, 0, 0, 0, ny)
	for _, tt := range []struct {
		name string
		week [7][]ClockRange
		want time.Duration
	}{
		{"02:00-04:00", day(2, 0, 4, 0), 2 * time.Hour},
		{"00:00-02:00", day(0, 0, 2, 0), 3 * time.Hour},
	} {
		s, err := NewSchedule(ScheduleSpec{Location: ny, Weekly: byIndex(tt.week)})
		require.NoError(t, err)
		assert.Equal(t, tt.want, s.Between(from, to), tt.name)
	}
}
