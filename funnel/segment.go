package funnel

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/opskit/opskit/pricing"
)

// Purchase is one paid order for customer segmentation: who, when and how
// much. Amount must be a valid, non-negative pricing.Money, every purchase
// in the same currency.
type Purchase struct {
	Customer string        `json:"customer"`
	Time     time.Time     `json:"time"`
	Amount   pricing.Money `json:"amount,omitzero"`
}

// MaxRFMScore is the largest number of RFM score levels, [Segmentation].Scores.
const MaxRFMScore = 10

// Segmentation scores customers by recency, frequency and monetary value
// (RFM: Hughes 1994, "Strategic Database Marketing"), names their RFM
// segment, and tells new from returning (老客户) customers and VIPs by
// cumulative spend, the handbook's rule (seed-rules P-03: "anyone with a
// purchase record is a returning customer; VIP members are those whose
// spend has reached a set amount").
//
// Everything is read at AsOf (required): purchases after it are ignored.
// For each customer: Orders is the number of purchases, Spend their sum,
// Recency = AsOf − the last purchase.
//
// Scores (2..[MaxRFMScore], 0 means 5) are the levels 1..S of each of R, F
// and M; higher is better (more recent, more orders, more spend). Two
// ways to cut, chosen per dimension:
//
//   - Quantiles (the default, no cut points): with n customers, a customer
//     with b customers strictly worse on the dimension scores
//     1 + ⌊S·b/n⌋, exact in integers. Distinct values give quintiles at S
//     = 5 (n = 10: two customers per score); equal values always get the
//     same score, so ties never split across scores.
//   - Fixed cut points (S − 1 of them, strictly ascending): F and M score
//     1 + the number of cut points at or below the value (orders 1, cuts
//     2, 3, 5, 10: score 1; 10 orders: 5). R scores 1 + the number of cut
//     points at or above the recency (cuts 30, 60, 90, 180 days: 10 days
//     ago scores 5, 200 days ago 1).
//
// The segment ([RFMSegment]) crosses high and low R, F and M, a score
// being high when it is above the middle (2·score > S + 1: 4 and 5 of 5).
//
// Type ([CustomerType]): VIP when VIPSpend is set (not the zero Money) and
// Spend >= VIPSpend; otherwise new when the customer has no purchase
// before Since (zero Since: exactly one order, so no record before it) and
// returning otherwise.
type Segmentation struct {
	AsOf          time.Time
	Since         time.Time
	Scores        int
	RecencyCuts   []time.Duration
	FrequencyCuts []int64
	MonetaryCuts  []pricing.Money
	VIPSpend      pricing.Money
}

// CustomerType is new, returning or VIP (seed-rules P-03).
type CustomerType uint8

const (
	// NewCustomer has no purchase record before the period (新用户).
	NewCustomer CustomerType = iota
	// ReturningCustomer has a purchase record before the period (老客户).
	ReturningCustomer
	// VIPCustomer has a cumulative spend at or above the VIP threshold.
	VIPCustomer
)

var customerTypeNames = []string{"new", "returning", "vip"}

// String returns "new", "returning" or "vip", also the text form.
func (c CustomerType) String() string { return enumString("CustomerType", customerTypeNames, c) }

// MarshalText returns the name, or an error for a value outside the constants.
func (c CustomerType) MarshalText() ([]byte, error) {
	return enumMarshal("CustomerType", customerTypeNames, c)
}

// UnmarshalText parses a name as returned by String.
func (c *CustomerType) UnmarshalText(b []byte) error {
	return enumUnmarshal("CustomerType", customerTypeNames, c, b)
}

// RFMSegment is one of the eight segments of high and low R, F and M, in
// the order (M, F, R) as bits: high M counts 4, high F 2, high R 1.
type RFMSegment uint8

const (
	// LostLowValue: low R, F and M (general retention: win back cheaply).
	LostLowValue RFMSegment = iota
	// NewLowValue: recent, few orders, low spend (general development).
	NewLowValue
	// LapsingLoyal: frequent but not recent, low spend (general keeping).
	LapsingLoyal
	// LoyalLowValue: recent and frequent, low spend (general value).
	LoyalLowValue
	// LostHighValue: high spend, neither recent nor frequent (important to win back).
	LostHighValue
	// NewHighValue: recent high spenders with few orders (important to develop).
	NewHighValue
	// AtRiskHighValue: frequent high spenders who have not bought lately (important to keep).
	AtRiskHighValue
	// Champion: high R, F and M (the most valuable).
	Champion
)

