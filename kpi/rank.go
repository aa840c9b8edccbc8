package kpi

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"
)

// RankMethod says how tied scores share ranks (排名). The zero value is
// invalid.
type RankMethod uint8

const (
	// Competition ranking ("1224"): tied entries share the best rank and the
	// next rank skips, 1, 2, 2, 4.
	Competition RankMethod = iota + 1
	// Dense ranking ("1223"): tied entries share a rank and the next rank
	// follows on, 1, 2, 2, 3.
	Dense
)

// Entry is a scored entry to rank or reward: a person (or team) ID, a score,
// and the time it was submitted or achieved, which orders entries inside a
// tie (earlier first) and orders [ByTime] rewards.
type Entry struct {
	ID    string    `json:"id"`
	Score float64   `json:"score"`
	At    time.Time `json:"at"` // the zero time sorts before every other time
}

// Ranked is an entry with its rank (1 is best).
type Ranked struct {
	Entry
	Rank int `json:"rank"`
}

// scoreKey rounds a score to 9 decimal places, so that 0.1+0.2 and 0.3 tie.
// Rounding (not a tolerance) keeps ties transitive.
func scoreKey(s float64) float64 {
	if math.Abs(s) > 1e9 {
		return s
	}
	return math.Round(s*1e9) / 1e9
}

// order sorts entries best first: higher score (to 9 decimals), then
// earlier At, then smaller ID, then input order.
func order(es []Entry) []int {
	idx := make([]int, len(es))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		x, y := es[a], es[b]
		if c := cmp.Compare(scoreKey(y.Score), scoreKey(x.Score)); c != 0 {
			return c
		}
		if c := x.At.Compare(y.At); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	})
	return idx
}

func checkEntries(op string, es []Entry) error {
	seen := make(map[string]bool, len(es))
	for i, e := range es {
		if !finite(e.Score) {
			return fieldErr(op, fmt.Sprintf("entries[%d].score", i), e.Score, ErrInvalidNumber)
		}
		if seen[e.ID] {
			return fieldErr(op, fmt.Sprintf("entries[%d].id", i), e.ID, ErrDuplicate)
		}
		seen[e.ID] = true
	}
	return nil
}

// Rank orders entries best first and gives each its rank. Scores are
// compared after rounding to 9 decimal places; higher is better (negate
// scores to rank lower-is-better values). Inside a tie the order is
// deterministic: earlier At first, then smaller ID (byte order), then input
// order, though tied entries share one rank.
//
// Errors: an unknown method ([ErrInvalidEnum]); a NaN or infinite score
// ([ErrInvalidNumber]); an ID given twice ([ErrDuplicate]).
func Rank(entries []Entry, method RankMethod) ([]Ranked, error) {
	const op = "rank"
	if method != Competition && method != Dense {
		return nil, fieldErr(op, "method", int(method), ErrInvalidEnum)
	}
	if err := checkEntries(op, entries); err != nil {
		return nil, err
	}
	idx := order(entries)
	out := make([]Ranked, len(idx))
	rank := 0
	for pos, i := range idx {
		e := entries[i]
		if pos == 0 || scoreKey(e.Score) != scoreKey(out[pos-1].Score) {
			if method == Competition {
				rank = pos + 1
			} else {
				rank++
			}
		}
		out[pos] = Ranked{Entry: e, Rank: rank}
	}
	return out, nil
}
