package kpi

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// erlangCRef is the textbook form, independent of the package's Erlang B
// recursion: C = (a^n/n! · n/(n-a)) / (Σ_{k<n} a^k/k! + a^n/n! · n/(n-a)),
// summed term by term (fine for the small n used here).
func erlangCRef(n int, a float64) float64 {
	term, sum := 1.0, 0.0
	for k := 0; k < n; k++ {
		sum += term
		term *= a / float64(k+1)
	}
	top := term * float64(n) / (float64(n) - a)
	return top / (sum + top)
}

// halfHour is the classic interval: 100 calls in 30 minutes, AHT 180 s.
func halfHour() Interval {
	return Interval{Start: time.Date(2026, 2, 9, 9, 0, 0, 0, time.UTC), Length: 30 * time.Minute, Contacts: 100, AHT: 180 * time.Second}
}

// Call Centre Helper, "Erlang C formula - made simple with an easy worked
// example" (also pyworkforce's README: ErlangC(transactions=100, aht=3,
// interval=30, asa=20/60).required_positions(service_level=0.8,
// max_occupancy=0.85) → raw_positions 14, service_level 0.8883500191794669,
// occupancy 0.7142857142857143, waiting_probability 0.1741319335950498):
// load 10 Erlangs; 11 agents wait with probability 0.6821 and answer 39.0%
// within 20 s; 13 agents answer 79.6% (short of 80%); 14 answer 88.8%.
func TestStaffingErlangCClassic(t *testing.T) {
	target := StaffingTarget{ServiceLevel: 0.8, AnswerWithin: 20 * time.Second, MaxOccupancy: 0.85}
	lines, err := Staffing([]Interval{halfHour()}, target)
	require.NoError(t, err)
	require.Len(t, lines, 1)
	l := lines[0]
	assert.Equal(t, int64(14), l.Agents)
	assert.InDelta(t, 10.0, l.Load, 1e-12)
	assert.InDelta(t, 0.8883500191794669, l.ServiceLevel, 1e-12)
	assert.InDelta(t, 0.1741319335950498, l.Wait, 1e-12)
	assert.InDelta(t, 0.7142857142857143, l.Occupancy, 1e-15)
	// ASA = C·h/(n-a) = 0.17413 × 180 / 4 = 7.836 s.
	assert.Equal(t, time.Duration(math.Round(0.1741319335950498*180/4*1e9)), l.ASA)

	for n, want := range map[int64]float64{11: 0.6821182046893324, 12: 0.44938822429827086, 13: 0.28527045303649295} {
		p, err := StaffingPerformance(n, halfHour(), target)
		require.NoError(t, err)
		assert.InDelta(t, want, p.Wait, 1e-12, "agents %d", n)
		assert.InDelta(t, erlangCRef(int(n), 10), p.Wait, 1e-12, "agents %d vs the factorial form", n)
	}
	p13, _ := StaffingPerformance(13, halfHour(), target)
	assert.InDelta(t, 0.7955947884177831, p13.ServiceLevel, 1e-12)

	// An ASA target alone: 12 agents give 40.4 s, 13 give 17.1 s.
	lines, err = Staffing([]Interval{halfHour()}, StaffingTarget{MaxASA: 20 * time.Second})
	require.NoError(t, err)
	assert.Equal(t, int64(13), lines[0].Agents)
	// An ASA cap equal to what 13 agents give is met by 13.
	p13asa, err := StaffingPerformance(13, halfHour(), StaffingTarget{})
	require.NoError(t, err)
	lines, err = Staffing([]Interval{halfHour()}, StaffingTarget{MaxASA: p13asa.ASA})
	require.NoError(t, err)
	assert.Equal(t, int64(13), lines[0].Agents)
	lines, err = Staffing([]Interval{halfHour()}, StaffingTarget{MaxASA: p13asa.ASA - 1})
	require.NoError(t, err)
	assert.Equal(t, int64(14), lines[0].Agents)
	// Caps met with equality: occupancy 10/14 exactly, and (Erlang A) the
	// abandonment that 13 agents give.
	lines, err = Staffing([]Interval{halfHour()}, StaffingTarget{MaxOccupancy: 10.0 / 14})
	require.NoError(t, err)
	assert.Equal(t, int64(14), lines[0].Agents)
	pa, err := StaffingPerformance(13, halfHour(), StaffingTarget{Patience: 5 * time.Minute})
	require.NoError(t, err)
	lines, err = Staffing([]Interval{halfHour()}, StaffingTarget{MaxAbandon: pa.Abandon, Patience: 5 * time.Minute})
	require.NoError(t, err)
	assert.Equal(t, int64(13), lines[0].Agents)
	// An occupancy cap alone: 10/n ≤ 0.7 needs n = 15.
	lines, err = Staffing([]Interval{halfHour()}, StaffingTarget{MaxOccupancy: 0.7})
	require.NoError(t, err)
	assert.Equal(t, int64(15), lines[0].Agents)
	// No target at all: the first stable staffing, 11 agents.
	lines, err = Staffing([]Interval{halfHour()}, StaffingTarget{})
	require.NoError(t, err)
	assert.Equal(t, int64(11), lines[0].Agents)
}

