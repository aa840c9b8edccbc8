package promo_test

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
)

// Anchor cases from Medusa's promotion module tests, repository
// medusajs/medusa at 59e6747800133e091d20c2c167f600981abc5c0d (2024-10-24),
// packages/modules/promotion/integration-tests/__tests__/services/
// promotion-module/compute-actions.spec.ts ("the spec" below). Each test
// quotes the spec's describe/it titles, its items (quantity, subtotal) and
// the amounts it asserts per item and code. A later version of the spec,
// at 07c1ac614afe823aa7599d7bb0e0308cd1cfc30c ("the later spec"), changed
// three results: a fixed "each" value is taken off every unit up to
// max_quantity, promotions apply in order of value (higher first), and a
// second percentage "each" no longer subtracts the whole line's earlier
// discount from one unit; the tests say where they use it.
//
// Translation. Medusa's items carry a line subtotal; a line here has the
// unit price subtotal/quantity. Medusa amounts are in major units of the
// application method's currency (the fixture's currency_code "USD"): 100
// is 100.00. Every fixture promotion belongs to campaign-id-1, a spend
// budget of 1000 (__fixtures__/campaigns/data.ts), and the spec's rule
// customer.customer_group.id in ["VIP", "top100"] is Conditions.Tiers with
// the customer's Tier "VIP"; a code is a Coupon the cart enters. Medusa's
// application method maps as follows:
//
//	items, each, max_quantity m      LimitedUnits{PerLine: m} (package doc: "Medusa's
//	                                 allocation "each" with max_quantity")
//	items, across                    PercentOff/AmountOff Scope PerOrder with the target
//	order (allocation across)        the same, targeting every line
//	promotions in sequence           Stackable item promotions, or order promotions in
//	                                 application order (smaller ID first)
//
// Medusa computes with unrounded decimals (BigNumber); opskit rounds each
// promotion's discount once to the cent, half-up by default, and allocates
// it to lines by largest remainder (package doc, Money).

// medusaUSD is a US dollar amount.
func medusaUSD(s string) pricing.Money { return pricing.MustNew(s, pricing.USD) }

// medusaItem is a Medusa context item: id, product, category, quantity and
// the unit price (Medusa's subtotal / quantity).
func medusaItem(id, product, category string, qty int64, unit string) promo.Line {
	return promo.Line{ID: id, SKU: id, Product: product, Categories: []string{category}, Qty: qty, UnitPrice: medusaUSD(unit)}
}

// medusaCart is a USD cart of a VIP customer entering codes.
func medusaCart(codes []string, lines ...promo.Line) promo.Cart {
	return promo.Cart{Currency: pricing.USD, At: testNow, Lines: lines, Customer: promo.Customer{Tier: "VIP"}, Coupons: codes}
}

// medusaPromo is createDefaultPromotion: a code, the VIP rule, the
// campaign's spend budget of 1000, a target and an action.
func medusaPromo(code string, target promo.Selector, a promo.Action) promo.Promotion {
	return promo.Promotion{ID: code, Coupon: code, Stackable: true, Target: target, Action: a,
		Conditions: promo.Conditions{Tiers: []string{"VIP", "top100"}},
		Limits:     promo.Limits{Budget: medusaUSD("1000.00")}}
}

// cotton is the spec's target rule product_category.id eq "catg_cotton".
var cotton = promo.Selector{Categories: []string{"catg_cotton"}}

// adjusted returns the amount promotion code took off line id, "0.00"
// when none: Medusa's addItemAdjustment amount for (item_id, code).
func adjusted(t *testing.T, res promo.Result, id, code string) string {
	t.Helper()
	for _, a := range lineResult(t, res, id).Adjustments {
		if a.PromotionID == code {
			return a.Amount.StringAmount()
		}
	}
	return "0.00"
}

// tshirtSweater is the spec's usual pair of cotton items.
func tshirtSweater(tq int64, tunit string, sq int64, sunit string) []promo.Line {
	return []promo.Line{
		medusaItem("item_cotton_tshirt", "prod_tshirt", "catg_cotton", tq, tunit),
		medusaItem("item_cotton_sweater", "prod_sweater", "catg_cotton", sq, sunit),
	}
}

var bothCodes = []string{"PROMOTION_TEST", "PROMOTION_TEST_2"}

