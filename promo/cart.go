package promo

import (
	"strconv"
	"time"

	"github.com/opskit/opskit/internal/checked"
	"github.com/opskit/opskit/pricing"
)

// Limits of a cart. The engine computes in int64 minor units (分), so
// amounts are bounded well below overflow even after multiplying by a
// rate's digits; a cart beyond them is a *[FieldError] wrapping
// [ErrTooLarge], never a wrong number. Every sum over the cart is checked
// (internal/checked) before it is compared with its limit.
const (
	// MaxUnits is the most units a cart may hold (the sum of quantities).
	MaxUnits = 100_000
	// MaxLines is the most lines a cart may hold: as many as units, since
	// every line holds at least one (the engine's costs are measured up to
	// 100,000 lines, see the package doc).
	MaxLines = MaxUnits
	// MaxMinorUnits bounds every price and the cart's subtotal, in minor
	// units: 10^13 分 is 100 billion yuan.
	MaxMinorUnits = 10_000_000_000_000
	// MaxCoupons is the most coupon codes a cart may carry
	// ([Cart.Coupons]); [Result.UnknownCoupons] is bounded by it too.
	MaxCoupons = 50
	// MaxCouponLen is the longest coupon code, in bytes as entered
	// (before [NormalizeCode]), in a cart or a promotion.
	MaxCouponLen = 128
	// MaxLabels is the most categories or tags of one line, and the most
	// tags of the customer: matching a line against a selector costs a
	// lookup per label.
	MaxLabels = 64
	// MaxRedemptions bounds a usage count ([Usage.Total],
	// [Usage.ByCustomer]) and a usage limit ([Limits.Total],
	// [Limits.PerCustomer]).
	MaxRedemptions = 1_000_000_000_000
)

// Cart is what the customer is buying, and the context the promotions are
// judged in. The engine reads it and never modifies it. Its JSON form has
// the snake_case names of the fields as keys, the time in RFC 3339.
type Cart struct {
	Currency pricing.Currency     `json:"currency"`
	Rounding pricing.RoundingMode `json:"rounding"` // how each promotion's discount is rounded to the minor unit; the zero value is half-up
	At       time.Time            `json:"at"`       // the evaluation time (活动时间 is judged against it); required
	Lines    []Line               `json:"lines"`
	Customer Customer             `json:"customer"`
	Channel  string               `json:"channel,omitempty"` // "app", "mini-program", "store", ...; "" matches only promotions without channels
	Shipping pricing.Money        `json:"shipping,omitzero"` // the shipping fee before promotions (运费); the zero Money is no fee
	// Delivery, when set, is an O2O delivery: the shipping layer computes
	// the fee from its schedule, and Shipping must be left out.
	Delivery *Delivery `json:"delivery,omitempty"`
	Coupons  []string  `json:"coupons,omitempty"` // coupon codes the customer entered (优惠券码), matched after normalisation
	// Points is the most points the customer offers to pay with
	// ([PointsRedemption]): the balance, or what was entered; at most
	// [MaxPoints].
	Points int64 `json:"points,omitempty"`
	// Usage is each promotion's use so far, by promotion ID, for limits and budgets.
	Usage map[string]Usage `json:"usage,omitempty"`
	// GiftChoices names the option the customer picked, by gift promotion ID
	// (gift SKU); without a choice the first available option is given.
	GiftChoices map[string]string `json:"gift_choices,omitempty"`
	// OutOfStock lists gift SKUs that cannot be given now.
	OutOfStock []string `json:"out_of_stock,omitempty"`
}

// Line is a cart line: a quantity of one SKU at one unit price.
type Line struct {
	ID         string        `json:"id"`                   // unique in the cart
	SKU        string        `json:"sku"`                  // stock-keeping unit
	Product    string        `json:"product,omitempty"`    // the product (SPU) the SKU belongs to
	Categories []string      `json:"categories,omitempty"` // 类目
	Tags       []string      `json:"tags,omitempty"`       // 标签, e.g. "new", "clearance"
	Qty        int64         `json:"qty"`                  // whole units, at least 1
	UnitPrice  pricing.Money `json:"unit_price,omitzero"`
	// ListPrice is the price floors are measured from (标价); the zero Money
	// means UnitPrice.
	ListPrice pricing.Money `json:"list_price,omitzero"`
	// Cost is the unit cost for margin floors; the zero Money means unknown.
	Cost pricing.Money `json:"cost,omitzero"`
	// NotPromotable excludes the line from every promotion (不参与优惠).
	NotPromotable bool `json:"not_promotable,omitempty"`
}

