package promo

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"time"

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
	limit    int64      // the work budget of one evaluation (WithWorkBudget)
	promos   []compiled // in application order: layer, priority descending, then ID
	// same[pi] reports that promotion pi is defined exactly like pi-1
	// (everything but ID, name, coupon code and campaign name): the choice
	// treats a run of them as one choice with a multiplicity.
	same    []bool
	coupons map[string]struct{} // the normalised coupon codes of the promotions
	scratch *sync.Pool          // of *ctx; nil in an Engine not built by NewEngine
	index   *targetIndex        // the targets by the values they name; nil below indexFrom promotions
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
	// matchers of the target, the get set (买X送Y) and the parts (套餐),
	// over the promotion's own copies of the selectors
	target matcher
	get    *matcher
	parts  []matcher
}

// NewEngine validates the promotions for carts in currency c and returns
// an engine. Every problem of every promotion is reported at once, joined
// in one error (errors.Join); each is a *[FieldError] naming the promotion
// and the field: an empty or repeated ID, no action, a window that ends
// before it starts, a schedule without a time zone, amounts in another
// currency, non-increasing tiers, a rate outside (0折, 10折), and so on.
// errors.As finds the first. The slice is not kept.
func NewEngine(c pricing.Currency, promos []Promotion, opts ...Option) (Engine, error) {
	if !c.IsValid() {
		return Engine{}, withOp(opNewEngine, fieldErr("currency", "", ErrInvalidPromotion, "a known currency is required"))
	}
	cfg := newConfig(opts)
	if err := cfg.validateEngine(); err != nil {
		return Engine{}, withOp(opNewEngine, err)
	}
	e := Engine{currency: c, floor: cfg.floor, limit: cfg.budget, scratch: &sync.Pool{}}
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
	e.same = make([]bool, len(e.promos))
	for pi := range e.promos {
		e.promos[pi].prepare()
	}
	if len(e.promos) >= indexFrom {
		e.index = newTargetIndex(e.promos)
	}
	e.coupons = make(map[string]struct{})
	for pi := range e.promos {
		e.same[pi] = pi > 0 && sameDefinition(&e.promos[pi-1], &e.promos[pi])
		if code := e.promos[pi].coupon; code != "" {
			e.coupons[code] = struct{}{}
		}
	}
	return e, nil
}

// sameDefinition reports whether a and b give the same discounts on every
// cart: equal in everything but ID, name, coupon code and campaign name
// (the campaign counts only through the floor exemption).
func sameDefinition(a, b *compiled) bool {
	if a.budget != b.budget || a.exempt != b.exempt || (a.coupon == "") != (b.coupon == "") {
		return false
	}
	pa, pb := a.p, b.p
	pa.ID, pb.ID, pa.Name, pb.Name, pa.Coupon, pb.Coupon, pa.Campaign, pb.Campaign = "", "", "", "", "", "", "", ""
	if !pa.Start.Equal(pb.Start) || !pa.End.Equal(pb.End) {
		return false
	}
	pa.Start, pb.Start, pa.End, pb.End = time.Time{}, time.Time{}, time.Time{}, time.Time{} // compared above
	return reflect.DeepEqual(pa, pb) && reflect.DeepEqual(a.r, b.r)
}

// prepare builds the matchers of a compiled promotion in its final place
// (they point into its own selectors).
func (cp *compiled) prepare() {
	cp.target = newMatcher(&cp.p.Target)
	if cp.r.get != nil {
		m := newMatcher(cp.r.get)
		cp.get = &m
	}
	if cp.r.kind == kCombo {
		cp.parts = make([]matcher, len(cp.r.parts))
		for k := range cp.r.parts {
			cp.parts[k] = newMatcher(&cp.r.parts[k].Items)
		}
	}
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
