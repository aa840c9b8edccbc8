package kpi

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Anchors from OCA's commission modules (github.com/OCA/commission, branches
// 13.0 to 17.0): their own tests' inputs and expected commissions, fed to
// CommissionPlan. OCA's rules, read from the code the tests exercise:
//
//   - a "fixed" commission pays subtotal × fix_qty / 100 (commission.mixin,
//     _get_commission_amount);
//   - a "section" commission pays base × percent / 100 of the FIRST section
//     (in list order) with amount_from <= base <= amount_to, both ends
//     included, and 0.0 when none matches (commission.py, calculate_section):
//     a whole-amount rule with no rate outside the sections;
//   - the base is the invoice line's subtotal ("gross_amount") or
//     max(0, subtotal - standard_price × quantity) ("net_amount"); the tests
//     never set a cost, so both bases are the subtotal here;
//   - a refund line's commission is the negated commission of its subtotal
//     (account_commission, account_move.py, _compute_amount), and a
//     settlement sums the lines of its period.
//
// Mapping: one opskit Compute per OCA line or period, with the line
// subtotal (or the period's invoiced total) as Gross and refunded amounts
// as Refunds. A fixed percentage is one unbounded tier at fix_qty / 100.
// Sections become a contiguous WholeAmount table: 0% tiers fill the gap
// below the first section and between sections, and a final unbounded 0%
// tier stands for "no section matches above the last one".

func ocaEUR(s string) pricing.Money { return pricing.MustNew(s, pricing.EUR) }

// ocaFixed is OCA's "fixed" commission type: fix_qty percent of the base.
func ocaFixed(rate string) CommissionPlan {
	return CommissionPlan{Currency: pricing.EUR, Method: WholeAmount,
		Tiers: []CommissionTier{{From: dec("0"), Unbounded: true, Rate: dec(rate)}}}
}

// ocaOneSection is OCA's "section" commission type with the single section
// [from, to] at rate, written as 0% below, rate inside, 0% above.
func ocaOneSection(from, to, rate string) CommissionPlan {
	return CommissionPlan{Currency: pricing.EUR, Method: WholeAmount, Tiers: []CommissionTier{
		{From: dec("0"), To: dec(from), Rate: dec("0")},
		{From: dec(from), To: dec(to), Rate: dec(rate)},
		{From: dec(to), Unbounded: true, Rate: dec("0")},
	}}
}

// ocaPay computes p on gross and refunds (empty: none) and returns the
// rounded commission as a string.
func ocaPay(t *testing.T, p CommissionPlan, gross, refunds string) string {
	t.Helper()
	s := Sales{Gross: ocaEUR(gross)}
	if refunds != "" {
		s.Refunds = ocaEUR(refunds)
	}
	r, err := p.Compute(s)
	require.NoError(t, err, "gross %s refunds %s", gross, refunds)
	return r.Commission.String()
}

