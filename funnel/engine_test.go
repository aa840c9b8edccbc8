package funnel

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The hand-built sequences below use minutes from base and the funnel
// view -> cart -> pay with a 10-minute window unless the case says otherwise.
// Each "want" was worked out on paper; the comment gives the reasoning.
func TestRunHandBuilt(t *testing.T) {
	tests := []struct {
		name   string
		steps  []Matcher
		window time.Duration
		opts   []Option
		give   []Event
		want   []int64
	}{
		{
			// u1 completes; u2 stops at cart; u3 never views so is not counted.
			name: "basic",
			give: []Event{ev("u1", 0, "view"), ev("u1", 1, "cart"), ev("u1", 2, "pay"),
				ev("u2", 0, "view"), ev("u2", 5, "cart"), ev("u3", 0, "cart"), ev("u3", 1, "pay")},
			want: []int64{2, 2, 1},
		},
		{
			// Cart at exactly view + 10 min is inside (end inclusive); pay at 11 is not.
			name: "window end inclusive",
			give: []Event{ev("u1", 0, "view"), ev("u1", 10, "cart"), ev("u1", 11, "pay")},
			want: []int64{1, 1, 0},
		},
		{
			// Events arrive out of order; Run sorts them.
			name: "any input order",
			give: []Event{ev("u1", 2, "pay"), ev("u1", 0, "view"), ev("u1", 1, "cart")},
			want: []int64{1, 1, 1},
		},
		{
			// view0 cart1 view2 pay3: the attempt from view0 reaches pay; the
			// repeat at 2 starts a second attempt but does not erase the first
			// (ClickHouse windowFunnel and PostHog give 3 as well).
			name: "restart keeps progress",
			give: []Event{ev("u1", 0, "view"), ev("u1", 1, "cart"), ev("u1", 2, "view"), ev("u1", 3, "pay")},
			want: []int64{1, 1, 1},
		},
		{
			// view0 view8 cart12 pay13: restart re-anchors the window at 8, so
			// cart (4 min later) and pay (5) count.
			name: "restart re-anchors the window",
			give: []Event{ev("u1", 0, "view"), ev("u1", 8, "view"), ev("u1", 12, "cart"), ev("u1", 13, "pay")},
			want: []int64{1, 1, 1},
		},
		{
			// Same events, first entry holds: the window runs from 0, cart at 12
			// is late; the view at 8 was inside the first window and is ignored.
			name: "first entry holds",
			opts: []Option{WithReentry(FirstEntry)},
			give: []Event{ev("u1", 0, "view"), ev("u1", 8, "view"), ev("u1", 12, "cart"), ev("u1", 13, "pay")},
			want: []int64{1, 0, 0},
		},
		{
			// First entry: after the first window ends (view0 expires at 10) the
			// view at 15 starts a new attempt that completes.
			name: "first entry re-enters after the window",
			opts: []Option{WithReentry(FirstEntry)},
			give: []Event{ev("u1", 0, "view"), ev("u1", 15, "view"), ev("u1", 16, "cart"), ev("u1", 17, "pay")},
			want: []int64{1, 1, 1},
		},
		{
			// Ordered allows the search between view and cart; strict does not.
			name: "ordered allows other events",
			give: []Event{ev("u1", 0, "view"), ev("u1", 1, "search"), ev("u1", 2, "cart")},
			want: []int64{1, 1, 0},
		},
		{
			name: "strict breaks on another event",
			opts: []Option{WithStepOrder(Strict)},
			give: []Event{ev("u1", 0, "view"), ev("u1", 1, "search"), ev("u1", 2, "cart"),
				ev("u2", 0, "view"), ev("u2", 1, "cart"), ev("u2", 2, "pay")},
			want: []int64{2, 1, 1},
		},
		{
			// pay0 view1 cart2: in any order all three steps are done in 2 min;
			// ordered only gets view -> cart.
			name: "any order",
			opts: []Option{WithStepOrder(AnyOrder)},
			give: []Event{ev("u1", 0, "pay"), ev("u1", 1, "view"), ev("u1", 2, "cart")},
			want: []int64{1, 1, 1},
		},
		{
			name: "ordered on the any-order events",
			give: []Event{ev("u1", 0, "pay"), ev("u1", 1, "view"), ev("u1", 2, "cart")},
			want: []int64{1, 1, 0},
		},
		{
			// Any order: pay0 pay1 cart30: the second pay fills nothing; cart is
			// outside the window of every start, so 1 step.
			name: "any order window",
			opts: []Option{WithStepOrder(AnyOrder)},
			give: []Event{ev("u1", 0, "pay"), ev("u1", 1, "pay"), ev("u1", 30, "cart")},
			want: []int64{1, 0, 0},
		},
		{
			// Two full journeys by one actor: uniques count the actor once.
			name: "uniques",
			give: []Event{ev("u1", 0, "view"), ev("u1", 1, "cart"), ev("u1", 2, "pay"),
				ev("u1", 30, "view"), ev("u1", 31, "cart")},
			want: []int64{1, 1, 1},
		},
		{
			// Attempts: journey 1 completes (1,1,1), journey 2 stops at cart (1,1,0).
			name: "attempts",
			opts: []Option{WithCounting(Attempts)},
			give: []Event{ev("u1", 0, "view"), ev("u1", 1, "cart"), ev("u1", 2, "pay"),
				ev("u1", 30, "view"), ev("u1", 31, "cart")},
			want: []int64{2, 2, 1},
		},
		{
			// Attempts with restart: view0 cart1 | view2 pay3. The repeat view ends
			// attempt 1 at cart; attempt 2 has view and a pay that cannot fill cart.
			name: "attempts restart",
			opts: []Option{WithCounting(Attempts)},
			give: []Event{ev("u1", 0, "view"), ev("u1", 1, "cart"), ev("u1", 2, "view"), ev("u1", 3, "pay")},
			want: []int64{2, 1, 0},
		},
		{
			// Attempts with first entry: the repeat view is ignored, so one
			// attempt view0 cart1 pay3.
			name: "attempts first entry",
			opts: []Option{WithCounting(Attempts), WithReentry(FirstEntry)},
			give: []Event{ev("u1", 0, "view"), ev("u1", 1, "cart"), ev("u1", 2, "view"), ev("u1", 3, "pay")},
			want: []int64{1, 1, 1},
		},
		{
			// view -> view: one event fills one step, so a single view is 1 step
			// and two views (even at the same minute) are 2.
			name:  "one event one step",
			steps: []Matcher{{Name: "first", Event: "view"}, {Name: "second", Event: "view"}},
			give:  []Event{ev("u1", 0, "view"), ev("u2", 0, "view"), ev("u2", 0, "view")},
			want:  []int64{2, 1},
		},
		{
			// Same timestamp: input order decides. u1 view then cart: 2 steps;
			// u2 cart then view: the cart came first, 1 step.
			name: "equal timestamps keep input order",
			give: []Event{ev("u1", 0, "view"), ev("u1", 0, "cart"), ev("u2", 0, "cart"), ev("u2", 0, "view")},
			want: []int64{2, 1, 0},
		},
		{
			// Exclusion "leave" between view and pay: u1 leaves at 1 and is
			// removed; u2 leaves after paying (attempt complete): kept at 3
			// steps; u3 leaves before viewing: not inside the attempt, kept at 1
			// step. Counts: view u2 u3, cart u2, pay u2.
			name: "exclusion",
			opts: []Option{WithExclusions(Exclusion{Event: "leave", After: "view", Before: "pay"})},
			give: []Event{ev("u1", 0, "view"), ev("u1", 1, "leave"), ev("u1", 2, "cart"), ev("u1", 3, "pay"),
				ev("u2", 0, "view"), ev("u2", 1, "cart"), ev("u2", 2, "pay"), ev("u2", 3, "leave"),
				ev("u3", 0, "leave"), ev("u3", 1, "view")},
			want: []int64{2, 1, 1},
		},
		{
			// Exclusion between cart and pay: a leave before cart does not count.
			name: "exclusion range",
			opts: []Option{WithExclusions(Exclusion{Event: "leave", After: "cart", Before: "pay"})},
			give: []Event{ev("u1", 0, "view"), ev("u1", 1, "leave"), ev("u1", 2, "cart"), ev("u1", 3, "pay"),
				ev("u2", 0, "view"), ev("u2", 1, "cart"), ev("u2", 2, "leave")},
			want: []int64{1, 1, 1},
		},
		{
			// Predicate step: pay of at least 100 only.
			name: "predicate",
			steps: []Matcher{{Event: "view"}, {Name: "big pay", Event: "pay", Where: func(e Event) bool {
				return e.Props["amount"] >= "100" && len(e.Props["amount"]) >= 3
			}}},
			give: []Event{ev("u1", 0, "view"), ev("u1", 1, "pay", "amount", "150"),
				ev("u2", 0, "view"), ev("u2", 1, "pay", "amount", "50")},
			want: []int64{2, 1},
		},
		{
			name: "empty input",
			give: nil,
			want: []int64{0, 0, 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			steps, window := tt.steps, tt.window
			if steps == nil {
				steps = vcp
			}
			if window == 0 {
				window = 10 * time.Minute
			}
			f, err := New(steps, window, tt.opts...)
			require.NoError(t, err)
			got, err := f.Run(tt.give)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.Counts(), "Run counts")
			// The columnar path gives the same result.
			c, _, _, err := f.Encode(tt.give)
			if err == nil {
				gc, err := f.RunColumns(SortColumns(c))
				require.NoError(t, err)
				assert.Equal(t, tt.want, gc.Counts(), "RunColumns counts")
				assert.True(t, got.Equal(gc), "Run and RunColumns differ")
			}
		})
	}
}

