package promo

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/opskit/opskit/pricing"
)

// scopeNames and basisNames are the text forms of Scope and Basis, as the
// campaign JSON writes them.
var (
	scopeNames = [...]string{"unit", "order"}
	basisNames = [...]string{"amount", "quantity"}
)

// MarshalText returns "unit" ([PerUnit]) or "order" ([PerOrder]), the
// names of the campaign form; an unknown scope is an error.
func (s Scope) MarshalText() ([]byte, error) {
	if int(s) >= len(scopeNames) {
		return nil, &FieldError{Op: "marshal scope", Value: strconv.Itoa(int(s)), Err: ErrUnknownName}
	}
	return []byte(scopeNames[s]), nil
}

// UnmarshalText reads "unit" or "order"; any other text is an error.
func (s *Scope) UnmarshalText(b []byte) error {
	for i, n := range scopeNames {
		if n == string(b) {
			*s = Scope(i)
			return nil
		}
	}
	return &FieldError{Op: "unmarshal scope", Value: strconv.Quote(clip(string(b))), Err: ErrUnknownName}
}

// MarshalText returns "amount" ([ByAmount]) or "quantity" ([ByQuantity]),
// the names of the campaign form; an unknown basis is an error.
func (b Basis) MarshalText() ([]byte, error) {
	if int(b) >= len(basisNames) {
		return nil, &FieldError{Op: "marshal basis", Value: strconv.Itoa(int(b)), Err: ErrUnknownName}
	}
	return []byte(basisNames[b]), nil
}

// UnmarshalText reads "amount" or "quantity"; any other text is an error.
func (b *Basis) UnmarshalText(t []byte) error {
	for i, n := range basisNames {
		if n == string(t) {
			*b = Basis(i)
			return nil
		}
	}
	return &FieldError{Op: "unmarshal basis", Value: strconv.Quote(clip(string(t))), Err: ErrUnknownName}
}

// ruleKind is the compiled form's discriminator.
type ruleKind uint8

const (
	kPercent ruleKind = iota + 1
	kAmount
	kFixed
	kThreshold
	kNth
	kBuyGet
	kBundle
	kCombo
	kMember
	kGift
	kShipping
)

// rule is an action in minor units and 1/rateScale rates, checked once when
// the engine is built.
type rule struct {
	kind   ruleKind
	layer  layer
	off    int64 // rate off, in 1/rateScale
	amount int64 // amount off, fixed price, bundle or combo price
	cap    int64 // -1 for none

	basis Basis
	tiers []tierRule
	every *stepRule
	base  ThresholdBase // Threshold, Gift, FreeShipping

	n, buyQty, getQty, maxTimes int64
	get                         *Selector
	parts                       []ComboPart

	members []memberRule

	minAmount, minQty int64 // gift and shipping thresholds (-1 / 0 when unset)
	options           []GiftOption

	x *formRule // the newer forms' parameters (forms.go), nil for the others
}

type tierRule struct {
	min     int64 // minor units or units
	off     int64 // amount off in minor units, or -1 to use rateOff
	rateOff int64
}

type stepRule struct {
	size, off, maxTimes int64
}

type memberRule struct {
	tier  string
	price int64 // -1 to use off
	off   int64
}

// problems collects every validation problem of a promotion, so a caller
// can show them all at once; err joins them (errors.Is and errors.As see
// each, the first *FieldError first).
type problems struct{ errs []error }

// add records err if it is not nil and reports whether it was nil.
func (k *problems) add(err error) bool {
	if err != nil {
		k.errs = append(k.errs, err)
	}
	return err == nil
}

func (k *problems) err() error { return errors.Join(k.errs...) }

func (a PercentOff) compile(path string, c pricing.Currency) (rule, error) {
	var k problems
	k.add(checkScope(path, a.Scope))
	off, err := rateOrFree(path+".rate", false, a.Rate)
	k.add(err)
	cp, err := optMinor(path+".cap", a.Cap, c)
	k.add(err)
	return rule{kind: kPercent, layer: a.layer(), off: off, cap: cp}, k.err()
}

