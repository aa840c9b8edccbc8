package kpi

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Anchors from Odoo 18's sale_commission tests (tests/test_sale_commission_user.py
// and tests/test_sale_commission_manager.py). The module is Odoo Enterprise;
// the numbers were read from a public copy of it (github.com/
// u16052642/thrive_bureau_erp18, thrive/addons/sale_commission), with the
// report query that computes them (report/commission_report.py) and the
// plan's default levels (model/commission_plan.py). Facts only.
//
// Odoo's rules:
//
//   - an achievement line adds rate × amount (amount sold, amount invoiced,
//     optionally for one product) to the period's "achieved"; a refund adds
//     a negative amount; achieved = max(0, Σ) for the period;
//   - an "achieve" plan pays commission = achieved;
//   - a "target" plan has levels (target_rate, amount) sorted by rate, by
//     default (0, 0), (0.5, 0), (1, on-target commission); with achieved
//     rate AR = achieved ÷ target, the commission interpolates linearly
//     between the two levels around AR (low <= AR < high) and stays at the
//     last level's amount from the last rate on.
//
// Mapping: an "achieve" plan is one flat opskit plan per achievement line
// (rate × net amount), summed by the caller. A target plan is a piecewise
// linear payout in achieved, which opskit writes as a Marginal plan paying
// 100% of achieved above the first paying level, with accelerators (at the
// levels' rates of quota, quota = the target) whose multipliers are the
// slopes between levels, and a last multiplier of 0 (or a cap) for the flat
// part. Net sales here are Odoo's "achieved".

func odooUSD(s string) pricing.Money { return pricing.MustNew(s, pricing.USD) }

// odooFlat pays rate × net sales (one "achieve" plan line).
func odooFlat(t *testing.T, rate, gross, refunds string) pricing.Money {
	t.Helper()
	p := CommissionPlan{Currency: pricing.USD, Method: Marginal,
		Tiers: []CommissionTier{{From: dec("0"), Unbounded: true, Rate: dec(rate)}}}
	s := Sales{Gross: odooUSD(gross)}
	if refunds != "" {
		s.Refunds = odooUSD(refunds)
	}
	r, err := p.Compute(s)
	require.NoError(t, err)
	return r.Commission
}

// test_commission_user_achievement and test_commission_manager_achievement
// (the same numbers for a salesperson and a team plan): achievements
// amount_sold at 0.04, amount_invoiced at 0.06, amount_sold of
// commission_product_2 at 0.1; orders of 10 × 200 = 2,000.
//
//	SO confirmed          0.04 × 2,000 = 80                        -> 80
//	SO invoiced           + 0.06 × 2,000 = 120                     -> 200
//	SO2 (product 2)       + 0.04 × 2,000 + 0.1 × 2,000 = 280       -> 480
//	SO2 invoiced          + 120                                    -> 600
//	refund of SO's bill   - 0.06 × 2,000 = -120 ("600 - 120 = 480") -> 480
func TestAnchorOdooAchievePlan(t *testing.T) {
	sum := func(ms ...pricing.Money) string {
		total := odooUSD("0")
		for _, m := range ms {
			var err error
			total, err = total.Add(m)
			require.NoError(t, err)
		}
		return total.String()
	}
	assert.Equal(t, "USD 80.00", sum(odooFlat(t, "0.04", "2000", "")))
	assert.Equal(t, "USD 200.00", sum(odooFlat(t, "0.04", "2000", ""), odooFlat(t, "0.06", "2000", "")))
	assert.Equal(t, "USD 480.00", sum(odooFlat(t, "0.04", "4000", ""), odooFlat(t, "0.06", "2000", ""),
		odooFlat(t, "0.1", "2000", "")))
	assert.Equal(t, "USD 600.00", sum(odooFlat(t, "0.04", "4000", ""), odooFlat(t, "0.06", "4000", ""),
		odooFlat(t, "0.1", "2000", "")))
	assert.Equal(t, "USD 480.00", sum(odooFlat(t, "0.04", "4000", ""), odooFlat(t, "0.06", "4000", "2000"),
		odooFlat(t, "0.1", "2000", "")))
	// test_commission_user_achievement_SO_different_currency: rate 1 on
	// 10 × 200 NC at 2 NC per dollar, achieved 1,000, commission 1,000
	// ("200 * 10 * 0.5"); the conversion is the caller's, a rate of 100% is
	// allowed.
	assert.Equal(t, "USD 1000.00", odooFlat(t, "1", "1000", "").String())
}

