package funnel

import (
	"testing"
	"time"
)

// BenchmarkCorrelation runs a correlation over the 600-actor shard log
// (about 3,900 events): one Funnel.Run per actor.
func BenchmarkCorrelation(b *testing.B) {
	ev := shardEvents()
	c := Correlation{Funnel: MustNew([]Matcher{{Event: "view"}, {Event: "cart"}, {Event: "pay"}}, 48*time.Hour), Properties: []string{"ch"}}
	b.ReportAllocs()
	for b.Loop() {
		t, err := c.Run(ev)
		if err != nil || len(t.Counts()) == 0 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(ev))*float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkResultBinary encodes and decodes a funnel result with a
// breakdown.
func BenchmarkResultBinary(b *testing.B) {
	f := MustNew([]Matcher{{Event: "view"}, {Event: "cart"}, {Event: "pay"}}, 48*time.Hour, WithBreakdown("ch", AtFirstStep))
	r, err := f.Run(shardEvents())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		buf, err := r.MarshalBinary()
		if err != nil {
			b.Fatal(err)
		}
		var back Result
		if err := back.UnmarshalBinary(buf); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProportionUplift measures one delta-method test with the t
// quantile by bisection (the bounded work).
func BenchmarkProportionUplift(b *testing.B) {
	for b.Loop() {
		if _, err := ProportionUplift(200, 1000, 250, 1000, 0.95); err != nil {
			b.Fatal(err)
		}
	}
}
