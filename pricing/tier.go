package pricing

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/opskit/opskit/internal/strictjson"
)

// Tier is one break of a quantity tier table (阶梯价): from MinQty units
// on, the unit price is Price.
type Tier struct {
	MinQty int64 `json:"min_qty"` // first quantity the tier applies to, at least 1
	Price  Money `json:"price"`   // unit price, non-negative
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

var tierModeNames = [...]string{"", "all-units", "incremental"}

// String returns "all-units" or "incremental" (the text form is
// snake_case: "all_units").
func (m TierMode) String() string {
	if m.IsValid() {
		return tierModeNames[m]
	}
	return fmt.Sprintf("TierMode(%d)", m)
}

// MarshalText encodes "all_units" or "incremental", and the zero TierMode
// (unset) as ""; an undefined mode is an error ([ErrInvalidTierMode]).
func (m TierMode) MarshalText() ([]byte, error) {
	if m != 0 && !m.IsValid() {
		return nil, fieldErr("encode tier mode", "", strconv.Itoa(int(m)), ErrInvalidTierMode, "")
	}
	return marshalName("encode tier mode", int(m), tierModeNames[:])
}

// UnmarshalText decodes "all_units", "incremental" or "" (the zero
// TierMode); anything else is an error ([ErrInvalidTierMode]).
func (m *TierMode) UnmarshalText(b []byte) error {
	i, err := unmarshalName("decode tier mode", b, tierModeNames[:])
	if err != nil {
		return fieldErr("decode tier mode", "", clip(string(b)), ErrInvalidTierMode, "want all_units or incremental")
	}
	*m = TierMode(i)
	return nil
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
	Index int  `json:"index"` // index of the dearer tier
	Tier  Tier `json:"tier"`  // the dearer tier
	Prev  Tier `json:"prev"`  // the tier before it
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
// ([ErrInvalidTiers]); a price without currency ([ErrUnknownCurrency]); a
// negative price ([ErrNegativePrice]); mixed currencies
// ([ErrCurrencyMismatch]).
func NewTierTable(tiers ...Tier) (TierTable, error) {
	const op = "new tier table"
	if len(tiers) == 0 {
		return TierTable{}, fieldErr(op, "tiers", "", ErrInvalidTiers, "no tiers")
	}
	cur := tiers[0].Price.currency
	for i, t := range tiers {
		field := "tiers[" + strconv.Itoa(i) + "]"
		switch {
		case i == 0 && t.MinQty != 1:
			return TierTable{}, fieldErr(op, field+".min_qty", strconv.FormatInt(t.MinQty, 10), ErrInvalidTiers, "the first break must be at 1")
		case i > 0 && t.MinQty <= tiers[i-1].MinQty:
			return TierTable{}, fieldErr(op, field+".min_qty", strconv.FormatInt(t.MinQty, 10), ErrInvalidTiers,
				"breaks must strictly increase (previous %d)", tiers[i-1].MinQty)
		}
		if err := checkPrice(t.Price, cur); err != nil {
			return TierTable{}, fieldErr(op, field+".price", t.Price.String(), err, "")
		}
	}
	return TierTable{tiers: append([]Tier(nil), tiers...)}, nil
}

// checkPrice validates a price: a known currency equal to cur, not
// negative. It returns the reason for a *FieldError, or nil.
func checkPrice(p Money, cur Currency) error {
	switch {
	case !p.currency.IsValid():
		return ErrUnknownCurrency
	case p.currency != cur:
		return &CurrencyMismatchError{A: cur, B: p.currency}
	case p.IsNegative():
		return ErrNegativePrice
	}
	return nil
}

// tierTableJSON is the JSON form of a TierTable.
type tierTableJSON struct {
	Tiers []Tier `json:"tiers"`
}

// MarshalJSON encodes the table as {"tiers":[{"min_qty":1,"price":{...}},...]};
// the zero TierTable is null.
func (t TierTable) MarshalJSON() ([]byte, error) {
	if len(t.tiers) == 0 {
		return []byte("null"), nil
	}
	return json.Marshal(tierTableJSON{Tiers: t.tiers})
}

// UnmarshalJSON decodes the form of [TierTable.MarshalJSON] and validates
// it as [NewTierTable] does; unknown keys are an error ([ErrInvalidTiers]).
// null is the zero TierTable.
func (t *TierTable) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		*t = TierTable{}
		return nil
	}
	var v tierTableJSON
	if err := decodeStrict(b, &v); err != nil {
		return decodeErr("decode tier table", ErrInvalidTiers, err)
	}
	tt, err := NewTierTable(v.Tiers...)
	if err != nil {
		return err
	}
	*t = tt
	return nil
}