// Erlang A against pyworkforce's README (ErlangA(transactions=100, aht=3,
// interval=30, asa=20/60, patience=5).required_positions(
// service_level=0.8, max_occupancy=0.85, max_abandonment=0.05) →
// raw_positions 13, service_level 0.858..., occupancy 0.750...,
// abandonment_probability 0.025..., waiting_probability 0.226...,
// average_speed_of_answer 0.125... minutes).
func TestStaffingErlangA(t *testing.T) {
	target := StaffingTarget{ServiceLevel: 0.8, AnswerWithin: 20 * time.Second, MaxOccupancy: 0.85, MaxAbandon: 0.05, Patience: 5 * time.Minute}
	lines, err := Staffing([]Interval{halfHour()}, target)
	require.NoError(t, err)
	l := lines[0]
	assert.Equal(t, int64(13), l.Agents)
	// The README prints these rounded to three places.
	assert.InDelta(t, 0.858, l.ServiceLevel, 0.0005)
	assert.InDelta(t, 0.750, l.Occupancy, 0.0005)
	assert.InDelta(t, 0.025, l.Abandon, 0.0005)
	assert.InDelta(t, 0.226, l.Wait, 0.0005)
	assert.InDelta(t, 0.125*60, l.ASA.Seconds(), 0.03)
	// Full precision from an independent implementation of pyworkforce's
	// algorithm (its stationary chain cut at 1e-15 and its per-start
	// uniformisation, run in Python for this test): service level, wait
	// chance, abandonment and ASA (seconds) for 12, 13 and 14 agents.
	for _, w := range []struct {
		n                  int64
		sl, wait, ab, asaS float64
	}{
		{12, 0.7722793077156134, 0.33180203554379994, 0.04271110569860625, 12.813331709581874},
		{13, 0.8581777000307625, 0.2257970840473752, 0.02496330363357157, 7.48899109007147},
		{14, 0.9167920918635474, 0.14526011429636124, 0.013983744122408387, 4.195123236722515},
	} {
		p, err := StaffingPerformance(w.n, halfHour(), target)
		require.NoError(t, err)
		assert.InDelta(t, w.sl, p.ServiceLevel, 1e-9, "sl %d", w.n)
		assert.InDelta(t, w.wait, p.Wait, 1e-9, "wait %d", w.n)
		assert.InDelta(t, w.ab, p.Abandon, 1e-9, "abandon %d", w.n)
		assert.InDelta(t, w.asaS, p.ASA.Seconds(), 1e-6, "asa %d", w.n)
	}
	// The abandonment cap binding (same independent run): 14 agents lose
	// 1.40%, 17 lose 0.192%, 18 lose 0.0914%, 19 lose 0.0418%; a 0.1% cap
	// needs 18, a 0.09% cap 19.
	for _, w := range []struct {
		limit float64
		n     int64
	}{{0.001, 18}, {0.0009, 19}, {0.025, 13}, {0.0249, 14}} {
		tg := target
		tg.MaxAbandon = w.limit
		lines, err := Staffing([]Interval{halfHour()}, tg)
		require.NoError(t, err)
		assert.Equal(t, w.n, lines[0].Agents, "abandon cap %v", w.limit)
	}
	// No answer time: the service level is the chance of not waiting.
	z, err := StaffingPerformance(13, halfHour(), StaffingTarget{Patience: 5 * time.Minute})
	require.NoError(t, err)
	assert.InDelta(t, 1-0.2257970840473752, z.ServiceLevel, 1e-9)
	// Conservation: served work = (1 - abandon)·λ·h = occupancy·n.
	assert.InDelta(t, (1-l.Abandon)*10, l.Occupancy*13, 1e-9)

	// Very patient callers: Erlang A tends to Erlang C.
	c, err := StaffingPerformance(14, halfHour(), StaffingTarget{AnswerWithin: 20 * time.Second})
	require.NoError(t, err)
	a, err := StaffingPerformance(14, halfHour(), StaffingTarget{AnswerWithin: 20 * time.Second, Patience: 1e6 * time.Second})
	require.NoError(t, err)
	assert.InDelta(t, c.ServiceLevel, a.ServiceLevel, 1e-3)
	assert.InDelta(t, c.Wait, a.Wait, 1e-3)
	// With abandonment fewer agents than the load still give a finite queue.
	a, err = StaffingPerformance(8, halfHour(), target)
	require.NoError(t, err)
	assert.Greater(t, a.Abandon, 0.1)
	assert.Less(t, a.Occupancy, 1.0)
}

