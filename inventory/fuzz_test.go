package inventory

import (
	"errors"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/opskit/opskit/internal/normal"
)

// FuzzShape checks the shaping contract: a positive need never becomes zero, and the order respects
// the MOQ, the pack multiple and the cap; without a cap it covers the need.
func FuzzShape(f *testing.F) {
	f.Add(int64(0), int64(1), int64(0), 0.2)
	f.Add(int64(20), int64(12), int64(48), 100.0)
	f.Add(int64(10), int64(6), int64(12), 0.0001)
	f.Add(int64(5), int64(5), int64(5), 1e15)
	f.Add(int64(-1), int64(0), int64(-3), math.NaN())
	f.Fuzz(func(t *testing.T, moq, pack, capQty int64, need float64) {
		s, err := NewShaping(moq, pack, capQty)
		if err != nil {
			return
		}
		r, err := s.Shape(need)
		if err != nil {
			// An order rounded up past MaxQty is refused (ErrTooLarge): the
			// need fits, the pack multiple above it does not.
			shaped := math.Ceil(math.Max(need, float64(moq))/float64(max(pack, 1))) * float64(max(pack, 1))
			if errors.Is(err, ErrTooLarge) && shaped > MaxQty {
				return
			}
			if need >= 0 && need <= MaxQty {
				t.Fatalf("Shape(%v) with %+v: unexpected error %v", need, s, err)
			}
			return
		}
		if need > 0 && r.Qty <= 0 {
			t.Fatalf("Shape(%v) with MOQ %d pack %d cap %d = %d: a positive need became zero", need, moq, pack, capQty, r.Qty)
		}
		if need == 0 && r.Qty != 0 {
			t.Fatalf("Shape(0) = %d", r.Qty)
		}
		if r.Qty == 0 {
			return
		}
		if r.Qty < moq {
			t.Fatalf("Shape(%v) = %d below MOQ %d", need, r.Qty, moq)
		}
		if r.Qty%pack != 0 {
			t.Fatalf("Shape(%v) = %d not a multiple of pack %d", need, r.Qty, pack)
		}
		if capQty > 0 && r.Qty > capQty {
			t.Fatalf("Shape(%v) = %d above cap %d", need, r.Qty, capQty)
		}
		if capQty == 0 && float64(r.Qty) < need {
			t.Fatalf("Shape(%v) = %d below the need without a cap", need, r.Qty)
		}
	})
}

func finiteOrInf(x float64) bool { return !math.IsNaN(x) }

