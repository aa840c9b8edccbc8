package promo_test

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTierOrderErrorNamesThePreviousTier: NewEngine rejects tiers that do
// not rise and names the tier before the bad one (rule.go): 满200 then
// 满150 fails at tiers[1], "must be greater than tiers[0].min_amount".
func TestTierOrderErrorNamesThePreviousTier(t *testing.T) {
	_, err := promo.NewEngine(pricing.CNY, []promo.Promotion{{ID: "t", Action: promo.Threshold{Tiers: []promo.Tier{
		{MinAmount: cny("200.00"), Off: cny("20.00")}, {MinAmount: cny("150.00"), Off: cny("30.00")}}}}})
	require.ErrorIs(t, err, promo.ErrInvalidAction)
	assert.Contains(t, err.Error(), "tiers[1].min_amount")
	assert.Contains(t, err.Error(), "must be greater than tiers[0].min_amount")
}
