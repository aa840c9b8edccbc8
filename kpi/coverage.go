package kpi

import (
	"fmt"
	"slices"
	"time"

	"github.com/opskit/opskit/internal/checked"
)

// Shift is a block of agents on duty: Agents people from Start to
// End, half-open [Start, End). A break is two shifts, one each side of it.
type Shift struct {
	Name   string    `json:"name"`
	Start  time.Time `json:"start"`
	End    time.Time `json:"end"`
	Agents int64     `json:"agents"`
}

// CoverageLine compares one interval's requirement with the shifts: the
// agents required, the agents scheduled (the fewest on duty at any instant
// of the interval, so a gap of one minute shows) and Gap = Scheduled -
// Required: below zero the interval is under-staffed, above zero
// over-staffed.
type CoverageLine struct {
	Start     time.Time     `json:"start"`
	Length    time.Duration `json:"length"`
	Required  int64         `json:"required"`
	Scheduled int64         `json:"scheduled"`
	Gap       int64         `json:"gap"`
}

// Coverage checks shifts against a requirement, interval by interval: the
// requirement is a list of intervals with the agents each needs (the
// Start, Length and Agents of [StaffingLine], as [Staffing] returns them),
// in time order and not overlapping. An agent counts for an interval only
// if on duty through all of it: the scheduled number is the minimum
// headcount over [Start, Start+Length).
//
// Seed-rules K-18 and K-19: customer service online from 08:00 until
// closing, never without an agent, two agents on an early and a late
// shift; a lunch break not covered by the other shift leaves its interval
// one agent short.
//
// Errors (*[FieldError]): a requirement with a length of zero or less or
// negative agents ([ErrInvalidNumber]), out of order or overlapping
// ([ErrOutOfOrder]); a shift that does not end after it starts
// ([ErrInvalidTimeRange]) or has negative agents ([ErrInvalidNumber]);
// shifts whose agents add up beyond int64 ([ErrTooLarge]).
func Coverage(required []StaffingLine, shifts []Shift) ([]CoverageLine, error) {
	const op = "coverage"
	type event struct {
		at    time.Time
		delta int64
	}
	events := make([]event, 0, 2*len(shifts))
	var all int64
	for i, s := range shifts {
		f := fmt.Sprintf("shifts[%d]", i)
		switch {
		case !s.End.After(s.Start):
			return nil, fieldErr(op, f+".end", s.End.Format(time.RFC3339), ErrInvalidTimeRange, "must be after start")
		case s.Agents < 0:
			return nil, fieldErr(op, f+".agents", s.Agents, ErrInvalidNumber, "must be at least 0")
		}
		var ok bool
		if all, ok = checked.Add(all, s.Agents); !ok {
			return nil, fieldErr(op, f+".agents", s.Agents, ErrTooLarge, "agents of all shifts beyond int64")
		}
		events = append(events, event{s.Start, s.Agents}, event{s.End, -s.Agents})
	}
	// Every partial sum below lies in [0, all]: no overflow.
	slices.SortStableFunc(events, func(a, b event) int { return a.at.Compare(b.at) })
	out := make([]CoverageLine, 0, len(required))
	var on int64
	k := 0
	var prevEnd time.Time
	for i, r := range required {
		f := fmt.Sprintf("required[%d]", i)
		switch {
		case r.Length <= 0:
			return nil, fieldErr(op, f+".length", r.Length, ErrInvalidNumber, "must be positive")
		case r.Agents < 0:
			return nil, fieldErr(op, f+".agents", r.Agents, ErrInvalidNumber, "must be at least 0")
		case i > 0 && r.Start.Before(prevEnd):
			return nil, fieldErr(op, f+".start", r.Start.Format(time.RFC3339), ErrOutOfOrder, "before the end of the previous interval")
		}
		end := r.Start.Add(r.Length)
		for k < len(events) && !events[k].at.After(r.Start) {
			on += events[k].delta
			k++
		}
		least := on
		for k < len(events) && events[k].at.Before(end) {
			at := events[k].at
			for k < len(events) && events[k].at.Equal(at) {
				on += events[k].delta
				k++
			}
			least = min(least, on)
		}
		out = append(out, CoverageLine{Start: r.Start, Length: r.Length, Required: r.Agents, Scheduled: least, Gap: least - r.Agents})
		prevEnd = end
	}
	return out, nil
}
