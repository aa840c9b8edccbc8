package kpi

import (
	"encoding/json"
	"slices"
)

type scheduleSpecJSON struct {
	Location    jsonLocation `json:"location"`
	Weekly      WeeklyHours  `json:"weekly"`
	Calendar    Calendar     `json:"calendar,omitzero"`
	MakeUpHours []ClockRange `json:"make_up_hours,omitempty"`
	Holidays    []Date       `json:"holidays"`
	MakeUpDays  []DayHours   `json:"make_up_days"`
}

// MarshalJSON writes the location by name ("Asia/Shanghai"), the weekly
// ranges by weekday name, Monday first ({"monday": ["09:00-18:00"], ...},
// closed days left out), the calendar's notices (left out when there is
// none) and dates as "2006-01-02".
func (s ScheduleSpec) MarshalJSON() ([]byte, error) {
	return json.Marshal(scheduleSpecJSON{jsonLocation{s.Location}, s.Weekly, s.Calendar, s.MakeUpHours, s.Holidays, s.MakeUpDays})
}

// UnmarshalJSON reads the form of [ScheduleSpec.MarshalJSON], strictly (an
// unknown weekday name such as "sun" is [ErrInvalidJSON]), loading the
// location with time.LoadLocation and validating the calendar with
// [NewCalendar]. It does not validate the rest of the spec; [NewSchedule]
// does.
func (s *ScheduleSpec) UnmarshalJSON(b []byte) error {
	var j scheduleSpecJSON
	if err := decodeStrict(b, &j); err != nil {
		return jsonErr("decode schedule", err)
	}
	*s = ScheduleSpec{j.Location.loc, j.Weekly, j.Calendar, j.MakeUpHours, j.Holidays, j.MakeUpDays}
	return nil
}

// MarshalJSON writes the schedule's spec (see [ScheduleSpec.MarshalJSON]).
func (s Schedule) MarshalJSON() ([]byte, error) { return json.Marshal(s.spec) }

// UnmarshalJSON reads a [ScheduleSpec] and builds the schedule with
// [NewSchedule], so a decoded Schedule is always valid.
func (s *Schedule) UnmarshalJSON(b []byte) error {
	var spec ScheduleSpec
	if err := spec.UnmarshalJSON(b); err != nil {
		return err
	}
	v, err := NewSchedule(spec)
	if err != nil {
		return withOp("decode schedule", "", err)
	}
	*s = v
	return nil
}

// copySpec returns a deep copy of spec, so a Schedule keeps its own. The
// calendar is immutable and shared.
func copySpec(spec ScheduleSpec) ScheduleSpec {
	c := ScheduleSpec{Location: spec.Location, Weekly: spec.Weekly.clone(), Calendar: spec.Calendar,
		MakeUpHours: slices.Clone(spec.MakeUpHours), Holidays: slices.Clone(spec.Holidays)}
	for _, m := range spec.MakeUpDays {
		c.MakeUpDays = append(c.MakeUpDays, DayHours{Date: m.Date, Hours: slices.Clone(m.Hours)})
	}
	return c
}