func TestMedusaEachFixed(t *testing.T) {
	// describe "when promotion is for items and allocation is each" /
	// "when application type is fixed" / it "should compute the correct
	// item amendments": fixed 200, max_quantity 1, catg_cotton; tshirt
	// quantity 1 subtotal 100, sweater quantity 5 subtotal 750. Asserted:
	// tshirt 100, sweater 150 (200 capped at the one unit's price).
	c := medusaCart([]string{"PROMOTION_TEST"}, tshirtSweater(1, "100.00", 5, "150.00")...)
	res := ancRun(t, c, medusaPromo("PROMOTION_TEST", cotton, promo.LimitedUnits{Amount: medusaUSD("200.00"), PerLine: 1}))
	assert.Equal(t, "100.00", adjusted(t, res, "item_cotton_tshirt", "PROMOTION_TEST"))
	assert.Equal(t, "150.00", adjusted(t, res, "item_cotton_sweater", "PROMOTION_TEST"))
}

func TestMedusaEachFixedSequence(t *testing.T) {
	// Same describe, it "should compute the correct item amendments when
	// there are multiple promotions to apply": PROMOTION_TEST fixed 30
	// max_quantity 2, PROMOTION_TEST_2 fixed 50 max_quantity 1; tshirt 1 ×
	// subtotal 50, sweater 1 × 150. Asserted: PROMOTION_TEST tshirt 30,
	// sweater 30; PROMOTION_TEST_2 tshirt 20 (what is left of 50), sweater 50.
	c := medusaCart(bothCodes, tshirtSweater(1, "50.00", 1, "150.00")...)
	res := ancRun(t, c,
		medusaPromo("PROMOTION_TEST", cotton, promo.LimitedUnits{Amount: medusaUSD("30.00"), PerLine: 2}),
		medusaPromo("PROMOTION_TEST_2", cotton, promo.LimitedUnits{Amount: medusaUSD("50.00"), PerLine: 1}))
	assert.Equal(t, "30.00", adjusted(t, res, "item_cotton_tshirt", "PROMOTION_TEST"))
	assert.Equal(t, "30.00", adjusted(t, res, "item_cotton_sweater", "PROMOTION_TEST"))
	assert.Equal(t, "20.00", adjusted(t, res, "item_cotton_tshirt", "PROMOTION_TEST_2"))
	assert.Equal(t, "50.00", adjusted(t, res, "item_cotton_sweater", "PROMOTION_TEST_2"))
	// The later spec applies the higher value first: PROMOTION_TEST_2
	// tshirt 50, sweater 50, then PROMOTION_TEST sweater 30 and nothing on
	// the tshirt. In opskit that order is a higher Priority.
	later := medusaPromo("PROMOTION_TEST_2", cotton, promo.LimitedUnits{Amount: medusaUSD("50.00"), PerLine: 1})
	later.Priority = 1
	res = ancRun(t, c, medusaPromo("PROMOTION_TEST", cotton, promo.LimitedUnits{Amount: medusaUSD("30.00"), PerLine: 2}), later)
	assert.Equal(t, []string{"50.00", "50.00", "30.00", "0.00"}, []string{
		adjusted(t, res, "item_cotton_tshirt", "PROMOTION_TEST_2"), adjusted(t, res, "item_cotton_sweater", "PROMOTION_TEST_2"),
		adjusted(t, res, "item_cotton_sweater", "PROMOTION_TEST"), adjusted(t, res, "item_cotton_tshirt", "PROMOTION_TEST")})
}

func TestMedusaEachFixedNothingLeft(t *testing.T) {
	// Same describe, it "should not compute actions when applicable total
	// is 0": fixed 500 max_quantity 2, then fixed 50 max_quantity 1; tshirt
	// 1 × 50, sweater 1 × 150. Asserted: PROMOTION_TEST tshirt 50, sweater
	// 150, and no action for PROMOTION_TEST_2.
	c := medusaCart(bothCodes, tshirtSweater(1, "50.00", 1, "150.00")...)
	res := ancRun(t, c,
		medusaPromo("PROMOTION_TEST", cotton, promo.LimitedUnits{Amount: medusaUSD("500.00"), PerLine: 2}),
		medusaPromo("PROMOTION_TEST_2", cotton, promo.LimitedUnits{Amount: medusaUSD("50.00"), PerLine: 1}))
	assert.Equal(t, "50.00", adjusted(t, res, "item_cotton_tshirt", "PROMOTION_TEST"))
	assert.Equal(t, "150.00", adjusted(t, res, "item_cotton_sweater", "PROMOTION_TEST"))
	assert.Equal(t, "0.00", adjusted(t, res, "item_cotton_tshirt", "PROMOTION_TEST_2"))
	assert.Equal(t, "0.00", adjusted(t, res, "item_cotton_sweater", "PROMOTION_TEST_2"))
	assert.Equal(t, "USD 0.00", res.Total.String())
}

