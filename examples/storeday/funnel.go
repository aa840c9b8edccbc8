package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/opskit/opskit/funnel"
	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
)

// appEvent is one tap in the store's delivery app (外卖/到家 app): who,
// when (HH:MM on the tour's day) and what.
type appEvent struct {
	customer, clock, name string
}

// The lunchtime rush in the app, 11:30-13:10: 14 customers, 43 events.
var appEvents = []appEvent{
	{"c01", "11:30", "open"}, {"c01", "11:31", "view"}, {"c01", "11:33", "cart"}, {"c01", "11:36", "pay"},
	{"c02", "11:32", "open"}, {"c02", "11:34", "view"}, {"c02", "11:40", "view"}, {"c02", "11:41", "cart"}, {"c02", "11:44", "pay"},
	{"c03", "11:35", "open"}, {"c03", "11:37", "view"},
	{"c04", "11:38", "open"}, {"c04", "11:39", "search"}, {"c04", "11:42", "view"}, {"c04", "11:45", "cart"},
	{"c05", "11:40", "open"},
	{"c06", "11:41", "open"}, {"c06", "11:43", "view"}, {"c06", "11:44", "cart"}, {"c06", "11:47", "pay"},
	// c07 pays at 13:05, 80 minutes after opening the app: outside the
	// one-hour window, so the funnel counts c07 at "add to cart".
	{"c07", "11:45", "open"}, {"c07", "11:46", "view"}, {"c07", "11:50", "cart"}, {"c07", "13:05", "pay"},
	// c08 re-adds last week's order from "buy again" before viewing any
	// item: a cart before the view does not fill the ordered funnel's step 3.
	{"c08", "11:50", "open"}, {"c08", "11:52", "cart"}, {"c08", "11:55", "view"},
	{"c09", "11:58", "open"},
	{"c10", "12:02", "open"}, {"c10", "12:03", "view"}, {"c10", "12:05", "view"}, {"c10", "12:06", "cart"}, {"c10", "12:09", "pay"},
	{"c11", "12:10", "open"}, {"c11", "12:12", "view"}, {"c11", "12:20", "cart"},
	{"c12", "12:15", "open"}, {"c12", "12:16", "view"},
	{"c13", "12:20", "open"}, {"c13", "12:22", "view"}, {"c13", "12:23", "cart"}, {"c13", "12:26", "pay"},
	{"c14", "12:30", "open"},
}

