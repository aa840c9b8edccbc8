package funnel

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/opskit/opskit/internal/checked"
)

// MergeCorrelation combines correlation tables of the same correlation
// (funnel and properties) over disjoint sets of actors (shards by actor)
// into the table one pass over all of them gives: totals and each
// candidate's counts add. Merging is associative and commutative; inputs
// are not modified; the zero CorrelationTable is the identity, and merging
// nothing returns it. Errors: tables of different correlations
// ([ErrMismatch]); a sum beyond int64 ([ErrTooLarge]).
func MergeCorrelation(ts ...CorrelationTable) (CorrelationTable, error) {
	const op = "merge correlation"
	var out CorrelationTable
	for i, t := range ts {
		if t.key == nil {
			continue
		}
		path := fmt.Sprintf("tables[%d]", i)
		if out.key == nil {
			out = CorrelationTable{key: t.key, properties: t.properties}
		} else if t.key.signature() != out.key.signature() || !slices.Equal(t.properties, out.properties) {
			return CorrelationTable{}, fieldErr(op, path, nil, ErrMismatch, "funnel and properties must agree")
		}
		var ok1, ok2 bool
		out.success, ok1 = checked.Add(out.success, t.success)
		out.failure, ok2 = checked.Add(out.failure, t.failure)
		if !ok1 || !ok2 {
			return CorrelationTable{}, fieldErr(op, path, nil, ErrTooLarge, "the merged totals would pass 2^63-1")
		}
		merged := make([]CorrelationCount, 0, len(out.counts)+len(t.counts))
		a, b := out.counts, t.counts
		for len(a) > 0 || len(b) > 0 {
			var c int
			switch {
			case len(a) == 0:
				c = 1
			case len(b) == 0:
				c = -1
			default:
				c = compareCandidates(a[0], b[0])
			}
			switch {
			case c < 0:
				merged, a = append(merged, a[0]), a[1:]
			case c > 0:
				merged, b = append(merged, b[0]), b[1:]
			default:
				m := a[0]
				// Each count is at most its table's total, and the totals' sum fits.
				m.Success += b[0].Success
				m.Failure += b[0].Failure
				merged, a, b = append(merged, m), a[1:], b[1:]
			}
		}
		out.counts = merged
	}
	return out, nil
}

// correlationJSON is the JSON form of a CorrelationTable.
type correlationJSON struct {
	Funnel     *resultKey         `json:"funnel"`
	Properties []string           `json:"properties"`
	Success    int64              `json:"success"`
	Failure    int64              `json:"failure"`
	Counts     []CorrelationCount `json:"counts"`
}

// MarshalJSON encodes the table: the funnel (as in [Result]'s JSON form),
// the properties, the totals and every candidate's counts. The zero table
// is null.
func (t CorrelationTable) MarshalJSON() ([]byte, error) {
	if t.key == nil {
		return []byte("null"), nil
	}
	return json.Marshal(correlationJSON{Funnel: t.key, Properties: nonNil(t.properties), Success: t.success, Failure: t.failure, Counts: nonNil(t.counts)})
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// UnmarshalJSON decodes the form MarshalJSON writes. It rejects unknown
// and duplicate keys and tables that do not fit together: an invalid
// funnel, properties not strictly ascending or empty, negative totals,
// candidates not strictly ascending by event, property and value, a
// candidate's property not among the properties (or a value without a
// property), and counts outside 0..the totals or both 0. Errors wrap
// [ErrInvalidJSON].
func (t *CorrelationTable) UnmarshalJSON(b []byte) error {
	const op = "decode correlation table"
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		*t = CorrelationTable{}
		return nil
	}
	var j correlationJSON
	if err := strictUnmarshal(op, b, &j); err != nil {
		return err
	}
	out, err := j.table(op)
	if err != nil {
		return err
	}
	*t = out
	return nil
}

