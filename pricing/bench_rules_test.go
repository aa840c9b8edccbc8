package pricing

import (
	"testing"

	"github.com/shopspring/decimal"
)

var (
	benchPlan  PackPlan
	benchFloor Money
	benchErr   error
)

// benchOffer has 5 sizes (singles and four packs) with the 24-pack the
// cheapest per unit.
func benchOffer(b *testing.B) PackOffer {
	o, err := NewPackOffer(MustNew("3.50", CNY),
		Pack{6, MustNew("19.80", CNY)}, Pack{12, MustNew("37.00", CNY)},
		Pack{24, MustNew("69.00", CNY)}, Pack{50, MustNew("148.00", CNY)})
	if err != nil {
		b.Fatal(err)
	}
	return o
}

func BenchmarkPackCheapest10000(b *testing.B) {
	o := benchOffer(b)
	b.ReportAllocs()
	for b.Loop() {
		benchPlan, benchErr = o.Cheapest(10_000)
	}
}

// BenchmarkPackCheapestWorst uses sizes whose cheapest pack and largest
// other pack make the widest table the reduction allows below q = 10,000.
func BenchmarkPackCheapestWorst(b *testing.B) {
	o, err := NewPackOffer(MustNew("1.10", CNY),
		Pack{97, MustNew("90.00", CNY)}, Pack{98, MustNew("100.00", CNY)},
		Pack{99, MustNew("100.00", CNY)}, Pack{100, MustNew("101.00", CNY)})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		benchPlan, benchErr = o.Cheapest(10_000)
	}
}

func BenchmarkPackCheapestAtLeast10000(b *testing.B) {
	o := benchOffer(b)
	b.ReportAllocs()
	for b.Loop() {
		benchPlan, benchErr = o.CheapestAtLeast(10_000)
	}
}

func BenchmarkFloor(b *testing.B) {
	p, err := NewFloorPolicy(MinListRatio(MustRate("7折")), MinMargin(decimal.New(3, -1)),
		MinPrice(MustNew("1.00", CNY)), ExemptCampaigns("淘金币", "双11"))
	if err != nil {
		b.Fatal(err)
	}
	list, cost := MustNew("99.90", CNY), MustNew("41.30", CNY)
	b.ReportAllocs()
	for b.Loop() {
		benchFloor, _, benchErr = p.Floor(list, cost, "聚划算")
	}
}
