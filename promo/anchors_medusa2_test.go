package promo_test

import (
	"testing"

	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
)

// More anchor cases from Medusa's compute-actions.spec.ts (the spec; see
// anchors_medusa_test.go for the commit, the translation and the
// helpers): shipping methods and buyget promotions.
//
// Medusa's buyget (src/utils/compute-actions/buy-get.ts) rewards one
// group: buy_rules_min_quantity units matching buy_rules, then
// apply_to_quantity units matching target_rules, each at its whole unit
// price (the application method's value is not read). That is a BuyXGetY
// with Target the buy rules, Get the target rules, Free and MaxTimes 1.

// shippingCart is a cart of one cotton item and a shipping fee: opskit
// has one fee per cart where Medusa has shipping methods, so each Medusa
// method is a cart of its own.
func shippingCart(fee string) promo.Cart {
	c := medusaCart([]string{"PROMOTION_TEST", "PROMOTION_TEST_2"}, medusaItem("item_cotton_tshirt", "prod_tshirt", "catg_cotton", 1, "100.00"))
	c.Shipping = medusaUSD(fee)
	return c
}

// shippingOff returns what each promotion took off the fee.
func shippingOff(t *testing.T, res promo.Result, codes ...string) []string {
	t.Helper()
	var out []string
	for _, code := range codes {
		out = append(out, explanation(t, res, code).Amount.StringAmount())
	}
	return out
}

func TestMedusaShippingEachFixed(t *testing.T) {
	// describe "when promotion is for shipping_method and allocation is
	// each" / "when application type is fixed" / it "should compute the
	// correct shipping_method amendments": fixed 200 on shipping methods
	// express (subtotal 250) and standard (150). Asserted: express 200,
	// standard 150 (capped at the method's price).
	for fee, want := range map[string]string{"250.00": "200.00", "150.00": "150.00"} {
		res := ancRun(t, shippingCart(fee), medusaPromo("PROMOTION_TEST", promo.Selector{}, promo.FreeShipping{Off: medusaUSD("200.00")}))
		assert.Equal(t, []string{want}, shippingOff(t, res, "PROMOTION_TEST"), fee)
	}
}

func TestMedusaShippingEachFixedSequence(t *testing.T) {
	// Same describe, it "should compute the correct item amendments when
	// there are multiple promotions to apply": fixed 200 twice; asserted
	// express (250): 200 then 50; standard (150): 150 and nothing.
	for fee, want := range map[string][]string{"250.00": {"200.00", "50.00"}, "150.00": {"150.00", "0.00"}} {
		res := ancRun(t, shippingCart(fee),
			medusaPromo("PROMOTION_TEST", promo.Selector{}, promo.FreeShipping{Off: medusaUSD("200.00")}),
			medusaPromo("PROMOTION_TEST_2", promo.Selector{}, promo.FreeShipping{Off: medusaUSD("200.00")}))
		assert.Equal(t, "0.00", res.ShippingAfter.StringAmount(), fee)
		assert.Equal(t, want, shippingOff(t, res, "PROMOTION_TEST", "PROMOTION_TEST_2"), fee)
	}
}

// buyGetItems is the context of the spec's first buyget tests: two t-shirt
// lines and a sweater line of 2 units each.
func buyGetItems() []promo.Line {
	return []promo.Line{
		medusaItem("item_cotton_tshirt", "prod_tshirt_1", "catg_tshirt", 2, "500.00"),
		medusaItem("item_cotton_tshirt2", "prod_tshirt_2", "catg_tshirt", 2, "1000.00"),
		medusaItem("item_cotton_sweater", "prod_sweater_1", "catg_sweater", 2, "1000.00"),
	}
}

// buyGet is a Medusa buyget: buy qty of buy, get getQty of get, once; in
// campaign-id-1 (its spend budget of 1000) unless the spec sets
// campaign_id undefined or null, which leaves the budget out. Not
// Stackable: Medusa reserves the units a buyget uses (eligibleBuyItemMap),
// and opskit's group promotions claim theirs, so two buygets take disjoint
// units; stacked, the second would reward units the first already made
// free, saving nothing.
func buyGet(code string, buy, get promo.Selector, qty, getQty int64, campaign bool) promo.Promotion {
	p := medusaPromo(code, buy, promo.BuyXGetY{BuyQty: qty, Get: &get, GetQty: getQty, Free: true, MaxTimes: 1})
	p.Stackable = false
	if !campaign {
		p.Limits = promo.Limits{}
	}
	return p
}

