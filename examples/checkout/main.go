// Command checkout walks one 双11 (Singles' Day) cart through the promotion
// engine, as a checkout service would on every cart change: member prices
// (会员价), 每满300减30, a store and a platform coupon picked automatically
// (自动选择最优券), 第二件半价, a gift (满赠), free shipping (包邮), the 7折
// price floor trimming a discount, the "add 23.50 more" hint; then a partial
// return (售后退款) with threshold clawback.
//
//	go run ./examples/checkout
package main

import (
	"fmt"
	"io"
	"os"
	"text/tabwriter"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "checkout:", err)
		os.Exit(1)
	}
}

// campaign is the shop's 双11 set-up as its back office stores it. All
// promotions run on 11 November in Beijing time; the floor policy below
// exempts the "双11" campaign (P-01: 7折 except 淘金币 and 双11), so only
// promotions without that campaign tag are held to 7折.
const campaign = `{
  "name": "双11", "currency": "CNY", "time_zone": "Asia/Shanghai",
  "promotions": [
    {"id": "vip", "name": "VIP会员价 95折", "target": {"categories": ["clothing"]},
     "action": {"kind": "member-price", "tiers": [{"tier": "vip", "rate": "9.5折"}]}},
    {"id": "socks-2nd-half", "name": "袜子第二件半价", "target": {"categories": ["socks"]},
     "action": {"kind": "nth-item", "n": 2, "rate": "5折"}},
    {"id": "every-300", "name": "每满300减30", "campaign": "双11",
     "start": "2026-11-11T00:00:00+08:00", "end": "2026-11-12T00:00:00+08:00",
     "action": {"kind": "threshold", "every": {"amount": "300.00", "off": "30.00"}}},
    {"id": "store-199-20", "name": "店铺券 满199减20", "coupon": "STORE20", "group": "store-coupons",
     "action": {"kind": "threshold", "tiers": [{"min_amount": "199.00", "off": "20.00"}]}},
    {"id": "store-599-70", "name": "店铺券 满599减70", "coupon": "STORE70", "group": "store-coupons",
     "action": {"kind": "threshold", "tiers": [{"min_amount": "599.00", "off": "70.00"}]}},
    {"id": "platform-400-50", "name": "平台券 满400减50", "coupon": "TMALL50", "priority": -1,
     "action": {"kind": "threshold", "tiers": [{"min_amount": "400.00", "off": "50.00"}]}},
    {"id": "free-shipping", "name": "满299包邮", "action": {"kind": "free-shipping", "min_amount": "299.00"}},
    {"id": "gift-500", "name": "满500送保温杯",
     "action": {"kind": "gift", "min_amount": "500.00", "options": [{"sku": "MUG", "name": "thermos mug", "qty": 1, "value": "59.00"}]}}
  ]
}`

// fixedZones resolves the campaign's zone without reading the system's
// time-zone database, so the program runs the same everywhere.
func fixedZones(name string) (*time.Location, error) {
	if name != "Asia/Shanghai" {
		return nil, fmt.Errorf("unknown zone %q", name)
	}
	return time.FixedZone("Asia/Shanghai", 8*3600), nil
}

func run(w io.Writer) error {
	// The floor (最低价控制): nothing below 7折 of list, except 双11 itself.
	floor, err := pricing.NewFloorPolicy(pricing.MinListRatio(pricing.MustRate("7折")), pricing.ExemptCampaigns("双11"))
	if err != nil {
		return err
	}
	// One list of options for the decoder and the engine: each takes the
	// options that concern it. With the floor, decoding already refuses a
	// campaign name the policy does not know.
	opts := []promo.Option{promo.WithTimeZones(fixedZones), promo.WithFloor(floor)}
	c, err := promo.DecodeCampaign([]byte(campaign), opts...)
	if err != nil {
		return err
	}
	engine, err := promo.NewEngine(c.Currency, c.Promotions, opts...)
	if err != nil {
		return err
	}
	cart := promo.Cart{
		Currency: pricing.CNY,
		At:       time.Date(2026, 11, 11, 20, 30, 0, 0, time.FixedZone("CST", 8*3600)),
		Customer: promo.Customer{ID: "c-1111", Tier: "vip"},
		Shipping: pricing.MustParse("CNY 12.00"),
		// The customer holds three coupons; the engine picks the best subset
		// (the two store coupons exclude each other).
		Coupons: []string{"STORE20", "store70", "TMALL50"},
		Lines: []promo.Line{
			{ID: "coat", SKU: "COAT-M", Categories: []string{"clothing"}, Qty: 1, UnitPrice: pricing.MustParse("CNY 399.00")},
			{ID: "jeans", SKU: "JEANS-30", Categories: []string{"clothing"}, Qty: 1, UnitPrice: pricing.MustParse("CNY 129.00")},
			{ID: "socks", SKU: "SOCKS", Categories: []string{"socks"}, Qty: 2, UnitPrice: pricing.MustParse("CNY 19.90")},
		},
	}
	res, err := engine.Evaluate(cart)
	if err != nil {
		return err
	}
	printResult(w, res)
	// The jeans come back. The kept goods fall under thresholds they met
	// before; the shop's policy claws back what they no longer earn.
	q, err := engine.Refund(cart, res, map[string]int64{"jeans": 1}, promo.RefundPolicy{Clawback: true})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nReturn of the jeans (售后退款): they paid %s; clawback %s; refund %s\n", q.Paid, q.ClawbackTotal, q.Refund)
	for _, cb := range q.Clawbacks {
		fmt.Fprintf(w, "  %-16s gave the kept goods %7s, now %7s\n", cb.PromotionID, cb.Before.StringAmount(), cb.After.StringAmount())
	}
	for _, g := range q.GiftsToReturn {
		fmt.Fprintf(w, "  the %s (%s) comes back with the parcel\n", g.Name, g.SKU)
	}
	return nil
}

func printResult(w io.Writer, res promo.Result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Line\tQty\tBefore\tAfter\tEach unit pays")
	for _, l := range res.Lines {
		units := ""
		for i, u := range l.UnitPaid {
			if i > 0 {
				units += " + "
			}
			units += u.StringAmount()
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", l.ID, l.Qty, l.Before.StringAmount(), l.After.StringAmount(), units)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nSubtotal %s, item discounts %s, order discounts %s, shipping %s (was %s): pay %s\n",
		res.Subtotal.StringAmount(), res.ItemDiscount.StringAmount(), res.OrderDiscount.StringAmount(),
		res.ShippingAfter.StringAmount(), res.ShippingBefore.StringAmount(), res.Total)
	for _, g := range res.Gifts {
		fmt.Fprintf(w, "Gift: %d × %s\n", g.Qty, g.Name)
	}
	fmt.Fprintf(w, "Coupons used:")
	for _, r := range res.Redemptions {
		if r.Coupon != "" {
			fmt.Fprintf(w, " %s (%s off)", r.Coupon, r.Amount.StringAmount())
		}
	}
	fmt.Fprintf(w, "; best combination proven: %v after %d combinations\n\nWhy:\n", res.Optimal, res.Evaluated)
	for _, e := range res.Explanations {
		fmt.Fprintln(w, " ", e)
	}
}
