package kpi

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// boundedTiers is issue 17's table: 5% to 3,000, 7% from 3,000 to 5,000,
// and nothing said above 5,000. Earlier versions accepted it, then paid
// 7% × 6,000 = 420.00 whole-amount at sales of 6,000 while marginal
// stopped at the bound (150 + 140 = 290.00).
func boundedTiers() []CommissionTier {
	return []CommissionTier{
		{From: dec("0"), To: dec("3000"), Rate: dec("0.05")},
		{From: dec("3000"), To: dec("5000"), Rate: dec("0.07")},
	}
}

// A bounded last tier is refused for both methods, with a typed error
// naming the field and saying how to write "nothing above".
func TestCommissionBoundedLastTierRefused(t *testing.T) {
	for _, m := range []TierMethod{Marginal, WholeAmount} {
		p := CommissionPlan{Currency: pricing.CNY, Method: m, Tiers: boundedTiers()}
		_, err := p.Compute(Sales{Gross: cny("6000")})
		var fe *FieldError
		require.ErrorAs(t, err, &fe, m.String())
		assert.ErrorIs(t, err, ErrInvalidTiers)
		assert.Equal(t, "tiers[1].to", fe.Field)
		assert.Equal(t, "kpi: commission: tiers[1].to 5000: invalid tier table: the last tier must be unbounded; "+
			"to pay nothing above 5000 add an unbounded tier from it with rate 0", err.Error())
	}
}

// OCA's commission module (OCA/commission, commission/models/commission.py,
// Commission.calculate_section) pays base × percent of the first section
// with amount_from <= base <= amount_to, and 0.0 when none matches. Written
// with an explicit final 0% tier, both methods follow one rule: sales above
// the bound earn at 0%. Hand arithmetic, at and beyond the bound:
//
//	whole-amount 5,000.00: 7% × 5,000 = 350.00 (OCA: section [3000, 5000], 350)
//	whole-amount 5,000.01: 0% (OCA: no section matches, 0)
//	marginal     5,000.00: 5% × 3,000 + 7% × 2,000 = 150 + 140 = 290.00
//	marginal     6,000.00: 290.00 + 0% × 1,000 = 290.00
func TestCommissionExplicitStopMatchesOCA(t *testing.T) {
	tiers := append(boundedTiers(), CommissionTier{From: dec("5000"), Unbounded: true, Rate: dec("0")})
	tests := []struct {
		method TierMethod
		sales  string
		want   string
		tier   int
	}{
		{WholeAmount, "4999.99", "CNY 350.00", 1}, // 349.9993
		{WholeAmount, "5000", "CNY 350.00", 1},
		{WholeAmount, "5000.01", "CNY 0.00", 2},
		{WholeAmount, "6000", "CNY 0.00", 2},
		{Marginal, "3000", "CNY 150.00", 0},
		{Marginal, "5000", "CNY 290.00", 1},
		{Marginal, "5000.01", "CNY 290.00", 2},
		{Marginal, "6000", "CNY 290.00", 2},
	}
	for _, tt := range tests {
		p := CommissionPlan{Currency: pricing.CNY, Method: tt.method, Tiers: tiers}
		got, err := p.Compute(Sales{Gross: cny(tt.sales)})
		require.NoError(t, err)
		assert.Equal(t, tt.want, got.Commission.String(), "%v %s", tt.method, tt.sales)
		assert.Equal(t, tt.tier, got.Tier, "%v %s tier", tt.method, tt.sales)
	}
}

// Unbounded is explicit: it is allowed only on the last tier and only
// without a To; a To of zero on a tier that is not last is a real bound at
// 0 (an empty band), never "unbounded"; the zero-To shorthand on the last
// tier still reads as unbounded and pays like the explicit form.
func TestCommissionUnboundedExplicit(t *testing.T) {
	explicit := issueTiers()
	explicit[2].Unbounded = true
	for _, m := range []TierMethod{Marginal, WholeAmount} {
		a, err := CommissionPlan{Currency: pricing.CNY, Method: m, Tiers: explicit}.Compute(Sales{Gross: cny("175000")})
		require.NoError(t, err)
		b, err := CommissionPlan{Currency: pricing.CNY, Method: m, Tiers: issueTiers()}.Compute(Sales{Gross: cny("175000")})
		require.NoError(t, err)
		assert.Equal(t, b.Commission, a.Commission, m.String())
	}
	bad := []struct {
		give  func([]CommissionTier)
		field string
	}{
		{func(ts []CommissionTier) { ts[1].Unbounded = true }, "tiers[1].unbounded"},
		{func(ts []CommissionTier) { ts[2].Unbounded = true; ts[2].To = dec("200000") }, "tiers[2].to"},
		{func(ts []CommissionTier) { ts[1].To = decimal.Zero }, "tiers[1].to"},
	}
	for _, tt := range bad {
		ts := issueTiers()
		tt.give(ts)
		err := CommissionPlan{Currency: pricing.CNY, Method: Marginal, Tiers: ts}.Validate()
		var fe *FieldError
		require.ErrorAs(t, err, &fe, tt.field)
		assert.ErrorIs(t, err, ErrInvalidTiers)
		assert.Equal(t, tt.field, fe.Field)
	}
	// A single tier ending at 0 holds nothing and is refused as bounded.
	err := CommissionPlan{Currency: pricing.CNY, Method: Marginal, Tiers: []CommissionTier{
		{From: dec("0"), To: dec("0"), Rate: dec("0.1")}, {From: dec("0"), Unbounded: true, Rate: dec("0.2")},
	}}.Validate()
	assert.ErrorIs(t, err, ErrInvalidTiers)
}

