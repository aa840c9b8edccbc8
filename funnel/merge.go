package funnel

import (
	"fmt"
	"slices"

	"github.com/opskit/opskit/internal/checked"
)

// Merge combines results of the same funnel over disjoint sets of actors
// (shards) into the result one pass over all of them gives: counts add,
// durations are pooled, and breakdown groups merge by value (results of
// [Funnel.Run]) or by code (results of [Funnel.RunColumns], whose codes
// must mean the same values in every shard). Inputs are not modified.
// Merging nothing returns the zero Result.
//
// Results of different funnels (steps, window, options, time unit,
// breakdown or entry point differ) are an error wrapping [ErrMismatch]; a
// merged count beyond int64 (possible only with results decoded from JSON)
// wraps [ErrTooLarge]. Counts are never negative (decoding checks it).
func Merge(rs ...Result) (Result, error) {
	type groupKey struct {
		code  int32
		value string
	}
	var out Result
	index := map[groupKey]int{}
	for i, r := range rs {
		if r.all == nil {
			continue
		}
		if out.all == nil {
			out = Result{sig: r.sig, key: r.key, names: r.names, unit: r.unit, all: newTally(len(r.names)), byValue: r.byValue}
			if r.groups != nil {
				out.groups = []group{}
			}
		} else if r.sig != out.sig {
			return Result{}, fieldErr("merge", fmt.Sprintf("results[%d]", i), nil, ErrMismatch, "")
		}
		if !out.all.merge(r.all) {
			return Result{}, tooManyCounted(i)
		}
		for _, g := range r.groups {
			key := groupKey{code: g.code}
			if out.byValue {
				key = groupKey{value: g.value}
			}
			j, ok := index[key]
			if !ok {
				j = len(out.groups)
				index[key] = j
				out.groups = append(out.groups, group{code: g.code, value: g.value, t: newTally(len(r.names))})
			}
			if !out.groups[j].t.merge(g.t) {
				return Result{}, tooManyCounted(i)
			}
		}
	}
	out.sortGroups()
	return out, nil
}

// tooManyCounted is the error for merged counts beyond int64.
func tooManyCounted(i int) error {
	return fieldErr("merge", fmt.Sprintf("results[%d]", i), nil, ErrTooLarge, "the merged count would pass 2^63-1")
}

// merge adds o into t, or reports false (t unchanged in its counts) when a
// count or the total count would overflow int64.
func (t *tally) merge(o *tally) bool {
	total, ok := checked.Sum(t.hist...)
	if !ok {
		return false
	}
	add, ok := checked.Sum(o.hist...)
	if !ok {
		return false
	}
	if _, ok := checked.Add(total, add); !ok {
		return false
	}
	// Every count is non-negative and the totals fit: so does each sum.
	for i, v := range o.hist {
		t.hist[i] += v
	}
	for i := range o.durs {
		t.durs[i].addAll(&o.durs[i])
	}
	return true
}

// Equal reports whether r and o are results of the same funnel with the
// same counts, the same multiset of durations at every step, and the same
// groups.
func (r Result) Equal(o Result) bool {
	if r.sig != o.sig || (r.all == nil) != (o.all == nil) || len(r.groups) != len(o.groups) || (r.groups == nil) != (o.groups == nil) {
		return false
	}
	if r.all != nil && !r.all.equal(o.all) {
		return false
	}
	for i, g := range r.groups {
		h := o.groups[i]
		if g.code != h.code || g.value != h.value || !g.t.equal(h.t) {
			return false
		}
	}
	return true
}

func (t *tally) equal(o *tally) bool {
	if !slices.Equal(t.hist, o.hist) || len(t.durs) != len(o.durs) {
		return false
	}
	for i := range t.durs {
		a, b := t.durs[i].values(), o.durs[i].values()
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(a, b) {
			return false
		}
	}
	return true
}
