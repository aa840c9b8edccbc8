package funnel

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests written from the survivors of the whole-package gremlins run of
// funnel (issue 19), for the engine (engine.go) and its columnar entry
// (columns.go). Equivalent mutants of this run are listed in
// mutation_run_test.go.

// TestOneStepFunnelHasNoOverallTime: a one-step funnel has no time to
// convert (Result.Overall's doc: "A one-step funnel has none"), whatever
// kernel runs it: the tally records the step-1 -> step-k duration only for
// k > 1 (engine.go tally.add and fastOrdered, "k > 1"). u1 views twice,
// u2 once: 2 actors (3 attempts with Attempts), no durations.
func TestOneStepFunnelHasNoOverallTime(t *testing.T) {
	events := []Event{ev("u1", 0, "view", "ch", "a"), ev("u1", 5, "view", "ch", "b"), ev("u2", 1, "view", "ch", "a")}
	cases := []struct {
		name string
		opts []Option
		want int64
	}{
		{"default", nil, 2},
		{"attempts", []Option{WithCounting(Attempts)}, 3},
		{"first entry", []Option{WithReentry(FirstEntry)}, 2},
		{"strict", []Option{WithStepOrder(Strict)}, 2},
		{"any order", []Option{WithStepOrder(AnyOrder)}, 2},
		{"breakdown", []Option{WithBreakdown("ch", AtFirstStep)}, 2},
		{"strict increase", []Option{WithModes(StrictIncrease)}, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := MustNew([]Matcher{{Event: "view"}}, time.Hour, tc.opts...)
			r, err := f.Run(events)
			require.NoError(t, err)
			assert.Equal(t, []int64{tc.want}, r.Counts())
			assert.Empty(t, r.OverallDurations())
			assert.Equal(t, Timing{}, r.Overall())
			c, _, _, err := f.Encode(events)
			require.NoError(t, err)
			rc, err := f.RunColumns(c)
			require.NoError(t, err)
			assert.Equal(t, []int64{tc.want}, rc.Counts())
			assert.Empty(t, rc.OverallDurations())
		})
	}
}

// TestRunColumnsUnitEqualToWindow: a unit as long as the window is allowed
// (columns.go check, "unit > window"; doc: "at most the window"), and the
// window is then one tick: u0's steps one tick apart convert, u1's two
// ticks apart reach step 1 only. One nanosecond more is ErrInvalidWindow
// naming the unit.
func TestRunColumnsUnitEqualToWindow(t *testing.T) {
	f := MustNew([]Matcher{{Event: "a"}, {Event: "b"}}, time.Hour)
	c := Columns{Actors: []int32{0, 0, 1, 1}, Times: []int64{0, 1, 0, 2}, Codes: []uint8{1, 2, 1, 2}, Unit: time.Hour}
	r, err := f.RunColumns(c)
	require.NoError(t, err)
	assert.Equal(t, []int64{2, 1}, r.Counts())
	assert.Equal(t, []time.Duration{time.Hour}, r.OverallDurations())
	c.Unit = time.Hour + 1
	_, err = f.RunColumns(c)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.ErrorIs(t, err, ErrInvalidWindow)
	assert.Equal(t, "unit", fe.Field)
}

// TestRunColumnsBadCodeAfterCompletion: a code one above the steps (k + 1,
// which would be exclusion 1 of a funnel that has none) right after an
// actor completes the funnel is reported as an invalid code, not taken as
// a step past the last (engine.go fastOrdered, "s >= uk": the code must be
// skipped before the depth logic, which would count a depth k + 1).
func TestRunColumnsBadCodeAfterCompletion(t *testing.T) {
	f := MustNew([]Matcher{{Event: "a"}, {Event: "b"}}, time.Hour)
	c := Columns{Actors: []int32{0, 0, 0}, Times: []int64{0, 1, 2}, Codes: []uint8{1, 2, 3}, Unit: time.Minute}
	_, err := f.RunColumns(c)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.ErrorIs(t, err, ErrInvalidColumns)
	assert.Equal(t, "codes[2]", fe.Field)
	assert.Equal(t, "3", fe.Value)
}
