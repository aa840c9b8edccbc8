package inventory

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// StockStatus is the stock status of a SKU in a [Suggestion]. Its text form (and JSON) is the
// snake_case name: "stockout", "below_safety_stock", "reorder", ...
type StockStatus uint8

// Stock statuses, in the order [Planner] tests them: the first that applies wins.
// The zero value, StatusInvalid, marks an item the planner could not evaluate.
const (
	// StatusInvalid marks an item with bad input; the batch error says why.
	StatusInvalid StockStatus = iota
	// StatusStockout (断货, 缺货): nothing available, Available ≤ 0.
	StatusStockout
	// StatusDead (呆滞, 死库存): no sale for at least the dead-stock age; no order is suggested.
	StatusDead
	// StatusBelowSafetyStock (低于安全库存): position < safety stock.
	StatusBelowSafetyStock
	// StatusReorder (到达再订货点/预警线): the trigger fires, position at or below the reorder point.
	StatusReorder
	// StatusSlowMoving (滞销): no sale for at least the slow-moving age.
	StatusSlowMoving
	// StatusOverstock (积压, 压货): position above the overstock cover of demand.
	StatusOverstock
	// StatusHealthy (正常): none of the above.
	StatusHealthy
)

// String returns the status in words, such as "at or below reorder point".
func (s StockStatus) String() string {
	switch s {
	case StatusInvalid:
		return "invalid"
	case StatusStockout:
		return "stockout"
	case StatusDead:
		return "dead"
	case StatusBelowSafetyStock:
		return "below safety stock"
	case StatusReorder:
		return "at or below reorder point"
	case StatusSlowMoving:
		return "slow-moving"
	case StatusOverstock:
		return "overstock"
	case StatusHealthy:
		return "healthy"
	}
	return "StockStatus(" + strconv.Itoa(int(s)) + ")"
}

// QtySource says where the order quantity Q or the cycle stock of a suggestion came from. Its text
// form is "none", "fixed", "eoq" or "cover".
type QtySource uint8

// Order quantity sources, in order of precedence.
const (
	// QtyNone: the policy orders up to a level and needs no Q ((R, S), or a hand-set max).
	QtyNone QtySource = iota
	// QtyFixed: the item's OrderQty, set by hand.
	QtyFixed
	// QtyEOQ: the economic order quantity from the item's order and holding costs.
	QtyEOQ
	// QtyCover: mean demand over the planner's OrderCover.
	QtyCover
)

// String names the source.
func (q QtySource) String() string {
	switch q {
	case QtyFixed:
		return "fixed"
	case QtyEOQ:
		return "EOQ"
	case QtyCover:
		return "order cover"
	}
	return "none"
}

// PlanConfig configures a [Planner]. Durations of zero switch the corresponding check off. Its JSON
// form has snake_case keys and durations as Go duration strings ("720h0m0s").
//
// This package configures with Config structs validated by their constructor ([NewPlanner]), not with
// functional options: each setting is plain data that can be stored as JSON.
type PlanConfig struct {
	// Policy is the control policy; required.
	Policy PolicyKind
	// SafetyStock is the safety-stock rule of every item that has no rule of its own or of its ABC
	// class. The zero value is no rule: safety stock 0 (raised to an item's MinSafetyStock), so that a
	// planner can run on hand-set warning lines (预警线) alone.
	SafetyStock SafetyStock
	// ClassSafety overrides SafetyStock for the items of an ABC class ([Item].Class), such as 98 %
	// for A, 95 % for B and 90 % for C, without one planner per class. A zero rule in it defers to
	// SafetyStock.
	ClassSafety ClassSafetyStock
	// Trigger compares the position with the reorder point; the zero value is at-or-below.
	Trigger Trigger
	// Review is the review period R of (R, S); it must be positive for PolicyRS and zero otherwise.
	Review time.Duration
	// OrderCover is the cycle stock, in time of mean demand, when an item has neither a fixed order
	// quantity nor order and holding costs: Q = μ·OrderCover, and S = s + Q for (s, S) and min/max.
	OrderCover time.Duration
	// OverstockCover flags overstock when the position exceeds μ·OverstockCover (for example 90 days).
	OverstockCover time.Duration
	// SlowMovingAfter flags a SKU with no sale for this long as slow-moving (for example 30 days).
	SlowMovingAfter time.Duration
	// DeadAfter flags a SKU with no sale for this long as dead stock (for example 90 days); it must
	// not be shorter than SlowMovingAfter when both are set.
	DeadAfter time.Duration
}

