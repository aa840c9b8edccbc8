package kpi

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

// byIndex turns seven ranges indexed by time.Weekday (Sunday = 0) into
// WeeklyHours: the old form of the tests' weeks.
func byIndex(w [7][]ClockRange) WeeklyHours {
	return WeeklyHours{Monday: w[time.Monday], Tuesday: w[time.Tuesday], Wednesday: w[time.Wednesday],
		Thursday: w[time.Thursday], Friday: w[time.Friday], Saturday: w[time.Saturday], Sunday: w[time.Sunday]}
}

func TestWeeklyHoursByName(t *testing.T) {
	nine := nineToSix()
	w := WeeklyHours{Monday: []ClockRange{nine}, Sunday: []ClockRange{{Start: Clock(10, 0), End: Clock(12, 0)}}}
	if got := w.On(time.Sunday); len(got) != 1 || got[0].Start != Clock(10, 0) {
		t.Errorf("On(Sunday) = %v", got)
	}
	if got := w.On(time.Monday); len(got) != 1 || got[0] != nine {
		t.Errorf("On(Monday) = %v", got)
	}
	if w.On(time.Tuesday) != nil || w.On(time.Weekday(7)) != nil || w.On(-1) != nil {
		t.Error("On: a closed day or an out-of-range weekday has no hours")
	}
	full := WeeklyHours{}
	for i, p := range []*[]ClockRange{&full.Monday, &full.Tuesday, &full.Wednesday, &full.Thursday, &full.Friday, &full.Saturday, &full.Sunday} {
		*p = []ClockRange{{Start: Clock(i, 0), End: Clock(i+1, 0)}}
	}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		want := (int(wd) + 6) % 7 // Monday = 0 ... Sunday = 6
		if got := full.On(wd); got[0].Start != Clock(want, 0) {
			t.Errorf("On(%v) = %v, want the %d-th field", wd, got, want)
		}
		if weekdayField(wd) != strings.ToLower(wd.String()) {
			t.Errorf("weekdayField(%v) = %s", wd, weekdayField(wd))
		}
	}
	b, err := json.Marshal(full)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"monday":["00:00-01:00"],"tuesday":["01:00-02:00"],"wednesday":["02:00-03:00"],"thursday":["03:00-04:00"],"friday":["04:00-05:00"],"saturday":["05:00-06:00"],"sunday":["06:00-07:00"]}`
	if string(b) != want {
		t.Errorf("JSON %s\nwant %s", b, want)
	}
	// A Monday in Shanghai, 2026-02-09: one hour 00:00-01:00 (Monday's).
	sh := time.FixedZone("CST", 8*3600)
	s := MustSchedule(ScheduleSpec{Location: sh, Weekly: full})
	mon := time.Date(2026, 2, 9, 0, 0, 0, 0, sh)
	if got := s.Between(mon, mon.Add(24*time.Hour)); got != time.Hour {
		t.Errorf("Monday = %v, want 1h", got)
	}
	if !s.IsOpen(mon.Add(6*24*time.Hour + 6*time.Hour + 30*time.Minute)) { // Sunday 06:30
		t.Error("Sunday 06:30 should be open")
	}
	// Decoding refuses a misspelt day, so hours never land on the wrong one.
	var spec ScheduleSpec
	err = json.Unmarshal([]byte(`{"location":"UTC","weekly":{"sun":["09:00-18:00"]}}`), &spec)
	if !errors.Is(err, ErrInvalidJSON) {
		t.Errorf("unknown weekday key: %v, want ErrInvalidJSON", err)
	}
	// Copies: the schedule keeps its own hours.
	w2 := MondayToFriday(nine)
	s2 := MustSchedule(ScheduleSpec{Location: sh, Weekly: w2})
	w2.Monday[0] = ClockRange{Start: 0, End: Clock(24, 0)}
	if got := s2.Between(mon, mon.Add(24*time.Hour)); got != 9*time.Hour {
		t.Errorf("after editing the caller's slice: %v, want 9h", got)
	}
}
