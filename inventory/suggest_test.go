package inventory

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var testNow = time.Date(2025, 6, 1, 8, 0, 0, 0, time.UTC)

const z95 = 1.6448536269514722

func testPlanner(t testing.TB, mod func(*PlanConfig)) Planner {
	t.Helper()
	csl, err := CycleServiceSafetyStock(0.95)
	require.NoError(t, err)
	cfg := PlanConfig{
		Policy:          PolicySS,
		SafetyStock:     csl,
		OrderCover:      14 * Day,
		OverstockCover:  90 * Day,
		SlowMovingAfter: 30 * Day,
		DeadAfter:       90 * Day,
	}
	if mod != nil {
		mod(&cfg)
	}
	p, err := NewPlanner(cfg)
	require.NoError(t, err)
	return p
}

// testItem sells 10 a day (σ 3) with a 5-day lead time: SS = 1.645·3·√5 = 11.03, ROP = 61.03,
// S = ROP + 14·10 = 201.03.
func testItem(onHand int64) Item {
	return Item{
		ID:       "SKU-1",
		Stock:    Stock{OnHand: onHand},
		Demand:   MustDemand(70, 3*math.Sqrt(7), Week), // 10 a day, σ 3 a day, given weekly
		Lead:     FixedLeadTime(5 * Day),
		LastSale: testNow.Add(-2 * time.Hour),
	}
}

func TestSuggestStatuses(t *testing.T) {
	p := testPlanner(t, nil)
	ss := z95 * 3 * math.Sqrt(5)
	rop := 50 + ss
	bigS := rop + 140
	tests := []struct {
		name       string
		give       Item
		wantStatus StockStatus
		wantQty    int64
	}{
		{"reorder", testItem(60), StatusReorder, int64(math.Ceil(bigS - 60))},
		{"below safety stock", testItem(10), StatusBelowSafetyStock, int64(math.Ceil(bigS - 10))},
		{"stockout", testItem(0), StatusStockout, int64(math.Ceil(bigS))},
		{"healthy", testItem(100), StatusHealthy, 0},
		{"overstock", testItem(901), StatusOverstock, 0},
		{"slow-moving", func() Item { it := testItem(100); it.LastSale = testNow.Add(-40 * Day); return it }(), StatusSlowMoving, 0},
		{"dead: never reorder", func() Item { it := testItem(10); it.LastSale = testNow.Add(-90 * Day); return it }(), StatusDead, 0},
		{"stockout beats dead: no sales because no stock", func() Item { it := testItem(0); it.LastSale = testNow.Add(-200 * Day); return it }(), StatusStockout, int64(math.Ceil(bigS))},
		{"inbound covers a stockout", func() Item { it := testItem(0); it.Stock.OnOrder = 150; return it }(), StatusStockout, 0},
		{"reserved presale stock is not available (INV-07)", func() Item { it := testItem(100); it.Stock.Reserved = 100; return it }(), StatusStockout, int64(math.Ceil(bigS))},
		{"held returns are not in the position (INV-26)", func() Item { it := testItem(100); it.Stock.Held = 50; return it }(), StatusReorder, int64(math.Ceil(bigS - 50))},
	}
	for _, tt := range tests {
		got, err := p.Suggest(tt.give, testNow)
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.wantStatus, got.Status, "%s: status", tt.name)
		assert.Equal(t, tt.wantQty, got.Qty, "%s: qty", tt.name)
		assert.Equal(t, tt.wantStatus, got.Why.Rule, tt.name)
		assert.InDelta(t, ss, got.Why.SafetyStock, 1e-9, tt.name)
		assert.InDelta(t, rop, got.Why.ReorderPoint, 1e-9, tt.name)
	}
}