// ClassSafetyStock holds one safety-stock rule per ABC class for [PlanConfig].ClassSafety; a zero
// rule defers to the planner's default rule. Its JSON form is {"a": rule, "b": rule, "c": rule}, a
// zero rule omitted.
type ClassSafetyStock struct {
	A SafetyStock `json:"a,omitzero"`
	B SafetyStock `json:"b,omitzero"`
	C SafetyStock `json:"c,omitzero"`
}

// For returns the rule of class c, or the zero rule for no class or an unknown one.
func (cs ClassSafetyStock) For(c ABCClass) SafetyStock {
	switch c {
	case ClassA:
		return cs.A
	case ClassB:
		return cs.B
	case ClassC:
		return cs.C
	}
	return SafetyStock{}
}

// safetyFor returns the rule for an item: its own, else its class's, else the planner's.
func (c *PlanConfig) safetyFor(it *Item) *SafetyStock {
	if it.Safety.method != 0 {
		return &it.Safety
	}
	switch it.Class {
	case ClassA:
		if c.ClassSafety.A.method != 0 {
			return &c.ClassSafety.A
		}
	case ClassB:
		if c.ClassSafety.B.method != 0 {
			return &c.ClassSafety.B
		}
	case ClassC:
		if c.ClassSafety.C.method != 0 {
			return &c.ClassSafety.C
		}
	}
	return &c.SafetyStock
}

// Planner computes replenishment suggestions (补货建议) for one SKU or a batch. Build it with
// [NewPlanner]; it holds only its validated configuration and is safe for concurrent use.
type Planner struct {
	cfg PlanConfig
}

// NewPlanner validates cfg and returns a planner. It returns an error for an unknown policy or
// safety-stock method, a review period that does not match the policy, a negative
// duration, or DeadAfter shorter than SlowMovingAfter.
func NewPlanner(cfg PlanConfig) (Planner, error) {
	const op = "planner"
	if cfg.Policy < PolicySQ || cfg.Policy > PolicyTopUp {
		return Planner{}, fieldErr(op, "policy", uint8(cfg.Policy), ErrInvalidEnum)
	}
	for _, f := range [...]struct {
		name string
		m    SafetyMethod
	}{{"safety_stock.method", cfg.SafetyStock.method}, {"class_safety.a.method", cfg.ClassSafety.A.method},
		{"class_safety.b.method", cfg.ClassSafety.B.method}, {"class_safety.c.method", cfg.ClassSafety.C.method}} {
		if f.m > SafetyFillRate {
			return Planner{}, fieldErr(op, f.name, uint8(f.m), ErrInvalidEnum)
		}
	}
	if cfg.Trigger > StrictlyBelow {
		return Planner{}, fieldErr(op, "trigger", uint8(cfg.Trigger), ErrInvalidEnum)
	}
	if cfg.Policy == PolicyRS && cfg.Review <= 0 {
		return Planner{}, fieldErr(op, "review", cfg.Review, ErrNotPositive)
	}
	if cfg.Policy != PolicyRS && cfg.Review != 0 {
		return Planner{}, fieldErr(op, "review", cfg.Review, ErrPolicy)
	}
	for _, f := range [...]struct {
		name string
		v    time.Duration
	}{{"order_cover", cfg.OrderCover}, {"overstock_cover", cfg.OverstockCover}, {"slow_moving_after", cfg.SlowMovingAfter}, {"dead_after", cfg.DeadAfter}} {
		if f.v < 0 {
			return Planner{}, fieldErr(op, f.name, f.v, ErrNegative)
		}
	}
	if cfg.DeadAfter > 0 && cfg.DeadAfter < cfg.SlowMovingAfter {
		return Planner{}, detailErr(op, "dead_after", cfg.DeadAfter, ErrPolicy, "shorter than slow_moving_after")
	}
	return Planner{cfg: cfg}, nil
}

