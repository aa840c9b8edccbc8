package funnel

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOptionStrings(t *testing.T) {
	assert.Equal(t, []string{"ordered", "strict", "any_order", "StepOrder(7)"},
		[]string{Ordered.String(), Strict.String(), AnyOrder.String(), StepOrder(7).String()})
	assert.Equal(t, []string{"restart", "first_entry", "Reentry(7)"},
		[]string{Restart.String(), FirstEntry.String(), Reentry(7).String()})
	assert.Equal(t, []string{"uniques", "attempts", "Counting(7)"},
		[]string{Uniques.String(), Attempts.String(), Counting(7).String()})
	assert.Equal(t, []string{"first_step", "last_step", "Attribution(7)"},
		[]string{AtFirstStep.String(), AtLastStep.String(), Attribution(7).String()})
}

func TestFunnelAccessors(t *testing.T) {
	f := MustNew([]Matcher{{Name: "see", Event: "view"}, {Event: "pay"}}, time.Hour, nil)
	assert.Equal(t, []string{"see", "pay"}, f.names)
	assert.Equal(t, time.Hour, f.window)
	// Options passed to New are copied: changing the caller's slice later
	// does not change the funnel.
	ex := []Exclusion{{Event: "leave", After: "see", Before: "pay"}}
	g := MustNew([]Matcher{{Name: "see", Event: "view"}, {Event: "pay"}}, time.Hour, WithExclusions(ex...))
	ex[0].Event = "other"
	r, err := g.Run([]Event{ev("u", 0, "view"), ev("u", 1, "leave"), ev("u", 2, "pay")})
	require.NoError(t, err)
	assert.Equal(t, []int64{0, 0}, r.Counts())
}

// More option combinations, worked on paper (view -> cart -> pay, 10 min).
func TestOptionCombinations(t *testing.T) {
	leave := WithExclusions(Exclusion{Event: "leave", After: "view", Before: "cart"})
	tests := []struct {
		name string
		opts []Option
		give []Event
		want []int64
	}{
		{
			// Attempts + exclusion: attempt 1 (view0, leave1, cart2) is removed;
			// attempt 2 (view20, cart21) counts.
			name: "attempts with exclusion",
			opts: []Option{WithCounting(Attempts), leave},
			give: []Event{ev("u", 0, "view"), ev("u", 1, "leave"), ev("u", 2, "cart"), ev("u", 20, "view"), ev("u", 21, "cart")},
			want: []int64{1, 1, 0},
		},
		{
			// Uniques + exclusion: the first attempt to reach step 2 (view0
			// cart2) was excluded by leave1; view20 cart21 reaches step 2
			// after that and replaces it, clean, so the actor stays (PostHog's
			// max_step: an excluded one gives way to the next as deep).
			name: "uniques keep a clean best attempt",
			opts: []Option{leave},
			give: []Event{ev("u", 0, "view"), ev("u", 1, "leave"), ev("u", 2, "cart"), ev("u", 20, "view"), ev("u", 21, "cart")},
			want: []int64{1, 1, 0},
		},
		{
			// Uniques + exclusion: the deepest attempt (view20 cart22) is
			// excluded by leave21, and PostHog drops the person although
			// view0 (1 step; leave21 is past its 10-minute window) was clean
			// (its test_excluded_completion).
			name: "uniques drop an actor whose deepest attempt is excluded",
			opts: []Option{leave},
			give: []Event{ev("u", 0, "view"), ev("u", 20, "view"), ev("u", 21, "leave"), ev("u", 22, "cart")},
			want: []int64{0, 0, 0},
		},
		{
			// The same with DeepestClean: the actor counts at view0.
			name: "deepest clean attempt",
			opts: []Option{leave, WithModes(DeepestClean)},
			give: []Event{ev("u", 0, "view"), ev("u", 20, "view"), ev("u", 21, "leave"), ev("u", 22, "cart")},
			want: []int64{1, 0, 0},
		},
		{
			// Strict + first entry: view0 search1 breaks the attempt; view2 starts
			// a new one, cart3 pay4 complete it.
			name: "strict first entry",
			opts: []Option{WithStepOrder(Strict), WithReentry(FirstEntry)},
			give: []Event{ev("u", 0, "view"), ev("u", 1, "search"), ev("u", 2, "view"), ev("u", 3, "cart"), ev("u", 4, "pay")},
			want: []int64{1, 1, 1},
		},
		{
			// Strict: an exclusion event also breaks; the attempt is removed.
			name: "strict exclusion",
			opts: []Option{WithStepOrder(Strict), leave},
			give: []Event{ev("u", 0, "view"), ev("u", 1, "leave"), ev("u", 2, "cart")},
			want: []int64{0, 0, 0},
		},
		{
			// Any order + first entry: the attempt from cart0 gets pay1 (2 steps);
			// its window ends at 10, so view15 starts a second attempt with 1
			// step; uniques keep the deeper first attempt.
			name: "any order first entry",
			opts: []Option{WithStepOrder(AnyOrder), WithReentry(FirstEntry)},
			give: []Event{ev("u", 0, "cart"), ev("u", 1, "pay"), ev("u", 15, "view")},
			want: []int64{1, 1, 0},
		},
		{
			// Any order + attempts: cart0 pay1 view2 is one complete attempt;
			// pay30 starts a second with one step.
			name: "any order attempts",
			opts: []Option{WithStepOrder(AnyOrder), WithCounting(Attempts)},
			give: []Event{ev("u", 0, "cart"), ev("u", 1, "pay"), ev("u", 2, "view"), ev("u", 30, "pay")},
			want: []int64{2, 1, 1},
		},
		{
			// Any order + exclusion read as counts: leave after 1 step and
			// before 2 steps removes. u's leave comes after two steps: kept at
			// 2. v's attempt from pay0 is excluded at 1 step; its attempt
			// from cart2 is clean: kept at 1.
			name: "any order exclusion by counts",
			opts: []Option{WithStepOrder(AnyOrder), leave},
			give: []Event{ev("u", 0, "cart"), ev("u", 1, "view"), ev("u", 2, "leave"), ev("v", 0, "pay"), ev("v", 1, "leave"), ev("v", 2, "cart")},
			want: []int64{2, 1, 0},
		},
		{
			// Strict any order: view0 view1 breaks (the repeat fills nothing).
			name: "strict any order",
			opts: []Option{WithStepOrder(AnyOrder), WithStepOrder(Strict)},
			give: []Event{ev("u", 0, "view"), ev("u", 1, "view")},
			want: []int64{1, 0, 0},
		},
	}
	for _, tt := range tests {
		f, err := New(vcp, 10*time.Minute, tt.opts...)
		require.NoError(t, err, tt.name)
		got, err := f.Run(tt.give)
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, got.Counts(), tt.name)
	}
}

