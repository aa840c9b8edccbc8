package promo

import (
	"fmt"

	"github.com/opskit/opskit/pricing"
)

// Action is what a promotion does. It is one of [PercentOff], [AmountOff],
// [FixedPrice], [Threshold], [NthItem], [BuyXGetY], [BundlePrice], [Combo],
// [MemberPrice], [Gift] and [FreeShipping]; the set is closed.
type Action interface {
	// Kind names the action: "percent-off", "threshold", ...
	Kind() string
	// layer is where the engine applies it.
	layer() layer
	// compile validates the action for a cart currency and returns its
	// minor-unit form. path names the action in errors.
	compile(path string, c pricing.Currency) (rule, error)
}

// layer is a stage of evaluation. Later layers see the prices left by
// earlier ones.
type layer uint8

const (
	itemLayer     layer = iota + 1 // 单品优惠
	orderLayer                     // 店铺/平台优惠
	shippingLayer                  // 运费优惠
	giftLayer                      // 满赠, decided after the order layer
)

// Scope says whether [PercentOff] and [AmountOff] act on each unit (item
// layer, the zero value) or on the targeted subtotal (order layer).
type Scope uint8

const (
	PerUnit  Scope = iota // each targeted unit (单品直降 / 单品打折); the zero value
	PerOrder              // the targeted subtotal as a whole (整单), an order-layer discount
)

// Basis says what a threshold measures.
type Basis uint8

const (
	ByAmount   Basis = iota // the targeted amount (满100元); the zero value
	ByQuantity              // the targeted units (满2件)
)

// rateScale is the precision of rates inside the engine: a rate's off
// fraction must be a whole number of 1/10,000 (8.75折 is 1,250/10,000 off).
const rateScale = 10_000

// offUnits converts a rate to its off fraction in 1/rateScale.
func offUnits(path string, r pricing.Rate) (int64, error) {
	off := r.Off().Shift(4)
	if !off.IsInteger() {
		return 0, fieldErr(path, r.Zhe(), ErrInvalidAction, "a rate may have at most four decimal places of its fraction")
	}
	return off.IntPart(), nil
}

// minorOf converts a promotion amount to minor units of c: it must be in c,
// non-negative, rounded, and within the engine's limits.
func minorOf(path string, m pricing.Money, c pricing.Currency) (int64, error) {
	if !m.IsValid() {
		return 0, fieldErr(path, "", ErrInvalidAction, "an amount is required")
	}
	if m.Currency() != c {
		return 0, fieldErr(path, m.String(), ErrInvalidAction, "currency differs from %s", c)
	}
	v, err := m.MinorUnits()
	if err != nil || v < 0 || v > MaxMinorUnits {
		return 0, fieldErr(path, m.String(), ErrInvalidAction, "must be a non-negative amount rounded to the minor unit, at most %d minor units", int64(MaxMinorUnits))
	}
	return v, nil
}

// optMinor is minorOf for an optional amount: the zero Money gives -1.
func optMinor(path string, m pricing.Money, c pricing.Currency) (int64, error) {
	if !m.IsValid() {
		return -1, nil
	}
	return minorOf(path, m, c)
}

// PercentOff is 打折: the targeted units at a [pricing.Rate] (8折 takes 20%
// off). With Scope [PerOrder] it takes the rate off the targeted subtotal
// in the order layer (整单打折). Cap, when set, bounds the promotion's total
// discount (最高优惠).
type PercentOff struct {
	Rate  pricing.Rate
	Cap   pricing.Money
	Scope Scope
}

// AmountOff is 直降: Amount off each targeted unit, or with Scope [PerOrder]
// off the targeted subtotal (立减; 收藏店铺减5元 is an AmountOff per order
// with a required customer tag). Never below zero.
type AmountOff struct {
	Amount pricing.Money
	Scope  Scope
}

// FixedPrice is 一口价: each targeted unit at Price (units already cheaper
// keep their price).
type FixedPrice struct {
	Price pricing.Money
}

// Threshold is 满减 / 满折: when the targeted amount (or quantity) reaches a
// tier, the highest tier reached gives its reward; or, with Every set,
// each full step gives the reward again (每满减), at most MaxTimes times.
// Base says which amount the tiers are tested on: by default the targeted
// amount after item discounts (the Tmall/Taobao rule, [BaseAfterItems]).
// A reward is an amount off the targeted subtotal as it stands when the
// promotion applies (after earlier order promotions), or a rate of it
// (满2件8折).
type Threshold struct {
	Basis Basis
	Tiers []Tier
	Every *Step
	Base  ThresholdBase
}

// Tier is one level of a [Threshold]: from Min (an amount for [ByAmount],
// a count for [ByQuantity]) the reward is Off, or Rate when Off is the zero
// Money.
type Tier struct {
	MinAmount pricing.Money // for ByAmount: 满100 is 100.00
	MinQty    int64         // for ByQuantity: 满2件 is 2
	Off       pricing.Money
	Rate      pricing.Rate
}

// Step is the per-every form of a [Threshold]: 每满300减30 is
// {Amount: 300.00, Off: 30.00}; MaxTimes 0 is unlimited (上不封顶).
type Step struct {
	Amount   pricing.Money // for ByAmount
	Qty      int64         // for ByQuantity
	Off      pricing.Money
	MaxTimes int64
}

