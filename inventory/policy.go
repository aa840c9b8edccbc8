package inventory

import (
	"fmt"
	"math"
	"time"
)

// Trigger says how the inventory position is compared with a reorder point (再订货点) or warning line
// (预警线) to decide that it is time to replenish (补货).
//
// The zero value, [AtOrBelow], is the default: reorder when the position is at or below the point,
// the convention of Silver, Pyke & Thomas's (s, Q) and (s, S) policies ("whenever the inventory
// position drops to s or lower"). [StrictlyBelow] follows the source documents' warning line, which
// triggers replenishment when stock falls below it (低于警戒线, seed rule INV-01).
type Trigger uint8

const (
	// AtOrBelow fires when position ≤ point. It is the zero value and the default.
	AtOrBelow Trigger = iota
	// StrictlyBelow fires when position < point (INV-01's 低于).
	StrictlyBelow
)

// Fires reports whether a position at the given level triggers a reorder against point.
func (t Trigger) Fires(position, point float64) bool {
	if t == StrictlyBelow {
		return position < point
	}
	return position <= point
}

// String returns "at or below" or "strictly below".
func (t Trigger) String() string {
	if t == StrictlyBelow {
		return "strictly below"
	}
	return "at or below"
}

// ReorderPoint returns the reorder point (再订货点)
//
//	ROP = μ·L + SS,
//
// the expected demand over the lead time plus safety stock (Silver, Pyke & Thomas §6.7; Nahmias,
// "Production and Operations Analysis", §5.4). A warning line (预警线) is a reorder point set by hand.
// It returns an error for an invalid demand, a negative lead time, or a negative, NaN or infinite
// safety stock or one above [MaxQty].
func ReorderPoint(d Demand, lead LeadTime, safetyStock float64) (float64, error) {
	const op = "reorder point"
	if !d.IsValid() {
		return 0, fieldErr(op, "demand.per", d.per, ErrNotPositive)
	}
	if lead.mean < 0 {
		return 0, fieldErr(op, "lead.mean", lead.mean, ErrNegative)
	}
	if err := checkQty(op, "safety_stock", safetyStock); err != nil {
		return 0, err
	}
	return d.MeanOver(lead.mean) + safetyStock, nil // at most 1e15·2⁶³ + 1e15: finite
}

// PolicyKind names an inventory control policy.
type PolicyKind uint8

// Policy kinds (Silver, Pyke & Thomas, §6.3). The zero value is not a policy.
const (
	// PolicySQ is (s, Q), continuous review: when the position is at or below s, order Q
	// (or the smallest multiple n·Q that lifts the position above s).
	PolicySQ PolicyKind = iota + 1
	// PolicySS is (s, S), continuous review: when the position is at or below s, order up to S.
	PolicySS
	// PolicyRS is (R, S), periodic review: every R, order up to S.
	PolicyRS
	// PolicyMinMax is min/max, Odoo's reordering rule (stock.warehouse.orderpoint): when the position
	// is at or below min, order up to max. It is (s, S) with hand-set levels. Odoo orders only
	// strictly below min (use the trigger [StrictlyBelow]) and rounds with [PackRoundUpWithinMax];
	// ERPNext's rule, which has no max, is [PolicyTopUp].
	PolicyMinMax
	// PolicyRQ is (r, Q) with Q from the economic order quantity [EOQ]: (s, Q) with s the reorder
	// point and Q = √(2DK/h).
	PolicyRQ
	// PolicyTopUp is ERPNext's reorder rule, "reorder level + reorder qty" (erpnext/stock/
	// reorder_item.py, _reorder_item): when the position (ERPNext's projected qty) is at or below the
	// level, order the reorder qty, or the deficiency level - position when that is larger. Unlike
	// (s, Q) it orders one quantity, never a multiple, and unlike (s, S) it has no maximum.
	PolicyTopUp
)

// room returns the units that fit below the maximum stock level at inventory position ip, the room
// [PackRoundUpWithinMax] rounds within: S - ip (at least 0) for the order-up-to policies ((s, S),
// min/max, (R, S)), and +Inf for the others and for S = 0, which Odoo reads as no maximum
// (product_max_qty 0: the order rounds up).
func (p Policy) room(ip float64) float64 {
	if (p.kind == PolicySS || p.kind == PolicyMinMax || p.kind == PolicyRS) && p.big != 0 {
		return max(p.big-ip, 0)
	}
	return math.Inf(1)
}

