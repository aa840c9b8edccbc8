package promo

import (
	"fmt"
	"slices"
	"strings"

	"github.com/opskit/opskit/pricing"
)

// Evaluate prices cart with the engine's promotions and returns the plan:
// per-line and per-unit adjustments, totals, gifts, redemptions, and one
// explanation per promotion. It never modifies the cart. Errors are
// *[FieldError] values for a malformed cart or a cart in another currency;
// an unknown coupon code is not an error (see [Result.UnknownCoupons]).
func (e Engine) Evaluate(cart Cart) (Result, error) {
	pl, err := e.plan(&cart, true)
	if err != nil {
		return Result{}, withOp(opEvaluate, err)
	}
	c, ps := pl.c, pl.ps
	res := c.result(ps, pl.best, pl.expl)
	res.UnknownCoupons, res.Optimal, res.Evaluated = pl.unknown, pl.optimal, int64(pl.evaluated)
	if c.feeVaries() && pl.evaluated > 0 { // delivery.go: a search ran, and its bound does not hold
		res.Optimal = false
	}
	c.explain(&res, ps, pl.best, pl.cands, pl.alone, pl.optimal)
	res.Work = c.work
	e.putCtx(c) // the Result shares no memory with it
	return res, nil
}

// planned is an evaluated cart before it is turned into a Result.
type planned struct {
	c         *ctx
	ps        *pass
	best      []bool
	alone     []int64
	cands     []int
	expl      []Explanation
	unknown   []string
	optimal   bool
	evaluated int
}

// plan validates the cart, finds the candidates, chooses the best
// combination and runs it once more (recording the unit adjustments when
// record is set).
func (e Engine) plan(cart *Cart, record bool) (planned, error) {
	if cart.Currency != e.currency {
		return planned{}, fieldErr("currency", cart.Currency.Code(), ErrInvalidCart, "the engine's promotions are in %s", e.currency)
	}
	c := e.getCtx()
	c.work, c.limit = 0, e.limit
	lines, err := cart.prepare(c)
	if err == nil {
		// Validating the lines and matching every selector against every
		// line come first: lineSteps per line, and per selector (targets,
		// get sets, combo parts) one step per category and tag of each
		// line, at least one per line.
		var values, selectors int64
		for li := range cart.Lines {
			values = satAdd(values, lineValues(&cart.Lines[li]))
		}
		for pi := range e.promos {
			selectors = satAdd(selectors, 1+b2i(e.promos[pi].r.get != nil)+int64(len(e.promos[pi].parts)))
		}
		match := satAdd(satMul(selectors, values), satMul(lineSteps, int64(len(cart.Lines))))
		c.e, c.cart = &e, cart
		if !c.afford(match) {
			err = c.tooMuchWork(match)
		} else {
			c.charge(match)
			err = c.init(&e, cart, lines)
		}
	}
	if err != nil {
		e.putCtx(c)
		return planned{}, err
	}
	pl := planned{c: c, expl: make([]Explanation, len(e.promos))}
	entered, unknown := c.coupons()
	pl.unknown = unknown
	for pi := range e.promos {
		pl.expl[pi] = Explanation{PromotionID: e.promos[pi].p.ID, Name: e.promos[pi].p.Name, Kind: e.promos[pi].p.Action.Kind(), Campaign: e.promos[pi].p.Campaign, FloorExempt: e.promos[pi].exempt}
		if reason, detail := c.eligible(pi, entered); reason != ReasonNone {
			pl.expl[pi].Status, pl.expl[pi].Reason, pl.expl[pi].Detail = NotApplicable, reason, detail
			continue
		}
		pl.cands = append(pl.cands, pi)
	}
	// Linear bookkeeping, charged at once: classifying the candidates and
	// the explanations' per-line indexes (four steps per target line), and
	// threshold explanations measuring their targets (one per unit).
	var books int64
	for _, pi := range pl.cands {
		books = satAdd(books, 4*int64(len(c.targets[pi])))
		if e.promos[pi].r.kind == kThreshold {
			books = satAdd(books, c.tunits[pi])
		}
	}
	if !c.afford(books) {
		err := c.tooMuchWork(satAdd(c.work, books))
		e.putCtx(c)
		return planned{}, err
	}
	c.charge(books)
	// The search keeps the final pass of its best combination affordable.
	pl.best, pl.alone, pl.optimal, pl.evaluated, err = c.choose(pl.cands)
	if err != nil {
		e.putCtx(c)
		return planned{}, err
	}
	c.final = c.sizePass(c.final, record)
	pl.ps = c.final
	if record { // one adjustment per promotion and targeted unit, usually
		n := 0
		for pi, on := range pl.best {
			for _, li := range c.targets[pi] {
				if on {
					n += c.first[li+1] - c.first[li]
				}
			}
		}
		pl.ps.adj = slices.Grow(pl.ps.adj[:0], n)
	}
	if record {
		c.charge(c.recordCost(pl.best)) // with the pass: finalCost
	}
	c.evaluate(pl.ps, pl.best)
	return pl, nil
}

