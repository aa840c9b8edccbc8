package promo

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/opskit/opskit/pricing"
)

// Result is an evaluated cart: what each line and unit pays and why, the
// totals, the gifts, the redemptions to record, and one explanation per
// promotion. It is plain data: store it with the order, it is what refunds
// are computed from.
//
// Total = Subtotal - ItemDiscount - OrderDiscount - PointsDiscount +
// ShippingAfter, exactly.
//
// Its JSON form has the snake_case names of the fields as keys, amounts as
// {"amount":"12.30","currency":"CNY"} (the zero Money, no amount at all, is
// left out), enums by name ("applied", "below_threshold"); decoding it
// gives the same Result back, so it can be stored as JSON and passed to
// [Engine.Refund] later (testdata/results/result.json).
type Result struct {
	Currency      pricing.Currency `json:"currency"`
	Lines         []LineResult     `json:"lines"`
	Subtotal      pricing.Money    `json:"subtotal,omitzero"`       // Σ unit price × quantity, before promotions
	ItemDiscount  pricing.Money    `json:"item_discount,omitzero"`  // 单品优惠
	OrderDiscount pricing.Money    `json:"order_discount,omitzero"` // 店铺/平台优惠
	// PointsDiscount is what the points spent paid ([PointsRedemption]),
	// PointsUsed the points spent.
	PointsDiscount pricing.Money `json:"points_discount,omitzero"`
	PointsUsed     int64         `json:"points_used,omitempty"`
	ShippingBefore pricing.Money `json:"shipping_before,omitzero"`
	ShippingAfter  pricing.Money `json:"shipping_after,omitzero"`
	Total          pricing.Money `json:"total,omitzero"` // what the customer pays (实付)
	// AfterItems is Subtotal - ItemDiscount: the goods after item
	// discounts, the amount thresholds on [BaseAfterItems] start from.
	AfterItems pricing.Money `json:"after_items,omitzero"`
	// Saved is what the promotions save the customer in money:
	// ItemDiscount + OrderDiscount + (ShippingBefore - ShippingAfter), so
	// Total = Subtotal + ShippingBefore - Saved - PointsDiscount. Gifts
	// are not counted (their Value is in Gifts), nor points (payment).
	Saved pricing.Money `json:"saved,omitzero"`
	// DepositPaid is what the presale units paid as deposits in the
	// deposit stage ([Presale]): not part of Total, the balance due.
	DepositPaid pricing.Money `json:"deposit_paid,omitzero"`
	// Delivery is what the cart's delivery schedule gave ([Cart.Delivery]):
	// the band, the fee, and whether the order can be delivered.
	Delivery *DeliveryResult `json:"delivery,omitempty"`
	Gifts    []GiftLine      `json:"gifts,omitempty"`
	// CouponsIssued are the coupons the order earns for a later order
	// ([IssueCoupon]), for the caller to issue; nothing is deducted now.
	CouponsIssued []IssuedCoupon `json:"coupons_issued,omitempty"`
	// Redemptions are the promotions used, which the caller must record
	// atomically with the order (usage counts and budgets).
	Redemptions []Redemption `json:"redemptions,omitempty"`
	// Explanations has one entry per promotion of the engine, in
	// application order.
	Explanations []Explanation `json:"explanations,omitempty"`
	// UnknownCoupons are codes entered that match no promotion, at most
	// [MaxCoupons].
	UnknownCoupons []string `json:"unknown_coupons,omitempty"`
	// Optimal reports whether the choice among conflicting promotions was
	// proven best; Evaluated is the number of combinations tried.
	Optimal   bool  `json:"optimal"`
	Evaluated int64 `json:"evaluated"`
	// Work is the work the evaluation did, in the steps the engine's budget
	// counts (see WithWorkBudget); never more than the budget.
	Work int64 `json:"work"`
}

// Line returns the result of the cart line with ID id, and whether there
// is one.
func (r Result) Line(id string) (LineResult, bool) {
	for i := range r.Lines {
		if r.Lines[i].ID == id {
			return r.Lines[i], true
		}
	}
	return LineResult{}, false
}

// Explanation returns the explanation of the promotion with ID id, and
// whether there is one.
func (r Result) Explanation(id string) (Explanation, bool) {
	for i := range r.Explanations {
		if r.Explanations[i].PromotionID == id {
			return r.Explanations[i], true
		}
	}
	return Explanation{}, false
}

