package normal

import (
	"math"
	"math/big"
	"strconv"
	"testing"
)

// quantileRefs holds Φ⁻¹(p) from mpmath 1.3.0 at 60 digits, for the exact
// binary64 p, as the correctly rounded float64 hi plus the rest lo (the true
// value is hi + lo to about 1e-32 relative). Produced by Newton's method on
// mpmath's ncdf:
//
//	from mpmath import mp, mpf; mp.dps = 60
//	def q(p):  # p a Python float, taken exactly
//	    p = mpf(p)
//	    if p > 0.5: return -q(1 - p)
//	    if p == 0.5: return mpf(0)
//	    z = -mp.sqrt(-2*mp.log(p))  # then Newton until the step is below 1e-55·|z|
//	    for _ in range(200): z -= (mp.ncdf(z) - p)/mp.npdf(z)
//	    return z
//	z = q(p); hi = float(z); lo = float(z - mpf(hi))
//
// 5e-324 is the smallest subnormal, 2.2250738585072014e-308 the smallest
// normal, 9.999999999999999e-301 and 1e-300 the two sides of deepTail,
// 0.12499999999999999 and 0.125 those of erfFrom; 0.16176752758205892 is
// where the quantile is furthest from the truth among 164,000 values
// measured; 0.9999999999 is the float64 nearest 1 − 1e-10 and
// 0.9999999999999999 the largest float64 below 1.
var quantileRefs = []struct{ p, hi, lo float64 }{
	{5e-324, -38.467405617144344, -2.3296300030457233e-15},
	{1e-323, -38.44939448087599, 9.096100576868064e-16},
	{2.2250738585072014e-308, -37.5193793471445, 6.931951822245301e-16},
	{9.999999999999999e-301, -37.0470962993612, 1.2810524993539907e-15},
	{1e-300, -37.0470962993612, 1.2855241155428752e-15},
	{1e-100, -21.273453560965326, 1.398498135078709e-15},
	{1e-20, -9.262340089798407, -6.293776186647849e-16},
	{1e-10, -6.361340902404057, 3.862393341514606e-16},
	{1e-05, -4.264890793922825, 5.306413917052966e-17},
	{0.001, -3.0902323061678136, 1.0086380376146429e-16},
	{0.01, -2.326347874040841, 1.0847324997032725e-16},
	{0.025, -1.9599639845400543, 5.969747667120904e-17},
	{0.05, -1.6448536269514726, -5.194353929738593e-17},
	{0.1, -1.2815515655446004, -6.689417488119474e-17},
	{0.12499999999999999, -1.1503493803760083, 6.67972378128426e-17},
	{0.125, -1.150349380376008, -8.78315312203147e-17},
	{0.16176752758205892, -0.9872194777470534, -3.2252925001654454e-17},
	{0.25, -0.6744897501960817, -3.7755511355050287e-17},
	{0.3, -0.5244005127080408, -3.7982303657688484e-17},
	{0.4999999, -2.5066282747031063e-07, -2.079949930464864e-23},
	{0.49999999999999994, -1.3914582123358836e-16, 1.0174405751494734e-32},
	{0.5, 0, 0},
	{0.5000001, 2.506628273311648e-07, 7.580514741404786e-24},
	{0.7, 0.5244005127080407, -1.065121906599002e-17},
	{0.9, 1.2815515655446006, 3.002501154998555e-18},
	{0.95, 1.6448536269514722, 9.235693667452416e-17},
	{0.975, 1.9599639845400538, 2.821657963445305e-17},
	{0.99, 2.3263478740408408, 1.0178052724990708e-17},
	{0.999, 3.090232306167813, 8.562560384489992e-17},
	{0.9999999999, 6.361340889697422, 1.3423516261099332e-16},
	{0.9999999999999999, 8.209536151601387, -5.325239936691457e-16},
}

