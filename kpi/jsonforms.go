package kpi

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// The JSON forms of the types that hold a time.Duration, a *time.Location
// or a compiled schedule. Durations are strings in Go's duration format
// ("1h30m0s", from Duration.String, parsed with time.ParseDuration);
// locations are IANA names ("Asia/Shanghai"), loaded with
// time.LoadLocation on decode; a Schedule is its [ScheduleSpec].

// jsonDuration is a time.Duration with the text form "1h30m0s".
type jsonDuration time.Duration

func (d jsonDuration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

func (d *jsonDuration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return &FieldError{Op: "decode duration", Value: quote(string(b)), Err: ErrInvalidJSON, Detail: `want a Go duration such as "1h30m0s"`}
	}
	*d = jsonDuration(v)
	return nil
}

// jsonLocation is a *time.Location with the text form of its name; the
// nil location is the empty string.
type jsonLocation struct{ loc *time.Location }

func (l jsonLocation) MarshalText() ([]byte, error) {
	if l.loc == nil {
		return []byte{}, nil
	}
	return []byte(l.loc.String()), nil
}

func (l *jsonLocation) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		l.loc = nil
		return nil
	}
	loc, err := time.LoadLocation(string(b))
	if err != nil {
		return &FieldError{Op: "decode location", Value: quote(string(b)), Err: ErrInvalidJSON, Detail: "unknown time zone"}
	}
	l.loc = loc
	return nil
}

func quote(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b)
}

type responseStatsJSON struct {
	Count int64        `json:"count"`
	Mean  jsonDuration `json:"mean"`
	P50   jsonDuration `json:"p50"`
	P90   jsonDuration `json:"p90"`
	Max   jsonDuration `json:"max"`
}

// MarshalJSON writes the durations as Go duration strings:
// {"count":2,"mean":"1m45s","p50":"1m45s","p90":"1m57s","max":"2m0s"}.
func (r ResponseStats) MarshalJSON() ([]byte, error) {
	return json.Marshal(responseStatsJSON{r.Count, jsonDuration(r.Mean), jsonDuration(r.P50), jsonDuration(r.P90), jsonDuration(r.Max)})
}

// UnmarshalJSON reads the form of [ResponseStats.MarshalJSON], strictly.
func (r *ResponseStats) UnmarshalJSON(b []byte) error {
	var j responseStatsJSON
	if err := decodeStrict(b, &j); err != nil {
		return jsonErr("decode response stats", err)
	}
	*r = ResponseStats{j.Count, time.Duration(j.Mean), time.Duration(j.P50), time.Duration(j.P90), time.Duration(j.Max)}
	return nil
}

type serviceOptionsJSON struct {
	Schedule          *Schedule    `json:"schedule,omitempty"`
	FastWithin        jsonDuration `json:"fast_within"`
	AttributionWindow jsonDuration `json:"attribution_window"`
	ListRounds        bool         `json:"list_rounds,omitempty"`
}

// MarshalJSON writes the durations as Go duration strings and the schedule
// (omitted when nil) as its spec.
func (o ServiceOptions) MarshalJSON() ([]byte, error) {
	return json.Marshal(serviceOptionsJSON{o.Schedule, jsonDuration(o.FastWithin), jsonDuration(o.AttributionWindow), o.ListRounds})
}

// UnmarshalJSON reads the form of [ServiceOptions.MarshalJSON], strictly;
// the schedule is validated by [NewSchedule].
func (o *ServiceOptions) UnmarshalJSON(b []byte) error {
	var j serviceOptionsJSON
	if err := decodeStrict(b, &j); err != nil {
		return jsonErr("decode service options", err)
	}
	*o = ServiceOptions{j.Schedule, time.Duration(j.FastWithin), time.Duration(j.AttributionWindow), j.ListRounds}
	return nil
}

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
// location with time.LoadLocation and the calendar with
// [Calendar.UnmarshalJSON]. It does not validate the rest of the spec;
// [NewSchedule] does.
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

type attendanceRulesJSON struct {
	Location jsonLocation     `json:"location"`
	SignIn   ClosedClockRange `json:"sign_in"`
	SignOut  ClosedClockRange `json:"sign_out"`
	Exam     ClosedClockRange `json:"exam"`
}

// MarshalJSON writes the location by name and the windows as
// "08:00-09:00".
func (r AttendanceRules) MarshalJSON() ([]byte, error) {
	return json.Marshal(attendanceRulesJSON{jsonLocation{r.Location}, r.SignIn, r.SignOut, r.Exam})
}

