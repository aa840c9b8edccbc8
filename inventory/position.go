package inventory

import (
	"fmt"
	"slices"
	"time"

	"github.com/opskit/opskit/internal/checked"
)

// Stock is one SKU's stock record, in units (件).
//
//   - OnHand (现货) is everything physically in the store or warehouse, including units on hold.
//   - Held is the part of OnHand on quality hold: returned goods awaiting re-inspection (质量回检,
//     seed rule INV-26). It is on hand but not available and not counted in the position.
//   - OnOrder is ordered from suppliers and not yet received.
//   - Backorders is demand already accepted that stock has not met.
//   - Reserved is stock promised to presales (预售), group-buys (团购, INV-07) and unpaid orders; see
//     [ReservedAt].
//
// The zero value is an empty record. Stock is a comparable value, safe for concurrent use. Every
// field is at most [MaxQty], so the position and the available stock, sums of at most five fields,
// never overflow and are exact in a float64.
type Stock struct {
	OnHand     int64 `json:"on_hand"`
	Held       int64 `json:"held"`
	OnOrder    int64 `json:"on_order"`
	Backorders int64 `json:"backorders"`
	Reserved   int64 `json:"reserved"`
}

// Validate returns an error when a field is negative or above [MaxQty], or Held exceeds OnHand.
func (s Stock) Validate() error {
	const op = "validate stock"
	for _, f := range [...]struct {
		name string
		v    int64
	}{{"on_hand", s.OnHand}, {"held", s.Held}, {"on_order", s.OnOrder}, {"backorders", s.Backorders}, {"reserved", s.Reserved}} {
		if f.v < 0 {
			return fieldErr(op, f.name, f.v, ErrNegative)
		}
		if f.v > MaxQty {
			return detailErr(op, f.name, f.v, ErrTooLarge, maxQtyDetail)
		}
	}
	if s.Held > s.OnHand {
		return detailErr(op, "held", s.Held, ErrPolicy, "more than on_hand")
	}
	return nil
}

// Available returns the stock free to promise now (可用库存, INV-07's 现货 minus presold quantities):
// OnHand - Held - Backorders - Reserved. It may be negative when commitments exceed stock. It returns
// the error of [Stock.Validate] for an invalid record.
func (s Stock) Available() (int64, error) {
	if err := s.Validate(); err != nil {
		return 0, within(err, "available", "")
	}
	return s.available(), nil
}

// available is Available for a valid record: every field is in [0, MaxQty], so it cannot overflow.
func (s Stock) available() int64 { return s.OnHand - s.Held - s.Backorders - s.Reserved }

// Position returns the inventory position (库存水位), the quantity the reorder trigger compares
// with the reorder point (Silver, Pyke & Thomas §6.3):
//
//	IP = (OnHand - Held) + OnOrder - Backorders - Reserved.
//
// Stock on quality hold is left out because it may fail inspection; it enters the position when the
// caller releases it into OnHand. It returns the error of [Stock.Validate] for an invalid record.
func (s Stock) Position() (int64, error) {
	if err := s.Validate(); err != nil {
		return 0, within(err, "position", "")
	}
	return s.position(), nil
}

// position is Position for a valid record: every field is in [0, MaxQty], so it cannot overflow.
func (s Stock) position() int64 { return s.OnHand - s.Held + s.OnOrder - s.Backorders - s.Reserved }

// ReservationKind names why stock is reserved.
type ReservationKind uint8

// Reservation kinds. The zero value is not a kind.
const (
	// Presale (预售) is stock sold before it is shipped.
	Presale ReservationKind = iota + 1
	// GroupBuy (团购, 组团) is stock committed to a group-buy campaign (INV-07).
	GroupBuy
	// UnpaidOrder is stock held for an order awaiting payment until it expires.
	UnpaidOrder
)

// String returns the kind's name.
func (k ReservationKind) String() string {
	switch k {
	case Presale:
		return "presale"
	case GroupBuy:
		return "group-buy"
	case UnpaidOrder:
		return "unpaid order"
	}
	return fmt.Sprintf("ReservationKind(%d)", uint8(k))
}

// Reservation is a quantity promised and not yet shipped, at most [MaxQty]. ExpiresAt is when it lapses: the payment
// deadline of an unpaid order, the end of a group-buy that did not form. The zero ExpiresAt never
// expires. A reservation is active at t when ExpiresAt is zero or t is before ExpiresAt: at the
// expiry instant itself the stock is free again.
type Reservation struct {
	Kind      ReservationKind `json:"kind"`
	Qty       int64           `json:"qty"`
	ExpiresAt time.Time       `json:"expires_at,omitzero"`
}

// ActiveAt reports whether the reservation still holds stock at t.
func (r Reservation) ActiveAt(t time.Time) bool { return r.ExpiresAt.IsZero() || t.Before(r.ExpiresAt) }

// ReservedAt returns the total quantity of the reservations active at the instant at, the Reserved
// field of a [Stock] at that time. It returns an error for an unknown kind, a negative quantity, or a
// quantity or total above [MaxQty].
func ReservedAt(reservations []Reservation, at time.Time) (int64, error) {
	return reservedAt("reserved at", reservations, at)
}

