package kpi_test

import (
	"fmt"
	"time"

	"github.com/opskit/opskit/kpi"
)

// The classic half hour: 100 calls, AHT 3 minutes, 80% answered within 20 s.
func ExampleStaffing() {
	start := time.Date(2026, 2, 9, 9, 0, 0, 0, time.UTC)
	lines, err := kpi.Staffing([]kpi.Interval{
		{Start: start, Length: 30 * time.Minute, Contacts: 100, AHT: 3 * time.Minute},
		{Start: start.Add(30 * time.Minute), Length: 30 * time.Minute, Contacts: 50, AHT: 3 * time.Minute},
	}, kpi.StaffingTarget{ServiceLevel: 0.8, AnswerWithin: 20 * time.Second, MaxOccupancy: 0.85})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range lines {
		fmt.Printf("%s load %.1f: %d agents, SL %.1f%%, ASA %.1fs, occupancy %.1f%%\n",
			l.Start.Format("15:04"), l.Load, l.Agents, 100*l.ServiceLevel, l.ASA.Seconds(), 100*l.Occupancy)
	}
	cov, _ := kpi.Coverage(lines, []kpi.Shift{{Name: "day", Start: start, End: start.Add(time.Hour), Agents: 12}})
	for _, c := range cov {
		fmt.Printf("%s required %d, scheduled %d, gap %d\n", c.Start.Format("15:04"), c.Required, c.Scheduled, c.Gap)
	}
	// Output:
	// 09:00 load 10.0: 14 agents, SL 88.8%, ASA 7.8s, occupancy 71.4%
	// 09:30 load 5.0: 8 agents, SL 88.0%, ASA 10.0s, occupancy 62.5%
	// 09:00 required 14, scheduled 12, gap -2
	// 09:30 required 8, scheduled 12, gap 4
}

// The seeds' stranded-order check: at 09:00, every order paid the day
// before must have shipped.
func ExampleFulfilment() {
	sh, _ := time.LoadLocation("Asia/Shanghai")
	at := func(d, h int) time.Time { return time.Date(2026, 2, d, h, 0, 0, 0, sh) }
	rep, err := kpi.Fulfilment([]kpi.Shipment{
		{Order: "o1", Warehouse: "hz", Paid: at(9, 10), Shipped: at(9, 16)},
		{Order: "o2", Warehouse: "hz", Paid: at(9, 20)},
		{Order: "o3", Warehouse: "sh", Paid: at(10, 8)},
	}, kpi.ShipRule{Days: 1, By: kpi.Clock(0, 0), Location: sh}, at(10, 9))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range rep.Late {
		fmt.Printf("stranded: %s (%s), %v past due\n", l.Order, l.Warehouse, l.Over)
	}
	fmt.Printf("on time %d, overdue %d, pending %d\n", rep.Total.OnTime, rep.Total.Overdue, rep.Total.Pending)
	// Output:
	// stranded: o2 (hz), 9h0m0s past due
	// on time 1, overdue 1, pending 1
}