// table validates a decoded table; errors wrap ErrInvalidJSON.
func (j *correlationJSON) table(op string) (CorrelationTable, error) {
	if err := j.Funnel.check(op); err != nil {
		return CorrelationTable{}, err
	}
	for i, p := range j.Properties {
		if p == "" || (i > 0 && j.Properties[i-1] >= p) {
			return CorrelationTable{}, fieldErr(op, fmt.Sprintf("properties[%d]", i), p, ErrInvalidJSON, "non-empty, strictly ascending")
		}
	}
	if j.Success < 0 {
		return CorrelationTable{}, fieldErr(op, "success", j.Success, ErrInvalidJSON, "totals not negative")
	}
	if j.Failure < 0 {
		return CorrelationTable{}, fieldErr(op, "failure", j.Failure, ErrInvalidJSON, "totals not negative")
	}
	for i, c := range j.Counts {
		path := fmt.Sprintf("counts[%d]", i)
		_, known := slices.BinarySearch(j.Properties, c.Property)
		switch {
		case i > 0 && compareCandidates(j.Counts[i-1], c) >= 0:
			return CorrelationTable{}, fieldErr(op, path, nil, ErrInvalidJSON, "candidates strictly ascending by event, property and value")
		case c.Property == "" && c.Value != "":
			return CorrelationTable{}, fieldErr(op, path+".value", c.Value, ErrInvalidJSON, "a value without a property")
		case c.Property != "" && !known:
			return CorrelationTable{}, fieldErr(op, path+".property", c.Property, ErrInvalidJSON, "not among the properties")
		case c.Success < 0 || c.Success > j.Success:
			return CorrelationTable{}, fieldErr(op, path+".success", c.Success, ErrInvalidJSON, "0 to the total "+strconv.FormatInt(j.Success, 10))
		case c.Failure < 0 || c.Failure > j.Failure:
			return CorrelationTable{}, fieldErr(op, path+".failure", c.Failure, ErrInvalidJSON, "0 to the total "+strconv.FormatInt(j.Failure, 10))
		case c.Success == 0 && c.Failure == 0:
			return CorrelationTable{}, fieldErr(op, path, nil, ErrInvalidJSON, "a candidate has at least one actor")
		}
	}
	props := j.Properties
	if len(props) == 0 {
		props = nil
	}
	counts := j.Counts
	if len(counts) == 0 {
		counts = nil
	}
	return CorrelationTable{key: j.Funnel, properties: props, success: j.Success, failure: j.Failure, counts: counts}, nil
}

// MarshalBinary encodes the table compactly (see [ErrInvalidBinary]):
// the funnel as JSON, the properties, the totals and each candidate.
func (t CorrelationTable) MarshalBinary() ([]byte, error) {
	w := newBinWriter('C')
	w.bool(t.key != nil)
	if t.key == nil {
		return w.b, nil
	}
	key, err := json.Marshal(t.key)
	if err != nil {
		return nil, err
	}
	w.bytes(key)
	w.strings(t.properties)
	w.int(t.success)
	w.int(t.failure)
	w.uint(uint64(len(t.counts)))
	for _, c := range t.counts {
		w.string(c.Event)
		w.string(c.Property)
		w.string(c.Value)
		w.int(c.Success)
		w.int(c.Failure)
	}
	return w.b, nil
}

// UnmarshalBinary decodes the form MarshalBinary writes, with the checks
// of [CorrelationTable.UnmarshalJSON]; errors wrap [ErrInvalidBinary].
// Work and memory are linear in len(b).
func (t *CorrelationTable) UnmarshalBinary(b []byte) error {
	const op = "decode binary correlation table"
	r := newBinReader(op, 'C', b)
	if !r.bool("present") {
		if err := r.end(); err != nil {
			return err
		}
		*t = CorrelationTable{}
		return nil
	}
	var j correlationJSON
	raw := r.bytes("funnel")
	if r.err == nil {
		j.Funnel = &resultKey{}
		if err := strictUnmarshal(op, raw, j.Funnel); err != nil {
			return asBinary(op, err)
		}
	}
	j.Properties = r.strings("properties")
	j.Success, j.Failure = r.int("success"), r.int("failure")
	n := r.count("counts", 5)
	j.Counts = make([]CorrelationCount, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		f := fmt.Sprintf("counts[%d]", i)
		j.Counts = append(j.Counts, CorrelationCount{Event: r.string(f + ".event"), Property: r.string(f + ".property"),
			Value: r.string(f + ".value"), Success: r.int(f + ".success"), Failure: r.int(f + ".failure")})
	}
	if err := r.end(); err != nil {
		return err
	}
	out, err := j.table(op)
	if err != nil {
		return asBinary(op, err)
	}
	*t = out
	return nil
}
