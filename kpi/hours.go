package kpi

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/opskit/opskit/internal/checked"
)

// DayHours are the working hours of one date that differs from the weekly
// schedule, such as a make-up working day (调休上班).
type DayHours struct {
	Date  Date         `json:"date"`
	Hours []ClockRange `json:"hours"`
}

// ScheduleSpec describes business hours (营业时间 / 客服工作时间): the working
// ranges of each day of the week (Weekly, Monday first by name), the
// official holiday calendar if any (Calendar: its holidays have no working
// time, whatever their weekday; its make-up working days, 调休上班, work
// MakeUpHours, or when that is empty the hours of the first of Monday to
// Friday that has any), the business's own holidays (节假日, no working
// time) and make-up working days (a date worked with the given hours), and
// the location whose wall clock the ranges follow.
//
// The business's own dates win over the calendar's: a shop that opens on a
// public holiday lists the date in MakeUpDays with its hours, one that
// closes on a make-up working day lists it in Holidays.
type ScheduleSpec struct {
	Location    *time.Location `json:"location"`
	Weekly      WeeklyHours    `json:"weekly"`
	Calendar    Calendar       `json:"calendar,omitzero"`
	MakeUpHours []ClockRange   `json:"make_up_hours,omitempty"`
	Holidays    []Date         `json:"holidays"`
	MakeUpDays  []DayHours     `json:"make_up_days"`
}

type span struct{ start, end int64 } // seconds since local midnight

type exception struct {
	day   int64 // days since 1970-01-01
	spans []span
	wall  int64 // working seconds on the wall clock
}

// Schedule is a validated business-hours calendar. It is immutable and safe
// for concurrent use. Build it with [NewSchedule].
//
// The zero Schedule has no location and no working time: [Schedule.Between]
// returns 0 for it and [Schedule.IsOpen] false.
type Schedule struct {
	loc         *time.Location
	week        [7][]span
	weekWall    [7]int64     // wall-clock working seconds of each weekday
	exceptions  []exception  // sorted by day
	deltaPrefix []int64      // deltaPrefix[i]: Σ_{k<i} exceptions[k].wall - weekWall[its weekday]
	spec        ScheduleSpec // a copy of the spec it was built from, for JSON
	corr        []correction // DST corrections of the days in 1970-2100, by day
	corrPrefix  []int64      // corrPrefix[i] = Σ_{k<i} corr[k].delta
	exLo        int64        // the day of exceptions[0] when exRank is set
	exRank      []int32      // exRank[k]: the number of exceptions before day exLo+k; nil when they span maxDenseDays or more
}

const opSchedule = "schedule"

