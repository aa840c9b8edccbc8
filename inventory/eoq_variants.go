package inventory

import (
	"cmp"
	"slices"
)

// EOQBackorders is the optimum of the EOQ with planned backorders (EOQB) returned by
// [EOQWithBackorders].
type EOQBackorders struct {
	Qty              float64 `json:"qty"`               // order quantity Q*
	StockoutFraction float64 `json:"stockout_fraction"` // x* = h/(h + p): the share of each cycle spent backordered
	Cost             float64 `json:"cost"`              // ordering + holding + backorder cost per year at (Q*, x*) (model units)
}

// EOQWithBackorders returns the economic order quantity when demand may be backordered at a cost p
// per unit per year (the EOQ with planned backorders, EOQB):
//
//	Q* = √(2·K·D·(h + p) / (h·p)),   x* = h/(h + p),   g* = √(2·K·D·h·p/(h + p)),
//
// where x is the fraction of each cycle during which demand is backordered (Snyder & Shen,
// "Fundamentals of Supply Chain Theory", 2nd ed., §3.5, eqs. 3.27-3.29, as implemented by stockpyl's
// eoq.economic_order_quantity_with_backorders; Zipkin, "Foundations of Inventory Management", §3.3).
// Known answer (ExampleEOQWithBackorders): K = 8, h = 0.225, p = 5, D = 1300 gives Q* = 310.8125552,
// x* = 0.04306220096 and g* = 66.92136355 (Snyder & Shen Example 3.8). As p grows it tends to
// [EOQ]. [EOQWithBackordersCost] prices any (Q, x).
//
// It returns an error for a negative, NaN or infinite D or K, an h or p that is not positive and
// finite, or a result beyond the float64 range (wrapping [ErrTooLarge]).
func EOQWithBackorders(annualDemand, orderCost, holdingCost, stockoutCost float64) (EOQBackorders, error) {
	const op = "eoq with backorders"
	if err := checkEOQInputs(op, annualDemand, orderCost, holdingCost); err != nil {
		return EOQBackorders{}, err
	}
	if err := checkPos(op, "stockout_cost", stockoutCost); err != nil {
		return EOQBackorders{}, err
	}
	// h·p/(h + p) = h/(1 + h/p) = p/(1 + p/h): the effective holding cost, written so that h + p cannot
	// overflow.
	x := 1 / (1 + stockoutCost/holdingCost)
	eff := holdingCost / (1 + holdingCost/stockoutCost)
	if !(eff > 0) {
		return EOQBackorders{}, detailErr(op, "holding_cost", holdingCost, ErrNotFinite, "h·p/(h + p) underflows to 0")
	}
	q := eoq(annualDemand, orderCost, eff)
	g := eff * q
	if err := checkResult(op, "qty", q); err != nil {
		return EOQBackorders{}, err
	}
	if err := checkResult(op, "cost", g); err != nil {
		return EOQBackorders{}, err
	}
	return EOQBackorders{Qty: q, StockoutFraction: x, Cost: g}, nil
}

// EOQWithBackordersCost returns the cost per year of ordering q at a time with a fraction x of each
// cycle backordered,
//
//	g(Q, x) = h·Q·(1 - x)²/2 + p·Q·x²/2 + K·D/Q
//
// (Snyder & Shen eq. 3.26; stockpyl eoq.economic_order_quantity_with_backorders with order_quantity
// and stockout_fraction given). Known answer (ExampleEOQWithBackordersCost): K = 8, h = 0.225,
// p = 5, D = 1300 at Q = 300, x = 0.05 gives 67.00104167. It returns an error for
// bad costs or demand (as [EOQWithBackorders]), a q that is not positive and finite, an x outside
// [0, 1], or a cost beyond the float64 range.
func EOQWithBackordersCost(annualDemand, orderCost, holdingCost, stockoutCost, q, x float64) (float64, error) {
	const op = "eoq with backorders cost"
	if err := checkEOQInputs(op, annualDemand, orderCost, holdingCost); err != nil {
		return 0, err
	}
	if err := checkPos(op, "stockout_cost", stockoutCost); err != nil {
		return 0, err
	}
	if err := checkPos(op, "q", q); err != nil {
		return 0, err
	}
	if !isFinite(x) {
		return 0, fieldErr(op, "stockout_fraction", x, ErrNotFinite)
	}
	if x < 0 || x > 1 {
		return 0, detailErr(op, "stockout_fraction", x, ErrPolicy, "between 0 and 1")
	}
	c := holdingCost*(q/2)*(1-x)*(1-x) + stockoutCost*(q/2)*x*x + annualDemand*(orderCost/q)
	if err := checkResult(op, "cost", c); err != nil {
		return 0, err
	}
	return c, nil
}