func TestBreakdownAttempts(t *testing.T) {
	// Attempts with a breakdown at the last step: attempt 1 view(ad) cart(ad)
	// pay(organic) -> organic; attempt 2 view(ad) -> ad.
	f := MustNew(vcp, 10*time.Minute, WithCounting(Attempts), WithBreakdown("ch", AtLastStep))
	r, err := f.Run([]Event{ev("u", 0, "view", "ch", "ad"), ev("u", 1, "cart", "ch", "ad"), ev("u", 2, "pay", "ch", "organic"),
		ev("u", 30, "view", "ch", "ad")})
	require.NoError(t, err)
	got := map[string][]int64{}
	for _, g := range r.Groups() {
		got[g.Value] = g.Result.Counts()
	}
	assert.Equal(t, map[string][]int64{"ad": {1, 0, 0}, "organic": {1, 1, 1}}, got)
}

func TestMergeAndEqual(t *testing.T) {
	f := MustNew(vcp, 10*time.Minute, WithBreakdown("ch", AtFirstStep))
	a, err := f.Run([]Event{ev("u", 0, "view", "ch", "x"), ev("u", 1, "cart")})
	require.NoError(t, err)
	b, err := f.Run([]Event{ev("v", 0, "view", "ch", "y"), ev("v", 3, "cart"), ev("v", 4, "pay")})
	require.NoError(t, err)
	m, err := Merge(a, Result{}, b)
	require.NoError(t, err)
	assert.Equal(t, []int64{2, 2, 1}, m.Counts())
	// Each shard interned its first value as code 0; the merge goes by value.
	got := map[string][]int64{}
	for _, g := range m.Groups() {
		got[g.Value] = g.Result.Counts()
	}
	assert.Equal(t, map[string][]int64{"x": {1, 1, 0}, "y": {1, 1, 1}}, got)
	one, err := f.Run([]Event{ev("u", 0, "view", "ch", "x"), ev("u", 1, "cart"), ev("v", 0, "view", "ch", "y"), ev("v", 3, "cart"), ev("v", 4, "pay")})
	require.NoError(t, err)
	assert.True(t, m.Equal(one), "merge equals one pass")
	assert.True(t, m.Equal(m))
	assert.False(t, m.Equal(a))
	assert.False(t, m.Equal(Result{}))
	assert.True(t, Result{}.Equal(Result{}))
	z, err := Merge()
	require.NoError(t, err)
	assert.Nil(t, z.Counts())
	assert.Equal(t, Timing{}, z.Overall())
	assert.Nil(t, z.OverallDurations())
	assert.Nil(t, z.Durations(2))
	assert.Empty(t, z.Steps())
	// Different funnels do not merge.
	other, err := MustNew(vcp, time.Hour).Run(nil)
	require.NoError(t, err)
	_, err = Merge(a, other)
	assert.ErrorIs(t, err, ErrMismatch)
	// Same counts, different durations: not equal.
	c, err := f.Run([]Event{ev("u", 0, "view", "ch", "x"), ev("u", 2, "cart")})
	require.NoError(t, err)
	assert.False(t, a.Equal(c))
	// Merging large shards crosses chunk boundaries of the duration lists.
	big := genColumns(3000, 10, 3, 5)
	fc := MustNew(vcp, 10*time.Minute)
	whole, err := fc.RunColumns(big)
	require.NoError(t, err)
	half := len(big.Actors) / 2
	r1, err := fc.RunColumns(Columns{Actors: big.Actors[:half], Times: big.Times[:half], Codes: big.Codes[:half], Unit: big.Unit})
	require.NoError(t, err)
	r2, err := fc.RunColumns(Columns{Actors: big.Actors[half:], Times: big.Times[half:], Codes: big.Codes[half:], Unit: big.Unit})
	require.NoError(t, err)
	m2, err := Merge(r1, r2)
	require.NoError(t, err)
	assert.True(t, m2.Equal(whole))
	assert.Equal(t, whole.Steps(), m2.Steps())
}

