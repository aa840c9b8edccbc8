package promo_test

// Tests that kill mutants of worstcart.go and worstcart_search.go (issue 19,
// the gremlins run over the rest of package promo); the equivalent ones are
// listed in mutation_rest_b_test.go.

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wcQty is the witness cart of w as quantities by SKU.
func wcQty(w promo.WorstCart) map[string]int64 {
	q := map[string]int64{}
	for _, l := range w.Cart.Lines {
		q[l.SKU] = l.Qty
	}
	return q
}

// The heuristic traced by hand (WorstCart's doc: seeds of each item alone
// at its breakpoints, then steepest ascent, add, remove or swap one unit,
// from the three best seeds; ties keep the first cart found).
//
// a at 15.00 and b at 25.00, 满40减20, at most 10 units: the space has
// C(12,2) - 1 = 65 carts, so a budget of 40 runs the heuristic. The share
// of a cart is 20/list from a list of 40.00 up, else 0.
//
//   - Seeds, a then b at 1, 2, 3, 4, 10 and the least count reaching
//     40.00 (3 of a, 2 of b, already listed): a1 0, a2 0, a3 20/45, a4
//     20/60, a10 20/150, b1 0, b2 20/50, b3 20/75, b4 20/100, b10 20/250:
//     10 carts. The best three: a3, b2, a4.
//   - From (3,0): (4,0), (2,0), (2,1), (3,1); none is worse than 4/9:
//     14 carts.
//   - From (0,2): (1,2), (0,3), (0,1), (1,1) = 20/40, worse: 18 carts.
//     From (1,1): (2,1), (0,1), (0,2), (1,2), (1,0), (2,0): none worse
//     than 1/2: 24 carts.
//   - From (4,0): (5,0), (3,0) = 4/9, worse, (3,1), (4,1): 28 carts; from
//     (3,0) the four of the first climb again: 32 carts.
//
// The worst is (1,1): 20.00 off 40.00, a share of 0.5 (also the proven
// worst: no other cart has a list of exactly 40.00). A budget of 20 stops
// in the climb from (1,1) after (2,1) and (0,1); 17 stops before (1,1) is
// evaluated, leaving a3.
func TestWorstCartHeuristicTraced(t *testing.T) {
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{{ID: "mj", Action: tiers(amountTier("40.00", "20.00"))}})
	require.NoError(t, err)
	catalog := []promo.CatalogItem{{SKU: "a", ListPrice: cny("15.00")}, {SKU: "b", ListPrice: cny("25.00")}}
	for _, tt := range []struct {
		budget, carts  int64
		want           map[string]int64
		discount, list string
	}{
		{40, 32, map[string]int64{"a": 1, "b": 1}, "20.00", "40.00"},
		{20, 20, map[string]int64{"a": 1, "b": 1}, "20.00", "40.00"},
		{17, 17, map[string]int64{"a": 3}, "20.00", "45.00"},
		{65, 65, map[string]int64{"a": 1, "b": 1}, "20.00", "40.00"}, // the whole space: proven
	} {
		w, err := e.WorstCart(promo.WorstCartQuery{Catalog: catalog, Loss: promo.LossDiscountShare, MaxUnits: 10, At: testNow, Budget: tt.budget})
		require.NoError(t, err)
		assert.Equal(t, tt.budget == 65, w.Proven, "budget %d", tt.budget)
		assert.Equal(t, tt.carts, w.Carts, "budget %d", tt.budget)
		assert.Equal(t, tt.want, wcQty(w), "budget %d", tt.budget)
		assert.Equal(t, "CNY "+tt.discount, w.Discount.String(), "budget %d", tt.budget)
		assert.Equal(t, "CNY "+tt.list, w.ListValue.String(), "budget %d", tt.budget)
	}
}

// worstcart_search.go spaceSize: the space is counted exactly, for an odd
// number of items and for several shoppers, and a budget of exactly its
// size is exhaustive, one less is not. The counts by hand:
//
//   - three items of at most one unit in all: 3 carts;
//   - one item of 1 to 3 units for each of two shoppers: 2 × 3 = 6 carts.
//
// Below the space the heuristic runs: each item alone at 1 unit (its
// only quantity) for each shopper in turn, until the budget is spent.
// A catalog item may have exactly MaxLabels tags (worstcart.go validate).
func TestWorstCartSpaceCounted(t *testing.T) {
	e, err := promo.NewEngine(pricing.CNY, nil)
	require.NoError(t, err)
	three := []promo.CatalogItem{{SKU: "a", ListPrice: cny("10.00")}, {SKU: "b", ListPrice: cny("10.00")},
		{SKU: "c", ListPrice: cny("10.00"), Tags: make([]string, promo.MaxLabels)}}
	for _, tt := range []struct {
		name     string
		catalog  []promo.CatalogItem
		units    int64
		shoppers int
		budget   int64
		proven   bool
		carts    int64
	}{
		{"three items, the space", three, 1, 1, 3, true, 3},
		{"three items, one less", three, 1, 1, 2, false, 2},
		{"two shoppers, the space", three[:1], 3, 2, 6, true, 6},
		{"two shoppers, one less", three[:1], 3, 2, 5, false, 5},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w, err := e.WorstCart(promo.WorstCartQuery{Catalog: tt.catalog, Loss: promo.LossDiscountShare, MaxUnits: tt.units, At: testNow,
				Budget: tt.budget, Shoppers: make([]promo.Shopper, tt.shoppers)})
			require.NoError(t, err)
			assert.Equal(t, tt.proven, w.Proven)
			assert.Equal(t, tt.carts, w.Carts)
		})
	}
}

