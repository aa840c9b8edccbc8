package promo

import (
	"slices"
	"strconv"

	"github.com/opskit/opskit/pricing"
)

// LimitedUnits takes a rate or an amount off at most PerLine units of each
// targeted line and at most PerCart units of the targeted lines together.
// It is Medusa's application method with allocation "each" and a
// max_quantity (PerLine: the value off each unit, at most max_quantity
// units of each item) and with allocation "once" (PerCart: the value off a
// given number of units of the cart). Set one of Rate and Amount, and at
// least one cap (without a cap it is a [PercentOff] or [AmountOff]).
//
// When PerCart binds, Pick says which units: the cheapest first (the zero
// value, [CheapestFirst]) or the dearest first ([DearestFirst]); ties go to
// the earlier line. PerLine is applied first, within each line in the same
// order. An amount never takes a unit below zero, and a unit another
// stacked promotion already made free is passed over (it counts toward
// neither cap), so two stacked caps of one unit free two units, as in
// Medusa.
//
// It is an item-layer promotion that picks its units, like [NthItem]: the
// units it discounts are its own (another item promotion may take the
// others), and it conflicts, as a choice, with the other item promotions on
// its lines unless every one of them is Stackable. A unit it leaves alone
// is not claimed.
type LimitedUnits struct {
	Rate    pricing.Rate
	Amount  pricing.Money
	PerLine int64
	PerCart int64
	Pick    UnitPick
}

// UnitPick says which units a cap keeps: the cheapest or the dearest first.
type UnitPick uint8

const (
	CheapestFirst UnitPick = iota // the cheapest units first; the zero value
	DearestFirst                  // the dearest units first
)

var unitPickNames = [...]string{"cheapest_first", "dearest_first"}

// MarshalText returns "cheapest_first" or "dearest_first"; an unknown pick
// is an error.
func (p UnitPick) MarshalText() ([]byte, error) {
	if int(p) >= len(unitPickNames) {
		return nil, &FieldError{Op: "marshal unit pick", Value: strconv.Itoa(int(p)), Err: ErrUnknownName}
	}
	return []byte(unitPickNames[p]), nil
}

// UnmarshalText reads "cheapest_first" or "dearest_first"; any other text
// is an error.
func (p *UnitPick) UnmarshalText(b []byte) error {
	for i, n := range unitPickNames {
		if n == string(b) {
			*p = UnitPick(i)
			return nil
		}
	}
	return &FieldError{Op: "unmarshal unit pick", Value: strconv.Quote(clip(string(b))), Err: ErrUnknownName}
}

// Kind returns "limited-units".
func (LimitedUnits) Kind() string { return "limited-units" }

func (LimitedUnits) layer() layer { return itemLayer }

func (a LimitedUnits) compile(path string, c pricing.Currency) (rule, error) {
	r := rule{kind: kLimited, layer: itemLayer, cap: -1, amount: -1}
	var k problems
	switch {
	case a.Amount.IsValid() && !a.Rate.IsZero():
		k.add(fieldErr(path, "", ErrInvalidAction, "set rate or amount, not both"))
	case a.Amount.IsValid():
		v, err := minorOf(path+".amount", a.Amount, c)
		if k.add(err) && v == 0 {
			k.add(fieldErr(path+".amount", a.Amount.String(), ErrInvalidAction, "must be above zero"))
		}
		r.amount = v
	default:
		off, err := rateOrFree(path+".rate", false, a.Rate)
		k.add(err)
		r.off = off
	}
	k.add(quantity(0, path+".per_line", a.PerLine))
	k.add(quantity(0, path+".per_cart", a.PerCart))
	if a.PerLine == 0 && a.PerCart == 0 {
		k.add(fieldErr(path+".per_line", "0", ErrInvalidAction, "set per_line or per_cart (without a cap use percent-off or amount-off)"))
	}
	if a.Pick > DearestFirst {
		k.add(fieldErr(path+".pick", strconv.Itoa(int(a.Pick)), ErrInvalidAction, "unknown pick"))
	}
	r.x = &formRule{perLine: a.PerLine, perCart: a.PerCart, dearest: a.Pick == DearestFirst}
	return r, k.err()
}

// limitedUnits applies a LimitedUnits: it walks the free targeted units in
// the order of Pick (available sorts them dearest first), keeps at most
// perLine of each line and perCart in all, and discounts those. O(n log n)
// for the sort, then one walk.
func (c *ctx) limitedUnits(ps *pass, pi int) {
	r := &c.e.promos[pi].r
	units := c.available(ps, pi, c.targets[pi], &ps.avail)
	perLine, perCart := r.x.perLine, r.x.perCart
	if perLine == 0 {
		perLine = MaxUnits
	}
	if perCart == 0 {
		perCart = MaxUnits
	}
	// counts: per targeted line, the units taken so far, kept at the
	// line's first unit and reset for the targeted lines only, so the
	// work is the promotion's units, not the cart's lines.
	if cap(ps.fx.lineCount) < len(c.unitLine) {
		ps.fx.lineCount = make([]int64, len(c.unitLine))
	}
	counts := ps.fx.lineCount[:len(c.unitLine)]
	for _, li := range c.targets[pi] {
		counts[c.first[li]] = 0
	}
	got, exact := ps.gotUnits[:0], ps.exact[:0]
	if !r.x.dearest {
		cheapestFirst(ps, units)
	}
	for k := 0; k < len(units) && int64(len(got)) < perCart; k++ {
		u := units[k]
		at := c.first[c.unitLine[u]]
		if counts[at] >= perLine || ps.price[u] == 0 {
			continue // a unit already free has nothing to take off: the cap goes to the next
		}
		counts[at]++
		d := ps.price[u] * r.off // ≤ MaxMinorUnits·rateScale
		if r.amount >= 0 {
			d = min(r.amount, ps.price[u]) * rateScale
		}
		got, exact = append(got, u), append(exact, d)
	}
	ps.gotUnits, ps.exact = got, exact
	c.claim(ps, pi, got)
	c.spreadUnits(ps, pi, got, exact)
}

// cheapestFirst reorders units sorted dearest first (ties by unit index)
// to cheapest first with ties still by unit index: it reverses the list,
// then each run of equal prices back. O(n).
func cheapestFirst(ps *pass, units []int) {
	slices.Reverse(units)
	for i := 0; i < len(units); {
		j := i + 1
		for j < len(units) && ps.price[units[j]] == ps.price[units[i]] {
			j++
		}
		slices.Reverse(units[i:j])
		i = j
	}
}
