package inventory

import "testing"

func BenchmarkRQOptimalNormal(b *testing.B) {
	m := example51()
	for b.Loop() {
		if _, err := m.OptimalNormal(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRQOptimalPoisson(b *testing.B) {
	m := RQProblem{HoldingCost: 20, StockoutCost: 150, OrderCost: 100, DemandRate: 1.5, LeadMean: 30}
	for b.Loop() {
		if _, err := m.OptimalPoisson(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSSOptimal(b *testing.B) {
	pmf, _ := PoissonPMF(6)
	m := SSProblem{HoldingCost: 1, StockoutCost: 4, OrderCost: 5, DemandPMF: pmf}
	for b.Loop() {
		if _, err := m.Optimal(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWagnerWhitin1000(b *testing.B) {
	d := make([]float64, 1000)
	for i := range d {
		d[i] = float64(i*37%101 + 5)
	}
	for b.Loop() {
		if _, err := WagnerWhitin(d, 500, 0.2); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPoissonLosses(b *testing.B) {
	for b.Loop() {
		if _, err := PoissonLosses(120, 100); err != nil {
			b.Fatal(err)
		}
	}
}
