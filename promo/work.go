package promo

import (
	"math"
	"strconv"

	"github.com/opskit/opskit/internal/checked"
	"github.com/opskit/opskit/pricing"
)

// The work budget. An evaluation counts its work in abstract steps that
// follow what the code does (see the package doc, Cost of an evaluation):
// matching the promotions' selectors against the lines, one pass over the
// units per evaluation of a combination, and one step per unit each
// promotion of the combination touches. The count is deterministic (no
// clock), reported as [Result.Work], and bounded by the engine's budget.

// Option configures an [Engine]. [NewEngine] applies the options and then
// validates the configuration they produced.
type Option func(*config)

// config is what the options set.
type config struct {
	floor  pricing.FloorPolicy
	budget int64
}

// WithFloor sets the price floor (最低价控制) every unit is held to: a
// discount that would take a unit below its floor is trimmed, and the trim
// is reported. Promotions whose Campaign the policy exempts are not held.
func WithFloor(p pricing.FloorPolicy) Option {
	return func(c *config) { c.floor = p }
}

// WithWorkBudget bounds the work of one evaluation (default
// [DefaultWorkBudget]), counted as [Result.Work] counts it. The choice among
// conflicting promotions stops when the next combination would not fit; the
// best combination found so far is used and the result says it is not
// proven optimal. A cart whose single pass over every candidate promotion
// does not fit is refused with [ErrTooLarge]. n must be at least 1.
func WithWorkBudget(n int64) Option {
	return func(c *config) { c.budget = n }
}

const (
	// DefaultWorkBudget is the work an [Engine] spends on one evaluation
	// at most unless [WithWorkBudget] says otherwise: 4,000,000 steps, about
	// 20 ms of one core of a 2-core cloud machine (2026) on the most
	// expensive shapes measured (bench_adversarial_test.go), so no
	// evaluation costs more than about 50 ms.
	DefaultWorkBudget = 4_000_000
)

// validate checks the configuration the options produced.
func (c *config) validate() error {
	if c.budget < 1 {
		return fieldErr("WithWorkBudget", strconv.FormatInt(c.budget, 10), ErrInvalidPromotion, "must be at least 1")
	}
	return nil
}

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

// passCost is the work one evaluation of the promotions on costs: a reset
// and an item-layer pass over the n units, one step per promotion of the
// engine for the layer loops, and per promotion on, one step plus one per
// unit it targets. evaluate charges exactly this.
func (c *ctx) passCost(on []bool) int64 {
	cost := 2*int64(len(c.unitLine)) + int64(len(c.e.promos)) // n ≤ MaxUnits, promotions ≤ a slice length
	for pi, v := range on {
		if v {
			cost = satAdd(cost, c.tunits[pi]+1)
		}
	}
	return cost
}

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
