package promo

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/opskit/opskit/internal/civil"
	"github.com/opskit/opskit/pricing"
)

// Promotion is one promotion (活动 or 优惠券): who may use it, when, on what,
// and its one [Action]. Promotions are plain values; build an [Engine] from a
// list of them to evaluate carts.
type Promotion struct {
	ID   string // unique, required
	Name string // for people: "双11 每满300减30"
	// Priority orders promotions within a layer: a higher Priority applies
	// first (then the smaller ID), and wins the choice's ties. This is the
	// opposite direction of Magento's sort_order, where the lower number
	// applies first: Magento's sort order 0 then 1 is Priority 1 then 0.
	Priority int
	// Group is an exclusion group (互斥组): promotions in the same group
	// exclude each other; the engine keeps the one that saves most.
	Group string
	// Exclusive promotions (不可叠加) exclude every other promotion that
	// touches any of the same lines.
	Exclusive bool
	// Stackable item promotions (可叠加) may discount a unit another
	// stackable item promotion already discounted, on the reduced price.
	Stackable bool
	// Start and End bound the validity [Start, End); a zero time leaves that
	// side open.
	Start, End time.Time
	// Schedule, when set, restricts the promotion to recurring weekdays and
	// times of day (a 14:00-17:00 happy hour).
	Schedule *Schedule
	// Channels the promotion runs in; empty means every channel (线上线下同步).
	Channels   []string
	Conditions Conditions
	Target     Selector // the items it applies to; the zero Selector is every item
	// Coupon, when set, is the code the customer must enter (优惠券); the
	// promotion is then a candidate the engine may pick, never forced.
	Coupon string
	Limits Limits
	// Campaign names the sales campaign (双11, 淘金币) for the price floor:
	// a floor policy may exempt it.
	Campaign string
	Action   Action
}

// Conditions restrict who may use a promotion.
type Conditions struct {
	Tiers      []string // member tiers allowed; empty means everyone
	FirstOrder bool     // only a customer's first order (新客专享)
	Tags       []string // customer tags all required, e.g. "favorited-store" for 收藏店铺减5元
}

// Limits cap a promotion's use, judged against the [Usage] in the cart. A
// guest (a cart without [Customer.ID]) is not held to PerCustomer, as in
// Magento, whose uses per customer do not apply to guests; Solidus's one use
// per user refuses guests instead: add a customer tag such as "registered"
// to the promotion's Conditions for that.
type Limits struct {
	Total       int64         // redemptions in total; 0 means unlimited
	PerCustomer int64         // redemptions per customer (限领/限用); 0 means unlimited
	Budget      pricing.Money // most discount in total (预算); the zero Money means unlimited
}

// Selector picks the items a promotion applies to. A line matches when it
// matches any include list, or when every include list is empty, and no
// exclude list; lines marked NotPromotable never match.
type Selector struct {
	SKUs, Products, Categories, Tags                             []string
	ExcludeSKUs, ExcludeProducts, ExcludeCategories, ExcludeTags []string
}

// Matches reports whether the selector picks line l. One call scans the
// lists; an engine holds each promotion's long lists as sets (see matcher).
func (s Selector) Matches(l Line) bool {
	m := matcher{s: &s, any: s.includesAll()}
	return m.matches(&l)
}

// includesAll reports whether the selector has no include list, so every
// line that no exclude list names matches.
func (s *Selector) includesAll() bool {
	return len(s.SKUs) == 0 && len(s.Products) == 0 && len(s.Categories) == 0 && len(s.Tags) == 0
}

// Schedule is a recurring time restriction: the promotion runs on the
// given weekdays (all when empty) during the given times of day (all day
// when empty), on the wall clock of TimeZone.
type Schedule struct {
	TimeZone *time.Location // required
	Weekdays []time.Weekday
	Hours    []ClockRange // a 14:00-17:00 happy hour is {Clock(14, 0), Clock(17, 0)}
}

// ClockRange is a half-open range of wall-clock time in a day,
// [Start, End): 14:00-17:00 includes 14:00:00 and excludes 17:00:00. It is
// the library's one daily clock range, shared with package kpi: fields
// Start and End ([ClockTime]); text and JSON form "14:00-17:00" (or
// "14:00:30-17:00" with seconds); a valid range has 00:00 ≤ Start < End ≤
// 24:00 and does not wrap past midnight (write 22:00-24:00 and 00:00-02:00).
// Methods: IsValid, Contains, String, MarshalText, UnmarshalText.
type ClockRange = civil.ClockRange

// ClockTime is a wall-clock time of day in whole seconds since midnight,
// 00:00 to 24:00 inclusive (24:00 ends a day), with text and JSON form
// "15:04" or "15:04:05", shared with package kpi. Build it with [Clock].
type ClockTime = civil.ClockTime

