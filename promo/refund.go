package promo

import (
	"errors"
	"fmt"
	"slices"

	"github.com/opskit/opskit/pricing"
)

// ErrInvalidReturn: a return asks for a line the order does not have, more
// units than were bought, a negative quantity, or a result that does not
// belong to the cart.
var ErrInvalidReturn = errors.New("invalid return")

// GiftPolicy says what happens to a gift (赠品) whose threshold the kept
// part of an order no longer reaches.
type GiftPolicy uint8

const (
	// GiftReturned: the customer sends the gift back with the return; the
	// quote lists it in GiftsToReturn. The zero value.
	GiftReturned GiftPolicy = iota
	// GiftDeducted: the gift's declared Value is deducted from the refund.
	GiftDeducted
)

// RefundPolicy is how a refund (售后退款) treats promotions the kept part
// of the order no longer qualifies for.
type RefundPolicy struct {
	// Clawback deducts lost benefits (a 满减 tier, a 每满 count, free
	// shipping) from the refund. Without it the refund is what the
	// returned units paid.
	Clawback bool
	Gift     GiftPolicy
}

// RefundQuote is what a return refunds and why.
type RefundQuote struct {
	Lines []RefundLine
	// Paid is what the returned units paid (their UnitPaid); Clawback is
	// the benefit the kept units lose; Refund = Paid - Deducted, never
	// negative, where Deducted = min(Clawback, Paid) and Undeducted is the
	// rest of the clawback, which the caller may settle otherwise.
	Paid, Clawback, Deducted, Undeducted, Refund pricing.Money
	// Clawbacks explains the clawback by promotion.
	Clawbacks []Clawback
	// GiftsToReturn are the gifts the kept part no longer earns, under
	// [GiftReturned].
	GiftsToReturn []GiftLine
}

// RefundLine is the refund of one line's returned units, unit by unit.
type RefundLine struct {
	LineID string
	Qty    int64           // units returned
	Paid   []pricing.Money // what each returned unit paid
	Refund []pricing.Money // what each returned unit refunds after the deduction
}

// Clawback is one promotion's lost benefit on the kept units: what it gave
// them in the order (Before) and what it gives them now (After). Shipping
// and gifts appear under their promotions too.
type Clawback struct {
	PromotionID string
	Before      pricing.Money
	After       pricing.Money
	Amount      pricing.Money // Before - After
}

// Refund quotes a return: returned[lineID] units of the evaluated order res
// (the [Result] of [Engine.Evaluate] on cart, which the caller stored).
//
// Each line returns its lowest-paid units first (the half-price unit of a
// 第二件半价 pair, the free unit of a 买赠), later units first on a tie, and
// refunds what those units paid, so returning every unit of an order refunds
// exactly the sum of its lines (shipping is not refunded). With
// policy.Clawback, the kept units are priced again with the promotions the
// order used, at the order's time and usage: the increase in what they cost
// (a 满减 tier lost, free shipping lost, a gift lost under [GiftDeducted]) is
// the clawback, deducted from the refund and allocated over the returned
// units by largest remainder; it never makes the refund negative, and what
// cannot be deducted is reported. Known answer: lines 150.00 and 60.00 with
// 20% off the order (42.00) paid 168.00; returning the 150.00 line refunds
// 120.00.
//
// Errors: a cart or result in another currency, a result that does not
// match the cart's lines, an unknown line, a negative quantity or more
// units than bought ([ErrInvalidReturn]); the errors of Evaluate.
func (e Engine) Refund(cart Cart, res Result, returned map[string]int64, policy RefundPolicy) (RefundQuote, error) {
	if res.Currency != e.currency || cart.Currency != e.currency {
		return RefundQuote{}, fieldErr("result.currency", res.Currency.Code(), ErrInvalidReturn, "the engine's promotions are in %s", e.currency)
	}
	if len(res.Lines) != len(cart.Lines) {
		return RefundQuote{}, fieldErr("result.lines", fmt.Sprint(len(res.Lines)), ErrInvalidReturn, "the cart has %d lines", len(cart.Lines))
	}
	money := func(v int64) pricing.Money { m, _ := pricing.NewFromMinor(v, e.currency); return m }
	minor := func(m pricing.Money) int64 { v, _ := m.MinorUnits(); return v }
	for id, q := range returned {
		i := slices.IndexFunc(res.Lines, func(l LineResult) bool { return l.ID == id })
		switch {
		case i < 0:
			return RefundQuote{}, fieldErr("returned["+id+"]", "", ErrInvalidReturn, "no such line in the order")
		case q < 0 || q > res.Lines[i].Qty:
			return RefundQuote{}, fieldErr("returned["+id+"]", fmt.Sprint(q), ErrInvalidReturn, "must be between 0 and %d", res.Lines[i].Qty)
		}
	}
	var q RefundQuote
	kept := cart
	kept.Lines = nil
	keptPaid := minor(res.ShippingAfter)
	type unitRef struct{ line, unit int }
	var refunded []unitRef
	for li, l := range res.Lines {
		if cart.Lines[li].ID != l.ID || len(l.UnitPaid) != int(l.Qty) {
			return RefundQuote{}, fieldErr(fmt.Sprintf("result.lines[%d]", li), l.ID, ErrInvalidReturn, "does not match the cart")
		}
		order := returnOrder(l.UnitPaid, minor)
		r := returned[l.ID]
		back := order[:r]
		if r > 0 {
			rl := RefundLine{LineID: l.ID, Qty: r}
			for _, u := range back {
				rl.Paid = append(rl.Paid, l.UnitPaid[u])
				refunded = append(refunded, unitRef{li, u})
			}
			q.Lines = append(q.Lines, rl)
		}
		if rest := l.Qty - r; rest > 0 {
			kl := cart.Lines[li]
			kl.Qty = rest
			kept.Lines = append(kept.Lines, kl)
			for _, u := range order[r:] {
				keptPaid += minor(l.UnitPaid[u])
			}
		}
	}
	var paid int64
	for _, r := range refunded {
		paid += minor(res.Lines[r.line].UnitPaid[r.unit])
	}
	var claw int64
	if policy.Clawback && len(kept.Lines) > 0 && paid > 0 {
		var err error
		claw, err = e.clawback(kept, res, keptPaid, policy, &q)
		if err != nil {
			return RefundQuote{}, err
		}
	}
	deducted := min(claw, paid)
	q.Paid, q.Clawback, q.Deducted, q.Undeducted, q.Refund = money(paid), money(claw), money(deducted), money(claw-deducted), money(paid-deducted)
	// Spread the deduction over the returned units by what they paid.
	weights := make([]int64, len(refunded))
	for i, r := range refunded {
		weights[i] = minor(res.Lines[r.line].UnitPaid[r.unit])
	}
	cuts := make([]int64, len(refunded))
	if deducted > 0 {
		cuts, _ = pricing.AllocateMinor(deducted, weights)
	}
	k := 0
	for i := range q.Lines {
		for range q.Lines[i].Paid {
			q.Lines[i].Refund = append(q.Lines[i].Refund, money(weights[k]-cuts[k]))
			k++
		}
	}
	return q, nil
}

