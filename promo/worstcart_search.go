package promo

import (
	"math"
	"slices"

	"github.com/opskit/opskit/pricing"
)

// WorstCart searches the carts of q for the one that maximises q.Loss under
// the engine's campaign: the cheapest way a customer can make the campaign
// hurt most. When the space (every quantity vector of at most MaxUnits
// units, for every shopper) has at most Budget carts, it evaluates each one
// and the answer is proven (Proven true). Otherwise it runs a documented,
// deterministic heuristic within the budget: each item alone at the
// quantities where promotions change (1 to 4 units, its maximum, and the
// least quantity reaching each threshold, tier, N, buy-x-get-y group,
// bundle or combo size of the campaign), then a steepest-ascent local
// search (add, remove or swap one unit) from the three best of those.
// Ties keep the first cart found. The error is a *[FieldError] (Op "worst
// cart") for a bad query, or an evaluation error of a cart.
func (e Engine) WorstCart(q WorstCartQuery) (WorstCart, error) {
	if err := q.validate(e.currency); err != nil {
		return WorstCart{}, err
	}
	s := newWorstSearch(&e, &q)
	if err := s.prepare(); err != nil {
		return WorstCart{}, err
	}
	budget := q.Budget
	if budget == 0 {
		budget = DefaultWorstCartBudget
	}
	s.budget = budget
	var err error
	if s.spaceSize(budget) <= budget {
		err = s.exhaustive()
		s.out.Proven = err == nil
	} else {
		err = s.heuristic()
	}
	if err != nil {
		return WorstCart{}, err
	}
	s.out.Loss, s.out.Carts = q.Loss, s.carts
	return s.out, nil
}

// worstSearch is one WorstCart search.
type worstSearch struct {
	e        *Engine
	q        *WorstCartQuery
	shoppers []Shopper
	caps     []int64 // per item, the most units
	price    []int64 // list price, minor units
	cost     []int64 // -1 unknown
	floor    []int64 // floor for a normal sale, 0 none
	bySKU    map[string]int
	carts    int64
	budget   int64
	best     measure
	out      WorstCart
}

// measure is a cart's loss: a ratio (higher is worse) for
// LossDiscountShare and LossBelowCost, and for LossFloorDepth the ratio
// paid/floor of the deepest unit (lower is worse); ok is false when the
// cart has nothing to measure.
type measure struct {
	r  ratio
	ok bool
}

func newWorstSearch(e *Engine, q *WorstCartQuery) *worstSearch {
	s := &worstSearch{e: e, q: q, shoppers: q.Shoppers}
	if len(s.shoppers) == 0 {
		s.shoppers = []Shopper{{}}
	}
	return s
}

// prepare converts the catalog to minor units and computes floors.
func (s *worstSearch) prepare() error {
	n := len(s.q.Catalog)
	s.caps, s.price, s.cost, s.floor = make([]int64, n), make([]int64, n), make([]int64, n), make([]int64, n)
	s.bySKU = make(map[string]int, n)
	for i := range s.q.Catalog {
		it := &s.q.Catalog[i]
		s.bySKU[it.SKU] = i
		s.caps[i] = s.q.MaxUnits
		if i < len(s.q.MaxQty) && s.q.MaxQty[i] > 0 {
			s.caps[i] = min(s.q.MaxQty[i], s.q.MaxUnits)
		}
		s.price[i], _ = minorOf("", it.ListPrice, s.e.currency) // validated
		s.cost[i], _ = optMinor("", it.Cost, s.e.currency)
		if s.q.Loss == LossFloorDepth {
			f, _, err := s.q.Floor.Floor(it.ListPrice, it.Cost, "")
			if err != nil {
				return worstErr("floor", "", err, "the floor of catalog item %q", it.SKU)
			}
			s.floor[i], _ = f.MinorUnits()
		}
	}
	return nil
}

// spaceSize counts the carts of the space, saturating just above limit:
// quantity vectors with 1 to MaxUnits units within the caps, times the
// shoppers.
func (s *worstSearch) spaceSize(limit int64) int64 {
	n := s.q.MaxUnits
	ways := make([]int64, n+1) // ways[u]: vectors of the items so far with u units
	ways[0] = 1
	for _, c := range s.caps {
		next := make([]int64, n+1)
		for u := int64(0); u <= n; u++ {
			if ways[u] == 0 {
				continue
			}
			for k := int64(0); k <= c && u+k <= n; k++ {
				next[u+k] = min(next[u+k]+ways[u], limit+1)
			}
		}
		ways = next
	}
	total := int64(0)
	for u := int64(1); u <= n; u++ {
		total = min(total+ways[u], limit+1)
	}
	if total > 0 && total > (limit+1)/int64(len(s.shoppers)) {
		return limit + 1
	}
	return total * int64(len(s.shoppers))
}

