package promo

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// codeTestSeed is a fixed 32-byte secret for tests; real seeds come from
// crypto/rand in the caller's service.
var codeTestSeed = []byte("opskit-test-seed-0123456789abcde")

func TestNormalizeCode(t *testing.T) {
	tests := []struct {
		give string
		want string
	}{
		{"AB12CD34", "AB12CD34"},
		{"ab12cd34", "AB12CD34"},
		{"ab12-cd34", "AB12CD34"},
		{"AB12 CD34", "AB12CD34"},
		{"  AB12CD34\t\n", "AB12CD34"},
		{"\u3000AB12CD34\u3000", "AB12CD34"},             // ideographic space
		{"ＡＢ１２ＣＤ３４", "AB12CD34"},                         // full-width letters and digits
		{"ａｂ１２－ｃｄ３４", "AB12CD34"},                        // full-width lower case and hyphen
		{"AB\u00a012\u2014CD\u201334", "AB12CD34"},       // no-break space, em and en dash
		{"\ufeffAB12\u200bCD34\u2060", "AB12CD34"},       // BOM, zero-width space, word joiner
		{"AB\u221212\u2010CD\u200c\u200d34", "AB12CD34"}, // minus sign, hyphen, ZWNJ, ZWJ
		{"ab_12.cd", "AB_12.CD"},                         // other punctuation is kept
		{"Ｏ０ｌ１", "O0L1"},                                 // no look-alike mapping
		{"券码ab", "券码AB"},                                 // non-ASCII kept
		{"ß", "ß"},                                       // only ASCII letters change case
		{"a\xffb", "A\ufffdB"},                           // invalid UTF-8
		{"\x00A", "\x00A"},                               // controls other than white space are kept
		{"", ""},
		{" - \u3000", ""},
	}
	for _, tt := range tests {
		got := NormalizeCode(tt.give)
		assert.Equal(t, tt.want, got, "NormalizeCode(%q)", tt.give)
		assert.Equal(t, got, NormalizeCode(got), "NormalizeCode not idempotent on %q", tt.give)
	}
}

func TestNewCodeFormat(t *testing.T) {
	tests := []struct {
		give    string
		bodyLen int
		want    string // normalised prefix
		wantLen int
	}{
		{"SD11", 8, "SD11", 13},
		{"sd-11", 8, "SD11", 13},
		{"ｓｄ１１", 6, "SD11", 11},
		{"", 6, "", 7},
		{"ABCDEFGHIJKLMNOP", 24, "ABCDEFGHIJKLMNOP", 41},
	}
	for _, tt := range tests {
		f, err := NewCodeFormat(tt.give, tt.bodyLen)
		require.NoError(t, err, "NewCodeFormat(%q, %d)", tt.give, tt.bodyLen)
		assert.Equal(t, tt.want, f.Prefix(), "NewCodeFormat(%q, %d).Prefix()", tt.give, tt.bodyLen)
		assert.Equal(t, tt.bodyLen, f.BodyLen())
		assert.Equal(t, tt.wantLen, f.Len())
		assert.True(t, f.IsValid())
		assert.Equal(t, MustCodeFormat(tt.give, tt.bodyLen), f, "a CodeFormat is a comparable value")
	}
}

func TestNewCodeFormatErrors(t *testing.T) {
	tests := []struct {
		give    string
		bodyLen int
		want    string // in the message
	}{
		{"SD11", 5, "body_len 5"},
		{"SD11", 25, "body_len 25"},
		{"SD11", -1, "body_len -1"},
		{"SD_11", 8, `'_' at position 3`},
		{"双11", 8, `position 1`},
		{"ABCDEFGHIJKLMNOPQ", 8, "longer than 16"},
		{strings.Repeat("A", 100), 8, "..."},
	}
	for _, tt := range tests {
		_, err := NewCodeFormat(tt.give, tt.bodyLen)
		require.ErrorIs(t, err, ErrInvalidCodeFormat, "NewCodeFormat(%q, %d)", tt.give, tt.bodyLen)
		assert.Contains(t, err.Error(), tt.want, "NewCodeFormat(%q, %d)", tt.give, tt.bodyLen)
	}
	assert.PanicsWithValue(t,
		`promo.MustCodeFormat("SD11", 2): promo: new code format: body_len 2: invalid code format: want 6 to 24`,
		func() { MustCodeFormat("SD11", 2) })
}

