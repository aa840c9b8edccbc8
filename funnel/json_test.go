package funnel

import (
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden JSON files in testdata/json")

// golden compares the indented JSON of v with testdata/json/name.json.
func golden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	require.NoError(t, err)
	got = append(got, '\n')
	path := filepath.Join("testdata", "json", name+".json")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got), name)
}

// sampleResult is the hand-built funnel of TestRunTimes with a breakdown.
func sampleResult(t *testing.T, events []Event) Result {
	f := MustNew(vcp, 10*time.Minute, WithBreakdown("ch", AtFirstStep), WithExclusions(Exclusion{Event: "leave", After: "view", Before: "pay"}))
	r, err := f.Run(events)
	require.NoError(t, err)
	return r
}

var sampleEvents = []Event{
	ev("u1", 0, "view", "ch", "ads"), ev("u1", 1, "cart"), ev("u1", 3, "pay"),
	ev("u2", 0, "view", "ch", "seo"), ev("u2", 5, "cart"),
	ev("u3", 0, "view", "ch", "ads"), ev("u3", 2, "cart"), ev("u3", 10, "pay"),
}

func TestGoldenJSON(t *testing.T) {
	r := sampleResult(t, sampleEvents)
	golden(t, "result", r)
	plain, err := MustNew(vcp, 10*time.Minute).Run(sampleEvents)
	require.NoError(t, err)
	golden(t, "result_plain", plain)
	golden(t, "result_zero", Result{})
	iv, _ := Wilson(82, 4747, 0.95)
	golden(t, "interval", iv)
	z, _ := TwoProportionZTest(200, 1000, 250, 1000)
	golden(t, "ztest", z)
	golden(t, "timing", plain.Overall())
	golden(t, "step_result", plain.Steps()[1])
	golden(t, "group", r.Groups()[0])
	cst := time.FixedZone("CST", 8*3600)
	day := func(d int) time.Time { return time.Date(2026, 3, d, 10, 0, 0, 0, cst) }
	tab, err := Retention{Start: Matcher{Event: "signup"}, Return: Matcher{Event: "pay"}, Periods: 2, Location: cst}.Run([]Event{
		{Actor: "a", Time: day(1), Name: "signup"}, {Actor: "a", Time: day(2), Name: "pay"},
		{Actor: "b", Time: day(1), Name: "signup"}, {Actor: "b", Time: day(3), Name: "pay"},
		{Actor: "c", Time: day(2), Name: "signup"},
	})
	require.NoError(t, err)
	golden(t, "retention_table", tab)
	lc, err := Lifecycle{Active: Matcher{Event: "open"}, Location: cst}.Run([]Event{
		{Actor: "a", Time: day(1), Name: "open"}, {Actor: "a", Time: day(2), Name: "open"},
		{Actor: "b", Time: day(1), Name: "open"}, {Actor: "b", Time: day(3), Name: "open"},
	})
	require.NoError(t, err)
	golden(t, "lifecycle", lc)
	rep, err := Repurchase{Purchase: Matcher{Event: "pay"}, From: day(1), To: day(31)}.Run([]Event{
		{Actor: "a", Time: day(1), Name: "pay"}, {Actor: "a", Time: day(5), Name: "pay"},
		{Actor: "b", Time: day(2), Name: "pay"},
	})
	require.NoError(t, err)
	golden(t, "repurchase_report", rep)
	st := Stages{Consult: Matcher{Event: "ask"}, Order: Matcher{Event: "order"}, LoyalOrders: 2, LoyalWindow: 30 * 24 * time.Hour}
	stEvents := []Event{{Actor: "a", Time: day(1), Name: "ask"}, {Actor: "a", Time: day(3), Name: "order"}, {Actor: "b", Time: day(2), Name: "ask"}}
	sc, err := st.On(stEvents, day(4))
	require.NoError(t, err)
	golden(t, "stage_counts", sc)
	tr, err := st.Between(stEvents, day(2), day(4))
	require.NoError(t, err)
	golden(t, "transitions", tr)
	_, checks, err := PopularItem(ItemMetrics{Conversion: 0.031, Bounce: 0.40, Favourites: 180, Rating: 4.8}, ItemMetrics{Conversion: 0.020, Bounce: 0.50, Favourites: 120, Rating: 4.7})
	require.NoError(t, err)
	golden(t, "metric_checks", checks)
	plan := Plan{UVLow: 1500, UVHigh: 2000, CR: decimal.RequireFromString("0.03"), AOV: cny("110"), Days: 30}
	findings, err := CheckPlan(StatedPlan{Plan: plan, DailyLow: cny("3300"), DailyHigh: cny("6000")}, decimal.RequireFromString("0.02"))
	require.NoError(t, err)
	golden(t, "findings", findings)
	proj, err := plan.Project()
	require.NoError(t, err)
	golden(t, "projection", proj)
	d, err := Decompose(GMVFactors{UV: 1000, CR: decimal.RequireFromString("0.03"), AOV: cny("100")},
		GMVFactors{UV: 1200, CR: decimal.RequireFromString("0.025"), AOV: cny("110")})
	require.NoError(t, err)
	golden(t, "decomposition", d)
}

