package promo

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The code at index Capacity() (the first the seed never issues) is well
// formed but not issued; the one at Capacity()-1 is index Capacity()-1
// (code.go:603, `idx >= f.Capacity()`). The codes are made with the
// cipher itself, as Generate refuses the first one.
func TestMutationRestIndexAtCapacity(t *testing.T) {
	f := MustCodeFormat("SD", 6)
	c, err := f.codeNewCipher(codeTestSeed)
	require.NoError(t, err)
	capa := f.Capacity() // 887,503
	for _, tt := range []struct {
		idx    uint64
		issued bool
	}{{capa - 1, true}, {capa, false}, {capa + 1, false}} {
		a, b := c.permute(tt.idx)
		code := string(c.write(nil, f.prefix, a, b))
		_, err := f.Check(code)
		require.NoError(t, err, "index %d: well formed", tt.idx)
		got, err := f.Index(codeTestSeed, code)
		if tt.issued {
			require.NoError(t, err)
			assert.Equal(t, tt.idx, got)
		} else {
			assert.ErrorIs(t, err, ErrCodeNotIssued, "index %d", tt.idx)
		}
	}
}
