package promo

import (
	"cmp"
	"math/bits"
	"slices"

	"github.com/opskit/opskit/internal/checked"

	"github.com/opskit/opskit/pricing"
)

// The order layer (店铺/平台优惠: 满减, 每满减, 满折, order coupons), the
// shipping layer (包邮) and gifts (满赠). Each promotion sees the prices the
// earlier promotions left, in application order.

// base measures promotion pi's targeted units: their current amount, the
// amount its threshold is tested on (as its ThresholdBase says: after the
// item layer, at list price, or the current amount), and their count.
func (c *ctx) base(ps *pass, pi int) (amount, measure, qty int64) {
	r := &c.e.promos[pi].r
	switch {
	case r.base == BaseAfterItems && isThreshold(r):
		items := ps.itemPrice
		for _, li := range c.targets[pi] {
			for u := c.first[li]; u < c.first[li+1]; u++ {
				amount += ps.price[u]
				measure += items[u]
			}
			qty += int64(c.first[li+1] - c.first[li])
		}
		return amount, measure, qty
	case r.base == BaseListPrice:
		for _, li := range c.targets[pi] {
			n := int64(c.first[li+1] - c.first[li])
			for u := c.first[li]; u < c.first[li+1]; u++ {
				amount += ps.price[u]
			}
			measure += c.lines[li].list * n // Σ ≤ MaxUnits·MaxMinorUnits < 2^63
			qty += n
		}
		return amount, measure, qty
	}
	for _, li := range c.targets[pi] {
		for u := c.first[li]; u < c.first[li+1]; u++ {
			amount += ps.price[u]
		}
		qty += int64(c.first[li+1] - c.first[li])
	}
	return amount, amount, qty
}

// orderPromo applies one order-layer promotion.
func (c *ctx) orderPromo(ps *pass, pi int) {
	amount, measure, qty := c.base(ps, pi)
	if qty == 0 {
		return
	}
	c.spreadOrder(ps, pi, c.targets[pi], c.orderDiscount(ps, pi, amount, measure, qty))
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
	// Alone, the amount after items and the running total are the
	// original amount.
	measure := amount
	if c.e.promos[pi].r.base == BaseListPrice {
		measure = list
	}
	d := c.orderDiscount(ps, pi, amount, measure, qty)
	if left := c.budgetLeft(ps, pi); left >= 0 && d > left {
		d = left
	}
	return d, true
}

