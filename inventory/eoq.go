package inventory

import (
	"cmp"
	"math"
	"slices"
)

// EOQ returns the economic order quantity (经济订货批量) of Harris (1913),
//
//	Q* = √(2·D·K / h),
//
// for annual demand D, fixed cost K per order and holding cost h per unit per year (Silver, Pyke &
// Thomas §5.2; Nahmias §4.5). Known answer: D = 1000, K = 10, h = 0.50 gives Q* = 200 (Heizer & Render,
// "Operations Management", the Sharp, Inc. example). D and K may be 0 (Q* = 0). The costs K and h are
// continuous model parameters in any one currency unit, not amounts to pay (see the package's Money
// section).
//
// Where 2DK/h would leave the float64 range it is computed as √2·√D·√K/√h, whose intermediate
// products cannot overflow, so EOQ(1e308, 1, 1) = 1.4142135623730951e154. It returns an error when D or K is negative, NaN or
// infinite, when h is not positive and finite, or when Q* itself is beyond the float64 range
// (wrapping [ErrTooLarge]).
func EOQ(annualDemand, orderCost, holdingCost float64) (float64, error) {
	const op = "eoq"
	if err := checkNonNeg(op, "annual_demand", annualDemand); err != nil {
		return 0, err
	}
	if err := checkNonNeg(op, "order_cost", orderCost); err != nil {
		return 0, err
	}
	if err := checkPos(op, "holding_cost", holdingCost); err != nil {
		return 0, err
	}
	q := eoq(annualDemand, orderCost, holdingCost)
	if err := checkResult(op, "eoq", q); err != nil {
		return 0, err
	}
	return q, nil
}

// eoq returns √(2DK/h) for valid inputs, falling back to √2·√D·√K/√h, which neither overflows in 2DK nor gives
// 0·Inf = NaN. It may return +Inf when the result itself is beyond the float64 range.
func eoq(annualDemand, orderCost, holdingCost float64) float64 {
	if annualDemand == 0 || orderCost == 0 {
		return 0
	}
	if x := 2 * annualDemand * orderCost / holdingCost; x >= 0x1p-1000 && x <= 0x1p1000 {
		return math.Sqrt(x) // the textbook form, correctly rounded where nothing overflows
	}
	return math.Sqrt2 * math.Sqrt(annualDemand) * (math.Sqrt(orderCost) / math.Sqrt(holdingCost))
}

// EOQCost returns the annual ordering plus holding cost of ordering Q at a time,
//
//	C(Q) = D·K/Q + h·Q/2,
//
// which [EOQ] minimises (Silver, Pyke & Thomas eq. 5.4). The costs are continuous model parameters,
// not amounts to pay. It returns an error for a negative, NaN or infinite D, K or h, a Q that is not
// positive, or a cost beyond the float64 range.
func EOQCost(annualDemand, orderCost, holdingCost, q float64) (float64, error) {
	const op = "eoq cost"
	for _, f := range [...]struct {
		name string
		v    float64
	}{{"annual_demand", annualDemand}, {"order_cost", orderCost}, {"holding_cost", holdingCost}} {
		if err := checkNonNeg(op, f.name, f.v); err != nil {
			return 0, err
		}
	}
	if err := checkPos(op, "q", q); err != nil {
		return 0, err
	}
	c := annualDemand*(orderCost/q) + holdingCost*(q/2)
	if err := checkResult(op, "cost", c); err != nil {
		return 0, err
	}
	return c, nil
}

// MaxPriceBreaks is the largest number of price breaks [EOQWithPriceBreaks] accepts; the work is
// quadratic in their number.
const MaxPriceBreaks = 1000

// PriceBreak is one tier of a supplier's all-units quantity discount (阶梯价): every unit of an order
// of at least MinQty units costs UnitPrice (seed rule P-10). UnitPrice is a continuous model parameter
// of the cost model, not an amount to pay (see the package's Money section).
type PriceBreak struct {
	MinQty    float64 `json:"min_qty"`
	UnitPrice float64 `json:"unit_price"`
}

