package promo

import (
	"github.com/opskit/opskit/internal/checked"
)

// Partial groups of a BuyXGetY (BuyXGetY.PartialGroups).
//
// By default a BuyXGetY rewards whole groups only: BuyQty units bought and
// GetQty units rewarded, the way Medusa's buyget promotion counts
// (buy_rules_min_quantity, apply_to_quantity). With PartialGroups the last
// group may be short of get units: once its BuyQty units are bought, the
// get units there are are rewarded, the way Magento's "Buy X get Y" action
// counts (SalesRule's BuyXGetY: floor(qty / (x+y))·y units, plus the units
// beyond x of the rest). Buy 1 get 2 free on 5 units rewards 3 (one whole
// group of 3, then 2 units: 1 bought, 1 free); on whole groups only, 2.

// buyGetPartial is buyGet with partial groups: it rewards the most units k
// (at most MaxTimes·GetQty) for which the buy units outside the k cheapest
// get units number at least ⌈k / GetQty⌉·BuyQty. That count only falls as
// k grows and the need only rises, so one walk up the get units from the
// cheapest finds k, O(n) after the sorts.
func (c *ctx) buyGetPartial(ps *pass, pi int) {
	r := &c.e.promos[pi].r
	buy := c.available(ps, pi, c.targets[pi], &ps.avail)
	get := buy
	if r.get != nil {
		get = c.available(ps, pi, c.gets[pi], &ps.avail2)
	}
	most := int64(len(get))
	if r.maxTimes > 0 {
		if m, ok := checked.Mul(r.maxTimes, r.getQty); ok { // ≤ MaxUnits²: it fits
			most = min(most, m)
		}
	}
	inBuy := ps.nextStamp()
	for _, u := range buy {
		ps.mark[u] = inBuy
	}
	best, shared := int64(0), int64(0)
	for k := int64(1); k <= most; k++ {
		if ps.mark[get[int64(len(get))-k]] == inBuy {
			shared++
		}
		groups := (k + r.getQty - 1) / r.getQty // k ≤ MaxUnits: no overflow
		need, ok := checked.Mul(groups, r.buyQty)
		if !ok || int64(len(buy))-shared < need {
			break
		}
		best = k
	}
	if best == 0 {
		return
	}
	rewarded := get[int64(len(get))-best:]
	isRewarded := ps.nextStamp()
	for _, u := range rewarded {
		ps.mark[u] = isRewarded
	}
	pay := (best + r.getQty - 1) / r.getQty * r.buyQty // checked in the walk
	c.settleBuyGet(ps, pi, buy, rewarded, isRewarded, pay)
}

// partialGet is how many get units a BuyXGetY's first group needs: one
// with PartialGroups, else GetQty.
func partialGet(r *rule) int64 {
	if r.x != nil && r.x.partial {
		return 1
	}
	return r.getQty
}
