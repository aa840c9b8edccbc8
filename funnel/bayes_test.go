package funnel

import (
	"math"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ratMiller is Evan Miller's sum in exact rational arithmetic: the
// brute-force reference. With integer parameters B(a, b) =
// (a−1)!(b−1)!/(a+b−1)!.
func ratMiller(convA, nA, convB, nB int64) float64 {
	fact := func(n int64) *big.Int { return new(big.Int).MulRange(1, max(n, 1)) }
	beta := func(a, b int64) *big.Rat {
		num := new(big.Int).Mul(fact(a-1), fact(b-1))
		return new(big.Rat).SetFrac(num, fact(a+b-1))
	}
	aA, bA, aB, bB := convA+1, nA-convA+1, convB+1, nB-convB+1
	sum := new(big.Rat)
	den0 := beta(aA, bA)
	for i := int64(0); i < aB; i++ {
		t := new(big.Rat).Set(beta(aA+i, bA+bB))
		d := new(big.Rat).Mul(beta(1+i, bB), den0)
		d.Mul(d, new(big.Rat).SetInt64(bB+i))
		sum.Add(sum, t.Quo(t, d))
	}
	f, _ := sum.Float64()
	return f
}

func TestProbBBeatsAKnownAnswers(t *testing.T) {
	tests := []struct {
		convA, nA, convB, nB int64
		want                 float64
		tol                  float64
	}{
		// Hand arithmetic: A 1/1 is Beta(2, 1), density 2x; B 0/1 is
		// Beta(1, 2), survival (1 − x)². P = ∫ 2x (1 − x)² dx = 1/6.
		{1, 1, 0, 1, 1.0 / 6, 1e-15},
		// A 0/1 is Beta(1, 2), CDF 1 − (1 − x)²; B 0/2 is Beta(1, 3),
		// density 3(1 − x)². P = ∫ 3(1 − x)² (1 − x)² dx... with
		// P(p_B > p_A) = ∫ f_A(x) S_B(x) dx = ∫ 2(1 − x)(1 − x)³ dx = 2/5.
		{0, 1, 0, 2, 2.0 / 5, 1e-15},
		// A 10/100, B 15/100: 0.85328377 by numerical integration of
		// ∫ f_B(x) F_A(x) dx on a 20,000-point grid (the previous
		// implementation's test; the grid is good to about 1e-7).
		{10, 100, 15, 100, 0.8532837663782312, 1e-7},
	}
	for _, tt := range tests {
		got, err := ProbBBeatsA(tt.convA, tt.nA, tt.convB, tt.nB)
		require.NoError(t, err)
		assert.InDelta(t, tt.want, got, tt.tol, "ProbBBeatsA(%d, %d, %d, %d)", tt.convA, tt.nA, tt.convB, tt.nB)
	}
}

// TestProbBBeatsAExactReference checks every small case against the sum in
// exact rational arithmetic.
func TestProbBBeatsAExactReference(t *testing.T) {
	var worst float64
	for nA := int64(1); nA <= 24; nA += 5 {
		for nB := int64(1); nB <= 30; nB += 7 {
			for xA := int64(0); xA <= nA; xA += 2 {
				for xB := int64(0); xB <= nB; xB += 3 {
					got, err := ProbBBeatsA(xA, nA, xB, nB)
					require.NoError(t, err)
					want := ratMiller(xA, nA, xB, nB)
					worst = max(worst, math.Abs(got-want))
					require.InDelta(t, want, got, 1e-13, "ProbBBeatsA(%d, %d, %d, %d)", xA, nA, xB, nB)
				}
			}
		}
	}
	t.Logf("largest error against exact rationals: %.3g", worst)
}

// TestProbBBeatsAIntegration checks the integration against the exact sum
// (run past its switch-over) where both apply.
func TestProbBBeatsAIntegration(t *testing.T) {
	tests := []struct{ convA, nA, convB, nB int64 }{
		{10, 100, 15, 100},
		{0, 1, 0, 2},
		{0, 1_000_000, 3, 1_000_000},
		{5, 1_000_000_000, 9, 1_200_000_000},
		{900, 10_000, 1000, 10_000},
		{2000, 100_000, 2100, 100_000},
		{3, 7, 5000, 1_000_000},
		{40_000, 2_000_000, 40_500, 2_000_000},
		{1, 3, 2, 2},
		{99_000, 100_000, 99_100, 100_100},
		{math.MaxInt64 - 2000, math.MaxInt64, math.MaxInt64 - 2100, math.MaxInt64}, // q = α/(α+β) rounds to 1
		{3000, math.MaxInt64, 3100, math.MaxInt64},
	}
	var worst float64
	for _, tt := range tests {
		aA, bA := float64(tt.convA)+1, float64(tt.nA-tt.convA)+1
		aB, bB := float64(tt.convB)+1, float64(tt.nB-tt.convB)+1
		var exact float64
		if aA+aB < bA+bB {
			exact, _ = millerSum(aA, bA, aB, bB)
		} else {
			exact, _ = millerSum(bB, aB, bA, aA)
		}
		d := logRatio(float64(tt.convB-tt.convA), aA, aB) - logRatio(float64((tt.nB-tt.convB)-(tt.nA-tt.convA)), bA, bB)
		got, work := integrate(aA, bA, aB, bB, d)
		worst = max(worst, math.Abs(got-exact))
		assert.InDelta(t, exact, got, 1e-9, "%+v", tt)
		assert.LessOrEqual(t, work, bayesMaxWork)
	}
	t.Logf("largest difference integration - exact sum: %.3g", worst)
}

// TestProbBBeatsAHostile is issue 12: identical arms gave 1, 4.3e-19 or 0
// at large counts, and 1e7 conversions took seconds (2^40 never ended).
func TestProbBBeatsAHostile(t *testing.T) {
	sizes := []int64{1, 2, 1000, 1001, 1002, 12345, 1e7, 1e9, 1 << 40, 1 << 53, 1<<53 + 1, 1 << 62, math.MaxInt64 - 1, math.MaxInt64}
	for _, n := range sizes {
		for _, x := range []int64{0, 1, n / 3, n / 2, n - 1, n} {
			if x < 0 || x > n {
				continue
			}
			p, err := ProbBBeatsA(x, n, x, n)
			require.NoError(t, err)
			assert.Equal(t, 0.5, p, "identical arms %d/%d", x, n)
			_, work := probBBeatsA(x, n, x, n)
			assert.Zero(t, work)
		}
	}
	pairs := [][4]int64{
		{1e7, 2e7, 1e7 + 1, 2e7},
		{1 << 40, 1 << 41, 1<<40 + 1000, 1 << 41},
		{math.MaxInt64 - 1, math.MaxInt64, math.MaxInt64, math.MaxInt64},
		{0, math.MaxInt64, 1, math.MaxInt64},
		{0, math.MaxInt64, 0, math.MaxInt64 - 1},
		{3, 1e12, 1e6, 1e12},
		{math.MaxInt64 / 2, math.MaxInt64, math.MaxInt64/2 + 1e9, math.MaxInt64},
		{1e9, 1e9, 1e9 - 1, 1e9},
		{5, 10, math.MaxInt64 / 2, math.MaxInt64},
		{math.MaxInt64 - 78, math.MaxInt64, 435, math.MaxInt64}, // found by fuzzing: ln(α_B/α_A) was −Inf
	}
	for _, pr := range pairs {
		p, work := probBBeatsA(pr[0], pr[1], pr[2], pr[3])
		q, work2 := probBBeatsA(pr[2], pr[3], pr[0], pr[1])
		assert.False(t, math.IsNaN(p) || p < 0 || p > 1, "%v: %v", pr, p)
		assert.InDelta(t, 1, p+q, 1e-15, "symmetry %v: %v + %v", pr, p, q)
		assert.LessOrEqual(t, work, bayesMaxWork, "work %v", pr)
		assert.LessOrEqual(t, work2, bayesMaxWork, "work %v", pr)
	}
	// 1e7 vs 1e7+1 conversions of 2e7: the rates differ by 5e-8 with a
	// posterior sd of 1.1e-4 each: P ≈ Φ(5e-8/1.58e-4) = 0.500126.
	p, _ := probBBeatsA(1e7, 2e7, 1e7+1, 2e7)
	assert.InDelta(t, 0.5+0.3989422804*5e-8/math.Sqrt(2*0.25/2e7), p, 1e-6)
	// 2^40 conversions of 2^41 each, B with 1000 more: z = 1000/2^41 /
	// √(2 · 0.25/2^41) = 1000/√(2^41 · 0.5) = 6.74e-4, P = 0.500269.
	p, _ = probBBeatsA(1<<40, 1<<41, 1<<40+1000, 1<<41)
	assert.InDelta(t, 0.5+0.3989422804*1000/math.Sqrt(0.5*(1<<41)), p, 1e-6)
}

func TestProbBBeatsASymmetry(t *testing.T) {
	for _, pr := range [][4]int64{{10, 100, 15, 100}, {0, 5, 1, 5}, {900, 1000, 20, 30}, {2000, 5000, 30, 40}} {
		p, err := ProbBBeatsA(pr[0], pr[1], pr[2], pr[3])
		require.NoError(t, err)
		q, err := ProbBBeatsA(pr[2], pr[3], pr[0], pr[1])
		require.NoError(t, err)
		assert.InDelta(t, 1, p+q, 1e-15)
	}
}

func TestGaussLegendre(t *testing.T) {
	// The 8-point rule integrates x^k exactly for k <= 15 on [-1, 1].
	for k := 0; k <= 15; k++ {
		var s float64
		for i, x := range glNodes {
			s += glWeights[i] * math.Pow(x, float64(k))
		}
		want := 0.0
		if k%2 == 0 {
			want = 2 / float64(k+1)
		}
		assert.InDelta(t, want, s, 1e-14, "x^%d", k)
	}
}

func FuzzProbBBeatsA(f *testing.F) {
	f.Add(int64(10), int64(100), int64(15), int64(100))
	f.Add(int64(math.MaxInt64), int64(math.MaxInt64), int64(0), int64(math.MaxInt64))
	f.Add(int64(1<<40), int64(1<<41), int64(1<<40+5), int64(1<<41))
	f.Fuzz(func(t *testing.T, xa, na, xb, nb int64) {
		p, err := ProbBBeatsA(xa, na, xb, nb)
		if err != nil {
			return
		}
		q, _ := ProbBBeatsA(xb, nb, xa, na)
		if math.IsNaN(p) || p < 0 || p > 1 || math.Abs(p+q-1) > 1e-15 {
			t.Fatalf("ProbBBeatsA(%d, %d, %d, %d) = %v, reversed %v", xa, na, xb, nb, p, q)
		}
		if _, w := probBBeatsA(xa, na, xb, nb); w > bayesMaxWork {
			t.Fatalf("work %d", w)
		}
	})
}

var probSink float64

// BenchmarkProbBBeatsA: the exact sum at its largest (1,000 conversions
// each) and the integration at 2^40 conversions.
func BenchmarkProbBBeatsA(b *testing.B) {
	for _, bc := range []struct {
		name string
		give [4]int64
	}{
		{"exact1000", [4]int64{1000, 50_000, 990, 50_000}},
		{"integrate2^40", [4]int64{1 << 40, 1 << 41, 1<<40 + 1000, 1 << 41}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				probSink, _ = ProbBBeatsA(bc.give[0], bc.give[1], bc.give[2], bc.give[3])
			}
		})
	}
}
