package pricing

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

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

// String returns "none", "exempt", "list-ratio", "min-margin" or
// "min-price" (the text form is snake_case: "list_ratio").
func (r FloorRule) String() string {
	if int(r) < len(floorRuleNames) {
		return floorRuleNames[r]
	}
	return fmt.Sprintf("FloorRule(%d)", r)
}

// MarshalText encodes the rule's snake_case name: "none", "exempt",
// "list_ratio", "min_margin", "min_price". An undefined rule is an error
// ([ErrUnknownName]).
func (r FloorRule) MarshalText() ([]byte, error) {
	return marshalName("encode floor rule", int(r), floorRuleNames[:])
}

// UnmarshalText decodes a name written by [FloorRule.MarshalText]; other
// names are an error ([ErrUnknownName]).
func (r *FloorRule) UnmarshalText(b []byte) error {
	i, err := unmarshalName("decode floor rule", b, floorRuleNames[:])
	if err == nil {
		*r = FloorRule(i)
	}
	return err
}

// marshalName returns the snake_case form of names[i] (hyphens become
// underscores), or ErrUnknownName. An enumeration whose zero value is
// "unset" has names[0] == "": the zero value is the empty string, so a zero
// field still encodes and decodes back.
func marshalName(op string, i int, names []string) ([]byte, error) {
	if i < 0 || i >= len(names) || (i > 0 && names[i] == "") {
		return nil, fieldErr(op, "", strconv.Itoa(i), ErrUnknownName, "")
	}
	return []byte(strings.ReplaceAll(names[i], "-", "_")), nil
}

// unmarshalName returns the index of the snake_case form of one of names,
// or ErrUnknownName; "" is index 0 when names[0] is "".
func unmarshalName(op string, b []byte, names []string) (int, error) {
	for i, n := range names {
		if string(b) == strings.ReplaceAll(n, "-", "_") {
			return i, nil
		}
	}
	return 0, fieldErr(op, "", clip(string(b)), ErrUnknownName, "")
}

// BelowFloorError reports a price below its floor (低于最低价). It matches
// [ErrBelowFloor] with errors.Is. [FloorPolicy.Check] returns it as is: it
// is the verdict on a valid price, not a bad input.
type BelowFloorError struct {
	Price    Money     `json:"price"`    // the price checked
	Floor    Money     `json:"floor"`    // the effective floor
	Rule     FloorRule `json:"rule"`     // the rule that set the floor
	Campaign string    `json:"campaign"` // the campaign checked ("" for normal sales)
}

// Error returns "pricing: price CNY 69.99 below floor CNY 70.00 (rule
// list-ratio, campaign "")".
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
// A policy names every campaign it knows: the exempt ones and those given
// with [KnownCampaigns], which the floor applies to. A campaign it does
// not know is an error ([ErrUnknownCampaign]), never a silent "not
// exempt", so "double11" cannot miss "双11"; "" (a normal sale) is always
// known and never exempt.
//
// FloorPolicy is an immutable value, safe for concurrent use. The zero
// FloorPolicy has no rules (every floor is zero, [RuleNone]) and knows no
// campaign but "".
type FloorPolicy struct {
	ratio     Rate
	hasRatio  bool
	margin    decimal.Decimal
	keep      decimal.Decimal // 1 - margin
	hasMargin bool
	minimum   Money           // the zero Money when unset
	campaigns map[string]bool // known campaign -> exempt
	names     []string        // the known campaigns, sorted
}

// Option configures a [FloorPolicy]; see [NewFloorPolicy]. It is the
// package's one option type: options record their values and return
// nothing, and the constructor validates them.
type Option func(*config)

// config is what the options record, validated by NewFloorPolicy.
type config struct {
	ratio   *Rate
	margin  *decimal.Decimal
	minimum *Money
	exempt  []string
	known   []string
}

// MinListRatio sets the minimum ratio of list price: with 7折 the price must
// be at least 70% of list.
func MinListRatio(r Rate) Option { return func(c *config) { c.ratio = &r } }

// MinMargin sets the minimum gross margin over cost, a fraction in [0, 1):
// with 0.5 the price must be at least twice the cost (seed-rules P-08).
// Outside [0, 1) is an error of [NewFloorPolicy] ([ErrInvalidRatio]).
func MinMargin(m decimal.Decimal) Option { return func(c *config) { c.margin = &m } }

// MinPrice sets the absolute minimum price. It must have a currency, be
// non-negative and rounded to the minor unit ([NewFloorPolicy] checks).
func MinPrice(min Money) Option { return func(c *config) { c.minimum = &min } }

// ExemptCampaigns exempts campaigns from the policy, by exact name
// ("双11", "淘金币"), and makes them known. Names must be non-empty; ""
// means a normal sale and is never exempt. Repeated options add to the set.
func ExemptCampaigns(names ...string) Option {
	names = slices.Clone(names)
	return func(c *config) { c.exempt = append(c.exempt, names...) }
}

