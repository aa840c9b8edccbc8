package inventory

// Tests that kill the mutants of suggest.go a hand mutation pass left alive (issue 19). Each case
// names the mutant it kills as file:line:column and mutator (line numbers of main at bda67c7).

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// suggest.go:396:18 CONDITIONALS_BOUNDARY: lead time plus review period may be exactly the largest
// time.Duration (292 years); one nanosecond more is an error naming lead.mean. Under (R, S) with a
// 7-day review the longest lead time is MaxInt64 - 7 days.
func TestMutantOldSuggestLongestLead(t *testing.T) {
	for _, tt := range []struct {
		name   string
		review time.Duration
	}{{"continuous", 0}, {"(R, S)", 7 * Day}} {
		p := testPlanner(t, func(c *PlanConfig) {
			if tt.review > 0 {
				c.Policy, c.Review = PolicyRS, tt.review
			}
		})
		it := testItem(30)
		it.Lead = FixedLeadTime(math.MaxInt64 - tt.review)
		_, err := p.Suggest(it, testNow)
		require.NoError(t, err, tt.name)
		if tt.review == 0 {
			continue // no longer lead time exists
		}
		it.Lead = FixedLeadTime(math.MaxInt64 - tt.review + 1)
		_, err = p.Suggest(it, testNow)
		requireTyped(t, err, ErrTooLarge, tt.name)
		var fe *FieldError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, "item.lead.mean", fe.Field, tt.name)
	}
}

// suggest.go:471:19 CONDITIONALS_BOUNDARY: a hand-set max equal to the reorder point is valid (S = s:
// order up to the warning line); a max below it is an error. Warning line 100, max 100, position 60:
// the need is S - position = 40.
func TestMutantOldSuggestMaxAtReorderPoint(t *testing.T) {
	p := testPlanner(t, func(c *PlanConfig) { c.Policy = PolicyMinMax })
	it := testItem(60)
	it.WarningLine, it.MaxStock = 100, 100
	got, err := p.Suggest(it, testNow)
	require.NoError(t, err)
	assert.Equal(t, 100.0, got.Why.ReorderLevel)
	assert.Equal(t, 100.0, got.Why.OrderUpTo)
	assert.Equal(t, int64(40), got.Qty)
	it.MaxStock = 99.5
	_, err = p.Suggest(it, testNow)
	requireTyped(t, err, ErrPolicy, "max 99.5 below the warning line 100")
}
