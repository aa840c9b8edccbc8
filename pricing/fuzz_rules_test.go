package pricing

import (
	"math"
	"testing"
)

// FuzzTierTable: building and pricing any table never panics; all-units
// and incremental lines cover exactly qty units.
func FuzzTierTable(f *testing.F) {
	f.Add(int64(1), "2.00", int64(10), "1.50", int64(12))
	f.Add(int64(1), "0", int64(2), "-1", int64(-3))
	f.Add(int64(0), "1e3", int64(1), "x", int64(0))
	f.Add(int64(1), "99999999999999999999999999999.99", int64(math.MaxInt64), "0.01", int64(math.MaxInt64)) // int64 edges: ErrTooLarge, never a wrapped total
	f.Add(int64(1), "0.0000000000000000000000000001", int64(2), "1", int64(math.MaxInt64))
	f.Fuzz(func(t *testing.T, q1 int64, p1 string, q2 int64, p2 string, qty int64) {
		a, err1 := New(p1, CNY)
		b, err2 := New(p2, CNY)
		if err1 != nil || err2 != nil {
			return
		}
		tab, err := NewTierTable(Tier{q1, a}, Tier{q2, b})
		if err != nil {
			return
		}
		for _, mode := range []TierMode{AllUnits, Incremental} {
			q, err := tab.Price(qty, mode)
			if err != nil {
				continue
			}
			var units int64
			for _, l := range q.Lines {
				units += l.Qty
			}
			if units != qty {
				t.Fatalf("%s qty %d: lines cover %d units", mode, qty, units)
			}
		}
	})
}

// FuzzPackCheapest: the plan covers exactly q (at least q with surplus),
// its total is the sum of its parts, and never above the all-singles price.
func FuzzPackCheapest(f *testing.F) {
	f.Add(int64(180), int64(10), int64(1500), int64(50), int64(8000), int64(50), false)
	f.Add(int64(-1), int64(0), int64(1), int64(3), int64(-5), int64(7), true)
	f.Add(int64(0), int64(7), int64(100), int64(13), int64(150), int64(1000000), false)
	f.Add(int64(MaxPackPriceMinor), int64(MaxPackQty), int64(MaxPackPriceMinor), int64(999), int64(1), int64(math.MaxInt64), true)
	f.Add(int64(math.MinInt64), int64(math.MinInt64), int64(math.MaxInt64), int64(math.MaxInt64), int64(math.MinInt64), int64(math.MinInt64), false)
	f.Fuzz(func(t *testing.T, single, s1, p1, s2, p2, q int64, atLeast bool) {
		sm := Money{}
		if single >= 0 {
			sm = ruleMinor(single, CNY)
		}
		o, err := NewPackOffer(sm, Pack{s1, ruleMinor(p1, CNY)}, Pack{s2, ruleMinor(p2, CNY)})
		if err != nil {
			return
		}
		q %= 100_000
		p, err := o.solve(q, atLeast)
		if err != nil {
			return
		}
		units := p.Singles
		sum := p.Single
		for _, l := range p.Packs {
			units += l.Count * l.Pack.Qty
			sum = ruleAdd(t, sum, l.Amount)
		}
		if units != p.Units || p.Units != q+p.Surplus || (!atLeast && p.Surplus != 0) || p.Surplus < 0 {
			t.Fatalf("q %d: units %d, plan %s", q, units, p)
		}
		if !sum.Equal(p.Total) {
			t.Fatalf("q %d: parts %s, total %s", q, sum, p.Total)
		}
		if sm.IsValid() {
			all, err := sm.MulInt(q)
			if c, _ := p.Total.Cmp(all); err == nil && c > 0 {
				t.Fatalf("q %d: total %s above all singles %s", q, p.Total, all)
			}
		}
	})
}

// FuzzFloorCheck: Floor and Check never panic; a price that passes Check is
// at or above Floor, and one that fails is below it.
func FuzzFloorCheck(f *testing.F) {
	f.Add("7折", "0.5", "1.00", "100.00", "30.00", "69.99", "聚划算")
	f.Add("8.5折", "0", "0", "0.01", "", "0", "双11")
	f.Add("x", "1", "-1", "-5", "-1", "-1", "")
	f.Fuzz(func(t *testing.T, zhe, margin, minimum, list, cost, price, campaign string) {
		var opts []Option
		if r, err := ParseZhe(zhe); err == nil {
			opts = append(opts, MinListRatio(r))
		}
		if m, _, reason := parseDecimal(margin); reason == nil {
			opts = append(opts, MinMargin(m))
		}
		if m, err := New(minimum, CNY); err == nil {
			opts = append(opts, MinPrice(m))
		}
		opts = append(opts, ExemptCampaigns("双11"), KnownCampaigns("聚划算"))
		p, err := NewFloorPolicy(opts...)
		if err != nil {
			return
		}
		l, err1 := New(list, CNY)
		pr, err2 := New(price, CNY)
		if err1 != nil || err2 != nil {
			return
		}
		c, err := New(cost, CNY)
		if err != nil {
			c = Money{}
		}
		floor, _, ferr := p.Floor(l, c, campaign)
		cerr := p.Check(pr, l, c, campaign)
		if ferr != nil || pr.IsNegative() {
			return
		}
		below := pr.dec().Cmp(floor.dec()) < 0
		if (cerr == nil) == below {
			t.Fatalf("price %s floor %s: check %v", pr, floor, cerr)
		}
	})
}

// FuzzTax: inclusive = exclusive + tax in both directions, for any rate,
// amount and mode.
func FuzzTax(f *testing.F) {
	f.Add("0.13", "10.00", uint8(0))
	f.Add("0.06", "-0.01", uint8(4))
	f.Add("1", "99999999.99", uint8(9))
	f.Fuzz(func(t *testing.T, rate, amount string, mode uint8) {
		d, _, reason := parseDecimal(rate)
		if reason != nil {
			return
		}
		r, err := NewTaxRate(d)
		if err != nil {
			return
		}
		m, err := New(amount, CNY)
		if err != nil {
			return
		}
		for _, split := range []func(Money, RoundingMode) (TaxSplit, error){r.FromInclusive, r.FromExclusive} {
			s, err := split(m, RoundingMode(mode))
			if err != nil {
				continue
			}
			if !s.Exclusive.dec().Add(s.Tax.dec()).Equal(s.Inclusive.dec()) || !s.Tax.IsRounded() || !s.Exclusive.IsRounded() {
				t.Fatalf("%s of %s: %s + %s != %s", r, m, s.Exclusive, s.Tax, s.Inclusive)
			}
		}
	})
}
