package kpi

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/stretchr/testify/assert"
)

// One representative bad input for every exported function that returns an
// error: each error is a *FieldError (errors.As) wrapping a sentinel of
// this package or of pricing (errors.Is), and reads "kpi: OP: ...".
func TestErrorsShape(t *testing.T) {
	validScheme := Scheme{Name: "s", Metrics: []Metric{{ID: "a", Direction: HigherIsBetter, Target: 1, Weight: 1, Curve: Curve{Kind: Linear}}}}
	badScheme := Scheme{Name: "s", Metrics: []Metric{{ID: "a", Direction: HigherIsBetter, Target: 1, Weight: -1, Curve: Curve{Kind: Linear}}}}
	var dir Direction
	var w ClosedClockRange
	var sch Scheme
	cases := []struct {
		name string
		err  error
		want error
	}{
		{"NewDate", second(NewDate(2026, 2, 30)), ErrInvalidDate},
		{"ParseDate", second(ParseDate("2026-02-30")), ErrInvalidDate},
		{"ParseClock", second(ParseClock("25:00")), ErrInvalidTimeRange},
		{"NewSchedule", second(NewSchedule(ScheduleSpec{})), ErrEmpty},
		{"NewCalendar", second(NewCalendar(HolidayNotice{})), ErrInvalidDate},
		{"Calendar.UnmarshalJSON", json.Unmarshal([]byte(`{"notices":[{}]}`), new(Calendar)), ErrInvalidDate},
		{"ReplyLengths", second(ReplyLengths([]Message{{}})), ErrUnknownRole},
		{"EffectiveAttendance", second(EffectiveAttendance(nil, AttendanceRules{})), ErrEmpty},
		{"CommissionPlan.Validate", CommissionPlan{Currency: pricing.CNY, Method: Marginal}.Validate(), ErrInvalidTiers},
		{"CommissionPlan.Compute", second(CommissionPlan{Currency: pricing.CNY, Method: Marginal}.Compute(Sales{})), ErrInvalidTiers},
		{"Metric.Validate", Metric{}.Validate(), ErrEmpty},
		{"Metric.Score", second(validScheme.Metrics[0].Score(math.NaN())), ErrInvalidNumber},
		{"EvaluateQuotas", second(EvaluateQuotas(QuotaScheme{}, nil, Date{}, Date{}, nil)), ErrEmpty},
		{"Rank", second(Rank([]Entry{{ID: "a", Score: math.Inf(1)}}, Dense)), ErrInvalidNumber},
		{"RollingDSR", second(RollingDSR([]Rating{{Description: 6}}, time.Unix(0, 0), time.Hour, DSR{})), ErrInvalidRating},
		{"Rewards", second(Rewards(nil, []RewardRule{{}})), ErrEmpty},
		{"Scheme.Validate", badScheme.Validate(), ErrNegativeWeight},
		{"Scheme.MaxTotal", second(badScheme.MaxTotal()), ErrNegativeWeight},
		{"Scheme.Score", second(validScheme.Score(Observation{Values: map[string]float64{"a": 1, "zz": 1}})), ErrUnknownMetric},
		{"Scheme.ScoreAll", second(validScheme.ScoreAll([]Observation{{}})), ErrMissingData},
		{"RollUp", second(RollUp("t", nil, Sum, nil)), ErrEmpty},
		{"ServiceMetrics", second(ServiceMetrics([]Message{{}}, nil, ServiceOptions{})), ErrEmpty},
		{"ParseCommissionPlan", second(ParseCommissionPlan([]byte(`{"method":"marginal","tiers":[]}`))), pricing.ErrUnknownCurrency},
		{"ServiceLevels", second(ServiceLevels(nil, ServiceLevelOptions{})), ErrInvalidNumber},
		{"Staffing", second(Staffing([]Interval{{}}, StaffingTarget{})), ErrInvalidNumber},
		{"StaffingPerformance", second(StaffingPerformance(-1, Interval{Length: 1, AHT: 1}, StaffingTarget{})), ErrTooLarge},
		{"Coverage", second(Coverage([]StaffingLine{{}}, nil)), ErrInvalidNumber},
		{"CheckStaffPlan", second(CheckStaffPlan(StaffPlan{}, StaffRules{})), pricing.ErrUnknownCurrency},
		{"Fulfilment", second(Fulfilment(nil, ShipRule{}, time.Unix(0, 0))), ErrInvalidNumber},
		{"StaffFindingKind.UnmarshalText", new(StaffFindingKind).UnmarshalText([]byte("x")), ErrInvalidEnum},
		{"Contact.UnmarshalJSON", new(Contact).UnmarshalJSON([]byte(`{"x":1}`)), ErrInvalidJSON},
		{"Interval.UnmarshalJSON", new(Interval).UnmarshalJSON([]byte(`{"x":1}`)), ErrInvalidJSON},
		{"ShipRule.UnmarshalJSON", new(ShipRule).UnmarshalJSON([]byte(`{"x":1}`)), ErrInvalidJSON},
		{"ParseScheme", second(ParseScheme([]byte(`{"name":"s","name":"t"}`))), ErrInvalidJSON},
		{"Scheme.UnmarshalJSON", json.Unmarshal([]byte(`{"nope":1}`), &sch), ErrInvalidJSON},
		{"Direction.UnmarshalText", dir.UnmarshalText([]byte("up")), ErrInvalidEnum},
		{"Direction.MarshalText", second(Direction(9).MarshalText()), ErrInvalidEnum},
		{"ClosedClockRange.UnmarshalText", w.UnmarshalText([]byte("11:00-09:00")), ErrInvalidTimeRange},
		{"ClosedClockRange.MarshalText", second(ClosedClockRange{Start: 5, End: 1}.MarshalText()), ErrInvalidTimeRange},
	}
	for _, tt := range cases {
		var fe *FieldError
		if !assert.True(t, errors.As(tt.err, &fe), "%s: %v is not a *FieldError", tt.name, tt.err) {
			continue
		}
		assert.ErrorIs(t, tt.err, tt.want, tt.name)
		assert.True(t, strings.HasPrefix(tt.err.Error(), "kpi: "+fe.Op), "%s: %q", tt.name, tt.err)
		assert.NotContains(t, tt.err.Error(), "kpi: kpi:", tt.name)
	}
}

