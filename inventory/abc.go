package inventory

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/shopspring/decimal"
	"golang.org/x/exp/stats"
)

// ABCClass is an ABC class (ABC分类): A for the few items carrying most of the value, C for the many
// carrying little.
type ABCClass uint8

// ABC classes. The zero value is not a class.
const (
	ClassA ABCClass = iota + 1
	ClassB
	ClassC
)

// String returns "A", "B" or "C".
func (c ABCClass) String() string {
	switch c {
	case ClassA:
		return "A"
	case ClassB:
		return "B"
	case ClassC:
		return "C"
	}
	return fmt.Sprintf("ABCClass(%d)", uint8(c))
}

// ABCCuts are the value shares of classes A and B in a Pareto (ABC, 二八法则, seed rule INV-14)
// analysis; C takes the rest. Build them with [NewABCCuts] or [DefaultABCCuts]. The zero value is
// invalid.
type ABCCuts struct {
	a, b     decimal.Decimal // cumulative shares at which A and B end
	boundary ABCBoundary
}

// ABCBoundary says which class gets the item whose cumulative value crosses a cut. Its text form is
// "up" or "down".
type ABCBoundary uint8

// ABC boundary rules. The zero value, CrossingUp, is the default.
const (
	// CrossingUp puts the crossing item in the upper class: an item belongs to the class in which its
	// cumulative value starts, so A is the smallest prefix whose value reaches the A share (an item
	// that takes the share from 70 % to 90 % is A). Every class that has items gets the first of
	// them, and a single item worth 95 % of the value is A.
	CrossingUp ABCBoundary = iota
	// CrossingDown puts the crossing item in the lower class: an item belongs to the class in which
	// its cumulative value ends, so A is the largest prefix whose value stays within the A share
	// (the item that takes the share from 70 % to 90 % is B). A is empty when the first item alone
	// is worth more than the A share.
	CrossingDown
)

// String returns "crossing item up" or "crossing item down".
func (b ABCBoundary) String() string {
	switch b {
	case CrossingUp:
		return "crossing item up"
	case CrossingDown:
		return "crossing item down"
	}
	return fmt.Sprintf("ABCBoundary(%d)", uint8(b))
}

// Boundary returns the cuts' boundary rule.
func (c ABCCuts) Boundary() ABCBoundary { return c.boundary }

// DefaultABCCuts returns the usual 80/15/5 cuts: A up to 80 % of the value, B the next 15 %, C the last 5 %.
func DefaultABCCuts() ABCCuts {
	return ABCCuts{a: decimal.New(80, -2), b: decimal.New(95, -2)}
}

// NewABCCuts returns cuts with class shares a, b and c, for example 0.8, 0.15, 0.05. Each share must
// be positive and they must sum to exactly 1. It takes the option [WithABCBoundary] (default
// [CrossingUp]).
func NewABCCuts(a, b, c decimal.Decimal, opts ...Option) (ABCCuts, error) {
	cfg, err := applyOptions("abc cuts", false, true, opts)
	if err != nil {
		return ABCCuts{}, err
	}
	for _, f := range [...]struct {
		name string
		v    decimal.Decimal
	}{{"a", a}, {"b", b}, {"c", c}} {
		if !f.v.IsPositive() {
			return ABCCuts{}, fieldErr("abc cuts", f.name, f.v, ErrNotPositive)
		}
	}
	if sum := a.Add(b).Add(c); !sum.Equal(decimal.New(1, 0)) {
		return ABCCuts{}, detailErr("abc cuts", "c", c, ErrPolicy, "the shares sum to "+sum.String()+", not 1")
	}
	return ABCCuts{a: a, b: a.Add(b), boundary: cfg.boundary}, nil
}

// MaxValueDigits bounds an [ABCItem] value: below 10^MaxValueDigits, with at most MaxValueDigits
// decimal places. It keeps the exact decimal sums of [ABC] to a bounded number of digits.
const MaxValueDigits = 30

var maxValue = decimal.New(1, MaxValueDigits)

// checkValue returns a FieldError unless 0 ≤ v < 10^MaxValueDigits with at most MaxValueDigits
// decimal places. The exponent is checked first, so a hostile exponent costs no work.
func checkValue(op, field string, v decimal.Decimal) error {
	if v.IsNegative() {
		return fieldErr(op, field, v, ErrNegative)
	}
	if e := v.Exponent(); e < -MaxValueDigits || e > MaxValueDigits {
		return detailErr(op, field, nil, ErrTooLarge, "below 1e30 with at most 30 decimal places")
	}
	if v.Cmp(maxValue) >= 0 {
		return detailErr(op, field, v, ErrTooLarge, "below 1e30")
	}
	return nil
}

