package inventory

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Known answers from Chopra & Meindl, "Supply Chain Management" (ch. 12, safety inventory):
//   - continuous review: weekly demand 2 500, σ 500, lead time 2 weeks, CSL 90 % → safety inventory 906;
//   - lead-time variability: daily demand 2 500, σ 500, lead time 7 days with σ_L 7 days, CSL 90 %
//     → σ_L·demand 17 550, safety inventory 22 491;
//   - periodic review: the same weekly demand, lead time 2 weeks, review 4 weeks, CSL 90 %
//     → safety inventory 1 570 (order-up-to level 16 570).
//
// The full-precision values were recomputed independently with Python's statistics.NormalDist.
func TestSafetyStockKnownAnswers(t *testing.T) {
	csl, err := CycleServiceSafetyStock(0.9)
	require.NoError(t, err)
	cslLT, err := CycleServiceLeadTimeSafetyStock(0.9)
	require.NoError(t, err)
	weekly := MustDemand(2500, 500, Week)
	daily := MustDemand(2500, 500, Day)
	tests := []struct {
		name string
		rule SafetyStock
		give Exposure
		want float64
	}{
		{"continuous", csl, Exposure{Demand: weekly, Lead: FixedLeadTime(2 * Week)}, 906.1938024368236},
		{"lead-time variability", cslLT, Exposure{Demand: daily, Lead: MustLeadTime(7*Day, 7*Day)}, 22491.138696520986},
		{"periodic review", csl, Exposure{Demand: weekly, Lead: FixedLeadTime(2 * Week), Review: 4 * Week}, 1569.5737073246116},
		{"lead-time rule with fixed lead time", cslLT, Exposure{Demand: weekly, Lead: FixedLeadTime(2 * Week)}, 906.1938024368236},
		{"same demand in days", csl, Exposure{Demand: must(weekly.In(Day)), Lead: FixedLeadTime(14 * Day)}, 906.1938024368236},
	}
	for _, tt := range tests {
		got, err := tt.rule.For(tt.give)
		require.NoError(t, err, tt.name)
		assert.InDelta(t, tt.want, got, 1e-8, "%s: %s.For = %v, want %v", tt.name, tt.rule, got, tt.want)
	}
}

// Chopra & Meindl's fill-rate example: weekly demand 2 500, σ 500, lead time 2 weeks, Q = 10 000 and a
// safety inventory of 1 000 give ESC = σ_L·L(ss/σ_L) ≈ 25.13 and a fill rate of 0.9975. Asking for
// that fill rate must give back the safety stock of 1 000.
func TestFillRateSafetyStock(t *testing.T) {
	sigmaL := 500 * math.Sqrt(2)
	esc := sigmaL * NormalLoss(1000/sigmaL)
	assert.InDelta(t, 25.13, esc, 0.01, "ESC")
	fill := 1 - esc/10000
	assert.InDelta(t, 0.9975, fill, 0.0001, "fill rate")
	rule, err := FillRateSafetyStock(fill)
	require.NoError(t, err)
	got, err := rule.For(Exposure{Demand: MustDemand(2500, 500, Week), Lead: FixedLeadTime(2 * Week), OrderQty: 10000})
	require.NoError(t, err)
	assert.InDelta(t, 1000, got, 1e-6)

	// Periodic review: the demand per cycle is μ·R, here 2 500·4 = 10 000 over T = 6 weeks.
	sigmaT := 500 * math.Sqrt(6)
	escR := sigmaT * NormalLoss(1500/sigmaT)
	rule, err = FillRateSafetyStock(1 - escR/10000)
	require.NoError(t, err)
	got, err = rule.For(Exposure{Demand: MustDemand(2500, 500, Week), Lead: FixedLeadTime(2 * Week), Review: 4 * Week})
	require.NoError(t, err)
	assert.InDelta(t, 1500, got, 1e-6)

	// A fill rate that cycle stock alone meets needs no safety stock; safety stock is never negative.
	rule, _ = FillRateSafetyStock(0.5)
	got, err = rule.For(Exposure{Demand: MustDemand(2500, 500, Week), Lead: FixedLeadTime(2 * Week), OrderQty: 10000})
	require.NoError(t, err)
	assert.Equal(t, 0.0, got)
	got, err = rule.For(Exposure{Demand: MustDemand(10, 0, Day), Lead: FixedLeadTime(Day), OrderQty: 10})
	require.NoError(t, err)
	assert.Equal(t, 0.0, got, "no variability")
}

