// Command funnel follows one month of a small online tea shop's customers
// through the numbers an operator reads every morning: the conversion funnel
// (转化漏斗) split by channel, weekly retention of first-time buyers (留存),
// the four user stages (四类用户: 咨询 -> 购买 -> 复买 -> 忠诚) and the five key
// indicators (五大指标); then it checks the documents' January-March sales
// plan, GMV = UV × CR × AOV.
//
//	go run ./examples/funnel
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/opskit/opskit/funnel"
	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "funnel:", err)
		os.Exit(1)
	}
}

// The month's event log, one member a line: the member, the channel (app,
// the WeChat mini-program "mini", or the mobile web "h5"), then events as
// "day-of-March HH:MM event [amount paid]". "ask" is a question to customer
// service (咨询).
const eventLog = `
m01 app  | 2 10:00 visit | 2 10:02 view | 2 10:05 cart | 2 10:09 pay 128 | 10 19:00 pay 96 | 18 20:00 pay 128 | 27 12:00 pay 64
m02 mini | 2 11:00 visit | 2 11:01 ask | 2 11:04 view | 2 11:30 cart | 3 09:00 pay 188 | 19 09:00 pay 96
m03 h5   | 3 08:00 visit | 3 08:01 view
m04 mini | 3 21:00 visit | 3 21:02 ask
m05 app  | 4 12:00 visit | 4 12:03 view | 4 12:05 cart | 4 12:06 pay 64 | 12 12:00 pay 64 | 20 12:00 pay 128 | 25 12:00 pay 64
m06 h5   | 9 10:00 visit | 9 10:05 view | 9 10:06 cart | 11 10:00 pay 256
m07 mini | 10 15:00 visit | 10 15:01 ask | 10 15:03 view | 10 15:04 cart | 10 15:10 pay 96 | 24 15:00 pay 96
m08 app  | 11 18:00 visit | 11 18:01 view | 11 18:02 cart
m09 mini | 16 09:00 visit | 16 09:02 view | 16 09:05 cart | 16 09:06 pay 128 | 30 09:00 pay 64
m10 h5   | 17 14:00 visit
m11 mini | 18 16:00 visit | 18 16:01 ask
m12 app  | 23 10:00 visit | 23 10:02 view | 23 10:04 cart | 23 10:05 pay 188
`

// cst is China Standard Time; a fixed zone needs no tzdata.
var cst = time.FixedZone("CST", 8*3600)

// monthEnd is when the report is run: the last minute of the log's month.
var monthEnd = time.Date(2026, 3, 31, 23, 59, 0, 0, cst)