// Fixed-percentage commissions with the numbers OCA's tests assert.
func TestAnchorOCAFixed(t *testing.T) {
	cases := []struct {
		name, rate, gross, refunds, want string
	}{
		// 15.0 and 16.0 account_commission/tests/test_account_commission.py
		// (15.0's comments say "* 0.1", its asserts are 16.0's)
		// test_invoice_partial_refund: commission_net_paid (fix_qty 20,
		// net_amount, no cost), invoice of 5 paid, refund of 5 - 2 = 3:
		// "The commission must be (5 - 3) * 0.2 = 0.4", sum of settlements 0.4.
		{"partial refund", "0.20", "5", "3", "EUR 0.40"},
		// test_invoice_full_refund: invoice 5 reversed in full ("cancel"):
		// "(5 - 5) * 0.2 = 0", sum of settlements 0.
		{"full refund", "0.20", "5", "5", "EUR 0.00"},
		// test_invoice_modify_refund: invoice 5, full refund, new invoice of
		// 5 - 2 = 3: "(5 - 5 + 3) * 0.2 = 0.6". Gross is both invoices, 5 + 3.
		{"modify refund", "0.20", "8", "5", "EUR 0.60"},
		// 14.0 sale_commission_formula/tests/test_commission_formula.py
		// test_sale_order_commission / test_invoice_commission: the formula
		// "5% + 10% extra" (partial = subtotal × 5%, result = partial +
		// partial × 10%) on the demo line of 750.00 gives 41.25. The formula
		// is linear, so it is a fixed 5.5%: 750 × 0.055 = 41.25.
		{"formula 5% + 10% extra", "0.055", "750", "", "EUR 41.25"},
		// test_invoice_refund_commission: the reversal carries -41.25, so the
		// invoice and its reversal together pay 41.25 - 41.25 = 0; opskit
		// nets the period: 750 - 750 = 0.
		{"formula reversed", "0.055", "750", "750", "EUR 0.00"},
		// 14.0 sale_commission_advance/tests/test_sale_commission_advance.py,
		// commission_1 (fix_qty 10, gross_amount), order of two lines at 500:
		// test_regular_flow: commission_total 200 with two agents on each
		// line, i.e. 10% × 1,000 = 100 per agent.
		{"advance: order, per agent", "0.10", "1000", "", "EUR 100.00"},
		// test_down_payment_flow (one agent left): the 10% down-payment
		// invoice of 100 has commission_total 10; the final invoice (1,000
		// less the 100 down payment deducted as a negative line) has 90.
		{"advance: down payment", "0.10", "100", "", "EUR 10.00"},
		{"advance: final invoice", "0.10", "1000", "100", "EUR 90.00"},
		// 16.0 sale_commission_product_criteria/tests/
		// test_sale_commission_product_criteria.py
		// test_sale_commission_product_criteria_items, one line at
		// price_unit 1,000: the "1_product" item (percent_amount 5) pays 50,
		// the "0_product_variant" item (percent_amount 15) pays 150. Which
		// item applies to a product is the caller's business here.
		{"product item 5%", "0.05", "1000", "", "EUR 50.00"},
		{"product variant item 15%", "0.15", "1000", "", "EUR 150.00"},
		// 16.0 sale_commission_product_criteria_discount/tests/
		// test_sale_commission_product_criteria.py: commission.demo_commission
		// (fix_qty 10) on subtotal 1 gives 0.1.
		{"demo_commission on 1", "0.10", "1", "", "EUR 0.10"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, ocaPay(t, ocaFixed(c.rate), c.gross, c.refunds), c.name)
	}
}

// A settlement period holding only a refund: OCA gives it a negative total
// (13.0-17.0 test_negative_settlements: invoice at list_price 1,000 with
// commission_net_invoice, fix_qty 10, settled first; the refund settles in a
// second settlement with "r.total < 0", i.e. -10% × 1,000 = -100), then
// the commission invoice and the commission refund together make
// amount_total 0 (assertAlmostEqual(invoice.amount_total, 0)); the same in
// test_negative_settlements_join_invoice (grouped, amount_total 0).
//
// opskit never pays a negative commission, as its package doc says:
// "Commission is paid on net sales: gross minus refunds (退款), floored at
// zero (refunds beyond sales never make commission negative; claw-backs are
// the caller's business)". So the refund-only period pays 0 (OCA: -100),
// while the two periods taken together agree with OCA's total of 0.
func TestAnchorOCANegativeSettlement(t *testing.T) {
	p := ocaFixed("0.10")
	assert.Equal(t, "EUR 100.00", ocaPay(t, p, "1000", ""), "first settlement")
	assert.Equal(t, "EUR 0.00", ocaPay(t, p, "0", "1000"), "refund-only settlement (OCA: -100)")
	assert.Equal(t, "EUR 0.00", ocaPay(t, p, "1000", "1000"), "both periods (OCA: 100 - 100 = 0)")
}

