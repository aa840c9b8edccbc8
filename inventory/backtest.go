package inventory

import (
	"fmt"
	"strconv"
	"time"

	"github.com/opskit/opskit/internal/checked"
)

// Limits of a backtest.
const (
	// MaxBacktestDays bounds the days of one SKU's demand history and the length of its lead-time
	// sequence (100 years of days).
	MaxBacktestDays = 36600
	// MaxLeadDays bounds one lead time of a backtest, in days; the orders in transit live in a ring of
	// MaxLeadDays + 1 slots on the stack, so a backtest allocates nothing.
	MaxLeadDays = 365
)

// Unmet says what happens to demand that stock cannot serve on its day.
type Unmet uint8

const (
	// LostSales, the zero value and the default, drops it: the customer buys elsewhere, the usual case
	// for a store.
	LostSales Unmet = iota
	// Backorders keeps it as a backorder, served first from the next receipts; backorders lower the
	// inventory position.
	Backorders
)

// String returns "lost sales" or "backorders".
func (u Unmet) String() string {
	switch u {
	case LostSales:
		return "lost sales"
	case Backorders:
		return "backorders"
	}
	return "Unmet(" + strconv.Itoa(int(u)) + ")"
}

// BacktestSKU is one SKU to replay in [Backtest]: a policy with its trigger and order shaping, a
// daily demand history, the stock at the start, lead times and costs. Costs are continuous model
// parameters in one currency unit, not amounts to pay.
type BacktestSKU struct {
	ID      string  `json:"id"`
	Policy  Policy  `json:"policy"`  // any policy; (R, S) reviews every Review (whole days) from day 0
	Trigger Trigger `json:"trigger"` // compares the position with the reorder level
	Shaping Shaping `json:"shaping"` // MOQ, pack, cap and rounding of each order
	Demand  []int64 `json:"demand"`  // units demanded per day, oldest first; 1 to MaxBacktestDays values
	OnHand  int64   `json:"on_hand"` // on hand at the start of day 0
	// LeadDays is the lead time of every order in days (1 to MaxLeadDays) when LeadSequence is empty:
	// an order placed at the end of day t is received at the start of day t + LeadDays.
	LeadDays int `json:"lead_days"`
	// LeadSequence, when not empty, gives the lead time of the k-th order placed (k from 0), cycling
	// when there are more orders than values: a sampled sequence supplied by the caller, so the
	// backtest itself draws no random numbers. Orders may cross.
	LeadSequence []int   `json:"lead_sequence,omitempty"`
	HoldingCost  float64 `json:"holding_cost"`  // per unit on hand at the end of a day
	OrderCost    float64 `json:"order_cost"`    // per order placed
	ShortageCost float64 `json:"shortage_cost"` // per unit not served from stock on its day
}

// BacktestResult is what a policy would have achieved over a history, for one SKU or, from
// [Backtest]'s first result, all of them. Its JSON form has snake_case keys.
type BacktestResult struct {
	ID     string `json:"id"`     // the SKU's ID; "total" for the total
	Days   int64  `json:"days"`   // days replayed (SKU-days in the total)
	Demand int64  `json:"demand"` // units demanded
	Served int64  `json:"served"` // units served from stock on the day they were demanded
	Short  int64  `json:"short"`  // Demand - Served: lost, or backordered
	// FillRate is Served / Demand, the share of demand met from stock (β service); 1 when there was no
	// demand.
	FillRate float64 `json:"fill_rate"`
	// Cycles counts replenishment cycles: the days split at each day with a receipt, the first cycle
	// starting on day 0. StockoutCycles counts those with unmet demand.
	Cycles         int64 `json:"cycles"`
	StockoutCycles int64 `json:"stockout_cycles"`
	// CycleServiceLevel is 1 - StockoutCycles/Cycles, the share of cycles without a stockout (α service).
	CycleServiceLevel float64 `json:"cycle_service_level"`
	StockoutDays      int64   `json:"stockout_days"` // days with unmet demand
	AvgOnHand         float64 `json:"avg_on_hand"`   // mean of end-of-day on hand (the sum over SKUs in the total)
	// PeakOnHand is the largest on hand right after a day's receipts, the space the SKU needed; in the
	// total it is the sum of the SKUs' peaks, an upper bound on the peak of their sum.
	PeakOnHand    int64   `json:"peak_on_hand"`
	Orders        int64   `json:"orders"`         // orders placed
	OrderedUnits  int64   `json:"ordered_units"`  // units ordered
	EndOnHand     int64   `json:"end_on_hand"`    // on hand at the end of the last day
	EndOnOrder    int64   `json:"end_on_order"`   // ordered, not yet received
	EndBackorders int64   `json:"end_backorders"` // unserved backorders at the end (0 for lost sales)
	HoldingCost   float64 `json:"holding_cost"`   // holding cost × Σ end-of-day on hand
	OrderingCost  float64 `json:"ordering_cost"`  // order cost × orders
	ShortageCost  float64 `json:"shortage_cost"`  // shortage cost × Short
	TotalCost     float64 `json:"total_cost"`     // the sum of the three
}