// Clock returns the clock time h:m (Clock(24, 0) is the end of the day).
// Out-of-range values make an invalid ClockTime, which [NewEngine] rejects.
func Clock(h, m int) ClockTime { return civil.Clock(h, m) }

// contains reports whether t falls in the schedule.
func (s *Schedule) contains(t time.Time) bool {
	local := t.In(s.TimeZone)
	if len(s.Weekdays) > 0 && !slices.Contains(s.Weekdays, local.Weekday()) {
		return false
	}
	if len(s.Hours) == 0 {
		return true
	}
	// Wall-clock time of day, so a 14:00 happy hour starts at 14:00 on a
	// daylight-saving day too; to the whole second, so 16:59:59.999 is
	// still in 14:00-17:00 and 13:59:59.999 is not yet.
	clock := civil.ClockOf(local, nil)
	for _, h := range s.Hours {
		if h.Contains(clock) {
			return true
		}
	}
	return false
}

func (s *Schedule) validate(path string) error {
	// Read at every evaluation (contains): at most MaxLabels each.
	if err := labelsLen(path+".hours", len(s.Hours)); err != nil {
		return err
	}
	if err := labelsLen(path+".weekdays", len(s.Weekdays)); err != nil {
		return err
	}
	if s.TimeZone == nil {
		return fieldErr(path+".time_zone", "", ErrInvalidPromotion, "a time zone is required")
	}
	for i, d := range s.Weekdays {
		if d < time.Sunday || d > time.Saturday {
			return fieldErr(fmt.Sprintf("%s.weekdays[%d]", path, i), strconv.Itoa(int(d)), ErrInvalidPromotion, "not a weekday")
		}
	}
	for i, h := range s.Hours {
		if !h.IsValid() {
			return fieldErr(fmt.Sprintf("%s.hours[%d]", path, i), strconv.Quote(h.String()), ErrInvalidPromotion,
				"want 00:00 <= start < end <= 24:00")
		}
	}
	return nil
}

// Limits of a promotion's configuration, checked by [NewEngine] and
// [DecodeCampaign]; a value beyond one is a *[FieldError] naming the field
// and wrapping [ErrTooLarge]. Every quantity of an action (BuyQty, GetQty,
// N, a bundle's or a combo part's Qty, a threshold's MinQty or step Qty, a
// gift's MinQty and option Qty) and every MaxTimes is at most [MaxUnits]:
// a cart never holds more, so a larger value could never apply, and with
// these bounds every product the engine forms (units × times, times ×
// amount off) stays far below 2^63.
const (
	// MaxPromotions is the most promotions of one engine or campaign.
	MaxPromotions = 10_000
	// MaxActionList is the most tiers ([Threshold], [MemberPrice]), parts
	// ([Combo]) or options ([Gift]) of one action.
	MaxActionList = 100
	// MaxSelectorList is the most entries of each list of a [Selector].
	// A promotion's Channels, its [Conditions] lists and its [Schedule]'s
	// Hours and Weekdays, read at every evaluation, take at most
	// [MaxLabels] entries each.
	MaxSelectorList = 10_000
)

// ErrUnknownCampaign: a promotion names a Campaign that the engine's floor
// policy ([WithFloor]) does not know, so an exemption meant for it would
// silently miss ("double11" against a policy exempting "双11").
var ErrUnknownCampaign = errors.New("promo: campaign unknown to the floor policy")

