package funnel

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests written from the survivors of the whole-package mutant scan of
// funnel (issue 19) in the binary form of a result (result_binary.go).

// TestResultBinaryGroupCodeBounds: a group code must fit int32: 2^31 − 1
// decodes, 2^31 is named as groups[0].code (result_binary.go, "code >
// 1<<31-1": a looser bound would read 2^31 back as −2^31), and likewise at
// −2^31. The result is one actor in breakdown code 100; its group code is
// patched in the encoded bytes (the has-groups flag, one group, zig-zag
// varint 100, an empty value).
func TestResultBinaryGroupCodeBounds(t *testing.T) {
	f := MustNew(steps("a", "b"), time.Hour)
	r, err := f.RunColumns(Columns{Actors: []int32{0, 0}, Times: []int64{0, 1}, Codes: []uint8{1, 2}, Breakdown: []int32{100, 100}, Unit: time.Second})
	require.NoError(t, err)
	b, err := r.MarshalBinary()
	require.NoError(t, err)
	group := func(code int64) []byte { return append(binary.AppendVarint([]byte{1, 1}, code), 0) }
	require.Equal(t, 1, bytes.Count(b, group(100)))
	for code, ok := range map[int64]bool{1<<31 - 1: true, 1 << 31: false, -1 << 31: true, -1<<31 - 1: false} {
		var back Result
		err := back.UnmarshalBinary(bytes.Replace(b, group(100), group(code), 1))
		if ok {
			require.NoError(t, err, code)
			require.Len(t, back.Groups(), 1)
			assert.Equal(t, int32(code), back.Groups()[0].Code)
			continue
		}
		var fe *FieldError
		require.ErrorAs(t, err, &fe, code)
		assert.ErrorIs(t, err, ErrInvalidBinary)
		assert.Equal(t, "groups[0].code", fe.Field, code)
	}
}

// TestResultBinaryCountBeyondInt64: a step count of 2^63 is named where it
// is read, as steps[0].count (result_binary.go readTally, "c > 1<<63-1"),
// not at a later field.
func TestResultBinaryCountBeyondInt64(t *testing.T) {
	key, err := json.Marshal(MustNew(steps("a", "b"), time.Hour).key(time.Second, false, false))
	require.NoError(t, err)
	w := newBinWriter('R')
	w.bool(true)
	w.bytes(key)
	w.uint(1 << 63)
	var back Result
	err = back.UnmarshalBinary(w.b)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.ErrorIs(t, err, ErrInvalidBinary)
	assert.Equal(t, "steps[0].count", fe.Field)
}

// binaryResult hand-writes the binary form of a result of the two-step
// funnel a -> b (window 1 hour, unit 1 second) with one actor through both
// steps: counts 1 and 1, the overall duration and the a -> b duration in
// ticks, no groups (result_binary.go MarshalBinary's layout).
func binaryResult(t *testing.T, overall, ab uint64) []byte {
	key, err := json.Marshal(MustNew(steps("a", "b"), time.Hour).key(time.Second, false, false))
	require.NoError(t, err)
	w := newBinWriter('R')
	w.bool(true)
	w.bytes(key)
	w.uint(1)
	w.uint(1)
	w.uint(1)
	w.uint(overall)
	w.uint(1)
	w.uint(ab)
	w.bool(false)
	w.uint(0)
	return w.b
}

// TestResultBinaryDurationTicks: durations are stored in ticks of the unit
// and read back as ticks × unit (result_binary.go readTally, "int64(v) *
// unit"): 5 ticks of a second are 5 s, and an encoded result of
// RunColumns in seconds decodes equal to itself. A duration past the
// window is named where it is read, even 2^55 ticks past 5 (2^55 × 10^9
// is a multiple of 2^64, so the product would wrap to 5 s exactly): the
// bound is window / unit = 3600 ticks.
func TestResultBinaryDurationTicks(t *testing.T) {
	var back Result
	require.NoError(t, back.UnmarshalBinary(binaryResult(t, 5, 5)))
	assert.Equal(t, []time.Duration{5 * time.Second}, back.OverallDurations())
	assert.Equal(t, []time.Duration{5 * time.Second}, back.Durations(2))
	require.NoError(t, back.UnmarshalBinary(binaryResult(t, 3600, 3600)))
	assert.Equal(t, []time.Duration{time.Hour}, back.OverallDurations())
	for _, v := range []uint64{3601, 5 + 1<<55} {
		err := back.UnmarshalBinary(binaryResult(t, v, 5))
		var fe *FieldError
		require.ErrorAs(t, err, &fe, v)
		assert.ErrorIs(t, err, ErrInvalidBinary)
		assert.Equal(t, "overall_durations[0]", fe.Field, v)
	}

	f := MustNew(steps("a", "b"), time.Hour)
	r, err := f.RunColumns(Columns{Actors: []int32{0, 0, 1}, Times: []int64{0, 5, 7}, Codes: []uint8{1, 2, 1}, Unit: time.Second})
	require.NoError(t, err)
	b, err := r.MarshalBinary()
	require.NoError(t, err)
	require.NoError(t, back.UnmarshalBinary(b))
	assert.True(t, back.Equal(r))
	assert.Equal(t, []time.Duration{5 * time.Second}, back.OverallDurations())
}

// TestResultBinaryCountAtInt64Max: a step count of 2^63 − 1 is the largest
// that decodes (result_binary.go readTally, "c > 1<<63-1"; one more is
// TestResultBinaryCountBeyondInt64).
func TestResultBinaryCountAtInt64Max(t *testing.T) {
	key, err := json.Marshal(MustNew(steps("a", "b"), time.Hour).key(time.Second, false, false))
	require.NoError(t, err)
	w := newBinWriter('R')
	w.bool(true)
	w.bytes(key)
	w.uint(1<<63 - 1)
	w.uint(0)
	w.uint(0)
	w.uint(0)
	w.bool(false)
	w.uint(0)
	var back Result
	require.NoError(t, back.UnmarshalBinary(w.b))
	assert.Equal(t, []int64{1<<63 - 1, 0}, back.Counts())
}
