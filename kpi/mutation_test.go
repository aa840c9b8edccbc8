package kpi

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"testing"
	"time"
)

// Mutation pass (issue 19, gremlins v0.5.0). Equivalent mutants, which no
// test can kill, with why they cannot change behaviour, grouped by file
// (file:line:column as gremlins reports them on the code of issue 19's run):
//
// commission.go
//   - :145:16, `else if c < 0` as `c <= 0`: the branch is inside
//     `if c != 0`, where c <= 0 and c < 0 are the same test.
//   - :258:16, `net.Sign() < 0` as `<= 0`: a zero net is replaced by
//     decimal.Zero, the same number (only a whole-amount band share's
//     Sales exponent differs: 0 for 0.00, which String, JSON and every
//     comparison read alike).
//   - :265:25, `len(p.Accelerators) > 0` as `>= 0`: with no accelerators
//     accelerate(x) is 1 × (base(x) - base(0)) = base(x), and Money built
//     from either decimal is the same.
//   - :290:23, `i == len(p.Tiers)-1` as `len(p.Tiers)+1` (ARITHMETIC_BASE
//     and INVERT_NEGATIVES): owner then compares x with the last tier's To,
//     which Validate makes zero, and falls out of the loop to return
//     len(p.Tiers)-1, the same index (line 298 runs only under this mutant:
//     NOT COVERED).
//
// coverage.go
//   - :85:10, `i > 0 &&` as `i >= 0`: listed in mutation_staff_test.go
//     (prevEnd is the zero time at i = 0).
//
// curve.go
//   - :128:8, Inverse's `v <= 0` as `v < 0`: at v = 0 the mutant computes
//     t/0 = +Inf (Validate makes t > 0), which the cap clamps to top, the
//     value the original returns.
//   - :156:7, `s > top` as `s >= top`: at s == top both return the same
//     value.
//
// erlang.go
//   - :83:8, `k > maxChainStates` as `>=`: listed in mutation_staff_test.go
//     (differs only at exactly 1,048,576 chain states).
//   - :91:8 and :91:18, the stop `k > n && lp < logTotal+tiny` as `>=`,
//     `<=`; :118:25, `float64(jmax+1)*theta` as `jmax-1`; :120:20 and
//     :120:24, the margin `lt + 10*math.Sqrt(lt)` as `-` and `10/`;
//     :121:31, the budget comparison as `>=`: each listed with its reason
//     in mutation_staff_test.go (mass below 1e-14 of the total, an exact
//     uniformisation rate, or an exact budget of 50,000,000 steps).
//
// hours.go
//   - hours.go walkCorrections, `p.end <= limit` as `p.end < limit`: a
//     change exactly at limit, (hi+5)·86400 local seconds, lies more than
//     two days past hi (offsets are under a day), so its window zc±2 is
//     clipped away by `z <= min(hi, zc+2)` and it corrects nothing.
//   - hours.go walkCorrections, `p.end+p.off` as `p.end-p.off`: this moves
//     zc by 2·offset (one day for |offset| ≤ 12 h, two for the +13/+14 h
//     zones), and the days a change corrects (its local day, and the day
//     before or after when it crosses midnight) stay inside the moved
//     window zc'-2..zc'+2 for every offset under 23¾ hours.
//   - hours.go dayExact, `hint.start <= u0-secondsPerDay` as `<`, and
//     `u0+2*secondsPerDay <= hint.end` as `<`: at equality the fast path
//     is refused and the slow path looks up the periods around the day and finds
//     the hint's own period, so both paths map every range to the same
//     instants.
//   - hours.go walkCorrections, `(hi+1)*secondsPerDay` as `(hi-1)*...` in
//     limit: the walk then stops at local day hi+3 instead of hi+5, and a
//     change that corrects a day up to hi has its UTC instant before day
//     hi+2 plus an offset under a day; the four days' margin covers it.
//   - hours.go dayExact, `hn <= ln` as `hn < ln` when hs == ls: the range
//     clipped to [a, b) is empty and adds (hs-ls)·1e9 + (hn-ln) = 0 either way.
//
// Run over the rest of the package (gremlins v0.5.0 on errors.go, fulfil.go,
// holidays_cn.go, hours.go and the files after it, on the code of bda67c7):
//
// hours.go
//   - :373:14 ARITHMETIC_BASE, :376:38 CONDITIONALS_BOUNDARY, :383:24
//     ARITHMETIC_BASE, :414:21 and :414:63 CONDITIONALS_BOUNDARY, :435:33
//     CONDITIONALS_BOUNDARY: the walkCorrections and dayExact mutants listed
//     above, with the same reasons.
//   - :514:8 CONDITIONALS_BOUNDARY, wallSeconds' `hi < lo` as `hi <= lo`:
//     its one caller (between) passes lo = za+1, hi = zb-1 with zb-za >= 3,
//     so hi > lo and neither guard ever returns.
//   - :517:15 ARITHMETIC_BASE, `n := hi - lo + 1` as `- 1`: n/7 whole weeks
//     are summed in closed form and the loop after them runs from lo +
//     (n/7)·7 to hi whatever n is, so a smaller n only moves up to a week
//     of days from the closed form to the loop: the same sum, and between's
//     work counter does not count those days.
//   - :533:15 CONDITIONALS_BOUNDARY, periodsAround's `len(buf) < cap(buf)`:
//     not equivalent but a bug (the list was cut at eight periods); the
//     loop now has no such bound, TestBetweenDenseZoneIsElapsed.
//   - :536:38 CONDITIONALS_BOUNDARY, `p.end > local+3*secondsPerDay` as
//     `>=`: a period starting exactly three days after the day's start is
//     added too; wallInstant maps the day's wall seconds, all under
//     local+2 days minus the offset, inside earlier periods, so it never
//     reads it.
//   - :549:8 CONDITIONALS_BOUNDARY, wallInstant's `u < p.start` as `<=`: at
//     u == p.start it returns p.start, which is u, the value the next test
//     returns (a period's end lies after its start).
//   - periodsAround, `u = max(p.end, u+1)`, the `u+1` (ARITHMETIC_BASE):
//     zoneAt returns p.end > u, so max is p.end either way; the guard only
//     bounds the loop should a zone's bounds ever fail to move on.
//
// rank.go
//   - :42:17 CONDITIONALS_BOUNDARY, scoreKey's `math.Abs(s) > 1e9` as `>=`:
//     it differs only at s = ±1e9, where the rounding path gives
//     round(±1e18)/1e9 = ±1e9 exactly (1e18 and 1e9 are exact in float64),
//     the value returned as it is.
//
// Found ahead of the run by applying the mutant by hand (whole suite, -short):
//   - scorecard.go:126:55, `math.Abs(sum-1) > weightTolerance` as `>=`
//     (a case condition, which gremlins reports NOT COVERED): sum-1 is exact
//     for sums near 1 and a multiple of 2^-53, and the float64 nearest 1e-9
//     is not (1e-9·2^53 = 9007199.25...), so |sum-1| never equals it (every
//     float64 within 2e-9 of 1 was checked).
//   - service.go:455:14, finishRates' `s.Buyers > 0` as `>= 0`: sales are
//     added only with a credited order, which also adds a buyer, so with no
//     buyers Sales is the zero Money, whose IsValid is false, and AOV is left
//     zero either way.

