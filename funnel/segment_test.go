package funnel

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opskit/opskit/pricing"
)

func cnyAmount(s string) pricing.Money { return pricing.MustNew(s, pricing.CNY) }

// segmentPurchases: as of 1 April 2024 (hand-worked in TestSegmentation):
// a 3 orders 600 last 30 Mar; b 1 order 50 on 31 Mar (and one after the
// as-of time); c 2 orders 2000 last 1 Feb; d 1 order 20 on 1 Dec 2023;
// e 4 orders 320 last 4 Mar.
func segmentPurchases() []Purchase {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	return []Purchase{
		{"a", d(2024, 3, 30), cnyAmount("100")}, {"a", d(2024, 3, 20), cnyAmount("200")}, {"a", d(2024, 3, 10), cnyAmount("300")},
		{"b", d(2024, 3, 31), cnyAmount("50")}, {"b", d(2024, 4, 2), cnyAmount("999")},
		{"c", d(2024, 1, 1), cnyAmount("1000")}, {"c", d(2024, 2, 1), cnyAmount("1000")},
		{"d", d(2023, 12, 1), cnyAmount("20")},
		{"e", d(2024, 3, 1), cnyAmount("80")}, {"e", d(2024, 3, 2), cnyAmount("80")}, {"e", d(2024, 3, 3), cnyAmount("80")}, {"e", d(2024, 3, 4), cnyAmount("80")},
	}
}

type rfmRow struct {
	R, F, M int
	Seg     RFMSegment
	Type    CustomerType
}

func rfmRows(cs []CustomerSegment) map[string]rfmRow {
	out := map[string]rfmRow{}
	for _, c := range cs {
		out[c.Customer] = rfmRow{c.R, c.F, c.M, c.Segment, c.Type}
	}
	return out
}

func TestSegmentation(t *testing.T) {
	asOf := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	// Quintiles of 5 customers: score = 1 + (customers strictly worse).
	// R: b 1d, a 2d, e 28d, c 60d, d 122d -> 5, 4, 3, 2, 1.
	// F: b and d 1 order (tie: both 1), c 2 -> 3, a 3 -> 4, e 4 -> 5.
	// M: d 20, b 50, e 320, a 600, c 2000 -> 1..5.
	// High is 4 or 5. VIP from 1000 spent: c. New: one order (b, d).
	s := Segmentation{AsOf: asOf, VIPSpend: cnyAmount("1000")}
	got, err := s.Run(segmentPurchases())
	require.NoError(t, err)
	assert.Equal(t, map[string]rfmRow{
		"a": {4, 4, 4, Champion, ReturningCustomer},
		"b": {5, 1, 2, NewLowValue, NewCustomer},
		"c": {2, 3, 5, LostHighValue, VIPCustomer},
		"d": {1, 1, 1, LostLowValue, NewCustomer},
		"e": {3, 5, 3, LapsingLoyal, ReturningCustomer},
	}, rfmRows(got))
	require.Len(t, got, 5)
	assert.Equal(t, "a", got[0].Customer)
	assert.Equal(t, int64(3), got[0].Orders)
	assert.True(t, cnyAmount("600").Equal(got[0].Spend))
	assert.Equal(t, 2*day, got[0].Recency)
	assert.Equal(t, time.Date(2024, 3, 10, 0, 0, 0, 0, time.UTC), got[0].First)
	assert.Equal(t, int64(1), got[1].Orders, "b's order after the as-of time is ignored")
	assert.True(t, cnyAmount("50").Equal(got[1].Spend))

	// Since 1 March: new means no purchase before it (a, b, e).
	s.Since = time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	got, err = s.Run(segmentPurchases())
	require.NoError(t, err)
	types := map[string]CustomerType{}
	for _, c := range got {
		types[c.Customer] = c.Type
	}
	assert.Equal(t, map[string]CustomerType{"a": NewCustomer, "b": NewCustomer, "c": VIPCustomer, "d": ReturningCustomer, "e": NewCustomer}, types)

	// Fixed cut points. R: 7, 30, 60, 90 days (a 2d -> 5, b 1d -> 5, e 28d
	// -> 4, c 60d -> 3, d 122d -> 1). F: 2, 3, 4, 5 orders (1 -> 1, 2 -> 2,
	// 3 -> 3, 4 -> 4). M: 100, 300, 500, 1000 (20 -> 1, 50 -> 1, 320 -> 3,
	// 600 -> 4, 2000 -> 5). No VIP threshold: c is returning.
	fixed := Segmentation{AsOf: asOf,
		RecencyCuts:   []time.Duration{7 * day, 30 * day, 60 * day, 90 * day},
		FrequencyCuts: []int64{2, 3, 4, 5},
		MonetaryCuts:  []pricing.Money{cnyAmount("100"), cnyAmount("300"), cnyAmount("500"), cnyAmount("1000")}}
	got, err = fixed.Run(segmentPurchases())
	require.NoError(t, err)
	assert.Equal(t, map[string]rfmRow{
		"a": {5, 3, 4, NewHighValue, ReturningCustomer},
		"b": {5, 1, 1, NewLowValue, NewCustomer},
		"c": {3, 2, 5, LostHighValue, ReturningCustomer},
		"d": {1, 1, 1, LostLowValue, NewCustomer},
		"e": {4, 4, 3, LoyalLowValue, ReturningCustomer},
	}, rfmRows(got))

	// Exactly at a cut point: recency 7 days scores 5, orders 2 scores 2,
	// spend 100 scores 2.
	edge, err := fixed.Run([]Purchase{{"x", asOf.Add(-7 * day), cnyAmount("50")}, {"x", asOf.Add(-7 * day), cnyAmount("50")}})
	require.NoError(t, err)
	assert.Equal(t, rfmRow{5, 2, 2, NewLowValue, ReturningCustomer}, rfmRows(edge)["x"])
	// VIP exactly at the threshold.
	s = Segmentation{AsOf: asOf, VIPSpend: cnyAmount("100")}
	edge, err = s.Run([]Purchase{{"x", asOf, cnyAmount("100")}, {"y", asOf, cnyAmount("99.99")}})
	require.NoError(t, err)
	assert.Equal(t, VIPCustomer, edge[0].Type)
	assert.Equal(t, NewCustomer, edge[1].Type)
	none, err := s.Run(nil)
	require.NoError(t, err)
	assert.Empty(t, none)
}

