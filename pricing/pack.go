package pricing

import (
	"encoding/json"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Limits of a [PackOffer]. They bound the solver's table to about a million
// entries and keep every sum of minor units inside int64.
const (
	// MaxPackQty is the largest pack size a PackOffer accepts.
	MaxPackQty = 1000
	// MaxPackPriceMinor is the largest pack or single price, in minor units
	// (10^12 分 is CNY 10,000,000,000.00).
	MaxPackPriceMinor = 1_000_000_000_000
)

// Pack is a pack price, "N for P" (N件P元, 组合装): Qty units for Price.
// "10个糖盒15元" is Pack{Qty: 10, Price: CNY 15.00}.
type Pack struct {
	Qty   int64 `json:"qty"`
	Price Money `json:"price"`
}

// String returns "10 for CNY 15.00".
func (p Pack) String() string { return strconv.FormatInt(p.Qty, 10) + " for " + p.Price.String() }

// packItem is a pack or the single unit in the solver's units: size in
// units, price in minor units, and its index in PackOffer.packs (-1 for the
// single unit).
type packItem struct {
	size, price int64
	index       int
}

// PackOffer is a set of pack prices ("N for P") with an optional
// single-unit price, validated, for finding the cheapest way to buy a
// quantity ([PackOffer.Cheapest]). It is an immutable value, safe for
// concurrent use. The zero PackOffer sells nothing; its methods return
// errors.
type PackOffer struct {
	packs  []Pack     // as given
	single Money      // the zero Money when single units are not sold
	items  []packItem // packs and the single unit, by size descending
	best   int        // index in items of the lowest unit price (larger size on ties)
	reduce int64      // (size(best)-1) × largest other size: see solve
	maxQty int64      // largest item size
}

// NewPackOffer validates the packs and the single-unit price and returns
// the offer. single is the price of one unit, or the zero Money if units
// are sold only in packs. Every pack needs 1 ≤ Qty ≤ [MaxPackQty], sizes
// must be distinct (a pack of 1 conflicts with a single price), and every
// price must be in one currency, non-negative, rounded to the minor unit
// and at most [MaxPackPriceMinor] minor units. The slice is copied.
//
// Errors: no packs and no single price, duplicate sizes ([ErrInvalidTiers]);
// a size out of range ([ErrInvalidQuantity]); a price without currency
// ([ErrUnknownCurrency]), in another currency ([ErrCurrencyMismatch]),
// negative ([ErrNegativePrice]), not rounded ([ErrNotRounded]) or too large
// ([ErrTooLarge]).
func NewPackOffer(single Money, packs ...Pack) (PackOffer, error) {
	const op = "new pack offer"
	if len(packs) == 0 && !single.IsValid() {
		return PackOffer{}, fieldErr(op, "packs", "", ErrInvalidTiers, "no packs and no single price")
	}
	cur := single.currency
	if !single.IsValid() {
		cur = packs[0].Price.currency
	}
	o := PackOffer{packs: append([]Pack(nil), packs...), items: make([]packItem, 0, len(packs)+1)}
	if single.IsValid() {
		minor, err := packMinor("single", single, cur)
		if err != nil {
			return PackOffer{}, err
		}
		o.single = single
		o.items = append(o.items, packItem{size: 1, price: minor, index: -1})
	}
	for i, p := range packs {
		field := "packs[" + strconv.Itoa(i) + "]"
		if p.Qty < 1 || p.Qty > MaxPackQty {
			return PackOffer{}, fieldErr(op, field+".qty", strconv.FormatInt(p.Qty, 10), ErrInvalidQuantity, "must be in [1, %d]", MaxPackQty)
		}
		minor, err := packMinor(field+".price", p.Price, cur)
		if err != nil {
			return PackOffer{}, err
		}
		for _, it := range o.items {
			if it.size == p.Qty {
				what := "the single price"
				if it.index >= 0 {
					what = fmt.Sprintf("packs[%d]", it.index)
				}
				return PackOffer{}, fieldErr(op, field+".qty", strconv.FormatInt(p.Qty, 10), ErrInvalidTiers, "same size as %s", what)
			}
		}
		o.items = append(o.items, packItem{size: p.Qty, price: minor, index: i})
	}
	slices.SortFunc(o.items, func(a, b packItem) int { return int(b.size - a.size) })
	o.maxQty = o.items[0].size
	for i, it := range o.items {
		// it.price/it.size < best.price/best.size, cross-multiplied (< 2^50).
		if b := o.items[o.best]; it.price*b.size < b.price*it.size {
			o.best = i
		}
	}
	var other int64
	for i, it := range o.items {
		if i != o.best {
			other = max(other, it.size)
		}
	}
	o.reduce = (o.items[o.best].size - 1) * other
	return o, nil
}

// packMinor validates a pack or single price and returns it in minor units.
func packMinor(field string, p Money, cur Currency) (int64, error) {
	const op = "new pack offer"
	if err := checkPrice(p, cur); err != nil {
		return 0, fieldErr(op, field, p.String(), err, "")
	}
	if !p.IsRounded() {
		return 0, fieldErr(op, field, p.String(), ErrNotRounded, "")
	}
	minor, err := p.MinorUnits()
	if err != nil || minor > MaxPackPriceMinor {
		return 0, fieldErr(op, field, p.String(), ErrTooLarge, "at most %d minor units", int64(MaxPackPriceMinor))
	}
	return minor, nil
}

// packOfferJSON is the JSON form of a PackOffer.
type packOfferJSON struct {
	Single Money  `json:"single,omitzero"`
	Packs  []Pack `json:"packs"`
}

// MarshalJSON encodes the offer as {"single":{...},"packs":[{"qty":10,
// "price":{...}},...]}; "single" is left out when single units are not
// sold. The zero PackOffer is null.
func (o PackOffer) MarshalJSON() ([]byte, error) {
	if len(o.items) == 0 {
		return []byte("null"), nil
	}
	return json.Marshal(packOfferJSON{Single: o.single, Packs: o.packs})
}

// UnmarshalJSON decodes the form of [PackOffer.MarshalJSON] and validates
// it as [NewPackOffer] does; unknown keys are an error ([ErrInvalidTiers]).
// null is the zero PackOffer.
func (o *PackOffer) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		*o = PackOffer{}
		return nil
	}
	var v packOfferJSON
	if err := decodeStrict(b, &v); err != nil {
		return decodeErr("decode pack offer", ErrInvalidTiers, err)
	}
	po, err := NewPackOffer(v.Single, v.Packs...)
	if err != nil {
		return err
	}
	*o = po
	return nil
}

