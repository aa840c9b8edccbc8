package kpi

import (
	"fmt"
	"math"
)

// WeightPolicy says what a scheme's weights must sum to. The zero value,
// [WeightsSumToOne], is the strict default.
type WeightPolicy uint8

const (
	// WeightsSumToOne: the weights must sum to 1 (within 1e-9), or the
	// scheme is invalid ([ErrWeightSum]).
	WeightsSumToOne WeightPolicy = iota
	// WeightsNormalize: weights are relative (3, 2, 5); each is divided by
	// their sum, which must be positive.
	WeightsNormalize
)

// MissingPolicy says what happens when a person has no value for a metric
// (缺失数据). The zero value, [MissingFails], is the strict default.
type MissingPolicy uint8

const (
	// MissingFails: a missing value is an error ([ErrMissingData]).
	MissingFails MissingPolicy = iota
	// MissingScoresZero: the metric scores 0 (not the value 0, which would be
	// the best possible response time) and keeps its weight.
	MissingScoresZero
	// MissingExcluded: the metric is left out and the remaining weights are
	// renormalised to sum to 1: w'_i = w_i / Σ_{present j} w_j. A person
	// with every metric missing is an error.
	MissingExcluded
)

// weightTolerance is how far from 1 weights may sum under WeightsSumToOne.
const weightTolerance = 1e-9

// Scheme is an appraisal scheme (考核方案): the metrics with their weights and
// curves, the weight policy and the missing-data policy. Schemes have a JSON
// form (see [Scheme.UnmarshalJSON]) for teams that edit them in their own
// tools.
type Scheme struct {
	Name    string        `json:"name,omitempty"`
	Metrics []Metric      `json:"metrics"`
	Weights WeightPolicy  `json:"weights"`
	Missing MissingPolicy `json:"missing"`
}

// Observation is one person's metric values for a period, keyed by metric
// ID. A metric without a key is missing. Period is a free label ("2026-02",
// "2026-W07") carried to the scorecard.
type Observation struct {
	Person string             `json:"person"`
	Period string             `json:"period"`
	Values map[string]float64 `json:"values"`
}

// Contribution is one metric's line on a scorecard: the value, the score
// from the curve, the effective weight (after normalisation and, under
// [MissingExcluded], renormalisation) and the points it contributed,
// Points = Weight × Score.
type Contribution struct {
	MetricID string  `json:"metric_id"`
	Value    float64 `json:"value"` // 0 when Missing
	Missing  bool    `json:"missing"`
	Excluded bool    `json:"excluded"` // missing and left out under MissingExcluded; Weight is 0
	Score    float64 `json:"score"`
	Weight   float64 `json:"weight"`
	Points   float64 `json:"points"`
}

// Scorecard (个人考核表) is one person's result: the lines in scheme order
// and Total = Σ Points. A total of 1 means every target met; the most a
// scorecard can reach is the largest cap among its metrics.
type Scorecard struct {
	Person string         `json:"person"`
	Period string         `json:"period"`
	Total  float64        `json:"total"`
	Lines  []Contribution `json:"lines"`
}

// scheme is a validated Scheme with normalised weights and an index.
type scheme struct {
	Scheme
	weights []float64
	index   map[string]int
}

const opScorecard = "scorecard"

// Validate checks the scheme: at least one metric, unique non-empty IDs,
// valid metrics (see [Metric.Validate]), known policies, and weights that
// satisfy the weight policy. Errors name the field:
// "kpi: scorecard: metrics[2].weight -0.1: negative weight".
func (s Scheme) Validate() error {
	_, err := s.compile()
	return err
}

func (s Scheme) compile() (scheme, error) {
	if len(s.Metrics) == 0 {
		return scheme{}, fieldErr(opScorecard, "metrics", nil, ErrEmpty, "a scheme needs at least one metric")
	}
	if s.Weights > WeightsNormalize {
		return scheme{}, fieldErr(opScorecard, "weights", int(s.Weights), ErrInvalidEnum)
	}
	if s.Missing > MissingExcluded {
		return scheme{}, fieldErr(opScorecard, "missing", int(s.Missing), ErrInvalidEnum)
	}
	c := scheme{Scheme: s, weights: make([]float64, len(s.Metrics)), index: make(map[string]int, len(s.Metrics))}
	sum := 0.0
	for i, m := range s.Metrics {
		f := fmt.Sprintf("metrics[%d]", i)
		if err := m.validate(opScorecard, f); err != nil {
			return scheme{}, err
		}
		if _, dup := c.index[m.ID]; dup {
			return scheme{}, fieldErr(opScorecard, f+".id", m.ID, ErrDuplicate)
		}
		c.index[m.ID] = i
		sum += m.Weight
	}
	switch {
	case s.Weights == WeightsSumToOne && math.Abs(sum-1) > weightTolerance:
		return scheme{}, fieldErr(opScorecard, "sum of metrics[*].weight", sum, ErrWeightSum)
	case !(sum > 0) || math.IsInf(sum, 0):
		return scheme{}, fieldErr(opScorecard, "sum of metrics[*].weight", sum, ErrWeightSum, "must be positive")
	}
	for i, m := range s.Metrics {
		c.weights[i] = m.Weight / sum
	}
	// Copy the metrics so that later changes to the caller's slice cannot
	// change a compiled scheme.
	c.Metrics = append([]Metric(nil), s.Metrics...)
	return c, nil
}

