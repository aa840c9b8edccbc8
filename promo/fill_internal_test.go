package promo

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opskit/opskit/pricing"
)

// floorLadderCart is a cart on which spreading an order discount over
// lines with price floors took many rounds of water-filling (issue 12):
// k big lines, each twice the next, whose room above the floor (as a
// fraction of the line) rises just enough that each round of the old
// spread saturated one or two of them and handed the excess to every other
// line again, and small lines that never saturate and so were touched
// every round. The floor is 1折 of list; a big line's ListPrice sets its
// room. The discount is 40% of the subtotal, order-wide.
func floorLadderCart(k, small int) (Cart, []Promotion, pricing.FloorPolicy) {
	at := time.Date(2026, 11, 11, 10, 0, 0, 0, time.UTC)
	c := Cart{Currency: pricing.CNY, At: at}
	lam, delta := 0.4, 0.2
	rho := []float64{lam - delta}
	for i := 1; i < k; i++ {
		rho = append(rho, lam+delta/2)
		lam, delta = lam+delta, delta/2
	}
	var total int64
	for i := range k {
		w := int64(100) << (k - i) // minor units
		room := int64(float64(w) * rho[i])
		list := (w - room) * 10 // floor = 1折 of list = w - room
		c.Lines = append(c.Lines, Line{ID: fmt.Sprintf("big%02d", i), Qty: 1,
			UnitPrice: minor(w, pricing.CNY), ListPrice: minor(list, pricing.CNY)})
		total += w
	}
	for i := range small {
		c.Lines = append(c.Lines, Line{ID: fmt.Sprintf("s%06d", i), Qty: 1, UnitPrice: minor(100, pricing.CNY)})
		total += 100
	}
	d := int64(0.4 * float64(total))
	promos := []Promotion{{ID: "off", Action: AmountOff{Amount: minor(d, pricing.CNY), Scope: PerOrder}}}
	floor, err := pricing.NewFloorPolicy(pricing.MinListRatio(pricing.MustRate("1折")))
	if err != nil {
		panic(err)
	}
	return c, promos, floor
}

// Issue 12: with floors, the order spread re-spread the excess over every
// line that still had room, round after round, so a line (and each of its
// units) took a share of the same promotion many times: work not counted
// in Result.Work. The spread is now one sort and one pass: each unit takes
// at most one share of each promotion, and the whole discount that fits
// above the floors is given.
func TestSpreadOrderOnePassWithFloors(t *testing.T) {
	for _, small := range []int{100, 10_000} {
		c, promos, floor := floorLadderCart(30, small)
		e, err := NewEngine(pricing.CNY, promos, WithFloor(floor))
		require.NoError(t, err)
		pl, err := e.plan(&c, true)
		require.NoError(t, err)
		units := len(c.Lines) // one unit a line
		assert.LessOrEqual(t, len(pl.ps.adj), units, "at most one share per unit and promotion (small=%d)", small)
		// Every line keeps at least its floor, and the discount is given in
		// full: 40% of the subtotal fits above the floors (the rooms add
		// up to more), so nothing is trimmed.
		var given int64
		for _, a := range pl.ps.adj {
			given += a.amt
		}
		want, _ := promos[0].Action.(AmountOff).Amount.MinorUnits()
		assert.Equal(t, want, given)
		assert.Zero(t, pl.ps.trimmed[0])
		for li := range c.Lines {
			assert.GreaterOrEqual(t, pl.ps.price[li], pl.c.floor[li], "line %d", li)
		}
		e.putCtx(pl.c)
		res, err := e.Evaluate(c)
		require.NoError(t, err)
		assert.LessOrEqual(t, res.Work, int64(DefaultWorkBudget))
	}
}

func minor(v int64, c pricing.Currency) pricing.Money {
	m, err := pricing.NewFromMinor(v, c)
	if err != nil {
		panic(err)
	}
	return m
}

// BenchmarkAdversarialFloorLadderLines times the floor ladder at the cart
// limit: 30 big lines and 99,970 small ones, one unit each.
func BenchmarkAdversarialFloorLadderLines(b *testing.B) {
	c, promos, floor := floorLadderCart(30, MaxUnits-30)
	e, err := NewEngine(pricing.CNY, promos, WithFloor(floor))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var res Result
	for b.Loop() {
		res, err = e.Evaluate(c)
	}
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(res.Work), "work")
}

// BenchmarkAdversarialFloorDistinctLines: 100,000 one-unit lines of
// distinct prices under a 7折 floor, and a 6折 whole-order discount that
// every line's floor trims: the floor policy is asked once per line.
func BenchmarkAdversarialFloorDistinctLines(b *testing.B) {
	c := Cart{Currency: pricing.CNY, At: time.Date(2026, 11, 11, 10, 0, 0, 0, time.UTC)}
	for i := range MaxUnits {
		c.Lines = append(c.Lines, Line{ID: fmt.Sprintf("l%06d", i), Qty: 1, UnitPrice: minor(int64(1000+i), pricing.CNY)})
	}
	floor, err := pricing.NewFloorPolicy(pricing.MinListRatio(pricing.MustRate("7折")))
	if err != nil {
		b.Fatal(err)
	}
	e, err := NewEngine(pricing.CNY, []Promotion{{ID: "off", Action: PercentOff{Rate: pricing.MustRate("6折"), Scope: PerOrder}}}, WithFloor(floor))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var res Result
	for b.Loop() {
		res, err = e.Evaluate(c)
	}
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(res.Work), "work")
}

// fill's water level, by hand: 100 over three lines of 100.00 whose rooms
// are 10, 100 and 100. The first fills up at level 0.1 < 100/300, so it
// takes its 10 and the other two share 90 at level 0.45: 45 each. 500
// over the same rooms fills them all (210) and leaves 290 that fits
// nowhere. Rooms 30, 60 with weights 100, 100 and 50: one level 0.3 for
// the first (30 = 0.3·100), 0.6 for the second: 50 → 0.25 each → 25, 25.
func TestFillLevels(t *testing.T) {
	var ps pass
	parts, excess := ps.fill(nil, 100, []int64{100, 100, 100}, []int64{10, 100, 100})
	assert.Equal(t, []int64{10, 45, 45}, parts)
	assert.Zero(t, excess)
	parts, excess = ps.fill(nil, 500, []int64{100, 100, 100}, []int64{10, 100, 100})
	assert.Equal(t, []int64{10, 100, 100}, parts)
	assert.Equal(t, int64(290), excess)
	parts, excess = ps.fill(nil, 50, []int64{100, 100}, []int64{30, 60})
	assert.Equal(t, []int64{25, 25}, parts)
	assert.Zero(t, excess)
	// 61 at weights 100, 100, rooms 30, 60: the first fills (30 ≤ 30.5),
	// the second takes 31.
	parts, excess = ps.fill(nil, 61, []int64{100, 100}, []int64{30, 60})
	assert.Equal(t, []int64{30, 31}, parts)
	assert.Zero(t, excess)
}
