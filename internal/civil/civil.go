// Package civil is the library's one representation of a calendar date
// without a zone ([Date], "2006-01-02"), a wall-clock time of day
// ([ClockTime], "15:04" or "15:04:05") and a half-open daily range of clock
// time ([ClockRange], "09:00-18:00"). Packages kpi and promo expose these
// types as aliases (type Date = civil.Date), so a date or a clock range
// means the same thing, and has the same text and JSON form, everywhere.
// A day of the week is written by its lowercase English name, "monday" to
// "sunday" ([WeekdayName], [ParseWeekday]), in every package's JSON.
//
// Dates run from 0001-01-01 to 9999-12-31 ([MinDate], [MaxDate]). A [Date]
// outside that range, or one that does not exist (June 31, February 29 of a
// common year), is invalid: [Date.IsValid] reports false, [Date.AddDays]
// returns the zero (invalid) Date for it, and [Date.MarshalText] refuses it.
// Invalid in, invalid out: arithmetic never turns an invalid date into a
// valid one, and never wraps.
//
// Errors are *[Error] values carrying a [Kind]; the public packages turn them
// into their own *FieldError with their own sentinel, so a user never sees
// this package's types.
package civil

import (
	"cmp"
	"fmt"
	"strconv"
	"time"
)

// Kind says what an [Error] is about.
type Kind uint8

const (
	// KindDate: a date that does not exist, is outside 0001-9999, or is
	// not written "2006-01-02".
	KindDate Kind = iota + 1
	// KindClock: a clock time outside 00:00-24:00 or not written "15:04" /
	// "15:04:05".
	KindClock
	// KindRange: a clock range that is not "start-end" with start before end.
	KindRange
)

// Error is a bad date, clock time or clock range: its kind, the input as
// text and a short explanation.
type Error struct {
	Kind   Kind
	Input  string // the offending text, unquoted
	Detail string // "want YYYY-MM-DD", "want start < end", ...
}

// Error returns "invalid date \"2026-02-30\": DETAIL".
func (e *Error) Error() string {
	what := "value"
	switch e.Kind {
	case KindDate:
		what = "date"
	case KindClock:
		what = "clock time"
	case KindRange:
		what = "clock range"
	}
	s := "invalid " + what + " " + strconv.Quote(e.Input)
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

func errorf(k Kind, input, detail string) error { return &Error{Kind: k, Input: input, Detail: detail} }

// Date is a calendar date (日期) without a time or a zone: a holiday, an
// attendance day, the first day of a campaign. The zero Date is invalid.
// Dates compare with == and [Date.Compare].
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// MinDate and MaxDate are the first and last valid dates.
var (
	MinDate = Date{1, time.January, 1}
	MaxDate = Date{9999, time.December, 31}
)

// Day numbers (days since 1970-01-01) of MinDate and MaxDate.
const (
	minDay = -719162
	maxDay = 2932896
)

// NewDate returns the date, or a [KindDate] error if it does not exist or
// lies outside 0001-01-01..9999-12-31.
func NewDate(year int, month time.Month, day int) (Date, error) {
	d := Date{year, month, day}
	if !d.IsValid() {
		return Date{}, errorf(KindDate, d.String(), "no such date in years 1-9999")
	}
	return d, nil
}

// ParseDate parses exactly "2006-01-02" (four-digit year, two-digit month
// and day) and checks that the date exists.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, errorf(KindDate, s, "want YYYY-MM-DD")
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, errorf(KindDate, s, "want YYYY-MM-DD")
	}
	date := Date{y, time.Month(m), d}
	if !date.IsValid() {
		return Date{}, errorf(KindDate, s, "no such date in years 1-9999")
	}
	return date, nil
}

// digits parses a string of ASCII digits only (no sign, no spaces).
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, len(s) > 0
}

// DateOf returns the calendar date of t on the wall clock of loc (t's own
// location if loc is nil). Instants outside years 1-9999 give an invalid
// Date.
func DateOf(t time.Time, loc *time.Location) Date {
	if loc != nil {
		t = t.In(loc)
	}
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsValid reports whether d exists in the proleptic Gregorian calendar and
// lies in 0001-01-01..9999-12-31.
func (d Date) IsValid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	return d.Day <= DaysIn(d.Year, d.Month)
}

// DaysIn returns the number of days of month m in year y (28 to 31), or 0
// for a month outside 1-12.
func DaysIn(y int, m time.Month) int {
	switch m {
	case time.April, time.June, time.September, time.November:
		return 30
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.January, time.March, time.May, time.July, time.August, time.October, time.December:
		return 31
	}
	return 0
}

