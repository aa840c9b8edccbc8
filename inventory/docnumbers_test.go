package inventory

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"regexp"
	"strings"
	"testing"
)

// TestDocNumbersInExamples keeps the known answers in doc comments from drifting (issue 16: the
// Newsvendor.Normal doc once quoted a cost the code did not give): a doc comment that names an
// example function ("Known answer (ExampleEPQ): ...") may quote a number with seven or more
// significant digits only if one of the examples it names prints it, and the examples are compiled
// and checked by go test.
func TestDocNumbersInExamples(t *testing.T) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	outputs := map[string]string{} // example function name -> its Output
	var sources []*ast.File
	for name, pkg := range pkgs {
		for fname, f := range pkg.Files {
			if strings.HasSuffix(fname, "_test.go") {
				if name == "inventory_test" {
					for _, ex := range doc.Examples(f) {
						outputs["Example"+ex.Name] = ex.Output
					}
				}
				continue
			}
			sources = append(sources, f)
		}
	}
	exRef := regexp.MustCompile(`\bExample[A-Z][A-Za-z0-9_]*`)
	number := regexp.MustCompile(`\d+\.\d+`)
	checked := 0
	for _, f := range sources {
		for _, cg := range f.Comments {
			text := cg.Text()
			refs := exRef.FindAllString(text, -1)
			if len(refs) == 0 {
				continue
			}
			var out strings.Builder
			for _, r := range refs {
				o, ok := outputs[r]
				if !ok {
					t.Errorf("%s: the doc names %s, which is not an example with output", fset.Position(cg.Pos()), r)
				}
				out.WriteString(o)
			}
			for _, n := range number.FindAllString(text, -1) {
				if significant(n) < 7 {
					continue
				}
				checked++
				if !strings.Contains(out.String(), n) {
					t.Errorf("%s: %s is not printed by %v", fset.Position(cg.Pos()), n, refs)
				}
			}
		}
	}
	if checked < 40 {
		t.Errorf("only %d numbers checked", checked)
	}
}

// significant counts the significant digits of a decimal numeral.
func significant(n string) int {
	d := strings.TrimLeft(strings.ReplaceAll(n, ".", ""), "0")
	return len(d)
}
