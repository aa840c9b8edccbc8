package promo

import "testing"

var (
	benchCodes []string
	benchCode  string
	benchIndex uint64
	benchErr   error
)

// BenchmarkCodeGenerate1000 generates a batch of 1,000 codes of
// "SD11" + 8 + check.
func BenchmarkCodeGenerate1000(b *testing.B) {
	f := MustCodeFormat("SD11", 8)
	b.ReportAllocs()
	for b.Loop() {
		benchCodes, benchErr = f.Generate(codeTestSeed, 0, 1000)
	}
}

// BenchmarkCodeCheck checks a canonical valid code (the hot path at
// checkout).
func BenchmarkCodeCheck(b *testing.B) {
	f := MustCodeFormat("SD11", 8)
	c := codeKnownAnswer[0]
	b.ReportAllocs()
	for b.Loop() {
		benchCode, benchErr = f.Check(c)
	}
}

// BenchmarkCodeCheckTyped checks a code as a customer typed it, which
// needs normalising.
func BenchmarkCodeCheckTyped(b *testing.B) {
	f := MustCodeFormat("SD11", 8)
	b.ReportAllocs()
	for b.Loop() {
		benchCode, benchErr = f.Check(" sd11-vuyv-se8xf ")
	}
}

// BenchmarkCodeIndex recovers the index of a code from the seed.
func BenchmarkCodeIndex(b *testing.B) {
	f := MustCodeFormat("SD11", 8)
	c := codeKnownAnswer[0]
	b.ReportAllocs()
	for b.Loop() {
		benchIndex, benchErr = f.Index(codeTestSeed, c)
	}
}
