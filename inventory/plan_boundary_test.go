package inventory

import (
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every documented limit of issue 16's functions holds at its edge and fails one step beyond
// (written for the mutation pass: each case kills a boundary mutant).
func TestPlanLimitsAtTheEdge(t *testing.T) {
	base := BacktestSKU{ID: "e", Policy: mustPolicy(NewMinMaxPolicy(5, 10)), Demand: []int64{1}, OnHand: 1, LeadDays: 1}
	run := func(mod func(*BacktestSKU)) error {
		sk := base
		mod(&sk)
		_, err := Backtest([]BacktestSKU{sk}, LostSales, make([]BacktestResult, 1))
		return err
	}
	for _, tc := range []struct {
		name string
		ok   func(*BacktestSKU)
		bad  func(*BacktestSKU)
		want error
	}{
		{"days", func(s *BacktestSKU) { s.Demand = make([]int64, MaxBacktestDays) }, func(s *BacktestSKU) { s.Demand = make([]int64, MaxBacktestDays+1) }, ErrTooLarge},
		{"on hand", func(s *BacktestSKU) { s.OnHand = MaxQty }, func(s *BacktestSKU) { s.OnHand = MaxQty + 1 }, ErrTooLarge},
		{"on hand 0", func(s *BacktestSKU) { s.OnHand = 0 }, func(s *BacktestSKU) { s.OnHand = -1 }, ErrNegative},
		{"lead", func(s *BacktestSKU) { s.LeadDays = MaxLeadDays }, func(s *BacktestSKU) { s.LeadDays = MaxLeadDays + 1 }, ErrTooLarge},
		{"lead 1", func(s *BacktestSKU) { s.LeadDays = 1 }, func(s *BacktestSKU) { s.LeadDays = 0 }, ErrNotPositive},
		{"sampled lead", func(s *BacktestSKU) { s.LeadSequence = []int{1, MaxLeadDays} }, func(s *BacktestSKU) { s.LeadSequence = []int{1, MaxLeadDays + 1} }, ErrTooLarge},
		{"sequence length", func(s *BacktestSKU) {
			s.LeadSequence = make([]int, MaxBacktestDays)
			s.LeadSequence[0] = 1
			fill(s.LeadSequence)
		},
			func(s *BacktestSKU) { s.LeadSequence = make([]int, MaxBacktestDays+1); fill(s.LeadSequence) }, ErrTooLarge},
		{"demand", func(s *BacktestSKU) { s.Demand = []int64{MaxQty} }, func(s *BacktestSKU) { s.Demand = []int64{MaxQty + 1} }, ErrTooLarge},
		{"review 1 day", func(s *BacktestSKU) { s.Policy = mustPolicy(NewRSPolicy(Day, 10)) }, func(s *BacktestSKU) { s.Policy = mustPolicy(NewRSPolicy(Day-1, 10)) }, ErrPolicy},
		{"review 36600 days", func(s *BacktestSKU) { s.Policy = mustPolicy(NewRSPolicy(MaxBacktestDays*Day, 10)) },
			func(s *BacktestSKU) { s.Policy = mustPolicy(NewRSPolicy((MaxBacktestDays+1)*Day, 10)) }, ErrPolicy},
		{"top-up is a policy", func(s *BacktestSKU) { s.Policy = mustPolicy(NewTopUpPolicy(3, 4)) }, func(s *BacktestSKU) { s.Policy = Policy{kind: PolicyTopUp + 1} }, ErrPolicy},
		{"(s, Q) is a policy", func(s *BacktestSKU) { s.Policy = mustPolicy(NewSQPolicy(3, 4)) }, func(s *BacktestSKU) { s.Policy = Policy{} }, ErrPolicy},
		{"trigger", func(s *BacktestSKU) { s.Trigger = StrictlyBelow }, func(s *BacktestSKU) { s.Trigger = StrictlyBelow + 1 }, ErrInvalidEnum},
		{"an order of MaxQty", func(s *BacktestSKU) { s.Policy = mustPolicy(NewSQPolicy(0, MaxQty)); s.OnHand = 0 },
			func(s *BacktestSKU) {
				s.Policy = mustPolicy(NewSQPolicy(0, MaxQty))
				s.Shaping = MustShaping(0, 7, 0)
				s.OnHand = 0
			}, ErrTooLarge},
	} {
		assert.NoError(t, run(tc.ok), tc.name)
		assert.ErrorIs(t, run(tc.bad), tc.want, tc.name)
	}
	_, err := Backtest([]BacktestSKU{base}, Backorders, make([]BacktestResult, 1))
	assert.NoError(t, err)
	_, err = Backtest([]BacktestSKU{base}, Backorders+1, make([]BacktestResult, 1))
	assert.ErrorIs(t, err, ErrInvalidEnum)
	_, err = Backtest([]BacktestSKU{base, base}, Backorders, make([]BacktestResult, 2))
	assert.NoError(t, err, "out as long as skus")
	_, err = Backtest([]BacktestSKU{base, base}, Backorders, make([]BacktestResult, 1))
	assert.ErrorIs(t, err, ErrLength)

	// Search grid and target edges.
	levels := make([]float64, MaxSearchLevels)
	for i := range levels {
		levels[i] = 0.5
	}
	_, err = SearchClassLevels(PlanConfig{Policy: PolicySQ}, SafetyFillRate, levels, 1, searchItems(), LostSales)
	assert.NoError(t, err)
	_, err = SearchClassLevels(PlanConfig{Policy: PolicySQ}, SafetyCycleService, []float64{0.5}, math.Nextafter(0, 1), searchItems(), Backorders)
	assert.NoError(t, err)
	_, err = SearchClassLevels(PlanConfig{Policy: PolicySQ}, SafetyCycleService, []float64{0.5}, math.Nextafter(1, 2), searchItems(), LostSales)
	assert.ErrorIs(t, err, ErrServiceLevel)
	_, err = SearchClassLevels(PlanConfig{Policy: PolicySQ}, SafetyFillRate+1, []float64{0.5}, 0.9, searchItems(), LostSales)
	assert.ErrorIs(t, err, ErrPolicy)
	_, err = SearchClassLevels(PlanConfig{Policy: PolicySQ}, SafetyCycleService, []float64{0.5}, 0.9, searchItems(), Backorders+1)
	assert.ErrorIs(t, err, ErrInvalidEnum)
	c := searchItems()
	c[1].Item.Class = ClassC
	got, err := SearchClassLevels(PlanConfig{Policy: PolicySQ}, SafetyCycleService, []float64{0.5}, 0.9, c, LostSales)
	require.NoError(t, err)
	assert.Equal(t, []ABCClass{ClassA, ClassC}, []ABCClass{got[0].Class, got[1].Class}, "classes present, in order")
	c[1].Item.Class = ClassC + 1
	_, err = SearchClassLevels(PlanConfig{Policy: PolicySQ}, SafetyCycleService, []float64{0.5}, 0.9, c, LostSales)
	assert.ErrorIs(t, err, ErrPolicy)
	lead := searchItems()
	lead[0].Item.Lead = FixedLeadTime(MaxLeadDays * Day)
	_, err = SearchClassLevels(PlanConfig{Policy: PolicySQ}, SafetyCycleService, []float64{0.5}, 0.9, lead, LostSales)
	assert.NoError(t, err, "a lead of 365 days")
	lead[0].Item.Lead = FixedLeadTime(MaxLeadDays*Day + time.Hour)
	_, err = SearchClassLevels(PlanConfig{Policy: PolicySQ}, SafetyCycleService, []float64{0.5}, 0.9, lead, LostSales)
	assert.ErrorIs(t, err, ErrTooLarge, "365 days and an hour round up to 366")
	lead[0].LeadSequence = []int{2}
	_, err = SearchClassLevels(PlanConfig{Policy: PolicySQ}, SafetyCycleService, []float64{0.5}, 0.9, lead, LostSales)
	assert.NoError(t, err, "a sampled sequence replaces the item's long lead time")
	lead[0].Item.Lead = FixedLeadTime(0)
	lead[0].LeadSequence = nil
	_, err = SearchClassLevels(PlanConfig{Policy: PolicySQ}, SafetyCycleService, []float64{0.5}, 0.9, lead, LostSales)
	assert.NoError(t, err, "a zero lead time is replayed as one day")

	// Stocktake and event edges.
	_, err = Reconcile([]CountLine{{"a", MaxQty, MaxQty, MaxQty}}, 0)
	assert.NoError(t, err)
	_, err = Reconcile([]CountLine{{"a", 0, MaxQty + 1, 0}}, 0)
	assert.ErrorIs(t, err, ErrTooLarge)
	_, err = Reconcile([]CountLine{{"a", 0, 0, -1}}, 0)
	assert.ErrorIs(t, err, ErrNegative)
	_, err = Reconcile(make([]CountLine, MaxCountLines+1), 0)
	assert.ErrorIs(t, err, ErrTooLarge)
	many := make([]CountLine, MaxCountLines)
	for i := range many {
		many[i] = CountLine{ID: strconv.Itoa(i), Book: 1, Counted: 1}
	}
	st, err := Reconcile(many, 0)
	require.NoError(t, err, "exactly MaxCountLines lines")
	assert.Equal(t, int64(MaxCountLines), st.Book)

	start, _ := NewDateForTest(2025, 3, 8)
	in := EventInput{Start: start, Days: 366, Orders: 1, UnitsPerOrder: 1, LeadDays: MaxLeadDays, OnHand: MaxQty}
	r := EventRule{DecisionDays: 366, PrepackNum: 1000, PrepackDen: 1000, AfterSalesDelay: 366, AfterSalesDays: 366}
	p, err := r.PlanEvent(in)
	require.NoError(t, err)
	assert.Equal(t, int64(1), p.Prepack)
	// The lower edges: no decision lead, nothing pre-packed (0/1), no delay, a one-day window.
	p, err = EventRule{DecisionDays: 0, PrepackNum: 0, PrepackDen: 1, AfterSalesDelay: 0, AfterSalesDays: 1}.PlanEvent(
		EventInput{Start: start, Days: 1, Orders: 4, UnitsPerOrder: 1})
	require.NoError(t, err)
	assert.Equal(t, int64(0), p.Prepack)
	assert.Equal(t, start, p.DecideBy)
	assert.Equal(t, start, p.AfterSalesFrom)
	assert.Equal(t, start, p.AfterSalesTo)
	p, err = EventRule{DecisionDays: 7, PrepackNum: 1, PrepackDen: 1, AfterSalesDelay: 3, AfterSalesDays: 7}.PlanEvent(
		EventInput{Start: start, Days: 1, Orders: 4, UnitsPerOrder: 1})
	require.NoError(t, err)
	assert.Equal(t, int64(4), p.Prepack, "everything pre-packed")
	for _, bad := range []EventRule{
		{367, 1, 3, 3, 7}, {7, 1, 1001, 3, 7}, {7, -1, 3, 3, 7}, {7, 1, 3, 367, 7}, {7, 1, 3, 3, 367},
	} {
		_, err := bad.PlanEvent(in)
		assert.ErrorIs(t, err, ErrPolicy, "%+v", bad)
	}
	for _, bad := range []EventInput{
		{Start: start, Days: 367, Orders: 1, UnitsPerOrder: 1},
		{Start: start, Days: 1, Orders: 1, UnitsPerOrder: 1, LeadDays: -1},
	} {
		_, err := DefaultEventRule().PlanEvent(bad)
		assert.ErrorIs(t, err, ErrPolicy, "%+v", bad)
	}
	p, err = DefaultEventRule().PlanEvent(EventInput{Start: start, Days: 1, Orders: MaxQty, UnitsPerOrder: 1, OnHand: 5})
	require.NoError(t, err)
	assert.Equal(t, int64(MaxQty), p.Units)
	assert.Equal(t, int64(MaxQty-5), p.ToBuy)
	p, err = DefaultEventRule().PlanEvent(EventInput{Start: start, Days: 1, UV: 10, ConversionRate: 1, UnitsPerOrder: 1})
	require.NoError(t, err, "a conversion rate of 1")
	assert.Equal(t, 10.0, p.Orders)
	_, err = DefaultEventRule().PlanEvent(EventInput{Start: start, Days: 1, UV: 10, ConversionRate: math.Nextafter(1, 2), UnitsPerOrder: 1})
	assert.ErrorIs(t, err, ErrServiceLevel)
	_, err = DefaultEventRule().PlanEvent(EventInput{Start: start, Days: 1, ConversionRate: 0.5, UnitsPerOrder: 1})
	assert.NoError(t, err, "a conversion rate with 0 UV plans 0 orders")

	// Lifecycle edges: Decline 1 is allowed.
	l, err := LifecycleRule{NewPeriods: 1, Window: 1, Growth: 0.2, Decline: 1}.Classify([]float64{3, 0})
	require.NoError(t, err)
	assert.Equal(t, StageDecline, l.Stage)
	l, err = LifecycleRule{NewPeriods: 1, Window: 1, Growth: 0.2, Decline: 1}.Classify([]float64{3, 1})
	require.NoError(t, err)
	assert.Equal(t, StageMature, l.Stage)
}

func fill(xs []int) {
	for i := range xs {
		xs[i] = 1
	}
}