// Customer describes who is buying, for promotion conditions.
type Customer struct {
	ID          string   `json:"id,omitempty"`
	Tier        string   `json:"tier,omitempty"`         // membership tier (会员等级), "" for none
	PriorOrders int64    `json:"prior_orders,omitempty"` // completed orders before this one; 0 makes a first order (新客)
	Tags        []string `json:"tags,omitempty"`         // e.g. "favorited-store" (收藏店铺), "joined-group" (进群)
}

// Usage is what a promotion has used so far, as the caller's store counts
// it: redemptions in total and by this customer, and the discount given in
// total (for budgets). The library holds no counters.
type Usage struct {
	Total       int64         `json:"total,omitempty"`
	ByCustomer  int64         `json:"by_customer,omitempty"`
	BudgetSpent pricing.Money `json:"budget_spent,omitzero"`
}

// Validate checks the cart: a known currency, a valid rounding mode, an
// evaluation time, at most [MaxLines] lines with unique non-empty IDs and
// at most [MaxLabels] categories and tags each (and customer tags),
// quantities of at least 1 and at most [MaxUnits] in all, non-negative
// prices rounded to the minor unit in the cart's currency with a subtotal
// within [MaxMinorUnits], at most [MaxCoupons] codes of at most
// [MaxCouponLen] bytes, and usage counts and budgets spent that are
// non-negative, rounded, within the limits and in the cart's currency.
// Errors are *[FieldError] values (Op "validate cart") naming the field
// ("lines[3].qty", "usage[\"d11\"].budget_spent").
func (c Cart) Validate() error {
	_, err := c.prepare(&ctx{})
	return withOp(opValidateCart, err)
}

// preparedLine is a line in minor units.
type preparedLine struct {
	price, list, cost int64 // cost -1 when unknown
}

// prepare checks the cart and converts its lines to minor units, into
// the scratch ctx's buffers. Its errors have no Op yet.
func (c *Cart) prepare(scratch *ctx) ([]preparedLine, error) {
	if !c.Currency.IsValid() {
		return nil, fieldErr("currency", strconv.Quote(c.Currency.Code()), ErrInvalidCart, "a known currency is required")
	}
	if !c.Rounding.IsValid() {
		return nil, fieldErr("rounding", c.Rounding.String(), ErrInvalidCart, "unknown rounding mode")
	}
	if c.At.IsZero() {
		return nil, fieldErr("at", "", ErrInvalidCart, "the evaluation time is required")
	}
	if _, err := c.minor(cartField, "shipping", c.Shipping, true); err != nil {
		return nil, err
	}
	if len(c.Lines) > MaxLines {
		return nil, fieldErr("lines", strconv.Itoa(len(c.Lines)), ErrTooLarge, "at most %d lines", MaxLines)
	}
	if err := c.checkCoupons(); err != nil {
		return nil, err
	}
	if len(c.Customer.Tags) > MaxLabels {
		return nil, fieldErr("customer.tags", strconv.Itoa(len(c.Customer.Tags)), ErrTooLarge, "at most %d", MaxLabels)
	}
	if len(c.OutOfStock) > MaxSelectorList {
		return nil, fieldErr("out_of_stock", strconv.Itoa(len(c.OutOfStock)), ErrTooLarge, "at most %d", MaxSelectorList)
	}
	if err := c.checkUsage(); err != nil {
		return nil, err
	}
	if err := c.checkDelivery(&scratch.dx); err != nil { // delivery.go
		return nil, err
	}
	if c.Points < 0 || c.Points > MaxPoints { // points.go
		return nil, fieldErr("points", strconv.FormatInt(c.Points, 10), pointsSentinel(c.Points), "from 0 to %d", int64(MaxPoints))
	}
	out := reuse(scratch.linesBuf, len(c.Lines))
	scratch.linesBuf = out
	if scratch.seen == nil {
		scratch.seen = make(map[string]struct{}, len(c.Lines))
	}
	seen := scratch.seen
	clear(seen)
	var units, subtotal int64
	for i := range c.Lines {
		l := &c.Lines[i]                                                       // not a copy: a Line is large
		path := func(field string) string { return linePath(i) + "." + field } // built only for errors
		if l.ID == "" {
			return nil, fieldErr(path("id"), "", ErrInvalidCart, "a line ID is required")
		}
		n := len(seen)
		if seen[l.ID] = struct{}{}; len(seen) == n { // one map operation: the ID was there
			return nil, fieldErr(path("id"), strconv.Quote(l.ID), ErrDuplicateID, "")
		}
		if len(l.Categories) > MaxLabels || len(l.Tags) > MaxLabels {
			field, n := "categories", len(l.Categories)
			if len(l.Tags) > MaxLabels {
				field, n = "tags", len(l.Tags)
			}
			return nil, fieldErr(path(field), strconv.Itoa(n), ErrTooLarge, "at most %d", MaxLabels)
		}
		if l.Qty < 1 {
			return nil, fieldErr(path("qty"), strconv.FormatInt(l.Qty, 10), ErrInvalidCart, "must be at least 1")
		}
		// Both are positive, so the checked sum fails only past int64.
		var ok bool
		if units, ok = checked.Add(units, l.Qty); !ok || units > MaxUnits {
			return nil, fieldErr(path("qty"), strconv.FormatInt(l.Qty, 10), ErrTooLarge, "the cart holds more than %d units", MaxUnits)
		}
		p, err := c.minor(path, "unit_price", l.UnitPrice, false)
		if err != nil {
			return nil, err
		}
		pl := preparedLine{price: p, list: p, cost: -1}
		if l.ListPrice.IsValid() {
			if pl.list, err = c.minor(path, "list_price", l.ListPrice, false); err != nil {
				return nil, err
			}
		}
		if l.Cost.IsValid() {
			if pl.cost, err = c.minor(path, "cost", l.Cost, false); err != nil {
				return nil, err
			}
		}
		if subtotal, ok = checked.MulAdd(p, l.Qty, subtotal); !ok || subtotal > MaxMinorUnits {
			return nil, fieldErr(path("unit_price"), l.UnitPrice.String(), ErrTooLarge, "the subtotal exceeds %d minor units", int64(MaxMinorUnits))
		}
		out[i] = pl
	}
	return out, nil
}

