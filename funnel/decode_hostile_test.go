package funnel

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sampleShards returns a result, a retention table and a correlation table
// of a small log, for tampering.
func sampleShards(t *testing.T) (Result, RetentionTable, CorrelationTable) {
	t.Helper()
	ev := shardEvents()[:200]
	f := MustNew([]Matcher{{Event: "view"}, {Event: "cart"}, {Event: "pay"}}, 48*time.Hour, WithBreakdown("ch", AtFirstStep))
	r, err := f.Run(ev)
	require.NoError(t, err)
	rt, err := Retention{Start: Matcher{Event: "view"}, Return: Matcher{Event: "pay"}, Periods: 3,
		AsOf: time.Date(2024, 6, 18, 0, 0, 0, 0, time.UTC)}.Run(ev)
	require.NoError(t, err)
	ct, err := Correlation{Funnel: f, Properties: []string{"ch"}}.Run(ev)
	require.NoError(t, err)
	return r, rt, ct
}

// decodeAll decodes b as each binary form, returning the errors.
func decodeBinaryAll(b []byte) []error {
	var r Result
	var rt RetentionTable
	var ct CorrelationTable
	return []error{r.UnmarshalBinary(b), rt.UnmarshalBinary(b), ct.UnmarshalBinary(b)}
}

func requireBinaryError(t *testing.T, err error, name string) {
	t.Helper()
	require.Error(t, err, name)
	var fe *FieldError
	require.ErrorAs(t, err, &fe, name)
	assert.True(t, errors.Is(err, ErrInvalidBinary) || errors.Is(err, ErrTooLarge), "%s: %v", name, err)
}

func TestBinaryTampered(t *testing.T) {
	r, rt, ct := sampleShards(t)
	rb, err := r.MarshalBinary()
	require.NoError(t, err)
	tb, err := rt.MarshalBinary()
	require.NoError(t, err)
	cb, err := ct.MarshalBinary()
	require.NoError(t, err)
	forms := []struct {
		name   string
		b      []byte
		decode func([]byte) error
	}{
		{"result", rb, func(b []byte) error { var x Result; return x.UnmarshalBinary(b) }},
		{"retention", tb, func(b []byte) error { var x RetentionTable; return x.UnmarshalBinary(b) }},
		{"correlation", cb, func(b []byte) error { var x CorrelationTable; return x.UnmarshalBinary(b) }},
	}
	for _, f := range forms {
		require.NoError(t, f.decode(f.b), f.name)
		// Every truncation fails.
		for n := range len(f.b) {
			requireBinaryError(t, f.decode(f.b[:n]), f.name+" truncated")
		}
		// Trailing bytes, another kind, another version.
		requireBinaryError(t, f.decode(append(append([]byte(nil), f.b...), 0)), f.name+" trailing")
		other := append([]byte(nil), f.b...)
		other[3] = 'X'
		requireBinaryError(t, f.decode(other), f.name+" kind")
		other[3], other[4] = f.b[3], 2
		requireBinaryError(t, f.decode(other), f.name+" version")
	}
	// Each form's decoder rejects the others.
	for i, f := range forms {
		for j, g := range forms {
			if i != j {
				requireBinaryError(t, g.decode(f.b), g.name+" of "+f.name)
			}
		}
	}
}

// header returns the 5-byte header of kind.
func header(kind byte) []byte { return []byte{'O', 'K', 'F', kind, 1} }

func TestBinaryHostileLengths(t *testing.T) {
	// A length of 2^62 with a few bytes left: rejected before allocating.
	huge := binary.AppendUvarint(nil, 1<<62)
	for _, kind := range []byte{'R', 'T', 'C'} {
		b := append(header(kind), 1)
		b = append(b, huge...)
		for _, err := range decodeBinaryAll(b) {
			requireBinaryError(t, err, "huge length")
		}
	}
	// Retention: 2^40 cohorts declared in 3 bytes.
	b := append(header('T'), 0, 3, 0, 0)
	b = binary.AppendUvarint(b, 1<<40)
	var rt RetentionTable
	requireBinaryError(t, rt.UnmarshalBinary(b), "cohorts")
	// An overlong varint.
	b = append(header('T'), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)
	requireBinaryError(t, rt.UnmarshalBinary(b), "varint")
	// A boolean byte other than 0 or 1.
	var r Result
	requireBinaryError(t, r.UnmarshalBinary(append(header('R'), 2)), "bool")
	// The empty forms decode to the zero values.
	require.NoError(t, r.UnmarshalBinary(append(header('R'), 0)))
	var ct CorrelationTable
	require.NoError(t, ct.UnmarshalBinary(append(header('C'), 0)))
}

