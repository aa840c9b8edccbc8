package funnel

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestActorTableMatchesInterner checks the Run interner against Interner:
// the same IDs in order of first appearance, through many rehashes, with
// strings that share prefixes, differ only in length, are empty or long.
func TestActorTableMatchesInterner(t *testing.T) {
	var keys []string
	for i := 0; i < 5000; i++ {
		keys = append(keys, "a-"+strconv.Itoa(i*7919%3001))
		if i%97 == 0 {
			keys = append(keys, "", "a-", strings.Repeat("x", i%300), "a-"+strconv.Itoa(i)+"-tail")
		}
	}
	var events []Event
	for _, k := range keys {
		events = append(events, Event{Actor: k})
	}
	var want Interner
	tab := newActorTable(0, nil)
	got := make([]int32, len(events))
	for lo := 0; lo < len(events); lo += internBatchLen {
		hi := min(lo+internBatchLen, len(events))
		tab.internBatch(events[lo:hi], got[lo:hi])
	}
	names := tab.names()
	for i, k := range keys {
		require.Equal(t, want.Intern(k), got[i], "events[%d] %q", i, k)
		require.Equal(t, k, names[got[i]])
	}
	require.Equal(t, len(want.Names()), tab.len())
}

// TestActorTableTagCollision forces every string into one slot with one
// tag: the IDs must still be told apart by the strings.
func TestActorTableTagCollision(t *testing.T) {
	tab := newActorTable(0, nil)
	const h = 5 << 32
	require.Equal(t, int32(0), tab.intern("a", h))
	require.Equal(t, int32(1), tab.intern("b", h))
	require.Equal(t, int32(2), tab.intern("ab", h))
	require.Equal(t, int32(1), tab.intern("b", h))
	require.Equal(t, int32(0), tab.intern("a", h))
	require.Equal(t, int32(2), tab.intern("ab", h))
}

// TestSortByTime checks both paths of sortByTime (insertion sort and the
// permutation for long runs) against a stable sort: equal times keep their
// order, and the breakdown values move with their events.
func TestSortByTime(t *testing.T) {
	for _, n := range []int{0, 1, 5, 32, 33, 200} {
		run := make([]byActorEvent, n)
		g := make([]int32, n)
		x := uint64(n + 1)
		for i := range run {
			x = x*6364136223846793005 + 1442695040888963407
			run[i] = byActorEvent{t: int64(x>>60) % 7, m: uint64(i)}
			g[i] = int32(i)
		}
		want := slices.Clone(run)
		slices.SortStableFunc(want, func(a, b byActorEvent) int { return cmp.Compare(a.t, b.t) })
		sortByTime(run, g)
		require.Equal(t, want, run, "n=%d", n)
		for i := range run {
			require.Equal(t, int32(run[i].m), g[i], "n=%d: breakdown of events[%d]", n, i)
		}
		withoutG := slices.Clone(run)
		slices.Reverse(withoutG)
		sortByTime(withoutG, nil)
		require.True(t, slices.IsSortedFunc(withoutG, func(a, b byActorEvent) int { return cmp.Compare(a.t, b.t) }))
	}
}

// TestNameMasks checks the cache of masks by event name against stepMask,
// with names that share a slot, and its bypass for predicate steps.
func TestNameMasks(t *testing.T) {
	steps := []Matcher{{Event: "ab"}, {Name: "ab2", Event: "ab"}, {Name: "c", Event: "cb"}, {Event: "p"}, {Event: "x"}}
	byName := MustNew(steps, time.Hour, WithExclusions(Exclusion{Event: "zz", After: "ab", Before: "c"}))
	withWhere := MustNew(append(slices.Clone(steps), Matcher{Name: "any", Where: func(e Event) bool { return e.Props["x"] == "1" }}), time.Hour)
	// "ab" and "cb" have the same length and last byte; "" has no bytes.
	// "p" and "x" share a slot (issue 19): 1·31 + 7·112 + 112 = 927 and
	// 1·31 + 7·120 + 120 = 991 are 64 apart.
	names := []string{"ab", "cb", "ab", "", "zz", "cb", "other", "", "ab", "p", "x", "p", "x", "x"}
	for _, f := range []Funnel{byName, withWhere} {
		c := newNameMasks(&f)
		for i, n := range names {
			e := Event{Actor: "u", Name: n, Props: map[string]string{"x": strconv.Itoa(i % 2)}}
			require.Equal(t, f.stepMask(&e), c.mask(&e), "%q", n)
		}
	}
	require.True(t, newNameMasks(&byName).byName)
	require.False(t, newNameMasks(&withWhere).byName)
}

