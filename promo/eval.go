package promo

import (
	"slices"
	"strconv"

	"github.com/opskit/opskit/internal/checked"

	"github.com/opskit/opskit/pricing"
)

// ctx is one cart prepared for evaluation: lines in minor units, units laid
// out line by line, each promotion's targeted lines, and the candidates.
type ctx struct {
	e          *Engine
	cart       *Cart
	lines      []preparedLine
	first      []int   // first unit of each line; first[len(lines)] is the unit count
	unitLine   []int32 // the line of each unit
	floor      []int64 // per line: the unit floor for promotions the policy holds
	targets    [][]int // per promotion: the lines it targets
	gets       [][]int // per buy-x-get-y promotion: the lines of its get set
	unitPromos [][]int // per line: the per-unit item promotions targeting it, in application order
	shipping   int64
	custTags   []string // the customer's tags, sorted: eligible looks them up by binary search
	mode       pricing.RoundingMode
	cache      itemCache
	probe      *pass     // the pass of evaluations that are not kept
	final      *pass     // the pass of the chosen combination
	tunits     []int64   // per promotion: the units it targets
	nItem      int       // promotions of the item layer, which come first
	partLines  [][][]int // per combo promotion: per part, the lines it may take units from
	work       int64     // work done so far (Result.Work)
	limit      int64     // the work the current stage may reach
	// per line, over the choice candidates: counts for the classification,
	// then the promotions on and the exclusive ones on during the search
	lineCnt, lineExcl, lineItem, lineOn []int32
	firstOn, firstOnExcl                []int32     // per line: the first promotion on, and exclusive one on (explanations)
	dx                                  deliveryCtx // the cart's delivery schedule (delivery.go)
	// the choice's buffers
	bools       []bool
	alone, rest []int64
	sharpBuf    []int64 // choose: the sharper bound's sums per depth
	ubBuf       []int64 // sharpRest: per promotion
	pointBuf    []point
	pointOf     []int
	optBuf      [][]int
	hintOn      []bool // hintInstead's combination
	// buffers kept between evaluations (see Engine's scratch pool)
	linesBuf           []preparedLine
	seen               map[string]struct{}
	targetBuf, unitBuf []int
	ixCount, ixMark    []int32 // indexTargets
	ixNext             []int32
	ixPairs            [][2]int32
	unitPromoCount     []int
	adjSorted          []unitAdj
	adjStart, adjNext  []int
}

