package funnel

import (
	"encoding"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shardEvents is a deterministic log of 600 actors over 20 days: views,
// carts, pays, coupons and chats with a channel property.
func shardEvents() []Event {
	rng := rand.New(rand.NewPCG(15, 19))
	t0 := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	names := []string{"view", "cart", "pay", "coupon", "chat"}
	chans := []string{"app", "web", "mini"}
	var ev []Event
	for a := range 600 {
		actor := fmt.Sprintf("u%03d", a)
		n := 1 + rng.IntN(12)
		for range n {
			ev = append(ev, Event{Actor: actor, Time: t0.Add(time.Duration(rng.IntN(20*24*60)) * time.Minute),
				Name: names[rng.IntN(len(names))], Props: map[string]string{"ch": chans[rng.IntN(len(chans))]}})
		}
	}
	return ev
}

// shardOf splits events by actor into n shards.
func shardOf(ev []Event, n int) [][]Event {
	out := make([][]Event, n)
	for _, e := range ev {
		h := 0
		for _, c := range e.Actor {
			h = h*31 + int(c)
		}
		out[h%n] = append(out[h%n], e)
	}
	return out
}

// roundTrip encodes v in binary (odd i) or JSON (even i) and decodes it
// into fresh.
func roundTrip[T any, P interface {
	*T
	encoding.BinaryUnmarshaler
	json.Unmarshaler
}](t *testing.T, i int, v encoding.BinaryMarshaler) T {
	t.Helper()
	var out T
	if i%2 == 1 {
		b, err := v.MarshalBinary()
		require.NoError(t, err)
		require.NoError(t, P(&out).UnmarshalBinary(b))
		return out
	}
	b, err := json.Marshal(v)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, P(&out)))
	return out
}

// mergeRandomly merges parts in a random order and grouping: it takes
// groups of 1 to 4 random parts from the pool, merges each group, and puts
// the merged part back, until one remains.
func mergeRandomly[T any](rng *rand.Rand, parts []T, merge func(...T) (T, error)) (T, error) {
	pool := append([]T(nil), parts...)
	for len(pool) > 1 {
		rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
		k := min(len(pool), 1+rng.IntN(4))
		m, err := merge(pool[:k]...)
		if err != nil {
			return m, err
		}
		pool = append([]T{m}, pool[k:]...)
	}
	return pool[0], nil
}

type cohortRow struct {
	Start    int64
	Retained []int64
	Pending  int
}

func retentionRows(tab RetentionTable) []cohortRow {
	var out []cohortRow
	for _, c := range tab.Cohorts {
		out = append(out, cohortRow{c.Start.Unix(), c.Retained, c.Pending})
	}
	return out
}

// TestShardsMergeAnywhere splits a log by actor into 16 shards, computes a
// funnel result, a retention table and a correlation table per shard,
// serialises each (binary and JSON alternately), decodes, and merges them
// in 20 random orders and groupings: every merge equals the one-pass
// answer.
func TestShardsMergeAnywhere(t *testing.T) {
	ev := shardEvents()
	shards := shardOf(ev, 16)
	f := MustNew([]Matcher{{Event: "view"}, {Event: "cart"}, {Event: "pay"}}, 48*time.Hour, WithBreakdown("ch", AtFirstStep))
	ret := Retention{Start: Matcher{Event: "view"}, Return: Matcher{Event: "pay"}, Periods: 7,
		From: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), AsOf: time.Date(2024, 6, 18, 12, 0, 0, 0, time.UTC)}
	cor := Correlation{Funnel: f, Properties: []string{"ch"}}

	wantF, err := f.Run(ev)
	require.NoError(t, err)
	wantR, err := ret.Run(ev)
	require.NoError(t, err)
	wantC, err := cor.Run(ev)
	require.NoError(t, err)
	require.NotEmpty(t, wantC.Counts())
	require.Len(t, wantR.Cohorts, 18)

	var fs []Result
	var rs []RetentionTable
	var cs []CorrelationTable
	for i, sh := range shards {
		require.NotEmpty(t, sh)
		r, err := f.Run(sh)
		require.NoError(t, err)
		fs = append(fs, roundTrip[Result](t, i, r))
		rt, err := ret.Run(sh)
		require.NoError(t, err)
		rs = append(rs, roundTrip[RetentionTable](t, i, rt))
		ct, err := cor.Run(sh)
		require.NoError(t, err)
		cs = append(cs, roundTrip[CorrelationTable](t, i, ct))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		gotF, err := mergeRandomly(rng, fs, Merge)
		require.NoError(t, err)
		assert.True(t, wantF.Equal(gotF))
		gotR, err := mergeRandomly(rng, rs, MergeRetention)
		require.NoError(t, err)
		assert.Equal(t, retentionRows(wantR), retentionRows(gotR))
		gotC, err := mergeRandomly(rng, cs, MergeCorrelation)
		require.NoError(t, err)
		assert.Equal(t, wantC.Counts(), gotC.Counts())
		ws, wf := wantC.Totals()
		gs, gf := gotC.Totals()
		assert.Equal(t, [2]int64{ws, wf}, [2]int64{gs, gf})
	}
	// Merging nothing, or with the zero value, changes nothing.
	z, err := MergeRetention()
	require.NoError(t, err)
	assert.Empty(t, z.Cohorts)
	one, err := MergeRetention(RetentionTable{}, wantR, RetentionTable{})
	require.NoError(t, err)
	assert.Equal(t, retentionRows(wantR), retentionRows(one))
	zc, err := MergeCorrelation(CorrelationTable{}, wantC)
	require.NoError(t, err)
	assert.Equal(t, wantC.Counts(), zc.Counts())
}
