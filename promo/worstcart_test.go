package promo_test

import (
	"errors"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bruteWorst evaluates every cart of at most n units of the catalog (each
// item at most n) for one shopper and returns the largest loss as an exact
// rational, computed here independently of WorstCart: the discount share,
// the amount below cost in minor units, or the deepest 1 - paid/floor.
func bruteWorst(t *testing.T, e promo.Engine, catalog []promo.CatalogItem, sh promo.Shopper, loss promo.Loss,
	floors []int64, n int64) (*big.Rat, int64) {
	t.Helper()
	var best *big.Rat
	carts := int64(0)
	qty := make([]int64, len(catalog))
	var walk func(i int, left int64)
	walk = func(i int, left int64) {
		if i == len(catalog) {
			if left == n {
				return
			}
			c := promo.Cart{Currency: pricing.CNY, At: testNow, Customer: sh.Customer, Channel: sh.Channel, Coupons: sh.Coupons}
			for j, k := range qty {
				if k > 0 {
					it := catalog[j]
					c.Lines = append(c.Lines, promo.Line{ID: it.SKU, SKU: it.SKU, Categories: it.Categories, Qty: k,
						UnitPrice: it.ListPrice, ListPrice: it.ListPrice, Cost: it.Cost})
				}
			}
			carts++
			res, err := e.Evaluate(c)
			require.NoError(t, err)
			var v *big.Rat
			minor := func(m pricing.Money) int64 { x, _ := m.MinorUnits(); return x }
			switch loss {
			case promo.LossDiscountShare:
				var list, paid, gifts int64
				for j, k := range qty {
					list += minor(catalog[j].ListPrice) * k
				}
				for _, l := range res.Lines {
					paid += minor(l.After)
				}
				for _, g := range res.Gifts {
					if g.Value.IsValid() {
						gifts += minor(g.Value) * g.Qty
					}
				}
				if list == 0 {
					return
				}
				v = big.NewRat(list-paid+gifts, list)
			case promo.LossBelowCost:
				below := int64(0)
				for _, l := range res.Lines {
					for j := range catalog {
						if catalog[j].SKU == l.ID && catalog[j].Cost.IsValid() {
							for _, u := range l.UnitPaid {
								if d := minor(catalog[j].Cost) - minor(u); d > 0 {
									below += d
								}
							}
						}
					}
				}
				for _, g := range res.Gifts {
					for j := range catalog {
						if catalog[j].SKU == g.SKU && catalog[j].Cost.IsValid() {
							below += minor(catalog[j].Cost) * g.Qty
						}
					}
				}
				v = big.NewRat(below, 1)
			case promo.LossFloorDepth:
				for _, l := range res.Lines {
					for j := range catalog {
						if catalog[j].SKU != l.ID || floors[j] == 0 {
							continue
						}
						for _, u := range l.UnitPaid {
							d := big.NewRat(floors[j]-minor(u), floors[j])
							if v == nil || d.Cmp(v) > 0 {
								v = d
							}
						}
					}
				}
			}
			if v != nil && (best == nil || v.Cmp(best) > 0) {
				best = v
			}
			return
		}
		for k := int64(0); k <= left; k++ {
			qty[i] = k
			walk(i+1, left-k)
		}
		qty[i] = 0
	}
	walk(0, n)
	return best, carts
}

// wcLoss is WorstCart's answer as the same exact rational.
func wcLoss(w promo.WorstCart) *big.Rat {
	minor := func(m pricing.Money) int64 { x, _ := m.MinorUnits(); return x }
	switch w.Loss {
	case promo.LossDiscountShare:
		return big.NewRat(minor(w.Discount), minor(w.ListValue))
	case promo.LossBelowCost:
		return big.NewRat(minor(w.BelowCost), 1)
	}
	f := minor(w.DeepestFloor)
	return big.NewRat(f-minor(w.DeepestPaid), f)
}

// The worked case: 满300减50, an 8折 coupon the shopper holds and
// 第二件半价 on a low-margin tea (list 100.00, cost 62.00). Found by hand:
// two teas pay 100 + 50 = 150 after 第二件半价, 120 after the coupon, below
// 300 so no 满减; their units pay 80 and 40, the second 22.00 below cost.
// The search proves the worst is deeper still.
func TestWorstCartSellsBelowCost(t *testing.T) {
	catalog := []promo.CatalogItem{
		{SKU: "tea", Categories: []string{"tea"}, ListPrice: cny("100.00"), Cost: cny("62.00")},
		{SKU: "cup", Categories: []string{"ware"}, ListPrice: cny("59.00"), Cost: cny("20.00")},
	}
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
		{ID: "manjian", Action: tiers(amountTier("300.00", "50.00"))},
		{ID: "vip8", Coupon: "VIP8", Action: promo.PercentOff{Rate: rate("8折"), Scope: promo.PerOrder}},
		{ID: "second-half", Target: promo.Selector{Categories: []string{"tea"}}, Action: promo.NthItem{N: 2, Rate: rate("5折")}},
	})
	require.NoError(t, err)
	sh := promo.Shopper{Coupons: []string{"VIP8"}}
	q := promo.WorstCartQuery{Catalog: catalog, Shoppers: []promo.Shopper{sh}, Loss: promo.LossBelowCost, MaxUnits: 6, At: testNow}
	w, err := e.WorstCart(q)
	require.NoError(t, err)
	require.True(t, w.Found)
	assert.True(t, w.Proven, "28 carts fit the default budget")
	assert.Equal(t, int64(27), w.Carts, "1 to 6 units of two items: C(8,2) - 1 = 27 carts")
	want, carts := bruteWorst(t, e, catalog, sh, promo.LossBelowCost, nil, 6)
	assert.Equal(t, int64(27), carts)
	assert.Zero(t, want.Cmp(wcLoss(w)), "brute force %s, search %s", want, wcLoss(w))
	assert.True(t, w.BelowCost.IsPositive(), "the witness sells below cost: %s", w.BelowCost)
	hasTea := false
	for _, l := range w.Cart.Lines {
		hasTea = hasTea || l.SKU == "tea"
	}
	assert.True(t, hasTea)
	assert.Equal(t, promo.Applied, explanation(t, w.Result, "second-half").Status, "the explanation shows why")
	assert.Equal(t, promo.Applied, explanation(t, w.Result, "vip8").Status)
	// Two teas alone already lose 22.00 (hand arithmetic above).
	gt, err := w.BelowCost.Cmp(cny("22.00"))
	require.NoError(t, err)
	assert.GreaterOrEqual(t, gt, 0)
}

