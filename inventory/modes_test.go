package inventory

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPackRoundingModes(t *testing.T) {
	up := MustShaping(20, 12, 0)
	down := MustShaping(20, 12, 0, WithPackRounding(PackRoundDown))
	downCap := MustShaping(20, 12, 60, WithPackRounding(PackRoundDown))
	for _, tc := range []struct {
		name string
		s    Shaping
		need float64
		want int64
		text string
	}{
		{"up: 30 → pack 36", up, 30, 36, "need 30 → pack multiple 36 → order 36"},
		// MOQ 20, pack 12: allowed orders are 24, 36, 48, ...; the largest not above 30 is 24.
		{"down: 30 → 24", down, 30, 24, "need 30 → rounded down to pack multiple 24 → order 24"},
		{"down: 36 stays", down, 36, 36, "need 36 → rounded down to pack multiple 36 → order 36"},
		{"down: 35.9 → 24, never above the need", down, 35.9, 24, "need 35.9 → 36 units → rounded down to pack multiple 24 → order 24"},
		{"down: below the smallest order → 0", down, 23.9, 0, "need 23.9 → 24 units → rounded down below the smallest order → order 0"},
		{"down with cap 60: 100 → 96 → 60", downCap, 100, 60, "need 100 → rounded down to pack multiple 96 → cap 60 → order 60"},
		{"down: zero need", down, 0, 0, "need 0 → order 0"},
	} {
		r, err := tc.s.Shape(tc.need)
		require.NoError(t, err, tc.name)
		assert.Equal(t, tc.want, r.Qty, tc.name)
		assert.Equal(t, tc.text, r.String(), tc.name)
	}
	assert.Equal(t, PackRoundDown, down.Rounding())
	assert.Equal(t, PackRoundUp, Shaping{}.Rounding())
}

// Odoo 18's reordering rule (addons/stock/models/stock_orderpoint.py, _get_qty_to_order): with min
// 10, max 25, a forecast of 3 and a multiple of 5, qty_to_order = 25 - 3 = 22 and the remainder 2 is
// taken off (a max is set): 20, so the stock stays within the max (3 + 20 = 23 ≤ 25). Without a max
// (max 0) the order is min - forecast = 7, rounded up to 10.
func TestPackRoundUpWithinMaxOdoo(t *testing.T) {
	s := MustShaping(0, 5, 0, WithPackRounding(PackRoundUpWithinMax))
	r, err := s.ShapeWithin(22, 22)
	require.NoError(t, err)
	assert.Equal(t, int64(20), r.Qty)
	assert.True(t, r.Down)
	r, err = s.Shape(7) // no maximum
	require.NoError(t, err)
	assert.Equal(t, int64(10), r.Qty)
	assert.False(t, r.Down)
	r, err = s.ShapeWithin(20, 22) // 20 is on a multiple: no rounding needed
	require.NoError(t, err)
	assert.Equal(t, int64(20), r.Qty)
	r, err = s.ShapeWithin(21, 24) // up to 25 > 24: down to 20
	require.NoError(t, err)
	assert.Equal(t, int64(20), r.Qty)
	r, err = s.ShapeWithin(21, 25) // up to 25 fits exactly
	require.NoError(t, err)
	assert.Equal(t, int64(25), r.Qty)
	// As in Odoo, a need below one multiple within the max orders nothing: max 12, forecast 9.
	r, err = s.ShapeWithin(3, 3)
	require.NoError(t, err)
	assert.Equal(t, int64(0), r.Qty)
	_, err = s.ShapeWithin(3, -1)
	assert.ErrorIs(t, err, ErrNegative)

	// In a planner: min/max with a hand-set max of 200 and a pack of 12. Reorder point
	// 10·5 + 1.645·3·√5 = 61.03; at position 60 the need is 200 - 60 = 140: rounding up gives 144,
	// which would pass the max, so Odoo's rule orders 132; the default rounding orders 144.
	it := testItem(60)
	it.MaxStock = 200
	it.Shaping = MustShaping(0, 12, 0, WithPackRounding(PackRoundUpWithinMax))
	p := testPlanner(t, func(c *PlanConfig) { c.Policy = PolicyMinMax })
	sg, err := p.Suggest(it, testNow)
	require.NoError(t, err)
	assert.Equal(t, StatusReorder, sg.Status)
	assert.Equal(t, int64(132), sg.Qty)
	it.Shaping = MustShaping(0, 12, 0)
	sg, err = p.Suggest(it, testNow)
	require.NoError(t, err)
	assert.Equal(t, int64(144), sg.Qty)
	// (s, Q) has no maximum: the same shaping rounds up. Q = 14 days × 10 = 140 → 144.
	it.MaxStock = 0
	it.Shaping = MustShaping(0, 12, 0, WithPackRounding(PackRoundUpWithinMax))
	sg, err = testPlanner(t, func(c *PlanConfig) { c.Policy = PolicySQ }).Suggest(it, testNow)
	require.NoError(t, err)
	assert.Equal(t, int64(144), sg.Qty)
}

