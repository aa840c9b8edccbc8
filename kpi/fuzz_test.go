package kpi

import (
	"encoding/json"
	"github.com/opskit/opskit/internal/civil"
	"math"
	"reflect"
	"testing"
	"time"
	_ "time/tzdata" // zone data for every test of the package, whatever the machine has

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
)

// Business-hours durations are additive, d(a,b) + d(b,c) = d(a,c), never
// above b - a, never negative for a <= b, and antisymmetric.
func FuzzBetween(f *testing.F) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		f.Fatal(err)
	}
	s := MustSchedule(ScheduleSpec{
		Location: ny,
		Weekly: byIndex([7][]ClockRange{
			time.Sunday: {{Start: Clock(1, 0), End: Clock(4, 0)}},
			time.Monday: {{Start: Clock(9, 0), End: Clock(12, 0)}, {Start: Clock(13, 0), End: Clock(18, 0)}},
			time.Friday: {{Start: 0, End: Clock(24, 0)}}, time.Saturday: {{Start: Clock(1, 30), End: Clock(2, 30)}},
		}),
		Holidays:   []Date{MustDate(2026, 3, 9)},
		MakeUpDays: []DayHours{{Date: MustDate(2026, 11, 4), Hours: []ClockRange{{Start: Clock(2, 0), End: Clock(3, 0)}}}},
	})
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC).Unix()
	f.Add(int64(0), int64(3600*24*7), int64(3600*24*8), int64(5))
	f.Add(int64(3600*24*7), int64(3600*24*7+1), int64(3600*24*250), int64(999999999))
	f.Add(int64(3600*24*245+5*3600), int64(3600*24*245+6*3600), int64(3600*24*245+7*3600), int64(0))
	f.Fuzz(func(t *testing.T, x, y, z, ns int64) {
		const span = 400 * 24 * 3600 // keep inputs within about a year
		x, y, z = floorMod(x, span), floorMod(y, span), floorMod(z, span)
		n := floorMod(ns, int64(time.Second))
		a := time.Unix(base+x, n)
		b := time.Unix(base+y, 0)
		c := time.Unix(base+z, n/2)
		ab, bc, ac := s.Between(a, b), s.Between(b, c), s.Between(a, c)
		if ab+bc != ac {
			t.Fatalf("d(a,b)+d(b,c) = %v + %v != d(a,c) = %v for %v %v %v", ab, bc, ac, a, b, c)
		}
		if !a.After(b) && (ab < 0 || ab > b.Sub(a)) {
			t.Fatalf("d(%v,%v) = %v outside [0, %v]", a, b, ab, b.Sub(a))
		}
		if s.Between(b, a) != -ab {
			t.Fatalf("d(b,a) != -d(a,b)")
		}
	})
}

// Marginal commission is continuous and non-decreasing in sales: moving
// sales up by δ raises the unrounded commission by at least 0 and at most
// δ × the highest rate.
func FuzzMarginalCommission(f *testing.F) {
	p := CommissionPlan{Currency: pricing.CNY, Method: Marginal, Tiers: issueTiers()}
	f.Add(int64(5000000), int64(1), false)
	f.Add(int64(10000000), int64(100), true)
	f.Add(int64(0), int64(17500000), false)
	f.Fuzz(func(t *testing.T, fen, delta int64, upper bool) {
		fen = floorMod(fen, 1e12)
		delta = floorMod(delta, 1e9)
		if upper {
			p.Boundary = UpperBandOwns
		} else {
			p.Boundary = LowerBandOwns
		}
		x, _ := pricing.NewFromMinor(fen, pricing.CNY)
		y, _ := pricing.NewFromMinor(fen+delta, pricing.CNY)
		cx, err := p.Compute(Sales{Gross: x})
		if err != nil {
			t.Fatal(err)
		}
		cy, err := p.Compute(Sales{Gross: y})
		if err != nil {
			t.Fatal(err)
		}
		diff := cy.Base.Amount().Sub(cx.Base.Amount())
		maxRise := decimal.New(delta, -2).Mul(decimal.RequireFromString("0.10"))
		if diff.Sign() < 0 || diff.GreaterThan(maxRise) {
			t.Fatalf("commission(%s) - commission(%s) = %s, want within [0, %s]", y, x, diff, maxRise)
		}
	})
}

