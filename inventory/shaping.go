package inventory

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// MaxQty is the largest quantity of units this package accepts or produces, 10¹⁵: each field of a
// [Stock], a reservation, a receipt, the MOQ, pack and cap of a [Shaping], a shaped order, a demand
// mean or deviation per period, a history value and a hand-set level. Sums of a few such quantities
// stay exact in a float64 (below 2⁵³) and far from the int64 limits. A larger value is an error
// wrapping [ErrTooLarge].
const MaxQty = 1_000_000_000_000_000

// Shaping turns a raw need into an order a supplier accepts. The pipeline (seed rules INV-01/INV-02,
// DESIGN "Inventory") is, in order:
//
//  1. round the raw need up to whole units (a positive need of 0.2 becomes 1);
//  2. raise it to at least the minimum order quantity (起订量, MOQ);
//  3. round it up to a multiple of the pack size (箱规);
//  4. lower it to at most the cap, staying on a pack multiple.
//
// Step 3 rounds up by default; [WithPackRounding] can make it round down ([PackRoundDown]) or round
// up unless that passes the maximum stock level (Odoo 18, [PackRoundUpWithinMax]). Under the default a
// positive need never becomes zero: [NewShaping] refuses a cap below the smallest order the MOQ and
// pack allow, ⌈max(MOQ, 1)/pack⌉·pack, so step 4 always leaves at least that. A need of zero (or a
// NaN-free need below zero is an error) orders nothing.
//
// The zero value is useful: no MOQ, a pack of 1, no cap. Shaping is a comparable value, safe for
// concurrent use.
type Shaping struct {
	rounding PackRounding
	moq      int64
	packM1   int64 // pack size - 1, so that the zero value means a pack of 1
	capQty   int64 // 0 means no cap
	minimum  int64 // smallest positive order ⌈max(moq, 1)/pack⌉·pack when above 1, else 0
}

// NewShaping returns the shaping for a minimum order quantity, a pack size and a cap (0 for no cap).
// It takes the option [WithPackRounding] (default [PackRoundUp]). It returns an error for a negative
// MOQ or cap, a pack size below 1, a cap below the smallest allowed order ⌈max(MOQ, 1)/pack⌉·pack
// (wrapping [ErrCapBelowMOQ]; this includes a cap below the MOQ and a cap below one pack), or an
// unknown rounding or an option NewShaping does not take.
func NewShaping(moq, pack, capQty int64, opts ...Option) (Shaping, error) {
	const op = "shaping"
	c, err := applyOptions(op, true, false, opts)
	if err != nil {
		return Shaping{}, err
	}
	if moq < 0 {
		return Shaping{}, fieldErr(op, "moq", moq, ErrNegative)
	}
	if pack < 1 {
		return Shaping{}, fieldErr(op, "pack", pack, ErrNotPositive)
	}
	if capQty < 0 {
		return Shaping{}, fieldErr(op, "cap", capQty, ErrNegative)
	}
	for _, f := range [...]struct {
		name string
		v    int64
	}{{"moq", moq}, {"pack", pack}, {"cap", capQty}} {
		if f.v > MaxQty {
			return Shaping{}, detailErr(op, f.name, f.v, ErrTooLarge, maxQtyDetail)
		}
	}
	minimum := ceilMultiple(max(moq, 1), pack)
	if minimum > MaxQty {
		return Shaping{}, detailErr(op, "moq", moq, ErrTooLarge, fmt.Sprintf("the smallest order %d is above 1e15 units", minimum))
	}
	if capQty > 0 && capQty < minimum {
		return Shaping{}, detailErr(op, "cap", capQty, ErrCapBelowMOQ, fmt.Sprintf("smallest order %d (moq %d, pack %d)", minimum, moq, pack))
	}
	if minimum == 1 {
		minimum = 0 // so that NewShaping(0, 1, 0) equals the zero value; any order q ≥ 1 passes q < 1 too
	}
	return Shaping{rounding: c.rounding, moq: moq, packM1: pack - 1, capQty: capQty, minimum: minimum}, nil
}

// MustShaping is like [NewShaping] but panics on error.
func MustShaping(moq, pack, capQty int64, opts ...Option) Shaping {
	s, err := NewShaping(moq, pack, capQty, opts...)
	if err != nil {
		panic(fmt.Sprintf("inventory.MustShaping(%d, %d, %d): %v", moq, pack, capQty, err))
	}
	return s
}

