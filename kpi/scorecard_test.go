package kpi

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// csScheme is a customer-service scheme used across tests: first response
// time (lower is better, inverse, cap 1.2), conversion (linear to 40%, cap
// 1.2), reception (bands), and a pass/fail quiz.
func csScheme() Scheme {
	return Scheme{
		Name: "cs",
		Metrics: []Metric{
			{ID: "frt", Name: "首次响应时间", Unit: "s", Direction: LowerIsBetter, Target: 30, Weight: 0.4, Curve: Curve{Kind: Inverse, Cap: 1.2}},
			{ID: "conv", Name: "询单转化率", Unit: "%", Direction: HigherIsBetter, Target: 40, Weight: 0.3, Curve: Curve{Kind: Linear, Cap: 1.2}},
			{ID: "reception", Name: "接待人数", Direction: HigherIsBetter, Target: 100, Weight: 0.2, Curve: Curve{Kind: Bands, Bands: []Band{{50, 0.5}, {80, 0.8}, {100, 1}}}},
			{ID: "quiz", Name: "每日考试", Direction: HigherIsBetter, Target: 100, Weight: 0.1, Curve: Curve{Kind: Threshold}},
		},
	}
}

func TestCurveScores(t *testing.T) {
	tests := []struct {
		name string
		m    Metric
		give float64
		want float64
	}{
		{"linear half", Metric{ID: "x", Direction: HigherIsBetter, Target: 200, Curve: Curve{Kind: Linear}}, 100, 0.5},
		{"linear capped at 1", Metric{ID: "x", Direction: HigherIsBetter, Target: 200, Curve: Curve{Kind: Linear}}, 300, 1},
		{"linear cap 1.2", Metric{ID: "x", Direction: HigherIsBetter, Target: 200, Curve: Curve{Kind: Linear, Cap: 1.2}}, 230, 1.15},
		{"linear cap 1.2 reached", Metric{ID: "x", Direction: HigherIsBetter, Target: 200, Curve: Curve{Kind: Linear, Cap: 1.2}}, 1000, 1.2},
		{"linear negative value", Metric{ID: "x", Direction: HigherIsBetter, Target: 200, Curve: Curve{Kind: Linear}}, -5, 0},
		{"linear with zero point", Metric{ID: "x", Direction: HigherIsBetter, Target: 100, Curve: Curve{Kind: Linear, Zero: 60}}, 80, 0.5},
		// Lower is better, 0 at 300 s, 1 at 60 s: 180 s scores 0.5.
		{"linear lower", Metric{ID: "x", Direction: LowerIsBetter, Target: 60, Curve: Curve{Kind: Linear, Zero: 300}}, 180, 0.5},
		{"linear lower beyond zero", Metric{ID: "x", Direction: LowerIsBetter, Target: 60, Curve: Curve{Kind: Linear, Zero: 300}}, 400, 0},
		{"linear lower better than target capped", Metric{ID: "x", Direction: LowerIsBetter, Target: 60, Curve: Curve{Kind: Linear, Zero: 300, Cap: 1.1}}, 0, 1.1},
		{"inverse", Metric{ID: "x", Direction: LowerIsBetter, Target: 60, Curve: Curve{Kind: Inverse}}, 120, 0.5},
		{"inverse faster capped", Metric{ID: "x", Direction: LowerIsBetter, Target: 60, Curve: Curve{Kind: Inverse, Cap: 1.5}}, 30, 1.5},
		{"inverse zero value", Metric{ID: "x", Direction: LowerIsBetter, Target: 60, Curve: Curve{Kind: Inverse}}, 0, 1},
		{"threshold pass on target", Metric{ID: "x", Direction: HigherIsBetter, Target: 100, Curve: Curve{Kind: Threshold}}, 100, 1},
		{"threshold fail", Metric{ID: "x", Direction: HigherIsBetter, Target: 100, Curve: Curve{Kind: Threshold}}, 99.9, 0},
		{"threshold lower pass", Metric{ID: "x", Direction: LowerIsBetter, Target: 180, Curve: Curve{Kind: Threshold}}, 180, 1},
		{"threshold lower fail", Metric{ID: "x", Direction: LowerIsBetter, Target: 180, Curve: Curve{Kind: Threshold}}, 181, 0},
		{"bands below", csScheme().Metrics[2], 49, 0},
		{"bands on boundary", csScheme().Metrics[2], 80, 0.8},
		{"bands between", csScheme().Metrics[2], 99, 0.8},
		{"bands top", csScheme().Metrics[2], 500, 1},
		{"bands lower", Metric{ID: "x", Direction: LowerIsBetter, Target: 30, Curve: Curve{Kind: Bands, Bands: []Band{{30, 1}, {60, 0.8}, {120, 0.5}}}}, 45, 0.8},
		{"bands lower boundary", Metric{ID: "x", Direction: LowerIsBetter, Target: 30, Curve: Curve{Kind: Bands, Bands: []Band{{30, 1}, {60, 0.8}, {120, 0.5}}}}, 30, 1},
		{"bands lower too slow", Metric{ID: "x", Direction: LowerIsBetter, Target: 30, Curve: Curve{Kind: Bands, Bands: []Band{{30, 1}, {60, 0.8}, {120, 0.5}}}}, 121, 0},
	}
	for _, tt := range tests {
		got, err := tt.m.Score(tt.give)
		require.NoError(t, err, tt.name)
		assert.InDelta(t, tt.want, got, 1e-12, "%s: Score(%v) = %v, want %v", tt.name, tt.give, got, tt.want)
	}
}