func TestCodeFormatZero(t *testing.T) {
	var f CodeFormat
	assert.False(t, f.IsValid())
	assert.Equal(t, 0, f.Len())
	assert.Equal(t, uint64(0), f.Capacity())
	assert.Equal(t, "invalid code format", f.String())
	_, err := f.Check("ABC")
	assert.ErrorIs(t, err, ErrInvalidCodeFormat)
	_, err = f.Generate(codeTestSeed, 0, 1)
	assert.ErrorIs(t, err, ErrInvalidCodeFormat)
	_, err = f.Code(codeTestSeed, 0)
	assert.ErrorIs(t, err, ErrInvalidCodeFormat)
	_, err = f.Index(codeTestSeed, "ABC")
	assert.ErrorIs(t, err, ErrInvalidCodeFormat)
}

func TestCodeFormatStringCapacity(t *testing.T) {
	tests := []struct {
		give CodeFormat
		want string
		capa uint64
	}{
		{MustCodeFormat("SD11", 8), "SD11 + 8 + check (13 characters)", 852_891_037},
		{MustCodeFormat("", 6), "no prefix + 6 + check (7 characters)", 887_503},
		{MustCodeFormat("", 12), "no prefix + 12 + check (13 characters)", 787_662_783_788_549},
		{MustCodeFormat("", 13), "no prefix + 13 + check (14 characters)", 24_417_546_297_445_042},
		{MustCodeFormat("", 14), "no prefix + 14 + check (15 characters)", 756_943_935_220_796_320},
		{MustCodeFormat("", 15), "no prefix + 15 + check (16 characters)", math.MaxUint64},
		{MustCodeFormat("", 24), "no prefix + 24 + check (25 characters)", math.MaxUint64},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.give.String())
		assert.Equal(t, tt.capa, tt.give.Capacity(), "%v.Capacity()", tt.give)
	}
}

// TestCodeGenerateKnownAnswer pins the generated codes: changing the
// algorithm would silently change the codes a caller regenerates from its
// seed, so it must show up here.
func TestCodeGenerateKnownAnswer(t *testing.T) {
	f := MustCodeFormat("SD11", 8)
	got, err := f.Generate(codeTestSeed, 0, 4)
	require.NoError(t, err)
	assert.Equal(t, codeKnownAnswer, got)
}

func TestCodeGenerate(t *testing.T) {
	for _, f := range []CodeFormat{
		MustCodeFormat("SD11", 8), MustCodeFormat("", 6), MustCodeFormat("Q", 12),
		MustCodeFormat("Q", 13), MustCodeFormat("", 24),
	} {
		codes, err := f.Generate(codeTestSeed, 1000, 200)
		require.NoError(t, err, "%v", f)
		require.Len(t, codes, 200)
		seen := make(map[string]bool)
		for i, c := range codes {
			assert.Len(t, c, f.Len())
			assert.True(t, strings.HasPrefix(c, f.Prefix()))
			got, err := f.Check(c)
			assert.NoError(t, err, "%v: code %d %q", f, i, c)
			assert.Equal(t, c, got)
			assert.False(t, seen[c], "%v: duplicate %q", f, c)
			seen[c] = true
			one, err := f.Code(codeTestSeed, 1000+uint64(i))
			require.NoError(t, err)
			assert.Equal(t, c, one, "%v.Code(seed, %d)", f, 1000+i)
			idx, err := f.Index(codeTestSeed, strings.ToLower(c))
			require.NoError(t, err)
			assert.Equal(t, 1000+uint64(i), idx, "%v.Index(seed, %q)", f, c)
		}
		// Deterministic, and batches compose: [1000, 1200) = [1000, 1100) + [1100, 1200).
		again, err := f.Generate(codeTestSeed, 1000, 100)
		require.NoError(t, err)
		assert.Equal(t, codes[:100], again)
		rest, err := f.Generate(codeTestSeed, 1100, 100)
		require.NoError(t, err)
		assert.Equal(t, codes[100:], rest)
		// Another seed gives other codes.
		other, err := f.Generate([]byte("another-seed-of-sixteen-bytes!!!"), 1000, 200)
		require.NoError(t, err)
		for _, c := range other {
			assert.False(t, seen[c], "%v: %q under two seeds", f, c)
		}
	}
	empty, err := MustCodeFormat("", 6).Generate(codeTestSeed, 0, 0)
	require.NoError(t, err)
	assert.NotNil(t, empty)
	assert.Empty(t, empty)
}

