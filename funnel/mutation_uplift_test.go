package funnel

import (
	"math"
	"testing"
)

// tQuantileLargeDoF holds Student's t upper quantiles for ν above 10⁷,
// where tQuantileUpper's Cornish–Fisher expansion (Abramowitz & Stegun
// 26.7.5) is dominated by its first two terms.
// The reference is mpmath 1.3.0 at 50 digits, solving the exact
// 2·tail = I_x(ν/2, 1/2), x = ν/(ν + t²), for the exact binary64 ν and
// tail; corr is t − z with z the exact normal quantile. Produced by:
//
//	python3 -c 'import mpmath as mp; mp.mp.dps = 50
//	for nu in [10000001.0, 12000000.0, 20000000.0, 1e9, 1e12]:
//	  for tail in [0.45, 0.3, 0.1, 0.025, 0.005, 0.001]:
//	    n, a = mp.mpf(nu), mp.mpf(tail); z = mp.sqrt(2)*mp.erfinv(1-2*a)
//	    t = mp.findroot(lambda t: mp.betainc(n/2, mp.mpf(1)/2, 0, n/(n+t*t), regularized=True) - 2*a, z)
//	    print(nu, tail, mp.nstr(t, 20), mp.nstr(t-z, 20))'
//
// (The third term, (3z⁷ + 19z⁵ + 17z³ − 15z)/384ν³, is below 1e-20 here:
// mpmath's t and the four-term expansion agree to 1e-26.)
var tQuantileLargeDoF = []struct{ nu, tail, want, corr float64 }{
	{10000001.0, 0.45, 0.12566135004621464953, 3.1911406433670364759e-9},
	{10000001.0, 0.3, 0.52440052942325213106, 1.6715211315091384352e-8},
	{10000001.0, 0.1, 1.2815516502030743906, 8.4658473955314716811e-8},
	{10000001.0, 0.025, 1.9599642217671817439, 2.3722712753212940762e-7},
	{10000001.0, 0.005, 2.5758297952036997978, 4.916547990440527788e-7},
	{10000001.0, 0.001, 3.0902331211808303096, 8.1501301677423707109e-7},
	{12000000.0, 0.45, 0.12566134951435813565, 2.6592841294852776328e-9},
	{12000000.0, 0.3, 0.52440052663738491247, 1.3929344096499872261e-8},
	{12000000.0, 0.1, 1.2815516360933349934, 7.0548734558065184313e-8},
	{12000000.0, 0.025, 1.959964182229343004, 1.9768928879223320235e-7},
	{12000000.0, 0.005, 2.5758297132612619912, 4.0971236123744529468e-7},
	{12000000.0, 0.001, 3.0902329853453680809, 6.7917755454555485063e-7},
	{20000000.0, 0.45, 0.12566134845064447675, 1.5955704705923942655e-9},
	{20000000.0, 0.3, 0.52440052106564720306, 8.357606387087210717e-9},
	{20000000.0, 0.1, 1.2815516078738402187, 4.2329239783354670074e-8},
	{20000000.0, 0.025, 1.959964103153622783, 1.1861356857117499388e-7},
	{20000000.0, 0.005, 2.5758295493763027716, 2.4582740201786102447e-7},
	{20000000.0, 0.001, 3.0902327136743134418, 4.0750649990644330293e-7},
	{1e+09, 0.45, 0.12566134688698541536, 3.191140920314395983e-11},
	{1e+09, 0.3, 0.52440051287519294163, 1.671521256598504141e-10},
	{1e+09, 0.1, 1.281551566391185203, 8.4658476769345189331e-10},
	{1e+09, 0.025, 1.9599639869123254449, 2.3722712331210613192e-9},
	{1e+09, 0.005, 2.5758293084654483612, 4.9165476074538486048e-9},
	{1e+09, 0.001, 3.0902323143179425686, 8.1501290331948574571e-9},
	{1e+12, 0.45, 0.12566134685510591757, 3.1911409198888955068e-14},
	{1e+12, 0.3, 0.5244005127082079681, 1.6715212561740527256e-13},
	{1e+12, 0.1, 1.2815515655454470201, 8.4658476712313215384e-13},
	{1e+12, 0.025, 1.959963984542426483, 2.3722712303013851995e-12},
	{1e+12, 0.005, 2.5758293035538173014, 4.9165475986279212826e-12},
	{1e+12, 0.001, 3.0902323061759636644, 8.150129013522021006e-12},
}