func (a AmountOff) compile(path string, c pricing.Currency) (rule, error) {
	var k problems
	k.add(checkScope(path, a.Scope))
	v, err := minorOf(path+".amount", a.Amount, c)
	if k.add(err) && v == 0 {
		k.add(fieldErr(path+".amount", a.Amount.String(), ErrInvalidAction, "must be above zero"))
	}
	return rule{kind: kAmount, layer: a.layer(), amount: v, cap: -1}, k.err()
}

func (a FixedPrice) compile(path string, c pricing.Currency) (rule, error) {
	v, err := minorOf(path+".price", a.Price, c)
	return rule{kind: kFixed, layer: itemLayer, amount: v, cap: -1}, err
}

func (a Threshold) compile(path string, c pricing.Currency) (rule, error) {
	r := rule{kind: kThreshold, layer: orderLayer, basis: a.Basis, base: a.Base, cap: -1}
	if a.Basis > ByQuantity {
		return r, fieldErr(path+".basis", fmt.Sprint(a.Basis), ErrInvalidAction, "unknown basis")
	}
	if err := checkBase(path, a.Base); err != nil {
		return r, err
	}
	var k problems
	switch {
	case a.Every != nil && len(a.Tiers) > 0:
		return r, fieldErr(path, "", ErrInvalidAction, "set tiers or every, not both")
	case a.Every == nil && len(a.Tiers) == 0:
		return r, fieldErr(path, "", ErrInvalidAction, "set tiers or every")
	case a.Every != nil:
		e := a.Every
		size, err := a.minimum(path+".every", "amount", "qty", e.Amount, e.Qty, c)
		sizeKey := path + ".every." + map[Basis]string{ByAmount: "amount", ByQuantity: "qty"}[a.Basis]
		if k.add(err) && size == 0 {
			k.add(fieldErr(sizeKey, "0", ErrInvalidAction, "the step must be above zero"))
		}
		off, err := minorOf(path+".every.off", e.Off, c)
		if k.add(err) && off == 0 {
			k.add(fieldErr(path+".every.off", e.Off.String(), ErrInvalidAction, "must be above zero"))
		}
		// 每满 gives off once per step reached, so the discount is at most
		// times × off with times ≤ subtotal / step. Off at most the step
		// keeps that product within the subtotal (MaxMinorUnits); by
		// quantity, times ≤ MaxUnits and off ≤ MaxMinorUnits keep it
		// below 10^18.
		if a.Basis == ByAmount && size > 0 && off > size {
			k.add(fieldErr(path+".every.off", e.Off.String(), ErrInvalidAction, "a step cannot take more than itself off (%s)", e.Amount.StringAmount()))
		}
		k.add(quantity(0, path+".every.max_times", e.MaxTimes))
		r.every = &stepRule{size: size, off: off, maxTimes: e.MaxTimes}
		return r, k.err()
	}
	if len(a.Tiers) > MaxActionList {
		return r, fieldErr(path+".tiers", fmt.Sprint(len(a.Tiers)), ErrTooLarge, "at most %d tiers", MaxActionList)
	}
	prev := int64(-1)
	for i, t := range a.Tiers {
		tp := fmt.Sprintf("%s.tiers[%d]", path, i)
		min, err := a.minimum(tp, "min_amount", "min_qty", t.MinAmount, t.MinQty, c)
		if k.add(err) {
			if i > 0 && prev >= 0 && min <= prev {
				key := map[Basis]string{ByAmount: "min_amount", ByQuantity: "min_qty"}[a.Basis]
				k.add(fieldErr(tp+"."+key, fmt.Sprint(min), ErrInvalidAction, "must be greater than tiers[%d].%s", i-1, key))
			}
			prev = min
		}
		tr := tierRule{min: min, off: -1}
		if t.Off.IsValid() {
			if tr.off, err = minorOf(tp+".off", t.Off, c); k.add(err) && tr.off == 0 {
				k.add(fieldErr(tp+".off", t.Off.String(), ErrInvalidAction, "must be above zero"))
			}
		} else {
			tr.rateOff, err = rateOrFree(tp+".rate", false, t.Rate)
			k.add(err)
		}
		r.tiers = append(r.tiers, tr)
	}
	return r, k.err()
}