// Packs returns a copy of the packs, in the order given.
func (o PackOffer) Packs() []Pack { return append([]Pack(nil), o.packs...) }

// Single returns the single-unit price and whether single units are sold.
func (o PackOffer) Single() (Money, bool) { return o.single, o.single.IsValid() }

// currency returns the currency of the offer's prices.
func (o PackOffer) currency() Currency {
	if o.single.IsValid() {
		return o.single.currency
	}
	if len(o.packs) > 0 {
		return o.packs[0].Price.currency
	}
	return 0
}

// PackWarningCode classifies a [PackWarning].
type PackWarningCode uint8

const (
	// BiggerPackDearer: a larger pack costs more per unit than a smaller one
	// (seed-rules P-05: 10 for 15.00 is 1.50 a unit, 50 for 80.00 is 1.60).
	BiggerPackDearer PackWarningCode = iota + 1
	// PackDearerThanSingles: a pack costs more per unit than single units.
	PackDearerThanSingles
)

var packWarningNames = [...]string{"", "bigger-pack-dearer", "pack-dearer-than-singles"}

// String returns "bigger-pack-dearer" or "pack-dearer-than-singles" (the
// text form is snake_case: "bigger_pack_dearer").
func (c PackWarningCode) String() string {
	if c >= BiggerPackDearer && c <= PackDearerThanSingles {
		return packWarningNames[c]
	}
	return fmt.Sprintf("PackWarningCode(%d)", c)
}

// MarshalText encodes "bigger_pack_dearer" or "pack_dearer_than_singles";
// the zero value (unset) is "", an undefined code an error
// ([ErrUnknownName]).
func (c PackWarningCode) MarshalText() ([]byte, error) {
	return marshalName("encode pack warning code", int(c), packWarningNames[:])
}

// UnmarshalText decodes a name written by [PackWarningCode.MarshalText].
func (c *PackWarningCode) UnmarshalText(b []byte) error {
	i, err := unmarshalName("decode pack warning code", b, packWarningNames[:])
	if err == nil {
		*c = PackWarningCode(i)
	}
	return err
}

