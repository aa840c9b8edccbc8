package promo_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

// genCase builds a small random cart and promotion list from a seed: up to
// four lines, up to six promotions of every kind, some in exclusion groups,
// some exclusive, some coupons (all entered), some stackable.
func genCase(seed uint64, nPromos int) (promo.Cart, []promo.Promotion) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	money := func(max int) pricing.Money { m, _ := pricing.NewFromMinor(int64(r.IntN(max)+1), pricing.CNY); return m }
	cats := []string{"drinks", "snacks"}
	c := promo.Cart{Currency: pricing.CNY, At: testNow, Rounding: pricing.RoundingMode(r.IntN(6))}
	for i := range r.IntN(4) + 1 {
		id := fmt.Sprintf("l%d", i)
		c.Lines = append(c.Lines, promo.Line{ID: id, SKU: id, Categories: []string{cats[r.IntN(2)]},
			Qty: int64(r.IntN(3) + 1), UnitPrice: money(5000), ListPrice: pricing.Money{}})
	}
	if r.IntN(2) == 0 {
		c.Shipping = money(1000)
	}
	rates := []string{"9折", "8.5折", "7折", "5折", "9.5折"}
	var ps []promo.Promotion
	for i := range nPromos {
		p := promo.Promotion{ID: fmt.Sprintf("p%d", i), Priority: r.IntN(3)}
		if r.IntN(3) == 0 {
			p.Target = promo.Selector{Categories: []string{cats[r.IntN(2)]}}
		}
		switch r.IntN(8) {
		case 0:
			p.Action = promo.PercentOff{Rate: pricing.MustRate(rates[r.IntN(len(rates))]), Scope: promo.Scope(r.IntN(2))}
		case 1:
			p.Action = promo.AmountOff{Amount: money(800), Scope: promo.Scope(r.IntN(2))}
		case 2:
			p.Action = promo.Threshold{Tiers: []promo.Tier{{MinAmount: money(3000), Off: money(500)}}}
		case 3:
			p.Action = promo.Threshold{Every: &promo.Step{Amount: cny("20.00"), Off: cny("3.00"), MaxTimes: int64(r.IntN(3))}}
		case 4:
			p.Action = promo.NthItem{N: 2, Rate: pricing.MustRate("5折")}
		case 5:
			p.Action = promo.BuyXGetY{BuyQty: 1, GetQty: 1, Free: true}
		case 6:
			p.Action = promo.FreeShipping{MinAmount: money(5000)}
		default:
			p.Action = promo.FixedPrice{Price: money(3000)}
		}
		switch r.IntN(5) {
		case 0:
			p.Group = "g"
		case 1:
			p.Exclusive = true
		case 2:
			p.Coupon = fmt.Sprintf("C%d", i)
			c.Coupons = append(c.Coupons, p.Coupon)
		case 3:
			p.Stackable = true
		}
		ps = append(ps, p)
	}
	return c, ps
}

// saving is what a result saves the customer, as the engine counts it.
func saving(res promo.Result) int64 {
	s, _ := res.Subtotal.Add(res.ShippingBefore)
	s, _ = s.Sub(res.Total)
	v, _ := s.MinorUnits()
	for _, g := range res.Gifts {
		if g.Value.IsValid() {
			gv, _ := g.Value.MinorUnits()
			v += gv
		}
	}
	return v
}

