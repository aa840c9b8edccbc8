package inventory

import (
	"math/rand/v2"
	"runtime"
	"testing"
	"time"
)

// Sinks keep the compiler from optimising benchmarked work away.
var (
	sinkInt   int
	sinkFloat float64
	sinkShape Shaped
)

// benchItems returns n varied items from a fixed seed: demand 0-50 a day, stock 0-600, lead
// 1-10 days, MOQ and pack sizes, a third of them with EOQ costs, a few hero floors.
func benchItems(n int) []Item {
	r := rand.New(rand.NewPCG(1, 2))
	now := time.Date(2025, 6, 1, 8, 0, 0, 0, time.UTC)
	shapes := []Shaping{{}, MustShaping(12, 12, 0), MustShaping(50, 10, 500), MustShaping(0, 6, 120)}
	items := make([]Item, n)
	for i := range items {
		mean := r.Float64() * 50
		it := Item{
			ID:       "SKU",
			Stock:    Stock{OnHand: r.Int64N(600), OnOrder: r.Int64N(3) * 50, Reserved: r.Int64N(10)},
			Demand:   MustDemand(mean, mean*0.3, Day),
			Lead:     FixedLeadTime(time.Duration(1+r.IntN(10)) * Day),
			Shaping:  shapes[i%len(shapes)],
			LastSale: now.Add(-time.Duration(r.IntN(100*24)) * time.Hour),
		}
		if i%3 == 0 {
			it.OrderCost, it.HoldingCost = 40, 2
		}
		if i%50 == 0 {
			it.MinSafetyStock = 30
		}
		items[i] = it
	}
	return items
}

func BenchmarkSuggestBatch1M(b *testing.B) { benchBatch(b, testPlanner(b, nil)) }

// The fill-rate rule solves L(k) = (1 - β)·Q/σ for every SKU, which costs a few hundred nanoseconds more.
func BenchmarkSuggestBatchFillRate1M(b *testing.B) {
	fill, err := FillRateSafetyStock(0.98)
	if err != nil {
		b.Fatal(err)
	}
	benchBatch(b, testPlanner(b, func(c *PlanConfig) { c.SafetyStock = fill }))
}

func benchBatch(b *testing.B, p Planner) {
	items := benchItems(1_000_000)
	out := make([]Suggestion, len(items))
	// A caller reuses its result slice from run to run: touch it once so page faults on a fresh
	// 400 MB slice are not timed, and collect the set-up garbage.
	if _, err := p.SuggestBatch(items, testNow, out); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n, err := p.SuggestBatch(items, testNow, out)
		if err != nil {
			b.Fatal(err)
		}
		sinkInt += int(n)
	}
	b.ReportMetric(float64(len(items))*float64(b.N)/b.Elapsed().Seconds(), "SKUs/s")
}

func benchSeries(n int) []float64 {
	r := rand.New(rand.NewPCG(3, 4))
	y := make([]float64, n)
	for i := range y {
		if r.IntN(3) == 0 {
			y[i] = float64(1 + r.IntN(20))
		}
	}
	return y
}

func BenchmarkSES1M(b *testing.B) {
	y := benchSeries(1_000_000)
	f := mustF(NewSES(0.2))
	b.ReportAllocs()
	for b.Loop() {
		v, err := f.Forecast(y, 1)
		if err != nil {
			b.Fatal(err)
		}
		sinkFloat += v
	}
}

func BenchmarkCroston1M(b *testing.B) {
	y := benchSeries(1_000_000)
	f := mustF(NewCroston(0.1))
	b.ReportAllocs()
	for b.Loop() {
		v, err := f.Forecast(y, 1)
		if err != nil {
			b.Fatal(err)
		}
		sinkFloat += v
	}
}

func BenchmarkCrostonFitted1M(b *testing.B) {
	y := benchSeries(1_000_000)
	out := make([]float64, len(y))
	f := mustF(NewCroston(0.1))
	b.ReportAllocs()
	for b.Loop() {
		if err := f.Fitted(y, out); err != nil {
			b.Fatal(err)
		}
		sinkFloat += out[len(out)-1]
	}
}

func BenchmarkNormalLossInverse(b *testing.B) {
	b.ReportAllocs()
	x := 0.001
	for b.Loop() {
		sinkFloat += lossInverse(x)
	}
}

func BenchmarkShape(b *testing.B) {
	s := MustShaping(50, 12, 600)
	b.ReportAllocs()
	need := 0.0
	for b.Loop() {
		need += 0.7
		if need > 1000 {
			need = 0
		}
		sinkShape = s.shape(need)
	}
}

