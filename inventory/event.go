package inventory

import (
	"math"

	"github.com/opskit/opskit/internal/civil"
)

// Date is a calendar date without a time or a zone, written "2006-01-02" in text and JSON; the type
// the library shares (kpi.Date is the same type). The zero Date is invalid.
type Date = civil.Date

// EventRule holds the timing rules of stocking for a sales event (a platform promotion or a
// group-buy), from the seed rules: the stock decision is made DecisionDays before the event (INV-06:
// at least a week), a share Prepack of the units is packed before the event (INV-30 and PR-12: one
// third), and the after-sales peak starts AfterSalesDelay days after the event's last day (X-20:
// three days) and lasts AfterSalesDays (the seeds do not say how long; a week by default).
type EventRule struct {
	DecisionDays    int `json:"decision_days"`     // at least 0
	PrepackNum      int `json:"prepack_num"`       // the pre-packed share is PrepackNum/PrepackDen
	PrepackDen      int `json:"prepack_den"`       // 1 to 1000, and PrepackNum from 0 to PrepackDen
	AfterSalesDelay int `json:"after_sales_delay"` // days after the last event day, at least 0
	AfterSalesDays  int `json:"after_sales_days"`  // length of the peak window, at least 1
}

// DefaultEventRule returns the seeds' rule: decide 7 days before, pre-pack 1/3, the after-sales peak
// from 3 days after the event for 7 days.
func DefaultEventRule() EventRule {
	return EventRule{DecisionDays: 7, PrepackNum: 1, PrepackDen: 3, AfterSalesDelay: 3, AfterSalesDays: 7}
}

// EventInput is one event to stock for. The expected orders come from a traffic plan (UV × CR, the
// orders of the seeds' UV × CR × AOV sales plans, F-01) or from a forecast (Orders); exactly one of
// the two is given.
type EventInput struct {
	Start          Date    `json:"start"`           // the first day of the event
	Days           int     `json:"days"`            // its length in days, 1 to 366
	UV             int64   `json:"uv"`              // planned unique visitors over the event, or 0
	ConversionRate float64 `json:"conversion_rate"` // planned share of visitors who order, in (0, 1]
	Orders         float64 `json:"orders"`          // forecast orders over the event, or 0
	UnitsPerOrder  float64 `json:"units_per_order"` // average units of this SKU per order, > 0
	OnHand         int64   `json:"on_hand"`         // stock available for the event
	LeadDays       int     `json:"lead_days"`       // supplier lead time in days, 0 to 365
}

// EventPlan is the stocking plan of an event, as data: how much stock, which part is pre-packed, and
// the dates by which each step must be done.
type EventPlan struct {
	Orders    float64 `json:"orders"`     // expected orders: UV × CR, or the forecast
	Units     int64   `json:"units"`      // ⌈orders × units per order⌉: the stock the event needs
	ToBuy     int64   `json:"to_buy"`     // max(Units - on hand, 0)
	DecideBy  Date    `json:"decide_by"`  // start - DecisionDays (INV-06)
	OrderBy   Date    `json:"order_by"`   // StockBy - lead time: the latest day to place the order
	StockBy   Date    `json:"stock_by"`   // the day before the event: the stock is in
	Prepack   int64   `json:"prepack"`    // ⌈Units × PrepackNum/PrepackDen⌉ (INV-30)
	PrepackBy Date    `json:"prepack_by"` // the day before the event
	LastDay   Date    `json:"last_day"`   // the event's last day
	// AfterSalesFrom and AfterSalesTo bound the after-sales peak, both days included.
	AfterSalesFrom Date `json:"after_sales_from"`
	AfterSalesTo   Date `json:"after_sales_to"`
}

