package funnel

import (
	"iter"
	"math"
)

// RunSeq is [Funnel.Run] on a sequence of events, read once: the events
// need not be in memory together. Read once, they cannot take Run's two
// passes: RunSeq keeps each event's actor ID, time and match-mask ID in
// input order (14 bytes, in blocks, so that nothing is copied as they
// grow), then writes each one's packed time and mask ID into its actor's
// run as Run does (8 bytes): about 22 bytes per event instead of Run's
// 12. Errors are Run's; the index in an error is the position in the
// sequence.
func (f Funnel) RunSeq(events iter.Seq[Event]) (Result, error) {
	const op = "funnel: run"
	if len(f.steps) == 0 {
		return Result{}, fieldErr(op, "steps", nil, ErrNoSteps, "the zero Funnel")
	}
	s := f.newSeqRun()
	var batch [internBatchLen]Event
	n, total := 0, 0
	for e := range events {
		if total++; total > MaxEvents {
			return Result{}, tooManyEvents(op, total)
		}
		batch[n] = e
		if n++; n == len(batch) {
			if err := s.add(op, batch[:n]); err != nil {
				return Result{}, err
			}
			n = 0
		}
	}
	if err := s.add(op, batch[:n]); err != nil {
		return Result{}, err
	}
	return s.finish(), nil
}

// seqBlockMax is the most events of one block of seqRun (a multiple of
// internBatchLen, so that a batch never straddles two blocks); the first
// blocks are smaller, doubling from internBatchLen.
const seqBlockMax = 1 << 16

// seqRun collects the events of RunSeq in input order, in blocks of the
// same size in each column. When the events have more match masks than
// mask IDs, it hands what it has to the one-pass builder (b), which takes
// the rest.
type seqRun struct {
	f           *Funnel
	table       *actorTable
	ids         *maskIDs
	actors      [][]int32
	times       [][]int64
	mids        [][]uint16
	bd          [][]int32
	values      Interner
	n           int
	first, last int64
	b           *builder // not nil once the one-pass path took over
}

func (f Funnel) newSeqRun() *seqRun {
	return &seqRun{f: &f, table: newActorTable(0, nil), ids: newMaskIDs(&f), first: math.MaxInt64, last: math.MinInt64}
}

// add appends a batch of at most internBatchLen events.
func (s *seqRun) add(op string, batch []Event) error {
	if s.b != nil {
		return s.b.add(op, batch)
	}
	k := len(s.actors) - 1
	if k < 0 || len(s.actors[k])+len(batch) > cap(s.actors[k]) {
		size := internBatchLen
		if k >= 0 {
			size = min(seqBlockMax, 2*cap(s.actors[k]))
		}
		s.actors = append(s.actors, make([]int32, 0, size))
		s.times = append(s.times, make([]int64, 0, size))
		s.mids = append(s.mids, make([]uint16, 0, size))
		if s.f.cfg.hasBD {
			s.bd = append(s.bd, make([]int32, 0, size))
		}
		k++
	}
	lo := len(s.actors[k])
	s.actors[k] = s.actors[k][:lo+len(batch)]
	ids := s.actors[k][lo:]
	s.table.internBatch(batch, ids)
	if s.table.full {
		return actorsFull(op, s.n, ids)
	}
	for i := range batch {
		e := &batch[i]
		t, err := checkEvent(op, s.n+i, e)
		if err != nil {
			return err
		}
		id, ok := s.ids.id(e)
		if !ok {
			// This batch goes to the builder whole.
			s.actors[k], s.times[k], s.mids[k] = s.actors[k][:lo], s.times[k][:lo], s.mids[k][:lo]
			if s.bd != nil {
				s.bd[k] = s.bd[k][:lo]
			}
			s.toBuilder()
			return s.b.add(op, batch)
		}
		s.first, s.last = min(s.first, t), max(s.last, t)
		s.times[k], s.mids[k] = append(s.times[k], t), append(s.mids[k], id)
		if s.bd != nil {
			s.bd[k] = append(s.bd[k], s.values.Intern(e.Prop(s.f.cfg.breakdown)))
		}
	}
	s.n += len(batch)
	return nil
}

// toBuilder hands the events collected so far to the one-pass builder.
func (s *seqRun) toBuilder() {
	b := s.f.newBuilder(0)
	b.actors = s.table
	c := b.c
	for k := range s.actors {
		c.actors = append(c.actors, s.actors[k]...)
		c.times = append(c.times, s.times[k]...)
		for _, id := range s.mids[k] {
			c.masks = append(c.masks, s.ids.table[id])
		}
		if c.bd != nil {
			c.bd = append(c.bd, s.bd[k]...)
		}
	}
	c.values = s.values
	s.b, s.actors, s.times, s.mids, s.bd = b, nil, nil, nil, nil
}

// finish sorts the events by actor and runs the funnel.
func (s *seqRun) finish() Result {
	f := s.f
	shift := packShift(s.n, s.first, s.last)
	if s.b == nil && (shift == 0 || len(s.ids.table) > 1<<shift) {
		s.toBuilder()
	}
	if s.b != nil {
		return f.runEvents(s.b.done())
	}
	nActors := s.table.len()
	ends := make([]uint32, nActors+1)
	s.table = nil
	for _, block := range s.actors {
		for _, a := range block {
			ends[a]++
		}
	}
	var sum uint32
	for a, k := range ends[:nActors] {
		ends[a] = sum
		sum += k
	}
	packed := make([]int64, s.n)
	var bd []int32
	if s.bd != nil {
		bd = make([]int32, s.n)
	}
	for k, block := range s.actors {
		times, mids := s.times[k], s.mids[k]
		for j, a := range block {
			p := ends[a]
			ends[a]++
			packed[p] = int64((uint64(times[j])-uint64(s.first))<<shift | uint64(mids[j]))
			if bd != nil {
				bd[p] = s.bd[k][j]
			}
		}
		s.actors[k], s.times[k], s.mids[k] = nil, nil, nil // free as we go
	}
	return f.runRuns(packedRuns{ends[:nActors], packed, shift, s.first, s.ids.table, bd, &s.values})
}
