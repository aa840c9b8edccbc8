package kpi

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/opskit/opskit/internal/civil"

	"github.com/opskit/opskit/internal/strictjson"
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
// repeated keys, trailing data and deep nesting (internal/strictjson).
func decodeStrict(data []byte, v any) error { return strictjson.Decode(data, v) }

// jsonErr turns a decoding error into this package's *FieldError under
// the operation op.
func jsonErr(op string, err error) error {
	var fe *FieldError
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	var ce *civil.Error
	var sj *strictjson.Error
	switch {
	case errors.As(err, &fe):
		return withOp(op, "", fe)
	case errors.As(err, &sj) && sj.Problem == strictjson.TooDeep:
		return &FieldError{Op: op, Field: sj.Path, Err: ErrTooLarge, Detail: sj.Detail}
	case errors.As(err, &sj):
		return &FieldError{Op: op, Field: sj.Path, Err: ErrInvalidJSON, Detail: sj.Detail}
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
