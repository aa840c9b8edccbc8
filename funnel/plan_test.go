package funnel

import (
	"math"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func cny(s string) pricing.Money { return pricing.MustNew(s, pricing.CNY) }

var pct3 = decimal.RequireFromString("0.03")

// assertMoney checks a Money against a decimal string in CNY.
func assertMoney(t *testing.T, want string, got pricing.Money, msg string) {
	t.Helper()
	assert.True(t, got.Equal(cny(want)), "%s = %s, want %s", msg, got, want)
}

func TestSales(t *testing.T) {
	// seed-rules WE-1..WE-3.
	tests := []struct {
		uv   int64
		aov  string
		want string
	}{
		{600, "101", "1818"}, {1000, "101", "3030"},
		{1500, "110", "4950"}, {2000, "110", "6600"},
		{2500, "120", "9000"}, {3000, "120", "10800"},
		{0, "120", "0"},
	}
	for _, tt := range tests {
		got, err := Sales(tt.uv, pct3, cny(tt.aov))
		require.NoError(t, err)
		assertMoney(t, tt.want, got, "Sales")
	}
}

func TestSalesErrors(t *testing.T) {
	tests := []struct {
		name string
		uv   int64
		cr   decimal.Decimal
		aov  pricing.Money
		want error
	}{
		{"negative uv", -1, pct3, cny("1"), ErrInvalidCount},
		{"cr above 1", 1, decimal.NewFromFloat(1.5), cny("1"), ErrInvalidRate},
		{"negative cr", 1, decimal.NewFromFloat(-0.1), cny("1"), ErrInvalidRate},
		{"negative aov", 1, pct3, cny("-1"), ErrInvalidAmount},
		{"zero money", 1, pct3, pricing.Money{}, ErrInvalidAmount},
	}
	for _, tt := range tests {
		_, err := Sales(tt.uv, tt.cr, tt.aov)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
}

func TestProject(t *testing.T) {
	// WE-1: 18-30 orders, 1818-3030 a day, 54540-90900 in 30 days.
	p, err := Plan{UVLow: 600, UVHigh: 1000, CR: pct3, AOV: cny("101"), Days: 30}.Project()
	require.NoError(t, err)
	assert.True(t, p.OrdersLow.Equal(decimal.NewFromInt(18)), "orders low %s", p.OrdersLow)
	assert.True(t, p.OrdersHigh.Equal(decimal.NewFromInt(30)), "orders high %s", p.OrdersHigh)
	assertMoney(t, "1818", p.DailyLow, "daily_low")
	assertMoney(t, "3030", p.DailyHigh, "daily_high")
	assertMoney(t, "54540", p.MonthlyLow, "monthly_low")
	assertMoney(t, "90900", p.MonthlyHigh, "monthly_high")
	// February with its real 28 days (WE-2 note): 4950 × 28 = 138600.
	f, err := Plan{UVLow: 1500, UVHigh: 2000, CR: pct3, AOV: cny("110"), Days: 28}.Project()
	require.NoError(t, err)
	assertMoney(t, "138600", f.MonthlyLow, "February MonthlyLow")
}

func TestProjectErrors(t *testing.T) {
	tests := []struct {
		name string
		give Plan
		want error
	}{
		{"low above high", Plan{UVLow: 10, UVHigh: 5, CR: pct3, AOV: cny("1"), Days: 30}, ErrInvalidCount},
		{"negative", Plan{UVLow: -1, UVHigh: 5, CR: pct3, AOV: cny("1"), Days: 30}, ErrInvalidCount},
		{"days", Plan{UVLow: 1, UVHigh: 5, CR: pct3, AOV: cny("1")}, ErrInvalidPeriod},
		{"cr", Plan{UVLow: 1, UVHigh: 5, CR: decimal.NewFromInt(2), AOV: cny("1"), Days: 1}, ErrInvalidRate},
		{"aov", Plan{UVLow: 1, UVHigh: 5, CR: pct3, Days: 1}, ErrInvalidAmount},
	}
	for _, tt := range tests {
		_, err := tt.give.Project()
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
}

func TestCheckPlanKnownAnswers(t *testing.T) {
	tol := decimal.RequireFromString("0.02")
	type verdict struct {
		field     string
		expected  string
		deviation string
		ok        bool
	}
	tests := []struct {
		name string
		give StatedPlan
		want []verdict
	}{
		{
			// WE-1: daily 1800-3000 is 1818-3030 rounded down to the hundred;
			// the monthly low 6万 should be about 5.4万 (flagged).
			name: "WE-1 January",
			give: StatedPlan{Plan: Plan{UVLow: 600, UVHigh: 1000, CR: pct3, AOV: cny("101"), Days: 30},
				DailyLow: cny("1800"), DailyHigh: cny("3000"), MonthlyLow: cny("60000"), MonthlyHigh: cny("90000")},
			want: []verdict{{"daily_low", "1818", "-0.0099", true}, {"daily_high", "3030", "-0.0099", true},
				{"monthly_low", "54540", "0.1001", false}, {"monthly_high", "90900", "-0.0099", true}},
		},
		{
			// WE-2: 1500 × 3% × 110 = 4950, not the stated 3300 (flagged);
			// 2000 UV gives 6600, not 6000 (flagged).
			name: "WE-2 February",
			give: StatedPlan{Plan: Plan{UVLow: 1500, UVHigh: 2000, CR: pct3, AOV: cny("110"), Days: 30},
				DailyLow: cny("3300"), DailyHigh: cny("6000")},
			want: []verdict{{"daily_low", "4950", "-0.3333", false}, {"daily_high", "6600", "-0.0909", false}},
		},
		{
			// WE-3: fully consistent; 32万 is 324000 rounded down.
			name: "WE-3 March",
			give: StatedPlan{Plan: Plan{UVLow: 2500, UVHigh: 3000, CR: pct3, AOV: cny("120"), Days: 30},
				DailyLow: cny("9000"), DailyHigh: cny("10800"), MonthlyLow: cny("270000"), MonthlyHigh: cny("320000")},
			want: []verdict{{"daily_low", "9000", "0", true}, {"daily_high", "10800", "0", true},
				{"monthly_low", "270000", "0", true}, {"monthly_high", "324000", "-0.0123", true}},
		},
	}
	for _, tt := range tests {
		got, err := CheckPlan(tt.give, tol)
		require.NoError(t, err, tt.name)
		require.Len(t, got, len(tt.want), tt.name)
		for i, w := range tt.want {
			assert.Equal(t, w.field, got[i].Field, tt.name)
			assertMoney(t, w.expected, got[i].Expected, tt.name+" "+w.field)
			assert.Equal(t, w.deviation, got[i].Deviation.String(), tt.name+" "+w.field)
			assert.Equal(t, w.ok, got[i].OK, tt.name+" "+w.field)
		}
	}
}

func TestCheckPlanErrors(t *testing.T) {
	good := Plan{UVLow: 1, UVHigh: 2, CR: pct3, AOV: cny("10"), Days: 30}
	tests := []struct {
		name string
		give StatedPlan
		tol  decimal.Decimal
		want error
	}{
		{"tolerance", StatedPlan{Plan: good}, decimal.NewFromInt(-1), ErrInvalidRate},
		{"plan", StatedPlan{Plan: Plan{Days: 0}}, decimal.Zero, ErrInvalidPeriod},
		{"currency", StatedPlan{Plan: good, DailyLow: pricing.MustNew("1", pricing.USD)}, decimal.Zero, ErrInvalidAmount},
		{"negative", StatedPlan{Plan: good, DailyLow: cny("-1")}, decimal.Zero, ErrInvalidAmount},
	}
	for _, tt := range tests {
		_, err := CheckPlan(tt.give, tt.tol)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
	// A zero plan with a zero statement is consistent.
	got, err := CheckPlan(StatedPlan{Plan: Plan{CR: pct3, AOV: cny("10"), Days: 1}, DailyLow: cny("0")}, decimal.Zero)
	require.NoError(t, err)
	assert.True(t, got[0].OK)
}

func TestRequiredUV(t *testing.T) {
	tests := []struct {
		target, aov string
		cr          string
		want        int64
	}{
		{"9000", "120", "0.03", 2500}, // WE-3 reversed
		{"9001", "120", "0.03", 2501}, // rounds up
		{"1818", "101", "0.03", 600},  // WE-1 reversed
		{"82", "1", "0.01727", 4749},  // 82 / 0.01727 = 4748.1 -> 4749
		{"0", "100", "0.5", 0},
	}
	for _, tt := range tests {
		got, err := RequiredUV(cny(tt.target), decimal.RequireFromString(tt.cr), cny(tt.aov))
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, "RequiredUV(%s, %s, %s)", tt.target, tt.cr, tt.aov)
	}
}

func TestRequiredUVErrors(t *testing.T) {
	tests := []struct {
		name        string
		target, aov pricing.Money
		cr          decimal.Decimal
		want        error
	}{
		{"zero cr", cny("1"), cny("1"), decimal.Zero, ErrInvalidRate},
		{"cr above 1", cny("1"), cny("1"), decimal.NewFromInt(2), ErrInvalidRate},
		{"zero aov", cny("1"), cny("0"), pct3, ErrInvalidAmount},
		{"negative aov", cny("1"), cny("-1"), pct3, ErrInvalidAmount},
		{"negative target", cny("-1"), cny("1"), pct3, ErrInvalidAmount},
		{"currency", pricing.MustNew("1", pricing.USD), cny("1"), pct3, ErrInvalidAmount},
		{"huge", cny("1000000000000000000000000"), cny("0.01"), decimal.RequireFromString("0.0001"), ErrTooLarge},
	}
	for _, tt := range tests {
		_, err := RequiredUV(tt.target, tt.cr, tt.aov)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
}

func TestDecompose(t *testing.T) {
	// GMV 3000 -> 3300. L = 300 / ln 1.1 = 3147.62; UV effect L·ln 1.2 =
	// 573.88; CR effect L·ln(2.5/3) = -573.88; AOV effect L·ln 1.1 = 300.
	d, err := Decompose(GMVFactors{UV: 1000, CR: pct3, AOV: cny("100")}, GMVFactors{UV: 1200, CR: decimal.RequireFromString("0.025"), AOV: cny("110")})
	require.NoError(t, err)
	assertMoney(t, "3000", d.Before, "Before")
	assertMoney(t, "3300", d.After, "After")
	assertMoney(t, "300", d.Change, "Change")
	assertMoney(t, "573.88", d.UV, "UV effect")
	assertMoney(t, "-573.88", d.CR, "CR effect")
	assertMoney(t, "300", d.AOV, "AOV effect")
	// WE-1 low to WE-3 low: 1818 -> 9000, effects sum to 7182 exactly.
	d, err = Decompose(GMVFactors{UV: 600, CR: pct3, AOV: cny("101")}, GMVFactors{UV: 2500, CR: pct3, AOV: cny("120")})
	require.NoError(t, err)
	sum, err := pricing.Sum(d.UV, d.CR, d.AOV)
	require.NoError(t, err)
	assertMoney(t, "7182", sum, "sum of effects")
	assertMoney(t, "0", d.CR, "CR unchanged")
	// No change at all.
	d, err = Decompose(GMVFactors{UV: 5, CR: pct3, AOV: cny("10")}, GMVFactors{UV: 5, CR: pct3, AOV: cny("10")})
	require.NoError(t, err)
	assertMoney(t, "0", d.Change, "no change")
}

func TestDecomposeErrors(t *testing.T) {
	ok := GMVFactors{UV: 1000, CR: pct3, AOV: cny("100")}
	tests := []struct {
		name          string
		before, after GMVFactors
		want          error
	}{
		{"zero uv", GMVFactors{UV: 0, CR: pct3, AOV: cny("1")}, ok, ErrInvalidCount},
		{"zero cr", ok, GMVFactors{UV: 1, CR: decimal.Zero, AOV: cny("1")}, ErrInvalidRate},
		{"zero aov", ok, GMVFactors{UV: 1, CR: pct3, AOV: cny("0")}, ErrInvalidAmount},
		{"currency", ok, GMVFactors{UV: 1, CR: pct3, AOV: pricing.MustNew("1", pricing.USD)}, ErrInvalidAmount},
		{"rounds to zero", ok, GMVFactors{UV: 1, CR: decimal.RequireFromString("0.0001"), AOV: cny("1")}, ErrInvalidAmount},
	}
	for _, tt := range tests {
		_, err := Decompose(tt.before, tt.after)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
}

func TestRoundToTotal(t *testing.T) {
	assert.Equal(t, []int64{1, 1, 1}, roundToTotal([]float64{0.5, 0.5, 0.5}, 3))
	assert.Equal(t, []int64{1, 0, 0}, roundToTotal([]float64{0.4, 0.3, 0.3}, 1))
	assert.Equal(t, []int64{0, 0, 0}, roundToTotal([]float64{0.4, 0.3, 0.3}, 0))
	assert.Equal(t, []int64{1, 1, -1}, roundToTotal([]float64{0.9, 0.9, -0.2}, 1))
	assert.Equal(t, []int64{2, 2, 1}, roundToTotal([]float64{0, 0, 0}, 5))
	assert.Equal(t, []int64{-1, -1, 0}, roundToTotal([]float64{0.1, 0.2, 0.3}, -2))
}

// FuzzMoneyEntryPoints drives the planning and money indicators with
// extreme counts, rates and amounts: no panic; a decomposition's effects
// always sum to its change.
func FuzzMoneyEntryPoints(f *testing.F) {
	f.Add(int64(600), int64(1000), "0.03", "101", "3000", 30)
	f.Add(int64(math.MaxInt64), int64(1), "1", "99999999999999999999.99", "0.01", 366)
	f.Add(int64(-1), int64(math.MinInt64), "1e-30", "0.01", "-5", -1)
	f.Fuzz(func(t *testing.T, uv0, uv1 int64, cr, aov, target string, days int) {
		rate, err := decimal.NewFromString(cr)
		if err != nil || rate.Exponent() < -40 || rate.Exponent() > 40 {
			return
		}
		a, err := pricing.New(aov, pricing.CNY)
		if err != nil {
			return
		}
		tg, err := pricing.New(target, pricing.CNY)
		if err != nil {
			return
		}
		_, _ = Sales(uv0, rate, a)
		_, _ = RequiredUV(tg, rate, a)
		p := Plan{UVLow: uv0, UVHigh: uv1, CR: rate, AOV: a, Days: days}
		_, _ = p.Project()
		_, _ = CheckPlan(StatedPlan{Plan: p, DailyLow: tg, MonthlyHigh: a}, rate)
		_, _ = CAC(tg, uv0)
		_, _ = ROI(tg, a)
		d, err := Decompose(GMVFactors{UV: uv0, CR: rate, AOV: a}, GMVFactors{UV: uv1, CR: rate, AOV: tg})
		if err == nil {
			sum, err := d.UV.Add(d.CR)
			require.NoError(t, err)
			sum, err = sum.Add(d.AOV)
			require.NoError(t, err)
			if !sum.Equal(d.Change) {
				t.Fatalf("effects %s + %s + %s != change %s", d.UV, d.CR, d.AOV, d.Change)
			}
		}
	})
}
