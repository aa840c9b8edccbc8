package kpi

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests written from the survivors of the gremlins run over the rest of
// kpi (issue 19), for quota.go.

// A week is partial only when the range cuts it: a range from Monday
// 2026-02-09 to Sunday 2026-02-22 (the calendar: 02-09 is a Monday) holds
// two whole weeks, the second ending exactly on the range's last day; a
// range ending on Saturday 02-21 cuts the second.
func TestQuotaWeekEndingOnTo(t *testing.T) {
	s := QuotaScheme{Items: []QuotaItem{{Activity: "visit", Period: Weekly, Target: 1}}}
	mon := MustDate(2026, 2, 9)
	res, err := EvaluateQuotas(s, []string{"a"}, mon, mon.AddDays(13), nil)
	require.NoError(t, err)
	require.Len(t, res[0].Weeks, 2)
	assert.False(t, res[0].Weeks[0].Partial, "02-09..02-15")
	assert.False(t, res[0].Weeks[1].Partial, "02-16..02-22 ends on to")

	res, err = EvaluateQuotas(s, []string{"a"}, mon, mon.AddDays(12), nil)
	require.NoError(t, err)
	require.Len(t, res[0].Weeks, 2)
	assert.True(t, res[0].Weeks[1].Partial, "02-16..02-22 cut at 02-21")
}
