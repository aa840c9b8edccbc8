package promo_test

import (
	"fmt"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

// BenchmarkLongSelectors evaluates 100 lines against 200 promotions whose
// targets list MaxSelectorList SKUs each (none of the cart's): matching
// goes through the sets the engine builds for long lists.
func BenchmarkLongSelectors(b *testing.B) {
	skus := make([]string, promo.MaxSelectorList)
	for i := range skus {
		skus[i] = fmt.Sprintf("other-%05d", i)
	}
	ps := make([]promo.Promotion, 200)
	for i := range ps {
		ps[i] = promo.Promotion{ID: fmt.Sprintf("p%03d", i), Target: promo.Selector{SKUs: skus, ExcludeCategories: skus},
			Action: promo.PercentOff{Rate: rate("9折")}}
	}
	e, err := promo.NewEngine(pricing.CNY, ps)
	if err != nil {
		b.Fatal(err)
	}
	lines := make([]promo.Line, 100)
	for i := range lines {
		lines[i] = promo.Line{ID: fmt.Sprint(i), SKU: fmt.Sprint(i), Categories: []string{"a", "b", "c"}, Qty: 1, UnitPrice: cny("9.90")}
	}
	c := cart(lines...)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Evaluate(c); err != nil {
			b.Fatal(err)
		}
	}
}
