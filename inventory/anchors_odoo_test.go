package inventory

import (
	"math"
	"testing"
)

// Anchors from Odoo 18's own tests of its reordering rule (stock.warehouse.orderpoint): the cases of
// addons/stock/tests/test_proc_rule.py and addons/purchase_stock/tests/test_reordering_rule.py
// (branch 18.0) whose inputs and asserted quantities opskit can express, and the rule of
// addons/stock/models/stock_orderpoint.py (_get_qty_to_order, _compute_qty_to_order_computed) for
// the cases the tests leave implicit.
//
// Odoo 18's rule, in opskit's terms: with F the orderpoint's forecast (qty_forecast: on hand plus
// incoming minus outgoing moves up to the lead-days date, plus quantities in progress such as
// draft purchase orders), when F < min (float_compare(...) < 0: strictly below) it orders
// max(min, max) - F, then, with a multiple m > 0 and a remainder r = (max(min, max) - F) mod m,
// rounds up (+= m - r) when max is 0 and down (-= r) otherwise. Min ≤ max is enforced
// (_check_min_max_qty). The mapping used here:
//
//   - F is the inventory position: on hand as OnHand, incoming (receipts, purchase orders, RFQs in
//     progress) as OnOrder, outgoing moves within the lead days as Reserved;
//   - the orderpoint is the planner's min/max policy with the min as the item's warning line, the
//     max as its MaxStock, no demand statistics (Odoo's levels are hand-set), Odoo's trigger
//     StrictlyBelow and the multiple as a pack with PackRoundUpWithinMax (a multiple of 0 or 1 is a
//     pack of 1);
//   - a min or max of 0 leaves WarningLine or MaxStock at 0: with no demand the planner's reorder
//     point and order-up-to level are then 0 too, as Odoo's are.

