package promo_test

import (
	"fmt"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

// The hostile shapes of issue 12, each as a cart and a campaign, at the
// sizes the issue measured. The benchmarks time them; TestAdversarialWork
// (work_test.go) asserts deterministically that each stays within the
// default work budget.

type shape struct {
	name   string
	cart   promo.Cart
	promos []promo.Promotion
}

// unitsCart is units spread over the given number of lines (the last
// takes the remainder), prices 1.99 to 99.99, categories "a" and "b"
// alternating.
func unitsCart(units, lines int) promo.Cart {
	c := cart()
	per := units / lines
	for i := range lines {
		q := per
		if i == lines-1 {
			q = units - per*(lines-1)
		}
		price, _ := pricing.NewFromMinor(int64(199+(i*733)%9800), pricing.CNY)
		c.Lines = append(c.Lines, promo.Line{ID: fmt.Sprintf("l%06d", i), SKU: fmt.Sprintf("s%06d", i),
			Categories: []string{[]string{"a", "b"}[i%2]}, Qty: int64(q), UnitPrice: price})
	}
	return c
}

// shapeCoupons: 20 whole-order 9.5折 coupons, all entered.
func shapeCoupons(units int) shape {
	c := unitsCart(units, 100)
	var ps []promo.Promotion
	for k := range 20 {
		code := fmt.Sprintf("C95-%02d", k)
		c.Coupons = append(c.Coupons, code)
		ps = append(ps, promo.Promotion{ID: "coupon-" + code, Coupon: code,
			Action: promo.PercentOff{Rate: pricing.MustRate("9.5折"), Scope: promo.PerOrder}})
	}
	return shape{fmt.Sprintf("Coupons20x95/units=%d", units), c, ps}
}

// shapeGroupCouponsAlwaysOn: 40 promotions in one exclusion group, 20
// different coupons and 1,000 always-on order promotions, one line.
func shapeGroupCouponsAlwaysOn() shape {
	c := cart(line("x", 1, "10000.00"))
	var ps []promo.Promotion
	for k := range 40 {
		ps = append(ps, promo.Promotion{ID: fmt.Sprintf("group-%02d", k), Group: "store",
			Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny(fmt.Sprint(100 + 10*k)), Off: cny(fmt.Sprint(5 + k))}}}})
	}
	for k := range 20 {
		code := fmt.Sprintf("C%02d", k)
		c.Coupons = append(c.Coupons, code)
		ps = append(ps, promo.Promotion{ID: "coupon-" + code, Coupon: code,
			Action: promo.PercentOff{Rate: pricing.MustRate(fmt.Sprintf("9.%d折", k%10)), Scope: promo.PerOrder}})
	}
	for k := range 1000 {
		ps = append(ps, promo.Promotion{ID: fmt.Sprintf("always-%04d", k),
			Action: promo.AmountOff{Amount: cny("0.01"), Scope: promo.PerOrder}})
	}
	return shape{"GroupCouponsAlwaysOn", c, ps}
}

// shapeBuyGetOverlap: buy 1 get 1 free within one category, the Get
// selector naming the same category as the target.
func shapeBuyGetOverlap(units int) shape {
	c := unitsCart(units, units/4)
	for i := range c.Lines {
		c.Lines[i].Categories = []string{"socks"}
	}
	socks := promo.Selector{Categories: []string{"socks"}}
	return shape{fmt.Sprintf("BuyGetOverlap/units=%d", units), c, []promo.Promotion{{ID: "b1g1", Target: socks,
		Action: promo.BuyXGetY{BuyQty: 1, GetQty: 1, Get: &socks, Free: true}}}}
}

// shapeComboOnePart: a combo of one part, one unit for 0.99.
func shapeComboOnePart(units int) shape {
	return shape{fmt.Sprintf("ComboOnePart/units=%d", units), unitsCart(units, 100), []promo.Promotion{{ID: "combo",
		Action: promo.Combo{Parts: []promo.ComboPart{{Qty: 1}}, Price: cny("0.99")}}}}
}