var (
	sweaters = promo.Selector{Categories: []string{"catg_sweater"}}
	tshirts  = promo.Selector{Categories: []string{"catg_tshirt"}}
)

func TestMedusaBuyGetOneUnit(t *testing.T) {
	// describe "when promotion of type buyget" / it "should compute
	// adjustment when target and buy rules match": buy 1 catg_sweater, get
	// 1 catg_tshirt; tshirt 2 × subtotal 1000, tshirt2 2 × subtotal 2000,
	// sweater 2 × subtotal 2000. Asserted: tshirt2 1000 (Medusa sorts the
	// target items dearest first). opskit rewards the cheapest qualifying
	// unit, as BuyXGetY's doc says ("The cheapest qualifying units are the
	// rewarded ones."): tshirt 500.
	res := ancRun(t, medusaCart([]string{"PROMOTION_TEST"}, buyGetItems()...), buyGet("PROMOTION_TEST", sweaters, tshirts, 1, 1, true))
	assert.Equal(t, "500.00", adjusted(t, res, "item_cotton_tshirt", "PROMOTION_TEST"))
	assert.Equal(t, "0.00", adjusted(t, res, "item_cotton_tshirt2", "PROMOTION_TEST"))
	assert.Equal(t, "0.00", adjusted(t, res, "item_cotton_sweater", "PROMOTION_TEST"))
}

func TestMedusaBuyGetSeveralLines(t *testing.T) {
	// Same describe, it "should compute actions for multiple items when
	// conditions for target qty exceed one item": buy 1 sweater, get 4
	// t-shirts (campaign_id undefined: no budget). Asserted: tshirt2 2000,
	// tshirt 1000: all four are free.
	res := ancRun(t, medusaCart([]string{"PROMOTION_TEST"}, buyGetItems()...), buyGet("PROMOTION_TEST", sweaters, tshirts, 1, 4, false))
	assert.Equal(t, "2000.00", adjusted(t, res, "item_cotton_tshirt2", "PROMOTION_TEST"))
	assert.Equal(t, "1000.00", adjusted(t, res, "item_cotton_tshirt", "PROMOTION_TEST"))
	assert.Equal(t, "USD 3000.00", res.ItemDiscount.String())
}

func TestMedusaBuyGetNotMet(t *testing.T) {
	// Same describe, it "should return empty array when conditions for
	// minimum qty aren't met" (buy 4 sweaters, get 1 t-shirt; 2 sweaters)
	// and it "should return empty array when target rules arent met with
	// context" (get 4 of catg_not-found): no action.
	c := medusaCart([]string{"PROMOTION_TEST"}, buyGetItems()...)
	res := ancRun(t, c, buyGet("PROMOTION_TEST", sweaters, tshirts, 4, 1, true))
	assert.Equal(t, "USD 0.00", res.ItemDiscount.String())
	assert.Equal(t, promo.NoQualifyingUnits, explanation(t, res, "PROMOTION_TEST").Reason)
	res = ancRun(t, c, buyGet("PROMOTION_TEST", sweaters, promo.Selector{Categories: []string{"catg_not-found"}}, 1, 4, false))
	assert.Equal(t, "USD 0.00", res.ItemDiscount.String())
	assert.NotEqual(t, promo.Applied, explanation(t, res, "PROMOTION_TEST").Status)
}

// product1 is the spec's buy x get x rule: product.id eq "prod_tshirt_1",
// for both buy_rules and target_rules.
var product1 = promo.Selector{Products: []string{"prod_tshirt_1"}}

// buyXGetX is the spec's buyXGetXPromotion: buy 2, get 2 of product1.
func buyXGetX() promo.Promotion { return buyGet("PROMOTION_TEST", product1, product1, 2, 2, true) }

