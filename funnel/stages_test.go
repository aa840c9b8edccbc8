package funnel

import (
	"math"
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStages(t *testing.T) {
	// Loyal = 3 orders within 30 days. Dates in March 2024 (UTC, noon).
	// a: enquires 1st, orders 5th, 10th, 20th -> 15th: repeat; 25th: loyal.
	// b: enquires 2nd only -> consult on both dates.
	// c: orders 3rd -> buyer on both.
	// d: views 12th, enquires 22nd -> 15th: none; 25th: consult.
	// e: orders 1st, 2nd, 3rd (old), nothing since -> 15th loyal; by 25th... still
	//    within 30 days of 25th? 25 - 30 days = 24 Feb, so yes: loyal.
	// f: first seen 24th with an order -> absent on 15th (none), buyer on 25th.
	day := func(d int) time.Time { return time.Date(2024, 3, d, 12, 0, 0, 0, time.UTC) }
	ev := []Event{
		evAt("a", day(1), "ask"), evAt("a", day(5), "order"), evAt("a", day(10), "order"), evAt("a", day(20), "order"),
		evAt("b", day(2), "ask"),
		evAt("c", day(3), "order"),
		evAt("d", day(12), "view"), evAt("d", day(22), "ask"),
		evAt("e", day(1), "order"), evAt("e", day(2), "order"), evAt("e", day(3), "order"),
		evAt("f", day(24), "order"),
	}
	s := Stages{Consult: Matcher{Event: "ask"}, Order: Matcher{Event: "order"}, LoyalOrders: 3, LoyalWindow: 30 * 24 * time.Hour}
	on15, err := s.On(ev, day(15))
	require.NoError(t, err)
	assert.Equal(t, StageCounts{1, 1, 1, 1, 1}, on15, "none d, consult b, buyer c, repeat a, loyal e")
	on25, err := s.On(ev, day(25))
	require.NoError(t, err)
	assert.Equal(t, StageCounts{0, 2, 2, 0, 2}, on25, "consult b d, buyer c f, loyal a e")
	tr, err := s.Between(ev, day(15), day(25))
	require.NoError(t, err)
	var want Transitions
	want[StageNone][StageConsult] = 1    // d
	want[StageNone][StageBuyer] = 1      // f (not seen on the 15th)
	want[StageConsult][StageConsult] = 1 // b
	want[StageBuyer][StageBuyer] = 1     // c
	want[StageRepeat][StageLoyal] = 1    // a
	want[StageLoyal][StageLoyal] = 1     // e
	assert.Equal(t, want, tr)
	assert.Equal(t, 1.0, tr.Rate(StageRepeat, StageLoyal))
	assert.Equal(t, 0.5, tr.Rate(StageNone, StageBuyer))
	assert.Equal(t, 0.0, tr.Rate(StageRepeat, 9))
	assert.Equal(t, 0.0, tr.Rate(StageRepeat, StageNone))
	// A short window: e's orders are older than 5 days on the 25th -> repeat.
	short := s
	short.LoyalWindow = 5 * 24 * time.Hour
	on25s, err := short.On(ev, day(25))
	require.NoError(t, err)
	assert.Equal(t, StageCounts{0, 2, 2, 2, 0}, on25s)
	assert.Equal(t, "loyal", StageLoyal.String())
	assert.Equal(t, "none consult buyer repeat", StageNone.String()+" "+StageConsult.String()+" "+StageBuyer.String()+" "+StageRepeat.String())
	assert.Equal(t, "Stage(9)", Stage(9).String())
}

func TestStagesErrors(t *testing.T) {
	ok := Stages{Consult: Matcher{Event: "ask"}, Order: Matcher{Event: "order"}, LoyalOrders: 3, LoyalWindow: time.Hour}
	tests := []struct {
		name string
		give Stages
		want error
	}{
		{"consult", Stages{Order: Matcher{Event: "o"}, LoyalOrders: 2, LoyalWindow: time.Hour}, ErrInvalidStep},
		{"order", Stages{Consult: Matcher{Event: "c"}, LoyalOrders: 2, LoyalWindow: time.Hour}, ErrInvalidStep},
		{"loyal orders", Stages{Consult: Matcher{Event: "c"}, Order: Matcher{Event: "o"}, LoyalOrders: 1, LoyalWindow: time.Hour}, ErrInvalidCount},
		{"window", Stages{Consult: Matcher{Event: "c"}, Order: Matcher{Event: "o"}, LoyalOrders: 2}, ErrInvalidPeriod},
	}
	for _, tt := range tests {
		_, err := tt.give.On(nil, base)
		assert.ErrorIs(t, err, tt.want, tt.name)
		_, err = tt.give.Between(nil, base, base)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
	_, err := ok.Between(nil, base, base.Add(-time.Hour))
	assert.ErrorIs(t, err, ErrInvalidPeriod)
	_, err = ok.On([]Event{{Name: "x"}}, base)
	assert.ErrorIs(t, err, ErrInvalidEvent)
	_, err = ok.Between([]Event{{Name: "x"}}, base, base)
	assert.ErrorIs(t, err, ErrInvalidEvent)
}

func TestIndicators(t *testing.T) {
	cac, err := CAC(cny("3000"), 120)
	require.NoError(t, err)
	assertMoney(t, "25", cac, "CAC")
	// 900.00 / 7 = 128.571428..., half-up to the fen: 128.57.
	cac, err = CAC(cny("900"), 7)
	require.NoError(t, err)
	assert.Equal(t, "128.57", cac.StringAmount())
	roi, err := ROI(cny("9000"), cny("300"))
	require.NoError(t, err)
	assert.Equal(t, "30", roi.String())
	cr, err := ConversionRate(82, 4747) // WE-9
	require.NoError(t, err)
	assert.InDelta(t, 0.017274, cr, 1e-6)
	rr, err := RepurchaseRate(30, 120)
	require.NoError(t, err)
	assert.Equal(t, 0.25, rr)
	lr, err := LoyaltyRate(12, 120)
	require.NoError(t, err)
	assert.Equal(t, 0.1, lr)
	br, err := BounceRate(40, 100)
	require.NoError(t, err)
	assert.Equal(t, 0.4, br)
}

func TestIndicatorErrors(t *testing.T) {
	tests := []struct {
		name string
		give func() error
		want error
	}{
		{"cac spend", func() error { _, err := CAC(cny("-1"), 1); return err }, ErrInvalidAmount},
		{"cac zero money", func() error { _, err := CAC(pricing.Money{}, 1); return err }, ErrInvalidAmount},
		{"cac customers", func() error { _, err := CAC(cny("1"), 0); return err }, ErrInvalidCount},
		{"roi zero spend", func() error { _, err := ROI(cny("1"), cny("0")); return err }, ErrInvalidAmount},
		{"roi currency", func() error { _, err := ROI(pricing.MustNew("1", pricing.USD), cny("1")); return err }, ErrInvalidAmount},
		{"conversions above visitors", func() error { _, err := ConversionRate(5, 4); return err }, ErrInvalidCount},
		{"no visitors", func() error { _, err := ConversionRate(0, 0); return err }, ErrInvalidCount},
		{"repurchase", func() error { _, err := RepurchaseRate(-1, 4); return err }, ErrInvalidCount},
		{"loyalty", func() error { _, err := LoyaltyRate(5, 4); return err }, ErrInvalidCount},
		{"bounce", func() error { _, err := BounceRate(5, 4); return err }, ErrInvalidCount},
	}
	for _, tt := range tests {
		assert.ErrorIs(t, tt.give(), tt.want, tt.name)
	}
}

func TestPopularItem(t *testing.T) {
	avg := ItemMetrics{Conversion: 0.02, Bounce: 0.5, Favourites: 100, Rating: 4.7}
	// F-05: bounce 40% against an average of 50% passes (lower is better).
	pass, checks, err := PopularItem(ItemMetrics{Conversion: 0.03, Bounce: 0.4, Favourites: 150, Rating: 4.8}, avg)
	require.NoError(t, err)
	assert.True(t, pass)
	require.Len(t, checks, 4)
	assert.Equal(t, MetricCheck{Metric: "bounce", Item: 0.4, Average: 0.5, Better: true}, checks[1])
	// Read literally ("greater than average"), a 60% bounce would pass; it fails here.
	pass, checks, err = PopularItem(ItemMetrics{Conversion: 0.03, Bounce: 0.6, Favourites: 150, Rating: 4.8}, avg)
	require.NoError(t, err)
	assert.False(t, pass)
	assert.False(t, checks[1].Better)
	assert.True(t, checks[0].Better)
	// A tie is not better.
	pass, _, err = PopularItem(ItemMetrics{Conversion: 0.03, Bounce: 0.4, Favourites: 100, Rating: 4.8}, avg)
	require.NoError(t, err)
	assert.False(t, pass)
	for _, bad := range []ItemMetrics{{Conversion: math.NaN()}, {Bounce: 1.5}, {Rating: math.Inf(1)}} {
		_, _, err = PopularItem(bad, avg)
		assert.ErrorIs(t, err, ErrInvalidRate)
	}
}