// EPQ returns the economic production quantity, the EOQ when a lot arrives at a finite rate P per
// year rather than all at once (the finite production rate model):
//
//	Q* = √(2·K·D / (h·(1 - ρ))),   ρ = D/P,   g* = √(2·K·D·h·(1 - ρ)),
//
// (Snyder & Shen §3.6, eqs. 3.31-3.32, as implemented by stockpyl's eoq.economic_production_quantity;
// Silver, Pyke & Thomas §5.6; Taft 1918). Known answer (ExampleEPQ): K = 8, h = 0.225, D = 1300,
// P = 1700 gives Q* = 626.8084946 with cost 33.18397913 per year (stockpyl's example). [EPQCost] prices
// any Q.
//
// It returns an error for bad D, K or h (as [EOQ]), a P that is not positive and finite, D ≥ P
// (wrapping [ErrPolicy]: production never catches up), or a result beyond the float64 range.
func EPQ(annualDemand, orderCost, holdingCost, productionRate float64) (float64, error) {
	const op = "epq"
	eff, err := epqHolding(op, annualDemand, orderCost, holdingCost, productionRate)
	if err != nil {
		return 0, err
	}
	q := eoq(annualDemand, orderCost, eff)
	if err := checkResult(op, "qty", q); err != nil {
		return 0, err
	}
	return q, nil
}

// EPQCost returns the cost per year of producing q at a time at rate P,
//
//	g(Q) = K·D/Q + h·(1 - ρ)·Q/2,   ρ = D/P
//
// (Snyder & Shen eq. 3.30). Known answer (ExampleEPQ): K = 8, h = 0.225, D = 1300, P = 1700, Q =
// 626.8084946 gives 33.18397913. It returns the errors of [EPQ] and one for a q that is
// not positive and finite.
func EPQCost(annualDemand, orderCost, holdingCost, productionRate, q float64) (float64, error) {
	const op = "epq cost"
	eff, err := epqHolding(op, annualDemand, orderCost, holdingCost, productionRate)
	if err != nil {
		return 0, err
	}
	if err := checkPos(op, "q", q); err != nil {
		return 0, err
	}
	c := annualDemand*(orderCost/q) + eff*(q/2)
	if err := checkResult(op, "cost", c); err != nil {
		return 0, err
	}
	return c, nil
}

// epqHolding validates the EPQ inputs and returns the effective holding cost h·(1 - D/P).
func epqHolding(op string, annualDemand, orderCost, holdingCost, productionRate float64) (float64, error) {
	if err := checkEOQInputs(op, annualDemand, orderCost, holdingCost); err != nil {
		return 0, err
	}
	if err := checkPos(op, "production_rate", productionRate); err != nil {
		return 0, err
	}
	if annualDemand >= productionRate {
		return 0, detailErr(op, "production_rate", productionRate, ErrPolicy, "must exceed annual_demand")
	}
	eff := holdingCost * (1 - annualDemand/productionRate)
	if !(eff > 0) {
		return 0, detailErr(op, "production_rate", productionRate, ErrPolicy, "h·(1 - D/P) underflows to 0")
	}
	return eff, nil
}

// checkEOQInputs checks the demand, order cost and holding cost shared by the EOQ family.
func checkEOQInputs(op string, annualDemand, orderCost, holdingCost float64) error {
	if err := checkNonNeg(op, "annual_demand", annualDemand); err != nil {
		return err
	}
	if err := checkNonNeg(op, "order_cost", orderCost); err != nil {
		return err
	}
	return checkPos(op, "holding_cost", holdingCost)
}