// PackWarning reports a pack priced higher per unit than a smaller pack or
// than single units (Than is then {1, single price}). Such a pack is never
// chosen by [PackOffer.Cheapest] unless it is needed to make the quantity,
// and customers who notice feel cheated; it is a warning, not an error.
type PackWarning struct {
	Code PackWarningCode `json:"code"`
	Pack Pack            `json:"pack"` // the dearer pack
	Than Pack            `json:"than"` // the smaller pack, or one single unit
}

// String describes the warning: "pack 50 for CNY 80.00 (CNY 1.60 a unit)
// costs more per unit than 10 for CNY 15.00 (CNY 1.50 a unit)".
func (w PackWarning) String() string {
	than := w.Than.String()
	if w.Code == PackDearerThanSingles {
		than = "single units"
	}
	return fmt.Sprintf("pack %s (%s a unit) costs more per unit than %s (%s a unit)",
		w.Pack, unitPrice(w.Pack), than, unitPrice(w.Than))
}

// unitPrice returns Price/Qty, half-up to two places beyond the minor unit
// (four for CNY).
func unitPrice(p Pack) string {
	if p.Qty <= 0 {
		return "?"
	}
	u := p.Price.dec().DivRound(decimal.New(p.Qty, 0), p.Price.currency.Digits()+2)
	return fromDecimal(u, p.Price.currency).String()
}

// Warnings is the pack validator: it lists every pack with a higher unit
// price than a smaller pack ([BiggerPackDearer]) or than single units
// ([PackDearerThanSingles]), ordered by the dearer pack's size, then the
// other size. Unit prices are compared exactly (p1 × q2 > p2 × q1). Nil
// means unit prices never rise with pack size.
func (o PackOffer) Warnings() []PackWarning {
	var ws []PackWarning
	for i := len(o.items) - 1; i >= 0; i-- { // ascending size
		big := o.items[i]
		if big.index < 0 {
			continue
		}
		for j := len(o.items) - 1; j > i; j-- {
			small := o.items[j]
			if big.price*small.size <= small.price*big.size { // ≤ MaxPackPriceMinor × MaxPackQty = 10^15: no overflow
				continue
			}
			w := PackWarning{Code: BiggerPackDearer, Pack: o.packs[big.index]}
			if small.index < 0 {
				w.Code, w.Than = PackDearerThanSingles, Pack{Qty: 1, Price: o.single}
			} else {
				w.Than = o.packs[small.index]
			}
			ws = append(ws, w)
		}
	}
	return ws
}

// PackLine is one pack of a [PackPlan]: Count packs at Pack.Price,
// Amount = Count × Pack.Price.
type PackLine struct {
	Pack   Pack  `json:"pack"`
	Count  int64 `json:"count"`
	Amount Money `json:"amount"`
}

// PackPlan is the cheapest purchase found by [PackOffer.Cheapest] or
// [PackOffer.CheapestAtLeast]: the packs (largest first, only those
// bought), the single units, and the total. Units = Qty + Surplus and
// Total = Σ Amount + Singles × single price, exactly.
type PackPlan struct {
	Qty     int64      `json:"qty"`     // units asked for
	Units   int64      `json:"units"`   // units bought
	Surplus int64      `json:"surplus"` // Units - Qty: extra units bought because that is cheaper
	Packs   []PackLine `json:"packs"`   // packs bought, largest first
	Singles int64      `json:"singles"` // single units bought
	Single  Money      `json:"single"`  // their amount, Singles × the single price
	Total   Money      `json:"total"`   // amount paid, in minor units
}

// Packages returns the number of packs plus the number of single units.
func (p PackPlan) Packages() int64 {
	n := p.Singles
	for _, l := range p.Packs {
		n += l.Count
	}
	return n
}

// String describes the plan: "50 units: 5 × 10 for CNY 15.00 = CNY 75.00".
func (p PackPlan) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d units:", p.Units)
	sep := " "
	for _, l := range p.Packs {
		fmt.Fprintf(&b, "%s%d × %s", sep, l.Count, l.Pack)
		sep = " + "
	}
	if p.Singles > 0 {
		fmt.Fprintf(&b, "%s%d single", sep, p.Singles)
	}
	if p.Units == 0 {
		b.WriteString(" nothing")
	}
	fmt.Fprintf(&b, " = %s", p.Total)
	if p.Surplus > 0 {
		fmt.Fprintf(&b, " (%d surplus)", p.Surplus)
	}
	return b.String()
}

