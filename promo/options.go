package promo

import (
	"strconv"
	"time"

	"github.com/opskit/opskit/pricing"
)

// Option configures [NewEngine] and [DecodeCampaign], the package's one
// option type. Each function applies every option and then validates the
// options that concern it: a bad value is a *[FieldError] whose Field
// names the option ("WithWorkBudget") and which wraps [ErrInvalidOption].
// An option that does not concern a function is ignored by it (and not
// validated), so one list of options can configure a campaign's decoding
// and its engine: DecodeCampaign(doc, opts...) and then
// NewEngine(c.Currency, c.Promotions, opts...). A nil Option is skipped.
type Option func(*config)

// config is what the options set: the engine's floor and work budget, and
// the decoder's zone resolver and limits.
type config struct {
	floor       pricing.FloorPolicy
	budget      int64
	zone        func(name string) (*time.Location, error)
	maxBytes    int
	maxProblems int
	period      checkPeriod // for Check
}

// newConfig applies opts to the defaults.
func newConfig(opts []Option) config {
	c := config{
		budget:      DefaultWorkBudget,
		zone:        time.LoadLocation,
		maxBytes:    DefaultMaxCampaignBytes,
		maxProblems: DefaultMaxProblems,
	}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

// WithFloor sets the price floor (最低价控制) every unit is held to: a
// discount that would take a unit below its floor is trimmed, and the trim
// is reported. Promotions whose Campaign the policy exempts are not held.
// [NewEngine] and [DecodeCampaign] both use it: each promotion's Campaign
// must be a name the policy knows ([ErrUnknownCampaign]). Any policy is
// valid; the zero policy has no rules and checks no names.
func WithFloor(p pricing.FloorPolicy) Option {
	return func(c *config) { c.floor = p }
}

// WithWorkBudget bounds the work of one evaluation (default
// [DefaultWorkBudget]), counted as [Result.Work] counts it. The choice among
// conflicting promotions stops when the next combination would not fit; the
// best combination found so far is used and the result says it is not
// proven optimal. A cart whose single pass over every candidate promotion
// does not fit is refused with [ErrTooLarge]. n must be at least 1.
// For [NewEngine]; [DecodeCampaign] ignores it.
func WithWorkBudget(n int64) Option {
	return func(c *config) { c.budget = n }
}

// WithTimeZones sets the resolver of time-zone names (default
// [time.LoadLocation]). Each name is resolved at most once per decode,
// whether it resolves or not, and resolution stops with decoding once the
// problem limit is reached. resolve must not be nil. For [DecodeCampaign];
// [NewEngine] ignores it.
func WithTimeZones(resolve func(name string) (*time.Location, error)) Option {
	return func(c *config) { c.zone = resolve }
}

// WithMaxCampaignBytes sets the largest document DecodeCampaign reads
// (default [DefaultMaxCampaignBytes]); a larger one is one problem wrapping
// [ErrTooLarge], found before any parsing. n must be at least 1. For
// [DecodeCampaign]; [NewEngine] ignores it.
func WithMaxCampaignBytes(n int) Option {
	return func(c *config) { c.maxBytes = n }
}

// WithMaxProblems sets the most problems DecodeCampaign collects (default
// [DefaultMaxProblems]); when they are reached decoding stops and a last
// problem wrapping [ErrTooLarge] says so. n must be at least 1. For
// [DecodeCampaign]; [NewEngine] ignores it.
func WithMaxProblems(n int) Option {
	return func(c *config) { c.maxProblems = n }
}

// validateEngine checks the options NewEngine uses.
func (c *config) validateEngine() *FieldError {
	if c.budget < 1 {
		return fieldErr("WithWorkBudget", strconv.FormatInt(c.budget, 10), ErrInvalidOption, "must be at least 1")
	}
	return nil
}

// validateDecode checks the options DecodeCampaign uses.
func (c *config) validateDecode() *FieldError {
	switch {
	case c.zone == nil:
		return fieldErr("WithTimeZones", "", ErrInvalidOption, "a resolver is required")
	case c.maxBytes < 1:
		return fieldErr("WithMaxCampaignBytes", strconv.Itoa(c.maxBytes), ErrInvalidOption, "must be at least 1")
	case c.maxProblems < 1:
		return fieldErr("WithMaxProblems", strconv.Itoa(c.maxProblems), ErrInvalidOption, "must be at least 1")
	}
	return nil
}

// validateCheck checks the options Check uses.
func (c *config) validateCheck() *FieldError {
	switch {
	case c.budget < 1:
		return fieldErr("WithWorkBudget", strconv.FormatInt(c.budget, 10), ErrInvalidOption, "must be at least 1")
	case c.period.start.IsZero() != c.period.end.IsZero(), !c.period.start.IsZero() && !c.period.end.After(c.period.start):
		return fieldErr("WithCheckPeriod", c.period.end.String(), ErrInvalidOption, "the end must be after the start %s", c.period.start)
	}
	return nil
}
