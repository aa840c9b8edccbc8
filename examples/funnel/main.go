// Command funnel follows a month of a small online tea shop's customers: the
// conversion funnel (转化漏斗) by channel, weekly retention (留存), the four
// user stages (四类用户: 咨询 -> 购买 -> 复买 -> 忠诚), the five key indicators
// (五大指标) and the documents' January-March plan, GMV = UV × CR × AOV.
//
//	go run ./examples/funnel
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
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

// The month's event log, one member a line: member, channel (app, WeChat
// mini-program "mini" or mobile web "h5"), then events "day-of-March HH:MM
// event [amount paid]"; "ask" is a question to customer service (咨询).
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

// cst is China Standard Time (a fixed zone needs no tzdata); the report is
// run at monthEnd, the last minute of the log's month.
var (
	cst      = time.FixedZone("CST", 8*3600)
	monthEnd = time.Date(2026, 3, 31, 23, 59, 0, 0, cst)
	pay      = funnel.Matcher{Event: "pay"}
	// The funnel visit -> view -> cart -> pay, in order within 24 hours, split
	// by the member's first channel (first touch, PostHog's default); a member
	// counts at the deepest step.
	checkout = funnel.MustNew([]funnel.Matcher{{Event: "visit"}, {Event: "view"}, {Event: "cart"}, pay},
		24*time.Hour, funnel.WithBreakdown("channel", funnel.FirstTouch))
	// Retention (留存): members enter the cohort of the ISO week of their
	// first purchase; week k counts those who bought again k weeks later. A
	// week not started by Mar 31 shows "-", not a 0% that means "not yet".
	weekly = funnel.Retention{Start: pay, Return: pay, Period: funnel.ByWeek, Location: cst, Periods: 3}
	// The four user stages. The documents never define loyal (忠诚), so the
	// shop chooses: three orders within 30 days.
	stages = funnel.Stages{Consult: funnel.Matcher{Event: "ask"}, Order: pay, LoyalOrders: 3, LoyalWindow: 30 * 24 * time.Hour}
	// Repurchase (复购) within March.
	march = funnel.Repurchase{Purchase: pay, From: time.Date(2026, 3, 1, 0, 0, 0, 0, cst), To: time.Date(2026, 4, 1, 0, 0, 0, 0, cst)}
)

