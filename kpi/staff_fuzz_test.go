package kpi

import (
	"math"
	"testing"
	"time"
)

// Service levels: the counts add up and the variants are ordered as their
// formulas say (over answered ≥ over offered; counting short abandons out
// or abandons within T as met never lowers it), on any input, with
// extreme durations.
func FuzzServiceLevels(f *testing.F) {
	f.Add([]byte{1, 10, 0, 20, 3, 200, 1, 5}, int64(20), int64(5), int64(0))
	f.Add([]byte{255, 255, 255, 0, 0, 0}, int64(math.MaxInt64), int64(math.MaxInt64), int64(math.MaxInt64))
	f.Fuzz(func(t *testing.T, raw []byte, thr, grace, staffed int64) {
		t0 := time.Date(2026, 2, 9, 10, 0, 0, 0, time.UTC)
		var cs []Contact
		for i := 0; i+1 < len(raw) && len(cs) < 200; i += 2 {
			wait := time.Duration(raw[i+1]) * time.Second
			c := Contact{Offered: t0}
			if raw[i]%2 == 0 {
				c.Answered, c.Talk, c.Hold, c.WrapUp = t0.Add(wait), time.Duration(raw[i])*time.Second, time.Duration(raw[i]%7)*time.Hour, math.MaxInt64/300
			} else {
				c.Abandoned = t0.Add(wait)
			}
			cs = append(cs, c)
		}
		r, err := ServiceLevels(cs, ServiceLevelOptions{Threshold: time.Duration(thr), Grace: time.Duration(grace), Staffed: time.Duration(staffed)})
		if err != nil {
			return
		}
		if r.Offered != int64(len(cs)) || r.Answered+r.Abandoned != r.Offered || r.AnsweredWithin > r.Answered ||
			r.AbandonedWithin > r.Abandoned || r.ShortAbandoned > r.Abandoned {
			t.Fatalf("counts: %+v", r)
		}
		for _, v := range []float64{r.OverOffered, r.OverAnswered, r.ExcludingShortAbandons, r.AbandonsWithinAsMet, r.AbandonRate, r.Occupancy} {
			if math.IsNaN(v) || v < 0 || v > 1 {
				t.Fatalf("ratio out of range: %+v", r)
			}
		}
		if r.OverAnswered < r.OverOffered || r.ExcludingShortAbandons < r.OverOffered || r.AbandonsWithinAsMet < r.OverOffered {
			t.Fatalf("variants out of order: %+v", r)
		}
	})
}

// Coverage equals a brute-force minimum over every event instant inside
// each interval.
func FuzzCoverage(f *testing.F) {
	f.Add([]byte{0, 4, 1, 2, 6, 2}, []byte{1, 2, 1, 3})
	f.Add([]byte{255, 255, 255}, []byte{0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, rawShifts, rawReq []byte) {
		t0 := time.Date(2026, 2, 9, 0, 0, 0, 0, time.UTC)
		hour := func(b byte) time.Time { return t0.Add(time.Duration(b%48) * time.Hour / 2) }
		var shifts []Shift
		for i := 0; i+2 < len(rawShifts) && len(shifts) < 50; i += 3 {
			a, b := hour(rawShifts[i]), hour(rawShifts[i+1])
			if !b.After(a) {
				a, b = b, a.Add(time.Hour)
			}
			shifts = append(shifts, Shift{Start: a, End: b, Agents: int64(rawShifts[i+2] % 5)})
		}
		var req []StaffingLine
		at := t0
		for i := 0; i+1 < len(rawReq) && len(req) < 50; i += 2 {
			at = at.Add(time.Duration(rawReq[i]%3) * time.Hour / 2)
			length := time.Duration(1+rawReq[i+1]%4) * time.Hour / 2
			req = append(req, StaffingLine{Start: at, Length: length, Agents: int64(rawReq[i+1] % 3)})
			at = at.Add(length)
		}
		got, err := Coverage(req, shifts)
		if err != nil {
			t.Fatal(err)
		}
		onAt := func(x time.Time) int64 {
			var n int64
			for _, s := range shifts {
				if !x.Before(s.Start) && x.Before(s.End) {
					n += s.Agents
				}
			}
			return n
		}
		for i, r := range req {
			least := onAt(r.Start)
			end := r.Start.Add(r.Length)
			for _, s := range shifts {
				for _, x := range []time.Time{s.Start, s.End} {
					if x.After(r.Start) && x.Before(end) {
						least = min(least, onAt(x))
					}
				}
			}
			if got[i].Scheduled != least || got[i].Gap != least-r.Agents {
				t.Fatalf("interval %d: got %+v, want scheduled %d", i, got[i], least)
			}
		}
	})
}

// Fulfilment: the verdicts add up in total and in every grouping, and the
// late list holds exactly the late and overdue orders.
func FuzzFulfilment(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9}, int64(48), true)
	f.Add([]byte{0, 0, 255, 255, 255, 255}, int64(0), false)
	f.Fuzz(func(t *testing.T, raw []byte, within int64, days bool) {
		t0 := time.Date(2026, 2, 9, 0, 0, 0, 0, time.UTC)
		asOf := t0.Add(72 * time.Hour)
		var ships []Shipment
		for i := 0; i+2 < len(raw) && len(ships) < 100; i += 3 {
			paid := t0.Add(time.Duration(raw[i]%72) * time.Hour)
			s := Shipment{Warehouse: string(rune('a' + raw[i+1]%3)), Staff: string(rune('x' + raw[i+2]%2)), Paid: paid}
			if raw[i+1]%2 == 0 {
				s.Shipped = paid.Add(time.Duration(raw[i+2]) * time.Hour)
			}
			ships = append(ships, s)
		}
		rule := ShipRule{Within: time.Duration(within)}
		if days {
			rule = ShipRule{Days: 1 + floorMod(within, 3), By: Clock(int(floorMod(within, 24)), 0), Location: time.UTC}
		}
		rep, err := Fulfilment(ships, rule, asOf)
		if err != nil {
			return
		}
		check := func(c FulfilmentCounts) {
			if c.OnTime+c.ShippedLate+c.Overdue+c.Pending != c.Orders || c.OnTimeRate < 0 || c.OnTimeRate > 1 {
				t.Fatalf("counts: %+v", c)
			}
		}
		check(rep.Total)
		for _, groups := range [][]FulfilmentCounts{rep.ByWarehouse, rep.ByStaff} {
			var sum int64
			for _, g := range groups {
				check(g)
				sum += g.Orders
			}
			if sum != rep.Total.Orders {
				t.Fatalf("groups do not add up: %+v", groups)
			}
		}
		if int64(len(rep.Late)) != rep.Total.ShippedLate+rep.Total.Overdue || rep.Total.Orders != int64(len(ships)) {
			t.Fatalf("late list: %d vs %+v", len(rep.Late), rep.Total)
		}
		for _, l := range rep.Late {
			if l.Over < 0 {
				t.Fatalf("late with negative over: %+v", l)
			}
		}
	})
}
