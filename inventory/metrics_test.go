package inventory

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMetrics(t *testing.T) {
	// COGS 1 200 000 over a year with inventory 250 000 at the start and 350 000 at the end:
	// average 300 000, turnover 4, 91.25 days of inventory.
	avg, err := AverageInventory([]float64{250000, 350000})
	require.NoError(t, err)
	assert.Equal(t, 300000.0, avg)
	turns, err := Turnover(1200000, avg)
	require.NoError(t, err)
	assert.Equal(t, 4.0, turns)
	doi, err := DaysOfInventory(1200000, avg, Year)
	require.NoError(t, err)
	assert.InDelta(t, 91.25, doi, 1e-12)

	st, err := SellThrough(60, 80, 20)
	require.NoError(t, err)
	assert.InDelta(t, 0.6, st, 1e-15)

	// 动销率: 3 of 5 SKUs sold at least once.
	ar, err := ActiveRate([]float64{0, 5, 1, 0, 12})
	require.NoError(t, err)
	assert.InDelta(t, 0.6, ar, 1e-15)

	g, err := GMROI(90000, 30000)
	require.NoError(t, err)
	assert.Equal(t, 3.0, g)
	g, err = GMROI(-300, 30000)
	require.NoError(t, err)
	assert.Equal(t, -0.01, g)

	s2s, err := StockToSales(400000, 100000)
	require.NoError(t, err)
	assert.Equal(t, 4.0, s2s)
}

func TestMetricsErrors(t *testing.T) {
	tests := []struct {
		name string
		call func() error
		want error
	}{
		{"turnover zero inventory", func() error { _, err := Turnover(1, 0); return err }, ErrNotPositive},
		{"turnover negative COGS", func() error { _, err := Turnover(-1, 1); return err }, ErrNegative},
		{"average empty", func() error { _, err := AverageInventory(nil); return err }, ErrEmptyHistory},
		{"average NaN", func() error { _, err := AverageInventory([]float64{math.NaN()}); return err }, ErrNotFinite},
		{"DOI zero COGS", func() error { _, err := DaysOfInventory(0, 1, Year); return err }, ErrNotPositive},
		{"DOI negative inventory", func() error { _, err := DaysOfInventory(1, -1, Year); return err }, ErrNegative},
		{"DOI zero period", func() error { _, err := DaysOfInventory(1, 1, 0); return err }, ErrNotPositive},
		{"sell-through nothing available", func() error { _, err := SellThrough(0, 0, 0); return err }, ErrNotPositive},
		{"sell-through negative", func() error { _, err := SellThrough(1, -1, 5); return err }, ErrNegative},
		{"active rate empty", func() error { _, err := ActiveRate(nil); return err }, ErrEmptyHistory},
		{"active rate negative", func() error { _, err := ActiveRate([]float64{-1}); return err }, ErrNegative},
		{"GMROI Inf margin", func() error { _, err := GMROI(math.Inf(1), 1); return err }, ErrNotFinite},
		{"GMROI zero inventory", func() error { _, err := GMROI(1, 0); return err }, ErrNotPositive},
		{"stock-to-sales zero sales", func() error { _, err := StockToSales(1, 0); return err }, ErrNotPositive},
		{"stock-to-sales negative stock", func() error { _, err := StockToSales(-1, 1); return err }, ErrNegative},
	}
	for _, tt := range tests {
		assert.ErrorIs(t, tt.call(), tt.want, tt.name)
	}
}
