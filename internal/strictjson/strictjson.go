// Package strictjson decodes one JSON value the way every input of the
// library is decoded: like encoding/json, but a key repeated in one object
// (encoding/json silently keeps the last), a key the target has no field for,
// anything after the value and nesting deeper than [MaxDepth] are errors,
// each with the JSON path where it was found. Every package maps an [*Error]
// to its own *FieldError.
package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
)

// MaxDepth is the deepest nesting of objects and arrays accepted; the
// library's documents nest far less.
const MaxDepth = 64

// Problem says what is wrong with a document.
type Problem uint8

// The problems, in the order a decoder meets them.
const (
	Syntax      Problem = iota + 1 // not well-formed JSON
	TooDeep                        // nested deeper than MaxDepth
	RepeatedKey                    // a key twice in one object
	UnknownKey                     // a key the target has no field for
	WrongType                      // a value of the wrong JSON type for its field
	Trailing                       // data after the value
)

// Error is a problem of a document at a JSON path ("items[3].demand", ""
// for the document itself), with a short explanation.
type Error struct {
	Problem Problem
	Path    string
	Detail  string
}

// Error returns "PATH: DETAIL", or DETAIL for the document itself.
func (e *Error) Error() string {
	if e.Path == "" {
		return e.Detail
	}
	return e.Path + ": " + e.Detail
}

// Decode decodes data, one JSON value, into v. A structural problem is an
// *Error; an error returned by an UnmarshalJSON or UnmarshalText method that
// decoding reached comes back unchanged, so a package's own typed errors
// survive. The work is linear in len(data).
func Decode(data []byte, v any) error {
	if err := checkKeys(data); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return convert(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return &Error{Problem: Trailing, Detail: "data after the value"}
	}
	return nil
}

// convert turns encoding/json's own errors into an *Error and passes any
// other error through.
func convert(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return &Error{Problem: Syntax, Detail: strings.TrimPrefix(se.Error(), "json: ") + " at byte " + strconv.FormatInt(se.Offset, 10)}
	case errors.As(err, &te):
		return &Error{Problem: WrongType, Path: te.Field, Detail: "a JSON " + te.Value + " where " + te.Type.String() + " is wanted"}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &Error{Problem: Syntax, Detail: "unexpected end of the document"}
	case err == io.EOF:
		return &Error{Problem: Syntax, Detail: "no value"}
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		if n, uerr := strconv.Unquote(name); uerr == nil {
			name = n
		}
		return &Error{Problem: UnknownKey, Path: name, Detail: "unknown key"}
	}
	return err
}

// checkKeys walks the tokens of data once and reports the first key
// repeated in one object, or nesting deeper than MaxDepth, with its path.
func checkKeys(data []byte) error {
	type frame struct {
		keys  map[string]bool // nil for an array
		path  string
		key   string // path of the value after the last key read
		isKey bool   // the next token of this object is a key
		index int    // next index of this array
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var stack []frame
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return convert(err)
		}
		var top *frame
		if n := len(stack); n > 0 {
			top = &stack[n-1]
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1] // Token has checked that the delimiters match
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
				return &Error{Problem: RepeatedKey, Path: path, Detail: "repeated key"}
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
			path = top.path + "[" + strconv.Itoa(top.index) + "]"
			top.index++
		}
		if d, ok := tok.(json.Delim); ok {
			if len(stack) >= MaxDepth {
				return &Error{Problem: TooDeep, Path: path, Detail: "nested deeper than " + strconv.Itoa(MaxDepth) + " levels"}
			}
			f := frame{path: path}
			if d == '{' {
				f.keys, f.isKey = map[string]bool{}, true
			}
			stack = append(stack, f)
		}
	}
}
