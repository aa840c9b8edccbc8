package promo

import (
	"fmt"
	"math/big"
	"strconv"

	"github.com/opskit/opskit/pricing"
)

// pointsLayer is where points are redeemed: after every other layer, so
// that they pay for the goods after coupons and never change whether a
// threshold (a gift's, free shipping's) is reached.
const pointsLayer = giftLayer + 1

// MaxPoints is the most points a cart may offer ([Cart.Points]) and the
// most points of a [PointsRedemption]'s rate: 10^15.
const MaxPoints = 1_000_000_000_000_000

// PointsRedemption is points redemption: Points points pay for Value of the
// goods (100 points = 1.00 is {Points: 100, Value: 1.00}), up to the points
// the cart offers ([Cart.Points]), at most MaxPercent percent of the
// targeted amount (0: no share cap) and at most MaxAmount (the zero Money:
// no cap).
//
// It applies after every other promotion, coupons included (its own layer,
// after the order, shipping and gift layers): the amount it may pay for is
// the targeted goods after every discount, without shipping; thresholds
// never see it, so paying with points cannot lose a gift or free shipping.
// Points are payment, not a discount: they are not held to price floors,
// and they are not a saving to the choice among promotions (a points
// redemption may not be a choice: no Group, Exclusive or Coupon).
//
// Points are redeemed in whole steps: Points/g points for Value/g minor
// units, g their greatest common divisor (100 points = 1.00 redeems 1
// point for 0.01; 150 points = 1.00 redeems 3 points for 0.02). The steps
// are allocated to the targeted lines in proportion to their amounts by
// largest remainder, then to each line's units the same way (never more of
// a unit than its price), so every unit's share is a whole number of steps
// and a refund returns exactly its points and its money
// ([RefundQuote.Points]). [Result.PointsUsed] and [Result.PointsDiscount]
// report the points spent and the money they paid.
type PointsRedemption struct {
	Points     int64
	Value      pricing.Money
	MaxPercent int64
	MaxAmount  pricing.Money
}

// Kind returns "points-redemption".
func (PointsRedemption) Kind() string { return "points-redemption" }

func (PointsRedemption) layer() layer { return pointsLayer }

func (a PointsRedemption) compile(path string, c pricing.Currency) (rule, error) {
	r := rule{kind: kPoints, layer: pointsLayer, cap: -1}
	var k problems
	switch {
	case a.Points < 1:
		k.add(fieldErr(path+".points", strconv.FormatInt(a.Points, 10), ErrInvalidAction, "must be at least 1"))
	case a.Points > MaxPoints:
		k.add(fieldErr(path+".points", strconv.FormatInt(a.Points, 10), ErrTooLarge, "at most %d", int64(MaxPoints)))
	}
	v, err := minorOf(path+".value", a.Value, c)
	if k.add(err) && v == 0 {
		k.add(fieldErr(path+".value", a.Value.String(), ErrInvalidAction, "must be above zero"))
	}
	if a.MaxPercent < 0 || a.MaxPercent > 100 {
		k.add(fieldErr(path+".max_percent", strconv.FormatInt(a.MaxPercent, 10), ErrInvalidAction, "must be from 0 (no cap) to 100"))
	}
	r.amount, err = optMinor(path+".max_amount", a.MaxAmount, c) // -1: no cap
	k.add(err)
	x := &formRule{share: a.MaxPercent}
	if a.Points >= 1 && v > 0 {
		g := new(big.Int).GCD(nil, nil, big.NewInt(a.Points), big.NewInt(v)).Int64()
		x.points, x.value = a.Points/g, v/g
	}
	r.x = x
	return r, k.err()
}

// pointsPromo redeems the cart's points for the targeted goods at their
// current prices: k steps, the most the points, the share cap, the amount
// cap, the budget and the goods allow, allocated to lines then units.
func (c *ctx) pointsPromo(ps *pass, pi int) {
	r := &c.e.promos[pi].r
	x := r.x
	if len(ps.fx.points) < len(c.e.promos) {
		ps.fx.points = make([]int64, len(c.e.promos))
	}
	ps.fx.points[pi] = 0
	offered := c.cart.Points
	if offered <= 0 {
		return
	}
	// Lines with room (a unit takes whole steps, at most its price).
	lines, weights, rooms := ps.fx.lines[:0], ps.fx.weights[:0], ps.fx.rooms[:0]
	var amount, room int64 // ≤ the subtotal; steps ≤ the subtotal
	for _, li := range c.targets[pi] {
		var total, steps int64
		for u := c.first[li]; u < c.first[li+1]; u++ {
			total += ps.price[u]
			steps += ps.price[u] / x.value
		}
		amount += total
		if steps > 0 {
			lines, weights, rooms = append(lines, li), append(weights, total), append(rooms, steps)
			room += steps
		}
	}
	ps.fx.lines, ps.fx.weights, ps.fx.rooms = lines, weights, rooms
	limit := amount // money the points may pay
	if x.share > 0 {
		limit = amount * x.share / 100 // ≤ MaxMinorUnits·100
	}
	if r.amount >= 0 {
		limit = min(limit, r.amount)
	}
	if left := c.budgetLeft(ps, pi); left >= 0 {
		limit = min(limit, left)
	}
	byPoints := min(offered/x.points, room)
	k := min(byPoints, limit/x.value)
	ps.capped[pi] += (byPoints - k) * x.value // what the caps held back: ≤ the subtotal
	if k <= 0 {
		return
	}
	lineSteps, _ := ps.fill(ps.fx.lineSteps, k, weights, rooms) // k ≤ Σ rooms: no excess
	ps.fx.lineSteps = lineSteps
	for j, li := range lines {
		if lineSteps[j] > 0 {
			c.pointsLine(ps, pi, li, lineSteps[j])
		}
	}
	ps.fx.points[pi] = k * x.points // ≤ offered ≤ MaxPoints
}

