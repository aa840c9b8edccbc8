package promo_test

import (
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A discount that takes the order below a cheaper delivery tier counts the
// fee it adds against its saving (delivery.go initDelivery and feeRise:
// the fee before promotions is the tier's when the cart is exactly at
// it). store(): up to 3 km 5.00, from 50.00 on 2.00. Two item discounts of
// one group, one of which applies: 直降1.00 ("big") and 直降0.50 ("small",
// priority 1). At exactly 50.00 the fee is 2.00, and either discount takes
// the order below 50.00 and the fee to 5.00: neither saves anything net
// (1.00 - 3.00, 0.50 - 3.00), a tie the higher priority breaks: "small",
// 49.50 + 5.00 = 54.50 (hand arithmetic; the package doc's tie-break). At
// 60.00 both stay above the tier and "big" saves more: 59.00 + 2.00.
func TestMutationRestDeliveryTierExactlyReached(t *testing.T) {
	ps := []promo.Promotion{
		{ID: "big", Group: "g", Action: promo.AmountOff{Amount: cny("1.00")}},
		{ID: "small", Group: "g", Priority: 1, Action: promo.AmountOff{Amount: cny("0.50")}},
	}
	for _, tt := range []struct {
		price, total string
		applied      []string
	}{
		{"50.00", "54.50", []string{"small"}},
		{"60.00", "61.00", []string{"big"}},
	} {
		c := cart(line("a", 1, tt.price))
		c.Delivery = store(1000)
		res := run(t, c, ps)
		assert.Equal(t, "CNY "+tt.total, res.Total.String(), tt.price)
		assert.Equal(t, tt.applied, applied(res), tt.price)
	}
}

// At list price the delivery amount of a line is its list price times its
// units (delivery.go deliveryAmount): 30.00 + 15.00 = 45.00 is below the
// 50.00 tier, so the fee is 5.00; with a second unit of the 15.00 line,
// 60.00 reaches it: 2.00 (hand arithmetic).
func TestMutationRestDeliveryListPriceAmount(t *testing.T) {
	for _, tt := range []struct {
		qty int64
		fee string
	}{{1, "5.00"}, {2, "2.00"}} {
		c := cart(line("a", 1, "30.00"), line("b", tt.qty, "15.00"))
		c.Delivery = store(1000)
		c.Delivery.Fees.Base = promo.BaseListPrice
		res := run(t, c, nil)
		assert.Equal(t, tt.fee, res.ShippingBefore.StringAmount(), "qty %d", tt.qty)
		require.NotNil(t, res.Delivery)
		assert.Equal(t, "CNY "+tt.fee, res.Delivery.Fee.String())
	}
}