func TestMetricErrors(t *testing.T) {
	tests := []struct {
		name string
		give Metric
		want error
		msg  string
	}{
		{"no id", Metric{Direction: HigherIsBetter, Target: 1, Curve: Curve{Kind: Linear}}, ErrEmpty, "id"},
		{"no direction", Metric{ID: "x", Target: 1, Curve: Curve{Kind: Linear}}, ErrInvalidEnum, "direction 0"},
		{"nan target", Metric{ID: "x", Direction: HigherIsBetter, Target: math.NaN(), Curve: Curve{Kind: Linear}}, ErrInvalidNumber, "target NaN"},
		{"negative weight", Metric{ID: "x", Direction: HigherIsBetter, Target: 1, Weight: -0.1, Curve: Curve{Kind: Linear}}, ErrNegativeWeight, "weight -0.1"},
		{"inf weight", Metric{ID: "x", Direction: HigherIsBetter, Target: 1, Weight: math.Inf(1), Curve: Curve{Kind: Linear}}, ErrInvalidNumber, "weight"},
		{"no curve", Metric{ID: "x", Direction: HigherIsBetter, Target: 1}, ErrInvalidEnum, "curve.kind 0"},
		{"linear zero target", Metric{ID: "x", Direction: HigherIsBetter, Target: 0, Curve: Curve{Kind: Linear}}, ErrInvalidTarget, "curve.target 0"},
		{"linear negative target", Metric{ID: "x", Direction: HigherIsBetter, Target: -5, Curve: Curve{Kind: Linear}}, ErrInvalidTarget, "target -5"},
		{"linear lower without zero", Metric{ID: "x", Direction: LowerIsBetter, Target: 60, Curve: Curve{Kind: Linear}}, ErrInvalidCurve, "curve.zero 0"},
		{"inverse higher", Metric{ID: "x", Direction: HigherIsBetter, Target: 60, Curve: Curve{Kind: Inverse}}, ErrInvalidCurve, "inverse"},
		{"inverse negative target", Metric{ID: "x", Direction: LowerIsBetter, Target: -1, Curve: Curve{Kind: Inverse}}, ErrInvalidTarget, "target -1"},
		{"cap below 1", Metric{ID: "x", Direction: HigherIsBetter, Target: 1, Curve: Curve{Kind: Linear, Cap: 0.5}}, ErrInvalidCurve, "curve.cap 0.5"},
		{"zero on threshold", Metric{ID: "x", Direction: HigherIsBetter, Target: 1, Curve: Curve{Kind: Threshold, Zero: 3}}, ErrInvalidCurve, "zero"},
		{"bands on linear", Metric{ID: "x", Direction: HigherIsBetter, Target: 1, Curve: Curve{Kind: Linear, Bands: []Band{{1, 1}}}}, ErrInvalidCurve, "bands"},
		{"no bands", Metric{ID: "x", Direction: HigherIsBetter, Target: 1, Curve: Curve{Kind: Bands}}, ErrInvalidCurve, "bands"},
		{"bands order", Metric{ID: "x", Direction: HigherIsBetter, Target: 1, Curve: Curve{Kind: Bands, Bands: []Band{{5, 1}, {5, 1}}}}, ErrInvalidCurve, "bands[1].at 5"},
		{"band above cap", Metric{ID: "x", Direction: HigherIsBetter, Target: 1, Curve: Curve{Kind: Bands, Bands: []Band{{5, 1.5}}}}, ErrInvalidCurve, "bands[0].score 1.5"},
		{"band nan", Metric{ID: "x", Direction: HigherIsBetter, Target: 1, Curve: Curve{Kind: Bands, Bands: []Band{{math.NaN(), 1}}}}, ErrInvalidNumber, "bands[0].at"},
	}
	for _, tt := range tests {
		_, err := tt.give.Score(1)
		require.Error(t, err, tt.name)
		assert.ErrorIs(t, err, tt.want, tt.name)
		assert.Contains(t, err.Error(), tt.msg, tt.name)
	}
	_, err := csScheme().Metrics[0].Score(math.Inf(1))
	assert.ErrorIs(t, err, ErrInvalidNumber)
}