// checkMoney checks the money invariants of a result.
func checkMoney(t *testing.T, res promo.Result) {
	t.Helper()
	total, _ := res.Subtotal.Sub(res.ItemDiscount)
	total, _ = total.Sub(res.OrderDiscount)
	total, _ = total.Add(res.ShippingAfter)
	if !total.Equal(res.Total) {
		t.Fatalf("Total %s != Subtotal - discounts + shipping %s", res.Total, total)
	}
	if res.Total.IsNegative() || res.ShippingAfter.IsNegative() {
		t.Fatalf("negative total %s or shipping %s", res.Total, res.ShippingAfter)
	}
	var lines pricing.Money
	for _, l := range res.Lines {
		paid, _ := pricing.Sum(l.UnitPaid...)
		if !paid.Equal(l.After) && !(paid.Sign() == 0 && l.After.Sign() == 0) {
			t.Fatalf("line %s: units pay %s, line pays %s", l.ID, paid, l.After)
		}
		for _, u := range l.UnitPaid {
			if u.IsNegative() {
				t.Fatalf("line %s: a unit pays %s", l.ID, u)
			}
		}
		for _, a := range l.Adjustments {
			sum, _ := pricing.Sum(a.PerUnit...)
			if !sum.Equal(a.Amount) {
				t.Fatalf("line %s, %s: units %s != amount %s", l.ID, a.PromotionID, sum, a.Amount)
			}
		}
		lines, _ = lines.Add(l.After)
	}
	want, _ := res.Total.Sub(res.ShippingAfter)
	if !lines.Equal(want) && !(lines.Sign() == 0 && want.Sign() == 0) {
		t.Fatalf("lines pay %s, total less shipping is %s", lines, want)
	}
}

