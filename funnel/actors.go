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
// the cache: one uint64 per slot (32 bits of the hash and where the slot's
// record starts), and the records back to back in chunks, each a string's
// length (a uvarint), its bytes and its ID (4 bytes): a probe reads the
// slot, then (when the hash bits agree) the record, which holds both what
// to compare and the ID. Memory is 8 bytes per slot (two to four slots per
// actor; Run lends the table the array it later packs the events in, and
// Encode its Times column) and the strings plus 5 or 6 bytes each. It is
// not safe for concurrent use.
type actorTable struct {
	seed   maphash.Seed
	slots  []int64  // open addressing, linear probing: hash>>32<<32 | 1 + (chunk<<16 | offset of the record), as int64 (an int64 array can be lent); 0 is empty
	chunks [][]byte // the records
	n      int      // IDs assigned
	size   int      // the bytes of the strings interned
	// maxChunks bounds the chunks (a slot holds 16 bits of chunk number
	// and is never 0); tests lower it. Past it, full is set and intern
	// returns -1.
	maxChunks int
	full      bool
	touched   uint64 // see internBatch
}

// Chunks of the records: the first ones small (a small Run allocates
// little), doubling up to chunkMax bytes (offsets within a chunk fit 16
// bits). A record longer than longRecord bytes gets a chunk of its own, so
// that a few long IDs waste no chunk space. Chunks, not one growing slice:
// growing by doubling allocates about twice the records in total, chunks
// about the records and one chunk.
const (
	chunkMin   = 256
	chunkMax   = 1 << 16
	longRecord = 1 << 12
)

// newActorTable returns an empty table sized for the actors of about
// events events. A log has about ten events per actor, so the slots start
// at events/5 rounded up to a power of two (at most 2^24, 128 MB): about
// half full at ten events per actor, which spares the rehashes of growing
// from a few slots (each one hashes every string again); a table that
// needs more still grows. No larger: a table twice the size costs more
// than its shorter probes save, in cache and TLB misses (events/4, which
// gave 10,000,000 events of 1,000,000 actors 4,194,304 slots instead of
// 2,097,152, made Run 3.5 % slower there). The slots are the start of spare
// when it is long enough (zeroed here), else allocated.
func newActorTable(events int, spare []int64) *actorTable {
	n := 64
	for n < events/5 && n < 1<<24 {
		n *= 2
	}
	var slots []int64
	if len(spare) >= n {
		slots = spare[:n:n]
		clear(slots)
	} else {
		slots = make([]int64, n)
	}
	return &actorTable{seed: maphash.MakeSeed(), slots: slots, maxChunks: 1<<16 - 1}
}

// len returns the number of IDs assigned.
func (t *actorTable) len() int { return t.n }

// hash returns the hash of s that intern expects.
func (t *actorTable) hash(s string) uint64 { return maphash.String(t.seed, s) }

// record returns the string and the ID of the record that slot value v
// points to.
func (t *actorTable) record(v uint32) ([]byte, int32) {
	v--
	c := t.chunks[v>>16][v&(chunkMax-1):]
	n, k := uint64(c[0]), 1
	if n >= 0x80 {
		n, k = binary.Uvarint(c)
	}
	end := k + int(n)
	return c[k:end], int32(binary.LittleEndian.Uint32(c[end:]))
}

// intern returns the ID of s, whose hash is h, assigning the next one if s
// is new; -1 when the table is full (see maxChunks).
func (t *actorTable) intern(s string, h uint64) int32 {
	mask := uint64(len(t.slots) - 1)
	tag := h >> 32 << 32
	for i := h & mask; ; i = (i + 1) & mask {
		w := uint64(t.slots[i])
		if w == 0 {
			return t.add(s, h, i)
		}
		if w&^(1<<32-1) != tag {
			continue
		}
		// t.record(v), inlined for the usual one-byte length: the hot path.
		v := uint32(w)
		c := t.chunks[(v-1)>>16][(v-1)&(chunkMax-1):]
		if n := int(c[0]); n == len(s) && n < 0x80 {
			if string(c[1:1+n]) == s { // no allocation: the compiler compares in place
				return int32(binary.LittleEndian.Uint32(c[1+n:]))
			}
		} else if n >= 0x80 {
			if b, id := t.record(v); string(b) == s {
				return id
			}
		}
	}
}

// add assigns the next ID to s, whose hash is h, and stores its record's
// place in the empty slot i.
func (t *actorTable) add(s string, h, i uint64) int32 {
	var head [binary.MaxVarintLen64]byte
	k := binary.PutUvarint(head[:], uint64(len(s)))
	rec := k + len(s) + 4
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
	t.slots[i] = int64(h>>32<<32 | uint64(uint32(last)<<16|uint32(len(c))) + 1)
	t.chunks[last] = binary.LittleEndian.AppendUint32(append(append(c, head[:k]...), s...), uint32(id))
	t.n++
	t.size += len(s)
	if 2*t.n > len(t.slots) { // keep the load at most 1/2: short probes
		t.rehash()
	}
	return id
}

// each calls fn with every record's string and slot value, in ID order.
func (t *actorTable) each(fn func(s []byte, v uint32)) {
	for ci, c := range t.chunks {
		for off := 0; off < len(c); {
			n, k := binary.Uvarint(c[off:])
			fn(c[off+k:off+k+int(n)], (uint32(ci)<<16|uint32(off))+1)
			off += k + int(n) + 4
		}
	}
}

// rehash doubles the slots and reinserts every ID. Hashing the interned
// strings again reads the chunks in order, which is cheaper than keeping
// every hash.
func (t *actorTable) rehash() {
	t.slots = make([]int64, 2*len(t.slots))
	mask := uint64(len(t.slots) - 1)
	t.each(func(s []byte, v uint32) {
		h := maphash.Bytes(t.seed, s) // the hash of the string
		i := h & mask
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = int64(h>>32<<32 | uint64(v))
	})
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
		// An event of the same actor as the one before (a log grouped by
		// actor) takes its ID; equal hashes are checked by the strings.
		if i > 0 && hs[i] == hs[i-1] && events[i].Actor == events[i-1].Actor {
			ids[i] = ids[i-1]
			continue
		}
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
	b.Grow(t.size)
	ends := make([]int, 0, t.n)
	t.each(func(s []byte, _ uint32) {
		b.Write(s)
		ends = append(ends, b.Len())
	})
	all := b.String()
	out := make([]string, t.n)
	start := 0
	for id, end := range ends {
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
