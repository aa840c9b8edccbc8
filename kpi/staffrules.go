package kpi

import (
	"fmt"

	"github.com/opskit/opskit/internal/checked"
	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
)

// StaffRules are staffing rules of thumb as data: the share of revenue
// that staff cost should take (a range), the team size from which a
// team needs a supervisor, and the orders one customer-service agent can
// handle. A zero field sets no rule.
type StaffRules struct {
	CostShareMin     decimal.Decimal `json:"cost_share_min"`      // 0.06 is 6%
	CostShareMax     decimal.Decimal `json:"cost_share_max"`      // 0.07 is 7%
	SupervisorAt     int64           `json:"supervisor_at"`       // headcount (supervisors included) that needs one
	OrdersPerCSAgent int64           `json:"orders_per_cs_agent"` // orders a period one agent handles
}

// SeedStaffRules are the seeds' rules: staff cost 6-7% of revenue
// (seed-rules K-26, WE-6) and a supervisor from 4 people (K-24, the
// promotion team; K-25 appoints the logistics supervisor at 3, which a
// team states with its own SupervisorAt). The seeds give no orders per
// agent, only "hire 2 agents when monthly revenue reaches 50,000",
// so OrdersPerCSAgent is left to the caller.
func SeedStaffRules() StaffRules {
	return StaffRules{CostShareMin: decimal.New(6, -2), CostShareMax: decimal.New(7, -2), SupervisorAt: 4}
}

// Team is one department of a staff plan: its headcount (supervisors
// included), how many of them are supervisors, its monthly cost, whether it
// is customer service (the orders rule applies to it), and its own
// supervisor threshold (0: the rules' SupervisorAt).
type Team struct {
	Name            string        `json:"name"`
	Staff           int64         `json:"staff"`
	Supervisors     int64         `json:"supervisors"`
	Cost            pricing.Money `json:"cost,omitzero"`
	CustomerService bool          `json:"customer_service"`
	SupervisorAt    int64         `json:"supervisor_at"`
}

// StaffPlan is a period's plan: revenue, orders and teams.
type StaffPlan struct {
	Revenue pricing.Money `json:"revenue,omitzero"`
	Orders  int64         `json:"orders"`
	Teams   []Team        `json:"teams"`
}

// StaffFindingKind is what a staffing check found. The zero value is
// invalid; the text forms are "over_budget", "missing_supervisor" and
// "short_of_agents".
type StaffFindingKind uint8

const (
	// OverBudget: staff cost above the top of the share range.
	OverBudget StaffFindingKind = iota + 1
	// MissingSupervisor: a team at or above its supervisor threshold with
	// no supervisor.
	MissingSupervisor
	// ShortOfAgents: customer-service agents (supervisors excluded) fewer
	// than ⌈orders ÷ orders per agent⌉.
	ShortOfAgents
)

var staffFindingNames = []string{"", "over_budget", "missing_supervisor", "short_of_agents"}

// String returns the text form.
func (k StaffFindingKind) String() string { return enumString(staffFindingNames, uint8(k)) }

// MarshalText implements [encoding.TextMarshaler].
func (k StaffFindingKind) MarshalText() ([]byte, error) {
	return enumMarshal("staff finding", staffFindingNames, uint8(k))
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *StaffFindingKind) UnmarshalText(b []byte) error {
	v, err := enumParse("staff finding", staffFindingNames, b)
	if err != nil {
		return err
	}
	*k = StaffFindingKind(v)
	return nil
}

// StaffFinding is one rule a plan breaks: the kind, the team ("" for the
// whole plan), and what it has against what the rule wants (money for
// OverBudget in Excess; counts otherwise).
type StaffFinding struct {
	Kind   StaffFindingKind `json:"kind"`
	Team   string           `json:"team"`
	Have   int64            `json:"have"`
	Want   int64            `json:"want"`
	Excess pricing.Money    `json:"excess,omitzero"`
}

// StaffCheck is the result of [CheckStaffPlan]: the total cost, its share
// of revenue (exact; zero without revenue), the budget range revenue ×
// [min, max] share, and the findings in team order (the budget first).
type StaffCheck struct {
	Cost      pricing.Money   `json:"cost,omitzero"`
	CostShare decimal.Decimal `json:"cost_share"`
	BudgetMin pricing.Money   `json:"budget_min,omitzero"`
	BudgetMax pricing.Money   `json:"budget_max,omitzero"`
	Findings  []StaffFinding  `json:"findings"`
}