// String returns "2006-01-02". An invalid date prints its fields the same
// way (the zero Date is "0000-00-00"), which [ParseDate] rejects.
func (d Date) String() string {
	if d.Year >= 0 && d.Year <= 9999 && d.Month >= 0 && d.Month <= 99 && d.Day >= 0 && d.Day <= 99 {
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	return fmt.Sprintf("Date(%d, %d, %d)", d.Year, int(d.Month), d.Day)
}

// MarshalText returns "2006-01-02"; an invalid date is a [KindDate] error.
func (d Date) MarshalText() ([]byte, error) {
	if !d.IsValid() {
		return nil, errorf(KindDate, d.String(), "cannot marshal an invalid date")
	}
	return []byte(d.String()), nil
}

// UnmarshalText parses "2006-01-02" like [ParseDate].
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Weekday returns the day of the week; Sunday for an invalid date.
func (d Date) Weekday() time.Weekday {
	if !d.IsValid() {
		return time.Sunday
	}
	return WeekdayOf(DayNumber(d))
}

// AddDays returns the date n days later (earlier for negative n). If d is
// invalid or the result lies outside [MinDate, MaxDate] it returns the zero
// Date, which is invalid: check [Date.IsValid]. It never wraps.
func (d Date) AddDays(n int) Date {
	if !d.IsValid() || n < minDay-maxDay || n > maxDay-minDay {
		return Date{}
	}
	z := DayNumber(d) + int64(n) // both terms bounded by about 3.7e6 in size
	if z < minDay || z > maxDay {
		return Date{}
	}
	return FromDays(z)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e. It
// orders by year, then month, then day, so it is a total order on invalid
// dates too.
func (d Date) Compare(e Date) int {
	if c := cmp.Compare(d.Year, e.Year); c != 0 {
		return c
	}
	if c := cmp.Compare(d.Month, e.Month); c != 0 {
		return c
	}
	return cmp.Compare(d.Day, e.Day)
}

// At returns the instant at which the wall clock of loc shows clock on date
// d, computed by [time.Date] (nil loc means UTC; 24:00 is midnight at the
// start of the next day). DST follows time.Date: a wall time that falls in
// a gap (the hour skipped when clocks spring forward) is read with the
// offset in force after the change, which names an instant before the gap
// (02:30 on New York's spring-forward night is 02:30 EDT = 06:30 UTC, which
// the clock shows as 01:30 EST); a wall time that occurs twice (the hour
// repeated when clocks fall back) is its first occurrence, in daylight time
// (01:30 on New York's fall-back night is 05:30 UTC, 01:30 EDT). An invalid
// date or clock gives the zero time.Time.
func (d Date) At(clock ClockTime, loc *time.Location) time.Time {
	if !d.IsValid() || !clock.IsValid() {
		return time.Time{}
	}
	if loc == nil {
		loc = time.UTC
	}
	s := int(clock)
	return time.Date(d.Year, d.Month, d.Day, s/3600, s%3600/60, s%60, 0, loc)
}

// DayNumber returns the day number of a valid date: days since 1970-01-01
// (days_from_civil, Howard Hinnant's algorithm). It is a function, not a
// method, so that it stays out of the public packages' aliases. For an
// invalid date the result is meaningless (callers check IsValid first).
func DayNumber(d Date) int64 {
	y := int64(d.Year)
	m := int64(d.Month)
	if m <= 2 {
		y--
	}
	era := FloorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + int64(d.Day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// FromDays is the inverse of [DayNumber] (civil_from_days) for day numbers
// of valid dates; outside them it returns the zero Date.
func FromDays(z int64) Date {
	if z < minDay || z > maxDay {
		return Date{}
	}
	z += 719468
	era := FloorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return Date{int(y), time.Month(m), int(d)}
}

// WeekdayOf returns the weekday of day number z (1970-01-01 was a
// Thursday).
func WeekdayOf(z int64) time.Weekday {
	return time.Weekday(FloorMod(z+4, 7))
}

// weekdayNames are the names of the days of the week in the library's text
// forms, indexed by time.Weekday (Sunday = 0).
var weekdayNames = [7]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// WeekdayName returns the text form of wd: its lowercase English name,
// "monday" to "sunday" ("" for a value outside Sunday-Saturday).
func WeekdayName(wd time.Weekday) string {
	if wd < time.Sunday || wd > time.Saturday {
		return ""
	}
	return weekdayNames[wd]
}

// ParseWeekday reads a weekday written as [WeekdayName] writes it; it
// reports false for any other text (abbreviations and capitals included:
// one spelling, so stored data compares and diffs as text).
func ParseWeekday(s string) (time.Weekday, bool) {
	for d, n := range weekdayNames {
		if s == n {
			return time.Weekday(d), true
		}
	}
	return 0, false
}

// FloorDiv returns ⌊a/b⌋ for b > 0.
func FloorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// FloorMod returns a - b·⌊a/b⌋, in [0, b) for b > 0.
func FloorMod(a, b int64) int64 { return a - FloorDiv(a, b)*b }

// ClockTime is a wall-clock time of day in whole seconds since midnight,
// 00:00 to 24:00 inclusive (24:00 ends a day). Build it with [Clock] or
// [ParseClock]; a value outside 0..86400 is invalid ([ClockTime.IsValid]).
type ClockTime int32

// SecondsPerDay is the number of seconds of a clock day; ClockTime(
// SecondsPerDay) is 24:00.
const SecondsPerDay = 86400

// Clock returns the clock time h:m (Clock(24, 0) is the end of the day).
// Out-of-range values make an invalid ClockTime, which validation rejects.
func Clock(h, m int) ClockTime {
	if h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0) {
		return -1
	}
	return ClockTime(h*3600 + m*60)
}

// ParseClock parses "15:04" or "15:04:05" (two digits each); "24:00" (and
// "24:00:00") is the end of the day.
func ParseClock(s string) (ClockTime, error) {
	if (len(s) != 5 && len(s) != 8) || s[2] != ':' || (len(s) == 8 && s[5] != ':') {
		return 0, errorf(KindClock, s, "want HH:MM or HH:MM:SS")
	}
	h, ok1 := digits(s[0:2])
	m, ok2 := digits(s[3:5])
	sec, ok3 := 0, true
	if len(s) == 8 {
		sec, ok3 = digits(s[6:8])
	}
	if !ok1 || !ok2 || !ok3 {
		return 0, errorf(KindClock, s, "want HH:MM or HH:MM:SS")
	}
	if m > 59 || sec > 59 || h > 24 || (h == 24 && m+sec > 0) {
		return 0, errorf(KindClock, s, "want 00:00 to 24:00")
	}
	return ClockTime(h*3600 + m*60 + sec), nil
}

// ClockOf returns the wall-clock time of t in loc (t's own location if loc
// is nil), to the whole second: 09:00:00.999 is 09:00:00.
func ClockOf(t time.Time, loc *time.Location) ClockTime {
	if loc != nil {
		t = t.In(loc)
	}
	h, m, s := t.Clock()
	return ClockTime(h*3600 + m*60 + s)
}

// IsValid reports whether c is within 00:00-24:00.
func (c ClockTime) IsValid() bool { return c >= 0 && c <= SecondsPerDay }

// String returns "15:04", or "15:04:05" when there are seconds; an invalid
// value prints as "ClockTime(-1)".
func (c ClockTime) String() string {
	if !c.IsValid() {
		return fmt.Sprintf("ClockTime(%d)", int32(c))
	}
	h, m, s := c/3600, c%3600/60, c%60
	if s != 0 {
		return fmt.Sprintf("%02d:%02d:%02d", h, m, s)
	}
	return fmt.Sprintf("%02d:%02d", h, m)
}

// MarshalText returns [ClockTime.String]; an invalid value is a
// [KindClock] error.
func (c ClockTime) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, errorf(KindClock, c.String(), "want 00:00 to 24:00")
	}
	return []byte(c.String()), nil
}

// UnmarshalText parses like [ParseClock].
func (c *ClockTime) UnmarshalText(b []byte) error {
	v, err := ParseClock(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// ClockRange is a half-open range of wall-clock time in a day, [Start, End):
// 09:00-18:00 includes 09:00:00 and excludes 18:00:00. A valid range has
// 00:00 ≤ Start < End ≤ 24:00; ranges do not wrap past midnight (write
// 22:00-24:00 and 00:00-02:00 for a night shift).
type ClockRange struct {
	Start ClockTime
	End   ClockTime
}

// ParseClockRange parses "09:00-18:00" (each end as [ParseClock]) and
// requires Start < End.
func ParseClockRange(s string) (ClockRange, error) {
	a, b, err := ParseClockPair(s)
	if err != nil {
		return ClockRange{}, err
	}
	r := ClockRange{a, b}
	if !r.IsValid() {
		return ClockRange{}, errorf(KindRange, s, "want start < end")
	}
	return r, nil
}

// ParseClockPair parses "START-END" into two clock times without checking
// their order; it serves closed ranges, whose start may equal their end.
func ParseClockPair(s string) (start, end ClockTime, err error) {
	i := -1
	for k := 0; k < len(s); k++ {
		if s[k] == '-' {
			if i >= 0 {
				return 0, 0, errorf(KindRange, s, "want HH:MM-HH:MM")
			}
			i = k
		}
	}
	if i < 0 {
		return 0, 0, errorf(KindRange, s, "want HH:MM-HH:MM")
	}
	a, err1 := ParseClock(s[:i])
	b, err2 := ParseClock(s[i+1:])
	if err1 != nil || err2 != nil {
		return 0, 0, errorf(KindRange, s, "want HH:MM-HH:MM with times 00:00 to 24:00")
	}
	return a, b, nil
}

// IsValid reports whether 00:00 ≤ Start < End ≤ 24:00.
func (r ClockRange) IsValid() bool {
	return r.Start.IsValid() && r.End.IsValid() && r.Start < r.End
}

// Contains reports whether Start ≤ c < End.
func (r ClockRange) Contains(c ClockTime) bool { return c >= r.Start && c < r.End }

// String returns "09:00-18:00".
func (r ClockRange) String() string { return r.Start.String() + "-" + r.End.String() }

// MarshalText returns [ClockRange.String]; an invalid range is a
// [KindRange] error.
func (r ClockRange) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, errorf(KindRange, r.String(), "want start < end")
	}
	return []byte(r.String()), nil
}

// UnmarshalText parses like [ParseClockRange].
func (r *ClockRange) UnmarshalText(b []byte) error {
	v, err := ParseClockRange(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}
