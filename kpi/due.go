package kpi

import "time"

// Due returns the instant at which d of working time has passed since
// start: an SLA's due time ("first response due" in Freshdesk, the breach
// time of a Zendesk or Intercom target in business hours). It is the
// earliest t at or after start with Between(start, t) = d, so a target
// that runs out exactly at closing time is due at closing time, not the
// next morning: under Monday-Friday 09:00-17:00, 24 hours of working time
// from Friday 16:55 are due on Wednesday at 16:55 (Intercom's example). The
// result is in start's location; d = 0 gives start.
//
// Cost: O(log(T/d)) evaluations of [Schedule.Between] to bracket the
// due time T - start (doubling from d, as working time never runs faster
// than the clock), then a binary search over the seconds of the bracket
// and the nanoseconds of one second: about 20 + 30 evaluations for a due
// time a few days ahead, each over the span from start; at most about 160
// whatever the inputs.
//
// Errors: a negative d ([ErrInvalidTimeRange]); the zero Schedule
// ([ErrNoWorkingTime]); d of working time not reached before the end of
// the years Between counts (9999-12-30) ([ErrTooLarge]).
func (s Schedule) Due(start time.Time, d time.Duration) (time.Time, error) {
	t, _, err := s.due(start, d)
	return t, err
}

// due is Due that also reports its work: the evaluations of Between.
func (s Schedule) due(start time.Time, d time.Duration) (time.Time, int, error) {
	const op = "due"
	switch {
	case d < 0:
		return time.Time{}, 0, fieldErr(op, "d", d, ErrInvalidTimeRange, "must not be negative")
	case s.loc == nil:
		return time.Time{}, 0, fieldErr(op, "schedule", nil, ErrNoWorkingTime, "the zero Schedule")
	case d == 0:
		return start, 0, nil
	}
	work := 0
	reached := func(t time.Time) bool { work++; return s.Between(start, t) >= d }
	tooLarge := func() error { return fieldErr(op, "d", d, ErrTooLarge, "not reached before 9999-12-30") }
	if !start.Before(maxTime) {
		return time.Time{}, work, tooLarge()
	}
	// Bracket: not reached at lo, reached at hi. Between clamps start to
	// the year 1 (from) and never exceeds t - from, so from + d is the
	// earliest candidate.
	from := clampTime(start)
	lo, hi := from, maxTime
	for g := d; ; g *= 2 {
		t := from.Add(g)
		if g > maxGap || !t.Before(maxTime) {
			if !reached(maxTime) {
				return time.Time{}, work, tooLarge()
			}
			break
		}
		if reached(t) {
			hi = t
			break
		}
		lo = t
	}
	// The first whole second at which d is reached (Between is
	// non-decreasing in its second argument), then the first nanosecond
	// of the second before it at which it is.
	loS, hiS := lo.Unix(), hi.Unix()
	if time.Unix(hiS, 0).Before(hi) {
		hiS++
	}
	sec := loS + search(hiS-loS, func(i int64) bool { return reached(time.Unix(loS+i, 0)) })
	ns := search(int64(time.Second), func(i int64) bool { return reached(time.Unix(sec-1, i)) })
	return time.Unix(sec-1, ns).In(start.Location()), work, nil
}

// maxGap is the largest gap Due doubles to before it tries the end of the
// years Between counts: twice it still fits a time.Duration.
const maxGap = time.Duration(1 << 61)

// search returns the smallest i in [0, n] for which f is true, f being
// false and then true on [0, n] and true at n: O(log n) calls, in int64
// on every platform.
func search(n int64, f func(int64) bool) int64 {
	lo, hi := int64(0), n
	for lo < hi {
		mid := lo + (hi-lo)/2
		if f(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}