// LineResult is one cart line after promotions.
type LineResult struct {
	ID          string        `json:"id"`
	Qty         int64         `json:"qty"`
	UnitPrice   pricing.Money `json:"unit_price,omitzero"`
	Before      pricing.Money `json:"before,omitzero"`       // UnitPrice × Qty
	After       pricing.Money `json:"after,omitzero"`        // what the line pays
	Adjustments []Adjustment  `json:"adjustments,omitempty"` // by promotion, in application order
	// UnitPaid is what each unit of the line pays after every promotion;
	// the units sum to After. Refunds are computed from it.
	UnitPaid []pricing.Money `json:"unit_paid"`
}

// Adjustment is one promotion's discount on one line, and on each unit of
// it (PerUnit has Qty entries, summing to Amount).
type Adjustment struct {
	PromotionID string          `json:"promotion_id"`
	Amount      pricing.Money   `json:"amount,omitzero"`
	PerUnit     []pricing.Money `json:"per_unit"`
}

// GiftLine is a gift (赠品) to add to the order at zero price; the caller
// checks its stock.
type GiftLine struct {
	PromotionID string        `json:"promotion_id"`
	SKU         string        `json:"sku"`
	Name        string        `json:"name,omitempty"`
	Qty         int64         `json:"qty"`
	Value       pricing.Money `json:"value,omitzero"` // the zero Money when not declared
}

// Redemption is one promotion used by the order: the amount it gave
// (discount or shipping waived; zero for a gift) and the coupon code, if any.
type Redemption struct {
	PromotionID string        `json:"promotion_id"`
	Coupon      string        `json:"coupon,omitempty"`
	Amount      pricing.Money `json:"amount,omitzero"`
}

// Status is the outcome of one promotion on a cart.
type Status uint8

const (
	Applied       Status = iota + 1 // it gave a discount, shipping or a gift
	NotApplicable                   // a condition failed; see the Reason
	NotChosen                       // eligible, but a better combination without it won
	Excluded                        // eligible, but excluded by the promotion in ExcludedBy
)

var statusNames = [...]string{"", "applied", "not_applicable", "not_chosen", "excluded"}

// MarshalText returns the status's name in snake_case: "applied",
// "not_applicable", "not_chosen" or "excluded". An unknown status is an
// error.
func (s Status) MarshalText() ([]byte, error) {
	if s == 0 || int(s) >= len(statusNames) {
		return nil, &FieldError{Op: "marshal status", Value: strconv.Itoa(int(s)), Err: ErrUnknownName}
	}
	return []byte(statusNames[s]), nil
}

// UnmarshalText reads a name written by [Status.MarshalText]; any other
// text is an error.
func (s *Status) UnmarshalText(b []byte) error {
	for i, n := range statusNames {
		if i > 0 && n == string(b) {
			*s = Status(i)
			return nil
		}
	}
	return &FieldError{Op: "unmarshal status", Value: strconv.Quote(clip(string(b))), Err: ErrUnknownName}
}

// String returns "applied", "not applicable", "not chosen" or "excluded".
func (s Status) String() string {
	switch s {
	case Applied:
		return "applied"
	case NotApplicable:
		return "not applicable"
	case NotChosen:
		return "not chosen"
	case Excluded:
		return "excluded"
	}
	return fmt.Sprintf("Status(%d)", s)
}

// Reason says why a promotion did not apply, or qualifies how it did.
type Reason uint8

const (
	ReasonNone                       Reason = iota // applied in full
	NotStarted                                     // before Start
	Expired                                        // at or after End
	OutsideSchedule                                // outside its weekdays or hours
	WrongChannel                                   // the cart's channel is not listed
	CustomerNotEligible                            // tier, first order or tags
	CouponNotEntered                               // a coupon promotion whose code was not entered
	UsageLimitReached                              // total or per-customer redemptions used up
	BudgetExhausted                                // the budget is spent
	NoTargetedItems                                // no line matches its target
	BelowThreshold                                 // 满 not reached; Missing says by how much
	BelowThresholdAfterItemDiscounts               // reached at the original prices, not after item discounts
	NoQualifyingUnits                              // not enough units for its groups (第N件, 买赠, 任选, 套餐)
	NoSaving                                       // it would save nothing on these items
	BetterAlternative                              // NotChosen: a better combination won
	ExcludedByPromotion                            // Excluded: see ExcludedBy
	SearchBudgetExhausted                          // NotChosen: the search ran out of its work budget before proving the best combination
)

