package funnel

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestErrorsShapeCore is TestErrorsShape for the entry points added with
// issue 15: a *FieldError wrapping the sentinel, naming the field.
func TestErrorsShapeCore(t *testing.T) {
	f := MustNew(vcp, time.Hour)
	bad := []Event{{Actor: "", Time: base, Name: "view"}}
	var m Mode
	pred := MustNew([]Matcher{{Name: "p", Where: func(Event) bool { return true }}}, time.Hour)
	one := Columns{Actors: []int32{0}, Times: []int64{0}, Events: []int32{3}, Names: []string{"view"}}
	tests := []struct {
		name  string
		give  func() error
		want  error
		field string
	}{
		{"New modes", func() error { _, err := New(vcp, time.Hour, WithModes(AllowReentry)); return err }, ErrInvalidOption, "WithModes"},
		{"Levels", func() error { _, err := f.Levels(bad); return err }, ErrInvalidEvent, "events[0].actor"},
		{"LevelsColumns", func() error { _, err := f.LevelsColumns(one); return err }, ErrInvalidColumns, "events[0]"},
		{"RunSeq", func() error { _, err := f.RunSeq(slices.Values(bad)); return err }, ErrInvalidEvent, "events[0].actor"},
		{"RunColumns events", func() error { _, err := f.RunColumns(one); return err }, ErrInvalidColumns, "events[0]"},
		{"RunColumns both", func() error {
			c := one
			c.Codes = []uint8{1}
			_, err := f.RunColumns(c)
			return err
		}, ErrInvalidColumns, "columns"},
		{"RunColumns predicate", func() error { _, err := pred.RunColumns(one); return err }, ErrInvalidStep, "steps[0]"},
		{"RunColumns values", func() error {
			c := Columns{Actors: []int32{0}, Times: []int64{0}, Codes: []uint8{1}, Breakdown: []int32{1}, Values: []string{"a"}}
			_, err := MustNew(vcp, time.Hour, WithBreakdown("ch", AtFirstStep)).RunColumns(c)
			return err
		}, ErrInvalidColumns, "breakdown[0]"},
		{"RunColumns events length", func() error {
			_, err := f.RunColumns(Columns{Actors: []int32{0, 0}, Times: []int64{0, 1}, Events: []int32{0}, Names: []string{"view"}})
			return err
		}, ErrInvalidColumns, "columns"},
		{"RunColumns negative value", func() error {
			c := Columns{Actors: []int32{0}, Times: []int64{0}, Codes: []uint8{1}, Breakdown: []int32{-1}, Values: []string{"a"}}
			_, err := MustNew(vcp, time.Hour, WithBreakdown("ch", AtFirstStep)).RunColumns(c)
			return err
		}, ErrInvalidColumns, "breakdown[0]"},
		{"Encode names", func() error {
			_, _, _, err := f.encodeNames("funnel: encode", []Event{ev("u", 0, "a"), ev("u", 0, "b")}, 1)
			return err
		}, ErrTooLarge, "events[1].name"},
		{"Mode.UnmarshalText", func() error { return m.UnmarshalText([]byte("strict")) }, ErrInvalidOption, "mode"},
		{"Mode.MarshalText", func() error { _, err := Mode(64).MarshalText(); return err }, ErrInvalidOption, "mode"},
	}
	for _, tt := range tests {
		err := tt.give()
		var fe *FieldError
		if !assert.ErrorAs(t, err, &fe, tt.name) {
			continue
		}
		assert.ErrorIs(t, err, tt.want, tt.name)
		assert.Equal(t, tt.field, fe.Field, tt.name)
		assert.True(t, strings.HasPrefix(err.Error(), "funnel: "), tt.name)
		assert.True(t, strings.HasPrefix(errors.Unwrap(err).Error(), "funnel: "), tt.name)
	}
	// An event index outside Names on the fast path (default options) is
	// reported the same way.
	_, err := f.RunColumns(Columns{Actors: []int32{0, 0}, Times: []int64{0, 1}, Events: []int32{0, -1}, Names: []string{"view"}})
	var fe *FieldError
	assert.ErrorAs(t, err, &fe)
	assert.Equal(t, "events[1]", fe.Field)
	assert.Equal(t, "an index below 1 (len names)", fe.Detail)
	// And a step code above the funnel's, on the fast path and on the
	// general one, states the largest valid code.
	_, err = f.RunColumns(Columns{Actors: []int32{0}, Times: []int64{0}, Codes: []uint8{7}})
	assert.ErrorAs(t, err, &fe)
	assert.Equal(t, "codes[0]", fe.Field)
	assert.Equal(t, "at most 3", fe.Detail)
	_, err = MustNew(vcp, time.Hour, WithStepOrder(Strict)).RunColumns(Columns{Actors: []int32{0}, Times: []int64{0}, Codes: []uint8{7}})
	assert.ErrorAs(t, err, &fe)
	assert.Equal(t, "at most 3", fe.Detail)
	_, err = MustNew(vcp, time.Hour, WithStepOrder(Strict)).RunColumns(Columns{Actors: []int32{0}, Times: []int64{0}, Events: []int32{2}, Names: []string{"view", "pay"}})
	assert.ErrorAs(t, err, &fe)
	assert.Equal(t, "events[0]", fe.Field)
	assert.Equal(t, "an index below 2 (len names)", fe.Detail)
}
