package funnel

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLevels: per-actor levels as ClickHouse's windowFunnel per user
// (CH 00632, funnel_test_strict_order, default order: users 1..6 reach
// [3,3,3,3,3,1]) and PostHog's persons at a step.
func TestLevels(t *testing.T) {
	var events []Event
	for u, seq := range []string{"a b c", "a d b c", "a a b b c c", "a a a a b b c c", "a a b b d c c", "c c b b a a"} {
		for i, name := range splitFields(seq) {
			events = append(events, Event{Actor: "user" + itoa(u+1), Time: base.Add(time.Duration(i+1) * time.Second), Name: name})
		}
	}
	events = append(events, ev("user7", 0, "d"))
	f := MustNew(steps("a", "b", "c"), 86400*time.Second)
	l, err := f.Levels(events)
	require.NoError(t, err)
	assert.Equal(t, []uint8{3, 3, 3, 3, 3, 1, 0}, l.Level)
	assert.Equal(t, []string{"user1", "user2", "user3", "user4", "user5", "user6", "user7"}, l.Names)
	assert.Equal(t, []int32{0, 1, 2, 3, 4, 5, 6}, l.Actor)
	assert.Equal(t, []int{5}, l.DroppedOff(2), "user6 did a but not b")
	assert.Empty(t, l.DroppedOff(3))
	assert.Equal(t, []int{0, 1, 2, 3, 4, 5}, l.Reached(1))
	assert.Nil(t, l.Reached(0))
	assert.Nil(t, l.Reached(4))
	assert.Nil(t, l.DroppedOff(1))
	// user4 "a a a a b b c c": the counted attempt is the latest start that
	// gets as deep: a at 4 s, b at 5 s, c at 7 s.
	for s, want := range []int{4, 5, 7} {
		got, ok := l.StepTime(3, s+1)
		assert.True(t, ok)
		assert.Equal(t, base.Add(time.Duration(want)*time.Second).UnixNano(), got)
	}
	_, ok := l.StepTime(5, 2)
	assert.False(t, ok, "user6 did not reach b")
	_, ok = l.StepTime(7, 1)
	assert.False(t, ok)
	_, ok = l.StepTime(0, 0)
	assert.False(t, ok)
	_, ok = l.StepTime(-1, 1)
	assert.False(t, ok)
	got0, ok := l.StepTime(0, 1)
	assert.True(t, ok, "user1 did a at 1 s")
	assert.Equal(t, base.Add(time.Second).UnixNano(), got0)
	got0, ok = l.StepTime(0, 3)
	assert.True(t, ok, "user1 did c at 3 s")
	assert.Equal(t, base.Add(3*time.Second).UnixNano(), got0)
	// The counts of a Result are the levels' histogram.
	r, err := f.Run(events)
	require.NoError(t, err)
	assert.Equal(t, []int64{6, 5, 5}, r.Counts())

	// The columnar form gives the same levels, in ticks of its unit.
	c, _, _, err := f.Encode(events)
	require.NoError(t, err)
	c.Unit = time.Second
	for i := range c.Times {
		c.Times[i] = (c.Times[i] - base.UnixNano()) / int64(time.Second)
	}
	lc, err := f.LevelsColumns(c)
	require.NoError(t, err)
	assert.Equal(t, l.Level, lc.Level)
	assert.Nil(t, lc.Names)
	got, ok := lc.StepTime(3, 3)
	assert.True(t, ok)
	assert.Equal(t, int64(7), got)

	// Exclusions: an actor whose only attempt is excluded has level 0.
	g := MustNew(vcp, time.Hour, WithExclusions(Exclusion{Event: "leave", After: "view", Before: "pay"}), WithCounting(Attempts))
	lg, err := g.Levels([]Event{ev("u", 0, "view"), ev("u", 1, "leave"), ev("v", 0, "view"), ev("v", 1, "cart")})
	require.NoError(t, err)
	assert.Equal(t, []uint8{0, 2}, lg.Level)
	_, err = Funnel{}.Levels(nil)
	assert.ErrorIs(t, err, ErrNoSteps)
	_, err = Funnel{}.LevelsColumns(Columns{})
	assert.ErrorIs(t, err, ErrNoSteps)
	_, err = f.Levels([]Event{{Name: "a"}})
	assert.ErrorIs(t, err, ErrInvalidEvent)
	_, err = f.LevelsColumns(Columns{Actors: []int32{0}})
	assert.ErrorIs(t, err, ErrInvalidColumns)
	_, err = f.LevelsColumns(Columns{Actors: []int32{1, 0}, Times: []int64{0, 0}, Codes: []uint8{1, 1}})
	assert.ErrorIs(t, err, ErrUnsorted)
	_, err = MustNew([]Matcher{{Name: "p", Where: func(Event) bool { return true }}}, time.Hour).LevelsColumns(c)
	assert.ErrorIs(t, err, ErrInvalidStep)
}

func splitFields(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	return out
}

