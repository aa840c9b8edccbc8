package promo

import (
	"cmp"
	"math"
	"slices"
)

// The choice (最优组合). Candidates that conflict with nothing are always on.
// The rest form choice points: an exclusion group picks at most one member;
// a coupon, an exclusive promotion, a promotion that shares lines with an
// exclusive one, and an item group promotion (第N件, 买赠, 任选, 套餐) that
// shares lines with another item promotion are each in or out. A run of
// consecutive identical candidates outside groups (the same coupon entered
// as 20 codes) is one point with a multiplicity: use the first k of them,
// k from the run's length down to 0; identical consecutive members of a
// group are one option. The engine searches the points depth first and
// keeps the best feasible combination (larger saving, then fewer promotions
// used, then higher priority, then smaller ID), pruning with an upper
// bound: a combination never saves more than the sum of what each of its
// promotions saves alone, because every promotion gives less, never more,
// on the lower prices other promotions leave. The search is exact unless
// it runs out of the work budget; then, when the search could not have
// finished within the budget, it starts from a greedy combination so that
// the answer is never worse than that.
//
// Conflicts are found through per-line counters, never by comparing
// promotions pairwise: classifying costs the candidates' target lines once,
// and turning a promotion on or off during the search costs its own lines.

type point struct {
	options [][]int // each option turns these promotions on; an empty option turns none on
	best    int64   // the largest standalone saving of an option
	group   bool    // an exclusion group: at most one member on
	run     []int   // otherwise: the identical promotions of the point, in application order
	first   int     // the point's first promotion
	members int     // a group's members that are options
}

