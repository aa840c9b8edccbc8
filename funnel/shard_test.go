package funnel

import (
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestShardsMergeToOnePass: shards run on goroutines and merged give the
// one-pass result exactly (Result.Equal), on both paths, with a breakdown.
func TestShardsMergeToOnePass(t *testing.T) {
	c := genColumns(3000, 9, 4, 5)
	events := columnsToEvents(c)
	for i := range events {
		events[i].Props = map[string]string{"ch": []string{"ad", "seo", ""}[i%3]}
	}
	f := MustNew(vcp, 10*time.Minute, WithBreakdown("ch", AtFirstStep), WithExclusions(Exclusion{Event: "leave", After: "view", Before: "pay"}))
	one, err := f.Run(events)
	require.NoError(t, err)
	for _, n := range []int{0, 1, 2, 7} {
		parts := ShardEvents(events, n)
		assert.Len(t, parts, max(1, n))
		results := make([]Result, len(parts))
		var wg sync.WaitGroup
		for p := range parts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				results[p], _ = f.Run(parts[p])
			}()
		}
		wg.Wait()
		merged, err := Merge(results...)
		require.NoError(t, err)
		assert.True(t, one.Equal(merged), "%d event shards", n)
	}
	enc, _, _, err := f.Encode(events)
	require.NoError(t, err)
	for _, n := range []int{-1, 1, 2, 5, 1 << 20} {
		parts := ShardColumns(enc, n)
		total := 0
		for p, part := range parts {
			total += len(part.Actors)
			if p > 0 {
				assert.NotEqual(t, parts[p-1].Actors[len(parts[p-1].Actors)-1], part.Actors[0], "an actor split between shards")
			}
		}
		assert.Equal(t, len(enc.Actors), total)
		results := make([]Result, len(parts))
		for p := range parts {
			results[p], err = f.RunColumns(parts[p])
			require.NoError(t, err)
		}
		merged, err := Merge(results...)
		require.NoError(t, err)
		assert.True(t, one.Equal(merged), "%d column shards", n)
	}
	assert.Len(t, ShardColumns(Columns{}, 3), 1)
	// Codes and a breakdown are sliced alongside.
	cp := ShardColumns(c, 2)
	assert.Len(t, cp, 2)
	assert.Equal(t, len(cp[0].Actors), len(cp[0].Codes))
}

// TestRunSeq: the sequence path equals Run, and reports errors by position.
func TestRunSeq(t *testing.T) {
	events := columnsToEvents(genColumns(500, 7, 3, 11))
	f := MustNew(vcp, 10*time.Minute)
	want, err := f.Run(events)
	require.NoError(t, err)
	got, err := f.RunSeq(slices.Values(events))
	require.NoError(t, err)
	assert.True(t, want.Equal(got))
	bad := slices.Clone(events)
	bad[300].Actor = ""
	_, err = f.RunSeq(slices.Values(bad))
	assert.ErrorIs(t, err, ErrInvalidEvent)
	assert.Contains(t, err.Error(), "events[300].actor")
	bad = slices.Clone(events[:5])
	bad[4].Actor = ""
	_, err = f.RunSeq(slices.Values(bad))
	assert.Contains(t, err.Error(), "events[4].actor")
	_, err = Funnel{}.RunSeq(slices.Values(events))
	assert.ErrorIs(t, err, ErrNoSteps)
	empty, err := f.RunSeq(slices.Values([]Event(nil)))
	require.NoError(t, err)
	assert.Equal(t, []int64{0, 0, 0}, empty.Counts())
}

// TestRunManyMasks: more distinct match masks than the two-pass path can
// number (65,535) fall back to the one-pass path with the same result.
// Seventeen predicate steps on the bits of a property give 2^17 masks.
func TestRunManyMasks(t *testing.T) {
	var st []Matcher
	for b := 0; b < 17; b++ {
		st = append(st, Matcher{Name: "bit" + itoa(b+1), Where: func(e Event) bool { return e.Props["n"][b] == '1' }})
	}
	f := MustNew(st, time.Hour)
	var events []Event
	for i := 0; i < 1<<17; i++ {
		bitsText := make([]byte, 17)
		for b := range bitsText {
			bitsText[b] = byte('0' + i>>b&1)
		}
		events = append(events, Event{Actor: "u" + itoa(i%97), Time: base.Add(time.Duration(i) * time.Millisecond), Name: "e", Props: map[string]string{"n": string(bitsText)}})
	}
	_, ok, err := f.runTwoPass("test", events)
	require.NoError(t, err)
	assert.False(t, ok, "too many masks for the two-pass path")
	r, err := f.Run(events)
	require.NoError(t, err)
	want, err := f.RunSeq(slices.Values(events))
	require.NoError(t, err)
	assert.True(t, want.Equal(r))
	assert.Equal(t, int64(97), r.Counts()[0])
	// A few masks: the two-pass path and the one-pass path agree.
	got, ok, err := f.runTwoPass("test", events[:1000])
	require.NoError(t, err)
	assert.True(t, ok)
	want, err = f.RunSeq(slices.Values(events[:1000]))
	require.NoError(t, err)
	assert.True(t, want.Equal(got))
}
