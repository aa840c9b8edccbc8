package kpi

import (
	"fmt"
	"math"
	"time"
)

// Limits of the staffing models.
const (
	// MaxAgents = 100,000: the most agents [Staffing] considers for one
	// interval ([ErrTooLarge] when the target needs more, or the offered
	// load alone is beyond it).
	MaxAgents = 100_000
	// MaxStaffingWork = 50,000,000: the steps one Erlang A interval may take
	// (uniformisation steps × queue states over its evaluations), so that
	// a long answer target with a huge load cannot run for minutes; one
	// evaluation also keeps at most 1,048,576 states of the chain, 8 MiB
	// ([ErrTooLarge]).
	MaxStaffingWork = 50_000_000
)

// Interval is one forecast interval (a half hour, say): its start and
// length, the contacts (calls or chats) expected in it and their mean
// handle time (talk + hold + wrap-up).
type Interval struct {
	Start    time.Time     `json:"start"`
	Length   time.Duration `json:"length"`
	Contacts int64         `json:"contacts"`
	AHT      time.Duration `json:"aht"`
}

// StaffingTarget is what every interval's staffing must meet; a zero field
// sets no target. ServiceLevel is X in "X% answered within AnswerWithin"
// (0.8 with 20 s is the common 80/20); MaxASA caps the average speed of
// answer; MaxOccupancy caps load ÷ agents (0.85, say); MaxAbandon caps the
// share of callers who hang up (Erlang A only). Patience, when positive,
// switches from Erlang C to Erlang A with that mean patience (callers
// abandon after an exponential time with this mean).
type StaffingTarget struct {
	ServiceLevel float64       `json:"service_level"`
	AnswerWithin time.Duration `json:"answer_within"`
	MaxASA       time.Duration `json:"max_asa"`
	MaxOccupancy float64       `json:"max_occupancy"`
	MaxAbandon   float64       `json:"max_abandon"`
	Patience     time.Duration `json:"patience"`
}

// StaffingLine is the requirement of one interval: the offered load in
// Erlangs (contacts × AHT ÷ length), the fewest agents that meet every
// target, and the performance they give: the chance to wait, the service
// level within AnswerWithin, the ASA, the occupancy and (Erlang A) the
// abandonment rate. An interval without contacts needs 0 agents and
// reports a service level of 1; one with contacts needs at least 1.
type StaffingLine struct {
	Start        time.Time     `json:"start"`
	Length       time.Duration `json:"length"`
	Load         float64       `json:"load"`
	Agents       int64         `json:"agents"`
	Wait         float64       `json:"wait"`
	ServiceLevel float64       `json:"service_level"`
	ASA          time.Duration `json:"asa"`
	Occupancy    float64       `json:"occupancy"`
	Abandon      float64       `json:"abandon"`
}

const opStaffing = "staffing"

func (t StaffingTarget) validate() error {
	for _, f := range []struct {
		name string
		v    float64
	}{{"service_level", t.ServiceLevel}, {"max_occupancy", t.MaxOccupancy}, {"max_abandon", t.MaxAbandon}} {
		if !finite(f.v) || f.v < 0 || f.v > 1 {
			return fieldErr(opStaffing, "target."+f.name, f.v, ErrInvalidNumber, "want 0-1 (0: no target)")
		}
	}
	switch {
	case t.AnswerWithin < 0:
		return fieldErr(opStaffing, "target.answer_within", t.AnswerWithin, ErrInvalidNumber, "must be at least 0")
	case t.ServiceLevel > 0 && t.AnswerWithin == 0:
		return fieldErr(opStaffing, "target.answer_within", t.AnswerWithin, ErrInvalidNumber, "a service-level target needs a time")
	case t.MaxASA < 0:
		return fieldErr(opStaffing, "target.max_asa", t.MaxASA, ErrInvalidNumber, "must be at least 0")
	case t.Patience < 0:
		return fieldErr(opStaffing, "target.patience", t.Patience, ErrInvalidNumber, "must be at least 0")
	case t.MaxAbandon > 0 && t.Patience == 0:
		return fieldErr(opStaffing, "target.max_abandon", t.MaxAbandon, ErrInvalidNumber, "an abandonment cap needs a patience (Erlang A)")
	}
	return nil
}

