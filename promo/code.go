package promo

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"math"
	"math/bits"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Coupon codes (券码). This file holds the pure functions for coupon codes:
// normalisation of what a customer typed, a code format with a check
// character (校验位), deterministic batch generation from a secret seed, and
// validation that says which problem a code has. See CODES_DOC.md.

// CodeAlphabet is the alphabet of a coupon code's body and check character:
// the digits and upper-case Latin letters without the look-alikes 0/O and
// 1/I/L. Its 31 characters are a prime number, which the check character
// needs (see [CodeFormat]).
const CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// Limits of a [CodeFormat] and of one [CodeFormat.Generate] call.
const (
	// MinCodeBodyLen is the shortest body: 31^6 ≈ 8.9e8 possible bodies.
	MinCodeBodyLen = 6
	// MaxCodeBodyLen is the longest body.
	MaxCodeBodyLen = 24
	// MaxCodePrefixLen is the longest fixed prefix.
	MaxCodePrefixLen = 16
	// MinCodeSeedLen is the shortest secret seed, in bytes (128 bits).
	MinCodeSeedLen = 16
	// MaxCodeBatch is the most codes one [CodeFormat.Generate] call returns.
	MaxCodeBatch = 1_000_000
	// CodeSparsity bounds the share of live codes: a format issues at most
	// 31^bodyLen / CodeSparsity codes (indexes), so a guessed body with a
	// correct check character is a live code with probability at most
	// 1/CodeSparsity.
	CodeSparsity = 1000
)

// Sentinel errors of coupon codes. Every error of a coupon-code function
// is a *[FieldError] (Op "new code format", "check code", "generate codes"
// or "code index"); a problem with a code wraps a *[CodeError], which
// matches [ErrInvalidCode] and exactly one of ErrCodeEmpty, ErrCodeLength,
// ErrCodePrefix, ErrCodeCharacter and ErrCodeCheck.
var (
	// ErrInvalidCode: a coupon code (券码) is not well formed; every
	// *[CodeError] matches it.
	ErrInvalidCode = errors.New("promo: invalid coupon code")
	// ErrCodeEmpty: the code is empty after normalisation.
	ErrCodeEmpty = errors.New("promo: empty code")
	// ErrCodeLength: the code has the wrong number of characters.
	ErrCodeLength = errors.New("promo: wrong code length")
	// ErrCodePrefix: the code does not start with the format's prefix.
	ErrCodePrefix = errors.New("promo: wrong code prefix")
	// ErrCodeCharacter: a character of the body or check character is not in
	// [CodeAlphabet].
	ErrCodeCharacter = errors.New("promo: character not in the code alphabet")
	// ErrCodeCheck: the check character (校验位) does not match the body: a
	// mistyped character or two swapped neighbours.
	ErrCodeCheck = errors.New("promo: check character mismatch")
	// ErrCodeNotIssued: a well-formed code that the seed never issued (its
	// index is beyond the format's capacity), returned by [CodeFormat.Index].
	ErrCodeNotIssued = errors.New("promo: code not issued by this seed")
	// ErrInvalidCodeFormat: a prefix or body length outside the limits, or a
	// zero CodeFormat.
	ErrInvalidCodeFormat = errors.New("promo: invalid code format")
	// ErrCodeSeed: a generation seed shorter than [MinCodeSeedLen] bytes.
	ErrCodeSeed = errors.New("promo: code seed too short")
	// ErrCodeBatch: a batch size outside [0, MaxCodeBatch], or indexes
	// beyond the format's capacity.
	ErrCodeBatch = errors.New("promo: invalid code batch")
)

// CodeError reports what is wrong with a coupon code; [CodeFormat.Check]
// returns it inside a *[FieldError] whose Value is the code. It matches
// [ErrInvalidCode] and its Reason with errors.Is.
type CodeError struct {
	// Code is the normalised code (see [NormalizeCode]), clipped to 64 bytes.
	Code string
	// Reason is one of ErrCodeEmpty, ErrCodeLength, ErrCodePrefix,
	// ErrCodeCharacter, ErrCodeCheck.
	Reason error
	// WantLen and GotLen are the wanted and actual number of characters
	// (ErrCodeLength).
	WantLen, GotLen int
	// Prefix is the wanted prefix (ErrCodePrefix).
	Prefix string
	// Pos is the 1-based position of the first bad character in the
	// normalised code, and Char that character (ErrCodeCharacter).
	Pos  int
	Char rune
}