func TestMedusaBuyXGetXOneItem(t *testing.T) {
	// describe "when scenario is buy x get x" / it "should compute
	// adjustment accurately for a single item": tshirt (prod_tshirt_1)
	// quantity 4 subtotal 1000, tshirt2 (prod_tshirt_2) 2 × subtotal 2000.
	// Asserted: tshirt 500 (2 units of 250).
	res := ancRun(t, medusaCart([]string{"PROMOTION_TEST"},
		medusaItem("item_cotton_tshirt", "prod_tshirt_1", "", 4, "250.00"),
		medusaItem("item_cotton_tshirt2", "prod_tshirt_2", "", 2, "1000.00")), buyXGetX())
	assert.Equal(t, "500.00", adjusted(t, res, "item_cotton_tshirt", "PROMOTION_TEST"))
	assert.Equal(t, "USD 500.00", res.ItemDiscount.String())
}

func TestMedusaBuyXGetXAcrossItems(t *testing.T) {
	// Same describe, it "should compute adjustment accurately across
	// items": four prod_tshirt_1 lines of 1 unit, subtotals 500, 500, 1000,
	// 1000. Asserted: tshirt1 500, tshirt 500: the two dearest are bought,
	// the two cheapest free.
	res := ancRun(t, medusaCart([]string{"PROMOTION_TEST"},
		medusaItem("item_cotton_tshirt", "prod_tshirt_1", "", 1, "500.00"),
		medusaItem("item_cotton_tshirt1", "prod_tshirt_1", "", 1, "500.00"),
		medusaItem("item_cotton_tshirt2", "prod_tshirt_1", "", 1, "1000.00"),
		medusaItem("item_cotton_tshirt3", "prod_tshirt_1", "", 1, "1000.00")), buyXGetX())
	assert.Equal(t, []string{"500.00", "500.00", "0.00", "0.00"}, []string{
		adjusted(t, res, "item_cotton_tshirt", "PROMOTION_TEST"), adjusted(t, res, "item_cotton_tshirt1", "PROMOTION_TEST"),
		adjusted(t, res, "item_cotton_tshirt2", "PROMOTION_TEST"), adjusted(t, res, "item_cotton_tshirt3", "PROMOTION_TEST")})
}

func TestMedusaBuyXGetXNotMet(t *testing.T) {
	// Same describe, it "should not compute adjustment when required
	// quantity for target isn't met" (tshirt quantity 3, subtotal 1000;
	// 1000/3 is no amount in cents, 333.33 stands for it) and "... across
	// items" (three prod_tshirt_1 lines of 1 × 1000): no action; buy 2 get
	// 2 needs 4 units.
	for _, c := range []promo.Cart{
		medusaCart([]string{"PROMOTION_TEST"}, medusaItem("item_cotton_tshirt", "prod_tshirt_1", "", 3, "333.33")),
		medusaCart([]string{"PROMOTION_TEST"},
			medusaItem("item_cotton_tshirt", "prod_tshirt_1", "", 1, "1000.00"),
			medusaItem("item_cotton_tshirt1", "prod_tshirt_1", "", 1, "1000.00"),
			medusaItem("item_cotton_tshirt2", "prod_tshirt_1", "", 1, "1000.00")),
	} {
		res := ancRun(t, c, buyXGetX())
		assert.Equal(t, "USD 0.00", res.ItemDiscount.String())
		assert.NotEqual(t, promo.Applied, explanation(t, res, "PROMOTION_TEST").Status)
	}
}

// bulk is the spec's pair BUY50GET1000 and BUY10GET20 (buy 50 get 1000,
// buy 10 get 20, both of product1, campaign_id null).
func bulk() []promo.Promotion {
	return []promo.Promotion{
		buyGet("BUY50GET1000", product1, product1, 50, 1000, false),
		buyGet("BUY10GET20", product1, product1, 10, 20, false),
	}
}

