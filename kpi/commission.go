package kpi

import (
	"fmt"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
)

// TierMethod says how a commission tier table (提成阶梯) applies to sales.
// The zero value is invalid: a plan must choose.
type TierMethod uint8

const (
	// Marginal is 超额累进 (graduated): each band's rate applies to the part
	// of sales inside the band,
	//
	//	commission = Σ_i rate_i × max(0, min(sales, to_i) - from_i)
	//
	// so commission is continuous in sales. Bands 5% to 50,000, 7% to
	// 100,000, 10% above: sales 175,000 earn 2,500 + 3,500 + 7,500 = 13,500.
	Marginal TierMethod = iota + 1
	// WholeAmount is 全额累进 (retroactive): the rate of the band that sales
	// reach applies to all of sales,
	//
	//	commission = rate_k × sales, k = the band that owns sales
	//
	// With the same bands, sales 175,000 earn 10% × 175,000 = 17,500 and
	// sales 100,000 (owned by the lower band) earn 7% × 100,000 = 7,000.
	WholeAmount
)

// BoundaryOwner says which band owns sales exactly on a boundary between
// two bands. It matters for [WholeAmount] plans and for which band a
// result reports as reached; a [Marginal] commission is the same either way.
type BoundaryOwner uint8

const (
	// LowerBandOwns (the zero value): bands are (from, to], so sales of
	// exactly 100,000 on a 50,000-100,000 / 100,000+ table belong to the
	// 50,000-100,000 band. The issue's convention: "the boundary belongs to
	// the lower band". The first band also includes 0.
	LowerBandOwns BoundaryOwner = iota
	// UpperBandOwns: bands are [from, to), so the boundary starts the
	// higher band ("reach 100,000 and you get 10%").
	UpperBandOwns
)

// CommissionTier is one band of a commission table: the rate applies to sales
// between From and To. Amounts are in the plan's currency.
//
// The last tier, and only the last, has no upper limit: say so with
// Unbounded (its To must then be zero). A last tier with a finite To is
// refused ([ErrInvalidTiers]): above it, a whole-amount plan would have no
// band to take the rate from while a marginal plan simply stops, so the two
// methods would disagree. OCA's commission module pays 0 when no section
// matches (commission/models/commission.py, calculate_section); write that
// as a final {From: bound, Unbounded: true, Rate: 0} tier, which gives the
// same rule for both methods: a whole-amount plan pays 0 above the bound,
// a marginal plan keeps what was earned up to it. OCA's sections are closed
// at both ends ([amount_from, amount_to]); with 0% tiers for OCA's gaps a
// base exactly on a section's start goes to the gap below under
// [LowerBandOwns] (OCA pays the section), and exactly on its end to the gap
// above under [UpperBandOwns]: the two differ only on such a bound. OCA also
// applies the sections to each invoice line and sums the lines, where
// [CommissionPlan.Compute] applies the table to the period's sales; call it
// per line to reproduce OCA across a bound.
//
// For compatibility a last tier with a zero To is also read as unbounded
// (the shorthand of earlier versions); a zero To cannot be a real bound
// there, since the band would hold nothing and a bounded last tier is
// refused anyway. JSON always writes "unbounded": true.
type CommissionTier struct {
	From      decimal.Decimal `json:"from"`
	To        decimal.Decimal `json:"to,omitzero"`         // the upper bound; zero when Unbounded
	Unbounded bool            `json:"unbounded,omitempty"` // no upper limit: only the last tier
	Rate      decimal.Decimal `json:"rate"`                // 0.05 is 5%; within [0, 1]
}

// open reports whether tier i of n has no upper limit.
func (t CommissionTier) open(i, n int) bool { return t.Unbounded || (i == n-1 && t.To.IsZero()) }

// Accelerator raises commission once attainment (net sales ÷ quota, 完成率)
// reaches a level: the commission earned on sales above Attainment × quota
// is multiplied by Multiplier (up to the next accelerator's level). Levels
// are strictly increasing; multipliers are at least 0.
type Accelerator struct {
	Attainment decimal.Decimal `json:"attainment"` // 1.0 is 100% of quota
	Multiplier decimal.Decimal `json:"multiplier"` // 1.5 pays 150%
}

