package promo_test

import (
	"fmt"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

var (
	benchResult promo.Result
	benchErr    error
)

// benchCart is n lines over four categories, one to three units each.
func benchCart(n int) promo.Cart {
	c := cart()
	cats := []string{"drinks", "snacks", "dairy", "household"}
	for i := range n {
		price, _ := pricing.NewFromMinor(int64(199+(i*733)%9800), pricing.CNY)
		c.Lines = append(c.Lines, promo.Line{ID: fmt.Sprintf("l%03d", i), SKU: fmt.Sprintf("sku%03d", i),
			Categories: []string{cats[i%4]}, Qty: int64(1 + i%3), UnitPrice: price})
	}
	c.Shipping = cny("12.00")
	c.Coupons = []string{"STORE20", "PLATFORM10"}
	return c
}

// typicalPromotions: 3 item, 5 order (tiers and per-every among them), 2
// coupons, 1 shipping, 1 gift, in 2 exclusion groups.
func typicalPromotions() []promo.Promotion {
	return []promo.Promotion{
		{ID: "drinks-9zhe", Target: promo.Selector{Categories: []string{"drinks"}}, Action: promo.PercentOff{Rate: pricing.MustRate("9折")}},
		{ID: "snacks-2nd-half", Target: promo.Selector{Categories: []string{"snacks"}}, Action: promo.NthItem{N: 2, Rate: pricing.MustRate("5折")}},
		{ID: "dairy-member", Target: promo.Selector{Categories: []string{"dairy"}}, Action: promo.AmountOff{Amount: cny("1.00")}},
		{ID: "tiers", Group: "store", Action: promo.Threshold{Tiers: []promo.Tier{
			{MinAmount: cny("100"), Off: cny("10")}, {MinAmount: cny("200"), Off: cny("30")}, {MinAmount: cny("300"), Off: cny("50")}}}},
		{ID: "every300", Group: "store", Action: promo.Threshold{Every: &promo.Step{Amount: cny("300"), Off: cny("30")}}},
		{ID: "two-items-8zhe", Group: "category", Target: promo.Selector{Categories: []string{"household"}},
			Action: promo.Threshold{Basis: promo.ByQuantity, Tiers: []promo.Tier{{MinQty: 2, Rate: pricing.MustRate("8折")}}}},
		{ID: "household-5off", Group: "category", Target: promo.Selector{Categories: []string{"household"}},
			Action: promo.AmountOff{Amount: cny("5.00"), Scope: promo.PerOrder}},
		{ID: "fav-store", Action: promo.AmountOff{Amount: cny("5.00"), Scope: promo.PerOrder}},
		{ID: "store-coupon", Coupon: "STORE20", Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("199"), Off: cny("20")}}}},
		{ID: "platform-coupon", Coupon: "PLATFORM10", Priority: -1, Action: promo.AmountOff{Amount: cny("10.00"), Scope: promo.PerOrder}},
		{ID: "free-ship", Action: promo.FreeShipping{MinAmount: cny("99")}},
		{ID: "gift", Action: promo.Gift{MinAmount: cny("500"), Options: []promo.GiftOption{{SKU: "tote", Qty: 1, Value: cny("15.00")}}}},
	}
}

func benchEvaluate(b *testing.B, c promo.Cart, ps []promo.Promotion) {
	e, err := promo.NewEngine(pricing.CNY, ps)
	if err != nil {
		b.Fatal(err)
	}
	res, err := e.Evaluate(c)
	if err != nil || !res.Optimal {
		b.Fatalf("err %v optimal %v", err, res.Optimal)
	}
	b.ReportAllocs()
	for b.Loop() {
		benchResult, benchErr = e.Evaluate(c)
	}
}

// BenchmarkTypicalCart: 20 lines, 12 promotions. Target: < 50 µs, < 300 allocs.
func BenchmarkTypicalCart(b *testing.B) { benchEvaluate(b, benchCart(20), typicalPromotions()) }

// BenchmarkLargeCart: 200 lines, 50 promotions. Target: < 2 ms.
func BenchmarkLargeCart(b *testing.B) {
	ps := typicalPromotions()
	for i := len(ps); i < 50; i++ {
		ps = append(ps, promo.Promotion{ID: fmt.Sprintf("sku-off-%02d", i), Target: promo.Selector{SKUs: []string{fmt.Sprintf("sku%03d", i*3)}},
			Action: promo.PercentOff{Rate: pricing.MustRate("95折")}})
	}
	benchEvaluate(b, benchCart(200), ps)
}

// BenchmarkChoice: 16 mutually conflicting order promotions (4 groups of
// 4) plus 6 entered coupons. Target: < 5 ms, proven optimal.
func BenchmarkChoice(b *testing.B) {
	c := benchCart(20)
	c.Coupons = nil
	var ps []promo.Promotion
	for g := range 4 {
		for k := range 4 {
			ps = append(ps, promo.Promotion{ID: fmt.Sprintf("g%d-%d", g, k), Group: fmt.Sprintf("g%d", g),
				Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny(fmt.Sprintf("%d", 100*(k+1))), Off: cny(fmt.Sprintf("%d", 8*(k+1)+g))}}}})
		}
	}
	for k := range 6 {
		code := fmt.Sprintf("COUPON%d", k)
		c.Coupons = append(c.Coupons, code)
		ps = append(ps, promo.Promotion{ID: "coupon-" + code, Coupon: code, Action: promo.PercentOff{Rate: pricing.MustRate([]string{"9折", "95折", "98折", "9.5折", "8.8折", "9.9折"}[k]), Scope: promo.PerOrder}})
	}
	benchEvaluate(b, c, ps)
}

var benchQuote promo.RefundQuote

// BenchmarkRefund50: a 50-line order with clawback, ten lines returned.
// Target: < 200 µs.
func BenchmarkRefund50(b *testing.B) {
	c := benchCart(50)
	e, err := promo.NewEngine(pricing.CNY, typicalPromotions())
	if err != nil {
		b.Fatal(err)
	}
	res, err := e.Evaluate(c)
	if err != nil {
		b.Fatal(err)
	}
	returned := map[string]int64{}
	for i := 0; i < 50; i += 5 {
		returned[c.Lines[i].ID] = c.Lines[i].Qty
	}
	b.ReportAllocs()
	for b.Loop() {
		benchQuote, benchErr = e.Refund(c, res, returned, promo.RefundPolicy{Clawback: true})
	}
}