// orderDiscount is the discount of order-layer promotion pi on a targeted
// amount of qty units whose threshold base is measure, before its budget.
func (c *ctx) orderDiscount(ps *pass, pi int, amount, measure, qty int64) int64 {
	r := &c.e.promos[pi].r
	var d int64
	switch r.kind {
	case kPercent:
		d, _ = pricing.RoundDiv(amount*r.off, rateScale, c.mode)
	case kAmount:
		d = min(r.amount, amount)
	case kThreshold:
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
	ps.missing[pi], ps.next[pi] = thresholdHint(r, measure)
	if e := r.every; e != nil {
		times := measure / e.size
		if e.maxTimes > 0 && times >= e.maxTimes {
			times = e.maxTimes
		}
		ps.level[pi] = times
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
	ps.level[pi] = int64(reached + 1)
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

// thresholdHint is what a 满减/满折 misses at measure to its next tier or
// step, and its whole reward there (-1 for a rate); -1, -1 when it is at
// its last tier or its MaxTimes.
func thresholdHint(r *rule, measure int64) (missing, next int64) {
	missing, next = -1, -1
	if e := r.every; e != nil {
		times := measure / e.size
		if e.maxTimes > 0 && times >= e.maxTimes {
			return missing, next
		}
		// (times+1)·size - measure ≤ size: it fits unless size is near
		// the int64 limit and more than one step was reached. The next
		// reward is the whole reward at the next step, as for tiers:
		// (times+1)·off, not the increase.
		if m, ok := checked.MulAdd(times+1, e.size, -measure); ok {
			missing = m
			if n, ok := checked.Mul(times+1, e.off); ok {
				next = n
			}
		}
		return missing, next
	}
	for _, t := range r.tiers {
		if measure < t.min {
			return t.min - measure, t.off
		}
	}
	return missing, next
}

// reaches reports whether the targeted amount (measured as the base says;
// the running total is the one after the order layer) or count reaches a
// gift or shipping threshold, and records what is missing.
func (c *ctx) reaches(ps *pass, pi int) bool {
	r := &c.e.promos[pi].r
	_, measure, qty := c.base(ps, pi)
	min := r.minAmount
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
	if c.e.promos[pi].r.kind == kIssue {
		c.issuePromo(ps, pi) // couponreturn.go
		return
	}
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
// give above their floors) and the rest goes to the lines that still have
// room (water-filling, in one pass: see fill); what fits nowhere is
// trimmed.
func (c *ctx) spreadOrder(ps *pass, pi int, lines []int, d int64) {
	if left := c.budgetLeft(ps, pi); left >= 0 && d > left {
		ps.capped[pi] += d - left
		d = left
	}
	exempt := c.e.promos[pi].exempt
	active, weights, rooms := ps.lineOrder[:0], ps.lineWeights[:0], ps.lineRoom[:0]
	for _, li := range lines {
		var floor, total, room int64 // ≤ the subtotal ≤ MaxMinorUnits
		if !exempt {
			floor = c.floor[li]
		}
		for _, p := range ps.price[c.first[li]:c.first[li+1]] {
			total += p
			room += max(p-floor, 0)
		}
		if room > 0 {
			active, weights, rooms = append(active, li), append(weights, total), append(rooms, room)
		}
	}
	ps.lineOrder, ps.lineWeights, ps.lineRoom = active, weights, rooms
	if d <= 0 {
		return
	}
	if len(active) == 0 {
		ps.trimmed[pi] += d
		return
	}
	if len(active) == 1 { // one line: it takes what fits
		take := min(d, rooms[0])
		if take > 0 {
			c.spreadLine(ps, pi, active[0], take, rooms[0] == weights[0])
		}
		ps.trimmed[pi] += d - take
		return
	}
	var parts []int64
	var excess int64
	if !c.e.floor.HasRules() || exempt {
		// No floor: every room is its line's total, and d is at most
		// their sum (a discount never exceeds the amount it is taken
		// from), so one allocation by totals is the water level.
		var err error
		if parts, err = ps.al.allocate(ps.lineParts, min(d, sum(rooms)), weights); err != nil {
			parts, excess = ps.fill(ps.lineParts, d, weights, rooms) // impossible: weights positive and bounded
		} else {
			excess = d - min(d, sum(rooms))
		}
	} else {
		parts, excess = ps.fill(ps.lineParts, d, weights, rooms)
	}
	ps.lineParts = parts
	for k, li := range active {
		if parts[k] > 0 {
			c.spreadLine(ps, pi, li, parts[k], rooms[k] == weights[k])
		}
	}
	ps.trimmed[pi] += excess
}

// fill spreads d over parts in proportion to weights, no part above its
// room, by water-filling: the parts are min(room, λ·weight) for the one
// level λ at which they add up to d (or every room, when d exceeds their
// sum; the rest is returned as excess). Weights and rooms are positive and
// each room at most its weight. Instead of re-spreading the excess round
// after round (up to once per part), fill sorts the parts by room/weight,
// the level at which each fills up, and walks them once: a part whose
// level is at most d/W (what is left over the weights left) is full, which
// only raises d/W for the rest; at the first that is not, none of the rest
// is, and d is allocated over them by largest remainder in their original
// order, each part at most ⌈λ·weight⌉ ≤ room. O(n log n); O(n) when every
// part has the same level (no floor, or one floor ratio) or d fills all.
func (ps *pass) fill(dst []int64, d int64, weights, rooms []int64) (parts []int64, excess int64) {
	n := len(weights)
	parts = slices.Grow(dst[:0], n)[:n]
	var sumRoom, sumW int64 // ≤ the subtotal ≤ MaxMinorUnits
	same := true
	for k := range n {
		sumRoom += rooms[k]
		sumW += weights[k]
		same = same && cmpRatio(rooms[k], weights[k], rooms[0], weights[0]) == 0
	}
	if d >= sumRoom { // every part full
		copy(parts, rooms)
		return parts, d - sumRoom
	}
	if same { // one level for all: d < Σ rooms, so none is full
		return ps.allocFill(parts, d, weights, rooms), 0
	}
	idx := slices.Grow(ps.fillIdx[:0], n)[:n]
	for k := range idx {
		idx[k] = k
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmpRatio(rooms[a], weights[a], rooms[b], weights[b]); c != 0 {
			return c
		}
		return a - b
	})
	ps.fillIdx = idx
	for k := range parts {
		parts[k] = -1 // not full
	}
	for _, k := range idx {
		// full when room/weight ≤ d/W, that is room·W ≤ d·weight
		if cmpRatio(rooms[k], weights[k], d, sumW) > 0 {
			break
		}
		parts[k] = rooms[k]
		d -= rooms[k]
		sumW -= weights[k]
	}
	// The parts not full share d, which is below their rooms' sum.
	rest, restRooms := ps.fillW[:0], ps.fillR[:0]
	for k, p := range parts {
		if p < 0 {
			rest, restRooms = append(rest, weights[k]), append(restRooms, rooms[k])
		}
	}
	ps.fillW, ps.fillR = rest, restRooms
	shares := ps.allocFill(ps.fillParts, d, rest, restRooms)
	ps.fillParts = shares
	j := 0
	for k, p := range parts {
		if p < 0 {
			parts[k] = shares[j]
			j++
		}
	}
	return parts, 0
}

// allocFill allocates d over weights by largest remainder into dst, for d
// below what the level d/Σweights gives above any room: every share is
// then at most its room. It holds each share to its room all the same,
// and gives what that holds back to the first shares with room left, so
// the shares always add up to d.
func (ps *pass) allocFill(dst []int64, d int64, weights, rooms []int64) []int64 {
	parts, err := ps.al.allocate(dst, d, weights)
	if err != nil || len(parts) != len(weights) { // impossible: weights positive, sum ≤ MaxMinorUnits
		parts = slices.Grow(dst[:0], len(weights))[:len(weights)]
		clear(parts)
		parts[0] = d
	}
	var back int64
	for k := range parts {
		if parts[k] > rooms[k] {
			back += parts[k] - rooms[k]
			parts[k] = rooms[k]
		}
	}
	for k := 0; back > 0 && k < len(parts); k++ {
		t := min(back, rooms[k]-parts[k])
		parts[k] += t
		back -= t
	}
	return parts
}

// sum adds values whose total is bounded (line totals: at most the
// cart's subtotal, MaxMinorUnits).
func sum(v []int64) int64 {
	var s int64
	for _, x := range v {
		s += x
	}
	return s
}

// cmpRatio compares a/b with c/d for non-negative a, c and positive b, d,
// exactly (128-bit products).
func cmpRatio(a, b, c, d int64) int {
	h1, l1 := bits.Mul64(uint64(a), uint64(d))
	h2, l2 := bits.Mul64(uint64(c), uint64(b))
	switch {
	case h1 != h2:
		return cmp.Compare(h1, h2)
	default:
		return cmp.Compare(l1, l2)
	}
}

// spreadLine gives t, at most the line's room, to the units of line li in
// proportion to their prices, by largest remainder, water-filling past the
// units' floors (fill). unfloored says no unit of the line has a floor
// above zero.
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
	units, weights, rooms := ps.lineUnits[:0], ps.weights[:0], ps.unitRoom[:0]
	for u := lo; u < hi; u++ {
		if room := ps.price[u] - c.floorFor(u, pi); room > 0 {
			units, weights, rooms = append(units, u), append(weights, ps.price[u]), append(rooms, room)
		}
	}
	ps.lineUnits, ps.weights, ps.unitRoom = units, weights, rooms
	if len(units) == 0 {
		return // unreachable: t > 0 is at most the line's room
	}
	// t ≤ the line's room: fill gives it all.
	parts, _ := ps.fill(ps.unitParts, t, weights, rooms)
	ps.unitParts = parts
	for k, u := range units {
		c.take(ps, pi, u, parts[k])
	}
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
