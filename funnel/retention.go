package funnel

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"
)

// Flags of an event for retention on the columnar path.
const (
	FlagStart  uint8 = 1 << iota // the event is a start (cohort) event
	FlagReturn                   // the event is a return event
)

// MaxRetentionPeriods is the largest [Retention].Periods: a year of days.
const MaxRetentionPeriods = 366

// Retention defines a cohort retention table (留存表): actors enter the
// cohort of the period of their start event and are retained in period k
// (k >= 1) if they did a return event k periods later.
//
//   - Start and Return match events as a [Matcher] does (Event and/or Where);
//     one event may be both.
//
//   - Period and Location set the calendar: days, ISO weeks or months in
//     Location (nil means UTC).
//
//   - Periods is how many periods after the cohort period to report (1..366).
//
//   - Recurring false (default, PostHog "first time"): an actor belongs only
//     to the cohort of their first start event. Recurring true (PostHog
//     "recurring"): an actor belongs to the cohort of every period in which
//     they did a start event.
//
//   - From and AsOf (both optional) bound the table in time; see below.
//
// Period 0 is the cohort itself and always equals the cohort size, as in
// PostHog (Mixpanel's period 0 counts instead those who did the return
// event in the cohort's own period). A return in period k counts once per
// actor however many return events there are.
//
// # The date range and the as-of time
//
// Without From and AsOf the table has a row for each period in which some
// actor started (periods with no start are left out). With either, the
// table covers a date range and every period inside it has a row, empty
// cohorts (Size 0) included:
//
//   - From: the first cohort is the period containing From; a start before
//     it forms no cohort (in first-time tables an actor whose first start
//     is before From is in no cohort at all). Zero: the first cohort with a
//     start.
//   - AsOf: the instant the table is read at. Events after it are ignored
//     (they have not happened yet), the last cohort is the period
//     containing AsOf, and a cohort's period k is observable once it has
//     begun at AsOf; the period containing AsOf counts, partly observed.
//     PostHog's tables are the same triangle (a cohort d periods before
//     date_to shows periods 0..d); PostHog reads events to the end of the
//     period containing date_to, so its date_to corresponds to an AsOf at
//     the last instant of that period. Periods not yet observable are not
//     reported as 0: [Cohort].Retained stops at the last observable period
//     and [Cohort].Pending counts the periods left out. Zero: every period
//     is reported, as if observed.
//
// A table with a range has at most [MaxRetentionCohorts] cohorts
// ([ErrTooLarge] beyond: set From). From after AsOf, and either outside
// the int64-nanosecond range (years 1678 to 2262), are [ErrInvalidPeriod].
type Retention struct {
	Start, Return Matcher
	Period        Granularity
	Location      *time.Location
	Periods       int
	Recurring     bool
	From, AsOf    time.Time
}

// MaxRetentionCohorts is the most cohorts a retention table with a date
// range ([Retention].From or AsOf) has: ten years of days.
const MaxRetentionCohorts = 3660

// Cohort is one row of a retention table.
type Cohort struct {
	Start time.Time `json:"start"` // first instant of the cohort period, in the table's location
	Size  int64     `json:"size"`  // actors in the cohort
	// Retained[k]: actors who returned k periods later; Retained[0] = Size.
	// It has one entry per observable period: Periods + 1 − Pending.
	Retained []int64 `json:"retained"`
	// Pending is the number of periods not yet observable at the table's
	// as-of time (the last Pending of periods 0..Periods), left out of
	// Retained rather than shown as 0; 0 without an as-of time.
	Pending int `json:"pending"`
}

// Rate returns Retained[k] / Size (留存率), or 0 for an empty cohort or k out
// of range, including a period not yet observable (see Pending).
func (c Cohort) Rate(k int) float64 {
	if k < 0 || k >= len(c.Retained) || c.Size == 0 {
		return 0
	}
	return float64(c.Retained[k]) / float64(c.Size)
}