func TestMedusaBuyGetBulkOneItem(t *testing.T) {
	// Same describe, it "should compute adjustment accurately for a single
	// item when multiple buyget promos are applied": tshirt quantity 1080,
	// subtotal 2700 (2.50 a unit). Asserted: BUY50GET1000 2500 (1000 units),
	// BUY10GET20 50 (20 units): 50 + 1000 + 10 + 20 = 1080 units.
	res := ancRun(t, medusaCart([]string{"BUY50GET1000", "BUY10GET20"},
		medusaItem("item_cotton_tshirt", "prod_tshirt_1", "", 1080, "2.50")), bulk()...)
	assert.Equal(t, "2500.00", adjusted(t, res, "item_cotton_tshirt", "BUY50GET1000"))
	assert.Equal(t, "50.00", adjusted(t, res, "item_cotton_tshirt", "BUY10GET20"))
	assert.Equal(t, "USD 150.00", res.Total.String())
}

func TestMedusaBuyGetBulkTwoItems(t *testing.T) {
	// Same describe, it "should compute adjustment accurately for multiple
	// items when multiple buyget promos are applied": tshirt and tshirt2,
	// each quantity 540 subtotal 1350. Asserted: BUY50GET1000 tshirt2 1225
	// and tshirt 1275 (2500 in all), BUY10GET20 tshirt2 50.
	res := ancRun(t, medusaCart([]string{"BUY50GET1000", "BUY10GET20"},
		medusaItem("item_cotton_tshirt", "prod_tshirt_1", "", 540, "2.50"),
		medusaItem("item_cotton_tshirt2", "prod_tshirt_1", "", 540, "2.50")), bulk()...)
	assert.Equal(t, "2500.00", explanation(t, res, "BUY50GET1000").Amount.StringAmount())
	assert.Equal(t, "50.00", explanation(t, res, "BUY10GET20").Amount.StringAmount())
	assert.Equal(t, "USD 150.00", res.Total.String())
	// Per line the two differ, all units being alike. Medusa reserves
	// BUY50GET1000's 50 buy units on tshirt2 and rewards 490 of tshirt2 and
	// 510 of tshirt, then BUY10GET20 buys 10 and rewards 20 more of tshirt2:
	// 50 + 490 + 10 + 20 = 570 units of a 540-unit line (buy-get.ts does not
	// count the units an earlier buyget rewarded), while 30 of tshirt are
	// left. opskit's groups claim disjoint units: tshirt 480 free, tshirt2
	// 520 free, and BUY10GET20's 20 on tshirt2.
	got := []string{
		adjusted(t, res, "item_cotton_tshirt2", "BUY50GET1000"), adjusted(t, res, "item_cotton_tshirt", "BUY50GET1000"),
		adjusted(t, res, "item_cotton_tshirt2", "BUY10GET20"), adjusted(t, res, "item_cotton_tshirt", "BUY10GET20")}
	assert.Equal(t, []string{"1300.00", "1200.00", "50.00", "0.00"}, got)
	t.Skipf("anchor mismatch: Medusa splits BUY50GET1000 1225 (tshirt2) / 1275 (tshirt), opskit %s / %s", got[0], got[1])
	assert.Equal(t, []string{"1225.00", "1275.00", "50.00", "0.00"}, got)
}

// The later spec (see anchors_medusa_test.go) repeats a buyget: groups of
// buy_rules_min_quantity bought and apply_to_quantity rewarded at value %
// off, while the rewarded units stay within max_quantity. That is
// MaxTimes max_quantity / apply_to_quantity.

// repeatGet is a later-spec buyget of product ids buy and get: value 100 %
// (Free) or rate, up to maxQty rewarded units; without the campaign's
// budget when campaign is false (campaign_id undefined).
func repeatGet(code, buy, get string, qty, getQty, maxQty int64, campaign bool) promo.Promotion {
	g := promo.Selector{Products: []string{get}}
	p := buyGet(code, promo.Selector{Products: []string{buy}}, g, qty, getQty, campaign)
	a := p.Action.(promo.BuyXGetY)
	a.MaxTimes = maxQty / getQty
	p.Action = a
	return p
}

