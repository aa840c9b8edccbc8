package promo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/opskit/opskit/pricing"
)

// The engine's target index gives exactly the lists that trying every
// selector on every line gives (Selector.Matches), in line order: random
// selectors (include and exclude lists, repeated values, empty lists) on
// random lines, with and without NotPromotable.
func TestTargetIndexMatchesScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 12))
	vals := func(prefix string, max int) []string {
		var out []string
		for range rng.IntN(max + 1) {
			out = append(out, fmt.Sprintf("%s%d", prefix, rng.IntN(6)))
		}
		return out
	}
	at := time.Date(2026, 11, 11, 10, 0, 0, 0, time.UTC)
	for round := range 200 {
		n := indexFrom + rng.IntN(12)
		var ps []Promotion
		for k := range n {
			s := Selector{SKUs: vals("s", 2), Products: vals("p", 1), Categories: vals("c", 12), Tags: vals("t", 2)}
			if rng.IntN(3) == 0 {
				s = Selector{}
			}
			if rng.IntN(2) == 0 {
				s.ExcludeSKUs, s.ExcludeCategories, s.ExcludeTags = vals("s", 1), vals("c", 10), vals("t", 1)
			}
			ps = append(ps, Promotion{ID: fmt.Sprintf("p%02d", k), Target: s, Action: PercentOff{Rate: pricing.MustRate("9折")}})
		}
		e, err := NewEngine(pricing.CNY, ps)
		require.NoError(t, err)
		require.NotNil(t, e.index)
		for range 2 { // the second cart reuses the first one's scratch
			c := Cart{Currency: pricing.CNY, At: at}
			for i := range 1 + rng.IntN(30) {
				c.Lines = append(c.Lines, Line{ID: fmt.Sprint(i), SKU: fmt.Sprintf("s%d", rng.IntN(6)), Product: fmt.Sprintf("p%d", rng.IntN(6)),
					Categories: vals("c", 3), Tags: vals("t", 2), NotPromotable: rng.IntN(8) == 0,
					Qty: 1, UnitPrice: pricing.MustNew("1.00", pricing.CNY)})
			}
			ctx := e.getCtx()
			lines, err := c.prepare(ctx)
			require.NoError(t, err)
			require.NoError(t, ctx.init(&e, &c, lines))
			for pi := range e.promos {
				var want []int
				for li := range c.Lines {
					if e.promos[pi].p.Target.Matches(c.Lines[li]) {
						want = append(want, li)
					}
				}
				require.True(t, slices.Equal(want, ctx.targets[pi]), "round %d, promotion %s: want %v, got %v", round, e.promos[pi].p.ID, want, ctx.targets[pi])
			}
			e.putCtx(ctx)
		}
	}
}
