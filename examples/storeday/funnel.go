package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/opskit/opskit/funnel"
	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
)

// The lunchtime rush in the store's delivery app (外卖/到家 app), 11:30-13:10:
// one customer a line, then each tap as "HH:MM event" on the tour's day.
var appLog = []string{
	"c01 11:30 open 11:31 view 11:33 cart 11:36 pay",
	"c02 11:32 open 11:34 view 11:40 view 11:41 cart 11:44 pay",
	"c03 11:35 open 11:37 view",
	"c04 11:38 open 11:39 search 11:42 view 11:45 cart",
	"c05 11:40 open",
	"c06 11:41 open 11:43 view 11:44 cart 11:47 pay",
	// c07 pays at 13:05, 80 minutes after opening the app: outside the
	// one-hour window, so the funnel counts c07 at "add to cart".
	"c07 11:45 open 11:46 view 11:50 cart 13:05 pay",
	// c08 re-adds last week's order from "buy again" before viewing any
	// item: a cart before the view does not fill the ordered funnel's step 3.
	"c08 11:50 open 11:52 cart 11:55 view",
	"c09 11:58 open",
	"c10 12:02 open 12:03 view 12:05 view 12:06 cart 12:09 pay",
	"c11 12:10 open 12:12 view 12:20 cart",
	"c12 12:15 open 12:16 view",
	"c13 12:20 open 12:22 view 12:23 cart 12:26 pay",
	"c14 12:30 open",
}

// appSteps is the app's funnel: four steps in order within an hour of opening the app (a
// search may come between); a customer counts once, at the deepest step (as in PostHog).
var appSteps = funnel.MustNew([]funnel.Matcher{{Name: "visit", Event: "open"}, {Name: "view item", Event: "view"},
	{Name: "add to cart", Event: "cart"}, {Name: "pay", Event: "pay"}}, time.Hour)

// appFunnel prints the app's conversion funnel (转化漏斗), the documents'
// sales plan checked as GMV = UV × CR × AOV, and an A/B test of two banners.
func appFunnel(w io.Writer) error {
	heading(w, "8. The app funnel (转化漏斗) and the plan")
	var events []funnel.Event
	// Bounce rate (跳失率, lower is better): visits with nothing after opening the app.
	visits, bounced := int64(len(appLog)), int64(0)
	for _, line := range appLog {
		f := strings.Fields(line)
		for i := 1; i+1 < len(f); i += 2 {
			events = append(events, funnel.Event{Actor: f[0], Time: at(f[i]), Name: f[i+1]})
		}
		if len(f) == 3 {
			bounced++
		}
	}
	r, err1 := appSteps.Run(events)
	bounce, err2 := funnel.BounceRate(bounced, visits)
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	// Per step: customers reaching it, conversion (转化率) from the previous step
	// and the first, customers lost (流失), median time from the previous step.
	tw := table(w)
	fmt.Fprintf(tw, "Lunchtime in the app, %d events of %d customers, one-hour window:\n", len(events), visits)
	fmt.Fprintln(tw, "Step\tCustomers\tFrom previous\tFrom first\tDrop-off\tMedian time\t中文")
	chinese := []string{"访问", "浏览商品", "加购", "支付"}
	for i, s := range r.Steps() {
		median := "-"
		if i > 0 {
			median = s.Time.Median.String()
		}
		fmt.Fprintf(tw, "%s\t%d\t%.0f%%\t%.0f%%\t%d\t%s\t%s\n", s.Name, s.Count, 100*s.FromPrevious, 100*s.FromFirst, s.DropOff, median, chinese[i])
	}
	fmt.Fprintf(tw, "Visit to pay takes a median %s; %d of %d visits bounced (跳失率 %.0f%%).\n",
		r.Overall().Median, bounced, visits, 100*bounce)
	// One tabwriter aligns all three tables; a line without tabs ends a table.
	return errors.Join(planCheck(tw), bannerTest(tw), tw.Flush())
}

// statedMonth is one month of the documents' traffic plan (seed-rules
// WE-1..WE-3): a daily UV range at 3% conversion and a target 客单价, with
// the daily and monthly sales (日均销量, 月销量) the author wrote down.
type statedMonth struct {
	month                                             string
	uvLow, uvHigh                                     int64
	aov, dailyLow, dailyHigh, monthlyLow, monthlyHigh string
}

var documentPlan = []statedMonth{
	{"Jan", 600, 1000, "101", "1800", "3000", "60000", "90000"},
	{"Feb", 1500, 2000, "110", "3300", "6000", "100000", "180000"}, // the 20xx UV in the source read as 2,000
	{"Mar", 2500, 3000, "120", "9000", "10800", "270000", "320000"},
}

// signed formats a percentage with its sign and two decimals.
func signed(d decimal.Decimal) string {
	if d.IsPositive() {
		return "+" + d.StringFixed(2)
	}
	return d.StringFixed(2)
}

func cny(s string) pricing.Money { return pricing.MustNew(s, pricing.CNY) }

