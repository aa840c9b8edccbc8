package civil

import (
	"errors"
	"testing"
	"time"
	_ "time/tzdata" // zone data for TestAtDST, whatever the machine has
)

// Mutation pass (issue 19): known answers at the edges the other tests left
// loose. Equivalent mutants (gremlins v0.5.0), which no test can kill:
//
//   - digits, `len(s) > 0` as `len(s) >= 0`: digits is only called on fixed
//     slices s[0:4], s[5:7], s[8:10], s[0:2], s[3:5], s[6:8] of a string
//     whose length was checked, never on an empty string.
//   - FloorDiv, `a < 0` as `a <= 0`: for a = 0 the first operand a%b != 0
//     is already false.
//   - FloorDiv, `b < 0` as `b <= 0`: b > 0 is FloorDiv's precondition and
//     every caller passes the constant 7, 400 or 146097.

// Every day of years 1-9999 against the standard library's proleptic
// Gregorian calendar: time.Unix(z·86400) in UTC is day z. This pins
// DayNumber, FromDays and WeekdayOf on every leap rule (2000-02-29 is the
// last day of a 400-year era, 1900 has no February 29).
func TestEveryDayAgainstTime(t *testing.T) {
	if minDay != -719162 || maxDay != 2932896 {
		t.Fatalf("bounds %d, %d; want -719162, 2932896 (Python date.toordinal)", minDay, maxDay)
	}
	for z := int64(minDay); z <= maxDay; z++ {
		tm := time.Unix(z*86400, 0).UTC()
		y, m, d := tm.Date()
		want := Date{y, m, d}
		got := FromDays(z)
		if got != want {
			t.Fatalf("FromDays(%d) = %v, want %v", z, got, want)
		}
		if n := DayNumber(want); n != z {
			t.Fatalf("DayNumber(%v) = %d, want %d", want, n, z)
		}
		if wd := WeekdayOf(z); wd != tm.Weekday() {
			t.Fatalf("WeekdayOf(%d) = %v, want %v", z, wd, tm.Weekday())
		}
	}
}

func TestDaysInAndLeapYears(t *testing.T) {
	// Gregorian rule: divisible by 4, except centuries not divisible by 400.
	for _, tt := range []struct {
		y    int
		m    time.Month
		want int
	}{
		{2024, time.February, 29}, {2023, time.February, 28}, {1900, time.February, 28},
		{2000, time.February, 29}, {2100, time.February, 28}, {1600, time.February, 29},
		{2026, time.January, 31}, {2026, time.April, 30}, {2026, time.December, 31},
		{2026, 0, 0}, {2026, 13, 0},
	} {
		if got := DaysIn(tt.y, tt.m); got != tt.want {
			t.Errorf("DaysIn(%d, %d) = %d, want %d", tt.y, tt.m, got, tt.want)
		}
	}
	if (Date{1900, 2, 29}).IsValid() || !(Date{2000, 2, 29}).IsValid() {
		t.Errorf("1900-02-29 must be invalid and 2000-02-29 valid")
	}
}

func TestDateStringEdges(t *testing.T) {
	for _, tt := range []struct {
		give Date
		want string
	}{
		{Date{}, "0000-00-00"},
		{Date{9999, 99, 99}, "9999-99-99"},
		{Date{-1, 1, 1}, "Date(-1, 1, 1)"},
		{Date{10000, 1, 1}, "Date(10000, 1, 1)"},
		{Date{2026, -1, 1}, "Date(2026, -1, 1)"},
		{Date{2026, 100, 1}, "Date(2026, 100, 1)"},
		{Date{2026, 1, -1}, "Date(2026, 1, -1)"},
		{Date{2026, 1, 100}, "Date(2026, 1, 100)"},
	} {
		if got := tt.give.String(); got != tt.want {
			t.Errorf("String(%#v) = %q, want %q", tt.give, got, tt.want)
		}
	}
}

