package promo

import (
	"fmt"
	"math/bits"
	"strconv"
	"time"

	"github.com/opskit/opskit/pricing"
)

// Loss is what [Engine.WorstCart] maximises over carts.
type Loss uint8

const (
	// LossDiscountShare is what the customer gets (list value minus what
	// the goods pay, plus the declared value of gifts) as a share of the
	// list value of the goods. Shipping is left out.
	LossDiscountShare Loss = iota + 1
	// LossBelowCost is the amount sold below cost: over every unit, cost
	// minus what it pays where that is positive, plus the cost of every
	// gift the catalog has a cost for. Items without a cost count zero.
	LossBelowCost
	// LossFloorDepth is the deepest unit price against its floor: the
	// largest 1 − paid/floor over the units that have a floor under the
	// query's floor policy for a normal sale (no campaign), so units of an
	// exempt campaign are measured too.
	LossFloorDepth
)

var lossNames = [...]string{"", "discount_share", "below_cost", "floor_depth"}

// String returns the loss's name: "discount_share", "below_cost" or
// "floor_depth".
func (l Loss) String() string {
	if l == 0 || int(l) >= len(lossNames) {
		return "Loss(" + strconv.Itoa(int(l)) + ")"
	}
	return lossNames[l]
}

// MarshalText returns the loss's name.
func (l Loss) MarshalText() ([]byte, error) { return textOfEnum("loss", int(l), lossNames[:]) }

// UnmarshalText reads a name written by [Loss.MarshalText]; any other text
// is an error and leaves l unchanged.
func (l *Loss) UnmarshalText(b []byte) error {
	i, err := enumOfText("loss", b, lossNames[:])
	if err == nil {
		*l = Loss(i)
	}
	return err
}

// Shopper is one kind of customer who may hold a cart: who (tier, first
// order, tags), in which channel, and the coupon codes they can hold at
// once (entered together).
type Shopper struct {
	Customer Customer `json:"customer"`
	Channel  string   `json:"channel,omitempty"`
	Coupons  []string `json:"coupons,omitempty"`
}

// WorstCartQuery is the space [Engine.WorstCart] searches: carts of the
// catalog's items (each at its list price, at most its MaxQty units, at
// most MaxUnits units in all), held by each of the shoppers, evaluated at
// At.
type WorstCartQuery struct {
	Catalog  []CatalogItem `json:"catalog"`
	MaxQty   []int64       `json:"max_qty,omitempty"` // per catalog item, the most a customer may buy; absent or 0: MaxUnits
	Shoppers []Shopper     `json:"shoppers,omitempty"`
	Loss     Loss          `json:"loss"`
	MaxUnits int64         `json:"max_units"` // at least 1, at most MaxWorstCartUnits
	At       time.Time     `json:"at"`
	// Floor is the policy floors are measured against for
	// [LossFloorDepth]; it must have rules then.
	Floor pricing.FloorPolicy `json:"-"`
	// Budget is the most carts evaluated; 0 means [DefaultWorstCartBudget].
	Budget int64 `json:"budget,omitempty"`
}

// Limits of [Engine.WorstCart].
const (
	MaxWorstCartUnits      = 1_000     // the most units of a searched cart
	MaxWorstCartItems      = 1_000     // the most catalog items searched
	MaxShoppers            = 100       // the most shoppers
	DefaultWorstCartBudget = 20_000    // carts evaluated by default
	MaxWorstCartBudget     = 1_000_000 // the most carts a query may ask to evaluate
)

// WorstCart is the worst cart found: the witness cart, its evaluated
// Result (whose explanations say why it is so bad), the loss and its
// score, and whether the search covered every cart of the space.
type WorstCart struct {
	Cart   Cart   `json:"cart"`
	Result Result `json:"result"`
	Loss   Loss   `json:"loss"`
	// Score is the loss as a number for display: a share for
	// LossDiscountShare and LossFloorDepth (0.35 is 35 %), an amount in
	// major units for LossBelowCost. Compare carts with the exact fields.
	Score float64 `json:"score"`
	// Discount and ListValue are the exact parts of LossDiscountShare;
	// BelowCost is LossBelowCost's amount; DeepestLine, DeepestPaid and
	// DeepestFloor name the unit of LossFloorDepth.
	Discount     pricing.Money `json:"discount,omitzero"`
	ListValue    pricing.Money `json:"list_value,omitzero"`
	BelowCost    pricing.Money `json:"below_cost,omitzero"`
	DeepestLine  string        `json:"deepest_line,omitempty"`
	DeepestPaid  pricing.Money `json:"deepest_paid,omitzero"`
	DeepestFloor pricing.Money `json:"deepest_floor,omitzero"`
	// Proven reports that every cart of the space was evaluated, so no
	// cart of at most MaxUnits units is worse; otherwise the cart is the
	// worst the heuristic found within the budget.
	Proven bool `json:"proven"`
	// Carts is the number of carts evaluated.
	Carts int64 `json:"carts"`
	// Found is false when no cart had a score (LossFloorDepth with no unit
	// under a floor, or an empty catalog).
	Found bool `json:"found"`
}