// TestBinaryResultTampered changes one number at a time in a result's
// binary form, re-encoding it: each impossible value is caught.
func TestBinaryResultTampered(t *testing.T) {
	f := MustNew([]Matcher{{Event: "v"}, {Event: "p"}}, time.Hour)
	r, err := f.Run([]Event{{Actor: "a", Time: base, Name: "v"}, {Actor: "a", Time: base.Add(time.Minute), Name: "p"}})
	require.NoError(t, err)
	key, err := json.Marshal(r.key)
	require.NoError(t, err)
	build := func(counts []uint64, overall, step2 []uint64, tail ...byte) []byte {
		w := newBinWriter('R')
		w.bool(true)
		w.bytes(key)
		for _, c := range counts {
			w.uint(c)
		}
		w.uint(uint64(len(overall)))
		for _, d := range overall {
			w.uint(d)
		}
		w.uint(uint64(len(step2)))
		for _, d := range step2 {
			w.uint(d)
		}
		w.b = append(w.b, tail...)
		return w.b
	}
	var got Result
	require.NoError(t, got.UnmarshalBinary(build([]uint64{1, 1}, []uint64{60e9}, []uint64{60e9}, 0, 0)))
	assert.True(t, r.Equal(got))
	cases := map[string][]byte{
		"count grows":         build([]uint64{1, 2}, []uint64{60e9, 60e9}, []uint64{60e9, 60e9}, 0, 0),
		"count beyond int64":  build([]uint64{1 << 63, 1}, []uint64{60e9}, []uint64{60e9}, 0, 0),
		"durations short":     build([]uint64{1, 1}, nil, []uint64{60e9}, 0, 0),
		"beyond the window":   build([]uint64{1, 1}, []uint64{3600e9 + 1}, []uint64{60e9}, 0, 0),
		"groups unflagged":    build([]uint64{1, 1}, []uint64{60e9}, []uint64{60e9}, 0, 1, 0, 0, 0, 0, 0, 0),
		"groups no breakdown": build([]uint64{1, 1}, []uint64{60e9}, []uint64{60e9}, 1, 0),
	}
	for name, b := range cases {
		requireBinaryError(t, got.UnmarshalBinary(b), name)
	}
	// The funnel key goes through the JSON checks.
	w := newBinWriter('R')
	w.bool(true)
	w.bytes([]byte(`{"steps":[]}`))
	requireBinaryError(t, got.UnmarshalBinary(w.b), "key")
	w = newBinWriter('R')
	w.bool(true)
	w.bytes([]byte(`{"steps":["a"],"bogus":1}`))
	requireBinaryError(t, got.UnmarshalBinary(w.b), "key unknown field")
	w = newBinWriter('R')
	w.bool(true)
	w.bytes([]byte(strings.Repeat("[", 10000)))
	requireBinaryError(t, got.UnmarshalBinary(w.b), "key too deep")
}

