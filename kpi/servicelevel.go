package kpi

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/opskit/opskit/internal/checked"
)

// Contact is one call or chat offered to a queue. It was either
// answered by an agent (客服) or abandoned by the customer while
// waiting, never both. Calls and chats read alike: for a call Offered is
// when it entered the queue, Answered when an agent picked up; for a chat
// Offered is the customer's first message, Answered the agent's first reply
// (auto-replies do not answer), Abandoned when the chat closed unanswered.
//
// The handle time of an answered contact is Talk + Hold + WrapUp (talk,
// hold and after-contact work; for a chat, Talk is the time the agent spent
// in it). Abandoned contacts have no handle time.
type Contact struct {
	ID        string        `json:"id"`
	Agent     string        `json:"agent"` // who answered; empty for an abandoned contact
	Offered   time.Time     `json:"offered"`
	Answered  time.Time     `json:"answered,omitzero"`  // zero: not answered
	Abandoned time.Time     `json:"abandoned,omitzero"` // zero: not abandoned
	Talk      time.Duration `json:"talk"`
	Hold      time.Duration `json:"hold"`
	WrapUp    time.Duration `json:"wrap_up"`
}

// ServiceLevelOptions set the service-level threshold T (answered within
// T: a wait of at most T), the grace period under which an abandon is a
// short abandon (a wait strictly shorter than Grace; zero: none is), an
// optional business-hours [Schedule] for waits, and the agents' staffed
// (logged-in) time for occupancy (zero: occupancy is not computed).
type ServiceLevelOptions struct {
	Threshold time.Duration `json:"threshold"`
	Grace     time.Duration `json:"grace"`
	Schedule  *Schedule     `json:"schedule,omitempty"`
	Staffed   time.Duration `json:"staffed"`
}

// ServiceLevelReport is the result of [ServiceLevels]: the counts, the
// common service-level variants, the abandonment rate, the waits of
// answered contacts (their mean is the average speed of answer, ASA), the
// handle times (their mean is the average handle time, AHT) and the
// occupancy. Every ratio is 0 when its denominator is 0.
//
// With answered A, abandoned B, offered N = A + B, answered within T A_T,
// abandoned within T B_T and short abandons B_g (wait < Grace):
//
//	OverOffered            = A_T ÷ N              abandons count as misses (ICMI #3)
//	OverAnswered           = A_T ÷ A              abandons ignored (ICMI #2)
//	ExcludingShortAbandons = A_T ÷ (N - B_g)      short abandons left out
//	AbandonsWithinAsMet    = (A_T + B_T) ÷ N      abandons within T count as met (ICMI #1)
//	AbandonRate            = B ÷ N
//	Occupancy              = Σ handle time ÷ staffed time
//
// ICMI's formula #4, A_T ÷ (A + abandons after T), is ExcludingShortAbandons
// with Grace just above T (T plus the clock's resolution).
type ServiceLevelReport struct {
	Offered                int64         `json:"offered"`
	Answered               int64         `json:"answered"`
	Abandoned              int64         `json:"abandoned"`
	AnsweredWithin         int64         `json:"answered_within"`
	AbandonedWithin        int64         `json:"abandoned_within"`
	ShortAbandoned         int64         `json:"short_abandoned"`
	OverOffered            float64       `json:"over_offered"`
	OverAnswered           float64       `json:"over_answered"`
	ExcludingShortAbandons float64       `json:"excluding_short_abandons"`
	AbandonsWithinAsMet    float64       `json:"abandons_within_as_met"`
	AbandonRate            float64       `json:"abandon_rate"`
	Wait                   ResponseStats `json:"wait"`   // answered contacts; Mean is the ASA
	Handle                 ResponseStats `json:"handle"` // answered contacts; Mean is the AHT
	HandleTotal            time.Duration `json:"handle_total"`
	Occupancy              float64       `json:"occupancy"`
}

