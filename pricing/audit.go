package pricing

import (
	"errors"
	"fmt"
	"time"
)

// ErrInvalidWindow: a time window whose end is not after its start.
var ErrInvalidWindow = errors.New("invalid time window")

// Window is a half-open time window [Start, End), such as a promotion's
// validity (活动有效期): it contains Start and excludes End. The zero Window
// means "no window" (no promotion running): see [Window.IsZero]. Window is
// a comparable value, safe for concurrent use.
type Window struct {
	Start, End time.Time
}

// NewWindow returns the window [start, end). Errors: end not after start
// ([ErrInvalidWindow]).
func NewWindow(start, end time.Time) (Window, error) {
	w := Window{Start: start, End: end}
	if err := w.Validate(); err != nil {
		return Window{}, err
	}
	return w, nil
}

// Validate returns nil if End is after Start, and otherwise an error
// wrapping [ErrInvalidWindow].
func (w Window) Validate() error {
	if !w.End.After(w.Start) {
		return fmt.Errorf("pricing: window [%s, %s): %w: end must be after start",
			w.Start.Format(time.RFC3339), w.End.Format(time.RFC3339), ErrInvalidWindow)
	}
	return nil
}

// IsZero reports whether both ends are the zero time.
func (w Window) IsZero() bool { return w.Start.IsZero() && w.End.IsZero() }

// Contains reports whether Start ≤ t < End. A promotion ending at 00:00 is
// over at 00:00.
func (w Window) Contains(t time.Time) bool { return !t.Before(w.Start) && t.Before(w.End) }

// AuditCode classifies an [AuditIssue].
type AuditCode uint8

const (
	// StalePromoPrice: outside the promotion window the displayed price
	// (image, banner) still differs from the actual price: the promotion
	// ended and the image was not replaced (seed-rules P-13).
	StalePromoPrice AuditCode = iota + 1
	// DisplayMismatch: the displayed price differs from the actual price
	// while the promotion runs, or when there is no promotion (P-14, P-16).
	DisplayMismatch
	// StaleDiscountCategory: the item is in the discount category (折扣类目)
	// but its actual price is not below list: the price went back up and the
	// item was left there (P-15).
	StaleDiscountCategory
	// MissingDiscountCategory: the actual price is below list but the item
	// is not in the discount category (the reverse of P-15).
	MissingDiscountCategory
)

// String returns "stale-promo-price", "display-mismatch",
// "stale-discount-category" or "missing-discount-category".
func (c AuditCode) String() string {
	switch c {
	case StalePromoPrice:
		return "stale-promo-price"
	case DisplayMismatch:
		return "display-mismatch"
	case StaleDiscountCategory:
		return "stale-discount-category"
	case MissingDiscountCategory:
		return "missing-discount-category"
	}
	return fmt.Sprintf("AuditCode(%d)", c)
}

// AuditIssue is one finding of [AuditListing]: a code and a sentence with
// the prices involved.
type AuditIssue struct {
	Code   AuditCode
	Detail string
}

// String returns "code: detail".
func (i AuditIssue) String() string { return i.Code.String() + ": " + i.Detail }

// Listing is what a price audit (价格核对) looks at for one item.
type Listing struct {
	Displayed          Money  // price shown on the image or banner; the zero Money if none
	Actual             Money  // price actually charged now
	List               Money  // list price (原价)
	Promo              Window // promotion window; the zero Window if none
	InDiscountCategory bool   // listed in the discount category (折扣类目)
}

// AuditListing checks a listing at time at (the daily price-image check of
// seed-rules P-13 to P-16) and returns the issues found, in the order of
// the [AuditCode] constants; nil means the listing is consistent:
//
//   - a displayed price ≠ actual: [StalePromoPrice] if at is outside the
//     promotion window, [DisplayMismatch] inside it or without a window;
//   - in the discount category with actual ≥ list: [StaleDiscountCategory];
//   - not in it with actual < list: [MissingDiscountCategory].
//
// Prices compare by value (59.9 equals 59.90).
//
// Errors: an actual or list price without currency ([ErrUnknownCurrency]);
// prices in different currencies ([ErrCurrencyMismatch]); a non-zero
// window whose end is not after its start ([ErrInvalidWindow]).
func AuditListing(l Listing, at time.Time) ([]AuditIssue, error) {
	if !l.Actual.IsValid() {
		return nil, fmt.Errorf("pricing: audit listing: actual price %s: %w", l.Actual, ErrUnknownCurrency)
	}
	if !l.List.IsValid() {
		return nil, fmt.Errorf("pricing: audit listing: list price %s: %w", l.List, ErrUnknownCurrency)
	}
	if _, err := l.Actual.same("audit listing: actual and list", l.List); err != nil {
		return nil, err
	}
	if _, err := l.Actual.same("audit listing: actual and displayed", l.Displayed); err != nil {
		return nil, err
	}
	if !l.Promo.IsZero() {
		if err := l.Promo.Validate(); err != nil {
			return nil, fmt.Errorf("pricing: audit listing: promo: %w", err)
		}
	}
	var issues []AuditIssue
	if l.Displayed.IsValid() && !l.Displayed.dec().Equal(l.Actual.dec()) {
		switch {
		case l.Promo.IsZero():
			issues = append(issues, AuditIssue{DisplayMismatch, fmt.Sprintf("displayed %s, actual %s, no promotion", l.Displayed, l.Actual)})
		case l.Promo.Contains(at):
			issues = append(issues, AuditIssue{DisplayMismatch, fmt.Sprintf("displayed %s, actual %s, during the promotion", l.Displayed, l.Actual)})
		default:
			issues = append(issues, AuditIssue{StalePromoPrice, fmt.Sprintf("displayed %s, actual %s, at %s outside the promotion [%s, %s)",
				l.Displayed, l.Actual, at.Format(time.RFC3339), l.Promo.Start.Format(time.RFC3339), l.Promo.End.Format(time.RFC3339))})
		}
	}
	below := l.Actual.dec().Cmp(l.List.dec()) < 0
	switch {
	case l.InDiscountCategory && !below:
		issues = append(issues, AuditIssue{StaleDiscountCategory, fmt.Sprintf("in the discount category at %s, list %s", l.Actual, l.List)})
	case !l.InDiscountCategory && below:
		issues = append(issues, AuditIssue{MissingDiscountCategory, fmt.Sprintf("not in the discount category at %s, below list %s", l.Actual, l.List)})
	}
	return issues, nil
}
