package pricing_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
)

func ExampleNewTierTable() {
	_, err := pricing.NewTierTable(
		pricing.Tier{MinQty: 1, Price: pricing.MustNew("2.00", pricing.CNY)},
		pricing.Tier{MinQty: 10, Price: pricing.MustNew("1.50", pricing.CNY)},
		pricing.Tier{MinQty: 5, Price: pricing.MustNew("1.80", pricing.CNY)},
	)
	fmt.Println(err)
	// Output:
	// pricing: new tier table: tiers[2].min_qty 5: invalid price table: breaks must strictly increase (previous 10)
}

func ExampleTierTable_Price() {
	tab, _ := pricing.NewTierTable(
		pricing.Tier{MinQty: 1, Price: pricing.MustNew("2.00", pricing.CNY)},
		pricing.Tier{MinQty: 10, Price: pricing.MustNew("1.50", pricing.CNY)},
	)
	for _, mode := range []pricing.TierMode{pricing.AllUnits, pricing.Incremental} {
		q, _ := tab.Price(12, mode)
		fmt.Println(mode, q.Total)
		for _, l := range q.Lines {
			fmt.Printf("  tier %d (from %d): %d × %s = %s\n", l.Index, l.MinQty, l.Qty, l.UnitPrice, l.Amount)
		}
	}
	// Output:
	// all-units CNY 18.00
	//   tier 1 (from 10): 12 × CNY 1.50 = CNY 18.00
	// incremental CNY 22.50
	//   tier 0 (from 1): 9 × CNY 2.00 = CNY 18.00
	//   tier 1 (from 10): 3 × CNY 1.50 = CNY 4.50
}

func ExampleTierTable_Warnings() {
	tab, _ := pricing.NewTierTable(
		pricing.Tier{MinQty: 1, Price: pricing.MustNew("2.00", pricing.CNY)},
		pricing.Tier{MinQty: 10, Price: pricing.MustNew("2.10", pricing.CNY)},
	)
	for _, w := range tab.Warnings() {
		fmt.Println(w)
	}
	fmt.Println(len(tab.Tiers()), tab.Tiers()[0].Price.Currency())
	// Output:
	// tiers[1] from 10 at CNY 2.10 is dearer than tiers[0] from 1 at CNY 2.00
	// 2 CNY
}

func ExampleTierMode_IsValid() {
	fmt.Println(pricing.AllUnits.IsValid(), pricing.TierMode(0).IsValid(), pricing.Incremental)
	// Output: true false incremental
}

// Seed-rules P-05 / WE-4: 10 candy boxes for 15 yuan, 50 for 80 yuan.
func ExamplePackOffer_Cheapest() {
	offer, _ := pricing.NewPackOffer(pricing.Money{},
		pricing.Pack{Qty: 10, Price: pricing.MustNew("15.00", pricing.CNY)},
		pricing.Pack{Qty: 50, Price: pricing.MustNew("80.00", pricing.CNY)})
	plan, _ := offer.Cheapest(50)
	fmt.Println(plan)
	fmt.Println(plan.Packages(), "packages")
	_, err := offer.Cheapest(7)
	fmt.Println(err)
	// Output:
	// 50 units: 5 × 10 for CNY 15.00 = CNY 75.00
	// 5 packages
	// pricing: cheapest packs: q 7: no pack combination for the quantity: sizes {50, 10}
}

func ExamplePackOffer_CheapestAtLeast() {
	offer, _ := pricing.NewPackOffer(pricing.MustNew("1.80", pricing.CNY),
		pricing.Pack{Qty: 10, Price: pricing.MustNew("15.00", pricing.CNY)})
	exact, _ := offer.Cheapest(19)
	more, _ := offer.CheapestAtLeast(19)
	fmt.Println(exact)
	fmt.Println(more)
	// Output:
	// 19 units: 1 × 10 for CNY 15.00 + 9 single = CNY 31.20
	// 20 units: 2 × 10 for CNY 15.00 = CNY 30.00 (1 surplus)
}