// ABCItem is one item to classify and its value (annual revenue, gross margin, units...).
type ABCItem struct {
	ID    string          `json:"id"`
	Value decimal.Decimal `json:"value"` // non-negative, below 1e30, at most 30 decimal places; JSON: a string
}

// ABCResult is one item's class, with its rank and the exact cumulative share of value up to and
// including it.
type ABCResult struct {
	ID              string          `json:"id"`
	Value           decimal.Decimal `json:"value"`
	Rank            int             `json:"rank"` // 1 for the highest value
	Class           ABCClass        `json:"class"`
	CumulativeShare decimal.Decimal `json:"cumulative_share"` // exact to 16 decimal places
}

// ABC classifies items by value (Pareto analysis; Silver, Pyke & Thomas §2.4). Items are ranked by
// value, highest first, ties by ID and then input order. By default ([CrossingUp]) an item belongs to
// the class in which its cumulative value starts: the item that crosses a cut belongs to the upper
// class, so A is the smallest prefix whose value reaches the A share. With [CrossingDown] it belongs
// to the class in which its cumulative value ends (cum ≤ cut·total). Shares are compared exactly in decimal arithmetic
// (cum·1 < cut·total), never as rounded fractions, so an item at exactly 80 % is not put in B by a
// 0.7999 rounding (R's inventorize tests its cumulative share < cut in floating point, so an item
// ending exactly on a cut lands in either class by rounding: 60, 20, 10, 5, 5 at 80/95 % is ABBCC
// there, AABBC here). When every value is 0 all items are C.
//
// The result is in rank order. It returns an error for an empty list, a negative value, a duplicate ID
// or invalid cuts.
func ABC(items []ABCItem, cuts ABCCuts) ([]ABCResult, error) {
	const op = "abc"
	if !cuts.a.IsPositive() {
		return nil, detailErr(op, "cuts", nil, ErrPolicy, "the zero ABCCuts; use DefaultABCCuts or NewABCCuts")
	}
	if len(items) == 0 {
		return nil, fieldErr(op, "items", nil, ErrEmptyHistory)
	}
	seen := make(map[string]struct{}, len(items))
	total := decimal.Zero
	for i, it := range items {
		if err := checkValue(op, indexed("items", i)+".value", it.Value); err != nil {
			return nil, err
		}
		if _, dup := seen[it.ID]; dup {
			return nil, fieldErr(op, indexed("items", i)+".id", it.ID, ErrDuplicateID)
		}
		seen[it.ID] = struct{}{}
		total = total.Add(it.Value)
	}
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		if c := items[j].Value.Cmp(items[i].Value); c != 0 {
			return c
		}
		return cmp.Compare(items[i].ID, items[j].ID)
	})
	cutA, cutB := cuts.a.Mul(total), cuts.b.Mul(total)
	out := make([]ABCResult, len(items))
	cum := decimal.Zero
	for rank, i := range order {
		class := ClassC
		prev := cum
		cum = cum.Add(items[i].Value)
		switch {
		case total.IsZero():
		case cuts.boundary == CrossingDown && cum.LessThanOrEqual(cutA):
			class = ClassA
		case cuts.boundary == CrossingDown && cum.LessThanOrEqual(cutB):
			class = ClassB
		case cuts.boundary == CrossingDown:
		case prev.LessThan(cutA):
			class = ClassA
		case prev.LessThan(cutB):
			class = ClassB
		}
		share := decimal.Zero
		if !total.IsZero() {
			share = cum.DivRound(total, 16)
		}
		out[rank] = ABCResult{ID: items[i].ID, Value: items[i].Value, Rank: rank + 1, Class: class, CumulativeShare: share}
	}
	return out, nil
}

// XYZClass is an XYZ class: X for steady demand, Y for variable, Z for erratic.
type XYZClass uint8

// XYZ classes. The zero value is not a class.
const (
	ClassX XYZClass = iota + 1
	ClassY
	ClassZ
)

// String returns "X", "Y" or "Z".
func (c XYZClass) String() string {
	switch c {
	case ClassX:
		return "X"
	case ClassY:
		return "Y"
	case ClassZ:
		return "Z"
	}
	return fmt.Sprintf("XYZClass(%d)", uint8(c))
}