// MaxTotal returns the highest total a scorecard of this scheme can reach:
// Σ weight_i × cap_i with normalised weights (1 when no metric has a cap
// above 1). Under [MissingExcluded] a person with missing metrics can reach
// at most the largest cap. Errors: an invalid scheme.
func (s Scheme) MaxTotal() (float64, error) {
	c, err := s.compile()
	if err != nil {
		return 0, err
	}
	t := 0.0
	for i, m := range c.Metrics {
		t += c.weights[i] * m.Curve.MaxScore()
	}
	return t, nil
}

// Score returns the scorecard of one person. Errors: an invalid scheme; a
// value for an unknown metric ([ErrUnknownMetric]); a NaN or infinite value
// ([ErrInvalidNumber]); missing data under [MissingFails], or every metric
// missing under [MissingExcluded] ([ErrMissingData]).
func (s Scheme) Score(o Observation) (Scorecard, error) {
	c, err := s.compile()
	if err != nil {
		return Scorecard{}, err
	}
	return c.score(o, 0, false)
}

// ScoreAll returns one scorecard per observation, in input order. The
// scheme is validated once. Errors are those of [Scheme.Score], naming the
// observation ("observations[3]").
func (s Scheme) ScoreAll(obs []Observation) ([]Scorecard, error) {
	c, err := s.compile()
	if err != nil {
		return nil, err
	}
	out := make([]Scorecard, len(obs))
	// One backing array for every line keeps 10,000 scorecards to a
	// handful of allocations.
	lines := make([]Contribution, len(obs)*len(c.Metrics))
	for i, o := range obs {
		sc, err := c.scoreInto(o, i, true, lines[i*len(c.Metrics):(i+1)*len(c.Metrics):(i+1)*len(c.Metrics)])
		if err != nil {
			return nil, err
		}
		out[i] = sc
	}
	return out, nil
}

func (c scheme) score(o Observation, i int, many bool) (Scorecard, error) {
	return c.scoreInto(o, i, many, make([]Contribution, len(c.Metrics)))
}

func (c scheme) scoreInto(o Observation, idx int, many bool, lines []Contribution) (Scorecard, error) {
	at := func(f string) string {
		if many {
			return fmt.Sprintf("observations[%d].%s", idx, f)
		}
		return f
	}
	found := 0
	present := 0.0
	for i, m := range c.Metrics {
		l := Contribution{MetricID: m.ID, Weight: c.weights[i]}
		v, ok := o.Values[m.ID]
		switch {
		case ok:
			found++
			if !finite(v) {
				return Scorecard{}, fieldErr(opScorecard, at(fmt.Sprintf("values[%q]", m.ID)), v, ErrInvalidNumber)
			}
			l.Value = v
			l.Score = m.Curve.score(m.Direction, m.Target, v)
			present += c.weights[i]
		case c.Missing == MissingFails:
			return Scorecard{}, fieldErr(opScorecard, at(fmt.Sprintf("values[%q]", m.ID)), nil, ErrMissingData, "person "+o.Person)
		case c.Missing == MissingExcluded:
			l.Missing, l.Excluded, l.Weight = true, true, 0
		default:
			l.Missing = true
		}
		lines[i] = l
	}
	if found != len(o.Values) {
		for _, k := range sortedKeys(o.Values) {
			if _, ok := c.index[k]; !ok {
				return Scorecard{}, fieldErr(opScorecard, at("values"), k, ErrUnknownMetric)
			}
		}
	}
	if c.Missing == MissingExcluded && found < len(c.Metrics) {
		if found == 0 || !(present > 0) {
			return Scorecard{}, fieldErr(opScorecard, at("values"), nil, ErrMissingData, "no weighted metric present for person "+o.Person)
		}
		for i := range lines {
			lines[i].Weight /= present
		}
	}
	sc := Scorecard{Person: o.Person, Period: o.Period, Lines: lines}
	for i := range lines {
		lines[i].Points = lines[i].Weight * lines[i].Score
		sc.Total += lines[i].Points
	}
	return sc, nil
}