func ExamplePackOffer_Warnings() {
	offer, _ := pricing.NewPackOffer(pricing.MustNew("1.55", pricing.CNY),
		pricing.Pack{Qty: 10, Price: pricing.MustNew("15.00", pricing.CNY)},
		pricing.Pack{Qty: 50, Price: pricing.MustNew("80.00", pricing.CNY)})
	for _, w := range offer.Warnings() {
		fmt.Println(w.Code, "|", w)
	}
	// Output:
	// pack-dearer-than-singles | pack 50 for CNY 80.00 (CNY 1.60 a unit) costs more per unit than single units (CNY 1.55 a unit)
	// bigger-pack-dearer | pack 50 for CNY 80.00 (CNY 1.60 a unit) costs more per unit than 10 for CNY 15.00 (CNY 1.50 a unit)
}

func ExampleNewPackOffer() {
	offer, _ := pricing.NewPackOffer(pricing.MustNew("1.80", pricing.CNY),
		pricing.Pack{Qty: 10, Price: pricing.MustNew("15.00", pricing.CNY)})
	single, ok := offer.Single()
	fmt.Println(offer.Packs(), single, ok, single.Currency())
	_, err := pricing.NewPackOffer(pricing.Money{}, pricing.Pack{Qty: 0, Price: pricing.MustNew("1.00", pricing.CNY)})
	fmt.Println(err)
	// Output:
	// [10 for CNY 15.00] CNY 1.80 true CNY
	// pricing: new pack offer: packs[0].qty 0: invalid quantity: must be in [1, 1000]
}

func ExampleNewMemberPrices() {
	mp, _ := pricing.NewMemberPrices(pricing.MustNew("19.90", pricing.CNY), pricing.HalfUp,
		pricing.MemberRule{Tier: "gold", Rate: pricing.MustRate("8.5折")},
		pricing.MemberRule{Tier: "staff", Price: pricing.MustNew("12.00", pricing.CNY)})
	for _, tier := range []string{"gold", "staff", "silver"} {
		fmt.Println(tier, mp.Price(tier))
	}
	fmt.Println(len(mp.Rules()), mp.List())
	_, err := pricing.NewMemberPrices(pricing.MustNew("10.00", pricing.CNY), pricing.HalfUp,
		pricing.MemberRule{Tier: "gold", Price: pricing.MustNew("11.00", pricing.CNY)})
	fmt.Println(errors.Is(err, pricing.ErrAboveList))
	// Output:
	// gold CNY 16.92
	// staff CNY 12.00
	// silver CNY 19.90
	// 2 CNY 19.90
	// true
}

// Seed-rules P-02: the VIP price obeys the 7折 floor too.
func ExampleMemberPrices_CheckFloor() {
	floor, _ := pricing.NewFloorPolicy(pricing.MinListRatio(pricing.MustRate("7折")))
	mp, _ := pricing.NewMemberPrices(pricing.MustNew("100.00", pricing.CNY), pricing.HalfUp,
		pricing.MemberRule{Tier: "vip", Rate: pricing.MustRate("6.5折")})
	err := mp.CheckFloor(floor, pricing.Money{}, "")
	fmt.Println(errors.Is(err, pricing.ErrBelowFloor))
	fmt.Println(err)
	// Output:
	// true
	// pricing: check member floor: tier "vip": price CNY 65.00 below floor CNY 70.00 (rule list-ratio, campaign "")
}

func ExampleCheckParity() {
	online := map[string]pricing.Money{
		"milk": pricing.MustNew("5.50", pricing.CNY), "bread": pricing.MustNew("8.00", pricing.CNY),
		"eggs": pricing.MustNew("12.90", pricing.CNY),
	}
	offline := map[string]pricing.Money{
		"milk": pricing.MustNew("5.5", pricing.CNY), "bread": pricing.MustNew("8.50", pricing.CNY),
		"tea": pricing.MustNew("3.00", pricing.CNY),
	}
	diffs, _ := pricing.CheckParity(online, offline)
	for _, d := range diffs {
		fmt.Println(d.Kind, "|", d)
	}
	// Output:
	// price-differs | bread: price-differs online CNY 8.00 offline CNY 8.50 (diff CNY -0.50)
	// missing-offline | eggs: missing-offline online CNY 12.90
	// missing-online | tea: missing-online offline CNY 3.00
}

