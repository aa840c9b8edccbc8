package promo

import (
	"slices"

	"github.com/opskit/opskit/internal/checked"
)

// The item layer (单品优惠). Group promotions (第N件, 买赠, 任选, 套餐) run
// first, in application order, each claiming the units it groups; then every
// unit left takes the per-unit promotion (打折, 直降, 一口价, 会员价) that
// saves most on it, or the chain of stackable ones if that saves more. A
// unit gets at most one item promotion unless every promotion on it is
// stackable.

func (c *ctx) itemLayer(ps *pass, on []bool) {
	c.presales(ps, on) // presale.go: the deposits' credits come first
	for pi := range c.nItem {
		if !on[pi] {
			continue
		}
		switch c.e.promos[pi].r.kind {
		case kNth:
			c.nthItem(ps, pi)
		case kBuyGet:
			if r := &c.e.promos[pi].r; r.x != nil && r.x.partial {
				c.buyGetPartial(ps, pi) // partial.go
				continue
			}
			c.buyGet(ps, pi)
		case kBundle:
			c.bundle(ps, pi)
		case kCombo:
			c.combo(ps, pi)
		case kLimited:
			c.limitedUnits(ps, pi)
		}
	}
	c.perUnit(ps, on)
}

// free reports whether promotion pi may discount unit u: it is unclaimed,
// or claimed only by stackable promotions other than pi and pi stacks.
func (c *ctx) free(ps *pass, pi, u int) bool {
	return ps.claimed[u] < 0 || (ps.stacked[u] && c.e.promos[pi].p.Stackable && ps.owner[u] != int32(pi))
}

func (c *ctx) claim(ps *pass, pi int, units []int) {
	st := c.e.promos[pi].p.Stackable
	for _, u := range units {
		if ps.claimed[u] < 0 {
			ps.claimed[u], ps.stacked[u] = int32(pi), st
		}
		ps.stacked[u] = ps.stacked[u] && st
		ps.owner[u] = int32(pi)
	}
}

// available lists the free units of lines into buf, most expensive
// first.
func (c *ctx) available(ps *pass, pi int, lines []int, buf *[]int) []int {
	units := (*buf)[:0]
	for _, li := range lines {
		for u := c.first[li]; u < c.first[li+1]; u++ {
			if c.free(ps, pi, u) {
				units = append(units, u)
			}
		}
	}
	byPriceDesc(ps, units)
	*buf = units
	return units
}

// spreadUnits sorts (unit, exact) pairs into line order and spreads them.
func (c *ctx) spreadUnits(ps *pass, pi int, units []int, exact []int64) {
	// Keys unit<<32 | position sort as plain integers (units and positions
	// are below MaxUnits < 2^17), faster than sorting positions by a
	// comparison function.
	keys := ps.keys[:0]
	sorted := true
	for i, u := range units {
		key := uint64(u)<<32 | uint64(i)
		sorted = sorted && (i == 0 || keys[i-1] <= key)
		keys = append(keys, key)
	}
	ps.keys = keys
	if sorted {
		c.spread(ps, pi, units, exact)
		return
	}
	slices.Sort(keys)
	us, ex := ps.sortUnits[:0], ps.sortExact[:0]
	for _, key := range keys {
		i := int(key & (1<<32 - 1))
		us, ex = append(us, units[i]), append(ex, exact[i])
	}
	ps.sortUnits, ps.sortExact = us, ex
	c.spread(ps, pi, us, ex)
}

// nthItem is 第N件X折: groups of N from the most expensive down; the last
// (cheapest) unit of each full group gets the rate.
func (c *ctx) nthItem(ps *pass, pi int) {
	r := &c.e.promos[pi].r
	units := c.available(ps, pi, c.targets[pi], &ps.avail)
	full := int64(len(units)) / r.n * r.n
	got, exact := ps.gotUnits[:0], ps.exact[:0]
	for j := int64(0); j < full; j++ {
		if (j+1)%r.n == 0 {
			u := units[j]
			got, exact = append(got, u), append(exact, ps.price[u]*r.off)
		}
	}
	ps.gotUnits, ps.exact = got, exact
	c.claim(ps, pi, units[:full])
	c.spreadUnits(ps, pi, got, exact)
}

