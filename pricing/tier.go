package pricing

import (
	"errors"
	"fmt"
	"sort"
)

// ErrInvalidTierMode: a [TierMode] outside the defined constants.
var ErrInvalidTierMode = errors.New("invalid tier mode")

// Tier is one break of a quantity tier table (阶梯价): from MinQty units
// on, the unit price is Price.
type Tier struct {
	MinQty int64 // first quantity the tier applies to, at least 1
	Price  Money // unit price, non-negative
}

// TierMode says how a [TierTable] prices a quantity.
type TierMode uint8

const (
	// AllUnits prices the whole quantity at the unit price of the highest
	// tier reached (全量阶梯): with tiers {1: 2.00, 10: 1.50}, 12 units cost
	// 12 × 1.50 = 18.00.
	AllUnits TierMode = iota + 1
	// Incremental prices each unit at the price of its own tier (超额累进,
	// like income tax brackets): with tiers {1: 2.00, 10: 1.50}, 12 units
	// cost 9 × 2.00 + 3 × 1.50 = 22.50.
	Incremental
)

// IsValid reports whether m is [AllUnits] or [Incremental].
func (m TierMode) IsValid() bool { return m == AllUnits || m == Incremental }

// String returns "all-units" or "incremental".
func (m TierMode) String() string {
	switch m {
	case AllUnits:
		return "all-units"
	case Incremental:
		return "incremental"
	}
	return fmt.Sprintf("TierMode(%d)", m)
}

// TierTable is a validated quantity tier table (阶梯价): breaks at strictly
// increasing minimum quantities, the first at quantity 1, so every quantity
// from 1 up falls in exactly one tier (no gaps by construction). All prices
// share one currency and are non-negative.
//
// A later tier with a higher unit price than an earlier one is allowed (a
// bulk surcharge is a legitimate, if rare, policy) and reported by
// [TierTable.Warnings]. TierTable is an immutable value, safe for concurrent
// use. The zero TierTable has no tiers; its [TierTable.Price] is an error.
type TierTable struct {
	tiers []Tier
}

// TierWarning reports a tier whose unit price is above the previous tier's
// (an all-units table then makes buying more cost more per unit).
type TierWarning struct {
	Index int  // index of the dearer tier
	Tier  Tier // the dearer tier
	Prev  Tier // the tier before it
}

// String describes the warning: "tiers[1] from 10 at CNY 2.10 is dearer
// than tiers[0] from 1 at CNY 2.00".
func (w TierWarning) String() string {
	return fmt.Sprintf("tiers[%d] from %d at %s is dearer than tiers[%d] from %d at %s",
		w.Index, w.Tier.MinQty, w.Tier.Price, w.Index-1, w.Prev.MinQty, w.Prev.Price)
}

// NewTierTable validates tiers and returns the table. The tiers must be
// given in order: tiers[0].MinQty = 1, each MinQty strictly above the
// previous one; every price valid, non-negative and in the currency of
// tiers[0]. The slice is copied.
//
// Errors: no tiers, a first break other than 1, or unordered breaks
// ([ErrInvalidTiers]); a price without currency ([ErrUnknownCurrency]) or
// out of the package's limits ([ErrInvalidAmount]); a negative price
// ([ErrNegativePrice]); mixed currencies ([ErrCurrencyMismatch]).
func NewTierTable(tiers ...Tier) (TierTable, error) {
	if len(tiers) == 0 {
		return TierTable{}, fmt.Errorf("pricing: tier table: %w: no tiers", ErrInvalidTiers)
	}
	cur := tiers[0].Price.currency
	for i, t := range tiers {
		switch {
		case i == 0 && t.MinQty != 1:
			return TierTable{}, fmt.Errorf("pricing: tier table: tiers[0].min qty %d: %w: the first break must be at 1", t.MinQty, ErrInvalidTiers)
		case i > 0 && t.MinQty <= tiers[i-1].MinQty:
			return TierTable{}, fmt.Errorf("pricing: tier table: tiers[%d].min qty %d: %w: breaks must strictly increase (previous %d)",
				i, t.MinQty, ErrInvalidTiers, tiers[i-1].MinQty)
		}
		if err := checkPrice(fmt.Sprintf("tiers[%d].price", i), t.Price, cur); err != nil {
			return TierTable{}, fmt.Errorf("pricing: tier table: %w", err)
		}
	}
	return TierTable{tiers: append([]Tier(nil), tiers...)}, nil
}