// EOQWithIncrementalDiscounts returns the order quantity that minimises the annual cost under
// incremental quantity discounts, where only the units above a break get its price: an order of Q in
// region j (b_j ≤ Q < b_{j+1}) costs C(Q) = c̄_j + c_j·Q with
//
//	c̄_j = Σ_{i<j} c_i·(b_{i+1} - b_i) - c_j·b_j,
//	g_j(Q) = c_j·D + i·c̄_j/2 + (K + c̄_j)·D/Q + i·c_j·Q/2,   Q*_j = √(2·(K + c̄_j)·D / (i·c_j)),
//
// (Snyder & Shen §3.4.3, eqs. 3.20-3.22, as implemented by stockpyl's
// eoq.economic_order_quantity_with_incremental_discounts; Silver, Pyke & Thomas §5.5.2). The optimum
// lies at a Q*_j inside its own region; each region's candidate is Q*_j clamped into the region, so
// every offer is a feasible quantity, and the cheapest wins (ties to the smaller quantity). An offer's
// UnitPrice is the average price C(Q)/Q the quantity pays. Known answer
// (ExampleEOQWithIncrementalDiscounts): K = 150, i = 0.25, D = 2400, prices 100 / 90 from 300 / 80
// from 600 give Q = 1481.890684 in the third region at 222762.8137 a year (stockpyl's example). The
// [PriceBreak] fields mean: MinQty is b_j, UnitPrice is c_j, the price of the units above b_j.
//
// The breaks may come in any order; the lowest MinQty must be 0. Errors and limits are those of
// [EOQWithPriceBreaks] ([MaxPriceBreaks]); its work is linear in the number of breaks after a sort.
func EOQWithIncrementalDiscounts(annualDemand, orderCost, holdingRate float64, breaks []PriceBreak) (PriceBreakPlan, error) {
	const op = "eoq with incremental discounts"
	tiers, err := checkBreaks(op, annualDemand, orderCost, holdingRate, breaks)
	if err != nil {
		return PriceBreakPlan{}, err
	}
	if tiers[0].MinQty != 0 {
		return PriceBreakPlan{}, detailErr(op, "breaks.min_qty", tiers[0].MinQty, ErrPolicy, "the lowest min_qty must be 0")
	}
	plan := PriceBreakPlan{Offers: make([]PriceBreakOffer, len(tiers))}
	var cbar float64 // c̄_j, built region by region: c̄_{j+1} = c̄_j + (c_j - c_{j+1})·b_{j+1}
	for j, t := range tiers {
		if j > 0 {
			cbar += (tiers[j-1].UnitPrice - t.UnitPrice) * t.MinQty
		}
		// c̄_j is what the units below b_j cost beyond c_j each: ≥ 0 when prices fall, possibly < 0
		// when one rises. Where K + c̄_j ≤ 0 the cost rises with Q throughout the region, so Q*_j is
		// taken as 0 and the clamp below moves it to the region's bottom.
		fixed := orderCost + cbar
		qj := 0.0
		if fixed > 0 {
			qj = eoq(annualDemand, fixed, holdingRate*t.UnitPrice)
		}
		q := max(qj, t.MinQty, 1)
		if j+1 < len(tiers) {
			q = min(q, tiers[j+1].MinQty)
		}
		cost := incrementalCost(annualDemand, orderCost, holdingRate, t.UnitPrice, cbar, q)
		if err := checkResult(op, indexed("offers", j)+".cost", cost); err != nil {
			return PriceBreakPlan{}, err
		}
		plan.Offers[j] = PriceBreakOffer{Break: t, EOQ: qj, Qty: q, UnitPrice: (cbar + t.UnitPrice*q) / q, Cost: cost}
		// Regions come in ascending order and each candidate lies in its own region, so on a tie the
		// earlier offer has the smaller (or the same) quantity: keeping it is the tie-break.
		if j == 0 || cost < plan.Best.Cost {
			plan.Best = plan.Offers[j]
		}
	}
	return plan, nil
}

// incrementalCost returns g_j(Q) = c_j·D + i·c̄_j/2 + (K + c̄_j)·D/Q + i·c_j·Q/2.
func incrementalCost(d, k, i, c, cbar, q float64) float64 {
	return c*d + i*cbar/2 + d*((k+cbar)/q) + i*c*(q/2)
}

