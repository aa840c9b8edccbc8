package funnel

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/opskit/opskit/internal/checked"
)

// MergeRetention combines retention tables of the same definition over
// disjoint sets of actors (shards by actor) into the table one pass over
// all of them gives: cohorts with the same start add their counts, and
// cohorts present in some tables only are kept. Merging is associative and
// commutative; inputs are not modified; the zero RetentionTable is the
// identity, and merging nothing returns it.
//
// Errors: tables whose Period, Periods, Recurring or AsOf differ, or two
// cohorts with the same start but different numbers of observable periods
// ([ErrMismatch]); an input that is not a valid table (the checks of
// [RetentionTable.UnmarshalJSON], [ErrInvalidCount]); a sum beyond int64
// ([ErrTooLarge]).
func MergeRetention(ts ...RetentionTable) (RetentionTable, error) {
	const op = "merge retention"
	var out RetentionTable
	type instant struct {
		sec  int64
		nsec int
	}
	index := map[instant]int{}
	first := true
	for i, t := range ts {
		if t.Periods == 0 && t.Cohorts == nil {
			continue // the zero table
		}
		path := fmt.Sprintf("tables[%d]", i)
		if err := t.check(op, path+".", ErrInvalidCount); err != nil {
			return RetentionTable{}, err
		}
		if first {
			out = RetentionTable{Period: t.Period, Periods: t.Periods, Recurring: t.Recurring, AsOf: t.AsOf, Cohorts: []Cohort{}}
			first = false
		} else if t.Period != out.Period || t.Periods != out.Periods || t.Recurring != out.Recurring || !t.AsOf.Equal(out.AsOf) {
			return RetentionTable{}, fieldErr(op, path, nil, ErrMismatch, "period, periods, recurring and as_of must agree")
		}
		for ci, c := range t.Cohorts {
			key := instant{c.Start.Unix(), c.Start.Nanosecond()}
			j, ok := index[key]
			if !ok {
				index[key] = len(out.Cohorts)
				out.Cohorts = append(out.Cohorts, Cohort{Start: c.Start, Size: c.Size, Retained: slices.Clone(c.Retained), Pending: c.Pending})
				continue
			}
			o := &out.Cohorts[j]
			if len(o.Retained) != len(c.Retained) {
				return RetentionTable{}, fieldErr(op, fmt.Sprintf("%s.cohorts[%d]", path, ci), c.Start.Format(time.RFC3339), ErrMismatch, "observable periods differ: "+strconv.Itoa(len(c.Retained))+" and "+strconv.Itoa(len(o.Retained)))
			}
			for k, v := range c.Retained {
				s, ok := checked.Add(o.Retained[k], v)
				if !ok {
					return RetentionTable{}, fieldErr(op, fmt.Sprintf("%s.cohorts[%d].retained[%d]", path, ci, k), v, ErrTooLarge, "the merged count would pass 2^63-1")
				}
				o.Retained[k] = s
			}
			o.Size = o.Retained[0]
		}
	}
	slices.SortFunc(out.Cohorts, func(a, b Cohort) int { return a.Start.Compare(b.Start) })
	return out, nil
}

// check validates a table: Period a constant, Periods in 1..366, and each
// cohort with a size that is not negative, 1 to Periods + 1 observable
// periods, Retained[0] = Size, every count between 0 and Size, Pending
// the periods left out (only with an as-of time), and starts strictly
// ascending. Errors wrap sentinel.
func (t RetentionTable) check(op, path string, sentinel error) error {
	if t.Period > ByMonth {
		return fieldErr(op, path+"period", t.Period, sentinel, "day, week or month")
	}
	if t.Periods < 1 || t.Periods > MaxRetentionPeriods {
		return fieldErr(op, path+"periods", t.Periods, sentinel, "1 to "+strconv.Itoa(MaxRetentionPeriods))
	}
	for i, c := range t.Cohorts {
		p := fmt.Sprintf("%scohorts[%d]", path, i)
		n := len(c.Retained)
		switch {
		case c.Size < 0:
			return fieldErr(op, p+".size", c.Size, sentinel, "negative")
		case n < 1 || n > t.Periods+1:
			return fieldErr(op, p+".retained", n, sentinel, "1 to periods + 1 entries")
		case c.Retained[0] != c.Size:
			return fieldErr(op, p+".retained[0]", c.Retained[0], sentinel, "equals the size "+strconv.FormatInt(c.Size, 10))
		case c.Pending != t.Periods+1-n:
			return fieldErr(op, p+".pending", c.Pending, sentinel, "periods + 1 − observable periods: "+strconv.Itoa(t.Periods+1-n))
		case c.Pending > 0 && t.AsOf.IsZero():
			return fieldErr(op, p+".pending", c.Pending, sentinel, "periods are pending only with an as_of time")
		case i > 0 && !t.Cohorts[i-1].Start.Before(c.Start):
			return fieldErr(op, p+".start", c.Start.Format(time.RFC3339), sentinel, "cohorts in ascending order of start, each once")
		}
		for k, v := range c.Retained {
			if v < 0 || v > c.Size {
				return fieldErr(op, fmt.Sprintf("%s.retained[%d]", p, k), v, sentinel, "between 0 and the size")
			}
		}
	}
	return nil
}