// NewSchedule validates the spec and returns the schedule. Errors (all
// *[FieldError]): no location ([ErrEmpty]); a range outside 00:00-24:00, not
// ending after it starts, or starting before the previous range of the day
// ends ([ErrInvalidTimeRange]: ranges of a day must be in order and may
// touch but not overlap); an invalid or repeated date, or a date that is both
// a holiday and a make-up day ([ErrInvalidDate], [ErrDuplicate]); a make-up
// day without hours, or a calendar with make-up days and neither
// MakeUpHours nor a weekday Monday-Friday with hours ([ErrEmpty]); no
// working time at all, neither in the week nor on a make-up day
// ([ErrNoWorkingTime]).
func NewSchedule(spec ScheduleSpec) (Schedule, error) {
	if spec.Location == nil {
		return Schedule{}, fieldErr(opSchedule, "location", nil, ErrEmpty)
	}
	s := Schedule{loc: spec.Location, spec: copySpec(spec)}
	working := false
	for wd := range s.week {
		sp, err := spans("weekly."+weekdayField(time.Weekday(wd)), spec.Weekly.On(time.Weekday(wd)))
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
	cal, calWorking, err := s.calendarExceptions(spec, seen)
	if err != nil {
		return Schedule{}, err
	}
	working = working || calWorking
	s.exceptions = append(s.exceptions, cal...)
	if !working {
		return Schedule{}, fieldErr(opSchedule, "weekly", nil, ErrNoWorkingTime)
	}
	slices.SortFunc(s.exceptions, func(a, b exception) int { return cmp.Compare(a.day, b.day) })
	s.buildRank()
	for wd, sp := range s.week {
		s.weekWall[wd] = wallOf(sp)
	}
	s.deltaPrefix = make([]int64, len(s.exceptions)+1)
	for i := range s.exceptions {
		e := &s.exceptions[i]
		e.wall = wallOf(e.spans)
		s.deltaPrefix[i+1] = s.deltaPrefix[i] + e.wall - s.weekWall[weekdayOf(e.day)] // |term| ≤ 86400 per date
	}
	// The DST corrections of 1970-2100, once: about 260 offset changes in
	// New York, none in UTC. Each is under a day, so the sums stay small.
	var work int
	s.walkCorrections(cacheFirstDay, cacheLastDay, &s.corr, &work)
	s.corrPrefix = make([]int64, len(s.corr)+1)
	for i, c := range s.corr {
		s.corrPrefix[i+1] = s.corrPrefix[i] + c.delta
	}
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

// wallOf returns the wall-clock length of spans in seconds (≤ 86400).
func wallOf(sp []span) int64 {
	var n int64
	for _, x := range sp {
		n += x.end - x.start
	}
	return n
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
	for _, sp := range s.spansAt(z) {
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
	p := zoneBounds(loc, u)
	if p.end <= u {
		// Go's ZoneBounds returns an end at or before t in the last day of
		// a leap year past a zone's last explicit transition (seen for
		// 2040-12-31 in America/New_York with Go 1.26): read the bounds a
		// day later, where they are right, and keep the offset.
		q := zoneBounds(loc, u+secondsPerDay)
		p.end = q.end
		if q.off != p.off {
			p.end = max(q.start, u+1)
		}
	}
	p.start = min(p.start, u)
	return p
}

func zoneBounds(loc *time.Location, u int64) period {
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
// occurrence. Instants outside the years 1-9999 are first clamped into
// them; results beyond the range of time.Duration (about 292 years of
// working time) saturate at its maximum.
//
// Cost: O(log C) for C UTC-offset changes, plus O(1) for the holidays and
// make-up days when they lie within about 45 years of each other (the
// official calendar's do; O(log H) for H of them otherwise), whatever the
// number of days: whole weeks are summed in closed form, exceptions and the
// corrections of the days next to an offset change (precomputed by
// NewSchedule for 1970-2100) by prefix sums, found by a dense table or by
// binary search. The parts of a span before 1970 or after 2100 walk
// their offset changes (two a year where DST is observed, none in
// Asia/Shanghai since 1991).
func (s Schedule) Between(a, b time.Time) time.Duration {
	d, _ := s.between(a, b)
	return d
}

// between is Between that also reports its work: the number of zone
// lookups and days computed range by range, the measure of its cost.
func (s Schedule) between(a, b time.Time) (time.Duration, int) {
	if s.loc == nil {
		return 0, 0
	}
	a, b = clampTime(a), clampTime(b)
	switch a.Compare(b) {
	case 0:
		return 0, 0
	case 1:
		d, w := s.between(b, a)
		return -d, w
	}
	c := clip{as: a.Unix(), an: int64(a.Nanosecond()), bs: b.Unix(), bn: int64(b.Nanosecond())}
	pa := zoneAt(s.loc, c.as)
	za := floorDiv(c.as+pa.off, secondsPerDay)
	pb, work := pa, 1
	if c.bs >= pa.end {
		pb = zoneAt(s.loc, c.bs)
		work++
	}
	zb := floorDiv(c.bs+pb.off, secondsPerDay)
	if zb-za <= 2 {
		var ns int64
		for z := za; z <= zb; z++ {
			ns += s.dayExact(z, &c, pa) // at most 3 days of at most 24 hours each
			work++
		}
		return time.Duration(ns), work
	}
	// The first and the last day are clipped to [a, b); the days between
	// them count whole.
	ns := s.dayExact(za, &c, pa) + s.dayExact(zb, &c, pb)
	work += 2
	lo, hi := za+1, zb-1
	secs := s.wallSeconds(lo, hi) // at most 9999 years of seconds: < 3.2e11
	// Correct the days near each offset change: their ranges hold real
	// elapsed time, not wall time. Inside the cached years the corrections
	// are prefix sums found by binary search; outside them the changes are
	// walked.
	secs += s.corrections(lo, hi, &work)
	total, ok := checked.MulAdd(secs, int64(time.Second), ns)
	if !ok {
		return time.Duration(math.MaxInt64), work
	}
	return time.Duration(total), work
}

// The years whose DST corrections NewSchedule computes ahead: day numbers
// of 1970-01-01 and 2100-12-31.
const (
	cacheFirstDay = 0
	cacheLastDay  = 47846
)

// correction is the difference, in seconds, between the real and the
// wall-clock working time of one day near a UTC-offset change.
type correction struct {
	day   int64
	delta int64
}

// corrections returns the sum of the corrections of days lo..hi.
func (s Schedule) corrections(lo, hi int64, work *int) int64 {
	var total int64
	if x, y := max(lo, cacheFirstDay), min(hi, cacheLastDay); x <= y {
		cmpDay := func(c correction, z int64) int { return cmp.Compare(c.day, z) }
		i, _ := slices.BinarySearchFunc(s.corr, x, cmpDay)
		j, _ := slices.BinarySearchFunc(s.corr, y+1, cmpDay)
		total += s.corrPrefix[j] - s.corrPrefix[i]
		*work += 2
	}
	if lo < cacheFirstDay {
		total += s.walkCorrections(lo, min(hi, cacheFirstDay-1), nil, work)
	}
	if hi > cacheLastDay {
		total += s.walkCorrections(max(lo, cacheLastDay+1), hi, nil, work)
	}
	return total
}

// walkCorrections visits the UTC-offset changes near days lo..hi in order
// and sums the corrections of the days they touch (each day once),
// appending each nonzero one to *out when out is not nil.
func (s Schedule) walkCorrections(lo, hi int64, out *[]correction, work *int) int64 {
	var total int64
	next := lo // first day not yet corrected
	// Offsets are below a day, so four days' margin covers every change
	// whose neighbourhood reaches lo..hi.
	u := lo*secondsPerDay - 4*secondsPerDay
	limit := (hi+1)*secondsPerDay + 4*secondsPerDay
	p := zoneAt(s.loc, u)
	*work++
	for p.end != math.MaxInt64 && p.end <= limit {
		q := zoneAt(s.loc, p.end)
		*work++
		if q.off != p.off {
			// dayExact's plain shift needs one period over the day and a day
			// either side, so a change touches its own local day and the
			// two before and after it.
			zc := floorDiv(p.end+p.off, secondsPerDay)
			for z := max(next, zc-2); z <= min(hi, zc+2); z++ {
				d := s.dayExact(z, nil, period{})/int64(time.Second) - s.dayWall(z)
				total += d
				*work++
				next = z + 1
				if out != nil && d != 0 {
					*out = append(*out, correction{z, d})
				}
			}
		}
		p = q
	}
	return total
}

// clip is the interval [a, b) in Unix seconds and nanoseconds.
type clip struct{ as, an, bs, bn int64 }

// dayExact returns the working time of local day z in nanoseconds, each
// range mapped to real instants and clipped to c (whole ranges if c is nil).
// If the offset period hint covers the day with a day to spare either side,
// the mapping is a plain shift; otherwise the periods around the day are
// looked up.
func (s Schedule) dayExact(z int64, c *clip, hint period) int64 {
	sp := s.spansAt(z)
	if len(sp) == 0 {
		return 0
	}
	local := z * secondsPerDay
	u0 := local - hint.off
	fast := hint.start <= u0-secondsPerDay && u0+2*secondsPerDay <= hint.end
	var around [8]period
	var ps []period
	if !fast {
		ps = periodsAround(s.loc, local, around[:0])
	}
	var total int64
	for _, x := range sp {
		us, ue := u0+x.start, u0+x.end
		if !fast {
			us, ue = wallInstant(ps, local+x.start), wallInstant(ps, local+x.end)
		}
		ls, ln, hs, hn := us, int64(0), ue, int64(0)
		if c != nil {
			if c.as >= us {
				ls, ln = c.as, c.an
			}
			if c.bs < ue {
				hs, hn = c.bs, c.bn
			}
		}
		if hs < ls || (hs == ls && hn <= ln) {
			continue
		}
		total += (hs-ls)*int64(time.Second) + (hn - ln) // one range: under a day
	}
	return total
}

// spansAt returns the working spans of local day z: an exception's or the
// weekday's.
func (s Schedule) spansAt(z int64) []span {
	if e := s.exceptionAt(z); e != nil {
		return e.spans
	}
	return s.week[weekdayOf(z)]
}

// exceptionAt returns the exception of day z, or nil.
func (s Schedule) exceptionAt(z int64) *exception {
	if i := s.rank(z); i < len(s.exceptions) && s.exceptions[i].day == z {
		return &s.exceptions[i]
	}
	return nil
}

// rank returns the number of exceptions before day z: a lookup in the
// dense table when NewSchedule built one, else a binary search.
func (s Schedule) rank(z int64) int {
	if s.exRank == nil {
		i, _ := slices.BinarySearchFunc(s.exceptions, z, cmpException)
		return i
	}
	switch {
	case z <= s.exLo:
		return 0
	case z-s.exLo >= int64(len(s.exRank)): // both within years 1-9999
		return len(s.exceptions)
	}
	return int(s.exRank[z-s.exLo])
}

// maxDenseDays bounds the dense exception table: exceptions within 16,384
// days (about 45 years, 64 KiB of int32) are found by one lookup; farther
// apart, by binary search.
const maxDenseDays = 1 << 14

// buildRank fills the dense table of exceptions, sorted by day, when they
// lie within maxDenseDays: exRank[k] is the number of exceptions before
// day exLo + k.
func (s *Schedule) buildRank() {
	n := len(s.exceptions)
	if n == 0 || s.exceptions[n-1].day-s.exceptions[0].day >= maxDenseDays {
		return
	}
	s.exLo = s.exceptions[0].day
	s.exRank = make([]int32, s.exceptions[n-1].day-s.exLo+2)
	i := 0
	for k := range s.exRank {
		for i < n && s.exceptions[i].day < s.exLo+int64(k) {
			i++
		}
		s.exRank[k] = int32(i) // i ≤ n ≤ maxDenseDays
	}
}

func cmpException(e exception, z int64) int { return cmp.Compare(e.day, z) }

// dayWall returns the wall-clock working seconds of day z.
func (s Schedule) dayWall(z int64) int64 {
	if e := s.exceptionAt(z); e != nil {
		return e.wall
	}
	return s.weekWall[weekdayOf(z)]
}

// wallSeconds returns the wall-clock working seconds of days lo..hi: whole
// weeks in closed form, the remaining days by weekday, and the exceptions
// in the range by prefix sums.
func (s Schedule) wallSeconds(lo, hi int64) int64 {
	if hi < lo {
		return 0
	}
	n := hi - lo + 1
	var week int64
	for _, w := range s.weekWall {
		week += w
	}
	total := n / 7 * week // n < 3.7e6 days, week ≤ 7 × 86400
	for z := lo + n/7*7; z <= hi; z++ {
		total += s.weekWall[weekdayOf(z)]
	}
	return total + s.deltaPrefix[s.rank(hi+1)] - s.deltaPrefix[s.rank(lo)]
}

// periodsAround lists the offset periods covering three days either side
// of the local second `local`, appended to buf: all of them, however many
// the zone has in those six days (real zones have at most a few; buf's
// capacity only saves an allocation).
func periodsAround(loc *time.Location, local int64, buf []period) []period {
	u := local - 3*secondsPerDay
	for {
		p := zoneAt(loc, u) // p.end > u: each period starts where the last ended
		buf = append(buf, p)
		if p.end == math.MaxInt64 || p.end > local+3*secondsPerDay {
			return buf
		}
		u = max(p.end, u+1) // moves on even if a zone's bounds did not: the loop ends within six days of seconds
	}
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