// PriceBreakOffer is the evaluation of one tier by [EOQWithPriceBreaks] or, for incremental discounts,
// of one region by [EOQWithIncrementalDiscounts] (the comments give the incremental meaning second).
type PriceBreakOffer struct {
	Break     PriceBreak `json:"break"`
	EOQ       float64    `json:"eoq"`        // √(2DK/(i·c)) at this tier's price; incremental: √(2D(K + c̄)/(i·c))
	Qty       float64    `json:"qty"`        // the candidate: max(EOQ, MinQty, 1); incremental: also at most the next MinQty
	UnitPrice float64    `json:"unit_price"` // the price Qty really gets (a later tier's when Qty reaches its MinQty); incremental: the average C(Q)/Q
	Cost      float64    `json:"cost"`       // annual purchase + ordering + holding cost at Qty (model units)
}

// PriceBreakPlan is the result of [EOQWithPriceBreaks]: the chosen tier and every tier's evaluation,
// in ascending MinQty.
type PriceBreakPlan struct {
	Best   PriceBreakOffer   `json:"best"`
	Offers []PriceBreakOffer `json:"offers"`
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
// quantity has a price, and a price must not rise with MinQty (with a surcharge tier the optimum can
// lie just below a break, where no quantity attains it; [PriceBreakCost] still prices such a list). It
// returns an error for an empty or inconsistent list (a repeated MinQty, a rising price, a
// negative or non-finite value, a non-positive price) or bad D, K or i, at most [MaxPriceBreaks]
// breaks, and an error wrapping [ErrTooLarge] when a cost is beyond the float64 range.
func EOQWithPriceBreaks(annualDemand, orderCost, holdingRate float64, breaks []PriceBreak) (PriceBreakPlan, error) {
	const op = "eoq with price breaks"
	if err := checkNonNeg(op, "annual_demand", annualDemand); err != nil {
		return PriceBreakPlan{}, err
	}
	if err := checkNonNeg(op, "order_cost", orderCost); err != nil {
		return PriceBreakPlan{}, err
	}
	if err := checkPos(op, "holding_rate", holdingRate); err != nil {
		return PriceBreakPlan{}, err
	}
	if len(breaks) == 0 {
		return PriceBreakPlan{}, fieldErr(op, "breaks", nil, ErrEmptyHistory)
	}
	if len(breaks) > MaxPriceBreaks {
		return PriceBreakPlan{}, detailErr(op, "breaks", len(breaks), ErrTooLarge, "at most 1000 price breaks")
	}
	for i, t := range breaks {
		if err := checkNonNeg(op, indexed("breaks", i)+".min_qty", t.MinQty); err != nil {
			return PriceBreakPlan{}, err
		}
		if err := checkPos(op, indexed("breaks", i)+".unit_price", t.UnitPrice); err != nil {
			return PriceBreakPlan{}, err
		}
	}
	tiers := slices.Clone(breaks)
	slices.SortStableFunc(tiers, func(a, b PriceBreak) int { return cmp.Compare(a.MinQty, b.MinQty) })
	for i, t := range tiers {
		if i > 0 && t.MinQty == tiers[i-1].MinQty {
			return PriceBreakPlan{}, fieldErr(op, "breaks.min_qty", t.MinQty, ErrDuplicateID)
		}
		if i > 0 && t.UnitPrice > tiers[i-1].UnitPrice { // the optimum could sit just below a break, unattained
			return PriceBreakPlan{}, detailErr(op, "breaks.unit_price", t.UnitPrice, ErrPolicy, "a price must not rise with the quantity")
		}
	}
	if tiers[0].MinQty > 1 {
		return PriceBreakPlan{}, detailErr(op, "breaks.min_qty", tiers[0].MinQty, ErrPolicy, "the lowest min_qty must be 0 or 1")
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
		cost := annualDemand*price + annualDemand*(orderCost/q) + holdingRate*price*(q/2)
		if err := checkResult(op, indexed("offers", i)+".cost", cost); err != nil {
			return PriceBreakPlan{}, err
		}
		plan.Offers[i] = PriceBreakOffer{Break: t, EOQ: tierEOQ, Qty: q, UnitPrice: price, Cost: cost}
		if i == 0 || cost < plan.Best.Cost || (cost == plan.Best.Cost && q < plan.Best.Qty) {
			plan.Best = plan.Offers[i]
		}
	}
	return plan, nil
}
