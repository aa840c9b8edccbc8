package pricing

import (
	"errors"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// ErrInvalidCampaign: an empty campaign name where a name is required.
var ErrInvalidCampaign = errors.New("invalid campaign name")

// FloorRule names the rule of a [FloorPolicy] that set a price floor.
type FloorRule uint8

const (
	// RuleNone: no rule applies; the floor is zero. The zero value, as for
	// the zero FloorPolicy.
	RuleNone FloorRule = iota
	// RuleExempt: the campaign is exempt from the policy; the floor is zero.
	RuleExempt
	// RuleListRatio: the minimum ratio of list price, list × Rate.Pay()
	// (最低折扣: "not below 7折").
	RuleListRatio
	// RuleMinMargin: the minimum gross margin over cost, cost / (1 - m).
	RuleMinMargin
	// RuleMinPrice: the absolute minimum price.
	RuleMinPrice
)

var floorRuleNames = [...]string{"none", "exempt", "list-ratio", "min-margin", "min-price"}

// String returns "none", "exempt", "list-ratio", "min-margin" or "min-price".
func (r FloorRule) String() string {
	if int(r) < len(floorRuleNames) {
		return floorRuleNames[r]
	}
	return fmt.Sprintf("FloorRule(%d)", r)
}

// BelowFloorError reports a price below its floor (低于最低价). It matches
// [ErrBelowFloor] with errors.Is.
type BelowFloorError struct {
	Price    Money     // the price checked
	Floor    Money     // the effective floor
	Rule     FloorRule // the rule that set the floor
	Campaign string    // the campaign checked ("" for normal sales)
}

// Error describes the price, the floor, the rule and the campaign.
func (e *BelowFloorError) Error() string {
	return fmt.Sprintf("pricing: price %s below floor %s (rule %s, campaign %q)", e.Price, e.Floor, e.Rule, e.Campaign)
}

// Is makes errors.Is(err, ErrBelowFloor) true.
func (e *BelowFloorError) Is(target error) bool { return target == ErrBelowFloor }

// FloorPolicy is a price floor policy (最低价控制): a price may not go
// below the highest of
//
//	list ratio:  list × r            (r a [Rate]: 7折 means at least 70% of list)
//	min margin:  cost / (1 - m)      (gross margin (p-c)/p at least m)
//	min price:   an absolute amount
//
// each rounded up to the currency's minor unit, unless the sale belongs to
// an exempt campaign. Seed-rules P-01: 商城正常销售最低折扣不低于7折
// (淘金币、双11大促除外) is MinListRatio(7折) with ExemptCampaigns("淘金币",
// "双11"). The policy applies to member prices too (P-02); see
// [MemberPrices.CheckFloor].
//
// FloorPolicy is an immutable value, safe for concurrent use. The zero
// FloorPolicy has no rules: every floor is zero ([RuleNone]).
type FloorPolicy struct {
	ratio     Rate
	hasRatio  bool
	margin    decimal.Decimal
	keep      decimal.Decimal // 1 - margin
	hasMargin bool
	minimum   Money // the zero Money when unset
	exempt    map[string]struct{}
}

// FloorOption sets one rule of a [FloorPolicy]; see [NewFloorPolicy].
type FloorOption func(*FloorPolicy) error

// MinListRatio sets the minimum ratio of list price: with 7折 the price must
// be at least 70% of list.
func MinListRatio(r Rate) FloorOption {
	return func(p *FloorPolicy) error {
		p.ratio, p.hasRatio = r, true
		return nil
	}
}

// MinMargin sets the minimum gross margin over cost, a fraction in [0, 1):
// with 0.5 the price must be at least twice the cost (seed-rules P-08).
// Outside [0, 1) is an error wrapping [ErrInvalidRatio].
func MinMargin(m decimal.Decimal) FloorOption {
	return func(p *FloorPolicy) error {
		if err := checkDecimal("min margin", m); err != nil || m.Sign() < 0 || m.Cmp(one) >= 0 {
			return fmt.Errorf("min margin %s: %w: must be in [0, 1)", clip(m.String()), ErrInvalidRatio)
		}
		p.margin, p.keep, p.hasMargin = m, one.Sub(m), true
		return nil
	}
}

// MinPrice sets the absolute minimum price. It must have a currency, be
// non-negative and rounded to the minor unit.
func MinPrice(min Money) FloorOption {
	return func(p *FloorPolicy) error {
		if err := checkPrice("min price", min, min.currency); err != nil {
			return err
		}
		if !min.IsRounded() {
			return fmt.Errorf("min price %s: %w", min, ErrNotRounded)
		}
		p.minimum = min
		return nil
	}
}

// ExemptCampaigns exempts campaigns from the policy, by exact name
// ("双11", "淘金币"). Names must be non-empty; "" means a normal sale and
// is never exempt. Repeated options add to the set.
func ExemptCampaigns(names ...string) FloorOption {
	return func(p *FloorPolicy) error {
		if p.exempt == nil {
			p.exempt = map[string]struct{}{}
		}
		for i, n := range names {
			if n == "" {
				return fmt.Errorf("exempt campaigns[%d] %q: %w: empty name", i, n, ErrInvalidCampaign)
			}
			p.exempt[n] = struct{}{}
		}
		return nil
	}
}

// NewFloorPolicy returns the policy with the given rules. A later option of
// the same kind replaces an earlier one, except ExemptCampaigns, which adds.
// Errors are those of the options, wrapped.
func NewFloorPolicy(opts ...FloorOption) (FloorPolicy, error) {
	p := FloorPolicy{exempt: map[string]struct{}{}}
	for i, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&p); err != nil {
			return FloorPolicy{}, fmt.Errorf("pricing: floor policy: option %d: %w", i, err)
		}
	}
	return p, nil
}

