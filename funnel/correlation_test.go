package funnel

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// videoEvents builds PostHog's docstring example (funnel_correlation.py,
// FunnelCorrelation._run): of 18 people entering the funnel, 5 watched
// the video and signed up, 1 watched and did not, 2 signed up without it
// and 10 did neither.
func videoEvents() []Event {
	t0 := time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)
	var ev []Event
	add := func(prefix string, n int, names ...string) {
		for i := range n {
			actor := fmt.Sprintf("%s%02d", prefix, i)
			for k, name := range names {
				ev = append(ev, Event{Actor: actor, Time: t0.Add(time.Duration(k) * time.Minute), Name: name})
			}
		}
	}
	add("vs", 5, "start", "watched video", "signup")
	add("vf", 1, "start", "watched video")
	add("ns", 2, "start", "signup")
	add("nf", 10, "start")
	return ev
}

func signupCorrelation(props ...string) Correlation {
	return Correlation{Funnel: MustNew([]Matcher{{Event: "start"}, {Event: "signup"}}, time.Hour), Properties: props}
}

func TestCorrelationPostHogExample(t *testing.T) {
	tab, err := signupCorrelation().Run(videoEvents())
	require.NoError(t, err)
	s, f := tab.Totals()
	assert.Equal(t, [2]int64{7, 11}, [2]int64{s, f})
	assert.Equal(t, []CorrelationCount{{Event: "watched video", Success: 5, Failure: 1}}, tab.Counts())
	rep, err := tab.Report(0, 0)
	require.NoError(t, err)
	require.Len(t, rep.Items, 1)
	it := rep.Items[0]
	// Raw odds ratio (5/1)/(2/10) = 25; with PostHog's prior of 1 per cell
	// (6 × 11)/(3 × 2) = 11. Woolf: SE = √(1/6 + 1/3 + 1/2 + 1/11) =
	// 1.0444659, z = ln 11 / SE = 2.2958099, p = 0.0216868 (by hand).
	assert.InDelta(t, 11, it.OddsRatio, 1e-12)
	assert.InDelta(t, 2.2958099357379393, it.Z, 1e-12)
	assert.InDelta(t, 0.021686751097441562, it.PValue, 1e-12)
	assert.True(t, it.Converting)
	assert.False(t, rep.Skewed)
	assert.Equal(t, int64(7), rep.Success)
}

func TestCorrelationSpanAndCandidates(t *testing.T) {
	t0 := time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)
	m := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Minute) }
	ev := []Event{
		// a: coupon before the start (out), coupon twice inside (once),
		// receipt after converting (out), a step event (never a candidate).
		{Actor: "a", Time: m(0), Name: "coupon", Props: map[string]string{"kind": "10off"}},
		{Actor: "a", Time: m(1), Name: "start"},
		{Actor: "a", Time: m(2), Name: "coupon", Props: map[string]string{"kind": "10off", "x": "1"}},
		{Actor: "a", Time: m(3), Name: "coupon", Props: map[string]string{"kind": "10off"}},
		{Actor: "a", Time: m(4), Name: "signup"},
		{Actor: "a", Time: m(5), Name: "receipt"},
		// b: dropped; coupon inside the window, chat after it (out).
		{Actor: "b", Time: m(0), Name: "start"},
		{Actor: "b", Time: m(30), Name: "coupon", Props: map[string]string{"kind": "free ship"}},
		{Actor: "b", Time: m(61), Name: "chat"},
		// c: never started: not in the population.
		{Actor: "c", Time: m(0), Name: "coupon"},
		// d: converted; the span ends at the signup (exclusive), so the
		// coupon at the same instant is out; events at the start instant are out.
		{Actor: "d", Time: m(0), Name: "start"},
		{Actor: "d", Time: m(0), Name: "chat"},
		{Actor: "d", Time: m(3), Name: "signup"},
		{Actor: "d", Time: m(3), Name: "coupon"},
	}
	tab, err := signupCorrelation("kind").Run(ev)
	require.NoError(t, err)
	s, f := tab.Totals()
	assert.Equal(t, [2]int64{2, 1}, [2]int64{s, f})
	assert.Equal(t, []CorrelationCount{
		{Event: "coupon", Success: 1, Failure: 1},
		{Event: "coupon", Property: "kind", Value: "10off", Success: 1},
		{Event: "coupon", Property: "kind", Value: "free ship", Failure: 1},
	}, tab.Counts())
	rep, err := tab.Report(1, 1)
	require.NoError(t, err)
	// ORs with S = 2, F = 1: coupon (2·1)/(2·2) = 0.5; 10off (2·2)/(2·1) =
	// 2; free ship (1·1)/(3·2) = 1/6. Converting first, then dropping
	// ascending.
	var got []string
	for _, it := range rep.Items {
		got = append(got, fmt.Sprintf("%s/%s %.4f %v", it.Event, it.Value, it.OddsRatio, it.Converting))
	}
	assert.Equal(t, []string{"coupon/10off 2.0000 true", "coupon/free ship 0.1667 false", "coupon/ 0.5000 false"}, got)
	// Support: min(2 actors, 100%) keeps only the event alone (2 actors).
	rep, err = tab.Report(2, 1)
	require.NoError(t, err)
	require.Len(t, rep.Items, 1)
	assert.Equal(t, "", rep.Items[0].Value)
	// The share side: min(25, 0.5 × 3 = 1.5) keeps 2 actors, drops 1.
	rep, err = tab.Report(25, 0.5)
	require.NoError(t, err)
	assert.Len(t, rep.Items, 1)
	rep, err = tab.Report(25, 1.0/3)
	require.NoError(t, err)
	assert.Len(t, rep.Items, 3, "1 actor >= 1/3 × 3")
}