// Seed-rules P-01: 商城正常销售最低折扣不低于7折(淘金币、双11大促除外).
func ExampleFloorPolicy_Check() {
	policy, _ := pricing.NewFloorPolicy(
		pricing.MinListRatio(pricing.MustRate("7折")),
		pricing.ExemptCampaigns("淘金币", "双11"), pricing.KnownCampaigns("聚划算"))
	list := pricing.MustNew("100.00", pricing.CNY)
	for _, c := range []struct{ price, campaign string }{
		{"70.00", ""}, {"69.99", ""}, {"60.00", "双11"}, {"60.00", "聚划算"},
	} {
		err := policy.Check(pricing.MustNew(c.price, pricing.CNY), list, pricing.Money{}, c.campaign)
		fmt.Println(c.price, c.campaign, err)
	}
	// Output:
	// 70.00  <nil>
	// 69.99  pricing: price CNY 69.99 below floor CNY 70.00 (rule list-ratio, campaign "")
	// 60.00 双11 <nil>
	// 60.00 聚划算 pricing: price CNY 60.00 below floor CNY 70.00 (rule list-ratio, campaign "聚划算")
}

func ExampleFloorPolicy_Floor() {
	policy, _ := pricing.NewFloorPolicy(
		pricing.MinListRatio(pricing.MustRate("7折")),
		pricing.MinMargin(decimal.RequireFromString("0.5")), // seed-rules P-08
		pricing.MinPrice(pricing.MustNew("5.00", pricing.CNY)))
	list := pricing.MustNew("100.00", pricing.CNY)
	for _, cost := range []pricing.Money{{}, pricing.MustNew("30.00", pricing.CNY), pricing.MustNew("40.00", pricing.CNY)} {
		floor, rule, _ := policy.Floor(list, cost, "")
		fmt.Println(cost, floor, rule)
	}
	// Output:
	// 0 CNY 70.00 list-ratio
	// CNY 30.00 CNY 70.00 list-ratio
	// CNY 40.00 CNY 80.00 min-margin
}

func ExampleNewFloorPolicy() {
	_, err := pricing.NewFloorPolicy(pricing.MinMargin(decimal.New(1, 0)))
	fmt.Println(err)
	// Output:
	// pricing: new floor policy: MinMargin 1: invalid ratio: must be in [0, 1)
}

func ExampleMinListRatio() {
	p, _ := pricing.NewFloorPolicy(pricing.MinListRatio(pricing.MustRate("8.5折")))
	floor, _, _ := p.Floor(pricing.MustNew("19.90", pricing.CNY), pricing.Money{}, "")
	fmt.Println(floor) // 16.915 rounded up
	// Output: CNY 16.92
}

func ExampleMinMargin() {
	p, _ := pricing.NewFloorPolicy(pricing.MinMargin(decimal.RequireFromString("0.5")))
	floor, rule, _ := p.Floor(pricing.MustNew("100.00", pricing.CNY), pricing.MustNew("30.00", pricing.CNY), "")
	fmt.Println(floor, rule)
	// Output: CNY 60.00 min-margin
}

func ExampleMinPrice() {
	p, _ := pricing.NewFloorPolicy(pricing.MinPrice(pricing.MustNew("9.90", pricing.CNY)))
	err := p.Check(pricing.MustNew("9.00", pricing.CNY), pricing.MustNew("19.90", pricing.CNY), pricing.Money{}, "")
	var bf *pricing.BelowFloorError
	fmt.Println(errors.As(err, &bf), bf.Floor, bf.Rule)
	// Output: true CNY 9.90 min-price
}

