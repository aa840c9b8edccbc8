package promo_test

import (
	"math/rand/v2"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

// FuzzRefund: returning everything refunds exactly what the lines paid;
// any return refunds at most what the returned units paid, never below
// zero, and the per-unit refunds add up to the refund.
func FuzzRefund(f *testing.F) {
	for _, s := range []uint64{1, 5, 99, 2026} {
		f.Add(s, uint8(3), true)
	}
	f.Fuzz(func(t *testing.T, seed uint64, n uint8, claw bool) {
		c, ps := genCase(seed, int(n%6)+1)
		e, err := promo.NewEngine(pricing.CNY, ps)
		if err != nil {
			t.Fatal(err)
		}
		res, err := e.Evaluate(c)
		if err != nil {
			t.Fatal(err)
		}
		policy := promo.RefundPolicy{Clawback: claw, Gift: promo.GiftPolicy(seed % 2)}
		all := map[string]int64{}
		some := map[string]int64{}
		r := rand.New(rand.NewPCG(seed, 1))
		for _, l := range c.Lines {
			all[l.ID] = l.Qty
			some[l.ID] = int64(r.IntN(int(l.Qty) + 1))
		}
		q, err := e.Refund(c, res, all, policy)
		if err != nil {
			t.Fatal(err)
		}
		goods, _ := res.Total.Sub(res.ShippingAfter)
		if !q.Refund.Equal(goods) {
			t.Fatalf("full return refunds %s, the lines paid %s", q.Refund, goods)
		}
		q, err = e.Refund(c, res, some, policy)
		if err != nil {
			t.Fatal(err)
		}
		if q.Refund.IsNegative() {
			t.Fatalf("negative refund %s", q.Refund)
		}
		if gt, _ := q.Refund.Cmp(q.Paid); gt > 0 && q.Paid.IsValid() {
			t.Fatalf("refund %s above what the units paid %s", q.Refund, q.Paid)
		}
		var units []pricing.Money
		for _, l := range q.Lines {
			units = append(units, l.Refund...)
		}
		sum, _ := pricing.Sum(units...)
		if !sum.Equal(q.Refund) && !(sum.Sign() == 0 && q.Refund.Sign() == 0) {
			t.Fatalf("unit refunds sum to %s, refund is %s", sum, q.Refund)
		}
	})
}