func TestCorrelationSkewedAndErrors(t *testing.T) {
	// Everyone converts: skewed, items still computed.
	ev := []Event{{Actor: "a", Time: base, Name: "start"}, {Actor: "a", Time: base.Add(time.Second), Name: "x"}, {Actor: "a", Time: base.Add(2 * time.Second), Name: "signup"}}
	tab, err := signupCorrelation().Run(ev)
	require.NoError(t, err)
	rep, err := tab.Report(1, 0)
	require.NoError(t, err)
	assert.True(t, rep.Skewed)
	require.Len(t, rep.Items, 1)
	// (1+1)(0+1)/((0+1)(0+1)) = 2.
	assert.Equal(t, 2.0, rep.Items[0].OddsRatio)
	// Skew: 11 against 1 is skewed, 10 against 1 is not.
	for _, c := range []struct {
		s, f int64
		want bool
	}{{11, 1, true}, {10, 1, false}, {1, 11, true}, {1, 10, false}, {0, 5, true}} {
		r, err := CorrelationTable{success: c.s, failure: c.f}.Report(0, 0)
		require.NoError(t, err)
		assert.Equal(t, c.want, r.Skewed, "%+v", c)
	}
	_, err = tab.Report(-1, 0)
	assert.ErrorIs(t, err, ErrInvalidOption)
	_, err = tab.Report(0, math.NaN())
	assert.ErrorIs(t, err, ErrInvalidOption)
	_, err = tab.Report(0, 1.5)
	assert.ErrorIs(t, err, ErrInvalidOption)
	_, err = Correlation{}.Run(nil)
	assert.ErrorIs(t, err, ErrNoSteps)
	_, err = signupCorrelation("k", "k").Run(nil)
	assert.ErrorIs(t, err, ErrInvalidOption)
	_, err = signupCorrelation("").Run(nil)
	assert.ErrorIs(t, err, ErrInvalidOption)
	_, err = signupCorrelation().Run([]Event{{Time: base, Name: "start"}})
	assert.ErrorIs(t, err, ErrInvalidEvent)
}

// TestCorrelationOrderIndependent: the table does not depend on the order
// of the events (ties in time keep input order within an actor, so
// shuffle whole actors).
func TestCorrelationOrderIndependent(t *testing.T) {
	ev := videoEvents()
	rev := make([]Event, 0, len(ev))
	for i := len(ev) - 1; i >= 0; i-- {
		rev = append(rev, ev[i])
	}
	a, err := signupCorrelation().Run(ev)
	require.NoError(t, err)
	b, err := signupCorrelation().Run(rev)
	require.NoError(t, err)
	assert.Equal(t, a.Counts(), b.Counts())
}
