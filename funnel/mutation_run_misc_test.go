package funnel

import (
	"hash/fnv"
	"math"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/opskit/opskit/pricing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests written from the survivors of the whole-package mutant scan of
// funnel (issue 19) in the files after engine.go (indicators.go and on).

// TestShareEdges: a share may be 0 or the whole (0 of 10 visitors bought,
// all 10 bought: 0 and 1 exactly), one outside either end is
// ErrInvalidCount naming the part (indicators.go share, "part < 0",
// "part > whole").
func TestShareEdges(t *testing.T) {
	for _, tc := range []struct {
		part int64
		want float64
	}{{0, 0}, {10, 1}, {1, 0.1}} {
		got, err := ConversionRate(tc.part, 10)
		require.NoError(t, err, tc.part)
		assert.Equal(t, tc.want, got, tc.part)
	}
	for _, part := range []int64{-1, 11} {
		_, err := ConversionRate(part, 10)
		var fe *FieldError
		require.ErrorAs(t, err, &fe, part)
		assert.ErrorIs(t, err, ErrInvalidCount)
		assert.Equal(t, "buyers", fe.Field)
	}
}

// TestPopularItemRateEdges: rates of exactly 0 and 1 are valid (a bounce
// rate of 0 beats any positive average; a conversion of 1 beats 0.5), just
// outside [0, 1] is ErrInvalidRate naming the metric (indicators.go
// PopularItem, "v < 0 || v > 1").
func TestPopularItemRateEdges(t *testing.T) {
	avg := ItemMetrics{Conversion: 0.5, Bounce: 0.5, Favourites: 10, Rating: 4.5}
	pass, checks, err := PopularItem(ItemMetrics{Conversion: 1, Bounce: 0, Favourites: 11, Rating: 4.6}, avg)
	require.NoError(t, err)
	assert.True(t, pass)
	require.Len(t, checks, 4)
	pass, _, err = PopularItem(ItemMetrics{Conversion: 0, Bounce: 1, Favourites: 11, Rating: 4.6}, avg)
	require.NoError(t, err)
	assert.False(t, pass)
	for _, bad := range []ItemMetrics{{Conversion: 1.0000001}, {Bounce: -1e-9}} {
		_, _, err := PopularItem(bad, avg)
		var fe *FieldError
		require.ErrorAs(t, err, &fe)
		assert.ErrorIs(t, err, ErrInvalidRate)
	}
}

// TestSortColumnsSparseActors: actor IDs too sparse for the counting sort
// (7,000,000 and 0 for 3 events) go through the stable sort, and each
// actor's times are then sorted on their own: actor 0 first, then actor
// 7,000,000's events at 3 and 5 (intern.go sortPerm: runs of one actor,
// "actors[perm[j]] == actors[perm[i]]").
func TestSortColumnsSparseActors(t *testing.T) {
	c := Columns{Actors: []int32{7_000_000, 0, 7_000_000}, Times: []int64{5, 9, 3}, Codes: []uint8{1, 2, 3}}
	s := SortColumns(c)
	assert.Equal(t, []int32{0, 7_000_000, 7_000_000}, s.Actors)
	assert.Equal(t, []int64{9, 3, 5}, s.Times)
	assert.Equal(t, []uint8{2, 3, 1}, s.Codes)
	assert.Equal(t, []int32{7_000_000, 0, 7_000_000}, c.Actors, "input unchanged")
}

// TestSortColumnsEventsOrBadCodes: columns encoded per name (Events, no
// Codes) are sorted; columns whose Codes are shorter than the actors are
// returned unsorted, as copies, for RunColumns to report (intern.go
// SortColumns, "c.Codes != nil && len(c.Codes) != n").
func TestSortColumnsEventsOrBadCodes(t *testing.T) {
	c := Columns{Actors: []int32{1, 0, 1}, Times: []int64{5, 9, 3}, Events: []int32{0, 1, 2}, Names: []string{"a", "b", "c"}}
	s := SortColumns(c)
	assert.Equal(t, []int32{0, 1, 1}, s.Actors)
	assert.Equal(t, []int64{9, 3, 5}, s.Times)
	assert.Equal(t, []int32{1, 2, 0}, s.Events)
	assert.Nil(t, s.Codes)
	bad := Columns{Actors: []int32{1, 0, 1}, Times: []int64{5, 9, 3}, Codes: []uint8{1, 2}}
	s = SortColumns(bad)
	assert.Equal(t, bad.Actors, s.Actors)
	assert.Equal(t, bad.Times, s.Times)
	assert.Equal(t, bad.Codes, s.Codes)
}

// TestDecomposeGMVAtTheLimit: a GMV of exactly 2^62 minor units before or
// after is allowed (lmdi.go Decompose, "m0 > maxGMVMinor", "m1 >
// maxGMVMinor"): 2^60 visitors converting at 1 with an order value of
// CNY 0.04 spend 2^60 × 4 = 2^62 fen. One more visitor is 4 fen too many,
// ErrTooLarge. The other period has 1 visitor: a change of 4 − 2^62 fen
// (or its negative), which the effects add up to.
func TestDecomposeGMVAtTheLimit(t *testing.T) {
	one, aov := decimal.NewFromInt(1), pricing.MustNew("0.04", pricing.CNY)
	big, small := GMVFactors{UV: 1 << 60, CR: one, AOV: aov}, GMVFactors{UV: 1, CR: one, AOV: aov}
	minor := func(m pricing.Money) int64 {
		v, err := m.MinorUnits()
		require.NoError(t, err)
		return v
	}
	d, err := Decompose(big, small)
	require.NoError(t, err)
	assert.Equal(t, int64(1<<62), minor(d.Before))
	assert.Equal(t, int64(4-1<<62), minor(d.Change))
	assert.Equal(t, minor(d.Change), minor(d.UV)+minor(d.CR)+minor(d.AOV))
	d, err = Decompose(small, big)
	require.NoError(t, err)
	assert.Equal(t, int64(1<<62), minor(d.After))
	assert.Equal(t, int64(1<<62-4), minor(d.Change))
	assert.Equal(t, minor(d.Change), minor(d.UV)+minor(d.CR)+minor(d.AOV))
	over := GMVFactors{UV: 1<<60 + 1, CR: one, AOV: aov}
	for _, pair := range [][2]GMVFactors{{over, small}, {small, over}} {
		_, err := Decompose(pair[0], pair[1])
		var fe *FieldError
		require.ErrorAs(t, err, &fe)
		assert.ErrorIs(t, err, ErrTooLarge)
		assert.Equal(t, "gmv", fe.Field)
	}
}

// TestSalesZeroRate: a conversion rate of 0 is inside [0, 1], so Sales is
// zero (plan.go checkCR, "cr.Sign() < 0"); −0.01 is ErrInvalidRate naming
// cr.
func TestSalesZeroRate(t *testing.T) {
	aov := pricing.MustNew("101.00", pricing.CNY)
	got, err := Sales(600, decimal.Zero, aov)
	require.NoError(t, err)
	assert.Equal(t, 0, got.Sign(), got.String())
	_, err = Sales(600, decimal.RequireFromString("-0.01"), aov)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.ErrorIs(t, err, ErrInvalidRate)
	assert.Equal(t, "cr", fe.Field)
}

// TestRequiredUVJustAboveAnInteger: with cr = 0.3333333333333333333 (19
// digits) and an order value of CNY 1.00, a target of CNY 1.00 needs
// 1/0.3333333333333333333 = 3.0000000000000000003 visitors, so 4: three
// visitors bring 0.9999999999999999999, short of the target. Dividing to
// 16 places gives exactly 3, which plan.go RequiredUV corrects ("uv++").
func TestRequiredUVJustAboveAnInteger(t *testing.T) {
	uv, err := RequiredUV(pricing.MustNew("1.00", pricing.CNY), decimal.RequireFromString("0.3333333333333333333"), pricing.MustNew("1.00", pricing.CNY))
	require.NoError(t, err)
	assert.Equal(t, int64(4), uv)
}

// TestPopularItemBounceTie: a bounce rate equal to the average is not
// better (PopularItem's doc: "A tie is not better"; indicators.go,
// "c.Item < c.Average" for a lower-is-better metric).
func TestPopularItemBounceTie(t *testing.T) {
	avg := ItemMetrics{Conversion: 0.5, Bounce: 0.5, Favourites: 10, Rating: 4.5}
	pass, checks, err := PopularItem(ItemMetrics{Conversion: 0.6, Bounce: 0.5, Favourites: 11, Rating: 4.6}, avg)
	require.NoError(t, err)
	assert.False(t, pass)
	assert.False(t, checks[1].Better)
	assert.True(t, checks[0].Better)
}

// TestLevelsErrorIndexPastFirstBatch: Levels names a bad event after the
// first intern batch of 128 by its own index (run.go add, "lo+i"): the
// empty actor of event 130.
func TestLevelsErrorIndexPastFirstBatch(t *testing.T) {
	events := make([]Event, 140)
	for i := range events {
		events[i] = ev("u", i, "view")
	}
	events[130].Actor = ""
	_, err := MustNew(vcp, time.Hour).Levels(events)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.ErrorIs(t, err, ErrInvalidEvent)
	assert.Equal(t, "events[130].actor", fe.Field)
}

// TestSegmentationOptionEdges: 2 and MaxRFMScore (10) scores are allowed, a
// first recency cut of 0 too (segment.go check: "S < 2 || S >
// MaxRFMScore", "RecencyCuts[0] < 0"); 1 and 11 scores, equal recency cuts
// and a wrong number of cuts are ErrInvalidOption naming the field, the
// last with the count wanted (3 scores: 2 cut points).
func TestSegmentationOptionEdges(t *testing.T) {
	asOf := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, s := range []Segmentation{
		{AsOf: asOf, Scores: 2},
		{AsOf: asOf, Scores: MaxRFMScore},
		{AsOf: asOf, Scores: 3, RecencyCuts: []time.Duration{0, 24 * time.Hour}},
	} {
		_, err := s.Run(nil)
		require.NoError(t, err, s.Scores)
	}
	for _, tc := range []struct {
		s      Segmentation
		field  string
		detail string
	}{
		{Segmentation{AsOf: asOf, Scores: 1}, "scores", ""},
		{Segmentation{AsOf: asOf, Scores: MaxRFMScore + 1}, "scores", ""},
		{Segmentation{AsOf: asOf, Scores: 3, RecencyCuts: []time.Duration{time.Hour, time.Hour}}, "recency_cuts[1]", ""},
		{Segmentation{AsOf: asOf, Scores: 3, RecencyCuts: []time.Duration{time.Hour}}, "recency_cuts", "scores − 1 cut points: 2"},
	} {
		_, err := tc.s.Run(nil)
		var fe *FieldError
		require.ErrorAs(t, err, &fe, tc.field)
		assert.ErrorIs(t, err, ErrInvalidOption)
		assert.Equal(t, tc.field, fe.Field)
		assert.Contains(t, fe.Detail, tc.detail)
	}
}

// TestShardColumnsSizes: 10 events of 10 actors in 3 parts take
// ⌊10/3⌋ = 3 events each and the rest in the last: 3, 3 and 4, every event
// in exactly one part, its codes with it (shard.go ShardColumns, "p < n",
// "total/n*p"; slice, "len(c.Codes) >= hi").
func TestShardColumnsSizes(t *testing.T) {
	c := Columns{Actors: make([]int32, 10), Times: make([]int64, 10), Codes: make([]uint8, 10)}
	for i := range c.Actors {
		c.Actors[i] = int32(i)
	}
	parts := ShardColumns(c, 3)
	var sizes []int
	var actors []int32
	for _, p := range parts {
		sizes = append(sizes, len(p.Actors))
		actors = append(actors, p.Actors...)
		assert.Len(t, p.Codes, len(p.Actors)) // the last part's codes end at the columns' end
	}
	assert.Equal(t, []int{3, 3, 4}, sizes)
	assert.Equal(t, c.Actors, actors)
}

// TestActorHashIsFNV1a: the shard hash is 64-bit FNV-1a (shard.go
// actorHash's doc), checked against hash/fnv: fixed, so that ShardEvents
// puts an actor in the same part in every run and process; 26 actors
// spread over more than one of 4 parts.
func TestActorHashIsFNV1a(t *testing.T) {
	used := map[int]bool{}
	for _, s := range []string{"", "a", "user-42", "顾客", "abcdefghijklmnopqrstuvwxyz"} {
		h := fnv.New64a()
		h.Write([]byte(s))
		assert.Equal(t, h.Sum64(), actorHash(s), s)
	}
	var events []Event
	for c := 'a'; c <= 'z'; c++ {
		events = append(events, Event{Actor: string(c)})
	}
	for p, part := range ShardEvents(events, 4) {
		if len(part) > 0 {
			used[p] = true
		}
	}
	assert.Greater(t, len(used), 1)
}

// TestZeroTrialsMessage: zero trials are not negative: the error names n_a
// and says it must be positive (stats.go checkCounts, "trials < 0", then
// checkPair's own test of zero).
func TestZeroTrialsMessage(t *testing.T) {
	for _, tc := range []struct {
		nA, nB int64
		field  string
	}{{0, 2, "n_a"}, {2, 0, "n_b"}, {-1, 2, "n_a"}} {
		_, err := ProbBBeatsA(0, tc.nA, 0, tc.nB)
		var fe *FieldError
		require.ErrorAs(t, err, &fe)
		assert.ErrorIs(t, err, ErrInvalidCount)
		assert.Equal(t, tc.field, fe.Field)
		if tc.nA == 0 || tc.nB == 0 {
			assert.Equal(t, "must be positive", fe.Detail)
		} else {
			assert.Equal(t, "negative", fe.Detail)
		}
	}
}

// TestZTestHugeArmAllConverted: A converts 10^18 of 10^18, B 1 of 2. The
// pooled rate p = (10^18 + 1)/(10^18 + 2) rounds to 1 in float64, but
// 1 − p = 1/(10^18 + 2) is not 0: SE = √(p(1 − p)(10^-18 + 1/2)) ≈ 7.07e-10
// and z = (0.5 − 1)/SE ≈ −7.07e8, a p-value of 0 (stats.go
// TwoProportionZTest: 1 − p from the failures, not by subtraction; "se >
// 0" then holds). It used to report z 0 and p-value 1, "no difference".
func TestZTestHugeArmAllConverted(t *testing.T) {
	r, err := TwoProportionZTest(1e18, 1e18, 1, 2)
	require.NoError(t, err)
	assert.InEpsilon(t, -0.5/math.Sqrt(0.5e-18), r.Z, 1e-6)
	assert.Equal(t, 0.0, r.PValue)
	r, err = TwoProportionZTest(0, 1e18, 1, 2)
	require.NoError(t, err)
	assert.InEpsilon(t, 0.5/math.Sqrt(0.5e-18), r.Z, 1e-6)
}

// TestSampleSizeMDEEdges: baseline + mde must lie strictly inside (0, 1):
// 0.1 − 0.1 = 0 and 0.5 + 0.5 = 1 are ErrInvalidRate naming mde (stats.go
// SampleSize, "p2 <= 0 || p2 >= 1"); 0.5 + 0.49 is a valid question.
func TestSampleSizeMDEEdges(t *testing.T) {
	for _, c := range [][2]float64{{0.1, -0.1}, {0.5, 0.5}} {
		_, err := SampleSize(c[0], c[1], 0.05, 0.8)
		var fe *FieldError
		require.ErrorAs(t, err, &fe, c)
		assert.ErrorIs(t, err, ErrInvalidRate)
		assert.Equal(t, "mde", fe.Field)
	}
	n, err := SampleSize(0.5, 0.49, 0.05, 0.8)
	require.NoError(t, err)
	assert.Positive(t, n)
}

// TestRelativeUpliftTwoPerArm: two observations per arm are enough for a
// sample variance (uplift.go RelativeUplift, "N < 2"); one is
// ErrInvalidCount naming a.n.
func TestRelativeUpliftTwoPerArm(t *testing.T) {
	_, err := RelativeUplift(MeanSample{N: 2, Mean: 10, StdDev: 1}, MeanSample{N: 2, Mean: 12, StdDev: 1}, 0.95)
	require.NoError(t, err)
	_, err = RelativeUplift(MeanSample{N: 1, Mean: 10, StdDev: 1}, MeanSample{N: 2, Mean: 12, StdDev: 1}, 0.95)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.ErrorIs(t, err, ErrInvalidCount)
	assert.Equal(t, "a.n", fe.Field)
}

// TestProportionUpliftTwoPerArm: two visitors per arm are enough
// (uplift.go ProportionUplift, "nA < 2", "nB < 2"): A 1 of 2, B 1 of 2
// is an uplift of 0.
func TestProportionUpliftTwoPerArm(t *testing.T) {
	u, err := ProportionUplift(1, 2, 1, 2, 0.95)
	require.NoError(t, err)
	assert.Equal(t, 0.0, u.Uplift)
}