// RetentionTable is a retention table: cohorts in time order. Periods,
// Recurring and AsOf repeat the definition's, so that tables of shards can
// be checked and merged ([MergeRetention]).
type RetentionTable struct {
	Period    Granularity `json:"period"`
	Periods   int         `json:"periods"`
	Recurring bool        `json:"recurring"`
	AsOf      time.Time   `json:"as_of,omitzero"`
	Cohorts   []Cohort    `json:"cohorts"`
}

func (r Retention) check(op string) (*time.Location, error) {
	if r.Start.Event == "" && r.Start.Where == nil {
		return nil, fieldErr(op, "start", nil, ErrInvalidStep, "neither Event nor Where")
	}
	if r.Return.Event == "" && r.Return.Where == nil {
		return nil, fieldErr(op, "return", nil, ErrInvalidStep, "neither Event nor Where")
	}
	if r.Periods < 1 || r.Periods > MaxRetentionPeriods {
		return nil, fieldErr(op, "periods", r.Periods, ErrInvalidPeriod, "outside 1.."+strconv.Itoa(MaxRetentionPeriods))
	}
	if r.Period > ByMonth {
		return nil, fieldErr(op, "period", r.Period, ErrInvalidOption, "")
	}
	if r.Location == nil {
		return time.UTC, nil
	}
	return r.Location, nil
}

// Run builds the table from events in any order. Errors: an invalid
// definition ([ErrInvalidStep], [ErrInvalidPeriod], [ErrInvalidOption]); an
// invalid event ([ErrInvalidEvent]).
func (r Retention) Run(events []Event) (RetentionTable, error) {
	const op = "retention"
	if _, err := r.check(op); err != nil {
		return RetentionTable{}, err
	}
	var in Interner
	actors := make([]int32, 0, len(events))
	times := make([]int64, 0, len(events))
	flags := make([]uint8, 0, len(events))
	for i := range events {
		e := &events[i]
		t, err := checkEvent(op, i, e)
		if err != nil {
			return RetentionTable{}, err
		}
		var f uint8
		if stepMatches(&r.Start, e) {
			f |= FlagStart
		}
		if stepMatches(&r.Return, e) {
			f |= FlagReturn
		}
		if f != 0 {
			actors, times, flags = append(actors, in.Intern(e.Actor)), append(times, t), append(flags, f)
		}
	}
	return r.RunColumns(actors, times, flags)
}

// stepMatches reports whether e matches s.
func stepMatches(s *Matcher, e *Event) bool {
	return s.named(e.Name) && (s.Where == nil || s.Where(*e))
}