// tQuantileMidDoF holds Student's t upper quantiles from ν = 10⁴
// (minExpansionDoF, where the expansion starts) to 10⁶, down to the
// smallest tail a confidence level can give (5e-17), where the 1/ν³ and
// 1/ν⁴ terms matter. Same mpmath command as above (mp.log of both sides
// in findroot for the small tails), with these ν and tails.
var tQuantileMidDoF = []struct{ nu, tail, want, corr float64 }{
	{10000.0, 0.45, 0.12566453803858171556, 3.1911835077094015241e-6},
	{10000.0, 0.1, 1.2816362297304775124, 0.000084664185877077069537},
	{10000.0, 0.025, 1.9602012398906262341, 0.00023725535057202230645},
	{10000.0, 0.001, 3.0910475160306121068, 0.00081520986279857144198},
	{10000.0, 1e-05, 4.2669376657666614388, 0.0020468718438368285501},
	{10000.0, 1e-10, 6.3679413514828028678, 0.0066004490787466687445},
	{10000.0, 5e-17, 8.3193340147379865746, 0.014548589543872950191},
	{12345.5, 0.45, 0.12566393174464288981, 2.5848895688836495329e-6},
	{12345.5, 0.1, 1.281620143650925032, 0.000068578106324596644616},
	{12345.5, 0.025, 1.9601561598162902307, 0.00019217527623601888711},
	{12345.5, 0.001, 3.0908926054160185785, 0.00066029924820504310374},
	{12345.5, 1e-05, 4.2665486508803270253, 0.0016578569575024150527},
	{12345.5, 1e-10, 6.3666864413354653589, 0.0053455389314091598286},
	{12345.5, 5e-17, 8.316566633453136308, 0.011781208259022683641},
	{100000.0, 0.45, 0.12566166596959191659, 3.1911451791043080667e-7},
	{100000.0, 0.1, 1.2815600314493609824, 8.4659047605471142313e-6},
	{100000.0, 0.025, 1.9599877075346096148, 0.000023722994555403066545},
	{100000.0, 0.001, 3.0903138094272376076, 0.000081503259424072204876},
	{100000.0, 1e-05, 4.2650954031813248343, 0.00020460925850022410238},
	{100000.0, 1e-10, 6.3620004198436912012, 0.00065951743963500208281},
	{100000.0, 5e-17, 8.3062383439390289368, 0.0014529187449153124586},
	{1000000.0, 0.45, 0.1256613787664874643, 3.1911413458143907635e-8},
	{1000000.0, 0.1, 1.2815524121299384488, 8.4658533801344961984e-7},
	{1000000.0, 0.025, 1.9599663568141070115, 2.3722740527997342918e-6},
	{1000000.0, 0.001, 3.0902404563165196028, 8.1501487060674264968e-6},
	{1000000.0, 1e-05, 4.264911254069659638, 0.000020460146835027745092},
	{1000000.0, 1e-10, 6.3614068488767426196, 0.000065946472686420539054},
	{1000000.0, 5e-17, 8.3049306976872581903, 0.0001452724931445659648},
}

// tQuantileSmallDoF holds Student's t upper quantiles below 10⁴, where
// tQuantileUpper bisects on the incomplete beta function (same mpmath
// command). Classic table values: t(0.975; 1) = 12.706204736…,
// t(0.975; 10) = 2.228138851…
var tQuantileSmallDoF = []struct{ nu, tail, want float64 }{
	{1.0, 0.45, 0.15838444032453625809},
	{1.0, 0.025, 12.706204736174703938},
	{1.0, 1e-05, 31830.988607907089037},
	{2.5, 0.45, 0.1388147679194695395},
	{2.5, 0.025, 3.5746548420036831273},
	{2.5, 1e-05, 87.643286856661871404},
	{10.0, 0.45, 0.12889018929327375911},
	{10.0, 0.025, 2.2281388519862747157},
	{10.0, 1e-05, 7.5269540193396509875},
	{30.0, 0.45, 0.126729613132073566},
	{30.0, 0.025, 2.0422724563012382836},
	{30.0, 1e-05, 5.0540324214464940586},
	{1000.0, 0.45, 0.12569326251871635273},
	{1000.0, 0.025, 1.9623390808264084612},
	{1000.0, 1e-05, 4.285437682652957842},
	{9999.5, 0.45, 0.12566453819815099867},
	{9999.5, 0.025, 1.9602012517553985768},
	{9999.5, 1e-05, 4.266937768158679873},
}

// Mutants of the expansion that cannot change a result beyond the method's
// own accuracy (issue 19; zUpper's Newton refinement, whose stop rule was
// listed here, is now internal/normal's quantile, with its own list):
//   - uplift.go tQuantileUpper, g₄'s "−1920w" and "− 945" -> "+": they move
//     t by at most 2.4e-15 absolute (1.3 ulps, at ν = 10⁴ and tail 5e-17;
//     less for larger ν or tails), within the expansion's own truncation
//     error there (1.1e-15 relative); the other terms of g₄ move t by
//     thousands of ulps at the smallest tails and are killed below.

