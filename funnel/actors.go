package funnel

import (
	"encoding/binary"
	"hash/maphash"
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
// the cache: one uint32 per slot (a hash tag and the ID) and the interned
// strings back to back in chunks, each string after its length. Memory is
// about 4 bytes per slot (two to four per actor), the strings plus one or
// two bytes each, and 4 bytes per actor for where each string is. It is
// not safe for concurrent use.
type actorTable struct {
	seed   maphash.Seed
	slots  []uint32   // open addressing, linear probing: tag<<idBits | id+1; 0 is empty
	idBits uint       // log2(len(slots)): the low bits of a slot hold id+1 (at most half the slots are used)
	chunks [][]byte   // the strings, each as a uvarint length and its bytes
	locs   [][]uint32 // locs[id/locChunk][id%locChunk]: chunk<<16 | offset of the ID's string in the chunk
	n      int        // IDs assigned
	// maxChunks bounds the chunks (loc holds 16 bits of chunk number);
	// tests lower it. Past it, full is set and intern returns -1.
	maxChunks int
	full      bool
	touched   uint64 // see internBatch
}

// locChunk is the number of IDs of each slice of locs but the first,
// which grows by doubling up to it: growing one slice would allocate
// several times its final size in total.
const locChunk = 1 << 12

// Chunks of the string arena: the first ones small (a small Run allocates
// little), doubling up to chunkMax bytes (offsets within a chunk fit 16
// bits). A string whose record is longer than longRecord bytes gets a chunk
// of its own, so that a few long IDs waste no chunk space. Chunks, not one
// growing slice: growing by doubling allocates about twice the strings in
// total, chunks about the strings and one chunk.
const (
	chunkMin   = 256
	chunkMax   = 1 << 16
	longRecord = 1 << 12
)

// newActorTable returns an empty table sized for the actors of about
// events events: a log has several events per actor, so the slots start at
// events/4 rounded up to a power of two (at most 2^24, 64 MB), which spares
// the rehashes of growing from a few slots (each one hashes every string
// again); a table that needs more still grows.
func newActorTable(events int) *actorTable {
	bits := uint(6)
	for 1<<bits < events/4 && bits < 24 {
		bits++
	}
	return &actorTable{seed: maphash.MakeSeed(), slots: make([]uint32, 1<<bits), idBits: bits, maxChunks: 1 << 16}
}

// len returns the number of IDs assigned.
func (t *actorTable) len() int { return t.n }

// hash returns the hash of s that intern expects.
func (t *actorTable) hash(s string) uint64 { return maphash.String(t.seed, s) }

// name returns the string of id, without allocating when compared.
func (t *actorTable) name(id int32) []byte {
	l := t.locs[id/locChunk][id%locChunk]
	c := t.chunks[l>>16][l&(chunkMax-1):]
	if c[0] < 0x80 { // the usual one-byte length
		return c[1 : 1+c[0]]
	}
	n, k := binary.Uvarint(c)
	return c[k : k+int(n)]
}

// tagOf returns the tag bits of a slot for hash h: the hash's top bits
// (none when the IDs take all 32).
func (t *actorTable) tagOf(h uint64) uint32 {
	return uint32(h>>(32+t.idBits)) << t.idBits
}

// intern returns the ID of s, whose hash is h, assigning the next one if s
// is new; -1 when the table is full (see maxChunks).
func (t *actorTable) intern(s string, h uint64) int32 {
	mask := uint64(len(t.slots) - 1)
	idMask := uint32(1)<<t.idBits - 1
	tag := t.tagOf(h)
	for i := h & mask; ; i = (i + 1) & mask {
		v := t.slots[i]
		if v == 0 {
			return t.add(s, h, i)
		}
		if v&^idMask == tag {
			id := int32(v&idMask) - 1
			if string(t.name(id)) == s { // no allocation: the compiler compares in place
				return id
			}
		}
	}
}

// add assigns the next ID to s, whose hash is h, and stores it in the
// empty slot i.
func (t *actorTable) add(s string, h, i uint64) int32 {
	var head [binary.MaxVarintLen64]byte
	k := binary.PutUvarint(head[:], uint64(len(s)))
	rec := k + len(s)
	last := len(t.chunks) - 1
	if last < 0 || len(t.chunks[last])+rec > cap(t.chunks[last]) {
		size := chunkMin
		if last >= 0 {
			size = min(chunkMax, 2*cap(t.chunks[last]))
		}
		if rec > longRecord {
			size = rec
		}
		if len(t.chunks) >= t.maxChunks {
			t.full = true
			return -1
		}
		t.chunks = append(t.chunks, make([]byte, 0, max(size, rec)))
		last++
	}
	c := t.chunks[last]
	id := int32(t.n)
	t.addLoc(uint32(last)<<16 | uint32(len(c)))
	t.chunks[last] = append(append(c, head[:k]...), s...)
	t.slots[i] = t.tagOf(h) | uint32(id+1)
	if 2*t.n > len(t.slots) { // keep the load at most 1/2: short probes
		t.rehash()
	}
	return id
}

// addLoc appends the location of the next ID.
func (t *actorTable) addLoc(l uint32) {
	i := len(t.locs) - 1
	switch {
	case i < 0:
		t.locs = append(t.locs, make([]uint32, 0, 16))
		i = 0
	case len(t.locs[i]) == locChunk:
		t.locs = append(t.locs, make([]uint32, 0, locChunk))
		i++
	case len(t.locs[i]) == cap(t.locs[i]):
		t.locs[i] = append(make([]uint32, 0, min(locChunk, 2*cap(t.locs[i]))), t.locs[i]...)
	}
	t.locs[i] = append(t.locs[i], l)
	t.n++
}

// rehash doubles the slots and reinserts every ID. Hashing the interned
// strings again reads the chunks in order, which is cheaper than keeping
// every hash.
func (t *actorTable) rehash() {
	t.slots = make([]uint32, 2*len(t.slots))
	t.idBits++
	mask := uint64(len(t.slots) - 1)
	for id := range t.n {
		h := t.hash(string(t.name(int32(id))))
		i := h & mask
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = t.tagOf(h) | uint32(id+1)
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
		touched ^= uint64(t.slots[h&mask])
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
	var b strings.Builder
	total := 0
	for id := range t.n {
		total += len(t.name(int32(id)))
	}
	b.Grow(total)
	for id := range t.n {
		b.Write(t.name(int32(id)))
	}
	all := b.String()
	out := make([]string, t.n)
	start := 0
	for id := range out {
		end := start + len(t.name(int32(id)))
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
