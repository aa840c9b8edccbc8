package funnel

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/opskit/opskit/internal/checked"
)

// Repurchase defines a repurchase analysis (复购分析) over the half-open
// window [From, To): purchases are the events matching Purchase.
type Repurchase struct {
	Purchase Matcher
	From, To time.Time
}

// RepurchaseReport is the outcome of [Repurchase.Run].
type RepurchaseReport struct {
	Customers int64 `json:"customers"` // actors with at least one purchase in the window (购买用户)
	Repeaters int64 `json:"repeaters"` // actors with two or more (复购用户)
	// Rate is Repeaters / Customers, the repurchase rate (复购率; the
	// source's 复够率 is a typo); 0 without customers.
	Rate float64 `json:"rate"`
	// Intervals are the times between consecutive purchases of the same
	// customer inside the window, sorted (复购间隔).
	Intervals []time.Duration `json:"intervals"`
	// Interval summarises Intervals (mean, median, p90).
	Interval Timing `json:"interval"`
}

// MarshalJSON encodes the report with the intervals as Go duration
// strings: {"customers":3,"repeaters":2,"rate":0.667,"intervals":["96h0m0s"],"interval":{...}}.
func (r RepurchaseReport) MarshalJSON() ([]byte, error) {
	type plain RepurchaseReport
	return json.Marshal(struct {
		plain
		Intervals []durationText `json:"intervals"`
	}{plain(r), durationsText(r.Intervals)})
}

// Run computes the report. Purchases at the same instant count as separate
// purchases with a zero interval. Errors: a Purchase with neither Event nor
// Where ([ErrInvalidStep]); To not after From ([ErrInvalidPeriod]); an
// invalid event ([ErrInvalidEvent]).
func (r Repurchase) Run(events []Event) (RepurchaseReport, error) {
	const op = "repurchase"
	if r.Purchase.Event == "" && r.Purchase.Where == nil {
		return RepurchaseReport{}, fieldErr(op, "purchase", nil, ErrInvalidStep, "neither Event nor Where")
	}
	if !r.To.After(r.From) {
		return RepurchaseReport{}, fieldErr(op, "to", r.To.Format(time.RFC3339), ErrInvalidPeriod, "not after from "+r.From.Format(time.RFC3339))
	}
	var in Interner
	var actors []int32
	var times []int64
	for i := range events {
		e := &events[i]
		t, err := checkEvent(op, i, e)
		if err != nil {
			return RepurchaseReport{}, err
		}
		if stepMatches(&r.Purchase, e) && !e.Time.Before(r.From) && e.Time.Before(r.To) {
			actors, times = append(actors, in.Intern(e.Actor)), append(times, t)
		}
	}
	if len(actors) > MaxEvents {
		return RepurchaseReport{}, tooManyEvents(op, len(actors))
	}
	perm := sortPerm(actors, times)
	var rep RepurchaseReport
	var ticks []int64
	for i := 0; i < len(perm); {
		j := i + 1
		for j < len(perm) && actors[perm[j]] == actors[perm[i]] {
			d, ok := checked.Sub(times[perm[j]], times[perm[j-1]])
			if !ok {
				return RepurchaseReport{}, fieldErr(op, "events", nil, ErrTooLarge, "two purchases of one actor more than 292 years apart")
			}
			ticks = append(ticks, d)
			j++
		}
		rep.Customers++
		if j-i >= 2 {
			rep.Repeaters++
		}
		i = j
	}
	rep.Rate = ratio(rep.Repeaters, rep.Customers)
	rep.Intervals = make([]time.Duration, len(ticks))
	for i, d := range ticks {
		rep.Intervals[i] = time.Duration(d)
	}
	slices.Sort(rep.Intervals)
	rep.Interval = timingOf(ticks, time.Nanosecond)
	return rep, nil
}

// Histogram counts the intervals in buckets bounded by edges (ascending):
// bucket 0 is below edges[0], bucket i is [edges[i-1], edges[i]), and the
// last is edges[len-1] and above; len(edges)+1 buckets in all. Edges not
// strictly ascending are an error wrapping [ErrInvalidPeriod].
func (r RepurchaseReport) Histogram(edges []time.Duration) ([]int64, error) {
	for i := 1; i < len(edges); i++ {
		if edges[i] <= edges[i-1] {
			return nil, fieldErr("repurchase histogram", fmt.Sprintf("edges[%d]", i), edges[i], ErrInvalidPeriod, "not above edges["+strconv.Itoa(i-1)+"] "+edges[i-1].String())
		}
	}
	out := make([]int64, len(edges)+1)
	for _, d := range r.Intervals {
		b, found := slices.BinarySearch(edges, d)
		if found {
			b++
		}
		out[b]++
	}
	return out, nil
}
