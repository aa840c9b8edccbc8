package inventory

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The realistic batch (lead-time variability, class rules, many SKUs at or below their reorder
// point) allocates nothing per SKU, and writing in place leaves nothing of a previous run behind.
func TestSuggestBatchRealistic(t *testing.T) {
	p := realisticPlanner(t)
	items := realisticItems(2000)
	out := make([]Suggestion, len(items))
	n, err := p.SuggestBatch(items, testNow, out)
	require.NoError(t, err)
	require.Zero(t, n)
	var reorder, stockout int
	for _, s := range out {
		switch s.Status {
		case StatusReorder, StatusBelowSafetyStock:
			reorder++
		case StatusStockout:
			stockout++
		}
	}
	assert.Greater(t, reorder+stockout, len(items)/2, "the mix is mostly low stock")
	assert.Greater(t, stockout, len(items)/10)
	allocs := testing.AllocsPerRun(5, func() {
		if _, err := p.SuggestBatch(items, testNow, out); err != nil {
			t.Fatal(err)
		}
	})
	assert.Equal(t, 0.0, allocs)

	// Reuse the slice with results of other items in it (rotated by one): every field is rewritten.
	stale := make([]Suggestion, len(items))
	copy(stale, out[1:])
	stale[len(stale)-1] = out[0]
	for i := range stale {
		stale[i].ID = "stale"
	}
	_, err = p.SuggestBatch(items, testNow, stale)
	require.NoError(t, err)
	assert.Equal(t, out, stale)
	for i := 0; i < len(items); i += 97 {
		one, err := p.Suggest(items[i], testNow)
		require.NoError(t, err)
		assert.Equal(t, one, out[i])
	}
	// An evaluation time out of range makes every item invalid.
	n, err = p.SuggestBatch(items[:3], testNow.AddDate(-2000, 0, 0), out)
	assert.Equal(t, int64(3), n)
	assert.ErrorIs(t, err, ErrTooLarge)
}
