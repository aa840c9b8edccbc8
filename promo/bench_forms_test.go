package promo_test

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

// BenchmarkTypicalCartForms is the typical cart (20 lines, the typical
// promotions) with the newer forms on top: a unit cap, a coupon returned,
// points and an O2O delivery schedule (fee tiers on list price, so the
// choice stays proven).
func BenchmarkTypicalCartForms(b *testing.B) {
	c := benchCart(20)
	c.Shipping = pricing.Money{}
	c.Points = 5000
	c.Delivery = &promo.Delivery{DistanceMeters: 2500, Fees: promo.DeliveryFees{MinOrder: cny("20.00"), Base: promo.BaseListPrice,
		Bands: []promo.DeliveryBand{{UpToMeters: 3000, Fee: cny("6.00"), Tiers: []promo.DeliveryTier{{FromAmount: cny("50.00"), Fee: cny("3.00")}}}}}}
	ps := append(typicalPromotions(),
		promo.Promotion{ID: "cap", Target: promo.Selector{Categories: []string{"dairy"}}, Action: promo.LimitedUnits{Rate: pricing.MustRate("7折"), PerLine: 1}},
		promo.Promotion{ID: "fan", Action: promo.IssueCoupon{MinAmount: cny("300"), Template: "t", Qty: 1}},
		promo.Promotion{ID: "pts", Action: promo.PointsRedemption{Points: 100, Value: cny("1.00"), MaxPercent: 20}},
	)
	benchEvaluate(b, c, ps)
}
