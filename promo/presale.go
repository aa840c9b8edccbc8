package promo

import (
	"strconv"
	"time"

	"github.com/opskit/opskit/pricing"
)

// Presale is a presale with a deposit that grows (pay 20 now, it counts as
// 50 off later): in the deposit stage, before BalanceFrom, the customer
// pays Deposit per targeted unit ([Engine.Deposits] quotes it); in the
// balance stage, from BalanceFrom on, each targeted unit takes Credit off
// its price (never below zero) and the customer pays the rest, the
// balance, less the other promotions. Refundable says whether a deposit is
// returned when the unit is returned or the balance is never paid (the
// platforms let each campaign choose; a deposit that is not refundable is
// kept).
//
// The promotion's Start and End bound both stages; BalanceFrom, inside
// them, divides them. In the balance stage every targeted unit is taken to
// have paid its deposit ([Result.DepositPaid] reports the deposits, which
// are not part of [Result.Total], the balance due). The credit is applied
// first in the item layer and claims its units: other item promotions do
// not discount a presale unit unless both are Stackable. It is the
// deposit's contract, not a choice: it takes no Group, Exclusive, Coupon
// or Budget, and it is not held to price floors.
//
// Thresholds in the balance stage are tested on the balance: with the
// default [BaseAfterItems] a spend-threshold discount sees each presale
// unit at its price less the credit, and its reward comes off the balance
// (the Tmall rule: the threshold discount of the balance stage applies to
// the balance); [BaseListPrice] tests the full price instead.
type Presale struct {
	Deposit     pricing.Money
	Credit      pricing.Money // at least Deposit
	BalanceFrom time.Time     // required
	Refundable  bool
}

// Kind returns "presale".
func (Presale) Kind() string { return "presale" }

func (Presale) layer() layer { return itemLayer }

func (a Presale) compile(path string, c pricing.Currency) (rule, error) {
	r := rule{kind: kPresale, layer: itemLayer, cap: -1}
	var k problems
	dep, err := minorOf(path+".deposit", a.Deposit, c)
	if k.add(err) && dep == 0 {
		k.add(fieldErr(path+".deposit", a.Deposit.String(), ErrInvalidAction, "must be above zero"))
	}
	credit, err := minorOf(path+".credit", a.Credit, c)
	if k.add(err) && credit < dep { // dep is 0 when the deposit is bad: no second error
		k.add(fieldErr(path+".credit", a.Credit.String(), ErrInvalidAction, "must be at least the deposit %s", a.Deposit.StringAmount()))
	}
	if a.BalanceFrom.IsZero() {
		k.add(fieldErr(path+".balance_from", "", ErrInvalidAction, "the start of the balance stage is required"))
	}
	r.amount = credit
	r.x = &formRule{deposit: dep, balanceFrom: a.BalanceFrom, refundable: a.Refundable}
	return r, k.err()
}

// checkForced refuses a points redemption or presale that could be a
// choice or run out: both are payment or contract, always applied.
func checkForced(path string, p Promotion) error {
	a, _ := derefAction(p.Action)
	switch a.(type) {
	case PointsRedemption:
		if p.Group != "" || p.Exclusive || p.Coupon != "" {
			return fieldErr(path, strconv.Quote(p.ID), ErrInvalidPromotion, "a points redemption takes no group, exclusive or coupon: it is payment, not a choice")
		}
	case Presale:
		if p.Group != "" || p.Exclusive || p.Coupon != "" || p.Limits.Budget.IsValid() {
			return fieldErr(path, strconv.Quote(p.ID), ErrInvalidPromotion, "a presale takes no group, exclusive, coupon or budget: its credit is the deposit's contract")
		}
	}
	return nil
}

// isForced reports a form that is always applied when eligible, never a
// choice (an Exclusive promotion does not exclude it): a points redemption
// (payment) and a presale credit (the deposit's contract).
func isForced(r *rule) bool { return r.kind == kPoints || r.kind == kPresale }

// presaleStage reports, for a presale promotion otherwise eligible, that
// the cart is in its deposit stage (NotStarted for the credit).
func (c *ctx) presaleStage(pi int) (Reason, string) {
	r := &c.e.promos[pi].r
	if r.kind == kPresale && c.cart.At.Before(r.x.balanceFrom) {
		return NotStarted, "deposit stage: the balance stage starts at " + r.x.balanceFrom.Format(time.RFC3339)
	}
	return ReasonNone, ""
}

// presales applies the presale credits first in the item layer: every
// free targeted unit takes min(Credit, price) off, without floors or caps.
func (c *ctx) presales(ps *pass, on []bool) {
	ps.fx.depositPaid = 0
	for pi := range c.nItem {
		if !on[pi] || c.e.promos[pi].r.kind != kPresale {
			continue
		}
		credit := c.e.promos[pi].r.amount
		units := ps.gotUnits[:0]
		for _, li := range c.targets[pi] {
			for u := c.first[li]; u < c.first[li+1]; u++ {
				if c.free(ps, pi, u) {
					units = append(units, u)
				}
			}
		}
		ps.gotUnits = units
		c.claim(ps, pi, units)
		for _, u := range units {
			if amt := min(credit, ps.price[u]); amt > 0 {
				c.take(ps, pi, u, amt)
				ps.fx.depositPaid = satAdd(ps.fx.depositPaid, c.e.promos[pi].r.x.deposit)
			}
		}
	}
}

