package promo

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/opskit/opskit/pricing"
)

// ErrInvalidReturn: a return asks for a line the order does not have, more
// units than were bought, a negative quantity, or a stored result that does
// not belong to the cart or was altered (see [Engine.Refund]).
var ErrInvalidReturn = errors.New("promo: invalid return")

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

var giftPolicyNames = [...]string{"gift_returned", "gift_deducted"}

// MarshalText returns the policy's name in snake_case: "gift_returned" or
// "gift_deducted". An unknown policy is an error.
func (g GiftPolicy) MarshalText() ([]byte, error) {
	if int(g) >= len(giftPolicyNames) {
		return nil, &FieldError{Op: "marshal gift policy", Value: strconv.Itoa(int(g)), Err: ErrUnknownName}
	}
	return []byte(giftPolicyNames[g]), nil
}

// UnmarshalText reads a name written by [GiftPolicy.MarshalText]; any
// other text is an error.
func (g *GiftPolicy) UnmarshalText(b []byte) error {
	for i, n := range giftPolicyNames {
		if n == string(b) {
			*g = GiftPolicy(i)
			return nil
		}
	}
	return &FieldError{Op: "unmarshal gift policy", Value: strconv.Quote(clip(string(b))), Err: ErrUnknownName}
}

// RefundPolicy is how a refund (售后退款) treats promotions the kept part
// of the order no longer qualifies for.
type RefundPolicy struct {
	// Clawback deducts lost benefits (a 满减 tier, a 每满 count, free
	// shipping) from the refund. Without it the refund is what the
	// returned units paid.
	Clawback bool       `json:"clawback"`
	Gift     GiftPolicy `json:"gift"`
}

// RefundQuote is what a return refunds and why.
//
// Its JSON form has the snake_case names of the fields as keys
// (testdata/results/refund_quote.json), like [Result]'s.
type RefundQuote struct {
	Lines []RefundLine `json:"lines"`
	// Paid is what the returned units paid (their UnitPaid);
	// ClawbackTotal is the money the kept units lose in benefits (what
	// they cost now, shipping included, less what they paid; never
	// negative); Refund = Paid - Deducted, never
	// negative, where Deducted = min(ClawbackTotal, Paid) and Undeducted =
	// ClawbackTotal - Deducted ≥ 0 is the rest of the clawback, which the
	// caller may settle otherwise.
	Paid          pricing.Money `json:"paid,omitzero"`
	ClawbackTotal pricing.Money `json:"clawback_total,omitzero"`
	Deducted      pricing.Money `json:"deducted,omitzero"`
	Undeducted    pricing.Money `json:"undeducted,omitzero"`
	Refund        pricing.Money `json:"refund,omitzero"`
	// Clawbacks is the list that explains ClawbackTotal promotion by
	// promotion (gifts to return appear in it too).
	Clawbacks []Clawback `json:"clawbacks,omitempty"`
	// Points are the points the returned units paid with, given back
	// ([PointsRedemption]); Refund is the money only.
	Points int64 `json:"points,omitempty"`
	// DepositRefund is the presale deposits of the returned units given
	// back ([Presale] with Refundable), DepositKept those kept; neither is
	// part of Refund, which is what the units paid in the balance stage.
	DepositRefund pricing.Money `json:"deposit_refund,omitzero"`
	DepositKept   pricing.Money `json:"deposit_kept,omitzero"`
	// GiftsToReturn are the gifts the kept part no longer earns, under
	// [GiftReturned].
	GiftsToReturn []GiftLine `json:"gifts_to_return,omitempty"`
	// CouponsToRevoke are the coupons issued with the order ([IssueCoupon])
	// that the kept part no longer earns, under [GiftReturned]: the caller
	// voids them, or settles their value if they were used.
	CouponsToRevoke []IssuedCoupon `json:"coupons_to_revoke,omitempty"`
}

// RefundLine is the refund of one line's returned units, unit by unit.
type RefundLine struct {
	LineID string          `json:"line_id"`
	Qty    int64           `json:"qty"`    // units returned
	Paid   []pricing.Money `json:"paid"`   // what each returned unit paid
	Refund []pricing.Money `json:"refund"` // what each returned unit refunds after the deduction
}

