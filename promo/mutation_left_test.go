package promo_test

// The last promo mutants no run had judged (issue 19): gremlins v0.5.0's
// mutants (its --dry-run list, GOFLAGS="-short -vet=off") of rule.go from
// line 308 to its end and of work.go, and its CONDITIONALS_NEGATION
// mutants of refund.go, rule.go, promotion.go and result.go, each applied
// by hand on 8591b99 and judged by `go test -short ./promo`. Line numbers
// are those of 8591b99. All but the five below are killed by the suite or
// do not build (a string `+` turned into `-`).
//
// Equivalent survivors (file.go:LINE:COL MUTATOR — why it cannot change
// behaviour):
//
//   rule.go:362:62 ARITHMETIC_BASE — Gift's `cap: -1` becomes `+1`.
//     rule.cap is read only by budgetLeft (eval.go), whose callers are the
//     item spread, orderPromo/aloneOrder/spreadOrder and sharpRest (order
//     layer only), shippingPromo and pointsPromo; a kGift rule lives in
//     giftLayer and goes only through giftPromo, which never calls it, so
//     no result (Work included) changes.
//   rule.go:362:62 INVERT_NEGATIVES — gremlins turns the same `-` into
//     `+`: the same edit, the same reason.
//   work.go:126:11 CONDITIONALS_BOUNDARY — already listed in
//     mutation_core_test.go (a zero total goes to package pricing's
//     allocator, which gives the same all-zero parts).
//   work.go:167:18 CONDITIONALS_BOUNDARY and CONDITIONALS_NEGATION —
//     already listed in mutation_core_test.go and mutation_rest_b_test.go
//     (the parts go to the other of two allocators that give the same
//     parts; TestAllocatorMatchesPricing compares them).

import (
	"fmt"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
	"github.com/stretchr/testify/assert"
)

// newEngineErr is NewEngine's error for one promotion with action a ("" when
// the engine builds).
func newEngineErr(a promo.Action) string {
	_, err := promo.NewEngine(pricing.CNY, one("p", a))
	if err == nil {
		return ""
	}
	return err.Error()
}

// rule.go MemberPrice.compile and Gift.compile, lines 322-331 and
// 369-377: gremlins reports these case expressions NOT COVERED, though the
// suite runs them and kills their mutants; this test pins them directly.
// An empty list, a list one beyond MaxActionList (100, promotion.go) and
// exactly at it, an unnamed tier, a gift without a SKU. The expected texts
// are the compile's own messages under the path promotions[0].action
// (hand-written from rule.go and errors.go).
func TestMemberAndGiftListBounds(t *testing.T) {
	tiers := make([]promo.MemberTier, promo.MaxActionList+1)
	for i := range tiers {
		tiers[i] = promo.MemberTier{Tier: fmt.Sprint("t", i), Rate: rate("9折")}
	}
	opts := make([]promo.GiftOption, promo.MaxActionList+1)
	for i := range opts {
		opts[i] = promo.GiftOption{SKU: fmt.Sprint("g", i), Qty: 1}
	}
	const pre = "promo: new engine: promotions[0].action."
	cases := []struct {
		name string
		a    promo.Action
		want string
	}{
		{"no tiers", promo.MemberPrice{}, pre + "tiers: invalid action: member prices need tiers"},
		{"101 tiers", promo.MemberPrice{Tiers: tiers}, pre + "tiers 101: beyond limits: at most 100 tiers"},
		{"100 tiers", promo.MemberPrice{Tiers: tiers[:100]}, ""},
		{"1 tier", promo.MemberPrice{Tiers: tiers[:1]}, ""},
		{"unnamed tier", promo.MemberPrice{Tiers: []promo.MemberTier{{Rate: rate("9折")}}},
			pre + "tiers[0].tier: invalid action: a tier name is required"},
		{"no options", promo.Gift{}, pre + "options: invalid action: a gift needs at least one option"},
		{"101 options", promo.Gift{Options: opts}, pre + "options 101: beyond limits: at most 100 options"},
		{"100 options", promo.Gift{Options: opts[:100]}, ""},
		{"1 option", promo.Gift{Options: opts[:1]}, ""},
		{"no SKU", promo.Gift{Options: []promo.GiftOption{{Qty: 1}}}, pre + "options[0].sku: invalid action: a gift SKU is required"},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, newEngineErr(tc.a), tc.name)
	}
}