func TestSafetyStockSimpleRules(t *testing.T) {
	hero, err := FixedSafetyStock(30) // INV-04: keep at least 30-50 units of the hero items
	require.NoError(t, err)
	got, err := hero.For(Exposure{Demand: MustDemand(20, 5, Day), Lead: FixedLeadTime(3 * Day)})
	require.NoError(t, err)
	assert.Equal(t, 30.0, got)
	assert.Equal(t, SafetyFixed, hero.Method())
	assert.Equal(t, "fixed 30 units", hero.String())

	cover, err := CoverSafetyStock(3 * Day)
	require.NoError(t, err)
	got, err = cover.For(Exposure{Demand: MustDemand(70, 0, Week)})
	require.NoError(t, err)
	assert.InDelta(t, 30.0, got, 1e-12, "3 days of 10 a day")
	assert.Equal(t, "3 days of cover", cover.String())

	low, err := CycleServiceSafetyStock(0.3)
	require.NoError(t, err)
	got, err = low.For(Exposure{Demand: MustDemand(10, 3, Day), Lead: FixedLeadTime(Day)})
	require.NoError(t, err)
	assert.Equal(t, 0.0, got, "z < 0 gives no safety stock")
	assert.InDelta(t, -0.5244005127080407, low.Z(), 1e-12)
	assert.Equal(t, 0.3, low.Level())
	assert.Equal(t, "cycle service level 30%", low.String())
	assert.Equal(t, "no safety stock rule", SafetyStock{}.String())
	assert.Equal(t, "SafetyMethod(9)", SafetyMethod(9).String())
	assert.Equal(t, 3*Day, Exposure{Lead: FixedLeadTime(Day), Review: 2 * Day}.protection())
}

func TestSafetyStockErrors(t *testing.T) {
	ctors := []struct {
		name string
		make func() (SafetyStock, error)
		want error
	}{
		{"fixed -1", func() (SafetyStock, error) { return FixedSafetyStock(-1) }, ErrNegative},
		{"fixed NaN", func() (SafetyStock, error) { return FixedSafetyStock(math.NaN()) }, ErrNotFinite},
		{"cover -1d", func() (SafetyStock, error) { return CoverSafetyStock(-Day) }, ErrNegative},
		{"CSL 0", func() (SafetyStock, error) { return CycleServiceSafetyStock(0) }, ErrServiceLevel},
		{"CSL 1.2", func() (SafetyStock, error) { return CycleServiceSafetyStock(1.2) }, ErrServiceLevel},
		{"CSL-LT 1", func() (SafetyStock, error) { return CycleServiceLeadTimeSafetyStock(1) }, ErrServiceLevel},
		{"fill NaN", func() (SafetyStock, error) { return FillRateSafetyStock(math.NaN()) }, ErrNotFinite},
		{"fill -0.1", func() (SafetyStock, error) { return FillRateSafetyStock(-0.1) }, ErrServiceLevel},
	}
	for _, tt := range ctors {
		_, err := tt.make()
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
	_, err := CycleServiceSafetyStock(1.2)
	assert.EqualError(t, err, "inventory: safety stock: service_level 1.2: service level not in (0, 1)")

	fill, _ := FillRateSafetyStock(0.98)
	csl, _ := CycleServiceSafetyStock(0.95)
	d := MustDemand(10, 2, Day)
	uses := []struct {
		name string
		rule SafetyStock
		give Exposure
		want error
	}{
		{"zero demand value", csl, Exposure{}, ErrNotPositive},
		{"negative review", csl, Exposure{Demand: d, Review: -time.Hour}, ErrNegative},
		{"fill rate without Q", fill, Exposure{Demand: d}, ErrNotPositive},
		{"zero rule", SafetyStock{}, Exposure{Demand: d}, ErrPolicy},
	}
	for _, tt := range uses {
		_, err := tt.rule.For(tt.give)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
}

// must returns v and fails on a non-nil error; for table entries.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
