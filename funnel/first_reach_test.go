package funnel

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The counted attempt among equally deep ones is the first to reach that
// depth, as in PostHog's funnel UDF (funnel-udf/src/steps.rs and
// unordered_steps.rs: max_step is replaced only by a strictly deeper step,
// and the ordered scan stops at the first completion; PostHog's
// test_basic_unordered_funnel_conversion_times times a person who converts
// twice on the first conversion, see anchors_more_times_test.go). Each case
// runs every kernel: the default path of Run (packed runs) and of
// RunColumns (step codes), the match-mask DP (a breakdown), the event scan
// (an exclusion that never fires) and its indexed form (more than
// plainEvents events), and the any-order sweep.

// firstReachCase is one actor's events as (minute, name) and the step
// durations the counted attempt gives.
type firstReachCase struct {
	name  string
	steps []string
	evs   []struct {
		min  int
		name string
	}
	want []time.Duration // step 2, 3, ... durations of the counted attempt
}

func firstReachEvents(c firstReachCase, pad int) []Event {
	var out []Event
	for _, e := range c.evs {
		out = append(out, Event{Actor: "u", Time: base.Add(time.Duration(e.min) * time.Minute), Name: e.name, Attrs: []Attr{{Key: "src", Value: e.name}}})
	}
	// Padding events at the end, after the window: they fill nothing.
	for i := range pad {
		out = append(out, Event{Actor: "u", Time: base.Add(time.Duration(100_000+i) * time.Minute), Name: "pad"})
	}
	return out
}

func firstReachDurations(t *testing.T, f Funnel, events []Event) []time.Duration {
	t.Helper()
	r, err := f.Run(events)
	require.NoError(t, err)
	var got []time.Duration
	for s := 2; s <= len(r.Counts()); s++ {
		if d := r.Durations(s); len(d) == 1 {
			got = append(got, d[0])
		}
	}
	return got
}

type minName = struct {
	min  int
	name string
}

