package kpi

import (
	"errors"
	"fmt"
	"time"

	"github.com/opskit/opskit/internal/civil"
)

// Date is a calendar date (日期) without a time or a zone: a holiday, a
// make-up working day, an attendance day. It is the library's one civil
// date, shared with package promo: fields Year, Month and Day; text and
// JSON form "2006-01-02"; valid from 0001-01-01 to 9999-12-31. The zero
// Date is invalid. Its methods are IsValid, String, Weekday, Compare,
// AddDays (the zero, invalid Date when the input is invalid or the result
// leaves years 1-9999: invalid in, invalid out, never wrapped), At (the
// instant of a clock time on the date in a location, following
// [time.Date] across DST changes), MarshalText and UnmarshalText.
type Date = civil.Date

// ClockTime is a wall-clock time of day in whole seconds since midnight,
// 00:00 to 24:00 inclusive (24:00 ends a day), with text and JSON form
// "15:04" or "15:04:05". Build it with [Clock] or [ParseClock].
type ClockTime = civil.ClockTime

// ClockRange is a half-open range of wall-clock time in a day,
// [Start, End): 09:00-18:00 includes 09:00:00 and excludes 18:00:00. Its
// text and JSON form is "09:00-18:00"; a valid range has
// 00:00 ≤ Start < End ≤ 24:00. Methods: IsValid, Contains, String,
// MarshalText, UnmarshalText.
type ClockRange = civil.ClockRange

// NewDate returns the date, rejecting dates that do not exist: June 31
// (seed-rules T-01), February 29 of a common year, years outside 1-9999
// (*[FieldError] wrapping [ErrInvalidDate]).
func NewDate(year int, month time.Month, day int) (Date, error) {
	d, err := civil.NewDate(year, month, day)
	if err != nil {
		return Date{}, civilErr("date", "date", err)
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

// ParseDate parses "2006-01-02" (*[FieldError] wrapping [ErrInvalidDate]
// for any other form or a date that does not exist).
func ParseDate(s string) (Date, error) {
	d, err := civil.ParseDate(s)
	if err != nil {
		return Date{}, civilErr("parse date", "date", err)
	}
	return d, nil
}

// DateOf returns the calendar date of t in loc (t's own location if loc is
// nil).
func DateOf(t time.Time, loc *time.Location) Date { return civil.DateOf(t, loc) }

// Clock returns the clock time h:m (Clock(24, 0) is the end of the day).
// Out-of-range values make an invalid ClockTime, which validation rejects.
func Clock(h, m int) ClockTime { return civil.Clock(h, m) }

// ParseClock parses "15:04" or "15:04:05"; "24:00" is the end of the day
// (*[FieldError] wrapping [ErrInvalidTimeRange] otherwise).
func ParseClock(s string) (ClockTime, error) {
	c, err := civil.ParseClock(s)
	if err != nil {
		return 0, civilErr("parse clock", "clock", err)
	}
	return c, nil
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

// civilErr turns an error of internal/civil into this package's
// *FieldError: a date error wraps ErrInvalidDate, a clock or range error
// ErrInvalidTimeRange. Any other error is wrapped as is.
func civilErr(op, field string, err error) error {
	var ce *civil.Error
	if !errors.As(err, &ce) {
		return &FieldError{Op: op, Field: field, Err: err}
	}
	sentinel := ErrInvalidTimeRange
	if ce.Kind == civil.KindDate {
		sentinel = ErrInvalidDate
	}
	return &FieldError{Op: op, Field: field, Value: fmt.Sprintf("%q", ce.Input), Err: sentinel, Detail: ce.Detail}
}

func dayNumber(d Date) int64         { return civil.DayNumber(d) }
func dateOfDays(z int64) Date        { return civil.FromDays(z) }
func weekdayOf(z int64) time.Weekday { return civil.WeekdayOf(z) }
func floorDiv(a, b int64) int64      { return civil.FloorDiv(a, b) }
func clockOf(t time.Time) ClockTime  { return civil.ClockOf(t, nil) }

const secondsPerDay = civil.SecondsPerDay