// TestCodeGenerateNoDuplicates generates a dense batch of the smallest
// format and checks that every code is distinct and maps back to its index.
func TestCodeGenerateNoDuplicates(t *testing.T) {
	f := MustCodeFormat("", 6)
	n := int64(20_000)
	if testing.Short() {
		n = 2_000
	}
	codes, err := f.Generate(codeTestSeed, f.Capacity()-uint64(n), n)
	require.NoError(t, err)
	seen := make(map[string]bool, n)
	for _, c := range codes {
		require.False(t, seen[c], "duplicate %q", c)
		seen[c] = true
	}
}

func TestCodeFormatsAreIndependent(t *testing.T) {
	a, err := MustCodeFormat("A", 8).Code(codeTestSeed, 0)
	require.NoError(t, err)
	b, err := MustCodeFormat("B", 8).Code(codeTestSeed, 0)
	require.NoError(t, err)
	assert.NotEqual(t, a[1:], b[1:], "the prefix is part of the key")
}

func TestCodeGenerateErrors(t *testing.T) {
	f := MustCodeFormat("SD11", 8)
	tests := []struct {
		name  string
		seed  []byte
		start uint64
		n     int64
		want  error
	}{
		{"nil seed", nil, 0, 1, ErrCodeSeed},
		{"short seed", []byte("fifteen-bytes!!"), 0, 1, ErrCodeSeed},
		{"negative n", codeTestSeed, 0, -1, ErrCodeBatch},
		{"n above MaxCodeBatch", codeTestSeed, 0, MaxCodeBatch + 1, ErrCodeBatch},
		{"start beyond capacity", codeTestSeed, f.Capacity() + 1, 0, ErrCodeBatch},
		{"end beyond capacity", codeTestSeed, f.Capacity() - 1, 2, ErrCodeBatch},
		{"start near MaxUint64", codeTestSeed, math.MaxUint64, 1, ErrCodeBatch},
	}
	for _, tt := range tests {
		_, err := f.Generate(tt.seed, tt.start, tt.n)
		assert.ErrorIs(t, err, tt.want, tt.name)
		if tt.n == 1 {
			_, err = f.Code(tt.seed, tt.start)
			assert.ErrorIs(t, err, tt.want, tt.name)
		}
	}
	_, err := f.Generate(codeTestSeed, f.Capacity()-1, 1)
	assert.NoError(t, err, "the last index is usable")
	_, err = f.Generate(codeTestSeed, 0, -1)
	assert.EqualError(t, err, "promo: generate codes: n -1: invalid code batch: want 0 to 1000000")
	_, err = f.Generate([]byte("short"), 0, 1)
	assert.EqualError(t, err, "promo: generate codes: seed: code seed too short: 5 bytes, want at least 16")
}

func TestCodeCheck(t *testing.T) {
	f := MustCodeFormat("SD11", 8)
	valid := codeKnownAnswer[0] // SD11 + body + check
	body := valid[4:]
	tests := []struct {
		give string
		want string
	}{
		{valid, valid},
		{strings.ToLower(valid), valid},
		{" SD11-" + body[:4] + "-" + body[4:] + " ", valid},
		{"SD11 " + body[:4] + " " + body[4:], valid},
		{"ＳＤ１１" + body, valid},
		{"sdIl" + body, valid}, // look-alikes folded in the prefix
		{"SDLI" + body, valid},
		{"\u3000" + valid + "\u3000", valid},
	}
	for _, tt := range tests {
		got, err := f.Check(tt.give)
		require.NoError(t, err, "Check(%q)", tt.give)
		assert.Equal(t, tt.want, got, "Check(%q)", tt.give)
	}
	g := MustCodeFormat("OIL0", 6)
	c, err := g.Code(codeTestSeed, 7)
	require.NoError(t, err)
	got, err := g.Check("01l0" + c[4:])
	require.NoError(t, err)
	assert.Equal(t, c, got)
}

