package funnel

import (
	"cmp"
	"slices"
	"time"
)

// Lifecycle defines a per-period lifecycle of active actors (用户生命周期),
// as in PostHog's lifecycle insight: an actor is active in a period when
// they did an Active event in it.
type Lifecycle struct {
	Active   Matcher
	Period   Granularity
	Location *time.Location // nil means UTC
}

// LifecyclePeriod counts the actors of one period by lifecycle state:
//
//   - New (新用户): active now for the first time in the data;
//   - Returning (持续活跃): active now and in the previous period;
//   - Resurrecting (回流): active now, not in the previous period, but
//     active before;
//   - Dormant (沉睡/流失): active in the previous period, not now (PostHog
//     shows it as a negative bar; here it is a positive count).
type LifecyclePeriod struct {
	Start        time.Time `json:"start"`
	New          int64     `json:"new"`
	Returning    int64     `json:"returning"`
	Resurrecting int64     `json:"resurrecting"`
	Dormant      int64     `json:"dormant"`
}

// Run returns one entry per period from the first to the last period with
// activity, in order (periods with no activity inside the range are
// included; the dormant actors of the period after the last are not).
// "New" means first active in the events given, so pass history back to the
// start of the business. Errors: an Active step with neither Event nor Where
// ([ErrInvalidStep]); an invalid Period ([ErrInvalidOption]); an invalid
// event ([ErrInvalidEvent]).
func (l Lifecycle) Run(events []Event) ([]LifecyclePeriod, error) {
	const op = "lifecycle"
	if l.Active.Event == "" && l.Active.Where == nil {
		return nil, fieldErr(op, "active", nil, ErrInvalidStep, "neither Event nor Where")
	}
	if l.Period > ByMonth {
		return nil, fieldErr(op, "period", l.Period, ErrInvalidOption, "")
	}
	loc := l.Location
	if loc == nil {
		loc = time.UTC
	}
	var in Interner
	type ap struct {
		actor  int32
		period int64
	}
	var pairs []ap
	for i := range events {
		e := &events[i]
		t, err := checkEvent(op, i, e)
		if err != nil {
			return nil, err
		}
		if stepMatches(&l.Active, e) {
			pairs = append(pairs, ap{in.Intern(e.Actor), periodIndex(time.Unix(0, t).In(loc), l.Period)})
		}
	}
	if len(pairs) == 0 {
		return nil, nil
	}
	slices.SortFunc(pairs, func(x, y ap) int {
		return cmp.Or(cmp.Compare(x.actor, y.actor), cmp.Compare(x.period, y.period))
	})
	pairs = slices.Compact(pairs)
	lo, hi := pairs[0].period, pairs[0].period
	for _, p := range pairs {
		lo, hi = min(lo, p.period), max(hi, p.period)
	}
	out := make([]LifecyclePeriod, hi-lo+1)
	for i := range out {
		out[i].Start = periodStart(lo+int64(i), l.Period, loc)
	}
	for i, p := range pairs {
		first := i == 0 || pairs[i-1].actor != p.actor
		row := &out[p.period-lo]
		switch {
		case first:
			row.New++
		case pairs[i-1].period == p.period-1:
			row.Returning++
		default:
			row.Resurrecting++
		}
		last := i+1 == len(pairs) || pairs[i+1].actor != p.actor
		if (last || pairs[i+1].period != p.period+1) && p.period+1 <= hi {
			out[p.period+1-lo].Dormant++
		}
	}
	return out, nil
}
