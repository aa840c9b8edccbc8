package promo

import (
	"fmt"
	"reflect"
	"slices"
	"time"

	"github.com/opskit/opskit/internal/civil"
	"github.com/opskit/opskit/pricing"
)

// promotion runs the per-promotion findings on promotion i.
func (k *checker) promotion(i int) {
	p := &k.c.Promotions[i]
	a, ok := derefAction(p.Action)
	if k.cfg.floor.HasRules() && p.Campaign != "" && !k.cfg.floor.KnowsCampaign(p.Campaign) {
		k.add(i, FindingUnknownCampaign, SeverityError, at(i, "campaign"), k.id(i),
			"campaign %q is unknown to the floor policy, which knows %v", p.Campaign, k.cfg.floor.Campaigns())
	}
	k.neverOpens(i)
	if !ok {
		return
	}
	switch a := a.(type) {
	case Threshold:
		k.tiers(i, a)
	case BuyXGetY:
		if a.Get != nil {
			k.selector(i, "action.get", a.Get)
		}
	case Combo:
		for j := range a.Parts {
			k.selector(i, fmt.Sprintf("action.parts[%d].items", j), &a.Parts[j].Items)
		}
	case Gift:
		k.gifts(i, a)
	case FreeShipping:
		k.shipping(i, a)
	}
	if k.matches != nil && len(k.matches[i]) == 0 {
		k.add(i, FindingMatchesNothing, SeverityWarning, at(i, "target"), k.id(i),
			"the target matches none of the catalog's %d items", len(k.catalog))
	}
	k.budget(i, a)
}

// selector reports a selector of an action that matches no catalog item.
func (k *checker) selector(i int, field string, s *Selector) {
	if len(k.catalog) > 0 && !k.matchesAny(s) {
		k.add(i, FindingMatchesNothing, SeverityWarning, at(i, field), k.id(i),
			"the selector matches none of the catalog's %d items", len(k.catalog))
	}
}

// reward is what a tier gives: an amount off (minor units) or a rate off
// (in 1/rateScale); off < 0 means a rate.
type reward struct{ off, rate int64 }

// tierReward reads tier t of a threshold; ok is false when it does not
// validate (reported as invalid).
func (k *checker) tierReward(t Tier) (reward, bool) {
	if t.Off.IsValid() {
		off, err := minorOf("", t.Off, k.c.Currency)
		return reward{off: off, rate: -1}, err == nil
	}
	r, err := offUnits("", t.Rate)
	return reward{off: -1, rate: r}, err == nil
}

// tierMin reads a tier's minimum for the basis.
func (k *checker) tierMin(b Basis, t Tier) (int64, bool) {
	if b == ByQuantity {
		return t.MinQty, t.MinQty > 0
	}
	m, err := minorOf("", t.MinAmount, k.c.Currency)
	return m, err == nil && m > 0
}

// atLeast reports whether reward x gives at least reward y at every
// measure in [lo, hi) (hi < 0: unbounded): amounts against amounts, rates
// against rates, and, by amount, a rate against an amount from lo up.
func atLeast(x, y reward, b Basis, lo, hi int64) bool {
	switch {
	case x.off >= 0 && y.off >= 0:
		return x.off >= y.off
	case x.rate >= 0 && y.rate >= 0:
		return x.rate >= y.rate
	case b == ByQuantity:
		return false // a rate's value depends on the amount, not the count
	case x.rate >= 0: // x a rate of the amount, y an amount: from lo on
		return x.rate*lo >= y.off*rateScale
	default: // x an amount, y a rate: up to hi
		return hi >= 0 && x.off*rateScale >= y.rate*(hi-1)
	}
}

// tiers reports tiers out of order and tiers that give no more than the
// tier below.
func (k *checker) tiers(i int, a Threshold) {
	for j := 1; j < len(a.Tiers); j++ {
		path := fmt.Sprintf("action.tiers[%d]", j)
		lo, ok1 := k.tierMin(a.Basis, a.Tiers[j-1])
		hi, ok2 := k.tierMin(a.Basis, a.Tiers[j])
		if !ok1 || !ok2 {
			continue
		}
		if hi <= lo {
			k.add(i, FindingTiersOutOfOrder, SeverityError, at(i, path), k.id(i),
				"tier %d starts at %s, not above tier %d's %s", j, k.measure(a.Basis, hi), j-1, k.measure(a.Basis, lo))
			continue
		}
		prev, ok1 := k.tierReward(a.Tiers[j-1])
		cur, ok2 := k.tierReward(a.Tiers[j])
		if ok1 && ok2 && atLeast(prev, cur, a.Basis, hi, -1) {
			k.add(i, FindingTierNotBetter, SeverityWarning, at(i, path), k.id(i),
				"tier %d (from %s) gives no more than tier %d on every cart that reaches it", j, k.measure(a.Basis, hi), j-1)
		}
	}
}

