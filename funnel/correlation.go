package funnel

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// Correlation finds the events, and the event property values, that go
// with converting or with dropping off (PostHog's correlation analysis).
// The population is the actors who reached step 1 of Funnel; an actor
// converted when it reached the last step, as [Funnel.Run] counts it. For
// each candidate, an event name or an (event name, property key, value)
// triple for each key in Properties, it counts the converted and the
// dropped actors who did it inside their span, once per actor, and
// [CorrelationTable.Report] turns the counts into odds ratios with a
// significance test and a minimum support.
//
// An actor's span runs from its first step-1 event to the instant the
// funnel's steps, filled in order greedily from there (one event per step),
// complete, or one window later if they do not; events strictly inside the
// span count, except events named like a step (whatever the step's Where,
// as PostHog leaves out every event whose name is a step's). Properties are
// read from Props and Attrs, as [Event.Prop] reads them. PostHog uses the counted
// attempt's own first and final times (its first_timestamp and
// final_timestamp); the two agree whenever the actor's first attempt is
// its counted one, for example when it converts on the first try. The
// other differences from PostHog are listed on [CorrelationTable.Report].
type Correlation struct {
	Funnel     Funnel
	Properties []string
}

// CorrelationCount is one candidate's row of the contingency table: the
// converted (Success) and dropped (Failure) actors who did it.
type CorrelationCount struct {
	Event    string `json:"event"`
	Property string `json:"property,omitempty"` // "" for the event alone
	Value    string `json:"value,omitempty"`
	Success  int64  `json:"success"`
	Failure  int64  `json:"failure"`
}

// CorrelationTable is the partial result of a correlation: the totals of
// converted and dropped actors and every candidate's counts. Tables of
// disjoint sets of actors merge exactly ([MergeCorrelation]); a table has
// a JSON and a binary form for storing and merging later.
type CorrelationTable struct {
	key        *resultKey // the funnel; shared, never modified
	properties []string
	success    int64
	failure    int64
	counts     []CorrelationCount // ascending by (Event, Property, Value), unique
}

// Totals returns the converted and the dropped actors of the population.
func (t CorrelationTable) Totals() (success, failure int64) { return t.success, t.failure }

// Counts returns a copy of every candidate's counts, ascending by event,
// property and value.
func (t CorrelationTable) Counts() []CorrelationCount { return slices.Clone(t.counts) }

// Run builds the table from events in any order: it runs Funnel on each
// actor's events (one [Funnel.Run] per actor: O(events log events) in
// all) and counts the candidates in each actor's span. Errors: those of
// [Funnel.Run]; an empty property key or one listed twice
// ([ErrInvalidOption]); a zero Funnel ([ErrNoSteps]).
func (c Correlation) Run(events []Event) (CorrelationTable, error) {
	const op = "correlation"
	f := c.Funnel
	if len(f.steps) == 0 {
		return CorrelationTable{}, fieldErr(op, "funnel", nil, ErrNoSteps, "")
	}
	props := slices.Clone(c.Properties)
	slices.Sort(props)
	for i, p := range props {
		if p == "" || (i > 0 && props[i-1] == p) {
			return CorrelationTable{}, fieldErr(op, "properties", p, ErrInvalidOption, "empty or repeated")
		}
	}
	if len(events) > MaxEvents {
		return CorrelationTable{}, fieldErr(op, "events", len(events), ErrTooLarge, fmt.Sprintf("at most %d", MaxEvents))
	}
	for i := range events {
		if _, err := checkEvent(op, i, &events[i]); err != nil {
			return CorrelationTable{}, err
		}
	}
	order := make([]int, len(events))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(strings.Compare(events[a].Actor, events[b].Actor), events[a].Time.Compare(events[b].Time))
	})
	t := CorrelationTable{key: f.key(1, false, false), properties: props}
	type cand struct{ event, prop, value string }
	counts := map[cand]*CorrelationCount{}
	seen := map[cand]bool{}
	actorEvents := []Event{}
	for i := 0; i < len(order); {
		j := i
		actorEvents = actorEvents[:0]
		for ; j < len(order) && events[order[j]].Actor == events[order[i]].Actor; j++ {
			actorEvents = append(actorEvents, events[order[j]])
		}
		i = j
		from, to, ok := f.span(actorEvents)
		if !ok {
			continue // never reached step 1: not in the population
		}
		r, err := f.Run(actorEvents)
		if err != nil {
			return CorrelationTable{}, err
		}
		counted := r.Counts()
		converted := counted[len(counted)-1] > 0
		if converted {
			t.success++ // at most MaxEvents actors
		} else {
			t.failure++
		}
		clear(seen)
		for k := range actorEvents {
			e := &actorEvents[k]
			if !e.Time.After(from) || !e.Time.Before(to) || f.stepEvent(e) {
				continue
			}
			keys := []cand{{event: e.Name}}
			for _, p := range props {
				if v, ok := e.lookup(p); ok {
					keys = append(keys, cand{e.Name, p, v})
				}
			}
			for _, key := range keys {
				if seen[key] {
					continue
				}
				seen[key] = true
				row := counts[key]
				if row == nil {
					row = &CorrelationCount{Event: key.event, Property: key.prop, Value: key.value}
					counts[key] = row
				}
				if converted {
					row.Success++
				} else {
					row.Failure++
				}
			}
		}
	}
	for _, row := range counts {
		t.counts = append(t.counts, *row)
	}
	slices.SortFunc(t.counts, compareCandidates)
	return t, nil
}