// KnownCampaigns names campaigns the policy applies to without exemption
// ("聚划算"), so that a floor asked for them is not an error. Names must
// be non-empty; a name also given to [ExemptCampaigns] is exempt. Repeated
// options add to the set.
func KnownCampaigns(names ...string) Option {
	names = slices.Clone(names)
	return func(c *config) { c.known = append(c.known, names...) }
}

// NewFloorPolicy returns the policy with the given rules. A later option of
// the same kind replaces an earlier one, except ExemptCampaigns and
// KnownCampaigns, which add. Nil options are ignored.
//
// Errors, each a *[FieldError] whose Field names the option: MinMargin
// outside [0, 1) ([ErrInvalidRatio], [ErrTooLarge]); MinPrice without
// currency ([ErrUnknownCurrency]), negative ([ErrNegativePrice]), not
// rounded ([ErrNotRounded]) or beyond the limits ([ErrTooLarge]); an empty
// campaign name ([ErrInvalidCampaign]).
func NewFloorPolicy(opts ...Option) (FloorPolicy, error) {
	const op = "new floor policy"
	var c config
	for _, opt := range opts {
		if opt != nil {
			opt(&c)
		}
	}
	p := FloorPolicy{campaigns: map[string]bool{}}
	if c.ratio != nil {
		p.ratio, p.hasRatio = *c.ratio, true
	}
	if c.margin != nil {
		m, detail, reason := checkDecimal(*c.margin)
		if reason == nil && (m.Sign() < 0 || m.Cmp(one) >= 0) {
			reason, detail = ErrInvalidRatio, "must be in [0, 1)"
		}
		if reason != nil {
			return FloorPolicy{}, fieldErr(op, "MinMargin", decText(*c.margin), reason, detail)
		}
		p.margin, p.keep, p.hasMargin = m, one.Sub(m), true
	}
	if c.minimum != nil {
		min := *c.minimum
		if err := checkPrice(min, min.currency); err != nil {
			return FloorPolicy{}, fieldErr(op, "MinPrice", min.String(), err, "")
		}
		if !min.IsRounded() {
			return FloorPolicy{}, fieldErr(op, "MinPrice", min.String(), ErrNotRounded, "")
		}
		p.minimum = min
	}
	for _, set := range [...]struct {
		field  string
		names  []string
		exempt bool
	}{{"KnownCampaigns", c.known, false}, {"ExemptCampaigns", c.exempt, true}} {
		for _, n := range set.names {
			if n == "" {
				return FloorPolicy{}, fieldErr(op, set.field, `""`, ErrInvalidCampaign, "empty name; \"\" is a normal sale")
			}
			p.campaigns[n] = p.campaigns[n] || set.exempt
		}
	}
	for n := range p.campaigns {
		p.names = append(p.names, n)
	}
	slices.Sort(p.names)
	return p, nil
}

// HasRules reports whether the policy sets any floor: a ratio of list, a
// minimum margin or an absolute minimum. The zero FloorPolicy has none.
func (p FloorPolicy) HasRules() bool {
	return p.hasRatio || p.hasMargin || p.minimum.IsValid()
}

// KnowsCampaign reports whether the policy knows the campaign, exempt or
// not; "" (a normal sale) is always known.
func (p FloorPolicy) KnowsCampaign(name string) bool {
	_, ok := p.campaigns[name]
	return ok || name == ""
}

// IsExempt reports whether sales under campaign are exempt from the policy.
func (p FloorPolicy) IsExempt(campaign string) bool { return p.campaigns[campaign] }

// Campaigns returns every campaign the policy knows, exempt or not, sorted.
func (p FloorPolicy) Campaigns() []string { return slices.Clone(p.names) }

