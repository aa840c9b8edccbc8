package promo

import (
	"fmt"
	"strconv"
	"time"

	"github.com/opskit/opskit/internal/checked"
	"github.com/opskit/opskit/pricing"
)

// backtestTally accumulates a backtest in minor units.
type backtestTally struct {
	e       *Engine
	near    int64
	index   map[string]int // promotion ID → position in e.promos
	orders  int64
	invalid int64
	errs    []string
	// gmv, discount, shipping waived, costed subtotal, cost, costed paid
	gmv, discount, waived, costedSub, cost, costedPaid int64
	promos                                             []promoTally
	depth                                              [12]int64
	ok                                                 bool // false once a sum overflowed
	usage                                              map[string]Usage
}

// promoTally is one promotion's part, in minor units.
type promoTally struct {
	applied, amount, coupons, capped, near, gap, spent int64
	levels                                             []int64
	byCustomer                                         map[string]int64
	out                                                time.Time
}

func (e *Engine) newTally(near int64) *backtestTally {
	t := &backtestTally{e: e, near: near, index: make(map[string]int, len(e.promos)), promos: make([]promoTally, len(e.promos)), ok: true}
	for i := range e.promos {
		t.index[e.promos[i].p.ID] = i
	}
	return t
}

// acc adds v to *sum, checked.
func (t *backtestTally) acc(sum *int64, v int64) {
	s, ok := checked.Add(*sum, v)
	*sum, t.ok = s, t.ok && ok
}

// minor is m in minor units, 0 for the zero Money (results are within
// the engine's limits).
func minorOrZero(m pricing.Money) int64 {
	if !m.IsValid() {
		return 0
	}
	v, _ := m.MinorUnits()
	return v
}

// replay evaluates the orders at the positions idx, in that order;
// counting usage when limited (a sequential replay).
func (t *backtestTally) replay(orders []Cart, idx []int, limited bool) error {
	for _, i := range idx {
		c := orders[i]
		c.Usage = nil
		if limited {
			c.Usage = t.usageFor(&c)
		}
		res, err := t.e.Evaluate(c)
		if err != nil {
			t.invalid++
			if len(t.errs) < maxInvalidErrors {
				t.errs = append(t.errs, "orders["+strconv.Itoa(i)+"]: "+err.Error())
			}
			continue
		}
		t.order(&c, &res)
		if !t.ok {
			return &FieldError{Op: opBacktest, Field: "orders", Value: strconv.Itoa(len(orders)), Err: ErrTooLarge,
				Detail: fmt.Sprintf("a sum passed int64 at orders[%d]", i)}
		}
	}
	return nil
}

// usageFor builds the usage of the limited promotions for cart c.
func (t *backtestTally) usageFor(c *Cart) map[string]Usage {
	if t.usage == nil {
		t.usage = map[string]Usage{}
	}
	for i := range t.e.promos {
		l := &t.e.promos[i].p.Limits
		if l.Total == 0 && l.PerCustomer == 0 && !l.Budget.IsValid() {
			continue
		}
		pt := &t.promos[i]
		u := Usage{Total: pt.applied}
		if c.Customer.ID != "" {
			u.ByCustomer = pt.byCustomer[c.Customer.ID]
		}
		if l.Budget.IsValid() {
			u.BudgetSpent, _ = pricing.NewFromMinor(pt.spent, t.e.currency)
		}
		t.usage[t.e.promos[i].p.ID] = u
	}
	return t.usage
}

// order adds one evaluated order.
func (t *backtestTally) order(c *Cart, res *Result) {
	t.orders++
	sub := minorOrZero(res.Subtotal)
	disc := minorOrZero(res.ItemDiscount) + minorOrZero(res.OrderDiscount) // both at most the subtotal
	t.acc(&t.gmv, sub)
	t.acc(&t.discount, disc)
	t.acc(&t.waived, minorOrZero(res.ShippingBefore)-minorOrZero(res.ShippingAfter))
	for li := range res.Lines {
		l := &c.Lines[li]
		if !l.Cost.IsValid() {
			continue
		}
		cost := minorOrZero(l.Cost) * l.Qty // the cart validated: within MaxMinorUnits × MaxUnits
		t.acc(&t.costedSub, minorOrZero(res.Lines[li].Before))
		t.acc(&t.cost, cost)
		t.acc(&t.costedPaid, minorOrZero(res.Lines[li].After))
	}
	t.depth[depthBucket(disc, sub)]++
	for _, r := range res.Redemptions {
		pi, ok := t.index[r.PromotionID]
		if !ok {
			continue
		}
		pt := &t.promos[pi]
		pt.applied++
		amt := minorOrZero(r.Amount)
		t.acc(&pt.amount, amt)
		if r.Coupon != "" {
			pt.coupons++
		}
		if c.Customer.ID != "" && t.e.promos[pi].p.Limits.PerCustomer > 0 {
			if pt.byCustomer == nil {
				pt.byCustomer = map[string]int64{}
			}
			pt.byCustomer[c.Customer.ID]++
		}
		if t.e.promos[pi].p.Limits.Budget.IsValid() {
			t.acc(&pt.spent, amt)
			if pt.out.IsZero() && pt.spent >= t.e.promos[pi].budget {
				pt.out = c.At
			}
		}
	}
	for _, ex := range res.Explanations {
		pi, ok := t.index[ex.PromotionID]
		if !ok {
			continue
		}
		pt := &t.promos[pi]
		if ex.Capped.IsPositive() {
			pt.capped++
		}
		if ex.Level > 0 {
			pt.level(ex.Level)
		}
		if m := minorOrZero(ex.MissingAmount); m > 0 && m < t.near {
			pt.near++
			t.acc(&pt.gap, m)
		}
	}
}

