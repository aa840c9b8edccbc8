package kpi

import "time"

// byIndex turns seven ranges indexed by time.Weekday (Sunday = 0) into
// WeeklyHours: the old form of the tests' weeks.
func byIndex(w [7][]ClockRange) WeeklyHours {
	return WeeklyHours{Monday: w[time.Monday], Tuesday: w[time.Tuesday], Wednesday: w[time.Wednesday],
		Thursday: w[time.Thursday], Friday: w[time.Friday], Saturday: w[time.Saturday], Sunday: w[time.Sunday]}
}
