package promo_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every golden campaign (testdata/*.json) evaluated on a cart with a total
// worked out by hand (issue 19: the nth-item golden's n: 3 was never
// evaluated).
func TestGoldenCampaignsEvaluate(t *testing.T) {
	l := func(id string, qty int64, price string, f func(*promo.Line)) promo.Line {
		x := line(id, qty, price)
		if f != nil {
			f(&x)
		}
		return x
	}
	cat := func(c ...string) func(*promo.Line) { return func(l *promo.Line) { l.Categories = c } }
	tests := []struct {
		file  string
		cart  promo.Cart
		total string
		gifts int
	}{
		// 2 × milk 10.00: 直降1元 each (2.00) and 收藏店铺减5元; not a first
		// order, so no 新客立减: 20.00 - 2.00 - 5.00 = 13.00.
		{"amount-off.json", func() promo.Cart {
			c := cart(l("milk", 2, "10.00", func(l *promo.Line) { l.Product = "milk-1l" }))
			c.Customer = promo.Customer{Tier: "gold", Tags: []string{"favorited-store"}, PriorOrders: 1}
			return c
		}(), "CNY 13.00", 0},
		// A first order: the exclusive 新客立减10元 (10.00) beats 2.00 + 5.00.
		{"amount-off.json", func() promo.Cart {
			c := cart(l("milk", 2, "10.00", func(l *promo.Line) { l.Product = "milk-1l" }))
			c.Customer = promo.Customer{Tier: "gold", Tags: []string{"favorited-store"}}
			return c
		}(), "CNY 10.00", 0},
		// 任选3件99元 at most twice on 7 × 40.00: 2 × (120.00 - 99.00) =
		// 42.00 off 280.00.
		{"bundle-price.json", cart(l("t", 7, "40.00", func(l *promo.Line) { l.Tags = []string{"bundle-99"} })), "CNY 238.00", 0},
		// 7 beers at 5.00: 买二送一 twice (10.00 off): 25.00; a cake 20.00
		// and a coffee 12.00 at 5折 (6.00): 25 + 20 + 6 = 51.00.
		{"buy-x-get-y.json", cart(l("beer", 7, "5.00", cat("beer")), l("cake", 1, "20.00", cat("cake")), l("coffee", 1, "12.00", cat("coffee"))), "CNY 51.00", 0},
		// Coffee 12.00 + croissant 8.00 as the 15.00 set, once; a bagel
		// 6.00 stays: 21.00.
		{"combo.json", cart(l("coffee", 1, "12.00", cat("coffee")), l("croissant", 1, "8.00", nil), l("bagel", 1, "6.00", nil)), "CNY 21.00", 0},
		// Wednesday 07:00 UTC is in 06:00-09:00: 2 lattes at 9.90.
		{"fixed-price.json", func() promo.Cart {
			c := cart(l("latte-m", 2, "15.00", nil))
			c.At = time.Date(2026, 11, 11, 7, 0, 0, 0, time.UTC)
			return c
		}(), "CNY 19.80", 0},
		// 100.00 ≥ 99: shipping 10.00 waived.
		{"free-shipping.json", func() promo.Cart {
			c := cart(l("a", 1, "100.00", nil))
			c.Shipping = cny("10.00")
			return c
		}(), "CNY 100.00", 0},
		// Delivery, 2 × 20.00 (below 99): 2件运费减6元 takes 6.00 off 10.00.
		{"free-shipping.json", func() promo.Cart {
			c := cart(l("a", 2, "20.00", nil))
			c.Shipping, c.Channel = cny("10.00"), "delivery"
			return c
		}(), "CNY 44.00", 0},
		// 520.00 in one unit: the mug, not the 3-item sample kit.
		{"gift.json", cart(l("a", 1, "520.00", nil)), "CNY 520.00", 1},
		{"gift.json", cart(l("a", 3, "180.00", nil)), "CNY 540.00", 2},
		// Gold: 2 × rice 49.90 at 39.90.
		{"member-price.json", func() promo.Cart {
			c := cart(l("rice", 2, "49.90", func(l *promo.Line) { l.Product = "rice-5kg" }))
			c.Customer.Tier = "gold"
			return c
		}(), "CNY 79.80", 0},
		// Silver: 99.80 at 9.5折 = 94.81.
		{"member-price.json", func() promo.Cart {
			c := cart(l("rice", 2, "49.90", func(l *promo.Line) { l.Product = "rice-5kg" }))
			c.Customer.Tier = "silver"
			return c
		}(), "CNY 94.81", 0},
		// Snacks 2 × 12.50, the second at 5折 (6.25 off): 18.75; socks
		// 3 × 10.00, the third free: 20.00. 38.75.
		{"nth-item.json", cart(l("chips", 2, "12.50", cat("snacks")), l("socks", 3, "10.00", cat("socks"))), "CNY 38.75", 0},
		// Saturday 2026-06-06 15:00 Shanghai, app: juice 2 × 10.00 at 9折
		// (18.00), then the coupon 8.5折 on 118.00 = 17.70 off: 100.30.
		{"percent-off.json", func() promo.Cart {
			c := cart(l("juice", 2, "10.00", cat("drinks")), l("pan", 1, "100.00", nil))
			c.At, c.Channel, c.Coupons = time.Date(2026, 6, 6, 15, 0, 0, 0, shanghai), "app", []string{"SUMMER85"}
			return c
		}(), "CNY 100.30", 0},
		// 2 × 100.00 household: in ID order 每满2件减5 (5.00: 195.00), the
		// store group's 满200减30 (after items 200.00: 30.00: 165.00; 每满300
		// on list price 200.00 gives nothing), then 满2件8折 on 165.00
		// (33.00): 132.00.
		{"threshold.json", cart(l("pan", 2, "100.00", cat("household"))), "CNY 132.00", 0},
		// The README's 双11 cart (ExampleDecodeCampaign): 628.85.
		// 3 × 50.00: 8折 on 2 units (20.00) or 10.00 off the 3 dearest
		// (30.00); both save 30.00 too (20.00 + 10.00 on the third), and
		// the tie goes to fewer promotions: 120.00.
		{"limited-units.json", cart(l("a", 3, "50.00", nil)), "CNY 120.00", 0},
		// Buy 1 get 2, partial groups, on 5 × 10.00: 3 free, 20.00.
		{"buy-x-get-y-partial.json", cart(l("a", 5, "10.00", nil)), "CNY 20.00", 0},
		// 3 × 100.00: both coupons are issued, nothing is deducted.
		{"issue-coupon.json", cart(l("a", 3, "100.00", nil)), "CNY 300.00", 0},
		// 8,000 points on 100.00: at most 50% (50.00), 5,000 points.
		{"points-redemption.json", func() promo.Cart {
			c := cart(l("a", 1, "100.00", nil))
			c.Points = 8000
			return c
		}(), "CNY 50.00", 0},
		// The balance stage, 2026-11-11 12:00 Shanghai: 300.00 - 50.00.
		{"presale.json", func() promo.Cart {
			c := cart(l("cream", 1, "300.00", func(l *promo.Line) { l.SKU = "cream-50ml" }))
			c.At = time.Date(2026, 11, 11, 12, 0, 0, 0, shanghai)
			return c
		}(), "CNY 250.00", 0},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			require.NoError(t, err)
			c, err := promo.DecodeCampaign(data)
			require.NoError(t, err)
			res := run(t, tt.cart, c.Promotions)
			assert.Equal(t, tt.total, res.Total.String())
			assert.Len(t, res.Gifts, tt.gifts)
		})
	}
	covered := map[string]bool{"double11.json": true}
	for _, tt := range tests {
		covered[tt.file] = true
	}
	for _, f := range goldenFiles(t) {
		assert.True(t, covered[filepath.Base(f)], "%s is not evaluated", f)
	}
}