type enumValue interface {
	~uint8
	encoding.TextMarshaler
	fmt.Stringer
}

// checkEnum pins one enumeration's text forms: names[i] is the documented
// name of value i ("" where i is invalid). Every name marshals and parses
// back to its value, an unknown name is ErrInvalidEnum and leaves the
// target unchanged, and a value past the table prints as its number.
func checkEnum[T enumValue, P interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, names ...string) {
	t.Helper()
	for i, n := range names {
		v := T(i)
		b, err := v.MarshalText()
		if n == "" {
			if !errors.Is(err, ErrInvalidEnum) || v.String() != strconv.Itoa(i) {
				t.Errorf("%T(%d): MarshalText = %q, %v; String %q", v, i, b, err, v.String())
			}
			continue
		}
		if err != nil || string(b) != n || v.String() != n {
			t.Errorf("%T(%d): MarshalText = %q, %v; String %q; want %q", v, i, b, err, v.String(), n)
		}
		got := T(200)
		if err := P(&got).UnmarshalText([]byte(n)); err != nil || got != v {
			t.Errorf("%T.UnmarshalText(%q) = %d, %v; want %d", v, n, got, err, i)
		}
		err = P(&got).UnmarshalText([]byte(n + "x"))
		var fe *FieldError
		if !errors.Is(err, ErrInvalidEnum) || !errors.As(err, &fe) || got != v {
			t.Errorf("%T.UnmarshalText(%q) = %d, %v; want ErrInvalidEnum, value kept", v, n+"x", got, err)
		}
	}
	past := T(len(names))
	if _, err := past.MarshalText(); !errors.Is(err, ErrInvalidEnum) || past.String() != strconv.Itoa(len(names)) {
		t.Errorf("%T(%d) = %q, %v", past, len(names), past.String(), err)
	}
}

