// Package remainder is the last step of the largest-remainder method
// that packages pricing and promo use to split an amount into
// parts: after every part has its floor ⌊total·wᵢ/Σw⌋, the units left over
// (fewer than the number of parts) go one each to the parts with the largest
// remainders, the earlier part first on a tie.
//
// The work is linear in the number of parts on any input: a few units are
// placed by repeated scans, more by finding the cut-off remainder with a
// radix selection ([KthLargest]), which unlike a sort or a quickselect has
// no input that makes it slow.
package remainder

import (
	"math"
	"math/bits"
)

// Give adds one to left of the parts, those with the largest remainders
// rems[i], the earlier part first on a tie (0 ≤ left < len(parts) =
// len(rems); a remainder is below the divisor, so never math.MaxUint64).
// It may overwrite rems. scratch must hold at least len(rems) values; it is
// used, not kept.
func Give(parts []int64, left int, rems, scratch []uint64) {
	if left <= 0 {
		return
	}
	if left <= 4 { // a few units: repeated selection
		for ; left > 0; left-- {
			best := -1
			for i, r := range rems {
				if r != math.MaxUint64 && (best < 0 || r > rems[best]) {
					best = i
				}
			}
			rems[best] = math.MaxUint64 // taken
			parts[best]++
		}
		return
	}
	// R is the left-th largest remainder: every part above R gets one, and
	// the earliest parts at R the rest.
	r := KthLargest(rems, left, scratch)
	atR := left
	for i, v := range rems {
		if v > r {
			parts[i]++
			atR--
		}
	}
	for i, v := range rems {
		if atR == 0 {
			break
		}
		if v == r {
			parts[i]++
			atR--
		}
	}
}

// KthLargest returns the k-th largest of vals (1 ≤ k ≤ len(vals)), leaving
// vals unchanged; scratch must hold at least len(vals) values.
//
// It is a radix selection a byte at a time from the highest set bit down:
// each pass counts the candidates per byte value, keeps the bucket the k-th
// largest falls in and drops the others. At most eight passes over a
// shrinking set: O(len(vals)) whatever the values.
func KthLargest(vals []uint64, k int, scratch []uint64) uint64 {
	var all uint64
	for _, v := range vals {
		all |= v
	}
	cand := vals
	for shift := (bits.Len64(all) - 1) &^ 7; shift >= 0 && len(cand) > 1; shift -= 8 {
		var count [256]int
		for _, v := range cand {
			count[v>>uint(shift)&0xff]++
		}
		b := 255
		for ; count[b] < k; b-- {
			k -= count[b]
		}
		if count[b] == len(cand) {
			continue // every candidate has this byte
		}
		// Keep bucket b; the write index never passes the read index, so
		// the candidates can be filtered within scratch.
		n := 0
		for _, v := range cand {
			if int(v>>uint(shift)&0xff) == b {
				scratch[n] = v
				n++
			}
		}
		cand = scratch[:n]
	}
	return cand[0]
}
