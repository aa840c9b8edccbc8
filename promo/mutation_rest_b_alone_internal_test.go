package promo

import (
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
)

// TestAloneOrderListPriceCountsUnits pins the list-price amount of
// aloneOrder (order.go): one line of 2 units listed at 150.00 (sold at
// 90.00) is 300.00 at list price, over 满200减20 on the list price, so
// alone the promotion saves 20.00, as a pass does. A list amount divided
// by the units instead of multiplied (75.00) would miss the threshold.
func TestAloneOrderListPriceCountsUnits(t *testing.T) {
	cny := func(s string) pricing.Money { return pricing.MustNew(s, pricing.CNY) }
	p := Promotion{ID: "list", Action: Threshold{Base: BaseListPrice, Tiers: []Tier{{MinAmount: cny("200.00"), Off: cny("20.00")}}}}
	cart := Cart{Currency: pricing.CNY, At: time.Date(2026, 11, 11, 10, 0, 0, 0, time.UTC),
		Lines: []Line{{ID: "a", SKU: "a", Qty: 2, UnitPrice: cny("90.00"), ListPrice: cny("150.00")}}}
	e, err := NewEngine(pricing.CNY, []Promotion{p})
	if err != nil {
		t.Fatal(err)
	}
	c := e.getCtx()
	defer e.putCtx(c)
	c.work, c.limit = 0, e.limit
	lines, err := cart.prepare(c)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.init(&e, &cart, lines); err != nil {
		t.Fatal(err)
	}
	fast, ok := c.aloneOrder(c.probe, 0)
	if !ok || fast != 2000 {
		t.Fatalf("aloneOrder = %d, %v; want 2000 (20.00), true", fast, ok)
	}
	c.evaluate(c.probe, []bool{true})
	if pass := c.saving(c.probe); pass != 2000 {
		t.Fatalf("a pass saves %d, want 2000", pass)
	}
}