// UnmarshalJSON reads the form of [AttendanceRules.MarshalJSON], strictly.
func (r *AttendanceRules) UnmarshalJSON(b []byte) error {
	var j attendanceRulesJSON
	if err := decodeStrict(b, &j); err != nil {
		return jsonErr("decode attendance rules", err)
	}
	*r = AttendanceRules{j.Location.loc, j.SignIn, j.SignOut, j.Exam}
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

// decodeInto decodes data strictly into v (a plain copy of a kpi type, so
// without its UnmarshalJSON) and turns any failure into a *FieldError of
// operation op: a bad date or clock wraps ErrInvalidDate or
// ErrInvalidTimeRange, anything else ErrInvalidJSON.
func decodeInto(op string, data []byte, v any) error {
	if err := decodeStrict(data, v); err != nil {
		return jsonErr(op, err)
	}
	return nil
}

// UnmarshalJSON decodes a record strictly (unknown or repeated keys are
// [ErrInvalidJSON]; a day that is not a valid "2006-01-02" is
// [ErrInvalidDate]), as a *[FieldError].
func (r *AttendanceRecord) UnmarshalJSON(data []byte) error {
	type plain AttendanceRecord
	return decodeInto("decode attendance record", data, (*plain)(r))
}

// UnmarshalJSON decodes an activity strictly, like
// [AttendanceRecord.UnmarshalJSON].
func (a *ActivityRecord) UnmarshalJSON(data []byte) error {
	type plain ActivityRecord
	return decodeInto("decode activity", data, (*plain)(a))
}

// UnmarshalJSON decodes a quota scheme strictly (unknown or repeated keys
// are [ErrInvalidJSON]); [EvaluateQuotas] validates it.
func (s *QuotaScheme) UnmarshalJSON(data []byte) error {
	type plain QuotaScheme
	return decodeInto("decode quota scheme", data, (*plain)(s))
}

// MarshalJSON writes the plan with enumerations as strings and the last
// tier marked "unbounded": true (also when it was given by the zero-To
// shorthand), so the JSON form always says where the table is open:
//
//	{"currency":"CNY","method":"marginal","boundary":"lower",
//	 "tiers":[{"from":"0","to":"50000","rate":"0.05"},
//	          {"from":"50000","unbounded":true,"rate":"0.07"}],
//	 "accelerators":null,"rounding":"half_up"}
func (p CommissionPlan) MarshalJSON() ([]byte, error) {
	type plain CommissionPlan
	c := plain(p)
	if n := len(p.Tiers); n > 0 && p.Tiers[n-1].open(n-1, n) {
		c.Tiers = slices.Clone(p.Tiers)
		c.Tiers[n-1].Unbounded = true
	}
	return json.Marshal(c)
}

// UnmarshalJSON decodes a commission plan strictly (unknown or repeated
// keys and trailing data are [ErrInvalidJSON]) and validates it with
// [CommissionPlan.Validate], so a decoded plan is always valid, like a
// decoded [Scheme]. In JSON the last tier must say "unbounded": true; a
// last tier with neither "to" nor "unbounded" is [ErrInvalidTiers].
func (p *CommissionPlan) UnmarshalJSON(data []byte) error {
	const op = "decode commission plan"
	type plain CommissionPlan
	var c plain
	if err := decodeInto(op, data, &c); err != nil {
		return err
	}
	if n := len(c.Tiers); n > 0 && !c.Tiers[n-1].Unbounded && c.Tiers[n-1].To.IsZero() {
		return fieldErr(op, fmt.Sprintf("tiers[%d].unbounded", n-1), nil, ErrInvalidTiers, `the last tier needs "unbounded": true`)
	}
	if err := CommissionPlan(c).Validate(); err != nil {
		return withOp(op, "", err)
	}
	*p = CommissionPlan(c)
	return nil
}

// ParseCommissionPlan decodes and validates a commission plan from JSON;
// see [CommissionPlan.UnmarshalJSON].
func ParseCommissionPlan(data []byte) (CommissionPlan, error) {
	var p CommissionPlan
	if err := p.UnmarshalJSON(data); err != nil {
		return CommissionPlan{}, err
	}
	return p, nil
}

type responseRoundJSON struct {
	Conversation string       `json:"conversation"`
	Customer     string       `json:"customer"`
	Agent        string       `json:"agent"`
	Round        int          `json:"round"`
	Asked        time.Time    `json:"asked"`
	Answered     time.Time    `json:"answered"`
	Wait         jsonDuration `json:"wait"`
	Fast         bool         `json:"fast"`
}

// MarshalJSON writes the wait as a Go duration string ("1m30s").
func (r ResponseRound) MarshalJSON() ([]byte, error) {
	return json.Marshal(responseRoundJSON{r.Conversation, r.Customer, r.Agent, r.Round, r.Asked, r.Answered, jsonDuration(r.Wait), r.Fast})
}

// UnmarshalJSON reads the form of [ResponseRound.MarshalJSON], strictly.
func (r *ResponseRound) UnmarshalJSON(b []byte) error {
	var j responseRoundJSON
	if err := decodeStrict(b, &j); err != nil {
		return jsonErr("decode response round", err)
	}
	*r = ResponseRound{j.Conversation, j.Customer, j.Agent, j.Round, j.Asked, j.Answered, time.Duration(j.Wait), j.Fast}
	return nil
}
