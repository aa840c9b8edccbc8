package inventory

import (
	"errors"
	"math"
	"math/big"
	"testing"
	"time"
)

// edge values for the plan fuzz targets: int64 and float64 extremes, limits and their neighbours.
var (
	fuzzInts   = []int64{0, 1, -1, 2, 3, 5, 12, 50, MaxQty, MaxQty + 1, -MaxQty, math.MaxInt64, math.MinInt64, 1 << 53}
	fuzzFloats = []float64{0, 1, -1, 0.5, 2.5, 1e-300, 5e-324, 1e15, 1e15 + 1, 1e308, math.Inf(1), math.Inf(-1), math.NaN(), 0.02, 0.999999}
)

func pickInt(b byte, x int64) int64 {
	if b < 128 {
		return x
	}
	return fuzzInts[int(b)%len(fuzzInts)]
}

func pickFloat(b byte, x float64) float64 {
	if b < 128 {
		return x
	}
	return fuzzFloats[int(b)%len(fuzzFloats)]
}

func requireFieldError(t *testing.T, name string, err error) {
	t.Helper()
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("%s: %v is not a *FieldError", name, err)
	}
}

// FuzzShapeModes: every shaped order is a pack multiple, at least the smallest allowed order when
// positive, within the cap; rounding down never exceeds the need; Odoo's mode stays within the room
// when it rounds down (but for the MOQ when a pack fits) and equals the round-up order otherwise.
func FuzzShapeModes(f *testing.F) {
	f.Add(int64(20), int64(12), int64(0), 30.0, 30.0, byte(0), byte(0))
	f.Add(int64(0), int64(5), int64(0), 22.0, 22.0, byte(2), byte(200))
	f.Add(int64(7), int64(3), int64(60), 1e15, 5.0, byte(1), byte(255))
	f.Fuzz(func(t *testing.T, moq, pack, capQty int64, need, room float64, mode, sel byte) {
		moq, pack, capQty = pickInt(sel, moq), pickInt(sel>>1, pack), pickInt(sel>>2, capQty)
		need = pickFloat(sel>>3, need)
		s, err := NewShaping(moq, pack, capQty, WithPackRounding(PackRounding(mode%4)))
		if err != nil {
			requireFieldError(t, "NewShaping", err)
			return
		}
		up := MustShaping(moq, pack, capQty)
		r, err := s.ShapeWithin(need, room)
		if err != nil {
			requireFieldError(t, "ShapeWithin", err)
			return
		}
		q := r.Qty
		if q < 0 || q%s.Pack() != 0 || (capQty > 0 && q > capQty) || (q > 0 && q < max(moq, 1)) || q > MaxQty {
			t.Fatalf("%+v: order %d breaks pack %d, moq %d, cap %d", s, q, s.Pack(), moq, capQty)
		}
		ru, err := up.Shape(need)
		if err != nil {
			return // the round-up order is above MaxQty
		}
		switch s.Rounding() {
		case PackRoundDown:
			if float64(q) > need || !r.Down && need > 0 {
				t.Fatalf("round down: order %d for need %g", q, need)
			}
		case PackRoundUpWithinMax:
			// Past min(need, room) only the smallest allowed order (the MOQ, Odoo's vendor
			// minimum), and only when a pack fits within it.
			lim := min(need, room)
			past := r.Down && float64(q) > lim && (q != s.minimum || lim < float64(s.Pack()))
			if past || !r.Down && (q != ru.Qty || float64(ru.AfterPack) > room) {
				t.Fatalf("up within max: order %d (down %v) for need %g, room %g; up %d", q, r.Down, need, room, ru.Qty)
			}
		default:
			if r != ru {
				t.Fatalf("round up: %+v vs %+v", r, ru)
			}
		}
	})
}

// FuzzReconcile: the flag agrees with exact big-integer arithmetic, the totals with the lines.
func FuzzReconcile(f *testing.F) {
	f.Add(int64(50), int64(49), int64(100), int64(0), int64(3), 0.02, byte(0))
	f.Add(int64(1e15), int64(1e15-2e13), int64(0), int64(1e15), int64(0), 0.02, byte(255))
	f.Fuzz(func(t *testing.T, b1, c1, s1, b2, c2 int64, th float64, sel byte) {
		b1, c1, b2 = pickInt(sel, b1), pickInt(sel>>1, c1), pickInt(sel>>2, b2)
		th = pickFloat(sel>>3, th)
		r, err := Reconcile([]CountLine{{"a", b1, c1, s1}, {"b", b2, c2, 0}}, th)
		if err != nil {
			requireFieldError(t, "Reconcile", err)
			return
		}
		pb := big.NewInt(int64(math.Round(th * 1e9)))
		for _, l := range r.Lines {
			v := new(big.Int).Abs(big.NewInt(l.Variance))
			lhs := new(big.Int).Mul(v, big.NewInt(1e9))
			rhs := new(big.Int).Mul(pb, big.NewInt(l.Book))
			want := lhs.Cmp(rhs) > 0
			if l.Book == 0 {
				want = l.Variance != 0
			}
			if l.Flagged != want || l.Variance != l.Counted-l.Book || l.Shrinkage != max(l.Book-l.Counted, 0) {
				t.Fatalf("line %+v (threshold %g): flag want %v", l, th, want)
			}
		}
		if r.Variance != r.Counted-r.Book || r.Book != b1+b2 || r.Shrinkage != r.Lines[0].Shrinkage+r.Lines[1].Shrinkage {
			t.Fatalf("totals %+v", r)
		}
	})
}