// FuzzEvaluate: no panic, the money invariants, floors held, the same result
// for any order of the promotion list, and a choice at least as good as the
// engine's choice on every subset of the promotions (brute force).
func FuzzEvaluate(f *testing.F) {
	for _, s := range []uint64{1, 2, 3, 42, 1000, 77777} {
		f.Add(s, uint8(4))
	}
	floor, _ := pricing.NewFloorPolicy(pricing.MinListRatio(pricing.MustRate("6折")))
	f.Fuzz(func(t *testing.T, seed uint64, n uint8) {
		c, ps := genCase(seed, int(n%6)+1)
		e, err := promo.NewEngine(pricing.CNY, ps, promo.WithFloor(floor))
		if err != nil {
			t.Fatalf("NewEngine: %v", err)
		}
		res, err := e.Evaluate(c)
		if err != nil {
			t.Fatalf("Evaluate: %v", err)
		}
		checkMoney(t, res)
		for li, l := range res.Lines {
			list, _ := c.Lines[li].UnitPrice.MinorUnits()
			for _, u := range l.UnitPaid {
				v, _ := u.MinorUnits()
				if v*10 < list*6 && v*10+10 <= list*6 { // below 6折 by more than rounding up to the 分
					t.Fatalf("line %s: a unit pays %s, below the 6折 floor of %d", l.ID, u, list)
				}
			}
		}
		// Permuting the promotions changes nothing.
		rev := make([]promo.Promotion, len(ps))
		for i := range ps {
			rev[len(ps)-1-i] = ps[i]
		}
		e2, _ := promo.NewEngine(pricing.CNY, rev, promo.WithFloor(floor))
		res2, _ := e2.Evaluate(c)
		if !res2.Total.Equal(res.Total) || fmt.Sprint(res2.Explanations) != fmt.Sprint(res.Explanations) {
			t.Fatalf("order of promotions changed the result: %s vs %s", res.Total, res2.Total)
		}
		if !res.Optimal {
			return
		}
		best := saving(res)
		optional := optionalPromotions(c, ps)
	subsets:
		for mask := 0; mask < 1<<len(ps); mask++ {
			var sub []promo.Promotion
			for i := range ps {
				switch {
				case mask&(1<<i) != 0:
					sub = append(sub, ps[i])
				case !optional[i]:
					continue subsets // an automatic promotion without conflicts always applies
				}
			}
			es, _ := promo.NewEngine(pricing.CNY, sub, promo.WithFloor(floor))
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

// optionalPromotions is the reference for which promotions the engine may
// leave out (see the package doc, Choice): coupons, members of exclusion
// groups, exclusive promotions and those sharing a line with one, and item
// group promotions sharing a line with another item promotion. Every other
// promotion that targets a line always applies.
func optionalPromotions(c promo.Cart, ps []promo.Promotion) []bool {
	lines := func(p promo.Promotion) []bool {
		out := make([]bool, len(c.Lines))
		for i, l := range c.Lines {
			out[i] = p.Target.Matches(l)
		}
		return out
	}
	overlap := func(a, b promo.Promotion) bool {
		la, lb := lines(a), lines(b)
		for i := range la {
			if la[i] && lb[i] {
				return true
			}
		}
		return false
	}
	itemGroup := func(p promo.Promotion) bool {
		switch p.Action.(type) {
		case promo.NthItem, promo.BuyXGetY, promo.BundlePrice, promo.Combo:
			return true
		}
		return false
	}
	item := func(p promo.Promotion) bool {
		switch a := p.Action.(type) {
		case promo.PercentOff:
			return a.Scope == promo.PerUnit
		case promo.AmountOff:
			return a.Scope == promo.PerUnit
		case promo.FixedPrice, promo.MemberPrice:
			return true
		}
		return itemGroup(p)
	}
	out := make([]bool, len(ps))
	for i, p := range ps {
		out[i] = p.Coupon != "" || p.Group != "" || p.Exclusive
		for j, q := range ps {
			if i != j && overlap(p, q) && (q.Exclusive || (itemGroup(p) && item(q))) {
				out[i] = true
			}
		}
	}
	return out
}

// FuzzEvaluateNoPanic drives the engine with arbitrary parameters, valid or
// not: it must return an error or a result, never panic; and a result of
// one promotion saves exactly what that promotion's explanation says it
// gave (Saved = its Amount), between nothing and the whole cart.
func FuzzEvaluateNoPanic(f *testing.F) {
	f.Add(int64(100), int64(2), int64(1), int64(0), int64(3), "9折", uint8(0))
	f.Add(int64(-5), int64(0), int64(-1), int64(9999999999999999), int64(0), "0折", uint8(7))
	f.Fuzz(func(t *testing.T, price, qty, n, amount, step int64, rate string, kind uint8) {
		r, _ := pricing.ParseZhe(rate)
		m, _ := pricing.NewFromMinor(amount, pricing.CNY)
		s, _ := pricing.NewFromMinor(step, pricing.CNY)
		actions := []promo.Action{
			promo.PercentOff{Rate: r, Cap: m}, promo.AmountOff{Amount: m, Scope: promo.PerOrder},
			promo.FixedPrice{Price: m}, promo.NthItem{N: n, Rate: r},
			promo.BuyXGetY{BuyQty: n, GetQty: step, Rate: r}, promo.BundlePrice{Qty: n, Price: m},
			promo.Threshold{Every: &promo.Step{Amount: s, Off: m, MaxTimes: n}},
			promo.Threshold{Basis: promo.ByQuantity, Tiers: []promo.Tier{{MinQty: n, Rate: r}, {MinQty: step, Off: m}}},
			promo.Gift{MinAmount: m, Options: []promo.GiftOption{{SKU: "g", Qty: n}}},
			promo.FreeShipping{MinQty: n, Off: m},
			promo.Combo{Parts: []promo.ComboPart{{Qty: n}}, Price: m},
			promo.MemberPrice{Tiers: []promo.MemberTier{{Tier: "gold", Rate: r}}},
		}
		p := promo.Promotion{ID: "p", Action: actions[int(kind)%len(actions)]}
		e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{p})
		if err != nil {
			return
		}
		pm, _ := pricing.NewFromMinor(price, pricing.CNY)
		c := cart(promo.Line{ID: "a", SKU: "a", Qty: qty, UnitPrice: pm})
		c.Customer.Tier = "gold"
		c.Shipping = m
		res, err := e.Evaluate(c)
		if err != nil {
			return
		}
		checkMoney(t, res)
		ex, ok := res.Explanation("p")
		if !ok {
			t.Fatal("no explanation for p")
		}
		saved, gave := minorOf(t, "Saved", res.Saved), minorOf(t, "Amount", ex.Amount)
		if saved != gave {
			t.Fatalf("saved %s, but p gave %s", res.Saved, ex.Amount)
		}
		if ceiling := minorOf(t, "Subtotal", res.Subtotal) + minorOf(t, "ShippingBefore", res.ShippingBefore); saved < 0 || saved > ceiling {
			t.Fatalf("saved %s of %s + %s", res.Saved, res.Subtotal, res.ShippingBefore)
		}
		if (ex.Status == promo.Applied) != (gave > 0 || ex.Gift != nil) {
			t.Fatalf("status %s with %s off and gift %v", ex.Status, ex.Amount, ex.Gift)
		}
	})
}
