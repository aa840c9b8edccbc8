package funnel

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/opskit/opskit/internal/checked"

	"github.com/opskit/opskit/internal/strictjson"
)

// JSON forms. Results marshal in the library's one dialect: snake_case
// keys, enums by name, durations as Go duration strings ("1h30m0s"),
// times in RFC 3339. No result holds NaN or an infinity, so no number is
// ever null. [Result] also decodes, so that results stored by shards can
// be merged later; decoding rejects unknown and duplicate keys and
// results whose numbers do not fit together ([ErrInvalidJSON]).

// durationText is a time.Duration whose text form is Duration.String.
type durationText time.Duration

// MarshalText returns the Go duration string.
func (d durationText) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// UnmarshalText parses a Go duration string.
func (d *durationText) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fieldErr("decode", "duration", string(b), ErrInvalidJSON, "a Go duration such as \"1h30m0s\"")
	}
	*d = durationText(v)
	return nil
}

// durationsText converts durations to their JSON form.
func durationsText(ds []time.Duration) []durationText {
	out := make([]durationText, len(ds))
	for i, d := range ds {
		out[i] = durationText(d)
	}
	return out
}

// timingJSON is the JSON form of [Timing].
type timingJSON struct {
	N      int64        `json:"n"`
	Mean   durationText `json:"mean"`
	Median durationText `json:"median"`
	P90    durationText `json:"p90"`
}

// MarshalJSON encodes {"n":3,"mean":"2m40s","median":"2m0s","p90":"4m24s"}.
func (t Timing) MarshalJSON() ([]byte, error) {
	return json.Marshal(timingJSON{t.N, durationText(t.Mean), durationText(t.Median), durationText(t.P90)})
}

// UnmarshalJSON decodes the form MarshalJSON writes.
func (t *Timing) UnmarshalJSON(b []byte) error {
	var j timingJSON
	if err := strictUnmarshal("decode timing", b, &j); err != nil {
		return err
	}
	*t = Timing{j.N, time.Duration(j.Mean), time.Duration(j.Median), time.Duration(j.P90)}
	return nil
}

// stepJSON is one step of a Result's JSON form: the [StepResult] and the
// durations from the previous step (none for step 1).
type stepJSON struct {
	StepResult
	Durations []durationText `json:"durations"`
}

// resultJSON is the JSON form of a Result (groups have no key and no groups).
type resultJSON struct {
	Funnel           *resultKey     `json:"funnel,omitempty"`
	Steps            []stepJSON     `json:"steps"`
	Overall          Timing         `json:"overall"`
	OverallDurations []durationText `json:"overall_durations"`
	Groups           []groupJSON    `json:"groups,omitempty"`
}

type groupJSON struct {
	Code   int32      `json:"code"`
	Value  string     `json:"value"`
	Result resultJSON `json:"result"`
}

// MarshalJSON encodes the result: the funnel it comes from ("funnel":
// steps, window, unit, options, breakdown kind, exclusions), every step
// with its [StepResult] fields and its durations from the previous step,
// the overall timing and durations, and the breakdown groups. The zero
// Result is null. Everything needed to merge is kept; the derived fields
// (rates, timings) are recomputed on decode, not trusted.
func (r Result) MarshalJSON() ([]byte, error) {
	if r.all == nil {
		return []byte("null"), nil
	}
	j := r.toJSON()
	j.Funnel = r.key
	for _, g := range r.Groups() {
		j.Groups = append(j.Groups, groupJSON{Code: g.Code, Value: g.Value, Result: g.Result.toJSON()})
	}
	return json.Marshal(j)
}

func (r Result) toJSON() resultJSON {
	j := resultJSON{OverallDurations: durationsText(r.OverallDurations()), Overall: r.Overall()}
	for i, s := range r.Steps() {
		sj := stepJSON{StepResult: s, Durations: []durationText{}}
		if i > 0 {
			sj.Durations = durationsText(r.Durations(i + 1))
		}
		j.Steps = append(j.Steps, sj)
	}
	return j
}