func TestScorecardContributions(t *testing.T) {
	// Hand-worked: frt 20 s -> 30/20 = 1.5 capped 1.2 -> 0.48 points;
	// conv 30% -> 0.75 -> 0.225; reception 85 -> band 80 -> 0.8 -> 0.16;
	// quiz 90 -> fail -> 0. Total 0.865.
	sc, err := csScheme().Score(Observation{Person: "amy", Period: "2026-02-09", Values: map[string]float64{"frt": 20, "conv": 30, "reception": 85, "quiz": 90}})
	require.NoError(t, err)
	want := []float64{0.48, 0.225, 0.16, 0}
	require.Len(t, sc.Lines, 4)
	for i, l := range sc.Lines {
		assert.InDelta(t, want[i], l.Points, 1e-12, "line %s", l.MetricID)
	}
	assert.InDelta(t, 0.865, sc.Total, 1e-12)
	assert.Equal(t, "2026-02-09", sc.Period)
	max, err := csScheme().MaxTotal()
	require.NoError(t, err)
	assert.InDelta(t, 0.4*1.2+0.3*1.2+0.2+0.1, max, 1e-12)
}

func TestScorecardMissingPolicies(t *testing.T) {
	obs := Observation{Person: "bo", Values: map[string]float64{"frt": 30, "conv": 40}}
	s := csScheme()
	_, err := s.Score(obs)
	assert.ErrorIs(t, err, ErrMissingData)
	assert.Contains(t, err.Error(), `values["reception"]`)

	s.Missing = MissingScoresZero
	sc, err := s.Score(obs)
	require.NoError(t, err)
	assert.InDelta(t, 0.7, sc.Total, 1e-12) // 0.4 + 0.3, the missing metrics score 0
	assert.True(t, sc.Lines[2].Missing)
	assert.False(t, sc.Lines[2].Excluded)

	s.Missing = MissingExcluded
	sc, err = s.Score(obs)
	require.NoError(t, err)
	assert.InDelta(t, 1, sc.Total, 1e-12) // renormalised over frt and conv
	assert.InDelta(t, 0.4/0.7, sc.Lines[0].Weight, 1e-12)
	assert.True(t, sc.Lines[3].Excluded)
	assert.Zero(t, sc.Lines[3].Weight)

	_, err = s.Score(Observation{Person: "cy"})
	assert.ErrorIs(t, err, ErrMissingData)
}