// ServiceLevels measures the service level of contacts (calls or chats).
// A contact's wait runs from Offered to Answered or Abandoned, on the wall
// clock or, with a schedule, in business hours ([Schedule.Between]).
//
// Errors (*[FieldError]): a threshold of zero or less, a negative grace or
// staffed time ([ErrInvalidNumber]); a contact without an offered time
// ([ErrEmpty]), both or neither of answered and abandoned
// ([ErrInconsistent]), answered or abandoned before offered
// ([ErrOutOfOrder]), a negative talk, hold or wrap-up time
// ([ErrInvalidNumber]); handle times whose sum overflows a time.Duration
// ([ErrTooLarge]); more handle time than staffed time ([ErrInconsistent]).
func ServiceLevels(contacts []Contact, opt ServiceLevelOptions) (ServiceLevelReport, error) {
	const op = "service levels"
	switch {
	case opt.Threshold <= 0:
		return ServiceLevelReport{}, fieldErr(op, "threshold", opt.Threshold, ErrInvalidNumber, "must be positive")
	case opt.Grace < 0:
		return ServiceLevelReport{}, fieldErr(op, "grace", opt.Grace, ErrInvalidNumber, "must be at least 0")
	case opt.Staffed < 0:
		return ServiceLevelReport{}, fieldErr(op, "staffed", opt.Staffed, ErrInvalidNumber, "must be at least 0")
	}
	dur := func(a, b time.Time) time.Duration { return b.Sub(a) }
	if opt.Schedule != nil {
		dur = opt.Schedule.Between
	}
	var r ServiceLevelReport
	var waits, handles []time.Duration
	var total int64
	for i, c := range contacts {
		f := func(name string) string { return fmt.Sprintf("contacts[%d].%s", i, name) }
		answered, abandoned := !c.Answered.IsZero(), !c.Abandoned.IsZero()
		switch {
		case c.Offered.IsZero():
			return ServiceLevelReport{}, fieldErr(op, f("offered"), nil, ErrEmpty)
		case answered == abandoned:
			return ServiceLevelReport{}, fieldErr(op, f("answered"), nil, ErrInconsistent, "a contact is either answered or abandoned")
		}
		end, name := c.Answered, "answered"
		if abandoned {
			end, name = c.Abandoned, "abandoned"
		}
		if end.Before(c.Offered) {
			return ServiceLevelReport{}, fieldErr(op, f(name), end.Format(time.RFC3339Nano), ErrOutOfOrder, "before offered")
		}
		wait := dur(c.Offered, end)
		r.Offered++
		if abandoned {
			r.Abandoned++
			if wait <= opt.Threshold {
				r.AbandonedWithin++
			}
			if wait < opt.Grace {
				r.ShortAbandoned++
			}
			continue
		}
		r.Answered++
		if wait <= opt.Threshold {
			r.AnsweredWithin++
		}
		h := int64(0)
		for _, part := range []struct {
			name string
			d    time.Duration
		}{{"talk", c.Talk}, {"hold", c.Hold}, {"wrap_up", c.WrapUp}} {
			if part.d < 0 {
				return ServiceLevelReport{}, fieldErr(op, f(part.name), part.d, ErrInvalidNumber, "must be at least 0")
			}
			var ok bool
			if h, ok = checked.Add(h, int64(part.d)); !ok {
				return ServiceLevelReport{}, fieldErr(op, f(part.name), part.d, ErrTooLarge, "handle time beyond 292 years")
			}
		}
		var ok bool
		if total, ok = checked.Add(total, h); !ok {
			return ServiceLevelReport{}, fieldErr(op, f("talk"), c.Talk, ErrTooLarge, "total handle time beyond 292 years")
		}
		waits = append(waits, wait)
		handles = append(handles, time.Duration(h))
	}
	r.HandleTotal = time.Duration(total)
	r.Wait, r.Handle = stats(waits), stats(handles)
	r.OverOffered = ratio(r.AnsweredWithin, r.Offered)
	r.OverAnswered = ratio(r.AnsweredWithin, r.Answered)
	r.ExcludingShortAbandons = ratio(r.AnsweredWithin, r.Offered-r.ShortAbandoned)
	r.AbandonsWithinAsMet = ratio(r.AnsweredWithin+r.AbandonedWithin, r.Offered) // each ≤ Offered ≤ len(contacts)
	r.AbandonRate = ratio(r.Abandoned, r.Offered)
	if opt.Staffed > 0 {
		if r.HandleTotal > opt.Staffed {
			return ServiceLevelReport{}, fieldErr(op, "staffed", opt.Staffed, ErrInconsistent, "less than the handle time "+r.HandleTotal.String())
		}
		r.Occupancy = float64(r.HandleTotal) / float64(opt.Staffed)
	}
	return r, nil
}

