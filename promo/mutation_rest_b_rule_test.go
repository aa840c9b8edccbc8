package promo_test

// Tests that kill mutants of rule.go (issue 19, the gremlins run over the
// rest of package promo); the equivalent ones are listed in
// mutation_rest_b_test.go.

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
)

// rule.go Threshold.compile: tiers must rise from the last valid one; a
// tier whose minimum is itself invalid sets no bar for the next. A first
// tier in dollars is one problem; the second tier, at 0.01, is then
// compared with nothing, so the error names the first tier alone.
func TestThresholdTierAfterInvalidOne(t *testing.T) {
	_, err := promo.NewEngine(pricing.CNY, one("p", promo.Threshold{Tiers: []promo.Tier{
		{MinAmount: pricing.MustNew("1.00", pricing.USD), Off: cny("1.00")}, {MinAmount: cny("0.01"), Off: cny("0.01")}}}))
	assert.EqualError(t, err, "promo: new engine: promotions[0].action.tiers[0].min_amount USD 1.00: invalid action: currency differs from CNY")
}