// appFunnel prints the app's conversion funnel (转化漏斗), the documents'
// sales plan checked as GMV = UV × CR × AOV, and an A/B test of two banners.
func appFunnel(w io.Writer) error {
	heading(w, "8. The app funnel (转化漏斗) and the plan")
	// Four steps in order, each within one hour of opening the app. Other
	// events (a search) may come between steps; a customer counts once, at
	// the deepest step reached (the defaults, as in PostHog).
	f, err := funnel.New([]funnel.Step{
		{Name: "visit", Event: "open"},
		{Name: "view item", Event: "view"},
		{Name: "add to cart", Event: "cart"},
		{Name: "pay", Event: "pay"},
	}, time.Hour)
	if err != nil {
		return err
	}
	events := make([]funnel.Event, len(appEvents))
	perCustomer := map[string]int{}
	for i, e := range appEvents {
		events[i] = funnel.Event{Actor: e.customer, Time: at(e.clock), Name: e.name}
		perCustomer[e.customer]++
	}
	r, err := f.Run(events)
	if err != nil {
		return err
	}
	// Per step: customers reaching it; conversion from the previous step and
	// from the first (转化率); customers lost (流失); and the median time from
	// the previous step among those who made it.
	fmt.Fprintf(w, "Lunchtime in the app, %d events of %d customers, one-hour window:\n", len(appEvents), len(perCustomer))
	tw := table(w)
	fmt.Fprintln(tw, "Step\tCustomers\tFrom previous\tFrom first\tDrop-off\tMedian time\t中文")
	chinese := []string{"访问", "浏览商品", "加购", "支付"}
	for i, s := range r.Steps() {
		median := "-"
		if i > 0 {
			median = s.Time.Median.String()
		}
		fmt.Fprintf(tw, "%s\t%d\t%.0f%%\t%.0f%%\t%d\t%s\t%s\n", s.Name, s.Count, 100*s.FromPrevious, 100*s.FromFirst, s.DropOff, median, chinese[i])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// Bounce rate (跳失率): visits that did nothing after opening the app.
	// Lower is better.
	bounced := int64(0)
	for _, n := range perCustomer {
		if n == 1 {
			bounced++
		}
	}
	bounce, err := funnel.BounceRate(bounced, r.Counts()[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Visit to pay takes a median %s; %d of %d visits bounced (跳失率 %.0f%%).\n",
		r.Overall().Median, bounced, r.Counts()[0], 100*bounce)
	if err := planCheck(w); err != nil {
		return err
	}
	return bannerTest(w)
}

// statedMonth is one month of the documents' traffic plan (seed-rules
// WE-1..WE-3): a daily UV range at 3% conversion and a target 客单价, with
// the daily and monthly sales (日均销量, 月销量) the author wrote down.
type statedMonth struct {
	month                   string
	uvLow, uvHigh           int64
	aov                     string
	dailyLow, dailyHigh     string
	monthlyLow, monthlyHigh string
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

// planCheck recomputes every figure of the plan as UV × CR × AOV (× 30 days,
// the documents' month) and flags those more than 2% off, then splits the
// plan's growth from January to March into its three factors.
func planCheck(w io.Writer) error {
	fmt.Fprintln(w, "\nThe documents' January-March plan: GMV = UV × CR × AOV (销售额 = 访客数 × 转化率 × 客单价)")
	cr := decimal.RequireFromString("0.03")
	tolerance := decimal.RequireFromString("0.02") // accepts rounding to the hundred
	tw := table(w)
	// Deviation = (stated - implied) / implied: + means the author wrote
	// more than the plan's own traffic, conversion and 客单价 can deliver.
	fmt.Fprintln(tw, "Month\tUV\tAOV\tFigure\tStated\tImplied\tDeviation\tVerdict")
	var flagged []string
	var janMonthly funnel.Finding
	inconsistent := map[string]bool{}
	for _, m := range documentPlan {
		findings, err := funnel.CheckPlan(funnel.StatedPlan{
			Plan:     funnel.Plan{UVLow: m.uvLow, UVHigh: m.uvHigh, CR: cr, AOV: cny(m.aov), Days: 30},
			DailyLow: cny(m.dailyLow), DailyHigh: cny(m.dailyHigh), MonthlyLow: cny(m.monthlyLow), MonthlyHigh: cny(m.monthlyHigh),
		}, tolerance)
		if err != nil {
			return fmt.Errorf("%s plan: %w", m.month, err)
		}
		for _, f := range findings {
			verdict := "ok"
			if !f.OK {
				verdict = "FLAGGED"
				flagged = append(flagged, m.month+" "+f.Field)
				// A wrong daily figure means the month's own arithmetic
				// fails; a wrong monthly one may be a rounding of the total.
				inconsistent[m.month] = inconsistent[m.month] || strings.HasPrefix(f.Field, "Daily")
			}
			if m.month == "Jan" && f.Field == "MonthlyLow" {
				janMonthly = f
			}
			fmt.Fprintf(tw, "%s\t%d-%d\t%s\t%s\t%s\t%s\t%s%%\t%s\n", m.month, m.uvLow, m.uvHigh, m.aov, f.Field,
				f.Stated.StringAmount(), f.Expected.StringAmount(), signed(f.Deviation.Shift(2)), verdict)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "Flagged: %s.\n", strings.Join(flagged, ", "))
	for _, m := range documentPlan {
		if !inconsistent[m.month] {
			continue
		}
		p, err := funnel.Plan{UVLow: m.uvLow, UVHigh: m.uvHigh, CR: cr, AOV: cny(m.aov), Days: 30}.Project()
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s is the inconsistent month: %d-%d UV at 3%% and %s give %s-%s a day, not the stated %s-%s.\n",
			m.month, m.uvLow, m.uvHigh, m.aov, p.DailyLow.StringAmount(), p.DailyHigh.StringAmount(), m.dailyLow, m.dailyHigh)
		// The stated floor is exactly January's top traffic at this month's
		// order value: most likely a line copied from January and not updated.
		copied, err := funnel.Sales(documentPlan[0].uvHigh, cr, cny(m.aov))
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "Its %s is January's top %d UV × 3%% × %s = %s, probably copied from January.\n",
			m.dailyLow, documentPlan[0].uvHigh, m.aov, copied.StringAmount())
	}
	fmt.Fprintf(w, "January's monthly floor is %s%% off 30 days × the daily floor (%s), though its daily figures hold.\n",
		signed(janMonthly.Deviation.Shift(2)), janMonthly.Expected.StringAmount())

	// Where the plan's growth comes from: the LMDI split of January's low
	// end into March's. The three effects add up to the change exactly.
	d, err := funnel.Decompose(
		funnel.Period{UV: documentPlan[0].uvLow, CR: cr, AOV: cny(documentPlan[0].aov)},
		funnel.Period{UV: documentPlan[2].uvLow, CR: cr, AOV: cny(documentPlan[2].aov)},
	)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Daily GMV January -> March (low end): %s -> %s, +%s = traffic %s + conversion %s + order value %s.\n",
		d.Before.StringAmount(), d.After.StringAmount(), d.Change.StringAmount(), d.UV.StringAmount(), d.CR.StringAmount(), d.AOV.StringAmount())
	return nil
}

// bannerTest compares two home-page banners shown to random halves of the
// app's visitors for a week (A/B 测试): which one gets more visitors to pay?
func bannerTest(w io.Writer) error {
	fmt.Fprintln(w, "\nA/B test of the home-page banner, one week:")
	type variant struct {
		name, banner string
		visitors     int64
		paid         int64
	}
	a := variant{"A", "满30减5 (5 off 30)", 1240, 87}
	b := variant{"B", "第二件半价 (2nd item half price)", 1215, 112}
	tw := table(w)
	fmt.Fprintln(tw, "Variant\tVisitors\tPaid\tCR\t95% interval\tBanner")
	for _, v := range []variant{a, b} {
		// Wilson's interval: where the true rate plausibly lies given this
		// many visitors (置信区间).
		iv, err := funnel.Wilson(v.paid, v.visitors, 0.95)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f%%\t%.2f%%-%.2f%%\t%s\n", v.name, v.visitors, v.paid,
			100*float64(v.paid)/float64(v.visitors), 100*iv.Low, 100*iv.High, v.banner)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// The z-test asks whether a difference this large would be rare if the
	// banners converted alike (显著性检验); P(B beats A) is the Bayesian
	// answer to the question the manager actually asks.
	z, err := funnel.TwoProportionZTest(a.paid, a.visitors, b.paid, b.visitors)
	if err != nil {
		return err
	}
	up, err := funnel.Uplift(a.paid, a.visitors, b.paid, b.visitors)
	if err != nil {
		return err
	}
	pb, err := funnel.ProbBBeatsA(a.paid, a.visitors, b.paid, b.visitors)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "B converts %.0f%% better (提升率); z = %.2f, two-sided p = %.3f; P(B beats A) = %.1f%%.\n",
		100*up, z.Z, z.PValue, 100*pb)
	return nil
}
