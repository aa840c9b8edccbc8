package funnel

import "time"

// Event is one tracked action of one actor (a visitor, a member, a device),
// the input of the convenient path [Funnel.Run]: 浏览 (view), 加购 (add to
// cart), 下单 (order), 支付 (pay).
//
// Events may come in any order; Run sorts them by actor, then time, keeping
// the input order of equal timestamps. Props holds the properties used by
// predicates and breakdowns (channel, city, device); Attrs holds them as a
// slice instead, for callers that would rather not build a map per event
// ([Event.Prop] reads both). Run never modifies either.
type Event struct {
	Actor string            `json:"actor"`           // who; must not be empty
	Time  time.Time         `json:"time"`            // when; years 1678 to 2262 (int64 nanoseconds)
	Name  string            `json:"name"`            // what: "view", "cart", "pay"
	Props map[string]string `json:"props,omitempty"` // optional properties
	Attrs []Attr            `json:"attrs,omitempty"` // optional properties without a map
}

// Attr is one property of an event: a key and its value.
type Attr struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// lookup returns the value of property key as Prop does, and whether the
// event has the key.
func (e *Event) lookup(key string) (string, bool) {
	if v, ok := e.Props[key]; ok {
		return v, true
	}
	for _, a := range e.Attrs {
		if a.Key == key {
			return a.Value, true
		}
	}
	return "", false
}

// Prop returns the value of property key: from Props if it has the key,
// else from the first Attr with that key, else "".
func (e Event) Prop(key string) string {
	v, _ := e.lookup(key)
	return v
}

// Matcher says which events count for a funnel step (and for the start,
// return, purchase, activity, enquiry and order events of the other
// analyses). An event matches when its name is Event or one of AnyOf (if
// Event is set) and Where reports true (if Where is set); at least one of
// Event and Where must be set, and AnyOf needs Event. A step is thus a set
// of names and a condition. Name labels a funnel step in results and
// exclusions; it defaults to Event and must be unique in the funnel.
//
// Where must be a pure function: it is called once per event and matcher.
// A Matcher has no JSON form (Where is code).
type Matcher struct {
	Name  string           `json:"name,omitempty"`
	Event string           `json:"event,omitempty"`
	AnyOf []string         `json:"any_of,omitempty"` // further names matched besides Event
	Where func(Event) bool `json:"-"`
}

// named reports whether name is s's Event or one of its AnyOf (true for
// any name when Event is empty).
func (s *Matcher) named(name string) bool {
	if s.Event == "" || s.Event == name {
		return true
	}
	for _, n := range s.AnyOf {
		if n == name {
			return true
		}
	}
	return false
}

// Exclusion removes an attempt whose events include a matching event after
// step After was reached and before step Before was reached, inside the
// attempt's window; when counting unique actors, an actor whose kept
// attempt (chosen as PostHog chooses it; see the package doc) is excluded
// is removed, or with [DeepestClean] counts at its deepest attempt that was
// not excluded. After and Before are step names and After must come first.
// Matching is as for [Matcher]: Event and/or Where.
//
// An event that fills a step of the attempt is not also checked as an
// exclusion of that attempt.
type Exclusion struct {
	Event  string           `json:"event,omitempty"`
	Where  func(Event) bool `json:"-"`
	After  string           `json:"after"`
	Before string           `json:"before"`
}

// minNano and maxNano bound the times representable as int64 nanoseconds.
var (
	minNano = time.Unix(0, -1<<63)
	maxNano = time.Unix(0, 1<<63-1)
)

// minNanoSec and maxNanoSec are the Unix seconds of minNano and maxNano.
const (
	minNanoSec = -9223372037 // minNano is 0.145224192 s into this second
	maxNanoSec = 9223372036  // maxNano is 0.854775807 s into this second
)

// nanos returns t as Unix nanoseconds, or false when t does not fit. The
// seconds strictly between those of minNano and maxNano always fit (the
// usual case, decided by one comparison); the two edge seconds are
// compared in full.
func nanos(t time.Time) (int64, bool) {
	if s := t.Unix(); s > minNanoSec && s < maxNanoSec {
		return s*1e9 + int64(t.Nanosecond()), true
	}
	if t.Before(minNano) || t.After(maxNano) {
		return 0, false
	}
	return t.UnixNano(), true
}
