package promo_test

import (
	"sync"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scratchCarts are carts of different sizes for one promotion list, so an
// engine's reused buffers grow and shrink between evaluations.
func scratchCarts() ([]promo.Cart, []promo.Promotion) {
	_, ps := genCase(1, 6)
	ps = append(ps, typicalPromotions()...)
	var carts []promo.Cart
	for seed := range uint64(40) {
		c, _ := genCase(seed+100, 6)
		if seed%5 == 0 {
			c = benchCart(int(seed) + 5)
		}
		c.Coupons = append(c.Coupons, "STORE20", "C1", "C3")
		carts = append(carts, c)
	}
	return carts, ps
}

// An engine reuses its scratch memory between evaluations; the results must
// be exactly those of a fresh engine for every cart, whatever came before.
func TestScratchReuseGivesFreshResults(t *testing.T) {
	carts, ps := scratchCarts()
	checkScratchReuse(t, carts, ps)
	// Without conflicts the first evaluation of every cart turns on the same
	// item promotions: nothing may be carried over from the previous cart.
	simple := []promo.Promotion{
		{ID: "drinks", Target: promo.Selector{Categories: []string{"drinks"}}, Action: promo.PercentOff{Rate: pricing.MustRate("9折")}},
		{ID: "every", Action: promo.Threshold{Every: &promo.Step{Amount: cny("20.00"), Off: cny("3.00")}}},
	}
	checkScratchReuse(t, carts, simple)
}

func checkScratchReuse(t *testing.T, carts []promo.Cart, ps []promo.Promotion) {
	t.Helper()
	shared, err := promo.NewEngine(pricing.CNY, ps)
	require.NoError(t, err)
	for round := range 2 {
		for i, c := range carts {
			fresh, err := promo.NewEngine(pricing.CNY, ps)
			require.NoError(t, err)
			want, err := fresh.Evaluate(c)
			require.NoError(t, err)
			got, err := shared.Evaluate(c)
			require.NoError(t, err)
			assert.Equal(t, want, got, "round %d, cart %d", round, i)
			// A refund and an invalid cart in between must not leave state behind.
			if len(c.Lines) > 0 {
				_, err = shared.Refund(c, got, map[string]int64{c.Lines[0].ID: 1}, promo.RefundPolicy{Clawback: true})
				require.NoError(t, err)
			}
			bad := c
			bad.Lines = append([]promo.Line{{ID: "", Qty: 1}}, c.Lines...)
			_, err = shared.Evaluate(bad)
			require.Error(t, err)
		}
	}
}

// Concurrent evaluations on one engine each get their own scratch memory
// (run with -race).
func TestScratchConcurrentUse(t *testing.T) {
	carts, ps := scratchCarts()
	e, err := promo.NewEngine(pricing.CNY, ps)
	require.NoError(t, err)
	want := make([]promo.Result, len(carts))
	for i, c := range carts {
		want[i], err = e.Evaluate(c)
		require.NoError(t, err)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 3 * len(carts) {
				i := (k*7 + g) % len(carts)
				got, err := e.Evaluate(carts[i])
				if assert.NoError(t, err) {
					assert.Equal(t, want[i], got, "cart %d", i)
				}
			}
		}()
	}
	wg.Wait()
}