// buyGet is 买X送Y: the cheapest qualifying units are rewarded, the buy
// units are the most expensive ones left. It gives the most times t (at
// most MaxTimes) for which the buy units outside the t·GetQty cheapest get
// units number at least t·BuyQty: that count only falls as t grows, so one
// walk up the get units from the cheapest finds t, O(n) after the sorts.
func (c *ctx) buyGet(ps *pass, pi int) {
	r := &c.e.promos[pi].r
	buy := c.available(ps, pi, c.targets[pi], &ps.avail)
	get := buy
	if r.get != nil {
		get = c.available(ps, pi, c.gets[pi], &ps.avail2)
	}
	times := int64(len(get)) / r.getQty
	if r.get == nil {
		per, ok := checked.Add(r.buyQty, r.getQty)
		if !ok { // more units than a cart can hold per time
			return
		}
		times = int64(len(buy)) / per
	}
	if r.maxTimes > 0 {
		times = min(times, r.maxTimes)
	}
	if times == 0 {
		return
	}
	// inBuy marks the buy units; overlap[t] counts the buy units among the
	// t·GetQty cheapest get units.
	inBuy := ps.nextStamp()
	for _, u := range buy {
		ps.mark[u] = inBuy
	}
	best, shared := int64(0), int64(0)
	for t := int64(1); t <= times; t++ {
		for _, u := range get[int64(len(get))-t*r.getQty : int64(len(get))-(t-1)*r.getQty] { // t·getQty ≤ len(get)
			if ps.mark[u] == inBuy {
				shared++
			}
		}
		need, ok := checked.Mul(t, r.buyQty)
		if !ok || int64(len(buy))-shared < need {
			break
		}
		best = t
	}
	if best == 0 {
		return
	}
	rewarded := get[int64(len(get))-best*r.getQty:]
	isRewarded := ps.nextStamp()
	for _, u := range rewarded {
		ps.mark[u] = isRewarded
	}
	c.settleBuyGet(ps, pi, buy, rewarded, isRewarded, best*r.buyQty) // checked above
}

// settleBuyGet claims the first pay units of buy not marked rewarded (the
// payers) and the rewarded units, and discounts the rewarded ones at the
// rule's rate: the end of 买X送Y, whole groups or partial.
func (c *ctx) settleBuyGet(ps *pass, pi int, buy, rewarded []int, isRewarded uint32, pay int64) {
	r := &c.e.promos[pi].r
	payers := ps.gotUnits[:0]
	for _, u := range buy {
		if int64(len(payers)) == pay {
			break
		}
		if ps.mark[u] != isRewarded {
			payers = append(payers, u)
		}
	}
	ps.gotUnits = payers
	exact := ps.exact[:0]
	for _, u := range rewarded {
		exact = append(exact, ps.price[u]*r.off) // ≤ MaxMinorUnits·rateScale
	}
	ps.exact = exact
	c.claim(ps, pi, payers)
	c.claim(ps, pi, rewarded)
	c.spreadUnits(ps, pi, slices.Clone(rewarded), exact)
}

// groupPrice gives a group of units for price: the saving (sum - price)
// is allocated to the units in proportion to their prices. It reports
// false when the group would not save anything.
func (c *ctx) groupPrice(ps *pass, group []int, price int64, units *[]int, exact *[]int64) bool {
	weights := ps.weights[:0]
	var sum int64 // ≤ the subtotal
	for _, u := range group {
		weights = append(weights, ps.price[u])
		sum += ps.price[u]
	}
	ps.weights = weights
	if sum <= price {
		return false
	}
	parts, err := ps.al.allocate(ps.alloc, sum-price, weights)
	if err != nil {
		return false
	}
	ps.alloc = parts
	for k, u := range group {
		*units, *exact = append(*units, u), append(*exact, parts[k]*rateScale)
	}
	return true
}

// bundle is 任选M件N元: the most expensive units form the groups.
func (c *ctx) bundle(ps *pass, pi int) {
	r := &c.e.promos[pi].r
	units := c.available(ps, pi, c.targets[pi], &ps.avail)
	groups := int64(len(units)) / r.n
	if r.maxTimes > 0 {
		groups = min(groups, r.maxTimes)
	}
	var got []int
	var exact []int64
	for g := int64(0); g < groups; g++ {
		group := units[g*r.n : (g+1)*r.n]
		if !c.groupPrice(ps, group, r.amount, &got, &exact) {
			break
		}
		c.claim(ps, pi, group)
	}
	c.spreadUnits(ps, pi, got, exact)
}

