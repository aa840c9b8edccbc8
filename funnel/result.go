package funnel

import (
	"math/bits"
	"slices"
	"strings"
	"time"

	"github.com/opskit/opskit/internal/quantile"
)

// Result is the outcome of a funnel run (漏斗结果): per-step counts and times to
// convert, overall and per breakdown value. It keeps every duration, so
// results of disjoint actor partitions merge exactly ([Merge]) into the
// result of one pass, medians and p90 included; memory is O(counted
// attempts x steps).
//
// A Result is immutable and safe for concurrent use. The zero Result has no
// steps. Its JSON form ([Result.MarshalJSON]) keeps everything a merge
// needs, so results can be stored, decoded and merged later.
type Result struct {
	sig    string     // key.signature()
	key    *resultKey // shared, never modified
	names  []string
	unit   time.Duration
	all    *tally
	groups []group
	// byValue: groups are keyed by value (convenient path), else by code.
	byValue bool
}

// group is one breakdown value's tally.
type group struct {
	code  int32
	value string
	t     *tally
}

// Group is one breakdown value and its result (分组结果).
type Group struct {
	// Code is the Columns.Breakdown code on the columnar path; on the
	// convenient path it is the group's index in value order.
	Code int32 `json:"code"`
	// Value is the property value ("" when absent); on the columnar path it
	// is empty unless the caller maps Code to a name.
	Value  string `json:"value"`
	Result Result `json:"result"`
}

// StepResult is one step of a [Result] (漏斗步骤).
type StepResult struct {
	Name string `json:"name"`
	// Count is the actors (or attempts) that reached this step.
	Count int64 `json:"count"`
	// FromPrevious is Count / previous step's Count, 转化率 between steps;
	// 1 for step 1; 0 when the previous count is 0.
	FromPrevious float64 `json:"from_previous"`
	// FromFirst is Count / step 1's Count, the overall 转化率 to this step;
	// 0 when step 1's count is 0.
	FromFirst float64 `json:"from_first"`
	// DropOff is previous Count - Count (流失); 0 for step 1.
	DropOff int64 `json:"drop_off"`
	// DropOffRate is DropOff / previous Count (流失率); 0 for step 1 or an
	// empty previous step.
	DropOffRate float64 `json:"drop_off_rate"`
	// Time is the time to convert from the previous step to this one, over
	// the attempts that reached this step; zero for step 1.
	Time Timing `json:"time"`
}

// Timing summarises durations (转化时长): the number of them, mean, median
// and 90th percentile. Median and P90 interpolate linearly between order statistics
// (Hyndman and Fan type 7, the default of R and NumPy): with the sorted
// values x[0..N-1] and h = (N-1)p, the quantile is
// x[⌊h⌋] + (h-⌊h⌋)(x[⌊h⌋+1]-x[⌊h⌋]), with p = 1/2 and 9/10 as exact
// fractions. It is the library's one percentile definition
// (internal/quantile.Type7), computed exactly in integer nanoseconds and
// rounded to the nearest one (halves away from x[⌊h⌋]); the mean is the
// exact mean rounded half up. Nothing drifts for durations beyond 2^53 ns
// (about 104 days). The zero Timing has N = 0. Its JSON form is
// {"n":3,"mean":"2m40s","median":"2m0s","p90":"4m24s"}.
type Timing struct {
	N      int64
	Mean   time.Duration
	Median time.Duration
	P90    time.Duration
}

// result freezes an accumulator. With byValue (the convenient path) groups
// are ordered by value and numbered in that order, so that results of
// different shards merge by value; otherwise they are ordered by code.
func (f Funnel) result(acc *accum, unit time.Duration, values []string, byValue bool) Result {
	key := f.key(unit, acc.groups != nil, byValue)
	r := Result{sig: key.signature(), key: key, names: slices.Clone(f.names), unit: unit, all: acc.all, byValue: byValue}
	if acc.groups != nil {
		r.groups = []group{}
		for code, t := range acc.groups {
			g := group{code: code, t: t}
			if int(code) < len(values) {
				g.value = values[code]
			}
			r.groups = append(r.groups, g)
		}
		r.sortGroups()
	}
	return r
}