func TestRetentionTableDecodeChecks(t *testing.T) {
	_, rt, _ := sampleShards(t)
	good, err := json.Marshal(rt)
	require.NoError(t, err)
	var back RetentionTable
	require.NoError(t, json.Unmarshal(good, &back))
	assert.Equal(t, retentionRows(rt), retentionRows(back))
	bad := map[string]string{
		"unknown key":       `{"period":"day","periods":2,"recurring":false,"cohorts":[],"x":1}`,
		"duplicate key":     `{"period":"day","periods":2,"periods":3,"recurring":false,"cohorts":[]}`,
		"period":            `{"period":"year","periods":2,"recurring":false,"cohorts":[]}`,
		"periods":           `{"period":"day","periods":0,"recurring":false,"cohorts":[]}`,
		"periods big":       `{"period":"day","periods":367,"recurring":false,"cohorts":[]}`,
		"size negative":     `{"period":"day","periods":1,"recurring":false,"cohorts":[{"start":"2024-01-01T00:00:00Z","size":-1,"retained":[-1,0],"pending":0}]}`,
		"retained[0]":       `{"period":"day","periods":1,"recurring":false,"cohorts":[{"start":"2024-01-01T00:00:00Z","size":2,"retained":[1,0],"pending":0}]}`,
		"above size":        `{"period":"day","periods":1,"recurring":false,"cohorts":[{"start":"2024-01-01T00:00:00Z","size":2,"retained":[2,3],"pending":0}]}`,
		"too long":          `{"period":"day","periods":1,"recurring":false,"cohorts":[{"start":"2024-01-01T00:00:00Z","size":2,"retained":[2,1,1],"pending":0}]}`,
		"empty retained":    `{"period":"day","periods":1,"recurring":false,"cohorts":[{"start":"2024-01-01T00:00:00Z","size":0,"retained":[],"pending":2}]}`,
		"pending wrong":     `{"period":"day","periods":1,"recurring":false,"cohorts":[{"start":"2024-01-01T00:00:00Z","size":2,"retained":[2,1],"pending":1}]}`,
		"pending, no as_of": `{"period":"day","periods":1,"recurring":false,"cohorts":[{"start":"2024-01-01T00:00:00Z","size":2,"retained":[2],"pending":1}]}`,
		"order":             `{"period":"day","periods":1,"recurring":false,"cohorts":[{"start":"2024-01-02T00:00:00Z","size":1,"retained":[1,0],"pending":0},{"start":"2024-01-01T00:00:00Z","size":1,"retained":[1,0],"pending":0}]}`,
		"negative retained": `{"period":"day","periods":1,"recurring":false,"cohorts":[{"start":"2024-01-01T00:00:00Z","size":2,"retained":[2,-1],"pending":0}]}`,
	}
	for name, s := range bad {
		err := json.Unmarshal([]byte(s), &back)
		require.Error(t, err, name)
		var fe *FieldError
		require.ErrorAs(t, err, &fe, name)
		// An unknown enum name is ErrInvalidOption, as everywhere in the package.
		assert.True(t, errors.Is(err, ErrInvalidJSON) || errors.Is(err, ErrInvalidOption), "%s: %v", name, err)
	}
	ok := `{"period":"day","periods":1,"recurring":false,"as_of":"2024-01-01T05:00:00Z","cohorts":[{"start":"2024-01-01T00:00:00Z","size":2,"retained":[2],"pending":1}]}`
	require.NoError(t, json.Unmarshal([]byte(ok), &back))
	// The binary form runs the same checks.
	back.Cohorts[0].Retained[0] = 3
	b, err := back.MarshalBinary()
	require.NoError(t, err)
	var rt2 RetentionTable
	require.NoError(t, rt2.UnmarshalBinary(b), "Size follows Retained[0] in the binary form")
	back.Cohorts[0].Pending = 0
	b, err = back.MarshalBinary()
	require.NoError(t, err)
	requireBinaryError(t, rt2.UnmarshalBinary(b), "pending")
	// Merge checks its inputs and their agreement.
	_, err = MergeRetention(back)
	assert.ErrorIs(t, err, ErrInvalidCount)
	a := RetentionTable{Periods: 1, Cohorts: []Cohort{{Start: base, Size: 1, Retained: []int64{1, 1}}}}
	_, err = MergeRetention(a, RetentionTable{Periods: 2})
	assert.ErrorIs(t, err, ErrMismatch)
	asOf := a
	asOf.AsOf = base.Add(time.Hour)
	asOf.Cohorts = []Cohort{{Start: base, Size: 1, Retained: []int64{1}, Pending: 1}}
	_, err = MergeRetention(asOf, a)
	assert.ErrorIs(t, err, ErrMismatch)
	b2 := a
	b2.AsOf = asOf.AsOf
	_, err = MergeRetention(asOf, b2)
	assert.ErrorIs(t, err, ErrMismatch, "same as_of, different observable periods")
	big := RetentionTable{Periods: 1, Cohorts: []Cohort{{Start: base, Size: 1<<62 - 1, Retained: []int64{1<<62 - 1, 1<<62 - 1}}}}
	_, err = MergeRetention(big, big)
	require.NoError(t, err)
	_, err = MergeRetention(big, big, big)
	assert.ErrorIs(t, err, ErrTooLarge)
}

