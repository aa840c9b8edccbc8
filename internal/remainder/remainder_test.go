package remainder

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestKthLargestMatchesSort checks the radix selection against sorting on
// random values, values sharing their high bytes, many ties and the
// extremes of uint64, for every k.
func TestKthLargestMatchesSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	inputs := [][]uint64{
		{0},
		{0, 0, 0},
		{5, 5},
		{math.MaxUint64, 0, math.MaxUint64 - 1, 1},
		{1 << 56, 1<<56 + 1, 1<<56 - 1, 255, 256},
		{0x0100, 0x01ff, 0x00ff, 0x0101}, // decided by the second byte
	}
	for n := range 200 {
		vals := make([]uint64, n+1)
		for i := range vals {
			switch n % 4 {
			case 0:
				vals[i] = rng.Uint64()
			case 1:
				vals[i] = 0xabcdef<<40 | rng.Uint64N(1<<12) // same high bytes
			case 2:
				vals[i] = rng.Uint64N(3) // many ties
			default:
				vals[i] = rng.Uint64N(1 << 20)
			}
		}
		inputs = append(inputs, vals)
	}
	for _, vals := range inputs {
		orig := slices.Clone(vals)
		sorted := slices.Clone(vals)
		slices.Sort(sorted)
		scratch := make([]uint64, len(vals))
		for k := 1; k <= len(vals); k++ {
			if got, want := KthLargest(vals, k, scratch), sorted[len(sorted)-k]; got != want {
				t.Fatalf("KthLargest(%v, %d) = %d, want %d", vals, k, got, want)
			}
		}
		if !slices.Equal(orig, vals) {
			t.Fatalf("the input changed: %v, was %v", vals, orig)
		}
	}
}

// giveBySort is the definition Give implements: sort the parts by
// remainder, largest first and the earlier part first on a tie, and give
// one to each of the first left.
func giveBySort(parts []int64, left int, rems []uint64) {
	idx := make([]int, len(rems))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case rems[a] > rems[b]:
			return -1
		case rems[a] < rems[b]:
			return 1
		}
		return 0
	})
	for _, i := range idx[:left] {
		parts[i]++
	}
}

// TestGiveMatchesDefinition checks both ways Give places units (repeated
// scans for up to 4, selection beyond) against the sorted definition,
// ties included.
func TestGiveMatchesDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 3, 5, 6, 9, 64, 65, 300} {
		for trial := range 50 {
			rems := make([]uint64, n)
			for i := range rems {
				rems[i] = rng.Uint64N(uint64(1 + trial%7*1000)) // trial 0: all zero, all ties
			}
			for left := 0; left < n; left++ {
				want := make([]int64, n)
				giveBySort(want, left, rems)
				got := make([]int64, n)
				Give(got, left, slices.Clone(rems), make([]uint64, n))
				if !slices.Equal(got, want) {
					t.Fatalf("n=%d left=%d rems=%v: got %v, want %v", n, left, rems, got, want)
				}
			}
		}
	}
}

// TestGiveAtScale gives half the units to a million parts whose remainders
// alternate between a low and a high half: exactly the odd parts get one.
func TestGiveAtScale(t *testing.T) {
	const n = 1 << 20
	rems := make([]uint64, n)
	for i := range rems {
		rems[i] = uint64(i%2*n + i) // alternating low and high halves
	}
	parts := make([]int64, n)
	Give(parts, n/2, rems, make([]uint64, n))
	var given int64
	for i, p := range parts {
		given += p
		if want := int64(i % 2); p != want {
			t.Fatalf("part %d got %d, want %d: the odd parts hold the larger half", i, p, want)
		}
	}
	if given != n/2 {
		t.Fatalf("gave %d units, want %d", given, n/2)
	}
}