// benchBacktestSKUs returns n SKUs of days days each from a fixed seed: demand 0-20 a day with
// zero days, (s, S), (s, Q), (R, S) and top-up policies, packs, lead times 1-10 days, a third with a
// sampled lead-time sequence.
func benchBacktestSKUs(n, days int) []BacktestSKU {
	r := rand.New(rand.NewPCG(5, 6))
	skus := make([]BacktestSKU, n)
	pols := []Policy{mustPolicy(NewSSPolicy(40, 120)), mustPolicy(NewSQPolicy(30, 60)),
		mustPolicy(NewRSPolicy(7*Day, 150)), mustPolicy(NewTopUpPolicy(35, 50)), mustPolicy(NewMinMaxPolicy(20, 90))}
	shapes := []Shaping{{}, MustShaping(12, 12, 0), MustShaping(0, 6, 120, WithPackRounding(PackRoundUpWithinMax))}
	for i := range skus {
		d := make([]int64, days)
		for t := range d {
			if r.IntN(4) > 0 {
				d[t] = r.Int64N(21)
			}
		}
		sk := BacktestSKU{ID: "SKU", Policy: pols[i%len(pols)], Shaping: shapes[i%len(shapes)], Demand: d,
			OnHand: r.Int64N(100), LeadDays: 1 + r.IntN(10), HoldingCost: 0.01, OrderCost: 20, ShortageCost: 2}
		if i%3 == 0 {
			sk.LeadSequence = []int{3, 5, 2, 9, 4}
		}
		skus[i] = sk
	}
	return skus
}

// BenchmarkBacktest replays 1,000 SKUs over a year: 365,000 SKU-days per op.
func BenchmarkBacktest(b *testing.B) {
	skus := benchBacktestSKUs(1000, 365)
	out := make([]BacktestResult, len(skus))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Backtest(skus, Backorders, out); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(365000*float64(b.N)/b.Elapsed().Seconds(), "SKU-days/s")
}

// realisticItems returns n items of the "nightly job" mix of issue 16: lead-time variability on
// every SKU (σ_L 10-50 % of the mean), about 60 % of SKUs at or below their reorder point (many
// stocked out), packs, MOQs and caps, hero floors, a third with EOQ costs, ABC classes with their
// own rules and a few hand-set warning lines and maxima.
func realisticItems(n int) []Item {
	r := rand.New(rand.NewPCG(7, 8))
	now := time.Date(2025, 6, 1, 8, 0, 0, 0, time.UTC)
	shapes := []Shaping{{}, MustShaping(12, 12, 0), MustShaping(50, 10, 500), MustShaping(0, 6, 120, WithPackRounding(PackRoundUpWithinMax)),
		MustShaping(24, 24, 0, WithPackRounding(PackRoundDown))}
	items := make([]Item, n)
	for i := range items {
		mean := 0.5 + r.Float64()*40
		lead := time.Duration(1+r.IntN(14)) * Day
		rop := mean * float64(lead/Day) * 1.3
		var onHand int64
		switch k := r.IntN(10); {
		case k < 2:
			onHand = 0 // stocked out
		case k < 6:
			onHand = r.Int64N(int64(rop) + 1) // at or below the reorder point
		default:
			onHand = int64(rop) + r.Int64N(400)
		}
		it := Item{
			ID:       "SKU",
			Class:    ABCClass(1 + i%3),
			Stock:    Stock{OnHand: onHand, OnOrder: r.Int64N(2) * 24, Reserved: r.Int64N(5), Backorders: r.Int64N(2) * r.Int64N(10)},
			Demand:   MustDemand(mean, mean*(0.2+r.Float64()), Day),
			Lead:     MustLeadTime(lead, time.Duration(float64(lead)*(0.1+0.4*r.Float64()))),
			Shaping:  shapes[i%len(shapes)],
			LastSale: now.Add(-time.Duration(r.IntN(60*24)) * time.Hour),
		}
		if i%3 == 0 {
			it.OrderCost, it.HoldingCost = 40, 2
		}
		if i%50 == 0 {
			it.MinSafetyStock = 30
		}
		if i%40 == 0 {
			it.WarningLine = rop
		}
		items[i] = it
	}
	return items
}

// realisticPlanner gives class A a 98 % cycle service level and class C 90 %, both with lead-time
// variability, and class B a 97 % fill rate (the loss-function rule, solved per SKU).
func realisticPlanner(b testing.TB) Planner {
	csl := func(l float64) SafetyStock { return mustSafety(CycleServiceLeadTimeSafetyStock(l)) }
	return testPlanner(b, func(c *PlanConfig) {
		c.SafetyStock = csl(0.95)
		c.ClassSafety = ClassSafetyStock{A: csl(0.98), B: mustSafety(FillRateSafetyStock(0.97)), C: csl(0.90)}
	})
}

// BenchmarkSuggestBatchRealistic1M is issue 16's realistic mix (see realisticItems).
func BenchmarkSuggestBatchRealistic1M(b *testing.B) {
	p := realisticPlanner(b)
	items := realisticItems(1_000_000)
	out := make([]Suggestion, len(items))
	if _, err := p.SuggestBatch(items, testNow, out); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n, err := p.SuggestBatch(items, testNow, out)
		if err != nil {
			b.Fatal(err)
		}
		sinkInt += int(n)
	}
	b.ReportMetric(float64(len(items))*float64(b.N)/b.Elapsed().Seconds(), "SKUs/s")
}
