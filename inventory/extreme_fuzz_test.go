package inventory

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// Extreme values the fuzzer picks from, besides raw bit patterns.
var (
	extremeFloats = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 0.95, 1e-300, 5e-324, -5e-324, MaxQty, MaxQty + 1,
		1 << 53, 1e308, -1e308, math.MaxFloat64, -math.MaxFloat64, math.NaN(), math.Inf(1), math.Inf(-1), 7, 1000}
	extremeInts = []int64{0, 1, -1, 7, 1000, MaxQty, MaxQty + 1, 1 << 53, math.MaxInt64, math.MinInt64, math.MaxInt64 / 2}
	extremeDurs = []time.Duration{0, 1, -1, Day, Week, Year, math.MaxInt64, math.MinInt64, math.MaxInt64 / 2}
)

// picker reads fuzz bytes as choices among the extreme values or raw bit patterns.
type picker struct{ b []byte }

func (p *picker) byte() byte {
	if len(p.b) == 0 {
		return 0
	}
	c := p.b[0]
	p.b = p.b[1:]
	return c
}

func (p *picker) raw() uint64 {
	var buf [8]byte
	for i := range buf {
		buf[i] = p.byte()
	}
	return binary.LittleEndian.Uint64(buf[:])
}

func (p *picker) float() float64 {
	c := p.byte()
	if c >= 0xF0 {
		return math.Float64frombits(p.raw())
	}
	return extremeFloats[int(c)%len(extremeFloats)]
}

func (p *picker) int() int64 {
	c := p.byte()
	if c >= 0xF0 {
		return int64(p.raw())
	}
	return extremeInts[int(c)%len(extremeInts)]
}

func (p *picker) dur() time.Duration {
	c := p.byte()
	if c >= 0xF0 {
		return time.Duration(p.raw())
	}
	return extremeDurs[int(c)%len(extremeDurs)]
}

