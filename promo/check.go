package promo

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/opskit/opskit/pricing"
)

// CatalogItem is one item a campaign may sell, as [Check] sees it: what a
// selector matches on (SKU, product, categories, tags) and its prices.
type CatalogItem struct {
	SKU        string        `json:"sku"`
	Product    string        `json:"product,omitempty"`
	Categories []string      `json:"categories,omitempty"`
	Tags       []string      `json:"tags,omitempty"`
	ListPrice  pricing.Money `json:"list_price,omitzero"` // 标价, in the campaign's currency
	Cost       pricing.Money `json:"cost,omitzero"`       // unit cost; the zero Money means unknown
}

// line is the item as a cart line of one unit, for selectors.
func (it *CatalogItem) line() Line {
	return Line{SKU: it.SKU, Product: it.Product, Categories: it.Categories, Tags: it.Tags, Qty: 1, UnitPrice: it.ListPrice}
}

// Severity grades a [Finding].
type Severity uint8

const (
	// SeverityInfo: worth knowing, harmless as it stands.
	SeverityInfo Severity = iota + 1
	// SeverityWarning: the campaign does not do what its author most
	// likely meant (a tier that gives nothing more, a coupon nobody would
	// pick).
	SeverityWarning
	// SeverityError: the campaign cannot go live as it is (it does not
	// validate, or names a campaign the floor policy does not know).
	SeverityError
)

var severityNames = [...]string{"", "info", "warning", "error"}

// String returns the severity's name: "info", "warning" or "error".
func (s Severity) String() string {
	if s == 0 || int(s) >= len(severityNames) {
		return "Severity(" + strconv.Itoa(int(s)) + ")"
	}
	return severityNames[s]
}

// MarshalText returns the severity's name.
func (s Severity) MarshalText() ([]byte, error) {
	return textOfEnum("severity", int(s), severityNames[:])
}

// UnmarshalText reads a name written by [Severity.MarshalText]; any other
// text is an error and leaves s unchanged.
func (s *Severity) UnmarshalText(b []byte) error {
	i, err := enumOfText("severity", b, severityNames[:])
	if err == nil {
		*s = Severity(i)
	}
	return err
}

// FindingKind names what [Check] found. Each kind is listed, with its rule,
// in the package documentation's section on checking a campaign.
type FindingKind uint8

const (
	// FindingInvalid: the campaign does not validate ([Campaign.Validate]);
	// the finding carries the problem's path and message.
	FindingInvalid FindingKind = iota + 1
	// FindingTiersOutOfOrder: a threshold's tiers are not in rising order
	// of their minimums.
	FindingTiersOutOfOrder
	// FindingTierNotBetter: a tier gives no more than the tier below it at
	// every cart that reaches it.
	FindingTierNotBetter
	// FindingMatchesNothing: a selector (the target, a Get, a combo part)
	// matches no item of the catalog.
	FindingMatchesNothing
	// FindingNeverOpens: the promotion's validity window or schedule never
	// opens inside the checked period ([WithCheckPeriod]).
	FindingNeverOpens
	// FindingDominatedCoupon: another coupon of the same exclusion group
	// gives at least as much on every cart, so the engine never picks this
	// one.
	FindingDominatedCoupon
	// FindingBudgetBelowRedemption: the budget is smaller than the least a
	// single redemption gives, so the first use already exhausts it.
	FindingBudgetBelowRedemption
	// FindingGiftNotInCatalog: a gift's SKU is not in the catalog.
	FindingGiftNotInCatalog
	// FindingShippingAlwaysFree: a free-shipping threshold is met by any
	// one targeted unit of the catalog, so it is no threshold at all.
	FindingShippingAlwaysFree
	// FindingPriorityNoEffect: a promotion has a priority but no other
	// promotion of its layer shares an item of the catalog with it, so the
	// priority orders nothing.
	FindingPriorityNoEffect
	// FindingUnknownCampaign: the promotion's Campaign is a name the floor
	// policy ([WithFloor]) does not know, so an exemption meant for it
	// would miss.
	FindingUnknownCampaign
)

var findingNames = [...]string{"", "invalid", "tiers_out_of_order", "tier_not_better", "matches_nothing",
	"never_opens", "dominated_coupon", "budget_below_redemption", "gift_not_in_catalog",
	"shipping_always_free", "priority_no_effect", "unknown_campaign"}

// String returns the kind's name in snake_case: "tier_not_better".
func (k FindingKind) String() string {
	if k == 0 || int(k) >= len(findingNames) {
		return "FindingKind(" + strconv.Itoa(int(k)) + ")"
	}
	return findingNames[k]
}

