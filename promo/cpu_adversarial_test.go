//go:build unix

package promo_test

import (
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestAdversarialCPU reports the CPU time (not the wall time, which a
// shared machine inflates) of one Evaluate of each adversarial shape, and
// the nanoseconds per step of work. It only measures: run it with
// PROMO_CPU=1 go test -run AdversarialCPU -v ./promo.
func TestAdversarialCPU(t *testing.T) {
	if os.Getenv("PROMO_CPU") == "" {
		t.Skip("set PROMO_CPU=1 to measure")
	}
	for _, f := range adversarialShapes() {
		s := f()
		e, err := promo.NewEngine(pricing.CNY, s.promos)
		if err != nil {
			t.Fatal(err)
		}
		res, _ := e.Evaluate(s.cart) // warm the scratch pool
		const runs = 10
		start := cpuTime()
		for range runs {
			benchResult, benchErr = e.Evaluate(s.cart)
		}
		per := (cpuTime() - start) / runs
		t.Logf("%-45s cpu %8.2f ms  work %9d  %5.1f ns/step  optimal %v", s.name, float64(per)/1e6, res.Work, float64(per)/float64(res.Work), res.Optimal)
	}
}

// TestTypicalCPU reports the CPU time of one Evaluate of the typical cart
// (20 lines, 12 promotions; BenchmarkTypicalCart), a figure a shared
// machine inflates less than the wall time. PROMO_CPU=1 to run.
func TestTypicalCPU(t *testing.T) {
	if os.Getenv("PROMO_CPU") == "" {
		t.Skip("set PROMO_CPU=1 to measure")
	}
	e, err := promo.NewEngine(pricing.CNY, typicalPromotions())
	if err != nil {
		t.Fatal(err)
	}
	c := benchCart(20)
	for round := range 10 {
		const runs = 20_000
		start := cpuTime()
		for range runs {
			benchResult, benchErr = e.Evaluate(c)
		}
		t.Logf("round %d: cpu %.1f µs/op", round, float64(cpuTime()-start)/runs/1e3)
	}
}
