package inventory

import "testing"

// Anchors from ERPNext's reorder rule (erpnext/stock/reorder_item.py, _reorder_item and
// create_material_request), its tests (erpnext/stock/doctype/material_request/
// test_material_request.py _test_auto_material_request, erpnext/stock/report/stock_projected_qty/
// test_stock_projected_qty.py), the Bin's projected quantity (erpnext/stock/doctype/bin/bin.py
// set_projected_qty) and the Item Reorder validation (erpnext/stock/doctype/item/item.py
// validate_warehouse_for_reorder).
//
// ERPNext's rule: when (reorder_level or reorder_qty) and projected_qty <= reorder_level, request
// max(reorder_qty, reorder_level - projected_qty); in a purchase UOM of conversion factor c the
// request is qty / c, rounded up when the UOM must be a whole number. projected_qty = actual +
// ordered + indented (requested) + planned - reserved - reserved for production - reserved for
// subcontracting - reserved for a production plan. The mapping used here: actual is OnHand, the
// incoming quantities (ordered, indented, planned) are OnOrder, the reserved ones Reserved; the
// rule is [NewTopUpPolicy] (in a planner, [PolicyTopUp] with the level as the item's warning line
// and the reorder qty as its OrderQty) under the default trigger AtOrBelow; a whole-number purchase
// UOM of c stock units is a pack of c rounded up.

// erpnextPlanner is a planner running ERPNext's rule on hand-set levels: no safety stock, no demand.
func erpnextPlanner(t *testing.T) Planner {
	t.Helper()
	p, err := NewPlanner(PlanConfig{Policy: PolicyTopUp})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// erpnextQty runs the planner on an Item Reorder row: level, qty, a purchase pack and a Bin.
func erpnextQty(t *testing.T, level, qty float64, pack int64, st Stock) int64 {
	t.Helper()
	it := Item{ID: "item", Stock: st, Demand: MustDemand(0, 0, Day), Lead: FixedLeadTime(Day),
		WarningLine: level, OrderQty: qty, Shaping: MustShaping(0, pack, 0)}
	sg, err := erpnextPlanner(t).Suggest(it, testNow)
	if err != nil {
		t.Fatalf("level %g qty %g %+v: %v", level, qty, st, err)
	}
	return sg.Qty
}

// test_stock_projected_qty.py: test_projected_qty_includes_actual_and_ordered (10 actual + 5 ordered
// = 15) and test_projected_qty_includes_all_quantity_components (100 + 50 + 30 + 20 - 10 - 8 - 6 - 4
// = 172) — the projected quantity is opskit's inventory position.
func TestAnchorERPNextProjectedQty(t *testing.T) {
	for _, c := range []struct {
		name string
		st   Stock
		want int64
	}{
		{"test_projected_qty_includes_actual_and_ordered", Stock{OnHand: 10, OnOrder: 5}, 15},
		{"test_projected_qty_includes_all_quantity_components", Stock{OnHand: 100, OnOrder: 50 + 30 + 20, Reserved: 10 + 8 + 6 + 4}, 172},
	} {
		got, err := c.st.Position()
		if err != nil || got != c.want {
			t.Errorf("%s: %d, %v; want %d", c.name, got, err, c.want)
		}
	}
}

func TestAnchorERPNextReorder(t *testing.T) {
	for _, c := range []struct {
		name         string
		level, qty   float64
		st           Stock
		want         int64
		shortageWant float64 // reorder level - projected qty, the deficiency
	}{
		// test_stock_projected_qty.py test_shortage_qty_from_reorder_level: level 20, qty 15, 10 in
		// stock → shortage_qty 10 ("reorder level 20 - projected 10"); reorder_item.py then requests
		// max(15, 10) = 15.
		{"test_shortage_qty_from_reorder_level", 20, 15, Stock{OnHand: 10}, 15, 10},
		// test_material_request.py _test_auto_material_request (test_auto_material_request_for_variant,
		// level 20, qty 20): stock reconciled to 10, projected 10 < 20 → a Material Request for the
		// item; reorder_item.py requests max(20, 20 - 10) = 20. The Transfer type requests the same.
		{"_test_auto_material_request", 20, 20, Stock{OnHand: 10}, 20, 10},
		// reorder_item.py: projected_qty <= reorder_level fires at the level: max(20, 0) = 20.
		{"projected at the level", 20, 20, Stock{OnHand: 20}, 20, 0},
		{"projected above the level", 20, 20, Stock{OnHand: 21}, 0, -1},
		// A deficiency above the reorder qty is requested whole: projected 10 + 5 - 30 = -15,
		// level 20 → max(20, 35) = 35.
		{"deficiency above the qty", 20, 20, Stock{OnHand: 10, OnOrder: 5, Reserved: 30}, 35, 35},
	} {
		if got := erpnextQty(t, c.level, c.qty, 1, c.st); got != c.want {
			t.Errorf("%s: planner %d, want %d", c.name, got, c.want)
		}
		pos, _ := c.st.Position()
		pol, err := NewTopUpPolicy(c.level, c.qty)
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := pol.Need(pos, AtOrBelow); n != float64(c.want) {
			t.Errorf("%s: Need = %g, want %d", c.name, n, c.want)
		}
		if d := c.level - float64(pos); d != c.shortageWant {
			t.Errorf("%s: shortage %g, want %g", c.name, d, c.shortageWant)
		}
	}
}

// item.py validate_warehouse_for_reorder: "if d.warehouse_reorder_level and not
// d.warehouse_reorder_qty: Please set reorder quantity"; a qty with no level is allowed, and
// reorder_item.py then fires at a projected quantity of 0 or less.
func TestAnchorERPNextReorderRow(t *testing.T) {
	wantErr(t, "level 20 without qty", errOnly(NewTopUpPolicy(20, 0)), ErrNotPositive)
	pol, err := NewTopUpPolicy(0, 50)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		pos  int64
		want float64
	}{{1, 0}, {0, 50}, {-70, 70}} {
		if n, _ := pol.Need(c.pos, AtOrBelow); n != c.want {
			t.Errorf("level 0 qty 50, projected %d: %g, want %g", c.pos, n, c.want)
		}
	}
	// In the planner a warning line of 0 is "not set", and with no demand or safety stock the reorder
	// point it falls back to is 0 as well.
	if got := erpnextQty(t, 0, 50, 1, Stock{}); got != 50 {
		t.Errorf("planner level 0 qty 50: %d, want 50", got)
	}
}