func TestLargeFunnelFastPath(t *testing.T) {
	// Twelve steps use the same kernel; a single actor walks them all.
	steps := make([]Matcher, 12)
	c := Columns{Unit: time.Second}
	for i := range steps {
		steps[i] = Matcher{Event: "s" + itoa(i+1)}
		c.Actors = append(c.Actors, 0)
		c.Times = append(c.Times, int64(i))
		c.Codes = append(c.Codes, uint8(i+1))
	}
	r, err := MustNew(steps, time.Minute).RunColumns(c)
	require.NoError(t, err)
	assert.Equal(t, int64(1), r.Counts()[11])
	assert.Equal(t, []time.Duration{11 * time.Second}, r.OverallDurations())
}

func FuzzNoPanic(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9}, byte(0))
	f.Add([]byte{9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 255, 128}, byte(29))
	f.Fuzz(func(t *testing.T, data []byte, o byte) {
		// Unsorted, out-of-range columns: errors, never panics.
		c := Columns{Unit: time.Duration(o % 3)}
		for i := 0; i+2 < len(data); i += 3 {
			c.Actors = append(c.Actors, int32(data[i])-100)
			c.Times = append(c.Times, int64(data[i+1])<<56)
			c.Codes = append(c.Codes, data[i+2]%8)
		}
		if o%5 == 0 {
			c.Breakdown = make([]int32, len(c.Actors))
		}
		fn := fuzzFunnel(o)
		distinct := map[int32]bool{}
		for _, a := range c.Actors {
			distinct[a] = true
		}
		// Whatever succeeds counts at most every actor (or, with Attempts,
		// every event) at step 1, and never more at a later step.
		bounded := func(r Result, err error) {
			if err != nil {
				return
			}
			counts := r.Counts()
			limit := int64(len(distinct))
			if fn.cfg.counting == Attempts {
				limit = int64(len(c.Actors))
			}
			if len(counts) > 0 && counts[0] > limit {
				t.Fatalf("%d counted of %d", counts[0], limit)
			}
			for i := 1; i < len(counts); i++ {
				if counts[i] > counts[i-1] {
					t.Fatalf("counts %v increase", counts)
				}
			}
		}
		bounded(fn.RunColumns(c))
		bounded(fn.RunColumns(SortColumns(c)))
		events := make([]Event, 0, len(c.Actors))
		for i := range c.Actors {
			events = append(events, Event{Actor: itoa(int(c.Actors[i]) + 100), Time: time.Unix(0, c.Times[i]), Name: []string{"view", "cart", "pay", "leave", "x"}[c.Codes[i]%5]})
		}
		bounded(fn.Run(events))
		r := Retention{Start: Matcher{Event: "view"}, Return: Matcher{Event: "pay"}, Periods: int(o%5) + 1, Period: Granularity(o % 3), Recurring: o%2 == 0}
		_, _ = r.Run(events)
		_, _ = Lifecycle{Active: Matcher{Event: "view"}, Period: Granularity(o % 3)}.Run(events)
	})
}
