package kpi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// UnmarshalJSON decodes a scheme and validates it, so a decoded Scheme is
// always valid. Unknown fields are rejected at every level, as is trailing
// data. Enumerations are strings: "direction": "higher" | "lower"; "kind":
// "linear" | "inverse" | "threshold" | "bands"; "weights": "sum-to-one" |
// "normalize"; "missing": "error" | "zero" | "exclude". Marshalling with
// encoding/json gives the same form back, so schemes round-trip:
//
//	{"name":"cs-daily","metrics":[{"id":"frt","unit":"s","direction":"lower",
//	  "target":30,"weight":0.4,"curve":{"kind":"inverse","cap":1.2}}, ...],
//	 "weights":"sum-to-one","missing":"exclude"}
func (s *Scheme) UnmarshalJSON(data []byte) error {
	type plain Scheme
	var p plain
	if err := decodeStrict(data, &p); err != nil {
		return fmt.Errorf("kpi: decode scheme: %w", err)
	}
	if err := Scheme(p).Validate(); err != nil {
		return fmt.Errorf("kpi: decode scheme: %w", err)
	}
	*s = Scheme(p)
	return nil
}

// decodeStrict decodes one JSON value into v, refusing unknown fields and
// trailing data.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if err := dec.Decode(&json.RawMessage{}); !errors.Is(err, io.EOF) {
		return errors.New("trailing data after the JSON value")
	}
	return nil
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