// Error describes the problem, never the expected check character:
// "promo: invalid coupon code: wrong code length: want 13 characters, got
// 12".
func (e *CodeError) Error() string {
	var why string
	switch e.Reason {
	case ErrCodeLength:
		why = fmt.Sprintf(": want %d characters, got %d", e.WantLen, e.GotLen)
	case ErrCodePrefix:
		why = fmt.Sprintf(": want %q", e.Prefix)
	case ErrCodeCharacter:
		why = fmt.Sprintf(": %q at position %d (0, O, 1, I, L are never used)", e.Char, e.Pos)
	case ErrCodeCheck:
		why = ": a mistyped character or two swapped neighbours"
	}
	return ErrInvalidCode.Error() + ": " + strings.TrimPrefix(e.Reason.Error(), "promo: ") + why
}

// Unwrap returns ErrInvalidCode and the Reason, so errors.Is matches both.
func (e *CodeError) Unwrap() []error { return []error{ErrInvalidCode, e.Reason} }

// NormalizeCode returns the canonical form of a code as typed or pasted by a
// customer, before it is checked or looked up:
//
//   - full-width ASCII forms U+FF01–U+FF5E (Ａ-Ｚ, ａ-ｚ, ０-９, －, as typed
//     with a Chinese input method) become their half-width ASCII characters;
//   - ASCII letters are upper-cased (codes are case-insensitive);
//   - separators are dropped wherever they are, not only at the ends: white
//     space (including the ideographic space U+3000 and no-break spaces),
//     hyphens and dashes (-, U+2010–U+2015, U+2212), and invisible
//     characters pasted from chat apps (U+200B–U+200D, U+2060, U+FEFF), so
//     "ab12-cd34", "AB12 CD34" and "ＡＢ１２ＣＤ３４" are all "AB12CD34";
//   - everything else is kept as it is (and rejected later by
//     [CodeFormat.Check]); invalid UTF-8 bytes become U+FFFD.
//
// NormalizeCode is idempotent and never fails. It does not map look-alikes
// (O to 0, I or L to 1) in general: the code alphabet has neither of each
// pair, so there is nothing to map them to; [CodeFormat.Check] does fold them
// inside the prefix.
func NormalizeCode(s string) string {
	if codeIsCanonical(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFF01 - '!'
		}
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteByte(byte(r - 'a' + 'A'))
		case r < utf8.RuneSelf && r != '-' && r != ' ' && (r < '\t' || r > '\r'):
			b.WriteByte(byte(r))
		case codeIsSeparator(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// codeIsCanonical reports whether s is printable ASCII without lower-case
// letters or separators, which NormalizeCode returns unchanged.
func codeIsCanonical(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= utf8.RuneSelf || c == '-' || (c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

// codeIsSeparator reports whether NormalizeCode drops r.
func codeIsSeparator(r rune) bool {
	switch r {
	case '-', 0x2212, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
		return true
	}
	return (r >= 0x2010 && r <= 0x2015) || unicode.IsSpace(r)
}

// codeValue maps an ASCII byte to its value in CodeAlphabet, or -1.
var codeValue = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(CodeAlphabet); i++ {
		t[CodeAlphabet[i]] = int8(i)
	}
	return t
}()

// codeRadix is the size of CodeAlphabet, a prime.
const codeRadix = uint64(len(CodeAlphabet))

// CodeFormat is the shape of a batch of coupon codes (券码): an optional fixed
// prefix, a body of BodyLen characters from [CodeAlphabet], and one check
// character (校验位) from the same alphabet: "SD11" + "7KX3M9QP" + "D".
//
// # Check character
//
// Write v(c) for a character's index in CodeAlphabet (0–30) and number the
// body characters and the check character 1 to m = BodyLen+1. The check
// character c_m is chosen so that
//
//	Σ_{i=1..m} i·v(c_i) ≡ 0 (mod 31).
//
// As m ≤ 25 < 31, the weight m is invertible mod 31 and
// v(c_m) = −m⁻¹·Σ_{i<m} i·v(c_i) mod 31 always exists. The prefix is not part
// of the sum; it is compared as a whole.
//
// Proof that every single substitution and every swap of two adjacent
// different characters is detected. Let a valid code have sum S ≡ 0.
//
//   - Substitution at position i of value a by b ≠ a: the sum changes by
//     i·(b−a). The weight i is in 1..m ⊂ 1..30, so 31 ∤ i; 0 < |b−a| < 31, so
//     31 ∤ (b−a). As 31 is prime, 31 ∤ i·(b−a), so the new sum is ≢ 0.
//   - Swap of positions i and i+1 holding a ≠ b: the sum changes by
//     i·b + (i+1)·a − i·a − (i+1)·b = a − b, and 0 < |a−b| < 31, so the new
//     sum is ≢ 0.
//
// Both cases include the check character itself (position m). A
// substitution or swap inside the prefix, or across the prefix and the
// body, changes the prefix and is reported as [ErrCodePrefix]. Other errors
// (two substitutions, a jump swap of distance 2 with weights differing by 2,
// …) are detected with probability 30/31 at best, not always.
//
// The zero CodeFormat is invalid: its methods return [ErrInvalidCodeFormat].
// A CodeFormat is a comparable value, safe for concurrent use.
type CodeFormat struct {
	prefix  string
	bodyLen int
}

// NewCodeFormat returns the format with the given prefix and body length.
// The prefix is normalised with [NormalizeCode] and must then be at most
// [MaxCodePrefixLen] digits and upper-case letters A–Z (any of them: "SD11" is
// fine, as Check folds look-alikes in the prefix); it may be empty. bodyLen
// must be in [MinCodeBodyLen, MaxCodeBodyLen]. Other values are errors
// wrapping [ErrInvalidCodeFormat].
func NewCodeFormat(prefix string, bodyLen int) (CodeFormat, error) {
	p := NormalizeCode(prefix)
	if len(p) > MaxCodePrefixLen {
		return CodeFormat{}, codeErr("new code format", "prefix", strconv.Quote(codeClip(p)), ErrInvalidCodeFormat, fmt.Sprintf("longer than %d characters", MaxCodePrefixLen))
	}
	for i := 0; i < len(p); i++ {
		if c := p[i]; !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return CodeFormat{}, codeErr("new code format", "prefix", strconv.Quote(p), ErrInvalidCodeFormat, fmt.Sprintf("%q at position %d is not a digit or letter A-Z", c, i+1))
		}
	}
	if bodyLen < MinCodeBodyLen || bodyLen > MaxCodeBodyLen {
		return CodeFormat{}, codeErr("new code format", "body_len", strconv.Itoa(bodyLen), ErrInvalidCodeFormat, fmt.Sprintf("want %d to %d", MinCodeBodyLen, MaxCodeBodyLen))
	}
	return CodeFormat{prefix: p, bodyLen: bodyLen}, nil
}

// MustCodeFormat is like [NewCodeFormat] but panics on an error; for tests,
// examples and package-level variables.
func MustCodeFormat(prefix string, bodyLen int) CodeFormat {
	f, err := NewCodeFormat(prefix, bodyLen)
	if err != nil {
		panic(fmt.Sprintf("promo.MustCodeFormat(%q, %d): %v", prefix, bodyLen, err))
	}
	return f
}

// Prefix returns the normalised fixed prefix, possibly empty.
func (f CodeFormat) Prefix() string { return f.prefix }

// BodyLen returns the number of body characters, without the prefix and
// the check character.
func (f CodeFormat) BodyLen() int { return f.bodyLen }

// Len returns the length of a whole code: prefix, body and check character.
// It is 0 for the zero CodeFormat.
func (f CodeFormat) Len() int {
	if !f.IsValid() {
		return 0
	}
	return len(f.prefix) + f.bodyLen + 1
}

// IsValid reports whether f was made by [NewCodeFormat] (the zero CodeFormat
// is not valid).
func (f CodeFormat) IsValid() bool {
	return f.bodyLen >= MinCodeBodyLen && f.bodyLen <= MaxCodeBodyLen && len(f.prefix) <= MaxCodePrefixLen
}

// String describes the format: "SD11 + 8 + check (13 characters)".
func (f CodeFormat) String() string {
	if !f.IsValid() {
		return "invalid code format"
	}
	p := f.prefix
	if p == "" {
		p = "no prefix"
	}
	return p + " + " + strconv.Itoa(f.bodyLen) + " + check (" + strconv.Itoa(f.Len()) + " characters)"
}

// Capacity returns how many codes f can issue: indexes 0 to Capacity()−1,
// which is ⌊31^BodyLen / CodeSparsity⌋ capped at the largest uint64. It is
// 887,503 for a 6-character body and 852,891,037 for 8.
func (f CodeFormat) Capacity() uint64 {
	if !f.IsValid() {
		return 0
	}
	var hi, lo uint64 = 0, 1
	for range f.bodyLen {
		h1, l1 := bits.Mul64(lo, codeRadix)
		hi, lo = hi*codeRadix+h1, l1 // 31^24 < 2^128: no overflow
	}
	if hi >= CodeSparsity {
		return math.MaxUint64
	}
	q, _ := bits.Div64(hi, lo, CodeSparsity)
	return q
}

// Check normalises code with [NormalizeCode] and validates it against f. It
// returns the canonical code, to store and look up, and nil; or the
// normalised input and a *[CodeError] saying which problem comes first, in
// this order: empty ([ErrCodeEmpty]), wrong number of characters
// ([ErrCodeLength]), wrong prefix ([ErrCodePrefix]), a body or check
// character outside [CodeAlphabet] ([ErrCodeCharacter], with the first such
// character and its 1-based position), and a check character that does not
// match the body ([ErrCodeCheck]). A zero f gives [ErrInvalidCodeFormat].
//
// In the prefix the look-alikes O and 0, and I, L and 1, are the same
// character: for the prefix "SD11" the input "sdIl7KX3M9QPD" is accepted and
// returned as "SD117KX3M9QPD". Check never panics and, for an input already in
// canonical form, does not allocate.
func (f CodeFormat) Check(code string) (string, error) {
	if !f.IsValid() {
		return "", codeErr("check code", "format", "", ErrInvalidCodeFormat, "the zero CodeFormat")
	}
	s := NormalizeCode(code)
	fail := func(e CodeError) (string, error) {
		e.Code = codeClip(s)
		return s, codeErr("check code", "code", strconv.Quote(e.Code), &e, "")
	}
	if s == "" {
		return fail(CodeError{Reason: ErrCodeEmpty})
	}
	if n := utf8.RuneCountInString(s); n != f.Len() {
		return fail(CodeError{Reason: ErrCodeLength, WantLen: f.Len(), GotLen: n})
	}
	// The length in runes is right; a multi-byte rune in the prefix part
	// makes len(s) longer, which the byte-wise comparison below rejects.
	p := len(f.prefix)
	if !codePrefixMatches(s[:p], f.prefix) {
		return fail(CodeError{Reason: ErrCodePrefix, Prefix: f.prefix})
	}
	var sum uint64
	for i, r := range s[p:] {
		v := int8(-1)
		if r < utf8.RuneSelf {
			v = codeValue[r]
		}
		if v < 0 {
			return fail(CodeError{Reason: ErrCodeCharacter, Pos: p + i + 1, Char: r})
		}
		// In this loop every rune is one byte, so i+1 is the weight.
		sum += uint64(i+1) * uint64(v)
	}
	if sum%codeRadix != 0 {
		return fail(CodeError{Reason: ErrCodeCheck})
	}
	if s[:p] != f.prefix {
		s = f.prefix + s[p:]
	}
	return s, nil
}

// codePrefixMatches compares a typed prefix with the format's, folding the
// look-alikes O to 0 and I, L to 1.
func codePrefixMatches(typed, want string) bool {
	for i := 0; i < len(want); i++ {
		if codeFoldLookalike(typed[i]) != codeFoldLookalike(want[i]) {
			return false
		}
	}
	return true
}

func codeFoldLookalike(c byte) byte {
	switch c {
	case 'O':
		return '0'
	case 'I', 'L':
		return '1'
	}
	return c
}

// codeCheckChar returns the check character of body digits d (values in
// 0..30): v = −m⁻¹·Σ i·d_i mod 31 with m = len(d)+1.
func codeCheckChar(d []uint8) byte {
	var sum uint64
	for i, v := range d {
		sum += uint64(i+1) * uint64(v)
	}
	m := uint64(len(d) + 1)
	inv := codePowMod(m, codeRadix-2) // Fermat: m^(p−2) ≡ m⁻¹ mod p
	v := (codeRadix - sum%codeRadix) % codeRadix * inv % codeRadix
	return CodeAlphabet[v]
}

func codePowMod(b, e uint64) uint64 {
	r := uint64(1)
	b %= codeRadix
	for ; e > 0; e >>= 1 {
		if e&1 == 1 {
			r = r * b % codeRadix
		}
		b = b * b % codeRadix
	}
	return r
}

// Generation: the body of the code with index i is the base-31 form of
// P(i), where P is a keyed pseudorandom permutation of [0, 31^BodyLen): a
// Feistel network of codeRounds rounds on two halves of ⌊BodyLen/2⌋ and
// ⌈BodyLen/2⌉ digits with modular addition (the FF1 construction of NIST
// SP 800-38G, with HMAC-SHA-256 as the round function). Being a
// permutation, distinct indexes always give distinct codes, within a batch
// and across batches.

const codeRounds = 10 // even, so the halves end in their starting sizes

// codeCipher is one format's permutation under one seed.
type codeCipher struct {
	mac    hash.Hash
	modA   uint64 // 31^u, u = ⌊BodyLen/2⌋: the high half
	modB   uint64 // 31^v, v = BodyLen − u: the low half
	u, v   int
	in     [9]byte
	sumBuf [sha256.Size]byte
}

func (f CodeFormat) codeNewCipher(seed []byte) (*codeCipher, error) {
	if !f.IsValid() {
		return nil, codeErr("", "format", "", ErrInvalidCodeFormat, "the zero CodeFormat")
	}
	if len(seed) < MinCodeSeedLen {
		return nil, codeErr("", "seed", "", ErrCodeSeed, fmt.Sprintf("%d bytes, want at least %d", len(seed), MinCodeSeedLen))
	}
	// The round key depends on the format, so one seed gives unrelated codes
	// for different prefixes and lengths.
	kdf := hmac.New(sha256.New, seed)
	kdf.Write([]byte("opskit/promo/code/v1\x00"))
	kdf.Write([]byte(f.prefix))
	kdf.Write([]byte{0, byte(f.bodyLen)})
	c := &codeCipher{u: f.bodyLen / 2}
	c.v = f.bodyLen - c.u
	c.mac = hmac.New(sha256.New, kdf.Sum(nil))
	c.modA, c.modB = codePow31(c.u), codePow31(c.v)
	return c, nil
}

func codePow31(n int) uint64 {
	r := uint64(1)
	for range n {
		r *= codeRadix
	}
	return r
}

// round returns F_r(x) mod m: HMAC(key, r ‖ x) read as a 128-bit number,
// reduced mod m (bias below 2^-68).
func (c *codeCipher) round(r int, x, m uint64) uint64 {
	c.in[0] = byte(r)
	binary.BigEndian.PutUint64(c.in[1:], x)
	c.mac.Reset()
	c.mac.Write(c.in[:])
	sum := c.mac.Sum(c.sumBuf[:0])
	return bits.Rem64(binary.BigEndian.Uint64(sum[:8]), binary.BigEndian.Uint64(sum[8:16]), m)
}

// permute maps index (< 31^BodyLen) to the body as (high, low) halves.
func (c *codeCipher) permute(index uint64) (a, b uint64) {
	a, b = index/c.modB, index%c.modB
	ma, mb := c.modA, c.modB
	for r := range codeRounds {
		a, b = b, (a+c.round(r, b, ma))%ma
		ma, mb = mb, ma
	}
	return a, b
}

// invert is the inverse of permute.
func (c *codeCipher) invert(a, b uint64) (hi, lo uint64) {
	ma, mb := c.modA, c.modB
	for r := codeRounds - 1; r >= 0; r-- {
		// Before round r the halves had moduli (mb, ma) in the current naming.
		ma, mb = mb, ma
		a, b = (b+ma-c.round(r, a, ma))%ma, a
	}
	return a, b
}

// write appends the code for body halves (a, b) to dst.
func (c *codeCipher) write(dst []byte, prefix string, a, b uint64) []byte {
	dst = append(dst, prefix...)
	var d [MaxCodeBodyLen]uint8
	for i := c.u - 1; i >= 0; i-- {
		d[i] = uint8(a % codeRadix)
		a /= codeRadix
	}
	for i := c.u + c.v - 1; i >= c.u; i-- {
		d[i] = uint8(b % codeRadix)
		b /= codeRadix
	}
	body := d[:c.u+c.v]
	for _, v := range body {
		dst = append(dst, CodeAlphabet[v])
	}
	return append(dst, codeCheckChar(body))
}

// Generate returns the n codes with indexes start, start+1, …, start+n−1,
// derived from the secret seed (at least [MinCodeSeedLen] bytes; keep it
// like a password, e.g. 32 bytes from crypto/rand in the caller's service).
//
// The same seed, format and index always give the same code, so a batch
// can be regenerated or extended: issue batches with consecutive start
// values and record the next index. Distinct indexes never give the same
// code (the body is a keyed permutation of the index; nothing is skipped),
// and without the seed the codes cannot be predicted from other codes.
// Errors: a seed shorter than MinCodeSeedLen ([ErrCodeSeed]); n < 0 or n >
// [MaxCodeBatch], or start+n beyond [CodeFormat.Capacity] ([ErrCodeBatch]);
// a zero f ([ErrInvalidCodeFormat]). n == 0 returns an empty slice.
func (f CodeFormat) Generate(seed []byte, start uint64, n int64) ([]string, error) {
	c, err := f.codeNewCipher(seed)
	if err != nil {
		return nil, withOp("generate codes", err)
	}
	if n < 0 || n > MaxCodeBatch {
		return nil, codeErr("generate codes", "n", strconv.FormatInt(n, 10), ErrCodeBatch, fmt.Sprintf("want 0 to %d", MaxCodeBatch))
	}
	if capa := f.Capacity(); start > capa || uint64(n) > capa-start {
		return nil, codeErr("generate codes", "start", strconv.FormatUint(start, 10), ErrCodeBatch,
			fmt.Sprintf("with n %d, indexes must stay below the capacity %d of %v", n, capa, f))
	}
	l := f.Len()
	buf := make([]byte, 0, int(n)*l) // n ≤ MaxCodeBatch, l ≤ 41: at most 41 MB
	for i := range uint64(n) {
		a, b := c.permute(start + i)
		buf = c.write(buf, f.prefix, a, b)
	}
	all := string(buf) // one allocation; the codes share it
	codes := make([]string, n)
	for i := range codes {
		codes[i] = all[i*l : (i+1)*l]
	}
	return codes, nil
}

// Code returns the single code with the given index; it equals
// Generate(seed, index, 1)[0] and has the same errors.
func (f CodeFormat) Code(seed []byte, index uint64) (string, error) {
	codes, err := f.Generate(seed, index, 1)
	if err != nil {
		return "", err
	}
	return codes[0], nil
}

// Index returns the index from which seed generates code: the inverse of
// [CodeFormat.Code]. It lets a service holding the seed recognise its own
// codes offline: a code whose index is at or above the number of codes
// issued so far was never given out. Errors: the code fails
// [CodeFormat.Check] (a *[CodeError]); the seed is too short ([ErrCodeSeed]);
// the code is well formed but its index is not below [CodeFormat.Capacity]
// ([ErrCodeNotIssued]), which is what a guessed code with a correct check
// character gives with probability at least 1 − 1/[CodeSparsity].
func (f CodeFormat) Index(seed []byte, code string) (uint64, error) {
	s, err := f.Check(code)
	if err != nil {
		if fe, ok := err.(*FieldError); ok {
			fe.Op = "code index" // a fresh error of Check's
		}
		return 0, err
	}
	c, err := f.codeNewCipher(seed)
	if err != nil {
		return 0, withOp("code index", err)
	}
	var a, b uint64
	body := s[len(f.prefix) : len(s)-1]
	for i := 0; i < c.u; i++ {
		a = a*codeRadix + uint64(codeValue[body[i]])
	}
	for i := c.u; i < len(body); i++ {
		b = b*codeRadix + uint64(codeValue[body[i]])
	}
	hi, lo := c.invert(a, b)
	mh, ml := bits.Mul64(hi, c.modB)
	idx, carry := bits.Add64(ml, lo, 0)
	if mh != 0 || carry != 0 || idx >= f.Capacity() {
		return 0, codeErr("code index", "code", strconv.Quote(codeClip(s)), ErrCodeNotIssued, "")
	}
	return idx, nil
}

// codeErr is a coupon-code *FieldError; op "" leaves it to the caller.
func codeErr(op, field, value string, err error, detail string) error {
	return &FieldError{Op: op, Field: field, Value: value, Err: err, Detail: detail}
}

// codeClip shortens s to at most 64 bytes on a rune boundary, for messages.
func codeClip(s string) string {
	if len(s) <= 64 {
		return s
	}
	i := 61
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "..."
}
