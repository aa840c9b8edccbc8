package promo

import (
	"slices"

	"github.com/opskit/opskit/internal/checked"

	"github.com/opskit/opskit/pricing"
)

// The order layer (店铺/平台优惠: 满减, 每满减, 满折, order coupons), the
// shipping layer (包邮) and gifts (满赠). Each promotion sees the prices the
// earlier promotions left, in application order.

// base measures promotion pi's targeted units: their current amount, their
// amount at list price, and their count.
func (c *ctx) base(ps *pass, pi int) (amount, list, qty int64) {
	for _, li := range c.targets[pi] {
		for u := c.first[li]; u < c.first[li+1]; u++ {
			amount += ps.price[u]
		}
		n := int64(c.first[li+1] - c.first[li])
		list += c.lines[li].list * n
		qty += n
	}
	return amount, list, qty
}

// orderPromo applies one order-layer promotion.
func (c *ctx) orderPromo(ps *pass, pi int) {
	amount, list, qty := c.base(ps, pi)
	if qty == 0 {
		return
	}
	c.spreadOrder(ps, pi, c.targets[pi], c.orderDiscount(ps, pi, amount, list, qty))
}

// aloneOrder is what order-layer promotion pi saves alone on the cart,
// found without a pass when no price floor applies: alone it sees the
// original prices, and its discount (at most the targeted amount) is then
// spread in full, so the saving is the discount held to its budget.
func (c *ctx) aloneOrder(ps *pass, pi int) (int64, bool) {
	if c.e.floor.HasRules() || c.e.promos[pi].r.layer != orderLayer || c.e.promos[pi].r.kind == kGift {
		return 0, false
	}
	var amount, list, qty int64 // ≤ MaxMinorUnits, ≤ MaxUnits·MaxMinorUnits < 2^63, ≤ MaxUnits
	for _, li := range c.targets[pi] {
		n := int64(c.first[li+1] - c.first[li])
		amount += c.lines[li].price * n
		list += c.lines[li].list * n
		qty += n
	}
	if qty == 0 {
		return 0, true
	}
	d := c.orderDiscount(ps, pi, amount, list, qty)
	if left := c.budgetLeft(ps, pi); left >= 0 && d > left {
		d = left
	}
	return d, true
}

// orderDiscount is the discount of order-layer promotion pi on a targeted
// amount (at list prices: list) of qty units, before its budget.
func (c *ctx) orderDiscount(ps *pass, pi int, amount, list, qty int64) int64 {
	r := &c.e.promos[pi].r
	var d int64
	switch r.kind {
	case kPercent:
		d, _ = pricing.RoundDiv(amount*r.off, rateScale, c.mode)
	case kAmount:
		d = min(r.amount, amount)
	case kThreshold:
		measure := amount
		if r.onList {
			measure = list
		}
		if r.basis == ByQuantity {
			measure = qty
		}
		d = c.thresholdReward(ps, pi, measure, amount)
	}
	return d
}

// thresholdReward is the reward of a 满减/满折 for measure (amount or
// count), on the targeted amount, and records what is missing to the next
// tier.
func (c *ctx) thresholdReward(ps *pass, pi int, measure, amount int64) int64 {
	r := &c.e.promos[pi].r
	if e := r.every; e != nil {
		times := measure / e.size
		if e.maxTimes > 0 && times >= e.maxTimes {
			times = e.maxTimes
		} else if next, ok := checked.MulAdd(times+1, e.size, -measure); ok {
			// (times+1)·size - measure ≤ size: it fits unless size is
			// near the int64 limit and more than one step was reached.
			ps.missing[pi], ps.next[pi] = next, e.off
		}
		// times·off beyond int64 is beyond the amount too: the whole
		// amount is the reward (每满0.01减100,000,000,000.00 on 10,000.00 gives
		// 10,000.00).
		off, ok := checked.Mul(times, e.off)
		if !ok {
			return amount
		}
		return min(off, amount)
	}
	reached := -1
	for i, t := range r.tiers {
		if measure >= t.min {
			reached = i
		}
	}
	if reached+1 < len(r.tiers) {
		t := r.tiers[reached+1]
		ps.missing[pi], ps.next[pi] = t.min-measure, t.off
	}
	if reached < 0 {
		return 0
	}
	t := r.tiers[reached]
	if t.off >= 0 {
		return min(t.off, amount)
	}
	d, _ := pricing.RoundDiv(amount*t.rateOff, rateScale, c.mode)
	return d
}

// reaches reports whether the targeted amount or count after the order
// layer reaches a gift or shipping threshold, and records what is missing.
func (c *ctx) reaches(ps *pass, pi int) bool {
	r := &c.e.promos[pi].r
	amount, _, qty := c.base(ps, pi)
	measure, min := amount, r.minAmount
	if r.minQty > 0 {
		measure, min = qty, r.minQty
	}
	if len(c.targets[pi]) == 0 {
		return false
	}
	if min > 0 && measure < min {
		ps.missing[pi] = min - measure
		return false
	}
	return true
}

// shippingPromo is 满包邮: waive or reduce the remaining shipping fee.
func (c *ctx) shippingPromo(ps *pass, pi int) {
	if ps.fee == 0 || !c.reaches(ps, pi) {
		return
	}
	r := &c.e.promos[pi].r
	d := ps.fee
	if r.amount >= 0 {
		d = min(r.amount, ps.fee)
	}
	if left := c.budgetLeft(ps, pi); left >= 0 && d > left {
		ps.capped[pi] += d - left
		d = left
	}
	ps.fee -= d
	ps.amount[pi] += d
}

