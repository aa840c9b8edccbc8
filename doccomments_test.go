package opskit_test

import (
	"go/ast"
	"go/token"
	"testing"
)

// TestExportedIdentifiersHaveDocComments fails when an exported top-level
// function, method, type, constant or variable of a library package has no
// doc comment, so pkg.go.dev never shows an undocumented name. A constant or
// variable inside a documented group counts as documented, as go doc shows
// it.
func TestExportedIdentifiersHaveDocComments(t *testing.T) {
	fset := token.NewFileSet()
	var missing []string
	parseLibrary(t, fset, func(_ string, file *ast.File) {
		for _, decl := range file.Decls {
			missing = append(missing, undocumented(fset, decl)...)
		}
	})
	for _, m := range missing {
		t.Errorf("no doc comment: %s", m)
	}
}

func undocumented(fset *token.FileSet, decl ast.Decl) []string {
	var out []string
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Name.IsExported() && d.Doc == nil && exportedReceiver(d) {
			out = append(out, fset.Position(d.Pos()).String()+" "+d.Name.Name)
		}
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			switch s := spec.(type) {
			case *ast.TypeSpec:
				if s.Name.IsExported() && s.Doc == nil && d.Doc == nil {
					out = append(out, fset.Position(s.Pos()).String()+" "+s.Name.Name)
				}
			case *ast.ValueSpec:
				for _, n := range s.Names {
					if n.IsExported() && s.Doc == nil && s.Comment == nil && d.Doc == nil {
						out = append(out, fset.Position(n.Pos()).String()+" "+n.Name)
					}
				}
			}
		}
	}
	return out
}

// exportedReceiver reports whether a method's receiver type is exported (a
// method of an unexported type is not shown), or the function has none.
func exportedReceiver(d *ast.FuncDecl) bool {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return true
	}
	typ := d.Recv.List[0].Type
	if star, ok := typ.(*ast.StarExpr); ok {
		typ = star.X
	}
	if idx, ok := typ.(*ast.IndexExpr); ok {
		typ = idx.X
	}
	id, ok := typ.(*ast.Ident)
	return ok && id.IsExported()
}