func TestEveryEnumText(t *testing.T) {
	checkEnum[TierMethod](t, "", "marginal", "whole_amount")
	checkEnum[BoundaryOwner](t, "lower", "upper")
	checkEnum[Direction](t, "", "higher", "lower")
	checkEnum[CurveKind](t, "", "linear", "inverse", "threshold", "bands")
	checkEnum[WeightPolicy](t, "sum_to_one", "normalize")
	checkEnum[MissingPolicy](t, "error", "zero", "exclude")
	checkEnum[Aggregation](t, "", "sum", "mean", "weighted_mean")
	checkEnum[RankMethod](t, "", "competition", "dense")
	checkEnum[RewardKind](t, "", "top_n", "everyone")
	checkEnum[Role](t, "", "customer", "agent", "system")
	checkEnum[QuotaPeriod](t, "", "daily", "weekly", "monthly")
	checkEnum[RewardOrder](t, "score", "time")
	checkEnum[DSRDimension](t, "", "description", "service", "shipping")
	// The constants are the documented values.
	if Marginal != 1 || UpperBandOwns != 1 || LowerIsBetter != 2 || Bands != 4 || WeightsNormalize != 1 ||
		MissingExcluded != 2 || WeightedMean != 3 || Dense != 2 || RoleAgent != 2 || Weekly != 2 || Monthly != 3 || ByTime != 1 {
		t.Errorf("enum constants moved")
	}
}