// planCheck recomputes the plan's figures as UV × CR × AOV (× 30 days) and flags
// those over 2% off, then splits January-to-March growth into its three factors.
func planCheck(tw io.Writer) error {
	fmt.Fprintln(tw, "\nThe documents' January-March plan: GMV = UV × CR × AOV (销售额 = 访客数 × 转化率 × 客单价)")
	cr := decimal.RequireFromString("0.03")
	tolerance := decimal.RequireFromString("0.02") // accepts rounding to the hundred
	// Deviation = (stated - implied) / implied: + means the author wrote
	// more than the plan's own traffic, conversion and 客单价 can deliver.
	fmt.Fprintln(tw, "Month\tUV\tAOV\tFigure\tStated\tImplied\tDeviation\tVerdict")
	var flagged []string
	checked := make([][]funnel.Finding, len(documentPlan)) // per month: DailyLow, DailyHigh, MonthlyLow, MonthlyHigh
	for i, m := range documentPlan {
		findings, err := funnel.CheckPlan(funnel.StatedPlan{
			Plan:     funnel.Plan{UVLow: m.uvLow, UVHigh: m.uvHigh, CR: cr, AOV: cny(m.aov), Days: 30},
			DailyLow: cny(m.dailyLow), DailyHigh: cny(m.dailyHigh), MonthlyLow: cny(m.monthlyLow), MonthlyHigh: cny(m.monthlyHigh),
		}, tolerance)
		if err != nil {
			return fmt.Errorf("%s plan: %w", m.month, err)
		}
		checked[i] = findings
		for _, f := range findings {
			verdict := "ok"
			if !f.OK {
				verdict = "FLAGGED"
				flagged = append(flagged, m.month+" "+f.Field)
			}
			fmt.Fprintf(tw, "%s\t%d-%d\t%s\t%s\t%s\t%s\t%s%%\t%s\n", m.month, m.uvLow, m.uvHigh, m.aov, f.Field,
				f.Stated.StringAmount(), f.Expected.StringAmount(), signed(f.Deviation.Shift(2)), verdict)
		}
	}
	fmt.Fprintf(tw, "Flagged: %s.\n", strings.Join(flagged, ", "))
	for i, m := range documentPlan {
		// A wrong daily figure breaks the month's own arithmetic; a monthly one may be rounding.
		if low, high := checked[i][0], checked[i][1]; !low.OK || !high.OK {
			fmt.Fprintf(tw, "%s is the inconsistent month: %d-%d UV at 3%% and %s give %s-%s a day, not the stated %s-%s.\n",
				m.month, m.uvLow, m.uvHigh, m.aov, low.Expected.StringAmount(), high.Expected.StringAmount(), m.dailyLow, m.dailyHigh)
			// The stated floor is January's top traffic at this month's 客单价: copied, not updated.
			copied, err := funnel.Sales(documentPlan[0].uvHigh, cr, cny(m.aov))
			if err != nil {
				return err
			}
			fmt.Fprintf(tw, "Its %s is January's top %d UV × 3%% × %s = %s, probably copied from January.\n",
				m.dailyLow, documentPlan[0].uvHigh, m.aov, copied.StringAmount())
		}
	}
	janMonthly := checked[0][2] // January's MonthlyLow
	fmt.Fprintf(tw, "January's monthly floor is %s%% off 30 days × the daily floor (%s), though its daily figures hold.\n",
		signed(janMonthly.Deviation.Shift(2)), janMonthly.Expected.StringAmount())

	// Where the growth comes from (LMDI): three effects that add up to the change exactly.
	d, err := funnel.Decompose(funnel.GMVFactors{UV: documentPlan[0].uvLow, CR: cr, AOV: cny(documentPlan[0].aov)},
		funnel.GMVFactors{UV: documentPlan[2].uvLow, CR: cr, AOV: cny(documentPlan[2].aov)})
	if err != nil {
		return err
	}
	fmt.Fprintf(tw, "Daily GMV January -> March (low end): %s -> %s, +%s = traffic %s + conversion %s + order value %s.\n",
		d.Before.StringAmount(), d.After.StringAmount(), d.Change.StringAmount(), d.UV.StringAmount(), d.CR.StringAmount(), d.AOV.StringAmount())
	return nil
}

// bannerTest compares two home-page banners shown to random halves of the
// app's visitors for a week (A/B 测试): which one gets more visitors to pay?
func bannerTest(tw io.Writer) error {
	fmt.Fprintln(tw, "\nA/B test of the home-page banner, one week:")
	type variant struct {
		name, banner   string
		visitors, paid int64
	}
	a := variant{"A", "满30减5 (5 off 30)", 1240, 87}
	b := variant{"B", "第二件半价 (2nd item half price)", 1215, 112}
	fmt.Fprintln(tw, "Variant\tVisitors\tPaid\tCR\t95% interval\tBanner")
	for _, v := range []variant{a, b} {
		// Wilson's interval (置信区间): where the true rate plausibly lies.
		iv, err := funnel.Wilson(v.paid, v.visitors, 0.95)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f%%\t%.2f%%-%.2f%%\t%s\n", v.name, v.visitors, v.paid,
			100*float64(v.paid)/float64(v.visitors), 100*iv.Low, 100*iv.High, v.banner)
	}
	// The z-test (显著性检验): would a gap this large be rare if the banners
	// converted alike? P(B beats A) is the Bayesian answer the manager wants.
	z, err1 := funnel.TwoProportionZTest(a.paid, a.visitors, b.paid, b.visitors)
	up, err2 := funnel.Uplift(a.paid, a.visitors, b.paid, b.visitors)
	pb, err3 := funnel.ProbBBeatsA(a.paid, a.visitors, b.paid, b.visitors)
	if err := errors.Join(err1, err2, err3); err != nil {
		return err
	}
	fmt.Fprintf(tw, "B converts %.0f%% better (提升率); z = %.2f, two-sided p = %.3f; P(B beats A) = %.1f%%.\n",
		100*up, z.Z, z.PValue, 100*pb)
	return nil
}
