package kpi

import (
	"testing"
	"time"
)

var sinkLines []StaffingLine

// A day of 48 half hours at 10-194 Erlangs, Erlang C at 80/20.
func BenchmarkStaffingErlangC(b *testing.B) {
	ivs := dayIntervals()
	target := StaffingTarget{ServiceLevel: 0.8, AnswerWithin: 20 * time.Second, MaxOccupancy: 0.9}
	b.ReportAllocs()
	for b.Loop() {
		sinkLines, sinkErr = Staffing(ivs, target)
	}
}

// The same day with Erlang A (patience 5 minutes).
func BenchmarkStaffingErlangA(b *testing.B) {
	ivs := dayIntervals()
	target := StaffingTarget{ServiceLevel: 0.8, AnswerWithin: 20 * time.Second, MaxAbandon: 0.05, Patience: 5 * time.Minute}
	b.ReportAllocs()
	for b.Loop() {
		sinkLines, sinkErr = Staffing(ivs, target)
	}
}

func dayIntervals() []Interval {
	t0 := time.Date(2026, 2, 9, 0, 0, 0, 0, time.UTC)
	var ivs []Interval
	for i := range 48 {
		ivs = append(ivs, Interval{Start: t0.Add(time.Duration(i) * 30 * time.Minute), Length: 30 * time.Minute,
			Contacts: 100 + int64(i%24)*80, AHT: 180 * time.Second})
	}
	return ivs
}

// 100,000 contacts through ServiceLevels on the wall clock.
func BenchmarkServiceLevels(b *testing.B) {
	t0 := time.Date(2026, 2, 9, 10, 0, 0, 0, time.UTC)
	cs := make([]Contact, 100_000)
	for i := range cs {
		cs[i] = Contact{Offered: t0, Answered: t0.Add(time.Duration(i%60) * time.Second), Talk: 3 * time.Minute}
		if i%10 == 0 {
			cs[i] = Contact{Offered: t0, Abandoned: t0.Add(time.Duration(i%90) * time.Second)}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		_, sinkErr = ServiceLevels(cs, ServiceLevelOptions{Threshold: 20 * time.Second, Grace: 5 * time.Second})
	}
}
