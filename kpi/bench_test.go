package kpi

import (
	"fmt"
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
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
	s := MustSchedule(ScheduleSpec{Location: ny, Weekly: weekdays(ClockRange{Start: Clock(9, 0), End: Clock(12, 0)}, ClockRange{Start: Clock(13, 0), End: Clock(18, 0)}),
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
	s := MustSchedule(ScheduleSpec{Location: ny, Weekly: weekdays(ClockRange{Start: Clock(9, 0), End: Clock(18, 0)})})
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

var sinkReport ServiceReport

// serviceData makes n messages: conversations of 10 messages (customer and
// agent turns alternating in pairs, one system message), 40 agents,
// interleaved across 1,000 open conversations at a time, and one order per
// 20 messages.
func serviceData(n int) ([]Message, []PaidOrder) {
	msgs := make([]Message, 0, n)
	var orders []PaidOrder
	start := time.Date(2026, 2, 9, 8, 0, 0, 0, time.UTC)
	const open = 1000
	convs := n / 10
	for round := 0; round < 10; round++ {
		for block := 0; block < convs; block += open {
			for c := block; c < block+open && c < convs; c++ {
				if len(msgs) == n {
					break
				}
				conv := fmt.Sprintf("c%07d", c)
				cust := fmt.Sprintf("u%06d", c%50000)
				t := start.Add(time.Duration(c)*7*time.Second + time.Duration(round)*40*time.Second)
				m := Message{Conversation: conv, Customer: cust, At: t}
				switch {
				case round == 2:
					m.Role = RoleSystem
				case round%2 == 0:
					m.Role = RoleCustomer
				default:
					m.Role, m.Agent = RoleAgent, fmt.Sprintf("agent%02d", c%40)
				}
				msgs = append(msgs, m)
			}
		}
	}
	for c := 0; c < convs/2; c++ {
		orders = append(orders, PaidOrder{Customer: fmt.Sprintf("u%06d", c%50000), At: start.Add(time.Duration(c)*7*time.Second + time.Hour), Amount: pricing.MustNew("99.90", pricing.CNY)})
	}
	return msgs, orders
}

// 1,000,000 messages: the issue asks for under one second on one core.
func BenchmarkServiceMetrics1M(b *testing.B) {
	msgs, orders := serviceData(1_000_000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		sinkReport, sinkErr = ServiceMetrics(msgs, orders, ServiceOptions{})
	}
	if sinkErr != nil {
		b.Fatal(sinkErr)
	}
}

// The same in business hours (Monday-Friday 09:00-18:00, New York).
func BenchmarkServiceMetrics1MBusinessHours(b *testing.B) {
	msgs, orders := serviceData(1_000_000)
	s := MustSchedule(ScheduleSpec{Location: loadLoc(b, "America/New_York"), Weekly: weekdays(nineToSix())})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		sinkReport, sinkErr = ServiceMetrics(msgs, orders, ServiceOptions{Schedule: &s})
	}
	if sinkErr != nil {
		b.Fatal(sinkErr)
	}
}

// Issue 12's hostile case: 20,000 turns each spanning 50 years, measured in
// business hours in New York and in Shanghai.
func BenchmarkServiceMetricsLongTurns(b *testing.B) {
	for _, zone := range []string{"America/New_York", "Asia/Shanghai"} {
		b.Run(zone, func(b *testing.B) {
			s := MustSchedule(ScheduleSpec{Location: loadLoc(b, zone), Weekly: weekdays(nineToSix())})
			var msgs []Message
			t0 := time.Date(1976, 1, 1, 0, 0, 0, 0, time.UTC)
			for c := 0; c < 20000; c++ {
				conv := fmt.Sprintf("c%d", c)
				msgs = append(msgs, Message{Conversation: conv, Customer: conv, Role: RoleCustomer, At: t0.Add(time.Duration(c) * time.Minute)},
					Message{Conversation: conv, Customer: conv, Role: RoleAgent, Agent: "a", At: t0.Add(time.Duration(c)*time.Minute + 50*365*24*time.Hour)})
			}
			b.ResetTimer()
			for b.Loop() {
				sinkReport, sinkErr = ServiceMetrics(msgs, nil, ServiceOptions{Schedule: &s})
			}
			if sinkErr != nil {
				b.Fatal(sinkErr)
			}
		})
	}
}