// PriceBreakCost returns the annual cost TC(Q) of ordering q at a time under the price breaks, all-units
// (every unit at the price of the tier Q reaches, the model of [EOQWithPriceBreaks]) or incremental
// (each unit at the price of its own region, the model of [EOQWithIncrementalDiscounts]), so that a
// quantity other than the optimum can be priced:
//
//	all-units:    TC(Q) = D·c(Q) + D·K/Q + i·c(Q)·Q/2,
//	incremental:  TC(Q) = D·C(Q)/Q + D·K/Q + i·C(Q)/2,   C(Q) the purchase cost of Q units.
//
// (Snyder & Shen §3.4; Silver, Pyke & Thomas §5.5). Known answers: the Wohl's example of
// [EOQWithPriceBreaks] at Q = 1000 gives 24 725; stockpyl's incremental example at Q = 600 gives
// 2400·(100·300 + 90·300)/600 + 2400·150/600 + 0.25·57000/2 = 235 725 (hand arithmetic). It returns
// the errors of the optimiser for the model and one for a q that is not positive and finite.
func PriceBreakCost(annualDemand, orderCost, holdingRate float64, breaks []PriceBreak, q float64, incremental bool) (float64, error) {
	const op = "price break cost"
	tiers, err := checkBreaks(op, annualDemand, orderCost, holdingRate, breaks)
	if err != nil {
		return 0, err
	}
	if incremental && tiers[0].MinQty != 0 {
		return 0, detailErr(op, "breaks.min_qty", tiers[0].MinQty, ErrPolicy, "the lowest min_qty must be 0")
	}
	if err := checkPos(op, "q", q); err != nil {
		return 0, err
	}
	j := 0 // the region q falls in: the last break with MinQty ≤ q
	for k, t := range tiers {
		if q >= t.MinQty {
			j = k
		}
	}
	var cost float64
	if incremental {
		var cbar float64
		for k := 1; k <= j; k++ {
			cbar += (tiers[k-1].UnitPrice - tiers[k].UnitPrice) * tiers[k].MinQty
		}
		cost = incrementalCost(annualDemand, orderCost, holdingRate, tiers[j].UnitPrice, cbar, q)
	} else {
		c := tiers[j].UnitPrice
		cost = annualDemand*c + annualDemand*(orderCost/q) + holdingRate*c*(q/2)
	}
	if err := checkResult(op, "cost", cost); err != nil {
		return 0, err
	}
	return cost, nil
}

// checkBreaks validates the inputs shared by the price-break models and returns the breaks sorted by
// MinQty. The lowest MinQty must be 0 or 1 (each caller may require 0).
func checkBreaks(op string, annualDemand, orderCost, holdingRate float64, breaks []PriceBreak) ([]PriceBreak, error) {
	if err := checkNonNeg(op, "annual_demand", annualDemand); err != nil {
		return nil, err
	}
	if err := checkNonNeg(op, "order_cost", orderCost); err != nil {
		return nil, err
	}
	if err := checkPos(op, "holding_rate", holdingRate); err != nil {
		return nil, err
	}
	if len(breaks) == 0 {
		return nil, fieldErr(op, "breaks", nil, ErrEmptyHistory)
	}
	if len(breaks) > MaxPriceBreaks {
		return nil, detailErr(op, "breaks", len(breaks), ErrTooLarge, "at most 1000 price breaks")
	}
	for i, t := range breaks {
		if err := checkNonNeg(op, indexed("breaks", i)+".min_qty", t.MinQty); err != nil {
			return nil, err
		}
		if err := checkPos(op, indexed("breaks", i)+".unit_price", t.UnitPrice); err != nil {
			return nil, err
		}
	}
	tiers := slices.Clone(breaks)
	slices.SortStableFunc(tiers, func(a, b PriceBreak) int { return cmp.Compare(a.MinQty, b.MinQty) })
	for i := 1; i < len(tiers); i++ {
		if tiers[i].MinQty == tiers[i-1].MinQty {
			return nil, fieldErr(op, "breaks.min_qty", tiers[i].MinQty, ErrDuplicateID)
		}
	}
	if tiers[0].MinQty > 1 {
		return nil, detailErr(op, "breaks.min_qty", tiers[0].MinQty, ErrPolicy, "the lowest min_qty must be 0 or 1")
	}
	return tiers, nil
}