// deepRefs are 48 values of p below 1e-300 drawn at random (uniform bit
// patterns) with Φ⁻¹(p) correctly rounded, from mpmath as quantileRefs.
// Quantile was correctly rounded at every one of the 9,800 values below
// 1e-300 measured.
var deepRefs = []struct{ p, z float64 }{
	{1.27687600947705e-309, -37.59542126902396}, {1.343286716647916e-309, -37.594073551251086},
	{2.019052911523266e-309, -37.583239927813324}, {2.416739958716434e-309, -37.57845919689819},
	{3.419069451421816e-309, -37.56923193572551}, {3.607341302351085e-309, -37.5678061489455},
	{4.8458749812451e-309, -37.55995424254897}, {6.30394332418811e-309, -37.55295514101846},
	{7.56287020704382e-309, -37.54810976207523}, {8.37938606037006e-309, -37.54538112866848},
	{1.034280926172238e-308, -37.539777682388944}, {1.0426370469686806e-308, -37.539563482317085},
	{1.155611822474785e-308, -37.53682483323356}, {1.2107581799016845e-308, -37.53558379612282},
	{1.3026892480231747e-308, -37.53363540271472}, {1.555702755023767e-308, -37.52890945439607},
	{1.600130085383681e-308, -37.52815968882916}, {1.6755103408466416e-308, -37.52693391582976},
	{1.703050723132488e-308, -37.526499776241565}, {1.763655364598824e-308, -37.52556861995506},
	{1.9212023651720157e-308, -37.52329005049757}, {1.929063367200139e-308, -37.52318130541716},
	{1.929727933186089e-308, -37.523172132461056}, {2.025791804110701e-308, -37.521878318137475},
	{2.16409601868355e-308, -37.52011942889422}, {3.9357173343116906e-308, -37.50418682438803},
	{8.070110459593239e-308, -37.48504902921913}, {1.1538846321643163e-307, -37.47551606669697},
	{1.6070972788866738e-307, -37.466680991335984}, {1.6961345953464936e-307, -37.46524278075876},
	{9.943052844724527e-307, -37.418042304582066}, {1.2419627377031047e-306, -37.41210230697454},
	{1.5554110697826304e-306, -37.40609076338382}, {2.1407792045582323e-305, -37.33597919997871},
	{2.3125123497998796e-305, -37.33391385850091}, {6.671387527340199e-305, -37.305544567677934},
	{2.3261021644161915e-304, -37.27207460930444}, {2.5448923256287117e-304, -37.26966442161294},
	{1.2526824436062411e-303, -37.22690707923765}, {3.6964086882054406e-303, -37.197849683975},
	{5.3885225110668144e-303, -37.187723052922784}, {1.0913921503530288e-302, -37.16875339541359},
	{2.676898052146607e-302, -37.14462433075873}, {3.637713845133014e-302, -37.13637255990216},
	{1.7551655429277875e-301, -37.09400033944751}, {1.8560115788912453e-301, -37.09249531678038},
	{3.787950572622094e-301, -37.07327141786028}, {8.119536393908585e-301, -37.05271468376694},
}

// TestQuantileDeepTail holds the asymptotic-series branch to the correctly
// rounded value: a slip in p/φ(z) = √(2π)·p·e^{z²/2} as small as the
// rounding of z² (1e-13 relative, worth 0.4 ulp of z) shows here.
func TestQuantileDeepTail(t *testing.T) {
	for _, tt := range deepRefs {
		if got := Quantile(tt.p); got != tt.z {
			t.Errorf("Quantile(%v) = %.17g, want %.17g (mpmath)", tt.p, got, tt.z)
		}
	}
}

// ulpsOff returns how many units in the last place of hi the value got is
// from the true value hi + lo: (got − hi − lo)/ulp(hi), with ulp(hi) the
// gap from |hi| to the next float64 up. got − hi is exact when got is
// within a factor of 2 of hi (Sterbenz's lemma).
func ulpsOff(got, hi, lo float64) float64 {
	if hi == 0 {
		if got == 0 {
			return 0
		}
		return math.Inf(1)
	}
	ulp := math.Nextafter(math.Abs(hi), math.Inf(1)) - math.Abs(hi)
	return math.Abs((got-hi)-lo) / ulp
}