// Aggregation is how a team roll-up (团队汇总) combines its members'
// scorecards. The zero value is invalid.
type Aggregation uint8

const (
	// Sum adds the members' totals.
	Sum Aggregation = iota + 1
	// Mean is the arithmetic mean of the members' totals.
	Mean
	// WeightedMean is Σ w_i × total_i / Σ w_i with caller-given weights
	// (hours worked, tenure ...).
	WeightedMean
)

// MetricRollUp is one metric's points aggregated over a team.
type MetricRollUp struct {
	MetricID string  `json:"metric_id"`
	Points   float64 `json:"points"`
}

// TeamScore is a team roll-up: the team's aggregated total and the
// aggregated points of each metric, in the scorecards' line order, so the
// per-metric points add up to the total.
type TeamScore struct {
	Team    string         `json:"team"`
	People  int64          `json:"people"`
	Total   float64        `json:"total"`
	Metrics []MetricRollUp `json:"metrics"`
}

// RollUp combines scorecards of one scheme into a team score. weights is
// used only by [WeightedMean] and must have one non-negative weight per
// scorecard with a positive sum. Errors: an unknown aggregation
// ([ErrInvalidEnum]); no scorecards ([ErrEmpty]); scorecards whose lines
// differ in metric order ([ErrInconsistent]); bad weights
// ([ErrNegativeWeight], [ErrWeightSum], [ErrInvalidNumber]).
func RollUp(team string, cards []Scorecard, agg Aggregation, weights []float64) (TeamScore, error) {
	const op = "roll-up"
	if agg < Sum || agg > WeightedMean {
		return TeamScore{}, fieldErr(op, "aggregation", int(agg), ErrInvalidEnum)
	}
	if len(cards) == 0 {
		return TeamScore{}, fieldErr(op, "cards", nil, ErrEmpty, "team "+team)
	}
	w := make([]float64, len(cards))
	wsum := 0.0
	switch agg {
	case WeightedMean:
		if len(weights) != len(cards) {
			return TeamScore{}, fieldErr(op, "weights", len(weights), ErrInconsistent, fmt.Sprintf("want one per scorecard (%d)", len(cards)))
		}
		for i, x := range weights {
			if !finite(x) {
				return TeamScore{}, fieldErr(op, fmt.Sprintf("weights[%d]", i), x, ErrInvalidNumber)
			}
			if x < 0 {
				return TeamScore{}, fieldErr(op, fmt.Sprintf("weights[%d]", i), x, ErrNegativeWeight)
			}
			w[i] = x
			wsum += x
		}
		if !(wsum > 0) || math.IsInf(wsum, 0) {
			return TeamScore{}, fieldErr(op, "sum of weights", wsum, ErrWeightSum, "must be positive")
		}
	default:
		for i := range w {
			w[i] = 1
		}
		wsum = float64(len(cards))
		if agg == Sum {
			wsum = 1
		}
	}
	ts := TeamScore{Team: team, People: int64(len(cards)), Metrics: make([]MetricRollUp, len(cards[0].Lines))}
	for j, l := range cards[0].Lines {
		ts.Metrics[j].MetricID = l.MetricID
	}
	for i, c := range cards {
		if len(c.Lines) != len(ts.Metrics) {
			return TeamScore{}, fieldErr(op, fmt.Sprintf("cards[%d].lines", i), len(c.Lines), ErrInconsistent, "scorecards of different schemes")
		}
		for j, l := range c.Lines {
			if l.MetricID != ts.Metrics[j].MetricID {
				return TeamScore{}, fieldErr(op, fmt.Sprintf("cards[%d].lines[%d]", i, j), l.MetricID, ErrInconsistent, "want "+ts.Metrics[j].MetricID)
			}
			ts.Metrics[j].Points += w[i] / wsum * l.Points // w/wsum ≤ 1 keeps it finite
		}
		ts.Total += w[i] / wsum * c.Total
	}
	// Scorecards from Scheme.Score stay far below the float range (MaxCap);
	// cards built by hand may not.
	if !finite(ts.Total) {
		return TeamScore{}, fieldErr(op, "cards[*].total", ts.Total, ErrTooLarge, "the roll-up overflows float64")
	}
	for j := range ts.Metrics {
		if !finite(ts.Metrics[j].Points) {
			return TeamScore{}, fieldErr(op, fmt.Sprintf("cards[*].lines[%d].points", j), ts.Metrics[j].Points, ErrTooLarge, "the roll-up overflows float64")
		}
	}
	return ts, nil
}