// measure renders a threshold's minimum: an amount or a count.
func (k *checker) measure(b Basis, v int64) string {
	if b == ByQuantity {
		return fmt.Sprintf("%d units", v)
	}
	return k.money(v).String()
}

// gifts reports gift SKUs that are not in the catalog.
func (k *checker) gifts(i int, a Gift) {
	if len(k.catalog) == 0 {
		return
	}
	for j, o := range a.Options {
		if !slices.ContainsFunc(k.catalog, func(it CatalogItem) bool { return it.SKU == o.SKU }) {
			k.add(i, FindingGiftNotInCatalog, SeverityWarning, at(i, fmt.Sprintf("action.options[%d].sku", j)), k.id(i),
				"gift SKU %q is not in the catalog", o.SKU)
		}
	}
}

// cheapest returns the lowest list price among the items promotion i
// targets, in minor units; ok is false when none has one.
func (k *checker) cheapest(i int) (int64, bool) {
	best, ok := int64(0), false
	for _, j := range k.matches[i] {
		lp := k.catalog[j].ListPrice
		if !lp.IsValid() {
			return 0, false // an item of unknown price: no bound
		}
		v, err := minorOf("", lp, k.c.Currency)
		if err != nil {
			return 0, false
		}
		if !ok || v < best {
			best, ok = v, true
		}
	}
	return best, ok
}

// shipping reports a free-shipping threshold any one targeted unit meets.
func (k *checker) shipping(i int, a FreeShipping) {
	if k.matches == nil || len(k.matches[i]) == 0 {
		return
	}
	switch {
	case a.MinQty == 1:
		k.add(i, FindingShippingAlwaysFree, SeverityInfo, at(i, "action.min_qty"), k.id(i),
			"a threshold of 1 unit is met by every cart with a targeted item")
	case a.MinAmount.IsValid():
		minimum, err := minorOf("", a.MinAmount, k.c.Currency)
		low, ok := k.cheapest(i)
		if err == nil && ok && minimum > 0 && minimum <= low {
			k.add(i, FindingShippingAlwaysFree, SeverityInfo, at(i, "action.min_amount"), k.id(i),
				"the threshold %s is met by any one targeted unit (the cheapest lists at %s)",
				a.MinAmount, k.money(low))
		}
	}
}

// leastReward returns the least discount one redemption of the action
// gives, in minor units, where the action and catalog bound it.
func (k *checker) leastReward(i int, a Action) (int64, bool) {
	switch a := a.(type) {
	case Threshold:
		if a.Every != nil {
			off, err := minorOf("", a.Every.Off, k.c.Currency)
			return off, err == nil
		}
		least, ok := int64(0), false
		for _, t := range a.Tiers {
			r, rok := k.tierReward(t)
			m, mok := k.tierMin(a.Basis, t)
			if !rok || !mok || r.off < 0 && a.Basis == ByQuantity {
				return 0, false // a rate by count: no least amount
			}
			v := r.off
			if r.off < 0 {
				v = m * r.rate / rateScale // a rate at the tier's minimum, rounded down
			}
			if !ok || v < least {
				least, ok = v, true
			}
		}
		return least, ok
	case AmountOff:
		off, err := minorOf("", a.Amount, k.c.Currency)
		if err != nil || k.matches == nil {
			return 0, false
		}
		low, ok := k.cheapest(i)
		return min(off, low), ok
	case FreeShipping:
		off, err := minorOf("", a.Off, k.c.Currency)
		return off, err == nil && off > 0
	}
	return 0, false
}

// budget reports a budget smaller than the least one redemption gives.
func (k *checker) budget(i int, a Action) {
	p := &k.c.Promotions[i]
	if !p.Limits.Budget.IsValid() {
		return
	}
	b, err := minorOf("", p.Limits.Budget, k.c.Currency)
	least, ok := k.leastReward(i, a)
	if err == nil && ok && b < least {
		k.add(i, FindingBudgetBelowRedemption, SeverityWarning, at(i, "limits.budget"), k.id(i),
			"the budget %s is less than the least one redemption gives (%s): the first use exhausts it",
			p.Limits.Budget, k.money(least))
	}
}