func reservedAt(op string, reservations []Reservation, at time.Time) (int64, error) {
	var total int64
	for i, r := range reservations {
		if r.Kind < Presale || r.Kind > UnpaidOrder {
			return 0, fieldErr(op, indexed("reservations", i)+".kind", uint8(r.Kind), ErrInvalidEnum)
		}
		if r.Qty < 0 {
			return 0, fieldErr(op, indexed("reservations", i)+".qty", r.Qty, ErrNegative)
		}
		if r.Qty > MaxQty {
			return 0, detailErr(op, indexed("reservations", i)+".qty", r.Qty, ErrTooLarge, maxQtyDetail)
		}
		if r.ActiveAt(at) {
			var ok bool
			if total, ok = checked.Add(total, r.Qty); !ok || total > MaxQty {
				return 0, detailErr(op, "reservations", total, ErrTooLarge, "active reservations total at most 1e15 units")
			}
		}
	}
	return total, nil
}

// Receipt is an inbound delivery (在途): Qty units (at most [MaxQty]) expected at ETA.
type Receipt struct {
	Qty int64     `json:"qty"`
	ETA time.Time `json:"eta"`
}

// ATPPoint is the cumulative available-to-promise quantity from Date on.
type ATPPoint struct {
	Date time.Time `json:"date"`
	Qty  int64     `json:"qty"` // may be negative: a shortfall that later receipts must cover first
}

// ATP is an available-to-promise (可承诺量) schedule: what can be promised to a customer for delivery
// at each date. Build it with [NewATP]. It is immutable and safe for concurrent use.
type ATP struct {
	points []ATPPoint
}

// NewATP returns the available-to-promise schedule at the instant at, for the stock record s (its
// Reserved field is ignored) and the reservations and inbound receipts:
//
//	ATP(at)   = OnHand - Held - Backorders - Σ reservations active at `at`
//	ATP(date) = ATP(at) + Σ receipts with ETA ≤ date
//
// This is cumulative ATP without look-ahead, which is exact here because every commitment is due now
// (Vollmann et al., "Manufacturing Planning and Control", ch. 6). Receipts with an ETA at or before
// `at` count from `at`. Receipts at the same ETA are merged. Reservations that expire after `at` are
// not released in the schedule: an unpaid order may still be paid. It returns an error for an invalid
// stock record, an invalid reservation, a negative receipt, or receipts totalling more than [MaxQty].
func NewATP(s Stock, reservations []Reservation, receipts []Receipt, at time.Time) (ATP, error) {
	const op = "atp"
	if y := at.Year(); y < 1 || y > maxYear {
		return ATP{}, detailErr(op, "at", y, ErrTooLarge, "a year from 1 to 9999")
	}
	if err := s.Validate(); err != nil {
		return ATP{}, within(err, op, "stock")
	}
	reserved, err := reservedAt(op, reservations, at)
	if err != nil {
		return ATP{}, err
	}
	var inboundTotal int64
	for i, r := range receipts {
		if r.Qty < 0 {
			return ATP{}, fieldErr(op, indexed("receipts", i)+".qty", r.Qty, ErrNegative)
		}
		if r.Qty > MaxQty {
			return ATP{}, detailErr(op, indexed("receipts", i)+".qty", r.Qty, ErrTooLarge, maxQtyDetail)
		}
		if r.ETA.Year() > maxYear {
			return ATP{}, detailErr(op, indexed("receipts", i)+".eta", r.ETA.Year(), ErrTooLarge, "a year up to 9999")
		}
		var ok bool
		if inboundTotal, ok = checked.Add(inboundTotal, r.Qty); !ok || inboundTotal > MaxQty {
			return ATP{}, detailErr(op, "receipts", inboundTotal, ErrTooLarge, "receipts total at most 1e15 units")
		}
	}
	inbound := slices.Clone(receipts)
	for i := range inbound {
		if inbound[i].ETA.Before(at) {
			inbound[i].ETA = at
		}
	}
	slices.SortStableFunc(inbound, func(a, b Receipt) int { return a.ETA.Compare(b.ETA) })
	qty := s.OnHand - s.Held - s.Backorders - reserved // each term in [0, MaxQty]
	points := []ATPPoint{{Date: at, Qty: qty}}
	for _, r := range inbound {
		qty += r.Qty // receipts total at most MaxQty, so qty stays within ±3·MaxQty
		last := &points[len(points)-1]
		if r.ETA.Equal(last.Date) {
			last.Qty = qty
			continue
		}
		points = append(points, ATPPoint{Date: r.ETA, Qty: qty})
	}
	return ATP{points: points}, nil
}

// Points returns a copy of the schedule, in date order, starting at the evaluation instant.
func (a ATP) Points() []ATPPoint { return slices.Clone(a.points) }

// At returns the quantity that can be promised for delivery at t: the cumulative ATP at the last point
// on or before t, never below 0. Before the evaluation instant (or for the zero ATP) it is 0.
func (a ATP) At(t time.Time) int64 {
	i, found := slices.BinarySearchFunc(a.points, t, func(p ATPPoint, t time.Time) int { return p.Date.Compare(t) })
	if !found {
		i--
	}
	if i < 0 {
		return 0
	}
	return max(a.points[i].Qty, 0)
}

// Earliest returns the first date at which qty units can be promised, and false when the scheduled
// receipts never make qty available.
func (a ATP) Earliest(qty int64) (time.Time, bool) {
	for _, p := range a.points {
		if p.Qty >= qty {
			return p.Date, true
		}
	}
	return time.Time{}, false
}