func TestRunTimes(t *testing.T) {
	// u1: view0 cart1 pay3; u2: view0 cart5; u3: view0 cart2 pay10.
	// view->cart: 1, 5, 2 -> mean 8/3 min, median 2, p90 = 2 + 0.8*(5-2) = 4.4.
	// cart->pay: 2, 8 -> mean 5, median 5, p90 = 2 + 0.9*6 = 7.4.
	// overall: 3, 10 -> mean 6.5, median 6.5, p90 = 3 + 0.9*7 = 9.3.
	f := MustNew(vcp, 10*time.Minute)
	r, err := f.Run([]Event{ev("u1", 0, "view"), ev("u1", 1, "cart"), ev("u1", 3, "pay"),
		ev("u2", 0, "view"), ev("u2", 5, "cart"),
		ev("u3", 0, "view"), ev("u3", 2, "cart"), ev("u3", 10, "pay")})
	require.NoError(t, err)
	s := r.Steps()
	require.Len(t, s, 3)
	min := float64(time.Minute)
	assert.Equal(t, Timing{N: 3, Mean: time.Duration(8 * min / 3), Median: 2 * time.Minute, P90: time.Duration(4.4 * min)}, s[1].Time)
	assert.Equal(t, Timing{N: 2, Mean: 5 * time.Minute, Median: 5 * time.Minute, P90: time.Duration(7.4 * min)}, s[2].Time)
	assert.Equal(t, Timing{N: 2, Mean: time.Duration(6.5 * min), Median: time.Duration(6.5 * min), P90: time.Duration(9.3 * min)}, r.Overall())
	assert.Equal(t, StepResult{Name: "view", Count: 3, FromPrevious: 1, FromFirst: 1}, s[0])
	assert.Equal(t, int64(1), s[2].DropOff)
	assert.InDelta(t, 2.0/3, s[2].FromPrevious, 1e-12)
	assert.InDelta(t, 2.0/3, s[2].FromFirst, 1e-12)
	assert.InDelta(t, 1.0/3, s[2].DropOffRate, 1e-12)
	assert.Equal(t, []time.Duration{time.Minute, 2 * time.Minute, 5 * time.Minute}, r.Durations(2))
	assert.Equal(t, []time.Duration{3 * time.Minute, 10 * time.Minute}, r.OverallDurations())
	assert.Nil(t, r.Durations(1))
	assert.Equal(t, "pay", r.Steps()[2].Name)
}

