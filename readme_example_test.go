package opskit_test

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/opskit/opskit/funnel"
	"github.com/opskit/opskit/inventory"
	"github.com/opskit/opskit/kpi"
	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/shopspring/decimal"
)

// The README's tour: each ```go block there is the body of one example
// below, between the "// README" markers; TestREADMESnippets keeps them in
// step, so the README cannot show code that does not compile or prints
// something else.

func Example_pricing() {
	// README pricing
	price := pricing.MustParse("CNY 19.90")
	member := pricing.MustRate("8.5折").Apply(price).Round(pricing.HalfUp)
	parts, _ := pricing.MustParse("CNY 2.99").Allocate([]decimal.Decimal{
		decimal.NewFromInt(4300), decimal.NewFromInt(1400), decimal.NewFromInt(2300),
	})
	fmt.Println(member, parts) // the parts always sum to the whole
	// README end

	// Output: CNY 16.92 [CNY 1.61 CNY 0.52 CNY 0.86]
}

func Example_promo() {
	// README promo
	engine, _ := promo.NewEngine(pricing.CNY, []promo.Promotion{{ID: "manjian", Action: promo.Threshold{
		Tiers: []promo.Tier{
			{MinAmount: pricing.MustParse("CNY 100"), Off: pricing.MustParse("CNY 10")},
			{MinAmount: pricing.MustParse("CNY 200"), Off: pricing.MustParse("CNY 30")},
		}}}})
	res, _ := engine.Evaluate(promo.Cart{Currency: pricing.CNY, At: time.Date(2026, 11, 11, 20, 0, 0, 0, time.UTC),
		Lines: []promo.Line{{ID: "tea", SKU: "tea", Qty: 2, UnitPrice: pricing.MustParse("CNY 88.00")}}})
	fmt.Println(res.Total)
	fmt.Println(res.Explanations[0])
	// README end

	// Output:
	// CNY 166.00
	// manjian: applied, 10.00 off on lines tea: add 24.00 more to get 30.00 off in total
}

func Example_inventory() {
	// README inventory
	demand, _ := inventory.DemandFromHistory([]float64{40, 36, 44, 38, 52, 61, 47}, inventory.Day)
	lead := inventory.FixedLeadTime(2 * inventory.Day)
	rule, _ := inventory.CycleServiceSafetyStock(0.95) // z = Φ⁻¹(0.95) = 1.645
	safety, _ := rule.For(inventory.Exposure{Demand: demand, Lead: lead})
	rop, _ := inventory.ReorderPoint(demand, lead, safety) // μ·L + SS
	fmt.Printf("safety stock %.1f, reorder point %.1f\n", safety, rop)
	// README end

	// Output: safety stock 20.4, reorder point 111.3
}

func Example_funnel() {
	// README funnel
	gmv, _ := funnel.Sales(600, decimal.RequireFromString("0.03"), pricing.MustParse("CNY 101")) // UV × CR × AOV
	ci, _ := funnel.Wilson(18, 600, 0.95)
	fmt.Printf("%s a day; conversion 3%% is somewhere in [%.2f%%, %.2f%%]\n", gmv, ci.Low*100, ci.High*100)
	// README end

	// Output: CNY 1818.00 a day; conversion 3% is somewhere in [1.91%, 4.69%]
}

func Example_kpi() {
	// README kpi
	plan := kpi.CommissionPlan{Currency: pricing.CNY, Method: kpi.Marginal, Tiers: []kpi.CommissionTier{
		{From: decimal.Zero, To: decimal.NewFromInt(50000), Rate: decimal.RequireFromString("0.05")},
		{From: decimal.NewFromInt(50000), To: decimal.NewFromInt(100000), Rate: decimal.RequireFromString("0.07")},
		{From: decimal.NewFromInt(100000), Rate: decimal.RequireFromString("0.10")},
	}}
	res, _ := plan.Compute(kpi.Sales{Gross: pricing.MustParse("CNY 175000")})
	fmt.Println(res.Commission) // 2,500 + 3,500 + 7,500
	// README end

	// Output: CNY 13500.00
}

var snippet = regexp.MustCompile("(?s)```go\n(.*?)```")

// TestREADMESnippets checks that every Go block of the README is, line for
// line, the README part of one example above (less the function's indent).
func TestREADMESnippets(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("readme_example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, m := range regexp.MustCompile(`(?s)// README (\w+)\n(.*?)\t// README end`).FindAllStringSubmatch(string(src), -1) {
		parts[m[1]] = dedent(m[2])
	}
	blocks := snippet.FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < len(parts) {
		t.Fatalf("the README has %d Go blocks, want one per example (%d)", len(blocks), len(parts))
	}
	for _, b := range blocks {
		body := strings.TrimRight(b[1], "\n")
		found := false
		for _, p := range parts {
			found = found || p == body
		}
		if !found {
			t.Errorf("README Go block is not an example body of readme_example_test.go:\n%s", b[1])
		}
	}
}

func dedent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, "\t")
	}
	return strings.Join(lines, "\n")
}
