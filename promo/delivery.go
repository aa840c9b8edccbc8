package promo

import (
	"fmt"
	"strconv"

	"github.com/opskit/opskit/internal/checked"
	"github.com/opskit/opskit/pricing"
)

// Delivery is an O2O delivery order's distance and the store's delivery
// fee schedule ([Cart.Delivery]). When a cart carries one, the shipping
// layer computes the fee from it (and [Cart.Shipping] must be left out):
// the fee of the distance band, or of the band's amount tier the order
// reaches; below the minimum order for delivery the order is not
// deliverable and [Result.Delivery] says what is missing, like a
// threshold. A free-shipping promotion ([FreeShipping] with a MinAmount:
// free delivery from X) then waives or reduces the computed fee.
type Delivery struct {
	DistanceMeters int64        `json:"distance_meters"` // from the store to the address; at most MaxDistanceMeters
	Fees           DeliveryFees `json:"fees"`
}

// DeliveryFees is a store's delivery fee schedule: a minimum order for
// delivery (the zero Money: none) and the fee by distance band, each band
// optionally by order amount. MinOrder and the amount tiers are measured
// on every line of the cart as Base says: by default after the item layer
// ([BaseAfterItems]), at list price, or the running total after the whole
// order layer ([BaseRunningTotal]); never after points.
type DeliveryFees struct {
	MinOrder pricing.Money  `json:"min_order,omitzero"`
	Base     ThresholdBase  `json:"base,omitzero"`
	Bands    []DeliveryBand `json:"bands"` // by UpToMeters, strictly increasing; at least one, at most MaxActionList
}

// DeliveryBand is the fee for distances up to UpToMeters (inclusive, and
// beyond the previous band's): Fee, or the Fee of the last tier whose
// FromAmount the order reaches.
type DeliveryBand struct {
	UpToMeters int64          `json:"up_to_meters"`
	Fee        pricing.Money  `json:"fee"`
	Tiers      []DeliveryTier `json:"tiers,omitempty"` // by FromAmount, strictly increasing; at most MaxActionList
}

// DeliveryTier is a band's fee from an order amount on: a larger order
// may pay less (from 50.00, 2.00 instead of 5.00) or more.
type DeliveryTier struct {
	FromAmount pricing.Money `json:"from_amount"`
	Fee        pricing.Money `json:"fee"`
}

// DeliveryResult is what the schedule gave: the band, the fee before
// promotions (Result.ShippingBefore), and whether the order can be
// delivered: not beyond the last band (OutOfRange) and not below the
// minimum order (MissingAmount is then what the base lacks, as a
// threshold's).
type DeliveryResult struct {
	Deliverable    bool          `json:"deliverable"`
	OutOfRange     bool          `json:"out_of_range,omitempty"`
	DistanceMeters int64         `json:"distance_meters"`
	Band           int           `json:"band"` // index in Bands; -1 when out of range
	Fee            pricing.Money `json:"fee,omitzero"`
	MinOrder       pricing.Money `json:"min_order,omitzero"`
	MissingAmount  pricing.Money `json:"missing_amount,omitzero"`
}

// String renders the result: "deliverable, fee 5.00", "below the minimum
// order 20.00: add 3.50 more for delivery", "out of range (6200 m)".
func (d DeliveryResult) String() string {
	switch {
	case d.OutOfRange:
		return fmt.Sprintf("out of range (%d m)", d.DistanceMeters)
	case !d.Deliverable:
		return fmt.Sprintf("below the minimum order %s: add %s more for delivery", d.MinOrder.StringAmount(), d.MissingAmount.StringAmount())
	}
	return "deliverable, fee " + d.Fee.StringAmount()
}

// MaxDistanceMeters bounds a delivery distance and a band's UpToMeters:
// 10^8 m.
const MaxDistanceMeters = 100_000_000

// deliveryCtx is a cart's delivery schedule in minor units, for its band.
type deliveryCtx struct {
	on       bool
	band     int   // -1: out of range
	fee      int64 // the band's fee
	tiers    [][2]int64
	minOrder int64 // -1: none
	base     ThresholdBase
	max      int64 // the highest fee the band can charge
	fee0     int64 // the fee at the cart's prices before promotions
}

