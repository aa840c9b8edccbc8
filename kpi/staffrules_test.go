package kpi

import (
	"encoding/json"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Seed-rules WE-6, the staffing table of seed 003 (staff cost 6-7% of revenue).
func TestCheckStaffPlanSeedTable(t *testing.T) {
	rules := SeedStaffRules()
	// 200,000: CS supervisor 1 + 2 agents 8,000; design 3,000; promotion
	// 3,000; logistics 2,500 = 16,500, 8.25%; 7% allows 14,000: 2,500 over.
	plan := StaffPlan{Revenue: cny("200000"), Teams: []Team{
		{Name: "cs", Staff: 3, Supervisors: 1, Cost: cny("8000"), CustomerService: true},
		{Name: "design", Staff: 1, Cost: cny("3000")},
		{Name: "promotion", Staff: 1, Cost: cny("3000")},
		{Name: "logistics", Staff: 1, Cost: cny("2500")},
	}}
	got, err := CheckStaffPlan(plan, rules)
	require.NoError(t, err)
	assert.Equal(t, "CNY 16500.00", got.Cost.String())
	assert.True(t, got.CostShare.Equal(dec("0.0825")), "%s", got.CostShare)
	assert.Equal(t, "12000.00", got.BudgetMin.Amount().StringFixed(2))
	assert.Equal(t, "14000.00", got.BudgetMax.Amount().StringFixed(2))
	require.Len(t, got.Findings, 1)
	assert.Equal(t, OverBudget, got.Findings[0].Kind)
	assert.Equal(t, "2500.00", got.Findings[0].Excess.Amount().StringFixed(2))
	goldenJSON(t, "staff_check", got)

	// 500,000: CS 1+3 11,000; design 2 8,000; promotion 3,000; goods 3,000;
	// logistics 1+2 8,000 (K-25: a supervisor at 3); planning 3,000 =
	// 36,000, 7.2%, 1,000 over 35,000. Every team of 4 or more (and
	// logistics at 3) has its supervisor.
	plan = StaffPlan{Revenue: cny("500000"), Teams: []Team{
		{Name: "cs", Staff: 4, Supervisors: 1, Cost: cny("11000"), CustomerService: true},
		{Name: "design", Staff: 2, Cost: cny("8000")},
		{Name: "promotion", Staff: 1, Cost: cny("3000")},
		{Name: "goods", Staff: 1, Cost: cny("3000")},
		{Name: "logistics", Staff: 3, Supervisors: 1, Cost: cny("8000"), SupervisorAt: 3},
		{Name: "planning", Staff: 1, Cost: cny("3000")},
	}}
	got, err = CheckStaffPlan(plan, rules)
	require.NoError(t, err)
	assert.True(t, got.CostShare.Equal(dec("0.072")))
	require.Len(t, got.Findings, 1)
	assert.Equal(t, "1000.00", got.Findings[0].Excess.Amount().StringFixed(2))

	// 300,000: 19,000, 6.33%: inside the range, no finding. 100,000 with
	// 5,000 (5%) is below the range: not a finding either.
	got, err = CheckStaffPlan(StaffPlan{Revenue: cny("300000"), Teams: []Team{{Name: "all", Staff: 7, Cost: cny("19000"), Supervisors: 1}}}, rules)
	require.NoError(t, err)
	assert.Empty(t, got.Findings)
	got, err = CheckStaffPlan(StaffPlan{Revenue: cny("100000"), Teams: []Team{{Name: "cs", Staff: 2, Cost: cny("5000")}}}, rules)
	require.NoError(t, err)
	assert.Empty(t, got.Findings)
	assert.True(t, got.CostShare.Equal(dec("0.05")))
	// Exactly at 7%: not over.
	got, err = CheckStaffPlan(StaffPlan{Revenue: cny("100000"), Teams: []Team{{Name: "cs", Staff: 2, Cost: cny("7000")}}}, rules)
	require.NoError(t, err)
	assert.Empty(t, got.Findings)
}

func TestCheckStaffPlanSupervisorsAndAgents(t *testing.T) {
	rules := SeedStaffRules()
	rules.OrdersPerCSAgent = 1000
	// K-24: promotion reaches 4 without a supervisor; logistics reaches 3
	// with its own threshold 3 and none; 2,001 orders need 3 agents and
	// customer service has 2 besides its supervisor.
	plan := StaffPlan{Revenue: cny("1000000"), Orders: 2001, Teams: []Team{
		{Name: "promotion", Staff: 4},
		{Name: "logistics", Staff: 3, SupervisorAt: 3},
		{Name: "design", Staff: 3},
		{Name: "cs", Staff: 3, Supervisors: 1, CustomerService: true},
	}}
	got, err := CheckStaffPlan(plan, rules)
	require.NoError(t, err)
	assert.Equal(t, []StaffFinding{
		{Kind: MissingSupervisor, Team: "promotion", Want: 1},
		{Kind: MissingSupervisor, Team: "logistics", Want: 1},
		{Kind: ShortOfAgents, Have: 2, Want: 3},
	}, got.Findings)
	plan.Orders = 2000
	got, err = CheckStaffPlan(plan, rules)
	require.NoError(t, err)
	assert.Len(t, got.Findings, 2, "2,000 orders: 2 agents are enough")

	b, err := json.Marshal(StaffFinding{Kind: ShortOfAgents, Have: 2, Want: 3})
	require.NoError(t, err)
	assert.Equal(t, `{"kind":"short_of_agents","team":"","have":2,"want":3}`, string(b))
	var k StaffFindingKind
	assert.ErrorIs(t, k.UnmarshalText([]byte("late")), ErrInvalidEnum)
	require.NoError(t, k.UnmarshalText([]byte("missing_supervisor")))
	assert.Equal(t, MissingSupervisor, k)
	assert.Equal(t, "over_budget", OverBudget.String())
	_, err = StaffFindingKind(0).MarshalText()
	assert.ErrorIs(t, err, ErrInvalidEnum)
}

func TestCheckStaffPlanErrors(t *testing.T) {
	ok := StaffPlan{Revenue: cny("100")}
	cases := []struct {
		plan  StaffPlan
		rules StaffRules
		want  error
		field string
	}{
		{ok, StaffRules{CostShareMin: dec("-0.1")}, ErrInvalidNumber, "rules.cost_share_min"},
		{ok, StaffRules{CostShareMax: dec("1.5")}, ErrInvalidNumber, "rules.cost_share_max"},
		{ok, StaffRules{CostShareMin: dec("0.08"), CostShareMax: dec("0.07")}, ErrInvalidNumber, "rules.cost_share_min"},
		{ok, StaffRules{SupervisorAt: -1}, ErrInvalidNumber, "rules"},
		{StaffPlan{}, StaffRules{}, pricing.ErrUnknownCurrency, "revenue"},
		{StaffPlan{Revenue: cny("-1")}, StaffRules{}, ErrNegativeAmount, "revenue"},
		{StaffPlan{Revenue: cny("1"), Teams: []Team{{Staff: -1}}}, StaffRules{}, ErrInvalidNumber, "teams[0]"},
		{StaffPlan{Revenue: cny("1"), Teams: []Team{{Staff: 1, Supervisors: 2}}}, StaffRules{}, ErrInvalidNumber, "teams[0].supervisors"},
		{StaffPlan{Revenue: cny("1"), Teams: []Team{{Cost: cny("-1")}}}, StaffRules{}, ErrNegativeAmount, "teams[0].cost"},
		{StaffPlan{Revenue: cny("1"), Teams: []Team{{Cost: pricing.MustNew("1", pricing.USD)}}}, StaffRules{}, pricing.ErrCurrencyMismatch, "teams[0].cost"},
		{StaffPlan{Revenue: cny("1"), Teams: []Team{{Staff: 1 << 62, CustomerService: true}, {Staff: 1 << 62, CustomerService: true}}}, StaffRules{}, ErrTooLarge, "teams[1].staff"},
	}
	for _, tt := range cases {
		_, err := CheckStaffPlan(tt.plan, tt.rules)
		var fe *FieldError
		require.ErrorAs(t, err, &fe, tt.field)
		assert.ErrorIs(t, err, tt.want, tt.field)
		assert.Equal(t, tt.field, fe.Field)
	}
	// No revenue: share zero, every cost over a positive max budget of 0.
	got, err := CheckStaffPlan(StaffPlan{Revenue: cny("0"), Teams: []Team{{Cost: cny("1")}}}, SeedStaffRules())
	require.NoError(t, err)
	assert.True(t, got.CostShare.IsZero())
	assert.Equal(t, OverBudget, got.Findings[0].Kind)
	_ = decimal.Zero
}
