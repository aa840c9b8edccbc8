package funnel

import (
	"slices"
	"strings"
)

// Interner (字符串驻留) assigns dense int32 IDs (0, 1, 2, ...) to strings in order of
// first appearance: the bridge from string actor IDs or property values to
// the columnar path. The zero Interner is empty and ready to use. It is not
// safe for concurrent use.
type Interner struct {
	ids   map[string]int32
	names []string
}

// Intern returns the ID of s, assigning the next one if s is new.
func (in *Interner) Intern(s string) int32 {
	if id, ok := in.ids[s]; ok {
		return id
	}
	if in.ids == nil {
		in.ids = make(map[string]int32)
	}
	// Keep a private copy: the interner then does not pin the caller's
	// buffers, and its keys sit together in memory, which makes lookups of
	// events in random order much cheaper.
	s = strings.Clone(s)
	id := int32(len(in.names))
	in.ids[s] = id
	in.names = append(in.names, s)
	return id
}

// code returns the ID of s, or -1 if s was not interned.
func (in *Interner) code(s string) int32 {
	if id, ok := in.ids[s]; ok {
		return id
	}
	return -1
}

// Names returns the interned strings indexed by ID (a copy).
func (in *Interner) Names() []string { return slices.Clone(in.names) }

// SortColumns returns a copy of c sorted by actor, then time; events with
// the same actor and time keep their input order (a stable sort). Names
// and Values are copied as they are. Columns of unequal lengths, or more
// than [MaxEvents] events, are returned as an unsorted copy;
// [Funnel.RunColumns] reports them.
//
// The sort is a counting sort on actor IDs when they are dense (at most
// twice as many distinct IDs as events), then a stable sort of each actor's
// times if they are not already in order: O(n + actors) for typical input.
func SortColumns(c Columns) Columns {
	n := len(c.Actors)
	out := Columns{Unit: c.Unit, Names: slices.Clone(c.Names), Values: slices.Clone(c.Values)}
	if n > MaxEvents || len(c.Times) != n || (c.Codes != nil && len(c.Codes) != n) || (c.Events != nil && len(c.Events) != n) || (c.Breakdown != nil && len(c.Breakdown) != n) {
		out.Actors, out.Times, out.Codes, out.Events = slices.Clone(c.Actors), slices.Clone(c.Times), slices.Clone(c.Codes), slices.Clone(c.Events)
		out.Breakdown = slices.Clone(c.Breakdown)
		return out
	}
	perm := sortPerm(c.Actors, c.Times)
	out.Actors, out.Times = permute(c.Actors, perm), permute(c.Times, perm)
	out.Codes, out.Events, out.Breakdown = permute(c.Codes, perm), permute(c.Events, perm), permute(c.Breakdown, perm)
	return out
}

// permute returns s reordered by perm (out[i] = s[perm[i]]), or nil for a
// nil s.
func permute[E any](s []E, perm []int32) []E {
	if s == nil {
		return nil
	}
	out := make([]E, len(perm))
	for i, p := range perm {
		out[i] = s[p]
	}
	return out
}

// MaxEvents is the largest number of events one call sorts (indices are
// int32). Shard larger inputs by actor and [Merge] the results.
const MaxEvents = 1<<31 - 1

// sortPerm returns the stable permutation that sorts events by actor, then
// time.
func sortPerm(actors []int32, times []int64) []int32 {
	n := len(actors)
	perm := make([]int32, n)
	if n == 0 {
		return perm
	}
	lo, hi := actors[0], actors[0]
	for _, a := range actors {
		lo, hi = min(lo, a), max(hi, a)
	}
	span := int64(hi) - int64(lo) + 1
	var starts []int32 // start of each actor's run in perm, when counting sort applies
	if span <= 2*int64(n)+16 {
		count := make([]int32, span+1)
		for _, a := range actors {
			count[int64(a)-int64(lo)+1]++
		}
		for i := 1; i < len(count); i++ {
			count[i] += count[i-1]
		}
		starts = slices.Clone(count)
		for i, a := range actors {
			slot := &count[int64(a)-int64(lo)]
			perm[*slot] = int32(i)
			*slot++
		}
	} else {
		for i := range perm {
			perm[i] = int32(i)
		}
		slices.SortStableFunc(perm, func(x, y int32) int {
			switch {
			case actors[x] < actors[y]:
				return -1
			case actors[x] > actors[y]:
				return 1
			}
			return 0
		})
	}
	byTime := func(x, y int32) int {
		switch {
		case times[x] < times[y]:
			return -1
		case times[x] > times[y]:
			return 1
		}
		return 0
	}
	sortRun := func(run []int32) {
		for i := 1; i < len(run); i++ {
			if times[run[i]] < times[run[i-1]] {
				slices.SortStableFunc(run, byTime)
				return
			}
		}
	}
	if starts != nil {
		for i := 0; i+1 < len(starts); i++ {
			sortRun(perm[starts[i]:starts[i+1]])
		}
		return perm
	}
	for i := 0; i < n; {
		j := i + 1
		for j < n && actors[perm[j]] == actors[perm[i]] {
			j++
		}
		sortRun(perm[i:j])
		i = j
	}
	return perm
}
