package promo

import (
	"cmp"
	"fmt"
	"slices"
	"sync"

	"github.com/opskit/opskit/pricing"
)

// Engine evaluates carts against a fixed list of promotions. Build it with
// [NewEngine] when the promotions change; it validates and compiles them
// once. An Engine is immutable and safe for concurrent use.
//
// An Engine keeps a pool of scratch buffers (a [sync.Pool]) so that
// evaluations one after another reuse their working memory; the pool never
// changes a result, and copies of an Engine share it.
type Engine struct {
	currency pricing.Currency
	floor    pricing.FloorPolicy
	limit    int
	promos   []compiled // in application order: layer, priority descending, then ID
	scratch  *sync.Pool // of *ctx; nil in an Engine not built by NewEngine
}

// getCtx returns a scratch ctx, reused when the pool has one.
func (e *Engine) getCtx() *ctx {
	if e.scratch != nil {
		if c, ok := e.scratch.Get().(*ctx); ok {
			return c
		}
	}
	return &ctx{}
}

// putCtx returns c to the pool, keeping its buffers but no reference to
// the cart or the engine.
func (e *Engine) putCtx(c *ctx) {
	c.e, c.cart, c.lines = nil, nil, nil
	clear(c.seen)
	if e.scratch != nil {
		e.scratch.Put(c)
	}
}

// compiled is a validated promotion with its minor-unit rule.
type compiled struct {
	p      Promotion
	r      rule
	coupon string // normalised code, "" for automatic promotions
	budget int64  // -1 for none
	exempt bool   // the floor policy exempts its campaign
}

// Option configures an [Engine].
type Option func(*Engine) error

// WithFloor sets the price floor (最低价控制) every unit is held to: a
// discount that would take a unit below its floor is trimmed, and the trim
// is reported. Promotions whose Campaign the policy exempts are not held.
func WithFloor(p pricing.FloorPolicy) Option {
	return func(e *Engine) error { e.floor = p; return nil }
}

// WithSearchLimit bounds the combinations the engine evaluates when
// promotions conflict (default [DefaultSearchLimit]). Past the bound the
// best combination found so far is used and the result says it is not
// proven optimal.
func WithSearchLimit(n int) Option {
	return func(e *Engine) error {
		if n < 1 {
			return fieldErr("search limit", fmt.Sprint(n), ErrInvalidPromotion, "must be at least 1")
		}
		e.limit = n
		return nil
	}
}

// DefaultSearchLimit is the number of combinations an [Engine] evaluates
// at most when choosing among conflicting promotions.
const DefaultSearchLimit = 20_000

// NewEngine validates the promotions for carts in currency c and returns
// an engine. Every problem of every promotion is reported at once, joined
// in one error (errors.Join); each is a *[FieldError] naming the promotion
// and the field: an empty or repeated ID, no action, a window that ends
// before it starts, a schedule without a time zone, amounts in another
// currency, non-increasing tiers, a rate outside (0折, 10折), and so on.
// errors.As finds the first. The slice is not kept.
func NewEngine(c pricing.Currency, promos []Promotion, opts ...Option) (Engine, error) {
	e := Engine{currency: c, limit: DefaultSearchLimit, scratch: &sync.Pool{}}
	if !c.IsValid() {
		return Engine{}, withOp(opNewEngine, fieldErr("currency", "", ErrInvalidPromotion, "a known currency is required"))
	}
	for _, o := range opts {
		if err := o(&e); err != nil {
			return Engine{}, err
		}
	}
	// Every problem of every promotion is reported, joined in one error.
	var k problems
	seen := make(map[string]bool, len(promos))
	if len(promos) > MaxPromotions {
		return Engine{}, withOp(opNewEngine, fieldErr("promotions", fmt.Sprint(len(promos)), ErrTooLarge, "at most %d", MaxPromotions))
	}
	for i, p := range promos {
		path := fmt.Sprintf("promotions[%d]", i)
		cp, err := e.compile(path, p)
		k.add(err)
		if p.ID != "" && seen[p.ID] {
			k.add(fieldErr(path+".id", fmt.Sprintf("%q", p.ID), ErrDuplicateID, ""))
		}
		seen[p.ID] = true
		e.promos = append(e.promos, cp)
	}
	if err := k.err(); err != nil {
		return Engine{}, withOp(opNewEngine, err)
	}
	slices.SortStableFunc(e.promos, func(a, b compiled) int {
		if c := cmp.Compare(a.r.layer, b.r.layer); c != 0 {
			return c
		}
		if c := cmp.Compare(b.p.Priority, a.p.Priority); c != 0 {
			return c
		}
		return cmp.Compare(a.p.ID, b.p.ID)
	})
	return e, nil
}

// Promotions returns the engine's promotions in application order: by
// layer (item, order, shipping, gift), then priority descending, then ID.
func (e Engine) Promotions() []Promotion {
	out := make([]Promotion, len(e.promos))
	for i, c := range e.promos {
		out[i] = c.p
	}
	return out
}
