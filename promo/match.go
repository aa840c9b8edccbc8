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
