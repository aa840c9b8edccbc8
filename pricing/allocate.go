package pricing

import (
	"math"
	"math/big"
	"math/bits"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/opskit/opskit/internal/remainder"
)

// Allocate splits m into parts proportional to weights, in minor units, by
// the largest-remainder method (分摊):
//
//	exact_i = |m| × w_i / Σw      (in minor units)
//	part_i  = ⌊exact_i⌋, then one more minor unit to each of the parts with
//	          the largest remainders until the parts sum to |m|
//
// Equal remainders go to the earlier part. The parts always sum exactly to
// m. All-zero weights split evenly, as [Money.Split]. A negative m (a refund)
// is split as |m| and negated, so it mirrors the positive split. Weights
// [4300, 1400, 2300] split CNY 2.99 into 1.61, 0.52, 0.86.
//
// Errors: no weights ([ErrNoParts]); a negative weight ([ErrNegativeWeight],
// naming its index); m not rounded to the minor unit ([ErrNotRounded]).
// The weights are not modified.
func (m Money) Allocate(weights []decimal.Decimal) ([]Money, error) {
	total, err := m.allocTotal("allocate")
	if err != nil {
		return nil, err
	}
	if len(weights) == 0 {
		return nil, fieldErr("allocate", "weights", "", ErrNoParts, "")
	}
	for i, w := range weights {
		field := "weights[" + strconv.Itoa(i) + "]"
		if w.Sign() < 0 {
			return nil, fieldErr("allocate", field, decText(w), ErrNegativeWeight, "")
		}
		if _, detail, reason := checkDecimal(w); reason != nil {
			return nil, fieldErr("allocate", field, decText(w), reason, detail)
		}
	}
	if ws, ok := scaleWeights(weights); ok && total.IsInt64() {
		minor, err := AllocateMinor(total.Int64(), ws)
		if err == nil {
			return m.fromMinorParts(minor, nil), nil
		}
	}
	return m.fromMinorParts(nil, allocateBig(total, weights)), nil
}

// MaxParts is the most parts [Money.Split] makes: 100,000 (the units of the
// largest cart promo accepts). Split's work and memory grow with n, which
// the caller passes as a number; more is [ErrTooLarge]. Allocate and
// AllocateMinor make one part per weight the caller already holds, so they
// have no such limit.
const MaxParts = 100_000

// Split divides m into n parts as equal as possible, in minor units; the
// first parts get the extra minor units. CNY 1.00 in 3 is 0.34, 0.33, 0.33.
// Errors: n < 1 ([ErrNoParts]); n > [MaxParts] ([ErrTooLarge]); m not
// rounded ([ErrNotRounded]).
func (m Money) Split(n int) ([]Money, error) {
	if n < 1 {
		return nil, fieldErr("split", "n", strconv.Itoa(n), ErrNoParts, "at least 1")
	}
	if n > MaxParts {
		return nil, fieldErr("split", "n", strconv.Itoa(n), ErrTooLarge, "at most %d parts", MaxParts)
	}
	total, err := m.allocTotal("split")
	if err != nil {
		return nil, err
	}
	if total.IsInt64() {
		t := total.Int64()
		minor := make([]int64, n)
		q, r := t/int64(n), t%int64(n)
		if r < 0 {
			r = -r
		}
		sign := int64(1)
		if t < 0 {
			sign = -1
		}
		for i := range minor {
			minor[i] = q
			if int64(i) < r {
				minor[i] += sign
			}
		}
		return m.fromMinorParts(minor, nil), nil
	}
	weights := make([]decimal.Decimal, n)
	return m.fromMinorParts(nil, allocateBig(total, weights)), nil
}

// AllocateMinor is [Money.Allocate] on integer minor units (分) and integer
// weights, for hot paths: AllocateMinor(299, []int64{4300, 1400, 2300}) is
// [161 52 86]. The same rules apply: largest remainder, earlier part first
// on a tie, all-zero weights split evenly, a negative total mirrors the
// positive one, and the parts sum exactly to total.
//
// Errors: no weights ([ErrNoParts]); a negative weight ([ErrNegativeWeight]);
// weights whose sum overflows uint64 or total = math.MinInt64 ([ErrTooLarge]).
func AllocateMinor(total int64, weights []int64) ([]int64, error) {
	return AllocateMinorTo(nil, total, weights)
}

