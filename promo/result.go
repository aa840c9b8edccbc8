package promo

import (
	"fmt"
	"strings"

	"github.com/opskit/opskit/pricing"
)

// Result is an evaluated cart: what each line and unit pays and why, the
// totals, the gifts, the redemptions to record, and one explanation per
// promotion. It is plain data: store it with the order, it is what refunds
// are computed from.
//
// Total = Subtotal - ItemDiscount - OrderDiscount + ShippingAfter, exactly.
type Result struct {
	Currency       pricing.Currency
	Lines          []LineResult
	Subtotal       pricing.Money // Σ unit price × quantity, before promotions
	ItemDiscount   pricing.Money // 单品优惠
	OrderDiscount  pricing.Money // 店铺/平台优惠
	ShippingBefore pricing.Money
	ShippingAfter  pricing.Money
	Total          pricing.Money // what the customer pays (实付)
	Gifts          []GiftLine
	// Redemptions are the promotions used, which the caller must record
	// atomically with the order (usage counts and budgets).
	Redemptions []Redemption
	// Explanations has one entry per promotion of the engine, in
	// application order.
	Explanations []Explanation
	// UnknownCoupons are codes entered that match no promotion.
	UnknownCoupons []string
	// Optimal reports whether the choice among conflicting promotions was
	// proven best; Evaluated is the number of combinations tried.
	Optimal   bool
	Evaluated int
	// Work is the work the evaluation did, in the steps the engine's budget
	// counts (see WithWorkBudget); never more than the budget.
	Work int64
}

// LineResult is one cart line after promotions.
type LineResult struct {
	ID          string
	Qty         int64
	UnitPrice   pricing.Money
	Before      pricing.Money // UnitPrice × Qty
	After       pricing.Money // what the line pays
	Adjustments []Adjustment  // by promotion, in application order
	// UnitPaid is what each unit of the line pays after every promotion;
	// the units sum to After. Refunds are computed from it.
	UnitPaid []pricing.Money
}

// Adjustment is one promotion's discount on one line, and on each unit of
// it (PerUnit has Qty entries, summing to Amount).
type Adjustment struct {
	PromotionID string
	Amount      pricing.Money
	PerUnit     []pricing.Money
}

// GiftLine is a gift (赠品) to add to the order at zero price; the caller
// checks its stock.
type GiftLine struct {
	PromotionID string
	SKU, Name   string
	Qty         int64
	Value       pricing.Money // the zero Money when not declared
}

// Redemption is one promotion used by the order: the amount it gave
// (discount or shipping waived; zero for a gift) and the coupon code, if any.
type Redemption struct {
	PromotionID string
	Coupon      string
	Amount      pricing.Money
}

// Status is the outcome of one promotion on a cart.
type Status uint8

const (
	Applied       Status = iota + 1 // it gave a discount, shipping or a gift
	NotApplicable                   // a condition failed; see the Reason
	NotChosen                       // eligible, but a better combination without it won
	Excluded                        // eligible, but excluded by the promotion in ExcludedBy
)

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
	PromotionID string
	Name        string
	Kind        string // the action's kind: "threshold", "gift", ...
	Status      Status
	Reason      Reason
	Amount      pricing.Money // discount or shipping given; zero unless applied
	Lines       []string      // IDs of the lines it discounted
	Gift        *GiftLine     // the gift given, for a gift promotion
	// For thresholds: what is missing to the next tier, as an amount
	// (MissingAmount) or a count (MissingQty), and that tier's reward
	// (NextReward, the zero Money when it is a rate).
	MissingAmount pricing.Money
	MissingQty    int64
	NextReward    pricing.Money
	ExcludedBy    string        // for Excluded
	Trimmed       pricing.Money // discount cut by price floors
	Capped        pricing.Money // discount cut by the budget or the cap
	Detail        string        // e.g. which customer condition failed
}

// String renders the explanation: "double11: applied, 60.00 off on lines
// a, b" or "coupon199: below threshold: add 23.50 more to get 20.00 off".
func (e Explanation) String() string {
	var b strings.Builder
	b.WriteString(e.PromotionID)
	b.WriteString(": ")
	b.WriteString(e.Status.String())
	switch {
	case e.Status == Applied && e.Gift != nil:
		fmt.Fprintf(&b, ", gift %d × %s", e.Gift.Qty, e.Gift.SKU)
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
		case e.Kind == "gift":
			b.WriteString(" to get the gift")
		case e.Kind == "free-shipping":
			b.WriteString(" for free shipping")
		default:
			b.WriteString(" to reach the next tier")
		}
	}
	if e.Trimmed.IsPositive() {
		fmt.Fprintf(&b, "; %s trimmed by the price floor", e.Trimmed.StringAmount())
	}
	if e.Capped.IsPositive() {
		fmt.Fprintf(&b, "; %s cut by the budget or cap", e.Capped.StringAmount())
	}
	return b.String()
}
