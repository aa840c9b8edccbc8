package promo_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

// FuzzEvaluateExtreme drives Evaluate with extreme quantities (int64
// edges), prices, campaign numbers and many promotions of every kind,
// conflicting or not, under a small or the default work budget. Whatever
// it gets, the engine refuses with a *FieldError, or returns a result that
// keeps the money invariants, never a negative or wrapped amount, and did
// at most the budget's work.
func FuzzEvaluateExtreme(f *testing.F) {
	f.Add(int64(1), int64(math.MaxInt64), int64(2), int64(1<<61), int64(1_000_000), uint8(20), uint8(3), int64(0))
	f.Add(int64(7), int64(3), int64(199), int64(2), int64(1), uint8(40), uint8(9), int64(5_000))
	f.Add(int64(50_000), int64(50_000), int64(0), int64(math.MaxInt64), int64(math.MinInt64), uint8(255), uint8(0), int64(1))
	f.Add(int64(3), int64(1), int64(10_000_000_000_000), int64(1), int64(10_000_000_000_000), uint8(12), uint8(5), int64(200_000))
	f.Fuzz(func(t *testing.T, qty1, qty2, price, n, amount int64, nPromos, mix uint8, budget int64) {
		m, _ := pricing.NewFromMinor(amount, pricing.CNY)
		one, _ := pricing.NewFromMinor(max(min(amount, 10_000), 1), pricing.CNY)
		half := pricing.MustRate("5折")
		getSel := &promo.Selector{Categories: []string{"b"}}
		kinds := []func(k int) promo.Action{
			func(int) promo.Action { return promo.PercentOff{Rate: half, Scope: promo.PerOrder} },
			func(int) promo.Action { return promo.PercentOff{Rate: half, Cap: m} },
			func(int) promo.Action { return promo.AmountOff{Amount: m, Scope: promo.PerOrder} },
			func(int) promo.Action { return promo.NthItem{N: n, Rate: half} },
			func(int) promo.Action { return promo.BuyXGetY{BuyQty: n, GetQty: 1, Free: true} },
			func(int) promo.Action {
				return promo.BuyXGetY{BuyQty: n, Get: getSel, GetQty: n, Free: true, MaxTimes: n}
			},
			func(int) promo.Action { return promo.BundlePrice{Qty: n, Price: m} },
			func(int) promo.Action {
				return promo.Threshold{Every: &promo.Step{Amount: one, Off: m, MaxTimes: n}}
			},
			func(int) promo.Action {
				return promo.Threshold{Basis: promo.ByQuantity, Every: &promo.Step{Qty: n, Off: m}}
			},
			func(k int) promo.Action {
				return promo.Threshold{Tiers: []promo.Tier{{MinAmount: one, Off: m}}}
			},
			func(int) promo.Action { return promo.Combo{Parts: []promo.ComboPart{{Qty: n}}, Price: m} },
			func(int) promo.Action { return promo.FixedPrice{Price: m} },
			func(int) promo.Action { return promo.FreeShipping{MinQty: n} },
			func(int) promo.Action {
				return promo.Gift{MinAmount: m, Options: []promo.GiftOption{{SKU: "g", Qty: 1, Value: m}}}
			},
		}
		c := cart()
		for i, q := range []int64{qty1, qty2} {
			p, _ := pricing.NewFromMinor(price+int64(i), pricing.CNY)
			c.Lines = append(c.Lines, promo.Line{ID: fmt.Sprint("l", i), SKU: fmt.Sprint("s", i),
				Categories: []string{[]string{"a", "b"}[i]}, Qty: q, UnitPrice: p})
		}
		c.Shipping = one
		var ps []promo.Promotion
		for k := range int(nPromos) {
			p := promo.Promotion{ID: fmt.Sprintf("p%03d", k), Action: kinds[(k+int(mix))%len(kinds)](k)}
			switch (k * int(mix+1)) % 5 {
			case 1:
				p.Coupon = fmt.Sprintf("C%d", k%7) // repeated codes: identical coupons
				c.Coupons = append(c.Coupons, p.Coupon)
			case 2:
				p.Group = fmt.Sprintf("g%d", k%3)
			case 3:
				p.Exclusive = k%2 == 0
				p.Target = promo.Selector{Categories: []string{"a"}}
			}
			ps = append(ps, p)
		}
		var opts []promo.Option
		limit := int64(promo.DefaultWorkBudget)
		if budget != 0 {
			opts = append(opts, promo.WithWorkBudget(budget))
			limit = budget
		}
		e, err := promo.NewEngine(pricing.CNY, ps, opts...)
		if err != nil {
			var fe *promo.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("NewEngine: not a *FieldError: %v", err)
			}
			return
		}
		res, err := e.Evaluate(c)
		if err != nil {
			var fe *promo.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("Evaluate: not a *FieldError: %v", err)
			}
			return
		}
		checkMoney(t, res)
		if res.Work > limit {
			t.Fatalf("work %d beyond the budget %d", res.Work, limit)
		}
		if res.Total.IsNegative() {
			t.Fatalf("negative total %s", res.Total)
		}
	})
}
