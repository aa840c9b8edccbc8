package kpi

import (
	"fmt"
	"testing"
	"time"
)

var (
	sinkDuration time.Duration
	sinkCards    []Scorecard
	sinkErr      error
)

// A ticket from Friday afternoon to Tuesday morning in New York, across a
// weekend: the issue asks for at least 2,000,000 durations a second.
func BenchmarkBetween(b *testing.B) {
	ny := loadLoc(b, "America/New_York")
	s := MustSchedule(ScheduleSpec{Location: ny, Weekly: weekdays(TimeRange{Clock(9, 0), Clock(12, 0)}, TimeRange{Clock(13, 0), Clock(18, 0)}),
		Holidays: []Date{MustDate(2026, 5, 25)}})
	from := time.Date(2026, 5, 22, 16, 20, 5, 0, ny)
	to := time.Date(2026, 5, 26, 10, 5, 0, 0, ny)
	b.ReportAllocs()
	for b.Loop() {
		sinkDuration = s.Between(from, to)
	}
}

// A same-day response (a few minutes), the common case in customer service.
func BenchmarkBetweenSameDay(b *testing.B) {
	ny := loadLoc(b, "America/New_York")
	s := MustSchedule(ScheduleSpec{Location: ny, Weekly: weekdays(TimeRange{Clock(9, 0), Clock(18, 0)})})
	from := time.Date(2026, 5, 22, 10, 20, 5, 0, ny)
	to := from.Add(95 * time.Second)
	b.ReportAllocs()
	for b.Loop() {
		sinkDuration = s.Between(from, to)
	}
}

// benchScheme has 12 metrics mixing every curve kind.
func benchScheme() Scheme {
	var ms []Metric
	for i := 0; i < 12; i++ {
		m := Metric{ID: fmt.Sprintf("m%02d", i), Direction: HigherIsBetter, Target: 100, Weight: 1.0 / 12}
		switch i % 4 {
		case 0:
			m.Curve = Curve{Kind: Linear, Cap: 1.2}
		case 1:
			m.Direction, m.Curve = LowerIsBetter, Curve{Kind: Inverse, Cap: 1.5}
		case 2:
			m.Curve = Curve{Kind: Threshold}
		case 3:
			m.Curve = Curve{Kind: Bands, Bands: []Band{{50, 0.5}, {80, 0.8}, {100, 1}}}
		}
		ms = append(ms, m)
	}
	return Scheme{Metrics: ms, Weights: WeightsNormalize}
}

// 10,000 people × 12 metrics: the issue asks for under 20 ms.
func BenchmarkScoreAll10kx12(b *testing.B) {
	s := benchScheme()
	obs := make([]Observation, 10000)
	for i := range obs {
		v := make(map[string]float64, 12)
		for j, m := range s.Metrics {
			v[m.ID] = float64((i*7 + j*13) % 150)
		}
		obs[i] = Observation{Person: fmt.Sprintf("p%05d", i), Values: v}
	}
	b.ReportAllocs()
	for b.Loop() {
		sinkCards, sinkErr = s.ScoreAll(obs)
	}
}
