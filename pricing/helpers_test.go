package pricing_test

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cny parses a CNY amount for a test table.
func cny(s string) pricing.Money { return pricing.MustNew(s, pricing.CNY) }

// assertMoney checks that got equals want, printing both in Money form
// (1.5 and 1.50 are equal; CNY and USD are not).
func assertMoney(t *testing.T, want, got pricing.Money, msgAndArgs ...any) {
	t.Helper()
	assert.Truef(t, want.Equal(got), "got %s, want %s %v", got, want, msgAndArgs)
}

// assertMonies checks two lists of Money element by element.
func assertMonies(t *testing.T, want, got []pricing.Money) {
	t.Helper()
	require.Len(t, got, len(want))
	for i := range want {
		assertMoney(t, want[i], got[i], "index", i)
	}
}
