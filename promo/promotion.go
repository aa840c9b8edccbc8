package promo

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/opskit/opskit/pricing"
)

// Promotion is one promotion (活动 or 优惠券): who may use it, when, on what,
// and its one [Action]. Promotions are plain values; build an [Engine] from a
// list of them to evaluate carts.
type Promotion struct {
	ID       string // unique, required
	Name     string // for people: "双11 每满300减30"
	Priority int    // higher applies first within a layer, and wins ties
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

// Limits cap a promotion's use, judged against the [Usage] in the cart.
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

// Matches reports whether the selector picks line l.
func (s Selector) Matches(l Line) bool { return s.matches(&l) }

func (s *Selector) matches(l *Line) bool {
	if l.NotPromotable {
		return false
	}
	if slices.Contains(s.ExcludeSKUs, l.SKU) || slices.Contains(s.ExcludeProducts, l.Product) ||
		anyIn(s.ExcludeCategories, l.Categories) || anyIn(s.ExcludeTags, l.Tags) {
		return false
	}
	if len(s.SKUs) == 0 && len(s.Products) == 0 && len(s.Categories) == 0 && len(s.Tags) == 0 {
		return true
	}
	return slices.Contains(s.SKUs, l.SKU) || slices.Contains(s.Products, l.Product) ||
		anyIn(s.Categories, l.Categories) || anyIn(s.Tags, l.Tags)
}

func anyIn(want, have []string) bool {
	for _, h := range have {
		if slices.Contains(want, h) {
			return true
		}
	}
	return false
}

// Schedule is a recurring time restriction: the promotion runs on the
// given weekdays (all when empty) during the given times of day (all day
// when empty), in Location.
type Schedule struct {
	Location *time.Location // required
	Weekdays []time.Weekday
	Hours    []DayTime
}

// DayTime is a daily time range [From, To) as offsets from midnight: a
// 14:00-17:00 happy hour is {14 * time.Hour, 17 * time.Hour}.
type DayTime struct {
	From, To time.Duration
}

// contains reports whether t falls in the schedule.
func (s *Schedule) contains(t time.Time) bool {
	local := t.In(s.Location)
	if len(s.Weekdays) > 0 && !slices.Contains(s.Weekdays, local.Weekday()) {
		return false
	}
	if len(s.Hours) == 0 {
		return true
	}
	// Wall-clock time of day, so a 14:00 happy hour starts at 14:00 on a
	// daylight-saving day too.
	since := time.Duration(local.Hour())*time.Hour + time.Duration(local.Minute())*time.Minute +
		time.Duration(local.Second())*time.Second + time.Duration(local.Nanosecond())
	for _, h := range s.Hours {
		if since >= h.From && since < h.To {
			return true
		}
	}
	return false
}

func (s *Schedule) validate(path string) error {
	if s.Location == nil {
		return fieldErr(path+".location", "", ErrInvalidPromotion, "a time zone is required")
	}
	for i, d := range s.Weekdays {
		if d < time.Sunday || d > time.Saturday {
			return fieldErr(fmt.Sprintf("%s.weekdays[%d]", path, i), strconv.Itoa(int(d)), ErrInvalidPromotion, "not a weekday")
		}
	}
	for i, h := range s.Hours {
		if h.From < 0 || h.To > 24*time.Hour || h.To <= h.From {
			return fieldErr(fmt.Sprintf("%s.hours[%d]", path, i), fmt.Sprintf("%v-%v", h.From, h.To), ErrInvalidPromotion,
				"want 0 <= from < to <= 24h")
		}
	}
	return nil
}