func (iv Interval) validate(f string) error {
	switch {
	case iv.Length <= 0:
		return fieldErr(opStaffing, f+".length", iv.Length, ErrInvalidNumber, "must be positive")
	case iv.Contacts < 0:
		return fieldErr(opStaffing, f+".contacts", iv.Contacts, ErrInvalidNumber, "must be at least 0")
	case iv.AHT <= 0:
		return fieldErr(opStaffing, f+".aht", iv.AHT, ErrInvalidNumber, "must be positive")
	}
	// Load = contacts × AHT ÷ length in float64: contacts and durations
	// are below 2^63, so the product is finite.
	if load := float64(iv.Contacts) * iv.AHT.Seconds() / iv.Length.Seconds(); load > MaxAgents {
		return fieldErr(opStaffing, f+".contacts", iv.Contacts, ErrTooLarge, fmt.Sprintf("offered load %.6g Erlangs; at most %d agents", load, MaxAgents))
	}
	return nil
}

// Staffing returns, for each forecast interval, the fewest agents that
// meet the target: the service level (X% within Y), the ASA cap, the
// occupancy cap and, with a patience (Erlang A), the abandonment cap.
// Without a patience the model is Erlang C, which needs more agents than
// the load (n > a) for the queue to be stable.
//
// Erlang C (A. K. Erlang; see e.g. Koole, "Call Center Optimization"),
// for n agents and load a = λ·h:
//
//	C(n, a) = n·B / (n - a·(1 - B)),  B = Erlang B by B_k = a·B_{k-1} / (k + a·B_{k-1})
//	SL(t)   = 1 - C·exp(-(n - a)·t / h)
//	ASA     = C·h / (n - a)
//
// The classic case (Call Centre Helper's worked example, repeated by
// pyworkforce's documentation): 100 calls in 30 minutes, AHT 180 s, 80%
// within 20 s → load 10 Erlangs, 14 agents, SL 88.8%, occupancy 71.4%.
//
// Agents are searched upwards (Erlang C, each step O(1)) or by bisection
// (Erlang A: service level and abandonment improve with every agent).
// Errors (*[FieldError]): a target outside its range ([ErrInvalidNumber]);
// an interval with a length or AHT of zero or less, or negative contacts
// ([ErrInvalidNumber]); a load or requirement beyond [MaxAgents], or an
// Erlang A interval beyond [MaxStaffingWork] ([ErrTooLarge]).
func Staffing(intervals []Interval, target StaffingTarget) ([]StaffingLine, error) {
	if err := target.validate(); err != nil {
		return nil, err
	}
	out := make([]StaffingLine, 0, len(intervals))
	for i, iv := range intervals {
		f := fmt.Sprintf("intervals[%d]", i)
		if err := iv.validate(f); err != nil {
			return nil, err
		}
		line, err := staffInterval(iv, target, f)
		if err != nil {
			return nil, err
		}
		out = append(out, line)
	}
	return out, nil
}

// StaffingPerformance is the performance of a given number of agents in
// one interval under the target's model (Erlang C, or Erlang A with a
// patience): what [Staffing] reports for the number it chose. With Erlang
// C and agents ≤ load the queue grows without bound: the line reports a
// wait chance of 1, service level 0, occupancy 1 and an ASA of
// math.MaxInt64 (no finite mean). Errors as for [Staffing], and agents
// below 0 or above [MaxAgents].
func StaffingPerformance(agents int64, iv Interval, target StaffingTarget) (StaffingLine, error) {
	if err := target.validate(); err != nil {
		return StaffingLine{}, err
	}
	if err := iv.validate("interval"); err != nil {
		return StaffingLine{}, err
	}
	if agents < 0 || agents > MaxAgents {
		return StaffingLine{}, fieldErr(opStaffing, "agents", agents, ErrTooLarge, fmt.Sprintf("want 0-%d", MaxAgents))
	}
	m := newModel(iv, target)
	var work int64
	p, ok := m.eval(agents, &work)
	if !ok {
		return StaffingLine{}, fieldErr(opStaffing, "interval", nil, ErrTooLarge, fmt.Sprintf("more than %d steps", MaxStaffingWork))
	}
	return m.line(iv, agents, p), nil
}

type model struct {
	lam, mu, theta, a, h, t float64
}

func newModel(iv Interval, target StaffingTarget) model {
	m := model{h: iv.AHT.Seconds(), t: target.AnswerWithin.Seconds()}
	m.lam = float64(iv.Contacts) / iv.Length.Seconds()
	m.mu = 1 / m.h
	m.a = m.lam * m.h
	if target.Patience > 0 {
		m.theta = 1 / target.Patience.Seconds()
	}
	return m
}

// eval is the performance of n agents.
func (m model) eval(n int64, work *int64) (perf, bool) {
	switch {
	case m.lam == 0:
		return perf{sl: 1}, true
	case n == 0:
		return perf{wait: 1, abandon: boolRate(m.theta > 0), asa: math.Inf(1), occupancy: 1}, true
	case m.theta > 0:
		return erlangAPerf(n, m.lam, m.mu, m.theta, m.t, work, MaxStaffingWork)
	case float64(n) <= m.a:
		return perf{wait: 1, asa: math.Inf(1), occupancy: 1}, true
	}
	*work += n
	return erlangCPerf(n, m.a, m.h, m.t, erlangB(n, m.a)), true
}