// UnmarshalJSON decodes the form MarshalJSON writes. It checks what a
// stored result could have lost or been tampered with: the funnel (1 to
// [MaxSteps] unique step names, positive window, a unit within it, known
// option names, exclusions between existing steps), counts that are not
// negative and do not grow from step to step, one duration per counted
// attempt at each step, each within 0 and the window and a whole number of
// units, and groups whose counts add up to the whole. Unknown and
// duplicate keys are errors. All errors wrap [ErrInvalidJSON].
func (r *Result) UnmarshalJSON(b []byte) error {
	const op = "decode result"
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		*r = Result{}
		return nil
	}
	var j resultJSON
	if err := strictUnmarshal(op, b, &j); err != nil {
		return err
	}
	out, err := j.result(op)
	if err != nil {
		return err
	}
	*r = out
	return nil
}

// result validates a decoded result (see [Result.UnmarshalJSON]) and
// builds it; errors wrap ErrInvalidJSON.
func (j *resultJSON) result(op string) (Result, error) {
	k := j.Funnel
	if err := k.check(op); err != nil {
		return Result{}, err
	}
	all, err := j.tally(op, "", k)
	if err != nil {
		return Result{}, err
	}
	out := Result{key: k, sig: k.signature(), names: k.Steps, unit: time.Duration(k.Unit), all: all, byValue: k.Breakdown == "value"}
	switch {
	case k.Breakdown == "none" && j.Groups != nil:
		return Result{}, fieldErr(op, "groups", nil, ErrInvalidJSON, "a result without a breakdown has no groups")
	case k.Breakdown != "none":
		out.groups = []group{}
		sum := make([]int64, len(k.Steps)+1)
		for i, g := range j.Groups {
			path := fmt.Sprintf("groups[%d]", i)
			if g.Result.Funnel != nil || g.Result.Groups != nil {
				return Result{}, fieldErr(op, path+".result", nil, ErrInvalidJSON, "a group has no funnel and no groups")
			}
			if i > 0 {
				prev := j.Groups[i-1]
				if (out.byValue && g.Value <= prev.Value) || (!out.byValue && g.Code <= prev.Code) {
					return Result{}, fieldErr(op, path, nil, ErrInvalidJSON, "groups must be in ascending order of "+k.Breakdown+", each once")
				}
			}
			if out.byValue && g.Code != int32(i) {
				return Result{}, fieldErr(op, path+".code", g.Code, ErrInvalidJSON, "groups by value are numbered in order: "+strconv.Itoa(i))
			}
			t, err := g.Result.tally(op, path+".result.", k)
			if err != nil {
				return Result{}, err
			}
			for l, v := range t.hist {
				var ok bool
				if sum[l], ok = checked.Add(sum[l], v); !ok {
					return Result{}, fieldErr(op, path, nil, ErrInvalidJSON, "group counts beyond int64")
				}
			}
			out.groups = append(out.groups, group{code: g.Code, value: g.Value, t: t})
		}
		if !slices.Equal(sum, all.hist) {
			return Result{}, fieldErr(op, "groups", nil, ErrInvalidJSON, "group counts do not add up to the result's")
		}
	}
	return out, nil
}

// check validates a decoded funnel key.
func (k *resultKey) check(op string) error {
	if k == nil {
		return fieldErr(op, "funnel", nil, ErrInvalidJSON, "missing")
	}
	if len(k.Steps) == 0 || len(k.Steps) > MaxSteps {
		return fieldErr(op, "funnel.steps", len(k.Steps), ErrInvalidJSON, "1 to "+strconv.Itoa(MaxSteps)+" steps")
	}
	seen := map[string]bool{}
	for i, s := range k.Steps {
		if s == "" || seen[s] {
			return fieldErr(op, fmt.Sprintf("funnel.steps[%d]", i), s, ErrInvalidJSON, "empty or repeated")
		}
		seen[s] = true
	}
	if k.Window <= 0 || k.Unit <= 0 || k.Unit > k.Window {
		return fieldErr(op, "funnel.unit", time.Duration(k.Unit), ErrInvalidJSON, "window positive, unit in (0, window]")
	}
	if k.Breakdown != "none" && k.Breakdown != "value" && k.Breakdown != "code" {
		return fieldErr(op, "funnel.breakdown", k.Breakdown, ErrInvalidJSON, "one of none, value, code")
	}
	if len(k.Exclusions) > MaxExclusions {
		return fieldErr(op, "funnel.exclusions", len(k.Exclusions), ErrInvalidJSON, "at most "+strconv.Itoa(MaxExclusions))
	}
	if k.Exclusions == nil {
		k.Exclusions = []exclusionKey{}
	}
	for i, e := range k.Exclusions {
		if e.After < 1 || e.After >= e.Before || e.Before > len(k.Steps) {
			return fieldErr(op, fmt.Sprintf("funnel.exclusions[%d]", i), nil, ErrInvalidJSON, "1 <= after < before <= steps")
		}
	}
	return nil
}