func TestUlpsOff(t *testing.T) {
	// Hand arithmetic: ulp(1) = 2⁻⁵², ulp(1.5) likewise, ulp(0.75) = 2⁻⁵³.
	tests := []struct{ got, hi, lo, want float64 }{
		{1, 1, 0, 0},
		{1 + 0x1p-51, 1, 0, 2},
		{1 - 0x1p-52, 1, 0, 1},
		{1.5, 1.5, 0x1p-54, 0.25},
		{-0.75, -0.75, -0x1p-53, 1},
		{0, 0, 0, 0},
	}
	for _, tt := range tests {
		if got := ulpsOff(tt.got, tt.hi, tt.lo); got != tt.want {
			t.Errorf("ulpsOff(%v, %v, %v) = %v, want %v", tt.got, tt.hi, tt.lo, got, tt.want)
		}
	}
	if got := ulpsOff(1e-300, 0, 0); !math.IsInf(got, 1) {
		t.Errorf("ulpsOff(1e-300, 0, 0) = %v, want +Inf", got)
	}
}

// TestQuantileReferences holds Quantile to the correctly rounded value for
// 1e-5 ≤ p ≤ 1 − 1e-5 and within one ulp of mpmath elsewhere (the contract
// is 2 ulps; measured: 0.543 at worst over 176,000 values, 0.435 on these).
func TestQuantileReferences(t *testing.T) {
	worst := 0.0
	for _, tt := range quantileRefs {
		got := Quantile(tt.p)
		e := ulpsOff(got, tt.hi, tt.lo)
		if min(tt.p, 1-tt.p) >= centreFrom && got != tt.hi {
			t.Errorf("Quantile(%v) = %.17g, want %.17g (mpmath, correctly rounded; %.3f ulps off)", tt.p, got, tt.hi, e)
		}
		if !(e <= 1) {
			t.Errorf("Quantile(%v) = %.17g, want %.17g (mpmath; %.3f ulps off)", tt.p, got, tt.hi, e)
		}
		worst = max(worst, e)
	}
	t.Logf("worst %.3f ulps", worst)
}

// TestQuantileCorrectlyRounded: the documented values are the correctly
// rounded ones (mpmath: Φ⁻¹(0.95) = 1.64485362695147228428,
// Φ⁻¹(0.99) = 2.32634787404084076764, Φ⁻¹(5e-324) =
// −38.4674056171443462508, Φ⁻¹(0.975) = 1.9599639845400538556 and
// Φ⁻¹(0.025) = −1.9599639845400542118: 0.975 and 0.025 are not mirrors in
// binary64).
func TestQuantileCorrectlyRounded(t *testing.T) {
	tests := []struct{ give, want float64 }{
		{0.95, 1.6448536269514722},
		{0.99, 2.3263478740408408},
		{0.975, 1.9599639845400538},
		{0.025, -1.9599639845400543},
		{5e-324, -38.467405617144344},
		{0.5, 0},
	}
	for _, tt := range tests {
		if got := Quantile(tt.give); got != tt.want {
			t.Errorf("Quantile(%v) = %.17g, want %.17g", tt.give, got, tt.want)
		}
	}
}

func TestQuantileEdges(t *testing.T) {
	tests := []struct{ give, want float64 }{
		{0, math.Inf(-1)},
		{math.Copysign(0, -1), math.Inf(-1)},
		{1, math.Inf(1)},
	}
	for _, tt := range tests {
		if got := Quantile(tt.give); got != tt.want {
			t.Errorf("Quantile(%v) = %v, want %v", tt.give, got, tt.want)
		}
	}
	for _, p := range []float64{math.NaN(), -5e-324, -1, 1 + 0x1p-52, 2, math.Inf(1), math.Inf(-1), math.MaxFloat64} {
		if got := Quantile(p); !math.IsNaN(got) {
			t.Errorf("Quantile(%v) = %v, want NaN", p, got)
		}
	}
	if got := Quantile(0.5); got != 0 || math.Signbit(got) {
		t.Errorf("Quantile(0.5) = %v, want +0", got)
	}
}