// AddDays reaches both ends of the range exactly, and no further.
func TestAddDaysFullSpan(t *testing.T) {
	span := maxDay - minDay // 3652058 days from 0001-01-01 to 9999-12-31
	if span != 3652058 {
		t.Fatalf("span = %d", span)
	}
	if got := MinDate.AddDays(span); got != MaxDate {
		t.Errorf("MinDate + %d = %v, want %v", span, got, MaxDate)
	}
	if got := MaxDate.AddDays(-span); got != MinDate {
		t.Errorf("MaxDate - %d = %v, want %v", span, got, MinDate)
	}
	if got := MinDate.AddDays(span + 1); got != (Date{}) {
		t.Errorf("MinDate + %d = %v, want the zero Date", span+1, got)
	}
	// 2026-12-31 + 1 = 2027-01-01 (issue 19, kpi/date.go ~131).
	if got := (Date{2026, 12, 31}).AddDays(1); got != (Date{2027, 1, 1}) {
		t.Errorf("2026-12-31 + 1 = %v", got)
	}
}

func TestCompare(t *testing.T) {
	a := Date{2026, 2, 14}
	for _, tt := range []struct {
		b    Date
		want int
	}{
		{Date{2026, 2, 14}, 0}, {Date{2025, 12, 31}, 1}, {Date{2027, 1, 1}, -1},
		{Date{2026, 1, 31}, 1}, {Date{2026, 3, 1}, -1}, {Date{2026, 2, 13}, 1}, {Date{2026, 2, 15}, -1},
	} {
		if got := a.Compare(tt.b); got != tt.want {
			t.Errorf("%v.Compare(%v) = %d, want %d", a, tt.b, got, tt.want)
		}
	}
}

func TestFloorDivMod(t *testing.T) {
	for _, tt := range []struct{ a, b, q, r int64 }{
		{7, 7, 1, 0}, {6, 7, 0, 6}, {0, 7, 0, 0}, {-1, 7, -1, 6}, {-7, 7, -1, 0},
		{-14, 7, -2, 0}, {-8, 7, -2, 6}, {-400, 400, -1, 0}, {401, 400, 1, 1},
	} {
		if q := FloorDiv(tt.a, tt.b); q != tt.q {
			t.Errorf("FloorDiv(%d, %d) = %d, want %d", tt.a, tt.b, q, tt.q)
		}
		if r := FloorMod(tt.a, tt.b); r != tt.r {
			t.Errorf("FloorMod(%d, %d) = %d, want %d", tt.a, tt.b, r, tt.r)
		}
	}
}

func TestDateOfAndClockOf(t *testing.T) {
	sh := time.FixedZone("UTC+8", 8*3600)
	tm := time.Date(2026, 2, 14, 17, 30, 15, 999_999_999, time.UTC) // 01:30:15 on Feb 15 at +8
	if got := DateOf(tm, sh); got != (Date{2026, 2, 15}) {
		t.Errorf("DateOf(+8) = %v", got)
	}
	if got := DateOf(tm, nil); got != (Date{2026, 2, 14}) {
		t.Errorf("DateOf(nil) = %v", got)
	}
	if got := ClockOf(tm, sh); got != 1*3600+30*60+15 {
		t.Errorf("ClockOf(+8) = %v", got)
	}
	if got := ClockOf(tm, nil); got != 17*3600+30*60+15 {
		t.Errorf("ClockOf(nil) = %v", got)
	}
}

