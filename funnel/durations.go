package funnel

import "math/bits"

// durList is an append-only list of durations (in ticks) stored in chunks,
// so that growing it never copies what is already stored. Chunks start
// small and double up to maxChunk entries.
type durList struct {
	full [][]int64 // filled chunks
	cur  []int64   // the chunk being filled
	n    int       // total entries
}

const (
	minChunk = 64
	maxChunk = 1 << 16
)

// add appends v.
func (d *durList) add(v int64) {
	if len(d.cur) == cap(d.cur) {
		d.grow()
	}
	d.cur = append(d.cur, v)
	d.n++
}

func (d *durList) grow() {
	size := minChunk
	if c := cap(d.cur); c > 0 {
		d.full = append(d.full, d.cur)
		size = min(2*c, maxChunk)
	}
	d.cur = make([]int64, 0, size)
}

// addAll appends every entry of o; o is not modified.
func (d *durList) addAll(o *durList) {
	for _, c := range o.full {
		d.addSlice(c)
	}
	d.addSlice(o.cur)
}

func (d *durList) addSlice(s []int64) {
	for len(s) > 0 {
		if len(d.cur) == cap(d.cur) {
			d.grow()
		}
		m := min(len(s), cap(d.cur)-len(d.cur))
		d.cur = append(d.cur, s[:m]...)
		d.n += m
		s = s[m:]
	}
}

// values returns a new slice with every entry, in insertion order.
func (d *durList) values() []int64 {
	out := make([]int64, 0, d.n)
	for _, c := range d.full {
		out = append(out, c...)
	}
	return append(out, d.cur...)
}

// trailingZeros is bits.TrailingZeros64 for a non-zero word.
func trailingZeros(x uint64) int { return bits.TrailingZeros64(x) }