// FuzzSeedRules: lifecycle stages follow their definition; an event plan's dates are in order and its
// quantities cover the demand.
func FuzzSeedRules(f *testing.F) {
	f.Add(5.0, 6.0, 8, 4, 0.2, 0.2, int64(7500), 0.03, 1.0, int64(60), 5, byte(0))
	f.Add(0.0, 3.0, 2, 1, 1e-300, 1.0, int64(0), 0.0, 1e-300, int64(1e15), 365, byte(255))
	f.Fuzz(func(t *testing.T, a, b float64, newP, win int, g, d float64, uv int64, cr, upo float64, onHand int64, lead int, sel byte) {
		a, b, g = pickFloat(sel, a), pickFloat(sel>>1, b), pickFloat(sel>>2, g)
		sales := []float64{a, a, a, a, a, a, b, b, b, b, b, b}
		rule := LifecycleRule{NewPeriods: newP % 20, Window: win % 8, Growth: g, Decline: d}
		l, err := rule.Classify(sales)
		if err != nil {
			requireFieldError(t, "Classify", err)
		} else {
			switch l.Stage {
			case StageNew:
				if l.Age >= rule.NewPeriods && l.Age/2 >= rule.Window && l.Age > 0 {
					t.Fatalf("new at age %d with rule %+v", l.Age, rule)
				}
			case StageGrowth:
				if !(l.Previous == 0 || l.Recent >= (1+g)*l.Previous) {
					t.Fatalf("growth: %+v", l)
				}
			case StageDecline:
				if !(l.Recent <= (1-d)*l.Previous) {
					t.Fatalf("decline: %+v", l)
				}
			case StageMature:
				if l.Previous == 0 || l.Recent >= (1+g)*l.Previous || l.Recent <= (1-d)*l.Previous {
					t.Fatalf("mature: %+v", l)
				}
			default:
				t.Fatalf("no stage: %+v", l)
			}
			if !isFinite(l.Growth) {
				t.Fatalf("growth %g", l.Growth)
			}
		}
		start, _ := NewDateForTest(2025, time.Month(1+int(sel)%12), 1+int(sel)%28)
		in := EventInput{Start: start, Days: 1 + int(sel)%5, UV: pickInt(sel>>3, uv), ConversionRate: cr,
			UnitsPerOrder: pickFloat(sel>>4, upo), OnHand: onHand, LeadDays: lead}
		p, err := DefaultEventRule().PlanEvent(in)
		if err != nil {
			requireFieldError(t, "PlanEvent", err)
			return
		}
		if float64(p.Units) < p.Orders*in.UnitsPerOrder*(1-1e-9)-1e-9 || p.Prepack*3 < p.Units || p.Prepack > p.Units ||
			p.ToBuy != max(p.Units-in.OnHand, 0) {
			t.Fatalf("quantities %+v for %+v", p, in)
		}
		for _, pair := range [][2]Date{{p.OrderBy, p.StockBy}, {p.DecideBy, p.StockBy}, {p.StockBy, in.Start},
			{in.Start, p.LastDay}, {p.LastDay, p.AfterSalesFrom}, {p.AfterSalesFrom, p.AfterSalesTo}} {
			if pair[0].Compare(pair[1]) > 0 {
				t.Fatalf("dates out of order %+v", p)
			}
		}
	})
}

// FuzzPlanHelpers: the forecast bridge never gives a negative or non-finite demand; LastSaleIn never
// lies after the end and reports a sale exactly when the history has one; a top-up need is 0 or at
// least the qty.
func FuzzPlanHelpers(f *testing.F) {
	f.Add(20.0, 12.0, 4.0, 0.5, 0.5, byte(0), 3.0, 5.0, int64(0))
	f.Add(0.0, 1e15, 0.0, 1.0, 1.0, byte(255), 1e15, 1e-300, int64(math.MinInt64))
	f.Fuzz(func(t *testing.T, y0, y1, y2, alpha, beta float64, sel byte, level, qty float64, pos int64) {
		h := []float64{pickFloat(sel, y0), pickFloat(sel>>1, y1), pickFloat(sel>>2, y2)}
		for _, mk := range []func() (Forecaster, error){
			func() (Forecaster, error) { return NewHolt(alpha, beta) },
			func() (Forecaster, error) { return NewSES(alpha) },
			func() (Forecaster, error) { return NewTSB(alpha, beta) },
		} {
			fc, err := mk()
			if err != nil {
				continue
			}
			d, err := DemandFromForecast(fc, h, Day)
			if err != nil {
				requireFieldError(t, "DemandFromForecast", err)
				continue
			}
			if !(d.Mean() >= 0 && d.StdDev() >= 0 && d.Mean() <= MaxQty && d.StdDev() <= MaxQty) {
				t.Fatalf("%s on %v: %+v", fc, h, d)
			}
		}
		end := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
		ls, sold, err := LastSaleIn(h, end, Day)
		if err != nil {
			requireFieldError(t, "LastSaleIn", err)
		} else {
			any := h[0] > 0 || h[1] > 0 || h[2] > 0
			if ls.After(end) || sold != any || ls.Before(end.Add(-3*Day)) {
				t.Fatalf("LastSaleIn(%v) = %v, %v", h, ls, sold)
			}
		}
		p, err := NewTopUpPolicy(pickFloat(sel>>3, level), pickFloat(sel>>4, qty))
		if err != nil {
			requireFieldError(t, "NewTopUpPolicy", err)
			return
		}
		n, err := p.Need(pickInt(sel>>5, pos), AtOrBelow)
		if err != nil {
			requireFieldError(t, "Need", err)
			return
		}
		if n != 0 && n < p.OrderQty() || n < 0 {
			t.Fatalf("top-up need %g for %v at %d", n, p, pos)
		}
	})
}