// Curve validation at its edges: the cap limit is inclusive, and a linear
// curve whose zero point equals the target (which would divide by zero) is
// rejected in both directions (issue 19, kpi/curve.go ~77).
func TestCurveEdges(t *testing.T) {
	m := func(d Direction, target float64, c Curve) Metric {
		return Metric{ID: "m", Direction: d, Target: target, Weight: 1, Curve: c}
	}
	if err := m(HigherIsBetter, 100, Curve{Kind: Linear, Cap: MaxCap}).Validate(); err != nil {
		t.Errorf("cap = MaxCap: %v", err)
	}
	if err := m(HigherIsBetter, 100, Curve{Kind: Linear, Cap: MaxCap + 1}).Validate(); !errors.Is(err, ErrTooLarge) {
		t.Errorf("cap = MaxCap+1: %v, want ErrTooLarge", err)
	}
	if err := m(HigherIsBetter, 100, Curve{Kind: Linear, Cap: 1}).Validate(); err != nil {
		t.Errorf("cap = 1: %v", err)
	}
	if err := m(HigherIsBetter, 100, Curve{Kind: Linear, Cap: 0.999}).Validate(); !errors.Is(err, ErrInvalidCurve) {
		t.Errorf("cap = 0.999: %v, want ErrInvalidCurve", err)
	}
	if err := m(LowerIsBetter, 60, Curve{Kind: Linear, Zero: 60}).Validate(); !errors.Is(err, ErrInvalidCurve) {
		t.Errorf("lower-is-better, zero = target: %v, want ErrInvalidCurve", err)
	}
	if err := m(HigherIsBetter, 50, Curve{Kind: Linear, Zero: 50}).Validate(); !errors.Is(err, ErrInvalidTarget) {
		t.Errorf("higher-is-better, zero = target: %v, want ErrInvalidTarget", err)
	}
	// Hand arithmetic: lower-is-better, zero 300 s, target 60 s: a 120 s
	// response scores (120-300)/(60-300) = 0.75; 30 s scores 1.125 capped at
	// 1.1; 300 s and beyond score 0.
	lin := m(LowerIsBetter, 60, Curve{Kind: Linear, Zero: 300, Cap: 1.1})
	for v, want := range map[float64]float64{120: 0.75, 30: 1.1, 45: 1.0625, 300: 0, 400: 0} {
		if got, err := lin.Score(v); err != nil || got != want {
			t.Errorf("linear lower Score(%v) = %v, %v; want %v", v, got, err, want)
		}
	}
	// Inverse: 60/120 = 0.5; 60/40 = 1.5 capped at 1.2; 0 and below score the cap.
	inv := m(LowerIsBetter, 60, Curve{Kind: Inverse, Cap: 1.2})
	for v, want := range map[float64]float64{120: 0.5, 40: 1.2, 0: 1.2, -5: 1.2, 60: 1} {
		if got, err := inv.Score(v); err != nil || got != want {
			t.Errorf("inverse Score(%v) = %v, %v; want %v", v, got, err, want)
		}
	}
	// Threshold: reaching the target exactly passes, in both directions.
	for _, tt := range []struct {
		d       Direction
		v, want float64
	}{{HigherIsBetter, 100, 1}, {HigherIsBetter, 99.9, 0}, {LowerIsBetter, 100, 1}, {LowerIsBetter, 100.1, 0}} {
		if got, err := m(tt.d, 100, Curve{Kind: Threshold}).Score(tt.v); err != nil || got != tt.want {
			t.Errorf("threshold %v Score(%v) = %v, %v; want %v", tt.d, tt.v, got, err, tt.want)
		}
	}
	// Bands: a value equal to At belongs to that band.
	bands := []Band{{50, 0.5}, {80, 0.8}, {100, 1}}
	for _, tt := range []struct {
		d       Direction
		v, want float64
	}{
		{HigherIsBetter, 80, 0.8}, {HigherIsBetter, 79.9, 0.5}, {HigherIsBetter, 49, 0}, {HigherIsBetter, 1e9, 1},
		{LowerIsBetter, 80, 0.8}, {LowerIsBetter, 80.1, 1}, {LowerIsBetter, 101, 0}, {LowerIsBetter, -1, 0.5},
	} {
		if got, err := m(tt.d, 100, Curve{Kind: Bands, Bands: bands}).Score(tt.v); err != nil || got != tt.want {
			t.Errorf("bands %v Score(%v) = %v, %v; want %v", tt.d, tt.v, got, err, tt.want)
		}
	}
}

