package funnel

import "math/bits"

// durList is an append-only list of durations (in ticks) stored in chunks,
// so that growing it never copies what is already stored, and appending
// writes no pointer (no write barrier) except when a chunk is added. Chunks
// start small and double up to maxChunk entries.
type durList struct {
	full [][]int64 // filled chunks
	cur  []int64   // the chunk being filled, at full length
	used int       // entries used in cur
	n    int       // total entries
}

const (
	minChunk = 64
	maxChunk = 1 << 16
)

// add appends v.
func (d *durList) add(v int64) {
	if d.used == len(d.cur) {
		d.grow()
	}
	d.cur[d.used] = v
	d.used++
	d.n++
}

func (d *durList) grow() {
	size := minChunk
	if c := len(d.cur); c > 0 {
		d.full = append(d.full, d.cur)
		size = min(2*c, maxChunk)
	}
	d.cur, d.used = make([]int64, size), 0
}

// addAll appends every entry of o; o is not modified.
func (d *durList) addAll(o *durList) {
	for _, c := range o.full {
		d.addSlice(c)
	}
	d.addSlice(o.cur[:o.used])
}

func (d *durList) addSlice(s []int64) {
	for len(s) > 0 {
		if d.used == len(d.cur) {
			d.grow()
		}
		m := copy(d.cur[d.used:], s)
		d.used += m
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
	return append(out, d.cur[:d.used]...)
}

// trailingZeros is bits.TrailingZeros64 for a non-zero word.
func trailingZeros(x uint64) int { return bits.TrailingZeros64(x) }