// RunColumns builds the table from columns in any order: actor IDs (dense,
// from 0, as an [Interner] gives), Unix-nanosecond times and flags
// ([FlagStart], [FlagReturn]; Start and Return of r are not used). It makes
// two passes over the events with O(actors × Periods/64) words of memory
// for first-time cohorts; recurring cohorts sort the distinct
// (actor, period) pairs.
//
// Errors: columns of different lengths, a negative actor, or actor IDs more
// than twice as many as events plus 65,536 (intern them) ([ErrInvalidColumns]);
// an invalid Periods, Period ([ErrInvalidPeriod], [ErrInvalidOption]).
func (r Retention) RunColumns(actors []int32, times []int64, flags []uint8) (RetentionTable, error) {
	const op = "retention columns"
	if r.Start.Event == "" && r.Start.Where == nil {
		r.Start.Event = "start"
	}
	if r.Return.Event == "" && r.Return.Where == nil {
		r.Return.Event = "return"
	}
	loc, err := r.check(op)
	if err != nil {
		return RetentionTable{}, err
	}
	n := len(actors)
	if len(times) != n || len(flags) != n {
		return RetentionTable{}, fieldErr(op, "columns", nil, ErrInvalidColumns, fmt.Sprintf("lengths actors %d, times %d, flags %d", n, len(times), len(flags)))
	}
	var maxActor int32 = -1
	for i, a := range actors {
		if a < 0 {
			return RetentionTable{}, fieldErr(op, fmt.Sprintf("actors[%d]", i), a, ErrInvalidColumns, "negative")
		}
		maxActor = max(maxActor, a)
	}
	if int64(maxActor) > 2*int64(n)+1<<16 {
		return RetentionTable{}, fieldErr(op, "actors", maxActor, ErrInvalidColumns, fmt.Sprintf("an ID above 2 × %d events + 65536: intern the actors", n))
	}
	from, asOf, err := r.bounds(op)
	if err != nil {
		return RetentionTable{}, err
	}
	if !r.AsOf.IsZero() {
		actors, times, flags = until(actors, times, flags, asOf)
	}
	pm := newPeriodMapper(r.Period, loc, times)
	var rows map[int64][]int64
	if r.Recurring {
		rows = r.recurring(actors, times, flags, &pm)
	} else {
		rows = r.firstTime(actors, times, flags, int(maxActor)+1, &pm)
	}
	keys := make([]int64, 0, len(rows))
	for p := range rows {
		keys = append(keys, p)
	}
	slices.Sort(keys)
	t := RetentionTable{Period: r.Period, Periods: r.Periods, Recurring: r.Recurring, AsOf: r.AsOf}
	if r.From.IsZero() && r.AsOf.IsZero() {
		t.Cohorts = make([]Cohort, len(keys))
		for i, p := range keys {
			ret := rows[p]
			t.Cohorts[i] = Cohort{Start: periodStart(p, r.Period, loc), Size: ret[0], Retained: ret}
		}
		return t, nil
	}
	// A date range: every period from the first to the last cohort.
	first, last := pm.exact(from), pm.exact(asOf)
	if r.From.IsZero() {
		if len(keys) == 0 {
			return t, nil
		}
		first = keys[0]
	}
	if r.AsOf.IsZero() {
		if len(keys) == 0 {
			return t, nil
		}
		last = keys[len(keys)-1]
	}
	if last >= first && last-first >= MaxRetentionCohorts {
		return RetentionTable{}, fieldErr(op, "from", r.From.Format(time.RFC3339), ErrTooLarge, "at most "+strconv.Itoa(MaxRetentionCohorts)+" cohorts in a date range")
	}
	for p := first; p <= last; p++ {
		ret := rows[p]
		if ret == nil {
			ret = make([]int64, r.Periods+1)
		}
		c := Cohort{Start: periodStart(p, r.Period, loc), Size: ret[0], Retained: ret}
		if !r.AsOf.IsZero() {
			// Period k of cohort p is observable when p + k <= last.
			if seen := last - p + 1; seen < int64(len(ret)) {
				c.Retained, c.Pending = ret[:seen], len(ret)-int(seen)
			}
		}
		t.Cohorts = append(t.Cohorts, c)
	}
	return t, nil
}

// bounds validates From and AsOf and returns them in Unix nanoseconds
// (0 for a zero time).
func (r Retention) bounds(op string) (from, asOf int64, err error) {
	conv := func(field string, t time.Time) (int64, error) {
		if t.IsZero() {
			return 0, nil
		}
		if t.Before(time.Unix(0, math.MinInt64)) || t.After(time.Unix(0, math.MaxInt64)) {
			return 0, fieldErr(op, field, t.Format(time.RFC3339), ErrInvalidPeriod, "outside years 1678 to 2262 (int64 nanoseconds)")
		}
		return t.UnixNano(), nil
	}
	if from, err = conv("from", r.From); err != nil {
		return 0, 0, err
	}
	if asOf, err = conv("as_of", r.AsOf); err != nil {
		return 0, 0, err
	}
	if !r.From.IsZero() && !r.AsOf.IsZero() && r.From.After(r.AsOf) {
		return 0, 0, fieldErr(op, "from", r.From.Format(time.RFC3339), ErrInvalidPeriod, "after as_of "+r.AsOf.Format(time.RFC3339))
	}
	return from, asOf, nil
}

