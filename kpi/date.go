package kpi

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date (日期) without a time or a zone: a holiday, a
// make-up working day, an attendance day. The zero Date is invalid.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date, rejecting dates that do not exist: June 31
// (seed-rules T-01), February 29 of a common year. Years run 1-9999.
func NewDate(year int, month time.Month, day int) (Date, error) {
	d := Date{year, month, day}
	if !d.IsValid() {
		return Date{}, fieldErr("date", "date", d.String(), ErrInvalidDate)
	}
	return d, nil
}

// MustDate is like [NewDate] but panics on an invalid date. It is meant for
// tests, examples and package-level variables.
func MustDate(year int, month time.Month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic(fmt.Sprintf("kpi.MustDate(%d, %d, %d): %v", year, month, day, err))
	}
	return d
}

// ParseDate parses "2006-01-02".
func ParseDate(s string) (Date, error) {
	parts := strings.Split(s, "-")
	if len(parts) != 3 || len(parts[0]) != 4 || len(parts[1]) != 2 || len(parts[2]) != 2 {
		return Date{}, fieldErr("parse date", "date", s, ErrInvalidDate, "want YYYY-MM-DD")
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || strings.ContainsAny(p, "+-") {
			return Date{}, fieldErr("parse date", "date", s, ErrInvalidDate, "want YYYY-MM-DD")
		}
		n[i] = v
	}
	d := Date{n[0], time.Month(n[1]), n[2]}
	if !d.IsValid() {
		return Date{}, fieldErr("parse date", "date", s, ErrInvalidDate)
	}
	return d, nil
}

// DateOf returns the calendar date of t in loc (t's own location if loc is
// nil).
func DateOf(t time.Time, loc *time.Location) Date {
	if loc != nil {
		t = t.In(loc)
	}
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsValid reports whether d exists in the Gregorian calendar, years 1-9999.
func (d Date) IsValid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31 {
		return false
	}
	return d.Day <= daysIn(d.Year, d.Month)
}

func daysIn(y int, m time.Month) int {
	switch m {
	case time.April, time.June, time.September, time.November:
		return 30
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 31
}

// String returns "2006-01-02".
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return weekdayOf(d.days()) }

// AddDays returns the date n days later (earlier for negative n).
func (d Date) AddDays(n int) Date { return dateOfDays(d.days() + int64(n)) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	return cmp.Compare(d.days(), e.days())
}

// days returns the number of days since 1970-01-01 (days_from_civil,
// Howard Hinnant's algorithm).
func (d Date) days() int64 {
	y := int64(d.Year)
	m := int64(d.Month)
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + int64(d.Day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// dateOfDays is the inverse of days (civil_from_days).
func dateOfDays(z int64) Date {
	z += 719468
	era := floorDiv(z, 146097)
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

// weekdayOf returns the weekday of day number z (1970-01-01 was a Thursday).
func weekdayOf(z int64) time.Weekday {
	return time.Weekday(floorMod(z+4, 7))
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 { return a - floorDiv(a, b)*b }

// ClockTime is a wall-clock time of day in whole seconds since midnight,
// 00:00 to 24:00 inclusive (24:00 ends a day). Build it with [Clock] or
// [ParseClock].
type ClockTime int32

const secondsPerDay = 86400

// Clock returns the clock time h:m (Clock(24, 0) is the end of the day).
// Out-of-range values make an invalid ClockTime, which validation rejects.
func Clock(h, m int) ClockTime { return ClockTime(h*3600 + m*60) }

// ParseClock parses "15:04" or "15:04:05"; "24:00" is the end of the day.
func ParseClock(s string) (ClockTime, error) {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, fieldErr("parse clock", "clock", s, ErrInvalidTimeRange, "want HH:MM or HH:MM:SS")
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || len(p) != 2 || v < 0 {
			return 0, fieldErr("parse clock", "clock", s, ErrInvalidTimeRange, "want HH:MM or HH:MM:SS")
		}
		n[i] = v
	}
	if n[1] > 59 || n[2] > 59 || n[0] > 24 || (n[0] == 24 && n[1]+n[2] > 0) {
		return 0, fieldErr("parse clock", "clock", s, ErrInvalidTimeRange)
	}
	return ClockTime(n[0]*3600 + n[1]*60 + n[2]), nil
}

// MustClock is like [ParseClock] but panics on an error; for tests,
// examples and package-level variables.
func MustClock(s string) ClockTime {
	c, err := ParseClock(s)
	if err != nil {
		panic(fmt.Sprintf("kpi.MustClock(%q): %v", s, err))
	}
	return c
}

// IsValid reports whether c is within 00:00-24:00.
func (c ClockTime) IsValid() bool { return c >= 0 && c <= secondsPerDay }

// String returns "15:04", or "15:04:05" when there are seconds.
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