// MarshalText returns the kind's name.
func (k FindingKind) MarshalText() ([]byte, error) {
	return textOfEnum("finding kind", int(k), findingNames[:])
}

// UnmarshalText reads a name written by [FindingKind.MarshalText]; any other
// text is an error and leaves k unchanged.
func (k *FindingKind) UnmarshalText(b []byte) error {
	i, err := enumOfText("finding kind", b, findingNames[:])
	if err == nil {
		*k = FindingKind(i)
	}
	return err
}

// Finding is one thing [Check] found in a campaign: its kind and severity,
// the IDs of the promotions involved (the one at Path first), the JSON path
// of the field at fault ("promotions[2].action.tiers[1].off"), and a plain
// explanation with the numbers.
type Finding struct {
	Kind       FindingKind `json:"kind"`
	Severity   Severity    `json:"severity"`
	Promotions []string    `json:"promotions,omitempty"`
	Path       string      `json:"path,omitempty"`
	Message    string      `json:"message"`
}

// String renders the finding on one line: "warning tier_not_better
// promotions[0].action.tiers[1]: ...".
func (f Finding) String() string {
	s := f.Severity.String() + " " + f.Kind.String()
	if f.Path != "" {
		s += " " + f.Path
	}
	return s + ": " + f.Message
}

// MaxCatalogItems is the most items of a catalog given to [Check].
const MaxCatalogItems = 100_000

// Check lints a campaign before it goes live: structural findings that need
// no cart (see the package documentation, "Checking a campaign"). The
// catalog may be empty, which skips the findings that need one. Options:
// [WithFloor] (unknown campaign names), [WithCheckPeriod] (windows and
// schedules that never open), [WithWorkBudget] (bounds promotions ×
// catalog items, the cost of matching every selector to every item).
// Findings come in the order of the promotions, then of the kinds.
//
// The error is a *[FieldError] for a bad option ([ErrInvalidOption]), a
// catalog beyond [MaxCatalogItems] or promotions × items beyond the work
// budget ([ErrTooLarge]), or a catalog price in another currency
// ([ErrInvalidPromotion]); a campaign that does not validate is not an
// error but findings of kind [FindingInvalid].
func Check(c Campaign, catalog []CatalogItem, opts ...Option) ([]Finding, error) {
	cfg := newConfig(opts)
	if err := cfg.validateCheck(); err != nil {
		err.Op = opCheck
		return nil, err
	}
	if len(catalog) > MaxCatalogItems {
		return nil, &FieldError{Op: opCheck, Field: "catalog", Value: strconv.Itoa(len(catalog)), Err: ErrTooLarge,
			Detail: fmt.Sprintf("at most %d items", MaxCatalogItems)}
	}
	if int64(len(catalog))*int64(len(c.Promotions)) > cfg.budget {
		return nil, &FieldError{Op: opCheck, Field: "catalog", Value: strconv.Itoa(len(catalog)), Err: ErrTooLarge,
			Detail: fmt.Sprintf("%d promotions × %d items is beyond the work budget %d", len(c.Promotions), len(catalog), cfg.budget)}
	}
	for i := range catalog {
		for _, l := range [...]struct {
			key string
			n   int
		}{{"categories", len(catalog[i].Categories)}, {"tags", len(catalog[i].Tags)}} {
			if l.n > MaxLabels {
				return nil, &FieldError{Op: opCheck, Field: fmt.Sprintf("catalog[%d].%s", i, l.key), Value: strconv.Itoa(l.n),
					Err: ErrTooLarge, Detail: fmt.Sprintf("at most %d entries", MaxLabels)}
			}
		}
		for _, m := range [...]struct {
			key string
			v   pricing.Money
		}{{"list_price", catalog[i].ListPrice}, {"cost", catalog[i].Cost}} {
			if m.v.IsValid() && m.v.Currency() != c.Currency {
				return nil, &FieldError{Op: opCheck, Field: fmt.Sprintf("catalog[%d].%s", i, m.key), Value: m.v.String(),
					Err: ErrInvalidPromotion, Detail: "want the campaign's currency " + c.Currency.String()}
			}
		}
	}
	k := checker{c: c, catalog: catalog, cfg: cfg}
	k.invalid()
	if len(c.Promotions) > MaxPromotions {
		return k.sorted(), nil // reported as invalid; too many to lint
	}
	k.matchCatalog()
	for i := range c.Promotions {
		k.promotion(i)
	}
	k.dominated()
	k.priorities()
	return k.sorted(), nil
}

