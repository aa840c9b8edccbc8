package promo_test

// Tests that kill the core engine's mutants (issue 19), split from
// mutation_core_test.go (which keeps the list of equivalent survivors):
// refund.go: refunds, clawbacks and the gift policy's text.

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// refund.go Refund: the clawback is measured even when the returned units
// paid nothing (a bug the mutation pass found: Refund skipped it, hiding
// the loss). 满2件减10 by quantity on 50.00 and a free 0.00 sample: 10.00
// off, all on the 50.00 unit (weights by price), which pays 40.00.
// Returning the sample leaves one unit: it now costs 50.00 and paid
// 40.00, so ClawbackTotal is 10.00 (RefundQuote's doc: what the kept units
// cost now less what they paid); nothing is paid back to deduct it from,
// so all of it is Undeducted, for the caller to settle.
func TestRefundFreeUnitClawback(t *testing.T) {
	ps := one("two", promo.Threshold{Basis: promo.ByQuantity, Tiers: []promo.Tier{{MinQty: 2, Off: cny("10.00")}}})
	c := cart(line("a", 1, "50.00"), line("free", 1, "0.00"))
	e, err := promo.NewEngine(pricing.CNY, ps)
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	require.Equal(t, []string{"40.00"}, unitsPaid(t, res, "a"))
	q, err := e.Refund(c, res, map[string]int64{"free": 1}, promo.RefundPolicy{Clawback: true})
	require.NoError(t, err)
	assert.Equal(t, "CNY 0.00", q.Refund.String())
	assert.Equal(t, "CNY 10.00", q.ClawbackTotal.String())
	assert.Equal(t, "CNY 0.00", q.Deducted.String())
	assert.Equal(t, "CNY 10.00", q.Undeducted.String())
}

// refund.go GiftPolicy.MarshalText: the policies are 0 and 1; 2 is an
// unknown policy, an error, not a name read past the end of the list.
func TestGiftPolicyTextBounds(t *testing.T) {
	b, err := promo.GiftDeducted.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "gift_deducted", string(b))
	_, err = promo.GiftPolicy(2).MarshalText()
	assert.ErrorIs(t, err, promo.ErrUnknownName)
}

// refund.go storedAmount: a stored amount of exactly MaxMinorUnits is
// valid. A unit at 100,000,000,000.00 (10^13 分) with no promotion is
// refunded in full.
func TestRefundAtMaxMinorUnits(t *testing.T) {
	c := cart(line("a", 1, "100000000000.00"))
	e, err := promo.NewEngine(pricing.CNY, nil)
	require.NoError(t, err)
	res, err := e.Evaluate(c)
	require.NoError(t, err)
	q, err := e.Refund(c, res, map[string]int64{"a": 1}, promo.RefundPolicy{})
	require.NoError(t, err)
	assert.Equal(t, "CNY 100000000000.00", q.Refund.String())
}
