package promo

import (
	"math"
	"math/bits"
	"slices"

	"github.com/opskit/opskit/internal/checked"
	"github.com/opskit/opskit/internal/remainder"
	"github.com/opskit/opskit/pricing"
)

// The work budget. An evaluation counts its work in abstract steps that
// follow what the code does (see the package doc, Cost of an evaluation):
// matching the promotions' selectors against the lines, one pass over the
// units per evaluation of a combination, and one step per unit each
// promotion of the combination touches. The count is deterministic (no
// clock), reported as [Result.Work], and bounded by the engine's budget.

const (
	// DefaultWorkBudget is the work an [Engine] spends on one evaluation
	// at most unless [WithWorkBudget] says otherwise: 5,000,000 steps. A
	// step costs 4 to 16 ns of CPU on a 2-core cloud machine (2026) across
	// the adversarial shapes of bench_adversarial_test.go, so an
	// evaluation costs about 50 ms of CPU at most (see the package doc,
	// Cost of an evaluation).
	DefaultWorkBudget = 5_000_000
)

// satAdd is a+b for non-negative a and b, held at math.MaxInt64 instead of
// wrapping: used for bounds and for work counts, which only compare.
func satAdd(a, b int64) int64 {
	if s, ok := checked.Add(a, b); ok {
		return s
	}
	return math.MaxInt64
}

// satMul is a·b for non-negative a and b, held at math.MaxInt64.
func satMul(a, b int64) int64 {
	if p, ok := checked.Mul(a, b); ok {
		return p
	}
	return math.MaxInt64
}

// Weights of the work count, measured so that a step costs about the same
// time whatever the shape (bench_adversarial_test.go).
const (
	// lineSteps is charged per cart line for validating it, laying out its
	// units and building its LineResult.
	lineSteps = 8
	// groupSteps is charged per unit an item group promotion (第N件, 买赠,
	// 任选, 套餐) targets: it sorts its units and forms groups.
	groupSteps = 8
)

// unitCost is the work of applying promotion pi once: one step, plus one
// per unit it targets (groupSteps for an item group promotion).
func (c *ctx) unitCost(pi int) int64 {
	r := &c.e.promos[pi].r
	if r.layer == itemLayer && !isPerUnit(r) {
		return c.tunits[pi]*groupSteps + 1 // ≤ MaxUnits·groupSteps
	}
	return c.tunits[pi] + 1
}

// passCost is the work one evaluation of the promotions on costs: a reset
// and an item-layer pass over the n units, one step per promotion of the
// engine for the layer loops, and unitCost per promotion on. evaluate
// charges exactly this; the final pass, which records every adjustment,
// is charged recordCost more (finalCost).
func (c *ctx) passCost(on []bool) int64 {
	cost := 2*int64(len(c.unitLine)) + int64(len(c.e.promos)) // n ≤ MaxUnits, promotions ≤ a slice length
	for pi, v := range on {
		if v {
			cost = satAdd(cost, c.unitCost(pi))
		}
	}
	return cost
}

// recordCost is the extra work of recording on's adjustments in the final
// pass: two steps per unit each promotion targets (sorting the
// adjustments, and each one's per-unit amounts in the Result).
func (c *ctx) recordCost(on []bool) int64 {
	var cost int64
	for pi, v := range on {
		if v {
			cost = satAdd(cost, 2*(c.tunits[pi]+1))
		}
	}
	return cost
}

// finalCost is the work of the final, recording pass over on.
func (c *ctx) finalCost(on []bool) int64 { return satAdd(c.passCost(on), c.recordCost(on)) }

// afford reports whether work w still fits under the current limit.
func (c *ctx) afford(w int64) bool {
	return satAdd(c.work, w) <= c.limit
}

// charge adds w to the work done.
func (c *ctx) charge(w int64) { c.work = satAdd(c.work, w) }

// tooMuchWork is the error for a cart whose necessary work exceeds the
// budget.
func (c *ctx) tooMuchWork(need int64) error {
	return fieldErr("cart", "", ErrTooLarge, "evaluating %d lines (%d units) against %d promotions needs %d steps of work, beyond the budget of %d (WithWorkBudget)",
		len(c.cart.Lines), len(c.unitLine), len(c.e.promos), need, c.e.limit)
}

// allocator is pricing.AllocateMinorTo for a non-negative total, with its
// scratch kept between calls: the same parts (⌊total·w/Σw⌋, then one more
// to the largest remainders, the earlier part first on a tie; equal parts
// when every weight is zero), without allocating on large part counts.
type allocator struct {
	rems, tmp []uint64
}

// to allocates total over weights into dst. It reports false (and the
// caller falls back to package pricing) for a negative total or weight, or
// weights whose sum overflows.
func (a *allocator) to(dst []int64, total int64, weights []int64) ([]int64, bool) {
	if total < 0 || len(weights) == 0 {
		return dst, false
	}
	var sum uint64
	for _, w := range weights {
		var carry uint64
		if w < 0 {
			return dst, false
		}
		if sum, carry = bits.Add64(sum, uint64(w), 0); carry != 0 {
			return dst, false
		}
	}
	n := len(weights)
	parts := slices.Grow(dst[:0], n)[:n]
	even := sum == 0
	if even {
		sum = uint64(n)
	}
	a.rems = slices.Grow(a.rems[:0], n)[:n]
	var given uint64
	for i, w := range weights {
		uw := uint64(w)
		if even {
			uw = 1
		}
		hi, lo := bits.Mul64(uint64(total), uw) // hi < sum: w ≤ sum, total < 2^63
		q, r := bits.Div64(hi, lo, sum)
		parts[i], a.rems[i] = int64(q), r
		given += q
	}
	a.tmp = slices.Grow(a.tmp[:0], n)[:n]
	remainder.Give(parts, int(uint64(total)-given), a.rems, a.tmp) // fewer than n units left
	return parts, true
}

// allocate is allocator.to for more than 64 parts, package pricing's
// AllocateMinorTo (which allocates only beyond 64) otherwise and for the
// inputs allocator.to does not take.
func (a *allocator) allocate(dst []int64, total int64, weights []int64) ([]int64, error) {
	// Package pricing keeps up to 64 parts on the stack: use it there.
	if len(weights) <= 64 {
		return pricing.AllocateMinorTo(dst, total, weights)
	}
	if parts, ok := a.to(dst, total, weights); ok {
		return parts, nil
	}
	return pricing.AllocateMinorTo(dst, total, weights)
}
