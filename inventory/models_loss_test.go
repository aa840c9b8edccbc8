package inventory

import (
	"math"
	"testing"
	"time"
)

// stockpyl's loss_functions doctests.
func TestNormalLossesStockpyl(t *testing.T) {
	l, err := NormalLosses(1.3)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "L", l.First, 0.04552796208651397, 1e-15)
	near(t, "L̄", l.FirstComplement, 1.345527962086514, 1e-15)
	near(t, "L²", l.Second, 0.01880706693657111, 1e-14)
	near(t, "L̄²", l.SecondComplement, 1.326192933063429, 1e-14)
	// normal_second_loss(18.6, 15, 3) = σ²·L²((18.6-15)/3) = 0.21486028212500707.
	l, _ = NormalLosses((18.6 - 15) / 3.0)
	near(t, "9·L²(1.2)", 9*l.Second, 0.21486028212500707, 1e-13)
	near(t, "9·L̄²(1.2)", 9*l.SecondComplement, 10.765139717874998, 1e-13)
	// Symmetry: L²(-z) = ½(z² + 1) - L²(z) = L̄²(z).
	m, _ := NormalLosses(-1.3)
	near(t, "L²(-1.3)", m.Second, 1.326192933063429, 1e-14)
	near(t, "L̄²(-1.3)", m.SecondComplement, 0.01880706693657111, 1e-14)
	near(t, "L̄(-1.3)", m.FirstComplement, 0.04552796208651397, 1e-14)
	// L²(0) = ½·(1·½ - 0) = 1/4.
	z, _ := NormalLosses(0)
	near(t, "L²(0)", z.Second, 0.25, 1e-16)
	far, _ := NormalLosses(60)
	if far.Second != 0 || far.First != 0 {
		t.Errorf("far tail %+v", far)
	}
	wantErr(t, "nan", errOnly(NormalLosses(math.NaN())), ErrNotFinite)
	wantErr(t, "huge", errOnly(NormalLosses(-1.1e100)), ErrTooLarge)
	if _, err := NormalLosses(1e100); err != nil {
		t.Errorf("1e100: %v", err)
	}
}

func TestPoissonLossesStockpyl(t *testing.T) {
	l, err := PoissonLosses(18, 15)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "n", l.First, 0.5176095282584724, 1e-13)
	near(t, "n̄", l.FirstComplement, 3.5176095282584723, 1e-13)
	near(t, "n²", l.Second, 0.848340302917789, 1e-13)
	near(t, "n̄²", l.SecondComplement, 12.651659697082211, 1e-13)
	// Brute force from the definitions, for several points including below 0 and far tails.
	for _, mean := range []float64{0, 0.5, 3, 15, 200} {
		for _, x := range []int64{-3, -1, 0, 1, 2, 5, 14, 15, 16, 40, 260, 400} {
			got, err := PoissonLosses(x, mean)
			if err != nil {
				t.Fatal(err)
			}
			var n, nb, n2, n2b float64
			for d := int64(0); d < 2000; d++ {
				f := poissonPMF(float64(d), mean)
				a := float64(d - x)
				n += max(a, 0) * f
				nb += max(-a, 0) * f
				n2 += 0.5 * max(a, 0) * max(a-1, 0) * f
				n2b += 0.5 * max(-a, 0) * max(-a+1, 0) * f
			}
			tol := 1e-10
			near(t, "n", got.First, n, tol)
			near(t, "n̄", got.FirstComplement, nb, tol)
			near(t, "n²", got.Second, n2, tol)
			near(t, "n̄²", got.SecondComplement, n2b, tol)
		}
	}
	wantErr(t, "mean", errOnly(PoissonLosses(1, -1)), ErrNegative)
	wantErr(t, "mean big", errOnly(PoissonLosses(1, 1e6+1)), ErrTooLarge)
	wantErr(t, "x big", errOnly(PoissonLosses(MaxQty+1, 1)), ErrTooLarge)
	wantErr(t, "x small", errOnly(PoissonLosses(-MaxQty-1, 1)), ErrTooLarge)
	if _, err := PoissonLosses(-MaxQty, 1e6); err != nil {
		t.Error(err)
	}
}