// Quota weeks when the range starts mid-week (issue 19, kpi/quota.go
// ~183/256). 2026-02-11 is a Wednesday (2026-02-14 was a Saturday), so
// 2026-02-11..2026-02-24 touches three Monday weeks: 02-09 (cut at the
// start), 02-16 (whole) and 02-23 (cut at the end). Hand count below.
func TestQuotaWeeksMidWeek(t *testing.T) {
	s := QuotaScheme{Name: "t", Items: []QuotaItem{
		{Activity: "meeting", Period: Daily, Target: 1},
		{Activity: "seminar", Period: Weekly, Target: 2},
		{Activity: "group", Period: Weekly, Target: 1, MinSize: 60},
	}}
	from, to := MustDate(2026, 2, 11), MustDate(2026, 2, 24)
	var acts []ActivityRecord
	for d := from; d.Compare(to) <= 0; d = d.AddDays(1) {
		if d != MustDate(2026, 2, 14) && d != MustDate(2026, 2, 23) {
			acts = append(acts, ActivityRecord{Person: "p", Kind: "meeting", Day: d})
		}
	}
	for _, d := range []Date{
		MustDate(2026, 2, 10),                        // before the range: ignored
		MustDate(2026, 2, 11), MustDate(2026, 2, 15), // week of 02-09: 2, met
		MustDate(2026, 2, 16), // week of 02-16: 1
		MustDate(2026, 2, 24), // week of 02-23: 1
		MustDate(2026, 2, 25), // after the range: ignored
	} {
		acts = append(acts, ActivityRecord{Person: "p", Kind: "seminar", Day: d})
	}
	// Groups: 60 members count, 59 do not.
	acts = append(acts,
		ActivityRecord{Person: "p", Kind: "group", Day: MustDate(2026, 2, 12), Size: 60},
		ActivityRecord{Person: "p", Kind: "group", Day: MustDate(2026, 2, 17), Size: 59},
		ActivityRecord{Person: "p", Kind: "group", Day: MustDate(2026, 2, 23), Size: 61})
	got, err := EvaluateQuotas(s, []string{"p"}, from, to, acts)
	if err != nil || len(got) != 1 {
		t.Fatalf("EvaluateQuotas = %v, %v", got, err)
	}
	pq := got[0]
	if len(pq.Days) != 14 || pq.CompleteDays != 12 || pq.CompletionRate != 12.0/14 || pq.LongestStreak != 8 || pq.CurrentStreak != 1 {
		t.Errorf("days %d, complete %d, rate %v, longest %d, current %d; want 14, 12, 12/14, 8 (02-15..02-22), 1",
			len(pq.Days), pq.CompleteDays, pq.CompletionRate, pq.LongestStreak, pq.CurrentStreak)
	}
	type week struct {
		start            Date
		partial          bool
		seminars, groups int64
		complete         bool
	}
	want := []week{
		{MustDate(2026, 2, 9), true, 2, 1, true},
		{MustDate(2026, 2, 16), false, 1, 0, false},
		{MustDate(2026, 2, 23), true, 1, 1, false},
	}
	if len(pq.Weeks) != len(want) {
		t.Fatalf("weeks = %+v", pq.Weeks)
	}
	for i, w := range want {
		g := pq.Weeks[i]
		if g.Start != w.start || g.Partial != w.partial || g.Complete != w.complete || len(g.Items) != 2 ||
			g.Items[0].Done != w.seminars || g.Items[1].Done != w.groups ||
			g.Items[0].Shortfall != max(0, 2-w.seminars) || g.Items[0].Met != (w.seminars >= 2) {
			t.Errorf("week %d = %+v, want %+v", i, g, w)
		}
	}
	wantShort := []Shortfall{
		{Daily, MustDate(2026, 2, 14), "meeting", 1},
		{Weekly, MustDate(2026, 2, 16), "seminar", 1},
		{Weekly, MustDate(2026, 2, 16), "group", 1},
		{Daily, MustDate(2026, 2, 23), "meeting", 1}, // daily before weekly on the same start
		{Weekly, MustDate(2026, 2, 23), "seminar", 1},
	}
	if fmt.Sprint(pq.Shortfalls) != fmt.Sprint(wantShort) {
		t.Errorf("shortfalls = %v\nwant %v", pq.Shortfalls, wantShort)
	}
}