// opWorstCart names WorstCart in errors.
const opWorstCart = "worst cart"

// worstErr builds a WorstCart input error.
func worstErr(field, value string, err error, why string, args ...any) error {
	fe := fieldErr(field, value, err, why, args...)
	fe.Op = opWorstCart
	return fe
}

// validate checks the query against the engine's currency.
func (q *WorstCartQuery) validate(cur pricing.Currency) error {
	switch {
	case q.Loss == 0 || int(q.Loss) >= len(lossNames):
		return worstErr("loss", strconv.Itoa(int(q.Loss)), ErrInvalidOption, "want discount_share, below_cost or floor_depth")
	case q.MaxUnits < 1 || q.MaxUnits > MaxWorstCartUnits:
		return worstErr("max_units", strconv.FormatInt(q.MaxUnits, 10), ErrTooLarge, "want 1 to %d", MaxWorstCartUnits)
	case len(q.Catalog) > MaxWorstCartItems:
		return worstErr("catalog", strconv.Itoa(len(q.Catalog)), ErrTooLarge, "at most %d items", MaxWorstCartItems)
	case len(q.MaxQty) > len(q.Catalog):
		return worstErr("max_qty", strconv.Itoa(len(q.MaxQty)), ErrInvalidOption, "at most one per catalog item (%d)", len(q.Catalog))
	case len(q.Shoppers) > MaxShoppers:
		return worstErr("shoppers", strconv.Itoa(len(q.Shoppers)), ErrTooLarge, "at most %d", MaxShoppers)
	case q.At.IsZero():
		return worstErr("at", "", ErrInvalidOption, "the evaluation time is required")
	case q.Budget < 0 || q.Budget > MaxWorstCartBudget:
		return worstErr("budget", strconv.FormatInt(q.Budget, 10), ErrTooLarge, "want 0 to %d", MaxWorstCartBudget)
	case q.Loss == LossFloorDepth && !q.Floor.HasRules():
		return worstErr("floor", "", ErrInvalidOption, "floor_depth needs a floor policy with rules")
	}
	seen := make(map[string]bool, len(q.Catalog))
	for i := range q.Catalog {
		it := &q.Catalog[i]
		path := fmt.Sprintf("catalog[%d]", i)
		if it.SKU == "" || seen[it.SKU] {
			return worstErr(path+".sku", strconv.Quote(it.SKU), ErrInvalidOption, "a unique SKU is required")
		}
		seen[it.SKU] = true
		if _, err := minorOf(path+".list_price", it.ListPrice, cur); err != nil {
			return worstErr(path+".list_price", it.ListPrice.String(), ErrInvalidOption, "a list price in %s is required", cur)
		}
		if _, err := optMinor(path+".cost", it.Cost, cur); err != nil {
			return worstErr(path+".cost", it.Cost.String(), ErrInvalidOption, "want an amount in %s", cur)
		}
		if len(it.Categories) > MaxLabels || len(it.Tags) > MaxLabels {
			return worstErr(path, "", ErrTooLarge, "at most %d categories and tags each", MaxLabels)
		}
	}
	for i, m := range q.MaxQty {
		if m < 0 {
			return worstErr(fmt.Sprintf("max_qty[%d]", i), strconv.FormatInt(m, 10), ErrInvalidOption, "must not be negative")
		}
	}
	for i, s := range q.Shoppers {
		if len(s.Coupons) > MaxCoupons {
			return worstErr(fmt.Sprintf("shoppers[%d].coupons", i), strconv.Itoa(len(s.Coupons)), ErrTooLarge, "at most %d", MaxCoupons)
		}
	}
	return nil
}

// ratio is an exact non-negative fraction num/den (den > 0).
type ratio struct{ num, den uint64 }

// less reports a < b exactly (128-bit products).
func (a ratio) less(b ratio) bool {
	h1, l1 := bits.Mul64(a.num, b.den)
	h2, l2 := bits.Mul64(b.num, a.den)
	return h1 < h2 || h1 == h2 && l1 < l2
}

// float is the ratio as a float64, for display.
func (a ratio) float() float64 { return float64(a.num) / float64(a.den) }
