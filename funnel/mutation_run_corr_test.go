package funnel

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests written from the survivors of the whole-package mutant scan of
// funnel (issue 19) in the correlation files (correlation.go,
// correlation_merge.go) and the binary forms (binary.go).

// TestCorrelationOneStepSpanIsEmpty: a one-step funnel completes at the
// step-1 event itself, so the span (Correlation's doc: from the first
// step-1 event to the instant the steps complete) is empty and no event
// counts: u1 views and then uses a coupon 5 minutes later, inside the
// window. Both actors converted (S = 2, F = 0). The span used to run one
// window past the view, as if the steps never completed (correlation.go
// span, "next < len(f.steps)").
func TestCorrelationOneStepSpanIsEmpty(t *testing.T) {
	c := Correlation{Funnel: MustNew([]Matcher{{Event: "view"}}, time.Hour)}
	tab, err := c.Run([]Event{ev("u1", 0, "view"), ev("u1", 5, "coupon"), ev("u2", 0, "view"), ev("u2", 1, "view")})
	require.NoError(t, err)
	s, f := tab.Totals()
	assert.Equal(t, [2]int64{2, 0}, [2]int64{s, f})
	assert.Empty(t, tab.Counts())
}

// TestCorrelationTableDecodeEdges: a table where every actor converted
// (failure 0, as any one-step funnel gives) decodes from both forms and
// equals the original; repeated properties, a negative total of either
// kind, name the field and value (correlation_merge.go table:
// "j.Properties[i-1] >= p", "j.Failure < 0"; the negative failure total
// used to be reported as field "success" with the success total).
func TestCorrelationTableDecodeEdges(t *testing.T) {
	c := Correlation{Funnel: MustNew([]Matcher{{Event: "view"}, {Event: "pay"}}, time.Hour), Properties: []string{"ch"}}
	tab, err := c.Run([]Event{ev("u1", 0, "view"), ev("u1", 1, "coupon", "ch", "app"), ev("u1", 2, "pay")})
	require.NoError(t, err)
	s, f := tab.Totals()
	require.Equal(t, [2]int64{1, 0}, [2]int64{s, f})
	js, err := json.Marshal(tab)
	require.NoError(t, err)
	var back CorrelationTable
	require.NoError(t, json.Unmarshal(js, &back))
	assert.Equal(t, tab, back)
	bin, err := tab.MarshalBinary()
	require.NoError(t, err)
	var backBin CorrelationTable
	require.NoError(t, backBin.UnmarshalBinary(bin))
	assert.Equal(t, tab, backBin)

	key := `"funnel":{"steps":["v","p"],"window":"1h0m0s","unit":"1s","order":"ordered","reentry":"restart","counting":"uniques","attribution":"first_step","breakdown":"none","exclusions":[]}`
	bad := []struct{ rest, field, value string }{
		{`"properties":["ch","ch"],"success":1,"failure":1,"counts":[]`, "properties[1]", `"ch"`},
		{`"properties":[],"success":-2,"failure":1,"counts":[]`, "success", "-2"},
		{`"properties":[],"success":1,"failure":-3,"counts":[]`, "failure", "-3"},
	}
	for _, b := range bad {
		err := json.Unmarshal([]byte("{"+key+","+b.rest+"}"), &back)
		var fe *FieldError
		require.ErrorAs(t, err, &fe, b.rest)
		assert.ErrorIs(t, err, ErrInvalidJSON)
		assert.Equal(t, b.field, fe.Field, b.rest)
		assert.Equal(t, b.value, fe.Value, b.rest)
	}
}

// TestCorrelationReportMinShareValue: an invalid share is named with all
// its digits (errors.go valueText: the shortest 'g' form, precision -1):
// 1.25 stays "1.25", and a share below zero too.
func TestCorrelationReportMinShareValue(t *testing.T) {
	tab, err := signupCorrelation().Run(videoEvents())
	require.NoError(t, err)
	for share, want := range map[float64]string{1.25: "1.25", -0.015625: "-0.015625"} {
		_, err := tab.Report(0, share)
		var fe *FieldError
		require.ErrorAs(t, err, &fe)
		assert.ErrorIs(t, err, ErrInvalidOption)
		assert.Equal(t, "min_share", fe.Field)
		assert.Equal(t, want, fe.Value)
	}
}

// TestCorrelationReportOrderByOddsRatio: candidates going with converting
// come first, highest odds ratio first; those going with dropping off
// follow, lowest first (CorrelationReport's doc; correlation.go Report,
// "byOR = -byOR"). Totals S = 10, F = 10; with the prior of 1 per cell:
// a (s 8, f 1): 9·10/(3·2) = 15; b (s 6, f 2): 7·9/(5·3) = 4.2;
// c (s 1, f 6): 2·5/(10·7) = 1/7; d (s 3, f 5): 4·6/(8·6) = 0.5.
func TestCorrelationReportOrderByOddsRatio(t *testing.T) {
	tab := CorrelationTable{key: MustNew(steps("s", "t"), time.Hour).key(1, false, false), success: 10, failure: 10, counts: []CorrelationCount{
		{Event: "a", Success: 8, Failure: 1}, {Event: "b", Success: 6, Failure: 2},
		{Event: "c", Success: 1, Failure: 6}, {Event: "d", Success: 3, Failure: 5},
	}}
	rep, err := tab.Report(1, 0)
	require.NoError(t, err)
	var order []string
	for _, it := range rep.Items {
		order = append(order, it.Event)
	}
	assert.Equal(t, []string{"a", "b", "c", "d"}, order)
	assert.InDelta(t, 15, rep.Items[0].OddsRatio, 1e-12)
	assert.InDelta(t, 4.2, rep.Items[1].OddsRatio, 1e-12)
	assert.InDelta(t, 1.0/7, rep.Items[2].OddsRatio, 1e-12)
	assert.InDelta(t, 0.5, rep.Items[3].OddsRatio, 1e-12)
}
