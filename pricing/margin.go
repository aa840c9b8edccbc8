package pricing

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// RatioPlaces is the number of decimal places of the ratios returned by
// [GrossMargin] and [Markup], rounded half-up: 1/3 is 0.3333333333.
const RatioPlaces = 10

// MaxCosts is the most cost ratios a [Waterfall] takes: 1,000. Each is at
// most 1, so the net margin stays above -1,000 and exact.
const MaxCosts = 1000

// GrossMargin returns the gross margin (毛利率) of selling at price what
// costs cost:
//
//	margin = (price - cost) / price
//
// rounded half-up to [RatioPlaces] places. Price 100.00 and cost 60.00 give
// 0.4. A price below cost gives a negative margin.
//
// Errors: a zero price ([ErrDivisionByZero]); a negative price or cost
// ([ErrNegativePrice]); a price or cost without currency
// ([ErrUnknownCurrency]); different currencies ([ErrCurrencyMismatch]).
func GrossMargin(price, cost Money) (decimal.Decimal, error) {
	if err := checkPriceCost("gross margin", price, cost); err != nil {
		return decimal.Decimal{}, err
	}
	if price.Sign() == 0 {
		return decimal.Decimal{}, fieldErr("gross margin", "price", price.String(), ErrDivisionByZero, "")
	}
	return price.dec().Sub(cost.dec()).DivRound(price.dec(), RatioPlaces), nil
}

// Markup returns the markup on cost (加价率, 成本加成率):
//
//	markup = (price - cost) / cost
//
// rounded half-up to [RatioPlaces] places. Price 100.00 and cost 60.00 give
// 0.6666666667. Errors are those of [GrossMargin], with a zero cost
// ([ErrDivisionByZero]) instead of a zero price.
func Markup(price, cost Money) (decimal.Decimal, error) {
	if err := checkPriceCost("markup", price, cost); err != nil {
		return decimal.Decimal{}, err
	}
	if cost.Sign() == 0 {
		return decimal.Decimal{}, fieldErr("markup", "cost", cost.String(), ErrDivisionByZero, "")
	}
	return price.dec().Sub(cost.dec()).DivRound(cost.dec(), RatioPlaces), nil
}

func checkPriceCost(op string, price, cost Money) error {
	for _, f := range [...]struct {
		name string
		m    Money
	}{{"price", price}, {"cost", cost}} {
		if !f.m.IsValid() {
			return fieldErr(op, f.name, f.m.String(), ErrUnknownCurrency, "")
		}
		if f.m.IsNegative() {
			return fieldErr(op, f.name, f.m.String(), ErrNegativePrice, "")
		}
	}
	if price.currency != cost.currency {
		return mismatch(op, "cost", cost.String(), price.currency, cost.currency)
	}
	return nil
}

// PriceForMargin returns the lowest price whose gross margin is the target
// margin m (定价: 按目标毛利率倒推售价):
//
//	price = cost / (1 - m)
//
// rounded to the currency's minor unit with the mode, exactly (no double
// rounding). Seed-rules P-08: a 50% margin needs price = 2 × cost. Use
// [Ceiling] to guarantee the margin is reached after rounding. m may be
// negative (selling below cost) but must be below 1.
//
// Errors: m ≥ 1 ([ErrInvalidRatio]); m beyond the limits, or a price
// above 10^[MaxMagnitude] ([ErrTooLarge]); a negative cost
// ([ErrNegativePrice]); a cost without currency ([ErrUnknownCurrency]); an
// invalid mode ([ErrInvalidRoundingMode]).
func PriceForMargin(cost Money, m decimal.Decimal, mode RoundingMode) (Money, error) {
	const op = "price for margin"
	if !mode.IsValid() {
		return Money{}, fieldErr(op, "mode", strconv.Itoa(int(mode)), ErrInvalidRoundingMode, "")
	}
	m2, detail, reason := checkDecimal(m)
	if reason == nil && m2.Cmp(one) >= 0 {
		reason, detail = ErrInvalidRatio, "must be below 1"
	}
	if reason != nil {
		return Money{}, fieldErr(op, "m", decText(m), reason, detail)
	}
	if !cost.IsValid() {
		return Money{}, fieldErr(op, "cost", cost.String(), ErrUnknownCurrency, "")
	}
	if cost.IsNegative() {
		return Money{}, fieldErr(op, "cost", cost.String(), ErrNegativePrice, "")
	}
	p := quoRound(cost.dec(), one.Sub(m2), cost.currency.Digits(), mode)
	if !withinMagnitude(p) {
		return Money{}, fieldErr(op, "m", plainString(m2), ErrTooLarge, "the price: "+tooLargeDetail)
	}
	return fromDecimal(p, cost.currency), nil
}

