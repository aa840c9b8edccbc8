package funnel

import (
	"hash/maphash"
	"slices"
	"strings"
)

// actorTable gives the actors of one [Funnel.Run] dense int32 IDs in order
// of first appearance, like [Interner], but is built for millions of
// lookups in random order, where a map[string]int32 spends most of its time
// waiting for memory: first on the caller's string (a fresh allocation
// somewhere in the heap), then on the map's group, then on its key.
//
// internBatch overlaps the first two waits across a batch of events. The
// table itself is compact, so that probes and key comparisons mostly hit
// the cache: one uint64 per slot (a 32-bit hash tag and the ID) and the
// interned strings back to back in one byte slice. It is not safe for
// concurrent use.
type actorTable struct {
	seed    maphash.Seed
	slots   []uint64 // open addressing, linear probing: tag<<32 | id+1; 0 is empty
	arena   []byte   // the strings of every ID, back to back
	ends    []int    // ends[id]: end of the ID's string in arena; it starts at ends[id-1] (or 0)
	touched uint64   // see internBatch
}

// newActorTable returns an empty table sized for the actors of about
// events events: a log has several events per actor, so the slots start at
// events/4 rounded up to a power of two (at most 2^22, 32 MB), which spares
// the rehashes of growing from a few slots (each one hashes every string
// again); a table that needs more still grows.
func newActorTable(events int) *actorTable {
	slots := 64
	for slots < events/4 && slots < 1<<22 {
		slots *= 2
	}
	return &actorTable{seed: maphash.MakeSeed(), slots: make([]uint64, slots)}
}

// len returns the number of IDs assigned.
func (t *actorTable) len() int { return len(t.ends) }

// hash returns the hash of s that intern expects.
func (t *actorTable) hash(s string) uint64 { return maphash.String(t.seed, s) }

// name returns the string of id, without allocating when compared.
func (t *actorTable) name(id int32) []byte {
	start := 0
	if id > 0 {
		start = t.ends[id-1]
	}
	return t.arena[start:t.ends[id]]
}

// intern returns the ID of s, whose hash is h, assigning the next one if s
// is new.
func (t *actorTable) intern(s string, h uint64) int32 {
	mask := uint64(len(t.slots) - 1)
	tag := h >> 32
	for i := h & mask; ; i = (i + 1) & mask {
		v := t.slots[i]
		if v == 0 {
			return t.add(s, h, i)
		}
		if v>>32 == tag {
			id := int32(uint32(v)) - 1
			if string(t.name(id)) == s { // no allocation: the compiler compares in place
				return id
			}
		}
	}
}

// add assigns the next ID to s and stores it in the empty slot i.
func (t *actorTable) add(s string, h uint64, i uint64) int32 {
	id := int32(len(t.ends))
	t.arena = append(grow(t.arena, len(s)), s...)
	t.ends = append(grow(t.ends, 1), len(t.arena))
	t.slots[i] = h>>32<<32 | uint64(id+1)
	if 2*len(t.ends) > len(t.slots) { // keep the load at most 1/2: short probes
		t.rehash()
	}
	return id
}

// grow returns s with room for at least n more elements, doubling its
// capacity when it must grow: append grows large slices by only a quarter,
// which here would allocate five times the final size in total.
func grow[S ~[]E, E any](s S, n int) S {
	if len(s)+n <= cap(s) {
		return s
	}
	return slices.Grow(s, max(n, len(s)))
}

// rehash doubles the slots and reinserts every ID. Hashing the interned
// strings again reads the arena in order, which is cheaper than keeping
// every hash.
func (t *actorTable) rehash() {
	t.slots = make([]uint64, 2*len(t.slots))
	mask := uint64(len(t.slots) - 1)
	for id := range t.ends {
		h := t.hash(string(t.name(int32(id))))
		i := h & mask
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = h>>32<<32 | uint64(id+1)
	}
}

// internBatchLen is how many actors internBatch takes at a time: enough to
// overlap many cache misses, few enough that what they load stays in the
// first-level cache (a batch of events with short actor IDs touches about
// 3 × internBatchLen cache lines: the events, their strings, their slots).
const internBatchLen = 128

