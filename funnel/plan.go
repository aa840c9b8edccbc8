package funnel

import (
	"fmt"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
)

// Sales planning follows the identity the store plans use (seed-rules
// F-01..F-03):
//
//	GMV = UV × CR × AOV   (销售额 = 访客数 × 转化率 × 客单价)
//
// UV is unique visitors (访客数, 流量), CR the conversion rate (转化率,
// orders / visitors) and AOV the average order value (客单价).

var one = decimal.NewFromInt(1)

// checkCR validates a conversion rate in [0, 1].
func checkCR(op string, cr decimal.Decimal) error {
	if cr.Sign() < 0 || cr.GreaterThan(one) {
		return fmt.Errorf("%s: CR %s outside [0, 1]: %w", op, cr, ErrInvalidRate)
	}
	return nil
}

// checkAOV validates an order value: a valid, non-negative amount.
func checkAOV(op string, aov pricing.Money) error {
	if !aov.IsValid() || aov.IsNegative() {
		return fmt.Errorf("%s: AOV %s: %w", op, aov, ErrInvalidAmount)
	}
	return nil
}

// Sales returns GMV = uv × cr × aov, exact (unrounded) in aov's currency:
// Sales(600, 0.03, CNY 101) is CNY 1818 (WE-1).
//
// Errors: uv < 0 ([ErrInvalidCount]); cr outside [0, 1] ([ErrInvalidRate]);
// aov invalid or negative ([ErrInvalidAmount]).
func Sales(uv int64, cr decimal.Decimal, aov pricing.Money) (pricing.Money, error) {
	const op = "funnel: sales"
	if uv < 0 {
		return pricing.Money{}, fmt.Errorf("%s: UV %d: %w", op, uv, ErrInvalidCount)
	}
	if err := checkCR(op, cr); err != nil {
		return pricing.Money{}, err
	}
	if err := checkAOV(op, aov); err != nil {
		return pricing.Money{}, err
	}
	m, err := aov.Mul(cr.Mul(decimal.NewFromInt(uv)))
	if err != nil {
		return pricing.Money{}, fmt.Errorf("%s: %w", op, err)
	}
	return m, nil
}

// RequiredUV returns the visitors needed for a sales target:
// ⌈target / (cr × aov)⌉, the reverse funnel (F-11). RequiredUV(CNY 9000,
// 0.03, CNY 120) is 2500.
//
// Errors: a target that is invalid, negative or in another currency
// ([ErrInvalidAmount]); cr outside (0, 1] or aov not positive
// ([ErrInvalidRate], [ErrInvalidAmount]): no traffic reaches a target
// through a zero rate; a result beyond int64 ([ErrInvalidCount]).
func RequiredUV(target pricing.Money, cr decimal.Decimal, aov pricing.Money) (int64, error) {
	const op = "funnel: required UV"
	if err := checkCR(op, cr); err != nil {
		return 0, err
	}
	if cr.IsZero() {
		return 0, fmt.Errorf("%s: CR 0: %w", op, ErrInvalidRate)
	}
	if err := checkAOV(op, aov); err != nil {
		return 0, err
	}
	if aov.Sign() == 0 {
		return 0, fmt.Errorf("%s: AOV %s: %w", op, aov, ErrInvalidAmount)
	}
	if !target.IsValid() || target.IsNegative() || target.Currency() != aov.Currency() {
		return 0, fmt.Errorf("%s: target %s with AOV %s: %w", op, target, aov, ErrInvalidAmount)
	}
	per := cr.Mul(aov.Amount())
	q := target.Amount().DivRound(per, 16).Ceil()
	if !q.IsInteger() || q.GreaterThan(decimal.NewFromInt(1<<62)) {
		return 0, fmt.Errorf("%s: %s: %w", op, q, ErrInvalidCount)
	}
	// DivRound may round a value just above an integer down to it; correct.
	uv := q.IntPart()
	if decimal.NewFromInt(uv).Mul(per).LessThan(target.Amount()) {
		uv++
	}
	return uv, nil
}

// Plan is a traffic plan: a range of daily unique visitors, a conversion
// rate, an average order value, and the number of days in the month (the
// source documents use 30; February has 28 or 29).
type Plan struct {
	UVLow, UVHigh int64
	CR            decimal.Decimal
	AOV           pricing.Money
	Days          int
}

// Projection is what a [Plan] implies: orders, daily sales and monthly
// sales at the low and high ends. Amounts are exact (unrounded).
type Projection struct {
	OrdersLow, OrdersHigh   decimal.Decimal // UV × CR per day (日均订单)
	DailyLow, DailyHigh     pricing.Money   // UV × CR × AOV (日均销量)
	MonthlyLow, MonthlyHigh pricing.Money   // daily × Days (月销量)
}