// worstcart_search.go climb: a move never takes an item past its MaxQty.
// a (20.00, at most 1), b (30.00, at most 2) and c (1,000.00), at most 5
// units, 满40减20 on a and b only: 26 carts (by hand: (a,b) = (0,0) with
// 1-5 c, (1,0) and (0,1) with 0-4, (1,1) and (0,2) with 0-3, (1,2) with
// 0-2: 5+5+5+4+4+3), so a budget of 25 runs the heuristic. Two a (40.00,
// a share of 1/2) would be the worst cart, but a is capped at one.
//
//   - Seeds: a1 0 (20.00 is below 40.00), b1 0, b2 20/60, c1 to c5 0
//     (nothing of a or b): 8 carts. The best three: b2, a1, b1.
//   - From (0,2,0): (1,2,0) 20/80, (0,1,0), (1,1,0) 20/50, worse, (0,1,1),
//     (0,2,1): 13 carts. From (1,1,0): (0,1,0), (0,2,0), (0,1,1),
//     (1,2,0), (1,0,0), (1,0,1), (1,1,1), none worse: 20 carts.
//   - From (1,0,0): adding an a is past its cap and removing the only unit
//     leaves no cart; adding a b gives (1,1,0), worse: 21 carts. From
//     there (0,1,0), (0,2,0), (0,1,1) and (1,2,0) spend the budget.
//
// The worst found is (1,1,0), 20.00 off 50.00, after 25 carts.
func TestWorstCartClimbKeepsCaps(t *testing.T) {
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{{ID: "mj", Target: promo.Selector{SKUs: []string{"a", "b"}},
		Action: tiers(amountTier("40.00", "20.00"))}})
	require.NoError(t, err)
	catalog := []promo.CatalogItem{{SKU: "a", ListPrice: cny("20.00")}, {SKU: "b", ListPrice: cny("30.00")}, {SKU: "c", ListPrice: cny("1000.00")}}
	q := promo.WorstCartQuery{Catalog: catalog, MaxQty: []int64{1, 2}, Loss: promo.LossDiscountShare, MaxUnits: 5, At: testNow, Budget: 26}
	w, err := e.WorstCart(q)
	require.NoError(t, err)
	require.True(t, w.Proven)
	assert.Equal(t, int64(26), w.Carts, "the space counted by hand")
	assert.Equal(t, map[string]int64{"a": 1, "b": 1}, wcQty(w), "the proven worst")
	q.Budget = 25
	w, err = e.WorstCart(q)
	require.NoError(t, err)
	assert.False(t, w.Proven)
	assert.Equal(t, int64(25), w.Carts)
	assert.Equal(t, map[string]int64{"a": 1, "b": 1}, wcQty(w))
	assert.Equal(t, "CNY 20.00", w.Discount.String())
	assert.Equal(t, "CNY 50.00", w.ListValue.String())
}

// worstcart_search.go climb, run to its end within the budget: every move
// counts. a (4.00), b (15.00) and d (40.00), at most 10 units, 满40减20:
// C(13,3) - 1 = 285 carts, a budget of 30. Free shipping from 0.00 (no
// fee in these carts) adds no seed: no item needs a unit to reach 0.00.
//
//   - Seeds at 1, 2, 3, 4 and 10 units (40.00 is reached at 10 a, 3 b, 1
//     d, already listed): 15 carts; a10 (40.00) and d1 share 1/2, b3 4/9.
//     The best three: a10 (found first), d1, b3.
//   - From (10,0,0), at the most units: no unit can be added; removing
//     one a gives (9,0,0), then the swaps (9,1,0) and (9,0,1): 18 carts.
//   - From (0,0,1), one unit: only adds, (1,0,1), (0,1,1), (0,0,2), as
//     removing the only unit leaves no cart: 21 carts.
//   - From (0,3,0): (1,3,0), (0,4,0), (0,2,0), (1,2,0), (0,2,1),
//     (0,3,1), none worse than 4/9: 27 carts, the search ends.
func TestWorstCartHeuristicRunsOut(t *testing.T) {
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{{ID: "mj", Action: tiers(amountTier("40.00", "20.00"))},
		{ID: "ship", Action: promo.FreeShipping{MinAmount: cny("0.00")}}})
	require.NoError(t, err)
	catalog := []promo.CatalogItem{{SKU: "a", ListPrice: cny("4.00")}, {SKU: "b", ListPrice: cny("15.00")}, {SKU: "d", ListPrice: cny("40.00")}}
	w, err := e.WorstCart(promo.WorstCartQuery{Catalog: catalog, Loss: promo.LossDiscountShare, MaxUnits: 10, At: testNow, Budget: 30})
	require.NoError(t, err)
	assert.False(t, w.Proven)
	assert.Equal(t, int64(27), w.Carts)
	assert.Equal(t, map[string]int64{"a": 10}, wcQty(w))
	assert.Equal(t, 0.5, w.Score)
}