func TestSegmentationQuintiles(t *testing.T) {
	// Ten customers with 1..10 orders: two per score, 1 + ⌊5·b/10⌋.
	asOf := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	var ps []Purchase
	for i := range 10 {
		for range i + 1 {
			ps = append(ps, Purchase{string(rune('a' + i)), asOf, cnyAmount("1")})
		}
	}
	got, err := Segmentation{AsOf: asOf}.Run(ps)
	require.NoError(t, err)
	var f []int
	for _, c := range got {
		f = append(f, c.F)
		assert.Equal(t, c.F, c.M, "spend equals orders here")
		assert.Equal(t, 1, c.R, "all tie on recency: everyone scores 1")
	}
	assert.Equal(t, []int{1, 1, 2, 2, 3, 3, 4, 4, 5, 5}, f)
	// Three levels: 1 + ⌊3·b/10⌋ for b = 0..9.
	got, err = Segmentation{AsOf: asOf, Scores: 3}.Run(ps)
	require.NoError(t, err)
	f = f[:0]
	for _, c := range got {
		f = append(f, c.F)
	}
	assert.Equal(t, []int{1, 1, 1, 1, 2, 2, 2, 3, 3, 3}, f)
	// With 3 levels high is 3 only (2·score > 4).
	assert.Equal(t, RFMSegment(6), got[9].Segment)
	assert.Equal(t, RFMSegment(0), got[6].Segment)
}

