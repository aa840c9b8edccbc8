package civil

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
	"time"
)

func TestDateKnownAnswers(t *testing.T) {
	// Weekdays from any printed calendar: 2026-02-14 was a Saturday,
	// 2000-01-01 a Saturday, 0001-01-01 a Monday (proleptic Gregorian).
	for _, tt := range []struct {
		give Date
		want time.Weekday
	}{{Date{2026, 2, 14}, time.Saturday}, {Date{2000, 1, 1}, time.Saturday}, {MinDate, time.Monday}, {MaxDate, time.Friday}} {
		if got := tt.give.Weekday(); got != tt.want {
			t.Errorf("%v.Weekday() = %v, want %v", tt.give, got, tt.want)
		}
	}
	// Day numbers: 1970-01-01 is 0; 0001-01-01 is -719162 and 9999-12-31 is
	// 2932896 (Python: date(1,1,1).toordinal() - date(1970,1,1).toordinal()).
	if DayNumber(Date{1970, 1, 1}) != 0 || DayNumber(MinDate) != minDay || DayNumber(MaxDate) != maxDay {
		t.Fatalf("day numbers of the epoch and the bounds are wrong")
	}
	if got := (Date{2026, 2, 28}).AddDays(1); got != (Date{2026, 3, 1}) {
		t.Errorf("2026-02-28 + 1 = %v", got)
	}
	if got := (Date{2024, 2, 28}).AddDays(1); got != (Date{2024, 2, 29}) {
		t.Errorf("2024-02-28 + 1 = %v", got)
	}
	if got := MaxDate.AddDays(-(maxDay - minDay)); got != MinDate {
		t.Errorf("MaxDate - span = %v", got)
	}
}

// Issue 12: AddDays(math.MaxInt) gave year -25,252,734,927,764,529 and an
// invalid 2026-02-30 + 1 gave 2026-03-03. Invalid in or out of range: the
// zero Date.
func TestAddDaysBounds(t *testing.T) {
	d := Date{2026, 2, 14}
	for _, n := range []int{math.MaxInt, math.MinInt, math.MaxInt32, maxDay - minDay + 1, -(maxDay - minDay + 1)} {
		if got := d.AddDays(n); got != (Date{}) || got.IsValid() {
			t.Errorf("AddDays(%d) = %v, want the zero Date", n, got)
		}
	}
	if got := MaxDate.AddDays(1); got != (Date{}) {
		t.Errorf("MaxDate + 1 = %v", got)
	}
	if got := MinDate.AddDays(-1); got != (Date{}) {
		t.Errorf("MinDate - 1 = %v", got)
	}
	for _, bad := range []Date{{2026, 2, 30}, {2026, 13, 1}, {0, 1, 1}, {10000, 1, 1}, {2026, 6, 31}, {math.MaxInt, 1, 1}} {
		if got := bad.AddDays(1); got != (Date{}) {
			t.Errorf("%v + 1 = %v, want the zero Date", bad, got)
		}
	}
}

func TestDateText(t *testing.T) {
	var d Date
	if err := json.Unmarshal([]byte(`"2026-02-14"`), &d); err != nil || d != (Date{2026, 2, 14}) {
		t.Fatalf("unmarshal = %v, %v", d, err)
	}
	b, err := json.Marshal(struct {
		D Date `json:"d"`
	}{d})
	if err != nil || string(b) != `{"d":"2026-02-14"}` {
		t.Fatalf("marshal = %s, %v", b, err)
	}
	for _, bad := range []string{"2026-02-30", "2026-2-14", "+026-02-14", "2026-02-14 ", "0000-01-01", "2026/02/14", ""} {
		_, err := ParseDate(bad)
		var ce *Error
		if !errors.As(err, &ce) || ce.Kind != KindDate || ce.Input != bad {
			t.Errorf("ParseDate(%q) = %v, want a KindDate error", bad, err)
		}
	}
	if _, err := (Date{2026, 2, 30}).MarshalText(); err == nil {
		t.Errorf("MarshalText of 2026-02-30 succeeded")
	}
}

func TestClock(t *testing.T) {
	for _, tt := range []struct {
		give string
		want ClockTime
	}{{"09:00", 9 * 3600}, {"24:00", SecondsPerDay}, {"18:30:15", 18*3600 + 30*60 + 15}, {"00:00", 0}} {
		got, err := ParseClock(tt.give)
		if err != nil || got != tt.want || got.String() != tt.give {
			t.Errorf("ParseClock(%q) = %v (%d), %v; want %d", tt.give, got, got, err, tt.want)
		}
	}
	for _, bad := range []string{"24:01", "9:00", "09:60", "09:00:60", "-1:00", "09-00", "", "25:00", "+9:00"} {
		if _, err := ParseClock(bad); err == nil {
			t.Errorf("ParseClock(%q) succeeded", bad)
		}
	}
	if Clock(25, 0).IsValid() || Clock(math.MaxInt, 0).IsValid() || Clock(9, 60).IsValid() {
		t.Errorf("out-of-range Clock is valid")
	}
	r, err := ParseClockRange("09:00-18:00")
	if err != nil || r != (ClockRange{9 * 3600, 18 * 3600}) || r.String() != "09:00-18:00" {
		t.Fatalf("ParseClockRange = %v, %v", r, err)
	}
	if !r.Contains(9*3600) || r.Contains(18*3600) {
		t.Errorf("[09:00, 18:00) must hold 09:00 and not 18:00")
	}
	for _, bad := range []string{"18:00-09:00", "09:00-09:00", "09:00", "09:00-18:00-19:00", "09:00-25:00"} {
		if _, err := ParseClockRange(bad); err == nil {
			t.Errorf("ParseClockRange(%q) succeeded", bad)
		}
	}
}

