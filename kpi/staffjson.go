package kpi

import (
	"encoding/json"
	"time"
)

// The JSON forms of the staffing types: durations as Go duration strings
// ("30m0s"), decoding strict (unknown or repeated keys and trailing data
// are [ErrInvalidJSON]).

type intervalJSON struct {
	Start    time.Time    `json:"start"`
	Length   jsonDuration `json:"length"`
	Contacts int64        `json:"contacts"`
	AHT      jsonDuration `json:"aht"`
}

// MarshalJSON writes the length and AHT as Go duration strings.
func (iv Interval) MarshalJSON() ([]byte, error) {
	return json.Marshal(intervalJSON{iv.Start, jsonDuration(iv.Length), iv.Contacts, jsonDuration(iv.AHT)})
}

// UnmarshalJSON reads the form of [Interval.MarshalJSON], strictly.
func (iv *Interval) UnmarshalJSON(b []byte) error {
	var j intervalJSON
	if err := decodeStrict(b, &j); err != nil {
		return jsonErr("decode interval", err)
	}
	*iv = Interval{j.Start, time.Duration(j.Length), j.Contacts, time.Duration(j.AHT)}
	return nil
}

type staffingTargetJSON struct {
	ServiceLevel float64      `json:"service_level"`
	AnswerWithin jsonDuration `json:"answer_within"`
	MaxASA       jsonDuration `json:"max_asa"`
	MaxOccupancy float64      `json:"max_occupancy"`
	MaxAbandon   float64      `json:"max_abandon"`
	Patience     jsonDuration `json:"patience"`
}

// MarshalJSON writes the durations as Go duration strings.
func (t StaffingTarget) MarshalJSON() ([]byte, error) {
	return json.Marshal(staffingTargetJSON{t.ServiceLevel, jsonDuration(t.AnswerWithin), jsonDuration(t.MaxASA), t.MaxOccupancy, t.MaxAbandon, jsonDuration(t.Patience)})
}

// UnmarshalJSON reads the form of [StaffingTarget.MarshalJSON], strictly;
// [Staffing] validates the values.
func (t *StaffingTarget) UnmarshalJSON(b []byte) error {
	var j staffingTargetJSON
	if err := decodeStrict(b, &j); err != nil {
		return jsonErr("decode staffing target", err)
	}
	*t = StaffingTarget{j.ServiceLevel, time.Duration(j.AnswerWithin), time.Duration(j.MaxASA), j.MaxOccupancy, j.MaxAbandon, time.Duration(j.Patience)}
	return nil
}

// MarshalJSON writes the length and ASA as Go duration strings.
func (l StaffingLine) MarshalJSON() ([]byte, error) {
	type plain StaffingLine
	return json.Marshal(struct {
		plain
		Length jsonDuration `json:"length"`
		ASA    jsonDuration `json:"asa"`
	}{plain(l), jsonDuration(l.Length), jsonDuration(l.ASA)})
}

// MarshalJSON writes the length as a Go duration string.
func (c CoverageLine) MarshalJSON() ([]byte, error) {
	type plain CoverageLine
	return json.Marshal(struct {
		plain
		Length jsonDuration `json:"length"`
	}{plain(c), jsonDuration(c.Length)})
}

// UnmarshalJSON decodes a shift strictly.
func (s *Shift) UnmarshalJSON(b []byte) error {
	type plain Shift
	return decodeInto("decode shift", b, (*plain)(s))
}

// UnmarshalJSON decodes a staff plan strictly; [CheckStaffPlan] validates it.
func (p *StaffPlan) UnmarshalJSON(b []byte) error {
	type plain StaffPlan
	return decodeInto("decode staff plan", b, (*plain)(p))
}

// UnmarshalJSON decodes staffing rules strictly; [CheckStaffPlan]
// validates them.
func (r *StaffRules) UnmarshalJSON(b []byte) error {
	type plain StaffRules
	return decodeInto("decode staff rules", b, (*plain)(r))
}
