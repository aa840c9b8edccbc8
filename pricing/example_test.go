package pricing_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
)

func ExampleNew() {
	m, err := pricing.New("12.3", pricing.CNY)
	fmt.Println(m, err)
	_, err = pricing.New("1,000", pricing.CNY)
	fmt.Println(err)
	// Output:
	// CNY 12.30 <nil>
	// pricing: new money: amount "1,000": invalid amount: unexpected ',': want a plain decimal
}

func ExampleNewFromMinor() {
	m, _ := pricing.NewFromMinor(1230, pricing.CNY) // 1230 分
	fmt.Println(m)
	// Output: CNY 12.30
}

func ExampleNewFromDecimal() {
	m, _ := pricing.NewFromDecimal(decimal.New(1999, -2), pricing.CNY)
	fmt.Println(m)
	// Output: CNY 19.99
}

func ExampleNewFromFloat() {
	m, _ := pricing.NewFromFloat(0.1+0.2, pricing.CNY) // rounds half-up to 分
	fmt.Println(m)
	// Output: CNY 0.30
}

func ExampleParse() {
	m, _ := pricing.Parse("JPY -500")
	fmt.Println(m, m.Currency().Digits())
	// Output: JPY -500 0
}

func ExampleZero() {
	fmt.Println(pricing.Zero(pricing.HKD))
	// Output: HKD 0.00
}

func ExampleParseCurrency() {
	c, _ := pricing.ParseCurrency("mop")
	fmt.Println(c.Code(), c.Digits())
	_, err := pricing.ParseCurrency("RMB")
	fmt.Println(errors.Is(err, pricing.ErrUnknownCurrency))
	// Output:
	// MOP 2
	// true
}

func ExampleMoney_Add() {
	a := pricing.MustNew("19.90", pricing.CNY)
	b := pricing.MustNew("0.10", pricing.CNY)
	fmt.Println(a.Add(b))
	_, err := a.Add(pricing.MustNew("1", pricing.USD))
	var mismatch *pricing.CurrencyMismatchError
	fmt.Println(errors.As(err, &mismatch), mismatch.A, mismatch.B)
	// Output:
	// CNY 20.00 <nil>
	// true CNY USD
}

func ExampleMoney_Sub() {
	fmt.Println(pricing.MustParse("CNY 5").Sub(pricing.MustParse("CNY 7.5")))
	// Output: CNY -2.50 <nil>
}

func ExampleMoney_Mul() {
	price := pricing.MustParse("CNY 19.90")
	m, _ := price.Mul(decimal.RequireFromString("0.85"))
	fmt.Println(m, "->", m.Round(pricing.HalfUp))
	// Output: CNY 16.915 -> CNY 16.92
}

func ExampleMoney_MulInt() {
	fmt.Println(pricing.MustParse("CNY 3.50").MulInt(12))
	// Output: CNY 42.00 <nil>
}

func ExampleMoney_Neg() {
	fmt.Println(pricing.MustParse("CNY 3.50").Neg(), pricing.MustParse("CNY -3.50").Abs())
	// Output: CNY -3.50 CNY 3.50
}

func ExampleMoney_Cmp() {
	c, _ := pricing.MustParse("CNY 69.99").Cmp(pricing.MustParse("CNY 70"))
	fmt.Println(c)
	// Output: -1
}

func ExampleCompare() {
	fmt.Println(pricing.Compare(pricing.MustParse("CNY 9"), pricing.MustParse("USD 1")))
	// Output: -1
}

func ExampleMoney_Equal() {
	fmt.Println(pricing.MustParse("CNY 1.5").Equal(pricing.MustParse("CNY 1.50")))
	// Output: true
}

func ExampleSum() {
	// 3,369.11 + 1,491.90 万元 (seed-rules WE-10), exact.
	total, _ := pricing.Sum(pricing.MustParse("CNY 3369.11"), pricing.MustParse("CNY 1491.90"))
	fmt.Println(total)
	// Output: CNY 4861.01
}

func ExampleMoney_Round() {
	m := pricing.MustParse("CNY 1.005")
	for _, mode := range []pricing.RoundingMode{pricing.HalfUp, pricing.HalfEven, pricing.Down, pricing.Up, pricing.Floor, pricing.Ceiling} {
		fmt.Printf("%-9s %s %s\n", mode, m.Round(mode).StringAmount(), m.Neg().Round(mode).StringAmount())
	}
	// Output:
	// half-up   1.01 -1.01
	// half-even 1.00 -1.00
	// down      1.00 -1.00
	// up        1.01 -1.01
	// floor     1.00 -1.01
	// ceiling   1.01 -1.00
}