// choose picks the combination of candidates to apply. It spends work up
// to c.limit, always keeping enough for the final pass over the best
// combination found (the fixed promotions at least: if even their pass
// does not fit, the cart is refused).
func (c *ctx) choose(cands []int) (on []bool, alone []int64, optimal bool, evaluated int, err error) {
	np := len(c.e.promos)
	ps := c.probe
	// The sets of promotions share one array, kept in the scratch ctx.
	c.bools = reuse(c.bools, 6*np)
	sets := c.bools
	fixed, probe, cur, best, bestUsed, used := sets[:np:np], sets[np:2*np:2*np], sets[2*np:3*np:3*np],
		sets[3*np:4*np:4*np], sets[4*np:5*np:5*np], sets[5*np:]
	choices := c.classify(cands, fixed)
	c.alone = reuse(c.alone, np)
	alone = c.alone
	optimal = true
	floor := c.finalCost(fixed) // the final pass of the fixed promotions
	if !c.afford(floor) {
		return nil, nil, false, 0, c.tooMuchWork(satAdd(c.work, floor))
	}

	// Measure each choice alone, once per run of identical ones.
	probed := choices[:0]
	for k, pi := range choices {
		if k > 0 && c.follows(choices[k-1], pi) {
			alone[pi] = alone[pi-1]
			probed = append(probed, pi)
			continue
		}
		if !c.afford(satAdd(c.tunits[pi]+1, floor)) {
			optimal = false
			break
		}
		if s, ok := c.aloneOrder(ps, pi); ok { // no pass needed
			c.charge(c.tunits[pi] + 1)
			alone[pi] = s
			probed = append(probed, pi)
			continue
		}
		probe[pi] = true
		if !c.afford(satAdd(c.passCost(probe), floor)) {
			optimal = false
			break
		}
		c.evaluate(ps, probe)
		alone[pi] = c.saving(ps)
		probe[pi] = false
		probed = append(probed, pi)
	}
	choices = probed

	points := c.points(choices, alone)
	if len(points) == 0 { // nothing to choose: the final pass is the only one
		return fixed, alone, optimal, 0, nil
	}
	c.rest = reuse(c.rest, len(points)+1)
	rest := c.rest // rest[k]: Σ best of points k..
	for k := len(points) - 1; k >= 0; k-- {
		rest[k] = satAdd(rest[k+1], points[k].best)
	}
	c.resetLines()

	copy(cur, fixed)
	found := false
	bestSaving := int64(-1)
	bestCost := floor       // the final pass of the best so far
	keep := func(s int64) { // used holds the promotions of cur that gave something
		if !found || c.better(s, used, bestSaving, bestUsed) {
			found, bestSaving = true, s
			copy(best, cur)
			copy(bestUsed, used)
			bestCost = c.finalCost(cur)
		}
	}
	out := !optimal // out of budget
	// Each node is charged, beyond its pass, for the fit checks that lead
	// to it: at most two steps per target line of every choice.
	var checks int64
	for _, pi := range choices {
		checks = satAdd(checks, 2*int64(len(c.targets[pi])))
	}
	// affordable reports whether the budget allows evaluating cur and
	// then the final pass of the best after it (best or cur).
	affordable := func() bool {
		cost := c.passCost(cur)
		return c.afford(satAdd(satAdd(cost, checks), max(satAdd(cost, c.recordCost(cur)), bestCost)))
	}
	// The greedy start's combinations are remembered (by the choices on)
	// so that the search does not evaluate them again.
	var memo *nodeMemo
	fresh := false // ps holds the pass of cur (not a remembered node)
	// node evaluates the combination cur if the budget allows, and sets
	// used to the promotions that gave something.
	node := func() (int64, bool) {
		fresh = false
		if memo != nil {
			if s, ok := memo.lookup(cur, choices, used); ok {
				return s, true
			}
		}
		if out || !affordable() {
			out = true
			return 0, false
		}
		evaluated++
		c.charge(checks)
		c.evaluate(ps, cur)
		fresh = true
		s := c.saving(ps)
		c.used(ps, cur, used)
		if memo != nil && memo.recording {
			memo.store(cur, choices, used, s)
		}
		return s, true
	}

	// When the whole search might not fit, start from a greedy
	// combination: the fixed promotions, then for each point in order of
	// standalone saving its best option that fits (in the budget too: fewer
	// copies of a coupon when all of them do not), kept when it saves more.
	if !c.searchFits(points, fixed, choices, checks) {
		memo = &nodeMemo{recording: true, np: np}
		if s, ok := node(); ok {
			keep(s)
			for _, pt := range points {
				for _, opt := range pt.options {
					if len(opt) == 0 || !c.turnOn(cur, opt) {
						continue
					}
					if !affordable() {
						c.turnOff(cur, opt)
						continue
					}
					s, _ := node()
					if c.better(s, used, bestSaving, bestUsed) {
						keep(s)
					} else {
						c.turnOff(cur, opt)
					}
					break
				}
			}
		}
		copy(cur, fixed)
		c.resetLines()
		memo.recording = false
	}

	// Every node of the search is itself a combination: the fixed
	// promotions plus one option of some of the points, the other points
	// empty. A node evaluates its combination, keeps it if it is the best so
	// far, and extends it with a non-empty option of a later point, unless
	// its exact saving plus the best the later points could add (rest) cannot
	// beat the best found: saving(S ∪ R) ≤ saving(S) + Σ alone(r), r in R.
	//
	// When every promotion in play acts on the whole order the same way
	// (sharpBound), a node bounds each later point more tightly, by what
	// it would give at the node's own running total (sharpRest).
	sharp := len(points) <= sharpPoints && c.sharpBound(fixed, choices)
	width := len(points) + 1
	if sharp {
		c.sharpBuf = reuse(c.sharpBuf, width*width)
	}
	var visit func(k int)
	visit = func(k int) {
		s, ok := node()
		if !ok {
			return
		}
		keep(s)
		rk := rest
		if sharp && fresh {
			rk = c.sharpRest(ps, cur, points, k, rest, c.sharpBuf[k*width:(k+1)*width])
		}
		for j := k; j < len(points) && !out; j++ {
			if satAdd(s, rk[j]) < bestSaving {
				return // rk only shrinks with j
			}
			pb := points[j].best // what any option of point j may add
			if sharp {
				pb = rk[j] - rk[j+1] // no saturation: at most sharpPoints bounded savings
			}
			for _, opt := range points[j].options {
				if len(opt) == 0 || satAdd(satAdd(s, min(optAlone(alone, opt), pb)), rk[j+1]) < bestSaving {
					continue
				}
				if !c.turnOn(cur, opt) {
					continue
				}
				visit(j + 1)
				c.turnOff(cur, opt)
				if out {
					return
				}
			}
		}
	}
	visit(0)
	if out {
		optimal = false
	}
	if !found { // nothing was affordable: the fixed promotions alone
		copy(best, fixed)
	}
	// A candidate that saves nothing even alone cannot change the outcome:
	// keep it on when it fits, so its explanation says why it gave nothing
	// (below threshold, add 23.50 more) rather than "not chosen".
	c.resetLines()
	for _, pi := range choices {
		if best[pi] {
			c.turn(pi, 1)
		}
	}
	var groupOn map[string]bool
	for _, pi := range choices {
		if g := c.e.promos[pi].p.Group; best[pi] && g != "" {
			if groupOn == nil {
				groupOn = map[string]bool{}
			}
			groupOn[g] = true
		}
	}
	finalCost := c.finalCost(best)
	for _, pi := range choices {
		g := c.e.promos[pi].p.Group
		more := satAdd(finalCost, c.unitCost(pi)+2*(c.tunits[pi]+1))
		if !best[pi] && alone[pi] == 0 && (g == "" || !groupOn[g]) && c.afford(more) && c.fits(pi) {
			finalCost = more
			best[pi] = true
			c.turn(pi, 1)
			if g != "" {
				if groupOn == nil {
					groupOn = map[string]bool{}
				}
				groupOn[g] = true
			}
		}
	}
	return best, alone, optimal, evaluated, nil
}