// XYZCuts are the coefficient-of-variation limits of classes X and Y: CV ≤ X is X, CV ≤ Y is Y,
// above is Z. The common defaults are 0.5 and 1.0 ([DefaultXYZCuts]).
type XYZCuts struct {
	X float64 `json:"x"` // the largest CV of class X
	Y float64 `json:"y"` // the largest CV of class Y
}

// DefaultXYZCuts returns X ≤ 0.5 < Y ≤ 1.0 < Z.
func DefaultXYZCuts() XYZCuts { return XYZCuts{X: 0.5, Y: 1.0} }

// XYZ classifies one demand history by its coefficient of variation CV = s/x̄ (sample standard
// deviation over mean, from golang.org/x/exp/stats). A history with zero mean has no steady demand
// and is Z. It returns the class and the CV (+Inf for a zero mean), or an error for an empty history,
// a negative or non-finite value, or cuts that are negative, non-finite or with Y < X.
func XYZ(history []float64, cuts XYZCuts) (XYZClass, float64, error) {
	const op = "xyz"
	if err := checkNonNeg(op, "cuts.x", cuts.X); err != nil {
		return 0, 0, err
	}
	if err := checkNonNeg(op, "cuts.y", cuts.Y); err != nil {
		return 0, 0, err
	}
	if cuts.Y < cuts.X {
		return 0, 0, detailErr(op, "cuts.y", cuts.Y, ErrPolicy, "below cuts.x")
	}
	if len(history) == 0 {
		return 0, 0, fieldErr(op, "history", nil, ErrEmptyHistory)
	}
	if err := checkSlice(op, "history", history, true); err != nil {
		return 0, 0, err
	}
	mean, sd := stats.MeanAndStdDev(history)
	if !(mean > 0) || !isFinite(sd) {
		return ClassZ, math.Inf(1), nil
	}
	cv := sd / mean
	switch {
	case cv <= cuts.X:
		return ClassX, cv, nil
	case cv <= cuts.Y:
		return ClassY, cv, nil
	}
	return ClassZ, cv, nil
}

// ABCXYZItem is an item for [ABCXYZ]: its value and its demand history.
type ABCXYZItem struct {
	ID      string          `json:"id"`
	Value   decimal.Decimal `json:"value"`
	History []float64       `json:"history"` // demand per period, oldest first
}

// ABCXYZResult is one item's ABC and XYZ classes. Its JSON form is the ABCResult's keys plus "xyz"
// and "cv"; a CV of +Inf (zero mean demand) is null.
type ABCXYZResult struct {
	ABCResult
	XYZ XYZClass `json:"xyz"`
	CV  float64  `json:"cv"` // +Inf for a zero mean
}

// ABCXYZMatrix counts items in each of the nine ABC × XYZ cells: [abc-1][xyz-1]. Its JSON form is
// the nested array [[AX, AY, AZ], [BX, BY, BZ], [CX, CY, CZ]].
type ABCXYZMatrix [3][3]int64

// Count returns the number of items in cell (a, x), or 0 for an invalid class.
func (m ABCXYZMatrix) Count(a ABCClass, x XYZClass) int64 {
	if a < ClassA || a > ClassC || x < ClassX || x > ClassZ {
		return 0
	}
	return m[a-1][x-1]
}

// ABCXYZ combines [ABC] and [XYZ] into the ABC-XYZ matrix: AX items (high value, steady) suit tight
// automatic replenishment, CZ items (low value, erratic) suit make-to-order or delisting. Results are
// in ABC rank order. It returns the errors of ABC and XYZ, naming the item.
func ABCXYZ(items []ABCXYZItem, abcCuts ABCCuts, xyzCuts XYZCuts) ([]ABCXYZResult, ABCXYZMatrix, error) {
	abcIn := make([]ABCItem, len(items))
	for i, it := range items {
		abcIn[i] = ABCItem{ID: it.ID, Value: it.Value}
	}
	ranked, err := ABC(abcIn, abcCuts)
	if err != nil {
		return nil, ABCXYZMatrix{}, err
	}
	byID := make(map[string]int, len(items))
	for i, it := range items {
		byID[it.ID] = i
	}
	var m ABCXYZMatrix
	out := make([]ABCXYZResult, len(ranked))
	for k, r := range ranked {
		x, cv, err := XYZ(items[byID[r.ID]].History, xyzCuts)
		if err != nil {
			return nil, ABCXYZMatrix{}, within(err, "abc xyz", indexed("items", byID[r.ID]))
		}
		out[k] = ABCXYZResult{ABCResult: r, XYZ: x, CV: cv}
		m[r.Class-1][x-1]++
	}
	return out, m, nil
}