// CommissionPlan is a commission scheme (提成方案) for one currency.
//
// The zero Cap means no cap. A plan with accelerators needs a positive
// Quota. Rounding happens once, on the final commission, to the currency's
// minor unit with Rounding (the zero value is half-up, 四舍五入).
//
// A CommissionPlan is a plain value: validate it once with
// [CommissionPlan.Validate]; [CommissionPlan.Compute] validates too.
type CommissionPlan struct {
	Currency     pricing.Currency     `json:"currency,omitzero"`
	Method       TierMethod           `json:"method"`
	Boundary     BoundaryOwner        `json:"boundary"`
	Tiers        []CommissionTier     `json:"tiers"`
	Cap          pricing.Money        `json:"cap,omitzero"`
	Quota        pricing.Money        `json:"quota,omitzero"`
	Accelerators []Accelerator        `json:"accelerators"`
	Rounding     pricing.RoundingMode `json:"rounding"`
}

const opCommission = "commission"

// Validate checks the plan: a known currency and method; tiers that start
// at 0, are contiguous (each From equals the previous To: a larger From is a
// gap, a smaller one an overlap) with To > From, the last one unbounded
// and only the last, and rates in [0, 1]; a non-negative cap and quota in the plan's currency;
// accelerators with increasing attainment levels above zero, multipliers of
// at least 0, and a positive quota. Errors are *[FieldError] values wrapping
// [ErrInvalidTiers], [ErrInvalidRate], [ErrNegativeAmount], [ErrInvalidEnum]
// or [pricing.ErrCurrencyMismatch].
func (p CommissionPlan) Validate() error {
	if !p.Currency.IsValid() {
		return fieldErr(opCommission, "currency", p.Currency.Code(), pricing.ErrUnknownCurrency)
	}
	if p.Method != Marginal && p.Method != WholeAmount {
		return fieldErr(opCommission, "method", int(p.Method), ErrInvalidEnum)
	}
	if p.Boundary > UpperBandOwns {
		return fieldErr(opCommission, "boundary", int(p.Boundary), ErrInvalidEnum)
	}
	if !p.Rounding.IsValid() {
		return fieldErr(opCommission, "rounding", int(p.Rounding), pricing.ErrInvalidRoundingMode)
	}
	if len(p.Tiers) == 0 {
		return fieldErr(opCommission, "tiers", nil, ErrInvalidTiers, "no tiers")
	}
	prevTo := decimal.Zero
	for i, t := range p.Tiers {
		f := fmt.Sprintf("tiers[%d]", i)
		for _, x := range []struct {
			name string
			v    decimal.Decimal
		}{{".from", t.From}, {".to", t.To}, {".rate", t.Rate}} {
			if err := checkDec(f+x.name, x.v); err != nil {
				return err
			}
		}
		if c := t.From.Cmp(prevTo); c != 0 {
			what := "gap after the previous tier"
			if i == 0 {
				what = "the first tier must start at 0"
			} else if c < 0 {
				what = "overlaps the previous tier"
			}
			return fieldErr(opCommission, f+".from", t.From, ErrInvalidTiers, what)
		}
		last := i == len(p.Tiers)-1
		switch {
		case t.Unbounded && !last:
			return fieldErr(opCommission, f+".unbounded", true, ErrInvalidTiers, "only the last tier can be unbounded")
		case t.Unbounded && !t.To.IsZero():
			return fieldErr(opCommission, f+".to", t.To, ErrInvalidTiers, "an unbounded tier has no to")
		case t.open(i, len(p.Tiers)):
		case t.To.Cmp(t.From) <= 0:
			return fieldErr(opCommission, f+".to", t.To, ErrInvalidTiers, "must be above from "+t.From.String())
		case last:
			return fieldErr(opCommission, f+".to", t.To, ErrInvalidTiers,
				"the last tier must be unbounded; to pay nothing above "+t.To.String()+" add an unbounded tier from it with rate 0")
		}
		if t.Rate.Sign() < 0 || t.Rate.GreaterThan(decimal.NewFromInt(1)) {
			return fieldErr(opCommission, f+".rate", t.Rate, ErrInvalidRate, "must be within [0, 1]")
		}
		prevTo = t.To
	}
	for _, m := range []struct {
		name string
		v    pricing.Money
	}{{"cap", p.Cap}, {"quota", p.Quota}} {
		if !m.v.IsValid() {
			continue
		}
		if m.v.Currency() != p.Currency {
			return fieldErr(opCommission, m.name, m.v, pricing.ErrCurrencyMismatch, "plan currency "+p.Currency.Code())
		}
		if m.v.IsNegative() {
			return fieldErr(opCommission, m.name, m.v, ErrNegativeAmount)
		}
	}
	if len(p.Accelerators) > 0 && !p.Quota.IsPositive() {
		return fieldErr(opCommission, "quota", p.Quota, ErrNegativeAmount, "accelerators need a positive quota")
	}
	prev := decimal.Zero
	for i, a := range p.Accelerators {
		f := fmt.Sprintf("accelerators[%d]", i)
		if err := checkDec(f+".attainment", a.Attainment); err != nil {
			return err
		}
		if err := checkDec(f+".multiplier", a.Multiplier); err != nil {
			return err
		}
		if a.Attainment.Cmp(prev) <= 0 {
			return fieldErr(opCommission, f+".attainment", a.Attainment, ErrInvalidRate, "must be above "+prev.String())
		}
		if a.Multiplier.Sign() < 0 {
			return fieldErr(opCommission, f+".multiplier", a.Multiplier, ErrInvalidRate, "must be at least 0")
		}
		prev = a.Attainment
	}
	return nil
}