// sweep returns n values of p log-spaced from 1e-300 to 1/2 (both
// included), in increasing order.
func sweep(n int) []float64 {
	ps := make([]float64, n)
	lo, hi := math.Log(1e-300), math.Log(0.5)
	for i := range ps {
		ps[i] = math.Exp(lo + (hi-lo)*float64(i)/float64(n-1))
	}
	ps[0], ps[n-1] = 1e-300, 0.5
	return ps
}

// TestQuantileSweep checks Φ(Quantile(p)) = p on 2000 log-spaced p in
// [1e-300, 1/2] and their mirrors 1 − p, and that Quantile is increasing
// along them. The bound on the round trip is the conditioning of Φ, not
// Quantile's error: Φ(z) is computed from a rounded z/√2, which moves it by
// about z²/2 ulps relative (|z| ≤ 37.05 here: 686 ulps, 1.5e-13), plus a
// few ulps for erfc and for z itself (2 ulps of z are |z|·2⁻⁵¹ relative,
// worth z²·2⁻⁵¹ of Φ).
func TestQuantileSweep(t *testing.T) {
	ps := sweep(2000)
	prevLo, prevHi := math.Inf(-1), math.Inf(1)
	for _, p := range ps {
		z := Quantile(p)
		tol := (1.5*z*z + 8) * 0x1p-52
		if got := CDF(z); !(math.Abs(got-p) <= tol*p) {
			t.Errorf("Φ(Quantile(%v)) = %v, relative error %.3g > %.3g", p, got, math.Abs(got-p)/p, tol)
		}
		q := 1 - p // the mirror; Quantile(q) = −Quantile(1 − q) and 1 − q need not be p
		zq := Quantile(q)
		if got, want := Survival(zq), 1-q; !(math.Abs(got-want) <= tol*want) {
			t.Errorf("1 − Φ(Quantile(%v)) = %v, want %v", q, got, want)
		}
		if !(z >= prevLo) || !(zq <= prevHi) {
			t.Errorf("Quantile is not increasing at %v (%v after %v) or %v (%v after %v)", p, z, prevLo, q, zq, prevHi)
		}
		if z > 0 || zq < 0 || (p < 0.5 && (z == 0 || zq == 0)) {
			t.Errorf("Quantile(%v) = %v, Quantile(%v) = %v: wrong sign", p, z, q, zq)
		}
		prevLo, prevHi = z, zq
	}
}

// TestQuantileSymmetry: Quantile(p) = −Quantile(1 − p) bit for bit
// wherever 1 − p is exact (p a multiple of 2⁻⁵³).
func TestQuantileSymmetry(t *testing.T) {
	for _, p := range []float64{0x1p-53, 0x1p-20, 3 * 0x1p-30, 0x1p-10 + 0x1p-53, 0.25, 0.375, 0.5 - 0x1p-53} {
		if 1-(1-p) != p {
			t.Fatalf("1 − %v is not exact", p)
		}
		if a, b := Quantile(p), Quantile(1-p); a != -b {
			t.Errorf("Quantile(%v) = %.17g, −Quantile(1 − p) = %.17g", p, a, -b)
		}
	}
}

// TestQuantileSteps counts Newton steps, the work of Quantile: one from
// 1e-5 to 1/2, at most 4 in the tails, for every p of the sweep and of the
// references (maxSteps = 8 bounds it). Exact counts pin the stop rule (a
// step below 1e-12·|z| ends the iteration, the error then being far below
// an ulp).
func TestQuantileSteps(t *testing.T) {
	ps := sweep(2000)
	for _, tt := range quantileRefs {
		ps = append(ps, min(tt.p, 1-tt.p))
	}
	for _, p := range ps {
		_, k := lower(p)
		if k > 4 || (k < 1 && p != 0.5) || (k != 1 && p >= centreFrom && p < 0.5) {
			t.Errorf("lower(%v) took %d Newton steps, want 1 to 4 (1 from 1e-5)", p, k)
		}
	}
	tests := []struct {
		p    float64
		want int
	}{{5e-324, 4}, {1e-300 / 2, 4}, {1e-10, 3}, {9e-6, 3}, {0.3, 1}, {0.5, 0}}
	for _, tt := range tests {
		if _, k := lower(tt.p); k != tt.want {
			t.Errorf("lower(%v) took %d steps, want %d", tt.p, k, tt.want)
		}
	}
}