// HasRules reports whether the policy sets any floor: a ratio of list, a
// minimum margin or an absolute minimum. The zero FloorPolicy has none.
func (p FloorPolicy) HasRules() bool {
	return p.hasRatio || p.hasMargin || p.minimum.IsValid()
}

// IsExempt reports whether sales under campaign are exempt from the policy.
func (p FloorPolicy) IsExempt(campaign string) bool {
	_, ok := p.exempt[campaign]
	return ok
}

// ExemptCampaigns returns the exempt campaigns, sorted.
func (p FloorPolicy) ExemptCampaigns() []string {
	names := make([]string, 0, len(p.exempt))
	for n := range p.exempt {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Floor returns the effective floor for an item with the list price and
// cost sold under campaign ("" for a normal sale), and the rule that set
// it: the highest of the rules that apply, each rounded up (ceiling) to the
// minor unit, so the floor is the lowest price in minor units that obeys
// every rule. On a tie the first rule in the order list ratio, min margin,
// min price is reported. An exempt campaign has a zero floor
// ([RuleExempt]); a policy without rules, a zero floor ([RuleNone]).
//
// cost may be the zero Money (cost unknown): the margin rule then does not
// apply. Floor allocates little and does not format on success, so the
// promotion engine may call it per unit.
//
// Errors: a list price without currency ([ErrUnknownCurrency]); a negative
// list price or cost ([ErrNegativePrice]); a cost or minimum price in
// another currency ([ErrCurrencyMismatch]).
func (p FloorPolicy) Floor(list, cost Money, campaign string) (Money, FloorRule, error) {
	if !list.IsValid() {
		return Money{}, RuleNone, fmt.Errorf("pricing: floor: list price %s: %w", list, ErrUnknownCurrency)
	}
	if list.IsNegative() {
		return Money{}, RuleNone, fmt.Errorf("pricing: floor: list price %s: %w", list, ErrNegativePrice)
	}
	cur := list.currency
	hasCost := cost.IsValid()
	if hasCost {
		if cost.currency != cur {
			return Money{}, RuleNone, fmt.Errorf("pricing: floor: cost %s for list price %s: %w", cost, list, &CurrencyMismatchError{A: cur, B: cost.currency})
		}
		if cost.IsNegative() {
			return Money{}, RuleNone, fmt.Errorf("pricing: floor: cost %s: %w", cost, ErrNegativePrice)
		}
	}
	if p.minimum.IsValid() && p.minimum.currency != cur {
		return Money{}, RuleNone, fmt.Errorf("pricing: floor: min price %s for list price %s: %w", p.minimum, list, &CurrencyMismatchError{A: cur, B: p.minimum.currency})
	}
	if _, ok := p.exempt[campaign]; ok {
		return Zero(cur), RuleExempt, nil
	}
	floor, rule := decimal.Zero, RuleNone
	if p.hasRatio {
		floor, rule = roundPlaces(list.dec().Mul(p.ratio.Pay()), cur.Digits(), Ceiling), RuleListRatio
	}
	if p.hasMargin && hasCost {
		if f := quoRound(cost.dec(), p.keep, cur.Digits(), Ceiling); rule == RuleNone || f.Cmp(floor) > 0 {
			floor, rule = f, RuleMinMargin
		}
	}
	if p.minimum.IsValid() {
		if rule == RuleNone || p.minimum.dec().Cmp(floor) > 0 {
			floor, rule = p.minimum.dec(), RuleMinPrice
		}
	}
	return fromDecimal(floor, cur), rule, nil
}

// Check returns nil if price is at or above the [FloorPolicy.Floor] for the
// list price, cost and campaign, and otherwise a *[BelowFloorError]
// (matching [ErrBelowFloor]) with the floor and the rule that set it.
// Seed-rules P-01, list 100.00, 7折, exempt {淘金币, 双11}: 70.00 passes,
// 69.99 fails, 60.00 passes under 双11 and fails under 聚划算.
//
// Errors: those of Floor; a price without currency ([ErrUnknownCurrency]),
// in another currency ([ErrCurrencyMismatch]) or negative
// ([ErrNegativePrice]).
func (p FloorPolicy) Check(price, list, cost Money, campaign string) error {
	if !price.IsValid() {
		return fmt.Errorf("pricing: check floor: price %s: %w", price, ErrUnknownCurrency)
	}
	if price.currency != list.currency && list.IsValid() {
		return fmt.Errorf("pricing: check floor: price %s for list price %s: %w", price, list, &CurrencyMismatchError{A: list.currency, B: price.currency})
	}
	if price.IsNegative() {
		return fmt.Errorf("pricing: check floor: price %s: %w", price, ErrNegativePrice)
	}
	floor, rule, err := p.Floor(list, cost, campaign)
	if err != nil {
		return err
	}
	if price.dec().Cmp(floor.dec()) < 0 {
		return &BelowFloorError{Price: price, Floor: floor, Rule: rule, Campaign: campaign}
	}
	return nil
}
