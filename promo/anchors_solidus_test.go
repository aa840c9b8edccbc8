package promo_test

// Anchor cases from Solidus (solidusio/solidus at 1f5bf5c6, 2026-08-19):
// the specs of its two promotion systems, legacy_promotions/ (Spree::
// Promotion, "legacy" below) and promotions/ (SolidusPromotions, "new"
// below), translated to opskit. Solidus amounts are BigDecimal dollars of
// the order's currency; the test orders are USD unless a spec says
// otherwise. The factory order_with_line_items gives each line quantity 1
// at price 10 and a shipment of 100 unless the spec sets them; each line
// is its own product (here: line ID = SKU = product).
//
// Translation (each test says which it uses):
//
//	FlatRate on an order (CreateAdjustment)     AmountOff{Scope: PerOrder}
//	FlatRate on a line item of quantity 1      AmountOff per unit (Solidus's is per line)
//	Percent, PercentOnLineItem                 PercentOff per unit (rounded once per line)
//	FlatPercentItemTotal on the order          PercentOff{Scope: PerOrder}
//	DistributedAmount                          AmountOff{Scope: PerOrder} with the target
//	PercentWithCap                             PercentOff{Scope: PerOrder, Cap}
//	TieredFlatRate / TieredPercent             Threshold tiers (the base amount or percent
//	                                           as a tier from 0.01, any non-empty cart)
//	TieredPercentOnEligibleItemQuantity        Threshold{Basis: ByQuantity} rate tiers
//	ItemTotal gte X / gt X                     a tier from X / from X + 0.01 (amounts are
//	                                           whole cents, so > X is ≥ X + 0.01)
//	DiscountedItemTotal                        a tier on BaseAfterItems (the default)
//	FirstOrder                                 Conditions.FirstOrder, Customer.PriorOrders
//	usage_limit / per_code_usage_limit          Limits.Total with Usage.Total
//	FreeShipping / AdjustShipment 100 %         FreeShipping without a minimum
//	FreeShipping shipment FlatRate X           FreeShipping{Off: X}
//
// Solidus rounds each line's discount (BigDecimal#round, half up); opskit
// rounds a promotion's discount once per line (item layer) or once per
// promotion and allocates it (order layer), half up by default (promo/doc.go,
// "Money"). The cases below have no half cent unless they say so.

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// solOff returns what promotion id took off each line, in cart order.
func solOff(res promo.Result, id string) []string { return lineShares(res, id) }

// solPromo is an automatic promotion.
func solPromo(id string, a promo.Action) promo.Promotion { return promo.Promotion{ID: id, Action: a} }

// solOrderOff is a DistributedAmount (or an order FlatRate) of amount.
func solOrderOff(id, amount string, target promo.Selector) promo.Promotion {
	return promo.Promotion{ID: id, Target: target, Action: promo.AmountOff{Amount: usd(amount), Scope: promo.PerOrder}}
}

// solLines is one line per price, each quantity 1, IDs a, b, c...
func solLines(prices ...string) []promo.Line {
	var ls []promo.Line
	for i, p := range prices {
		ls = append(ls, ancLine(string(rune('a'+i)), 1, p))
	}
	return ls
}

func TestSolidusDistributedAmount(t *testing.T) {
	// new calculators/distributed_amount_spec.rb "applied to an order" /
	// it "correctly distributes the entire discount": 15 over lines of 20,
	// 30 and 100: promo_total -15, adjustments [-2, -3, -10]. The legacy
	// promotion_integration_spec.rb "distributing amount across line items"
	// asserts the same.
	res := ancRun(t, ancCart(solLines("20.00", "30.00", "100.00")...), solOrderOff("spread", "15.00", promo.Selector{}))
	assert.Equal(t, []string{"2.00", "3.00", "10.00"}, solOff(res, "spread"))
	assert.Equal(t, "USD 15.00", res.OrderDiscount.String())
	// context "with product promotion condition" / it "still distributes
	// the entire discount": only the first line's product qualifies:
	// [-15, 0, 0].
	res = ancRun(t, ancCart(solLines("20.00", "30.00", "100.00")...), solOrderOff("spread", "15.00", promo.Selector{SKUs: []string{"a"}}))
	assert.Equal(t, []string{"15.00", "0.00", "0.00"}, solOff(res, "spread"))
	// describe "#compute_line_item" (new and legacy
	// distributed_amount_spec.rb): 15 over three lines of 50: 5 on the
	// first.
	res = ancRun(t, ancCart(solLines("50.00", "50.00", "50.00")...), solOrderOff("spread", "15.00", promo.Selector{}))
	assert.Equal(t, []string{"5.00", "5.00", "5.00"}, solOff(res, "spread"))
}