func TestStaffingEdges(t *testing.T) {
	iv := halfHour()
	iv.Contacts = 0
	lines, err := Staffing([]Interval{iv}, StaffingTarget{ServiceLevel: 0.8, AnswerWithin: 20 * time.Second})
	require.NoError(t, err)
	assert.Equal(t, int64(0), lines[0].Agents)
	assert.Equal(t, 1.0, lines[0].ServiceLevel)
	// Erlang C at or below the load: unstable.
	p, err := StaffingPerformance(10, halfHour(), StaffingTarget{})
	require.NoError(t, err)
	assert.Equal(t, 1.0, p.Wait)
	assert.Equal(t, 0.0, p.ServiceLevel)
	assert.Equal(t, time.Duration(math.MaxInt64), p.ASA)
	p, err = StaffingPerformance(0, halfHour(), StaffingTarget{Patience: time.Minute})
	require.NoError(t, err)
	assert.Equal(t, 1.0, p.Abandon)
	p, err = StaffingPerformance(0, halfHour(), StaffingTarget{})
	require.NoError(t, err)
	assert.Equal(t, 0.0, p.Abandon, "Erlang C callers never hang up")
	assert.Equal(t, 1.0, p.Wait)

	// Large but within limits: 2,000 Erlangs (Erlang B by recursion, no
	// factorial overflow).
	big := Interval{Length: time.Hour, Contacts: 40_000, AHT: 180 * time.Second}
	lines, err = Staffing([]Interval{big}, StaffingTarget{ServiceLevel: 0.9, AnswerWithin: 10 * time.Second})
	require.NoError(t, err)
	assert.Greater(t, lines[0].Agents, int64(2000))
	assert.Less(t, lines[0].Agents, int64(2100))
	assert.GreaterOrEqual(t, lines[0].ServiceLevel, 0.9)
	prev, err := StaffingPerformance(lines[0].Agents-1, big, StaffingTarget{ServiceLevel: 0.9, AnswerWithin: 10 * time.Second})
	require.NoError(t, err)
	assert.Less(t, prev.ServiceLevel, 0.9, "the fewest agents")
}