// TestTQuantileExpansion pins tQuantileUpper's Cornish–Fisher branch
// (issue 19: uplift.go's expansion survived every test, its terms moving t
// by 1e-16 to 3e-14 at ν above 10⁷). Two checks per case:
//   - t itself within 1e-15 relative (zUpper is within an ulp or two, and
//     the expansion's own truncation, the 1/ν⁵ term, is below 1e-15 of t
//     from ν = 10⁴ on: 1.1e-15 at ν = 10⁴ and tail 5e-17, allowed 2e-15);
//   - t − zUpper(tail), which takes zUpper's own error out (the subtraction
//     is exact by Sterbenz's lemma), within one ulp of t for tails down to
//     1e-10: the additions of the expansion round by at most half an ulp
//     each (measured: 0.68).
//
// At ν = 10⁷ + 1 the 1/ν² term is 3e-16 (tail 0.45) to 6e-14 (tail 0.001),
// 1 to 140 ulps of t; at ν = 10⁴ the 1/ν³ and 1/ν⁴ terms are up to 4e-9
// and 2e-12 at tail 1e-10 (thousands of ulps). The case ν = 10⁴ itself
// pins the switch point: the bisection there is 8.6e-12 off.
func TestTQuantileExpansion(t *testing.T) {
	check := func(nu, tail, want, corr float64) {
		t.Helper()
		got := tQuantileUpper(tail, nu)
		ulp := math.Nextafter(want, math.Inf(1)) - want
		tol := 1e-15
		if tail < 1e-10 {
			tol = 2e-15
		}
		if !(math.Abs(got-want) <= tol*want) { // NaN fails too
			t.Errorf("tQuantileUpper(%v, %v) = %.17g, want %.17g (mpmath)", tail, nu, got, want)
		}
		if d := got - zUpper(tail); tail >= 1e-10 && !(math.Abs(d-corr) <= ulp) {
			t.Errorf("tQuantileUpper(%v, %v) − z = %.17g, want %.17g (mpmath), off by %.2f ulps",
				tail, nu, d, corr, (d-corr)/ulp)
		}
	}
	for _, c := range tQuantileLargeDoF {
		check(c.nu, c.tail, c.want, c.corr)
	}
	for _, c := range tQuantileMidDoF {
		check(c.nu, c.tail, c.want, c.corr)
	}
}

// TestTQuantileBisection: below 10⁴ degrees of freedom t comes from the
// bisection, within 1e-11 relative (measured: 8.7e-12 at ν = 9999.5, tail
// 0.45, from the log-gamma difference at a = 5·10³; 2.3e-15 at ν ≤ 30).
// The bracket stops relative to its end, so small ln x (large ν) keep
// their digits: stopping at an absolute 1e-15 in ln x, as before, left
// t 6.4e-8 off at ν = 10⁷ and tail 0.45.
func TestTQuantileBisection(t *testing.T) {
	for _, c := range tQuantileSmallDoF {
		tol := 1e-11
		if c.nu <= 30 {
			tol = 3e-15
		}
		got := tQuantileUpper(c.tail, c.nu)
		if !(math.Abs(got-c.want) <= tol*c.want) { // NaN fails too
			t.Errorf("tQuantileUpper(%v, %v) = %.17g, want %.17g (mpmath)", c.tail, c.nu, got, c.want)
		}
	}
}

// TestZUpperTails: the normal quantile from the tail, against mpmath
// (√2·y with erfc(y) = 2·tail, 40 digits). math.Erfcinv alone is 1.5e-3 off
// at 5e-17, 2e-9 at 1e-10; zUpper (internal/normal) is within two ulps down
// to the smallest subnormal tail, where the Newton refinement of Erfcinv
// used before gave +Inf below 5e-301; +Inf only at 0.
func TestZUpperTails(t *testing.T) {
	tests := []struct{ tail, want float64 }{
		{0.025, 1.9599639845400542118},
		{1e-3, 3.0902323061678135354},
		{9.99e-4, 3.0905294348933510465},
		{1e-5, 4.2648907939228246102},
		{1e-10, 6.3613409024040561991},
		{5e-17, 8.3047854251941136244},
		{1e-20, 9.2623400897984075796},
		{1e-100, 21.273453560965324294},
		{5e-301, 37.065787880772130393},
		{4e-301, 37.071803223548234612},
		{1e-310, 37.663060331949523732},
		{5e-324, 38.467405617144346251},
	}
	for _, tt := range tests {
		got := zUpper(tt.tail)
		if !(math.Abs(got-tt.want) <= 4.5e-16*tt.want) { // NaN fails too
			t.Errorf("zUpper(%g) = %.17g, want %.17g (mpmath)", tt.tail, got, tt.want)
		}
	}
	if got := zUpper(0); !math.IsInf(got, 1) {
		t.Errorf("zUpper(0) = %v, want +Inf", got)
	}
	// Above 1/2 (SampleSize's 1 − power for a power below 1/2) the mirror
	// image: Φ⁻¹(0.25) = −0.67448975019608174320 (mpmath), −Inf at 1.
	if got := zUpper(0.75); !(math.Abs(got+0.67448975019608174320) <= 4.5e-16*0.6745) {
		t.Errorf("zUpper(0.75) = %.17g, want -0.67448975019608174 (mpmath)", got)
	}
	if got := zUpper(1); !math.IsInf(got, -1) {
		t.Errorf("zUpper(1) = %v, want -Inf", got)
	}
}