// Config returns the planner's configuration.
func (p Planner) Config() PlanConfig { return p.cfg }

// Item is one SKU's input to a [Planner]. Optional numbers are 0 when not set; quantities are at most
// [MaxQty]. Its JSON form has snake_case keys; the zero LastSale is omitted.
type Item struct {
	ID      string   `json:"id"`
	Stock   Stock    `json:"stock"`
	Demand  Demand   `json:"demand"`  // mean and standard deviation of demand, in any period
	Lead    LeadTime `json:"lead"`    // supplier lead time
	Shaping Shaping  `json:"shaping"` // MOQ, pack and cap; the zero value imposes none
	// LastSale is the time of the most recent sale; the zero time means unknown, and the slow-moving
	// and dead-stock checks are then skipped. [LastSaleIn] derives it from a sales history.
	LastSale time.Time `json:"last_sale,omitzero"`
	// Class is the item's ABC class; when set, the planner's rule for the class (PlanConfig.ClassSafety)
	// applies instead of its default rule. The zero value is no class.
	Class ABCClass `json:"class,omitempty"`
	// Safety, when not the zero rule, is this item's own safety-stock rule: it wins over its class's
	// rule and the planner's.
	Safety SafetyStock `json:"safety,omitzero"`
	// MinSafetyStock is a floor on the computed safety stock, such as the 30 units kept for hero items
	// (主推款, INV-04).
	MinSafetyStock float64 `json:"min_safety_stock"`
	// WarningLine, when positive, is a reorder point set by hand (预警线, INV-01) that replaces the
	// computed μ·L + SS.
	WarningLine float64 `json:"warning_line"`
	// OrderQty, when positive, is a fixed order quantity Q, used before the EOQ and the order cover.
	OrderQty float64 `json:"order_qty"`
	// MaxStock, when positive, is the order-up-to level S (max of min/max) set by hand.
	MaxStock float64 `json:"max_stock"`
	// OrderCost (K, per order) and HoldingCost (h, per unit per year), when both positive, give
	// Q = EOQ. PolicyRQ requires them. They are continuous model parameters in any one currency unit,
	// not amounts to pay.
	OrderCost   float64 `json:"order_cost"`
	HoldingCost float64 `json:"holding_cost"`
}

// Explanation holds every number behind a [Suggestion] and the rule that fired. It is plain data with
// no pointers, so the batch path fills it without allocating; [Explanation.String] formats it on demand.
// Demand, lead and review figures are per day.
//
// Its JSON form has snake_case keys and every number finite (days are numbers of days).
type Explanation struct {
	Rule          StockStatus `json:"rule"` // the rule that fired, the same as the suggestion's status
	Policy        PolicyKind  `json:"policy"`
	Trigger       Trigger     `json:"trigger"`
	Safety        SafetyStock `json:"safety"`          // the rule used
	DemandPerDay  float64     `json:"demand_per_day"`  // μ per day
	DemandSDDay   float64     `json:"demand_sd_day"`   // σ per day
	LeadDays      float64     `json:"lead_days"`       // mean lead time L
	LeadSDDays    float64     `json:"lead_sd_days"`    // σ_L
	ReviewDays    float64     `json:"review_days"`     // R, 0 for continuous review
	SafetyStock   float64     `json:"safety_stock"`    // after the item's floor
	SafetyRule    float64     `json:"safety_rule"`     // what the rule gave, before the floor
	SafetyFloored bool        `json:"safety_floored"`  // the item's MinSafetyStock raised the computed value
	ReorderPoint  float64     `json:"reorder_point"`   // μ·L + SS, or the warning line
	WarningLine   bool        `json:"warning_line"`    // ReorderPoint is the item's hand-set warning line
	ReorderLevel  float64     `json:"reorder_level"`   // the policy's s (for (R, S) its S)
	OrderUpTo     float64     `json:"order_up_to"`     // the policy's S, 0 for (s, Q)
	CycleQty      float64     `json:"cycle_qty"`       // Q, or the cycle stock added to s to get S
	QtySource     QtySource   `json:"qty_source"`      // where CycleQty came from
	Stock         Stock       `json:"stock"`           // the item's stock record
	Position      int64       `json:"position"`        // inventory position
	Available     int64       `json:"available"`       // available stock
	DaysSinceSale float64     `json:"days_since_sale"` // -1 when the last sale is unknown
	SlowAfterDays float64     `json:"slow_after_days"` // the planner's thresholds, 0 when off
	DeadAfterDays float64     `json:"dead_after_days"` // the planner's dead-stock age in days, 0 when off
	OverstockDays float64     `json:"overstock_days"`  // the planner's overstock cover in days, 0 when off
	Shaped        Shaped      `json:"shaped"`          // raw need and each shaping step
}