func TestResultJSONRoundTrip(t *testing.T) {
	for _, r := range []Result{sampleResult(t, sampleEvents), {}} {
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var back Result
		require.NoError(t, json.Unmarshal(b, &back))
		assert.True(t, back.Equal(r), "%s", b)
		again, err := json.Marshal(back)
		require.NoError(t, err)
		assert.JSONEq(t, string(b), string(again))
	}
}

// TestDecodedResultsMerge: shards stored as JSON and decoded merge like the
// originals, into the one-pass result.
func TestDecodedResultsMerge(t *testing.T) {
	whole := sampleResult(t, sampleEvents)
	east := sampleResult(t, sampleEvents[:3])
	west := sampleResult(t, sampleEvents[3:])
	var decoded []Result
	for _, r := range []Result{west, east} {
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var back Result
		require.NoError(t, json.Unmarshal(b, &back))
		decoded = append(decoded, back)
	}
	merged, err := Merge(decoded...)
	require.NoError(t, err)
	assert.True(t, merged.Equal(whole))
	orig, err := Merge(west, east)
	require.NoError(t, err)
	assert.True(t, merged.Equal(orig))
	// A decoded result also merges with a fresh one.
	mixed, err := Merge(decoded[0], east)
	require.NoError(t, err)
	assert.True(t, mixed.Equal(whole))
	assert.Equal(t, whole.Steps(), merged.Steps())
}

func TestResultJSONRejects(t *testing.T) {
	b, err := json.Marshal(sampleResult(t, sampleEvents))
	require.NoError(t, err)
	good := string(b)
	tests := []struct {
		name      string
		from, to  string
		wantField string
	}{
		{"unknown key", `"overall":`, `"extra":1,"overall":`, ""},
		{"duplicate key", `"overall":`, `"overall":{"n":0,"mean":"0s","median":"0s","p90":"0s"},"overall":`, ""},
		{"count grows", `"name":"pay","count":2`, `"name":"pay","count":9`, "steps[2].count"},
		{"negative count", `"name":"pay","count":2`, `"name":"pay","count":-1`, "steps[2].count"},
		{"duration beyond window", `"overall_durations":["3m0s"`, `"overall_durations":["11m0s"`, "overall_durations[0]"},
		{"missing duration", `"overall_durations":["3m0s",`, `"overall_durations":[`, "overall_durations"},
		{"bad order name", `"order":"ordered"`, `"order":"sideways"`, "steporder"},
		{"zero window", `"window":"10m0s"`, `"window":"0s"`, "funnel.unit"},
		{"bad step name", `"steps":[{"name":"view"`, `"steps":[{"name":"look"`, "steps[0].name"},
	}
	for _, tt := range tests {
		require.Contains(t, good, tt.from, tt.name)
		bad := strings.Replace(good, tt.from, tt.to, 1)
		var r Result
		err := json.Unmarshal([]byte(bad), &r)
		var fe *FieldError
		require.ErrorAs(t, err, &fe, tt.name)
		if tt.wantField != "" {
			assert.Contains(t, fe.Field, tt.wantField, tt.name)
		}
		if tt.name != "bad order name" {
			assert.ErrorIs(t, err, ErrInvalidJSON, tt.name)
		}
	}
}

// TestMergeDecodedHugeCounts: stored counts near 2^63 must not wrap when
// merged.
func TestMergeDecodedHugeCounts(t *testing.T) {
	doc := `{"funnel":{"steps":["view"],"window":"1h0m0s","unit":"1ns","order":"ordered","reentry":"restart","counting":"uniques","attribution":"first_step","breakdown":"none","exclusions":[]},` +
		`"steps":[{"name":"view","count":9223372036854775807,"from_previous":1,"from_first":1,"drop_off":0,"drop_off_rate":0,"time":{"n":0,"mean":"0s","median":"0s","p90":"0s"},"durations":[]}],` +
		`"overall":{"n":0,"mean":"0s","median":"0s","p90":"0s"},"overall_durations":[]}`
	var r Result
	require.NoError(t, json.Unmarshal([]byte(doc), &r))
	assert.Equal(t, []int64{math.MaxInt64}, r.Counts())
	_, err := Merge(r, r)
	require.ErrorIs(t, err, ErrTooLarge)
}

func FuzzResultJSON(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, byte(0), []byte(nil))
		f.Add(s, byte(17), []byte(`{"funnel":null}`))
	}
	f.Fuzz(func(t *testing.T, data []byte, o byte, doc []byte) {
		fn := fuzzFunnel(o)
		c := fitCodes(fuzzColumns(data, false), fn)
		r, err := fn.RunColumns(c)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var back Result
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%v: %s", err, b)
		}
		if !back.Equal(r) {
			t.Fatalf("round trip differs: %s", b)
		}
		// Arbitrary documents: an error or a result that round-trips.
		var any Result
		if err := json.Unmarshal(doc, &any); err == nil {
			b2, err := json.Marshal(any)
			if err != nil {
				t.Fatal(err)
			}
			var again Result
			if err := json.Unmarshal(b2, &again); err != nil || !again.Equal(any) {
				t.Fatalf("decoded result does not round-trip: %v %s", err, b2)
			}
			_, _ = Merge(any, any)
		}
	})
}

var _ = pricing.CNY
