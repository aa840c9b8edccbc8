package promo_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

// genWholeOrder is a cart without floors and whole-order promotions only
// (percent and amount off the order, some coupons, some capped, some with
// a budget partly spent, some in groups, a whole-order free shipping), the
// case where the search uses its sharper bound, plus sometimes a per-unit
// item promotion that is always on.
func genWholeOrder(seed uint64, n int) (promo.Cart, []promo.Promotion) {
	r := rand.New(rand.NewPCG(seed, seed^0x5851f42d4c957f2d))
	c := promo.Cart{Currency: pricing.CNY, At: testNow, Rounding: pricing.RoundingMode(r.IntN(6)), Usage: map[string]promo.Usage{}}
	for i := range r.IntN(5) + 1 {
		p, _ := pricing.NewFromMinor(int64(r.IntN(30000)+1), pricing.CNY)
		c.Lines = append(c.Lines, promo.Line{ID: fmt.Sprintf("l%d", i), Qty: int64(r.IntN(3) + 1), UnitPrice: p})
	}
	c.Shipping, _ = pricing.NewFromMinor(int64(r.IntN(2000)), pricing.CNY)
	var ps []promo.Promotion
	if r.IntN(3) == 0 {
		ps = append(ps, promo.Promotion{ID: "item", Action: promo.PercentOff{Rate: pricing.MustRate("9.5折")}})
	}
	for k := range n {
		p := promo.Promotion{ID: fmt.Sprintf("p%d", k), Priority: r.IntN(3)}
		switch r.IntN(5) {
		case 0:
			m, _ := pricing.NewFromMinor(int64(r.IntN(5000)+1), pricing.CNY)
			p.Action = promo.AmountOff{Amount: m, Scope: promo.PerOrder}
		case 1:
			m, _ := pricing.NewFromMinor(int64(r.IntN(20000)), pricing.CNY)
			p.Action = promo.FreeShipping{MinAmount: m}
		default:
			a := promo.PercentOff{Rate: pricing.MustRate(fmt.Sprintf("%d.%d折", 1+r.IntN(9), r.IntN(10))), Scope: promo.PerOrder}
			if r.IntN(3) == 0 {
				a.Cap, _ = pricing.NewFromMinor(int64(r.IntN(3000)+1), pricing.CNY)
			}
			p.Action = a
		}
		if r.IntN(4) == 0 {
			p.Limits.Budget, _ = pricing.NewFromMinor(int64(r.IntN(5000)+1), pricing.CNY)
			spent, _ := pricing.NewFromMinor(int64(r.IntN(2000)), pricing.CNY)
			c.Usage[p.ID] = promo.Usage{BudgetSpent: spent}
		}
		switch r.IntN(3) {
		case 0:
			p.Coupon = fmt.Sprintf("C%d", k)
			c.Coupons = append(c.Coupons, p.Coupon)
		case 1:
			p.Group = fmt.Sprintf("g%d", r.IntN(2))
		}
		ps = append(ps, p)
	}
	return c, ps
}

// FuzzSharpBound: on whole-order carts the search, with its sharper
// bound, finds a combination at least as good as every subset of the
// promotions (brute force), like FuzzEvaluate does with floors.
func FuzzSharpBound(f *testing.F) {
	for _, s := range []uint64{1, 2, 3, 42, 1000, 77777} {
		f.Add(s, uint8(6))
	}
	f.Fuzz(func(t *testing.T, seed uint64, n uint8) {
		c, ps := genWholeOrder(seed, int(n%9)+1)
		e, err := promo.NewEngine(pricing.CNY, ps)
		if err != nil {
			t.Skip(err) // an invalid random promotion
		}
		res, err := e.Evaluate(c)
		if err != nil {
			t.Fatalf("Evaluate: %v", err)
		}
		checkMoney(t, res)
		if !res.Optimal {
			t.Fatalf("not proven optimal on %d promotions", len(ps))
		}
		best := saving(res)
		optional := optionalPromotions(c, ps)
	subsets:
		for mask := 0; mask < 1<<len(ps); mask++ {
			var sub []promo.Promotion
			groups := map[string]bool{}
			for i := range ps {
				switch {
				case mask&(1<<i) != 0:
					if g := ps[i].Group; g != "" {
						if groups[g] {
							continue subsets // at most one member of a group
						}
						groups[g] = true
					}
					sub = append(sub, ps[i])
				case !optional[i]:
					continue subsets
				}
			}
			es, _ := promo.NewEngine(pricing.CNY, sub)
			rs, err := es.Evaluate(c)
			if err != nil {
				t.Fatal(err)
			}
			if s := saving(rs); s > best {
				t.Fatalf("subset %b saves %d, the engine's choice %d", mask, s, best)
			}
		}
	})
}
