package promo_test

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

// FuzzForms drives the newer forms together with extreme values: unit
// caps, partial groups, coupons issued, points (offered up to int64
// edges, odd rates), a delivery schedule (distances at the edges) and a
// presale in its balance stage. Evaluate returns a typed error or a
// result whose money adds up (Total = Subtotal - ItemDiscount -
// OrderDiscount - PointsDiscount + ShippingAfter, no unit below zero, the
// points spent within those offered); returning every unit refunds what
// the lines paid and gives back exactly the points spent.
func FuzzForms(f *testing.F) {
	f.Add(int64(3), int64(2), int64(2500), int64(990), int64(12345), int64(150), int64(1800), int64(2), int64(1), true)
	f.Add(int64(promo.MaxUnits-1), int64(1), int64(1), int64(promo.MaxMinorUnits/2), int64(math.MaxInt64), int64(1), int64(-1), int64(0), int64(0), false)
	f.Add(int64(1), int64(1), int64(0), int64(0), int64(promo.MaxPoints), int64(promo.MaxPoints), int64(promo.MaxDistanceMeters), int64(promo.MaxUnits), int64(promo.MaxUnits), true)
	f.Fuzz(func(t *testing.T, q1, q2, p1, p2, offered, pointsPer, distance, perLine, perCart int64, partial bool) {
		money := func(v int64) pricing.Money { m, _ := pricing.NewFromMinor(v, pricing.CNY); return m }
		ps := []promo.Promotion{
			{ID: "cap", Action: promo.LimitedUnits{Rate: rate("7折"), PerLine: perLine, PerCart: perCart}},
			{ID: "b1g2", Target: promo.Selector{SKUs: []string{"b"}}, Action: promo.BuyXGetY{BuyQty: 1, GetQty: 2, Rate: rate("5折"), PartialGroups: partial}},
			{ID: "mj", Action: promo.Threshold{Tiers: []promo.Tier{{MinAmount: cny("100.00"), Off: cny("10.00")}}}},
			{ID: "fan", Action: promo.IssueCoupon{MinAmount: cny("50.00"), Template: "t", Qty: 1, Value: cny("5.00")}},
			{ID: "free", Action: promo.FreeShipping{MinAmount: cny("30.00")}},
			{ID: "pts", Action: promo.PointsRedemption{Points: pointsPer, Value: cny("1.00"), MaxPercent: 50}},
			{ID: "pre", Target: promo.Selector{SKUs: []string{"a"}}, Action: promo.Presale{Deposit: cny("1.00"), Credit: cny("3.00"), BalanceFrom: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}},
		}
		e, err := promo.NewEngine(pricing.CNY, ps)
		if err != nil {
			typedInputError(t, err, promo.ErrInvalidAction, promo.ErrTooLarge)
			return
		}
		c := cart(promo.Line{ID: "a", SKU: "a", Qty: q1, UnitPrice: money(p1)}, promo.Line{ID: "b", SKU: "b", Qty: q2, UnitPrice: money(p2)})
		c.Points = offered
		c.Delivery = &promo.Delivery{DistanceMeters: distance, Fees: promo.DeliveryFees{MinOrder: cny("20.00"), Base: promo.BaseRunningTotal,
			Bands: []promo.DeliveryBand{{UpToMeters: 3000, Fee: cny("5.00"), Tiers: []promo.DeliveryTier{{FromAmount: cny("50.00"), Fee: cny("2.00")}}}}}}
		res, err := e.Evaluate(c)
		if err != nil {
			typedInputError(t, err, promo.ErrInvalidCart, promo.ErrTooLarge)
			return
		}
		minor := func(m pricing.Money) int64 {
			if !m.IsValid() {
				return 0
			}
			v, err := m.MinorUnits()
			if err != nil || v < 0 {
				t.Fatalf("amount %v: %v", m, err)
			}
			return v
		}
		var paid int64
		for _, l := range res.Lines {
			for _, u := range l.UnitPaid {
				paid += minor(u)
			}
		}
		total := minor(res.Subtotal) - minor(res.ItemDiscount) - minor(res.OrderDiscount) - minor(res.PointsDiscount) + minor(res.ShippingAfter)
		if total != minor(res.Total) || paid+minor(res.ShippingAfter) != total {
			t.Fatalf("total %d, formula %d, units %d + shipping %s", minor(res.Total), total, paid, res.ShippingAfter)
		}
		if res.PointsUsed < 0 || res.PointsUsed > offered {
			t.Fatalf("points used %d of %d", res.PointsUsed, offered)
		}
		q, err := e.Refund(c, res, map[string]int64{"a": q1, "b": q2}, promo.RefundPolicy{Clawback: true})
		if err != nil {
			t.Fatalf("refund of the whole order: %v", err)
		}
		if minor(q.Refund) != paid || q.Points != res.PointsUsed {
			t.Fatalf("refund %s of %d paid, points %d of %d", q.Refund, paid, q.Points, res.PointsUsed)
		}
	})
}

// FuzzCartFormsJSON: a cart with points and a delivery schedule is a fixed
// point of its JSON form (encode, decode, encode gives the same bytes) and
// decodes to an equal delivery.
func FuzzCartFormsJSON(f *testing.F) {
	f.Add(int64(100), int64(1500), int64(3000), int64(500), int64(5000), uint8(1))
	f.Add(int64(-1), int64(math.MaxInt64), int64(math.MinInt64), int64(-5), int64(0), uint8(9))
	f.Fuzz(func(t *testing.T, points, distance, upTo, fee, from int64, base uint8) {
		money := func(v int64) pricing.Money { m, _ := pricing.NewFromMinor(v, pricing.CNY); return m }
		c := cart(line("a", 1, "10.00"))
		c.Points = points
		c.Delivery = &promo.Delivery{DistanceMeters: distance, Fees: promo.DeliveryFees{MinOrder: money(from), Base: promo.ThresholdBase(base % 3),
			Bands: []promo.DeliveryBand{{UpToMeters: upTo, Fee: money(fee), Tiers: []promo.DeliveryTier{{FromAmount: money(from), Fee: money(fee)}}}}}}
		data, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		var back promo.Cart
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		again, err := json.Marshal(back)
		if err != nil || !bytes.Equal(data, again) {
			t.Fatalf("%s -> %s (%v)", data, again, err)
		}
		if !reflect.DeepEqual(c.Delivery, back.Delivery) || c.Points != back.Points {
			t.Fatalf("%+v -> %+v", c.Delivery, back.Delivery)
		}
		if (c.Validate() == nil) != (back.Validate() == nil) {
			t.Fatalf("valid %v, decoded %v", c.Validate(), back.Validate())
		}
	})
}