func TestWorstCartLosses(t *testing.T) {
	catalog := []promo.CatalogItem{
		{SKU: "a", ListPrice: cny("120.00"), Cost: cny("70.00")},
		{SKU: "b", ListPrice: cny("45.50"), Cost: cny("30.00")},
		{SKU: "c", ListPrice: cny("9.90"), Cost: cny("2.00")},
	}
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
		{ID: "t", Action: tiers(amountTier("150.00", "30.00"), amountTier("250.00", "60.00"))},
		{ID: "bx", Target: promo.Selector{SKUs: []string{"c"}}, Action: promo.BuyXGetY{BuyQty: 2, GetQty: 1, Free: true}},
		{ID: "gift", Action: promo.Gift{MinAmount: cny("200.00"), Options: []promo.GiftOption{{SKU: "c", Qty: 2, Value: cny("19.80")}}}},
	})
	require.NoError(t, err)
	floor, err := pricing.NewFloorPolicy(pricing.MinListRatio(rate("7折")))
	require.NoError(t, err)
	floors := []int64{8400, 3185, 693} // 7折 of each list price, rounded half-up
	for _, loss := range []promo.Loss{promo.LossDiscountShare, promo.LossBelowCost, promo.LossFloorDepth} {
		t.Run(loss.String(), func(t *testing.T) {
			q := promo.WorstCartQuery{Catalog: catalog, Loss: loss, MaxUnits: 5, At: testNow, Floor: floor}
			w, err := e.WorstCart(q)
			require.NoError(t, err)
			want, carts := bruteWorst(t, e, catalog, promo.Shopper{}, loss, floors, 5)
			assert.True(t, w.Proven)
			assert.Equal(t, carts, w.Carts)
			require.True(t, w.Found)
			assert.Zero(t, want.Cmp(wcLoss(w)), "brute force %s, search %s", want.FloatString(6), wcLoss(w).FloatString(6))
			f, _ := want.Float64()
			assert.InDelta(t, f*map[promo.Loss]float64{promo.LossBelowCost: 0.01}[loss]+f*map[promo.Loss]float64{
				promo.LossDiscountShare: 1, promo.LossFloorDepth: 1}[loss], w.Score, 1e-9)
			// Same query, same answer: deterministic.
			again, err := e.WorstCart(q)
			require.NoError(t, err)
			assert.Equal(t, w, again)
		})
	}
}