// NthItem is 第N件X折: in each group of N targeted units the Nth is at Rate,
// or free when Free is set (第二件半价 is {N: 2, Rate: 5折}). Units are
// grouped from the most expensive down, so the discounted units are the
// cheaper ones.
type NthItem struct {
	N    int64
	Rate pricing.Rate
	Free bool
}

// BuyXGetY is 买X送Y: for every BuyQty targeted units bought, GetQty units
// of Get (the targeted items when nil) are free, or at Rate when Free is
// not set; at most MaxTimes times (0: unlimited). The cheapest qualifying
// units are the rewarded ones. Only whole groups are rewarded (Medusa's
// rule) unless PartialGroups is set: then a last group with its BuyQty
// units bought but fewer than GetQty get units rewards the get units it has
// (Magento's rule; see partial.go).
type BuyXGetY struct {
	BuyQty        int64
	Get           *Selector
	GetQty        int64
	Free          bool
	Rate          pricing.Rate
	MaxTimes      int64
	PartialGroups bool
}

// BundlePrice is N元任选M件 (任选3件99元): any Qty targeted units for Price,
// repeating, at most MaxTimes times (0: unlimited). The engine groups the
// most expensive units, which saves the customer most.
type BundlePrice struct {
	Qty      int64
	Price    pricing.Money
	MaxTimes int64
}

// Combo is 套餐: fixed quantities of each part for Price, as many times as
// the cart allows (at most MaxTimes, 0 unlimited). Parts take the most
// expensive matching units, in order.
type Combo struct {
	Parts    []ComboPart
	Price    pricing.Money
	MaxTimes int64
}

// ComboPart is one component of a [Combo]: Qty units matching Items.
type ComboPart struct {
	Items Selector
	Qty   int64
}

// MemberPrice is 会员价: customers of a listed tier pay the tier's fixed
// Price per targeted unit, or its Rate of the unit price.
type MemberPrice struct {
	Tiers []MemberTier
}

// MemberTier is one tier's member price: Price when set, otherwise Rate.
type MemberTier struct {
	Tier  string
	Price pricing.Money
	Rate  pricing.Rate
}

// Gift is 满赠: when the targeted amount (measured as Base says: by default
// after item discounts) reaches MinAmount, or the targeted units reach
// MinQty, the customer gets one of Options: the first available, or the
// one the cart names in GiftChoices.
type Gift struct {
	MinAmount pricing.Money
	MinQty    int64
	Options   []GiftOption
	Base      ThresholdBase
}

// GiftOption is one gift: Qty units of SKU. Value, when set, is what the
// gift is worth to the customer; it counts toward the saving the engine
// maximises and is reported.
type GiftOption struct {
	SKU   string
	Name  string
	Qty   int64
	Value pricing.Money
}

// FreeShipping is 满包邮: when the targeted amount (measured as Base says:
// by default after item discounts) reaches MinAmount, or the units reach
// MinQty, the shipping fee is waived, or reduced by Off when Off is set.
type FreeShipping struct {
	MinAmount pricing.Money
	MinQty    int64
	Off       pricing.Money
	Base      ThresholdBase
}

// Kind returns "percent-off".
func (PercentOff) Kind() string { return "percent-off" }

// Kind returns "amount-off".
func (AmountOff) Kind() string { return "amount-off" }

// Kind returns "fixed-price".
func (FixedPrice) Kind() string { return "fixed-price" }

// Kind returns "threshold".
func (Threshold) Kind() string { return "threshold" }

// Kind returns "nth-item".
func (NthItem) Kind() string { return "nth-item" }

// Kind returns "buy-x-get-y".
func (BuyXGetY) Kind() string { return "buy-x-get-y" }

// Kind returns "bundle-price".
func (BundlePrice) Kind() string { return "bundle-price" }

// Kind returns "combo".
func (Combo) Kind() string { return "combo" }

// Kind returns "member-price".
func (MemberPrice) Kind() string { return "member-price" }

// Kind returns "gift".
func (Gift) Kind() string { return "gift" }

// Kind returns "free-shipping".
func (FreeShipping) Kind() string { return "free-shipping" }

func (a PercentOff) layer() layer {
	if a.Scope == PerOrder {
		return orderLayer
	}
	return itemLayer
}

func (a AmountOff) layer() layer {
	if a.Scope == PerOrder {
		return orderLayer
	}
	return itemLayer
}
func (FixedPrice) layer() layer   { return itemLayer }
func (Threshold) layer() layer    { return orderLayer }
func (NthItem) layer() layer      { return itemLayer }
func (BuyXGetY) layer() layer     { return itemLayer }
func (BundlePrice) layer() layer  { return itemLayer }
func (Combo) layer() layer        { return itemLayer }
func (MemberPrice) layer() layer  { return itemLayer }
func (Gift) layer() layer         { return giftLayer }
func (FreeShipping) layer() layer { return shippingLayer }

func checkScope(path string, s Scope) error {
	if s > PerOrder {
		return fieldErr(path+".scope", fmt.Sprint(s), ErrInvalidAction, "unknown scope")
	}
	return nil
}

// rateOrFree returns the off units of a reward rate, rateScale when free.
func rateOrFree(path string, free bool, r pricing.Rate) (int64, error) {
	if free {
		return rateScale, nil
	}
	off, err := offUnits(path, r)
	if err == nil && off == 0 {
		err = fieldErr(path, r.Zhe(), ErrInvalidAction, "10折 takes nothing off; set a rate or Free")
	}
	return off, err
}