func TestCodeCheckErrors(t *testing.T) {
	f := MustCodeFormat("SD11", 8)
	valid := codeKnownAnswer[0]
	body := valid[4:]
	bad := []byte(valid)
	bad[6] = codeOtherChar(bad[6])
	tests := []struct {
		give   string
		want   error
		wantE  CodeError // fields other than Code and Reason
		substr string
	}{
		{"", ErrCodeEmpty, CodeError{}, `code "": invalid coupon code: empty code`},
		{" - ", ErrCodeEmpty, CodeError{}, "empty"},
		{valid[:12], ErrCodeLength, CodeError{WantLen: 13, GotLen: 12}, "want 13 characters, got 12"},
		{valid + "2", ErrCodeLength, CodeError{WantLen: 13, GotLen: 14}, "got 14"},
		{"券" + valid[1:], ErrCodePrefix, CodeError{Prefix: "SD11"}, `wrong code prefix: want "SD11"`},
		{"SD12" + body, ErrCodePrefix, CodeError{Prefix: "SD11"}, "wrong code prefix"},
		{"XX11" + body, ErrCodePrefix, CodeError{Prefix: "SD11"}, "wrong code prefix"},
		{"SD11" + body[:3] + "O" + body[4:], ErrCodeCharacter, CodeError{Pos: 8, Char: 'O'}, `'O' at position 8`},
		{"SD11" + body[:3] + "0" + body[4:], ErrCodeCharacter, CodeError{Pos: 8, Char: '0'}, `'0' at position 8`},
		{"SD11" + body[:8] + "l", ErrCodeCharacter, CodeError{Pos: 13, Char: 'L'}, `'L' at position 13`},
		{"SD11券" + body[1:], ErrCodeCharacter, CodeError{Pos: 5, Char: '券'}, `'券' at position 5`},
		{"SD11" + body[:2] + "_" + body[3:], ErrCodeCharacter, CodeError{Pos: 7, Char: '_'}, "position 7"},
		{string(bad), ErrCodeCheck, CodeError{}, "check character mismatch: a mistyped character or two swapped neighbours"},
		{strings.Repeat("优", 40), ErrCodeLength, CodeError{WantLen: 13, GotLen: 40}, "..."},
	}
	for _, tt := range tests {
		got, err := f.Check(tt.give)
		require.Error(t, err, "Check(%q)", tt.give)
		assert.ErrorIs(t, err, ErrInvalidCode, "Check(%q)", tt.give)
		assert.ErrorIs(t, err, tt.want, "Check(%q)", tt.give)
		assert.Equal(t, NormalizeCode(tt.give), got, "Check(%q) returns the normalised input", tt.give)
		var ce *CodeError
		require.True(t, errors.As(err, &ce))
		tt.wantE.Reason = tt.want
		tt.wantE.Code = codeClip(NormalizeCode(tt.give))
		assert.Equal(t, tt.wantE, *ce, "Check(%q)", tt.give)
		assert.Contains(t, err.Error(), tt.substr, "Check(%q)", tt.give)
	}
}

// TestCodeCheckCatchesEverySingleError changes every position of generated
// codes to every other character that could be typed (the alphabet, the
// look-alikes, the rest of A–Z and 0–9) and swaps every pair of different
// neighbours: each change must fail Check, except a look-alike typed in the
// prefix, which denotes the same code.
func TestCodeCheckCatchesEverySingleError(t *testing.T) {
	for _, f := range []CodeFormat{MustCodeFormat("SD11", 8), MustCodeFormat("", 6), MustCodeFormat("P0", 24)} {
		codes, err := f.Generate(codeTestSeed, 0, 20)
		require.NoError(t, err)
		for _, c := range codes {
			codeAssertAllSingleErrorsCaught(t, f, c)
		}
	}
}

// codeAssertAllSingleErrorsCaught is shared with the fuzz target.
func codeAssertAllSingleErrorsCaught(t *testing.T, f CodeFormat, c string) {
	t.Helper()
	const typed = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	b := []byte(c)
	p := len(f.Prefix())
	for i := range b {
		orig := b[i]
		for j := 0; j < len(typed); j++ {
			r := typed[j]
			if r == orig || (i < p && codeFoldLookalike(r) == codeFoldLookalike(orig)) {
				continue
			}
			b[i] = r
			if _, err := f.Check(string(b)); err == nil {
				t.Fatalf("%v: %q with position %d changed to %q passes Check", f, c, i+1, r)
			}
		}
		b[i] = orig
	}
	for i := 0; i+1 < len(b); i++ {
		if b[i] == b[i+1] || (i+1 < p && codeFoldLookalike(b[i]) == codeFoldLookalike(b[i+1])) {
			continue
		}
		b[i], b[i+1] = b[i+1], b[i]
		_, err := f.Check(string(b))
		b[i], b[i+1] = b[i+1], b[i]
		if err == nil {
			t.Fatalf("%v: %q with positions %d and %d swapped passes Check", f, c, i+1, i+2)
		}
	}
}

