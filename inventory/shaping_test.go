package inventory

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestShape(t *testing.T) {
	tests := []struct {
		name           string
		moq, pack, cap int64
		give           float64
		want           Shaped
	}{
		{"zero need", 10, 6, 0, 0, Shaped{}},
		{"fraction rounds up to 1", 0, 1, 0, 0.2, Shaped{Need: 0.2, Units: 1, AfterMOQ: 1, AfterPack: 1, Qty: 1}},
		{"MOQ raises", 20, 1, 0, 3, Shaped{Need: 3, Units: 3, AfterMOQ: 20, AfterPack: 20, Qty: 20}},
		{"pack rounds up", 20, 12, 0, 12.3, Shaped{Need: 12.3, Units: 13, AfterMOQ: 20, AfterPack: 24, Qty: 24}},
		{"cap lowers to a pack multiple", 0, 12, 50, 100, Shaped{Need: 100, Units: 100, AfterMOQ: 100, AfterPack: 108, Qty: 48}},
		{"tiny need with a cap of one pack", 0, 12, 12, 0.001, Shaped{Need: 0.001, Units: 1, AfterMOQ: 1, AfterPack: 12, Qty: 12}},
		{"exact", 5, 5, 100, 35, Shaped{Need: 35, Units: 35, AfterMOQ: 35, AfterPack: 35, Qty: 35}},
		{"cap equal to MOQ", 20, 10, 20, 50, Shaped{Need: 50, Units: 50, AfterMOQ: 50, AfterPack: 50, Qty: 20}},
	}
	for _, tt := range tests {
		s, err := NewShaping(tt.moq, tt.pack, tt.cap)
		require.NoError(t, err, tt.name)
		got, err := s.Shape(tt.give)
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, got, "%s: Shape(%v)", tt.name, tt.give)
	}
}

func TestShapingZeroValue(t *testing.T) {
	var s Shaping
	assert.Equal(t, int64(1), s.Pack())
	assert.Equal(t, int64(0), s.MOQ())
	assert.Equal(t, int64(0), s.Cap())
	got, err := s.Shape(7.5)
	require.NoError(t, err)
	assert.Equal(t, int64(8), got.Qty)
}

func TestShapingErrors(t *testing.T) {
	tests := []struct {
		name           string
		moq, pack, cap int64
		want           error
	}{
		{"negative MOQ", -1, 1, 0, ErrNegative},
		{"zero pack", 0, 0, 0, ErrNotPositive},
		{"negative cap", 0, 1, -1, ErrNegative},
		{"cap below MOQ", 20, 1, 10, ErrCapBelowMOQ},
		{"cap below one pack", 0, 12, 10, ErrCapBelowMOQ},
		{"cap below MOQ rounded to packs", 10, 6, 11, ErrCapBelowMOQ}, // smallest order is 12
		{"too large", MaxQty + 1, 1, 0, ErrTooLarge},
	}
	for _, tt := range tests {
		_, err := NewShaping(tt.moq, tt.pack, tt.cap)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
	_, err := NewShaping(20, 1, 10)
	assert.EqualError(t, err, "inventory: shaping: cap 10: cap below the smallest allowed order: smallest order 20 (moq 20, pack 1)")
	assert.Panics(t, func() { MustShaping(0, 0, 0) })

	s := MustShaping(1, 1, 0)
	for _, give := range []float64{-1, math.NaN(), math.Inf(1), MaxQty * 2} {
		_, err := s.Shape(give)
		assert.Error(t, err, "Shape(%v)", give)
	}
}

func TestShapedString(t *testing.T) {
	s := MustShaping(20, 12, 48)
	tests := []struct {
		give float64
		want string
	}{
		{0, "need 0 → order 0"},
		{12.3, "need 12.3 → 13 units → MOQ 20 → pack multiple 24 → order 24"},
		{100, "need 100 → pack multiple 108 → cap 48 → order 48"},
		{24, "need 24 → order 24"},
	}
	for _, tt := range tests {
		got, err := s.Shape(tt.give)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got.String())
	}
	r, _ := s.Shape(100)
	assert.True(t, r.Capped())
}