func TestSuggestDatesAndExplanation(t *testing.T) {
	p := testPlanner(t, func(c *PlanConfig) { c.OrderCover = 0 })
	it := testItem(60)
	it.OrderCost, it.HoldingCost = 50, 2 // EOQ = √(2·3650·50/2) = 427.2
	it.Shaping = MustShaping(100, 24, 0)
	got, err := p.Suggest(it, testNow)
	require.NoError(t, err)
	eoq := math.Sqrt(2 * 3650 * 50 / 2.0)
	assert.Equal(t, QtyEOQ, got.Why.QtySource)
	assert.InDelta(t, eoq, got.Why.CycleQty, 1e-9)
	ss := z95 * 3 * math.Sqrt(5)
	need := 50 + ss + eoq - 60
	assert.InDelta(t, need, got.Why.Shaped.Need, 1e-9)
	assert.Equal(t, int64(math.Ceil(need/24))*24, got.Qty)
	assert.InDelta(t, 6.0, got.DaysOfCover, 1e-12)
	assert.Equal(t, testNow.Add(6*Day), got.StockoutAt)
	assert.Equal(t, testNow.Add(Day), got.OrderBy, "stockout minus the 5-day lead time")
	assert.Equal(t, 10.0, got.Why.DemandPerDay)
	assert.InDelta(t, 3.0, got.Why.DemandSDDay, 1e-12)
	assert.Equal(t, 5.0, got.Why.LeadDays)
	assert.InDelta(t, 2.0/24, got.Why.DaysSinceSale, 1e-12)

	want := `SKU-1: at or below reorder point, order 432, cover 6 days, stockout 2025-06-07 08:00, order by 2025-06-02 08:00
rule: reorder: position 60 ≤ reorder point 61.03
demand 10/day (σ 3), lead time 5 days (σ 0)
safety stock 11.03 (cycle service level 95%: z 1.64 × σ 3 × √5 days)
reorder point 61.03 = 10/day × 5 days + 11.03
policy (s, S): s 61.03, S 488.23 = s + 427.2 (EOQ)
stock: on hand 60 (held 0), on order 0, backorders 0, reserved 0 → position 60, available 60
order: need 428.23 → 429 units → pack multiple 432 → order 432`
	assert.Equal(t, want, got.String())
}

// INV-04 and INV-01: a hero item keeps at least 30 units of safety stock, and a hand-set warning line
// fires only when the position is strictly below it.
func TestSuggestHeroAndWarningLine(t *testing.T) {
	p := testPlanner(t, nil)
	hero := testItem(75)
	hero.MinSafetyStock = 30
	got, err := p.Suggest(hero, testNow)
	require.NoError(t, err)
	assert.True(t, got.Why.SafetyFloored)
	assert.Equal(t, 30.0, got.Why.SafetyStock)
	assert.Equal(t, 80.0, got.Why.ReorderPoint)
	assert.Equal(t, StatusReorder, got.Status)
	assert.Contains(t, got.Why.String(), "raised to the item's floor")

	strict := testPlanner(t, func(c *PlanConfig) { c.Trigger = StrictlyBelow })
	line := testItem(40)
	line.WarningLine = 40
	got, err = strict.Suggest(line, testNow)
	require.NoError(t, err)
	assert.Equal(t, StatusHealthy, got.Status, "40 is not below the line 40")
	assert.Equal(t, int64(0), got.Qty)
	assert.Contains(t, got.Why.String(), "warning line set by hand")
	line.Stock.OnHand = 39
	got, err = strict.Suggest(line, testNow)
	require.NoError(t, err)
	assert.Equal(t, StatusReorder, got.Status)
	assert.Contains(t, got.Why.String(), "position 39 < reorder point 40")
}

func TestSuggestPolicies(t *testing.T) {
	ss := z95 * 3 * math.Sqrt(5)
	rop := 50 + ss
	tests := []struct {
		name     string
		cfg      func(*PlanConfig)
		item     func(*Item)
		wantNeed float64
	}{
		{"(s, Q) fixed Q, two multiples", func(c *PlanConfig) { c.Policy = PolicySQ }, func(it *Item) { it.OrderQty = 40; it.Stock.OnHand = 10 }, 80},
		{"(s, Q) order cover", func(c *PlanConfig) { c.Policy = PolicySQ }, func(it *Item) { it.Stock.OnHand = 60 }, 140},
		{"(r, Q) EOQ", func(c *PlanConfig) { c.Policy = PolicyRQ }, func(it *Item) { it.OrderCost, it.HoldingCost = 50, 2; it.Stock.OnHand = 60 }, math.Sqrt(2 * 3650 * 50 / 2.0)},
		{"min/max hand-set max", func(c *PlanConfig) { c.Policy = PolicyMinMax }, func(it *Item) { it.MaxStock = 300; it.Stock.OnHand = 60 }, 240},
		{"(R, S) healthy still orders up to S", func(c *PlanConfig) { c.Policy = PolicyRS; c.Review = 7 * Day }, func(it *Item) { it.Stock.OnHand = 100 },
			10*12 + z95*3*math.Sqrt(12) - 100},
		{"(R, S) hand-set S", func(c *PlanConfig) { c.Policy = PolicyRS; c.Review = 7 * Day }, func(it *Item) { it.MaxStock = 250; it.Stock.OnHand = 100 }, 150},
	}
	for _, tt := range tests {
		p := testPlanner(t, tt.cfg)
		it := testItem(0)
		tt.item(&it)
		got, err := p.Suggest(it, testNow)
		require.NoError(t, err, tt.name)
		assert.InDelta(t, tt.wantNeed, got.Why.Shaped.Need, 1e-9, tt.name)
		assert.NotEmpty(t, got.Why.String(), tt.name)
	}
	_ = rop

	// The fill-rate rule works with every policy: with Q = 2 days of demand (continuous review) or
	// μ·R = 70 (periodic review) a 98 % fill rate needs some safety stock.
	fill, _ := FillRateSafetyStock(0.98)
	for _, kind := range []PolicyKind{PolicySQ, PolicySS, PolicyMinMax, PolicyRS} {
		p := testPlanner(t, func(c *PlanConfig) {
			c.Policy, c.SafetyStock, c.OrderCover = kind, fill, 2*Day
			if kind == PolicyRS {
				c.Review = 7 * Day
			}
		})
		it := testItem(30)
		got, err := p.Suggest(it, testNow)
		require.NoError(t, err, kind.String())
		assert.Greater(t, got.Why.SafetyStock, 0.0, kind.String())
		assert.False(t, math.IsNaN(got.Why.SafetyStock))
	}
}