// Project computes the plan's projection. WE-1: UV 600-1000, CR 3%, AOV
// CNY 101, 30 days gives 18-30 orders, CNY 1818-3030 a day and
// CNY 54540-90900 a month.
//
// Errors: UV negative or low above high ([ErrInvalidCount]); Days < 1
// ([ErrInvalidPeriod]); CR and AOV as in [Sales].
func (p Plan) Project() (Projection, error) {
	const op = "funnel: project plan"
	if p.UVLow < 0 || p.UVHigh < p.UVLow {
		return Projection{}, fmt.Errorf("%s: UV %d-%d: %w", op, p.UVLow, p.UVHigh, ErrInvalidCount)
	}
	if p.Days < 1 {
		return Projection{}, fmt.Errorf("%s: days %d: %w", op, p.Days, ErrInvalidPeriod)
	}
	lo, err := Sales(p.UVLow, p.CR, p.AOV)
	if err != nil {
		return Projection{}, fmt.Errorf("%s: %w", op, err)
	}
	hi, err := Sales(p.UVHigh, p.CR, p.AOV)
	if err != nil {
		return Projection{}, fmt.Errorf("%s: %w", op, err)
	}
	days := int64(p.Days)
	mlo, err := lo.MulInt(days)
	if err != nil {
		return Projection{}, fmt.Errorf("%s: %w", op, err)
	}
	mhi, err := hi.MulInt(days)
	if err != nil {
		return Projection{}, fmt.Errorf("%s: %w", op, err)
	}
	return Projection{
		OrdersLow:  p.CR.Mul(decimal.NewFromInt(p.UVLow)),
		OrdersHigh: p.CR.Mul(decimal.NewFromInt(p.UVHigh)),
		DailyLow:   lo, DailyHigh: hi,
		MonthlyLow: mlo, MonthlyHigh: mhi,
	}, nil
}

// StatedPlan is a plan with the sales figures its author wrote down, to be
// checked against what the plan implies. A zero Money means "not stated".
type StatedPlan struct {
	Plan
	DailyLow, DailyHigh     pricing.Money
	MonthlyLow, MonthlyHigh pricing.Money
}

// Finding is one stated figure compared with the figure the plan implies.
type Finding struct {
	Field     string          // "DailyLow", "DailyHigh", "MonthlyLow", "MonthlyHigh"
	Stated    pricing.Money   // as written in the plan
	Expected  pricing.Money   // as implied: UV × CR × AOV (× Days)
	Deviation decimal.Decimal // (Stated − Expected) / Expected, rounded to 4 places
	OK        bool            // |Deviation| <= tolerance
}

// CheckPlan compares every stated figure with the projection and reports
// each (in the order DailyLow, DailyHigh, MonthlyLow, MonthlyHigh, skipping
// figures not stated). A figure is consistent when its relative deviation is
// at most tolerance; 0.02 accepts the documents' rounding to the hundred
// (1818 written as 1800 is -0.99%).
//
// Known answers (seed-rules WE-1..WE-3, 30-day months, tolerance 0.02):
// January (UV 600-1000, 3%, 101; stated 1800-3000 a day, 60000-90000 a
// month): daily consistent, monthly low flagged (expected 54540, +10.01%).
// February (UV 1500-2000, 3%, 110; stated 3300-6000): daily low flagged
// (expected 4950, -33.33%) and daily high flagged (6600, -9.09%). March
// (UV 2500-3000, 3%, 120; stated 9000-10800, 270000-320000): consistent.
//
// Errors: as [Plan.Project]; a negative tolerance
// ([ErrInvalidRate]); a stated figure in another currency or negative
// ([ErrInvalidAmount]).
func CheckPlan(s StatedPlan, tolerance decimal.Decimal) ([]Finding, error) {
	const op = "funnel: check plan"
	if tolerance.Sign() < 0 {
		return nil, fmt.Errorf("%s: tolerance %s: %w", op, tolerance, ErrInvalidRate)
	}
	p, err := s.Project()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	var out []Finding
	for _, c := range []struct {
		field            string
		stated, expected pricing.Money
	}{
		{"DailyLow", s.DailyLow, p.DailyLow},
		{"DailyHigh", s.DailyHigh, p.DailyHigh},
		{"MonthlyLow", s.MonthlyLow, p.MonthlyLow},
		{"MonthlyHigh", s.MonthlyHigh, p.MonthlyHigh},
	} {
		if !c.stated.IsValid() {
			continue
		}
		if c.stated.Currency() != s.AOV.Currency() || c.stated.IsNegative() {
			return nil, fmt.Errorf("%s: %s %s with AOV %s: %w", op, c.field, c.stated, s.AOV, ErrInvalidAmount)
		}
		f := Finding{Field: c.field, Stated: c.stated, Expected: c.expected}
		if c.expected.Sign() == 0 {
			f.OK = c.stated.Sign() == 0
		} else {
			f.Deviation = c.stated.Amount().Sub(c.expected.Amount()).DivRound(c.expected.Amount(), 4)
			f.OK = f.Deviation.Abs().LessThanOrEqual(tolerance)
		}
		out = append(out, f)
	}
	return out, nil
}

// MonthlySales returns daily × days, the documents' monthly figure (月销量 =
// 日均销量 × 天数). Days < 1 is an error wrapping [ErrInvalidPeriod].
func MonthlySales(daily pricing.Money, days int) (pricing.Money, error) {
	if days < 1 {
		return pricing.Money{}, fmt.Errorf("funnel: monthly: days %d: %w", days, ErrInvalidPeriod)
	}
	return daily.MulInt(int64(days))
}