func TestStaffingErrors(t *testing.T) {
	ok := halfHour()
	cases := []struct {
		iv    Interval
		tg    StaffingTarget
		want  error
		field string
	}{
		{ok, StaffingTarget{ServiceLevel: 1.5, AnswerWithin: time.Second}, ErrInvalidNumber, "target.service_level"},
		{ok, StaffingTarget{ServiceLevel: math.NaN()}, ErrInvalidNumber, "target.service_level"},
		{ok, StaffingTarget{MaxOccupancy: -0.1}, ErrInvalidNumber, "target.max_occupancy"},
		{ok, StaffingTarget{MaxAbandon: 2}, ErrInvalidNumber, "target.max_abandon"},
		{ok, StaffingTarget{ServiceLevel: 0.8}, ErrInvalidNumber, "target.answer_within"},
		{ok, StaffingTarget{AnswerWithin: -1}, ErrInvalidNumber, "target.answer_within"},
		{ok, StaffingTarget{MaxASA: -1}, ErrInvalidNumber, "target.max_asa"},
		{ok, StaffingTarget{Patience: -1}, ErrInvalidNumber, "target.patience"},
		{ok, StaffingTarget{MaxAbandon: 0.1}, ErrInvalidNumber, "target.max_abandon"},
		{Interval{Contacts: 1, AHT: time.Second}, StaffingTarget{}, ErrInvalidNumber, "intervals[0].length"},
		{Interval{Length: time.Hour, Contacts: -1, AHT: time.Second}, StaffingTarget{}, ErrInvalidNumber, "intervals[0].contacts"},
		{Interval{Length: time.Hour, Contacts: 1}, StaffingTarget{}, ErrInvalidNumber, "intervals[0].aht"},
		{Interval{Length: time.Second, Contacts: math.MaxInt64, AHT: math.MaxInt64}, StaffingTarget{}, ErrTooLarge, "intervals[0].contacts"},
		// 60,000 calls a second of 2 s each: 120,000 Erlangs.
		{Interval{Length: time.Second, Contacts: 60_000, AHT: 2 * time.Second}, StaffingTarget{}, ErrTooLarge, "intervals[0].contacts"},
		// 100,000 Erlangs exactly: Erlang C needs more than MaxAgents.
		{Interval{Length: time.Second, Contacts: 100_000, AHT: time.Second}, StaffingTarget{}, ErrTooLarge, "intervals[0]"},
	}
	for _, tt := range cases {
		_, err := Staffing([]Interval{tt.iv}, tt.tg)
		var fe *FieldError
		require.ErrorAs(t, err, &fe, tt.field)
		assert.ErrorIs(t, err, tt.want, tt.field)
		assert.Equal(t, tt.field, fe.Field)
	}
	p, err := StaffingPerformance(MaxAgents, Interval{Length: time.Hour, Contacts: 1, AHT: time.Second}, StaffingTarget{MaxOccupancy: 1})
	require.NoError(t, err)
	assert.Equal(t, int64(MaxAgents), p.Agents)
	_, err = StaffingPerformance(MaxAgents+1, ok, StaffingTarget{})
	assert.ErrorIs(t, err, ErrTooLarge)
	_, err = StaffingPerformance(-1, ok, StaffingTarget{})
	assert.ErrorIs(t, err, ErrTooLarge)
	_, err = StaffingPerformance(1, Interval{}, StaffingTarget{})
	assert.ErrorIs(t, err, ErrInvalidNumber)
	_, err = StaffingPerformance(1, ok, StaffingTarget{MaxOccupancy: 3})
	assert.ErrorIs(t, err, ErrInvalidNumber)
	// Nearly infinitely patient callers with fewer agents than the load:
	// the queue settles only millions of places deep; the state cap stops it.
	_, err = StaffingPerformance(9, halfHour(), StaffingTarget{Patience: 1e9 * time.Second})
	assert.ErrorIs(t, err, ErrTooLarge)
	// Erlang A with a day-long answer target and a huge load: the work
	// budget stops it.
	huge := Interval{Length: time.Second, Contacts: 50_000, AHT: time.Second}
	_, err = StaffingPerformance(40_000, huge, StaffingTarget{AnswerWithin: 24 * time.Hour, Patience: time.Second})
	assert.ErrorIs(t, err, ErrTooLarge)
}

