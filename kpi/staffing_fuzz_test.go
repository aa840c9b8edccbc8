package kpi

import (
	"math"
	"testing"
	"time"
)

// Erlang C and A: every result is finite and in range, and one more agent
// never lowers the service level, never raises the wait chance, the ASA
// or the abandonment; Staffing's answer meets the target and one agent
// fewer does not.
func FuzzStaffingMonotone(f *testing.F) {
	f.Add(int64(100), int64(180), int64(1800), int64(20), uint16(8000), int64(0), uint16(13))
	f.Add(int64(100), int64(180), int64(1800), int64(20), uint16(8000), int64(300), uint16(9))
	f.Add(int64(1), int64(1), int64(1), int64(0), uint16(0), int64(1), uint16(0))
	f.Add(int64(math.MaxInt64), int64(math.MaxInt64), int64(1), int64(math.MaxInt64), uint16(10000), int64(math.MaxInt64), uint16(65535))
	f.Fuzz(func(t *testing.T, contacts, ahtSec, lenSec, withinSec int64, sl uint16, patienceSec int64, agents uint16) {
		contacts = floorMod(contacts, 5000)
		iv := Interval{Length: time.Duration(1+floorMod(lenSec, 7200)) * time.Second, Contacts: contacts,
			AHT: time.Duration(1+floorMod(ahtSec, 3600)) * time.Second}
		tg := StaffingTarget{ServiceLevel: float64(sl%10001) / 10000, AnswerWithin: time.Duration(1+floorMod(withinSec, 600)) * time.Second}
		if patienceSec%2 == 1 {
			tg.Patience = time.Duration(1+floorMod(patienceSec, 1200)) * time.Second
		}
		n := int64(agents % 3000)
		p, err := StaffingPerformance(n, iv, tg)
		if err != nil {
			return // a load beyond MaxAgents or the work budget
		}
		q, err := StaffingPerformance(n+1, iv, tg)
		if err != nil {
			return
		}
		for _, l := range []StaffingLine{p, q} {
			for _, v := range []float64{l.Wait, l.ServiceLevel, l.Occupancy, l.Abandon} {
				if math.IsNaN(v) || v < 0 || v > 1+1e-12 {
					t.Fatalf("out of range: %+v", l)
				}
			}
		}
		const eps = 1e-9
		if q.ServiceLevel < p.ServiceLevel-eps || q.Wait > p.Wait+eps || q.ASA > p.ASA || q.Abandon > p.Abandon+eps {
			t.Fatalf("not monotone: %d agents %+v, %d agents %+v", n, p, n+1, q)
		}
		lines, err := Staffing([]Interval{iv}, tg)
		if err != nil {
			return
		}
		got := lines[0]
		if got.ServiceLevel < tg.ServiceLevel {
			t.Fatalf("target %v not met: %+v", tg.ServiceLevel, got)
		}
		if got.Agents > 1 && contacts > 0 {
			prev, err := StaffingPerformance(got.Agents-1, iv, tg)
			if err == nil && prev.ServiceLevel >= tg.ServiceLevel && (tg.Patience > 0 || float64(got.Agents-1) > got.Load) {
				t.Fatalf("%d agents were enough: %+v", got.Agents-1, prev)
			}
		}
	})
}
