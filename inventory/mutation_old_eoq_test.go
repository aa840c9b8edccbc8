package inventory

// Tests that kill the mutants of eoq.go a hand mutation pass left alive (issue 19). Each case names
// the mutant it kills as file:line:column and mutator (line numbers of main at bda67c7).

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// D = 1000, K = 10, i = 0.1, c = 5: EOQ = √(2·1000·10/(0.1·5)) = √40 000 = 200 and
// TC = 1000·5 + 1000·10/200 + 0.1·5·200/2 = 5000 + 50 + 50 = 5100 (hand arithmetic).
//   - eoq.go:162:21 CONDITIONALS_BOUNDARY: a lowest MinQty of 1 is allowed ("0 or 1"), 1.5 is not;
//   - eoq.go:158:27 CONDITIONALS_BOUNDARY: a price that stays the same from one tier to the next does
//     not rise, so it is allowed;
//   - eoq.go:181:21 and 181:70 CONDITIONALS_BOUNDARY: with that flat price both tiers offer Q = 200 at
//     5100; on a tie in cost and quantity the lower tier (the first offer) stays the best.
func TestMutantOldPriceBreakEdges(t *testing.T) {
	plan, err := EOQWithPriceBreaks(1000, 10, 0.1, []PriceBreak{{MinQty: 1, UnitPrice: 5}})
	require.NoError(t, err)
	assert.Equal(t, 200.0, plan.Best.Qty)
	assert.Equal(t, 5100.0, plan.Best.Cost)
	_, err = EOQWithPriceBreaks(1000, 10, 0.1, []PriceBreak{{MinQty: 1.5, UnitPrice: 5}})
	requireTyped(t, err, ErrPolicy, "lowest min_qty 1.5")

	plan, err = EOQWithPriceBreaks(1000, 10, 0.1, []PriceBreak{{MinQty: 100, UnitPrice: 5}, {MinQty: 0, UnitPrice: 5}})
	require.NoError(t, err)
	require.Len(t, plan.Offers, 2)
	for _, o := range plan.Offers {
		assert.Equal(t, 200.0, o.Qty)
		assert.Equal(t, 5100.0, o.Cost)
	}
	assert.Equal(t, PriceBreak{MinQty: 0, UnitPrice: 5}, plan.Best.Break)
}