var rfmSegmentNames = []string{"lost_low_value", "new_low_value", "lapsing_loyal", "loyal_low_value",
	"lost_high_value", "new_high_value", "at_risk_high_value", "champion"}

// String returns the segment's snake_case name, also its text form.
func (s RFMSegment) String() string { return enumString("RFMSegment", rfmSegmentNames, s) }

// MarshalText returns the name, or an error for a value outside the constants.
func (s RFMSegment) MarshalText() ([]byte, error) {
	return enumMarshal("RFMSegment", rfmSegmentNames, s)
}

// UnmarshalText parses a name as returned by String.
func (s *RFMSegment) UnmarshalText(b []byte) error {
	return enumUnmarshal("RFMSegment", rfmSegmentNames, s, b)
}

// CustomerSegment is one customer's figures, scores and segments.
type CustomerSegment struct {
	Customer string        `json:"customer"`
	Orders   int64         `json:"orders"`
	Spend    pricing.Money `json:"spend,omitzero"`
	First    time.Time     `json:"first"`   // first purchase
	Last     time.Time     `json:"last"`    // last purchase at or before AsOf
	Recency  time.Duration `json:"recency"` // AsOf − Last; JSON as a Go duration string
	R        int           `json:"r"`
	F        int           `json:"f"`
	M        int           `json:"m"`
	Segment  RFMSegment    `json:"segment"`
	Type     CustomerType  `json:"type"`
}

// MarshalJSON encodes the segment with its recency as a Go duration
// string ("720h0m0s").
func (c CustomerSegment) MarshalJSON() ([]byte, error) {
	type plain CustomerSegment
	return json.Marshal(struct {
		plain
		Recency durationText `json:"recency"`
	}{plain(c), durationText(c.Recency)})
}