func TestSuggestZeroDemand(t *testing.T) {
	p := testPlanner(t, func(c *PlanConfig) { c.OverstockCover = 0 })
	it := testItem(5)
	it.Demand = MustDemand(0, 0, Day)
	got, err := p.Suggest(it, testNow)
	require.NoError(t, err)
	assert.True(t, math.IsInf(got.DaysOfCover, 1))
	assert.True(t, got.StockoutAt.IsZero())
	assert.True(t, got.OrderBy.IsZero())
	assert.Equal(t, int64(0), got.Qty)
	assert.Equal(t, StatusHealthy, got.Status)
	assert.Contains(t, got.String(), "cover ∞ days")

	it.Stock.OnHand = 0
	got, err = p.Suggest(it, testNow)
	require.NoError(t, err)
	assert.Equal(t, StatusStockout, got.Status)
	assert.Equal(t, int64(0), got.Qty, "no demand, no order")
	assert.Equal(t, 0.0, got.DaysOfCover)
}

func TestSuggestExplanationRules(t *testing.T) {
	p := testPlanner(t, nil)
	for _, tt := range []struct {
		give Item
		want string
	}{
		{testItem(0), "rule: stockout: available 0 ≤ 0"},
		{testItem(10), "rule: below safety stock: position 10 < safety stock 11.03"},
		{testItem(100), "rule: healthy: position 100 above reorder point 61.03"},
		{testItem(901), "rule: overstock: position 901 > 90 days × 10/day = 900"},
		{func() Item { it := testItem(100); it.LastSale = testNow.Add(-40 * Day); return it }(), "rule: slow-moving: no sale for 40 days ≥ 30"},
		{func() Item { it := testItem(100); it.LastSale = testNow.Add(-100 * Day); return it }(), "rule: dead: no sale for 100 days ≥ 90; do not reorder"},
	} {
		got, err := p.Suggest(tt.give, testNow)
		require.NoError(t, err)
		assert.True(t, strings.HasPrefix(got.Why.String(), tt.want), "got %q, want prefix %q", got.Why.String(), tt.want)
	}
	assert.Equal(t, "invalid input", Explanation{}.rule())
	assert.Equal(t, "x: invalid, order 0", Suggestion{ID: "x"}.String())
}