// checkDelivery validates the cart's delivery and, given a ctx, prepares
// it there.
func (c *Cart) checkDelivery(dx *deliveryCtx) error {
	*dx = deliveryCtx{band: -1} // minOrder is read below
	d := c.Delivery
	if d == nil {
		return nil
	}
	if c.Shipping.IsValid() {
		return fieldErr("shipping", c.Shipping.String(), ErrInvalidCart, "set shipping or delivery, not both: the schedule computes the fee")
	}
	if d.DistanceMeters < 0 || d.DistanceMeters > MaxDistanceMeters {
		return fieldErr("delivery.distance_meters", strconv.FormatInt(d.DistanceMeters, 10), distanceSentinel(d.DistanceMeters), "from 0 to %d", int64(MaxDistanceMeters))
	}
	f := &d.Fees
	if err := checkBase("delivery.fees", f.Base); err != nil {
		return withSentinel(err, ErrInvalidCart)
	}
	var err error
	if dx.minOrder, err = c.optional("delivery.fees.min_order", f.MinOrder); err != nil {
		return err
	}
	switch {
	case len(f.Bands) == 0:
		return fieldErr("delivery.fees.bands", "", ErrInvalidCart, "at least one band is required")
	case len(f.Bands) > MaxActionList:
		return fieldErr("delivery.fees.bands", strconv.Itoa(len(f.Bands)), ErrTooLarge, "at most %d bands", MaxActionList)
	}
	prev := int64(-1)
	for i := range f.Bands {
		b := &f.Bands[i]
		path := "delivery.fees.bands[" + strconv.Itoa(i) + "]"
		if b.UpToMeters <= prev || b.UpToMeters > MaxDistanceMeters {
			return fieldErr(path+".up_to_meters", strconv.FormatInt(b.UpToMeters, 10), ErrInvalidCart, "must be above the previous band's and at most %d", int64(MaxDistanceMeters))
		}
		fee, err := c.minor(func(s string) string { return path + "." + s }, "fee", b.Fee, false)
		if err != nil {
			return err
		}
		if len(b.Tiers) > MaxActionList {
			return fieldErr(path+".tiers", strconv.Itoa(len(b.Tiers)), ErrTooLarge, "at most %d tiers", MaxActionList)
		}
		in := d.DistanceMeters > prev && d.DistanceMeters <= b.UpToMeters // bands are disjoint: at most one
		if in {
			dx.band, dx.fee, dx.max = i, fee, fee
		}
		from := int64(-1)
		for j := range b.Tiers {
			t := &b.Tiers[j]
			tp := func(s string) string { return path + ".tiers[" + strconv.Itoa(j) + "]." + s }
			a, err := c.minor(tp, "from_amount", t.FromAmount, false)
			if err != nil {
				return err
			}
			if a <= from {
				return fieldErr(tp("from_amount"), t.FromAmount.String(), ErrInvalidCart, "must be above the previous tier's")
			}
			from = a
			tf, err := c.minor(tp, "fee", t.Fee, false)
			if err != nil {
				return err
			}
			if in {
				dx.tiers = append(dx.tiers, [2]int64{a, tf})
				dx.max = max(dx.max, tf)
			}
		}
		prev = b.UpToMeters
	}
	dx.on, dx.base = true, f.Base
	return nil
}

// optional reads an optional amount of the cart: -1 for the zero Money.
func (c *Cart) optional(path string, m pricing.Money) (int64, error) {
	if !m.IsValid() {
		return -1, nil
	}
	return c.minor(cartField, path, m, false)
}

func distanceSentinel(n int64) error {
	if n < 0 {
		return ErrInvalidCart
	}
	return ErrTooLarge
}

// withSentinel rewraps a *FieldError's sentinel.
func withSentinel(err error, s error) error {
	if fe, ok := err.(*FieldError); ok {
		cp := *fe
		cp.Err = s
		return &cp
	}
	return err
}