func TestClockEdges(t *testing.T) {
	for _, tt := range []struct {
		h, m int
		want ClockTime
	}{
		{0, 0, 0}, {0, 59, 59 * 60}, {9, 30, 9*3600 + 30*60}, {23, 59, 23*3600 + 59*60}, {24, 0, SecondsPerDay},
		{-1, 0, -1}, {0, -1, -1}, {0, 60, -1}, {25, 0, -1}, {24, 1, -1},
	} {
		if got := Clock(tt.h, tt.m); got != tt.want {
			t.Errorf("Clock(%d, %d) = %d, want %d", tt.h, tt.m, got, tt.want)
		}
	}
	for _, tt := range []struct {
		give string
		want ClockTime
		ok   bool
	}{
		{"09:59", 9*3600 + 59*60, true}, {"09:00:59", 9*3600 + 59, true}, {"24:00:00", SecondsPerDay, true},
		{"23:59:59", SecondsPerDay - 1, true},
		{"24:00:01", 0, false}, {"24:01:00", 0, false}, {"09:60:00", 0, false}, {"09:00:60", 0, false},
		{"09:00-00", 0, false}, {"09:00:0a", 0, false},
	} {
		got, err := ParseClock(tt.give)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseClock(%q) = %d, %v; want %d, ok %v", tt.give, got, err, tt.want, tt.ok)
		}
	}
	if ClockTime(-1).IsValid() || ClockTime(SecondsPerDay+1).IsValid() || !ClockTime(SecondsPerDay).IsValid() {
		t.Errorf("IsValid edges")
	}
	if s := ClockTime(-1).String(); s != "ClockTime(-1)" {
		t.Errorf("String(-1) = %q", s)
	}
}

// The error's message and Detail say which part of the input is wrong.
func TestErrorMessages(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{&Error{Kind: KindDate, Input: "2026-02-30", Detail: "no such date"}, `invalid date "2026-02-30": no such date`},
		{&Error{Kind: KindClock, Input: "25:00"}, `invalid clock time "25:00"`},
		{&Error{Kind: KindRange, Input: "x", Detail: "d"}, `invalid clock range "x": d`},
		{&Error{Input: "?"}, `invalid value "?"`}, // the zero Kind is no kind
	} {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	for _, tt := range []struct{ give, detail string }{
		{"-09:00-10:00", "want HH:MM-HH:MM"}, // two dashes, the first at index 0
		{"09:00-10:00-", "want HH:MM-HH:MM"},
		{"-10:00", "want HH:MM-HH:MM with times 00:00 to 24:00"}, // one dash at index 0: empty start
		{"10:00", "want HH:MM-HH:MM"},
		{"10:00-09:00", "want start < end"},
	} {
		_, err := ParseClockRange(tt.give)
		var ce *Error
		if !errors.As(err, &ce) || ce.Detail != tt.detail || ce.Input != tt.give {
			t.Errorf("ParseClockRange(%q) = %v, want Detail %q", tt.give, err, tt.detail)
		}
	}
}

func TestUnmarshalErrorsLeaveValue(t *testing.T) {
	c := ClockTime(9 * 3600)
	var ce *Error
	if err := c.UnmarshalText([]byte("25:00")); !errors.As(err, &ce) || ce.Kind != KindClock || c != 9*3600 {
		t.Errorf("ClockTime.UnmarshalText(25:00) = %v, value %v", err, c)
	}
	if err := c.UnmarshalText([]byte("10:30")); err != nil || c != 10*3600+30*60 {
		t.Errorf("ClockTime.UnmarshalText(10:30) = %v, value %v", err, c)
	}
	r := ClockRange{0, 3600}
	if err := r.UnmarshalText([]byte("10:00-09:00")); !errors.As(err, &ce) || ce.Kind != KindRange || r != (ClockRange{0, 3600}) {
		t.Errorf("ClockRange.UnmarshalText(10:00-09:00) = %v, value %v", err, r)
	}
	if err := r.UnmarshalText([]byte("22:00-24:00")); err != nil || r != (ClockRange{22 * 3600, SecondsPerDay}) {
		t.Errorf("ClockRange.UnmarshalText(22:00-24:00) = %v, value %v", err, r)
	}
	d := Date{2026, 2, 14}
	if err := d.UnmarshalText([]byte("2026-02-30")); !errors.As(err, &ce) || ce.Kind != KindDate || d != (Date{2026, 2, 14}) {
		t.Errorf("Date.UnmarshalText(2026-02-30) = %v, value %v", err, d)
	}
	if _, err := (ClockRange{3600, 3600}).MarshalText(); !errors.As(err, &ce) || ce.Kind != KindRange {
		t.Errorf("MarshalText of an empty range = %v", err)
	}
	if _, err := ClockTime(-1).MarshalText(); !errors.As(err, &ce) || ce.Kind != KindClock {
		t.Errorf("MarshalText of -1 = %v", err)
	}
}
