package inventory

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// EOQ returns the economic order quantity (经济订货批量) of Harris (1913),
//
//	Q* = √(2·D·K / h),
//
// for annual demand D, fixed cost K per order and holding cost h per unit per year (Silver, Pyke &
// Thomas §5.2; Nahmias §4.5). Known answer: D = 1000, K = 10, h = 0.50 gives Q* = 200 (Heizer & Render,
// "Operations Management", the Sharp, Inc. example). D and K may be 0 (Q* = 0).
//
// It returns an error when D or K is negative, NaN or infinite, or when h is not positive and finite.
func EOQ(annualDemand, orderCost, holdingCost float64) (float64, error) {
	const op = "EOQ"
	if err := checkNonNeg(op, "annual demand", annualDemand); err != nil {
		return 0, err
	}
	if err := checkNonNeg(op, "order cost", orderCost); err != nil {
		return 0, err
	}
	if err := checkPos(op, "holding cost", holdingCost); err != nil {
		return 0, err
	}
	return eoq(annualDemand, orderCost, holdingCost), nil
}

// eoq returns √(2DK/h) for valid inputs.
func eoq(annualDemand, orderCost, holdingCost float64) float64 {
	return math.Sqrt(2 * annualDemand * orderCost / holdingCost)
}

// EOQCost returns the annual ordering plus holding cost of ordering Q at a time,
//
//	C(Q) = D·K/Q + h·Q/2,
//
// which [EOQ] minimises (Silver, Pyke & Thomas eq. 5.4). It returns an error for a negative, NaN or
// infinite D, K or h, or a Q that is not positive.
func EOQCost(annualDemand, orderCost, holdingCost, q float64) (float64, error) {
	const op = "EOQ cost"
	for _, f := range [...]struct {
		name string
		v    float64
	}{{"annual demand", annualDemand}, {"order cost", orderCost}, {"holding cost", holdingCost}} {
		if err := checkNonNeg(op, f.name, f.v); err != nil {
			return 0, err
		}
	}
	if err := checkPos(op, "Q", q); err != nil {
		return 0, err
	}
	return annualDemand*orderCost/q + holdingCost*q/2, nil
}

// PriceBreak is one tier of a supplier's all-units quantity discount (阶梯价): every unit of an order
// of at least MinQty units costs UnitPrice (seed rule P-10).
type PriceBreak struct {
	MinQty    float64
	UnitPrice float64
}

// PriceBreakOffer is the evaluation of one tier by [EOQWithPriceBreaks].
type PriceBreakOffer struct {
	Break     PriceBreak
	EOQ       float64 // √(2DK/(i·c)) at this tier's price
	Qty       float64 // the candidate: max(EOQ, MinQty, 1)
	UnitPrice float64 // the price Qty really gets (a later tier's when Qty reaches its MinQty)
	Cost      float64 // annual purchase + ordering + holding cost at Qty
}

// PriceBreakPlan is the result of [EOQWithPriceBreaks]: the chosen tier and every tier's evaluation,
// in ascending MinQty.
type PriceBreakPlan struct {
	Best   PriceBreakOffer
	Offers []PriceBreakOffer
}

// EOQWithPriceBreaks returns the order quantity that minimises the total annual cost
//
//	TC(Q) = D·c(Q) + D·K/Q + i·c(Q)·Q/2
//
// under all-units discounts, where c(Q) is the unit price of the tier Q falls in and i the annual
// holding rate (holding cost as a fraction of the unit price). The optimum is either a tier's EOQ
// that falls inside its tier or a tier's MinQty, so for each tier the candidate is its EOQ raised to
// MinQty (and to at least 1 unit), costed at the price that quantity really gets. The cheapest
// candidate wins; ties go to the smaller quantity (Silver, Pyke & Thomas §5.5.1; Nahmias
// §4.7). Known answer: D = 5000, K = 49, i = 0.2, prices 5.00 / 4.80 from 1000 / 4.75 from 2000 give
// Q = 1000 at a total cost of 24 725 (Heizer & Render, "Operations Management", the Wohl's example).
//
// The breaks may come in any order and are not modified; the lowest MinQty must be 0 or 1 so that every
// quantity has a price. It returns an error for an empty or inconsistent list (a repeated MinQty, a
// negative or non-finite value, a non-positive price) or bad D, K or i.
func EOQWithPriceBreaks(annualDemand, orderCost, holdingRate float64, breaks []PriceBreak) (PriceBreakPlan, error) {
	const op = "EOQ with price breaks"
	if err := checkNonNeg(op, "annual demand", annualDemand); err != nil {
		return PriceBreakPlan{}, err
	}
	if err := checkNonNeg(op, "order cost", orderCost); err != nil {
		return PriceBreakPlan{}, err
	}
	if err := checkPos(op, "holding rate", holdingRate); err != nil {
		return PriceBreakPlan{}, err
	}
	if len(breaks) == 0 {
		return PriceBreakPlan{}, fieldErr(op, "breaks", "[]", ErrEmptyHistory)
	}
	tiers := slices.Clone(breaks)
	slices.SortStableFunc(tiers, func(a, b PriceBreak) int { return cmp.Compare(a.MinQty, b.MinQty) })
	for i, t := range tiers {
		if err := checkNonNeg(op, fmt.Sprintf("breaks[%d].MinQty", i), t.MinQty); err != nil {
			return PriceBreakPlan{}, err
		}
		if err := checkPos(op, fmt.Sprintf("breaks[%d].UnitPrice", i), t.UnitPrice); err != nil {
			return PriceBreakPlan{}, err
		}
		if i > 0 && t.MinQty == tiers[i-1].MinQty {
			return PriceBreakPlan{}, fieldErr(op, "breaks MinQty", t.MinQty, ErrDuplicateID)
		}
	}
	if tiers[0].MinQty > 1 {
		return PriceBreakPlan{}, fieldErr(op, "lowest MinQty", tiers[0].MinQty, ErrPolicy)
	}
	plan := PriceBreakPlan{Offers: make([]PriceBreakOffer, len(tiers))}
	for i, t := range tiers {
		tierEOQ := eoq(annualDemand, orderCost, holdingRate*t.UnitPrice)
		q := max(tierEOQ, t.MinQty, 1)
		// The quantity may fall in a later, cheaper tier; it is then costed at the price it really gets.
		price := t.UnitPrice
		for _, u := range tiers[i+1:] {
			if q >= u.MinQty {
				price = u.UnitPrice
			}
		}
		cost := annualDemand*price + annualDemand*orderCost/q + holdingRate*price*q/2
		plan.Offers[i] = PriceBreakOffer{Break: t, EOQ: tierEOQ, Qty: q, UnitPrice: price, Cost: cost}
		if i == 0 || cost < plan.Best.Cost || (cost == plan.Best.Cost && q < plan.Best.Qty) {
			plan.Best = plan.Offers[i]
		}
	}
	return plan, nil
}