// minimum reads a threshold's amount (key amountKey) or quantity (qtyKey),
// as the basis says.
func (a Threshold) minimum(path, amountKey, qtyKey string, amount pricing.Money, qty int64, c pricing.Currency) (int64, error) {
	if a.Basis == ByQuantity {
		if amount.IsValid() {
			return 0, fieldErr(path+"."+amountKey, amount.String(), ErrInvalidAction, "a quantity threshold takes a quantity, not an amount")
		}
		return qty, quantity(0, path+"."+qtyKey, qty)
	}
	if qty != 0 {
		return 0, fieldErr(path+"."+qtyKey, fmt.Sprint(qty), ErrInvalidAction, "an amount threshold takes an amount, not a quantity")
	}
	return minorOf(path+"."+amountKey, amount, c)
}

// quantity checks a count of a promotion's configuration: at least min and
// at most MaxUnits (see the limits in promotion.go).
func quantity(min int64, path string, n int64) error {
	switch {
	case n < min && min == 0:
		return fieldErr(path, fmt.Sprint(n), ErrInvalidAction, "must not be negative")
	case n < min:
		return fieldErr(path, fmt.Sprint(n), ErrInvalidAction, "must be at least %d", min)
	case n > MaxUnits:
		return fieldErr(path, fmt.Sprint(n), ErrTooLarge, "at most %d", MaxUnits)
	}
	return nil
}

func (a NthItem) compile(path string, _ pricing.Currency) (rule, error) {
	var k problems
	k.add(quantity(2, path+".n", a.N))
	off, err := rateOrFree(path+".rate", a.Free, a.Rate)
	k.add(err)
	return rule{kind: kNth, layer: itemLayer, n: a.N, off: off, cap: -1}, k.err()
}

func (a BuyXGetY) compile(path string, _ pricing.Currency) (rule, error) {
	var k problems
	k.add(quantity(1, path+".buy_qty", a.BuyQty))
	k.add(quantity(1, path+".get_qty", a.GetQty))
	k.add(quantity(0, path+".max_times", a.MaxTimes))
	off, err := rateOrFree(path+".rate", a.Free, a.Rate)
	k.add(err)
	var get *Selector
	if a.Get != nil {
		k.add(a.Get.validate(path + ".get"))
		g := a.Get.clone()
		get = &g
	}
	r := rule{kind: kBuyGet, layer: itemLayer, buyQty: a.BuyQty, getQty: a.GetQty, maxTimes: a.MaxTimes, off: off, get: get, cap: -1}
	if a.PartialGroups {
		r.x = &formRule{partial: true} // partial.go
	}
	return r, k.err()
}

func (a BundlePrice) compile(path string, c pricing.Currency) (rule, error) {
	var k problems
	k.add(quantity(2, path+".qty", a.Qty))
	k.add(quantity(0, path+".max_times", a.MaxTimes))
	v, err := minorOf(path+".price", a.Price, c)
	k.add(err)
	return rule{kind: kBundle, layer: itemLayer, n: a.Qty, amount: v, maxTimes: a.MaxTimes, cap: -1}, k.err()
}

func (a Combo) compile(path string, c pricing.Currency) (rule, error) {
	var k problems
	switch {
	case len(a.Parts) == 0:
		k.add(fieldErr(path+".parts", "", ErrInvalidAction, "a combo needs parts"))
	case len(a.Parts) > MaxActionList:
		return rule{}, fieldErr(path+".parts", fmt.Sprint(len(a.Parts)), ErrTooLarge, "at most %d parts", MaxActionList)
	}
	var units int64 // at most MaxActionList × MaxUnits: no overflow
	for i, p := range a.Parts {
		pp := fmt.Sprintf("%s.parts[%d]", path, i)
		if k.add(quantity(1, pp+".qty", p.Qty)) {
			units += p.Qty
		}
		k.add(p.Items.validate(pp + ".items"))
	}
	if units > MaxUnits {
		k.add(fieldErr(path+".parts", fmt.Sprint(units), ErrTooLarge, "a combo of at most %d units", MaxUnits))
	}
	k.add(quantity(0, path+".max_times", a.MaxTimes))
	v, err := minorOf(path+".price", a.Price, c)
	k.add(err)
	parts := make([]ComboPart, len(a.Parts))
	for i, p := range a.Parts {
		parts[i] = ComboPart{Items: p.Items.clone(), Qty: p.Qty}
	}
	return rule{kind: kCombo, layer: itemLayer, amount: v, maxTimes: a.MaxTimes, parts: parts, cap: -1}, k.err()
}

