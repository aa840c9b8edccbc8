package pricing

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ruleCNY parses a CNY amount for the rule tests.
func ruleCNY(s string) Money { return MustNew(s, CNY) }

// seedPacks is seed-rules P-05 / WE-4: 10个糖盒15元, 50个糖盒80元.
func seedPacks(t testing.TB, single Money) PackOffer {
	t.Helper()
	o, err := NewPackOffer(single, Pack{10, ruleCNY("15.00")}, Pack{50, ruleCNY("80.00")})
	require.NoError(t, err)
	return o
}

func TestPackCheapestKnownAnswers(t *testing.T) {
	tests := []struct {
		name        string
		single      Money
		give        int64
		wantTotal   string
		wantPacks   map[int64]int64
		wantSingles int64
	}{
		// WE-4: for 50 units, 5 × (10 for 15) = 75 < 80.
		{"WE-4 q=50", Money{}, 50, "75.00", map[int64]int64{10: 5}, 0},
		// WE-4: for 60 units, best = 6 × 15 = 90 (vs 80 + 15 = 95).
		{"WE-4 q=60", Money{}, 60, "90.00", map[int64]int64{10: 6}, 0},
		{"zero", Money{}, 0, "0.00", nil, 0},
		{"singles fill", ruleCNY("1.80"), 13, "20.40", map[int64]int64{10: 1}, 3},
		{"singles only", ruleCNY("1.80"), 7, "12.60", nil, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := seedPacks(t, tt.single).Cheapest(tt.give)
			require.NoError(t, err)
			assert.Equal(t, tt.wantTotal, p.Total.StringAmount(), "Cheapest(%d).Total", tt.give)
			got := map[int64]int64{}
			for _, l := range p.Packs {
				got[l.Pack.Qty] = l.Count
			}
			if tt.wantPacks == nil {
				tt.wantPacks = map[int64]int64{}
			}
			assert.Equal(t, tt.wantPacks, got)
			assert.Equal(t, tt.wantSingles, p.Singles)
			assert.Equal(t, tt.give, p.Units)
			assert.Zero(t, p.Surplus)
		})
	}
}

func TestPackCheapestTieBreak(t *testing.T) {
	// 6 for 6.00, 3 for 3.00, singles 1.00: every plan for 6 costs 6.00;
	// the fewest packages is one 6-pack.
	o, err := NewPackOffer(ruleCNY("1.00"), Pack{3, ruleCNY("3.00")}, Pack{6, ruleCNY("6.00")})
	require.NoError(t, err)
	p, err := o.Cheapest(6)
	require.NoError(t, err)
	assert.Equal(t, "6 units: 1 × 6 for CNY 6.00 = CNY 6.00", p.String())
	// 4 for 4.00 and 2 for 2.00 with 5 singles... q=8: two 4-packs (2 packages).
	o, err = NewPackOffer(Money{}, Pack{2, ruleCNY("2.00")}, Pack{4, ruleCNY("4.00")}, Pack{6, ruleCNY("6.00")})
	require.NoError(t, err)
	p, err = o.Cheapest(8)
	require.NoError(t, err)
	// 6+2 and 4+4 both use 2 packages at 8.00; the larger pack first wins.
	assert.Equal(t, "8 units: 1 × 6 for CNY 6.00 + 1 × 2 for CNY 2.00 = CNY 8.00", p.String())
	assert.Equal(t, int64(2), p.Packages())
}

func TestPackCheapestAtLeast(t *testing.T) {
	o := seedPacks(t, ruleCNY("1.80"))
	p, err := o.CheapestAtLeast(19)
	require.NoError(t, err)
	// 19 singles cost 34.20, 10+9 singles 31.20; two 10-packs cost 30.00.
	assert.Equal(t, "30.00", p.Total.StringAmount())
	assert.Equal(t, int64(1), p.Surplus)
	assert.Equal(t, int64(20), p.Units)
	assert.Equal(t, "20 units: 2 × 10 for CNY 15.00 = CNY 30.00 (1 surplus)", p.String())
	// Equal cost prefers no surplus: 10 units exactly.
	p, err = o.CheapestAtLeast(10)
	require.NoError(t, err)
	assert.Zero(t, p.Surplus)
	// Without singles every quantity is reachable with surplus.
	p, err = seedPacks(t, Money{}).CheapestAtLeast(7)
	require.NoError(t, err)
	assert.Equal(t, int64(3), p.Surplus)
	p, err = seedPacks(t, Money{}).CheapestAtLeast(0)
	require.NoError(t, err)
	assert.Equal(t, "0 units: nothing = CNY 0.00", p.String())
}

func TestPackCheapestErrors(t *testing.T) {
	o := seedPacks(t, Money{})
	tests := []struct {
		name  string
		offer PackOffer
		give  int64
		want  error
	}{
		{"negative", o, -1, ErrInvalidQuantity},
		{"unreachable", o, 7, ErrNoCombination},
		{"zero offer", PackOffer{}, 5, ErrInvalidTiers},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.offer.Cheapest(tt.give)
			assert.ErrorIs(t, err, tt.want)
		})
	}
	_, err := o.Cheapest(7)
	assert.EqualError(t, err, "pricing: cheapest packs: q 7: no pack combination for the quantity: sizes {50, 10}")
	// Overflow: a huge quantity at the largest allowed price.
	big, err := NewPackOffer(MustNew("10000000000.00", CNY))
	require.NoError(t, err)
	_, err = big.Cheapest(1 << 40)
	assert.ErrorIs(t, err, ErrTooLarge)
}

