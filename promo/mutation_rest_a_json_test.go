package promo_test

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// problemsOf decodes doc and returns its problems as "field|value|detail".
func problemsOf(t *testing.T, doc string, opts ...promo.Option) []string {
	t.Helper()
	_, err := promo.DecodeCampaign([]byte(doc), opts...)
	var ce *promo.CampaignError
	require.True(t, errors.As(err, &ce), "%v", err)
	var out []string
	for _, p := range ce.Problems {
		out = append(out, p.Field+"|"+p.Value+"|"+p.Detail)
	}
	return out
}

// Campaign-level problems sort first (json.go promotionIndex), whatever
// the key: an unknown top-level key that looks like a promotion path but
// is not one ("promotions[x" without its bracket, "promotions[y]" without
// an index) is a campaign-level problem, like "zz". The promotions'
// problems follow in promotion order.
func TestMutationRestProblemOrder(t *testing.T) {
	got := problemsOf(t, `{"currency":"CNY","promotions":[{"id":"a"},{"id":"b"},{"id":"c"}],"promotions[x":1,"promotions[y]":2,"zz":3}`)
	assert.Equal(t, []string{
		"promotions[x||unknown field",
		"promotions[y]||unknown field",
		"zz||unknown field",
		"promotions[0].action||an action is required",
		"promotions[1].action||an action is required",
		"promotions[2].action||an action is required",
	}, got)
}

// A value of the wrong type is named in the problem's Value when it is a
// scalar, and described in the detail when it is an object or a list
// (json.go addGot).
func TestMutationRestWrongTypeProblem(t *testing.T) {
	for _, tt := range []struct{ doc, want string }{
		{`{"currency":5}`, "currency|5|want a string"},
		{`{"currency":"CNY","name":true}`, "name|true|want a string"},
		{`{"currency":{}}`, "currency||want a string, got an object"},
		{`{"currency":[1]}`, "currency||want a string, got a list"},
	} {
		assert.Equal(t, []string{tt.want}, problemsOf(t, tt.doc), tt.doc)
	}
}

// Two quantity tiers at the same minimum: the decoder's own problem, with
// the lower tier's minimum in the detail (json.go checkForm, `<=`).
func TestMutationRestEqualQuantityTiers(t *testing.T) {
	got := problemsOf(t, `{"currency":"CNY","promotions":[{"id":"q","action":{"kind":"threshold","basis":"quantity",`+
		`"tiers":[{"min_qty":2,"off":"1.00"},{"min_qty":2,"off":"2.00"}]}}]}`)
	assert.Equal(t, []string{"promotions[0].action.tiers[1].min_qty||must be greater than tiers[0].min_qty (2)"}, got)
}

// A document of exactly the byte limit is read; one byte more is refused
// (json.go DecodeCampaign, `len(data) > maxBytes`).
func TestMutationRestMaxCampaignBytesExact(t *testing.T) {
	doc := `{"currency":"CNY","promotions":[{"id":"a","action":{"kind":"percent-off","rate":"9折"}}]}`
	c, err := promo.DecodeCampaign([]byte(doc), promo.WithMaxCampaignBytes(len(doc)))
	require.NoError(t, err)
	require.Len(t, c.Promotions, 1)
	assert.Equal(t, "a", c.Promotions[0].ID)
	_, err = promo.DecodeCampaign([]byte(doc+" "), promo.WithMaxCampaignBytes(len(doc)))
	assert.ErrorIs(t, err, promo.ErrTooLarge)
}

// A CampaignError without problems (built by a caller) still has a message
// and does not panic (json.go CampaignError.Error).
func TestMutationRestEmptyCampaignError(t *testing.T) {
	assert.Equal(t, "promo: campaign: ", (&promo.CampaignError{}).Error())
}

// A priority takes every whole number of 32 bits, both ends included
// (json.go intIn, `n >= lo && n <= hi`), and not one beyond.
func TestMutationRestPriorityRange(t *testing.T) {
	const head = `{"currency":"CNY","promotions":[{"id":"a","action":{"kind":"percent-off","rate":"9折"},"priority":`
	for _, n := range []int{-2147483648, 2147483647} {
		c, err := promo.DecodeCampaign([]byte(head + strconv.Itoa(n) + `}]}`))
		require.NoError(t, err, "priority %d", n)
		assert.Equal(t, n, c.Promotions[0].Priority)
	}
	for _, n := range []string{"-2147483649", "2147483648"} {
		got := problemsOf(t, head+n+`}]}`)
		assert.Equal(t, []string{"promotions[0].priority|" + n + "|want a whole number from -2147483648 to 2147483647"}, got)
	}
}

