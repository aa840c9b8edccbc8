package pricing_test

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func decs(xs ...string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(xs))
	for i, x := range xs {
		out[i] = decimal.RequireFromString(x)
	}
	return out
}

func monies(xs ...string) []pricing.Money {
	out := make([]pricing.Money, len(xs))
	for i, x := range xs {
		out[i] = cny(x)
	}
	return out
}

func TestAllocate(t *testing.T) {
	tests := []struct {
		name    string
		total   string
		weights []decimal.Decimal
		want    []pricing.Money
	}{
		// Known answers from the pricing issue.
		{"by weights", "2.99", decs("4300", "1400", "2300"), monies("1.61", "0.52", "0.86")},
		{"equal weights", "2.99", decs("1000", "1000", "1000"), monies("1.00", "1.00", "0.99")},
		{"zero weight", "0.40", decs("10", "0"), monies("0.40", "0.00")},
		// A refund mirrors the sale.
		{"negative total", "-2.99", decs("4300", "1400", "2300"), monies("-1.61", "-0.52", "-0.86")},
		{"all zero weights split evenly", "1.00", decs("0", "0", "0"), monies("0.34", "0.33", "0.33")},
		{"decimal weights on mixed scales", "10.00", decs("19.9", "0.1", "5"), monies("7.96", "0.04", "2.00")},
		{"one part", "5.55", decs("3"), monies("5.55")},
		{"zero total", "0", decs("1", "2"), monies("0", "0")},
		// Order discount 30.00 over lines 99.00, 59.90, 19.90 (promo style).
		{"order discount", "30.00", decs("99.00", "59.90", "19.90"), monies("16.61", "10.05", "3.34")},
		// Ties beyond the first: remainders .5, .5, .5 and 1 unit left -> first.
		{"tie goes to the earlier part", "0.03", decs("1", "1"), monies("0.02", "0.01")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cny(tt.total).Allocate(tt.weights)
			require.NoError(t, err)
			assertMonies(t, tt.want, got)
			sum, err := pricing.Sum(got...)
			require.NoError(t, err)
			assertMoney(t, cny(tt.total), sum, "parts sum to the total")
		})
	}
}

func TestAllocateLargeValues(t *testing.T) {
	// Totals and weights beyond int64 take the arbitrary-precision path.
	total := cny("123456789012345678901234.56")
	got, err := total.Allocate(decs("1", "1", "1"))
	require.NoError(t, err)
	assertMonies(t, monies("41152263004115226300411.52", "41152263004115226300411.52", "41152263004115226300411.52"), got)

	got, err = cny("-0.05").Allocate(decs("12345678901234567890123", "12345678901234567890123"))
	require.NoError(t, err)
	assertMonies(t, monies("-0.03", "-0.02"), got)

	got, err = total.Split(2)
	require.NoError(t, err)
	assertMonies(t, monies("61728394506172839450617.28", "61728394506172839450617.28"), got)

	// Sum of weights overflowing int64 after scaling falls back too.
	got, err = cny("1.00").Allocate(decs("9223372036854775807", "9223372036854775807", "0.000001"))
	require.NoError(t, err)
	assertMonies(t, monies("0.50", "0.50", "0.00"), got)
}