// internBatch sets ids[i] to the ID of events[i].Actor, for at most
// internBatchLen events.
//
// On input in random order each actor string is a cache miss, and so is
// its slot in the table; interning one event at a time waits for them one
// after the other. Here short loops of independent iterations first read
// one byte of every string, then hash every string and read its first
// slot; the processor overlaps the misses of many iterations. The values
// read are folded into t.touched only so that the compiler keeps the
// loads. Interning then finds the strings and slots in cache.
func (t *actorTable) internBatch(events []Event, ids []int32) {
	var hs [internBatchLen]uint64
	var touched uint64
	for i := range events {
		if a := events[i].Actor; a != "" {
			touched ^= uint64(a[len(a)-1])
		}
	}
	for i := range events {
		hs[i] = t.hash(events[i].Actor)
	}
	mask := uint64(len(t.slots) - 1)
	for _, h := range hs[:len(events)] {
		touched ^= t.slots[h&mask]
	}
	t.touched ^= touched
	for i := range events {
		ids[i] = t.intern(events[i].Actor, hs[i])
	}
}

// nameMasks caches the match mask of each event name for a funnel whose
// steps and exclusions all match by name alone (no Where), where the mask
// depends on nothing else: comparing an event's name with one cached name
// is cheaper than comparing it with every step's and exclusion's event.
// Each name goes to one of a few slots, chosen by its length and its first
// and last bytes; a name that finds its slot taken by another replaces it.
type nameMasks struct {
	f      *Funnel
	byName bool // the cache applies
	slots  [nameSlots]struct {
		name string
		mask uint64
		set  bool
	}
}

func newNameMasks(f *Funnel) *nameMasks {
	c := &nameMasks{f: f, byName: true}
	for _, s := range f.steps {
		c.byName = c.byName && s.Where == nil
	}
	for _, x := range f.excl {
		c.byName = c.byName && x.Where == nil
	}
	return c
}

// mask returns f.stepMask(e).
func (c *nameMasks) mask(e *Event) uint64 {
	if !c.byName {
		return c.f.stepMask(e)
	}
	name := e.Name
	s := &c.slots[nameSlot(name)]
	if s.set && s.name == name {
		return s.mask
	}
	s.name, s.mask, s.set = name, c.f.stepMask(e), true
	return s.mask
}

// names returns the interned strings indexed by ID, as substrings of one
// string (one allocation, not one per actor).
func (t *actorTable) names() []string {
	all := string(t.arena)
	out := make([]string, len(t.ends))
	start := 0
	for id, end := range t.ends {
		out[id] = all[start:end]
		start = end
	}
	return out
}

// nameIDs interns event names into dense IDs; a few cached slots, chosen as
// in nameMasks, spare most events a map lookup.
type nameIDs struct {
	ids   map[string]int32
	names []string
	slots [nameSlots]struct {
		name string
		id   int32
		set  bool
	}
}

func newNameIDs() *nameIDs { return &nameIDs{ids: map[string]int32{}} }

// id returns the ID of name, assigning the next one if it is new.
func (c *nameIDs) id(name string) int32 {
	s := &c.slots[nameSlot(name)]
	if s.set && s.name == name {
		return s.id
	}
	id, ok := c.ids[name]
	if !ok {
		id = int32(len(c.names))
		name = strings.Clone(name)
		c.ids[name] = id
		c.names = append(c.names, name)
	}
	s.name, s.id, s.set = name, id, true
	return id
}

// nameSlots is the number of slots of the event-name caches.
const nameSlots = 64

// nameSlot picks the cache slot of an event name from its length and its
// first, middle and last bytes: cheap, and distinct for the usual handful
// of names ("order" and "other" differ in the middle).
func nameSlot(name string) int {
	n := len(name)
	if n == 0 {
		return 0
	}
	return (n*31 + int(name[0])*7 + int(name[n/2])*3 + int(name[n-1])) % nameSlots
}