func TestSuggestErrors(t *testing.T) {
	p := testPlanner(t, nil)
	rq := testPlanner(t, func(c *PlanConfig) { c.Policy = PolicyRQ })
	tests := []struct {
		name    string
		planner Planner
		give    func(*Item)
		want    error
	}{
		{"negative on hand", p, func(it *Item) { it.Stock.OnHand = -1 }, ErrNegative},
		{"zero demand value", p, func(it *Item) { it.Demand = Demand{} }, ErrNotPositive},
		{"NaN warning line", p, func(it *Item) { it.WarningLine = math.NaN() }, ErrNotFinite},
		{"negative order qty", p, func(it *Item) { it.OrderQty = -1 }, ErrNegative},
		{"last sale in the future", p, func(it *Item) { it.LastSale = testNow.Add(time.Hour) }, ErrPolicy},
		{"max below reorder point", p, func(it *Item) { it.MaxStock = 10 }, ErrPolicy},
		{"(r, Q) without costs", rq, func(*Item) {}, ErrNotPositive},
		{"zero planner", Planner{}, func(*Item) {}, ErrPolicy},
		{"need too large", p, func(it *Item) { it.Demand = MustDemand(1e15, 0, time.Nanosecond) }, ErrTooLarge},
		{"need above MaxQty from 1e15 a minute", p, func(it *Item) { it.Demand = MustDemand(1e15, 0, time.Minute) }, ErrTooLarge},
	}
	for _, tt := range tests {
		it := testItem(10)
		tt.give(&it)
		_, err := tt.planner.Suggest(it, testNow)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
}

func TestNewPlannerErrors(t *testing.T) {
	csl, _ := CycleServiceSafetyStock(0.9)
	base := PlanConfig{Policy: PolicySS, SafetyStock: csl}
	tests := []struct {
		name string
		give func(*PlanConfig)
		want error
	}{
		{"no policy", func(c *PlanConfig) { c.Policy = 0 }, ErrInvalidEnum},
		{"unknown safety method", func(c *PlanConfig) { c.SafetyStock = SafetyStock{method: 9} }, ErrInvalidEnum},
		{"unknown class safety method", func(c *PlanConfig) { c.ClassSafety.B = SafetyStock{method: 6} }, ErrInvalidEnum},
		{"bad trigger", func(c *PlanConfig) { c.Trigger = 7 }, ErrInvalidEnum},
		{"(R, S) without review", func(c *PlanConfig) { c.Policy = PolicyRS }, ErrNotPositive},
		{"review with continuous policy", func(c *PlanConfig) { c.Review = Day }, ErrPolicy},
		{"negative cover", func(c *PlanConfig) { c.OrderCover = -Day }, ErrNegative},
		{"dead before slow", func(c *PlanConfig) { c.SlowMovingAfter = 60 * Day; c.DeadAfter = 30 * Day }, ErrPolicy},
	}
	for _, tt := range tests {
		cfg := base
		tt.give(&cfg)
		_, err := NewPlanner(cfg)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
	p, err := NewPlanner(base)
	require.NoError(t, err)
	assert.Equal(t, PolicySS, p.Config().Policy)
}

func TestSuggestBatch(t *testing.T) {
	p := testPlanner(t, nil)
	items := []Item{testItem(60), testItem(10), testItem(100), testItem(-5), testItem(0)}
	items[3].ID = "BAD"
	out := make([]Suggestion, len(items))
	invalid, err := p.SuggestBatch(items, testNow, out)
	assert.Equal(t, int64(1), invalid)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrNegative)
	assert.Contains(t, err.Error(), `items[3].stock.on_hand -5: negative: item "BAD"`)
	assert.Equal(t, Suggestion{ID: "BAD"}, out[3])
	for i, it := range items {
		if i == 3 {
			continue
		}
		want, err := p.Suggest(it, testNow)
		require.NoError(t, err)
		assert.Equal(t, want, out[i], "batch and single agree on item %d", i)
	}
	_, err = p.SuggestBatch(items, testNow, out[:2])
	assert.ErrorIs(t, err, ErrLength)
}

func TestSuggestBatchAllocs(t *testing.T) {
	p := testPlanner(t, nil)
	items := make([]Item, 100)
	for i := range items {
		items[i] = testItem(int64(i * 7))
	}
	out := make([]Suggestion, len(items))
	allocs := testing.AllocsPerRun(20, func() {
		if _, err := p.SuggestBatch(items, testNow, out); err != nil {
			t.Fatal(err)
		}
	})
	assert.Equal(t, 0.0, allocs, "SuggestBatch allocations per batch of 100")
}

func TestStatusStrings(t *testing.T) {
	want := map[StockStatus]string{
		StatusInvalid: "invalid", StatusStockout: "stockout", StatusDead: "dead",
		StatusBelowSafetyStock: "below safety stock", StatusReorder: "at or below reorder point",
		StatusSlowMoving: "slow-moving", StatusOverstock: "overstock", StatusHealthy: "healthy", StockStatus(42): "StockStatus(42)",
	}
	for s, w := range want {
		assert.Equal(t, w, s.String())
	}
	assert.Equal(t, "fixed", QtyFixed.String())
	assert.Equal(t, "order cover", QtyCover.String())
	assert.Equal(t, "none", QtyNone.String())
}

func TestExplanationSafetyFormulas(t *testing.T) {
	cover, _ := CoverSafetyStock(3 * Day)
	lt, _ := CycleServiceLeadTimeSafetyStock(0.95)
	fill, _ := FillRateSafetyStock(0.98)
	fixed, _ := FixedSafetyStock(12)
	tests := []struct {
		give SafetyStock
		want string
	}{
		{cover, "safety stock 30 (3 days of cover × 10/day)"},
		{lt, "safety stock 11.03 (cycle service level with lead-time variability 95%: z 1.64 × √(5 days × σ 3² + 10² × σ_L 0²))"},
		{fill, "(fill rate 98%: k from the loss function over 5 days)"},
		{fixed, "safety stock 12 (fixed 12 units)"},
	}
	for _, tt := range tests {
		p := testPlanner(t, func(c *PlanConfig) { c.SafetyStock = tt.give })
		got, err := p.Suggest(testItem(60), testNow)
		require.NoError(t, err)
		assert.Contains(t, got.Why.String(), tt.want)
	}
}
