package kpi

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hourly is one agent required in every hour from 08:00 to 22:00.
func hourly(day time.Time) []StaffingLine {
	var req []StaffingLine
	for h := 8; h < 22; h++ {
		req = append(req, StaffingLine{Start: day.Add(time.Duration(h) * time.Hour), Length: time.Hour, Agents: 1})
	}
	return req
}

// Seed-rules K-18 (online from 08:00 until closing, never without an
// agent) and K-19 (two agents, an early and a late shift, one each).
func TestCoverageSeedShifts(t *testing.T) {
	day := time.Date(2026, 2, 9, 0, 0, 0, 0, time.UTC)
	at := func(h, m int) time.Time { return day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute) }
	req := hourly(day)
	// Early 08:00-15:00, late 15:00-22:00: every hour has exactly one agent.
	lines, err := Coverage(req, []Shift{{Name: "early", Start: at(8, 0), End: at(15, 0), Agents: 1}, {Name: "late", Start: at(15, 0), End: at(22, 0), Agents: 1}})
	require.NoError(t, err)
	require.Len(t, lines, 14)
	for _, l := range lines {
		assert.Equal(t, int64(0), l.Gap, "%s", l.Start.Format("15:04"))
		assert.Equal(t, int64(1), l.Scheduled)
	}
	// The early agent lunches 12:00-12:30 (two shifts around the break):
	// the 12:00 hour has nobody at some instant, one short; the rest is met.
	lines, err = Coverage(req, []Shift{
		{Name: "early", Start: at(8, 0), End: at(12, 0), Agents: 1},
		{Name: "early", Start: at(12, 30), End: at(15, 0), Agents: 1},
		{Name: "late", Start: at(15, 0), End: at(22, 0), Agents: 1},
	})
	require.NoError(t, err)
	for _, l := range lines {
		want := int64(0)
		if l.Start.Hour() == 12 {
			want = -1
		}
		assert.Equal(t, want, l.Gap, "%s", l.Start.Format("15:04"))
	}
	// Staggered: late starts at 12:00, so the break is covered and 12:00-15:00
	// is over-staffed by one except the lunch hour, which has one agent.
	lines, err = Coverage(req, []Shift{
		{Name: "early", Start: at(8, 0), End: at(12, 0), Agents: 1},
		{Name: "early", Start: at(12, 30), End: at(16, 0), Agents: 1},
		{Name: "late", Start: at(12, 0), End: at(22, 0), Agents: 1},
	})
	require.NoError(t, err)
	gaps := map[int]int64{}
	for _, l := range lines {
		gaps[l.Start.Hour()] = l.Gap
	}
	assert.Equal(t, map[int]int64{8: 0, 9: 0, 10: 0, 11: 0, 12: 0, 13: 1, 14: 1, 15: 1, 16: 0, 17: 0, 18: 0, 19: 0, 20: 0, 21: 0}, gaps)
	// Only the late shift: 08:00-15:00 uncovered.
	lines, err = Coverage(req[:8], []Shift{{Start: at(15, 0), End: at(22, 0), Agents: 1}})
	require.NoError(t, err)
	assert.Equal(t, []int64{-1, -1, -1, -1, -1, -1, -1, 0}, []int64{lines[0].Gap, lines[1].Gap, lines[2].Gap, lines[3].Gap, lines[4].Gap, lines[5].Gap, lines[6].Gap, lines[7].Gap})
}

// Staffing feeds Coverage: the classic half hour needs 14 agents.
func TestCoverageFromStaffing(t *testing.T) {
	iv := halfHour()
	lines, err := Staffing([]Interval{iv, {Start: iv.Start.Add(30 * time.Minute), Length: 30 * time.Minute, Contacts: 50, AHT: 180 * time.Second}},
		StaffingTarget{ServiceLevel: 0.8, AnswerWithin: 20 * time.Second})
	require.NoError(t, err)
	cov, err := Coverage(lines, []Shift{{Start: iv.Start, End: iv.Start.Add(time.Hour), Agents: 12}})
	require.NoError(t, err)
	assert.Equal(t, int64(14), cov[0].Required)
	assert.Equal(t, int64(-2), cov[0].Gap)
	// 50 calls: load 5; hand check with the factorial form: 8 agents give
	// 1 - C(8,5)·e^{-3·20/180} ≥ 0.8 and 7 do not.
	assert.Equal(t, lines[1].Agents, cov[1].Required)
	assert.Equal(t, 12-lines[1].Agents, cov[1].Gap)
	c7, c8 := erlangCRef(7, 5), erlangCRef(8, 5)
	assert.Less(t, 1-c7*math.Exp(-2*20.0/180), 0.8)
	assert.GreaterOrEqual(t, 1-c8*math.Exp(-3*20.0/180), 0.8)
	assert.Equal(t, int64(8), lines[1].Agents)
}

