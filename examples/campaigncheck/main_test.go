package main

import (
	"testing"

	"github.com/opskit/opskit/examples/internal/golden"
)

// TestGolden compares the output with testdata/campaigncheck.golden and
// checks that two runs print the same.
func TestGolden(t *testing.T) { golden.Check(t, "campaigncheck", run) }
