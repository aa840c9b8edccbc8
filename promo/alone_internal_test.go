package promo

import (
	"fmt"
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
)

// The choice measures an order-layer promotion alone without a pass when
// no floor applies (aloneOrder). It must give exactly what a pass with the
// promotion alone saves: checked here for every order-layer kind, on
// carts of one to many lines, with budgets and usage, and several
// rounding modes.
func TestAloneOrderMatchesPass(t *testing.T) {
	cny := func(s string) pricing.Money { return pricing.MustNew(s, pricing.CNY) }
	actions := []Action{
		PercentOff{Rate: pricing.MustRate("9.5折"), Scope: PerOrder},
		PercentOff{Rate: pricing.MustRate("8.75折"), Scope: PerOrder, Cap: cny("7.77")},
		AmountOff{Amount: cny("5.00"), Scope: PerOrder},
		AmountOff{Amount: cny("100000.00"), Scope: PerOrder},
		Threshold{Tiers: []Tier{{MinAmount: cny("100"), Off: cny("10")}, {MinAmount: cny("300"), Rate: pricing.MustRate("9折")}}},
		Threshold{Every: &Step{Amount: cny("0.01"), Off: cny("0.01")}}, // the most a step may take off: itself
		Threshold{Every: &Step{Amount: cny("50"), Off: cny("3"), MaxTimes: 4}},
		Threshold{Basis: ByQuantity, Tiers: []Tier{{MinQty: 3, Rate: pricing.MustRate("7折")}}},
		Threshold{Base: BaseListPrice, Tiers: []Tier{{MinAmount: cny("200"), Off: cny("20")}}},
		FreeShipping{MinAmount: cny("50")},
	}
	at := time.Date(2026, 11, 11, 10, 0, 0, 0, time.UTC)
	for n := 1; n <= 40; n += 13 {
		cart := Cart{Currency: pricing.CNY, At: at, Shipping: cny("8.00")}
		for i := range n {
			price, _ := pricing.NewFromMinor(int64(99+(i*7919)%30000), pricing.CNY)
			list, _ := pricing.NewFromMinor(int64(199+(i*7919)%30000), pricing.CNY)
			cart.Lines = append(cart.Lines, Line{ID: fmt.Sprint(i), SKU: fmt.Sprint(i), Qty: int64(1 + i%4),
				UnitPrice: price, ListPrice: list, Categories: []string{[]string{"a", "b"}[i%2]}})
		}
		for _, mode := range []pricing.RoundingMode{pricing.HalfUp, pricing.Down, pricing.HalfEven} {
			cart.Rounding = mode
			for k, a := range actions {
				p := Promotion{ID: fmt.Sprint("p", k), Action: a, Target: Selector{Categories: []string{"a"}}}
				if k%3 == 0 {
					p.Limits.Budget = cny("12.34")
					cart.Usage = map[string]Usage{p.ID: {BudgetSpent: cny("3.21")}}
				}
				e, err := NewEngine(pricing.CNY, []Promotion{p})
				if err != nil {
					t.Fatal(err)
				}
				c := e.getCtx()
				c.work, c.limit = 0, e.limit
				lines, err := cart.prepare(c)
				if err != nil {
					t.Fatal(err)
				}
				if err := c.init(&e, &cart, lines); err != nil {
					t.Fatal(err)
				}
				fast, ok := c.aloneOrder(c.probe, 0)
				if !ok {
					if _, order := a.(FreeShipping); !order {
						t.Fatalf("%T: no fast path", a)
					}
					continue
				}
				c.evaluate(c.probe, []bool{true})
				if pass := c.saving(c.probe); pass != fast {
					t.Errorf("lines %d, %v, %#v: aloneOrder %d, a pass %d", n, mode, a, fast, pass)
				}
				e.putCtx(c)
			}
		}
	}
}
