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

// Tests written from the survivors of the whole-package gremlins run of
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