func TestRestartTimesFromLatestStart(t *testing.T) {
	// view0 view2 cart3 pay4: both starts complete; the latest (2) is kept,
	// so view->cart is 1 min and overall 2 min (PostHog keeps the latest too).
	r, err := MustNew(vcp, 10*time.Minute).Run([]Event{ev("u1", 0, "view"), ev("u1", 2, "view"), ev("u1", 3, "cart"), ev("u1", 4, "pay")})
	require.NoError(t, err)
	assert.Equal(t, []time.Duration{time.Minute}, r.Durations(2))
	assert.Equal(t, []time.Duration{2 * time.Minute}, r.OverallDurations())
}

func TestBreakdown(t *testing.T) {
	// u1: view (ad) -> cart (organic); u2: view (organic).
	// At step 1: ad has u1 at depth 2, organic has u2 at depth 1.
	// At the last step: u1's last step is cart (organic), so organic has both.
	give := []Event{ev("u1", 0, "view", "ch", "ad"), ev("u1", 1, "cart", "ch", "organic"),
		ev("u2", 0, "view", "ch", "organic"), ev("u3", 0, "view")}
	tests := []struct {
		give Attribution
		want map[string][]int64
	}{
		{AtFirstStep, map[string][]int64{"ad": {1, 1, 0}, "organic": {1, 0, 0}, "": {1, 0, 0}}},
		{AtLastStep, map[string][]int64{"organic": {2, 1, 0}, "": {1, 0, 0}}},
	}
	for _, tt := range tests {
		f := MustNew(vcp, time.Hour, WithBreakdown("ch", tt.give))
		r, err := f.Run(give)
		require.NoError(t, err)
		got := map[string][]int64{}
		for _, g := range r.Groups() {
			got[g.Value] = g.Result.Counts()
		}
		assert.Equal(t, tt.want, got, "attribution %s", tt.give)
		assert.Equal(t, []int64{3, 1, 0}, r.Counts())

		// The columnar path labels the groups too (Encode sets Values), and
		// its result equals Run's.
		c, _, _, err := f.Encode(give)
		require.NoError(t, err)
		rc, err := f.RunColumns(c)
		require.NoError(t, err)
		gotc := map[string][]int64{}
		for _, g := range rc.Groups() {
			gotc[g.Value] = g.Result.Counts()
		}
		assert.Equal(t, tt.want, gotc, "columnar attribution %s", tt.give)
		assert.True(t, r.Equal(rc), "Run and RunColumns differ")
		// Without Values the groups are keyed by code.
		c.Values = nil
		rc, err = f.RunColumns(c)
		require.NoError(t, err)
		assert.False(t, r.Equal(rc))
		assert.Equal(t, "", rc.Groups()[0].Value)
	}
	r, err := MustNew(vcp, time.Hour).Run(give)
	require.NoError(t, err)
	assert.Nil(t, r.Groups())
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name   string
		steps  []Matcher
		window time.Duration
		opts   []Option
		want   error
	}{
		{"no steps", nil, time.Hour, nil, ErrNoSteps},
		{"too many", make([]Matcher, MaxSteps+1), time.Hour, nil, ErrTooManySteps},
		{"zero window", vcp, 0, nil, ErrInvalidWindow},
		{"negative window", vcp, -time.Second, nil, ErrInvalidWindow},
		{"empty step", []Matcher{{Name: "x"}}, time.Hour, nil, ErrInvalidStep},
		{"predicate without name", []Matcher{{Where: func(Event) bool { return true }}}, time.Hour, nil, ErrInvalidStep},
		{"duplicate", []Matcher{{Name: "x", Event: "view"}, {Name: "x", Event: "cart"}}, time.Hour, nil, ErrDuplicateStep},
		{"duplicate generated", []Matcher{{Event: "view"}, {Event: "view"}, {Name: "view (2)", Event: "cart"}}, time.Hour, nil, ErrDuplicateStep},
		{"modes", vcp, time.Hour, []Option{WithModes(64)}, ErrInvalidOption},
		{"reentry without strict", vcp, time.Hour, []Option{WithModes(AllowReentry)}, ErrInvalidOption},
		{"order", vcp, time.Hour, []Option{WithStepOrder(9)}, ErrInvalidOption},
		{"reentry", vcp, time.Hour, []Option{WithReentry(200)}, ErrInvalidOption},
		{"counting", vcp, time.Hour, []Option{WithCounting(5)}, ErrInvalidOption},
		{"attribution", vcp, time.Hour, []Option{WithBreakdown("x", 7)}, ErrInvalidOption},
		{"exclusion empty", vcp, time.Hour, []Option{WithExclusions(Exclusion{After: "view", Before: "pay"})}, ErrInvalidStep},
		{"exclusion after", vcp, time.Hour, []Option{WithExclusions(Exclusion{Event: "x", After: "nope", Before: "pay"})}, ErrInvalidStep},
		{"exclusion before", vcp, time.Hour, []Option{WithExclusions(Exclusion{Event: "x", After: "view", Before: "nope"})}, ErrInvalidStep},
		{"exclusion order", vcp, time.Hour, []Option{WithExclusions(Exclusion{Event: "x", After: "pay", Before: "view"})}, ErrInvalidStep},
		{"too many exclusions", vcp, time.Hour, []Option{WithExclusions(make([]Exclusion, MaxExclusions+1)...)}, ErrTooManySteps},
	}
	for _, tt := range tests {
		_, err := New(tt.steps, tt.window, tt.opts...)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
	assert.Panics(t, func() { MustNew(nil, time.Hour) })
}