// TestStart holds the starting point to Abramowitz & Stegun's stated error
// for 26.2.23, |ε(p)| < 4.5e-4 for 0 < p ≤ 1/2, against the references.
func TestStart(t *testing.T) {
	for _, tt := range quantileRefs {
		if tt.p > 0.5 {
			continue
		}
		lp := math.Log(tt.p)
		if tt.p < 0x1p-1022 {
			lp = math.Log(tt.p*0x1p64) - 64*math.Ln2
		}
		if got := start(lp); !(math.Abs(got-tt.hi) < 4.5e-4) {
			t.Errorf("start(ln %v) = %v, want within 4.5e-4 of %v", tt.p, got, tt.hi)
		}
	}
}

// TestDensityAndDistribution: known answers from mpmath 1.3.0 (npdf, ncdf
// and 1 − ncdf at 40 digits, rounded to float64; the functions are allowed
// the z²/2 ulps their argument's rounding costs, plus 4).
func TestDensityAndDistribution(t *testing.T) {
	tests := []struct{ z, pdf, cdf, sf float64 }{
		{0, 0.3989422804014327, 0.5, 0.5},
		{1, 0.24197072451914334, 0.8413447460685429, 0.15865525393145705},
		{-1.959963984540054, 0.05844506980503538, 0.025000000000000012, 0.975},
		{3, 0.0044318484119380075, 0.9986501019683699, 0.0013498980316300946},
		{-10, 7.694598626706419e-23, 7.619853024160525e-24, 1},
	}
	for _, tt := range tests {
		n := tt.z*tt.z/2 + 4 // the argument's rounding: z²/2 ulps relative
		if got := PDF(tt.z); !near(got, tt.pdf, n) {
			t.Errorf("PDF(%v) = %.17g, want %.17g", tt.z, got, tt.pdf)
		}
		if got := CDF(tt.z); !near(got, tt.cdf, n) {
			t.Errorf("CDF(%v) = %.17g, want %.17g", tt.z, got, tt.cdf)
		}
		if got := Survival(tt.z); !near(got, tt.sf, n) {
			t.Errorf("Survival(%v) = %.17g, want %.17g", tt.z, got, tt.sf)
		}
		if got, want := Survival(-tt.z), CDF(tt.z); got != want {
			t.Errorf("Survival(%v) = %v, CDF(%v) = %v: want equal", -tt.z, got, tt.z, want)
		}
	}
	// Φ(−38) = 2.88542836007e-316 and φ(−38) = 1.097221052e-314 (mpmath),
	// subnormal: a relative 1e-6 is all their few digits allow.
	if got := CDF(-38); !(math.Abs(got-2.88542836007e-316) <= 3e-322) {
		t.Errorf("CDF(-38) = %v, want 2.88542836007e-316", got)
	}
	if got := PDF(-38); !(math.Abs(got-1.097221052e-314) <= 1.1e-320) {
		t.Errorf("PDF(-38) = %v, want 1.097221052e-314", got)
	}
	if got := CDF(math.Inf(-1)); got != 0 {
		t.Errorf("CDF(-Inf) = %v, want 0", got)
	}
	if got := CDF(math.Inf(1)); got != 1 {
		t.Errorf("CDF(+Inf) = %v, want 1", got)
	}
	if got := PDF(math.Inf(1)); got != 0 {
		t.Errorf("PDF(+Inf) = %v, want 0", got)
	}
	for _, f := range []func(float64) float64{PDF, CDF, Survival} {
		if got := f(math.NaN()); !math.IsNaN(got) {
			t.Errorf("NaN in, %v out", got)
		}
	}
}

// near reports |got − want| ≤ n ulps of want.
func near(got, want float64, n float64) bool {
	if want == 0 {
		return got == 0
	}
	ulp := math.Nextafter(math.Abs(want), math.Inf(1)) - math.Abs(want)
	return math.Abs(got-want) <= n*ulp
}

