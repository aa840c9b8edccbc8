package kpi

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// MaxShipDays = 366: the longest calendar ship-by rule ([ShipRule].Days,
// [ErrTooLarge]).
const MaxShipDays = 366

// Shipment is one paid order and its shipping: the warehouse and the staff
// member responsible, when it was paid and when it shipped (zero: not yet).
type Shipment struct {
	Order     string    `json:"order"`
	Warehouse string    `json:"warehouse"`
	Staff     string    `json:"staff"`
	Paid      time.Time `json:"paid"`
	Shipped   time.Time `json:"shipped,omitzero"`
}

// ShipRule is the ship-by deadline, in one of two forms:
//
//   - Within: ship within this long after payment, on the wall clock or,
//     with a Schedule, in business hours ([Schedule.Between]);
//   - Days and By: ship by the clock time By on the Days-th calendar day
//     after the payment date, in Location. The seeds' stranded-order rule
//     (seed-rules INV-17: every order paid the day before must have
//     shipped at the daily check) is Days 1, By 00:00: at the check on day
//     D every order paid on D-1 or earlier and not shipped is overdue.
//
// Exactly one of Within and Days is set.
type ShipRule struct {
	Within   time.Duration  `json:"within"`
	Schedule *Schedule      `json:"schedule,omitempty"`
	Days     int64          `json:"days"`
	By       ClockTime      `json:"by"`
	Location *time.Location `json:"location"`
}

// LateOrder is an order that missed its deadline: shipped late (Shipped
// set) or still unshipped at the check (overdue: a stranded order). Due is the
// deadline (zero in business-hours mode, where the rule is a length of
// working time); Over is how far past it the order is at shipping or at the
// check (working time in business-hours mode).
type LateOrder struct {
	Order     string        `json:"order"`
	Warehouse string        `json:"warehouse"`
	Staff     string        `json:"staff"`
	Paid      time.Time     `json:"paid"`
	Due       time.Time     `json:"due,omitzero"`
	Shipped   time.Time     `json:"shipped,omitzero"`
	Over      time.Duration `json:"over"`
}

// FulfilmentCounts count orders by verdict: shipped on time (by the
// deadline, the deadline included), shipped late, overdue (unshipped at the
// check, deadline reached), pending (unshipped, deadline still ahead).
// OnTimeRate = OnTime ÷ (OnTime + ShippedLate + Overdue), the orders with
// a verdict (0 when none).
type FulfilmentCounts struct {
	Key         string  `json:"key"`
	Orders      int64   `json:"orders"`
	OnTime      int64   `json:"on_time"`
	ShippedLate int64   `json:"shipped_late"`
	Overdue     int64   `json:"overdue"`
	Pending     int64   `json:"pending"`
	OnTimeRate  float64 `json:"on_time_rate"`
}

// FulfilmentReport is the result of [Fulfilment]: the totals (Key ""),
// the same counts per warehouse and per staff member (sorted by key; the
// empty key gathers orders without one), and the late orders in input
// order.
type FulfilmentReport struct {
	Total       FulfilmentCounts   `json:"total"`
	ByWarehouse []FulfilmentCounts `json:"by_warehouse"`
	ByStaff     []FulfilmentCounts `json:"by_staff"`
	Late        []LateOrder        `json:"late"`
}