// FuzzSuggest feeds arbitrary items and configurations to the planner: it must never panic, and a
// suggestion for valid input has no NaN anywhere and a non-negative quantity.
func FuzzSuggest(f *testing.F) {
	f.Add(int64(60), int64(0), int64(0), int64(0), 10.0, 3.0, int64(5*24), 0.95, uint8(2), uint8(3), int64(12), int64(12), int64(0), 0.0, false)
	f.Add(int64(0), int64(100), int64(5), int64(0), 0.0, 0.0, int64(0), 0.5, uint8(1), uint8(1), int64(0), int64(1), int64(0), 30.0, true)
	f.Add(int64(-1), int64(0), int64(0), int64(0), math.NaN(), -1.0, int64(-5), 1.5, uint8(9), uint8(9), int64(-1), int64(0), int64(-1), math.Inf(1), false)
	f.Add(int64(1<<40), int64(1<<40), int64(0), int64(0), 1e9, 1e9, int64(1e6), 0.999999, uint8(3), uint8(5), int64(1<<50), int64(7), int64(0), 1e9, false)
	f.Fuzz(func(t *testing.T, onHand, onOrder, reserved, held int64, mean, sd float64, leadHours int64, level float64,
		policy, method uint8, moq, pack, capQty int64, extra float64, strict bool) {
		var rule SafetyStock
		var err error
		switch method % 5 {
		case 0:
			rule, err = FixedSafetyStock(extra)
		case 1:
			rule, err = CoverSafetyStock(time.Duration(leadHours) * time.Hour)
		case 2:
			rule, err = CycleServiceSafetyStock(level)
		case 3:
			rule, err = CycleServiceLeadTimeSafetyStock(level)
		case 4:
			rule, err = FillRateSafetyStock(level)
		}
		if err != nil {
			return
		}
		cfg := PlanConfig{Policy: PolicyKind(policy % 6), SafetyStock: rule, OrderCover: 7 * Day, OverstockCover: 60 * Day}
		if strict {
			cfg.Trigger = StrictlyBelow
		}
		if cfg.Policy == PolicyRS {
			cfg.Review = Week
		}
		p, err := NewPlanner(cfg)
		if err != nil {
			return
		}
		it := Item{ID: "x", Stock: Stock{OnHand: onHand, OnOrder: onOrder, Reserved: reserved, Held: held}, OrderCost: extra, HoldingCost: 1, MaxStock: extra}
		it.Demand, _ = NewDemand(mean, sd, Day) // an invalid demand stays the zero value: an error below
		it.Lead, _ = NewLeadTime(time.Duration(leadHours)*time.Hour, time.Duration(leadHours)*time.Hour/4)
		if s, err := NewShaping(moq, pack, capQty); err == nil {
			it.Shaping = s
		}
		s, err := p.Suggest(it, testNow)
		if err != nil {
			return
		}
		w := s.Why
		for _, v := range []float64{s.DaysOfCover, w.SafetyStock, w.ReorderPoint, w.OrderUpTo, w.CycleQty, w.ReorderLevel, w.Shaped.Need, w.DemandPerDay, w.DemandSDDay} {
			if !finiteOrInf(v) {
				t.Fatalf("NaN in suggestion %+v", s)
			}
		}
		if s.Qty < 0 {
			t.Fatalf("negative quantity %d", s.Qty)
		}
		if w.Shaped.Need > 0 && s.Qty == 0 && s.Status != StatusDead {
			t.Fatalf("positive need %v ordered nothing: %+v", w.Shaped.Need, s)
		}
		_ = s.String()
	})
}

// FuzzABCMonotone checks that a higher value never gets a lower class than a smaller value.
func FuzzABCMonotone(f *testing.F) {
	f.Add([]byte{50, 30, 5, 5, 4, 2, 1, 1, 1, 1})
	f.Add([]byte{70, 10, 10, 10})
	f.Add([]byte{0, 0, 0})
	f.Add([]byte{1})
	f.Fuzz(func(t *testing.T, raw []byte) {
		if len(raw) == 0 || len(raw) > 200 {
			return
		}
		items := make([]ABCItem, len(raw))
		for i, b := range raw {
			items[i] = ABCItem{ID: string(rune('A' + i)), Value: decimal.New(int64(b), -1)}
		}
		got, err := ABC(items, DefaultABCCuts())
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(got); i++ {
			if got[i].Value.GreaterThan(got[i-1].Value) {
				t.Fatalf("rank %d has a higher value than rank %d", i+1, i)
			}
			if got[i].Class < got[i-1].Class {
				t.Fatalf("value %s is class %s but smaller %s is %s", got[i-1].Value, got[i-1].Class, got[i].Value, got[i].Class)
			}
		}
		if got[0].Class != ClassA && !got[0].Value.IsZero() {
			t.Fatalf("the top item is %s", got[0].Class)
		}
	})
}

