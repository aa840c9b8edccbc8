// Command surface counts the exported identifiers of each library package:
// exported functions, methods of exported types, types, constants, variables
// and fields of exported struct types. The second column leaves out the
// methods that only implement a standard interface (Error, Unwrap, Is,
// String, MarshalJSON, UnmarshalJSON, MarshalText, UnmarshalText), which add
// no vocabulary. Run from the module root:
//
//	go run ./.ci/surface
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	total, totalVocab := 0, 0
	fmt.Printf("%-10s %5s %10s\n", "package", "all", "vocabulary")
	for _, pkg := range []string{"pricing", "promo", "inventory", "funnel", "kpi"} {
		n, vocab, err := count(pkg)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%-10s %5d %10d\n", pkg, n, vocab)
		total += n
		totalVocab += vocab
	}
	fmt.Printf("%-10s %5d %10d\n", "total", total, totalVocab)
}

// interfaceMethods implement a standard interface and add no vocabulary.
var interfaceMethods = map[string]bool{
	"Error": true, "Unwrap": true, "Is": true, "String": true,
	"MarshalJSON": true, "UnmarshalJSON": true, "MarshalText": true, "UnmarshalText": true,
}

func count(dir string) (n, vocab int, err error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return 0, 0, err
	}
	fset := token.NewFileSet()
	methods := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			return 0, 0, err
		}
		for _, d := range file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() {
					continue
				}
				if d.Recv != nil && !ast.IsExported(recvName(d.Recv.List[0].Type)) {
					continue
				}
				if d.Recv != nil && interfaceMethods[d.Name.Name] {
					methods++
				}
				n++
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if !s.Name.IsExported() {
							continue
						}
						n++
						if st, ok := s.Type.(*ast.StructType); ok {
							for _, fl := range st.Fields.List {
								for _, name := range fl.Names {
									if name.IsExported() {
										n++
									}
								}
							}
						}
					case *ast.ValueSpec:
						for _, name := range s.Names {
							if name.IsExported() {
								n++
							}
						}
					}
				}
			}
		}
	}
	return n, n - methods, nil
}

func recvName(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.StarExpr:
		return recvName(t.X)
	case *ast.IndexExpr:
		return recvName(t.X)
	case *ast.IndexListExpr:
		return recvName(t.X)
	case *ast.Ident:
		return t.Name
	}
	return ""
}