// checker holds one Check's state.
type checker struct {
	c       Campaign
	catalog []CatalogItem
	cfg     config
	// matches[i] lists the catalog items promotion i's target matches;
	// nil when the catalog is empty.
	matches  [][]int32
	findings []Finding
	order    []int // the promotion index of each finding, for sorting
}

// add records a finding about promotion pi (-1 for the campaign).
func (k *checker) add(pi int, kind FindingKind, sev Severity, path string, ids []string, format string, args ...any) {
	k.findings = append(k.findings, Finding{Kind: kind, Severity: sev, Promotions: ids, Path: path,
		Message: fmt.Sprintf(format, args...)})
	k.order = append(k.order, pi)
}

// sorted returns the findings by promotion, then kind, then path (stable
// otherwise).
func (k *checker) sorted() []Finding {
	idx := make([]int, len(k.findings))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(k.order[a], k.order[b]), cmp.Compare(k.findings[a].Kind, k.findings[b].Kind),
			strings.Compare(k.findings[a].Path, k.findings[b].Path))
	})
	out := make([]Finding, len(idx))
	for i, j := range idx {
		out[i] = k.findings[j]
	}
	return out
}

// id returns promotion i's ID as a one-element list.
func (k *checker) id(i int) []string { return []string{k.c.Promotions[i].ID} }

// at is the JSON path of a field of promotion i.
func at(i int, field string) string { return fmt.Sprintf("promotions[%d].%s", i, field) }

// invalid turns the campaign's validation problems into findings, except
// tier order, which has its own kind.
func (k *checker) invalid() {
	err := k.c.Validate()
	if err == nil {
		return
	}
	ce, ok := err.(*CampaignError)
	if !ok {
		k.add(-1, FindingInvalid, SeverityError, "", nil, "%v", err)
		return
	}
	for _, p := range ce.Problems {
		pi, ids := k.promotionOf(p.Field)
		if pi >= 0 && strings.Contains(p.Detail, "must be greater than tiers[") {
			continue // FindingTiersOutOfOrder says it
		}
		k.add(pi, FindingInvalid, SeverityError, p.Field, ids, "%s", strings.TrimPrefix(p.Error(), "promo: "+p.Op+": "))
	}
}

// promotionOf reads the promotion index from a path "promotions[i]...".
func (k *checker) promotionOf(path string) (int, []string) {
	rest, ok := strings.CutPrefix(path, "promotions[")
	if !ok {
		return -1, nil
	}
	n, _, ok := strings.Cut(rest, "]")
	i, err := strconv.Atoi(n)
	if !ok || err != nil || i < 0 || i >= len(k.c.Promotions) {
		return -1, nil
	}
	return i, k.id(i)
}

// matchCatalog matches every promotion's target to every catalog item.
func (k *checker) matchCatalog() {
	if len(k.catalog) == 0 {
		return
	}
	k.matches = make([][]int32, len(k.c.Promotions))
	lines := make([]Line, len(k.catalog))
	for j := range k.catalog {
		lines[j] = k.catalog[j].line()
	}
	for i := range k.c.Promotions {
		m := newMatcher(&k.c.Promotions[i].Target)
		for j := range lines {
			if m.matches(&lines[j]) {
				k.matches[i] = append(k.matches[i], int32(j))
			}
		}
	}
}

// matchesAny reports whether s matches an item of the catalog.
func (k *checker) matchesAny(s *Selector) bool {
	m := newMatcher(s)
	for j := range k.catalog {
		l := k.catalog[j].line()
		if m.matches(&l) {
			return true
		}
	}
	return false
}

// checkPeriod is the period [WithCheckPeriod] sets; the zero value is none.
type checkPeriod struct{ start, end time.Time }

// WithCheckPeriod sets the period [Check] judges validity windows and
// schedules against: the campaign's own dates, [start, end). A promotion
// that cannot apply at any instant of it is a [FindingNeverOpens]. End must
// be after start.
func WithCheckPeriod(start, end time.Time) Option {
	return func(c *config) { c.period = checkPeriod{start, end} }
}

// textOfEnum returns names[i], or a *FieldError for a value without a name.
func textOfEnum(what string, i int, names []string) ([]byte, error) {
	if i <= 0 || i >= len(names) {
		return nil, &FieldError{Op: "marshal " + what, Value: strconv.Itoa(i), Err: ErrUnknownName}
	}
	return []byte(names[i]), nil
}

// enumOfText returns the index of b in names (never 0), or a *FieldError.
func enumOfText(what string, b []byte, names []string) (int, error) {
	for i, n := range names {
		if i > 0 && n == string(b) {
			return i, nil
		}
	}
	return 0, &FieldError{Op: "unmarshal " + what, Value: strconv.Quote(clip(string(b))), Err: ErrUnknownName}
}