// Section commissions. The OCA tests define two section commissions and
// settle lines with them without asserting the amounts (the settlement flow
// is what they test), so the expected numbers below are calculate_section
// by hand on the tests' inputs:
//
//   - commission/tests/test_commission.py (15.0-17.0; sale_commission's
//     tests in 8.0-14.0), commission_section_paid: one section
//     amount_from 1.0, amount_to 100.0, percent 10, net_amount; the
//     product's list_price is 5, so a line pays 5 × 10% = 0.50.
//   - commission_section_invoice: one section 15,000 to 16,000 at 20%;
//     test_account_commission_gross_amount_payment_semi sets list_price
//     15,100 "for testing specific commission section": 15,100 × 20% =
//     3,020.00; at the default list_price of 5 no section matches: 0.
//
// Points just below, on and above each bound pin OCA's closed upper bound
// (amount_to included) and its 0 outside the sections. The lower bound of a
// section that follows a gap is in TestAnchorOCASectionLowerEdge.
func TestAnchorOCASections(t *testing.T) {
	paid := ocaOneSection("1", "100", "0.10")
	invoice := ocaOneSection("15000", "16000", "0.20")
	cases := []struct {
		name  string
		p     CommissionPlan
		base  string
		want  string
		owner int // the tier that owns base
	}{
		{"section_paid: below the section", paid, "0.5", "EUR 0.00", 0},
		{"section_paid: list_price 5", paid, "5", "EUR 0.50", 1},
		{"section_paid: amount_to included", paid, "100", "EUR 10.00", 1},
		{"section_paid: above amount_to", paid, "100.01", "EUR 0.00", 2},
		{"section_invoice: list_price 5", invoice, "5", "EUR 0.00", 0},
		{"section_invoice: list_price 15100", invoice, "15100", "EUR 3020.00", 1},
		{"section_invoice: amount_to included", invoice, "16000", "EUR 3200.00", 1},
		{"section_invoice: above amount_to", invoice, "16000.01", "EUR 0.00", 2},
	}
	for _, c := range cases {
		r, err := c.p.Compute(Sales{Gross: ocaEUR(c.base)})
		require.NoError(t, err, c.name)
		assert.Equal(t, c.want, r.Commission.String(), c.name)
		assert.Equal(t, c.owner, r.Tier, c.name)
	}
}

// Two contiguous sections sharing a bound: calculate_section takes the
// first section in list order whose closed interval holds the base, so with
// sections listed low to high the shared bound belongs to the lower section,
// which is opskit's LowerBandOwns (the zero value). Hand arithmetic with
// OCA's rule on the table of TestCommissionExplicitStopMatchesOCA (sections
// [0, 3,000] at 5% and [3,000, 5,000] at 7%): base 3,000 matches [0, 3,000]
// first, 5% × 3,000 = 150.00; base 3,000.01 is 7% × 3,000.01 = 210.0007,
// 210.00. With UpperBandOwns opskit would pay 7% × 3,000 = 210.00 at 3,000.
func TestAnchorOCASharedBound(t *testing.T) {
	tiers := append(boundedTiers(), CommissionTier{From: dec("5000"), Unbounded: true, Rate: dec("0")})
	lower := CommissionPlan{Currency: pricing.EUR, Method: WholeAmount, Tiers: tiers}
	assert.Equal(t, "EUR 150.00", ocaPay(t, lower, "3000", ""))
	assert.Equal(t, "EUR 210.00", ocaPay(t, lower, "3000.01", ""))
	upper := lower
	upper.Boundary = UpperBandOwns
	assert.Equal(t, "EUR 210.00", ocaPay(t, upper, "3000", ""), "not OCA's rule")
}