// FuzzQuantile: any float64 in, no panic; NaN exactly for NaN and p outside
// [0, 1]; ±Inf exactly at 0 and 1; finite and of the sign of p − 1/2 in
// between; Quantile(p) = −Quantile(1 − p) wherever 1 − p is exact; the
// round trip Φ(Quantile(p)) = p within the conditioning bound of
// TestQuantileSweep; and non-decreasing against the float64 2000 ulps up.
func FuzzQuantile(f *testing.F) {
	for _, p := range []float64{5e-324, 1e-300, 0.1, 0.125, 0.25, 0.5, 0.75, 0.99, 1, 0, -1, 2, math.NaN()} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p float64) {
		z := Quantile(p)
		switch {
		case math.IsNaN(p) || p < 0 || p > 1:
			if !math.IsNaN(z) {
				t.Fatalf("Quantile(%v) = %v, want NaN", p, z)
			}
			return
		case p == 0 || p == 1:
			if !math.IsInf(z, 0) || (z > 0) != (p == 1) {
				t.Fatalf("Quantile(%v) = %v", p, z)
			}
			return
		}
		if math.IsNaN(z) || math.IsInf(z, 0) || (z < 0) != (p < 0.5) || (z == 0) != (p == 0.5) {
			t.Fatalf("Quantile(%v) = %v", p, z)
		}
		if q := 1 - p; 1-q == p {
			if zq := Quantile(q); zq != -z {
				t.Fatalf("Quantile(%v) = %v but Quantile(1 − p) = %v", p, z, zq)
			}
		}
		tol := (1.5*z*z + 8) * 0x1p-52
		if lo := min(p, 1-p); lo >= 1e-300 {
			var got float64
			if p <= 0.5 {
				got = CDF(z)
			} else {
				got = Survival(z)
			}
			if !(math.Abs(got-lo) <= tol*lo) {
				t.Fatalf("round trip at %v: %v, want %v", p, got, lo)
			}
		}
		// 2000 ulps of p move z by 2000·2⁻⁵²·p/φ(z) ≈ 4.4e-13/|z| in the
		// tails: 1.7 ulps of z at least for |z| < 37.05, where Quantile may be
		// 0.543 ulps off, so it cannot fall; in the deep tail the move can be
		// below an ulp, and Quantile is correctly rounded there (as measured),
		// so it may be equal but not lower.
		up := p
		for range 2000 {
			up = math.Nextafter(up, 2)
		}
		if up < 1 && !(Quantile(up) >= z) {
			t.Fatalf("Quantile(%v) = %v, below Quantile(%v) = %v", up, Quantile(up), p, z)
		}
	})
}

// bigOf returns x.hi + x.lo exactly.
func bigOf(x dd) *big.Float {
	return new(big.Float).SetPrec(2200).Add(big.NewFloat(x.hi).SetPrec(2200), big.NewFloat(x.lo))
}

// ddOperands are pairs whose sums, products and quotients round in
// float64: thirds and sevenths, values a factor 2⁵⁰ apart, opposite signs.
var ddOperands = []dd{
	{1.0 / 3, 1.0 / 3 * 0x1p-54},
	{-2.0 / 7, 2.0 / 7 * 0x1p-55},
	{1 + 0x1p-52, 0x1p-54},
	{0x1p-50 / 3, 0},
	{-12345.678, 1e-13},
	{0.1, -0.1 * 0x1p-56},
}