// combo is 套餐: each part takes its most expensive free matching units.
// Each part's units are listed and sorted once; a cursor per part skips
// the units earlier groups claimed or the group already holds, so forming
// every group costs O(n log n) in all.
func (c *ctx) combo(ps *pass, pi int) {
	r := &c.e.promos[pi].r
	partLines := c.partLines[pi]
	lists := make([][]int, len(r.parts))
	for k := range r.parts {
		var buf []int
		lists[k] = c.available(ps, pi, partLines[k], &buf)
	}
	next := make([]int, len(r.parts))
	var got, group []int
	var exact []int64
	for times := int64(0); r.maxTimes == 0 || times < r.maxTimes; times++ {
		in := ps.nextStamp()
		group = group[:0]
		for k, part := range r.parts {
			var taken int64
			for ; taken < part.Qty && next[k] < len(lists[k]); next[k]++ {
				u := lists[k][next[k]]
				if ps.mark[u] == in || !c.free(ps, pi, u) {
					continue // in this group, or claimed by an earlier one: never free again
				}
				ps.mark[u] = in
				group, taken = append(group, u), taken+1
			}
			if taken < part.Qty {
				group = group[:0]
				break
			}
		}
		if len(group) == 0 || !c.groupPrice(ps, group, r.amount, &got, &exact) {
			break
		}
		c.claim(ps, pi, group)
	}
	c.spreadUnits(ps, pi, got, exact)
}

// unitExact is the exact discount (1/rateScale minor units) per-unit
// promotion pi gives a unit at price p, or -1 if it does not apply.
func (c *ctx) unitExact(pi int, p int64) int64 {
	r := &c.e.promos[pi].r
	switch r.kind {
	case kPercent:
		return p * r.off
	case kAmount:
		return min(r.amount, p) * rateScale
	case kFixed:
		return max(p-r.amount, 0) * rateScale
	case kMember:
		for _, m := range r.members {
			if m.tier == c.cart.Customer.Tier {
				if m.price >= 0 {
					return max(p-m.price, 0) * rateScale
				}
				return p * m.off
			}
		}
	}
	return -1
}

func isPerUnit(r *rule) bool {
	return r.layer == itemLayer && (r.kind == kPercent || r.kind == kAmount || r.kind == kFixed || r.kind == kMember)
}

// perUnit assigns each unit its best per-unit promotion (or stackable
// chain), then applies the promotions in application order, each on the
// prices the earlier ones left.
func (c *ctx) perUnit(ps *pass, on []bool) {
	assigned := ps.assigned // per promotion: its units, in unit order
	for pi := range assigned {
		assigned[pi] = assigned[pi][:0]
	}
	var chainBuf [8]int
	chain := chainBuf[:0]
	for u := range ps.price {
		li := int(c.unitLine[u])
		best, bestPI := int64(0), -1
		chain = chain[:0]
		var chainSum int64
		price := ps.price[u]
		if c.unitPromos == nil {
			break
		}
		for _, pi := range c.unitPromos[li] {
			if !on[pi] || !c.free(ps, pi, u) {
				continue
			}
			d := c.unitExact(pi, ps.price[u])
			if d <= 0 {
				continue
			}
			if d > best {
				best, bestPI = d, pi
			}
			if c.e.promos[pi].p.Stackable {
				if dd := c.unitExact(pi, price); dd > 0 {
					chain = append(chain, pi)
					chainSum += dd
					price -= min(dd/rateScale, price)
				}
			}
		}
		switch {
		case len(chain) > 1 && chainSum > best:
			for _, pi := range chain {
				assigned[pi] = append(assigned[pi], u)
			}
		case bestPI >= 0:
			assigned[bestPI] = append(assigned[bestPI], u)
		}
	}
	for pi, units := range assigned {
		if len(units) == 0 {
			continue
		}
		exact := ps.exact[:0]
		for _, u := range units {
			exact = append(exact, max(c.unitExact(pi, ps.price[u]), 0))
		}
		ps.exact = exact
		c.claim(ps, pi, units)
		c.spread(ps, pi, units, exact)
	}
}