func TestFirstAttemptToReachTheDepthIsCounted(t *testing.T) {
	day := 24 * time.Hour
	ordered := []firstReachCase{
		// Two completions: a b at 0 and 60, a b at 300 and 600. The first
		// is timed (60 min), not the latest start (300 min).
		{"two completions", []string{"a", "b"}, []minName{{0, "a"}, {60, "b"}, {300, "a"}, {600, "b"}}, []time.Duration{time.Hour}},
		// Two starts reach b at the same event: the later start counts
		// (PostHog follows the latest step-1 event): 1 min, not 2.
		{"same event", []string{"a", "b"}, []minName{{0, "a"}, {1, "a"}, {2, "b"}}, []time.Duration{time.Minute}},
		// The start at 120 reaches b at 180 and c at 240; the one at 0
		// reaches c at 240 too, through b at 60: the later start, 60 + 60.
		{"same event deeper", []string{"a", "b", "c"}, []minName{{0, "a"}, {60, "b"}, {120, "a"}, {180, "b"}, {240, "c"}}, []time.Duration{time.Hour, time.Hour}},
		// Depth 2 twice, then depth 3 by the second: the deeper one counts.
		{"deeper later", []string{"a", "b", "c"}, []minName{{0, "a"}, {10, "b"}, {100, "a"}, {130, "b"}, {135, "c"}}, []time.Duration{30 * time.Minute, 5 * time.Minute}},
		// Five steps: a b c d twice (the second overwrites the depth-4 row
		// with its own fill times), then e extends the second: 1, 2, 3, 4
		// minutes apart, not the first's 10, 10, 10.
		{"overwritten row extended", []string{"a", "b", "c", "d", "e"}, []minName{{0, "a"}, {10, "b"}, {20, "c"}, {30, "d"}, {100, "a"}, {101, "b"}, {103, "c"}, {106, "d"}, {110, "e"}},
			[]time.Duration{time.Minute, 2 * time.Minute, 3 * time.Minute, 4 * time.Minute}},
	}
	for _, c := range ordered {
		for _, v := range []struct {
			name string
			f    Funnel
			pad  int
		}{
			{"default", MustNew(steps(c.steps...), day), 0},
			{"breakdown", MustNew(steps(c.steps...), day, WithBreakdown("src", AtFirstStep)), 0},
			{"scan", MustNew(steps(c.steps...), day, WithExclusions(Exclusion{Event: "never", After: c.steps[0], Before: c.steps[len(c.steps)-1]})), 0},
			{"indexed scan", MustNew(steps(c.steps...), day, WithExclusions(Exclusion{Event: "never", After: c.steps[0], Before: c.steps[len(c.steps)-1]})), plainEvents + 8},
		} {
			ev := firstReachEvents(c, v.pad)
			assert.Equal(t, c.want, firstReachDurations(t, v.f, ev), "%s, %s", c.name, v.name)
			if v.name == "default" {
				cols, _, _, err := v.f.Encode(ev)
				require.NoError(t, err)
				r, err := v.f.RunColumns(cols)
				require.NoError(t, err)
				var got []time.Duration
				for s := 2; s <= len(c.steps); s++ {
					got = append(got, r.Durations(s)...)
				}
				assert.Equal(t, c.want, got, "%s, RunColumns", c.name)
				codes := Columns{Actors: make([]int32, len(ev)), Times: make([]int64, len(ev)), Codes: make([]uint8, len(ev)), Unit: time.Minute}
				for i, e := range c.evs {
					codes.Times[i] = int64(e.min)
					for s, name := range c.steps {
						if e.name == name {
							codes.Codes[i] = uint8(s + 1)
						}
					}
				}
				r, err = v.f.RunColumns(codes)
				require.NoError(t, err)
				got = got[:0]
				for s := 2; s <= len(c.steps); s++ {
					got = append(got, r.Durations(s)...)
				}
				assert.Equal(t, c.want, got, "%s, RunColumns with codes (fastOrdered)", c.name)
			}
		}
	}
	// Any order: a@0 b@60 completes first; b@300 a@600 completes later
	// from a later start. The sweep and the scan both time the first.
	anyOrder := firstReachCase{"any order", []string{"a", "b"}, []minName{{0, "a"}, {60, "b"}, {300, "b"}, {600, "a"}}, []time.Duration{time.Hour}}
	// a0 a1 b2: both starts reach b at b2; the later start counts (1 min).
	tie := firstReachCase{"any order, same event", []string{"a", "b"}, []minName{{0, "a"}, {1, "a"}, {2, "b"}}, []time.Duration{time.Minute}}
	for name, f := range map[string]Funnel{
		"sweep": MustNew(steps("a", "b"), day, WithStepOrder(AnyOrder)),
		"scan":  MustNew(steps("a", "b"), day, WithStepOrder(AnyOrder), WithExclusions(Exclusion{Event: "never", After: "a", Before: "b"})),
	} {
		assert.Equal(t, anyOrder.want, firstReachDurations(t, f, firstReachEvents(anyOrder, 0)), name)
		assert.Equal(t, tie.want, firstReachDurations(t, f, firstReachEvents(tie, 0)), "%s, same event", name)
	}
	// The breakdown group is that of the counted attempt: the first
	// completion's step-1 event ("a" at 0 has src a0).
	ev := []Event{
		{Actor: "u", Time: base, Name: "a", Attrs: []Attr{{Key: "src", Value: "first"}}},
		{Actor: "u", Time: base.Add(time.Hour), Name: "b"},
		{Actor: "u", Time: base.Add(5 * time.Hour), Name: "a", Attrs: []Attr{{Key: "src", Value: "second"}}},
		{Actor: "u", Time: base.Add(10 * time.Hour), Name: "b"},
	}
	r, err := MustNew(steps("a", "b"), day, WithBreakdown("src", AtFirstStep)).Run(ev)
	require.NoError(t, err)
	counted := map[string][]int64{}
	for _, g := range r.Groups() {
		counted[g.Value] = g.Result.Counts()
	}
	assert.Equal(t, map[string][]int64{"first": {1, 1}}, counted)
}