// reorder_item.py create_material_request: for a Purchase request the qty is reorder_qty divided by
// the purchase UOM's conversion factor, rounded up (ceil) when the UOM must be a whole number. A box
// of 12: a request of 20 is ceil(20/12) = 2 boxes = 24 units; a deficiency of 35 is 3 boxes = 36. In a
// UOM that may be fractional (Kg of 5 units: 20/5 = 4 Kg) the request stays 20 units: a pack of 1.
func TestAnchorERPNextPurchaseUOM(t *testing.T) {
	for _, c := range []struct {
		name string
		pack int64
		st   Stock
		want int64
	}{
		{"whole box of 12, qty 20", 12, Stock{OnHand: 10}, 24},
		{"whole box of 12, deficiency 35", 12, Stock{OnHand: 10, OnOrder: 5, Reserved: 30}, 36},
		{"fractional UOM", 1, Stock{OnHand: 10}, 20},
	} {
		if got := erpnextQty(t, 20, 20, c.pack, c.st); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}

// reorder_item.py orders one quantity, never a multiple: at projected -15 with level 20 and qty 20
// it requests 35. opskit's (s, Q) orders the smallest n·Q above the level, 40; policy.go documents
// the contrast: "Unlike (s, Q) it orders one quantity, never a multiple, and unlike (s, S) it has no
// maximum."
func TestAnchorERPNextNotSQ(t *testing.T) {
	sq, _ := NewSQPolicy(20, 20)
	if n, _ := sq.Need(-15, AtOrBelow); n != 40 {
		t.Fatalf("(s, Q) Need(-15) = %g, want 40", n)
	}
	top, _ := NewTopUpPolicy(20, 20)
	if n, _ := top.Need(-15, AtOrBelow); n != 35 {
		t.Fatalf("top-up Need(-15) = %g, want ERPNext's 35", n)
	}
}

// ERPNext's Item Reorder row is not min/max (policy.go once called PolicyMinMax "the ERP
// reordering rule of Odoo and ERPNext"; it now names PolicyTopUp for ERPNext). The row has no max: with
// level 20 and qty 20 at projected 10 it requests 20 (test above). Min/max with min 20 and the max
// a user would read off the row, level + qty = 40, orders 30; no max reproduces ERPNext at every
// position (max 30 matches at projected 10 but orders 30 at projected 0, where ERPNext requests 20).
func TestAnchorERPNextNotMinMax(t *testing.T) {
	mm, _ := NewMinMaxPolicy(20, 40)
	if n, _ := mm.Need(10, AtOrBelow); n != 30 {
		t.Fatalf("min/max 20/40 Need(10) = %g, want opskit's 30", n)
	}
	mm30, _ := NewMinMaxPolicy(20, 30)
	if n, _ := mm30.Need(0, AtOrBelow); n != 30 {
		t.Fatalf("min/max 20/30 Need(0) = %g, want opskit's 30", n)
	}
	// Documented (policy.go, PolicyMinMax): "ERPNext's rule, which has no max, is [PolicyTopUp]".
	top, _ := NewTopUpPolicy(20, 20)
	if n, _ := top.Need(10, AtOrBelow); n != 20 {
		t.Fatalf("top-up Need(10) = %g, want ERPNext's 20", n)
	}
}

// reorder_item.py: "if (reorder_level or reorder_qty)" — a row with both at 0 requests nothing.
// NewTopUpPolicy refuses a qty of 0.
func TestAnchorERPNextEmptyRow(t *testing.T) {
	wantErr(t, "level 0 qty 0", errOnly(NewTopUpPolicy(0, 0)), ErrNotPositive)
	// Documented (doc.go): "a row with level and qty 0, which ERPNext keeps and never fires, is no
	// policy here: [NewTopUpPolicy] refuses a qty of 0".
}