var reasonText = [...]string{
	"", "not started", "expired", "outside schedule", "wrong channel", "customer not eligible",
	"coupon not entered", "usage limit reached", "budget exhausted", "no targeted items",
	"below threshold", "below threshold after item discounts", "not enough qualifying units",
	"no saving", "a better combination won", "excluded by another promotion",
	"the search ran out of its work budget",
}

// reasonNames are the reasons' names in snake_case, from their Go names
// (the last is the engine's SearchBudgetExhausted, reserved here).
var reasonNames = [...]string{
	"none", "not_started", "expired", "outside_schedule", "wrong_channel", "customer_not_eligible",
	"coupon_not_entered", "usage_limit_reached", "budget_exhausted", "no_targeted_items",
	"below_threshold", "below_threshold_after_item_discounts", "no_qualifying_units",
	"no_saving", "better_alternative", "excluded_by_promotion", "search_budget_exhausted",
}

// MarshalText returns the reason's name in snake_case, the Go name's:
// "below_threshold", "none" for [ReasonNone]. An unknown reason is an
// error.
func (r Reason) MarshalText() ([]byte, error) {
	if int(r) >= len(reasonNames) || int(r) >= len(reasonText) {
		return nil, &FieldError{Op: "marshal reason", Value: strconv.Itoa(int(r)), Err: ErrUnknownName}
	}
	return []byte(reasonNames[r]), nil
}

// UnmarshalText reads a name written by [Reason.MarshalText]; any other
// text is an error.
func (r *Reason) UnmarshalText(b []byte) error {
	for i, n := range reasonNames {
		if n == string(b) && i < len(reasonText) {
			*r = Reason(i)
			return nil
		}
	}
	return &FieldError{Op: "unmarshal reason", Value: strconv.Quote(clip(string(b))), Err: ErrUnknownName}
}

// String returns the reason in plain English: "below threshold".
func (r Reason) String() string {
	if int(r) < len(reasonText) {
		return reasonText[r]
	}
	return fmt.Sprintf("Reason(%d)", r)
}

// Explanation says what one promotion did on the cart, as data; String
// renders it in plain English.
type Explanation struct {
	PromotionID string        `json:"promotion_id"`
	Name        string        `json:"name,omitempty"`
	Kind        string        `json:"kind"` // the action's kind: "threshold", "gift", ...
	Status      Status        `json:"status"`
	Reason      Reason        `json:"reason,omitzero"`
	Amount      pricing.Money `json:"amount,omitzero"` // discount or shipping given; zero unless applied
	Lines       []string      `json:"lines,omitempty"` // IDs of the lines it discounted
	Gift        *GiftLine     `json:"gift,omitempty"`  // the gift given, for a gift promotion
	// Points is the points spent, for a [PointsRedemption] (Amount is
	// what they paid).
	Points int64 `json:"points,omitempty"`
	// CouponIssued is the coupon earned, for an [IssueCoupon] promotion.
	CouponIssued *IssuedCoupon `json:"coupon_issued,omitempty"`
	// For thresholds (Threshold, Gift, FreeShipping, IssueCoupon): what is missing to
	// the next tier or step, and the reward there. MissingAmount is the
	// least amount of goods at list price, untouched by item promotions
	// (and, for a promotion on BaseRunningTotal, by the order promotions
	// applied before it), that added to the cart makes the promotion
	// reach its next tier or step: exactly, to the fen, so one fen less
	// does not (the threshold is tested on a sum of whole fen, which such
	// goods raise by their price). MissingQty is the same in units for a
	// threshold by quantity. NextReward is the promotion's whole reward
	// there, for tiers and 每满 alike (the next tier's Off; (n+1)·Off for
	// 每满 with n steps reached), not the increase, before its budget, cap
	// and price floors; the zero Money when it is a rate. A promotion left
	// out (NotChosen, Excluded) carries the hint it would have in the
	// chosen combination in place of the promotions it conflicts with.
	// The hint is measured in the combination evaluated: on the larger
	// cart the engine may choose another combination, which saves more.
	// Level is, for an applied [Threshold], the tier it reached (1 for
	// the lowest) or, for 每满, the number of steps it gave; 0 otherwise.
	Level         int64         `json:"level,omitempty"`
	MissingAmount pricing.Money `json:"missing_amount,omitzero"`
	MissingQty    int64         `json:"missing_qty,omitempty"`
	NextReward    pricing.Money `json:"next_reward,omitzero"`
	ExcludedBy    string        `json:"excluded_by,omitempty"` // for Excluded
	Trimmed       pricing.Money `json:"trimmed,omitzero"`      // discount cut by price floors
	Capped        pricing.Money `json:"capped,omitzero"`       // discount cut by the budget or the cap
	// Campaign is the promotion's campaign ([Promotion.Campaign]), and
	// FloorExempt reports that the engine's floor policy ([WithFloor])
	// exempts it, so its discounts were not held to the price floor; a
	// campaign that is not exempt is held like any promotion (see Trimmed).
	Campaign    string `json:"campaign,omitempty"`
	FloorExempt bool   `json:"floor_exempt,omitempty"`
	Detail      string `json:"detail,omitempty"` // e.g. which customer condition failed
}