// Cheapest returns the cheapest way to buy exactly q units from the packs
// and single units (an unbounded knapsack in int64 minor units). Among
// equally cheap ways it takes the fewest packages (a single unit counts as
// one), then the largest packs: the sizes, sorted largest first, are
// lexicographically greatest. Seed-rules P-05 / WE-4: packs {10 for 15.00,
// 50 for 80.00}, q = 50 is 5 × 10 for 75.00, not 80.00.
//
// Quantity 0 is an empty plan costing zero. Errors: q < 0
// ([ErrInvalidQuantity]); no combination makes exactly q, possible only
// without a single price ([ErrNoCombination]); a total above int64 minor
// units ([ErrTooLarge]); the zero PackOffer ([ErrInvalidTiers]).
func (o PackOffer) Cheapest(q int64) (PackPlan, error) { return o.solve(q, false) }

// CheapestAtLeast is [PackOffer.Cheapest] for at least q units: it buys
// more than q when that costs strictly less (two 10-packs at 15.00 each
// rather than 19 singles at 1.80), and reports the extra units as Surplus.
// On equal cost it buys fewer units, then follows Cheapest's tie-breaks.
// There is always a solution; errors are those of Cheapest.
func (o PackOffer) CheapestAtLeast(q int64) (PackPlan, error) { return o.solve(q, true) }

// solve finds the plan by dynamic programming over amounts with the key
// (cost, packages), compared lexicographically, which is additive and so
// optimal by the usual knapsack recurrence.
//
// Reduction. Let b be the item with the lowest unit price (the larger size
// on ties), s = size(b), M the largest size of any other item, and
// R = (s-1)·M. Claim: every optimal solution (least cost, then fewest
// packages) uses fewer than s items other than b, so the units they cover,
// r, satisfy r ≤ R.
// Proof: take s items x_1..x_s other than b and the prefix sums
// S_j = size(x_1)+…+size(x_j) for j = 0..s. Two of these s+1 sums agree
// mod s (pigeonhole), so some non-empty run x_i..x_j has total size k·s.
// Replace the run by k copies of b. The units are unchanged. Its cost was
// Σ price(x) = Σ size(x)·unit(x) ≥ Σ size(x)·unit(b) = k·price(b), so the
// cost does not rise; it falls unless every x in the run has b's unit
// price, and then each x is smaller than b (b is the largest of the
// cheapest by unit price, and sizes are distinct), so k copies are fewer
// packages than the run. Either way the solution was not optimal. ∎
// Hence an optimal plan for q holds at least m = ⌈(q-R)/s⌉ copies of b
// when q > R; solve takes m = ⌊(q-R)/s⌋, no more than that, so that
// q - m·s ≥ R ≥ 0. The optimal plans for q are exactly m copies of b added
// to the optimal plans for q - m·s. Adding the same items to two plans
// with the same number of packages keeps their largest-first order, so the
// tie-break is kept too. The table therefore needs amounts up to about
// s·M ≤ MaxPackQty², whatever q. For "at least q" the best plan buys at
// most q + maxSize - 1 units (otherwise dropping any item still covers q at
// no greater cost and fewer packages), so the table is extended by
// maxSize - 1 and each amount in the range is a candidate.
//
// Reconstruction walks down from the chosen amount, taking at each step the
// largest item that lies on an optimal path; this yields the
// lexicographically greatest largest-first sequence of sizes.
// pack_test.go checks the whole plan against a plain DP over all amounts.
func (o PackOffer) solve(q int64, atLeast bool) (PackPlan, error) {
	op := "cheapest packs"
	if atLeast {
		op = "cheapest packs for at least"
	}
	if len(o.items) == 0 {
		return PackPlan{}, fieldErr(op, "", "", ErrInvalidTiers, "empty offer")
	}
	if q < 0 {
		return PackPlan{}, fieldErr(op, "q", strconv.FormatInt(q, 10), ErrInvalidQuantity, "")
	}
	b := o.items[o.best]
	var m int64 // copies of b taken up front
	if q > o.reduce {
		m = (q - o.reduce) / b.size // lo = q - m·s lies in [R, R+s)
	}
	lo := q - m*b.size // m·s ≤ q - R ≤ q: no overflow
	hi := lo
	if atLeast {
		hi = lo + o.maxQty - 1
	}
	t := o.table(hi)
	u, best := int64(-1), int64(0)
	for a := lo; a <= hi; a++ {
		if c, _, ok := t.at(a); ok && (u < 0 || c < best) {
			u, best = a, c
		}
	}
	if u < 0 {
		return PackPlan{}, fieldErr(op, "q", strconv.FormatInt(q, 10), ErrNoCombination, "sizes %s", o.sizes())
	}
	// Total: m·price(b) + best, checked.
	hiMul, extra := bits.Mul64(uint64(m), uint64(b.price))
	total := extra + uint64(best)
	if hiMul != 0 || extra > math.MaxInt64 || total > math.MaxInt64 {
		return PackPlan{}, fieldErr(op, "q", strconv.FormatInt(q, 10), ErrTooLarge, "the total is at most 2^63-1 minor units")
	}
	counts := make([]int64, len(o.items))
	counts[o.best] = m
	for a := u; a > 0; {
		took := false
		ca, na, _ := t.at(a)
		for i, it := range o.items {
			if it.size > a {
				continue
			}
			if c, n, ok := t.at(a - it.size); ok && c+it.price == ca && n+1 == na {
				counts[i]++
				a -= it.size
				took = true
				break
			}
		}
		if !took { // unreachable: the amount was reached by some item
			return PackPlan{}, fieldErr(op, "q", strconv.FormatInt(q, 10), ErrNoCombination, "")
		}
	}
	cur := o.currency()
	plan := PackPlan{Qty: q, Units: q + u - lo, Surplus: u - lo, Single: Zero(cur), Total: fromMinor(int64(total), cur)}
	for i, it := range o.items {
		if counts[i] == 0 {
			continue
		}
		amt := fromMinor(counts[i]*it.price, cur) // ≤ total, no overflow
		if it.index < 0 {
			plan.Singles, plan.Single = counts[i], amt
			continue
		}
		plan.Packs = append(plan.Packs, PackLine{Pack: o.packs[it.index], Count: counts[i], Amount: amt})
	}
	return plan, nil
}