func TestSchemeWeights(t *testing.T) {
	s := csScheme()
	s.Metrics[0].Weight = 0.5 // sum 1.1
	err := s.Validate()
	assert.ErrorIs(t, err, ErrWeightSum)
	assert.Contains(t, err.Error(), "kpi: scorecard: sum of metrics[*].weight 1.1")

	s.Weights = WeightsNormalize
	sc, err := s.Score(Observation{Values: map[string]float64{"frt": 30, "conv": 40, "reception": 100, "quiz": 100}})
	require.NoError(t, err)
	assert.InDelta(t, 1, sc.Total, 1e-12)
	assert.InDelta(t, 0.5/1.1, sc.Lines[0].Weight, 1e-12)

	s.Metrics[2].Weight = -0.1
	err = s.Validate()
	assert.ErrorIs(t, err, ErrNegativeWeight)
	assert.EqualError(t, err, "kpi: scorecard: metrics[2].weight -0.1: negative weight")
}

func TestSchemeErrors(t *testing.T) {
	tests := []struct {
		name string
		give func(s *Scheme)
		want error
	}{
		{"no metrics", func(s *Scheme) { s.Metrics = nil }, ErrEmpty},
		{"duplicate id", func(s *Scheme) { s.Metrics[1].ID = "frt" }, ErrDuplicate},
		{"weight policy", func(s *Scheme) { s.Weights = 7 }, ErrInvalidEnum},
		{"missing policy", func(s *Scheme) { s.Missing = 7 }, ErrInvalidEnum},
		{"all zero weights normalised", func(s *Scheme) {
			s.Weights = WeightsNormalize
			for i := range s.Metrics {
				s.Metrics[i].Weight = 0
			}
		}, ErrWeightSum},
		{"bad metric", func(s *Scheme) { s.Metrics[3].Direction = 0 }, ErrInvalidEnum},
	}
	for _, tt := range tests {
		s := csScheme()
		tt.give(&s)
		_, err := s.ScoreAll([]Observation{{}})
		assert.ErrorIs(t, err, tt.want, tt.name)
		_, err = s.MaxTotal()
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
	s := csScheme()
	_, err := s.Score(Observation{Values: map[string]float64{"frt": 1, "conv": 1, "reception": 1, "quiz": 1, "bogus": 1}})
	assert.ErrorIs(t, err, ErrUnknownMetric)
	_, err = s.ScoreAll([]Observation{{Values: map[string]float64{"frt": math.NaN(), "conv": 1, "reception": 1, "quiz": 1}}})
	assert.ErrorIs(t, err, ErrInvalidNumber)
	assert.Contains(t, err.Error(), `observations[0].values["frt"]`)
}

func TestScoreAllAndRollUp(t *testing.T) {
	obs := []Observation{
		{Person: "amy", Values: map[string]float64{"frt": 30, "conv": 40, "reception": 100, "quiz": 100}}, // 1.0
		{Person: "bo", Values: map[string]float64{"frt": 60, "conv": 20, "reception": 50, "quiz": 0}},     // 0.2+0.15+0.1 = 0.45
	}
	cards, err := csScheme().ScoreAll(obs)
	require.NoError(t, err)
	require.Len(t, cards, 2)
	assert.InDelta(t, 1.0, cards[0].Total, 1e-12)
	assert.InDelta(t, 0.45, cards[1].Total, 1e-12)

	tests := []struct {
		agg     Aggregation
		weights []float64
		want    float64
	}{
		{Sum, nil, 1.45},
		{Mean, nil, 0.725},
		{WeightedMean, []float64{3, 1}, (3*1.0 + 0.45) / 4},
	}
	for _, tt := range tests {
		ts, err := RollUp("north", cards, tt.agg, tt.weights)
		require.NoError(t, err)
		assert.InDelta(t, tt.want, ts.Total, 1e-12, "RollUp(%v)", tt.agg)
		sum := 0.0
		for _, m := range ts.Metrics {
			sum += m.Points
		}
		assert.InDelta(t, ts.Total, sum, 1e-12, "metric points add up (%v)", tt.agg)
		assert.Equal(t, int64(2), ts.People)
	}
}

func TestRollUpErrors(t *testing.T) {
	cards, err := csScheme().ScoreAll([]Observation{{Values: map[string]float64{"frt": 30, "conv": 40, "reception": 100, "quiz": 100}}})
	require.NoError(t, err)
	other := Scorecard{Lines: []Contribution{{MetricID: "x"}}}
	swapped := Scorecard{Lines: append([]Contribution(nil), cards[0].Lines...)}
	swapped.Lines[0].MetricID = "zzz"
	tests := []struct {
		name    string
		cards   []Scorecard
		agg     Aggregation
		weights []float64
		want    error
	}{
		{"bad aggregation", cards, 0, nil, ErrInvalidEnum},
		{"no cards", nil, Sum, nil, ErrEmpty},
		{"weights length", cards, WeightedMean, nil, ErrInconsistent},
		{"negative weight", cards, WeightedMean, []float64{-1}, ErrNegativeWeight},
		{"nan weight", cards, WeightedMean, []float64{math.NaN()}, ErrInvalidNumber},
		{"zero weights", cards, WeightedMean, []float64{0}, ErrWeightSum},
		{"different schemes", []Scorecard{cards[0], other}, Mean, nil, ErrInconsistent},
		{"different order", []Scorecard{cards[0], swapped}, Mean, nil, ErrInconsistent},
	}
	for _, tt := range tests {
		_, err := RollUp("t", tt.cards, tt.agg, tt.weights)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
}

func TestSchemeJSONRoundTrip(t *testing.T) {
	s := csScheme()
	s.Missing = MissingExcluded
	b, err := json.Marshal(s)
	require.NoError(t, err)
	back, err := ParseScheme(b)
	require.NoError(t, err)
	assert.Equal(t, s, back)
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))
	assert.Contains(t, string(b), `"direction":"lower"`)
	assert.Contains(t, string(b), `"missing":"exclude"`)
}

