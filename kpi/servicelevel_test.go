package kpi

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// icmiContacts builds the worked data of ICMI's "Service Level
// Calculations" (QueueTips, March 2005; repeated by Call Centre Helper,
// "Service Level Threshold Calculations"): 1,000 answered, 860 of them
// within 20 s; 60 abandoned, 20 within 20 s (10 within 5 s) and 40 after.
// Every answered contact talks 240 s, holds 30 s and wraps up 30 s.
func icmiContacts() []Contact {
	t0 := time.Date(2026, 2, 9, 10, 0, 0, 0, time.UTC)
	var cs []Contact
	add := func(n int, wait time.Duration, answered bool) {
		for range n {
			c := Contact{Offered: t0}
			if answered {
				c.Answered, c.Agent = t0.Add(wait), "amy"
				c.Talk, c.Hold, c.WrapUp = 240*time.Second, 30*time.Second, 30*time.Second
			} else {
				c.Abandoned = t0.Add(wait)
			}
			cs = append(cs, c)
		}
	}
	add(860, 10*time.Second, true)
	add(140, 30*time.Second, true)
	add(10, 3*time.Second, false)
	add(10, 20*time.Second, false) // exactly at T: within
	add(40, 40*time.Second, false)
	return cs
}

func TestServiceLevelsICMI(t *testing.T) {
	cs := icmiContacts()
	r, err := ServiceLevels(cs, ServiceLevelOptions{Threshold: 20 * time.Second, Grace: 5 * time.Second, Staffed: 375000 * time.Second})
	require.NoError(t, err)
	assert.Equal(t, []int64{1060, 1000, 60, 860, 20, 10}, []int64{r.Offered, r.Answered, r.Abandoned, r.AnsweredWithin, r.AbandonedWithin, r.ShortAbandoned})
	// ICMI #1 (860+20)/1060 = 83.0%; #2 860/1000 = 86%; #3 860/1060 = 81.1%.
	assert.InDelta(t, 880.0/1060, r.AbandonsWithinAsMet, 1e-15)
	assert.InDelta(t, 0.86, r.OverAnswered, 1e-15)
	assert.InDelta(t, 860.0/1060, r.OverOffered, 1e-15)
	// Abandons shorter than the 5 s grace left out: 860/(1060-10) = 81.9%.
	assert.InDelta(t, 860.0/1050, r.ExcludingShortAbandons, 1e-15)
	assert.InDelta(t, 60.0/1060, r.AbandonRate, 1e-15)
	// ASA = (860 × 10 + 140 × 30) / 1000 = 12.8 s; AHT = 240 + 30 + 30 = 300 s.
	assert.Equal(t, 12800*time.Millisecond, r.Wait.Mean)
	assert.Equal(t, 300*time.Second, r.Handle.Mean)
	assert.Equal(t, 300000*time.Second, r.HandleTotal)
	// Occupancy = 300,000 s ÷ 375,000 s = 80%.
	assert.InDelta(t, 0.8, r.Occupancy, 1e-15)

	// ICMI #4 860/(1000+40) = 82.7%: the grace just above T.
	r, err = ServiceLevels(cs, ServiceLevelOptions{Threshold: 20 * time.Second, Grace: 20*time.Second + 1})
	require.NoError(t, err)
	assert.Equal(t, int64(20), r.ShortAbandoned)
	assert.InDelta(t, 860.0/1040, r.ExcludingShortAbandons, 1e-15)
	assert.Equal(t, 0.0, r.Occupancy, "no staffed time, no occupancy")
	// A grace of exactly 20 s leaves the abandon at 20 s in (strictly shorter).
	r, err = ServiceLevels(cs, ServiceLevelOptions{Threshold: 20 * time.Second, Grace: 20 * time.Second})
	require.NoError(t, err)
	assert.Equal(t, int64(10), r.ShortAbandoned)
	// Threshold 10 s: the answers at exactly 10 s are within.
	r, err = ServiceLevels(cs, ServiceLevelOptions{Threshold: 10 * time.Second})
	require.NoError(t, err)
	assert.Equal(t, int64(860), r.AnsweredWithin)
	assert.Equal(t, int64(10), r.AbandonedWithin)
	assert.Equal(t, int64(0), r.ShortAbandoned)
	r, err = ServiceLevels(cs, ServiceLevelOptions{Threshold: 10*time.Second - 1})
	require.NoError(t, err)
	assert.Equal(t, int64(0), r.AnsweredWithin)
}

// With a schedule the wait is in business hours: offered Friday 17:59:50,
// answered Monday 09:00:15 waits 10 s + 15 s = 25 s (63 h on the wall
// clock), so it misses a 20 s threshold and meets a 30 s one.
func TestServiceLevelsBusinessHours(t *testing.T) {
	s := shanghaiSchedule(t)
	sh := s.Location()
	c := Contact{Offered: time.Date(2026, 2, 6, 17, 59, 50, 0, sh), Answered: time.Date(2026, 2, 9, 9, 0, 15, 0, sh), Agent: "amy"}
	r, err := ServiceLevels([]Contact{c}, ServiceLevelOptions{Threshold: 20 * time.Second, Schedule: &s})
	require.NoError(t, err)
	assert.Equal(t, 25*time.Second, r.Wait.Mean)
	assert.Equal(t, int64(0), r.AnsweredWithin)
	r, err = ServiceLevels([]Contact{c}, ServiceLevelOptions{Threshold: 30 * time.Second, Schedule: &s})
	require.NoError(t, err)
	assert.Equal(t, int64(1), r.AnsweredWithin)
	r, err = ServiceLevels([]Contact{c}, ServiceLevelOptions{Threshold: 30 * time.Second})
	require.NoError(t, err)
	assert.Equal(t, 63*time.Hour+25*time.Second, r.Wait.Mean)
	assert.Equal(t, 1.0, r.OverAnswered-r.OverOffered+1, "one answered contact: both ratios equal")
}

