package funnel

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests written from the survivors of the whole-package mutant scan of
// funnel (issue 19) in actors.go.

// TestActorTableManyChunks: 70,000 distinct 13-byte actors take 18-byte
// records (a 1-byte length, 13 bytes, a 4-byte ID), about 1.2 MB: past the
// doubling chunks (256 B to 64 KiB) into many full 64 KiB chunks, whose
// last 16 bytes stay unused (65,536 = 3,640 × 18 + 16). Every actor keeps
// its ID, in order of first appearance, when looked up again after all
// were added, and the table is not full (2^16 − 1 chunks). This pins the
// record size and the chunk sizes of actors.go add ("k + len(s) + 4",
// "2*cap"): a record that does not fit would run its chunk past 64 KiB,
// where offsets no longer fit 16 bits and lookups miss; one chunk per
// record would fill the table at 65,535 actors.
func TestActorTableManyChunks(t *testing.T) {
	const n = 70000
	events := make([]Event, n)
	for i := range events {
		events[i] = Event{Actor: fmt.Sprintf("actor-%07d", i)}
	}
	tab := newActorTable(0, nil)
	ids := make([]int32, n)
	for pass := 0; pass < 2; pass++ {
		for lo := 0; lo < n; lo += internBatchLen {
			hi := min(lo+internBatchLen, n)
			tab.internBatch(events[lo:hi], ids[lo:hi])
		}
		require.False(t, tab.full)
		for i, id := range ids {
			require.Equal(t, int32(i), id, "pass %d, %s", pass, events[i].Actor)
		}
	}
	assert.Equal(t, n, tab.len())
	names := tab.names()
	assert.Equal(t, events[n-1].Actor, names[n-1])
	assert.Equal(t, events[12345].Actor, names[12345])
}

// TestRunManyLongActors: the same through Run, one view and one pay per
// actor, all views first: 70,000 actors at both steps.
func TestRunManyLongActors(t *testing.T) {
	const n = 70000
	events := make([]Event, 0, 2*n)
	for s, name := range []string{"view", "pay"} {
		for i := 0; i < n; i++ {
			events = append(events, Event{Actor: fmt.Sprintf("actor-%07d", i), Name: name, Time: base.Add(time.Duration(s) * time.Minute)})
		}
	}
	r, err := MustNew(steps("view", "pay"), time.Hour).Run(events)
	require.NoError(t, err)
	assert.Equal(t, []int64{n, n}, r.Counts())
}

// TestNameSlotOfHostileBytes: event names are any strings, NUL and 0xff
// bytes included; every name's cache slot is inside the cache and a funnel
// over such names runs (actors.go nameSlot adds its terms: with the middle
// byte subtracted, "\x00\xff\x00" gave 3·31 − 3·255 = −672, slot −32).
func TestNameSlotOfHostileBytes(t *testing.T) {
	bytes := []byte{0x00, 0x01, 0x7f, 0x80, 0xff}
	var names []string
	for _, a := range bytes {
		for _, b := range bytes {
			for _, c := range bytes {
				names = append(names, string([]byte{a, b}), string([]byte{a, b, c}), string([]byte{a, b, c, b}))
			}
		}
	}
	for _, name := range names {
		s := nameSlot(name)
		require.True(t, s >= 0 && s < nameSlots, "%q: %d", name, s)
	}
	f := MustNew(steps("\x00\xff\x00", "\xff"), time.Hour)
	r, err := f.Run([]Event{
		{Actor: "u", Name: "\x00\xff\x00", Time: base},
		{Actor: "u", Name: "\xff", Time: base.Add(time.Minute)},
		{Actor: "v", Name: "\x00\xff\x00", Time: base},
	})
	require.NoError(t, err)
	assert.Equal(t, []int64{2, 1}, r.Counts())
}