func TestCoverageErrors(t *testing.T) {
	t0 := time.Date(2026, 2, 9, 8, 0, 0, 0, time.UTC)
	ok := []StaffingLine{{Start: t0, Length: time.Hour, Agents: 1}}
	cases := []struct {
		req   []StaffingLine
		sh    []Shift
		want  error
		field string
	}{
		{ok, []Shift{{Start: t0, End: t0}}, ErrInvalidTimeRange, "shifts[0].end"},
		{ok, []Shift{{Start: t0, End: t0.Add(time.Hour), Agents: -1}}, ErrInvalidNumber, "shifts[0].agents"},
		{ok, []Shift{{Start: t0, End: t0.Add(1), Agents: math.MaxInt64}, {Start: t0, End: t0.Add(1), Agents: 1}}, ErrTooLarge, "shifts[1].agents"},
		{[]StaffingLine{{Start: t0}}, nil, ErrInvalidNumber, "required[0].length"},
		{[]StaffingLine{{Start: t0, Length: 1, Agents: -1}}, nil, ErrInvalidNumber, "required[0].agents"},
		{[]StaffingLine{{Start: t0, Length: time.Hour}, {Start: t0.Add(59 * time.Minute), Length: time.Hour}}, nil, ErrOutOfOrder, "required[1].start"},
	}
	for _, tt := range cases {
		_, err := Coverage(tt.req, tt.sh)
		var fe *FieldError
		require.ErrorAs(t, err, &fe, tt.field)
		assert.ErrorIs(t, err, tt.want, tt.field)
		assert.Equal(t, tt.field, fe.Field)
	}
	// Touching intervals are fine, as is a gap between them.
	_, err := Coverage([]StaffingLine{{Start: t0, Length: time.Hour}, {Start: t0.Add(time.Hour), Length: time.Hour}, {Start: t0.Add(3 * time.Hour), Length: time.Hour}}, nil)
	assert.NoError(t, err)
}

// The last event of all falls inside an interval: a shift ending at 08:30
// leaves the 08:00-09:00 hour with nobody for its second half.
func TestCoverageLastEventInside(t *testing.T) {
	t0 := time.Date(2026, 2, 9, 8, 0, 0, 0, time.UTC)
	got, err := Coverage([]StaffingLine{{Start: t0, Length: time.Hour, Agents: 1}}, []Shift{{Start: t0, End: t0.Add(30 * time.Minute), Agents: 2}})
	require.NoError(t, err)
	assert.Equal(t, CoverageLine{Start: t0, Length: time.Hour, Required: 1, Scheduled: 0, Gap: -1}, got[0])
	// A shift starting inside the interval does not cover its start.
	got, err = Coverage([]StaffingLine{{Start: t0, Length: time.Hour, Agents: 1}}, []Shift{{Start: t0.Add(time.Minute), End: t0.Add(2 * time.Hour), Agents: 1}})
	require.NoError(t, err)
	assert.Equal(t, int64(0), got[0].Scheduled)
	// Two shifts handing over at 08:30 on the dot: covered throughout.
	got, err = Coverage([]StaffingLine{{Start: t0, Length: time.Hour, Agents: 1}}, []Shift{
		{Start: t0.Add(30 * time.Minute), End: t0.Add(time.Hour), Agents: 1}, {Start: t0, End: t0.Add(30 * time.Minute), Agents: 1}})
	require.NoError(t, err)
	assert.Equal(t, int64(1), got[0].Scheduled)
}
