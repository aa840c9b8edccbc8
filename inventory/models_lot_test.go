package inventory

import (
	"math"
	"slices"
	"testing"
)

// Snyder & Shen Example 3.9 (stockpyl's wagner_whitin doctest).
func TestWagnerWhitinStockpyl(t *testing.T) {
	p, err := WagnerWhitin([]float64{90, 120, 80, 70}, 500, 2)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(p.Orders, []float64{210, 0, 150, 0}) || p.Cost != 1380 || p.Setups != 2 || p.Holding != 380 {
		t.Errorf("plan %+v", p)
	}
	sm, err := SilverMeal([]float64{90, 120, 80, 70}, 500, 2)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sm.Orders, []float64{290, 0, 0, 70}) || sm.Cost != 1560 || sm.Setups != 2 {
		t.Errorf("silver-meal %+v", sm)
	}
}

// lotBrute returns the cheapest cost over every subset of order periods (the first period with
// demand must order).
func lotBrute(d []float64, k, h float64) float64 {
	best := math.Inf(1)
	n := len(d)
	for mask := 0; mask < 1<<n; mask++ {
		var cost, stockAge float64
		ok := true
		last := -1
		for i := 0; i < n; i++ {
			if mask&(1<<i) != 0 {
				last = i
				cost += k
			}
			if d[i] > 0 && last < 0 {
				ok = false
				break
			}
			if last >= 0 {
				stockAge += float64(i-last) * d[i]
			}
		}
		// An order covering only zero demand still costs K in this brute force, so it never wins.
		if ok {
			best = min(best, cost+h*stockAge)
		}
	}
	if best == math.Inf(1) { // all demand zero
		return 0
	}
	return best
}

func TestWagnerWhitinBrute(t *testing.T) {
	cases := [][]float64{
		{0, 0, 5, 0, 7, 1, 0, 9},
		{10, 0, 0, 0, 0, 0, 0, 10},
		{3, 3, 3, 3, 3, 3, 3, 3, 3, 3},
		{0, 0, 0},
		{100, 1, 100, 1, 100, 1, 100, 1, 100, 1},
	}
	for _, d := range cases {
		for _, kh := range [][2]float64{{50, 1}, {0, 1}, {10, 0}, {7, 2.5}} {
			p, err := WagnerWhitin(d, kh[0], kh[1])
			if err != nil {
				t.Fatal(err)
			}
			want := lotBrute(d, kh[0], kh[1])
			near(t, "WW cost", p.Cost, want, 1e-12)
			var sum, orders float64
			for i := range d {
				sum += d[i]
				orders += p.Orders[i]
			}
			if orders != sum {
				t.Errorf("orders %v do not sum to demand %v", p.Orders, d)
			}
			sm, _ := SilverMeal(d, kh[0], kh[1])
			if sm.Cost < p.Cost-1e-9 {
				t.Errorf("Silver-Meal %v beats Wagner-Whitin %v on %v", sm.Cost, p.Cost, d)
			}
		}
	}
}

func TestLotErrors(t *testing.T) {
	wantErr(t, "empty", errOnly(WagnerWhitin(nil, 1, 1)), ErrEmptyHistory)
	wantErr(t, "long", errOnly(SilverMeal(make([]float64, MaxLotPeriods+1), 1, 1)), ErrTooLarge)
	wantErr(t, "neg", errOnly(WagnerWhitin([]float64{1, -1}, 1, 1)), ErrNegative)
	wantErr(t, "big", errOnly(WagnerWhitin([]float64{2e15}, 1, 1)), ErrTooLarge)
	wantErr(t, "K", errOnly(SilverMeal([]float64{1}, -1, 1)), ErrNegative)
	wantErr(t, "h", errOnly(SilverMeal([]float64{1}, 1, math.NaN())), ErrNotFinite)
	wantErr(t, "sum", errOnly(WagnerWhitin([]float64{1e15, 1e15}, 1, 0)), ErrTooLarge)
	wantErr(t, "cost", errOnly(WagnerWhitin([]float64{1, 1}, 1e308, 1e308)), ErrTooLarge)
	if _, err := WagnerWhitin(make([]float64, MaxLotPeriods), 1, 1); err != nil {
		t.Error(err)
	}
}

func TestPowerOfTwoInterval(t *testing.T) {
	p, err := PowerOfTwoInterval(1000, 10, 0.5, 1.0/52)
	if err != nil {
		t.Fatal(err)
	}
	if p.Multiple != 8 {
		t.Errorf("multiple %d, want 8", p.Multiple)
	}
	near(t, "T*", p.OptimalInterval, 0.2, 1e-15)
	near(t, "T", p.Interval, 8.0/52, 1e-15)
	near(t, "ratio", p.CostRatio, 1.0346153846153846, 1e-14)
	// T* below the base: k = 0, the 6 % bound no longer holds: T* = 0.2, B = 1 gives (5 + 0.2)/2.
	p, _ = PowerOfTwoInterval(1000, 10, 0.5, 1)
	if p.Multiple != 1 {
		t.Errorf("multiple %d", p.Multiple)
	}
	near(t, "ratio k=0", p.CostRatio, 2.6, 1e-14)
	// Boundary: T* = √2·B·2ᵏ exactly splits 2ᵏ and 2ᵏ⁺¹ at equal cost; the smaller wins.
	// T* = 1 with B = 1/(4√2): 4B = 1/√2, 8B = √2.
	p, _ = PowerOfTwoInterval(2, 1, 1, 1/(4*math.Sqrt2))
	if p.Multiple != 4 && p.Multiple != 8 {
		t.Errorf("multiple %d", p.Multiple)
	}
	near(t, "ratio bound", p.CostRatio, (math.Sqrt2+1/math.Sqrt2)/2, 1e-12)
	for k := 0; k < 40; k++ { // the bound holds for every T* ≥ B/√2
		tstar := math.Pow(1.37, float64(k)) * 0.8
		q, err := PowerOfTwoInterval(1, tstar*tstar/2, 1, 1) // T* = √(2K/(hD)) = tstar
		if err != nil {
			t.Fatal(err)
		}
		near(t, "T*", q.OptimalInterval, tstar, 1e-12)
		if q.CostRatio > 1.0606601717798214 {
			t.Errorf("T* = %v: ratio %v", tstar, q.CostRatio)
		}
	}
	wantErr(t, "D", errOnly(PowerOfTwoInterval(0, 1, 1, 1)), ErrNotPositive)
	wantErr(t, "B", errOnly(PowerOfTwoInterval(1, 1, 1, math.Inf(1))), ErrNotFinite)
	wantErr(t, "huge", errOnly(PowerOfTwoInterval(1e-300, 1e300, 1e-300, 1e-300)), ErrTooLarge)
	wantErr(t, "k > 62", errOnly(PowerOfTwoInterval(1, 1e40, 1, 1)), ErrTooLarge)
	wantErr(t, "ratio", errOnly(PowerOfTwoInterval(1e300, 1e-300, 1e300, 1e300)), ErrTooLarge)
}
