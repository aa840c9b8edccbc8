package pricing

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// MemberRule is the member price (会员价, VIP价) of one membership tier:
// either a fixed price or a [Rate] (折) of the list price. Price wins when
// it is set; when Price is the zero Money the member pays Rate of the list
// price (the zero Rate is 10折, the list price itself).
type MemberRule struct {
	Tier  string `json:"tier"`           // membership tier name, non-empty: "gold", "VIP1"
	Price Money  `json:"price,omitzero"` // fixed member price, or the zero Money to use Rate
	Rate  Rate   `json:"rate,omitzero"`  // 折 of the list price, used when Price is the zero Money
}

type memberEntry struct {
	rule  MemberRule
	price Money // the member price, rounded
}

// MemberPrices is the member price list of one item: its list price and a
// price per membership tier (会员价), validated, each rounded once to the
// minor unit with an explicit [RoundingMode]:
//
//	fixed: price = Price
//	rate:  price = round(list × Rate.Pay(), mode)
//
// A tier without a rule pays the list price (a customer whose tier has no
// member price is treated as a non-member). The floor policy applies to
// member prices too (seed-rules P-02 leaves it open; opskit defaults to
// yes): check with [MemberPrices.CheckFloor].
//
// MemberPrices is an immutable value, safe for concurrent use. The zero
// MemberPrices has no list price and no tiers.
type MemberPrices struct {
	list    Money
	mode    RoundingMode
	entries []memberEntry // sorted by tier
}

// NewMemberPrices validates the rules and returns the member price list.
// The list price must have a currency, be non-negative and rounded to the
// minor unit; tier names must be non-empty and distinct; a fixed price
// must be in the list's currency, non-negative, rounded and not above the
// list price. The rules are copied.
//
// Errors: an invalid mode ([ErrInvalidRoundingMode]); a price without
// currency ([ErrUnknownCurrency]), in another currency
// ([ErrCurrencyMismatch]), negative ([ErrNegativePrice]), not rounded
// ([ErrNotRounded]) or above list ([ErrAboveList]); an empty or repeated
// tier name ([ErrInvalidTiers]).
func NewMemberPrices(list Money, mode RoundingMode, rules ...MemberRule) (MemberPrices, error) {
	const op = "new member prices"
	if !mode.IsValid() {
		return MemberPrices{}, fieldErr(op, "mode", strconv.Itoa(int(mode)), ErrInvalidRoundingMode, "")
	}
	if err := checkRoundedPrice(list, list.currency); err != nil {
		return MemberPrices{}, fieldErr(op, "list", list.String(), err, "")
	}
	mp := MemberPrices{list: list, mode: mode, entries: make([]memberEntry, 0, len(rules))}
	for i, r := range rules {
		field := "rules[" + strconv.Itoa(i) + "]"
		if r.Tier == "" {
			return MemberPrices{}, fieldErr(op, field+".tier", `""`, ErrInvalidTiers, "empty name")
		}
		price := list.mul(r.Rate.Pay()).Round(mode)
		if r.Price.IsValid() {
			if err := checkRoundedPrice(r.Price, list.currency); err != nil {
				return MemberPrices{}, fieldErr(op, field+".price", r.Price.String(), err, "")
			}
			if cmpAmount(r.Price, list) > 0 {
				return MemberPrices{}, fieldErr(op, field+".price", r.Price.String(), ErrAboveList, "list price %s", list)
			}
			price = r.Price
		}
		mp.entries = append(mp.entries, memberEntry{rule: r, price: price})
	}
	slices.SortStableFunc(mp.entries, func(a, b memberEntry) int { return strings.Compare(a.rule.Tier, b.rule.Tier) })
	for i := 1; i < len(mp.entries); i++ {
		if mp.entries[i].rule.Tier == mp.entries[i-1].rule.Tier {
			return MemberPrices{}, fieldErr(op, "rules", strconv.Quote(mp.entries[i].rule.Tier), ErrInvalidTiers, "repeated tier")
		}
	}
	return mp, nil
}

// checkRoundedPrice is checkPrice plus rounding to the minor unit.
func checkRoundedPrice(p Money, cur Currency) error {
	if err := checkPrice(p, cur); err != nil {
		return err
	}
	if !p.IsRounded() {
		return ErrNotRounded
	}
	return nil
}

// List returns the list price.
func (m MemberPrices) List() Money { return m.list }

// Price returns the price a member of tier pays: the tier's member price,
// or the list price for a tier without a rule (and for "", a non-member).
func (m MemberPrices) Price(tier string) Money {
	i, ok := slices.BinarySearchFunc(m.entries, tier, func(e memberEntry, t string) int { return strings.Compare(e.rule.Tier, t) })
	if !ok {
		return m.list
	}
	return m.entries[i].price
}

// Rules returns a copy of the rules, sorted by tier name.
func (m MemberPrices) Rules() []MemberRule {
	rs := make([]MemberRule, len(m.entries))
	for i, e := range m.entries {
		rs[i] = e.rule
	}
	return rs
}

// CheckFloor checks every tier's member price against the floor policy
// with the item's cost (the zero Money if unknown) under campaign, in tier
// order, and returns the first violation: an error naming the tier that
// wraps a *[BelowFloorError] (match with errors.Is(err, ErrBelowFloor) or
// errors.As). Other errors are those of [FloorPolicy.Check].
func (m MemberPrices) CheckFloor(p FloorPolicy, cost Money, campaign string) error {
	for _, e := range m.entries {
		if err := p.Check(e.price, m.list, cost, campaign); err != nil {
			return fieldErr("check member floor", "tier", strconv.Quote(e.rule.Tier), err, "")
		}
	}
	return nil
}

// memberPricesJSON is the JSON form of MemberPrices.
type memberPricesJSON struct {
	List  Money        `json:"list"`
	Mode  RoundingMode `json:"mode"`
	Rules []MemberRule `json:"rules"`
}

// MarshalJSON encodes the list price, the rounding mode and the rules
// sorted by tier: {"list":{...},"mode":"half_up","rules":[{"tier":"gold",
// "rate":"8.5折"}]}. The zero MemberPrices is null.
func (m MemberPrices) MarshalJSON() ([]byte, error) {
	if !m.list.IsValid() {
		return []byte("null"), nil
	}
	return json.Marshal(memberPricesJSON{List: m.list, Mode: m.mode, Rules: m.Rules()})
}

// UnmarshalJSON decodes the form of [MemberPrices.MarshalJSON] and validates
// it as [NewMemberPrices] does; unknown keys are an error
// ([ErrInvalidTiers] for a malformed document). null is the zero
// MemberPrices.
func (m *MemberPrices) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		*m = MemberPrices{}
		return nil
	}
	var v memberPricesJSON
	if err := decodeStrict(b, &v); err != nil {
		return decodeErr("decode member prices", ErrInvalidTiers, err)
	}
	mp, err := NewMemberPrices(v.List, v.Mode, v.Rules...)
	if err != nil {
		return err
	}
	*m = mp
	return nil
}