// Backtest replays each SKU's policy over its daily demand history and writes what it would have
// achieved into out[i]; it returns the total over all SKUs. It is deterministic: the same input gives
// the same output, and it draws no random numbers (lead-time variability comes from the caller's
// LeadSequence). Each day t of a SKU runs in this order:
//
//  1. receive the orders due on day t; with [Backorders], serve the backlog from them first;
//  2. serve the day's demand from on hand; the rest is lost or backordered (unmet);
//  3. pay holding on the end-of-day on hand;
//  4. review: continuous-review policies every day, (R, S) on days 0, R, 2R, ...; the position
//     (on hand + on order - backorders) goes through [Policy.Need] and [Shaping.ShapeWithin] (the room
//     is S - position for the order-up-to policies), and a positive order is placed, to arrive at
//     the start of day t + lead.
//
// A [Planner] configuration is replayed through [Planner.Policy], which gives the policy it applies
// to an item. Work is linear in the total number of days, and a backtest allocates nothing (the
// orders in transit live in a fixed ring of [MaxLeadDays] + 1 slots), so its cost per day is a few
// tens of nanoseconds.
//
// It returns an error wrapping [ErrLength] when out is shorter than skus, and for a SKU without a
// policy (the zero Policy), with an empty history, more than [MaxBacktestDays] days or a lead-time
// sequence as long, a demand or starting stock that is negative or above [MaxQty], a lead time
// outside 1 to [MaxLeadDays] days, an (R, S) review that is not whole days, a cost that is negative,
// NaN or infinite, an unknown trigger or unmet mode, an order above MaxQty, or a count or cost that
// overflows (wrapping [ErrTooLarge]). The error names the SKU (Field "skus[i]...", its ID in Detail).
func Backtest(skus []BacktestSKU, unmet Unmet, out []BacktestResult) (BacktestResult, error) {
	const op = "backtest"
	if len(out) < len(skus) {
		return BacktestResult{}, detailErr(op, "out", len(out), ErrLength, "shorter than skus")
	}
	if unmet > Backorders {
		return BacktestResult{}, fieldErr(op, "unmet", uint8(unmet), ErrInvalidEnum)
	}
	total := BacktestResult{ID: "total"}
	for i := range skus {
		if err := backtestSKU(&skus[i], unmet, &out[i]); err != nil {
			return BacktestResult{}, itemErr(err, op, indexed("skus", i), skus[i].ID)
		}
		if err := total.add(&out[i]); err != nil {
			return BacktestResult{}, itemErr(err, op, indexed("skus", i), skus[i].ID)
		}
	}
	total.finish()
	return total, nil
}

// add accumulates r into the total t.
func (t *BacktestResult) add(r *BacktestResult) error {
	ok := addCount(&t.Days, r.Days) && addCount(&t.Demand, r.Demand) && addCount(&t.Served, r.Served) &&
		addCount(&t.Short, r.Short) && addCount(&t.Cycles, r.Cycles) && addCount(&t.StockoutCycles, r.StockoutCycles) &&
		addCount(&t.StockoutDays, r.StockoutDays) && addCount(&t.PeakOnHand, r.PeakOnHand) &&
		addCount(&t.Orders, r.Orders) && addCount(&t.OrderedUnits, r.OrderedUnits) &&
		addCount(&t.EndOnHand, r.EndOnHand) && addCount(&t.EndOnOrder, r.EndOnOrder) &&
		addCount(&t.EndBackorders, r.EndBackorders)
	if !ok {
		return detailErr("backtest", "total", nil, ErrTooLarge, "a count of the total overflows int64")
	}
	t.AvgOnHand += r.AvgOnHand
	t.HoldingCost += r.HoldingCost
	t.OrderingCost += r.OrderingCost
	t.ShortageCost += r.ShortageCost
	t.TotalCost += r.TotalCost
	return checkResult("backtest", "total_cost", t.TotalCost)
}

