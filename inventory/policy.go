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
// It returns an error for an invalid demand or a negative, NaN or infinite safety stock.
func ReorderPoint(d Demand, lead LeadTime, safetyStock float64) (float64, error) {
	if !d.IsValid() {
		return 0, fieldErr("reorder point", "demand period", d.per, ErrNotPositive)
	}
	if err := checkNonNeg("reorder point", "safety stock", safetyStock); err != nil {
		return 0, err
	}
	return d.MeanOver(lead.mean) + safetyStock, nil
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
	// PolicyMinMax is min/max (the ERP reordering rule of Odoo and ERPNext): when the position is at
	// or below min, order up to max. It is (s, S) with hand-set levels.
	PolicyMinMax
	// PolicyRQ is (r, Q) with Q from the economic order quantity [EOQ]: (s, Q) with s the reorder
	// point and Q = √(2DK/h).
	PolicyRQ
)

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

// NewSQPolicy returns the (s, Q) policy. It returns an error for a NaN or infinite s, or a Q that is
// not positive and finite. s may be negative (a backorder allowance).
func NewSQPolicy(s, q float64) (Policy, error) {
	if !isFinite(s) {
		return Policy{}, fieldErr("(s, Q) policy", "s", s, ErrNotFinite)
	}
	if err := checkPos("(s, Q) policy", "Q", q); err != nil {
		return Policy{}, err
	}
	return Policy{kind: PolicySQ, s: s, q: q}, nil
}

// NewSSPolicy returns the (s, S) policy. It returns an error for a NaN or infinite level or S < s.
func NewSSPolicy(s, bigS float64) (Policy, error) {
	if err := checkLevels("(s, S) policy", "s", "S", s, bigS); err != nil {
		return Policy{}, err
	}
	return Policy{kind: PolicySS, s: s, big: bigS}, nil
}

// NewMinMaxPolicy returns the min/max policy. It returns an error for a NaN or infinite level or
// max < min.
func NewMinMaxPolicy(minimum, maximum float64) (Policy, error) {
	if err := checkLevels("min/max policy", "min", "max", minimum, maximum); err != nil {
		return Policy{}, err
	}
	return Policy{kind: PolicyMinMax, s: minimum, big: maximum}, nil
}

// NewRSPolicy returns the (R, S) policy: every review period R, order up to S. It returns an error for
// a review period that is not positive or an S that is NaN or infinite.
func NewRSPolicy(review time.Duration, bigS float64) (Policy, error) {
	if review <= 0 {
		return Policy{}, fieldErr("(R, S) policy", "R", review, ErrNotPositive)
	}
	if !isFinite(bigS) {
		return Policy{}, fieldErr("(R, S) policy", "S", bigS, ErrNotFinite)
	}
	return Policy{kind: PolicyRS, s: bigS, big: bigS, review: review}, nil
}

// NewRQPolicy returns the (r, Q) policy with Q = [EOQ](annualDemand, orderCost, holdingCost). It
// returns an error for a NaN or infinite r, for bad EOQ inputs, or when the EOQ is 0 (no demand).
func NewRQPolicy(r, annualDemand, orderCost, holdingCost float64) (Policy, error) {
	if !isFinite(r) {
		return Policy{}, fieldErr("(r, Q) policy", "r", r, ErrNotFinite)
	}
	q, err := EOQ(annualDemand, orderCost, holdingCost)
	if err != nil {
		return Policy{}, err
	}
	if q <= 0 {
		return Policy{}, fieldErr("(r, Q) policy", "annual demand", annualDemand, ErrNotPositive)
	}
	return Policy{kind: PolicyRQ, s: r, q: q}, nil
}

func checkLevels(op, lowName, highName string, low, high float64) error {
	if !isFinite(low) {
		return fieldErr(op, lowName, low, ErrNotFinite)
	}
	if !isFinite(high) {
		return fieldErr(op, highName, high, ErrNotFinite)
	}
	if high < low {
		return fieldErr(op, highName, high, ErrPolicy)
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
// A NaN or infinite position needs nothing.
func (p Policy) Need(position float64, t Trigger) float64 {
	if !isFinite(position) {
		return 0
	}
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
	}
	return 0
}

// String describes the policy with its numbers, such as "(s, S) s=40 S=120".
func (p Policy) String() string {
	switch p.kind {
	case PolicySQ, PolicyRQ:
		return fmt.Sprintf("%s s=%g Q=%g", p.kind, p.s, p.q)
	case PolicySS:
		return fmt.Sprintf("%s s=%g S=%g", p.kind, p.s, p.big)
	case PolicyMinMax:
		return fmt.Sprintf("%s min=%g max=%g", p.kind, p.s, p.big)
	case PolicyRS:
		return fmt.Sprintf("%s R=%s S=%g", p.kind, p.review, p.big)
	}
	return "no policy"
}
