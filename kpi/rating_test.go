package kpi

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRollingDSR(t *testing.T) {
	asOf := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	win := 180 * 24 * time.Hour
	ratings := []Rating{
		{At: asOf, Description: 5, Service: 5, Shipping: 4},                 // at asOf: inside
		{At: asOf.Add(-time.Hour), Description: 4, Service: 5, Shipping: 0}, // shipping not rated
		{At: asOf.Add(-win), Description: 1, Service: 1, Shipping: 1},       // exactly 180 days: out
		{At: asOf.Add(time.Hour), Description: 1, Service: 1, Shipping: 1},  // future: out
		{At: asOf.Add(-win + time.Second), Description: 3, Service: 4, Shipping: 5},
	}
	rep, err := RollingDSR(ratings, asOf, win, DSR{Description: 4.8, Service: 4.0, Shipping: 0})
	require.NoError(t, err)
	assert.Equal(t, [3]int64{3, 3, 2}, rep.Count)
	assert.InDelta(t, 4.0, rep.Average.Description, 1e-12)
	assert.InDelta(t, 14.0/3, rep.Average.Service, 1e-12)
	assert.InDelta(t, 4.5, rep.Average.Shipping, 1e-12)
	assert.InDelta(t, (4.0-4.8)/4.8*100, rep.VsIndustry.Description, 1e-9) // -16.67%
	assert.InDelta(t, (14.0/3-4)/4*100, rep.VsIndustry.Service, 1e-9)      // +16.67%
	assert.Zero(t, rep.VsIndustry.Shipping)

	later, err := RollingDSR(append(ratings[:2:2], Rating{At: asOf.Add(47 * time.Hour), Description: 2, Service: 5, Shipping: 5}), asOf.Add(48*time.Hour), win, DSR{})
	require.NoError(t, err)
	assert.Equal(t, []DSRDimension{DSRDescription}, DSRDrops(rep, later))
	assert.Equal(t, "description", DSRDescription.String())

	errs := []struct {
		name     string
		ratings  []Rating
		window   time.Duration
		industry DSR
		want     error
	}{
		{"window", nil, 0, DSR{}, ErrInvalidNumber},
		{"industry", nil, win, DSR{Service: 5.5}, ErrInvalidRating},
		{"rating", []Rating{{Shipping: 6}}, win, DSR{}, ErrInvalidRating},
		{"negative rating", []Rating{{Description: -1}}, win, DSR{}, ErrInvalidRating},
	}
	for _, tt := range errs {
		_, err := RollingDSR(tt.ratings, asOf, tt.window, tt.industry)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
}