func TestSolidusDistributedAmountsHandler(t *testing.T) {
	// new and core distributed_amounts_handler_spec.rb, describe "#amount".
	run := func(off string, lines ...promo.Line) []string {
		return solOff(ancRun(t, ancCart(lines...), solOrderOff("d", off, promo.Selector{})), "d")
	}
	// "when there is only one line item" / "applies the entire amount to
	// the line item": 15 on a line of 100.
	assert.Equal(t, []string{"15.00"}, run("15.00", ancLine("a", 1, "100.00")))
	// "and the line items are equally priced" / "evenly distributes the
	// total amount": [5, 5, 5].
	assert.Equal(t, []string{"5.00", "5.00", "5.00"}, run("15.00", solLines("50.00", "50.00", "50.00")...))
	// "and the total amount cannot be equally distributed": 10 over three
	// lines of 50, match_array [3.33, 3.33, 3.34] (any order). Largest
	// remainder gives the cent to the first line on a tie (promo/doc.go,
	// "Money").
	got := run("10.00", solLines("50.00", "50.00", "50.00")...)
	assert.ElementsMatch(t, []string{"3.33", "3.33", "3.34"}, got)
	assert.Equal(t, []string{"3.34", "3.33", "3.33"}, got)
	// "and the line items do not have equal subtotal amounts": 15 over
	// 3 × 50, 1 × 50 and 2 × 50: [7.5, 2.5, 5].
	assert.Equal(t, []string{"7.50", "2.50", "5.00"},
		run("15.00", ancLine("a", 3, "50.00"), ancLine("b", 1, "50.00"), ancLine("c", 2, "50.00")))
}

func TestSolidusPercentWithCap(t *testing.T) {
	// new calculators/percent_with_cap_spec.rb, 15 % with max_amount 50.
	capped := solPromo("cap", promo.PercentOff{Rate: rate("8.5折"), Cap: usd("50.00"), Scope: promo.PerOrder})
	// context "with a less expensive order" / it "correctly calculates
	// 15%": 12, 23 and 10: promo_total -6.75, lines [-1.8, -3.45, -1.5].
	res := ancRun(t, ancCart(solLines("12.00", "23.00", "10.00")...), capped)
	assert.Equal(t, []string{"1.80", "3.45", "1.50"}, solOff(res, "cap"))
	assert.Equal(t, "USD 6.75", res.OrderDiscount.String())
	// it "correctly distributes the entire discount": 120, 230 and 300
	// (15 % is 97.50, capped at 50): promo_total -50, lines [-9.24,
	// -17.69, -23.07]. The exact shares are 9.2308, 17.6923 and 23.0769;
	// Solidus splits the cap with Money#allocate, which leaves the
	// stray cent on the first line; opskit allocates by largest remainder
	// (promo/doc.go, "Money"), which gives it to the third (remainder
	// 0.69 of a cent against 0.08).
	res = ancRun(t, ancCart(solLines("120.00", "230.00", "300.00")...), capped)
	assert.Equal(t, "USD 50.00", res.OrderDiscount.String())
	assert.Equal(t, "USD 50.00", explanation(t, res, "cap").Amount.String())
	got := solOff(res, "cap")
	assert.Equal(t, []string{"9.23", "17.69", "23.08"}, got)
	// Documented (doc.go): "Solidus's Money#allocate puts a spare cent on the first line instead
	// (50 off 120, 230, 300: Solidus 9.24, 17.69, 23.07; here 9.23, 17.69, 23.08)".
}