// FuzzNormal checks that the normal functions never panic and give finite values on valid input.
func FuzzNormal(f *testing.F) {
	for _, v := range []float64{0.5, 1e-300, 0.999999, 1.3, -40, 40, 1e-17} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, x float64) {
		if z, err := NormalQuantile(x); err == nil && math.IsNaN(z) {
			t.Fatalf("NormalQuantile(%v) = NaN", x)
		}
		if isFinite(x) {
			for _, v := range []float64{normal.CDF(x), normal.PDF(x), NormalLoss(x)} {
				if math.IsNaN(v) {
					t.Fatalf("NaN at %v", x)
				}
			}
		}
		if z, err := NormalLossInverse(x); err == nil && !isFinite(z) {
			t.Fatalf("NormalLossInverse(%v) = %v", x, z)
		}
		// Round trip: Φ(Φ⁻¹(p)) = p, compared in the tail where p lives (the survival function for
		// p > 1/2, where 1 - p is exact), to 1e-12 relative.
		if z, err := NormalQuantile(x); err == nil && x >= 1e-300 {
			got, want := normal.CDF(z), x
			if x > 0.5 {
				got, want = normal.Survival(z), 1-x
			}
			if math.Abs(got-want) > 1e-12*want {
				t.Fatalf("Φ(Φ⁻¹(%v)) = %v, want %v", x, got, want)
			}
		}
		// L(z) ≥ (-z)⁺ (Jensen: E[(Z - z)⁺] ≥ (E[Z] - z)⁺) and L is non-increasing.
		if isFinite(x) && math.Abs(x) < 1e6 {
			l := NormalLoss(x)
			if l < max(-x, 0)*(1-1e-12) || NormalLoss(x+1) > l {
				t.Fatalf("NormalLoss(%v) = %v, NormalLoss(%v) = %v", x, l, x+1, NormalLoss(x+1))
			}
		}
	})
}

// FuzzForecast runs every method on arbitrary histories: no panic, and no NaN for valid input.
func FuzzForecast(f *testing.F) {
	f.Add([]byte{0, 0, 3, 0, 5}, 0.1, 0.2)
	f.Add([]byte{10, 12, 14, 16}, 1.0, 1.0)
	f.Add([]byte{}, 0.0, -1.0)
	f.Fuzz(func(t *testing.T, raw []byte, alpha, beta float64) {
		y := make([]float64, len(raw))
		for i, b := range raw {
			y[i] = float64(b)
		}
		var fs []Forecaster
		add := func(f Forecaster, err error) {
			if err == nil {
				fs = append(fs, f)
			}
		}
		add(NewSMA(3))
		add(NewWMA([]float64{1, 2, 3}))
		add(NewSES(alpha))
		add(NewHolt(alpha, beta))
		add(NewCroston(alpha))
		add(NewSBA(alpha))
		add(NewTSB(alpha, beta))
		add(NewSBJ(alpha))
		out := make([]float64, len(y))
		// Bounds: SMA, WMA and SES forecast a weighted mean of past demand, so they lie in
		// [min y, max y]; Croston, SBA and TSB forecast a size (a mean of the non-zero demands) times a
		// rate at most 1, so they lie in [0, max y]. Holt extrapolates a trend and has no bound.
		lo, hi := 0.0, 0.0
		if len(y) > 0 {
			lo, hi = slices.Min(y), slices.Max(y)
		}
		tol := 1e-9 * (1 + hi)
		inBounds := func(fc Forecaster, v float64) bool {
			switch fc.Method() {
			case MethodSMA, MethodWMA, MethodSES:
				return v >= lo-tol && v <= hi+tol
			case MethodCroston, MethodSBA, MethodTSB, MethodSBJ:
				return v >= 0 && v <= hi+tol
			}
			return true
		}
		for _, fc := range fs {
			v, err := fc.Forecast(y, 2)
			if err == nil && (math.IsNaN(v) || !inBounds(fc, v)) {
				t.Fatalf("%s.Forecast(%v) = %v, outside [%v, %v]", fc, y, v, lo, hi)
			}
			if err := fc.Fitted(y, out); err == nil {
				for i, v := range out {
					if math.IsNaN(v) || !inBounds(fc, v) {
						t.Fatalf("%s.Fitted(%v)[%d] = %v, outside [%v, %v]", fc, y, i, v, lo, hi)
					}
				}
			}
		}
		if p, err := ClassifyDemand(y); err == nil && (math.IsNaN(p.ADI) || math.IsNaN(p.CV2)) {
			t.Fatalf("ClassifyDemand(%v) = %+v", y, p)
		}
	})
}