// odooTargetPlan is test_commission_user_target2's (and the manager test's
// test_commission_user_target) plan: target 2,000 a month, levels (0, 0),
// (0.5, 0), (1, 2,500), (2, 3,500), (3, 4,000). In achieved x: 0 up to
// 1,000; slope 2,500 / 1,000 = 2.5 up to 2,000; (3,500 - 2,500) / 2,000 =
// 0.5 up to 4,000; (4,000 - 3,500) / 2,000 = 0.25 up to 6,000; flat after.
func odooTargetPlan() CommissionPlan {
	return CommissionPlan{Currency: pricing.USD, Method: Marginal, Quota: odooUSD("2000"),
		Tiers: []CommissionTier{
			{From: dec("0"), To: dec("1000"), Rate: dec("0")},
			{From: dec("1000"), Unbounded: true, Rate: dec("1")},
		},
		Accelerators: []Accelerator{
			{Attainment: dec("0.5"), Multiplier: dec("2.5")},
			{Attainment: dec("1"), Multiplier: dec("0.5")},
			{Attainment: dec("2"), Multiplier: dec("0.25")},
			{Attainment: dec("3"), Multiplier: dec("0")},
		}}
}

// Achievements there: amount_sold at 0.4, amount_invoiced at 0.6,
// amount_sold of commission_product_2 at 1; orders of 2,000.
//
//	SO confirmed     achieved 0.4 × 2,000 = 800, AR 0.4 < 0.5     -> 0
//	SO invoiced      achieved 800 + 1,200 = 2,000, AR 1           -> 2,500 ("We reached the 1st level")
//	SO2 confirmed    achieved 2,000 + 2,800 = 4,800, AR 2.4       -> 3,700 ("3500 (AR = 2) + 200 (AR-2 * 500)")
//	SO2 invoiced     achieved 4,800 + 1,200 = 6,000, AR 3         -> 4,000 ("We have reached the 3rd level")
//
// Beyond the last level Odoo keeps the last amount (report query: "WHEN
// tc.rate_high IS NULL THEN tc.before"; not asserted by a test): 7,000 -> 4,000.
func TestAnchorOdooTargetPlan(t *testing.T) {
	for _, c := range []struct{ achieved, want string }{
		{"800", "USD 0.00"},
		{"2000", "USD 2500.00"},
		{"4800", "USD 3700.00"},
		{"6000", "USD 4000.00"},
		{"7000", "USD 4000.00"},
	} {
		r, err := odooTargetPlan().Compute(Sales{Gross: odooUSD(c.achieved)})
		require.NoError(t, err)
		assert.Equal(t, c.want, r.Commission.String(), "achieved %s", c.achieved)
	}
	// The same flat tail written as a cap of 4,000 instead of the last
	// multiplier of 0.
	p := odooTargetPlan()
	p.Accelerators = p.Accelerators[:3]
	p.Cap = odooUSD("4000")
	r, err := p.Compute(Sales{Gross: odooUSD("7000")})
	require.NoError(t, err)
	assert.Equal(t, "USD 4000.00", r.Commission.String())
	assert.True(t, r.Capped)
}

// test_commission_between_different_company, seen from the other company
// (INR): achievement amount_invoiced at 0.30, one invoice of 10 × 2,000 =
// 20,000 INR, achieved 6,000 ("30% of 2000 (no curency rate)"); target and
// on-target commission 90 USD = 5,400 INR, levels (0, 0) and (1, 5,400):
// commission = achieved up to AR 1, then 5,400 ("20000 * 0.3 = 6000 -->
// capped as 5400"). In opskit: 30% of sales with a cap of 5,400.
func TestAnchorOdooTargetCapped(t *testing.T) {
	inr, err := pricing.ParseCurrency("INR")
	require.NoError(t, err)
	p := CommissionPlan{Currency: inr, Method: Marginal, Cap: pricing.MustNew("5400", inr),
		Tiers: []CommissionTier{{From: dec("0"), Unbounded: true, Rate: dec("0.30")}}}
	r, err := p.Compute(Sales{Gross: pricing.MustNew("20000", inr)})
	require.NoError(t, err)
	assert.Equal(t, "6000.00", r.Accelerated.StringAmount(), "achieved")
	assert.Equal(t, "5400.00", r.Commission.StringAmount())
	assert.True(t, r.Capped)
}

// The target plan of TestAnchorOdooTargetPlan as a JSON document decodes to
// the same payout: achieved 4,800 (AR 2.4) pays 3,700.
func TestAnchorOdooTargetPlanJSON(t *testing.T) {
	p, err := ParseCommissionPlan([]byte(`{"currency":"USD","method":"marginal",
		"tiers":[{"from":"0","to":"1000","rate":"0"},{"from":"1000","unbounded":true,"rate":"1"}],
		"quota":{"amount":"2000","currency":"USD"},
		"accelerators":[{"attainment":"0.5","multiplier":"2.5"},{"attainment":"1","multiplier":"0.5"},
			{"attainment":"2","multiplier":"0.25"},{"attainment":"3","multiplier":"0"}]}`))
	require.NoError(t, err)
	r, err := p.Compute(Sales{Gross: odooUSD("4800")})
	require.NoError(t, err)
	assert.Equal(t, "USD 3700.00", r.Commission.String())
}