func TestNewPackOfferErrors(t *testing.T) {
	tests := []struct {
		name   string
		single Money
		give   []Pack
		want   error
	}{
		{"nothing", Money{}, nil, ErrInvalidTiers},
		{"qty 0", Money{}, []Pack{{0, ruleCNY("1.00")}}, ErrInvalidQuantity},
		{"qty too big", Money{}, []Pack{{MaxPackQty + 1, ruleCNY("1.00")}}, ErrInvalidQuantity},
		{"duplicate", Money{}, []Pack{{10, ruleCNY("1.00")}, {10, ruleCNY("2.00")}}, ErrInvalidTiers},
		{"pack of 1 and single", ruleCNY("1.00"), []Pack{{1, ruleCNY("1.00")}}, ErrInvalidTiers},
		{"no currency", Money{}, []Pack{{10, Money{}}}, ErrUnknownCurrency},
		{"mixed", ruleCNY("1.00"), []Pack{{10, MustNew("1.00", USD)}}, ErrCurrencyMismatch},
		{"negative", Money{}, []Pack{{10, ruleCNY("-1.00")}}, ErrNegativePrice},
		{"negative single", ruleCNY("-1.00"), nil, ErrNegativePrice},
		{"not rounded", Money{}, []Pack{{10, ruleCNY("1.005")}}, ErrNotRounded},
		{"too expensive", Money{}, []Pack{{10, ruleCNY("10000000000.01")}}, ErrTooLarge},
		{"beyond int64", Money{}, []Pack{{10, ruleCNY("100000000000000000000")}}, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewPackOffer(tt.single, tt.give...)
			assert.ErrorIs(t, err, tt.want)
		})
	}
	_, err := NewPackOffer(Money{}, Pack{10, ruleCNY("1.00")}, Pack{0, ruleCNY("1.00")})
	assert.EqualError(t, err, "pricing: new pack offer: packs[1].qty 0: invalid quantity: must be in [1, 1000]")
}

func TestPackOfferAccessors(t *testing.T) {
	packs := []Pack{{10, ruleCNY("15.00")}}
	o, err := NewPackOffer(Money{}, packs...)
	require.NoError(t, err)
	packs[0].Qty = 99 // the offer keeps its own copy
	assert.Equal(t, int64(10), o.Packs()[0].Qty)
	_, ok := o.Single()
	assert.False(t, ok)
	assert.Equal(t, CNY, o.currency())
	assert.Equal(t, Currency(0), PackOffer{}.currency())
	o2, err := NewPackOffer(ruleCNY("2.00"))
	require.NoError(t, err)
	s, ok := o2.Single()
	assert.True(t, ok)
	assert.Equal(t, "CNY 2.00", s.String())
	assert.Equal(t, CNY, o2.currency())
}

func TestPackWarnings(t *testing.T) {
	// P-05: 50 for 80.00 (1.60) is dearer per unit than 10 for 15.00 (1.50).
	ws := seedPacks(t, ruleCNY("1.55")).Warnings()
	require.Len(t, ws, 2)
	assert.Equal(t, BiggerPackDearer, ws[1].Code)
	assert.Equal(t, int64(50), ws[1].Pack.Qty)
	assert.Equal(t, int64(10), ws[1].Than.Qty)
	assert.Equal(t, "pack 50 for CNY 80.00 (CNY 1.60 a unit) costs more per unit than 10 for CNY 15.00 (CNY 1.50 a unit)", ws[1].String())
	assert.Equal(t, PackDearerThanSingles, ws[0].Code)
	assert.Equal(t, "pack 50 for CNY 80.00 (CNY 1.60 a unit) costs more per unit than single units (CNY 1.55 a unit)", ws[0].String())
	assert.Equal(t, "bigger-pack-dearer", BiggerPackDearer.String())
	assert.Equal(t, "pack-dearer-than-singles", PackDearerThanSingles.String())
	assert.Equal(t, "PackWarningCode(9)", PackWarningCode(9).String())
	assert.Equal(t, "?", unitPrice(Pack{}))
	o, err := NewPackOffer(ruleCNY("2.00"), Pack{10, ruleCNY("15.00")}, Pack{50, ruleCNY("70.00")})
	require.NoError(t, err)
	assert.Empty(t, o.Warnings())
}

