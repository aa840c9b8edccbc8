package promo

import "slices"

// matcher is a Selector prepared for matching many lines: each list longer
// than shortList is also held as a set, so one match costs O(1) per
// value of the line (its SKU, product, categories and tags) whatever the
// length of the selector's lists. A campaign may list thousands of SKUs;
// scanning them for every line of every cart would be |lines| × |SKUs|.
type matcher struct {
	s                                  *Selector
	skus, products, cats, tags         map[string]struct{}
	exSKUs, exProducts, exCats, exTags map[string]struct{}
	any                                bool // no positive list: every line not excluded matches
}

// shortList is the longest list matched by scanning.
const shortList = 8

func setOf(list []string) map[string]struct{} {
	if len(list) <= shortList {
		return nil
	}
	m := make(map[string]struct{}, len(list))
	for _, v := range list {
		m[v] = struct{}{}
	}
	return m
}

// newMatcher prepares s, which must not change afterwards.
func newMatcher(s *Selector) matcher {
	return matcher{s: s,
		skus: setOf(s.SKUs), products: setOf(s.Products), cats: setOf(s.Categories), tags: setOf(s.Tags),
		exSKUs: setOf(s.ExcludeSKUs), exProducts: setOf(s.ExcludeProducts), exCats: setOf(s.ExcludeCategories), exTags: setOf(s.ExcludeTags),
		any: s.includesAll(),
	}
}

func has(set map[string]struct{}, list []string, v string) bool {
	if set != nil {
		_, ok := set[v]
		return ok
	}
	return slices.Contains(list, v)
}

func hasAny(set map[string]struct{}, list, values []string) bool {
	if len(list) == 0 {
		return false
	}
	for _, v := range values {
		if has(set, list, v) {
			return true
		}
	}
	return false
}

// matches is Selector.matches: not NotPromotable, not excluded, and
// matching a positive list if there is one.
func (m *matcher) matches(l *Line) bool {
	s := m.s
	if s == nil {
		return false
	}
	if l.NotPromotable {
		return false
	}
	if has(m.exSKUs, s.ExcludeSKUs, l.SKU) || has(m.exProducts, s.ExcludeProducts, l.Product) ||
		hasAny(m.exCats, s.ExcludeCategories, l.Categories) || hasAny(m.exTags, s.ExcludeTags, l.Tags) {
		return false
	}
	if m.any {
		return true
	}
	return has(m.skus, s.SKUs, l.SKU) || has(m.products, s.Products, l.Product) ||
		hasAny(m.cats, s.Categories, l.Categories) || hasAny(m.tags, s.Tags, l.Tags)
}

// lineValues is the work of matching one line against one selector: one
// step per category and tag of the line, at least one.
func lineValues(l *Line) int64 {
	return max(1, int64(len(l.Categories))+int64(len(l.Tags)))
}

// targetIndex finds, for a line, the promotions whose target can match it
// without trying every promotion: each value an include list of a target
// names (SKU, product, category, tag) maps to the promotions naming it, and
// the targets without an include list are listed apart. A line's
// candidates are found with one lookup per value of the line; only they
// are checked against their exclude lists. An engine builds it when it
// has at least indexFrom promotions; with fewer, trying each is as cheap.
type targetIndex struct {
	sku, product, cat, tag map[string][]int32
	all                    []int32 // targets without an include list
}

// indexFrom is the fewest promotions for which an engine indexes targets.
const indexFrom = 8

// newTargetIndex indexes the targets of promos, in their final order.
func newTargetIndex(promos []compiled) *targetIndex {
	ix := &targetIndex{}
	add := func(m *map[string][]int32, list []string, pi int32) {
		if len(list) == 0 {
			return
		}
		if *m == nil {
			*m = make(map[string][]int32)
		}
		for _, v := range list {
			l := (*m)[v]
			if n := len(l); n > 0 && l[n-1] == pi {
				continue // a value repeated in the list
			}
			(*m)[v] = append(l, pi)
		}
	}
	for pi := range promos {
		s, k := &promos[pi].p.Target, int32(pi)
		if s.includesAll() {
			ix.all = append(ix.all, k)
			continue
		}
		add(&ix.sku, s.SKUs, k)
		add(&ix.product, s.Products, k)
		add(&ix.cat, s.Categories, k)
		add(&ix.tag, s.Tags, k)
	}
	return ix
}

// excluded reports whether an exclude list of the selector names l.
func (m *matcher) excluded(l *Line) bool {
	s := m.s
	return has(m.exSKUs, s.ExcludeSKUs, l.SKU) || has(m.exProducts, s.ExcludeProducts, l.Product) ||
		hasAny(m.exCats, s.ExcludeCategories, l.Categories) || hasAny(m.exTags, s.ExcludeTags, l.Tags)
}

// indexTargets fills c.targets from the engine's index: the same lists,
// in line order, as matching every target against every line. It returns
// buf extended by the lists, laid out in promotion order.
func (c *ctx) indexTargets(ix *targetIndex, buf []int) []int {
	e, lines := c.e, c.cart.Lines
	n := len(e.promos)
	count := reuse(c.ixCount, n+1)
	mark := reuse(c.ixMark, n) // line index + 1 of the last line that met the promotion
	pairs := c.ixPairs[:0]
	for li := range lines {
		l := &lines[li]
		if l.NotPromotable {
			continue
		}
		stamp := int32(li + 1)
		visit := func(cands []int32) {
			for _, pi := range cands {
				if mark[pi] == stamp {
					continue
				}
				mark[pi] = stamp
				if e.promos[pi].target.s != nil && !e.promos[pi].target.excluded(l) {
					pairs = append(pairs, [2]int32{pi, int32(li)})
					count[pi+1]++
				}
			}
		}
		visit(ix.all)
		if ix.sku != nil {
			visit(ix.sku[l.SKU])
		}
		if ix.product != nil {
			visit(ix.product[l.Product])
		}
		if ix.cat != nil {
			for _, v := range l.Categories {
				visit(ix.cat[v])
			}
		}
		if ix.tag != nil {
			for _, v := range l.Tags {
				visit(ix.tag[v])
			}
		}
	}
	for pi := range n {
		count[pi+1] += count[pi]
	}
	start := len(buf)
	buf = slices.Grow(buf, len(pairs))[:start+len(pairs)]
	next := reuse(c.ixNext, n)
	copy(next, count[:n])
	for _, p := range pairs { // in line order: each list stays sorted
		buf[start+int(next[p[0]])] = int(p[1])
		next[p[0]]++
	}
	for pi := range n {
		lo, hi := start+int(count[pi]), start+int(count[pi+1])
		c.targets[pi] = buf[lo:hi:hi]
	}
	c.ixCount, c.ixMark, c.ixPairs, c.ixNext = count, mark, pairs, next
	return buf
}