// reuse returns a zeroed slice of length n, in s's array when it is large
// enough: a scratch ctx serves many evaluations.
func reuse[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// itemCache keeps the item layer's outcome for one set of item promotions:
// the choice search varies mostly order-layer promotions, so most
// evaluations reuse it.
type itemCache struct {
	valid   bool
	on      []bool // item promotions on
	price   []int64
	claimed []int32
	stacked []bool
	owner   []int32
	amount  []int64 // per promotion (item promotions only)
	trimmed []int64
	capped  []int64
}

// pass is the state of one evaluation of a selection of promotions.
type pass struct {
	price   []int64 // current unit prices
	claimed []int32 // item promotion that claimed the unit, -1 for none
	stacked []bool  // the claim allows stacking
	owner   []int32 // the last item promotion that claimed the unit, -1 for none
	items   []int64 // unit prices after the item layer (recording passes only)
	// itemPrice is the unit prices after the item layer during an
	// evaluation: items, or the item cache's prices (read only).
	itemPrice []int64
	amount    []int64 // per promotion: discount given
	trimmed   []int64 // per promotion: discount trimmed by floors
	capped    []int64 // per promotion: discount cut by the budget or cap
	missing   []int64 // per threshold promotion: amount or units missing to the next tier, -1 for none
	next      []int64 // the reward of that next tier (minor units, -1 for a rate)
	level     []int64 // per threshold promotion: the tier reached (1 = the lowest) or 每满 steps; 0 none
	gift      []int   // per gift promotion: the option given, -1 for none
	al        allocator
	keys      []uint64 // byPriceDesc
	mark      []uint32 // per unit: stamp of the last group or set it was marked in
	stamp     uint32
	fee       int64 // shipping fee after promotions
	giftVal   int64
	record    bool
	adj       []unitAdj
	// scratch, reused across evaluations
	avail, avail2, sortUnits, gotUnits            []int
	exact, alloc, alloc2, sortExact, weights, got []int64
	lineOrder, lineUnits                          []int   // spreadOrder
	lineRoom, lineWeights, lineParts, unitParts   []int64 // spreadOrder
	unitRoom, fillW, fillR, fillParts             []int64 // spreadLine, fill
	fillIdx                                       []int   // fill
	assigned                                      [][]int
	fx                                            formScratch // the newer forms' (forms.go)
}

// unitAdj is one promotion's discount on one unit, kept for the result.
type unitAdj struct {
	promo int32
	unit  int32
	amt   int64
}

// init prepares c, a fresh or reused scratch ctx, for cart.
func (c *ctx) init(e *Engine, cart *Cart, lines []preparedLine) error {
	c.e, c.cart, c.lines, c.mode = e, cart, lines, cart.Rounding
	c.cache.valid = false
	c.custTags = append(c.custTags[:0], cart.Customer.Tags...)
	slices.Sort(c.custTags)
	c.first = reuse(c.first, len(lines)+1)
	var units int64
	for i := range cart.Lines {
		l := &cart.Lines[i] // not a copy: a Line is large
		// Cart.prepare bounds the units; checked again here so that no
		// cart can make the layout wrap.
		var ok bool
		if units, ok = checked.Add(units, l.Qty); !ok || l.Qty < 1 || units > MaxUnits {
			return fieldErr(linePath(i)+".qty", strconv.FormatInt(l.Qty, 10), ErrTooLarge, "the cart holds more than %d units", MaxUnits)
		}
		c.first[i+1] = int(units)
	}
	c.unitLine = reuse(c.unitLine, c.first[len(lines)])
	for i := range lines {
		for u := c.first[i]; u < c.first[i+1]; u++ {
			c.unitLine[u] = int32(i)
		}
	}
	c.floor = reuse(c.floor, len(lines))
	for i := range cart.Lines {
		if !e.floor.HasRules() {
			break
		}
		// The floor depends on the list price and the cost only: a line
		// like the one before (a run of equal prices) takes its floor
		// without asking the policy again, which computes in decimals.
		if i > 0 && lines[i].list == lines[i-1].list && lines[i].cost == lines[i-1].cost {
			c.floor[i] = c.floor[i-1]
			continue
		}
		l := &cart.Lines[i]
		list := l.ListPrice
		if !list.IsValid() {
			list = l.UnitPrice
		}
		f, _, err := e.floor.Floor(list, l.Cost, "")
		if err != nil {
			return fieldErr(linePath(i)+".list_price", "", ErrInvalidCart, "%v", err)
		}
		c.floor[i], _ = f.MinorUnits()
	}
	c.shipping, _ = cart.minor(cartField, "shipping", cart.Shipping, true)
	c.initDelivery() // delivery.go
	c.targets = reuse(c.targets, len(e.promos))
	c.gets = reuse(c.gets, len(e.promos))
	// The target lists share one backing array (earlier lists keep theirs
	// when it grows): a cart has many short lists.
	buf := c.targetBuf[:0]
	if e.index != nil {
		buf = c.indexTargets(e.index, buf)
	}
	for pi := range e.promos {
		p := &e.promos[pi]
		if e.index == nil {
			start := len(buf)
			for li := range cart.Lines {
				if p.target.matches(&cart.Lines[li]) {
					buf = append(buf, li)
				}
			}
			c.targets[pi] = buf[start:len(buf):len(buf)]
		}
		start := len(buf)
		if p.r.get != nil {
			for li := range cart.Lines {
				if p.get.matches(&cart.Lines[li]) {
					buf = append(buf, li)
				}
			}
			c.gets[pi] = buf[start:len(buf):len(buf)]
		}
	}
	c.targetBuf = buf
	c.nItem = 0
	for c.nItem < len(e.promos) && e.promos[c.nItem].r.layer == itemLayer {
		c.nItem++
	}
	c.tunits = reuse(c.tunits, len(e.promos))
	for pi := range e.promos {
		for _, li := range c.targets[pi] {
			c.tunits[pi] += int64(c.first[li+1] - c.first[li]) // ≤ MaxUnits
		}
	}
	c.partLines = reuse(c.partLines, len(e.promos))
	for pi := range e.promos {
		r := &e.promos[pi].r
		if r.kind != kCombo {
			continue
		}
		parts := make([][]int, len(r.parts))
		for k := range r.parts {
			for _, li := range c.targets[pi] {
				if e.promos[pi].parts[k].matches(&cart.Lines[li]) {
					parts[k] = append(parts[k], li)
				}
			}
		}
		c.partLines[pi] = parts
	}
	c.unitPromos = c.perUnitPromos()
	c.probe = c.sizePass(c.probe, false)
	return nil
}

// perUnitPromos lists, per line, the per-unit item promotions targeting it
// in application order, in one backing array; nil when there are none.
func (c *ctx) perUnitPromos() [][]int {
	count := reuse(c.unitPromoCount, len(c.lines)+1)
	c.unitPromoCount = count
	total := 0
	for pi := range c.e.promos {
		if isPerUnit(&c.e.promos[pi].r) {
			for _, li := range c.targets[pi] {
				count[li+1]++
				total++
			}
		}
	}
	if total == 0 {
		return nil
	}
	for li := range c.lines {
		count[li+1] += count[li]
	}
	buf := reuse(c.unitBuf, total)
	c.unitBuf = buf
	out := reuse(c.unitPromos, len(c.lines))
	for li := range out {
		out[li] = buf[count[li]:count[li]:count[li+1]]
	}
	for pi := range c.e.promos {
		if isPerUnit(&c.e.promos[pi].r) {
			for _, li := range c.targets[pi] {
				out[li] = append(out[li], pi)
			}
		}
	}
	return out
}

// sizePass returns ps (allocated if nil) sized for c's cart, its
// buffers reused.
func (c *ctx) sizePass(ps *pass, record bool) *pass {
	if ps == nil {
		ps = &pass{}
	}
	n, np := len(c.unitLine), len(c.e.promos)
	ps.price, ps.claimed, ps.stacked, ps.owner = reuse(ps.price, n), reuse(ps.claimed, n), reuse(ps.stacked, n), reuse(ps.owner, n)
	ps.amount, ps.trimmed, ps.capped = reuse(ps.amount, np), reuse(ps.trimmed, np), reuse(ps.capped, np)
	ps.missing, ps.next, ps.gift = reuse(ps.missing, np), reuse(ps.next, np), reuse(ps.gift, np)
	ps.level = reuse(ps.level, np)
	if cap(ps.assigned) < np {
		ps.assigned = make([][]int, np)
	}
	ps.assigned = ps.assigned[:np] // each list is emptied before use
	ps.record, ps.adj, ps.items = record, ps.adj[:0], ps.items[:0]
	ps.mark, ps.stamp = reuse(ps.mark, n), 0
	return ps
}

func (c *ctx) reset(ps *pass) {
	for li, l := range c.lines {
		for u := c.first[li]; u < c.first[li+1]; u++ {
			ps.price[u] = l.price
		}
	}
	for i := range ps.claimed {
		ps.claimed[i], ps.stacked[i], ps.owner[i] = -1, false, -1
	}
	clear(ps.amount)
	clear(ps.trimmed)
	clear(ps.capped)
	for i := range ps.missing {
		ps.missing[i], ps.next[i], ps.gift[i] = -1, -1, -1
	}
	clear(ps.level)
	ps.fee, ps.giftVal = c.shipping, 0
	ps.adj = ps.adj[:0]
}

// saving is what the selection saves the customer: discounts, the shipping
// waived, and the declared value of gifts.
func (c *ctx) saving(ps *pass) int64 {
	var s int64
	for _, a := range ps.amount {
		s += a // Σ discounts ≤ subtotal + shipping ≤ 2·MaxMinorUnits
	}
	// Points are payment (points.go); a delivery fee raised by the
	// promotions is paid (delivery.go).
	return max(satAdd(s-c.pointsSaving(ps)-c.feeRise(ps), ps.giftVal), 0)
}

// nextStamp returns a fresh stamp for ps.mark: units marked with it are
// the ones marked since.
func (ps *pass) nextStamp() uint32 {
	ps.stamp++
	if ps.stamp == 0 { // wrapped: forget every old mark
		clear(ps.mark)
		ps.stamp = 1
	}
	return ps.stamp
}

// evaluate runs the layers for the promotions that are on (indexed like
// e.promos, in application order).
func (c *ctx) evaluate(ps *pass, on []bool) {
	c.charge(c.passCost(on))
	c.reset(ps)
	if !c.cachedItems(ps, on) {
		c.itemLayer(ps, on)
		c.storeItems(ps, on)
	}
	if ps.record {
		ps.items = append(ps.items[:0], ps.price...)
		ps.itemPrice = ps.items
	} else {
		ps.itemPrice = c.cache.price // cachedItems or storeItems filled it
	}
	// Promotions are in application order, by layer first: after the item
	// layer's come the order layer's, the shipping layer's, the gifts'.
	fee := false // the delivery fee (delivery.go) is computed before the shipping layer
	for pi := c.nItem; pi < len(on); pi++ {
		if !on[pi] {
			continue
		}
		if l := c.e.promos[pi].r.layer; !fee && l > orderLayer {
			c.deliveryFee(ps)
			fee = true
		}
		switch c.e.promos[pi].r.layer {
		case orderLayer:
			c.orderPromo(ps, pi)
		case shippingLayer:
			c.shippingPromo(ps, pi)
		case giftLayer:
			c.giftPromo(ps, pi)
		case pointsLayer:
			c.pointsPromo(ps, pi) // points.go
		}
	}
	if !fee {
		c.deliveryFee(ps)
	}
}

// sameItems reports whether on turns on exactly the cached item promotions.
func (c *ctx) sameItems(on []bool) bool {
	return slices.Equal(on[:c.nItem], c.cache.on[:c.nItem])
}

// cachedItems restores the item layer's outcome when it is cached for the
// same item promotions; a recording pass always recomputes.
func (c *ctx) cachedItems(ps *pass, on []bool) bool {
	k := &c.cache
	if ps.record || !k.valid || !c.sameItems(on) {
		return false
	}
	copy(ps.price, k.price)
	copy(ps.claimed, k.claimed)
	copy(ps.stacked, k.stacked)
	copy(ps.owner, k.owner)
	copy(ps.amount, k.amount)
	copy(ps.trimmed, k.trimmed)
	copy(ps.capped, k.capped)
	return true
}

func (c *ctx) storeItems(ps *pass, on []bool) {
	if ps.record {
		return
	}
	k := &c.cache
	k.valid = true
	k.on = append(k.on[:0], on[:c.nItem]...)
	k.price = append(k.price[:0], ps.price...)
	k.claimed = append(k.claimed[:0], ps.claimed...)
	k.stacked = append(k.stacked[:0], ps.stacked...)
	k.owner = append(k.owner[:0], ps.owner...)
	k.amount = append(k.amount[:0], ps.amount...)
	k.trimmed = append(k.trimmed[:0], ps.trimmed...)
	k.capped = append(k.capped[:0], ps.capped...)
}

// floorFor is the lowest price promotion pi may take unit u to.
func (c *ctx) floorFor(u, pi int) int64 {
	if c.e.promos[pi].exempt {
		return 0
	}
	return c.floor[c.unitLine[u]]
}

// give applies discount d of promotion pi to unit u, trimming at the floor.
func (c *ctx) give(ps *pass, pi, u int, d int64) {
	room := ps.price[u] - c.floorFor(u, pi)
	if room < 0 {
		room = 0
	}
	got := min(d, room)
	ps.price[u] -= got
	ps.amount[pi] += got
	ps.trimmed[pi] += d - got
	if ps.record && got > 0 {
		ps.adj = append(ps.adj, unitAdj{promo: int32(pi), unit: int32(u), amt: got})
	}
}

// budgetLeft is what promotion pi may still give under its budget and cap.
func (c *ctx) budgetLeft(ps *pass, pi int) int64 {
	p := &c.e.promos[pi]
	left := int64(-1)
	if p.budget >= 0 {
		spent := int64(0)
		if u, ok := c.cart.Usage[p.p.ID]; ok && u.BudgetSpent.IsValid() {
			spent, _ = u.BudgetSpent.MinorUnits()
		}
		left = max(p.budget-spent, 0)
	}
	if p.r.cap >= 0 && (left < 0 || p.r.cap < left) {
		left = p.r.cap
	}
	return left
}

// spread applies exact per-unit discounts (in 1/rateScale minor units) of
// promotion pi: per line the exact total is rounded once with the cart's
// mode, then allocated to the line's units by largest remainder, then the
// promotion's total is held to its budget and cap. units must be grouped
// by line.
func (c *ctx) spread(ps *pass, pi int, units []int, exact []int64) {
	// Round per line into whole minor units.
	rounded := ps.got[:0]
	for i := 0; i < len(units); {
		j := i
		var sum int64
		for j < len(units) && c.unitLine[units[j]] == c.unitLine[units[i]] {
			sum += exact[j]
			j++
		}
		total, _ := pricing.RoundDiv(sum, rateScale, c.mode)
		parts, err := ps.al.allocate(ps.alloc, total, exact[i:j])
		if err != nil { // impossible: weights are non-negative and small
			parts = parts[:0]
			for range exact[i:j] {
				parts = append(parts, 0)
			}
		}
		ps.alloc = parts
		rounded = append(rounded, parts...)
		i = j
	}
	ps.got = rounded
	var total int64
	for _, d := range rounded {
		total += d
	}
	if left := c.budgetLeft(ps, pi); left >= 0 && total > left {
		ps.capped[pi] += total - left
		parts, _ := ps.al.allocate(ps.alloc2, left, rounded)
		ps.alloc2 = parts
		copy(rounded, parts)
	}
	for k, u := range units {
		c.give(ps, pi, u, rounded[k])
	}
}

// byPriceDesc sorts units most expensive first, ties by unit index. It
// sorts one integer key per unit, (MaxMinorUnits - price)·2^17 + unit:
// prices are at most MaxMinorUnits < 2^44 and units fewer than
// MaxUnits < 2^17, so the key fits in 61 bits and orders exactly so.
func byPriceDesc(ps *pass, units []int) {
	keys := ps.keys[:0]
	sorted := true
	for k, u := range units {
		key := uint64(MaxMinorUnits-ps.price[u])<<unitBits | uint64(u)
		sorted = sorted && (k == 0 || keys[k-1] <= key)
		keys = append(keys, key)
	}
	ps.keys = keys
	if sorted {
		return
	}
	slices.Sort(keys)
	for k, key := range keys {
		units[k] = int(key & (1<<unitBits - 1))
	}
}

// unitBits is the bits of a unit index in byPriceDesc's keys.
const unitBits = 17

// The keys of byPriceDesc hold a unit index and a price.
var _ = [1]struct{}{}[MaxUnits>>unitBits] // MaxUnits < 2^17
var _ = [1]struct{}{}[MaxMinorUnits>>44]  // MaxMinorUnits < 2^44