func TestServiceFromSafetyFactor(t *testing.T) {
	got, err := ServiceFromSafetyFactor(1.3, 100, 500)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "ESPRC", got.ExpectedShortage, 4.552796208651397, 1e-14)
	near(t, "fill", got.FillRate, 0.9908944075826972, 1e-15)
	near(t, "CSL", got.CycleServiceLevel, 0.9031995154143897, 1e-15) // Φ(1.3)
	if got.SafetyFactor != 1.3 {
		t.Errorf("k = %v", got.SafetyFactor)
	}
	// A very negative k short of everything: the fill rate floors at 0.
	low, _ := ServiceFromSafetyFactor(-10, 100, 500)
	if low.FillRate != 0 {
		t.Errorf("fill rate %v", low.FillRate)
	}
	wantErr(t, "k", errOnly(ServiceFromSafetyFactor(math.Inf(1), 1, 1)), ErrNotFinite)
	wantErr(t, "k big", errOnly(ServiceFromSafetyFactor(2e100, 1, 1)), ErrTooLarge)
	wantErr(t, "sd", errOnly(ServiceFromSafetyFactor(1, -1, 1)), ErrNegative)
	wantErr(t, "q", errOnly(ServiceFromSafetyFactor(1, 1, 0)), ErrNotPositive)
	wantErr(t, "q big", errOnly(ServiceFromSafetyFactor(1, 1, 2e15)), ErrTooLarge)
}

// The forward direction inverts the fill-rate rule: the k that FillRateSafetyStock solves for gives
// back the fill rate asked for. This also pins the fill rate with lead-time variability (issue 19,
// safety.go ~194): σ_T = √(4·3² + 10²·1²) = √136 from μ = 10, σ = 3 a day, L = 4 ± 1 days.
func TestSafetyFactorRoundTrip(t *testing.T) {
	d, _ := NewDemand(10, 3, Day)
	lt, _ := NewLeadTime(4*Day, Day)
	e := Exposure{Demand: d, Lead: lt, OrderQty: 100}
	rule, _ := FillRateSafetyStock(0.98)
	ss, err := rule.For(e)
	if err != nil {
		t.Fatal(err)
	}
	sigma := math.Sqrt(136)
	// σ_T·L(k) = 0.02·100 = 2 units short per cycle.
	k, _ := NormalLossInverse(2 / sigma)
	near(t, "SS", ss, k*sigma, 1e-12)
	near(t, "σL(SS/σ)", sigma*NormalLoss(ss/sigma), 2, 1e-12)
	kf, err := rule.SafetyFactor(e)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "k", kf, k, 1e-12)
	sv, _ := ServiceFromSafetyFactor(kf, sigma, 100)
	near(t, "fill", sv.FillRate, 0.98, 1e-12)
	// Without lead-time variability σ_T = 3·2 = 6 and the rule asks for a larger k.
	e0 := Exposure{Demand: d, Lead: FixedLeadTime(4 * Day), OrderQty: 100}
	k0, _ := rule.SafetyFactor(e0)
	want0, _ := NormalLossInverse(2.0 / 6)
	near(t, "k fixed lead", k0, want0, 1e-12)

	csl, _ := CycleServiceSafetyStock(0.95)
	kc, _ := csl.SafetyFactor(e)
	near(t, "z", kc, 1.6448536269514722, 1e-15)
	low, _ := CycleServiceLeadTimeSafetyStock(0.3) // floored SS, but k is still z
	kl, _ := low.SafetyFactor(e)
	near(t, "z(0.3)", kl, -0.5244005127080407, 1e-14)
	fixed, _ := FixedSafetyStock(sigma * 2)
	kx, _ := fixed.SafetyFactor(e)
	near(t, "fixed k", kx, 2, 1e-15)
	cover, _ := CoverSafetyStock(2 * Day) // 20 units over σ_T = 6 with a fixed lead time
	kv, _ := cover.SafetyFactor(e0)
	near(t, "cover k", kv, 20.0/6, 1e-15)
	// With a fixed lead time σ_T = 6.
	kcs, _ := fixed.SafetyFactor(e0)
	near(t, "fixed k over 6", kcs, 2*sigma/6, 1e-15)

	flat, _ := NewDemand(10, 0, Day)
	_, err = fixed.SafetyFactor(Exposure{Demand: flat, Lead: FixedLeadTime(4 * Day)})
	wantErr(t, "σ_T = 0", err, ErrNotPositive)
	if kz, err := csl.SafetyFactor(Exposure{Demand: flat, Lead: FixedLeadTime(4 * Day)}); kz != csl.Z() || err != nil {
		t.Errorf("CSL rule with σ = 0: %v, %v", kz, err)
	}
	_, err = csl.SafetyFactor(Exposure{Demand: d, Review: -time.Hour})
	wantErr(t, "review", err, ErrNegative)
}