// At follows time.Date across New York's 2026 DST changes (March 8 and
// November 1). The skipped 02:30 is read as time.Date reads it: 02:30 at
// -4 (EDT) = 06:30 UTC, which New York shows as 01:30 EST. The repeated
// 01:30 is its first occurrence: 01:30 EDT = 05:30 UTC.
func TestAtDST(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err) // time/tzdata is linked in (mutation_test.go)
	}
	gap := Date{2026, 3, 8}.At(2*3600+30*60, ny)
	if want := time.Date(2026, 3, 8, 6, 30, 0, 0, time.UTC); !gap.Equal(want) {
		t.Errorf("gap: At = %v, want %v", gap.UTC(), want)
	}
	overlap := Date{2026, 11, 1}.At(3600+30*60, ny)
	if want := time.Date(2026, 11, 1, 5, 30, 0, 0, time.UTC); !overlap.Equal(want) {
		t.Errorf("overlap: At = %v, want %v", overlap.UTC(), want)
	}
	end := Date{2026, 2, 14}.At(SecondsPerDay, nil)
	if want := time.Date(2026, 2, 15, 0, 0, 0, 0, time.UTC); !end.Equal(want) {
		t.Errorf("24:00 = %v, want %v", end, want)
	}
	if !(Date{2026, 2, 30}).At(0, ny).IsZero() || !(Date{2026, 2, 14}).At(-1, ny).IsZero() {
		t.Errorf("invalid input must give the zero time")
	}
}

// Round trips: any valid date's text parses back to it; AddDays never
// leaves the range and inverts itself.
func FuzzDate(f *testing.F) {
	f.Add(int64(0), int64(1))
	f.Add(int64(math.MaxInt64), int64(math.MinInt64))
	f.Add(int64(maxDay), int64(-1))
	f.Fuzz(func(t *testing.T, z, n int64) {
		d := FromDays(z)
		if z < minDay || z > maxDay {
			if d != (Date{}) {
				t.Fatalf("FromDays(%d) = %v out of range", z, d)
			}
			return
		}
		if !d.IsValid() || DayNumber(d) != z {
			t.Fatalf("FromDays(%d) = %v, DayNumber back %d", z, d, DayNumber(d))
		}
		b, err := d.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Date
		if err := back.UnmarshalText(b); err != nil || back != d {
			t.Fatalf("round trip %s = %v, %v", b, back, err)
		}
		e := d.AddDays(int(n))
		if e == (Date{}) {
			return
		}
		if !e.IsValid() || e.AddDays(-int(n)) != d {
			t.Fatalf("%v + %d = %v does not invert", d, n, e)
		}
	})
}

func FuzzParse(f *testing.F) {
	f.Add("2026-02-14")
	f.Add("24:00")
	f.Add("09:00-18:00")
	f.Fuzz(func(t *testing.T, s string) {
		if d, err := ParseDate(s); err == nil && d.String() != s {
			t.Fatalf("ParseDate(%q) = %v", s, d)
		}
		if c, err := ParseClock(s); err == nil {
			if back, err := ParseClock(c.String()); err != nil || back != c {
				t.Fatalf("ParseClock(%q) round trip", s)
			}
		}
		if r, err := ParseClockRange(s); err == nil && !r.IsValid() {
			t.Fatalf("ParseClockRange(%q) = invalid %v", s, r)
		}
	})
}

// TestWeekdayNames pins the library's one weekday spelling: the lowercase
// English name, read back by ParseWeekday; nothing else is accepted.
func TestWeekdayNames(t *testing.T) {
	want := []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		if got := WeekdayName(wd); got != want[wd] {
			t.Errorf("WeekdayName(%v) = %q, want %q", wd, got, want[wd])
		}
		if got, ok := ParseWeekday(want[wd]); !ok || got != wd {
			t.Errorf("ParseWeekday(%q) = %v, %v", want[wd], got, ok)
		}
	}
	for _, wd := range []time.Weekday{-1, 7} {
		if got := WeekdayName(wd); got != "" {
			t.Errorf("WeekdayName(%d) = %q, want \"\"", wd, got)
		}
	}
	for _, s := range []string{"mon", "Monday", "MONDAY", "", "monday "} {
		if _, ok := ParseWeekday(s); ok {
			t.Errorf("ParseWeekday(%q) accepted", s)
		}
	}
}