// addCount adds v to *dst and reports false, leaving *dst unchanged, on overflow.
func addCount(dst *int64, v int64) bool {
	s, ok := checked.Add(*dst, v)
	if ok {
		*dst = s
	}
	return ok
}

// finish sets the ratios from the counts.
func (t *BacktestResult) finish() {
	t.FillRate = 1
	if t.Demand > 0 {
		t.FillRate = float64(t.Served) / float64(t.Demand)
	}
	t.CycleServiceLevel = 1
	if t.Cycles > 0 {
		t.CycleServiceLevel = float64(t.Cycles-t.StockoutCycles) / float64(t.Cycles)
	}
}

// checkBacktestSKU validates everything but the demand values (checked in the day loop) and returns
// the review period in days (0 for continuous review) and the largest lead time.
func checkBacktestSKU(sk *BacktestSKU) (review, maxLead int, err error) {
	const op = "backtest"
	if sk.Policy.kind < PolicySQ || sk.Policy.kind > PolicyTopUp {
		return 0, 0, detailErr(op, "policy", nil, ErrPolicy, "the zero Policy; use a constructor or Planner.Policy")
	}
	if sk.Trigger > StrictlyBelow {
		return 0, 0, fieldErr(op, "trigger", uint8(sk.Trigger), ErrInvalidEnum)
	}
	if len(sk.Demand) == 0 {
		return 0, 0, fieldErr(op, "demand", nil, ErrEmptyHistory)
	}
	if len(sk.Demand) > MaxBacktestDays {
		return 0, 0, detailErr(op, "demand", len(sk.Demand), ErrTooLarge, "at most 36600 days")
	}
	if sk.OnHand < 0 {
		return 0, 0, fieldErr(op, "on_hand", sk.OnHand, ErrNegative)
	}
	if sk.OnHand > MaxQty {
		return 0, 0, detailErr(op, "on_hand", sk.OnHand, ErrTooLarge, maxQtyDetail)
	}
	checkLead := func(field string, l int) error {
		if l < 1 {
			return detailErr(op, field, l, ErrNotPositive, "at least 1 day")
		}
		if l > MaxLeadDays {
			return detailErr(op, field, l, ErrTooLarge, "at most 365 days")
		}
		return nil
	}
	if len(sk.LeadSequence) == 0 {
		if err := checkLead("lead_days", sk.LeadDays); err != nil {
			return 0, 0, err
		}
		maxLead = sk.LeadDays
	} else {
		if len(sk.LeadSequence) > MaxBacktestDays {
			return 0, 0, detailErr(op, "lead_sequence", len(sk.LeadSequence), ErrTooLarge, "at most 36600 values")
		}
		for k, l := range sk.LeadSequence {
			if l < 1 || l > MaxLeadDays { // the field name is built only for an error
				return 0, 0, checkLead(indexed("lead_sequence", k), l)
			}
			maxLead = max(maxLead, l)
		}
	}
	for _, f := range [...]struct {
		name string
		v    float64
	}{{"holding_cost", sk.HoldingCost}, {"order_cost", sk.OrderCost}, {"shortage_cost", sk.ShortageCost}} {
		if err := checkNonNeg(op, f.name, f.v); err != nil {
			return 0, 0, err
		}
	}
	if sk.Policy.kind == PolicyRS {
		r := sk.Policy.review
		if r%Day != 0 || r < Day || r > time.Duration(MaxBacktestDays)*Day {
			return 0, 0, detailErr(op, "policy.review", r, ErrPolicy, "whole days, from 1 to 36600")
		}
		review = int(r / Day)
	}
	return review, maxLead, nil
}

