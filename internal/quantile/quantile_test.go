package quantile

import (
	"math"
	"math/big"
	"slices"
	"testing"
)

// TestKnownAnswers are the type 7 values numpy.percentile gives (its default
// method "linear"): np.percentile([1, 2, 3, 4], 50) = 2.5 rounds to 3 here
// (half away from the lower value); [10, 20, 30, 40, 50] at 90 % = 46.
func TestKnownAnswers(t *testing.T) {
	for _, c := range []struct {
		give     []int64
		num, den int64
		want     int64
	}{
		{[]int64{7}, 1, 2, 7},
		{[]int64{1, 2, 3, 4}, 1, 2, 3},                   // 2.5
		{[]int64{1, 2, 3, 4, 5}, 1, 2, 3},                // 3
		{[]int64{10, 20, 30, 40, 50}, 9, 10, 46},         // 46
		{[]int64{10, 20, 30, 40, 50}, 1, 4, 20},          // 20
		{[]int64{10, 20, 30, 40, 50}, 0, 1, 10},          // min
		{[]int64{10, 20, 30, 40, 50}, 1, 1, 50},          // max
		{[]int64{0, 10}, 1, 3, 3},                        // 3.33
		{[]int64{0, 10}, 2, 3, 7},                        // 6.67
		{[]int64{-10, 0}, 1, 4, -7},                      // -7.5: the half goes up, away from x[j] = -10
		{[]int64{math.MinInt64, math.MaxInt64}, 1, 2, 0}, // -0.5 rounds up to 0
	} {
		got, ok := Type7(c.give, c.num, c.den)
		if !ok || got != c.want {
			t.Errorf("Type7(%v, %d/%d) = %d, %v, want %d", c.give, c.num, c.den, got, ok, c.want)
		}
	}
}

func TestRejects(t *testing.T) {
	for _, c := range []struct {
		give     []int64
		num, den int64
	}{{nil, 1, 2}, {[]int64{1}, 1, 0}, {[]int64{1}, -1, 2}, {[]int64{1}, 3, 2}} {
		if _, ok := Type7(c.give, c.num, c.den); ok {
			t.Errorf("Type7(%v, %d/%d) accepted", c.give, c.num, c.den)
		}
	}
}

// reference computes type 7 with big rationals: x[j] + g·(x[j+1]-x[j]),
// rounded half up from x[j].
func reference(s []int64, num, den int64) int64 {
	h := new(big.Rat).SetFrac64(int64(len(s)-1)*num, den)
	j := new(big.Int).Quo(h.Num(), h.Denom()).Int64()
	g := new(big.Rat).Sub(h, new(big.Rat).SetInt64(j))
	if g.Sign() == 0 {
		return s[j]
	}
	d := new(big.Rat).SetInt(new(big.Int).Sub(big.NewInt(s[j+1]), big.NewInt(s[j])))
	v := new(big.Rat).Add(new(big.Rat).SetInt64(s[j]), new(big.Rat).Mul(g, d))
	v.Add(v, big.NewRat(1, 2)) // floor(v + 1/2)
	q := new(big.Int).Div(v.Num(), v.Denom())
	return q.Int64()
}

func FuzzType7(f *testing.F) {
	f.Add(int64(1), int64(2), int64(3), int64(1), int64(2))
	f.Add(int64(math.MinInt64), int64(math.MaxInt64), int64(0), int64(9), int64(10))
	f.Fuzz(func(t *testing.T, a, b, c, num, den int64) {
		s := []int64{a, b, c}
		slices.Sort(s)
		if den < 1 || den > 1e9 || num < 0 || num > den {
			return
		}
		got, ok := Type7(s, num, den)
		if want := reference(s, num, den); !ok || got != want {
			t.Fatalf("Type7(%v, %d/%d) = %d, %v, want %d", s, num, den, got, ok, want)
		}
	})
}