// unknownCampaign is the error for a campaign the policy does not know.
func (p FloorPolicy) unknownCampaign(op, campaign string) error {
	known := p.names
	more := ""
	if len(known) > 10 {
		known, more = known[:10], ", ..."
	}
	return fieldErr(op, "campaign", clip(campaign), ErrUnknownCampaign, "known: %q%s", known, more)
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
// Errors: a campaign the policy does not know ([ErrUnknownCampaign]); a
// list price without currency ([ErrUnknownCurrency]); a negative list
// price or cost ([ErrNegativePrice]); a cost or minimum price in another
// currency ([ErrCurrencyMismatch]); a margin floor beyond the limits
// ([ErrTooLarge]).
func (p FloorPolicy) Floor(list, cost Money, campaign string) (Money, FloorRule, error) {
	return p.floor("floor", list, cost, campaign)
}

func (p FloorPolicy) floor(op string, list, cost Money, campaign string) (Money, FloorRule, error) {
	if !list.IsValid() {
		return Money{}, RuleNone, fieldErr(op, "list", list.String(), ErrUnknownCurrency, "")
	}
	if list.IsNegative() {
		return Money{}, RuleNone, fieldErr(op, "list", list.String(), ErrNegativePrice, "")
	}
	cur := list.currency
	hasCost := cost.IsValid()
	if hasCost {
		if cost.currency != cur {
			return Money{}, RuleNone, mismatch(op, "cost", cost.String(), cur, cost.currency)
		}
		if cost.IsNegative() {
			return Money{}, RuleNone, fieldErr(op, "cost", cost.String(), ErrNegativePrice, "")
		}
	}
	if p.minimum.IsValid() && p.minimum.currency != cur {
		return Money{}, RuleNone, mismatch(op, "list", list.String(), p.minimum.currency, cur)
	}
	exempt, known := p.campaigns[campaign]
	switch {
	case !known && campaign != "":
		return Money{}, RuleNone, p.unknownCampaign(op, campaign)
	case exempt:
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
	if !withinMagnitude(floor) {
		return Money{}, RuleNone, fieldErr(op, "cost", cost.String(), ErrTooLarge, "the margin floor: "+tooLargeDetail)
	}
	return fromDecimal(floor, cur), rule, nil
}

// Check returns nil if price is at or above the [FloorPolicy.Floor] for the
// list price, cost and campaign, and otherwise a *[BelowFloorError]
// (matching [ErrBelowFloor]) with the floor and the rule that set it.
// Seed-rules P-01, list 100.00, 7折, exempt {淘金币, 双11}, known 聚划算:
// 70.00 passes, 69.99 fails, 60.00 passes under 双11 and fails under 聚划算.
//
// Errors: those of Floor; a price without currency ([ErrUnknownCurrency]),
// in another currency ([ErrCurrencyMismatch]) or negative
// ([ErrNegativePrice]).
func (p FloorPolicy) Check(price, list, cost Money, campaign string) error {
	const op = "check floor"
	if !price.IsValid() {
		return fieldErr(op, "price", price.String(), ErrUnknownCurrency, "")
	}
	if price.currency != list.currency && list.IsValid() {
		return mismatch(op, "price", price.String(), list.currency, price.currency)
	}
	if price.IsNegative() {
		return fieldErr(op, "price", price.String(), ErrNegativePrice, "")
	}
	floor, rule, err := p.floor(op, list, cost, campaign)
	if err != nil {
		return err
	}
	if cmpAmount(price, floor) < 0 {
		return &BelowFloorError{Price: price, Floor: floor, Rule: rule, Campaign: campaign}
	}
	return nil
}

// floorPolicyJSON is the JSON form of a FloorPolicy.
type floorPolicyJSON struct {
	MinListRatio    *Rate            `json:"min_list_ratio,omitempty"`
	MinMargin       *decimal.Decimal `json:"min_margin,omitempty"`
	MinPrice        Money            `json:"min_price,omitzero"`
	ExemptCampaigns []string         `json:"exempt_campaigns,omitempty"`
	KnownCampaigns  []string         `json:"known_campaigns,omitempty"` // known and not exempt
}

// MarshalJSON encodes the policy as its rules and campaigns, each key left
// out when unset: {"min_list_ratio":"7折","min_margin":"0.15",
// "min_price":{...},"exempt_campaigns":["双11"],"known_campaigns":["聚划算"]}.
// Campaign lists are sorted.
func (p FloorPolicy) MarshalJSON() ([]byte, error) {
	var v floorPolicyJSON
	if p.hasRatio {
		v.MinListRatio = &p.ratio
	}
	if p.hasMargin {
		v.MinMargin = &p.margin
	}
	v.MinPrice = p.minimum
	for _, n := range p.names {
		if p.campaigns[n] {
			v.ExemptCampaigns = append(v.ExemptCampaigns, n)
		} else {
			v.KnownCampaigns = append(v.KnownCampaigns, n)
		}
	}
	return json.Marshal(v)
}

// UnmarshalJSON decodes the form of [FloorPolicy.MarshalJSON] and validates
// it as [NewFloorPolicy] does (the error's Field names the option); unknown
// keys are an error ([ErrInvalidRatio] for a malformed document). null is
// the zero FloorPolicy.
func (p *FloorPolicy) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		*p = FloorPolicy{}
		return nil
	}
	var v floorPolicyJSON
	if err := decodeStrict(b, &v); err != nil {
		return decodeErr("decode floor policy", ErrInvalidRatio, err)
	}
	var opts []Option
	if v.MinListRatio != nil {
		opts = append(opts, MinListRatio(*v.MinListRatio))
	}
	if v.MinMargin != nil {
		opts = append(opts, MinMargin(*v.MinMargin))
	}
	if v.MinPrice.IsValid() {
		opts = append(opts, MinPrice(v.MinPrice))
	}
	opts = append(opts, ExemptCampaigns(v.ExemptCampaigns...), KnownCampaigns(v.KnownCampaigns...))
	fp, err := NewFloorPolicy(opts...)
	if err != nil {
		return err
	}
	*p = fp
	return nil
}