func TestStaffingJSON(t *testing.T) {
	iv := halfHour()
	b, err := json.Marshal(iv)
	require.NoError(t, err)
	assert.Equal(t, `{"start":"2026-02-09T09:00:00Z","length":"30m0s","contacts":100,"aht":"3m0s"}`, string(b))
	var back Interval
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, iv, back)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"length":"30m","length":"1h"}`), &back), ErrInvalidJSON)
	tg := StaffingTarget{ServiceLevel: 0.8, AnswerWithin: 20 * time.Second, MaxOccupancy: 0.85, Patience: 5 * time.Minute}
	b, err = json.Marshal(tg)
	require.NoError(t, err)
	assert.Equal(t, `{"service_level":0.8,"answer_within":"20s","max_asa":"0s","max_occupancy":0.85,"max_abandon":0,"patience":"5m0s"}`, string(b))
	var tb StaffingTarget
	require.NoError(t, json.Unmarshal(b, &tb))
	assert.Equal(t, tg, tb)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"patience":5}`), &tb), ErrInvalidJSON)
	lines, err := Staffing([]Interval{iv}, StaffingTarget{ServiceLevel: 0.8, AnswerWithin: 20 * time.Second})
	require.NoError(t, err)
	goldenJSON(t, "staffing_line", lines[0])
	cov, err := Coverage(lines, []Shift{{Name: "day", Start: iv.Start, End: iv.Start.Add(time.Hour), Agents: 12}})
	require.NoError(t, err)
	goldenJSON(t, "coverage_line", cov[0])
	var sh Shift
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"name":"a","extra":1}`), &sh), ErrInvalidJSON)
	var sp StaffPlan
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"orders":1,"orders":2}`), &sp), ErrInvalidJSON)
	var sr StaffRules
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"supervisor_at":"4"}`), &sr), ErrInvalidJSON)
}

// A large system (5,000 Erlangs, 5,000 agents, patience 5 minutes): the
// stationary terms pass 1e250 and are rescaled on the way. Garnett,
// Mandelbaum and Reiman's approximation for M/M/n+M (MSOM 2002), with
// β = (n - a)/√a = 0, gives P(wait) ≈ 1/(1 + √(θ/μ)) = 1/(1 + √(180/300))
// = 0.5635; in a system this large the exact value lies close to it.
func TestStaffingErlangALarge(t *testing.T) {
	iv := Interval{Length: time.Hour, Contacts: 100_000, AHT: 180 * time.Second}
	p, err := StaffingPerformance(5000, iv, StaffingTarget{AnswerWithin: 20 * time.Second, Patience: 5 * time.Minute})
	require.NoError(t, err)
	assert.InDelta(t, 1/(1+math.Sqrt(180.0/300)), p.Wait, 0.01)
	assert.InDelta(t, (1-p.Abandon)*5000, p.Occupancy*5000, 1e-6)
	assert.Greater(t, p.ServiceLevel, 1-p.Wait)
	assert.Less(t, p.ServiceLevel, 1.0)
}

// The work budget holds per interval over all its evaluations: one
// evaluation of a 5,000-Erlang system with a 400 s answer target takes
// about 9.7 million steps, within MaxStaffingWork, but the search needs
// more than five of them.
func TestStaffingBudgetPerInterval(t *testing.T) {
	iv := Interval{Length: time.Hour, Contacts: 100_000, AHT: 180 * time.Second}
	tg := StaffingTarget{ServiceLevel: 0.99, AnswerWithin: 400 * time.Second, Patience: 5 * time.Minute}
	_, err := StaffingPerformance(5000, iv, tg)
	require.NoError(t, err)
	_, err = Staffing([]Interval{iv}, tg)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.Equal(t, "intervals[0]", fe.Field)
}
