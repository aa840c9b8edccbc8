package inventory

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The hostile-input findings of issue 12 for this package. Each case failed on the code before the
// fix: a wrapped integer, a NaN or an infinity came back with a nil error.

// requireTyped checks that err is a *FieldError wrapping want.
func requireTyped(t *testing.T, err error, want error, msg string) {
	t.Helper()
	require.Error(t, err, msg)
	var fe *FieldError
	assert.True(t, errors.As(err, &fe), "%s: %v is not a *FieldError", msg, err)
	assert.ErrorIs(t, err, want, msg)
}

// Backorders MaxInt64 + Reserved 10 wrapped the available stock to a large positive number: the SKU
// read "healthy" with order 0.
func TestHostileBackordersWrap(t *testing.T) {
	st := Stock{OnHand: 5, Backorders: math.MaxInt64, Reserved: 10}
	_, err := st.Position()
	requireTyped(t, err, ErrTooLarge, "Position")
	_, err = st.Available()
	requireTyped(t, err, ErrTooLarge, "Available")
	it := testItem(10)
	it.Stock = st
	_, err = testPlanner(t, nil).Suggest(it, testNow)
	requireTyped(t, err, ErrTooLarge, "Suggest")
	_, err = NewATP(st, nil, nil, testNow)
	requireTyped(t, err, ErrTooLarge, "NewATP")
}

// ReservedAt summed in int64 without a check: two large reservations wrapped to a negative total.
func TestHostileReservedAtWrap(t *testing.T) {
	rs := []Reservation{{Kind: Presale, Qty: math.MaxInt64/2 + 1}, {Kind: GroupBuy, Qty: math.MaxInt64/2 + 1}}
	_, err := ReservedAt(rs, testNow)
	requireTyped(t, err, ErrTooLarge, "ReservedAt, each above MaxQty")
	// Each within MaxQty but the total beyond it.
	rs = []Reservation{{Kind: Presale, Qty: MaxQty}, {Kind: GroupBuy, Qty: 1}}
	_, err = ReservedAt(rs, testNow)
	requireTyped(t, err, ErrTooLarge, "ReservedAt, total above MaxQty")
	got, err := ReservedAt([]Reservation{{Kind: Presale, Qty: MaxQty}}, testNow)
	require.NoError(t, err)
	assert.Equal(t, int64(MaxQty), got, "exactly MaxQty is allowed")
	_, err = NewATP(Stock{OnHand: 1}, nil, []Receipt{{Qty: MaxQty, ETA: testNow}, {Qty: MaxQty, ETA: testNow}}, testNow)
	requireTyped(t, err, ErrTooLarge, "NewATP receipts total")
}

// Shape(2⁵³) with a pack of 7 returned 2⁵³ + 1 units rounded up to the pack, above the old limit.
func TestHostileShapeAboveLimit(t *testing.T) {
	s := MustShaping(0, 7, 0)
	_, err := s.Shape(1 << 53)
	requireTyped(t, err, ErrTooLarge, "Shape(2^53)")
	// A need within MaxQty that the pack lifts above it: 1e15 rounded up to a multiple of 7 is
	// 1e15 + 1 (1e15 = 7·142857142857142 + 6).
	_, err = s.Shape(MaxQty)
	requireTyped(t, err, ErrTooLarge, "Shape(MaxQty) with a pack of 7")
	got, err := MustShaping(0, 8, 0).Shape(MaxQty) // 1e15 is a multiple of 8
	require.NoError(t, err)
	assert.Equal(t, int64(MaxQty), got.Qty)
	_, err = NewShaping(MaxQty, 3, 0) // the smallest order 1e15 + 2 is above the limit
	requireTyped(t, err, ErrTooLarge, "NewShaping(MaxQty, 3, 0)")
}

func TestHostileEOQ(t *testing.T) {
	// √(2·1e308) = 1.41421356237309504880e154 (mpmath, 30 digits); the old code overflowed 2DK to +Inf.
	got, err := EOQ(1e308, 1, 1)
	require.NoError(t, err)
	assert.InEpsilon(t, 1.41421356237309504880e154, got, 1e-15)
	// D·K = 0 whatever D is; the old code computed 2·1e308·0 = Inf·0 = NaN.
	got, err = EOQ(1e308, 0, 1)
	require.NoError(t, err)
	assert.Equal(t, 0.0, got)
	// √(2·1e308·1e308/1e-308) ≈ 1.7e462 is beyond float64.
	_, err = EOQ(1e308, 1e308, 1e-308)
	requireTyped(t, err, ErrTooLarge, "EOQ beyond float64")
	_, err = EOQCost(1e308, 1e308, 1, 1)
	requireTyped(t, err, ErrTooLarge, "EOQCost beyond float64")
	_, err = EOQWithPriceBreaks(1e308, 1e308, 1, []PriceBreak{{MinQty: 0, UnitPrice: 1e308}})
	requireTyped(t, err, ErrTooLarge, "EOQWithPriceBreaks cost beyond float64")
	_, err = EOQWithPriceBreaks(1000, 10, 0.2, make([]PriceBreak, MaxPriceBreaks+1))
	requireTyped(t, err, ErrTooLarge, "too many price breaks")
	_, err = NewRQPolicy(0, 1e308, 1e308, 1)
	requireTyped(t, err, ErrTooLarge, "(r, Q) with an EOQ above MaxQty")
}