// TestCodeCheckCharacterProof checks the arithmetic the proof in the
// CodeFormat doc relies on, for every weight a body length allows.
func TestCodeCheckCharacterProof(t *testing.T) {
	p := int(codeRadix)
	for w := 1; w <= MaxCodeBodyLen+1; w++ {
		for a := range p {
			for b := range p {
				if a != b && (w*(b-a)%p+p)%p == 0 {
					t.Fatalf("weight %d: substitution %d -> %d undetected", w, a, b)
				}
			}
		}
		assert.Equal(t, uint64(1), uint64(w)*codePowMod(uint64(w), codeRadix-2)%codeRadix, "inverse of %d", w)
	}
	// Every body of length 6 over three values gets a check character that
	// makes the weighted sum 0.
	d := make([]uint8, 6)
	for x := range 3 * 3 * 3 * 3 * 3 * 3 {
		for i, y := 0, x; i < len(d); i, y = i+1, y/3 {
			d[i] = uint8(y%3) * 10
		}
		c := codeCheckChar(d)
		sum := 7 * int(codeValue[c])
		for i, v := range d {
			sum += (i + 1) * int(v)
		}
		require.Zero(t, sum%p, "body %v check %q", d, c)
	}
}

func TestCodeAlphabet(t *testing.T) {
	assert.Len(t, CodeAlphabet, 31)
	for _, c := range "0O1IL" {
		assert.NotContains(t, CodeAlphabet, string(c))
	}
	seen := map[rune]bool{}
	for i, c := range CodeAlphabet {
		assert.False(t, seen[c], "duplicate %q", c)
		seen[c] = true
		assert.Equal(t, int8(i), codeValue[c])
	}
}

func TestCodeIndexErrors(t *testing.T) {
	f := MustCodeFormat("SD11", 8)
	_, err := f.Index(codeTestSeed, "SD11")
	assert.ErrorIs(t, err, ErrCodeLength)
	_, err = f.Index([]byte("short"), codeKnownAnswer[0])
	assert.ErrorIs(t, err, ErrCodeSeed)
	// A well-formed body that no index below the capacity produces: about
	// 999 in 1000 valid codes are such, so build valid codes until one is.
	notIssued := 0
	for x := range 50 {
		d := []uint8{uint8(x % 31), uint8(x / 31), 3, 4, 5, 6, 7, 8}
		code := "SD11" + codeBodyString(d) + string(codeCheckChar(d))
		_, err := f.Index(codeTestSeed, code)
		if err != nil {
			require.ErrorIs(t, err, ErrCodeNotIssued, code)
			assert.Contains(t, err.Error(), code)
			notIssued++
		}
	}
	assert.Greater(t, notIssued, 40)
	// With a 24-character body the inverse index overflows uint64.
	g := MustCodeFormat("", 24)
	d := make([]uint8, 24)
	for i := range d {
		d[i] = 30
	}
	_, err = g.Index(codeTestSeed, codeBodyString(d)+string(codeCheckChar(d)))
	assert.ErrorIs(t, err, ErrCodeNotIssued)
}

func TestCodeErrorMessages(t *testing.T) {
	e := &CodeError{Code: "SD11", Reason: ErrCodeEmpty}
	assert.Equal(t, `promo: invalid coupon code: empty code`, e.Error())
	assert.Equal(t, "ABC", codeClip("ABC"))
	long := strings.Repeat("A", 60) + "优优"
	assert.Equal(t, strings.Repeat("A", 60)+"...", codeClip(long))
}

func TestCodeCheckAllocs(t *testing.T) {
	f := MustCodeFormat("SD11", 8)
	c := codeKnownAnswer[1]
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := f.Check(c); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs, "Check of a canonical valid code")
}

func codeBodyString(d []uint8) string {
	b := make([]byte, len(d))
	for i, v := range d {
		b[i] = CodeAlphabet[v]
	}
	return string(b)
}

// codeOtherChar returns another alphabet character than c.
func codeOtherChar(c byte) byte {
	v := codeValue[c]
	return CodeAlphabet[(int(v)+1)%len(CodeAlphabet)]
}

// codeKnownAnswer is MustCodeFormat("SD11", 8).Generate(codeTestSeed, 0, 4).
var codeKnownAnswer = []string{"SD11VUYVSE8XF", "SD11VUXBZQSSJ", "SD11X4TK4UHJF", "SD11QVRPBXEMZ"}
