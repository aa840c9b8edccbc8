package kpi

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// DayHours are the working hours of one date that differs from the weekly
// schedule, such as a make-up working day (调休上班).
type DayHours struct {
	Date  Date
	Hours []ClockRange
}

// ScheduleSpec describes business hours (营业时间 / 客服工作时间): the working
// ranges of each weekday (indexed by [time.Weekday], Sunday = 0), public
// holidays (节假日, no working time), make-up working days (调休: a weekend
// date worked with the given hours), and the location whose wall clock the
// ranges follow.
type ScheduleSpec struct {
	Location   *time.Location
	Weekly     [7][]ClockRange
	Holidays   []Date
	MakeUpDays []DayHours
}

type span struct{ start, end int64 } // seconds since local midnight

type exception struct {
	day   int64 // days since 1970-01-01
	spans []span
}

// Schedule is a validated business-hours calendar. It is immutable and safe
// for concurrent use. Build it with [NewSchedule].
//
// The zero Schedule has no location and no working time: [Schedule.Between]
// returns 0 for it and [Schedule.IsOpen] false.
type Schedule struct {
	loc        *time.Location
	week       [7][]span
	exceptions []exception // sorted by day
}

const opSchedule = "schedule"

// NewSchedule validates the spec and returns the schedule. Errors (all
// *[FieldError]): no location ([ErrEmpty]); a range outside 00:00-24:00, not
// ending after it starts, or starting before the previous range of the day
// ends ([ErrInvalidTimeRange]: ranges of a day must be in order and may
// touch but not overlap); an invalid or repeated date, or a date that is both
// a holiday and a make-up day ([ErrInvalidDate], [ErrDuplicate]); a make-up
// day without hours ([ErrEmpty]); no working time at all, neither in the
// week nor on a make-up day ([ErrNoWorkingTime]).
func NewSchedule(spec ScheduleSpec) (Schedule, error) {
	if spec.Location == nil {
		return Schedule{}, fieldErr(opSchedule, "location", nil, ErrEmpty)
	}
	s := Schedule{loc: spec.Location}
	working := false
	for wd := range spec.Weekly {
		sp, err := spans(fmt.Sprintf("weekly[%s]", time.Weekday(wd)), spec.Weekly[wd])
		if err != nil {
			return Schedule{}, err
		}
		s.week[wd] = sp
		working = working || len(sp) > 0
	}
	seen := map[int64]string{}
	for i, d := range spec.Holidays {
		f := fmt.Sprintf("holidays[%d]", i)
		if !d.IsValid() {
			return Schedule{}, fieldErr(opSchedule, f, d.String(), ErrInvalidDate)
		}
		if prev, dup := seen[dayNumber(d)]; dup {
			return Schedule{}, fieldErr(opSchedule, f, d.String(), ErrDuplicate, "also "+prev)
		}
		seen[dayNumber(d)] = f
		s.exceptions = append(s.exceptions, exception{day: dayNumber(d)})
	}
	for i, m := range spec.MakeUpDays {
		f := fmt.Sprintf("make_up_days[%d]", i)
		if !m.Date.IsValid() {
			return Schedule{}, fieldErr(opSchedule, f+".date", m.Date.String(), ErrInvalidDate)
		}
		if prev, dup := seen[dayNumber(m.Date)]; dup {
			return Schedule{}, fieldErr(opSchedule, f+".date", m.Date.String(), ErrDuplicate, "also "+prev)
		}
		seen[dayNumber(m.Date)] = f
		if len(m.Hours) == 0 {
			return Schedule{}, fieldErr(opSchedule, f+".hours", nil, ErrEmpty, "a make-up working day needs hours")
		}
		sp, err := spans(f+".hours", m.Hours)
		if err != nil {
			return Schedule{}, err
		}
		working = true
		s.exceptions = append(s.exceptions, exception{day: dayNumber(m.Date), spans: sp})
	}
	if !working {
		return Schedule{}, fieldErr(opSchedule, "weekly", nil, ErrNoWorkingTime)
	}
	slices.SortFunc(s.exceptions, func(a, b exception) int { return int(a.day - b.day) })
	return s, nil
}

// MustSchedule is like [NewSchedule] but panics on an error; for tests,
// examples and package-level variables.
func MustSchedule(spec ScheduleSpec) Schedule {
	s, err := NewSchedule(spec)
	if err != nil {
		panic(fmt.Sprintf("kpi.MustSchedule: %v", err))
	}
	return s
}

func spans(field string, rs []ClockRange) ([]span, error) {
	var out []span
	for i, r := range rs {
		f := fmt.Sprintf("%s[%d]", field, i)
		if !r.IsValid() {
			return nil, fieldErr(opSchedule, f, r.String(), ErrInvalidTimeRange, "want 00:00 <= start < end <= 24:00")
		}
		if n := len(out); n > 0 && int64(r.Start) < out[n-1].end {
			return nil, fieldErr(opSchedule, f, r.String(), ErrInvalidTimeRange, "starts before the previous range ends")
		}
		if n := len(out); n > 0 && int64(r.Start) == out[n-1].end {
			out[n-1].end = int64(r.End) // touching ranges merge
			continue
		}
		out = append(out, span{int64(r.Start), int64(r.End)})
	}
	return out, nil
}

// Location returns the schedule's location.
func (s Schedule) Location() *time.Location { return s.loc }

// spansOn returns the working spans of day z, using and advancing the
// exception cursor *k (exceptions before z are skipped).
func (s Schedule) spansOn(z int64, k *int) []span {
	for *k < len(s.exceptions) && s.exceptions[*k].day < z {
		*k++
	}
	if *k < len(s.exceptions) && s.exceptions[*k].day == z {
		return s.exceptions[*k].spans
	}
	return s.week[weekdayOf(z)]
}

