package promo_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/opskit/opskit/internal/checked"
	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

// typedInputError fails t unless err is a *FieldError with an operation
// and a field or detail, wrapping one of the package's sentinels.
func typedInputError(t *testing.T, err error, sentinels ...error) {
	t.Helper()
	var fe *promo.FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("%v (%T) is not a *FieldError", err, err)
	}
	if fe.Op == "" {
		t.Fatalf("%v has no Op", err)
	}
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return
		}
	}
	t.Fatalf("%v wraps none of %v", err, sentinels)
}

// FuzzCartExtremes drives Cart.Validate and Evaluate with extreme
// quantities (int64 edges and values around MaxUnits), prices, budgets
// spent and coupon codes: each call returns a typed error or a result
// whose units add up, never a panic or a wrapped number.
func FuzzCartExtremes(f *testing.F) {
	f.Add(int64(1), int64(math.MaxInt64), int64(0), int64(2), "SAVE5", uint8(1), int64(0))
	f.Add(int64(math.MaxInt64/2+1), int64(math.MaxInt64/2+1), int64(1), int64(1), "", uint8(0), int64(-1))
	f.Add(int64(promo.MaxUnits), int64(1), int64(promo.MaxMinorUnits), int64(1), "save 5", uint8(60), int64(math.MaxInt64))
	f.Add(int64(-1), int64(0), int64(-5), int64(math.MinInt64), "\x00\xff", uint8(255), int64(100_000))
	f.Fuzz(func(t *testing.T, q1, q2, p1, p2 int64, code string, nCodes uint8, spent int64) {
		e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{
			{ID: "pct", Action: promo.PercentOff{Rate: rate("9折")}},
			{ID: "b1g1", Action: promo.BuyXGetY{BuyQty: 1, GetQty: 1, Free: true}},
			{ID: "every", Limits: promo.Limits{Budget: cny("100.00")}, Action: promo.Threshold{Every: &promo.Step{Amount: cny("0.01"), Off: cny("0.01")}}},
			{ID: "c", Coupon: "SAVE5", Action: promo.AmountOff{Amount: cny("5.00"), Scope: promo.PerOrder}},
		})
		if err != nil {
			t.Fatal(err)
		}
		price := func(v int64) pricing.Money { m, _ := pricing.NewFromMinor(v, pricing.CNY); return m }
		c := cart(promo.Line{ID: "a", SKU: "a", Qty: q1, UnitPrice: price(p1)}, promo.Line{ID: "b", SKU: "b", Qty: q2, UnitPrice: price(p2)})
		for range int(nCodes) {
			c.Coupons = append(c.Coupons, code)
		}
		c.Usage = map[string]promo.Usage{"every": {Total: spent, BudgetSpent: price(spent)}}
		verr := c.Validate()
		res, err := e.Evaluate(c)
		if (verr == nil) != (err == nil) {
			t.Fatalf("Validate: %v, Evaluate: %v", verr, err)
		}
		if err != nil {
			typedInputError(t, verr, promo.ErrInvalidCart, promo.ErrTooLarge, promo.ErrDuplicateID)
			typedInputError(t, err, promo.ErrInvalidCart, promo.ErrTooLarge, promo.ErrDuplicateID)
			return
		}
		// Known bounds of a valid cart: within MaxUnits units and a
		// subtotal within MaxMinorUnits, checked here in int64 too.
		units, ok := checked.Add(q1, q2)
		if !ok || units > promo.MaxUnits {
			t.Fatalf("a cart of %d + %d units passed", q1, q2)
		}
		if len(res.UnknownCoupons) > promo.MaxCoupons {
			t.Fatalf("%d unknown coupons", len(res.UnknownCoupons))
		}
		var paid int64
		for _, l := range res.Lines {
			for _, m := range l.UnitPaid {
				v := minorOf(t, "unit paid", m)
				if v < 0 {
					t.Fatalf("unit pays %s", m)
				}
				paid += v
			}
		}
		if total := minorOf(t, "total", res.Total); total != paid+minorOf(t, "shipping", res.ShippingAfter) {
			t.Fatalf("total %s, units paid %d", res.Total, paid)
		}
	})
}

