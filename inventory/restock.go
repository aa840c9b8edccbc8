package inventory

import (
	"fmt"
	"strings"
	"time"
)

// RestockRule is the source documents' restock standard for distributed styles (补货标准, seed rule
// INV-08): restock only when
//
//  1. daily sales are stable at MinDailySales or more (日销量稳定在20件以上): every one of the last
//     Window days sold at least MinDailySales;
//  2. the season ends at least MinSeasonLeft from now (距离过季还有最少1个月时间);
//  3. recent sales are rising (近期销量呈上升趋势): the least-squares slope of the last Window days'
//     sales is above MinSlope;
//  4. the projected ROI after restocking at least breaks even (原则上不亏本即可补货):
//     ProjectedProfit / Investment ≥ MinROI.
//
// All four must hold. [DefaultRestockRule] gives the documents' numbers. The document gives no window
// for "stable" or "recent" and calls a month "1个月": the defaults are 7 days and 30 days.
//
// Its JSON form has snake_case keys and MinSeasonLeft as a Go duration string ("720h0m0s").
type RestockRule struct {
	MinDailySales float64       `json:"min_daily_sales"` // units per day, default 20
	Window        int           `json:"window"`          // days of history the sales and trend conditions look at, default 7
	MinSeasonLeft time.Duration `json:"min_season_left"` // default 30 days
	MinSlope      float64       `json:"min_slope"`       // units per day per day; the slope must exceed it; default 0
	MinROI        float64       `json:"min_roi"`         // default 0, break-even
}

// DefaultRestockRule returns the INV-08 numbers: ≥ 20 a day over 7 days, 30 days of season left, a
// positive slope and an ROI of at least 0.
func DefaultRestockRule() RestockRule {
	return RestockRule{MinDailySales: 20, Window: 7, MinSeasonLeft: 30 * Day, MinSlope: 0, MinROI: 0}
}

// RestockInput is the data the rule is evaluated on.
// ProjectedProfit and Investment are amounts in one currency unit whose ratio is the ROI; only the
// ratio matters, so they are float64 (see the package's Money section).
type RestockInput struct {
	DailySales      []float64 `json:"daily_sales"`      // one value per day, oldest first; the last Window values are used
	SeasonEnd       time.Time `json:"season_end"`       // when the season ends
	At              time.Time `json:"at"`               // the evaluation time
	ProjectedProfit float64   `json:"projected_profit"` // projected gross profit of the restock (from margin and conversion)
	Investment      float64   `json:"investment"`       // what the restock costs; positive
}

// RestockCondition is one condition of the rule with the value it measured.
type RestockCondition struct {
	Name      string  `json:"name"`      // what the condition checks
	Value     float64 `json:"value"`     // measured: minimum daily sales, days of season left, slope, ROI
	Threshold float64 `json:"threshold"` // what the value is compared with
	Pass      bool    `json:"pass"`      // whether the condition holds
}

// RestockDecision is the result of [RestockRule.Evaluate]: the decision and every condition.
type RestockDecision struct {
	Restock    bool                `json:"restock"`
	Conditions [4]RestockCondition `json:"conditions"` // stable sales, season left, rising trend, ROI
}

// String lists the decision and each condition, such as
// "restock: no; stable daily sales min 19 ≥ 20: fail; ...".
func (d RestockDecision) String() string {
	var b strings.Builder
	if d.Restock {
		b.WriteString("restock: yes")
	} else {
		b.WriteString("restock: no")
	}
	for _, c := range d.Conditions {
		verdict := "fail"
		if c.Pass {
			verdict = "pass"
		}
		fmt.Fprintf(&b, "; %s %s (threshold %s): %s", c.Name, fmtNum(c.Value), fmtNum(c.Threshold), verdict)
	}
	return b.String()
}

// Evaluate applies the rule. It returns an error for an invalid rule (a window below 2, a negative or
// non-finite threshold), fewer than Window days of sales, a negative or non-finite sales value or one
// above [MaxQty], a non-finite profit, a non-positive investment, or an ROI beyond the float64 range.
func (r RestockRule) Evaluate(in RestockInput) (RestockDecision, error) {
	const op = "restock rule"
	if r.Window < 2 {
		return RestockDecision{}, detailErr(op, "rule.window", r.Window, ErrShortHistory, "at least 2")
	}
	if err := checkQty(op, "rule.min_daily_sales", r.MinDailySales); err != nil {
		return RestockDecision{}, err
	}
	if r.MinSeasonLeft < 0 {
		return RestockDecision{}, fieldErr(op, "rule.min_season_left", r.MinSeasonLeft, ErrNegative)
	}
	if !isFinite(r.MinSlope) {
		return RestockDecision{}, fieldErr(op, "rule.min_slope", r.MinSlope, ErrNotFinite)
	}
	if !isFinite(r.MinROI) {
		return RestockDecision{}, fieldErr(op, "rule.min_roi", r.MinROI, ErrNotFinite)
	}
	if len(in.DailySales) < r.Window {
		return RestockDecision{}, detailErr(op, "in.daily_sales", nil, ErrShortHistory, fmt.Sprintf("%d days, at least the window %d", len(in.DailySales), r.Window))
	}
	if err := checkSlice(op, "in.daily_sales", in.DailySales, true); err != nil {
		return RestockDecision{}, err
	}
	if !isFinite(in.ProjectedProfit) {
		return RestockDecision{}, fieldErr(op, "in.projected_profit", in.ProjectedProfit, ErrNotFinite)
	}
	if err := checkPos(op, "in.investment", in.Investment); err != nil {
		return RestockDecision{}, err
	}
	roi := in.ProjectedProfit / in.Investment
	if err := checkResult(op, "roi", roi); err != nil {
		return RestockDecision{}, err
	}
	recent := in.DailySales[len(in.DailySales)-r.Window:]
	lowest := recent[0]
	for _, v := range recent {
		lowest = min(lowest, v)
	}
	left := days(in.SeasonEnd.Sub(in.At))
	slope := trendSlope(recent)
	d := RestockDecision{Conditions: [4]RestockCondition{
		{Name: "stable daily sales (minimum)", Value: lowest, Threshold: r.MinDailySales, Pass: lowest >= r.MinDailySales},
		{Name: "days to season end", Value: left, Threshold: days(r.MinSeasonLeft), Pass: in.SeasonEnd.Sub(in.At) >= r.MinSeasonLeft},
		{Name: "sales trend (slope per day)", Value: slope, Threshold: r.MinSlope, Pass: slope > r.MinSlope},
		{Name: "projected ROI", Value: roi, Threshold: r.MinROI, Pass: roi >= r.MinROI},
	}}
	d.Restock = d.Conditions[0].Pass && d.Conditions[1].Pass && d.Conditions[2].Pass && d.Conditions[3].Pass
	return d, nil
}

// trendSlope returns the ordinary least-squares slope of ys against 0, 1, 2, ...:
// Σ(x - x̄)(y - ȳ) / Σ(x - x̄)². len(ys) ≥ 2.
func trendSlope(ys []float64) float64 {
	n := float64(len(ys))
	xbar := (n - 1) / 2
	var ybar float64
	for _, y := range ys {
		ybar += y
	}
	ybar /= n
	var num, den float64
	for i, y := range ys {
		dx := float64(i) - xbar
		num += dx * (y - ybar)
		den += dx * dx
	}
	return num / den
}