// time returns the test's evaluation time shifted by an extreme duration, or an extreme instant.
func (p *picker) time() time.Time {
	switch c := p.byte(); {
	case c >= 0xF8:
		return time.Unix(int64(p.raw()), int64(p.raw()%1e9)).UTC()
	case c >= 0xF0:
		return time.Date(int(int16(p.raw())), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return testNow.Add(p.dur())
}

// floats returns a slice of up to 4096 values: a length, then one value repeated or a short run.
func (p *picker) floats() []float64 {
	n := int(p.byte()) * 16
	if n > 4096 {
		n = 4096
	}
	if p.byte()%2 == 0 {
		n %= 9
	}
	out := make([]float64, n)
	for i := range out {
		if i < 8 {
			out[i] = p.float()
		} else {
			out[i] = out[i%8]
		}
	}
	return out
}

// checkOutcome asserts the contract for extreme input: an error is a *FieldError wrapping one of
// this package's sentinels; without an error every float result is finite.
func checkOutcome(t *testing.T, name string, err error, results ...float64) {
	t.Helper()
	if err != nil {
		var fe *FieldError
		if !errors.As(err, &fe) {
			t.Fatalf("%s: error %v is not a *FieldError", name, err)
		}
		if fe.Err == nil || !strings.HasPrefix(fe.Err.Error(), "inventory: ") {
			t.Fatalf("%s: error %v does not wrap a sentinel of this package", name, err)
		}
		return
	}
	for i, r := range results {
		if !isFinite(r) {
			t.Fatalf("%s: result %d is %v with a nil error", name, i, r)
		}
	}
}

// FuzzExtremes feeds int64 edges, 1e308, 5e-324, NaN, ±Inf and long slices to every entry point:
// no panic, no NaN or infinity with a nil error, and errors of the shared shape.
func FuzzExtremes(f *testing.F) {
	for i := range 18 {
		f.Add([]byte{byte(i), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
		f.Add([]byte{byte(i), 16, 17, 18, 8, 9, 14, 15, 10, 11, 12, 13, 2, 3})
		f.Add([]byte{byte(i), 255, 0, 0, 0, 0, 0, 0, 0xf0, 0x7f, 3, 3, 3})
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p := &picker{b: data}
		switch p.byte() % 18 {
		case 0:
			_, err := NewLeadTime(p.dur(), p.dur())
			checkOutcome(t, "NewLeadTime", err)
		case 1:
			d, err := NewDemand(p.float(), p.float(), p.dur())
			checkOutcome(t, "NewDemand", err)
			if err == nil {
				checkOutcome(t, "Demand.Over", nil, d.MeanOver(p.dur()), d.StdDevOver(p.dur()))
				d2, err := d.In(p.dur())
				checkOutcome(t, "Demand.In", err, d2.Mean(), d2.StdDev())
			}
		case 2:
			d, err := DemandFromHistory(p.floats(), p.dur())
			checkOutcome(t, "DemandFromHistory", err, d.Mean(), d.StdDev())
			_, err = NewLeadTime(p.dur(), p.dur())
			checkOutcome(t, "NewLeadTime", err)
		case 3:
			x := p.float()
			z, err := NormalQuantile(x)
			checkOutcome(t, "NormalQuantile", err, z)
			k, err := NormalLossInverse(x)
			checkOutcome(t, "NormalLossInverse", err, k)
			if isFinite(x) {
				checkOutcome(t, "NormalLoss", nil, NormalLoss(x))
			}
		case 4:
			var rule SafetyStock
			var err error
			switch p.byte() % 5 {
			case 0:
				rule, err = FixedSafetyStock(p.float())
			case 1:
				rule, err = CoverSafetyStock(p.dur())
			case 2:
				rule, err = CycleServiceSafetyStock(p.float())
			case 3:
				rule, err = CycleServiceLeadTimeSafetyStock(p.float())
			case 4:
				rule, err = FillRateSafetyStock(p.float())
			}
			checkOutcome(t, "safety stock rule", err)
			d, _ := NewDemand(p.float(), p.float(), p.dur())
			lead, _ := NewLeadTime(p.dur(), p.dur())
			ss, err := rule.For(Exposure{Demand: d, Lead: lead, Review: p.dur(), OrderQty: p.float()})
			checkOutcome(t, "SafetyStock.For", err, ss)
			rop, err := ReorderPoint(d, lead, p.float())
			checkOutcome(t, "ReorderPoint", err, rop)
		case 5:
			var pol Policy
			var err error
			switch p.byte() % 5 {
			case 0:
				pol, err = NewSQPolicy(p.float(), p.float())
			case 1:
				pol, err = NewSSPolicy(p.float(), p.float())
			case 2:
				pol, err = NewMinMaxPolicy(p.float(), p.float())
			case 3:
				pol, err = NewRSPolicy(p.dur(), p.float())
			case 4:
				pol, err = NewRQPolicy(p.float(), p.float(), p.float(), p.float())
			}
			checkOutcome(t, "policy", err, pol.ReorderLevel(), pol.OrderUpTo(), pol.OrderQty())
			need, err := pol.Need(p.int(), Trigger(p.byte()%2))
			checkOutcome(t, "Policy.Need", err, need)
		case 6:
			q, err := EOQ(p.float(), p.float(), p.float())
			checkOutcome(t, "EOQ", err, q)
			c, err := EOQCost(p.float(), p.float(), p.float(), p.float())
			checkOutcome(t, "EOQCost", err, c)
			breaks := make([]PriceBreak, int(p.byte())%5)
			for i := range breaks {
				breaks[i] = PriceBreak{MinQty: p.float(), UnitPrice: p.float()}
			}
			plan, err := EOQWithPriceBreaks(p.float(), p.float(), p.float(), breaks)
			checkOutcome(t, "EOQWithPriceBreaks", err, plan.Best.Cost, plan.Best.Qty, plan.Best.EOQ)
			for _, o := range plan.Offers {
				checkOutcome(t, "EOQWithPriceBreaks offer", err, o.Cost, o.Qty, o.EOQ)
			}
		case 7:
			s, err := NewShaping(p.int(), p.int(), p.int())
			checkOutcome(t, "NewShaping", err)
			r, err := s.Shape(p.float())
			checkOutcome(t, "Shape", err, r.Need)
			if err == nil && r.Qty > MaxQty {
				t.Fatalf("Shape returned %d above MaxQty", r.Qty)
			}
		case 8:
			st := Stock{OnHand: p.int(), Held: p.int(), OnOrder: p.int(), Backorders: p.int(), Reserved: p.int()}
			pos, err := st.Position()
			checkOutcome(t, "Position", err)
			if err == nil && (pos > 3*MaxQty || pos < -3*MaxQty) {
				t.Fatalf("Position %d beyond ±3·MaxQty", pos)
			}
			_, err = st.Available()
			checkOutcome(t, "Available", err)
			rs := make([]Reservation, int(p.byte())%4)
			for i := range rs {
				rs[i] = Reservation{Kind: ReservationKind(p.byte() % 5), Qty: p.int(), ExpiresAt: testNow.Add(p.dur())}
			}
			total, err := ReservedAt(rs, testNow)
			checkOutcome(t, "ReservedAt", err)
			if err == nil && (total < 0 || total > MaxQty) {
				t.Fatalf("ReservedAt = %d", total)
			}
			recs := make([]Receipt, int(p.byte())%4)
			for i := range recs {
				recs[i] = Receipt{Qty: p.int(), ETA: p.time()}
			}
			atp, err := NewATP(st, rs, recs, p.time())
			checkOutcome(t, "NewATP", err)
			if _, jerr := json.Marshal(atp); err == nil && jerr != nil {
				t.Fatalf("NewATP result does not marshal: %v", jerr)
			}
			_ = atp.At(testNow.Add(p.dur()))
			_, _ = atp.Earliest(p.int())
		case 9:
			cfg := PlanConfig{Policy: PolicyKind(p.byte() % 6), Trigger: Trigger(p.byte() % 2), OrderCover: p.dur(), OverstockCover: p.dur()}
			cfg.SafetyStock, _ = CycleServiceSafetyStock(p.float())
			if cfg.Policy == PolicyRS {
				cfg.Review = p.dur()
			}
			pl, err := NewPlanner(cfg)
			checkOutcome(t, "NewPlanner", err)
			it := Item{ID: "x", Stock: Stock{OnHand: p.int(), OnOrder: p.int(), Backorders: p.int(), Reserved: p.int()},
				MinSafetyStock: p.float(), WarningLine: p.float(), OrderQty: p.float(), MaxStock: p.float(), OrderCost: p.float(), HoldingCost: p.float()}
			it.Demand, _ = NewDemand(p.float(), p.float(), p.dur())
			it.Lead, _ = NewLeadTime(p.dur(), p.dur())
			it.Shaping, _ = NewShaping(p.int(), p.int(), p.int())
			it.LastSale = p.time()
			s, err := pl.Suggest(it, p.time())
			if _, jerr := json.Marshal(s); err == nil && jerr != nil {
				t.Fatalf("Suggest result does not marshal: %v", jerr)
			}
			w := s.Why
			checkOutcome(t, "Suggest", err, w.SafetyStock, w.ReorderPoint, w.OrderUpTo, w.CycleQty, w.ReorderLevel, w.Shaped.Need, w.DemandPerDay, w.DemandSDDay)
			if err == nil && (s.Qty < 0 || s.Qty > MaxQty || math.IsNaN(s.DaysOfCover)) {
				t.Fatalf("Suggest = %+v", s)
			}
		case 10:
			var fc Forecaster
			var err error
			switch p.byte() % 7 {
			case 0:
				fc, err = NewSMA(int(p.int()))
			case 1:
				fc, err = NewWMA([]float64{p.float(), p.float()})
			case 2:
				fc, err = NewSES(p.float())
			case 3:
				fc, err = NewHolt(p.float(), p.float())
			case 4:
				fc, err = NewCroston(p.float())
			case 5:
				fc, err = NewSBA(p.float())
			case 6:
				fc, err = NewTSB(p.float(), p.float())
			}
			checkOutcome(t, "forecaster", err)
			y := p.floats()
			v, err := fc.Forecast(y, int(p.int()))
			checkOutcome(t, "Forecast", err, v)
			out := make([]float64, len(y))
			err = fc.Fitted(y, out)
			if err == nil {
				checkOutcome(t, "Fitted", err, out...)
			} else {
				checkOutcome(t, "Fitted", err)
			}
		case 11:
			a, f := p.floats(), p.floats()
			if p.byte()%2 == 0 {
				f = f[:min(len(f), len(a))]
				for len(f) < len(a) {
					f = append(f, p.float())
				}
			}
			for name, fn := range map[string]func([]float64, []float64) (float64, error){"MAE": MAE, "RMSE": RMSE, "Bias": Bias, "MAPE": MAPE} {
				v, err := fn(a, f)
				checkOutcome(t, name, err, v)
			}
			v, err := MASE(a, f, p.floats())
			checkOutcome(t, "MASE", err, v)
		case 12:
			x, y := p.float(), p.float()
			v, err := Turnover(x, y)
			checkOutcome(t, "Turnover", err, v)
			v, err = AverageInventory(p.floats())
			checkOutcome(t, "AverageInventory", err, v)
			v, err = DaysOfInventory(x, y, p.dur())
			checkOutcome(t, "DaysOfInventory", err, v)
			v, err = SellThrough(x, y, p.float())
			checkOutcome(t, "SellThrough", err, v)
			v, err = ActiveRate(p.floats())
			checkOutcome(t, "ActiveRate", err, v)
			v, err = GMROI(x, y)
			checkOutcome(t, "GMROI", err, v)
			v, err = StockToSales(x, y)
			checkOutcome(t, "StockToSales", err, v)
		case 13:
			n, err := NewNewsvendor(p.float(), p.float())
			checkOutcome(t, "NewNewsvendor", err)
			if p.byte()%2 == 0 {
				n, err = NewsvendorFromPrices(p.float(), p.float(), p.float())
				checkOutcome(t, "NewsvendorFromPrices", err)
			}
			r, err := n.Normal(p.float(), p.float())
			checkOutcome(t, "Newsvendor.Normal", err, r.Qty, r.ExpectedCost, r.CriticalRatio)
			r, err = n.Poisson(p.float())
			checkOutcome(t, "Newsvendor.Poisson", err, r.Qty, r.ExpectedCost, r.CriticalRatio)
		case 14:
			items := make([]ABCXYZItem, int(p.byte())%6)
			for i := range items {
				items[i] = ABCXYZItem{ID: string(rune('a' + int(p.byte())%4)), Value: decimal.New(p.int(), int32(p.int()%80)), History: p.floats()}
			}
			res, _, err := ABCXYZ(items, DefaultABCCuts(), XYZCuts{X: p.float(), Y: p.float()})
			checkOutcome(t, "ABCXYZ", err)
			for _, r := range res {
				if math.IsNaN(r.CV) {
					t.Fatalf("ABCXYZ CV NaN")
				}
			}
		case 15:
			pat, err := ClassifyDemand(p.floats())
			checkOutcome(t, "ClassifyDemand", err, pat.ADI, pat.CV2)
			_, cv, err := XYZ(p.floats(), DefaultXYZCuts())
			if err == nil && math.IsNaN(cv) { // +Inf is documented for a zero mean
				t.Fatalf("XYZ CV NaN")
			}
			checkOutcome(t, "XYZ", err)
		case 16:
			r := RestockRule{MinDailySales: p.float(), Window: int(p.int()), MinSeasonLeft: p.dur(), MinSlope: p.float(), MinROI: p.float()}
			d, err := r.Evaluate(RestockInput{DailySales: p.floats(), SeasonEnd: testNow.Add(p.dur()), At: testNow, ProjectedProfit: p.float(), Investment: p.float()})
			checkOutcome(t, "RestockRule.Evaluate", err, d.Conditions[0].Value, d.Conditions[1].Value, d.Conditions[2].Value, d.Conditions[3].Value)
		case 17:
			_, err := NewABCCuts(decimal.New(p.int(), int32(p.int()%40)), decimal.NewFromFloat(0.15), decimal.NewFromFloat(0.05))
			checkOutcome(t, "NewABCCuts", err)
		}
	})
}