// Sales are one person's sales for a period: gross sales and the refunds
// (退款) booked against them. Commission is paid on net sales, gross minus
// refunds; net sales below zero count as zero (no negative commission).
type Sales struct {
	Gross   pricing.Money `json:"gross,omitzero"`
	Refunds pricing.Money `json:"refunds,omitzero"` // the zero Money means none
}

// BandShare is the part of net sales inside one tier and the commission it
// earned before accelerators and the cap. For [WholeAmount] plans only the
// owning tier has a share, and it holds all of net sales.
type BandShare struct {
	Tier       int             `json:"tier"`  // index into the plan's Tiers
	Sales      decimal.Decimal `json:"sales"` // the part of net sales counted at Rate
	Rate       decimal.Decimal `json:"rate"`
	Commission decimal.Decimal `json:"commission"` // Sales × Rate, unrounded
}

// CommissionResult explains a commission: the net sales, the tier that owns
// them, each band's share, the amount before and after accelerators, the
// cap, and the rounded commission to pay.
type CommissionResult struct {
	NetSales    pricing.Money `json:"net_sales,omitzero"` // gross - refunds, at least zero
	Tier        int           `json:"tier"`               // index of the tier that owns net sales
	Bands       []BandShare   `json:"bands"`
	Base        pricing.Money `json:"base,omitzero"`        // Σ band commissions, unrounded
	Accelerated pricing.Money `json:"accelerated,omitzero"` // after accelerators, unrounded (= Base without any)
	Capped      bool          `json:"capped"`               // the cap cut the commission
	Commission  pricing.Money `json:"commission,omitzero"`  // min(Accelerated, Cap) rounded with the plan's mode
}

// Compute returns the commission on s. Errors: an invalid plan (see
// [CommissionPlan.Validate]); gross or refunds in another currency
// ([pricing.ErrCurrencyMismatch]) or negative ([ErrNegativeAmount]).
func (p CommissionPlan) Compute(s Sales) (CommissionResult, error) {
	if err := p.Validate(); err != nil {
		return CommissionResult{}, err
	}
	for _, m := range []struct {
		name string
		v    pricing.Money
	}{{"sales.gross", s.Gross}, {"sales.refunds", s.Refunds}} {
		if !m.v.IsValid() {
			continue
		}
		if m.v.Currency() != p.Currency {
			return CommissionResult{}, fieldErr(opCommission, m.name, m.v, pricing.ErrCurrencyMismatch, "plan currency "+p.Currency.Code())
		}
		if m.v.IsNegative() {
			return CommissionResult{}, fieldErr(opCommission, m.name, m.v, ErrNegativeAmount)
		}
	}
	net := s.Gross.Amount().Sub(s.Refunds.Amount())
	if net.Sign() < 0 {
		net = decimal.Zero
	}
	res := CommissionResult{Tier: p.owner(net)}
	base, bands := p.base(net, true)
	res.Bands = bands
	acc := base
	if len(p.Accelerators) > 0 {
		acc = p.accelerate(net)
	}
	capped := acc
	if p.Cap.IsValid() && acc.GreaterThan(p.Cap.Amount()) {
		capped = p.Cap.Amount()
		res.Capped = true
	}
	var err error
	for _, f := range []struct {
		dst  *pricing.Money
		name string
		v    decimal.Decimal
	}{{&res.NetSales, "net sales", net}, {&res.Base, "base commission", base}, {&res.Accelerated, "accelerated commission", acc}, {&res.Commission, "commission", capped}} {
		if *f.dst, err = toMoney(f.name, f.v, p.Currency); err != nil {
			return CommissionResult{}, err
		}
	}
	res.Commission = res.Commission.Round(p.Rounding)
	return res, nil
}