// String renders the explanation: "double11: applied, 60.00 off on lines
// a, b" or "coupon199: below threshold: add 23.50 more to get 20.00 off".
// The reward named is the whole reward at the next tier or step (see
// NextReward), followed by "in total" when the promotion already gives
// something: "applied, 60.00 off: add 250.00 more to get 90.00 off in
// total".
func (e Explanation) String() string {
	var b strings.Builder
	b.WriteString(e.PromotionID)
	b.WriteString(": ")
	b.WriteString(e.Status.String())
	switch {
	case e.Status == Applied && e.Gift != nil:
		fmt.Fprintf(&b, ", gift %d × %s", e.Gift.Qty, e.Gift.SKU)
	case e.Status == Applied && e.Points > 0:
		fmt.Fprintf(&b, ", %d points pay %s", e.Points, e.Amount.StringAmount())
		if len(e.Lines) > 0 {
			fmt.Fprintf(&b, " on lines %s", strings.Join(e.Lines, ", "))
		}
	case e.Status == Applied && e.CouponIssued != nil:
		fmt.Fprintf(&b, ", issues %d × coupon %s", e.CouponIssued.Qty, e.CouponIssued.Template)
	case e.Status == Applied:
		fmt.Fprintf(&b, ", %s off", e.Amount.StringAmount())
		if len(e.Lines) > 0 {
			fmt.Fprintf(&b, " on lines %s", strings.Join(e.Lines, ", "))
		}
	case e.Status == Excluded:
		fmt.Fprintf(&b, " by %s", e.ExcludedBy)
	case e.Reason != ReasonNone:
		b.WriteString(": ")
		b.WriteString(e.Reason.String())
	}
	if e.Detail != "" {
		fmt.Fprintf(&b, " (%s)", e.Detail)
	}
	if e.MissingAmount.IsPositive() || e.MissingQty > 0 {
		b.WriteString(": add ")
		if e.MissingQty > 0 {
			unit := "items"
			if e.MissingQty == 1 {
				unit = "item"
			}
			fmt.Fprintf(&b, "%d more %s", e.MissingQty, unit)
		} else {
			fmt.Fprintf(&b, "%s more", e.MissingAmount.StringAmount())
		}
		switch {
		case e.NextReward.IsPositive():
			fmt.Fprintf(&b, " to get %s off", e.NextReward.StringAmount())
			if e.Amount.IsPositive() {
				// It gives something already: the reward is the total,
				// not the increase.
				b.WriteString(" in total")
			}
		case e.Kind == "gift":
			b.WriteString(" to get the gift")
		case e.Kind == "issue-coupon":
			b.WriteString(" to get the coupon")
		case e.Kind == "free-shipping":
			b.WriteString(" for free shipping")
		default:
			b.WriteString(" to reach the next tier")
		}
	}
	if e.Trimmed.IsPositive() {
		fmt.Fprintf(&b, "; %s trimmed by the price floor", e.Trimmed.StringAmount())
		if e.Campaign != "" {
			fmt.Fprintf(&b, " (campaign %s is not exempt)", e.Campaign)
		}
	}
	if e.FloorExempt {
		fmt.Fprintf(&b, "; campaign %s is exempt from the price floor", e.Campaign)
	}
	if e.Capped.IsPositive() {
		fmt.Fprintf(&b, "; %s cut by the budget or cap", e.Capped.StringAmount())
	}
	return b.String()
}