// coupons normalises the entered codes: the set that matches a promotion,
// and the codes that match none, in entry order without repeats.
func (c *ctx) coupons() (map[string]bool, []string) {
	entered := map[string]bool{}
	var unknown []string
	for _, raw := range c.cart.Coupons {
		code := NormalizeCode(raw)
		if code == "" || entered[code] {
			continue
		}
		entered[code] = true
		if _, ok := c.e.coupons[code]; !ok {
			unknown = append(unknown, raw)
		}
	}
	return entered, unknown
}

// eligible checks everything about promotion pi that does not depend on
// the other promotions.
func (c *ctx) eligible(pi int, entered map[string]bool) (Reason, string) {
	p := &c.e.promos[pi]
	at, cust := c.cart.At, c.cart.Customer
	switch {
	case !p.p.Start.IsZero() && at.Before(p.p.Start):
		return NotStarted, ""
	case !p.p.End.IsZero() && !at.Before(p.p.End):
		return Expired, ""
	case p.p.Schedule != nil && !p.p.Schedule.contains(at):
		return OutsideSchedule, ""
	case len(p.p.Channels) > 0 && !slices.Contains(p.p.Channels, c.cart.Channel):
		return WrongChannel, fmt.Sprintf("channel %q", c.cart.Channel)
	case len(p.p.Conditions.Tiers) > 0 && !slices.Contains(p.p.Conditions.Tiers, cust.Tier):
		return CustomerNotEligible, fmt.Sprintf("tier %q", cust.Tier)
	case p.p.Conditions.FirstOrder && cust.PriorOrders > 0:
		return CustomerNotEligible, "not a first order"
	case p.r.kind == kMember && !slices.ContainsFunc(p.r.members, func(m memberRule) bool { return m.tier == cust.Tier }):
		return CustomerNotEligible, fmt.Sprintf("no member price for tier %q", cust.Tier)
	}
	for _, tag := range p.p.Conditions.Tags {
		if _, found := slices.BinarySearch(c.custTags, tag); !found {
			return CustomerNotEligible, fmt.Sprintf("missing tag %q", tag)
		}
	}
	if p.coupon != "" && !entered[p.coupon] {
		return CouponNotEntered, ""
	}
	u := c.cart.Usage[p.p.ID]
	switch {
	case p.p.Limits.Total > 0 && u.Total >= p.p.Limits.Total:
		return UsageLimitReached, fmt.Sprintf("%d of %d used", u.Total, p.p.Limits.Total)
	case p.p.Limits.PerCustomer > 0 && u.ByCustomer >= p.p.Limits.PerCustomer:
		return UsageLimitReached, fmt.Sprintf("%d of %d per customer used", u.ByCustomer, p.p.Limits.PerCustomer)
	case p.budget >= 0 && c.budgetSpent(pi) >= p.budget:
		return BudgetExhausted, ""
	case len(c.targets[pi]) == 0:
		return NoTargetedItems, ""
	}
	return c.presaleStage(pi) // presale.go: ReasonNone unless in the deposit stage
}