func ExampleExemptCampaigns() {
	p, _ := pricing.NewFloorPolicy(pricing.ExemptCampaigns("双11", "淘金币"), pricing.KnownCampaigns("聚划算"))
	fmt.Println(p.Campaigns(), p.IsExempt("双11"), p.IsExempt("聚划算"))
	// Output: [双11 淘金币 聚划算] true false
}

func ExampleFloorPolicy_IsExempt() {
	var none pricing.FloorPolicy
	fmt.Println(none.IsExempt(""), len(none.Campaigns()))
	// Output: false 0
}

// A policy knows every campaign by name; a name it does not know is an
// error, so "double11" cannot silently miss the exemption of "双11".
func ExampleFloorPolicy_KnowsCampaign() {
	p, _ := pricing.NewFloorPolicy(pricing.MinListRatio(pricing.MustRate("7折")), pricing.ExemptCampaigns("双11"))
	fmt.Println(p.KnowsCampaign("双11"), p.KnowsCampaign("double11"), p.KnowsCampaign(""))
	_, _, err := p.Floor(pricing.MustNew("100.00", pricing.CNY), pricing.Money{}, "double11")
	fmt.Println(err)
	fmt.Println(errors.Is(err, pricing.ErrUnknownCampaign))
	// Output:
	// true false true
	// pricing: floor: campaign "double11": unknown campaign: known: ["双11"]
	// true
}

func ExampleFloorRule_String() {
	fmt.Println(pricing.RuleNone, pricing.RuleExempt, pricing.RuleListRatio, pricing.RuleMinMargin, pricing.RuleMinPrice)
	// Output: none exempt list-ratio min-margin min-price
}

func ExampleGrossMargin() {
	m, _ := pricing.GrossMargin(pricing.MustNew("100.00", pricing.CNY), pricing.MustNew("60.00", pricing.CNY))
	k, _ := pricing.Markup(pricing.MustNew("100.00", pricing.CNY), pricing.MustNew("60.00", pricing.CNY))
	fmt.Println(m, k)
	_, err := pricing.GrossMargin(pricing.MustNew("0", pricing.CNY), pricing.MustNew("1.00", pricing.CNY))
	fmt.Println(err)
	// Output:
	// 0.4 0.6666666667
	// pricing: gross margin: price CNY 0.00: division by zero
}

func ExampleMarkup() {
	k, _ := pricing.Markup(pricing.MustNew("150.00", pricing.CNY), pricing.MustNew("100.00", pricing.CNY))
	fmt.Println(k)
	// Output: 0.5
}

func ExamplePriceForMargin() {
	cost := pricing.MustNew("10.00", pricing.CNY)
	half, _ := pricing.PriceForMargin(cost, decimal.RequireFromString("0.5"), pricing.HalfUp) // P-08: 2 × cost
	p, _ := pricing.PriceForMargin(cost, decimal.RequireFromString("0.3"), pricing.Ceiling)
	fmt.Println(half, p)
	// Output: CNY 20.00 CNY 14.29
}

// Seed-rules WE-5 / X-05: 40% gross margin down to 7.5% net.
func ExampleWaterfall() {
	w, _ := pricing.Waterfall(decimal.RequireFromString("0.40"),
		pricing.CostRatio{Name: "推广 promotion", Ratio: decimal.RequireFromString("0.10")},
		pricing.CostRatio{Name: "人员 staff", Ratio: decimal.RequireFromString("0.06")},
		pricing.CostRatio{Name: "天猫扣点 commission", Ratio: decimal.RequireFromString("0.05")},
		pricing.CostRatio{Name: "运费+包装 shipping", Ratio: decimal.RequireFromString("0.05")},
		pricing.CostRatio{Name: "税收 tax", Ratio: decimal.RequireFromString("0.045")},
		pricing.CostRatio{Name: "其他 other", Ratio: decimal.RequireFromString("0.02")},
	)
	for _, s := range w.Steps {
		fmt.Printf("%s: %s%% -> %s%%\n", s.Name, s.Before.Shift(2).StringFixed(1), s.After.Shift(2).StringFixed(1))
	}
	fmt.Println("net", w.Net.Shift(2).StringFixed(1)+"%")
	// Output:
	// 推广 promotion: 40.0% -> 30.0%
	// 人员 staff: 30.0% -> 24.0%
	// 天猫扣点 commission: 24.0% -> 19.0%
	// 运费+包装 shipping: 19.0% -> 14.0%
	// 税收 tax: 14.0% -> 9.5%
	// 其他 other: 9.5% -> 7.5%
	// net 7.5%
}

