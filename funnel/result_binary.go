package funnel

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// MarshalBinary encodes the result compactly (see [ErrInvalidBinary] for
// the layout): the funnel as in the JSON form, then per step the count and
// the durations from the previous step in ticks of the time unit (sorted),
// the overall durations, and the breakdown groups. It keeps exactly what
// the JSON form keeps, in about a third of the bytes for large results.
// The zero Result encodes as a header and a 0 byte.
func (r Result) MarshalBinary() ([]byte, error) {
	w := newBinWriter('R')
	w.bool(r.all != nil)
	if r.all == nil {
		return w.b, nil
	}
	key, err := json.Marshal(r.key)
	if err != nil {
		return nil, err
	}
	w.bytes(key)
	writeTally(w, r.all)
	w.bool(r.groups != nil)
	w.uint(uint64(len(r.groups)))
	for _, g := range r.groups {
		w.int(int64(g.code))
		w.string(g.value)
		writeTally(w, g.t)
	}
	return w.b, nil
}

// writeTally writes the step counts, each step's durations and the
// overall durations, durations sorted and in ticks.
func writeTally(w *binWriter, t *tally) {
	k := len(t.hist) - 1
	var run int64
	counts := make([]int64, k)
	for l := k; l >= 1; l-- {
		run += t.hist[l] // at most the total count, which fits (checked when merged or decoded)
		counts[l-1] = run
	}
	for _, c := range counts {
		w.uint(uint64(c))
	}
	for i := range t.durs {
		d := t.durs[i].values()
		slices.Sort(d)
		w.uint(uint64(len(d)))
		for _, v := range d {
			w.uint(uint64(v))
		}
	}
}

// UnmarshalBinary decodes the form MarshalBinary writes and checks it as
// [Result.UnmarshalJSON] does; every error is a *FieldError wrapping
// [ErrInvalidBinary] (or [ErrTooLarge] for a funnel nested too deep).
// Work and memory are linear in len(b).
func (r *Result) UnmarshalBinary(b []byte) error {
	const op = "decode binary result"
	br := newBinReader(op, 'R', b)
	if !br.bool("present") {
		if err := br.end(); err != nil {
			return err
		}
		*r = Result{}
		return nil
	}
	var key resultKey
	if raw := br.bytes("funnel"); br.err == nil {
		if err := strictUnmarshal(op, raw, &key); err != nil {
			return asBinary(op, err)
		}
		if err := key.check(op); err != nil {
			return asBinary(op, err)
		}
	}
	if br.err != nil {
		return br.err
	}
	j := resultJSON{Funnel: &key}
	readTally(br, &j, &key, "")
	hasGroups := br.bool("has_groups")
	n := br.count("groups", 3)
	if hasGroups {
		j.Groups = make([]groupJSON, 0, n)
	}
	for i := 0; i < n && br.err == nil; i++ {
		path := fmt.Sprintf("groups[%d]", i)
		code := br.int(path + ".code")
		if code < -1<<31 || code > 1<<31-1 {
			br.fail(path+".code", "outside int32")
		}
		g := groupJSON{Code: int32(code), Value: br.string(path + ".value")}
		readTally(br, &g.Result, &key, path+".result.")
		j.Groups = append(j.Groups, g)
	}
	if err := br.end(); err != nil {
		return err
	}
	if !hasGroups && n > 0 {
		return fieldErr(op, "groups", n, ErrInvalidBinary, "groups without the flag")
	}
	out, err := j.result(op)
	if err != nil {
		return asBinary(op, err)
	}
	*r = out
	return nil
}

// readTally reads what writeTally wrote into the JSON form of a result,
// durations back in nanoseconds (those beyond the window are rejected
// before multiplying, so nothing overflows).
func readTally(br *binReader, j *resultJSON, k *resultKey, path string) {
	n := len(k.Steps)
	unit, window := int64(k.Unit), int64(k.Window)
	maxTicks := uint64(window / unit)
	j.Steps = make([]stepJSON, n)
	for i := range j.Steps {
		c := br.uint(fmt.Sprintf("%ssteps[%d].count", path, i))
		if c > 1<<63-1 {
			br.fail(fmt.Sprintf("%ssteps[%d].count", path, i), "beyond int64")
		}
		j.Steps[i] = stepJSON{StepResult: StepResult{Name: k.Steps[i], Count: int64(c)}, Durations: []durationText{}}
	}
	durs := func(field string) []durationText {
		m := br.count(field, 1)
		out := make([]durationText, 0, m)
		for i := 0; i < m && br.err == nil; i++ {
			v := br.uint(field)
			if v > maxTicks {
				br.fail(fmt.Sprintf("%s[%d]", field, i), "beyond the window")
				break
			}
			out = append(out, durationText(time.Duration(int64(v)*unit))) // v·unit <= window
		}
		return out
	}
	j.OverallDurations = durs(path + "overall_durations")
	for i := 1; i < n; i++ {
		j.Steps[i].Durations = durs(fmt.Sprintf("%ssteps[%d].durations", path, i))
	}
}