func TestSchemeJSONErrors(t *testing.T) {
	tests := []struct {
		name string
		give string
		want error
		msg  string
	}{
		{"unknown field", `{"metrics":[{"id":"a","direction":"higher","target":1,"weight":1,"curve":{"kind":"linear"},"colour":"red"}]}`, ErrInvalidJSON, "colour: invalid JSON: unknown key"},
		{"unknown nested field", `{"metrics":[{"id":"a","direction":"higher","target":1,"weight":1,"curve":{"kind":"linear","slope":2}}]}`, ErrInvalidJSON, "slope: invalid JSON: unknown key"},
		{"bad enum", `{"metrics":[{"id":"a","direction":"up","target":1,"weight":1,"curve":{"kind":"linear"}}]}`, ErrInvalidEnum, "direction"},
		{"weights", `{"metrics":[{"id":"a","direction":"higher","target":1,"weight":0.5,"curve":{"kind":"linear"}}]}`, ErrWeightSum, "weight"},
		{"trailing", `{"metrics":[{"id":"a","direction":"higher","target":1,"weight":1,"curve":{"kind":"linear"}}]} {}`, ErrInvalidJSON, "data after the value"},
		{"policy", `{"metrics":[{"id":"a","direction":"higher","target":1,"weight":1,"curve":{"kind":"linear"}}],"missing":"ignore"}`, ErrInvalidEnum, "missing"},
	}
	for _, tt := range tests {
		_, err := ParseScheme([]byte(tt.give))
		require.Error(t, err, tt.name)
		if tt.want != nil {
			assert.ErrorIs(t, err, tt.want, tt.name)
		}
		assert.Contains(t, err.Error(), tt.msg, tt.name)
	}
	// A valid text enum round-trips through MarshalText for every kind.
	for _, k := range []CurveKind{Linear, Inverse, Threshold, Bands} {
		b, err := k.MarshalText()
		require.NoError(t, err)
		var back CurveKind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back)
	}
	_, err := CurveKind(0).MarshalText()
	assert.ErrorIs(t, err, ErrInvalidEnum)
}