// classify marks the candidates that conflict with nothing in fixed and
// returns the others, the choices, in application order. A candidate
// conflicts when it is in a group or a coupon, when it is exclusive and
// shares a line with another candidate, when it shares a line with an
// exclusive candidate, or when it is an item group promotion sharing a
// line with another item candidate: counted per line.
func (c *ctx) classify(cands []int, fixed []bool) []int {
	nl := len(c.lines)
	c.lineCnt, c.lineExcl, c.lineItem = reuse(c.lineCnt, nl), reuse(c.lineExcl, nl), reuse(c.lineItem, nl)
	for _, pi := range cands {
		p := &c.e.promos[pi]
		for _, li := range c.targets[pi] {
			c.lineCnt[li]++
			if p.p.Exclusive {
				c.lineExcl[li]++
			}
			if p.r.layer == itemLayer {
				c.lineItem[li]++
			}
		}
	}
	var choices []int
	for _, pi := range cands {
		p := &c.e.promos[pi]
		choice := p.p.Group != "" || p.coupon != ""
		if !choice && !isForced(&p.r) { // presale.go: points and presales are never a choice
			itemGroup := p.r.layer == itemLayer && !isPerUnit(&p.r)
			self := int32(b2i(p.p.Exclusive))
			for _, li := range c.targets[pi] {
				if (p.p.Exclusive && c.lineCnt[li] >= 2) || c.lineExcl[li]-self >= 1 || (itemGroup && c.lineItem[li] >= 2) {
					choice = true
					break
				}
			}
		}
		if choice {
			choices = append(choices, pi)
		} else {
			fixed[pi] = true
		}
	}
	return choices
}

// follows reports whether choice pi repeats choice prev exactly: the next
// promotion in application order, defined the same, with the same budget
// spent. The two then save the same, alone and in any combination.
func (c *ctx) follows(prev, pi int) bool {
	return prev == pi-1 && pi < len(c.e.same) && c.e.same[pi] && c.budgetSpent(prev) == c.budgetSpent(pi)
}

// points builds the choice points: one per group, one per run of identical
// promotions (options: the first j of the run), one per other choice; each
// point's options sorted by standalone saving, the points by their best
// option. Every option is a subslice of choices (a group member is
// choices[k:k+1], a run's first j members choices[k:k+j]), and the option
// lists share one array: no allocation per point.
func (c *ctx) points(choices []int, alone []int64) []point {
	points := c.pointBuf[:0]
	at := reuse(c.pointOf, len(choices)) // per choice: its point, -1 when it adds no option
	c.pointOf = at
	var groups map[string]int // group name -> point index, for many choices
	groupPoint := func(g string) (int, bool) {
		if groups != nil {
			k, ok := groups[g]
			return k, ok
		}
		for k := range points {
			if points[k].group && c.e.promos[points[k].first].p.Group == g {
				return k, true
			}
		}
		return 0, false
	}
	if len(choices) > 16 {
		groups = map[string]int{}
	}
	nopts := 0
	for k, pi := range choices {
		p := &c.e.promos[pi]
		repeat := k > 0 && c.follows(choices[k-1], pi) && c.e.promos[choices[k-1]].p.Group == p.p.Group
		switch {
		case p.p.Group != "":
			g, ok := groupPoint(p.p.Group)
			if !ok {
				g = len(points)
				if groups != nil {
					groups[p.p.Group] = g
				}
				points = append(points, point{group: true, first: pi})
				nopts++ // the empty option
			}
			at[k] = -1
			if !repeat { // else the same as the member before: one option serves both
				at[k] = g
				nopts++
				points[g].members++
				points[g].best = max(points[g].best, alone[pi])
			}
		case repeat: // one more of the run
			at[k] = len(points) - 1
			points[len(points)-1].run = choices[k-len(points[len(points)-1].run) : k+1]
			nopts++
		default:
			at[k] = len(points)
			points = append(points, point{run: choices[k : k+1], first: pi})
			nopts += 2
		}
	}
	c.pointBuf = points
	opts := reuse(c.optBuf, nopts)
	c.optBuf = opts
	for k := range points {
		pt := &points[k]
		if pt.group {
			pt.options, opts = opts[:1:pt.members+1], opts[pt.members+1:]
			pt.options[0] = choices[:0] // the empty option; the members follow
			continue
		}
		n := len(pt.run) + 1
		pt.options, opts = opts[:0:n], opts[n:]
		for j := len(pt.run); j >= 0; j-- { // the first j of the run, all first
			pt.options = append(pt.options, pt.run[:j])
		}
		pt.best = optAlone(alone, pt.run)
	}
	for k := range choices {
		if g := at[k]; g >= 0 && points[g].group {
			points[g].options = append(points[g].options, choices[k:k+1]) // within capacity
		}
	}
	for k := range points {
		if points[k].group {
			slices.SortStableFunc(points[k].options, func(a, b []int) int {
				return cmp.Compare(optAlone(alone, b), optAlone(alone, a))
			})
		}
	}
	slices.SortStableFunc(points, func(a, b point) int { return cmp.Compare(b.best, a.best) })
	return points
}