func ExampleTaxRate_FromInclusive() {
	vat, _ := pricing.TaxPercent(13)
	s, _ := vat.FromInclusive(pricing.MustNew("10.00", pricing.CNY), pricing.HalfUp)
	fmt.Println(s.Rate, s.Exclusive, s.Tax, s.Inclusive)
	// Output: 13% CNY 8.85 CNY 1.15 CNY 10.00
}

func ExampleTaxRate_FromExclusive() {
	vat, _ := pricing.NewTaxRate(decimal.RequireFromString("0.09"))
	s, _ := vat.FromExclusive(pricing.MustNew("100.00", pricing.CNY), pricing.HalfUp)
	fmt.Println(s.Exclusive, s.Tax, s.Inclusive)
	// Output: CNY 100.00 CNY 9.00 CNY 109.00
}

func ExampleNewTaxRate() {
	r, _ := pricing.NewTaxRate(decimal.RequireFromString("0.13"))
	p, _ := pricing.TaxPercent(13)
	fmt.Println(r, r.Rate(), r.Equal(p))
	_, err := pricing.NewTaxRate(decimal.RequireFromString("-0.01"))
	fmt.Println(err)
	// Output:
	// 13% 0.13 true
	// pricing: new tax rate: r -0.01: invalid ratio: must be in [0, 1]
}

func ExampleTimeWindow_Contains() {
	start := time.Date(2024, 11, 1, 0, 0, 0, 0, time.UTC)
	w := pricing.TimeWindow{Start: start, End: start.AddDate(0, 0, 11)}
	fmt.Println(w.Contains(start), w.Contains(w.End), w.IsZero(), w.Validate())
	err := pricing.TimeWindow{Start: w.End, End: start}.Validate()
	fmt.Println(errors.Is(err, pricing.ErrInvalidTimeWindow))
	// Output:
	// true false false <nil>
	// true
}

// Seed-rules P-13 and P-15: the promotion is over, the image still shows
// the promo price and the item is still in the discount category.
func ExampleAuditListing() {
	start := time.Date(2024, 11, 1, 0, 0, 0, 0, time.UTC)
	l := pricing.Listing{
		Displayed:          pricing.MustNew("59.00", pricing.CNY),
		Actual:             pricing.MustNew("79.00", pricing.CNY),
		List:               pricing.MustNew("79.00", pricing.CNY),
		Promo:              pricing.TimeWindow{Start: start, End: start.AddDate(0, 0, 11)},
		InDiscountCategory: true,
	}
	issues, _ := pricing.AuditListing(l, start.AddDate(0, 0, 12))
	for _, is := range issues {
		fmt.Println(is.Code)
		fmt.Println("  " + is.String())
	}
	// Output:
	// stale-promo-price
	//   stale-promo-price: displayed CNY 59.00, actual CNY 79.00, at 2024-11-13T00:00:00Z outside the promotion [2024-11-01T00:00:00Z, 2024-11-12T00:00:00Z)
	// stale-discount-category
	//   stale-discount-category: in the discount category at CNY 79.00, list CNY 79.00
}

func ExampleFloorPolicy_HasRules() {
	var none pricing.FloorPolicy
	p, _ := pricing.NewFloorPolicy(pricing.MinListRatio(pricing.MustRate("7折")))
	fmt.Println(none.HasRules(), p.HasRules())
	// Output: false true
}