func TestSolidusPercent(t *testing.T) {
	// new calculators/percent_spec.rb it "computes based on item price
	// and quantity": 15 % of 10 × 9.99 = 14.985, rounded to 14.99.
	res := ancRun(t, ancCart(ancLine("a", 10, "9.99")), solPromo("pct", promo.PercentOff{Rate: rate("8.5折")}))
	assert.Equal(t, []string{"14.99"}, solOff(res, "pct"))
	// legacy calculator/percent_on_line_item_spec.rb it "computes based on
	// item price and quantity": 15 % of a line amount of 100 is 15.
	res = ancRun(t, ancCart(ancLine("a", 1, "100.00")), solPromo("pct", promo.PercentOff{Rate: rate("8.5折")}))
	assert.Equal(t, []string{"15.00"}, solOff(res, "pct"))
}

func TestSolidusFlatPercentItemTotal(t *testing.T) {
	// legacy calculator/flat_percent_item_total_spec.rb, 10 %, it "should
	// round result correctly": 31.08 gives 3.11 (3.108), 31.00 gives 3.10.
	ten := solPromo("ten", promo.PercentOff{Rate: rate("9折"), Scope: promo.PerOrder})
	res := ancRun(t, ancCart(ancLine("a", 1, "31.08")), ten)
	assert.Equal(t, "USD 3.11", res.OrderDiscount.String())
	res = ancRun(t, ancCart(ancLine("a", 1, "31.00")), ten)
	assert.Equal(t, "USD 3.10", res.OrderDiscount.String())
	// it "should round result based on order currency": a JPY order of 31
	// gives 3 (3.1 rounded to the yen). The spec's other JPY amount, 31.08,
	// is not a yen amount: opskit refuses unrounded amounts.
	jpyTen := solPromo("ten", promo.PercentOff{Rate: rate("9折"), Scope: promo.PerOrder})
	e, err := promo.NewEngine(pricing.JPY, []promo.Promotion{jpyTen})
	require.NoError(t, err)
	jres, err := e.Evaluate(promo.Cart{Currency: pricing.JPY, At: testNow,
		Lines: []promo.Line{{ID: "a", SKU: "a", Qty: 1, UnitPrice: pricing.MustNew("31", pricing.JPY)}}})
	require.NoError(t, err)
	assert.Equal(t, "JPY 3", jres.OrderDiscount.String())
}

func TestSolidusFlatRate(t *testing.T) {
	// new calculators/flat_rate_spec.rb "compute_line_item" / "when
	// preferred currency matches order": 25 off a line of 100 is 25.
	res := ancRun(t, ancCart(ancLine("a", 1, "100.00")), solPromo("flat", promo.AmountOff{Amount: usd("25.00")}))
	assert.Equal(t, []string{"25.00"}, solOff(res, "flat"))
	// "compute_shipment": 25 off a shipment of 100 is 25.
	c := ancCart(ancLine("a", 1, "100.00"))
	c.Shipping = usd("100.00")
	res = ancRun(t, c, solPromo("ship", promo.FreeShipping{Off: usd("25.00")}))
	assert.Equal(t, "USD 75.00", res.ShippingAfter.String())
	// legacy promotion/actions/create_item_adjustments_spec.rb
	// "#compute_amount" / "calculator returns amount greater than item
	// total" / it "does not exceed it": 300 on a line of 100 gives -100.
	res = ancRun(t, ancCart(ancLine("a", 1, "100.00")), solPromo("flat", promo.AmountOff{Amount: usd("300.00")}))
	assert.Equal(t, []string{"100.00"}, solOff(res, "flat"))
	// legacy create_adjustment_spec.rb "#perform" / it "should create a
	// discount with correct negative amount": 10 off an order of one line
	// (10) and a shipment of 10: -10.
	c = ancCart(ancLine("a", 1, "10.00"))
	c.Shipping = usd("10.00")
	res = ancRun(t, c, solOrderOff("flat", "10.00", promo.Selector{}))
	assert.Equal(t, "USD 10.00", res.OrderDiscount.String())
	// "#compute_amount" / "calculator returns amount greater than order
	// total" / it "does not exceed it": 300 off item_total 50 and
	// ship_total 50 gives -100 in Solidus, whose order adjustment may eat
	// into shipping. opskit's order discount stays on the goods: "AmountOff
	// is 直降: Amount off each targeted unit, or with Scope PerOrder off
	// the targeted subtotal ... Never below zero." (promo/action.go), so
	// 50, and the shipping of 50 is still due.
	c = ancCart(ancLine("a", 1, "50.00"))
	c.Shipping = usd("50.00")
	res = ancRun(t, c, solOrderOff("flat", "300.00", promo.Selector{}))
	assert.Equal(t, "USD 50.00", res.OrderDiscount.String())
	assert.Equal(t, "USD 50.00", res.Total.String())
}

