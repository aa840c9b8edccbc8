package promo

import (
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A reused ctx starts every cart with no cached item layer and buffers
// sized for that cart: the item cache is keyed by the promotions turned on,
// not by the cart, so a stale one would be taken for the new cart's.
func TestScratchInitForgetsPreviousCart(t *testing.T) {
	cny := func(s string) pricing.Money { return pricing.MustNew(s, pricing.CNY) }
	e, err := NewEngine(pricing.CNY, []Promotion{{ID: "off", Group: "g", Action: PercentOff{Rate: pricing.MustRate("9折")}}})
	require.NoError(t, err)
	at := time.Date(2026, 11, 11, 10, 0, 0, 0, time.UTC)
	big := Cart{Currency: pricing.CNY, At: at, Lines: []Line{{ID: "a", Qty: 5, UnitPrice: cny("10.00")}, {ID: "b", Qty: 2, UnitPrice: cny("3.00")}}}
	small := Cart{Currency: pricing.CNY, At: at, Lines: []Line{{ID: "c", Qty: 1, UnitPrice: cny("7.00")}}}

	pl, err := e.plan(&big, true)
	require.NoError(t, err)
	c := pl.c
	require.True(t, c.cache.valid, "the choice filled the item cache")
	e.putCtx(c)
	assert.Nil(t, c.cart)

	lines, err := small.prepare(c)
	require.NoError(t, err)
	require.NoError(t, c.init(&e, &small, lines))
	assert.False(t, c.cache.valid)
	assert.Len(t, c.unitLine, 1)
	assert.Len(t, c.probe.price, 1)
	assert.Equal(t, []int{0}, c.targets[0])
}