// plainCheapest is the reference: a DP over every amount up to q (or
// q+maxSize-1 for atLeast) with the same key and reconstruction, and no
// reduction. It returns counts by size, the total in minor units and the
// units bought, or ok = false.
func plainCheapest(o PackOffer, q int64, atLeast bool) (map[int64]int64, int64, int64, bool) {
	hi := q
	if atLeast {
		hi = q + o.maxQty - 1
	}
	const inf = int64(1) << 62
	cost := make([]int64, hi+1)
	cnt := make([]int64, hi+1)
	for a := int64(1); a <= hi; a++ {
		cost[a] = inf
		for _, it := range o.items {
			if it.size <= a && cost[a-it.size] < inf {
				c, n := cost[a-it.size]+it.price, cnt[a-it.size]+1
				if c < cost[a] || (c == cost[a] && n < cnt[a]) {
					cost[a], cnt[a] = c, n
				}
			}
		}
	}
	u := int64(-1)
	for a := q; a <= hi; a++ {
		if cost[a] < inf && (u < 0 || cost[a] < cost[u]) {
			u = a
		}
	}
	if u < 0 {
		return nil, 0, 0, false
	}
	got := map[int64]int64{}
	for a := u; a > 0; {
		for _, it := range o.items { // largest first
			if it.size <= a && cost[a-it.size] < inf && cost[a-it.size]+it.price == cost[a] && cnt[a-it.size]+1 == cnt[a] {
				got[it.size]++
				a -= it.size
				break
			}
		}
	}
	return got, cost[u], u, true
}

func planCounts(p PackPlan) map[int64]int64 {
	got := map[int64]int64{}
	for _, l := range p.Packs {
		got[l.Pack.Qty] += l.Count
	}
	if p.Singles > 0 {
		got[1] += p.Singles
	}
	return got
}

// TestPackReductionDifferential checks the reduced solver against the plain
// DP on random offers: same plan (not only the same total), same errors.
func TestPackReductionDifferential(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 400 {
		n := 1 + rng.IntN(4)
		sizes := rng.Perm(24)[:n]
		var packs []Pack
		for _, s := range sizes {
			if s == 0 {
				continue
			}
			packs = append(packs, Pack{int64(s) + 1, ruleMinor(int64(rng.IntN(4000)), CNY)})
		}
		single := Money{}
		if rng.IntN(2) == 0 {
			single = ruleMinor(int64(rng.IntN(200)), CNY)
		}
		// Equal unit prices on purpose sometimes: a 2× pack at 2× price.
		if len(packs) > 0 && rng.IntN(3) == 0 && packs[0].Qty*2 <= 25 && !slices.ContainsFunc(packs, func(p Pack) bool { return p.Qty == packs[0].Qty*2 }) {
			packs = append(packs, Pack{packs[0].Qty * 2, mustMoney(packs[0].Price.MulInt(2))})
		}
		o, err := NewPackOffer(single, packs...)
		if err != nil {
			continue
		}
		for _, atLeast := range []bool{false, true} {
			for _, q := range []int64{0, 1, 2, 7, 23, 97, 250, 599, int64(rng.IntN(800))} {
				wantCounts, wantMinor, wantUnits, ok := plainCheapest(o, q, atLeast)
				p, err := o.solve(q, atLeast)
				if !ok {
					require.ErrorIs(t, err, ErrNoCombination, "trial %d q %d", trial, q)
					continue
				}
				require.NoError(t, err, "trial %d q %d", trial, q)
				minor, err := p.Total.MinorUnits()
				require.NoError(t, err)
				require.Equal(t, wantMinor, minor, "trial %d %v q %d atLeast %v", trial, o.items, q, atLeast)
				require.Equal(t, wantUnits, p.Units, "trial %d q %d", trial, q)
				require.Equal(t, wantCounts, planCounts(p), "trial %d %v q %d atLeast %v", trial, o.items, q, atLeast)
			}
		}
	}
}

// ruleMinor is NewFromMinor for tests.
func ruleMinor(minor int64, c Currency) Money {
	m, err := NewFromMinor(minor, c)
	if err != nil {
		panic(err)
	}
	return m
}

func TestPackPlanSums(t *testing.T) {
	o, err := NewPackOffer(ruleCNY("1.99"), Pack{6, ruleCNY("9.90")}, Pack{12, ruleCNY("18.00")}, Pack{24, ruleCNY("33.00")})
	require.NoError(t, err)
	for q := int64(0); q < 200; q++ {
		p, err := o.Cheapest(q)
		require.NoError(t, err)
		sum, units := p.Single, p.Singles
		for _, l := range p.Packs {
			sum = ruleAdd(t, sum, l.Amount)
			units += l.Count * l.Pack.Qty
		}
		assert.True(t, sum.Equal(p.Total), "q %d: parts %s total %s", q, sum, p.Total)
		assert.Equal(t, q, units)
	}
}

func ruleAdd(t testing.TB, a, b Money) Money {
	t.Helper()
	s, err := a.Add(b)
	require.NoError(t, err)
	return s
}

func TestPackBigQuantity(t *testing.T) {
	o := seedPacks(t, ruleCNY("1.80"))
	p, err := o.Cheapest(1_000_000_007)
	require.NoError(t, err)
	// 100,000,000 ten-packs and 7 singles.
	assert.Equal(t, "1500000012.60", p.Total.StringAmount())
}

// mustMoney returns m, panicking on err; for test set-up only.
func mustMoney(m Money, err error) Money {
	if err != nil {
		panic(err)
	}
	return m
}
