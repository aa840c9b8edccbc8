package kpi

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden JSON files in testdata/golden")

// goldenJSON compares the indented JSON of v with testdata/golden/NAME.json
// byte for byte (rewritten with -update).
func goldenJSON(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	require.NoError(t, err, name)
	got = append(got, '\n')
	path := filepath.Join("testdata", "golden", name+".json")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update once to create %s", path)
	assert.Equal(t, string(want), string(got), name)
}

// One representative value of every exported result type, in JSON.
func TestGoldenJSON(t *testing.T) {
	sh := loadLoc(t, "Asia/Shanghai")
	d := MustDate(2026, 2, 9)
	at := func(h, m, s int) time.Time { return time.Date(2026, 2, 9, h, m, s, 0, sh) }
	att, err := EffectiveAttendance([]AttendanceRecord{
		{Person: "ann", Team: "A", Day: d, SignIn: at(9, 0, 0), Exam: at(9, 30, 0), SignOut: at(11, 0, 0)},
		{Person: "ben", Team: "A", Day: d, SignIn: at(8, 10, 0), Exam: at(10, 0, 0)},
	}, Rules5512(sh))
	require.NoError(t, err)
	goldenJSON(t, "attendance_report", att)

	plan := CommissionPlan{Currency: cny("0").Currency(), Method: Marginal, Tiers: issueTiers(), Cap: cny("20000")}
	com, err := plan.Compute(Sales{Gross: cny("180000"), Refunds: cny("5000")})
	require.NoError(t, err)
	goldenJSON(t, "commission_result", com)

	cards, err := csScheme().ScoreAll([]Observation{
		{Person: "amy", Period: "2026-02", Values: map[string]float64{"frt": 30, "conv": 40, "reception": 100, "quiz": 100}},
		{Person: "bo", Period: "2026-02", Values: map[string]float64{"frt": 60, "conv": 20, "reception": 50, "quiz": 0}},
	})
	require.NoError(t, err)
	goldenJSON(t, "scorecard", cards[1])
	team, err := RollUp("cs", cards, Mean, nil)
	require.NoError(t, err)
	goldenJSON(t, "team_score", team)

	ranked, err := Rank(quizDay(), Competition)
	require.NoError(t, err)
	goldenJSON(t, "ranked", ranked)
	rewards, err := Rewards(quizDay(), []RewardRule{
		{Name: "quiz 2.88", Kind: Everyone, Amount: cny("2.88")},
		{Name: "top5 6.6", Kind: TopN, N: 5, MinScore: 100, Order: ByTime, Amount: cny("6.6"), Budget: cny("20")},
	})
	require.NoError(t, err)
	goldenJSON(t, "reward_result", rewards)

	mon := MustDate(2026, 2, 9)
	quotas, err := EvaluateQuotas(Scheme5512(), []string{"amy"}, mon, mon.AddDays(1), []ActivityRecord{
		{Person: "amy", Kind: ActivityMeeting, Day: mon}, {Person: "amy", Kind: ActivityOldCall, Day: mon},
	})
	require.NoError(t, err)
	goldenJSON(t, "person_quota", quotas)

	msgs, orders := serviceLog()
	svc, err := ServiceMetrics(msgs, orders, ServiceOptions{})
	require.NoError(t, err)
	goldenJSON(t, "service_report", svc)

	asOf := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	dsr, err := RollingDSR([]Rating{{At: asOf, Description: 5, Service: 4, Shipping: 4}, {At: asOf.Add(-time.Hour), Description: 4, Service: 5}}, asOf, 180*24*time.Hour, DSR{Description: 4.8, Service: 4.0, Shipping: 4.5})
	require.NoError(t, err)
	goldenJSON(t, "dsr_report", dsr)
	goldenJSON(t, "dsr_drops", DSRDrops(dsr, DSRReport{Count: [3]int64{1, 1, 1}, Average: DSR{4, 4, 4}}))
}
