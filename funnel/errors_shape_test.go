package funnel

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

// TestErrorsShape: a representative bad input of every exported function
// that returns an error gives a *FieldError wrapping the sentinel, with a
// message prefixed "funnel: ".
func TestErrorsShape(t *testing.T) {
	f := MustNew(vcp, time.Hour)
	bad := []Event{{Actor: "", Time: base, Name: "view"}}
	pct := decimal.RequireFromString("0.03")
	money := func(s string) pricing.Money { return pricing.MustNew(s, pricing.CNY) }
	var r Result
	var tm Timing
	var so StepOrder
	tests := []struct {
		name  string
		give  func() error
		want  error
		field string
	}{
		{"New", func() error { _, err := New(nil, time.Hour); return err }, ErrNoSteps, "steps"},
		{"New option", func() error { _, err := New(vcp, time.Hour, WithCounting(9)); return err }, ErrInvalidOption, "WithCounting"},
		{"Run", func() error { _, err := f.Run(bad); return err }, ErrInvalidEvent, "events[0].actor"},
		{"RunColumns", func() error { _, err := f.RunColumns(Columns{Actors: []int32{0}}); return err }, ErrInvalidColumns, "columns"},
		{"Encode", func() error { _, _, _, err := f.Encode(bad); return err }, ErrInvalidEvent, "events[0].actor"},
		{"Merge", func() error {
			a, _ := f.Run([]Event{ev("a", 0, "view")})
			b, _ := MustNew(vcp, 2*time.Hour).Run([]Event{ev("a", 0, "view")})
			_, err := Merge(a, b)
			return err
		}, ErrMismatch, "results[1]"},
		{"Retention.Run", func() error {
			_, err := (Retention{Start: Matcher{Event: "a"}, Return: Matcher{Event: "b"}}).Run(nil)
			return err
		}, ErrInvalidPeriod, "periods"},
		{"Retention.RunColumns", func() error {
			_, err := (Retention{Periods: 1}).RunColumns([]int32{-1}, []int64{0}, []uint8{1})
			return err
		}, ErrInvalidColumns, "actors[0]"},
		{"Lifecycle.Run", func() error { _, err := (Lifecycle{Active: Matcher{Event: "a"}, Period: 7}).Run(nil); return err }, ErrInvalidOption, "period"},
		{"Repurchase.Run", func() error { _, err := (Repurchase{Purchase: Matcher{Event: "pay"}}).Run(nil); return err }, ErrInvalidPeriod, "to"},
		{"Histogram", func() error { _, err := RepurchaseReport{}.Histogram([]time.Duration{2, 1}); return err }, ErrInvalidPeriod, "edges[1]"},
		{"Stages.On", func() error {
			_, err := (Stages{Consult: Matcher{Event: "a"}, Order: Matcher{Event: "o"}, LoyalOrders: 1}).On(nil, base)
			return err
		}, ErrInvalidCount, "loyal_orders"},
		{"Stages.Between", func() error {
			_, err := (Stages{Consult: Matcher{Event: "a"}, Order: Matcher{Event: "o"}, LoyalOrders: 2, LoyalWindow: time.Hour}).Between(nil, base, base.Add(-1))
			return err
		}, ErrInvalidPeriod, "to"},
		{"Wilson", func() error { _, err := Wilson(1, 0, 0.95); return err }, ErrInvalidCount, "trials"},
		{"TwoProportionZTest", func() error { _, err := TwoProportionZTest(2, 1, 0, 1); return err }, ErrInvalidCount, "conv_a"},
		{"DiffInterval", func() error { _, err := DiffInterval(0, 1, 0, 1, math.NaN()); return err }, ErrInvalidRate, "confidence"},
		{"Uplift", func() error { _, err := Uplift(0, 1, 0, 1); return err }, ErrInvalidRate, "conv_a"},
		{"RelativeUplift", func() error { _, err := RelativeUplift(MeanSample{N: 1}, MeanSample{N: 5}, 0.95); return err }, ErrInvalidCount, "a.n"},
		{"ProportionUplift", func() error { _, err := ProportionUplift(0, 5, 1, 5, 0.95); return err }, ErrInvalidRate, "conv_a"},
		{"WaldDiffInterval", func() error { _, err := WaldDiffInterval(0, 1, 0, 1, 2); return err }, ErrInvalidRate, "confidence"},
		{"Segmentation.Run", func() error { _, err := Segmentation{}.Run(nil); return err }, ErrInvalidPeriod, "as_of"},
		{"Correlation.Run", func() error { _, err := Correlation{}.Run(nil); return err }, ErrNoSteps, "funnel"},
		{"CorrelationTable.Report", func() error { _, err := CorrelationTable{}.Report(-1, 0); return err }, ErrInvalidOption, "min_actors"},
		{"ProbBBeatsA", func() error { _, err := ProbBBeatsA(0, 1, 0, -1); return err }, ErrInvalidCount, "n_b"},
		{"SampleSize", func() error { _, err := SampleSize(0.1, 0.02, 0.05, 1); return err }, ErrInvalidRate, "power"},
		{"CAC", func() error { _, err := CAC(money("10"), 0); return err }, ErrInvalidCount, "new_customers"},
		{"ROI", func() error { _, err := ROI(money("10"), money("0")); return err }, ErrInvalidAmount, "revenue"},
		{"ConversionRate", func() error { _, err := ConversionRate(2, 1); return err }, ErrInvalidCount, "buyers"},
		{"RepurchaseRate", func() error { _, err := RepurchaseRate(1, 0); return err }, ErrInvalidCount, "customers"},
		{"LoyaltyRate", func() error { _, err := LoyaltyRate(-1, 3); return err }, ErrInvalidCount, "loyal"},
		{"BounceRate", func() error { _, err := BounceRate(4, 3); return err }, ErrInvalidCount, "single_page"},
		{"PopularItem", func() error { _, _, err := PopularItem(ItemMetrics{Conversion: 2}, ItemMetrics{}); return err }, ErrInvalidRate, "conversion"},
		{"Sales", func() error { _, err := Sales(-1, pct, money("1")); return err }, ErrInvalidCount, "uv"},
		{"RequiredUV", func() error { _, err := RequiredUV(money("1"), decimal.Zero, money("1")); return err }, ErrInvalidRate, "cr"},
		{"Plan.Project", func() error { _, err := Plan{UVLow: 1, UVHigh: 2, CR: pct, AOV: money("1")}.Project(); return err }, ErrInvalidPeriod, "days"},
		{"CheckPlan", func() error { _, err := CheckPlan(StatedPlan{}, decimal.NewFromInt(-1)); return err }, ErrInvalidRate, "tolerance"},
		{"Decompose", func() error { _, err := Decompose(GMVFactors{}, GMVFactors{}); return err }, ErrInvalidCount, "before.uv"},
		{"Result.UnmarshalJSON", func() error { return r.UnmarshalJSON([]byte(`{"x":1}`)) }, ErrInvalidJSON, "x"},
		{"Timing.UnmarshalJSON", func() error { return tm.UnmarshalJSON([]byte(`{"n":1,"n":2}`)) }, ErrInvalidJSON, "n"},
		{"StepOrder.UnmarshalText", func() error { return so.UnmarshalText([]byte("any order")) }, ErrInvalidOption, "steporder"},
		{"StepOrder.MarshalText", func() error { _, err := StepOrder(9).MarshalText(); return err }, ErrInvalidOption, "steporder"},
	}
	for _, tt := range tests {
		err := tt.give()
		var fe *FieldError
		if !assert.ErrorAs(t, err, &fe, tt.name) {
			continue
		}
		assert.ErrorIs(t, err, tt.want, tt.name)
		assert.Equal(t, tt.field, fe.Field, tt.name)
		assert.True(t, strings.HasPrefix(err.Error(), "funnel: "), tt.name)
		assert.True(t, strings.HasPrefix(errors.Unwrap(err).Error(), "funnel: "), tt.name)
	}
}

func TestFieldErrorFormat(t *testing.T) {
	e := &FieldError{Op: "wilson", Field: "trials", Value: "0", Err: ErrInvalidCount, Detail: "must be positive"}
	assert.Equal(t, "funnel: wilson: trials 0: invalid count: must be positive", e.Error())
	assert.Equal(t, "funnel: merge: results[1]: results of different funnels", (&FieldError{Op: "merge", Field: "results[1]", Err: ErrMismatch}).Error())
	assert.Equal(t, "funnel: decode: \"x\"", (&FieldError{Op: "decode", Value: `"x"`}).Error())
}
