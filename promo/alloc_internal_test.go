package promo

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opskit/opskit/pricing"
)

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