func TestSolidusFlexiRate(t *testing.T) {
	// legacy calculator/flexi_rate_spec.rb and new
	// calculators/flexi_rate_spec.rb "compute_line_item": first_item off
	// the first unit, additional_item off each further unit, at most
	// max_items units (0: no maximum). opskit has no such calculator; with
	// a maximum and a line of at least max_items units the same amounts are
	// two stacked caps on the line: first_item off one unit, additional_item
	// off max_items - 1 more, the dearest units first, so the second cap
	// takes units the first left at full price. (With fewer units, or no
	// maximum, the second cap would need "every unit but the first": a cap
	// counts units, and on a line of q < max_items units it takes the first
	// cap's unit too; those cases are not translated.) The line is q units
	// at 10.00 (the specs mock only the quantity).
	flexi := func(t *testing.T, first, additional string, maxItems, qty int64) string {
		t.Helper()
		ps := []promo.Promotion{{ID: "1-first", Stackable: true,
			Action: promo.LimitedUnits{Amount: usd(first), PerLine: 1, Pick: promo.DearestFirst}}}
		if additional != "" {
			ps = append(ps, promo.Promotion{ID: "2-more", Stackable: true,
				Action: promo.LimitedUnits{Amount: usd(additional), PerLine: maxItems - 1, Pick: promo.DearestFirst}})
		}
		res := ancRun(t, ancCart(ancLine("a", qty, "10.00")), ps...)
		return res.ItemDiscount.StringAmount()
	}
	// "when first_item has a value" (1.23, additional 0): quantity 1, 2
	// and 10 all give 1.23 (one cap of one unit).
	for _, q := range []int64{1, 2, 10} {
		assert.Equal(t, "1.23", flexi(t, "1.23", "", 0, q), "quantity %d", q)
	}
	// "when first_item and additional_items has a value" (1.13, 2.11) /
	// "with max_items 5": quantity 5 -> 9.57 and 10 -> 9.57
	// (1.13 + 4 × 2.11).
	assert.Equal(t, "9.57", flexi(t, "1.13", "2.11", 5, 5))
	assert.Equal(t, "9.57", flexi(t, "1.13", "2.11", 5, 10))
}

// solTiers is a Threshold by amount: the base reward from 0.01 (Solidus's
// base_amount or base_percent, which applies to any order), then each tier.
func solTiers(tiers ...promo.Tier) promo.Threshold { return promo.Threshold{Tiers: tiers} }

func TestSolidusTieredFlatRate(t *testing.T) {
	// legacy calculator/tiered_flat_rate_spec.rb and new
	// calculators/tiered_flat_rate_spec.rb "#compute": base_amount 10,
	// tiers {100 => 15, 200 => 20}, an order of one line. Solidus tests
	// the line's own amount; on a one-line order that is the targeted
	// subtotal opskit tests.
	tiered := solPromo("tiers", solTiers(
		promo.Tier{MinAmount: usd("0.01"), Off: usd("10.00")},
		promo.Tier{MinAmount: usd("100.00"), Off: usd("15.00")},
		promo.Tier{MinAmount: usd("200.00"), Off: usd("20.00")}))
	// "when amount falls within the first tier": 50 -> 10.
	res := ancRun(t, ancCart(ancLine("a", 1, "50.00")), tiered)
	assert.Equal(t, "USD 10.00", res.OrderDiscount.String())
	// "when amount falls within the second tier": 150 -> 15.
	res = ancRun(t, ancCart(ancLine("a", 1, "150.00")), tiered)
	assert.Equal(t, "USD 15.00", res.OrderDiscount.String())
}

