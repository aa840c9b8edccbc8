package pricing_test

import (
	"encoding/binary"
	"encoding/json"
	"math/big"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
)

// Parse never panics, and whatever it accepts prints back to an equal value.
func FuzzParseString(f *testing.F) {
	for _, s := range []string{"CNY 12.30", "JPY -5", "cny 0.005", "USD", "CNY 1e9", "CNY -", "KWD 1.2345"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := pricing.Parse(s)
		if err != nil {
			return
		}
		back, err := pricing.Parse(m.String())
		if err != nil || !back.Equal(m) {
			t.Fatalf("Parse(%q) = %s; Parse(String()) = %s, %v", s, m, back, err)
		}
	})
}

// JSON decoding never panics, and whatever it accepts encodes and decodes
// back to an equal value.
func FuzzMoneyJSON(f *testing.F) {
	for _, s := range []string{`{"amount":"12.30","currency":"CNY"}`, `{"amount":1.5,"currency":"USD"}`, `{"amount":"0","currency":""}`, `null`, `{}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var m pricing.Money
		if err := json.Unmarshal(data, &m); err != nil {
			return
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("Marshal(%s): %v", m, err)
		}
		var back pricing.Money
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(m) {
			t.Fatalf("round trip of %s via %s gave %s, %v", m, b, back, err)
		}
	})
}

// Allocation: the parts sum exactly to the total, each part is the exact
// share rounded down or up by one minor unit, and the decimal API agrees with
// the int64 one whatever the weights' scale.
func FuzzAllocate(f *testing.F) {
	f.Add(int64(299), []byte{43, 0, 14, 0, 23, 0}, uint8(0))
	f.Add(int64(-1), []byte{0, 0, 0, 0}, uint8(3))
	f.Add(int64(1<<62), []byte{255, 255, 1, 0}, uint8(7))
	f.Fuzz(func(t *testing.T, total int64, raw []byte, scale uint8) {
		if len(raw) < 2 || len(raw) > 400 {
			return
		}
		weights := make([]int64, len(raw)/2)
		dweights := make([]decimal.Decimal, len(weights))
		exp := -int32(scale % 12)
		for i := range weights {
			weights[i] = int64(binary.LittleEndian.Uint16(raw[2*i:]))
			dweights[i] = decimal.New(weights[i], exp)
		}
		parts, err := pricing.AllocateMinor(total, weights)
		if err != nil {
			if total == -1<<63 {
				return
			}
			t.Fatalf("AllocateMinor(%d, %v): %v", total, weights, err)
		}
		var sum, wsum int64
		for i, p := range parts {
			sum += p
			wsum += weights[i]
		}
		if sum != total {
			t.Fatalf("AllocateMinor(%d, %v) = %v sums to %d", total, weights, parts, sum)
		}
		m, err := pricing.NewFromMinor(total, pricing.CNY)
		if err != nil {
			t.Fatal(err)
		}
		money, err := m.Allocate(dweights)
		if err != nil {
			t.Fatalf("Allocate(%s, %v): %v", m, dweights, err)
		}
		for i, p := range money {
			got, err := p.MinorUnits()
			if err != nil || got != parts[i] {
				t.Fatalf("Allocate part %d = %s, AllocateMinor part = %d", i, p, parts[i])
			}
			// |part - total*w/Σw| < 1
			w, n := weights[i], len(weights)
			exact := decimal.NewFromInt(total).Mul(decimal.NewFromInt(w))
			den := decimal.NewFromInt(wsum)
			if wsum == 0 {
				exact, den = decimal.NewFromInt(total), decimal.NewFromInt(int64(n))
			}
			diff := decimal.NewFromInt(got).Mul(den).Sub(exact).Abs()
			if diff.Cmp(den) >= 0 {
				t.Fatalf("part %d = %d is not within one unit of %s/%s", i, got, exact, den)
			}
		}
	})
}

// Rounding: the result is a multiple of the increment, within one increment
// of the input, on the side the mode promises; increment 0.01 agrees with
// Round.
func FuzzRound(f *testing.F) {
	f.Add(int64(1005), uint8(3), uint8(0), uint16(1))
	f.Add(int64(-1234), uint8(2), uint8(1), uint16(50))
	f.Add(int64(99999), uint8(4), uint8(5), uint16(100))
	f.Fuzz(func(t *testing.T, coef int64, scale, modeByte uint8, incMinor uint16) {
		x := decimal.New(coef, -int32(scale%20))
		m, err := pricing.NewFromDecimal(x, pricing.CNY)
		if err != nil {
			t.Fatal(err)
		}
		mode := pricing.RoundingMode(modeByte % 6)
		if incMinor == 0 {
			incMinor = 1
		}
		inc := decimal.New(int64(incMinor), -2)
		r, err := m.RoundToIncrement(inc, mode)
		if err != nil {
			t.Fatalf("RoundToIncrement(%s, %s, %s): %v", m, inc, mode, err)
		}
		got, in := r.Amount(), m.Amount()
		if !got.Mod(inc).IsZero() {
			t.Fatalf("%s is not a multiple of %s", got, inc)
		}
		d := got.Sub(in)
		if d.Abs().Cmp(inc) >= 0 {
			t.Fatalf("RoundToIncrement(%s, %s, %s) = %s moved a whole increment", in, inc, mode, got)
		}
		switch mode {
		case pricing.Down:
			if got.Abs().Cmp(in.Abs()) > 0 {
				t.Fatalf("Down moved away from zero: %s -> %s", in, got)
			}
		case pricing.Up:
			if got.Abs().Cmp(in.Abs()) < 0 {
				t.Fatalf("Up moved toward zero: %s -> %s", in, got)
			}
		case pricing.Floor:
			if got.Cmp(in) > 0 {
				t.Fatalf("Floor went up: %s -> %s", in, got)
			}
		case pricing.Ceiling:
			if got.Cmp(in) < 0 {
				t.Fatalf("Ceiling went down: %s -> %s", in, got)
			}
		default:
			if d.Abs().Add(d.Abs()).Cmp(inc) > 0 {
				t.Fatalf("%s moved more than half an increment: %s -> %s", mode, in, got)
			}
		}
		if incMinor == 1 && !m.Round(mode).Equal(r) {
			t.Fatalf("Round(%s, %s) = %s, increment 0.01 gave %s", in, mode, m.Round(mode), r)
		}
	})
}

// ParseZhe never panics; the canonical form parses back to the same rate,
// and every accepted rate is in (0, 1].
func FuzzParseZhe(f *testing.F) {
	for _, s := range []string{"7折", "8.5折", "75折", "七五折", "半价", "0折", "10折", "１０折", "9.95折"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := pricing.ParseZhe(s)
		if err != nil {
			return
		}
		p := r.Pay()
		if p.Sign() <= 0 || p.Cmp(decimal.New(1, 0)) > 0 {
			t.Fatalf("ParseZhe(%q) pays %s", s, p)
		}
		back, err := pricing.ParseZhe(r.Zhe())
		if err != nil || !back.Equal(r) {
			t.Fatalf("ParseZhe(%q) = %s; ParseZhe(Zhe()) = %s, %v", s, r.Zhe(), back.Zhe(), err)
		}
	})
}

// RoundDiv: the result is within one of num/den, on the side the mode
// promises, and agrees with rounding the exact decimal quotient when den is
// a power of ten.
func FuzzRoundDiv(f *testing.F) {
	f.Add(int64(1065), int64(10), uint8(0))
	f.Add(int64(-7), int64(2), uint8(1))
	f.Add(int64(1<<62), int64(3), uint8(4))
	f.Fuzz(func(t *testing.T, num, den int64, modeByte uint8) {
		mode := pricing.RoundingMode(modeByte % 6)
		got, err := pricing.RoundDiv(num, den, mode)
		if den <= 0 || num == -1<<63 {
			if err == nil {
				t.Fatalf("RoundDiv(%d, %d) accepted bad input", num, den)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		exact := big.NewRat(num, den)
		diff := new(big.Rat).Sub(big.NewRat(got, 1), exact) // got - num/den
		if new(big.Rat).Abs(diff).Cmp(big.NewRat(1, 1)) >= 0 {
			t.Fatalf("RoundDiv(%d, %d, %s) = %d is a whole unit off", num, den, mode, got)
		}
		sign := diff.Sign()
		switch mode {
		case pricing.Floor:
			if sign > 0 {
				t.Fatalf("Floor rounded up: %d/%d -> %d", num, den, got)
			}
		case pricing.Ceiling:
			if sign < 0 {
				t.Fatalf("Ceiling rounded down: %d/%d -> %d", num, den, got)
			}
		case pricing.Down:
			if (num > 0 && sign > 0) || (num < 0 && sign < 0) {
				t.Fatalf("Down moved away from zero: %d/%d -> %d", num, den, got)
			}
		case pricing.Up:
			if (num > 0 && sign < 0) || (num < 0 && sign > 0) {
				t.Fatalf("Up moved toward zero: %d/%d -> %d", num, den, got)
			}
		default:
			if new(big.Rat).Abs(diff).Cmp(big.NewRat(1, 2)) > 0 {
				t.Fatalf("%s moved more than half: %d/%d -> %d", mode, num, den, got)
			}
		}
		if den == 100 {
			m, _ := pricing.NewFromMinor(num, pricing.CNY) // num/100 yuan, rounded to whole yuan
			whole, err := m.RoundToIncrement(decimal.New(1, 0), mode)
			if err != nil {
				t.Fatal(err)
			}
			if !whole.Amount().Equal(decimal.New(got, 0)) {
				t.Fatalf("RoundDiv(%d, 100, %s) = %d, RoundToIncrement gave %s", num, mode, got, whole)
			}
		}
	})
}
