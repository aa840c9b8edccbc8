package inventory

import (
	"math"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func abcItems(values ...string) []ABCItem {
	items := make([]ABCItem, len(values))
	for i, v := range values {
		items[i] = ABCItem{ID: string(rune('a' + i)), Value: dec(v)}
	}
	return items
}

func classes(rs []ABCResult) string {
	var b []byte
	for _, r := range rs {
		b = append(b, r.Class.String()...)
	}
	return string(b)
}

func TestABC(t *testing.T) {
	tests := []struct {
		name string
		give []ABCItem
		want string // classes in rank order
	}{
		// INV-14's 80/20: two items carry 80 % of sales.
		{"two items reach 80 % exactly", abcItems("5", "5", "50", "30", "4", "2", "1", "1", "1", "1"), "AABBBBCCCC"},
		// 0.1 + 0.2 + 0.5 = 0.8 exactly in decimal; in float64 it is 0.8000000000000002.
		{"exact shares", abcItems("0.5", "0.2", "0.1", "0.15", "0.05"), "AAABC"},
		{"the item that crosses the cut is upper", abcItems("70", "20", "6", "4"), "AABC"},
		{"a single item", abcItems("3"), "A"},
		{"all zero", abcItems("0", "0"), "CC"},
		{"ties rank by ID", []ABCItem{{"z", dec("10")}, {"a", dec("10")}, {"m", dec("80")}}, "ABB"},
	}
	for _, tt := range tests {
		got, err := ABC(tt.give, DefaultABCCuts())
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, classes(got), tt.name)
		for i, r := range got {
			assert.Equal(t, i+1, r.Rank)
		}
	}
	got, err := ABC([]ABCItem{{"z", dec("10")}, {"a", dec("10")}}, DefaultABCCuts())
	require.NoError(t, err)
	assert.Equal(t, "a", got[0].ID)
	assert.True(t, got[1].CumulativeShare.Equal(decimal.New(1, 0)))
	assert.True(t, got[0].CumulativeShare.Equal(dec("0.5")))

	// Floating point would misclassify this one: the third item starts at exactly 80 %, but in
	// float64 0.7 + 0.1 is 0.7999999999999999, which would put it in A.
	a, b := 0.7, 0.1
	require.Less(t, a+b, 0.8, "the float sum falls short of 0.8")
	got, err = ABC(abcItems("0.7", "0.1", "0.1", "0.1"), DefaultABCCuts())
	require.NoError(t, err)
	assert.Equal(t, "AABB", classes(got), "the third item starts exactly at 0.8, so it is B")
}

func TestABCCuts(t *testing.T) {
	cuts, err := NewABCCuts(dec("0.7"), dec("0.2"), dec("0.1"))
	require.NoError(t, err)
	got, err := ABC(abcItems("60", "15", "15", "5", "5"), cuts)
	require.NoError(t, err)
	assert.Equal(t, "AABCC", classes(got), "the fourth item starts exactly at the 90 % cut")

	for _, give := range [][3]string{{"0", "0.5", "0.5"}, {"0.8", "0.15", "0.1"}, {"0.8", "-0.1", "0.3"}, {"0.8", "0.2", "0"}} {
		_, err := NewABCCuts(dec(give[0]), dec(give[1]), dec(give[2]))
		assert.Error(t, err, "NewABCCuts(%v)", give)
	}
}

func TestABCErrors(t *testing.T) {
	_, err := ABC(nil, DefaultABCCuts())
	assert.ErrorIs(t, err, ErrEmptyHistory)
	_, err = ABC(abcItems("-1"), DefaultABCCuts())
	assert.ErrorIs(t, err, ErrNegative)
	_, err = ABC([]ABCItem{{"a", dec("1")}, {"a", dec("2")}}, DefaultABCCuts())
	assert.ErrorIs(t, err, ErrDuplicateID)
	_, err = ABC(abcItems("1"), ABCCuts{})
	assert.ErrorIs(t, err, ErrPolicy)
	assert.Equal(t, "ABCClass(0)", ABCClass(0).String())
}

func TestXYZ(t *testing.T) {
	tests := []struct {
		give   []float64
		want   XYZClass
		wantCV float64
	}{
		{[]float64{10, 12, 14}, ClassX, 1.0 / 6},
		{[]float64{10, 10, 10}, ClassX, 0},
		{[]float64{2, 10, 4, 12}, ClassY, math.Sqrt(68.0/3) / 7}, // mean 7, s² = (25+9+9+25)/3
		{[]float64{0, 0, 30, 0}, ClassZ, 2},
		{[]float64{0, 0}, ClassZ, math.Inf(1)},
	}
	for _, tt := range tests {
		got, cv, err := XYZ(tt.give, DefaultXYZCuts())
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, "XYZ(%v)", tt.give)
		if math.IsInf(tt.wantCV, 1) {
			assert.True(t, math.IsInf(cv, 1))
		} else {
			assert.InDelta(t, tt.wantCV, cv, 1e-12, "CV of %v", tt.give)
		}
	}
	for _, tt := range []struct {
		give []float64
		cuts XYZCuts
		want error
	}{
		{nil, DefaultXYZCuts(), ErrEmptyHistory},
		{[]float64{-1}, DefaultXYZCuts(), ErrNegative},
		{[]float64{1}, XYZCuts{X: -1, Y: 1}, ErrNegative},
		{[]float64{1}, XYZCuts{X: 1, Y: math.NaN()}, ErrNotFinite},
		{[]float64{1}, XYZCuts{X: 1, Y: 0.5}, ErrPolicy},
	} {
		_, _, err := XYZ(tt.give, tt.cuts)
		assert.ErrorIs(t, err, tt.want, "XYZ(%v, %+v)", tt.give, tt.cuts)
	}
	assert.Equal(t, "XYZClass(0)", XYZClass(0).String())
}

func TestABCXYZ(t *testing.T) {
	items := []ABCXYZItem{
		{ID: "hero", Value: dec("800"), History: []float64{20, 22, 21, 19}},
		{ID: "mid", Value: dec("150"), History: []float64{0, 12, 0, 12}}, // CV = √48/6 = 1.15
		{ID: "tail", Value: dec("50"), History: []float64{0, 0, 9, 0}},
	}
	got, m, err := ABCXYZ(items, DefaultABCCuts(), DefaultXYZCuts())
	require.NoError(t, err)
	require.Len(t, got, 3)
	assert.Equal(t, "hero", got[0].ID)
	assert.Equal(t, ClassA, got[0].Class)
	assert.Equal(t, ClassX, got[0].XYZ)
	assert.Equal(t, ClassB, got[1].Class)
	assert.Equal(t, ClassZ, got[1].XYZ)
	assert.Equal(t, ClassC, got[2].Class)
	assert.Equal(t, ClassZ, got[2].XYZ)
	assert.Equal(t, int64(1), m.Count(ClassA, ClassX))
	assert.Equal(t, int64(1), m.Count(ClassB, ClassZ))
	assert.Equal(t, int64(1), m.Count(ClassC, ClassZ))
	assert.Equal(t, int64(0), m.Count(ClassA, ClassZ))
	assert.Equal(t, int64(0), m.Count(0, ClassX))

	_, _, err = ABCXYZ([]ABCXYZItem{{ID: "x", Value: dec("1")}}, DefaultABCCuts(), DefaultXYZCuts())
	assert.ErrorIs(t, err, ErrEmptyHistory)
	_, _, err = ABCXYZ(nil, DefaultABCCuts(), DefaultXYZCuts())
	assert.ErrorIs(t, err, ErrEmptyHistory)
}