// Run scores the customers of purchases (in any order) and returns one
// CustomerSegment per customer with a purchase at or before AsOf, in
// customer order. Sorting makes it O(p log p) for p purchases.
//
// Errors: a zero AsOf, Scores outside 2..10, cut points not S − 1 or not
// strictly ascending, or a negative recency cut ([ErrInvalidPeriod],
// [ErrInvalidOption]); an empty customer or a time outside years 1678 to
// 2262 ([ErrInvalidEvent]); an invalid or negative amount, or a currency
// that differs from the first purchase's (including the cut points and
// VIPSpend) ([ErrInvalidAmount]); more than [MaxEvents] purchases or a
// spend beyond pricing's limits ([ErrTooLarge]).
func (s Segmentation) Run(purchases []Purchase) ([]CustomerSegment, error) {
	const op = "segment"
	S, err := s.check(op)
	if err != nil {
		return nil, err
	}
	if len(purchases) > MaxEvents {
		return nil, fieldErr(op, "purchases", len(purchases), ErrTooLarge, "at most "+strconv.Itoa(MaxEvents))
	}
	var cur pricing.Currency
	haveCur := false
	ps := make([]Purchase, 0, len(purchases))
	for i, p := range purchases {
		path := fmt.Sprintf("purchases[%d]", i)
		if p.Customer == "" {
			return nil, fieldErr(op, path+".customer", p.Customer, ErrInvalidEvent, "empty")
		}
		if p.Time.Before(time.Unix(0, minNanos)) || p.Time.After(time.Unix(0, maxNanos)) {
			return nil, fieldErr(op, path+".time", p.Time.Format(time.RFC3339), ErrInvalidEvent, "outside years 1678 to 2262")
		}
		if !p.Amount.IsValid() || p.Amount.IsNegative() {
			return nil, fieldErr(op, path+".amount", p.Amount, ErrInvalidAmount, "a valid, non-negative amount")
		}
		if !haveCur {
			cur, haveCur = p.Amount.Currency(), true
		} else if p.Amount.Currency() != cur {
			return nil, fieldErr(op, path+".amount", p.Amount, ErrInvalidAmount, "currency differs from "+cur.String())
		}
		if !p.Time.After(s.AsOf) {
			ps = append(ps, p)
		}
	}
	if haveCur {
		if err := s.checkCurrency(op, cur); err != nil {
			return nil, err
		}
	}
	slices.SortStableFunc(ps, func(a, b Purchase) int {
		return cmp.Or(cmp.Compare(a.Customer, b.Customer), a.Time.Compare(b.Time))
	})
	var out []CustomerSegment
	for i := 0; i < len(ps); {
		j := i
		c := CustomerSegment{Customer: ps[i].Customer, First: ps[i].Time, Spend: pricing.Zero(cur)}
		for ; j < len(ps) && ps[j].Customer == c.Customer; j++ {
			sum, err := c.Spend.Add(ps[j].Amount)
			if err != nil {
				return nil, &FieldError{Op: op, Field: "purchases", Value: strconv.Quote(c.Customer), Err: ErrTooLarge, Detail: "spend: " + err.Error()}
			}
			c.Spend = sum
		}
		c.Orders = int64(j - i) // at most MaxEvents
		c.Last = ps[j-1].Time
		c.Recency = s.AsOf.Sub(c.Last) // both in the int64 range: no saturation
		out = append(out, c)
		i = j
	}
	s.score(out, S)
	for i := range out {
		c := &out[i]
		high := func(score int) bool { return 2*score > S+1 }
		var seg RFMSegment
		if high(c.R) {
			seg |= 1
		}
		if high(c.F) {
			seg |= 2
		}
		if high(c.M) {
			seg |= 4
		}
		c.Segment = seg
		switch {
		case s.VIPSpend != (pricing.Money{}) && pricing.Compare(c.Spend, s.VIPSpend) >= 0:
			c.Type = VIPCustomer
		case s.Since.IsZero() && c.Orders == 1, !s.Since.IsZero() && !c.First.Before(s.Since):
			c.Type = NewCustomer
		default:
			c.Type = ReturningCustomer
		}
	}
	return out, nil
}

// minNanos and maxNanos bound times held as int64 nanoseconds.
const (
	minNanos = -1 << 63
	maxNanos = 1<<63 - 1
)

// check validates the definition and returns the number of score levels.
func (s Segmentation) check(op string) (int, error) {
	if s.AsOf.IsZero() {
		return 0, fieldErr(op, "as_of", nil, ErrInvalidPeriod, "required")
	}
	if s.AsOf.Before(time.Unix(0, minNanos)) || s.AsOf.After(time.Unix(0, maxNanos)) {
		return 0, fieldErr(op, "as_of", s.AsOf.Format(time.RFC3339), ErrInvalidPeriod, "outside years 1678 to 2262")
	}
	S := s.Scores
	if S == 0 {
		S = 5
	}
	if S < 2 || S > MaxRFMScore {
		return 0, fieldErr(op, "scores", s.Scores, ErrInvalidOption, "2 to "+strconv.Itoa(MaxRFMScore))
	}
	ascending := func(field string, n int, less func(i int) bool) error {
		if n == 0 {
			return nil
		}
		if n != S-1 {
			return fieldErr(op, field, n, ErrInvalidOption, "scores − 1 cut points: "+strconv.Itoa(S-1))
		}
		for i := 1; i < n; i++ {
			if !less(i) {
				return fieldErr(op, fmt.Sprintf("%s[%d]", field, i), nil, ErrInvalidOption, "cut points strictly ascending")
			}
		}
		return nil
	}
	if err := ascending("recency_cuts", len(s.RecencyCuts), func(i int) bool { return s.RecencyCuts[i-1] < s.RecencyCuts[i] }); err != nil {
		return 0, err
	}
	if len(s.RecencyCuts) > 0 && s.RecencyCuts[0] < 0 {
		return 0, fieldErr(op, "recency_cuts[0]", s.RecencyCuts[0], ErrInvalidPeriod, "not negative")
	}
	if err := ascending("frequency_cuts", len(s.FrequencyCuts), func(i int) bool { return s.FrequencyCuts[i-1] < s.FrequencyCuts[i] }); err != nil {
		return 0, err
	}
	for i, m := range s.MonetaryCuts {
		if !m.IsValid() {
			return 0, fieldErr(op, fmt.Sprintf("monetary_cuts[%d]", i), m, ErrInvalidAmount, "invalid")
		}
	}
	if err := ascending("monetary_cuts", len(s.MonetaryCuts), func(i int) bool {
		c, err := s.MonetaryCuts[i-1].Cmp(s.MonetaryCuts[i])
		return err == nil && c < 0
	}); err != nil {
		return 0, err
	}
	if s.VIPSpend != (pricing.Money{}) && (!s.VIPSpend.IsValid() || s.VIPSpend.IsNegative()) {
		return 0, fieldErr(op, "vip_spend", s.VIPSpend, ErrInvalidAmount, "a valid, non-negative amount")
	}
	return S, nil
}