func run(w io.Writer) error {
	events, paid, err := parse(eventLog)
	if err != nil {
		return err
	}
	r, err1 := checkout.Run(events)
	ret, err2 := weekly.Run(events)
	counts, err3 := stages.On(events, monthEnd)
	tr, err4 := stages.Between(events, time.Date(2026, 3, 15, 23, 59, 0, 0, cst), monthEnd)
	rep, err5 := march.Run(events)
	// The five key indicators (五大指标, seed-rules F-13) for March, with
	// 900 yuan of ads (推广费) that brought the month's new buyers.
	spend := pricing.MustNew("900", pricing.CNY)
	loyal := counts[funnel.StageLoyal]
	buyers := counts[funnel.StageBuyer] + counts[funnel.StageRepeat] + loyal
	seen := counts[funnel.StageNone] + counts[funnel.StageConsult] + buyers
	revenue, err6 := pricing.Sum(paid...)
	cac, err7 := funnel.CAC(spend, buyers)
	roi, err8 := funnel.ROI(revenue, spend)
	cr, err9 := funnel.ConversionRate(buyers, seen)
	loyalty, err10 := funnel.LoyaltyRate(loyal, buyers)
	if err := errors.Join(err1, err2, err3, err4, err5, err6, err7, err8, err9, err10); err != nil {
		return err
	}
	// One tabwriter aligns every table: tab-ended cells on consecutive lines
	// form columns; a line without tabs (a title, a blank line) ends a table.
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)

	// Visit to pay is a channel's conversion rate (转化率), paying ÷ visiting.
	fmt.Fprintln(tw, "1. Funnel by channel (转化漏斗, 24-hour window; counts are members)")
	fmt.Fprintln(tw, "Channel\tVisit\tView\tCart\tPay\tVisit to pay (转化率)")
	for _, g := range append(r.Groups(), funnel.Group{Value: "all", Result: r}) {
		c, s := g.Result.Counts(), g.Result.Steps()
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.0f%%\n", g.Value, c[0], c[1], c[2], c[3], 100*s[3].FromFirst)
	}
	fmt.Fprintf(tw, "Median visit to pay: %s. m06 paid 2 days after carting, outside the window.\n", r.Overall().Median)

	// The same funnel computed as shards would be on separate machines: the
	// log split by member, each part run alone and its result shipped as
	// bytes, then the parts merged. The merge equals the one pass.
	parts := funnel.ShardEvents(events, 3)
	shipped := make([]funnel.Result, len(parts))
	for i, part := range parts {
		res, err := checkout.Run(part)
		if err != nil {
			return err
		}
		b, err := res.MarshalBinary()
		if err != nil {
			return err
		}
		if err := shipped[i].UnmarshalBinary(b); err != nil {
			return err
		}
	}
	merged, err := funnel.Merge(shipped...)
	if err != nil {
		return err
	}
	fmt.Fprintf(tw, "Computed as 3 shards, shipped as bytes and merged: pay %d, equal to one pass: %v.\n",
		merged.Counts()[3], merged.Equal(r))

	fmt.Fprintln(tw, "\n2. Weekly retention of first-time buyers (周留存; - not yet observable)")
	fmt.Fprintln(tw, "First bought\tBuyers\tWeek 1\tWeek 2\tWeek 3")
	for _, c := range ret.Cohorts {
		fmt.Fprintf(tw, "week of %s\t%d", c.Start.Format("Jan 2"), c.Size)
		for k := 1; k < len(c.Retained); k++ {
			if c.Start.AddDate(0, 0, 7*k).After(monthEnd) {
				fmt.Fprint(tw, "\t-")
			} else {
				fmt.Fprintf(tw, "\t%d (%.0f%%)", c.Retained[k], 100*c.Rate(k))
			}
		}
		fmt.Fprintln(tw)
	}

	// Moved up (阶段转化率): of the Mar 15 members in a stage, how many reached
	// a later one by Mar 31; members first seen later count as "none" on Mar 15.
	fmt.Fprintln(tw, "\n3. User stages (四类用户) on Mar 31, and where the Mar 15 members went")
	fmt.Fprintln(tw, "Stage\tMar 31\tMar 15\tMoved up since\t中文")
	chinese := []string{"访客", "咨询用户", "购买用户", "复买用户", "忠诚用户"}
	for s := funnel.StageNone; s <= funnel.StageLoyal; s++ {
		var was, up int64 // in stage s on Mar 15; of those, in a later stage on Mar 31
		for to, n := range tr[s] {
			was += n
			if funnel.Stage(to) > s {
				up += n
			}
		}
		moved := "-"
		if s < funnel.StageLoyal && was > 0 {
			moved = fmt.Sprintf("%d of %d", up, was)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", s, counts[s], was, moved, chinese[s])
	}

	fmt.Fprintln(tw, "\n4. March's five key indicators (五大指标)")
	fmt.Fprintf(tw, "New-customer cost\t%s\t900 of ads / %d new buyers\t新顾客成本 CAC\n", cac.Round(pricing.HalfUp).StringAmount(), buyers)
	fmt.Fprintf(tw, "ROI\t%s\trevenue %s / ads 900\t全程ROI\n", roi.StringFixed(2), revenue.StringAmount())
	fmt.Fprintf(tw, "Conversion\t%.0f%%\t%d buyers / %d members seen\t转化率\n", 100*cr, buyers, seen)
	fmt.Fprintf(tw, "Repurchase rate\t%.0f%%\t%d of %d bought twice; median gap %.1f days\t复购率\n",
		100*rep.Rate, rep.Repeaters, rep.Customers, rep.Interval.Median.Hours()/24)
	fmt.Fprintf(tw, "Loyalty rate\t%.0f%%\t%d loyal / %d buyers\t忠诚率\n", 100*loyalty, loyal, buyers)

	// The documents' daily sales (seed-rules WE-1..WE-3) recomputed from UV, 3%
	// and 客单价; a figure over 2% off is flagged (2% lets 1,818 read 1,800).
	fmt.Fprintln(tw, "\n5. The documents' plan checked: daily GMV = UV × 3% × AOV")
	fmt.Fprintln(tw, "Month\tUV\tAOV\tImplied a day\tStated a day\tVerdict")
	for _, m := range []struct {
		name, aov, low, high string
		uvLow, uvHigh        int64
	}{
		{"Jan", "101", "1800", "3000", 600, 1000},
		{"Feb", "110", "3300", "6000", 1500, 2000},
		{"Mar", "120", "9000", "10800", 2500, 3000},
	} {
		findings, err := funnel.CheckPlan(funnel.StatedPlan{
			Plan: funnel.Plan{UVLow: m.uvLow, UVHigh: m.uvHigh, CR: decimal.RequireFromString("0.03"),
				AOV: pricing.MustNew(m.aov, pricing.CNY), Days: 30},
			DailyLow: pricing.MustNew(m.low, pricing.CNY), DailyHigh: pricing.MustNew(m.high, pricing.CNY),
		}, decimal.RequireFromString("0.02"))
		if err != nil {
			return err
		}
		verdict := "consistent"
		if i := slices.IndexFunc(findings, func(f funnel.Finding) bool { return !f.OK }); i >= 0 {
			verdict = fmt.Sprintf("FLAGGED: %s off by %s%%", findings[i].Field, findings[i].Deviation.Shift(2).StringFixed(1))
		}
		fmt.Fprintf(tw, "%s\t%d-%d\t%s\t%s-%s\t%s-%s\t%s\n", m.name, m.uvLow, m.uvHigh, m.aov,
			findings[0].Expected.StringAmount(), findings[1].Expected.StringAmount(), m.low, m.high, verdict)
	}
	return tw.Flush()
}

// parse reads the event log; it also returns the amounts paid.
func parse(text string) (events []funnel.Event, paid []pricing.Money, err error) {
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		parts := strings.Split(line, "|")
		who := strings.Fields(parts[0])
		for _, e := range parts[1:] {
			f := strings.Fields(e)
			if len(who) != 2 || len(f) < 3 {
				return nil, nil, fmt.Errorf("event log: bad line %q", line)
			}
			t, err := time.ParseInLocation("2006-1-2 15:04", "2026-3-"+f[0]+" "+f[1], cst)
			if err != nil {
				return nil, nil, fmt.Errorf("event log %q: %w", line, err)
			}
			events = append(events, funnel.Event{Actor: who[0], Time: t, Name: f[2], Props: map[string]string{"channel": who[1]}})
			if len(f) == 4 {
				paid = append(paid, pricing.MustNew(f[3], pricing.CNY))
			}
		}
	}
	return events, paid, nil
}