// Commission plans as JSON: a golden document decodes to the plan, the
// plan encodes back to the same bytes, and decoding validates.
func TestCommissionPlanJSON(t *testing.T) {
	plan := CommissionPlan{Currency: pricing.CNY, Method: WholeAmount, Boundary: UpperBandOwns, Tiers: issueTiers(),
		Cap: cny("20000"), Quota: cny("100000"), Rounding: pricing.Down,
		Accelerators: []Accelerator{{Attainment: dec("1.2"), Multiplier: dec("1.5")}}}
	goldenJSON(t, "commission_plan", plan)
	data, err := os.ReadFile(filepath.Join("testdata", "golden", "commission_plan.json"))
	require.NoError(t, err)
	got, err := ParseCommissionPlan(data)
	require.NoError(t, err)
	assert.True(t, got.Tiers[2].Unbounded, "the shorthand is written explicitly")
	assert.True(t, got.Tiers[1].To.Equal(dec("100000")) && got.Tiers[2].Rate.Equal(dec("0.1")))
	assert.Equal(t, plan.Cap, got.Cap)
	assert.Equal(t, plan.Quota, got.Quota)
	assert.Equal(t, WholeAmount, got.Method)
	assert.Equal(t, UpperBandOwns, got.Boundary)
	assert.Equal(t, pricing.Down, got.Rounding)
	r1, err := plan.Compute(Sales{Gross: cny("175000")})
	require.NoError(t, err)
	r2, err := got.Compute(Sales{Gross: cny("175000")})
	require.NoError(t, err)
	assert.Equal(t, r1.Commission, r2.Commission)
	assert.Equal(t, r1.Accelerated.String(), r2.Accelerated.String())
	// 175,000 whole-amount at 10% = 17,500, ×1.5 above 120,000 on the
	// difference: 12,000 + 1.5 × 5,500 = 20,250, capped at 20,000.
	assert.Equal(t, "CNY 20000.00", r2.Commission.String())

	bad := []struct {
		doc   string
		want  error
		field string
	}{
		{`{"currency":"CNY","method":"marginal","tiers":[{"from":"0","rate":"0.1"}]}`, ErrInvalidTiers, "tiers[0].unbounded"},
		{`{"currency":"CNY","method":"marginal","tiers":[{"from":"0","to":"100","rate":"0.1"}]}`, ErrInvalidTiers, "tiers[0].to"},
		{`{"currency":"CNY","method":"marginal","tiers":[{"from":"0","unbounded":true,"rate":"2"}]}`, ErrInvalidRate, "tiers[0].rate"},
		{`{"currency":"CNY","method":"marginal","tiers":[{"from":"0","unbounded":true,"rate":"0.1","x":1}]}`, ErrInvalidJSON, ""},
		{`{"currency":"CNY","method":"marginal","method":"marginal","tiers":[]}`, ErrInvalidJSON, ""},
		{`{"currency":"CNY","method":"graduated","tiers":[]}`, ErrInvalidEnum, ""},
		{`{"currency":"CNY","method":"marginal","tiers":[{"from":"0","unbounded":true,"rate":"0.1"}]} {}`, ErrInvalidJSON, ""},
	}
	for _, tt := range bad {
		_, err := ParseCommissionPlan([]byte(tt.doc))
		var fe *FieldError
		require.ErrorAs(t, err, &fe, tt.doc)
		assert.ErrorIs(t, err, tt.want, tt.doc)
		assert.Equal(t, "decode commission plan", fe.Op, tt.doc)
		if tt.field != "" {
			assert.Equal(t, tt.field, fe.Field, tt.doc)
		}
	}
	var p CommissionPlan
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"currency":"CNY","method":"marginal","tiers":[{"from":"0","rate":"0.1"}]}`), &p), ErrInvalidTiers)
}

// decode(encode(p)) == p for every plan that decodes, and the decoded plan
// is valid and computes the same commission as its re-decoded copy.
func FuzzCommissionPlanJSON(f *testing.F) {
	f.Add([]byte(`{"currency":"CNY","method":"marginal","boundary":"lower","tiers":[{"from":"0","to":"50000","rate":"0.05"},{"from":"50000","unbounded":true,"rate":"0.07"}],"accelerators":null,"rounding":"half_up"}`), int64(17500000))
	f.Add([]byte(`{"currency":"USD","method":"whole_amount","boundary":"upper","tiers":[{"from":"0","unbounded":true,"rate":"1e-3"}],"quota":{"amount":"10","currency":"USD"},"accelerators":[{"attainment":"1","multiplier":"3"}],"rounding":"down"}`), int64(-5))
	f.Add([]byte(`{"currency":"CNY","method":"marginal","tiers":[{"from":"0","to":"1e27","rate":"1"},{"from":"1e27","unbounded":true,"rate":"0"}]}`), int64(1<<62))
	f.Fuzz(func(t *testing.T, data []byte, fen int64) {
		p, err := ParseCommissionPlan(data)
		if err != nil {
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("decoded plan invalid: %v", err)
		}
		enc, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		q, err := ParseCommissionPlan(enc)
		if err != nil {
			t.Fatalf("decode of own encoding %s: %v", enc, err)
		}
		enc2, _ := json.Marshal(q)
		if string(enc) != string(enc2) {
			t.Fatalf("round trip %s -> %s", enc, enc2)
		}
		m, err := pricing.NewFromMinor(fen, p.Currency)
		if err != nil {
			return
		}
		r1, e1 := p.Compute(Sales{Gross: m})
		r2, e2 := q.Compute(Sales{Gross: m})
		if (e1 == nil) != (e2 == nil) || (e1 == nil && !r1.Commission.Equal(r2.Commission)) {
			t.Fatalf("compute differs: %v %v / %v %v", r1.Commission, e1, r2.Commission, e2)
		}
	})
}
