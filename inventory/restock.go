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
type RestockRule struct {
	MinDailySales float64       // units per day, default 20
	Window        int           // days of history the sales and trend conditions look at, default 7
	MinSeasonLeft time.Duration // default 30 days
	MinSlope      float64       // units per day per day; the slope must exceed it; default 0
	MinROI        float64       // default 0, break-even
}

// DefaultRestockRule returns the INV-08 numbers: ≥ 20 a day over 7 days, 30 days of season left, a
// positive slope and an ROI of at least 0.
func DefaultRestockRule() RestockRule {
	return RestockRule{MinDailySales: 20, Window: 7, MinSeasonLeft: 30 * Day, MinSlope: 0, MinROI: 0}
}

// RestockInput is the data the rule is evaluated on.
type RestockInput struct {
	DailySales      []float64 // one value per day, oldest first; the last Window values are used
	SeasonEnd       time.Time
	At              time.Time // the evaluation time
	ProjectedProfit float64   // projected gross profit of the restock (from margin and conversion)
	Investment      float64   // what the restock costs; positive
}

// RestockCondition is one condition of the rule with the value it measured.
type RestockCondition struct {
	Name      string
	Value     float64 // measured: minimum daily sales, days of season left, slope, ROI
	Threshold float64
	Pass      bool
}

// RestockDecision is the result of [RestockRule.Evaluate]: the decision and every condition.
type RestockDecision struct {
	Restock    bool
	Conditions [4]RestockCondition // stable sales, season left, rising trend, ROI
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
// non-finite threshold), fewer than Window days of sales, a negative or non-finite sales value, a
// non-finite profit or a non-positive investment.
func (r RestockRule) Evaluate(in RestockInput) (RestockDecision, error) {
	const op = "restock rule"
	if r.Window < 2 {
		return RestockDecision{}, fieldErr(op, "window", r.Window, ErrShortHistory)
	}
	if err := checkNonNeg(op, "min daily sales", r.MinDailySales); err != nil {
		return RestockDecision{}, err
	}
	if r.MinSeasonLeft < 0 {
		return RestockDecision{}, fieldErr(op, "min season left", r.MinSeasonLeft, ErrNegative)
	}
	if !isFinite(r.MinSlope) {
		return RestockDecision{}, fieldErr(op, "min slope", r.MinSlope, ErrNotFinite)
	}
	if !isFinite(r.MinROI) {
		return RestockDecision{}, fieldErr(op, "min ROI", r.MinROI, ErrNotFinite)
	}
	if len(in.DailySales) < r.Window {
		return RestockDecision{}, fieldErr(op, "len(daily sales)", len(in.DailySales), ErrShortHistory)
	}
	if err := checkSlice(op, "daily sales", in.DailySales, true); err != nil {
		return RestockDecision{}, err
	}
	if !isFinite(in.ProjectedProfit) {
		return RestockDecision{}, fieldErr(op, "projected profit", in.ProjectedProfit, ErrNotFinite)
	}
	if err := checkPos(op, "investment", in.Investment); err != nil {
		return RestockDecision{}, err
	}
	recent := in.DailySales[len(in.DailySales)-r.Window:]
	lowest := recent[0]
	for _, v := range recent {
		lowest = min(lowest, v)
	}
	left := days(in.SeasonEnd.Sub(in.At))
	slope := trendSlope(recent)
	roi := in.ProjectedProfit / in.Investment
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
