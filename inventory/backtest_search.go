package inventory

import (
	"fmt"
	"math"
	"time"

	"github.com/opskit/opskit/internal/normal"
)

// policyEpoch is the evaluation time Planner.Policy passes to the planner: the levels do not depend
// on it.
var policyEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Policy returns the policy the planner applies to item, with the levels it computes from the
// item's demand, lead time, safety-stock rule (its own, its class's or the planner's) and hand-set
// numbers: (s, Q) and (r, Q) with s = the reorder point and Q as [Planner.Suggest] chooses it, (s, S)
// and min/max with S = s + Q or the hand-set max, (R, S) with S = μ·(R + L) + SS, and the top-up
// policy with the reorder point and Q. The item's stock and last sale play no part. This is how a
// planner configuration is replayed in a [Backtest]. It returns the errors of [Planner.Suggest].
func (p Planner) Policy(item Item) (Policy, error) {
	it := item
	it.Stock, it.LastSale = Stock{}, time.Time{}
	var s Suggestion
	if err := p.suggest(&it, policyEpoch, &s); err != nil {
		return Policy{}, itemErr(err, "policy", "item", item.ID)
	}
	w := &s.Why
	pol := Policy{kind: p.cfg.Policy, s: w.ReorderLevel, review: p.cfg.Review}
	switch pol.kind {
	case PolicySQ, PolicyRQ, PolicyTopUp:
		pol.q = w.CycleQty
	default:
		pol.big = w.OrderUpTo
	}
	return pol, nil
}

// MaxSearchLevels bounds the grid of [SearchClassLevels]: its work is the grid size times the days
// of the history.
const MaxSearchLevels = 32

// BacktestItem is one SKU for [SearchClassLevels]: the planner's input (its Class, Demand, Lead,
// Shaping, hand-set numbers, starting Stock.OnHand, OrderCost per order and HoldingCost per unit per
// year) and the daily demand history to replay.
type BacktestItem struct {
	Item         Item    `json:"item"`
	Demand       []int64 `json:"demand"`                  // units demanded per day, oldest first
	LeadSequence []int   `json:"lead_sequence,omitempty"` // as BacktestSKU; empty: the item's mean lead time in whole days, rounded up, at least 1
	ShortageCost float64 `json:"shortage_cost"`           // per unit not served from stock on its day
}

// ClassLevel is [SearchClassLevels]' answer for one ABC class: the chosen service level, whether it
// met the target, and the class's backtest total at that level.
type ClassLevel struct {
	Class  ABCClass       `json:"class"`
	Level  float64        `json:"level"` // the chosen level from the grid
	Met    bool           `json:"met"`   // the class's fill rate reached the target at Level
	Result BacktestResult `json:"result"`
}