// AllocateMinorTo is [AllocateMinor] writing the parts into dst[:0] (grown
// if too small) and returning it, so a caller that reuses dst allocates
// nothing for up to 64 weights. dst must not overlap weights.
func AllocateMinorTo(dst []int64, total int64, weights []int64) ([]int64, error) {
	const op = "allocate minor units"
	if len(weights) == 0 {
		return nil, fieldErr(op, "weights", "", ErrNoParts, "")
	}
	if total == math.MinInt64 {
		return nil, fieldErr(op, "total", strconv.FormatInt(total, 10), ErrTooLarge, "at least -2^63+1")
	}
	var sum uint64
	for i, w := range weights {
		if w < 0 {
			return nil, fieldErr(op, "weights["+strconv.Itoa(i)+"]", strconv.FormatInt(w, 10), ErrNegativeWeight, "")
		}
		var carry uint64
		sum, carry = bits.Add64(sum, uint64(w), 0)
		if carry != 0 {
			return nil, fieldErr(op, "weights", "", ErrTooLarge, "the sum of the weights is at most 2^64-1")
		}
	}
	abs := uint64(total)
	if total < 0 {
		abs = uint64(-total)
	}
	n := len(weights)
	parts := slices.Grow(dst[:0], n)[:n]
	even := sum == 0
	if even {
		sum = uint64(n)
	}
	// Remainders live on the stack for up to 64 parts.
	var small [64]uint64
	var rems []uint64
	if n <= len(small) {
		rems = small[:n]
	} else {
		rems = make([]uint64, n)
	}
	var given uint64
	for i, w := range weights {
		uw := uint64(w)
		if even {
			uw = 1
		}
		// |total| × w / sum in 128 bits: hi < sum because w <= sum and |total| < 2^63.
		hi, lo := bits.Mul64(abs, uw)
		q, r := bits.Div64(hi, lo, sum)
		parts[i], rems[i] = int64(q), r
		given += q
	}
	if left := abs - given; left > 0 { // fewer than n units left
		var spare [64]uint64
		scratch := spare[:]
		if n > len(spare) {
			scratch = make([]uint64, n)
		}
		remainder.Give(parts, int(left), rems, scratch)
	}
	if total < 0 {
		for i := range parts {
			parts[i] = -parts[i]
		}
	}
	return parts, nil
}

// allocTotal returns m in minor units as a big integer, or an error if m is
// not rounded.
func (m Money) allocTotal(op string) (*big.Int, error) {
	if !m.IsRounded() {
		return nil, fieldErr(op, "", m.String(), ErrNotRounded, "")
	}
	return m.dec().Shift(m.currency.Digits()).BigInt(), nil
}

// scaleWeights brings decimal weights to integers on a common scale, if
// they fit in int64 (the common case: prices, quantities, small ratios).
func scaleWeights(weights []decimal.Decimal) ([]int64, bool) {
	exp := int32(0)
	for _, w := range weights {
		if !w.IsZero() {
			exp = min(exp, w.Exponent())
		}
	}
	out := make([]int64, len(weights))
	for i, w := range weights {
		if w.IsZero() {
			continue
		}
		shift := w.Exponent() - exp
		if w.NumDigits()+int(shift) > 18 {
			return nil, false
		}
		out[i] = w.CoefficientInt64() * pow10[shift]
	}
	return out, true
}

var pow10 = [...]int64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// allocateBig is the arbitrary-precision form of AllocateMinor, used when
// the total or the weights do not fit in 64 bits. Zero-length weights never
// reach it; nil or zero weights split evenly.
func allocateBig(total *big.Int, weights []decimal.Decimal) []*big.Int {
	n := len(weights)
	abs := new(big.Int).Abs(total)
	ws := make([]*big.Int, n)
	sum := new(big.Int)
	exp := int32(0)
	for _, w := range weights {
		if !w.IsZero() {
			exp = min(exp, w.Exponent())
		}
	}
	for i, w := range weights {
		ws[i] = w.Shift(-exp).BigInt()
		sum.Add(sum, ws[i])
	}
	if sum.Sign() == 0 {
		for i := range ws {
			ws[i] = big.NewInt(1)
		}
		sum.SetInt64(int64(n))
	}
	parts := make([]*big.Int, n)
	rems := make([]*big.Int, n)
	given := new(big.Int)
	for i := range ws {
		q, r := new(big.Int).QuoRem(new(big.Int).Mul(abs, ws[i]), sum, new(big.Int))
		parts[i], rems[i] = q, r
		given.Add(given, q)
	}
	left := new(big.Int).Sub(abs, given).Int64() // < n
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return rems[b].Cmp(rems[a]) })
	for _, i := range order[:left] {
		parts[i].Add(parts[i], big.NewInt(1))
	}
	if total.Sign() < 0 {
		for _, p := range parts {
			p.Neg(p)
		}
	}
	return parts
}

// fromMinorParts turns minor-unit parts (int64 or big) into Money.
func (m Money) fromMinorParts(minor []int64, large []*big.Int) []Money {
	if minor != nil {
		out := make([]Money, len(minor))
		for i, p := range minor {
			out[i] = fromMinor(p, m.currency)
		}
		return out
	}
	out := make([]Money, len(large))
	for i, p := range large {
		out[i] = fromDecimal(decimal.NewFromBigInt(p, -m.currency.Digits()), m.currency)
	}
	return out
}