// The range limit is inclusive: 3,660 days pass, 3,661 are ErrTooLarge; a
// one-day range (from = to) is one day.
func TestQuotaDaysLimit(t *testing.T) {
	s := QuotaScheme{Items: []QuotaItem{{Activity: "a", Period: Weekly, Target: 1}}}
	from := MustDate(2020, 1, 1)
	if got, err := EvaluateQuotas(s, []string{"p"}, from, from.AddDays(MaxQuotaDays-1), nil); err != nil || len(got[0].Days) != MaxQuotaDays {
		t.Errorf("3660 days: %v", err)
	}
	if _, err := EvaluateQuotas(s, []string{"p"}, from, from.AddDays(MaxQuotaDays), nil); !errors.Is(err, ErrTooLarge) {
		t.Errorf("3661 days: %v, want ErrTooLarge", err)
	}
	got, err := EvaluateQuotas(s, []string{"p"}, from, from, nil)
	if err != nil || len(got[0].Days) != 1 || got[0].CompletionRate != 1 || len(got[0].Weeks) != 1 || !got[0].Weeks[0].Partial {
		t.Errorf("one day: %+v, %v", got, err)
	}
	if _, err := EvaluateQuotas(s, []string{"p"}, from, from.AddDays(-1), nil); !errors.Is(err, ErrInvalidDate) {
		t.Errorf("to before from: %v", err)
	}
}

// A closed clock range holds both ends, may be a single moment (start =
// end), and two ranges that only touch overlap.
func TestClosedClockRangeEdges(t *testing.T) {
	var w ClosedClockRange
	if err := w.UnmarshalText([]byte("09:00-09:00")); err != nil || w != (ClosedClockRange{Clock(9, 0), Clock(9, 0)}) {
		t.Errorf("09:00-09:00 = %v, %v", w, err)
	}
	if err := w.UnmarshalText([]byte("09:00-08:59")); !errors.Is(err, ErrInvalidTimeRange) || w.End != Clock(9, 0) {
		t.Errorf("09:00-08:59 = %v, %v; want ErrInvalidTimeRange, value kept", w, err)
	}
	if err := w.UnmarshalText([]byte("09:00-25:00")); !errors.Is(err, ErrInvalidTimeRange) {
		t.Errorf("09:00-25:00: %v", err)
	}
	if b, err := (ClosedClockRange{Clock(8, 0), Clock(24, 0)}).MarshalText(); err != nil || string(b) != "08:00-24:00" {
		t.Errorf("MarshalText = %q, %v", b, err)
	}
	if _, err := (ClosedClockRange{Clock(8, 0), Clock(7, 59)}).MarshalText(); !errors.Is(err, ErrInvalidTimeRange) {
		t.Errorf("MarshalText of a reversed range: %v", err)
	}
	r := ClosedClockRange{Clock(10, 0), Clock(11, 0)}
	for c, want := range map[ClockTime]bool{Clock(9, 59) + 59: false, Clock(10, 0): true, Clock(11, 0): true, Clock(11, 0) + 1: false} {
		if r.Contains(c) != want {
			t.Errorf("%v.Contains(%v) = %v", r, c, !want)
		}
	}
	for o, want := range map[ClosedClockRange]bool{
		{Clock(11, 0), Clock(12, 0)}: true, {Clock(9, 0), Clock(10, 0)}: true, {Clock(9, 30), Clock(11, 0)}: true,
		{Clock(11, 0) + 1, Clock(12, 0)}: false, {Clock(8, 0), Clock(9, 59) + 59}: false,
	} {
		if r.overlaps(o) != want || o.overlaps(r) != want {
			t.Errorf("%v overlaps %v = %v, want %v", r, o, r.overlaps(o), want)
		}
	}
}