func (c *ctx) budgetSpent(pi int) int64 {
	u := c.cart.Usage[c.e.promos[pi].p.ID]
	if !u.BudgetSpent.IsValid() || u.BudgetSpent.Currency() != c.e.currency {
		return 0
	}
	v, _ := u.BudgetSpent.MinorUnits()
	return v
}

// moneyOf converts minor units to Money; amounts in the engine are whole
// minor units, which Money holds without allocating.
func (c *ctx) moneyOf(v int64) pricing.Money {
	m, _ := pricing.NewFromMinor(v, c.e.currency)
	return m
}

// result assembles the Result of the chosen evaluation.
func (c *ctx) result(ps *pass, on []bool, expl []Explanation) Result {
	cur := c.e.currency
	money := c.moneyOf
	res := Result{Currency: cur, Explanations: expl, Lines: make([]LineResult, len(c.cart.Lines))}
	c.sortAdjustments(ps)
	// One backing array each for the units paid, the adjustments, their
	// per-unit amounts and the explanations' line lists: a result has many
	// small slices.
	groups, perUnitLen := 0, 0
	linesOf := make([]int, len(c.e.promos)+1) // per promotion: lines adjusted, then offsets
	for k := 0; k < len(ps.adj); {
		li, pi := c.unitLine[ps.adj[k].unit], ps.adj[k].promo
		for k < len(ps.adj) && c.unitLine[ps.adj[k].unit] == li && ps.adj[k].promo == pi {
			k++
		}
		groups++
		linesOf[pi+1]++
		perUnitLen += c.first[li+1] - c.first[li]
	}
	lineIDs := make([]string, groups)
	for pi := range c.e.promos {
		n := linesOf[pi+1]
		linesOf[pi+1] += linesOf[pi]
		if n > 0 {
			expl[pi].Lines = lineIDs[linesOf[pi]:linesOf[pi]:linesOf[pi+1]]
		}
	}
	paidBuf := make([]pricing.Money, len(c.unitLine))
	adjBuf := make([]Adjustment, 0, groups)
	perUnitBuf := make([]pricing.Money, perUnitLen)
	amounts := make([]int64, 0, 8)
	var subtotal, item, order int64
	k := 0
	for li := range c.cart.Lines {
		l := &c.cart.Lines[li]
		lo, hi := c.first[li], c.first[li+1]
		lr := &res.Lines[li]
		*lr = LineResult{ID: l.ID, Qty: l.Qty, UnitPrice: l.UnitPrice, Before: money(c.lines[li].price * l.Qty),
			UnitPaid: paidBuf[lo:hi:hi]}
		subtotal += c.lines[li].price * l.Qty
		var after int64
		for u := lo; u < hi; u++ {
			after += ps.price[u]
			lr.UnitPaid[u-lo] = money(ps.price[u])
		}
		lr.After = money(after)
		start := len(adjBuf)
		for k < len(ps.adj) && int(c.unitLine[ps.adj[k].unit]) == li {
			pi := int(ps.adj[k].promo)
			amounts = append(amounts[:0], make([]int64, hi-lo)...)
			var sum int64
			for ; k < len(ps.adj) && int(c.unitLine[ps.adj[k].unit]) == li && int(ps.adj[k].promo) == pi; k++ {
				amounts[int(ps.adj[k].unit)-lo] += ps.adj[k].amt
				sum += ps.adj[k].amt
			}
			perUnit := perUnitBuf[: hi-lo : hi-lo]
			perUnitBuf = perUnitBuf[hi-lo:]
			for x, v := range amounts {
				perUnit[x] = money(v)
			}
			adjBuf = append(adjBuf, Adjustment{PromotionID: c.e.promos[pi].p.ID, Amount: money(sum), PerUnit: perUnit})
			if c.e.promos[pi].r.layer == itemLayer {
				item += sum
			} else {
				order += sum
			}
			expl[pi].Lines = append(expl[pi].Lines, l.ID)
		}
		if len(adjBuf) > start {
			lr.Adjustments = adjBuf[start:len(adjBuf):len(adjBuf)]
		}
	}
	res.Subtotal, res.ItemDiscount = money(subtotal), money(item)
	discount := c.pointsResult(&res, ps, on, expl, order) // points.go: order less the points (PointsDiscount)
	res.OrderDiscount = money(discount)
	res.ShippingBefore, res.ShippingAfter = money(c.shipping), money(ps.fee)
	c.deliveryResult(&res, ps) // delivery.go: the fee the pass computed
	c.presaleResult(&res, ps)  // presale.go
	res.Total = money(subtotal - item - order + ps.fee)
	res.AfterItems = money(subtotal - item)
	res.Saved = money(item + discount + ps.fx.feeBefore - ps.fee)
	redeemed := 0
	for pi, v := range on {
		if v && (ps.amount[pi] > 0 || ps.gift[pi] >= 0) {
			redeemed++
		}
	}
	if redeemed > 0 {
		res.Redemptions = make([]Redemption, 0, redeemed)
	}
	for pi := range c.e.promos {
		p := &c.e.promos[pi]
		if !on[pi] {
			continue
		}
		if g := ps.gift[pi]; g >= 0 && p.r.kind == kIssue {
			c.issued(&res, &expl[pi], pi) // couponreturn.go
		} else if g >= 0 {
			o := p.r.options[g]
			gl := GiftLine{PromotionID: p.p.ID, SKU: o.SKU, Name: o.Name, Qty: o.Qty, Value: o.Value}
			res.Gifts = append(res.Gifts, gl)
			expl[pi].Gift = &gl
		}
		if ps.amount[pi] > 0 || ps.gift[pi] >= 0 {
			res.Redemptions = append(res.Redemptions, Redemption{PromotionID: p.p.ID, Coupon: p.coupon, Amount: money(ps.amount[pi])})
		}
	}
	return res
}