// decodeStrict decodes one JSON value into v, rejecting unknown and
// repeated keys, trailing data and deep nesting (internal/strictjson).
// Errors from Money and the enums come back unchanged.
func decodeStrict(b []byte, v any) error { return strictjson.Decode(b, v) }

// isNull reports whether b is the JSON literal null.
func isNull(b []byte) bool { return string(bytes.TrimSpace(b)) == "null" }

// decodeErr returns a decoding error as a *FieldError: as is when it is one
// already (from Money or an enum), else wrapping sentinel.
func decodeErr(op string, sentinel, err error) error {
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe
	}
	var se *strictjson.Error
	if errors.As(err, &se) {
		if se.Problem == strictjson.TooDeep {
			sentinel = ErrTooLarge
		}
		return fieldErr(op, se.Path, "", sentinel, "%s", se.Detail)
	}
	return fieldErr(op, "", "", sentinel, "%s", strings.TrimPrefix(err.Error(), "json: "))
}

// Tiers returns a copy of the tiers.
func (t TierTable) Tiers() []Tier { return append([]Tier(nil), t.tiers...) }

// currency returns the currency of the table's prices.
func (t TierTable) currency() Currency {
	if len(t.tiers) == 0 {
		return 0
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
	Index     int   `json:"index"`   // index of the tier in the table
	MinQty    int64 `json:"min_qty"` // the tier's break
	Qty       int64 `json:"qty"`     // units priced in this tier
	UnitPrice Money `json:"unit_price"`
	Amount    Money `json:"amount"`
}

// TierQuote is the price of a quantity under a [TierTable]: the total and
// the tiers that applied. Total is exact (Σ Qty × UnitPrice); it has more
// digits than the minor unit only if the tier prices do.
type TierQuote struct {
	Qty   int64      `json:"qty"`
	Mode  TierMode   `json:"mode"`
	Total Money      `json:"total"`
	Lines []TierLine `json:"lines"` // one line for AllUnits; one per tier reached for Incremental
}

// Price returns the price of qty units:
//
//	all-units:   total = qty × price(k), k the highest tier with MinQty ≤ qty
//	incremental: total = Σ_k units_k × price(k), units_k = the units of
//	             [MinQty_k, MinQty_{k+1}) that are ≤ qty
//
// Quantity 0 costs zero and has no lines. Errors: qty < 0
// ([ErrInvalidQuantity]); an invalid mode ([ErrInvalidTierMode]); the zero
// TierTable ([ErrInvalidTiers]); a total beyond 10^[MaxMagnitude]
// ([ErrTooLarge]).
func (t TierTable) Price(qty int64, mode TierMode) (TierQuote, error) {
	const op = "tier price"
	if !mode.IsValid() {
		return TierQuote{}, fieldErr(op, "mode", strconv.Itoa(int(mode)), ErrInvalidTierMode, "")
	}
	if len(t.tiers) == 0 {
		return TierQuote{}, fieldErr(op, "", "", ErrInvalidTiers, "no tiers")
	}
	if qty < 0 {
		return TierQuote{}, fieldErr(op, "qty", strconv.FormatInt(qty, 10), ErrInvalidQuantity, "")
	}
	q := TierQuote{Qty: qty, Mode: mode, Total: Zero(t.currency())}
	if qty == 0 {
		return q, nil
	}
	// k: the highest tier reached.
	k := sort.Search(len(t.tiers), func(i int) bool { return t.tiers[i].MinQty > qty }) - 1
	if mode == AllUnits {
		tr := t.tiers[k]
		amt, err := tr.Price.MulInt(qty)
		if err != nil {
			return TierQuote{}, fieldErr(op, "qty", strconv.FormatInt(qty, 10), ErrTooLarge, "total "+tooLargeDetail)
		}
		q.Total = amt
		q.Lines = []TierLine{{Index: k, MinQty: tr.MinQty, Qty: qty, UnitPrice: tr.Price, Amount: amt}}
		return q, nil
	}
	q.Lines = make([]TierLine, 0, k+1)
	total := q.Total
	for i := 0; i <= k; i++ {
		tr := t.tiers[i]
		last := qty // last unit in this tier
		if i < k {
			last = t.tiers[i+1].MinQty - 1
		}
		n := last - tr.MinQty + 1 // 1 ≤ MinQty ≤ last ≤ qty: no overflow
		amt, err := tr.Price.MulInt(n)
		if err == nil {
			total, err = add(op, total, amt, total.currency)
		}
		if err != nil {
			return TierQuote{}, fieldErr(op, "qty", strconv.FormatInt(qty, 10), ErrTooLarge, "total "+tooLargeDetail)
		}
		q.Lines = append(q.Lines, TierLine{Index: i, MinQty: tr.MinQty, Qty: n, UnitPrice: tr.Price, Amount: amt})
	}
	q.Total = total
	return q, nil
}
