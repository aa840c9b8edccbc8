package promo

import (
	"fmt"
	"strconv"
)

// ThresholdBase is the amount a threshold-like promotion ([Threshold],
// [Gift], [FreeShipping]) tests its minimum against: which prices of its
// targeted units count toward 满X. It moves only the amount a minimum is
// tested against: the reward is always taken off the running total.
// Voucherify's discount_calculation_mode DISCOUNTED_AMOUNT (each discount
// computed on, and order-amount rules tested against, the running total)
// is [BaseRunningTotal]; its INITIAL_AMOUNT mode (each percentage off the
// original amount) has no form here.
//
// The zero value is [BaseAfterItems], the Tmall/Taobao rule.
type ThresholdBase uint8

const (
	// BaseAfterItems (after 单品优惠) tests the targeted amount after the item
	// layer and before any order-layer promotion: order promotions never
	// change whether another one is reached, so a small store coupon
	// applied first cannot knock out a 满300减30. The Tmall/Taobao rule;
	// the default.
	BaseAfterItems ThresholdBase = iota
	// BaseListPrice (原价) tests the targeted units at list price
	// (Line.ListPrice, the unit price when the list price is not set),
	// before every promotion.
	BaseListPrice
	// BaseRunningTotal tests the running total: the targeted amount after
	// the item layer and the order-layer promotions applied before this
	// one (for Gift and FreeShipping: after the whole order layer). The
	// Vendure/Magento rule.
	BaseRunningTotal
)

// baseNames are the text forms of ThresholdBase, as the campaign JSON
// writes them.
var baseNames = [...]string{"after_items", "list_price", "running_total"}

// MarshalText returns "after_items", "list_price" or "running_total", the
// names of the campaign form; an unknown base is an error.
func (b ThresholdBase) MarshalText() ([]byte, error) {
	if int(b) >= len(baseNames) {
		return nil, &FieldError{Op: "marshal threshold base", Value: strconv.Itoa(int(b)), Err: ErrUnknownName}
	}
	return []byte(baseNames[b]), nil
}

// UnmarshalText reads "after_items", "list_price" or "running_total"; any
// other text is an error and leaves b unchanged.
func (b *ThresholdBase) UnmarshalText(t []byte) error {
	for i, n := range baseNames {
		if n == string(t) {
			*b = ThresholdBase(i)
			return nil
		}
	}
	return &FieldError{Op: "unmarshal threshold base", Value: strconv.Quote(clip(string(t))), Err: ErrUnknownName}
}

// String returns the base's name: "after_items", "list_price" or
// "running_total"; ThresholdBase(N) for an unknown value.
func (b ThresholdBase) String() string {
	if int(b) < len(baseNames) {
		return baseNames[b]
	}
	return fmt.Sprintf("ThresholdBase(%d)", b)
}

// checkBase validates a promotion's base at path.base.
func checkBase(path string, b ThresholdBase) error {
	if int(b) >= len(baseNames) {
		return fieldErr(path+".base", strconv.Itoa(int(b)), ErrInvalidAction, "unknown threshold base")
	}
	return nil
}