// sortAdjustments orders the recorded unit adjustments by line, then
// promotion, then unit: a stable counting sort by line (recording follows
// the application order, so each line's run is usually sorted already),
// then a sort of any run that is not.
func (c *ctx) sortAdjustments(ps *pass) {
	start := reuse(c.adjStart, len(c.lines)+1)
	for _, a := range ps.adj {
		start[c.unitLine[a.unit]+1]++
	}
	for li := range c.lines {
		start[li+1] += start[li]
	}
	sorted := reuse(c.adjSorted, len(ps.adj))
	next := append(c.adjNext[:0], start[:len(c.lines)]...)
	c.adjStart, c.adjNext = start, next
	for _, a := range ps.adj {
		li := c.unitLine[a.unit]
		sorted[next[li]] = a
		next[li]++
	}
	byPromoUnit := func(a, b unitAdj) int {
		if a.promo != b.promo {
			return int(a.promo - b.promo)
		}
		return int(a.unit - b.unit)
	}
	for li := range c.lines {
		if run := sorted[start[li]:start[li+1]]; !slices.IsSortedFunc(run, byPromoUnit) {
			slices.SortFunc(run, byPromoUnit)
		}
	}
	c.adjSorted, ps.adj = ps.adj, sorted // keep both arrays for the next cart
}