// searchFits reports whether the search is sure to finish within the
// budget: at most Π (options per point) nodes, each costing at most a pass
// over every promotion and the fit checks of every option.
func (c *ctx) searchFits(points []point, fixed []bool, choices []int, checks int64) bool {
	all := slices.Clone(fixed)
	for _, pi := range choices {
		all[pi] = true
	}
	nodes := int64(1)
	for _, pt := range points {
		nodes = satMul(nodes, int64(len(pt.options)))
	}
	full := c.passCost(all)
	return c.afford(satAdd(satMul(nodes, satAdd(full, checks)), c.finalCost(all)))
}

// resetLines clears the search's per-line counters.
func (c *ctx) resetLines() {
	nl := len(c.lines)
	c.lineOn, c.lineExcl = reuse(c.lineOn, nl), reuse(c.lineExcl, nl)
}

// fits reports whether promotion pi may be turned on: no exclusive
// promotion that is on shares a line with it, and if it is exclusive, no
// promotion that is on shares one. (A fixed promotion never shares a line
// with an exclusive candidate, so the choices' counters suffice.)
func (c *ctx) fits(pi int) bool {
	excl := c.e.promos[pi].p.Exclusive
	for _, li := range c.targets[pi] {
		if (excl && c.lineOn[li] > 0) || (!excl && c.lineExcl[li] > 0) {
			return false
		}
	}
	return true
}

// turn adds d (1 or -1) to the counters of pi's lines.
func (c *ctx) turn(pi int, d int32) {
	excl := c.e.promos[pi].p.Exclusive
	for _, li := range c.targets[pi] {
		c.lineOn[li] += d
		if excl {
			c.lineExcl[li] += d
		}
	}
}

// turnOn turns on the promotions of opt in on if each fits, and reports
// whether it did; on failure nothing changes.
func (c *ctx) turnOn(on []bool, opt []int) bool {
	for k, pi := range opt {
		if !c.fits(pi) {
			c.turnOff(on, opt[:k])
			return false
		}
		c.turn(pi, 1)
		on[pi] = true
	}
	return true
}

// turnOff turns off the promotions of opt.
func (c *ctx) turnOff(on []bool, opt []int) {
	for _, pi := range opt {
		c.turn(pi, -1)
		on[pi] = false
	}
}

func optAlone(alone []int64, opt []int) int64 {
	var s int64
	for _, pi := range opt {
		s = satAdd(s, alone[pi])
	}
	return s
}

// used sets out to the promotions of on that gave something in the pass.
func (c *ctx) used(ps *pass, on, out []bool) {
	for pi, v := range on {
		out[pi] = v && (ps.amount[pi] > 0 || ps.gift[pi] >= 0)
	}
}

// nodeMemo remembers evaluated combinations: which choices were on, the
// saving, and the promotions that gave something.
type nodeMemo struct {
	recording bool
	np        int
	index     map[uint64][]int // hash of the choices on -> entries
	on, used  []bool           // per entry: len(choices) and np values
	saving    []int64
}

func memoHash(cur []bool, choices []int) uint64 {
	h := uint64(14695981039346656037) // FNV-1a over the positions on
	for k, pi := range choices {
		if cur[pi] {
			h = (h ^ uint64(k)) * 1099511628211
		}
	}
	return h
}