// String returns the policy's usual name, such as "(s, Q)".
func (k PolicyKind) String() string {
	switch k {
	case PolicySQ:
		return "(s, Q)"
	case PolicySS:
		return "(s, S)"
	case PolicyRS:
		return "(R, S)"
	case PolicyMinMax:
		return "min/max"
	case PolicyRQ:
		return "(r, Q) with EOQ"
	case PolicyTopUp:
		return "reorder level + reorder qty"
	}
	return fmt.Sprintf("PolicyKind(%d)", uint8(k))
}

// Policy is an inventory control policy with its numbers: the reorder level s (min, r), the
// order-up-to level S (max), the order quantity Q and the review period R. [Policy.Need] turns an
// inventory position into the raw order need, which [Shaping.Shape] then turns into an order.
//
// The zero value has no kind and needs nothing. Policy is a comparable value, safe for concurrent use.
type Policy struct {
	kind   PolicyKind
	s, big float64 // reorder level s and order-up-to level S
	q      float64
	review time.Duration
}

// Levels and quantities of a policy lie within ±[MaxQty]; Q is positive.

// NewSQPolicy returns the (s, Q) policy. It returns an error for a NaN or infinite s, a Q that is not
// positive and finite, or a level beyond ±[MaxQty]. s may be negative (a backorder allowance).
func NewSQPolicy(s, q float64) (Policy, error) {
	const op = "sq policy"
	if err := checkLevelQty(op, "s", s); err != nil {
		return Policy{}, err
	}
	if err := checkPos(op, "q", q); err != nil {
		return Policy{}, err
	}
	if err := checkQty(op, "q", q); err != nil {
		return Policy{}, err
	}
	return Policy{kind: PolicySQ, s: s, q: q}, nil
}

// NewSSPolicy returns the (s, S) policy. It returns an error for a NaN or infinite level, a level
// beyond ±[MaxQty], or S < s.
func NewSSPolicy(s, bigS float64) (Policy, error) {
	if err := checkLevels("ss policy", "s", "big_s", s, bigS); err != nil {
		return Policy{}, err
	}
	return Policy{kind: PolicySS, s: s, big: bigS}, nil
}

// NewMinMaxPolicy returns the min/max policy. It returns an error for a NaN or infinite level, a level
// beyond ±[MaxQty], or max < min.
func NewMinMaxPolicy(minimum, maximum float64) (Policy, error) {
	if err := checkLevels("min max policy", "min", "max", minimum, maximum); err != nil {
		return Policy{}, err
	}
	return Policy{kind: PolicyMinMax, s: minimum, big: maximum}, nil
}

// NewRSPolicy returns the (R, S) policy: every review period R, order up to S. It returns an error for
// a review period that is not positive or an S that is NaN, infinite or beyond ±[MaxQty].
func NewRSPolicy(review time.Duration, bigS float64) (Policy, error) {
	const op = "rs policy"
	if review <= 0 {
		return Policy{}, fieldErr(op, "review", review, ErrNotPositive)
	}
	if err := checkLevelQty(op, "big_s", bigS); err != nil {
		return Policy{}, err
	}
	return Policy{kind: PolicyRS, s: bigS, big: bigS, review: review}, nil
}

// NewRQPolicy returns the (r, Q) policy with Q = [EOQ](annualDemand, orderCost, holdingCost). The
// costs are continuous model parameters, not amounts to pay. It returns an error for a NaN or infinite
// r or one beyond ±[MaxQty], for bad EOQ inputs, when the EOQ is 0 (no demand), or when it is above
// [MaxQty].
func NewRQPolicy(r, annualDemand, orderCost, holdingCost float64) (Policy, error) {
	const op = "rq policy"
	if err := checkLevelQty(op, "r", r); err != nil {
		return Policy{}, err
	}
	q, err := EOQ(annualDemand, orderCost, holdingCost)
	if err != nil {
		return Policy{}, within(err, op, "")
	}
	if q <= 0 {
		return Policy{}, fieldErr(op, "annual_demand", annualDemand, ErrNotPositive)
	}
	if q > MaxQty {
		return Policy{}, detailErr(op, "annual_demand", annualDemand, ErrTooLarge, "the EOQ is above 1e15 units")
	}
	return Policy{kind: PolicyRQ, s: r, q: q}, nil
}