func TestRunErrors(t *testing.T) {
	f := MustNew(vcp, time.Hour)
	_, err := f.Run([]Event{{Actor: "", Time: base, Name: "view"}})
	assert.ErrorIs(t, err, ErrInvalidEvent)
	_, err = f.Run([]Event{{Actor: "a", Time: time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC), Name: "view"}})
	assert.ErrorIs(t, err, ErrInvalidEvent)
	_, err = Funnel{}.Run(nil)
	assert.ErrorIs(t, err, ErrNoSteps)
	_, err = Funnel{}.RunColumns(Columns{})
	assert.ErrorIs(t, err, ErrNoSteps)
	_, _, _, err = f.Encode([]Event{{Actor: "a", Name: "view", Time: time.Time{}.AddDate(-5000, 0, 0)}})
	assert.ErrorIs(t, err, ErrInvalidEvent)
	// Encoded per name, an event may match several steps; with predicates
	// the step codes cannot say so.
	g := MustNew([]Matcher{{Name: "a", Event: "view"}, {Name: "b", Event: "view"}}, time.Hour)
	_, _, _, err = g.Encode([]Event{ev("u", 0, "view")})
	assert.NoError(t, err)
	any := func(Event) bool { return true }
	g = MustNew([]Matcher{{Name: "a", Event: "view", Where: any}, {Name: "b", Event: "view"}}, time.Hour)
	_, _, _, err = g.Encode([]Event{ev("u", 0, "view")})
	assert.ErrorIs(t, err, ErrAmbiguousEvent)
}

