package kpi

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func cny(s string) pricing.Money { return pricing.MustNew(s, pricing.CNY) }

// issueTiers is the table of issue 7: 5% to 50,000, 7% from 50,000 to
// 100,000, 10% above.
func issueTiers() []CommissionTier {
	return []CommissionTier{
		{From: dec("0"), To: dec("50000"), Rate: dec("0.05")},
		{From: dec("50000"), To: dec("100000"), Rate: dec("0.07")},
		{From: dec("100000"), Rate: dec("0.10")},
	}
}

func TestCommissionKnownAnswers(t *testing.T) {
	// Source: issue 7, "Commissions": 175,000 -> 13,500.00 marginal and
	// 17,500.00 whole-amount; 100,000 -> 6,000.00 and 7,000.00 (the boundary
	// belongs to the lower band).
	tests := []struct {
		give   string
		method TierMethod
		owner  BoundaryOwner
		want   string
		tier   int
	}{
		{"175000", Marginal, LowerBandOwns, "CNY 13500.00", 2},
		{"175000", WholeAmount, LowerBandOwns, "CNY 17500.00", 2},
		{"100000", Marginal, LowerBandOwns, "CNY 6000.00", 1},
		{"100000", WholeAmount, LowerBandOwns, "CNY 7000.00", 1},
		// Hand-worked: the other ownership moves 100,000 into the 10% band.
		{"100000", WholeAmount, UpperBandOwns, "CNY 10000.00", 2},
		{"100000", Marginal, UpperBandOwns, "CNY 6000.00", 2},
		{"50000", WholeAmount, LowerBandOwns, "CNY 2500.00", 0},
		{"50000", WholeAmount, UpperBandOwns, "CNY 3500.00", 1},
		{"0", Marginal, LowerBandOwns, "CNY 0.00", 0},
		{"0", WholeAmount, UpperBandOwns, "CNY 0.00", 0},
		{"12345.67", Marginal, LowerBandOwns, "CNY 617.28", 0}, // 617.2835 half-up
	}
	for _, tt := range tests {
		p := CommissionPlan{Currency: pricing.CNY, Method: tt.method, Boundary: tt.owner, Tiers: issueTiers()}
		got, err := p.Compute(Sales{Gross: cny(tt.give)})
		require.NoError(t, err)
		assert.Equal(t, tt.want, got.Commission.String(), "Compute(%s, %v, %v)", tt.give, tt.method, tt.owner)
		assert.Equal(t, tt.tier, got.Tier, "Compute(%s, %v, %v).Tier", tt.give, tt.method, tt.owner)
	}
}

func TestCommissionBandsExplain(t *testing.T) {
	p := CommissionPlan{Currency: pricing.CNY, Method: Marginal, Tiers: issueTiers()}
	got, err := p.Compute(Sales{Gross: cny("175000")})
	require.NoError(t, err)
	require.Len(t, got.Bands, 3)
	wantSales := []string{"50000", "50000", "75000"}
	wantComm := []string{"2500", "3500", "7500"}
	for i, b := range got.Bands {
		assert.True(t, b.Sales.Equal(dec(wantSales[i])), "band %d sales = %s", i, b.Sales)
		assert.True(t, b.Commission.Equal(dec(wantComm[i])), "band %d commission = %s", i, b.Commission)
	}
}