// Φ⁻¹ in the far tails; references from mpmath (50 digits) solving ln Φ(z) = ln p.
func TestHostileNormalQuantileTails(t *testing.T) {
	tests := []struct {
		give float64
		want float64
	}{
		{5e-324, -38.467405617144346251},
		{1e-300, -37.047096299361199237},
		{1e-20, -9.2623400897984075737},
		{1e-17, -8.4937932241095980744},
		{1e-10, -6.3613409024040562047},
	}
	for _, tt := range tests {
		got, err := NormalQuantile(tt.give)
		require.NoError(t, err)
		assert.InEpsilon(t, tt.want, got, 1e-13, "NormalQuantile(%g)", tt.give)
	}
	// 1 - 2⁻⁴⁰ is exact, so the upper tail mirrors the lower one.
	lo, _ := NormalQuantile(0x1p-40)
	hi, _ := NormalQuantile(1 - 0x1p-40)
	assert.Equal(t, -lo, hi)
	// Across the switches of internal/normal (the tail method below 1e-5, the asymptotic series
	// below 1e-300) the function stays monotone.
	prev := math.Inf(-1)
	for _, p := range []float64{1e-300 / 1.0001, 1e-300, 1e-300 * 1.0001, 1e-5 / 1.0001, 1e-5, 1e-5 * 1.0001} {
		z, _ := NormalQuantile(p)
		assert.Greater(t, z, prev)
		prev = z
	}
}

func TestHostileForecasts(t *testing.T) {
	holt := mustF(NewHolt(0.5, 0.5))
	_, err := holt.Forecast([]float64{0, 1e308, 0, 1e308}, 1)
	requireTyped(t, err, ErrTooLarge, "Holt on [0, 1e308, 0, 1e308]")
	out := make([]float64, 4)
	requireTyped(t, holt.Fitted([]float64{0, 1e308, 0, 1e308}, out), ErrTooLarge, "Holt fitted")
	// Weights near MaxFloat64 summed to +Inf and gave Inf/Inf = NaN; they are scaled by a power of two.
	wma := mustF(NewWMA([]float64{1e308, 1e308}))
	v, err := wma.Forecast([]float64{1e15, 1e15}, 1)
	require.NoError(t, err)
	assert.Equal(t, 1e15, v, "(1e308·1e15 + 1e308·1e15)/(2·1e308)")
	// Within the limits a long horizon stays finite: |trend| ≤ 1e15 and h ≤ 2⁶³.
	v, err = holt.Forecast([]float64{0, 1e15}, math.MaxInt)
	require.NoError(t, err)
	assert.False(t, math.IsInf(v, 0))
	_, err = MAE([]float64{1e308}, []float64{-1e308})
	requireTyped(t, err, ErrTooLarge, "MAE")
	_, err = RMSE([]float64{1e200}, []float64{0})
	requireTyped(t, err, ErrTooLarge, "RMSE")
	_, err = DemandFromHistory([]float64{1e308}, Day)
	requireTyped(t, err, ErrTooLarge, "DemandFromHistory")
	_, err = MustDemand(MaxQty, 0, time.Nanosecond).In(Year)
	requireTyped(t, err, ErrTooLarge, "Demand.In")
}

func TestHostileMetrics(t *testing.T) {
	_, err := Turnover(1e308, 1e-10)
	requireTyped(t, err, ErrTooLarge, "Turnover")
	avg, err := AverageInventory([]float64{1e308, 1e308})
	require.NoError(t, err)
	assert.Equal(t, 1e308, avg, "a running mean does not overflow")
	_, err = DaysOfInventory(1e-300, 1e308, Year)
	requireTyped(t, err, ErrTooLarge, "DaysOfInventory")
	_, err = GMROI(-1e308, 1e-300)
	requireTyped(t, err, ErrTooLarge, "GMROI")
	_, err = StockToSales(1e308, 1e-300)
	requireTyped(t, err, ErrTooLarge, "StockToSales")
	rule := DefaultRestockRule()
	_, err = rule.Evaluate(RestockInput{DailySales: []float64{20, 21, 22, 23, 24, 25, 26}, SeasonEnd: testNow.Add(60 * Day), At: testNow, ProjectedProfit: 1e308, Investment: 1e-10})
	requireTyped(t, err, ErrTooLarge, "RestockRule ROI")
}