func ExampleMoney_RoundToIncrement() {
	bill := pricing.MustParse("CNY 12.34")
	jiao, _ := bill.RoundToIncrement(decimal.RequireFromString("0.10"), pricing.Down) // 抹分
	yuan, _ := bill.RoundToIncrement(decimal.RequireFromString("1.00"), pricing.Down) // 抹角
	half, _ := bill.RoundToIncrement(decimal.RequireFromString("0.50"), pricing.HalfUp)
	fmt.Println(jiao, yuan, half)
	// Output: CNY 12.30 CNY 12.00 CNY 12.50
}

func ExampleMoney_IsRounded() {
	fmt.Println(pricing.MustParse("CNY 1.10").IsRounded(), pricing.MustParse("CNY 1.105").IsRounded())
	// Output: true false
}

func ExampleMoney_MinorUnits() {
	fen, _ := pricing.MustParse("CNY 12.30").MinorUnits()
	fmt.Println(fen)
	// Output: 1230
}

func ExampleMoney_String() {
	third, _ := pricing.MustParse("CNY 10").Mul(decimal.RequireFromString("0.3333"))
	fmt.Println(pricing.MustParse("CNY 12.3"), third, pricing.Money{})
	// Output: CNY 12.30 CNY 3.333 0
}

func ExampleMoney_MarshalJSON() {
	b, _ := json.Marshal(pricing.MustParse("CNY 12.3"))
	fmt.Println(string(b))
	var m pricing.Money
	err := json.Unmarshal([]byte(`{"amount":19.9,"currency":"CNY"}`), &m)
	fmt.Println(m, err)
	// Output:
	// {"amount":"12.30","currency":"CNY"}
	// CNY 19.90 <nil>
}

func ExampleMoney_Allocate() {
	// An order discount of 2.99 spread over three lines by their totals.
	parts, _ := pricing.MustParse("CNY 2.99").Allocate([]decimal.Decimal{
		decimal.NewFromInt(4300), decimal.NewFromInt(1400), decimal.NewFromInt(2300),
	})
	fmt.Println(parts)
	// Output: [CNY 1.61 CNY 0.52 CNY 0.86]
}

func ExampleMoney_Split() {
	parts, _ := pricing.MustParse("CNY 1.00").Split(3)
	fmt.Println(parts)
	// Output: [CNY 0.34 CNY 0.33 CNY 0.33]
}

func ExampleAllocateMinor() {
	parts, _ := pricing.AllocateMinor(299, []int64{1000, 1000, 1000})
	fmt.Println(parts)
	// Output: [100 100 99]
}

func ExampleParseZhe() {
	for _, s := range []string{"7折", "8.5折", "75折", "七五折", "半价"} {
		r, _ := pricing.ParseZhe(s)
		fmt.Printf("%s pays %s, %s%% off\n", s, r.Pay(), r.PercentOff())
	}
	_, err := pricing.ParseZhe("0折")
	fmt.Println(errors.Is(err, pricing.ErrInvalidRate))
	// Output:
	// 7折 pays 0.7, 30% off
	// 8.5折 pays 0.85, 15% off
	// 75折 pays 0.75, 25% off
	// 七五折 pays 0.75, 25% off
	// 半价 pays 0.5, 50% off
	// true
}

func ExamplePercentOff() {
	r, _ := pricing.PercentOff(30)
	fmt.Println(r.Zhe(), r.Equal(pricing.MustRate("7折")))
	// Output: 7折 true
}

func ExamplePayPercent() {
	r, _ := pricing.PayPercent(85)
	fmt.Println(r)
	// Output: 8.5折 (15% off)
}

func ExampleNewRate() {
	r, _ := pricing.NewRate(decimal.RequireFromString("0.95"))
	off, _ := pricing.NewRateOff(decimal.RequireFromString("0.05"))
	fmt.Println(r.Zhe(), r.Equal(off))
	// Output: 9.5折 true
}

func ExampleRate_Apply() {
	r := pricing.MustRate("8.5折")
	price := pricing.MustParse("CNY 19.90")
	fmt.Println(r.Apply(price).Round(pricing.HalfUp), r.Discount(price).Round(pricing.HalfUp))
	// Output: CNY 16.92 CNY 2.99
}

func ExampleRate_Compare() {
	fmt.Println(pricing.MustRate("7折").Compare(pricing.MustRate("9折")))
	// Output: -1
}

func ExampleParseRoundingMode() {
	m, _ := pricing.ParseRoundingMode("half-even")
	fmt.Println(m == pricing.HalfEven)
	// Output: true
}

func ExampleRoundDiv() {
	// 10.65 分 in integer arithmetic: 1065 / 10.
	up, _ := pricing.RoundDiv(1065, 10, pricing.HalfUp)
	even, _ := pricing.RoundDiv(1065, 10, pricing.HalfEven)
	fmt.Println(up, even)
	// Output: 107 106
}

func ExampleAllocateMinorTo() {
	buf := make([]int64, 0, 16) // reused across calls: no allocation
	buf, _ = pricing.AllocateMinorTo(buf, 1000, []int64{1, 1, 1})
	fmt.Println(buf)
	// Output: [334 333 333]
}