func TestCommissionNetOfRefundsCapAndRounding(t *testing.T) {
	p := CommissionPlan{Currency: pricing.CNY, Method: Marginal, Tiers: issueTiers()}
	// 180,000 gross - 5,000 refunds = 175,000 net.
	got, err := p.Compute(Sales{Gross: cny("180000"), Refunds: cny("5000")})
	require.NoError(t, err)
	assert.Equal(t, "CNY 175000.00", got.NetSales.String())
	assert.Equal(t, "CNY 13500.00", got.Commission.String())

	// Refunds above gross: net zero, no negative commission.
	got, err = p.Compute(Sales{Gross: cny("100"), Refunds: cny("300")})
	require.NoError(t, err)
	assert.True(t, (got.NetSales.Sign() == 0))
	assert.Equal(t, "CNY 0.00", got.Commission.String())

	p.Cap = cny("10000")
	got, err = p.Compute(Sales{Gross: cny("175000")})
	require.NoError(t, err)
	assert.True(t, got.Capped)
	assert.Equal(t, "CNY 10000.00", got.Commission.String())
	assert.Equal(t, "CNY 13500.00", got.Base.Round(pricing.HalfUp).String())

	// 0.005 rounds by the plan's mode: 10.01 × 5% = 0.5005.
	p = CommissionPlan{Currency: pricing.CNY, Method: WholeAmount, Tiers: issueTiers(), Rounding: pricing.Down}
	got, err = p.Compute(Sales{Gross: cny("10.09")}) // 0.5045
	require.NoError(t, err)
	assert.Equal(t, "CNY 0.50", got.Commission.String())
	p.Rounding = pricing.Up
	got, err = p.Compute(Sales{Gross: cny("10.09")})
	require.NoError(t, err)
	assert.Equal(t, "CNY 0.51", got.Commission.String())
}

func TestCommissionAccelerators(t *testing.T) {
	// Hand-worked: flat 10% with quota 100,000; from 100% attainment the
	// commission is paid at 1.5×, from 120% at 2×.
	// Sales 130,000: 10,000 + 1.5 × 2,000 + 2 × 1,000 = 15,000.
	p := CommissionPlan{
		Currency: pricing.CNY, Method: Marginal,
		Tiers: []CommissionTier{{From: dec("0"), Rate: dec("0.1")}},
		Quota: cny("100000"),
		Accelerators: []Accelerator{
			{Attainment: dec("1"), Multiplier: dec("1.5")},
			{Attainment: dec("1.2"), Multiplier: dec("2")},
		},
	}
	tests := []struct{ give, want string }{
		{"50000", "CNY 5000.00"},
		{"100000", "CNY 10000.00"},
		{"110000", "CNY 11500.00"},
		{"120000", "CNY 13000.00"},
		{"130000", "CNY 15000.00"},
	}
	for _, tt := range tests {
		got, err := p.Compute(Sales{Gross: cny(tt.give)})
		require.NoError(t, err)
		assert.Equal(t, tt.want, got.Commission.String(), "Compute(%s)", tt.give)
	}
}