// shapeDisjointHalves: 100,000 one-unit lines, 第二件半价 on each half.
func shapeDisjointHalves() shape {
	c := unitsCart(100_000, 100_000)
	var ps []promo.Promotion
	for _, cat := range []string{"a", "b"} {
		ps = append(ps, promo.Promotion{ID: "half-" + cat, Target: promo.Selector{Categories: []string{cat}},
			Action: promo.NthItem{N: 2, Rate: pricing.MustRate("5折")}})
	}
	return shape{"DisjointHalves/lines=100000", c, ps}
}

// shapeSecondHalf20: 20 第二件半价 on disjoint sets of 5,000 one-unit lines.
func shapeSecondHalf20() shape {
	c := unitsCart(100_000, 100_000)
	for i := range c.Lines {
		c.Lines[i].Categories = []string{fmt.Sprintf("c%02d", i%20)}
	}
	var ps []promo.Promotion
	for k := range 20 {
		ps = append(ps, promo.Promotion{ID: fmt.Sprintf("half-%02d", k), Target: promo.Selector{Categories: []string{fmt.Sprintf("c%02d", k)}},
			Action: promo.NthItem{N: 2, Rate: pricing.MustRate("5折")}})
	}
	return shape{"SecondHalf20Disjoint/lines=100000", c, ps}
}

// shapeTypical: the typical 12 promotions on n lines.
func shapeTypical(n int) shape {
	return shape{fmt.Sprintf("Typical/lines=%d", n), benchCart(n), typicalPromotions()}
}

// shapeManyPromotions: 1,000 promotions on 100 lines that conflict with
// nothing (per-unit and order discounts, thresholds, 第N件 on lines no
// other item promotion targets): the non-choice path.
func shapeManyPromotions() shape {
	c := benchCart(100)
	c.Coupons = nil
	var ps []promo.Promotion
	for k := range 1000 {
		sku := fmt.Sprintf("sku%03d", k%100)
		p := promo.Promotion{ID: fmt.Sprintf("p%04d", k), Target: promo.Selector{SKUs: []string{sku}}}
		switch k % 4 {
		case 0:
			p.Action = promo.AmountOff{Amount: cny("0.01"), Scope: promo.PerOrder}
		case 1:
			p.Action = promo.PercentOff{Rate: pricing.MustRate("99折"), Scope: promo.PerOrder}
		case 2:
			p.Action = promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("10.00"), Off: cny("0.50")}}}
		case 3:
			if k%100 < 50 { // one 第N件 per line, on half the lines; per-unit 95折 on the other half
				p.Action = promo.NthItem{N: 2, Rate: pricing.MustRate("9折")}
			} else {
				p.Action = promo.PercentOff{Rate: pricing.MustRate("95折")}
			}
			if k >= 100 {
				p.Action = promo.AmountOff{Amount: cny("0.02"), Scope: promo.PerOrder}
			}
		}
		ps = append(ps, p)
	}
	return shape{"ManyPromotions/promotions=1000/lines=100", c, ps}
}

// shapeManyConflicting: 1,000 promotions on 100 lines, half of them
// choices (第N件 against per-unit discounts on the same lines, groups,
// coupons): the search runs until the budget stops it.
func shapeManyConflicting() shape {
	c := benchCart(100)
	c.Coupons = nil
	var ps []promo.Promotion
	for k := range 1000 {
		p := promo.Promotion{ID: fmt.Sprintf("p%04d", k), Target: promo.Selector{SKUs: []string{fmt.Sprintf("sku%03d", k%100)}}}
		switch k % 4 {
		case 0:
			p.Action = promo.PercentOff{Rate: pricing.MustRate("95折")}
		case 1:
			p.Action = promo.AmountOff{Amount: cny("0.10"), Scope: promo.PerOrder}
		case 2:
			p.Action = promo.NthItem{N: 2, Rate: pricing.MustRate("9折")}
		case 3:
			p.Group = fmt.Sprintf("g%d", k%7)
			p.Action = promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("10.00"), Off: cny("0.50")}}}
		}
		if k%50 == 0 {
			p.Coupon = fmt.Sprintf("K%04d", k)
			c.Coupons = append(c.Coupons, p.Coupon)
		}
		ps = append(ps, p)
	}
	return shape{"ManyConflicting/promotions=1000/lines=100", c, ps}
}