// Clawback is one promotion's lost benefit on the kept units: what it gave
// them in the order (Before) and what it gives them now (After). Shipping
// and gifts appear under their promotions too.
type Clawback struct {
	PromotionID string        `json:"promotion_id"`
	Before      pricing.Money `json:"before,omitzero"`
	After       pricing.Money `json:"after,omitzero"`
	Amount      pricing.Money `json:"amount,omitzero"` // Before - After
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
// The stored result is checked against the cart before any of it is used,
// since it comes back from storage and may have been altered: the same
// currency as the cart and the engine; one line result per cart line with
// the same ID, quantity and unit price; for every unit a paid amount and,
// in every adjustment, a per-unit amount, each in the currency, rounded to
// the minor unit, non-negative and within [MaxMinorUnits]; per unit, the
// unit price minus its adjustments equal to what it paid; per line, the
// units summing to After and each adjustment's units to its Amount;
// adjustments only by the engine's promotions; shipping after promotions,
// free-shipping amounts and gift values rounded, non-negative and (for
// shipping) within the cart's fee. So no tampering can raise a refund above
// what the cart's prices allow. Every sum is checked arithmetic.
//
// Errors (Op "refund"): a cart the engine would not evaluate (the errors of
// [Cart.Validate]); a result that fails the checks above, an unknown line,
// a negative quantity or more units than bought ([ErrInvalidReturn]), with
// the field's path in the result ("result.lines[0].unit_paid[1]") or the
// return ("returned[\"a\"]").
func (e Engine) Refund(cart Cart, res Result, returned map[string]int64, policy RefundPolicy) (RefundQuote, error) {
	q, err := e.refund(cart, res, returned, policy)
	return q, withOp(opRefund, err)
}

func (e Engine) refund(cart Cart, res Result, returned map[string]int64, policy RefundPolicy) (RefundQuote, error) {
	if cart.Currency != e.currency {
		return RefundQuote{}, fieldErr("cart.currency", cart.Currency.Code(), ErrInvalidReturn, "the engine's promotions are in %s", e.currency)
	}
	if _, err := cart.prepare(&ctx{}); err != nil {
		return RefundQuote{}, err
	}
	if err := e.checkResult(&cart, &res); err != nil {
		return RefundQuote{}, err
	}
	if res.Currency != e.currency || cart.Currency != e.currency {
		return RefundQuote{}, fieldErr("result.currency", res.Currency.Code(), ErrInvalidReturn, "the engine's promotions are in %s", e.currency)
	}
	if len(res.Lines) != len(cart.Lines) {
		return RefundQuote{}, fieldErr("result.lines", fmt.Sprint(len(res.Lines)), ErrInvalidReturn, "the cart has %d lines", len(cart.Lines))
	}
	money := func(v int64) pricing.Money { m, _ := pricing.NewFromMinor(v, e.currency); return m }
	minor := func(m pricing.Money) int64 { v, _ := m.MinorUnits(); return v }
	// One pass over the order's lines (IDs unique: the cart was checked),
	// then the unknown IDs, the smallest reported, whatever the map's order.
	matched := 0
	for i := range res.Lines {
		l := &res.Lines[i]
		q, ok := returned[l.ID]
		if !ok {
			continue
		}
		matched++
		if q < 0 || q > l.Qty {
			return RefundQuote{}, fieldErr("returned["+strconv.Quote(l.ID)+"]", strconv.FormatInt(q, 10), ErrInvalidReturn, "must be between 0 and %d", l.Qty)
		}
	}
	if matched < len(returned) {
		ids := make(map[string]struct{}, len(res.Lines))
		for i := range res.Lines {
			ids[res.Lines[i].ID] = struct{}{}
		}
		unknown, found := "", false
		for id := range returned {
			if _, ok := ids[id]; !ok && (!found || id < unknown) {
				unknown, found = id, true
			}
		}
		return RefundQuote{}, fieldErr("returned["+strconv.Quote(unknown)+"]", "", ErrInvalidReturn, "no such line in the order")
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
	pairs := make([][2]int, len(refunded))
	for i, r := range refunded {
		paid += minor(res.Lines[r.line].UnitPaid[r.unit])
		pairs[i] = [2]int{r.line, r.unit}
	}
	q.Points = e.refundPoints(&res, pairs)         // points.go
	depBack, depKept := e.depositPaid(&res, pairs) // presale.go
	if depBack > 0 {
		q.DepositRefund = money(depBack)
	}
	if depKept > 0 {
		q.DepositKept = money(depKept)
	}
	var claw int64
	if policy.Clawback && len(kept.Lines) > 0 {
		var err error
		claw, err = e.clawback(kept, res, keptPaid, policy, &q)
		if err != nil {
			return RefundQuote{}, err
		}
	}
	deducted := min(claw, paid)
	q.Paid, q.ClawbackTotal, q.Deducted, q.Undeducted, q.Refund = money(paid), money(claw), money(deducted), money(claw-deducted), money(paid-deducted)
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

// checkResult checks a stored result against the (valid) cart: see Refund.
// Every amount is bounded by MaxMinorUnits and every count by MaxUnits
// before it is added, so the sums cannot overflow. Paths are built only for
// an error.
func (e *Engine) checkResult(cart *Cart, res *Result) error {
	bad := func(path, value, why string, args ...any) error {
		return fieldErr("result."+path, value, ErrInvalidReturn, why, args...)
	}
	badAmount := func(path string, m pricing.Money, sentinel error, why string) error {
		value := ""
		if m.IsValid() {
			value = m.String()
		}
		return fieldErr("result."+path, value, sentinel, why)
	}
	if res.Currency != e.currency {
		return bad("currency", res.Currency.Code(), "the cart and the engine are in %s", e.currency)
	}
	if len(res.Lines) != len(cart.Lines) {
		return bad("lines", strconv.Itoa(len(res.Lines)), "the cart has %d lines", len(cart.Lines))
	}
	known := make(map[string]bool, len(e.promos))
	for i := range e.promos {
		known[e.promos[i].p.ID] = true
	}
	line := func(li int) string { return "lines[" + strconv.Itoa(li) + "]" }
	adj := func(li, ai int) string { return line(li) + ".adjustments[" + strconv.Itoa(ai) + "]" }
	var perUnit []int64 // per unit of the line: unit price minus adjustments so far
	for li := range res.Lines {
		l, cl := &res.Lines[li], &cart.Lines[li]
		if l.ID != cl.ID {
			return bad(line(li)+".id", strconv.Quote(l.ID), "the cart's line %d is %q", li, cl.ID)
		}
		if l.Qty != cl.Qty {
			return bad(line(li)+".qty", strconv.FormatInt(l.Qty, 10), "the cart's line has %d units", cl.Qty)
		}
		if !l.UnitPrice.Equal(cl.UnitPrice) {
			return bad(line(li)+".unit_price", l.UnitPrice.String(), "the cart's line is at %s", cl.UnitPrice)
		}
		price, _ := cl.UnitPrice.MinorUnits() // valid: the cart was checked
		if int64(len(l.UnitPaid)) != l.Qty {
			return bad(line(li)+".unit_paid", strconv.Itoa(len(l.UnitPaid)), "want one amount per unit, %d", l.Qty)
		}
		perUnit = perUnit[:0]
		for range l.Qty { // at most MaxUnits in all: the cart was checked
			perUnit = append(perUnit, price)
		}
		for ai := range l.Adjustments {
			a := &l.Adjustments[ai]
			if !known[a.PromotionID] {
				return bad(adj(li, ai)+".promotion_id", strconv.Quote(a.PromotionID), "not a promotion of the engine")
			}
			total, why, sentinel := e.storedAmount(a.Amount)
			if why != "" {
				return badAmount(adj(li, ai)+".amount", a.Amount, sentinel, why)
			}
			if int64(len(a.PerUnit)) != l.Qty {
				return bad(adj(li, ai)+".per_unit", strconv.Itoa(len(a.PerUnit)), "want one amount per unit, %d", l.Qty)
			}
			var sum int64
			for u, m := range a.PerUnit {
				v, why, sentinel := e.storedAmount(m)
				if why == "" && v > perUnit[u] {
					sentinel, why = ErrInvalidReturn, "the unit's adjustments exceed its price"
				}
				if why != "" {
					return badAmount(adj(li, ai)+".per_unit["+strconv.Itoa(u)+"]", m, sentinel, why)
				}
				perUnit[u] -= v
				sum += v // at most Qty × MaxMinorUnits ≤ 10^18: no overflow
			}
			if sum != total {
				return bad(adj(li, ai)+".amount", a.Amount.String(), "the per-unit amounts sum to %s", e.money(sum))
			}
		}
		var paid int64
		for u, m := range l.UnitPaid {
			v, why, sentinel := e.storedAmount(m)
			if why == "" && v != perUnit[u] {
				sentinel, why = ErrInvalidReturn, "the unit price less its adjustments is "+e.money(perUnit[u]).String()
			}
			if why != "" {
				return badAmount(line(li)+".unit_paid["+strconv.Itoa(u)+"]", m, sentinel, why)
			}
			paid += v // at most MaxUnits × MaxMinorUnits = 10^18: no overflow
		}
		after, why, sentinel := e.storedAmount(l.After)
		if why == "" && after != paid {
			sentinel, why = ErrInvalidReturn, "the units paid "+e.money(paid).String()
		}
		if why != "" {
			return badAmount(line(li)+".after", l.After, sentinel, why)
		}
	}
	fee, _ := cart.minor(cartField, "shipping", cart.Shipping, true) // valid: the cart was checked
	if cart.Delivery != nil {
		fee = maxDeliveryFee(cart) // delivery.go
	}
	within := func(path string, m pricing.Money) error {
		v, why, sentinel := e.storedAmount(m)
		if why == "" && v > fee {
			sentinel, why = ErrInvalidReturn, "above the cart's shipping fee"
		}
		if why != "" {
			return badAmount(path, m, sentinel, why)
		}
		return nil
	}
	if res.ShippingAfter.IsValid() {
		if err := within("shipping_after", res.ShippingAfter); err != nil {
			return err
		}
	}
	for i, ex := range res.Explanations {
		if ex.Kind == "free-shipping" && ex.Status == Applied {
			if err := within("explanations["+strconv.Itoa(i)+"].amount", ex.Amount); err != nil {
				return err
			}
		}
	}
	if err := e.checkIssued(res); err != nil { // couponreturn.go
		return err
	}
	if err := e.checkForms(cart, res); err != nil { // points.go, presale.go
		return err
	}
	for i, g := range res.Gifts {
		if g.Value.IsValid() {
			if _, why, sentinel := e.storedAmount(g.Value); why != "" {
				return badAmount("gifts["+strconv.Itoa(i)+"].value", g.Value, sentinel, why)
			}
		}
	}
	return nil
}

// storedAmount reads an amount of a stored result: in the engine's
// currency, rounded, within [0, MaxMinorUnits]. When it is not, why says
// what is wrong and sentinel is ErrInvalidReturn or ErrTooLarge.
func (e *Engine) storedAmount(m pricing.Money) (v int64, why string, sentinel error) {
	if !m.IsValid() {
		return 0, "an amount is required", ErrInvalidReturn
	}
	if m.Currency() != e.currency {
		return 0, "currency differs from " + e.currency.Code(), ErrInvalidReturn
	}
	v, err := m.MinorUnits()
	switch {
	case err != nil && !m.IsRounded():
		return 0, "must be rounded to the minor unit", ErrInvalidReturn
	case err != nil || v > MaxMinorUnits:
		return 0, "at most " + strconv.FormatInt(MaxMinorUnits, 10) + " minor units", ErrTooLarge
	case v < 0:
		return 0, "must not be negative", ErrInvalidReturn
	}
	return v, "", nil
}

// money converts minor units of the engine's currency to Money.
func (e *Engine) money(v int64) pricing.Money {
	m, _ := pricing.NewFromMinor(v, e.currency)
	return m
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
		if used[p.p.ID] && p.r.kind != kPoints { // kept units are priced before points (points.go)
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
	revokeCoupons(&res, gifted, policy, q, &claw, before) // couponreturn.go
	claw -= e.keptPoints(before)                          // points.go
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
