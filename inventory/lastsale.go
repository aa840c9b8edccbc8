package inventory

import (
	"math"
	"time"
)

// LastSaleIn derives an [Item]'s LastSale from a sales history: history holds units sold per period
// per, oldest first, and its last period ends at end (the evaluation time of a nightly job, or the
// end of yesterday). Period i covers [end - (n-i)·per, end - (n-1-i)·per).
//
// A sale in a period is dated at the end of that period, the latest time it can have happened, so
// the days since the last sale are never overstated: a sale in the last period gives end itself. When
// no period has a sale, sold is false and t is the start of the history, end - n·per: the item has
// not sold since at least then, so the slow-moving and dead-stock checks of a [Planner] still see a
// history longer than their thresholds (a zero LastSale would switch them off). A caller that knows
// an item is new should set LastSale itself.
//
// It returns an error for an empty history, a negative, NaN or infinite value or one above
// [MaxQty], a period that is not positive, or a start of history before year 1 (n·per beyond the
// range of [time.Duration] or of the calendar).
func LastSaleIn(history []float64, end time.Time, per time.Duration) (t time.Time, sold bool, err error) {
	const op = "last sale in"
	if len(history) == 0 {
		return time.Time{}, false, fieldErr(op, "history", nil, ErrEmptyHistory)
	}
	if err := checkSlice(op, "history", history, true); err != nil {
		return time.Time{}, false, err
	}
	if per <= 0 {
		return time.Time{}, false, fieldErr(op, "per", per, ErrNotPositive)
	}
	n := len(history)
	back := n // periods back from end to the end of the last period with a sale (n: none)
	for i := n - 1; i >= 0; i-- {
		if history[i] > 0 {
			back = n - 1 - i
			break
		}
	}
	if int64(back) > math.MaxInt64/int64(per) {
		return time.Time{}, false, detailErr(op, "history", nil, ErrTooLarge, "the history spans more than 292 years")
	}
	t = end.Add(-time.Duration(back) * per)
	if t.Year() < 1 {
		return time.Time{}, false, detailErr(op, "end", end, ErrTooLarge, "the history starts before year 1")
	}
	return t, back < n, nil
}
