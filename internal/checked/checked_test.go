package checked

import (
	"math"
	"math/big"
	"testing"
)

// exact reports the big-integer result and whether it fits in int64.
func exact(op func(x, y, z *big.Int) *big.Int, a, b int64) (int64, bool) {
	r := op(new(big.Int), big.NewInt(a), big.NewInt(b))
	if !r.IsInt64() {
		return 0, false
	}
	return r.Int64(), true
}

func bigAdd(z, x, y *big.Int) *big.Int { return z.Add(x, y) }
func bigSub(z, x, y *big.Int) *big.Int { return z.Sub(x, y) }
func bigMul(z, x, y *big.Int) *big.Int { return z.Mul(x, y) }

var edges = []int64{0, 1, -1, 2, -2, 3, math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1,
	math.MaxInt32, math.MinInt32, 1 << 31, 1 << 32, -(1 << 32), 3037000499, 3037000500, -3037000500, 1 << 62, -(1 << 62)}

func check(t *testing.T, a, b int64) {
	t.Helper()
	for _, c := range []struct {
		name string
		got  func(int64, int64) (int64, bool)
		want func(z, x, y *big.Int) *big.Int
	}{{"Add", Add, bigAdd}, {"Sub", Sub, bigSub}, {"Mul", Mul, bigMul}} {
		got, gotOK := c.got(a, b)
		want, wantOK := exact(c.want, a, b)
		if got != want || gotOK != wantOK {
			t.Errorf("%s(%d, %d) = %d, %v, want %d, %v", c.name, a, b, got, gotOK, want, wantOK)
		}
	}
}

func TestEdges(t *testing.T) {
	for _, a := range edges {
		for _, b := range edges {
			check(t, a, b)
		}
	}
}

func TestKnownAnswers(t *testing.T) {
	if _, ok := Add(math.MaxInt64, 1); ok {
		t.Error("Add(MaxInt64, 1) did not report overflow")
	}
	if s, ok := Add(math.MaxInt64, -1); !ok || s != math.MaxInt64-1 {
		t.Errorf("Add(MaxInt64, -1) = %d, %v", s, ok)
	}
	if _, ok := Mul(1<<61, 4); ok {
		t.Error("Mul(2^61, 4) did not report overflow (the BuyQty wrap)")
	}
	if p, ok := Mul(1e14, 1000); !ok || p != 1e17 {
		t.Errorf("Mul(1e14, 1000) = %d, %v, want 1e17", p, ok)
	}
	if _, ok := Sum(1, math.MaxInt64); ok {
		t.Error("Sum(1, MaxInt64) did not report overflow (the cart's unit count wrap)")
	}
	if s, ok := Sum(); !ok || s != 0 {
		t.Errorf("Sum() = %d, %v, want 0, true", s, ok)
	}
	if s, ok := Sum(math.MaxInt64, 5, -5); ok || s != 0 {
		t.Errorf("Sum(MaxInt64, 5, -5) = %d, %v: a partial sum overflowed", s, ok)
	}
	if s, ok := Sum(2, 3, -4); !ok || s != 1 {
		t.Errorf("Sum(2, 3, -4) = %d, %v, want 1", s, ok)
	}
	if r, ok := MulAdd(3, 4, 5); !ok || r != 17 {
		t.Errorf("MulAdd(3, 4, 5) = %d, %v, want 17", r, ok)
	}
	if _, ok := MulAdd(math.MaxInt64, 2, 0); ok {
		t.Error("MulAdd overflowing product not reported")
	}
	if _, ok := MulAdd(math.MaxInt64, 1, 1); ok {
		t.Error("MulAdd overflowing sum not reported")
	}
}

func FuzzArithmetic(f *testing.F) {
	for _, a := range edges {
		f.Add(a, int64(7))
	}
	f.Fuzz(func(t *testing.T, a, b int64) { check(t, a, b) })
}

// Equivalent mutants (gremlins v0.5.0 reports them as lived; none can change
// a result):
//   - checked.go Add, "b >= 0" -> "b > 0": with b = 0 the sum cannot overflow,
//     and both branches of the mutated test return a+b.
//   - checked.go Sub, "b >= 0" -> "b > 0": with b = 0 the difference cannot
//     overflow, and both branches return a-b.
//   - checked.go Sub, "d >= 0" -> "d > 0": d is 0 only when a = b, which
//     cannot overflow (a wrapped difference is never 0, as |a-b| < 2^64).