// deliveryAmount measures the whole cart on the schedule's base.
func (c *ctx) deliveryAmount(ps *pass) int64 {
	var a int64 // ≤ the subtotal ≤ MaxMinorUnits
	switch c.dx.base {
	case BaseListPrice:
		for li := range c.lines {
			a += c.lines[li].list * int64(c.first[li+1]-c.first[li]) // ≤ the line's list total
		}
	case BaseRunningTotal:
		for _, p := range ps.price {
			a += p
		}
	default:
		for _, p := range ps.itemPrice {
			a += p
		}
	}
	return a
}

// deliveryFee sets the pass's shipping fee from the schedule, before the
// shipping layer: the band's fee, or its last tier the amount reaches; no
// fee out of range.
func (c *ctx) deliveryFee(ps *pass) {
	if !c.dx.on {
		ps.fx.feeBefore = c.shipping
		return
	}
	fee := int64(0)
	if c.dx.band >= 0 {
		fee = c.dx.fee
		a := c.deliveryAmount(ps)
		ps.fx.deliveryAmount = a
		for _, t := range c.dx.tiers {
			if a >= t[0] {
				fee = t[1]
			}
		}
	}
	ps.fee, ps.fx.feeBefore = fee, fee
}

// feeRise is how much more the pass's delivery fee is than the fee at the
// cart's prices before promotions: the customer pays it, so it counts
// against the saving.
func (c *ctx) feeRise(ps *pass) int64 {
	if !c.dx.on {
		return 0
	}
	return ps.fx.feeBefore - c.dx.fee0
}

// deliveryResult fills Result.Delivery from the final pass.
func (c *ctx) deliveryResult(res *Result, ps *pass) {
	res.ShippingBefore = c.moneyOf(ps.fx.feeBefore)
	if !c.dx.on {
		return
	}
	d := &DeliveryResult{Deliverable: true, DistanceMeters: c.cart.Delivery.DistanceMeters, Band: c.dx.band}
	switch {
	case c.dx.band < 0:
		d.Deliverable, d.OutOfRange = false, true
	default:
		d.Fee = c.moneyOf(ps.fx.feeBefore)
	}
	if c.dx.minOrder >= 0 {
		d.MinOrder = c.moneyOf(c.dx.minOrder)
		if miss, _ := checked.Sub(c.dx.minOrder, ps.fx.deliveryAmount); miss > 0 && c.dx.band >= 0 {
			d.Deliverable, d.MissingAmount = false, c.moneyOf(miss)
		}
	}
	res.Delivery = d
}

// maxDeliveryFee is the most fee a valid cart's schedule charges at its
// distance: a stored result's shipping is held to it.
func maxDeliveryFee(cart *Cart) int64 {
	var dx deliveryCtx
	if cart.checkDelivery(&dx) != nil || dx.band < 0 {
		return 0
	}
	return dx.max
}

// initDelivery prepares the delivery of a cart checked by prepare: the
// fee at the cart's prices before promotions (fee0), and c.shipping as the
// highest fee the band can charge, so "no fee to waive" means none.
func (c *ctx) initDelivery() {
	if !c.dx.on {
		return
	}
	c.shipping = c.dx.max
	var a int64 // ≤ the subtotal, or the list total ≤ MaxUnits·MaxMinorUnits
	for li := range c.lines {
		p := c.lines[li].price
		if c.dx.base == BaseListPrice {
			p = c.lines[li].list
		}
		a = satAdd(a, satMul(p, int64(c.first[li+1]-c.first[li])))
	}
	c.dx.fee0 = c.dx.fee
	for _, t := range c.dx.tiers {
		if a >= t[0] {
			c.dx.fee0 = t[1]
		}
	}
}

// feeVaries reports whether the delivery fee depends on the promotions
// chosen: amount tiers measured after promotions. The choice's bound (a
// combination saves at most the sum of what its promotions save alone)
// assumes it does not.
func (c *ctx) feeVaries() bool {
	return c.dx.on && len(c.dx.tiers) > 0 && c.dx.base != BaseListPrice
}
