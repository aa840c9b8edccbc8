package pricing_test

import (
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
)

var (
	sinkMoney  pricing.Money
	sinkMonies []pricing.Money
	sinkMinor  []int64
	sinkErr    error
)

func BenchmarkMoneyAdd(b *testing.B) {
	x, y := cny("1234.56"), cny("78.90")
	b.ReportAllocs()
	for b.Loop() {
		sinkMoney, sinkErr = x.Add(y)
	}
}

func BenchmarkMoneyMul(b *testing.B) {
	x, f := cny("1234.56"), decimal.RequireFromString("0.85")
	b.ReportAllocs()
	for b.Loop() {
		sinkMoney, sinkErr = x.Mul(f)
	}
}

func BenchmarkMoneyRound(b *testing.B) {
	x := cny("1234.5678")
	b.ReportAllocs()
	for b.Loop() {
		sinkMoney = x.Round(pricing.HalfEven)
	}
}

// hundredWeights are line totals such as an order discount is spread over.
func hundredWeights() ([]decimal.Decimal, []int64) {
	d := make([]decimal.Decimal, 100)
	m := make([]int64, 100)
	for i := range d {
		m[i] = int64(199 + 37*i)
		d[i] = decimal.New(m[i], -2)
	}
	return d, m
}

func BenchmarkAllocate100(b *testing.B) {
	ws, _ := hundredWeights()
	total := cny("1234.57")
	b.ReportAllocs()
	for b.Loop() {
		sinkMonies, sinkErr = total.Allocate(ws)
	}
}

func BenchmarkAllocateMinor100(b *testing.B) {
	_, ws := hundredWeights()
	b.ReportAllocs()
	for b.Loop() {
		sinkMinor, sinkErr = pricing.AllocateMinor(123457, ws)
	}
}
