package kpi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/opskit/opskit/internal/civil"
)

// UnmarshalJSON decodes a scheme and validates it, so a decoded Scheme is
// always valid. Unknown fields are rejected at every level, as is trailing
// data. Enumerations are strings: "direction": "higher" | "lower"; "kind":
// "linear" | "inverse" | "threshold" | "bands"; "weights": "sum_to_one" |
// "normalize"; "missing": "error" | "zero" | "exclude". Marshalling with
// encoding/json gives the same form back, so schemes round-trip:
//
//	{"name":"cs-daily","metrics":[{"id":"frt","unit":"s","direction":"lower",
//	  "target":30,"weight":0.4,"curve":{"kind":"inverse","cap":1.2}}, ...],
//	 "weights":"sum_to_one","missing":"exclude"}
func (s *Scheme) UnmarshalJSON(data []byte) error {
	type plain Scheme
	var p plain
	if err := decodeStrict(data, &p); err != nil {
		return jsonErr("decode scheme", err)
	}
	if err := Scheme(p).Validate(); err != nil {
		return withOp("decode scheme", "", err)
	}
	*s = Scheme(p)
	return nil
}

// decodeStrict decodes one JSON value into v, refusing unknown and
// repeated keys and trailing data.
func decodeStrict(data []byte, v any) error {
	if err := checkKeys(data); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}

// checkKeys walks the document's tokens and reports the first key that
// appears twice in one object, with its path. Nesting is bounded by
// encoding/json's own depth limit (10,000).
func checkKeys(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	type frame struct {
		keys  map[string]bool // nil for an array
		path  string
		key   string // path of the value after the last key read
		isKey bool   // the next token of this object is a key
		index int    // next index of this array
	}
	var stack []frame
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		var top *frame
		if n := len(stack); n > 0 {
			top = &stack[n-1]
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			if n := len(stack); n > 0 && stack[n-1].keys != nil {
				stack[n-1].isKey = true
			}
			continue
		}
		if top != nil && top.keys != nil && top.isKey {
			k, _ := tok.(string)
			path := k
			if top.path != "" {
				path = top.path + "." + k
			}
			if top.keys[k] {
				return &FieldError{Op: "decode", Field: path, Err: ErrInvalidJSON, Detail: "repeated key"}
			}
			top.keys[k] = true
			top.key, top.isKey = path, false
			continue
		}
		path := ""
		switch {
		case top == nil:
		case top.keys != nil:
			path = top.key
			top.isKey = true
		default:
			path = fmt.Sprintf("%s[%d]", top.path, top.index)
			top.index++
		}
		if d, ok := tok.(json.Delim); ok {
			f := frame{path: path}
			if d == '{' {
				f.keys, f.isKey = map[string]bool{}, true
			}
			stack = append(stack, f)
		}
	}
}

// jsonErr turns a decoding error into this package's *FieldError under
// the operation op.
func jsonErr(op string, err error) error {
	var fe *FieldError
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	var ce *civil.Error
	switch {
	case errors.As(err, &fe):
		return withOp(op, "", fe)
	case errors.As(err, &ce):
		return civilErr(op, "", ce)
	case errors.As(err, &te):
		return &FieldError{Op: op, Field: te.Field, Value: te.Value, Err: ErrInvalidJSON, Detail: "want " + te.Type.String()}
	case errors.As(err, &se):
		return &FieldError{Op: op, Err: ErrInvalidJSON, Detail: fmt.Sprintf("%v at byte %d", se, se.Offset)}
	}
	return &FieldError{Op: op, Err: ErrInvalidJSON, Detail: strings.TrimPrefix(err.Error(), "json: ")}
}

// ParseScheme decodes and validates a scheme from JSON; see
// [Scheme.UnmarshalJSON].
func ParseScheme(data []byte) (Scheme, error) {
	var s Scheme
	if err := s.UnmarshalJSON(data); err != nil {
		return Scheme{}, err
	}
	return s, nil
}