// worstcart_search.go quantities and breakpoints: the seeds of an item are
// 1 to 4 units, its cap, and the least count reaching each amount and
// count of the campaign that is within the cap. a at 7.00, at most 20
// units; 满40减20 and 满200减150 (tiers), and a free 30th unit (第30件
// 免费). 40.00 takes 6 units (42.00); 200.00 would take 29 and the 30th
// unit 30, both past the cap. Seeds 1, 2, 3, 4 (nothing off), 6 (20/42)
// and 20 (20/140); a budget of 12 below the 20 carts of the space:
//
//   - from 6: 7 (20/49) and 5 (nothing off), none worse: 8 carts;
//   - from 20: 19 (20/133, worse), then 20 and 18 (20/126, worse), then
//     19, the 12th cart.
//
// The worst found is 6 units, 20.00 off 42.00.
func TestWorstCartSeedQuantities(t *testing.T) {
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
		{ID: "mj", Action: tiers(amountTier("40.00", "20.00"), amountTier("200.00", "150.00"))},
		{ID: "n30", Action: promo.NthItem{N: 30, Free: true}},
	})
	require.NoError(t, err)
	w, err := e.WorstCart(promo.WorstCartQuery{Catalog: []promo.CatalogItem{{SKU: "a", ListPrice: cny("7.00")}},
		Loss: promo.LossDiscountShare, MaxUnits: 20, At: testNow, Budget: 12})
	require.NoError(t, err)
	assert.False(t, w.Proven)
	assert.Equal(t, int64(12), w.Carts)
	assert.Equal(t, map[string]int64{"a": 6}, wcQty(w))
	assert.Equal(t, "CNY 20.00", w.Discount.String())
	assert.Equal(t, "CNY 42.00", w.ListValue.String())
}

// worstcart_search.go measure and quantities: nothing to measure is no
// answer. A catalog of one free item (0.00) has no list value to take a
// share of, searched whole or by the heuristic (whose amount seeds skip
// a price of 0); under a margin floor (seed-rules P-08, 0.5) an item
// without a cost has no floor (pricing: the margin rule needs a cost), so
// there is no floor depth.
func TestWorstCartNothingToMeasure(t *testing.T) {
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{{ID: "mj", Action: tiers(amountTier("40.00", "20.00"))}})
	require.NoError(t, err)
	free := []promo.CatalogItem{{SKU: "free", ListPrice: cny("0.00")}}
	for _, budget := range []int64{0, 1} {
		w, err := e.WorstCart(promo.WorstCartQuery{Catalog: free, Loss: promo.LossDiscountShare, MaxUnits: 2, At: testNow, Budget: budget})
		require.NoError(t, err)
		assert.False(t, w.Found, "budget %d", budget)
	}
	floor, err := pricing.NewFloorPolicy(pricing.MinMargin(decimal.RequireFromString("0.5")))
	require.NoError(t, err)
	w, err := e.WorstCart(promo.WorstCartQuery{Catalog: []promo.CatalogItem{{SKU: "nocost", ListPrice: cny("10.00")}},
		Loss: promo.LossFloorDepth, MaxUnits: 2, At: testNow, Floor: floor})
	require.NoError(t, err)
	assert.True(t, w.Proven)
	assert.False(t, w.Found)
}

// worstcart_search.go quantities: the least count reaching an amount is
// ⌈amount / price⌉, exact when the price divides it. a at 10.00, 满50减25:
// 5 units reach 50.00 (a share of 1/2), 6 would be 25/60. A budget of 6
// (of the 20 carts of at most 20 units) is spent on the seeds 1, 2, 3, 4,
// 5 and 20 alone: the worst is 5 units.
func TestWorstCartSeedExactAmount(t *testing.T) {
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{{ID: "mj", Action: tiers(amountTier("50.00", "25.00"))}})
	require.NoError(t, err)
	w, err := e.WorstCart(promo.WorstCartQuery{Catalog: []promo.CatalogItem{{SKU: "a", ListPrice: cny("10.00")}},
		Loss: promo.LossDiscountShare, MaxUnits: 20, At: testNow, Budget: 6})
	require.NoError(t, err)
	assert.Equal(t, int64(6), w.Carts)
	assert.Equal(t, map[string]int64{"a": 5}, wcQty(w))
	assert.Equal(t, 0.5, w.Score)
}