func (a MemberPrice) compile(path string, c pricing.Currency) (rule, error) {
	r := rule{kind: kMember, layer: itemLayer, cap: -1}
	var k problems
	switch {
	case len(a.Tiers) == 0:
		k.add(fieldErr(path+".tiers", "", ErrInvalidAction, "member prices need tiers"))
	case len(a.Tiers) > MaxActionList:
		return r, fieldErr(path+".tiers", fmt.Sprint(len(a.Tiers)), ErrTooLarge, "at most %d tiers", MaxActionList)
	}
	for i, t := range a.Tiers {
		tp := fmt.Sprintf("%s.tiers[%d]", path, i)
		switch {
		case t.Tier == "":
			k.add(fieldErr(tp+".tier", "", ErrInvalidAction, "a tier name is required"))
		case slices.ContainsFunc(r.members, func(m memberRule) bool { return m.tier == t.Tier }):
			k.add(fieldErr(tp+".tier", t.Tier, ErrInvalidAction, "tier listed twice"))
		}
		m := memberRule{tier: t.Tier, price: -1}
		var err error
		if t.Price.IsValid() {
			m.price, err = minorOf(tp+".price", t.Price, c)
		} else {
			m.off, err = rateOrFree(tp+".rate", false, t.Rate)
		}
		k.add(err)
		r.members = append(r.members, m)
	}
	return r, k.err()
}

// thresholdOf reads the optional amount or quantity threshold of a gift or
// free-shipping action; neither set means no threshold.
func thresholdOf(path string, amount pricing.Money, qty int64, c pricing.Currency) (int64, int64, error) {
	if amount.IsValid() && qty != 0 {
		return 0, 0, fieldErr(path, "", ErrInvalidAction, "set a minimum amount or a minimum quantity, not both")
	}
	if err := quantity(0, path+".min_qty", qty); err != nil {
		return 0, 0, err
	}
	min, err := optMinor(path+".min_amount", amount, c)
	return min, qty, err
}

func (a Gift) compile(path string, c pricing.Currency) (rule, error) {
	r := rule{kind: kGift, layer: giftLayer, base: a.Base, cap: -1}
	var k problems
	var err error
	k.add(checkBase(path, a.Base))
	r.minAmount, r.minQty, err = thresholdOf(path, a.MinAmount, a.MinQty, c)
	k.add(err)
	switch {
	case len(a.Options) == 0:
		k.add(fieldErr(path+".options", "", ErrInvalidAction, "a gift needs at least one option"))
	case len(a.Options) > MaxActionList:
		return r, fieldErr(path+".options", fmt.Sprint(len(a.Options)), ErrTooLarge, "at most %d options", MaxActionList)
	}
	for i, o := range a.Options {
		op := fmt.Sprintf("%s.options[%d]", path, i)
		if o.SKU == "" {
			k.add(fieldErr(op+".sku", "", ErrInvalidAction, "a gift SKU is required"))
		}
		k.add(quantity(1, op+".qty", o.Qty))
		_, err := optMinor(op+".value", o.Value, c)
		k.add(err)
	}
	r.options = slices.Clone(a.Options)
	return r, k.err()
}

func (a FreeShipping) compile(path string, c pricing.Currency) (rule, error) {
	r := rule{kind: kShipping, layer: shippingLayer, base: a.Base, cap: -1}
	var k problems
	var err error
	k.add(checkBase(path, a.Base))
	r.minAmount, r.minQty, err = thresholdOf(path, a.MinAmount, a.MinQty, c)
	k.add(err)
	r.amount, err = optMinor(path+".off", a.Off, c) // -1: waive the whole fee
	k.add(err)
	return r, k.err()
}