func (m *nodeMemo) store(cur []bool, choices []int, used []bool, s int64) {
	if m.index == nil {
		m.index = map[uint64][]int{}
	}
	h := memoHash(cur, choices)
	m.index[h] = append(m.index[h], len(m.saving))
	for _, pi := range choices {
		m.on = append(m.on, cur[pi])
	}
	m.used = append(m.used, used[:m.np]...)
	m.saving = append(m.saving, s)
}

// lookup finds cur; on a hit it copies the entry's used set into used.
func (m *nodeMemo) lookup(cur []bool, choices []int, used []bool) (int64, bool) {
	if m.index == nil {
		return 0, false
	}
	n := len(choices)
next:
	for _, e := range m.index[memoHash(cur, choices)] {
		for k, pi := range choices {
			if m.on[e*n+k] != cur[pi] {
				continue next
			}
		}
		copy(used, m.used[e*m.np:(e+1)*m.np])
		return m.saving[e], true
	}
	return 0, false
}

// sharpPoints is the most choice points for which the search keeps the
// sharper bound's sums per depth (sharpPoints+1 values per depth).
const sharpPoints = 64

// sharpBound reports whether the sharper bound of sharpRest holds for this
// cart: no price floor; no item-layer choice (the item layer is the same in
// every combination); every order-layer promotion in play (fixed or a
// choice) is a percent or amount off the whole order (it targets every
// line of the cart); every shipping or gift promotion in play targets the
// whole order. Then each order promotion maps the running total T (the sum
// of every unit's price) to T - min(d(T), left), a non-decreasing function
// that lowers T by at most 1 when T falls by 1 (d is a rounded rate of T,
// or min(amount, T); left is its budget or cap, the same in every pass).
func (c *ctx) sharpBound(fixed []bool, choices []int) bool {
	if c.e.floor.HasRules() {
		return false
	}
	nl := len(c.lines)
	ok := func(pi int, choice bool) bool {
		r := &c.e.promos[pi].r
		switch {
		case r.layer == itemLayer:
			return !choice
		case r.layer == orderLayer && r.kind != kPercent && r.kind != kAmount:
			return false
		}
		return len(c.targets[pi]) == nl
	}
	for pi, on := range fixed {
		if on && !ok(pi, false) {
			return false
		}
	}
	for _, pi := range choices {
		if !ok(pi, true) {
			return false
		}
	}
	return true
}

// sharpRest fills out with the bounds of the node whose pass is ps (the
// combination on, at search depth k): out[j] bounds what points j.. can add
// to the node's saving. Under sharpBound, an order promotion r that is off
// would give at most d_r(T_r) (held to its budget or cap), where T_r is the
// running total just before r's turn in this pass: in any combination that
// adds promotions to this one, the running total before r is at most T_r
// (each step is non-decreasing in T and only lowers it), and inserting r
// lowers the final total by at most what r gives (each later step passes a
// drop of 1 on as a drop of at most 1). Shipping and gift promotions keep
// their standalone bound, and so do the points before k, which out leaves
// at the plain sums (rest). out[j] - out[j+1] is point j's bound.
func (c *ctx) sharpRest(ps *pass, on []bool, points []point, k int, rest, out []int64) []int64 {
	np := len(c.e.promos)
	c.ubBuf = reuse(c.ubBuf, np)
	ub := c.ubBuf
	var t int64 // the final running total: every unit's price, ≤ MaxMinorUnits
	for _, p := range ps.price {
		t += p
	}
	for pi := np - 1; pi >= c.nItem; pi-- {
		r := &c.e.promos[pi].r
		switch {
		case r.layer != orderLayer:
			ub[pi] = math.MaxInt64 // the standalone bound applies
		case on[pi]:
			t += ps.amount[pi] // the running total before pi
			ub[pi] = 0
		default:
			d := c.orderDiscount(ps, pi, t, t, 0) // percent or amount: of t alone
			if left := c.budgetLeft(ps, pi); left >= 0 && d > left {
				d = left
			}
			ub[pi] = d
		}
	}
	n := len(points)
	out[n] = 0
	for j := n - 1; j >= k; j-- {
		pt := &points[j]
		var b int64
		if pt.group {
			for _, opt := range pt.options {
				for _, pi := range opt {
					b = max(b, min(c.alone[pi], ub[pi]))
				}
			}
		} else {
			for _, pi := range pt.run {
				b = satAdd(b, min(c.alone[pi], ub[pi]))
			}
		}
		out[j] = out[j+1] + min(b, pt.best) // ≤ 64 points of at most 2·MaxMinorUnits each
	}
	for j := 0; j < k; j++ {
		out[j] = max(rest[j], out[k]) // not read: the node only extends points from k on
	}
	return out
}
