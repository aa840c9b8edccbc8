package kpi_test

import (
	"fmt"
	"time"

	"github.com/opskit/opskit/kpi"
)

// A first-response target of 24 working hours on a message that arrives
// at 16:55 on a Friday, office hours Monday to Friday 09:00-17:00: 5
// minutes on Friday, 8 hours on Monday and on Tuesday, and the last 7 h 55
// on Wednesday. A target that runs out exactly at closing is due at
// closing.
func ExampleSchedule_Due() {
	s := kpi.MustSchedule(kpi.ScheduleSpec{
		Location: time.UTC,
		Weekly:   kpi.MondayToFriday(kpi.ClockRange{Start: kpi.Clock(9, 0), End: kpi.Clock(17, 0)}),
	})
	friday := time.Date(2026, 3, 13, 16, 55, 0, 0, time.UTC)
	due, err := s.Due(friday, 24*time.Hour)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(due.Format("Mon 2006-01-02 15:04"))
	monday := time.Date(2026, 3, 16, 9, 0, 0, 0, time.UTC)
	due, _ = s.Due(monday, 8*time.Hour)
	fmt.Println(due.Format("Mon 2006-01-02 15:04"))
	// Output:
	// Wed 2026-03-18 16:55
	// Mon 2026-03-16 17:00
}