// SearchClassLevels answers "which service level per ABC class would have met a fill-rate target at
// least cost": for each class present among the items, and for each level of the grid, it gives every
// item of the class the safety-stock rule method(level), derives its policy with [Planner.Policy]
// under cfg, replays the class's items with [Backtest] and compares the class's total fill rate
// (served / demanded units) with target. The level chosen is the cheapest (least TotalCost) of those
// that meet the target, the lower level on a tie; when none does, it is the level with the highest
// fill rate (then the cheapest) and Met is false. Costs are the backtest's: holding per unit per day
// = Item.HoldingCost/365, Item.OrderCost per order and ShortageCost per unit short.
//
// method is one of the service-level rules: [SafetyCycleService], [SafetyCycleServiceLeadTime] or
// [SafetyFillRate]. The items' own Safety rules are replaced; cfg's rules do not matter. Results
// are in class order A, B, C. The search is exhaustive over the grid, so it is exact for the grid
// and deterministic; its work is len(levels) times the items' total days, and it allocates one
// result slice per call.
//
// It returns an error for a bad cfg, an unknown method, an empty grid or one above
// [MaxSearchLevels], a level outside (0, 1), a target outside (0, 1], an item without a class, and
// the errors of [Planner.Policy] and [Backtest], naming the item.
func SearchClassLevels(cfg PlanConfig, method SafetyMethod, levels []float64, target float64, items []BacktestItem, unmet Unmet) ([]ClassLevel, error) {
	const op = "search class levels"
	p, err := NewPlanner(cfg)
	if err != nil {
		return nil, within(err, op, "cfg")
	}
	if method < SafetyCycleService || method > SafetyFillRate {
		return nil, detailErr(op, "method", uint8(method), ErrPolicy, "a service-level method")
	}
	if len(levels) == 0 {
		return nil, fieldErr(op, "levels", nil, ErrEmptyHistory)
	}
	if len(levels) > MaxSearchLevels {
		return nil, detailErr(op, "levels", len(levels), ErrTooLarge, "at most 32 levels")
	}
	rules := make([]SafetyStock, len(levels))
	for k, l := range levels {
		if err := checkLevel(op, indexed("levels", k), l); err != nil {
			return nil, err
		}
		rules[k] = SafetyStock{method: method, level: l, z: normal.Quantile(l)}
	}
	if !(target > 0 && target <= 1) {
		return nil, detailErr(op, "target", target, ErrServiceLevel, "a fill rate in (0, 1]")
	}
	if unmet > Backorders {
		return nil, fieldErr(op, "unmet", uint8(unmet), ErrInvalidEnum)
	}
	var present [3]bool
	for i := range items {
		c := items[i].Item.Class
		if c < ClassA || c > ClassC {
			return nil, detailErr(op, indexed("items", i)+".item.class", uint8(c), ErrPolicy, "an ABC class is required")
		}
		present[c-1] = true
	}
	var out []ClassLevel
	for c := ClassA; c <= ClassC; c++ {
		if !present[c-1] {
			continue
		}
		best := ClassLevel{Class: c}
		for k, rule := range rules {
			total := BacktestResult{ID: "class " + c.String()}
			for i := range items {
				if items[i].Item.Class != c {
					continue
				}
				var r BacktestResult
				if err := backtestItem(p, &items[i], rule, unmet, &r); err != nil {
					return nil, itemErr(err, op, indexed("items", i), items[i].Item.ID)
				}
				if err := total.add(&r); err != nil {
					return nil, itemErr(err, op, indexed("items", i), items[i].Item.ID)
				}
			}
			total.finish()
			cand := ClassLevel{Class: c, Level: levels[k], Met: total.FillRate >= target, Result: total}
			if k == 0 || better(cand, best) {
				best = cand
			}
		}
		out = append(out, best)
	}
	return out, nil
}

// better reports whether a beats b: meeting the target first, then (both met) lower cost or (neither
// met) higher fill rate then lower cost, then the lower level.
func better(a, b ClassLevel) bool {
	if a.Met != b.Met {
		return a.Met
	}
	if !a.Met && a.Result.FillRate != b.Result.FillRate {
		return a.Result.FillRate > b.Result.FillRate
	}
	if a.Result.TotalCost != b.Result.TotalCost {
		return a.Result.TotalCost < b.Result.TotalCost
	}
	return a.Level < b.Level
}

// backtestItem replays one item under rule into *r.
func backtestItem(p Planner, bi *BacktestItem, rule SafetyStock, unmet Unmet, r *BacktestResult) error {
	it := bi.Item
	it.Safety = rule
	pol, err := p.Policy(it)
	if err != nil {
		return within(err, "backtest", "item")
	}
	lead := max(int(math.Ceil(days(it.Lead.mean))), 1) // an order placed tonight arrives tomorrow at the earliest
	if len(bi.LeadSequence) == 0 && lead > MaxLeadDays {
		return detailErr("backtest", "item.lead.mean", it.Lead.mean, ErrTooLarge, fmt.Sprintf("at most %d days", MaxLeadDays))
	}
	sk := BacktestSKU{
		ID: it.ID, Policy: pol, Trigger: p.cfg.Trigger, Shaping: it.Shaping, Demand: bi.Demand,
		OnHand: it.Stock.OnHand, LeadDays: lead, LeadSequence: bi.LeadSequence,
		HoldingCost: it.HoldingCost / 365, OrderCost: it.OrderCost, ShortageCost: bi.ShortageCost,
	}
	return backtestSKU(&sk, unmet, r)
}

// UnmarshalJSON decodes a backtest item, rejecting unknown and duplicate keys; the item decodes as
// [Item.UnmarshalJSON] does and an empty "lead_sequence" as an absent one (nil). Values are checked
// by [SearchClassLevels].
func (bi *BacktestItem) UnmarshalJSON(b []byte) error {
	type plain BacktestItem
	var j plain
	if err := decodeStrict("decode backtest item", b, &j); err != nil {
		return err
	}
	if len(j.LeadSequence) == 0 {
		j.LeadSequence = nil
	}
	*bi = BacktestItem(j)
	return nil
}