// Decoding compared with expected values, not through the encoder: the
// durations are Go duration strings, a bad one is ErrInvalidJSON, and a
// repeated key is reported with its path (top level and nested).
func TestDecodeKnownValues(t *testing.T) {
	var o ServiceOptions
	if err := json.Unmarshal([]byte(`{"fast_within":"1m30s","attribution_window":"24h0m0s"}`), &o); err != nil ||
		o.FastWithin != 90*time.Second || o.AttributionWindow != 24*time.Hour || o.Schedule != nil {
		t.Errorf("ServiceOptions = %+v, %v", o, err)
	}
	for _, bad := range []string{`{"fast_within":"90"}`, `{"fast_within":90}`, `{"fast_within":"1m","x":1}`} {
		if err := json.Unmarshal([]byte(bad), &o); !errors.Is(err, ErrInvalidJSON) {
			t.Errorf("ServiceOptions %s: %v, want ErrInvalidJSON", bad, err)
		}
	}
	var rs ResponseStats
	if err := json.Unmarshal([]byte(`{"count":2,"mean":"1m45s","p50":"1m45s","p90":"1m57s","max":"2m0s"}`), &rs); err != nil ||
		rs != (ResponseStats{Count: 2, Mean: 105 * time.Second, P50: 105 * time.Second, P90: 117 * time.Second, Max: 2 * time.Minute}) {
		t.Errorf("ResponseStats = %+v, %v", rs, err)
	}
	if err := json.Unmarshal([]byte(`{"count":1,"mean":"soon"}`), &rs); !errors.Is(err, ErrInvalidJSON) || rs.Count != 2 {
		t.Errorf("ResponseStats with a bad duration: %v, value %+v", err, rs)
	}
	for _, tt := range []struct{ give, field string }{
		{`{"name":"a","name":"b"}`, "name"},
		{`{"name":"s","metrics":[{"id":"a","id":"b"}]}`, "metrics[0].id"},
		{`{"name":"s","metrics":[{"id":"a","curve":{"kind":"linear","kind":"bands"}}]}`, "metrics[0].curve.kind"},
		{`{"metrics":[{},{"x":{"y":1},"x":2}]}`, "metrics[1].x"},
	} {
		_, err := ParseScheme([]byte(tt.give))
		var fe *FieldError
		if !errors.As(err, &fe) || !errors.Is(err, ErrInvalidJSON) || fe.Field != tt.field || fe.Detail != "repeated key" {
			t.Errorf("ParseScheme(%s) = %v, want a repeated key at %q", tt.give, err, tt.field)
		}
	}
}