func TestCorrelationTableDecodeChecks(t *testing.T) {
	_, _, ct := sampleShards(t)
	good, err := json.Marshal(ct)
	require.NoError(t, err)
	var back CorrelationTable
	require.NoError(t, json.Unmarshal(good, &back))
	assert.Equal(t, ct.Counts(), back.Counts())
	require.NoError(t, json.Unmarshal([]byte("null"), &back))
	assert.Nil(t, back.key)
	b, err := json.Marshal(CorrelationTable{})
	require.NoError(t, err)
	assert.Equal(t, "null", string(b))
	key := `"funnel":{"steps":["v","p"],"window":"1h0m0s","unit":"1s","order":"ordered","reentry":"restart","counting":"uniques","attribution":"first_step","breakdown":"none","exclusions":[]}`
	mk := func(rest string) string { return "{" + key + "," + rest + "}" }
	require.NoError(t, json.Unmarshal([]byte(mk(`"properties":["ch"],"success":2,"failure":1,"counts":[{"event":"x","success":1,"failure":1},{"event":"x","property":"ch","value":"","success":1,"failure":0}]`)), &back))
	bad := map[string]string{
		"unknown":          mk(`"properties":[],"success":1,"failure":1,"counts":[],"x":1`),
		"no funnel":        `{"properties":[],"success":1,"failure":1,"counts":[]}`,
		"properties":       mk(`"properties":["b","a"],"success":1,"failure":1,"counts":[]`),
		"empty property":   mk(`"properties":[""],"success":1,"failure":1,"counts":[]`),
		"negative total":   mk(`"properties":[],"success":-1,"failure":1,"counts":[]`),
		"negative total f": mk(`"properties":[],"success":1,"failure":-1,"counts":[]`),
		"order":            mk(`"properties":[],"success":2,"failure":2,"counts":[{"event":"y","success":1,"failure":0},{"event":"x","success":1,"failure":0}]`),
		"duplicate":        mk(`"properties":[],"success":2,"failure":2,"counts":[{"event":"x","success":1,"failure":0},{"event":"x","success":1,"failure":0}]`),
		"value alone":      mk(`"properties":[],"success":2,"failure":2,"counts":[{"event":"x","value":"v","success":1,"failure":0}]`),
		"unknown property": mk(`"properties":["ch"],"success":2,"failure":2,"counts":[{"event":"x","property":"os","value":"v","success":1,"failure":0}]`),
		"above success":    mk(`"properties":[],"success":2,"failure":2,"counts":[{"event":"x","success":3,"failure":0}]`),
		"above failure":    mk(`"properties":[],"success":2,"failure":2,"counts":[{"event":"x","success":0,"failure":3}]`),
		"negative":         mk(`"properties":[],"success":2,"failure":2,"counts":[{"event":"x","success":-1,"failure":1}]`),
		"negative f":       mk(`"properties":[],"success":2,"failure":2,"counts":[{"event":"x","success":1,"failure":-1}]`),
		"empty candidate":  mk(`"properties":[],"success":2,"failure":2,"counts":[{"event":"x","success":0,"failure":0}]`),
	}
	for name, s := range bad {
		err := json.Unmarshal([]byte(s), &back)
		require.Error(t, err, name)
		var fe *FieldError
		require.ErrorAs(t, err, &fe, name)
		assert.ErrorIs(t, err, ErrInvalidJSON, name)
	}
	// Binary: the same checks, as ErrInvalidBinary.
	var tab CorrelationTable
	require.NoError(t, json.Unmarshal([]byte(mk(`"properties":[],"success":2,"failure":2,"counts":[{"event":"x","success":1,"failure":0}]`)), &tab))
	tab.counts[0].Success = 5
	bb, err := tab.MarshalBinary()
	require.NoError(t, err)
	requireBinaryError(t, back.UnmarshalBinary(bb), "above success")
	// Merge: different funnels or properties mismatch; totals overflow.
	other, err := Correlation{Funnel: MustNew([]Matcher{{Event: "a"}}, time.Hour)}.Run(nil)
	require.NoError(t, err)
	_, err = MergeCorrelation(tab, other)
	assert.ErrorIs(t, err, ErrMismatch)
	props := tab
	props.properties = []string{"ch"}
	_, err = MergeCorrelation(tab, props)
	assert.ErrorIs(t, err, ErrMismatch)
	big := tab
	big.success = 1<<62 - 1
	_, err = MergeCorrelation(big, big)
	require.NoError(t, err)
	_, err = MergeCorrelation(big, big, big)
	assert.ErrorIs(t, err, ErrTooLarge)
	bigF := tab
	bigF.failure = 1<<62 - 1
	_, err = MergeCorrelation(bigF, bigF, bigF)
	assert.ErrorIs(t, err, ErrTooLarge)
}