// tally rebuilds the counts and durations of a decoded result.
func (j *resultJSON) tally(op, path string, k *resultKey) (*tally, error) {
	n := len(k.Steps)
	if len(j.Steps) != n {
		return nil, fieldErr(op, path+"steps", len(j.Steps), ErrInvalidJSON, "one per funnel step: "+strconv.Itoa(n))
	}
	t := newTally(n)
	unit, window := time.Duration(k.Unit), time.Duration(k.Window)
	addAll := func(field string, ds []durationText, want int64, list *durList) error {
		if int64(len(ds)) != want {
			return fieldErr(op, field, len(ds), ErrInvalidJSON, "one duration per attempt: "+strconv.FormatInt(want, 10))
		}
		for i, d := range ds {
			v := time.Duration(d)
			if v < 0 || v > window || v%unit != 0 {
				return fieldErr(op, fmt.Sprintf("%s[%d]", field, i), v, ErrInvalidJSON, "within 0 and the window, in whole units of "+unit.String())
			}
			list.add(int64(v / unit))
		}
		return nil
	}
	for i, s := range j.Steps {
		field := fmt.Sprintf("%ssteps[%d]", path, i)
		if s.Name != k.Steps[i] {
			return nil, fieldErr(op, field+".name", s.Name, ErrInvalidJSON, "not the funnel's step "+strconv.Quote(k.Steps[i]))
		}
		if s.Count < 0 || (i > 0 && s.Count > j.Steps[i-1].Count) {
			return nil, fieldErr(op, field+".count", s.Count, ErrInvalidJSON, "not negative and at most the previous step's")
		}
		next := int64(0)
		if i+1 < n {
			next = j.Steps[i+1].Count
		}
		t.hist[i+1] = s.Count - next // both non-negative: no overflow
		if i == 0 {
			if len(s.Durations) != 0 {
				return nil, fieldErr(op, field+".durations", len(s.Durations), ErrInvalidJSON, "step 1 has none")
			}
			continue
		}
		if err := addAll(field+".durations", s.Durations, s.Count, &t.durs[i]); err != nil {
			return nil, err
		}
	}
	want := int64(0)
	if n > 1 {
		want = j.Steps[n-1].Count
	}
	if err := addAll(path+"overall_durations", j.OverallDurations, want, &t.durs[0]); err != nil {
		return nil, err
	}
	if t.hist[n] < 0 {
		return nil, fieldErr(op, path+"steps", nil, ErrInvalidJSON, "negative count")
	}
	return t, nil
}

// strictUnmarshal decodes one JSON value into v, rejecting unknown keys,
// duplicate keys and trailing data, as a *FieldError wrapping
// ErrInvalidJSON (or the error of an UnmarshalText it reached).
func strictUnmarshal(op string, b []byte, v any) error {
	err := strictjson.Decode(b, v)
	var fe *FieldError
	var se *strictjson.Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &fe):
		return withOp(op, fe.Field, fe)
	case errors.As(err, &se) && se.Problem == strictjson.TooDeep:
		return &FieldError{Op: op, Field: se.Path, Err: ErrTooLarge, Detail: se.Detail}
	case errors.As(err, &se):
		return &FieldError{Op: op, Field: se.Path, Err: ErrInvalidJSON, Detail: se.Detail}
	}
	return fieldErr(op, "", nil, ErrInvalidJSON, err.Error())
}