// explain fills the explanations of the candidates.
func (c *ctx) explain(res *Result, ps *pass, on []bool, cands []int, alone []int64, optimal bool) {
	money := c.moneyOf
	c.indexOn(on)
	for _, pi := range cands {
		ex := &res.Explanations[pi]
		p := &c.e.promos[pi]
		ex.Amount = money(ps.amount[pi])
		if ps.trimmed[pi] > 0 {
			ex.Trimmed = money(ps.trimmed[pi])
		}
		if ps.capped[pi] > 0 {
			ex.Capped = money(ps.capped[pi])
		}
		c.hint(ex, ps, pi)
		switch {
		case !on[pi] && alone[pi] == 0 && isThreshold(&p.r):
			// It would give nothing even alone: say what it lacks rather
			// than that another promotion excluded it.
			c.explainInstead(ex, pi, on)
		case !on[pi]:
			ex.Amount = pricing.Money{}
			switch by := c.excluder(pi, on); {
			case by != "":
				ex.Status, ex.Reason, ex.ExcludedBy = Excluded, ExcludedByPromotion, by
			case !optimal:
				ex.Status, ex.Reason = NotChosen, SearchBudgetExhausted
				ex.Detail = fmt.Sprintf("work budget %d", c.e.limit)
			default:
				ex.Status, ex.Reason = NotChosen, BetterAlternative
			}
			// Its hint is measured with it in place of the promotions
			// it conflicts with, so a shop can show the best upsell.
			c.hintInstead(ex, pi, on)
		case ps.amount[pi] > 0 || ps.gift[pi] >= 0:
			ex.Status = Applied
			if p.r.kind == kThreshold {
				ex.Level = ps.level[pi]
			}
		default:
			ex.Status = NotApplicable
			switch p.r.kind {
			case kThreshold, kGift, kShipping, kIssue:
				ex.Reason = BelowThreshold
				if p.r.kind == kThreshold && c.thresholdReached(pi, nil) && !c.thresholdReached(pi, ps.items) {
					ex.Reason = BelowThresholdAfterItemDiscounts
				}
				if p.r.kind == kShipping && c.shipping == 0 {
					ex.Reason = NoSaving
				}
			default:
				switch {
				case c.savesAlone(pi, alone): // it would save alone: others took its units
					ex.Status, ex.Reason = NotChosen, BetterAlternative
				case p.r.kind == kNth || p.r.kind == kBuyGet || p.r.kind == kBundle:
					ex.Reason = NoSaving
					if short := c.unitsShort(pi); short > 0 {
						ex.Reason, ex.MissingQty = NoQualifyingUnits, short
					}
				case p.r.kind == kCombo:
					ex.Reason = NoQualifyingUnits
				default:
					ex.Reason, ex.Detail = NoSaving, c.pointsDetail(pi) // points.go: why no points were spent
				}
			}
		}
	}
	slices.SortFunc(res.Redemptions, func(a, b Redemption) int { return strings.Compare(a.PromotionID, b.PromotionID) })
}

// indexOn records, per line, the first promotion of on targeting it and
// the first exclusive one (-1 for none), for excluder.
func (c *ctx) indexOn(on []bool) {
	nl := len(c.lines)
	c.firstOn, c.firstOnExcl = reuse(c.firstOn, nl), reuse(c.firstOnExcl, nl)
	for li := range nl {
		c.firstOn[li], c.firstOnExcl[li] = -1, -1
	}
	for pi := len(on) - 1; pi >= 0; pi-- { // backwards: the first one wins
		if !on[pi] {
			continue
		}
		excl := c.e.promos[pi].p.Exclusive
		for _, li := range c.targets[pi] {
			c.firstOn[li] = int32(pi)
			if excl {
				c.firstOnExcl[li] = int32(pi)
			}
		}
	}
}

