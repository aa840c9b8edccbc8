package kpi

import (
	"fmt"

	"github.com/opskit/opskit/pricing"
)

// RewardKind says who a reward rule pays. The zero value is invalid.
type RewardKind uint8

const (
	// TopN pays the first N entries, in the rule's order, that meet the
	// condition: "the first 5 to post a full-score screenshot get a 6.6-yuan
	// red packet" (成绩截图反馈前5名且满分, seed-rules PR-22 / K-04).
	TopN RewardKind = iota + 1
	// Everyone pays every entry that meets the condition: "everyone who took
	// the quiz gets a 2.88-yuan red packet" (2.88元红包, PR-22).
	Everyone
)

// RewardOrder is the order in which a rule considers entries; it decides
// who is in the top N and who is paid first when the budget runs out. The
// zero value is [ByScore].
type RewardOrder uint8

const (
	// ByScore considers entries in ranking order: higher score, then
	// earlier At, then smaller ID, then input order (see [Rank]).
	ByScore RewardOrder = iota
	// ByTime considers entries by submission time: earlier At, then smaller
	// ID, then input order. "The first five full scores" is ByTime.
	ByTime
)

// RewardRule is one incentive (激励): who qualifies (Score ≥ MinScore), who
// of them is paid (TopN or Everyone), how much each (a fixed Amount, such as
// a red packet 红包) and an optional budget: payments stop before the total
// would exceed Budget, and the entries left out are reported as unpaid. A
// reward is never split. The zero Budget means no budget.
type RewardRule struct {
	Name     string        `json:"name"`
	Kind     RewardKind    `json:"kind"`
	MinScore float64       `json:"min_score"`
	N        int           `json:"n"` // TopN only: how many are paid
	Order    RewardOrder   `json:"order"`
	Amount   pricing.Money `json:"amount,omitzero"`
	Budget   pricing.Money `json:"budget,omitzero"`
}

// Award is one payment, or one payment not made for lack of budget.
type Award struct {
	Rule   string        `json:"rule"`
	Person string        `json:"person"`
	Place  int           `json:"place"` // 1 for the first entry paid under the rule, 2 for the next ...
	Amount pricing.Money `json:"amount,omitzero"`
}

// RuleTotal is what one rule paid.
type RuleTotal struct {
	Rule   string        `json:"rule"`
	Count  int64         `json:"count"`
	Amount pricing.Money `json:"amount,omitzero"`
}

// PersonTotal is what one person received under all rules.
type PersonTotal struct {
	Person string        `json:"person"`
	Amount pricing.Money `json:"amount,omitzero"`
}

// RewardResult lists the awards in rule order and, inside a rule, in the
// rule's order; the awards the budget did not cover; and totals per rule and
// per person (persons sorted by ID).
type RewardResult struct {
	Awards  []Award       `json:"awards"`
	Unpaid  []Award       `json:"unpaid"`
	Rules   []RuleTotal   `json:"rules"`
	Persons []PersonTotal `json:"persons"`
}

// Rewards applies the rules to the entries (one per person). Every rule is
// applied on its own, so a person may win under several rules.
//
// Known answer (seed-rules PR-22): with a 6.6-yuan TopN rule, N = 5,
// MinScore = the full score, ByTime, seven full scores are paid 5 × 6.6 =
// 33.00 to the five earliest; a score below full is never paid, however
// early.
//
// Errors: a rule with an empty name, unknown kind or order, a TopN without a
// positive N, a NaN MinScore, a missing or negative amount, a negative
// budget, rules in different currencies; entries with NaN scores or
// duplicate IDs. All are *[FieldError] values.
func Rewards(entries []Entry, rules []RewardRule) (RewardResult, error) {
	const op = "rewards"
	if err := checkEntries(op, entries); err != nil {
		return RewardResult{}, err
	}
	var cur pricing.Currency
	names := map[string]bool{}
	for i, r := range rules {
		f := fmt.Sprintf("rules[%d]", i)
		switch {
		case r.Name == "":
			return RewardResult{}, fieldErr(op, f+".name", r.Name, ErrEmpty)
		case names[r.Name]:
			return RewardResult{}, fieldErr(op, f+".name", r.Name, ErrDuplicate)
		case r.Kind != TopN && r.Kind != Everyone:
			return RewardResult{}, fieldErr(op, f+".kind", int(r.Kind), ErrInvalidEnum)
		case r.Order > ByTime:
			return RewardResult{}, fieldErr(op, f+".order", int(r.Order), ErrInvalidEnum)
		case r.Kind == TopN && r.N <= 0:
			return RewardResult{}, fieldErr(op, f+".n", r.N, ErrInvalidNumber, "top N needs N > 0")
		case !finite(r.MinScore):
			return RewardResult{}, fieldErr(op, f+".min_score", r.MinScore, ErrInvalidNumber)
		case !r.Amount.IsValid():
			return RewardResult{}, fieldErr(op, f+".amount", r.Amount, pricing.ErrUnknownCurrency, "an amount needs a currency")
		case r.Amount.IsNegative():
			return RewardResult{}, fieldErr(op, f+".amount", r.Amount, ErrNegativeAmount)
		case r.Budget.IsValid() && r.Budget.IsNegative():
			return RewardResult{}, fieldErr(op, f+".budget", r.Budget, ErrNegativeAmount)
		case r.Budget.IsValid() && r.Budget.Currency() != r.Amount.Currency():
			return RewardResult{}, fieldErr(op, f+".budget", r.Budget, pricing.ErrCurrencyMismatch, "amount in "+r.Amount.Currency().Code())
		case cur.IsValid() && r.Amount.Currency() != cur:
			return RewardResult{}, fieldErr(op, f+".amount", r.Amount, pricing.ErrCurrencyMismatch, "earlier rules pay in "+cur.Code())
		}
		names[r.Name] = true
		cur = r.Amount.Currency()
	}
	byScore := order(entries)
	byTime := orderByTime(entries)
	var res RewardResult
	perPerson := map[string]pricing.Money{}
	for ri, r := range rules {
		idx := byScore
		if r.Order == ByTime {
			idx = byTime
		}
		total := pricing.Zero(r.Amount.Currency())
		var count int64
		place := 0
		for _, i := range idx {
			e := entries[i]
			if !(scoreKey(e.Score) >= scoreKey(r.MinScore)) {
				continue
			}
			if r.Kind == TopN && place >= r.N {
				break
			}
			place++
			a := Award{Rule: r.Name, Person: e.ID, Place: place, Amount: r.Amount}
			next, err := total.Add(r.Amount)
			if err != nil {
				return RewardResult{}, fieldErr(op, fmt.Sprintf("rules[%d].amount", ri), r.Amount, err)
			}
			if r.Budget.IsValid() && next.Amount().GreaterThan(r.Budget.Amount()) {
				res.Unpaid = append(res.Unpaid, a)
				continue
			}
			total = next
			count++
			res.Awards = append(res.Awards, a)
			p, _ := perPerson[e.ID].Add(r.Amount) // every rule pays in one currency (checked above)
			perPerson[e.ID] = p
		}
		res.Rules = append(res.Rules, RuleTotal{Rule: r.Name, Count: count, Amount: total})
	}
	for _, id := range sortedKeys(perPerson) {
		res.Persons = append(res.Persons, PersonTotal{Person: id, Amount: perPerson[id]})
	}
	return res, nil
}

func orderByTime(es []Entry) []int {
	shifted := make([]Entry, len(es))
	for i, e := range es {
		shifted[i] = Entry{ID: e.ID, At: e.At}
	}
	return order(shifted)
}