// checkCoupons bounds the codes entered: how many and how long.
func (c *Cart) checkCoupons() error {
	if len(c.Coupons) > MaxCoupons {
		return fieldErr("coupons", strconv.Itoa(len(c.Coupons)), ErrTooLarge, "at most %d codes", MaxCoupons)
	}
	for i, code := range c.Coupons {
		if len(code) > MaxCouponLen {
			return fieldErr("coupons["+strconv.Itoa(i)+"]", strconv.Quote(codeClip(code)), ErrTooLarge, "at most %d bytes", MaxCouponLen)
		}
	}
	return nil
}

// checkUsage checks every usage entry; when several are bad, the one with
// the smallest promotion ID is reported, so the error does not depend on
// the map's order.
func (c *Cart) checkUsage() error {
	var bad error
	badID := ""
	for id, u := range c.Usage {
		if bad != nil && id >= badID {
			continue
		}
		if err := c.checkOneUsage(id, u); err != nil {
			bad, badID = err, id
		}
	}
	return bad
}

func (c *Cart) checkOneUsage(id string, u Usage) error {
	path := func(field string) string { return "usage[" + strconv.Quote(id) + "]." + field }
	for _, f := range [...]struct {
		name string
		v    int64
	}{{"total", u.Total}, {"by_customer", u.ByCustomer}} {
		switch {
		case f.v < 0:
			return fieldErr(path(f.name), strconv.FormatInt(f.v, 10), ErrInvalidCart, "must not be negative")
		case f.v > MaxRedemptions:
			return fieldErr(path(f.name), strconv.FormatInt(f.v, 10), ErrTooLarge, "at most %d", int64(MaxRedemptions))
		}
	}
	// A budget spent is optional; when given it must be an amount of the
	// cart, or a budget would be paid out again (an unreadable or foreign
	// amount read as zero) or enlarged (a negative one).
	_, err := c.minor(path, "budget_spent", u.BudgetSpent, true)
	return err
}

// minor converts an amount of the cart to minor units, checking currency,
// sign, rounding and size. The zero Money is allowed when optional. path
// builds the field's name, only when there is an error.
func (c Cart) minor(path func(string) string, field string, m pricing.Money, optional bool) (int64, error) {
	if !m.IsValid() {
		if optional {
			return 0, nil
		}
		return 0, fieldErr(path(field), "", ErrInvalidCart, "an amount is required")
	}
	if m.Currency() != c.Currency {
		return 0, fieldErr(path(field), m.String(), ErrInvalidCart, "currency differs from the cart's %s", c.Currency)
	}
	if m.IsNegative() {
		return 0, fieldErr(path(field), m.String(), ErrInvalidCart, "must not be negative")
	}
	v, err := m.MinorUnits()
	switch {
	case err != nil && !m.IsRounded():
		return 0, fieldErr(path(field), m.String(), ErrInvalidCart, "must be rounded to the minor unit")
	case err != nil: // rounded, but beyond int64 minor units
		return 0, fieldErr(path(field), m.String(), ErrTooLarge, "above %d minor units", int64(MaxMinorUnits))
	}
	if v > MaxMinorUnits {
		return 0, fieldErr(path(field), m.String(), ErrTooLarge, "above %d minor units", int64(MaxMinorUnits))
	}
	return v, nil
}

// cartField names a cart-level field in an error.
func cartField(field string) string { return field }

// linePath names a line in an error: lines[2].
func linePath(i int) string {
	return "lines[" + strconv.Itoa(i) + "]"
}
