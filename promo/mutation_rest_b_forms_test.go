package promo_test

// Tests that kill mutants of points.go (issue 19, the gremlins run over the
// rest of package promo); the equivalent ones are listed in
// mutation_rest_b_test.go.

import (
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
)

// points.go pointsLine: within a line, a unit takes at most the whole
// steps its price holds (PointsRedemption's doc: never more of a unit
// than its price). 101 points = 1.00 is one step of 1.00 (101 and 100
// are coprime). Line a has two units of 3.00; 1.01 off one unit
// (LimitedUnits, the first unit on the tie) leaves 1.99 and 3.00: rooms of
// 1 and 3 steps. 404 points are 4 steps, the line's whole room: 1.00 off
// the 1.99 unit and 3.00 off the other, which pay 0.99 and 0.00 (by price
// alone, 4 × 199/499 = 1.6 steps would round the 1.99 unit up to 2, below
// zero). Total 6.00 - 1.01 - 4.00 = 0.99 (hand arithmetic).
func TestPointsUnitRoomWithinLine(t *testing.T) {
	ps := []promo.Promotion{
		{ID: "lim", Action: promo.LimitedUnits{Amount: cny("1.01"), PerCart: 1}},
		{ID: "pts", Action: promo.PointsRedemption{Points: 101, Value: cny("1.00")}},
	}
	c := cart(line("a", 2, "3.00"))
	c.Points = 404
	res := run(t, c, ps)
	assert.Equal(t, "CNY 0.99", res.Total.String())
	assert.Equal(t, int64(404), res.PointsUsed)
	assert.Equal(t, []string{"0.99", "0.00"}, unitsPaid(t, res, "a"))
}