// CheckStaffPlan checks a plan against the rules. Seed-rules WE-6: with
// revenue 200,000 the listed teams cost 16,500, 8.25% of revenue, 2,500
// above the 14,000 that 7% allows; with 500,000 they cost 36,000 (7.2%),
// 1,000 above 35,000. A cost below the range is not a finding (the range
// is a budget); the share is in the result.
//
// Errors (*[FieldError]): a revenue or cost without a currency, negative,
// or in another currency than the revenue (pricing's errors,
// [ErrNegativeAmount]); shares outside [0, 1] or min above max
// ([ErrInvalidNumber]); negative counts or more supervisors than staff
// ([ErrInvalidNumber]); sums beyond limits ([ErrTooLarge]).
func CheckStaffPlan(plan StaffPlan, rules StaffRules) (StaffCheck, error) {
	const op = "staff plan"
	one := decimal.NewFromInt(1)
	for _, s := range []struct {
		name string
		v    decimal.Decimal
	}{{"rules.cost_share_min", rules.CostShareMin}, {"rules.cost_share_max", rules.CostShareMax}} {
		if s.v.Sign() < 0 || s.v.GreaterThan(one) {
			return StaffCheck{}, fieldErr(op, s.name, s.v, ErrInvalidNumber, "want 0-1")
		}
	}
	if rules.CostShareMax.Sign() > 0 && rules.CostShareMin.GreaterThan(rules.CostShareMax) {
		return StaffCheck{}, fieldErr(op, "rules.cost_share_min", rules.CostShareMin, ErrInvalidNumber, "above cost_share_max")
	}
	if rules.SupervisorAt < 0 || rules.OrdersPerCSAgent < 0 || plan.Orders < 0 {
		return StaffCheck{}, fieldErr(op, "rules", nil, ErrInvalidNumber, "negative counts")
	}
	if !plan.Revenue.IsValid() {
		return StaffCheck{}, fieldErr(op, "revenue", plan.Revenue, pricing.ErrUnknownCurrency, "revenue needs a currency")
	}
	if plan.Revenue.IsNegative() {
		return StaffCheck{}, fieldErr(op, "revenue", plan.Revenue, ErrNegativeAmount)
	}
	cur := plan.Revenue.Currency()
	res := StaffCheck{Cost: pricing.Zero(cur)}
	var csAgents int64
	var teamFindings []StaffFinding
	for i, t := range plan.Teams {
		f := fmt.Sprintf("teams[%d]", i)
		switch {
		case t.Staff < 0 || t.Supervisors < 0 || t.SupervisorAt < 0:
			return StaffCheck{}, fieldErr(op, f, t.Name, ErrInvalidNumber, "negative counts")
		case t.Supervisors > t.Staff:
			return StaffCheck{}, fieldErr(op, f+".supervisors", t.Supervisors, ErrInvalidNumber, "more than the staff")
		}
		if t.Cost.IsValid() {
			if t.Cost.IsNegative() {
				return StaffCheck{}, fieldErr(op, f+".cost", t.Cost, ErrNegativeAmount)
			}
			sum, err := res.Cost.Add(t.Cost)
			if err != nil {
				return StaffCheck{}, fieldErr(op, f+".cost", t.Cost, err)
			}
			res.Cost = sum
		}
		at := t.SupervisorAt
		if at == 0 {
			at = rules.SupervisorAt
		}
		if at > 0 && t.Staff >= at && t.Supervisors == 0 {
			teamFindings = append(teamFindings, StaffFinding{Kind: MissingSupervisor, Team: t.Name, Have: 0, Want: 1})
		}
		if t.CustomerService {
			var ok bool
			if csAgents, ok = checked.Add(csAgents, t.Staff-t.Supervisors); !ok {
				return StaffCheck{}, fieldErr(op, f+".staff", t.Staff, ErrTooLarge, "customer-service staff beyond int64")
			}
		}
	}
	if plan.Revenue.IsPositive() {
		res.CostShare = res.Cost.Amount().Div(plan.Revenue.Amount())
	}
	var err error
	if res.BudgetMin, err = plan.Revenue.Mul(rules.CostShareMin); err != nil {
		return StaffCheck{}, fieldErr(op, "rules.cost_share_min", rules.CostShareMin, err)
	}
	if res.BudgetMax, err = plan.Revenue.Mul(rules.CostShareMax); err != nil {
		return StaffCheck{}, fieldErr(op, "rules.cost_share_max", rules.CostShareMax, err)
	}
	if rules.CostShareMax.Sign() > 0 {
		if over, _ := res.Cost.Sub(res.BudgetMax); over.IsPositive() { // one currency, checked above
			res.Findings = append(res.Findings, StaffFinding{Kind: OverBudget, Excess: over})
		}
	}
	res.Findings = append(res.Findings, teamFindings...)
	if rules.OrdersPerCSAgent > 0 {
		want := plan.Orders / rules.OrdersPerCSAgent
		if plan.Orders%rules.OrdersPerCSAgent != 0 {
			want++
		}
		if csAgents < want {
			res.Findings = append(res.Findings, StaffFinding{Kind: ShortOfAgents, Have: csAgents, Want: want})
		}
	}
	return res, nil
}