// ratio is num ÷ den, or 0 when den is 0.
func ratio(num, den int64) float64 {
	if den == 0 {
		return 0
	}
	return float64(num) / float64(den)
}

type contactJSON struct {
	ID        string       `json:"id"`
	Agent     string       `json:"agent"`
	Offered   time.Time    `json:"offered"`
	Answered  time.Time    `json:"answered,omitzero"`
	Abandoned time.Time    `json:"abandoned,omitzero"`
	Talk      jsonDuration `json:"talk"`
	Hold      jsonDuration `json:"hold"`
	WrapUp    jsonDuration `json:"wrap_up"`
}

// MarshalJSON writes the times in RFC 3339 (an unset answered or abandoned
// time is left out) and the durations as Go duration strings ("4m30s").
func (c Contact) MarshalJSON() ([]byte, error) {
	return json.Marshal(contactJSON{c.ID, c.Agent, c.Offered, c.Answered, c.Abandoned,
		jsonDuration(c.Talk), jsonDuration(c.Hold), jsonDuration(c.WrapUp)})
}

// UnmarshalJSON reads the form of [Contact.MarshalJSON], strictly.
func (c *Contact) UnmarshalJSON(b []byte) error {
	var j contactJSON
	if err := decodeStrict(b, &j); err != nil {
		return jsonErr("decode contact", err)
	}
	*c = Contact{j.ID, j.Agent, j.Offered, j.Answered, j.Abandoned,
		time.Duration(j.Talk), time.Duration(j.Hold), time.Duration(j.WrapUp)}
	return nil
}

type serviceLevelOptionsJSON struct {
	Threshold jsonDuration `json:"threshold"`
	Grace     jsonDuration `json:"grace"`
	Schedule  *Schedule    `json:"schedule,omitempty"`
	Staffed   jsonDuration `json:"staffed"`
}

// MarshalJSON writes the durations as Go duration strings and the schedule
// (left out when nil) as its spec.
func (o ServiceLevelOptions) MarshalJSON() ([]byte, error) {
	return json.Marshal(serviceLevelOptionsJSON{jsonDuration(o.Threshold), jsonDuration(o.Grace), o.Schedule, jsonDuration(o.Staffed)})
}

// UnmarshalJSON reads the form of [ServiceLevelOptions.MarshalJSON],
// strictly; the schedule is validated by [NewSchedule].
func (o *ServiceLevelOptions) UnmarshalJSON(b []byte) error {
	var j serviceLevelOptionsJSON
	if err := decodeStrict(b, &j); err != nil {
		return jsonErr("decode service level options", err)
	}
	*o = ServiceLevelOptions{time.Duration(j.Threshold), time.Duration(j.Grace), j.Schedule, time.Duration(j.Staffed)}
	return nil
}

// MarshalJSON writes HandleTotal as a Go duration string; the rest as
// tagged.
func (r ServiceLevelReport) MarshalJSON() ([]byte, error) {
	type plain ServiceLevelReport
	return json.Marshal(struct {
		plain
		HandleTotal jsonDuration `json:"handle_total"`
	}{plain(r), jsonDuration(r.HandleTotal)})
}