// ceilMultiple rounds n ≥ 0 up to a multiple of pack ≥ 1; both are at most 2·MaxQty, so it cannot
// overflow.
func ceilMultiple(n, pack int64) int64 { return (n + pack - 1) / pack * pack }

// MOQ returns the minimum order quantity.
func (s Shaping) MOQ() int64 { return s.moq }

// Pack returns the pack size (1 for the zero value).
func (s Shaping) Pack() int64 { return s.packM1 + 1 }

// Cap returns the cap, or 0 when there is none.
func (s Shaping) Cap() int64 { return s.capQty }

// Rounding returns how the shaping rounds to a pack multiple.
func (s Shaping) Rounding() PackRounding { return s.rounding }

// Shaped reports every step of [Shaping.Shape]: the raw need and the quantity after each step.
type Shaped struct {
	Need      float64 `json:"need"`       // the raw need
	Units     int64   `json:"units"`      // step 1: ⌈need⌉
	AfterMOQ  int64   `json:"after_moq"`  // step 2: max(Units, MOQ), or 0 when Units is 0
	AfterPack int64   `json:"after_pack"` // step 3: AfterMOQ rounded up (or the need rounded down) to a pack multiple
	Qty       int64   `json:"qty"`        // step 4: the order, at most the cap
	// Down is true when step 3 rounded down ([PackRoundDown], or [PackRoundUpWithinMax] when rounding
	// up would pass the maximum); Units is then not raised to the MOQ, and an AfterPack below the
	// smallest allowed order is 0 (under PackRoundUpWithinMax, the MOQ when a pack fits).
	Down bool `json:"down,omitempty"`
}

// Shape runs the pipeline on need and reports each step, with no maximum level: under
// [PackRoundUpWithinMax] it rounds up. It returns an error when need is negative, NaN or infinite, or
// when need or the shaped order (raised to the MOQ and a pack multiple) is above [MaxQty].
func (s Shaping) Shape(need float64) (Shaped, error) {
	return s.ShapeWithin(need, math.Inf(1))
}

// ShapeWithin is [Shaping.Shape] with room, the units that fit below the maximum stock level (for an
// order-up-to policy, S - position; +Inf for none). Only [PackRoundUpWithinMax] reads it: it rounds
// the need up unless the rounded order exceeds room, and then rounds min(need, room) down. It
// returns the errors of Shape and one for a room that is negative or NaN.
func (s Shaping) ShapeWithin(need, room float64) (Shaped, error) {
	const op = "shape"
	if err := checkQty(op, "need", need); err != nil {
		return Shaped{}, err
	}
	if !(room >= 0) {
		return Shaped{}, fieldErr(op, "room", room, ErrNegative)
	}
	r := s.shapeWithin(need, room)
	if r.Qty > MaxQty {
		return Shaped{}, detailErr(op, "need", need, ErrTooLarge, fmt.Sprintf("the order %d is above 1e15 units", r.Qty))
	}
	return r, nil
}

// shape runs the pipeline on a finite need in [0, MaxQty] with no maximum level.
func (s Shaping) shape(need float64) Shaped { return s.shapeWithin(need, math.Inf(1)) }

// shapeWithin runs the pipeline on a finite need in [0, MaxQty] and a room ≥ 0 (or +Inf); the MOQ and
// pack are at most MaxQty, so every step stays below 2·MaxQty.
func (s Shaping) shapeWithin(need, room float64) Shaped {
	r := Shaped{Need: need}
	if !(need > 0) {
		return r
	}
	pack := s.packM1 + 1
	r.Units = int64(math.Ceil(need))
	r.AfterMOQ = max(r.Units, s.moq)
	r.AfterPack = ceilMultiple(r.AfterMOQ, pack)
	switch s.rounding {
	case PackRoundDown:
		s.roundDown(&r, need)
	case PackRoundUpWithinMax:
		if float64(r.AfterPack) > room {
			limit := min(need, room)
			s.roundDown(&r, limit)
			if r.AfterPack == 0 && limit >= float64(pack) {
				// A pack fits below the maximum, the MOQ does not: Odoo orders the vendor's
				// minimum anyway.
				r.AfterMOQ, r.AfterPack = max(r.Units, s.moq), s.minimum
			}
		}
	}
	r.Qty = r.AfterPack
	if s.capQty > 0 && r.Qty > s.capQty {
		// The largest pack multiple within the cap; NewShaping made sure it is at least the minimum.
		r.Qty = s.capQty / pack * pack
	}
	return r
}