func TestSolidusTieredPercent(t *testing.T) {
	// legacy calculator/tiered_percent_spec.rb and new
	// calculators/tiered_percent_spec.rb "#compute": base_percent 10,
	// tiers {20 => 15, 30 => 20} on the order's item_total, the percent
	// taken off each line.
	tiered := solPromo("tiers", solTiers(
		promo.Tier{MinAmount: usd("0.01"), Rate: rate("9折")},
		promo.Tier{MinAmount: usd("20.00"), Rate: rate("8.5折")},
		promo.Tier{MinAmount: usd("30.00"), Rate: rate("8折")}))
	tests := []struct {
		name      string
		prices    []string
		wantLine  string // "with a line item": the first line's discount
		wantOrder string // "with an order": the order's discount
	}{
		// "for multiple line items", lines of 10: one -> 1.0 (order 1.0),
		// two -> 1.5 each (order 3.0), three -> 2.0 each (order 6.0).
		{"multiple, first tier", []string{"10.00"}, "1.00", "USD 1.00"},
		{"multiple, second tier", []string{"10.00", "10.00"}, "1.50", "USD 3.00"},
		{"multiple, third tier", []string{"10.00", "10.00", "10.00"}, "2.00", "USD 6.00"},
		// "for a single line item": 10 -> 1.0, 20 -> 3.0, 30 -> 6.0.
		{"single, first tier", []string{"10.00"}, "1.00", "USD 1.00"},
		{"single, second tier", []string{"20.00"}, "3.00", "USD 3.00"},
		{"single, third tier", []string{"30.00"}, "6.00", "USD 6.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := ancRun(t, ancCart(solLines(tt.prices...)...), tiered)
			assert.Equal(t, tt.wantLine, adjustment(res, 0, "tiers"))
			assert.Equal(t, tt.wantOrder, res.OrderDiscount.String())
		})
	}
	// "when the order's currency does not match the calculator" / it
	// "rounds based on currency": a JPY order of one line of 15 gets 2
	// (10 % is 1.5, rounded half up to the yen).
	jpy := func(s string) pricing.Money { return pricing.MustNew(s, pricing.JPY) }
	e, err := promo.NewEngine(pricing.JPY, []promo.Promotion{solPromo("tiers", solTiers(
		promo.Tier{MinAmount: jpy("1"), Rate: rate("9折")},
		promo.Tier{MinAmount: jpy("20"), Rate: rate("8.5折")},
		promo.Tier{MinAmount: jpy("30"), Rate: rate("8折")}))})
	require.NoError(t, err)
	res, err := e.Evaluate(promo.Cart{Currency: pricing.JPY, At: testNow,
		Lines: []promo.Line{{ID: "a", SKU: "a", Qty: 1, UnitPrice: jpy("15")}}})
	require.NoError(t, err)
	assert.Equal(t, "JPY 2", res.OrderDiscount.String())
}

func TestSolidusTieredPercentInQuantityGroups(t *testing.T) {
	// legacy promotion/actions/create_quantity_adjustments_spec.rb and new
	// benefits/adjust_line_item_quantity_groups_spec.rb "with a tiered
	// percentage based adjustment": TieredPercent base 10, {20 => 20,
	// 40 => 30}, group size 3, 2 × A and 1 × B. The three units are one
	// full group, so every unit takes the tier's percent, which is a
	// Threshold's rate tier on the whole order.
	tiered := solPromo("tiers", solTiers(
		promo.Tier{MinAmount: usd("0.01"), Rate: rate("9折")},
		promo.Tier{MinAmount: usd("20.00"), Rate: rate("8折")},
		promo.Tier{MinAmount: usd("40.00"), Rate: rate("7折")}))
	// "when amount falls within the first tier" (A and B at 10, item total
	// 30 -> 20 %): A -4, B -2.
	res := ancRun(t, ancCart(ancLine("a", 2, "10.00"), ancLine("b", 1, "10.00")), tiered)
	assert.Equal(t, []string{"4.00", "2.00"}, solOff(res, "tiers"))
	// "when amount falls within the second tier" (B at 20, item total 40 ->
	// 30 %): A -6, B -6.
	res = ancRun(t, ancCart(ancLine("a", 2, "10.00"), ancLine("b", 1, "20.00")), tiered)
	assert.Equal(t, []string{"6.00", "6.00"}, solOff(res, "tiers"))
}