// compile validates one promotion, collecting every problem it finds, and
// returns its compiled form. path is "promotions[i]".
func (e *Engine) compile(path string, p Promotion) (compiled, error) {
	var k problems
	at := func(field string) string { return path + "." + field }
	if p.ID == "" {
		k.add(fieldErr(at("id"), "", ErrInvalidPromotion, "an ID is required"))
	}
	// A pointer to an action (&PercentOff{...}) also satisfies Action; use
	// its value, and refuse a nil pointer rather than panic on it.
	a, ok := derefAction(p.Action)
	switch {
	case !ok && p.Action != nil:
		k.add(fieldErr(at("action"), "", ErrInvalidPromotion, "an action is required (nil %T)", p.Action))
	case !ok:
		k.add(fieldErr(at("action"), "", ErrInvalidPromotion, "an action is required"))
	}
	p.Action = a
	if !p.Start.IsZero() && !p.End.IsZero() && !p.End.After(p.Start) {
		k.add(fieldErr(at("end"), p.End.String(), ErrInvalidPromotion, "must be after start %s", p.Start))
	}
	if p.Schedule != nil {
		if k.add(p.Schedule.validate(at("schedule"))) {
			s := *p.Schedule
			s.Weekdays, s.Hours = slices.Clone(s.Weekdays), slices.Clone(s.Hours)
			p.Schedule = &s
		}
	}
	// Checked for every promotion of every evaluation (eligible): at most
	// MaxLabels each, so eligibility costs O(MaxLabels log MaxLabels).
	k.add(labelsLen(at("channels"), len(p.Channels)))
	k.add(labelsLen(at("conditions.tiers"), len(p.Conditions.Tiers)))
	k.add(labelsLen(at("conditions.tags"), len(p.Conditions.Tags)))
	k.add(p.Target.validate(at("target")))
	k.add(checkForced(path, p)) // presale.go: points and presales are always applied
	for _, f := range [...]struct {
		name string
		v    int64
	}{{"limits.total", p.Limits.Total}, {"limits.per_customer", p.Limits.PerCustomer}} {
		switch {
		case f.v < 0:
			k.add(fieldErr(at(f.name), strconv.FormatInt(f.v, 10), ErrInvalidPromotion, "must not be negative"))
		case f.v > MaxRedemptions:
			k.add(fieldErr(at(f.name), strconv.FormatInt(f.v, 10), ErrTooLarge, "at most %d", int64(MaxRedemptions)))
		}
	}
	budget, err := optMinor(at("limits.budget"), p.Limits.Budget, e.currency)
	k.add(err)
	var r rule
	if p.Action != nil {
		r, err = p.Action.compile(at("action"), e.currency)
		k.add(err)
	}
	cp := compiled{budget: budget}
	if p.Campaign != "" {
		k.add(e.checkCampaign(at("campaign"), p))
		cp.exempt = e.floor.HasRules() && e.floor.IsExempt(p.Campaign) // no rules, no floor to be exempt from
	}
	if p.Coupon != "" {
		if len(p.Coupon) > MaxCouponLen {
			k.add(fieldErr(at("coupon"), strconv.Quote(codeClip(p.Coupon)), ErrTooLarge, "at most %d bytes", MaxCouponLen))
		} else if cp.coupon = NormalizeCode(p.Coupon); cp.coupon == "" {
			k.add(fieldErr(at("coupon"), strconv.Quote(p.Coupon), ErrInvalidPromotion, "the code is empty after normalisation"))
		}
	}
	if err := k.err(); err != nil {
		return compiled{}, err
	}
	p.Channels = slices.Clone(p.Channels)
	p.Conditions.Tiers, p.Conditions.Tags = slices.Clone(p.Conditions.Tiers), slices.Clone(p.Conditions.Tags)
	p.Target = p.Target.clone()
	cp.p, cp.r = p, r
	return cp, nil
}

// checkCampaign refuses a campaign name the floor policy does not know
// ([pricing.FloorPolicy.KnowsCampaign]: the campaigns it exempts and those it
// names without exempting; "" is a normal sale). Without floor rules no floor
// applies and the name is not checked.
func (e *Engine) checkCampaign(path string, p Promotion) error {
	if !e.floor.HasRules() || e.floor.KnowsCampaign(p.Campaign) {
		return nil
	}
	known := e.floor.Campaigns()
	quoted := make([]string, len(known))
	for i, n := range known {
		quoted[i] = strconv.Quote(n)
	}
	names := strings.Join(quoted, ", ")
	if names == "" {
		names = "none"
	}
	return fieldErr(path, strconv.Quote(p.Campaign), ErrUnknownCampaign, "promotion %q: the floor policy knows %s", p.ID, names)
}

// labelsLen bounds a promotion's channels and condition lists by MaxLabels.
func labelsLen(path string, n int) error {
	if n > MaxLabels {
		return fieldErr(path, strconv.Itoa(n), ErrTooLarge, "at most %d entries", MaxLabels)
	}
	return nil
}

// listLen bounds a configuration list by MaxSelectorList.
func listLen(path string, n int) error {
	if n > MaxSelectorList {
		return fieldErr(path, strconv.Itoa(n), ErrTooLarge, "at most %d entries", MaxSelectorList)
	}
	return nil
}

// validate bounds each of the selector's lists.
func (s *Selector) validate(path string) error {
	var k problems
	for _, l := range [...]struct {
		name string
		n    int
	}{
		{"skus", len(s.SKUs)}, {"products", len(s.Products)}, {"categories", len(s.Categories)}, {"tags", len(s.Tags)},
		{"exclude_skus", len(s.ExcludeSKUs)}, {"exclude_products", len(s.ExcludeProducts)},
		{"exclude_categories", len(s.ExcludeCategories)}, {"exclude_tags", len(s.ExcludeTags)},
	} {
		k.add(listLen(path+"."+l.name, l.n))
	}
	return k.err()
}

// clone copies the selector's lists.
func (s Selector) clone() Selector {
	return Selector{
		SKUs: slices.Clone(s.SKUs), Products: slices.Clone(s.Products),
		Categories: slices.Clone(s.Categories), Tags: slices.Clone(s.Tags),
		ExcludeSKUs: slices.Clone(s.ExcludeSKUs), ExcludeProducts: slices.Clone(s.ExcludeProducts),
		ExcludeCategories: slices.Clone(s.ExcludeCategories), ExcludeTags: slices.Clone(s.ExcludeTags),
	}
}
