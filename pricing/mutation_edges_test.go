package pricing

// More tests written from the mutants gremlins v0.5.0 left alive in a full
// run of the package (issue 19). The equivalent mutants are listed at the
// end of mutation_test.go.

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAllocateWeightSumPastUint64: decimal weights that each fit in int64
// but whose sum overflows uint64 leave the int64 path for the big one, with
// the same answer. 19 weights of 999999999999999999 (18 digits) sum to
// about 1.9·10^19 > 2^64-1 ≈ 1.8·10^19. By hand: CNY 1.00 = 100 分 in 19
// equal parts is 5 r5; the 5 分 left go to the first five (equal
// remainders, earlier part first): 0.06 × 5, then 0.05 × 14.
func TestAllocateWeightSumPastUint64(t *testing.T) {
	w := make([]decimal.Decimal, 19)
	for i := range w {
		w[i] = decimal.RequireFromString("999999999999999999")
	}
	ints, ok := scaleWeights(w)
	require.True(t, ok, "each weight fits in int64")
	_, err := AllocateMinor(100, ints)
	require.ErrorIs(t, err, ErrTooLarge, "their sum does not fit in uint64")

	got, err := ruleCNY("1.00").Allocate(w)
	require.NoError(t, err)
	want := make([]string, 19)
	for i := range want {
		want[i] = "CNY 0.05"
		if i < 5 {
			want[i] = "CNY 0.06"
		}
	}
	assert.Equal(t, want, moneyStrings(got))
	got, err = ruleCNY("-1.00").Allocate(w)
	require.NoError(t, err)
	assert.Equal(t, "CNY -0.06", got[0].String(), "a refund mirrors the split")
	assert.Equal(t, "CNY -0.05", got[18].String())
}

// TestAllocateMinor64PartsNoAlloc: AllocateMinorTo promises no allocation
// with a reused dst for up to 64 weights, 64 included, also when more than
// four units are left over (the selection path). By hand: 100 分 over 64
// equal weights is 1 r36: the first 36 parts get 2, the other 28 get 1.
func TestAllocateMinor64PartsNoAlloc(t *testing.T) {
	weights := make([]int64, 64)
	for i := range weights {
		weights[i] = 7
	}
	dst := make([]int64, 0, 64)
	allocs := testing.AllocsPerRun(50, func() { dst, _ = AllocateMinorTo(dst, 100, weights) })
	assert.Zero(t, allocs, "64 weights, reused dst")
	for i, p := range dst {
		want := int64(1)
		if i < 36 {
			want = 2
		}
		require.Equal(t, want, p, "part %d", i)
	}
}

// TestAmountInputLength: an amount string of 80 characters (maxInputLen)
// is read, one of 81 is ErrTooLarge before any digit is looked at.
func TestAmountInputLength(t *testing.T) {
	s80 := strings.Repeat("0", 76) + "1.50"
	require.Len(t, s80, 80)
	m, err := New(s80, CNY)
	require.NoError(t, err)
	assert.Equal(t, "CNY 1.50", m.String())
	_, err = New("0"+s80, CNY)
	require.ErrorIs(t, err, ErrTooLarge)
	assert.True(t, strings.HasSuffix(err.Error(), ": at most 80 characters"), err.Error())
	_, err = New("x"+s80, CNY)
	assert.ErrorIs(t, err, ErrTooLarge, "the length is checked first")
}

// TestFormatAmountTrailingZeros: formatAmount keeps at least places digits
// and drops only the zeros beyond them (its doc: 12.300 -> "12.30",
// 1.005 -> "1.005" for places 2).
func TestFormatAmountTrailingZeros(t *testing.T) {
	for _, tt := range []struct {
		give   string
		places int32
		want   string
	}{
		{"12.300", 2, "12.30"},
		{"1.0000", 2, "1.00"},
		{"1.005", 2, "1.005"},
		{"1.0050", 2, "1.005"},
		{"12.3", 2, "12.30"},
		{"5.000", 0, "5"},
		{"0.100", 0, "0.1"},
		{"7.0000", 3, "7.000"},
		{"-3.2100", 1, "-3.21"},
	} {
		assert.Equal(t, tt.want, formatAmount(decimal.RequireFromString(tt.give), tt.places), "%s at %d places", tt.give, tt.places)
	}
	m, err := New("12.300", CNY)
	require.NoError(t, err)
	assert.Equal(t, "CNY 12.30", m.String())
}

// TestClipRawEdge: a number's text of 32 characters is shown whole, 33 are
// cut to 32 and "...".
func TestClipRawEdge(t *testing.T) {
	s32 := "12345678901234567890123456789012"
	assert.Equal(t, s32, clipRaw(s32))
	assert.Equal(t, s32+"...", clipRaw(s32+"3"))
	assert.Equal(t, s32, decText(decimal.RequireFromString(s32)))
}

// TestCurrencyIndexEdges: the built-in currencies are 1 ... len(Currencies());
// the last is VND (the table is sorted by code) and one past it is not a
// currency.
func TestCurrencyIndexEdges(t *testing.T) {
	n := len(Currencies())
	require.Equal(t, 22, n, "the built-in currencies listed in currency.go")
	last := Currency(n)
	assert.True(t, last.IsValid())
	assert.Equal(t, "VND", last.Code())
	past := Currency(n + 1)
	assert.False(t, past.IsValid())
	assert.Equal(t, "", past.Code())
	assert.Equal(t, int32(0), past.Digits())
	assert.False(t, Currency(0).IsValid())
}
