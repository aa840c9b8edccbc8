package pricing

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckParity(t *testing.T) {
	online := map[string]Money{"A1": ruleCNY("9.90"), "B2": ruleCNY("5.0"), "C3": ruleCNY("3.00"), "E5": ruleCNY("1.00")}
	offline := map[string]Money{"A1": ruleCNY("10.50"), "B2": ruleCNY("5.00"), "D4": ruleCNY("7.00"), "E5": ruleCNY("1.20")}
	diffs, err := CheckParity(online, offline)
	require.NoError(t, err)
	var got []string
	for _, d := range diffs {
		got = append(got, d.String())
	}
	assert.Equal(t, []string{
		"A1: price-differs online CNY 9.90 offline CNY 10.50 (diff CNY -0.60)",
		"C3: missing-offline online CNY 3.00",
		"D4: missing-online offline CNY 7.00",
		"E5: price-differs online CNY 1.00 offline CNY 1.20 (diff CNY -0.20)",
	}, got)
	same, err := CheckParity(map[string]Money{"A": ruleCNY("1")}, map[string]Money{"A": ruleCNY("1.00")})
	require.NoError(t, err)
	assert.Empty(t, same)
	assert.Equal(t, "ParityKind(0)", ParityKind(0).String())
}

func TestCheckParityErrors(t *testing.T) {
	tests := []struct {
		name            string
		online, offline map[string]Money
		want            error
	}{
		{"mismatch", map[string]Money{"A": ruleCNY("1")}, map[string]Money{"A": MustNew("1", HKD)}, ErrCurrencyMismatch},
		{"online zero money", map[string]Money{"A": {}}, nil, ErrUnknownCurrency},
		{"offline zero money", nil, map[string]Money{"A": {}}, ErrUnknownCurrency},
	}
	for _, tt := range tests {
		_, err := CheckParity(tt.online, tt.offline)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
}
