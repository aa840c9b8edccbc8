package inventory

import (
	"math"

	"github.com/opskit/opskit/internal/checked"
)

// MaxCountLines bounds the lines of one [Reconcile] call.
const MaxCountLines = 1_000_000

// CountLine is one SKU of a stocktake (seed rules INV-09, INV-10): the quantity the books say is on
// hand, the quantity counted on the shelf, and the units sold since the previous count (for the
// shrinkage rate). All are whole units from 0 to [MaxQty].
type CountLine struct {
	ID      string `json:"id"`
	Book    int64  `json:"book"`    // on hand according to the records
	Counted int64  `json:"counted"` // on hand according to the count
	Sold    int64  `json:"sold"`    // units sold in the period the count closes
}

// CountResult is one SKU's reconciliation: the variance counted - book (negative when stock is
// missing), its rate against the book, the shrinkage (the missing units, max(book - counted, 0))
// and its rate against the units sold, and whether the line is flagged.
type CountResult struct {
	ID           string  `json:"id"`
	Book         int64   `json:"book"`
	Counted      int64   `json:"counted"`
	Variance     int64   `json:"variance"`      // counted - book
	VarianceRate float64 `json:"variance_rate"` // variance / book; 0 when the book is 0
	Shrinkage    int64   `json:"shrinkage"`     // max(book - counted, 0): units missing
	// ShrinkageRate is shrinkage / sold, the loss per unit sold in the period (the retail definition,
	// shrink as a share of sales); 0 when nothing was sold (read Shrinkage then).
	ShrinkageRate float64 `json:"shrinkage_rate"`
	// Flagged: |variance| > threshold·book, or a variance on a line whose book is 0.
	Flagged bool `json:"flagged"`
}

// StocktakeReport is the result of [Reconcile]: each line in input order and the totals.
type StocktakeReport struct {
	Lines        []CountResult `json:"lines"`
	Book         int64         `json:"book"`
	Counted      int64         `json:"counted"`
	Variance     int64         `json:"variance"`      // net: counted - book over all lines
	VarianceRate float64       `json:"variance_rate"` // net variance / book; 0 when the book is 0
	Shrinkage    int64         `json:"shrinkage"`     // the sum of the lines' shrinkage (overages do not offset it)
	Sold         int64         `json:"sold"`
	// ShrinkageRate is Shrinkage / Sold over all lines; 0 when nothing was sold.
	ShrinkageRate float64 `json:"shrinkage_rate"`
	Flagged       int64   `json:"flagged"` // lines flagged
}

// Reconcile compares book and counted quantities after a stocktake and flags the lines whose variance
// is beyond threshold (seed rules INV-09 "shrinkage warning" and INV-10 "reconcile book stock against
// physical counts"). A line is flagged when |counted - book| > threshold·book, strictly, compared
// exactly in integers with the threshold rounded to 1e-9: with a 2 % threshold and a book of 50, a
// variance of 1 unit (exactly 2 %) is not flagged and one of 2 units is. A variance on a line whose
// book is 0 is always flagged. The threshold is a share (0.02 for 2 %), from 0 to 1.
//
// The seeds give no formula; these are the decisions: the variance rate is against the book (the
// quantity the records promised), shrinkage counts missing units only, so that found units on one
// line never hide losses on another, and the shrinkage rate is against units sold in the period,
// the usual retail definition. Totals are summed with internal/checked.
//
// It returns an error for no lines, more than [MaxCountLines], a duplicate ID, a quantity that is
// negative or above [MaxQty], or a threshold outside [0, 1] or NaN.
func Reconcile(lines []CountLine, threshold float64) (StocktakeReport, error) {
	const op = "reconcile"
	if len(lines) == 0 {
		return StocktakeReport{}, fieldErr(op, "lines", nil, ErrEmptyHistory)
	}
	if len(lines) > MaxCountLines {
		return StocktakeReport{}, detailErr(op, "lines", len(lines), ErrTooLarge, "at most 1000000 lines")
	}
	if !(threshold >= 0 && threshold <= 1) {
		return StocktakeReport{}, detailErr(op, "threshold", threshold, ErrServiceLevel, "a share from 0 to 1")
	}
	// threshold·1e9 rounded: a per-billion integer, so that the flag compares exact integers.
	perBillion := int64(math.Round(threshold * 1e9))
	seen := make(map[string]struct{}, len(lines))
	r := StocktakeReport{Lines: make([]CountResult, len(lines))}
	for i, l := range lines {
		for _, f := range [...]struct {
			name string
			v    int64
		}{{"book", l.Book}, {"counted", l.Counted}, {"sold", l.Sold}} {
			if f.v < 0 {
				return StocktakeReport{}, fieldErr(op, indexed("lines", i)+"."+f.name, f.v, ErrNegative)
			}
			if f.v > MaxQty {
				return StocktakeReport{}, detailErr(op, indexed("lines", i)+"."+f.name, f.v, ErrTooLarge, maxQtyDetail)
			}
		}
		if _, dup := seen[l.ID]; dup {
			return StocktakeReport{}, fieldErr(op, indexed("lines", i)+".id", l.ID, ErrDuplicateID)
		}
		seen[l.ID] = struct{}{}
		v := l.Counted - l.Book // both within [0, 1e15]
		c := CountResult{ID: l.ID, Book: l.Book, Counted: l.Counted, Variance: v, Shrinkage: max(-v, 0)}
		if l.Book > 0 {
			c.VarianceRate = float64(v) / float64(l.Book)
			c.Flagged = exceeds(abs64(v), perBillion, l.Book)
		} else {
			c.Flagged = v != 0
		}
		if l.Sold > 0 {
			c.ShrinkageRate = float64(c.Shrinkage) / float64(l.Sold)
		}
		r.Lines[i] = c
		var ok1, ok2, ok3, ok4 bool
		r.Book, ok1 = checked.Add(r.Book, l.Book)
		r.Counted, ok2 = checked.Add(r.Counted, l.Counted)
		r.Shrinkage, ok3 = checked.Add(r.Shrinkage, c.Shrinkage)
		r.Sold, ok4 = checked.Add(r.Sold, l.Sold)
		if !(ok1 && ok2 && ok3 && ok4) { // a million lines of up to 1e15 units can pass 9.2e18
			return StocktakeReport{}, detailErr(op, indexed("lines", i), nil, ErrTooLarge, "a total overflows int64")
		}
		if c.Flagged {
			r.Flagged++
		}
	}
	r.Variance = r.Counted - r.Book // each total fits in int64, and both are non-negative
	if r.Book > 0 {
		r.VarianceRate = float64(r.Variance) / float64(r.Book)
	}
	if r.Sold > 0 {
		r.ShrinkageRate = float64(r.Shrinkage) / float64(r.Sold)
	}
	return r, nil
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// exceeds reports whether a·1e9 > perBillion·b exactly, for a, b in [0, 1e15] and perBillion in
// [0, 1e9]. With b = bHi·1e9 + bLo, perBillion·b = hi·1e9 + rem where hi = perBillion·bHi +
// ⌊perBillion·bLo/1e9⌋ and 0 ≤ rem < 1e9 (no product exceeds 1e18), so a·1e9 > perBillion·b
// exactly when a > hi.
func exceeds(a, perBillion, b int64) bool {
	const e9 = 1_000_000_000
	hi := perBillion*(b/e9) + perBillion*(b%e9)/e9
	return a > hi
}