func run(w io.Writer) error {
	events, revenue, err := parse(eventLog)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)

	// 1. The funnel visit -> view -> cart -> pay, each step within 24 hours
	// of the visit, split by the channel of the visit (first touch).
	f, err := funnel.New([]funnel.Step{{Event: "visit"}, {Event: "view"}, {Event: "cart"}, {Event: "pay"}},
		24*time.Hour, funnel.WithBreakdown("channel", funnel.AtFirstStep))
	if err != nil {
		return err
	}
	r, err := f.Run(events)
	if err != nil {
		return err
	}
	// Each row counts the members who reached each step in order (a member
	// counts once, at their deepest step); visit to pay is the channel's
	// conversion rate (转化率), paying members ÷ visiting members.
	fmt.Fprintln(w, "1. Funnel by channel (转化漏斗, 24-hour window; counts are members)")
	fmt.Fprintln(tw, "Channel\tVisit\tView\tCart\tPay\tVisit to pay (转化率)")
	row := func(name string, r funnel.Result) {
		c, s := r.Counts(), r.Steps()
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.0f%%\n", name, c[0], c[1], c[2], c[3], 100*s[3].FromFirst)
	}
	for _, g := range r.Groups() {
		row(g.Value, g.Result)
	}
	row("all", r)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "Median visit to pay: %s. m06 paid 2 days after carting, outside the window.\n", r.Overall().Median)

	// 2. Retention (留存): members enter the cohort of the ISO week of their
	// first purchase; week k counts those who bought again k weeks later.
	ret, err := funnel.Retention{Start: funnel.Step{Event: "pay"}, Return: funnel.Step{Event: "pay"},
		Period: funnel.ByWeek, Location: cst, Periods: 3}.Run(events)
	if err != nil {
		return err
	}
	// The log ends on Mar 31: a week that has not started by then shows
	// "-", not a 0% that only means "not yet".
	fmt.Fprintln(w, "\n2. Weekly retention of first-time buyers (周留存; - not yet observable)")
	fmt.Fprintln(tw, "First bought\tBuyers\tWeek 1\tWeek 2\tWeek 3")
	for _, c := range ret.Cohorts {
		fmt.Fprintf(tw, "week of %s\t%d", c.Start.Format("Jan 2"), c.Size)
		for k := 1; k < len(c.Retained); k++ {
			if c.Start.AddDate(0, 0, 7*k).After(monthEnd) {
				fmt.Fprint(tw, "\t-")
				continue
			}
			fmt.Fprintf(tw, "\t%d (%.0f%%)", c.Retained[k], 100*c.Rate(k))
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	// 3. The four user stages on a date. The documents never define loyal
	// (忠诚), so the shop chooses: three orders within 30 days.
	st := funnel.Stages{Consult: funnel.Step{Event: "ask"}, Order: funnel.Step{Event: "pay"},
		LoyalOrders: 3, LoyalWindow: 30 * 24 * time.Hour}
	mid := time.Date(2026, 3, 15, 23, 59, 0, 0, cst)
	counts, err := st.On(events, monthEnd)
	if err != nil {
		return err
	}
	tr, err := st.Between(events, mid, monthEnd)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\n3. User stages (四类用户) on Mar 31, and where the Mar 15 members went")
	// Moved up: of the members in a stage on Mar 15, how many reached a
	// later stage by Mar 31 (阶段转化率). Members first seen after Mar 15
	// count as "none" on Mar 15.
	fmt.Fprintln(tw, "Stage\tMar 31\tMar 15\tMoved up since\t中文")
	chinese := []string{"访客", "咨询用户", "购买用户", "复买用户", "忠诚用户"}
	for s := funnel.StageNone; s <= funnel.StageLoyal; s++ {
		up := "-"
		if s < funnel.StageLoyal && sum(tr[s][:]) > 0 {
			up = fmt.Sprintf("%d of %d", sum(tr[s][s+1:]), sum(tr[s][:]))
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", s, counts[s], sum(tr[s][:]), up, chinese[s])
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	// 4. The five key indicators (五大指标, seed-rules F-13) for March, with
	// 900 yuan of ads (推广费) that brought the month's new buyers.
	spend := pricing.MustNew("900", pricing.CNY)
	buyers := counts[funnel.StageBuyer] + counts[funnel.StageRepeat] + counts[funnel.StageLoyal]
	cac, err := funnel.CAC(spend, buyers)
	if err != nil {
		return err
	}
	roi, err := funnel.ROI(revenue, spend)
	if err != nil {
		return err
	}
	cr, err := funnel.ConversionRate(buyers, sum(counts[:]))
	if err != nil {
		return err
	}
	rep, err := funnel.Repurchase{Purchase: funnel.Step{Event: "pay"},
		From: time.Date(2026, 3, 1, 0, 0, 0, 0, cst), To: time.Date(2026, 4, 1, 0, 0, 0, 0, cst)}.Run(events)
	if err != nil {
		return err
	}
	loyal, err := funnel.LoyaltyRate(counts[funnel.StageLoyal], buyers)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\n4. March's five key indicators (五大指标)")
	fmt.Fprintf(tw, "New-customer cost\t%s\t900 of ads / %d new buyers\t新顾客成本 CAC\n", cac.Round(pricing.HalfUp).StringAmount(), buyers)
	fmt.Fprintf(tw, "ROI\t%s\trevenue %s / ads 900\t全程ROI\n", roi.StringFixed(2), revenue.StringAmount())
	fmt.Fprintf(tw, "Conversion\t%.0f%%\t%d buyers / %d members seen\t转化率\n", 100*cr, buyers, sum(counts[:]))
	fmt.Fprintf(tw, "Repurchase rate\t%.0f%%\t%d of %d bought twice; median gap %.1f days\t复购率\n",
		100*rep.Rate, rep.Repeaters, rep.Customers, rep.Interval.Median.Hours()/24)
	fmt.Fprintf(tw, "Loyalty rate\t%.0f%%\t%d loyal / %d buyers\t忠诚率\n", 100*loyal, counts[funnel.StageLoyal], buyers)
	if err := tw.Flush(); err != nil {
		return err
	}
	return checkPlan(w, tw)
}

// checkPlan recomputes the documents' daily sales (seed-rules WE-1..WE-3)
// from each month's traffic, conversion and 客单价, and flags a month whose
// stated figures are more than 2% off what its own numbers give (2% lets
// 1,818 be written as 1,800). Only the daily figures are checked here; the
// documents' monthly figures are these × 30 (the tour, examples/storeday,
// checks those too and finds January's 6万 floor 10% high).
func checkPlan(w io.Writer, tw *tabwriter.Writer) error {
	fmt.Fprintln(w, "\n5. The documents' plan checked: daily GMV = UV × 3% × AOV")
	fmt.Fprintln(tw, "Month\tUV\tAOV\tImplied a day\tStated a day\tVerdict")
	months := []struct {
		name, aov, low, high string
		uvLow, uvHigh        int64
	}{
		{"Jan", "101", "1800", "3000", 600, 1000},
		{"Feb", "110", "3300", "6000", 1500, 2000},
		{"Mar", "120", "9000", "10800", 2500, 3000},
	}
	for _, m := range months {
		plan := funnel.StatedPlan{
			Plan: funnel.Plan{UVLow: m.uvLow, UVHigh: m.uvHigh, CR: decimal.RequireFromString("0.03"),
				AOV: pricing.MustNew(m.aov, pricing.CNY), Days: 30},
			DailyLow: pricing.MustNew(m.low, pricing.CNY), DailyHigh: pricing.MustNew(m.high, pricing.CNY),
		}
		findings, err := funnel.CheckPlan(plan, decimal.RequireFromString("0.02"))
		if err != nil {
			return err
		}
		verdict := "consistent"
		for _, f := range findings {
			if !f.OK {
				verdict = "FLAGGED: " + f.Field + " off by " + f.Deviation.Shift(2).StringFixed(1) + "%"
				break
			}
		}
		fmt.Fprintf(tw, "%s\t%d-%d\t%s\t%s-%s\t%s-%s\t%s\n", m.name, m.uvLow, m.uvHigh, m.aov,
			findings[0].Expected.StringAmount(), findings[1].Expected.StringAmount(), m.low, m.high, verdict)
	}
	return tw.Flush()
}

// parse reads the event log and adds up the revenue of the pay events.
func parse(text string) ([]funnel.Event, pricing.Money, error) {
	var events []funnel.Event
	revenue := pricing.Zero(pricing.CNY)
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		parts := strings.Split(line, "|")
		who := strings.Fields(parts[0])
		for _, e := range parts[1:] {
			f := strings.Fields(e)
			if len(who) != 2 || len(f) < 3 {
				return nil, revenue, fmt.Errorf("event log: bad line %q", line)
			}
			t, err := time.ParseInLocation("2006-1-2 15:04", "2026-3-"+f[0]+" "+f[1], cst)
			if err != nil {
				return nil, revenue, fmt.Errorf("event log %q: %w", line, err)
			}
			events = append(events, funnel.Event{Actor: who[0], Time: t, Name: f[2], Props: map[string]string{"channel": who[1]}})
			if len(f) == 4 {
				if revenue, err = revenue.Add(pricing.MustNew(f[3], pricing.CNY)); err != nil {
					return nil, revenue, err
				}
			}
		}
	}
	return events, revenue, nil
}

func sum(xs []int64) int64 {
	var n int64
	for _, x := range xs {
		n += x
	}
	return n
}
