package kpi

import (
	"slices"
	"time"

	"github.com/opskit/opskit/internal/civil"
)

// WeeklyHours are the working ranges of each day of the week, written
// Monday first and by name, in Go and in JSON ({"monday": ["09:00-18:00"],
// ...}), so that no index can put Monday's hours on a Sunday. A day left
// empty has no working time. Ranges of a day must be in order and may touch
// but not overlap ([NewSchedule] checks them).
type WeeklyHours struct {
	Monday    []ClockRange `json:"monday,omitempty"`
	Tuesday   []ClockRange `json:"tuesday,omitempty"`
	Wednesday []ClockRange `json:"wednesday,omitempty"`
	Thursday  []ClockRange `json:"thursday,omitempty"`
	Friday    []ClockRange `json:"friday,omitempty"`
	Saturday  []ClockRange `json:"saturday,omitempty"`
	Sunday    []ClockRange `json:"sunday,omitempty"`
}

// MondayToFriday returns the same ranges on Monday to Friday and none at
// the weekend: the office week.
func MondayToFriday(r ...ClockRange) WeeklyHours {
	return WeeklyHours{Monday: r, Tuesday: r, Wednesday: r, Thursday: r, Friday: r}
}

// On returns the ranges of weekday wd (nil for a value outside
// Sunday-Saturday).
func (w WeeklyHours) On(wd time.Weekday) []ClockRange {
	switch wd {
	case time.Monday:
		return w.Monday
	case time.Tuesday:
		return w.Tuesday
	case time.Wednesday:
		return w.Wednesday
	case time.Thursday:
		return w.Thursday
	case time.Friday:
		return w.Friday
	case time.Saturday:
		return w.Saturday
	case time.Sunday:
		return w.Sunday
	}
	return nil
}

// weekdayField is the JSON key of weekday wd, for field paths: the
// library's one weekday name.
func weekdayField(wd time.Weekday) string { return civil.WeekdayName(wd) }

// clone returns a deep copy.
func (w WeeklyHours) clone() WeeklyHours {
	return WeeklyHours{slices.Clone(w.Monday), slices.Clone(w.Tuesday), slices.Clone(w.Wednesday),
		slices.Clone(w.Thursday), slices.Clone(w.Friday), slices.Clone(w.Saturday), slices.Clone(w.Sunday)}
}