// retentionJSON is RetentionTable without its methods, for decoding.
type retentionJSON RetentionTable

// UnmarshalJSON decodes the form encoding/json writes for a table,
// rejecting unknown and duplicate keys and tables that do not fit
// together (the checks of [MergeRetention]); errors wrap
// [ErrInvalidJSON].
func (t *RetentionTable) UnmarshalJSON(b []byte) error {
	const op = "decode retention table"
	var j retentionJSON
	if err := strictUnmarshal(op, b, &j); err != nil {
		return err
	}
	if err := RetentionTable(j).check(op, "", ErrInvalidJSON); err != nil {
		return err
	}
	*t = RetentionTable(j)
	return nil
}

// MarshalBinary encodes the table compactly (see [ErrInvalidBinary]):
// period, periods, recurring, the as-of time, and each cohort's start
// (Unix seconds, nanoseconds and UTC offset), counts and pending periods.
func (t RetentionTable) MarshalBinary() ([]byte, error) {
	w := newBinWriter('T')
	w.uint(uint64(t.Period))
	w.uint(uint64(max(t.Periods, 0)))
	w.bool(t.Recurring)
	w.bool(!t.AsOf.IsZero())
	if !t.AsOf.IsZero() {
		writeTime(w, t.AsOf)
	}
	w.uint(uint64(len(t.Cohorts)))
	for _, c := range t.Cohorts {
		writeTime(w, c.Start)
		w.uint(uint64(len(c.Retained)))
		for _, v := range c.Retained {
			w.int(v)
		}
		w.uint(uint64(max(c.Pending, 0)))
	}
	return w.b, nil
}

func writeTime(w *binWriter, t time.Time) {
	_, offset := t.Zone()
	w.int(t.Unix())
	w.uint(uint64(t.Nanosecond()))
	w.int(int64(offset))
}

func readTime(r *binReader, field string) time.Time {
	sec, nsec, off := r.int(field), r.uint(field), r.int(field)
	// Years 1600 to 2299 hold every period start of times in int64
	// nanoseconds; offsets in whole minutes within a day are what RFC 3339
	// (the JSON form) keeps.
	const lo, hi = -11676096000, 10413792000 // 1600-01-01 and 2300-01-01 UTC
	if r.err == nil && (nsec >= 1e9 || off <= -86400 || off >= 86400 || off%60 != 0 || sec < lo || sec >= hi) {
		r.fail(field, "years 1600 to 2299, nanoseconds below 1e9, a UTC offset in whole minutes within a day")
	}
	if r.err != nil {
		return time.Time{}
	}
	return time.Unix(sec, int64(nsec)).In(time.FixedZone("", int(off)))
}

// UnmarshalBinary decodes the form MarshalBinary writes, with the checks
// of [RetentionTable.UnmarshalJSON]; errors wrap [ErrInvalidBinary]. Work
// and memory are linear in len(b).
func (t *RetentionTable) UnmarshalBinary(b []byte) error {
	const op = "decode binary retention table"
	r := newBinReader(op, 'T', b)
	var out RetentionTable
	g := r.uint("period")
	if g > uint64(ByMonth) {
		r.fail("period", "day, week or month")
	}
	out.Period = Granularity(g)
	p := r.uint("periods")
	if p > MaxRetentionPeriods {
		r.fail("periods", "at most "+strconv.Itoa(MaxRetentionPeriods))
	}
	out.Periods = int(p)
	out.Recurring = r.bool("recurring")
	if r.bool("has_as_of") {
		out.AsOf = readTime(r, "as_of")
	}
	n := r.count("cohorts", 5)
	out.Cohorts = make([]Cohort, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		field := fmt.Sprintf("cohorts[%d]", i)
		c := Cohort{Start: readTime(r, field+".start")}
		m := r.count(field+".retained", 1)
		if m > MaxRetentionPeriods+1 {
			r.fail(field+".retained", "at most periods + 1 entries")
		}
		c.Retained = make([]int64, 0, m)
		for k := 0; k < m && r.err == nil; k++ {
			c.Retained = append(c.Retained, r.int(field+".retained"))
		}
		pending := r.uint(field + ".pending")
		if pending > MaxRetentionPeriods {
			r.fail(field+".pending", "at most periods")
		}
		c.Pending = int(pending)
		if len(c.Retained) > 0 {
			c.Size = c.Retained[0]
		}
		out.Cohorts = append(out.Cohorts, c)
	}
	if err := r.end(); err != nil {
		return err
	}
	if err := out.check(op, "", ErrInvalidBinary); err != nil {
		return err
	}
	*t = out
	return nil
}