// PlanEvent turns an expected event demand into a stocking plan. The units are whole: expected
// orders × units per order rounded up, as the pre-packed share is (PR-12: PrepackQty =
// ⌈expected/3⌉); a product within 1e-9 (relative) of a whole number is that number, so that
// 100 UV × 7 % (7.000000000000001 in binary floating point) needs 7 units, not 8. The stock must be in on the day before the event; the purchase order goes out a
// lead time before that, and the decision a week before the event (INV-06), whichever the caller
// meets first. The plan does not know today's date: compare OrderBy and DecideBy with it.
//
// It returns an error for an invalid rule or date, a length outside 1 to 366 days, both or neither of
// a traffic plan and a forecast, a conversion rate outside (0, 1], a negative, NaN or infinite number,
// units per order that are not positive, a lead time outside 0 to 365 days, units above [MaxQty], and
// a date before year 1 or after 9999 (wrapping [ErrTooLarge]).
func (r EventRule) PlanEvent(in EventInput) (EventPlan, error) {
	const op = "plan event"
	switch {
	case r.DecisionDays < 0 || r.DecisionDays > 366:
		return EventPlan{}, detailErr(op, "decision_days", r.DecisionDays, ErrPolicy, "0 to 366 days")
	case r.PrepackDen < 1 || r.PrepackDen > 1000:
		return EventPlan{}, detailErr(op, "prepack_den", r.PrepackDen, ErrPolicy, "1 to 1000")
	case r.PrepackNum < 0 || r.PrepackNum > r.PrepackDen:
		return EventPlan{}, detailErr(op, "prepack_num", r.PrepackNum, ErrPolicy, "0 to prepack_den")
	case r.AfterSalesDelay < 0 || r.AfterSalesDelay > 366:
		return EventPlan{}, detailErr(op, "after_sales_delay", r.AfterSalesDelay, ErrPolicy, "0 to 366 days")
	case r.AfterSalesDays < 1 || r.AfterSalesDays > 366:
		return EventPlan{}, detailErr(op, "after_sales_days", r.AfterSalesDays, ErrPolicy, "1 to 366 days")
	}
	if !in.Start.IsValid() {
		return EventPlan{}, fieldErr(op, "start", in.Start, ErrPolicy)
	}
	if in.Days < 1 || in.Days > 366 {
		return EventPlan{}, detailErr(op, "days", in.Days, ErrPolicy, "1 to 366 days")
	}
	if in.LeadDays < 0 || in.LeadDays > MaxLeadDays {
		return EventPlan{}, detailErr(op, "lead_days", in.LeadDays, ErrPolicy, "0 to 365 days")
	}
	if in.OnHand < 0 {
		return EventPlan{}, fieldErr(op, "on_hand", in.OnHand, ErrNegative)
	}
	if in.OnHand > MaxQty {
		return EventPlan{}, detailErr(op, "on_hand", in.OnHand, ErrTooLarge, maxQtyDetail)
	}
	if err := checkPos(op, "units_per_order", in.UnitsPerOrder); err != nil {
		return EventPlan{}, err
	}
	if err := checkQty(op, "orders", in.Orders); err != nil {
		return EventPlan{}, err
	}
	if in.UV < 0 {
		return EventPlan{}, fieldErr(op, "uv", in.UV, ErrNegative)
	}
	var orders float64
	switch {
	case in.UV > 0 && in.Orders > 0:
		return EventPlan{}, detailErr(op, "orders", in.Orders, ErrPolicy, "give a traffic plan (uv) or a forecast (orders), not both")
	case in.UV > 0 || in.ConversionRate != 0:
		if !(in.ConversionRate > 0 && in.ConversionRate <= 1) {
			return EventPlan{}, detailErr(op, "conversion_rate", in.ConversionRate, ErrServiceLevel, "a share in (0, 1]")
		}
		orders = float64(in.UV) * in.ConversionRate
	default:
		orders = in.Orders
	}
	units := ceilUnits(orders * in.UnitsPerOrder)
	if !(units <= MaxQty) {
		return EventPlan{}, detailErr(op, "units_per_order", in.UnitsPerOrder, ErrTooLarge, "the event needs more than 1e15 units")
	}
	p := EventPlan{Orders: orders, Units: int64(units)}
	p.ToBuy = max(p.Units-in.OnHand, 0)
	// Units ≤ 1e15 and PrepackNum ≤ 1000: the product fits in int64.
	p.Prepack = (p.Units*int64(r.PrepackNum) + int64(r.PrepackDen) - 1) / int64(r.PrepackDen)
	for _, d := range [...]struct {
		field string
		dst   *Date
		from  Date
		n     int
	}{
		{"decide_by", &p.DecideBy, in.Start, -r.DecisionDays},
		{"stock_by", &p.StockBy, in.Start, -1},
		{"order_by", &p.OrderBy, in.Start, -1 - in.LeadDays},
		{"prepack_by", &p.PrepackBy, in.Start, -1},
		{"last_day", &p.LastDay, in.Start, in.Days - 1},
		{"after_sales_from", &p.AfterSalesFrom, in.Start, in.Days - 1 + r.AfterSalesDelay},
		{"after_sales_to", &p.AfterSalesTo, in.Start, in.Days - 1 + r.AfterSalesDelay + r.AfterSalesDays - 1},
	} {
		*d.dst = d.from.AddDays(d.n)
		if !d.dst.IsValid() {
			return EventPlan{}, detailErr(op, "start", in.Start, ErrTooLarge, d.field+" falls outside years 1 to 9999")
		}
	}
	return p, nil
}

// ceilUnits rounds x ≥ 0 up to a whole number, taking a value within 1e-9 (relative) of a whole
// number as that number: the binary rounding of a product such as 100 × 0.07 must not add a unit.
func ceilUnits(x float64) float64 {
	if r := math.Round(x); math.Abs(x-r) <= 1e-9*max(1, r) {
		return r
	}
	return math.Ceil(x)
}