// Suggestion is the planner's answer for one SKU: status, order quantity, dates and the explanation.
//
// Its JSON form has snake_case keys; the zero StockoutAt and OrderBy are omitted, and DaysOfCover
// +Inf is null, meaning "never runs out at mean demand".
type Suggestion struct {
	ID     string      `json:"id"`
	Status StockStatus `json:"status"`
	Qty    int64       `json:"qty"` // order quantity after shaping; 0 means do not order
	// StockoutAt is when available stock runs out at mean demand, ignoring stock on order (use [ATP]
	// for receipt dates): now when nothing is available, the zero time when demand is zero or the date
	// is more than 100 years away.
	StockoutAt time.Time `json:"stockout_at,omitzero"`
	// OrderBy is the latest order date that avoids that stockout: StockoutAt minus the mean lead time.
	// It is before the evaluation time when it is already too late. Zero when StockoutAt is zero.
	OrderBy time.Time `json:"order_by,omitzero"`
	// DaysOfCover is Available / μ per day: 0 when nothing is available, +Inf (JSON null) when demand
	// is zero, or so small that the cover is beyond the float64 range, and stock is available.
	DaysOfCover float64     `json:"days_of_cover"`
	Why         Explanation `json:"why"`
}

// maxYear is the last year RFC 3339 (and so JSON) can write.
const maxYear = 9999

// maxHorizonDays bounds projected dates so that time arithmetic cannot overflow.
const maxHorizonDays = 36500

func days(d time.Duration) float64 { return float64(d) / float64(Day) }

// Suggest returns the suggestion for one SKU at the instant at. It returns an error for an invalid
// item (see [Planner.SuggestBatch]) or a zero planner.
func (p Planner) Suggest(item Item, at time.Time) (Suggestion, error) {
	var s Suggestion
	if err := p.suggest(&item, at, &s); err != nil {
		return Suggestion{ID: item.ID}, itemErr(err, "suggest", "item", item.ID)
	}
	return s, nil
}

// SuggestBatch writes the suggestion for items[i] into out[i] for every i, without allocating for valid
// items: a batch of a million SKUs needs no memory beyond the caller's slices. An invalid item gets
// StatusInvalid and its ID; the batch goes on, and the first such error is returned together with the
// number of invalid items. It returns an error wrapping [ErrLength] when out is shorter than items.
// The error for an invalid item is a [*FieldError] whose Field starts with "items[i]" and whose
// Detail names the item's ID.
//
// An item is invalid when its stock record fails [Stock.Validate], its demand is the zero value, an
// optional number is negative, NaN, infinite or above [MaxQty], LastSale is after at, PolicyRQ lacks
// costs, a hand-set max is below the reorder point, the order quantity or the need exceeds [MaxQty],
// or lead time plus review period exceeds the range of [time.Duration].
func (p Planner) SuggestBatch(items []Item, at time.Time, out []Suggestion) (invalid int64, err error) {
	if len(out) < len(items) {
		return 0, detailErr("suggest batch", "out", len(out), ErrLength, "shorter than items")
	}
	atOK := checkAt(at) == nil // checked once: the year is the same for every item
	for i := range items {
		if e := p.suggestAt(&items[i], at, atOK, &out[i]); e != nil {
			out[i] = Suggestion{ID: items[i].ID}
			if invalid == 0 {
				err = itemErr(e, "suggest batch", indexed("items", i), items[i].ID)
			}
			invalid++
		}
	}
	return invalid, err
}

