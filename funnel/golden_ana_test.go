package funnel

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestGoldenJSONAnalyses pins the JSON of the result types of the
// analyses: a retention table read at an as-of time (pending periods),
// an uplift test, a customer segment, and a correlation table and report.
func TestGoldenJSONAnalyses(t *testing.T) {
	r := Retention{Start: Matcher{Event: "signup"}, Return: Matcher{Event: "pay"}, Periods: 3, Location: cst, AsOf: at(3, 18, 0)}
	tab, err := r.Run(retentionEvents)
	require.NoError(t, err)
	golden(t, "retention_table_as_of", tab)

	up, err := ProportionUplift(200, 1000, 250, 1000, 0.95)
	require.NoError(t, err)
	golden(t, "uplift_test", up)

	asOf := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	segs, err := Segmentation{AsOf: asOf, VIPSpend: cnyAmount("1000")}.Run(segmentPurchases())
	require.NoError(t, err)
	golden(t, "customer_segments", segs)

	ct, err := signupCorrelation("kind").Run(videoEvents())
	require.NoError(t, err)
	golden(t, "correlation_table", ct)
	rep, err := ct.Report(0, 0)
	require.NoError(t, err)
	golden(t, "correlation_report", rep)
}
