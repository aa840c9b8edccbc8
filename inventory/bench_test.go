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
