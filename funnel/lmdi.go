package funnel

import (
	"math"

	"github.com/opskit/opskit/internal/checked"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
)

// GMVFactors is one period's traffic, conversion and order value, the three
// factors of GMV = UV × CR × AOV.
type GMVFactors struct {
	UV  int64           `json:"uv"`           // unique visitors (访客数)
	CR  decimal.Decimal `json:"cr"`           // conversion rate (转化率), in (0, 1]
	AOV pricing.Money   `json:"aov,omitzero"` // average order value (客单价)
}

// Decomposition splits the change in GMV between two periods into the
// effects of traffic, conversion and order value. The three effects are in
// minor units and always sum exactly to Change.
type Decomposition struct {
	Before pricing.Money `json:"before,omitzero"` // GMV of the first period, rounded half-up to the minor unit
	After  pricing.Money `json:"after,omitzero"`  // GMV of the second period, rounded likewise
	Change pricing.Money `json:"change,omitzero"` // After − Before
	UV     pricing.Money `json:"uv,omitzero"`     // the effect of traffic
	CR     pricing.Money `json:"cr,omitzero"`     // the effect of conversion
	AOV    pricing.Money `json:"aov,omitzero"`    // the effect of order value
}

// Decompose attributes the change in GMV from before to after with the
// additive logarithmic mean Divisia index (LMDI-I; Ang 2004, "Decomposition
// analysis for policymaking in energy", Energy Policy 32; Ang 2005, "The
// LMDI approach to decomposition analysis: a practical guide", Energy
// Policy 33):
//
//	L(a, b)  = (a − b) / (ln a − ln b),  L(a, a) = a
//	effect_x = L(GMV₁, GMV₀) × ln(x₁ / x₀)   for x in UV, CR, AOV
//
// Because ln(GMV₁/GMV₀) = Σ ln(x₁/x₀), the effects sum to GMV₁ − GMV₀ with
// no residual (变化归因: 流量、转化率、客单价 各贡献多少). The effects are
// computed in float64, then rounded to minor units by largest remainder
// (earlier factor first on a tie) so their sum equals Change to the fen.
//
// Example: UV 1000 → 1200, CR 3% → 2.5%, AOV 100 → 110 takes GMV from 3000
// to 3300: UV +573.88, CR −573.88, AOV +300.00.
//
// Errors: a factor that is zero or negative in either period (the
// logarithm is undefined; [ErrInvalidCount], [ErrInvalidRate],
// [ErrInvalidAmount]); periods in different currencies ([ErrInvalidAmount]).
func Decompose(before, after GMVFactors) (Decomposition, error) {
	const op = "decompose"
	for i, p := range []GMVFactors{before, after} {
		name := [2]string{"before", "after"}[i]
		switch {
		case p.UV <= 0:
			return Decomposition{}, fieldErr(op, name+".uv", p.UV, ErrInvalidCount, "must be positive")
		case p.CR.Sign() <= 0 || p.CR.GreaterThan(one):
			return Decomposition{}, fieldErr(op, name+".cr", p.CR, ErrInvalidRate, "outside (0, 1]")
		case !p.AOV.IsPositive() || !p.AOV.IsValid():
			return Decomposition{}, fieldErr(op, name+".aov", p.AOV, ErrInvalidAmount, "must be positive")
		}
	}
	if before.AOV.Currency() != after.AOV.Currency() {
		return Decomposition{}, fieldErr(op, "after.aov", after.AOV, ErrInvalidAmount, "not in the currency of before.aov "+before.AOV.String())
	}
	cur := before.AOV.Currency()
	g0, err := Sales(before.UV, before.CR, before.AOV)
	if err != nil {
		return Decomposition{}, withOp(op, "before", err)
	}
	g1, err := Sales(after.UV, after.CR, after.AOV)
	if err != nil {
		return Decomposition{}, withOp(op, "after", err)
	}
	g0, g1 = g0.Round(pricing.HalfUp), g1.Round(pricing.HalfUp)
	m0, err0 := g0.MinorUnits()
	m1, err1 := g1.MinorUnits()
	if err0 != nil || err1 != nil || m0 > maxGMVMinor || m1 > maxGMVMinor {
		return Decomposition{}, fieldErr(op, "gmv", g1, ErrTooLarge, "at most 2^62 minor units; before "+g0.String())
	}
	if m0 == 0 || m1 == 0 {
		return Decomposition{}, fieldErr(op, "gmv", g1, ErrInvalidAmount, "rounds to zero; before "+g0.String())
	}
	total := m1 - m0 // both in (0, 2^62]: no overflow
	exact0 := float64(before.UV) * before.CR.InexactFloat64() * before.AOV.Amount().InexactFloat64()
	exact1 := float64(after.UV) * after.CR.InexactFloat64() * after.AOV.Amount().InexactFloat64()
	w := logMean(exact1, exact0)
	scale := math.Pow(10, float64(cur.Digits()))
	effects := []float64{
		w * math.Log(float64(after.UV)/float64(before.UV)) * scale,
		w * math.Log(after.CR.InexactFloat64()/before.CR.InexactFloat64()) * scale,
		w * math.Log(after.AOV.Amount().InexactFloat64()/before.AOV.Amount().InexactFloat64()) * scale,
	}
	for _, e := range effects {
		// An effect is at most L(GMV₁, GMV₀) × |ln(x₁/x₀)| <= 2^62 × 44;
		// keep every one in int64 range before rounding.
		if math.IsNaN(e) || math.Abs(e) > maxGMVMinor {
			return Decomposition{}, fieldErr(op, "gmv", g1, ErrTooLarge, "an effect beyond 2^62 minor units; before "+g0.String())
		}
	}
	parts := roundToTotal(effects, total)
	money := func(minor int64) pricing.Money {
		m, _ := pricing.NewFromMinor(minor, cur)
		return m
	}
	return Decomposition{
		Before: g0, After: g1, Change: money(total),
		UV: money(parts[0]), CR: money(parts[1]), AOV: money(parts[2]),
	}, nil
}