// roundDown sets the pack step to the largest allowed order (a pack multiple of at least the
// smallest order) not above limit, or 0 when there is none.
func (s Shaping) roundDown(r *Shaped, limit float64) {
	pack := s.packM1 + 1
	q := int64(limit) / pack * pack // limit ≤ MaxQty: exact
	if q < s.minimum {
		q = 0
	}
	r.AfterMOQ, r.AfterPack, r.Down = r.Units, q, true
}

// PackRounding says how [Shaping] rounds an order to a pack multiple (箱规). Its text form is "up",
// "down" or "up_within_max".
type PackRounding uint8

// Pack roundings. The zero value, PackRoundUp, is the default.
const (
	// PackRoundUp raises the need to the MOQ and rounds up to a pack multiple: the order covers the
	// whole need (the cap may still lower it).
	PackRoundUp PackRounding = iota
	// PackRoundDown orders the largest allowed order (a pack multiple, at least the MOQ) not above
	// the need, and nothing when the need is below the smallest allowed order: the order never
	// exceeds the need.
	PackRoundDown
	// PackRoundUpWithinMax rounds up unless the rounded order would pass the maximum stock level, and
	// then rounds down: Odoo 18's reordering rule (stock.warehouse.orderpoint, _get_qty_to_order in
	// addons/stock/models/stock_orderpoint.py), which orders max - forecast rounded up to the
	// multiple when no maximum is set (max 0) and rounded down (qty_to_order -= remainder) when one
	// is. As in Odoo, a need below one pack within the maximum orders nothing; when a pack fits but
	// the MOQ (Odoo's vendor minimum) does not, the order is the MOQ, past the maximum, as Odoo
	// raises qty_to_order to the vendor's minimum (purchase_stock test_set_supplier_in_orderpoint:
	// min = max = 500, minimum 6000: 6000). [Shaping.ShapeWithin] takes the room below the maximum;
	// the [Planner] and [Backtest] pass S - position for the order-up-to policies ((s, S), min/max,
	// (R, S)) with S above 0, and no maximum for the others and for S = 0 (Odoo's max 0).
	PackRoundUpWithinMax
)

// String returns "round up", "round down" or "round up within max".
func (r PackRounding) String() string {
	switch r {
	case PackRoundUp:
		return "round up"
	case PackRoundDown:
		return "round down"
	case PackRoundUpWithinMax:
		return "round up within max"
	}
	return fmt.Sprintf("PackRounding(%d)", uint8(r))
}

// Capped reports whether the cap lowered the order below the need.
func (r Shaped) Capped() bool { return r.Qty < r.AfterPack }

// String lists the steps that changed the quantity, such as "need 12.3 → 13 units → MOQ 20 → pack of 12: 24".
func (r Shaped) String() string {
	var b strings.Builder
	b.WriteString("need ")
	if n := fmtNum(r.Need); n != "0" || r.Need == 0 {
		b.WriteString(n)
	} else { // a positive need below 0.005
		b.WriteString(strconv.FormatFloat(r.Need, 'g', 3, 64))
	}
	if r.Units == 0 {
		b.WriteString(" → order 0")
		return b.String()
	}
	if float64(r.Units) != r.Need {
		fmt.Fprintf(&b, " → %d units", r.Units)
	}
	if r.AfterMOQ != r.Units {
		fmt.Fprintf(&b, " → MOQ %d", r.AfterMOQ)
	}
	switch {
	case r.Down && r.AfterPack == 0:
		b.WriteString(" → rounded down below the smallest order")
	case r.Down && r.AfterMOQ != r.Units: // PackRoundUpWithinMax: the MOQ past the maximum
		fmt.Fprintf(&b, " → smallest order %d, past the maximum", r.AfterPack)
	case r.Down:
		fmt.Fprintf(&b, " → rounded down to pack multiple %d", r.AfterPack)
	case r.AfterPack != r.AfterMOQ:
		fmt.Fprintf(&b, " → pack multiple %d", r.AfterPack)
	}
	if r.Qty != r.AfterPack {
		fmt.Fprintf(&b, " → cap %d", r.Qty)
	}
	fmt.Fprintf(&b, " → order %d", r.Qty)
	return b.String()
}