// FuzzRefundTampered evaluates a generated order, then alters one amount
// or list of the stored result as the fuzzer says (any int64 of minor
// units, another currency, a dropped list), and asks for a refund. Refund
// returns a typed error, or a quote that refunds at most what the order's
// lines paid, never below zero: no tampering can raise a refund.
func FuzzRefundTampered(f *testing.F) {
	f.Add(uint64(1), uint8(0), uint8(0), int64(-50_000), true)
	f.Add(uint64(5), uint8(1), uint8(1), int64(99_997_718), false)
	f.Add(uint64(99), uint8(2), uint8(0), int64(math.MaxInt64), true)
	f.Add(uint64(2026), uint8(3), uint8(2), int64(math.MinInt64), false)
	f.Add(uint64(7), uint8(4), uint8(0), int64(0), true)
	f.Fuzz(func(t *testing.T, seed uint64, what, where uint8, v int64, claw bool) {
		c, ps := genCase(seed, 3)
		e, err := promo.NewEngine(pricing.CNY, ps)
		if err != nil {
			t.Fatal(err)
		}
		res, err := e.Evaluate(c)
		if err != nil {
			t.Fatal(err)
		}
		goods, _ := res.Total.Sub(res.ShippingAfter)
		// A deep copy: res shares nothing with the tampered result.
		tam := res
		tam.Lines = make([]promo.LineResult, len(res.Lines))
		for i, l := range res.Lines {
			l.UnitPaid = append([]pricing.Money(nil), l.UnitPaid...)
			adj := make([]promo.Adjustment, len(l.Adjustments))
			for j, a := range l.Adjustments {
				a.PerUnit = append([]pricing.Money(nil), a.PerUnit...)
				adj[j] = a
			}
			l.Adjustments = adj
			tam.Lines[i] = l
		}
		l := &tam.Lines[int(where)%len(tam.Lines)]
		amount, _ := pricing.NewFromMinor(v, pricing.CNY)
		switch what % 7 {
		case 0:
			l.UnitPaid[int(v&0xff)%len(l.UnitPaid)] = amount
		case 1:
			l.After = amount
		case 2:
			if len(l.Adjustments) > 0 {
				l.Adjustments[0].PerUnit[int(v&0xff)%len(l.UnitPaid)] = amount
			}
		case 3:
			if len(l.Adjustments) > 0 {
				l.Adjustments[0].PerUnit = nil
			}
		case 4:
			l.UnitPaid[0] = pricing.MustNew(l.UnitPaid[0].StringAmount(), pricing.USD)
		case 5:
			tam.ShippingAfter = amount
		case 6:
			l.UnitPaid = l.UnitPaid[:len(l.UnitPaid)-1]
		}
		all := map[string]int64{}
		for _, l := range c.Lines {
			all[l.ID] = l.Qty
		}
		q, err := e.Refund(c, tam, all, promo.RefundPolicy{Clawback: claw})
		if err != nil {
			typedInputError(t, err, promo.ErrInvalidReturn, promo.ErrTooLarge)
			return
		}
		if q.Refund.IsNegative() {
			t.Fatalf("negative refund %s", q.Refund)
		}
		if gt, _ := q.Refund.Cmp(goods); gt > 0 {
			t.Fatalf("refund %s above what the lines paid %s", q.Refund, goods)
		}
	})
}

