package funnel

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestResultBinaryRoundTrip(t *testing.T) {
	f := MustNew([]Matcher{{Event: "view"}, {Event: "cart"}, {Event: "pay"}}, time.Hour, WithBreakdown("ch", AtFirstStep))
	ev := []Event{
		{Actor: "a", Time: base, Name: "view", Props: map[string]string{"ch": "app"}},
		{Actor: "a", Time: base.Add(time.Minute), Name: "cart"},
		{Actor: "a", Time: base.Add(3 * time.Minute), Name: "pay"},
		{Actor: "b", Time: base, Name: "view", Props: map[string]string{"ch": "web"}},
		{Actor: "b", Time: base.Add(2 * time.Minute), Name: "cart"},
		{Actor: "c", Time: base, Name: "view"},
	}
	r, err := f.Run(ev)
	require.NoError(t, err)
	b, err := r.MarshalBinary()
	require.NoError(t, err)
	var got Result
	require.NoError(t, got.UnmarshalBinary(b))
	assert.True(t, r.Equal(got))
	js, err := r.MarshalJSON()
	require.NoError(t, err)
	assert.Less(t, len(b), len(js))
	// The zero Result.
	b, err = Result{}.MarshalBinary()
	require.NoError(t, err)
	require.NoError(t, got.UnmarshalBinary(b))
	assert.True(t, Result{}.Equal(got))
}