// odooPlanner is the planner of an Odoo orderpoint: min/max, no safety stock, strictly below.
func odooPlanner(t *testing.T) Planner {
	t.Helper()
	p, err := NewPlanner(PlanConfig{Policy: PolicyMinMax, Trigger: StrictlyBelow})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// odooItem is an orderpoint's product: hand-set min and max, the multiple as an Odoo-rounded pack,
// no demand.
func odooItem(minQty, maxQty float64, multiple int64, st Stock) Item {
	return Item{
		ID: "orderpoint", Stock: st, Demand: MustDemand(0, 0, Day), Lead: FixedLeadTime(Day),
		WarningLine: minQty, MaxStock: maxQty,
		Shaping: MustShaping(0, max(multiple, 1), 0, WithPackRounding(PackRoundUpWithinMax)),
	}
}

// odooQty runs the planner on an orderpoint and returns its order.
func odooQty(t *testing.T, p Planner, it Item) int64 {
	t.Helper()
	sg, err := p.Suggest(it, testNow)
	if err != nil {
		t.Fatalf("%+v: %v", it, err)
	}
	return sg.Qty
}

func TestAnchorOdooOrderpointCases(t *testing.T) {
	p := odooPlanner(t)
	for _, c := range []struct {
		name           string
		minQty, maxQty float64
		multiple       int64
		st             Stock
		want           int64
	}{
		// test_proc_rule.py test_reordering_rule_1: min 0, max 5, a delivery of 12 within the 9 lead
		// days → a receipt of 17 (5 - (-12)).
		{"test_reordering_rule_1", 0, 5, 1, Stock{Reserved: 12}, 17},
		// test_reordering_rule_2: product A as above → 17; product B (0/5, an extra move of 5) → 10.
		{"test_reordering_rule_2 A", 0, 5, 1, Stock{Reserved: 12}, 17},
		{"test_reordering_rule_2 B", 0, 5, 1, Stock{Reserved: 5}, 10},
		// test_qty_to_order_remainder_decimal: min 4, max 5.1, multiple 0.1, nothing on hand →
		// qty_to_order = max = 5.1. In tenths of a unit: min 40, max 51, multiple 1 → 51.
		{"test_qty_to_order_remainder_decimal (tenths)", 40, 51, 1, Stock{}, 51},
		// test_replenishment_order_to_max: 10 on hand, min 5, max 200 → "above minimum qty =>
		// nothing to order".
		{"test_replenishment_order_to_max", 5, 200, 1, Stock{OnHand: 10}, 0},
		// test_compute_qty_to_order: min 5, max 5 → 5; a new demand of 1 → 6.
		{"test_compute_qty_to_order", 5, 5, 1, Stock{}, 5},
		{"test_compute_qty_to_order, new demand", 5, 5, 1, Stock{Reserved: 1}, 6},
		// test_orderpoint_replenishment_view_2: a manual orderpoint (0/0) for a move of 3 → 3.
		{"test_orderpoint_replenishment_view_2", 0, 0, 1, Stock{Reserved: 3}, 3},
		// test_reordering_rule.py (purchase_stock) test_reordering_rule_triggered_two_times: RR 0-0-1,
		// a delivery of 1 → a PO line of 1; a second delivery → the line becomes 2 (one more) and
		// qty_to_order is 0 once the line holds 2.
		{"test_reordering_rule_triggered_two_times 1st", 0, 0, 1, Stock{Reserved: 1}, 1},
		{"test_reordering_rule_triggered_two_times 2nd", 0, 0, 1, Stock{Reserved: 2, OnOrder: 1}, 1},
		{"test_reordering_rule_triggered_two_times after", 0, 0, 1, Stock{Reserved: 2, OnOrder: 2}, 0},
		// test_replenish_report_1 (and _2): deliveries of 10 + 10 → qty_to_order 20; after the PO of
		// 20, a new delivery of 10 → 10.
		{"test_replenish_report_1", 0, 0, 1, Stock{Reserved: 20}, 20},
		{"test_replenish_report_1, second delivery", 0, 0, 1, Stock{Reserved: 30, OnOrder: 20}, 10},
		// test_multi_locations_and_reordering_rule: 1/1 → 1, 2/2 → 2.
		{"test_multi_locations_and_reordering_rule stock", 1, 1, 1, Stock{}, 1},
		{"test_multi_locations_and_reordering_rule subloc", 2, 2, 1, Stock{}, 2},
		// test_2steps_and_partner_on_orderpoint: min 1, max 5 → a PO line of 5.
		{"test_2steps_and_partner_on_orderpoint", 1, 5, 1, Stock{}, 5},
		// test_change_of_scheduled_date: forecast -1 → qty_to_order 1; once the delivery is moved past
		// the lead days it leaves the forecast → 0.
		{"test_change_of_scheduled_date", 0, 0, 1, Stock{Reserved: 1}, 1},
		{"test_change_of_scheduled_date, postponed", 0, 0, 1, Stock{}, 0},
		// test_decrease_qty_multi_step_receipt: 0/0, an out move of 5 → a PO of 5;
		// test_decrease_qty_multi_step_receipt02: 4/4 → 4.
		{"test_decrease_qty_multi_step_receipt", 0, 0, 1, Stock{Reserved: 5}, 5},
		{"test_decrease_qty_multi_step_receipt02", 4, 4, 1, Stock{}, 4},
		// test_update_po_line_without_purchase_access_right: 5/5 → a PO line of 5; a delivery of 1 →
		// the line becomes 6 (one more).
		{"test_update_po_line_without_purchase_access_right", 5, 5, 1, Stock{}, 5},
		{"test_update_po_line_without_purchase_access_right, +1", 5, 5, 1, Stock{OnOrder: 5, Reserved: 1}, 1},
		// test_tax_po_line_reordering_rule_with_branch_company and test_intercompany_reordering_rules:
		// 10/10 → 10.
		{"test_tax_po_line_reordering_rule_with_branch_company", 10, 10, 1, Stock{}, 10},
		{"test_intercompany_reordering_rules", 10, 10, 1, Stock{}, 10},
		// test_multi_lingual_orderpoints: 9 already in progress, then min 10, max 20 → the PO line
		// grows to 20 (11 more).
		{"test_multi_lingual_orderpoints", 10, 20, 1, Stock{OnOrder: 9}, 11},
	} {
		if got := odooQty(t, p, odooItem(c.minQty, c.maxQty, c.multiple, c.st)); got != c.want {
			t.Errorf("%s: qty %d, want %d", c.name, got, c.want)
		}
	}
}

// test_proc_rule.py test_reordering_rule_3 ("how qty_multiple affects qty_to_order"): 14.5 on hand,
// min 15, max 30 → multiple 10: 10 (15.5 - 5.5), multiple 1: 15 (15.5 - 0.5), multiple 0: 15.5.
func TestAnchorOdooQtyMultiple(t *testing.T) {
	// The pipeline takes the fractional need 30 - 14.5 = 15.5 and the room below the max, 15.5.
	for _, c := range []struct {
		pack int64
		want int64
	}{{10, 10}, {1, 15}} {
		r, err := MustShaping(0, c.pack, 0, WithPackRounding(PackRoundUpWithinMax)).ShapeWithin(15.5, 15.5)
		if err != nil {
			t.Fatal(err)
		}
		if r.Qty != c.want || !r.Down {
			t.Errorf("multiple %d: %+v, want %d rounded down", c.pack, r, c.want)
		}
	}
	// The planner in half units (stock is whole units): 29 on hand, min 30, max 60; multiple 10 is a
	// pack of 20 → 20 (10 units), multiple 1 a pack of 2 → 30 (15 units), multiple 0 a pack of 1 →
	// 31 (15.5 units).
	p := odooPlanner(t)
	for _, c := range []struct{ pack, want int64 }{{20, 20}, {2, 30}, {1, 31}} {
		if got := odooQty(t, p, odooItem(30, 60, c.pack, Stock{OnHand: 29})); got != c.want {
			t.Errorf("half units, pack %d: %d, want %d", c.pack, got, c.want)
		}
	}
	// The comment of the test: 15.0 < 14.5 + 10 <= 30.0 — the order never passes the max.
}

// test_reordering_rule.py test_reordering_rule_4: "a reordering rule where the min qty is larger
// than the max qty cannot be created" (min 2, max 1: ValidationError).
// The same constraint (_check_min_max_qty) refuses min 10 with max 0, the "no max" example of
// modes_test's TestPackRoundUpWithinMaxOdoo: Odoo 18 has no orderpoint with a min above 0 and no max.
func TestAnchorOdooMinAboveMax(t *testing.T) {
	wantErr(t, "NewMinMaxPolicy(2, 1)", errOnly(NewMinMaxPolicy(2, 1)), ErrPolicy)
	wantErr(t, "NewMinMaxPolicy(10, 0)", errOnly(NewMinMaxPolicy(10, 0)), ErrPolicy)
	_, err := odooPlanner(t).Suggest(odooItem(2, 1, 1, Stock{}), testNow)
	wantErr(t, "planner min 2 max 1", err, ErrPolicy)
}

// test_proc_rule.py test_replenishment_order_to_max: 10 on hand, min 5, max 200;
// action_replenish(force_to_max=True) brings the forecast to 200 (an order of 190) although the
// forecast is above the min. Ordering up to the max whatever the min is an (R, S) review with S = max.
func TestAnchorOdooForceToMax(t *testing.T) {
	p, err := NewPlanner(PlanConfig{Policy: PolicyRS, Review: Day})
	if err != nil {
		t.Fatal(err)
	}
	it := odooItem(5, 200, 1, Stock{OnHand: 10})
	if got := odooQty(t, p, it); got != 190 {
		t.Fatalf("force to max: %d, want 190", got)
	}
}

// test_reordering_rule.py test_set_supplier_in_orderpoint: min = max = 500 kg, the vendor's minimum
// quantity 6 t → qty_to_order 6000 kg. The vendor minimum is opskit's MOQ.
func TestAnchorOdooVendorMinimum(t *testing.T) {
	// Under the default rounding the MOQ wins: 6000.
	r, err := MustShaping(6000, 1, 0).Shape(500)
	if err != nil || r.Qty != 6000 {
		t.Fatalf("default rounding: %+v, %v; want 6000", r, err)
	}
	// Under Odoo's rounding mode, as the planner runs a min/max orderpoint (room = max - position =
	// 500), the MOQ is above the room but a pack fits: the vendor's minimum wins, 6000, as in Odoo.
	got := odooQty(t, odooPlanner(t), Item{
		ID: "op", Demand: MustDemand(0, 0, Day), Lead: FixedLeadTime(Day), WarningLine: 500, MaxStock: 500,
		Shaping: MustShaping(6000, 1, 0, WithPackRounding(PackRoundUpWithinMax)),
	})
	if got != 6000 {
		t.Fatalf("within max: %d, want Odoo's 6000", got)
	}
	// The same through ShapeWithin and a backtest day: the order is the MOQ, not 0.
	r, err = MustShaping(6000, 1, 0, WithPackRounding(PackRoundUpWithinMax)).ShapeWithin(500, 500)
	if err != nil || r.Qty != 6000 || r.AfterMOQ != 6000 || !r.Down {
		t.Fatalf("ShapeWithin(500, 500): %+v, %v", r, err)
	}
	if got, want := r.String(), "need 500 → MOQ 6000 → smallest order 6000, past the maximum → order 6000"; got != want {
		t.Fatalf("String() = %q, want %q", got, want)
	}
	// With no pack fitting below the max, nothing is ordered whatever the MOQ (a multiple of 5 and a
	// room of 3: Odoo rounds 3 down to 0 before any vendor minimum).
	r, _ = MustShaping(10, 5, 0, WithPackRounding(PackRoundUpWithinMax)).ShapeWithin(3, 3)
	if r.Qty != 0 {
		t.Fatalf("ShapeWithin(3, 3) with pack 5: %+v, want 0", r)
	}
	// Exactly one pack fits (room 5): the MOQ 12 rounded up to the pack, 15.
	r, _ = MustShaping(12, 5, 0, WithPackRounding(PackRoundUpWithinMax)).ShapeWithin(8, 5)
	if r.Qty != 15 || r.AfterMOQ != 12 {
		t.Fatalf("ShapeWithin(8, 5) with MOQ 12, pack 5: %+v, want 15", r)
	}
}

// _get_qty_to_order fires on float_compare(qty_forecast, product_min_qty) < 0, and the 18.0 field
// help reads "When the virtual stock goes below the Min Quantity": a forecast equal to the min
// orders nothing. No Odoo test sets a forecast at the min with a max above it; the rule is the code.
func TestAnchorOdooTriggerAtMin(t *testing.T) {
	// min 5, max 10, forecast 5: Odoo orders 0. With Odoo's trigger opskit agrees.
	if got := odooQty(t, odooPlanner(t), odooItem(5, 10, 1, Stock{OnHand: 5})); got != 0 {
		t.Fatalf("strictly below: %d, want 0", got)
	}
	// policy.go says PolicyMinMax is "the ERP reordering rule of Odoo and ERPNext: when the position
	// is at or below min, order up to max", and the planner's default trigger is AtOrBelow: it
	// orders 5 at a forecast of 5.
	p, err := NewPlanner(PlanConfig{Policy: PolicyMinMax})
	if err != nil {
		t.Fatal(err)
	}
	if got := odooQty(t, p, odooItem(5, 10, 1, Stock{OnHand: 5})); got != 5 {
		t.Fatalf("at or below: %d, want opskit's 5", got)
	}
	pol, _ := NewMinMaxPolicy(5, 10)
	if n, _ := pol.Need(5, AtOrBelow); n != 5 {
		t.Fatalf("Need(5) = %g, want opskit's 5", n)
	}
	// Documented: PolicyMinMax's doc says "Odoo orders only strictly below min (use the trigger
	// [StrictlyBelow])"; the default AtOrBelow is the textbook (s, S) trigger.
}

// _get_qty_to_order rounds up when product_max_qty is zero ("qty_to_order += qty_multiple -
// remainder"): the 0/0 orderpoint of the replenishment report with a multiple of 5 and a forecast
// of -3 orders 5. The field help: "The procurement quantity will be rounded up to a multiple".
func TestAnchorOdooZeroMaxRoundsUp(t *testing.T) {
	// Shaping alone, with no maximum, rounds up as Odoo does: 3 → 5 (modes_test has 7 → 10).
	r, err := MustShaping(0, 5, 0, WithPackRounding(PackRoundUpWithinMax)).Shape(3)
	if err != nil || r.Qty != 5 {
		t.Fatalf("Shape(3): %+v, %v", r, err)
	}
	// The same rule as an opskit policy: min/max 0/0 has no maximum (S = 0, as Odoo's max 0), so the
	// need 3 rounds up to 5 in the planner and in a backtest.
	if got := odooQty(t, odooPlanner(t), odooItem(0, 0, 5, Stock{Reserved: 3})); got != 5 {
		t.Fatalf("planner 0/0: %d, want Odoo's 5", got)
	}
	pol, _ := NewMinMaxPolicy(0, 0)
	if room := pol.room(-3); !math.IsInf(room, 1) {
		t.Fatalf("room of a 0/0 policy: %g, want +Inf", room)
	}
	if room := mustPolicy(NewMinMaxPolicy(0, 4)).room(-3); room != 7 {
		t.Fatalf("room of a 0/4 policy at -3: %g, want 7", room)
	}
	out := make([]BacktestResult, 1)
	_, err = Backtest([]BacktestSKU{{ID: "op", Policy: pol, Trigger: StrictlyBelow,
		Shaping: MustShaping(0, 5, 0, WithPackRounding(PackRoundUpWithinMax)), Demand: []int64{3, 0}, LeadDays: 1}}, Backorders, out)
	if err != nil || out[0].Orders != 1 || out[0].OrderedUnits != 5 {
		t.Fatalf("backtest 0/0: %+v, %v; want one order of 5", out[0], err)
	}
}

// A max above 0 always rounds down in Odoo (qty_to_order -= remainder); PackRoundUpWithinMax rounds
// down only when rounding up passes the room. Under min/max the need is the room (max - forecast),
// so rounding up with a remainder always passes it and the two agree. Cases from the rule: min 10,
// max 25, multiple 5, forecast 3 → 20 (modes_test's TestPackRoundUpWithinMaxOdoo); forecast 9 with
// max 12 → 0 (3 is below one multiple).
func TestAnchorOdooMaxRoundsDown(t *testing.T) {
	p := odooPlanner(t)
	for _, c := range []struct {
		minQty, maxQty float64
		onHand         int64
		want           int64
	}{{10, 25, 3, 20}, {10, 12, 9, 0}, {10, 25, 5, 20}, {10, 30, 9, 20}} {
		if got := odooQty(t, p, odooItem(c.minQty, c.maxQty, 5, Stock{OnHand: c.onHand})); got != c.want {
			t.Errorf("min %g max %g forecast %d: %d, want %d", c.minQty, c.maxQty, c.onHand, got, c.want)
		}
	}
}
