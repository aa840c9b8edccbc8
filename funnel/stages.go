package funnel

import (
	"strconv"
	"time"
)

// Stage is one of the four user stages of the store handbooks (四类用户,
// seed-rules F-12): 咨询 → 购买 → 复买 → 忠诚. The zero value StageNone is
// an actor seen in the events who has neither enquired nor ordered yet.
type Stage uint8

const (
	StageNone    Stage = iota // seen, no enquiry or order yet (访客)
	StageConsult              // enquired, no order yet (咨询用户)
	StageBuyer                // exactly one order (购买用户)
	StageRepeat               // two or more orders, not loyal (复买用户)
	StageLoyal                // at least LoyalOrders orders within LoyalWindow (忠诚用户)
	numStages
)

var stageNames = []string{"none", "consult", "buyer", "repeat", "loyal"}

// String returns the stage's English name, also its text form: "none",
// "consult", "buyer", "repeat" or "loyal".
func (s Stage) String() string { return enumString("Stage", stageNames, s) }

// MarshalText returns the name, or an error for a value outside the constants.
func (s Stage) MarshalText() ([]byte, error) { return enumMarshal("Stage", stageNames, s) }

// UnmarshalText parses a name as returned by String.
func (s *Stage) UnmarshalText(b []byte) error { return enumUnmarshal("Stage", stageNames, s, b) }

// Stages classifies actors into the four stages. The documents do not
// define loyalty (seed-rules §9), so it is a parameter: an actor is loyal
// on a date when they placed at least LoyalOrders orders (>= 2) in the
// LoyalWindow ending at that date, e.g. 3 orders in 180 days.
//
// On a date d, with the events at or before d:
//
//	orders in (d − LoyalWindow, d] >= LoyalOrders  → StageLoyal
//	orders >= 2                                    → StageRepeat
//	orders == 1                                    → StageBuyer
//	an enquiry, no order                           → StageConsult
//	otherwise (seen only)                          → StageNone
//
// An actor appears from the date of their first event of any kind.
type Stages struct {
	Consult, Order Matcher
	LoyalOrders    int
	LoyalWindow    time.Duration
}

// StageCounts counts actors per stage, indexed by [Stage]. Its JSON form
// is an object keyed by stage name: {"none":1,"consult":2,...}.
type StageCounts [numStages]int64

// MarshalJSON encodes the counts keyed by stage name, in stage order.
func (c StageCounts) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for s, v := range c {
		if s > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendQuote(b, Stage(s).String())
		b = append(b, ':')
		b = strconv.AppendInt(b, v, 10)
	}
	return append(b, '}'), nil
}

// MarshalJSON encodes the transitions as an object of objects keyed by
// stage name: {"none":{"none":1,...},...}, rows the first date.
func (t Transitions) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for s, row := range t {
		if s > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendQuote(b, Stage(s).String())
		b = append(b, ':')
		r, _ := StageCounts(row).MarshalJSON()
		b = append(b, r...)
	}
	return append(b, '}'), nil
}

// Transitions counts actors by stage on the first date (row) and the second
// (column), indexed by [Stage]. Actors not yet seen on the first date are
// counted as StageNone there.
type Transitions [numStages][numStages]int64

func (s Stages) check(op string) error {
	switch {
	case s.Consult.Event == "" && s.Consult.Where == nil:
		return fieldErr(op, "consult", nil, ErrInvalidStep, "neither Event nor Where")
	case s.Order.Event == "" && s.Order.Where == nil:
		return fieldErr(op, "order", nil, ErrInvalidStep, "neither Event nor Where")
	case s.LoyalOrders < 2:
		return fieldErr(op, "loyal_orders", s.LoyalOrders, ErrInvalidCount, "at least 2")
	case s.LoyalWindow <= 0:
		return fieldErr(op, "loyal_window", s.LoyalWindow, ErrInvalidPeriod, "must be positive")
	}
	return nil
}

// history is what stage classification needs of one actor.
type history struct {
	firstSeen time.Time
	consulted []time.Time
	orders    []time.Time
}

func (s Stages) histories(op string, events []Event) ([]*history, error) {
	var in Interner
	var hs []*history
	for i := range events {
		e := &events[i]
		if _, err := checkEvent(op, i, e); err != nil {
			return nil, err
		}
		id := in.Intern(e.Actor)
		if int(id) == len(hs) {
			hs = append(hs, &history{firstSeen: e.Time})
		}
		h := hs[id]
		if e.Time.Before(h.firstSeen) {
			h.firstSeen = e.Time
		}
		if stepMatches(&s.Consult, e) {
			h.consulted = append(h.consulted, e.Time)
		}
		if stepMatches(&s.Order, e) {
			h.orders = append(h.orders, e.Time)
		}
	}
	return hs, nil
}

// stage returns h's stage on date d, and whether h is seen by then.
func (s Stages) stage(h *history, d time.Time) (Stage, bool) {
	if h.firstSeen.After(d) {
		return StageNone, false
	}
	var orders, recent int
	from := d.Add(-s.LoyalWindow)
	for _, t := range h.orders {
		if !t.After(d) {
			orders++
			if t.After(from) {
				recent++
			}
		}
	}
	switch {
	case recent >= s.LoyalOrders:
		return StageLoyal, true
	case orders >= 2:
		return StageRepeat, true
	case orders == 1:
		return StageBuyer, true
	}
	for _, t := range h.consulted {
		if !t.After(d) {
			return StageConsult, true
		}
	}
	return StageNone, true
}

// On counts the actors seen at or before date d in each stage. Errors: an
// invalid definition ([ErrInvalidStep], [ErrInvalidCount],
// [ErrInvalidPeriod]); an invalid event ([ErrInvalidEvent]).
func (s Stages) On(events []Event, d time.Time) (StageCounts, error) {
	const op = "stages"
	var c StageCounts
	if err := s.check(op); err != nil {
		return c, err
	}
	hs, err := s.histories(op, events)
	if err != nil {
		return c, err
	}
	for _, h := range hs {
		if st, seen := s.stage(h, d); seen {
			c[st]++
		}
	}
	return c, nil
}

// Between counts transitions from the stage on date from to the stage on
// date to, over the actors seen by to. Errors as [Stages.On], plus to before
// from ([ErrInvalidPeriod]).
func (s Stages) Between(events []Event, from, to time.Time) (Transitions, error) {
	const op = "stage transitions"
	var tr Transitions
	if err := s.check(op); err != nil {
		return tr, err
	}
	if to.Before(from) {
		return tr, fieldErr(op, "to", to.Format(time.RFC3339), ErrInvalidPeriod, "before from "+from.Format(time.RFC3339))
	}
	hs, err := s.histories(op, events)
	if err != nil {
		return tr, err
	}
	for _, h := range hs {
		b, seen := s.stage(h, to)
		if !seen {
			continue
		}
		a, _ := s.stage(h, from)
		tr[a][b]++
	}
	return tr, nil
}

// Rate returns the share of actors that moved from stage a to stage b among
// those in stage a on the first date (阶段转化率), or 0 when none were in a,
// a stage is out of range or a count in the row is negative.
func (t Transitions) Rate(a, b Stage) float64 {
	if a >= numStages || b >= numStages {
		return 0
	}
	// Sum in float64: a Transitions built by hand may hold any int64.
	var row float64
	for _, v := range t[a] {
		if v < 0 {
			return 0
		}
		row += float64(v)
	}
	if row == 0 {
		return 0
	}
	return float64(t[a][b]) / row
}
