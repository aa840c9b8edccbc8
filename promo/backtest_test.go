package promo_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// backtestEngine: 满200减20 / 满400减50 applied first (priority 1), then a
// 9折 coupon with a budget of 30.00.
func backtestEngine(t testing.TB) promo.Engine {
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
		{ID: "mj", Priority: 1, Action: tiers(amountTier("200.00", "20.00"), amountTier("400.00", "50.00"))},
		{ID: "c9", Coupon: "C9", Limits: promo.Limits{Budget: cny("30.00")}, Action: promo.PercentOff{Rate: rate("9折"), Scope: promo.PerOrder}},
	})
	require.NoError(t, err)
	return e
}

// Four orders, worked by hand:
//
//	t1: 250.00 (cost 150.00): 满200减20 → 230.00; 9折 → 23.00 off, 207.00; budget spent 23.00.
//	t2: 2 × 100.00 (no cost): 减20 → 180.00; 9折 would be 18.00, the budget has 7.00 left: 173.00; the budget runs out.
//	t3: 150.00 (cost 150.00): below 200 by 50.00; the coupon's budget is spent: 150.00.
//	an order with a zero quantity: invalid.
//
// GMV 600.00, discount 43 + 27 = 70.00 (11.67 %); costed lines 400.00 at cost
// 300.00 paid 357.00: margin 100.00 before, 57.00 after. Near misses below
// 160.00: t1 lacks 150.00 to 满400, t3 lacks 50.00 to 满200. Depth: t3 no
// discount, t2 13.5 % in (10 %, 15 %], t1 17.2 % in (15 %, 20 %].
func TestBacktestWorked(t *testing.T) {
	t1 := time.Date(2026, 11, 11, 0, 5, 0, 0, time.UTC)
	order := func(at time.Time, l promo.Line) promo.Cart {
		return promo.Cart{Currency: pricing.CNY, At: at, Lines: []promo.Line{l}, Coupons: []string{"C9"}}
	}
	withCost := func(l promo.Line, cost string) promo.Line { l.Cost = cny(cost); return l }
	orders := []promo.Cart{
		order(t1.Add(2*time.Hour), withCost(line("a", 1, "150.00"), "150.00")), // t3, given first
		order(t1, withCost(line("a", 1, "250.00"), "150.00")),
		order(t1.Add(time.Hour), line("b", 2, "100.00")),
		order(t1.Add(3*time.Hour), line("x", 0, "1.00")),
	}
	r, err := backtestEngine(t).Backtest(promo.BacktestQuery{Orders: orders, NearMiss: cny("160.00")})
	require.NoError(t, err)
	assert.Equal(t, int64(3), r.Orders)
	assert.Equal(t, int64(1), r.Invalid)
	require.Len(t, r.InvalidErrors, 1)
	assert.Contains(t, r.InvalidErrors[0], "orders[3]: ")
	assert.Contains(t, r.InvalidErrors[0], "qty")
	assert.Equal(t, "CNY 600.00", r.GMV.String())
	assert.Equal(t, "CNY 70.00", r.Discount.String())
	assert.InDelta(t, 70.0/600, r.DiscountShare, 1e-12)
	assert.Equal(t, "CNY 400.00", r.CostedSubtotal.String())
	assert.Equal(t, "CNY 300.00", r.Cost.String())
	assert.Equal(t, "CNY 100.00", r.MarginBefore.String())
	assert.Equal(t, "CNY 57.00", r.MarginAfter.String())
	require.Len(t, r.Promotions, 2)
	mj, c9 := r.Promotions[0], r.Promotions[1]
	assert.Equal(t, promo.PromotionOutcome{PromotionID: "mj", Applied: 2, Amount: cny("40.00"), Levels: []int64{2},
		NearMisses: 2, NearMissGap: cny("200.00")}, mj)
	assert.Equal(t, promo.PromotionOutcome{PromotionID: "c9", Applied: 2, Amount: cny("30.00"), Coupons: 2, Capped: 1, NearMissGap: cny("0.00"),
		BudgetSpent: cny("30.00"), BudgetOut: t1.Add(time.Hour)}, c9)
	counts := make([]int64, len(r.Depth))
	for i, b := range r.Depth {
		counts[i] = b.Orders
	}
	assert.Equal(t, []int64{1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0}, counts)
	assert.Equal(t, 0.0, *r.Depth[0].To)
	assert.InDelta(t, 0.15, r.Depth[3].From+0.05, 1e-12)
	assert.InDelta(t, 0.20, *r.Depth[4].To, 1e-12)
	assert.Nil(t, r.Depth[11].To)
	assert.Equal(t, 0.5, r.Depth[11].From)

	// A near miss is strictly less than NearMiss: at 150.00, only t3.
	r, err = backtestEngine(t).Backtest(promo.BacktestQuery{Orders: orders, NearMiss: cny("150.00")})
	require.NoError(t, err)
	assert.Equal(t, int64(1), r.Promotions[0].NearMisses)
	assert.Equal(t, "CNY 50.00", r.Promotions[0].NearMissGap.String())
	// No NearMiss: none counted.
	r, err = backtestEngine(t).Backtest(promo.BacktestQuery{Orders: orders})
	require.NoError(t, err)
	assert.Zero(t, r.Promotions[0].NearMisses)

	// The report is JSON-ready.
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"budget_out":"2026-11-11T01:05:00Z"`)
	assert.Contains(t, string(b), `{"from":0.5,"to":null,"orders":0}`)
}

// Shipping waived and costs of several units: 满99包邮 on a 12.00 fee, two
// units costing 30.00 each.
func TestBacktestShippingAndCosts(t *testing.T) {
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{{ID: "ship", Action: promo.FreeShipping{MinAmount: cny("99.00")}}})
	require.NoError(t, err)
	a, b := cart(line("a", 2, "60.00")), cart(line("a", 1, "60.00"))
	a.Lines[0].Cost, b.Lines[0].Cost = cny("30.00"), cny("30.00")
	a.Shipping, b.Shipping = cny("12.00"), cny("12.00")
	r, err := e.Backtest(promo.BacktestQuery{Orders: []promo.Cart{a, b}})
	require.NoError(t, err)
	assert.Equal(t, "CNY 12.00", r.ShippingWaived.String(), "the 120.00 order ships free, the 60.00 one pays")
	assert.Equal(t, "CNY 90.00", r.Cost.String(), "3 units at 30.00")
	assert.Equal(t, "CNY 90.00", r.MarginBefore.String())
	assert.Equal(t, "CNY 90.00", r.MarginAfter.String(), "shipping is not a discount on goods")
	assert.Equal(t, "CNY 12.00", r.Promotions[0].Amount.String())
}

func TestDepthBuckets(t *testing.T) {
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{{ID: "off", Action: promo.AmountOff{Amount: cny("5.00"), Scope: promo.PerOrder}}})
	require.NoError(t, err)
	// 5.00 off 100.00 is exactly 5 %: (0, 5 %]; off 99.99 just above; off
	// 10.00 is exactly 50 %; off 9.99 above 50 %; off 5.00, 100 %.
	var orders []promo.Cart
	for _, p := range []string{"100.00", "99.99", "10.00", "9.99", "5.00"} {
		orders = append(orders, cart(line("a", 1, p)))
	}
	r, err := e.Backtest(promo.BacktestQuery{Orders: orders})
	require.NoError(t, err)
	counts := make([]int64, len(r.Depth))
	for i, b := range r.Depth {
		counts[i] = b.Orders
	}
	assert.Equal(t, []int64{0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 2}, counts)
}

// syntheticOrders makes n deterministic orders of 1-3 lines.
func syntheticOrders(n int) []promo.Cart {
	prices := []string{"19.90", "59.00", "129.00", "249.00", "88.80"}
	costs := []string{"8.00", "30.00", "70.00", "160.00", "40.00"}
	out := make([]promo.Cart, n)
	for i := range out {
		c := promo.Cart{Currency: pricing.CNY, At: testNow.Add(time.Duration(i%97) * time.Minute), Customer: promo.Customer{ID: fmt.Sprint("u", i%13)}}
		for j := 0; j <= i%3; j++ {
			k := (i*7 + j*3) % len(prices)
			l := line(fmt.Sprint("l", j), int64(1+(i+j)%3), prices[k])
			l.SKU = fmt.Sprint("sku", k)
			if k != 4 {
				l.Cost = cny(costs[k])
			}
			c.Lines = append(c.Lines, l)
		}
		if i%4 == 0 {
			c.Coupons = []string{"C9"}
		}
		out[i] = c
	}
	return out
}

// Workers give the report one worker gives, when no promotion has a limit;
// with a limit they are not used (the replay is sequential).
func TestBacktestWorkers(t *testing.T) {
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
		{ID: "mj", Priority: 1, Action: tiers(amountTier("200.00", "20.00"), amountTier("400.00", "50.00"))},
		{ID: "c9", Coupon: "C9", Action: promo.PercentOff{Rate: rate("9折"), Scope: promo.PerOrder}},
		{ID: "nth", Target: promo.Selector{SKUs: []string{"sku1"}}, Action: promo.NthItem{N: 2, Rate: rate("5折")}},
	})
	require.NoError(t, err)
	orders := syntheticOrders(300)
	orders[17].Lines[0].Qty = -1
	orders[250].Currency = pricing.USD
	one, err := e.Backtest(promo.BacktestQuery{Orders: orders, NearMiss: cny("50.00")})
	require.NoError(t, err)
	assert.Equal(t, int64(298), one.Orders)
	assert.Equal(t, int64(2), one.Invalid)
	for _, w := range []int{2, 3, 7, 256} {
		many, err := e.Backtest(promo.BacktestQuery{Orders: orders, NearMiss: cny("50.00"), Workers: w})
		require.NoError(t, err)
		assert.Equal(t, one, many, "%d workers", w)
	}
	assert.Equal(t, []string{"nth", "mj", "c9"}, []string{one.Promotions[0].PromotionID, one.Promotions[1].PromotionID,
		one.Promotions[2].PromotionID}, "the engine's order: the item layer first, then priority")
	assert.Positive(t, one.Promotions[0].Applied)
	assert.Positive(t, one.Promotions[1].NearMisses)
	assert.Equal(t, one.Promotions[2].Applied, one.Promotions[2].Coupons, "every use of c9 is through its code")
	assert.Positive(t, one.Promotions[2].Coupons)
	sum := int64(0)
	for _, b := range one.Depth {
		sum += b.Orders
	}
	assert.Equal(t, one.Orders, sum, "every order in one bucket")
	// With a budget the replay is sequential and the budget runs out.
	limited := backtestEngine(t)
	one, err = limited.Backtest(promo.BacktestQuery{Orders: orders})
	require.NoError(t, err)
	many, err := limited.Backtest(promo.BacktestQuery{Orders: orders, Workers: 4})
	require.NoError(t, err)
	assert.Equal(t, one, many)
	assert.Equal(t, "CNY 30.00", one.Promotions[1].BudgetSpent.String())
	assert.False(t, one.Promotions[1].BudgetOut.IsZero())
}

// Per-customer limits are counted per customer ID as the replay goes.
func TestBacktestPerCustomer(t *testing.T) {
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
		{ID: "once", Limits: promo.Limits{PerCustomer: 1, Total: 3}, Action: promo.AmountOff{Amount: cny("5.00"), Scope: promo.PerOrder}},
	})
	require.NoError(t, err)
	var orders []promo.Cart
	for i, who := range []string{"u1", "u1", "u2", "u3", "u4", ""} {
		c := cart(line("a", 1, "50.00"))
		c.At = testNow.Add(time.Duration(i) * time.Minute)
		c.Customer.ID = who
		orders = append(orders, c)
	}
	r, err := e.Backtest(promo.BacktestQuery{Orders: orders})
	require.NoError(t, err)
	// u1 once, u2, u3: then the total of 3 is reached.
	assert.Equal(t, int64(3), r.Promotions[0].Applied)
	assert.Equal(t, "CNY 15.00", r.Promotions[0].Amount.String())
}

func TestBacktestErrors(t *testing.T) {
	e := backtestEngine(t)
	for _, tc := range []struct {
		name  string
		q     promo.BacktestQuery
		field string
		err   error
	}{
		{"negative workers", promo.BacktestQuery{Workers: -1}, "workers", promo.ErrInvalidOption},
		{"too many workers", promo.BacktestQuery{Workers: promo.MaxBacktestWorkers + 1}, "workers", promo.ErrInvalidOption},
		{"near miss in dollars", promo.BacktestQuery{NearMiss: pricing.MustNew("1.00", pricing.USD)}, "near_miss", promo.ErrInvalidOption},
		{"near miss of a tenth of a fen", promo.BacktestQuery{NearMiss: cny("1.001")}, "near_miss", promo.ErrInvalidOption},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.Backtest(tc.q)
			var fe *promo.FieldError
			require.True(t, errors.As(err, &fe), "%v", err)
			assert.Equal(t, "backtest", fe.Op)
			assert.Equal(t, tc.field, fe.Field)
			assert.ErrorIs(t, err, tc.err)
		})
	}
	r, err := e.Backtest(promo.BacktestQuery{Workers: promo.MaxBacktestWorkers})
	require.NoError(t, err)
	assert.Zero(t, r.Orders)
	assert.Zero(t, r.DiscountShare)
}

// BenchmarkBacktest replays typical carts (1-3 lines, a threshold, a coupon
// on a quarter of them, 第二件半价 on one SKU): the issue asks for at least
// 30,000 carts per second per core.
func BenchmarkBacktest(b *testing.B) {
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
		{ID: "mj", Priority: 1, Action: tiers(amountTier("200.00", "20.00"), amountTier("400.00", "50.00"))},
		{ID: "c9", Coupon: "C9", Action: promo.PercentOff{Rate: rate("9折"), Scope: promo.PerOrder}},
		{ID: "nth", Target: promo.Selector{SKUs: []string{"sku1"}}, Action: promo.NthItem{N: 2, Rate: rate("5折")}},
	})
	require.NoError(b, err)
	orders := syntheticOrders(1000)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		r, err := e.Backtest(promo.BacktestQuery{Orders: orders})
		if err != nil || r.Orders != 1000 {
			b.Fatal(err, r.Orders)
		}
	}
	b.ReportMetric(float64(b.N)*1000/b.Elapsed().Seconds(), "carts/s")
}

// FuzzBacktest replays orders with extreme quantities and prices: no panic,
// every order counted once (valid or invalid), one depth bucket per valid
// order, the discount within GMV, and the same report from 3 workers.
func FuzzBacktest(f *testing.F) {
	f.Add(int64(1), int64(25000), int64(3), int64(9990), uint8(4))
	f.Add(int64(math.MaxInt64), int64(1), int64(-1), int64(promo.MaxMinorUnits), uint8(9))
	f.Add(int64(promo.MaxUnits), int64(promo.MaxMinorUnits), int64(promo.MaxUnits), int64(promo.MaxMinorUnits), uint8(30))
	f.Fuzz(func(t *testing.T, q1, p1, q2, p2 int64, n uint8) {
		e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
			{ID: "mj", Priority: 1, Action: tiers(amountTier("200.00", "20.00"), amountTier("400.00", "50.00"))},
			{ID: "nth", Action: promo.NthItem{N: 2, Rate: rate("5折")}},
		})
		require.NoError(t, err)
		var orders []promo.Cart
		for i := range int(n % 40) {
			a, _ := pricing.NewFromMinor(p1, pricing.CNY)
			b, _ := pricing.NewFromMinor(p2, pricing.CNY)
			c := promo.Cart{Currency: pricing.CNY, At: testNow.Add(time.Duration(i) * time.Second),
				Lines: []promo.Line{{ID: "a", SKU: "a", Qty: q1, UnitPrice: a, Cost: b}, {ID: "b", SKU: "b", Qty: q2 + int64(i), UnitPrice: b}}}
			orders = append(orders, c)
		}
		r, err := e.Backtest(promo.BacktestQuery{Orders: orders, NearMiss: cny("100.00")})
		if err != nil {
			require.ErrorIs(t, err, promo.ErrTooLarge)
			return
		}
		assert.Equal(t, int64(len(orders)), r.Orders+r.Invalid)
		sum := int64(0)
		for _, b := range r.Depth {
			sum += b.Orders
		}
		assert.Equal(t, r.Orders, sum)
		if r.Orders > 0 {
			gt, err := r.Discount.Cmp(r.GMV)
			require.NoError(t, err)
			assert.LessOrEqual(t, gt, 0)
		}
		par, err := e.Backtest(promo.BacktestQuery{Orders: orders, NearMiss: cny("100.00"), Workers: 3})
		require.NoError(t, err)
		assert.Equal(t, r, par)
	})
}

// Each kind of limit alone is counted by the replay, with and without
// workers (a limited campaign is replayed in order either way).
func TestBacktestEachLimit(t *testing.T) {
	orders := func(who ...string) []promo.Cart {
		var out []promo.Cart
		for i, w := range who {
			c := cart(line("a", 1, "50.00"))
			c.At = testNow.Add(time.Duration(i) * time.Minute)
			c.Customer.ID = w
			out = append(out, c)
		}
		return out
	}
	for _, tc := range []struct {
		name   string
		limits promo.Limits
		who    []string
		want   int64
	}{
		// u1's second order is refused; orders without a customer ID are
		// not counted per customer.
		{"per customer", promo.Limits{PerCustomer: 1}, []string{"u1", "u1", "u2", "", ""}, 4},
		{"in total", promo.Limits{Total: 2}, []string{"u1", "u2", "u3", "u4"}, 2},
		{"budget", promo.Limits{Budget: cny("12.00")}, []string{"u1", "u2", "u3", "u4"}, 3}, // 5 + 5 + 2 (cut)
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
				{ID: "p", Limits: tc.limits, Action: promo.AmountOff{Amount: cny("5.00"), Scope: promo.PerOrder}},
			})
			require.NoError(t, err)
			for _, w := range []int{0, 4} {
				r, err := e.Backtest(promo.BacktestQuery{Orders: orders(tc.who...), Workers: w})
				require.NoError(t, err)
				assert.Equal(t, tc.want, r.Promotions[0].Applied, "%d workers", w)
				assert.Zero(t, r.Invalid, "the usage the replay passes is valid")
			}
		})
	}
}

// Equivalent mutants (gremlins v0.5.0) of the backtest, which cannot change
// a report because the parallel path gives the sequential report by
// construction:
//   - backtest.go, `q.Workers > 1` as `>= 1` and `len(order) > 1` as `>= 1`:
//     one worker or one order in the parallel path is the sequential
//     replay. (Negated, `len(order) > 1` sent no orders to the parallel
//     path, which failed on them: TestMutationRestBacktestWorkersNoOrders.)
//   - backtest.go hasLimits, `l.Total > 0` and `l.PerCustomer > 0` as `>= 0`:
//     every campaign replays sequentially, with the same report.
//   - backtest_tally.go order, `Limits.PerCustomer > 0` as `>= 0`: counts
//     per customer are also kept for promotions without that limit, where
//     nothing reads them.
//   - backtest_tally.go report, `bad == nil` negated: only the first of
//     several failed conversions is reported, and sums within int64 convert.

// Levels count the orders by the tier reached, and for 每满 by the steps
// given, 20 steps or more in the last entry; Explanation.Level says it per
// order.
func TestBacktestLevels(t *testing.T) {
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
		{ID: "tiers", Action: tiers(amountTier("100.00", "10.00"), amountTier("200.00", "25.00"), amountTier("300.00", "40.00"))},
		{ID: "every", Action: promo.Threshold{Every: &promo.Step{Amount: cny("10.00"), Off: cny("0.10")}}},
	})
	require.NoError(t, err)
	var orders []promo.Cart
	for _, p := range []string{"99.99", "100.00", "250.00", "260.00", "300.00", "29.99", "5000.00"} {
		orders = append(orders, cart(line("a", 1, p)))
	}
	res, err := e.Evaluate(orders[3])
	require.NoError(t, err)
	ex, _ := res.Explanation("tiers")
	assert.Equal(t, int64(2), ex.Level, "260.00 reaches the second tier")
	ex, _ = res.Explanation("every")
	assert.Equal(t, int64(26), ex.Level, "26 full steps of 10.00 in 260.00")
	res, err = e.Evaluate(orders[0])
	require.NoError(t, err)
	ex, _ = res.Explanation("tiers")
	assert.Zero(t, ex.Level, "below the lowest tier")

	r, err := e.Backtest(promo.BacktestQuery{Orders: orders})
	require.NoError(t, err)
	out := map[string][]int64{}
	for _, p := range r.Promotions {
		out[p.PromotionID] = p.Levels
	}
	assert.Equal(t, []int64{1, 2, 2}, out["tiers"], "100.00; 250.00 and 260.00; 300.00 and 5000.00")
	every := out["every"]
	require.Len(t, every, promo.MaxBacktestLevels)
	assert.Equal(t, int64(1), every[1], "29.99 gives 2 steps")
	assert.Equal(t, int64(1), every[8], "99.99 gives 9 steps")
	assert.Equal(t, int64(1), every[9], "100.00 gives 10 steps")
	assert.Equal(t, int64(4), every[19], "250.00, 260.00, 300.00 and 5000.00 give 20 steps or more")
	many, err := e.Backtest(promo.BacktestQuery{Orders: orders, Workers: 3})
	require.NoError(t, err)
	assert.Equal(t, r, many)
}