// level counts an order at level l (≥ 1), the last entry holding every
// level from MaxBacktestLevels up.
func (pt *promoTally) level(l int64) {
	k := int(min(l, MaxBacktestLevels))
	for len(pt.levels) < k {
		pt.levels = append(pt.levels, 0)
	}
	pt.levels[k-1]++
}

// depthBucket is the bucket of an order's discount share d/sub: 0 for no
// discount, k for ((k−1)·5 %, k·5 %], 11 above 50 %.
func depthBucket(d, sub int64) int {
	if d <= 0 { // d ≤ sub, so sub > 0 below
		return 0
	}
	for k := int64(1); k <= 10; k++ {
		if d*20 <= sub*k { // d ≤ sub ≤ MaxMinorUnits: no overflow
			return int(k)
		}
	}
	return 11
}

// add adds tally o, which replayed later orders, to t.
func (t *backtestTally) add(o *backtestTally) error {
	t.orders += o.orders
	t.invalid += o.invalid
	for _, e := range o.errs {
		if len(t.errs) < maxInvalidErrors {
			t.errs = append(t.errs, e)
		}
	}
	for _, p := range [...][2]*int64{{&t.gmv, &o.gmv}, {&t.discount, &o.discount}, {&t.waived, &o.waived},
		{&t.costedSub, &o.costedSub}, {&t.cost, &o.cost}, {&t.costedPaid, &o.costedPaid}} {
		t.acc(p[0], *p[1])
	}
	for i := range t.depth {
		t.depth[i] += o.depth[i]
	}
	for i := range t.promos {
		a, b := &t.promos[i], &o.promos[i]
		a.applied += b.applied
		a.coupons += b.coupons
		a.capped += b.capped
		a.near += b.near
		for k, n := range b.levels {
			for len(a.levels) <= k {
				a.levels = append(a.levels, 0)
			}
			a.levels[k] += n
		}
		t.acc(&a.amount, b.amount)
		t.acc(&a.gap, b.gap)
	}
	if !t.ok {
		return &FieldError{Op: opBacktest, Field: "orders", Err: ErrTooLarge, Detail: "a sum passed int64"}
	}
	return nil
}

// report converts the tally to money.
func (t *backtestTally) report() (BacktestReport, error) {
	cur := t.e.currency
	var bad error
	money := func(v int64) pricing.Money {
		m, err := pricing.NewFromMinor(v, cur)
		if err != nil && bad == nil {
			bad = &FieldError{Op: opBacktest, Field: "orders", Err: ErrTooLarge, Detail: err.Error()}
		}
		return m
	}
	r := BacktestReport{Orders: t.orders, Invalid: t.invalid, InvalidErrors: t.errs,
		GMV: money(t.gmv), Discount: money(t.discount), ShippingWaived: money(t.waived),
		CostedSubtotal: money(t.costedSub), Cost: money(t.cost)}
	if t.gmv > 0 {
		r.DiscountShare = float64(t.discount) / float64(t.gmv)
	}
	mb, ok1 := checked.Sub(t.costedSub, t.cost)
	ma, ok2 := checked.Sub(t.costedPaid, t.cost)
	if !ok1 || !ok2 {
		return BacktestReport{}, &FieldError{Op: opBacktest, Field: "orders", Err: ErrTooLarge, Detail: "a margin passed int64"}
	}
	r.MarginBefore, r.MarginAfter = money(mb), money(ma)
	r.Promotions = make([]PromotionOutcome, len(t.promos))
	for i := range t.promos {
		pt := &t.promos[i]
		o := PromotionOutcome{PromotionID: t.e.promos[i].p.ID, Applied: pt.applied, Amount: money(pt.amount), Coupons: pt.coupons,
			Capped: pt.capped, Levels: pt.levels, NearMisses: pt.near, NearMissGap: money(pt.gap), BudgetOut: pt.out}
		if t.e.promos[i].p.Limits.Budget.IsValid() {
			o.BudgetSpent = money(pt.spent)
		}
		r.Promotions[i] = o
	}
	r.Depth = make([]DepthBucket, len(t.depth))
	for k := range t.depth {
		b := DepthBucket{Orders: t.depth[k]}
		switch {
		case k == 0:
			zero := 0.0
			b.To = &zero
		case k <= 10:
			b.From = float64(k-1) * 0.05
			to := float64(k) * 0.05
			b.To = &to
		default:
			b.From = 0.5
		}
		r.Depth[k] = b
	}
	return r, bad
}
