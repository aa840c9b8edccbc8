package promo_test

import (
	"strings"
	"testing"

	"github.com/opskit/opskit/pricing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Coupon-code survivors of issue 19's whole-package run: each case sits on
// one edge of a range in NormalizeCode or NewCodeFormat (code.go). The
// expected strings follow from the documented rules and the Unicode code
// charts: U+FF01 '！' and U+FF5E '～' are the first and last full-width
// ASCII forms (half-width '!' and '~'); U+2010 to U+2015 are the dashes
// dropped as separators (U+2015 HORIZONTAL BAR the last); U+0080 is the
// first code point outside ASCII, a C1 control that is kept as it is.
func TestMutationRestNormalizeCodeEdges(t *testing.T) {
	tests := []struct {
		give, want string
	}{
		{"A\uff01B", "A!B"},          // first full-width form (code.go:148 r >= 0xFF01)
		{"A\uff5eB", "A~B"},          // last full-width form (code.go:148 r <= 0xFF5E)
		{"A\uff00B", "A\uff00B"},     // just below the range: kept
		{"A\uff5fB", "A\uff5fB"},     // just above it (full-width left white parenthesis): kept
		{"A\u0080B", "A\u0080B"},     // U+0080 is not ASCII: written as its two UTF-8 bytes (code.go:154 r < RuneSelf)
		{"A\u007fB", "A\u007fB"},     // DEL, the last ASCII byte, kept
		{"AB\rCD", "ABCD"},           // '\r', the last of \t..\r, is white space (code.go:154 r > '\r')
		{"AB\tCD", "ABCD"},           // '\t', the first
		{"AB\x0eCD", "AB\x0eCD"},     // just above '\r': a control, kept
		{"AB\x08CD", "AB\x08CD"},     // just below '\t': kept
		{"A\x80", "A\ufffd"},         // a lone byte 0x80 is invalid UTF-8 (code.go:169 c >= RuneSelf)
		{"aaaa", "AAAA"},             // 'a', the first lower-case letter (code.go:169 c >= 'a')
		{"zzzz", "ZZZZ"},             // 'z', the last
		{"A`{B", "A`{B"},             // '`' and '{', either side of a..z: kept
		{"AB\u2015CD", "ABCD"},       // U+2015, the last dash dropped (code.go:182 r <= 0x2015)
		{"AB\u2010CD", "ABCD"},       // U+2010, the first
		{"AB\u2016CD", "AB\u2016CD"}, // U+2016 DOUBLE VERTICAL LINE: kept
		{"AB\u200fCD", "AB\u200fCD"}, // U+200F RIGHT-TO-LEFT MARK: not in the list, kept
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, promo.NormalizeCode(tt.give), "NormalizeCode(%q)", tt.give)
	}
}

// A prefix may use every digit and every letter A-Z, the ends of each range
// included (code.go:250, `c <= '9'` and `c <= 'Z'`); the characters just
// outside them are errors.
func TestMutationRestCodePrefixEdges(t *testing.T) {
	for _, p := range []string{"0", "9", "A", "Z", "09AZ"} {
		f, err := promo.NewCodeFormat(p, 8)
		require.NoError(t, err, "prefix %q", p)
		assert.Equal(t, p, f.Prefix())
		assert.Equal(t, len(p)+9, f.Len())
	}
	for _, p := range []string{"/", ":", "@", "["} {
		_, err := promo.NewCodeFormat(p, 8)
		assert.ErrorIs(t, err, promo.ErrInvalidCodeFormat, "prefix %q", p)
	}
}

// Generate's batch size and capacity edges (code.go:541, 544): n == 0 is an
// empty batch, not an error; a batch may end exactly at the capacity
// (887,503 for a 6-character body, ⌊31^6 / 1000⌋ = ⌊887,503,681 / 1000⌋)
// and not one index beyond.
func TestMutationRestGenerateEdges(t *testing.T) {
	seed := []byte("mutation-rest-seed-0123456789abc")
	f := promo.MustCodeFormat("", 6)
	require.Equal(t, uint64(887_503), f.Capacity())

	codes, err := f.Generate(seed, 0, 0)
	require.NoError(t, err, "n = 0")
	assert.Empty(t, codes)

	codes, err = f.Generate(seed, 887_501, 2) // indexes 887,501 and 887,502: the last two
	require.NoError(t, err)
	require.Len(t, codes, 2)
	for i, c := range codes {
		idx, err := f.Index(seed, c)
		require.NoError(t, err)
		assert.Equal(t, uint64(887_501+i), idx)
	}
	_, err = f.Generate(seed, 887_502, 2) // would reach index 887,503
	assert.ErrorIs(t, err, promo.ErrCodeBatch)
	_, err = f.Generate(seed, 887_503, 0) // empty, at the capacity: allowed
	assert.NoError(t, err)
}

// A CodeError carries the normalised code whole up to 64 bytes, and clipped
// to 61 bytes and "..." beyond (code.go:616 codeClip).
func TestMutationRestCodeErrorClip(t *testing.T) {
	f := promo.MustCodeFormat("", 8) // 9 characters
	for _, tt := range []struct {
		n    int
		want string
	}{
		{64, strings.Repeat("A", 64)},
		{65, strings.Repeat("A", 61) + "..."},
	} {
		_, err := f.Check(strings.Repeat("A", tt.n))
		var ce *promo.CodeError
		require.ErrorAs(t, err, &ce)
		assert.ErrorIs(t, err, promo.ErrCodeLength)
		assert.Equal(t, tt.want, ce.Code, "%d characters", tt.n)
		assert.Equal(t, tt.n, ce.GotLen)
	}
}

// A coupon of continuation bytes only (invalid UTF-8, longer than
// MaxCouponLen) is refused with ErrTooLarge, its value clipped to "..."
// (code.go:620: the clip stops at the string's start, never before it).
func TestMutationRestCouponClipInvalidUTF8(t *testing.T) {
	bad := strings.Repeat("\x80", promo.MaxCouponLen+1)
	c := cart(line("a", 1, "10.00"))
	c.Coupons = []string{bad}
	e, err := promo.NewEngine(pricing.CNY, nil)
	require.NoError(t, err)
	_, err = e.Evaluate(c)
	require.ErrorIs(t, err, promo.ErrTooLarge)
	var fe *promo.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, `"..."`, fe.Value)
}

// A batch of exactly MaxCodeBatch codes passes the size check (code.go:541,
// `n > MaxCodeBatch`) and is then judged against the capacity: a 6-character
// body issues only 887,503 codes, so the error names "start", not "n".
// One more is refused by the size check itself.
func TestMutationRestGenerateMaxBatch(t *testing.T) {
	seed := []byte("mutation-rest-seed-0123456789abc")
	f := promo.MustCodeFormat("", 6)
	var fe *promo.FieldError
	_, err := f.Generate(seed, 0, promo.MaxCodeBatch)
	require.ErrorAs(t, err, &fe)
	assert.ErrorIs(t, err, promo.ErrCodeBatch)
	assert.Equal(t, "start", fe.Field, "%v", err)
	_, err = f.Generate(seed, 0, promo.MaxCodeBatch+1)
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "n", fe.Field, "%v", err)
}