// The message format of ONE-LIBRARY.md section 1, part by part.
func TestFieldErrorFormat(t *testing.T) {
	cases := []struct {
		give FieldError
		want string
	}{
		{FieldError{Op: "scorecard", Field: "metrics[2].weight", Value: "-0.1", Err: ErrNegativeWeight}, "kpi: scorecard: metrics[2].weight -0.1: negative weight"},
		{FieldError{Op: "quotas", Field: "to", Value: `"2037-01-22"`, Err: ErrTooLarge, Detail: "at most 3660 days"}, `kpi: quotas: to "2037-01-22": beyond limits: at most 3660 days`},
		{FieldError{Op: "decode", Value: "7", Err: ErrInvalidEnum}, "kpi: decode: 7: invalid enumeration value"},
		{FieldError{Op: "rewards", Field: "rules[0].amount", Err: pricing.ErrCurrencyMismatch}, "kpi: rewards: rules[0].amount: pricing: currency mismatch"},
		{FieldError{Op: "x"}, "kpi: x"},
	}
	for _, tt := range cases {
		assert.Equal(t, tt.want, tt.give.Error())
	}
}

func second[T any](_ T, err error) error { return err }

// A bad date inside a decoded record is this package's error, not
// internal/civil's, and unknown or repeated keys are refused.
func TestDecodeErrorsAreKPIShaped(t *testing.T) {
	var r AttendanceRecord
	err := json.Unmarshal([]byte(`{"person":"a","day":"2026-02-30"}`), &r)
	var fe *FieldError
	if assert.True(t, errors.As(err, &fe), "%v", err) {
		assert.ErrorIs(t, err, ErrInvalidDate)
		assert.Equal(t, `kpi: decode attendance record: "2026-02-30": invalid date: no such date in years 1-9999`, err.Error())
	}
	var a ActivityRecord
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"person":"a","person":"b"}`), &a), ErrInvalidJSON)
	var q QuotaScheme
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"name":"x","extra":1}`), &q), ErrInvalidJSON)
	var p CommissionPlan
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"method":"whole-amount"}`), &p), ErrInvalidEnum)
	var rs []AttendanceRecord
	assert.ErrorIs(t, json.Unmarshal([]byte(`[{"person":"a","day":"2026-02-09"},{"day":"x"}]`), &rs), ErrInvalidDate)
}
