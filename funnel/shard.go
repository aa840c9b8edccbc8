package funnel

// ShardColumns splits columns sorted by actor into at most n parts at actor
// boundaries, each with about len/n events, without copying: the parts
// share c's arrays (and its Names and Values). Run each part on its own
// goroutine and [Merge] the results: the merge equals one pass over c
// ([Result.Equal]), because no actor is split. n below 1 is read as 1.
// The parts are not checked; RunColumns checks each.
func ShardColumns(c Columns, n int) []Columns {
	total := len(c.Actors)
	n = max(1, min(n, total))
	out := make([]Columns, 0, n)
	lo := 0
	for p := 1; p <= n && lo < total; p++ {
		hi := total
		if p < n {
			hi = max(lo+1, total/n*p)
			for hi < total && c.Actors[hi] == c.Actors[hi-1] {
				hi++ // do not split an actor
			}
		}
		out = append(out, c.slice(lo, hi))
		lo = hi
	}
	if len(out) == 0 {
		out = append(out, c)
	}
	return out
}

// slice returns the events [lo, hi) of c, sharing its arrays.
func (c Columns) slice(lo, hi int) Columns {
	part := c
	part.Actors, part.Times = c.Actors[lo:hi:hi], c.Times[lo:hi:hi]
	if c.Events != nil {
		part.Events = c.Events[lo:hi:hi]
	}
	if c.Codes != nil && len(c.Codes) >= hi {
		part.Codes = c.Codes[lo:hi:hi]
	}
	if c.Breakdown != nil && len(c.Breakdown) >= hi {
		part.Breakdown = c.Breakdown[lo:hi:hi]
	}
	return part
}

// ShardEvents splits events into n parts by actor (a hash of the actor
// ID), so that every actor's events fall in one part; the parts keep the
// input order. Run each part on its own goroutine and [Merge] the
// results: the merge equals [Funnel.Run] over all the events. n below 1
// is read as 1. It copies the events (not their strings or properties).
func ShardEvents(events []Event, n int) [][]Event {
	n = max(1, n)
	part := make([]int32, len(events))
	sizes := make([]int, n)
	for i := range events {
		p := int32(actorHash(events[i].Actor) % uint64(n))
		part[i] = p
		sizes[p]++
	}
	out := make([][]Event, n)
	for p := range out {
		out[p] = make([]Event, 0, sizes[p])
	}
	for i := range events {
		out[part[i]] = append(out[part[i]], events[i])
	}
	return out
}

// actorHash is FNV-1a of s: fixed, so shards are the same in every run.
func actorHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