// pointsLine gives steps of promotion pi to line li's units in proportion
// to their prices, each at most its price in whole steps.
func (c *ctx) pointsLine(ps *pass, pi, li int, steps int64) {
	x := c.e.promos[pi].r.x
	units, weights, rooms := ps.fx.units[:0], ps.fx.uWeights[:0], ps.fx.uRooms[:0]
	for u := c.first[li]; u < c.first[li+1]; u++ {
		if s := ps.price[u] / x.value; s > 0 {
			units, weights, rooms = append(units, u), append(weights, ps.price[u]), append(rooms, s)
		}
	}
	ps.fx.units, ps.fx.uWeights, ps.fx.uRooms = units, weights, rooms
	parts, _ := ps.fill(ps.fx.unitSteps, steps, weights, rooms) // steps ≤ the line's room
	ps.fx.unitSteps = parts
	for k, u := range units {
		c.take(ps, pi, u, parts[k]*x.value) // ≤ the unit's price
	}
}

// pointsResult moves the points promotions' money out of the order
// discount into res.PointsDiscount and reports the points spent.
func (c *ctx) pointsResult(res *Result, ps *pass, on []bool, expl []Explanation, order int64) int64 {
	var money, points int64
	for pi := range on {
		if on[pi] && c.e.promos[pi].r.kind == kPoints {
			money += ps.amount[pi]
			points += ps.fx.points[pi]
			expl[pi].Points = ps.fx.points[pi]
		}
	}
	res.PointsUsed = points
	if money > 0 {
		res.PointsDiscount = c.moneyOf(money)
	}
	return order - money
}

// pointsSaving is what the points promotions of a pass paid: not a saving.
func (c *ctx) pointsSaving(ps *pass) int64 {
	var s int64
	for pi := c.nItem; pi < len(ps.amount); pi++ {
		if c.e.promos[pi].r.kind == kPoints {
			s += ps.amount[pi]
		}
	}
	return s
}

// refundPoints is the points the returned units (line, unit) give back:
// per unit, its points adjustment in steps times the points of a step.
func (e *Engine) refundPoints(res *Result, units [][2]int) int64 {
	steps := map[string]*formRule{}
	for i := range e.promos {
		if e.promos[i].r.kind == kPoints {
			steps[e.promos[i].p.ID] = e.promos[i].r.x
		}
	}
	if len(steps) == 0 {
		return 0
	}
	var points int64
	for _, lu := range units {
		for _, a := range res.Lines[lu[0]].Adjustments {
			if x, ok := steps[a.PromotionID]; ok {
				v, _ := a.PerUnit[lu[1]].MinorUnits() // checked by checkResult
				points = satAdd(points, satMul(v/x.value, x.points))
			}
		}
	}
	return points
}

// keptPoints removes the points promotions from before (what each
// promotion gave the kept units) and returns what they paid: the kept part
// is priced again without points, so its clawback compares prices before
// points.
func (e *Engine) keptPoints(before map[string]int64) int64 {
	var s int64
	for i := range e.promos {
		if e.promos[i].r.kind == kPoints {
			s += before[e.promos[i].p.ID]
			delete(before, e.promos[i].p.ID)
		}
	}
	return s
}

// pointsSentinel is the error of a cart's bad Points: negative or too many.
func pointsSentinel(n int64) error {
	if n < 0 {
		return ErrInvalidCart
	}
	return ErrTooLarge
}

// pointsDetail says why a points redemption spent nothing: no points
// offered, fewer than one step, or no room (the goods are paid or a cap is
// zero); "" for any other promotion.
func (c *ctx) pointsDetail(pi int) string {
	r := &c.e.promos[pi].r
	switch {
	case r.kind != kPoints:
		return ""
	case c.cart.Points == 0:
		return "the cart offers no points"
	case c.cart.Points < r.x.points:
		return fmt.Sprintf("%d points offered, a step takes %d", c.cart.Points, r.x.points)
	}
	return "nothing left to pay with points"
}