// Beyond the budget the heuristic runs: not proven, within the budget,
// deterministic, and never worse than the truth.
func TestWorstCartHeuristic(t *testing.T) {
	var catalog []promo.CatalogItem
	for i, p := range []string{"120.00", "45.50", "9.90", "88.00", "30.00", "199.00"} {
		catalog = append(catalog, promo.CatalogItem{SKU: string(rune('a' + i)), ListPrice: cny(p), Cost: cny("25.00")})
	}
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
		{ID: "t", Action: tiers(amountTier("300.00", "50.00"), amountTier("600.00", "120.00"))},
		{ID: "n", Target: promo.Selector{SKUs: []string{"b", "e"}}, Action: promo.NthItem{N: 3, Free: true}},
	})
	require.NoError(t, err)
	q := promo.WorstCartQuery{Catalog: catalog, Loss: promo.LossBelowCost, MaxUnits: 8, At: testNow, Budget: 400}
	w, err := e.WorstCart(q)
	require.NoError(t, err)
	assert.False(t, w.Proven, "C(14,6) - 1 = 3002 carts do not fit 400")
	assert.LessOrEqual(t, w.Carts, int64(400))
	assert.True(t, w.Found)
	again, err := e.WorstCart(q)
	require.NoError(t, err)
	assert.Equal(t, w, again)
	q.Budget = 5000
	exact, err := e.WorstCart(q)
	require.NoError(t, err)
	assert.True(t, exact.Proven)
	assert.Equal(t, int64(3002), exact.Carts)
	assert.LessOrEqual(t, wcLoss(w).Cmp(wcLoss(exact)), 0, "the heuristic never beats the proven worst")
	// Free third units of b (45.50) at cost 25.00: the heuristic finds a
	// cart below cost.
	assert.True(t, w.BelowCost.IsPositive())
}