// IsOpen reports whether t falls in working time: its wall clock in the
// schedule's location is inside one of that date's ranges.
func (s Schedule) IsOpen(t time.Time) bool {
	if s.loc == nil {
		return false
	}
	lt := t.In(s.loc)
	y, m, d := lt.Date()
	z := dayNumber(Date{Year: y, Month: m, Day: d})
	h, mi, sec := lt.Clock()
	w := int64(h*3600 + mi*60 + sec)
	k, _ := slices.BinarySearchFunc(s.exceptions, z, func(e exception, z int64) int { return int(e.day - z) })
	for _, sp := range s.spansOn(z, &k) {
		if w >= sp.start && w < sp.end {
			return true
		}
	}
	return false
}

// period is a stretch of time with one UTC offset: [start, end) in Unix
// seconds.
type period struct {
	start, end int64
	off        int64
}

func zoneAt(loc *time.Location, u int64) period {
	t := time.Unix(u, 0).In(loc)
	_, off := t.Zone()
	st, en := t.ZoneBounds()
	p := period{start: math.MinInt64, end: math.MaxInt64, off: int64(off)}
	if !st.IsZero() {
		p.start = st.Unix()
	}
	if !en.IsZero() {
		p.end = en.Unix()
	}
	return p
}

// Between returns the working time in [a, b): the total length of the
// overlap of the half-open interval [a, b) with the schedule's working
// ranges, each range mapped to real instants through the location's rules.
// It is additive, Between(a, b) + Between(b, c) = Between(a, c), never more
// than b - a, and 0 when a equals b. For b before a it returns
// -Between(b, a), so additivity holds in any order.
//
// Across DST changes the real elapsed time counts: a working range of
// 01:00-04:00 on the night clocks spring forward holds two hours. A wall time
// that does not exist (the skipped hour) maps to the instant of the change;
// a wall time that occurs twice (the repeated hour) maps to its first
// occurrence. Results beyond the range of time.Duration saturate, and
// instants outside the years 1-9999 are first clamped into them, which bounds
// the work of one call.
func (s Schedule) Between(a, b time.Time) time.Duration {
	if s.loc == nil {
		return 0
	}
	a, b = clampTime(a), clampTime(b)
	switch a.Compare(b) {
	case 0:
		return 0
	case 1:
		return -s.Between(b, a)
	}
	as, an := a.Unix(), int64(a.Nanosecond())
	bs, bn := b.Unix(), int64(b.Nanosecond())
	p := zoneAt(s.loc, as)
	za := floorDiv(as+p.off, secondsPerDay)
	_, boff := b.In(s.loc).Zone()
	zb := floorDiv(bs+int64(boff), secondsPerDay)
	k, _ := slices.BinarySearchFunc(s.exceptions, za, func(e exception, z int64) int {
		switch {
		case e.day < z:
			return -1
		case e.day > z:
			return 1
		}
		return 0
	})
	var total int64
	var around [8]period
	for z := za; z <= zb; z++ {
		sp := s.spansOn(z, &k)
		if len(sp) == 0 {
			continue
		}
		local := z * secondsPerDay
		u0 := local - p.off
		if !(p.start <= u0-secondsPerDay && u0+2*secondsPerDay <= p.end) {
			p = zoneAt(s.loc, u0)
			u0 = local - p.off
		}
		fast := p.start <= u0-secondsPerDay && u0+2*secondsPerDay <= p.end
		var ps []period
		if !fast {
			ps = periodsAround(s.loc, local, around[:0])
		}
		for _, x := range sp {
			var us, ue int64
			if fast {
				us, ue = u0+x.start, u0+x.end
			} else {
				us, ue = wallInstant(ps, local+x.start), wallInstant(ps, local+x.end)
			}
			// Overlap of [us, ue) with [a, b) in nanoseconds.
			ls, ln := as, an
			if as < us {
				ls, ln = us, 0
			}
			hs, hn := bs, bn
			if bs >= ue {
				hs, hn = ue, 0
			}
			if hs < ls || (hs == ls && hn <= ln) {
				continue
			}
			d := (hs-ls)*int64(time.Second) + (hn - ln)
			if total > math.MaxInt64-d {
				return time.Duration(math.MaxInt64)
			}
			total += d
		}
	}
	return time.Duration(total)
}

// periodsAround lists the offset periods covering three days either side
// of the local second `local`.
func periodsAround(loc *time.Location, local int64, buf []period) []period {
	u := local - 3*secondsPerDay
	for len(buf) < cap(buf) {
		p := zoneAt(loc, u)
		buf = append(buf, p)
		if p.end == math.MaxInt64 || p.end > local+3*secondsPerDay {
			break
		}
		u = p.end
	}
	return buf
}

// wallInstant maps a local wall-clock second to a Unix second: its first
// occurrence, or the instant of the change if the clock skipped it.
func wallInstant(ps []period, local int64) int64 {
	for _, p := range ps {
		u := local - p.off
		if u < p.start {
			return p.start
		}
		if u < p.end {
			return u
		}
	}
	return local - ps[len(ps)-1].off
}

var (
	minTime = time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC)
	maxTime = time.Date(9999, 12, 30, 0, 0, 0, 0, time.UTC)
)

func clampTime(t time.Time) time.Time {
	switch {
	case t.Before(minTime):
		return minTime
	case t.After(maxTime):
		return maxTime
	}
	return t
}