// returnOrder lists a line's unit indices in return order: lowest paid
// first, later units first on a tie.
func returnOrder(paid []pricing.Money, minor func(pricing.Money) int64) []int {
	order := make([]int, len(paid))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if pa, pb := minor(paid[a]), minor(paid[b]); pa != pb {
			if pa < pb {
				return -1
			}
			return 1
		}
		return b - a
	})
	return order
}

// clawback prices the kept lines again with only the promotions the order
// used and returns what the kept part now costs beyond what it paid.
func (e Engine) clawback(kept Cart, res Result, keptPaid int64, policy RefundPolicy, q *RefundQuote) (int64, error) {
	used := map[string]bool{}
	for _, r := range res.Redemptions {
		used[r.PromotionID] = true
	}
	sub := Engine{currency: e.currency, floor: e.floor, limit: e.limit, scratch: e.scratch}
	for _, p := range e.promos {
		if used[p.p.ID] {
			sub.promos = append(sub.promos, p)
		}
	}
	// Price the kept part again; only totals per promotion are needed.
	pl, err := sub.plan(&kept, false)
	if err != nil {
		return 0, err
	}
	defer sub.putCtx(pl.c)
	ps := pl.ps
	var goods int64
	for _, p := range ps.price {
		goods += p
	}
	minor := func(m pricing.Money) int64 { v, _ := m.MinorUnits(); return v }
	money := func(v int64) pricing.Money { m, _ := pricing.NewFromMinor(v, e.currency); return m }
	claw := goods + ps.fee - keptPaid
	// Explain by promotion: what each gave the kept units then and now.
	keptQty := map[string]int64{}
	for _, l := range kept.Lines {
		keptQty[l.ID] = l.Qty
	}
	before := map[string]int64{}
	for _, l := range res.Lines {
		n, ok := keptQty[l.ID]
		if !ok {
			continue
		}
		keep := returnOrder(l.UnitPaid, minor)[l.Qty-n:]
		for _, a := range l.Adjustments {
			for _, u := range keep {
				before[a.PromotionID] += minor(a.PerUnit[u])
			}
		}
	}
	after := map[string]int64{}
	gifted := map[string]bool{}
	for pi, cp := range sub.promos {
		if !pl.best[pi] {
			continue
		}
		after[cp.p.ID] = ps.amount[pi]
		gifted[cp.p.ID] = ps.gift[pi] >= 0
	}
	for _, ex := range res.Explanations {
		if ex.Kind == "free-shipping" && ex.Status == Applied {
			before[ex.PromotionID] = minor(ex.Amount)
		}
	}
	for _, g := range res.Gifts {
		if gifted[g.PromotionID] {
			continue
		}
		if policy.Gift == GiftDeducted && g.Value.IsValid() {
			claw += minor(g.Value)
			before[g.PromotionID] += minor(g.Value)
		} else {
			q.GiftsToReturn = append(q.GiftsToReturn, g)
		}
	}
	ids := make([]string, 0, len(before))
	for id := range before {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if d := before[id] - after[id]; d != 0 {
			q.Clawbacks = append(q.Clawbacks, Clawback{PromotionID: id, Before: money(before[id]), After: money(after[id]), Amount: money(d)})
		}
	}
	return max(claw, 0), nil
}