// exhaustive evaluates every cart of the space, depth first: items in
// catalog order, quantities from 0 up.
func (s *worstSearch) exhaustive() error {
	qty := make([]int64, len(s.caps))
	for si := range s.shoppers {
		var walk func(i int, left int64) error
		walk = func(i int, left int64) error {
			if i == len(qty) {
				if left < s.q.MaxUnits {
					return s.try(si, qty)
				}
				return nil
			}
			for k := int64(0); k <= s.caps[i] && k <= left; k++ {
				qty[i] = k
				if err := walk(i+1, left-k); err != nil {
					return err
				}
			}
			qty[i] = 0
			return nil
		}
		if err := walk(0, s.q.MaxUnits); err != nil {
			return err
		}
	}
	return nil
}

// heuristic seeds with single-item carts at the campaign's breakpoints,
// then climbs from the best three.
func (s *worstSearch) heuristic() error {
	type seed struct {
		si  int
		qty []int64
		m   measure
	}
	var seeds []seed
	points := s.breakpoints()
	for si := range s.shoppers {
		for i := range s.caps {
			for _, k := range s.quantities(i, points) {
				if s.carts >= s.budget {
					break
				}
				qty := make([]int64, len(s.caps))
				qty[i] = k
				m, err := s.evalTry(si, qty)
				if err != nil {
					return err
				}
				if m.ok {
					seeds = append(seeds, seed{si, qty, m})
				}
			}
		}
	}
	slices.SortStableFunc(seeds, func(a, b seed) int {
		switch {
		case s.worse(a.m, b.m):
			return -1
		case s.worse(b.m, a.m):
			return 1
		}
		return 0
	})
	for _, sd := range seeds[:min(3, len(seeds))] {
		if err := s.climb(sd.si, sd.qty, sd.m); err != nil {
			return err
		}
	}
	return nil
}

// climb is steepest ascent from qty: every cart one unit away (one more,
// one fewer, or one moved to another item) is evaluated and the worst
// strictly worse one taken, until none is or the budget ends.
func (s *worstSearch) climb(si int, qty []int64, m measure) error {
	total := int64(0)
	for _, k := range qty {
		total += k
	}
	for s.carts < s.budget {
		var next []int64
		nextM := m
		consider := func(c []int64) error {
			if s.carts >= s.budget {
				return nil
			}
			cm, err := s.evalTry(si, c)
			if err == nil && cm.ok && s.worse(cm, nextM) {
				next, nextM = slices.Clone(c), cm
			}
			return err
		}
		c := slices.Clone(qty)
		for j := range c {
			if c[j] < s.caps[j] && total < s.q.MaxUnits {
				c[j]++
				if err := consider(c); err != nil {
					return err
				}
				c[j]--
			}
			if c[j] > 0 && total > 1 {
				c[j]--
				if err := consider(c); err != nil {
					return err
				}
				for k := range c {
					if k != j && c[k] < s.caps[k] {
						c[k]++
						if err := consider(c); err != nil {
							return err
						}
						c[k]--
					}
				}
				c[j]++
			}
		}
		if next == nil {
			return nil
		}
		qty, m = next, nextM
		total = 0
		for _, k := range qty {
			total += k
		}
	}
	return nil
}

// breaks are the campaign's breakpoints: amounts in minor units, counts
// in units.
type breaks struct{ amounts, counts []int64 }

// breakpoints lists the campaign's amounts and counts where a promotion's
// reward changes.
func (s *worstSearch) breakpoints() (b breaks) {
	add := func(m pricing.Money) {
		if v, err := minorOf("", m, s.e.currency); err == nil && v > 0 {
			b.amounts = append(b.amounts, v)
		}
	}
	for _, p := range s.e.Promotions() {
		switch a := p.Action.(type) {
		case Threshold:
			for _, t := range a.Tiers {
				add(t.MinAmount)
				b.counts = append(b.counts, t.MinQty)
			}
			if a.Every != nil {
				add(a.Every.Amount)
				b.counts = append(b.counts, a.Every.Qty)
			}
		case Gift:
			add(a.MinAmount)
			b.counts = append(b.counts, a.MinQty)
		case FreeShipping:
			add(a.MinAmount)
			b.counts = append(b.counts, a.MinQty)
		case NthItem:
			b.counts = append(b.counts, a.N)
		case BuyXGetY:
			b.counts = append(b.counts, a.BuyQty+a.GetQty)
		case BundlePrice:
			b.counts = append(b.counts, a.Qty)
		case Combo:
			for _, part := range a.Parts {
				b.counts = append(b.counts, part.Qty)
			}
		}
	}
	return b
}

