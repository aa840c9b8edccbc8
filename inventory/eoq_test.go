package inventory

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Heizer & Render, "Operations Management", Sharp, Inc.: D = 1 000 needles a year, K = $10 an order,
// h = $0.50 a unit a year → Q* = 200, and the annual ordering plus holding cost is 50 + 50 = 100.
func TestEOQ(t *testing.T) {
	q, err := EOQ(1000, 10, 0.5)
	require.NoError(t, err)
	assert.InDelta(t, 200.0, q, 1e-12)
	c, err := EOQCost(1000, 10, 0.5, q)
	require.NoError(t, err)
	assert.InDelta(t, 100.0, c, 1e-12)
	// The EOQ minimises the cost.
	for _, other := range []float64{150, 199, 201, 250} {
		oc, err := EOQCost(1000, 10, 0.5, other)
		require.NoError(t, err)
		assert.Greater(t, oc, c, "EOQCost at %v", other)
	}
	q, err = EOQ(0, 10, 0.5)
	require.NoError(t, err)
	assert.Equal(t, 0.0, q)
}

func TestEOQErrors(t *testing.T) {
	tests := []struct {
		give [3]float64
		want error
	}{
		{[3]float64{-1, 1, 1}, ErrNegative},
		{[3]float64{1, math.NaN(), 1}, ErrNotFinite},
		{[3]float64{1, 1, 0}, ErrNotPositive},
		{[3]float64{1, 1, math.Inf(1)}, ErrNotFinite},
	}
	for _, tt := range tests {
		_, err := EOQ(tt.give[0], tt.give[1], tt.give[2])
		assert.ErrorIs(t, err, tt.want, "EOQ(%v)", tt.give)
	}
	_, err := EOQCost(1, 1, 1, 0)
	assert.ErrorIs(t, err, ErrNotPositive)
	_, err = EOQCost(1, -1, 1, 1)
	assert.ErrorIs(t, err, ErrNegative)
}

// Heizer & Render, Wohl's Discount Store: D = 5 000 toy cars, K = $49, holding 20 % of price; $5.00
// below 1 000, $4.80 from 1 000, $4.75 from 2 000. EOQs 700, 714 and 718; adjusted quantities 700,
// 1 000 and 2 000 cost 25 700, 24 725 and 24 822.50; order 1 000.
func TestEOQWithPriceBreaks(t *testing.T) {
	breaks := []PriceBreak{{MinQty: 2000, UnitPrice: 4.75}, {MinQty: 0, UnitPrice: 5.00}, {MinQty: 1000, UnitPrice: 4.80}}
	plan, err := EOQWithPriceBreaks(5000, 49, 0.2, breaks)
	require.NoError(t, err)
	assert.InDelta(t, 1000.0, plan.Best.Qty, 1e-9)
	assert.InDelta(t, 24725.0, plan.Best.Cost, 1e-6)
	assert.Equal(t, 4.80, plan.Best.UnitPrice)
	require.Len(t, plan.Offers, 3)
	wantQty := []float64{700, 1000, 2000}
	wantCost := []float64{25700, 24725, 24822.5}
	wantEOQ := []float64{700, 714.4345083117604, 718.1848464596079}
	for i, o := range plan.Offers {
		assert.InDelta(t, wantQty[i], o.Qty, 1e-9, "offer %d qty", i)
		assert.InDelta(t, wantCost[i], o.Cost, 1e-6, "offer %d cost", i)
		assert.InDelta(t, wantEOQ[i], o.EOQ, 1e-9, "offer %d EOQ", i)
	}
	assert.Equal(t, 2000.0, breaks[0].MinQty, "input not modified")

	// A brute-force search over every integer quantity agrees.
	price := func(q float64) float64 {
		switch {
		case q >= 2000:
			return 4.75
		case q >= 1000:
			return 4.80
		}
		return 5.00
	}
	best, bestQ := math.Inf(1), 0.0
	for q := 1.0; q <= 5000; q++ {
		c := 5000*price(q) + 5000*49/q + 0.2*price(q)*q/2
		if c < best {
			best, bestQ = c, q
		}
	}
	assert.Equal(t, bestQ, plan.Best.Qty)

	// When the cheap tier's EOQ lies inside it, that EOQ wins.
	plan, err = EOQWithPriceBreaks(100000, 49, 0.2, breaks)
	require.NoError(t, err)
	assert.InDelta(t, math.Sqrt(2*100000*49/(0.2*4.75)), plan.Best.Qty, 1e-9)
}

func TestEOQWithPriceBreaksErrors(t *testing.T) {
	ok := []PriceBreak{{0, 5}}
	tests := []struct {
		name   string
		d, k   float64
		i      float64
		breaks []PriceBreak
		want   error
	}{
		{"no breaks", 1, 1, 0.2, nil, ErrEmptyHistory},
		{"negative demand", -1, 1, 0.2, ok, ErrNegative},
		{"NaN order cost", 1, math.NaN(), 0.2, ok, ErrNotFinite},
		{"zero holding rate", 1, 1, 0, ok, ErrNotPositive},
		{"zero price", 1, 1, 0.2, []PriceBreak{{0, 0}}, ErrNotPositive},
		{"negative MinQty", 1, 1, 0.2, []PriceBreak{{-1, 1}}, ErrNegative},
		{"repeated MinQty", 1, 1, 0.2, []PriceBreak{{0, 2}, {0, 1}}, ErrDuplicateID},
		{"no price for small orders", 1, 1, 0.2, []PriceBreak{{10, 2}}, ErrPolicy},
	}
	for _, tt := range tests {
		_, err := EOQWithPriceBreaks(tt.d, tt.k, tt.i, tt.breaks)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
}
