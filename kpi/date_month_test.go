package kpi

import (
	"testing"
	"time"
)

// Month arithmetic at every month end (issue 19, kpi/date.go): the last
// day of each month plus one day is the first of the next, and the first
// minus one is the last, in a common year (2026, and 2100, which is not a
// leap year), leap years (2024, 2000) and across the year end. Month
// lengths written by hand: 31 28/29 31 30 31 30 31 31 30 31 30 31.
func TestAddDaysEveryMonthEnd(t *testing.T) {
	common := [12]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	for _, y := range []int{2026, 2100, 2024, 2000} {
		lengths := common
		if y == 2024 || y == 2000 {
			lengths[1] = 29
		}
		for m := time.January; m <= time.December; m++ {
			last := MustDate(y, m, lengths[m-1])
			next := Date{Year: y, Month: m + 1, Day: 1}
			if m == time.December {
				next = Date{Year: y + 1, Month: time.January, Day: 1}
			}
			if got := last.AddDays(1); got != next {
				t.Errorf("%v + 1 = %v, want %v", last, got, next)
			}
			if got := next.AddDays(-1); got != last {
				t.Errorf("%v - 1 = %v, want %v", next, got, last)
			}
			if (Date{Year: y, Month: m, Day: lengths[m-1] + 1}).IsValid() {
				t.Errorf("%d-%02d-%02d should not exist", y, m, lengths[m-1]+1)
			}
		}
	}
	if got := MustDate(2026, 12, 31).AddDays(1); got != MustDate(2027, 1, 1) {
		t.Errorf("2026-12-31 + 1 = %v", got)
	}
	if got := MustDate(2026, 1, 31).AddDays(29); got != MustDate(2026, 3, 1) {
		t.Errorf("2026-01-31 + 29 = %v, want 2026-03-01", got)
	}
}