// TestNameCacheCollision: names that share a cache slot (same length,
// first, middle and last byte: "view" and "vxew") keep their own masks and
// IDs, in any order of arrival (issue 19: a collision could return another
// name's mask).
func TestNameCacheCollision(t *testing.T) {
	require.Equal(t, nameSlot("view"), nameSlot("vxew"))
	require.Equal(t, nameSlot("view"), nameSlot("vyew"))
	f := MustNew([]Matcher{{Event: "view"}, {Event: "vxew"}}, time.Hour)
	c := newNameMasks(&f)
	m := newMaskIDs(&f)
	for _, name := range []string{"view", "vxew", "vxew", "view", "vyew", "view"} {
		e := Event{Name: name}
		assert.Equal(t, f.stepMask(&e), c.mask(&e), name)
		id, ok := m.id(&e)
		assert.True(t, ok)
		assert.Equal(t, f.stepMask(&e), m.table[id], name)
	}
	ids := newNameIDs()
	got := []int32{}
	for _, name := range []string{"view", "vxew", "view", "vxew", "vyew"} {
		got = append(got, ids.id(name))
	}
	assert.Equal(t, []int32{0, 1, 0, 1, 2}, got)
	assert.Equal(t, []string{"view", "vxew", "vyew"}, ids.names)
	// The run agrees: u did view then vxew (2 steps), v did vxew only.
	r, err := f.Run([]Event{ev("u", 0, "view"), ev("v", 0, "vxew"), ev("u", 1, "vxew")})
	require.NoError(t, err)
	assert.Equal(t, []int64{1, 1}, r.Counts())
}

// TestEmptyEventName: an event with an empty name is another tracked event
// on both paths (the name caches must not read its first byte).
func TestEmptyEventName(t *testing.T) {
	f := MustNew(vcp, time.Hour, WithStepOrder(Strict))
	events := []Event{ev("u", 0, "view"), ev("u", 1, ""), ev("u", 2, "cart"), ev("v", 0, "view"), ev("v", 1, "cart")}
	r, err := f.Run(events)
	require.NoError(t, err)
	assert.Equal(t, []int64{2, 1, 0}, r.Counts(), "the empty name breaks u's strict attempt")
	c, _, _, err := f.Encode(events)
	require.NoError(t, err)
	assert.Equal(t, []string{"view", "", "cart"}, c.Names)
	rc, err := f.RunColumns(c)
	require.NoError(t, err)
	assert.True(t, r.Equal(rc))
}

// TestNameSlotsOfCommonNames: the event names of a shop's funnel fall in
// distinct cache slots, so that a log of them never misses the cache
// ("order" and "other" collided when only the first and last bytes
// counted).
func TestNameSlotsOfCommonNames(t *testing.T) {
	seen := map[int]string{}
	for _, name := range []string{"other", "view", "detail", "cart", "order", "pay", "search", "leave", "signup", "login"} {
		s := nameSlot(name)
		assert.True(t, s >= 0 && s < nameSlots, name)
		if prev, dup := seen[s]; dup {
			t.Errorf("%q and %q share slot %d", prev, name, s)
		}
		seen[s] = name
	}
	assert.Equal(t, 0, nameSlot(""))
}