// TestAttrs: properties given as a slice break down like a map's.
func TestAttrs(t *testing.T) {
	f := MustNew(vcp, time.Hour, WithBreakdown("ch", AtFirstStep))
	withMap := []Event{ev("u1", 0, "view", "ch", "ad"), ev("u1", 1, "cart"), ev("u2", 0, "view", "ch", "seo")}
	withAttrs := []Event{
		{Actor: "u1", Time: base, Name: "view", Attrs: []Attr{{"x", "1"}, {"ch", "ad"}, {"ch", "later"}}},
		{Actor: "u1", Time: base.Add(time.Minute), Name: "cart"},
		{Actor: "u2", Time: base, Name: "view", Attrs: []Attr{{"ch", "seo"}}},
	}
	a, err := f.Run(withMap)
	require.NoError(t, err)
	b, err := f.Run(withAttrs)
	require.NoError(t, err)
	assert.True(t, a.Equal(b))
	assert.Equal(t, "ad", withAttrs[0].Prop("ch"), "the first Attr wins")
	assert.Equal(t, "", withAttrs[1].Prop("ch"))
	both := Event{Props: map[string]string{"ch": "map"}, Attrs: []Attr{{"ch", "slice"}}}
	assert.Equal(t, "map", both.Prop("ch"))
	empty := Event{Props: map[string]string{"ch": ""}, Attrs: []Attr{{"ch", "slice"}}}
	assert.Equal(t, "", empty.Prop("ch"), "a key in Props wins even when empty")
}

// TestEncodeMaxNames: more distinct event names than the limit do not fit
// the per-name encoding (Encode's limit is MaxNames; a small one here).
func TestEncodeMaxNames(t *testing.T) {
	events := make([]Event, 301)
	for i := range events {
		events[i] = Event{Actor: "u", Time: base, Name: "n" + itoa(i%151)}
	}
	f := MustNew(vcp, time.Hour)
	_, _, _, err := f.encodeNames("encode", events, 150)
	assert.ErrorIs(t, err, ErrTooLarge)
	// Events 0..149 bring names n0..n149; event 150, n150, is the 151st.
	assert.Contains(t, err.Error(), "events[150].name")
	c, _, _, err := f.encodeNames("encode", events, 151)
	require.NoError(t, err)
	assert.Len(t, c.Names, 151)
}

// TestEncodeOrder: Encode numbers names and breakdown values in order of
// first appearance and sorts by actor, then time, stably.
func TestEncodeOrder(t *testing.T) {
	f := MustNew(vcp, time.Hour, WithBreakdown("ch", AtFirstStep))
	c, actors, values, err := f.Encode([]Event{ev("b", 5, "pay", "ch", "x"), ev("a", 3, "view", "ch", "y"), ev("b", 1, "view"), ev("b", 1, "cart", "ch", "x")})
	require.NoError(t, err)
	assert.Equal(t, []string{"b", "a"}, actors)
	assert.Equal(t, []string{"x", "y", ""}, values)
	assert.Equal(t, values, c.Values)
	assert.Equal(t, []string{"pay", "view", "cart"}, c.Names)
	assert.Equal(t, []int32{0, 0, 0, 1}, c.Actors)
	assert.Equal(t, []int32{1, 2, 0, 1}, c.Events)
	assert.Equal(t, []int32{2, 0, 0, 1}, c.Breakdown)
	m := int64(time.Minute)
	assert.Equal(t, []int64{base.UnixNano() + m, base.UnixNano() + m, base.UnixNano() + 5*m, base.UnixNano() + 3*m}, c.Times)
}

// TestModesInResultJSON: a result's funnel key carries its modes; a decoded
// result merges with the original and not with a result without modes.
func TestModesInResultJSON(t *testing.T) {
	f := MustNew(vcp, time.Hour, WithStepOrder(Strict), WithModes(AllowReentry|StrictIncrease))
	r, err := f.Run([]Event{ev("u", 0, "view"), ev("u", 1, "cart")})
	require.NoError(t, err)
	b, err := r.MarshalJSON()
	require.NoError(t, err)
	assert.Contains(t, string(b), `"modes":"strict_increase+allow_reentry"`)
	var back Result
	require.NoError(t, back.UnmarshalJSON(b))
	assert.True(t, r.Equal(back))
	m, err := Merge(r, back)
	require.NoError(t, err)
	assert.Equal(t, []int64{2, 2, 0}, m.Counts())
	plain, err := MustNew(vcp, time.Hour, WithStepOrder(Strict)).Run(nil)
	require.NoError(t, err)
	_, err = Merge(r, plain)
	assert.ErrorIs(t, err, ErrMismatch)
	pb, err := plain.MarshalJSON()
	require.NoError(t, err)
	assert.NotContains(t, string(pb), "modes")
	bad := strings.Replace(string(b), "strict_increase+allow_reentry", "sideways", 1)
	assert.ErrorIs(t, back.UnmarshalJSON([]byte(bad)), ErrInvalidOption, "as an unknown order is")
}