// Values quoted in messages are clipped to 40 bytes at a rune start, "..."
// added (json.go clip): 40 bytes are kept whole, 41 are cut to 40; a
// two-byte é straddling byte 40 is cut before it (39 bytes); invalid UTF-8
// without a rune start in its first 41 bytes is cut to "..." alone, never
// kept whole (it was, before: 4 KB of it gave a 4 KB message).
func TestMutationRestClip(t *testing.T) {
	a40 := strings.Repeat("a", 40)
	e := "A" + strings.Repeat("é", 30) // é is 2 bytes: byte 40 is inside one
	for _, tt := range []struct{ give, want string }{
		{a40, a40},
		{a40 + "b", a40 + "..."},
		{e, e[:39] + "..."},
		{strings.Repeat("\x80", 100), "..."},
		{"A" + strings.Repeat("\x80", 4096), "..."},
	} {
		var b promo.ThresholdBase
		err := b.UnmarshalText([]byte(tt.give))
		var fe *promo.FieldError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, strconv.Quote(tt.want), fe.Value, "%.50q", tt.give)
	}
	// The decoder clips the same way: a 40-byte string where a number
	// belongs is quoted whole, one of 41 bytes is cut.
	for _, tt := range []struct{ give, want string }{{a40, a40}, {a40 + "b", a40 + "..."}} {
		got := problemsOf(t, `{"currency":"CNY","promotions":[{"id":"a","priority":"`+tt.give+`","action":{"kind":"percent-off","rate":"9折"}}]}`)
		assert.Equal(t, []string{"promotions[0].priority|" + strconv.Quote(tt.want) + "|want a whole number from -2147483648 to 2147483647"}, got)
	}
}

// A document that is a bare number is read to its end without reading
// past it (json.go jsonParser.value, `p.i < len(p.b)`), and refused: a
// campaign is an object.
func TestMutationRestBareNumberDocument(t *testing.T) {
	for _, doc := range []string{"5", "-12.5e3"} {
		got := problemsOf(t, doc)
		require.Len(t, got, 1, doc)
		assert.Contains(t, got[0], "want an object", doc)
	}
}

// A number with an exponent sign is read whole (json.go jsonParser.value:
// '+' is the first of the number bytes): 1e+5 is not a whole number by
// the campaign form, and the problem quotes it as written.
func TestMutationRestExponentSign(t *testing.T) {
	got := problemsOf(t, `{"currency":"CNY","promotions":[{"id":"a","priority":1e+5,"action":{"kind":"percent-off","rate":"9折"}}]}`)
	assert.Equal(t, []string{"promotions[0].priority|1e+5|want a whole number from -2147483648 to 2147483647"}, got)
}

// Values past the 256th key of an object are skipped, and a number
// skipped just before the object's closing brace stops at that brace
// (json.go jsonParser.skip), which still closes the object: promotion a
// has 258 keys (id, action, k0..k255), 256 read (k0..k253 unknown), and
// promotion b after it is read as a promotion of its own (hand count:
// 1 + 254 + 1 problems).
func TestMutationRestSkippedNumberBeforeBrace(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"currency":"CNY","promotions":[{"id":"a","action":{"kind":"percent-off","rate":"9折"}`)
	for i := range 256 {
		fmt.Fprintf(&b, `,"k%d":%d`, i, i)
	}
	b.WriteString(`},{"id":"b"}]}`)
	got := problemsOf(t, b.String(), promo.WithMaxProblems(1000))
	require.Len(t, got, 256)
	assert.Equal(t, "promotions[0]||258 keys, at most 256 read", got[0])
	assert.Equal(t, "promotions[0].k253||unknown field", got[254])
	assert.Equal(t, "promotions[1].action||an action is required", got[255])
}

// A document that is a bare string is read whole, its last byte the
// closing quote (json.go jsonParser.str), and quoted in the problem.
func TestMutationRestBareStringDocument(t *testing.T) {
	assert.Equal(t, []string{`|"abc"|want an object`}, problemsOf(t, `"abc"`))
}

// A target is written whenever any of its eight lists is non-empty
// (json.go selectorOf counts their entries): one entry in each of two
// lists survives the round trip, compared field by field with the target
// given, not through the encoder.
func TestMutationRestSelectorRoundTrip(t *testing.T) {
	for _, sel := range []promo.Selector{
		{SKUs: []string{"a"}, Products: []string{"p"}},
		{Categories: []string{"c"}, Tags: []string{"t"}},
		{SKUs: []string{"a"}, ExcludeProducts: []string{"p"}},
		{ExcludeProducts: []string{"p"}, ExcludeCategories: []string{"c"}},
		{ExcludeCategories: []string{"c"}, ExcludeTags: []string{"t"}},
		{Tags: []string{"t"}, ExcludeSKUs: []string{"s"}},
	} {
		c := promo.Campaign{Currency: pricing.CNY, Promotions: []promo.Promotion{
			{ID: "p", Target: sel, Action: promo.PercentOff{Rate: rate("9折")}}}}
		doc, err := promo.EncodeCampaign(c)
		require.NoError(t, err)
		back, err := promo.DecodeCampaign(doc)
		require.NoError(t, err, "%s", doc)
		assert.Equal(t, sel, back.Promotions[0].Target, "%s", doc)
	}
}