// checkCurrency checks that the cut points and the VIP threshold are in
// the purchases' currency.
func (s Segmentation) checkCurrency(op string, cur pricing.Currency) error {
	for i, m := range s.MonetaryCuts {
		if m.Currency() != cur {
			return fieldErr(op, fmt.Sprintf("monetary_cuts[%d]", i), m, ErrInvalidAmount, "currency differs from "+cur.String())
		}
	}
	if s.VIPSpend != (pricing.Money{}) && s.VIPSpend.Currency() != cur {
		return fieldErr(op, "vip_spend", s.VIPSpend, ErrInvalidAmount, "currency differs from "+cur.String())
	}
	return nil
}

// score sets R, F and M of every customer.
func (s Segmentation) score(cs []CustomerSegment, S int) {
	// better(a, b) > 0 when a is better than b on the dimension.
	dims := []struct {
		set    func(c *CustomerSegment, v int)
		better func(a, b *CustomerSegment) int
		fixed  func(c *CustomerSegment) int
		n      int
	}{
		{
			set:    func(c *CustomerSegment, v int) { c.R = v },
			better: func(a, b *CustomerSegment) int { return cmp.Compare(b.Recency, a.Recency) },
			fixed: func(c *CustomerSegment) int {
				return len(s.RecencyCuts) - countBelow(s.RecencyCuts, c.Recency)
			},
			n: len(s.RecencyCuts),
		},
		{
			set:    func(c *CustomerSegment, v int) { c.F = v },
			better: func(a, b *CustomerSegment) int { return cmp.Compare(a.Orders, b.Orders) },
			fixed:  func(c *CustomerSegment) int { return countAtMost(s.FrequencyCuts, c.Orders) },
			n:      len(s.FrequencyCuts),
		},
		{
			set:    func(c *CustomerSegment, v int) { c.M = v },
			better: func(a, b *CustomerSegment) int { return pricing.Compare(a.Spend, b.Spend) },
			fixed: func(c *CustomerSegment) int {
				k := 0
				for _, m := range s.MonetaryCuts {
					if pricing.Compare(m, c.Spend) <= 0 {
						k++
					}
				}
				return k
			},
			n: len(s.MonetaryCuts),
		},
	}
	n := len(cs)
	idx := make([]int, n)
	for _, d := range dims {
		if d.n > 0 {
			for i := range cs {
				d.set(&cs[i], 1+d.fixed(&cs[i]))
			}
			continue
		}
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return d.better(&cs[a], &cs[b]) })
		// below: customers strictly worse than the current run of equals.
		for i := 0; i < n; {
			j := i
			for j < n && d.better(&cs[idx[j]], &cs[idx[i]]) == 0 {
				j++
			}
			score := 1 + S*i/n // i < n <= MaxEvents, S <= 10: no overflow
			for _, k := range idx[i:j] {
				d.set(&cs[k], score)
			}
			i = j
		}
	}
}

// countBelow returns the number of cuts strictly below v (cuts ascending).
func countBelow(cuts []time.Duration, v time.Duration) int {
	k, _ := slices.BinarySearch(cuts, v)
	return k
}

// countAtMost returns the number of cuts at or below v (cuts ascending).
func countAtMost(cuts []int64, v int64) int {
	k, found := slices.BinarySearch(cuts, v)
	if found {
		k++
	}
	return k
}