// Scores stay within [0, cap] for any value and any valid curve, and
// scorecard totals within [0, MaxTotal].
func FuzzScore(f *testing.F) {
	f.Add(uint8(1), uint8(1), 100.0, 1.2, 0.0, 150.0)
	f.Add(uint8(2), uint8(2), 30.0, 1.5, 0.0, 0.0)
	f.Add(uint8(2), uint8(1), 60.0, 0.0, 300.0, 1e308)
	f.Add(uint8(3), uint8(3), 0.0, 0.0, 0.0, -1e308)
	f.Add(uint8(1), uint8(4), 10.0, 2.0, 0.0, 5.0)
	f.Add(uint8(1), uint8(1), 1e308, 0.0, -1e308, 1e308)
	f.Add(uint8(1), uint8(1), 1.0, 1e308, 0.0, 1e308)
	f.Fuzz(func(t *testing.T, dir, kind uint8, target, capv, zero, v float64) {
		m := Metric{ID: "m", Direction: Direction(dir%3 + 0), Target: target, Weight: 1,
			Curve: Curve{Kind: CurveKind(kind % 5), Cap: capv, Zero: zero}}
		if m.Curve.Kind == Bands {
			m.Curve.Zero = 0
			m.Curve.Bands = []Band{{target, 1}, {target + 1, m.Curve.MaxScore()}}
		}
		got, err := m.Score(v)
		if err != nil {
			return
		}
		if got < 0 || got > m.Curve.MaxScore() || math.IsNaN(got) {
			t.Fatalf("Score(%v) = %v outside [0, %v] for %+v", v, got, m.Curve.MaxScore(), m)
		}
		// The target itself scores exactly 1 on every curve but bands, even
		// at the float extremes (v - zero overflowed to NaN before issue 12).
		if k := m.Curve.Kind; k == Linear || k == Inverse || k == Threshold {
			if at, err := m.Score(m.Target); err != nil || at != 1 {
				t.Fatalf("Score(target %v) = %v, %v; want 1 for %+v", m.Target, at, err, m)
			}
		}
		s := Scheme{Metrics: []Metric{m, {ID: "q", Direction: HigherIsBetter, Target: 1, Weight: 1, Curve: Curve{Kind: Threshold}}}, Weights: WeightsNormalize}
		sc, err := s.Score(Observation{Values: map[string]float64{"m": v, "q": v}})
		if err != nil {
			t.Fatal(err)
		}
		max, _ := s.MaxTotal()
		if sc.Total < 0 || sc.Total > max+1e-12 {
			t.Fatalf("total %v outside [0, %v]", sc.Total, max)
		}
	})
}