// backtestSKU replays one SKU into *r. It allocates only to build an error.
func backtestSKU(sk *BacktestSKU, unmet Unmet, r *BacktestResult) error {
	const op = "backtest"
	review, maxLead, err := checkBacktestSKU(sk)
	if err != nil {
		return err
	}
	var ring [MaxLeadDays + 1]int64 // receipts due, by arrival day modulo size
	size := maxLead + 1
	pol, trig, shp := &sk.Policy, sk.Trigger, &sk.Shaping
	backorder := unmet == Backorders
	seq := sk.LeadSequence
	onHand := sk.OnHand
	var (
		onOrder, backlog, demand, served, sumOnHand, ordered int64
		peak, orders, stockoutDays, cycles, stockoutCycles   int64
		cycleShort                                           bool
		ok                                                   bool
	)
	cycles = 1
	overflow := func(field string) error {
		return detailErr(op, field, nil, ErrTooLarge, "a total over the history overflows int64")
	}
	for t, d := range sk.Demand {
		if d < 0 || d > MaxQty {
			if d < 0 {
				return fieldErr(op, indexed("demand", t), d, ErrNegative)
			}
			return detailErr(op, indexed("demand", t), d, ErrTooLarge, maxQtyDetail)
		}
		// 1. Receipts.
		slot := t % size
		if rcv := ring[slot]; rcv > 0 {
			ring[slot] = 0
			onOrder -= rcv
			if onHand, ok = checked.Add(onHand, rcv); !ok {
				return overflow("on_hand")
			}
			if backlog > 0 {
				f := min(backlog, onHand)
				backlog -= f
				onHand -= f
			}
			cycles++
			if cycleShort {
				stockoutCycles++
				cycleShort = false
			}
		}
		peak = max(peak, onHand)
		// 2. Demand.
		s := min(d, onHand)
		onHand -= s
		if short := d - s; short > 0 {
			stockoutDays++
			cycleShort = true
			if backorder {
				if backlog, ok = checked.Add(backlog, short); !ok {
					return overflow("backorders")
				}
			}
		}
		if demand, ok = checked.Add(demand, d); !ok {
			return overflow("demand")
		}
		served += s // served ≤ demand
		// 3. Holding.
		if sumOnHand, ok = checked.Add(sumOnHand, onHand); !ok {
			return overflow("on_hand")
		}
		// 4. Review.
		if review > 0 && t%review != 0 {
			continue
		}
		position, ok := checked.Add(onHand, onOrder)
		if ok {
			position, ok = checked.Sub(position, backlog)
		}
		if !ok || position > 3*MaxQty || position < -3*MaxQty {
			return detailErr(op, "position", position, ErrTooLarge, "between -3e15 and 3e15 units")
		}
		ip := float64(position)
		need := pol.need(ip, trig)
		if !(need > 0) {
			continue
		}
		if need > MaxQty {
			return detailErr(op, "need", need, ErrTooLarge, maxQtyDetail)
		}
		q := shp.shapeWithin(need, pol.room(ip)).Qty
		if q <= 0 {
			continue
		}
		if q > MaxQty {
			return detailErr(op, "need", need, ErrTooLarge, fmt.Sprintf("the shaped order %d is above 1e15 units", q))
		}
		lead := sk.LeadDays
		if len(seq) > 0 {
			lead = seq[orders%int64(len(seq))]
		}
		ring[(t+lead)%size] += q // at most maxLead pending orders of at most MaxQty each
		if onOrder, ok = checked.Add(onOrder, q); !ok {
			return overflow("on_order")
		}
		if ordered, ok = checked.Add(ordered, q); !ok {
			return overflow("ordered_units")
		}
		orders++
	}
	if cycleShort {
		stockoutCycles++
	}
	days := int64(len(sk.Demand))
	*r = BacktestResult{
		ID: sk.ID, Days: days, Demand: demand, Served: served, Short: demand - served,
		Cycles: cycles, StockoutCycles: stockoutCycles, StockoutDays: stockoutDays,
		AvgOnHand: float64(sumOnHand) / float64(days), PeakOnHand: peak,
		Orders: orders, OrderedUnits: ordered, EndOnHand: onHand, EndOnOrder: onOrder, EndBackorders: backlog,
		HoldingCost:  sk.HoldingCost * float64(sumOnHand),
		OrderingCost: sk.OrderCost * float64(orders),
		ShortageCost: sk.ShortageCost * float64(demand-served),
	}
	r.TotalCost = r.HoldingCost + r.OrderingCost + r.ShortageCost
	if err := checkResult(op, "total_cost", r.TotalCost); err != nil {
		return err
	}
	r.finish()
	return nil
}

// UnmarshalJSON decodes a backtest SKU, rejecting unknown and duplicate keys; the policy and shaping
// decode through their constructors. An empty "lead_sequence" decodes as an absent one (nil), the
// form MarshalJSON gives back. The other values are checked by [Backtest].
func (sk *BacktestSKU) UnmarshalJSON(b []byte) error {
	type plain BacktestSKU
	var j plain
	if err := decodeStrict("decode backtest sku", b, &j); err != nil {
		return err
	}
	if len(j.LeadSequence) == 0 {
		j.LeadSequence = nil
	}
	*sk = BacktestSKU(j)
	return nil
}