func TestCommissionPlanErrors(t *testing.T) {
	base := func() CommissionPlan {
		return CommissionPlan{Currency: pricing.CNY, Method: Marginal, Tiers: issueTiers()}
	}
	tests := []struct {
		name string
		give func(p *CommissionPlan)
		want error
		msg  string
	}{
		{"no currency", func(p *CommissionPlan) { p.Currency = pricing.Currency(0) }, pricing.ErrUnknownCurrency, "currency"},
		{"no method", func(p *CommissionPlan) { p.Method = 0 }, ErrInvalidEnum, "kpi: commission: method 0: invalid enumeration value"},
		{"bad boundary", func(p *CommissionPlan) { p.Boundary = 9 }, ErrInvalidEnum, "boundary"},
		{"bad rounding", func(p *CommissionPlan) { p.Rounding = 77 }, pricing.ErrInvalidRoundingMode, "rounding"},
		{"no tiers", func(p *CommissionPlan) { p.Tiers = nil }, ErrInvalidTiers, "tiers"},
		{"not from zero", func(p *CommissionPlan) { p.Tiers[0].From = dec("10") }, ErrInvalidTiers, "tiers[0].from 10"},
		{"gap", func(p *CommissionPlan) { p.Tiers[1].From = dec("60000") }, ErrInvalidTiers, "kpi: commission: tiers[1].from 60000: invalid tier table: gap after the previous tier"},
		{"overlap", func(p *CommissionPlan) { p.Tiers[2].From = dec("90000") }, ErrInvalidTiers, "overlaps"},
		{"open middle", func(p *CommissionPlan) { p.Tiers[1].To = decimal.Zero }, ErrInvalidTiers, "tiers[1].to 0"},
		{"empty band", func(p *CommissionPlan) { p.Tiers[1].To = dec("50000") }, ErrInvalidTiers, "tiers[1].to"},
		{"negative rate", func(p *CommissionPlan) { p.Tiers[0].Rate = dec("-0.01") }, ErrInvalidRate, "tiers[0].rate -0.01"},
		{"rate above 1", func(p *CommissionPlan) { p.Tiers[2].Rate = dec("1.5") }, ErrInvalidRate, "tiers[2].rate"},
		{"tiny rate", func(p *CommissionPlan) { p.Tiers[0].Rate = dec("1e-40") }, ErrInvalidNumber, "tiers[0].rate"},
		{"huge bound", func(p *CommissionPlan) { p.Tiers[0].To = dec("1e50"); p.Tiers[1].From = dec("1e50") }, ErrInvalidNumber, "tiers[0].to"},
		{"huge multiplier", func(p *CommissionPlan) {
			p.Quota = cny("1000")
			p.Accelerators = []Accelerator{{Attainment: dec("1"), Multiplier: dec("1e45")}}
		}, ErrInvalidNumber, "accelerators[0].multiplier"},
		{"huge attainment", func(p *CommissionPlan) {
			p.Quota = cny("1000")
			p.Accelerators = []Accelerator{{Attainment: dec("1e45"), Multiplier: dec("1")}}
		}, ErrInvalidNumber, "accelerators[0].attainment"},
		{"cap currency", func(p *CommissionPlan) { p.Cap = pricing.MustNew("1", pricing.USD) }, pricing.ErrCurrencyMismatch, "cap"},
		{"negative cap", func(p *CommissionPlan) { p.Cap = cny("-1") }, ErrNegativeAmount, "cap"},
		{"accelerator without quota", func(p *CommissionPlan) {
			p.Accelerators = []Accelerator{{Attainment: dec("1"), Multiplier: dec("2")}}
		}, ErrNegativeAmount, "quota"},
		{"accelerator order", func(p *CommissionPlan) {
			p.Quota = cny("1000")
			p.Accelerators = []Accelerator{{Attainment: dec("1"), Multiplier: dec("2")}, {Attainment: dec("1"), Multiplier: dec("3")}}
		}, ErrInvalidRate, "accelerators[1].attainment"},
		{"accelerator multiplier", func(p *CommissionPlan) {
			p.Quota = cny("1000")
			p.Accelerators = []Accelerator{{Attainment: dec("1"), Multiplier: dec("-2")}}
		}, ErrInvalidRate, "accelerators[0].multiplier"},
	}
	for _, tt := range tests {
		p := base()
		tt.give(&p)
		_, err := p.Compute(Sales{Gross: cny("1")})
		require.Error(t, err, tt.name)
		assert.ErrorIs(t, err, tt.want, tt.name)
		assert.Contains(t, err.Error(), tt.msg, tt.name)
		var fe *FieldError
		assert.ErrorAs(t, err, &fe, tt.name)
	}
}

func TestCommissionSalesErrors(t *testing.T) {
	p := CommissionPlan{Currency: pricing.CNY, Method: Marginal, Tiers: issueTiers()}
	tests := []struct {
		give Sales
		want error
	}{
		{Sales{Gross: pricing.MustNew("1", pricing.USD)}, pricing.ErrCurrencyMismatch},
		{Sales{Gross: cny("-1")}, ErrNegativeAmount},
		{Sales{Gross: cny("1"), Refunds: cny("-1")}, ErrNegativeAmount},
	}
	for _, tt := range tests {
		_, err := p.Compute(tt.give)
		assert.ErrorIs(t, err, tt.want, "Compute(%+v)", tt.give)
	}
	// Zero Money gross means no sales.
	got, err := p.Compute(Sales{})
	require.NoError(t, err)
	assert.Equal(t, "CNY 0.00", got.Commission.String())
}

