package opskit_test

import (
	"errors"
	"go/ast"
	"go/token"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/opskit/opskit/funnel"
	"github.com/opskit/opskit/inventory"
	"github.com/opskit/opskit/kpi"
	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

// fieldErrorTypes are the five FieldError types. Packages cannot share one
// type without importing each other, so this test keeps them identical: the
// same fields in the same order with the same types, and the same message.
var fieldErrorTypes = map[string]reflect.Type{
	"pricing":   reflect.TypeFor[pricing.FieldError](),
	"promo":     reflect.TypeFor[promo.FieldError](),
	"inventory": reflect.TypeFor[inventory.FieldError](),
	"funnel":    reflect.TypeFor[funnel.FieldError](),
	"kpi":       reflect.TypeFor[kpi.FieldError](),
}

func TestFieldErrorShapeIsOne(t *testing.T) {
	want := []struct {
		name string
		typ  reflect.Type
	}{
		{"Op", reflect.TypeFor[string]()},
		{"Field", reflect.TypeFor[string]()},
		{"Value", reflect.TypeFor[string]()},
		{"Err", reflect.TypeFor[error]()},
		{"Detail", reflect.TypeFor[string]()},
	}
	for pkg, typ := range fieldErrorTypes {
		if typ.NumField() != len(want) {
			t.Errorf("%s.FieldError has %d fields, want %d", pkg, typ.NumField(), len(want))
			continue
		}
		for i, w := range want {
			if f := typ.Field(i); f.Name != w.name || f.Type != w.typ {
				t.Errorf("%s.FieldError field %d is %s %s, want %s %s", pkg, i, f.Name, f.Type, w.name, w.typ)
			}
		}
	}
}

// newFieldError builds a *FieldError of the package's type and returns it as
// an error.
func newFieldError(typ reflect.Type, op, field, value string, err error, detail string) error {
	v := reflect.New(typ)
	e := v.Elem()
	e.Field(0).SetString(op)
	e.Field(1).SetString(field)
	e.Field(2).SetString(value)
	if err != nil {
		e.Field(3).Set(reflect.ValueOf(err))
	}
	e.Field(4).SetString(detail)
	return v.Interface().(error)
}

func TestFieldErrorMessageIsOne(t *testing.T) {
	for pkg, typ := range fieldErrorTypes {
		if typ.NumField() != 5 {
			continue // reported by TestFieldErrorShapeIsOne
		}
		sentinel := errors.New(pkg + ": negative")
		other := errors.New("pricing: invalid amount")
		for _, c := range []struct {
			field, value string
			err          error
			detail       string
			want         string
		}{
			{"lines[3].qty", "-2", sentinel, "at least 1", pkg + ": op: lines[3].qty -2: negative: at least 1"},
			{"lines[3].qty", "-2", sentinel, "", pkg + ": op: lines[3].qty -2: negative"},
			{"lines[3].qty", "", sentinel, "", pkg + ": op: lines[3].qty: negative"},
			{"", `"x"`, sentinel, "", pkg + `: op: "x": negative`},
			{"", "", sentinel, "why", pkg + ": op: negative: why"},
			{"price", "1.001", other, "", pkg + ": op: price 1.001: " + map[bool]string{true: "invalid amount", false: "pricing: invalid amount"}[pkg == "pricing"]},
		} {
			err := newFieldError(typ, "op", c.field, c.value, c.err, c.detail)
			if got := err.Error(); got != c.want {
				t.Errorf("%s.FieldError%+v.Error() = %q, want %q", pkg, c, got, c.want)
			}
			if !errors.Is(err, c.err) {
				t.Errorf("%s.FieldError does not unwrap to its Err", pkg)
			}
		}
	}
}

// TestSentinelsNamePackage fails when an exported sentinel of a library
// package (var ErrX = errors.New("...")) does not start its message with the
// package name, so a wrapped error always says where it came from.
func TestSentinelsNamePackage(t *testing.T) {
	fset := token.NewFileSet()
	n := 0
	parseLibrary(t, fset, func(path string, file *ast.File) {
		pkg := file.Name.Name
		ast.Inspect(file, func(node ast.Node) bool {
			vs, ok := node.(*ast.ValueSpec)
			if !ok {
				return true
			}
			for i, name := range vs.Names {
				if !strings.HasPrefix(name.Name, "Err") || !name.IsExported() || i >= len(vs.Values) {
					continue
				}
				call, ok := vs.Values[i].(*ast.CallExpr)
				if !ok || len(call.Args) != 1 {
					continue
				}
				lit, ok := call.Args[0].(*ast.BasicLit)
				if !ok {
					continue
				}
				msg, _ := strconv.Unquote(lit.Value)
				n++
				if !strings.HasPrefix(msg, pkg+": ") {
					t.Errorf("%s: %s = %q does not start with %q", fset.Position(name.Pos()), name.Name, msg, pkg+": ")
				}
			}
			return true
		})
	})
	if n < 50 {
		t.Fatalf("found only %d sentinels; the walk is broken", n)
	}
}