func TestMedusaLaterTwoPlusOne(t *testing.T) {
	// The later spec, describe "when scenario is buy x get x", it "should
	// handle 2+1 free promotion correctly for same product": 2PLUS1FREE,
	// buy 2 get 1 of prod_tshirt_1 at 100 %, max_quantity 10; item_1 at 500
	// a unit. Asserted: quantity 2 nothing; 3: 500; 5: 500; 6: 1000.
	for qty, want := range map[int64]string{2: "0.00", 3: "500.00", 5: "500.00", 6: "1000.00"} {
		c := medusaCart([]string{"2PLUS1FREE"}, medusaItem("item_1", "prod_tshirt_1", "", qty, "500.00"))
		res := ancRun(t, c, repeatGet("2PLUS1FREE", "prod_tshirt_1", "prod_tshirt_1", 2, 1, 10, true))
		assert.Equal(t, want, adjusted(t, res, "item_1", "2PLUS1FREE"), qty)
	}
}

func TestMedusaLaterTwoPlusOneTwice(t *testing.T) {
	// Same describe, it "should handle multiple 2+1 free promotions
	// correctly for same product": FIRST2PLUS1FREE (max_quantity 2) and
	// SECOND2PLUS1FREE (max_quantity 1), both buy 2 get 1 at 100 %; item_1
	// at 500 a unit. Asserted: 3 units FIRST 500; 6 and 7 units FIRST 1000;
	// 9 and 1000 units FIRST 1000 and SECOND 500. Alone each saves the
	// same on 3 units; the tie goes to the smaller ID (package doc,
	// Choice).
	codes := []string{"FIRST2PLUS1FREE", "SECOND2PLUS1FREE"}
	for qty, want := range map[int64][]string{3: {"500.00", "0.00"}, 6: {"1000.00", "0.00"}, 7: {"1000.00", "0.00"},
		9: {"1000.00", "500.00"}, 1000: {"1000.00", "500.00"}} {
		c := medusaCart(codes, medusaItem("item_1", "prod_tshirt_1", "", qty, "500.00"))
		res := ancRun(t, c,
			repeatGet(codes[0], "prod_tshirt_1", "prod_tshirt_1", 2, 1, 2, true),
			repeatGet(codes[1], "prod_tshirt_1", "prod_tshirt_1", 2, 1, 1, true))
		assert.Equal(t, want, []string{adjusted(t, res, "item_1", codes[0]), adjusted(t, res, "item_1", codes[1])}, qty)
	}
}

func TestMedusaLaterBogoOverlap(t *testing.T) {
	// Same describe / "when multiple buyget promotions overlap on the same
	// item": BOGO1 and BOGO2, buy 1 get 1 of prod_tshirt_1 at 100 %,
	// max_quantity 1, campaign_id undefined. it "should not reuse units
	// consumed by another promotion": quantity 3, subtotal 15000: BOGO1
	// 5000 only. it "should apply each promotion when there are enough
	// units for both": quantity 4, subtotal 20000: 5000 each.
	codes := []string{"BOGO1", "BOGO2"}
	for qty, want := range map[int64][]string{3: {"5000.00", "0.00"}, 4: {"5000.00", "5000.00"}} {
		c := medusaCart(codes, medusaItem("item_cotton_tshirt", "prod_tshirt_1", "", qty, "5000.00"))
		res := ancRun(t, c,
			repeatGet("BOGO1", "prod_tshirt_1", "prod_tshirt_1", 1, 1, 1, false),
			repeatGet("BOGO2", "prod_tshirt_1", "prod_tshirt_1", 1, 1, 1, false))
		assert.Equal(t, want, []string{adjusted(t, res, "item_cotton_tshirt", "BOGO1"), adjusted(t, res, "item_cotton_tshirt", "BOGO2")}, qty)
	}
}