// excluder names the chosen promotion that excludes pi (which is off): the
// first in application order of its group, or exclusive and sharing a line
// with it, or sharing a line with it when pi is exclusive. It reads the
// per-line index of indexOn.
func (c *ctx) excluder(pi int, on []bool) string {
	p := &c.e.promos[pi]
	by := len(on)
	if p.p.Group != "" {
		for qi, v := range on {
			if v && qi != pi && c.e.promos[qi].p.Group == p.p.Group {
				by = qi
				break
			}
		}
	}
	first := c.firstOnExcl
	if p.p.Exclusive {
		first = c.firstOn
	}
	for _, li := range c.targets[pi] {
		if q := int(first[li]); q >= 0 && q != pi && q < by {
			by = q
		}
	}
	if by == len(on) {
		return ""
	}
	return c.e.promos[by].p.ID
}

func isThreshold(r *rule) bool {
	return r.kind == kThreshold || r.kind == kGift || r.kind == kShipping || r.kind == kIssue
}

// explainInstead explains a threshold promotion that was left out and
// would give nothing even alone: below threshold, with what is missing
// measured in the chosen combination with pi in place of the promotions it
// conflicts with.
func (c *ctx) explainInstead(ex *Explanation, pi int, chosen []bool) {
	ex.Status, ex.Reason, ex.Amount = NotApplicable, BelowThreshold, pricing.Money{}
	if c.e.promos[pi].r.kind == kShipping && c.shipping == 0 {
		ex.Reason = NoSaving
	}
	c.hintInstead(ex, pi, chosen)
}

// hintInstead sets the hint of promotion pi, which is off, measured in the
// chosen combination with pi in place of the promotions it conflicts with;
// no hint when no work is left to measure it.
func (c *ctx) hintInstead(ex *Explanation, pi int, chosen []bool) {
	ex.MissingAmount, ex.MissingQty, ex.NextReward = pricing.Money{}, 0, pricing.Money{}
	if !isThreshold(&c.e.promos[pi].r) {
		return
	}
	c.hintOn = append(c.hintOn[:0], chosen...)
	on := c.hintOn
	c.dropConflicts(on, pi)
	on[pi] = true
	if c.hintDirect(ex, pi, on, chosen) {
		return
	}
	ps := c.probe
	if !c.afford(c.passCost(on)) {
		return // no work left to measure what is missing
	}
	c.evaluate(ps, on)
	c.hint(ex, ps, pi)
}

// hintDirect sets the hint of threshold or gift promotion pi, left out of
// the chosen combination, without a pass when on (chosen with pi in place
// of its conflicts) has the same item layer and pi's base is not the
// running total: then pi's base is the final pass's, after items or at
// list price, whatever order promotions run. It reports whether it did.
func (c *ctx) hintDirect(ex *Explanation, pi int, on, chosen []bool) bool {
	r := &c.e.promos[pi].r
	ps := c.final
	if r.base == BaseRunningTotal || r.kind == kShipping || len(ps.items) != len(ps.price) ||
		!slices.Equal(on[:c.nItem], chosen[:c.nItem]) || !c.afford(c.tunits[pi]+1) {
		return false
	}
	c.charge(c.tunits[pi] + 1) // base: one step per targeted unit
	_, measure, qty := c.base(ps, pi)
	missing, next := int64(-1), int64(-1)
	switch {
	case r.kind == kThreshold && r.basis == ByQuantity:
		missing, next = thresholdHint(r, qty)
	case r.kind == kThreshold:
		missing, next = thresholdHint(r, measure)
	default: // a gift
		min := r.minAmount
		if r.minQty > 0 {
			measure, min = qty, r.minQty
		}
		if min > 0 && measure < min {
			missing = min - measure
		}
	}
	c.setHint(ex, pi, missing, next)
	return true
}

// hint sets ex's MissingAmount or MissingQty and NextReward from pass ps,
// in which promotion pi was on.
func (c *ctx) hint(ex *Explanation, ps *pass, pi int) {
	c.setHint(ex, pi, ps.missing[pi], ps.next[pi])
}