// itemErr places the error of one item under the path prefix and names the item's ID in Detail.
func itemErr(err error, op, prefix, id string) error {
	e := within(err, op, prefix)
	if fe, ok := e.(*FieldError); ok {
		d := "item " + strconv.Quote(id)
		if fe.Detail != "" {
			d = fe.Detail + "; " + d
		}
		fe.Detail = d
	}
	return e
}

// suggest fills *out for *it. It allocates only to build an error.
func (p *Planner) suggest(it *Item, at time.Time, out *Suggestion) error {
	return p.suggestAt(it, at, checkAt(at) == nil, out)
}

// checkAt returns an error unless the evaluation time at lies in years 300 to 9898.
func checkAt(at time.Time) error {
	if y := at.Year(); y < 300 || y > maxYear-101 {
		// Projected dates lie within 100 years after at, and the order-by date up to a maximal
		// time.Duration (292 years) before it.
		return detailErr("suggest", "at", y, ErrTooLarge, "a year from 300 to 9898, so that projected dates stay within RFC 3339")
	}
	return nil
}

// suggestAt is suggest with the check of at done by the caller (atOK).
func (p *Planner) suggestAt(it *Item, at time.Time, atOK bool, out *Suggestion) error {
	const op = "suggest"
	cfg := &p.cfg
	if cfg.Policy == 0 {
		return detailErr(op, "planner", nil, ErrPolicy, "the zero Planner; use NewPlanner")
	}
	if !atOK {
		return checkAt(at)
	}
	if err := it.Stock.Validate(); err != nil {
		return within(err, op, "stock")
	}
	d := it.Demand
	if !d.IsValid() {
		return fieldErr(op, "demand.per", d.per, ErrNotPositive)
	}
	if it.Lead.mean < 0 || it.Lead.sd < 0 {
		return fieldErr(op, "lead.mean", it.Lead.mean, ErrNegative)
	}
	if it.Lead.mean > math.MaxInt64-cfg.Review {
		return detailErr(op, "lead.mean", it.Lead.mean, ErrTooLarge, "lead + review beyond 292 years")
	}
	if err := checkItemNumbers(it); err != nil {
		return err
	}
	if it.Class > ClassC {
		return fieldErr(op, "class", uint8(it.Class), ErrInvalidEnum)
	}
	if it.Safety.method > SafetyFillRate {
		return fieldErr(op, "safety.method", uint8(it.Safety.method), ErrInvalidEnum)
	}
	sinceSale := -1.0
	if !it.LastSale.IsZero() {
		if it.LastSale.After(at) {
			return detailErr(op, "last_sale", it.LastSale, ErrPolicy, "after the evaluation time")
		}
		sinceSale = days(at.Sub(it.LastSale))
	}

	// Everything below is per day.
	perDays := days(d.per)
	mu := d.mean / perDays
	sd := d.sd / math.Sqrt(perDays)
	lead := days(it.Lead.mean)
	leadSD := days(it.Lead.sd)
	review := days(cfg.Review)

	// Order quantity Q, or the cycle stock between s and S.
	var q float64
	src := QtyNone
	switch {
	case cfg.Policy == PolicyRQ:
		if !(it.OrderCost > 0) {
			return detailErr(op, "order_cost", it.OrderCost, ErrNotPositive, "the (r, Q) policy needs order and holding costs")
		}
		if !(it.HoldingCost > 0) {
			return detailErr(op, "holding_cost", it.HoldingCost, ErrNotPositive, "the (r, Q) policy needs order and holding costs")
		}
		q, src = eoq(mu*365, it.OrderCost, it.HoldingCost), QtyEOQ
	case cfg.Policy == PolicyRS:
	case it.OrderQty > 0:
		q, src = it.OrderQty, QtyFixed
	case it.OrderCost > 0 && it.HoldingCost > 0:
		q, src = eoq(mu*365, it.OrderCost, it.HoldingCost), QtyEOQ
	default:
		q, src = mu*days(cfg.OrderCover), QtyCover
	}
	if (cfg.Policy == PolicySS || cfg.Policy == PolicyMinMax) && it.MaxStock > 0 {
		q, src = 0, QtyNone
	}
	if !(q <= MaxQty) { // an EOQ from extreme costs, or a cover of extreme demand; also NaN
		return detailErr(op, "order_cost", it.OrderCost, ErrTooLarge, fmt.Sprintf("the order quantity %s (%s) is above 1e15 units", strconv.FormatFloat(q, 'g', -1, 64), src))
	}

	ssQty := q
	if cfg.Policy == PolicySS || cfg.Policy == PolicyMinMax {
		ssQty = max(q, it.MaxStock-(mu*lead)) // the fill-rate rule needs the demand per cycle
	}
	rule := cfg.safetyFor(it)
	ss := rule.compute(mu, sd, lead+review, leadSD, review, ssQty, days(rule.cover))
	ruleSS, floored := ss, false
	if it.MinSafetyStock > ss {
		ss, floored = it.MinSafetyStock, true
	}
	rop := mu*lead + ss
	if it.WarningLine > 0 {
		rop = it.WarningLine
	}

	pol := Policy{kind: cfg.Policy, s: rop, q: q, review: cfg.Review}
	switch cfg.Policy {
	case PolicySS, PolicyMinMax:
		pol.big = rop + q
		if it.MaxStock > 0 {
			if it.MaxStock < rop {
				return detailErr(op, "max_stock", it.MaxStock, ErrPolicy, "below the reorder point "+fmtNum(rop))
			}
			pol.big = it.MaxStock
		}
	case PolicyRS:
		pol.big = mu*(review+lead) + ss
		if it.MaxStock > 0 {
			pol.big = it.MaxStock
		}
		pol.s = pol.big
	}

	st := it.Stock
	position := st.position() // validated above
	available := st.available()
	ip := float64(position) // exact: |position| ≤ 3·MaxQty < 2⁵³
	need := pol.need(ip, cfg.Trigger)
	if !(need <= MaxQty) {
		return detailErr(op, "need", need, ErrTooLarge, maxQtyDetail)
	}

	status := StatusHealthy
	switch {
	case available <= 0:
		status = StatusStockout
	case cfg.DeadAfter > 0 && sinceSale >= days(cfg.DeadAfter):
		status = StatusDead
		need = 0
	case ip < ss:
		status = StatusBelowSafetyStock
	case cfg.Trigger.Fires(ip, rop):
		status = StatusReorder
	case cfg.SlowMovingAfter > 0 && sinceSale >= days(cfg.SlowMovingAfter):
		status = StatusSlowMoving
	case cfg.OverstockCover > 0 && ip > mu*days(cfg.OverstockCover):
		status = StatusOverstock
	}
	shaped := it.Shaping.shapeWithin(need, pol.room(ip))
	if shaped.Qty > MaxQty {
		return detailErr(op, "need", need, ErrTooLarge, fmt.Sprintf("the shaped order %d is above 1e15 units", shaped.Qty))
	}

	// Fill *out field by field: a composite literal would be built in a stack temporary and copied
	// (384 bytes, with write barriers while the GC runs), which dominated the batch's time.
	out.ID, out.Status, out.Qty = it.ID, status, shaped.Qty
	out.StockoutAt, out.OrderBy, out.DaysOfCover = time.Time{}, time.Time{}, 0
	w := &out.Why
	w.Rule, w.Policy, w.Trigger, w.Safety = status, cfg.Policy, cfg.Trigger, *rule
	w.DemandPerDay, w.DemandSDDay, w.LeadDays, w.LeadSDDays, w.ReviewDays = mu, sd, lead, leadSD, review
	w.SafetyStock, w.SafetyRule, w.SafetyFloored = ss, ruleSS, floored
	w.ReorderPoint, w.WarningLine = rop, it.WarningLine > 0
	w.ReorderLevel, w.OrderUpTo, w.CycleQty, w.QtySource = pol.s, pol.big, q, src
	w.Stock, w.Position, w.Available, w.DaysSinceSale = st, position, available, sinceSale
	w.SlowAfterDays, w.DeadAfterDays, w.OverstockDays = days(cfg.SlowMovingAfter), days(cfg.DeadAfter), days(cfg.OverstockCover)
	w.Shaped = shaped
	switch {
	case available <= 0:
		out.StockoutAt = at
	case mu > 0:
		out.DaysOfCover = float64(available) / mu // +Inf for a μ so small the cover overflows: documented
		if out.DaysOfCover <= maxHorizonDays {
			out.StockoutAt = at.Add(time.Duration(out.DaysOfCover * float64(Day)))
		}
	default:
		out.DaysOfCover = math.Inf(1)
	}
	if !out.StockoutAt.IsZero() {
		out.OrderBy = out.StockoutAt.Add(-it.Lead.mean)
	}
	return nil
}