// neverOpens reports a promotion that cannot apply at any instant of the
// checked period: its window misses the period, or its schedule never
// opens in the part of the period the window leaves.
func (k *checker) neverOpens(i int) {
	per := k.cfg.period
	if per.start.IsZero() {
		return
	}
	p := &k.c.Promotions[i]
	from, to := per.start, per.end
	if !p.Start.IsZero() && p.Start.After(from) {
		from = p.Start
	}
	if !p.End.IsZero() && p.End.Before(to) {
		to = p.End
	}
	if !to.After(from) {
		k.add(i, FindingNeverOpens, SeverityWarning, at(i, "start"), k.id(i),
			"the validity window does not meet the period %s to %s", per.start.Format(time.RFC3339), per.end.Format(time.RFC3339))
		return
	}
	s := p.Schedule
	if s == nil || s.TimeZone == nil || s.validate("") != nil {
		return
	}
	if !s.opensIn(from, to) {
		k.add(i, FindingNeverOpens, SeverityWarning, at(i, "schedule"), k.id(i),
			"the schedule never opens between %s and %s", from.Format(time.RFC3339), to.Format(time.RFC3339))
	}
}

// opensIn reports whether the schedule contains an instant of [from, to).
// A week of days decides it: the pattern repeats weekly, so the first
// eight local days from from cover every weekday and hour range.
func (s *Schedule) opensIn(from, to time.Time) bool {
	hours := s.Hours
	if len(hours) == 0 {
		hours = []ClockRange{{Start: 0, End: civil.SecondsPerDay}}
	}
	d := civil.DateOf(from, s.TimeZone)
	for n := 0; n < 8; n++ {
		day := d.AddDays(n)
		if !day.At(0, s.TimeZone).Before(to) {
			return false
		}
		if len(s.Weekdays) > 0 && !slices.Contains(s.Weekdays, day.Weekday()) {
			continue
		}
		for _, h := range hours {
			a, b := day.At(h.Start, s.TimeZone), day.At(h.End, s.TimeZone)
			if a.Before(to) && b.After(from) {
				return true
			}
		}
	}
	return false
}

// shape is what two coupons must share for one to dominate the other on
// every cart: who, when, where, on what, and how they combine.
func sameShape(a, b *Promotion) bool {
	return a.Group == b.Group && a.Exclusive == b.Exclusive && a.Stackable == b.Stackable &&
		a.Campaign == b.Campaign && a.Start.Equal(b.Start) && a.End.Equal(b.End) &&
		reflect.DeepEqual(a.Schedule, b.Schedule) && slices.Equal(a.Channels, b.Channels) &&
		reflect.DeepEqual(a.Conditions, b.Conditions) && reflect.DeepEqual(a.Target, b.Target)
}

// noStricter reports whether limits x allow at least every use limits y
// allow: no count or budget limit that y does not have or has larger.
func noStricter(x, y Limits) bool {
	looser := func(a, b int64) bool { return a == 0 || b != 0 && a >= b }
	if !looser(x.Total, y.Total) || !looser(x.PerCustomer, y.PerCustomer) {
		return false
	}
	if !x.Budget.IsValid() {
		return true
	}
	if !y.Budget.IsValid() {
		return false
	}
	return atLeastMoney(x.Budget, y.Budget)
}

// atLeastMoney reports x >= y (false across currencies).
func atLeastMoney(x, y pricing.Money) bool {
	c, err := x.Cmp(y)
	return err == nil && c >= 0
}

// money is v minor units in the campaign's currency.
func (k *checker) money(v int64) pricing.Money {
	m, _ := pricing.NewFromMinor(v, k.c.Currency) // v came from minorOf: within limits
	return m
}

// maxDominanceGroup bounds the coupons of one group compared pairwise.
const maxDominanceGroup = 500

// dominated reports coupons another coupon of the same group beats on
// every cart. Groups larger than maxDominanceGroup coupons are compared
// only to their neighbours in promotion order.
func (k *checker) dominated() {
	groups := map[string][]int{}
	var names []string
	for i := range k.c.Promotions {
		p := &k.c.Promotions[i]
		if p.Coupon == "" || p.Group == "" {
			continue
		}
		if _, ok := groups[p.Group]; !ok {
			names = append(names, p.Group)
		}
		groups[p.Group] = append(groups[p.Group], i)
	}
	for _, g := range names {
		members := groups[g]
		for x, i := range members {
			for y, j := range members {
				if i == j || len(members) > maxDominanceGroup && y != x-1 && y != x+1 {
					continue
				}
				if k.dominates(j, i) && (!k.dominates(i, j) || j < i) {
					k.add(i, FindingDominatedCoupon, SeverityWarning, at(i, "coupon"), []string{k.c.Promotions[i].ID, k.c.Promotions[j].ID},
						"coupon %q gives no more than coupon %q of the same group %q on every cart, so it is never the better pick",
						k.c.Promotions[i].Coupon, k.c.Promotions[j].Coupon, g)
					break
				}
			}
		}
	}
}

