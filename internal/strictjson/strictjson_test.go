package strictjson

import (
	"errors"
	"strings"
	"testing"
)

type item struct {
	ID   string  `json:"id"`
	Qty  int64   `json:"qty"`
	Tags []inner `json:"tags"`
}

type inner struct {
	Name string `json:"name"`
}

type failing struct{}

var errOwn = errors.New("own: bad value")

func (*failing) UnmarshalJSON([]byte) error { return errOwn }

func TestDecodeAccepts(t *testing.T) {
	var v item
	if err := Decode([]byte(` {"id":"a","qty":2,"tags":[{"name":"x"},{"name":"y"}]} `), &v); err != nil {
		t.Fatal(err)
	}
	if v.ID != "a" || v.Qty != 2 || len(v.Tags) != 2 || v.Tags[1].Name != "y" {
		t.Fatalf("decoded %+v", v)
	}
}

func TestDecodeRejects(t *testing.T) {
	deep := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	for _, c := range []struct {
		give    string
		problem Problem
		path    string
	}{
		{`{"id":"a","id":"b"}`, RepeatedKey, "id"},
		{`{"tags":[{"name":"x"},{"name":"y","name":"z"}]}`, RepeatedKey, "tags[1].name"},
		{`{"id":"a","colour":"red"}`, UnknownKey, "colour"},
		{`{"qty":"two"}`, WrongType, "qty"},
		{`{"id":"a"} {}`, Trailing, ""},
		{`{"id":"a"`, Syntax, ""},
		{`{"id" "a"}`, Syntax, ""},
		{deep, TooDeep, strings.TrimSuffix(strings.Repeat("[0]", MaxDepth), "")},
	} {
		var v any = &item{}
		if c.problem == TooDeep {
			v = new(any)
		}
		err := Decode([]byte(c.give), v)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Decode(%.40q) = %v, want an *Error", c.give, err)
			continue
		}
		if e.Problem != c.problem || e.Path != c.path {
			t.Errorf("Decode(%.40q) = problem %d at %q, want %d at %q (%v)", c.give, e.Problem, e.Path, c.problem, c.path, err)
		}
	}
}

func TestDecodePassesOwnErrors(t *testing.T) {
	var v struct {
		F failing `json:"f"`
	}
	if err := Decode([]byte(`{"f":1}`), &v); !errors.Is(err, errOwn) {
		t.Fatalf("Decode = %v, want the UnmarshalJSON error unchanged", err)
	}
}

func TestErrorMessage(t *testing.T) {
	if got := (&Error{Problem: RepeatedKey, Path: "a.b", Detail: "repeated key"}).Error(); got != "a.b: repeated key" {
		t.Errorf("Error() = %q", got)
	}
	if got := (&Error{Problem: Trailing, Detail: "data after the value"}).Error(); got != "data after the value" {
		t.Errorf("Error() = %q", got)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"id":"a","qty":1,"tags":[{"name":"x"}]}`))
	f.Add([]byte(`{"id":"a","id":"a"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var v item
		err := Decode(data, &v)
		var e *Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("Decode(%q) = %v: not an *Error", data, err)
		}
	})
}

// Equivalent mutants (gremlins v0.5.0): in checkKeys, "stack[n-1].keys !=
// nil" -> "== nil" where a closing delimiter sets the parent's isKey: the
// parent object already set isKey when the nested value began (the
// "top.keys != nil" case), and an array's frame never reads isKey, so the
// flag ends up the same. gremlins also lists switch cases as not covered
// although TestDecodeRejects runs them.