func TestWorstCartErrors(t *testing.T) {
	e, err := promo.NewEngine(pricing.CNY, nil)
	require.NoError(t, err)
	good := func() promo.WorstCartQuery {
		return promo.WorstCartQuery{Catalog: []promo.CatalogItem{{SKU: "a", ListPrice: cny("1.00")}}, Loss: promo.LossDiscountShare,
			MaxUnits: 2, At: testNow}
	}
	_, err = e.WorstCart(good())
	require.NoError(t, err)
	for _, tc := range []struct {
		name  string
		edit  func(q *promo.WorstCartQuery)
		field string
		err   error
	}{
		{"no loss", func(q *promo.WorstCartQuery) { q.Loss = 0 }, "loss", promo.ErrInvalidOption},
		{"unknown loss", func(q *promo.WorstCartQuery) { q.Loss = promo.LossFloorDepth + 1 }, "loss", promo.ErrInvalidOption},
		{"no units", func(q *promo.WorstCartQuery) { q.MaxUnits = 0 }, "max_units", promo.ErrTooLarge},
		{"too many units", func(q *promo.WorstCartQuery) { q.MaxUnits = promo.MaxWorstCartUnits + 1 }, "max_units", promo.ErrTooLarge},
		{"too many items", func(q *promo.WorstCartQuery) { q.Catalog = make([]promo.CatalogItem, promo.MaxWorstCartItems+1) }, "catalog", promo.ErrTooLarge},
		{"max qty longer than the catalog", func(q *promo.WorstCartQuery) { q.MaxQty = []int64{1, 2} }, "max_qty", promo.ErrInvalidOption},
		{"negative max qty", func(q *promo.WorstCartQuery) { q.MaxQty = []int64{-1} }, "max_qty[0]", promo.ErrInvalidOption},
		{"too many shoppers", func(q *promo.WorstCartQuery) { q.Shoppers = make([]promo.Shopper, promo.MaxShoppers+1) }, "shoppers", promo.ErrTooLarge},
		{"too many coupons", func(q *promo.WorstCartQuery) {
			q.Shoppers = []promo.Shopper{{Coupons: make([]string, promo.MaxCoupons+1)}}
		},
			"shoppers[0].coupons", promo.ErrTooLarge},
		{"no time", func(q *promo.WorstCartQuery) { q.At = time.Time{} }, "at", promo.ErrInvalidOption},
		{"negative budget", func(q *promo.WorstCartQuery) { q.Budget = -1 }, "budget", promo.ErrTooLarge},
		{"budget too large", func(q *promo.WorstCartQuery) { q.Budget = promo.MaxWorstCartBudget + 1 }, "budget", promo.ErrTooLarge},
		{"floor depth without a floor", func(q *promo.WorstCartQuery) { q.Loss = promo.LossFloorDepth }, "floor", promo.ErrInvalidOption},
		{"no SKU", func(q *promo.WorstCartQuery) { q.Catalog[0].SKU = "" }, "catalog[0].sku", promo.ErrInvalidOption},
		{"repeated SKU", func(q *promo.WorstCartQuery) { q.Catalog = append(q.Catalog, q.Catalog[0]) }, "catalog[1].sku", promo.ErrInvalidOption},
		{"no list price", func(q *promo.WorstCartQuery) { q.Catalog[0].ListPrice = pricing.Money{} }, "catalog[0].list_price", promo.ErrInvalidOption},
		{"cost in dollars", func(q *promo.WorstCartQuery) { q.Catalog[0].Cost = pricing.MustNew("1.00", pricing.USD) }, "catalog[0].cost", promo.ErrInvalidOption},
		{"too many tags", func(q *promo.WorstCartQuery) { q.Catalog[0].Tags = make([]string, promo.MaxLabels+1) }, "catalog[0]", promo.ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := good()
			tc.edit(&q)
			_, err := e.WorstCart(q)
			var fe *promo.FieldError
			require.True(t, errors.As(err, &fe), "%v", err)
			assert.Equal(t, "worst cart", fe.Op)
			assert.Equal(t, tc.field, fe.Field)
			assert.ErrorIs(t, err, tc.err)
		})
	}
	// At the limits.
	q := good()
	q.MaxUnits, q.Budget = promo.MaxWorstCartUnits, promo.MaxWorstCartBudget
	w, err := e.WorstCart(q)
	require.NoError(t, err)
	assert.True(t, w.Proven)
	assert.Equal(t, int64(promo.MaxWorstCartUnits), w.Carts, "one item: 1 to 1000 units")
}