// owner returns the index of the tier that owns sales x.
func (p CommissionPlan) owner(x decimal.Decimal) int {
	for i, t := range p.Tiers {
		if i == len(p.Tiers)-1 {
			return i
		}
		c := x.Cmp(t.To)
		if c < 0 || (c == 0 && p.Boundary == LowerBandOwns) {
			return i
		}
	}
	return len(p.Tiers) - 1
}

// base is the commission before accelerators and the cap.
func (p CommissionPlan) base(x decimal.Decimal, explain bool) (decimal.Decimal, []BandShare) {
	var bands []BandShare
	if p.Method == WholeAmount {
		k := p.owner(x)
		c := x.Mul(p.Tiers[k].Rate)
		if explain {
			bands = []BandShare{{Tier: k, Sales: x, Rate: p.Tiers[k].Rate, Commission: c}}
		}
		return c, bands
	}
	total := decimal.Zero
	for i, t := range p.Tiers {
		if x.Cmp(t.From) <= 0 {
			break
		}
		part := x.Sub(t.From)
		if !t.open(i, len(p.Tiers)) && x.GreaterThan(t.To) {
			part = t.To.Sub(t.From)
		}
		c := part.Mul(t.Rate)
		total = total.Add(c)
		if explain {
			bands = append(bands, BandShare{Tier: i, Sales: part, Rate: t.Rate, Commission: c})
		}
	}
	return total, bands
}

// accelerate applies the accelerators: with levels L_k = attainment_k ×
// quota and multipliers m_k (m_0 = 1 below the first level),
//
//	commission = Σ_k m_k × (base(min(x, L_{k+1})) - base(min(x, L_k)))
func (p CommissionPlan) accelerate(x decimal.Decimal) decimal.Decimal {
	q := p.Quota.Amount()
	total := decimal.Zero
	lo := decimal.Zero
	mult := decimal.NewFromInt(1)
	for _, a := range p.Accelerators {
		hi := decimal.Min(x, a.Attainment.Mul(q))
		if hi.GreaterThan(lo) {
			bh, _ := p.base(hi, false)
			bl, _ := p.base(lo, false)
			total = total.Add(bh.Sub(bl).Mul(mult))
			lo = hi
		}
		mult = a.Multiplier
	}
	if x.GreaterThan(lo) {
		bh, _ := p.base(x, false)
		bl, _ := p.base(lo, false)
		total = total.Add(bh.Sub(bl).Mul(mult))
	}
	return total
}

// checkDec keeps plan numbers within pricing's limits (40 significant
// digits, exponent within ±28), so that products of them stay small and
// shopspring/decimal never panics on an exponent overflow.
func checkDec(field string, d decimal.Decimal) error {
	if _, err := pricing.NewFromDecimal(d, pricing.CNY); err != nil {
		return fieldErr(opCommission, field, d, ErrInvalidNumber, "more than 40 digits or an exponent beyond ±28")
	}
	return nil
}

// toMoney builds Money from a computed decimal; a result beyond pricing's
// limits (more than 40 digits) is an error, never a silently wrong amount.
func toMoney(name string, d decimal.Decimal, c pricing.Currency) (pricing.Money, error) {
	m, err := pricing.NewFromDecimal(d, c)
	if err != nil {
		m, err = pricing.NewFromDecimal(d.Round(c.Digits()+8), c)
		if err != nil {
			return pricing.Money{}, fieldErr(opCommission, name, d, ErrInvalidNumber, "out of range")
		}
	}
	return m, nil
}
