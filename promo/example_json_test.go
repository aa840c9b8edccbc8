package promo_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

// double11JSON is the 双11 campaign of the package doc (testdata/double11.json
// in compact form): 每满300减30, a store coupon 满199减20, a platform coupon
// 满400减50, 第二件半价 on snacks, 满299包邮 and a gift at 500.
const double11JSON = `{
  "name": "双11", "currency": "CNY", "time_zone": "Asia/Shanghai",
  "promotions": [
    {"id": "d11-every-300", "name": "每满300减30", "group": "d11-store",
     "start": "2026-11-11T00:00:00+08:00", "end": "2026-11-12T00:00:00+08:00", "campaign": "双11",
     "action": {"kind": "threshold", "every": {"amount": "300.00", "off": "30.00"}}},
    {"id": "store-coupon-20", "name": "店铺券 满199减20",
     "start": "2026-11-01T00:00:00+08:00", "end": "2026-11-12T00:00:00+08:00",
     "coupon": "STORE20", "limits": {"total": 5000, "per_customer": 1},
     "action": {"kind": "threshold", "tiers": [{"min_amount": "199.00", "off": "20.00"}]}},
    {"id": "platform-coupon-50", "name": "平台券 满400减50", "priority": -1,
     "start": "2026-11-11T00:00:00+08:00", "end": "2026-11-12T00:00:00+08:00",
     "coupon": "TMALL50", "limits": {"per_customer": 1, "budget": "1000000.00"},
     "action": {"kind": "threshold", "tiers": [{"min_amount": "400.00", "off": "50.00"}]}},
    {"id": "snacks-2nd-half", "name": "零食第二件半价",
     "start": "2026-11-11T00:00:00+08:00", "end": "2026-11-12T00:00:00+08:00",
     "target": {"categories": ["snacks"]},
     "action": {"kind": "nth-item", "n": 2, "rate": "5折"}},
    {"id": "free-shipping-299", "name": "满299包邮",
     "action": {"kind": "free-shipping", "min_amount": "299.00"}},
    {"id": "gift-500", "name": "满500送保温杯",
     "start": "2026-11-11T00:00:00+08:00", "end": "2026-11-12T00:00:00+08:00",
     "action": {"kind": "gift", "min_amount": "500.00",
                "options": [{"sku": "mug-350", "name": "保温杯", "qty": 1, "value": "59.00"}]}}
  ]
}`