// FuzzWorstCartMatchesBruteForce: on small catalogs and campaigns built
// from the fuzzer's numbers, the proven worst cart has exactly the loss a
// brute force over every cart finds.
func FuzzWorstCartMatchesBruteForce(f *testing.F) {
	f.Add(uint16(12000), uint16(4550), uint16(990), uint16(7000), uint16(15000), uint16(3000), uint8(2), uint8(0), uint8(4))
	f.Add(uint16(100), uint16(200), uint16(300), uint16(150), uint16(500), uint16(499), uint8(3), uint8(1), uint8(3))
	f.Add(uint16(65535), uint16(1), uint16(0), uint16(0), uint16(1), uint16(1), uint8(2), uint8(2), uint8(2))
	f.Fuzz(func(t *testing.T, p1, p2, p3, cost, min, off uint16, n, lossByte, units uint8) {
		m := func(v uint16) pricing.Money { x, _ := pricing.NewFromMinor(int64(v), pricing.CNY); return x }
		catalog := []promo.CatalogItem{
			{SKU: "a", ListPrice: m(p1), Cost: m(cost)},
			{SKU: "b", ListPrice: m(p2), Cost: m(cost / 2)},
			{SKU: "c", ListPrice: m(p3)},
		}
		promos := []promo.Promotion{{ID: "nth", Target: promo.Selector{SKUs: []string{"a", "b"}}, Action: promo.NthItem{N: int64(n%3) + 2, Rate: rate("5折")}}}
		if min > 0 && off > 0 && off <= min {
			promos = append(promos, promo.Promotion{ID: "t", Action: tiers(promo.Tier{MinAmount: m(min), Off: m(off)})})
		}
		e, err := promo.NewEngine(pricing.CNY, promos)
		require.NoError(t, err)
		loss := promo.Loss(lossByte%3) + 1
		floor, err := pricing.NewFloorPolicy(pricing.MinListRatio(rate("6折")))
		require.NoError(t, err)
		var floors []int64
		for _, it := range catalog {
			fl, _, err := floor.Floor(it.ListPrice, it.Cost, "")
			require.NoError(t, err)
			v, _ := fl.MinorUnits()
			floors = append(floors, v)
		}
		maxUnits := int64(units%4) + 1
		w, err := e.WorstCart(promo.WorstCartQuery{Catalog: catalog, Loss: loss, MaxUnits: maxUnits, At: testNow, Floor: floor})
		require.NoError(t, err)
		require.True(t, w.Proven)
		want, carts := bruteWorst(t, e, catalog, promo.Shopper{}, loss, floors, maxUnits)
		assert.Equal(t, carts, w.Carts)
		if want == nil {
			assert.False(t, w.Found)
			return
		}
		require.True(t, w.Found)
		assert.Zero(t, want.Cmp(wcLoss(w)), "brute force %s, search %s", want, wcLoss(w))
	})
}

// The space is counted exactly: a budget of exactly its size is
// exhaustive, one less is not. MaxQty caps an item; 0 leaves it uncapped;
// the limits of the query are inclusive.
func TestWorstCartSpace(t *testing.T) {
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{{ID: "n", Action: promo.NthItem{N: 2, Free: true}}})
	require.NoError(t, err)
	cat := []promo.CatalogItem{{SKU: "a", ListPrice: cny("10.00"), Cost: cny("6.00"), Categories: make([]string, promo.MaxLabels)},
		{SKU: "b", ListPrice: cny("10.00"), Cost: cny("6.00")}}
	q := promo.WorstCartQuery{Catalog: cat, Loss: promo.LossBelowCost, MaxUnits: 3, At: testNow, MaxQty: []int64{0, 1},
		Shoppers: []promo.Shopper{{Coupons: make([]string, promo.MaxCoupons)}}}
	// a at most 3, b at most 1, 1 to 3 units: (1,0) (2,0) (3,0) (0,1) (1,1) (2,1).
	q.Budget = 6
	w, err := e.WorstCart(q)
	require.NoError(t, err)
	assert.True(t, w.Proven)
	assert.Equal(t, int64(6), w.Carts)
	q.Budget = 5
	w, err = e.WorstCart(q)
	require.NoError(t, err)
	assert.False(t, w.Proven)
	assert.LessOrEqual(t, w.Carts, int64(5))
}