func TestMedusaEachFixedSeveralUnits(t *testing.T) {
	// The later spec, same describe, it "should compute budget exceeded
	// action when applicable total exceeds campaign budget for type spend":
	// fixed 100, max_quantity 5; tshirt quantity 5 subtotal 5000 (1000 a
	// unit). Asserted: one addItemAdjustment of 500 (100 off each of 5
	// units, within the budget of 1000).
	c := medusaCart([]string{"PROMOTION_TEST"}, medusaItem("item_cotton_tshirt", "prod_tshirt", "catg_cotton", 5, "1000.00"))
	res := ancRun(t, c, medusaPromo("PROMOTION_TEST", cotton, promo.LimitedUnits{Amount: medusaUSD("100.00"), PerLine: 5}))
	assert.Equal(t, "500.00", adjusted(t, res, "item_cotton_tshirt", "PROMOTION_TEST"))
	// The 2024 spec, same it, has fixed 500 on that line and asserts 500:
	// Medusa then took the fixed value once per line
	// (calculateAdjustmentAmountFromPromotion: min(value, unit price ×
	// min(quantity, max_quantity) - applied)). LimitedUnits takes Amount
	// off each of the PerLine units, 5 × 500 = 2500, which the budget of
	// 1000 cuts to 1000, as the later Medusa does before its budget check.
	res = ancRun(t, c, medusaPromo("PROMOTION_TEST", cotton, promo.LimitedUnits{Amount: medusaUSD("500.00"), PerLine: 5}))
	assert.Equal(t, "1000.00", adjusted(t, res, "item_cotton_tshirt", "PROMOTION_TEST"))
	t.Skip("anchor mismatch (2024 spec only): Medusa's fixed each took its value once per line (500), opskit's LimitedUnits per unit (2500, 1000 after the budget)")
	assert.Equal(t, "500.00", adjusted(t, res, "item_cotton_tshirt", "PROMOTION_TEST"))
}

func TestMedusaEachPercentage(t *testing.T) {
	// describe "when application type is percentage" (allocation each), it
	// "should compute the correct item amendments": 10 %, max_quantity 1;
	// tshirt 1 × 100, sweater 5 × subtotal 750. Asserted: tshirt 10,
	// sweater 15 (10 % of one unit of 150).
	c := medusaCart([]string{"PROMOTION_TEST"}, tshirtSweater(1, "100.00", 5, "150.00")...)
	res := ancRun(t, c, medusaPromo("PROMOTION_TEST", cotton, promo.LimitedUnits{Rate: rate("9折"), PerLine: 1}))
	assert.Equal(t, "10.00", adjusted(t, res, "item_cotton_tshirt", "PROMOTION_TEST"))
	assert.Equal(t, "15.00", adjusted(t, res, "item_cotton_sweater", "PROMOTION_TEST"))
}

