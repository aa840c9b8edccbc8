package inventory

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDemandAsRate(t *testing.T) {
	// 14 a week with no spread is 2 a day, 6 over 3 days and 730 a 365-day year.
	r, err := NewDemand(14, 0, Week)
	require.NoError(t, err)
	assert.InDelta(t, 2.0, r.MeanOver(Day), 1e-12)
	assert.InDelta(t, 6.0, r.MeanOver(3*Day), 1e-12)
	yearly, err := r.In(Year)
	require.NoError(t, err)
	assert.InDelta(t, 730.0, yearly.Mean(), 1e-9)
	_, err = r.In(0)
	assert.ErrorIs(t, err, ErrNotPositive, "In(0)")
	assert.Panics(t, func() { MustDemand(-1, 0, Day) })
}

func TestDemandFromHistory(t *testing.T) {
	// Mean 12, sample variance ((-2)² + 0 + 2²)/2 = 4.
	d, err := DemandFromHistory([]float64{10, 12, 14}, Day)
	require.NoError(t, err)
	assert.InDelta(t, 12.0, d.Mean(), 1e-12)
	assert.InDelta(t, 2.0, d.StdDev(), 1e-12)
	assert.Equal(t, Day, d.Per())
	assert.InDelta(t, 48.0, d.MeanOver(4*Day), 1e-12)
	assert.InDelta(t, 4.0, d.StdDevOver(4*Day), 1e-12, "σ·√4")
	assert.InDelta(t, 1.0/6, d.CV(), 1e-12)
	w, err := d.In(Week)
	require.NoError(t, err)
	assert.InDelta(t, 84.0, w.Mean(), 1e-12)
	assert.InDelta(t, 2*math.Sqrt(7), w.StdDev(), 1e-12)

	one, err := DemandFromHistory([]float64{5}, Day)
	require.NoError(t, err)
	assert.Equal(t, 0.0, one.StdDev(), "one value has no spread")

	assert.Equal(t, 0.0, MustDemand(0, 0, Day).CV())
	assert.True(t, math.IsInf(MustDemand(0, 1, Day).CV(), 1))
	assert.Equal(t, 0.0, Demand{}.StdDevOver(Day))
	_, err = Demand{}.In(Day)
	assert.ErrorIs(t, err, ErrNotPositive)
}

func TestDemandErrors(t *testing.T) {
	tests := []struct {
		give []float64
		want error
	}{
		{nil, ErrEmptyHistory},
		{[]float64{1, -2}, ErrNegative},
		{[]float64{1, math.NaN()}, ErrNotFinite},
		{[]float64{math.Inf(1)}, ErrNotFinite},
		{[]float64{math.MaxFloat64, math.MaxFloat64}, ErrTooLarge},
	}
	for _, tt := range tests {
		_, err := DemandFromHistory(tt.give, Day)
		assert.ErrorIs(t, err, tt.want, "DemandFromHistory(%v)", tt.give)
	}
	_, err := DemandFromHistory([]float64{1}, 0)
	assert.ErrorIs(t, err, ErrNotPositive)
	_, err = DemandFromHistory([]float64{1, -2}, Day)
	assert.EqualError(t, err, "inventory: demand from history: history[1] -2: negative")

	for _, give := range [][3]float64{{-1, 0, 1}, {1, -1, 1}, {1, 1, 0}, {math.NaN(), 1, 1}} {
		_, err := NewDemand(give[0], give[1], time.Duration(give[2])*Day)
		assert.Error(t, err, "NewDemand(%v)", give)
	}
	assert.Panics(t, func() { MustDemand(-1, 0, Day) })
}

func TestLeadTime(t *testing.T) {
	l, err := NewLeadTime(5*Day, Day)
	require.NoError(t, err)
	assert.Equal(t, 5*Day, l.Mean())
	assert.Equal(t, Day, l.StdDev())
	_, err = NewLeadTime(-Day, 0)
	assert.ErrorIs(t, err, ErrNegative)
	_, err = NewLeadTime(Day, -1)
	assert.ErrorIs(t, err, ErrNegative)
	assert.Equal(t, time.Duration(0), FixedLeadTime(-Day).Mean())
	assert.Panics(t, func() { MustLeadTime(-1, 0) })
}