// checkPrice validates a price: a known currency equal to cur, an amount
// within limits, not negative.
func checkPrice(field string, p Money, cur Currency) error {
	if !p.currency.IsValid() {
		return fmt.Errorf("%s %s: %w", field, p, ErrUnknownCurrency)
	}
	if p.currency != cur {
		return fmt.Errorf("%s %s: %w", field, p, &CurrencyMismatchError{A: cur, B: p.currency})
	}
	if err := checkDecimal(field, p.dec()); err != nil {
		return err
	}
	if p.IsNegative() {
		return fmt.Errorf("%s %s: %w", field, p, ErrNegativePrice)
	}
	return nil
}

// Tiers returns a copy of the tiers.
func (t TierTable) Tiers() []Tier { return append([]Tier(nil), t.tiers...) }

// Currency returns the currency of the table's prices.
func (t TierTable) Currency() Currency {
	if len(t.tiers) == 0 {
		return Currency{}
	}
	return t.tiers[0].Price.currency
}

// Warnings lists the tiers priced above the tier before them, in order.
// An empty result means unit prices never rise with quantity.
func (t TierTable) Warnings() []TierWarning {
	var ws []TierWarning
	for i := 1; i < len(t.tiers); i++ {
		if t.tiers[i].Price.dec().Cmp(t.tiers[i-1].Price.dec()) > 0 {
			ws = append(ws, TierWarning{Index: i, Tier: t.tiers[i], Prev: t.tiers[i-1]})
		}
	}
	return ws
}

// TierLine is one tier's share of a [TierQuote]: Qty units at UnitPrice,
// Amount = Qty × UnitPrice.
type TierLine struct {
	Index     int   // index of the tier in the table
	MinQty    int64 // the tier's break
	Qty       int64 // units priced in this tier
	UnitPrice Money
	Amount    Money
}

// TierQuote is the price of a quantity under a [TierTable]: the total and
// the tiers that applied. Total is exact (Σ Qty × UnitPrice); it has more
// digits than the minor unit only if the tier prices do.
type TierQuote struct {
	Qty   int64
	Mode  TierMode
	Total Money
	Lines []TierLine // one line for AllUnits; one per tier reached for Incremental
}

// Price returns the price of qty units:
//
//	all-units:   total = qty × price(k), k the highest tier with MinQty ≤ qty
//	incremental: total = Σ_k units_k × price(k), units_k = the units of
//	             [MinQty_k, MinQty_{k+1}) that are ≤ qty
//
// Quantity 0 costs zero and has no lines. Errors: qty < 0
// ([ErrInvalidQuantity]); an invalid mode ([ErrInvalidTierMode]); the zero
// TierTable ([ErrInvalidTiers]).
func (t TierTable) Price(qty int64, mode TierMode) (TierQuote, error) {
	if !mode.IsValid() {
		return TierQuote{}, fmt.Errorf("pricing: tier price: mode %d: %w", mode, ErrInvalidTierMode)
	}
	if len(t.tiers) == 0 {
		return TierQuote{}, fmt.Errorf("pricing: tier price: %w: no tiers", ErrInvalidTiers)
	}
	if qty < 0 {
		return TierQuote{}, fmt.Errorf("pricing: tier price: qty %d: %w", qty, ErrInvalidQuantity)
	}
	q := TierQuote{Qty: qty, Mode: mode, Total: Zero(t.Currency())}
	if qty == 0 {
		return q, nil
	}
	// k: the highest tier reached.
	k := sort.Search(len(t.tiers), func(i int) bool { return t.tiers[i].MinQty > qty }) - 1
	if mode == AllUnits {
		tr := t.tiers[k]
		amt := tr.Price.MulInt(qty)
		q.Total = amt
		q.Lines = []TierLine{{Index: k, MinQty: tr.MinQty, Qty: qty, UnitPrice: tr.Price, Amount: amt}}
		return q, nil
	}
	q.Lines = make([]TierLine, 0, k+1)
	total := q.Total.dec()
	for i := 0; i <= k; i++ {
		tr := t.tiers[i]
		last := qty // last unit in this tier
		if i < k {
			last = t.tiers[i+1].MinQty - 1
		}
		n := last - tr.MinQty + 1
		amt := tr.Price.MulInt(n)
		total = total.Add(amt.dec())
		q.Lines = append(q.Lines, TierLine{Index: i, MinQty: tr.MinQty, Qty: n, UnitPrice: tr.Price, Amount: amt})
	}
	q.Total = fromDecimal(total, t.Currency())
	return q, nil
}