func TestRunColumnsErrors(t *testing.T) {
	def := MustNew(vcp, time.Hour)
	opt := MustNew(vcp, time.Hour, WithStepOrder(Strict))
	tests := []struct {
		name string
		give Columns
		want error
	}{
		{"lengths", Columns{Actors: []int32{1}, Times: []int64{1, 2}, Codes: []uint8{1}}, ErrInvalidColumns},
		{"breakdown length", Columns{Actors: []int32{1}, Times: []int64{1}, Codes: []uint8{1}, Breakdown: []int32{}}, ErrInvalidColumns},
		{"code", Columns{Actors: []int32{1}, Times: []int64{1}, Codes: []uint8{4}}, ErrInvalidColumns},
		{"actor order", Columns{Actors: []int32{2, 1}, Times: []int64{1, 2}, Codes: []uint8{1, 1}}, ErrUnsorted},
		{"time order", Columns{Actors: []int32{1, 1}, Times: []int64{2, 1}, Codes: []uint8{1, 1}}, ErrUnsorted},
		{"negative unit", Columns{Unit: -1}, ErrInvalidWindow},
		{"unit above window", Columns{Unit: 2 * time.Hour}, ErrInvalidWindow},
	}
	for _, tt := range tests {
		for _, f := range []Funnel{def, opt} {
			_, err := f.RunColumns(tt.give)
			assert.ErrorIs(t, err, tt.want, tt.name)
		}
	}
}