// logMean is the logarithmic mean L(a, b) of two positive numbers.
func logMean(a, b float64) float64 {
	if a == b {
		return a
	}
	return (a - b) / (math.Log(a) - math.Log(b))
}

// maxGMVMinor bounds the GMVs and effects of [Decompose] in minor units.
const maxGMVMinor = 1 << 62

// roundToTotal rounds xs (each at most 2^62 in magnitude) to integers that
// sum to total: floors, then the difference is spread evenly and the rest
// goes to the largest fractional parts (earlier first on a tie), or comes
// off the smallest. The work is O(len(xs)) whatever the difference.
func roundToTotal(xs []float64, total int64) []int64 {
	n := int64(len(xs))
	out := make([]int64, n)
	frac := make([]float64, n)
	var sum int64
	ok := true
	for i, x := range xs {
		f := math.Floor(x)
		out[i], frac[i] = int64(f), x-f
		sum, ok = checkedAdd(sum, out[i], ok)
	}
	rem, ok := checkedSub(total, sum, ok)
	if !ok || n == 0 {
		return out
	}
	q, r := rem/n, rem%n
	for i := range out {
		out[i] += q
	}
	for ; r != 0; r -= sign(r) {
		pick := 0
		for i := range frac {
			if (r > 0 && frac[i] > frac[pick]) || (r < 0 && frac[i] < frac[pick]) {
				pick = i
			}
		}
		out[pick] += sign(r)
		frac[pick] = math.Inf(-int(sign(r)))
	}
	return out
}

func sign(x int64) int64 {
	if x < 0 {
		return -1
	}
	return 1
}

func checkedAdd(a, b int64, ok bool) (int64, bool) {
	s, ok2 := checked.Add(a, b)
	return s, ok && ok2
}

func checkedSub(a, b int64, ok bool) (int64, bool) {
	s, ok2 := checked.Sub(a, b)
	return s, ok && ok2
}
