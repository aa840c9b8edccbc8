// Package golden checks an example program's output against its golden
// file, testdata/NAME.golden, for the programs under examples/.
package golden

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden file with the current output")

// Check runs the program twice: the output must not change between runs
// (no clock, no map order, no randomness), and must equal
// testdata/name.golden. Run `go test ./examples/NAME -update` after an
// intended change and review the diff.
func Check(t *testing.T, name string, run func(io.Writer) error) {
	t.Helper()
	var out, again bytes.Buffer
	require.NoError(t, run(&out))
	require.NoError(t, run(&again))
	assert.Equal(t, out.String(), again.String(), "the output changed between two runs")
	file := filepath.Join("testdata", name+".golden")
	if *update {
		require.NoError(t, os.WriteFile(file, out.Bytes(), 0o644))
	}
	want, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Equal(t, string(want), out.String())
}