func TestColumnsUnit(t *testing.T) {
	// Times in seconds; window one hour = 3600 ticks, inclusive.
	f := MustNew(vcp, time.Hour)
	c := Columns{Actors: []int32{0, 0, 0}, Times: []int64{0, 3600, 3601}, Codes: []uint8{1, 2, 3}, Unit: time.Second}
	r, err := f.RunColumns(c)
	require.NoError(t, err)
	assert.Equal(t, []int64{1, 1, 0}, r.Counts())
	assert.Equal(t, []time.Duration{time.Hour}, r.Durations(2))
	assert.Equal(t, 3, len(c.Actors))
}

func TestSortColumns(t *testing.T) {
	c := Columns{Actors: []int32{2, 0, 2, 0, 1}, Times: []int64{5, 9, 1, 9, 3}, Codes: []uint8{1, 2, 3, 1, 2}, Breakdown: []int32{7, 8, 9, 10, 11}}
	got := SortColumns(c)
	assert.Equal(t, []int32{0, 0, 1, 2, 2}, got.Actors)
	assert.Equal(t, []int64{9, 9, 3, 1, 5}, got.Times)
	assert.Equal(t, []uint8{2, 1, 2, 3, 1}, got.Codes, "equal times keep input order")
	assert.Equal(t, []int32{8, 10, 11, 9, 7}, got.Breakdown)
	// Sparse actor IDs take the comparison sort.
	s := SortColumns(Columns{Actors: []int32{1 << 30, -5, 1 << 30}, Times: []int64{2, 0, 1}, Codes: []uint8{1, 2, 3}})
	assert.Equal(t, []int32{-5, 1 << 30, 1 << 30}, s.Actors)
	assert.Equal(t, []uint8{2, 3, 1}, s.Codes)
	// Unequal lengths: a copy, unsorted.
	bad := SortColumns(Columns{Actors: []int32{2, 1}, Times: []int64{1}})
	assert.Equal(t, []int32{2, 1}, bad.Actors)
	assert.Empty(t, SortColumns(Columns{}).Actors)
}

func TestInterner(t *testing.T) {
	var in Interner
	assert.Equal(t, int32(0), in.Intern("b"))
	assert.Equal(t, int32(1), in.Intern("a"))
	assert.Equal(t, int32(0), in.Intern("b"))
	names := in.Names()
	names[0] = "x"
	assert.Equal(t, []string{"b", "a"}, in.Names(), "Names is a copy")
}