func TestHostileNewsvendor(t *testing.T) {
	n, err := NewNewsvendor(1e308, 1e308)
	require.NoError(t, err)
	assert.Equal(t, 0.5, n.CriticalRatio(), "p/(p + h) without overflowing p + h")
	_, err = NewsvendorFromPrices(1e308, -1e308, -1.7e308)
	requireTyped(t, err, ErrTooLarge, "price - cost beyond float64")
	_, err = n.Normal(1e308, 0)
	requireTyped(t, err, ErrTooLarge, "Normal mean above MaxQty")
	huge, _ := NewNewsvendor(1e308, 1e308)
	_, err = huge.Normal(MaxQty, MaxQty)
	requireTyped(t, err, ErrTooLarge, "Normal expected cost beyond float64")
}

func TestHostilePolicies(t *testing.T) {
	_, err := NewSQPolicy(1e308, 1)
	requireTyped(t, err, ErrTooLarge, "NewSQPolicy s")
	p, err := NewSQPolicy(10, 5e-324)
	require.NoError(t, err)
	_, err = p.Need(-5, AtOrBelow) // 15/5e-324 orders of Q: +Inf before the fix
	requireTyped(t, err, ErrTooLarge, "Need with a subnormal Q")
	_, err = p.Need(math.MaxInt64, AtOrBelow)
	requireTyped(t, err, ErrTooLarge, "Need with a position beyond any valid stock")
	_, err = NewSSPolicy(-1e308, 1e308)
	requireTyped(t, err, ErrTooLarge, "NewSSPolicy")
	fill, _ := FillRateSafetyStock(0.99)
	_, err = fill.For(Exposure{Demand: MustDemand(1, 1, Day), Lead: FixedLeadTime(Day), OrderQty: 1e308})
	requireTyped(t, err, ErrTooLarge, "fill rate with Q above MaxQty")
	cover, _ := CoverSafetyStock(math.MaxInt64)
	_, err = cover.For(Exposure{Demand: MustDemand(1, 1, Day), Lead: FixedLeadTime(math.MaxInt64), Review: 1})
	requireTyped(t, err, ErrTooLarge, "lead + review beyond time.Duration")
}

// A huge EOQ used to reach the explanation as +Inf (json.Marshal then failed) when the position was
// above s and nothing was ordered.
func TestHostileSuggestCosts(t *testing.T) {
	it := testItem(10)
	it.Stock = Stock{OnHand: 1000}
	it.OrderCost, it.HoldingCost = 1e308, 5e-324
	_, err := testPlanner(t, nil).Suggest(it, testNow)
	requireTyped(t, err, ErrTooLarge, "Suggest with an infinite EOQ")
	it = testItem(10)
	it.WarningLine = 1e308
	_, err = testPlanner(t, nil).Suggest(it, testNow)
	requireTyped(t, err, ErrTooLarge, "Suggest with a warning line above MaxQty")
}

// A year beyond 9999 made the suggestion's dates unmarshalable (time.Time.MarshalJSON fails).
func TestHostileTimes(t *testing.T) {
	_, err := testPlanner(t, nil).Suggest(testItem(10), time.Date(20000, 1, 1, 0, 0, 0, 0, time.UTC))
	requireTyped(t, err, ErrTooLarge, "Suggest in year 20000")
	it := testItem(0) // a stockout now: the order-by date is the lead time before at
	it.Lead = FixedLeadTime(math.MaxInt64)
	_, err = testPlanner(t, nil).Suggest(it, time.Date(1, 6, 1, 0, 0, 0, 0, time.UTC))
	requireTyped(t, err, ErrTooLarge, "Suggest in year 1 with a 292-year lead time")
	_, err = NewATP(Stock{}, nil, []Receipt{{Qty: 1, ETA: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}}, testNow)
	requireTyped(t, err, ErrTooLarge, "NewATP receipt in year 10000")
}

// A decimal with a hostile exponent made ABC rescale to a number with that many digits.
func TestHostileABCValues(t *testing.T) {
	items := []ABCItem{{ID: "a", Value: decimal.New(1, -100000)}, {ID: "b", Value: decimal.New(5, 0)}}
	_, err := ABC(items, DefaultABCCuts())
	requireTyped(t, err, ErrTooLarge, "ABC with exponent -100000")
	items[0].Value = decimal.New(1, 31)
	_, err = ABC(items, DefaultABCCuts())
	requireTyped(t, err, ErrTooLarge, "ABC with 1e31")
}