// until returns the events at or before asOf, copying only when some are
// later.
func until(actors []int32, times []int64, flags []uint8, asOf int64) ([]int32, []int64, []uint8) {
	keep := 0
	for _, t := range times {
		if t <= asOf {
			keep++
		}
	}
	if keep == len(times) {
		return actors, times, flags
	}
	a, ts, fs := make([]int32, 0, keep), make([]int64, 0, keep), make([]uint8, 0, keep)
	for i, t := range times {
		if t <= asOf {
			a, ts, fs = append(a, actors[i]), append(ts, t), append(fs, flags[i])
		}
	}
	return a, ts, fs
}

// firstTime builds first-time cohorts: pass 1 finds each actor's first start
// period, pass 2 sets a bit per (actor, k) for returns k periods later.
func (r Retention) firstTime(actors []int32, times []int64, flags []uint8, nActors int, pm *periodMapper) map[int64][]int64 {
	const none = int64(1<<63 - 1)
	first := make([]int64, nActors)
	for i := range first {
		first[i] = none
	}
	periods := make([]int64, len(times))
	for i, t := range times {
		p := pm.of(t)
		periods[i] = p
		if flags[i]&FlagStart != 0 && p < first[actors[i]] {
			first[actors[i]] = p
		}
	}
	words := (r.Periods + 1 + 63) / 64
	bits := make([]uint64, nActors*words)
	P := int64(r.Periods)
	for i, p := range periods {
		if flags[i]&FlagReturn == 0 {
			continue
		}
		a := actors[i]
		f := first[a]
		if f == none {
			continue
		}
		if k := p - f; k >= 1 && k <= P {
			bits[int(a)*words+int(k>>6)] |= 1 << uint(k&63)
		}
	}
	rows := map[int64][]int64{}
	for a, f := range first {
		if f == none {
			continue
		}
		row := rows[f]
		if row == nil {
			row = make([]int64, r.Periods+1)
			rows[f] = row
		}
		row[0]++
		for w, word := range bits[a*words : (a+1)*words] {
			for ; word != 0; word &= word - 1 {
				row[w*64+trailingZeros(word)]++
			}
		}
	}
	return rows
}

// recurring builds recurring cohorts from the sorted distinct
// (actor, period, flags) triples.
func (r Retention) recurring(actors []int32, times []int64, flags []uint8, pm *periodMapper) map[int64][]int64 {
	type ap struct {
		actor  int32
		period int64
		flags  uint8
	}
	pairs := make([]ap, len(times))
	for i, t := range times {
		pairs[i] = ap{actors[i], pm.of(t), flags[i]}
	}
	slices.SortFunc(pairs, func(x, y ap) int {
		return cmp.Or(cmp.Compare(x.actor, y.actor), cmp.Compare(x.period, y.period))
	})
	// Merge flags of equal (actor, period).
	merged := pairs[:0]
	for _, p := range pairs {
		if l := len(merged); l > 0 && merged[l-1].actor == p.actor && merged[l-1].period == p.period {
			merged[l-1].flags |= p.flags
			continue
		}
		merged = append(merged, p)
	}
	rows := map[int64][]int64{}
	P := int64(r.Periods)
	for i := 0; i < len(merged); {
		j := i
		for j < len(merged) && merged[j].actor == merged[i].actor {
			j++
		}
		run := merged[i:j]
		for s, c := range run {
			if c.flags&FlagStart == 0 {
				continue
			}
			row := rows[c.period]
			if row == nil {
				row = make([]int64, r.Periods+1)
				rows[c.period] = row
			}
			row[0]++
			for _, ret := range run[s+1:] {
				k := ret.period - c.period
				if k > P {
					break
				}
				if ret.flags&FlagReturn != 0 {
					row[k]++
				}
			}
		}
		i = j
	}
	return rows
}
