package funnel

import (
	"fmt"
	"math"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
)

// Period is one period's traffic, conversion and order value, the three
// factors of GMV = UV × CR × AOV.
type Period struct {
	UV  int64           // unique visitors (访客数)
	CR  decimal.Decimal // conversion rate (转化率), in (0, 1]
	AOV pricing.Money   // average order value (客单价)
}

// GMV returns UV × CR × AOV, exact; see [Sales].
func (p Period) GMV() (pricing.Money, error) { return Sales(p.UV, p.CR, p.AOV) }

// Decomposition splits the change in GMV between two periods into the
// effects of traffic, conversion and order value. The three effects are in
// minor units and always sum exactly to Change.
type Decomposition struct {
	Before, After pricing.Money // GMV of each period, rounded half-up to the minor unit
	Change        pricing.Money // After − Before
	UV, CR, AOV   pricing.Money // the effect of each factor
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
func Decompose(before, after Period) (Decomposition, error) {
	const op = "funnel: decompose"
	for i, p := range []Period{before, after} {
		name := [2]string{"before", "after"}[i]
		switch {
		case p.UV <= 0:
			return Decomposition{}, fmt.Errorf("%s: %s UV %d: %w", op, name, p.UV, ErrInvalidCount)
		case p.CR.Sign() <= 0 || p.CR.GreaterThan(one):
			return Decomposition{}, fmt.Errorf("%s: %s CR %s outside (0, 1]: %w", op, name, p.CR, ErrInvalidRate)
		case !p.AOV.IsPositive() || !p.AOV.IsValid():
			return Decomposition{}, fmt.Errorf("%s: %s AOV %s: %w", op, name, p.AOV, ErrInvalidAmount)
		}
	}
	if before.AOV.Currency() != after.AOV.Currency() {
		return Decomposition{}, fmt.Errorf("%s: AOV %s and %s: %w", op, before.AOV, after.AOV, ErrInvalidAmount)
	}
	cur := before.AOV.Currency()
	g0, _ := before.GMV()
	g1, _ := after.GMV()
	g0, g1 = g0.Round(pricing.HalfUp), g1.Round(pricing.HalfUp)
	m0, err0 := g0.MinorUnits()
	m1, err1 := g1.MinorUnits()
	if err0 != nil || err1 != nil || m0 == 0 || m1 == 0 {
		return Decomposition{}, fmt.Errorf("%s: GMV %s and %s: %w", op, g0, g1, ErrInvalidAmount)
	}
	total := m1 - m0
	exact0 := float64(before.UV) * before.CR.InexactFloat64() * before.AOV.Amount().InexactFloat64()
	exact1 := float64(after.UV) * after.CR.InexactFloat64() * after.AOV.Amount().InexactFloat64()
	w := logMean(exact1, exact0)
	scale := math.Pow(10, float64(cur.Digits()))
	effects := []float64{
		w * math.Log(float64(after.UV)/float64(before.UV)) * scale,
		w * math.Log(after.CR.InexactFloat64()/before.CR.InexactFloat64()) * scale,
		w * math.Log(after.AOV.Amount().InexactFloat64()/before.AOV.Amount().InexactFloat64()) * scale,
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

// roundToTotal rounds xs to integers that sum to total: floors, then the
// missing units go to the largest fractional parts (earlier first on a tie),
// or surplus units come off the smallest.
func roundToTotal(xs []float64, total int64) []int64 {
	out := make([]int64, len(xs))
	frac := make([]float64, len(xs))
	var sum int64
	for i, x := range xs {
		f := math.Floor(x)
		out[i], frac[i] = int64(f), x-f
		sum += out[i]
	}
	for rem := total - sum; rem != 0; {
		pick := 0
		for i := range frac {
			if (rem > 0 && frac[i] > frac[pick]) || (rem < 0 && frac[i] < frac[pick]) {
				pick = i
			}
		}
		if rem > 0 {
			out[pick]++
			frac[pick] = math.Inf(-1)
			rem--
		} else {
			out[pick]--
			frac[pick] = math.Inf(1)
			rem++
		}
		if math.IsInf(frac[0], 0) && allInf(frac) {
			for i := range frac {
				frac[i] = 0
			}
		}
	}
	return out
}

func allInf(fs []float64) bool {
	for _, f := range fs {
		if !math.IsInf(f, 0) {
			return false
		}
	}
	return true
}
