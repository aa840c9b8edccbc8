package opskit_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/opskit/opskit/"

// allowedSiblings is the import rule of DESIGN.md: pricing and inventory
// import no sibling; promo, funnel and kpi may import pricing only.
var allowedSiblings = map[string][]string{
	"pricing":   nil,
	"inventory": nil,
	"promo":     {"pricing"},
	"funnel":    {"pricing"},
	"kpi":       {"pricing"},
}

// forbidden are standard packages that do I/O or reach outside the process.
var forbidden = []string{"os", "os/exec", "os/signal", "net", "io/fs", "io/ioutil", "database/sql", "log", "log/slog", "syscall", "plugin", "unsafe", "math/rand", "math/rand/v2", "crypto/rand"}

// allowedThirdParty are the only non-standard imports of library code.
var allowedThirdParty = []string{"github.com/shopspring/decimal", "golang.org/x/exp/"}

// TestImportRules walks every library package (not tests, not examples) and
// checks the sibling rule, the I/O rule, the third-party rule, and that no
// library code reads the clock or starts a goroutine.
func TestImportRules(t *testing.T) {
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != "." && (strings.HasPrefix(name, ".") || name == "examples" || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly|parser.ParseComments)
		if err != nil {
			return err
		}
		pkg := strings.SplitN(filepath.ToSlash(filepath.Dir(path)), "/", 2)[0]
		for _, imp := range file.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			checkImport(t, path, pkg, p)
		}
		checkBody(t, fset, path)
		checked++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatal("no library files found")
	}
}

func checkImport(t *testing.T, path, pkg, imp string) {
	t.Helper()
	switch {
	case strings.HasPrefix(imp, module):
		target := strings.SplitN(strings.TrimPrefix(imp, module), "/", 2)[0]
		if pkg == "internal" || (pkg == target) {
			return
		}
		allowed, known := allowedSiblings[pkg]
		if target == "internal" && known {
			return
		}
		if !known || !slices.Contains(allowed, target) {
			t.Errorf("%s: package %s must not import %s", path, pkg, imp)
		}
	case slices.Contains(forbidden, imp) || strings.HasPrefix(imp, "net/"):
		t.Errorf("%s: library code must not import %s (no I/O, no global randomness)", path, imp)
	case strings.Contains(strings.SplitN(imp, "/", 2)[0], "."):
		ok := false
		for _, a := range allowedThirdParty {
			ok = ok || imp == a || strings.HasPrefix(imp, a)
		}
		if !ok {
			t.Errorf("%s: third-party import %s is not allowed in library code", path, imp)
		}
	}
}

// checkBody parses the whole file and rejects time.Now and go statements.
func checkBody(t *testing.T, fset *token.FileSet, path string) {
	t.Helper()
	file, err := parser.ParseFile(fset, path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if id, ok := n.X.(*ast.Ident); ok && id.Name == "time" && (n.Sel.Name == "Now" || n.Sel.Name == "Since" || n.Sel.Name == "Until") {
				t.Errorf("%s: time.%s in library code (time is an input)", fset.Position(n.Pos()), n.Sel.Name)
			}
		case *ast.GoStmt:
			// Goroutines only where the caller asks for workers: files named
			// *_workers.go hold the code that runs a caller-given Workers count.
			if strings.HasSuffix(path, "_workers.go") {
				return true
			}
			t.Errorf("%s: go statement in library code (no goroutines behind the caller's back)", fset.Position(n.Pos()))
		}
		return true
	})
}

func TestImportRuleCatchesViolations(t *testing.T) {
	probe := &testing.T{}
	checkImport(probe, "pricing/x.go", "pricing", module+"promo")
	checkImport(probe, "funnel/x.go", "funnel", module+"kpi")
	checkImport(probe, "kpi/x.go", "kpi", "os")
	checkImport(probe, "promo/x.go", "promo", "github.com/google/uuid")
	if !probe.Failed() {
		t.Fatal("the import checker accepted forbidden imports")
	}
	ok := &testing.T{}
	checkImport(ok, "promo/x.go", "promo", module+"pricing")
	checkImport(ok, "promo/x.go", "promo", "github.com/shopspring/decimal")
	checkImport(ok, "inventory/x.go", "inventory", "golang.org/x/exp/stats")
	checkImport(ok, "kpi/x.go", "kpi", "time")
	if ok.Failed() {
		t.Fatal("the import checker rejected allowed imports")
	}
}