// giftPromo is 满赠: the named option if the cart names an available one,
// else the first available.
func (c *ctx) giftPromo(ps *pass, pi int) {
	if !c.reaches(ps, pi) {
		return
	}
	r := &c.e.promos[pi].r
	want := c.cart.GiftChoices[c.e.promos[pi].p.ID]
	pick := -1
	for i, o := range r.options {
		if slices.Contains(c.cart.OutOfStock, o.SKU) {
			continue
		}
		if o.SKU == want {
			pick = i
			break
		}
		if pick < 0 {
			pick = i
		}
	}
	if pick < 0 {
		return
	}
	ps.gift[pi] = pick
	if v := r.options[pick].Value; v.IsValid() {
		val, _ := v.MinorUnits()
		ps.giftVal = satAdd(ps.giftVal, val)
	}
}

// spreadOrder applies an order-level discount d of promotion pi over lines
// in proportion to their current totals, then over each line's units in
// proportion to their prices, by largest remainder. A line whose share
// would take it below its floor takes only its room (what its units can
// give above their floors) and the rest is spread again over the lines that
// still have room (water-filling); what fits nowhere is trimmed.
func (c *ctx) spreadOrder(ps *pass, pi int, lines []int, d int64) {
	if left := c.budgetLeft(ps, pi); left >= 0 && d > left {
		ps.capped[pi] += d - left
		d = left
	}
	exempt := c.e.promos[pi].exempt
	active := append(ps.lineOrder[:0], lines...)
	for d > 0 {
		n := 0
		weights, rooms := ps.lineWeights[:0], ps.lineRoom[:0]
		for _, li := range active {
			var floor, total, room int64
			if !exempt {
				floor = c.floor[li]
			}
			for _, p := range ps.price[c.first[li]:c.first[li+1]] {
				total += p
				room += max(p-floor, 0)
			}
			if room > 0 {
				active[n] = li
				n++
				weights, rooms = append(weights, total), append(rooms, room)
			}
		}
		active = active[:n]
		ps.lineWeights, ps.lineRoom = weights, rooms
		if n == 0 {
			break
		}
		parts, err := ps.al.allocate(ps.lineParts, d, weights)
		if err != nil {
			break
		}
		ps.lineParts = parts
		var excess int64
		for k, li := range active {
			take := min(parts[k], rooms[k])
			excess += parts[k] - take
			if take > 0 {
				c.spreadLine(ps, pi, li, take, rooms[k] == weights[k])
			}
		}
		if excess == d { // nothing fitted
			break
		}
		d = excess
	}
	ps.trimmed[pi] += d
	ps.lineOrder = active
}

// spreadLine gives t, at most the line's room, to the units of line li in
// proportion to their prices, by largest remainder, water-filling past the
// units' floors. unfloored says no unit of the line has a floor above zero.
func (c *ctx) spreadLine(ps *pass, pi, li int, t int64, unfloored bool) {
	lo, hi := c.first[li], c.first[li+1]
	if hi-lo == 1 {
		c.take(ps, pi, lo, t)
		return
	}
	equal := true
	for _, p := range ps.price[lo+1 : hi] {
		equal = equal && p == ps.price[lo]
	}
	if equal { // equal prices and floors: an even split fits (t ≤ room)
		n := int64(hi - lo)
		q, r := t/n, t%n
		for u := lo; u < hi; u++ {
			c.take(ps, pi, u, q+b2i(int64(u-lo) < r))
		}
		return
	}
	if unfloored { // t ≤ Σ prices: no share exceeds its unit's price
		parts, err := ps.al.allocate(ps.unitParts, t, ps.price[lo:hi])
		if err == nil {
			ps.unitParts = parts
			for k, amt := range parts {
				c.take(ps, pi, lo+k, amt)
			}
			return
		}
	}
	units := ps.lineUnits[:0]
	for u := lo; u < hi; u++ {
		units = append(units, u)
	}
	for t > 0 {
		n := 0
		weights := ps.weights[:0]
		for _, u := range units {
			if ps.price[u]-c.floorFor(u, pi) > 0 {
				units[n] = u
				n++
				weights = append(weights, ps.price[u])
			}
		}
		units = units[:n]
		ps.weights = weights
		if n == 0 {
			break // unreachable: t never exceeds the line's room
		}
		parts, err := ps.al.allocate(ps.unitParts, t, weights)
		if err != nil {
			break
		}
		ps.unitParts = parts
		var excess int64
		for k, u := range units {
			take := min(parts[k], ps.price[u]-c.floorFor(u, pi))
			excess += parts[k] - take
			c.take(ps, pi, u, take)
		}
		t = excess
	}
	ps.lineUnits = units
}

// take moves amt (≥ 0, within the unit's room) of promotion pi's discount
// onto unit u.
func (c *ctx) take(ps *pass, pi, u int, amt int64) {
	if amt <= 0 {
		return
	}
	ps.price[u] -= amt
	ps.amount[pi] += amt
	if ps.record {
		ps.adj = append(ps.adj, unitAdj{promo: int32(pi), unit: int32(u), amt: amt})
	}
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
