package funnel

import (
	"math"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
)

// The five key indicators of the store handbook (五大指标, seed-rules F-13):
// new-customer cost, end-to-end ROI, conversion rate, repurchase rate and
// loyalty rate. Rates are float64 shares in [0, 1].

// CAC returns the new-customer acquisition cost (新顾客成本) spend /
// newCustomers, rounded half-up to the currency's minor unit (900.00 over
// 7 customers is 128.57). Errors: spend invalid or negative
// ([ErrInvalidAmount]); newCustomers <= 0 ([ErrInvalidCount]).
func CAC(spend pricing.Money, newCustomers int64) (pricing.Money, error) {
	const op = "cac"
	if !spend.IsValid() || spend.IsNegative() {
		return pricing.Money{}, fieldErr(op, "spend", spend, ErrInvalidAmount, "must be valid and not negative")
	}
	if newCustomers <= 0 {
		return pricing.Money{}, fieldErr(op, "new_customers", newCustomers, ErrInvalidCount, "must be positive")
	}
	m, err := pricing.NewFromDecimal(spend.Amount().DivRound(decimal.NewFromInt(newCustomers), 8), spend.Currency())
	if err != nil {
		return pricing.Money{}, withOp(op, "spend", err)
	}
	return m.Round(pricing.HalfUp), nil
}

// ROI returns revenue / spend (全程ROI, 投入产出比), the handbook's
// end-to-end ROI: revenue earned per yuan spent, to 8 decimal places
// (2.5 means 2.5 yuan back per yuan). Errors: amounts invalid, negative or
// in different currencies ([ErrInvalidAmount]); spend zero
// ([ErrInvalidAmount]).
func ROI(revenue, spend pricing.Money) (decimal.Decimal, error) {
	const op = "roi"
	if !revenue.IsValid() || !spend.IsValid() || revenue.IsNegative() || !spend.IsPositive() || revenue.Currency() != spend.Currency() {
		return decimal.Zero, fieldErr(op, "revenue", revenue, ErrInvalidAmount, "spend "+spend.String()+": both valid, revenue not negative, spend positive, one currency")
	}
	return revenue.Amount().DivRound(spend.Amount(), 8), nil
}

// share returns part / whole for counts, checking 0 <= part <= whole and
// whole > 0.
func share(op, partName, wholeName string, part, whole int64) (float64, error) {
	if whole <= 0 || part < 0 || part > whole {
		if whole <= 0 {
			return 0, fieldErr(op, wholeName, whole, ErrInvalidCount, "must be positive")
		}
		return 0, fieldErr(op, partName, part, ErrInvalidCount, "outside 0.."+valueText(whole))
	}
	return float64(part) / float64(whole), nil
}

// ConversionRate returns buyers / visitors (转化率). WE-9: 82 orders of
// 4747 visitors is 1.727%. Errors: visitors <= 0, buyers < 0 or above
// visitors ([ErrInvalidCount]).
func ConversionRate(buyers, visitors int64) (float64, error) {
	return share("conversion rate", "buyers", "visitors", buyers, visitors)
}

// RepurchaseRate returns repeaters / customers (复购率): customers with two
// or more purchases in a window over customers with at least one (see
// [Repurchase] to compute both). Errors as [ConversionRate].
func RepurchaseRate(repeaters, customers int64) (float64, error) {
	return share("repurchase rate", "repeaters", "customers", repeaters, customers)
}

// LoyaltyRate returns loyal / customers (忠诚率), with loyal as defined by
// [Stages]. Errors as [ConversionRate].
func LoyaltyRate(loyal, customers int64) (float64, error) {
	return share("loyalty rate", "loyal", "customers", loyal, customers)
}

// BounceRate returns singlePage / sessions (跳失率): the share of visits
// that left after one page (F-18). Lower is better. Errors as
// [ConversionRate].
func BounceRate(singlePage, sessions int64) (float64, error) {
	return share("bounce rate", "single_page", "sessions", singlePage, sessions)
}

// ItemMetrics are the four basic metrics of an item's popularity
// (人气宝贝的四项基本指标, F-05).
type ItemMetrics struct {
	Conversion float64 `json:"conversion"` // 转化率, a share in [0, 1]; higher is better
	Bounce     float64 `json:"bounce"`     // 跳失率, a share in [0, 1]; lower is better
	Favourites float64 `json:"favourites"` // 收藏量 (count, or favourites per visitor); higher is better
	Rating     float64 `json:"rating"`     // 宝贝评分; higher is better
}

// MetricCheck is one metric of the popular-item test.
type MetricCheck struct {
	Metric         string  `json:"metric"`           // "conversion", "bounce", "favourites", "rating"
	Item           float64 `json:"item"`             // the item's value
	Average        float64 `json:"average"`          // the industry average
	HigherIsBetter bool    `json:"higher_is_better"` // the metric's direction
	Better         bool    `json:"better"`           // strictly better than the average in the metric's direction
}

// PopularItem applies the popular-item test (人气宝贝的标准, F-05): an item
// must beat the industry average on all four metrics. The source says all
// four must be "greater than" average (大于行业平均水平), but a greater
// bounce rate (跳失率) is worse; this test takes "beat" as better in each
// metric's direction, so bounce must be lower (seed-rules T-12). A tie is
// not better. It returns whether the item passes and each check.
//
// Errors: a NaN or infinite value, or a rate outside [0, 1]
// ([ErrInvalidRate]).
func PopularItem(item, industry ItemMetrics) (bool, []MetricCheck, error) {
	const op = "popular item"
	checks := []MetricCheck{
		{Metric: "conversion", Item: item.Conversion, Average: industry.Conversion, HigherIsBetter: true},
		{Metric: "bounce", Item: item.Bounce, Average: industry.Bounce},
		{Metric: "favourites", Item: item.Favourites, Average: industry.Favourites, HigherIsBetter: true},
		{Metric: "rating", Item: item.Rating, Average: industry.Rating, HigherIsBetter: true},
	}
	pass := true
	for i := range checks {
		c := &checks[i]
		for _, v := range []float64{c.Item, c.Average} {
			bad := math.IsNaN(v) || math.IsInf(v, 0)
			if i < 2 && (v < 0 || v > 1) {
				bad = true
			}
			if bad {
				return false, nil, fieldErr(op, c.Metric, v, ErrInvalidRate, "")
			}
		}
		if c.HigherIsBetter {
			c.Better = c.Item > c.Average
		} else {
			c.Better = c.Item < c.Average
		}
		pass = pass && c.Better
	}
	return pass, checks, nil
}