func TestFastPathAllocations(t *testing.T) {
	f := MustNew(vcp, time.Hour)
	small, large := genColumns(100, 10, 3, 1), genColumns(10000, 10, 3, 1)
	// No allocation per event: the large input allocates only for appends
	// to the duration slices (logarithmic in their length).
	a1 := testing.AllocsPerRun(5, func() { _, _ = f.RunColumns(small) })
	a2 := testing.AllocsPerRun(5, func() { _, _ = f.RunColumns(large) })
	assert.Less(t, a2, a1+80, "allocs small %v, large %v", a1, a2)
}

func TestDefaultMatchesReference(t *testing.T) {
	c := genColumns(2000, 12, 3, 7)
	events := columnsToEvents(c)
	f := MustNew(vcp, 10*time.Minute)
	counts, durs := refDefault(events, []string{"view", "cart", "pay"}, 10*time.Minute)
	for _, run := range []func() (Result, error){
		func() (Result, error) { return f.Run(events) },
		func() (Result, error) { return f.RunColumns(c) },
	} {
		r, err := run()
		require.NoError(t, err)
		assert.Equal(t, counts, r.Counts())
		for s := 2; s <= 3; s++ {
			want := slices.Clone(durs[s-1])
			slices.Sort(want)
			assert.True(t, slices.Equal(want, r.Durations(s)), "step %d durations differ from the reference", s)
		}
		want := slices.Clone(durs[0])
		slices.Sort(want)
		assert.True(t, slices.Equal(want, r.OverallDurations()), "overall durations differ from the reference")
	}
}

func TestManyRepeatsStayLinear(t *testing.T) {
	// A bot with 50,000 views in one window: every option runs in about
	// O(events × steps) steps of work (jumps through occurrence lists), not
	// O(events²). The work counter counts events read and jumps made.
	const n = 50_000
	events := make([]Event, 0, n+1)
	for i := 0; i < n; i++ {
		events = append(events, Event{Actor: "bot", Time: base.Add(time.Duration(i) * time.Millisecond), Name: "view"})
	}
	events = append(events, Event{Actor: "bot", Time: base.Add(time.Minute), Name: "cart"})
	leave := WithExclusions(Exclusion{Event: "leave", After: "view", Before: "pay"})
	f := MustNew(vcp, time.Hour, leave)
	r, err := f.Run(events)
	require.NoError(t, err)
	assert.Equal(t, []int64{1, 1, 0}, r.Counts())
	// The latest view before the cart starts the counted attempt.
	assert.Equal(t, []time.Duration{time.Minute - 49_999*time.Millisecond}, r.Durations(2))
	times, masks := make([]int64, len(events)), make([]uint64, len(events))
	for i, e := range events {
		times[i], masks[i] = e.Time.UnixNano(), f.stepMask(&e)
	}
	for _, opts := range [][]Option{
		{leave},
		{leave, WithStepOrder(Strict)},
		{leave, WithStepOrder(Strict), WithModes(AllowReentry)},
		{WithStepOrder(Strict)},
		{leave, WithStepOrder(AnyOrder)},
		{WithModes(StrictIncrease)},
		{leave, WithModes(StrictDeduplication | SharedEvents)},
		{WithModes(StrictDeduplication | SharedEvents)},
		{},
	} {
		g := MustNew(vcp, time.Hour, opts...)
		kn := g.kernel(uint64(time.Hour))
		kn.actor(times, masks, nil, newAccum(3, false))
		// Each of the n+1 starts makes at most k jumps.
		assert.LessOrEqual(t, kn.work, int64(4*(n+1)), "options %v: work %d", g.key(1, false, false).signature(), kn.work)
		// And the counter counts: every start is visited at least once.
		assert.GreaterOrEqual(t, kn.work, int64(n), "options %v: work %d", g.key(1, false, false).signature(), kn.work)
	}
}