func TestSolidusTieredPercentOnEligibleItemQuantity(t *testing.T) {
	// new calculators/tiered_percent_on_eligible_item_quantity_spec.rb:
	// base_percent 10, tiers {10 => 15} on the quantity of the lines in
	// the taxon "clothes" (shirt and pants), the percent taken off each
	// line; the shirt line's discount is asserted. Pants and mug lines are
	// at the factory price of 10.
	clothes := promo.Selector{Categories: []string{"clothes"}}
	tiered := promo.Promotion{ID: "qty", Target: clothes, Action: promo.Threshold{Basis: promo.ByQuantity, Tiers: []promo.Tier{
		{MinQty: 1, Rate: rate("9折")}, {MinQty: 10, Rate: rate("8.5折")}}}}
	cart := func(shirts, pants int64) promo.Cart {
		shirt := ancLine("shirt", shirts, "50.00")
		shirt.Categories = []string{"clothes"}
		p := ancLine("pants", pants, "10.00")
		p.Categories = []string{"clothes"}
		return ancCart(shirt, p, ancLine("mug", 1, "10.00"))
	}
	// it { is_expected.to eq(10) }: 2 shirts at 50 and 3 pants (5 units):
	// 10 % of 100.
	res := ancRun(t, cart(2, 3), tiered)
	assert.Equal(t, "10.00", adjustment(res, 0, "qty"))
	// context "if we have 12": 7 shirts and 5 pants: 15 % of 350 = 52.5.
	res = ancRun(t, cart(7, 5), tiered)
	assert.Equal(t, "52.50", adjustment(res, 0, "qty"))
	assert.Equal(t, "0.00", adjustment(res, 2, "qty"), "the mug is not in the taxon")
}

func TestSolidusChooseDiscounts(t *testing.T) {
	// new order_adjuster/choose_discounts_spec.rb: of a discount of 2 and
	// one of 1 on the same item in one lane, only the 2 is kept
	// (contain_exactly(good_discount)). The README: "Solidus picks the
	// largest discount per item within a promotion lane"; opskit gives
	// each unit the per-unit promotion that saves most on it.
	res := ancRun(t, ancCart(ancLine("a", 1, "10.00")),
		solPromo("good", promo.AmountOff{Amount: usd("2.00")}), solPromo("bad", promo.AmountOff{Amount: usd("1.00")}))
	assert.Equal(t, []string{"2.00"}, solOff(res, "good"))
	assert.Equal(t, []string{"0.00"}, solOff(res, "bad"))
	assert.Equal(t, promo.NotChosen, explanation(t, res, "bad").Status)
}

func TestSolidusCouponCodeNormalizer(t *testing.T) {
	// new concerns/solidus_promotions/coupon_code_normalizer_spec.rb "when
	// case is insensitive": "10FFF" -> "10fff", "  10oFF  " -> "10off",
	// "10OfF" -> "10off", "10off" -> "10off", "   " -> "". Solidus
	// lower-cases and opskit upper-cases, so the same codes match: each
	// pair normalises alike, and whitespace alone is no code.
	for _, p := range [][2]string{{"10FFF", "10fff"}, {"  10oFF  ", "10off"}, {"10OfF", "10off"}, {"10off", "10off"}} {
		assert.Equal(t, promo.NormalizeCode(p[1]), promo.NormalizeCode(p[0]), "%q and %q", p[0], p[1])
	}
	assert.Equal(t, "", promo.NormalizeCode("   "))
	assert.Equal(t, "", promo.NormalizeCode(""))
	// legacy promotion_code_spec.rb "#normalize_code" / "with extra
	// spacing": " new code " is stored as "new code", the inner space
	// kept, so "newcode" is another code. opskit drops it, as documented:
	// "NormalizeCode is applied to every code before matching: spaces
	// (including the ideographic space), hyphens and invisible characters
	// are dropped, letters upper-cased" (promo/doc.go, "Coupon codes").
	assert.Equal(t, "NEWCODE", promo.NormalizeCode(" new code "))
	assert.Equal(t, promo.NormalizeCode("newcode"), promo.NormalizeCode(" new code "))
	// "with mixed case": "NewCoDe" is "newcode" (one code whatever the case).
	assert.Equal(t, promo.NormalizeCode("newcode"), promo.NormalizeCode("NewCoDe"))
}