func TestMedusaLaterRepeatOneItem(t *testing.T) {
	// Same describe, it "should apply buyget promotion multiple times until
	// eligible quantity is exhausted on a single item" (buy 2 get 1 at
	// 100 %, max_quantity 100; item_cotton_tshirt 10 × subtotal 2500):
	// 750, three groups; and "... until max quantity is reached on a single
	// item" (max_quantity 2): 500.
	for maxQty, want := range map[int64]string{100: "750.00", 2: "500.00"} {
		c := medusaCart([]string{"TEST_BUYGET_PROMOTION"}, medusaItem("item_cotton_tshirt", "item_cotton_tshirt", "", 10, "250.00"))
		res := ancRun(t, c, repeatGet("TEST_BUYGET_PROMOTION", "item_cotton_tshirt", "item_cotton_tshirt", 2, 1, maxQty, true))
		assert.Equal(t, want, adjusted(t, res, "item_cotton_tshirt", "TEST_BUYGET_PROMOTION"), maxQty)
	}
}

func TestMedusaLaterRepeatTwoPromotions(t *testing.T) {
	// Same describe, it "should apply buyget promotion multiple times until
	// max quantity is reached": TEST_BUYGET_PROMOTION buys 2
	// item_cotton_tshirt and gets 1 item_cotton_tshirt2 (100 %,
	// max_quantity 2); TEST_BUYGET_PROMOTION_2 buys 1 and gets 1
	// (max_quantity 1); both lines 11 × subtotal 2750. Asserted: 500 and
	// 250 on item_cotton_tshirt2.
	const buy, get = "item_cotton_tshirt", "item_cotton_tshirt2"
	codes := []string{"TEST_BUYGET_PROMOTION", "TEST_BUYGET_PROMOTION_2"}
	c := medusaCart(codes, medusaItem(get, get, "", 11, "250.00"), medusaItem(buy, buy, "", 11, "250.00"))
	res := ancRun(t, c, repeatGet(codes[0], buy, get, 2, 1, 2, true), repeatGet(codes[1], buy, get, 1, 1, 1, true))
	assert.Equal(t, []string{"500.00", "250.00"}, []string{adjusted(t, res, get, codes[0]), adjusted(t, res, get, codes[1])})
	// it "should apply buyget promotion multiple times until eligible
	// quantity is exhausted": the same with max_quantity 100 for both.
	// Asserted: TEST_BUYGET_PROMOTION 1250 (5 groups use 10 of the 11
	// bought), TEST_BUYGET_PROMOTION_2 250 (the one left). Medusa applies
	// every code entered, in turn; opskit keeps the combination that saves
	// most (package doc, Choice: "Conflicts are choices: ... item group
	// promotions against other item promotions on the same lines, and
	// entered coupons (自动选择最优券: the engine picks the subset of
	// entered coupons that saves most)"): buy 1 get 1 alone frees 11
	// units, 2750, more than 1250 + 250.
	res = ancRun(t, c, repeatGet(codes[0], buy, get, 2, 1, 100, true), repeatGet(codes[1], buy, get, 1, 1, 100, false))
	assert.Equal(t, []string{"0.00", "2750.00"}, []string{adjusted(t, res, get, codes[0]), adjusted(t, res, get, codes[1])})
	assert.Equal(t, promo.NotChosen, explanation(t, res, codes[0]).Status)
}

func TestMedusaLaterBulkPercentage(t *testing.T) {
	// The later spec's "should compute adjustment accurately for a single
	// item when multiple buyget promos are applied": BUY50GET1000 (100 %)
	// and BUY10GET200 (buy 10, get 20 at 20 %, max_quantity 20),
	// campaign_id undefined; 1080 × subtotal 2700. Asserted: 2500 and 10
	// (20 % of 20 × 2.50).
	codes := []string{"BUY50GET1000", "BUY10GET200"}
	c := medusaCart(codes, medusaItem("item_cotton_tshirt", "prod_tshirt_1", "", 1080, "2.50"))
	second := repeatGet(codes[1], "prod_tshirt_1", "prod_tshirt_1", 10, 20, 20, false)
	a := second.Action.(promo.BuyXGetY)
	a.Free, a.Rate = false, rate("8折")
	second.Action = a
	res := ancRun(t, c, repeatGet(codes[0], "prod_tshirt_1", "prod_tshirt_1", 50, 1000, 1000, false), second)
	assert.Equal(t, []string{"2500.00", "10.00"}, []string{
		adjusted(t, res, "item_cotton_tshirt", codes[0]), adjusted(t, res, "item_cotton_tshirt", codes[1])})
}