// setHint sets ex's MissingAmount or MissingQty (missing, when positive)
// and NextReward (next, when positive).
func (c *ctx) setHint(ex *Explanation, pi int, missing, next int64) {
	if missing <= 0 {
		return
	}
	if r := &c.e.promos[pi].r; r.basis == ByQuantity || r.minQty > 0 {
		ex.MissingQty = missing
	} else {
		ex.MissingAmount = c.moneyOf(missing)
	}
	if next > 0 {
		ex.NextReward = c.moneyOf(next)
	}
}

// dropConflicts turns off the promotions of on that conflict with pi: its
// group's members, and those sharing a line with it when either is
// exclusive. It marks pi's lines instead of comparing line lists.
func (c *ctx) dropConflicts(on []bool, pi int) {
	p := &c.e.promos[pi]
	c.lineOn = reuse(c.lineOn, len(c.lines)) // a per-line scratch: the search is over
	mark := c.lineOn
	for _, li := range c.targets[pi] {
		mark[li] = -1
	}
	for qi, v := range on {
		if !v || qi == pi {
			continue
		}
		q := &c.e.promos[qi]
		if p.p.Group != "" && q.p.Group == p.p.Group {
			on[qi] = false
			continue
		}
		if !p.p.Exclusive && !q.p.Exclusive {
			continue
		}
		for _, li := range c.targets[qi] {
			if mark[li] == -1 {
				on[qi] = false
				break
			}
		}
	}
	for _, li := range c.targets[pi] {
		mark[li] = 0
	}
}

// savesAlone reports whether promotion pi saves anything on the cart by
// itself: measured during the choice for choice points, measured here for
// the others.
func (c *ctx) savesAlone(pi int, alone []int64) bool {
	if alone[pi] > 0 {
		return true
	}
	ps := c.probe
	on := make([]bool, len(c.e.promos))
	on[pi] = true
	if !c.afford(c.passCost(on)) {
		return false // no work left to measure it
	}
	c.evaluate(ps, on)
	return c.saving(ps) > 0
}

// thresholdReached reports whether threshold pi's first tier (or step) is
// reached at the given unit prices, or at the cart's original prices when
// prices is nil.
func (c *ctx) thresholdReached(pi int, prices []int64) bool {
	r := &c.e.promos[pi].r
	if r.basis == ByQuantity || r.base == BaseListPrice {
		return false
	}
	var amount int64 // ≤ the subtotal ≤ MaxMinorUnits
	for _, li := range c.targets[pi] {
		if prices == nil {
			amount += c.lines[li].price * int64(c.first[li+1]-c.first[li]) // ≤ the line's total
			continue
		}
		for u := c.first[li]; u < c.first[li+1]; u++ {
			amount += prices[u]
		}
	}
	if r.every != nil {
		return amount >= r.every.size
	}
	return len(r.tiers) > 0 && amount >= r.tiers[0].min
}

// unitsShort is how many more targeted units an item group promotion
// needs for its first group, 0 when it has enough.
func (c *ctx) unitsShort(pi int) int64 {
	r := &c.e.promos[pi].r
	have := c.tunits[pi]
	need := r.n
	if r.kind == kBuyGet {
		need = r.buyQty
		if r.get == nil {
			need = satAdd(need, partialGet(r))
		}
	}
	return max(need-have, 0)
}

// better orders two selections by the tie-breaks: larger saving, then
// fewer promotions, then higher priorities, then smaller IDs.
func (c *ctx) better(sa int64, a []bool, sb int64, b []bool) bool {
	if sa != sb {
		return sa > sb
	}
	na, nb := 0, 0
	for i := range a {
		na += int(b2i(a[i]))
		nb += int(b2i(b[i]))
	}
	if na != nb {
		return na < nb
	}
	// Indices are in application order (priority descending, then ID), so
	// comparing the two index lists lexicographically compares priorities,
	// then IDs: the first position where the sets differ decides, the set
	// holding it having the smaller index there.
	for i := range a {
		if a[i] != b[i] {
			return a[i]
		}
	}
	return false
}
