package funnel

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests written from the survivors of the whole-package gremlins run of
// funnel (issue 19) in the correlation files (correlation.go,
// correlation_merge.go) and the binary forms (binary.go).

// TestCorrelationOneStepSpanIsEmpty: a one-step funnel completes at the
// step-1 event itself, so the span (Correlation's doc: from the first
// step-1 event to the instant the steps complete) is empty and no event
// counts: u1 views and then uses a coupon 5 minutes later, inside the
// window. Both actors converted (S = 2, F = 0). The span used to run one
// window past the view, as if the steps never completed (correlation.go
// span, "next < len(f.steps)").
func TestCorrelationOneStepSpanIsEmpty(t *testing.T) {
	c := Correlation{Funnel: MustNew([]Matcher{{Event: "view"}}, time.Hour)}
	tab, err := c.Run([]Event{ev("u1", 0, "view"), ev("u1", 5, "coupon"), ev("u2", 0, "view"), ev("u2", 1, "view")})
	require.NoError(t, err)
	s, f := tab.Totals()
	assert.Equal(t, [2]int64{2, 0}, [2]int64{s, f})
	assert.Empty(t, tab.Counts())
}