// quantities lists item i's seed quantities, ascending and distinct.
func (s *worstSearch) quantities(i int, points breaks) []int64 {
	c := s.caps[i]
	var out []int64
	for k := int64(1); k <= min(c, 4); k++ {
		out = append(out, k)
	}
	out = append(out, c)
	for _, n := range points.counts {
		if n >= 1 && n <= c {
			out = append(out, n)
		}
	}
	if p := s.price[i]; p > 0 {
		for _, a := range points.amounts {
			if k := (a + p - 1) / p; k <= c {
				out = append(out, k)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// try evaluates a cart and keeps it if it is the worst so far.
func (s *worstSearch) try(si int, qty []int64) error {
	_, err := s.evalTry(si, qty)
	return err
}

// evalTry evaluates the cart of qty for shopper si, keeps it if worst so
// far, and returns its measure.
func (s *worstSearch) evalTry(si int, qty []int64) (measure, error) {
	cart := s.cart(si, qty)
	s.carts++
	res, err := s.e.Evaluate(cart)
	if err != nil {
		return measure{}, err
	}
	m, detail := s.measure(qty, &res)
	if m.ok && (!s.best.ok || s.worse(m, s.best)) {
		s.best = m
		d := s.out.Proven
		s.out = detail
		s.out.Proven, s.out.Cart, s.out.Result, s.out.Found = d, cart, res, true
		s.out.Score = s.score(m)
	}
	return m, nil
}

// worse reports whether measure a is strictly worse (a bigger loss) than b.
func (s *worstSearch) worse(a, b measure) bool {
	if s.q.Loss == LossFloorDepth {
		return a.r.less(b.r)
	}
	return b.r.less(a.r)
}

// score is the display value of a measure.
func (s *worstSearch) score(m measure) float64 {
	switch s.q.Loss {
	case LossFloorDepth:
		return 1 - m.r.float()
	case LossBelowCost:
		return float64(m.r.num) / math.Pow10(int(s.e.currency.Digits()))
	}
	return m.r.float()
}

// cart builds the cart of qty for shopper si.
func (s *worstSearch) cart(si int, qty []int64) Cart {
	sh := &s.shoppers[si]
	c := Cart{Currency: s.e.currency, At: s.q.At, Customer: sh.Customer, Channel: sh.Channel, Coupons: sh.Coupons}
	for i, k := range qty {
		if k == 0 {
			continue
		}
		it := &s.q.Catalog[i]
		c.Lines = append(c.Lines, Line{ID: it.SKU, SKU: it.SKU, Product: it.Product, Categories: it.Categories,
			Tags: it.Tags, Qty: k, UnitPrice: it.ListPrice, ListPrice: it.ListPrice, Cost: it.Cost})
	}
	return c
}

// measure computes the cart's loss from its result. The sums are bounded:
// at most MaxWorstCartUnits units of at most MaxMinorUnits each.
func (s *worstSearch) measure(qty []int64, res *Result) (measure, WorstCart) {
	cur := s.e.currency
	money := func(v int64) pricing.Money { m, _ := pricing.NewFromMinor(v, cur); return m }
	var out WorstCart
	switch s.q.Loss {
	case LossDiscountShare:
		var list, paid, gifts int64
		for i, k := range qty {
			list += s.price[i] * k
		}
		for _, l := range res.Lines {
			v, _ := l.After.MinorUnits()
			paid += v
		}
		for _, g := range res.Gifts {
			if g.Value.IsValid() {
				v, _ := g.Value.MinorUnits()
				gifts += v * g.Qty
			}
		}
		if list <= 0 {
			return measure{}, out
		}
		d := max(list-paid+gifts, 0)
		out.Discount, out.ListValue = money(d), money(list)
		return measure{ratio{uint64(d), uint64(list)}, true}, out
	case LossBelowCost:
		var below int64
		for _, l := range res.Lines {
			i := s.bySKU[l.ID]
			if s.cost[i] < 0 {
				continue
			}
			for _, u := range l.UnitPaid {
				if v, _ := u.MinorUnits(); v < s.cost[i] {
					below += s.cost[i] - v
				}
			}
		}
		for _, g := range res.Gifts {
			if i, ok := s.bySKU[g.SKU]; ok && s.cost[i] > 0 {
				below += s.cost[i] * g.Qty
			}
		}
		out.BelowCost = money(below)
		return measure{ratio{uint64(below), 1}, true}, out
	}
	best := measure{}
	for _, l := range res.Lines {
		i := s.bySKU[l.ID]
		f := s.floor[i]
		if f <= 0 {
			continue
		}
		for _, u := range l.UnitPaid {
			v, _ := u.MinorUnits()
			r := ratio{uint64(max(v, 0)), uint64(f)}
			if !best.ok || r.less(best.r) {
				best = measure{r, true}
				out.DeepestLine, out.DeepestPaid, out.DeepestFloor = l.ID, u, money(f)
			}
		}
	}
	return best, out
}