func boolRate(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func (m model) line(iv Interval, n int64, p perf) StaffingLine {
	return StaffingLine{Start: iv.Start, Length: iv.Length, Load: m.a, Agents: n,
		Wait: p.wait, ServiceLevel: p.sl, ASA: asaDuration(p.asa), Occupancy: p.occupancy, Abandon: p.abandon}
}

// asaDuration rounds an ASA in seconds to the nanosecond; +Inf and
// anything beyond the largest Duration is math.MaxInt64.
func asaDuration(sec float64) time.Duration {
	if s := sec * float64(time.Second); s < float64(math.MaxInt64) {
		return time.Duration(math.Round(s))
	}
	return time.Duration(math.MaxInt64)
}

// meets reports whether p satisfies every target that is set; the ASA is
// compared as reported, rounded to the nanosecond.
func meets(p perf, t StaffingTarget) bool {
	return (t.ServiceLevel == 0 || p.sl >= t.ServiceLevel) &&
		(t.MaxASA == 0 || asaDuration(p.asa) <= t.MaxASA) &&
		(t.MaxOccupancy == 0 || p.occupancy <= t.MaxOccupancy) &&
		(t.MaxAbandon == 0 || p.abandon <= t.MaxAbandon)
}

func staffInterval(iv Interval, target StaffingTarget, f string) (StaffingLine, error) {
	m := newModel(iv, target)
	var work int64
	tooLarge := func(detail string) error {
		return fieldErr(opStaffing, f, nil, ErrTooLarge, detail)
	}
	if m.lam == 0 {
		p, _ := m.eval(0, &work)
		return m.line(iv, 0, p), nil
	}
	if m.theta == 0 {
		n, p, ok := m.erlangCAnswer(target)
		if !ok {
			return StaffingLine{}, tooLarge(fmt.Sprintf("needs more than %d agents", MaxAgents))
		}
		return m.line(iv, n, p), nil
	}
	// Erlang A: service level and abandonment improve with every agent, so
	// the fewest agents are found by galloping from a guess (the Erlang C
	// answer without the abandonment cap, or the load) and bisecting.
	guess := max(int64(1), int64(math.Ceil(m.a)))
	noAbandon := target
	noAbandon.MaxAbandon = 0
	if n, _, ok := m.erlangCAnswer(noAbandon); ok {
		guess = n
	}
	eval := func(n int64) (perf, bool, error) {
		p, ok := m.eval(n, &work)
		if !ok {
			return perf{}, false, tooLarge(fmt.Sprintf("more than %d steps", MaxStaffingWork))
		}
		return p, meets(p, target), nil
	}
	best, ok, err := eval(guess)
	if err != nil {
		return StaffingLine{}, err
	}
	var lo, hi int64 // the answer lies in [lo, hi]; best is hi's performance
	if ok {
		lo, hi = 1, guess
		for step := int64(1); hi > 1; step *= 2 {
			cand := max(1, hi-step)
			p, ok, err := eval(cand)
			if err != nil {
				return StaffingLine{}, err
			}
			if !ok {
				lo = cand + 1
				break
			}
			hi, best = cand, p
		}
	} else {
		lo = guess + 1
		for step := int64(1); ; step *= 2 {
			if lo > MaxAgents {
				return StaffingLine{}, tooLarge(fmt.Sprintf("needs more than %d agents", MaxAgents))
			}
			cand := min(guess+step, MaxAgents)
			p, ok, err := eval(cand)
			if err != nil {
				return StaffingLine{}, err
			}
			if ok {
				hi, best = cand, p
				break
			}
			lo = cand + 1
		}
	}
	for lo < hi {
		mid := lo + (hi-lo)/2
		p, ok, err := eval(mid)
		if err != nil {
			return StaffingLine{}, err
		}
		if ok {
			hi, best = mid, p
		} else {
			lo = mid + 1
		}
	}
	return m.line(iv, hi, best), nil
}

// erlangCAnswer is the fewest agents meeting target under Erlang C: from
// the first stable n upwards, Erlang B updated in O(1) a step.
func (m model) erlangCAnswer(target StaffingTarget) (int64, perf, bool) {
	first := int64(math.Floor(m.a)) + 1
	b := erlangB(first, m.a)
	for n := first; n <= MaxAgents; n++ {
		if n > first {
			b = m.a * b / (float64(n) + m.a*b)
		}
		if p := erlangCPerf(n, m.a, m.h, m.t, b); meets(p, target) {
			return n, p, true
		}
	}
	return 0, perf{}, false
}