// depositPaid is what the presale units of the result paid as deposits:
// per unit the presale adjusted, its promotion's deposit (checkForms
// checked that only the lines it targets carry its adjustment).
func (e *Engine) depositPaid(res *Result, units [][2]int) (refundable, kept int64) {
	deposits := map[string]*formRule{}
	for i := range e.promos {
		if e.promos[i].r.kind == kPresale {
			deposits[e.promos[i].p.ID] = e.promos[i].r.x
		}
	}
	if len(deposits) == 0 {
		return 0, 0
	}
	for _, lu := range units {
		for _, a := range res.Lines[lu[0]].Adjustments {
			x, ok := deposits[a.PromotionID]
			if !ok || !a.PerUnit[lu[1]].IsPositive() {
				continue
			}
			if x.refundable {
				refundable += x.deposit // ≤ MaxUnits·MaxMinorUnits
			} else {
				kept += x.deposit
			}
		}
	}
	return refundable, kept
}

// presaleResult reports the deposits the credited units paid (a unit
// whose price the credit could not lower is not counted: it has no
// adjustment to refund from).
func (c *ctx) presaleResult(res *Result, ps *pass) {
	if ps.fx.depositPaid > 0 {
		res.DepositPaid = c.moneyOf(ps.fx.depositPaid)
	}
}

// DepositQuote is the deposit stage of a presale: what each line pays now.
// Its JSON form has the snake_case names of the fields as keys.
type DepositQuote struct {
	Lines []DepositLine `json:"lines,omitempty"`
	Total pricing.Money `json:"total,omitzero"` // Σ the lines' deposits
}

// DepositLine is one line's deposit: Qty units of the line at the
// promotion's deposit each.
type DepositLine struct {
	LineID      string        `json:"line_id"`
	PromotionID string        `json:"promotion_id"`
	Qty         int64         `json:"qty"`
	Deposit     pricing.Money `json:"deposit,omitzero"` // for all Qty units
	Credit      pricing.Money `json:"credit,omitzero"`  // what they will count for off the balance
	Refundable  bool          `json:"refundable,omitempty"`
}

// Deposits quotes the deposit stage of the cart's presale lines: for each
// presale promotion in its deposit stage at cart.At (eligible in every
// other way: window, channel, customer) and each line it targets, the
// deposit of every unit; a line two presales target pays the first's, in
// application order. The cart is evaluated as [Engine.Evaluate] does,
// within the work budget; its errors are Evaluate's (Op "deposits").
func (e Engine) Deposits(cart Cart) (DepositQuote, error) {
	pl, err := e.plan(&cart, false)
	if err != nil {
		return DepositQuote{}, withOp("deposits", err)
	}
	c := pl.c
	defer e.putCtx(c)
	var q DepositQuote
	var total int64
	taken := make([]bool, len(cart.Lines))
	for pi := range c.nItem {
		p := &e.promos[pi]
		if p.r.kind != kPresale || pl.expl[pi].Reason != NotStarted || cart.At.Before(p.p.Start) {
			continue // not in its deposit stage
		}
		for _, li := range c.targets[pi] {
			if taken[li] {
				continue
			}
			taken[li] = true
			n := cart.Lines[li].Qty
			dep := p.r.x.deposit * n // ≤ MaxMinorUnits·MaxUnits = 10^18
			total = satAdd(total, dep)
			q.Lines = append(q.Lines, DepositLine{LineID: cart.Lines[li].ID, PromotionID: p.p.ID, Qty: n,
				Deposit: c.moneyOf(dep), Credit: c.moneyOf(p.r.amount * n), Refundable: p.r.x.refundable})
		}
	}
	if total > MaxMinorUnits {
		return DepositQuote{}, withOp("deposits", fieldErr("lines", "", ErrTooLarge, "the deposits exceed %d minor units", int64(MaxMinorUnits)))
	}
	q.Total = c.moneyOf(total)
	return q, nil
}

// checkForms checks a stored result's adjustments by points and presale
// promotions, which a refund turns into points and deposits given back: a
// presale adjusts only the lines it targets, by its credit (at most the
// unit price) on every unit; a points redemption adjusts every unit by
// whole steps, and all of them together spend at most the cart's points.
// So no tampering can return a deposit that was not paid or more points
// than the cart offered.
func (e *Engine) checkForms(cart *Cart, res *Result) error {
	kinds := map[string]int{}
	for i := range e.promos {
		if k := e.promos[i].r.kind; k == kPoints || k == kPresale {
			kinds[e.promos[i].p.ID] = i
		}
	}
	if len(kinds) == 0 {
		return nil
	}
	var points int64
	for li := range res.Lines {
		l := &res.Lines[li]
		price, _ := cart.Lines[li].UnitPrice.MinorUnits() // valid: the cart was checked
		for ai, a := range l.Adjustments {
			i, ok := kinds[a.PromotionID]
			if !ok {
				continue
			}
			cp := &e.promos[i]
			path := "result.lines[" + strconv.Itoa(li) + "].adjustments[" + strconv.Itoa(ai) + "]"
			for u, m := range a.PerUnit {
				v, _ := m.MinorUnits() // checked: rounded, within MaxMinorUnits
				if cp.r.kind == kPoints {
					if v%cp.r.x.value != 0 {
						return fieldErr(path+".per_unit["+strconv.Itoa(u)+"]", m.String(), ErrInvalidReturn, "not a whole number of points steps")
					}
					points = satAdd(points, satMul(v/cp.r.x.value, cp.r.x.points))
					continue
				}
				if !cp.target.matches(&cart.Lines[li]) || v != min(cp.r.amount, price) {
					return fieldErr(path+".per_unit["+strconv.Itoa(u)+"]", m.String(), ErrInvalidReturn, "not the presale's credit on a line it targets")
				}
			}
		}
	}
	if points > cart.Points {
		return fieldErr("result.lines", strconv.FormatInt(points, 10), ErrInvalidReturn, "the points adjustments spend more than the cart's %d points", cart.Points)
	}
	return nil
}
