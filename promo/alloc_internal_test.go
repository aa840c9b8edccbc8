package promo

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opskit/opskit/pricing"
)

// TestKthLargestMatchesSort checks the radix selection against sorting on
// random values, values sharing their high bytes, repeated values and the
// extremes of uint64.
func TestKthLargestMatchesSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	inputs := [][]uint64{
		{0},
		{0, 0, 0},
		{math.MaxUint64, 0, math.MaxUint64 - 1, 1},
		{1 << 56, 1<<56 + 1, 1<<56 - 1, 255, 256},
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
	var buf []uint64
	for _, vals := range inputs {
		orig := slices.Clone(vals)
		sorted := slices.Clone(vals)
		slices.Sort(sorted)
		for k := 1; k <= len(vals); k++ {
			var got uint64
			got, buf = kthLargest(vals, k, buf)
			require.Equal(t, sorted[len(sorted)-k], got, "k=%d of %v", k, vals)
		}
		require.Equal(t, orig, vals, "the input is left unchanged")
	}
}

// TestAllocatorMatchesPricing checks the engine's allocator against
// package pricing's AllocateMinorTo for part counts on both sides of the
// repeated-selection cut (4 parts left) and of pricing's 64-part stack.
func TestAllocatorMatchesPricing(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	var a allocator
	for _, n := range []int{1, 2, 5, 63, 65, 300, 5000} {
		for range 20 {
			weights := make([]int64, n)
			for i := range weights {
				weights[i] = rng.Int64N(100_000)
				if rng.IntN(10) == 0 {
					weights[i] = 7 // repeated weights: ties go to the earlier part
				}
			}
			total := rng.Int64N(1_000_000_000)
			want, err := pricing.AllocateMinorTo(nil, total, weights)
			require.NoError(t, err)
			got, ok := a.to(nil, total, weights)
			require.True(t, ok)
			assert.Equal(t, want, got, "n=%d total=%d", n, total)
		}
	}
}
