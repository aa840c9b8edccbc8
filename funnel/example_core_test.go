package funnel_test

import (
	"fmt"
	"slices"
	"time"

	"github.com/opskit/opskit/funnel"
)

// Strict order lets an actor repeat the step just reached (PostHog strict,
// ClickHouse 'strict_order'); modes add ClickHouse's windowFunnel
// parameters.
func ExampleWithModes() {
	steps := []funnel.Matcher{{Event: "a"}, {Event: "b"}, {Event: "c"}}
	log := func(names ...string) []funnel.Event {
		var out []funnel.Event
		for i, n := range names {
			out = append(out, funnel.Event{Actor: "u", Time: at(i), Name: n})
		}
		return out
	}
	run := func(f funnel.Funnel, events []funnel.Event) []int64 {
		r, _ := f.Run(events)
		return r.Counts()
	}
	strict := funnel.MustNew(steps, time.Hour, funnel.WithStepOrder(funnel.Strict))
	fmt.Println("strict a b b c:", run(strict, log("a", "b", "b", "c")))
	fmt.Println("strict a b a c:", run(strict, log("a", "b", "a", "c")))
	reentry := funnel.MustNew(steps, time.Hour, funnel.WithStepOrder(funnel.Strict), funnel.WithModes(funnel.AllowReentry))
	fmt.Println("allow_reentry a b a c:", run(reentry, log("a", "b", "a", "c")))
	dedup := funnel.MustNew(steps, time.Hour, funnel.WithModes(funnel.StrictDeduplication))
	fmt.Println("strict_deduplication a b b c:", run(dedup, log("a", "b", "b", "c")))
	// Output:
	// strict a b b c: [1 1 1]
	// strict a b a c: [1 1 0]
	// allow_reentry a b a c: [1 1 1]
	// strict_deduplication a b b c: [1 1 0]
}

// Levels gives each actor's level: who dropped off at which step.
func ExampleFunnel_Levels() {
	f := funnel.MustNew([]funnel.Matcher{{Event: "view"}, {Event: "cart"}, {Event: "pay"}}, time.Hour)
	l, _ := f.Levels([]funnel.Event{
		{Actor: "ann", Time: at(0), Name: "view"}, {Actor: "ann", Time: at(2), Name: "cart"},
		{Actor: "bob", Time: at(1), Name: "view"},
		{Actor: "cy", Time: at(0), Name: "view"}, {Actor: "cy", Time: at(1), Name: "cart"}, {Actor: "cy", Time: at(3), Name: "pay"},
	})
	for r, lvl := range l.Level {
		fmt.Println(l.Names[l.Actor[r]], lvl)
	}
	for _, r := range l.DroppedOff(3) {
		fmt.Println("dropped off before pay:", l.Names[l.Actor[r]])
	}
	// Output:
	// ann 2
	// bob 1
	// cy 3
	// dropped off before pay: ann
}

// ShardColumns splits columns by actor for the caller's goroutines; Merge
// gives the one-pass result.
func ExampleShardColumns() {
	f := funnel.MustNew([]funnel.Matcher{{Event: "view"}, {Event: "pay"}}, time.Hour)
	events := []funnel.Event{
		{Actor: "a", Time: at(0), Name: "view"}, {Actor: "a", Time: at(5), Name: "pay"},
		{Actor: "b", Time: at(1), Name: "view"},
		{Actor: "c", Time: at(2), Name: "view"}, {Actor: "c", Time: at(3), Name: "pay"},
	}
	c, _, _, _ := f.Encode(events)
	var parts []funnel.Result
	for _, part := range funnel.ShardColumns(c, 2) { // run each on its own goroutine
		r, _ := f.RunColumns(part)
		parts = append(parts, r)
	}
	merged, _ := funnel.Merge(parts...)
	one, _ := f.RunSeq(slices.Values(events))
	fmt.Println(merged.Counts(), merged.Equal(one))
	// Output:
	// [3 2] true
}