// Fulfilment checks shipments against the ship-by rule as of a moment:
// shipping after asOf is not yet known, so such an order counts as
// unshipped. Errors (*[FieldError]): a rule with neither or both forms, a
// negative Within or Days, Days mode without a location or with a
// Schedule, or Days beyond [MaxShipDays] ([ErrInvalidNumber],
// [ErrEmpty], [ErrTooLarge]); a zero asOf or paid time ([ErrEmpty]); a
// payment after asOf or a shipment before its payment ([ErrOutOfOrder]).
func Fulfilment(shipments []Shipment, rule ShipRule, asOf time.Time) (FulfilmentReport, error) {
	const op = "fulfilment"
	switch {
	case rule.Within < 0:
		return FulfilmentReport{}, fieldErr(op, "rule.within", rule.Within, ErrInvalidNumber, "must be at least 0")
	case rule.Days < 0:
		return FulfilmentReport{}, fieldErr(op, "rule.days", rule.Days, ErrInvalidNumber, "must be at least 0")
	case (rule.Within > 0) == (rule.Days > 0):
		return FulfilmentReport{}, fieldErr(op, "rule", nil, ErrInvalidNumber, "set exactly one of within and days")
	case rule.Days > MaxShipDays:
		return FulfilmentReport{}, fieldErr(op, "rule.days", rule.Days, ErrTooLarge, fmt.Sprintf("at most %d", MaxShipDays))
	case rule.Days > 0 && rule.Location == nil:
		return FulfilmentReport{}, fieldErr(op, "rule.location", nil, ErrEmpty, "the days rule needs a location")
	case rule.Days > 0 && rule.Schedule != nil:
		return FulfilmentReport{}, fieldErr(op, "rule.schedule", nil, ErrInvalidNumber, "a schedule goes with within, not days")
	case !rule.By.IsValid():
		return FulfilmentReport{}, fieldErr(op, "rule.by", int(rule.By), ErrInvalidTimeRange)
	case asOf.IsZero():
		return FulfilmentReport{}, fieldErr(op, "as_of", nil, ErrEmpty)
	}
	rep := FulfilmentReport{}
	wh, st := map[string]*FulfilmentCounts{}, map[string]*FulfilmentCounts{}
	group := func(m map[string]*FulfilmentCounts, k string) *FulfilmentCounts {
		c, ok := m[k]
		if !ok {
			c = &FulfilmentCounts{Key: k}
			m[k] = c
		}
		return c
	}
	for i, s := range shipments {
		f := func(name string) string { return fmt.Sprintf("shipments[%d].%s", i, name) }
		switch {
		case s.Paid.IsZero():
			return FulfilmentReport{}, fieldErr(op, f("paid"), nil, ErrEmpty)
		case s.Paid.After(asOf):
			return FulfilmentReport{}, fieldErr(op, f("paid"), s.Paid.Format(time.RFC3339), ErrOutOfOrder, "after as_of")
		case !s.Shipped.IsZero() && s.Shipped.Before(s.Paid):
			return FulfilmentReport{}, fieldErr(op, f("shipped"), s.Shipped.Format(time.RFC3339), ErrOutOfOrder, "before paid")
		}
		shipped := !s.Shipped.IsZero() && !s.Shipped.After(asOf)
		end := asOf
		if shipped {
			end = s.Shipped
		}
		// late: past the deadline at end (for an unshipped order, reaching
		// it counts); over: by how much.
		var due time.Time
		var over time.Duration
		var late bool
		switch {
		case rule.Days > 0:
			due = DateOf(s.Paid, rule.Location).AddDays(int(rule.Days)).At(rule.By, rule.Location)
			if due.IsZero() { // the deadline is after year 9999: never reached
				over = -1
				break
			}
			over = end.Sub(due)
		case rule.Schedule != nil:
			over = rule.Schedule.Between(s.Paid, end) - rule.Within
		default:
			due = s.Paid.Add(rule.Within)
			over = end.Sub(due)
		}
		late = over > 0 || (!shipped && over == 0)
		verdict := func(c *FulfilmentCounts) {
			c.Orders++
			switch {
			case shipped && !late:
				c.OnTime++
			case shipped:
				c.ShippedLate++
			case late:
				c.Overdue++
			default:
				c.Pending++
			}
		}
		verdict(&rep.Total)
		verdict(group(wh, s.Warehouse))
		verdict(group(st, s.Staff))
		if late {
			lo := LateOrder{Order: s.Order, Warehouse: s.Warehouse, Staff: s.Staff, Paid: s.Paid, Due: due, Over: over}
			if shipped {
				lo.Shipped = s.Shipped
			}
			rep.Late = append(rep.Late, lo)
		}
	}
	finish := func(m map[string]*FulfilmentCounts) []FulfilmentCounts {
		out := make([]FulfilmentCounts, 0, len(m))
		for _, c := range m {
			c.OnTimeRate = ratio(c.OnTime, c.OnTime+c.ShippedLate+c.Overdue) // each ≤ len(shipments)
			out = append(out, *c)
		}
		slices.SortFunc(out, func(a, b FulfilmentCounts) int { return cmp.Compare(a.Key, b.Key) })
		return out
	}
	rep.Total.OnTimeRate = ratio(rep.Total.OnTime, rep.Total.OnTime+rep.Total.ShippedLate+rep.Total.Overdue)
	rep.ByWarehouse, rep.ByStaff = finish(wh), finish(st)
	return rep, nil
}

type shipRuleJSON struct {
	Within   jsonDuration `json:"within"`
	Schedule *Schedule    `json:"schedule,omitempty"`
	Days     int64        `json:"days"`
	By       ClockTime    `json:"by"`
	Location jsonLocation `json:"location"`
}

// MarshalJSON writes Within as a Go duration string, By as "15:04" and
// the location by name.
func (r ShipRule) MarshalJSON() ([]byte, error) {
	return json.Marshal(shipRuleJSON{jsonDuration(r.Within), r.Schedule, r.Days, r.By, jsonLocation{r.Location}})
}

// UnmarshalJSON reads the form of [ShipRule.MarshalJSON], strictly.
func (r *ShipRule) UnmarshalJSON(b []byte) error {
	var j shipRuleJSON
	if err := decodeStrict(b, &j); err != nil {
		return jsonErr("decode ship rule", err)
	}
	*r = ShipRule{time.Duration(j.Within), j.Schedule, j.Days, j.By, j.Location.loc}
	return nil
}

// UnmarshalJSON decodes a shipment strictly.
func (s *Shipment) UnmarshalJSON(b []byte) error {
	type plain Shipment
	return decodeInto("decode shipment", b, (*plain)(s))
}

// MarshalJSON writes Over as a Go duration string.
func (l LateOrder) MarshalJSON() ([]byte, error) {
	type plain LateOrder
	return json.Marshal(struct {
		plain
		Over jsonDuration `json:"over"`
	}{plain(l), jsonDuration(l.Over)})
}
