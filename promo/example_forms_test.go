package promo_test

import (
	"fmt"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

// formsCart is a cart of (sku, qty, price) lines at 2026-11-11 20:00 UTC.
func formsCart(lines ...any) promo.Cart {
	c := promo.Cart{Currency: pricing.CNY, At: time.Date(2026, 11, 11, 20, 0, 0, 0, time.UTC)}
	for i := 0; i+2 < len(lines); i += 3 {
		sku := lines[i].(string)
		c.Lines = append(c.Lines, promo.Line{ID: sku, SKU: sku, Qty: int64(lines[i+1].(int)),
			UnitPrice: pricing.MustParse("CNY " + lines[i+2].(string))})
	}
	return c
}

// evaluateForms builds an engine and evaluates, printing any error.
func evaluateForms(c promo.Cart, ps ...promo.Promotion) (promo.Engine, promo.Result, bool) {
	e, err := promo.NewEngine(pricing.CNY, ps)
	if err != nil {
		fmt.Println(err)
		return e, promo.Result{}, false
	}
	res, err := e.Evaluate(c)
	if err != nil {
		fmt.Println(err)
		return e, promo.Result{}, false
	}
	return e, res, true
}

func ExampleLimitedUnits() {
	// 8折 on at most 2 units of each line (Medusa each + max_quantity 2),
	// and 10.00 off the 1 cheapest unit of the cart (Medusa once).
	c := formsCart("tea", 3, "25.00", "gum", 2, "12.00")
	_, res, ok := evaluateForms(c,
		promo.Promotion{ID: "two-each", Action: promo.LimitedUnits{Rate: pricing.MustRate("8折"), PerLine: 2}})
	if !ok {
		return
	}
	fmt.Println(unitPaid(res))
	_, res, ok = evaluateForms(c,
		promo.Promotion{ID: "cheapest", Action: promo.LimitedUnits{Amount: pricing.MustParse("CNY 10"), PerCart: 1}})
	if !ok {
		return
	}
	fmt.Println(unitPaid(res))
	// Output:
	// tea [20.00 20.00 25.00] gum [9.60 9.60]
	// tea [25.00 25.00 25.00] gum [2.00 12.00]
}

// unitPaid renders what every unit pays, line by line.
func unitPaid(res promo.Result) string {
	s := ""
	for i, l := range res.Lines {
		if i > 0 {
			s += " "
		}
		s += l.ID + " ["
		for k, u := range l.UnitPaid {
			if k > 0 {
				s += " "
			}
			s += u.StringAmount()
		}
		s += "]"
	}
	return s
}

func ExampleBuyXGetY_partialGroups() {
	// Buy 1 get 2 free on 5 units: whole groups (the default, Medusa's
	// rule) free 2; partial groups (Magento's) free 3.
	for _, partial := range []bool{false, true} {
		_, res, ok := evaluateForms(formsCart("socks", 5, "10.00"),
			promo.Promotion{ID: "b1g2", Action: promo.BuyXGetY{BuyQty: 1, GetQty: 2, Free: true, PartialGroups: partial}})
		if !ok {
			return
		}
		fmt.Println(partial, res.ItemDiscount.StringAmount())
	}
	// Output:
	// false 20.00
	// true 30.00
}

func ExampleIssueCoupon() {
	// Spend 300.00, get a 30.00 coupon for the next order: nothing is
	// deducted now. Returning a line that takes the order below 300.00
	// revokes the coupon.
	c := formsCart("coat", 1, "260.00", "hat", 1, "60.00")
	e, res, ok := evaluateForms(c, promo.Promotion{ID: "return30", Action: promo.IssueCoupon{
		MinAmount: pricing.MustParse("CNY 300"), Template: "next-order-30", Qty: 1, Value: pricing.MustParse("CNY 30")}})
	if !ok {
		return
	}
	fmt.Println(res.Total.StringAmount(), res.CouponsIssued[0].Template)
	fmt.Println(res.Explanations[0])
	q, err := e.Refund(c, res, map[string]int64{"hat": 1}, promo.RefundPolicy{Clawback: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(q.Refund.StringAmount(), "revoke", q.CouponsToRevoke[0].Template)
	// Output:
	// 320.00 next-order-30
	// return30: applied, issues 1 × coupon next-order-30
	// 60.00 revoke next-order-30
}

func ExamplePointsRedemption() {
	// 100 points = 1.00, at most half of the order after coupons. 200.00
	// less a 20.00 coupon is 180.00; 12,345 points offered, 9,000 used
	// for 90.00. Returning the 50.00 line returns its points and money.
	c := formsCart("bag", 1, "150.00", "belt", 1, "50.00")
	c.Points = 12345
	e, res, ok := evaluateForms(c,
		promo.Promotion{ID: "coupon", Action: promo.AmountOff{Amount: pricing.MustParse("CNY 20"), Scope: promo.PerOrder}},
		promo.Promotion{ID: "points", Action: promo.PointsRedemption{Points: 100, Value: pricing.MustParse("CNY 1"), MaxPercent: 50}})
	if !ok {
		return
	}
	fmt.Println(res.PointsUsed, res.PointsDiscount.StringAmount(), res.Total.StringAmount())
	q, err := e.Refund(c, res, map[string]int64{"belt": 1}, promo.RefundPolicy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(q.Refund.StringAmount(), q.Points)
	// Output:
	// 9000 90.00 90.00
	// 22.50 2250
}

func ExampleDelivery() {
	// An O2O store: minimum order 20.00; up to 3 km 5.00 (2.00 from
	// 50.00 on); free delivery from 30.00 (a FreeShipping promotion).
	fees := promo.DeliveryFees{MinOrder: pricing.MustParse("CNY 20"), Bands: []promo.DeliveryBand{
		{UpToMeters: 3000, Fee: pricing.MustParse("CNY 5"), Tiers: []promo.DeliveryTier{
			{FromAmount: pricing.MustParse("CNY 50"), Fee: pricing.MustParse("CNY 2")}}}}}
	free := promo.Promotion{ID: "free30", Action: promo.FreeShipping{MinAmount: pricing.MustParse("CNY 30")}}
	for _, price := range []string{"16.50", "25.00", "35.00"} {
		c := formsCart("noodles", 1, price)
		c.Delivery = &promo.Delivery{DistanceMeters: 1800, Fees: fees}
		_, res, ok := evaluateForms(c, free)
		if !ok {
			return
		}
		fmt.Printf("%s: %s; pays %s\n", price, res.Delivery, res.Total.StringAmount())
	}
	// Output:
	// 16.50: below the minimum order 20.00: add 3.50 more for delivery; pays 21.50
	// 25.00: deliverable, fee 5.00; pays 30.00
	// 35.00: deliverable, fee 5.00; pays 35.00
}

func ExamplePresale() {
	// Pay 20.00 now, it counts as 50.00 off at the balance stage.
	cst := time.FixedZone("CST", 8*3600)
	p := promo.Promotion{ID: "cream", Target: promo.Selector{SKUs: []string{"cream"}}, Action: promo.Presale{
		Deposit: pricing.MustParse("CNY 20"), Credit: pricing.MustParse("CNY 50"),
		BalanceFrom: time.Date(2026, 11, 11, 0, 0, 0, 0, cst)}}
	e, err := promo.NewEngine(pricing.CNY, []promo.Promotion{p})
	if err != nil {
		fmt.Println(err)
		return
	}
	c := formsCart("cream", 2, "300.00")
	c.At = time.Date(2026, 10, 25, 12, 0, 0, 0, cst) // the deposit stage
	q, err := e.Deposits(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("deposit now", q.Total.StringAmount())
	c.At = time.Date(2026, 11, 11, 0, 5, 0, 0, cst) // the balance stage
	res, err := e.Evaluate(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("balance", res.Total.StringAmount(), "after deposits", res.DepositPaid.StringAmount())
	// Output:
	// deposit now 40.00
	// balance 500.00 after deposits 40.00
}
