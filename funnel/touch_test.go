package funnel

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTouchAttribution: FirstTouch and LastTouch read the actor's first
// and last value that is not missing among its step events (in strict
// order among all its events), whichever attempt counts; AtFirstStep and
// AtLastStep read the counted attempt; with Attempts the touches read the
// attempt. Steps a, b, window 1 hour, property "src".
func TestTouchAttribution(t *testing.T) {
	e := func(min int, name, src string) Event {
		ev := Event{Actor: "u", Time: base.Add(time.Duration(min) * time.Minute), Name: name}
		if src != "" {
			ev.Attrs = []Attr{{Key: "src", Value: src}}
		}
		return ev
	}
	groups := func(f Funnel, events []Event) map[string][]int64 {
		t.Helper()
		r, err := f.Run(events)
		require.NoError(t, err)
		out := map[string][]int64{}
		for _, g := range r.Groups() {
			if c := g.Result.Counts(); c[0] > 0 {
				out[g.Value] = c
			}
		}
		return out
	}
	// other(x) a() b(y) other(z): the step events' values are "", y.
	events := []Event{e(0, "other", "x"), e(1, "a", ""), e(2, "b", "y"), e(3, "other", "z")}
	for _, c := range []struct {
		name string
		opts []Option
		want map[string][]int64
	}{
		{"first touch skips the missing value", []Option{WithBreakdown("src", FirstTouch)}, map[string][]int64{"y": {1, 1}}},
		{"last touch", []Option{WithBreakdown("src", LastTouch)}, map[string][]int64{"y": {1, 1}}},
		{"at first step", []Option{WithBreakdown("src", AtFirstStep)}, map[string][]int64{"": {1, 1}}},
		{"at last step", []Option{WithBreakdown("src", AtLastStep)}, map[string][]int64{"y": {1, 1}}},
		// Strict order reads every event: first x, last z.
		{"strict first touch", []Option{WithStepOrder(Strict), WithBreakdown("src", FirstTouch)}, map[string][]int64{"x": {1, 1}}},
		{"strict last touch", []Option{WithStepOrder(Strict), WithBreakdown("src", LastTouch)}, map[string][]int64{"z": {1, 1}}},
		// Attempts: the attempt's own step-1 and deepest events.
		{"attempts first touch", []Option{WithCounting(Attempts), WithBreakdown("src", FirstTouch)}, map[string][]int64{"": {1, 1}}},
		{"attempts last touch", []Option{WithCounting(Attempts), WithBreakdown("src", LastTouch)}, map[string][]int64{"y": {1, 1}}},
	} {
		assert.Equal(t, c.want, groups(MustNew(steps("a", "b"), time.Hour, c.opts...), events), c.name)
	}
	// Two values on step events: first touch p, last touch q; an exclusion
	// (scan path) gives the same.
	two := []Event{e(0, "a", "p"), e(1, "b", ""), e(2, "a", "q")}
	for _, ex := range [][]Option{nil, {WithExclusions(Exclusion{Event: "never", After: "a", Before: "b"})}} {
		assert.Equal(t, map[string][]int64{"p": {1, 1}}, groups(MustNew(steps("a", "b"), time.Hour, append(ex, WithBreakdown("src", FirstTouch))...), two))
		assert.Equal(t, map[string][]int64{"q": {1, 1}}, groups(MustNew(steps("a", "b"), time.Hour, append(ex, WithBreakdown("src", LastTouch))...), two))
	}
	// No value at all: the "" group.
	none := []Event{e(0, "a", ""), e(1, "b", "")}
	assert.Equal(t, map[string][]int64{"": {1, 1}}, groups(MustNew(steps("a", "b"), time.Hour, WithBreakdown("src", FirstTouch)), none))
	assert.Equal(t, map[string][]int64{"": {1, 1}}, groups(MustNew(steps("a", "b"), time.Hour, WithBreakdown("src", LastTouch)), none))
	// Columns with labels: the code labelled "" is missing; without labels
	// every code is a value.
	cols := Columns{Actors: []int32{0, 0}, Times: []int64{0, 1}, Codes: []uint8{1, 2}, Breakdown: []int32{1, 0}, Values: []string{"v", ""}, Unit: time.Minute}
	r, err := MustNew(steps("a", "b"), time.Hour, WithBreakdown("src", FirstTouch)).RunColumns(cols)
	require.NoError(t, err)
	for _, g := range r.Groups() {
		if g.Value == "v" {
			assert.Equal(t, []int64{1, 1}, g.Result.Counts())
		}
	}
	cols.Values = nil
	r, err = MustNew(steps("a", "b"), time.Hour, WithBreakdown("src", FirstTouch)).RunColumns(cols)
	require.NoError(t, err)
	for _, g := range r.Groups() {
		assert.Equal(t, g.Code == 1, g.Result.Counts()[0] == 1, "code %d", g.Code)
	}
}

// TestLongestFunnelWithBreakdown: a funnel of MaxSteps steps with a
// breakdown (the match-mask DP) completed by one actor: every step counts
// 1, in the group of its first touch.
func TestLongestFunnelWithBreakdown(t *testing.T) {
	names := make([]string, MaxSteps)
	var events []Event
	for i := range names {
		names[i] = "s" + itoa(i+1)
		events = append(events, Event{Actor: "u", Time: base.Add(time.Duration(i) * time.Second), Name: names[i], Attrs: []Attr{{Key: "src", Value: "w"}}})
	}
	r, err := MustNew(steps(names...), time.Hour, WithBreakdown("src", FirstTouch)).Run(events)
	require.NoError(t, err)
	want := make([]int64, MaxSteps)
	for i := range want {
		want[i] = 1
	}
	assert.Equal(t, want, r.Counts())
	require.Len(t, r.Groups(), 1)
	assert.Equal(t, "w", r.Groups()[0].Value)
	assert.Equal(t, time.Duration(MaxSteps-1)*time.Second, r.Overall().Mean)
}