// test_wrong_section (commission/tests/test_commission.py, and
// sale_commission's tests in 8.0-14.0): a section with amount_from 5 and
// amount_to 1 raises ValidationError ("The lower limit cannot be greater
// than upper one."). opskit refuses the same section, here after a 0% tier
// from 0 to 5, with ErrInvalidTiers on its To.
func TestAnchorOCAWrongSection(t *testing.T) {
	p := CommissionPlan{Currency: pricing.EUR, Method: WholeAmount, Tiers: []CommissionTier{
		{From: dec("0"), To: dec("5"), Rate: dec("0")},
		{From: dec("5"), To: dec("1"), Rate: dec("0.20")},
		{From: dec("1"), Unbounded: true, Rate: dec("0")},
	}}
	err := p.Validate()
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.ErrorIs(t, err, ErrInvalidTiers)
	assert.Equal(t, "tiers[1].to", fe.Field)
}

// The lower bound of a section is included too (amount_from <= base), so a
// base exactly on amount_from of a section that follows a gap is paid:
// commission_section_paid pays 10% × 1 = 0.10 at base 1, and
// commission_section_invoice pays 20% × 15,000 = 3,000.00 at base 15,000.
// opskit's BoundaryOwner is one choice for the whole table: with
// LowerBandOwns the bound belongs to the 0% gap tier below (0.00); with
// UpperBandOwns the lower bound is paid but amount_to then starts the 0%
// tier above (16,000 pays 0.00, OCA 3,200.00). No opskit table gives OCA's
// closed [amount_from, amount_to] on both ends of a section next to a gap.
func TestAnchorOCASectionLowerEdge(t *testing.T) {
	paid := ocaOneSection("1", "100", "0.10")
	invoice := ocaOneSection("15000", "16000", "0.20")
	assert.Equal(t, "EUR 0.00", ocaPay(t, paid, "1", ""), "OCA 0.10")
	assert.Equal(t, "EUR 0.00", ocaPay(t, invoice, "15000", ""), "OCA 3000.00")
	invoice.Boundary = UpperBandOwns
	assert.Equal(t, "EUR 3000.00", ocaPay(t, invoice, "15000", ""), "upper owns: matches OCA here")
	assert.Equal(t, "EUR 0.00", ocaPay(t, invoice, "16000", ""), "upper owns: OCA 3200.00")
	// Documented (CommissionTier): "with 0% tiers for OCA's gaps a base exactly on a section's start
	// goes to the gap below under [LowerBandOwns] (OCA pays the section), and exactly on its end to
	// the gap above under [UpperBandOwns]: the two differ only on such a bound."
}

// OCA's section tables as written, without the 0% tiers: a single section
// [15,000, 16,000] (commission_section_invoice) neither starts at 0 nor
// ends unbounded, and opskit refuses it rather than guess what is paid
// outside it (ErrInvalidTiers, first on tiers[0].from). Written with the
// 0% tiers, the JSON form decodes to a plan that pays as OCA does:
// 15,100 × 20% = 3,020.00 and 0 above 16,000.
func TestAnchorOCASectionsAsWritten(t *testing.T) {
	asWritten := CommissionPlan{Currency: pricing.EUR, Method: WholeAmount, Tiers: []CommissionTier{
		{From: dec("15000"), To: dec("16000"), Rate: dec("0.20")},
	}}
	err := asWritten.Validate()
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.ErrorIs(t, err, ErrInvalidTiers)
	assert.Equal(t, "tiers[0].from", fe.Field)

	p, err := ParseCommissionPlan([]byte(`{"currency":"EUR","method":"whole_amount","tiers":[
		{"from":"0","to":"15000","rate":"0"},
		{"from":"15000","to":"16000","rate":"0.2"},
		{"from":"16000","unbounded":true,"rate":"0"}]}`))
	require.NoError(t, err)
	assert.Equal(t, "EUR 3020.00", ocaPay(t, p, "15100", ""))
	assert.Equal(t, "EUR 3200.00", ocaPay(t, p, "16000", ""))
	assert.Equal(t, "EUR 0.00", ocaPay(t, p, "16000.01", ""))
}