// Equal losses keep the first cart in enumeration order: items in catalog
// order with quantities from 0 up, so the first cart of one unit is the
// last item's.
func TestWorstCartTies(t *testing.T) {
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{{ID: "off", Action: promo.AmountOff{Amount: cny("5.00")}}})
	require.NoError(t, err)
	cat := []promo.CatalogItem{{SKU: "a", ListPrice: cny("10.00"), Cost: cny("6.00")}, {SKU: "b", ListPrice: cny("10.00"), Cost: cny("6.00")}}
	w, err := e.WorstCart(promo.WorstCartQuery{Catalog: cat, Loss: promo.LossDiscountShare, MaxUnits: 1, At: testNow})
	require.NoError(t, err)
	require.Len(t, w.Cart.Lines, 1)
	assert.Equal(t, "b", w.Cart.Lines[0].SKU)
	assert.Equal(t, 0.5, w.Score)
}

func TestLossText(t *testing.T) {
	for l, name := range map[promo.Loss]string{promo.LossDiscountShare: "discount_share", promo.LossBelowCost: "below_cost", promo.LossFloorDepth: "floor_depth"} {
		b, err := l.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, name, string(b))
		assert.Equal(t, name, l.String())
		var back promo.Loss
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, l, back)
	}
	for _, bad := range []promo.Loss{0, promo.LossFloorDepth + 1} {
		_, err := bad.MarshalText()
		assert.ErrorIs(t, err, promo.ErrUnknownName)
		assert.Equal(t, fmt.Sprintf("Loss(%d)", bad), bad.String())
	}
	l := promo.LossBelowCost
	assert.ErrorIs(t, l.UnmarshalText([]byte("worst")), promo.ErrUnknownName)
	assert.Equal(t, promo.LossBelowCost, l, "unchanged on an unknown name")
}

// The heuristic spends exactly its budget when the seeds alone exceed it,
// and its answer is never better than any single-item cart it seeds with:
// every item alone at 1 to 4 units, computed here by evaluating them.
func TestWorstCartHeuristicBounds(t *testing.T) {
	var catalog []promo.CatalogItem
	for i, p := range []string{"120.00", "45.50", "9.90", "88.00", "30.00", "199.00"} {
		catalog = append(catalog, promo.CatalogItem{SKU: string(rune('a' + i)), ListPrice: cny(p), Cost: cny("25.00")})
	}
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
		{ID: "t", Action: tiers(amountTier("300.00", "50.00"), amountTier("600.00", "120.00"))},
		{ID: "n", Target: promo.Selector{SKUs: []string{"b", "e"}}, Action: promo.NthItem{N: 3, Free: true}},
	})
	require.NoError(t, err)
	q := promo.WorstCartQuery{Catalog: catalog, Loss: promo.LossBelowCost, MaxUnits: 8, At: testNow, Budget: 10}
	w, err := e.WorstCart(q)
	require.NoError(t, err)
	assert.Equal(t, int64(10), w.Carts, "the seeds alone are more than 10 carts")
	assert.False(t, w.Proven)

	q.Budget = 2000
	w, err = e.WorstCart(q)
	require.NoError(t, err)
	require.False(t, w.Proven)
	got := wcLoss(w)
	for _, it := range catalog {
		for k := int64(1); k <= 4; k++ {
			res, err := e.Evaluate(promo.Cart{Currency: pricing.CNY, At: testNow, Lines: []promo.Line{{ID: it.SKU, SKU: it.SKU, Qty: k,
				UnitPrice: it.ListPrice, ListPrice: it.ListPrice, Cost: it.Cost}}})
			require.NoError(t, err)
			below := int64(0)
			for _, u := range res.Lines[0].UnitPaid {
				c, _ := it.Cost.MinorUnits()
				p, _ := u.MinorUnits()
				below += max(c-p, 0)
			}
			assert.GreaterOrEqual(t, got.Cmp(big.NewRat(below, 1)), 0, "%d × %s loses %d fen", k, it.SKU, below)
		}
	}
}