// Schedules and attendance rules decode to the expected values: the zone
// by name, a decoded Schedule is built by NewSchedule (so it works and an
// invalid one is refused), and unknown zones are ErrInvalidJSON.
func TestDecodeScheduleKnownValues(t *testing.T) {
	var s Schedule
	data := `{"location":"Asia/Shanghai","weekly":{"monday":["09:00-18:00"]},"holidays":[],"make_up_days":[]}`
	if err := json.Unmarshal([]byte(data), &s); err != nil || s.Location() == nil || s.Location().String() != "Asia/Shanghai" {
		t.Fatalf("Schedule = %v, %v", s.Location(), err)
	}
	// Monday 2026-02-09 in Shanghai: 09:00-18:00 is 9 hours.
	mon := time.Date(2026, 2, 9, 0, 0, 0, 0, s.Location())
	if got := s.Between(mon, mon.AddDate(0, 0, 7)); got != 9*time.Hour {
		t.Errorf("decoded schedule: a week = %v, want 9h", got)
	}
	if err := json.Unmarshal([]byte(`{"location":"UTC","weekly":{}}`), &s); !errors.Is(err, ErrNoWorkingTime) {
		t.Errorf("no working time: %v, want ErrNoWorkingTime", err)
	}
	if err := json.Unmarshal([]byte(`{"location":"UTC","weekly":{},"x":1}`), &s); !errors.Is(err, ErrInvalidJSON) {
		t.Errorf("unknown key: %v, want ErrInvalidJSON", err)
	}
	var spec ScheduleSpec
	if err := json.Unmarshal([]byte(`{"location":"Mars/Olympus_Mons"}`), &spec); !errors.Is(err, ErrInvalidJSON) {
		t.Errorf("unknown zone: %v, want ErrInvalidJSON", err)
	}
	if err := json.Unmarshal([]byte(`{"location":""}`), &spec); err != nil || spec.Location != nil {
		t.Errorf("empty zone = %v, %v; want nil", spec.Location, err)
	}
	var r AttendanceRules
	if err := json.Unmarshal([]byte(`{"location":"UTC","sign_in":"08:00-09:00","sign_out":"10:00-11:00","exam":"09:30-11:00"}`), &r); err != nil ||
		r.Location != time.UTC || r.SignIn != (ClosedClockRange{Clock(8, 0), Clock(9, 0)}) || r.Exam != (ClosedClockRange{Clock(9, 30), Clock(11, 0)}) {
		t.Errorf("AttendanceRules = %+v, %v", r, err)
	}
	if err := json.Unmarshal([]byte(`{"location":"UTC","sign_in":"09:00-08:00"}`), &r); !errors.Is(err, ErrInvalidTimeRange) {
		t.Errorf("reversed sign-in: %v, want ErrInvalidTimeRange", err)
	}
}

// MaxQuotaCells is inclusive: 4,000 people × 1 item × 2,500 days is exactly
// 10,000,000 cells and passes the limit (the call then fails on its one
// activity, of a person not on the roster, before any result is built).
func TestQuotaCellsLimitInclusive(t *testing.T) {
	roster := make([]string, 4000)
	for i := range roster {
		roster[i] = strconv.Itoa(i)
	}
	s := QuotaScheme{Items: []QuotaItem{{Activity: "a", Period: Weekly, Target: 1}}}
	from := MustDate(2020, 1, 6)
	acts := []ActivityRecord{{Person: "nobody", Kind: "a", Day: from}}
	if _, err := EvaluateQuotas(s, roster, from, from.AddDays(2499), acts); !errors.Is(err, ErrInconsistent) {
		t.Errorf("10,000,000 cells: %v, want the roster error past the limit", err)
	}
	if _, err := EvaluateQuotas(s, append(roster, "x"), from, from.AddDays(2499), acts); !errors.Is(err, ErrTooLarge) {
		t.Errorf("10,002,500 cells: %v, want ErrTooLarge", err)
	}
}

// The mean of response times is the exact mean truncated toward zero, with
// the remainders carried: 1 ns and 1 ns average 1 ns (the remainders 1 + 1
// make one whole 2/2), 1 and 2 ns 1 ns (1.5 truncated), three of 1 ns 1 ns,
// and two of the largest Duration that Duration, without overflow.
func TestStatsMeanCarries(t *testing.T) {
	for _, tt := range []struct {
		give []time.Duration
		want time.Duration
	}{
		{[]time.Duration{1, 1}, 1}, {[]time.Duration{2, 1}, 1}, {[]time.Duration{1, 1, 1}, 1},
		{[]time.Duration{1, 1, 2}, 1}, {[]time.Duration{2, 2, 1}, 1}, {[]time.Duration{5, 5, 5, 6}, 5},
		{[]time.Duration{math.MaxInt64, math.MaxInt64}, math.MaxInt64},
		{[]time.Duration{math.MaxInt64, math.MaxInt64 - 1}, math.MaxInt64 - 1},
	} {
		got := stats(slices.Clone(tt.give))
		if got.Mean != tt.want || got.Count != int64(len(tt.give)) || got.Max != slices.Max(tt.give) {
			t.Errorf("stats(%v) = %+v, want mean %d", tt.give, got, tt.want)
		}
	}
}
