package funnel

import (
	"encoding/binary"
	"errors"
	"strconv"
	"unicode/utf8"
)

// ErrInvalidBinary: binary data ([Result.UnmarshalBinary],
// [RetentionTable.UnmarshalBinary], [CorrelationTable.UnmarshalBinary])
// that is truncated, has trailing bytes, another kind or version, or
// describes an impossible value (the same checks as the JSON forms).
var ErrInvalidBinary = errors.New("funnel: invalid binary data")

// The binary forms. Each starts with the four bytes "OKF" and a kind
// ('R' funnel result, 'T' retention table, 'C' correlation table), then a
// version byte (1). Integers follow as varints (encoding/binary's
// zig-zag Varint for signed values, Uvarint for counts and lengths),
// strings as a Uvarint length and the bytes (valid UTF-8, as JSON needs:
// a name with invalid bytes is encoded but does not decode). Decoding checks every length
// against the bytes left before allocating, so its work and memory are
// linear in the input's size, and then runs the checks of the JSON form.
const binaryVersion = 1

// binWriter appends the binary form.
type binWriter struct{ b []byte }

func newBinWriter(kind byte) *binWriter {
	return &binWriter{b: []byte{'O', 'K', 'F', kind, binaryVersion}}
}

func (w *binWriter) uint(v uint64)   { w.b = binary.AppendUvarint(w.b, v) }
func (w *binWriter) int(v int64)     { w.b = binary.AppendVarint(w.b, v) }
func (w *binWriter) string(s string) { w.uint(uint64(len(s))); w.b = append(w.b, s...) }
func (w *binWriter) bytes(s []byte)  { w.uint(uint64(len(s))); w.b = append(w.b, s...) }
func (w *binWriter) bool(v bool) {
	var b byte
	if v {
		b = 1
	}
	w.b = append(w.b, b)
}
func (w *binWriter) strings(s []string) {
	w.uint(uint64(len(s)))
	for _, x := range s {
		w.string(x)
	}
}

// binReader reads the binary form; the first error sticks and later reads
// return zero values.
type binReader struct {
	op  string
	b   []byte
	err error
}

// newBinReader checks the header of kind and returns a reader of the rest.
func newBinReader(op string, kind byte, b []byte) *binReader {
	r := &binReader{op: op}
	if len(b) < 5 || string(b[:3]) != "OKF" || b[3] != kind {
		r.fail("header", "not a binary "+string(kind)+" form of this package")
		return r
	}
	if b[4] != binaryVersion {
		r.fail("version", "version "+strconv.Itoa(int(b[4]))+", this package reads "+strconv.Itoa(binaryVersion))
		return r
	}
	r.b = b[5:]
	return r
}

func (r *binReader) fail(field, detail string) {
	if r.err == nil {
		r.err = fieldErr(r.op, field, nil, ErrInvalidBinary, detail)
	}
	r.b = nil
}

func (r *binReader) uint(field string) uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail(field, "truncated or overlong varint")
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *binReader) int(field string) int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail(field, "truncated or overlong varint")
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a length of items each taking at least perItem bytes, and
// checks that many bytes are left.
func (r *binReader) count(field string, perItem int) int {
	v := r.uint(field)
	if r.err == nil && v > uint64(len(r.b)/perItem) {
		r.fail(field, "a length of "+strconv.FormatUint(v, 10)+" with "+strconv.Itoa(len(r.b))+" bytes left")
		return 0
	}
	return int(v)
}

func (r *binReader) bytes(field string) []byte {
	n := r.count(field, 1)
	if r.err != nil {
		return nil
	}
	s := r.b[:n:n]
	r.b = r.b[n:]
	return s
}

// string reads a string, which must be valid UTF-8 (as in the JSON
// forms, where encoding/json would replace invalid bytes).
func (r *binReader) string(field string) string {
	b := r.bytes(field)
	if r.err == nil && !utf8.Valid(b) {
		r.fail(field, "not valid UTF-8")
		return ""
	}
	return string(b)
}

func (r *binReader) bool(field string) bool {
	if r.err != nil {
		return false
	}
	if len(r.b) == 0 || r.b[0] > 1 {
		r.fail(field, "a boolean byte 0 or 1")
		return false
	}
	v := r.b[0] == 1
	r.b = r.b[1:]
	return v
}

func (r *binReader) strings(field string) []string {
	n := r.count(field, 1)
	out := make([]string, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		out = append(out, r.string(field+"["+strconv.Itoa(i)+"]"))
	}
	return out
}

// end reports the sticky error, or trailing bytes.
func (r *binReader) end() error {
	if r.err == nil && len(r.b) > 0 {
		r.fail("", strconv.Itoa(len(r.b))+" trailing bytes")
	}
	return r.err
}

// asBinary turns an error of the JSON checks (ErrInvalidJSON) into one of
// the binary form, keeping its field and detail.
func asBinary(op string, err error) error {
	var fe *FieldError
	if errors.As(err, &fe) && fe.Err == ErrInvalidJSON {
		c := *fe
		c.Op, c.Err = op, ErrInvalidBinary
		return &c
	}
	return err
}
