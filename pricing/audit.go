package pricing

import (
	"fmt"
	"time"
)

// TimeWindow is a half-open window of instants [Start, End), such as a
// promotion's validity (活动有效期): it contains Start and excludes End, so
// a promotion ending at 00:00 is over at 00:00. (A daily range of clock
// times is a different idea, a clock range, in promo and kpi.) The zero
// TimeWindow means "no window" (no promotion running): see
// [TimeWindow.IsZero]. TimeWindow is a comparable value, safe for
// concurrent use; its JSON form is {"start":"2026-11-11T00:00:00+08:00",
// "end":...} in RFC 3339.
type TimeWindow struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// Validate returns nil if End is after Start, and otherwise a *[FieldError]
// wrapping [ErrInvalidTimeWindow].
func (w TimeWindow) Validate() error {
	if !w.End.After(w.Start) {
		return fieldErr("validate time window", "end", w.End.Format(time.RFC3339), ErrInvalidTimeWindow,
			"must be after start %s", w.Start.Format(time.RFC3339))
	}
	return nil
}

// IsZero reports whether both ends are the zero time; encoding/json's
// omitzero leaves such a window out.
func (w TimeWindow) IsZero() bool { return w.Start.IsZero() && w.End.IsZero() }

// Contains reports whether Start ≤ t < End.
func (w TimeWindow) Contains(t time.Time) bool { return !t.Before(w.Start) && t.Before(w.End) }

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

var auditCodeNames = [...]string{"", "stale-promo-price", "display-mismatch", "stale-discount-category", "missing-discount-category"}

// String returns "stale-promo-price", "display-mismatch",
// "stale-discount-category" or "missing-discount-category" (the text form
// is snake_case: "stale_promo_price").
func (c AuditCode) String() string {
	if c >= StalePromoPrice && c <= MissingDiscountCategory {
		return auditCodeNames[c]
	}
	return fmt.Sprintf("AuditCode(%d)", c)
}

// MarshalText encodes the code's snake_case name ("stale_promo_price"); the
// zero value (unset) is "", an undefined code an error ([ErrUnknownName]).
func (c AuditCode) MarshalText() ([]byte, error) {
	return marshalName("encode audit code", int(c), auditCodeNames[:])
}

// UnmarshalText decodes a name written by [AuditCode.MarshalText].
func (c *AuditCode) UnmarshalText(b []byte) error {
	i, err := unmarshalName("decode audit code", b, auditCodeNames[:])
	if err == nil {
		*c = AuditCode(i)
	}
	return err
}

// AuditIssue is one finding of [AuditListing]: a code and a sentence with
// the prices involved.
type AuditIssue struct {
	Code   AuditCode `json:"code"`
	Detail string    `json:"detail"`
}

// String returns "code: detail".
func (i AuditIssue) String() string { return i.Code.String() + ": " + i.Detail }

// Listing is what a price audit (价格核对) looks at for one item.
type Listing struct {
	Displayed          Money      `json:"displayed,omitzero"`   // price shown on the image or banner; the zero Money if none
	Actual             Money      `json:"actual"`               // price actually charged now
	List               Money      `json:"list"`                 // list price (原价)
	Promo              TimeWindow `json:"promo,omitzero"`       // promotion window; the zero TimeWindow if none
	InDiscountCategory bool       `json:"in_discount_category"` // listed in the discount category (折扣类目)
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
// window whose end is not after its start ([ErrInvalidTimeWindow]).
func AuditListing(l Listing, at time.Time) ([]AuditIssue, error) {
	const op = "audit listing"
	if !l.Actual.IsValid() {
		return nil, fieldErr(op, "actual", l.Actual.String(), ErrUnknownCurrency, "")
	}
	if !l.List.IsValid() {
		return nil, fieldErr(op, "list", l.List.String(), ErrUnknownCurrency, "")
	}
	if l.List.currency != l.Actual.currency {
		return nil, mismatch(op, "list", l.List.String(), l.Actual.currency, l.List.currency)
	}
	if l.Displayed.IsValid() && l.Displayed.currency != l.Actual.currency {
		return nil, mismatch(op, "displayed", l.Displayed.String(), l.Actual.currency, l.Displayed.currency)
	}
	if !l.Promo.IsZero() && !l.Promo.End.After(l.Promo.Start) {
		return nil, fieldErr(op, "promo.end", l.Promo.End.Format(time.RFC3339), ErrInvalidTimeWindow,
			"must be after start %s", l.Promo.Start.Format(time.RFC3339))
	}
	var issues []AuditIssue
	if l.Displayed.IsValid() && cmpAmount(l.Displayed, l.Actual) != 0 {
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
	below := cmpAmount(l.Actual, l.List) < 0
	switch {
	case l.InDiscountCategory && !below:
		issues = append(issues, AuditIssue{StaleDiscountCategory, fmt.Sprintf("in the discount category at %s, list %s", l.Actual, l.List)})
	case !l.InDiscountCategory && below:
		issues = append(issues, AuditIssue{MissingDiscountCategory, fmt.Sprintf("not in the discount category at %s, below list %s", l.Actual, l.List)})
	}
	return issues, nil
}