func TestServiceLevelsEmptyAndErrors(t *testing.T) {
	r, err := ServiceLevels(nil, ServiceLevelOptions{Threshold: time.Second})
	require.NoError(t, err)
	assert.Equal(t, ServiceLevelReport{}, r)
	t0 := time.Date(2026, 2, 9, 10, 0, 0, 0, time.UTC)
	ok := Contact{Offered: t0, Answered: t0.Add(time.Second)}
	cases := []struct {
		c     []Contact
		opt   ServiceLevelOptions
		want  error
		field string
	}{
		{nil, ServiceLevelOptions{}, ErrInvalidNumber, "threshold"},
		{nil, ServiceLevelOptions{Threshold: time.Second, Grace: -1}, ErrInvalidNumber, "grace"},
		{nil, ServiceLevelOptions{Threshold: time.Second, Staffed: -1}, ErrInvalidNumber, "staffed"},
		{[]Contact{ok, {Answered: t0}}, ServiceLevelOptions{Threshold: time.Second}, ErrEmpty, "contacts[1].offered"},
		{[]Contact{{Offered: t0}}, ServiceLevelOptions{Threshold: time.Second}, ErrInconsistent, "contacts[0].answered"},
		{[]Contact{{Offered: t0, Answered: t0, Abandoned: t0}}, ServiceLevelOptions{Threshold: time.Second}, ErrInconsistent, "contacts[0].answered"},
		{[]Contact{{Offered: t0, Answered: t0.Add(-1)}}, ServiceLevelOptions{Threshold: time.Second}, ErrOutOfOrder, "contacts[0].answered"},
		{[]Contact{{Offered: t0, Abandoned: t0.Add(-1)}}, ServiceLevelOptions{Threshold: time.Second}, ErrOutOfOrder, "contacts[0].abandoned"},
		{[]Contact{{Offered: t0, Answered: t0, Hold: -1}}, ServiceLevelOptions{Threshold: time.Second}, ErrInvalidNumber, "contacts[0].hold"},
		{[]Contact{{Offered: t0, Answered: t0, Talk: math.MaxInt64, WrapUp: 1}}, ServiceLevelOptions{Threshold: time.Second}, ErrTooLarge, "contacts[0].wrap_up"},
		{[]Contact{{Offered: t0, Answered: t0, Talk: math.MaxInt64}, {Offered: t0, Answered: t0, Talk: 1}}, ServiceLevelOptions{Threshold: time.Second}, ErrTooLarge, "contacts[1].talk"},
		{[]Contact{{Offered: t0, Answered: t0, Talk: time.Hour}}, ServiceLevelOptions{Threshold: time.Second, Staffed: time.Hour - 1}, ErrInconsistent, "staffed"},
	}
	for _, tt := range cases {
		_, err := ServiceLevels(tt.c, tt.opt)
		var fe *FieldError
		require.ErrorAs(t, err, &fe, tt.field)
		assert.ErrorIs(t, err, tt.want, tt.field)
		assert.Equal(t, tt.field, fe.Field)
	}
	// Staffed exactly equal to the handle time: occupancy 1.
	r, err = ServiceLevels([]Contact{{Offered: t0, Answered: t0, Talk: time.Hour}}, ServiceLevelOptions{Threshold: time.Second, Staffed: time.Hour})
	require.NoError(t, err)
	assert.Equal(t, 1.0, r.Occupancy)
}

func TestContactJSON(t *testing.T) {
	t0 := time.Date(2026, 2, 9, 10, 0, 0, 0, time.UTC)
	c := Contact{ID: "c1", Agent: "amy", Offered: t0, Answered: t0.Add(12 * time.Second), Talk: 4*time.Minute + 30*time.Second, WrapUp: time.Minute}
	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.Equal(t, `{"id":"c1","agent":"amy","offered":"2026-02-09T10:00:00Z","answered":"2026-02-09T10:00:12Z","talk":"4m30s","hold":"0s","wrap_up":"1m0s"}`, string(b))
	var back Contact
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, c, back)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"id":"c1","extra":1}`), &back), ErrInvalidJSON)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"talk":"4 minutes"}`), &back), ErrInvalidJSON)
	var o ServiceLevelOptions
	require.NoError(t, json.Unmarshal([]byte(`{"threshold":"20s","grace":"5s","staffed":"8h0m0s"}`), &o))
	assert.Equal(t, ServiceLevelOptions{Threshold: 20 * time.Second, Grace: 5 * time.Second, Staffed: 8 * time.Hour}, o)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"threshold":"20s","threshold":"5s"}`), &o), ErrInvalidJSON)

	cs := icmiContacts()
	r, err := ServiceLevels([]Contact{cs[0], cs[900], cs[1050]}, ServiceLevelOptions{Threshold: 20 * time.Second, Grace: 5 * time.Second, Staffed: time.Hour})
	require.NoError(t, err)
	goldenJSON(t, "service_level_report", r)
}