// sortGroups orders the groups by code, or by value and renumbers them.
func (r *Result) sortGroups() {
	if !r.byValue {
		slices.SortFunc(r.groups, func(a, b group) int { return int(a.code) - int(b.code) })
		return
	}
	slices.SortFunc(r.groups, func(a, b group) int { return strings.Compare(a.value, b.value) })
	for i := range r.groups {
		r.groups[i].code = int32(i)
	}
}

// Counts returns the count of each step.
func (r Result) Counts() []int64 {
	if r.all == nil {
		return nil
	}
	k := len(r.names)
	c := make([]int64, k)
	var run int64
	for l := k; l >= 1; l-- {
		run += r.all.hist[l]
		c[l-1] = run
	}
	return c
}

// Steps returns every step's count, conversion, drop-off and time to
// convert. Computing the medians sorts a copy of the durations, O(d log d).
func (r Result) Steps() []StepResult {
	counts := r.Counts()
	out := make([]StepResult, len(counts))
	for i, c := range counts {
		s := StepResult{Name: r.names[i], Count: c, FromPrevious: 1}
		if i > 0 {
			prev := counts[i-1]
			s.FromPrevious, s.DropOff, s.DropOffRate = ratio(c, prev), prev-c, ratio(prev-c, prev)
			s.Time = r.timing(r.all.durs[i].values())
		}
		s.FromFirst = ratio(c, counts[0])
		out[i] = s
	}
	return out
}

// Overall returns the time to convert from step 1 to the last step, over
// the attempts that completed the funnel. A one-step funnel has none.
func (r Result) Overall() Timing {
	if r.all == nil {
		return Timing{}
	}
	return r.timing(r.all.durs[0].values())
}

// Durations returns, sorted, the durations from the step before step to
// step (1-based, 2..k) of every attempt that reached step. Other steps
// return nil; see [Result.OverallDurations] for step 1 to the last step.
func (r Result) Durations(step int) []time.Duration {
	if r.all == nil || step < 2 || step > len(r.names) {
		return nil
	}
	return r.durations(r.all.durs[step-1].values())
}

// OverallDurations returns, sorted, the durations from step 1 to the last
// step of every attempt that completed the funnel.
func (r Result) OverallDurations() []time.Duration {
	if r.all == nil {
		return nil
	}
	return r.durations(r.all.durs[0].values())
}

func (r Result) durations(d []int64) []time.Duration {
	slices.Sort(d)
	out := make([]time.Duration, len(d))
	for i, v := range d {
		out[i] = time.Duration(v) * r.unit
	}
	return out
}

// Groups returns the result of each breakdown value, ordered by code; nil
// without a breakdown. Each group's Result has no groups of its own.
func (r Result) Groups() []Group {
	if r.groups == nil {
		return nil
	}
	out := make([]Group, len(r.groups))
	for i, g := range r.groups {
		out[i] = Group{Code: g.code, Value: g.value, Result: Result{sig: r.sig, key: r.key, names: r.names, unit: r.unit, all: g.t, byValue: r.byValue}}
	}
	return out
}

// ratio returns a/b, or 0 when b is 0.
func ratio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// timing summarises durations in ticks of r.unit; it sorts d in place.
func (r Result) timing(d []int64) Timing { return timingOf(d, r.unit) }

// timingOf summarises non-negative durations d in ticks of unit, each of
// which times unit fits in a time.Duration (they are at most the window);
// it overwrites d with the sorted nanoseconds. The mean is exact (a 128-bit
// sum, rounded half up to the nanosecond); median and p90 are the
// library's type-7 quantiles (internal/quantile), exact in integers.
func timingOf(d []int64, unit time.Duration) Timing {
	n := len(d)
	if n == 0 {
		return Timing{}
	}
	for i := range d {
		d[i] *= int64(unit) // fits: see above
	}
	slices.Sort(d)
	var hi, lo uint64
	for _, v := range d {
		var c uint64
		lo, c = bits.Add64(lo, uint64(v), 0)
		hi += c
	}
	mean, rem := bits.Div64(hi, lo, uint64(n)) // hi < n: each value < 2^63
	if rem >= uint64(n)-rem {
		mean++
	}
	med, _ := quantile.Type7(d, 1, 2)
	p90, _ := quantile.Type7(d, 9, 10)
	return Timing{N: int64(n), Mean: time.Duration(mean), Median: time.Duration(med), P90: time.Duration(p90)}
}
