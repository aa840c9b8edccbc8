package funnel

import (
	"testing"
	"time"
)

// FuzzShardsAndLifecycle gives FuzzNoPanic's inputs (options_test.go: the
// same byte decoding, times up to 255 days apart, every option
// combination) real properties instead of "no panic":
//
//   - step counts never grow from step to step;
//   - sharding by actor and merging (through the binary form) gives the
//     one-pass result, for the funnel, first-time and recurring retention
//     and the correlation table;
//   - each lifecycle period's new + returning + resurrecting actors is the
//     number of distinct actors active in it (a reference count).
func FuzzShardsAndLifecycle(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9}, byte(0))
	f.Add([]byte{9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 255, 128}, byte(29))
	f.Add([]byte{0, 0, 1, 0, 1, 2, 0, 1, 3, 1, 0, 1, 1, 2, 4, 1, 0, 2}, byte(13))
	f.Fuzz(func(t *testing.T, data []byte, o byte) {
		var events []Event
		names := []string{"view", "cart", "pay", "leave", "x"}
		for i := 0; i+2 < len(data); i += 3 {
			events = append(events, Event{Actor: itoa(int(data[i] % 16)), Time: time.Unix(0, int64(data[i+1])*int64(24*time.Hour)/8),
				Name: names[data[i+2]%5], Props: map[string]string{"ch": itoa(int(data[i+2] % 2))}})
		}
		var shards [2][]Event
		for _, e := range events {
			shards[len(e.Actor)%2] = append(shards[len(e.Actor)%2], e)
		}
		fn := fuzzFunnel(o)
		whole, err := fn.Run(events)
		if err != nil {
			t.Fatal(err)
		}
		c := whole.Counts()
		for i := 1; i < len(c); i++ {
			if c[i] > c[i-1] {
				t.Fatalf("counts %v", c)
			}
		}
		var parts []Result
		for _, s := range shards {
			r, err := fn.Run(s)
			if err != nil {
				t.Fatal(err)
			}
			b, err := r.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			var back Result
			if err := back.UnmarshalBinary(b); err != nil {
				t.Fatal(err)
			}
			parts = append(parts, back)
		}
		merged, err := Merge(parts...)
		if err != nil || !merged.Equal(whole) {
			t.Fatalf("merge %v: %v vs %v", err, merged.Counts(), whole.Counts())
		}

		ret := Retention{Start: Matcher{Event: "view"}, Return: Matcher{Event: "pay"}, Periods: int(o%5) + 1, Period: Granularity(o % 3), Recurring: o%2 == 0}
		if o%4 == 1 {
			ret.AsOf = time.Unix(0, int64(128)*int64(24*time.Hour)/8)
		}
		wt, err := ret.Run(events)
		if err != nil {
			t.Fatal(err)
		}
		var rts []RetentionTable
		for _, s := range shards {
			rt, err := ret.Run(s)
			if err != nil {
				t.Fatal(err)
			}
			rts = append(rts, rt)
		}
		mt, err := MergeRetention(rts...)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := retentionRows(wt), retentionRows(mt); len(a) != len(b) || (len(a) > 0 && !equalRows(a, b)) {
			t.Fatalf("retention %v vs %v", a, b)
		}

		cor := Correlation{Funnel: fn, Properties: []string{"ch"}}
		wc, err := cor.Run(events)
		if err != nil {
			t.Fatal(err)
		}
		var cts []CorrelationTable
		for _, s := range shards {
			ct, err := cor.Run(s)
			if err != nil {
				t.Fatal(err)
			}
			cts = append(cts, ct)
		}
		mc, err := MergeCorrelation(cts...)
		if err != nil {
			t.Fatal(err)
		}
		ws, wf := wc.Totals()
		ms, mf := mc.Totals()
		if ws != ms || wf != mf || !equalCounts(wc.Counts(), mc.Counts()) {
			t.Fatalf("correlation %v vs %v", wc.Counts(), mc.Counts())
		}

		g := Granularity(o % 3)
		lc, err := Lifecycle{Active: Matcher{Event: "view"}, Period: g}.Run(events)
		if err != nil {
			t.Fatal(err)
		}
		active := map[int64]map[string]bool{}
		for _, e := range events {
			if e.Name == "view" {
				p := periodIndex(e.Time.UTC(), g)
				if active[p] == nil {
					active[p] = map[string]bool{}
				}
				active[p][e.Actor] = true
			}
		}
		for _, row := range lc {
			p := periodIndex(row.Start, g)
			if got := row.New + row.Returning + row.Resurrecting; got != int64(len(active[p])) {
				t.Fatalf("period %v: %d active, %d new+returning+resurrecting", row.Start, len(active[p]), got)
			}
		}
	})
}

func equalRows(a, b []cohortRow) bool {
	for i := range a {
		if a[i].Start != b[i].Start || a[i].Pending != b[i].Pending || len(a[i].Retained) != len(b[i].Retained) {
			return false
		}
		for k := range a[i].Retained {
			if a[i].Retained[k] != b[i].Retained[k] {
				return false
			}
		}
	}
	return true
}

func equalCounts(a, b []CorrelationCount) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