// compareCandidates orders counts by event, property and value.
func compareCandidates(a, b CorrelationCount) int {
	return cmp.Or(strings.Compare(a.Event, b.Event), strings.Compare(a.Property, b.Property), strings.Compare(a.Value, b.Value))
}

// span returns the correlation span of one actor's events (sorted by
// time): its first step-1 event, and the greedy in-order completion of the
// steps from there or one window later; ok is false without a step-1
// event.
func (f Funnel) span(events []Event) (from, to time.Time, ok bool) {
	start := -1
	for i := range events {
		if stepMatches(&f.steps[0], &events[i]) {
			start = i
			break
		}
	}
	if start < 0 {
		return from, to, false
	}
	from = events[start].Time
	if len(f.steps) == 1 {
		return from, from, true // complete at step 1: an empty span
	}
	to = from.Add(f.window)
	next := 1
	for i := start + 1; i < len(events) && next < len(f.steps); i++ {
		e := &events[i]
		if e.Time.After(to) {
			break
		}
		if stepMatches(&f.steps[next], e) {
			next++
			if next == len(f.steps) {
				return from, e.Time, true
			}
		}
	}
	return from, to, true
}

// stepEvent reports whether e has the name of a step of f (its Event or
// one of its AnyOf), whatever the step's Where, as PostHog leaves out every
// event named like a step ("event NOT IN funnel_step_names"); for a step
// that matches any name, whether e matches it.
func (f Funnel) stepEvent(e *Event) bool {
	for i := range f.steps {
		s := &f.steps[i]
		if s.Event == "" {
			if stepMatches(s, e) {
				return true
			}
			continue
		}
		if s.named(e.Name) {
			return true
		}
	}
	return false
}

// CorrelationItem is one candidate of a correlation report: its counts, the
// odds ratio of converting with it against without it, and the test.
type CorrelationItem struct {
	CorrelationCount
	OddsRatio  float64 `json:"odds_ratio"` // with PostHog's prior of 1 in every cell; > 1 goes with converting
	Z          float64 `json:"z"`          // ln(OddsRatio) / its standard error (Woolf)
	PValue     float64 `json:"p_value"`    // two-sided, H₀: odds ratio 1
	Converting bool    `json:"converting"` // OddsRatio > 1 (PostHog's "success" correlation type)
}

// CorrelationReport is a sorted report: the candidates that meet the
// support rule, those going with converting first (odds ratio
// descending), then those going with dropping off (odds ratio ascending),
// ties by event, property and value.
type CorrelationReport struct {
	Success int64             `json:"success"` // converted actors
	Failure int64             `json:"failure"` // dropped actors
	Skewed  bool              `json:"skewed"`  // one total more than 10 times the other, or either 0 (PostHog's warning)
	Items   []CorrelationItem `json:"items"`
}

