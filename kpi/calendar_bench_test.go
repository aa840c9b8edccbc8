package kpi

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// calendarSchedule is Monday-Friday 09:00-12:00 and 13:00-18:00 in
// Shanghai with the official calendar of 2024-2026.
func calendarSchedule(tb testing.TB) Schedule {
	return MustSchedule(ScheduleSpec{Location: loadLoc(tb, "Asia/Shanghai"), Calendar: ChinaCalendar(),
		Weekly: MondayToFriday(ClockRange{Start: Clock(9, 0), End: Clock(12, 0)}, ClockRange{Start: Clock(13, 0), End: Clock(18, 0)})})
}

// variedIntervals returns n intervals in 2023-2027 of every length: a
// quarter under an hour, a quarter under a week, a quarter under a
// quarter-year, a quarter up to five years.
func variedIntervals(n int) [][2]time.Time {
	rng := rand.New(rand.NewPCG(17, 5))
	base := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	spans := []int64{3600, 7 * 86400, 91 * 86400, 5 * 365 * 86400}
	out := make([][2]time.Time, n)
	for i := range out {
		a := time.Unix(base+rng.Int64N(4*365*86400), rng.Int64N(1e9))
		out[i] = [2]time.Time{a, a.Add(time.Duration(rng.Int64N(spans[i%4])) * time.Second)}
	}
	return out
}

// Between on varied intervals with the calendar: the issue asks for at
// least 5,000,000 a second (at most 200 ns each).
func BenchmarkBetweenVariedCalendar(b *testing.B) {
	s := calendarSchedule(b)
	iv := variedIntervals(4096)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkDuration = s.Between(iv[i&4095][0], iv[i&4095][1])
		i++
	}
}

// 1,000,000 messages in business hours with the calendar: the issue asks
// for at most 0.3 s.
func BenchmarkServiceMetrics1MCalendar(b *testing.B) {
	msgs, orders := serviceData(1_000_000)
	s := calendarSchedule(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		sinkReport, sinkErr = ServiceMetrics(msgs, orders, ServiceOptions{Schedule: &s})
	}
	if sinkErr != nil {
		b.Fatal(sinkErr)
	}
}

// Issue 12's hostile case with the calendar: 20,000 turns each spanning 50
// years (1976-2026, across the calendar's years) in Shanghai.
func BenchmarkServiceMetricsLongTurnsCalendar(b *testing.B) {
	s := calendarSchedule(b)
	var msgs []Message
	t0 := time.Date(1976, 1, 1, 0, 0, 0, 0, time.UTC)
	for c := 0; c < 20000; c++ {
		conv := fmt.Sprintf("c%d", c)
		msgs = append(msgs, Message{Conversation: conv, Customer: conv, Role: RoleCustomer, At: t0.Add(time.Duration(c) * time.Minute)},
			Message{Conversation: conv, Customer: conv, Role: RoleAgent, Agent: "a", At: t0.Add(time.Duration(c)*time.Minute + 50*365*24*time.Hour)})
	}
	b.ResetTimer()
	for b.Loop() {
		sinkReport, sinkErr = ServiceMetrics(msgs, nil, ServiceOptions{Schedule: &s})
	}
	if sinkErr != nil {
		b.Fatal(sinkErr)
	}
}

// The work of Between does not grow with the holidays inside a span: with
// the calendar's 89 holidays and 19 make-up days, a 50-year span in
// Shanghai costs the same handful of lookups as a week (counted, not
// timed): 2 zone lookups, the first and last day, and the 2 binary searches
// of the cached corrections.
func TestBetweenWorkWithCalendar(t *testing.T) {
	s := calendarSchedule(t)
	sh := s.Location()
	for _, tc := range []struct {
		a, b time.Time
	}{
		{time.Date(2026, 2, 13, 10, 0, 0, 0, sh), time.Date(2026, 2, 24, 10, 0, 0, 0, sh)},
		{time.Date(1995, 1, 1, 0, 0, 0, 0, sh), time.Date(2045, 1, 1, 0, 0, 0, 0, sh)},
	} {
		_, work := s.between(tc.a, tc.b)
		if work > 6 {
			t.Errorf("Between(%v, %v): work %d, want at most 6", tc.a, tc.b, work)
		}
	}
	// 50 years = the weekdays of 1995-2044 by hand, minus the calendar's
	// holidays on weekdays plus its make-up days, times 8 hours:
	// 2024-2026 have 251 + 248 + 248 working days against 262 + 261 + 261
	// weekdays, so the calendar removes 37 days (296 hours) from the plain
	// Monday-Friday count.
	plain := MustSchedule(ScheduleSpec{Location: sh,
		Weekly: MondayToFriday(ClockRange{Start: Clock(9, 0), End: Clock(12, 0)}, ClockRange{Start: Clock(13, 0), End: Clock(18, 0)})})
	a, b := time.Date(1995, 1, 1, 0, 0, 0, 0, sh), time.Date(2045, 1, 1, 0, 0, 0, 0, sh)
	if got, want := plain.Between(a, b)-s.Between(a, b), 37*8*time.Hour; got != want {
		t.Errorf("plain - calendar over 50 years = %v, want %v", got, want)
	}
}

// Differential: Between with the calendar against the day-by-day walk of
// hours_ref_test.go, on varied intervals in three zones.
func TestBetweenCalendarMatchesDayByDay(t *testing.T) {
	iv := variedIntervals(400)
	for _, zone := range []string{"Asia/Shanghai", "America/New_York", "Europe/Berlin"} {
		s := MustSchedule(ScheduleSpec{Location: loadLoc(t, zone), Calendar: ChinaCalendar(),
			Weekly: WeeklyHours{Monday: []ClockRange{nineToSix()}, Wednesday: []ClockRange{{Start: Clock(1, 0), End: Clock(4, 0)}},
				Friday: []ClockRange{{Start: 0, End: Clock(24, 0)}}, Sunday: []ClockRange{{Start: Clock(22, 0), End: Clock(24, 0)}}}})
		for _, x := range iv {
			if got, want := s.Between(x[0], x[1]), refBetween(s, x[0], x[1]); got != want {
				t.Fatalf("%s: Between(%v, %v) = %v, day by day %v", zone, x[0], x[1], got, want)
			}
		}
	}
}

// Fuzz: Between with the calendar equals the day-by-day walk (the old
// algorithm, kept as the reference), for any interval of up to 3 years in
// 2023-2027.
func FuzzBetweenCalendarReference(f *testing.F) {
	s := calendarSchedule(f)
	base := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	f.Add(int64(0), int64(86400*400), int64(0))
	f.Add(int64(86400*410), int64(86400*3), int64(999_999_999))
	f.Fuzz(func(t *testing.T, off, length, ns int64) {
		off = ((off % (5 * 365 * 86400)) + 5*365*86400) % (5 * 365 * 86400)
		length %= 3 * 365 * 86400
		ns = ((ns % 1e9) + 1e9) % 1e9
		a := time.Unix(base+off, ns)
		b := a.Add(time.Duration(length) * time.Second)
		if got, want := s.Between(a, b), refBetween(s, a, b); got != want {
			t.Fatalf("Between(%v, %v) = %v, day by day %v", a, b, got, want)
		}
	})
}
