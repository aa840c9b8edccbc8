package funnel

import (
	"time"
)

// base is the time origin of the hand-built sequences; offsets are minutes.
var base = time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)

// ev builds an event of actor at base + min minutes.
func ev(actor string, min int, name string, props ...string) Event {
	e := Event{Actor: actor, Time: base.Add(time.Duration(min) * time.Minute), Name: name}
	if len(props) > 0 {
		e.Props = map[string]string{}
		for i := 0; i+1 < len(props); i += 2 {
			e.Props[props[i]] = props[i+1]
		}
	}
	return e
}

// vcp is the three-step funnel of most tests: view -> cart -> pay.
var vcp = []Matcher{{Event: "view"}, {Event: "cart"}, {Event: "pay"}}

// refDefault is the reference implementation of the default funnel
// (ordered, restart, unique actors), written for clarity: for every actor,
// for every step-1 event, walk forward greedily inside the window; keep the
// deepest walk and, among equally deep ones, the first to reach that depth
// (PostHog's funnel UDF), of those reaching it at the same event the latest
// start. It returns the counts per step and the durations per transition
// (index 0: overall).
func refDefault(events []Event, steps []string, window time.Duration) (counts []int64, durs [][]time.Duration) {
	byActor := map[string][]Event{}
	var order []string
	for _, e := range events {
		if _, ok := byActor[e.Actor]; !ok {
			order = append(order, e.Actor)
		}
		byActor[e.Actor] = append(byActor[e.Actor], e)
	}
	k := len(steps)
	counts = make([]int64, k)
	durs = make([][]time.Duration, k)
	for _, a := range order {
		evs := byActor[a]
		// stable insertion sort by time
		for i := 1; i < len(evs); i++ {
			for j := i; j > 0 && evs[j].Time.Before(evs[j-1].Time); j-- {
				evs[j], evs[j-1] = evs[j-1], evs[j]
			}
		}
		var best []time.Time
		bestEnd := -1 // the index of best's last fill
		for i, e := range evs {
			if e.Name != steps[0] {
				continue
			}
			walk, end := []time.Time{e.Time}, i
			for j, f := range evs[i+1:] {
				if len(walk) == k || f.Time.Sub(e.Time) > window {
					break
				}
				if f.Name == steps[len(walk)] {
					walk, end = append(walk, f.Time), i+1+j
				}
			}
			if len(walk) > len(best) || (len(walk) == len(best) && end == bestEnd) {
				best, bestEnd = walk, end
			}
		}
		for s := range best {
			counts[s]++
			if s > 0 {
				durs[s] = append(durs[s], best[s].Sub(best[s-1]))
			}
		}
		if len(best) == k && k > 1 {
			durs[0] = append(durs[0], best[k-1].Sub(best[0]))
		}
	}
	return counts, durs
}

// genColumns makes deterministic sorted columns: actors x perActor events,
// codes 0..k, times in minutes with gaps of 0 to 5 minutes. A tiny
// xorshift generator keeps it reproducible without math/rand.
func genColumns(actors, perActor, k int, seed uint64) Columns {
	x := seed*0x9E3779B97F4A7C15 + 1
	next := func() uint64 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return x
	}
	n := actors * perActor
	c := Columns{Actors: make([]int32, n), Times: make([]int64, n), Codes: make([]uint8, n), Unit: time.Minute}
	i := 0
	for a := 0; a < actors; a++ {
		t := int64(next() % 1000)
		for e := 0; e < perActor; e++ {
			t += int64(next() % 6)
			c.Actors[i], c.Times[i], c.Codes[i] = int32(a), t, uint8(next()%uint64(k+1))
			i++
		}
	}
	return c
}

// columnsToEvents turns columns of the view/cart/pay funnel into events.
func columnsToEvents(c Columns) []Event {
	names := []string{"other", "view", "cart", "pay", "leave"}
	out := make([]Event, len(c.Actors))
	for i := range out {
		out[i] = Event{Actor: "u" + itoa(int(c.Actors[i])), Time: base.Add(time.Duration(c.Times[i]) * c.Unit), Name: names[c.Codes[i]]}
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