// Decoding a scheme never panics, and what decodes encodes and decodes back
// to an equal scheme.
func FuzzSchemeJSON(f *testing.F) {
	good, _ := json.Marshal(csScheme())
	f.Add(good)
	f.Add([]byte(`{"metrics":[{"id":"a","direction":"higher","target":1,"weight":1,"curve":{"kind":"linear"}}]}`))
	f.Add([]byte(`{"metrics":[]}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseScheme(data)
		if err != nil {
			return
		}
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("marshal decoded scheme: %v", err)
		}
		back, err := ParseScheme(b)
		if err != nil {
			t.Fatalf("decode %s: %v", b, err)
		}
		if !reflect.DeepEqual(normScheme(s), normScheme(back)) {
			t.Fatalf("round trip changed the scheme:\n%+v\n%+v", s, back)
		}
	})
}

// normScheme makes empty and nil band slices compare equal.
func normScheme(s Scheme) Scheme {
	ms := append([]Metric(nil), s.Metrics...)
	for i := range ms {
		if len(ms[i].Curve.Bands) == 0 {
			ms[i].Curve.Bands = nil
		}
	}
	s.Metrics = ms
	return s
}

// ServiceMetrics never panics on arbitrary logs, and when it succeeds the
// team counts are consistent: buyers ≤ inquiries ≤ reception and fast
// first responses ≤ first responses.
func FuzzServiceMetrics(f *testing.F) {
	f.Add([]byte{1, 0, 0, 2, 0, 5, 1, 1, 9, 2, 1, 3, 3, 0, 0}, []byte{0, 4, 1, 1, 50, 2})
	f.Add([]byte{0, 0, 0, 4, 0, 0}, []byte{})
	f.Fuzz(func(t *testing.T, raw, rawOrders []byte) {
		base := time.Date(2026, 2, 9, 8, 0, 0, 0, time.UTC)
		var msgs []Message
		for i := 0; i+2 < len(raw); i += 3 {
			conv := int(raw[i] % 4)
			msgs = append(msgs, Message{
				Conversation: string(rune('a' + conv)),
				Customer:     string(rune('p' + conv%3)),
				Agent:        string(rune('x' + raw[i+1]%3)),
				Role:         Role(raw[i+1] % 5),
				At:           base.Add(time.Duration(raw[i+2]) * time.Minute),
			})
		}
		var orders []PaidOrder
		for i := 0; i+2 < len(rawOrders); i += 3 {
			orders = append(orders, PaidOrder{
				Customer: string(rune('p' + rawOrders[i]%4)),
				At:       base.Add(time.Duration(rawOrders[i+1]) * time.Minute),
				Amount:   pricing.MustNew("1.5", pricing.CNY),
				Agent:    []string{"", "x", "y"}[rawOrders[i+2]%3],
			})
		}
		rep, err := ServiceMetrics(msgs, orders, ServiceOptions{FastWithin: 10 * time.Minute})
		if err != nil {
			return
		}
		tm := rep.Team
		if tm.Buyers > tm.Inquiries || tm.Inquiries > tm.Reception || tm.FastFirstResponses > tm.FirstResponse.Count {
			t.Fatalf("inconsistent team line %+v", tm)
		}
		for _, a := range rep.Agents {
			if a.Buyers > a.Inquiries || a.Inquiries > a.Reception || a.Conversion > 1 || a.FastShare > 1 {
				t.Fatalf("inconsistent agent line %+v", a)
			}
		}
	})
}

// Any commission plan built from arbitrary decimal strings either fails
// validation or computes without panicking, and a valid marginal plan pays
// no more than sales × the highest rate before the cap.
func FuzzCommissionPlan(f *testing.F) {
	f.Add("50000", "0.05", "0.1", "175000", "1", "1.5", true)
	f.Add("1e30", "0.5", "1", "1e-30", "0", "-1", false)
	f.Add("1e2000000000", "1e-2000000000", "0.1", "9", "1e9", "1e9", true)
	f.Fuzz(func(t *testing.T, bound, r1, r2, sales, att, mult string, whole bool) {
		parse := func(s string) decimal.Decimal {
			d, err := decimal.NewFromString(s)
			if err != nil {
				return decimal.Zero
			}
			return d
		}
		p := CommissionPlan{Currency: pricing.CNY, Method: Marginal, Tiers: []CommissionTier{
			{From: decimal.Zero, To: parse(bound), Rate: parse(r1)},
			{From: parse(bound), Rate: parse(r2)},
		}, Quota: pricing.MustNew("1000", pricing.CNY), Accelerators: []Accelerator{{Attainment: parse(att), Multiplier: parse(mult)}}}
		if whole {
			p.Method = WholeAmount
		}
		m, err := pricing.NewFromDecimal(parse(sales), pricing.CNY)
		if err != nil {
			return
		}
		_, _ = p.Compute(Sales{Gross: m})
		p.Accelerators = nil
		res, err := p.Compute(Sales{Gross: m})
		if err != nil || whole || m.IsNegative() {
			return
		}
		top := decimal.Max(parse(r1), parse(r2))
		if res.Base.Amount().GreaterThan(m.Amount().Mul(top)) {
			t.Fatalf("base %s above sales %s × rate %s", res.Base, m, top)
		}
	})
}

func floorMod(a, b int64) int64 { return civil.FloorMod(a, b) }