// shapeDistinctCoupons: 20 stacking whole-order coupons of different
// rates on the typical 20-line cart.
func shapeDistinctCoupons() shape {
	c := benchCart(20)
	c.Coupons = nil
	var ps []promo.Promotion
	for k := range 20 {
		code := fmt.Sprintf("D%02d", k)
		c.Coupons = append(c.Coupons, code)
		ps = append(ps, promo.Promotion{ID: "coupon-" + code, Coupon: code,
			Action: promo.PercentOff{Rate: pricing.MustRate(fmt.Sprintf("9.%d折", k%10)), Scope: promo.PerOrder}})
	}
	return shape{"DistinctCoupons20", c, ps}
}

// shapeLongSelector: a promotion listing 10,000 SKUs, on 100,000 lines;
// matching by scanning the list was 10^9 string comparisons.
func shapeLongSelector() shape {
	c := unitsCart(100_000, 100_000)
	var skus []string
	for k := range 10_000 {
		skus = append(skus, fmt.Sprintf("s%06d", 10*k))
	}
	return shape{"LongSelector/skus=10000/lines=100000", c, []promo.Promotion{{ID: "listed",
		Target: promo.Selector{SKUs: skus}, Action: promo.PercentOff{Rate: pricing.MustRate("9折")}}}}
}

// adversarialShapes lists every shape at every size of the issue.
func adversarialShapes() []func() shape {
	return []func() shape{
		func() shape { return shapeCoupons(1_000) },
		func() shape { return shapeCoupons(10_000) },
		func() shape { return shapeCoupons(100_000) },
		shapeGroupCouponsAlwaysOn,
		func() shape { return shapeBuyGetOverlap(1_000) },
		func() shape { return shapeBuyGetOverlap(2_000) },
		func() shape { return shapeBuyGetOverlap(4_000) },
		func() shape { return shapeComboOnePart(16_000) },
		func() shape { return shapeComboOnePart(32_000) },
		func() shape { return shapeComboOnePart(64_000) },
		shapeDisjointHalves,
		shapeSecondHalf20,
		shapeManyPromotions,
		shapeManyConflicting,
		shapeLongSelector,
		shapeDistinctCoupons,
		func() shape { return shapeTypical(1_000) },
		func() shape { return shapeTypical(10_000) },
	}
}

func benchShape(b *testing.B, s shape) {
	e, err := promo.NewEngine(pricing.CNY, s.promos)
	if err != nil {
		b.Fatal(err)
	}
	res, err := e.Evaluate(s.cart)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		benchResult, benchErr = e.Evaluate(s.cart)
	}
	b.ReportMetric(float64(res.Work), "work/op")
}

func BenchmarkAdversarialCoupons(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		s := shapeCoupons(n)
		b.Run(fmt.Sprintf("units=%d", n), func(b *testing.B) { benchShape(b, s) })
	}
}

func BenchmarkAdversarialGroupCouponsAlwaysOn(b *testing.B) {
	benchShape(b, shapeGroupCouponsAlwaysOn())
}

func BenchmarkAdversarialBuyGetOverlap(b *testing.B) {
	for _, n := range []int{1_000, 2_000, 4_000} {
		s := shapeBuyGetOverlap(n)
		b.Run(fmt.Sprintf("units=%d", n), func(b *testing.B) { benchShape(b, s) })
	}
}

func BenchmarkAdversarialComboOnePart(b *testing.B) {
	for _, n := range []int{16_000, 32_000, 64_000} {
		s := shapeComboOnePart(n)
		b.Run(fmt.Sprintf("units=%d", n), func(b *testing.B) { benchShape(b, s) })
	}
}

func BenchmarkAdversarialDisjointHalves(b *testing.B) { benchShape(b, shapeDisjointHalves()) }

func BenchmarkAdversarialSecondHalf20(b *testing.B) { benchShape(b, shapeSecondHalf20()) }

func BenchmarkAdversarialManyPromotions(b *testing.B) { benchShape(b, shapeManyPromotions()) }

func BenchmarkAdversarialManyConflicting(b *testing.B) { benchShape(b, shapeManyConflicting()) }

func BenchmarkAdversarialLongSelector(b *testing.B) { benchShape(b, shapeLongSelector()) }

func BenchmarkAdversarialDistinctCoupons(b *testing.B) { benchShape(b, shapeDistinctCoupons()) }

func BenchmarkAdversarialTypicalScaling(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		s := shapeTypical(n)
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) { benchShape(b, s) })
	}
}
