package pricing

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	auditStart = time.Date(2024, 11, 1, 0, 0, 0, 0, time.UTC)
	auditEnd   = time.Date(2024, 11, 12, 0, 0, 0, 0, time.UTC)
)

func TestWindow(t *testing.T) {
	w := TimeWindow{auditStart, auditEnd}
	require.NoError(t, w.Validate())
	assert.True(t, w.Contains(auditStart))
	assert.True(t, w.Contains(auditEnd.Add(-time.Nanosecond)))
	assert.False(t, w.Contains(auditEnd)) // half-open
	assert.False(t, w.Contains(auditStart.Add(-time.Nanosecond)))
	assert.False(t, w.IsZero())
	assert.True(t, TimeWindow{}.IsZero())
	assert.ErrorIs(t, TimeWindow{auditEnd, auditStart}.Validate(), ErrInvalidTimeWindow)
	assert.ErrorIs(t, TimeWindow{auditEnd, auditEnd}.Validate(), ErrInvalidTimeWindow)
}

func TestAuditListing(t *testing.T) {
	promo := TimeWindow{auditStart, auditEnd}
	during := auditStart.Add(48 * time.Hour)
	after := auditEnd.Add(time.Hour)
	tests := []struct {
		name string
		give Listing
		at   time.Time
		want []AuditCode
	}{
		// P-13: the promotion ended, the image still shows 59.00.
		{"stale image", Listing{ruleCNY("59.00"), ruleCNY("79.00"), ruleCNY("79.00"), promo, false}, after, []AuditCode{StalePromoPrice}},
		{"image right during promo", Listing{ruleCNY("59.00"), ruleCNY("59.0"), ruleCNY("79.00"), promo, true}, during, nil},
		{"image wrong during promo", Listing{ruleCNY("55.00"), ruleCNY("59.00"), ruleCNY("79.00"), promo, true}, during, []AuditCode{DisplayMismatch}},
		{"no promo", Listing{ruleCNY("55.00"), ruleCNY("59.00"), ruleCNY("79.00"), TimeWindow{}, true}, during, []AuditCode{DisplayMismatch}},
		{"no image", Listing{Money{}, ruleCNY("79.00"), ruleCNY("79.00"), promo, false}, after, nil},
		// P-15: price back up to list, still in the discount category.
		{"stale category", Listing{ruleCNY("59.00"), ruleCNY("79.00"), ruleCNY("79.00"), promo, true}, after, []AuditCode{StalePromoPrice, StaleDiscountCategory}},
		{"missing category", Listing{Money{}, ruleCNY("59.00"), ruleCNY("79.00"), promo, false}, during, []AuditCode{MissingDiscountCategory}},
	}
	for _, tt := range tests {
		issues, err := AuditListing(tt.give, tt.at)
		require.NoError(t, err, tt.name)
		var got []AuditCode
		for _, is := range issues {
			got = append(got, is.Code)
		}
		assert.Equal(t, tt.want, got, tt.name)
	}
	issues, err := AuditListing(tests[5].give, after)
	require.NoError(t, err)
	assert.Equal(t, "stale-promo-price: displayed CNY 59.00, actual CNY 79.00, at 2024-11-12T01:00:00Z outside the promotion [2024-11-01T00:00:00Z, 2024-11-12T00:00:00Z)", issues[0].String())
	assert.Equal(t, "stale-discount-category: in the discount category at CNY 79.00, list CNY 79.00", issues[1].String())
	assert.Equal(t, "display-mismatch", DisplayMismatch.String())
	assert.Equal(t, "missing-discount-category", MissingDiscountCategory.String())
	assert.Equal(t, "AuditCode(0)", AuditCode(0).String())
}

func TestAuditListingErrors(t *testing.T) {
	tests := []struct {
		name string
		give Listing
		want error
	}{
		{"no actual", Listing{List: ruleCNY("1")}, ErrUnknownCurrency},
		{"no list", Listing{Actual: ruleCNY("1")}, ErrUnknownCurrency},
		{"list currency", Listing{Actual: ruleCNY("1"), List: MustNew("1", USD)}, ErrCurrencyMismatch},
		{"displayed currency", Listing{Displayed: MustNew("1", USD), Actual: ruleCNY("1"), List: ruleCNY("1")}, ErrCurrencyMismatch},
		{"bad window", Listing{Actual: ruleCNY("1"), List: ruleCNY("1"), Promo: TimeWindow{auditEnd, auditStart}}, ErrInvalidTimeWindow},
	}
	for _, tt := range tests {
		_, err := AuditListing(tt.give, auditStart)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
}