func TestMedusaEachPercentageSequence(t *testing.T) {
	// Same describe, it "should compute the correct item amendments when
	// there are multiple promotions to apply": 30 % max_quantity 2, then
	// 10 % max_quantity 1; tshirt quantity 3 subtotal 150, sweater 1 × 150.
	// Asserted: PROMOTION_TEST tshirt 30 (30 % of 2 × 50), sweater 45;
	// PROMOTION_TEST_2 sweater 10.5 (10 % of 150 - 45) and tshirt 2 in the
	// 2024 spec, 5 in the later spec.
	c := medusaCart(bothCodes, tshirtSweater(3, "50.00", 1, "150.00")...)
	first := medusaPromo("PROMOTION_TEST", cotton, promo.LimitedUnits{Rate: rate("7折"), PerLine: 2})
	res := ancRun(t, c, first, medusaPromo("PROMOTION_TEST_2", cotton, promo.LimitedUnits{Rate: rate("9折"), PerLine: 1, Pick: promo.DearestFirst}))
	assert.Equal(t, "30.00", adjusted(t, res, "item_cotton_tshirt", "PROMOTION_TEST"))
	assert.Equal(t, "45.00", adjusted(t, res, "item_cotton_sweater", "PROMOTION_TEST"))
	assert.Equal(t, "10.50", adjusted(t, res, "item_cotton_sweater", "PROMOTION_TEST_2"))
	// The later spec's 5 is 10 % of the undiscounted third unit (50):
	// opskit gives it when the second cap picks the dearest unit as it
	// stands (35, 35, 50).
	assert.Equal(t, "5.00", adjusted(t, res, "item_cotton_tshirt", "PROMOTION_TEST_2"))
	// With the default Pick (CheapestFirst, on the prices the stacked
	// promotions left) the second cap takes a 35 unit: 3.50.
	res = ancRun(t, c, first, medusaPromo("PROMOTION_TEST_2", cotton, promo.LimitedUnits{Rate: rate("9折"), PerLine: 1}))
	tshirt2 := adjusted(t, res, "item_cotton_tshirt", "PROMOTION_TEST_2")
	assert.Equal(t, "3.50", tshirt2)
	// The 2024 spec's 2 is 10 % of (50 × min(3, 1) - 30): the first
	// promotion's 30 off two units is subtracted from the one unit the
	// second may discount.
	t.Skipf("anchor mismatch (2024 spec only): Medusa gives PROMOTION_TEST_2 2 on the tshirt, opskit %s (5.00 dearest first)", tshirt2)
	assert.Equal(t, "2.00", tshirt2)
}

func TestMedusaEachPercentageTwiceOnOneUnit(t *testing.T) {
	// The later spec, same describe, it "should compute actions when 2
	// percentage promotions are applied to the same item": PROMO_PERCENTAGE_1
	// and PROMO_PERCENTAGE_2, each 100 % max_quantity 1 on prod_tshirt, no
	// rules, no budget in play (50 each); tshirt quantity 4 subtotal 200.
	// Asserted: 50 and 50, two units free.
	c := medusaCart([]string{"PROMO_PERCENTAGE_1", "PROMO_PERCENTAGE_2"},
		medusaItem("item_cotton_tshirt", "prod_tshirt", "catg_cotton", 4, "50.00"))
	// 100 % is no pricing.Rate (a rate is above 0折) and LimitedUnits has
	// no Free, so the caps take the unit price, 50.00, off one unit.
	tshirt := promo.Selector{Products: []string{"prod_tshirt"}}
	cap := func(code string, pick promo.UnitPick) promo.Promotion {
		p := medusaPromo(code, tshirt, promo.LimitedUnits{Amount: medusaUSD("50.00"), PerLine: 1, Pick: pick})
		p.Conditions = promo.Conditions{}
		return p
	}
	res := ancRun(t, c, cap("PROMO_PERCENTAGE_1", promo.DearestFirst), cap("PROMO_PERCENTAGE_2", promo.DearestFirst))
	assert.Equal(t, "50.00", adjusted(t, res, "item_cotton_tshirt", "PROMO_PERCENTAGE_1"))
	assert.Equal(t, "50.00", adjusted(t, res, "item_cotton_tshirt", "PROMO_PERCENTAGE_2"))
	assert.Equal(t, []string{"0.00", "0.00", "50.00", "50.00"}, unitsPaid(t, res, "item_cotton_tshirt"))
	// With the default Pick too: the unit the first cap made free is passed
	// over, so the second cap takes the next one.
	res = ancRun(t, c, cap("PROMO_PERCENTAGE_1", promo.CheapestFirst), cap("PROMO_PERCENTAGE_2", promo.CheapestFirst))
	assert.Equal(t, "50.00", adjusted(t, res, "item_cotton_tshirt", "PROMO_PERCENTAGE_2"))
	assert.Equal(t, []string{"0.00", "0.00", "50.00", "50.00"}, unitsPaid(t, res, "item_cotton_tshirt"))
}
