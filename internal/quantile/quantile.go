// Package quantile is the one percentile definition of the library: the
// Hyndman-Fan type 7 estimator (linear interpolation between the closest
// ranks; numpy's default, Excel's PERCENTILE.INC, R's quantile type 7),
// computed exactly in integers.
//
// For sorted values x[0] ≤ ... ≤ x[n-1] and p in [0, 1], let h = (n-1)·p,
// j = ⌊h⌋ and g = h - j. The p-quantile is x[j] + g·(x[j+1] - x[j]), rounded
// to the nearest integer, halves away from x[j].
//
// Hyndman R. J. and Fan Y. (1996), "Sample quantiles in statistical
// packages", The American Statistician 50(4), 361-365.
package quantile

import "math/bits"

// Type7 returns the p-quantile of sorted, with p = num/den. It requires
// len(sorted) ≥ 1, den ≥ 1 and 0 ≤ num ≤ den; it reports false otherwise.
// The arithmetic is exact for every int64 value: no step can overflow.
func Type7(sorted []int64, num, den int64) (int64, bool) {
	n := len(sorted)
	if n == 0 || den < 1 || num < 0 || num > den {
		return 0, false
	}
	// h·den = (n-1)·num, computed in 128 bits, then split into j and g·den.
	hi, lo := bits.Mul64(uint64(n-1), uint64(num))
	j, r := bits.Div64(hi, lo, uint64(den)) // hi < den because num ≤ den and n-1 < 2^63
	base := sorted[j]
	if r == 0 {
		return base, true
	}
	diff := uint64(sorted[j+1]) - uint64(base) // ≥ 0 as the values are sorted; fits in uint64
	ph, pl := bits.Mul64(diff, r)
	q, rem := bits.Div64(ph, pl, uint64(den)) // ph < den because r < den
	if rem >= uint64(den)-rem {               // 2·rem ≥ den: round half away from x[j]
		q++
	}
	return int64(uint64(base) + q), true
}