// FuzzDecodeCampaignExtremes puts extreme numbers (int64 edges, values
// around the limits) and amounts in every count and amount of a campaign:
// decoding gives a *CampaignError of typed problems or a campaign whose
// engine prices a cart without a panic and never below zero.
func FuzzDecodeCampaignExtremes(f *testing.F) {
	f.Add(int64(1<<61), int64(1), int64(0), "0.01", "100000000000.00")
	f.Add(int64(promo.MaxUnits), int64(promo.MaxUnits), int64(promo.MaxUnits), "300.00", "30.00")
	f.Add(int64(math.MaxInt64), int64(math.MinInt64), int64(-1), "-1.00", "1e3")
	f.Add(int64(2), int64(1), int64(3), "99999999999.99", "0.001")
	f.Add(int64(3), int64(2), int64(1), "300.00", "30.00")                 // valid: decodes
	f.Add(int64(3), int64(2), int64(1), "300.00", strings.Repeat("0", 90)) // an amount longer than pricing reads
	f.Fuzz(func(t *testing.T, a, b, c int64, amt1, amt2 string) {
		doc := fmt.Sprintf(`{"currency":"CNY","promotions":[
			{"id":"bxgy","action":{"kind":"buy-x-get-y","buy_qty":%d,"get_qty":%d,"max_times":%d,"free":true}},
			{"id":"every","limits":{"total":%d,"per_customer":%d,"budget":%q},"action":{"kind":"threshold","every":{"amount":%q,"off":%q,"max_times":%d}}},
			{"id":"qty","action":{"kind":"threshold","basis":"quantity","tiers":[{"min_qty":%d,"off":%q}]}},
			{"id":"bundle","action":{"kind":"bundle-price","qty":%d,"price":%q,"max_times":%d}},
			{"id":"nth","action":{"kind":"nth-item","n":%d,"free":true}},
			{"id":"combo","action":{"kind":"combo","parts":[{"qty":%d},{"qty":%d}],"price":%q}},
			{"id":"gift","action":{"kind":"gift","min_qty":%d,"options":[{"sku":"g","qty":%d,"value":%q}]}}]}`,
			a, b, c, a, b, amt1, amt1, amt2, c, a, amt2, b, amt1, c, a, b, c, amt2, a, b, amt1)
		camp, err := promo.DecodeCampaign([]byte(doc))
		if err != nil {
			var ce *promo.CampaignError
			if !errors.As(err, &ce) || len(ce.Problems) == 0 {
				t.Fatalf("%v is not a *CampaignError with problems", err)
			}
			for _, p := range ce.Problems {
				typedInputError(t, p, promo.ErrInvalidPromotion, promo.ErrInvalidAction, promo.ErrTooLarge,
					promo.ErrInvalidCampaign, pricing.ErrInvalidAmount, pricing.ErrTooLarge)
			}
			return
		}
		e, err := promo.NewEngine(camp.Currency, camp.Promotions)
		if err != nil {
			t.Fatalf("decoded campaign refused by NewEngine: %v", err)
		}
		res, err := e.Evaluate(cart(line("shirt", 1, "199.00"), line("socks", 4, "9.90"), line("big", 1000, "99999.99")))
		if err != nil {
			t.Fatal(err)
		}
		if res.Total.IsNegative() {
			t.Fatalf("total %s", res.Total)
		}
	})
}

// FuzzDecodeCampaignHuge repeats a fragment up to 60,000 times as members
// of a promotion, as entries of its channel list, and as promotions: the
// decoder stays within its problem limit and returns typed problems or a
// campaign, never a panic, whatever the fragment.
func FuzzDecodeCampaignHuge(f *testing.F) {
	f.Add(`"x":1`, uint16(60_000), uint8(0))
	f.Add(`"c"`, uint16(10_001), uint8(1))
	f.Add(`{"id":"a","schedule":{"time_zone":"Nowhere/Z"}}`, uint16(2_000), uint8(2))
	f.Add(`"id":"a"`, uint16(300), uint8(0))
	f.Fuzz(func(t *testing.T, frag string, n uint16, where uint8) {
		var b strings.Builder
		items := strings.Repeat(frag+",", int(n)) + frag
		switch where % 3 {
		case 0:
			b.WriteString(`{"currency":"CNY","promotions":[{"id":"a","action":{"kind":"percent-off","rate":"9折"},` + items + `}]}`)
		case 1:
			b.WriteString(`{"currency":"CNY","promotions":[{"id":"a","channels":[` + items + `],"action":{"kind":"percent-off","rate":"9折"}}]}`)
		default:
			b.WriteString(`{"currency":"CNY","promotions":[` + items + `]}`)
		}
		calls := 0
		zones := func(name string) (*time.Location, error) { calls++; return fuzzZones(name) }
		_, err := promo.DecodeCampaign([]byte(b.String()), promo.WithTimeZones(zones))
		if calls > promo.DefaultMaxProblems+3 {
			t.Fatalf("%d zone lookups", calls)
		}
		if err == nil {
			return
		}
		var ce *promo.CampaignError
		if !errors.As(err, &ce) || len(ce.Problems) == 0 || len(ce.Problems) > promo.DefaultMaxProblems+1 {
			t.Fatalf("%T with %d problems", err, len(ce.Problems))
		}
		for _, p := range ce.Problems {
			if p.Op != "decode campaign" || p.Err == nil {
				t.Fatalf("untyped problem %+v", p)
			}
		}
	})
}