// checkItemNumbers validates the optional numbers of an item.
func checkItemNumbers(it *Item) error {
	const op = "suggest"
	for _, f := range [...]struct {
		name string
		v    float64
	}{
		{"min_safety_stock", it.MinSafetyStock}, {"warning_line", it.WarningLine}, {"order_qty", it.OrderQty},
		{"max_stock", it.MaxStock},
	} {
		if err := checkQty(op, f.name, f.v); err != nil {
			return err
		}
	}
	if err := checkNonNeg(op, "order_cost", it.OrderCost); err != nil {
		return err
	}
	return checkNonNeg(op, "holding_cost", it.HoldingCost)
}

// fmtNum formats a quantity with at most two decimals and no trailing zeros.
func fmtNum(x float64) string {
	if math.IsInf(x, 0) {
		return "∞"
	}
	return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
}

// String formats the explanation over several lines: the rule that fired with its comparison, then
// demand and lead time, safety stock, reorder point, policy levels, the stock record, and the shaping
// steps.
func (e Explanation) String() string {
	var b strings.Builder
	b.WriteString("rule: ")
	b.WriteString(e.rule())
	fmt.Fprintf(&b, "\ndemand %s/day (σ %s), lead time %s days (σ %s)", fmtNum(e.DemandPerDay), fmtNum(e.DemandSDDay), fmtNum(e.LeadDays), fmtNum(e.LeadSDDays))
	if e.ReviewDays > 0 {
		fmt.Fprintf(&b, ", review every %s days", fmtNum(e.ReviewDays))
	}
	fmt.Fprintf(&b, "\nsafety stock %s (%s", fmtNum(e.SafetyStock), e.Safety)
	t := e.LeadDays + e.ReviewDays
	switch e.Safety.method {
	case SafetyDaysOfCover:
		fmt.Fprintf(&b, " × %s/day", fmtNum(e.DemandPerDay))
	case SafetyCycleService:
		fmt.Fprintf(&b, ": z %s × σ %s × √%s days", fmtNum(e.Safety.z), fmtNum(e.DemandSDDay), fmtNum(t))
	case SafetyCycleServiceLeadTime:
		fmt.Fprintf(&b, ": z %s × √(%s days × σ %s² + %s² × σ_L %s²)", fmtNum(e.Safety.z), fmtNum(t), fmtNum(e.DemandSDDay), fmtNum(e.DemandPerDay), fmtNum(e.LeadSDDays))
	case SafetyFillRate:
		fmt.Fprintf(&b, ": k from the loss function over %s days", fmtNum(t))
	}
	if e.SafetyFloored {
		fmt.Fprintf(&b, " = %s, raised to the item's floor", fmtNum(e.SafetyRule))
	}
	b.WriteString(")\n")
	if e.WarningLine {
		fmt.Fprintf(&b, "reorder point %s (warning line set by hand)", fmtNum(e.ReorderPoint))
	} else {
		fmt.Fprintf(&b, "reorder point %s = %s/day × %s days + %s", fmtNum(e.ReorderPoint), fmtNum(e.DemandPerDay), fmtNum(e.LeadDays), fmtNum(e.SafetyStock))
	}
	switch e.Policy {
	case PolicySQ, PolicyRQ:
		fmt.Fprintf(&b, "\npolicy %s: s %s, Q %s (%s)", e.Policy, fmtNum(e.ReorderLevel), fmtNum(e.CycleQty), e.QtySource)
	case PolicyTopUp:
		fmt.Fprintf(&b, "\npolicy %s: level %s, qty %s (%s), or the deficiency when larger", e.Policy, fmtNum(e.ReorderLevel), fmtNum(e.CycleQty), e.QtySource)
	case PolicySS, PolicyMinMax:
		fmt.Fprintf(&b, "\npolicy %s: s %s, S %s", e.Policy, fmtNum(e.ReorderLevel), fmtNum(e.OrderUpTo))
		if e.QtySource != QtyNone {
			fmt.Fprintf(&b, " = s + %s (%s)", fmtNum(e.CycleQty), e.QtySource)
		} else {
			b.WriteString(" (set by hand)")
		}
	case PolicyRS:
		fmt.Fprintf(&b, "\npolicy %s: S %s", e.Policy, fmtNum(e.OrderUpTo))
	}
	s := e.Stock
	fmt.Fprintf(&b, "\nstock: on hand %d (held %d), on order %d, backorders %d, reserved %d → position %d, available %d",
		s.OnHand, s.Held, s.OnOrder, s.Backorders, s.Reserved, e.Position, e.Available)
	b.WriteString("\norder: ")
	b.WriteString(e.Shaped.String())
	return b.String()
}