// quoRound returns n/d rounded to places decimal places with the mode,
// exactly: the quotient is truncated by QuoRem and the remainder decides
// the last step. d must not be zero; the mode must be valid.
func quoRound(n, d decimal.Decimal, places int32, mode RoundingMode) decimal.Decimal {
	q, r := n.QuoRem(d, places) // q truncated toward zero; r has n's sign
	if r.IsZero() {
		return q
	}
	neg := (n.Sign() < 0) != (d.Sign() < 0)
	var away bool
	switch mode {
	case Down:
	case Up:
		away = true
	case Floor:
		away = neg
	case Ceiling:
		away = !neg
	default:
		// The dropped fraction is |r| / (|d|·10^-places); compare it with 1/2.
		c := r.Abs().Add(r.Abs()).Cmp(d.Abs().Shift(-places))
		away = c > 0 || (c == 0 && (mode == HalfUp || !q.Shift(places).Mod(two).IsZero()))
	}
	if !away {
		return q
	}
	unit := decimal.New(1, -places)
	if neg {
		return q.Sub(unit)
	}
	return q.Add(unit)
}

// CostRatio is a named cost as a fraction of revenue in a margin
// waterfall: {"platform commission (天猫扣点)", 0.05}.
type CostRatio struct {
	Name  string          `json:"name"`
	Ratio decimal.Decimal `json:"ratio"`
}

// UnmarshalJSON decodes {"name":"platform commission","ratio":"0.05"} and
// checks the ratio as [Waterfall] does: in [0, 1] ([ErrInvalidRatio]) and
// within the limits ([ErrTooLarge]), so a hostile exponent is refused
// before anything prints it. Unknown keys are an error.
func (c *CostRatio) UnmarshalJSON(b []byte) error {
	const op = "decode cost ratio"
	type plain CostRatio
	var v plain
	if err := decodeStrict(b, &v); err != nil {
		return decodeErr(op, ErrInvalidRatio, err)
	}
	r, detail, reason := checkDecimal(v.Ratio)
	if reason == nil && (r.Sign() < 0 || r.Cmp(one) > 0) {
		reason, detail = ErrInvalidRatio, "must be in [0, 1]"
	}
	if reason != nil {
		return fieldErr(op, "ratio", decText(v.Ratio), reason, detail)
	}
	*c = CostRatio{Name: v.Name, Ratio: r}
	return nil
}

// WaterfallStep is one step of a [MarginWaterfall]: the margin before the
// cost, the cost ratio, and the margin after it (After = Before - Ratio).
type WaterfallStep struct {
	Name   string          `json:"name"`
	Ratio  decimal.Decimal `json:"ratio"`
	Before decimal.Decimal `json:"before"`
	After  decimal.Decimal `json:"after"`
}

// MarginWaterfall walks a gross margin (毛利率) down to a net margin
// (净利率) through cost ratios of revenue:
//
//	net = gross - Σ cost_i
//
// Each step reports the margin before and after one cost. All values are
// exact fractions of revenue (0.075 is 7.5%); net may be negative (a loss).
type MarginWaterfall struct {
	Gross decimal.Decimal `json:"gross"`
	Steps []WaterfallStep `json:"steps"`
	Net   decimal.Decimal `json:"net"`
}

// Waterfall computes the margin waterfall from gross through costs, in
// order. Seed-rules WE-5 / X-05: gross 0.40 minus promotion 0.10, staff
// 0.06, platform commission 0.05, shipping and packing 0.05, tax 0.045 and
// other 0.02 leaves 0.075 net. The costs are not modified.
//
// Errors: gross above 1, or a cost ratio negative or above 1
// ([ErrInvalidRatio]); gross or a ratio beyond the limits, or more than
// [MaxCosts] costs ([ErrTooLarge]).
func Waterfall(gross decimal.Decimal, costs ...CostRatio) (MarginWaterfall, error) {
	const op = "margin waterfall"
	g, detail, reason := checkDecimal(gross)
	if reason == nil && g.Cmp(one) > 0 {
		reason, detail = ErrInvalidRatio, "must be at most 1"
	}
	if reason != nil {
		return MarginWaterfall{}, fieldErr(op, "gross", decText(gross), reason, detail)
	}
	if len(costs) > MaxCosts {
		return MarginWaterfall{}, fieldErr(op, "costs", strconv.Itoa(len(costs)), ErrTooLarge, "at most %d costs", MaxCosts)
	}
	w := MarginWaterfall{Gross: g, Steps: make([]WaterfallStep, len(costs))}
	cur := g
	for i, c := range costs {
		r, detail, reason := checkDecimal(c.Ratio)
		if reason == nil && (r.Sign() < 0 || r.Cmp(one) > 0) {
			reason, detail = ErrInvalidRatio, "must be in [0, 1]"
		}
		if reason != nil {
			return MarginWaterfall{}, fieldErr(op, "costs["+strconv.Itoa(i)+"].ratio", decText(c.Ratio), reason, detail)
		}
		c.Ratio = r
		next := cur.Sub(c.Ratio)
		w.Steps[i] = WaterfallStep{Name: c.Name, Ratio: c.Ratio, Before: cur, After: next}
		cur = next
	}
	w.Net = cur
	return w, nil
}