// ERPNext's reorder rule (erpnext/stock/reorder_item.py): at or below the reorder level, order the
// reorder qty, or the deficiency level - projected qty when that is larger.
func TestTopUpPolicy(t *testing.T) {
	p, err := NewTopUpPolicy(20, 50)
	require.NoError(t, err)
	for _, tc := range []struct {
		position int64
		want     float64
	}{
		{21, 0},   // above the level
		{20, 50},  // at the level (projected_qty <= reorder_level): the reorder qty
		{5, 50},   // deficiency 15 < 50
		{-40, 60}, // deficiency 60 > 50: ERPNext orders the deficiency
	} {
		got, err := p.Need(tc.position, AtOrBelow)
		require.NoError(t, err)
		assert.Equal(t, tc.want, got, "position %d", tc.position)
	}
	got, err := p.Need(20, StrictlyBelow)
	require.NoError(t, err)
	assert.Equal(t, 0.0, got)
	assert.Equal(t, "reorder level + reorder qty level=20 qty=50", p.String())
	assert.Equal(t, PolicyTopUp, p.Kind())
	assert.Equal(t, 50.0, p.OrderQty())

	// In a planner: the reorder level is μ·L + SS = 61.03 and the qty the item's OrderQty 100.
	pl := testPlanner(t, func(c *PlanConfig) { c.Policy = PolicyTopUp })
	it := testItem(0)
	it.OrderQty = 100
	sg, err := pl.Suggest(it, testNow)
	require.NoError(t, err)
	assert.Equal(t, int64(100), sg.Qty, "deficiency 61.03 < 100")
	it.Stock.Backorders = 80 // position -80: deficiency 141.03 > 100 → 142 units
	sg, err = pl.Suggest(it, testNow)
	require.NoError(t, err)
	assert.Equal(t, int64(142), sg.Qty)
	assert.Contains(t, sg.Why.String(), "policy reorder level + reorder qty: level 61.03, qty 100 (fixed)")

	for _, tc := range []struct {
		level, qty float64
		want       error
	}{{10, 0, ErrNotPositive}, {2e15, 1, ErrTooLarge}, {10, 2e15, ErrTooLarge}, {10, -1, ErrNotPositive}} {
		_, err := NewTopUpPolicy(tc.level, tc.qty)
		assert.ErrorIs(t, err, tc.want)
	}
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Equal(t, `{"kind":"top_up","reorder_level":20,"order_up_to":0,"order_qty":50,"review":"0s"}`, string(b))
	var back Policy
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, p, back)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"kind":"top_up","reorder_level":20,"order_up_to":5,"order_qty":50,"review":"0s"}`), &back), ErrPolicy)
}

func TestABCBoundary(t *testing.T) {
	items := []ABCItem{{"x", decimal.NewFromInt(70)}, {"y", decimal.NewFromInt(20)}, {"z", decimal.NewFromInt(10)}}
	classes := func(cuts ABCCuts, items []ABCItem) []ABCClass {
		r, err := ABC(items, cuts)
		require.NoError(t, err)
		out := make([]ABCClass, len(r))
		for i, x := range r {
			out[i] = x.Class
		}
		return out
	}
	down, err := NewABCCuts(decimal.New(8, -1), decimal.New(15, -2), decimal.New(5, -2), WithABCBoundary(CrossingDown))
	require.NoError(t, err)
	assert.Equal(t, CrossingDown, down.Boundary())
	assert.Equal(t, CrossingUp, DefaultABCCuts().Boundary())
	// y takes the cumulative share from 70 % to 90 %, crossing the 80 % cut: A by default, B down;
	// z takes it from 90 % to 100 %, crossing 95 %: B by default, C down.
	assert.Equal(t, []ABCClass{ClassA, ClassA, ClassB}, classes(DefaultABCCuts(), items))
	assert.Equal(t, []ABCClass{ClassA, ClassB, ClassC}, classes(down, items))
	// An item exactly at the cut stays in the class under both rules: 80 then 20.
	exact := []ABCItem{{"x", decimal.NewFromInt(80)}, {"y", decimal.NewFromInt(15)}, {"z", decimal.NewFromInt(5)}}
	assert.Equal(t, []ABCClass{ClassA, ClassB, ClassC}, classes(DefaultABCCuts(), exact))
	assert.Equal(t, []ABCClass{ClassA, ClassB, ClassC}, classes(down, exact))
	// One item worth 95 %: A by default, B down (A is empty).
	one := []ABCItem{{"x", decimal.NewFromInt(95)}, {"y", decimal.NewFromInt(5)}}
	assert.Equal(t, []ABCClass{ClassA, ClassC}, classes(DefaultABCCuts(), one))
	assert.Equal(t, []ABCClass{ClassB, ClassC}, classes(down, one))
	zero := []ABCItem{{"x", decimal.Zero}}
	assert.Equal(t, []ABCClass{ClassC}, classes(down, zero))

	b, err := json.Marshal(down)
	require.NoError(t, err)
	assert.Equal(t, `{"a":"0.8","b":"0.15","c":"0.05","boundary":"down"}`, string(b))
	var back ABCCuts
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, CrossingDown, back.Boundary())
	assert.Equal(t, "crossing item down", CrossingDown.String())
}

func TestOptions(t *testing.T) {
	one := decimal.New(1, 0)
	third := decimal.New(1, -1)
	for _, tc := range []struct {
		name  string
		err   error
		field string
		want  error
	}{
		{"shaping takes no boundary", second(NewShaping(1, 1, 0, WithABCBoundary(CrossingDown))), "WithABCBoundary", ErrPolicy},
		{"unknown rounding", second(NewShaping(1, 1, 0, WithPackRounding(3))), "WithPackRounding", ErrInvalidEnum},
		{"cuts take no rounding", second(NewABCCuts(one.Sub(third).Sub(third), third, third, WithPackRounding(PackRoundDown))), "WithPackRounding", ErrPolicy},
		{"unknown boundary", second(NewABCCuts(one.Sub(third).Sub(third), third, third, WithABCBoundary(2))), "WithABCBoundary", ErrInvalidEnum},
	} {
		var fe *FieldError
		require.ErrorAs(t, tc.err, &fe, tc.name)
		assert.Equal(t, tc.field, fe.Field, tc.name)
		assert.ErrorIs(t, tc.err, tc.want, tc.name)
	}
	s, err := NewShaping(1, 1, 0, nil)
	require.NoError(t, err, "a nil option is ignored")
	assert.Equal(t, PackRoundUp, s.Rounding())
	s = MustShaping(6, 6, 0, WithPackRounding(PackRoundUpWithinMax))
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Equal(t, `{"moq":6,"pack":6,"cap":0,"rounding":"up_within_max"}`, string(b))
	var back Shaping
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, s, back)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"moq":6,"pack":6,"cap":0,"rounding":"sideways"}`), &back), ErrInvalidEnum)
	assert.Equal(t, "round up within max", PackRoundUpWithinMax.String())
}
