package promo

import (
	"strconv"

	"github.com/opskit/opskit/pricing"
)

// IssueCoupon is a coupon returned for a later order (spend-and-get-a-
// coupon): when the targeted amount, measured as Base says (by default
// after the item layer), reaches MinAmount, or the targeted units reach
// MinQty, the order earns Qty coupons of the caller's template Template.
// Nothing is deducted now: the Result lists the coupons to issue
// ([Result.CouponsIssued]) and the explanation says what is missing when
// the threshold is not reached, like a [Gift]'s. The caller issues them,
// and records the redemption, when the order is paid.
//
// Value, when set, is the coupon's face value to the customer: like a
// gift's Value it counts toward the saving the engine maximises, and a
// return under [GiftDeducted] deducts it. On a return that leaves the kept
// part below the threshold, the coupons are clawed back like a gift: listed
// in [RefundQuote.CouponsToRevoke] under [GiftReturned] (the caller voids
// them, or settles their value if they were used), their Value deducted
// under [GiftDeducted].
//
// It is decided after the order layer, with the gifts; BaseRunningTotal
// means the amount after the whole order layer.
type IssueCoupon struct {
	MinAmount pricing.Money
	MinQty    int64
	Base      ThresholdBase
	Template  string // the caller's coupon template to issue; required
	Name      string
	Qty       int64 // coupons issued; at least 1
	Value     pricing.Money
}

// IssuedCoupon is a coupon an order earns for a later order: Qty coupons of
// the caller's Template, issued by the promotion PromotionID.
type IssuedCoupon struct {
	PromotionID string        `json:"promotion_id"`
	Template    string        `json:"template"`
	Name        string        `json:"name,omitempty"`
	Qty         int64         `json:"qty"`
	Value       pricing.Money `json:"value,omitzero"` // the face value of all Qty coupons; the zero Money when not declared
}

// Kind returns "issue-coupon".
func (IssueCoupon) Kind() string { return "issue-coupon" }

func (IssueCoupon) layer() layer { return giftLayer }

func (a IssueCoupon) compile(path string, c pricing.Currency) (rule, error) {
	r := rule{kind: kIssue, layer: giftLayer, base: a.Base, cap: -1}
	var k problems
	var err error
	k.add(checkBase(path, a.Base))
	r.minAmount, r.minQty, err = thresholdOf(path, a.MinAmount, a.MinQty, c)
	k.add(err)
	if a.Template == "" {
		k.add(fieldErr(path+".template", "", ErrInvalidAction, "a coupon template is required"))
	}
	k.add(quantity(1, path+".qty", a.Qty))
	_, err = optMinor(path+".value", a.Value, c)
	k.add(err)
	r.x = &formRule{coupon: IssuedCoupon{Template: a.Template, Name: a.Name, Qty: a.Qty, Value: a.Value}}
	return r, k.err()
}

// issuePromo decides an IssueCoupon: reached, it marks the promotion given
// (ps.gift 0) and counts the coupons' Value toward the saving.
func (c *ctx) issuePromo(ps *pass, pi int) {
	if !c.reaches(ps, pi) {
		return
	}
	ps.gift[pi] = 0
	if v := c.e.promos[pi].r.x.coupon.Value; v.IsValid() {
		val, _ := v.MinorUnits() // validated: within MaxMinorUnits
		ps.giftVal = satAdd(ps.giftVal, val)
	}
}

// issued records the coupons promotion pi issues in the result and its
// explanation.
func (c *ctx) issued(res *Result, ex *Explanation, pi int) {
	ic := c.e.promos[pi].r.x.coupon
	ic.PromotionID = c.e.promos[pi].p.ID
	res.CouponsIssued = append(res.CouponsIssued, ic)
	ex.CouponIssued = &ic
}

// revokeCoupons claws back the coupons of res that the kept part of the
// order no longer earns (earned reports, by promotion ID, what it still
// earns): listed under GiftReturned, or their Value deducted under
// GiftDeducted (added to claw and to the promotion's Before).
func revokeCoupons(res *Result, earned map[string]bool, policy RefundPolicy, q *RefundQuote, claw *int64, before map[string]int64) {
	for _, ic := range res.CouponsIssued {
		if earned[ic.PromotionID] {
			continue
		}
		if policy.Gift == GiftDeducted && ic.Value.IsValid() {
			v, _ := ic.Value.MinorUnits() // checked by checkResult
			*claw += v                    // ≤ MaxMinorUnits per coupon line, few lines: see checkIssued
			before[ic.PromotionID] += v
			continue
		}
		q.CouponsToRevoke = append(q.CouponsToRevoke, ic)
	}
}

// checkIssued checks the coupons of a stored result: at most one entry per
// promotion of the engine that issues coupons, with a value in the
// engine's currency, rounded, within MaxMinorUnits.
func (e *Engine) checkIssued(res *Result) error {
	issuers := map[string]bool{}
	for i := range e.promos {
		if e.promos[i].r.kind == kIssue {
			issuers[e.promos[i].p.ID] = true
		}
	}
	seen := map[string]bool{}
	for i, ic := range res.CouponsIssued {
		path := "result.coupons_issued[" + strconv.Itoa(i) + "]"
		if !issuers[ic.PromotionID] || seen[ic.PromotionID] {
			return fieldErr(path+".promotion_id", strconv.Quote(ic.PromotionID), ErrInvalidReturn, "not a coupon-issuing promotion of the engine, or listed twice")
		}
		seen[ic.PromotionID] = true
		if ic.Value.IsValid() {
			if _, why, sentinel := e.storedAmount(ic.Value); why != "" {
				return fieldErr(path+".value", ic.Value.String(), sentinel, why)
			}
		}
	}
	return nil
}