// NewTopUpPolicy returns ERPNext's "reorder level + reorder qty" policy ([PolicyTopUp]): at or below
// level, order max(qty, level - position). It returns an error for a NaN or infinite level or one
// beyond ±[MaxQty], or a qty that is not positive and finite or is above MaxQty.
func NewTopUpPolicy(level, qty float64) (Policy, error) {
	const op = "top up policy"
	if err := checkLevelQty(op, "level", level); err != nil {
		return Policy{}, err
	}
	if err := checkPos(op, "qty", qty); err != nil {
		return Policy{}, err
	}
	if err := checkQty(op, "qty", qty); err != nil {
		return Policy{}, err
	}
	return Policy{kind: PolicyTopUp, s: level, q: qty}, nil
}

func checkLevels(op, lowName, highName string, low, high float64) error {
	if err := checkLevelQty(op, lowName, low); err != nil {
		return err
	}
	if err := checkLevelQty(op, highName, high); err != nil {
		return err
	}
	if high < low {
		return detailErr(op, highName, high, ErrPolicy, "below "+lowName)
	}
	return nil
}

// Kind returns the policy kind.
func (p Policy) Kind() PolicyKind { return p.kind }

// ReorderLevel returns s (min, r); for (R, S) it returns S.
func (p Policy) ReorderLevel() float64 { return p.s }

// OrderUpTo returns S (max), or 0 for the fixed-quantity policies.
func (p Policy) OrderUpTo() float64 { return p.big }

// OrderQty returns Q, or 0 for the order-up-to policies.
func (p Policy) OrderQty() float64 { return p.q }

// Review returns R for (R, S), or 0.
func (p Policy) Review() time.Duration { return p.review }

// Need returns the raw order need for the inventory position, before shaping, under the trigger t:
//
//   - (s, Q), (r, Q): if t fires for position against s, the smallest n·Q (n ≥ 1) with
//     position + n·Q > s, else 0 (Silver, Pyke & Thomas §7.2 allow multiples when one Q would leave the
//     position at or below s);
//   - (s, S), min/max: if t fires against s, S - position, else 0;
//   - (R, S): at a review, max(0, S - position); the trigger does not apply.
//
// It returns an error for a position beyond ±3·[MaxQty] (an inventory position is at most five
// stock fields of at most MaxQty) or a need above [MaxQty]. The zero Policy needs nothing.
func (p Policy) Need(position int64, t Trigger) (float64, error) {
	const op = "need"
	if position > 3*MaxQty || position < -3*MaxQty {
		return 0, detailErr(op, "position", position, ErrTooLarge, "between -3e15 and 3e15 units")
	}
	n := p.need(float64(position), t)
	if n > MaxQty {
		return 0, detailErr(op, "position", position, ErrTooLarge, "the need is above 1e15 units")
	}
	return n, nil
}

// need is Need for a finite position; levels and Q are within ±MaxQty, so the result is finite. It
// may exceed MaxQty for a tiny Q.
func (p Policy) need(position float64, t Trigger) float64 {
	switch p.kind {
	case PolicySQ, PolicyRQ:
		if !t.Fires(position, p.s) || p.q <= 0 {
			return 0
		}
		n := math.Floor((p.s-position)/p.q) + 1
		return max(n, 1) * p.q
	case PolicySS, PolicyMinMax:
		if !t.Fires(position, p.s) {
			return 0
		}
		return max(p.big-position, 0)
	case PolicyRS:
		return max(p.big-position, 0)
	case PolicyTopUp:
		if !t.Fires(position, p.s) {
			return 0
		}
		return max(p.q, p.s-position)
	}
	return 0
}

// String describes the policy with its numbers, such as "(s, S) s=40 S=120".
func (p Policy) String() string {
	switch p.kind {
	case PolicySQ, PolicyRQ:
		return fmt.Sprintf("%s s=%g Q=%g", p.kind, p.s, p.q)
	case PolicyTopUp:
		return fmt.Sprintf("%s level=%g qty=%g", p.kind, p.s, p.q)
	case PolicySS:
		return fmt.Sprintf("%s s=%g S=%g", p.kind, p.s, p.big)
	case PolicyMinMax:
		return fmt.Sprintf("%s min=%g max=%g", p.kind, p.s, p.big)
	case PolicyRS:
		return fmt.Sprintf("%s R=%s S=%g", p.kind, p.review, p.big)
	}
	return "no policy"
}