// packTable is the knapsack table for amounts 0..hi: the least cost of
// exactly a units and the fewest packages at that cost.
//
// When every (cost, packages) pair fits, the two are packed into one int64
// key, cost<<keyBits | packages, so comparing keys compares the pairs
// lexicographically, and the table is filled item by item with a
// branch-free min (in an unbounded knapsack key[a-size] may already hold
// this item; that is what lets an item repeat). Otherwise a slower loop
// keeps cost and count apart.
type packTable struct {
	key   []int64 // packed keys, or nil
	cost  []int64 // slow path: cost, math.MaxInt64 if unreachable
	count []int32 // slow path: packages
}

const (
	keyBits     = 21 // packages ≤ hi < 2^21
	unreachable = int64(1) << 62
)

// at returns the cost and packages of exactly a units, and false if a
// cannot be made.
func (t packTable) at(a int64) (int64, int32, bool) {
	if t.key != nil {
		k := t.key[a]
		return k >> keyBits, int32(k & (1<<keyBits - 1)), k < unreachable
	}
	return t.cost[a], t.count[a], t.cost[a] != math.MaxInt64
}

func (o PackOffer) table(hi int64) packTable {
	var maxPrice int64
	for _, it := range o.items {
		maxPrice = max(maxPrice, it.price)
	}
	if hi < 1<<keyBits && maxPrice > 0 && hi+1 <= (unreachable>>keyBits)/maxPrice/2 {
		key := make([]int64, hi+1)
		for a := int64(1); a <= hi; a++ {
			key[a] = unreachable
		}
		for _, it := range o.items {
			step := it.price<<keyBits | 1
			for a := it.size; a <= hi; a++ {
				key[a] = min(key[a], key[a-it.size]+step)
			}
		}
		return packTable{key: key}
	}
	const inf = math.MaxInt64
	cost := make([]int64, hi+1)
	count := make([]int32, hi+1)
	for a := int64(1); a <= hi; a++ {
		best, bestN := int64(inf), int32(0)
		for _, it := range o.items {
			j := a - it.size
			if j < 0 {
				continue
			}
			c := cost[j]
			if c == inf {
				continue
			}
			c += it.price // ≤ hi·MaxPackPriceMinor < 2^62
			if c < best || (c == best && count[j] < bestN) {
				best, bestN = c, count[j]
			}
		}
		cost[a], count[a] = best, bestN+1
	}
	return packTable{cost: cost, count: count}
}

// sizes lists the item sizes for an error message: "{50, 10}".
func (o PackOffer) sizes() string {
	parts := make([]string, len(o.items))
	for i, it := range o.items {
		parts[i] = strconv.FormatInt(it.size, 10)
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
