package funnel

import "testing"

// The parts of Run's cost on the log of BenchmarkRunEvents1M, to read
// beside BenchmarkRunColumnsLog1M: what any Run over []Event must at least
// spend before the funnel itself.

// BenchmarkReadEvents1M reads each event's actor, name and time once, the
// least any pass over []Event costs (an Event is 88 bytes).
func BenchmarkReadEvents1M(b *testing.B) {
	ev, _ := eventInput()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var sum uint64
		for j := range ev {
			e := &ev[j]
			sum += uint64(len(e.Actor)+len(e.Name)) + uint64(e.Time.UnixNano())
		}
		sinkInt = int(sum)
	}
	if sinkInt == 0 {
		b.Fatal("nothing read")
	}
}

// BenchmarkInternActors1M gives the log's actors their IDs with Run's
// actor table (the table's slots in a reused array, as Run lends them),
// without checking, matching or grouping the events.
func BenchmarkInternActors1M(b *testing.B) {
	ev, _ := eventInput()
	ids := make([]int32, len(ev))
	spare := make([]int64, len(ev))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t := newActorTable(len(ev), spare)
		for lo := 0; lo < len(ev); lo += internBatchLen {
			batch := ev[lo:min(lo+internBatchLen, len(ev))]
			t.internBatch(batch, ids[lo:lo+len(batch)])
		}
		sinkInt = t.len()
	}
	if sinkInt != 100_000 {
		b.Fatalf("%d actors, want 100,000", sinkInt)
	}
}

// BenchmarkInternActorsMap1M does the same with a map[string]int32 sized
// for the actors: the plain way, for comparison.
func BenchmarkInternActorsMap1M(b *testing.B) {
	ev, _ := eventInput()
	ids := make([]int32, len(ev))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := make(map[string]int32, 100_000)
		for j := range ev {
			id, ok := m[ev[j].Actor]
			if !ok {
				id = int32(len(m))
				m[ev[j].Actor] = id
			}
			ids[j] = id
		}
		sinkInt = len(m)
	}
	if sinkInt != 100_000 {
		b.Fatalf("%d actors, want 100,000", sinkInt)
	}
}
