package promo

import (
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzNormalizeCode: NormalizeCode never panics, returns valid UTF-8, is
// idempotent, and its result has no lower-case ASCII letter, space or hyphen.
func FuzzNormalizeCode(f *testing.F) {
	for _, s := range []string{"", "ab12-cd34", "ＡＢ１２　ｃｄ３４", "\ufeffsd11\u200b", "a\xffb", "券码 ß -"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeCode(s)
		if !utf8.ValidString(n) {
			t.Fatalf("NormalizeCode(%q) = %q, invalid UTF-8", s, n)
		}
		if again := NormalizeCode(n); again != n {
			t.Fatalf("NormalizeCode not idempotent: %q -> %q -> %q", s, n, again)
		}
		for _, r := range n {
			if r >= 'a' && r <= 'z' || codeIsSeparator(r) || r >= 0xFF01 && r <= 0xFF5E {
				t.Fatalf("NormalizeCode(%q) = %q keeps %q", s, n, r)
			}
		}
	})
}

// FuzzCodeCheck: Check never panics on arbitrary strings; it either accepts
// a code of the format's length and prefix, which Check accepts again
// unchanged, or returns a *CodeError with exactly one reason.
func FuzzCodeCheck(f *testing.F) {
	f.Add("SD11VUYVSE8XF", "SD11", 8)
	f.Add("sdil vuyv-se8xf", "SD11", 8)
	f.Add("\x00\xff券", "", 6)
	f.Add("", "X", 24)
	f.Fuzz(func(t *testing.T, code, prefix string, bodyLen int) {
		cf, err := NewCodeFormat(prefix, bodyLen)
		if err != nil {
			cf = MustCodeFormat("SD11", 8)
		}
		got, err := cf.Check(code)
		if err == nil {
			if len(got) != cf.Len() || got[:len(cf.Prefix())] != cf.Prefix() {
				t.Fatalf("%v.Check(%q) = %q", cf, code, got)
			}
			if again, err := cf.Check(got); err != nil || again != got {
				t.Fatalf("%v.Check(%q) = %q, %v", cf, got, again, err)
			}
			return
		}
		var ce *CodeError
		if !errors.As(err, &ce) || !errors.Is(err, ErrInvalidCode) || got != NormalizeCode(code) {
			t.Fatalf("%v.Check(%q) = %q, %v", cf, code, got, err)
		}
		reasons := 0
		for _, r := range []error{ErrCodeEmpty, ErrCodeLength, ErrCodePrefix, ErrCodeCharacter, ErrCodeCheck} {
			if errors.Is(err, r) {
				reasons++
			}
		}
		if reasons != 1 {
			t.Fatalf("%v.Check(%q): %v matches %d reasons", cf, code, err, reasons)
		}
	})
}

// FuzzCodeGenerate: every generated code validates, maps back to its index,
// and every single-character change and adjacent swap of it is caught
// (exhaustively, for the fuzzed seed, index and format).
func FuzzCodeGenerate(f *testing.F) {
	f.Add([]byte("opskit-test-seed-0123456789abcde"), uint64(0), "SD11", 8)
	f.Add([]byte("0123456789abcdef"), uint64(887_502), "", 6)
	f.Add([]byte("a longer seed of forty bytes..........."), uint64(1)<<62, "OIL0", 24)
	f.Fuzz(func(t *testing.T, seed []byte, index uint64, prefix string, bodyLen int) {
		cf, err := NewCodeFormat(prefix, bodyLen)
		if err != nil {
			return
		}
		if capa := cf.Capacity(); capa > 0 {
			index %= capa
		}
		code, err := cf.Code(seed, index)
		if len(seed) < MinCodeSeedLen {
			if !errors.Is(err, ErrCodeSeed) {
				t.Fatalf("short seed: %v", err)
			}
			return
		}
		if err != nil {
			t.Fatalf("%v.Code(%d): %v", cf, index, err)
		}
		if got, err := cf.Check(code); err != nil || got != code {
			t.Fatalf("%v: generated %q fails Check: %q, %v", cf, code, got, err)
		}
		if i, err := cf.Index(seed, code); err != nil || i != index {
			t.Fatalf("%v.Index(%q) = %d, %v, want %d", cf, code, i, err, index)
		}
		codeAssertAllSingleErrorsCaught(t, cf, code)
	})
}