// TestDoubleDouble checks the double-double operations against math/big:
// twoSum and fastTwoSum are exact, add, mul and div within 2⁻¹⁰⁰ relative
// (Dekker's bounds are near 2⁻¹⁰⁴), and every result normalized (|lo| at
// most half an ulp of hi).
func TestDoubleDouble(t *testing.T) {
	normalized := func(x dd) bool {
		return x.hi+x.lo == x.hi
	}
	within := func(got dd, want *big.Float) bool {
		d := new(big.Float).Sub(bigOf(got), want)
		bound := new(big.Float).Mul(new(big.Float).Abs(want), big.NewFloat(0x1p-100))
		return new(big.Float).Abs(d).Cmp(bound) <= 0
	}
	for _, x := range ddOperands {
		for _, y := range ddOperands {
			a, b := x.hi, y.hi
			exact := new(big.Float).SetPrec(2200).Add(big.NewFloat(a), big.NewFloat(b))
			if s := twoSum(a, b); bigOf(s).Cmp(exact) != 0 || !normalized(s) {
				t.Errorf("twoSum(%v, %v) = %v", a, b, s)
			}
			if math.Abs(a) >= math.Abs(b) {
				if s := fastTwoSum(a, b); bigOf(s).Cmp(exact) != 0 || !normalized(s) {
					t.Errorf("fastTwoSum(%v, %v) = %v", a, b, s)
				}
			}
			bx, by := bigOf(x), bigOf(y)
			if got := x.add(y); !within(got, new(big.Float).Add(bx, by)) || !normalized(got) {
				t.Errorf("%v.add(%v) = %v", x, y, got)
			}
			if got := x.mul(y); !within(got, new(big.Float).Mul(bx, by)) || !normalized(got) {
				t.Errorf("%v.mul(%v) = %v", x, y, got)
			}
			if got := x.div(b); !within(got, new(big.Float).Quo(bx, big.NewFloat(b))) || !normalized(got) {
				t.Errorf("%v.div(%v) = %v", x, b, got)
			}
		}
	}
	// Hand arithmetic: 1 + 2⁻⁵² + 2⁻⁵³ is a tie, rounded to the even 1 + 2⁻⁵¹.
	if got := twoSum(1+0x1p-52, 0x1p-53); got != (dd{1 + 0x1p-51, -0x1p-53}) {
		t.Errorf("twoSum(1 + 2⁻⁵², 2⁻⁵³) = %v, want {1 + 2⁻⁵¹, −2⁻⁵³}", got)
	}
	if got := twoSum(0x1p-60, 1); got != (dd{1, 0x1p-60}) {
		t.Errorf("twoSum(2⁻⁶⁰, 1) = %v, want {1, 2⁻⁶⁰}", got)
	}
}

// TestCentre checks Φ(z) − 1/2 in double-double against mpmath 1.3.0
// (ncdf(z) − 1/2 at 60 digits, split as hi + lo) within 1e-26 relative
// (measured: 5.1e-27 at z = 3): the series stops at a term below 1e-25, the
// terms left out being smaller still, and its cancellation at z = −4.27
// (terms up to 5e3) costs 4 of the 32 digits.
func TestCentre(t *testing.T) {
	tests := []struct{ z, hi, lo float64 }{
		{1.0, 0.3413447460685429, 2.280872032545028e-17},
		{-1.6448536269514722, -0.44999999999999996, 9.525291807034671e-18},
		{3.0, 0.4986501019683699, 8.940996681239719e-18},
		{-4.27, -0.4999902263516271, 1.5965653237570285e-17},
		{1e-08, 3.989422804014327e-09, 1.2873434246025071e-25},
		{0.5, 0.1914624612740131, 1.3186797339929612e-17},
	}
	for _, tt := range tests {
		got := centre(tt.z)
		want := bigOf(dd{tt.hi, tt.lo})
		rel, _ := new(big.Float).Quo(new(big.Float).Sub(bigOf(got), want), want).Float64()
		if !(math.Abs(rel) <= 1e-26) {
			t.Errorf("centre(%v) = %v + %v, want %v + %v (relative %.3g)", tt.z, got.hi, got.lo, tt.hi, tt.lo, rel)
		}
	}
}

var sink float64

// BenchmarkQuantile times each method once: the polished centre (0.95), the
// erfc tail (1e-10) and the asymptotic deep tail (1e-310).
func BenchmarkQuantile(b *testing.B) {
	for _, p := range []float64{0.95, 1e-10, 1e-310} {
		b.Run(strconv.FormatFloat(p, 'g', -1, 64), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sink = Quantile(p)
			}
		})
	}
}