func TestSegmentationErrors(t *testing.T) {
	asOf := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	ok := []Purchase{{"a", asOf, cnyAmount("1")}}
	cases := []struct {
		name string
		s    Segmentation
		ps   []Purchase
		want error
	}{
		{"no as_of", Segmentation{}, ok, ErrInvalidPeriod},
		{"as_of range", Segmentation{AsOf: time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)}, ok, ErrInvalidPeriod},
		{"scores", Segmentation{AsOf: asOf, Scores: 11}, ok, ErrInvalidOption},
		{"scores 1", Segmentation{AsOf: asOf, Scores: 1}, ok, ErrInvalidOption},
		{"cut count", Segmentation{AsOf: asOf, FrequencyCuts: []int64{1, 2}}, ok, ErrInvalidOption},
		{"cut order", Segmentation{AsOf: asOf, Scores: 3, FrequencyCuts: []int64{2, 2}}, ok, ErrInvalidOption},
		{"recency order", Segmentation{AsOf: asOf, Scores: 3, RecencyCuts: []time.Duration{2, 1}}, ok, ErrInvalidOption},
		{"recency negative", Segmentation{AsOf: asOf, Scores: 3, RecencyCuts: []time.Duration{-1, 1}}, ok, ErrInvalidPeriod},
		{"money order", Segmentation{AsOf: asOf, Scores: 3, MonetaryCuts: []pricing.Money{cnyAmount("2"), cnyAmount("1")}}, ok, ErrInvalidOption},
		{"money invalid", Segmentation{AsOf: asOf, Scores: 3, MonetaryCuts: []pricing.Money{{}, cnyAmount("1")}}, ok, ErrInvalidAmount},
		{"money currency", Segmentation{AsOf: asOf, Scores: 3, MonetaryCuts: []pricing.Money{pricing.MustNew("1", pricing.USD), pricing.MustNew("2", pricing.USD)}}, ok, ErrInvalidAmount},
		{"vip negative", Segmentation{AsOf: asOf, VIPSpend: cnyAmount("-1")}, ok, ErrInvalidAmount},
		{"vip currency", Segmentation{AsOf: asOf, VIPSpend: pricing.MustNew("1", pricing.USD)}, ok, ErrInvalidAmount},
		{"customer", Segmentation{AsOf: asOf}, []Purchase{{"", asOf, cnyAmount("1")}}, ErrInvalidEvent},
		{"time", Segmentation{AsOf: asOf}, []Purchase{{"a", time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC), cnyAmount("1")}}, ErrInvalidEvent},
		{"amount", Segmentation{AsOf: asOf}, []Purchase{{"a", asOf, pricing.Money{}}}, ErrInvalidAmount},
		{"negative amount", Segmentation{AsOf: asOf}, []Purchase{{"a", asOf, cnyAmount("-1")}}, ErrInvalidAmount},
		{"mixed currency", Segmentation{AsOf: asOf}, []Purchase{{"a", asOf, cnyAmount("1")}, {"b", asOf, pricing.MustNew("1", pricing.USD)}}, ErrInvalidAmount},
	}
	for _, c := range cases {
		_, err := c.s.Run(c.ps)
		assert.ErrorIs(t, err, c.want, c.name)
		var fe *FieldError
		assert.ErrorAs(t, err, &fe, c.name)
	}
}

func TestSegmentationJSON(t *testing.T) {
	asOf := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	got, err := Segmentation{AsOf: asOf, VIPSpend: cnyAmount("10")}.Run([]Purchase{{"a", asOf.Add(-36 * time.Hour), cnyAmount("12.30")}})
	require.NoError(t, err)
	b, err := json.Marshal(got[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"customer":"a","orders":1,"spend":{"amount":"12.30","currency":"CNY"},"first":"2024-03-30T12:00:00Z",
		"last":"2024-03-30T12:00:00Z","recency":"36h0m0s","r":1,"f":1,"m":1,"segment":"lost_low_value","type":"vip"}`, string(b))
	var ct CustomerType
	require.NoError(t, ct.UnmarshalText([]byte("returning")))
	assert.Equal(t, ReturningCustomer, ct)
	assert.Error(t, ct.UnmarshalText([]byte("old")))
	var rs RFMSegment
	require.NoError(t, rs.UnmarshalText([]byte("champion")))
	assert.Equal(t, Champion, rs)
	assert.Equal(t, "at_risk_high_value", AtRiskHighValue.String())
	_, err = RFMSegment(8).MarshalText()
	assert.Error(t, err)
	_, err = CustomerType(3).MarshalText()
	assert.Error(t, err)
}
