package promo_test

import (
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
)

// TestRunningTotalThresholdCountsUnits pins the unit count of a threshold
// on the running total (order.go base, its last path): 满4件减5 on a cart
// of 2 + 1 units is not reached (3 units, 1 missing), with every base; a
// count that added the lines' unit offsets instead of subtracting them
// would see 2 + 5 = 7 units and apply it.
func TestRunningTotalThresholdCountsUnits(t *testing.T) {
	c := cart(line("a", 2, "10.00"), line("b", 1, "10.00"))
	for _, b := range []promo.ThresholdBase{promo.BaseAfterItems, promo.BaseListPrice, promo.BaseRunningTotal} {
		t.Run(b.String(), func(t *testing.T) {
			res := run(t, c, []promo.Promotion{{ID: "qty", Action: promo.Threshold{Basis: promo.ByQuantity, Base: b, Tiers: []promo.Tier{{MinQty: 4, Off: cny("5.00")}}}}})
			assert.Equal(t, "CNY 30.00", res.Total.String())
			ex := explanation(t, res, "qty")
			assert.Equal(t, promo.NotApplicable, ex.Status)
			assert.Equal(t, int64(1), ex.MissingQty)
		})
	}
}
