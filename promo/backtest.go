package promo

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/opskit/opskit/pricing"
)

// BacktestQuery is a replay of past orders under a candidate campaign:
// each order's cart (lines with their costs, customer, channel, time and
// the coupons entered) is evaluated by the engine in time order, with the
// usage of limited promotions counted as the replay goes (the carts' own
// Usage is ignored).
type BacktestQuery struct {
	Orders []Cart `json:"orders"`
	// NearMiss is the "add less than X" of a near miss: an order below a
	// threshold's next tier by less than NearMiss (amount thresholds).
	// The zero Money counts no near misses.
	NearMiss pricing.Money `json:"near_miss,omitzero"`
	// Workers evaluates the orders on that many goroutines when above 1
	// and no promotion has a limit (a limit makes each order depend on the
	// ones before it); the report is the same as with one.
	Workers int `json:"workers,omitempty"`
}

// MaxBacktestOrders is the most orders of one backtest; MaxBacktestWorkers
// the most workers.
const (
	MaxBacktestOrders  = 10_000_000
	MaxBacktestWorkers = 256
	// MaxBacktestLevels is the most entries of PromotionOutcome.Levels.
	MaxBacktestLevels = 20
)

// BacktestReport is what the campaign would have done to the orders.
// Amounts are sums over the valid orders; margins are over the lines that
// have a cost (CostedSubtotal is their subtotal).
type BacktestReport struct {
	Orders         int64         `json:"orders"`  // orders evaluated
	Invalid        int64         `json:"invalid"` // orders the engine refused, not counted elsewhere
	InvalidErrors  []string      `json:"invalid_errors,omitempty"`
	GMV            pricing.Money `json:"gmv,omitzero"`             // Σ subtotals before promotions
	Discount       pricing.Money `json:"discount,omitzero"`        // Σ item and order discounts
	DiscountShare  float64       `json:"discount_share"`           // Discount / GMV (0 when GMV is 0)
	ShippingWaived pricing.Money `json:"shipping_waived,omitzero"` // Σ shipping before − after
	CostedSubtotal pricing.Money `json:"costed_subtotal,omitzero"`
	Cost           pricing.Money `json:"cost,omitzero"`          // Σ cost × qty of the costed lines
	MarginBefore   pricing.Money `json:"margin_before,omitzero"` // CostedSubtotal − Cost
	MarginAfter    pricing.Money `json:"margin_after,omitzero"`  // what the costed lines paid − Cost
	// Promotions has one entry per promotion of the engine, in its order.
	Promotions []PromotionOutcome `json:"promotions"`
	// Depth is the distribution of the orders' discount share in buckets
	// of 5 %: [0, 0] (no discount), (0, 5 %], (5 %, 10 %], ..., (45 %,
	// 50 %], above 50 %.
	Depth []DepthBucket `json:"depth"`
}

// PromotionOutcome is one promotion's part in a backtest.
type PromotionOutcome struct {
	PromotionID string        `json:"promotion_id"`
	Applied     int64         `json:"applied"`         // orders it applied to
	Amount      pricing.Money `json:"amount,omitzero"` // discount or shipping it gave in total
	Coupons     int64         `json:"coupons"`         // redemptions through its coupon code
	Capped      int64         `json:"capped"`          // orders whose discount its budget or cap cut
	// Levels counts, for a [Threshold], the orders by the tier they
	// reached: Levels[0] reached the lowest tier, Levels[1] the second;
	// for 每满 by the steps given, the last of MaxBacktestLevels entries
	// counting that many steps or more. Nil for other promotions.
	Levels      []int64       `json:"levels,omitempty"`
	NearMisses  int64         `json:"near_misses"`            // orders short of its next tier by less than NearMiss
	NearMissGap pricing.Money `json:"near_miss_gap,omitzero"` // Σ what those orders lacked
	// BudgetSpent is the discount counted against its budget; BudgetOut
	// the time of the order at which the budget ran out (the zero time if
	// it did not).
	BudgetSpent pricing.Money `json:"budget_spent,omitzero"`
	BudgetOut   time.Time     `json:"budget_out,omitzero"`
}

// DepthBucket counts the orders whose discount share is in (From, To]
// ([0, 0] for the first, (0.5, +Inf) for the last, To then null in JSON).
type DepthBucket struct {
	From   float64  `json:"from"`
	To     *float64 `json:"to"`
	Orders int64    `json:"orders"`
}

// maxInvalidErrors is how many invalid orders a report describes.
const maxInvalidErrors = 10

// opBacktest names Backtest in errors.
const opBacktest = "backtest"

// Backtest replays q.Orders under the engine's campaign, in time order
// (stable for equal times), and reports discount, margins, each
// promotion's part, near misses, budget burn and the depth distribution.
// An order the engine refuses is counted in Invalid (its first errors
// listed), not an error. The error is a *[FieldError] (Op "backtest") for
// more than [MaxBacktestOrders] orders, a bad Workers or NearMiss, or sums
// beyond int64 ([ErrTooLarge]).
func (e Engine) Backtest(q BacktestQuery) (BacktestReport, error) {
	switch {
	case len(q.Orders) > MaxBacktestOrders:
		return BacktestReport{}, &FieldError{Op: opBacktest, Field: "orders", Value: strconv.Itoa(len(q.Orders)), Err: ErrTooLarge,
			Detail: fmt.Sprintf("at most %d", MaxBacktestOrders)}
	case q.Workers < 0 || q.Workers > MaxBacktestWorkers:
		return BacktestReport{}, &FieldError{Op: opBacktest, Field: "workers", Value: strconv.Itoa(q.Workers), Err: ErrInvalidOption,
			Detail: fmt.Sprintf("want 0 to %d", MaxBacktestWorkers)}
	}
	near := int64(0)
	if q.NearMiss.IsValid() {
		v, err := minorOf("near_miss", q.NearMiss, e.currency)
		if err != nil {
			return BacktestReport{}, &FieldError{Op: opBacktest, Field: "near_miss", Value: q.NearMiss.String(), Err: ErrInvalidOption,
				Detail: "want an amount in " + e.currency.String()}
		}
		near = v
	}
	order := make([]int, len(q.Orders))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return q.Orders[a].At.Compare(q.Orders[b].At) })
	var tally *backtestTally
	var err error
	if q.Workers > 1 && !e.hasLimits() && len(order) > 1 {
		tally, err = e.backtestParallel(q.Orders, order, near, q.Workers)
	} else {
		tally = e.newTally(near)
		err = tally.replay(q.Orders, order, e.hasLimits())
	}
	if err != nil {
		return BacktestReport{}, err
	}
	return tally.report()
}

// hasLimits reports whether any promotion has a count or budget limit.
func (e *Engine) hasLimits() bool {
	for i := range e.promos {
		l := &e.promos[i].p.Limits
		if l.Total > 0 || l.PerCustomer > 0 || l.Budget.IsValid() {
			return true
		}
	}
	return false
}