// Report computes the odds ratios and tests of the candidates with enough
// support. With s and f the candidate's converted and dropped actors and S
// and F the totals, the odds ratio adds PostHog's prior count of 1 to each
// cell of the 2 × 2 table (which also keeps it finite):
//
//	OR = (s + 1)(F − f + 1) / ((S − s + 1)(f + 1))
//	SE(ln OR) = √(1/(s+1) + 1/(S−s+1) + 1/(f+1) + 1/(F−f+1))   (Woolf 1955)
//	z = ln OR / SE,   p = erfc(|z|/√2)
//
// Support: a candidate is kept when s + f >= min(minActors, minShare ×
// (S + F)), PostHog's rule with minActors 25 and minShare 0.02 (pass 0
// for either to get PostHog's value); with minActors 0 an (event,
// property, value) candidate also needs s + f > 2, as PostHog's
// event-with-properties query has it (its person-property query does not:
// pass 25 for PostHog's rule without it). PostHog's docstring example,
// watched video 5 of 6 converting against 2 of 12 without, has the raw
// odds ratio 25 and, with the prior, (6 × 11)/(3 × 2) = 11.
//
// Where opskit differs from PostHog: the significance test is added
// (PostHog reports the odds ratio alone); every candidate is returned
// rather than the top ten of each direction; ties sort by name, so the
// order is deterministic; with S or F zero the items are still computed
// (PostHog returns none) and Skewed is set. Errors: minActors negative or
// minShare outside [0, 1] or NaN ([ErrInvalidOption]).
func (t CorrelationTable) Report(minActors int64, minShare float64) (CorrelationReport, error) {
	const op = "correlation report"
	if minActors < 0 {
		return CorrelationReport{}, fieldErr(op, "min_actors", minActors, ErrInvalidOption, "not negative")
	}
	if !(minShare >= 0 && minShare <= 1) {
		return CorrelationReport{}, fieldErr(op, "min_share", minShare, ErrInvalidOption, "inside [0, 1]")
	}
	posthog := minActors == 0 // PostHog's rule, with its extra one for property candidates
	if minActors == 0 {
		minActors = 25
	}
	if minShare == 0 {
		minShare = 0.02
	}
	S, F := t.success, t.failure
	rep := CorrelationReport{Success: S, Failure: F, Items: []CorrelationItem{}}
	// S > 10F, written so that it cannot wrap: F <= (S − 1)/10.
	rep.Skewed = S == 0 || F == 0 || F <= (S-1)/10 || S <= (F-1)/10
	total := float64(S) + float64(F)
	for _, c := range t.counts {
		n := c.Success + c.Failure // both at most their totals: no wrap
		if n < minActors && float64(n) < minShare*total {
			continue
		}
		if posthog && c.Property != "" && n <= 2 {
			continue // PostHog's event-with-properties query: HAVING success + failure > 2
		}
		a, b := float64(c.Success)+1, float64(S-c.Success)+1
		cc, d := float64(c.Failure)+1, float64(F-c.Failure)+1
		or := a * d / (b * cc)
		se := math.Sqrt(1/a + 1/b + 1/cc + 1/d)
		z := math.Log(or) / se
		rep.Items = append(rep.Items, CorrelationItem{CorrelationCount: c, OddsRatio: or, Z: z, PValue: math.Erfc(math.Abs(z) / math.Sqrt2), Converting: or > 1})
	}
	slices.SortStableFunc(rep.Items, func(x, y CorrelationItem) int {
		if x.Converting != y.Converting {
			if x.Converting {
				return -1
			}
			return 1
		}
		byOR := cmp.Compare(x.OddsRatio, y.OddsRatio)
		if x.Converting {
			byOR = -byOR
		}
		return cmp.Or(byOR, compareCandidates(x.CorrelationCount, y.CorrelationCount))
	})
	return rep, nil
}