// dominates reports whether promotion j gives at least what promotion i
// gives on every cart where i applies.
func (k *checker) dominates(j, i int) bool {
	pj, pi := &k.c.Promotions[j], &k.c.Promotions[i]
	if !sameShape(pj, pi) || !noStricter(pj.Limits, pi.Limits) {
		return false
	}
	aj, ok1 := derefAction(pj.Action)
	ai, ok2 := derefAction(pi.Action)
	if !ok1 || !ok2 {
		return false
	}
	cur := k.c.Currency
	switch x := aj.(type) {
	case PercentOff:
		y, ok := ai.(PercentOff)
		rx, err1 := offUnits("", x.Rate)
		ry, err2 := offUnits("", y.Rate)
		capOK := !x.Cap.IsValid() || y.Cap.IsValid() && atLeastMoney(x.Cap, y.Cap)
		return ok && err1 == nil && err2 == nil && x.Scope == y.Scope && rx >= ry && capOK
	case AmountOff:
		y, ok := ai.(AmountOff)
		ox, err1 := minorOf("", x.Amount, cur)
		oy, err2 := minorOf("", y.Amount, cur)
		return ok && err1 == nil && err2 == nil && x.Scope == y.Scope && ox >= oy
	case Threshold:
		y, ok := ai.(Threshold)
		return ok && k.thresholdDominates(x, y)
	}
	return false
}

// thresholdDominates reports whether tiered threshold x gives at least
// what y gives at every measure: on each interval between consecutive
// tier minimums of either, x's reached tier against y's.
func (k *checker) thresholdDominates(x, y Threshold) bool {
	if x.Basis != y.Basis || x.Every != nil || y.Every != nil || x.Base != y.Base ||
		len(x.Tiers) == 0 || len(y.Tiers) == 0 {
		return false
	}
	type tier struct {
		min int64
		r   reward
	}
	read := func(a Threshold) ([]tier, bool) {
		out := make([]tier, len(a.Tiers))
		for n, t := range a.Tiers {
			m, ok1 := k.tierMin(a.Basis, t)
			r, ok2 := k.tierReward(t)
			if !ok1 || !ok2 || n > 0 && m <= out[n-1].min {
				return nil, false
			}
			out[n] = tier{m, r}
		}
		return out, true
	}
	tx, ok1 := read(x)
	ty, ok2 := read(y)
	if !ok1 || !ok2 {
		return false
	}
	var points []int64
	for _, t := range ty {
		points = append(points, t.min)
	}
	for _, t := range tx {
		if t.min > ty[0].min {
			points = append(points, t.min)
		}
	}
	slices.Sort(points)
	points = slices.Compact(points)
	reached := func(ts []tier, v int64) int {
		n := -1
		for m, t := range ts {
			if t.min <= v {
				n = m
			}
		}
		return n
	}
	for n, lo := range points {
		hi := int64(-1)
		if n+1 < len(points) {
			hi = points[n+1]
		}
		a, b := reached(tx, lo), reached(ty, lo)
		if b < 0 {
			continue // y gives nothing here
		}
		if a < 0 || !atLeast(tx[a].r, ty[b].r, x.Basis, lo, hi) {
			return false
		}
	}
	return true
}

// priorities reports promotions with a priority that no other promotion
// of their layer shares a catalog item with.
func (k *checker) priorities() {
	if k.matches == nil {
		return
	}
	layers := make([]layer, len(k.c.Promotions))
	counts := map[layer][]int32{}
	for i := range k.c.Promotions {
		a, ok := derefAction(k.c.Promotions[i].Action)
		if !ok {
			continue
		}
		layers[i] = a.layer()
		c := counts[layers[i]]
		if c == nil {
			c = make([]int32, len(k.catalog))
			counts[layers[i]] = c
		}
		for _, j := range k.matches[i] {
			c[j]++
		}
	}
	for i := range k.c.Promotions {
		if k.c.Promotions[i].Priority == 0 || layers[i] == 0 {
			continue
		}
		c := counts[layers[i]]
		if !slices.ContainsFunc(k.matches[i], func(j int32) bool { return c[j] > 1 }) {
			k.add(i, FindingPriorityNoEffect, SeverityInfo, at(i, "priority"), k.id(i),
				"priority %d orders nothing: no other promotion of its layer targets an item it targets", k.c.Promotions[i].Priority)
		}
	}
}