// Edges of the commission arithmetic that a flipped comparison would move
// (issue 19). Hand arithmetic on the issue-7 table (5% to 50,000, 7% to
// 100,000, 10% above).
func TestCommissionEdges(t *testing.T) {
	marginal := CommissionPlan{Currency: pricing.CNY, Method: Marginal, Tiers: issueTiers()}
	// Net sales exactly on a tier's From have no share of that tier: 50,000
	// is one band, 5% × 50,000 = 2,500; 0 has no band at all.
	got, err := marginal.Compute(Sales{Gross: cny("50000")})
	require.NoError(t, err)
	assert.Equal(t, []BandShare{{Tier: 0, Sales: dec("50000"), Rate: dec("0.05"), Commission: dec("2500")}}, normBands(got.Bands))
	got, err = marginal.Compute(Sales{Gross: cny("100"), Refunds: cny("100")})
	require.NoError(t, err)
	assert.Empty(t, got.Bands)
	assert.Equal(t, "CNY 0.00", got.Commission.String())

	// A multiplier of 0 is allowed ("at least 0") and pays nothing above
	// its level: quota 100,000, sales 175,000 earn the 6,000 below quota.
	zero := marginal
	zero.Quota = cny("100000")
	zero.Accelerators = []Accelerator{{Attainment: dec("1"), Multiplier: dec("0")}}
	got, err = zero.Compute(Sales{Gross: cny("175000")})
	require.NoError(t, err)
	assert.Equal(t, "CNY 6000.00", got.Commission.String())
	assert.Equal(t, "CNY 13500.00", got.Base.String())

	// Base and Accelerated are unrounded: 0.123456789 × CNY 0.001 is
	// exactly 0.000123456789 (12 places).
	flat := func(rate string) CommissionPlan {
		return CommissionPlan{Currency: pricing.CNY, Method: Marginal, Tiers: []CommissionTier{{From: dec("0"), Unbounded: true, Rate: dec(rate)}}}
	}
	got, err = flat("0.123456789").Compute(Sales{Gross: cny("0.001")})
	require.NoError(t, err)
	assert.True(t, got.Base.Amount().Equal(dec("0.000123456789")), "base %v", got.Base.Amount())
	assert.Equal(t, "CNY 0.00", got.Commission.String())
	// A product with more than pricing's 28 places is rounded to the
	// currency's 2 + 8 places: 0.0123456789012 × 0.123456789012345678 =
	// 0.0015241578753196160232056090136 (31 places) is 0.0015241579.
	got, err = flat("0.123456789012345678").Compute(Sales{Gross: cny("0.0123456789012")})
	require.NoError(t, err)
	assert.True(t, got.Base.Amount().Equal(dec("0.0015241579")), "base %v", got.Base.Amount())
	// Beyond pricing's magnitude (10^30) even after rounding: an error.
	// Quota 1, multiplier 10^27 from 100%: 1 + (10^10 - 1) × 10^27 ≈ 10^37.
	huge := flat("1")
	huge.Quota = cny("1")
	huge.Accelerators = []Accelerator{{Attainment: dec("1"), Multiplier: dec("1e27")}}
	_, err = huge.Compute(Sales{Gross: cny("10000000000")})
	assert.ErrorIs(t, err, ErrInvalidNumber)
	assert.ErrorContains(t, err, "accelerated commission")
}

// normBands rewrites the decimals of bands in their shortest form, so that
// tests compare numbers, not exponents.
func normBands(bs []BandShare) []BandShare {
	out := make([]BandShare, len(bs))
	for i, b := range bs {
		out[i] = BandShare{Tier: b.Tier, Sales: dec(b.Sales.String()), Rate: dec(b.Rate.String()), Commission: dec(b.Commission.String())}
	}
	return out
}
