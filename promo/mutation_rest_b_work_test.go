package promo_test

// Tests that kill mutants of work.go and match.go found by the gremlins run
// over the rest of package promo (issue 19); the equivalent ones are listed
// in mutation_rest_b_test.go.

import (
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
)

// work.go unitCost, passCost and recordCost, and match.go lineValues: the
// work of an evaluation with
// nothing to choose, counted by hand from the package doc's cost model (as
// TestDisjointPromotionsEvaluateOnce does for 100,000 lines, which -short
// skips). 第2件5折 on a (2 units), 第2件5折 on b (3 units) and 9折 on c (1
// unit) share no line, so no combination is searched (Evaluated 0). Line
// c has two categories and a tag, three values to match:
//
//   - matching: 3 selectors × (1 + 1 + 3) values, plus lineSteps (8) per
//     line: 15 + 24 = 39;
//   - bookkeeping: 4 per target line, one each: 12;
//   - the pass: a reset and an item pass over 6 units (2 × 6) and one step
//     per promotion (3), plus unitCost: an item group's 8 per unit + 1
//     (17 and 25), a per-unit promotion's 1 per unit + 1 (2): 15 + 44 = 59;
//   - recording: 2 × (units + 1) per promotion: 6 + 8 + 4 = 18.
//
// 39 + 12 + 59 + 18 = 128 steps.
func TestWorkCountedByHand(t *testing.T) {
	nth := func(id, sku string) promo.Promotion {
		return promo.Promotion{ID: id, Target: promo.Selector{SKUs: []string{sku}}, Action: promo.NthItem{N: 2, Rate: rate("5折")}}
	}
	ps := []promo.Promotion{nth("n1", "a"), nth("n2", "b"),
		{ID: "p", Target: promo.Selector{SKUs: []string{"c"}}, Action: promo.PercentOff{Rate: rate("9折")}}}
	c := line("c", 1, "50.00")
	c.Categories, c.Tags = []string{"x", "y"}, []string{"z"}
	res := run(t, cart(line("a", 2, "100.00"), line("b", 3, "10.00"), c), ps)
	assert.Equal(t, int64(0), res.Evaluated)
	// 100 + 50 + 10 + 5 + 10 + 45 (hand arithmetic).
	assert.Equal(t, "CNY 220.00", res.Total.String())
	assert.Equal(t, int64(128), res.Work)
}