// Decode the 双11 campaign, build its engine, and price a cart with both
// coupons entered.
func ExampleDecodeCampaign() {
	c, err := promo.DecodeCampaign([]byte(double11JSON))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Name, c.Currency, c.TimeZone, len(c.Promotions), "promotions")
	e, err := promo.NewEngine(c.Currency, c.Promotions)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := e.Evaluate(promo.Cart{
		Currency: c.Currency,
		At:       time.Date(2026, 11, 11, 20, 0, 0, 0, c.TimeZone),
		Shipping: exampleCNY("10.00"),
		Coupons:  []string{"store20", "TMALL50"},
		Lines: []promo.Line{
			{ID: "coat", SKU: "coat-m", Qty: 1, UnitPrice: exampleCNY("699.00")},
			{ID: "nuts", SKU: "nuts-500g", Categories: []string{"snacks"}, Qty: 2, UnitPrice: exampleCNY("39.90")},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ex := range res.Explanations {
		fmt.Println(ex)
	}
	fmt.Println("total", res.Total.StringAmount())
	// Output:
	// 双11 CNY Asia/Shanghai 6 promotions
	// snacks-2nd-half: applied, 19.95 off on lines nuts
	// d11-every-300: applied, 60.00 off on lines coat, nuts: add 141.15 more to get 90.00 off in total
	// store-coupon-20: applied, 20.00 off on lines coat, nuts
	// platform-coupon-50: applied, 50.00 off on lines coat, nuts
	// free-shipping-299: applied, 10.00 off
	// gift-500: applied, gift 1 × mug-350
	// total 628.85
}

// Build a campaign in Go and write its canonical JSON.
func ExampleEncodeCampaign() {
	c := promo.Campaign{Currency: pricing.CNY, Promotions: []promo.Promotion{
		{ID: "tiers", Name: "满200减20 满300减40", Action: promo.Threshold{Tiers: []promo.Tier{
			{MinAmount: exampleCNY("200"), Off: exampleCNY("20")},
			{MinAmount: exampleCNY("300"), Off: exampleCNY("40")},
		}}},
		{ID: "two-items", Name: "满2件8折", Action: promo.Threshold{Basis: promo.ByQuantity, Tiers: []promo.Tier{
			{MinQty: 2, Rate: pricing.MustRate("八折")},
		}}},
	}}
	out, err := promo.EncodeCampaign(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
	// Output:
	// {
	//   "currency": "CNY",
	//   "promotions": [
	//     {
	//       "id": "tiers",
	//       "name": "满200减20 满300减40",
	//       "action": {
	//         "kind": "threshold",
	//         "tiers": [
	//           {
	//             "min_amount": "200.00",
	//             "off": "20.00"
	//           },
	//           {
	//             "min_amount": "300.00",
	//             "off": "40.00"
	//           }
	//         ]
	//       }
	//     },
	//     {
	//       "id": "two-items",
	//       "name": "满2件8折",
	//       "action": {
	//         "kind": "threshold",
	//         "basis": "quantity",
	//         "tiers": [
	//           {
	//             "min_qty": 2,
	//             "rate": "8折"
	//           }
	//         ]
	//       }
	//     }
	//   ]
	// }
}

// Every problem of a campaign comes back at once, each with its JSON path.
func ExampleCampaignError() {
	_, err := promo.DecodeCampaign([]byte(`{
	  "currency": "CNY",
	  "promotions": [
	    {"id": "a", "action": {"kind": "threshold", "tiers": [
	      {"min_amount": "200.00", "off": "20.00"}, {"min_amount": "150.00", "off": "30.00"}]}},
	    {"id": "b", "strat": "2026-11-11", "action": {"kind": "percent-off", "rate": "12.5折"}},
	    {"id": "a", "action": {"kind": "second-half"}}
	  ]
	}`))
	var ce *promo.CampaignError
	if errors.As(err, &ce) {
		for _, p := range ce.Problems {
			fmt.Println(p)
		}
	}
	fmt.Println(errors.Is(err, promo.ErrInvalidAction), errors.Is(err, promo.ErrDuplicateID))
	// Output:
	// promo: decode campaign: promotions[0].action.tiers[1].min_amount: invalid action: must be greater than tiers[0].min_amount (200.00)
	// promo: decode campaign: promotions[1].action.rate "12.5折": pricing: parse 折: "12.5折": invalid discount rate: must be above 0折 and at most 10折: want a rate such as "8.5折" in (0折, 10折]
	// promo: decode campaign: promotions[1].strat: invalid promotion: unknown field
	// promo: decode campaign: promotions[2].action.kind: invalid action: unknown kind "second-half": want one of percent-off, amount-off, fixed-price, threshold, nth-item, buy-x-get-y, bundle-price, combo, member-price, gift, free-shipping, limited-units, issue-coupon, points-redemption, presale
	// promo: decode campaign: promotions[2].id: duplicate ID: "a" is also the ID of promotions[0]
	// true true
}

// A resolver of zone names keeps decoding free of file reads.
func ExampleWithTimeZones() {
	zones := map[string]*time.Location{"Asia/Shanghai": time.FixedZone("Asia/Shanghai", 8*3600)}
	resolve := func(name string) (*time.Location, error) {
		if loc, ok := zones[name]; ok {
			return loc, nil
		}
		return nil, fmt.Errorf("zone %q not configured", name)
	}
	c, err := promo.DecodeCampaign([]byte(`{"currency": "CNY", "time_zone": "Asia/Shanghai", "promotions": [
	  {"id": "tea-time", "schedule": {"weekdays": ["saturday", "sunday"], "hours": ["14:00-17:00"]},
	   "action": {"kind": "fixed-price", "price": "9.90"}}]}`), promo.WithTimeZones(resolve))
	if err != nil {
		fmt.Println(err)
		return
	}
	s := c.Promotions[0].Schedule
	fmt.Println(s.TimeZone, s.Weekdays, s.Hours[0], s.Hours[0].Start, s.Hours[0].End)

	_, err = promo.DecodeCampaign([]byte(`{"currency": "CNY", "time_zone": "Europe/Paris"}`), promo.WithTimeZones(resolve))
	fmt.Println(err)
	// Output:
	// Asia/Shanghai [Saturday Sunday] 14:00-17:00 14:00 17:00
	// promo: decode campaign: time_zone: invalid promotion: unknown time zone "Europe/Paris"
}
