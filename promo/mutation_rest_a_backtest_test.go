package promo_test

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The depth buckets of a report (backtest_tally.go report): 0 for no
// discount, then (k-1)·5 % to k·5 % for k = 1..10, the tenth 45 % to 50 %,
// and above 50 % without an upper end. A report of no orders has them all.
func TestMutationRestDepthBucketBounds(t *testing.T) {
	r, err := backtestEngine(t).Backtest(promo.BacktestQuery{})
	require.NoError(t, err)
	require.Len(t, r.Depth, 12)
	require.NotNil(t, r.Depth[0].To)
	assert.Equal(t, 0.0, *r.Depth[0].To)
	for k := 1; k <= 10; k++ {
		assert.InDelta(t, float64(k-1)*0.05, r.Depth[k].From, 1e-12, "bucket %d", k)
		require.NotNil(t, r.Depth[k].To, "bucket %d", k)
		assert.InDelta(t, float64(k)*0.05, *r.Depth[k].To, 1e-12, "bucket %d", k)
	}
	assert.InDelta(t, 0.45, r.Depth[10].From, 1e-12)
	assert.Equal(t, 0.5, r.Depth[11].From)
	assert.Nil(t, r.Depth[11].To)
}

// Workers with no orders (backtest.go Backtest: the parallel path is taken
// only for more than one order) give the empty report, as one worker does.
func TestMutationRestBacktestWorkersNoOrders(t *testing.T) {
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{{ID: "nine", Action: promo.PercentOff{Rate: rate("9折")}}})
	require.NoError(t, err)
	for _, w := range []int{0, 1, 2, 8} {
		r, err := e.Backtest(promo.BacktestQuery{Workers: w})
		require.NoError(t, err, "workers %d", w)
		assert.Zero(t, r.Orders)
		assert.Equal(t, "CNY 0.00", r.GMV.String())
		require.Len(t, r.Promotions, 1)
		assert.Zero(t, r.Promotions[0].Applied)
	}
	// One order with 8 workers: the sequential replay's report.
	r, err := e.Backtest(promo.BacktestQuery{Workers: 8, Orders: []promo.Cart{cart(line("a", 1, "100.00"))}})
	require.NoError(t, err)
	assert.Equal(t, int64(1), r.Orders)
	assert.Equal(t, "CNY 10.00", r.Discount.String())
}
