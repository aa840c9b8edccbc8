package promo

import (
	"cmp"
	"slices"
)

// The choice (最优组合). Candidates that conflict with nothing are always on.
// The rest form choice points: an exclusion group picks at most one member;
// a coupon, an exclusive promotion, a promotion that shares lines with an
// exclusive one, and an item group promotion (第N件, 买赠, 任选, 套餐) that
// shares lines with another item promotion are each in or out. The engine
// searches the points depth first and keeps the best feasible combination
// (larger saving, then fewer promotions used, then higher priority, then
// smaller ID), pruning with an upper bound: a combination never saves more
// than the sum of what each of its promotions saves alone, because every
// promotion gives less, never more, on the lower prices other promotions
// leave. The search is exact unless it reaches the engine's search limit.

type point struct {
	options [][]int // each option turns these promotions on; an empty option turns none on
	best    int64   // the largest standalone saving of an option
}

func (c *ctx) choose(cands []int) (on []bool, alone []int64, optimal bool, evaluated int) {
	np := len(c.e.promos)
	ps := c.probe
	// Classify first: only the promotions at choice points need to be
	// measured alone (fixed ones are always on).
	fixed := make([]bool, np)
	var choices []int
	for _, pi := range cands {
		p := &c.e.promos[pi]
		if p.p.Group != "" || p.coupon != "" || c.conflicts(pi, cands) {
			choices = append(choices, pi)
		} else {
			fixed[pi] = true
		}
	}
	alone = make([]int64, np)
	probe := make([]bool, np)
	for _, pi := range choices {
		probe[pi] = true
		c.evaluate(ps, probe)
		alone[pi] = c.saving(ps)
		probe[pi] = false
	}
	var points []point
	groups := map[string]int{} // group name -> point index
	for _, pi := range choices {
		p := &c.e.promos[pi]
		if p.p.Group == "" {
			points = append(points, point{options: [][]int{{pi}, {}}, best: alone[pi]})
			continue
		}
		k, ok := groups[p.p.Group]
		if !ok {
			k = len(points)
			groups[p.p.Group] = k
			points = append(points, point{options: [][]int{{}}})
		}
		points[k].options = append(points[k].options, []int{pi})
		points[k].best = max(points[k].best, alone[pi])
	}
	for k := range points {
		slices.SortStableFunc(points[k].options, func(a, b []int) int {
			return cmp.Compare(optAlone(alone, b), optAlone(alone, a))
		})
	}
	slices.SortStableFunc(points, func(a, b point) int { return cmp.Compare(b.best, a.best) })
	rest := make([]int64, len(points)+1) // rest[k]: Σ best of points k..
	for k := len(points) - 1; k >= 0; k-- {
		rest[k] = rest[k+1] + points[k].best
	}

	// Every node of the search is itself a combination: the fixed
	// promotions plus one option of some of the points, the other points
	// empty. A node evaluates its combination, keeps it if it is the best so
	// far, and extends it with a non-empty option of a later point, unless
	// its exact saving plus the best the later points could add (rest) cannot
	// beat the best found: saving(S ∪ R) ≤ saving(S) + Σ alone(r), r in R.
	cur := slices.Clone(fixed)
	var best, bestUsed []bool
	bestSaving := int64(-1)
	optimal = true
	var visit func(k int)
	visit = func(k int) {
		if !optimal {
			return
		}
		if evaluated >= c.e.limit {
			optimal = false
			return
		}
		evaluated++
		c.evaluate(ps, cur)
		s := c.saving(ps)
		if c.feasible(cur) {
			used := c.used(ps, cur)
			if best == nil || c.better(s, used, bestSaving, bestUsed) {
				best, bestSaving, bestUsed = slices.Clone(cur), s, used
			}
		}
		if s+rest[k] < bestSaving {
			return
		}
		for j := k; j < len(points); j++ {
			if s+rest[j] < bestSaving {
				return // rest only shrinks with j
			}
			for _, opt := range points[j].options {
				if len(opt) == 0 || !c.compatible(cur, opt) {
					continue
				}
				for _, pi := range opt {
					cur[pi] = true
				}
				visit(j + 1)
				for _, pi := range opt {
					cur[pi] = false
				}
			}
		}
	}
	visit(0)
	if best == nil { // the fixed promotions alone are infeasible: keep them anyway
		best = fixed
	}
	// A candidate that saves nothing even alone cannot change the outcome:
	// keep it on when it fits, so its explanation says why it gave nothing
	// (below threshold, add 23.50 more) rather than "not chosen".
	for _, pi := range choices {
		if !best[pi] && alone[pi] == 0 && c.compatible(best, []int{pi}) {
			best[pi] = true
		}
	}
	return best, alone, optimal, evaluated
}

// compatible reports whether turning on opt keeps the combination feasible
// (no group twice, no exclusive promotion sharing a line with another).
func (c *ctx) compatible(on []bool, opt []int) bool {
	for _, pi := range opt {
		for qi, v := range on {
			if v && qi != pi && !c.compatiblePair(pi, qi) {
				return false
			}
		}
	}
	return true
}

// compatiblePair reports whether promotions pi and qi may both apply.
func (c *ctx) compatiblePair(pi, qi int) bool {
	p, q := &c.e.promos[pi], &c.e.promos[qi]
	if (p.p.Exclusive || q.p.Exclusive) && c.overlap(pi, qi) {
		return false
	}
	return p.p.Group == "" || p.p.Group != q.p.Group
}

func optAlone(alone []int64, opt []int) int64 {
	var s int64
	for _, pi := range opt {
		s += alone[pi]
	}
	return s
}

// conflicts reports whether candidate pi must be a choice: it is
// exclusive, or shares lines with an exclusive candidate, or it is an item
// group promotion sharing lines with another item candidate.
func (c *ctx) conflicts(pi int, cands []int) bool {
	p := &c.e.promos[pi]
	group := p.r.layer == itemLayer && !isPerUnit(&p.r)
	for _, qi := range cands {
		if qi == pi || !c.overlap(pi, qi) {
			continue
		}
		q := &c.e.promos[qi]
		if p.p.Exclusive || q.p.Exclusive {
			return true
		}
		if group && q.r.layer == itemLayer {
			return true
		}
	}
	return false
}

// feasible reports whether no exclusive promotion that is on shares lines
// with another promotion that is on, and no group has two members on.
func (c *ctx) feasible(on []bool) bool {
	for pi, v := range on {
		if !v {
			continue
		}
		for qi := pi + 1; qi < len(on); qi++ {
			if !on[qi] {
				continue
			}
			p, q := &c.e.promos[pi], &c.e.promos[qi]
			if (p.p.Exclusive || q.p.Exclusive) && c.overlap(pi, qi) {
				return false
			}
			if p.p.Group != "" && p.p.Group == q.p.Group {
				return false
			}
		}
	}
	return true
}

// used is the set of promotions that gave something in the pass.
func (c *ctx) used(ps *pass, on []bool) []bool {
	out := make([]bool, len(on))
	for pi, v := range on {
		out[pi] = v && (ps.amount[pi] > 0 || ps.gift[pi] >= 0)
	}
	return out
}