// FuzzDecodeShards: any bytes decode to an error or to a value whose
// encoding decodes to an equal value (binary and JSON), and decoding
// never panics. Seeds: the three forms of a real log.
func FuzzDecodeShards(f *testing.F) {
	ev := shardEvents()[:60]
	fn := MustNew([]Matcher{{Event: "view"}, {Event: "pay"}}, 48*time.Hour, WithBreakdown("ch", AtFirstStep))
	r, _ := fn.Run(ev)
	rt, _ := Retention{Start: Matcher{Event: "view"}, Return: Matcher{Event: "pay"}, Periods: 2, AsOf: time.Date(2024, 6, 10, 0, 0, 0, 0, time.UTC)}.Run(ev)
	ct, _ := Correlation{Funnel: fn, Properties: []string{"ch"}}.Run(ev)
	for _, m := range []interface{ MarshalBinary() ([]byte, error) }{r, rt, ct} {
		b, _ := m.MarshalBinary()
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var r Result
		if r.UnmarshalBinary(b) == nil {
			again, err := r.MarshalBinary()
			require.NoError(t, err)
			var r2 Result
			require.NoError(t, r2.UnmarshalBinary(again))
			require.True(t, r.Equal(r2))
			js, err := json.Marshal(r)
			require.NoError(t, err)
			var r3 Result
			require.NoError(t, json.Unmarshal(js, &r3))
			require.True(t, r.Equal(r3))
		}
		var rt RetentionTable
		if rt.UnmarshalBinary(b) == nil {
			again, err := rt.MarshalBinary()
			require.NoError(t, err)
			var rt2 RetentionTable
			require.NoError(t, rt2.UnmarshalBinary(again))
			require.Equal(t, retentionRows(rt), retentionRows(rt2))
			js, err := json.Marshal(rt)
			require.NoError(t, err)
			var rt3 RetentionTable
			require.NoError(t, json.Unmarshal(js, &rt3), string(js))
			require.Equal(t, retentionRows(rt), retentionRows(rt3))
		}
		var ct CorrelationTable
		if ct.UnmarshalBinary(b) == nil {
			again, err := ct.MarshalBinary()
			require.NoError(t, err)
			var ct2 CorrelationTable
			require.NoError(t, ct2.UnmarshalBinary(again))
			require.Equal(t, ct.Counts(), ct2.Counts())
			js, err := json.Marshal(ct)
			require.NoError(t, err)
			var ct3 CorrelationTable
			require.NoError(t, json.Unmarshal(js, &ct3))
			require.Equal(t, ct.Counts(), ct3.Counts())
			_, err = ct.Report(0, 0)
			require.NoError(t, err)
		}
	})
}

// TestBinReaderEdges pins the reader's bounds: a header alone reads on to
// the first field; a varint at the end of the data is truncated; a count
// is checked against the bytes left divided by the item size.
func TestBinReaderEdges(t *testing.T) {
	var r Result
	err := r.UnmarshalBinary(header('R'))
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "present", fe.Field)
	err = r.UnmarshalBinary(header('R')[:4])
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "header", fe.Field)

	br := &binReader{op: "x"}
	assert.Equal(t, int64(0), br.int("i"))
	requireBinaryError(t, br.err, "int at the end")
	br = &binReader{op: "x"}
	assert.Equal(t, uint64(0), br.uint("u"))
	requireBinaryError(t, br.err, "uint at the end")
	// 3 items of at least 5 bytes need 15 bytes; 5 are left.
	br = &binReader{op: "x", b: []byte{3, 0, 0, 0, 0, 0}}
	assert.Equal(t, 0, br.count("c", 5))
	requireBinaryError(t, br.err, "count")
	// 1 item of 5 bytes with 5 left is fine.
	br = &binReader{op: "x", b: []byte{1, 0, 0, 0, 0, 0}}
	assert.Equal(t, 1, br.count("c", 5))
	require.NoError(t, br.err)
	br = &binReader{op: "x", b: []byte{0xff}}
	assert.Equal(t, int64(0), br.int("i"))
	requireBinaryError(t, br.err, "int truncated")
}
