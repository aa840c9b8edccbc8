package opskit_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// glossaryIdent matches a qualified identifier in a glossary entry:
// pkg.Name or pkg.Type.Member.
var glossaryIdent = regexp.MustCompile(`\b(pricing|promo|inventory|funnel|kpi)\.([A-Z]\w*)(?:\.([A-Z]\w*))?`)

// TestGlossaryIdentifiersExist fails when the glossary names an identifier
// that the package does not export (a rename left the glossary behind). A
// member is a method or a field of the named type; for a type alias such as
// kpi.Date the members of the aliased type count.
func TestGlossaryIdentifiersExist(t *testing.T) {
	exported := map[string]bool{}
	aliases := map[string]string{} // "kpi.Date" -> "civil.Date"
	dirs, err := filepath.Glob("internal/*")
	if err != nil {
		t.Fatal(err)
	}
	dirs = append(dirs, "pricing", "promo", "inventory", "funnel", "kpi")
	fset := token.NewFileSet()
	for _, dir := range dirs {
		pkg := filepath.Base(dir)
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			file, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			collectExported(pkg, file, exported, aliases)
		}
	}
	count := 0
	for _, e := range readDocGlossary(t) {
		for _, m := range glossaryIdent.FindAllStringSubmatch(e.identifiers, -1) {
			count++
			name := m[1] + "." + m[2]
			if !exported[name] {
				t.Errorf("glossary %q names %s, which %s does not export", e.chinese, m[0], m[1])
				continue
			}
			if m[3] == "" {
				continue
			}
			owner := name
			if a, ok := aliases[name]; ok {
				owner = a
			}
			if !exported[owner+"."+m[3]] {
				t.Errorf("glossary %q names %s, but %s has no exported method or field %s", e.chinese, m[0], name, m[3])
			}
		}
	}
	if count < 100 {
		t.Fatalf("found only %d identifiers in the glossary; the pattern is broken", count)
	}
}

// collectExported records pkg.Name for exported declarations and
// pkg.Type.Member for methods and struct fields.
func collectExported(pkg string, file *ast.File, exported map[string]bool, aliases map[string]string) {
	for _, d := range file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if !d.Name.IsExported() {
				continue
			}
			if d.Recv == nil {
				exported[pkg+"."+d.Name.Name] = true
				continue
			}
			recv := d.Recv.List[0].Type
			if s, ok := recv.(*ast.StarExpr); ok {
				recv = s.X
			}
			if id, ok := recv.(*ast.Ident); ok {
				exported[pkg+"."+id.Name+"."+d.Name.Name] = true
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					exported[pkg+"."+s.Name.Name] = s.Name.IsExported()
					if sel, ok := s.Type.(*ast.SelectorExpr); ok && s.Assign.IsValid() {
						if x, ok := sel.X.(*ast.Ident); ok {
							aliases[pkg+"."+s.Name.Name] = x.Name + "." + sel.Sel.Name
						}
					}
					if st, ok := s.Type.(*ast.StructType); ok {
						for _, f := range st.Fields.List {
							for _, n := range f.Names {
								exported[pkg+"."+s.Name.Name+"."+n.Name] = n.IsExported()
							}
							if len(f.Names) == 0 { // embedded: the type's name is the field's
								if id, ok := f.Type.(*ast.Ident); ok {
									exported[pkg+"."+s.Name.Name+"."+id.Name] = true
								}
							}
						}
					}
				case *ast.ValueSpec:
					for _, n := range s.Names {
						exported[pkg+"."+n.Name] = n.IsExported()
					}
				}
			}
		}
	}
}