// rule states the rule that fired with the numbers it compared.
func (e Explanation) rule() string {
	cmpSign := "≤"
	if e.Trigger == StrictlyBelow {
		cmpSign = "<"
	}
	switch e.Rule {
	case StatusStockout:
		return fmt.Sprintf("stockout: available %d ≤ 0", e.Available)
	case StatusDead:
		return fmt.Sprintf("dead: no sale for %s days ≥ %s; do not reorder", fmtNum(e.DaysSinceSale), fmtNum(e.DeadAfterDays))
	case StatusBelowSafetyStock:
		return fmt.Sprintf("below safety stock: position %d < safety stock %s", e.Position, fmtNum(e.SafetyStock))
	case StatusReorder:
		return fmt.Sprintf("reorder: position %d %s reorder point %s", e.Position, cmpSign, fmtNum(e.ReorderPoint))
	case StatusSlowMoving:
		return fmt.Sprintf("slow-moving: no sale for %s days ≥ %s", fmtNum(e.DaysSinceSale), fmtNum(e.SlowAfterDays))
	case StatusOverstock:
		return fmt.Sprintf("overstock: position %d > %s days × %s/day = %s", e.Position, fmtNum(e.OverstockDays), fmtNum(e.DemandPerDay), fmtNum(e.OverstockDays*e.DemandPerDay))
	case StatusHealthy:
		return fmt.Sprintf("healthy: position %d above reorder point %s", e.Position, fmtNum(e.ReorderPoint))
	}
	return "invalid input"
}

// String formats the suggestion on one line, then the explanation.
func (s Suggestion) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s, order %d", s.ID, s.Status, s.Qty)
	if s.Status == StatusInvalid {
		return b.String()
	}
	fmt.Fprintf(&b, ", cover %s days", fmtNum(s.DaysOfCover))
	if !s.StockoutAt.IsZero() {
		fmt.Fprintf(&b, ", stockout %s, order by %s", s.StockoutAt.Format("2006-01-02 15:04"), s.OrderBy.Format("2006-01-02 15:04"))
	}
	b.WriteString("\n")
	b.WriteString(s.Why.String())
	return b.String()
}