func TestAllocateErrors(t *testing.T) {
	tests := []struct {
		name    string
		total   pricing.Money
		weights []decimal.Decimal
		want    error
	}{
		{"no weights", cny("1"), nil, pricing.ErrNoParts},
		{"negative weight", cny("1"), decs("1", "-1"), pricing.ErrNegativeWeight},
		{"unrounded total", cny("1.005"), decs("1"), pricing.ErrNotRounded},
		{"huge weight", cny("1"), []decimal.Decimal{decimal.New(1, 60)}, pricing.ErrTooLarge},
	}
	for _, tt := range tests {
		_, err := tt.total.Allocate(tt.weights)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
	_, err := cny("1").Allocate(decs("1", "-1"))
	assert.Contains(t, err.Error(), "weights[1] -1")
}

func TestSplit(t *testing.T) {
	tests := []struct {
		total string
		n     int
		want  []pricing.Money
	}{
		{"1.00", 3, monies("0.34", "0.33", "0.33")},
		{"-1.00", 3, monies("-0.34", "-0.33", "-0.33")},
		{"0.02", 4, monies("0.01", "0.01", "0", "0")},
		{"9.99", 1, monies("9.99")},
	}
	for _, tt := range tests {
		got, err := cny(tt.total).Split(tt.n)
		require.NoError(t, err)
		assertMonies(t, tt.want, got)
	}
	_, err := cny("1").Split(0)
	assert.ErrorIs(t, err, pricing.ErrNoParts)
	_, err = cny("1.001").Split(2)
	assert.ErrorIs(t, err, pricing.ErrNotRounded)
}

func TestAllocateMinor(t *testing.T) {
	got, err := pricing.AllocateMinor(299, []int64{4300, 1400, 2300})
	require.NoError(t, err)
	assert.Equal(t, []int64{161, 52, 86}, got)
	got, err = pricing.AllocateMinor(-299, []int64{1000, 1000, 1000})
	require.NoError(t, err)
	assert.Equal(t, []int64{-100, -100, -99}, got)
	got, err = pricing.AllocateMinor(math.MaxInt64, []int64{math.MaxInt64, 1})
	require.NoError(t, err)
	assert.Equal(t, []int64{math.MaxInt64 - 1, 1}, got)

	bad := []struct {
		total   int64
		weights []int64
		want    error
	}{
		{1, nil, pricing.ErrNoParts},
		{1, []int64{-1}, pricing.ErrNegativeWeight},
		{math.MinInt64, []int64{1}, pricing.ErrTooLarge},
		{1, []int64{math.MaxInt64, math.MaxInt64, math.MaxInt64}, pricing.ErrTooLarge},
	}
	for _, tt := range bad {
		_, err := pricing.AllocateMinor(tt.total, tt.weights)
		assert.ErrorIs(t, err, tt.want, "AllocateMinor(%d, %v)", tt.total, tt.weights)
	}
}

func TestAllocateMinorTo(t *testing.T) {
	dst := make([]int64, 0, 8)
	got, err := pricing.AllocateMinorTo(dst, 299, []int64{4300, 1400, 2300})
	require.NoError(t, err)
	assert.Equal(t, []int64{161, 52, 86}, got)
	weights := []int64{3, 1, 4, 1, 5, 9, 2, 6}
	allocs := testing.AllocsPerRun(100, func() { dst, _ = pricing.AllocateMinorTo(dst, 1001, weights) })
	assert.Zero(t, allocs, "AllocateMinorTo with a reused dst")
	// 1001 × w / 31: floors 96 32 129 32 161 290 64 193 (997); the 4 largest
	// remainders (.87, .74, .61, .58) are parts 0, 7, 5 and 6.
	assert.Equal(t, []int64{97, 32, 129, 32, 161, 291, 65, 194}, dst)
	// Many parts with many units left take the sorting path; same rules.
	many := make([]int64, 100)
	for i := range many {
		many[i] = 1
	}
	got, err = pricing.AllocateMinorTo(nil, 150, many)
	require.NoError(t, err)
	assert.Equal(t, int64(2), got[0])
	assert.Equal(t, int64(2), got[49])
	assert.Equal(t, int64(1), got[50])
}

// refAllocate is the textbook largest-remainder method with a stable sort,
// kept as a reference for the selection-based implementation.
func refAllocate(total int64, weights []int64) []int64 {
	var sum int64
	for _, w := range weights {
		sum += w
	}
	parts := make([]int64, len(weights))
	rems := make([]int64, len(weights))
	var given int64
	for i, w := range weights {
		parts[i], rems[i] = total*w/sum, total*w%sum
		given += parts[i]
	}
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rems[order[a]] > rems[order[b]] })
	for _, i := range order[:total-given] {
		parts[i]++
	}
	return parts
}

func TestAllocateMinorMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for range 2000 {
		n := 1 + r.IntN(300)
		weights := make([]int64, n)
		for i := range weights {
			weights[i] = int64(1 + r.IntN(1+r.IntN(50))) // many equal weights: many ties
		}
		total := int64(r.IntN(100000))
		got, err := pricing.AllocateMinor(total, weights)
		require.NoError(t, err)
		require.Equal(t, refAllocate(total, weights), got, "total %d, weights %v", total, weights)
	}
}
